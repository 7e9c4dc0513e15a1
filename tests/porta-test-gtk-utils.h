/* porta-test-gtk-utils.h — helpers shared by Porta's GTK tests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything in porta-test-utils.h, plus what a test that opens widgets
 * needs. Only tests that link libporta_ui include this.
 */
#pragma once

#include <adwaita.h>

#include "porta-test-utils.h"

G_BEGIN_DECLS

/**
 * PortaTestWidgetMatch:
 * @widget: a widget in the tree being searched
 * @user_data: the data given to porta_test_find_widget()
 *
 * Returns: whether @widget is the one wanted
 */
typedef gboolean (*PortaTestWidgetMatch) (GtkWidget *widget,
                                          gpointer   user_data);

gboolean          porta_test_init_gtk            (int                  *argc,
                                                  char               ***argv);
gboolean          porta_test_activate_shortcut   (gpointer              widget,
                                                  guint                 keyval,
                                                  guint                 modifiers);
GtkWidget        *porta_test_find_widget         (GtkWidget            *root,
                                                  PortaTestWidgetMatch  match,
                                                  gpointer              user_data);
GtkWidget        *porta_test_find_by_name        (GtkWidget            *root,
                                                  const char           *name);
GtkWidget        *porta_test_find_by_type        (GtkWidget            *root,
                                                  GType                 type);
AdwMessageDialog *porta_test_find_message_dialog (void);
GtkWidget        *porta_test_window_new          (gpointer              child,
                                                  int                   width,
                                                  int                   height);
void              porta_test_show_window         (gpointer              window);
void              porta_test_destroy_window      (gpointer              window);

G_END_DECLS
