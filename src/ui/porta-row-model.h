/* porta-row-model.h — rows that keep their widgets while the list changes
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PORTA_TYPE_ROW (porta_row_get_type ())

G_DECLARE_FINAL_TYPE (PortaRow, porta_row, PORTA, ROW, GObject)

gpointer porta_row_get_item     (PortaRow *self);
guint    porta_row_get_position (PortaRow *self);

#define PORTA_TYPE_ROW_MODEL (porta_row_model_get_type ())

G_DECLARE_FINAL_TYPE (PortaRowModel, porta_row_model, PORTA, ROW_MODEL, GObject)

PortaRowModel *porta_row_model_new (GListModel *model);

G_END_DECLS
