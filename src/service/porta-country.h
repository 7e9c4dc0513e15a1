/* porta-country.h — country names, in the user's language
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *porta_country_get_name (const char *iso_country_code);

G_END_DECLS
