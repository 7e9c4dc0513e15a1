/* porta-filter-model.c — a filter list model for 100,000 items
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkFilterListModel does, kept in plain arrays, for a measured
 * reason (tests/bench/bench-voice, issue 6): in GTK 4.8 its get_item()
 * is a GtkBitset select, which scans the bitset, and a refilter asks the
 * model below for every item again (through GtkSortListModel into the
 * GListStore's GSequence). A list view calls get_item() once per item
 * of a large change, so one keystroke at 100,000 numbers cost 50 to
 * 300 ms. Here every item below is kept in an array in its order, with
 * a byte saying whether it matches, and the matching ones in a second
 * array: get_item() is an index, and a keystroke runs the filter over
 * an array. Like GtkFilterListModel it honours the filter's change hint
 * (a stricter search only looks at what matched) and reports each
 * change as one items-changed over the span that differs.
 *
 * A wider search has to ask again about everything that did not match:
 * every backspace at 100,000 numbers cost 8 to 10 ms. Given a key for
 * the filter's state (porta_filter_model_set_key_func()), the last few
 * results are kept, a byte an item, and a state seen again since the
 * items last changed is a copy, not a search.
 *
 * And a search that has to look at many items (the first letter or
 * digit typed, at 100,000 numbers: 5 to 10 ms) is shared with a second
 * thread when the filter can be copied for it
 * (porta_filter_model_set_thread_matcher()): each thread decides for
 * its own half of the items, with its own copy; the main thread waits
 * for the other before anything is told.
 */
#define G_LOG_DOMAIN "porta-filter-model"

#include "config.h"

#include <string.h>

#include "porta-filter-model.h"

/* results kept: enough for the backspaces over a search and a filter */
#define CACHE_SIZE 12

typedef struct
{
  char   *key;
  guint8 *matches;       /* as @matches below */
} CacheEntry;

struct _PortaFilterModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkFilter  *filter;
  GPtrArray  *items;     /* every item of @model, in order, owned */
  GArray     *matches;   /* guint8 per item: whether it is shown */
  GPtrArray  *shown;     /* the matching items, in order, borrowed from @items */

  PortaFilterKeyFunc key_func;
  GQueue      cache;     /* of CacheEntry, the latest first; for @items as they are */

  PortaFilterMatcherFunc matcher_new;
  PortaFilterMatchFunc   matcher_match;
  GDestroyNotify         matcher_free;
  guint                  matcher_min_items;
};

/* one thread's share of a search */
typedef struct
{
  PortaFilterModel *self;
  GtkFilterMatch    strictness;
  GtkFilterChange   change;
  guint             from;
  guint             to;
  gpointer          matcher;   /* the filter's copy for this thread, or NULL: the filter */
} Scan;

static void porta_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaFilterModel, porta_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, porta_filter_model_list_model_init))

/* ---- arrays ------------------------------------------------------------ */

/* Inserts @n pointers at @position; the array takes them as they are. */
static void
ptr_array_insert_many (GPtrArray *array,
                       guint      position,
                       gpointer  *values,
                       guint      n)
{
  guint old_len = array->len;

  if (n == 0)
    return;

  /* growing sets the new slots to NULL and frees nothing */
  g_ptr_array_set_size (array, old_len + n);
  memmove (array->pdata + position + n, array->pdata + position,
           (old_len - position) * sizeof (gpointer));
  memcpy (array->pdata + position, values, n * sizeof (gpointer));
}

static guint
count_matches (PortaFilterModel *self,
               guint             position,
               guint             n)
{
  const guint8 *m = (const guint8 *) self->matches->data + position;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += m[i];
  return count;
}

static gboolean
item_matches (PortaFilterModel *self,
              GtkFilterMatch    strictness,
              gpointer          item)
{
  switch (strictness)
    {
    case GTK_FILTER_MATCH_ALL:
      return TRUE;
    case GTK_FILTER_MATCH_NONE:
      return FALSE;
    case GTK_FILTER_MATCH_SOME:
    default:
      return gtk_filter_match (self->filter, item);
    }
}

static GtkFilterMatch
get_strictness (PortaFilterModel *self)
{
  return self->filter != NULL ? gtk_filter_get_strictness (self->filter) : GTK_FILTER_MATCH_ALL;
}

/* ---- results kept -------------------------------------------------------- */

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->key);
  g_free (entry->matches);
  g_free (entry);
}

static void
cache_clear (PortaFilterModel *self)
{
  g_queue_clear_full (&self->cache, cache_entry_free);
}

/* the entry for @key, moved to the front; NULL if none */
static CacheEntry *
cache_lookup (PortaFilterModel *self,
              const char       *key)
{
  for (GList *l = self->cache.head; l != NULL; l = l->next)
    {
      CacheEntry *entry = l->data;

      if (strcmp (entry->key, key) == 0)
        {
          g_queue_unlink (&self->cache, l);
          g_queue_push_head_link (&self->cache, l);
          return entry;
        }
    }
  return NULL;
}

static void
cache_store (PortaFilterModel *self,
             char             *key)
{
  CacheEntry *entry = g_new (CacheEntry, 1);

  entry->key = key;
  entry->matches = g_memdup2 (self->matches->data, MAX (self->matches->len, 1));
  g_queue_push_head (&self->cache, entry);
  while (self->cache.length > CACHE_SIZE)
    cache_entry_free (g_queue_pop_tail (&self->cache));
}

/* ---- changes ----------------------------------------------------------- */

static void
model_items_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        PortaFilterModel *self)
{
  GtkFilterMatch strictness = get_strictness (self);
  guint shown_position = count_matches (self, 0, position);
  guint shown_removed = count_matches (self, position, removed);
  g_autofree gpointer *new_items = g_new (gpointer, MAX (added, 1));
  g_autofree gpointer *new_shown = g_new (gpointer, MAX (added, 1));
  g_autofree guint8 *new_matches = g_new (guint8, MAX (added, 1));
  guint shown_added = 0;

  if (removed == 0 && added == 0)
    return;
  /* the results kept were for the items as they were */
  cache_clear (self);

  for (guint i = 0; i < added; i++)
    {
      new_items[i] = g_list_model_get_item (model, position + i);
      new_matches[i] = item_matches (self, strictness, new_items[i]);
      if (new_matches[i])
        new_shown[shown_added++] = new_items[i];
    }

  g_ptr_array_remove_range (self->shown, shown_position, shown_removed);
  ptr_array_insert_many (self->shown, shown_position, new_shown, shown_added);
  g_ptr_array_remove_range (self->items, position, removed);
  ptr_array_insert_many (self->items, position, new_items, added);
  g_array_remove_range (self->matches, position, removed);
  g_array_insert_vals (self->matches, position, new_matches, added);

  if (shown_removed > 0 || shown_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_position, shown_removed, shown_added);
}

/* Whether @change makes the filter look at item @i again */
static inline gboolean
to_ask (const guint8    *matches,
        guint            i,
        GtkFilterChange  change)
{
  return !(change == GTK_FILTER_CHANGE_MORE_STRICT && !matches[i]) &&
         !(change == GTK_FILTER_CHANGE_LESS_STRICT && matches[i]);
}

static gpointer
scan_range (gpointer data)
{
  Scan *scan = data;
  PortaFilterModel *self = scan->self;
  guint8 *matches = (guint8 *) self->matches->data;
  gpointer *items = self->items->pdata;

  for (guint i = scan->from; i < scan->to; i++)
    {
      /* stricter: what did not match still does not; less strict:
       * what matched still does (and ALL or NONE need no asking) */
      if (scan->strictness == GTK_FILTER_MATCH_SOME && to_ask (matches, i, scan->change))
        matches[i] = scan->matcher != NULL ? self->matcher_match (items[i], scan->matcher)
                                           : gtk_filter_match (self->filter, items[i]);
      else if (scan->strictness != GTK_FILTER_MATCH_SOME)
        matches[i] = scan->strictness == GTK_FILTER_MATCH_ALL;
    }
  return NULL;
}

/* Decides every item again: in two threads, each with half of the
 * items to look at, if there are enough of them */
static void
scan (PortaFilterModel *self,
      GtkFilterMatch    strictness,
      GtkFilterChange   change)
{
  const guint8 *matches = (const guint8 *) self->matches->data;
  guint n = self->items->len;
  Scan mine = { self, strictness, change, 0, n, NULL };
  Scan theirs;
  GThread *thread;
  guint asked = 0, half;

  if (strictness != GTK_FILTER_MATCH_SOME || self->matcher_new == NULL)
    {
      scan_range (&mine);
      return;
    }
  for (guint i = 0; i < n; i++)
    asked += to_ask (matches, i, change);
  if (asked < self->matcher_min_items)
    {
      scan_range (&mine);
      return;
    }

  /* where half of them are behind */
  half = 0;
  mine.to = 0;
  while (mine.to < n && half < asked / 2)
    half += to_ask (matches, mine.to++, change);

  theirs = mine;
  theirs.from = mine.to;
  theirs.to = n;
  theirs.matcher = self->matcher_new (self->filter);
  thread = g_thread_try_new ("porta-filter", scan_range, &theirs, NULL);
  /* no thread to be had: all of it here */
  if (thread == NULL)
    scan_range (&theirs);
  scan_range (&mine);
  if (thread != NULL)
    g_thread_join (thread);
  self->matcher_free (theirs.matcher);
}

/* Runs the filter again, over what @change says can differ, and
 * reports the span of the result that did. */
static void
refilter (PortaFilterModel *self,
          GtkFilterChange   change)
{
  GtkFilterMatch strictness = get_strictness (self);
  guint8 *matches = (guint8 *) self->matches->data;
  gpointer *items = self->items->pdata;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *key = NULL;
  CacheEntry *kept = NULL;
  GPtrArray *shown;
  guint n_old, n_new, prefix = 0, suffix = 0;

  if (strictness == GTK_FILTER_MATCH_SOME && self->key_func != NULL)
    key = self->key_func (self->filter);
  if (key != NULL)
    kept = cache_lookup (self, key);

  shown = g_ptr_array_sized_new (self->items->len);
  if (kept != NULL)
    {
      memcpy (matches, kept->matches, self->matches->len);
      for (guint i = 0; i < self->items->len; i++)
        if (matches[i])
          g_ptr_array_add (shown, items[i]);
    }
  else
    {
      scan (self, strictness, change);
      for (guint i = 0; i < self->items->len; i++)
        if (matches[i])
          g_ptr_array_add (shown, items[i]);
    }
  if (key != NULL && kept == NULL)
    cache_store (self, g_steal_pointer (&key));

  old = g_steal_pointer (&self->shown);
  self->shown = shown;

  n_old = old->len;
  n_new = shown->len;
  while (prefix < n_old && prefix < n_new && old->pdata[prefix] == shown->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old->pdata[n_old - 1 - suffix] == shown->pdata[n_new - 1 - suffix])
    suffix++;

  if (prefix + suffix < n_old || prefix + suffix < n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
filter_changed_cb (GtkFilter        *filter,
                   GtkFilterChange   change,
                   PortaFilterModel *self)
{
  refilter (self, change);
}

/* ---- GListModel -------------------------------------------------------- */

static GType
porta_filter_model_get_item_type (GListModel *list)
{
  PortaFilterModel *self = PORTA_FILTER_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
porta_filter_model_get_n_items (GListModel *list)
{
  return PORTA_FILTER_MODEL (list)->shown->len;
}

static gpointer
porta_filter_model_get_item (GListModel *list,
                             guint       position)
{
  PortaFilterModel *self = PORTA_FILTER_MODEL (list);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
porta_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = porta_filter_model_get_item_type;
  iface->get_n_items = porta_filter_model_get_n_items;
  iface->get_item = porta_filter_model_get_item;
}

/* ---- the object -------------------------------------------------------- */

static void
porta_filter_model_dispose (GObject *object)
{
  PortaFilterModel *self = PORTA_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  cache_clear (self);
  /* borrowed from @items: emptied first */
  g_ptr_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->matches, 0);

  G_OBJECT_CLASS (porta_filter_model_parent_class)->dispose (object);
}

static void
porta_filter_model_finalize (GObject *object)
{
  PortaFilterModel *self = PORTA_FILTER_MODEL (object);

  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->items);
  g_array_unref (self->matches);

  G_OBJECT_CLASS (porta_filter_model_parent_class)->finalize (object);
}

static void
porta_filter_model_class_init (PortaFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_filter_model_dispose;
  object_class->finalize = porta_filter_model_finalize;
}

static void
porta_filter_model_init (PortaFilterModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint8));
}

/**
 * porta_filter_model_new:
 * @model: (transfer full): the items
 * @filter: (transfer full) (nullable): which of them to show
 *
 * Like gtk_filter_list_model_new(), never incremental.
 *
 * Returns: (transfer full): a new #PortaFilterModel
 */
PortaFilterModel *
porta_filter_model_new (GListModel *model,
                        GtkFilter  *filter)
{
  PortaFilterModel *self = g_object_new (PORTA_TYPE_FILTER_MODEL, NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), self);

  self->model = model;
  self->filter = filter;
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  if (filter != NULL)
    g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), self);

  n = g_list_model_get_n_items (model);
  if (n > 0)
    model_items_changed_cb (model, 0, 0, n, self);
  return self;
}

/**
 * porta_filter_model_set_key_func:
 * @self: a #PortaFilterModel
 * @func: (nullable): names the filter's state
 *
 * With @func, the results for the last few states of the filter are
 * kept until the items change, and a state seen again is not searched.
 */
void
porta_filter_model_set_key_func (PortaFilterModel   *self,
                                 PortaFilterKeyFunc  func)
{
  g_return_if_fail (PORTA_IS_FILTER_MODEL (self));

  self->key_func = func;
  cache_clear (self);
}

/**
 * porta_filter_model_set_thread_matcher:
 * @self: a #PortaFilterModel
 * @matcher_new: (nullable): makes a copy of the filter as it is, for
 *   another thread
 * @match: decides an item with such a copy; called from that thread
 *   while the main thread decides other items with the filter itself
 * @matcher_free: frees a copy
 * @min_items: fewer items to look at than this are left to the main
 *   thread alone: starting a thread costs more than it saves
 *
 * Lets a search over many items be shared with a second thread.
 */
void
porta_filter_model_set_thread_matcher (PortaFilterModel       *self,
                                       PortaFilterMatcherFunc  matcher_new,
                                       PortaFilterMatchFunc    match,
                                       GDestroyNotify          matcher_free,
                                       guint                   min_items)
{
  g_return_if_fail (PORTA_IS_FILTER_MODEL (self));
  g_return_if_fail (matcher_new == NULL || (match != NULL && matcher_free != NULL));

  self->matcher_new = matcher_new;
  self->matcher_match = match;
  self->matcher_free = matcher_free;
  self->matcher_min_items = min_items;
}

/**
 * porta_filter_model_find:
 * @self: a #PortaFilterModel
 * @item: an item
 *
 * Returns: where @item is shown, or %GTK_INVALID_LIST_POSITION
 */
guint
porta_filter_model_find (PortaFilterModel *self,
                         gpointer          item)
{
  guint position;

  g_return_val_if_fail (PORTA_IS_FILTER_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (item != NULL && g_ptr_array_find (self->shown, item, &position))
    return position;
  return GTK_INVALID_LIST_POSITION;
}
