/* porta-client-orders.c — PortaClient's port orders
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * List, get, create, cancel and change the FOC date of port orders
 * (docs/admin-api.md, §4). Every call but the list answers with one
 * order, so they all go through order_request(); only GET is retried:
 * a second POST could create a second order.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include "porta-client-private.h"

/* The port orders' request -> parse skeleton: @method on the collection,
 * or on @id (and @action) when given; resolves to the order. */
static void
order_request (PortaClient         *self,
               gpointer             source_tag,
               const char          *method,
               const char          *id,
               const char          *action,
               GString             *body,
               PortaRequestFlags    flags,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  _porta_client_object_request (self, source_tag, method, PORTA_CLIENT_PORT_ORDERS_PATH, id, action,
                                body, flags, (PortaParseFunc) porta_port_order_new_from_json,
                                cancellable, callback, user_data);
}

/**
 * porta_client_list_port_orders_async:
 * @self: a #PortaClient
 * @filter: (nullable): an OData `$filter` on `status` and `direction`
 *
 * Lists every port order, following the pages.
 */
void
porta_client_list_port_orders_async (PortaClient         *self,
                                     const char          *filter,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  _porta_client_list_all (self, porta_client_list_port_orders_async, PORTA_CLIENT_PORT_ORDERS_PATH, filter, NULL,
                          (PortaParseFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

/**
 * porta_client_list_port_orders_finish:
 *
 * Returns: (transfer full) (element-type PortaPortOrder): the orders
 */
GPtrArray *
porta_client_list_port_orders_finish (PortaClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_list_port_orders_async, error);
}

void
porta_client_get_port_order_async (PortaClient         *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  order_request (self, porta_client_get_port_order_async, SOUP_METHOD_GET, id, NULL, NULL,
                 PORTA_REQUEST_RETRY, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_get_port_order_finish (PortaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_get_port_order_async, error);
}

static void
add_date_time_member (JsonBuilder *builder,
                      const char  *name,
                      GDateTime   *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static GString *
builder_to_secret_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  GString *out = g_string_new (NULL);

  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);
  return out;
}

/**
 * porta_client_create_port_order_async:
 * @self: a #PortaClient
 * @order: the new port-in order
 *
 * Creates a port-in order. Not retried: a second POST could create a
 * second order. A %PORTA_ERROR_INVALID_REQUEST carries the server's
 * per-field problems (porta_error_get_field_errors()).
 */
void
porta_client_create_port_order_async (PortaClient             *self,
                                      const PortaNewPortOrder *order,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (order != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, order->display_name);
  json_builder_set_member_name (builder, "telephoneNumbers");
  json_builder_begin_array (builder);
  for (guint i = 0; order->telephone_numbers != NULL && order->telephone_numbers[i] != NULL; i++)
    json_builder_add_string_value (builder, order->telephone_numbers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "carrierName");
  json_builder_add_string_value (builder, order->carrier_name);
  json_builder_set_member_name (builder, "accountNumber");
  json_builder_add_string_value (builder, order->account_number);
  json_builder_set_member_name (builder, "billingTelephoneNumber");
  json_builder_add_string_value (builder, order->billing_telephone_number);
  if (order->carrier_pin != NULL)
    {
      json_builder_set_member_name (builder, "carrierPin");
      json_builder_add_string_value (builder, order->carrier_pin);
    }
  if (order->requested_foc_date_time != NULL)
    add_date_time_member (builder, "requestedFocDateTime", order->requested_foc_date_time);
  json_builder_set_member_name (builder, "authorizedBy");
  json_builder_add_string_value (builder, order->authorized_by);
  json_builder_end_object (builder);

  order_request (self, porta_client_create_port_order_async, SOUP_METHOD_POST, NULL, NULL,
                 builder_to_secret_string (builder), PORTA_REQUEST_SECRET_BODY,
                 cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_create_port_order_finish (PortaClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_create_port_order_async, error);
}

/**
 * porta_client_cancel_port_order_async:
 * @self: a #PortaClient
 * @id: the order
 *
 * Cancels an order whose status allows it; otherwise the server answers
 * %PORTA_ERROR_CONFLICT. Resolves to the order as it now stands.
 */
void
porta_client_cancel_port_order_async (PortaClient         *self,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  order_request (self, porta_client_cancel_port_order_async, SOUP_METHOD_POST, id, "cancel", NULL, 0,
                 cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_cancel_port_order_finish (PortaClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_cancel_port_order_async, error);
}

/**
 * porta_client_set_foc_date_async:
 * @self: a #PortaClient
 * @id: the order
 * @requested_foc_date_time: the new requested transfer date
 *
 * Changes the requested FOC date of an order in "transfer approved".
 */
void
porta_client_set_foc_date_async (PortaClient         *self,
                                 const char          *id,
                                 GDateTime           *requested_foc_date_time,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (requested_foc_date_time != NULL);

  json_builder_begin_object (builder);
  add_date_time_member (builder, "requestedFocDateTime", requested_foc_date_time);
  json_builder_end_object (builder);

  order_request (self, porta_client_set_foc_date_async, "PATCH", id, NULL,
                 builder_to_secret_string (builder), 0, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_set_foc_date_finish (PortaClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_set_foc_date_async, error);
}