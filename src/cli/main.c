/* main.c — portactl, Porta on the command line
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "porta-i18n.h"
#include "portactl.h"

int
main (int   argc,
      char *argv[])
{
  porta_i18n_init ();

  return portactl_run (argc, argv);
}
