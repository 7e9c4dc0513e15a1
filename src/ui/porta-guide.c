/* porta-guide.c — where a server offers no API: what to do instead
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft Graph has no port-out PIN and no port orders
 * (docs/admin-api.md, §7). Where the account's server does not offer
 * one, the PIN card and the Port orders page show this guide in its
 * place: what it is, that Microsoft offers no way for apps to manage it,
 * the steps in the Teams admin center (the words are libporta's, shared
 * with portactl), and a button that opens the admin center in the
 * browser. No error and no Retry: asking again can never succeed.
 */
#define G_LOG_DOMAIN "porta-guide"

#include "config.h"

#include "porta-a11y.h"
#include "porta-capability.h"
#include "porta-enum-types.h"
#include "porta-guide.h"

struct _PortaGuide
{
  GtkBox        parent_instance;

  PortaFeature  feature;

  GtkLabel     *title_label;
  GtkLabel     *description_label;
  GtkLabel     *steps_label;
  GtkButton    *open_button;
};

G_DEFINE_FINAL_TYPE (PortaGuide, porta_guide, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_FEATURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PortaGuide *self)
{
  gtk_label_set_label (self->title_label, porta_feature_get_guide_title (self->feature));
  gtk_label_set_label (self->description_label, porta_feature_get_guide (self->feature));
  gtk_label_set_label (self->steps_label, porta_feature_get_guide_steps (self->feature));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* gtk_show_uri() is the GTK 4.8 way; GtkUriLauncher is 4.10 */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                PORTA_TEAMS_ADMIN_CENTER_URL, GDK_CURRENT_TIME);
}

static void
porta_guide_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PortaGuide *self = PORTA_GUIDE (object);

  switch (prop_id)
    {
    case PROP_FEATURE:
      g_value_set_enum (value, self->feature);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_guide_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PortaGuide *self = PORTA_GUIDE (object);

  switch (prop_id)
    {
    case PROP_FEATURE:
      porta_guide_set_feature (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_guide_class_init (PortaGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = porta_guide_get_property;
  object_class->set_property = porta_guide_set_property;

  /**
   * PortaGuide:feature:
   *
   * The part of the API the server does not offer.
   */
  properties[PROP_FEATURE] =
    g_param_spec_enum ("feature", NULL, NULL,
                       PORTA_TYPE_FEATURE, PORTA_FEATURE_PORT_OUT_PIN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaGuide, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortaGuide, description_label);
  gtk_widget_class_bind_template_child (widget_class, PortaGuide, steps_label);
  gtk_widget_class_bind_template_child (widget_class, PortaGuide, open_button);
  gtk_widget_class_install_action (widget_class, "guide.open", NULL, open_action);
}

static void
porta_guide_init (PortaGuide *self)
{
  GtkWidget *label;

  self->feature = PORTA_FEATURE_PORT_OUT_PIN;
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* a long translation wraps rather than widen a 360-pixel window */
  label = gtk_button_get_child (self->open_button);
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
  update (self);
}

GtkWidget *
porta_guide_new (PortaFeature feature)
{
  return g_object_new (PORTA_TYPE_GUIDE, "feature", feature, NULL);
}

PortaFeature
porta_guide_get_feature (PortaGuide *self)
{
  g_return_val_if_fail (PORTA_IS_GUIDE (self), PORTA_FEATURE_PORT_OUT_PIN);
  return self->feature;
}

void
porta_guide_set_feature (PortaGuide   *self,
                         PortaFeature  feature)
{
  g_return_if_fail (PORTA_IS_GUIDE (self));

  if (self->feature == feature)
    return;
  self->feature = feature;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURE]);
}
