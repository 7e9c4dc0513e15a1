/* porta-number-filter.h — a GtkFilter over phone numbers
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porta-number-query.h"

G_BEGIN_DECLS

#define PORTA_TYPE_NUMBER_FILTER (porta_number_filter_get_type ())

G_DECLARE_FINAL_TYPE (PortaNumberFilter, porta_number_filter, PORTA, NUMBER_FILTER, GtkFilter)

PortaNumberFilter      *porta_number_filter_new       (void);
const PortaNumberQuery *porta_number_filter_get_query (PortaNumberFilter *self);
void                    porta_number_filter_set_query (PortaNumberFilter      *self,
                                                       const PortaNumberQuery *query);
char                   *porta_number_filter_get_key   (GtkFilter              *filter);
gpointer                porta_number_filter_dup_matcher (GtkFilter            *filter);
gboolean                porta_number_filter_match_with  (gpointer              item,
                                                         gpointer              matcher);

G_END_DECLS
