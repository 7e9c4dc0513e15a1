/* porta-capability.h — the guides shown where a server offers no API
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porta-enums.h"

G_BEGIN_DECLS

/**
 * PORTA_TEAMS_ADMIN_CENTER_URL:
 *
 * The Teams admin center's Voice → Phone numbers page, where the porting
 * PIN (Actions → Manage porting PIN) and the port orders (Port, Order
 * history) live. Microsoft documents no deeper link.
 */
#define PORTA_TEAMS_ADMIN_CENTER_URL "https://admin.teams.microsoft.com/phone-numbers"

const char *porta_feature_get_guide_title (PortaFeature feature);
const char *porta_feature_get_guide       (PortaFeature feature);
const char *porta_feature_get_guide_steps (PortaFeature feature);

G_END_DECLS
