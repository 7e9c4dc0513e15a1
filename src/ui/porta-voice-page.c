/* porta-voice-page.c — every phone number of the organization
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PortaNumberList (pages stream in) → GtkSortListModel (the column
 * view's sorter) → PortaFilterModel (PortaNumberFilter) → PortaRowModel →
 * GtkSingleSelection → GtkColumnView. Sorting comes before filtering on
 * purpose: a keystroke then only filters the sorted list again, it never
 * sorts 100,000 numbers anew. PortaFilterModel and PortaRowModel stand
 * where GtkFilterListModel alone would, for reasons measured at 100,000
 * numbers (tests/bench/bench-voice; see their files).
 *
 * Whether the numbers are loading, how many have come and what went
 * wrong live in the PortaNumberList (libporta); the page observes it and
 * decides only when to load: when first shown, and again when shown
 * after leaving mid-load. The struct is in porta-voice-page-private.h;
 * the columns, the search and filters and the export are in the sibling
 * files porta-voice-page-columns.c, -filters.c and -export.c, the
 * details pane is PortaNumberDetails (porta-number-details.c).
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-a11y.h"
#include "porta-banner.h"
#include "porta-phone-number.h"
#include "porta-pin-dialog.h"
#include "porta-pin-state.h"
#include "porta-voice-page-private.h"

G_DEFINE_FINAL_TYPE (PortaVoicePage, porta_voice_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PIN_STATE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- counts and which view shows --------------------------------------- */

void
porta_voice_page_update_view (PortaVoicePage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->numbers));
  gboolean loading = porta_number_list_get_loading (self->numbers);
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
  else if (loading && total == 0)
    page = "loading";
  else if (total == 0)
    page = loading ? "loading" : "empty";
  else
    page = "list";  /* with "no matching numbers" over it */
  gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_page), shown == 0 && total > 0);
  /* under "no matching numbers" the list is out of sight: Tab must not
   * take the keyboard there, nor to its scrolled window */
  gtk_widget_set_can_focus (gtk_widget_get_parent (GTK_WIDGET (self->column_view)), shown > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.export", shown > 0);
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (PORTA_VOICE_PAGE (user_data)->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* the bar shows while loading (a binding); how many in all is not known
 * until the last page, so it pulses */
static void
loading_changed_cb (PortaVoicePage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (porta_number_list_get_loading (self->numbers))
    self->pulse_id = g_timeout_add (150, pulse_cb, self);
  porta_voice_page_update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- loading ----------------------------------------------------------- */

/* after each page */
static void
n_loaded_changed_cb (PortaVoicePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->numbers));

  /* pages are appended: only the new numbers can bring a new country
   * (from 0 each time cost O(n²): 5 million lookups at 100,000) */
  porta_voice_page_update_countries (self, MIN (self->countries_seen, n));
  self->countries_seen = n;
  porta_voice_page_update_view (self);
}

/* the rows already here stay under the message; Retry loads them all
 * again. No error leaves the last message in place while the banner
 * slides away. */
static gboolean
error_to_revealed (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_boxed (from) != NULL);
  return TRUE;
}

static gboolean
error_to_message (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const GError *error = g_value_get_boxed (from);

  if (error == NULL)
    return FALSE;
  g_value_set_string (to, error->message);
  return TRUE;
}

static void
people_changed_cb (PortaVoicePage *self)
{
  porta_voice_page_people_changed (self);
  porta_voice_page_apply_people (self);
  if (self->selected != NULL)
    porta_number_details_set_person (self->details,
                                     porta_people_lookup (self->people,
                                                          porta_phone_number_get_assignment_target_id (self->selected)));
}

/* Without TeamsUserConfiguration.Read.All the numbers keep their GUIDs,
 * the page says what to grant, and there are no account types to filter */
static void
people_available_cb (PortaVoicePage *self)
{
  gboolean available = porta_people_get_available (self->people);

  porta_banner_set_revealed (self->people_hint, !available);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->person_dropdown)), available);
  if (!available)
    gtk_drop_down_set_selected (self->person_dropdown, 0);
}

static void
cancel_loading (PortaVoicePage *self)
{
  if (porta_number_list_get_loading (self->numbers))
    self->needs_load = TRUE;
  porta_number_list_cancel (self->numbers);
  porta_people_cancel (self->people);
}

static void
load (PortaVoicePage *self)
{
  self->needs_load = FALSE;
  g_hash_table_remove_all (self->known_countries);
  self->countries_seen = 0;
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
  porta_number_list_refresh (self->numbers);
  /* beside the numbers, never before them: names fill in as they come */
  porta_people_refresh (self->people);
  porta_voice_page_update_view (self);
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
  if (porta_number_list_get_loading (self->numbers))
    cancel_loading (self);

  GTK_WIDGET_CLASS (porta_voice_page_parent_class)->unmap (widget);
}

/* ---- from the search to the list -------------------------------------- */

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
 * knows its list item (setup_label_cb(), porta-voice-page-columns.c). */
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

/* ---- details ----------------------------------------------------------- */

static void
show_details (PortaVoicePage   *self,
              PortaPhoneNumber *number)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.copy-number", number != NULL);
  if (number == NULL)
    {
      gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), TRUE);
  porta_number_details_set_number (self->details, number);
  porta_number_details_set_person (self->details,
                                   porta_people_lookup (self->people,
                                                        porta_phone_number_get_assignment_target_id (number)));
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

/* Shown while the PIN is known not to be set: not before the first read,
 * nor after a failed one (the Port orders page says what went wrong; no
 * banner on a guess), and never where the server has no PIN API at all
 * (Microsoft Graph: the Port orders page guides to the Teams admin
 * center instead). */
static gboolean
pin_missing_cb (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  PortaPinState *state = PORTA_PIN_STATE (g_binding_dup_source (binding));
  PortaPinStatus *status = g_value_get_object (from);
  gboolean offered = state == NULL || porta_pin_state_get_offered (state);

  g_clear_object (&state);
  g_value_set_boolean (to, offered && status != NULL && !porta_pin_status_get_is_set (status));
  return TRUE;
}

/**
 * porta_voice_page_set_pin_state:
 * @self: a #PortaVoicePage
 * @state: (nullable): the PIN state the banner observes: the session's
 *
 * The banner offers Set PIN… while @state says no PIN is set, and goes
 * as soon as it says one is, whoever set it.
 */
void
porta_voice_page_set_pin_state (PortaVoicePage *self,
                                PortaPinState  *state)
{
  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));
  g_return_if_fail (state == NULL || PORTA_IS_PIN_STATE (state));

  if (state == self->pin_state)
    return;

  /* unbound first: the old state may go with our reference */
  g_clear_pointer (&self->pin_binding, g_binding_unbind);
  g_set_object (&self->pin_state, state);
  porta_banner_set_revealed (self->pin_banner, FALSE);
  if (state != NULL)
    {
      self->pin_binding = g_object_bind_property_full (state, "status", self->pin_banner, "revealed",
                                                       G_BINDING_SYNC_CREATE, pin_missing_cb, NULL, NULL, NULL);
      porta_pin_state_load (state);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIN_STATE]);
}

/**
 * porta_voice_page_get_pin_state:
 *
 * Returns: (transfer none) (nullable): the PIN state the banner observes
 */
PortaPinState *
porta_voice_page_get_pin_state (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return self->pin_state;
}

static void
set_pin_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PortaPinDialog *dialog;

  if (self->pin_state == NULL)
    return;
  /* saved, the state changes and the banner goes with it */
  dialog = porta_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->pin_state, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (self->numbers != NULL)
    {
      porta_number_list_cancel (self->numbers);
      g_signal_handlers_disconnect_by_data (self->numbers, self);
    }
  if (self->people != NULL)
    {
      porta_people_cancel (self->people);
      g_signal_handlers_disconnect_by_data (self->people, self);
    }
  g_clear_pointer (&self->pin_binding, g_binding_unbind);
  g_clear_object (&self->pin_state);
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
  g_clear_object (&self->numbers);
  g_clear_object (&self->people);
  g_clear_object (&self->assignee_sorter);
  g_clear_pointer (&self->assignee_items, g_hash_table_unref);
  g_clear_pointer (&self->query, porta_number_query_free);
  g_clear_pointer (&self->known_countries, g_hash_table_unref);

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
    case PROP_PIN_STATE:
      g_value_set_object (value, self->pin_state);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, porta_number_list_get_loading (self->numbers));
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
    case PROP_PIN_STATE:
      porta_voice_page_set_pin_state (self, g_value_get_object (value));
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
  /**
   * PortaVoicePage:pin-state:
   *
   * The PIN state the "no PIN" banner observes: the session's, which the
   * PIN card shows too. Set it before #PortaVoicePage:client; a page
   * given only a client makes its own.
   */
  properties[PROP_PIN_STATE] =
    g_param_spec_object ("pin-state", NULL, NULL, PORTA_TYPE_PIN_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_BANNER);
  g_type_ensure (PORTA_TYPE_NUMBER_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-voice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, pin_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, problems_button);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, people_hint);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, details);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PortaVoicePage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  porta_voice_page_class_init_filters (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, details_revealed_cb);

  gtk_widget_class_install_action (widget_class, "voice.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "voice.export", NULL, porta_voice_page_export_action);
  gtk_widget_class_install_action (widget_class, "voice.clear-filters", NULL, porta_voice_page_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "voice.copy-number", NULL, copy_number_action);
  gtk_widget_class_install_action (widget_class, "voice.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "voice.set-pin", NULL, set_pin_action);
}

static void
porta_voice_page_init (PortaVoicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->people = porta_people_new (NULL);
  g_signal_connect_swapped (self->people, "changed", G_CALLBACK (people_changed_cb), self);
  g_signal_connect_swapped (self->people, "notify::available", G_CALLBACK (people_available_cb), self);
  porta_voice_page_init_filters (self);
  porta_voice_page_setup_columns (self);

  self->cancellable = g_cancellable_new ();
  self->numbers = porta_number_list_new (NULL);
  g_signal_connect_swapped (self->numbers, "notify::loading", G_CALLBACK (loading_changed_cb), self);
  g_signal_connect_swapped (self->numbers, "notify::n-loaded", G_CALLBACK (n_loaded_changed_cb), self);
  g_object_bind_property (self->numbers, "loading", self->progress_bar, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->numbers, "error", self->error_banner, "revealed",
                               G_BINDING_SYNC_CREATE, error_to_revealed, NULL, NULL, NULL);
  g_object_bind_property_full (self->numbers, "error", self->error_banner, "title",
                               G_BINDING_SYNC_CREATE, error_to_message, NULL, NULL, NULL);
  self->filter = porta_number_filter_new ();
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->numbers)),
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
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (porta_voice_page_update_view), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voice.copy-number", FALSE);
  porta_voice_page_update_view (self);
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

  porta_number_list_set_client (self->numbers, client);
  porta_people_set_client (self->people, client);
  g_hash_table_remove_all (self->known_countries);
  self->countries_seen = 0;
  /* a page shown alone (tests) reads the PIN for itself */
  if (client == NULL || self->pin_state == NULL || porta_pin_state_get_client (self->pin_state) != client)
    {
      g_autoptr(PortaPinState) own = client != NULL ? porta_pin_state_new (client) : NULL;

      porta_voice_page_set_pin_state (self, own);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->needs_load = client != NULL;
  porta_voice_page_update_view (self);
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
    porta_voice_page_restore_filters (self);
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
 * porta_voice_page_get_numbers:
 *
 * Returns: (transfer none): every number loaded, and whether more are
 *   coming
 */
PortaNumberList *
porta_voice_page_get_numbers (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return self->numbers;
}

/**
 * porta_voice_page_get_people:
 * @self: a #PortaVoicePage
 *
 * Returns: (transfer none): who the numbers are assigned to, as they load
 */
PortaPeople *
porta_voice_page_get_people (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return self->people;
}

/**
 * porta_voice_page_get_store:
 *
 * Returns: (transfer none): the store of every number loaded, where the
 *   pages land (porta_number_list_get_store())
 */
GListStore *
porta_voice_page_get_store (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), NULL);
  return porta_number_list_get_store (self->numbers);
}

gboolean
porta_voice_page_get_loading (PortaVoicePage *self)
{
  g_return_val_if_fail (PORTA_IS_VOICE_PAGE (self), FALSE);
  return porta_number_list_get_loading (self->numbers);
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

  if (!porta_banner_get_revealed (self->error_banner))
    return NULL;
  return porta_banner_get_title (self->error_banner);
}
