/* test-pin-state.c — PortaPinState against porta-sandbox, without GTK
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one model the PIN card and the Voice page's banner observe: what it
 * knows before anything is read, after a read, after setting the PIN
 * through it and after someone else set it; that each property is
 * notified once per real change and never for the same value again; and
 * what it says when the server is gone, in the person's language (run as
 * `pin-state` and `pin-state-it`).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <signal.h>
#include <string.h>

#include "porta-error.h"
#include "porta-i18n.h"
#include "porta-pin-state.h"
#include "porta-test-utils.h"

#define TEST_PIN    "7305918264"
#define OTHER_PIN   "5930172846"

/* ---- notifications, counted per property ------------------------------- */

typedef struct
{
  guint status;
  guint is_set;
  guint loading;
  guint error;
  guint offered;
} Counts;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  Counts *counts = user_data;

  if (strcmp (pspec->name, "status") == 0)
    counts->status++;
  else if (strcmp (pspec->name, "is-set") == 0)
    counts->is_set++;
  else if (strcmp (pspec->name, "loading") == 0)
    counts->loading++;
  else if (strcmp (pspec->name, "error") == 0)
    counts->error++;
  else if (strcmp (pspec->name, "offered") == 0)
    counts->offered++;
}

static gboolean
not_loading (gpointer user_data)
{
  return !porta_pin_state_get_loading (user_data);
}

static void
wait_loaded (PortaPinState *state)
{
  g_assert_true (porta_test_wait_until (not_loading, state, 30000));
}

static gboolean
set_pin (PortaPinState  *state,
         const char     *pin,
         GError        **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_pin_state_set_pin_async (state, pin, NULL, porta_test_waiter_cb, &waiter);
  return porta_pin_state_set_pin_finish (state, porta_test_waiter_wait (&waiter, 30000), error);
}

/* the PIN set by someone else: another client, as portactl would */
static void
set_pin_elsewhere (PortaTestSandbox *sandbox,
                   const char       *pin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaClient) other = porta_test_signed_in_client (sandbox, &error);
  g_auto(PortaTestWaiter) waiter = { NULL };

  g_assert_no_error (error);
  porta_client_set_pin_async (other, pin, NULL, porta_test_waiter_cb, &waiter);
  g_assert_true (porta_client_set_pin_finish (other, porta_test_waiter_wait (&waiter, 30000), &error));
  g_assert_no_error (error);
}

static PortaTestSandbox *
start_sandbox (void)
{
  const char *args[] = { "--auto-approve", NULL };

  return porta_test_sandbox_start (NULL, args);
}

static PortaClient *
signed_in_client (PortaTestSandbox *sandbox)
{
  /* a dead server is said at once, not after a minute of retries */
  return porta_test_client (sandbox, 1, 2000, 10);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_set_through_state (void)
{
  g_autoptr(PortaTestSandbox) sandbox = start_sandbox ();
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  g_autoptr(GError) error = NULL;
  PortaPinStatus *status;
  Counts counts = { 0 };

  g_signal_connect (state, "notify", G_CALLBACK (count_cb), &counts);

  /* nothing known before the first read */
  g_assert_true (porta_pin_state_get_client (state) == client);
  g_assert_null (porta_pin_state_get_status (state));
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_false (porta_pin_state_get_loading (state));
  g_assert_null (porta_pin_state_get_error (state));

  porta_pin_state_load (state);
  g_assert_true (porta_pin_state_get_loading (state));
  /* a second page asking meanwhile starts nothing more */
  porta_pin_state_load (state);
  g_assert_cmpuint (counts.loading, ==, 1);
  wait_loaded (state);

  status = porta_pin_state_get_status (state);
  g_assert_nonnull (status);
  g_assert_false (porta_pin_status_get_is_set (status));
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_null (porta_pin_state_get_error (state));
  g_assert_cmpuint (counts.status, ==, 1);
  g_assert_cmpuint (counts.is_set, ==, 0);   /* FALSE before, FALSE now */
  g_assert_cmpuint (counts.loading, ==, 2);
  g_assert_cmpuint (counts.error, ==, 0);

  /* known: load does nothing; a refresh reading the same changes nothing */
  porta_pin_state_load (state);
  g_assert_false (porta_pin_state_get_loading (state));
  porta_pin_state_refresh (state);
  wait_loaded (state);
  g_assert_true (porta_pin_state_get_status (state) == status);
  g_assert_cmpuint (counts.status, ==, 1);
  g_assert_cmpuint (counts.loading, ==, 4);

  /* a PIN the server refuses changes nothing but says why */
  g_assert_false (set_pin (state, "12", &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_PIN);
  g_clear_error (&error);
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_cmpuint (counts.status, ==, 1);
  g_assert_cmpuint (counts.error, ==, 0);

  /* set through the state: it knows at once, with when and by whom */
  counts = (Counts) { 0 };
  g_assert_true (set_pin (state, TEST_PIN, &error));
  g_assert_no_error (error);
  g_assert_false (porta_pin_state_get_loading (state));
  g_assert_true (porta_pin_state_get_is_set (state));
  status = porta_pin_state_get_status (state);
  g_assert_true (porta_pin_status_get_is_set (status));
  g_assert_nonnull (porta_pin_status_get_last_modified_date_time (status));
  g_assert_nonnull (porta_pin_status_get_last_modified_by_name (status));
  g_assert_cmpuint (counts.status, ==, 1);
  g_assert_cmpuint (counts.is_set, ==, 1);
  g_assert_cmpuint (counts.loading, ==, 2);
  g_assert_cmpuint (counts.error, ==, 0);
}

static void
test_refresh_sees_others (void)
{
  g_autoptr(PortaTestSandbox) sandbox = start_sandbox ();
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  Counts counts = { 0 };

  porta_pin_state_load (state);
  wait_loaded (state);
  g_assert_false (porta_pin_state_get_is_set (state));

  /* set elsewhere: nothing changes here until asked */
  g_signal_connect (state, "notify", G_CALLBACK (count_cb), &counts);
  set_pin_elsewhere (sandbox, OTHER_PIN);
  porta_test_spin (100);
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_cmpuint (counts.status + counts.is_set + counts.loading + counts.error, ==, 0);

  porta_pin_state_refresh (state);
  wait_loaded (state);
  g_assert_true (porta_pin_state_get_is_set (state));
  g_assert_nonnull (porta_pin_status_get_last_modified_date_time (porta_pin_state_get_status (state)));
  g_assert_cmpuint (counts.status, ==, 1);
  g_assert_cmpuint (counts.is_set, ==, 1);
  g_assert_cmpuint (counts.loading, ==, 2);
  g_assert_cmpuint (counts.error, ==, 0);
}

static void
test_dead_server (void)
{
  g_autoptr(PortaTestSandbox) sandbox = start_sandbox ();
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  const char *expected = _("Could not reach the server. Check your internet connection and try again.");
  const char *language = g_getenv ("LANGUAGE");
  PortaPinStatus *status;
  const GError *error;
  Counts counts = { 0 };

  porta_pin_state_load (state);
  wait_loaded (state);
  status = porta_pin_state_get_status (state);
  g_assert_nonnull (status);

  /* the server goes away */
  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait (sandbox->process, NULL, NULL);

  g_signal_connect (state, "notify", G_CALLBACK (count_cb), &counts);
  porta_pin_state_refresh (state);
  wait_loaded (state);
  error = porta_pin_state_get_error (state);
  g_assert_error ((GError *) error, PORTA_ERROR, PORTA_ERROR_NETWORK);
  /* words for a person, in their language */
  g_assert_cmpstr (error->message, ==, expected);
  if (language != NULL && g_str_has_prefix (language, "it"))
    g_assert_cmpstr (error->message, !=,
                     "Could not reach the server. Check your internet connection and try again.");
  /* what was known stays: the error says it may be old */
  g_assert_true (porta_pin_state_get_status (state) == status);
  g_assert_cmpuint (counts.error, ==, 1);
  g_assert_cmpuint (counts.status, ==, 0);

  /* the same failure again is no news */
  porta_pin_state_refresh (state);
  wait_loaded (state);
  g_assert_nonnull (porta_pin_state_get_error (state));
  g_assert_cmpuint (counts.error, ==, 1);
}

static void
test_cancel (void)
{
  g_autoptr(PortaTestSandbox) sandbox = start_sandbox ();
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  Counts counts = { 0 };

  g_signal_connect (state, "notify", G_CALLBACK (count_cb), &counts);
  porta_pin_state_load (state);
  wait_loaded (state);
  g_assert_null (porta_pin_state_get_error (state));

  /* cancelled: nothing learnt, nothing lost, not loading */
  counts = (Counts) { 0 };
  porta_pin_state_refresh (state);
  porta_pin_state_cancel (state);
  g_assert_false (porta_pin_state_get_loading (state));
  porta_test_spin (200);
  g_assert_nonnull (porta_pin_state_get_status (state));
  g_assert_null (porta_pin_state_get_error (state));
  g_assert_cmpuint (counts.loading, ==, 2);
  g_assert_cmpuint (counts.status + counts.error, ==, 0);
}

/* Against a server that answers like Graph (no PIN API), the state
 * says the PIN is not offered, once; against the sandbox, it is */
static void
test_not_offered (void)
{
  const char *args[] = { "--auto-approve", "--graph-like", NULL };
  g_autoptr(PortaTestSandbox) graph_like = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (graph_like);
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  g_autoptr(PortaTestSandbox) sandbox = start_sandbox ();
  g_autoptr(PortaClient) normal_client = signed_in_client (sandbox);
  g_autoptr(PortaPinState) normal = porta_pin_state_new (normal_client);
  Counts counts = { 0 };

  g_assert_true (porta_pin_state_get_offered (state));
  g_signal_connect (state, "notify", G_CALLBACK (count_cb), &counts);
  porta_pin_state_load (state);
  wait_loaded (state);
  g_assert_false (porta_pin_state_get_offered (state));
  g_assert_error ((GError *) porta_pin_state_get_error (state), PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_assert_null (porta_pin_state_get_status (state));
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_cmpuint (counts.offered, ==, 1);

  porta_pin_state_refresh (state);
  wait_loaded (state);
  g_assert_false (porta_pin_state_get_offered (state));
  g_assert_cmpuint (counts.offered, ==, 1);

  porta_pin_state_load (normal);
  wait_loaded (normal);
  g_assert_true (porta_pin_state_get_offered (normal));
  g_assert_null (porta_pin_state_get_error (normal));
  g_assert_nonnull (porta_pin_state_get_status (normal));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  porta_i18n_init ();

  if (!porta_test_have_sandbox ())
    return 0;  /* the skip plan is printed */

  g_test_add_func ("/pin-state/set-through-state", test_set_through_state);
  g_test_add_func ("/pin-state/refresh-sees-others", test_refresh_sees_others);
  g_test_add_func ("/pin-state/dead-server", test_dead_server);
  g_test_add_func ("/pin-state/cancel", test_cancel);
  g_test_add_func ("/pin-state/not-offered", test_not_offered);

  return g_test_run ();
}
