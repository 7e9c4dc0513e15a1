/* sandbox-auth-device.c — sign-in on another device: the device
 * authorization grant (RFC 8628)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The device endpoint hands out a device code and a short user code; the
 * user types the code into the /devicelogin page and approves or declines,
 * while the client polls the token endpoint: authorization_pending until
 * then, slow_down when it polls faster than the interval (§3.5).
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-auth-private.h"
#include "sandbox-http.h"

static char *
make_user_code (void)
{
  /* no vowels, no look-alikes: no word and no 0/O confusion */
  static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ";
  g_autofree char *random = sandbox_random_token (16);
  char code[9];

  for (guint i = 0; i < 8; i++)
    code[i] = alphabet[((guchar) random[i] * 7 + (guchar) random[i + 8]) % (sizeof alphabet - 1)];
  code[8] = '\0';
  return g_strdup (code);
}

static char *
normalize_user_code (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

void
sandbox_auth_handle_devicecode (SandboxServer     *server,
                                SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bad_scope = NULL;
  g_autofree char *verification = NULL;
  g_autofree char *verification_complete = NULL;
  g_autofree char *display_code = NULL;
  g_autofree char *message = NULL;
  const char *client_id = NULL;
  const char *scope;
  guint scopes = 0;
  DeviceGrant *d;
  char *device_code;

  if (!sandbox_auth_check_client (msg, form, &client_id))
    return;
  scope = g_hash_table_lookup (form, "scope");
  if (scope == NULL || scope[0] == '\0')
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "The request body must contain the scope parameter.");
      return;
    }
  if (!sandbox_auth_parse_scopes (server, scope, &scopes, &bad_scope))
    {
      g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope", description);
      return;
    }

  d = g_new0 (DeviceGrant, 1);
  d->client_id = g_strdup (client_id);
  do
    {
      g_free (d->user_code);
      d->user_code = make_user_code ();
    }
  while (g_hash_table_contains (server->auth->user_codes, d->user_code));
  d->scopes = scopes;
  d->expires = g_get_real_time () + (gint64) server->options.device_code_lifetime * G_USEC_PER_SEC;
  d->interval = (gint64) server->options.device_interval * G_USEC_PER_SEC;
  d->state = DEVICE_PENDING;
  device_code = sandbox_random_token (32);
  g_hash_table_insert (server->auth->user_codes, g_strdup (d->user_code), device_code);
  g_hash_table_insert (server->auth->devices, device_code, d);

  verification = g_strconcat (server->base_url, SANDBOX_AUTHORITY_PATH, "/devicelogin", NULL);
  display_code = g_strdup_printf ("%.4s-%.4s", d->user_code, d->user_code + 4);
  verification_complete = g_strdup_printf ("%s?user_code=%s", verification, display_code);
  message = g_strdup_printf ("To sign in, use a web browser to open the page %s and enter the "
                             "code %s to authenticate.", verification, display_code);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "device_code");
  json_builder_add_string_value (b, device_code);
  json_builder_set_member_name (b, "user_code");
  json_builder_add_string_value (b, display_code);
  json_builder_set_member_name (b, "verification_uri");
  json_builder_add_string_value (b, verification);
  json_builder_set_member_name (b, "verification_uri_complete");
  json_builder_add_string_value (b, verification_complete);
  json_builder_set_member_name (b, "expires_in");
  json_builder_add_int_value (b, server->options.device_code_lifetime);
  json_builder_set_member_name (b, "interval");
  json_builder_add_int_value (b, server->options.device_interval);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
device_page (SoupServerMessage *msg,
             guint              status,
             const char        *notice,
             const char        *user_code)
{
  const SandboxUser *user = sandbox_demo_user ();
  g_autofree char *name = g_markup_escape_text (user->display_name, -1);
  g_autofree char *code = g_markup_escape_text (user_code ? user_code : "", -1);
  g_autofree char *page = NULL;

  page = g_strdup_printf ("%s"
                          "<p>Enter the code that the application shows.</p>\n"
                          "<form method=\"post\" action=\"%s/devicelogin\">\n"
                          "<p><label>Code <input name=\"user_code\" value=\"%s\" "
                          "autocomplete=\"off\" autofocus required></label></p>\n"
                          "<div class=\"actions\">\n"
                          "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\">"
                          "Sign in as %s</button>\n"
                          "<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button>\n"
                          "</div>\n</form>",
                          notice ? notice : "", SANDBOX_AUTHORITY_PATH, code, name);
  sandbox_respond_html (msg, status, "Sign in on another device", page);
}

void
sandbox_auth_handle_devicelogin (SandboxServer     *server,
                                 SoupServerMessage *msg,
                                 const char        *method,
                                 GHashTable        *query)
{
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *normalized = NULL;
  const char *device_code;
  const char *action;
  DeviceGrant *d = NULL;

  if (strcmp (method, "GET") == 0)
    {
      device_page (msg, SOUP_STATUS_OK, NULL, query ? g_hash_table_lookup (query, "user_code") : NULL);
      return;
    }

  form = sandbox_request_form (msg);
  normalized = normalize_user_code (g_hash_table_lookup (form, "user_code"));
  action = g_hash_table_lookup (form, "action");
  device_code = g_hash_table_lookup (server->auth->user_codes, normalized);
  if (device_code != NULL)
    d = g_hash_table_lookup (server->auth->devices, device_code);

  if (d == NULL || d->state != DEVICE_PENDING || d->expires < g_get_real_time ())
    {
      device_page (msg, SOUP_STATUS_BAD_REQUEST,
                   "<p class=\"error\">That code is not valid, or it has expired. "
                   "Check the code and try again.</p>\n", NULL);
      return;
    }

  if (g_strcmp0 (action, "approve") == 0)
    {
      d->state = DEVICE_APPROVED;
      sandbox_respond_html (msg, SOUP_STATUS_OK, "You are signed in",
                            "<p>You have signed in to the application on your other device. "
                            "You can close this window.</p>");
    }
  else
    {
      d->state = DEVICE_DECLINED;
      sandbox_respond_html (msg, SOUP_STATUS_OK, "Sign-in declined",
                            "<p>You declined to sign in. You can close this window.</p>");
    }
}

void
sandbox_auth_grant_device_code (SandboxServer     *server,
                                SoupServerMessage *msg,
                                GHashTable        *form,
                                const char        *client_id)
{
  const char *device_code = g_hash_table_lookup (form, "device_code");
  gint64 now = g_get_real_time ();
  DeviceGrant *d;

  if (device_code == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "device_code is required.");
      return;
    }
  d = g_hash_table_lookup (server->auth->devices, device_code);
  if (d == NULL || strcmp (d->client_id, client_id) != 0)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The device_code is not valid.");
      return;
    }
  if (d->expires < now)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "expired_token",
                                   "The device_code has expired: start again.");
      return;
    }

  if (server->options.auto_approve && d->state == DEVICE_PENDING)
    d->state = DEVICE_APPROVED;

  switch (d->state)
    {
    case DEVICE_APPROVED:
      sandbox_auth_respond_tokens (server, msg, client_id, d->scopes, NULL, NULL);
      g_hash_table_remove (server->auth->user_codes, d->user_code);
      g_hash_table_remove (server->auth->devices, device_code);
      return;

    case DEVICE_DECLINED:
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "authorization_declined",
                                   "The user declined the sign-in.");
      g_hash_table_remove (server->auth->user_codes, d->user_code);
      g_hash_table_remove (server->auth->devices, device_code);
      return;

    case DEVICE_PENDING:
    default:
      /* RFC 8628 §3.5: polling faster than the interval is slow_down,
       * and the interval grows by 5 seconds for good */
      if (d->last_poll != 0 && now - d->last_poll < d->interval)
        {
          d->interval += 5 * G_USEC_PER_SEC;
          d->last_poll = now;
          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "slow_down",
                                       "Polling too fast: wait 5 more seconds between requests.");
          return;
        }
      d->last_poll = now;
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "authorization_pending",
                                   "The user has not finished signing in yet.");
      return;
    }
}
