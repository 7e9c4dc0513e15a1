/* sandbox-filter.c — the OData $filter subset the admin API accepts
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grammar (keywords case-insensitive, any amount of white space):
 *
 *   filter    := term { "and" term }
 *   term      := "(" filter ")"
 *              | name "eq" literal
 *              | name "/any(" var ":" var "eq" literal ")"
 *              | "startswith(" name "," literal ")"
 *   literal   := "'" { char | "''" } "'" | "null"
 *
 * Everything else (or, ne, functions, numbers) is refused with a message
 * that says what is supported, as Microsoft Graph does for this resource.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sandbox-filter.h"

typedef struct
{
  const char *p;
  GPtrArray  *out;
  int         depth;
} Parser;

static void
condition_free (gpointer data)
{
  SandboxCondition *condition = data;

  g_free (condition->property);
  g_free (condition->value);
  g_free (condition);
}

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t')
    parser->p++;
}

static char *
read_name (Parser *parser)
{
  const char *start;

  skip_space (parser);
  start = parser->p;
  if (!g_ascii_isalpha (*parser->p) && *parser->p != '_')
    return NULL;
  while (g_ascii_isalnum (*parser->p) || *parser->p == '_')
    parser->p++;
  return g_strndup (start, parser->p - start);
}

static gboolean
read_keyword (Parser     *parser,
              const char *keyword)
{
  gsize length = strlen (keyword);

  skip_space (parser);
  if (g_ascii_strncasecmp (parser->p, keyword, length) != 0)
    return FALSE;
  /* a word must end there: "andx" is not "and" */
  if (g_ascii_isalnum (parser->p[length]) || parser->p[length] == '_')
    return FALSE;
  parser->p += length;
  return TRUE;
}

static gboolean
read_char (Parser *parser,
           char    c)
{
  skip_space (parser);
  if (*parser->p != c)
    return FALSE;
  parser->p++;
  return TRUE;
}

static gboolean
read_literal (Parser   *parser,
              char    **value,
              GError  **error)
{
  GString *text;

  skip_space (parser);
  if (read_keyword (parser, "null"))
    {
      *value = NULL;
      return TRUE;
    }
  if (*parser->p != '\'')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Expected a quoted string or null at '%.20s'.", parser->p);
      return FALSE;
    }

  parser->p++;
  text = g_string_new (NULL);
  for (;;)
    {
      if (*parser->p == '\0')
        {
          g_string_free (text, TRUE);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "A quoted string is not closed.");
          return FALSE;
        }
      if (*parser->p == '\'')
        {
          if (parser->p[1] == '\'')
            {
              g_string_append_c (text, '\'');
              parser->p += 2;
              continue;
            }
          parser->p++;
          break;
        }
      g_string_append_c (text, *parser->p);
      parser->p++;
    }

  *value = g_string_free (text, FALSE);
  return TRUE;
}

static gboolean parse_filter (Parser  *parser,
                              GError **error);

static gboolean
parse_term (Parser  *parser,
            GError **error)
{
  g_autofree char *name = NULL;
  SandboxCondition *condition;

  if (read_char (parser, '('))
    {
      if (++parser->depth > 8)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The filter is nested too deeply.");
          return FALSE;
        }
      if (!parse_filter (parser, error))
        return FALSE;
      parser->depth--;
      if (!read_char (parser, ')'))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Expected ')'.");
          return FALSE;
        }
      return TRUE;
    }

  name = read_name (parser);
  if (name == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Expected a property name at '%.20s'.", parser->p);
      return FALSE;
    }

  if (g_ascii_strcasecmp (name, "startswith") == 0 && read_char (parser, '('))
    {
      g_autofree char *property = read_name (parser);

      if (property == NULL || !read_char (parser, ','))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Expected startswith(property, 'text').");
          return FALSE;
        }
      condition = g_new0 (SandboxCondition, 1);
      condition->property = g_steal_pointer (&property);
      condition->starts_with = TRUE;
      g_ptr_array_add (parser->out, condition);
      if (!read_literal (parser, &condition->value, error))
        return FALSE;
      if (condition->value == NULL || !read_char (parser, ')'))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Expected startswith(property, 'text').");
          return FALSE;
        }
      return TRUE;
    }

  condition = g_new0 (SandboxCondition, 1);
  condition->property = g_steal_pointer (&name);
  g_ptr_array_add (parser->out, condition);

  if (*parser->p == '/')
    {
      g_autofree char *var = NULL;
      g_autofree char *var2 = NULL;

      parser->p++;
      if (!read_keyword (parser, "any") || !read_char (parser, '('))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Only the any() lambda is supported on collections.");
          return FALSE;
        }
      var = read_name (parser);
      if (var == NULL || !read_char (parser, ':'))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Expected 'c:' in the any() lambda.");
          return FALSE;
        }
      var2 = read_name (parser);
      if (var2 == NULL || strcmp (var, var2) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The any() lambda must compare its own variable.");
          return FALSE;
        }
      if (!read_keyword (parser, "eq"))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Only 'eq' is supported in the any() lambda.");
          return FALSE;
        }
      if (!read_literal (parser, &condition->value, error))
        return FALSE;
      if (!read_char (parser, ')'))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Expected ')' to close the any() lambda.");
          return FALSE;
        }
      condition->any = TRUE;
      return TRUE;
    }

  if (!read_keyword (parser, "eq"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Only 'eq' comparisons joined by 'and' are supported (at '%.20s').",
                   parser->p);
      return FALSE;
    }

  return read_literal (parser, &condition->value, error);
}

static gboolean
parse_filter (Parser  *parser,
              GError **error)
{
  if (!parse_term (parser, error))
    return FALSE;
  while (read_keyword (parser, "and"))
    if (!parse_term (parser, error))
      return FALSE;
  return TRUE;
}

/**
 * sandbox_filter_parse:
 * @text: a `$filter` value, already URL-decoded
 *
 * Returns: (transfer full) (element-type SandboxCondition): the
 *   conditions, all of which must hold; %NULL with @error set if @text
 *   is outside the supported subset
 */
GPtrArray *
sandbox_filter_parse (const char  *text,
                      GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (condition_free);
  Parser parser = { text, out, 0 };

  if (!parse_filter (&parser, error))
    return NULL;
  skip_space (&parser);
  if (*parser.p != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Only 'eq' comparisons joined by 'and' are supported (at '%.20s').",
                   parser.p);
      return NULL;
    }
  return g_steal_pointer (&out);
}
