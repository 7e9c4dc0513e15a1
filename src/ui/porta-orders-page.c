/* porta-orders-page.c — the port-out PIN and the port orders
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-orders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-orders-page.h"
#include "porta-pin-card.h"

struct _PortaOrdersPage
{
  AdwBin        parent_instance;

  PortaClient  *client;

  PortaPinCard *pin_card;
};

G_DEFINE_FINAL_TYPE (PortaOrdersPage, porta_orders_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
porta_orders_page_dispose (GObject *object)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_ORDERS_PAGE);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (porta_orders_page_parent_class)->dispose (object);
}

static void
porta_orders_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_orders_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_orders_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_orders_page_class_init (PortaOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_orders_page_dispose;
  object_class->get_property = porta_orders_page_get_property;
  object_class->set_property = porta_orders_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_PIN_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, pin_card);
}

static void
porta_orders_page_init (PortaOrdersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PortaClient *
porta_orders_page_get_client (PortaOrdersPage *self)
{
  g_return_val_if_fail (PORTA_IS_ORDERS_PAGE (self), NULL);
  return self->client;
}

/**
 * porta_orders_page_set_client:
 * @self: a #PortaOrdersPage
 * @client: (nullable): the signed-in account's client
 */
void
porta_orders_page_set_client (PortaOrdersPage *self,
                              PortaClient     *client)
{
  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));

  if (!g_set_object (&self->client, client))
    return;
  porta_pin_card_set_client (self->pin_card, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * porta_orders_page_refresh:
 * @self: a #PortaOrdersPage
 *
 * Reads everything on the page again (F5, Ctrl+R).
 */
void
porta_orders_page_refresh (PortaOrdersPage *self)
{
  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));
  porta_pin_card_reload (self->pin_card);
}

/**
 * porta_orders_page_reload_pin:
 * @self: a #PortaOrdersPage
 *
 * Reads the PIN status and history again, after a change elsewhere.
 */
void
porta_orders_page_reload_pin (PortaOrdersPage *self)
{
  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));
  porta_pin_card_reload (self->pin_card);
}
