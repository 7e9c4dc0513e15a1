/* test-client.c — libporta's API client and sign-in, against porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "porta-account.h"
#include "porta-audit-event.h"
#include "porta-auth.h"
#include "porta-client.h"
#include "porta-error.h"
#include "porta-http.h"
#include "porta-pin.h"
#include "porta-test-utils.h"

/* ---- a scripted browser ------------------------------------------------ */

typedef enum
{
  BROWSER_FOLLOW,          /* GET the page; the sandbox auto-approves */
  BROWSER_APPROVE,         /* GET the page, then press "Sign in" */
  BROWSER_DECLINE,         /* GET the page, then press "Decline" */
  BROWSER_FORGE_FIRST,     /* first send a forged answer, then follow */
  BROWSER_NEVER,           /* open nothing: the person walked away */
} BrowserScript;

typedef struct
{
  BrowserScript  script;
  SoupSession   *session;
  char          *base_url;
  guint          forged_status;
  guint          in_flight;     /* requests whose callback has yet to run */
  char          *opened_uri;
} Browser;

/* Every request the browser sends goes through here: each callback
 * gets @browser, so the browser must outlive them all (see sign_in). */
static void
browser_send (Browser             *browser,
              SoupMessage         *message,
              GAsyncReadyCallback  callback)
{
  browser->in_flight++;
  soup_session_send_and_read_async (browser->session, message, G_PRIORITY_DEFAULT, NULL,
                                    callback, browser);
}

static gboolean
browser_idle (gpointer user_data)
{
  return ((Browser *) user_data)->in_flight == 0;
}

static char *
query_param (const char *uri,
             const char *name)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = NULL;

  if (parsed == NULL || g_uri_get_query (parsed) == NULL)
    return NULL;
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  return params ? g_strdup (g_hash_table_lookup (params, name)) : NULL;
}

static void
browser_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Browser *browser = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  browser->in_flight--;
}

static void
browser_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Browser *browser = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_autofree char *page = NULL;
  g_autofree char *form = NULL;
  g_autofree char *url = NULL;
  const char *start, *end;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *request_id = NULL;

  browser->in_flight--;
  g_assert_no_error (error);
  page = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  start = strstr (page, "name=\"request\" value=\"");
  g_assert_nonnull (start);
  start += strlen ("name=\"request\" value=\"");
  end = strchr (start, '"');
  request_id = g_strndup (start, end - start);

  form = g_strdup_printf ("request=%s&action=%s", request_id,
                          browser->script == BROWSER_APPROVE ? "approve" : "decline");
  url = g_strconcat (browser->base_url, "/sandbox/oauth2/v2.0/authorize", NULL);
  message = soup_message_new (SOUP_METHOD_POST, url);
  {
    gsize length = strlen (form);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&form), length);

    soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", bytes);
  }
  browser_send (browser, message, browser_done_cb);
}

static void
browser_forged_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Browser *browser = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  g_autoptr(SoupMessage) real = NULL;

  browser->in_flight--;
  browser->forged_status = soup_message_get_status (message);
  real = soup_message_new (SOUP_METHOD_GET, browser->opened_uri);
  browser_send (browser, real, browser_done_cb);
}

static gboolean
open_uri_cb (const char  *uri,
             gpointer     user_data,
             GError     **error)
{
  Browser *browser = user_data;
  g_autoptr(SoupMessage) message = NULL;

  browser->opened_uri = g_strdup (uri);
  switch (browser->script)
    {
    case BROWSER_NEVER:
      return TRUE;

    case BROWSER_FORGE_FIRST:
      {
        g_autofree char *redirect = query_param (uri, "redirect_uri");
        g_autofree char *forged = g_strconcat (redirect, "?code=forged&state=not-the-one", NULL);

        message = soup_message_new (SOUP_METHOD_GET, forged);
        browser_send (browser, message, browser_forged_cb);
        return TRUE;
      }

    case BROWSER_FOLLOW:
      message = soup_message_new (SOUP_METHOD_GET, uri);
      browser_send (browser, message, browser_done_cb);
      return TRUE;

    case BROWSER_APPROVE:
    case BROWSER_DECLINE:
    default:
      message = soup_message_new (SOUP_METHOD_GET, uri);
      browser_send (browser, message, browser_page_cb);
      return TRUE;
    }
}

static Browser *
browser_new (BrowserScript     script,
             PortaTestSandbox *sandbox)
{
  Browser *browser = g_new0 (Browser, 1);

  browser->script = script;
  browser->session = soup_session_new ();
  browser->base_url = g_strdup (sandbox->base_url);
  return browser;
}

static void
browser_free (Browser *browser)
{
  /* a callback still to come would write into freed memory */
  g_assert_cmpuint (browser->in_flight, ==, 0);
  g_clear_object (&browser->session);
  g_free (browser->base_url);
  g_free (browser->opened_uri);
  g_free (browser);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Browser, browser_free)

/* ---- helpers ----------------------------------------------------------- */

static PortaAccount *
sandbox_account (PortaTestSandbox *sandbox)
{
  return porta_account_new (sandbox->authority, sandbox->api_base, PORTA_TEST_CLIENT_ID,
                            PORTA_SCOPES_READ_WRITE);
}

static PortaTokens *
sign_in (PortaAuth        *auth,
         PortaTestSandbox *sandbox,
         BrowserScript     script,
         GError          **error)
{
  g_autoptr(Browser) browser = browser_new (script, sandbox);
  PortaTestWaiter waiter = { NULL };
  PortaTokens *tokens;

  porta_auth_sign_in_browser_async (auth, open_uri_cb, browser, NULL, porta_test_waiter_cb, &waiter);
  porta_test_waiter_wait (&waiter, 20000);
  tokens = porta_auth_sign_in_browser_finish (auth, waiter.result, error);
  g_object_unref (waiter.result);
  /* The sign-in can end before the browser has read Porta's answer
   * page (a decline ends inside the redirect handler): let its last
   * request finish, or its callback would run in the next test, on a
   * freed Browser. */
  g_assert_true (porta_test_wait_until (browser_idle, browser, 5000));
  if (script == BROWSER_FORGE_FIRST)
    g_assert_cmpuint (browser->forged_status, ==, 400);
  return tokens;
}

/* A client signed in to @sandbox through the browser flow */
static PortaClient *
signed_in_client (PortaTestSandbox *sandbox)
{
  g_autoptr(PortaAccount) account = sandbox_account (sandbox);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = sign_in (porta_client_get_auth (client), sandbox, BROWSER_FOLLOW, &error);
  g_assert_no_error (error);
  porta_client_set_tokens (client, tokens);
  /* quick retries: the tests wait for real, but not for long */
  porta_client_set_retry_policy (client, 6, 20000, 50);
  return g_steal_pointer (&client);
}

/* ---- sign-in ----------------------------------------------------------- */

static void
test_pkce_challenge (void)
{
  /* RFC 7636, appendix B */
  g_autofree char *challenge = porta_auth_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
test_sign_in_browser (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaIdentity) identity = NULL;

  tokens = sign_in (auth, sandbox, BROWSER_FOLLOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->access_token);
  g_assert_nonnull (tokens->refresh_token);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time ());

  identity = porta_identity_new_from_id_token (tokens->id_token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity->name);
  g_assert_true (g_str_has_suffix (identity->username, ".example"));
  g_assert_nonnull (identity->tenant_id);
}

static void
test_sign_in_browser_approve_by_hand (void)
{
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, NULL);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = sign_in (auth, sandbox, BROWSER_APPROVE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->access_token);
}

static void
test_sign_in_browser_declined (void)
{
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, NULL);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = sign_in (auth, sandbox, BROWSER_DECLINE, &error);
  g_assert_null (tokens);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_SIGN_IN_DECLINED);
}

static void
test_sign_in_browser_forged_state (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  /* the forged answer is turned away (asserted in sign_in) and the real
   * one that follows still signs in */
  tokens = sign_in (auth, sandbox, BROWSER_FORGE_FIRST, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->access_token);
}

static void
test_sign_in_browser_timeout (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  porta_auth_set_browser_timeout (auth, 1);
  tokens = sign_in (auth, sandbox, BROWSER_NEVER, &error);
  g_assert_null (tokens);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_SIGN_IN_EXPIRED);
}

static void
test_sign_in_browser_cancel (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(Browser) browser = browser_new (BROWSER_NEVER, sandbox);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };

  porta_auth_sign_in_browser_async (auth, open_uri_cb, browser, cancellable, porta_test_waiter_cb, &waiter);
  porta_test_spin (300);
  g_assert_nonnull (browser->opened_uri);
  g_cancellable_cancel (cancellable);
  porta_test_waiter_wait (&waiter, 5000);
  g_assert_null (porta_auth_sign_in_browser_finish (auth, waiter.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_object_unref (waiter.result);
}

typedef struct
{
  PortaTestSandbox *sandbox;
  const char       *action;
  guint             shown;
  char             *user_code;
} DeviceScript;

static void
device_approve_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
}

static void
show_code_cb (const PortaDeviceCode *code,
              gpointer               user_data)
{
  DeviceScript *script = user_data;

  script->shown++;
  script->user_code = g_strdup (code->user_code);
  g_assert_nonnull (code->verification_uri);
  g_assert_cmpuint (code->expires_in, >, 0);

  if (script->action != NULL)
    {
      static SoupSession *session;
      g_autofree char *url = g_strconcat (script->sandbox->base_url, "/sandbox/devicelogin", NULL);
      g_autofree char *form = g_strdup_printf ("user_code=%s&action=%s", code->user_code, script->action);
      g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, url);
      gsize length = strlen (form);
      g_autoptr(GBytes) bytes = NULL;

      if (session == NULL)
        session = soup_session_new ();
      bytes = g_bytes_new_take (g_steal_pointer (&form), length);
      soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", bytes);
      soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                        device_approve_cb, NULL);
    }
}

static PortaTokens *
sign_in_device (PortaTestSandbox  *sandbox,
                DeviceScript      *script,
                GError           **error)
{
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  PortaTestWaiter waiter = { NULL };
  PortaTokens *tokens;

  script->sandbox = sandbox;
  porta_auth_sign_in_device_async (auth, show_code_cb, script, NULL, porta_test_waiter_cb, &waiter);
  porta_test_waiter_wait (&waiter, 30000);
  tokens = porta_auth_sign_in_device_finish (auth, waiter.result, error);
  g_object_unref (waiter.result);
  g_assert_cmpuint (script->shown, ==, 1);
  return tokens;
}

static void
test_sign_in_device_auto_approve (void)
{
  const char *args[] = { "--auto-approve", "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  DeviceScript script = { 0, };

  tokens = sign_in_device (sandbox, &script, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->access_token);
  g_assert_nonnull (tokens->refresh_token);
  g_free (script.user_code);
}

static void
test_sign_in_device_approved (void)
{
  const char *args[] = { "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  DeviceScript script = { .action = "approve" };

  tokens = sign_in_device (sandbox, &script, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->access_token);
  g_free (script.user_code);
}

static void
test_sign_in_device_declined (void)
{
  const char *args[] = { "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  DeviceScript script = { .action = "decline" };

  tokens = sign_in_device (sandbox, &script, &error);
  g_assert_null (tokens);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_SIGN_IN_DECLINED);
  g_free (script.user_code);
}

static void
test_sign_in_device_expired (void)
{
  const char *args[] = { "--device-interval", "1", "--device-code-lifetime", "2", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  DeviceScript script = { 0, };

  tokens = sign_in_device (sandbox, &script, &error);
  g_assert_null (tokens);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_SIGN_IN_EXPIRED);
  g_free (script.user_code);
}

static void
test_refresh_rotation (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) first = NULL;
  g_autoptr(PortaTokens) second = NULL;
  g_autoptr(PortaTokens) again = NULL;
  PortaTestWaiter waiter = { NULL };

  first = sign_in (auth, sandbox, BROWSER_FOLLOW, &error);
  g_assert_no_error (error);

  porta_auth_refresh_async (auth, first->refresh_token, NULL, porta_test_waiter_cb, &waiter);
  second = porta_auth_refresh_finish (auth, porta_test_waiter_wait (&waiter, 5000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_nonnull (second->refresh_token);
  g_assert_cmpstr (second->refresh_token, !=, first->refresh_token);
  g_assert_cmpstr (second->access_token, !=, first->access_token);

  /* the old refresh token no longer works */
  porta_auth_refresh_async (auth, first->refresh_token, NULL, porta_test_waiter_cb, &waiter);
  again = porta_auth_refresh_finish (auth, porta_test_waiter_wait (&waiter, 5000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (again);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED);
}

/* ---- the API ----------------------------------------------------------- */

typedef struct
{
  guint calls;
  guint last;
} Progress;

static void
progress_cb (guint    loaded,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (loaded, >=, progress->last);
  progress->calls++;
  progress->last = loaded;
}

static gboolean
list_numbers (PortaClient  *client,
              const char   *filter,
              GListStore   *store,
              Progress     *progress,
              GError      **error)
{
  PortaTestWaiter waiter = { NULL };
  gboolean ok;

  porta_client_list_numbers_async (client, filter, store, progress_cb, progress, NULL,
                                   porta_test_waiter_cb, &waiter);
  ok = porta_client_list_numbers_finish (client, porta_test_waiter_wait (&waiter, 60000), error);
  g_object_unref (waiter.result);
  return ok;
}

static void
test_numbers_paging (void)
{
  const char *args[] = { "--auto-approve", "--numbers", "10000", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GListStore) store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };
  guint n;

  g_assert_true (list_numbers (client, NULL, store, &progress, &error));
  g_assert_no_error (error);
  /* 10,000 generated, plus the few that completed port-in orders brought */
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, >=, 10000);
  g_assert_cmpuint (n, <, 10100);
  g_assert_cmpuint (progress.calls, ==, (n + 999) / 1000);  /* 1,000 a page */
  g_assert_cmpuint (progress.last, ==, n);

  /* every number exactly once */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *id = porta_phone_number_get_id (number);

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (g_str_has_prefix (porta_phone_number_get_telephone_number (number), "+"));
    }
}

static void
test_numbers_filter (void)
{
  const char *args[] = { "--auto-approve", "--numbers", "3000", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GListStore) all = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GListStore) italian = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GListStore) unassigned_cp = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };
  guint expected_it = 0, expected_combo = 0;

  g_assert_true (list_numbers (client, NULL, all, &progress, &error));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (g_strcmp0 (porta_phone_number_get_iso_country_code (n), "IT") == 0)
        expected_it++;
      if (porta_phone_number_get_assignment_status (n) == PORTA_ASSIGNMENT_STATUS_UNASSIGNED &&
          porta_phone_number_get_number_type (n) == PORTA_NUMBER_TYPE_CALLING_PLAN)
        expected_combo++;
    }
  g_assert_cmpuint (expected_it, >, 0);
  g_assert_cmpuint (expected_combo, >, 0);

  progress = (Progress) { 0, };
  g_assert_true (list_numbers (client, "isoCountryCode eq 'IT'", italian, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (italian)), ==, expected_it);

  progress = (Progress) { 0, };
  g_assert_true (list_numbers (client, "assignmentStatus eq 'unassigned' and numberType eq 'callingPlan'",
                               unassigned_cp, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unassigned_cp)), ==, expected_combo);
}

static void
test_numbers_cancel (void)
{
  const char *args[] = { "--auto-approve", "--numbers", "20000", "--faults", "latency=100", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GListStore) store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };
  PortaTestWaiter waiter = { NULL };
  GWeakRef weak;

  porta_client_list_numbers_async (client, NULL, store, progress_cb, &progress, cancellable,
                                   porta_test_waiter_cb, &waiter);
  /* cancel after the first page */
  while (progress.calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_false (porta_client_list_numbers_finish (client, porta_test_waiter_wait (&waiter, 10000), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&waiter.result);

  /* what arrived stays; nothing more arrives; the callback ran once
   * (porta_test_waiter_cb asserts it) */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), <, 20000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, progress.last);
  porta_test_spin (500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, progress.last);

  /* nothing leaked: the client goes away with its last reference */
  g_weak_ref_init (&weak, client);
  g_clear_object (&client);
  porta_test_spin (100);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

static void
test_throttle_honours_retry_after (void)
{
  const char *args[] = { "--auto-approve", "--faults", "throttle=0.5,retryAfter=1", "--seed", "7", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  guint throttled_requests = 0;
  gint64 total_wait = 0;

  porta_client_set_retry_policy (client, 10, 30000, 50);

  /* Ten PIN status reads: each 429 costs exactly Retry-After (1 s) */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PortaPinStatus) status = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed_ms;

      porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
      status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 30000), &error);
      g_clear_object (&waiter.result);
      g_assert_no_error (error);
      g_assert_nonnull (status);

      elapsed_ms = (g_get_monotonic_time () - start) / 1000;
      if (elapsed_ms >= 800)
        {
          guint waits = (guint) ((elapsed_ms + 500) / 1000);

          throttled_requests++;
          total_wait += elapsed_ms;
          /* each wait is 1 s ± 20% */
          g_assert_cmpint (elapsed_ms, >=, waits * 800);
          g_assert_cmpint (elapsed_ms, <=, waits * 1200 + 200);
        }
    }
  g_test_message ("%u of 10 requests were throttled, %" G_GINT64_FORMAT " ms waited", throttled_requests, total_wait);
  g_assert_cmpuint (throttled_requests, >, 0);
}

static void
test_throttle_gives_up (void)
{
  const char *args[] = { "--auto-approve", "--faults", "throttle=1,retryAfter=1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = NULL;
  g_autoptr(PortaClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  PortaTestWaiter waiter = { NULL };

  sandbox = porta_test_sandbox_start (NULL, args);
  client = signed_in_client (sandbox);
  porta_client_set_retry_policy (client, 3, 10000, 50);
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_THROTTLED);
  g_assert_cmpuint (porta_error_get_http_status (error), ==, 429);
  g_assert_nonnull (porta_error_get_request_id (error));
  g_assert_nonnull (porta_error_get_client_request_id (error));
}

static void
test_unavailable_and_resets_retried (void)
{
  const char *args[] = { "--auto-approve", "--numbers", "5000",
                         "--faults", "unavailable=0.2,reset=0.2", "--seed", "11", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GListStore) store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };

  porta_client_set_retry_policy (client, 10, 30000, 20);
  g_assert_true (list_numbers (client, NULL, store, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >=, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), <, 5100);
}

static void
test_bad_bodies (void)
{
  const char *truncate[] = { "--auto-approve", "--faults", "truncate=1", NULL };
  const char *malformed[] = { "--auto-approve", "--faults", "malformed=1", NULL };
  const char * const *faults[] = { truncate, malformed };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, faults[i]);
      g_autoptr(PortaClient) client = signed_in_client (sandbox);
      g_autoptr(GError) error = NULL;
      g_autoptr(PortaPinStatus) status = NULL;
      PortaTestWaiter waiter = { NULL };

      porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
      status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
      g_clear_object (&waiter.result);
      g_assert_null (status);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
    }
}

static void
test_unauthorized_refreshes (void)
{
  /* the server's access tokens live 1 s; the client is told they live an
   * hour, so its next request meets a 401 and must refresh, once */
  const char *args[] = { "--auto-approve", "--token-lifetime", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAccount) account = sandbox_account (sandbox);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint rotations = 0;
  PortaTestWaiter waiter = { NULL };

  tokens = sign_in (porta_client_get_auth (client), sandbox, BROWSER_FOLLOW, &error);
  g_assert_no_error (error);
  tokens->expires_at = g_get_real_time () + (gint64) 3600 * G_USEC_PER_SEC;
  porta_client_set_tokens (client, tokens);
  g_signal_connect_swapped (client, "tokens-changed", G_CALLBACK (g_atomic_int_inc), &rotations);

  porta_test_spin (1500);
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  /* the rotated refresh token replaced the old one and was announced */
  g_assert_cmpuint (rotations, ==, 1);
  after = porta_client_dup_refresh_token (client);
  g_assert_cmpstr (after, !=, tokens->refresh_token);
}

static void
test_refresh_rejected (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAccount) account = sandbox_account (sandbox);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };

  porta_client_set_refresh_token (client, "not-a-refresh-token-the-server-ever-issued");
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED);
  g_assert_false (porta_client_has_credentials (client));
}

static void
test_no_credentials (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAccount) account = sandbox_account (sandbox);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };

  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED);
}

static void
test_insecure_url_refused (void)
{
  const char *urls[] = {
    "http://graph.example.com/v1.0", "http://10.0.0.1/v1.0", "http://localhost:8080/v1.0",
    "ftp://127.0.0.1/v1.0", "not a url",
  };
  const char *allowed[] = {
    "https://graph.microsoft.com/v1.0", "http://127.0.0.1:1/v1.0", "http://127.8.9.10/v1.0", "http://[::1]:9/v1.0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(PortaAccount) account = porta_account_new (PORTA_DEFAULT_AUTHORITY, urls[i],
                                                           PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ);
      g_autoptr(PortaClient) client = porta_client_new (account, NULL);
      g_autoptr(PortaPinStatus) status = NULL;
      g_autoptr(GError) error = NULL;
      PortaTokens tokens = { .access_token = (char *) "t", .expires_at = G_MAXINT64 };
      PortaTestWaiter waiter = { NULL };

      porta_client_set_tokens (client, &tokens);
      porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
      status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 5000), &error);
      g_clear_object (&waiter.result);
      g_assert_null (status);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INSECURE_URL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GUri) uri = porta_http_parse_uri (allowed[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (uri);
    }

  /* sign-in is held to the same rule */
  {
    g_autoptr(PortaAuth) auth = porta_auth_new ("http://login.example.com/contoso", PORTA_TEST_CLIENT_ID,
                                                PORTA_SCOPES_READ, NULL);
    g_autoptr(PortaTokens) tokens = NULL;
    g_autoptr(GError) error = NULL;
    PortaTestWaiter waiter = { NULL };

    porta_auth_refresh_async (auth, "x", NULL, porta_test_waiter_cb, &waiter);
    tokens = porta_auth_refresh_finish (auth, porta_test_waiter_wait (&waiter, 5000), &error);
    g_clear_object (&waiter.result);
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INSECURE_URL);
  }
}

/* The PIN rules, checked twice: by libporta, and by the sandbox as the
 * independent server. Each row says what both must answer. */
static const struct {
  const char *pin;
  const char *verdict;  /* "ok" or the API's reason */
} pin_table[] = {
  { "", "empty" },
  { "1", "tooShort" },
  { "12345", "tooShort" },
  { "123456", "ok" },
  { "1234567", "ok" },
  { "12345678", "ok" },
  { "123456789", "ok" },
  { "1234567890", "ok" },
  { "12345678901", "tooLong" },
  { "123456789012345678901234567890", "tooLong" },
  { "000000", "ok" },
  { "0000000000", "ok" },
  { "907316", "ok" },
  { "12a456", "notDigits" },
  { "abcdef", "notDigits" },
  { " 123456", "notDigits" },
  { "123456 ", "notDigits" },
  { "123456\n", "notDigits" },
  { "123456\r", "notDigits" },
  { "\t123456", "notDigits" },
  { "12 3456", "notDigits" },
  { "123-456", "notDigits" },
  { "+123456", "notDigits" },
  { "-123456", "notDigits" },
  { "12.3456", "notDigits" },
  { "1e6789", "notDigits" },
  { "１２３４５６", "notDigits" },          /* fullwidth */
  { "١٢٣٤٥٦", "notDigits" },              /* Arabic-Indic */
  { "۱۲۳۴۵۶", "notDigits" },              /* Extended Arabic-Indic */
  { "१२३४५६", "notDigits" },              /* Devanagari */
  { "12345６", "notDigits" },              /* one fullwidth digit */
  { "½23456", "notDigits" },
  { "12a", "notDigits" },
};

static void
test_pin_rules_local (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pin_table); i++)
    {
      PortaPinCheck check = porta_pin_check (pin_table[i].pin);

      g_test_message ("PIN %u: %s", i, pin_table[i].verdict);
      g_assert_cmpstr (porta_pin_check_nick (check), ==, pin_table[i].verdict);
      if (check == PORTA_PIN_OK)
        g_assert_null (porta_pin_check_message (check));
      else
        g_assert_nonnull (porta_pin_check_message (check));
    }
  g_assert_cmpint (porta_pin_check (NULL), ==, PORTA_PIN_EMPTY);
}

static gboolean
set_pin (PortaClient  *client,
         const char   *pin,
         GError      **error)
{
  PortaTestWaiter waiter = { NULL };
  gboolean ok;

  porta_client_set_pin_async (client, pin, NULL, porta_test_waiter_cb, &waiter);
  ok = porta_client_set_pin_finish (client, porta_test_waiter_wait (&waiter, 10000), error);
  g_object_unref (waiter.result);
  return ok;
}

static PortaPinStatus *
pin_status (PortaClient *client)
{
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  PortaPinStatus *status;

  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_object_unref (waiter.result);
  g_assert_no_error (error);
  return status;
}

static void
test_pin_lifecycle (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinStatus) before = NULL;
  g_autoptr(PortaPinStatus) after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revealed = NULL;
  PortaTestWaiter waiter = { NULL };

  /* unset: blank is refused as empty, reveal says there is none */
  before = pin_status (client);
  g_assert_false (porta_pin_status_get_is_set (before));
  g_assert_false (set_pin (client, "", &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_PIN);
  g_assert_cmpstr (porta_error_get_reason (error), ==, "empty");
  g_clear_error (&error);

  porta_client_reveal_pin_async (client, NULL, porta_test_waiter_cb, &waiter);
  revealed = porta_client_reveal_pin_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (revealed);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_PIN_NOT_SET);
  g_clear_error (&error);

  /* the whole table, against the server */
  for (guint i = 0; i < G_N_ELEMENTS (pin_table); i++)
    {
      gboolean ok = set_pin (client, pin_table[i].pin, &error);

      g_test_message ("server, PIN %u: expecting %s", i, pin_table[i].verdict);
      if (g_str_equal (pin_table[i].verdict, "ok"))
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else if (g_str_equal (pin_table[i].verdict, "empty") && i > 0)
        g_assert_error (error, PORTA_ERROR, PORTA_ERROR_PIN_CANNOT_BE_CLEARED);
      else if (g_str_equal (pin_table[i].verdict, "empty"))
        g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_PIN);
      else
        {
          g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_PIN);
          g_assert_cmpstr (porta_error_get_reason (error), ==, pin_table[i].verdict);
          /* the message is the person's, from the rules, not the server's */
          g_assert_cmpstr (error->message, ==, porta_pin_check_message (porta_pin_check (pin_table[i].pin)));
        }
      g_clear_error (&error);
    }

  /* set: it cannot be cleared, but it can be changed, and revealed */
  g_assert_true (set_pin (client, "482916", &error));
  g_assert_false (set_pin (client, "", &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_PIN_CANNOT_BE_CLEARED);
  g_clear_error (&error);
  g_assert_true (set_pin (client, "5830274", &error));
  g_assert_no_error (error);

  after = pin_status (client);
  g_assert_true (porta_pin_status_get_is_set (after));
  g_assert_nonnull (porta_pin_status_get_last_modified_date_time (after));
  g_assert_nonnull (porta_pin_status_get_last_modified_by_name (after));

  porta_client_reveal_pin_async (client, NULL, porta_test_waiter_cb, &waiter);
  revealed = porta_client_reveal_pin_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed, ==, "5830274");

  porta_client_list_pin_audit_events_async (client, NULL, porta_test_waiter_cb, &waiter);
  events = porta_client_list_pin_audit_events_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  {
    guint set = 0, changed = 0, shown = 0;

    for (guint i = 0; i < events->len; i++)
      {
        PortaAuditEvent *event = g_ptr_array_index (events, i);

        switch (porta_audit_event_get_kind (event))
          {
          case PORTA_AUDIT_EVENT_KIND_SET: set++; break;
          case PORTA_AUDIT_EVENT_KIND_CHANGED: changed++; break;
          case PORTA_AUDIT_EVENT_KIND_REVEALED: shown++; break;
          default: g_assert_not_reached ();
          }
        g_assert_nonnull (porta_audit_event_get_date_time (event));
      }
    /* 8 valid rows in the table (the first sets, 7 change), 2 more changes */
    g_assert_cmpuint (set, ==, 1);
    g_assert_cmpuint (changed, ==, 9);
    g_assert_cmpuint (shown, ==, 1);
  }
  porta_pin_free (g_steal_pointer (&revealed));
}

static void
test_port_orders (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) port_outs = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  gboolean seen_status[16] = { FALSE, };
  PortaPortOrder *cancellable_order = NULL;
  PortaPortOrder *final_order = NULL;

  porta_client_list_port_orders_async (client, NULL, NULL, porta_test_waiter_cb, &waiter);
  orders = porta_client_list_port_orders_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, >=, 7);

  for (guint i = 0; i < orders->len; i++)
    {
      PortaPortOrder *order = g_ptr_array_index (orders, i);
      PortaPortOrderStatus status = porta_port_order_get_status (order);

      g_assert_cmpint (status, <, G_N_ELEMENTS (seen_status));
      seen_status[MIN ((guint) status, G_N_ELEMENTS (seen_status) - 1)] = TRUE;
      if (porta_port_order_get_can_cancel (order) && cancellable_order == NULL)
        cancellable_order = order;
      if (status == PORTA_PORT_ORDER_STATUS_COMPLETED)
        final_order = order;
    }
  g_assert_true (seen_status[PORTA_PORT_ORDER_STATUS_PROCESSING]);
  g_assert_true (seen_status[PORTA_PORT_ORDER_STATUS_COMPLETED]);
  g_assert_true (seen_status[PORTA_PORT_ORDER_STATUS_CANCELLED]);
  g_assert_nonnull (cancellable_order);
  g_assert_nonnull (final_order);

  porta_client_list_port_orders_async (client, "direction eq 'portOut'", NULL, porta_test_waiter_cb, &waiter);
  port_outs = porta_client_list_port_orders_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (port_outs->len, >, 0);
  g_assert_cmpuint (port_outs->len, <, orders->len);
  for (guint i = 0; i < port_outs->len; i++)
    g_assert_cmpint (porta_port_order_get_direction (g_ptr_array_index (port_outs, i)), ==,
                     PORTA_PORT_ORDER_DIRECTION_PORT_OUT);

  /* cancel: allowed once, then a conflict */
  {
    g_autoptr(PortaPortOrder) cancelled = NULL;
    g_autoptr(PortaPortOrder) again = NULL;

    porta_client_cancel_port_order_async (client, porta_port_order_get_id (cancellable_order), NULL,
                                          porta_test_waiter_cb, &waiter);
    cancelled = porta_client_cancel_port_order_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
    g_clear_object (&waiter.result);
    g_assert_no_error (error);
    g_assert_cmpint (porta_port_order_get_status (cancelled), ==, PORTA_PORT_ORDER_STATUS_CANCELLED);

    porta_client_cancel_port_order_async (client, porta_port_order_get_id (final_order), NULL,
                                          porta_test_waiter_cb, &waiter);
    again = porta_client_cancel_port_order_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
    g_clear_object (&waiter.result);
    g_assert_null (again);
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* not found */
  {
    g_autoptr(PortaPortOrder) missing = NULL;

    porta_client_get_port_order_async (client, "no-such-order", NULL, porta_test_waiter_cb, &waiter);
    missing = porta_client_get_port_order_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
    g_clear_object (&waiter.result);
    g_assert_null (missing);
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* a new port-in order with bad fields: each comes back on its field */
  {
    const char *numbers[] = { "+390298765432", "not a number", "+390298765432", NULL };
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (g_date_time_new_now_utc (), 1);
    PortaNewPortOrder order = {
      .display_name = "Milano HQ",
      .telephone_numbers = numbers,
      .carrier_name = "Operatore Esempio",
      .account_number = "AC-1234",
      .billing_telephone_number = "+390298765400",
      .carrier_pin = "4321",
      .requested_foc_date_time = tomorrow,
      .authorized_by = "Giulia Ferraro",
    };
    g_autoptr(PortaPortOrder) created = NULL;
    GPtrArray *fields;
    gboolean saw_number = FALSE, saw_date = FALSE;

    porta_client_create_port_order_async (client, &order, NULL, porta_test_waiter_cb, &waiter);
    created = porta_client_create_port_order_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
    g_clear_object (&waiter.result);
    g_assert_null (created);
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_REQUEST);
    fields = porta_error_get_field_errors (error);
    g_assert_nonnull (fields);
    for (guint i = 0; i < fields->len; i++)
      {
        PortaFieldError *fe = g_ptr_array_index (fields, i);

        if (g_str_has_prefix (fe->target, "telephoneNumbers"))
          saw_number = TRUE;
        if (g_str_equal (fe->target, "requestedFocDateTime"))
          saw_date = TRUE;
      }
    g_assert_true (saw_number);
    g_assert_true (saw_date);
    g_clear_error (&error);
  }
}

static void
test_read_only_is_forbidden (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaAccount) account = porta_account_new (sandbox->authority, sandbox->api_base,
                                                       PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  tokens = sign_in (porta_client_get_auth (client), sandbox, BROWSER_FOLLOW, &error);
  g_assert_no_error (error);
  porta_client_set_tokens (client, tokens);

  /* reading is fine, writing is not */
  status = pin_status (client);
  g_assert_nonnull (status);
  g_assert_false (set_pin (client, "482916", &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FORBIDDEN);
  g_assert_cmpuint (porta_error_get_http_status (error), ==, 403);
}

static void
test_server_error (void)
{
  const char *args[] = { "--auto-approve", "--faults", "unavailable=1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  PortaTestWaiter waiter = { NULL };

  porta_client_set_retry_policy (client, 3, 10000, 20);
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_SERVER);
  g_assert_true (porta_error_is_retryable (error));

  /* the facts for a Details view, and nothing of the server's prose in
   * the message meant for a person */
  details = porta_error_format_details (error);
  g_assert_nonnull (strstr (details, "503"));
  g_assert_nonnull (strstr (details, "request-id: "));
  g_assert_nonnull (strstr (details, "client-request-id: "));
}

static gboolean
plain_text_incoming_cb (GSocketService    *service,
                        GSocketConnection *connection,
                        GObject           *source,
                        gpointer           user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  const char *reply = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nthis is not TLS\r\n";

  g_output_stream_write_all (out, reply, strlen (reply), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_tls_error (void)
{
  /* https:// to a port that answers in plain text: no handshake */
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(PortaAccount) account = NULL;
  g_autoptr(PortaClient) client = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *https = NULL;
  PortaTokens tokens = { .access_token = (char *) "t", .expires_at = G_MAXINT64 };
  PortaTestWaiter waiter = { NULL };

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (plain_text_incoming_cb), NULL);
  g_socket_service_start (service);

  https = g_strdup_printf ("https://127.0.0.1:%u/v1.0",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  account = porta_account_new (PORTA_DEFAULT_AUTHORITY, https, PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ);
  client = porta_client_new (account, NULL);
  porta_client_set_tokens (client, &tokens);
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_TLS);
  g_socket_service_stop (service);
}

static void
test_debug_log_has_no_secrets_child (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh = porta_client_dup_refresh_token (client);
  g_autofree char *secrets = NULL;
  PortaTestWaiter waiter = { NULL };
  char *pin;

  g_assert_true (set_pin (client, "7390516284", &error));
  porta_client_reveal_pin_async (client, NULL, porta_test_waiter_cb, &waiter);
  pin = porta_client_reveal_pin_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_cmpstr (pin, ==, "7390516284");
  porta_pin_free (pin);

  /* the parent looks for these in what this process logged */
  secrets = g_strdup_printf ("%s\n", refresh);
  g_file_set_contents (g_getenv ("PORTA_TEST_SECRETS_FILE"), secrets, -1, &error);
  g_assert_no_error (error);
}

static void
test_debug_log_has_no_secrets (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "porta-test-secrets-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pattern = NULL;
  int fd;

  if (g_test_subprocess ())
    {
      test_debug_log_has_no_secrets_child ();
      return;
    }

  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_setenv ("PORTA_TEST_SECRETS_FILE", path, TRUE);
  g_setenv ("PORTA_DEBUG", "http", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("PORTA_DEBUG");
  g_test_trap_assert_passed ();

  /* it did log HTTP, with the bearer token and the PIN bodies withheld */
  g_test_trap_assert_stderr ("*> PUT http://127.0.0.1:*/portOutPin*");
  g_test_trap_assert_stderr ("*Authorization: [redacted]*");
  g_test_trap_assert_stderr ("*bytes withheld*");
  g_test_trap_assert_stderr_unmatched ("*7390516284*");
  g_test_trap_assert_stderr_unmatched ("*Bearer *");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_strchomp (contents);
  g_assert_cmpuint (strlen (contents), >, 10);
  pattern = g_strdup_printf ("*%s*", contents);
  g_test_trap_assert_stderr_unmatched (pattern);
  g_unlink (path);
}

static void
test_redact_body (void)
{
  const char *json_in = "{\"pin\":\"123456\",\"error\":{\"code\":\"x\"}}";
  g_autofree char *json = porta_http_redact_body (json_in, strlen (json_in));
  g_autofree char *form = NULL;
  const char *form_in = "grant_type=refresh_token&refresh_token=abc.def&code=xyz&client_id=1";

  g_assert_null (strstr (json, "123456"));
  g_assert_nonnull (strstr (json, "\"code\":\"x\""));
  form = porta_http_redact_body (form_in, strlen (form_in));
  g_assert_cmpstr (form, ==, "grant_type=refresh_token&refresh_token=[redacted]&code=[redacted]&client_id=1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!porta_test_have_sandbox ())
    return 0;  /* the skip plan is printed */

  g_test_add_func ("/auth/pkce-challenge", test_pkce_challenge);
  g_test_add_func ("/auth/browser", test_sign_in_browser);
  g_test_add_func ("/auth/browser-approve-by-hand", test_sign_in_browser_approve_by_hand);
  g_test_add_func ("/auth/browser-declined", test_sign_in_browser_declined);
  g_test_add_func ("/auth/browser-forged-state", test_sign_in_browser_forged_state);
  g_test_add_func ("/auth/browser-timeout", test_sign_in_browser_timeout);
  g_test_add_func ("/auth/browser-cancel", test_sign_in_browser_cancel);
  g_test_add_func ("/auth/device-auto-approve", test_sign_in_device_auto_approve);
  g_test_add_func ("/auth/device-approved", test_sign_in_device_approved);
  g_test_add_func ("/auth/device-declined", test_sign_in_device_declined);
  g_test_add_func ("/auth/device-expired", test_sign_in_device_expired);
  g_test_add_func ("/auth/refresh-rotation", test_refresh_rotation);
  g_test_add_func ("/client/numbers/paging", test_numbers_paging);
  g_test_add_func ("/client/numbers/filter", test_numbers_filter);
  g_test_add_func ("/client/numbers/cancel", test_numbers_cancel);
  g_test_add_func ("/client/retry/throttle-honours-retry-after", test_throttle_honours_retry_after);
  g_test_add_func ("/client/retry/throttle-gives-up", test_throttle_gives_up);
  g_test_add_func ("/client/retry/unavailable-and-resets", test_unavailable_and_resets_retried);
  g_test_add_func ("/client/bad-bodies", test_bad_bodies);
  g_test_add_func ("/client/unauthorized-refreshes", test_unauthorized_refreshes);
  g_test_add_func ("/client/refresh-rejected", test_refresh_rejected);
  g_test_add_func ("/client/no-credentials", test_no_credentials);
  g_test_add_func ("/client/insecure-url", test_insecure_url_refused);
  g_test_add_func ("/client/pin/rules-local", test_pin_rules_local);
  g_test_add_func ("/client/pin/lifecycle", test_pin_lifecycle);
  g_test_add_func ("/client/port-orders", test_port_orders);
  g_test_add_func ("/client/read-only-is-forbidden", test_read_only_is_forbidden);
  g_test_add_func ("/client/server-error", test_server_error);
  g_test_add_func ("/client/tls-error", test_tls_error);
  g_test_add_func ("/client/debug-log", test_debug_log_has_no_secrets);
  g_test_add_func ("/client/redact-body", test_redact_body);

  return g_test_run ();
}
