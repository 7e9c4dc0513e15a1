/* test-session.c — accounts, keyring and clients together
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "porta-error.h"
#include "porta-keyring.h"
#include "porta-pin.h"
#include "porta-sandbox-launcher.h"
#include "porta-session.h"
#include "porta-test-utils.h"

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("porta-session-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
restore (PortaSession *session)
{
  g_autoptr(GError) error = NULL;
  PortaTestWaiter w = { NULL };

  porta_session_restore_async (session, NULL, porta_test_waiter_cb, &w);
  g_assert_true (porta_session_restore_finish (session, porta_test_waiter_wait (&w, 30000), &error));
  g_assert_no_error (error);
  porta_test_waiter_clear (&w);
}

/* Restores @session (empty), then adds the test account of @sandbox,
 * signed in; returns its tokens. */
static PortaTokens *
add_sandbox_account (PortaSession     *session,
                     PortaTestSandbox *sandbox)
{
  g_autoptr(PortaAccount) account = porta_account_new (sandbox->authority, sandbox->api_base,
                                                       PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ_WRITE);
  g_autoptr(PortaAuth) auth = porta_auth_new (sandbox->authority, PORTA_TEST_CLIENT_ID,
                                              PORTA_SCOPES_READ_WRITE, NULL);
  g_autoptr(GError) error = NULL;
  PortaTestWaiter w = { NULL };
  PortaTokens *tokens;

  restore (session);
  tokens = porta_test_sign_in (auth, &error);
  g_assert_no_error (error);

  porta_session_add_account_async (session, account, tokens, NULL, porta_test_waiter_cb, &w);
  g_assert_true (porta_session_add_account_finish (session, porta_test_waiter_wait (&w, 30000), &error));
  porta_test_waiter_clear (&w);
  return tokens;
}

static PortaPinStatus *
pin_status (PortaClient  *client,
            GError      **error)
{
  PortaTestWaiter w = { NULL };
  PortaPinStatus *status;

  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &w);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&w, 30000), error);
  porta_test_waiter_clear (&w);
  return status;
}

static char *
keyring_lookup (PortaAccount  *account,
                GError       **error)
{
  PortaTestWaiter w = { NULL };
  char *secret;

  porta_keyring_lookup_async (account, NULL, porta_test_waiter_cb, &w);
  secret = porta_keyring_lookup_finish (porta_test_waiter_wait (&w, 30000), error);
  porta_test_waiter_clear (&w);
  return secret;
}

static void
test_empty_is_signed_out (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(PortaSession) session = porta_test_session_new (dir);

  restore (session);
  g_assert_cmpint (porta_session_get_state (session), ==, PORTA_SESSION_STATE_SIGNED_OUT);
  g_assert_null (porta_session_get_account (session));
  g_assert_null (porta_session_get_client (session));
}

static void
test_sandbox (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_file = NULL;
  PortaTestWaiter w = { NULL };
  PortaAccount *account;

  restore (session);
  porta_session_start_sandbox_async (session, NULL, porta_test_waiter_cb, &w);
  g_assert_true (porta_session_start_sandbox_finish (session, porta_test_waiter_wait (&w, 30000), &error));
  porta_test_waiter_clear (&w);
  g_assert_no_error (error);

  g_assert_cmpint (porta_session_get_state (session), ==, PORTA_SESSION_STATE_READY);
  account = porta_session_get_account (session);
  g_assert_true (porta_account_get_sandbox (account));
  g_assert_true (account == porta_session_get_sandbox_account (session));
  g_assert_nonnull (porta_account_get_display_name (account));

  status = pin_status (porta_session_get_client (session), &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  /* the sandbox account is not saved; its state is kept where asked */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (porta_session_get_store (session))), ==, 0);
  porta_session_shutdown (session);
  state_file = g_build_filename (dir, "sandbox", NULL);
  g_assert_true (g_file_test (state_file, G_FILE_TEST_IS_DIR));
}

static void
test_add_restore_sign_out (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autofree char *dir = temp_dir ();
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(PortaSession) again = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *after = NULL;
  PortaAccount *stored;
  PortaTestWaiter w = { NULL };

  tokens = add_sandbox_account (session, sandbox);
  g_assert_cmpint (porta_session_get_state (session), ==, PORTA_SESSION_STATE_READY);
  stored = porta_session_get_account (session);
  g_assert_nonnull (porta_account_get_username (stored));
  g_assert_null (porta_session_get_keyring_problem (session));

  /* the refresh token is in the keyring, and only there */
  secret = keyring_lookup (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, tokens->refresh_token);

  /* a new session (Porta started again) comes back without prompting */
  porta_test_spin (200);  /* the store's save */
  again = porta_test_session_new (dir);
  restore (again);
  g_assert_cmpint (porta_session_get_state (again), ==, PORTA_SESSION_STATE_READY);
  g_assert_cmpstr (porta_account_get_id (porta_session_get_account (again)), ==, porta_account_get_id (stored));
  status = pin_status (porta_session_get_client (again), &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  /* the refresh rotated the token, and the keyring follows */
  porta_test_spin (300);
  after = keyring_lookup (stored, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpstr (after, !=, secret);

  /* signing out clears the secret and the saved account */
  porta_session_sign_out_async (again, porta_session_get_account (again), NULL, porta_test_waiter_cb, &w);
  g_assert_true (porta_session_sign_out_finish (again, porta_test_waiter_wait (&w, 30000), &error));
  porta_test_waiter_clear (&w);
  g_assert_cmpint (porta_session_get_state (again), ==, PORTA_SESSION_STATE_SIGNED_OUT);
  g_assert_null (keyring_lookup (stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (porta_session_get_store (again))), ==, 0);

  porta_pin_wipe (secret, strlen (secret));
  porta_pin_wipe (after, strlen (after));
}

static void
test_keyring_unavailable_child (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autofree char *dir = temp_dir ();
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  tokens = add_sandbox_account (session, sandbox);

  /* signed in for this session, and told it will not be remembered */
  g_assert_cmpint (porta_session_get_state (session), ==, PORTA_SESSION_STATE_READY);
  g_assert_nonnull (porta_session_get_keyring_problem (session));
  status = pin_status (porta_session_get_client (session), &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);
}

static void
test_keyring_unavailable (void)
{
  if (g_test_subprocess ())
    {
      test_keyring_unavailable_child ();
      return;
    }

  /* a bus on which nobody offers a Secret Service */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/porta-test-bus", TRUE);
  porta_keyring_set_timeout (2000);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
start_launcher (PortaSandboxLauncher *launcher)
{
  g_autoptr(GError) error = NULL;
  PortaTestWaiter w = { NULL };
  gboolean ok;

  porta_sandbox_launcher_start_async (launcher, NULL, porta_test_waiter_cb, &w);
  ok = porta_sandbox_launcher_start_finish (launcher, porta_test_waiter_wait (&w, 30000), &error);
  g_assert_no_error (error);
  porta_test_waiter_clear (&w);
  return ok;
}

static void
test_one_sandbox_per_folder (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *instance = g_build_filename (dir, "instance", NULL);
  g_autoptr(PortaSandboxLauncher) first = porta_sandbox_launcher_new (dir);
  g_autoptr(PortaSandboxLauncher) second = porta_sandbox_launcher_new (dir);
  g_autoptr(PortaSandboxLauncher) third = NULL;
  g_autofree char *url = NULL;

  /* porta and portactl side by side share one sandbox, not one state
   * file between two */
  g_assert_true (start_launcher (first));
  url = g_strdup (porta_sandbox_launcher_get_base_url (first));
  g_assert_true (g_file_test (instance, G_FILE_TEST_EXISTS));
  g_assert_true (start_launcher (second));
  g_assert_cmpstr (porta_sandbox_launcher_get_base_url (second), ==, url);

  /* the one that reused it leaves it running */
  porta_sandbox_launcher_stop (second);
  g_assert_true (g_file_test (instance, G_FILE_TEST_EXISTS));

  /* the one that started it stops it; the next starts afresh */
  porta_sandbox_launcher_stop (first);
  g_assert_false (g_file_test (instance, G_FILE_TEST_EXISTS));
  third = porta_sandbox_launcher_new (dir);
  g_assert_true (start_launcher (third));
  g_assert_cmpstr (porta_sandbox_launcher_get_base_url (third), !=, url);
  porta_sandbox_launcher_stop (third);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!porta_test_have_sandbox ())
    return 0;  /* the skip plan is printed */

  g_test_add_func ("/session/empty-is-signed-out", test_empty_is_signed_out);
  g_test_add_func ("/session/sandbox", test_sandbox);
  g_test_add_func ("/session/add-restore-sign-out", test_add_restore_sign_out);
  g_test_add_func ("/session/keyring-unavailable", test_keyring_unavailable);
  g_test_add_func ("/session/one-sandbox-per-folder", test_one_sandbox_per_folder);

  return g_test_run ();
}
