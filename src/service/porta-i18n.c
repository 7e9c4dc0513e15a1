/* porta-i18n.c — gettext set-up shared by porta and portactl
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "porta-i18n.h"

/**
 * porta_i18n_get_locale_dir:
 *
 * Where the message catalogues are: `PORTA_LOCALEDIR` when set, so that
 * the build tree runs translated without installing (`meson devenv` and
 * the tests set it to the build's `po/`), otherwise the installed
 * locale directory.
 *
 * Returns: (transfer none): a directory
 */
const char *
porta_i18n_get_locale_dir (void)
{
  const char *dir = g_getenv ("PORTA_LOCALEDIR");

  if (dir != NULL && dir[0] != '\0')
    return dir;
  return LOCALEDIR;
}

/**
 * porta_i18n_init:
 *
 * Sets the locale from the environment and binds Porta's text domain.
 * Call first thing in main().
 */
void
porta_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, porta_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
