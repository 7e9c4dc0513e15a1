/* porta-cell-text.c — one line of text in a list cell, cheap to make
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a list cell needs of GtkLabel — one line, ellipsized at the end,
 * in the style's colour — for a measured reason (tests/bench/bench-voice,
 * issue 6). A GTK 4.8 list view keeps some 200 rows of widgets, six
 * cells each in the Voice page, and builds them again when a search
 * shrinks the list and it grows back. GtkLabel lays its text out to be
 * measured, again on every change; GtkInscription does not, but makes a
 * PangoContext of its own and shapes Pango's sample sentence on every
 * measure: 50 to 100 ms for the rows of one keystroke. This widget's
 * size is one line of the list's font, worked out once per font and
 * shared, it borrows the list's PangoContext, and it lays its text out
 * only when drawn, which only the rows in sight are.
 */
#define G_LOG_DOMAIN "porta-cell-text"

#include "config.h"

#include "porta-cell-text.h"

struct _PortaCellText
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;           /* made when first drawn */
  guint        context_serial;
};

G_DEFINE_FINAL_TYPE (PortaCellText, porta_cell_text, GTK_TYPE_WIDGET)

typedef struct
{
  guint serial;
  int   height;
  int   baseline;
} LineMetrics;

/* The list's context, one for all its cells: their font is the list's */
static PangoContext *
get_context (PortaCellText *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);

  return gtk_widget_get_pango_context (list != NULL ? list : GTK_WIDGET (self));
}

static const LineMetrics *
get_line_metrics (PangoContext *context)
{
  static GQuark quark;
  LineMetrics *line;

  if (quark == 0)
    quark = g_quark_from_static_string ("porta-cell-text-line");

  line = g_object_get_qdata (G_OBJECT (context), quark);
  if (line == NULL)
    {
      line = g_new0 (LineMetrics, 1);
      g_object_set_qdata_full (G_OBJECT (context), quark, line, g_free);
    }
  if (line->height == 0 || line->serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      pango_font_metrics_unref (metrics);
      line->height = PANGO_PIXELS_CEIL (ascent + descent);
      line->baseline = PANGO_PIXELS_CEIL (ascent);
      line->serial = pango_context_get_serial (context);
    }
  return line;
}

static void
porta_cell_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  const LineMetrics *line;

  /* as wide as the column makes it */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  line = get_line_metrics (get_context (PORTA_CELL_TEXT (widget)));
  *minimum = *natural = line->height;
  *minimum_baseline = *natural_baseline = line->baseline;
}

static void
porta_cell_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PortaCellText *self = PORTA_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context;
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  context = get_context (self);
  if (self->layout == NULL || pango_layout_get_context (self->layout) != context)
    {
      g_clear_object (&self->layout);
      self->layout = pango_layout_new (context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text, -1);
    }
  else if (self->context_serial != pango_context_get_serial (context))
    pango_layout_context_changed (self->layout);
  self->context_serial = pango_context_get_serial (context);

  pango_layout_set_alignment (self->layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                            ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* the style's colour: .error and the selection change it */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
porta_cell_text_dispose (GObject *object)
{
  g_clear_object (&PORTA_CELL_TEXT (object)->layout);

  G_OBJECT_CLASS (porta_cell_text_parent_class)->dispose (object);
}

static void
porta_cell_text_finalize (GObject *object)
{
  g_free (PORTA_CELL_TEXT (object)->text);

  G_OBJECT_CLASS (porta_cell_text_parent_class)->finalize (object);
}

static void
porta_cell_text_class_init (PortaCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_cell_text_dispose;
  object_class->finalize = porta_cell_text_finalize;
  widget_class->measure = porta_cell_text_measure;
  widget_class->snapshot = porta_cell_text_snapshot;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
porta_cell_text_init (PortaCellText *self)
{
}

GtkWidget *
porta_cell_text_new (void)
{
  return g_object_new (PORTA_TYPE_CELL_TEXT, NULL);
}

const char *
porta_cell_text_get_text (PortaCellText *self)
{
  g_return_val_if_fail (PORTA_IS_CELL_TEXT (self), NULL);
  return self->text;
}

/**
 * porta_cell_text_set_text:
 * @self: a #PortaCellText
 * @text: (nullable): the text
 *
 * Sets the text; its size does not change, so nothing is measured again.
 */
void
porta_cell_text_set_text (PortaCellText *self,
                          const char    *text)
{
  g_return_if_fail (PORTA_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
