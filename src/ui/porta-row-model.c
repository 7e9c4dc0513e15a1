/* porta-row-model.c — rows that keep their widgets while the list changes
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of PortaRow, one per position of the model below, each
 * holding that position's item in its "item" property. When the model
 * below changes, the rows in view are told their new items and only
 * the end of the list grows or shrinks.
 *
 * The measured reason (tests/bench/bench-voice, issue 6): GTK 4.8's
 * list views keep some 200 rows of widgets around the visible ones and
 * never reuse a row whose item went away. A search that changes the
 * first rows destroyed and rebuilt all of them, six cells each: 30 to
 * 100 ms a keystroke whatever the size of the list. Through rows that
 * stay, the same keystroke only sets the text of the cells. The price:
 * the selection and the scroll position follow positions, not items, so
 * the Voice page puts the selection back on its number itself.
 *
 * That still told all 200 rows their new items (1,200 cells), and when
 * the result crossed 200 numbers GTK still made or destroyed up to 200
 * rows: 15 to 40 ms of one keystroke, nearly all of it for rows out of
 * sight. So, given a view (porta_row_model_set_view()), only the rows
 * in its window — what it shows, and a margin — change at once; the
 * others, and the end of the list, follow in steps of a few
 * milliseconds each, one after each frame the view paints. Meanwhile a
 * row past the new end is blank, and a row out of sight may still show
 * its old item, but porta_row_get_item() always answers for the
 * position as it is now; "pending" says whether steps remain. Without a
 * view every change is made at once.
 *
 * PortaRow lives here, not in a file of its own: it is this model's
 * item and nothing else makes one.
 */
#define G_LOG_DOMAIN "porta-row-model"

#include "config.h"

#include "porta-row-model.h"

/* rows either side of the view's window that change at once too */
#define WINDOW_MARGIN 8
/* a change of the end of the list this small is made at once */
#define SMALL_CHANGE 16
/* a step makes or removes at most this many rows of widgets at a time */
#define STEP_ROWS 24
/* and takes about this long */
#define STEP_BUDGET_US 4000
/* GTK 4.8 keeps widgets for 200 rows from its anchor, and two more */
#define VIEW_ROWS 210

struct _PortaRowModel
{
  GObject        parent_instance;

  GListModel    *model;
  guint          n_items;       /* rows the view has */
  guint          target;        /* items in @model: where n_items is going */
  guint          window_start;  /* rows changed at once: [start, end) */
  guint          window_end;
  gboolean       pending;
  GHashTable    *rows;          /* position → PortaRow, not owned: the rows alive */

  GtkWidget     *view;          /* weak */
  GtkAdjustment *vadjustment;
  double         row_height;    /* from the view, when it last had rows */
  double         page_size;     /* its height then */
  GdkFrameClock *clock;         /* waiting for its next after-paint */
  gulong         after_paint_id;
  guint          step_id;
  guint          window_id;
};

/* ---- PortaRow ---------------------------------------------------------- */

struct _PortaRow
{
  GObject        parent_instance;

  PortaRowModel *model;         /* not owned; NULL once it let the row go */
  guint          position;
  gboolean       stale;         /* @item to be asked for again */
  gboolean       untold;        /* "item" not notified since it changed */
  gpointer       item;
};

G_DEFINE_FINAL_TYPE (PortaRow, porta_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ITEM,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

/* Asks the model for the item at the row's position; past the end of
 * the items, a blank row holds none. Notifies nothing. */
static void
porta_row_fetch (PortaRow *self)
{
  PortaRowModel *model = self->model;
  g_autoptr(GObject) item = NULL;

  self->stale = FALSE;
  if (model != NULL && self->position < model->target)
    item = g_list_model_get_item (model->model, self->position);
  if (g_set_object ((GObject **) &self->item, item))
    self->untold = TRUE;
}

/* Brings the row up to date, and tells its cells */
static void
porta_row_update (PortaRow *self)
{
  if (self->stale)
    porta_row_fetch (self);
  if (self->untold)
    {
      self->untold = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
    }
}

static void
porta_row_finalize (GObject *object)
{
  g_clear_object ((GObject **) &PORTA_ROW (object)->item);

  G_OBJECT_CLASS (porta_row_parent_class)->finalize (object);
}

static void
porta_row_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_ITEM:
      g_value_set_object (value, PORTA_ROW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_row_class_init (PortaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_row_finalize;
  object_class->get_property = porta_row_get_property;

  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
porta_row_init (PortaRow *self)
{
}

/**
 * porta_row_get_item:
 *
 * Returns: (transfer none) (type GObject) (nullable): the item at the
 *   row's position
 */
gpointer
porta_row_get_item (PortaRow *self)
{
  g_return_val_if_fail (PORTA_IS_ROW (self), NULL);

  /* what the cells are told later, the caller learns now */
  if (self->stale)
    porta_row_fetch (self);
  return self->item;
}

guint
porta_row_get_position (PortaRow *self)
{
  g_return_val_if_fail (PORTA_IS_ROW (self), G_MAXUINT);
  return self->position;
}

/* ---- PortaRowModel ----------------------------------------------------- */

static void porta_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaRowModel, porta_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, porta_row_model_list_model_init))

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_step (PortaRowModel *self);

static void
row_finalized_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  PortaRowModel *self = data;
  /* being disposed: its fields are still there to read */
  PortaRow *row = (PortaRow *) where_the_object_was;
  gpointer key = GUINT_TO_POINTER (row->position);

  if (g_hash_table_lookup (self->rows, key) == row)
    g_hash_table_remove (self->rows, key);
}

static void
forget_row (PortaRowModel *self,
            PortaRow      *row)
{
  g_object_weak_unref (G_OBJECT (row), row_finalized_cb, self);
  g_hash_table_remove (self->rows, GUINT_TO_POINTER (row->position));
  /* past the end: never handed out again, even if the list grows */
  row->model = NULL;
  row->stale = FALSE;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = (*(PortaRow * const *) a)->position;
  guint y = (*(PortaRow * const *) b)->position;

  return x < y ? -1 : x > y;
}

/* The rows alive from @from on, held, in order of position: telling a
 * row its item runs handlers that may ask for rows, and so change the
 * table */
static GPtrArray *
collect_rows (PortaRowModel *self,
              guint          from)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (PORTA_ROW (row)->position >= from)
      g_ptr_array_add (rows, g_object_ref (row));
  g_ptr_array_sort (rows, compare_positions);
  return rows;
}

static gboolean
in_window (PortaRowModel *self,
           guint          position)
{
  return position >= self->window_start && position < self->window_end;
}

static gboolean
is_windowed (PortaRowModel *self)
{
  return self->window_start > 0 || self->window_end < G_MAXUINT;
}

static void
update_pending (PortaRowModel *self)
{
  gboolean pending = self->n_items != self->target;
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (!pending && g_hash_table_iter_next (&iter, NULL, &row))
    pending = PORTA_ROW (row)->stale || PORTA_ROW (row)->untold;

  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  schedule_step (self);
}

/* Moves the end of the list to @n_items, in one change */
static void
resize (PortaRowModel *self,
        guint          n_items)
{
  guint old_n = self->n_items;

  if (n_items == old_n)
    return;

  if (n_items < old_n)
    {
      g_autoptr(GPtrArray) gone = collect_rows (self, n_items);

      for (guint i = 0; i < gone->len; i++)
        forget_row (self, g_ptr_array_index (gone, i));
    }
  self->n_items = n_items;
  if (n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n_items - old_n);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, old_n - n_items, 0);
}

/* The view's window: the rows it shows, by its adjustment and the
 * height of a row when it last had some, and a margin */
static void
window_from_view (PortaRowModel *self)
{
  double value, page_size;
  double first, last;

  if (self->view == NULL)
    return;

  value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  page_size = self->page_size;
  if (self->row_height <= 0 || page_size <= 0)
    {
      /* nothing known yet: everything at once */
      self->window_start = 0;
      self->window_end = G_MAXUINT;
      return;
    }

  first = value / self->row_height;
  last = (value + page_size) / self->row_height + 1;
  self->window_start = first > WINDOW_MARGIN ? (guint) first - WINDOW_MARGIN : 0;
  self->window_end = (guint) MIN (last + WINDOW_MARGIN, (double) G_MAXUINT - 1);
}

/* What must be right before the next frame: the rows in the window,
 * and the end of the list where the window or a small change needs it */
static void
update_window (PortaRowModel *self,
               guint          from)
{
  g_autoptr(GPtrArray) rows = collect_rows (self, from);

  for (guint i = 0; i < rows->len; i++)
    {
      PortaRow *row = g_ptr_array_index (rows, i);

      if (!is_windowed (self) || in_window (self, row->position))
        porta_row_update (row);
    }

  if (!is_windowed (self))
    resize (self, self->target);
  else if (self->target > self->n_items)
    {
      if (self->target - self->n_items <= SMALL_CHANGE)
        resize (self, self->target);
      else if (self->window_end > self->n_items)
        resize (self, MIN (self->target, self->window_end));
    }
  else if (self->n_items - self->target <= SMALL_CHANGE ||
           (self->target > 0 && self->window_start >= self->target))
    /* blank rows below the last look like the end of the list; a view
     * of nothing else but blank rows would not */
    resize (self, self->target);
}

static void
model_items_changed_cb (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        PortaRowModel *self)
{
  GHashTableIter iter;
  gpointer row;

  self->target = g_list_model_get_n_items (model);
  window_from_view (self);

  /* from @position on, every row may stand for another item now */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (PORTA_ROW (row)->position >= position)
      PORTA_ROW (row)->stale = TRUE;

  update_window (self, position);
  update_pending (self);
}

/**
 * porta_row_model_step:
 * @self: a #PortaRowModel
 * @budget_us: about how long to take
 *
 * Brings rows out of the window up to date and moves the end of the
 * list toward the model's, some of it. Steps run by themselves; this
 * runs one now.
 *
 * Returns: whether steps remain
 */
gboolean
porta_row_model_step (PortaRowModel *self,
                      gint64         budget_us)
{
  gint64 deadline = g_get_monotonic_time () + budget_us;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PORTA_IS_ROW_MODEL (self), FALSE);

  /* the rows that stay, top first; the ones past the new end go */
  rows = collect_rows (self, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      PortaRow *row = g_ptr_array_index (rows, i);

      if (row->position >= self->target || row->model != self)
        continue;
      porta_row_update (row);
      if (i % 8 == 7 && g_get_monotonic_time () >= deadline)
        goto out;
    }

  while (self->n_items != self->target && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) alive = collect_rows (self, 0);

      if (self->n_items > self->target)
        {
          /* at most STEP_ROWS rows with widgets at a time, from the end */
          guint end = self->target;
          guint counted = 0;

          for (guint i = alive->len; i-- > 0;)
            {
              PortaRow *row = g_ptr_array_index (alive, i);

              if (row->position < self->target)
                break;
              if (++counted == STEP_ROWS)
                {
                  end = row->position;
                  break;
                }
            }
          resize (self, end);
        }
      else
        {
          /* GTK makes widgets for new rows near the ones it has */
          guint first = alive->len > 0 ? PORTA_ROW (g_ptr_array_index (alive, 0))->position : 0;
          guint end = self->target;

          if (self->n_items < first + VIEW_ROWS)
            end = MIN (self->target, self->n_items + STEP_ROWS);
          resize (self, end);
        }
    }

out:
  update_pending (self);
  return self->pending;
}

/* Stops waiting for the view's frame. Its clock may have been disposed
 * meanwhile, with the window, and our handler with it. */
static void
forget_clock (PortaRowModel *self)
{
  if (self->clock == NULL)
    return;
  if (self->after_paint_id != 0 && g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
}

static gboolean
step_cb (gpointer data)
{
  PortaRowModel *self = data;

  self->step_id = 0;
  forget_clock (self);
  porta_row_model_step (self, STEP_BUDGET_US);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (PortaRowModel *self)
{
  /* the frame that shows the change is on screen: a step now has the
   * most time before the next one */
  forget_clock (self);
  g_clear_handle_id (&self->step_id, g_source_remove);
  self->step_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, step_cb, self, NULL);
}

/* A step after the view's next frame; without a frame to wait for (no
 * view, or not on screen), when the main loop is idle; and if the
 * frame does not come, after a while anyway */
static void
schedule_step (PortaRowModel *self)
{
  GdkFrameClock *clock = NULL;

  if (!self->pending || self->step_id != 0)
    return;

  if (self->view != NULL && gtk_widget_get_mapped (self->view))
    clock = gtk_widget_get_frame_clock (self->view);
  if (clock == NULL)
    {
      self->step_id = g_idle_add (step_cb, self);
      return;
    }

  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  self->step_id = g_timeout_add (100, step_cb, self);
}

static gboolean
window_moved_cb (gpointer data)
{
  PortaRowModel *self = data;

  self->window_id = 0;
  if (self->pending)
    {
      window_from_view (self);
      update_window (self, 0);
      update_pending (self);
    }
  return G_SOURCE_REMOVE;
}

static void
adjustment_changed_cb (PortaRowModel *self)
{
  double upper = gtk_adjustment_get_upper (self->vadjustment);

  /* after a layout: the rows' height is known, for this many rows, and
   * the height of the view; an empty view may say 0 for both */
  if (self->n_items > 0 && upper > 0)
    {
      self->row_height = upper / self->n_items;
      self->page_size = gtk_adjustment_get_page_size (self->vadjustment);
    }
}

static void
adjustment_value_changed_cb (PortaRowModel *self)
{
  /* scrolled while steps remain: the rows now in view first, but not
   * from here, which may be the middle of the view's layout */
  if (self->pending && self->window_id == 0)
    self->window_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, window_moved_cb, self, NULL);
}

static void
set_vadjustment (PortaRowModel *self,
                 GtkAdjustment *vadjustment)
{
  if (self->vadjustment == vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
    }
}

static void
vadjustment_notify_cb (PortaRowModel *self)
{
  set_vadjustment (self, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)));
}

static GType
porta_row_model_get_item_type (GListModel *list)
{
  return PORTA_TYPE_ROW;
}

static guint
porta_row_model_get_n_items (GListModel *list)
{
  return PORTA_ROW_MODEL (list)->n_items;
}

static gpointer
porta_row_model_get_item (GListModel *list,
                          guint       position)
{
  PortaRowModel *self = PORTA_ROW_MODEL (list);
  PortaRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (PORTA_TYPE_ROW, NULL);
  row->model = self;
  row->position = position;
  porta_row_fetch (row);
  row->untold = FALSE;
  g_object_weak_ref (G_OBJECT (row), row_finalized_cb, self);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

static void
porta_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = porta_row_model_get_item_type;
  iface->get_n_items = porta_row_model_get_n_items;
  iface->get_item = porta_row_model_get_item;
}

static void
porta_row_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, PORTA_ROW_MODEL (object)->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_row_model_dispose (GObject *object)
{
  PortaRowModel *self = PORTA_ROW_MODEL (object);
  GHashTableIter iter;
  gpointer row;

  porta_row_model_set_view (self, NULL);
  g_clear_handle_id (&self->step_id, g_source_remove);
  g_clear_handle_id (&self->window_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_object_weak_unref (row, row_finalized_cb, self);
      PORTA_ROW (row)->model = NULL;
      g_hash_table_iter_remove (&iter);
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  self->n_items = self->target = 0;

  G_OBJECT_CLASS (porta_row_model_parent_class)->dispose (object);
}

static void
porta_row_model_finalize (GObject *object)
{
  g_hash_table_unref (PORTA_ROW_MODEL (object)->rows);

  G_OBJECT_CLASS (porta_row_model_parent_class)->finalize (object);
}

static void
porta_row_model_class_init (PortaRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_row_model_dispose;
  object_class->finalize = porta_row_model_finalize;
  object_class->get_property = porta_row_model_get_property;

  /**
   * PortaRowModel:pending:
   *
   * Whether rows out of the window, or the end of the list, are still
   * to follow the model.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_row_model_init (PortaRowModel *self)
{
  self->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->window_end = G_MAXUINT;
}

/**
 * porta_row_model_new:
 * @model: (transfer full): the items
 *
 * Returns: (transfer full): a model of #PortaRow over @model
 */
PortaRowModel *
porta_row_model_new (GListModel *model)
{
  PortaRowModel *self = g_object_new (PORTA_TYPE_ROW_MODEL, NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (model), self);

  self->model = model;
  self->n_items = self->target = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  return self;
}

/**
 * porta_row_model_set_view:
 * @self: a #PortaRowModel
 * @view: (nullable): the #GtkScrollable showing the rows
 *
 * From now on only the rows @view shows, and a margin, change at once;
 * the rest follow in steps after its frames.
 */
void
porta_row_model_set_view (PortaRowModel *self,
                          GtkWidget     *view)
{
  g_return_if_fail (PORTA_IS_ROW_MODEL (self));
  g_return_if_fail (view == NULL || GTK_IS_SCROLLABLE (view));

  if (self->view == view)
    return;
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->view, vadjustment_notify_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
    }
  set_vadjustment (self, NULL);
  if (self->clock != NULL)
    {
      forget_clock (self);
      g_clear_handle_id (&self->step_id, g_source_remove);
    }

  self->view = view;
  self->window_start = 0;
  self->window_end = G_MAXUINT;
  if (view != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
      g_signal_connect_swapped (view, "notify::vadjustment", G_CALLBACK (vadjustment_notify_cb), self);
      vadjustment_notify_cb (self);
    }
  schedule_step (self);
}

/**
 * porta_row_model_set_window:
 * @self: a #PortaRowModel
 * @start: the first row to change at once
 * @end: the row after the last one; %G_MAXUINT for all
 *
 * Which rows change at once, for a model without a view.
 */
void
porta_row_model_set_window (PortaRowModel *self,
                            guint          start,
                            guint          end)
{
  g_return_if_fail (PORTA_IS_ROW_MODEL (self));
  g_return_if_fail (start <= end);

  self->window_start = start;
  self->window_end = end;
  update_window (self, 0);
  update_pending (self);
}

gboolean
porta_row_model_get_pending (PortaRowModel *self)
{
  g_return_val_if_fail (PORTA_IS_ROW_MODEL (self), FALSE);
  return self->pending;
}
