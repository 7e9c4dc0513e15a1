/* porta-number-details.h — everything about one phone number, beside the list
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-person.h"
#include "porta-phone-number.h"

G_BEGIN_DECLS

#define PORTA_TYPE_NUMBER_DETAILS (porta_number_details_get_type ())

G_DECLARE_FINAL_TYPE (PortaNumberDetails, porta_number_details, PORTA, NUMBER_DETAILS, AdwBin)

PortaPhoneNumber *porta_number_details_get_number (PortaNumberDetails *self);
void              porta_number_details_set_number (PortaNumberDetails *self,
                                                   PortaPhoneNumber   *number);

void                porta_number_details_set_person (PortaNumberDetails *self,
                                                     PortaPerson        *person);

G_END_DECLS
