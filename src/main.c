/* main.c — porta, the desktop application
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "porta-application.h"
#include "porta-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PortaApplication) app = NULL;

  porta_i18n_init ();

  app = porta_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
