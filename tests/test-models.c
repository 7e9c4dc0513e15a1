/* test-models.c — the models and the JSON helpers they are read with
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "porta-audit-event.h"
#include "porta-enum-types.h"
#include "porta-error.h"
#include "porta-i18n.h"
#include "porta-json.h"
#include "porta-order-rules.h"
#include "porta-phone-number.h"
#include "porta-pin-status.h"
#include "porta-port-order.h"

/* ---- helpers ------------------------------------------------------------ */

static JsonNode *
node_from_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  JsonNode *node = porta_json_parse_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonObject *
object_from_string (const char *json)
{
  g_autoptr(JsonNode) node = node_from_string (json);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The error is INVALID_RESPONSE and its message names @member, in quotes */
static void
assert_names_field (const GError *error,
                    const char   *member)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", member);

  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
  if (strstr (error->message, quoted) == NULL)
    g_error ("“%s” does not name %s", error->message, quoted);
}

static void
assert_date_time (GDateTime  *dt,
                  const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (dt);
  utc = g_date_time_to_utc (dt);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (text, ==, expected_utc);
}

/* ---- porta-json ----------------------------------------------------------- */

static void
test_json_parse (void)
{
  static const struct { const char *text; gssize len; } bad[] = {
    { "", 0 },
    { "{\"id\": \"a\"", -1 },                 /* cut short */
    { "{\"id\": }", -1 },
    { "<html>503</html>", -1 },
    { "{\"id\": \"\xc3\x28\"}", -1 },         /* invalid UTF-8 */
    { "   ", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gsize len = bad[i].len < 0 ? strlen (bad[i].text) : (gsize) bad[i].len;
      g_autoptr(GBytes) bytes = g_bytes_new (bad[i].text, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = porta_json_parse_bytes (bytes, &error);

      g_test_message ("bad body %u", i);
      g_assert_null (node);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, !=, "");
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_null (porta_json_parse_bytes (NULL, &error));
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
  }

  {
    g_autoptr(JsonNode) node = node_from_string ("[1, 2]");
    g_autoptr(GError) error = NULL;

    g_assert_null (porta_json_node_get_object (node, &error));
    g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
  }

  {
    g_autoptr(JsonNode) node = node_from_string ("{\"a\": 1}");
    g_autoptr(GError) error = NULL;
    JsonObject *object = porta_json_node_get_object (node, &error);

    g_assert_no_error (error);
    g_assert_nonnull (object);
    g_assert_true (json_object_has_member (object, "a"));
  }
}

static void
test_json_strict (void)
{
  g_autoptr(JsonObject) o = object_from_string (
    "{\"s\": \"text\", \"empty\": \"\", \"n\": null, \"i\": 42, \"b\": true,"
    " \"o\": {\"x\": 1}, \"a\": [1], \"d\": \"2026-11-26T09:30:00Z\", \"bad\": \"yesterday\"}");
  g_autoptr(GError) error = NULL;
  gboolean value = FALSE;

  g_assert_cmpstr (porta_json_get_string (o, "s", &error), ==, "text");
  g_assert_no_error (error);
  g_assert_cmpstr (porta_json_get_string (o, "empty", &error), ==, "");
  g_assert_no_error (error);

  g_assert_null (porta_json_get_string (o, "absent", &error));
  assert_names_field (error, "absent");
  g_clear_error (&error);
  g_assert_null (porta_json_get_string (o, "n", &error));
  assert_names_field (error, "n");
  g_clear_error (&error);
  g_assert_null (porta_json_get_string (o, "i", &error));
  assert_names_field (error, "i");
  g_clear_error (&error);
  g_assert_null (porta_json_get_string (o, "o", &error));
  assert_names_field (error, "o");
  g_clear_error (&error);
  g_assert_null (porta_json_get_string (NULL, "s", &error));
  assert_names_field (error, "s");
  g_clear_error (&error);

  g_assert_true (porta_json_get_boolean (o, "b", &value, &error));
  g_assert_no_error (error);
  g_assert_true (value);
  g_assert_false (porta_json_get_boolean (o, "s", &value, &error));
  assert_names_field (error, "s");
  g_clear_error (&error);
  g_assert_false (porta_json_get_boolean (o, "n", &value, &error));
  assert_names_field (error, "n");
  g_clear_error (&error);

  g_assert_nonnull (porta_json_get_object (o, "o", &error));
  g_assert_no_error (error);
  g_assert_null (porta_json_get_object (o, "a", &error));
  assert_names_field (error, "a");
  g_clear_error (&error);

  g_assert_nonnull (porta_json_get_array (o, "a", &error));
  g_assert_no_error (error);
  g_assert_null (porta_json_get_array (o, "o", &error));
  assert_names_field (error, "o");
  g_clear_error (&error);
  g_assert_null (porta_json_get_array (o, "absent", &error));
  assert_names_field (error, "absent");
  g_clear_error (&error);

  {
    g_autoptr(GDateTime) dt = porta_json_get_date_time (o, "d", &error);
    g_assert_no_error (error);
    assert_date_time (dt, "2026-11-26T09:30:00Z");
  }
  g_assert_null (porta_json_get_date_time (o, "bad", &error));
  assert_names_field (error, "bad");
  g_clear_error (&error);
  g_assert_null (porta_json_get_date_time (o, "i", &error));
  assert_names_field (error, "i");
  g_clear_error (&error);
  g_assert_null (porta_json_get_date_time (o, "absent", &error));
  assert_names_field (error, "absent");
  g_clear_error (&error);
}

static void
test_json_tolerant (void)
{
  g_autoptr(JsonObject) o = object_from_string (
    "{\"s\": \"text\", \"n\": null, \"i\": 42, \"b\": false, \"o\": {\"x\": 1},"
    " \"strings\": [\"a\", 1, null, \"b\", {\"c\": 2}, \"\"], \"d\": \"2026-11-26T09:30:00Z\"}");
  g_auto(GStrv) strings = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) wrong = NULL;

  g_assert_cmpstr (porta_json_get_string_or_null (o, "s"), ==, "text");
  g_assert_null (porta_json_get_string_or_null (o, "n"));
  g_assert_null (porta_json_get_string_or_null (o, "i"));
  g_assert_null (porta_json_get_string_or_null (o, "absent"));
  g_assert_null (porta_json_get_string_or_null (NULL, "s"));

  g_assert_false (porta_json_get_boolean_or (o, "b", TRUE));
  g_assert_true (porta_json_get_boolean_or (o, "n", TRUE));
  g_assert_true (porta_json_get_boolean_or (o, "s", TRUE));
  g_assert_false (porta_json_get_boolean_or (o, "absent", FALSE));

  g_assert_cmpint (porta_json_get_int_or (o, "i", -1), ==, 42);
  g_assert_cmpint (porta_json_get_int_or (o, "s", -1), ==, -1);
  g_assert_cmpint (porta_json_get_int_or (o, "n", 7), ==, 7);

  g_assert_nonnull (porta_json_get_object_or_null (o, "o"));
  g_assert_null (porta_json_get_object_or_null (o, "s"));
  g_assert_null (porta_json_get_array_or_null (o, "o"));
  g_assert_nonnull (porta_json_get_array_or_null (o, "strings"));

  {
    g_autoptr(GDateTime) dt = porta_json_get_date_time_or_null (o, "d");
    assert_date_time (dt, "2026-11-26T09:30:00Z");
  }
  g_assert_null (porta_json_get_date_time_or_null (o, "s"));
  g_assert_null (porta_json_get_date_time_or_null (o, "n"));
  g_assert_null (porta_json_get_date_time_or_null (o, "i"));
  g_assert_null (porta_json_get_date_time_or_null (o, "absent"));

  strings = porta_json_dup_string_array_or_empty (o, "strings");
  g_assert_cmpuint (g_strv_length (strings), ==, 3);
  g_assert_cmpstr (strings[0], ==, "a");
  g_assert_cmpstr (strings[1], ==, "b");
  g_assert_cmpstr (strings[2], ==, "");
  none = porta_json_dup_string_array_or_empty (o, "absent");
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  wrong = porta_json_dup_string_array_or_empty (o, "s");
  g_assert_nonnull (wrong);
  g_assert_cmpuint (g_strv_length (wrong), ==, 0);
}

static void
test_json_date_times (void)
{
  static const struct { const char *text; const char *utc; } cases[] = {
    { "2026-11-26T09:30:00Z", "2026-11-26T09:30:00Z" },
    { "2026-11-26T09:30:00.0000000Z", "2026-11-26T09:30:00Z" },   /* Graph's seven digits */
    { "2026-11-26T09:30:00.123Z", "2026-11-26T09:30:00Z" },
    { "2026-11-26T10:30:00+01:00", "2026-11-26T09:30:00Z" },
    { "2026-11-26T09:30:00", "2026-11-26T09:30:00Z" },            /* no zone: UTC */
    { "2026-12-01", "2026-12-01T00:00:00Z" },                      /* a bare date */
    { "", NULL },
    { "yesterday", NULL },
    { "2026-13-01T00:00:00Z", NULL },
    { "2026-11-26T25:00:00Z", NULL },
    { "26/11/2026", NULL },
    { "2026-1-1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = porta_json_parse_date_time (cases[i].text);

      g_test_message ("date %s", cases[i].text);
      if (cases[i].utc == NULL)
        g_assert_null (dt);
      else
        assert_date_time (dt, cases[i].utc);
    }
  g_assert_null (porta_json_parse_date_time (NULL));
}

/* ---- enumerations ---------------------------------------------------------- */

typedef struct
{
  GType         (*get_type) (void);
  int           (*from_string) (const char *);
  const char *  (*to_string) (int);
  const char *  (*get_label) (int);
  int             null_value;
} EnumFuncs;

/* Wrappers with one signature for every enumeration */
#define ENUM_WRAPPERS(type)                                                 \
  static int type##_from (const char *wire) { return (int) porta_##type##_from_string (wire); } \
  static const char *type##_to (int v) { return porta_##type##_to_string (v); } \
  static const char *type##_label (int v) { return porta_##type##_get_label (v); }

ENUM_WRAPPERS (number_type)
ENUM_WRAPPERS (activation_state)
ENUM_WRAPPERS (assignment_status)
ENUM_WRAPPERS (assignment_category)
ENUM_WRAPPERS (port_in_status)
ENUM_WRAPPERS (number_source)
ENUM_WRAPPERS (port_order_direction)
ENUM_WRAPPERS (port_order_status)
ENUM_WRAPPERS (audit_event_kind)

#define ENUM_FUNCS(type, null_value) \
  { porta_##type##_get_type, type##_from, type##_to, type##_label, null_value }

static const EnumFuncs all_enums[] = {
  ENUM_FUNCS (number_type, PORTA_NUMBER_TYPE_UNKNOWN),
  ENUM_FUNCS (activation_state, PORTA_ACTIVATION_STATE_UNKNOWN),
  ENUM_FUNCS (assignment_status, PORTA_ASSIGNMENT_STATUS_UNKNOWN),
  ENUM_FUNCS (assignment_category, PORTA_ASSIGNMENT_CATEGORY_NONE),
  ENUM_FUNCS (port_in_status, PORTA_PORT_IN_STATUS_NONE),
  ENUM_FUNCS (number_source, PORTA_NUMBER_SOURCE_UNKNOWN),
  ENUM_FUNCS (port_order_direction, PORTA_PORT_ORDER_DIRECTION_UNKNOWN),
  ENUM_FUNCS (port_order_status, PORTA_PORT_ORDER_STATUS_UNKNOWN),
  ENUM_FUNCS (audit_event_kind, PORTA_AUDIT_EVENT_KIND_UNKNOWN),
};

static void
test_enums_round_trip (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_enums); e++)
    {
      const EnumFuncs *f = &all_enums[e];
      g_autoptr(GEnumClass) klass = g_type_class_ref (f->get_type ());
      GHashTable *labels = g_hash_table_new (g_str_hash, g_str_equal);
      guint with_wire = 0;

      g_test_message ("%s", G_ENUM_CLASS_TYPE_NAME (klass));

      /* Value 0 is …_UNKNOWN, with no wire name, and the last one is
       * Graph's unknownFutureValue */
      g_assert_cmpint (klass->values[0].value, ==, 0);
      g_assert_true (g_str_has_suffix (klass->values[0].value_name, "_UNKNOWN"));
      g_assert_null (f->to_string (0));
      g_assert_cmpstr (f->to_string (klass->values[klass->n_values - 1].value), ==, "unknownFutureValue");
      g_assert_cmpint (f->from_string ("unknownFutureValue"), ==, klass->values[klass->n_values - 1].value);

      for (guint i = 0; i < klass->n_values; i++)
        {
          int value = klass->values[i].value;
          const char *wire = f->to_string (value);
          const char *label = f->get_label (value);

          g_assert_cmpint (value, ==, (int) i);
          if (wire != NULL)
            {
              with_wire++;
              g_assert_cmpint (f->from_string (wire), ==, value);
              /* Graph's enum members are camelCase */
              g_assert_true (g_ascii_islower (wire[0]));
              g_assert_null (strchr (wire, '_'));
            }
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          /* every value reads differently to a person */
          g_assert_false (g_hash_table_contains (labels, label));
          g_hash_table_add (labels, (gpointer) label);
        }
      g_assert_cmpuint (with_wire, >=, 3);

      g_assert_cmpint (f->from_string (NULL), ==, f->null_value);
      g_assert_cmpint (f->from_string ("somethingNew"), ==, 0);
      g_assert_cmpint (f->from_string (""), ==, 0);
      /* wire names are case-sensitive, as in Graph */
      g_assert_cmpint (f->from_string ("UNKNOWNFUTUREVALUE"), ==, 0);
      /* out of range values read as unknown rather than crash */
      g_assert_null (f->to_string (999));
      g_assert_cmpstr (f->get_label (999), ==, f->get_label (0));
      g_hash_table_unref (labels);
    }
}

static void
test_enums_graph_names (void)
{
  /* The exact Microsoft Graph v1.0 names (teamsAdministration namespace) */
  g_assert_cmpint (porta_number_type_from_string ("internalError"), ==, PORTA_NUMBER_TYPE_INTERNAL_ERROR);
  g_assert_cmpint (porta_number_type_from_string ("directRouting"), ==, PORTA_NUMBER_TYPE_DIRECT_ROUTING);
  g_assert_cmpint (porta_number_type_from_string ("callingPlan"), ==, PORTA_NUMBER_TYPE_CALLING_PLAN);
  g_assert_cmpint (porta_number_type_from_string ("operatorConnect"), ==, PORTA_NUMBER_TYPE_OPERATOR_CONNECT);
  g_assert_cmpint (porta_activation_state_from_string ("assignmentPending"), ==, PORTA_ACTIVATION_STATE_ASSIGNMENT_PENDING);
  g_assert_cmpint (porta_activation_state_from_string ("updateFailed"), ==, PORTA_ACTIVATION_STATE_UPDATE_FAILED);
  g_assert_cmpint (porta_assignment_status_from_string ("voiceApplicationAssigned"), ==,
                   PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED);
  g_assert_cmpint (porta_assignment_status_from_string ("thirdPartyAppAssigned"), ==,
                   PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED);
  g_assert_cmpint (porta_assignment_status_from_string ("policyAssigned"), ==, PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED);
  g_assert_cmpint (porta_assignment_category_from_string ("alternate"), ==, PORTA_ASSIGNMENT_CATEGORY_ALTERNATE);
  g_assert_cmpint (porta_port_in_status_from_string ("firmOrderCommitmentAccepted"), ==,
                   PORTA_PORT_IN_STATUS_FIRM_ORDER_COMMITMENT_ACCEPTED);
  g_assert_cmpint (porta_number_source_from_string ("onPremises"), ==, PORTA_NUMBER_SOURCE_ON_PREMISES);
  g_assert_cmpint (porta_port_order_direction_from_string ("portOut"), ==, PORTA_PORT_ORDER_DIRECTION_PORT_OUT);
  g_assert_cmpint (porta_port_order_status_from_string ("contactingCarrier"), ==,
                   PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER);
  g_assert_cmpint (porta_audit_event_kind_from_string ("revealed"), ==, PORTA_AUDIT_EVENT_KIND_REVEALED);

  g_assert_cmpstr (porta_number_type_to_string (PORTA_NUMBER_TYPE_CALLING_PLAN), ==, "callingPlan");
  g_assert_cmpstr (porta_port_order_status_to_string (PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING), ==,
                   "transferPending");
  g_assert_null (porta_assignment_category_to_string (PORTA_ASSIGNMENT_CATEGORY_NONE));
  g_assert_null (porta_port_in_status_to_string (PORTA_PORT_IN_STATUS_NONE));

  g_assert_cmpstr (porta_number_type_get_label (PORTA_NUMBER_TYPE_CALLING_PLAN), ==, "Calling Plan");
  g_assert_cmpstr (porta_number_type_get_label (PORTA_NUMBER_TYPE_UNKNOWN), ==, "Unknown");
  g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER), ==,
                   "Contacting carrier");
}

static void
test_enums_gtype (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PORTA_TYPE_PORT_ORDER_STATUS);
  GEnumValue *v = g_enum_get_value (klass, PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);

  g_assert_nonnull (v);
  g_assert_cmpstr (v->value_name, ==, "PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED");
  g_assert_cmpstr (v->value_nick, ==, "transfer-approved");
  g_assert_true (G_TYPE_IS_ENUM (PORTA_TYPE_PIN_VERIFIED));
  g_assert_true (G_TYPE_IS_ENUM (PORTA_TYPE_NUMBER_TYPE));
}

/* The labels in Italian, through the build's message catalogue */
static void
test_enums_italian (void)
{
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "it", TRUE);
  setlocale (LC_ALL, "");   /* makes gettext drop its cached translations */

  if (strcmp (porta_number_type_get_label (PORTA_NUMBER_TYPE_CALLING_PLAN), "Calling Plan") == 0)
    {
      /* Fail, not skip: tests/meson.build builds the catalogue first */
      g_test_message ("No Italian catalogue under %s", porta_i18n_get_locale_dir ());
      g_test_fail ();
    }
  else
    {
      g_assert_cmpstr (porta_number_type_get_label (PORTA_NUMBER_TYPE_CALLING_PLAN), ==, "Piano per chiamate");
      g_assert_cmpstr (porta_number_type_get_label (PORTA_NUMBER_TYPE_DIRECT_ROUTING), ==, "Routing diretto");
      g_assert_cmpstr (porta_number_type_get_label (PORTA_NUMBER_TYPE_OPERATOR_CONNECT), ==, "Operator Connect");
      g_assert_cmpstr (porta_assignment_status_get_label (PORTA_ASSIGNMENT_STATUS_UNASSIGNED), ==, "Non assegnato");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_PROCESSING), ==, "In elaborazione");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER), ==,
                       "Contatto con l’operatore");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED), ==,
                       "Trasferimento approvato");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING), ==,
                       "Trasferimento imminente");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_ERROR), ==, "Errore");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_COMPLETED), ==, "Completato");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_CANCELLED), ==, "Annullato");
      g_assert_cmpstr (porta_port_order_status_get_label (PORTA_PORT_ORDER_STATUS_UNKNOWN), ==, "Sconosciuto");
      g_assert_cmpstr (porta_port_order_direction_get_label (PORTA_PORT_ORDER_DIRECTION_PORT_OUT), ==,
                       "Portabilità in uscita");

      {
        g_autoptr(JsonObject) o = object_from_string ("{}");
        g_autoptr(GError) error = NULL;

        g_assert_null (porta_json_get_string (o, "telephoneNumber", &error));
        g_assert_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE);
        g_assert_nonnull (strstr (error->message, "“telephoneNumber”"));
        g_assert_null (strstr (error->message, "server’s answer"));
      }
    }

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* ---- PortaPhoneNumber ---------------------------------------------------- */

static const char full_number_json[] =
  "{"
  "  \"@odata.type\": \"#microsoft.graph.teamsAdministration.numberAssignment\","
  "  \"id\": \"0f7c2b1e-6a4d-4e8b-9c3a-2d5e8f1a7b90\","
  "  \"telephoneNumber\": \"+390212345678\","
  "  \"operatorId\": \"a3b2c1d0-1111-2222-3333-444455556666\","
  "  \"numberType\": \"callingPlan\","
  "  \"activationState\": \"activated\","
  "  \"capabilities\": [\"userAssignment\", \"conferenceAssignment\"],"
  "  \"locationId\": \"loc-milano-1\","
  "  \"civicAddressId\": \"civic-milano-1\","
  "  \"networkSiteId\": \"site-milano\","
  "  \"assignmentTargetId\": \"8c1e0d2a-5b3f-4a6e-9d7c-1b2a3c4d5e6f\","
  "  \"assignmentCategory\": \"primary\","
  "  \"portInStatus\": \"completed\","
  "  \"assignmentStatus\": \"userAssigned\","
  "  \"isoCountryCode\": \"IT\","
  "  \"city\": \"Milano\","
  "  \"numberSource\": \"online\","
  "  \"supportedCustomerActions\": [\"locationUpdate\", \"release\"],"
  "  \"reverseNumberLookupOptions\": [\"skipInternalVoip\"],"
  "  \"someFutureProperty\": {\"nested\": [1, 2, {\"deeper\": null}]},"
  "  \"anotherOne\": 12"
  "}";

static PortaPhoneNumber *
phone_number_from_string (const char *json)
{
  g_autoptr(JsonObject) o = object_from_string (json);
  g_autoptr(GError) error = NULL;
  PortaPhoneNumber *n = porta_phone_number_new_from_json (o, &error);

  g_assert_no_error (error);
  g_assert_nonnull (n);
  return n;
}

static void
test_phone_number_full (void)
{
  PortaPhoneNumber *n = phone_number_from_string (full_number_json);
  g_autofree char *id = NULL;
  g_autofree char *city = NULL;
  g_auto(GStrv) capabilities = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) rnl = NULL;
  PortaNumberType type;
  PortaAssignmentCategory category;

  g_assert_cmpstr (porta_phone_number_get_id (n), ==, "0f7c2b1e-6a4d-4e8b-9c3a-2d5e8f1a7b90");
  g_assert_cmpstr (porta_phone_number_get_telephone_number (n), ==, "+390212345678");
  g_assert_cmpstr (porta_phone_number_get_digits (n), ==, "390212345678");
  g_assert_cmpstr (porta_phone_number_get_operator_id (n), ==, "a3b2c1d0-1111-2222-3333-444455556666");
  g_assert_cmpint (porta_phone_number_get_number_type (n), ==, PORTA_NUMBER_TYPE_CALLING_PLAN);
  g_assert_cmpint (porta_phone_number_get_activation_state (n), ==, PORTA_ACTIVATION_STATE_ACTIVATED);
  g_assert_cmpuint (g_strv_length ((GStrv) porta_phone_number_get_capabilities (n)), ==, 2);
  g_assert_cmpstr (porta_phone_number_get_capabilities (n)[0], ==, "userAssignment");
  g_assert_cmpstr (porta_phone_number_get_capabilities (n)[1], ==, "conferenceAssignment");
  g_assert_true (porta_phone_number_has_capability (n, "conferenceAssignment"));
  g_assert_false (porta_phone_number_has_capability (n, "voiceApplicationAssignment"));
  g_assert_cmpstr (porta_phone_number_get_location_id (n), ==, "loc-milano-1");
  g_assert_cmpstr (porta_phone_number_get_civic_address_id (n), ==, "civic-milano-1");
  g_assert_cmpstr (porta_phone_number_get_network_site_id (n), ==, "site-milano");
  g_assert_cmpstr (porta_phone_number_get_assignment_target_id (n), ==, "8c1e0d2a-5b3f-4a6e-9d7c-1b2a3c4d5e6f");
  g_assert_cmpint (porta_phone_number_get_assignment_category (n), ==, PORTA_ASSIGNMENT_CATEGORY_PRIMARY);
  g_assert_cmpint (porta_phone_number_get_port_in_status (n), ==, PORTA_PORT_IN_STATUS_COMPLETED);
  g_assert_cmpint (porta_phone_number_get_assignment_status (n), ==, PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED);
  g_assert_cmpstr (porta_phone_number_get_iso_country_code (n), ==, "IT");
  g_assert_cmpstr (porta_phone_number_get_city (n), ==, "Milano");
  g_assert_cmpint (porta_phone_number_get_number_source (n), ==, PORTA_NUMBER_SOURCE_ONLINE);
  g_assert_cmpstr (porta_phone_number_get_supported_customer_actions (n)[1], ==, "release");
  g_assert_cmpstr (porta_phone_number_get_reverse_number_lookup_options (n)[0], ==, "skipInternalVoip");
  g_assert_null (porta_phone_number_get_reverse_number_lookup_options (n)[1]);

  /* The same through GObject properties, for bindings and expressions */
  g_object_get (n,
                "id", &id,
                "city", &city,
                "number-type", &type,
                "assignment-category", &category,
                "capabilities", &capabilities,
                "supported-customer-actions", &actions,
                "reverse-number-lookup-options", &rnl,
                NULL);
  g_assert_cmpstr (id, ==, "0f7c2b1e-6a4d-4e8b-9c3a-2d5e8f1a7b90");
  g_assert_cmpstr (city, ==, "Milano");
  g_assert_cmpint (type, ==, PORTA_NUMBER_TYPE_CALLING_PLAN);
  g_assert_cmpint (category, ==, PORTA_ASSIGNMENT_CATEGORY_PRIMARY);
  g_assert_true (g_strv_equal ((const char * const *) capabilities,
                               porta_phone_number_get_capabilities (n)));
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  g_assert_cmpuint (g_strv_length (rnl), ==, 1);

  {
    static const char * const string_props[] = {
      "telephone-number", "operator-id", "assignment-target-id", "civic-address-id",
      "iso-country-code", "location-id", "network-site-id",
    };
    for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
      {
        g_autofree char *value = NULL;
        g_object_get (n, string_props[i], &value, NULL);
        g_assert_nonnull (value);
      }
  }

  {
    g_autofree GParamSpec **pspecs = NULL;
    guint n_pspecs = 0;

    pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (n), &n_pspecs);
    /* Every numberAssignment property, read-only */
    g_assert_cmpuint (n_pspecs, ==, 18);
    for (guint i = 0; i < n_pspecs; i++)
      {
        g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
        g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
      }
  }

  g_assert_finalize_object (n);
}

static void
test_phone_number_minimal (void)
{
  static const char * const minimal[] = {
    "{\"id\": \"n1\", \"telephoneNumber\": \"+12065550100\"}",
    "{\"id\": \"n1\", \"telephoneNumber\": \"+12065550100\", \"operatorId\": null,"
    " \"numberType\": null, \"activationState\": null, \"capabilities\": null,"
    " \"locationId\": null, \"civicAddressId\": null, \"networkSiteId\": null,"
    " \"assignmentTargetId\": null, \"assignmentCategory\": null, \"portInStatus\": null,"
    " \"assignmentStatus\": null, \"isoCountryCode\": null, \"city\": null,"
    " \"numberSource\": null, \"supportedCustomerActions\": null,"
    " \"reverseNumberLookupOptions\": null}",
    /* the wrong types, where a tolerant reader must not choke */
    "{\"id\": \"n1\", \"telephoneNumber\": \"+12065550100\", \"operatorId\": 5,"
    " \"numberType\": 3, \"activationState\": [], \"capabilities\": \"userAssignment\","
    " \"locationId\": {}, \"civicAddressId\": true, \"networkSiteId\": 1.5,"
    " \"assignmentTargetId\": [], \"assignmentCategory\": false, \"portInStatus\": {},"
    " \"assignmentStatus\": 0, \"isoCountryCode\": [\"US\"], \"city\": 7,"
    " \"numberSource\": null, \"supportedCustomerActions\": {},"
    " \"reverseNumberLookupOptions\": [null, 3]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (minimal); i++)
    {
      PortaPhoneNumber *n = phone_number_from_string (minimal[i]);
      g_auto(GStrv) capabilities = NULL;

      g_test_message ("minimal %u", i);
      g_assert_cmpstr (porta_phone_number_get_id (n), ==, "n1");
      g_assert_cmpstr (porta_phone_number_get_telephone_number (n), ==, "+12065550100");
      g_assert_cmpstr (porta_phone_number_get_digits (n), ==, "12065550100");
      g_assert_null (porta_phone_number_get_operator_id (n));
      g_assert_cmpint (porta_phone_number_get_number_type (n), ==, PORTA_NUMBER_TYPE_UNKNOWN);
      g_assert_cmpint (porta_phone_number_get_activation_state (n), ==, PORTA_ACTIVATION_STATE_UNKNOWN);
      g_assert_nonnull (porta_phone_number_get_capabilities (n));
      g_assert_null (porta_phone_number_get_capabilities (n)[0]);
      g_assert_false (porta_phone_number_has_capability (n, "userAssignment"));
      g_assert_null (porta_phone_number_get_location_id (n));
      g_assert_null (porta_phone_number_get_civic_address_id (n));
      g_assert_null (porta_phone_number_get_network_site_id (n));
      g_assert_null (porta_phone_number_get_assignment_target_id (n));
      g_assert_cmpint (porta_phone_number_get_assignment_category (n), ==, PORTA_ASSIGNMENT_CATEGORY_NONE);
      g_assert_cmpint (porta_phone_number_get_port_in_status (n), ==, PORTA_PORT_IN_STATUS_NONE);
      g_assert_cmpint (porta_phone_number_get_assignment_status (n), ==, PORTA_ASSIGNMENT_STATUS_UNKNOWN);
      g_assert_null (porta_phone_number_get_iso_country_code (n));
      g_assert_null (porta_phone_number_get_city (n));
      g_assert_cmpint (porta_phone_number_get_number_source (n), ==, PORTA_NUMBER_SOURCE_UNKNOWN);
      g_assert_null (porta_phone_number_get_supported_customer_actions (n)[0]);
      g_assert_null (porta_phone_number_get_reverse_number_lookup_options (n)[0]);

      g_object_get (n, "capabilities", &capabilities, NULL);
      g_assert_nonnull (capabilities);
      g_assert_cmpuint (g_strv_length (capabilities), ==, 0);

      g_assert_finalize_object (n);
    }
}

static void
test_phone_number_unknown_values (void)
{
  PortaPhoneNumber *n = phone_number_from_string (
    "{\"id\": \"n2\", \"telephoneNumber\": \"+442079460958\","
    " \"numberType\": \"satelliteLink\", \"activationState\": \"hibernating\","
    " \"assignmentStatus\": \"robotAssigned\", \"assignmentCategory\": \"tertiary\","
    " \"portInStatus\": \"teleported\", \"numberSource\": \"cloudy\","
    " \"capabilities\": [\"holographicCalls\"]}");
  PortaPhoneNumber *f = phone_number_from_string (
    "{\"id\": \"n3\", \"telephoneNumber\": \"+442079460959\","
    " \"numberType\": \"unknownFutureValue\", \"activationState\": \"unknownFutureValue\","
    " \"assignmentStatus\": \"unknownFutureValue\", \"assignmentCategory\": \"unknownFutureValue\","
    " \"portInStatus\": \"unknownFutureValue\", \"numberSource\": \"unknownFutureValue\","
    " \"capabilities\": [\"unknownFutureValue\"]}");

  g_assert_cmpint (porta_phone_number_get_number_type (n), ==, PORTA_NUMBER_TYPE_UNKNOWN);
  g_assert_cmpint (porta_phone_number_get_activation_state (n), ==, PORTA_ACTIVATION_STATE_UNKNOWN);
  g_assert_cmpint (porta_phone_number_get_assignment_status (n), ==, PORTA_ASSIGNMENT_STATUS_UNKNOWN);
  g_assert_cmpint (porta_phone_number_get_assignment_category (n), ==, PORTA_ASSIGNMENT_CATEGORY_UNKNOWN);
  g_assert_cmpint (porta_phone_number_get_port_in_status (n), ==, PORTA_PORT_IN_STATUS_UNKNOWN);
  g_assert_cmpint (porta_phone_number_get_number_source (n), ==, PORTA_NUMBER_SOURCE_UNKNOWN);
  /* capabilities are kept as they are: Porta need not know them to show them */
  g_assert_cmpstr (porta_phone_number_get_capabilities (n)[0], ==, "holographicCalls");

  g_assert_cmpint (porta_phone_number_get_number_type (f), ==, PORTA_NUMBER_TYPE_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_phone_number_get_activation_state (f), ==, PORTA_ACTIVATION_STATE_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_phone_number_get_assignment_status (f), ==, PORTA_ASSIGNMENT_STATUS_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_phone_number_get_assignment_category (f), ==,
                   PORTA_ASSIGNMENT_CATEGORY_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_phone_number_get_port_in_status (f), ==, PORTA_PORT_IN_STATUS_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_phone_number_get_number_source (f), ==, PORTA_NUMBER_SOURCE_UNKNOWN_FUTURE_VALUE);

  g_assert_finalize_object (n);
  g_assert_finalize_object (f);
}

static void
test_phone_number_required (void)
{
  static const char * const required[] = { "id", "telephoneNumber" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      /* absent, null, the wrong type, empty */
      for (guint how = 0; how < 5; how++)
        {
          g_autoptr(JsonObject) o = object_from_string (full_number_json);
          g_autoptr(GError) error = NULL;
          g_autoptr(PortaPhoneNumber) n = NULL;

          switch (how)
            {
            case 0: json_object_remove_member (o, required[i]); break;
            case 1: json_object_set_null_member (o, required[i]); break;
            case 2: json_object_set_int_member (o, required[i], 12065550100); break;
            case 3: json_object_set_array_member (o, required[i], json_array_new ()); break;
            case 4: json_object_set_string_member (o, required[i], ""); break;
            default: g_assert_not_reached ();
            }

          g_test_message ("%s, case %u", required[i], how);
          n = porta_phone_number_new_from_json (o, &error);
          g_assert_null (n);
          assert_names_field (error, required[i]);
        }
    }
}

static void
test_phone_number_digits (void)
{
  static const struct { const char *number; const char *digits; } cases[] = {
    { "+12065550100", "12065550100" },
    { "+390212345678", "390212345678" },
    { "12065550100", "12065550100" },            /* no '+' */
    { "+1 (206) 555-0100", "12065550100" },
    { "+14255550100;ext=1234", "142555501001234" },
    { "tel:+44-20-7946-0958", "442079460958" },
    { "+", "" },
    { "++1", "1" },
    { "abc", "" },
    { "+٣٩٠٢", "" },                             /* Arabic-Indic digits are not ASCII digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = object_from_string ("{\"id\": \"x\", \"assignmentTargetId\": \"t\"}");
      g_autoptr(GError) error = NULL;
      PortaPhoneNumber *n;

      json_object_set_string_member (o, "telephoneNumber", cases[i].number);
      n = porta_phone_number_new_from_json (o, &error);
      g_assert_no_error (error);
      g_test_message ("%s", cases[i].number);
      g_assert_cmpstr (porta_phone_number_get_telephone_number (n), ==, cases[i].number);
      g_assert_cmpstr (porta_phone_number_get_digits (n), ==, cases[i].digits);
      /* the block of strings stays intact around the digits */
      g_assert_cmpstr (porta_phone_number_get_id (n), ==, "x");
      g_assert_cmpstr (porta_phone_number_get_assignment_target_id (n), ==, "t");
      g_assert_finalize_object (n);
    }
}

static void
test_phone_number_interning (void)
{
  PortaPhoneNumber *a = phone_number_from_string (full_number_json);
  g_autoptr(JsonObject) o = object_from_string (full_number_json);
  PortaPhoneNumber *b, *c;
  const char * const *capabilities_a;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (o, "id", "other");
  json_object_set_string_member (o, "telephoneNumber", "+390212345679");
  b = porta_phone_number_new_from_json (o, &error);
  g_assert_no_error (error);

  /* Repeated strings and sets are shared, not copied per number */
  g_assert_true (porta_phone_number_get_city (a) == porta_phone_number_get_city (b));
  g_assert_true (porta_phone_number_get_operator_id (a) == porta_phone_number_get_operator_id (b));
  g_assert_true (porta_phone_number_get_iso_country_code (a) == porta_phone_number_get_iso_country_code (b));
  g_assert_true (porta_phone_number_get_location_id (a) == porta_phone_number_get_location_id (b));
  g_assert_true (porta_phone_number_get_capabilities (a) == porta_phone_number_get_capabilities (b));
  g_assert_true (porta_phone_number_get_supported_customer_actions (a) ==
                 porta_phone_number_get_supported_customer_actions (b));
  /* …but not what is unique to each */
  g_assert_false (porta_phone_number_get_id (a) == porta_phone_number_get_id (b));

  /* The same elements in another order are another set */
  {
    JsonArray *swapped = json_array_new ();

    json_array_add_string_element (swapped, "conferenceAssignment");
    json_array_add_string_element (swapped, "userAssignment");
    json_object_set_array_member (o, "capabilities", swapped);
  }
  c = porta_phone_number_new_from_json (o, &error);
  g_assert_no_error (error);
  g_assert_false (porta_phone_number_get_capabilities (a) == porta_phone_number_get_capabilities (c));
  g_assert_cmpstr (porta_phone_number_get_capabilities (c)[0], ==, "conferenceAssignment");
  g_assert_cmpstr (porta_phone_number_get_capabilities (c)[1], ==, "userAssignment");
  g_assert_null (porta_phone_number_get_capabilities (c)[2]);

  /* A set outlives the number it came from while others hold it */
  capabilities_a = porta_phone_number_get_capabilities (a);
  g_assert_finalize_object (a);
  g_assert_true (porta_phone_number_get_capabilities (b) == capabilities_a);
  g_assert_cmpstr (porta_phone_number_get_capabilities (b)[0], ==, "userAssignment");
  g_assert_cmpstr (porta_phone_number_get_city (b), ==, "Milano");
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);

  /* …and is made afresh once every holder is gone */
  a = phone_number_from_string (full_number_json);
  g_assert_cmpstr (porta_phone_number_get_capabilities (a)[1], ==, "conferenceAssignment");
  g_assert_finalize_object (a);
}

/* Sets with elements whose bytes could be confused when joined */
static void
test_phone_number_interning_keys (void)
{
  PortaPhoneNumber *a = phone_number_from_string (
    "{\"id\": \"a\", \"telephoneNumber\": \"+1\", \"capabilities\": [\"ab\", \"c\"]}");
  PortaPhoneNumber *b = phone_number_from_string (
    "{\"id\": \"b\", \"telephoneNumber\": \"+1\", \"capabilities\": [\"a\", \"bc\"]}");
  PortaPhoneNumber *c = phone_number_from_string (
    "{\"id\": \"c\", \"telephoneNumber\": \"+1\", \"capabilities\": [\"abc\"]}");
  PortaPhoneNumber *d = phone_number_from_string (
    "{\"id\": \"d\", \"telephoneNumber\": \"+1\", \"capabilities\": [\"\", \"abc\"]}");
  g_autoptr(GString) long_json = g_string_new ("{\"id\": \"e\", \"telephoneNumber\": \"+1\", \"capabilities\": [");
  PortaPhoneNumber *e;

  g_assert_cmpstr (porta_phone_number_get_capabilities (a)[0], ==, "ab");
  g_assert_cmpstr (porta_phone_number_get_capabilities (b)[0], ==, "a");
  g_assert_cmpstr (porta_phone_number_get_capabilities (c)[0], ==, "abc");
  g_assert_cmpuint (g_strv_length ((GStrv) porta_phone_number_get_capabilities (c)), ==, 1);
  g_assert_cmpstr (porta_phone_number_get_capabilities (d)[0], ==, "");
  g_assert_cmpstr (porta_phone_number_get_capabilities (d)[1], ==, "abc");

  /* more than fits on the stack */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (long_json, "%s\"capability%03u\"", i ? ", " : "", i);
  g_string_append (long_json, "]}");
  e = phone_number_from_string (long_json->str);
  g_assert_cmpuint (g_strv_length ((GStrv) porta_phone_number_get_capabilities (e)), ==, 100);
  g_assert_cmpstr (porta_phone_number_get_capabilities (e)[99], ==, "capability099");

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
  g_assert_finalize_object (d);
  g_assert_finalize_object (e);
}

/* The client parses pages in worker threads while the UI drops old
 * numbers: the interning tables must take both at once. */
static gpointer
parse_in_thread_cb (gpointer data)
{
  JsonObject *o = data;
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < 200; i++)
        {
          g_autoptr(GError) error = NULL;
          PortaPhoneNumber *n = porta_phone_number_new_from_json (o, &error);

          g_assert_no_error (error);
          g_ptr_array_add (numbers, n);
        }
      g_ptr_array_set_size (numbers, 0);
    }

  g_ptr_array_unref (numbers);
  return NULL;
}

static void
test_phone_number_threads (void)
{
  g_autoptr(JsonObject) o = object_from_string (full_number_json);
  GThread *threads[4];
  PortaPhoneNumber *check;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread_cb, o);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  check = phone_number_from_string (full_number_json);
  g_assert_cmpstr (porta_phone_number_get_capabilities (check)[0], ==, "userAssignment");
  g_assert_cmpstr (porta_phone_number_get_city (check), ==, "Milano");
  g_assert_finalize_object (check);
}

/* ---- PortaPortOrder -------------------------------------------------------- */

static const char full_order_json[] =
  "{"
  "  \"@odata.context\": \"http://127.0.0.1/v1.0/$metadata#portOrders/$entity\","
  "  \"id\": \"po-0001\","
  "  \"displayName\": \"Milano lines to Fastweb\","
  "  \"direction\": \"portOut\","
  "  \"status\": \"transferApproved\","
  "  \"createdDateTime\": \"2026-11-02T08:00:00Z\","
  "  \"lastModifiedDateTime\": \"2026-11-05T16:45:10.0000000Z\","
  "  \"telephoneNumbers\": [\"+390240000001\", \"+390240000002\", 42, null],"
  "  \"carrierName\": \"Fastweb\","
  "  \"accountNumber\": \"FW-12345\","
  "  \"billingTelephoneNumber\": \"+390240000000\","
  "  \"authorizedBy\": \"Giulia Rossi\","
  "  \"requestedFocDateTime\": \"2026-11-20T09:00:00Z\","
  "  \"focDateTime\": \"2026-11-21T09:00:00Z\","
  "  \"error\": {\"code\": \"carrierRejected\", \"message\": \"The account number does not match.\"},"
  "  \"pinVerified\": true,"
  "  \"allowedActions\": [\"cancel\", \"changeFocDate\"],"
  "  \"statusHistory\": ["
  "    {\"status\": \"processing\", \"dateTime\": \"2026-11-02T08:00:00Z\", \"note\": \"Received.\"},"
  "    {\"status\": \"contactingCarrier\", \"dateTime\": \"2026-11-03T08:00:00Z\", \"note\": null},"
  "    \"not an object\","
  "    {\"status\": \"somethingNew\", \"dateTime\": \"garbage\"},"
  "    {\"status\": \"transferApproved\", \"dateTime\": \"2026-11-05T16:45:10Z\", \"note\": \"FOC set.\"}"
  "  ],"
  "  \"futureField\": [1, 2, 3]"
  "}";

static PortaPortOrder *
order_from_string (const char *json)
{
  g_autoptr(JsonObject) o = object_from_string (json);
  g_autoptr(GError) error = NULL;
  PortaPortOrder *order = porta_port_order_new_from_json (o, &error);

  g_assert_no_error (error);
  g_assert_nonnull (order);
  return order;
}

static void
test_port_order_full (void)
{
  PortaPortOrder *order = order_from_string (full_order_json);
  const char * const *numbers = porta_port_order_get_telephone_numbers (order);
  GPtrArray *history = porta_port_order_get_status_history (order);
  PortaPortOrderEvent *event;
  g_autoptr(GPtrArray) history_prop = NULL;
  g_autoptr(GDateTime) foc_prop = NULL;
  gboolean can_cancel, can_change;
  PortaPinVerified pin_verified;

  g_assert_cmpstr (porta_port_order_get_id (order), ==, "po-0001");
  g_assert_cmpstr (porta_port_order_get_display_name (order), ==, "Milano lines to Fastweb");
  g_assert_cmpint (porta_port_order_get_direction (order), ==, PORTA_PORT_ORDER_DIRECTION_PORT_OUT);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);
  assert_date_time (porta_port_order_get_created_date_time (order), "2026-11-02T08:00:00Z");
  assert_date_time (porta_port_order_get_last_modified_date_time (order), "2026-11-05T16:45:10Z");
  g_assert_cmpuint (g_strv_length ((GStrv) numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "+390240000001");
  g_assert_cmpstr (numbers[1], ==, "+390240000002");
  g_assert_cmpstr (porta_port_order_get_carrier_name (order), ==, "Fastweb");
  g_assert_cmpstr (porta_port_order_get_account_number (order), ==, "FW-12345");
  g_assert_cmpstr (porta_port_order_get_billing_telephone_number (order), ==, "+390240000000");
  g_assert_cmpstr (porta_port_order_get_authorized_by (order), ==, "Giulia Rossi");
  assert_date_time (porta_port_order_get_requested_foc_date_time (order), "2026-11-20T09:00:00Z");
  assert_date_time (porta_port_order_get_foc_date_time (order), "2026-11-21T09:00:00Z");
  g_assert_cmpstr (porta_port_order_get_error_code (order), ==, "carrierRejected");
  g_assert_cmpstr (porta_port_order_get_error_message (order), ==, "The account number does not match.");
  g_assert_cmpint (porta_port_order_get_pin_verified (order), ==, PORTA_PIN_VERIFIED_YES);
  g_assert_true (porta_port_order_get_can_cancel (order));
  g_assert_true (porta_port_order_get_can_change_foc_date (order));

  /* In the server's order; non-objects skipped, odd values tolerated */
  g_assert_cmpuint (history->len, ==, 4);
  event = g_ptr_array_index (history, 0);
  g_assert_cmpint (event->status, ==, PORTA_PORT_ORDER_STATUS_PROCESSING);
  assert_date_time (event->date_time, "2026-11-02T08:00:00Z");
  g_assert_cmpstr (event->note, ==, "Received.");
  event = g_ptr_array_index (history, 1);
  g_assert_cmpint (event->status, ==, PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER);
  g_assert_null (event->note);
  event = g_ptr_array_index (history, 2);
  g_assert_cmpint (event->status, ==, PORTA_PORT_ORDER_STATUS_UNKNOWN);
  g_assert_null (event->date_time);
  event = g_ptr_array_index (history, 3);
  g_assert_cmpint (event->status, ==, PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);
  g_assert_cmpstr (event->note, ==, "FOC set.");

  {
    g_autoptr(PortaPortOrderEvent) copy = porta_port_order_event_copy (event);
    g_assert_true (porta_port_order_event_equal (copy, event));
    g_assert_false (porta_port_order_event_equal (copy, g_ptr_array_index (history, 0)));
    g_assert_true (G_TYPE_IS_BOXED (PORTA_TYPE_PORT_ORDER_EVENT));
  }

  g_object_get (order,
                "status-history", &history_prop,
                "foc-date-time", &foc_prop,
                "can-cancel", &can_cancel,
                "can-change-foc-date", &can_change,
                "pin-verified", &pin_verified,
                NULL);
  g_assert_true (history_prop == history);
  g_assert_true (g_date_time_equal (foc_prop, porta_port_order_get_foc_date_time (order)));
  g_assert_true (can_cancel);
  g_assert_true (can_change);
  g_assert_cmpint (pin_verified, ==, PORTA_PIN_VERIFIED_YES);

  g_clear_pointer (&history_prop, g_ptr_array_unref);
  g_assert_finalize_object (order);
}

static void
test_port_order_minimal (void)
{
  static const char * const minimal[] = {
    "{\"id\": \"po-2\", \"displayName\": \"\", \"direction\": \"portIn\", \"status\": \"processing\","
    " \"createdDateTime\": \"2026-11-02T08:00:00Z\"}",
    "{\"id\": \"po-2\", \"displayName\": \"\", \"direction\": \"portIn\", \"status\": \"processing\","
    " \"createdDateTime\": \"2026-11-02T08:00:00Z\", \"lastModifiedDateTime\": null,"
    " \"telephoneNumbers\": null, \"carrierName\": null, \"accountNumber\": null,"
    " \"billingTelephoneNumber\": null, \"authorizedBy\": null, \"requestedFocDateTime\": null,"
    " \"focDateTime\": null, \"error\": null, \"pinVerified\": null, \"statusHistory\": null}",
    "{\"id\": \"po-2\", \"displayName\": \"\", \"direction\": \"portIn\", \"status\": \"processing\","
    " \"createdDateTime\": \"2026-11-02T08:00:00Z\", \"lastModifiedDateTime\": 5,"
    " \"telephoneNumbers\": \"+12065550100\", \"carrierName\": [], \"requestedFocDateTime\": \"soon\","
    " \"focDateTime\": {}, \"error\": \"broken\", \"pinVerified\": \"yes\", \"statusHistory\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (minimal); i++)
    {
      PortaPortOrder *order = order_from_string (minimal[i]);

      g_test_message ("minimal %u", i);
      g_assert_cmpstr (porta_port_order_get_display_name (order), ==, "");
      g_assert_cmpint (porta_port_order_get_direction (order), ==, PORTA_PORT_ORDER_DIRECTION_PORT_IN);
      g_assert_null (porta_port_order_get_last_modified_date_time (order));
      g_assert_nonnull (porta_port_order_get_telephone_numbers (order));
      g_assert_null (porta_port_order_get_telephone_numbers (order)[0]);
      g_assert_null (porta_port_order_get_carrier_name (order));
      g_assert_null (porta_port_order_get_requested_foc_date_time (order));
      g_assert_null (porta_port_order_get_foc_date_time (order));
      g_assert_null (porta_port_order_get_error_code (order));
      g_assert_null (porta_port_order_get_error_message (order));
      g_assert_cmpint (porta_port_order_get_pin_verified (order), ==, PORTA_PIN_VERIFIED_NOT_APPLICABLE);
      g_assert_nonnull (porta_port_order_get_status_history (order));
      g_assert_cmpuint (porta_port_order_get_status_history (order)->len, ==, 0);
      g_assert_true (porta_port_order_get_can_cancel (order));
      g_assert_false (porta_port_order_get_can_change_foc_date (order));
      g_assert_finalize_object (order);
    }
}

static void
test_port_order_unknown_values (void)
{
  PortaPortOrder *order = order_from_string (
    "{\"id\": \"po-3\", \"displayName\": \"x\", \"direction\": \"sideways\", \"status\": \"onHold\","
    " \"createdDateTime\": \"2026-11-02T08:00:00Z\", \"pinVerified\": false}");
  PortaPortOrder *future = order_from_string (
    "{\"id\": \"po-4\", \"displayName\": \"x\", \"direction\": \"unknownFutureValue\","
    " \"status\": \"unknownFutureValue\", \"createdDateTime\": \"2026-11-02T08:00:00Z\"}");

  g_assert_cmpint (porta_port_order_get_direction (order), ==, PORTA_PORT_ORDER_DIRECTION_UNKNOWN);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_UNKNOWN);
  /* nothing is allowed on a status Porta does not understand */
  g_assert_false (porta_port_order_get_can_cancel (order));
  g_assert_false (porta_port_order_get_can_change_foc_date (order));
  /* pinVerified only means something on a port-out order */
  g_assert_cmpint (porta_port_order_get_pin_verified (order), ==, PORTA_PIN_VERIFIED_NOT_APPLICABLE);

  g_assert_cmpint (porta_port_order_get_direction (future), ==, PORTA_PORT_ORDER_DIRECTION_UNKNOWN_FUTURE_VALUE);
  g_assert_cmpint (porta_port_order_get_status (future), ==, PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE);
  g_assert_false (porta_port_order_get_can_cancel (future));

  g_assert_finalize_object (order);
  g_assert_finalize_object (future);
}

static void
test_port_order_pin_verified (void)
{
  static const struct { const char *direction; const char *pin_verified; PortaPinVerified expected; } cases[] = {
    { "portOut", "true", PORTA_PIN_VERIFIED_YES },
    { "portOut", "false", PORTA_PIN_VERIFIED_NO },
    { "portOut", "null", PORTA_PIN_VERIFIED_NOT_APPLICABLE },
    { "portOut", "\"true\"", PORTA_PIN_VERIFIED_NOT_APPLICABLE },
    { "portOut", NULL, PORTA_PIN_VERIFIED_NOT_APPLICABLE },
    { "portIn", "true", PORTA_PIN_VERIFIED_NOT_APPLICABLE },
    { "portIn", "false", PORTA_PIN_VERIFIED_NOT_APPLICABLE },
    { "portIn", "null", PORTA_PIN_VERIFIED_NOT_APPLICABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"po\", \"displayName\": \"x\", \"direction\": \"%s\", \"status\": \"error\","
        " \"createdDateTime\": \"2026-11-02T08:00:00Z\"%s%s}",
        cases[i].direction,
        cases[i].pin_verified != NULL ? ", \"pinVerified\": " : "",
        cases[i].pin_verified != NULL ? cases[i].pin_verified : "");
      PortaPortOrder *order = order_from_string (json);

      g_test_message ("%s", json);
      g_assert_cmpint (porta_port_order_get_pin_verified (order), ==, cases[i].expected);
      g_assert_nonnull (porta_pin_verified_get_label (cases[i].expected));
      g_assert_finalize_object (order);
    }
}

static void
test_port_order_flat_error (void)
{
  PortaPortOrder *order = order_from_string (
    "{\"id\": \"po-5\", \"displayName\": \"x\", \"direction\": \"portIn\", \"status\": \"error\","
    " \"createdDateTime\": \"2026-11-02T08:00:00Z\", \"errorCode\": \"invalidLoa\","
    " \"errorMessage\": \"The letter of authorization is missing.\"}");

  g_assert_cmpstr (porta_port_order_get_error_code (order), ==, "invalidLoa");
  g_assert_cmpstr (porta_port_order_get_error_message (order), ==, "The letter of authorization is missing.");
  g_assert_finalize_object (order);
}

static void
test_port_order_required (void)
{
  static const char * const required[] = { "id", "displayName", "direction", "status", "createdDateTime" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      for (guint how = 0; how < 3; how++)
        {
          g_autoptr(JsonObject) o = object_from_string (full_order_json);
          g_autoptr(GError) error = NULL;
          g_autoptr(PortaPortOrder) order = NULL;

          switch (how)
            {
            case 0: json_object_remove_member (o, required[i]); break;
            case 1: json_object_set_null_member (o, required[i]); break;
            case 2: json_object_set_boolean_member (o, required[i], TRUE); break;
            default: g_assert_not_reached ();
            }

          g_test_message ("%s, case %u", required[i], how);
          order = porta_port_order_new_from_json (o, &error);
          g_assert_null (order);
          assert_names_field (error, required[i]);
        }
    }

  /* A date that is not one, and an empty id */
  {
    g_autoptr(JsonObject) o = object_from_string (full_order_json);
    g_autoptr(GError) error = NULL;

    json_object_set_string_member (o, "createdDateTime", "last Tuesday");
    g_assert_null (porta_port_order_new_from_json (o, &error));
    assert_names_field (error, "createdDateTime");
  }
  {
    g_autoptr(JsonObject) o = object_from_string (full_order_json);
    g_autoptr(GError) error = NULL;

    json_object_set_string_member (o, "id", "");
    g_assert_null (porta_port_order_new_from_json (o, &error));
    assert_names_field (error, "id");
  }
}

static void
test_port_order_status_table (void)
{
  /* what each allows is tests/test-order-rules.c's table: here, that an
   * order says what the rules say */
  static const struct { PortaPortOrderStatus status; } table[] = {
    { PORTA_PORT_ORDER_STATUS_UNKNOWN },
    { PORTA_PORT_ORDER_STATUS_PROCESSING },
    { PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER },
    { PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED },
    { PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING },
    { PORTA_PORT_ORDER_STATUS_ERROR },
    { PORTA_PORT_ORDER_STATUS_COMPLETED },
    { PORTA_PORT_ORDER_STATUS_CANCELLED },
    { PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE },
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (PORTA_TYPE_PORT_ORDER_STATUS);
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);

  /* every status is in the table */
  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (table));

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const char *wire = porta_port_order_status_to_string (table[i].status);
      const char *description = porta_port_order_status_describe (table[i].status);
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"po\", \"displayName\": \"x\", \"direction\": \"portIn\", \"status\": \"%s\","
        " \"createdDateTime\": \"2026-11-02T08:00:00Z\"}", wire != NULL ? wire : "notAStatus");
      PortaPortOrder *order = order_from_string (json);

      g_test_message ("%s", wire != NULL ? wire : "(unknown)");
      g_assert_cmpint (porta_port_order_get_status (order), ==, table[i].status);
      g_assert_cmpint (porta_port_order_get_can_cancel (order), ==,
                       porta_order_rules_status_allows (table[i].status, PORTA_ORDER_ACTION_CANCEL));
      g_assert_cmpint (porta_port_order_get_can_change_foc_date (order), ==,
                       porta_order_rules_status_allows (table[i].status, PORTA_ORDER_ACTION_CHANGE_FOC_DATE));

      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_true (g_str_has_suffix (description, "."));
      if (table[i].status != PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE)
        {
          g_assert_false (g_hash_table_contains (descriptions, description));
          g_hash_table_add (descriptions, (gpointer) description);
        }
      g_assert_finalize_object (order);
    }
}

typedef struct
{
  GHashTable *counts;   /* property name → count */
} NotifyLog;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyLog *log = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

static PortaPortOrder *
order_with (const char *member,
            JsonNode   *value)
{
  g_autoptr(JsonObject) o = object_from_string (full_order_json);
  g_autoptr(GError) error = NULL;
  PortaPortOrder *order;

  if (member != NULL)
    json_object_set_member (o, member, value);
  order = porta_port_order_new_from_json (o, &error);
  g_assert_no_error (error);
  return order;
}

static JsonNode *
string_node (const char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, s);
  return node;
}

static void
test_port_order_update_from (void)
{
  PortaPortOrder *order = order_with (NULL, NULL);
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };
  PortaPortOrder *newer;

  g_signal_connect (order, "notify", G_CALLBACK (notify_cb), &log);

  /* The same values: nothing to tell */
  newer = order_with (NULL, NULL);
  g_assert_false (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_total (&log), ==, 0);
  g_assert_finalize_object (newer);

  /* One plain field */
  newer = order_with ("carrierName", string_node ("TIM"));
  g_assert_false (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_count (&log, "carrier-name"), ==, 1);
  g_assert_cmpuint (notify_total (&log), ==, 1);
  g_assert_cmpstr (porta_port_order_get_carrier_name (order), ==, "TIM");
  g_assert_finalize_object (newer);
  /* …and back */
  newer = order_with (NULL, NULL);
  g_assert_false (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_count (&log, "carrier-name"), ==, 2);
  g_assert_cmpuint (notify_total (&log), ==, 2);
  g_assert_finalize_object (newer);
  g_hash_table_remove_all (log.counts);

  /* transferApproved → error: the status, and the FOC date can no longer
   * change, but cancelling is still allowed */
  newer = order_with ("status", string_node ("error"));
  g_assert_true (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-change-foc-date"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-cancel"), ==, 0);
  g_assert_cmpuint (notify_total (&log), ==, 2);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_ERROR);
  g_assert_true (porta_port_order_get_can_cancel (order));
  g_assert_false (porta_port_order_get_can_change_foc_date (order));
  g_assert_finalize_object (newer);
  g_hash_table_remove_all (log.counts);

  /* error → completed, with a new history entry and modification time:
   * cancelling goes too */
  {
    g_autoptr(JsonObject) o = object_from_string (full_order_json);
    g_autoptr(GError) error = NULL;
    JsonArray *history = json_object_get_array_member (o, "statusHistory");
    JsonObject *entry = json_object_new ();

    json_object_set_string_member (o, "status", "completed");
    json_object_set_string_member (o, "lastModifiedDateTime", "2026-11-21T09:00:00Z");
    json_object_set_string_member (entry, "status", "completed");
    json_object_set_string_member (entry, "dateTime", "2026-11-21T09:00:00Z");
    json_array_add_object_element (history, entry);
    newer = porta_port_order_new_from_json (o, &error);
    g_assert_no_error (error);
  }
  g_assert_true (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "last-modified-date-time"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "status-history"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-cancel"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-change-foc-date"), ==, 0);
  g_assert_cmpuint (notify_total (&log), ==, 4);
  g_assert_cmpuint (porta_port_order_get_status_history (order)->len, ==, 5);
  g_assert_false (porta_port_order_get_can_cancel (order));
  assert_date_time (porta_port_order_get_last_modified_date_time (order), "2026-11-21T09:00:00Z");
  g_assert_finalize_object (newer);
  /* the history is shared, not copied, and survives the newer object */
  g_assert_cmpint (((PortaPortOrderEvent *) g_ptr_array_index (porta_port_order_get_status_history (order), 4))->status,
                   ==, PORTA_PORT_ORDER_STATUS_COMPLETED);
  g_hash_table_remove_all (log.counts);

  /* Several fields at once, each told once, and values to null */
  {
    g_autoptr(JsonObject) o = object_from_string (full_order_json);
    g_autoptr(GError) error = NULL;
    JsonArray *numbers = json_array_new ();

    json_object_set_string_member (o, "status", "completed");
    json_object_set_string_member (o, "displayName", "Renamed");
    json_object_set_null_member (o, "focDateTime");
    json_object_set_null_member (o, "error");
    json_object_set_boolean_member (o, "pinVerified", FALSE);
    json_array_add_string_element (numbers, "+390240000001");
    json_object_set_array_member (o, "telephoneNumbers", numbers);
    json_object_set_null_member (o, "statusHistory");
    json_object_set_string_member (o, "lastModifiedDateTime", "2026-11-21T09:00:00Z");
    newer = porta_port_order_new_from_json (o, &error);
    g_assert_no_error (error);
  }
  g_assert_false (porta_port_order_update_from (order, newer));
  g_assert_cmpuint (notify_count (&log, "display-name"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "foc-date-time"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "error-code"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "error-message"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "pin-verified"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "telephone-numbers"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "status-history"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "carrier-name"), ==, 0);
  g_assert_cmpuint (notify_count (&log, "status"), ==, 0);
  g_assert_cmpuint (notify_count (&log, "last-modified-date-time"), ==, 0);
  g_assert_cmpuint (notify_total (&log), ==, 7);
  g_assert_null (porta_port_order_get_foc_date_time (order));
  g_assert_null (porta_port_order_get_error_code (order));
  g_assert_cmpint (porta_port_order_get_pin_verified (order), ==, PORTA_PIN_VERIFIED_NO);
  g_assert_cmpuint (g_strv_length ((GStrv) porta_port_order_get_telephone_numbers (order)), ==, 1);
  g_assert_cmpuint (porta_port_order_get_status_history (order)->len, ==, 0);
  g_assert_finalize_object (newer);

  g_signal_handlers_disconnect_by_func (order, notify_cb, &log);
  g_hash_table_unref (log.counts);
  g_assert_finalize_object (order);
}

/* ---- PortaPinStatus ------------------------------------------------------------ */

static void
test_pin_status (void)
{
  g_autoptr(JsonObject) full = object_from_string (
    "{\"isSet\": true, \"lastModifiedDateTime\": \"2026-11-20T10:15:00Z\","
    " \"lastModifiedBy\": {\"displayName\": \"Giulia Rossi\", \"userPrincipalName\": \"giulia@contoso.example\"},"
    " \"pin\": \"must be ignored\", \"extra\": [1]}");
  g_autoptr(JsonObject) minimal = object_from_string ("{\"isSet\": false}");
  g_autoptr(JsonObject) nulls = object_from_string (
    "{\"isSet\": false, \"lastModifiedDateTime\": null, \"lastModifiedBy\": null}");
  g_autoptr(GError) error = NULL;
  PortaPinStatus *status;
  gboolean is_set = FALSE;
  g_autofree char *upn = NULL;

  status = porta_pin_status_new_from_json (full, &error);
  g_assert_no_error (error);
  g_assert_true (porta_pin_status_get_is_set (status));
  assert_date_time (porta_pin_status_get_last_modified_date_time (status), "2026-11-20T10:15:00Z");
  g_assert_cmpstr (porta_pin_status_get_last_modified_by_name (status), ==, "Giulia Rossi");
  g_assert_cmpstr (porta_pin_status_get_last_modified_by_upn (status), ==, "giulia@contoso.example");
  g_object_get (status, "is-set", &is_set, "last-modified-by-upn", &upn, NULL);
  g_assert_true (is_set);
  g_assert_cmpstr (upn, ==, "giulia@contoso.example");
  g_assert_finalize_object (status);

  for (guint i = 0; i < 2; i++)
    {
      status = porta_pin_status_new_from_json (i == 0 ? minimal : nulls, &error);
      g_assert_no_error (error);
      g_assert_false (porta_pin_status_get_is_set (status));
      g_assert_null (porta_pin_status_get_last_modified_date_time (status));
      g_assert_null (porta_pin_status_get_last_modified_by_name (status));
      g_assert_null (porta_pin_status_get_last_modified_by_upn (status));
      g_assert_finalize_object (status);
    }

  {
    static const char * const bad[] = {
      "{}", "{\"isSet\": null}", "{\"isSet\": \"true\"}", "{\"isSet\": 1}",
      "{\"lastModifiedDateTime\": \"2026-11-20T10:15:00Z\"}",
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonObject) o = object_from_string (bad[i]);

        g_test_message ("%s", bad[i]);
        g_assert_null (porta_pin_status_new_from_json (o, &error));
        assert_names_field (error, "isSet");
        g_clear_error (&error);
      }
  }
}

/* ---- PortaAuditEvent ---------------------------------------------------------- */

static void
test_audit_event (void)
{
  static const struct {
    const char *json;
    PortaAuditEventKind kind;
    const char *id, *name, *upn;
  } good[] = {
    { "{\"id\": \"ev1\", \"activity\": \"set\", \"dateTime\": \"2026-11-20T10:15:00Z\","
      " \"user\": {\"displayName\": \"Giulia Rossi\", \"userPrincipalName\": \"giulia@contoso.example\"}}",
      PORTA_AUDIT_EVENT_KIND_SET, "ev1", "Giulia Rossi", "giulia@contoso.example" },
    { "{\"activity\": \"changed\", \"dateTime\": \"2026-11-20T10:15:00Z\", \"user\": null, \"extra\": 1}",
      PORTA_AUDIT_EVENT_KIND_CHANGED, NULL, NULL, NULL },
    { "{\"action\": \"revealed\", \"dateTime\": \"2026-11-20T10:15:00Z\","
      " \"actor\": {\"displayName\": \"Marco Bianchi\"}}",
      PORTA_AUDIT_EVENT_KIND_REVEALED, NULL, "Marco Bianchi", NULL },
    { "{\"activity\": \"exported\", \"dateTime\": \"2026-11-20T10:15:00Z\"}",
      PORTA_AUDIT_EVENT_KIND_UNKNOWN, NULL, NULL, NULL },
    { "{\"activity\": \"unknownFutureValue\", \"dateTime\": \"2026-11-20T10:15:00Z\"}",
      PORTA_AUDIT_EVENT_KIND_UNKNOWN_FUTURE_VALUE, NULL, NULL, NULL },
  };
  static const struct { const char *json; const char *field; } bad[] = {
    { "{\"dateTime\": \"2026-11-20T10:15:00Z\"}", "activity" },
    { "{\"activity\": null, \"dateTime\": \"2026-11-20T10:15:00Z\"}", "activity" },
    { "{\"activity\": 3, \"dateTime\": \"2026-11-20T10:15:00Z\"}", "activity" },
    { "{\"action\": [], \"dateTime\": \"2026-11-20T10:15:00Z\"}", "action" },
    { "{\"activity\": \"set\"}", "dateTime" },
    { "{\"activity\": \"set\", \"dateTime\": null}", "dateTime" },
    { "{\"activity\": \"set\", \"dateTime\": \"not a date\"}", "dateTime" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonObject) o = object_from_string (good[i].json);
      g_autoptr(GError) error = NULL;
      PortaAuditEvent *event = porta_audit_event_new_from_json (o, &error);
      PortaAuditEventKind kind;

      g_test_message ("%s", good[i].json);
      g_assert_no_error (error);
      g_assert_cmpint (porta_audit_event_get_kind (event), ==, good[i].kind);
      g_assert_cmpstr (porta_audit_event_get_id (event), ==, good[i].id);
      assert_date_time (porta_audit_event_get_date_time (event), "2026-11-20T10:15:00Z");
      g_assert_cmpstr (porta_audit_event_get_user_name (event), ==, good[i].name);
      g_assert_cmpstr (porta_audit_event_get_user_upn (event), ==, good[i].upn);
      g_object_get (event, "kind", &kind, NULL);
      g_assert_cmpint (kind, ==, good[i].kind);
      g_assert_finalize_object (event);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) o = object_from_string (bad[i].json);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i].json);
      g_assert_null (porta_audit_event_new_from_json (o, &error));
      assert_names_field (error, bad[i].field);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, porta_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/models/json/parse", test_json_parse);
  g_test_add_func ("/models/json/strict", test_json_strict);
  g_test_add_func ("/models/json/tolerant", test_json_tolerant);
  g_test_add_func ("/models/json/date-times", test_json_date_times);
  g_test_add_func ("/models/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/models/enums/graph-names", test_enums_graph_names);
  g_test_add_func ("/models/enums/gtype", test_enums_gtype);
  g_test_add_func ("/models/enums/italian", test_enums_italian);
  g_test_add_func ("/models/phone-number/full", test_phone_number_full);
  g_test_add_func ("/models/phone-number/minimal", test_phone_number_minimal);
  g_test_add_func ("/models/phone-number/unknown-values", test_phone_number_unknown_values);
  g_test_add_func ("/models/phone-number/required", test_phone_number_required);
  g_test_add_func ("/models/phone-number/digits", test_phone_number_digits);
  g_test_add_func ("/models/phone-number/interning", test_phone_number_interning);
  g_test_add_func ("/models/phone-number/interning-keys", test_phone_number_interning_keys);
  g_test_add_func ("/models/phone-number/threads", test_phone_number_threads);
  g_test_add_func ("/models/port-order/full", test_port_order_full);
  g_test_add_func ("/models/port-order/minimal", test_port_order_minimal);
  g_test_add_func ("/models/port-order/unknown-values", test_port_order_unknown_values);
  g_test_add_func ("/models/port-order/pin-verified", test_port_order_pin_verified);
  g_test_add_func ("/models/port-order/flat-error", test_port_order_flat_error);
  g_test_add_func ("/models/port-order/required", test_port_order_required);
  g_test_add_func ("/models/port-order/status-table", test_port_order_status_table);
  g_test_add_func ("/models/port-order/update-from", test_port_order_update_from);
  g_test_add_func ("/models/pin-status", test_pin_status);
  g_test_add_func ("/models/audit-event", test_audit_event);

  return g_test_run ();
}
