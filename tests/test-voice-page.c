/* test-voice-page.c — the Voice page against a real porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "porta-account.h"
#include "porta-banner.h"
#include "porta-client.h"
#include "porta-cell-text.h"
#include "porta-csv.h"
#include "porta-pin-state.h"
#include "porta-row-model.h"
#include "porta-test-gtk-utils.h"
#include "porta-voice-page.h"

typedef struct
{
  PortaTestSandbox *sandbox;
  PortaClient      *client;
  GtkWidget        *window;
  PortaVoicePage   *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char * const *args = data;

  f->sandbox = porta_test_sandbox_start (NULL, args);
  f->client = porta_test_client (f->sandbox, 2, 2000, 20);
  f->page = g_object_new (PORTA_TYPE_VOICE_PAGE, NULL);
  f->window = porta_test_window_new (f->page, 1200, 800);
  porta_test_show_window (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->client);
  porta_test_sandbox_stop (f->sandbox);
}

static gboolean
not_loading (gpointer data)
{
  return !porta_voice_page_get_loading (data);
}

static void
load (Fixture *f)
{
  porta_voice_page_set_client (f->page, f->client);
  g_assert_true (porta_voice_page_get_loading (f->page));
  g_assert_true (porta_test_wait_until (not_loading, f->page, 60000));
}

static const char *
count_text (Fixture *f)
{
  /* the count is the last label in the page: the status line */
  GtkWidget *label = NULL;
  GtkWidget *w = GTK_WIDGET (f->page);

  while ((w = gtk_widget_get_last_child (w)) != NULL)
    if (GTK_IS_LABEL (w))
      label = w;
    else if (GTK_IS_BOX (w) && GTK_IS_LABEL (gtk_widget_get_first_child (w)))
      label = gtk_widget_get_first_child (w);
  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
set_search (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* search-delay is 0, but "search-changed" still comes from an idle */
  porta_test_spin (50);
}

static void
test_all_shown_and_search (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *model;
  guint total, shown;
  g_autofree char *expected = NULL;

  load (f);
  model = porta_voice_page_get_model (f->page);
  total = g_list_model_get_n_items (G_LIST_MODEL (porta_voice_page_get_store (f->page)));
  g_assert_cmpuint (total, >=, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* "39 02" and "3902" find the same numbers, anywhere in them */
  set_search (f, "39 02");
  shown = g_list_model_get_n_items (model);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, total);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      g_assert_nonnull (strstr (porta_phone_number_get_digits (n), "3902"));
    }
  set_search (f, "3902");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, shown);
  /* a leading '+' only those that begin so (issue 13) */
  set_search (f, "+39-02");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, shown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      g_assert_true (g_str_has_prefix (porta_phone_number_get_telephone_number (n), "+3902"));
    }
  set_search (f, "3902");

  /* Translators' plural aside, the count says "N of M" */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "it") == 0)
    expected = g_strdup_printf ("%u di %u numeri", shown, total);
  else
    expected = g_strdup_printf ("%u of %u numbers", shown, total);
  g_assert_cmpstr (count_text (f), ==, expected);

  /* narrowing further, then clearing */
  set_search (f, "39021");
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, shown);
  set_search (f, "Milano");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      PortaPerson *person = porta_people_lookup (porta_voice_page_get_people (f->page),
                                                 porta_phone_number_get_assignment_target_id (n));

      /* in Milano, or assigned to someone named so ("Centralino Milano") */
      if (g_strcmp0 (porta_phone_number_get_city (n), "Milano") != 0)
        {
          g_assert_nonnull (person);
          g_assert_nonnull (strstr (porta_person_get_search_key (person), "milano"));
        }
    }
  set_search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
}

/* the side pane with the selected number's details */
static gboolean
is_details (GtkWidget *widget,
            gpointer   user_data)
{
  return GTK_IS_REVEALER (widget) &&
         gtk_revealer_get_transition_type (GTK_REVEALER (widget)) == GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT;
}

static GtkRevealer *
find_details (GtkWidget *root)
{
  return GTK_REVEALER (porta_test_find_widget (root, is_details, NULL));
}

static gboolean
is_label (GtkWidget *widget,
          gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return porta_test_find_widget (root, is_label, (gpointer) text) != NULL;
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

static gboolean
rows_settled (gpointer data)
{
  return !porta_row_model_get_pending (data);
}

/* The selection stays on its number while searches move it, and
 * while its row is still to come back (porta-row-model.c); a search
 * that hides it clears it */
static void
test_selection_follows_number (Fixture       *f,
                               gconstpointer  data)
{
  GtkColumnView *view;
  GtkSingleSelection *selection;
  PortaRowModel *rows;
  GtkRevealer *details;
  GListModel *model;
  g_autoptr(PortaPhoneNumber) number = NULL;
  g_autoptr(PortaRow) row = NULL;
  g_autofree char *formatted = NULL;
  GtkWidget *entry;
  CountWait wait;
  guint total, position;

  load (f);
  view = GTK_COLUMN_VIEW (porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  rows = PORTA_ROW_MODEL (gtk_single_selection_get_model (selection));
  details = find_details (GTK_WIDGET (f->page));
  model = porta_voice_page_get_model (f->page);
  total = g_list_model_get_n_items (model);
  g_assert_cmpuint (total, >, 400);
  g_assert_true (porta_test_wait_until (rows_settled, rows, 10000));

  gtk_single_selection_set_selected (selection, 300);
  number = g_list_model_get_item (model, 300);
  formatted = porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (number));
  porta_test_spin (50);
  g_assert_true (gtk_revealer_get_reveal_child (details));
  g_assert_true (shows_label (GTK_WIDGET (details), formatted));

  /* a search that keeps it, at another position */
  set_search (f, porta_phone_number_get_digits (number));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 300);
  position = gtk_single_selection_get_selected (selection);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  {
    g_autoptr(PortaPhoneNumber) there = g_list_model_get_item (model, position);
    g_assert_true (there == number);
  }
  g_assert_true (shows_label (GTK_WIDGET (details), formatted));

  /* all of them again: the view gets its first rows at once and the
   * rest after some frames, the number's among them; it stays the
   * one shown meanwhile */
  entry = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait = (CountWait) { model, total };
  g_assert_true (porta_test_wait_until (count_is, &wait, 10000));
  g_assert_true (porta_row_model_get_pending (rows));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), <=, 300);
  g_assert_true (gtk_revealer_get_reveal_child (details));
  g_assert_true (shows_label (GTK_WIDGET (details), formatted));
  g_assert_true (porta_test_wait_until (rows_settled, rows, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, total);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 300);
  row = g_list_model_get_item (G_LIST_MODEL (rows), 300);
  g_assert_true (porta_row_get_item (row) == (gpointer) number);
  g_assert_true (gtk_revealer_get_reveal_child (details));

  /* a search that hides it; the list, out of sight, takes no focus */
  set_search (f, "no such place");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (gtk_revealer_get_reveal_child (details));
  g_assert_false (gtk_widget_get_can_focus (gtk_widget_get_parent (GTK_WIDGET (view))));
  set_search (f, "");
  g_assert_true (gtk_widget_get_can_focus (gtk_widget_get_parent (GTK_WIDGET (view))));
}

/* Enter in the search goes to the first number found, with its
 * details and the keyboard in the list; Escape empties the search */
static void
test_search_keys (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *entry = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkColumnView *view;
  GtkSingleSelection *selection;
  GtkRevealer *details;
  GListModel *model;
  GtkWidget *focus;
  g_autoptr(PortaPhoneNumber) first = NULL;
  g_autofree char *formatted = NULL;
  guint total;

  load (f);
  view = GTK_COLUMN_VIEW (porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  details = find_details (GTK_WIDGET (f->page));
  model = porta_voice_page_get_model (f->page);
  total = g_list_model_get_n_items (model);

  /* the filters' cells in their flow box are no stop for Tab: only the
   * controls are (their names, and the buttons' names, are read through
   * AT-SPI by tests/e2e/test-voice-e2e.py: GTK_A11Y=none here) */
  {
    GtkWidget *status = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);

    g_assert_true (GTK_IS_FLOW_BOX_CHILD (gtk_widget_get_parent (status)));
    g_assert_false (gtk_widget_get_focusable (gtk_widget_get_parent (status)));
  }

  /* typing anywhere in the page goes to the search */
  g_assert_true (gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (entry)) == GTK_WIDGET (f->page));

  gtk_widget_grab_focus (entry);
  set_search (f, "Milano");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);
  first = g_list_model_get_item (model, 0);
  formatted = porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (first));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  g_signal_emit_by_name (entry, "activate");
  porta_test_spin (100);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_true (gtk_revealer_get_reveal_child (details));
  g_assert_true (shows_label (GTK_WIDGET (details), formatted));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));

  /* nothing found: Enter does nothing */
  gtk_widget_grab_focus (entry);
  set_search (f, "no such place");
  g_signal_emit_by_name (entry, "activate");
  porta_test_spin (50);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == gtk_widget_get_first_child (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* Escape empties it */
  g_signal_emit_by_name (entry, "stop-search");
  porta_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
}

static void
test_sorting (Fixture       *f,
              gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *columns;
  GListModel *model;
  guint64 previous = 0;

  load (f);
  view = GTK_COLUMN_VIEW (porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  model = porta_voice_page_get_model (f->page);

  /* by number, ascending, from the start */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      guint64 value = g_ascii_strtoull (porta_phone_number_get_digits (n), NULL, 10);

      g_assert_cmpuint (value, >=, previous);
      previous = value;
    }

  /* by number, descending */
  {
    g_autoptr(GtkColumnViewColumn) number = g_list_model_get_item (columns, 0);
    g_autoptr(PortaPhoneNumber) first = NULL;
    g_autoptr(PortaPhoneNumber) last = NULL;

    gtk_column_view_sort_by_column (view, number, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (model, 0);
    last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
    g_assert_cmpuint (g_ascii_strtoull (porta_phone_number_get_digits (first), NULL, 10), >,
                      g_ascii_strtoull (porta_phone_number_get_digits (last), NULL, 10));
  }

  /* by type: the labels come in order */
  {
    g_autoptr(GtkColumnViewColumn) type = g_list_model_get_item (columns, 1);
    g_autofree char *previous_label = NULL;

    gtk_column_view_sort_by_column (view, type, GTK_SORT_ASCENDING);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
        const char *label = porta_number_type_get_label (porta_phone_number_get_number_type (n));
        g_autofree char *key = g_utf8_collate_key (label, -1);

        if (previous_label != NULL)
          g_assert_cmpint (strcmp (previous_label, key), <=, 0);
        g_free (previous_label);
        previous_label = g_steal_pointer (&key);
      }
  }
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("porta-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "numbers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  PortaTestWaiter waiter = { NULL };
  GListModel *model;
  guint n = 0;
  gsize n_columns;
  const char * const *columns = porta_phone_number_csv_columns (&n_columns);
  g_autofree char *header = g_strjoinv (",", (char **) columns);

  load (f);
  set_search (f, "Roma");
  model = porta_voice_page_get_model (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  porta_voice_page_export_async (f->page, file, NULL, porta_test_waiter_cb, &waiter);
  g_assert_true (porta_voice_page_export_finish (f->page, porta_test_waiter_wait (&waiter, 20000), &n,
                                                &error));
  g_assert_no_error (error);
  porta_test_waiter_clear (&waiter);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (model));

  /* line by line: the header, then each number shown, in the order shown */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);  /* header, rows, and "" after the last CRLF */
  g_assert_cmpstr (lines[0], ==, header);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (model, i);
      g_autoptr(GString) expected = g_string_new (NULL);

      porta_phone_number_append_csv_row_with_person (
        number,
        porta_people_lookup (porta_voice_page_get_people (f->page),
                             porta_phone_number_get_assignment_target_id (number)),
        expected);
      g_string_truncate (expected, expected->len - 2);
      g_assert_cmpstr (lines[i + 1], ==, expected->str);
      g_assert_true (g_str_has_prefix (lines[i + 1], porta_phone_number_get_telephone_number (number)));
      /* "Roma" also finds the people named so, such as "Centralino Roma" */
      if (g_strcmp0 (porta_phone_number_get_city (number), "Roma") == 0)
        g_assert_nonnull (strstr (lines[i + 1], ",Roma,IT,"));
    }
  g_assert_cmpstr (lines[n + 1], ==, "");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_error_and_retry (Fixture       *f,
                      gconstpointer  data)
{
  PortaNumberList *numbers;
  guint loaded;

  /* the sandbox fails every other request or so: some pages arrive, then
   * the load stops with an in-page message, and the rows stay */
  load (f);
  loaded = g_list_model_get_n_items (G_LIST_MODEL (porta_voice_page_get_store (f->page)));
  g_assert_nonnull (porta_voice_page_get_error_message (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (porta_voice_page_get_model (f->page)), ==, loaded);
  /* the page shows its model's error, and keeps no state of its own */
  numbers = porta_voice_page_get_numbers (f->page);
  g_assert_nonnull (porta_number_list_get_error (numbers));
  g_assert_cmpstr (porta_voice_page_get_error_message (f->page), ==,
                   porta_number_list_get_error (numbers)->message);
  g_assert_cmpuint (porta_number_list_get_n_loaded (numbers), ==, loaded);

  /* Retry starts again; with luck (deterministic from the seed) it gets further */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "voice.refresh", NULL);
  g_assert_true (porta_voice_page_get_loading (f->page));
  g_assert_true (porta_number_list_get_loading (numbers));
  g_assert_null (porta_number_list_get_error (numbers));
  g_assert_true (porta_test_wait_until (not_loading, f->page, 60000));
}

static gboolean
is_pin_banner (GtkWidget *widget,
               gpointer   user_data)
{
  return PORTA_IS_BANNER (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "voice.set-pin") == 0;
}

static gboolean
pin_state_settled (gpointer data)
{
  PortaPinState *state = data;
  return !porta_pin_state_get_offered (state) && !porta_pin_state_get_loading (state);
}

/* On a server with no PIN API (Graph) no PIN is ever "set": the banner
 * must not offer Set PIN… for what cannot be done here */
static void
test_no_pin_banner_when_not_offered (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(PortaPinState) state = porta_pin_state_new (f->client);
  PortaBanner *banner = PORTA_BANNER (porta_test_find_widget (GTK_WIDGET (f->page), is_pin_banner, NULL));

  g_assert_nonnull (banner);
  porta_voice_page_set_pin_state (f->page, state);
  g_assert_true (porta_test_wait_until (pin_state_settled, state, 10000));
  porta_test_spin (200);
  g_assert_false (porta_banner_get_revealed (banner));
  porta_voice_page_set_pin_state (f->page, NULL);
}

/* ---- people (issue 13) ------------------------------------------------ */

static gboolean
people_loaded (gpointer data)
{
  return !porta_people_get_loading (porta_voice_page_get_people (data));
}

static gboolean
is_person_dropdown (GtkWidget *widget,
                    gpointer   user_data)
{
  GListModel *model;
  g_autoptr(GtkStringObject) first = NULL;

  if (!GTK_IS_DROP_DOWN (widget) || (model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == NULL)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  return GTK_IS_STRING_OBJECT (first)
    && g_strcmp0 (gtk_string_object_get_string (first), _("All accounts")) == 0;
}

static gboolean
is_cell_with_upn (GtkWidget *widget,
                  gpointer   user_data)
{
  const char *text;

  if (!PORTA_IS_CELL_TEXT (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = porta_cell_text_get_text (PORTA_CELL_TEXT (widget));
  return text != NULL && strstr (text, "@contoso.onmicrosoft.com") != NULL;
}

static gboolean
is_people_hint (GtkWidget *widget,
                gpointer   user_data)
{
  return GTK_IS_LABEL (widget)
    && strstr (gtk_label_get_label (GTK_LABEL (widget)), "TeamsUserConfiguration.Read.All") != NULL;
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  PortaPeople *people = porta_voice_page_get_people (f->page);
  GListModel *model;
  PortaPerson *someone = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *wanted = NULL;
  GtkWidget *dropdown;
  gboolean found = FALSE;
  guint total;

  load (f);
  g_assert_true (porta_test_wait_until (people_loaded, f->page, 60000));
  g_assert_true (porta_people_get_available (people));
  model = porta_voice_page_get_model (f->page);
  total = g_list_model_get_n_items (model);
  porta_test_spin (100);

  /* Assigned to shows people, with their UPNs */
  g_assert_nonnull (porta_test_find_widget (GTK_WIDGET (f->page), is_cell_with_upn, NULL));

  /* a user's surname finds their number, and only numbers of such people */
  for (guint i = 0; i < total && someone == NULL; i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      PortaPerson *p = porta_people_lookup (people, porta_phone_number_get_assignment_target_id (n));

      if (p != NULL && porta_person_get_person_type (p) == PORTA_PERSON_TYPE_USER)
        {
          someone = p;
          wanted = g_strdup (porta_phone_number_get_telephone_number (n));
        }
    }
  g_assert_nonnull (someone);
  surname = g_utf8_strdown (strrchr (porta_person_get_display_name (someone), ' ') + 1, -1);
  set_search (f, surname);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, total);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);
      PortaPerson *p = porta_people_lookup (people, porta_phone_number_get_assignment_target_id (n));
      const char *city = porta_phone_number_get_city (n);
      g_autofree char *lower_city = city ? g_utf8_strdown (city, -1) : NULL;

      if (g_strcmp0 (porta_phone_number_get_telephone_number (n), wanted) == 0)
        found = TRUE;
      g_assert_true ((p != NULL && strstr (porta_person_get_search_key (p), surname) != NULL)
                     || (lower_city != NULL && strstr (lower_city, surname) != NULL));
    }
  g_assert_true (found);
  /* and by UPN */
  set_search (f, porta_person_get_user_principal_name (someone));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  set_search (f, "");

  /* the account-type filter: resource accounts only */
  dropdown = porta_test_find_widget (GTK_WIDGET (f->page), is_person_dropdown, NULL);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_is_visible (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  porta_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, total);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) n = g_list_model_get_item (model, i);

      g_assert_cmpint (porta_phone_number_get_assignment_status (n), ==,
                       PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  porta_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* no hint where the names are known */
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (gtk_widget_get_ancestor (porta_test_find_widget (GTK_WIDGET (f->page), is_people_hint, NULL),
                                           GTK_TYPE_REVEALER))));
}

static void
test_people_forbidden (Fixture       *f,
                       gconstpointer  data)
{
  PortaPeople *people = porta_voice_page_get_people (f->page);
  GtkWidget *hint;
  GtkWidget *revealer;

  load (f);
  g_assert_true (porta_test_wait_until (people_loaded, f->page, 60000));
  porta_test_spin (400);

  /* GUIDs, a one-line hint, no error */
  g_assert_false (porta_people_get_available (people));
  g_assert_null (porta_people_get_error (people));
  g_assert_null (porta_number_list_get_error (porta_voice_page_get_numbers (f->page)));
  g_assert_null (porta_test_find_widget (GTK_WIDGET (f->page), is_cell_with_upn, NULL));
  hint = porta_test_find_widget (GTK_WIDGET (f->page), is_people_hint, NULL);
  g_assert_nonnull (hint);
  revealer = gtk_widget_get_ancestor (hint, GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (gtk_widget_is_visible (porta_test_find_widget (GTK_WIDGET (f->page), is_person_dropdown, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (porta_voice_page_get_model (f->page)), >=, 5000);
}

int
main (int   argc,
      char *argv[])
{
  static const char *normal[] = { "--auto-approve", "--numbers", "5000", NULL };
  static const char *graph_like[] = { "--auto-approve", "--numbers", "50", "--graph-like", NULL };
  static const char *withheld[] = { "--auto-approve", "--numbers", "5000",
                                    "--withhold-scope", "TeamsUserConfiguration.Read.All", NULL };
  static const char *faulty[] = { "--auto-approve", "--numbers", "5000", "--seed", "3",
                                  "--faults", "unavailable=0.4", NULL };

  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add ("/voice/all-shown-and-search", Fixture, normal, fixture_setup, test_all_shown_and_search, fixture_teardown);
  g_test_add ("/voice/selection-follows-number", Fixture, normal, fixture_setup, test_selection_follows_number, fixture_teardown);
  g_test_add ("/voice/search-keys", Fixture, normal, fixture_setup, test_search_keys, fixture_teardown);
  g_test_add ("/voice/sorting", Fixture, normal, fixture_setup, test_sorting, fixture_teardown);
  g_test_add ("/voice/export", Fixture, normal, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/voice/people", Fixture, normal, fixture_setup, test_people, fixture_teardown);
  g_test_add ("/voice/people-forbidden", Fixture, withheld, fixture_setup, test_people_forbidden, fixture_teardown);
  g_test_add ("/voice/error-and-retry", Fixture, faulty, fixture_setup, test_error_and_retry, fixture_teardown);
  g_test_add ("/voice/no-pin-banner-when-not-offered", Fixture, graph_like, fixture_setup,
              test_no_pin_banner_when_not_offered, fixture_teardown);

  return g_test_run ();
}
