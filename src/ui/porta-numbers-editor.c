/* porta-numbers-editor.c — a pasted list of phone numbers, line by line
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers part of the new-order dialog, on its own (issue 12). The
 * numbers are pasted as a list and read by porta-order-rules.c: each
 * line as E.164, forgiving the spaces, dashes, dots and brackets people
 * write numbers with but never guessing a country code. Every bad line
 * is underlined in the text, its line number turns red in the gutter,
 * and it is named, in words, in a list under the text; a row of that
 * list takes the cursor to the line. The organization's numbers, and
 * what the server said about some numbers, are flagged too.
 *
 * The dialog decides when a problem is shown (an empty list only once
 * the field was left) and where the focus goes; this widget shows it.
 */
#define G_LOG_DOMAIN "porta-numbers-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-numbers-editor.h"
#include "porta-order-rules.h"
#include "porta-phone-number.h"

/* A list of 999 bad lines would bury the form: the first ones are
 * listed, then how many more there are. */
#define MAX_PROBLEM_ROWS 50

/* One row of the list of problems. Where its line is, the editor keeps
 * beside it, by the row's index (problem_positions). */
static GtkWidget *
problem_row_new (const char *message,
                 gboolean    has_line)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (has_line)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Go to the line"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), has_line);
  return row;
}

/* ---- the editor --------------------------------------------------------- */

struct _PortaNumbersEditor
{
  AdwBin             parent_instance;

  GListModel        *known_numbers;
  GHashTable        *known;            /* E.164 set */
  GHashTable        *server_numbers;   /* E.164 → PortaFieldError */
  GPtrArray         *lines;            /* PortaOrderLine */
  GArray            *pending;          /* gboolean per line: too short, still being typed */
  GHashTable        *bad_lines;        /* 1-based line numbers, for the gutter */
  GStrv              shown_problems;
  GArray            *problem_positions; /* ProblemPosition per row of the list */
  GtkTextTag        *problem_tag;
  GtkWidget         *gutter;

  GtkScrolledWindow *numbers_scroller;
  GtkTextView       *numbers_view;
  GtkTextBuffer     *numbers_buffer;
  GtkLabel          *numbers_count;
  GtkLabel          *numbers_hint;
  GtkLabel          *numbers_error;
  GtkListBox        *problems_list;
};

G_DEFINE_FINAL_TYPE (PortaNumbersEditor, porta_numbers_editor, ADW_TYPE_BIN)

/* Where the number a row of the list of problems is about is written */
typedef struct
{
  int line;    /* 0-based, or -1: the "…and N more" row */
  int index;   /* byte index in the line */
} ProblemPosition;

enum {
  CHANGED,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_error_free (PortaFieldError *problem)
{
  g_free (problem->target);
  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

static void
parse (PortaNumbersEditor *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (self->numbers_buffer, &start, &end);
  text = gtk_text_buffer_get_slice (self->numbers_buffer, &start, &end, TRUE);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  self->lines = porta_order_rules_parse_numbers (text, self->known, self->server_numbers);
}

/* A number still being typed at the end of its line is not called too
 * short yet: it would scold every digit. */
static void
mark_pending (PortaNumbersEditor *self,
              gboolean            typing)
{
  GtkTextIter cursor;
  int line, index;

  gtk_text_buffer_get_iter_at_mark (self->numbers_buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->numbers_buffer));
  line = gtk_text_iter_get_line (&cursor);
  index = gtk_text_iter_get_line_index (&cursor);

  g_array_set_size (self->pending, self->lines->len);
  for (guint i = 0; i < self->lines->len; i++)
    {
      PortaOrderLine *entry = self->lines->pdata[i];

      g_array_index (self->pending, gboolean, i) =
        typing && entry->check == PORTA_NUMBER_CHECK_TOO_SHORT
        && (int) entry->line == line && index >= entry->start && index <= entry->end;
    }
}

static void
update_problem_tag_color (PortaNumbersEditor *self)
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
  PortaNumbersEditor *self = user_data;
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
update_gutter_width (PortaNumbersEditor *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->numbers_view), "0");
  int lines = gtk_text_buffer_get_line_count (self->numbers_buffer);
  int digits = 2, width;

  for (int n = lines; n >= 100; n /= 10)
    digits++;
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->gutter), digits * width + 12);
}

/* Underlines the bad numbers, lists them under the text, counts them.
 * Returns the number of lines with a problem shown. */
static guint
show_numbers (PortaNumbersEditor *self)
{
  GtkTextIter start, end;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (ProblemPosition));
  guint shown = 0;
  g_autofree char *count = NULL;
  guint n = self->lines->len;

  gtk_text_buffer_get_bounds (self->numbers_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->numbers_buffer, self->problem_tag, &start, &end);
  g_hash_table_remove_all (self->bad_lines);

  for (guint i = 0; i < n; i++)
    {
      PortaOrderLine *entry = self->lines->pdata[i];

      if (entry->problem == PORTA_ORDER_LINE_OK || g_array_index (self->pending, gboolean, i))
        continue;

      gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &start, entry->line, entry->start);
      gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &end, entry->line, entry->end);
      gtk_text_buffer_apply_tag (self->numbers_buffer, self->problem_tag, &start, &end);
      g_hash_table_add (self->bad_lines, GINT_TO_POINTER (entry->line + 1));

      if (shown < MAX_PROBLEM_ROWS)
        {
          ProblemPosition position = { entry->line, entry->start };

          g_ptr_array_add (messages, porta_order_line_dup_message (entry));
          g_array_append_val (positions, position);
        }
      shown++;
    }
  if (shown > MAX_PROBLEM_ROWS)
    {
      ProblemPosition position = { -1, 0 };

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
        gtk_list_box_append (self->problems_list,
                             problem_row_new (messages->pdata[i],
                                              g_array_index (positions, ProblemPosition, i).line >= 0));
      g_array_unref (self->problem_positions);
      self->problem_positions = g_steal_pointer (&positions);
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
  if (porta_order_rules_too_many_numbers (n))
    gtk_widget_add_css_class (GTK_WIDGET (self->numbers_count), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->numbers_count), "error");

  update_gutter_width (self);
  gtk_widget_queue_draw (self->gutter);
  return shown;
}

/* ---- signals ------------------------------------------------------------ */

static void
buffer_changed_cb (PortaNumbersEditor *self)
{
  parse (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cursor_moved_cb (PortaNumbersEditor *self)
{
  /* the line being typed may have been left: say what is wrong with it */
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
problem_activated_cb (PortaNumbersEditor *self,
                      GtkListBoxRow      *row,
                      GtkListBox         *list)
{
  int i = gtk_list_box_row_get_index (row);
  ProblemPosition *position;
  GtkTextIter iter;

  if (i < 0 || (guint) i >= self->problem_positions->len)
    return;
  position = &g_array_index (self->problem_positions, ProblemPosition, i);
  if (position->line < 0)
    return;

  /* to the bad number, ready to fix it */
  gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &iter, position->line, position->index);
  gtk_text_buffer_place_cursor (self->numbers_buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->numbers_view));
  gtk_text_view_scroll_to_iter (self->numbers_view, &iter, 0.1, FALSE, 0, 0);
}

static void
add_known (PortaNumbersEditor *self,
           guint               position,
           guint               n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (self->known_numbers, i);
      char *e164 = NULL;

      if (number == NULL)
        continue;
      if (porta_order_rules_parse_number (porta_phone_number_get_telephone_number (number), &e164)
          == PORTA_NUMBER_CHECK_OK)
        g_hash_table_add (self->known, e164);
    }
}

static void
known_items_changed_cb (PortaNumbersEditor *self,
                        guint               position,
                        guint               removed,
                        guint               added)
{
  /* pages arrive one after another: only a removal needs a recount */
  if (removed > 0)
    {
      g_hash_table_remove_all (self->known);
      add_known (self, 0, g_list_model_get_n_items (self->known_numbers));
    }
  else
    add_known (self, position, added);

  parse (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

/* ---- the object --------------------------------------------------------- */

static void
porta_numbers_editor_dispose (GObject *object)
{
  PortaNumbersEditor *self = PORTA_NUMBERS_EDITOR (object);

  if (self->known_numbers != NULL)
    g_signal_handlers_disconnect_by_data (self->known_numbers, self);
  g_clear_object (&self->known_numbers);
  if (self->numbers_buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->numbers_buffer, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_NUMBERS_EDITOR);
  self->numbers_view = NULL;
  self->numbers_buffer = NULL;

  G_OBJECT_CLASS (porta_numbers_editor_parent_class)->dispose (object);
}

static void
porta_numbers_editor_finalize (GObject *object)
{
  PortaNumbersEditor *self = PORTA_NUMBERS_EDITOR (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_array_unref (self->pending);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->server_numbers);
  g_hash_table_unref (self->bad_lines);
  g_strfreev (self->shown_problems);
  g_array_unref (self->problem_positions);

  G_OBJECT_CLASS (porta_numbers_editor_parent_class)->finalize (object);
}

static void
porta_numbers_editor_class_init (PortaNumbersEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_numbers_editor_dispose;
  object_class->finalize = porta_numbers_editor_finalize;

  /**
   * PortaNumbersEditor::changed:
   *
   * The text changed; the numbers were read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PortaNumbersEditor::updated:
   *
   * Something else changed what is to be shown: the cursor moved, or
   * more of the organization's numbers arrived.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-numbers-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_scroller);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_view);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_buffer);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_count);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, numbers_error);
  gtk_widget_class_bind_template_child (widget_class, PortaNumbersEditor, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
}

static void
porta_numbers_editor_init (PortaNumbersEditor *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->server_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) field_error_free);
  self->bad_lines = g_hash_table_new (NULL, NULL);
  self->pending = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->problem_positions = g_array_new (FALSE, FALSE, sizeof (ProblemPosition));

  /* bad numbers underlined, and line numbers beside them, as the
   * messages refer to lines */
  self->problem_tag = gtk_text_buffer_create_tag (self->numbers_buffer, "problem",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  NULL);
  self->gutter = gtk_drawing_area_new ();
  gtk_widget_add_css_class (self->gutter, "line-numbers");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutter), draw_line_numbers, self, NULL);
  gtk_text_view_set_gutter (self->numbers_view, GTK_TEXT_WINDOW_LEFT, self->gutter);
  g_signal_connect_swapped (self->numbers_buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect_swapped (self->numbers_buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self);
  /* the line numbers follow the text as it scrolls, and as its layout
   * settles after an edit */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->numbers_scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                           self->gutter, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (gtk_widget_queue_draw),
                           self->gutter, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_problem_tag_color), self, G_CONNECT_SWAPPED);
  update_problem_tag_color (self);

  parse (self);
}

/**
 * porta_numbers_editor_get_view:
 *
 * Returns: (transfer none): the text view: what takes the focus
 */
GtkWidget *
porta_numbers_editor_get_view (PortaNumbersEditor *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBERS_EDITOR (self), NULL);
  return GTK_WIDGET (self->numbers_view);
}

/**
 * porta_numbers_editor_set_known_numbers:
 * @known_numbers: (nullable): the organization's numbers
 *   (#PortaPhoneNumber items), as far as they are loaded: a line with one
 *   of them is flagged at once, before the server would refuse it;
 *   numbers that arrive later are taken into account as they come
 */
void
porta_numbers_editor_set_known_numbers (PortaNumbersEditor *self,
                                        GListModel         *known_numbers)
{
  g_return_if_fail (PORTA_IS_NUMBERS_EDITOR (self));

  if (self->known_numbers != NULL)
    g_signal_handlers_disconnect_by_data (self->known_numbers, self);
  g_set_object (&self->known_numbers, known_numbers);
  g_hash_table_remove_all (self->known);
  if (known_numbers != NULL)
    {
      add_known (self, 0, g_list_model_get_n_items (known_numbers));
      g_signal_connect_object (known_numbers, "items-changed",
                               G_CALLBACK (known_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  parse (self);
}

/**
 * porta_numbers_editor_check:
 * @show_empty: whether an empty list is to be called so
 * @message: (out) (transfer full) (nullable): what to say about the whole
 *   list, if anything (the lines speak for themselves)
 *
 * Returns: whether the list can go in an order: at least one number, at
 *   most 999, none with a problem
 */
gboolean
porta_numbers_editor_check (PortaNumbersEditor  *self,
                            gboolean             show_empty,
                            char               **message)
{
  gboolean lines_ok = TRUE;
  gboolean too_many;

  g_return_val_if_fail (PORTA_IS_NUMBERS_EDITOR (self), FALSE);

  *message = NULL;
  too_many = porta_order_rules_too_many_numbers (self->lines->len);
  for (guint i = 0; i < self->lines->len && lines_ok; i++)
    lines_ok = ((PortaOrderLine *) self->lines->pdata[i])->problem == PORTA_ORDER_LINE_OK;

  if (self->lines->len == 0 && show_empty)
    *message = g_strdup (porta_order_field_required_message (PORTA_ORDER_FIELD_NUMBERS));
  else if (too_many)
    *message = porta_order_rules_too_many_message (self->lines->len);
  return lines_ok && self->lines->len > 0 && !too_many;
}

/**
 * porta_numbers_editor_dup_numbers:
 *
 * Returns: (transfer full): the numbers in E.164, in order (only
 *   meaningful when porta_numbers_editor_check() says they are fine)
 */
GStrv
porta_numbers_editor_dup_numbers (PortaNumbersEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PORTA_IS_NUMBERS_EDITOR (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const char *number = ((PortaOrderLine *) self->lines->pdata[i])->number;

      g_strv_builder_add (builder, number != NULL ? number : "");
    }
  return g_strv_builder_end (builder);
}

/**
 * porta_numbers_editor_add_server_problem:
 * @e164: a number that was sent
 * @problem: what the server said about it
 *
 * Flags @e164 with @problem, on whichever line has it, until the server
 * is asked again.
 */
void
porta_numbers_editor_add_server_problem (PortaNumbersEditor    *self,
                                         const char            *e164,
                                         const PortaFieldError *problem)
{
  PortaFieldError *copy;

  g_return_if_fail (PORTA_IS_NUMBERS_EDITOR (self));

  copy = g_new0 (PortaFieldError, 1);
  copy->target = g_strdup (problem->target);
  copy->code = g_strdup (problem->code);
  copy->message = g_strdup (problem->message);
  g_hash_table_replace (self->server_numbers, g_strdup (e164), copy);
  parse (self);
}

/* The message goes where a screen reader finds it */
static void
describe (PortaNumbersEditor *self,
          const char         *message,
          guint               bad_lines)
{
  const char *hint = gtk_label_get_text (self->numbers_hint);
  g_autoptr(GString) text = g_string_new (message);

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

  porta_a11y_describe (GTK_WIDGET (self->numbers_view), text->str, message != NULL || bad_lines > 0);
}

/**
 * porta_numbers_editor_show:
 * @message: (nullable): what to say about the whole list
 * @typing: whether the person is typing in it, for a number at the
 *   cursor not to be called too short yet
 *
 * Shows the list's problems: the lines underlined and listed, the count,
 * and @message in the error's place under the hint.
 */
void
porta_numbers_editor_show (PortaNumbersEditor *self,
                           const char         *message,
                           gboolean            typing)
{
  guint bad_lines;

  g_return_if_fail (PORTA_IS_NUMBERS_EDITOR (self));

  mark_pending (self, typing);
  bad_lines = show_numbers (self);
  gtk_label_set_text (self->numbers_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_error), message != NULL);
  describe (self, message, bad_lines);
}

/**
 * porta_numbers_editor_focus_first_problem:
 *
 * Gives the text the focus, with the cursor at the first bad number if
 * there is one.
 */
void
porta_numbers_editor_focus_first_problem (PortaNumbersEditor *self)
{
  g_return_if_fail (PORTA_IS_NUMBERS_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->numbers_view));
  for (guint i = 0; i < self->lines->len; i++)
    {
      PortaOrderLine *entry = self->lines->pdata[i];
      GtkTextIter iter;

      if (entry->problem == PORTA_ORDER_LINE_OK)
        continue;
      gtk_text_buffer_get_iter_at_line_index (self->numbers_buffer, &iter, entry->line, entry->start);
      gtk_text_buffer_place_cursor (self->numbers_buffer, &iter);
      gtk_text_view_scroll_to_iter (self->numbers_view, &iter, 0.1, FALSE, 0, 0);
      break;
    }
}
