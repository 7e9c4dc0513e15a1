/* porta-voice-page-filters.c — the Voice page's search entry and filters
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What narrows the list: the search entry, the assignment status, number
 * type and country drop-downs and the "Activation problems" toggle, all
 * gathered into one PortaNumberQuery that the page's PortaNumberFilter
 * applies; the country choices, filled as numbers arrive; the filters
 * remembered in GSettings; and how the filter bar reads to the keyboard
 * and to a screen reader. Split from porta-voice-page.c (issue 12), the
 * way GNOME Text Editor keeps EditorWindow's parts in sibling files: the
 * page calls porta_voice_page_class_init_filters() and
 * porta_voice_page_init_filters(), and the functions in
 * porta-voice-page-private.h.
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-country.h"
#include "porta-enums.h"
#include "porta-voice-page-private.h"

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

/* the account types of the people the numbers are assigned to */
static const int person_choices[] = {
  PORTA_NUMBER_QUERY_ANY,
  PORTA_PERSON_TYPE_USER,
  PORTA_PERSON_TYPE_RESOURCE_ACCOUNT,
  PORTA_PERSON_TYPE_SFB_ON_PREM_USER,
};

/* ---- countries --------------------------------------------------------- */

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return g_utf8_collate (porta_country_get_name (*(const char **) a),
                         porta_country_get_name (*(const char **) b));
}

/* Adds the countries of the numbers from @from on to the Country filter,
 * keeping the choice */
void
porta_voice_page_update_countries (PortaVoicePage *self,
                                   guint           from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->numbers));
  gboolean added = FALSE;

  for (guint i = from; i < n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->numbers), i);
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

/* ---- search and filters ------------------------------------------------ */

static void
apply_query (PortaVoicePage *self)
{
  porta_number_filter_set_query (self->filter, self->query);
  porta_voice_page_update_view (self);
}

/* The people arrived or changed: the search and the account-type filter
 * look at them anew */
void
porta_voice_page_apply_people (PortaVoicePage *self)
{
  if (porta_number_query_set_people (self->query, self->people))
    apply_query (self);
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
  describe_drop_down (self->person_dropdown, _("Account type"), selected_string (self->person_dropdown));
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
    { GTK_WIDGET (self->person_dropdown), _("Account type") },
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
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
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
  changed |= porta_number_query_set_person_type (self->query,
                                                 person < G_N_ELEMENTS (person_choices)
                                                 ? person_choices[person] : PORTA_NUMBER_QUERY_ANY);
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

/* The filters as they were left, from the settings */
void
porta_voice_page_restore_filters (PortaVoicePage *self)
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

void
porta_voice_page_clear_filters_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (widget);

  self->restoring_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->person_dropdown, 0);
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

/* The search entry's and the filters' handlers, named in the .ui */
void
porta_voice_page_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
}

/* The filters' choices, an empty query, and the filter bar set up for
 * the keyboard and screen readers; from the page's init */
void
porta_voice_page_init_filters (PortaVoicePage *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) types = NULL;
  g_autoptr(GtkStringList) person_types = NULL;
  GtkExpression *country_expression;

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
  person_types = labels_for (person_choices, G_N_ELEMENTS (person_choices),
                             (const char *(*) (int)) porta_person_type_get_label, _("All accounts"));
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (person_types));

  self->countries = gtk_string_list_new (NULL);
  gtk_string_list_append (self->countries, "");
  country_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (country_label), NULL, NULL);
  gtk_drop_down_set_expression (self->country_dropdown, country_expression);
  gtk_expression_unref (country_expression);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (self->countries));

  setup_filter_bar (self);
}
