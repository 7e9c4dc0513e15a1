/* porta-sign-in-dialog.c — signing in to Microsoft 365 or another authority
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-error.h"
#include "porta-http.h"
#include "porta-sign-in-dialog.h"

#define MICROSOFT_LOGIN_BASE "https://login.microsoftonline.com/"
#define DEFAULT_ORGANIZATION "organizations"

struct _PortaSignInDialog
{
  AdwWindow         parent_instance;

  GSettings        *settings;
  GCancellable     *cancellable;
  PortaOpenUriFunc  open_uri;
  gpointer          open_uri_data;

  /* the device code in view */
  char             *user_code;
  char             *link_uri;
  gint64            expires_at;
  guint             countdown_id;
  guint             copied_id;
  AdwToast         *link_toast;

  gboolean          authority_edited;
  gboolean          updating_authority;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwEntryRow      *organization_row;
  GtkLabel         *organization_hint_label;
  GtkLabel         *organization_error_label;
  AdwExpanderRow   *advanced_row;
  AdwEntryRow      *client_id_row;
  GtkLabel         *client_id_error_label;
  AdwEntryRow      *authority_row;
  AdwEntryRow      *api_base_row;
  GtkButton        *browser_button;
  GtkButton        *device_button;
  AdwStatusPage    *browser_page;
  GtkSpinner       *browser_spinner;
  GtkButton        *browser_cancel_button;
  AdwStatusPage    *device_page;
  GtkWidget        *code_box;
  GtkLabel         *code_label;
  GtkButton        *copy_button;
  GtkLabel         *uri_label;
  GtkSpinner       *device_spinner;
  GtkLabel         *countdown_label;
  GtkButton        *device_cancel_button;
  AdwStatusPage    *error_page;
  GtkButton        *retry_button;
  GtkExpander      *details_expander;
  GtkLabel         *details_label;
};

G_DEFINE_FINAL_TYPE (PortaSignInDialog, porta_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One sign-in under way: what it was started with, and the dialog, held
 * until the operation ends (closing the dialog cancels it). */
typedef struct
{
  PortaSignInDialog *self;
  GCancellable      *cancellable;
  char              *authority;
  char              *api_base;
  char              *client_id;
} SignIn;

static void
sign_in_free (SignIn *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->cancellable);
  g_free (op->authority);
  g_free (op->api_base);
  g_free (op->client_id);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignIn, sign_in_free)

static void reset_copy_button  (PortaSignInDialog *self);
static void dismiss_link_toast (PortaSignInDialog *self);

/* ---- the form ------------------------------------------------------------ */

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_organization (PortaSignInDialog *self)
{
  g_autofree char *text = dup_stripped_text (self->organization_row);

  if (text[0] == '\0')
    return g_strdup (DEFAULT_ORGANIZATION);
  return g_steal_pointer (&text);
}

static char *
dup_derived_authority (PortaSignInDialog *self)
{
  g_autofree char *organization = dup_organization (self);

  return g_strconcat (MICROSOFT_LOGIN_BASE, organization, NULL);
}

/* What the user typed wins; otherwise the organization's Microsoft
 * authority. */
static char *
dup_authority (PortaSignInDialog *self)
{
  g_autofree char *text = dup_stripped_text (self->authority_row);

  if (self->authority_edited && text[0] != '\0')
    return g_steal_pointer (&text);
  return dup_derived_authority (self);
}

static char *
dup_api_base (PortaSignInDialog *self)
{
  g_autofree char *text = dup_stripped_text (self->api_base_row);

  if (text[0] == '\0')
    return g_strdup (PORTA_DEFAULT_API_BASE);
  return g_steal_pointer (&text);
}

static gboolean
organization_is_valid (const char *organization)
{
  /* a domain name or a tenant id; it becomes one path segment of the
   * authority, so nothing that would change the address's shape */
  for (const char *p = organization; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

/* The message goes where a screen reader finds it: on the row, and on
 * the text field inside it, which is what has the keyboard focus. */
static void
set_row_problem (AdwEntryRow *row,
                 GtkLabel    *error_label,
                 GtkLabel    *hint_label,
                 const char  *message)
{
  const char *description_when_valid = hint_label ? gtk_label_get_text (hint_label) : NULL;
  GtkAccessible *targets[] = {
    GTK_ACCESSIBLE (row),
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
  };

  /* the problem takes the hint's place */
  gtk_label_set_text (error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), message != NULL);
  if (hint_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (hint_label), message == NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;
      if (message != NULL)
        {
          gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
        }
      else
        {
          gtk_accessible_reset_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID);
          if (description_when_valid != NULL)
            gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description_when_valid, -1);
          else
            gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

static gboolean
is_on_page (PortaSignInDialog *self,
            const char        *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

/* Validates the form, shows what is wrong, and enables the sign-in
 * actions only when both ways could start. */
static gboolean
update_form (PortaSignInDialog *self)
{
  g_autofree char *organization = dup_stripped_text (self->organization_row);
  g_autofree char *client_id = dup_stripped_text (self->client_id_row);
  gboolean organization_ok = organization_is_valid (organization);
  gboolean client_id_ok = g_uuid_string_is_valid (client_id);
  gboolean enabled;

  set_row_problem (self->organization_row, self->organization_error_label,
                   self->organization_hint_label,
                   organization_ok ? NULL : _("Only letters, digits, dots and hyphens can be used: "
                                              "a domain such as contoso.com or a tenant ID."));

  /* An empty client ID is not an error yet: the note above the field
   * says why one is needed. */
  set_row_problem (self->client_id_row, self->client_id_error_label, NULL,
                   client_id_ok || client_id[0] == '\0'
                     ? NULL
                     : _("A client ID looks like 1b730954-1685-4b74-9bfd-dac224a7b894: copy the "
                         "“Application (client) ID” of the app registration."));

  enabled = organization_ok && client_id_ok && is_on_page (self, "form");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.browser", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.device", enabled);
  return organization_ok && client_id_ok;
}

static void
organization_changed_cb (PortaSignInDialog *self)
{
  if (!self->authority_edited)
    {
      g_autofree char *derived = dup_derived_authority (self);

      self->updating_authority = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->authority_row), derived);
      self->updating_authority = FALSE;
    }
  update_form (self);
}

static void
authority_changed_cb (PortaSignInDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *derived = NULL;

  if (self->updating_authority)
    return;

  /* Typing the derived address back, or clearing the field, hands the
   * authority back to the organization. */
  text = dup_stripped_text (self->authority_row);
  derived = dup_derived_authority (self);
  self->authority_edited = text[0] != '\0' && g_strcmp0 (text, derived) != 0;
}

static void
client_id_changed_cb (PortaSignInDialog *self)
{
  update_form (self);
}

static void
entry_activated_cb (PortaSignInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.browser", NULL);
}

/* ---- pages ------------------------------------------------------------- */

static void
stop_countdown (PortaSignInDialog *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
}

static void
cancel_sign_in (PortaSignInDialog *self)
{
  /* nothing left to cancel once disposed */
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_countdown (self);
  gtk_spinner_stop (self->browser_spinner);
  gtk_spinner_stop (self->device_spinner);
  dismiss_link_toast (self);
}

static void
show_page (PortaSignInDialog *self,
           const char        *name,
           GtkWidget         *focus)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_form (self);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
show_form (PortaSignInDialog *self)
{
  GtkWidget *focus = GTK_WIDGET (self->browser_button);
  g_autofree char *organization = dup_stripped_text (self->organization_row);

  if (!organization_is_valid (organization))
    focus = GTK_WIDGET (self->organization_row);
  else if (!update_form (self))
    {
      adw_expander_row_set_expanded (self->advanced_row, TRUE);
      focus = GTK_WIDGET (self->client_id_row);
    }

  show_page (self, "form", NULL);
  gtk_widget_grab_focus (focus);
}

static void
stack_visible_child_cb (PortaSignInDialog *self)
{
  GtkWidget *default_widget = NULL;

  /* Enter does what the page in view offers first; a hidden page's
   * button must not catch it. */
  if (is_on_page (self, "form"))
    default_widget = GTK_WIDGET (self->browser_button);
  else if (is_on_page (self, "error"))
    default_widget = GTK_WIDGET (self->retry_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);
}

static void
show_error (PortaSignInDialog *self,
            const GError      *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autofree char *details = porta_error_format_details (error);

  g_strchomp (details);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_label_set_text (self->details_label, details);
  gtk_expander_set_expanded (self->details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), details[0] != '\0');

  /* GTK 4.8 has no announcements: the message becomes the description
   * of the page and of the button that gets the focus, so a screen
   * reader reads it with them. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_page),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);

  show_page (self, "error", GTK_WIDGET (self->retry_button));
}

static void
update_countdown (PortaSignInDialog *self)
{
  gint64 left_us = self->expires_at - g_get_monotonic_time ();
  guint left = left_us > 0 ? (guint) ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
  g_autofree char *text = NULL;

  if (left >= 60)
    {
      /* Translators: the time left before the sign-in code expires, in
       * minutes and seconds, such as “Code expires in 14:32” */
      text = g_strdup_printf (_("Code expires in %u:%02u"), left / 60, left % 60);
    }
  else if (left > 0)
    {
      /* Translators: %u is a number of seconds, less than 60 */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Code expires in %u second",
                                           "Code expires in %u seconds", left),
                              left);
    }
  else
    text = g_strdup (_("The code has expired."));

  gtk_label_set_text (self->countdown_label, text);
}

static gboolean
countdown_cb (gpointer user_data)
{
  PortaSignInDialog *self = user_data;

  update_countdown (self);
  if (self->expires_at <= g_get_monotonic_time ())
    {
      self->countdown_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* ---- signing in ---------------------------------------------------------- */

static void
remember_form (PortaSignInDialog *self,
               SignIn            *op)
{
  g_autofree char *organization = dup_stripped_text (self->organization_row);

  if (self->settings == NULL)
    return;

  /* Addresses and ids only: nothing here is secret. */
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "sign-in-organization", organization);
  g_settings_set_string (self->settings, "sign-in-client-id", op->client_id);
  g_settings_set_string (self->settings, "sign-in-authority", self->authority_edited ? op->authority : "");
  g_settings_set_string (self->settings, "sign-in-api-base",
                         g_strcmp0 (op->api_base, PORTA_DEFAULT_API_BASE) != 0 ? op->api_base : "");
  g_settings_apply (self->settings);
}

static void
finish_sign_in (SignIn       *op,
                PortaTokens  *tokens,
                const GError *error)
{
  PortaSignInDialog *self = op->self;
  g_autoptr(PortaAccount) account = NULL;
  g_autoptr(PortaIdentity) identity = NULL;
  g_autoptr(GError) identity_error = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (op->cancellable))
    return;

  stop_countdown (self);
  gtk_spinner_stop (self->browser_spinner);
  gtk_spinner_stop (self->device_spinner);

  if (error != NULL)
    {
      g_debug ("sign-in failed: %s", error->message);
      show_error (self, error);
      return;
    }

  identity = porta_identity_new_from_id_token (tokens->id_token, &identity_error);
  if (identity == NULL)
    {
      show_error (self, identity_error);
      return;
    }

  account = porta_account_new (op->authority, op->api_base, op->client_id, PORTA_SCOPES_READ_WRITE);
  porta_account_set_identity (account, identity->name, identity->username, identity->tenant_id);
  remember_form (self, op);

  g_signal_emit (self, signals[SIGNED_IN], 0, account, tokens);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sign_in_browser_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignIn) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = porta_auth_sign_in_browser_finish (PORTA_AUTH (object), result, &error);
  finish_sign_in (op, tokens, error);
}

static void
sign_in_device_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SignIn) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = porta_auth_sign_in_device_finish (PORTA_AUTH (object), result, &error);
  finish_sign_in (op, tokens, error);
}

/* The operation holds the dialog (SignIn), so @user_data is alive. */
static gboolean
open_uri_cb (const char  *uri,
             gpointer     user_data,
             GError     **error)
{
  PortaSignInDialog *self = user_data;

  return self->open_uri (uri, self->open_uri_data, error);
}

static void
show_code_cb (const PortaDeviceCode *code,
              gpointer               user_data)
{
  PortaSignInDialog *self = user_data;
  g_autofree char *escaped = g_markup_escape_text (code->verification_uri, -1);
  g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

  g_free (self->user_code);
  self->user_code = g_strdup (code->user_code);
  g_free (self->link_uri);
  self->link_uri = g_strdup (code->verification_uri_complete ? code->verification_uri_complete
                                                             : code->verification_uri);

  gtk_label_set_text (self->code_label, code->user_code);
  gtk_label_set_markup (self->uri_label, markup);
  adw_status_page_set_description (self->device_page,
                                   _("On a phone or another computer, open the link below and enter the code."));
  gtk_widget_set_visible (self->code_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.copy-code", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.open-link", TRUE);

  self->expires_at = g_get_monotonic_time () + (gint64) code->expires_in * G_USEC_PER_SEC;
  update_countdown (self);
  stop_countdown (self);
  self->countdown_id = g_timeout_add (1000, countdown_cb, self);

  gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
}

static void
reset_device_page (PortaSignInDialog *self)
{
  reset_copy_button (self);
  dismiss_link_toast (self);
  g_clear_pointer (&self->user_code, g_free);
  g_clear_pointer (&self->link_uri, g_free);
  gtk_widget_set_visible (self->code_box, FALSE);
  gtk_label_set_text (self->code_label, "");
  gtk_label_set_text (self->uri_label, "");
  gtk_label_set_text (self->countdown_label, _("Getting a code…"));
  adw_status_page_set_description (self->device_page, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.copy-code", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.open-link", FALSE);
}

static void
start_sign_in (PortaSignInDialog *self,
               gboolean           on_another_device)
{
  g_autoptr(SignIn) op = NULL;
  g_autoptr(PortaAuth) auth = NULL;
  g_autoptr(GUri) authority_uri = NULL;
  g_autoptr(GUri) api_uri = NULL;
  g_autoptr(GError) error = NULL;

  if (!update_form (self))
    return;

  cancel_sign_in (self);

  op = g_new0 (SignIn, 1);
  op->self = g_object_ref (self);
  op->cancellable = g_object_ref (self->cancellable);
  op->authority = dup_authority (self);
  op->api_base = dup_api_base (self);
  op->client_id = dup_stripped_text (self->client_id_row);

  /* Both addresses are checked before anything goes on the wire: plain
   * HTTP only to this computer. */
  authority_uri = porta_http_parse_uri (op->authority, &error);
  if (authority_uri != NULL)
    api_uri = porta_http_parse_uri (op->api_base, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  auth = porta_auth_new (op->authority, op->client_id, PORTA_SCOPES_READ_WRITE, NULL);

  if (on_another_device)
    {
      reset_device_page (self);
      gtk_spinner_start (self->device_spinner);
      show_page (self, "device", GTK_WIDGET (self->device_cancel_button));
      porta_auth_sign_in_device_async (auth, show_code_cb, self, self->cancellable,
                                       sign_in_device_cb, g_steal_pointer (&op));
    }
  else
    {
      gtk_spinner_start (self->browser_spinner);
      show_page (self, "browser", GTK_WIDGET (self->browser_cancel_button));
      porta_auth_sign_in_browser_async (auth, open_uri_cb, self, self->cancellable,
                                        sign_in_browser_cb, g_steal_pointer (&op));
    }
}

/* ---- actions ------------------------------------------------------------- */

static void
sign_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  start_sign_in (PORTA_SIGN_IN_DIALOG (widget), FALSE);
}

static void
sign_in_device_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  start_sign_in (PORTA_SIGN_IN_DIALOG (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (widget);

  cancel_sign_in (self);
  show_form (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_form (PORTA_SIGN_IN_DIALOG (widget));
}

static void
reset_copy_button (PortaSignInDialog *self)
{
  g_clear_handle_id (&self->copied_id, g_source_remove);
  gtk_button_set_label (self->copy_button, _("_Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Code"), -1);
}

static gboolean
copied_done_cb (gpointer user_data)
{
  PortaSignInDialog *self = user_data;

  self->copied_id = 0;
  reset_copy_button (self);
  return G_SOURCE_REMOVE;
}

static void
copy_code_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (widget);

  if (self->user_code == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->user_code);

  /* Said on the button itself: a toast would cover Cancel */
  gtk_button_set_label (self->copy_button, _("Copied"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code Copied"), -1);
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add_seconds (2, copied_done_cb, self);
}

static void
dismiss_link_toast (PortaSignInDialog *self)
{
  if (self->link_toast != NULL)
    adw_toast_dismiss (self->link_toast);
  g_clear_object (&self->link_toast);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->link_uri == NULL)
    return;

  if (!self->open_uri (self->link_uri, self->open_uri_data, &error))
    {
      g_debug ("could not open the sign-in link: %s", error ? error->message : "?");
      dismiss_link_toast (self);
      self->link_toast = adw_toast_new (_("Could not open a web browser. Open the link on another device."));
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->link_toast));
    }
}

static gboolean
uri_activate_link_cb (PortaSignInDialog *self,
                      const char        *uri)
{
  /* through the same opener as the button, so tests see it too */
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.open-link", NULL);
  return GDK_EVENT_STOP;
}

/* ---- the default browser ------------------------------------------------- */

static gboolean
default_open_uri (const char  *uri,
                  gpointer     user_data,
                  GError     **error)
{
  PortaSignInDialog *self = user_data;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  GError *porta_error;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  if (g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &local_error))
    return TRUE;

  /* not the address: it carries the sign-in's state */
  g_debug ("could not open the default browser: %s", local_error->message);
  porta_error = porta_error_new_detailed (PORTA_ERROR_SIGN_IN_FAILED, 0, NULL, NULL, NULL,
                                          _("Porta could not open a web browser on this computer. "
                                            "Choose “Sign In on Another Device” instead."));
  porta_error_set_reason (porta_error, local_error->message);
  g_propagate_error (error, porta_error);
  return FALSE;
}

/* ---- the object ---------------------------------------------------------- */

static void
load_settings (PortaSignInDialog *self)
{
  g_autofree char *organization = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *api_base = NULL;

  if (self->settings == NULL)
    return;

  organization = g_settings_get_string (self->settings, "sign-in-organization");
  client_id = g_settings_get_string (self->settings, "sign-in-client-id");
  authority = g_settings_get_string (self->settings, "sign-in-authority");
  api_base = g_settings_get_string (self->settings, "sign-in-api-base");

  if (organization[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->organization_row), organization);
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id);
  if (api_base[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->api_base_row), api_base);
  if (authority[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->authority_row), authority);
}

static void
porta_sign_in_dialog_constructed (GObject *object)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (object);
  g_autofree char *client_id = NULL;
  g_autofree char *api_base = NULL;

  G_OBJECT_CLASS (porta_sign_in_dialog_parent_class)->constructed (object);

  load_settings (self);

  /* The client ID is required: while there is none, Advanced is open so
   * the field is in view. */
  client_id = dup_stripped_text (self->client_id_row);
  api_base = dup_api_base (self);
  adw_expander_row_set_expanded (self->advanced_row,
                                 client_id[0] == '\0' || self->authority_edited ||
                                 g_strcmp0 (api_base, PORTA_DEFAULT_API_BASE) != 0);
  update_form (self);
  stack_visible_child_cb (self);
}

static gboolean
porta_sign_in_dialog_close_request (GtkWindow *window)
{
  cancel_sign_in (PORTA_SIGN_IN_DIALOG (window));

  return GTK_WINDOW_CLASS (porta_sign_in_dialog_parent_class)->close_request (window);
}

static void
porta_sign_in_dialog_unrealize (GtkWidget *widget)
{
  /* gtk_window_destroy() (a parent going away) skips close-request */
  cancel_sign_in (PORTA_SIGN_IN_DIALOG (widget));

  GTK_WIDGET_CLASS (porta_sign_in_dialog_parent_class)->unrealize (widget);
}

static void
porta_sign_in_dialog_dispose (GObject *object)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_countdown (self);
  g_clear_handle_id (&self->copied_id, g_source_remove);
  g_clear_object (&self->link_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_SIGN_IN_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (porta_sign_in_dialog_parent_class)->dispose (object);
}

static void
porta_sign_in_dialog_finalize (GObject *object)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (object);

  g_free (self->user_code);
  g_free (self->link_uri);

  G_OBJECT_CLASS (porta_sign_in_dialog_parent_class)->finalize (object);
}

static void
porta_sign_in_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_sign_in_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PortaSignInDialog *self = PORTA_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_sign_in_dialog_class_init (PortaSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_sign_in_dialog_constructed;
  object_class->dispose = porta_sign_in_dialog_dispose;
  object_class->finalize = porta_sign_in_dialog_finalize;
  object_class->get_property = porta_sign_in_dialog_get_property;
  object_class->set_property = porta_sign_in_dialog_set_property;

  widget_class->unrealize = porta_sign_in_dialog_unrealize;

  window_class->close_request = porta_sign_in_dialog_close_request;

  /**
   * PortaSignInDialog:settings:
   *
   * Where the last organization, client ID and addresses are remembered
   * (never a token); %NULL remembers nothing.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaSignInDialog::signed-in:
   * @self: the dialog
   * @account: a new #PortaAccount, its identity read from the id_token
   * @tokens: (type PortaTokens): the tokens; copy them to keep them
   *
   * Emitted once the sign-in succeeded; the dialog then closes itself.
   * The receiver stores the account and its refresh token.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  PORTA_TYPE_ACCOUNT,
                  PORTA_TYPE_TOKENS | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, organization_hint_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, organization_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, client_id_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, api_base_row);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, browser_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, device_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, browser_page);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, browser_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, browser_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, device_page);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, code_box);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, uri_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, device_spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, device_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, details_expander);
  gtk_widget_class_bind_template_child (widget_class, PortaSignInDialog, details_label);
  gtk_widget_class_bind_template_callback (widget_class, organization_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, authority_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, uri_activate_link_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.browser", NULL, sign_in_browser_action);
  gtk_widget_class_install_action (widget_class, "sign-in.device", NULL, sign_in_device_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sign-in.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "sign-in.copy-code", NULL, copy_code_action);
  gtk_widget_class_install_action (widget_class, "sign-in.open-link", NULL, open_link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
label_text_field (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* the text field inside the row is what has the focus */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

static void
porta_sign_in_dialog_init (PortaSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->open_uri = default_open_uri;
  self->open_uri_data = self;

  label_text_field (self->organization_row);
  label_text_field (self->client_id_row);
  label_text_field (self->authority_row);
  label_text_field (self->api_base_row);

  gtk_editable_set_text (GTK_EDITABLE (self->api_base_row), PORTA_DEFAULT_API_BASE);
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), DEFAULT_ORGANIZATION);
  reset_device_page (self);
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* remembering is a convenience: without the schema, remember nothing */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "sign-in-organization"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * porta_sign_in_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 *
 * A sign-in dialog that remembers the last organization, client ID and
 * addresses in Porta's settings.
 */
PortaSignInDialog *
porta_sign_in_dialog_new (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = new_settings ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PORTA_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

/**
 * porta_sign_in_dialog_set_open_uri_func:
 * @self: a #PortaSignInDialog
 * @func: (nullable): opens the sign-in page; %NULL for the default browser
 * @data: passed to @func
 *
 * How the dialog opens web pages: the browser sign-in and the device
 * code's link. Tests script a browser with it.
 */
void
porta_sign_in_dialog_set_open_uri_func (PortaSignInDialog *self,
                                        PortaOpenUriFunc   func,
                                        gpointer           data)
{
  g_return_if_fail (PORTA_IS_SIGN_IN_DIALOG (self));

  self->open_uri = func ? func : default_open_uri;
  self->open_uri_data = func ? data : self;
}
