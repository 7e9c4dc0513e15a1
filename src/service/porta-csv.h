/* porta-csv.h — RFC 4180 CSV, for exports
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porta-person.h"
#include "porta-phone-number.h"

G_BEGIN_DECLS

void                porta_csv_append_field            (GString          *out,
                                                       const char       *field);
void                porta_csv_append_row              (GString          *out,
                                                       const char * const *fields,
                                                       gsize             n_fields);
const char * const *porta_phone_number_csv_columns    (gsize            *n_columns);
void                porta_phone_number_append_csv_row_with_person (PortaPhoneNumber *number,
                                                                   PortaPerson      *person,
                                                                   GString          *out);
void                porta_phone_number_append_csv_row (PortaPhoneNumber *number,
                                                       GString          *out);

G_END_DECLS
