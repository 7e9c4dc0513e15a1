/* porta-order-row.c — one port order in the Port orders list
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row that shows one PortaPortOrder and follows it: the template binds
 * the direction icon and the status badge to the order's properties, and
 * the title and subtitle follow its ::notify, so when a refresh or an
 * action updates the order (in place, see PortaOrderList) the row redraws
 * itself. This file holds the words of the subtitle and the icon for a
 * direction; the layout is in porta-order-row.ui.
 */
#define G_LOG_DOMAIN "porta-order-row"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-enums.h"
#include "porta-order-details.h"
#include "porta-order-row.h"
#include "porta-status-badge.h"

struct _PortaOrderRow
{
  AdwActionRow    parent_instance;

  PortaPortOrder *order;
};

G_DEFINE_FINAL_TYPE (PortaOrderRow, porta_order_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* a closure of porta-order-row.ui; @this is the row, not used */
static char *
direction_icon_closure (gpointer                 this,
                        PortaPortOrderDirection  direction)
{
  return g_strdup (direction == PORTA_PORT_ORDER_DIRECTION_PORT_IN ? "call-incoming-symbolic"
                                                                   : "call-outgoing-symbolic");
}

static char *
subtitle (PortaPortOrder *order)
{
  const char * const *numbers = porta_port_order_get_telephone_numbers (order);
  guint n = numbers != NULL ? g_strv_length ((char **) numbers) : 0;
  GDateTime *foc = porta_port_order_get_foc_date_time (order);
  g_autofree char *numbers_text = NULL;
  g_autofree char *foc_text = NULL;
  g_autofree char *created_text = porta_order_format_date (porta_port_order_get_created_date_time (order));

  if (foc == NULL)
    foc = porta_port_order_get_requested_foc_date_time (order);
  foc_text = porta_order_format_date (foc);
  numbers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number", "%u numbers", n), n);

  /* Translators: a port order in the list: its direction ("Port in"), how many
   * numbers, its FOC date, and when it was created */
  return g_strdup_printf (_("%s · %s · FOC %s · created %s"),
                          porta_port_order_direction_get_label (porta_port_order_get_direction (order)),
                          numbers_text, foc_text, created_text);
}

static void
update_text (PortaOrderRow *self)
{
  g_autofree char *text = NULL;

  if (self->order == NULL)
    return;
  text = subtitle (self->order);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), porta_port_order_get_display_name (self->order));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
}

static void
porta_order_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PortaOrderRow *self = PORTA_ORDER_ROW (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_order_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PortaOrderRow *self = PORTA_ORDER_ROW (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      porta_order_row_set_order (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_order_row_dispose (GObject *object)
{
  PortaOrderRow *self = PORTA_ORDER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_ORDER_ROW);
  if (self->order != NULL)
    g_signal_handlers_disconnect_by_func (self->order, update_text, self);
  g_clear_object (&self->order);

  G_OBJECT_CLASS (porta_order_row_parent_class)->dispose (object);
}

static void
porta_order_row_class_init (PortaOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_order_row_dispose;
  object_class->get_property = porta_order_row_get_property;
  object_class->set_property = porta_order_row_set_property;

  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, PORTA_TYPE_PORT_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_PORT_ORDER);
  g_type_ensure (PORTA_TYPE_STATUS_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-order-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, direction_icon_closure);
}

static void
porta_order_row_init (PortaOrderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * porta_order_row_new:
 * @order: (nullable): the order to show
 *
 * Returns: (transfer floating): a row that follows @order
 */
GtkWidget *
porta_order_row_new (PortaPortOrder *order)
{
  return g_object_new (PORTA_TYPE_ORDER_ROW, "order", order, NULL);
}

/**
 * porta_order_row_get_order:
 *
 * Returns: (transfer none) (nullable): the order shown
 */
PortaPortOrder *
porta_order_row_get_order (PortaOrderRow *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_ROW (self), NULL);
  return self->order;
}

void
porta_order_row_set_order (PortaOrderRow  *self,
                           PortaPortOrder *order)
{
  g_return_if_fail (PORTA_IS_ORDER_ROW (self));
  g_return_if_fail (order == NULL || PORTA_IS_PORT_ORDER (order));

  if (self->order != NULL)
    g_signal_handlers_disconnect_by_func (self->order, update_text, self);
  if (!g_set_object (&self->order, order))
    return;
  if (order != NULL)
    g_signal_connect_object (order, "notify", G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}
