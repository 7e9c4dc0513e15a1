/* porta-order-details.h — one port order, all of it
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-client.h"
#include "porta-port-order.h"

G_BEGIN_DECLS

#define PORTA_TYPE_ORDER_DETAILS (porta_order_details_get_type ())

G_DECLARE_FINAL_TYPE (PortaOrderDetails, porta_order_details, PORTA, ORDER_DETAILS, AdwBin)

void            porta_order_details_set_client (PortaOrderDetails *self,
                                                PortaClient       *client);
PortaPortOrder *porta_order_details_get_order  (PortaOrderDetails *self);
void            porta_order_details_set_order  (PortaOrderDetails *self,
                                                PortaPortOrder    *order);

/* shared with the list's rows */
char           *porta_order_format_date        (GDateTime         *date_time);

G_END_DECLS
