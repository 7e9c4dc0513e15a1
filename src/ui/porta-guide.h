/* porta-guide.h — where a server offers no API: what to do instead
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porta-enums.h"

G_BEGIN_DECLS

#define PORTA_TYPE_GUIDE (porta_guide_get_type ())

G_DECLARE_FINAL_TYPE (PortaGuide, porta_guide, PORTA, GUIDE, GtkBox)

GtkWidget    *porta_guide_new         (PortaFeature  feature);
PortaFeature  porta_guide_get_feature (PortaGuide   *self);
void          porta_guide_set_feature (PortaGuide   *self,
                                       PortaFeature  feature);

G_END_DECLS
