/* porta-row-model.h — rows that keep their widgets while the list changes
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTA_TYPE_ROW (porta_row_get_type ())

G_DECLARE_FINAL_TYPE (PortaRow, porta_row, PORTA, ROW, GObject)

gpointer porta_row_get_item     (PortaRow *self);
guint    porta_row_get_position (PortaRow *self);

#define PORTA_TYPE_ROW_MODEL (porta_row_model_get_type ())

G_DECLARE_FINAL_TYPE (PortaRowModel, porta_row_model, PORTA, ROW_MODEL, GObject)

PortaRowModel *porta_row_model_new        (GListModel    *model);
void           porta_row_model_set_view   (PortaRowModel *self,
                                           GtkWidget     *view);
void           porta_row_model_set_window (PortaRowModel *self,
                                           guint          start,
                                           guint          end);
gboolean       porta_row_model_get_pending (PortaRowModel *self);
gboolean       porta_row_model_step       (PortaRowModel *self,
                                           gint64         budget_us);

G_END_DECLS
