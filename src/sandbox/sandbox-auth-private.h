/* sandbox-auth-private.h — what the parts of the sandbox's sign-in share
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sign-in service is one SandboxAuth in three files: sandbox-auth.c
 * holds the state, discovery, the token endpoint, refresh tokens and the
 * bearer check; sandbox-auth-browser.c the authorization code flow with
 * PKCE and its HTML form; sandbox-auth-device.c the device authorization
 * grant (RFC 8628) and its page. This header is for those three only.
 */
#pragma once

#include "sandbox-auth.h"

G_BEGIN_DECLS

typedef enum
{
  DEVICE_PENDING,
  DEVICE_APPROVED,
  DEVICE_DECLINED,
} DeviceState;

typedef struct
{
  char   *client_id;
  char   *redirect_uri;
  char   *state;
  char   *challenge;
  char   *nonce;
  guint   scopes;
  gint64  expires;
} Authorization;

typedef struct
{
  char        *client_id;
  char        *user_code;
  guint        scopes;
  gint64       expires;
  gint64       interval;
  gint64       last_poll;
  DeviceState  state;
} DeviceGrant;

struct _SandboxAuth
{
  GHashTable *pending;     /* request id → Authorization awaiting the user */
  GHashTable *codes;       /* authorization code → Authorization */
  GHashTable *devices;     /* device_code → DeviceGrant */
  GHashTable *user_codes;  /* user code, no dash → device_code (borrowed) */
  GHashTable *access;      /* access token → AccessToken */
  GHashTable *refresh;     /* refresh token → RefreshToken */
  GHashTable *rotated;     /* a refresh token already used → its family */
  guint8      jwt_key[32];
};

/* sandbox-auth.c */
void      sandbox_auth_authorization_free       (gpointer            data);
gboolean  sandbox_auth_is_client_id             (const char         *text);
gboolean  sandbox_auth_parse_scopes             (SandboxServer      *server,
                                                 const char         *text,
                                                 guint              *out,
                                                 char              **bad);
char     *sandbox_auth_scope_string             (guint               scopes);
gboolean  sandbox_auth_check_client             (SoupServerMessage  *msg,
                                                 GHashTable         *form,
                                                 const char        **client_id);
void      sandbox_auth_respond_tokens           (SandboxServer      *server,
                                                 SoupServerMessage  *msg,
                                                 const char         *client_id,
                                                 guint               scopes,
                                                 const char         *nonce,
                                                 const char         *family);

/* sandbox-auth-browser.c */
void      sandbox_auth_handle_authorize_get     (SandboxServer      *server,
                                                 SoupServerMessage  *msg,
                                                 GHashTable         *query);
void      sandbox_auth_handle_authorize_post    (SandboxServer      *server,
                                                 SoupServerMessage  *msg);
void      sandbox_auth_grant_authorization_code (SandboxServer      *server,
                                                 SoupServerMessage  *msg,
                                                 GHashTable         *form,
                                                 const char         *client_id);

/* sandbox-auth-device.c */
void      sandbox_auth_handle_devicecode        (SandboxServer      *server,
                                                 SoupServerMessage  *msg);
void      sandbox_auth_handle_devicelogin       (SandboxServer      *server,
                                                 SoupServerMessage  *msg,
                                                 const char         *method,
                                                 GHashTable         *query);
void      sandbox_auth_grant_device_code        (SandboxServer      *server,
                                                 SoupServerMessage  *msg,
                                                 GHashTable         *form,
                                                 const char         *client_id);

G_END_DECLS
