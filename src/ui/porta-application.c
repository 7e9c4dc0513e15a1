/* porta-application.c — the AdwApplication: options, actions, accelerators
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-application"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-application.h"
#include "porta-window.h"

struct _PortaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PortaApplication, porta_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* Every application accelerator in one place; the window's own
 * (Ctrl+1, Ctrl+2) are declared with its actions, and all of them are
 * listed in gtk/help-overlay.ui. */
static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static int
porta_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (porta_application_parent_class)->handle_local_options (app, options);
}

static void
porta_application_activate (GApplication *app)
{
  PortaApplication *self = PORTA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (porta_window_new (self, self->settings));

  gtk_window_present (window);
}

static void
porta_application_startup (GApplication *app)
{
  PortaApplication *self = PORTA_APPLICATION (app);

  G_APPLICATION_CLASS (porta_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PortaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows rather than quitting outright, so that each one
   * saves its state and cancels its work on the way out. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PortaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Porta authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", "Porta",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Porta authors",
                        "developers", developers,
                        "comments", _("Keep your organization’s phone numbers safe to port: "
                                      "the port-out PIN, the phone numbers and the port orders "
                                      "of Microsoft Teams Phone."),
                        "copyright", "© 2026 The Porta authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line,
                         * as “Name <email>” or “Name https://example.org” */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static void
porta_application_dispose (GObject *object)
{
  PortaApplication *self = PORTA_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (porta_application_parent_class)->dispose (object);
}

static void
porta_application_class_init (PortaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = porta_application_dispose;

  app_class->handle_local_options = porta_application_handle_local_options;
  app_class->startup = porta_application_startup;
  app_class->activate = porta_application_activate;
}

static void
porta_application_init (PortaApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

PortaApplication *
porta_application_new (void)
{
  return g_object_new (PORTA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * porta_application_get_settings:
 * @self: a #PortaApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
porta_application_get_settings (PortaApplication *self)
{
  g_return_val_if_fail (PORTA_IS_APPLICATION (self), NULL);

  return self->settings;
}
