/* porta-pin-card.c — the port-out PIN at a glance
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the organization has a port-out PIN, who changed it when, the
 * way to set or change it, a 30-second reveal with Copy, and the audit
 * trail. A revealed PIN lives in one buffer that is wiped when hidden;
 * the clipboard is emptied after 30 seconds if it still holds it.
 */
#define G_LOG_DOMAIN "porta-pin-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-audit-event.h"
#include "porta-enums.h"
#include "porta-error.h"
#include "porta-pin-card.h"
#include "porta-pin-dialog.h"
#include "porta-pin.h"

#define REVEAL_SECONDS 30

struct _PortaPinCard
{
  AdwBin               parent_instance;

  PortaClient         *client;
  PortaPinStatus      *status;
  GCancellable        *cancellable;
  guint                pending;

  char                *revealed_pin;
  guint                reveal_left;
  guint                reveal_seconds;
  guint                reveal_id;
  GdkContentProvider  *clipboard_content;
  guint                clipboard_id;

  GPtrArray           *history_rows;

  GtkSpinner          *spinner;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  GtkButton           *set_button;
  GtkButton           *reveal_button;
  AdwActionRow        *revealed_row;
  AdwActionRow        *error_row;
  AdwExpanderRow      *history_row;
};

G_DEFINE_FINAL_TYPE (PortaPinCard, porta_pin_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATUS,
  PROP_REVEAL_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ----------------------------------------------------------- */

static char *
format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);

  /* Translators: a date and time in strftime format, as in
   * "26 Nov 2026, 14:05"; put it in your language's usual order */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static void
toast (PortaPinCard *self,
       const char   *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
show_error (PortaPinCard *self,
            const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), error != NULL);
  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), escaped);
    }
}

static void
begin_loading (PortaPinCard *self)
{
  self->pending++;
  gtk_spinner_start (self->spinner);
}

static void
end_loading (PortaPinCard *self)
{
  g_return_if_fail (self->pending > 0);
  if (--self->pending == 0)
    gtk_spinner_stop (self->spinner);
}

/* ---- the status -------------------------------------------------------- */

static void
update_status (PortaPinCard *self)
{
  gboolean known = self->status != NULL;
  gboolean is_set = known && porta_pin_status_get_is_set (self->status);

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), known);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), is_set);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.set", known && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.reveal", is_set);
  if (!known)
    return;

  if (is_set)
    {
      GDateTime *when = porta_pin_status_get_last_modified_date_time (self->status);
      const char *who = porta_pin_status_get_last_modified_by_name (self->status);
      g_autofree char *subtitle = NULL;

      if (when != NULL && who != NULL)
        {
          g_autofree char *date = format_date_time (when);
          /* Translators: the first %s is a date and time, the second a person's name */
          subtitle = g_strdup_printf (_("Last changed %s by %s"), date, who);
        }
      else if (when != NULL)
        {
          g_autofree char *date = format_date_time (when);
          /* Translators: %s is a date and time */
          subtitle = g_strdup_printf (_("Last changed %s"), date);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), C_("pin status", "Set"));
      adw_action_row_set_subtitle (self->status_row, subtitle ? subtitle : "");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
      gtk_button_set_label (self->set_button, _("_Change PIN…"));
      /* GTK 4.8 would read the mnemonic's underscore out loud */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->set_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Change PIN…"), -1);
      gtk_widget_remove_css_class (GTK_WIDGET (self->set_button), "suggested-action");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), C_("pin status", "Not set"));
      adw_action_row_set_subtitle (self->status_row,
                                   _("Without a port-out PIN, no number can be transferred to another carrier."));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "warning");
      gtk_button_set_label (self->set_button, _("_Set PIN…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->set_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Set PIN…"), -1);
      gtk_widget_add_css_class (GTK_WIDGET (self->set_button), "suggested-action");
    }
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortaPinCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPinStatus) status = NULL;

  status = porta_client_get_pin_status_finish (PORTA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_loading (self);

  if (status == NULL)
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  g_set_object (&self->status, status);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* ---- the history ------------------------------------------------------- */

static int
compare_events_newest_first (gconstpointer a,
                             gconstpointer b)
{
  PortaAuditEvent *ea = *(PortaAuditEvent **) a;
  PortaAuditEvent *eb = *(PortaAuditEvent **) b;

  return -g_date_time_compare (porta_audit_event_get_date_time (ea), porta_audit_event_get_date_time (eb));
}

static char *
event_title (PortaAuditEventKind  kind,
             const char          *who)
{
  switch (kind)
    {
    case PORTA_AUDIT_EVENT_KIND_SET:
      /* Translators: %s is a person's name */
      return g_strdup_printf (_("Set by %s"), who);
    case PORTA_AUDIT_EVENT_KIND_CHANGED:
      /* Translators: %s is a person's name */
      return g_strdup_printf (_("Changed by %s"), who);
    case PORTA_AUDIT_EVENT_KIND_REVEALED:
      /* Translators: %s is a person's name */
      return g_strdup_printf (_("Revealed by %s"), who);
    default:
      /* Translators: an event Porta does not know; %s is a person's name */
      return g_strdup_printf (_("Recorded for %s"), who);
    }
}

static const char *
event_icon (PortaAuditEventKind kind)
{
  switch (kind)
    {
    case PORTA_AUDIT_EVENT_KIND_SET: return "list-add-symbolic";
    case PORTA_AUDIT_EVENT_KIND_CHANGED: return "document-edit-symbolic";
    case PORTA_AUDIT_EVENT_KIND_REVEALED: return "view-reveal-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static void
clear_history (PortaPinCard *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortaPinCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *subtitle = NULL;

  events = porta_client_list_pin_audit_events_finish (PORTA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_loading (self);

  clear_history (self);
  if (events == NULL)
    {
      g_debug ("audit events: %s", error->message);
      adw_expander_row_set_subtitle (self->history_row, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->history_row), FALSE);
      return;
    }

  g_ptr_array_sort (events, compare_events_newest_first);
  for (guint i = 0; i < events->len; i++)
    {
      PortaAuditEvent *event = g_ptr_array_index (events, i);
      PortaAuditEventKind kind = porta_audit_event_get_kind (event);
      const char *who = porta_audit_event_get_user_name (event);
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *date = format_date_time (porta_audit_event_get_date_time (event));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (event_icon (kind));

      title = event_title (kind, who ? who : porta_audit_event_get_user_upn (event));
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      porta_audit_event_kind_get_label (kind), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", events->len), events->len);
  adw_expander_row_set_subtitle (self->history_row, events->len ? subtitle : _("Nothing recorded yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_row), events->len > 0);
}

/**
 * porta_pin_card_reload:
 * @self: a #PortaPinCard
 *
 * Fetches the PIN status and its history again.
 */
void
porta_pin_card_reload (PortaPinCard *self)
{
  g_return_if_fail (PORTA_IS_PIN_CARD (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  gtk_spinner_stop (self->spinner);

  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  begin_loading (self);
  porta_client_get_pin_status_async (self->client, self->cancellable, status_cb, g_object_ref (self));
  begin_loading (self);
  porta_client_list_pin_audit_events_async (self->client, self->cancellable, events_cb, g_object_ref (self));
}

/* ---- reveal ------------------------------------------------------------ */

static void
clear_clipboard_if_ours (PortaPinCard *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  g_clear_handle_id (&self->clipboard_id, g_source_remove);
  if (self->clipboard_content != NULL && gdk_clipboard_get_content (clipboard) == self->clipboard_content)
    gdk_clipboard_set_content (clipboard, NULL);
  g_clear_object (&self->clipboard_content);
}

static void
hide_pin (PortaPinCard *self)
{
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_pointer (&self->revealed_pin, porta_pin_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revealed_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->revealed_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.hide", FALSE);
}

static void
update_countdown (PortaPinCard *self)
{
  g_autofree char *text = NULL;

  /* Translators: shown under a revealed PIN; %u is a number of seconds */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hidden again in %u second", "Hidden again in %u seconds",
                                       self->reveal_left), self->reveal_left);
  adw_action_row_set_subtitle (self->revealed_row, text);
}

static gboolean
reveal_tick_cb (gpointer user_data)
{
  PortaPinCard *self = user_data;

  if (--self->reveal_left == 0)
    {
      self->reveal_id = 0;
      hide_pin (self);
      return G_SOURCE_REMOVE;
    }
  update_countdown (self);
  return G_SOURCE_CONTINUE;
}

static void
revealed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PortaPinCard) self = user_data;
  g_autoptr(GError) error = NULL;
  char *pin;

  pin = porta_client_reveal_pin_finish (PORTA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_loading (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.reveal", TRUE);

  if (pin == NULL)
    {
      toast (self, error->message);
      return;
    }

  hide_pin (self);
  self->revealed_pin = pin;
  self->reveal_left = self->reveal_seconds;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revealed_row), pin);
  update_countdown (self);
  gtk_widget_set_visible (GTK_WIDGET (self->revealed_row), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.hide", TRUE);
  self->reveal_id = g_timeout_add_seconds (1, reveal_tick_cb, self);

  /* the reveal itself is audited: show it */
  begin_loading (self);
  porta_client_list_pin_audit_events_async (self->client, self->cancellable, events_cb, g_object_ref (self));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PortaPinCard *self = PORTA_PIN_CARD (widget);

  if (self->client == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "pin-card.reveal", FALSE);
  begin_loading (self);
  porta_client_reveal_pin_async (self->client, self->cancellable, revealed_cb, g_object_ref (self));
}

static gboolean
clipboard_timeout_cb (gpointer user_data)
{
  PortaPinCard *self = user_data;

  self->clipboard_id = 0;
  clear_clipboard_if_ours (self);
  return G_SOURCE_REMOVE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PortaPinCard *self = PORTA_PIN_CARD (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  if (self->revealed_pin == NULL)
    return;

  clear_clipboard_if_ours (self);
  /* GValue keeps its own copy of the string, beyond our wiping; it goes
   * when the clipboard is emptied below */
  self->clipboard_content = gdk_content_provider_new_typed (G_TYPE_STRING, self->revealed_pin);
  gdk_clipboard_set_content (clipboard, self->clipboard_content);
  self->clipboard_id = g_timeout_add_seconds (self->reveal_seconds, clipboard_timeout_cb, self);
  toast (self, _("PIN copied. The clipboard will be cleared in 30 seconds."));
}

static void
hide_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hide_pin (PORTA_PIN_CARD (widget));
}

/* ---- set or change ----------------------------------------------------- */

static void
saved_cb (PortaPinCard *self)
{
  /* the window says so and has every page read the PIN again; alone
   * (in a test), the card reloads itself */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.pin-changed", NULL))
    porta_pin_card_reload (self);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PortaPinCard *self = PORTA_PIN_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PortaPinDialog *dialog;

  if (self->client == NULL || self->status == NULL)
    return;

  dialog = porta_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->client,
                                 porta_pin_status_get_is_set (self->status));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  porta_pin_card_reload (PORTA_PIN_CARD (widget));
}

/* ---- the object -------------------------------------------------------- */

static void
porta_pin_card_dispose (GObject *object)
{
  PortaPinCard *self = PORTA_PIN_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  hide_pin (self);
  clear_clipboard_if_ours (self);
  g_clear_object (&self->client);
  g_clear_object (&self->status);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_PIN_CARD);

  G_OBJECT_CLASS (porta_pin_card_parent_class)->dispose (object);
}

static void
porta_pin_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PortaPinCard *self = PORTA_PIN_CARD (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATUS:
      g_value_set_object (value, self->status);
      break;
    case PROP_REVEAL_SECONDS:
      g_value_set_uint (value, self->reveal_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_pin_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PortaPinCard *self = PORTA_PIN_CARD (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_pin_card_set_client (self, g_value_get_object (value));
      break;
    case PROP_REVEAL_SECONDS:
      self->reveal_seconds = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_pin_card_class_init (PortaPinCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_pin_card_dispose;
  object_class->get_property = porta_pin_card_get_property;
  object_class->set_property = porta_pin_card_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, PORTA_TYPE_PIN_STATUS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaPinCard:reveal-seconds:
   *
   * How long a revealed PIN shows, and stays on the clipboard: 30 seconds;
   * tests shorten it.
   */
  properties[PROP_REVEAL_SECONDS] =
    g_param_spec_uint ("reveal-seconds", NULL, NULL, 1, 600, REVEAL_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-pin-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, status_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, set_button);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, revealed_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, error_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, history_row);

  gtk_widget_class_install_action (widget_class, "pin-card.set", NULL, set_action);
  gtk_widget_class_install_action (widget_class, "pin-card.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "pin-card.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pin-card.hide", NULL, hide_action);
  gtk_widget_class_install_action (widget_class, "pin-card.reload", NULL, reload_action);
}

static void
porta_pin_card_init (PortaPinCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.set", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.reveal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.hide", FALSE);
}

PortaClient *
porta_pin_card_get_client (PortaPinCard *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_CARD (self), NULL);
  return self->client;
}

/**
 * porta_pin_card_set_client:
 * @self: a #PortaPinCard
 * @client: (nullable): the client of the account shown
 *
 * Shows the PIN of @client's organization, loading it at once.
 */
void
porta_pin_card_set_client (PortaPinCard *self,
                           PortaClient  *client)
{
  g_return_if_fail (PORTA_IS_PIN_CARD (self));

  if (!g_set_object (&self->client, client))
    return;

  hide_pin (self);
  clear_history (self);
  g_clear_object (&self->status);
  show_error (self, NULL);
  update_status (self);
  porta_pin_card_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * porta_pin_card_get_status:
 *
 * Returns: (transfer none) (nullable): the PIN status last read
 */
PortaPinStatus *
porta_pin_card_get_status (PortaPinCard *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_CARD (self), NULL);
  return self->status;
}
