/* porta-test-utils.c — helpers shared by Porta's tests, GLib only
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every test needs whether it opens a window or not: spinning the
 * main context until something holds, catching the result of an async
 * call, a real porta-sandbox on a free port, a client signed in to
 * it, and a session kept in a test's own directory. This file links libporta only, never GTK, so the service tests
 * (test-client, test-session, ...) run without a display library; the
 * GTK helpers live in porta-test-gtk-utils.c. One copy of each helper:
 * a test that needs another one adds it here, not in its own file.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "porta-account-store.h"
#include "porta-test-utils.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * porta_test_wait_until:
 *
 * Spins the default main context until @condition holds or @timeout_ms
 * passes. Returns whether the condition held.
 */
gboolean
porta_test_wait_until (PortaTestCondition condition,
                       gpointer           user_data,
                       guint              timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (user_data);
}

/**
 * porta_test_spin:
 *
 * Spins the default main context for @ms milliseconds.
 */
void
porta_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * porta_test_waiter_cb:
 * @user_data: a #PortaTestWaiter whose result is still %NULL
 *
 * A #GAsyncReadyCallback that keeps the result in the waiter, for
 * porta_test_waiter_wait() to hand to the `_finish` function.
 */
void
porta_test_waiter_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PortaTestWaiter *waiter = user_data;

  g_assert_null (waiter->result);
  waiter->result = g_object_ref (result);
}

static gboolean
has_result (gpointer user_data)
{
  return ((PortaTestWaiter *) user_data)->result != NULL;
}

/**
 * porta_test_waiter_wait:
 * @waiter: a waiter passed to an async call with porta_test_waiter_cb()
 * @timeout_ms: how long the call may take
 *
 * Spins the default main context until the call ends; fails the test
 * if it takes longer than @timeout_ms.
 *
 * Returns: (transfer none): the result; porta_test_waiter_clear() drops it
 */
GAsyncResult *
porta_test_waiter_wait (PortaTestWaiter *waiter,
                        guint            timeout_ms)
{
  g_assert_true (porta_test_wait_until (has_result, waiter, timeout_ms));
  return waiter->result;
}

/**
 * porta_test_waiter_clear:
 *
 * Drops the result, so the waiter can serve another call.
 */
void
porta_test_waiter_clear (PortaTestWaiter *waiter)
{
  g_clear_object (&waiter->result);
}

/**
 * porta_test_rm_rf:
 * @path: a file or a directory
 *
 * Removes @path and, for a directory, everything in it, like `rm -rf`;
 * a symbolic link is removed, never followed.
 */
void
porta_test_rm_rf (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          porta_test_rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

typedef struct
{
  GObject    *object;
  const char *property;
  int         value;
} PropertyWait;

static gboolean
property_is (gpointer user_data)
{
  PropertyWait *wait = user_data;
  int value;

  g_object_get (wait->object, wait->property, &value, NULL);
  return value == wait->value;
}

/**
 * porta_test_wait_for_value:
 * @object: a #GObject
 * @property: one of its int or enum properties, such as `status`
 * @value: the value to wait for
 * @timeout_ms: how long to wait at most
 *
 * porta_test_wait_until() @property of @object reads @value.
 *
 * Returns: whether it did in time
 */
gboolean
porta_test_wait_for_value (gpointer    object,
                           const char *property,
                           int         value,
                           guint       timeout_ms)
{
  PropertyWait wait = { G_OBJECT (object), property, value };

  return porta_test_wait_until (property_is, &wait, timeout_ms);
}

/**
 * porta_test_have_sandbox:
 *
 * Whether porta-sandbox can be started (`PORTA_SANDBOX_PATH` is set, as
 * tests/meson.build does); if not, prints a TAP skip plan for the whole
 * test program, whose main() then returns 0.
 */
gboolean
porta_test_have_sandbox (void)
{
  if (g_getenv ("PORTA_SANDBOX_PATH") != NULL)
    return TRUE;
  g_print ("1..0 # SKIP PORTA_SANDBOX_PATH is not set (run through meson test)\n");
  return FALSE;
}

/**
 * porta_test_sandbox_start:
 * @state_dir: (nullable): where it keeps its state; %NULL for a new
 *   temporary directory, removed at stop
 * @args: (nullable): more arguments, such as `--numbers`, `5000`
 *
 * Starts porta-sandbox (`PORTA_SANDBOX_PATH`, set by tests/meson.build)
 * and waits for its first line, its base URL. Aborts the test on failure.
 */
PortaTestSandbox *
porta_test_sandbox_start (const char         *state_dir,
                          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) stdout_stream = NULL;
  g_autofree char *line = NULL;
  const char *path = g_getenv ("PORTA_SANDBOX_PATH");
  PortaTestSandbox *sandbox = g_new0 (PortaTestSandbox, 1);

  g_assert_nonnull (path);

  if (state_dir == NULL)
    {
      sandbox->state_dir = g_dir_make_tmp ("porta-sandbox-XXXXXX", &error);
      g_assert_no_error (error);
      sandbox->own_state_dir = TRUE;
    }
  else
    sandbox->state_dir = g_strdup (state_dir);

  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, (char *) "--state-dir");
  g_ptr_array_add (argv, sandbox->state_dir);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  sandbox->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (g_getenv ("PORTA_TEST_SANDBOX_LOG") ? 0 : G_SUBPROCESS_FLAGS_STDERR_SILENCE),
                                        &error);
  g_assert_no_error (error);

  stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  line = g_data_input_stream_read_line_utf8 (stdout_stream, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));

  sandbox->base_url = g_strdup (line);
  sandbox->authority = g_strconcat (line, "/sandbox", NULL);
  sandbox->api_base = g_strconcat (line, "/v1.0", NULL);
  return sandbox;
}

/**
 * porta_test_sandbox_stop:
 * @sandbox: (nullable): a sandbox
 *
 * Stops it with SIGTERM (it saves its state), waits, and cleans up.
 */
void
porta_test_sandbox_stop (PortaTestSandbox *sandbox)
{
  if (sandbox == NULL)
    return;

  if (sandbox->process != NULL)
    {
      g_subprocess_send_signal (sandbox->process, SIGTERM);
      g_subprocess_wait (sandbox->process, NULL, NULL);
      g_clear_object (&sandbox->process);
    }
  if (sandbox->own_state_dir)
    porta_test_rm_rf (sandbox->state_dir);
  g_free (sandbox->state_dir);
  g_free (sandbox->base_url);
  g_free (sandbox->authority);
  g_free (sandbox->api_base);
  g_free (sandbox);
}

typedef struct
{
  SoupSession     *browser;
  PortaTestWaiter  waiter;
} SignIn;

static void
browser_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
}

/**
 * porta_test_open_page:
 * @browser: the session that stands for the browser
 * @uri: the page
 *
 * Opens @uri as a browser would, in the background: the answer is read
 * and dropped. On a sandbox started with --auto-approve, opening the
 * sign-in page is what redirects to Porta's listener.
 */
void
porta_test_open_page (SoupSession *browser,
                      const char  *uri)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);

  soup_session_send_and_read_async (browser, message, G_PRIORITY_DEFAULT, NULL,
                                    browser_page_cb, NULL);
}

static gboolean
follow_uri_cb (const char  *uri,
               gpointer     user_data,
               GError     **error)
{
  SignIn *sign_in = user_data;

  porta_test_open_page (sign_in->browser, uri);
  return TRUE;
}

/**
 * porta_test_sign_in:
 * @auth: sign-in for an account on a sandbox started with --auto-approve
 *
 * Signs in through the PKCE flow, the "browser" being a plain request
 * that follows the sandbox's redirect back to Porta's listener.
 *
 * Returns: (transfer full) (nullable): the tokens
 */
PortaTokens *
porta_test_sign_in (PortaAuth  *auth,
                    GError    **error)
{
  SignIn sign_in = { soup_session_new (), { NULL } };
  PortaTokens *tokens;

  porta_auth_sign_in_browser_async (auth, follow_uri_cb, &sign_in, NULL,
                                    porta_test_waiter_cb, &sign_in.waiter);
  tokens = porta_auth_sign_in_browser_finish (auth, porta_test_waiter_wait (&sign_in.waiter, 20000),
                                              error);
  porta_test_waiter_clear (&sign_in.waiter);
  g_object_unref (sign_in.browser);
  return tokens;
}

/**
 * porta_test_signed_in_client:
 * @sandbox: a sandbox started with --auto-approve
 *
 * A client for the test account on @sandbox, signed in with
 * porta_test_sign_in().
 *
 * Returns: (transfer full) (nullable): the client, or %NULL with @error
 */
PortaClient *
porta_test_signed_in_client (PortaTestSandbox  *sandbox,
                             GError           **error)
{
  g_autoptr(PortaAccount) account = porta_account_new (sandbox->authority, sandbox->api_base,
                                                       PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ_WRITE);
  g_autoptr(PortaClient) client = porta_client_new (account, NULL);
  g_autoptr(PortaTokens) tokens = porta_test_sign_in (porta_client_get_auth (client), error);

  if (tokens == NULL)
    return NULL;
  porta_client_set_tokens (client, tokens);
  return g_steal_pointer (&client);
}

/**
 * porta_test_client:
 * @sandbox: a sandbox started with --auto-approve
 * @max_attempts: as porta_client_set_retry_policy()
 * @max_total_ms: as porta_client_set_retry_policy()
 * @base_delay_ms: as porta_client_set_retry_policy()
 *
 * porta_test_signed_in_client() for a test that needs the client: a
 * failed sign-in fails the test, and the retry policy is the test's own
 * (a short one says a dead server quickly).
 *
 * Returns: (transfer full): the signed-in client
 */
PortaClient *
porta_test_client (PortaTestSandbox *sandbox,
                   guint             max_attempts,
                   guint             max_total_ms,
                   guint             base_delay_ms)
{
  g_autoptr(GError) error = NULL;
  PortaClient *client = porta_test_signed_in_client (sandbox, &error);

  g_assert_no_error (error);
  porta_client_set_retry_policy (client, max_attempts, max_total_ms, base_delay_ms);
  return client;
}

/**
 * porta_test_session_new:
 * @dir: the test's own directory
 *
 * A session whose accounts file is `accounts.json` in @dir and whose
 * sandbox keeps its state in `sandbox` there.
 *
 * Returns: (transfer full): the new session
 */
PortaSession *
porta_test_session_new (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "accounts.json", NULL);
  g_autofree char *sandbox_dir = g_build_filename (dir, "sandbox", NULL);
  g_autoptr(PortaAccountStore) store = porta_account_store_new (path);

  return porta_session_new (store, sandbox_dir);
}
