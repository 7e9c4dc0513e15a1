/* sandbox-server.c — porta-sandbox: routing, request ids, faults, logging
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>

#include "sandbox-auth.h"
#include "sandbox-faults.h"
#include "sandbox-http.h"
#include "sandbox-numbers.h"
#include "sandbox-orders.h"
#include "sandbox-people.h"
#include "sandbox-pin.h"
#include "sandbox-server.h"
#include "sandbox-state.h"

#define STATE_VERSION 1

const SandboxUser *
sandbox_demo_user (void)
{
  static const SandboxUser user = {
    "Giulia Ferraro",
    "admin@contoso.example",
    "6f1c2a4e-8b3d-4c5e-9a7f-1d2e3f4a5b6c",
  };

  return &user;
}

static gboolean
load_state (SandboxServer  *self,
            JsonNode       *root,
            GError        **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *pin = json_object_get_member (object, "portOutPin");
  JsonNode *orders = json_object_get_member (object, "portOrders");

  if (json_object_get_int_member_with_default (object, "version", 0) != STATE_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The state file %s is of an unknown version; it was left as it is",
                   self->state_path);
      return FALSE;
    }
  if (pin != NULL && JSON_NODE_HOLDS_OBJECT (pin)
      && !sandbox_pin_load_state (self->pin, json_node_get_object (pin), error))
    return FALSE;
  if (orders != NULL && JSON_NODE_HOLDS_ARRAY (orders)
      && !sandbox_orders_load_state (self, json_node_get_array (orders), error))
    return FALSE;
  return TRUE;
}

SandboxServer *
sandbox_server_new (const SandboxOptions  *options,
                    GError               **error)
{
  g_autoptr(SandboxServer) self = g_new0 (SandboxServer, 1);
  g_autoptr(JsonNode) state = NULL;
  char guid[37];

  self->options = *options;
  self->options.state_dir = g_strdup (options->state_dir);
  self->options.faults = g_strdup (options->faults);
  self->seed = options->seed;

  if (self->options.state_dir == NULL)
    {
      self->options.state_dir = g_dir_make_tmp ("porta-sandbox-XXXXXX", error);
      if (self->options.state_dir == NULL)
        return NULL;
    }
  else if (g_mkdir_with_parents (self->options.state_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not create the state directory %s: %s",
                   self->options.state_dir, g_strerror (saved));
      return NULL;
    }
  self->state_path = g_build_filename (self->options.state_dir, "state.json", NULL);

  state = sandbox_state_read (self->state_path, error);
  if (state == NULL && error != NULL && *error != NULL)
    return NULL;

  /* the demo tenant a state file was made with stays the same tenant */
  if (state != NULL)
    self->seed = (guint64) json_object_get_int_member_with_default (json_node_get_object (state),
                                                                   "seed", (gint64) options->seed);

  sandbox_format_guid (self->seed, 7, guid);
  self->tenant_id = g_strdup (guid);
  self->numbers = sandbox_numbers_new (self->seed, self->tenant_id, options->n_numbers);
  self->people = sandbox_people_new (self->numbers, self->tenant_id);
  self->pin = sandbox_pin_new ();
  self->orders = sandbox_orders_new ();
  self->auth = sandbox_auth_new ();

  if (options->faults != NULL)
    {
      self->faults = sandbox_faults_new (options->faults, options->seed, error);
      if (self->faults == NULL)
        return NULL;
    }

  if (state != NULL)
    {
      if (!load_state (self, state, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

void
sandbox_server_free (SandboxServer *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  sandbox_auth_free (self->auth);
  sandbox_numbers_free (self->numbers);
  sandbox_people_free (self->people);
  sandbox_orders_free (self->orders);
  sandbox_pin_free (self->pin);
  sandbox_faults_free (self->faults);
  g_free (self->options.state_dir);
  g_free (self->options.faults);
  g_free (self->base_url);
  g_free (self->state_path);
  g_free (self->tenant_id);
  g_free (self);
}

gboolean
sandbox_server_save (SandboxServer  *self,
                     GError        **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, STATE_VERSION);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) self->seed);
  json_builder_set_member_name (b, "tenantId");
  json_builder_add_string_value (b, self->tenant_id);
  sandbox_json_add_time (b, "savedDateTime", g_get_real_time ());
  json_builder_set_member_name (b, "portOutPin");
  json_builder_add_value (b, sandbox_pin_to_state (self->pin));
  json_builder_set_member_name (b, "portOrders");
  json_builder_add_value (b, sandbox_orders_to_state (self->orders));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return sandbox_state_write (self->state_path, root, error);
}

static void
log_request (SoupServerMessage *msg,
             const char        *method,
             const char        *path,
             guint              status,
             gint64             started,
             const char        *note)
{
  g_autofree char *now = sandbox_format_time (g_get_real_time ());
  const char *request_id =
    soup_message_headers_get_one (soup_server_message_get_response_headers (msg), "request-id");

  /* the path only: a query string can carry a state or a challenge, and
   * a body can carry a PIN or a code; none of them is logged */
  g_printerr ("%s %s %s %u %.1fms request-id=%s%s%s\n",
              now, method, path, status,
              (g_get_monotonic_time () - started) / 1000.0,
              request_id, note ? " " : "", note ? note : "");
}

static void
respond_forbidden (SoupServerMessage *msg)
{
  sandbox_respond_error (msg, SOUP_STATUS_FORBIDDEN, "Authorization_RequestDenied",
                         "Insufficient privileges to complete the operation.");
}

static void
respond_method_not_allowed (SoupServerMessage *msg,
                            const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  sandbox_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "methodNotAllowed",
                         "The HTTP method is not allowed on this resource.");
}

typedef enum
{
  ROUTE_NONE,
  ROUTE_NUMBERS,
  ROUTE_NUMBER,
  ROUTE_ORDERS,
  ROUTE_ORDER,
  ROUTE_ORDER_CANCEL,
  ROUTE_PIN,
  ROUTE_PIN_REVEAL,
  ROUTE_PIN_AUDIT,
  ROUTE_CAPABILITIES,
  ROUTE_PEOPLE,
} Route;

static Route
route_of (const char  *path,
          char       **id)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  *id = NULL;
  if (strcmp (path, SANDBOX_PEOPLE_PATH) == 0)
    return ROUTE_PEOPLE;
  if (!g_str_has_prefix (path, SANDBOX_API_ROOT "/"))
    return ROUTE_NONE;
  parts = g_strsplit (path + strlen (SANDBOX_API_ROOT "/"), "/", 5);
  n = g_strv_length (parts);
  if (n >= 1 && n <= 3)
    for (guint i = 0; i < n; i++)
      if (parts[i][0] == '\0')
        return ROUTE_NONE;

  if (n == 1 && strcmp (parts[0], "numberAssignments") == 0)
    return ROUTE_NUMBERS;
  if (n == 2 && strcmp (parts[0], "numberAssignments") == 0)
    {
      *id = g_strdup (parts[1]);
      return ROUTE_NUMBER;
    }
  if (n == 1 && strcmp (parts[0], "portOrders") == 0)
    return ROUTE_ORDERS;
  if (n == 2 && strcmp (parts[0], "portOrders") == 0)
    {
      *id = g_strdup (parts[1]);
      return ROUTE_ORDER;
    }
  if (n == 3 && strcmp (parts[0], "portOrders") == 0 && strcmp (parts[2], "cancel") == 0)
    {
      *id = g_strdup (parts[1]);
      return ROUTE_ORDER_CANCEL;
    }
  if (n == 1 && strcmp (parts[0], "portOutPin") == 0)
    return ROUTE_PIN;
  if (n == 2 && strcmp (parts[0], "portOutPin") == 0 && strcmp (parts[1], "reveal") == 0)
    return ROUTE_PIN_REVEAL;
  if (n == 2 && strcmp (parts[0], "portOutPin") == 0 && strcmp (parts[1], "auditEvents") == 0)
    return ROUTE_PIN_AUDIT;
  if (n == 1 && strcmp (parts[0], "portaCapabilities") == 0)
    return ROUTE_CAPABILITIES;
  return ROUTE_NONE;
}

/* --graph-like: Microsoft Graph v1.0 has no portOutPin, portOrders or
 * portaCapabilities under telephoneNumberManagement, and its OData parser
 * answers an unknown segment with 400 BadRequest, "Resource not found for
 * the segment '…'." and an innerError (docs/admin-api.md, §7). The sandbox
 * says exactly that, so that Porta's guides can be seen and tested. */
static gboolean
answer_like_graph (SandboxServer     *self,
                   SoupServerMessage *msg,
                   const char        *path,
                   Route              route)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;

  if (!self->options.graph_like)
    return FALSE;
  switch (route)
    {
    case ROUTE_ORDERS:
    case ROUTE_ORDER:
    case ROUTE_ORDER_CANCEL:
    case ROUTE_PIN:
    case ROUTE_PIN_REVEAL:
    case ROUTE_PIN_AUDIT:
    case ROUTE_CAPABILITIES:
      break;
    case ROUTE_NONE:
    case ROUTE_NUMBERS:
    case ROUTE_NUMBER:
    default:
      return FALSE;
    }

  /* Graph names the first segment it does not know */
  parts = g_strsplit (path + strlen (SANDBOX_API_ROOT "/"), "/", 2);
  message = g_strdup_printf ("Resource not found for the segment '%s'.", parts[0]);
  sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "BadRequest", message);
  return TRUE;
}

/* GET portaCapabilities: which parts of Porta's contract this server
 * offers (docs/admin-api.md, §7); the sandbox offers them all. */
static void
handle_capabilities (SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "numberAssignments");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "portOutPin");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "portOrders");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
handle_api (SandboxServer     *self,
            SoupServerMessage *msg,
            const char        *method,
            const char        *path,
            GHashTable        *query)
{
  SandboxCaller caller = { 0, NULL };
  g_autofree char *id = NULL;
  Route route;
  gboolean get = strcmp (method, "GET") == 0;
  gboolean post = strcmp (method, "POST") == 0;
  gboolean put = strcmp (method, "PUT") == 0;
  gboolean patch = strcmp (method, "PATCH") == 0;
  const char *allow = NULL;
  gboolean write = !get;

  if (!sandbox_auth_check_bearer (self, msg, &caller))
    return;

  route = route_of (path, &id);
  switch (route)
    {
    case ROUTE_NUMBERS:
    case ROUTE_NUMBER:
    case ROUTE_PIN_AUDIT:
    case ROUTE_CAPABILITIES:
    case ROUTE_PEOPLE:
      if (!get)
        allow = "GET";
      break;
    case ROUTE_ORDERS:
      if (!get && !post)
        allow = "GET, POST";
      break;
    case ROUTE_ORDER:
      if (!get && !patch)
        allow = "GET, PATCH";
      break;
    case ROUTE_ORDER_CANCEL:
    case ROUTE_PIN_REVEAL:
      if (!post)
        allow = "POST";
      break;
    case ROUTE_PIN:
      if (!get && !put)
        allow = "GET, PUT";
      break;
    case ROUTE_NONE:
    default:
      sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "itemNotFound",
                             "Resource not found for the segment.");
      return;
    }

  if (answer_like_graph (self, msg, path, route))
    return;

  if (allow != NULL)
    {
      respond_method_not_allowed (msg, allow);
      return;
    }

  /* people need their own permission, and the numbers' does not give it */
  if (route == ROUTE_PEOPLE)
    {
      if (!(caller.scopes & SANDBOX_SCOPE_PEOPLE))
        sandbox_respond_error (msg, SOUP_STATUS_FORBIDDEN, "Forbidden",
                               "Insufficient privileges to complete the operation: "
                               "the token lacks TeamsUserConfiguration.Read.All.");
      else
        sandbox_people_handle_list (self, msg, query);
      return;
    }

  /* ReadWrite implies Read; a read-only token is refused every write */
  if (!(caller.scopes & SANDBOX_SCOPE_READ) || (write && !(caller.scopes & SANDBOX_SCOPE_WRITE)))
    {
      respond_forbidden (msg);
      return;
    }

  switch (route)
    {
    case ROUTE_NUMBERS:
      sandbox_numbers_handle_list (self, msg, query);
      break;
    case ROUTE_NUMBER:
      sandbox_numbers_handle_get (self, msg, id);
      break;
    case ROUTE_ORDERS:
      if (get)
        sandbox_orders_handle_list (self, msg, query);
      else
        sandbox_orders_handle_create (self, msg, &caller);
      break;
    case ROUTE_ORDER:
      if (get)
        sandbox_orders_handle_get (self, msg, id);
      else
        sandbox_orders_handle_patch (self, msg, id, &caller);
      break;
    case ROUTE_ORDER_CANCEL:
      sandbox_orders_handle_cancel (self, msg, id, &caller);
      break;
    case ROUTE_PIN:
      if (get)
        sandbox_pin_handle_get (self, msg);
      else
        sandbox_pin_handle_put (self, msg, &caller);
      break;
    case ROUTE_PIN_REVEAL:
      sandbox_pin_handle_reveal (self, msg, &caller);
      break;
    case ROUTE_PIN_AUDIT:
      sandbox_pin_handle_audit (self, msg, query);
      break;
    case ROUTE_CAPABILITIES:
      handle_capabilities (msg);
      break;
    case ROUTE_PEOPLE:
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
append_header_cb (const char *name,
                  const char *value,
                  gpointer    user_data)
{
  GString *out = user_data;

  if (g_ascii_strcasecmp (name, "Content-Length") == 0
      || g_ascii_strcasecmp (name, "Connection") == 0
      || g_ascii_strcasecmp (name, "Transfer-Encoding") == 0)
    return;
  g_string_append_printf (out, "%s: %s\r\n", name, value);
}

/* A connection reset: SO_LINGER 0 makes close() send RST, not FIN */
static void
fault_reset (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;
  struct linger linger = { 1, 0 };

  if (socket != NULL)
    setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

/* The headers promise the whole body; half of it comes, then the end */
static void
fault_truncate (SoupServerMessage *msg,
                GBytes            *body)
{
  g_autoptr(GIOStream) stream = NULL;
  GString *head = g_string_new (NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  guint status = soup_server_message_get_status (msg);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", status, soup_status_get_phrase (status));
  soup_message_headers_foreach (soup_server_message_get_response_headers (msg), append_header_cb, head);
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          length);
  g_string_append_len (head, data, length / 2);

  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    {
      g_output_stream_write_all (g_io_stream_get_output_stream (stream), head->str, head->len,
                                 NULL, NULL, NULL);
      g_io_stream_close (stream, NULL, NULL);
    }
  g_string_free (head, TRUE);
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static gboolean
is_sane_client_request_id (const char *value)
{
  if (value == NULL || value[0] == '\0' || strlen (value) > 128)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:{}", *p) == NULL)
      return FALSE;
  return TRUE;
}

static void
server_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SandboxServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  const char *client_request_id = soup_message_headers_get_one (request_headers, "client-request-id");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autofree char *note = NULL;
  gint64 started = g_get_monotonic_time ();
  SandboxFault fault = SANDBOX_FAULT_NONE;
  guint latency = 0;

  self->n_requests++;
  soup_message_headers_replace (response_headers, "request-id", request_id);
  if (is_sane_client_request_id (client_request_id))
    soup_message_headers_replace (response_headers, "client-request-id", client_request_id);

  if (g_str_has_prefix (path, SANDBOX_AUTHORITY_PATH "/"))
    {
      sandbox_auth_handle (self, msg, method, path, query);
    }
  else if (g_str_has_prefix (path, "/v1.0/"))
    {
      if (self->faults != NULL)
        {
          fault = sandbox_faults_next (self->faults);
          latency = sandbox_faults_latency (self->faults);
        }

      if (fault == SANDBOX_FAULT_THROTTLE || fault == SANDBOX_FAULT_UNAVAILABLE)
        {
          g_autofree char *seconds = g_strdup_printf ("%u", sandbox_faults_retry_after (self->faults));

          soup_message_headers_replace (response_headers, "Retry-After", seconds);
          if (fault == SANDBOX_FAULT_THROTTLE)
            sandbox_respond_error (msg, 429 /* Too Many Requests: libsoup has no name for it */, "TooManyRequests",
                                   "Too many requests: retry after the time in Retry-After.");
          else
            sandbox_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "serviceNotAvailable",
                                   "The service is temporarily unavailable: retry later.");
        }
      else if (fault == SANDBOX_FAULT_RESET)
        {
          log_request (msg, method, path, 0, started, "fault=reset");
          fault_reset (msg);
          return;
        }
      else
        {
          handle_api (self, msg, method, path, query);
        }

      if (fault == SANDBOX_FAULT_TRUNCATE || fault == SANDBOX_FAULT_MALFORMED)
        {
          g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));

          if (g_bytes_get_size (body) < 2)
            {
              /* nothing to spoil in an empty body: no fault after all */
              fault = SANDBOX_FAULT_NONE;
            }
          else if (fault == SANDBOX_FAULT_TRUNCATE)
            {
              log_request (msg, method, path, soup_server_message_get_status (msg), started,
                           "fault=truncate");
              fault_truncate (msg, body);
              return;
            }
          else
            {
              gsize length = 0;
              const char *data = g_bytes_get_data (body, &length);
              GString *spoiled = g_string_new_len (data, length / 2);
              const char *content_type = soup_message_headers_get_one (response_headers, "Content-Type");
              g_autofree char *type = g_strdup (content_type ? content_type : "application/json");

              /* half a JSON document followed by a stray token: never valid */
              g_string_append (spoiled, "#malformed");
              length = spoiled->len;
              soup_server_message_set_response (msg, type, SOUP_MEMORY_TAKE,
                                                g_string_free (spoiled, FALSE), length);
            }
        }
    }
  else if (strcmp (path, "/") == 0)
    {
      g_autofree char *body =
        g_strdup_printf ("{\"name\":\"porta-sandbox\",\"version\":\"%s\","
                         "\"authority\":\"%s%s\",\"api\":\"%s/v1.0\"}",
                         PACKAGE_VERSION, self->base_url, SANDBOX_AUTHORITY_PATH, self->base_url);

      gsize length = strlen (body);

      sandbox_respond_body (msg, SOUP_STATUS_OK, "application/json", g_steal_pointer (&body), length);
    }
  else
    {
      sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "itemNotFound",
                             "There is nothing at this address.");
    }

  if (fault != SANDBOX_FAULT_NONE)
    note = g_strdup_printf ("fault=%s", sandbox_fault_nick (fault));
  if (latency > 0)
    {
      g_autofree char *with_latency = g_strdup_printf ("%s%slatency=%ums", note ? note : "",
                                                       note ? " " : "", latency);

      g_free (note);
      note = g_steal_pointer (&with_latency);
      soup_server_message_pause (msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, latency, unpause_cb, g_object_ref (msg), g_object_unref);
    }
  log_request (msg, method, path, soup_server_message_get_status (msg), started, note);
}

static gboolean
tick_cb (gpointer user_data)
{
  SandboxServer *self = user_data;

  sandbox_auth_expire (self->auth);
  if (sandbox_orders_advance (self))
    {
      g_autoptr(GError) error = NULL;

      if (!sandbox_server_save (self, &error))
        g_warning ("%s", error->message);
    }
  return G_SOURCE_CONTINUE;
}

gboolean
sandbox_server_listen (SandboxServer  *self,
                       GError        **error)
{
  g_autoptr(GSList) uris = NULL;
  g_autofree char *header = g_strdup_printf ("porta-sandbox/%s ", PACKAGE_VERSION);
  gboolean fresh = FALSE;

  self->soup = soup_server_new ("server-header", header, NULL);
  soup_server_add_handler (self->soup, NULL, server_cb, self, NULL);

  /* loopback only: the sandbox is plain HTTP */
  if (!soup_server_listen_local (self->soup, self->options.port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  g_assert (uris != NULL);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  /* a tenant's first start: demo orders, and a state file from the start */
  fresh = !g_file_test (self->state_path, G_FILE_TEST_EXISTS);
  if (fresh)
    sandbox_orders_create_demo (self);
  else if (sandbox_orders_advance (self))
    fresh = TRUE;
  if (fresh && !sandbox_server_save (self, error))
    return FALSE;

  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  return TRUE;
}
