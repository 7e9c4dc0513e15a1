/* porta-client-pin.c — PortaClient's port-out PIN
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN's status, setting it, revealing it and its audit trail
 * (docs/admin-api.md, §5). The PIN itself travels in one buffer that is
 * wiped once sent or read, and its requests and answers are never logged.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include <string.h>

#include "porta-audit-event.h"
#include "porta-client-private.h"
#include "porta-json.h"
#include "porta-pin.h"

void
porta_client_get_pin_status_async (PortaClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  _porta_client_object_request (self, porta_client_get_pin_status_async, SOUP_METHOD_GET,
                                PORTA_CLIENT_PIN_PATH, NULL, NULL, NULL, PORTA_REQUEST_RETRY,
                                (PortaParseFunc) porta_pin_status_new_from_json,
                                cancellable, callback, user_data);
}

/**
 * porta_client_get_pin_status_finish:
 *
 * Returns: (transfer full): whether a PIN is set, and who set it when
 */
PortaPinStatus *
porta_client_get_pin_status_finish (PortaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_get_pin_status_async, error);
}

static void
set_pin_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = _porta_client_request_finish (PORTA_CLIENT (object), result, &error);
  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * porta_client_set_pin_async:
 * @self: a #PortaClient
 * @pin: the new PIN; Porta keeps no copy once it is sent
 *
 * Sets or changes the port-out PIN. The server checks the rules too: a
 * bad PIN is %PORTA_ERROR_INVALID_PIN, and a blank one when a PIN is set
 * is %PORTA_ERROR_PIN_CANNOT_BE_CLEARED. A PUT is safe to repeat, so it
 * is retried like a GET.
 */
void
porta_client_set_pin_async (PortaClient         *self,
                            const char          *pin,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  GString *body;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_set_pin_async);

  /* Built by hand so that the PIN sits in one buffer that is wiped */
  body = g_string_sized_new (32);
  g_string_append (body, "{\"pin\":\"");
  for (const char *p = pin; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (body, '\\'), g_string_append_c (body, *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (body, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (body, *p);
    }
  g_string_append (body, "\"}");

  uri = _porta_client_api_uri (self, PORTA_CLIENT_PIN_PATH, NULL);
  _porta_client_request_async (self, SOUP_METHOD_PUT, uri, body,
                               PORTA_REQUEST_RETRY | PORTA_REQUEST_SECRET_BODY,
                               cancellable, set_pin_cb, g_steal_pointer (&task));
}

gboolean
porta_client_set_pin_finish (PortaClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _porta_client_boolean_finish (self, result, porta_client_set_pin_async, error);
}

static void
reveal_pin_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  const char *pin;

  body = _porta_client_request_finish (PORTA_CLIENT (object), result, &error);
  if (body != NULL)
    root = _porta_client_parse_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pin = porta_json_get_string (root, "pin", &error);
  if (pin == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_strdup (pin), (GDestroyNotify) porta_pin_free);
  /* json-glib's copy goes with the parser; the body's bytes are wiped here */
  porta_pin_wipe ((char *) g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/**
 * porta_client_reveal_pin_async:
 * @self: a #PortaClient
 *
 * Asks the server for the PIN itself (write permission needed; the
 * server records who asked). Resolves to %PORTA_ERROR_PIN_NOT_SET when
 * there is none.
 */
void
porta_client_reveal_pin_async (PortaClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_reveal_pin_async);

  uri = _porta_client_api_uri (self, PORTA_CLIENT_PIN_PATH "/reveal", NULL);
  _porta_client_request_async (self, SOUP_METHOD_POST, uri, NULL, PORTA_REQUEST_SECRET_REPLY,
                               cancellable, reveal_pin_cb, g_steal_pointer (&task));
}

/**
 * porta_client_reveal_pin_finish:
 *
 * Returns: (transfer full): the PIN; free it with porta_pin_free()
 */
char *
porta_client_reveal_pin_finish (PortaClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_reveal_pin_async, error);
}

/**
 * porta_client_list_pin_audit_events_async:
 * @self: a #PortaClient
 *
 * Lists who set, changed and revealed the PIN, and when.
 */
void
porta_client_list_pin_audit_events_async (PortaClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  _porta_client_list_all (self, porta_client_list_pin_audit_events_async, PORTA_CLIENT_PIN_PATH "/auditEvents", NULL, NULL,
                          (PortaParseFunc) porta_audit_event_new_from_json, cancellable, callback, user_data);
}

/**
 * porta_client_list_pin_audit_events_finish:
 *
 * Returns: (transfer full) (element-type PortaAuditEvent): the events
 */
GPtrArray *
porta_client_list_pin_audit_events_finish (PortaClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_list_pin_audit_events_async, error);
}