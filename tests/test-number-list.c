/* test-number-list.c — PortaNumberList against porta-sandbox, with no GTK
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model the Voice page observes (issue 12): the numbers stream in
 * and the count matches, `loading` goes TRUE then FALSE with one notify
 * each way, `n-loaded` is told after each page, refresh loads again
 * without doubling the numbers, cancel stops at once and keeps what
 * came, and a server that dies mid-load leaves an error and the rows.
 */
#include "config.h"

#include <gio/gio.h>

#include "porta-client.h"
#include "porta-error.h"
#include "porta-number-list.h"
#include "porta-phone-number.h"
#include "porta-test-utils.h"

typedef struct
{
  PortaTestSandbox *sandbox;
  PortaClient      *client;
  PortaNumberList  *list;
  GArray           *loading_seen;   /* each value `loading` was notified with */
  guint             n_loaded_notifies;
  guint             error_notifies;
  guint             items_added;
} Fixture;

static void
loading_cb (PortaNumberList *list,
            GParamSpec      *pspec,
            Fixture         *f)
{
  gboolean loading = porta_number_list_get_loading (list);

  g_array_append_val (f->loading_seen, loading);
}

static void
n_loaded_cb (PortaNumberList *list,
             GParamSpec      *pspec,
             Fixture         *f)
{
  f->n_loaded_notifies++;
  /* told after the page is in the list, never ahead of it */
  g_assert_cmpuint (porta_number_list_get_n_loaded (list), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (list)));
}

static void
error_cb (PortaNumberList *list,
          GParamSpec      *pspec,
          Fixture         *f)
{
  f->error_notifies++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->items_added += added;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char * const *args = data;

  f->sandbox = porta_test_sandbox_start (NULL, args);
  /* a dead server is told quickly */
  f->client = porta_test_client (f->sandbox, 2, 2000, 20);
  f->list = porta_number_list_new (f->client);
  f->loading_seen = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect (f->list, "notify::loading", G_CALLBACK (loading_cb), f);
  g_signal_connect (f->list, "notify::n-loaded", G_CALLBACK (n_loaded_cb), f);
  g_signal_connect (f->list, "notify::error", G_CALLBACK (error_cb), f);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_clear_object (&f->client);
  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
  g_array_unref (f->loading_seen);
}

static gboolean
not_loading (gpointer data)
{
  return !porta_number_list_get_loading (data);
}

static gboolean
has_a_page (gpointer data)
{
  return porta_number_list_get_n_loaded (data) > 0;
}

static void
assert_loading_seen (Fixture        *f,
                     const gboolean *expected,
                     guint           n)
{
  g_assert_cmpuint (f->loading_seen->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (f->loading_seen, gboolean, i), ==, expected[i]);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  static const gboolean once[] = { TRUE, FALSE };
  GListModel *model = G_LIST_MODEL (f->list);
  guint n;

  g_assert_true (g_list_model_get_item_type (model) == PORTA_TYPE_PHONE_NUMBER);
  g_assert_true (porta_number_list_get_client (f->list) == f->client);
  g_assert_false (porta_number_list_get_loading (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  porta_number_list_refresh (f->list);
  g_assert_true (porta_number_list_get_loading (f->list));
  g_assert_true (porta_test_wait_until (not_loading, f->list, 60000));

  assert_loading_seen (f, once, G_N_ELEMENTS (once));
  g_assert_null (porta_number_list_get_error (f->list));
  g_assert_cmpuint (f->error_notifies, ==, 0);
  /* 5,000 generated, plus the few that completed port-in orders brought */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 5000);
  g_assert_cmpuint (n, <, 5100);
  g_assert_cmpuint (f->items_added, ==, n);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (porta_number_list_get_store (f->list))), ==, n);
  /* 1,000 a page, told after each */
  g_assert_cmpuint (f->n_loaded_notifies, ==, (n + 999) / 1000);
  for (guint i = 0; i < n; i += 997)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (model, i);

      g_assert_true (PORTA_IS_PHONE_NUMBER (number));
    }
  g_assert_null (g_list_model_get_item (model, n));
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  /* the second refresh comes mid-load: stopped, then started again */
  static const gboolean twice[] = { TRUE, FALSE, TRUE, FALSE };
  guint first;

  porta_number_list_refresh (f->list);
  g_assert_true (porta_test_wait_until (not_loading, f->list, 60000));
  first = g_list_model_get_n_items (G_LIST_MODEL (f->list));

  g_array_set_size (f->loading_seen, 0);
  porta_number_list_refresh (f->list);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_true (porta_test_wait_until (has_a_page, f->list, 60000));
  porta_number_list_refresh (f->list);
  g_assert_true (porta_test_wait_until (not_loading, f->list, 60000));

  assert_loading_seen (f, twice, G_N_ELEMENTS (twice));
  /* every number once: what came before each refresh was let go */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, first);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, first);
  g_assert_null (porta_number_list_get_error (f->list));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  static const gboolean stopped[] = { TRUE, FALSE };
  guint kept;

  porta_number_list_refresh (f->list);
  g_assert_true (porta_test_wait_until (has_a_page, f->list, 60000));
  porta_number_list_cancel (f->list);
  /* at once, not when the request comes back */
  g_assert_false (porta_number_list_get_loading (f->list));
  kept = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (kept, >, 0);
  g_assert_cmpuint (kept, <, 20000);

  /* nothing more arrives, and a cancel is no error */
  porta_test_spin (500);
  assert_loading_seen (f, stopped, G_N_ELEMENTS (stopped));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, kept);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, kept);
  g_assert_null (porta_number_list_get_error (f->list));
  g_assert_cmpuint (f->error_notifies, ==, 0);

  /* a second cancel says nothing */
  porta_number_list_cancel (f->list);
  assert_loading_seen (f, stopped, G_N_ELEMENTS (stopped));
}

static void
test_dead_server (Fixture       *f,
                  gconstpointer  data)
{
  static const gboolean once[] = { TRUE, FALSE };
  const GError *error;
  guint kept;

  porta_number_list_refresh (f->list);
  g_assert_true (porta_test_wait_until (has_a_page, f->list, 60000));
  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
  g_assert_true (porta_test_wait_until (not_loading, f->list, 60000));

  assert_loading_seen (f, once, G_N_ELEMENTS (once));
  error = porta_number_list_get_error (f->list);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PORTA_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (f->error_notifies, ==, 1);
  /* the rows that came stay */
  kept = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (kept, >, 0);
  g_assert_cmpuint (kept, <, 20000);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, kept);

  /* a refresh forgets the error, and fails again */
  porta_number_list_refresh (f->list);
  g_assert_null (porta_number_list_get_error (f->list));
  g_assert_true (porta_test_wait_until (not_loading, f->list, 60000));
  g_assert_nonnull (porta_number_list_get_error (f->list));
  g_assert_cmpuint (f->error_notifies, ==, 3);
}

static void
test_client_change (Fixture       *f,
                    gconstpointer  data)
{
  porta_number_list_refresh (f->list);
  g_assert_true (porta_test_wait_until (has_a_page, f->list, 60000));

  /* another account: nothing of the first stays, and nothing loads
   * until asked */
  porta_number_list_set_client (f->list, NULL);
  g_assert_false (porta_number_list_get_loading (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_cmpuint (porta_number_list_get_n_loaded (f->list), ==, 0);
  porta_number_list_refresh (f->list);
  g_assert_false (porta_number_list_get_loading (f->list));
  porta_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *normal[] = { "--auto-approve", "--numbers", "5000", NULL };
  /* slow pages: a cancel or a dying server lands mid-load */
  static const char *slow[] = { "--auto-approve", "--numbers", "20000", "--faults", "latency=100", NULL };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/number-list/load", Fixture, normal, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/number-list/refresh", Fixture, slow, fixture_setup, test_refresh, fixture_teardown);
  g_test_add ("/number-list/cancel", Fixture, slow, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/number-list/dead-server", Fixture, slow, fixture_setup, test_dead_server, fixture_teardown);
  g_test_add ("/number-list/client-change", Fixture, slow, fixture_setup, test_client_change, fixture_teardown);

  return g_test_run ();
}
