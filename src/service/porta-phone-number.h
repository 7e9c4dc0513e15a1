/* porta-phone-number.h — one of the tenant's phone numbers (Graph numberAssignment)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porta-enums.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PHONE_NUMBER (porta_phone_number_get_type ())

G_DECLARE_FINAL_TYPE (PortaPhoneNumber, porta_phone_number, PORTA, PHONE_NUMBER, GObject)

PortaPhoneNumber        *porta_phone_number_new_from_json                    (JsonObject        *object,
                                                                              GError           **error);

const char              *porta_phone_number_get_id                           (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_telephone_number             (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_digits                       (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_operator_id                  (PortaPhoneNumber  *self);
PortaNumberType          porta_phone_number_get_number_type                  (PortaPhoneNumber  *self);
PortaActivationState     porta_phone_number_get_activation_state             (PortaPhoneNumber  *self);
const char * const      *porta_phone_number_get_capabilities                 (PortaPhoneNumber  *self);
gboolean                 porta_phone_number_has_capability                   (PortaPhoneNumber  *self,
                                                                              const char        *capability);
PortaAssignmentStatus    porta_phone_number_get_assignment_status            (PortaPhoneNumber  *self);
PortaAssignmentCategory  porta_phone_number_get_assignment_category          (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_assignment_target_id         (PortaPhoneNumber  *self);
gboolean                 porta_phone_number_get_target_is_hex                (PortaPhoneNumber  *self);
gboolean                 porta_phone_number_get_resolved_person              (PortaPhoneNumber  *self,
                                                                              guint32            generation,
                                                                              gpointer          *person);
void                     porta_phone_number_set_resolved_person              (PortaPhoneNumber  *self,
                                                                              guint32            generation,
                                                                              gpointer           person);

void                     porta_interned_string_release                       (char              *string);
PortaPortInStatus        porta_phone_number_get_port_in_status               (PortaPhoneNumber  *self);
PortaNumberSource        porta_phone_number_get_number_source                (PortaPhoneNumber  *self);
const char * const      *porta_phone_number_get_supported_customer_actions   (PortaPhoneNumber  *self);
const char * const      *porta_phone_number_get_reverse_number_lookup_options (PortaPhoneNumber *self);
const char              *porta_phone_number_get_city                         (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_civic_address_id             (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_iso_country_code             (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_location_id                  (PortaPhoneNumber  *self);
const char              *porta_phone_number_get_network_site_id              (PortaPhoneNumber  *self);

char                    *porta_phone_number_format_e164                      (const char        *e164);

G_END_DECLS
