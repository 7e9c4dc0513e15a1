/* porta-number-list.h — the phone numbers of one account, as they load
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-client.h"

G_BEGIN_DECLS

#define PORTA_TYPE_NUMBER_LIST (porta_number_list_get_type ())

G_DECLARE_FINAL_TYPE (PortaNumberList, porta_number_list, PORTA, NUMBER_LIST, GObject)

PortaNumberList *porta_number_list_new          (PortaClient     *client);
PortaClient     *porta_number_list_get_client   (PortaNumberList *self);
void             porta_number_list_set_client   (PortaNumberList *self,
                                                 PortaClient     *client);
gboolean         porta_number_list_get_loading  (PortaNumberList *self);
const GError    *porta_number_list_get_error    (PortaNumberList *self);
guint            porta_number_list_get_n_loaded (PortaNumberList *self);
GListStore      *porta_number_list_get_store    (PortaNumberList *self);
void             porta_number_list_refresh      (PortaNumberList *self);
void             porta_number_list_cancel       (PortaNumberList *self);

G_END_DECLS
