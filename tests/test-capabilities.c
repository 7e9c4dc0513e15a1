/* test-capabilities.c — what the server offers, learnt from evidence
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against porta-sandbox --graph-like, which answers portOutPin and
 * portOrders as Microsoft Graph answers a segment it does not know, the
 * client maps the answer to PORTA_ERROR_NOT_OFFERED and records "not
 * offered"; against the normal sandbox, everything is offered and works
 * as before. docs/admin-api.md, §7.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "porta-client.h"
#include "porta-error.h"
#include "porta-test-utils.h"

static PortaClient *
client_for (PortaTestSandbox *sandbox)
{
  return porta_test_client (sandbox, 1, 1000, 1);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_graph_like (void)
{
  const char *args[] = { "--auto-approve", "--graph-like", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = client_for (sandbox);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  PortaTestWaiter waiter = { NULL };
  guint pin_notified = 0, orders_notified = 0;

  g_signal_connect (client, "notify::pin-capability", G_CALLBACK (count_notify_cb), &pin_notified);
  g_signal_connect (client, "notify::orders-capability", G_CALLBACK (count_notify_cb), &orders_notified);

  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_PORT_OUT_PIN), ==,
                   PORTA_CAPABILITY_UNKNOWN);

  /* no capability document: an error, and nothing decided from it */
  porta_client_probe_capabilities_async (client, NULL, porta_test_waiter_cb, &waiter);
  g_assert_false (porta_client_probe_capabilities_finish (client, porta_test_waiter_wait (&waiter, 10000), &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_assert_false (porta_error_is_retryable (error));
  g_clear_error (&error);
  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_PORT_OUT_PIN), ==,
                   PORTA_CAPABILITY_UNKNOWN);
  g_assert_cmpuint (pin_notified, ==, 0);

  /* the PIN: Graph's 400 becomes NOT_OFFERED, with the facts kept */
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (status);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_assert_cmpuint (porta_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (porta_error_get_graph_code (error), ==, "BadRequest");
  g_assert_nonnull (porta_error_get_request_id (error));
  details = porta_error_format_details (error);
  g_assert_nonnull (strstr (details, "BadRequest"));
  g_clear_error (&error);
  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_PORT_OUT_PIN), ==,
                   PORTA_CAPABILITY_NOT_OFFERED);
  g_assert_cmpuint (pin_notified, ==, 1);

  /* asked again: the same answer, no second notify */
  porta_client_get_pin_status_async (client, NULL, porta_test_waiter_cb, &waiter);
  g_assert_null (porta_client_get_pin_status_finish (client, porta_test_waiter_wait (&waiter, 10000), &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_clear_error (&error);
  g_assert_cmpuint (pin_notified, ==, 1);

  /* the orders */
  porta_client_list_port_orders_async (client, NULL, NULL, porta_test_waiter_cb, &waiter);
  orders = porta_client_list_port_orders_finish (client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_null (orders);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_clear_error (&error);
  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_PORT_ORDERS), ==,
                   PORTA_CAPABILITY_NOT_OFFERED);
  g_assert_cmpuint (orders_notified, ==, 1);

  /* the numbers are Graph's own, and work */
  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_NUMBERS), ==,
                   PORTA_CAPABILITY_UNKNOWN);
  {
    g_autoptr(GListStore) store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);

    porta_client_list_numbers_async (client, NULL, store, NULL, NULL, NULL, porta_test_waiter_cb, &waiter);
    g_assert_true (porta_client_list_numbers_finish (client, porta_test_waiter_wait (&waiter, 30000), &error));
    g_clear_object (&waiter.result);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >, 0);
  }
  g_assert_cmpint (porta_client_get_capability (client, PORTA_FEATURE_NUMBERS), ==,
                   PORTA_CAPABILITY_OFFERED);
}

static void
test_normal (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = client_for (sandbox);
  g_autoptr(PortaClient) second = client_for (sandbox);
  g_autoptr(PortaPinStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };

  /* the capability document says everything is offered */
  porta_client_probe_capabilities_async (client, NULL, porta_test_waiter_cb, &waiter);
  g_assert_true (porta_client_probe_capabilities_finish (client, porta_test_waiter_wait (&waiter, 10000), &error));
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  for (PortaFeature f = PORTA_FEATURE_NUMBERS; f <= PORTA_FEATURE_PORT_ORDERS; f++)
    g_assert_cmpint (porta_client_get_capability (client, f), ==, PORTA_CAPABILITY_OFFERED);

  /* without it, the first answer decides */
  g_assert_cmpint (porta_client_get_capability (second, PORTA_FEATURE_PORT_OUT_PIN), ==,
                   PORTA_CAPABILITY_UNKNOWN);
  porta_client_get_pin_status_async (second, NULL, porta_test_waiter_cb, &waiter);
  status = porta_client_get_pin_status_finish (second, porta_test_waiter_wait (&waiter, 10000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_nonnull (status);
  g_assert_cmpint (porta_client_get_capability (second, PORTA_FEATURE_PORT_OUT_PIN), ==,
                   PORTA_CAPABILITY_OFFERED);

  /* the sandbox's own 404 for an unknown path is not Graph's 400 */
  {
    g_autofree char *revealed = NULL;

    porta_client_reveal_pin_async (second, NULL, porta_test_waiter_cb, &waiter);
    revealed = porta_client_reveal_pin_finish (second, porta_test_waiter_wait (&waiter, 10000), &error);
    g_clear_object (&waiter.result);
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_PIN_NOT_SET);
    g_clear_error (&error);
    g_assert_cmpint (porta_client_get_capability (second, PORTA_FEATURE_PORT_OUT_PIN), ==,
                     PORTA_CAPABILITY_OFFERED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!porta_test_have_sandbox ())
    return 0;  /* the skip plan is printed */

  g_test_add_func ("/capabilities/graph-like", test_graph_like);
  g_test_add_func ("/capabilities/normal", test_normal);

  return g_test_run ();
}
