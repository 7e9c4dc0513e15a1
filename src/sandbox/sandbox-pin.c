/* sandbox-pin.c — the port-out PIN and its audit trail
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are porta-pin's, the same pure functions the client uses: the
 * sandbox shares them so that both sides name a bad PIN the same way
 * (innerError.reason), and shares nothing else.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "porta-pin.h"
#include "sandbox-http.h"
#include "sandbox-pin.h"

typedef struct
{
  char   *id;
  char   *activity;   /* set, changed, revealed */
  gint64  time;
  char   *display_name;
  char   *user_principal_name;
} AuditEvent;

struct _SandboxPin
{
  char      *pin;             /* NULL: never set */
  gint64     last_modified;
  char      *last_name;
  char      *last_upn;
  GPtrArray *events;          /* AuditEvent, oldest first */
};

static void
audit_event_free (gpointer data)
{
  AuditEvent *e = data;

  g_free (e->id);
  g_free (e->activity);
  g_free (e->display_name);
  g_free (e->user_principal_name);
  g_free (e);
}

SandboxPin *
sandbox_pin_new (void)
{
  SandboxPin *self = g_new0 (SandboxPin, 1);

  self->events = g_ptr_array_new_with_free_func (audit_event_free);
  return self;
}

void
sandbox_pin_free (SandboxPin *self)
{
  if (self == NULL)
    return;
  porta_pin_free (self->pin);
  g_free (self->last_name);
  g_free (self->last_upn);
  g_ptr_array_unref (self->events);
  g_free (self);
}

gboolean
sandbox_pin_is_set (SandboxPin *self)
{
  return self->pin != NULL;
}

static void
add_user (JsonBuilder *b,
          const char  *member,
          const char  *display_name,
          const char  *upn)
{
  json_builder_set_member_name (b, member);
  if (display_name == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "displayName");
  json_builder_add_string_value (b, display_name);
  json_builder_set_member_name (b, "userPrincipalName");
  json_builder_add_string_value (b, upn);
  json_builder_end_object (b);
}

static void
add_event (JsonBuilder      *b,
           const AuditEvent *e)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, e->id);
  json_builder_set_member_name (b, "activity");
  json_builder_add_string_value (b, e->activity);
  sandbox_json_add_time (b, "dateTime", e->time);
  add_user (b, "user", e->display_name, e->user_principal_name);
  json_builder_end_object (b);
}

JsonNode *
sandbox_pin_to_state (SandboxPin *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pin");
  if (self->pin != NULL)
    json_builder_add_string_value (b, self->pin);
  else
    json_builder_add_null_value (b);
  sandbox_json_add_time (b, "lastModifiedDateTime", self->last_modified);
  add_user (b, "lastModifiedBy", self->last_name, self->last_upn);
  json_builder_set_member_name (b, "auditEvents");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->events->len; i++)
    add_event (b, self->events->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static gboolean
read_user (JsonObject  *object,
           const char  *member,
           char       **display_name,
           char       **upn)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *user;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  user = json_node_get_object (node);
  *display_name = g_strdup (json_object_get_string_member_with_default (user, "displayName", NULL));
  *upn = g_strdup (json_object_get_string_member_with_default (user, "userPrincipalName", NULL));
  return *display_name != NULL && *upn != NULL;
}

gboolean
sandbox_pin_load_state (SandboxPin  *self,
                        JsonObject  *object,
                        GError     **error)
{
  JsonNode *pin = json_object_get_member (object, "pin");
  JsonNode *events = json_object_get_member (object, "auditEvents");
  const char *modified = json_object_get_string_member_with_default (object, "lastModifiedDateTime", NULL);

  if (pin != NULL && !JSON_NODE_HOLDS_NULL (pin))
    {
      if (json_node_get_value_type (pin) != G_TYPE_STRING
          || porta_pin_check (json_node_get_string (pin)) != PORTA_PIN_OK)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The state file holds a PIN that breaks the rules");
          return FALSE;
        }
      self->pin = g_strdup (json_node_get_string (pin));
    }
  if (modified != NULL && !sandbox_parse_time (modified, &self->last_modified))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The state file has a bad lastModifiedDateTime");
      return FALSE;
    }
  if (!read_user (object, "lastModifiedBy", &self->last_name, &self->last_upn))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The state file has a bad lastModifiedBy");
      return FALSE;
    }

  if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
    {
      JsonArray *array = json_node_get_array (events);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *e;
          AuditEvent *event;
          const char *when;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          e = json_node_get_object (node);
          event = g_new0 (AuditEvent, 1);
          event->id = g_strdup (json_object_get_string_member_with_default (e, "id", NULL));
          event->activity = g_strdup (json_object_get_string_member_with_default (e, "activity", NULL));
          when = json_object_get_string_member_with_default (e, "dateTime", NULL);
          if (event->id == NULL || event->activity == NULL
              || !sandbox_parse_time (when, &event->time)
              || !read_user (e, "user", &event->display_name, &event->user_principal_name))
            {
              audit_event_free (event);
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "The state file has a bad audit event");
              return FALSE;
            }
          g_ptr_array_add (self->events, event);
        }
    }

  return TRUE;
}

static void
record (SandboxPin        *self,
        const char        *activity,
        const SandboxUser *user,
        gint64             when)
{
  AuditEvent *e = g_new0 (AuditEvent, 1);

  e->id = g_uuid_string_random ();
  e->activity = g_strdup (activity);
  e->time = when;
  e->display_name = g_strdup (user->display_name);
  e->user_principal_name = g_strdup (user->user_principal_name);
  g_ptr_array_add (self->events, e);
}

void
sandbox_pin_handle_get (SandboxServer     *server,
                        SoupServerMessage *msg)
{
  SandboxPin *self = server->pin;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *context =
    g_strconcat (server->base_url, "/v1.0/$metadata#admin/teams/telephoneNumberManagement/portOutPin",
                 NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@odata.context");
  json_builder_add_string_value (b, context);
  json_builder_set_member_name (b, "isSet");
  json_builder_add_boolean_value (b, self->pin != NULL);
  sandbox_json_add_time (b, "lastModifiedDateTime", self->last_modified);
  add_user (b, "lastModifiedBy", self->last_name, self->last_upn);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
respond_invalid_pin (SoupServerMessage *msg,
                     PortaPinCheck      check)
{
  g_autoptr(JsonObject) inner = json_object_new ();

  json_object_set_string_member (inner, "reason", porta_pin_check_nick (check));
  sandbox_respond_error_full (msg, SOUP_STATUS_BAD_REQUEST, "invalidPin",
                              porta_pin_check_message (check), inner);
}

void
sandbox_pin_handle_put (SandboxServer       *server,
                        SoupServerMessage   *msg,
                        const SandboxCaller *caller)
{
  SandboxPin *self = server->pin;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = sandbox_request_json (msg, &error);
  JsonNode *pin_node;
  const char *pin;
  PortaPinCheck check;
  char *old_pin;
  gint64 old_modified;
  char *old_name, *old_upn;
  gint64 now = g_get_real_time ();

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "The request body must be a JSON object: {\"pin\": \"…\"}.");
      return;
    }

  pin_node = json_object_get_member (json_node_get_object (root), "pin");
  if (pin_node != NULL && !JSON_NODE_HOLDS_NULL (pin_node)
      && (!JSON_NODE_HOLDS_VALUE (pin_node) || json_node_get_value_type (pin_node) != G_TYPE_STRING))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "pin must be a string of digits.");
      return;
    }

  pin = (pin_node == NULL || JSON_NODE_HOLDS_NULL (pin_node)) ? NULL : json_node_get_string (pin_node);
  if ((pin == NULL || pin[0] == '\0') && self->pin != NULL)
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "pinCannotBeCleared",
                             "The port-out PIN can be changed but never removed.");
      return;
    }

  check = porta_pin_check (pin);
  if (check != PORTA_PIN_OK)
    {
      respond_invalid_pin (msg, check);
      return;
    }

  old_pin = self->pin;
  old_modified = self->last_modified;
  old_name = self->last_name;
  old_upn = self->last_upn;

  self->pin = g_strdup (pin);
  self->last_modified = now;
  self->last_name = g_strdup (caller->user->display_name);
  self->last_upn = g_strdup (caller->user->user_principal_name);
  record (self, old_pin == NULL ? "set" : "changed", caller->user, now);

  /* acknowledged only once it is on disk */
  if (!sandbox_server_save (server, &error))
    {
      g_warning ("%s", error->message);
      porta_pin_free (self->pin);
      g_free (self->last_name);
      g_free (self->last_upn);
      self->pin = old_pin;
      self->last_modified = old_modified;
      self->last_name = old_name;
      self->last_upn = old_upn;
      g_ptr_array_remove_index (self->events, self->events->len - 1);
      sandbox_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "generalException",
                             "The PIN could not be saved. Try again.");
      return;
    }

  porta_pin_free (old_pin);
  g_free (old_name);
  g_free (old_upn);
  sandbox_respond_empty (msg, SOUP_STATUS_NO_CONTENT);
}

void
sandbox_pin_handle_reveal (SandboxServer       *server,
                           SoupServerMessage   *msg,
                           const SandboxCaller *caller)
{
  SandboxPin *self = server->pin;
  g_autoptr(GError) error = NULL;
  GString *body;

  if (self->pin == NULL)
    {
      sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "pinNotSet",
                             "No port-out PIN has been set.");
      return;
    }

  record (self, "revealed", caller->user, g_get_real_time ());
  if (!sandbox_server_save (server, &error))
    {
      g_warning ("%s", error->message);
      g_ptr_array_remove_index (self->events, self->events->len - 1);
      sandbox_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "generalException",
                             "The reveal could not be recorded, so the PIN is not shown.");
      return;
    }

  body = g_string_new ("{\"pin\":");
  sandbox_json_append_string (body, self->pin);
  g_string_append_c (body, '}');
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  sandbox_respond_gstring (msg, SOUP_STATUS_OK, body);
}

void
sandbox_pin_handle_audit (SandboxServer     *server,
                          SoupServerMessage *msg,
                          GHashTable        *query)
{
  SandboxPin *self = server->pin;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *context =
    g_strconcat (server->base_url,
                 "/v1.0/$metadata#admin/teams/telephoneNumberManagement/portOutPin/auditEvents", NULL);
  guint top, skip;
  guint total = self->events->len;

  if (!sandbox_query_paging (msg, query, 100, 1000, &top, &skip))
    return;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@odata.context");
  json_builder_add_string_value (b, context);
  if (skip + top < total)
    {
      g_autofree char *link = sandbox_next_link (server->base_url,
                                                 SANDBOX_API_ROOT "/portOutPin/auditEvents",
                                                 top, skip + top, NULL);

      json_builder_set_member_name (b, "@odata.nextLink");
      json_builder_add_string_value (b, link);
    }
  json_builder_set_member_name (b, "value");
  json_builder_begin_array (b);
  /* newest first */
  for (guint i = skip; i < total && i < skip + top; i++)
    add_event (b, self->events->pdata[total - 1 - i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}
