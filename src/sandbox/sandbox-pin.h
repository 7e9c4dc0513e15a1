/* sandbox-pin.h — the port-out PIN and its audit trail
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-server.h"

G_BEGIN_DECLS

SandboxPin *sandbox_pin_new            (void);
void        sandbox_pin_free           (SandboxPin        *self);
gboolean    sandbox_pin_is_set         (SandboxPin        *self);
JsonNode   *sandbox_pin_to_state       (SandboxPin        *self);
gboolean    sandbox_pin_load_state     (SandboxPin        *self,
                                        JsonObject        *object,
                                        GError           **error);

void        sandbox_pin_handle_get     (SandboxServer     *server,
                                        SoupServerMessage *msg);
void        sandbox_pin_handle_put     (SandboxServer     *server,
                                        SoupServerMessage *msg,
                                        const SandboxCaller *caller);
void        sandbox_pin_handle_reveal  (SandboxServer     *server,
                                        SoupServerMessage *msg,
                                        const SandboxCaller *caller);
void        sandbox_pin_handle_audit   (SandboxServer     *server,
                                        SoupServerMessage *msg,
                                        GHashTable        *query);

G_END_DECLS
