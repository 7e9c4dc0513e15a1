/* bare-window.c — the yardstick for Porta's start-up
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that opens an empty AdwApplicationWindow of Porta's
 * default size. With PORTA_BENCH_FIRST_FRAME set it does what porta does
 * then (src/ui/porta-application.c): prints `first-frame <monotonic µs>`
 * after its first painted frame, and quits. tests/bench/bench-voice
 * compares the two.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *window = user_data;

  /* before the surface is mapped a frame paints nothing */
  if (!gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("PORTA_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.porta.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
