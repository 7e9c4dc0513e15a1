/* porta-http.c — HTTP plumbing shared by the API client and sign-in
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "porta-error.h"
#include "porta-http.h"
#include "porta-pin.h"

/* Idle and I/O time-out for every request, connecting included. */
#define PORTA_HTTP_TIMEOUT_S 30

/**
 * porta_http_session_new:
 *
 * Returns: (transfer full): the one #SoupSession a client or sign-in
 *   uses: Porta's User-Agent, time-outs, no cookies, no proxy surprises
 *   (the system's proxy settings apply, as for any GNOME application)
 */
SoupSession *
porta_http_session_new (void)
{
  return g_object_new (SOUP_TYPE_SESSION,
                       "user-agent", "Porta/" PACKAGE_VERSION,
                       "timeout", PORTA_HTTP_TIMEOUT_S,
                       "idle-timeout", 60,
                       "max-conns-per-host", 4,
                       NULL);
}

/**
 * porta_http_uri_is_loopback:
 * @uri: a #GUri
 *
 * Whether @uri's host is a loopback IP literal: 127.0.0.0/8 or ::1. A
 * name such as `localhost` is not trusted: it could resolve elsewhere.
 */
gboolean
porta_http_uri_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * porta_http_check_uri:
 * @uri: where a request is about to go
 * @error: return location for a %PORTA_ERROR_INSECURE_URL
 *
 * Porta speaks `https://` to everyone, and plain `http://` only to the
 * loopback interface (the sandbox, the sign-in redirect listener).
 */
gboolean
porta_http_check_uri (GUri    *uri,
                      GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0 && g_uri_get_host (uri) != NULL)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && porta_http_uri_is_loopback (uri))
    return TRUE;

  {
    g_autofree char *text = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD | G_URI_HIDE_QUERY);
    g_autofree char *message = NULL;

    /* Translators: %s is a web address such as http://example.com */
    message = g_strdup_printf (_("Porta only connects to secure (https://) addresses, and “%s” is not one."),
                               text);
    g_debug ("refusing insecure URL %s", text);
    g_propagate_error (error, porta_error_new_detailed (PORTA_ERROR_INSECURE_URL, 0, NULL, NULL, NULL, message));
  }
  return FALSE;
}

/**
 * porta_http_parse_uri:
 * @uri: an address, as typed or configured
 * @error: return location for an error
 *
 * Parses @uri and checks it with porta_http_check_uri().
 *
 * Returns: (transfer full) (nullable): the parsed address
 */
GUri *
porta_http_parse_uri (const char  *uri,
                      GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) local_error = NULL;

  parsed = g_uri_parse (uri ? uri : "", SOUP_HTTP_URI_FLAGS, &local_error);
  if (parsed == NULL)
    {
      /* Translators: %s is what was given as a web address */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid web address."), uri ? uri : "");

      g_debug ("bad URL: %s", local_error->message);
      g_propagate_error (error, porta_error_new_detailed (PORTA_ERROR_INSECURE_URL, 0, NULL, NULL, NULL, message));
      return NULL;
    }

  if (!porta_http_check_uri (parsed, error))
    return NULL;

  return g_steal_pointer (&parsed);
}

/**
 * porta_http_error_from_transport:
 * @error: what libsoup or GIO reported
 * @client_request_id: (nullable): the request's id, for the details
 *
 * Returns: (transfer full): @error in %PORTA_ERROR, or a copy of it when it
 *   is a cancellation (which stays %G_IO_ERROR_CANCELLED)
 */
GError *
porta_http_error_from_transport (const GError *error,
                                 const char   *client_request_id)
{
  PortaError code = PORTA_ERROR_NETWORK;
  const char *message;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("transport error: %s (%s %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  if (error->domain == G_TLS_ERROR)
    {
      code = PORTA_ERROR_TLS;
      message = _("The server’s identity could not be verified, so Porta did not connect. "
                  "Check the address and the system date, or ask your network administrator.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = PORTA_ERROR_TIMEOUT;
      message = _("The server took too long to answer. Try again in a moment.");
    }
  else if (error->domain == SOUP_SESSION_ERROR)
    {
      code = PORTA_ERROR_INVALID_RESPONSE;
      message = _("The server sent an answer Porta could not understand.");
    }
  else
    {
      message = _("Could not reach the server. Check your internet connection and try again.");
    }

  {
    GError *mapped = porta_error_new_detailed (code, 0, NULL, NULL, client_request_id, message);

    /* A connection that broke under a request is worth one more try for
     * a request that is safe to repeat; the client reads this reason. */
    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
        g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
        g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
      porta_error_set_reason (mapped, "connection-reset");
    return mapped;
  }
}

static const char *
message_for_status (PortaError code)
{
  switch (code)
    {
    case PORTA_ERROR_UNAUTHORIZED:
      return _("Your sign-in has expired or was revoked. Sign in again to continue.");
    case PORTA_ERROR_FORBIDDEN:
      return _("Your account is not allowed to do this. Ask for the Teams telephony "
               "administrator role, or sign in with permission to make changes.");
    case PORTA_ERROR_NOT_FOUND:
      return _("It is no longer there: someone may have removed it. Refresh and try again.");
    case PORTA_ERROR_CONFLICT:
      return _("This can no longer be done: it has changed in the meantime. Refresh to see where it stands.");
    case PORTA_ERROR_THROTTLED:
      return _("The server is busy with too many requests. Try again in a minute.");
    case PORTA_ERROR_SERVER:
      return _("The server ran into a problem. Try again in a moment.");
    case PORTA_ERROR_INVALID_REQUEST:
      return _("The server did not accept the request. Check what you entered.");
    case PORTA_ERROR_PIN_CANNOT_BE_CLEARED:
      return _("Once set, the PIN can be changed but not removed.");
    case PORTA_ERROR_PIN_NOT_SET:
      return _("No port-out PIN has been set yet.");
    case PORTA_ERROR_NOT_OFFERED:
      return _("This server offers no way to do this. On Microsoft 365 it is done in the Teams admin center.");
    case PORTA_ERROR_INVALID_RESPONSE:
    default:
      return _("The server sent an answer Porta could not understand.");
    }
}

/* Microsoft Graph's answer for a path segment it does not know: 400,
 * `BadRequest` (or the older `RequestBroker--ParseUri`) and a message
 * that starts "Resource not found for the segment". Graph asks clients
 * not to branch on `message`, but nothing else tells "no such API" from
 * any other bad request, so only its documented start is read
 * (docs/admin-api.md, §7). */
static gboolean
is_unknown_segment (guint       status,
                    const char *graph_code,
                    const char *server_message)
{
  return status == 400 &&
         (g_strcmp0 (graph_code, "BadRequest") == 0 ||
          g_strcmp0 (graph_code, "RequestBroker--ParseUri") == 0) &&
         server_message != NULL &&
         g_str_has_prefix (server_message, "Resource not found for the segment");
}

static PortaError
code_for_response (guint       status,
                   const char *graph_code,
                   const char *server_message)
{
  if (is_unknown_segment (status, graph_code, server_message))
    return PORTA_ERROR_NOT_OFFERED;
  if (status == 400)
    {
      if (g_strcmp0 (graph_code, "invalidPin") == 0)
        return PORTA_ERROR_INVALID_PIN;
      if (g_strcmp0 (graph_code, "pinCannotBeCleared") == 0)
        return PORTA_ERROR_PIN_CANNOT_BE_CLEARED;
      return PORTA_ERROR_INVALID_REQUEST;
    }
  if (status == 401)
    return PORTA_ERROR_UNAUTHORIZED;
  if (status == 403)
    return PORTA_ERROR_FORBIDDEN;
  if (status == 404)
    return g_strcmp0 (graph_code, "pinNotSet") == 0 ? PORTA_ERROR_PIN_NOT_SET : PORTA_ERROR_NOT_FOUND;
  if (status == 409 || status == 412)
    return PORTA_ERROR_CONFLICT;
  if (status == 429)
    return PORTA_ERROR_THROTTLED;
  if (status >= 500)
    return PORTA_ERROR_SERVER;
  return PORTA_ERROR_INVALID_RESPONSE;
}

static PortaPinCheck
pin_check_for_reason (const char *reason)
{
  if (g_strcmp0 (reason, "empty") == 0)
    return PORTA_PIN_EMPTY;
  if (g_strcmp0 (reason, "tooShort") == 0)
    return PORTA_PIN_TOO_SHORT;
  if (g_strcmp0 (reason, "tooLong") == 0)
    return PORTA_PIN_TOO_LONG;
  return PORTA_PIN_NOT_DIGITS;
}

/**
 * porta_http_error_from_response:
 * @message: a message whose status is not a success
 * @body: (nullable): the response body
 * @client_request_id: (nullable): the id Porta sent
 *
 * Turns an error response, in Graph's shape or OAuth's, into a
 * %PORTA_ERROR with a message for a person and the facts kept aside.
 * Code is matched against `error.code`, never against `error.message`.
 *
 * Returns: (transfer full): the error
 */
GError *
porta_http_error_from_response (SoupMessage *message,
                                GBytes      *body,
                                const char  *client_request_id)
{
  guint status = soup_message_get_status (message);
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *graph_code = NULL;
  const char *server_message = NULL;
  const char *reason = NULL;
  const char *request_id = soup_message_headers_get_one (headers, "request-id");
  JsonArray *details = NULL;
  PortaError code;
  GError *error;
  gconstpointer data = NULL;
  gsize length = 0;

  if (body != NULL)
    data = g_bytes_get_data (body, &length);

  if (length > 0 && json_parser_load_from_data (parser, data, length, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonNode *error_node = json_object_get_member (root, "error");

      if (error_node != NULL && JSON_NODE_HOLDS_OBJECT (error_node))
        {
          JsonObject *error_object = json_node_get_object (error_node);
          JsonNode *inner = json_object_get_member (error_object, "innerError");

          graph_code = json_object_get_string_member_with_default (error_object, "code", NULL);
          server_message = json_object_get_string_member_with_default (error_object, "message", NULL);
          if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
            {
              JsonObject *inner_object = json_node_get_object (inner);
              JsonNode *details_node = json_object_get_member (inner_object, "details");

              reason = json_object_get_string_member_with_default (inner_object, "reason", NULL);
              if (request_id == NULL)
                request_id = json_object_get_string_member_with_default (inner_object, "request-id", NULL);
              if (details_node != NULL && JSON_NODE_HOLDS_ARRAY (details_node))
                details = json_node_get_array (details_node);
            }
        }
      else if (error_node != NULL && JSON_NODE_HOLDS_VALUE (error_node) &&
               json_node_get_value_type (error_node) == G_TYPE_STRING)
        {
          /* OAuth 2.0's shape: {"error": "invalid_grant", "error_description": …} */
          graph_code = json_node_get_string (error_node);
          server_message = json_object_get_string_member_with_default (root, "error_description", NULL);
        }
    }

  code = code_for_response (status, graph_code, server_message);
  if (code == PORTA_ERROR_INVALID_PIN)
    error = porta_error_new_detailed (code, status, graph_code, request_id, client_request_id,
                                      porta_pin_check_message (pin_check_for_reason (reason)));
  else
    error = porta_error_new_detailed (code, status, graph_code, request_id, client_request_id,
                                      message_for_status (code));

  if (reason != NULL)
    porta_error_set_reason (error, reason);

  for (guint i = 0; details != NULL && i < json_array_get_length (details); i++)
    {
      JsonNode *node = json_array_get_element (details, i);
      JsonObject *detail;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      detail = json_node_get_object (node);
      porta_error_add_field_error (error,
                                   json_object_get_string_member_with_default (detail, "target", NULL),
                                   json_object_get_string_member_with_default (detail, "code", NULL),
                                   json_object_get_string_member_with_default (detail, "message", NULL));
    }

  g_debug ("HTTP %u: code=%s message=%s request-id=%s client-request-id=%s",
           status, graph_code ? graph_code : "-", server_message ? server_message : "-",
           request_id ? request_id : "-", client_request_id ? client_request_id : "-");

  return error;
}

/**
 * porta_http_parse_retry_after:
 * @message: a response
 *
 * Reads `Retry-After`, as seconds or as an HTTP date (RFC 9110 §10.2.3).
 *
 * Returns: the wait in milliseconds, 0 for "now", or -1 when absent or
 *   unreadable
 */
gint64
porta_http_parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  guint64 seconds;
  char *end = NULL;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end != NULL && *end == '\0' && seconds < G_MAXINT32)
        return (gint64) seconds * 1000;
      return -1;
    }

  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    GTimeSpan span;

    if (when == NULL)
      return -1;
    span = g_date_time_difference (when, now);
    return span > 0 ? span / 1000 : 0;
  }
}

/**
 * porta_http_debug_enabled:
 *
 * Whether `PORTA_DEBUG` asks for HTTP logging (`PORTA_DEBUG=http`, or a
 * comma-separated list that includes `http`).
 */
gboolean
porta_http_debug_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    {
      const GDebugKey keys[] = { { "http", 1 } };
      enabled = (g_parse_debug_string (g_getenv ("PORTA_DEBUG"), keys, G_N_ELEMENTS (keys)) & 1) != 0;
    }
  return enabled;
}

static gboolean
is_secret_key (const char *key,
               gboolean    form)
{
  static const char * const secret_keys[] = {
    "pin", "carrierPin", "access_token", "refresh_token", "id_token",
    "device_code", "user_code", "code_verifier", "password", "client_secret",
    "assertion", "token",
  };

  /* In a form body "code" is an authorization code; in JSON it is Graph's
   * error code, which the log needs. */
  if (form && g_ascii_strcasecmp (key, "code") == 0)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (secret_keys); i++)
    if (g_ascii_strcasecmp (key, secret_keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
redact_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;

          if (is_secret_key (key, FALSE))
            json_object_set_string_member (object, key, "[redacted]");
          else
            redact_node (json_object_get_member (object, key));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        redact_node (json_array_get_element (array, i));
    }
}

/**
 * porta_http_redact_body:
 * @body: a request or response body
 * @length: its length in bytes
 *
 * Replaces every secret value in a JSON or form-encoded body with
 * `[redacted]`. Anything it cannot read is withheld whole.
 *
 * Returns: (transfer full): text that is safe to log
 */
char *
porta_http_redact_body (const char *body,
                        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (body == NULL || length == 0)
    return g_strdup ("");

  if (json_parser_load_from_data (parser, body, length, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);

      redact_node (root);
      return json_to_string (root, FALSE);
    }

  /* application/x-www-form-urlencoded: key=value&key=value */
  if (g_utf8_validate (body, length, NULL) && memchr (body, '=', length) != NULL &&
      memchr (body, '\n', length) == NULL)
    {
      g_autofree char *copy = g_strndup (body, length);
      g_auto(GStrv) pairs = g_strsplit (copy, "&", -1);
      GString *out = g_string_new (NULL);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          char *eq = strchr (pairs[i], '=');
          g_autofree char *key = eq ? g_uri_unescape_segment (pairs[i], eq, NULL) : NULL;

          if (i > 0)
            g_string_append_c (out, '&');
          if (key != NULL && is_secret_key (key, TRUE))
            g_string_append_printf (out, "%.*s=[redacted]", (int) (eq - pairs[i]), pairs[i]);
          else
            g_string_append (out, pairs[i]);
        }
      porta_pin_wipe (copy, length);
      return g_string_free (out, FALSE);
    }

  return g_strdup_printf ("[%" G_GSIZE_FORMAT " bytes withheld]", length);
}

static void
log_headers (const char         *prefix,
             SoupMessageHeaders *headers)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      gboolean secret = g_ascii_strcasecmp (name, "Authorization") == 0 ||
                        g_ascii_strcasecmp (name, "Cookie") == 0 ||
                        g_ascii_strcasecmp (name, "Set-Cookie") == 0;

      g_message ("%s %s: %s", prefix, name, secret ? "[redacted]" : value);
    }
}

/**
 * porta_http_log_request:
 * @message: a request about to be sent
 * @body: (nullable): its body as text
 * @body_is_secret: whether the body must not be logged at all
 *
 * Logs the request when `PORTA_DEBUG=http`, with the Authorization
 * header, tokens, codes and PINs redacted.
 */
void
porta_http_log_request (SoupMessage *message,
                        const char  *body,
                        gboolean     body_is_secret)
{
  g_autofree char *uri = NULL;

  if (!porta_http_debug_enabled ())
    return;

  uri = g_uri_to_string_partial (soup_message_get_uri (message), G_URI_HIDE_PASSWORD);
  g_message ("> %s %s", soup_message_get_method (message), uri);
  log_headers (">", soup_message_get_request_headers (message));
  if (body != NULL && body_is_secret)
    g_message ("> [%" G_GSIZE_FORMAT " bytes withheld]", strlen (body));
  else if (body != NULL)
    {
      g_autofree char *safe = porta_http_redact_body (body, strlen (body));
      g_message ("> %s", safe);
    }
}

/**
 * porta_http_log_response:
 * @message: a message with its response
 * @body: (nullable): the response body
 * @body_is_secret: whether the body must not be logged at all
 */
void
porta_http_log_response (SoupMessage *message,
                         GBytes      *body,
                         gboolean     body_is_secret)
{
  gsize length = 0;
  const char *data = NULL;

  if (!porta_http_debug_enabled ())
    return;

  if (body != NULL)
    data = g_bytes_get_data (body, &length);

  g_message ("< %u %s", soup_message_get_status (message),
             soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "");
  log_headers ("<", soup_message_get_response_headers (message));
  if (length > 0 && body_is_secret)
    g_message ("< [%" G_GSIZE_FORMAT " bytes withheld]", length);
  else if (length > 4096)
    g_message ("< [%" G_GSIZE_FORMAT " bytes]", length);
  else if (length > 0)
    {
      g_autofree char *safe = porta_http_redact_body (data, length);
      g_message ("< %s", safe);
    }
}

typedef struct
{
  SoupMessage *message;
  gboolean     response_is_secret;
} SendState;

static void
send_state_free (SendState *state)
{
  g_clear_object (&state->message);
  g_free (state);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *client_request_id;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  client_request_id = soup_message_headers_get_one (soup_message_get_request_headers (state->message),
                                                    "client-request-id");
  if (body == NULL)
    {
      if (porta_http_debug_enabled () && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("< transport error: %s", error->message);

      /* Headers arrived, then the body was cut short: the answer is
       * unusable, which is not the same as an unreachable server. */
      if (soup_message_get_status (state->message) != SOUP_STATUS_NONE &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        {
          g_debug ("response cut short: %s", error->message);
          g_task_return_error (task, porta_error_new_detailed (PORTA_ERROR_INVALID_RESPONSE,
                                                               soup_message_get_status (state->message),
                                                               NULL, NULL, client_request_id,
                                                               _("The server’s answer was cut short. Try again.")));
          return;
        }

      g_task_return_error (task, porta_http_error_from_transport (error, client_request_id));
      return;
    }

  porta_http_log_response (state->message, body, state->response_is_secret);
  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

/**
 * porta_http_send_async:
 * @session: the session
 * @message: the request; its body, if any, is already set
 * @response_is_secret: whether the response body must never be logged
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the whole response is read
 * @user_data: data for @callback
 *
 * Sends @message and reads the whole response. Only transport problems
 * are errors here: the caller checks the HTTP status itself.
 */
void
porta_http_send_async (SoupSession         *session,
                       SoupMessage         *message,
                       gboolean             response_is_secret,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendState *state;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_http_send_async);

  state = g_new0 (SendState, 1);
  state->message = g_object_ref (message);
  state->response_is_secret = response_is_secret;
  g_task_set_task_data (task, state, (GDestroyNotify) send_state_free);

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

/**
 * porta_http_send_finish:
 *
 * Returns: (transfer full) (nullable): the response body, whatever the
 *   HTTP status
 */
GBytes *
porta_http_send_finish (SoupSession   *session,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_http_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  guint         source_id;
  gulong        cancelled_id;
  GCancellable *cancellable;
} WaitState;

static void
wait_state_free (WaitState *state)
{
  g_clear_handle_id (&state->source_id, g_source_remove);
  if (state->cancellable != NULL && state->cancelled_id != 0)
    g_cancellable_disconnect (state->cancellable, state->cancelled_id);
  g_clear_object (&state->cancellable);
  g_free (state);
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  WaitState *state = g_task_get_task_data (task);

  state->source_id = 0;
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  WaitState *state = g_task_get_task_data (task);

  if (state->source_id != 0)
    {
      g_clear_handle_id (&state->source_id, g_source_remove);
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);  /* the timeout's reference */
    }
  return G_SOURCE_REMOVE;
}

/**
 * porta_http_idle_in_task_context:
 * @task: a task
 * @func: what to run
 *
 * Runs @func with a reference to @task from an idle in the task's main
 * context, never right away. For "cancelled" handlers: the signal may
 * come from another thread, and g_cancellable_disconnect() deadlocks if
 * it is called from within the handler itself.
 */
void
porta_http_idle_in_task_context (GTask       *task,
                                 GSourceFunc  func)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

static void
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  porta_http_idle_in_task_context (G_TASK (user_data), wait_cancelled_idle_cb);
}

/**
 * porta_http_wait_async:
 * @milliseconds: how long to wait
 * @cancellable: (nullable): cancels the wait at once
 *
 * A cancellable pause, for retries and polling.
 */
void
porta_http_wait_async (guint                milliseconds,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  WaitState *state = g_new0 (WaitState, 1);

  g_task_set_source_tag (task, porta_http_wait_async);
  g_task_set_task_data (task, state, (GDestroyNotify) wait_state_free);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* the timeout holds the task; the cancelled handler only looks at it */
  state->source_id = g_timeout_add (milliseconds, wait_timeout_cb, task);
  if (cancellable != NULL)
    {
      state->cancellable = g_object_ref (cancellable);
      state->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (wait_cancelled_cb), task, NULL);
    }
}

gboolean
porta_http_wait_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
