/* porta-number-details.c — everything about one phone number, beside the list
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Voice page's details pane: the number as its title, with Copy and
 * Close (the page's voice.copy-number and voice.close-details actions,
 * found up the widget tree), over one row per property of the number,
 * each a caption and a selectable value that a screen reader reads
 * together. Split from porta-voice-page.c (issue 12): the page sets
 * #PortaNumberDetails:number and slides the pane in and out. The rows
 * are built in a loop over one table, not written out in the .ui: they
 * are the same two labels, twenty-one times.
 *
 * The person behind the assignment target (issue 13) has three rows of
 * its own, name, UPN and account type, set by the page with
 * porta_number_details_set_person() when the people are known; the GUID
 * stays in *Assigned to*, to copy.
 */
#define G_LOG_DOMAIN "porta-number-details"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-country.h"
#include "porta-enums.h"
#include "porta-number-details.h"

typedef enum
{
  DETAIL_NUMBER,
  DETAIL_TYPE,
  DETAIL_ASSIGNMENT,
  DETAIL_CATEGORY,
  DETAIL_TARGET,
  DETAIL_PERSON_NAME,
  DETAIL_PERSON_UPN,
  DETAIL_PERSON_TYPE,
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

struct _PortaNumberDetails
{
  AdwBin            parent_instance;

  PortaPhoneNumber *number;
  PortaPerson      *person;
  GtkLabel         *values[N_DETAILS];

  GtkLabel         *title;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (PortaNumberDetails, porta_number_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *detail_titles[N_DETAILS] = {
  N_("Telephone number"),
  N_("Number type"),
  N_("Assignment status"),
  N_("Assignment category"),
  N_("Assigned to"),
  N_("Name"),
  N_("User principal name"),
  N_("Account type"),
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
setup_rows (PortaNumberDetails *self)
{
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
      gtk_list_box_append (self->list, row);
      self->values[i] = GTK_LABEL (value);
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
set_detail (PortaNumberDetails *self,
            Detail              detail,
            const char         *value)
{
  gtk_label_set_label (self->values[detail],
                       value != NULL && value[0] != '\0' ? value : C_("no value", "—"));
}

static void
show_person (PortaNumberDetails *self)
{
  PortaPerson *person = self->person;

  set_detail (self, DETAIL_PERSON_NAME, person ? porta_person_get_display_name (person) : NULL);
  set_detail (self, DETAIL_PERSON_UPN, person ? porta_person_get_user_principal_name (person) : NULL);
  set_detail (self, DETAIL_PERSON_TYPE,
              person ? porta_person_type_get_label (porta_person_get_person_type (person)) : NULL);
}

/**
 * porta_number_details_set_person:
 * @self: a #PortaNumberDetails
 * @person: (nullable): who the number is assigned to, when known
 */
void
porta_number_details_set_person (PortaNumberDetails *self,
                                 PortaPerson        *person)
{
  g_return_if_fail (PORTA_IS_NUMBER_DETAILS (self));

  g_set_object (&self->person, person);
  show_person (self);
}

static void
show_number (PortaNumberDetails *self,
             PortaPhoneNumber   *number)
{
  g_autofree char *formatted = NULL;
  g_autofree char *capabilities = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *lookup = NULL;
  const char *code;

  /* none: the last one stays, for the page to slide it away */
  if (number == NULL)
    return;

  formatted = porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (number));
  capabilities = join_or_none (porta_phone_number_get_capabilities (number));
  actions = join_or_none (porta_phone_number_get_supported_customer_actions (number));
  lookup = join_or_none (porta_phone_number_get_reverse_number_lookup_options (number));
  code = porta_phone_number_get_iso_country_code (number);

  gtk_label_set_label (self->title, formatted);
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
}

/* ---- the object -------------------------------------------------------- */

static void
porta_number_details_dispose (GObject *object)
{
  PortaNumberDetails *self = PORTA_NUMBER_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_NUMBER_DETAILS);
  g_clear_object (&self->number);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (porta_number_details_parent_class)->dispose (object);
}

static void
porta_number_details_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PortaNumberDetails *self = PORTA_NUMBER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_object (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_number_details_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PortaNumberDetails *self = PORTA_NUMBER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      porta_number_details_set_number (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_number_details_class_init (PortaNumberDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_number_details_dispose;
  object_class->get_property = porta_number_details_get_property;
  object_class->set_property = porta_number_details_set_property;

  /**
   * PortaNumberDetails:number:
   *
   * The number shown; %NULL leaves the last one in place, for the page
   * to slide the pane away with it.
   */
  properties[PROP_NUMBER] =
    g_param_spec_object ("number", NULL, NULL, PORTA_TYPE_PHONE_NUMBER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-number-details.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaNumberDetails, title);
  gtk_widget_class_bind_template_child (widget_class, PortaNumberDetails, list);
}

static void
porta_number_details_init (PortaNumberDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_rows (self);
  show_person (self);
}

PortaPhoneNumber *
porta_number_details_get_number (PortaNumberDetails *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_DETAILS (self), NULL);
  return self->number;
}

void
porta_number_details_set_number (PortaNumberDetails *self,
                                 PortaPhoneNumber   *number)
{
  g_return_if_fail (PORTA_IS_NUMBER_DETAILS (self));
  g_return_if_fail (number == NULL || PORTA_IS_PHONE_NUMBER (number));

  if (!g_set_object (&self->number, number))
    return;
  show_number (self, number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}
