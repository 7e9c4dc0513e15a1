/* sandbox-people.h — the tenant's people (Graph teamsUserConfiguration)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-server.h"

G_BEGIN_DECLS

#define SANDBOX_PEOPLE_PATH "/v1.0/admin/teams/userConfigurations"

SandboxPeople *sandbox_people_new         (SandboxNumbers    *numbers,
                                           const char        *tenant_id);
void           sandbox_people_free        (SandboxPeople     *self);
guint          sandbox_people_get_count   (SandboxPeople     *self);

void           sandbox_people_handle_list (SandboxServer     *server,
                                           SoupServerMessage *msg,
                                           GHashTable        *query);

G_END_DECLS
