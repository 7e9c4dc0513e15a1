/* porta-pin-card.c — the port-out PIN at a glance
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the organization has a port-out PIN, who changed it when, the
 * way to set or change it, a 30-second reveal with Copy, and the audit
 * trail. A revealed PIN lives in one buffer that is wiped when hidden;
 * the clipboard is emptied after 30 seconds if it still holds it.
 *
 * The status is not the card's: it observes the session's PortaPinState,
 * which the Voice page's banner observes too, so a PIN saved here or a
 * refresh there shows in both places at once. The card keeps only what
 * no one else shows: the reveal and the history.
 *
 * Where the account's server has no PIN API (Microsoft Graph;
 * PortaPinState:offered is %FALSE) the card becomes a guide to the Teams
 * admin center: no error, no Retry, no Set PIN, no history.
 */
#define G_LOG_DOMAIN "porta-pin-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-audit-event.h"
#include "porta-enums.h"
#include "porta-error.h"
#include "porta-guide.h"
#include "porta-pin-card.h"
#include "porta-pin-dialog.h"
#include "porta-pin.h"

#define REVEAL_SECONDS 30

struct _PortaPinCard
{
  AdwBin               parent_instance;

  PortaPinState       *state;
  GPtrArray           *bindings;   /* to the state: dropped with it */
  GCancellable        *cancellable;
  guint                pending;    /* history and reveal requests */

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
  GtkWidget           *guide;
};

G_DEFINE_FINAL_TYPE (PortaPinCard, porta_pin_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PIN_STATE,
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

static PortaClient *
client_of (PortaPinCard *self)
{
  return self->state != NULL ? porta_pin_state_get_client (self->state) : NULL;
}

static void
update_spinner (PortaPinCard *self)
{
  gtk_spinner_set_spinning (self->spinner,
                            self->pending > 0 || (self->state != NULL && porta_pin_state_get_loading (self->state)));
}

static void
begin_loading (PortaPinCard *self)
{
  self->pending++;
  update_spinner (self);
}

static void
end_loading (PortaPinCard *self)
{
  g_return_if_fail (self->pending > 0);
  self->pending--;
  update_spinner (self);
}

/* ---- bindings to the state's properties -------------------------------- */

static gboolean
is_not_null_cb (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, G_VALUE_HOLDS_OBJECT (from) ? g_value_get_object (from) != NULL
                                                       : g_value_get_boxed (from) != NULL);
  return TRUE;
}

/* a row's title is markup: the message is not */
static gboolean
error_title_cb (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const GError *error = g_value_get_boxed (from);

  g_value_take_string (to, error != NULL ? g_markup_escape_text (error->message, -1) : g_strdup (""));
  return TRUE;
}

/* ---- the status -------------------------------------------------------- */

/* The words and icon of the status row; whether the row and the Reveal
 * button show at all is bound to the state (bind_state ()). */
static void
update_status (PortaPinCard *self)
{
  PortaPinStatus *status = porta_pin_card_get_status (self);
  gboolean known = status != NULL;
  gboolean is_set = known && porta_pin_status_get_is_set (status);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.set", known);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.reveal", is_set);
  if (!known)
    return;

  if (is_set)
    {
      GDateTime *when = porta_pin_status_get_last_modified_date_time (status);
      const char *who = porta_pin_status_get_last_modified_by_name (status);
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
status_changed_cb (PortaPinCard *self)
{
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

static void
reload_history (PortaPinCard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  update_spinner (self);

  if (self->state == NULL || !porta_pin_state_get_offered (self->state))
    return;

  self->cancellable = g_cancellable_new ();
  begin_loading (self);
  porta_client_list_pin_audit_events_async (client_of (self), self->cancellable, events_cb, g_object_ref (self));
}

/**
 * porta_pin_card_reload:
 * @self: a #PortaPinCard
 *
 * Reads the PIN status again (for every page observing the same state)
 * and the history.
 */
void
porta_pin_card_reload (PortaPinCard *self)
{
  g_return_if_fail (PORTA_IS_PIN_CARD (self));

  if (self->state != NULL)
    porta_pin_state_refresh (self->state);
  reload_history (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-card.reveal", porta_pin_state_get_is_set (self->state));

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
  porta_client_list_pin_audit_events_async (client_of (self), self->cancellable, events_cb, g_object_ref (self));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PortaPinCard *self = PORTA_PIN_CARD (widget);

  if (self->state == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "pin-card.reveal", FALSE);
  begin_loading (self);
  porta_client_reveal_pin_async (client_of (self), self->cancellable, revealed_cb, g_object_ref (self));
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
  /* the status changed with the state, here and on every page; the
   * history has one event more */
  reload_history (self);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PortaPinCard *self = PORTA_PIN_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PortaPinDialog *dialog;

  if (porta_pin_card_get_status (self) == NULL)
    return;

  dialog = porta_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->state,
                                 porta_pin_state_get_is_set (self->state));
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

static void unbind_state (PortaPinCard *self);

static void
porta_pin_card_dispose (GObject *object)
{
  PortaPinCard *self = PORTA_PIN_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  hide_pin (self);
  clear_clipboard_if_ours (self);
  if (self->bindings != NULL)
    unbind_state (self);
  g_clear_object (&self->state);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
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
      g_value_set_object (value, client_of (self));
      break;
    case PROP_PIN_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_STATUS:
      g_value_set_object (value, porta_pin_card_get_status (self));
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
    case PROP_PIN_STATE:
      porta_pin_card_set_pin_state (self, g_value_get_object (value));
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

  /**
   * PortaPinCard:client:
   *
   * The client of the account shown: the #PortaPinCard:pin-state's.
   * Setting another makes the card a PIN state of its own (for a card
   * shown alone); in the window it comes with the session's state.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaPinCard:pin-state:
   *
   * The PIN state the card shows and sets.
   */
  properties[PROP_PIN_STATE] =
    g_param_spec_object ("pin-state", NULL, NULL, PORTA_TYPE_PIN_STATE,
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

  g_type_ensure (PORTA_TYPE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-pin-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, status_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, set_button);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, revealed_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, error_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinCard, guide);
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
  self->bindings = g_ptr_array_new ();
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
  return client_of (self);
}

/**
 * porta_pin_card_set_client:
 * @self: a #PortaPinCard
 * @client: (nullable): the client of the account shown
 *
 * Shows the PIN of @client's organization. Nothing changes if the card's
 * PIN state is already @client's; otherwise the card makes a state of its
 * own and reads it.
 */
void
porta_pin_card_set_client (PortaPinCard *self,
                           PortaClient  *client)
{
  g_autoptr(PortaPinState) state = NULL;

  g_return_if_fail (PORTA_IS_PIN_CARD (self));
  g_return_if_fail (client == NULL || PORTA_IS_CLIENT (client));

  if (client == client_of (self))
    return;
  if (client != NULL)
    state = porta_pin_state_new (client);
  porta_pin_card_set_pin_state (self, state);
}

static void
unbind_state (PortaPinCard *self)
{
  if (self->state == NULL)
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  g_signal_handlers_disconnect_by_data (self->state, self);
}

/* Graph's "no such API" is not an error to show: the guide says it */
static gboolean
is_shown_error_cb (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const GError *error = g_value_get_boxed (from);

  g_value_set_boolean (to, error != NULL && !g_error_matches (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED));
  return TRUE;
}

static gboolean
invert_cb (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  g_value_set_boolean (to, !g_value_get_boolean (from));
  return TRUE;
}

static void
bind_state (PortaPinCard *self)
{
  GBinding *binding;

  if (self->state == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
      gtk_widget_set_visible (self->guide, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), TRUE);
      return;
    }

  binding = g_object_bind_property_full (self->state, "status", self->status_row, "visible",
                                         G_BINDING_SYNC_CREATE, is_not_null_cb, NULL, NULL, NULL);
  g_ptr_array_add (self->bindings, binding);
  binding = g_object_bind_property (self->state, "is-set", self->reveal_button, "visible", G_BINDING_SYNC_CREATE);
  g_ptr_array_add (self->bindings, binding);
  binding = g_object_bind_property_full (self->state, "error", self->error_row, "visible",
                                         G_BINDING_SYNC_CREATE, is_shown_error_cb, NULL, NULL, NULL);
  g_ptr_array_add (self->bindings, binding);
  binding = g_object_bind_property_full (self->state, "offered", self->guide, "visible",
                                         G_BINDING_SYNC_CREATE, invert_cb, NULL, NULL, NULL);
  g_ptr_array_add (self->bindings, binding);
  binding = g_object_bind_property (self->state, "offered", self->history_row, "visible", G_BINDING_SYNC_CREATE);
  g_ptr_array_add (self->bindings, binding);
  binding = g_object_bind_property_full (self->state, "error", self->error_row, "title",
                                         G_BINDING_SYNC_CREATE, error_title_cb, NULL, NULL, NULL);
  g_ptr_array_add (self->bindings, binding);
  g_signal_connect_swapped (self->state, "notify::status", G_CALLBACK (status_changed_cb), self);
  g_signal_connect_swapped (self->state, "notify::loading", G_CALLBACK (update_spinner), self);
}

/**
 * porta_pin_card_set_pin_state:
 * @self: a #PortaPinCard
 * @state: (nullable): the PIN state to show, the session's
 *
 * Shows @state, reading it if nobody has yet, and the history of its
 * organization's PIN.
 */
void
porta_pin_card_set_pin_state (PortaPinCard  *self,
                              PortaPinState *state)
{
  PortaClient *old_client;
  PortaPinStatus *old_status;

  g_return_if_fail (PORTA_IS_PIN_CARD (self));
  g_return_if_fail (state == NULL || PORTA_IS_PIN_STATE (state));

  if (state == self->state)
    return;

  old_client = client_of (self);
  old_status = porta_pin_card_get_status (self);
  hide_pin (self);
  clear_history (self);
  unbind_state (self);
  g_set_object (&self->state, state);
  bind_state (self);
  update_status (self);
  if (self->state != NULL)
    porta_pin_state_load (self->state);
  reload_history (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIN_STATE]);
  if (old_client != client_of (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  if (old_status != porta_pin_card_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * porta_pin_card_get_pin_state:
 *
 * Returns: (transfer none) (nullable): the PIN state shown
 */
PortaPinState *
porta_pin_card_get_pin_state (PortaPinCard *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_CARD (self), NULL);
  return self->state;
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
  return self->state != NULL ? porta_pin_state_get_status (self->state) : NULL;
}
