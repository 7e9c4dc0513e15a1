/* porta-pin-status.h — whether the port-out PIN is set, and by whom
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PORTA_TYPE_PIN_STATUS (porta_pin_status_get_type ())

G_DECLARE_FINAL_TYPE (PortaPinStatus, porta_pin_status, PORTA, PIN_STATUS, GObject)

PortaPinStatus *porta_pin_status_new_from_json              (JsonObject      *object,
                                                             GError         **error);
gboolean        porta_pin_status_get_is_set                 (PortaPinStatus  *self);
GDateTime      *porta_pin_status_get_last_modified_date_time (PortaPinStatus *self);
const char     *porta_pin_status_get_last_modified_by_name  (PortaPinStatus  *self);
const char     *porta_pin_status_get_last_modified_by_upn   (PortaPinStatus  *self);

G_END_DECLS
