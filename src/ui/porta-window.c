/* porta-window.c — the main window: a sidebar beside the pages
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-banner.h"
#include "porta-orders-page.h"
#include "porta-session.h"
#include "porta-sign-in-dialog.h"
#include "porta-voice-page.h"
#include "porta-window.h"

struct _PortaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  PortaSession         *session;
  GCancellable         *cancellable;
  gboolean              keyring_banner_dismissed;
  GMenu                *accounts_menu;
  GSimpleAction        *account_action;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *needs_sign_in_page;
  GtkMenuButton        *needs_sign_in_accounts_button;
  GtkMenuButton        *account_button;
  AdwWindowTitle       *account_title;
  PortaBanner          *sandbox_banner;
  PortaBanner          *keyring_banner;
  AdwBin               *voice_bin;
  PortaVoicePage       *voice_page;    /* built on first need: ensure_voice_page () */
  AdwBin               *orders_bin;
  PortaOrdersPage      *orders_page;   /* built on first need: ensure_orders_page () */
  GtkWindow            *help_overlay;  /* built on first use */
  guint                 deferred_id;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *voice_row;
  GtkListBoxRow        *orders_row;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
};

G_DEFINE_FINAL_TYPE (PortaWindow, porta_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SESSION,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_client (PortaWindow *self);

/* The Voice page, and the Port orders page with its PIN card and order
 * details, are two thirds of the window's widgets, and neither is in its
 * first frame: that shows "Starting…" until the session is ready. Built
 * with the window, they delayed the first frame of `porta --sandbox` by
 * 45 ms (tests/bench/bench-voice). So each page is built once the first
 * frame is on screen, or as soon as something needs it, whichever comes
 * first, and gets the client and the settings at once, as it would have
 * had them from the start. */
static gboolean
building_allowed (PortaWindow *self)
{
  /* nothing to build once the window is going away */
  return self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable);
}

static PortaVoicePage *
ensure_voice_page (PortaWindow *self)
{
  if (self->voice_page != NULL || self->voice_bin == NULL || !building_allowed (self))
    return self->voice_page;

  self->voice_page = g_object_new (PORTA_TYPE_VOICE_PAGE, NULL);
  adw_bin_set_child (self->voice_bin, GTK_WIDGET (self->voice_page));
  if (self->settings != NULL)
    porta_voice_page_set_settings (self->voice_page, self->settings);
  if (self->orders_page != NULL)
    porta_orders_page_set_known_numbers (self->orders_page,
                                         G_LIST_MODEL (porta_voice_page_get_store (self->voice_page)));
  update_client (self);
  return self->voice_page;
}

static PortaOrdersPage *
ensure_orders_page (PortaWindow *self)
{
  if (self->orders_page != NULL || self->orders_bin == NULL || !building_allowed (self))
    return self->orders_page;

  self->orders_page = g_object_new (PORTA_TYPE_ORDERS_PAGE, NULL);
  adw_bin_set_child (self->orders_bin, GTK_WIDGET (self->orders_page));
  /* the new-order dialog flags numbers the organization already has */
  if (ensure_voice_page (self) != NULL)
    porta_orders_page_set_known_numbers (self->orders_page,
                                         G_LIST_MODEL (porta_voice_page_get_store (self->voice_page)));
  update_client (self);
  return self->orders_page;
}

/* the page about to be shown, if the pages are in view */
static void
ensure_visible_page (PortaWindow *self)
{
  GtkWidget *child;

  if (!building_allowed (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  child = gtk_stack_get_visible_child (self->stack);
  if (child == GTK_WIDGET (self->voice_bin))
    ensure_voice_page (self);
  else if (child == GTK_WIDGET (self->orders_bin))
    ensure_orders_page (self);
}

/* one page an idle, so that a frame can come in between */
static gboolean
build_deferred_cb (gpointer user_data)
{
  PortaWindow *self = user_data;

  if (self->voice_page == NULL)
    {
      ensure_voice_page (self);
      return G_SOURCE_CONTINUE;
    }
  self->deferred_id = 0;
  ensure_orders_page (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                PortaWindow   *self)
{
  /* before the surface is mapped a frame paints nothing */
  if (!gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (self))))
    return;
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  /* after this frame's other handlers, and before the next frame */
  if ((self->voice_page == NULL || self->orders_page == NULL) && self->deferred_id == 0)
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_deferred_cb, self, NULL);
}

static GtkListBoxRow *
row_for_page (PortaWindow *self,
              const char  *name)
{
  if (g_strcmp0 (name, "port-orders") == 0)
    return self->orders_row;
  return self->voice_row;
}

static void
sidebar_row_selected_cb (PortaWindow   *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (PortaWindow   *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (PortaWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (PortaWindow *self)
{
  /* A folded sidebar is a list to choose from, not a selection to keep
   * showing; unfolded, it marks the page in view. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      const char *name = gtk_stack_get_visible_child_name (self->stack);

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_SINGLE);
      gtk_list_box_select_row (self->sidebar_list, row_for_page (self, name));
    }
}

static void
stack_visible_child_cb (PortaWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page;

  if (name == NULL || child == NULL)
    return;

  ensure_visible_page (self);
  page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  if (gtk_list_box_get_selection_mode (self->sidebar_list) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (self->sidebar_list, row_for_page (self, name));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-page", name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  porta_window_show_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}


/* ---- the session ------------------------------------------------------- */

static void
show_toast (PortaWindow *self,
            const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
rebuild_accounts_menu (PortaWindow *self)
{
  PortaAccountStore *store = porta_session_get_store (self->session);
  PortaAccount *sandbox = porta_session_get_sandbox_account (self->session);
  PortaAccount *current = porta_session_get_account (self->session);
  g_autoptr(GMenu) accounts = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_menu_remove_all (self->accounts_menu);

  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(PortaAccount) account = NULL;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *organization = NULL;
      g_autofree char *label = NULL;
      const char *name;

      if (i < n)
        account = g_list_model_get_item (G_LIST_MODEL (store), i);
      else if (sandbox != NULL)
        account = g_object_ref (sandbox);
      else
        break;

      name = porta_account_get_display_name (account);
      if (name == NULL)
        name = porta_account_get_username (account);
      if (porta_account_get_sandbox (account))
        organization = g_strdup (_("Sandbox"));
      else
        organization = porta_account_dup_organization_label (account);
      /* Translators: an account in the accounts menu: a person's name, then their organization */
      label = g_strdup_printf (_("%s — %s"), name ? name : "?", organization ? organization : "?");
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.account",
                                               g_variant_new_string (porta_account_get_id (account)));
      g_menu_append_item (accounts, item);
    }

  g_menu_append (actions, _("_Add Account…"), "win.add-account");
  if (sandbox == NULL)
    g_menu_append (actions, _("_Try the Sandbox"), "win.try-sandbox");
  if (current != NULL)
    g_menu_append (actions, _("_Sign Out…"), "win.sign-out");

  g_menu_append_section (self->accounts_menu, NULL, G_MENU_MODEL (accounts));
  g_menu_append_section (self->accounts_menu, NULL, G_MENU_MODEL (actions));

  g_simple_action_set_state (self->account_action,
                             g_variant_new_string (current ? porta_account_get_id (current) : ""));
}

static void
update_account (PortaWindow *self)
{
  PortaAccount *account = porta_session_get_account (self->session);
  gboolean sandbox = account != NULL && porta_account_get_sandbox (account);
  const char *name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *accessible = NULL;

  if (account != NULL)
    {
      name = porta_account_get_display_name (account);
      if (name == NULL)
        name = porta_account_get_username (account);
      organization = sandbox ? g_strdup (_("Sandbox")) : porta_account_dup_organization_label (account);
    }

  adw_window_title_set_title (self->account_title, name ? name : "Porta");
  adw_window_title_set_subtitle (self->account_title, organization ? organization : "");
  /* Translators: the accessible name of the accounts button; %s is who is signed in */
  accessible = g_strdup_printf (_("Accounts, signed in as %s"), name ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  porta_banner_set_revealed (self->sandbox_banner, sandbox);
  if (sandbox)
    gtk_window_set_title (GTK_WINDOW (self), _("Porta — Sandbox"));
  else
    gtk_window_set_title (GTK_WINDOW (self), "Porta");

  if (account != NULL && porta_session_get_state (self->session) == PORTA_SESSION_STATE_NEEDS_SIGN_IN)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is a person's name or sign-in name */
      description = g_strdup_printf (_("Porta has no valid sign-in for %s. Sign in again to continue."),
                                     name ? name : "");
      adw_status_page_set_description (self->needs_sign_in_page, description);
    }

  rebuild_accounts_menu (self);
}

static void
update_state (PortaWindow *self)
{
  const char *page = "main";

  switch (porta_session_get_state (self->session))
    {
    case PORTA_SESSION_STATE_LOADING:
      page = "loading";
      break;
    case PORTA_SESSION_STATE_SIGNED_OUT:
      page = "welcome";
      break;
    case PORTA_SESSION_STATE_NEEDS_SIGN_IN:
      page = "needs-sign-in";
      break;
    case PORTA_SESSION_STATE_READY:
    default:
      page = "main";
      break;
    }
  gtk_stack_set_visible_child_name (self->main_stack, page);
  update_account (self);
}

static void
update_client (PortaWindow *self)
{
  PortaClient *client = NULL;
  PortaPinState *pin_state = NULL;

  /* no session (tests of the window alone): no client */
  if (self->session != NULL && porta_session_get_state (self->session) == PORTA_SESSION_STATE_READY)
    {
      client = porta_session_get_client (self->session);
      pin_state = porta_session_get_pin_state (self->session);
    }
  /* the PIN state first: both pages observe the session's one, so a PIN
   * saved or refreshed on either page shows on both at once */
  if (self->orders_page != NULL)
    g_object_set (self->orders_page, "pin-state", pin_state, "client", client, NULL);
  if (self->voice_page != NULL)
    g_object_set (self->voice_page, "pin-state", pin_state, "client", client, NULL);
}

static void
update_keyring_banner (PortaWindow *self)
{
  const char *problem = porta_session_get_keyring_problem (self->session);

  if (problem != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says what is wrong with the keyring */
      text = g_strdup_printf (_("%s Your sign-in will not be remembered after Porta closes."), problem);
      porta_banner_set_title (self->keyring_banner, text);
    }
  porta_banner_set_revealed (self->keyring_banner, problem != NULL && !self->keyring_banner_dismissed);
}

static void
session_changed_cb (PortaWindow *self)
{
  update_state (self);
  update_client (self);
}

static void
report (PortaWindow  *self,
        const GError *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

#define DEFINE_SESSION_DONE(name, finish)                                  \
  static void                                                               \
  name (GObject      *object,                                               \
        GAsyncResult *result,                                               \
        gpointer      user_data)                                            \
  {                                                                         \
    g_autoptr(PortaWindow) self = user_data;                                \
    g_autoptr(GError) error = NULL;                                         \
                                                                            \
    if (!finish (PORTA_SESSION (object), result, &error))                   \
      report (self, error);                                                 \
  }

DEFINE_SESSION_DONE (restored_cb, porta_session_restore_finish)
DEFINE_SESSION_DONE (sandbox_started_cb, porta_session_start_sandbox_finish)
DEFINE_SESSION_DONE (account_added_cb, porta_session_add_account_finish)
DEFINE_SESSION_DONE (switched_cb, porta_session_switch_finish)
DEFINE_SESSION_DONE (signed_out_cb, porta_session_sign_out_finish)

static void
signed_in_cb (PortaWindow  *self,
              PortaAccount *account,
              PortaTokens  *tokens)
{
  porta_session_add_account_async (self->session, account, tokens, self->cancellable,
                                   account_added_cb, g_object_ref (self));
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);
  PortaSignInDialog *dialog = porta_sign_in_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_sandbox_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  porta_window_start_sandbox (self);
}

static void
account_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PortaWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  PortaAccount *account = porta_account_store_lookup (porta_session_get_store (self->session), id);
  PortaAccount *sandbox = porta_session_get_sandbox_account (self->session);

  if (account == NULL && sandbox != NULL && g_strcmp0 (porta_account_get_id (sandbox), id) == 0)
    account = sandbox;
  if (account == NULL || account == porta_session_get_account (self->session))
    return;

  porta_session_switch_async (self->session, account, self->cancellable,
                              switched_cb, g_object_ref (self));
}

static void
sign_out_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(PortaWindow) self = user_data;
  PortaAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_strcmp0 (response, "sign-out") != 0 || account == NULL)
    return;
  porta_session_sign_out_async (self->session, account, self->cancellable,
                                signed_out_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);
  PortaAccount *account = porta_session_get_account (self->session);
  const char *name;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (account == NULL)
    return;

  name = porta_account_get_display_name (account);
  if (name == NULL)
    name = porta_account_get_username (account);
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Sign Out %s?"), name ? name : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   porta_account_get_sandbox (account)
                                   ? _("The sandbox stops; its demo data stays on this computer for next time.")
                                   : _("Porta forgets this account on this computer and removes its sign-in from the keyring. "
                                       "Nothing changes in the organization."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  porta_a11y_name_mnemonic_buttons_by_label (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (sign_out_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_keyring_banner_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  self->keyring_banner_dismissed = TRUE;
  update_keyring_banner (self);
}

/**
 * porta_window_show_toast:
 * @self: a #PortaWindow
 * @message: what to say, translated
 */
void
porta_window_show_toast (PortaWindow *self,
                         const char  *message)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));
  show_toast (self, message);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  if (g_strcmp0 (porta_window_get_visible_page (self), "voice") == 0)
    porta_voice_page_refresh (ensure_voice_page (self));
  else
    porta_orders_page_refresh (ensure_orders_page (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  porta_window_show_page (self, "voice");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  porta_voice_page_focus_search (ensure_voice_page (self));
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_toast (PORTA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/**
 * porta_window_start_sandbox:
 * @self: a #PortaWindow
 *
 * Starts the private sandbox and signs in to it; what goes wrong is said
 * in a toast, and the window goes back to where it was.
 */
void
porta_window_start_sandbox (PortaWindow *self)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));
  g_return_if_fail (self->session != NULL);

  porta_session_start_sandbox_async (self->session, self->cancellable,
                                     sandbox_started_cb, g_object_ref (self));
}

/**
 * porta_window_restore:
 * @self: a #PortaWindow
 *
 * Brings back the saved accounts and the current one's sign-in.
 */
void
porta_window_restore (PortaWindow *self)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));
  g_return_if_fail (self->session != NULL);

  porta_session_restore_async (self->session, self->cancellable, restored_cb, g_object_ref (self));
}

/* GtkApplication builds the shortcuts window of `gtk/help-overlay.ui`
 * with every new window: 10 ms before the first frame, for a window
 * seldom opened. So it is not in that place, and is built here the
 * first time it is asked for. Being in the window's action map, this
 * action is the one gtk_application_window_set_help_overlay() keeps. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PortaWindow *self = user_data;

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/porta-help-overlay.ui");
      GtkShortcutsWindow *overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      self->help_overlay = g_object_ref (GTK_WINDOW (overlay));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }
  gtk_window_present (self->help_overlay);
}

static void
setup_session (PortaWindow *self)
{
  GActionEntry entries[] = {
    { "account", account_activate_cb, "s", "''", NULL },
    { "show-help-overlay", show_help_overlay_cb, NULL, NULL, NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  self->account_action = G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "account"));

  self->accounts_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->account_button, G_MENU_MODEL (self->accounts_menu));
  gtk_menu_button_set_menu_model (self->needs_sign_in_accounts_button, G_MENU_MODEL (self->accounts_menu));

  if (self->session == NULL)
    {
      /* no session (tests of the window alone): just the pages */
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      return;
    }

  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::account", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (update_client), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::keyring-problem", G_CALLBACK (update_keyring_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (porta_session_get_store (self->session), "items-changed",
                           G_CALLBACK (rebuild_accounts_menu), self, G_CONNECT_SWAPPED);
  session_changed_cb (self);
  update_keyring_banner (self);
}

static gboolean
porta_window_close_request (GtkWindow *window)
{
  PortaWindow *self = PORTA_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      /* The size of a maximized window is the screen's: keep the last
       * unmaximized size instead, so unmaximizing restores it. */
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (porta_window_parent_class)->close_request (window);
}

static void
porta_window_constructed (GObject *object)
{
  PortaWindow *self = PORTA_WINDOW (object);

  G_OBJECT_CLASS (porta_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_autofree char *page = g_settings_get_string (self->settings, "selected-page");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      porta_window_show_page (self, page);
    }

  stack_visible_child_cb (self);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);
  setup_session (self);
}

static void
porta_window_realize (GtkWidget *widget)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  GTK_WIDGET_CLASS (porta_window_parent_class)->realize (widget);

  if (self->orders_page == NULL || self->voice_page == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
}

static void
porta_window_dispose (GObject *object)
{
  PortaWindow *self = PORTA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  g_clear_object (&self->help_overlay);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_WINDOW);
  /* they were the bins' children */
  self->voice_page = NULL;
  self->orders_page = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts_menu);

  G_OBJECT_CLASS (porta_window_parent_class)->dispose (object);
}

static void
porta_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaWindow *self = PORTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, porta_window_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PortaWindow *self = PORTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_VISIBLE_PAGE:
      porta_window_show_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_window_class_init (PortaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_window_constructed;
  object_class->dispose = porta_window_dispose;
  object_class->get_property = porta_window_get_property;
  object_class->set_property = porta_window_set_property;

  widget_class->realize = porta_window_realize;

  window_class->close_request = porta_window_close_request;

  /**
   * PortaWindow:settings:
   *
   * Where the window keeps its size and selected page; %NULL keeps
   * nothing (as in tests that must not depend on earlier runs).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PortaWindow:session:
   *
   * Who is signed in; %NULL shows the pages alone (tests).
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PORTA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PortaWindow:visible-page:
   *
   * The name of the page in view: `voice` or `port-orders`.
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         "voice",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, needs_sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, needs_sign_in_accounts_button);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, account_title);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, sandbox_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, keyring_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, voice_bin);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, orders_bin);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, voice_row);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, orders_row);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.try-sandbox", NULL, try_sandbox_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-keyring-banner", NULL, dismiss_keyring_banner_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "voice");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "port-orders");
}

static void
porta_window_init (PortaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * porta_window_new:
 * @application: the application
 * @settings: (nullable): where to keep the window's state
 * @session: (nullable): who is signed in
 *
 * Returns: (transfer none): a new window, owned by @application
 */
PortaWindow *
porta_window_new (PortaApplication *application,
                  GSettings        *settings,
                  PortaSession     *session)
{
  return g_object_new (PORTA_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "session", session,
                       NULL);
}

const char *
porta_window_get_visible_page (PortaWindow *self)
{
  g_return_val_if_fail (PORTA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * porta_window_show_port_order:
 * @self: a #PortaWindow
 * @id: a port order's id
 *
 * Brings the Port orders page forward on that order (from a notification).
 */
void
porta_window_show_port_order (PortaWindow *self,
                              const char  *id)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));

  porta_window_show_page (self, "port-orders");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  porta_orders_page_show_order (ensure_orders_page (self), id);
}

/**
 * porta_window_show_page:
 * @self: a #PortaWindow
 * @name: `voice` or `port-orders`; anything else shows `voice`
 */
void
porta_window_show_page (PortaWindow *self,
                        const char  *name)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));

  if (g_strcmp0 (name, "port-orders") != 0)
    name = "voice";
  gtk_stack_set_visible_child_name (self->stack, name);
}
