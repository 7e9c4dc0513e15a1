/* porta-pin-card.h — the port-out PIN at a glance
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-client.h"
#include "porta-pin-state.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PIN_CARD (porta_pin_card_get_type ())

G_DECLARE_FINAL_TYPE (PortaPinCard, porta_pin_card, PORTA, PIN_CARD, AdwBin)

PortaClient    *porta_pin_card_get_client (PortaPinCard *self);
void            porta_pin_card_set_client (PortaPinCard *self,
                                           PortaClient  *client);
PortaPinState  *porta_pin_card_get_pin_state (PortaPinCard  *self);
void            porta_pin_card_set_pin_state (PortaPinCard  *self,
                                              PortaPinState *state);
PortaPinStatus *porta_pin_card_get_status (PortaPinCard *self);
void            porta_pin_card_reload     (PortaPinCard *self);

G_END_DECLS
