/* porta-json.h — reading the admin API's JSON, strictly or tolerantly
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode    *porta_json_parse_bytes                (GBytes      *bytes,
                                                    GError     **error);
JsonObject  *porta_json_node_get_object            (JsonNode    *node,
                                                    GError     **error);

const char  *porta_json_get_string                 (JsonObject  *object,
                                                    const char  *member,
                                                    GError     **error);
const char  *porta_json_get_string_or_null         (JsonObject  *object,
                                                    const char  *member);
gboolean     porta_json_get_boolean                (JsonObject  *object,
                                                    const char  *member,
                                                    gboolean    *out_value,
                                                    GError     **error);
gboolean     porta_json_get_boolean_or             (JsonObject  *object,
                                                    const char  *member,
                                                    gboolean     fallback);
gint64       porta_json_get_int_or                 (JsonObject  *object,
                                                    const char  *member,
                                                    gint64       fallback);
GDateTime   *porta_json_get_date_time              (JsonObject  *object,
                                                    const char  *member,
                                                    GError     **error);
GDateTime   *porta_json_get_date_time_or_null      (JsonObject  *object,
                                                    const char  *member);
JsonObject  *porta_json_get_object                 (JsonObject  *object,
                                                    const char  *member,
                                                    GError     **error);
JsonObject  *porta_json_get_object_or_null         (JsonObject  *object,
                                                    const char  *member);
JsonArray   *porta_json_get_array                  (JsonObject  *object,
                                                    const char  *member,
                                                    GError     **error);
JsonArray   *porta_json_get_array_or_null          (JsonObject  *object,
                                                    const char  *member);
char       **porta_json_dup_string_array_or_empty  (JsonObject  *object,
                                                    const char  *member);
GDateTime   *porta_json_parse_date_time            (const char  *text);

void         porta_json_set_missing_error          (GError     **error,
                                                    const char  *member);
void         porta_json_set_invalid_error          (GError     **error,
                                                    const char  *member);

G_END_DECLS
