/* porta-audit-event.h — one entry of the port-out PIN's audit log
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porta-enums.h"

G_BEGIN_DECLS

#define PORTA_TYPE_AUDIT_EVENT (porta_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (PortaAuditEvent, porta_audit_event, PORTA, AUDIT_EVENT, GObject)

PortaAuditEvent     *porta_audit_event_new_from_json (JsonObject       *object,
                                                      GError          **error);
const char          *porta_audit_event_get_id        (PortaAuditEvent  *self);
PortaAuditEventKind  porta_audit_event_get_kind      (PortaAuditEvent  *self);
GDateTime           *porta_audit_event_get_date_time (PortaAuditEvent  *self);
const char          *porta_audit_event_get_user_name (PortaAuditEvent  *self);
const char          *porta_audit_event_get_user_upn  (PortaAuditEvent  *self);

G_END_DECLS
