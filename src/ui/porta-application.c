/* porta-application.c — the AdwApplication: options, actions, accelerators
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "porta-account-store.h"
#include "porta-application.h"
#include "porta-session.h"
#include "porta-window.h"

struct _PortaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  PortaSession   *session;
  gboolean        start_sandbox;
};

G_DEFINE_FINAL_TYPE (PortaApplication, porta_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sandbox", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start a private sandbox with demo data and open Porta on it"), NULL },
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* The accelerators set on the application. The window's shortcuts
 * (F5 and Ctrl+R refresh, Ctrl+F search, Ctrl+1 and Ctrl+2 the pages) are
 * key bindings beside the actions they trigger, in
 * porta_window_class_init(); the dialogs bind Escape (and the new-order
 * dialog Ctrl+Enter) in their own class_init. porta-help-overlay.ui lists
 * these three and the window's, with the search entry's Return and Escape;
 * a new shortcut goes there too. */
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
  PortaApplication *self = PORTA_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "sandbox"))
    self->start_sandbox = TRUE;

  return G_APPLICATION_CLASS (porta_application_parent_class)->handle_local_options (app, options);
}

/* tests/bench/bench-voice times start-up to the first frame: with
 * PORTA_BENCH_FIRST_FRAME set (and only then), print "first-frame
 * <g_get_monotonic_time() in µs>" once the window has painted a frame
 * on screen, and quit. tests/bench/bare-window.c does the same. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  GtkWindow *window = user_data;

  /* before the surface is mapped a frame paints nothing */
  if (!gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    return;
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, user_data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

/* Starting the sandbox forks this process and starts another that
 * builds its demo data: 20 ms here and a busy core, before a first
 * frame that shows "loading" either way (tests/bench/bench-voice). So a
 * new window starts it once it is on screen, from an idle: not in the
 * frame's after-paint, where the frame's other handlers (the frame
 * clock's own, tests/bench/bench-voice's) would wait 15 ms for it. */
static gboolean
start_sandbox_idle_cb (gpointer user_data)
{
  GtkWindow *window = user_data;

  /* unless it was closed in the meantime */
  if (gtk_window_get_application (window) != NULL)
    porta_window_start_sandbox (PORTA_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
start_sandbox_after_paint_cb (GdkFrameClock *clock,
                              PortaWindow   *window)
{
  if (!gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    return;
  g_signal_handlers_disconnect_by_func (clock, start_sandbox_after_paint_cb, window);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, start_sandbox_idle_cb, g_object_ref (window), g_object_unref);
}

static void
start_sandbox_when_shown (PortaWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock == NULL)
    {
      porta_window_start_sandbox (window);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (start_sandbox_after_paint_cb), window, 0);
}

static void
porta_application_activate (GApplication *app)
{
  PortaApplication *self = PORTA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean start_sandbox_when_new = FALSE;

  if (window == NULL)
    {
      PortaWindow *porta_window = porta_window_new (self, self->settings, self->session);

      window = GTK_WINDOW (porta_window);
      if (self->start_sandbox)
        start_sandbox_when_new = TRUE;
      else
        porta_window_restore (porta_window);
    }
  else if (self->start_sandbox)
    porta_window_start_sandbox (PORTA_WINDOW (window));

  self->start_sandbox = FALSE;
  gtk_window_present (window);
  if (start_sandbox_when_new)
    start_sandbox_when_shown (PORTA_WINDOW (window));

  if (g_getenv ("PORTA_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (bench_after_paint_cb), window, 0);
}

static void
porta_application_startup (GApplication *app)
{
  PortaApplication *self = PORTA_APPLICATION (app);

  G_APPLICATION_CLASS (porta_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  {
    g_autoptr(PortaAccountStore) store = porta_account_store_new (NULL);
    self->session = porta_session_new (store, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void
porta_application_shutdown (GApplication *app)
{
  PortaApplication *self = PORTA_APPLICATION (app);

  /* the sandbox saves its state and stops with Porta */
  if (self->session != NULL)
    porta_session_shutdown (self->session);

  G_APPLICATION_CLASS (porta_application_parent_class)->shutdown (app);
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

static void
show_port_order_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  PortaApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* a desktop notification about an order was clicked */
  if (window == NULL)
    return;
  porta_window_show_port_order (PORTA_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "show-port-order", show_port_order_action_cb, "s" },
};

static void
porta_application_dispose (GObject *object)
{
  PortaApplication *self = PORTA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->session);

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
  app_class->shutdown = porta_application_shutdown;
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
