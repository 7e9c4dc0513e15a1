/* porta-numbers-editor.h — a pasted list of phone numbers, line by line
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-error.h"

G_BEGIN_DECLS

#define PORTA_TYPE_NUMBERS_EDITOR (porta_numbers_editor_get_type ())

G_DECLARE_FINAL_TYPE (PortaNumbersEditor, porta_numbers_editor, PORTA, NUMBERS_EDITOR, AdwBin)

GtkWidget *porta_numbers_editor_get_view              (PortaNumbersEditor    *self);
void       porta_numbers_editor_set_known_numbers     (PortaNumbersEditor    *self,
                                                       GListModel            *known_numbers);
gboolean   porta_numbers_editor_check                 (PortaNumbersEditor    *self,
                                                       gboolean               show_empty,
                                                       char                 **message);
GStrv      porta_numbers_editor_dup_numbers           (PortaNumbersEditor    *self);
void       porta_numbers_editor_add_server_problem    (PortaNumbersEditor    *self,
                                                       const char            *e164,
                                                       const PortaFieldError *problem);
void       porta_numbers_editor_show                  (PortaNumbersEditor    *self,
                                                       const char            *message,
                                                       gboolean               typing);
void       porta_numbers_editor_focus_first_problem   (PortaNumbersEditor    *self);

G_END_DECLS
