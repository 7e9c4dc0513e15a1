/* porta-client.c — the admin API client: the object and its requests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession per client. Every request goes through
 * _porta_client_request_async(), which adds the bearer token, refreshes
 * it once on a 401, retries what is safe to retry, and turns every
 * failure into a PORTA_ERROR. This file holds that machinery, the
 * credentials and the object; the pages of numbers, the port orders and
 * the PIN are in the sibling files porta-client-*.c, which share the
 * instance struct through porta-client-private.h.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-client-private.h"
#include "porta-enum-types.h"
#include "porta-error.h"
#include "porta-http.h"
#include "porta-json.h"
#include "porta-pin.h"

/* An access token this close to expiry is refreshed before use */
#define EXPIRY_MARGIN_US (60 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (PortaClient, porta_client, G_TYPE_OBJECT)

enum {
  SIGNAL_TOKENS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_NUMBERS_CAPABILITY,
  PROP_PIN_CAPABILITY,
  PROP_ORDERS_CAPABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe_string (char **s)
{
  if (*s == NULL)
    return;
  porta_pin_wipe (*s, strlen (*s));
  g_clear_pointer (s, g_free);
}

/* The finish of every call of the client that resolves to a boolean */
gboolean
_porta_client_boolean_finish (PortaClient   *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- tokens ------------------------------------------------------------ */

typedef enum
{
  REFRESH_IF_EXPIRED,
  REFRESH_ALWAYS,
} RefreshMode;

static void
refresh_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PortaClient) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(GPtrArray) waiters = NULL;

  tokens = porta_auth_refresh_finish (PORTA_AUTH (object), result, &error);
  self->refreshing = FALSE;
  waiters = g_steal_pointer (&self->refresh_waiters);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  if (tokens != NULL)
    {
      gboolean rotated = g_strcmp0 (tokens->refresh_token, self->refresh_token) != 0;

      porta_client_set_tokens (self, tokens);
      if (rotated)
        g_signal_emit (self, signals[SIGNAL_TOKENS_CHANGED], 0);
    }
  else if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED))
    {
      /* the refresh token is dead: do not try it again */
      wipe_string (&self->access_token);
      wipe_string (&self->refresh_token);
    }

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (tokens != NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* Makes sure there is a usable access token; concurrent callers share
 * one refresh. A refresh is never cancelled half-way by one caller:
 * the rotated token it brings back must not be lost. */
static void
ensure_token_async (PortaClient         *self,
                    RefreshMode          mode,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ensure_token_async);

  if (mode == REFRESH_IF_EXPIRED && self->access_token != NULL &&
      g_get_real_time () + EXPIRY_MARGIN_US < self->expires_at)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->refresh_token == NULL)
    {
      if (self->access_token != NULL && mode == REFRESH_IF_EXPIRED)
        {
          /* no way to refresh: try the token we have */
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED,
                               _("Your sign-in has expired or was revoked. Sign in again to continue."));
      return;
    }

  g_ptr_array_add (self->refresh_waiters, g_steal_pointer (&task));
  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      porta_auth_refresh_async (self->auth, self->refresh_token, NULL,
                                refresh_done_cb, g_object_ref (self));
    }
}

static gboolean
ensure_token_finish (PortaClient   *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return _porta_client_boolean_finish (self, result, ensure_token_async, error);
}

/* ---- one request, with retries ----------------------------------------- */

typedef struct
{
  char         *method;
  GUri         *uri;
  GBytes       *body;
  PortaRequestFlags  flags;
  guint         attempt;
  gint64        started;
  gboolean      refreshed;
  SoupMessage  *message;
  char         *client_request_id;
} RequestState;

static void
request_state_free (RequestState *state)
{
  g_free (state->method);
  g_clear_pointer (&state->uri, g_uri_unref);
  g_clear_pointer (&state->body, g_bytes_unref);
  g_clear_object (&state->message);
  g_free (state->client_request_id);
  g_free (state);
}

static void request_send (GTask *task);

static void
request_token_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ensure_token_finish (PORTA_CLIENT (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  request_send (g_steal_pointer (&task));
}

static void
request_waited_cb (GObject      *object,
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

  ensure_token_async (g_task_get_source_object (task), REFRESH_IF_EXPIRED,
                      g_task_get_cancellable (task), request_token_cb, task);
  g_steal_pointer (&task);
}

/* Decides whether another attempt fits: returns the wait before it in
 * milliseconds, or -1 when the attempts or the time are used up. */
static gint64
next_attempt_delay (PortaClient  *self,
                    RequestState *state,
                    gint64        retry_after_ms)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - state->started) / 1000;
  gint64 delay;

  if (state->attempt >= self->max_attempts)
    return -1;

  if (retry_after_ms >= 0)
    delay = retry_after_ms;  /* the server said when: no jitter */
  else
    {
      /* exponential backoff with "equal jitter": half fixed, half random */
      gint64 cap = (gint64) self->base_delay_ms << MIN (state->attempt - 1, 10);

      cap = MIN (cap, 30000);
      delay = cap / 2 + g_random_int_range (0, (gint32) (cap / 2) + 1);
    }

  if (elapsed_ms + delay > self->max_total_ms)
    return -1;

  return delay;
}

static void
request_retry (GTask  *task,
               gint64  delay_ms)
{
  RequestState *state = g_task_get_task_data (task);

  g_debug ("%s %s: attempt %u failed, next in %" G_GINT64_FORMAT " ms",
           state->method, g_uri_get_path (state->uri), state->attempt, delay_ms);
  porta_http_wait_async ((guint) delay_ms, g_task_get_cancellable (task),
                         request_waited_cb, task);
}

static void
request_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaClient *self = g_task_get_source_object (task);
  RequestState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = porta_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      gint64 delay;

      if ((state->flags & PORTA_REQUEST_RETRY) &&
          g_strcmp0 (porta_error_get_reason (error), "connection-reset") == 0 &&
          (delay = next_attempt_delay (self, state, -1)) >= 0)
        {
          request_retry (g_steal_pointer (&task), delay);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (state->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      _porta_client_note_reply (self, state->uri, NULL);
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && !state->refreshed && self->refresh_token != NULL)
    {
      /* the token may have been revoked or expired early: refresh once */
      state->refreshed = TRUE;
      ensure_token_async (self, REFRESH_ALWAYS, g_task_get_cancellable (task),
                          request_token_cb, task);
      g_steal_pointer (&task);
      return;
    }

  if ((state->flags & PORTA_REQUEST_RETRY) &&
      (status == 429 || status == 502 || status == 503 || status == 504))
    {
      gint64 delay = next_attempt_delay (self, state, porta_http_parse_retry_after (state->message));

      if (delay >= 0)
        {
          request_retry (g_steal_pointer (&task), delay);
          return;
        }
    }

  error = porta_http_error_from_response (state->message, body, state->client_request_id);
  _porta_client_note_reply (self, state->uri, error);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
request_send (GTask *task)
{
  PortaClient *self = g_task_get_source_object (task);
  RequestState *state = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autofree char *authorization = NULL;

  state->attempt++;
  g_clear_object (&state->message);
  g_free (state->client_request_id);
  state->client_request_id = g_uuid_string_random ();

  state->message = soup_message_new_from_uri (state->method, state->uri);
  headers = soup_message_get_request_headers (state->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "client-request-id", state->client_request_id);
  soup_message_headers_replace (headers, "return-client-request-id", "true");
  if (self->access_token != NULL)
    {
      authorization = g_strconcat ("Bearer ", self->access_token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
      porta_pin_wipe (authorization, strlen (authorization));
    }

  if (state->body != NULL)
    {
      soup_message_set_request_body_from_bytes (state->message, "application/json", state->body);
      if (porta_http_debug_enabled ())
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (state->body, NULL),
                                             g_bytes_get_size (state->body));
          porta_http_log_request (state->message, text, (state->flags & PORTA_REQUEST_SECRET_BODY) != 0);
          porta_pin_wipe (text, strlen (text));
        }
    }
  else
    porta_http_log_request (state->message, NULL, FALSE);

  porta_http_send_async (self->session, state->message,
                         (state->flags & PORTA_REQUEST_SECRET_REPLY) != 0,
                         g_task_get_cancellable (task), request_sent_cb, task);
}

static void
wipe_bytes_free (gpointer data)
{
  GString *s = data;

  porta_pin_wipe (s->str, s->len);
  g_string_free (s, TRUE);
}

/* Sends one API request; resolves to the body of a 2xx answer (possibly
 * empty). @uri is absolute; @body (nullable, taken) is JSON text and is
 * wiped once sent. */
void
_porta_client_request_async (PortaClient         *self,
                             const char          *method,
                             GUri                *uri,
                             GString             *body,
                             PortaRequestFlags    flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RequestState *state;
  GError *error = NULL;

  g_task_set_source_tag (task, _porta_client_request_async);

  state = g_new0 (RequestState, 1);
  state->method = g_strdup (method);
  state->uri = g_uri_ref (uri);
  state->flags = flags;
  state->started = g_get_monotonic_time ();
  if (body != NULL)
    state->body = g_bytes_new_with_free_func (body->str, body->len, wipe_bytes_free, body);
  g_task_set_task_data (task, state, (GDestroyNotify) request_state_free);

  /* Refuse before a byte is sent, bearer token least of all */
  if (!porta_http_check_uri (uri, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ensure_token_async (self, REFRESH_IF_EXPIRED, cancellable, request_token_cb, g_steal_pointer (&task));
}

GBytes *
_porta_client_request_finish (PortaClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _porta_client_object_finish (self, result, _porta_client_request_async, error);
}

/* ---- addresses --------------------------------------------------------- */

GUri *
_porta_client_api_uri (PortaClient *self,
                       const char  *path,
                       const char  *query)
{
  g_autofree char *full_path = g_strconcat (g_uri_get_path (self->api_base), path, NULL);

  return g_uri_build (G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH,
                      g_uri_get_scheme (self->api_base), NULL,
                      g_uri_get_host (self->api_base), g_uri_get_port (self->api_base),
                      full_path, query, NULL);
}

/* {collection}/{id}, or {collection}/{id}/{action} */
static GUri *
item_uri (PortaClient *self,
          const char  *collection,
          const char  *id,
          const char  *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("%s/%s%s%s", collection, escaped,
                                           action ? "/" : "", action ? action : "");
  return _porta_client_api_uri (self, path, NULL);
}

/* ---- JSON bodies ------------------------------------------------------- */

JsonObject *
_porta_client_parse_object (GBytes  *body,
                            GError **error)
{
  g_autoptr(JsonNode) root = porta_json_parse_bytes (body, error);

  if (root == NULL)
    return NULL;
  return porta_json_node_get_object (root, error)
    ? json_object_ref (json_node_get_object (root)) : NULL;
}

/* ---- single objects ---------------------------------------------------- */

static void
object_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaParseFunc parse = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  gpointer item;

  body = _porta_client_request_finish (PORTA_CLIENT (object), result, &error);
  if (body != NULL)
    root = _porta_client_parse_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  item = parse (root, &error);
  if (item == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, item, g_object_unref);
}

/* The request -> parse skeleton every single-object call shares: sends
 * @method to @path, or to @path/@id/@action when @id is given, and
 * resolves to the answer parsed with @parse. @body (nullable) is taken. */
void
_porta_client_object_request (PortaClient         *self,
                              gpointer             source_tag,
                              const char          *method,
                              const char          *path,
                              const char          *id,
                              const char          *action,
                              GString             *body,
                              PortaRequestFlags    flags,
                              PortaParseFunc       parse,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GUri) uri = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, parse, NULL);
  uri = id != NULL ? item_uri (self, path, id, action) : _porta_client_api_uri (self, path, NULL);
  _porta_client_request_async (self, method, uri, body, flags, cancellable, object_cb,
                               g_steal_pointer (&task));
}

/* The finish of _porta_client_object_request(), _porta_client_list_all()
 * and the other calls that resolve to a pointer */
gpointer
_porta_client_object_finish (PortaClient   *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- what the server offers -------------------------------------------- */

void
_porta_client_set_capability (PortaClient     *self,
                              PortaFeature     feature,
                              PortaCapability  capability)
{
  static const guint props[] = {
    [PORTA_FEATURE_NUMBERS] = PROP_NUMBERS_CAPABILITY,
    [PORTA_FEATURE_PORT_OUT_PIN] = PROP_PIN_CAPABILITY,
    [PORTA_FEATURE_PORT_ORDERS] = PROP_ORDERS_CAPABILITY,
  };

  g_return_if_fail (feature < G_N_ELEMENTS (props));

  if (self->capabilities[feature] == capability)
    return;
  self->capabilities[feature] = capability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[props[feature]]);
}

/**
 * porta_client_get_capability:
 * @self: a #PortaClient
 * @feature: a part of the admin API
 *
 * What is known about whether this account's server offers @feature:
 * learnt from its answers and its capability document, never from its
 * host name (docs/admin-api.md, §7). Notified as
 * #PortaClient:pin-capability and its siblings.
 */
PortaCapability
porta_client_get_capability (PortaClient  *self,
                             PortaFeature  feature)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), PORTA_CAPABILITY_UNKNOWN);
  g_return_val_if_fail (feature <= PORTA_FEATURE_PORT_ORDERS, PORTA_CAPABILITY_UNKNOWN);

  return self->capabilities[feature];
}

/* ---- the object -------------------------------------------------------- */

static void
porta_client_dispose (GObject *object)
{
  PortaClient *self = PORTA_CLIENT (object);

  g_clear_object (&self->auth);
  g_clear_object (&self->session);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (porta_client_parent_class)->dispose (object);
}

static void
porta_client_finalize (GObject *object)
{
  PortaClient *self = PORTA_CLIENT (object);

  wipe_string (&self->access_token);
  wipe_string (&self->refresh_token);
  g_clear_pointer (&self->api_base, g_uri_unref);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (porta_client_parent_class)->finalize (object);
}

static void
porta_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaClient *self = PORTA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_NUMBERS_CAPABILITY:
      g_value_set_enum (value, self->capabilities[PORTA_FEATURE_NUMBERS]);
      break;
    case PROP_PIN_CAPABILITY:
      g_value_set_enum (value, self->capabilities[PORTA_FEATURE_PORT_OUT_PIN]);
      break;
    case PROP_ORDERS_CAPABILITY:
      g_value_set_enum (value, self->capabilities[PORTA_FEATURE_PORT_ORDERS]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_client_class_init (PortaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_client_dispose;
  object_class->finalize = porta_client_finalize;
  object_class->get_property = porta_client_get_property;

  /**
   * PortaClient:numbers-capability:
   *
   * Whether the server offers the phone numbers (docs/admin-api.md §7).
   */
  properties[PROP_NUMBERS_CAPABILITY] =
    g_param_spec_enum ("numbers-capability", NULL, NULL,
                       PORTA_TYPE_CAPABILITY, PORTA_CAPABILITY_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaClient:pin-capability:
   *
   * Whether the server offers the port-out PIN: not on Microsoft Graph.
   */
  properties[PROP_PIN_CAPABILITY] =
    g_param_spec_enum ("pin-capability", NULL, NULL,
                       PORTA_TYPE_CAPABILITY, PORTA_CAPABILITY_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaClient:orders-capability:
   *
   * Whether the server offers the port orders: not on Microsoft Graph.
   */
  properties[PROP_ORDERS_CAPABILITY] =
    g_param_spec_enum ("orders-capability", NULL, NULL,
                       PORTA_TYPE_CAPABILITY, PORTA_CAPABILITY_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaClient::tokens-changed:
   *
   * A refresh brought a new refresh token (rotation): whoever keeps it in
   * the keyring should store porta_client_dup_refresh_token() now.
   */
  signals[SIGNAL_TOKENS_CHANGED] =
    g_signal_new ("tokens-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
porta_client_init (PortaClient *self)
{
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_attempts = 5;
  self->max_total_ms = 60000;
  self->base_delay_ms = 500;
}

/**
 * porta_client_new:
 * @account: the account to speak for
 * @session: (nullable): a session to share, or %NULL for a new one
 *
 * Returns: (transfer full): a new client; give it tokens with
 *   porta_client_set_tokens() or porta_client_set_refresh_token()
 */
PortaClient *
porta_client_new (PortaAccount *account,
                  SoupSession  *session)
{
  PortaClient *self;
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (PORTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (PORTA_TYPE_CLIENT, NULL);
  self->account = g_object_ref (account);
  self->session = session ? g_object_ref (session) : porta_http_session_new ();
  self->auth = porta_auth_new (porta_account_get_authority (account),
                               porta_account_get_client_id (account),
                               porta_account_get_scopes (account),
                               self->session);

  base = g_strdup (porta_account_get_api_base (account));
  length = strlen (base);
  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  /* A bad address is kept unparsed; every request then fails with
   * INSECURE_URL before anything is sent. */
  self->api_base = g_uri_parse (base, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);
  if (self->api_base == NULL)
    self->api_base = g_uri_parse ("invalid:", G_URI_FLAGS_NONE, NULL);

  return self;
}

PortaAccount *
porta_client_get_account (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return self->account;
}

/**
 * porta_client_get_auth:
 * @self: a #PortaClient
 *
 * Returns: (transfer none): the sign-in helper for the client's account
 */
PortaAuth *
porta_client_get_auth (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return self->auth;
}

/**
 * porta_client_set_tokens:
 * @self: a #PortaClient
 * @tokens: tokens from a sign-in or a refresh
 *
 * Keeps the access token in memory, and the refresh token when given.
 */
void
porta_client_set_tokens (PortaClient       *self,
                         const PortaTokens *tokens)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (tokens != NULL);

  wipe_string (&self->access_token);
  self->access_token = g_strdup (tokens->access_token);
  self->expires_at = tokens->expires_at;
  if (tokens->refresh_token != NULL)
    porta_client_set_refresh_token (self, tokens->refresh_token);
}

void
porta_client_set_refresh_token (PortaClient *self,
                                const char  *refresh_token)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  if (refresh_token == self->refresh_token)
    return;
  wipe_string (&self->refresh_token);
  self->refresh_token = g_strdup (refresh_token);
}

/**
 * porta_client_dup_refresh_token:
 * @self: a #PortaClient
 *
 * Returns: (transfer full) (nullable): the refresh token, for the
 *   keyring; free it with porta_pin_free()
 */
char *
porta_client_dup_refresh_token (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return g_strdup (self->refresh_token);
}

/**
 * porta_client_has_credentials:
 * @self: a #PortaClient
 *
 * Whether the client holds a token it can use or refresh.
 */
gboolean
porta_client_has_credentials (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), FALSE);
  return self->access_token != NULL || self->refresh_token != NULL;
}

/**
 * porta_client_forget_credentials:
 * @self: a #PortaClient
 *
 * Wipes the tokens held in memory (signing out).
 */
void
porta_client_forget_credentials (PortaClient *self)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  wipe_string (&self->access_token);
  wipe_string (&self->refresh_token);
  self->expires_at = 0;
}

/**
 * porta_client_set_retry_policy:
 * @self: a #PortaClient
 * @max_attempts: attempts per request, the first included
 * @max_total_ms: time a request may take, waits included
 * @base_delay_ms: the first backoff step
 */
void
porta_client_set_retry_policy (PortaClient *self,
                               guint        max_attempts,
                               guint        max_total_ms,
                               guint        base_delay_ms)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  self->max_attempts = MAX (max_attempts, 1);
  self->max_total_ms = max_total_ms;
  self->base_delay_ms = MAX (base_delay_ms, 1);
}
