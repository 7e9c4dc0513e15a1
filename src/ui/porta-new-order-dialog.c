/* porta-new-order-dialog.c — create a port-in order
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal form for everything a port-in order needs (docs/admin-api.md,
 * §4.3). The numbers are pasted as a list: each line is read as E.164,
 * forgiving the spaces, dashes, dots and brackets people write numbers
 * with but never guessing a country code; every bad line is underlined in
 * the text and named, in words, in a list under it. Fields say what is
 * wrong as the admin types (an empty field only once it was left, or when
 * Create is tried), Create is enabled only when the server would accept
 * the order as far as Porta can tell, and whatever the server still
 * refuses lands on the field, or the line, it is about.
 */
#define G_LOG_DOMAIN "porta-new-order-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-error.h"
#include "porta-new-order-dialog.h"
#include "porta-order-rules.h"
#include "porta-pin.h"

/* docs/admin-api.md §4.3: 1–999 numbers, each + and 8 to 15 digits */
#define MAX_NUMBERS        999
#define MIN_DIGITS         8
#define MAX_DIGITS         15
/* A list of 999 bad lines would bury the form: the first ones are
 * listed, then how many more there are. */
#define MAX_PROBLEM_ROWS   50
/* How much of a bad line a message quotes */
#define MAX_QUOTED_CHARS   32
/* The hour of the requested day Porta asks for, as the order details
 * page does when it changes the date */
#define FOC_HOUR           18

typedef enum
{
  FIELD_NAME,
  FIELD_NUMBERS,
  FIELD_CARRIER,
  FIELD_ACCOUNT,
  FIELD_BILLING,
  FIELD_CARRIER_PIN,
  FIELD_DATE,
  FIELD_AUTHORIZED_BY,
  N_FIELDS
} Field;

/* The request member each field fills, and the server's length limit */
static const struct
{
  const char *target;
  guint       max_chars;
} field_info[N_FIELDS] = {
  [FIELD_NAME] = { "displayName", 100 },
  [FIELD_NUMBERS] = { "telephoneNumbers", 0 },
  [FIELD_CARRIER] = { "carrierName", 100 },
  [FIELD_ACCOUNT] = { "accountNumber", 64 },
  [FIELD_BILLING] = { "billingTelephoneNumber", 0 },
  [FIELD_CARRIER_PIN] = { "carrierPin", 20 },
  [FIELD_DATE] = { "requestedFocDateTime", 0 },
  [FIELD_AUTHORIZED_BY] = { "authorizedBy", 100 },
};

typedef enum
{
  NUMBER_OK,
  NUMBER_NOT_DIGITS,
  NUMBER_NO_PLUS,
  NUMBER_LEADING_ZERO,
  NUMBER_TOO_SHORT,
  NUMBER_TOO_LONG,
} NumberCheck;

typedef enum
{
  PROBLEM_NONE,
  PROBLEM_FORMAT,
  PROBLEM_DUPLICATE,
  PROBLEM_KNOWN,
  PROBLEM_SERVER,
} Problem;

/* One number of the pasted list */
typedef struct
{
  guint        line;        /* 0-based line of the text */
  int          start;       /* byte indexes in that line */
  int          end;
  char        *text;        /* as written, trimmed */
  char        *number;      /* E.164, when it is one */
  NumberCheck  check;
  Problem      problem;
  guint        first_line;  /* PROBLEM_DUPLICATE: where it was listed first */
  gboolean     pending;     /* too short, but still being typed */
} Entry;

/* What the server said about one number */
typedef struct
{
  char *code;
  char *message;
} ServerProblem;

struct _PortaNewOrderDialog
{
  AdwWindow          parent_instance;

  PortaClient       *client;
  GListModel        *known_numbers;
  GCancellable      *cancellable;

  gboolean           creating;
  /* Create was tried on an incomplete form: every empty field says so */
  gboolean           reveal_all;
  gboolean           visited[N_FIELDS];
  gboolean           focused[N_FIELDS];
  /* The server's word on a field, translated, until the field changes */
  char              *server_message[N_FIELDS];

  /* The numbers: the parsed list, the organization's numbers, what the
   * server said about some of them (E.164 → ServerProblem), and the
   * numbers of the request in flight, to map `telephoneNumbers[i]` back */
  GPtrArray         *entries;
  gboolean           too_many;
  GHashTable        *known;
  GHashTable        *server_numbers;
  GStrv              sent_numbers;
  GHashTable        *bad_lines;
  GStrv              shown_problems;
  GtkTextTag        *problem_tag;
  GtkWidget         *gutter;

  GtkWidget         *field_widget[N_FIELDS];
  GtkLabel          *hint[N_FIELDS];
  GtkLabel          *error[N_FIELDS];

  GtkWidget         *create_button;
  GtkSpinner        *spinner;
  GtkRevealer       *banner;
  GtkLabel          *banner_label;
  GtkWidget         *form;
  AdwEntryRow       *name_row;
  GtkLabel          *name_hint;
  GtkLabel          *name_error;
  GtkScrolledWindow *numbers_scroller;
  GtkTextView       *numbers_view;
  GtkTextBuffer     *numbers_buffer;
  GtkLabel          *numbers_hint;
  GtkLabel          *numbers_count;
  GtkLabel          *numbers_error;
  GtkListBox        *problems_list;
  AdwEntryRow       *carrier_row;
  GtkLabel          *carrier_hint;
  GtkLabel          *carrier_error;
  AdwEntryRow       *account_row;
  GtkLabel          *account_hint;
  GtkLabel          *account_error;
  AdwEntryRow       *billing_row;
  GtkLabel          *billing_hint;
  GtkLabel          *billing_error;
  AdwEntryRow       *carrier_pin_row;
  GtkLabel          *carrier_pin_hint;
  GtkLabel          *carrier_pin_error;
  AdwActionRow      *date_row;
  GtkMenuButton     *date_button;
  GtkLabel          *date_label;
  GtkPopover        *date_popover;
  GtkCalendar       *calendar;
  GtkLabel          *date_hint;
  GtkLabel          *date_error;
  AdwEntryRow       *authorized_row;
  GtkLabel          *authorized_hint;
  GtkLabel          *authorized_error;

  /* a day was picked between a press and its release: close the popover */
  gboolean           day_picked;
  /* the calendar's own key handling (see calendar_key_cb) */
  GtkEventController *calendar_keys;
};

G_DEFINE_FINAL_TYPE (PortaNewOrderDialog, porta_new_order_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KNOWN_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (PortaNewOrderDialog *self);

static void
entry_free (Entry *entry)
{
  g_free (entry->text);
  g_free (entry->number);
  g_free (entry);
}

static void
server_problem_free (ServerProblem *problem)
{
  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

/* ---- reading numbers ---------------------------------------------------- */

/* White space, including what a copy from a web page or a spreadsheet
 * brings along */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR
         || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case '-': case '.': case '(': case ')': case '/':
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: /* dashes */
    case 0x2212: /* minus */
      return TRUE;
    default:
      return is_blank (c);
    }
}

/* Reads one number as people write them: "+39 02 1234 5678",
 * "+1 (206) 555-0100", "+44 (0)20 7946 0958" (the "(0)" is the trunk
 * prefix, dialled only at home). Without a + it is refused, never
 * guessed: 02 1234 5678 could be Milan or Buenos Aires. */
static NumberCheck
parse_number (const char  *text,
              char       **e164)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  gboolean other = FALSE;

  if (e164 != NULL)
    *e164 = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '+' && !plus && digits->len == 0)
        plus = TRUE;
      else if (c == '(' && plus && digits->len > 0 && p[1] == '0' && p[2] == ')')
        p += 2;
      else if (!is_separator (c))
        other = TRUE;
    }

  if (other)
    return NUMBER_NOT_DIGITS;
  if (!plus)
    return NUMBER_NO_PLUS;
  if (digits->len > 0 && digits->str[0] == '0')
    return NUMBER_LEADING_ZERO;
  if (digits->len < MIN_DIGITS)
    return NUMBER_TOO_SHORT;
  if (digits->len > MAX_DIGITS)
    return NUMBER_TOO_LONG;

  if (e164 != NULL)
    *e164 = g_strconcat ("+", digits->str, NULL);
  return NUMBER_OK;
}

/* "What was written", cut short when it is long */
static char *
quote (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= MAX_QUOTED_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, MAX_QUOTED_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static char *
entry_message (PortaNewOrderDialog *self,
               const Entry         *entry)
{
  guint line = entry->line + 1;
  g_autofree char *quoted = quote (entry->text);
  g_autofree char *formatted = porta_phone_number_format_e164 (entry->number);
  ServerProblem *server;

  switch (entry->problem)
    {
    case PROBLEM_FORMAT:
      switch (entry->check)
        {
        case NUMBER_NOT_DIGITS:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” can only have digits after the +"), line, quoted);
        case NUMBER_NO_PLUS:
          /* Translators: %u is a line number of the pasted list, %s what is written
           * there. The country code is never guessed: the admin must write it. */
          return g_strdup_printf (_("Line %u: start “%s” with + and the country code"), line, quoted);
        case NUMBER_LEADING_ZERO:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” has a 0 after the +, where the country code goes"),
                                  line, quoted);
        case NUMBER_TOO_SHORT:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” is too short to be a phone number"), line, quoted);
        case NUMBER_TOO_LONG:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” is too long: a phone number has at most 15 digits"),
                                  line, quoted);
        case NUMBER_OK:
        default:
          g_assert_not_reached ();
        }
      break;

    case PROBLEM_DUPLICATE:
      /* Translators: the first %u is a line number of the pasted list, %s a
       * phone number, the second %u the line where it was listed first */
      return g_strdup_printf (_("Line %u: %s is listed twice (also line %u)"),
                              line, formatted, entry->first_line + 1);

    case PROBLEM_KNOWN:
      /* Translators: %u is a line number of the pasted list, %s a phone number */
      return g_strdup_printf (_("Line %u: %s is already one of the organization’s numbers"), line, formatted);

    case PROBLEM_SERVER:
      server = g_hash_table_lookup (self->server_numbers, entry->number);
      if (g_strcmp0 (server->code, "alreadyInTenant") == 0)
        return g_strdup_printf (_("Line %u: %s is already one of the organization’s numbers"), line, formatted);
      if (g_strcmp0 (server->code, "alreadyInOrder") == 0)
        /* Translators: %u is a line number of the pasted list, %s a phone number */
        return g_strdup_printf (_("Line %u: %s is already in another open port-in order"), line, formatted);
      if (g_strcmp0 (server->code, "invalidFormat") == 0)
        /* Translators: %u is a line number of the pasted list, %s a phone number */
        return g_strdup_printf (_("Line %u: the server does not take %s as a phone number"), line, formatted);
      /* Translators: %u is a line number of the pasted list, the first %s a
       * phone number, the second what the server said about it (in English) */
      return g_strdup_printf (_("Line %u: %s: %s"), line, formatted, server->message);

    case PROBLEM_NONE:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
add_entry (PortaNewOrderDialog *self,
           GHashTable          *first_lines,
           guint                line,
           const char          *line_text,
           const char          *start,
           const char          *end)
{
  Entry *entry;
  gpointer first;

  /* trim, as the server does */
  while (start < end && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_blank (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end)
    return;

  entry = g_new0 (Entry, 1);
  entry->line = line;
  entry->start = start - line_text;
  entry->end = end - line_text;
  entry->text = g_strndup (start, end - start);
  entry->check = parse_number (entry->text, &entry->number);

  if (entry->check != NUMBER_OK)
    entry->problem = PROBLEM_FORMAT;
  else if (g_hash_table_lookup_extended (first_lines, entry->number, NULL, &first))
    {
      entry->problem = PROBLEM_DUPLICATE;
      entry->first_line = GPOINTER_TO_UINT (first);
    }
  else
    {
      g_hash_table_insert (first_lines, entry->number, GUINT_TO_POINTER (line));
      if (g_hash_table_contains (self->known, entry->number))
        entry->problem = PROBLEM_KNOWN;
      else if (g_hash_table_contains (self->server_numbers, entry->number))
        entry->problem = PROBLEM_SERVER;
    }

  g_ptr_array_add (self->entries, entry);
}

/* One number a line is the rule; commas, semicolons and tabs also part
 * numbers, as a list copied from a spreadsheet or an e-mail has them.
 * Blank lines are skipped, but still counted in the line numbers. The
 * lines are the text buffer's own (\n, \r\n, \r…), as its line numbers
 * beside the text show them. */
static void
parse_numbers (PortaNewOrderDialog *self)
{
  g_autoptr(GHashTable) first_lines = g_hash_table_new (g_str_hash, g_str_equal);
  GtkTextIter line_start;

  g_ptr_array_set_size (self->entries, 0);
  gtk_text_buffer_get_start_iter (self->numbers_buffer, &line_start);
  do
    {
      GtkTextIter line_end = line_start;
      g_autofree char *text = NULL;
      const char *item;
      guint line = gtk_text_iter_get_line (&line_start);

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      text = gtk_text_iter_get_slice (&line_start, &line_end);

      item = text;
      for (const char *p = text; ; p++)
        {
          if (*p == ',' || *p == ';' || *p == '\t' || *p == '\0')
            {
              add_entry (self, first_lines, line, text, item, p);
              item = p + 1;
            }
          if (*p == '\0')
            break;
        }
    }
  while (gtk_text_iter_forward_line (&line_start));

  self->too_many = self->entries->len > MAX_NUMBERS;
}

/* A number still being typed at the end of its line is not called too
 * short yet: it would scold every digit. */
static void
mark_pending (PortaNewOrderDialog *self)
{
  GtkTextIter cursor;
  int line, index;
  gboolean typing = self->focused[FIELD_NUMBERS] && !self->reveal_all;

  gtk_text_buffer_get_iter_at_mark (self->numbers_buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->numbers_buffer));
  line = gtk_text_iter_get_line (&cursor);
  index = gtk_text_iter_get_line_index (&cursor);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      entry->pending = typing && entry->check == NUMBER_TOO_SHORT
                       && (int) entry->line == line && index >= entry->start && index <= entry->end;
    }
}

static gboolean
entry_shows_problem (const Entry *entry)
{
  return entry->problem != PROBLEM_NONE && !entry->pending;
}

/* ---- the numbers on screen ---------------------------------------------- */

static void
update_problem_tag_color (PortaNewOrderDialog *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->numbers_view));
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, "error_color", &color))
    gdk_rgba_parse (&color, "#c01c28");
  g_object_set (self->problem_tag, "underline-rgba", &color, NULL);
  gtk_widget_queue_draw (self->gutter);
}

static void
draw_line_numbers (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  PortaNewOrderDialog *self = user_data;
  GtkTextView *view = self->numbers_view;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (view));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), NULL);
  GdkRectangle visible;
  GdkRGBA color, error_color;
  GtkTextIter iter;

  gtk_style_context_get_color (context, &color);
  color.alpha *= 0.55;
  if (!gtk_style_context_lookup_color (context, "error_color", &error_color))
    gdk_rgba_parse (&error_color, "#c01c28");

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);

  for (;;)
    {
      int y, line_height, window_y, text_width, text_height;
      int line = gtk_text_iter_get_line (&iter);
      gboolean bad = g_hash_table_contains (self->bad_lines, GINT_TO_POINTER (line + 1));
      char number[16];

      gtk_text_view_get_line_yrange (view, &iter, &y, &line_height);
      if (y > visible.y + visible.height)
        break;
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, y, NULL, &window_y);

      g_snprintf (number, sizeof number, "%d", line + 1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_move_to (cr, width - text_width - 6, window_y);
      gdk_cairo_set_source_rgba (cr, bad ? &error_color : &color);
      pango_cairo_show_layout (cr, layout);

      /* the last line, even empty, has its number too: forward_line()
       * says FALSE as it reaches it */
      gtk_text_iter_forward_line (&iter);
      if (gtk_text_iter_get_line (&iter) == line)
        break;
    }
}

static void
update_gutter_width (PortaNewOrderDialog *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->numbers_view), "0");
  int lines = gtk_text_buffer_get_line_count (self->numbers_buffer);
  int digits = 2, width;

  for (int n = lines; n >= 100; n /= 10)
    digits++;
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->gutter), digits * width + 12);
}

static GtkWidget *
problem_row_new (const char *message,
                 int         line,
                 int         index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (line >= 0)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Go to the line"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "line", GINT_TO_POINTER (line + 1));
      g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (index));
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Underlines the bad numbers, lists them under the text, counts them.
 * Returns the number of lines with a problem shown. */
static guint
show_numbers (PortaNewOrderDialog *self)
{
  GtkTextIter start, end;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  guint shown = 0;
  g_autofree char *count = NULL;
  guint n = self->entries->len;

  gtk_text_buffer_get_bounds (self->numbers_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->numbers_buffer, self->problem_tag, &start, &end);
  g_hash_table_remove_all (self->bad_lines);

  for (guint i = 0; i < n; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (!entry_shows_problem (entry))
        continue;

      gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &start, entry->line, entry->start);
      gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &end, entry->line, entry->end);
      gtk_text_buffer_apply_tag (self->numbers_buffer, self->problem_tag, &start, &end);
      g_hash_table_add (self->bad_lines, GINT_TO_POINTER (entry->line + 1));

      if (shown < MAX_PROBLEM_ROWS)
        {
          int position[2] = { entry->line, entry->start };

          g_ptr_array_add (messages, entry_message (self, entry));
          g_array_append_val (positions, position);
        }
      shown++;
    }
  if (shown > MAX_PROBLEM_ROWS)
    {
      int position[2] = { -1, 0 };

      g_ptr_array_add (messages,
                       /* Translators: %'u is a count of lines, with the locale's digit grouping */
                       g_strdup_printf (ngettext ("…and %'u more line with a problem",
                                                  "…and %'u more lines with a problem",
                                                  shown - MAX_PROBLEM_ROWS),
                                        shown - MAX_PROBLEM_ROWS));
      g_array_append_val (positions, position);
    }
  g_ptr_array_add (messages, NULL);

  /* rebuilt only when the list changed: moving the cursor keeps it */
  if (self->shown_problems == NULL
      || !g_strv_equal ((const char * const *) self->shown_problems, (const char * const *) messages->pdata))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
        gtk_list_box_remove (self->problems_list, child);
      for (guint i = 0; i + 1 < messages->len; i++)
        {
          int *position = &g_array_index (positions, int, 2 * i);

          gtk_list_box_append (self->problems_list,
                               problem_row_new (messages->pdata[i], position[0], position[1]));
        }
      g_strfreev (self->shown_problems);
      self->shown_problems = g_strdupv ((char **) messages->pdata);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), shown > 0);

  if (n == 0)
    count = g_strdup (_("No numbers yet"));
  else
    /* Translators: %'u is a count, with the locale's digit grouping ("1,000") */
    count = g_strdup_printf (ngettext ("%'u number", "%'u numbers", n), n);
  gtk_label_set_text (self->numbers_count, count);
  if (self->too_many)
    gtk_widget_add_css_class (GTK_WIDGET (self->numbers_count), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->numbers_count), "error");

  update_gutter_width (self);
  gtk_widget_queue_draw (self->gutter);
  return shown;
}

/* ---- the fields --------------------------------------------------------- */

static const char *
required_message (Field field)
{
  switch (field)
    {
    case FIELD_NAME:
      return _("Enter a name for the order.");
    case FIELD_NUMBERS:
      return _("Add at least one number.");
    case FIELD_CARRIER:
      return _("Enter the name of the current carrier.");
    case FIELD_ACCOUNT:
      return _("Enter the account number at the current carrier.");
    case FIELD_BILLING:
      return _("Enter the billing telephone number.");
    case FIELD_CARRIER_PIN:
      return _("Enter the PIN of the account at the current carrier.");
    case FIELD_DATE:
      return _("Choose a transfer date.");
    case FIELD_AUTHORIZED_BY:
      return _("Enter the name of the person who authorizes the transfer.");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static char *
too_long_message (Field field)
{
  guint max = field_info[field].max_chars;

  /* Translators: %u is a number of characters */
  return g_strdup_printf (ngettext ("Too long: use at most %u character.",
                                    "Too long: use at most %u characters.", max), max);
}

static char *
too_many_message (guint n)
{
  /* Translators: %'u is how many numbers were pasted (over 999), with the
   * locale's digit grouping */
  return g_strdup_printf (ngettext ("An order can hold at most 999 numbers, and this list has %'u. "
                                    "Split it into more orders.",
                                    "An order can hold at most 999 numbers, and this list has %'u. "
                                    "Split it into more orders.", n), n);
}

static const char *
billing_message (NumberCheck check)
{
  switch (check)
    {
    case NUMBER_NOT_DIGITS:
      return _("Only digits can follow the +, such as +39 02 1234 5678.");
    case NUMBER_NO_PLUS:
      return _("Start with + and the country code, such as +39 02 1234 5678.");
    case NUMBER_LEADING_ZERO:
      return _("The country code goes right after the +, and never starts with 0.");
    case NUMBER_TOO_SHORT:
      return _("This is too short to be a phone number.");
    case NUMBER_TOO_LONG:
      return _("This is too long: a phone number has at most 15 digits.");
    case NUMBER_OK:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* ---- the date ----------------------------------------------------------- */

static GDateTime *
day_of (GDateTime *date_time)
{
  return g_date_time_new_local (g_date_time_get_year (date_time),
                                g_date_time_get_month (date_time),
                                g_date_time_get_day_of_month (date_time),
                                0, 0, 0);
}

/* The first day the contract's lead time allows, at midnight local time */
static GDateTime *
earliest_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = day_of (now);

  return g_date_time_add_days (today, PORTA_ORDER_LEAD_DAYS);
}

static GDateTime *
chosen_day (PortaNewOrderDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return day_of (date);
}

static char *
format_day (GDateTime *day)
{
  /* Translators: a date in strftime format, as in "26 Nov 2026"; put it in
   * your language's usual order */
  return g_date_time_format (day, _("%-d %b %Y"));
}

static gboolean
date_is_too_soon (PortaNewOrderDialog *self)
{
  g_autoptr(GDateTime) earliest = earliest_day ();
  g_autoptr(GDateTime) chosen = chosen_day (self);

  return g_date_time_compare (chosen, earliest) < 0;
}

static char *
too_soon_message (void)
{
  g_autoptr(GDateTime) earliest = earliest_day ();
  g_autofree char *day = format_day (earliest);

  /* Translators: %s is a date, %u a number of days (7) */
  return g_strdup_printf (ngettext ("Too soon: choose %s or later. The current carrier needs at least "
                                    "%u day’s notice.",
                                    "Too soon: choose %s or later. The current carrier needs at least "
                                    "%u days’ notice.",
                                    PORTA_ORDER_LEAD_DAYS),
                          day, PORTA_ORDER_LEAD_DAYS);
}

/* The time sent with the chosen day. The contract wants it at least
 * PORTA_ORDER_LEAD_DAYS × 24 hours away: on the first allowed day,
 * late in the evening may be needed, so it is never before then (plus a
 * margin for the request's way), and never past the chosen day. */
static GDateTime *
requested_date_time (PortaNewOrderDialog *self)
{
  g_autoptr(GDateTime) day = chosen_day (self);
  g_autoptr(GDateTime) at_hour = g_date_time_add_hours (day, FOC_HOUR);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) lead = g_date_time_add_days (now, PORTA_ORDER_LEAD_DAYS);
  g_autoptr(GDateTime) floor = g_date_time_add_minutes (lead, 10);
  g_autoptr(GDateTime) next_day = g_date_time_add_days (day, 1);
  g_autoptr(GDateTime) last_minute = g_date_time_add_minutes (next_day, -1);

  if (g_date_time_compare (at_hour, floor) >= 0)
    return g_steal_pointer (&at_hour);
  if (g_date_time_compare (floor, last_minute) <= 0)
    return g_steal_pointer (&floor);
  return g_steal_pointer (&last_minute);
}

static void
update_date_label (PortaNewOrderDialog *self)
{
  g_autoptr(GDateTime) day = chosen_day (self);
  /* Translators: the requested transfer date on its button, in strftime
   * format, as in "Thu 26 Nov 2026" */
  g_autofree char *text = g_date_time_format (day, _("%a %-d %b %Y"));
  g_autofree char *label = NULL;

  gtk_label_set_text (self->date_label, text);
  /* Translators: the accessible name of the date button; %s is the date */
  label = g_strdup_printf (_("Requested transfer date: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ---- validation --------------------------------------------------------- */

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static AdwEntryRow *
row_of (PortaNewOrderDialog *self,
        Field                field)
{
  switch (field)
    {
    case FIELD_NAME: return self->name_row;
    case FIELD_CARRIER: return self->carrier_row;
    case FIELD_ACCOUNT: return self->account_row;
    case FIELD_BILLING: return self->billing_row;
    case FIELD_CARRIER_PIN: return self->carrier_pin_row;
    case FIELD_AUTHORIZED_BY: return self->authorized_row;
    case FIELD_NUMBERS:
    case FIELD_DATE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

/* Whether @field holds what the server wants, and the message to show
 * now (NULL for none): an empty field is only called so once visited. */
static gboolean
check_field (PortaNewOrderDialog  *self,
             Field                 field,
             char                **message)
{
  gboolean show_empty = self->visited[field] || self->reveal_all;
  AdwEntryRow *row = row_of (self, field);

  *message = NULL;

  if (field == FIELD_NUMBERS)
    {
      gboolean lines_ok = TRUE;

      for (guint i = 0; i < self->entries->len && lines_ok; i++)
        lines_ok = ((Entry *) self->entries->pdata[i])->problem == PROBLEM_NONE;

      if (self->server_message[field] != NULL)
        *message = g_strdup (self->server_message[field]);
      else if (self->entries->len == 0 && show_empty)
        *message = g_strdup (required_message (field));
      else if (self->too_many)
        *message = too_many_message (self->entries->len);
      return lines_ok && self->entries->len > 0 && !self->too_many && self->server_message[field] == NULL;
    }

  if (field == FIELD_DATE)
    {
      if (date_is_too_soon (self))
        *message = too_soon_message ();
      else if (self->server_message[field] != NULL)
        *message = g_strdup (self->server_message[field]);
      return *message == NULL;
    }

  {
    /* The PIN is read in place and measured, never copied */
    const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
    g_autofree char *trimmed = field == FIELD_CARRIER_PIN ? NULL : dup_trimmed (row);
    const char *value = trimmed != NULL ? trimmed : text;
    gboolean blank = TRUE;

    for (const char *p = value; *p != '\0' && blank; p = g_utf8_next_char (p))
      blank = g_unichar_isspace (g_utf8_get_char (p));

    if (self->server_message[field] != NULL)
      {
        *message = g_strdup (self->server_message[field]);
        return FALSE;
      }
    if (blank)
      {
        if (show_empty)
          *message = g_strdup (required_message (field));
        return FALSE;
      }
    if (field_info[field].max_chars > 0 && g_utf8_strlen (value, -1) > field_info[field].max_chars)
      {
        *message = too_long_message (field);
        return FALSE;
      }
    if (field == FIELD_BILLING)
      {
        NumberCheck check = parse_number (value, NULL);

        if (check == NUMBER_OK)
          return TRUE;
        /* still being typed: not "too short" yet */
        if (!(check == NUMBER_TOO_SHORT && self->focused[field] && !self->reveal_all))
          *message = g_strdup (billing_message (check));
        return FALSE;
      }
    return TRUE;
  }
}

static gboolean
can_create (PortaNewOrderDialog *self)
{
  if (self->creating)
    return FALSE;
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      if (!check_field (self, field, &message))
        return FALSE;
    }
  return TRUE;
}

/* The message goes where a screen reader finds it: on the field, and on
 * the text inside an entry row, which is what has the keyboard focus. */
static void
describe (GtkWidget  *widget,
          const char *description,
          gboolean    invalid)
{
  GtkAccessible *targets[2] = { GTK_ACCESSIBLE (widget), NULL };

  if (ADW_IS_ENTRY_ROW (widget))
    targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget)));

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    {
      if (description != NULL && description[0] != '\0')
        gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
show_field (PortaNewOrderDialog *self,
            Field                field,
            const char          *message,
            guint                bad_lines)
{
  GtkWidget *widget = self->field_widget[field];
  const char *hint = gtk_label_get_text (self->hint[field]);
  g_autofree char *description = NULL;
  gboolean invalid = message != NULL || bad_lines > 0;

  /* the problem takes the hint's place; the numbers keep theirs */
  gtk_label_set_text (self->error[field], message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error[field]), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->hint[field]),
                          hint[0] != '\0' && (message == NULL || field == FIELD_NUMBERS));

  if (ADW_IS_PREFERENCES_ROW (widget) || field == FIELD_DATE)
    {
      GtkWidget *row = field == FIELD_DATE ? GTK_WIDGET (self->date_row) : widget;

      if (invalid)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  if (field == FIELD_NUMBERS)
    {
      GString *text = g_string_new (message);

      if (bad_lines > 0)
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* Translators: read out on the list of numbers; %'u counts lines */
          g_string_append_printf (text, ngettext ("%'u line has a problem:", "%'u lines have a problem:",
                                                  bad_lines), bad_lines);
          for (guint i = 0; i < 3 && self->shown_problems[i] != NULL; i++)
            g_string_append_printf (text, " %s.", self->shown_problems[i]);
        }
      else if (text->len == 0)
        g_string_append_printf (text, "%s %s", gtk_label_get_text (self->numbers_count), hint);
      description = g_string_free (text, FALSE);
    }
  else
    description = g_strdup (message != NULL ? message : hint);

  describe (widget, description, invalid);
  if (field == FIELD_DATE)
    describe (GTK_WIDGET (self->calendar), description, invalid);
}

static void
update_state (PortaNewOrderDialog *self)
{
  guint bad_lines;

  if (self->numbers_view == NULL)
    return;

  mark_pending (self);
  bad_lines = show_numbers (self);

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      check_field (self, field, &message);
      show_field (self, field, message, field == FIELD_NUMBERS ? bad_lines : 0);
    }

  gtk_widget_set_sensitive (self->form, !self->creating);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->creating);
  gtk_spinner_set_spinning (self->spinner, self->creating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-order.create", can_create (self));
}

/* ---- focus, and what the server said ------------------------------------ */

static void
focus_field (PortaNewOrderDialog *self,
             Field                field)
{
  GtkWidget *widget = self->field_widget[field];

  if (ADW_IS_ENTRY_ROW (widget))
    /* without selecting the text, for the next keystroke to replace */
    gtk_text_grab_focus_without_selecting (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (widget))));
  else
    gtk_widget_grab_focus (widget);

  if (field == FIELD_NUMBERS)
    {
      /* at the first bad number, if there is one */
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = self->entries->pdata[i];
          GtkTextIter iter;

          if (entry->problem == PROBLEM_NONE)
            continue;
          gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &iter, entry->line, entry->start);
          gtk_text_buffer_place_cursor (self->numbers_buffer, &iter);
          gtk_text_view_scroll_to_iter (self->numbers_view, &iter, 0.1, FALSE, 0, 0);
          break;
        }
    }
}

static gboolean
focus_first_problem (PortaNewOrderDialog *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *message = NULL;

      if (!check_field (self, field, &message))
        {
          focus_field (self, field);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_banner (PortaNewOrderDialog *self,
             const char          *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner, message != NULL);

  /* Create is where the focus goes after such a problem, to try again:
   * a screen reader reads the problem with it */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->create_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->create_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static char *
server_field_message (Field                  field,
                      const PortaFieldError *problem)
{
  const char *code = problem->code != NULL ? problem->code : "";

  if (strcmp (code, "required") == 0)
    return g_strdup (required_message (field));
  if (strcmp (code, "invalidValue") == 0 && field_info[field].max_chars > 0)
    return too_long_message (field);
  if (strcmp (code, "invalidFormat") == 0 && field == FIELD_BILLING)
    return g_strdup (billing_message (NUMBER_NO_PLUS));
  if (strcmp (code, "tooSoon") == 0 && field == FIELD_DATE)
    return g_strdup_printf (ngettext ("The server finds this date too soon: choose a later one. The current "
                                      "carrier needs at least %u day’s notice.",
                                      "The server finds this date too soon: choose a later one. The current "
                                      "carrier needs at least %u days’ notice.",
                                      PORTA_ORDER_LEAD_DAYS),
                            PORTA_ORDER_LEAD_DAYS);
  if (strcmp (code, "tooMany") == 0 && field == FIELD_NUMBERS)
    return g_strdup (_("An order can hold at most 999 numbers. Split the list into more orders."));

  /* a code Porta does not know: the server's own words, as they are */
  return g_strdup (problem->message != NULL && problem->message[0] != '\0'
                   ? problem->message : _("The server refused this value."));
}

/* Puts each of the server's problems on its field, or its line. Returns
 * whether all of them found one. */
static gboolean
place_field_errors (PortaNewOrderDialog *self,
                    GPtrArray           *problems)
{
  gboolean all_placed = TRUE;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const PortaFieldError *problem = problems->pdata[i];
      const char *target = problem->target != NULL ? problem->target : "";
      gboolean placed = FALSE;

      if (g_str_has_prefix (target, "telephoneNumbers["))
        {
          const char *index_text = target + strlen ("telephoneNumbers[");
          char *end = NULL;
          guint64 index = g_ascii_strtoull (index_text, &end, 10);

          if (end != index_text && g_strcmp0 (end, "]") == 0 && self->sent_numbers != NULL
              && index < g_strv_length (self->sent_numbers))
            {
              ServerProblem *server = g_new0 (ServerProblem, 1);

              server->code = g_strdup (problem->code);
              server->message = g_strdup (problem->message);
              g_hash_table_replace (self->server_numbers, g_strdup (self->sent_numbers[index]), server);
              placed = TRUE;
            }
        }
      else
        {
          for (Field field = 0; field < N_FIELDS && !placed; field++)
            {
              if (strcmp (target, field_info[field].target) != 0)
                continue;
              g_free (self->server_message[field]);
              self->server_message[field] = server_field_message (field, problem);
              placed = TRUE;
            }
        }

      if (!placed)
        {
          g_debug ("A problem with no field: %s %s: %s", target, problem->code, problem->message);
          all_placed = FALSE;
        }
    }

  return all_placed;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PortaNewOrderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPortOrder) order = NULL;
  GPtrArray *problems;

  order = porta_client_create_port_order_finish (PORTA_CLIENT (object), result, &error);

  /* Closed meanwhile: nobody is waiting for the answer */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->creating = FALSE;

  if (order != NULL)
    {
      g_clear_pointer (&self->sent_numbers, g_strfreev);
      g_signal_emit (self, signals[CREATED], 0, order);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_debug ("The order was not created: %s", error->message);

  problems = porta_error_get_field_errors (error);
  if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_INVALID_REQUEST)
      && problems != NULL && problems->len > 0)
    {
      /* what found no field still needs saying */
      if (!place_field_errors (self, problems))
        show_banner (self, error->message);
      parse_numbers (self);
    }
  else
    show_banner (self, error->message);

  g_clear_pointer (&self->sent_numbers, g_strfreev);
  update_state (self);

  /* back to the first thing to fix, its message read out with it; or,
   * when nothing in the form is wrong, to Create, to try again */
  if (!focus_first_problem (self))
    gtk_widget_grab_focus (self->create_button);
}

static void
try_create (PortaNewOrderDialog *self)
{
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *name = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *account = NULL;
  g_autofree char *billing = NULL;
  g_autofree char *authorized_by = NULL;
  g_autofree char *billing_text = NULL;
  PortaNewPortOrder order;
  char *pin;

  /* One request, however often Create, Enter or Ctrl+Enter is pressed:
   * the action is disabled while creating, and this holds even if an
   * activation was already queued. */
  if (self->creating)
    return;

  if (!can_create (self))
    {
      /* say everything that is missing, and go to the first of it */
      self->reveal_all = TRUE;
      update_state (self);
      focus_first_problem (self);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  numbers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (numbers, g_strdup (((Entry *) self->entries->pdata[i])->number));
  g_ptr_array_add (numbers, NULL);

  name = dup_trimmed (self->name_row);
  carrier = dup_trimmed (self->carrier_row);
  account = dup_trimmed (self->account_row);
  billing_text = dup_trimmed (self->billing_row);
  parse_number (billing_text, &billing);
  authorized_by = dup_trimmed (self->authorized_row);
  date_time = requested_date_time (self);

  /* Let go of the focus before the form turns insensitive: a focused
   * GtkText made insensitive keeps its cursor blinking. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  self->creating = TRUE;
  show_banner (self, NULL);
  g_strfreev (self->sent_numbers);
  self->sent_numbers = g_strdupv ((char **) numbers->pdata);
  update_state (self);

  /* The only copy of the carrier PIN Porta makes, wiped as soon as the
   * client has built its request body (it keeps none). */
  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->carrier_pin_row)));
  order = (PortaNewPortOrder) {
    .display_name = name,
    .telephone_numbers = (const char * const *) self->sent_numbers,
    .carrier_name = carrier,
    .account_number = account,
    .billing_telephone_number = billing,
    .carrier_pin = pin,
    .requested_foc_date_time = date_time,
    .authorized_by = authorized_by,
  };
  porta_client_create_port_order_async (self->client, &order, self->cancellable,
                                        created_cb, g_object_ref (self));
  porta_pin_free (pin);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  try_create (PORTA_NEW_ORDER_DIALOG (widget));
}

/* GtkTextView takes Ctrl+Enter for a new line: the list of numbers
 * hands it to the dialog first */
static gboolean
numbers_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PortaNewOrderDialog   *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & gtk_accelerator_get_default_mod_mask ()) == GDK_CONTROL_MASK)
    {
      try_create (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
create_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  try_create (PORTA_NEW_ORDER_DIALOG (widget));
  return TRUE;
}

/* ---- signals from the fields -------------------------------------------- */

static Field
field_of (PortaNewOrderDialog *self,
          gpointer             widget)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->field_widget[field] == widget)
      return field;
  g_return_val_if_reached (FIELD_NAME);
}

static void
row_changed_cb (PortaNewOrderDialog *self,
                AdwEntryRow         *row)
{
  Field field = field_of (self, row);

  /* an edit answers the server's last word on the field */
  g_clear_pointer (&self->server_message[field], g_free);
  update_state (self);
}

static void
row_activated_cb (PortaNewOrderDialog *self,
                  AdwEntryRow         *row)
{
  Field field = field_of (self, row);

  /* Enter moves on to the next field, as a person filling in a form
   * expects; on the last one it creates the order, or says what is
   * missing. */
  if (field == FIELD_AUTHORIZED_BY)
    try_create (self);
  else
    focus_field (self, field + 1);
}

static void
numbers_changed_cb (PortaNewOrderDialog *self)
{
  g_clear_pointer (&self->server_message[FIELD_NUMBERS], g_free);
  parse_numbers (self);
  update_state (self);
}

static void
cursor_moved_cb (PortaNewOrderDialog *self)
{
  /* the line being typed may have been left: say what is wrong with it */
  update_state (self);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                PortaNewOrderDialog     *self)
{
  Field field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->focused[field] = TRUE;
  update_state (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                PortaNewOrderDialog     *self)
{
  Field field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->focused[field] = FALSE;
  self->visited[field] = TRUE;
  update_state (self);
}

static void
problem_activated_cb (PortaNewOrderDialog *self,
                      GtkListBoxRow       *row,
                      GtkListBox          *list)
{
  int line = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "line")) - 1;
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index"));
  GtkTextIter iter;

  if (line < 0)
    return;

  /* to the bad number, ready to fix it */
  gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &iter, line, index);
  gtk_text_buffer_place_cursor (self->numbers_buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->numbers_view));
  gtk_text_view_scroll_to_iter (self->numbers_view, &iter, 0.1, FALSE, 0, 0);
}

static void
calendar_changed_cb (PortaNewOrderDialog *self)
{
  g_clear_pointer (&self->server_message[FIELD_DATE], g_free);
  update_date_label (self);
  update_state (self);
}

static void
day_selected_cb (PortaNewOrderDialog *self)
{
  self->day_picked = TRUE;
  calendar_changed_cb (self);
}

static void
date_popover_show_cb (PortaNewOrderDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

/* A click on a day picks it and closes the popover; the arrows that
 * change the month leave it open. The keyboard moves through the days
 * and Enter (or Escape) closes it. */
static gboolean
calendar_event_cb (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   PortaNewOrderDialog      *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
      self->day_picked = FALSE;
      break;
    case GDK_BUTTON_RELEASE:
      if (self->day_picked)
        gtk_popover_popdown (self->date_popover);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
popdown_idle_cb (gpointer user_data)
{
  PortaNewOrderDialog *self = user_data;

  if (self->date_popover != NULL)
    gtk_popover_popdown (self->date_popover);
  return G_SOURCE_REMOVE;
}

static gboolean
calendar_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 PortaNewOrderDialog   *self)
{
  gboolean handled = FALSE;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter
      && keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;

  /* The arrows only move the calendar's focus; GTK 4.8's calendar picks
   * the focused day on space, and ignores Enter: Enter does what space
   * does, as a person choosing a date expects. */
  if (keyval != GDK_KEY_space && self->calendar_keys != NULL)
    g_signal_emit_by_name (self->calendar_keys, "key-pressed", GDK_KEY_space, keycode, state, &handled);

  /* the popover closes once the calendar has picked the day */
  g_idle_add_full (G_PRIORITY_DEFAULT, popdown_idle_cb, g_object_ref (self), g_object_unref);
  return handled ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* ---- the organization's numbers ----------------------------------------- */

static void
add_known (PortaNewOrderDialog *self,
           guint                position,
           guint                n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (self->known_numbers, i);
      char *e164 = NULL;

      if (number == NULL)
        continue;
      if (parse_number (porta_phone_number_get_telephone_number (number), &e164) == NUMBER_OK)
        g_hash_table_add (self->known, e164);
    }
}

static void
known_items_changed_cb (PortaNewOrderDialog *self,
                        guint                position,
                        guint                removed,
                        guint                added)
{
  /* pages arrive one after another: only a removal needs a recount */
  if (removed > 0)
    {
      g_hash_table_remove_all (self->known);
      add_known (self, 0, g_list_model_get_n_items (self->known_numbers));
    }
  else
    add_known (self, position, added);

  parse_numbers (self);
  update_state (self);
}

static void
dark_changed_cb (PortaNewOrderDialog *self)
{
  update_problem_tag_color (self);
}

/* ---- the window --------------------------------------------------------- */

static gboolean
porta_new_order_dialog_close_request (GtkWindow *window)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (window);

  /* Closing while creating abandons the answer (the server may still
   * have taken the order: the list shows it at its next refresh). */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (porta_new_order_dialog_parent_class)->close_request (window);
}

static void
porta_new_order_dialog_constructed (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->constructed (object);

  g_assert (PORTA_IS_CLIENT (self->client));

  if (self->known_numbers != NULL)
    {
      add_known (self, 0, g_list_model_get_n_items (self->known_numbers));
      g_signal_connect_object (self->known_numbers, "items-changed",
                               G_CALLBACK (known_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  parse_numbers (self);
  update_state (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

static void
porta_new_order_dialog_dispose (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->known_numbers != NULL)
    g_signal_handlers_disconnect_by_data (self->known_numbers, self);

  if (self->carrier_pin_row != NULL)
    {
      /* Clear the carrier PIN: AdwPasswordEntryRow keeps it in a
       * GtkPasswordEntryBuffer (non-pageable memory, wiped when freed). */
      g_signal_handlers_disconnect_by_data (self->carrier_pin_row, self);
      gtk_editable_set_text (GTK_EDITABLE (self->carrier_pin_row), "");
    }
  if (self->numbers_buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->numbers_buffer, self);

  self->calendar_keys = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_NEW_ORDER_DIALOG);
  self->numbers_view = NULL;
  self->numbers_buffer = NULL;
  self->carrier_pin_row = NULL;
  g_clear_object (&self->client);
  g_clear_object (&self->known_numbers);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->dispose (object);
}

static void
porta_new_order_dialog_finalize (GObject *object)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->server_numbers);
  g_hash_table_unref (self->bad_lines);
  g_strfreev (self->sent_numbers);
  g_strfreev (self->shown_problems);
  for (Field field = 0; field < N_FIELDS; field++)
    g_free (self->server_message[field]);

  G_OBJECT_CLASS (porta_new_order_dialog_parent_class)->finalize (object);
}

static void
porta_new_order_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_KNOWN_NUMBERS:
      g_value_set_object (value, self->known_numbers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_new_order_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PortaNewOrderDialog *self = PORTA_NEW_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_KNOWN_NUMBERS:
      self->known_numbers = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_new_order_dialog_class_init (PortaNewOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_new_order_dialog_constructed;
  object_class->dispose = porta_new_order_dialog_dispose;
  object_class->finalize = porta_new_order_dialog_finalize;
  object_class->get_property = porta_new_order_dialog_get_property;
  object_class->set_property = porta_new_order_dialog_set_property;

  window_class->close_request = porta_new_order_dialog_close_request;

  /**
   * PortaNewOrderDialog:client:
   *
   * The client that sends the order.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaNewOrderDialog:known-numbers:
   *
   * The organization's numbers (#PortaPhoneNumber items), as far as they
   * are loaded, or %NULL: a line with one of them is flagged at once,
   * before the server would refuse it. Numbers that arrive later are
   * taken into account as they come.
   */
  properties[PROP_KNOWN_NUMBERS] =
    g_param_spec_object ("known-numbers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaNewOrderDialog::created:
   * @order: the new order, as the server returned it
   *
   * The server accepted the order; the dialog closes itself right after.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTA_TYPE_PORT_ORDER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-new-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, form);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_scroller);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_view);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_buffer);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_count);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, numbers_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, account_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, billing_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, carrier_pin_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_row);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNewOrderDialog, authorized_error);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "new-order.create", NULL, create_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Ctrl+Enter creates from anywhere, the list of numbers included, or
   * says what is missing: so it works even while Create is disabled */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, create_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, create_shortcut_cb, NULL);
}

static void
set_up_label (GtkLabel *label,
              gboolean  is_error)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (label), is_error ? "error" : "dim-label");
  if (is_error)
    gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
}

static void
porta_new_order_dialog_init (PortaNewOrderDialog *self)
{
  g_autofree char *date_hint = NULL;
  GtkAdjustment *vadjustment;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->server_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) server_problem_free);
  self->bad_lines = g_hash_table_new (NULL, NULL);

  self->field_widget[FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->field_widget[FIELD_NUMBERS] = GTK_WIDGET (self->numbers_view);
  self->field_widget[FIELD_CARRIER] = GTK_WIDGET (self->carrier_row);
  self->field_widget[FIELD_ACCOUNT] = GTK_WIDGET (self->account_row);
  self->field_widget[FIELD_BILLING] = GTK_WIDGET (self->billing_row);
  self->field_widget[FIELD_CARRIER_PIN] = GTK_WIDGET (self->carrier_pin_row);
  self->field_widget[FIELD_DATE] = GTK_WIDGET (self->date_button);
  self->field_widget[FIELD_AUTHORIZED_BY] = GTK_WIDGET (self->authorized_row);
  self->hint[FIELD_NAME] = self->name_hint;
  self->hint[FIELD_NUMBERS] = self->numbers_hint;
  self->hint[FIELD_CARRIER] = self->carrier_hint;
  self->hint[FIELD_ACCOUNT] = self->account_hint;
  self->hint[FIELD_BILLING] = self->billing_hint;
  self->hint[FIELD_CARRIER_PIN] = self->carrier_pin_hint;
  self->hint[FIELD_DATE] = self->date_hint;
  self->hint[FIELD_AUTHORIZED_BY] = self->authorized_hint;
  self->error[FIELD_NAME] = self->name_error;
  self->error[FIELD_NUMBERS] = self->numbers_error;
  self->error[FIELD_CARRIER] = self->carrier_error;
  self->error[FIELD_ACCOUNT] = self->account_error;
  self->error[FIELD_BILLING] = self->billing_error;
  self->error[FIELD_CARRIER_PIN] = self->carrier_pin_error;
  self->error[FIELD_DATE] = self->date_error;
  self->error[FIELD_AUTHORIZED_BY] = self->authorized_error;

  /* Translators: %u is a number of days (7) */
  date_hint = g_strdup_printf (ngettext ("At least %u day from today. The current carrier later confirms the "
                                         "transfer date (the FOC date).",
                                         "At least %u days from today. The current carrier later confirms the "
                                         "transfer date (the FOC date).",
                                         PORTA_ORDER_LEAD_DAYS),
                               PORTA_ORDER_LEAD_DAYS);
  gtk_label_set_text (self->date_hint, date_hint);

  for (Field field = 0; field < N_FIELDS; field++)
    {
      GtkWidget *widget = self->field_widget[field];

      set_up_label (self->hint[field], FALSE);
      set_up_label (self->error[field], TRUE);

      controller = gtk_event_controller_focus_new ();
      g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
      g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (widget, controller);

      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (row_changed_cb), self);
          g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (row_activated_cb), self);
          /* the text is what takes the focus: give it the row's name */
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget))),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                          -1);
        }
    }

  /* the numbers: bad ones underlined, and line numbers beside them, as
   * the messages refer to lines */
  self->problem_tag = gtk_text_buffer_create_tag (self->numbers_buffer, "problem",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  NULL);
  self->gutter = gtk_drawing_area_new ();
  gtk_widget_add_css_class (self->gutter, "line-numbers");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutter), draw_line_numbers, self, NULL);
  gtk_text_view_set_gutter (self->numbers_view, GTK_TEXT_WINDOW_LEFT, self->gutter);
  g_signal_connect_swapped (self->numbers_buffer, "changed", G_CALLBACK (numbers_changed_cb), self);
  g_signal_connect_swapped (self->numbers_buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self);
  /* the line numbers follow the text as it scrolls, and as its layout
   * settles after an edit */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->numbers_scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                           self->gutter, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (gtk_widget_queue_draw),
                           self->gutter, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (numbers_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->numbers_view), controller);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_problem_tag_color (self);

  /* the date: the lead time ahead, unless the admin picks another */
  {
    g_autoptr(GDateTime) earliest = earliest_day ();

    gtk_calendar_select_day (self->calendar, earliest);
  }
  update_date_label (self);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (calendar_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self->calendar));

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && self->calendar_keys == NULL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (item))
          self->calendar_keys = GTK_EVENT_CONTROLLER (item);
      }
  }
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (calendar_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);
}

/**
 * porta_new_order_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @client: the client that sends the order
 * @known_numbers: (nullable): the organization's numbers
 *   (#PortaPhoneNumber items), as far as they are loaded
 *
 * Creates the dialog for a new port-in order. It is modal and closes
 * itself after #PortaNewOrderDialog::created, for the caller to select
 * the new order.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
PortaNewOrderDialog *
porta_new_order_dialog_new (GtkWindow   *parent,
                            PortaClient *client,
                            GListModel  *known_numbers)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PORTA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (known_numbers == NULL || G_IS_LIST_MODEL (known_numbers), NULL);

  return g_object_new (PORTA_TYPE_NEW_ORDER_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "known-numbers", known_numbers,
                       NULL);
}
