/* porta-window.c — the main window: a sidebar beside the pages
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-orders-page.h"
#include "porta-voice-page.h"
#include "porta-window.h"

struct _PortaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *voice_row;
  GtkListBoxRow        *orders_row;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (PortaWindow, porta_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
row_for_page (PortaWindow *self,
              const char  *name)
{
  if (g_strcmp0 (name, "port-orders") == 0)
    return self->orders_row;
  return self->voice_row;
}

static void
sidebar_row_selected_cb (PortaWindow   *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (PortaWindow   *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (PortaWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (PortaWindow *self)
{
  /* A folded sidebar is a list to choose from, not a selection to keep
   * showing; unfolded, it marks the page in view. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      const char *name = gtk_stack_get_visible_child_name (self->stack);

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_SINGLE);
      gtk_list_box_select_row (self->sidebar_list, row_for_page (self, name));
    }
}

static void
stack_visible_child_cb (PortaWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page;

  if (name == NULL || child == NULL)
    return;

  page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  if (gtk_list_box_get_selection_mode (self->sidebar_list) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (self->sidebar_list, row_for_page (self, name));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-page", name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortaWindow *self = PORTA_WINDOW (widget);

  porta_window_show_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
porta_window_close_request (GtkWindow *window)
{
  PortaWindow *self = PORTA_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      /* The size of a maximized window is the screen's: keep the last
       * unmaximized size instead, so unmaximizing restores it. */
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (porta_window_parent_class)->close_request (window);
}

static void
porta_window_constructed (GObject *object)
{
  PortaWindow *self = PORTA_WINDOW (object);

  G_OBJECT_CLASS (porta_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_autofree char *page = g_settings_get_string (self->settings, "selected-page");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      porta_window_show_page (self, page);
    }

  stack_visible_child_cb (self);
}

static void
porta_window_dispose (GObject *object)
{
  PortaWindow *self = PORTA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (porta_window_parent_class)->dispose (object);
}

static void
porta_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaWindow *self = PORTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, porta_window_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PortaWindow *self = PORTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_VISIBLE_PAGE:
      porta_window_show_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_window_class_init (PortaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_window_constructed;
  object_class->dispose = porta_window_dispose;
  object_class->get_property = porta_window_get_property;
  object_class->set_property = porta_window_set_property;

  window_class->close_request = porta_window_close_request;

  /**
   * PortaWindow:settings:
   *
   * Where the window keeps its size and selected page; %NULL keeps
   * nothing (as in tests that must not depend on earlier runs).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PortaWindow:visible-page:
   *
   * The name of the page in view: `voice` or `port-orders`.
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         "voice",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_VOICE_PAGE);
  g_type_ensure (PORTA_TYPE_ORDERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, voice_row);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, orders_row);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PortaWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "voice");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "port-orders");
}

static void
porta_window_init (PortaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * porta_window_new:
 * @application: the application
 * @settings: (nullable): where to keep the window's state
 *
 * Returns: (transfer none): a new window, owned by @application
 */
PortaWindow *
porta_window_new (PortaApplication *application,
                  GSettings        *settings)
{
  return g_object_new (PORTA_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

const char *
porta_window_get_visible_page (PortaWindow *self)
{
  g_return_val_if_fail (PORTA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * porta_window_show_page:
 * @self: a #PortaWindow
 * @name: `voice` or `port-orders`; anything else shows `voice`
 */
void
porta_window_show_page (PortaWindow *self,
                        const char  *name)
{
  g_return_if_fail (PORTA_IS_WINDOW (self));

  if (g_strcmp0 (name, "port-orders") != 0)
    name = "voice";
  gtk_stack_set_visible_child_name (self->stack, name);
}
