/* test-keyring.c — refresh tokens in a real Secret Service
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main tests use the throwaway gnome-keyring that build-aux/dev.sh
 * starts on its private session bus, and check what was stored from
 * outside with secret-tool. The failure cases each run in a subprocess
 * with a bus of their own, because libsecret and GIO keep one session bus
 * and one Secret Service per process:
 *
 * - no bus at all (an address nothing listens on);
 * - a private bus (GTestDBus: no service files, so nothing can be
 *   activated) with no Secret Service on it;
 * - the same bus with a connection that owns org.freedesktop.secrets and
 *   drops every call, for the time-out;
 * - the same bus with a gnome-keyring of its own, which the test locks.
 *   Locking needs no prompt; unlocking does, which is why the shared
 *   keyring is never locked: the private one is simply thrown away.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "porta-account.h"
#include "porta-error.h"
#include "porta-i18n.h"
#include "porta-keyring.h"
#include "porta-pin.h"
#include "porta-test-utils.h"

#define SKIP_NO_SESSION "no Secret Service on the session bus: run the tests with build-aux/dev.sh test"

/* Helpers */

static gboolean
keyring_store (PortaAccount  *account,
               const char    *token,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_keyring_store_async (account, token, cancellable, porta_test_waiter_cb, &waiter);
  return porta_keyring_store_finish (porta_test_waiter_wait (&waiter, 90000), error);
}

static char *
keyring_lookup (PortaAccount  *account,
                GCancellable  *cancellable,
                GError       **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_keyring_lookup_async (account, cancellable, porta_test_waiter_cb, &waiter);
  return porta_keyring_lookup_finish (porta_test_waiter_wait (&waiter, 90000), error);
}

static gboolean
keyring_clear (PortaAccount  *account,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_keyring_clear_async (account, cancellable, porta_test_waiter_cb, &waiter);
  return porta_keyring_clear_finish (porta_test_waiter_wait (&waiter, 90000), error);
}

static PortaAccount *
new_account (const char *username)
{
  PortaAccount *account = porta_account_new ("https://login.microsoftonline.com/contoso.onmicrosoft.com",
                                             NULL, "11111111-2222-3333-4444-555555555555", NULL);

  porta_account_set_identity (account, "Alice Rossi", username, "tid-contoso");
  return account;
}

static char *
new_token (void)
{
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();

  return g_strdup_printf ("0.AR8A-%s.%s", a, b);
}

static gboolean
name_has_owner (GDBusConnection *connection,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static gboolean
have_secret_service (void)
{
  g_autoptr(GDBusConnection) connection = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  return connection != NULL && name_has_owner (connection, "org.freedesktop.secrets");
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* What secret-tool, from outside, finds stored for @account_id. It prints
 * the attributes on stderr and the rest on stdout. */
static char *
secret_tool_search (const char *account_id)
{
  const char *argv[] = { "secret-tool", "search", "--all", "account-id", account_id, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strconcat (out, err, NULL);
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
assert_stored_item (const char *account_id,
                    const char *username,
                    const char *authority)
{
  g_autofree char *found = secret_tool_search (account_id);
  g_autofree char *label = g_strdup_printf ("label = Porta sign-in for %s", username);
  g_autofree char *attr_id = g_strdup_printf ("attribute.account-id = %s", account_id);
  g_autofree char *attr_user = g_strdup_printf ("attribute.username = %s", username);
  g_autofree char *attr_authority = g_strdup_printf ("attribute.authority = %s", authority);

  /* Exactly one item, with Porta's schema, label and attributes */
  g_assert_cmpuint (count_lines_starting (found, "label = "), ==, 1);
  g_assert_true (has_line (found, label));
  g_assert_true (has_line (found, "schema = io.github.porta.Porta.Token"));
  g_assert_true (has_line (found, attr_id));
  g_assert_true (has_line (found, attr_user));
  g_assert_true (has_line (found, attr_authority));
  g_assert_cmpuint (count_lines_starting (found, "attribute."), ==, 3);
}

static void
assert_elapsed_between (gint64 start,
                        double min_s,
                        double max_s)
{
  double elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("took %.3f s", elapsed);
  g_assert_cmpfloat (elapsed, >=, min_s);
  g_assert_cmpfloat (elapsed, <, max_s);
}

/* Against the shared gnome-keyring */

static void
test_store_lookup_clear (void)
{
  g_autoptr(PortaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *found = NULL;
  char *back;

  if (!have_secret_service ())
    {
      g_test_skip (SKIP_NO_SESSION);
      return;
    }
  if (!have_program ("secret-tool"))
    {
      g_test_skip ("secret-tool is not installed (Debian: libsecret-tools)");
      return;
    }

  account = new_account ("alice@contoso.com");
  token = new_token ();

  /* Nothing yet */
  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (back);

  g_assert_true (keyring_store (account, token, NULL, &error));
  g_assert_no_error (error);

  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, token);
  g_assert_true (back != token);
  porta_pin_free (back);

  /* Seen from outside, as a person would see it */
  assert_stored_item (porta_account_get_id (account), "alice@contoso.com",
                      "https://login.microsoftonline.com/contoso.onmicrosoft.com");

  /* Signing out */
  g_assert_true (keyring_clear (account, NULL, &error));
  g_assert_no_error (error);

  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (back);

  found = secret_tool_search (porta_account_get_id (account));
  g_assert_cmpuint (count_lines_starting (found, "label = "), ==, 0);

  /* Clearing nothing is not an error */
  g_assert_true (keyring_clear (account, NULL, &error));
  g_assert_no_error (error);
}

static void
test_store_replaces (void)
{
  g_autoptr(PortaAccount) account = NULL;
  g_autoptr(PortaAccount) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = new_token ();
  g_autofree char *second = new_token ();
  g_autofree char *third = new_token ();
  g_autofree char *others = new_token ();
  char *back;

  if (!have_secret_service ())
    {
      g_test_skip (SKIP_NO_SESSION);
      return;
    }
  if (!have_program ("secret-tool"))
    {
      g_test_skip ("secret-tool is not installed (Debian: libsecret-tools)");
      return;
    }

  account = new_account ("bob@contoso.com");
  other = new_account ("bob@contoso.com");   /* same person, another account id */

  g_assert_true (keyring_store (account, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (keyring_store (other, others, NULL, &error));
  g_assert_no_error (error);

  /* A refreshed token replaces the old one */
  g_assert_true (keyring_store (account, second, NULL, &error));
  g_assert_no_error (error);
  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, second);
  porta_pin_free (back);
  assert_stored_item (porta_account_get_id (account), "bob@contoso.com",
                      porta_account_get_authority (account));

  /* and so does one stored after the username changed, which would not
   * match the old item's attributes */
  porta_account_set_identity (account, "Bob", "robert@contoso.com", "tid-contoso");
  g_assert_true (keyring_store (account, third, NULL, &error));
  g_assert_no_error (error);
  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, third);
  porta_pin_free (back);
  assert_stored_item (porta_account_get_id (account), "robert@contoso.com",
                      porta_account_get_authority (account));

  /* Accounts do not see each other's tokens */
  back = keyring_lookup (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, others);
  porta_pin_free (back);

  g_assert_true (keyring_clear (account, NULL, &error));
  g_assert_no_error (error);
  back = keyring_lookup (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, others);
  porta_pin_free (back);

  g_assert_true (keyring_clear (other, NULL, &error));
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autoptr(PortaAccount) account = new_account ("carol@contoso.com");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  char *back;

  if (!have_secret_service ())
    {
      g_test_skip (SKIP_NO_SESSION);
      return;
    }

  /* The caller's cancellation stays a cancellation, never a keyring error */
  g_cancellable_cancel (cancellable);

  g_assert_false (keyring_store (account, "token", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  back = keyring_lookup (account, cancellable, &error);
  g_assert_null (back);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (keyring_clear (account, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing was stored */
  back = keyring_lookup (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (back);
}

/* Each failure in a subprocess with its own bus */

static void
assert_all_fail (PortaError  code,
                 const char *message_part)
{
  g_autoptr(PortaAccount) account = new_account ("dave@contoso.com");
  g_autoptr(GError) error = NULL;
  char *back;

  g_assert_false (keyring_store (account, "token", NULL, &error));
  g_assert_error (error, PORTA_ERROR, code);
  g_test_message ("store: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_clear_error (&error);

  back = keyring_lookup (account, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, PORTA_ERROR, code);
  g_test_message ("lookup: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_clear_error (&error);

  g_assert_false (keyring_clear (account, NULL, &error));
  g_assert_error (error, PORTA_ERROR, code);
  g_test_message ("clear: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_clear_error (&error);
}

static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      gint64 start;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/porta-test-bus", TRUE);
      start = g_get_monotonic_time ();
      assert_all_fail (PORTA_ERROR_KEYRING_UNAVAILABLE, "No keyring is available");
      assert_elapsed_between (start, 0, 5);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_bus_italian (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "it", TRUE);
      setlocale (LC_ALL, "");
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/porta-test-bus", TRUE);
      assert_all_fail (PORTA_ERROR_KEYRING_UNAVAILABLE, "portachiavi");
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
can_run_private_bus (void)
{
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");

  if (daemon == NULL)
    {
      g_test_skip ("dbus-daemon is not installed: no private bus for this test");
      return FALSE;
    }
  return TRUE;
}

static void
test_no_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      gint64 start;

      g_test_dbus_up (bus);
      start = g_get_monotonic_time ();
      assert_all_fail (PORTA_ERROR_KEYRING_UNAVAILABLE, "No keyring is available");
      /* Told at once, not after the time-out */
      assert_elapsed_between (start, 0, 5);
      g_test_dbus_down (bus);
      return;
    }

  if (!can_run_private_bus ())
    return;
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Runs in GDBus's worker thread: swallows every call, answers none. */
static GDBusMessage *
drop_method_calls_filter (GDBusConnection *connection,
                          GDBusMessage    *message,
                          gboolean         incoming,
                          gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }
  return message;
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_timeout (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GDBusConnection) silent = NULL;
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PortaAccount) account = new_account ("erin@contoso.com");
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      gint64 start;
      guint32 owned;
      char *back;

      g_test_dbus_up (bus);

      /* A Secret Service that never answers */
      silent = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
      g_assert_no_error (error);
      g_dbus_connection_add_filter (silent, drop_method_calls_filter, NULL, NULL);
      reply = g_dbus_connection_call_sync (silent, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "RequestName",
                                           g_variant_new ("(su)", "org.freedesktop.secrets", 4 /* DO_NOT_QUEUE */),
                                           G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(u)", &owned);
      g_assert_cmpuint (owned, ==, 1 /* PRIMARY_OWNER */);

      porta_keyring_set_timeout (400);
      start = g_get_monotonic_time ();
      assert_all_fail (PORTA_ERROR_KEYRING_UNAVAILABLE, "did not respond in time");
      /* three calls, each given up after 0.4 s */
      assert_elapsed_between (start, 3 * 0.4, 3 * 0.4 + 3);

      /* The caller cancelling first is still a cancellation */
      porta_keyring_set_timeout (20000);
      g_timeout_add (200, cancel_cb, cancellable);
      start = g_get_monotonic_time ();
      back = keyring_lookup (account, cancellable, &error);
      g_assert_null (back);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      assert_elapsed_between (start, 0.2, 5);

      g_dbus_connection_close_sync (silent, NULL, NULL);
      g_test_dbus_down (bus);
      return;
    }

  if (!can_run_private_bus ())
    return;
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
lock_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, "default", SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_false (secret_collection_get_locked (collection));

  /* gnome-keyring locks without a prompt */
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));
}

static void
test_locked (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GDBusConnection) connection = NULL;
      g_autoptr(PortaAccount) stored = new_account ("frank@contoso.com");
      g_autoptr(PortaAccount) never_stored = new_account ("grace@contoso.com");
      g_autoptr(GError) error = NULL;
      g_autofree char *tmp = NULL;
      g_autofree char *runtime = NULL;
      g_autofree char *data = NULL;
      g_autofree char *token = new_token ();
      g_auto(GStrv) envp = NULL;
      const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock",
                             "--components=secrets", NULL };
      GPid pid;
      int stdin_fd;
      gint64 start;
      char *back;

      g_test_dbus_up (bus);

      /* A keyring of our own on the private bus, in throwaway directories */
      tmp = g_dir_make_tmp ("porta-test-keyring-XXXXXX", &error);
      g_assert_no_error (error);
      runtime = g_build_filename (tmp, "runtime", NULL);
      data = g_build_filename (tmp, "data", NULL);
      g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
      g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
      envp = g_get_environ ();
      envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);
      envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
      envp = g_environ_unsetenv (envp, "DISPLAY");
      envp = g_environ_unsetenv (envp, "GNOME_KEYRING_CONTROL");

      g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &stdin_fd, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (write (stdin_fd, "throwaway", strlen ("throwaway")), ==, strlen ("throwaway"));
      close (stdin_fd);

      connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      while (!name_has_owner (connection, "org.freedesktop.secrets"))
        {
          g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
          g_usleep (G_USEC_PER_SEC / 10);
        }

      /* Unlocked, it works */
      porta_keyring_set_timeout (20000);
      g_assert_true (keyring_store (stored, token, NULL, &error));
      g_assert_no_error (error);
      back = keyring_lookup (stored, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back, ==, token);
      porta_pin_free (back);

      lock_default_collection ();

      /* Locked, every call says so at once: no prompt, no wait, and
       * never "nothing stored" */
      start = g_get_monotonic_time ();

      back = keyring_lookup (stored, NULL, &error);
      g_assert_null (back);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_KEYRING_LOCKED);
      g_test_message ("lookup (stored): %s", error->message);
      g_clear_error (&error);

      back = keyring_lookup (never_stored, NULL, &error);
      g_assert_null (back);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_KEYRING_LOCKED);
      g_test_message ("lookup (never stored): %s", error->message);
      g_clear_error (&error);

      g_assert_false (keyring_store (never_stored, token, NULL, &error));
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_KEYRING_LOCKED);
      g_test_message ("store: %s", error->message);
      g_assert_nonnull (strstr (error->message, "locked"));
      g_clear_error (&error);

      g_assert_false (keyring_clear (stored, NULL, &error));
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_KEYRING_LOCKED);
      g_test_message ("clear: %s", error->message);
      g_clear_error (&error);

      assert_elapsed_between (start, 0, 5);

      kill (pid, SIGTERM);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
      /* libsecret keeps its Secret Service, and with it the bus
       * connection that g_test_dbus_down() checks is gone */
      secret_service_disconnect ();
      g_clear_object (&connection);
      g_test_dbus_down (bus);
      porta_test_rm_rf (tmp);
      return;
    }

  if (!can_run_private_bus ())
    return;
  {
    g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");

    if (daemon == NULL)
      {
        g_test_skip ("gnome-keyring-daemon is not installed: no keyring to lock");
        return;
      }
  }
  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  porta_i18n_init ();

  g_test_add_func ("/keyring/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/keyring/store-replaces", test_store_replaces);
  g_test_add_func ("/keyring/cancelled", test_cancelled);
  g_test_add_func ("/keyring/no-bus", test_no_bus);
  g_test_add_func ("/keyring/no-bus-italian", test_no_bus_italian);
  g_test_add_func ("/keyring/no-service", test_no_service);
  g_test_add_func ("/keyring/timeout", test_timeout);
  g_test_add_func ("/keyring/locked", test_locked);

  return g_test_run ();
}
