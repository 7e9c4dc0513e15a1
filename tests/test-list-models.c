/* test-list-models.c — PortaFilterModel and PortaRowModel
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PortaFilterModel must say what GtkFilterListModel says, and its
 * items-changed must tell a listener exactly how to get there; the rows
 * of PortaRowModel must stay while their items change under them. Both
 * are checked against random changes of the items and of the filter.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "porta-filter-model.h"
#include "porta-row-model.h"

/* A listener that keeps its own copy of a model through its
 * items-changed alone: it ends up equal to the model only if every
 * change was reported right. */
typedef struct
{
  GListModel *model;
  GPtrArray  *copy;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->copy->len);
  g_ptr_array_remove_range (mirror->copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->copy, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->copy->len, ==, g_list_model_get_n_items (model));
}

static Mirror *
mirror_new (GListModel *model)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->model = model;
  mirror->copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->copy, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);
  return mirror;
}

static void
mirror_free (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_data (mirror->model, mirror);
  g_ptr_array_unref (mirror->copy);
  g_free (mirror);
}

static void
assert_same_items (GListModel *a,
                   GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      g_assert_true (x == y);
    }
  g_assert_null (g_list_model_get_item (a, n));
}

static void
assert_mirror (Mirror *mirror)
{
  g_assert_cmpuint (mirror->copy->len, ==, g_list_model_get_n_items (mirror->model));
  for (guint i = 0; i < mirror->copy->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (mirror->model, i);

      g_assert_true (item == g_ptr_array_index (mirror->copy, i));
    }
}

/* The filter: strings that contain the needle */
static char needle[8];

static gboolean
contains_needle (gpointer item,
                 gpointer data)
{
  return strstr (gtk_string_object_get_string (item), needle) != NULL;
}

static void
random_splice (GListStore *store,
               GRand      *rand)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position = g_rand_int_range (rand, 0, n + 1);
  guint removed = g_rand_int_range (rand, 0, MIN (n - position, 30) + 1);
  guint added = g_rand_int_range (rand, 0, 30);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_autofree char *s = g_strdup_printf ("%u", g_rand_int_range (rand, 0, 100000));

      g_ptr_array_add (items, gtk_string_object_new (s));
    }
  g_list_store_splice (store, position, removed, items->pdata, added);
}

/* A longer needle is stricter, a shorter one less strict: changes the
 * needle at random, from @digits digits, shortening it @back times in
 * @back + 1, and says how */
static GtkFilterChange
change_needle (GRand *rand,
               int    digits,
               int    back)
{
  gsize len = strlen (needle);

  if (len > 0 && g_rand_int_range (rand, 0, back + 1) > 0)
    {
      needle[len - 1] = '\0';
      return GTK_FILTER_CHANGE_LESS_STRICT;
    }
  if (len < 3)
    {
      needle[len] = '0' + g_rand_int_range (rand, 0, digits);
      needle[len + 1] = '\0';
      return GTK_FILTER_CHANGE_MORE_STRICT;
    }
  needle[0] = '0' + g_rand_int_range (rand, 0, digits);
  return GTK_FILTER_CHANGE_DIFFERENT;
}

/* The needle copied for a second thread, and the match with it */
static gpointer
needle_copy (GtkFilter *filter)
{
  return g_strdup (needle);
}

static gboolean
contains_copy (gpointer item,
               gpointer copy)
{
  return strstr (gtk_string_object_get_string (item), copy) != NULL;
}

static void
test_filter_model_matches_gtk (gconstpointer data)
{
  gboolean threads = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkCustomFilter *filter = gtk_custom_filter_new (contains_needle, NULL, NULL);
  g_autoptr(PortaFilterModel) ours = porta_filter_model_new (g_object_ref (G_LIST_MODEL (store)),
                                                             g_object_ref (GTK_FILTER (filter)));
  g_autoptr(GtkFilterListModel) theirs = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                                                    GTK_FILTER (filter));
  Mirror *mirror = mirror_new (G_LIST_MODEL (ours));

  /* every search shared with a second thread, however small */
  if (threads)
    porta_filter_model_set_thread_matcher (ours, needle_copy, contains_copy, g_free, 1);

  for (guint round = 0; round < 2000; round++)
    {
      if (g_rand_int_range (rand, 0, 3) > 0)
        random_splice (store, rand);
      else
        gtk_filter_changed (GTK_FILTER (filter), change_needle (rand, 10, 1));

      assert_same_items (G_LIST_MODEL (ours), G_LIST_MODEL (theirs));
      assert_mirror (mirror);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ours)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (ours), i);

      g_assert_cmpuint (porta_filter_model_find (ours, item), ==, i);
    }
  mirror_free (mirror);
}

/* Results kept by the filter's key: a state seen again is not searched
 * while the items stay, and is searched again once they change; either
 * way the result is GtkFilterListModel's */
static guint counted_calls;

static gboolean
counted_contains_needle (gpointer item,
                         gpointer data)
{
  counted_calls++;
  return contains_needle (item, data);
}

static char *
needle_key (GtkFilter *filter)
{
  return g_strdup (needle);
}

static void
test_filter_model_keeps_results (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkCustomFilter *filter = gtk_custom_filter_new (counted_contains_needle, NULL, NULL);
  g_autoptr(PortaFilterModel) ours = porta_filter_model_new (g_object_ref (G_LIST_MODEL (store)),
                                                             g_object_ref (GTK_FILTER (filter)));
  g_autoptr(GtkFilterListModel) theirs = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                                                    GTK_FILTER (gtk_custom_filter_new (contains_needle, NULL, NULL)));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Mirror *mirror = mirror_new (G_LIST_MODEL (ours));
  guint hits = 0;

  porta_filter_model_set_key_func (ours, needle_key);
  for (guint i = 0; i < 300; i++)
    random_splice (store, rand);
  needle[0] = '\0';
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (gtk_filter_list_model_get_filter (theirs), GTK_FILTER_CHANGE_DIFFERENT);

  for (guint round = 0; round < 3000; round++)
    {
      gboolean known;

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          /* the items change: nothing kept holds */
          random_splice (store, rand);
          g_hash_table_remove_all (seen);
        }
      else
        {
          /* mostly back, to needles seen before */
          GtkFilterChange change = change_needle (rand, 4, 2);

          known = g_hash_table_contains (seen, needle);
          counted_calls = 0;
          gtk_filter_changed (GTK_FILTER (filter), change);
          gtk_filter_changed (gtk_filter_list_model_get_filter (theirs), change);
          /* an empty needle matches all without asking; a known one
           * in the last few is not asked again */
          if (known && needle[0] != '\0' && counted_calls == 0)
            hits++;
          g_hash_table_add (seen, g_strdup (needle));
        }

      assert_same_items (G_LIST_MODEL (ours), G_LIST_MODEL (theirs));
      assert_mirror (mirror);
    }
  g_assert_cmpuint (hits, >, 500);
  mirror_free (mirror);
}

static void
test_row_model_rows_stay (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(PortaRowModel) rows = porta_row_model_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  Mirror *mirror = mirror_new (G_LIST_MODEL (rows));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == PORTA_TYPE_ROW);

  for (guint round = 0; round < 2000; round++)
    {
      guint n;

      random_splice (store, rand);
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n);

      /* a list view holds some rows: they keep their place and follow
       * the item there; a row past the end was removed, and the view
       * lets it go */
      for (guint i = held->len; i-- > 0;)
        {
          PortaRow *row = g_ptr_array_index (held, i);
          guint position = porta_row_get_position (row);
          g_autoptr(PortaRow) again = NULL;
          g_autoptr(GObject) item = NULL;

          if (position >= n)
            {
              g_ptr_array_remove_index (held, i);
              continue;
            }
          again = g_list_model_get_item (G_LIST_MODEL (rows), position);
          item = g_list_model_get_item (G_LIST_MODEL (store), position);
          g_assert_true (again == row);
          g_assert_true (porta_row_get_item (row) == (gpointer) item);
        }
      if (held->len > 20 || g_rand_int_range (rand, 0, 4) == 0)
        g_ptr_array_set_size (held, 0);
      if (n > 0)
        g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (rows), g_rand_int_range (rand, 0, n)));

      for (guint i = 0; i < n; i += 1 + n / 10)
        {
          g_autoptr(PortaRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_assert_cmpuint (porta_row_get_position (row), ==, i);
          g_assert_true (porta_row_get_item (row) == (gpointer) item);
        }
      assert_mirror (mirror);
    }
  mirror_free (mirror);
}

/* What the cells of a row were told last */
static void
row_told_cb (PortaRow   *row,
             GParamSpec *pspec,
             gpointer    data)
{
  g_object_set_data (G_OBJECT (row), "told", porta_row_get_item (row));
}

/* With a window, only its rows are told at once, and the end of the
 * list may lag; porta_row_get_item() is always right; the steps make
 * everything right, and every change on the way is reported right */
static void
test_row_model_window (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(PortaRowModel) rows = porta_row_model_new (g_object_ref (G_LIST_MODEL (store)));
  Mirror *mirror = mirror_new (G_LIST_MODEL (rows));
  guint deferred = 0;

  for (guint round = 0; round < 1500; round++)
    {
      guint old_rows;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, n - position + 1);
      guint added = g_rand_int_range (rand, 0, 120);
      guint start = g_rand_int_range (rand, 0, 150);
      guint end = start + g_rand_int_range (rand, 1, 40);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_rows;

      porta_row_model_set_window (rows, start, end);
      old_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));
      for (guint i = 0; i < added; i++)
        {
          g_autofree char *text = g_strdup_printf ("%u", g_rand_int_range (rand, 0, 100000));

          g_ptr_array_add (items, gtk_string_object_new (text));
        }
      g_list_store_splice (store, position, removed, items->pdata, added);
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));

      /* the window's rows are there; rows are never fewer than the
       * items once there were as many; no row appears from nowhere */
      g_assert_cmpuint (n_rows, >=, MIN (n, end));
      if (old_rows >= n)
        g_assert_cmpuint (n_rows, >=, n);
      g_assert_cmpuint (n_rows, <=, MAX (old_rows, n));
      if (n_rows != n)
        {
          g_assert_true (porta_row_model_get_pending (rows));
          deferred++;
        }

      /* occasionally the steps run to the end */
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          while (porta_row_model_step (rows, G_USEC_PER_SEC))
            ;
          g_assert_false (porta_row_model_get_pending (rows));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n);
        }

      for (guint i = 0; i < mirror->copy->len; i++)
        {
          PortaRow *row = g_ptr_array_index (mirror->copy, i);
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_assert_cmpuint (porta_row_get_position (row), ==, i);
          if (g_object_get_data (G_OBJECT (row), "listened") == NULL)
            {
              /* a row is made told */
              g_object_set_data (G_OBJECT (row), "told", porta_row_get_item (row));
              g_object_set_data (G_OBJECT (row), "listened", GINT_TO_POINTER (TRUE));
              g_signal_connect (row, "notify::item", G_CALLBACK (row_told_cb), NULL);
            }
          g_assert_true (porta_row_get_item (row) == (gpointer) item);
          if ((i >= start && i < end) || !porta_row_model_get_pending (rows))
            g_assert_true (g_object_get_data (G_OBJECT (row), "told") == (gpointer) item);
        }
      assert_mirror (mirror);
    }
  /* the test saw the lag it is about */
  g_assert_cmpuint (deferred, >, 100);
  mirror_free (mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/list-models/filter-model-matches-gtk", GINT_TO_POINTER (FALSE),
                        test_filter_model_matches_gtk);
  g_test_add_data_func ("/list-models/filter-model-matches-gtk-in-two-threads", GINT_TO_POINTER (TRUE),
                        test_filter_model_matches_gtk);
  g_test_add_func ("/list-models/filter-model-keeps-results", test_filter_model_keeps_results);
  g_test_add_func ("/list-models/row-model-rows-stay", test_row_model_rows_stay);
  g_test_add_func ("/list-models/row-model-window", test_row_model_window);

  return g_test_run ();
}
