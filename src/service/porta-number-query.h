/* porta-number-query.h — what the Voice page and portactl search for
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porta-enums.h"
#include "porta-people.h"
#include "porta-phone-number.h"

G_BEGIN_DECLS

/* -1 in a filter means "any" */
#define PORTA_NUMBER_QUERY_ANY (-1)

typedef struct _PortaNumberQuery PortaNumberQuery;

PortaNumberQuery *porta_number_query_new              (void);
PortaNumberQuery *porta_number_query_copy             (const PortaNumberQuery *query);
void              porta_number_query_free             (PortaNumberQuery       *query);

gboolean          porta_number_query_set_text         (PortaNumberQuery       *query,
                                                       const char             *text);
const char       *porta_number_query_get_text         (const PortaNumberQuery *query);
gboolean          porta_number_query_set_assignment_status (PortaNumberQuery  *query,
                                                       int                     status);
int               porta_number_query_get_assignment_status (const PortaNumberQuery *query);
gboolean          porta_number_query_set_number_type  (PortaNumberQuery       *query,
                                                       int                     number_type);
int               porta_number_query_get_number_type  (const PortaNumberQuery *query);
gboolean          porta_number_query_set_person_type  (PortaNumberQuery       *query,
                                                       int                     person_type);
int               porta_number_query_get_person_type  (const PortaNumberQuery *query);
gboolean          porta_number_query_set_people       (PortaNumberQuery       *query,
                                                       PortaPeople            *people);
gboolean          porta_number_query_set_people_index (PortaNumberQuery       *query,
                                                       GHashTable             *index,
                                                       guint                   serial);
gboolean          porta_number_query_set_country      (PortaNumberQuery       *query,
                                                       const char             *iso_country_code);
const char       *porta_number_query_get_country      (const PortaNumberQuery *query);
gboolean          porta_number_query_set_problems_only (PortaNumberQuery      *query,
                                                       gboolean                problems_only);
gboolean          porta_number_query_get_problems_only (const PortaNumberQuery *query);

gboolean          porta_number_query_is_empty         (const PortaNumberQuery *query);
char             *porta_number_query_to_key           (const PortaNumberQuery *query);
gboolean          porta_number_query_matches          (PortaNumberQuery       *query,
                                                       PortaPhoneNumber       *number);
gboolean          porta_number_query_is_stricter_than (const PortaNumberQuery *query,
                                                       const PortaNumberQuery *other);
gboolean          porta_number_query_is_number_search (const PortaNumberQuery *query);
gboolean          porta_number_query_matches_telephone_number (PortaNumberQuery *query,
                                                       const char             *telephone_number);

gboolean          porta_phone_number_has_activation_problem (PortaPhoneNumber *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaNumberQuery, porta_number_query_free)

G_END_DECLS
