/* porta-voice-page-columns.c — the Voice page's columns, and what each cell shows
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column view's factories and sorters, in C rather than in the .ui
 * on purpose: the cells are PortaCellText widgets that follow their
 * PortaRow (porta-row-model.c) and only set their text on a change, and
 * the sorters compare plain strings and integers; at 100,000 numbers
 * that is what keeps a keystroke within a frame (tests/bench/
 * bench-voice). Split from porta-voice-page.c (issue 12): the page
 * calls porta_voice_page_setup_columns() once, from its init.
 *
 * *Assigned to* shows the person, name and UPN, when the page's
 * PortaPeople knows the assignmentTargetId, and the kind and GUID when
 * not (issue 13). The people arrive after the first numbers: then the
 * bound cells of that column are set again and its sorter told.
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-cell-text.h"
#include "porta-country.h"
#include "porta-enums.h"
#include "porta-phone-number.h"
#include "porta-row-model.h"
#include "porta-voice-page-private.h"

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

char *
porta_voice_page_assignee_text (PortaPhoneNumber *number,
                                PortaVoicePage   *self)
{
  const char *kind = assignee_kind (number);
  const char *target = porta_phone_number_get_assignment_target_id (number);
  PortaPerson *person = self->people ? porta_people_lookup (self->people, target) : NULL;

  if (person != NULL)
    {
      const char *name = porta_person_get_display_name (person);
      const char *upn = porta_person_get_user_principal_name (person);

      if (name == NULL)
        return g_strdup (upn);
      /* Translators: who a number is assigned to: a person's name, then
       * their user principal name (sign-in address) */
      return g_strdup_printf (_("%s · %s"), name, upn);
    }
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
setup_assignee_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *text = new_cell_text ();

  g_object_set_data (G_OBJECT (item), "porta-voice-page", user_data);
  g_object_set_data (G_OBJECT (text), "porta-list-item", item);
  gtk_list_item_set_child (item, text);
}

static void
update_assignee (GtkListItem    *item,
                 PortaVoicePage *self)
{
  PortaPhoneNumber *number = porta_row_get_item (gtk_list_item_get_item (item));
  g_autofree char *text = number != NULL ? porta_voice_page_assignee_text (number, self) : NULL;

  porta_cell_text_set_text (PORTA_CELL_TEXT (gtk_list_item_get_child (item)), text);
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
  PortaVoicePage *page = g_object_get_data (G_OBJECT (item), "porta-voice-page");

  if (page != NULL)
    update_assignee (item, page);
  else if (func != NULL)
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
  PortaVoicePage *page = g_object_get_data (G_OBJECT (item), "porta-voice-page");

  g_signal_connect (gtk_list_item_get_item (item), "notify::item", G_CALLBACK (row_item_changed_cb), item);
  if (page != NULL)
    g_hash_table_add (page->assignee_items, item);
  update_cell (item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  PortaVoicePage *page = g_object_get_data (G_OBJECT (item), "porta-voice-page");

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_item_changed_cb, item);
  if (page != NULL && page->assignee_items != NULL)
    g_hash_table_remove (page->assignee_items, item);
}

static GtkSorter *
string_sorter_full (GCallback func,
                    gpointer  user_data)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           func, user_data, NULL);
  GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  gtk_string_sorter_set_ignore_case (GTK_STRING_SORTER (sorter), TRUE);
  return sorter;
}

static GtkSorter *
string_sorter (CellTextFunc func)
{
  return string_sorter_full (G_CALLBACK (func), NULL);
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

/* The six columns of the list, sorted by number */
void
porta_voice_page_setup_columns (PortaVoicePage *self)
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
  self->assignee_items = g_hash_table_new (NULL, NULL);
  self->assignee_sorter = string_sorter_full (G_CALLBACK (porta_voice_page_assignee_text), self);
  add_column (self, _("Assigned to"), G_CALLBACK (setup_assignee_cb), G_CALLBACK (bind_cell_cb),
              self, g_object_ref (self->assignee_sorter), 300, TRUE);
  add_column (self, _("Location"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              location_text, string_sorter (location_text), 180, FALSE);
  add_column (self, _("Port-in status"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_cell_cb),
              cell_port_in, string_sorter (cell_port_in), 150, FALSE);

  gtk_column_view_sort_by_column (self->column_view, number_column, GTK_SORT_ASCENDING);
}

/* The people arrived, or changed: the cells in sight say who, and the
 * column sorts by the names */
void
porta_voice_page_people_changed (PortaVoicePage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->assignee_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_assignee (item, self);
  gtk_sorter_changed (self->assignee_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}
