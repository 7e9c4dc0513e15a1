/* porta-auth.c — signing in: OpenID Connect discovery, PKCE, device code, refresh
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A public client (no secret), as RFC 8252 describes for native apps:
 * the authorization code flow with PKCE (RFC 7636, S256) and a loopback
 * redirect, and the device authorization grant (RFC 8628) for when no
 * browser is at hand. Tokens never reach a log: bodies that carry them
 * are withheld by porta-http's logging.
 */
#define G_LOG_DOMAIN "porta-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/random.h>

#include "porta-auth.h"
#include "porta-error.h"
#include "porta-http.h"
#include "porta-pin.h"

#define DEFAULT_BROWSER_TIMEOUT_S 300
#define DEFAULT_DEVICE_INTERVAL_S 5
#define SLOW_DOWN_STEP_S          5

struct _PortaAuth
{
  GObject      parent_instance;

  char        *authority;
  char        *client_id;
  char        *scopes;
  SoupSession *session;
  guint        browser_timeout_s;

  /* from the discovery document, once read */
  char        *authorization_endpoint;
  char        *token_endpoint;
  char        *device_authorization_endpoint;
};

G_DEFINE_FINAL_TYPE (PortaAuth, porta_auth, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PortaTokens, porta_tokens, porta_tokens_copy, porta_tokens_free)

static void
wipe_string (char **s)
{
  if (*s == NULL)
    return;
  porta_pin_wipe (*s, strlen (*s));
  g_clear_pointer (s, g_free);
}

PortaTokens *
porta_tokens_copy (const PortaTokens *tokens)
{
  PortaTokens *copy = g_new0 (PortaTokens, 1);

  copy->access_token = g_strdup (tokens->access_token);
  copy->refresh_token = g_strdup (tokens->refresh_token);
  copy->id_token = g_strdup (tokens->id_token);
  copy->scope = g_strdup (tokens->scope);
  copy->expires_at = tokens->expires_at;
  return copy;
}

/**
 * porta_tokens_free:
 * @tokens: (nullable): tokens
 *
 * Wipes, then frees @tokens.
 */
void
porta_tokens_free (PortaTokens *tokens)
{
  if (tokens == NULL)
    return;
  wipe_string (&tokens->access_token);
  wipe_string (&tokens->refresh_token);
  wipe_string (&tokens->id_token);
  g_free (tokens->scope);
  g_free (tokens);
}

static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        g_error ("getrandom failed: %s", g_strerror (errno));
      done += n;
    }
}

static char *
base64url (const guint8 *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return text;
}

static char *
random_token (void)
{
  guint8 bytes[32];
  char *text;

  random_bytes (bytes, sizeof bytes);
  text = base64url (bytes, sizeof bytes);
  porta_pin_wipe ((char *) bytes, sizeof bytes);
  return text;
}

/**
 * porta_auth_pkce_challenge:
 * @verifier: a PKCE code verifier
 *
 * Returns: (transfer full): `BASE64URL(SHA256(verifier))`, the S256
 *   code challenge of RFC 7636 §4.2
 */
char *
porta_auth_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  return base64url (digest, length);
}

/* ---- identity ---------------------------------------------------------- */

void
porta_identity_free (PortaIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->name);
  g_free (identity->username);
  g_free (identity->tenant_id);
  g_free (identity->object_id);
  g_free (identity);
}

/**
 * porta_identity_new_from_id_token:
 * @id_token: a JWT from the token endpoint
 * @error: return location for a %PORTA_ERROR_INVALID_RESPONSE
 *
 * Reads the claims Porta shows: `name`, `preferred_username`, `tid`, `oid`.
 *
 * Returns: (transfer full) (nullable): who signed in
 */
PortaIdentity *
porta_identity_new_from_id_token (const char  *id_token,
                                  GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) payload = NULL;
  g_autofree guchar *decoded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  PortaIdentity *identity;
  JsonObject *claims;
  gsize length = 0;

  parts = g_strsplit (id_token ? id_token : "", ".", 4);
  if (g_strv_length (parts) != 3)
    goto invalid;

  payload = g_string_new (parts[1]);
  g_strdelimit (payload->str, "-", '+');
  g_strdelimit (payload->str, "_", '/');
  while (payload->len % 4 != 0)
    g_string_append_c (payload, '=');
  decoded = g_base64_decode (payload->str, &length);
  if (decoded == NULL || length == 0 ||
      !json_parser_load_from_data (parser, (const char *) decoded, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;

  claims = json_node_get_object (json_parser_get_root (parser));
  identity = g_new0 (PortaIdentity, 1);
  identity->name = g_strdup (json_object_get_string_member_with_default (claims, "name", NULL));
  identity->username = g_strdup (json_object_get_string_member_with_default (claims, "preferred_username", NULL));
  identity->tenant_id = g_strdup (json_object_get_string_member_with_default (claims, "tid", NULL));
  identity->object_id = g_strdup (json_object_get_string_member_with_default (claims, "oid", NULL));
  if (identity->name == NULL)
    identity->name = g_strdup (identity->username);
  return identity;

invalid:
  g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                       _("The sign-in service sent an identity Porta could not read."));
  return NULL;
}

/* ---- shared plumbing --------------------------------------------------- */

static void
form_append (GString    *form,
             const char *key,
             const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (form->len > 0)
    g_string_append_c (form, '&');
  g_string_append_printf (form, "%s=%s", key, escaped);
  porta_pin_wipe (escaped, strlen (escaped));
}

static void
form_wipe_free (GString *form)
{
  porta_pin_wipe (form->str, form->len);
  g_string_free (form, TRUE);
}

/* A form that may carry a secret: wiped when it goes out of scope */
typedef GString PortaForm;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaForm, form_wipe_free)

/* POSTs a form that may carry secrets; resolves to the JSON object of a
 * 2xx answer, or to the error of any other. */
typedef struct
{
  SoupMessage *message;
} PostState;

static void
post_state_free (PostState *state)
{
  g_clear_object (&state->message);
  g_free (state);
}

static void
post_form_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PostState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *client_request_id;
  gconstpointer data;
  gsize length;

  body = porta_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  client_request_id = soup_message_headers_get_one (soup_message_get_request_headers (state->message),
                                                    "client-request-id");
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (state->message)))
    {
      g_task_return_error (task, porta_http_error_from_response (state->message, body, client_request_id));
      return;
    }

  data = g_bytes_get_data (body, &length);
  if (!json_parser_load_from_data (parser, data, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_task_return_error (task, porta_error_new_detailed (PORTA_ERROR_INVALID_RESPONSE,
                                                           soup_message_get_status (state->message),
                                                           NULL, NULL, client_request_id,
                                                           _("The sign-in service sent an answer Porta could not understand.")));
      return;
    }

  g_task_return_pointer (task, json_node_dup_object (json_parser_get_root (parser)),
                         (GDestroyNotify) json_object_unref);
}

static void
post_form_async (PortaAuth           *self,
                 const char          *url,
                 GString             *form,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *request_id = g_uuid_string_random ();
  GError *error = NULL;
  PostState *state;
  char *copy;

  g_task_set_source_tag (task, post_form_async);

  uri = porta_http_parse_uri (url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  state = g_new0 (PostState, 1);
  state->message = soup_message_new_from_uri (SOUP_METHOD_POST, uri);
  g_task_set_task_data (task, state, (GDestroyNotify) post_state_free);

  soup_message_headers_replace (soup_message_get_request_headers (state->message),
                                "client-request-id", request_id);
  soup_message_headers_replace (soup_message_get_request_headers (state->message),
                                "Accept", "application/json");
  porta_http_log_request (state->message, form->str, FALSE);

  /* the session copies nothing: the bytes wipe the form when released */
  copy = g_strndup (form->str, form->len);
  /* the free function gets the user data: the copy itself */
  bytes = g_bytes_new_with_free_func (copy, form->len, (GDestroyNotify) porta_pin_free, copy);
  soup_message_set_request_body_from_bytes (state->message,
                                            "application/x-www-form-urlencoded", bytes);

  porta_http_send_async (self->session, state->message, TRUE, cancellable,
                         post_form_cb, g_steal_pointer (&task));
}

static JsonObject *
post_form_finish (PortaAuth     *self,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == post_form_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static PortaTokens *
tokens_from_json (JsonObject  *object,
                  GError     **error)
{
  const char *access_token = json_object_get_string_member_with_default (object, "access_token", NULL);
  PortaTokens *tokens;
  gint64 expires_in;

  if (access_token == NULL || access_token[0] == '\0')
    {
      g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                           _("The sign-in service did not send an access token."));
      return NULL;
    }

  expires_in = json_object_get_int_member_with_default (object, "expires_in", 3600);
  if (expires_in <= 0)
    expires_in = 3600;

  tokens = g_new0 (PortaTokens, 1);
  tokens->access_token = g_strdup (access_token);
  tokens->refresh_token = g_strdup (json_object_get_string_member_with_default (object, "refresh_token", NULL));
  tokens->id_token = g_strdup (json_object_get_string_member_with_default (object, "id_token", NULL));
  tokens->scope = g_strdup (json_object_get_string_member_with_default (object, "scope", NULL));
  tokens->expires_at = g_get_real_time () + expires_in * G_USEC_PER_SEC;
  return tokens;
}

/* ---- discovery --------------------------------------------------------- */

static void
discover_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaAuth *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *endpoints[3];
  JsonObject *config;
  gconstpointer data;
  gsize length;

  body = porta_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_autoptr(GError) http_error = porta_http_error_from_response (message, body, NULL);

      g_debug ("discovery failed: HTTP %u", soup_message_get_status (message));
      /* Translators: %s is a sign-in address such as https://login.microsoftonline.com/contoso.com */
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                               _("No sign-in service was found at “%s”. Check the organization and the authority address."),
                               self->authority);
      return;
    }

  data = g_bytes_get_data (body, &length);
  if (!json_parser_load_from_data (parser, data, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                               _("The sign-in service sent an answer Porta could not understand."));
      return;
    }

  config = json_node_get_object (json_parser_get_root (parser));
  endpoints[0] = json_object_get_string_member_with_default (config, "authorization_endpoint", NULL);
  endpoints[1] = json_object_get_string_member_with_default (config, "token_endpoint", NULL);
  endpoints[2] = json_object_get_string_member_with_default (config, "device_authorization_endpoint", NULL);

  if (endpoints[1] == NULL)
    {
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                               _("The sign-in service sent an answer Porta could not understand."));
      return;
    }

  /* every endpoint must pass the same https-or-loopback rule */
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autoptr(GUri) uri = NULL;

      if (endpoints[i] == NULL)
        continue;
      uri = porta_http_parse_uri (endpoints[i], &error);
      if (uri == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_free (self->authorization_endpoint);
  g_free (self->token_endpoint);
  g_free (self->device_authorization_endpoint);
  self->authorization_endpoint = g_strdup (endpoints[0]);
  self->token_endpoint = g_strdup (endpoints[1]);
  self->device_authorization_endpoint = g_strdup (endpoints[2]);

  g_task_return_boolean (task, TRUE);
}

static void
discover_async (PortaAuth           *self,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;
  SoupMessage *message;

  g_task_set_source_tag (task, discover_async);

  if (self->token_endpoint != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* as Microsoft publishes it: {authority}/v2.0/.well-known/… */
  url = g_strdup_printf ("%s/v2.0/.well-known/openid-configuration", self->authority);

  uri = porta_http_parse_uri (url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  g_task_set_task_data (task, message, g_object_unref);
  porta_http_log_request (message, NULL, FALSE);
  porta_http_send_async (self->session, message, FALSE, cancellable, discover_cb, g_steal_pointer (&task));
}

static gboolean
discover_finish (PortaAuth     *self,
                 GAsyncResult  *result,
                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == discover_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- authorization code with PKCE and a loopback redirect -------------- */

typedef struct
{
  PortaOpenUriFunc  open_uri;
  gpointer          open_uri_data;
  SoupServer       *server;
  char             *state;
  char             *verifier;
  char             *redirect_uri;
  guint             timeout_id;
  gulong            cancelled_id;
  gboolean          answered;
} BrowserState;

static gboolean
release_server_cb (gpointer data)
{
  SoupServer *server = data;

  soup_server_disconnect (server);
  g_object_unref (server);
  return G_SOURCE_REMOVE;
}

static void
browser_state_free (BrowserState *state)
{
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  if (state->server != NULL)
    {
      /* The sign-in can end inside the server's own handler, or while it
       * still writes the "you can close this tab" page: let it finish,
       * then close the listener. No new answer is taken meanwhile. */
      soup_server_remove_handler (state->server, "/");
      g_timeout_add_seconds (1, release_server_cb, g_steal_pointer (&state->server));
    }
  g_free (state->state);
  wipe_string (&state->verifier);
  g_free (state->redirect_uri);
  g_free (state);
}

static void
browser_stop (GTask *task)
{
  BrowserState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  state->answered = TRUE;
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  if (cancellable != NULL && state->cancelled_id != 0)
    {
      g_cancellable_disconnect (cancellable, state->cancelled_id);
      state->cancelled_id = 0;
    }
}

static char *
result_page (gboolean    success,
             const char *detail)
{
  const char *title = success ? _("You are signed in to Porta")
                              : _("Sign-in was not completed");
  const char *text = success ? _("You can close this tab and go back to Porta.")
                             : _("You can close this tab. Porta shows what happened and lets you try again.");
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);
  g_autofree char *text_escaped = g_markup_escape_text (text, -1);
  g_autofree char *detail_escaped = g_markup_escape_text (detail ? detail : "", -1);

  return g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>Porta</title><style>body{font-family:Cantarell,sans-serif;"
                          "max-width:32em;margin:4em auto;padding:0 1em;color:#222}"
                          "h1{font-size:1.5em}</style></head><body><h1>%s</h1><p>%s</p>"
                          "<p><small>%s</small></p></body></html>\n",
                          /* Translators: the language code of this translation, for the
                           * sign-in page shown in the browser: "it" for Italian */
                          _("en"),
                          title_escaped, text_escaped, detail_escaped);
}

static void
exchange_code_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  PortaTokens *tokens;

  answer = post_form_finish (PORTA_AUTH (object), result, &error);
  if (answer == NULL)
    {
      if (error->domain == PORTA_ERROR && error->code == PORTA_ERROR_INVALID_REQUEST)
        {
          g_debug ("code exchange refused: %s", porta_error_get_graph_code (error));
          g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                                   _("The sign-in service refused to complete the sign-in. Try again."));
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  tokens = tokens_from_json (answer, &error);
  if (tokens == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) porta_tokens_free);
}

static void
redirect_handler (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  GTask *task = user_data;
  PortaAuth *self = g_task_get_source_object (task);
  BrowserState *state = g_task_get_task_data (task);
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *returned_state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *oauth_error = query ? g_hash_table_lookup (query, "error") : NULL;
  g_autofree char *page = NULL;
  g_autoptr(PortaForm) form = NULL;

  if (g_strcmp0 (soup_server_message_get_method (message), SOUP_METHOD_GET) != 0 ||
      g_strcmp0 (path, "/") != 0 || state->answered)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  /* Only the answer to our own request counts (RFC 6749 §10.12): a
   * stray or forged request is turned away, and we keep waiting. */
  if (returned_state == NULL || strcmp (returned_state, state->state) != 0)
    {
      g_debug ("redirect with a wrong state ignored");
      page = result_page (FALSE, _("This sign-in answer did not come from the request Porta made."));
      soup_server_message_set_status (message, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8",
                                        SOUP_MEMORY_COPY, page, strlen (page));
      return;
    }

  browser_stop (task);

  if (oauth_error != NULL || code == NULL)
    {
      gboolean declined = g_strcmp0 (oauth_error, "access_denied") == 0;
      const char *text = declined ? _("Sign-in was declined.")
                                  : _("The sign-in service reported a problem.");

      g_debug ("authorization error: %s", oauth_error ? oauth_error : "(no code)");
      page = result_page (FALSE, text);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8",
                                        SOUP_MEMORY_COPY, page, strlen (page));
      g_task_return_new_error (task, PORTA_ERROR,
                               declined ? PORTA_ERROR_SIGN_IN_DECLINED : PORTA_ERROR_SIGN_IN_FAILED,
                               "%s", declined ? _("Sign-in was declined in the browser.")
                                              : _("The sign-in service reported a problem. Try again."));
      g_object_unref (task);
      return;
    }

  page = result_page (TRUE, NULL);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8",
                                    SOUP_MEMORY_COPY, page, strlen (page));

  form = g_string_new (NULL);
  form_append (form, "grant_type", "authorization_code");
  form_append (form, "client_id", self->client_id);
  form_append (form, "code", code);
  form_append (form, "redirect_uri", state->redirect_uri);
  form_append (form, "code_verifier", state->verifier);
  form_append (form, "scope", self->scopes);

  /* the task's own reference moves on to the exchange */
  post_form_async (self, self->token_endpoint, form, g_task_get_cancellable (task),
                   exchange_code_cb, task);
}

static gboolean
browser_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  BrowserState *state = g_task_get_task_data (task);

  state->timeout_id = 0;
  browser_stop (task);
  g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_EXPIRED,
                           _("Sign-in in the browser took too long. Try again."));
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
browser_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  BrowserState *state = g_task_get_task_data (task);

  if (!state->answered)
    {
      browser_stop (task);
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);  /* the waiting reference */
    }
  return G_SOURCE_REMOVE;
}

static void
browser_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  porta_http_idle_in_task_context (G_TASK (user_data), browser_cancelled_idle_cb);
}

static gboolean
listen_loopback (SoupServer  *server,
                 guint       *port,
                 GError     **error)
{
  g_autoptr(GInetAddress) v4 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GInetAddress) v6 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV6);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (v4, 0);
  g_autoptr(GSocketAddress) address6 = NULL;
  GSList *uris;

  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  *port = uris ? (guint) g_uri_get_port (uris->data) : 0;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* A browser may resolve "localhost" to ::1 first (RFC 8252 §8.3):
   * listen there too, on the same port, when the system has IPv6. */
  address6 = g_inet_socket_address_new (v6, *port);
  if (!soup_server_listen (server, address6, 0, NULL))
    g_debug ("no IPv6 loopback listener; IPv4 only");

  return *port != 0;
}

static void
browser_discovered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaAuth *self = PORTA_AUTH (object);
  BrowserState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) authority_uri = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *url = NULL;
  g_autoptr(PortaForm) query = NULL;
  guint port = 0;

  if (!discover_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->authorization_endpoint == NULL)
    {
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                               _("This sign-in service does not offer sign-in with a browser. "
                                 "Sign in on another device instead."));
      return;
    }

  state->server = soup_server_new ("server-header", "Porta/" PACKAGE_VERSION, NULL);
  if (!listen_loopback (state->server, &port, &error))
    {
      g_debug ("cannot listen on loopback: %s", error ? error->message : "no port");
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                               _("Porta could not prepare to receive the browser’s answer. "
                                 "Sign in on another device instead."));
      return;
    }
  soup_server_add_handler (state->server, "/", redirect_handler, task, NULL);

  /* Microsoft's app registrations name http://localhost, and match any
   * port on it; a loopback authority (the sandbox) gets the IP literal
   * RFC 8252 §7.3 recommends. */
  authority_uri = g_uri_parse (self->authority, SOUP_HTTP_URI_FLAGS, NULL);
  if (authority_uri != NULL && porta_http_uri_is_loopback (authority_uri))
    state->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/", port);
  else
    state->redirect_uri = g_strdup_printf ("http://localhost:%u/", port);

  state->state = random_token ();
  state->verifier = random_token ();
  challenge = porta_auth_pkce_challenge (state->verifier);

  query = g_string_new (NULL);
  form_append (query, "client_id", self->client_id);
  form_append (query, "response_type", "code");
  form_append (query, "redirect_uri", state->redirect_uri);
  form_append (query, "response_mode", "query");
  form_append (query, "scope", self->scopes);
  form_append (query, "state", state->state);
  form_append (query, "code_challenge", challenge);
  form_append (query, "code_challenge_method", "S256");
  form_append (query, "prompt", "select_account");
  url = g_strdup_printf ("%s%c%s", self->authorization_endpoint,
                         strchr (self->authorization_endpoint, '?') ? '&' : '?', query->str);

  if (!state->open_uri (url, state->open_uri_data, &error))
    {
      g_debug ("could not open the browser: %s", error ? error->message : "?");
      if (error != NULL && error->domain == PORTA_ERROR)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                                 _("Porta could not open a web browser. Sign in on another device instead."));
      return;
    }

  /* From here the server's handler, the time-out or a cancellation
   * finishes the task; each holds it through the one reference below. */
  state->timeout_id = g_timeout_add_seconds (self->browser_timeout_s, browser_timeout_cb, task);
  if (cancellable != NULL)
    state->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (browser_cancelled_cb), task, NULL);
  g_steal_pointer (&task);
}

/**
 * porta_auth_sign_in_browser_async:
 * @self: a #PortaAuth
 * @open_uri: opens the sign-in page in the browser
 * @open_uri_data: data for @open_uri
 * @cancellable: (nullable): stops waiting for the browser
 * @callback: called with the tokens
 * @user_data: data for @callback
 *
 * Signs in through the browser: discovery, a loopback listener on
 * 127.0.0.1, the authorization request with PKCE, then the code
 * exchange. Ends with %PORTA_ERROR_SIGN_IN_DECLINED if the person
 * declines, %PORTA_ERROR_SIGN_IN_EXPIRED after the browser time-out.
 */
void
porta_auth_sign_in_browser_async (PortaAuth           *self,
                                  PortaOpenUriFunc     open_uri,
                                  gpointer             open_uri_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BrowserState *state;

  g_return_if_fail (PORTA_IS_AUTH (self));
  g_return_if_fail (open_uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_auth_sign_in_browser_async);

  state = g_new0 (BrowserState, 1);
  state->open_uri = open_uri;
  state->open_uri_data = open_uri_data;
  g_task_set_task_data (task, state, (GDestroyNotify) browser_state_free);

  discover_async (self, cancellable, browser_discovered_cb, g_steal_pointer (&task));
}

/**
 * porta_auth_sign_in_browser_finish:
 *
 * Returns: (transfer full): the tokens, or %NULL with @error set
 */
PortaTokens *
porta_auth_sign_in_browser_finish (PortaAuth     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_auth_sign_in_browser_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- device authorization grant ---------------------------------------- */

typedef struct
{
  PortaDeviceCodeFunc  show_code;
  gpointer             show_code_data;
  char                *device_code;
  guint                interval_s;
  gint64               deadline;
} DeviceState;

static void
device_state_free (DeviceState *state)
{
  wipe_string (&state->device_code);
  g_free (state);
}

static void device_poll (GTask *task);

static void
device_waited_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!porta_http_wait_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  device_poll (g_steal_pointer (&task));
}

static void
device_poll_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeviceState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  const char *code;
  PortaTokens *tokens;

  answer = post_form_finish (PORTA_AUTH (object), result, &error);
  if (answer != NULL)
    {
      tokens = tokens_from_json (answer, &error);
      if (tokens == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, tokens, (GDestroyNotify) porta_tokens_free);
      return;
    }

  code = porta_error_get_graph_code (error);
  if (g_strcmp0 (code, "authorization_pending") == 0 || g_strcmp0 (code, "slow_down") == 0)
    {
      /* RFC 8628 §3.5: slow_down adds 5 seconds to every later poll */
      if (g_strcmp0 (code, "slow_down") == 0)
        state->interval_s += SLOW_DOWN_STEP_S;

      if (g_get_monotonic_time () + state->interval_s * G_USEC_PER_SEC > state->deadline)
        {
          g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_EXPIRED,
                                   _("The sign-in code expired before it was used. Start again for a new code."));
          return;
        }
      porta_http_wait_async (state->interval_s * 1000, g_task_get_cancellable (task),
                             device_waited_cb, task);
      g_steal_pointer (&task);
      return;
    }

  if (g_strcmp0 (code, "authorization_declined") == 0 || g_strcmp0 (code, "access_denied") == 0)
    g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_DECLINED,
                             _("Sign-in was declined on the other device."));
  else if (g_strcmp0 (code, "expired_token") == 0)
    g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_EXPIRED,
                             _("The sign-in code expired before it was used. Start again for a new code."));
  else if (error->domain == PORTA_ERROR && error->code == PORTA_ERROR_INVALID_REQUEST)
    g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                             _("The sign-in service refused to complete the sign-in. Try again."));
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
device_poll (GTask *task)
{
  PortaAuth *self = g_task_get_source_object (task);
  DeviceState *state = g_task_get_task_data (task);
  g_autoptr(PortaForm) form = g_string_new (NULL);

  form_append (form, "grant_type", "urn:ietf:params:oauth:grant-type:device_code");
  form_append (form, "client_id", self->client_id);
  form_append (form, "device_code", state->device_code);
  post_form_async (self, self->token_endpoint, form, g_task_get_cancellable (task),
                   device_poll_cb, task);
}

static void
device_code_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeviceState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  PortaDeviceCode code = { 0, };
  gint64 interval;

  answer = post_form_finish (PORTA_AUTH (object), result, &error);
  if (answer == NULL)
    {
      if (error->domain == PORTA_ERROR && error->code == PORTA_ERROR_INVALID_REQUEST)
        g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                                 _("The sign-in service refused to start a sign-in. Check the client ID."));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  code.user_code = (char *) json_object_get_string_member_with_default (answer, "user_code", NULL);
  code.verification_uri = (char *) json_object_get_string_member_with_default (answer, "verification_uri", NULL);
  code.verification_uri_complete = (char *) json_object_get_string_member_with_default (answer, "verification_uri_complete", NULL);
  code.message = (char *) json_object_get_string_member_with_default (answer, "message", NULL);
  code.expires_in = (guint) CLAMP (json_object_get_int_member_with_default (answer, "expires_in", 900), 1, 86400);
  /* RFC 8628 §3.2: without an interval, the client uses 5 seconds */
  interval = json_object_get_int_member_with_default (answer, "interval", DEFAULT_DEVICE_INTERVAL_S);
  code.interval = (guint) CLAMP (interval, 1, 600);
  state->device_code = g_strdup (json_object_get_string_member_with_default (answer, "device_code", NULL));

  if (state->device_code == NULL || code.user_code == NULL || code.verification_uri == NULL)
    {
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                               _("The sign-in service sent an answer Porta could not understand."));
      return;
    }

  state->interval_s = code.interval;
  state->deadline = g_get_monotonic_time () + (gint64) code.expires_in * G_USEC_PER_SEC;
  state->show_code (&code, state->show_code_data);

  porta_http_wait_async (state->interval_s * 1000, g_task_get_cancellable (task),
                         device_waited_cb, task);
  g_steal_pointer (&task);
}

static void
device_discovered_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaAuth *self = PORTA_AUTH (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaForm) form = NULL;

  if (!discover_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->device_authorization_endpoint == NULL)
    {
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                               _("This sign-in service does not offer sign-in on another device. "
                                 "Sign in with a browser instead."));
      return;
    }

  form = g_string_new (NULL);
  form_append (form, "client_id", self->client_id);
  form_append (form, "scope", self->scopes);
  post_form_async (self, self->device_authorization_endpoint, form, g_task_get_cancellable (task),
                   device_code_cb, task);
  g_steal_pointer (&task);
}

/**
 * porta_auth_sign_in_device_async:
 * @self: a #PortaAuth
 * @show_code: shows the code and the address to the person
 * @show_code_data: data for @show_code
 * @cancellable: (nullable): stops polling
 * @callback: called with the tokens
 * @user_data: data for @callback
 *
 * Signs in with the device authorization grant (RFC 8628): the person
 * types a code on another device while Porta polls, every `interval`
 * seconds (5 when the server gives none; 5 more after each `slow_down`).
 */
void
porta_auth_sign_in_device_async (PortaAuth           *self,
                                 PortaDeviceCodeFunc  show_code,
                                 gpointer             show_code_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeviceState *state;

  g_return_if_fail (PORTA_IS_AUTH (self));
  g_return_if_fail (show_code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_auth_sign_in_device_async);

  state = g_new0 (DeviceState, 1);
  state->show_code = show_code;
  state->show_code_data = show_code_data;
  g_task_set_task_data (task, state, (GDestroyNotify) device_state_free);

  discover_async (self, cancellable, device_discovered_cb, g_steal_pointer (&task));
}

PortaTokens *
porta_auth_sign_in_device_finish (PortaAuth     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_auth_sign_in_device_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- refresh ----------------------------------------------------------- */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *old_refresh_token = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  PortaTokens *tokens;

  answer = post_form_finish (PORTA_AUTH (object), result, &error);
  if (answer == NULL)
    {
      if (error->domain == PORTA_ERROR &&
          (error->code == PORTA_ERROR_INVALID_REQUEST || error->code == PORTA_ERROR_UNAUTHORIZED))
        {
          g_debug ("refresh refused: %s", porta_error_get_graph_code (error));
          g_task_return_error (task, porta_error_new_detailed (PORTA_ERROR_UNAUTHORIZED,
                                                               porta_error_get_http_status (error),
                                                               porta_error_get_graph_code (error),
                                                               porta_error_get_request_id (error),
                                                               porta_error_get_client_request_id (error),
                                                               _("Your sign-in has expired or was revoked. Sign in again to continue.")));
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  tokens = tokens_from_json (answer, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A server that does not rotate keeps the old refresh token valid */
  if (tokens->refresh_token == NULL)
    tokens->refresh_token = g_strdup (old_refresh_token);

  g_task_return_pointer (task, tokens, (GDestroyNotify) porta_tokens_free);
}

static void
refresh_discovered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaAuth *self = PORTA_AUTH (object);
  const char *refresh_token = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaForm) form = NULL;

  if (!discover_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  form = g_string_new (NULL);
  form_append (form, "grant_type", "refresh_token");
  form_append (form, "client_id", self->client_id);
  form_append (form, "refresh_token", refresh_token);
  form_append (form, "scope", self->scopes);
  post_form_async (self, self->token_endpoint, form, g_task_get_cancellable (task),
                   refresh_cb, task);
  g_steal_pointer (&task);
}

/**
 * porta_auth_refresh_async:
 * @self: a #PortaAuth
 * @refresh_token: the current refresh token
 *
 * Trades @refresh_token for new tokens. The answer's refresh token
 * replaces the old one, which a rotating server no longer accepts.
 * A refused refresh is %PORTA_ERROR_UNAUTHORIZED: sign in again.
 */
void
porta_auth_refresh_async (PortaAuth           *self,
                          const char          *refresh_token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_AUTH (self));
  g_return_if_fail (refresh_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_auth_refresh_async);
  g_task_set_task_data (task, g_strdup (refresh_token), (GDestroyNotify) porta_pin_free);

  discover_async (self, cancellable, refresh_discovered_cb, g_steal_pointer (&task));
}

PortaTokens *
porta_auth_refresh_finish (PortaAuth     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_auth_refresh_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the object -------------------------------------------------------- */

static void
porta_auth_finalize (GObject *object)
{
  PortaAuth *self = PORTA_AUTH (object);

  g_free (self->authority);
  g_free (self->client_id);
  g_free (self->scopes);
  g_clear_object (&self->session);
  g_free (self->authorization_endpoint);
  g_free (self->token_endpoint);
  g_free (self->device_authorization_endpoint);

  G_OBJECT_CLASS (porta_auth_parent_class)->finalize (object);
}

static void
porta_auth_class_init (PortaAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porta_auth_finalize;
}

static void
porta_auth_init (PortaAuth *self)
{
  self->browser_timeout_s = DEFAULT_BROWSER_TIMEOUT_S;
}

/**
 * porta_auth_new:
 * @authority: the authority, such as
 *   `https://login.microsoftonline.com/organizations`
 * @client_id: the app registration's client id
 * @scopes: space-separated scopes
 * @session: (nullable): the session to share, or %NULL for a new one
 *
 * Returns: (transfer full): a new #PortaAuth
 */
PortaAuth *
porta_auth_new (const char  *authority,
                const char  *client_id,
                const char  *scopes,
                SoupSession *session)
{
  PortaAuth *self = g_object_new (PORTA_TYPE_AUTH, NULL);
  gsize length;

  self->authority = g_strdup (authority);
  /* one spelling: no trailing slash */
  length = strlen (self->authority);
  while (length > 0 && self->authority[length - 1] == '/')
    self->authority[--length] = '\0';
  self->client_id = g_strdup (client_id);
  self->scopes = g_strdup (scopes);
  self->session = session ? g_object_ref (session) : porta_http_session_new ();
  return self;
}

const char *
porta_auth_get_authority (PortaAuth *self)
{
  g_return_val_if_fail (PORTA_IS_AUTH (self), NULL);
  return self->authority;
}

/**
 * porta_auth_set_browser_timeout:
 * @self: a #PortaAuth
 * @seconds: how long to wait for the browser's answer
 */
void
porta_auth_set_browser_timeout (PortaAuth *self,
                                guint      seconds)
{
  g_return_if_fail (PORTA_IS_AUTH (self));
  self->browser_timeout_s = MAX (seconds, 1);
}
