/* porta-test-utils.c — helpers shared by Porta's tests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "porta-i18n.h"
#include "porta-test-utils.h"

/**
 * porta_test_init_gtk:
 *
 * Like gtk_test_init(), but keeps the locale from the environment (so a
 * test can run in Italian) and returns %FALSE instead of aborting when
 * there is no display; the caller then prints a TAP skip plan.
 */
gboolean
porta_test_init_gtk (int    *argc,
                     char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  porta_i18n_init ();
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    return FALSE;

  adw_init ();
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * porta_test_wait_until:
 *
 * Spins the default main context until @condition holds or @timeout_ms
 * passes. Returns whether the condition held.
 */
gboolean
porta_test_wait_until (PortaTestCondition condition,
                       gpointer           user_data,
                       guint              timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (user_data);
}

/**
 * porta_test_spin:
 *
 * Spins the default main context for @ms milliseconds.
 */
void
porta_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
