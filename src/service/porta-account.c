/* porta-account.c — one signed-in organization, without its secrets
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-account.h"
#include "porta-account-private.h"
#include "porta-error.h"

/**
 * PortaAccount:
 *
 * Where and as whom Porta signs in: the authority and client id that
 * sign-in uses, the API root, the scopes asked for, and the identity the
 * sign-in returned. It is the non-secret half of an account: the refresh
 * token lives in the keyring (porta-keyring.h), keyed by the account id,
 * and access tokens live only in memory. Nothing here is ever a token.
 */
struct _PortaAccount
{
  GObject     parent_instance;

  char       *id;
  char       *display_name;
  char       *username;
  char       *tenant_id;
  char       *authority;
  char       *api_base;
  char       *client_id;
  char       *scopes;
  gboolean    sandbox;

  /* Members of the saved JSON that this version does not know, written
   * back unchanged so that a newer Porta (or portactl) sharing the file
   * does not lose what it stored. */
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (PortaAccount, porta_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_USERNAME,
  PROP_TENANT_ID,
  PROP_AUTHORITY,
  PROP_API_BASE,
  PROP_CLIENT_ID,
  PROP_SCOPES,
  PROP_SANDBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The JSON members this version reads and writes; everything else in an
 * account object is kept in extra. */
static const char * const known_members[] = {
  "id", "displayName", "username", "tenantId", "authority",
  "apiBase", "clientId", "scopes", "sandbox", NULL,
};

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
porta_account_constructed (GObject *object)
{
  PortaAccount *self = PORTA_ACCOUNT (object);

  G_OBJECT_CLASS (porta_account_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
  if (self->authority == NULL)
    self->authority = g_strdup (PORTA_DEFAULT_AUTHORITY);
  if (self->api_base == NULL)
    self->api_base = g_strdup (PORTA_DEFAULT_API_BASE);
  if (self->scopes == NULL)
    self->scopes = g_strdup (PORTA_SCOPES_READ_WRITE);
}

static void
porta_account_finalize (GObject *object)
{
  PortaAccount *self = PORTA_ACCOUNT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->tenant_id, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->api_base, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->scopes, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (porta_account_parent_class)->finalize (object);
}

static void
porta_account_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PortaAccount *self = PORTA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_TENANT_ID:
      g_value_set_string (value, self->tenant_id);
      break;
    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority);
      break;
    case PROP_API_BASE:
      g_value_set_string (value, self->api_base);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_SCOPES:
      g_value_set_string (value, self->scopes);
      break;
    case PROP_SANDBOX:
      g_value_set_boolean (value, self->sandbox);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_account_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PortaAccount *self = PORTA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      if (set_string (&self->display_name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_USERNAME:
      if (set_string (&self->username, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TENANT_ID:
      if (set_string (&self->tenant_id, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_AUTHORITY:
      self->authority = g_value_dup_string (value);
      break;
    case PROP_API_BASE:
      self->api_base = g_value_dup_string (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;
    case PROP_SCOPES:
      self->scopes = g_value_dup_string (value);
      break;
    case PROP_SANDBOX:
      porta_account_set_sandbox (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_account_class_init (PortaAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags writable = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                               G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = porta_account_constructed;
  object_class->finalize = porta_account_finalize;
  object_class->get_property = porta_account_get_property;
  object_class->set_property = porta_account_set_property;

  /**
   * PortaAccount:id:
   *
   * The account's own identifier, stable for its life: the key of its
   * refresh token in the keyring. A fresh random UUID when not given.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, construct_only);

  /**
   * PortaAccount:display-name:
   *
   * The person's name, from the `name` claim of the ID token.
   */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, writable);

  /**
   * PortaAccount:username:
   *
   * The sign-in name, from the `preferred_username` claim (usually a UPN
   * such as `alice@contoso.com`).
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL, writable);

  /**
   * PortaAccount:tenant-id:
   *
   * The organization's directory id, from the `tid` claim.
   */
  properties[PROP_TENANT_ID] =
    g_param_spec_string ("tenant-id", NULL, NULL, NULL, writable);

  /**
   * PortaAccount:authority:
   *
   * The identity provider's authority URL; %PORTA_DEFAULT_AUTHORITY when
   * not given.
   */
  properties[PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, NULL, NULL, construct_only);

  /**
   * PortaAccount:api-base:
   *
   * The root of the admin API; %PORTA_DEFAULT_API_BASE when not given.
   */
  properties[PROP_API_BASE] =
    g_param_spec_string ("api-base", NULL, NULL, NULL, construct_only);

  /**
   * PortaAccount:client-id:
   *
   * The application (client) id that sign-in presents.
   */
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL, construct_only);

  /**
   * PortaAccount:scopes:
   *
   * The space-separated scopes asked for at sign-in;
   * %PORTA_SCOPES_READ_WRITE when not given.
   */
  properties[PROP_SCOPES] =
    g_param_spec_string ("scopes", NULL, NULL, NULL, construct_only);

  /**
   * PortaAccount:sandbox:
   *
   * Whether the account is on a local porta-sandbox rather than a real
   * organization.
   */
  properties[PROP_SANDBOX] =
    g_param_spec_boolean ("sandbox", NULL, NULL, FALSE, writable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_account_init (PortaAccount *self)
{
}

/**
 * porta_account_new:
 * @authority: (nullable): the authority URL, or %NULL for
 *   %PORTA_DEFAULT_AUTHORITY
 * @api_base: (nullable): the admin API root, or %NULL for
 *   %PORTA_DEFAULT_API_BASE
 * @client_id: the application (client) id
 * @scopes: (nullable): the scopes, or %NULL for %PORTA_SCOPES_READ_WRITE
 *
 * Creates an account with a fresh id and no identity yet; sign-in fills
 * the identity in with porta_account_set_identity().
 *
 * Returns: (transfer full): a new #PortaAccount
 */
PortaAccount *
porta_account_new (const char *authority,
                   const char *api_base,
                   const char *client_id,
                   const char *scopes)
{
  g_return_val_if_fail (client_id != NULL && client_id[0] != '\0', NULL);

  return g_object_new (PORTA_TYPE_ACCOUNT,
                       "authority", authority,
                       "api-base", api_base,
                       "client-id", client_id,
                       "scopes", scopes,
                       NULL);
}

static void
set_invalid_member_error (GError     **error,
                          const char  *member)
{
  g_set_error (error, PORTA_ERROR, PORTA_ERROR_FAILED,
               /* Translators: %s is the name of a field in the saved
                * list of accounts, such as “clientId” */
               _("A saved account has no valid “%s”."), member);
}

/* A string member: absent or null is NULL; any other type, or an empty
 * string where @required, is an error. */
static gboolean
read_string_member (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    char       **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING &&
           (!required || json_node_get_string (node)[0] != '\0'))
    {
      *out = json_node_dup_string (node);
      return TRUE;
    }

  g_debug ("Account member “%s” is missing or not a string", member);
  set_invalid_member_error (error, member);
  return FALSE;
}

static gboolean
read_url_member (JsonObject  *object,
                 const char  *member,
                 char       **out,
                 GError     **error)
{
  if (!read_string_member (object, member, TRUE, out, error))
    return FALSE;

  if (!g_uri_is_valid (*out, G_URI_FLAGS_NONE, NULL))
    {
      g_debug ("Account member “%s” is not an absolute URI: %s", member, *out);
      g_clear_pointer (out, g_free);
      set_invalid_member_error (error, member);
      return FALSE;
    }

  return TRUE;
}

/**
 * porta_account_new_from_json:
 * @node: a JSON object as written by porta_account_to_json()
 * @error: return location for a #GError
 *
 * Reads an account back. Strict on what an account cannot do without —
 * `id`, `authority`, `apiBase` (both absolute URLs) and `clientId` — and
 * on the type of every member it knows; tolerant of nulls, and of
 * members it does not know, which porta_account_to_json() writes back.
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with
 *   %PORTA_ERROR_FAILED set
 */
PortaAccount *
porta_account_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *username = NULL;
  g_autofree char *tenant_id = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *api_base = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *scopes = NULL;
  g_autoptr(PortaAccount) account = NULL;
  gboolean sandbox = FALSE;
  JsonObject *object;
  JsonNode *sandbox_node;
  GList *members;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_FAILED,
                           _("A saved account is not in a form Porta can read."));
      return NULL;
    }

  object = json_node_get_object (node);

  if (!read_string_member (object, "id", TRUE, &id, error) ||
      !read_url_member (object, "authority", &authority, error) ||
      !read_url_member (object, "apiBase", &api_base, error) ||
      !read_string_member (object, "clientId", TRUE, &client_id, error) ||
      !read_string_member (object, "displayName", FALSE, &display_name, error) ||
      !read_string_member (object, "username", FALSE, &username, error) ||
      !read_string_member (object, "tenantId", FALSE, &tenant_id, error) ||
      !read_string_member (object, "scopes", FALSE, &scopes, error))
    return NULL;

  sandbox_node = json_object_get_member (object, "sandbox");
  if (sandbox_node != NULL && !JSON_NODE_HOLDS_NULL (sandbox_node))
    {
      if (!JSON_NODE_HOLDS_VALUE (sandbox_node) ||
          json_node_get_value_type (sandbox_node) != G_TYPE_BOOLEAN)
        {
          set_invalid_member_error (error, "sandbox");
          return NULL;
        }
      sandbox = json_node_get_boolean (sandbox_node);
    }

  account = g_object_new (PORTA_TYPE_ACCOUNT,
                          "id", id,
                          "display-name", display_name,
                          "username", username,
                          "tenant-id", tenant_id,
                          "authority", authority,
                          "api-base", api_base,
                          "client-id", client_id,
                          "scopes", scopes,
                          "sandbox", sandbox,
                          NULL);

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains ((const char * const *) known_members, name))
        continue;
      if (account->extra == NULL)
        account->extra = json_object_new ();
      json_object_set_member (account->extra, name,
                              json_node_copy (json_object_get_member (object, name)));
    }
  g_list_free (members);

  return g_steal_pointer (&account);
}

static void
set_optional_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  /* Absent rather than null: the reader takes both, and the file stays
   * short. */
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

/**
 * porta_account_to_json:
 * @self: a #PortaAccount
 *
 * Writes @self as a JSON object for the accounts file: `id`,
 * `displayName`, `username`, `tenantId`, `authority`, `apiBase`,
 * `clientId`, `scopes`, `sandbox`, plus any member read from an older
 * or newer file that this version does not know. Never a token.
 *
 * Returns: (transfer full): a new JSON object node
 */
JsonNode *
porta_account_to_json (PortaAccount *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);

  json_object_set_string_member (object, "id", self->id);
  set_optional_string (object, "displayName", self->display_name);
  set_optional_string (object, "username", self->username);
  set_optional_string (object, "tenantId", self->tenant_id);
  json_object_set_string_member (object, "authority", self->authority);
  json_object_set_string_member (object, "apiBase", self->api_base);
  set_optional_string (object, "clientId", self->client_id);
  set_optional_string (object, "scopes", self->scopes);
  json_object_set_boolean_member (object, "sandbox", self->sandbox);

  if (self->extra != NULL)
    {
      GList *members = json_object_get_members (self->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (self->extra, l->data)));
      g_list_free (members);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * porta_account_get_id:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none): the account's stable identifier
 */
const char *
porta_account_get_id (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->id;
}

/**
 * porta_account_get_display_name:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none) (nullable): the person's name, once signed in
 */
const char *
porta_account_get_display_name (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->display_name;
}

/**
 * porta_account_get_username:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none) (nullable): the sign-in name, once signed in
 */
const char *
porta_account_get_username (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->username;
}

/**
 * porta_account_get_tenant_id:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none) (nullable): the directory id, once signed in
 */
const char *
porta_account_get_tenant_id (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->tenant_id;
}

/**
 * porta_account_get_authority:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none): the authority URL
 */
const char *
porta_account_get_authority (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->authority;
}

/**
 * porta_account_get_api_base:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none): the admin API root
 */
const char *
porta_account_get_api_base (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->api_base;
}

/**
 * porta_account_get_client_id:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none) (nullable): the application (client) id
 */
const char *
porta_account_get_client_id (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->client_id;
}

/**
 * porta_account_get_scopes:
 * @self: a #PortaAccount
 *
 * Returns: (transfer none): the space-separated scopes
 */
const char *
porta_account_get_scopes (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);
  return self->scopes;
}

/**
 * porta_account_get_sandbox:
 * @self: a #PortaAccount
 *
 * Returns: whether the account is on a local porta-sandbox
 */
gboolean
porta_account_get_sandbox (PortaAccount *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), FALSE);
  return self->sandbox;
}

/**
 * porta_account_set_identity:
 * @self: a #PortaAccount
 * @display_name: (nullable): the `name` claim
 * @username: (nullable): the `preferred_username` claim
 * @tenant_id: (nullable): the `tid` claim
 *
 * Records who signed in. Each property is notified only if it changed,
 * and the notifications are emitted together.
 */
void
porta_account_set_identity (PortaAccount *self,
                            const char   *display_name,
                            const char   *username,
                            const char   *tenant_id)
{
  GObject *object = (GObject *) self;

  g_return_if_fail (PORTA_IS_ACCOUNT (self));

  g_object_freeze_notify (object);
  if (set_string (&self->display_name, display_name))
    g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
  if (set_string (&self->username, username))
    g_object_notify_by_pspec (object, properties[PROP_USERNAME]);
  if (set_string (&self->tenant_id, tenant_id))
    g_object_notify_by_pspec (object, properties[PROP_TENANT_ID]);
  g_object_thaw_notify (object);
}

/**
 * porta_account_set_sandbox:
 * @self: a #PortaAccount
 * @sandbox: whether the account is on a local porta-sandbox
 */
void
porta_account_set_sandbox (PortaAccount *self,
                           gboolean      sandbox)
{
  g_return_if_fail (PORTA_IS_ACCOUNT (self));

  sandbox = !!sandbox;
  if (self->sandbox == sandbox)
    return;
  self->sandbox = sandbox;
  g_object_notify_by_pspec ((GObject *) self, properties[PROP_SANDBOX]);
}

/* The tenant segment of an authority: "contoso.onmicrosoft.com" in
 * https://login.microsoftonline.com/contoso.onmicrosoft.com/, or the
 * host when the authority has no path. */
static char *
dup_authority_tenant (const char *authority)
{
  g_autoptr(GUri) uri = g_uri_parse (authority, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) segments = NULL;

  if (uri == NULL)
    return g_strdup (authority);

  segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] != '\0')
        return g_uri_unescape_string (segments[i], NULL);
    }

  if (g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (authority);
}

/**
 * porta_account_dup_organization_label:
 * @self: a #PortaAccount
 *
 * A short name for the organization, for a header or a list: the domain
 * of the username (`contoso.com`) when known, else the tenant id, else
 * the tenant segment of the authority.
 *
 * Returns: (transfer full): the label
 */
char *
porta_account_dup_organization_label (PortaAccount *self)
{
  const char *at;

  g_return_val_if_fail (PORTA_IS_ACCOUNT (self), NULL);

  if (self->username != NULL &&
      (at = strrchr (self->username, '@')) != NULL &&
      at[1] != '\0')
    return g_strdup (at + 1);

  if (self->tenant_id != NULL && self->tenant_id[0] != '\0')
    return g_strdup (self->tenant_id);

  return dup_authority_tenant (self->authority);
}

/**
 * porta_account_new_replacing:
 * @account: the account as just signed in
 * @old: the stored account it stands for
 *
 * A copy of @account that keeps @old's id, so that the keyring entry and
 * every reference by id stay valid, and @old's unknown JSON members, so
 * that a newer Porta's data survives a sign-in with this one.
 *
 * Returns: (transfer full): the replacement
 */
PortaAccount *
porta_account_new_replacing (PortaAccount *account,
                             PortaAccount *old)
{
  PortaAccount *copy;

  g_return_val_if_fail (PORTA_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (PORTA_IS_ACCOUNT (old), NULL);

  copy = g_object_new (PORTA_TYPE_ACCOUNT,
                       "id", old->id,
                       "display-name", account->display_name,
                       "username", account->username,
                       "tenant-id", account->tenant_id,
                       "authority", account->authority,
                       "api-base", account->api_base,
                       "client-id", account->client_id,
                       "scopes", account->scopes,
                       "sandbox", account->sandbox,
                       NULL);
  if (old->extra != NULL)
    copy->extra = json_object_ref (old->extra);

  return copy;
}

/**
 * porta_account_names_equal:
 * @a: (nullable): a username (user principal name) or a client id
 * @b: (nullable): another
 *
 * Usernames and client ids are case-insensitive: compares them as Entra
 * ID does. A missing name equals nothing.
 *
 * Returns: whether @a and @b name the same user or application
 */
gboolean
porta_account_names_equal (const char *a,
                           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (fa, fb) == 0;
}
