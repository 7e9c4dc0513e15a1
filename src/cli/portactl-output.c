/* portactl-output.c — tables for people, CSV and JSON for programs
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Machine formats are UTF-8 whatever the locale and never translated:
 * their keys are the API's property names. Tables are for a person:
 * translated headings and labels, aligned by display width (a wide
 * character takes two cells), cut with “…” to fit the terminal.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "portactl.h"

#define COLUMN_GAP 2

/**
 * portactl_parse_format:
 * @text: the value of `--format`
 * @lists: %TRUE for a list (table, csv, json, ndjson), %FALSE for one
 *   object (text, json)
 * @format: (out): the format
 *
 * Returns: %FALSE with a %G_OPTION_ERROR_BAD_VALUE for anything else
 */
gboolean
portactl_parse_format (const char      *text,
                       gboolean         lists,
                       PortactlFormat  *format,
                       GError         **error)
{
  static const struct { const char *name; PortactlFormat format; gboolean list; gboolean single; } formats[] = {
    { "table", PORTACTL_FORMAT_TABLE, TRUE, FALSE },
    { "csv", PORTACTL_FORMAT_CSV, TRUE, FALSE },
    { "json", PORTACTL_FORMAT_JSON, TRUE, TRUE },
    { "ndjson", PORTACTL_FORMAT_NDJSON, TRUE, FALSE },
    { "text", PORTACTL_FORMAT_TEXT, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (text, formats[i].name) == 0 && (lists ? formats[i].list : formats[i].single))
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               lists
               /* Translators: %s is what was given; the format names stay in English */
               ? _("“%s” is not a format: use table, csv, json or ndjson.")
               /* Translators: %s is what was given; the format names stay in English */
               : _("“%s” is not a format: use text or json."),
               text);
  return FALSE;
}

static gsize
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/**
 * portactl_display_width:
 * @text: (nullable): UTF-8 text
 *
 * Returns: how many terminal cells @text takes
 */
gsize
portactl_display_width (const char *text)
{
  gsize width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* ASCII, the common case, without a table lookup */
      if ((guchar) *p < 0x80)
        width++;
      else
        width += char_width (g_utf8_get_char (p));
    }
  return width;
}

/**
 * portactl_append_cell:
 * @out: the line being written
 * @text: (nullable): the cell
 * @width: the column's width in cells; 0 for no limit
 * @last: %TRUE for the last column, which is not padded
 *
 * Appends @text cut to @width with “…” where it is longer, padded with
 * spaces to @width unless it is the last column.
 */
void
portactl_append_cell (GString    *out,
                      const char *text,
                      gsize       width,
                      gboolean    last)
{
  gsize used = 0;
  gsize text_width;

  if (text == NULL)
    text = "";

  text_width = portactl_display_width (text);
  if (width == 0 || text_width <= width)
    {
      g_string_append (out, text);
      used = text_width;
    }
  else
    {
      /* room for the ellipsis, which takes one cell */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gsize w = char_width (g_utf8_get_char (p));

          if (used + w > width - 1)
            break;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          used += w;
        }
      g_string_append (out, "…");
      used++;
    }

  if (!last)
    for (; used < width; used++)
      g_string_append_c (out, ' ');
}

/**
 * portactl_format_date_time:
 * @date_time: (nullable): a time
 *
 * Returns: (transfer full) (nullable): @date_time in local time for a
 *   person, as the desktop app shows it
 */
char *
portactl_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return NULL;
  local = g_date_time_to_local (date_time);
  /* Translators: a date and time in strftime format, as in "26 Nov 2026, 14:05" */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/**
 * portactl_iso8601:
 * @date_time: (nullable): a time
 *
 * Returns: (transfer full) (nullable): @date_time in UTC as the API
 *   writes it, `2026-05-04T09:00:00Z`
 */
char *
portactl_iso8601 (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;
  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean output_closed;

/**
 * portactl_write:
 * @text: what to write to stdout; emptied
 *
 * Writes @text to stdout as bytes (UTF-8 whatever the locale) and
 * flushes, so that a reader at the other end of a pipe sees it now.
 *
 * Returns: %FALSE once stdout cannot be written to, such as a pipe whose
 *   reader is gone (`portactl numbers | head`): the command should stop
 */
gboolean
portactl_write (GString *text)
{
  if (!output_closed)
    {
      if (text->len > 0)
        fwrite (text->str, 1, text->len, stdout);
      if (fflush (stdout) != 0 || ferror (stdout))
        output_closed = TRUE;
    }
  g_string_truncate (text, 0);
  return !output_closed;
}

/**
 * portactl_output_closed:
 *
 * Returns: whether a write to stdout failed
 */
gboolean
portactl_output_closed (void)
{
  return output_closed;
}

/**
 * portactl_json_to_string:
 * @node: a JSON value
 * @pretty: indent it for reading
 *
 * Returns: (transfer full): @node as JSON text
 */
char *
portactl_json_to_string (JsonNode *node,
                         gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/**
 * portactl_append_json_list:
 * @out: where the text goes
 * @format: %PORTACTL_FORMAT_JSON (one array, an element a line) or
 *   %PORTACTL_FORMAT_NDJSON (an object a line)
 * @items: the items
 * @to_json: makes an item's object
 *
 * Appends @items as JSON, the way every list command writes them.
 */
void
portactl_append_json_list (GString            *out,
                           PortactlFormat      format,
                           GPtrArray          *items,
                           PortactlToJsonFunc  to_json)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (format == PORTACTL_FORMAT_JSON)
    g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(JsonNode) node = to_json (g_ptr_array_index (items, i));

      if (format == PORTACTL_FORMAT_JSON)
        g_string_append (out, i == 0 ? "\n" : ",\n");
      json_generator_set_root (generator, node);
      json_generator_to_gstring (generator, out);
      if (format == PORTACTL_FORMAT_NDJSON)
        g_string_append_c (out, '\n');
    }
  if (format == PORTACTL_FORMAT_JSON)
    g_string_append (out, "\n]\n");
}

/* ---- tables -------------------------------------------------------------- */

typedef struct
{
  char     *title;
  gsize     min_width;
  gsize     natural;
  gsize     width;
  gboolean  flexible;
} Column;

struct _PortactlTable
{
  gsize      max_width;
  GArray    *columns;   /* of Column */
  GPtrArray *rows;      /* of GStrv */
};

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

/**
 * portactl_table_new:
 * @max_width: the width to fit in; 0 for no limit
 *
 * Returns: (transfer full): an empty table
 */
PortactlTable *
portactl_table_new (gsize max_width)
{
  PortactlTable *table = g_new0 (PortactlTable, 1);

  table->max_width = max_width;
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

/**
 * portactl_table_free:
 * @table: a table
 */
void
portactl_table_free (PortactlTable *table)
{
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/**
 * portactl_table_add_column:
 * @title: the heading, translated
 * @min_width: the narrowest a flexible column gets
 * @flexible: whether the column gives up width when the table is too
 *   wide (its cells are then cut with “…”)
 */
void
portactl_table_add_column (PortactlTable *table,
                           const char    *title,
                           gsize          min_width,
                           gboolean       flexible)
{
  Column column = { 0, };

  column.title = g_strdup (title);
  column.min_width = min_width;
  column.natural = portactl_display_width (title);
  column.flexible = flexible;
  g_array_append_val (table->columns, column);
}

/**
 * portactl_table_fit_cell:
 *
 * Widens @column so that @text fits, for tables whose rows come later
 * (streamed): give it the widest value the column can hold.
 */
void
portactl_table_fit_cell (PortactlTable *table,
                         guint          column,
                         const char    *text)
{
  Column *c = &g_array_index (table->columns, Column, column);

  c->natural = MAX (c->natural, portactl_display_width (text));
}

/**
 * portactl_table_add_row:
 * @cells: (array): one text a column, %NULL for an empty cell
 *
 * Keeps a row for portactl_table_append_all(), widening the columns
 * to fit it.
 */
void
portactl_table_add_row (PortactlTable      *table,
                        const char * const *cells)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < table->columns->len; i++)
    {
      g_strv_builder_add (builder, cells[i] ? cells[i] : "");
      portactl_table_fit_cell (table, i, cells[i]);
    }
  g_ptr_array_add (table->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

/**
 * portactl_table_layout:
 *
 * Gives each column its width: what its widest cell needs, less for the
 * flexible columns (the widest first) while the table is too wide.
 */
void
portactl_table_layout (PortactlTable *table)
{
  guint n = table->columns->len;
  gsize total = n > 0 ? COLUMN_GAP * (n - 1) : 0;

  for (guint i = 0; i < n; i++)
    {
      Column *c = &g_array_index (table->columns, Column, i);

      c->width = c->natural;
      total += c->width;
    }

  if (table->max_width == 0)
    return;

  while (total > table->max_width)
    {
      Column *widest = NULL;

      for (guint i = 0; i < n; i++)
        {
          Column *c = &g_array_index (table->columns, Column, i);

          if (c->flexible && c->width > c->min_width && (widest == NULL || c->width > widest->width))
            widest = c;
        }
      if (widest == NULL)
        break;
      widest->width--;
      total--;
    }

  /* what still does not fit is cut at the terminal's edge */
  if (total > table->max_width && n > 0)
    {
      Column *last = &g_array_index (table->columns, Column, n - 1);
      gsize excess = total - table->max_width;

      last->width = last->width > excess + 1 ? last->width - excess : 1;
    }
}

static void
append_line (PortactlTable      *table,
             const char * const *cells,
             GString            *out)
{
  guint n = table->columns->len;

  for (guint i = 0; i < n; i++)
    {
      Column *c = &g_array_index (table->columns, Column, i);
      gboolean last = i == n - 1;

      if (i > 0)
        g_string_append (out, "  ");
      /* without a limit nothing is cut: the cell pushes the rest on */
      if (table->max_width == 0)
        {
          gsize w = portactl_display_width (cells[i]);

          g_string_append (out, cells[i] ? cells[i] : "");
          if (!last)
            for (; w < c->width; w++)
              g_string_append_c (out, ' ');
        }
      else
        portactl_append_cell (out, cells[i], c->width, last);
    }

  /* no trailing blanks when the last cells are empty */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/**
 * portactl_table_append_header:
 *
 * Appends the headings, laid out by portactl_table_layout().
 */
void
portactl_table_append_header (PortactlTable *table,
                              GString       *out)
{
  g_autofree const char **titles = g_new0 (const char *, table->columns->len + 1);

  for (guint i = 0; i < table->columns->len; i++)
    titles[i] = g_array_index (table->columns, Column, i).title;
  append_line (table, titles, out);
}

/**
 * portactl_table_append_row:
 * @cells: (array): one text a column
 *
 * Appends one row as it comes (a streamed table), in the columns
 * laid out before.
 */
void
portactl_table_append_row (PortactlTable      *table,
                           const char * const *cells,
                           GString            *out)
{
  append_line (table, cells, out);
}

/**
 * portactl_table_append_all:
 *
 * Lays out the rows added so far, then writes the heading and them.
 */
void
portactl_table_append_all (PortactlTable *table,
                           GString       *out)
{
  portactl_table_layout (table);
  portactl_table_append_header (table, out);
  for (guint i = 0; i < table->rows->len; i++)
    append_line (table, g_ptr_array_index (table->rows, i), out);
}
