/* porta-filter-model.h — a filter list model for 100,000 items
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PORTA_TYPE_FILTER_MODEL (porta_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (PortaFilterModel, porta_filter_model, PORTA, FILTER_MODEL, GObject)

/**
 * PortaFilterKeyFunc:
 * @filter: the filter
 *
 * Returns: (transfer full) (nullable): a string equal for two states of
 *   @filter exactly when they match the same items
 */
typedef char *(*PortaFilterKeyFunc) (GtkFilter *filter);

PortaFilterModel *porta_filter_model_new  (GListModel       *model,
                                           GtkFilter        *filter);
void              porta_filter_model_set_key_func (PortaFilterModel   *self,
                                                   PortaFilterKeyFunc  func);
guint             porta_filter_model_find (PortaFilterModel *self,
                                           gpointer          item);

G_END_DECLS
