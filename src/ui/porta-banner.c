/* porta-banner.c — a message across the top of a page, with one button
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-page banner (AdwBanner is libadwaita 1.3, not ours): a revealer
 * around an icon, a wrapping label and an optional button, styled by the
 * `porta-banner` CSS class and one class for its style. The window's
 * sandbox and keyring notices, the Voice page's "no PIN" and error
 * banners, the Port orders page's error and the new-order dialog's
 * failure are all one of these, so they look, wrap at 360 px and read
 * out alike. The button is the banner's: as a #GtkActionable, the
 * banner's action-name and action-target are the button's; its mnemonic
 * label is named without the underscore for screen readers (GTK 4.8).
 */
#define G_LOG_DOMAIN "porta-banner"

#include "config.h"

#include "porta-a11y.h"
#include "porta-banner.h"

struct _PortaBanner
{
  GtkWidget         parent_instance;

  PortaBannerStyle  style;

  GtkRevealer      *revealer;
  GtkWidget        *box;
  GtkImage         *icon;
  GtkLabel         *label;
  GtkButton        *button;
};

static void porta_banner_actionable_init (GtkActionableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaBanner, porta_banner, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACTIONABLE, porta_banner_actionable_init))

G_DEFINE_ENUM_TYPE (PortaBannerStyle, porta_banner_style,
                    G_DEFINE_ENUM_VALUE (PORTA_BANNER_STYLE_INFO, "info"),
                    G_DEFINE_ENUM_VALUE (PORTA_BANNER_STYLE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (PORTA_BANNER_STYLE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (PORTA_BANNER_STYLE_FAILURE, "failure"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_BUTTON_LABEL,
  PROP_SUGGESTED,
  PROP_SELECTABLE,
  PROP_REVEALED,
  PROP_STYLE,
  N_PROPS,
  /* GtkActionable's, forwarded to the button */
  PROP_ACTION_NAME = N_PROPS,
  PROP_ACTION_TARGET,
};

static GParamSpec *properties[N_PROPS];

/* the CSS class of each style: the enum's nick */
static const char *
style_class (PortaBannerStyle style)
{
  static const char * const classes[] = { "info", "warning", "error", "failure" };

  g_return_val_if_fail ((guint) style < G_N_ELEMENTS (classes), "info");
  return classes[style];
}

/* ---- GtkActionable ----------------------------------------------------- */

static const char *
porta_banner_get_action_name (GtkActionable *actionable)
{
  return gtk_actionable_get_action_name (GTK_ACTIONABLE (PORTA_BANNER (actionable)->button));
}

static void
porta_banner_set_action_name (GtkActionable *actionable,
                              const char    *action_name)
{
  PortaBanner *self = PORTA_BANNER (actionable);

  if (g_strcmp0 (action_name, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->button))) == 0)
    return;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action_name);
  g_object_notify (G_OBJECT (self), "action-name");
}

static GVariant *
porta_banner_get_action_target_value (GtkActionable *actionable)
{
  return gtk_actionable_get_action_target_value (GTK_ACTIONABLE (PORTA_BANNER (actionable)->button));
}

static void
porta_banner_set_action_target_value (GtkActionable *actionable,
                                      GVariant      *target)
{
  PortaBanner *self = PORTA_BANNER (actionable);
  GVariant *old = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (self->button));

  if ((old == NULL && target == NULL) || (old != NULL && target != NULL && g_variant_equal (old, target)))
    return;
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button), target);
  g_object_notify (G_OBJECT (self), "action-target");
}

static void
porta_banner_actionable_init (GtkActionableInterface *iface)
{
  iface->get_action_name = porta_banner_get_action_name;
  iface->set_action_name = porta_banner_set_action_name;
  iface->get_action_target_value = porta_banner_get_action_target_value;
  iface->set_action_target_value = porta_banner_set_action_target_value;
}

/* ---- the object -------------------------------------------------------- */

static void
porta_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_BANNER);

  G_OBJECT_CLASS (porta_banner_parent_class)->dispose (object);
}

static void
porta_banner_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaBanner *self = PORTA_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, porta_banner_get_title (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, porta_banner_get_button_label (self));
      break;
    case PROP_SUGGESTED:
      g_value_set_boolean (value, gtk_widget_has_css_class (GTK_WIDGET (self->button), "suggested-action"));
      break;
    case PROP_SELECTABLE:
      g_value_set_boolean (value, gtk_label_get_selectable (self->label));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, porta_banner_get_revealed (self));
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, porta_banner_get_action_name (GTK_ACTIONABLE (self)));
      break;
    case PROP_ACTION_TARGET:
      g_value_set_variant (value, porta_banner_get_action_target_value (GTK_ACTIONABLE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_banner_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PortaBanner *self = PORTA_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      porta_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      {
        const char *name = g_value_get_string (value);

        if (g_strcmp0 (name, gtk_image_get_icon_name (self->icon)) == 0)
          break;
        gtk_image_set_from_icon_name (self->icon, name);
        gtk_widget_set_visible (GTK_WIDGET (self->icon), name != NULL);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_BUTTON_LABEL:
      porta_banner_set_button_label (self, g_value_get_string (value));
      break;
    case PROP_SUGGESTED:
      if (g_value_get_boolean (value) == gtk_widget_has_css_class (GTK_WIDGET (self->button), "suggested-action"))
        break;
      if (g_value_get_boolean (value))
        gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->button), "suggested-action");
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SELECTABLE:
      if (g_value_get_boolean (value) == gtk_label_get_selectable (self->label))
        break;
      gtk_label_set_selectable (self->label, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_REVEALED:
      porta_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    case PROP_STYLE:
      porta_banner_set_style (self, g_value_get_enum (value));
      break;
    case PROP_ACTION_NAME:
      porta_banner_set_action_name (GTK_ACTIONABLE (self), g_value_get_string (value));
      break;
    case PROP_ACTION_TARGET:
      porta_banner_set_action_target_value (GTK_ACTIONABLE (self), g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_banner_class_init (PortaBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_banner_dispose;
  object_class->get_property = porta_banner_get_property;
  object_class->set_property = porta_banner_set_property;

  /**
   * PortaBanner:title:
   *
   * What the banner says, as plain text.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, PARAM_FLAGS);
  /**
   * PortaBanner:icon-name:
   *
   * The icon before the words, or %NULL for none. It only repeats the
   * words, so screen readers skip it.
   */
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, PARAM_FLAGS);
  /**
   * PortaBanner:button-label:
   *
   * The button's label, with a mnemonic; %NULL (the default) for a
   * banner with no button.
   */
  properties[PROP_BUTTON_LABEL] = g_param_spec_string ("button-label", NULL, NULL, NULL, PARAM_FLAGS);
  /**
   * PortaBanner:suggested:
   *
   * Whether the button is the page's suggested action.
   */
  properties[PROP_SUGGESTED] = g_param_spec_boolean ("suggested", NULL, NULL, FALSE, PARAM_FLAGS);
  /**
   * PortaBanner:selectable:
   *
   * Whether the words can be selected and copied: for error messages,
   * which a person may want to quote.
   */
  properties[PROP_SELECTABLE] = g_param_spec_boolean ("selectable", NULL, NULL, FALSE, PARAM_FLAGS);
  /**
   * PortaBanner:revealed:
   *
   * Whether the banner is shown (it slides in and out).
   */
  properties[PROP_REVEALED] = g_param_spec_boolean ("revealed", NULL, NULL, FALSE, PARAM_FLAGS);
  /**
   * PortaBanner:style:
   *
   * How the banner looks.
   */
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, PORTA_TYPE_BANNER_STYLE, PORTA_BANNER_STYLE_INFO, PARAM_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_ACTION_NAME, "action-name");
  g_object_class_override_property (object_class, PROP_ACTION_TARGET, "action-target");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PortaBanner, box);
  gtk_widget_class_bind_template_child (widget_class, PortaBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, PortaBanner, label);
  gtk_widget_class_bind_template_child (widget_class, PortaBanner, button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
porta_banner_init (PortaBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->style = PORTA_BANNER_STYLE_INFO;
  gtk_widget_add_css_class (self->box, style_class (self->style));
}

/**
 * porta_banner_new:
 *
 * Returns: (transfer floating): a hidden banner, with no words yet
 */
GtkWidget *
porta_banner_new (void)
{
  return g_object_new (PORTA_TYPE_BANNER, NULL);
}

const char *
porta_banner_get_title (PortaBanner *self)
{
  g_return_val_if_fail (PORTA_IS_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}

void
porta_banner_set_title (PortaBanner *self,
                        const char  *title)
{
  g_return_if_fail (PORTA_IS_BANNER (self));

  if (g_strcmp0 (title ? title : "", gtk_label_get_label (self->label)) == 0)
    return;
  gtk_label_set_label (self->label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
porta_banner_get_button_label (PortaBanner *self)
{
  g_return_val_if_fail (PORTA_IS_BANNER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->button)) ? gtk_button_get_label (self->button) : NULL;
}

void
porta_banner_set_button_label (PortaBanner *self,
                               const char  *label)
{
  g_return_if_fail (PORTA_IS_BANNER (self));

  if (g_strcmp0 (label, porta_banner_get_button_label (self)) == 0)
    return;
  gtk_button_set_label (self->button, label ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
  /* named by its label as seen, without the underscore, once */
  porta_a11y_name_mnemonic_buttons_by_label (GTK_WIDGET (self->button));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
porta_banner_get_revealed (PortaBanner *self)
{
  g_return_val_if_fail (PORTA_IS_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

void
porta_banner_set_revealed (PortaBanner *self,
                           gboolean     revealed)
{
  g_return_if_fail (PORTA_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

PortaBannerStyle
porta_banner_get_style (PortaBanner *self)
{
  g_return_val_if_fail (PORTA_IS_BANNER (self), PORTA_BANNER_STYLE_INFO);
  return self->style;
}

void
porta_banner_set_style (PortaBanner      *self,
                        PortaBannerStyle  style)
{
  g_return_if_fail (PORTA_IS_BANNER (self));

  if (self->style == style)
    return;
  gtk_widget_remove_css_class (self->box, style_class (self->style));
  self->style = style;
  gtk_widget_add_css_class (self->box, style_class (self->style));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}
