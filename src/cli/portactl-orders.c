/* portactl-orders.c — `portactl orders` and `portactl order …`
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "porta-csv.h"
#include "porta-error.h"
#include "porta-order-rules.h"
#include "porta-phone-number.h"
#include "portactl.h"


/* ---- JSON and CSV -------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autofree char *text = portactl_iso8601 (value);

  add_string (builder, name, text);
}

static const char *
pin_verified_wire (PortaPinVerified verified)
{
  switch (verified)
    {
    case PORTA_PIN_VERIFIED_YES:
      return "true";
    case PORTA_PIN_VERIFIED_NO:
      return "false";
    case PORTA_PIN_VERIFIED_NOT_APPLICABLE:
    default:
      return NULL;
    }
}

/* The contract's property names (docs/admin-api.md §4.1) */
static JsonNode *
order_to_json (PortaPortOrder *order)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *numbers = porta_port_order_get_telephone_numbers (order);
  GPtrArray *history = porta_port_order_get_status_history (order);
  PortaPinVerified verified = porta_port_order_get_pin_verified (order);

  json_builder_begin_object (builder);
  add_string (builder, "id", porta_port_order_get_id (order));
  add_string (builder, "displayName", porta_port_order_get_display_name (order));
  add_string (builder, "direction", porta_port_order_direction_to_string (porta_port_order_get_direction (order)));
  add_string (builder, "status", porta_port_order_status_to_string (porta_port_order_get_status (order)));
  add_date_time (builder, "createdDateTime", porta_port_order_get_created_date_time (order));
  add_date_time (builder, "lastModifiedDateTime", porta_port_order_get_last_modified_date_time (order));

  json_builder_set_member_name (builder, "telephoneNumbers");
  json_builder_begin_array (builder);
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    json_builder_add_string_value (builder, numbers[i]);
  json_builder_end_array (builder);

  add_string (builder, "carrierName", porta_port_order_get_carrier_name (order));
  add_string (builder, "accountNumber", porta_port_order_get_account_number (order));
  add_string (builder, "billingTelephoneNumber", porta_port_order_get_billing_telephone_number (order));
  add_string (builder, "authorizedBy", porta_port_order_get_authorized_by (order));
  add_date_time (builder, "requestedFocDateTime", porta_port_order_get_requested_foc_date_time (order));
  add_date_time (builder, "focDateTime", porta_port_order_get_foc_date_time (order));

  json_builder_set_member_name (builder, "error");
  if (porta_port_order_get_error_code (order) != NULL || porta_port_order_get_error_message (order) != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "code", porta_port_order_get_error_code (order));
      add_string (builder, "message", porta_port_order_get_error_message (order));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "pinVerified");
  if (verified == PORTA_PIN_VERIFIED_NOT_APPLICABLE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, verified == PORTA_PIN_VERIFIED_YES);

  json_builder_set_member_name (builder, "allowedActions");
  json_builder_begin_array (builder);
  if (porta_port_order_get_can_cancel (order))
    json_builder_add_string_value (builder, "cancel");
  if (porta_port_order_get_can_change_foc_date (order))
    json_builder_add_string_value (builder, "changeFocDate");
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "statusHistory");
  json_builder_begin_array (builder);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PortaPortOrderEvent *event = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      add_string (builder, "status", porta_port_order_status_to_string (event->status));
      add_date_time (builder, "dateTime", event->date_time);
      add_string (builder, "note", event->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char * const csv_columns[] = {
  "id", "displayName", "direction", "status", "telephoneNumbers", "carrierName", "accountNumber",
  "billingTelephoneNumber", "authorizedBy", "requestedFocDateTime", "focDateTime", "pinVerified",
  "errorCode", "errorMessage", "createdDateTime", "lastModifiedDateTime",
};

static void
append_csv_row (PortaPortOrder *order,
                GString        *out)
{
  /* a list in one field, ';'-separated, as the numbers' CSV does */
  g_autofree char *numbers = g_strjoinv (";", (char **) porta_port_order_get_telephone_numbers (order));
  g_autofree char *requested = portactl_iso8601 (porta_port_order_get_requested_foc_date_time (order));
  g_autofree char *foc = portactl_iso8601 (porta_port_order_get_foc_date_time (order));
  g_autofree char *created = portactl_iso8601 (porta_port_order_get_created_date_time (order));
  g_autofree char *modified = portactl_iso8601 (porta_port_order_get_last_modified_date_time (order));
  const char *fields[G_N_ELEMENTS (csv_columns)] = {
    porta_port_order_get_id (order),
    porta_port_order_get_display_name (order),
    porta_port_order_direction_to_string (porta_port_order_get_direction (order)),
    porta_port_order_status_to_string (porta_port_order_get_status (order)),
    numbers,
    porta_port_order_get_carrier_name (order),
    porta_port_order_get_account_number (order),
    porta_port_order_get_billing_telephone_number (order),
    porta_port_order_get_authorized_by (order),
    requested,
    foc,
    pin_verified_wire (porta_port_order_get_pin_verified (order)),
    porta_port_order_get_error_code (order),
    porta_port_order_get_error_message (order),
    created,
    modified,
  };

  porta_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

/* ---- orders -------------------------------------------------------------- */

static gboolean
build_filter (const char  *status,
              const char  *direction,
              char       **filter,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (status != NULL)
    {
      PortaPortOrderStatus value = porta_port_order_status_from_string (status);

      if (value == PORTA_PORT_ORDER_STATUS_UNKNOWN || value == PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what was given; the status names stay in English */
                       _("“%s” is not a status: use processing, contactingCarrier, transferApproved, "
                         "transferPending, error, completed or cancelled."),
                       status);
          return FALSE;
        }
      g_string_append_printf (text, "status eq '%s'", porta_port_order_status_to_string (value));
    }

  if (direction != NULL)
    {
      const char *wire;

      if (g_strcmp0 (direction, "in") == 0 || g_strcmp0 (direction, "portIn") == 0)
        wire = "portIn";
      else if (g_strcmp0 (direction, "out") == 0 || g_strcmp0 (direction, "portOut") == 0)
        wire = "portOut";
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what was given; “in” and “out” stay in English */
                       _("“%s” is not a direction: use in or out."),
                       direction);
          return FALSE;
        }
      g_string_append_printf (text, "%sdirection eq '%s'", text->len > 0 ? " and " : "", wire);
    }

  *filter = text->len > 0 ? g_strdup (text->str) : NULL;
  return TRUE;
}

static char *
dup_foc_cell (PortaPortOrder *order)
{
  GDateTime *foc = porta_port_order_get_foc_date_time (order);

  if (foc == NULL)
    foc = porta_port_order_get_requested_foc_date_time (order);
  return portactl_format_date_time (foc);
}

/**
 * portactl_cmd_orders:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl orders`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_orders (PortactlContext  *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  PortactlFormat format = PORTACTL_FORMAT_TABLE;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name,
      N_("Only the orders in this status: processing, contactingCarrier, transferApproved, "
         "transferPending, error, completed or cancelled"), N_("STATUS") },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction,
      N_("Only the orders that bring numbers in, or take them out"), N_("in|out") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("table (the default), csv, json or ndjson"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("orders", NULL,
                                         _("Lists the port orders, newest first."), entries);
  if ((status = portactl_parse_options (context, "orders", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc > 1)
    return portactl_usage_error ("orders", _("“orders” takes no arguments: “portactl order ID” shows one."));
  if (format_name != NULL && !portactl_parse_format (format_name, TRUE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);
  if (!build_filter (status_name, direction, &filter, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  porta_client_list_port_orders_async (ctx->client, filter, ctx->cancellable, portactl_context_call_cb, ctx);
  orders = porta_client_list_port_orders_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (orders == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  switch (format)
    {
    case PORTACTL_FORMAT_TABLE:
      {
        g_autoptr(PortactlTable) table = portactl_table_new (portactl_terminal_width ());

        if (orders->len == 0)
          {
            g_printerr ("%s\n", _("No port orders."));
            break;
          }

        /* Translators: column headings of `portactl orders` */
        portactl_table_add_column (table, C_("column", "ID"), 36, FALSE);
        portactl_table_add_column (table, C_("column", "Direction"), 6, TRUE);
        portactl_table_add_column (table, C_("column", "Status"), 8, TRUE);
        portactl_table_add_column (table, C_("column", "Numbers"), 3, FALSE);
        portactl_table_add_column (table, C_("column", "FOC date"), 8, TRUE);
        portactl_table_add_column (table, C_("column", "Name"), 8, TRUE);
        for (guint i = 0; i < orders->len; i++)
          {
            PortaPortOrder *order = g_ptr_array_index (orders, i);
            const char * const *numbers = porta_port_order_get_telephone_numbers (order);
            g_autofree char *count = g_strdup_printf ("%u", numbers ? g_strv_length ((char **) numbers) : 0);
            g_autofree char *foc = dup_foc_cell (order);
            const char *cells[] = {
              porta_port_order_get_id (order),
              porta_port_order_direction_get_label (porta_port_order_get_direction (order)),
              porta_port_order_status_get_label (porta_port_order_get_status (order)),
              count,
              foc,
              porta_port_order_get_display_name (order),
            };

            portactl_table_add_row (table, cells);
          }
        portactl_table_append_all (table, out);
      }
      break;

    case PORTACTL_FORMAT_CSV:
      porta_csv_append_row (out, csv_columns, G_N_ELEMENTS (csv_columns));
      for (guint i = 0; i < orders->len; i++)
        append_csv_row (g_ptr_array_index (orders, i), out);
      break;

    case PORTACTL_FORMAT_JSON:
    case PORTACTL_FORMAT_NDJSON:
      portactl_append_json_list (out, format, orders, (PortactlToJsonFunc) order_to_json);
      break;

    case PORTACTL_FORMAT_TEXT:
    default:
      g_assert_not_reached ();
    }

  portactl_write (out);
  return PORTACTL_EXIT_OK;
}

/* ---- one order ----------------------------------------------------------- */

typedef struct
{
  const char *label;
  char       *value;
} Field;

static void
add_field (GArray     *fields,
           const char *label,
           const char *value)
{
  Field field = { label, g_strdup (value) };

  if (value != NULL && value[0] != '\0')
    g_array_append_val (fields, field);
}

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->value);
}

static void
append_order_text (PortaPortOrder *order,
                   GString        *out)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (Field));
  PortaPortOrderStatus status = porta_port_order_get_status (order);
  PortaPortOrderDirection direction = porta_port_order_get_direction (order);
  gboolean port_in = direction == PORTA_PORT_ORDER_DIRECTION_PORT_IN;
  const char * const *numbers = porta_port_order_get_telephone_numbers (order);
  guint n_numbers = numbers ? g_strv_length ((char **) numbers) : 0;
  GPtrArray *history = porta_port_order_get_status_history (order);
  g_autofree char *created = portactl_format_date_time (porta_port_order_get_created_date_time (order));
  g_autofree char *modified = portactl_format_date_time (porta_port_order_get_last_modified_date_time (order));
  g_autofree char *requested = portactl_format_date_time (porta_port_order_get_requested_foc_date_time (order));
  g_autofree char *foc = portactl_format_date_time (porta_port_order_get_foc_date_time (order));
  g_autofree char *error_text = NULL;
  g_autofree char *numbers_title = NULL;
  gsize width = 0;

  g_array_set_clear_func (fields, field_clear);

  g_string_append_printf (out, "%s\n", porta_port_order_get_display_name (order));
  g_string_append_printf (out, "%s\n\n", porta_port_order_status_describe (status));

  if (status == PORTA_PORT_ORDER_STATUS_ERROR)
    {
      const char *message = porta_port_order_get_error_message (order);
      const char *code = porta_port_order_get_error_code (order);

      if (message == NULL)
        message = _("The carrier reported a problem.");
      if (code != NULL)
        /* Translators: the carrier's message about an order, then its code in brackets */
        error_text = g_strdup_printf (_("%s (%s)"), message, code);
      else
        error_text = g_strdup (message);
    }

  add_field (fields, _("Order ID"), porta_port_order_get_id (order));
  add_field (fields, _("Status"), porta_port_order_status_get_label (status));
  add_field (fields, C_("field", "Error"), error_text);
  add_field (fields, _("Direction"), porta_port_order_direction_get_label (direction));
  add_field (fields, port_in ? _("Current carrier (losing carrier)") : _("New carrier (gaining carrier)"),
             porta_port_order_get_carrier_name (order));
  if (port_in)
    {
      add_field (fields, _("Account number at the carrier"), porta_port_order_get_account_number (order));
      add_field (fields, _("Billing telephone number"), porta_port_order_get_billing_telephone_number (order));
      add_field (fields, _("Authorized by"), porta_port_order_get_authorized_by (order));
    }
  else
    add_field (fields, _("Port-out PIN quoted by the new carrier"),
               porta_pin_verified_get_label (porta_port_order_get_pin_verified (order)));
  add_field (fields, _("Requested FOC date"), requested);
  add_field (fields, _("FOC date (confirmed transfer date)"), foc);
  add_field (fields, _("Created"), created);
  add_field (fields, _("Last changed"), modified);

  for (guint i = 0; i < fields->len; i++)
    width = MAX (width, portactl_display_width (g_array_index (fields, Field, i).label));
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);
      g_autofree char *label = g_strdup_printf ("%s:", field->label);

      portactl_append_cell (out, label, width + 2, FALSE);
      g_string_append_printf (out, "%s\n", field->value);
    }

  numbers_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Number", "%u Numbers", n_numbers),
                                   n_numbers);
  g_string_append_printf (out, "\n%s\n", numbers_title);
  for (guint i = 0; i < n_numbers; i++)
    {
      g_autofree char *formatted = porta_phone_number_format_e164 (numbers[i]);

      g_string_append_printf (out, "  %s\n", formatted);
    }

  if (history != NULL && history->len > 0)
    {
      gsize when_width = 0;

      for (guint i = 0; i < history->len; i++)
        {
          PortaPortOrderEvent *event = g_ptr_array_index (history, i);
          g_autofree char *when = portactl_format_date_time (event->date_time);

          when_width = MAX (when_width, portactl_display_width (when));
        }

      g_string_append_printf (out, "\n%s\n", _("History"));
      /* oldest first, as a log reads */
      for (guint i = 0; i < history->len; i++)
        {
          PortaPortOrderEvent *event = g_ptr_array_index (history, i);
          g_autofree char *when = portactl_format_date_time (event->date_time);

          g_string_append (out, "  ");
          portactl_append_cell (out, when ? when : "", when_width, FALSE);
          g_string_append (out, "  ");
          g_string_append (out, porta_port_order_status_get_label (event->status));
          if (event->note != NULL)
            {
              /* Translators: separates an order's status from the carrier's note about it */
              g_string_append (out, _(" — "));
              g_string_append (out, event->note);
            }
          g_string_append_c (out, '\n');
        }
    }

  if (porta_port_order_get_can_cancel (order) || porta_port_order_get_can_change_foc_date (order))
    {
      g_string_append_printf (out, "\n%s\n", _("What can be done now"));
      if (porta_port_order_get_can_cancel (order))
        g_string_append_printf (out, "  portactl order cancel %s\n", porta_port_order_get_id (order));
      if (porta_port_order_get_can_change_foc_date (order))
        g_string_append_printf (out, "  portactl order set-foc %s %s\n", porta_port_order_get_id (order),
                                /* Translators: stands for a date in a command line; keep it short */
                                _("YYYY-MM-DD"));
    }
}

static int
write_order (PortaPortOrder *order,
             PortactlFormat  format)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (format == PORTACTL_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = order_to_json (order);
      g_autofree char *text = portactl_json_to_string (node, TRUE);

      g_string_append_printf (out, "%s\n", text);
    }
  else
    append_order_text (order, out);
  portactl_write (out);
  return PORTACTL_EXIT_OK;
}

/* The start of every `order` command: connects and gets the order, or
 * says why not and sets *status to the exit status to leave with. */
static PortaPortOrder *
get_order (PortactlContext *ctx,
           const char      *id,
           int             *status)
{
  PortaPortOrder *order;
  g_autoptr(GError) error = NULL;

  if ((*status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return NULL;

  porta_client_get_port_order_async (ctx->client, id, ctx->cancellable, portactl_context_call_cb, ctx);
  order = porta_client_get_port_order_finish (ctx->client, portactl_context_wait (ctx), &error);

  /* libporta's words suit a page that showed the order a moment ago */
  if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      g_set_error (&error, PORTA_ERROR, PORTA_ERROR_NOT_FOUND,
                   /* Translators: %s is what was given as an order's ID */
                   _("There is no port order “%s”. “portactl orders” lists them."),
                   id);
    }
  if (order == NULL)
    *status = portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);
  return order;
}

static const char *
status_label (PortaPortOrder *order)
{
  return porta_port_order_status_get_label (porta_port_order_get_status (order));
}

static int
order_show (PortactlContext  *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(PortaPortOrder) order = NULL;
  PortactlFormat format = PORTACTL_FORMAT_TEXT;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("order", _("ID"),
                                         _("Shows a port order: its status and what it means, its dates, "
                                           "numbers and history, and what can be done with it now.\n\n"
                                           "Also: “portactl order cancel ID”, “portactl order set-foc ID DATE”."),
                                         entries);
  if ((status = portactl_parse_options (context, "order", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc != 2)
    return portactl_usage_error ("order", _("Give the ID of one order: “portactl orders” lists them."));
  if (format_name != NULL && !portactl_parse_format (format_name, FALSE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  order = get_order (ctx, argv[1], &status);
  if (order == NULL)
    return status;
  return write_order (order, format);
}

static int
order_cancel (PortactlContext  *ctx,
              int               argc,
              char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(PortaPortOrder) order = NULL;
  g_autoptr(PortaPortOrder) cancelled = NULL;
  PortactlFormat format = PORTACTL_FORMAT_TEXT;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("How to show the order afterwards: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("order cancel", _("ID"),
                                         _("Cancels a port order. Only orders that are processing, "
                                           "contacting the carrier, approved or in error can be cancelled."),
                                         entries);
  if ((status = portactl_parse_options (context, "order cancel", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc != 2)
    return portactl_usage_error ("order cancel", _("Give the ID of one order: “portactl orders” lists them."));
  if (format_name != NULL && !portactl_parse_format (format_name, FALSE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  order = get_order (ctx, argv[1], &status);
  if (order == NULL)
    return status;
  if (!porta_port_order_get_can_cancel (order))
    {
      /* the answer the server would give (409), without asking it */
      g_autoptr(GError) refused =
        g_error_new (PORTA_ERROR, PORTA_ERROR_CONFLICT,
                     /* Translators: %s is an order's status, such as “Completed” */
                     _("This order cannot be cancelled: it is “%s”. Only orders that are "
                       "processing, contacting the carrier, approved or in error can be."),
                     status_label (order));
      return portactl_report_feature_error (refused, PORTA_FEATURE_PORT_ORDERS);
    }

  porta_client_cancel_port_order_async (ctx->client, argv[1], ctx->cancellable, portactl_context_call_cb, ctx);
  cancelled = porta_client_cancel_port_order_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (cancelled == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  g_printerr ("%s\n", _("Order cancelled."));
  return write_order (cancelled, format);
}

/* The FOC date-time to ask for: a day at the hour and by the rules the
 * desktop app uses (porta-order-rules.c), or a date and time as given;
 * either refused here, as the server would, when too soon */
static GDateTime *
parse_foc_date (const char  *text,
                GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (local);
  g_autoptr(GDateTime) date_time = NULL;
  int year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 && strlen (text) == 10)
    {
      g_autoptr(GDateTime) chosen = g_date_time_new (local, year, month, day, 0, 0, 0);

      if (chosen != NULL)
        {
          date_time = porta_order_rules_foc_for_day (chosen, now, local);
          if (date_time == NULL)
            {
              g_propagate_error (error, porta_order_rules_new_too_soon_error (now, local));
              return NULL;
            }
          return g_steal_pointer (&date_time);
        }
    }
  else if (strchr (text, 'T') != NULL)
    date_time = g_date_time_new_from_iso8601 (text, local);

  if (date_time == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what was given; keep the examples as they are */
                   _("“%s” is not a date: write it as 2026-06-15, or with a time as 2026-06-15T09:00:00Z."),
                   text);
      return NULL;
    }
  if (!porta_order_rules_foc_is_allowed (date_time, now))
    {
      g_propagate_error (error, porta_order_rules_new_too_soon_error (now, local));
      return NULL;
    }
  return g_steal_pointer (&date_time);
}

static int
order_set_foc (PortactlContext  *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(PortaPortOrder) order = NULL;
  g_autoptr(PortaPortOrder) changed = NULL;
  PortactlFormat format = PORTACTL_FORMAT_TEXT;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("How to show the order afterwards: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("order set-foc", _("ID DATE"),
                                         _("Asks for another transfer (FOC) date, at least 7 days from now: "
                                           "DATE as 2026-06-15 (18:00 local time, as Porta asks) or as "
                                           "2026-06-15T09:00:00Z. Only approved orders can change date."),
                                         entries);
  if ((status = portactl_parse_options (context, "order set-foc", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc != 3)
    return portactl_usage_error ("order set-foc", _("Give the ID of one order and a date."));
  if (format_name != NULL && !portactl_parse_format (format_name, FALSE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);
  date = parse_foc_date (argv[2], &error);
  if (date == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  order = get_order (ctx, argv[1], &status);
  if (order == NULL)
    return status;
  if (!porta_port_order_get_can_change_foc_date (order))
    {
      g_autoptr(GError) refused =
        g_error_new (PORTA_ERROR, PORTA_ERROR_CONFLICT,
                     /* Translators: %s is an order's status, such as “Processing” */
                     _("The FOC date of this order cannot change: it is “%s”. Only approved "
                       "orders can change date."),
                     status_label (order));
      return portactl_report_feature_error (refused, PORTA_FEATURE_PORT_ORDERS);
    }

  porta_client_set_foc_date_async (ctx->client, argv[1], date, ctx->cancellable, portactl_context_call_cb, ctx);
  changed = porta_client_set_foc_date_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (changed == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_ORDERS);

  g_printerr ("%s\n", _("New FOC date requested."));
  return write_order (changed, format);
}

/**
 * portactl_cmd_order:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl order`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_order (PortactlContext  *ctx,
                    int               argc,
                    char            **argv)
{
  /* the first word that is not an option picks the subcommand */
  for (int i = 1; i < argc; i++)
    {
      /* the options that take a value as the next word */
      if (g_strcmp0 (argv[i], "--account") == 0 || g_strcmp0 (argv[i], "--format") == 0)
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        continue;
      if (g_strcmp0 (argv[i], "cancel") == 0 || g_strcmp0 (argv[i], "set-foc") == 0)
        {
          gboolean cancel = argv[i][0] == 'c';

          /* drop the word: the subcommand parses the rest */
          memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
          argc--;
          return cancel ? order_cancel (ctx, argc, argv) : order_set_foc (ctx, argc, argv);
        }
      break;
    }
  return order_show (ctx, argc, argv);
}
