/* test-window.c — the main window: pages, accelerators, state, lifetime
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "porta-banner.h"
#include "porta-orders-page.h"
#include "porta-pin-card.h"
#include "porta-session.h"
#include "porta-test-gtk-utils.h"
#include "porta-voice-page.h"
#include "porta-window.h"

static GtkLabel *
first_label (GtkWidget *root)
{
  return GTK_LABEL (porta_test_find_by_type (root, GTK_TYPE_LABEL));
}

static GSettings *
new_settings (void)
{
  /* GSETTINGS_BACKEND=memory (tests/meson.build): nothing leaves the test */
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "selected-page");
  return g_steal_pointer (&settings);
}

static PortaWindow *
new_window (GSettings *settings)
{
  PortaWindow *window = g_object_new (PORTA_TYPE_WINDOW, "settings", settings, NULL);

  g_object_ref_sink (window);
  porta_test_show_window (window);
  return window;
}

static void
test_window_presented (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window = new_window (settings);
  GtkWidget *voice, *orders;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  voice = porta_test_find_by_name (GTK_WIDGET (window), "voice");
  orders = porta_test_find_by_name (GTK_WIDGET (window), "port-orders");
  g_assert_true (GTK_IS_LIST_BOX_ROW (voice));
  g_assert_true (GTK_IS_LIST_BOX_ROW (orders));
  g_assert_true (gtk_widget_get_mapped (voice));
  g_assert_true (gtk_widget_get_mapped (orders));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "voice");

  porta_test_destroy_window (window);
}

static void
test_window_switch_by_row (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window = new_window (settings);
  GtkWidget *orders = porta_test_find_by_name (GTK_WIDGET (window), "port-orders");
  GtkWidget *voice = porta_test_find_by_name (GTK_WIDGET (window), "voice");
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (orders));

  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (orders));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "port-orders");
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (orders));

  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (voice));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "voice");

  /* the choice is kept for the next start */
  {
    g_autofree char *kept = g_settings_get_string (settings, "selected-page");
    g_autofree char *kept_again = NULL;

    g_assert_cmpstr (kept, ==, "voice");
    gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (orders));
    kept_again = g_settings_get_string (settings, "selected-page");
    g_assert_cmpstr (kept_again, ==, "port-orders");
  }

  porta_test_destroy_window (window);
}

static void
test_window_switch_by_accelerator (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window = new_window (settings);

  g_assert_true (porta_test_activate_shortcut (window, GDK_KEY_2, GDK_CONTROL_MASK));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "port-orders");
  g_assert_true (porta_test_activate_shortcut (window, GDK_KEY_1, GDK_CONTROL_MASK));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "voice");

  porta_test_destroy_window (window);
}

static void
test_window_restores_page (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window;

  g_settings_set_string (settings, "selected-page", "port-orders");
  window = new_window (settings);
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "port-orders");
  porta_test_destroy_window (window);

  g_settings_set_string (settings, "selected-page", "voice");
  window = new_window (settings);
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "voice");
  porta_test_destroy_window (window);
}

static void
test_window_saves_size (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = new_window (settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_finalize_object (window);
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static gboolean
leaflet_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (data);
}

static void
test_window_folds (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window;
  AdwLeaflet *leaflet;

  g_settings_set_int (settings, "window-width", 1000);
  window = new_window (settings);
  leaflet = ADW_LEAFLET (porta_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_assert_true (porta_test_wait_until (leaflet_unfolded, leaflet, 2000));

  /* narrow: one column, starting from the sidebar; choosing a page
   * goes forward to it, and Back returns */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  g_assert_true (porta_test_wait_until (leaflet_folded, leaflet, 2000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "port-orders");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "port-orders");
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  porta_test_destroy_window (window);
}

static void
test_window_sidebar_labels (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window = new_window (settings);
  const char *language = g_getenv ("LANGUAGE");
  GtkLabel *voice = first_label (porta_test_find_by_name (GTK_WIDGET (window), "voice"));
  GtkLabel *orders = first_label (porta_test_find_by_name (GTK_WIDGET (window), "port-orders"));

  g_assert_nonnull (voice);
  g_assert_nonnull (orders);
  if (g_strcmp0 (language, "it") == 0)
    {
      g_assert_cmpstr (gtk_label_get_label (voice), ==, "Voce");
      g_assert_cmpstr (gtk_label_get_label (orders), ==, "Ordini di portabilità");
    }
  else
    {
      g_assert_cmpstr (gtk_label_get_label (voice), ==, "Voice");
      g_assert_cmpstr (gtk_label_get_label (orders), ==, "Port orders");
    }

  porta_test_destroy_window (window);
}

/* ---- with a session ------------------------------------------------------ */

static GtkStack *
main_stack (PortaWindow *window)
{
  return GTK_STACK (porta_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_STACK));
}

static gboolean
is_revealer_with_class (GtkWidget *widget,
                        gpointer   css_class)
{
  return GTK_IS_REVEALER (widget) && gtk_revealer_get_child (GTK_REVEALER (widget)) != NULL &&
         gtk_widget_has_css_class (gtk_revealer_get_child (GTK_REVEALER (widget)), css_class);
}

static GtkWidget *
find_revealer_with_class (GtkWidget  *root,
                          const char *css_class)
{
  return porta_test_find_widget (root, is_revealer_with_class, (gpointer) css_class);
}

/* a window on @session, presented; %NULL (the test skipped) when there
 * is no sandbox to sign in to */
static PortaWindow *
new_session_window (PortaSession *session,
                    GSettings    *settings)
{
  PortaWindow *window;

  if (g_getenv ("PORTA_SANDBOX_PATH") == NULL)
    {
      g_test_skip ("PORTA_SANDBOX_PATH is not set (run through meson test)");
      return NULL;
    }

  window = g_object_new (PORTA_TYPE_WINDOW, "settings", settings, "session", session, NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_window_session (void)
{
  g_autofree char *dir = g_dir_make_tmp ("porta-window-XXXXXX", NULL);
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window;
  GtkWidget *sandbox_banner;
  AdwMessageDialog *dialog;

  window = new_session_window (session, settings);
  if (window == NULL)
    return;

  /* no account: the welcome page, with its two ways in */
  porta_window_restore (window);
  g_assert_true (porta_test_wait_for_value (session, "state", PORTA_SESSION_STATE_SIGNED_OUT, 10000));
  porta_test_spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sandbox", NULL));

  /* the sandbox: the pages, and a banner that says plainly where we are */
  g_assert_true (porta_test_wait_for_value (session, "state", PORTA_SESSION_STATE_READY, 20000));
  porta_test_spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "main");
  sandbox_banner = find_revealer_with_class (GTK_WIDGET (window), "info");
  g_assert_nonnull (sandbox_banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (sandbox_banner)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Porta — "));

  /* sign out, after confirming: back to the welcome page */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  dialog = porta_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "sign-out");
  g_assert_true (porta_test_wait_for_value (session, "state", PORTA_SESSION_STATE_SIGNED_OUT, 10000));
  porta_test_spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "welcome");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (sandbox_banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  porta_session_shutdown (session);
  g_assert_finalize_object (window);
}

/* The pages are not in the first frame ("Starting…"): they are built
 * after it, or at once when something needs them. */
static gboolean
has_both_pages (gpointer data)
{
  return porta_test_find_by_type (data, PORTA_TYPE_VOICE_PAGE) != NULL &&
         porta_test_find_by_type (data, PORTA_TYPE_ORDERS_PAGE) != NULL;
}

/* ---- one PIN state, two places ------------------------------------------ */

/* the Voice page's banner that offers Set PIN… */
static gboolean
is_pin_banner (GtkWidget *widget,
               gpointer   user_data)
{
  return PORTA_IS_BANNER (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "voice.set-pin") == 0;
}

/* the PIN card's row that says whether a PIN is set, by what it says */
static gboolean
is_row_saying (GtkWidget *widget,
               gpointer   user_data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), user_data) == 0;
}

static gboolean
card_says (PortaPinCard *card,
           const char   *title)
{
  return porta_test_find_widget (GTK_WIDGET (card), is_row_saying, (gpointer) title) != NULL;
}

static gboolean
pin_state_read (gpointer data)
{
  PortaPinState *state = data;

  return porta_pin_state_get_status (state) != NULL && !porta_pin_state_get_loading (state);
}

/* The test: the PIN set from outside (another client, as portactl
 * would), one refresh of the session's PIN state, and both the PIN card
 * and the Voice page's banner change; no window relays anything. */
static void
test_window_pin_state_shared (void)
{
  g_autofree char *dir = g_dir_make_tmp ("porta-window-XXXXXX", NULL);
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(PortaClient) other = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PortaTestWaiter) set = { NULL };
  PortaWindow *window;
  PortaVoicePage *voice_page;
  PortaPinState *state;
  PortaPinCard *card;
  PortaBanner *banner;
  const char *not_set = g_dpgettext2 (GETTEXT_PACKAGE, "pin status", "Not set");
  const char *is_set = g_dpgettext2 (GETTEXT_PACKAGE, "pin status", "Set");

  window = new_session_window (session, settings);
  if (window == NULL)
    return;
  porta_window_start_sandbox (window);
  g_assert_true (porta_test_wait_for_value (session, "state", PORTA_SESSION_STATE_READY, 20000));
  g_assert_true (porta_test_wait_until (has_both_pages, window, 10000));

  /* both pages observe the session's one state */
  state = porta_session_get_pin_state (session);
  g_assert_nonnull (state);
  card = PORTA_PIN_CARD (porta_test_find_by_type (GTK_WIDGET (window), PORTA_TYPE_PIN_CARD));
  voice_page = PORTA_VOICE_PAGE (porta_test_find_by_type (GTK_WIDGET (window), PORTA_TYPE_VOICE_PAGE));
  banner = PORTA_BANNER (porta_test_find_widget (GTK_WIDGET (voice_page), is_pin_banner, NULL));
  g_assert_nonnull (card);
  g_assert_nonnull (banner);
  g_assert_true (porta_pin_card_get_pin_state (card) == state);
  g_assert_true (porta_voice_page_get_pin_state (voice_page) == state);

  /* a new sandbox has no PIN: the banner offers one, the card says so */
  g_assert_true (porta_test_wait_until (pin_state_read, state, 20000));
  g_assert_false (porta_pin_state_get_is_set (state));
  g_assert_true (porta_banner_get_revealed (banner));
  g_assert_true (card_says (card, not_set));

  /* the PIN set from outside Porta's window */
  other = porta_client_new (porta_session_get_sandbox_account (session), NULL);
  tokens = porta_test_sign_in (porta_client_get_auth (other), &error);
  g_assert_no_error (error);
  porta_client_set_tokens (other, tokens);
  porta_client_set_pin_async (other, "7305918264", NULL, porta_test_waiter_cb, &set);
  g_assert_true (porta_client_set_pin_finish (other, porta_test_waiter_wait (&set, 20000), &error));
  g_assert_no_error (error);
  g_assert_true (porta_banner_get_revealed (banner));

  /* one refresh of the state: both places change */
  porta_pin_state_refresh (state);
  g_assert_true (porta_test_wait_until (pin_state_read, state, 20000));
  g_assert_true (porta_pin_state_get_is_set (state));
  g_assert_false (porta_banner_get_revealed (banner));
  g_assert_true (card_says (card, is_set));
  g_assert_false (card_says (card, not_set));

  gtk_window_destroy (GTK_WINDOW (window));
  porta_session_shutdown (session);
  g_assert_finalize_object (window);
}

static void
test_window_pages_after_first_frame (void)
{
  g_autofree char *dir = g_dir_make_tmp ("porta-window-XXXXXX", NULL);
  g_autoptr(PortaSession) session = porta_test_session_new (dir);
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window;

  window = g_object_new (PORTA_TYPE_WINDOW, "settings", settings, "session", session, NULL);
  g_object_ref_sink (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "loading");
  g_assert_null (porta_test_find_by_type (GTK_WIDGET (window), PORTA_TYPE_VOICE_PAGE));
  g_assert_null (porta_test_find_by_type (GTK_WIDGET (window), PORTA_TYPE_ORDERS_PAGE));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (porta_test_wait_until (has_both_pages, window, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
  porta_session_shutdown (session);
  g_assert_finalize_object (window);

  /* asked for before any frame: built there and then */
  window = g_object_new (PORTA_TYPE_WINDOW, "settings", settings, "session", session, NULL);
  g_object_ref_sink (window);
  porta_window_show_port_order (window, "no-such-order");
  g_assert_nonnull (porta_test_find_by_type (GTK_WIDGET (window), PORTA_TYPE_ORDERS_PAGE));
  g_assert_cmpstr (porta_window_get_visible_page (window), ==, "port-orders");
  porta_test_destroy_window (window);
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (w))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* built the first time it is asked for, not with the window */
static void
test_window_help_overlay (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PortaWindow *window = new_window (settings);
  GtkWindow *overlay;

  g_assert_null (find_shortcuts_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = find_shortcuts_window ();
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (overlay));

  /* closed, it is hidden and shown again, not built twice */
  gtk_window_close (overlay);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (find_shortcuts_window () == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* and it goes with the window */
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &overlay);
  porta_test_destroy_window (window);
  g_assert_null (overlay);
}

int
main (int   argc,
      char *argv[])
{
  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add_func ("/window/presented", test_window_presented);
  g_test_add_func ("/window/switch-by-row", test_window_switch_by_row);
  g_test_add_func ("/window/switch-by-accelerator", test_window_switch_by_accelerator);
  g_test_add_func ("/window/restores-page", test_window_restores_page);
  g_test_add_func ("/window/saves-size", test_window_saves_size);
  g_test_add_func ("/window/folds", test_window_folds);
  g_test_add_func ("/window/sidebar-labels", test_window_sidebar_labels);
  g_test_add_func ("/window/session", test_window_session);
  g_test_add_func ("/window/pages-after-first-frame", test_window_pages_after_first_frame);
  g_test_add_func ("/window/pin-state-shared", test_window_pin_state_shared);
  g_test_add_func ("/window/help-overlay", test_window_help_overlay);

  return g_test_run ();
}
