/* sandbox-orders.h — port orders: numbers moving in and out of the tenant
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-server.h"

G_BEGIN_DECLS

SandboxOrders *sandbox_orders_new           (void);
void           sandbox_orders_free          (SandboxOrders       *self);
void           sandbox_orders_create_demo   (SandboxServer       *server);
JsonNode      *sandbox_orders_to_state      (SandboxOrders       *self);
gboolean       sandbox_orders_load_state    (SandboxServer       *server,
                                             JsonArray           *array,
                                             GError             **error);
gboolean       sandbox_orders_advance       (SandboxServer       *server);

void           sandbox_orders_handle_list   (SandboxServer       *server,
                                             SoupServerMessage   *msg,
                                             GHashTable          *query);
void           sandbox_orders_handle_get    (SandboxServer       *server,
                                             SoupServerMessage   *msg,
                                             const char          *id);
void           sandbox_orders_handle_create (SandboxServer       *server,
                                             SoupServerMessage   *msg,
                                             const SandboxCaller *caller);
void           sandbox_orders_handle_cancel (SandboxServer       *server,
                                             SoupServerMessage   *msg,
                                             const char          *id,
                                             const SandboxCaller *caller);
void           sandbox_orders_handle_patch  (SandboxServer       *server,
                                             SoupServerMessage   *msg,
                                             const char          *id,
                                             const SandboxCaller *caller);

G_END_DECLS
