/* porta-test-gtk-utils.c — helpers shared by Porta's GTK tests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starting GTK so a test can run in Italian and skip without a display,
 * pressing a shortcut without a key event, finding a widget in a tree
 * by name, by type or by any test of its own, and showing a window then
 * destroying it with nothing left holding it. Kept apart from
 * porta-test-utils.c so the tests that open no window do not link GTK.
 */
#include "config.h"

#include <locale.h>

#include "porta-i18n.h"
#include "porta-test-gtk-utils.h"

/**
 * porta_test_init_gtk:
 *
 * Like gtk_test_init(), but keeps the locale from the environment (so a
 * test can run in Italian) and returns %FALSE instead of aborting when
 * there is no display, after printing the TAP skip plan; the caller
 * then returns 0 from main().
 */
gboolean
porta_test_init_gtk (int    *argc,
                     char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  porta_i18n_init ();
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run through build-aux/dev.sh test)\n");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

/**
 * porta_test_activate_shortcut:
 * @widget: a #GtkWidget
 * @keyval: a key, such as %GDK_KEY_Escape
 * @modifiers: a #GdkModifierType, such as %GDK_CONTROL_MASK, or 0
 *
 * Finds the shortcut @widget answers to for @keyval with @modifiers and
 * runs its action, as pressing the keys would, without a real key event.
 *
 * Returns: whether such a shortcut was there and ran
 */
gboolean
porta_test_activate_shortcut (gpointer widget,
                              guint    keyval,
                              guint    modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (widget),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/**
 * porta_test_find_widget:
 * @root: where to start
 * @match: says whether a widget is the one wanted
 *
 * Walks @root and its descendants depth first, @root first.
 *
 * Returns: (transfer none) (nullable): the first widget @match accepts
 */
GtkWidget *
porta_test_find_widget (GtkWidget            *root,
                        PortaTestWidgetMatch  match,
                        gpointer              user_data)
{
  if (match (root, user_data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = porta_test_find_widget (child, match, user_data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   user_data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), user_data) == 0;
}

/**
 * porta_test_find_by_name:
 * @name: a widget name, as set with gtk_widget_set_name() or in a .ui file
 *
 * Returns: (transfer none) (nullable): the first widget under @root so named
 */
GtkWidget *
porta_test_find_by_name (GtkWidget  *root,
                         const char *name)
{
  return porta_test_find_widget (root, has_name, (gpointer) name);
}

static gboolean
has_type (GtkWidget *widget,
          gpointer   user_data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (user_data));
}

/**
 * porta_test_find_by_type:
 * @type: a widget type or an interface
 *
 * Returns: (transfer none) (nullable): the first widget under @root of
 *   @type or a subtype of it
 */
GtkWidget *
porta_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  return porta_test_find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

/**
 * porta_test_find_message_dialog:
 *
 * Returns: (transfer none) (nullable): the first visible message dialog
 *   among the toplevel windows
 */
AdwMessageDialog *
porta_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/**
 * porta_test_window_new:
 * @child: the #GtkWidget under test
 * @width: the window's default width
 * @height: the window's default height
 *
 * A plain window holding @child, not shown yet: see
 * porta_test_show_window().
 *
 * Returns: (transfer none): the window, owned by GTK until destroyed
 */
GtkWidget *
porta_test_window_new (gpointer child,
                       int      width,
                       int      height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (child));
  return window;
}

/**
 * porta_test_show_window:
 * @window: a #GtkWindow
 *
 * Presents @window and waits until it has drawn its first frame, so
 * that what the test looks for has been built and laid out.
 */
void
porta_test_show_window (gpointer window)
{
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/**
 * porta_test_destroy_window:
 * @window: (transfer full): a #GtkWindow the test holds the only reference to
 *
 * Destroys @window and asserts that this frees it: nothing it started
 * (a request, a timeout, a signal handler) still holds it.
 */
void
porta_test_destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}
