/* porta-status-badge.h — a port order's status, in an icon and words
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porta-enums.h"

G_BEGIN_DECLS

#define PORTA_TYPE_STATUS_BADGE (porta_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (PortaStatusBadge, porta_status_badge, PORTA, STATUS_BADGE, GtkBox)

GtkWidget            *porta_status_badge_new        (void);
PortaPortOrderStatus  porta_status_badge_get_status (PortaStatusBadge     *self);
void                  porta_status_badge_set_status (PortaStatusBadge     *self,
                                                     PortaPortOrderStatus  status);

const char           *porta_status_badge_icon_name  (PortaPortOrderStatus  status);

G_END_DECLS
