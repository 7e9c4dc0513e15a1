/* sandbox-http.c — responses, errors, times and tokens for porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "sandbox-http.h"

void
sandbox_respond_body (SoupServerMessage *msg,
                      guint              status,
                      const char        *content_type,
                      char              *body,
                      gsize              length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE,
                                    body, length);
}

void
sandbox_respond_gstring (SoupServerMessage *msg,
                         guint              status,
                         GString           *body)
{
  gsize length = body->len;

  sandbox_respond_body (msg, status, "application/json;odata.metadata=minimal;charset=utf-8",
                        g_string_free (body, FALSE), length);
}

void
sandbox_respond_json (SoupServerMessage *msg,
                      guint              status,
                      JsonNode          *node)
{
  gsize length = 0;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  sandbox_respond_body (msg, status, "application/json;odata.metadata=minimal;charset=utf-8",
                        text, length);
}

void
sandbox_respond_empty (SoupServerMessage *msg,
                       guint              status)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
  if (status == SOUP_STATUS_NO_CONTENT)
    {
      /* libsoup 3.2's server takes a 204 (no Content-Length, as RFC 9110
       * asks) for a body ended by EOF and closes the connection after it:
       * say so, or a keep-alive client's next request meets a reset */
      soup_message_headers_replace (headers, "Connection", "close");
    }
  else
    {
      soup_message_headers_set_content_length (headers, 0);
    }
}

void
sandbox_respond_error_full (SoupServerMessage *msg,
                            guint              status,
                            const char        *code,
                            const char        *message,
                            JsonObject        *inner_extra)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *request_id = soup_message_headers_get_one (headers, "request-id");
  const char *client_request_id = soup_message_headers_get_one (headers, "client-request-id");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "innerError");
  json_builder_begin_object (builder);
  sandbox_json_add_time (builder, "date", g_get_real_time ());
  json_builder_set_member_name (builder, "request-id");
  json_builder_add_string_value (builder, request_id);
  json_builder_set_member_name (builder, "client-request-id");
  json_builder_add_string_value (builder, client_request_id ? client_request_id : request_id);
  if (inner_extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, inner_extra);
      while (json_object_iter_next (&iter, &name, &node))
        {
          json_builder_set_member_name (builder, name);
          json_builder_add_value (builder, json_node_copy (node));
        }
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  sandbox_respond_json (msg, status, root);
}

void
sandbox_respond_error (SoupServerMessage *msg,
                       guint              status,
                       const char        *code,
                       const char        *message)
{
  sandbox_respond_error_full (msg, status, code, message, NULL);
}

void
sandbox_respond_oauth_error (SoupServerMessage *msg,
                             guint              status,
                             const char        *error,
                             const char        *description)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *request_id = soup_message_headers_get_one (headers, "request-id");
  const char *client_request_id = soup_message_headers_get_one (headers, "client-request-id");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = sandbox_format_time (g_get_real_time ());

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "trace_id");
  json_builder_add_string_value (builder, request_id);
  json_builder_set_member_name (builder, "correlation_id");
  json_builder_add_string_value (builder, client_request_id ? client_request_id : request_id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Pragma", "no-cache");
  sandbox_respond_json (msg, status, root);
}

void
sandbox_respond_html (SoupServerMessage *msg,
                      guint              status,
                      const char        *title,
                      const char        *body_html)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  char *page = NULL;

  page = g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html lang=\"en\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%s — Porta sandbox</title>\n"
                          "<style>\n"
                          "body{font-family:Cantarell,system-ui,sans-serif;background:#f6f5f4;color:#241f31;margin:0}\n"
                          "main{max-width:26rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;"
                          "box-shadow:0 1px 3px rgba(0,0,0,.15)}\n"
                          "h1{font-size:1.4rem;margin-top:0}\n"
                          "button,input{font:inherit;padding:.5rem .9rem;border-radius:6px;border:1px solid #c0bfbc}\n"
                          "button.primary{background:#3584e4;color:#fff;border-color:#1c71d8}\n"
                          ".actions{display:flex;gap:.6rem;margin-top:1.2rem}\n"
                          ".note{color:#5e5c64;font-size:.9rem}\n"
                          ".error{color:#c01c28}\n"
                          "</style>\n"
                          "</head>\n"
                          "<body><main>\n<h1>%s</h1>\n%s\n</main></body>\n"
                          "</html>\n",
                          escaped_title, escaped_title, body_html);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  sandbox_respond_body (msg, status, "text/html;charset=utf-8", page, strlen (page));
}

void
sandbox_respond_redirect (SoupServerMessage *msg,
                          const char        *location)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Location", location);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  sandbox_respond_empty (msg, SOUP_STATUS_FOUND);
}

JsonNode *
sandbox_request_json (SoupServerMessage *msg,
                      GError           **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           "The request body is empty.");
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "The request body is not valid UTF-8.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

GHashTable *
sandbox_request_form (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  text = g_strndup (data ? data : "", length);
  return soup_form_decode (text);
}

/* OData system query options are case-insensitive in Microsoft Graph
 * ($top, $Top), so look them up that way. */
const char *
sandbox_query_get (GHashTable *query,
                   const char *key)
{
  GHashTableIter iter;
  gpointer k, v;

  if (query == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &k, &v))
    if (g_ascii_strcasecmp (k, key) == 0)
      return v;

  return NULL;
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint      *out)
{
  guint64 value = 0;

  if (text == NULL || text[0] == '\0' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  value = g_ascii_strtoull (text, NULL, 10);
  if (value > max)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

gboolean
sandbox_query_paging (SoupServerMessage *msg,
                      GHashTable        *query,
                      guint              default_top,
                      guint              max_top,
                      guint             *top,
                      guint             *skip)
{
  const char *top_text = sandbox_query_get (query, "$top");
  const char *skip_text = sandbox_query_get (query, "$skip");

  *top = default_top;
  *skip = 0;

  if (top_text != NULL)
    {
      guint value = 0;

      if (!parse_count (top_text, G_MAXINT32, &value) || value < 1 || value > max_top)
        {
          g_autofree char *message =
            g_strdup_printf ("Invalid value for $top: it must be a whole number from 1 to %u.",
                             max_top);
          sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message);
          return FALSE;
        }
      *top = value;
    }

  if (skip_text != NULL && !parse_count (skip_text, G_MAXINT32, skip))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "Invalid value for $skip: it must be a whole number, 0 or more.");
      return FALSE;
    }

  return TRUE;
}

char *
sandbox_next_link (const char *base_url,
                   const char *path,
                   guint       top,
                   guint       skip,
                   const char *filter)
{
  GString *link = g_string_new (base_url);

  g_string_append (link, path);
  if (filter != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (filter, NULL, FALSE);

      g_string_append_printf (link, "?$filter=%s&", escaped);
    }
  else
    {
      g_string_append_c (link, '?');
    }
  g_string_append_printf (link, "$top=%u&$skip=%u", top, skip);

  return g_string_free (link, FALSE);
}

char *
sandbox_format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
sandbox_parse_time (const char *text,
                    gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL)
    return FALSE;
  /* Only a full date and time with a zone: a bare date is ambiguous */
  if (strlen (text) < 20 || text[10] != 'T')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  return TRUE;
}

void
sandbox_json_append_string (GString    *out,
                            const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
sandbox_json_add_time (JsonBuilder *builder,
                       const char  *member,
                       gint64       usec)
{
  json_builder_set_member_name (builder, member);
  if (usec == 0)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *text = sandbox_format_time (usec);

      json_builder_add_string_value (builder, text);
    }
}

char *
sandbox_base64url_encode (const guint8 *data,
                          gsize         length)
{
  char *text = g_base64_encode (data, length);
  gsize end = strlen (text);

  while (end > 0 && text[end - 1] == '=')
    text[--end] = '\0';
  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  return text;
}

guint8 *
sandbox_base64url_decode (const char *text,
                          gsize      *length)
{
  GString *padded = g_string_new (NULL);
  guint8 *data = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (padded, *p);
      else if (*p == '-')
        g_string_append_c (padded, '+');
      else if (*p == '_')
        g_string_append_c (padded, '/');
      else
        {
          g_string_free (padded, TRUE);
          return NULL;
        }
    }
  if (padded->len % 4 == 1)
    {
      g_string_free (padded, TRUE);
      return NULL;
    }
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  data = g_base64_decode (padded->str, length);
  g_string_free (padded, TRUE);
  return data;
}

/* Tokens, codes and secrets come from the kernel's CSPRNG: GRand is
 * predictable, and a sandbox token is still a bearer token on loopback. */
char *
sandbox_random_token (gsize n_bytes)
{
  g_autofree guint8 *bytes = g_malloc (n_bytes);
  gsize done = 0;

  while (done < n_bytes)
    {
      ssize_t got = getrandom (bytes + done, n_bytes - done, 0);

      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom failed: %s", g_strerror (errno));
        }
      done += (gsize) got;
    }

  return sandbox_base64url_encode (bytes, n_bytes);
}

/* splitmix64: the demo data is a pure function of the seed and an index */
guint64
sandbox_hash64 (guint64 a,
                guint64 b)
{
  guint64 z = a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL;

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void
sandbox_format_guid (guint64 seed,
                     guint64 which,
                     char    out[37])
{
  guint64 hi = sandbox_hash64 (seed, which * 2 + 1);
  guint64 lo = sandbox_hash64 (seed ^ 0x5a5a5a5a5a5a5a5aULL, which * 2 + 2);

  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (hi >> 32),
              (guint) ((hi >> 16) & 0xffff),
              (guint) (hi & 0x0fff),
              (guint) (0x8000 | ((lo >> 48) & 0x3fff)),
              lo & G_GUINT64_CONSTANT (0xffffffffffff));
}
