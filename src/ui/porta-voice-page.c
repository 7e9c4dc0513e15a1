/* porta-voice-page.c — every phone number of the organization
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GListStore (pages stream in) → GtkSortListModel (the column view's
 * sorter) → PortaFilterModel (PortaNumberFilter) → PortaRowModel →
 * GtkSingleSelection → GtkColumnView. Sorting comes before filtering on
 * purpose: a keystroke then only filters the sorted list again, it never
 * sorts 100,000 numbers anew. PortaFilterModel and PortaRowModel stand
 * where GtkFilterListModel alone would, for reasons measured at 100,000
 * numbers (tests/bench/bench-voice; see their files).
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "porta-a11y.h"
#include "porta-cell-text.h"
#include "porta-country.h"
#include "porta-csv.h"
#include "porta-enums.h"
#include "porta-filter-model.h"
#include "porta-number-filter.h"
#include "porta-phone-number.h"
#include "porta-pin-dialog.h"
#include "porta-row-model.h"
#include "porta-voice-page.h"

struct _PortaVoicePage
{
  AdwBin              parent_instance;

  PortaClient        *client;
  GSettings          *settings;
  GCancellable       *cancellable;      /* the list being loaded */
  GCancellable       *pin_cancellable;
  gboolean            loading;
  gboolean            needs_load;
  gboolean            restoring_filters;
  guint               pulse_id;

  GListStore         *store;
  GtkSortListModel   *sort_model;
  PortaFilterModel   *filter_model;
  PortaRowModel      *rows;            /* over @filter_model */
  GtkSingleSelection *selection;       /* over @rows */
  PortaPhoneNumber   *selected;        /* the number the selection is on */
  gboolean            moving_rows;
  guint               countries_seen;  /* numbers of the store looked at */
  PortaNumberFilter  *filter;
  PortaNumberQuery   *query;
  GtkStringList      *countries;        /* codes, "" first for "all" */
  GHashTable         *known_countries;

  GPtrArray          *detail_values;

  GtkRevealer        *pin_banner;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *country_dropdown;
  GtkToggleButton    *problems_button;
  GtkRevealer        *error_banner;
  GtkLabel           *error_label;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_match_page;
  GtkRevealer        *details_revealer;
  GtkLabel           *details_title;
  GtkListBox         *details_list;
  GtkLabel           *count_label;
  GtkProgressBar     *progress_bar;
};

G_DEFINE_FINAL_TYPE (PortaVoicePage, porta_voice_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The choices of the status and type filters, in dropdown order */
static const int status_choices[] = {
  PORTA_NUMBER_QUERY_ANY,
  PORTA_ASSIGNMENT_STATUS_UNASSIGNED,
  PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_CONFERENCE_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED,
};

static const int type_choices[] = {
  PORTA_NUMBER_QUERY_ANY,
  PORTA_NUMBER_TYPE_CALLING_PLAN,
  PORTA_NUMBER_TYPE_DIRECT_ROUTING,
  PORTA_NUMBER_TYPE_OPERATOR_CONNECT,
};

/* ---- what a cell shows ------------------------------------------------- */

static const char *
assignee_kind (PortaPhoneNumber *number)
{
  switch (porta_phone_number_get_assignment_status (number))
    {
    case PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED:
      return C_("assigned to", "User");
    case PORTA_ASSIGNMENT_STATUS_CONFERENCE_ASSIGNED:
      return C_("assigned to", "Conference");
    case PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED:
      return C_("assigned to", "Voice app");
    case PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED:
      return C_("assigned to", "Third-party app");
    case PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED:
      return C_("assigned to", "Policy");
    default:
      return NULL;
    }
}

static char *
assignee_text (PortaPhoneNumber *number)
{
  const char *kind = assignee_kind (number);
  const char *target = porta_phone_number_get_assignment_target_id (number);

  if (kind == NULL)
    return g_strdup ("");
  if (target == NULL)
    return g_strdup (kind);
  /* Translators: who a number is assigned to: the kind ("User"), then its id */
  return g_strdup_printf (_("%s · %s"), kind, target);
}

static char *
location_text (PortaPhoneNumber *number)
{
  const char *city = porta_phone_number_get_city (number);
  const char *country = porta_country_get_name (porta_phone_number_get_iso_country_code (number));

  if (city != NULL && country != NULL)
    /* Translators: a number's location: city, then country */
    return g_strdup_printf (_("%s, %s"), city, country);
  return g_strdup (city ? city : country ? country : "");
}

static char *
status_text (PortaPhoneNumber *number)
{
  const char *status = porta_assignment_status_get_label (porta_phone_number_get_assignment_status (number));
  PortaActivationState state = porta_phone_number_get_activation_state (number);

  if (state == PORTA_ACTIVATION_STATE_ACTIVATED)
    return g_strdup (status);
  /* Translators: an assignment status, then an activation state such as "Assignment failed" */
  return g_strdup_printf (_("%s — %s"), status, porta_activation_state_get_label (state));
}

/* ---- the columns ------------------------------------------------------- */

typedef char *(*CellTextFunc) (PortaPhoneNumber *number);

static char *
cell_number (PortaPhoneNumber *number)
{
  return porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (number));
}

static char *
cell_type (PortaPhoneNumber *number)
{
  return g_strdup (porta_number_type_get_label (porta_phone_number_get_number_type (number)));
}

static char *
cell_port_in (PortaPhoneNumber *number)
{
  return g_strdup (porta_port_in_status_get_label (porta_phone_number_get_port_in_status (number)));
}

/* The cells show the item of a PortaRow and follow it: the rows stay
 * while the list changes under them (porta-row-model.c), and a change
 * only sets their text. PortaCellText rather than GtkLabel: its size
 * does not depend on its text, so the 200 rows a GTK 4.8 list view
 * keeps are not measured again on every keystroke, and only the rows
 * in sight lay their text out (porta-cell-text.c). */
static GtkWidget *
new_cell_text (void)
{
  GtkWidget *text = porta_cell_text_new ();

  gtk_widget_set_hexpand (text, TRUE);
  return text;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *text = new_cell_text ();

  g_object_set_data (G_OBJECT (item), "porta-cell-text", user_data);
  /* the way back from a cell to its position (focus_row()) */
  g_object_set_data (G_OBJECT (text), "porta-list-item", item);
  gtk_list_item_set_child (item, text);
}

static void
update_label (GtkListItem *item,
              CellTextFunc func)
{
  PortaPhoneNumber *number = porta_row_get_item (gtk_list_item_get_item (item));
  g_autofree char *text = number != NULL ? func (number) : NULL;

  porta_cell_text_set_text (PORTA_CELL_TEXT (gtk_list_item_get_child (item)), text);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), new_cell_text ());
  gtk_list_item_set_child (item, box);
}

static void
update_status (GtkListItem *item)
{
  PortaPhoneNumber *number = porta_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  PortaActivationState state;
  g_autofree char *text = NULL;
  const char *icon_name;
  gboolean failed;

  if (number == NULL)
    {
      porta_cell_text_set_text (PORTA_CELL_TEXT (label), NULL);
      gtk_widget_set_visible (icon, FALSE);
      return;
    }

  state = porta_phone_number_get_activation_state (number);
  text = status_text (number);
  failed = state == PORTA_ACTIVATION_STATE_ASSIGNMENT_FAILED ||
           state == PORTA_ACTIVATION_STATE_UPDATE_FAILED;

  /* the state is in the words; the icon and colour only repeat it */
  porta_cell_text_set_text (PORTA_CELL_TEXT (label), text);
  gtk_widget_set_visible (icon, state != PORTA_ACTIVATION_STATE_ACTIVATED);
  /* GtkImage clears itself and asks for a new layout even for the same
   * icon, and these cells change with every keystroke */
  icon_name = failed ? "dialog-error-symbolic" : "content-loading-symbolic";
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (icon)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  if (failed)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* the column's text function, or NULL for the status column */
static void
update_cell (GtkListItem *item)
{
  CellTextFunc func = g_object_get_data (G_OBJECT (item), "porta-cell-text");

  if (func != NULL)
    update_label (item, func);
  else
    update_status (item);
}

static void
row_item_changed_cb (PortaRow    *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  update_cell (item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_signal_connect (gtk_list_item_get_item (item), "notify::item", G_CALLBACK (row_item_changed_cb), item);
  update_cell (item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_item_changed_cb, item);
}

static GtkSorter *
string_sorter (CellTextFunc func)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (func), NULL, NULL);
  GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  gtk_string_sorter_set_ignore_case (GTK_STRING_SORTER (sorter), TRUE);
  return sorter;
}

static guint64
number_sort_key (PortaPhoneNumber *number)
{
  /* E.164 is at most 15 digits: it fits, and sorts, as an integer */
  return g_ascii_strtoull (porta_phone_number_get_digits (number), NULL, 10);
}

/* Appends a column; returns it, owned by the column view */
static GtkColumnViewColumn *
add_column (PortaVoicePage *self,
            const char     *title,
            GCallback       setup,
            GCallback       bind,
            gpointer        bind_data,
            GtkSorter      *sorter,
            int             fixed_width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, bind_data);
  g_signal_connect (factory, "bind", bind, bind_data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, column);
  return column;
}

static void
setup_columns (PortaVoicePage *self)
{
  GtkExpression *key = gtk_cclosure_expression_new (G_TYPE_UINT64, NULL, 0, NULL,
                                                    G_CALLBACK (number_sort_key), NULL, NULL);
  GtkColumnViewColumn *number_column;

  number_column = add_column (self, _("Number"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
                              cell_number, GTK_SORTER (gtk_numeric_sorter_new (key)), 170, FALSE);
  add_column (self, _("Type"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              cell_type, string_sorter (cell_type), 140, FALSE);
  add_column (self, _("Status"), G_CALLBACK (setup_status_cb), G_CALLBACK (bind_cell_cb),
              NULL, string_sorter (status_text), 220, FALSE);
  add_column (self, _("Assigned to"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              assignee_text, string_sorter (assignee_text), 220, TRUE);
  add_column (self, _("Location"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              location_text, string_sorter (location_text), 180, FALSE);
  add_column (self, _("Port-in status"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              cell_port_in, string_sorter (cell_port_in), 150, FALSE);

  gtk_column_view_sort_by_column (self->column_view, number_column, GTK_SORT_ASCENDING);
}

/* ---- counts and which view shows --------------------------------------- */

static void
update_view (PortaVoicePage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;
  const char *page;

  if (self->client == NULL)
    text = g_strdup ("");
  else if (porta_number_query_is_empty (self->query))
    /* Translators: how many phone numbers there are; %'u is the count, with
     * the locale's thousands separator */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u number", "%'u numbers", total), total);
  else
    /* Translators: how many phone numbers match the search, out of how many;
     * the plural follows the second count */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u number", "%'u of %'u numbers", total),
                            shown, total);
  gtk_label_set_label (self->count_label, text);

  if (shown > 0)
    page = "list";
  else if (self->loading && total == 0)
    page = "loading";
  else if (total == 0)
    page = self->loading ? "loading" : "empty";
  else
    page = "list";  /* with "no matching numbers" over it */
  gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_page), shown == 0 && total > 0);
  /* under "no matching numbers" the list is out of sight: Tab must not
   * take the keyboard there, nor to its scrolled window */
  gtk_widget_set_can_focus (gtk_widget_get_parent (GTK_WIDGET (self->column_view)), shown > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.export", shown > 0);
}

static void
set_loading (PortaVoicePage *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (PORTA_VOICE_PAGE (user_data)->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* ---- countries --------------------------------------------------------- */

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return g_utf8_collate (porta_country_get_name (*(const char **) a),
                         porta_country_get_name (*(const char **) b));
}

static void
update_countries (PortaVoicePage *self,
                  guint           from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean added = FALSE;

  for (guint i = from; i < n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *code = porta_phone_number_get_iso_country_code (number);

      if (code != NULL && !g_hash_table_contains (self->known_countries, code))
        {
          g_hash_table_add (self->known_countries, g_strdup (code));
          added = TRUE;
        }
    }

  if (added)
    {
      const char *selected = porta_number_query_get_country (self->query);
      g_autofree char *keep = g_strdup (selected);
      g_autoptr(GPtrArray) codes = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer code;
      guint position = 0;

      g_hash_table_iter_init (&iter, self->known_countries);
      while (g_hash_table_iter_next (&iter, &code, NULL))
        g_ptr_array_add (codes, code);

      g_ptr_array_sort (codes, compare_countries);
      self->restoring_filters = TRUE;
      gtk_string_list_splice (self->countries, 1,
                              g_list_model_get_n_items (G_LIST_MODEL (self->countries)) - 1,
                              NULL);
      for (guint i = 0; i < codes->len; i++)
        {
          gtk_string_list_append (self->countries, g_ptr_array_index (codes, i));
          if (g_strcmp0 (keep, g_ptr_array_index (codes, i)) == 0)
            position = i + 1;
        }
      gtk_drop_down_set_selected (self->country_dropdown, position);
      self->restoring_filters = FALSE;
    }
}

static char *
country_label (GtkStringObject *item)
{
  const char *code = gtk_string_object_get_string (item);

  if (code[0] == '\0')
    return g_strdup (_("All countries"));
  return g_strdup (porta_country_get_name (code));
}

/* ---- loading ----------------------------------------------------------- */

static void
progress_cb (guint    loaded,
             gpointer user_data)
{
  PortaVoicePage *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  /* pages are appended: only the new numbers can bring a new country
   * (from 0 each time cost O(n²): 5 million lookups at 100,000) */
  update_countries (self, MIN (self->countries_seen, n));
  self->countries_seen = n;
  update_view (self);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PortaVoicePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porta_client_list_numbers_finish (PORTA_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* the rows already here stay; Retry loads them all again */
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_banner, TRUE);
    }

  set_loading (self, FALSE);
}

static void
cancel_loading (PortaVoicePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->loading)
    self->needs_load = TRUE;
  set_loading (self, FALSE);
}

static void
load (PortaVoicePage *self)
{
  cancel_loading (self);
  self->needs_load = FALSE;
  gtk_revealer_set_reveal_child (self->error_banner, FALSE);
  g_list_store_remove_all (self->store);
  g_hash_table_remove_all (self->known_countries);
  self->countries_seen = 0;
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);

  if (self->client == NULL)
    {
      update_view (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  self->pulse_id = g_timeout_add (150, pulse_cb, self);
  porta_client_list_numbers_async (self->client, NULL, self->store, progress_cb, self,
                                   self->cancellable, list_done_cb, g_object_ref (self));
}

/**
 * porta_voice_page_refresh:
 * @self: a #PortaVoicePage
 *
 * Loads every number again (F5, Ctrl+R, Retry).
 */
void
porta_voice_page_refresh (PortaVoicePage *self)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));
  load (self);
}

static void
porta_voice_page_map (GtkWidget *widget)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);

  GTK_WIDGET_CLASS (porta_voice_page_parent_class)->map (widget);

  /* first shown, or left before loading finished */
  if (self->needs_load)
    load (self);
}

static void
porta_voice_page_unmap (GtkWidget *widget)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);

  /* leaving the page stops the loading; coming back starts it again */
  if (self->loading)
    cancel_loading (self);

  GTK_WIDGET_CLASS (porta_voice_page_parent_class)->unmap (widget);
}

/* ---- search and filters ------------------------------------------------ */

static void
apply_query (PortaVoicePage *self)
{
  porta_number_filter_set_query (self->filter, self->query);
  update_view (self);
}

static void
search_changed_cb (PortaVoicePage *self)
{
  if (porta_number_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    apply_query (self);
}

/* ---- keyboard and screen reader -------------------------------------- */

/* GTK 4.8's drop-down takes its label itself but gives the keyboard to
 * a button inside, which a screen reader then names by its type: the
 * button gets the label, and the choice it shows as its description */
static void
describe_drop_down (GtkDropDown *drop_down,
                    const char  *label,
                    const char  *choice)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, choice ? choice : "",
                                    -1);
}

static const char *
selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
describe_filters (PortaVoicePage *self)
{
  GtkStringObject *country = gtk_drop_down_get_selected_item (self->country_dropdown);
  g_autofree char *country_name = country != NULL ? country_label (country) : NULL;

  describe_drop_down (self->status_dropdown, _("Assignment status"), selected_string (self->status_dropdown));
  describe_drop_down (self->type_dropdown, _("Number type"), selected_string (self->type_dropdown));
  describe_drop_down (self->country_dropdown, _("Country"), country_name);
}

/* The filters sit in a GtkFlowBox, to wrap in a narrow window; its
 * cells would each be one more stop for Tab before their control, and
 * be read out by their type name. They are passed over, and named. */
static void
setup_filter_bar (PortaVoicePage *self)
{
  struct { GtkWidget *control; const char *label; } filters[] = {
    { GTK_WIDGET (self->status_dropdown), _("Assignment status") },
    { GTK_WIDGET (self->type_dropdown), _("Number type") },
    { GTK_WIDGET (self->country_dropdown), _("Country") },
    { GTK_WIDGET (self->problems_button), _("Activation problems") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *cell = gtk_widget_get_parent (filters[i].control);

      if (GTK_IS_FLOW_BOX_CHILD (cell))
        {
          gtk_widget_set_focusable (cell, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          filters[i].label, -1);
        }
    }
  /* its words are in a box of its own, which GTK 4.8 does not read */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activation problems"), -1);
  describe_filters (self);
}

/* Typing elsewhere in the page started a search: the keyboard goes on
 * in the entry, after what was typed, so that Enter, Escape and the
 * next keys are the search's */
static void
search_started_cb (PortaVoicePage *self)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));

  if (GTK_IS_TEXT (text) && !gtk_widget_has_focus (GTK_WIDGET (text)))
    {
      gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
      gtk_editable_set_position (text, -1);
    }
}

/* Escape in the search entry empties it */
static void
stop_search_cb (PortaVoicePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Puts the keyboard on the row at @position, scrolled into view: GTK
 * 4.8 has no call for it, but a row takes the focus given to it, and
 * the list goes on from there. A row is found by its first cell, which
 * knows its list item (setup_label_cb()). */
static void
focus_row (PortaVoicePage *self,
           guint           position)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (self->column_view));

  if (list == NULL)
    return;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *text = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
      GtkListItem *item = text != NULL ? g_object_get_data (G_OBJECT (text), "porta-list-item") : NULL;

      if (item != NULL && gtk_list_item_get_position (item) == position &&
          gtk_widget_grab_focus (row))
        return;
    }
  gtk_widget_grab_focus (list);
}

/* Enter in the search entry goes to the first number found: selected,
 * its details shown, the keyboard on its row to go on from there */
static void
search_activate_cb (PortaVoicePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  focus_row (self, 0);
}

static void
save_filters (PortaVoicePage *self)
{
  const char *country = porta_number_query_get_country (self->query);

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "voice-assignment-status", porta_number_query_get_assignment_status (self->query));
  g_settings_set_int (self->settings, "voice-number-type", porta_number_query_get_number_type (self->query));
  g_settings_set_string (self->settings, "voice-country", country ? country : "");
  g_settings_set_boolean (self->settings, "voice-problems-only", porta_number_query_get_problems_only (self->query));
  g_settings_apply (self->settings);
}

static void
filters_changed_cb (PortaVoicePage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  gboolean changed = FALSE;

  describe_filters (self);
  if (self->restoring_filters)
    return;

  changed |= porta_number_query_set_assignment_status (self->query,
                                                       status < G_N_ELEMENTS (status_choices)
                                                       ? status_choices[status] : PORTA_NUMBER_QUERY_ANY);
  changed |= porta_number_query_set_number_type (self->query,
                                                 type < G_N_ELEMENTS (type_choices)
                                                 ? type_choices[type] : PORTA_NUMBER_QUERY_ANY);
  changed |= porta_number_query_set_country (self->query,
                                             country != GTK_INVALID_LIST_POSITION
                                             ? gtk_string_list_get_string (self->countries, country) : NULL);
  changed |= porta_number_query_set_problems_only (self->query, gtk_toggle_button_get_active (self->problems_button));

  if (changed)
    {
      apply_query (self);
      save_filters (self);
    }
}

static guint
index_of (const int *choices,
          guint      n_choices,
          int        value)
{
  for (guint i = 0; i < n_choices; i++)
    if (choices[i] == value)
      return i;
  return 0;
}

static void
restore_filters (PortaVoicePage *self)
{
  g_autofree char *country = NULL;

  if (self->settings == NULL)
    return;

  country = g_settings_get_string (self->settings, "voice-country");
  self->restoring_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown,
                              index_of (status_choices, G_N_ELEMENTS (status_choices),
                                        g_settings_get_int (self->settings, "voice-assignment-status")));
  gtk_drop_down_set_selected (self->type_dropdown,
                              index_of (type_choices, G_N_ELEMENTS (type_choices),
                                        g_settings_get_int (self->settings, "voice-number-type")));
  gtk_toggle_button_set_active (self->problems_button,
                                g_settings_get_boolean (self->settings, "voice-problems-only"));
  self->restoring_filters = FALSE;

  /* the country list fills as numbers arrive; the query keeps the code */
  porta_number_query_set_country (self->query, country);
  filters_changed_cb (self);
  porta_number_query_set_country (self->query, country);
  apply_query (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);

  self->restoring_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  gtk_toggle_button_set_active (self->problems_button, FALSE);
  self->restoring_filters = FALSE;
  porta_number_query_set_text (self->query, NULL);
  filters_changed_cb (self);
  apply_query (self);
}

/**
 * porta_voice_page_focus_search:
 * @self: a #PortaVoicePage
 *
 * Puts the keyboard in the search entry (Ctrl+F).
 */
void
porta_voice_page_focus_search (PortaVoicePage *self)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- details ----------------------------------------------------------- */

typedef enum
{
  DETAIL_NUMBER,
  DETAIL_TYPE,
  DETAIL_ASSIGNMENT,
  DETAIL_CATEGORY,
  DETAIL_TARGET,
  DETAIL_ACTIVATION,
  DETAIL_CAPABILITIES,
  DETAIL_ACTIONS,
  DETAIL_LOOKUP,
  DETAIL_PORT_IN,
  DETAIL_SOURCE,
  DETAIL_OPERATOR,
  DETAIL_CITY,
  DETAIL_COUNTRY,
  DETAIL_CIVIC_ADDRESS,
  DETAIL_LOCATION,
  DETAIL_NETWORK_SITE,
  DETAIL_ID,
  N_DETAILS
} Detail;

static const char *detail_titles[N_DETAILS] = {
  N_("Telephone number"),
  N_("Number type"),
  N_("Assignment status"),
  N_("Assignment category"),
  N_("Assigned to"),
  N_("Activation state"),
  N_("Capabilities"),
  N_("Supported actions"),
  N_("Reverse number lookup"),
  N_("Port-in status"),
  N_("Number source"),
  N_("Operator ID"),
  N_("City"),
  N_("Country"),
  N_("Civic address ID"),
  N_("Location ID"),
  N_("Network site ID"),
  N_("ID"),
};

static void
setup_details (PortaVoicePage *self)
{
  self->detail_values = g_ptr_array_new ();

  for (guint i = 0; i < N_DETAILS; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (_(detail_titles[i]));
      GtkWidget *value = gtk_label_new (NULL);

      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "caption");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), value);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
      gtk_list_box_append (self->details_list, row);
      g_ptr_array_add (self->detail_values, value);
    }
}

static char *
join_or_none (const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return g_strdup (C_("no values", "None"));
  return g_strjoinv (", ", (char **) values);
}

static void
set_detail (PortaVoicePage *self,
            Detail          detail,
            const char     *value)
{
  gtk_label_set_label (g_ptr_array_index (self->detail_values, detail),
                       value != NULL && value[0] != '\0' ? value : C_("no value", "—"));
}

static void
show_details (PortaVoicePage   *self,
              PortaPhoneNumber *number)
{
  g_autofree char *formatted = NULL;
  g_autofree char *capabilities = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *lookup = NULL;
  const char *code;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.copy-number", number != NULL);
  if (number == NULL)
    {
      gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), TRUE);

  formatted = porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (number));
  capabilities = join_or_none (porta_phone_number_get_capabilities (number));
  actions = join_or_none (porta_phone_number_get_supported_customer_actions (number));
  lookup = join_or_none (porta_phone_number_get_reverse_number_lookup_options (number));
  code = porta_phone_number_get_iso_country_code (number);

  gtk_label_set_label (self->details_title, formatted);
  set_detail (self, DETAIL_NUMBER, porta_phone_number_get_telephone_number (number));
  set_detail (self, DETAIL_TYPE, porta_number_type_get_label (porta_phone_number_get_number_type (number)));
  set_detail (self, DETAIL_ASSIGNMENT, porta_assignment_status_get_label (porta_phone_number_get_assignment_status (number)));
  set_detail (self, DETAIL_CATEGORY, porta_assignment_category_get_label (porta_phone_number_get_assignment_category (number)));
  set_detail (self, DETAIL_TARGET, porta_phone_number_get_assignment_target_id (number));
  set_detail (self, DETAIL_ACTIVATION, porta_activation_state_get_label (porta_phone_number_get_activation_state (number)));
  set_detail (self, DETAIL_CAPABILITIES, capabilities);
  set_detail (self, DETAIL_ACTIONS, actions);
  set_detail (self, DETAIL_LOOKUP, lookup);
  set_detail (self, DETAIL_PORT_IN, porta_port_in_status_get_label (porta_phone_number_get_port_in_status (number)));
  set_detail (self, DETAIL_SOURCE, porta_number_source_get_label (porta_phone_number_get_number_source (number)));
  set_detail (self, DETAIL_OPERATOR, porta_phone_number_get_operator_id (number));
  set_detail (self, DETAIL_CITY, porta_phone_number_get_city (number));
  set_detail (self, DETAIL_COUNTRY, porta_country_get_name (code));
  set_detail (self, DETAIL_CIVIC_ADDRESS, porta_phone_number_get_civic_address_id (number));
  set_detail (self, DETAIL_LOCATION, porta_phone_number_get_location_id (number));
  set_detail (self, DETAIL_NETWORK_SITE, porta_phone_number_get_network_site_id (number));
  set_detail (self, DETAIL_ID, porta_phone_number_get_id (number));
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
}

static void
details_revealed_cb (PortaVoicePage *self)
{
  /* hidden, a revealer still asks for its child's width: let it go */
  if (!gtk_revealer_get_child_revealed (self->details_revealer) &&
      !gtk_revealer_get_reveal_child (self->details_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), FALSE);
}

static void
selection_changed_cb (PortaVoicePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(PortaPhoneNumber) number = NULL;

  /* while the rows move, rows_moved_cb() puts the selection right */
  if (self->moving_rows)
    return;
  /* the number at that position now: a row out of sight may not have
   * been told yet (porta-row-model.c) */
  if (position != GTK_INVALID_LIST_POSITION)
    number = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  g_set_object (&self->selected, number);
  show_details (self, self->selected);
}

/* The selection is on a row, and the rows stay while the numbers move
 * under them (porta-row-model.c): around each change of the numbers
 * shown, and of the rows, the selection is put back on its number, or
 * cleared if a search hid it, as GtkSingleSelection would do over the
 * numbers. */
static void
rows_moving_cb (PortaVoicePage *self)
{
  self->moving_rows = TRUE;
}

static void
rows_moved_cb (PortaVoicePage *self)
{
  guint position = porta_filter_model_find (self->filter_model, self->selected);

  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      /* its row is still to come: selected again when it does */
      self->moving_rows = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->moving_rows = FALSE;
      return;
    }

  self->moving_rows = FALSE;
  if (position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
  else if (position == GTK_INVALID_LIST_POSITION && self->selected != NULL)
    selection_changed_cb (self);
}

static void
copy_number_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);
  PortaPhoneNumber *number = self->selected;

  if (number == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), porta_phone_number_get_telephone_number (number));
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Number copied"));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* ---- the PIN banner ---------------------------------------------------- */

static void
pin_status_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PortaVoicePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPinStatus) status = NULL;

  status = porta_client_get_pin_status_finish (PORTA_CLIENT (object), result, &error);
  if (status == NULL)
    {
      /* the Port orders page says what went wrong; no banner on a guess */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("PIN status: %s", error->message);
      return;
    }
  gtk_revealer_set_reveal_child (self->pin_banner, !porta_pin_status_get_is_set (status));
}

/**
 * porta_voice_page_reload_pin:
 * @self: a #PortaVoicePage
 *
 * Reads the PIN status again, for the banner.
 */
void
porta_voice_page_reload_pin (PortaVoicePage *self)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));

  g_cancellable_cancel (self->pin_cancellable);
  g_clear_object (&self->pin_cancellable);
  gtk_revealer_set_reveal_child (self->pin_banner, FALSE);
  if (self->client == NULL)
    return;
  self->pin_cancellable = g_cancellable_new ();
  porta_client_get_pin_status_async (self->client, self->pin_cancellable, pin_status_cb, g_object_ref (self));
}

static void
pin_saved_cb (PortaVoicePage *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.pin-changed", NULL))
    porta_voice_page_reload_pin (self);
}

static void
set_pin_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PortaPinDialog *dialog;

  if (self->client == NULL)
    return;
  dialog = porta_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->client, FALSE);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (pin_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- export ------------------------------------------------------------ */

typedef struct
{
  GPtrArray *numbers;
  GFile     *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_ptr_array_unref (data->numbers);
  g_object_unref (data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GString) csv = g_string_sized_new (data->numbers->len * 200);
  g_autoptr(GError) error = NULL;
  gsize n_columns;
  const char * const *columns = porta_phone_number_csv_columns (&n_columns);

  porta_csv_append_row (csv, columns, n_columns);
  for (guint i = 0; i < data->numbers->len; i++)
    {
      if (i % 1000 == 0 && g_task_return_error_if_cancelled (task))
        return;
      porta_phone_number_append_csv_row (g_ptr_array_index (data->numbers, i), csv);
    }

  if (!g_file_replace_contents (data->file, csv->str, csv->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, data->numbers->len);
}

/**
 * porta_voice_page_export_async:
 * @self: a #PortaVoicePage
 * @file: where to write
 *
 * Writes the numbers shown, as filtered and sorted, to @file as CSV
 * (RFC 4180, UTF-8, a header row of stable keys), off the main thread.
 */
void
porta_voice_page_export_async (PortaVoicePage      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  guint n;

  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_voice_page_export_async);

  /* a snapshot: the list may change while the file is written */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  data = g_new0 (ExportData, 1);
  data->numbers = g_ptr_array_new_full (n, g_object_unref);
  data->file = g_object_ref (file);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->numbers, g_list_model_get_item (G_LIST_MODEL (self->filter_model), i));
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
porta_voice_page_export_finish (PortaVoicePage  *self,
                                GAsyncResult    *result,
                                guint           *n_exported,
                                GError         **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_voice_page_export_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_exported != NULL)
    *n_exported = (guint) n;
  return TRUE;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!porta_voice_page_export_finish (self, result, &n, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is the system's reason, such as "Permission denied" */
      message = g_strdup_printf (_("Could not export the numbers: %s"), error->message);
    }
  else
    /* Translators: %'u is how many phone numbers were written to the file */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u number", "Exported %'u numbers", n), n);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(PortaVoicePage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      porta_voice_page_export_async (self, file, NULL, exported_cb, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* GtkFileChooserNative: GtkFileDialog is GTK 4.10 */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Export Phone Numbers"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("phone-numbers.csv"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  porta_voice_page_refresh (PORTA_VOICE_PAGE (widget));
}

/* ---- the object -------------------------------------------------------- */

static void
porta_voice_page_dispose (GObject *object)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->pin_cancellable);
  g_clear_object (&self->pin_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->rows != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->rows, self);
      porta_row_model_set_view (self->rows, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_VOICE_PAGE);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);
  g_clear_object (&self->filter);
  g_clear_object (&self->countries);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, porta_number_query_free);
  g_clear_pointer (&self->known_countries, g_hash_table_unref);
  g_clear_pointer (&self->detail_values, g_ptr_array_unref);

  G_OBJECT_CLASS (porta_voice_page_parent_class)->dispose (object);
}

static void
porta_voice_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_voice_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_voice_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_voice_page_class_init (PortaVoicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_voice_page_dispose;
  object_class->get_property = porta_voice_page_get_property;
  object_class->set_property = porta_voice_page_set_property;
  widget_class->map = porta_voice_page_map;
  widget_class->unmap = porta_voice_page_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-voice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, pin_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, problems_button);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, details_title);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, details_list);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_revealed_cb);

  gtk_widget_class_install_action (widget_class, "voice.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "voice.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "voice.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "voice.copy-number", NULL, copy_number_action);
  gtk_widget_class_install_action (widget_class, "voice.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "voice.set-pin", NULL, set_pin_action);
}

static GtkStringList *
labels_for (const int  *choices,
            guint       n_choices,
            const char *(*get_label) (int),
            const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 1; i < n_choices; i++)
    gtk_string_list_append (list, get_label (choices[i]));
  return list;
}

static void
porta_voice_page_init (PortaVoicePage *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) types = NULL;
  GtkExpression *country_expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  /* typing anywhere in the page, outside another entry, searches */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->query = porta_number_query_new ();
  self->known_countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  statuses = labels_for (status_choices, G_N_ELEMENTS (status_choices),
                         (const char *(*) (int)) porta_assignment_status_get_label, _("All statuses"));
  types = labels_for (type_choices, G_N_ELEMENTS (type_choices),
                      (const char *(*) (int)) porta_number_type_get_label, _("All types"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  self->countries = gtk_string_list_new (NULL);
  gtk_string_list_append (self->countries, "");
  country_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (country_label), NULL, NULL);
  gtk_drop_down_set_expression (self->country_dropdown, country_expression);
  gtk_expression_unref (country_expression);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (self->countries));

  setup_columns (self);
  setup_details (self);
  setup_filter_bar (self);

  self->store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  self->filter = porta_number_filter_new ();
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = porta_filter_model_new (G_LIST_MODEL (self->sort_model),
                                               g_object_ref (GTK_FILTER (self->filter)));
  porta_filter_model_set_key_func (self->filter_model, porta_number_filter_get_key);
  /* a second thread pays from some 20,000 numbers to look at on
   * (tests/bench/bench-voice: 5 to 3.5 ms at 100,000) */
  porta_filter_model_set_thread_matcher (self->filter_model, porta_number_filter_dup_matcher,
                                         porta_number_filter_match_with,
                                         (GDestroyNotify) porta_number_query_free, 20000);
  /* before the rows hear of a change, and after */
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (rows_moving_cb), self);
  self->rows = porta_row_model_new (G_LIST_MODEL (self->filter_model));
  porta_row_model_set_view (self->rows, GTK_WIDGET (self->column_view));
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (rows_moving_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (rows_moved_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (rows_moved_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_view), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.copy-number", FALSE);
  update_view (self);
}

PortaClient *
porta_voice_page_get_client (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return self->client;
}

/**
 * porta_voice_page_set_client:
 * @self: a #PortaVoicePage
 * @client: (nullable): the signed-in account's client
 *
 * Shows @client's numbers: loaded at once if the page is in view,
 * otherwise when it is first shown.
 */
void
porta_voice_page_set_client (PortaVoicePage *self,
                             PortaClient    *client)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));

  if (!g_set_object (&self->client, client))
    return;

  cancel_loading (self);
  g_list_store_remove_all (self->store);
  g_hash_table_remove_all (self->known_countries);
  self->countries_seen = 0;
  porta_voice_page_reload_pin (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->needs_load = client != NULL;
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * porta_voice_page_set_settings:
 * @self: a #PortaVoicePage
 * @settings: where the filters are remembered
 */
void
porta_voice_page_set_settings (PortaVoicePage *self,
                               GSettings      *settings)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));

  if (g_set_object (&self->settings, settings))
    restore_filters (self);
}

/**
 * porta_voice_page_get_model:
 *
 * Returns: (transfer none): the numbers shown, sorted and filtered
 */
GListModel *
porta_voice_page_get_model (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

/**
 * porta_voice_page_get_store:
 *
 * Returns: (transfer none): every number loaded
 */
GListStore *
porta_voice_page_get_store (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return self->store;
}

gboolean
porta_voice_page_get_loading (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), FALSE);
  return self->loading;
}

/**
 * porta_voice_page_get_error_message:
 *
 * Returns: (nullable): the problem shown in the page, if any
 */
const char *
porta_voice_page_get_error_message (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_banner))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
