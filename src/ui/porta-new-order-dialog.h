/* porta-new-order-dialog.h — create a port-in order
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-client.h"

G_BEGIN_DECLS

#define PORTA_TYPE_NEW_ORDER_DIALOG (porta_new_order_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PortaNewOrderDialog, porta_new_order_dialog, PORTA, NEW_ORDER_DIALOG, AdwWindow)

PortaNewOrderDialog *porta_new_order_dialog_new (GtkWindow   *parent,
                                                 PortaClient *client,
                                                 GListModel  *known_numbers);

G_END_DECLS
