/* porta-cell-text.h — one line of text in a list cell, cheap to make
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTA_TYPE_CELL_TEXT (porta_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (PortaCellText, porta_cell_text, PORTA, CELL_TEXT, GtkWidget)

GtkWidget  *porta_cell_text_new      (void);
const char *porta_cell_text_get_text (PortaCellText *self);
void        porta_cell_text_set_text (PortaCellText *self,
                                      const char    *text);

G_END_DECLS
