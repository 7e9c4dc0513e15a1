/* porta-json.c — reading the admin API's JSON, strictly or tolerantly
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every parser in libporta (and the client) reads the server's answers
 * through these helpers, so that a required field that is missing or of
 * the wrong type always becomes the same PORTA_ERROR_INVALID_RESPONSE,
 * naming the field, and an optional field that is null, absent or odd is
 * simply treated as absent. The helpers never log a value: a field such
 * as `pin` must not reach the debug log even when it is malformed.
 */
#define G_LOG_DOMAIN "porta-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-error.h"
#include "porta-json.h"

/**
 * porta_json_set_missing_error:
 * @error: return location for a #GError, or %NULL
 * @member: the name of the member that is missing or null
 *
 * Sets a %PORTA_ERROR_INVALID_RESPONSE that names @member, for parsers
 * that check a field in a way the getters below do not.
 */
void
porta_json_set_missing_error (GError     **error,
                              const char  *member)
{
  g_debug ("Required member “%s” is missing or null", member);
  g_set_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
               /* Translators: %s is the name of a field in the server’s JSON answer, such as “telephoneNumber” */
               _("The server’s answer is missing “%s”."), member);
}

/**
 * porta_json_set_invalid_error:
 * @error: return location for a #GError, or %NULL
 * @member: the name of the member whose value cannot be used
 *
 * Sets a %PORTA_ERROR_INVALID_RESPONSE that names @member: it is there,
 * but its value has the wrong type or form.
 */
void
porta_json_set_invalid_error (GError     **error,
                              const char  *member)
{
  g_set_error (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
               /* Translators: %s is the name of a field in the server’s JSON answer, such as “createdDateTime” */
               _("The server’s answer has an invalid “%s”."), member);
}

static void
set_unreadable_error (GError **error)
{
  g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                       _("The server’s answer could not be read."));
}

/* The member's node, or NULL when it is absent or JSON null: for every
 * getter here the two mean the same thing. */
static JsonNode *
get_value_node (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static void
debug_wrong_type (const char *member,
                  JsonNode   *node,
                  const char *expected)
{
  g_debug ("Member “%s” is a %s, not a %s", member, json_node_type_name (node), expected);
}

/**
 * porta_json_parse_bytes:
 * @bytes: (nullable): a response body
 * @error: return location for a #GError, or %NULL
 *
 * Parses @bytes as JSON. An empty body, invalid UTF-8 or invalid JSON is
 * %PORTA_ERROR_INVALID_RESPONSE (a cut or garbled answer), with the
 * parser's complaint in the debug log.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL on error
 */
JsonNode *
porta_json_parse_bytes (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size = 0;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL || size == 0)
    {
      g_debug ("The answer is empty");
      set_unreadable_error (error);
      return NULL;
    }

  /* json-glib 1.6 lets invalid UTF-8 through inside strings; a garbled
   * byte would then surface much later as a Pango warning in a label. */
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_debug ("The answer (%" G_GSIZE_FORMAT " bytes) is not valid UTF-8", size);
      set_unreadable_error (error);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_debug ("The answer (%" G_GSIZE_FORMAT " bytes) is not valid JSON: %s",
               size, local_error->message);
      set_unreadable_error (error);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_debug ("The answer (%" G_GSIZE_FORMAT " bytes) holds no JSON value", size);
      set_unreadable_error (error);
      return NULL;
    }

  return root;
}

/**
 * porta_json_node_get_object:
 * @node: (nullable): a parsed answer
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the object @node holds, or %NULL
 *   with %PORTA_ERROR_INVALID_RESPONSE when it holds anything else
 */
JsonObject *
porta_json_node_get_object (JsonNode  *node,
                            GError   **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("The answer is a %s, not an object",
               node != NULL ? json_node_type_name (node) : "nothing");
      set_unreadable_error (error);
      return NULL;
    }
  return json_node_get_object (node);
}

/**
 * porta_json_get_string:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @error: return location for a #GError, or %NULL
 *
 * A required string member. Missing, null or not a string is
 * %PORTA_ERROR_INVALID_RESPONSE naming @member. An empty string is
 * returned as it is.
 *
 * Returns: (transfer none) (nullable): the string, owned by @object
 */
const char *
porta_json_get_string (JsonObject  *object,
                       const char  *member,
                       GError     **error)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL)
    {
      porta_json_set_missing_error (error, member);
      return NULL;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      debug_wrong_type (member, node, "string");
      porta_json_set_invalid_error (error, member);
      return NULL;
    }
  return json_node_get_string (node);
}

/**
 * porta_json_get_string_or_null:
 * @object: (nullable): a JSON object
 * @member: a member name
 *
 * An optional string member.
 *
 * Returns: (transfer none) (nullable): the string, or %NULL when the member
 *   is absent, null or not a string
 */
const char *
porta_json_get_string_or_null (JsonObject *object,
                               const char *member)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * porta_json_get_boolean:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @out_value: (out): where to store the value
 * @error: return location for a #GError, or %NULL
 *
 * A required boolean member: missing, null or not a boolean is
 * %PORTA_ERROR_INVALID_RESPONSE naming @member.
 *
 * Returns: %TRUE when @out_value was set
 */
gboolean
porta_json_get_boolean (JsonObject  *object,
                        const char  *member,
                        gboolean    *out_value,
                        GError     **error)
{
  JsonNode *node = get_value_node (object, member);

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (node == NULL)
    {
      porta_json_set_missing_error (error, member);
      return FALSE;
    }
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      debug_wrong_type (member, node, "boolean");
      porta_json_set_invalid_error (error, member);
      return FALSE;
    }
  *out_value = json_node_get_boolean (node);
  return TRUE;
}

/**
 * porta_json_get_boolean_or:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @fallback: the value for an absent, null or non-boolean member
 *
 * Returns: the member's value, or @fallback
 */
gboolean
porta_json_get_boolean_or (JsonObject *object,
                           const char *member,
                           gboolean    fallback)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

/**
 * porta_json_get_int_or:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @fallback: the value for an absent, null or non-integer member
 *
 * Returns: the member's value, or @fallback
 */
gint64
porta_json_get_int_or (JsonObject *object,
                       const char *member,
                       gint64      fallback)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

/**
 * porta_json_parse_date_time:
 * @text: (nullable): an ISO 8601 date and time, such as `2026-11-26T09:30:00Z`
 *
 * Parses a Graph `DateTimeOffset`. A time without a zone is taken as UTC,
 * and a bare date (`2026-12-01`) as its midnight in UTC, because servers
 * other than Graph write both.
 *
 * Returns: (transfer full) (nullable): the date and time, or %NULL when
 *   @text is not one
 */
GDateTime *
porta_json_parse_date_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  GDateTime *dt;

  if (text == NULL || text[0] == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00Z", NULL);
      dt = g_date_time_new_from_iso8601 (midnight, utc);
    }
  return dt;
}

/**
 * porta_json_get_date_time:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @error: return location for a #GError, or %NULL
 *
 * A required date-and-time member: missing, null, not a string or not a
 * date is %PORTA_ERROR_INVALID_RESPONSE naming @member.
 *
 * Returns: (transfer full) (nullable): the date and time
 */
GDateTime *
porta_json_get_date_time (JsonObject  *object,
                          const char  *member,
                          GError     **error)
{
  const char *text = porta_json_get_string (object, member, error);
  GDateTime *dt;

  if (text == NULL)
    return NULL;

  dt = porta_json_parse_date_time (text);
  if (dt == NULL)
    {
      g_debug ("Member “%s” is not an ISO 8601 date and time", member);
      porta_json_set_invalid_error (error, member);
    }
  return dt;
}

/**
 * porta_json_get_date_time_or_null:
 * @object: (nullable): a JSON object
 * @member: a member name
 *
 * Returns: (transfer full) (nullable): the date and time, or %NULL when
 *   the member is absent, null or not a date
 */
GDateTime *
porta_json_get_date_time_or_null (JsonObject *object,
                                  const char *member)
{
  GDateTime *dt = porta_json_parse_date_time (porta_json_get_string_or_null (object, member));

  if (dt == NULL && get_value_node (object, member) != NULL)
    g_debug ("Ignoring member “%s”: not an ISO 8601 date and time", member);
  return dt;
}

/**
 * porta_json_get_object:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the member's object, or %NULL with
 *   %PORTA_ERROR_INVALID_RESPONSE when it is missing, null or not an object
 */
JsonObject *
porta_json_get_object (JsonObject  *object,
                       const char  *member,
                       GError     **error)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL)
    {
      porta_json_set_missing_error (error, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      debug_wrong_type (member, node, "object");
      porta_json_set_invalid_error (error, member);
      return NULL;
    }
  return json_node_get_object (node);
}

/**
 * porta_json_get_object_or_null:
 * @object: (nullable): a JSON object
 * @member: a member name
 *
 * Returns: (transfer none) (nullable): the member's object, or %NULL when it
 *   is absent, null or not an object
 */
JsonObject *
porta_json_get_object_or_null (JsonObject *object,
                               const char *member)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/**
 * porta_json_get_array:
 * @object: (nullable): a JSON object
 * @member: a member name
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the member's array, or %NULL with
 *   %PORTA_ERROR_INVALID_RESPONSE when it is missing, null or not an array
 */
JsonArray *
porta_json_get_array (JsonObject  *object,
                      const char  *member,
                      GError     **error)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL)
    {
      porta_json_set_missing_error (error, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      debug_wrong_type (member, node, "array");
      porta_json_set_invalid_error (error, member);
      return NULL;
    }
  return json_node_get_array (node);
}

/**
 * porta_json_get_array_or_null:
 * @object: (nullable): a JSON object
 * @member: a member name
 *
 * Returns: (transfer none) (nullable): the member's array, or %NULL when it
 *   is absent, null or not an array
 */
JsonArray *
porta_json_get_array_or_null (JsonObject *object,
                              const char *member)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/**
 * porta_json_dup_string_array_or_empty:
 * @object: (nullable): a JSON object
 * @member: a member name
 *
 * An optional array of strings. Elements that are not strings are
 * skipped; an absent, null or non-array member gives an empty array.
 *
 * Returns: (transfer full) (array zero-terminated=1): the strings, never %NULL
 */
char **
porta_json_dup_string_array_or_empty (JsonObject *object,
                                      const char *member)
{
  JsonArray *array = porta_json_get_array_or_null (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}
