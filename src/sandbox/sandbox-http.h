/* sandbox-http.h — responses, errors, times and tokens for porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

void        sandbox_respond_body         (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *content_type,
                                          char              *body,
                                          gsize              length);
void        sandbox_respond_gstring      (SoupServerMessage *msg,
                                          guint              status,
                                          GString           *body);
void        sandbox_respond_json         (SoupServerMessage *msg,
                                          guint              status,
                                          JsonNode          *node);
void        sandbox_respond_empty        (SoupServerMessage *msg,
                                          guint              status);
void        sandbox_respond_error        (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *code,
                                          const char        *message);
void        sandbox_respond_error_full   (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *code,
                                          const char        *message,
                                          JsonObject        *inner_extra);
void        sandbox_respond_oauth_error  (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *error,
                                          const char        *description);
void        sandbox_respond_html         (SoupServerMessage *msg,
                                          guint              status,
                                          const char        *title,
                                          const char        *body_html);
void        sandbox_respond_redirect     (SoupServerMessage *msg,
                                          const char        *location);

JsonNode   *sandbox_request_json         (SoupServerMessage *msg,
                                          GError           **error);
GHashTable *sandbox_request_form         (SoupServerMessage *msg);
const char *sandbox_query_get            (GHashTable        *query,
                                          const char        *key);
gboolean    sandbox_query_paging         (SoupServerMessage *msg,
                                          GHashTable        *query,
                                          guint              default_top,
                                          guint              max_top,
                                          guint             *top,
                                          guint             *skip);
char       *sandbox_next_link            (const char        *base_url,
                                          const char        *path,
                                          guint              top,
                                          guint              skip,
                                          const char        *filter);

char       *sandbox_format_time          (gint64             usec);
gboolean    sandbox_parse_time           (const char        *text,
                                          gint64            *usec);
void        sandbox_json_append_string   (GString           *out,
                                          const char        *value);
void        sandbox_json_add_time        (JsonBuilder       *builder,
                                          const char        *member,
                                          gint64             usec);

char       *sandbox_random_token         (gsize              n_bytes);
char       *sandbox_base64url_encode     (const guint8      *data,
                                          gsize              length);
guint8     *sandbox_base64url_decode     (const char        *text,
                                          gsize             *length);
guint64     sandbox_hash64               (guint64            a,
                                          guint64            b);
void        sandbox_format_guid          (guint64            seed,
                                          guint64            which,
                                          char               out[37]);

G_END_DECLS
