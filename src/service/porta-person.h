/* porta-person.h — who a number is assigned to (Graph teamsUserConfiguration)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porta-enums.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PERSON (porta_person_get_type ())

G_DECLARE_FINAL_TYPE (PortaPerson, porta_person, PORTA, PERSON, GObject)

PortaPerson     *porta_person_new                   (const char   *id,
                                                     const char   *user_principal_name,
                                                     const char   *display_name,
                                                     PortaPersonType type);
PortaPerson     *porta_person_new_from_json         (JsonObject   *object,
                                                     GError      **error);
const char      *porta_person_get_id                (PortaPerson  *self);
const char      *porta_person_get_user_principal_name (PortaPerson *self);
const char      *porta_person_get_display_name      (PortaPerson  *self);
const char      *porta_person_get_label             (PortaPerson  *self);
PortaPersonType  porta_person_get_person_type       (PortaPerson  *self);
const char      *porta_person_get_id_key            (PortaPerson  *self);
const char      *porta_person_get_search_key        (PortaPerson  *self);

G_END_DECLS
