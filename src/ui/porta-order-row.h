/* porta-order-row.h — one port order in the Port orders list
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-port-order.h"

G_BEGIN_DECLS

#define PORTA_TYPE_ORDER_ROW (porta_order_row_get_type ())

G_DECLARE_FINAL_TYPE (PortaOrderRow, porta_order_row, PORTA, ORDER_ROW, AdwActionRow)

GtkWidget      *porta_order_row_new       (PortaPortOrder *order);
PortaPortOrder *porta_order_row_get_order (PortaOrderRow  *self);
void            porta_order_row_set_order (PortaOrderRow  *self,
                                           PortaPortOrder *order);

G_END_DECLS
