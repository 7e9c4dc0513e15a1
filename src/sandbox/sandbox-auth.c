/* sandbox-auth.c — sign-in: OpenID Connect discovery, the authorization
 * code flow with PKCE, the device authorization grant and refresh tokens
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A public client (RFC 8252): no secret, PKCE S256 required, any loopback
 * redirect port. Paths follow the Microsoft identity platform's under the
 * authority {base}/sandbox. Everything here lives in memory only: a
 * restart signs everybody out, as a revoked session would.
 *
 * This file holds the state, discovery, the token endpoint (it hands the
 * authorization code and device code grants to their siblings
 * sandbox-auth-browser.c and sandbox-auth-device.c), refresh tokens with
 * rotation, and the bearer check every API request goes through.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-auth-private.h"
#include "sandbox-http.h"

#define REFRESH_LIFETIME       (90 * 24 * 3600)

typedef struct
{
  guint  scopes;
  gint64 expires;
} AccessToken;

typedef struct
{
  char   *client_id;
  char   *family;
  guint   scopes;
  gint64  expires;
} RefreshToken;

static const struct
{
  const char *name;
  guint       bits;
} known_scopes[] = {
  { "TeamsTelephoneNumber.Read.All", SANDBOX_SCOPE_READ },
  { "TeamsTelephoneNumber.ReadWrite.All", SANDBOX_SCOPE_READ | SANDBOX_SCOPE_WRITE },
  { "TeamsUserConfiguration.Read.All", SANDBOX_SCOPE_PEOPLE },
  { "offline_access", SANDBOX_SCOPE_OFFLINE },
  { "openid", SANDBOX_SCOPE_OPENID },
  { "profile", SANDBOX_SCOPE_PROFILE },
  { "email", SANDBOX_SCOPE_EMAIL },
};

void
sandbox_auth_authorization_free (gpointer data)
{
  Authorization *a = data;

  g_free (a->client_id);
  g_free (a->redirect_uri);
  g_free (a->state);
  g_free (a->challenge);
  g_free (a->nonce);
  g_free (a);
}

static void
device_free (gpointer data)
{
  DeviceGrant *d = data;

  g_free (d->client_id);
  g_free (d->user_code);
  g_free (d);
}

static void
refresh_free (gpointer data)
{
  RefreshToken *r = data;

  g_free (r->client_id);
  g_free (r->family);
  g_free (r);
}

SandboxAuth *
sandbox_auth_new (void)
{
  SandboxAuth *self = g_new0 (SandboxAuth, 1);
  g_autofree char *key = NULL;
  g_autofree guint8 *raw = NULL;
  gsize length = 0;

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sandbox_auth_authorization_free);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sandbox_auth_authorization_free);
  self->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, device_free);
  self->user_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->access = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, refresh_free);
  self->rotated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  key = sandbox_random_token (sizeof self->jwt_key);
  raw = sandbox_base64url_decode (key, &length);
  memcpy (self->jwt_key, raw, MIN (length, sizeof self->jwt_key));

  return self;
}

void
sandbox_auth_free (SandboxAuth *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->user_codes);
  g_hash_table_unref (self->devices);
  g_hash_table_unref (self->access);
  g_hash_table_unref (self->refresh);
  g_hash_table_unref (self->rotated);
  memset (self->jwt_key, 0, sizeof self->jwt_key);
  g_free (self);
}

static gboolean
authorization_expired_cb (gpointer key,
                          gpointer value,
                          gpointer user_data)
{
  return ((Authorization *) value)->expires < *(gint64 *) user_data;
}

static gboolean
access_expired_cb (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  /* kept an hour past expiry, so that its 401 can say "expired" */
  return ((AccessToken *) value)->expires + (gint64) 3600 * G_USEC_PER_SEC < *(gint64 *) user_data;
}

static gboolean
refresh_expired_cb (gpointer key,
                    gpointer value,
                    gpointer user_data)
{
  return ((RefreshToken *) value)->expires < *(gint64 *) user_data;
}

void
sandbox_auth_expire (SandboxAuth *self)
{
  gint64 now = g_get_real_time ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_foreach_remove (self->pending, authorization_expired_cb, &now);
  g_hash_table_foreach_remove (self->codes, authorization_expired_cb, &now);
  g_hash_table_foreach_remove (self->access, access_expired_cb, &now);
  g_hash_table_foreach_remove (self->refresh, refresh_expired_cb, &now);

  /* a device code is kept a minute past expiry to answer expired_token */
  g_hash_table_iter_init (&iter, self->devices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DeviceGrant *d = value;

      if (d->expires + (gint64) 60 * G_USEC_PER_SEC < now)
        {
          g_hash_table_remove (self->user_codes, d->user_code);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* Microsoft's application ids are GUIDs, so is a valid client_id here */
gboolean
sandbox_auth_is_client_id (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

/* Returns FALSE with *bad pointing at the first unknown scope */
gboolean
sandbox_auth_parse_scopes (SandboxServer  *server,
                           const char     *text,
                           guint          *out,
                           char          **bad)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *resource = g_strconcat (server->base_url, "/", NULL);

  *out = 0;
  words = g_strsplit_set (text ? text : "", " +", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean known = FALSE;

      if (word[0] == '\0')
        continue;
      /* the Graph resource may be named, as Microsoft allows */
      if (g_str_has_prefix (word, "https://graph.microsoft.com/"))
        word += strlen ("https://graph.microsoft.com/");
      else if (g_str_has_prefix (word, resource))
        word += strlen (resource);

      for (guint j = 0; j < G_N_ELEMENTS (known_scopes); j++)
        if (g_ascii_strcasecmp (word, known_scopes[j].name) == 0)
          {
            *out |= known_scopes[j].bits;
            known = TRUE;
          }
      if (!known)
        {
          *bad = g_strdup (words[i]);
          return FALSE;
        }
    }
  return TRUE;
}

char *
sandbox_auth_scope_string (guint scopes)
{
  GString *out = g_string_new (NULL);

  if (scopes & SANDBOX_SCOPE_WRITE)
    g_string_append (out, "TeamsTelephoneNumber.ReadWrite.All ");
  else if (scopes & SANDBOX_SCOPE_READ)
    g_string_append (out, "TeamsTelephoneNumber.Read.All ");
  if (scopes & SANDBOX_SCOPE_PEOPLE)
    g_string_append (out, "TeamsUserConfiguration.Read.All ");
  if (scopes & SANDBOX_SCOPE_OPENID)
    g_string_append (out, "openid ");
  if (scopes & SANDBOX_SCOPE_PROFILE)
    g_string_append (out, "profile ");
  if (scopes & SANDBOX_SCOPE_EMAIL)
    g_string_append (out, "email ");
  if (scopes & SANDBOX_SCOPE_OFFLINE)
    g_string_append (out, "offline_access ");
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static char *
issuer (SandboxServer *server)
{
  return g_strconcat (server->base_url, SANDBOX_AUTHORITY_PATH, "/v2.0", NULL);
}

static char *
make_id_token (SandboxServer *server,
               const char    *client_id,
               const char    *nonce)
{
  const SandboxUser *user = sandbox_demo_user ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *iss = issuer (server);
  g_autofree char *payload_json = NULL;
  g_autofree char *header = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature = NULL;
  static const char header_json[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize digest_length = sizeof digest;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aud");
  json_builder_add_string_value (builder, client_id);
  json_builder_set_member_name (builder, "iss");
  json_builder_add_string_value (builder, iss);
  json_builder_set_member_name (builder, "iat");
  json_builder_add_int_value (builder, now);
  json_builder_set_member_name (builder, "nbf");
  json_builder_add_int_value (builder, now);
  json_builder_set_member_name (builder, "exp");
  json_builder_add_int_value (builder, now + server->options.token_lifetime);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, user->display_name);
  json_builder_set_member_name (builder, "preferred_username");
  json_builder_add_string_value (builder, user->user_principal_name);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, user->user_principal_name);
  json_builder_set_member_name (builder, "oid");
  json_builder_add_string_value (builder, user->oid);
  json_builder_set_member_name (builder, "sub");
  json_builder_add_string_value (builder, user->oid);
  json_builder_set_member_name (builder, "tid");
  json_builder_add_string_value (builder, server->tenant_id);
  if (nonce != NULL)
    {
      json_builder_set_member_name (builder, "nonce");
      json_builder_add_string_value (builder, nonce);
    }
  json_builder_set_member_name (builder, "ver");
  json_builder_add_string_value (builder, "2.0");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  payload_json = json_to_string (root, FALSE);

  header = sandbox_base64url_encode ((const guint8 *) header_json, strlen (header_json));
  payload = sandbox_base64url_encode ((const guint8 *) payload_json, strlen (payload_json));
  signing_input = g_strconcat (header, ".", payload, NULL);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, server->auth->jwt_key, sizeof server->auth->jwt_key);
  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_length);
  signature = sandbox_base64url_encode (digest, digest_length);

  return g_strconcat (signing_input, ".", signature, NULL);
}

/* Issues tokens for @scopes; @family continues a refresh token family */
void
sandbox_auth_respond_tokens (SandboxServer     *server,
                             SoupServerMessage *msg,
                             const char        *client_id,
                             guint              scopes,
                             const char        *nonce,
                             const char        *family)
{
  SandboxAuth *self = server->auth;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *scope_text = NULL;
  char *access = sandbox_random_token (32);
  AccessToken *token = g_new0 (AccessToken, 1);
  gint64 now = g_get_real_time ();

  /* as a tenant whose admin never consented to a permission: the token
   * simply comes without it */
  scopes &= ~server->options.withheld_scopes;
  scope_text = sandbox_auth_scope_string (scopes);

  token->scopes = scopes;
  token->expires = now + (gint64) server->options.token_lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (self->access, access, token);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, scope_text);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, server->options.token_lifetime);
  json_builder_set_member_name (builder, "ext_expires_in");
  json_builder_add_int_value (builder, server->options.token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access);

  if (scopes & SANDBOX_SCOPE_OFFLINE)
    {
      char *refresh = sandbox_random_token (48);
      RefreshToken *r = g_new0 (RefreshToken, 1);

      r->client_id = g_strdup (client_id);
      r->family = family ? g_strdup (family) : sandbox_random_token (12);
      r->scopes = scopes;
      r->expires = now + (gint64) REFRESH_LIFETIME * G_USEC_PER_SEC;
      g_hash_table_insert (self->refresh, refresh, r);
      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, refresh);
      json_builder_set_member_name (builder, "refresh_token_expires_in");
      json_builder_add_int_value (builder, REFRESH_LIFETIME);
    }

  if (scopes & SANDBOX_SCOPE_OPENID)
    {
      g_autofree char *id_token = make_id_token (server, client_id, nonce);

      json_builder_set_member_name (builder, "id_token");
      json_builder_add_string_value (builder, id_token);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Pragma", "no-cache");
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
handle_discovery (SandboxServer     *server,
                  SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *iss = issuer (server);
  g_autofree char *authority = g_strconcat (server->base_url, SANDBOX_AUTHORITY_PATH, NULL);
  g_autofree char *authorize = g_strconcat (authority, "/oauth2/v2.0/authorize", NULL);
  g_autofree char *token = g_strconcat (authority, "/oauth2/v2.0/token", NULL);
  g_autofree char *device = g_strconcat (authority, "/oauth2/v2.0/devicecode", NULL);
  g_autofree char *jwks = g_strconcat (authority, "/discovery/v2.0/keys", NULL);
  static const char * const scopes[] = {
    "openid", "profile", "email", "offline_access",
    "TeamsTelephoneNumber.Read.All", "TeamsTelephoneNumber.ReadWrite.All",
    "TeamsUserConfiguration.Read.All",
  };
  static const char * const claims[] = {
    "sub", "iss", "aud", "exp", "iat", "nbf", "name", "preferred_username", "email",
    "oid", "tid", "nonce", "ver",
  };
  static const char * const grants[] = {
    "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code",
  };

#define ADD_STRING(name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_string_value (b, value); } G_STMT_END
#define ADD_ARRAY(name, array) \
  G_STMT_START { \
    json_builder_set_member_name (b, name); \
    json_builder_begin_array (b); \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (array); i_++) \
      json_builder_add_string_value (b, array[i_]); \
    json_builder_end_array (b); \
  } G_STMT_END

  json_builder_begin_object (b);
  ADD_STRING ("issuer", iss);
  ADD_STRING ("authorization_endpoint", authorize);
  ADD_STRING ("token_endpoint", token);
  ADD_STRING ("device_authorization_endpoint", device);
  ADD_STRING ("jwks_uri", jwks);
  {
    static const char * const response_types[] = { "code" };
    static const char * const response_modes[] = { "query" };
    static const char * const subject_types[] = { "pairwise" };
    static const char * const algs[] = { "HS256" };
    static const char * const auth_methods[] = { "none" };
    static const char * const pkce[] = { "S256" };

    ADD_ARRAY ("response_types_supported", response_types);
    ADD_ARRAY ("response_modes_supported", response_modes);
    ADD_ARRAY ("subject_types_supported", subject_types);
    ADD_ARRAY ("id_token_signing_alg_values_supported", algs);
    ADD_ARRAY ("token_endpoint_auth_methods_supported", auth_methods);
    ADD_ARRAY ("code_challenge_methods_supported", pkce);
  }
  ADD_ARRAY ("scopes_supported", scopes);
  ADD_ARRAY ("claims_supported", claims);
  ADD_ARRAY ("grant_types_supported", grants);
  json_builder_set_member_name (b, "request_uri_parameter_supported");
  json_builder_add_boolean_value (b, FALSE);
  ADD_STRING ("tenant_id", server->tenant_id);
  json_builder_end_object (b);

#undef ADD_STRING
#undef ADD_ARRAY

  root = json_builder_get_root (b);
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
handle_jwks (SoupServerMessage *msg)
{
  static const char body[] = "{\"keys\":[]}";

  /* The id_token is signed with a key that never leaves the process:
   * a client reads its claims and does not verify it. */
  sandbox_respond_body (msg, SOUP_STATUS_OK, "application/json",
                        g_strdup (body), strlen (body));
}

/* The token and device endpoints share the client checks */
gboolean
sandbox_auth_check_client (SoupServerMessage *msg,
                           GHashTable        *form,
                           const char       **client_id)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (g_hash_table_contains (form, "client_secret")
      || g_hash_table_contains (form, "client_assertion")
      || soup_message_headers_get_one (headers, "Authorization") != NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                                   "The client is public: neither a client_secret nor a "
                                   "client_assertion may be presented.");
      return FALSE;
    }
  *client_id = g_hash_table_lookup (form, "client_id");
  if (*client_id == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "The request body must contain the client_id parameter.");
      return FALSE;
    }
  if (!sandbox_auth_is_client_id (*client_id))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                                   "The client_id is not an application id known here.");
      return FALSE;
    }
  return TRUE;
}

static void
revoke_family (SandboxAuth *self,
               const char  *family)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->refresh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (strcmp (((RefreshToken *) value)->family, family) == 0)
      g_hash_table_iter_remove (&iter);
}

static void
grant_refresh_token (SandboxServer     *server,
                     SoupServerMessage *msg,
                     GHashTable        *form,
                     const char        *client_id)
{
  SandboxAuth *self = server->auth;
  const char *token = g_hash_table_lookup (form, "refresh_token");
  const char *scope = g_hash_table_lookup (form, "scope");
  const char *used_family;
  gpointer key = NULL, value = NULL;
  RefreshToken *r;
  guint scopes;

  if (token == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "refresh_token is required.");
      return;
    }

  /* A rotated token used again means it leaked: revoke the family
   * (RFC 9700 §4.14.2) */
  used_family = g_hash_table_lookup (self->rotated, token);
  if (used_family != NULL)
    {
      revoke_family (self, used_family);
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The refresh token was already used; its session is revoked.");
      return;
    }

  if (!g_hash_table_steal_extended (self->refresh, token, &key, &value))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The refresh token is not valid or has expired.");
      return;
    }
  r = value;
  g_hash_table_insert (self->rotated, key, g_strdup (r->family));

  if (strcmp (r->client_id, client_id) != 0 || r->expires < g_get_real_time ())
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The refresh token is not valid for this client.");
      refresh_free (r);
      return;
    }

  scopes = r->scopes;
  if (scope != NULL)
    {
      g_autofree char *bad_scope = NULL;
      guint asked = 0;

      if (!sandbox_auth_parse_scopes (server, scope, &asked, &bad_scope))
        {
          g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope", description);
          refresh_free (r);
          return;
        }
      /* a permission consented to since the first sign-in is not a
       * widening that Entra refuses: the people's comes if it can */
      if ((asked & ~r->scopes & ~SANDBOX_SCOPE_PEOPLE) != 0)
        {
          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope",
                                       "A refresh cannot widen the scopes first granted.");
          refresh_free (r);
          return;
        }
      /* asking for fewer keeps the refresh token going */
      scopes = asked | (r->scopes & SANDBOX_SCOPE_OFFLINE);
    }

  sandbox_auth_respond_tokens (server, msg, client_id, scopes, NULL, r->family);
  refresh_free (r);
}

static void
handle_token (SandboxServer     *server,
              SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  const char *grant_type;
  const char *client_id = NULL;

  if (!sandbox_auth_check_client (msg, form, &client_id))
    return;

  grant_type = g_hash_table_lookup (form, "grant_type");
  if (grant_type == NULL)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                 "The request body must contain the grant_type parameter.");
  else if (strcmp (grant_type, "authorization_code") == 0)
    sandbox_auth_grant_authorization_code (server, msg, form, client_id);
  else if (strcmp (grant_type, "urn:ietf:params:oauth:grant-type:device_code") == 0)
    sandbox_auth_grant_device_code (server, msg, form, client_id);
  else if (strcmp (grant_type, "refresh_token") == 0)
    grant_refresh_token (server, msg, form, client_id);
  else
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                                 "The grant_type is not supported.");
}

void
sandbox_auth_handle (SandboxServer     *server,
                     SoupServerMessage *msg,
                     const char        *method,
                     const char        *path,
                     GHashTable        *query)
{
  const char *rest = path + strlen (SANDBOX_AUTHORITY_PATH);
  gboolean get = strcmp (method, "GET") == 0 || strcmp (method, "HEAD") == 0;
  gboolean post = strcmp (method, "POST") == 0;

  if (strcmp (rest, "/v2.0/.well-known/openid-configuration") == 0 && get)
    handle_discovery (server, msg);
  else if (strcmp (rest, "/discovery/v2.0/keys") == 0 && get)
    handle_jwks (msg);
  else if (strcmp (rest, "/oauth2/v2.0/authorize") == 0 && get)
    sandbox_auth_handle_authorize_get (server, msg, query);
  else if (strcmp (rest, "/oauth2/v2.0/authorize") == 0 && post)
    sandbox_auth_handle_authorize_post (server, msg);
  else if (strcmp (rest, "/oauth2/v2.0/token") == 0 && post)
    handle_token (server, msg);
  else if (strcmp (rest, "/oauth2/v2.0/devicecode") == 0 && post)
    sandbox_auth_handle_devicecode (server, msg);
  else if (strcmp (rest, "/devicelogin") == 0 && (get || post))
    sandbox_auth_handle_devicelogin (server, msg, get ? "GET" : "POST", query);
  else if (strcmp (rest, "/oauth2/v2.0/token") == 0 || strcmp (rest, "/oauth2/v2.0/devicecode") == 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
      sandbox_respond_oauth_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "invalid_request",
                                   "This endpoint only accepts POST.");
    }
  else
    sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "itemNotFound",
                           "There is no sign-in endpoint at this address.");
}

static void
respond_unauthorized (SandboxServer     *server,
                      SoupServerMessage *msg,
                      const char        *message)
{
  g_autofree char *challenge =
    g_strdup_printf ("Bearer realm=\"\", error=\"invalid_token\", error_description=\"%s\", "
                     "authorization_uri=\"%s%s/oauth2/v2.0/authorize\"",
                     message, server->base_url, SANDBOX_AUTHORITY_PATH);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", challenge);
  sandbox_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "InvalidAuthenticationToken", message);
}

gboolean
sandbox_auth_check_bearer (SandboxServer     *server,
                           SoupServerMessage *msg,
                           SandboxCaller     *caller)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *header = soup_message_headers_get_one (headers, "Authorization");
  const char *token;
  AccessToken *access;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      respond_unauthorized (server, msg, "Access token is empty.");
      return FALSE;
    }
  token = header + 7;
  while (*token == ' ')
    token++;

  access = g_hash_table_lookup (server->auth->access, token);
  if (access == NULL)
    {
      respond_unauthorized (server, msg, "Access token validation failure.");
      return FALSE;
    }
  if (access->expires <= g_get_real_time ())
    {
      respond_unauthorized (server, msg, "Lifetime validation failed, the token is expired.");
      return FALSE;
    }

  caller->scopes = access->scopes;
  caller->user = sandbox_demo_user ();
  return TRUE;
}
