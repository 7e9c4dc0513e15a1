/* porta-application.h
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTA_TYPE_APPLICATION (porta_application_get_type ())

G_DECLARE_FINAL_TYPE (PortaApplication, porta_application, PORTA, APPLICATION, AdwApplication)

PortaApplication *porta_application_new          (void);
GSettings        *porta_application_get_settings (PortaApplication *self);

G_END_DECLS
