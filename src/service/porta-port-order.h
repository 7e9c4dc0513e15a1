/* porta-port-order.h — an order that moves numbers in or out
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porta-enums.h"

G_BEGIN_DECLS

/**
 * PortaPortOrderEvent:
 * @status: the status the order entered
 * @date_time: (nullable): when, in UTC
 * @note: (nullable): what the server said about it
 *
 * One step of an order's `statusHistory`.
 */
typedef struct
{
  PortaPortOrderStatus  status;
  GDateTime            *date_time;
  char                 *note;
} PortaPortOrderEvent;

#define PORTA_TYPE_PORT_ORDER_EVENT (porta_port_order_event_get_type ())

GType                porta_port_order_event_get_type (void) G_GNUC_CONST;
PortaPortOrderEvent *porta_port_order_event_new      (PortaPortOrderStatus       status,
                                                      GDateTime                 *date_time,
                                                      const char                *note);
PortaPortOrderEvent *porta_port_order_event_copy     (const PortaPortOrderEvent *event);
void                 porta_port_order_event_free     (PortaPortOrderEvent       *event);
gboolean             porta_port_order_event_equal    (const PortaPortOrderEvent *a,
                                                      const PortaPortOrderEvent *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaPortOrderEvent, porta_port_order_event_free)

#define PORTA_TYPE_PORT_ORDER (porta_port_order_get_type ())

G_DECLARE_FINAL_TYPE (PortaPortOrder, porta_port_order, PORTA, PORT_ORDER, GObject)

PortaPortOrder          *porta_port_order_new_from_json                (JsonObject      *object,
                                                                        GError         **error);
gboolean                 porta_port_order_update_from                  (PortaPortOrder  *self,
                                                                        PortaPortOrder  *newer);

const char              *porta_port_order_get_id                       (PortaPortOrder  *self);
const char              *porta_port_order_get_display_name             (PortaPortOrder  *self);
PortaPortOrderDirection  porta_port_order_get_direction                (PortaPortOrder  *self);
PortaPortOrderStatus     porta_port_order_get_status                   (PortaPortOrder  *self);
GDateTime               *porta_port_order_get_created_date_time        (PortaPortOrder  *self);
GDateTime               *porta_port_order_get_last_modified_date_time  (PortaPortOrder  *self);
const char * const      *porta_port_order_get_telephone_numbers        (PortaPortOrder  *self);
const char              *porta_port_order_get_carrier_name             (PortaPortOrder  *self);
const char              *porta_port_order_get_account_number           (PortaPortOrder  *self);
const char              *porta_port_order_get_billing_telephone_number (PortaPortOrder  *self);
const char              *porta_port_order_get_authorized_by            (PortaPortOrder  *self);
GDateTime               *porta_port_order_get_requested_foc_date_time  (PortaPortOrder  *self);
GDateTime               *porta_port_order_get_foc_date_time            (PortaPortOrder  *self);
const char              *porta_port_order_get_error_code               (PortaPortOrder  *self);
const char              *porta_port_order_get_error_message            (PortaPortOrder  *self);
PortaPinVerified         porta_port_order_get_pin_verified             (PortaPortOrder  *self);
GPtrArray               *porta_port_order_get_status_history           (PortaPortOrder  *self);
gboolean                 porta_port_order_get_can_cancel               (PortaPortOrder  *self);
gboolean                 porta_port_order_get_can_change_foc_date      (PortaPortOrder  *self);

G_END_DECLS
