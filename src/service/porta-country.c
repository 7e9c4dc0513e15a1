/* porta-country.c — country names, in the user's language
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names come from the iso-codes package: its ISO 3166-1 list, and its
 * `iso_3166-1` gettext catalogue for the translations, so that Porta
 * does not keep (and age) a list of its own.
 */
#define G_LOG_DOMAIN "porta-country"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "porta-country.h"

#ifndef ISO_CODES_PREFIX
#define ISO_CODES_PREFIX "/usr"
#endif

#define ISO_3166_DOMAIN "iso_3166-1"

static GHashTable *
load_names (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  g_autofree char *locale_dir = g_build_filename (ISO_CODES_PREFIX, "share", "locale", NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *countries;
  JsonNode *root;

  bindtextdomain (ISO_3166_DOMAIN, locale_dir);
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_debug ("no country names: %s", error->message);
      return names;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "3166-1"))
    return names;

  countries = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *code = json_object_get_string_member_with_default (country, "alpha_2", NULL);
      /* the common name when there is one ("Bolivia", not "Bolivia, Plurinational State of") */
      const char *name = json_object_get_string_member_with_default (country, "common_name", NULL);

      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }
  return names;
}

/**
 * porta_country_get_name:
 * @iso_country_code: (nullable): a two-letter code such as `IT`
 *
 * Returns: (transfer none) (nullable): the country's name in the user's
 *   language ("Italia" in Italian), the code itself when the name is not
 *   known, or %NULL for %NULL
 */
const char *
porta_country_get_name (const char *iso_country_code)
{
  static GHashTable *names;
  const char *name;

  if (iso_country_code == NULL || iso_country_code[0] == '\0')
    return NULL;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_names ());

  name = g_hash_table_lookup (names, iso_country_code);
  if (name == NULL)
    return iso_country_code;
  /* dgettext, not g_dgettext: the latter gives up on every domain when
   * Porta's own catalogue is missing for the language */
  return dgettext (ISO_3166_DOMAIN, name);
}
