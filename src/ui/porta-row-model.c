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
 * PortaRow lives here, not in a file of its own: it is this model's
 * item and nothing else makes one.
 */
#define G_LOG_DOMAIN "porta-row-model"

#include "config.h"

#include "porta-row-model.h"

/* ---- PortaRow ---------------------------------------------------------- */

struct _PortaRow
{
  GObject   parent_instance;

  guint     position;
  gpointer  item;
};

G_DEFINE_FINAL_TYPE (PortaRow, porta_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ITEM,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
porta_row_set_item (PortaRow *self,
                    gpointer  item)
{
  if (g_set_object ((GObject **) &self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
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
  return self->item;
}

guint
porta_row_get_position (PortaRow *self)
{
  g_return_val_if_fail (PORTA_IS_ROW (self), G_MAXUINT);
  return self->position;
}

/* ---- PortaRowModel ----------------------------------------------------- */

struct _PortaRowModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  GHashTable *rows;      /* position → PortaRow, not owned: the rows alive */
};

static void porta_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaRowModel, porta_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, porta_row_model_list_model_init))

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
}

static void
model_items_changed_cb (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        PortaRowModel *self)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) update = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) drop = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer row;

  /* first collect: telling a row its item runs handlers that may ask
   * for rows, and so change the table */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      guint p = PORTA_ROW (row)->position;

      if (p >= new_n)
        g_ptr_array_add (drop, row);
      else if (p >= position)
        g_ptr_array_add (update, g_object_ref (row));
    }

  /* past the new end: never handed out again, even if the list grows */
  for (guint i = 0; i < drop->len; i++)
    forget_row (self, g_ptr_array_index (drop, i));

  self->n_items = new_n;
  for (guint i = 0; i < update->len; i++)
    {
      PortaRow *r = g_ptr_array_index (update, i);
      g_autoptr(GObject) item = g_list_model_get_item (model, r->position);

      porta_row_set_item (r, item);
    }

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
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
  row->position = position;
  row->item = g_list_model_get_item (self->model, position);
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
porta_row_model_dispose (GObject *object)
{
  PortaRowModel *self = PORTA_ROW_MODEL (object);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_object_weak_unref (row, row_finalized_cb, self);
      g_hash_table_iter_remove (&iter);
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  self->n_items = 0;

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
}

static void
porta_row_model_init (PortaRowModel *self)
{
  self->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
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
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  return self;
}
