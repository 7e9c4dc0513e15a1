/* porta-date-button.h — a day to pick, never one too soon
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTA_TYPE_DATE_BUTTON (porta_date_button_get_type ())

G_DECLARE_FINAL_TYPE (PortaDateButton, porta_date_button, PORTA, DATE_BUTTON, AdwBin)

GtkWidget  *porta_date_button_new          (void);
GDateTime  *porta_date_button_get_date     (PortaDateButton *self);
void        porta_date_button_set_date     (PortaDateButton *self,
                                            GDateTime       *date);
GDateTime  *porta_date_button_get_earliest (PortaDateButton *self);
void        porta_date_button_set_earliest (PortaDateButton *self,
                                            GDateTime       *earliest);
gboolean    porta_date_button_get_allowed  (PortaDateButton *self);
const char *porta_date_button_get_message  (PortaDateButton *self);
void        porta_date_button_popdown      (PortaDateButton *self);

G_END_DECLS
