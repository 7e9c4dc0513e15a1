/* test-order-list.c — PortaOrderList against porta-sandbox, with no GTK
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model the Port orders page observes: that `loading` and `error`
 * are notified once per real change, that its items are the sandbox's
 * orders and keep their objects across a refresh, that a dead server
 * leaves the rows and says why, and that the order an action returns
 * lands on the listed object, so its row and its details change together.
 */
#include "config.h"

#include <gio/gio.h>

#include "porta-error.h"
#include "porta-order-list.h"
#include "porta-test-utils.h"

typedef struct
{
  PortaTestSandbox *sandbox;
  PortaClient      *client;
  PortaOrderList   *list;
  guint             loading_notified;
  guint             error_notified;
  guint             loaded_notified;
  guint             items_changed;
  GPtrArray        *changed_orders;
} Fixture;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (pspec->name, "loading"))
    f->loading_notified++;
  else if (g_str_equal (pspec->name, "error"))
    f->error_notified++;
  else if (g_str_equal (pspec->name, "loaded"))
    f->loaded_notified++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ((Fixture *) user_data)->items_changed++;
}

static void
order_changed_cb (PortaOrderList *list,
                  PortaPortOrder *order,
                  gpointer        user_data)
{
  g_ptr_array_add (((Fixture *) user_data)->changed_orders, g_object_ref (order));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *args[] = { "--auto-approve", NULL };

  f->sandbox = porta_test_sandbox_start (NULL, data != NULL ? data : args);
  /* a dead server fails fast: one attempt, no waiting */
  f->client = porta_test_client (f->sandbox, 1, 2000, 10);
  f->list = porta_order_list_new (f->client);
  f->changed_orders = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (f->list, "notify", G_CALLBACK (count_notify_cb), f);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_signal_connect (f->list, "order-changed", G_CALLBACK (order_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_clear_object (&f->client);
  g_clear_pointer (&f->changed_orders, g_ptr_array_unref);
  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
}

static gboolean
not_loading (gpointer user_data)
{
  return !porta_order_list_get_loading (((Fixture *) user_data)->list);
}

static void
load (Fixture *f)
{
  porta_order_list_refresh (f->list);
  g_assert_true (porta_order_list_get_loading (f->list));
  g_assert_true (porta_test_wait_until (not_loading, f, 15000));
}

/* the orders as the sandbox has them now, read without the model */
static GPtrArray *
sandbox_orders (Fixture *f)
{
  g_auto(PortaTestWaiter) waiter = { NULL };
  g_autoptr(GError) error = NULL;
  GPtrArray *orders;

  porta_client_list_port_orders_async (f->client, NULL, NULL, porta_test_waiter_cb, &waiter);
  orders = porta_client_list_port_orders_finish (f->client, porta_test_waiter_wait (&waiter, 15000), &error);
  g_assert_no_error (error);
  return orders;
}

static PortaPortOrder *
cancel_on_server (Fixture    *f,
                  const char *id)
{
  g_auto(PortaTestWaiter) waiter = { NULL };
  g_autoptr(GError) error = NULL;
  PortaPortOrder *updated;

  porta_client_cancel_port_order_async (f->client, id, NULL, porta_test_waiter_cb, &waiter);
  updated = porta_client_cancel_port_order_finish (f->client, porta_test_waiter_wait (&waiter, 15000), &error);
  g_assert_no_error (error);
  return updated;
}

static PortaPortOrder *
first_cancellable (Fixture *f)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->list)); i++)
    {
      g_autoptr(PortaPortOrder) order = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      if (porta_port_order_get_can_cancel (order))
        return order;  /* the list keeps it alive */
    }
  g_assert_not_reached ();
}

/* ---- the tests --------------------------------------------------------- */

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  GListModel *model = G_LIST_MODEL (f->list);

  g_assert_true (g_list_model_get_item_type (model) == PORTA_TYPE_PORT_ORDER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (porta_order_list_get_loaded (f->list));
  g_assert_true (porta_order_list_get_client (f->list) == f->client);

  load (f);
  g_assert_cmpuint (f->loading_notified, ==, 2);   /* on, then off */
  g_assert_cmpuint (f->loaded_notified, ==, 1);
  g_assert_cmpuint (f->error_notified, ==, 0);     /* it was NULL and stayed NULL */
  g_assert_cmpuint (f->items_changed, ==, 1);      /* all the orders in one change */
  g_assert_true (porta_order_list_get_loaded (f->list));
  g_assert_null (porta_order_list_get_error (f->list));

  /* the items are the sandbox's orders, in its order */
  expected = sandbox_orders (f);
  g_assert_cmpuint (expected->len, >=, 7);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      PortaPortOrder *want = g_ptr_array_index (expected, i);
      g_autoptr(PortaPortOrder) got = g_list_model_get_item (model, i);

      g_assert_cmpstr (porta_port_order_get_id (got), ==, porta_port_order_get_id (want));
      g_assert_cmpstr (porta_port_order_get_display_name (got), ==, porta_port_order_get_display_name (want));
      g_assert_cmpint (porta_port_order_get_status (got), ==, porta_port_order_get_status (want));
      g_assert_true (porta_order_list_find (f->list, porta_port_order_get_id (want)) == got);
    }
  g_assert_null (porta_order_list_find (f->list, "no-such-order"));
  g_assert_null (g_list_model_get_item (model, expected->len));
  g_assert_cmpuint (f->changed_orders->len, ==, 0);
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PortaPortOrder) first = NULL;
  guint n;

  load (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  f->loading_notified = f->loaded_notified = f->items_changed = 0;

  /* nothing moved: the same objects, no change to the items, no
   * announcement; only loading goes on and off */
  load (f);
  g_assert_cmpuint (f->loading_notified, ==, 2);
  g_assert_cmpuint (f->loaded_notified, ==, 0);
  g_assert_cmpuint (f->error_notified, ==, 0);
  g_assert_cmpuint (f->items_changed, ==, 0);
  g_assert_cmpuint (f->changed_orders->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
  {
    g_autoptr(PortaPortOrder) again = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_assert_true (again == first);
  }

  /* a refresh during a refresh starts again: loading stays on */
  f->loading_notified = 0;
  porta_order_list_refresh (f->list);
  porta_order_list_refresh (f->list);
  g_assert_cmpuint (f->loading_notified, ==, 1);
  g_assert_true (porta_test_wait_until (not_loading, f, 15000));
  g_assert_cmpuint (f->loading_notified, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);

  /* cancel: loading off at once, the rows stay */
  porta_order_list_refresh (f->list);
  porta_order_list_cancel (f->list);
  g_assert_false (porta_order_list_get_loading (f->list));
  porta_order_list_cancel (f->list);
  g_assert_cmpuint (f->loading_notified, ==, 4);
  porta_test_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
  g_assert_null (porta_order_list_get_error (f->list));
}

static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PortaPortOrder) updated = NULL;
  PortaPortOrder *order;

  load (f);
  order = first_cancellable (f);

  /* cancelled by someone else (portactl, another admin): the next
   * refresh updates the listed object and reports it */
  updated = cancel_on_server (f, porta_port_order_get_id (order));
  g_assert_cmpint (porta_port_order_get_status (order), !=, PORTA_PORT_ORDER_STATUS_CANCELLED);
  f->items_changed = 0;
  load (f);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_CANCELLED);
  g_assert_cmpuint (f->changed_orders->len, ==, 1);
  g_assert_true (g_ptr_array_index (f->changed_orders, 0) == order);
  g_assert_cmpuint (f->items_changed, ==, 0);
}

static void
test_dead_server (Fixture       *f,
                  gconstpointer  data)
{
  const GError *error;
  g_autofree char *message = NULL;
  g_autoptr(GError) from_property = NULL;
  guint n;

  load (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, >, 0);
  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
  f->items_changed = 0;

  load (f);
  error = porta_order_list_get_error (f->list);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PORTA_ERROR);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  message = g_strdup (error->message);
  g_assert_cmpuint (f->error_notified, ==, 1);
  g_object_get (f->list, "error", &from_property, NULL);
  g_assert_nonnull (from_property);
  g_assert_cmpstr (from_property->message, ==, message);

  /* the rows stay, and so does loaded: the page keeps showing them */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
  g_assert_cmpuint (f->items_changed, ==, 0);
  g_assert_true (porta_order_list_get_loaded (f->list));

  /* the same failure again is no change */
  load (f);
  g_assert_cmpuint (f->error_notified, ==, 1);
  g_assert_cmpstr (porta_order_list_get_error (f->list)->message, ==, message);

}

static void
test_error_cleared (Fixture       *f,
                    gconstpointer  data)
{
  guint n = 0, failures = 0, recoveries = 0;
  gboolean had_error = FALSE;

  /* a server that answers 503 half the time, the same way every run
   * (seeded): each change between failing and working is one notify */
  for (guint i = 0; i < 24 && recoveries < 2; i++)
    {
      porta_order_list_refresh (f->list);
      g_assert_true (porta_test_wait_until (not_loading, f, 15000));
      if (porta_order_list_get_error (f->list) != NULL)
        {
          failures += !had_error;
          had_error = TRUE;
          /* the rows of the last good read stay */
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
        }
      else
        {
          recoveries += had_error;
          had_error = FALSE;
          n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
          g_assert_cmpuint (n, >, 0);
        }
    }
  g_assert_cmpuint (failures, >, 0);
  g_assert_cmpuint (recoveries, >, 0);
  g_assert_cmpuint (f->error_notified, ==, failures + recoveries);
}

static void
test_update_after_action (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PortaPortOrder) updated = NULL;
  PortaPortOrder *order;
  PortaPortOrder *listed;
  guint n;
  gulong status_notified = 0;

  load (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  order = first_cancellable (f);
  g_signal_connect_swapped (order, "notify::status", G_CALLBACK (g_nullify_pointer), &status_notified);
  status_notified = 1;
  f->items_changed = 0;

  /* Cancel Order returns the order as it is now: it replaces the listed
   * one's values, on the listed object, which the row and the details
   * both show */
  updated = cancel_on_server (f, porta_port_order_get_id (order));
  g_assert_true (updated != order);
  listed = porta_order_list_update_order (f->list, updated);
  g_assert_true (listed == order);
  g_assert_cmpuint (status_notified, ==, 0);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_CANCELLED);
  g_assert_false (porta_port_order_get_can_cancel (order));
  g_assert_cmpuint (f->items_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
  g_signal_handlers_disconnect_by_data (order, &status_notified);

  /* the same object again: nothing to do */
  g_assert_true (porta_order_list_update_order (f->list, order) == order);

  /* and the next refresh has nothing to announce: the list knew */
  load (f);
  g_assert_cmpuint (f->changed_orders->len, ==, 0);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_CANCELLED);
}

static void
test_update_adds (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) orders = sandbox_orders (f);
  PortaPortOrder *order = g_ptr_array_index (orders, 0);

  /* before any read, an order just created is added */
  g_assert_true (porta_order_list_update_order (f->list, order) == order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  g_assert_cmpuint (f->items_changed, ==, 1);

  /* and a read then keeps that object and adds the others */
  load (f);
  g_assert_true (porta_order_list_find (f->list, porta_port_order_get_id (order)) == order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, orders->len);
  g_assert_cmpuint (f->changed_orders->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *flaky[] = { "--auto-approve", "--faults", "unavailable=0.5", "--seed", "7", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/order-list/load", test_load);
  ADD ("/order-list/refresh", test_refresh);
  ADD ("/order-list/changed-elsewhere", test_changed_elsewhere);
  ADD ("/order-list/dead-server", test_dead_server);
  g_test_add ("/order-list/error-cleared", Fixture, flaky, fixture_set_up, test_error_cleared, fixture_tear_down);
  ADD ("/order-list/update-after-action", test_update_after_action);
  ADD ("/order-list/update-adds", test_update_adds);
#undef ADD

  return g_test_run ();
}
