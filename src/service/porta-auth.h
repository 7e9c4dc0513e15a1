/* porta-auth.h — signing in: OpenID Connect discovery, PKCE, device code, refresh
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * PortaTokens:
 * @access_token: the bearer token for the API (memory only)
 * @refresh_token: (nullable): the token that gets new ones (keyring only)
 * @id_token: (nullable): the OpenID Connect identity token
 * @scope: (nullable): the scopes granted
 * @expires_at: when @access_token expires, in g_get_real_time() microseconds
 *
 * What a sign-in or a refresh brings back. Freeing it wipes the tokens.
 */
typedef struct
{
  char   *access_token;
  char   *refresh_token;
  char   *id_token;
  char   *scope;
  gint64  expires_at;
} PortaTokens;

#define PORTA_TYPE_TOKENS (porta_tokens_get_type ())

GType        porta_tokens_get_type (void) G_GNUC_CONST;
PortaTokens *porta_tokens_copy     (const PortaTokens *tokens);
void         porta_tokens_free     (PortaTokens       *tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaTokens, porta_tokens_free)

/**
 * PortaIdentity:
 * @name: the person's display name
 * @username: the sign-in name (`preferred_username`)
 * @tenant_id: the organization's id (`tid`)
 * @object_id: the person's id (`oid`)
 *
 * Who signed in, from the `id_token`'s claims. The token's signature is
 * not checked: it came straight from the token endpoint over TLS, and is
 * used only to show who is signed in, never to authorize anything.
 */
typedef struct
{
  char *name;
  char *username;
  char *tenant_id;
  char *object_id;
} PortaIdentity;

PortaIdentity *porta_identity_new_from_id_token (const char     *id_token,
                                                 GError        **error);
void           porta_identity_free              (PortaIdentity  *identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaIdentity, porta_identity_free)

/**
 * PortaDeviceCode:
 * @user_code: what the person types on the other device
 * @verification_uri: where they type it
 * @verification_uri_complete: (nullable): the same, with the code filled in
 * @message: (nullable): the server's own instructions
 * @expires_in: seconds until the code expires
 * @interval: seconds between polls
 */
typedef struct
{
  char *user_code;
  char *verification_uri;
  char *verification_uri_complete;
  char *message;
  guint expires_in;
  guint interval;
} PortaDeviceCode;

/**
 * PortaOpenUriFunc:
 * @uri: the sign-in page to show in a browser
 * @user_data: data given with the function
 * @error: return location for an error
 *
 * Opens @uri in the browser. Returns %FALSE with @error set if it cannot.
 */
typedef gboolean (*PortaOpenUriFunc)     (const char            *uri,
                                          gpointer               user_data,
                                          GError               **error);

/**
 * PortaDeviceCodeFunc:
 * @code: the code to show to the person
 * @user_data: data given with the function
 *
 * Shows the device code; called once, before polling begins.
 */
typedef void     (*PortaDeviceCodeFunc)  (const PortaDeviceCode *code,
                                          gpointer               user_data);

#define PORTA_TYPE_AUTH (porta_auth_get_type ())

G_DECLARE_FINAL_TYPE (PortaAuth, porta_auth, PORTA, AUTH, GObject)

PortaAuth   *porta_auth_new                    (const char           *authority,
                                                const char           *client_id,
                                                const char           *scopes,
                                                SoupSession          *session);
const char  *porta_auth_get_authority          (PortaAuth            *self);
void         porta_auth_set_browser_timeout    (PortaAuth            *self,
                                                guint                 seconds);

void         porta_auth_sign_in_browser_async  (PortaAuth            *self,
                                                PortaOpenUriFunc      open_uri,
                                                gpointer              open_uri_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
PortaTokens *porta_auth_sign_in_browser_finish (PortaAuth            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void         porta_auth_sign_in_device_async   (PortaAuth            *self,
                                                PortaDeviceCodeFunc   show_code,
                                                gpointer              show_code_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
PortaTokens *porta_auth_sign_in_device_finish  (PortaAuth            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void         porta_auth_refresh_async          (PortaAuth            *self,
                                                const char           *refresh_token,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
PortaTokens *porta_auth_refresh_finish         (PortaAuth            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

char        *porta_auth_pkce_challenge         (const char           *verifier);

G_END_DECLS
