/* porta-people.h — the people of one account, by id, as they load
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-client.h"
#include "porta-person.h"

G_BEGIN_DECLS

#define PORTA_TYPE_PEOPLE (porta_people_get_type ())

G_DECLARE_FINAL_TYPE (PortaPeople, porta_people, PORTA, PEOPLE, GObject)

PortaPeople  *porta_people_new           (PortaClient  *client);
PortaClient  *porta_people_get_client    (PortaPeople  *self);
void          porta_people_set_client    (PortaPeople  *self,
                                          PortaClient  *client);
gboolean      porta_people_get_loading   (PortaPeople  *self);
gboolean      porta_people_get_available (PortaPeople  *self);
const GError *porta_people_get_error     (PortaPeople  *self);
guint         porta_people_get_n_people  (PortaPeople  *self);
PortaPerson  *porta_people_lookup        (PortaPeople  *self,
                                          const char   *id);
GHashTable   *porta_people_get_index     (PortaPeople  *self,
                                          guint        *serial);
GHashTable   *porta_people_index_new     (GPtrArray    *people);
PortaPerson  *porta_people_index_lookup  (GHashTable   *index,
                                          const char   *id);
void          porta_people_refresh       (PortaPeople  *self);
void          porta_people_cancel        (PortaPeople  *self);

G_END_DECLS
