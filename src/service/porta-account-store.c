/* porta-account-store.c — the accounts file shared by porta and portactl
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-account-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "porta-account-private.h"
#include "porta-account-store.h"
#include "porta-error.h"

/**
 * PortaAccountStore:
 *
 * The accounts a person signed in to, as a #GListModel of #PortaAccount,
 * and which one is current. Kept in one JSON file of non-secret metadata
 * that the desktop app and portactl share:
 *
 * |[
 * {"version": 1, "currentAccount": "<id>", "accounts": [ … ]}
 * ]|
 *
 * Reading and writing happen in a worker thread; the model only changes
 * on the thread that owns the store. Writes are atomic and durable, the
 * file is private to the user (0600, its directory 0700), and a file that
 * cannot be read is never overwritten: a corrupt one is set aside beside
 * it, one that cannot be set aside or read at all is left alone and saving
 * is refused until it loads.
 */
struct _PortaAccountStore
{
  GObject       parent_instance;

  char         *path;
  GPtrArray    *accounts;        /* of PortaAccount */
  PortaAccount *current;

  /* Top-level members of the file this version does not know. */
  JsonObject   *extra;

  /* Set when the file on disk could not be read and is still there:
   * saving would destroy what may be the only copy. */
  gboolean      protect_file;

  /* Saves run in threads; a slower older one must not overwrite a newer
   * one. Both fields are under save_mutex. */
  GMutex        save_mutex;
  guint64       save_generation;
  guint64       written_generation;
};

static void porta_account_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaAccountStore, porta_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      porta_account_store_list_model_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_CURRENT_ACCOUNT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FILE_VERSION 1

static GType
porta_account_store_get_item_type (GListModel *model)
{
  return PORTA_TYPE_ACCOUNT;
}

static guint
porta_account_store_get_n_items (GListModel *model)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (model);

  return self->accounts->len;
}

static gpointer
porta_account_store_get_item (GListModel *model,
                              guint       position)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
porta_account_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = porta_account_store_get_item_type;
  iface->get_n_items = porta_account_store_get_n_items;
  iface->get_item = porta_account_store_get_item;
}

static void
porta_account_store_constructed (GObject *object)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (object);

  G_OBJECT_CLASS (porta_account_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = g_build_filename (g_get_user_config_dir (), "porta", "accounts.json", NULL);
}

static void
porta_account_store_finalize (GObject *object)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_pointer (&self->extra, json_object_unref);
  g_mutex_clear (&self->save_mutex);

  G_OBJECT_CLASS (porta_account_store_parent_class)->finalize (object);
}

static void
porta_account_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CURRENT_ACCOUNT:
      g_value_set_object (value, self->current);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_account_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_CURRENT_ACCOUNT:
      porta_account_store_set_current (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_account_store_class_init (PortaAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = porta_account_store_constructed;
  object_class->finalize = porta_account_store_finalize;
  object_class->get_property = porta_account_store_get_property;
  object_class->set_property = porta_account_store_set_property;

  /**
   * PortaAccountStore:path:
   *
   * The accounts file; `$XDG_CONFIG_HOME/porta/accounts.json` by default.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaAccountStore:current-account:
   *
   * The account in use, one of the store's, or %NULL.
   */
  properties[PROP_CURRENT_ACCOUNT] =
    g_param_spec_object ("current-account", NULL, NULL, PORTA_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaAccountStore:n-items:
   *
   * The number of accounts, for bindings.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_account_store_init (PortaAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->save_mutex);
}

/**
 * porta_account_store_new:
 * @path: (nullable) (type filename): the accounts file, or %NULL for
 *   `$XDG_CONFIG_HOME/porta/accounts.json`
 *
 * Creates an empty store; porta_account_store_load_async() fills it.
 *
 * Returns: (transfer full): a new #PortaAccountStore
 */
PortaAccountStore *
porta_account_store_new (const char *path)
{
  return g_object_new (PORTA_TYPE_ACCOUNT_STORE, "path", path, NULL);
}

/**
 * porta_account_store_get_path:
 * @self: a #PortaAccountStore
 *
 * Returns: (transfer none) (type filename): the accounts file
 */
const char *
porta_account_store_get_path (PortaAccountStore *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), NULL);
  return self->path;
}

static gboolean
find_by_id (PortaAccountStore *self,
            const char        *id,
            guint             *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      PortaAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (porta_account_get_id (account), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Authorities differ by a trailing slash or letter case without naming a
 * different tenant. */
static gboolean
same_authority (const char *a,
                const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);

  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

/* The same person signed in through the same application to the same
 * authority. A porta-sandbox listens on a new loopback port each time it
 * starts, so for sandbox accounts the authority is not compared: without
 * that, every "Try the sandbox" would add one more account. */
static gboolean
same_identity (PortaAccount *a,
               PortaAccount *b)
{
  if (!porta_account_names_equal (porta_account_get_username (a), porta_account_get_username (b)) ||
      !porta_account_names_equal (porta_account_get_client_id (a), porta_account_get_client_id (b)))
    return FALSE;

  if (porta_account_get_sandbox (a) && porta_account_get_sandbox (b))
    return TRUE;

  return porta_account_get_sandbox (a) == porta_account_get_sandbox (b) &&
         same_authority (porta_account_get_authority (a), porta_account_get_authority (b));
}

static gboolean
find_same_identity (PortaAccountStore *self,
                    PortaAccount      *account,
                    guint             *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (same_identity (g_ptr_array_index (self->accounts, i), account))
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
set_current_internal (PortaAccountStore *self,
                      PortaAccount      *account)
{
  return g_set_object (&self->current, account);
}

static void
replace_at (PortaAccountStore *self,
            guint              position,
            PortaAccount      *account)
{
  PortaAccount *old = g_ptr_array_index (self->accounts, position);
  gboolean current_changed = FALSE;

  if (self->current == old)
    current_changed = set_current_internal (self, account);

  /* The array's free function drops the old reference. */
  g_ptr_array_index (self->accounts, position) = g_object_ref (account);
  g_object_unref (old);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  if (current_changed)
    g_object_notify_by_pspec ((GObject *) self, properties[PROP_CURRENT_ACCOUNT]);
}

/**
 * porta_account_store_add:
 * @self: a #PortaAccountStore
 * @account: an account, typically just signed in
 *
 * Adds @account, or lets it replace the account that stands for the same
 * thing: one with the same id, or one with the same authority, client id
 * and username (the same person signing in again; for sandbox accounts,
 * whose authority changes with the sandbox's port, the same client id and
 * username). In the second case the stored account keeps its old id, so
 * the object stored is a copy of @account: use the returned account from
 * then on, for the keyring in particular.
 *
 * Does not save; call porta_account_store_save_async().
 *
 * Returns: (transfer none): the account as stored
 */
PortaAccount *
porta_account_store_add (PortaAccountStore *self,
                         PortaAccount      *account)
{
  guint position;

  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (PORTA_IS_ACCOUNT (account), NULL);

  if (find_by_id (self, porta_account_get_id (account), &position))
    {
      if (g_ptr_array_index (self->accounts, position) != account)
        replace_at (self, position, account);
      return account;
    }

  if (find_same_identity (self, account, &position))
    {
      g_autoptr(PortaAccount) replacement =
        porta_account_new_replacing (account, g_ptr_array_index (self->accounts, position));

      g_debug ("Account %s signed in again; keeping id %s",
               porta_account_get_id (account), porta_account_get_id (replacement));
      replace_at (self, position, replacement);
      return replacement;
    }

  g_ptr_array_add (self->accounts, g_object_ref (account));
  g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
  g_object_notify_by_pspec ((GObject *) self, properties[PROP_N_ITEMS]);

  return account;
}

/**
 * porta_account_store_remove:
 * @self: a #PortaAccountStore
 * @id: an account id
 *
 * Removes the account with @id; if it was current, no account is current
 * afterwards. The caller clears its keyring entry (porta_keyring_clear_async())
 * and saves.
 *
 * Returns: %TRUE if an account was removed
 */
gboolean
porta_account_store_remove (PortaAccountStore *self,
                            const char        *id)
{
  g_autoptr(PortaAccount) removed = NULL;
  gboolean current_changed = FALSE;
  guint position;

  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_by_id (self, id, &position))
    return FALSE;

  removed = g_ptr_array_steal_index (self->accounts, position);
  if (self->current == removed)
    current_changed = set_current_internal (self, NULL);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec ((GObject *) self, properties[PROP_N_ITEMS]);
  if (current_changed)
    g_object_notify_by_pspec ((GObject *) self, properties[PROP_CURRENT_ACCOUNT]);

  return TRUE;
}

/**
 * porta_account_store_lookup:
 * @self: a #PortaAccountStore
 * @id: an account id
 *
 * Returns: (transfer none) (nullable): the account with @id, if any
 */
PortaAccount *
porta_account_store_lookup (PortaAccountStore *self,
                            const char        *id)
{
  guint position;

  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!find_by_id (self, id, &position))
    return NULL;
  return g_ptr_array_index (self->accounts, position);
}

/**
 * porta_account_store_get_current:
 * @self: a #PortaAccountStore
 *
 * Returns: (transfer none) (nullable): the account in use
 */
PortaAccount *
porta_account_store_get_current (PortaAccountStore *self)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), NULL);
  return self->current;
}

/**
 * porta_account_store_set_current:
 * @self: a #PortaAccountStore
 * @account: (nullable): one of the store's accounts, or %NULL
 *
 * Makes @account the one in use. Does not save.
 */
void
porta_account_store_set_current (PortaAccountStore *self,
                                 PortaAccount      *account)
{
  guint position;

  g_return_if_fail (PORTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (account == NULL || PORTA_IS_ACCOUNT (account));
  g_return_if_fail (account == NULL || g_ptr_array_find (self->accounts, account, &position));

  if (set_current_internal (self, account))
    g_object_notify_by_pspec ((GObject *) self, properties[PROP_CURRENT_ACCOUNT]);
}

/* Loading */

typedef struct
{
  GPtrArray  *accounts;      /* of PortaAccount; NULL: leave the store as it is */
  char       *current_id;
  JsonObject *extra;
  gboolean    protect_file;
  GError     *error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->accounts, g_ptr_array_unref);
  g_clear_pointer (&result->current_id, g_free);
  g_clear_pointer (&result->extra, json_object_unref);
  g_clear_error (&result->error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* Parses the file's contents; on failure, says why in the debug log. */
static gboolean
parse_accounts (const char  *contents,
                gsize        length,
                LoadResult  *result)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonNode *node;
  GList *members;

  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      g_debug ("Accounts file is not JSON: %s", error->message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Accounts file is not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "version");
  if (node != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_debug ("Accounts file has a version that is not a number");
      return FALSE;
    }
  if (node != NULL && json_node_get_int (node) > FILE_VERSION)
    g_debug ("Accounts file is version %" G_GINT64_FORMAT "; reading what version %d knows",
             json_node_get_int (node), FILE_VERSION);

  node = json_object_get_member (root, "currentAccount");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_debug ("Accounts file has a currentAccount that is not a string");
          return FALSE;
        }
      result->current_id = json_node_dup_string (node);
    }

  result->accounts = g_ptr_array_new_with_free_func (g_object_unref);

  node = json_object_get_member (root, "accounts");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_debug ("Accounts file has accounts that are not an array");
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(PortaAccount) account = NULL;
          g_autoptr(GError) account_error = NULL;
          guint position;

          account = porta_account_new_from_json (json_array_get_element (array, i),
                                                 &account_error);
          if (account == NULL)
            {
              g_debug ("Account %u in the accounts file is invalid: %s",
                       i, account_error->message);
              return FALSE;
            }

          for (position = 0; position < result->accounts->len; position++)
            {
              if (g_str_equal (porta_account_get_id (g_ptr_array_index (result->accounts, position)),
                               porta_account_get_id (account)))
                break;
            }
          if (position < result->accounts->len)
            {
              g_debug ("Accounts file repeats account %s; keeping the first",
                       porta_account_get_id (account));
              continue;
            }

          g_ptr_array_add (result->accounts, g_steal_pointer (&account));
        }
    }

  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "version") ||
          g_str_equal (name, "currentAccount") ||
          g_str_equal (name, "accounts"))
        continue;
      if (result->extra == NULL)
        result->extra = json_object_new ();
      json_object_set_member (result->extra, name,
                              json_node_copy (json_object_get_member (root, name)));
    }
  g_list_free (members);

  return TRUE;
}

/* Moves a corrupt file out of the way without overwriting an earlier
 * one, so that nothing a person might want back is lost. */
static char *
set_aside (const char  *path,
           GError     **error)
{
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *aside = NULL;

      if (i == 1)
        aside = g_strconcat (path, ".corrupt", NULL);
      else
        aside = g_strdup_printf ("%s.corrupt-%u", path, i);

      if (g_file_test (aside, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (path, aside) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "rename %s: %s", aside, g_strerror (saved_errno));
          return NULL;
        }
      return g_steal_pointer (&aside);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "too many corrupt accounts files set aside already");
  return NULL;
}

static GError *
new_unreadable_error (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  return g_error_new (PORTA_ERROR, PORTA_ERROR_FAILED,
                      /* Translators: %s is a file name */
                      _("The saved list of accounts in “%s” could not be read. "
                        "It is left as it is."),
                      display);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *display = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          /* The first run: no accounts yet. */
          result->accounts = g_ptr_array_new_with_free_func (g_object_unref);
        }
      else
        {
          g_debug ("Could not read %s: %s", path, error->message);
          result->protect_file = TRUE;
          result->error = new_unreadable_error (path);
        }
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
      return;
    }

  if (parse_accounts (contents, length, result))
    {
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
      return;
    }

  g_clear_pointer (&result->accounts, g_ptr_array_unref);
  g_clear_pointer (&result->current_id, g_free);
  g_clear_pointer (&result->extra, json_object_unref);

  aside = set_aside (path, &error);
  if (aside == NULL)
    {
      g_debug ("Could not set the corrupt %s aside: %s", path, error->message);
      result->protect_file = TRUE;
      result->error = new_unreadable_error (path);
    }
  else
    {
      g_debug ("Set the corrupt %s aside as %s", path, aside);
      display = g_filename_display_name (aside);
      /* The store starts again from nothing; the old file is safe. */
      result->accounts = g_ptr_array_new_with_free_func (g_object_unref);
      result->error = g_error_new (PORTA_ERROR, PORTA_ERROR_FAILED,
                                   /* Translators: %s is a file name */
                                   _("The saved list of accounts could not be read. "
                                     "It was kept as “%s”; sign in again to add your accounts."),
                                   display);
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

static void
apply_load_result (PortaAccountStore *self,
                   LoadResult        *result)
{
  PortaAccount *current = NULL;
  gboolean current_changed;
  guint old_n;
  guint new_n;

  self->protect_file = result->protect_file;

  if (result->accounts == NULL)
    return;

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = g_steal_pointer (&result->extra);

  old_n = self->accounts->len;
  g_ptr_array_unref (self->accounts);
  self->accounts = g_steal_pointer (&result->accounts);
  new_n = self->accounts->len;

  if (result->current_id != NULL)
    {
      current = porta_account_store_lookup (self, result->current_id);
      if (current == NULL)
        g_debug ("The current account %s is not in the file", result->current_id);
    }
  current_changed = set_current_internal (self, current);

  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec ((GObject *) self, properties[PROP_N_ITEMS]);
  if (current_changed)
    g_object_notify_by_pspec ((GObject *) self, properties[PROP_CURRENT_ACCOUNT]);
}

/* Runs on the caller's thread: the model changes only there. */
static void
load_thread_done_cb (GObject      *source_object,
                     GAsyncResult *inner,
                     gpointer      user_data)
{
  PortaAccountStore *self = PORTA_ACCOUNT_STORE (source_object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (inner), &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_load_result (self, result);

  if (result->error != NULL)
    g_task_return_error (task, g_steal_pointer (&result->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * porta_account_store_load_async:
 * @self: a #PortaAccountStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been read
 * @user_data: data for @callback
 *
 * Reads the accounts file in a worker thread and replaces the store's
 * accounts and current account with its contents (#GListModel::items-changed
 * is emitted on the calling thread). A missing file is an empty store.
 * A file that cannot be parsed is renamed to `accounts.json.corrupt` (or
 * `.corrupt-2`, … if that exists), the store becomes empty and the
 * operation fails with %PORTA_ERROR_FAILED; a file that cannot be read
 * is left in place, the store is unchanged, and saving is refused until
 * a load succeeds.
 */
void
porta_account_store_load_async (PortaAccountStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (PORTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_account_store_load_async);

  inner = g_task_new (self, cancellable, load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, load_thread);
  g_task_set_task_data (inner, g_strdup (self->path), g_free);
  g_task_run_in_thread (inner, load_thread);
}

/**
 * porta_account_store_load_finish:
 * @self: a #PortaAccountStore
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was read (or did not exist)
 */
gboolean
porta_account_store_load_finish (PortaAccountStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_account_store_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

typedef struct
{
  char    *path;
  char    *contents;
  gsize    length;
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->contents, g_free);
  g_free (data);
}

static char *
serialize (PortaAccountStore *self,
           gsize             *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FILE_VERSION);
  json_builder_set_member_name (builder, "currentAccount");
  if (self->current != NULL)
    json_builder_add_string_value (builder, porta_account_get_id (self->current));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    json_builder_add_value (builder, porta_account_to_json (g_ptr_array_index (self->accounts, i)));
  json_builder_end_array (builder);

  if (self->extra != NULL)
    {
      GList *members = json_object_get_members (self->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_value (builder,
                                  json_node_copy (json_object_get_member (self->extra, l->data)));
        }
      g_list_free (members);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PortaAccountStore *self = source_object;
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  locker = g_mutex_locker_new (&self->save_mutex);

  if (data->generation < self->written_generation)
    {
      /* A later save already wrote a newer state: writing this one
       * would go back in time. */
      g_task_return_boolean (task, TRUE);
      return;
    }

  dir = g_path_get_dirname (data->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not create %s: %s", dir, g_strerror (saved_errno));
    }
  else if (g_file_set_contents_full (data->path, data->contents, data->length,
                                     G_FILE_SET_CONTENTS_CONSISTENT |
                                     G_FILE_SET_CONTENTS_DURABLE,
                                     0600, &error))
    {
      self->written_generation = data->generation;
      g_task_return_boolean (task, TRUE);
      return;
    }
  else
    {
      g_debug ("Could not write %s: %s", data->path, error->message);
    }

  display = g_filename_display_name (data->path);
  g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_FAILED,
                           /* Translators: %s is a file name */
                           _("The list of accounts could not be saved in “%s”."),
                           display);
}

/**
 * porta_account_store_save_async:
 * @self: a #PortaAccountStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been written
 * @user_data: data for @callback
 *
 * Writes the accounts and the current account, as they are when called,
 * in a worker thread: atomically (a reader sees the old file or the new
 * one, never half of one) and durably (on disk before the callback),
 * readable only by the user. Saves complete in any order, but an older
 * state never overwrites a newer one.
 *
 * Fails with %PORTA_ERROR_FAILED when the file could not be written, and
 * without writing when the last load found a file it could not read.
 */
void
porta_account_store_save_async (PortaAccountStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (PORTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_account_store_save_async);

  if (self->protect_file)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_FAILED,
                               /* Translators: %s is a file name */
                               _("The list of accounts was not saved, so as not to "
                                 "overwrite “%s”, which could not be read."),
                               display);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->path = g_strdup (self->path);
  data->contents = serialize (self, &data->length);
  g_mutex_lock (&self->save_mutex);
  data->generation = ++self->save_generation;
  g_mutex_unlock (&self->save_mutex);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  g_task_run_in_thread (task, save_thread);
}

/**
 * porta_account_store_save_finish:
 * @self: a #PortaAccountStore
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the accounts are on disk
 */
gboolean
porta_account_store_save_finish (PortaAccountStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_account_store_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
