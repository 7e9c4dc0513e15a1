/* porta-client-private.h — what the parts of PortaClient share
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PortaClient is one class in four files, the way GNOME Text Editor splits
 * EditorWindow: porta-client.c holds the object, the credentials and the
 * request machinery (bearer token, one refresh on a 401, retries); the
 * pager and the numbers are in porta-client-numbers.c, the port orders in
 * porta-client-orders.c, the port-out PIN in porta-client-pin.c, what
 * the server offers in porta-client-caps.c, the people in
 * porta-client-people.c. This header is for those files only; everyone else includes
 * porta-client.h.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "porta-client.h"

G_BEGIN_DECLS

#define PORTA_CLIENT_NUMBERS_PATH     "/admin/teams/telephoneNumberManagement/numberAssignments"
#define PORTA_CLIENT_PORT_ORDERS_PATH "/admin/teams/telephoneNumberManagement/portOrders"
#define PORTA_CLIENT_PIN_PATH         "/admin/teams/telephoneNumberManagement/portOutPin"
#define PORTA_CLIENT_CAPABILITIES_PATH "/admin/teams/telephoneNumberManagement/portaCapabilities"
#define PORTA_CLIENT_PEOPLE_PATH      "/admin/teams/userConfigurations"

struct _PortaClient
{
  GObject       parent_instance;

  PortaAccount *account;
  SoupSession  *session;
  PortaAuth    *auth;
  GUri         *api_base;

  char         *access_token;
  gint64        expires_at;
  char         *refresh_token;

  /* requests waiting for the one refresh in flight */
  GPtrArray    *refresh_waiters;
  gboolean      refreshing;

  guint         max_attempts;
  guint         max_total_ms;
  guint         base_delay_ms;

  /* what the server offers, indexed by PortaFeature (docs/admin-api.md §7) */
  PortaCapability capabilities[3];
};

typedef enum
{
  PORTA_REQUEST_RETRY        = 1 << 0,  /* GET and PUT: safe to send again */
  PORTA_REQUEST_SECRET_BODY  = 1 << 1,  /* never log the request body */
  PORTA_REQUEST_SECRET_REPLY = 1 << 2,  /* never log the response body */
} PortaRequestFlags;

/* Turns one JSON object of the API into a model object, or fails */
typedef gpointer (*PortaParseFunc) (JsonObject  *object,
                                    GError     **error);

/* porta-client.c */
void        _porta_client_request_async  (PortaClient          *self,
                                          const char           *method,
                                          GUri                 *uri,
                                          GString              *body,
                                          PortaRequestFlags     flags,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GBytes     *_porta_client_request_finish (PortaClient          *self,
                                          GAsyncResult         *result,
                                          GError              **error);
GUri       *_porta_client_api_uri        (PortaClient          *self,
                                          const char           *path,
                                          const char           *query);
JsonObject *_porta_client_parse_object   (GBytes               *body,
                                          GError              **error);
void        _porta_client_object_request (PortaClient          *self,
                                          gpointer              source_tag,
                                          const char           *method,
                                          const char           *path,
                                          const char           *id,
                                          const char           *action,
                                          GString              *body,
                                          PortaRequestFlags     flags,
                                          PortaParseFunc        parse,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gpointer    _porta_client_object_finish  (PortaClient          *self,
                                          GAsyncResult         *result,
                                          gpointer              source_tag,
                                          GError              **error);
gboolean    _porta_client_boolean_finish (PortaClient          *self,
                                          GAsyncResult         *result,
                                          gpointer              source_tag,
                                          GError              **error);

/* porta-client-caps.c */
void        _porta_client_set_capability (PortaClient          *self,
                                          PortaFeature          feature,
                                          PortaCapability       capability);
void        _porta_client_note_reply     (PortaClient          *self,
                                          GUri                 *uri,
                                          const GError         *error);

/* porta-client-numbers.c */
void        _porta_client_list_all       (PortaClient          *self,
                                          gpointer              source_tag,
                                          const char           *path,
                                          const char           *filter,
                                          const char           *query,
                                          PortaParseFunc        parse,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);

G_END_DECLS
