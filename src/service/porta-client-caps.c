/* porta-client-caps.c — PortaClient's record of what the server offers
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft Graph offers the phone numbers but no port-out PIN and no
 * port orders; porta-sandbox, and any server that implements Porta's
 * contract, offers all three. The client learns which from evidence,
 * never from the host name (docs/admin-api.md, §7): every answer to a
 * request under a part of the API is noted here — a success or one of
 * the contract's own errors means "offered", Graph's "Resource not found
 * for the segment" (PORTA_ERROR_NOT_OFFERED) means "not offered" — and
 * the optional capability document, portaCapabilities, may say it first.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include <string.h>

#include "porta-client-private.h"
#include "porta-error.h"

static const struct
{
  PortaFeature  feature;
  const char   *path;
  const char   *member;
} parts[] = {
  { PORTA_FEATURE_NUMBERS, PORTA_CLIENT_NUMBERS_PATH, "numberAssignments" },
  { PORTA_FEATURE_PORT_OUT_PIN, PORTA_CLIENT_PIN_PATH, "portOutPin" },
  { PORTA_FEATURE_PORT_ORDERS, PORTA_CLIENT_PORT_ORDERS_PATH, "portOrders" },
};

/* Which part a request's path is under: the path ends with the part's
 * path, or continues it with "/" (an item, an action) */
static gboolean
feature_of_uri (GUri         *uri,
                PortaFeature *feature)
{
  const char *path = g_uri_get_path (uri);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *at = strstr (path, parts[i].path);

      if (at != NULL)
        {
          char next = at[strlen (parts[i].path)];

          if (next == '\0' || next == '/')
            {
              *feature = parts[i].feature;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Whether @error could only come from a server that has the part: a
 * success, or an error code of Porta's own contract */
static gboolean
proves_offered (const GError *error)
{
  if (error == NULL)
    return TRUE;
  return g_error_matches (error, PORTA_ERROR, PORTA_ERROR_INVALID_PIN) ||
         g_error_matches (error, PORTA_ERROR, PORTA_ERROR_PIN_CANNOT_BE_CLEARED) ||
         g_error_matches (error, PORTA_ERROR, PORTA_ERROR_PIN_NOT_SET);
}

/* Called by the request machinery with every final answer */
void
_porta_client_note_reply (PortaClient  *self,
                          GUri         *uri,
                          const GError *error)
{
  PortaFeature feature;

  if (!feature_of_uri (uri, &feature))
    return;

  if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED))
    _porta_client_set_capability (self, feature, PORTA_CAPABILITY_NOT_OFFERED);
  else if (proves_offered (error))
    _porta_client_set_capability (self, feature, PORTA_CAPABILITY_OFFERED);
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaClient *self = PORTA_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;

  body = _porta_client_request_finish (self, result, &error);
  if (body != NULL)
    root = _porta_client_parse_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A member that is missing or not a boolean decides nothing */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      JsonNode *node = json_object_get_member (root, parts[i].member);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        _porta_client_set_capability (self, parts[i].feature,
                                      json_node_get_boolean (node)
                                      ? PORTA_CAPABILITY_OFFERED
                                      : PORTA_CAPABILITY_NOT_OFFERED);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * porta_client_probe_capabilities_async:
 * @self: a #PortaClient
 *
 * Reads the server's capability document, `GET {root}/portaCapabilities`,
 * and records what it says. A server without one (Microsoft Graph
 * answers %PORTA_ERROR_NOT_OFFERED) leaves every part as it was: each is
 * then learnt from the first answer under it.
 */
void
porta_client_probe_capabilities_async (PortaClient         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_probe_capabilities_async);

  uri = _porta_client_api_uri (self, PORTA_CLIENT_CAPABILITIES_PATH, NULL);
  _porta_client_request_async (self, SOUP_METHOD_GET, uri, NULL, PORTA_REQUEST_RETRY,
                               cancellable, probe_cb, g_steal_pointer (&task));
}

/**
 * porta_client_probe_capabilities_finish:
 *
 * Returns: %TRUE when the document was read; %PORTA_ERROR_NOT_OFFERED
 *   when the server has none
 */
gboolean
porta_client_probe_capabilities_finish (PortaClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _porta_client_boolean_finish (self, result, porta_client_probe_capabilities_async, error);
}
