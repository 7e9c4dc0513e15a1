/* sandbox-auth.h — sign-in: OpenID Connect discovery, the authorization
 * code flow with PKCE, the device authorization grant and refresh tokens
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-server.h"

G_BEGIN_DECLS

#define SANDBOX_SCOPE_READ     (1u << 0)
#define SANDBOX_SCOPE_WRITE    (1u << 1)
#define SANDBOX_SCOPE_OFFLINE  (1u << 2)
#define SANDBOX_SCOPE_OPENID   (1u << 3)
#define SANDBOX_SCOPE_PROFILE  (1u << 4)
#define SANDBOX_SCOPE_EMAIL    (1u << 5)
#define SANDBOX_SCOPE_PEOPLE   (1u << 6)

#define SANDBOX_AUTHORITY_PATH "/sandbox"

SandboxAuth *sandbox_auth_new          (void);
void         sandbox_auth_free         (SandboxAuth       *self);
void         sandbox_auth_expire       (SandboxAuth       *self);
void         sandbox_auth_handle       (SandboxServer     *server,
                                        SoupServerMessage *msg,
                                        const char        *method,
                                        const char        *path,
                                        GHashTable        *query);
gboolean     sandbox_auth_check_bearer (SandboxServer     *server,
                                        SoupServerMessage *msg,
                                        SandboxCaller     *caller);

G_END_DECLS
