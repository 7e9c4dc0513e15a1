/* porta-csv.c — RFC 4180 CSV, for exports
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8, CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF (RFC 4180 §2), and a header row of stable keys: the Graph
 * property names, which do not change with the user's language.
 */
#define G_LOG_DOMAIN "porta-csv"

#include "config.h"

#include <string.h>

#include "porta-csv.h"
#include "porta-enums.h"

/**
 * porta_csv_append_field:
 * @out: where to write
 * @field: (nullable): the value; %NULL is an empty field
 */
void
porta_csv_append_field (GString    *out,
                        const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * porta_csv_append_row:
 * @out: where to write
 * @fields: (array length=n_fields): the values
 * @n_fields: how many
 *
 * Appends one record and its CRLF.
 */
void
porta_csv_append_row (GString            *out,
                      const char * const *fields,
                      gsize               n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      porta_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static const char * const columns[] = {
  "telephoneNumber", "id", "numberType", "assignmentStatus", "activationState",
  "assignmentCategory", "assignmentTargetId", "assignmentTargetUserPrincipalName",
  "assignmentTargetDisplayName", "assignmentTargetAccountType", "city", "isoCountryCode", "portInStatus",
  "operatorId", "numberSource", "capabilities", "supportedCustomerActions",
  "reverseNumberLookupOptions", "civicAddressId", "locationId", "networkSiteId",
};

/**
 * porta_phone_number_csv_columns:
 * @n_columns: (out): how many columns
 *
 * Returns: (array length=n_columns) (transfer none): the header row's keys
 */
const char * const *
porta_phone_number_csv_columns (gsize *n_columns)
{
  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

static char *
join (const char * const *values)
{
  /* a list in one field: values separated by ';', as Excel and
   * LibreOffice leave them alone */
  return g_strjoinv (";", (char **) values);
}

/**
 * porta_phone_number_append_csv_row:
 * @number: a phone number
 * @out: where to write the record, in porta_phone_number_csv_columns() order
 *
 * As porta_phone_number_append_csv_row_with_person() with no person known.
 */
void
porta_phone_number_append_csv_row (PortaPhoneNumber *number,
                                   GString          *out)
{
  porta_phone_number_append_csv_row_with_person (number, NULL, out);
}

/**
 * porta_phone_number_append_csv_row_with_person:
 * @number: a phone number
 * @person: (nullable): who @number is assigned to, when known: its UPN,
 *   display name and account type go beside the assignmentTargetId
 * @out: where to write the record, in porta_phone_number_csv_columns() order
 */
void
porta_phone_number_append_csv_row_with_person (PortaPhoneNumber *number,
                                               PortaPerson      *person,
                                               GString          *out)
{
  g_autofree char *capabilities = join (porta_phone_number_get_capabilities (number));
  g_autofree char *actions = join (porta_phone_number_get_supported_customer_actions (number));
  g_autofree char *lookups = join (porta_phone_number_get_reverse_number_lookup_options (number));
  const char *fields[G_N_ELEMENTS (columns)] = {
    porta_phone_number_get_telephone_number (number),
    porta_phone_number_get_id (number),
    porta_number_type_to_string (porta_phone_number_get_number_type (number)),
    porta_assignment_status_to_string (porta_phone_number_get_assignment_status (number)),
    porta_activation_state_to_string (porta_phone_number_get_activation_state (number)),
    porta_assignment_category_to_string (porta_phone_number_get_assignment_category (number)),
    porta_phone_number_get_assignment_target_id (number),
    person ? porta_person_get_user_principal_name (person) : NULL,
    person ? porta_person_get_display_name (person) : NULL,
    person ? porta_person_type_to_string (porta_person_get_person_type (person)) : NULL,
    porta_phone_number_get_city (number),
    porta_phone_number_get_iso_country_code (number),
    porta_port_in_status_to_string (porta_phone_number_get_port_in_status (number)),
    porta_phone_number_get_operator_id (number),
    porta_number_source_to_string (porta_phone_number_get_number_source (number)),
    capabilities,
    actions,
    lookups,
    porta_phone_number_get_civic_address_id (number),
    porta_phone_number_get_location_id (number),
    porta_phone_number_get_network_site_id (number),
  };

  porta_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}
