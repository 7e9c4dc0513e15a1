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

/**
 * PortaFilterMatcherFunc:
 * @filter: the filter
 *
 * Returns: (transfer full): a copy of what @filter matches now, that
 *   another thread can use while the main thread uses @filter
 */
typedef gpointer (*PortaFilterMatcherFunc) (GtkFilter *filter);

/**
 * PortaFilterMatchFunc:
 * @item: an item
 * @matcher: a copy made by a #PortaFilterMatcherFunc
 *
 * Returns: whether @item matches
 */
typedef gboolean (*PortaFilterMatchFunc) (gpointer item,
                                          gpointer matcher);

PortaFilterModel *porta_filter_model_new  (GListModel       *model,
                                           GtkFilter        *filter);
void              porta_filter_model_set_key_func (PortaFilterModel   *self,
                                                   PortaFilterKeyFunc  func);
void              porta_filter_model_set_thread_matcher (PortaFilterModel       *self,
                                                         PortaFilterMatcherFunc  matcher_new,
                                                         PortaFilterMatchFunc    match,
                                                         GDestroyNotify          matcher_free,
                                                         guint                   min_items);
guint             porta_filter_model_find (PortaFilterModel *self,
                                           gpointer          item);

G_END_DECLS
