/* porta-client-people.c — PortaClient's people (Graph userConfigurations)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /admin/teams/userConfigurations (Graph v1.0, permission
 * TeamsUserConfiguration.Read.All) turns the numbers' assignmentTargetIds
 * into people. Graph documents $select, $filter, $top and $expand here but
 * no page size, so no $top is sent and every @odata.nextLink is followed.
 * The display name lives only on the `user` navigation property; should a
 * tenant refuse `$expand=user` with a 400, the list is asked for again
 * without it and the people are known by their UPNs. A 403 is returned
 * as it is (PORTA_ERROR_FORBIDDEN): the permission is missing.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include "porta-client-private.h"
#include "porta-error.h"
#include "porta-person.h"

#define PEOPLE_SELECT "$select=id,userPrincipalName,accountType"
#define PEOPLE_EXPAND "$expand=user($select=displayName)"

static void
list_people_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PortaClient *self = PORTA_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *people;
  gboolean expanded = GPOINTER_TO_INT (g_task_get_task_data (task));

  people = _porta_client_object_finish (self, result, list_people_cb, &error);
  if (people == NULL && expanded && g_error_matches (error, PORTA_ERROR, PORTA_ERROR_INVALID_REQUEST))
    {
      g_debug ("userConfigurations refused $expand=user; asking without it: %s", error->message);
      g_task_set_task_data (task, GINT_TO_POINTER (FALSE), NULL);
      _porta_client_list_all (self, list_people_cb, PORTA_CLIENT_PEOPLE_PATH, NULL, PEOPLE_SELECT,
                              (PortaParseFunc) porta_person_new_from_json,
                              g_task_get_cancellable (task), list_people_cb, g_object_ref (task));
      return;
    }
  if (people == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, people, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * porta_client_list_people_async:
 * @self: a #PortaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every page has arrived, or on the first error
 * @user_data: data for @callback
 *
 * Lists the tenant's users and resource accounts with their UPN, display
 * name and account type, following every @odata.nextLink.
 */
void
porta_client_list_people_async (PortaClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PORTA_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_list_people_async);
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
  _porta_client_list_all (self, list_people_cb, PORTA_CLIENT_PEOPLE_PATH, NULL,
                          PEOPLE_SELECT "&" PEOPLE_EXPAND,
                          (PortaParseFunc) porta_person_new_from_json,
                          cancellable, list_people_cb, task);
}

/**
 * porta_client_list_people_finish:
 * @self: a #PortaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError: %PORTA_ERROR_FORBIDDEN when the
 *   token lacks TeamsUserConfiguration.Read.All
 *
 * Returns: (transfer container) (element-type PortaPerson): the people
 */
GPtrArray *
porta_client_list_people_finish (PortaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_list_people_async, error);
}
