/* porta-order-list.h — the port orders of one account, as a list model
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-client.h"
#include "porta-port-order.h"

G_BEGIN_DECLS

#define PORTA_TYPE_ORDER_LIST (porta_order_list_get_type ())

G_DECLARE_FINAL_TYPE (PortaOrderList, porta_order_list, PORTA, ORDER_LIST, GObject)

PortaOrderList *porta_order_list_new          (PortaClient    *client);
PortaClient    *porta_order_list_get_client   (PortaOrderList *self);
gboolean        porta_order_list_get_loading  (PortaOrderList *self);
gboolean        porta_order_list_get_loaded   (PortaOrderList *self);
const GError   *porta_order_list_get_error    (PortaOrderList *self);

void            porta_order_list_refresh      (PortaOrderList *self);
void            porta_order_list_cancel       (PortaOrderList *self);

PortaPortOrder *porta_order_list_find         (PortaOrderList *self,
                                               const char     *id);
PortaPortOrder *porta_order_list_update_order (PortaOrderList *self,
                                               PortaPortOrder *order);

G_END_DECLS
