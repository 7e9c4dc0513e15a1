/* porta-new-order-dialog.c — create a port-in order
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal form for everything a port-in order needs (docs/admin-api.md,
 * §4.3). The numbers are pasted as a list (PortaNumbersEditor), the date
 * is picked with the FOC date button the order details use too
 * (PortaDateButton), and what is allowed is porta-order-rules.c's word.
 * Fields say what is wrong as the admin types (an empty field only once
 * it was left, or when Create is tried), Create is enabled only when the
 * server would accept the order as far as Porta can tell, and whatever
 * the server still refuses lands on the field, or the line, it is about.
 */
#define G_LOG_DOMAIN "porta-new-order-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-banner.h"
#include "porta-date-button.h"
#include "porta-error.h"
#include "porta-new-order-dialog.h"
#include "porta-numbers-editor.h"
#include "porta-order-rules.h"
#include "porta-pin.h"

struct _PortaNewOrderDialog
{
  AdwWindow          parent_instance;

  PortaClient       *client;
  GListModel        *known_numbers;
  GCancellable      *cancellable;

  gboolean           creating;
  /* Create was tried on an incomplete form: every empty field says so */
  gboolean           reveal_all;
  gboolean           visited[PORTA_ORDER_N_FIELDS];
  gboolean           focused[PORTA_ORDER_N_FIELDS];
  /* The server's word on a field, translated, until the field changes */
  char              *server_message[PORTA_ORDER_N_FIELDS];

  /* the numbers of the request in flight, to map `telephoneNumbers[i]`
   * back to their lines */
  GStrv              sent_numbers;

  GtkWidget         *field_widget[PORTA_ORDER_N_FIELDS];
  GtkLabel          *hint[PORTA_ORDER_N_FIELDS];
  GtkLabel          *error[PORTA_ORDER_N_FIELDS];

  GtkWidget         *create_button;
  GtkSpinner        *spinner;
  PortaBanner       *banner;
  GtkWidget         *form;
  AdwEntryRow       *name_row;
  GtkLabel          *name_hint;
  GtkLabel          *name_error;
  PortaNumbersEditor *numbers_editor;
  AdwEntryRow       *carrier_row;
  GtkLabel          *carrier_hint;
  GtkLabel          *carrier_error;
  AdwEntryRow       *account_row;
  GtkLabel          *account_hint;
  GtkLabel          *account_error;
  AdwEntryRow       *billing_row;
  GtkLabel          *billing_hint;
  GtkLabel          *billing_error;
  AdwEntryRow       *carrier_pin_row;
  GtkLabel          *carrier_pin_hint;
  GtkLabel          *carrier_pin_error;
  AdwActionRow      *date_row;
  PortaDateButton   *date_button;
  GtkLabel          *date_hint;
  GtkLabel          *date_error;
  AdwEntryRow       *authorized_row;
  GtkLabel          *authorized_hint;
  GtkLabel          *authorized_error;
};

G_DEFINE_FINAL_TYPE (PortaNewOrderDialog, porta_new_order_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KNOWN_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (PortaNewOrderDialog *self);

/* ---- the date ----------------------------------------------------------- */

/* The first day allowed, by the rules, as of now: the dialog may stay
 * open over midnight */
static void
update_earliest (PortaNewOrderDialog *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);

  porta_date_button_set_earliest (self->date_button, earliest);
}

/* ---- validation --------------------------------------------------------- */

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static AdwEntryRow *
row_of (PortaNewOrderDialog *self,
        PortaOrderField      field)
{
  switch (field)
    {
    case PORTA_ORDER_FIELD_NAME: return self->name_row;
    case PORTA_ORDER_FIELD_CARRIER: return self->carrier_row;
    case PORTA_ORDER_FIELD_ACCOUNT: return self->account_row;
    case PORTA_ORDER_FIELD_BILLING: return self->billing_row;
    case PORTA_ORDER_FIELD_CARRIER_PIN: return self->carrier_pin_row;
    case PORTA_ORDER_FIELD_AUTHORIZED_BY: return self->authorized_row;
    case PORTA_ORDER_FIELD_NUMBERS:
    case PORTA_ORDER_FIELD_DATE:
    case PORTA_ORDER_N_FIELDS:
    default:
      return NULL;
    }
}

/* Whether @field holds what the server wants, and the message to show
 * now (NULL for none): an empty field is only called so once visited. */
static gboolean
check_field (PortaNewOrderDialog  *self,
             PortaOrderField       field,
             char                **message)
{
  gboolean show_empty = self->visited[field] || self->reveal_all;
  AdwEntryRow *row = row_of (self, field);

  *message = NULL;

  if (field == PORTA_ORDER_FIELD_NUMBERS)
    {
      g_autofree char *lines_message = NULL;
      gboolean ok = porta_numbers_editor_check (self->numbers_editor, show_empty, &lines_message);

      if (self->server_message[field] != NULL)
        *message = g_strdup (self->server_message[field]);
      else
        *message = g_steal_pointer (&lines_message);
      return ok && self->server_message[field] == NULL;
    }

  if (field == PORTA_ORDER_FIELD_DATE)
    {
      if (!porta_date_button_get_allowed (self->date_button))
        *message = g_strdup (porta_date_button_get_message (self->date_button));
      else if (self->server_message[field] != NULL)
        *message = g_strdup (self->server_message[field]);
      return *message == NULL;
    }

  {
    /* The PIN is read in place and measured, never copied */
    const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
    g_autofree char *trimmed = field == PORTA_ORDER_FIELD_CARRIER_PIN ? NULL : dup_trimmed (row);
    PortaNumberCheck check = PORTA_NUMBER_CHECK_OK;

    if (self->server_message[field] != NULL)
      {
        *message = g_strdup (self->server_message[field]);
        return FALSE;
      }
    switch (porta_order_rules_check_field (field, trimmed != NULL ? trimmed : text, &check))
      {
      case PORTA_FIELD_CHECK_OK:
        return TRUE;
      case PORTA_FIELD_CHECK_EMPTY:
        if (show_empty)
          *message = g_strdup (porta_order_field_required_message (field));
        return FALSE;
      case PORTA_FIELD_CHECK_TOO_LONG:
        *message = porta_order_field_too_long_message (field);
        return FALSE;
      case PORTA_FIELD_CHECK_BAD_NUMBER:
      default:
        /* still being typed: not "too short" yet */
        if (!(check == PORTA_NUMBER_CHECK_TOO_SHORT && self->focused[field] && !self->reveal_all))
          *message = g_strdup (porta_number_check_message (check));
        return FALSE;
      }
  }
}

static gboolean
can_create (PortaNewOrderDialog *self)
{
  if (self->creating)
    return FALSE;
  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      if (!check_field (self, field, &message))
        return FALSE;
    }
  return TRUE;
}

static void
show_field (PortaNewOrderDialog *self,
            PortaOrderField      field,
            const char          *message)
{
  GtkWidget *widget = self->field_widget[field];
  const char *hint;
  gboolean invalid = message != NULL;

  /* the numbers show their own, beside their lines' */
  if (field == PORTA_ORDER_FIELD_NUMBERS)
    {
      porta_numbers_editor_show (self->numbers_editor, message,
                                 self->focused[field] && !self->reveal_all);
      return;
    }

  /* the problem takes the hint's place */
  hint = gtk_label_get_text (self->hint[field]);
  gtk_label_set_text (self->error[field], message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error[field]), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->hint[field]), hint[0] != '\0' && message == NULL);

  if (ADW_IS_PREFERENCES_ROW (widget) || field == PORTA_ORDER_FIELD_DATE)
    {
      GtkWidget *row = field == PORTA_ORDER_FIELD_DATE ? GTK_WIDGET (self->date_row) : widget;

      if (invalid)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  porta_a11y_describe (widget, message != NULL ? message : hint, invalid);
}

static void
update_state (PortaNewOrderDialog *self)
{
  if (self->numbers_editor == NULL)
    return;

  update_earliest (self);
  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      check_field (self, field, &message);
      show_field (self, field, message);
    }

  gtk_widget_set_sensitive (self->form, !self->creating);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->creating);
  gtk_spinner_set_spinning (self->spinner, self->creating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-order.create", can_create (self));
}

/* ---- focus, and what the server said ------------------------------------ */

static void
focus_field (PortaNewOrderDialog *self,
             PortaOrderField      field)
{
  GtkWidget *widget = self->field_widget[field];

  if (field == PORTA_ORDER_FIELD_NUMBERS)
    /* at the first bad number, if there is one */
    porta_numbers_editor_focus_first_problem (self->numbers_editor);
  else if (ADW_IS_ENTRY_ROW (widget))
    /* without selecting the text, for the next keystroke to replace */
    gtk_text_grab_focus_without_selecting (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (widget))));
  else
    gtk_widget_grab_focus (widget);
}

static gboolean
focus_first_problem (PortaNewOrderDialog *self)
{
  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      if (!check_field (self, field, &message))
        {
          focus_field (self, field);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_banner (PortaNewOrderDialog *self,
             const char          *message)
{
  porta_banner_set_title (self->banner, message != NULL ? message : "");
  porta_banner_set_revealed (self->banner, message != NULL);

  /* Create is where the focus goes after such a problem, to try again:
   * a screen reader reads the problem with it */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->create_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->create_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Puts each of the server's problems on its field, or its line. Returns
 * whether all of them found one. */
static gboolean
place_field_errors (PortaNewOrderDialog *self,
                    GPtrArray           *problems)
{
  gboolean all_placed = TRUE;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const PortaFieldError *problem = problems->pdata[i];
      const char *target = problem->target != NULL ? problem->target : "";
      gboolean placed = FALSE;
      guint index;
      PortaOrderField field;

      if (porta_order_rules_number_index (target, &index))
        {
          if (self->sent_numbers != NULL && index < g_strv_length (self->sent_numbers))
            {
              porta_numbers_editor_add_server_problem (self->numbers_editor, self->sent_numbers[index], problem);
              placed = TRUE;
            }
        }
      else if (porta_order_rules_field_of_target (target, &field))
        {
          g_free (self->server_message[field]);
          self->server_message[field] = porta_order_rules_server_message (field, problem);
          placed = TRUE;
        }

      if (!placed)
        {
          g_debug ("A problem with no field: %s %s: %s", target, problem->code, problem->message);
          all_placed = FALSE;
        }
    }

  return all_placed;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PortaNewOrderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPortOrder) order = NULL;
  GPtrArray *problems;

  order = porta_client_create_port_order_finish (PORTA_CLIENT (object), result, &error);

  /* Closed meanwhile: nobody is waiting for the answer */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->creating = FALSE;

  if (order != NULL)
    {
      g_clear_pointer (&self->sent_numbers, g_strfreev);
      g_signal_emit (self, signals[CREATED], 0, order);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_debug ("The order was not created: %s", error->message);

  problems = porta_error_get_field_errors (error);
  if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_INVALID_REQUEST)
      && problems != NULL && problems->len > 0)
    {
      /* what found no field still needs saying */
      if (!place_field_errors (self, problems))
        show_banner (self, error->message);
    }
  else
    show_banner (self, error->message);

  g_clear_pointer (&self->sent_numbers, g_strfreev);
  update_state (self);

  /* back to the first thing to fix, its message read out with it; or,
   * when nothing in the form is wrong, to Create, to try again */
  if (!focus_first_problem (self))
    gtk_widget_grab_focus (self->create_button);
}

static void
try_create (PortaNewOrderDialog *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *name = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *account = NULL;
  g_autofree char *billing = NULL;
  g_autofree char *authorized_by = NULL;
  g_autofree char *billing_text = NULL;
  PortaNewPortOrder order;
  char *pin;

  /* One request, however often Create, Enter or Ctrl+Enter is pressed:
   * the action is disabled while creating, and this holds even if an
   * activation was already queued. */
  if (self->creating)
    return;

  /* the time sent with the day: by the rules, as of now */
  update_earliest (self);
  date_time = porta_order_rules_foc_for_day (porta_date_button_get_date (self->date_button), now, tz);
  if (date_time == NULL || !can_create (self))
    {
      /* say everything that is missing, and go to the first of it */
      self->reveal_all = TRUE;
      update_state (self);
      focus_first_problem (self);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  name = dup_trimmed (self->name_row);
  carrier = dup_trimmed (self->carrier_row);
  account = dup_trimmed (self->account_row);
  billing_text = dup_trimmed (self->billing_row);
  porta_order_rules_parse_number (billing_text, &billing);
  authorized_by = dup_trimmed (self->authorized_row);

  /* Let go of the focus before the form turns insensitive: a focused
   * GtkText made insensitive keeps its cursor blinking. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  self->creating = TRUE;
  show_banner (self, NULL);
  g_strfreev (self->sent_numbers);
  self->sent_numbers = porta_numbers_editor_dup_numbers (self->numbers_editor);
  update_state (self);

  /* The only copy of the carrier PIN Porta makes, wiped as soon as the
   * client has built its request body (it keeps none). */
  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->carrier_pin_row)));
  order = (PortaNewPortOrder) {
    .display_name = name,
    .telephone_numbers = (const char * const *) self->sent_numbers,
    .carrier_name = carrier,
    .account_number = account,
    .billing_telephone_number = billing,
    .carrier_pin = pin,
    .requested_foc_date_time = date_time,
    .authorized_by = authorized_by,
  };
  porta_client_create_port_order_async (self->client, &order, self->cancellable,
                                        created_cb, g_object_ref (self));
  porta_pin_free (pin);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  try_create (PORTA_NEW_ORDER_DIALOG (widget));
}

/* GtkTextView takes Ctrl+Enter for a new line: the list of numbers
 * hands it to the dialog first */
static gboolean
numbers_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PortaNewOrderDialog   *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & gtk_accelerator_get_default_mod_mask ()) == GDK_CONTROL_MASK)
    {
      try_create (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
create_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  try_create (PORTA_NEW_ORDER_DIALOG (widget));
  return TRUE;
}

/* ---- signals from the fields -------------------------------------------- */

static PortaOrderField
field_of (PortaNewOrderDialog *self,
          gpointer             widget)
{
  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    if (self->field_widget[field] == widget)
      return field;
  g_return_val_if_reached (PORTA_ORDER_FIELD_NAME);
}

static void
row_changed_cb (PortaNewOrderDialog *self,
                AdwEntryRow         *row)
{
  PortaOrderField field = field_of (self, row);

  /* an edit answers the server's last word on the field */
  g_clear_pointer (&self->server_message[field], g_free);
  update_state (self);
}

static void
row_activated_cb (PortaNewOrderDialog *self,
                  AdwEntryRow         *row)
{
  PortaOrderField field = field_of (self, row);

  /* Enter moves on to the next field, as a person filling in a form
   * expects; on the last one it creates the order, or says what is
   * missing. */
  if (field == PORTA_ORDER_FIELD_AUTHORIZED_BY)
    try_create (self);
  else
    focus_field (self, field + 1);
}

static void
numbers_changed_cb (PortaNewOrderDialog *self)
{
  g_clear_pointer (&self->server_message[PORTA_ORDER_FIELD_NUMBERS], g_free);
  update_state (self);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                PortaNewOrderDialog     *self)
{
  PortaOrderField field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->focused[field] = TRUE;
  update_state (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                PortaNewOrderDialog     *self)
{
  PortaOrderField field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->focused[field] = FALSE;
  self->visited[field] = TRUE;
  update_state (self);
}

static void
date_changed_cb (PortaNewOrderDialog *self)
{
  g_clear_pointer (&self->server_message[PORTA_ORDER_FIELD_DATE], g_free);
  update_state (self);
}

/* ---- the window --------------------------------------------------------- */

static gboolean
porta_new_order_dialog_close_request (GtkWindow *window)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (window);

  /* Closing while creating abandons the answer (the server may still
   * have taken the order: the list shows it at its next refresh). */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (porta_new_order_dialog_parent_class)->close_request (window);
}

static void
porta_new_order_dialog_constructed (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->constructed (object);

  g_assert (PORTA_IS_CLIENT (self->client));

  porta_numbers_editor_set_known_numbers (self->numbers_editor, self->known_numbers);
  update_state (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

static void
porta_new_order_dialog_dispose (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->carrier_pin_row != NULL)
    {
      /* Clear the carrier PIN: AdwPasswordEntryRow keeps it in a
       * GtkPasswordEntryBuffer (non-pageable memory, wiped when freed). */
      g_signal_handlers_disconnect_by_data (self->carrier_pin_row, self);
      gtk_editable_set_text (GTK_EDITABLE (self->carrier_pin_row), "");
    }
  if (self->numbers_editor != NULL)
    g_signal_handlers_disconnect_by_data (self->numbers_editor, self);
  if (self->date_button != NULL)
    g_signal_handlers_disconnect_by_data (self->date_button, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_NEW_ORDER_DIALOG);
  self->numbers_editor = NULL;
  self->date_button = NULL;
  self->carrier_pin_row = NULL;
  g_clear_object (&self->client);
  g_clear_object (&self->known_numbers);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->dispose (object);
}

static void
porta_new_order_dialog_finalize (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  g_strfreev (self->sent_numbers);
  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    g_free (self->server_message[field]);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->finalize (object);
}

static void
porta_new_order_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_KNOWN_NUMBERS:
      g_value_set_object (value, self->known_numbers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_new_order_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_KNOWN_NUMBERS:
      self->known_numbers = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_new_order_dialog_class_init (PortaNewOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_new_order_dialog_constructed;
  object_class->dispose = porta_new_order_dialog_dispose;
  object_class->finalize = porta_new_order_dialog_finalize;
  object_class->get_property = porta_new_order_dialog_get_property;
  object_class->set_property = porta_new_order_dialog_set_property;

  window_class->close_request = porta_new_order_dialog_close_request;

  /**
   * PortaNewOrderDialog:client:
   *
   * The client that sends the order.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaNewOrderDialog:known-numbers:
   *
   * The organization's numbers (#PortaPhoneNumber items), as far as they
   * are loaded, or %NULL: a line with one of them is flagged at once,
   * before the server would refuse it. Numbers that arrive later are
   * taken into account as they come.
   */
  properties[PROP_KNOWN_NUMBERS] =
    g_param_spec_object ("known-numbers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaNewOrderDialog::created:
   * @order: the new order, as the server returned it
   *
   * The server accepted the order; the dialog closes itself right after.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTA_TYPE_PORT_ORDER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-new-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, form);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_editor);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_error);
  gtk_widget_class_bind_template_callback (widget_class, numbers_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_state);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "new-order.create", NULL, create_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Ctrl+Enter creates from anywhere, the list of numbers included, or
   * says what is missing: so it works even while Create is disabled */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, create_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, create_shortcut_cb, NULL);
}

static void
porta_new_order_dialog_init (PortaNewOrderDialog *self)
{
  g_autofree char *date_hint = NULL;
  GtkEventController *controller;

  g_type_ensure (PORTA_TYPE_BANNER);
  g_type_ensure (PORTA_TYPE_DATE_BUTTON);
  g_type_ensure (PORTA_TYPE_NUMBERS_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->field_widget[PORTA_ORDER_FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->field_widget[PORTA_ORDER_FIELD_NUMBERS] = porta_numbers_editor_get_view (self->numbers_editor);
  self->field_widget[PORTA_ORDER_FIELD_CARRIER] = GTK_WIDGET (self->carrier_row);
  self->field_widget[PORTA_ORDER_FIELD_ACCOUNT] = GTK_WIDGET (self->account_row);
  self->field_widget[PORTA_ORDER_FIELD_BILLING] = GTK_WIDGET (self->billing_row);
  self->field_widget[PORTA_ORDER_FIELD_CARRIER_PIN] = GTK_WIDGET (self->carrier_pin_row);
  self->field_widget[PORTA_ORDER_FIELD_DATE] = GTK_WIDGET (self->date_button);
  self->field_widget[PORTA_ORDER_FIELD_AUTHORIZED_BY] = GTK_WIDGET (self->authorized_row);
  self->hint[PORTA_ORDER_FIELD_NAME] = self->name_hint;
  self->hint[PORTA_ORDER_FIELD_CARRIER] = self->carrier_hint;
  self->hint[PORTA_ORDER_FIELD_ACCOUNT] = self->account_hint;
  self->hint[PORTA_ORDER_FIELD_BILLING] = self->billing_hint;
  self->hint[PORTA_ORDER_FIELD_CARRIER_PIN] = self->carrier_pin_hint;
  self->hint[PORTA_ORDER_FIELD_DATE] = self->date_hint;
  self->hint[PORTA_ORDER_FIELD_AUTHORIZED_BY] = self->authorized_hint;
  self->error[PORTA_ORDER_FIELD_NAME] = self->name_error;
  self->error[PORTA_ORDER_FIELD_CARRIER] = self->carrier_error;
  self->error[PORTA_ORDER_FIELD_ACCOUNT] = self->account_error;
  self->error[PORTA_ORDER_FIELD_BILLING] = self->billing_error;
  self->error[PORTA_ORDER_FIELD_CARRIER_PIN] = self->carrier_pin_error;
  self->error[PORTA_ORDER_FIELD_DATE] = self->date_error;
  self->error[PORTA_ORDER_FIELD_AUTHORIZED_BY] = self->authorized_error;

  date_hint = porta_order_rules_dup_lead_hint ();
  gtk_label_set_text (self->date_hint, date_hint);

  for (PortaOrderField field = 0; field < PORTA_ORDER_N_FIELDS; field++)
    {
      GtkWidget *widget = self->field_widget[field];

      controller = gtk_event_controller_focus_new ();
      g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
      g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (widget, controller);

      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (row_changed_cb), self);
          g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (row_activated_cb), self);
          /* the text is what takes the focus: give it the row's name */
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget))),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                          -1);
        }
    }

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (numbers_key_cb), self);
  gtk_widget_add_controller (self->field_widget[PORTA_ORDER_FIELD_NUMBERS], controller);

  /* the date: the first one allowed, unless the admin picks another */
  update_earliest (self);
  porta_date_button_set_date (self->date_button, porta_date_button_get_earliest (self->date_button));
}

/**
 * porta_new_order_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @client: the client that sends the order
 * @known_numbers: (nullable): the organization's numbers
 *   (#PortaPhoneNumber items), as far as they are loaded
 *
 * Creates the dialog for a new port-in order. It is modal and closes
 * itself after #PortaNewOrderDialog::created, for the caller to select
 * the new order.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
PortaNewOrderDialog *
porta_new_order_dialog_new (GtkWindow   *parent,
                            PortaClient *client,
                            GListModel  *known_numbers)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PORTA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (known_numbers == NULL || G_IS_LIST_MODEL (known_numbers), NULL);

  return g_object_new (PORTA_TYPE_NEW_ORDER_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "known-numbers", known_numbers,
                       NULL);
}
