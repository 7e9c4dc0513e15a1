/* porta-pin-state.h — the port-out PIN's status, one per signed-in client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-client.h"
#include "porta-pin-status.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PIN_STATE (porta_pin_state_get_type ())

G_DECLARE_FINAL_TYPE (PortaPinState, porta_pin_state, PORTA, PIN_STATE, GObject)

PortaPinState  *porta_pin_state_new            (PortaClient          *client);
PortaClient    *porta_pin_state_get_client     (PortaPinState        *self);
PortaPinStatus *porta_pin_state_get_status     (PortaPinState        *self);
gboolean        porta_pin_state_get_is_set     (PortaPinState        *self);
gboolean        porta_pin_state_get_loading    (PortaPinState        *self);
const GError   *porta_pin_state_get_error      (PortaPinState        *self);
gboolean        porta_pin_state_get_offered    (PortaPinState        *self);

void            porta_pin_state_load           (PortaPinState        *self);
void            porta_pin_state_refresh        (PortaPinState        *self);
void            porta_pin_state_cancel         (PortaPinState        *self);

void            porta_pin_state_set_pin_async  (PortaPinState        *self,
                                                const char           *pin,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        porta_pin_state_set_pin_finish (PortaPinState        *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
