/* porta-pin-dialog.h — set or change the port-out PIN
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-pin-state.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PIN_DIALOG (porta_pin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PortaPinDialog, porta_pin_dialog, PORTA, PIN_DIALOG, AdwWindow)

PortaPinDialog *porta_pin_dialog_new (GtkWindow     *parent,
                                      PortaPinState *state,
                                      gboolean       pin_is_set);

G_END_DECLS
