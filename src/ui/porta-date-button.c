/* porta-date-button.c — a day to pick, never one too soon
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one FOC date picker: the new-order dialog and the order details
 * both use it, so a day is offered or refused the same way in both
 * (issue 12). A button shows the chosen day; its popover holds a
 * calendar and, under it, the first day allowed or, for a day before it,
 * the rule's reason (porta-order-rules.c). The owner sets `earliest`
 * from the rules; `allowed` and `message` follow `date`.
 *
 * A click on an allowed day picks it and closes the popover; a day too
 * soon keeps it open, with the reason. The arrows that change the month
 * leave it open too. The keyboard moves through the days; Enter or space
 * picks one, Escape closes.
 */
#define G_LOG_DOMAIN "porta-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-date-button.h"
#include "porta-order-rules.h"

struct _PortaDateButton
{
  AdwBin              parent_instance;

  GDateTime          *date;
  GDateTime          *earliest;
  gboolean            allowed;
  char               *message;

  GtkMenuButton      *button;
  GtkPopover         *popover;
  GtkCalendar        *calendar;
  GtkLabel           *message_label;
  GtkLabel           *date_label;

  /* a day was picked between a press and its release */
  gboolean            day_picked;
  /* the calendar's own key handling (see calendar_key_cb) */
  GtkEventController *calendar_keys;
};

G_DEFINE_FINAL_TYPE (PortaDateButton, porta_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_EARLIEST,
  PROP_ALLOWED,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
day_of (GDateTime *date_time)
{
  return g_date_time_new_local (g_date_time_get_year (date_time),
                                g_date_time_get_month (date_time),
                                g_date_time_get_day_of_month (date_time),
                                0, 0, 0);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* allowed and message follow date and earliest */
static void
update_allowed (PortaDateButton *self)
{
  gboolean allowed = TRUE;
  g_autofree char *message = NULL;

  if (self->earliest != NULL)
    {
      allowed = self->date != NULL && g_date_time_compare (self->date, self->earliest) >= 0;
      message = allowed ? porta_order_rules_dup_earliest_hint (self->earliest)
                        : porta_order_rules_dup_too_soon_message (self->earliest);
    }

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (allowed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  porta_a11y_describe (GTK_WIDGET (self->calendar), message, !allowed);

  if (g_strcmp0 (message, self->message) != 0)
    {
      g_free (self->message);
      self->message = g_steal_pointer (&message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (allowed != self->allowed)
    {
      self->allowed = allowed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOWED]);
    }
}

static void
update_label (PortaDateButton *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->date == NULL)
    return;
  /* Translators: the requested transfer date on its button, in strftime
   * format, as in "Thu 26 Nov 2026" */
  text = g_date_time_format (self->date, _("%a %-d %b %Y"));
  gtk_label_set_text (self->date_label, text);
  /* Translators: the accessible name of the date button; %s is the date */
  label = g_strdup_printf (_("Requested transfer date: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The calendar is the one place the date is kept while it is shown:
 * whatever moves it (a click, the keyboard, the month arrows) is the
 * new date */
static void
calendar_changed_cb (PortaDateButton *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) day = day_of (shown);

  if (same_day (day, self->date))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&day);
  update_label (self);
  update_allowed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
day_selected_cb (PortaDateButton *self)
{
  self->day_picked = TRUE;
  calendar_changed_cb (self);
}

static void
popover_show_cb (PortaDateButton *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static gboolean
calendar_event_cb (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   PortaDateButton          *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
      self->day_picked = FALSE;
      break;
    case GDK_BUTTON_RELEASE:
      if (self->day_picked && self->allowed)
        gtk_popover_popdown (self->popover);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
popdown_idle_cb (gpointer user_data)
{
  PortaDateButton *self = user_data;

  if (self->popover != NULL && self->allowed)
    gtk_popover_popdown (self->popover);
  return G_SOURCE_REMOVE;
}

static gboolean
calendar_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 PortaDateButton       *self)
{
  gboolean handled = FALSE;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter
      && keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;

  /* The arrows only move the calendar's focus; GTK 4.8's calendar picks
   * the focused day on space, and ignores Enter: Enter does what space
   * does, as a person choosing a date expects. */
  if (keyval != GDK_KEY_space && self->calendar_keys != NULL)
    g_signal_emit_by_name (self->calendar_keys, "key-pressed", GDK_KEY_space, keycode, state, &handled);

  /* the popover closes once the calendar has picked an allowed day */
  g_idle_add_full (G_PRIORITY_DEFAULT, popdown_idle_cb, g_object_ref (self), g_object_unref);
  return handled ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
porta_date_button_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  PortaDateButton *self = PORTA_DATE_BUTTON (widget);

  /* an action row that names this as its activatable widget opens it */
  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->button), group_cycling);
}

static void
porta_date_button_dispose (GObject *object)
{
  PortaDateButton *self = PORTA_DATE_BUTTON (object);

  self->calendar_keys = NULL;
  /* the button is both AdwBin's child and a template child: AdwBin lets
   * go of it first, or it would unparent it again once it is gone */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_DATE_BUTTON);
  self->popover = NULL;

  G_OBJECT_CLASS (porta_date_button_parent_class)->dispose (object);
}

static void
porta_date_button_finalize (GObject *object)
{
  PortaDateButton *self = PORTA_DATE_BUTTON (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->earliest, g_date_time_unref);
  g_free (self->message);

  G_OBJECT_CLASS (porta_date_button_parent_class)->finalize (object);
}

static void
porta_date_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortaDateButton *self = PORTA_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_EARLIEST:
      g_value_set_boxed (value, self->earliest);
      break;
    case PROP_ALLOWED:
      g_value_set_boolean (value, self->allowed);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_date_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortaDateButton *self = PORTA_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      porta_date_button_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_EARLIEST:
      porta_date_button_set_earliest (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_date_button_class_init (PortaDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_date_button_dispose;
  object_class->finalize = porta_date_button_finalize;
  object_class->get_property = porta_date_button_get_property;
  object_class->set_property = porta_date_button_set_property;

  widget_class->mnemonic_activate = porta_date_button_mnemonic_activate;

  /**
   * PortaDateButton:date:
   *
   * The chosen day, at local midnight.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaDateButton:earliest:
   *
   * The first day allowed (porta_order_rules_earliest_foc_day()), or
   * %NULL for any.
   */
  properties[PROP_EARLIEST] =
    g_param_spec_boxed ("earliest", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaDateButton:allowed:
   *
   * Whether the chosen day is not before the earliest.
   */
  properties[PROP_ALLOWED] =
    g_param_spec_boolean ("allowed", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaDateButton:message:
   *
   * The first day allowed, in words, or why the chosen one is refused.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, PortaDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, PortaDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, PortaDateButton, message_label);
  gtk_widget_class_bind_template_child (widget_class, PortaDateButton, date_label);
  gtk_widget_class_bind_template_callback (widget_class, calendar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
}

static void
porta_date_button_init (PortaDateButton *self)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *controller;

  self->allowed = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (calendar_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (self->calendar));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && self->calendar_keys == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (item))
        self->calendar_keys = GTK_EVENT_CONTROLLER (item);
    }
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (calendar_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);

  calendar_changed_cb (self);
}

/**
 * porta_date_button_new:
 *
 * Returns: (transfer floating): a date button showing today, any day allowed
 */
GtkWidget *
porta_date_button_new (void)
{
  return g_object_new (PORTA_TYPE_DATE_BUTTON, NULL);
}

/**
 * porta_date_button_get_date:
 *
 * Returns: (transfer none): the chosen day, at local midnight
 */
GDateTime *
porta_date_button_get_date (PortaDateButton *self)
{
  g_return_val_if_fail (PORTA_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

/**
 * porta_date_button_set_date:
 * @date: a day (its local year, month and day count)
 */
void
porta_date_button_set_date (PortaDateButton *self,
                            GDateTime       *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (PORTA_IS_DATE_BUTTON (self));
  g_return_if_fail (date != NULL);

  local = g_date_time_to_local (date);
  /* the calendar tells calendar_changed_cb, which notifies */
  gtk_calendar_select_day (self->calendar, local);
}

/**
 * porta_date_button_get_earliest:
 *
 * Returns: (transfer none) (nullable): the first day allowed
 */
GDateTime *
porta_date_button_get_earliest (PortaDateButton *self)
{
  g_return_val_if_fail (PORTA_IS_DATE_BUTTON (self), NULL);
  return self->earliest;
}

/**
 * porta_date_button_set_earliest:
 * @earliest: (nullable): the first day allowed, or %NULL for any
 */
void
porta_date_button_set_earliest (PortaDateButton *self,
                                GDateTime       *earliest)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (PORTA_IS_DATE_BUTTON (self));

  if (earliest != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (earliest);

      day = day_of (local);
    }
  if (same_day (day, self->earliest))
    return;
  g_clear_pointer (&self->earliest, g_date_time_unref);
  self->earliest = g_steal_pointer (&day);
  update_allowed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EARLIEST]);
}

/**
 * porta_date_button_get_allowed:
 *
 * Returns: whether the chosen day is not before the earliest allowed
 */
gboolean
porta_date_button_get_allowed (PortaDateButton *self)
{
  g_return_val_if_fail (PORTA_IS_DATE_BUTTON (self), FALSE);
  return self->allowed;
}

/**
 * porta_date_button_get_message:
 *
 * Returns: (transfer none) (nullable): the first day allowed in words, or
 *   why the chosen day is refused
 */
const char *
porta_date_button_get_message (PortaDateButton *self)
{
  g_return_val_if_fail (PORTA_IS_DATE_BUTTON (self), NULL);
  return self->message;
}

/**
 * porta_date_button_popdown:
 *
 * Closes the calendar, if it is open.
 */
void
porta_date_button_popdown (PortaDateButton *self)
{
  g_return_if_fail (PORTA_IS_DATE_BUTTON (self));
  gtk_popover_popdown (self->popover);
}
