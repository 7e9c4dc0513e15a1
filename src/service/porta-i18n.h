/* porta-i18n.h — gettext set-up shared by porta and portactl
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *porta_i18n_get_locale_dir (void);
void        porta_i18n_init           (void);

G_END_DECLS
