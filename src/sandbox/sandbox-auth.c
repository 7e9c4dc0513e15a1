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
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-auth.h"
#include "sandbox-http.h"

#define AUTH_CODE_LIFETIME     (10 * 60)
#define AUTH_PENDING_LIFETIME  (30 * 60)
#define REFRESH_LIFETIME       (90 * 24 * 3600)

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

static const struct
{
  const char *name;
  guint       bits;
} known_scopes[] = {
  { "TeamsTelephoneNumber.Read.All", SANDBOX_SCOPE_READ },
  { "TeamsTelephoneNumber.ReadWrite.All", SANDBOX_SCOPE_READ | SANDBOX_SCOPE_WRITE },
  { "offline_access", SANDBOX_SCOPE_OFFLINE },
  { "openid", SANDBOX_SCOPE_OPENID },
  { "profile", SANDBOX_SCOPE_PROFILE },
  { "email", SANDBOX_SCOPE_EMAIL },
};

static void
authorization_free (gpointer data)
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

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, authorization_free);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, authorization_free);
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
static gboolean
is_client_id (const char *text)
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

/* RFC 8252 §7.3: http on the loopback interface, any port */
static gboolean
is_loopback_redirect (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (text == NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  if (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
    return FALSE;
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return g_strcmp0 (host, "127.0.0.1") == 0
         || g_strcmp0 (host, "::1") == 0
         || g_ascii_strcasecmp (host ? host : "", "localhost") == 0;
}

static gboolean
is_pkce_string (const char *text,
                gsize       min,
                gsize       max)
{
  gsize n;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n < min || n > max)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-._~", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Returns FALSE with *bad pointing at the first unknown scope */
static gboolean
parse_scopes (SandboxServer  *server,
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

static char *
scope_string (guint scopes)
{
  GString *out = g_string_new (NULL);

  if (scopes & SANDBOX_SCOPE_WRITE)
    g_string_append (out, "TeamsTelephoneNumber.ReadWrite.All ");
  else if (scopes & SANDBOX_SCOPE_READ)
    g_string_append (out, "TeamsTelephoneNumber.Read.All ");
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
static void
respond_tokens (SandboxServer     *server,
                SoupServerMessage *msg,
                const char        *client_id,
                guint              scopes,
                const char        *nonce,
                const char        *family)
{
  SandboxAuth *self = server->auth;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *scope_text = scope_string (scopes);
  char *access = sandbox_random_token (32);
  AccessToken *token = g_new0 (AccessToken, 1);
  gint64 now = g_get_real_time ();

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

static char *
redirect_with (const char *redirect_uri,
               const char *first_name,
               const char *first_value,
               const char *second_name,
               const char *second_value,
               const char *state)
{
  GString *out = g_string_new (redirect_uri);
  g_autofree char *v1 = g_uri_escape_string (first_value, NULL, FALSE);

  g_string_append_c (out, strchr (redirect_uri, '?') ? '&' : '?');
  g_string_append_printf (out, "%s=%s", first_name, v1);
  if (second_name != NULL)
    {
      g_autofree char *v2 = g_uri_escape_string (second_value, NULL, FALSE);

      g_string_append_printf (out, "&%s=%s", second_name, v2);
    }
  if (state != NULL)
    {
      g_autofree char *v3 = g_uri_escape_string (state, NULL, FALSE);

      g_string_append_printf (out, "&state=%s", v3);
    }
  return g_string_free (out, FALSE);
}

static void
redirect_error (SoupServerMessage *msg,
                const char        *redirect_uri,
                const char        *error,
                const char        *description,
                const char        *state)
{
  g_autofree char *location = redirect_with (redirect_uri, "error", error,
                                             "error_description", description, state);

  sandbox_respond_redirect (msg, location);
}

static void
redirect_code (SandboxServer     *server,
               SoupServerMessage *msg,
               Authorization     *a)
{
  char *code = sandbox_random_token (32);
  g_autofree char *location = redirect_with (a->redirect_uri, "code", code, NULL, NULL, a->state);

  a->expires = g_get_real_time () + (gint64) AUTH_CODE_LIFETIME * G_USEC_PER_SEC;
  g_hash_table_insert (server->auth->codes, code, a);
  sandbox_respond_redirect (msg, location);
}

static void
html_error (SoupServerMessage *msg,
            const char        *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *body = g_strdup_printf ("<p class=\"error\">%s</p>\n"
                                           "<p class=\"note\">Close this window and try "
                                           "signing in again from Porta.</p>",
                                           escaped);

  sandbox_respond_html (msg, SOUP_STATUS_BAD_REQUEST, "Sign-in failed", body);
}

static void
handle_authorize_get (SandboxServer     *server,
                      SoupServerMessage *msg,
                      GHashTable        *query)
{
  const char *client_id = query ? g_hash_table_lookup (query, "client_id") : NULL;
  const char *redirect_uri = query ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  const char *response_type = query ? g_hash_table_lookup (query, "response_type") : NULL;
  const char *response_mode = query ? g_hash_table_lookup (query, "response_mode") : NULL;
  const char *scope = query ? g_hash_table_lookup (query, "scope") : NULL;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *challenge = query ? g_hash_table_lookup (query, "code_challenge") : NULL;
  const char *method = query ? g_hash_table_lookup (query, "code_challenge_method") : NULL;
  const char *nonce = query ? g_hash_table_lookup (query, "nonce") : NULL;
  const SandboxUser *user = sandbox_demo_user ();
  g_autofree char *bad_scope = NULL;
  guint scopes = 0;
  Authorization *a;
  char *request_id;
  g_autofree char *page = NULL;
  g_autofree char *name = NULL;
  g_autofree char *upn = NULL;
  g_autofree char *scope_text = NULL;
  g_autofree char *scope_html = NULL;

  /* Without a known client and a loopback redirect there is nobody safe
   * to send an error to: say it on the page, as RFC 6749 §4.1.2.1 asks. */
  if (!is_client_id (client_id))
    {
      html_error (msg, "The application is not known to this sign-in service "
                       "(client_id is missing or not an application id).");
      return;
    }
  if (!is_loopback_redirect (redirect_uri))
    {
      html_error (msg, "The redirect address is not allowed: a desktop application must use "
                       "http on a loopback address (127.0.0.1, [::1] or localhost).");
      return;
    }

  if (g_strcmp0 (response_type, "code") != 0)
    {
      redirect_error (msg, redirect_uri, "unsupported_response_type",
                      "Only response_type=code is supported.", state);
      return;
    }
  if (response_mode != NULL && strcmp (response_mode, "query") != 0)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "Only response_mode=query is supported.", state);
      return;
    }
  if (scope == NULL || scope[0] == '\0')
    {
      redirect_error (msg, redirect_uri, "invalid_request", "The scope parameter is required.", state);
      return;
    }
  if (!parse_scopes (server, scope, &scopes, &bad_scope))
    {
      g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

      redirect_error (msg, redirect_uri, "invalid_scope", description, state);
      return;
    }
  if (challenge == NULL)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "A public client must send a PKCE code_challenge.", state);
      return;
    }
  if (g_strcmp0 (method, "S256") != 0)
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "code_challenge_method must be S256.", state);
      return;
    }
  if (!is_pkce_string (challenge, 43, 43))
    {
      redirect_error (msg, redirect_uri, "invalid_request",
                      "code_challenge must be the base64url SHA-256 of the verifier (43 characters).",
                      state);
      return;
    }

  a = g_new0 (Authorization, 1);
  a->client_id = g_strdup (client_id);
  a->redirect_uri = g_strdup (redirect_uri);
  a->state = g_strdup (state);
  a->challenge = g_strdup (challenge);
  a->nonce = g_strdup (nonce);
  a->scopes = scopes;

  if (server->options.auto_approve)
    {
      redirect_code (server, msg, a);
      return;
    }

  request_id = sandbox_random_token (18);
  a->expires = g_get_real_time () + (gint64) AUTH_PENDING_LIFETIME * G_USEC_PER_SEC;
  g_hash_table_insert (server->auth->pending, request_id, a);

  name = g_markup_escape_text (user->display_name, -1);
  upn = g_markup_escape_text (user->user_principal_name, -1);
  scope_text = scope_string (scopes);
  scope_html = g_markup_escape_text (scope_text, -1);
  page = g_strdup_printf ("<p>An application wants to sign in to the Porta sandbox tenant "
                          "and asks for: <code>%s</code>.</p>\n"
                          "<form method=\"post\" action=\"%s/oauth2/v2.0/authorize\">\n"
                          "<input type=\"hidden\" name=\"request\" value=\"%s\">\n"
                          "<p>Sign in as <strong>%s</strong> &lt;%s&gt;, the demo administrator.</p>\n"
                          "<div class=\"actions\">\n"
                          "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\""
                          " autofocus>Sign in as %s</button>\n"
                          "<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button>\n"
                          "</div>\n</form>\n"
                          "<p class=\"note\">This is a local sandbox: no password, no real tenant.</p>",
                          scope_html, SANDBOX_AUTHORITY_PATH, request_id, name, upn, name);
  sandbox_respond_html (msg, SOUP_STATUS_OK, "Sign in", page);
}

static void
handle_authorize_post (SandboxServer     *server,
                       SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  const char *request_id = form ? g_hash_table_lookup (form, "request") : NULL;
  const char *action = form ? g_hash_table_lookup (form, "action") : NULL;
  gpointer key = NULL, value = NULL;
  Authorization *a;

  if (request_id == NULL
      || !g_hash_table_steal_extended (server->auth->pending, request_id, &key, &value))
    {
      html_error (msg, "This sign-in request has expired or was already answered.");
      return;
    }
  g_free (key);
  a = value;

  if (g_strcmp0 (action, "approve") == 0)
    {
      redirect_code (server, msg, a);
      return;
    }

  redirect_error (msg, a->redirect_uri, "access_denied",
                  "The user declined to sign in.", a->state);
  authorization_free (a);
}

static char *
make_user_code (void)
{
  /* no vowels, no look-alikes: no word and no 0/O confusion */
  static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ";
  g_autofree char *random = sandbox_random_token (16);
  char code[9];

  for (guint i = 0; i < 8; i++)
    code[i] = alphabet[((guchar) random[i] * 7 + (guchar) random[i + 8]) % (sizeof alphabet - 1)];
  code[8] = '\0';
  return g_strdup (code);
}

static char *
normalize_user_code (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

/* The token and device endpoints share the client checks */
static gboolean
check_client (SoupServerMessage *msg,
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
  if (!is_client_id (*client_id))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                                   "The client_id is not an application id known here.");
      return FALSE;
    }
  return TRUE;
}

static void
handle_devicecode (SandboxServer     *server,
                   SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bad_scope = NULL;
  g_autofree char *verification = NULL;
  g_autofree char *verification_complete = NULL;
  g_autofree char *display_code = NULL;
  g_autofree char *message = NULL;
  const char *client_id = NULL;
  const char *scope;
  guint scopes = 0;
  DeviceGrant *d;
  char *device_code;

  if (!check_client (msg, form, &client_id))
    return;
  scope = g_hash_table_lookup (form, "scope");
  if (scope == NULL || scope[0] == '\0')
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "The request body must contain the scope parameter.");
      return;
    }
  if (!parse_scopes (server, scope, &scopes, &bad_scope))
    {
      g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope", description);
      return;
    }

  d = g_new0 (DeviceGrant, 1);
  d->client_id = g_strdup (client_id);
  do
    {
      g_free (d->user_code);
      d->user_code = make_user_code ();
    }
  while (g_hash_table_contains (server->auth->user_codes, d->user_code));
  d->scopes = scopes;
  d->expires = g_get_real_time () + (gint64) server->options.device_code_lifetime * G_USEC_PER_SEC;
  d->interval = (gint64) server->options.device_interval * G_USEC_PER_SEC;
  d->state = DEVICE_PENDING;
  device_code = sandbox_random_token (32);
  g_hash_table_insert (server->auth->user_codes, g_strdup (d->user_code), device_code);
  g_hash_table_insert (server->auth->devices, device_code, d);

  verification = g_strconcat (server->base_url, SANDBOX_AUTHORITY_PATH, "/devicelogin", NULL);
  display_code = g_strdup_printf ("%.4s-%.4s", d->user_code, d->user_code + 4);
  verification_complete = g_strdup_printf ("%s?user_code=%s", verification, display_code);
  message = g_strdup_printf ("To sign in, use a web browser to open the page %s and enter the "
                             "code %s to authenticate.", verification, display_code);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "device_code");
  json_builder_add_string_value (b, device_code);
  json_builder_set_member_name (b, "user_code");
  json_builder_add_string_value (b, display_code);
  json_builder_set_member_name (b, "verification_uri");
  json_builder_add_string_value (b, verification);
  json_builder_set_member_name (b, "verification_uri_complete");
  json_builder_add_string_value (b, verification_complete);
  json_builder_set_member_name (b, "expires_in");
  json_builder_add_int_value (b, server->options.device_code_lifetime);
  json_builder_set_member_name (b, "interval");
  json_builder_add_int_value (b, server->options.device_interval);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
device_page (SoupServerMessage *msg,
             guint              status,
             const char        *notice,
             const char        *user_code)
{
  const SandboxUser *user = sandbox_demo_user ();
  g_autofree char *name = g_markup_escape_text (user->display_name, -1);
  g_autofree char *code = g_markup_escape_text (user_code ? user_code : "", -1);
  g_autofree char *page = NULL;

  page = g_strdup_printf ("%s"
                          "<p>Enter the code that the application shows.</p>\n"
                          "<form method=\"post\" action=\"%s/devicelogin\">\n"
                          "<p><label>Code <input name=\"user_code\" value=\"%s\" "
                          "autocomplete=\"off\" autofocus required></label></p>\n"
                          "<div class=\"actions\">\n"
                          "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\">"
                          "Sign in as %s</button>\n"
                          "<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button>\n"
                          "</div>\n</form>",
                          notice ? notice : "", SANDBOX_AUTHORITY_PATH, code, name);
  sandbox_respond_html (msg, status, "Sign in on another device", page);
}

static void
handle_devicelogin (SandboxServer     *server,
                    SoupServerMessage *msg,
                    const char        *method,
                    GHashTable        *query)
{
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *normalized = NULL;
  const char *device_code;
  const char *action;
  DeviceGrant *d = NULL;

  if (strcmp (method, "GET") == 0)
    {
      device_page (msg, SOUP_STATUS_OK, NULL, query ? g_hash_table_lookup (query, "user_code") : NULL);
      return;
    }

  form = sandbox_request_form (msg);
  normalized = normalize_user_code (g_hash_table_lookup (form, "user_code"));
  action = g_hash_table_lookup (form, "action");
  device_code = g_hash_table_lookup (server->auth->user_codes, normalized);
  if (device_code != NULL)
    d = g_hash_table_lookup (server->auth->devices, device_code);

  if (d == NULL || d->state != DEVICE_PENDING || d->expires < g_get_real_time ())
    {
      device_page (msg, SOUP_STATUS_BAD_REQUEST,
                   "<p class=\"error\">That code is not valid, or it has expired. "
                   "Check the code and try again.</p>\n", NULL);
      return;
    }

  if (g_strcmp0 (action, "approve") == 0)
    {
      d->state = DEVICE_APPROVED;
      sandbox_respond_html (msg, SOUP_STATUS_OK, "You are signed in",
                            "<p>You have signed in to the application on your other device. "
                            "You can close this window.</p>");
    }
  else
    {
      d->state = DEVICE_DECLINED;
      sandbox_respond_html (msg, SOUP_STATUS_OK, "Sign-in declined",
                            "<p>You declined to sign in. You can close this window.</p>");
    }
}

static void
grant_authorization_code (SandboxServer     *server,
                          SoupServerMessage *msg,
                          GHashTable        *form,
                          const char        *client_id)
{
  const char *code = g_hash_table_lookup (form, "code");
  const char *redirect_uri = g_hash_table_lookup (form, "redirect_uri");
  const char *verifier = g_hash_table_lookup (form, "code_verifier");
  gpointer key = NULL, value = NULL;
  Authorization *a;
  g_autofree char *computed = NULL;
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autoptr(GChecksum) sha = NULL;

  if (code == NULL || redirect_uri == NULL || verifier == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "code, redirect_uri and code_verifier are required.");
      return;
    }
  if (!is_pkce_string (verifier, 43, 128))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "code_verifier must be 43 to 128 unreserved characters.");
      return;
    }

  /* a code is good once, whatever happens next */
  if (!g_hash_table_steal_extended (server->auth->codes, code, &key, &value))
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The authorization code is not valid, was already used, or "
                                   "has expired.");
      return;
    }
  g_free (key);
  a = value;

  sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sha, (const guchar *) verifier, -1);
  g_checksum_get_digest (sha, digest, &digest_length);
  computed = sandbox_base64url_encode (digest, digest_length);

  if (a->expires < g_get_real_time ())
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The authorization code has expired.");
  else if (strcmp (a->client_id, client_id) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The authorization code was issued to another client.");
  else if (strcmp (a->redirect_uri, redirect_uri) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "redirect_uri does not match the authorization request.");
  else if (strcmp (a->challenge, computed) != 0)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                 "The code_verifier does not match the code_challenge.");
  else
    respond_tokens (server, msg, client_id, a->scopes, a->nonce, NULL);

  authorization_free (a);
}

static void
grant_device_code (SandboxServer     *server,
                   SoupServerMessage *msg,
                   GHashTable        *form,
                   const char        *client_id)
{
  const char *device_code = g_hash_table_lookup (form, "device_code");
  gint64 now = g_get_real_time ();
  DeviceGrant *d;

  if (device_code == NULL)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                   "device_code is required.");
      return;
    }
  d = g_hash_table_lookup (server->auth->devices, device_code);
  if (d == NULL || strcmp (d->client_id, client_id) != 0)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                                   "The device_code is not valid.");
      return;
    }
  if (d->expires < now)
    {
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "expired_token",
                                   "The device_code has expired: start again.");
      return;
    }

  if (server->options.auto_approve && d->state == DEVICE_PENDING)
    d->state = DEVICE_APPROVED;

  switch (d->state)
    {
    case DEVICE_APPROVED:
      respond_tokens (server, msg, client_id, d->scopes, NULL, NULL);
      g_hash_table_remove (server->auth->user_codes, d->user_code);
      g_hash_table_remove (server->auth->devices, device_code);
      return;

    case DEVICE_DECLINED:
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "authorization_declined",
                                   "The user declined the sign-in.");
      g_hash_table_remove (server->auth->user_codes, d->user_code);
      g_hash_table_remove (server->auth->devices, device_code);
      return;

    case DEVICE_PENDING:
    default:
      /* RFC 8628 §3.5: polling faster than the interval is slow_down,
       * and the interval grows by 5 seconds for good */
      if (d->last_poll != 0 && now - d->last_poll < d->interval)
        {
          d->interval += 5 * G_USEC_PER_SEC;
          d->last_poll = now;
          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "slow_down",
                                       "Polling too fast: wait 5 more seconds between requests.");
          return;
        }
      d->last_poll = now;
      sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "authorization_pending",
                                   "The user has not finished signing in yet.");
      return;
    }
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

      if (!parse_scopes (server, scope, &asked, &bad_scope))
        {
          g_autofree char *description = g_strdup_printf ("The scope '%s' is not valid.", bad_scope);

          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope", description);
          refresh_free (r);
          return;
        }
      if ((asked & ~r->scopes) != 0)
        {
          sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_scope",
                                       "A refresh cannot widen the scopes first granted.");
          refresh_free (r);
          return;
        }
      /* asking for fewer keeps the refresh token going */
      scopes = asked | (r->scopes & SANDBOX_SCOPE_OFFLINE);
    }

  respond_tokens (server, msg, client_id, scopes, NULL, r->family);
  refresh_free (r);
}

static void
handle_token (SandboxServer     *server,
              SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = sandbox_request_form (msg);
  const char *grant_type;
  const char *client_id = NULL;

  if (!check_client (msg, form, &client_id))
    return;

  grant_type = g_hash_table_lookup (form, "grant_type");
  if (grant_type == NULL)
    sandbox_respond_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                 "The request body must contain the grant_type parameter.");
  else if (strcmp (grant_type, "authorization_code") == 0)
    grant_authorization_code (server, msg, form, client_id);
  else if (strcmp (grant_type, "urn:ietf:params:oauth:grant-type:device_code") == 0)
    grant_device_code (server, msg, form, client_id);
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
    handle_authorize_get (server, msg, query);
  else if (strcmp (rest, "/oauth2/v2.0/authorize") == 0 && post)
    handle_authorize_post (server, msg);
  else if (strcmp (rest, "/oauth2/v2.0/token") == 0 && post)
    handle_token (server, msg);
  else if (strcmp (rest, "/oauth2/v2.0/devicecode") == 0 && post)
    handle_devicecode (server, msg);
  else if (strcmp (rest, "/devicelogin") == 0 && (get || post))
    handle_devicelogin (server, msg, get ? "GET" : "POST", query);
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
