/* portactl-numbers.c — `portactl numbers`
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Streams: each page is written out as soon as it arrives (from the
 * client's progress callback) and dropped, so that the first lines show
 * at once and memory stays flat at 100,000 numbers. The table's columns
 * are sized before the first row from what each can hold (the labels of
 * every enum value), since later rows cannot move earlier ones.
 *
 * The people come first (issue 13): each number's assignee is shown by
 * name and UPN in the table, and CSV and JSON carry the UPN, display name
 * and account type beside the assignmentTargetId (null when unknown).
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "porta-country.h"
#include "porta-csv.h"
#include "porta-number-query.h"
#include "porta-people.h"
#include "portactl.h"

/* "+1 206 555 0100", "+39 02 1234 5678", with room for longer ones */
#define NUMBER_COLUMN_WIDTH 17
#define GUID_WIDTH 36
#define LOCATION_WIDTH 24

enum {
  COLUMN_NUMBER,
  COLUMN_TYPE,
  COLUMN_STATUS,
  COLUMN_ASSIGNED_TO,
  COLUMN_LOCATION,
  N_COLUMNS
};

typedef struct
{
  PortactlFormat    format;
  GCancellable     *cancellable;
  gboolean          started;
  PortaNumberQuery *query;
  GHashTable       *people;   /* index of who the numbers are assigned to, or NULL */
  GListStore       *store;
  PortactlTable    *table;
  JsonGenerator    *generator;
  GString          *out;
  guint             written;
} Output;

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static void
set_strv (JsonObject         *object,
          const char         *name,
          const char * const *values)
{
  JsonArray *array = json_array_sized_new (values ? g_strv_length ((char **) values) : 0);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, name, array);
}

/* The Graph property names, as the CSV header has them */
static JsonNode *
number_to_json (PortaPhoneNumber *number,
                PortaPerson      *person)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  set_string (object, "telephoneNumber", porta_phone_number_get_telephone_number (number));
  set_string (object, "id", porta_phone_number_get_id (number));
  set_string (object, "numberType", porta_number_type_to_string (porta_phone_number_get_number_type (number)));
  set_string (object, "assignmentStatus",
              porta_assignment_status_to_string (porta_phone_number_get_assignment_status (number)));
  set_string (object, "activationState",
              porta_activation_state_to_string (porta_phone_number_get_activation_state (number)));
  set_string (object, "assignmentCategory",
              porta_assignment_category_to_string (porta_phone_number_get_assignment_category (number)));
  set_string (object, "assignmentTargetId", porta_phone_number_get_assignment_target_id (number));
  set_string (object, "assignmentTargetUserPrincipalName",
              person ? porta_person_get_user_principal_name (person) : NULL);
  set_string (object, "assignmentTargetDisplayName", person ? porta_person_get_display_name (person) : NULL);
  set_string (object, "assignmentTargetAccountType",
              person ? porta_person_type_to_string (porta_person_get_person_type (person)) : NULL);
  set_string (object, "city", porta_phone_number_get_city (number));
  set_string (object, "isoCountryCode", porta_phone_number_get_iso_country_code (number));
  set_string (object, "portInStatus",
              porta_port_in_status_to_string (porta_phone_number_get_port_in_status (number)));
  set_string (object, "operatorId", porta_phone_number_get_operator_id (number));
  set_string (object, "numberSource",
              porta_number_source_to_string (porta_phone_number_get_number_source (number)));
  set_strv (object, "capabilities", porta_phone_number_get_capabilities (number));
  set_strv (object, "supportedCustomerActions", porta_phone_number_get_supported_customer_actions (number));
  set_strv (object, "reverseNumberLookupOptions",
            porta_phone_number_get_reverse_number_lookup_options (number));
  set_string (object, "civicAddressId", porta_phone_number_get_civic_address_id (number));
  set_string (object, "locationId", porta_phone_number_get_location_id (number));
  set_string (object, "networkSiteId", porta_phone_number_get_network_site_id (number));

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static char *
dup_location (PortaPhoneNumber *number)
{
  const char *city = porta_phone_number_get_city (number);
  const char *iso = porta_phone_number_get_iso_country_code (number);
  const char *country = iso ? porta_country_get_name (iso) : NULL;

  if (country == NULL)
    country = iso;
  if (city != NULL && country != NULL)
    /* Translators: a city, then its country, as in "Milano, Italy" */
    return g_strdup_printf (_("%s, %s"), city, country);
  return g_strdup (city ? city : country);
}

static char *
dup_assignee (PortaPhoneNumber *number,
              PortaPerson      *person)
{
  if (person == NULL)
    return g_strdup (number ? porta_phone_number_get_assignment_target_id (number) : NULL);
  if (porta_person_get_display_name (person) == NULL)
    return g_strdup (porta_person_get_user_principal_name (person));
  /* Translators: who a number is assigned to: a person's name, then
   * their user principal name (sign-in address) */
  return g_strdup_printf (_("%s · %s"), porta_person_get_display_name (person),
                          porta_person_get_user_principal_name (person));
}

static void
write_number (Output           *output,
              PortaPhoneNumber *number)
{
  PortaPerson *person = porta_people_index_lookup (output->people,
                                                   porta_phone_number_get_assignment_target_id (number));

  switch (output->format)
    {
    case PORTACTL_FORMAT_TABLE:
      {
        g_autofree char *formatted = porta_phone_number_format_e164 (porta_phone_number_get_telephone_number (number));
        g_autofree char *location = dup_location (number);
        g_autofree char *assignee = dup_assignee (number, person);
        const char *cells[N_COLUMNS] = {
          [COLUMN_NUMBER] = formatted,
          [COLUMN_TYPE] = porta_number_type_get_label (porta_phone_number_get_number_type (number)),
          [COLUMN_STATUS] = porta_assignment_status_get_label (porta_phone_number_get_assignment_status (number)),
          [COLUMN_ASSIGNED_TO] = assignee,
          [COLUMN_LOCATION] = location,
        };

        portactl_table_append_row (output->table, cells, output->out);
      }
      break;

    case PORTACTL_FORMAT_CSV:
      porta_phone_number_append_csv_row_with_person (number, person, output->out);
      break;

    case PORTACTL_FORMAT_JSON:
    case PORTACTL_FORMAT_NDJSON:
      {
        g_autoptr(JsonNode) node = number_to_json (number, person);

        if (output->format == PORTACTL_FORMAT_JSON)
          g_string_append (output->out, output->written == 0 ? "\n" : ",\n");
        json_generator_set_root (output->generator, node);
        json_generator_to_gstring (output->generator, output->out);
        if (output->format == PORTACTL_FORMAT_NDJSON)
          g_string_append_c (output->out, '\n');
      }
      break;

    case PORTACTL_FORMAT_TEXT:
    default:
      g_assert_not_reached ();
    }
  output->written++;
}

/* Written with the first page, so that a command that fails before
 * any number arrived leaves stdout empty */
static void
write_start (Output *output)
{
  if (output->started)
    return;
  output->started = TRUE;

  switch (output->format)
    {
    case PORTACTL_FORMAT_TABLE:
      portactl_table_append_header (output->table, output->out);
      break;
    case PORTACTL_FORMAT_CSV:
      {
        gsize n_columns;
        const char * const *columns = porta_phone_number_csv_columns (&n_columns);

        porta_csv_append_row (output->out, columns, n_columns);
      }
      break;
    case PORTACTL_FORMAT_JSON:
      g_string_append_c (output->out, '[');
      break;
    case PORTACTL_FORMAT_NDJSON:
    case PORTACTL_FORMAT_TEXT:
    default:
      break;
    }
}

static void
write_end (Output *output)
{
  write_start (output);
  if (output->format == PORTACTL_FORMAT_JSON)
    g_string_append (output->out, "\n]\n");
  portactl_write (output->out);
}

/* After each page: write it, then let it go */
static void
page_cb (guint    loaded,
         gpointer user_data)
{
  Output *output = user_data;
  GListModel *model = G_LIST_MODEL (output->store);
  guint n = g_list_model_get_n_items (model);

  write_start (output);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (model, i);

      if (output->query == NULL || porta_number_query_matches (output->query, number))
        write_number (output, number);
    }
  g_list_store_splice (output->store, 0, n, NULL, 0);

  /* nobody reads any more: no need for the other pages */
  if (!portactl_write (output->out))
    g_cancellable_cancel (output->cancellable);
}

static PortactlTable *
new_numbers_table (GHashTable *people)
{
  PortactlTable *table = portactl_table_new (portactl_terminal_width ());

  /* Translators: column headings of `portactl numbers` */
  portactl_table_add_column (table, C_("column", "Number"), NUMBER_COLUMN_WIDTH, FALSE);
  portactl_table_add_column (table, C_("column", "Type"), 8, TRUE);
  portactl_table_add_column (table, C_("column", "Status"), 10, TRUE);
  portactl_table_add_column (table, C_("column", "Assigned to"), 8, TRUE);
  portactl_table_add_column (table, C_("column", "Location"), 8, TRUE);

  portactl_table_fit_cell (table, COLUMN_NUMBER, "+1 206 555 0100 x");
  for (int v = PORTA_NUMBER_TYPE_UNKNOWN; v <= PORTA_NUMBER_TYPE_UNKNOWN_FUTURE_VALUE; v++)
    portactl_table_fit_cell (table, COLUMN_TYPE, porta_number_type_get_label (v));
  for (int v = PORTA_ASSIGNMENT_STATUS_UNKNOWN; v <= PORTA_ASSIGNMENT_STATUS_UNKNOWN_FUTURE_VALUE; v++)
    portactl_table_fit_cell (table, COLUMN_STATUS, porta_assignment_status_get_label (v));
  {
    g_autofree char *guid = g_strnfill (GUID_WIDTH, '0');
    g_autofree char *place = g_strnfill (LOCATION_WIDTH, 'x');

    portactl_table_fit_cell (table, COLUMN_ASSIGNED_TO, guid);
    /* names are longer than GUIDs: the column holds the longest */
    if (people != NULL)
      {
        GHashTableIter iter;
        gpointer value;
        gsize longest = 0;

        g_hash_table_iter_init (&iter, people);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          {
            g_autofree char *label = dup_assignee (NULL, value);
            gsize length = g_utf8_strlen (label, -1);

            if (length > longest)
              {
                longest = length;
                portactl_table_fit_cell (table, COLUMN_ASSIGNED_TO, label);
              }
          }
      }
    portactl_table_fit_cell (table, COLUMN_LOCATION, place);
  }
  portactl_table_layout (table);
  return table;
}

/**
 * portactl_cmd_numbers:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl numbers`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_numbers (PortactlContext  *ctx,
                      int               argc,
                      char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *search = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(PortaNumberQuery) query = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(PortactlTable) table = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) index = NULL;
  Output output = { 0, };
  PortactlFormat format = PORTACTL_FORMAT_TABLE;
  int status;
  const GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter,
      N_("Only the numbers that match this OData $filter, applied by the server, such as "
         "\"numberType eq 'callingPlan'\""), N_("ODATA") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the numbers whose digits, city or assignee contain TEXT, as the Voice page searches "
         "(“39 02” finds +39 02 1234 5678 and +1 206 555 3902); a leading + means the start of "
         "the number (“+39” finds only the Italian numbers)"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("table (the default, aligned to the terminal), csv (RFC 4180), json (one array) or "
         "ndjson (one object a line)"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("numbers", NULL,
                                         _("Lists the organization’s phone numbers, as they arrive. "
                                           "CSV and JSON use the Microsoft Graph property names."),
                                         entries);
  if ((status = portactl_parse_options (context, "numbers", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc > 1)
    return portactl_usage_error ("numbers", _("“numbers” takes no arguments: filter with --filter "
                                              "or --search."));
  if (format_name != NULL && !portactl_parse_format (format_name, TRUE, &format, &error))
    return portactl_report_error (error);

  if (search != NULL)
    {
      query = porta_number_query_new ();
      porta_number_query_set_text (query, search);
      if (porta_number_query_is_empty (query))
        g_clear_pointer (&query, porta_number_query_free);
    }

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  /* who the numbers are assigned to, first: a terminal is no list that
   * fills in later. Without TeamsUserConfiguration.Read.All (a 403), or
   * on any other failure, the numbers go out with their GUIDs alone. */
  porta_client_list_people_async (ctx->client, ctx->cancellable, portactl_context_call_cb, ctx);
  people = porta_client_list_people_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (people != NULL)
    index = porta_people_index_new (people);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return portactl_report_error (error);
  else
    g_debug ("numbers without people: %s", error->message);
  g_clear_error (&error);

  store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  out = g_string_sized_new (256 * 1024);
  output.people = index;
  output.format = format;
  output.cancellable = ctx->cancellable;
  output.query = query;
  output.store = store;
  output.out = out;
  if (format == PORTACTL_FORMAT_TABLE)
    output.table = table = new_numbers_table (index);
  else if (format == PORTACTL_FORMAT_JSON || format == PORTACTL_FORMAT_NDJSON)
    output.generator = generator = json_generator_new ();

  porta_client_list_numbers_async (ctx->client, filter, store, page_cb, &output, ctx->cancellable,
                                   portactl_context_call_cb, ctx);
  if (!porta_client_list_numbers_finish (ctx->client, portactl_context_wait (ctx), &error))
    {
      /* what was written stays; a JSON array is left open, so that
       * nothing takes a part for the whole */
      portactl_write (out);
      if (portactl_output_closed ())
        return PORTACTL_EXIT_OK;
      return portactl_report_error (error);
    }

  write_end (&output);
  return PORTACTL_EXIT_OK;
}
