/* porta-order-details.c — one port order, all of it
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field, the numbers (copyable), the status history as a
 * timeline, what the status means and what happens next, and exactly
 * the actions the status allows: Cancel Order (after confirmation) and
 * Change FOC Date, with the date button of the new-order dialog and the
 * rules of porta-order-rules.c, so both offer the same days.
 */
#define G_LOG_DOMAIN "porta-order-details"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-date-button.h"
#include "porta-enums.h"
#include "porta-order-details.h"
#include "porta-order-rules.h"
#include "porta-phone-number.h"
#include "porta-status-badge.h"

struct _PortaOrderDetails
{
  AdwBin               parent_instance;

  PortaClient         *client;
  PortaPortOrder      *order;
  GCancellable        *cancellable;
  GPtrArray           *rows;           /* (group, row) pairs to remove */

  GtkImage            *direction_icon;
  GtkLabel            *title_label;
  PortaStatusBadge    *badge;
  GtkLabel            *direction_label;
  GtkLabel            *meaning_label;
  GtkBox              *error_box;
  GtkLabel            *error_label;
  GtkMenuButton       *foc_button;
  GtkPopover          *foc_popover;
  PortaDateButton     *foc_date;
  GtkButton           *cancel_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *numbers_group;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (PortaOrderDetails, porta_order_details, ADW_TYPE_BIN)

enum {
  SIGNAL_BACK,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- shared with the list ---------------------------------------------- */

/**
 * porta_order_format_date:
 * @date_time: (nullable): a date and time
 *
 * Returns: (transfer full): the date in the user's language ("26 nov 2026")
 */
char *
porta_order_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup (C_("no date", "—"));
  local = g_date_time_to_local (date_time);
  /* Translators: a date in strftime format, as in "26 Nov 2026"; put it in
   * your language's usual order */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/* ---- filling in -------------------------------------------------------- */

static void
clear_rows (PortaOrderDetails *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (PortaOrderDetails   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_escaped = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *subtitle_escaped = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_escaped);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_escaped);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_field (PortaOrderDetails *self,
           const char        *name,
           const char        *value)
{
  GtkWidget *row = add_row (self, self->fields_group, value && value[0] ? value : C_("no value", "—"), name);

  /* the name is the subtitle, the value the title: read it as "name: value" */
  gtk_widget_add_css_class (row, "property");
}

static void
copy_number_cb (GtkButton *button,
                gpointer   user_data)
{
  const char *number = g_object_get_data (G_OBJECT (button), "number");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), number);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-toast", "s", _("Number copied"));
}

static void
fill (PortaOrderDetails *self)
{
  PortaPortOrder *order = self->order;
  PortaPortOrderStatus status;
  PortaPortOrderDirection direction;
  const char * const *numbers;
  GPtrArray *history;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *requested = NULL;
  g_autofree char *foc = NULL;
  g_autofree char *numbers_title = NULL;
  gboolean port_in;

  clear_rows (self);
  if (order == NULL)
    return;

  status = porta_port_order_get_status (order);
  direction = porta_port_order_get_direction (order);
  port_in = direction == PORTA_PORT_ORDER_DIRECTION_PORT_IN;
  numbers = porta_port_order_get_telephone_numbers (order);

  gtk_label_set_label (self->title_label, porta_port_order_get_display_name (order));
  gtk_image_set_from_icon_name (self->direction_icon, port_in ? "call-incoming-symbolic" : "call-outgoing-symbolic");
  gtk_label_set_label (self->direction_label, porta_port_order_direction_get_label (direction));
  porta_status_badge_set_status (self->badge, status);
  gtk_label_set_label (self->meaning_label, porta_port_order_status_describe (status));

  gtk_widget_set_visible (GTK_WIDGET (self->error_box), status == PORTA_PORT_ORDER_STATUS_ERROR);
  if (status == PORTA_PORT_ORDER_STATUS_ERROR)
    {
      const char *message = porta_port_order_get_error_message (order);
      const char *code = porta_port_order_get_error_code (order);
      g_autofree char *text = NULL;

      if (code != NULL)
        /* Translators: the carrier's message about an order, then its code in brackets */
        text = g_strdup_printf (_("%s (%s)"), message ? message : _("The carrier reported a problem."), code);
      gtk_label_set_label (self->error_label, text ? text : message ? message : _("The carrier reported a problem."));
    }

  /* the actions the status allows, and no other */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), porta_port_order_get_can_cancel (order));
  gtk_widget_set_visible (GTK_WIDGET (self->foc_button), porta_port_order_get_can_change_foc_date (order));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order-details.cancel", porta_port_order_get_can_cancel (order));

  created = porta_order_format_date (porta_port_order_get_created_date_time (order));
  modified = porta_order_format_date (porta_port_order_get_last_modified_date_time (order));
  requested = porta_order_format_date (porta_port_order_get_requested_foc_date_time (order));
  foc = porta_order_format_date (porta_port_order_get_foc_date_time (order));

  add_field (self, _("Status"), porta_port_order_status_get_label (status));
  add_field (self, _("Direction"), porta_port_order_direction_get_label (direction));
  add_field (self, port_in ? _("Current carrier (losing carrier)") : _("New carrier (gaining carrier)"),
             porta_port_order_get_carrier_name (order));
  if (port_in)
    {
      add_field (self, _("Account number at the carrier"), porta_port_order_get_account_number (order));
      add_field (self, _("Billing telephone number"), porta_port_order_get_billing_telephone_number (order));
      add_field (self, _("Authorized by"), porta_port_order_get_authorized_by (order));
    }
  else
    add_field (self, _("Port-out PIN quoted by the new carrier"),
               porta_pin_verified_get_label (porta_port_order_get_pin_verified (order)));
  add_field (self, _("Requested FOC date"), requested);
  add_field (self, _("FOC date (confirmed transfer date)"), foc);
  add_field (self, _("Created"), created);
  add_field (self, _("Last changed"), modified);
  add_field (self, _("Order ID"), porta_port_order_get_id (order));

  numbers_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Number", "%u Numbers",
                                                g_strv_length ((char **) numbers)),
                                   g_strv_length ((char **) numbers));
  adw_preferences_group_set_title (self->numbers_group, numbers_title);
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autofree char *formatted = porta_phone_number_format_e164 (numbers[i]);
      GtkWidget *row = add_row (self, self->numbers_group, formatted, NULL);
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *accessible = NULL;

      /* Translators: the accessible name of a copy button; %s is a phone number */
      accessible = g_strdup_printf (_("Copy %s"), formatted);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy Number"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (copy), "number", g_strdup (numbers[i]), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_number_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }

  /* the timeline, newest first */
  history = porta_port_order_get_status_history (order);
  for (guint i = history ? history->len : 0; i > 0; i--)
    {
      PortaPortOrderEvent *event = g_ptr_array_index (history, i - 1);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (event->date_time != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (event->date_time);
          /* Translators: a date and time in strftime format, as in "26 Nov 2026, 14:05" */
          when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
        }
      if (event->note != NULL && when != NULL)
        /* Translators: when something happened to an order, then the carrier's note */
        subtitle = g_strdup_printf (_("%s — %s"), when, event->note);
      else
        subtitle = g_strdup (when ? when : event->note);
      row = add_row (self, self->history_group, porta_port_order_status_get_label (event->status), subtitle);
      icon = gtk_image_new_from_icon_name (porta_status_badge_icon_name (event->status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), history != NULL && history->len > 0);
}

/* ---- cancel ------------------------------------------------------------ */

static void
set_busy (PortaOrderDetails *self,
          gboolean           busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->foc_button), !busy);
}

static void
apply_update (PortaOrderDetails *self,
              PortaPortOrder    *updated)
{
  if (self->order != NULL && updated != NULL &&
      g_strcmp0 (porta_port_order_get_id (self->order), porta_port_order_get_id (updated)) == 0)
    porta_port_order_update_from (self->order, updated);
  fill (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* An action on the order came back: the order as the server has it now
 * and @done said, or the error said and the order asked for again (a
 * conflict means it moved on: show where it is now) */
static void
action_done (PortaOrderDetails *self,
             PortaPortOrder    *updated,
             const GError      *error,
             const char        *done)
{
  set_busy (self, FALSE);

  if (updated == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }

  apply_update (self, updated);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", done);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PortaOrderDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPortOrder) updated = NULL;

  updated = porta_client_cancel_port_order_finish (PORTA_CLIENT (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    action_done (self, updated, error, _("Order cancelled"));
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(PortaOrderDetails) self = user_data;

  if (g_strcmp0 (response, "cancel-order") != 0 || self->order == NULL || self->client == NULL)
    return;

  set_busy (self, TRUE);
  porta_client_cancel_port_order_async (self->client, porta_port_order_get_id (self->order),
                                        self->cancellable, cancelled_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PortaOrderDetails *self = PORTA_ORDER_DETAILS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->order == NULL || !porta_port_order_get_can_cancel (self->order))
    return;

  /* Translators: %s is the name of a port order */
  heading = g_strdup_printf (_("Cancel “%s”?"), porta_port_order_get_display_name (self->order));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   porta_port_order_get_direction (self->order) == PORTA_PORT_ORDER_DIRECTION_PORT_IN
                                   ? _("The numbers stay with their current carrier. A cancelled order cannot be "
                                       "resumed: to move them later, create a new order.")
                                   : _("The numbers stay in the organization. A cancelled order cannot be resumed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Order"),
                                    "cancel-order", _("_Cancel Order"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-order",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  porta_a11y_name_mnemonic_buttons_by_label (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (cancel_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- FOC date ---------------------------------------------------------- */

/* The first day allowed, by the rules, as of now */
static void
update_earliest_foc (PortaOrderDetails *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);

  porta_date_button_set_earliest (self->foc_date, earliest);
}

/* The date button says why a day is refused, under its calendar */
static void
foc_allowed_cb (PortaOrderDetails *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order-details.change-foc",
                                 porta_date_button_get_allowed (self->foc_date));
}

static void
foc_changed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PortaOrderDetails) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPortOrder) updated = NULL;

  updated = porta_client_set_foc_date_finish (PORTA_CLIENT (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    action_done (self, updated, error, _("Requested FOC date changed"));
}

static void
change_foc_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PortaOrderDetails *self = PORTA_ORDER_DETAILS (widget);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) chosen = NULL;

  if (self->order == NULL || self->client == NULL || !porta_port_order_get_can_change_foc_date (self->order))
    return;

  /* the time sent with the day: by the rules, as of now */
  update_earliest_foc (self);
  chosen = porta_order_rules_foc_for_day (porta_date_button_get_date (self->foc_date), now, tz);
  if (chosen == NULL)
    return;
  gtk_popover_popdown (self->foc_popover);
  set_busy (self, TRUE);
  porta_client_set_foc_date_async (self->client, porta_port_order_get_id (self->order), chosen,
                                   self->cancellable, foc_changed_cb, g_object_ref (self));
}

static void
foc_popover_shown_cb (PortaOrderDetails *self)
{
  GDateTime *current = self->order ? porta_port_order_get_requested_foc_date_time (self->order) : NULL;
  GDateTime *earliest;

  /* the order's date if it can still be had, or else the first one */
  update_earliest_foc (self);
  earliest = porta_date_button_get_earliest (self->foc_date);
  porta_date_button_set_date (self->foc_date,
                              current != NULL && g_date_time_compare (current, earliest) > 0 ? current : earliest);
  foc_allowed_cb (self);
}

/* ---- other actions ------------------------------------------------------ */

static void
copy_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PortaOrderDetails *self = PORTA_ORDER_DETAILS (widget);
  g_autofree char *all = NULL;

  if (self->order == NULL)
    return;
  all = g_strjoinv ("\n", (char **) porta_port_order_get_telephone_numbers (self->order));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), all);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Numbers copied"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_BACK], 0);
}

/* ---- the object -------------------------------------------------------- */

static void
order_notify_cb (PortaOrderDetails *self)
{
  fill (self);
}

static void
porta_order_details_dispose (GObject *object)
{
  PortaOrderDetails *self = PORTA_ORDER_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->order != NULL)
    g_signal_handlers_disconnect_by_data (self->order, self);
  g_clear_object (&self->order);
  g_clear_object (&self->client);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_ORDER_DETAILS);

  G_OBJECT_CLASS (porta_order_details_parent_class)->dispose (object);
}

static void
porta_order_details_class_init (PortaOrderDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_order_details_dispose;

  /**
   * PortaOrderDetails::back:
   *
   * The person wants the list again.
   */
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PortaOrderDetails::changed:
   *
   * An action changed the order, or found it changed: the list should
   * read it again.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PORTA_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-order-details.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, direction_icon);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, badge);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, direction_label);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, error_box);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, error_label);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, foc_button);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, foc_popover);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, foc_date);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, fields_group);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, PortaOrderDetails, history_group);
  gtk_widget_class_bind_template_callback (widget_class, foc_allowed_cb);

  gtk_widget_class_install_action (widget_class, "order-details.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "order-details.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "order-details.change-foc", NULL, change_foc_action);
  gtk_widget_class_install_action (widget_class, "order-details.copy-all", NULL, copy_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "order-details.back", NULL);
}

static void
porta_order_details_init (PortaOrderDetails *self)
{
  g_type_ensure (PORTA_TYPE_DATE_BUTTON);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->foc_popover, "show", G_CALLBACK (foc_popover_shown_cb), self);
  /* a first day and its message before the popover is first sized */
  update_earliest_foc (self);
  porta_date_button_set_date (self->foc_date, porta_date_button_get_earliest (self->foc_date));
}

void
porta_order_details_set_client (PortaOrderDetails *self,
                                PortaClient       *client)
{
  g_return_if_fail (PORTA_IS_ORDER_DETAILS (self));
  g_set_object (&self->client, client);
}

/**
 * porta_order_details_get_order:
 *
 * Returns: (transfer none) (nullable): the order shown
 */
PortaPortOrder *
porta_order_details_get_order (PortaOrderDetails *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_DETAILS (self), NULL);
  return self->order;
}

/**
 * porta_order_details_set_order:
 * @self: a #PortaOrderDetails
 * @order: (nullable): the order to show; changes to it show at once
 */
void
porta_order_details_set_order (PortaOrderDetails *self,
                               PortaPortOrder    *order)
{
  g_return_if_fail (PORTA_IS_ORDER_DETAILS (self));

  if (self->order == order)
    return;
  if (self->order != NULL)
    g_signal_handlers_disconnect_by_data (self->order, self);
  g_set_object (&self->order, order);
  if (order != NULL)
    g_signal_connect_swapped (order, "notify", G_CALLBACK (order_notify_cb), self);
  fill (self);
}
