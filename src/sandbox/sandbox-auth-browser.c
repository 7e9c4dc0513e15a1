/* sandbox-auth-browser.c — sign-in in a browser: the authorization code
 * flow with PKCE
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The authorize endpoint checks the request (a known client, a loopback
 * redirect as RFC 8252 §7.3 asks, S256 PKCE), then shows the demo
 * administrator a small HTML form, or approves at once under
 * --auto-approve; the answer goes back to the redirect with a code that
 * the token endpoint trades once, against the PKCE verifier.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-auth-private.h"
#include "sandbox-http.h"

#define AUTH_CODE_LIFETIME     (10 * 60)
#define AUTH_PENDING_LIFETIME  (30 * 60)

/* RFC 8252 §7.3: http on the loopback interface, any port */
static gboolean
is_loopback_redirect (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (text == NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  if (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
    return FALSE;
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return g_strcmp0 (host, "127.0.0.1") == 0
         || g_strcmp0 (host, "::1") == 0
         || g_ascii_strcasecmp (host ? host : "", "localhost") == 0;
}

static gboolean
is_pkce_string (const char *text,
                gsize       min,
                gsize       max)
{
  gsize n;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n < min || n > max)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-._~", *p) == NULL)
      return FALSE;
  return TRUE;
}

static char *
redirect_with (const char *redirect_uri,
               const char *first_name,
               const char *first_value,
               const char *second_name,
               const char *second_value,
               const char *state)
{
  GString *out = g_string_new (redirect_uri);
  g_autofree char *v1 = g_uri_escape_string (first_value, NULL, FALSE);

  g_string_append_c (out, strchr (redirect_uri, '?') ? '&' : '?');
  g_string_append_printf (out, "%s=%s", first_name, v1);
  if (second_name != NULL)
    {
      g_autofree char *v2 = g_uri_escape_string (second_value, NULL, FALSE);

      g_string_append_printf (out, "&%s=%s", second_name, v2);
    }
  if (state != NULL)
    {
      g_autofree char *v3 = g_uri_escape_string (state, NULL, FALSE);

      g_string_append_printf (out, "&state=%s", v3);
    }
  return g_string_free (out, FALSE);
}

static void
redirect_error (SoupServerMessage *msg,
                const char        *redirect_uri,
                const char        *error,
                const char        *description,
                const char        *state)
{
  g_autofree char *location = redirect_with (redirect_uri, "error", error,
                                             "error_description", description, state);

  sandbox_respond_redirect (msg, location);
}

static void
redirect_code (SandboxServer     *server,
               SoupServerMessage *msg,
               Authorization     *a)
{
  char *code = sandbox_random_token (32);
  g_autofree char *location = redirect_with (a->redirect_uri, "code", code, NULL, NULL, a->state);

  a->expires = g_get_real_time () + (gint64) AUTH_CODE_LIFETIME * G_USEC_PER_SEC;
  g_hash_table_insert (server->auth->codes, code, a);
  sandbox_respond_redirect (msg, location);
}

static void
html_error (SoupServerMessage *msg,
            const char        *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *body = g_strdup_printf ("<p class=\"error\">%s</p>\n"
                                           "<p class=\"note\">Close this window and try "
                                           "signing in again from Porta.</p>",
                                           escaped);

  sandbox_respond_html (msg, SOUP_STATUS_BAD_REQUEST, "Sign-in failed", body);
}

void
sandbox_auth_handle_authorize_get (SandboxServer     *server,
                                   SoupServerMessage *msg,
                                   GHashTable        *query)
{
  const char *client_id = query ? g_hash_table_lookup (query, "client_id") : NULL;
  const char *redirect_uri = query ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  const char *response_type = query ? g_hash_table_lookup (query, "response_type") : NULL;
  const char *response_mode = query ? g_hash_table_lookup (query, "response_mode") : NULL;
  const char *scope = query ? g_hash_table_lookup (query, "scope") : NULL;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *challenge = query ? g_hash_table_lookup (query, "code_challenge") : NULL;
  const char *method = query ? g_hash_table_lookup (query, "code_challenge_method") : NULL;
  const char *nonce = query ? g_hash_table_lookup (query, "nonce") : NULL;
  const SandboxUser *user = sandbox_demo_user ();
  g_autofree char *bad_scope = NULL;
  guint scopes = 0;
  Authorization *a;
  char *request_id;
  g_autofree char *page = NULL;
  g_autofree char *name = NULL;
  g_autofree char *upn = NULL;
  g_autofree char *scope_text = NULL;
  g_autofree char *scope_html = NULL;

  /* Without a known client and a loopback redirect there is nobody safe
   * to send an error to: say it on the page, as RFC 6749 §4.1.2.1 asks. */
  if (!sandbox_auth_is_client_id (client_id))
    {
      html_error (msg, "The application is not known to this sign-in service "
                       "(client_id is missing or not an application id).");
      return;
    }
  if (!is_loopback_redirect (redirect_uri))
    {
      html_error (msg, "The redirect address is not allowed: a desktop application must use "
                       "http on a loopback address (127.0.0.1, [::1] or localhost).");
      return;
    }

  if (g_strcmp0 (response_type, "code") != 0)
    {
      redirect_error (msg, redirect_uri, "unsupported_response_type",
                      "Only response_type=code is supported.", state);
      return;
    }
  if (response_mode != NULL && strcmp (response_mode, "query") != 0)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "Only response_mode=query is supported.", state);
      return;
    }
  if (scope == NULL || scope[0] == '\0')
    {
      redirect_error (msg, redirect_uri, "invalid_request", "The scope parameter is required.", state);
      return;
    }
  if (!sandbox_auth_parse_scopes (server, scope, &scopes, &bad_scope))
    {
      g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

      redirect_error (msg, redirect_uri, "invalid_scope", description, state);
      return;
    }
  if (challenge == NULL)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "A public client must send a PKCE code_challenge.", state);
      return;
    }
  if (g_strcmp0 (method, "S256") != 0)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "code_challenge_method must be S256.", state);
      return;
    }
  if (!is_pkce_string (challenge, 43, 43))
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "code_challenge must be the base64url SHA-256 of the verifier (43 characters).",
                      state);
      return;
    }

  a = g_new0 (Authorization, 1);
  a->client_id = g_strdup (client_id);
  a->redirect_uri = g_strdup (redirect_uri);
  a->state = g_strdup (state);
  a->challenge = g_strdup (challenge);
  a->nonce = g_strdup (nonce);
  a->scopes = scopes;

  if (server->options.auto_approve)
    {
      redirect_code (server, msg, a);
      return;
    }

  request_id = sandbox_random_token (18);
  a->expires = g_get_real_time () + (gint64) AUTH_PENDING_LIFETIME * G_USEC_PER_SEC;
  g_hash_table_insert (server->auth->pending, request_id, a);

  name = g_markup_escape_text (user->display_name, -1);
  upn = g_markup_escape_text (user->user_principal_name, -1);
  scope_text = sandbox_auth_scope_string (scopes);
  scope_html = g_markup_escape_text (scope_text, -1);
  page = g_strdup_printf ("<p>An application wants to sign in to the Porta sandbox tenant "
                          "and asks for: <code>%s</code>.</p>\n"
                          "<form method=\"post\" action=\"%s/oauth2/v2.0/authorize\">\n"
                          "<input type=\"hidden\" name=\"request\" value=\"%s\">\n"
                          "<p>Sign in as <strong>%s</strong> &lt;%s&gt;, the demo administrator.</p>\n"
                          "<div class=\"actions\">\n"
                          "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\""
                          " autofocus>Sign in as %s</button>\n"
                          "<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button>\n"
                          "</div>\n</form>\n"
                          "<p class=\"note\">This is a local sandbox: no password, no real tenant.</p>",
                          scope_html, SANDBOX_AUTHORITY_PATH, request_id, name, upn, name);
  sandbox_respond_html (msg, SOUP_STATUS_OK, "Sign in", page);
}

void
sandbox_auth_handle_authorize_post (SandboxServer     *server,
                                    SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  const char *request_id = form ? g_hash_table_lookup (form, "request") : NULL;
  const char *action = form ? g_hash_table_lookup (form, "action") : NULL;
  gpointer key = NULL, value = NULL;
  Authorization *a;

  if (request_id == NULL
      || !g_hash_table_steal_extended (server->auth->pending, request_id, &key, &value))
    {
      html_error (msg, "This sign-in request has expired or was already answered.");
      return;
    }
  g_free (key);
  a = value;

  if (g_strcmp0 (action, "approve") == 0)
    {
      redirect_code (server, msg, a);
      return;
    }

  redirect_error (msg, a->redirect_uri, "access_denied",
                  "The user declined to sign in.", a->state);
  sandbox_auth_authorization_free (a);
}

void
sandbox_auth_grant_authorization_code (SandboxServer     *server,
                                       SoupServerMessage *msg,
                                       GHashTable        *form,
                                       const char        *client_id)
{
  const char *code = g_hash_table_lookup (form, "code");
  const char *redirect_uri = g_hash_table_lookup (form, "redirect_uri");
  const char *verifier = g_hash_table_lookup (form, "code_verifier");
  gpointer key = NULL, value = NULL;
  Authorization *a;
  g_autofree char *computed = NULL;
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autoptr(GChecksum) sha = NULL;

  if (code == NULL || redirect_uri == NULL || verifier == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "code, redirect_uri and code_verifier are required.");
      return;
    }
  if (!is_pkce_string (verifier, 43, 128))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "code_verifier must be 43 to 128 unreserved characters.");
      return;
    }

  /* a code is good once, whatever happens next */
  if (!g_hash_table_steal_extended (server->auth->codes, code, &key, &value))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The authorization code is not valid, was already used, or "
                                   "has expired.");
      return;
    }
  g_free (key);
  a = value;

  sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sha, (const guchar *) verifier, -1);
  g_checksum_get_digest (sha, digest, &digest_length);
  computed = sandbox_base64url_encode (digest, digest_length);

  if (a->expires < g_get_real_time ())
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The authorization code has expired.");
  else if (strcmp (a->client_id, client_id) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The authorization code was issued to another client.");
  else if (strcmp (a->redirect_uri, redirect_uri) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "redirect_uri does not match the authorization request.");
  else if (strcmp (a->challenge, computed) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The code_verifier does not match the code_challenge.");
  else
    sandbox_auth_respond_tokens (server, msg, client_id, a->scopes, a->nonce, NULL);

  sandbox_auth_authorization_free (a);
}
