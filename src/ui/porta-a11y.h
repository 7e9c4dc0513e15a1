/* porta-a11y.h — what GTK 4.8 needs to be read out right
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void porta_a11y_name_mnemonic_buttons          (GtkWidget *root);
void porta_a11y_name_mnemonic_buttons_by_label (GtkWidget *root);
void porta_a11y_describe                       (GtkWidget  *widget,
                                                const char *description,
                                                gboolean    invalid);

G_END_DECLS
