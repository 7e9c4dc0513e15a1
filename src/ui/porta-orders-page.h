/* porta-orders-page.h
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-client.h"

G_BEGIN_DECLS

#define PORTA_TYPE_ORDERS_PAGE (porta_orders_page_get_type ())

G_DECLARE_FINAL_TYPE (PortaOrdersPage, porta_orders_page, PORTA, ORDERS_PAGE, AdwBin)

PortaClient *porta_orders_page_get_client (PortaOrdersPage *self);
void         porta_orders_page_set_client (PortaOrdersPage *self,
                                           PortaClient     *client);
void         porta_orders_page_refresh    (PortaOrdersPage *self);
void         porta_orders_page_set_known_numbers (PortaOrdersPage *self,
                                                  GListModel      *numbers);
GListModel  *porta_orders_page_get_orders (PortaOrdersPage *self);
gboolean     porta_orders_page_get_loading (PortaOrdersPage *self);
void         porta_orders_page_show_order (PortaOrdersPage *self,
                                           const char      *id);

G_END_DECLS
