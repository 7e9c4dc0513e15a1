/* porta-status-badge.c — a port order's status, in an icon and words
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for the status pill the order rows and an order's details
 * both show, so that they cannot drift apart: the icon and the style
 * class for each status live here, the label comes from libporta, the
 * layout from porta-status-badge.ui and the colours from style.css.
 * The colour never carries the meaning alone (the words do).
 */
#define G_LOG_DOMAIN "porta-status-badge"

#include "config.h"

#include "porta-enum-types.h"
#include "porta-status-badge.h"

struct _PortaStatusBadge
{
  GtkBox                parent_instance;

  PortaPortOrderStatus  status;

  GtkImage             *icon;
  GtkLabel             *label;
};

G_DEFINE_FINAL_TYPE (PortaStatusBadge, porta_status_badge, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the style classes of style.css, one per kind of status */
static const char * const status_classes[] = {
  "status-working", "status-approved", "status-done", "status-error", "status-cancelled",
};

static const struct
{
  PortaPortOrderStatus  status;
  const char           *icon_name;
  const char           *style_class;
} looks[] = {
  { PORTA_PORT_ORDER_STATUS_PROCESSING,         "emblem-synchronizing-symbolic", "status-working" },
  { PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER, "call-outgoing-symbolic",        "status-working" },
  { PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED,  "emblem-ok-symbolic",            "status-approved" },
  { PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING,   "appointment-soon-symbolic",     "status-approved" },
  { PORTA_PORT_ORDER_STATUS_ERROR,              "dialog-error-symbolic",         "status-error" },
  { PORTA_PORT_ORDER_STATUS_COMPLETED,          "emblem-default-symbolic",       "status-done" },
  { PORTA_PORT_ORDER_STATUS_CANCELLED,          "process-stop-symbolic",         "status-cancelled" },
};

static guint
look_for (PortaPortOrderStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    if (looks[i].status == status)
      return i;
  return G_N_ELEMENTS (looks);
}

/**
 * porta_status_badge_icon_name:
 * @status: a port order's status
 *
 * Returns: the icon the badge shows for @status (an order's history
 *   shows the same one beside each step)
 */
const char *
porta_status_badge_icon_name (PortaPortOrderStatus status)
{
  guint i = look_for (status);

  return i < G_N_ELEMENTS (looks) ? looks[i].icon_name : "dialog-question-symbolic";
}

static void
update (PortaStatusBadge *self)
{
  guint i = look_for (self->status);
  const char *style_class = i < G_N_ELEMENTS (looks) ? looks[i].style_class : "status-working";

  gtk_image_set_from_icon_name (self->icon, porta_status_badge_icon_name (self->status));
  gtk_label_set_label (self->label, porta_port_order_status_get_label (self->status));
  for (guint c = 0; c < G_N_ELEMENTS (status_classes); c++)
    if (g_strcmp0 (status_classes[c], style_class) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self), status_classes[c]);
  gtk_widget_add_css_class (GTK_WIDGET (self), style_class);
}

static void
porta_status_badge_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PortaStatusBadge *self = PORTA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_status_badge_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PortaStatusBadge *self = PORTA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      porta_status_badge_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_status_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_STATUS_BADGE);

  G_OBJECT_CLASS (porta_status_badge_parent_class)->dispose (object);
}

static void
porta_status_badge_class_init (PortaStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_status_badge_dispose;
  object_class->get_property = porta_status_badge_get_property;
  object_class->set_property = porta_status_badge_set_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PORTA_TYPE_PORT_ORDER_STATUS, PORTA_PORT_ORDER_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-status-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaStatusBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, PortaStatusBadge, label);
}

static void
porta_status_badge_init (PortaStatusBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * porta_status_badge_new:
 *
 * Returns: (transfer floating): a badge for an unknown status
 */
GtkWidget *
porta_status_badge_new (void)
{
  return g_object_new (PORTA_TYPE_STATUS_BADGE, NULL);
}

PortaPortOrderStatus
porta_status_badge_get_status (PortaStatusBadge *self)
{
  g_return_val_if_fail (PORTA_IS_STATUS_BADGE (self), PORTA_PORT_ORDER_STATUS_UNKNOWN);
  return self->status;
}

void
porta_status_badge_set_status (PortaStatusBadge     *self,
                               PortaPortOrderStatus  status)
{
  g_return_if_fail (PORTA_IS_STATUS_BADGE (self));

  if (self->status == status)
    return;
  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
