/* porta-keyring.c — refresh tokens in the Secret Service
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-keyring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "porta-error.h"
#include "porta-keyring.h"
#include "porta-pin.h"

/* Why this does not use secret_password_lookup() and friends:
 *
 * - they unlock a locked collection, which opens a prompt; under a display
 *   with no one to answer it (or with a prompter that never comes up) the
 *   call waits forever, and headless it returns "nothing stored", which
 *   would make Porta ask to sign in again for the wrong reason. Porta never
 *   asks to unlock: it searches without SECRET_SEARCH_UNLOCK, sees locked
 *   items as locked, and says so (PORTA_ERROR_KEYRING_LOCKED) so that the
 *   caller can go on signed in for this session only;
 * - secret_password_store() creates a missing default collection, which
 *   prompts for a password too.
 *
 * Every call runs on its own GCancellable, cancelled by the caller's and by
 * a time-out; on the time-out the call completes at once, whatever the
 * Secret Service does later. */

static const SecretSchema token_schema = {
  PORTA_KEYRING_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "authority", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static guint keyring_timeout_ms = PORTA_KEYRING_DEFAULT_TIMEOUT_MS;

typedef enum
{
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
} KeyringOp;

typedef enum
{
  PROBLEM_UNAVAILABLE,
  PROBLEM_TIMEOUT,
  PROBLEM_LOCKED,
} KeyringProblem;

typedef struct
{
  KeyringOp      op;
  gboolean       completed;
  gboolean       timed_out;

  GHashTable    *attributes;         /* what the item is stored with */
  GHashTable    *id_attributes;      /* what finds it: the account id alone */
  char          *label;
  SecretValue   *value;              /* the token to store, in secure memory */

  GCancellable  *cancellable;        /* ours: cancelled by the caller's or the time-out */
  GCancellable  *caller_cancellable;
  gulong         caller_handler;
  GSource       *timeout_source;

  SecretService *service;
  char          *created_path;       /* store: the item just written */
  GList         *to_delete;          /* of SecretItem */
  gboolean       found_locked;
} KeyringCall;

static void
keyring_call_stop (KeyringCall *call)
{
  if (call->caller_handler != 0)
    {
      g_cancellable_disconnect (call->caller_cancellable, call->caller_handler);
      call->caller_handler = 0;
    }
  if (call->timeout_source != NULL)
    {
      g_source_destroy (call->timeout_source);
      g_clear_pointer (&call->timeout_source, g_source_unref);
    }
}

static void
keyring_call_free (KeyringCall *call)
{
  keyring_call_stop (call);
  g_clear_pointer (&call->attributes, g_hash_table_unref);
  g_clear_pointer (&call->id_attributes, g_hash_table_unref);
  g_clear_pointer (&call->label, g_free);
  g_clear_pointer (&call->value, secret_value_unref);
  g_clear_object (&call->cancellable);
  g_clear_object (&call->caller_cancellable);
  g_clear_object (&call->service);
  g_clear_pointer (&call->created_path, g_free);
  g_list_free_full (g_steal_pointer (&call->to_delete), g_object_unref);
  g_free (call);
}

/**
 * porta_keyring_set_timeout:
 * @timeout_ms: how long a keyring call may take, in milliseconds
 *
 * Sets the time-out of every keyring call started afterwards;
 * %PORTA_KEYRING_DEFAULT_TIMEOUT_MS by default. For tests.
 */
void
porta_keyring_set_timeout (guint timeout_ms)
{
  g_return_if_fail (timeout_ms > 0);
  g_atomic_int_set (&keyring_timeout_ms, timeout_ms);
}

static const char *
problem_message (KeyringOp      op,
                 KeyringProblem problem)
{
  switch (op)
    {
    case OP_STORE:
      switch (problem)
        {
        case PROBLEM_LOCKED:
          return _("The keyring is locked, so your sign-in will not be remembered.");
        case PROBLEM_TIMEOUT:
          return _("The keyring did not respond in time, so your sign-in will not be remembered.");
        case PROBLEM_UNAVAILABLE:
        default:
          return _("No keyring is available, so your sign-in will not be remembered.");
        }
    case OP_LOOKUP:
      switch (problem)
        {
        case PROBLEM_LOCKED:
          return _("The keyring is locked, so your saved sign-in cannot be used. "
                   "Unlock it, or sign in again.");
        case PROBLEM_TIMEOUT:
          return _("The keyring did not respond in time, so your saved sign-in "
                   "cannot be used. Sign in again.");
        case PROBLEM_UNAVAILABLE:
        default:
          return _("No keyring is available, so your saved sign-in cannot be used. "
                   "Sign in again.");
        }
    case OP_CLEAR:
    default:
      switch (problem)
        {
        case PROBLEM_LOCKED:
          return _("The keyring is locked, so your saved sign-in could not be removed.");
        case PROBLEM_TIMEOUT:
          return _("The keyring did not respond in time, so your saved sign-in "
                   "could not be removed.");
        case PROBLEM_UNAVAILABLE:
        default:
          return _("No keyring is available, so your saved sign-in could not be removed.");
        }
    }
}

static GError *
new_problem (KeyringCall    *call,
             KeyringProblem  problem)
{
  return g_error_new_literal (PORTA_ERROR,
                              problem == PROBLEM_LOCKED ? PORTA_ERROR_KEYRING_LOCKED
                                                        : PORTA_ERROR_KEYRING_UNAVAILABLE,
                              problem_message (call->op, problem));
}

/* Turns what libsecret or D-Bus said into what the caller can act on;
 * the original goes to the debug log. */
static GError *
map_error (KeyringCall *call,
           GError      *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (call->caller_cancellable) || !call->timed_out)
        return g_steal_pointer (&owned);
      return new_problem (call, PROBLEM_TIMEOUT);
    }

  g_debug ("Secret Service: %s (%s %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return new_problem (call, PROBLEM_LOCKED);

  /* No bus (G_IO_ERROR), no Secret Service on it
   * (G_DBUS_ERROR_SERVICE_UNKNOWN), or one that misbehaves: Porta cannot
   * keep the token, whatever the reason. */
  return new_problem (call, PROBLEM_UNAVAILABLE);
}

static void
complete_error (GTask  *task,
                GError *error)
{
  KeyringCall *call = g_task_get_task_data (task);

  if (call->completed)
    {
      /* Already timed out: this is the late answer. */
      g_error_free (error);
      return;
    }
  call->completed = TRUE;
  keyring_call_stop (call);
  g_task_return_error (task, map_error (call, error));
}

static void
complete_problem (GTask          *task,
                  KeyringProblem  problem)
{
  KeyringCall *call = g_task_get_task_data (task);

  if (call->completed)
    return;
  call->completed = TRUE;
  keyring_call_stop (call);
  g_task_return_error (task, new_problem (call, problem));
}

static void
complete_boolean (GTask *task)
{
  KeyringCall *call = g_task_get_task_data (task);

  if (call->completed)
    return;
  call->completed = TRUE;
  keyring_call_stop (call);
  g_task_return_boolean (task, TRUE);
}

static void
complete_token (GTask *task,
                char  *token)
{
  KeyringCall *call = g_task_get_task_data (task);

  if (call->completed)
    {
      porta_pin_free (token);
      return;
    }
  call->completed = TRUE;
  keyring_call_stop (call);
  /* porta_pin_free wipes the copy if the result is never taken. */
  g_task_return_pointer (task, token, (GDestroyNotify) porta_pin_free);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  KeyringCall *call = g_task_get_task_data (task);

  g_debug ("Secret Service did not answer within %u ms", g_atomic_int_get (&keyring_timeout_ms));
  call->timed_out = TRUE;
  g_cancellable_cancel (call->cancellable);
  complete_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "timed out"));

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* The default collection, without unlocking or creating it. */
static void
get_default_collection (GTask               *task,
                        GAsyncReadyCallback  callback)
{
  KeyringCall *call = g_task_get_task_data (task);

  secret_collection_for_alias (call->service, "default", SECRET_COLLECTION_NONE,
                               call->cancellable, callback, g_object_ref (task));
}

/* Deleting, one item after the other */

static void delete_next (GTask *task);

static void
delete_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_item_delete_finish (SECRET_ITEM (source_object), result, &error))
    {
      if (call->op == OP_CLEAR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          complete_error (task, g_steal_pointer (&error));
          return;
        }
      /* After a store, the new token is in place; an old copy that will
       * not go away is untidy, not a failure. */
      g_debug ("Could not delete an old copy of the token: %s", error->message);
    }

  delete_next (task);
}

static void
delete_next (GTask *task)
{
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(SecretItem) item = NULL;

  if (call->completed)
    return;

  if (call->to_delete == NULL)
    {
      if (call->found_locked)
        complete_problem (task, PROBLEM_LOCKED);
      else
        complete_boolean (task);
      return;
    }

  item = call->to_delete->data;
  call->to_delete = g_list_delete_link (call->to_delete, call->to_delete);
  secret_item_delete (item, call->cancellable, delete_cb, g_object_ref (task));
}

/* Store: default collection → create (replace) → prune older copies */

static void
store_prune_search_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_service_search_finish (call->service, result, &error);
  if (error != NULL)
    {
      /* The token is stored; only the tidying failed. */
      g_debug ("Could not look for old copies of the token: %s", error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        complete_error (task, g_steal_pointer (&error));
      else
        complete_boolean (task);
      return;
    }

  /* A copy stored under other attributes (the username changed) is not
   * replaced by SECRET_ITEM_CREATE_REPLACE; it would linger and could be
   * found first. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;

      if (g_strcmp0 (g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)), call->created_path) != 0 &&
          !secret_item_get_locked (item))
        call->to_delete = g_list_prepend (call->to_delete, g_object_ref (item));
    }
  g_list_free_full (items, g_object_unref);

  delete_next (task);
}

static void
store_create_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretItem) item = NULL;

  item = secret_item_create_finish (result, &error);
  if (item == NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->completed)
    return;

  call->created_path = g_strdup (g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)));
  secret_service_search (call->service, &token_schema, call->id_attributes,
                         SECRET_SEARCH_ALL, call->cancellable,
                         store_prune_search_cb, g_object_ref (task));
}

static void
store_collection_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->completed)
    return;

  if (collection == NULL)
    {
      /* Creating it would ask for a password. */
      g_debug ("The Secret Service has no default collection");
      complete_problem (task, PROBLEM_UNAVAILABLE);
      return;
    }
  if (secret_collection_get_locked (collection))
    {
      complete_problem (task, PROBLEM_LOCKED);
      return;
    }

  secret_item_create (collection, &token_schema, call->attributes, call->label,
                      call->value, SECRET_ITEM_CREATE_REPLACE, call->cancellable,
                      store_create_cb, g_object_ref (task));
}

/* Lookup: search → an unlocked item's secret, or locked, or absent */

static void
lookup_collection_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }

  /* A locked collection may hide its items from a search: "nothing
   * found" means nothing only when it is unlocked. */
  if (collection != NULL && secret_collection_get_locked (collection))
    complete_problem (task, PROBLEM_LOCKED);
  else if (call->op == OP_LOOKUP)
    complete_token (task, NULL);
  else
    complete_boolean (task);
}

static void
lookup_search_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gboolean found_locked = FALSE;
  GList *items;

  items = secret_service_search_finish (call->service, result, &error);
  if (error != NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }

  for (GList *l = items; l != NULL && token == NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(SecretValue) value = NULL;
      const char *text;

      if (secret_item_get_locked (item))
        {
          found_locked = TRUE;
          continue;
        }

      value = secret_item_get_secret (item);
      text = value != NULL ? secret_value_get_text (value) : NULL;
      if (text != NULL && text[0] != '\0')
        token = g_strdup (text);
      else
        g_debug ("Keyring item %s holds no text", g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)));
    }
  g_list_free_full (items, g_object_unref);

  if (token != NULL)
    complete_token (task, g_steal_pointer (&token));
  else if (found_locked)
    complete_problem (task, PROBLEM_LOCKED);
  else if (!call->completed)
    get_default_collection (task, lookup_collection_cb);
}

/* Clear: search → delete every unlocked copy; locked ones are an error */

static void
clear_search_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_service_search_finish (call->service, result, &error);
  if (error != NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }

  if (items == NULL)
    {
      /* Nothing to delete, unless a locked collection hides it. */
      if (!call->completed)
        get_default_collection (task, lookup_collection_cb);
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;

      if (secret_item_get_locked (item))
        call->found_locked = TRUE;
      else
        call->to_delete = g_list_prepend (call->to_delete, g_object_ref (item));
    }
  g_list_free_full (items, g_object_unref);

  delete_next (task);
}

static void
service_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  call->service = secret_service_get_finish (result, &error);
  if (call->service == NULL)
    {
      complete_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->completed)
    return;

  switch (call->op)
    {
    case OP_STORE:
      get_default_collection (task, store_collection_cb);
      break;
    case OP_LOOKUP:
      /* No SECRET_SEARCH_UNLOCK: never a prompt. */
      secret_service_search (call->service, &token_schema, call->id_attributes,
                             SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                             call->cancellable, lookup_search_cb, g_object_ref (task));
      break;
    case OP_CLEAR:
      secret_service_search (call->service, &token_schema, call->id_attributes,
                             SECRET_SEARCH_ALL, call->cancellable,
                             clear_search_cb, g_object_ref (task));
      break;
    default:
      g_assert_not_reached ();
    }
}

static GTask *
keyring_call_new (KeyringOp            op,
                  PortaAccount        *account,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  KeyringCall *call = g_new0 (KeyringCall, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) keyring_call_free);

  call->op = op;
  call->id_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (call->id_attributes, (char *) "account-id",
                       g_strdup (porta_account_get_id (account)));

  call->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      call->caller_cancellable = g_object_ref (cancellable);
      call->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (call->cancellable),
                                                    g_object_unref);
    }

  /* The source holds the task until the call completes, which always
   * happens: at the latest, here. */
  call->timeout_source = g_timeout_source_new (g_atomic_int_get (&keyring_timeout_ms));
  g_source_set_name (call->timeout_source, "[porta] keyring time-out");
  g_source_set_callback (call->timeout_source, timeout_cb, g_object_ref (task), g_object_unref);
  g_source_attach (call->timeout_source, g_task_get_context (task));

  return task;
}

static void
keyring_call_start (GTask *task)
{
  KeyringCall *call = g_task_get_task_data (task);

  secret_service_get (SECRET_SERVICE_OPEN_SESSION, call->cancellable,
                      service_cb, g_object_ref (task));
}

/**
 * porta_keyring_store_async:
 * @account: the account the token belongs to
 * @refresh_token: the refresh token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is stored, or not
 * @user_data: data for @callback
 *
 * Stores @refresh_token in the default collection of the Secret Service,
 * under the schema `io.github.porta.Porta.Token` with the attributes
 * `account-id`, `authority` and `username`, replacing what was stored for
 * the account before. Never prompts: a locked or missing default
 * collection is an error, not a dialog.
 *
 * Fails with %PORTA_ERROR_KEYRING_LOCKED, or %PORTA_ERROR_KEYRING_UNAVAILABLE
 * (no Secret Service, or no answer within the time-out); either way the
 * caller can stay signed in for this session only.
 */
void
porta_keyring_store_async (PortaAccount        *account,
                           const char          *refresh_token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyringCall *call;
  const char *username;
  const char *who;

  g_return_if_fail (PORTA_IS_ACCOUNT (account));
  g_return_if_fail (refresh_token != NULL && refresh_token[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = keyring_call_new (OP_STORE, account, porta_keyring_store_async,
                           cancellable, callback, user_data);
  call = g_task_get_task_data (task);

  username = porta_account_get_username (account);
  call->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (call->attributes, (char *) "account-id",
                       g_strdup (porta_account_get_id (account)));
  g_hash_table_insert (call->attributes, (char *) "authority",
                       g_strdup (porta_account_get_authority (account)));
  if (username != NULL)
    g_hash_table_insert (call->attributes, (char *) "username", g_strdup (username));

  who = username;
  if (who == NULL)
    who = porta_account_get_display_name (account);
  if (who == NULL)
    who = porta_account_get_id (account);
  /* Translators: the name of Porta's entry in the keyring (seen in
   * Passwords and Keys); %s is the account's user name, such as
   * “alice@contoso.com” */
  call->label = g_strdup_printf (_("Porta sign-in for %s"), who);

  /* Copied once, into libsecret's secure memory, which is wiped on free. */
  call->value = secret_value_new (refresh_token, -1, "text/plain");

  keyring_call_start (task);
}

/**
 * porta_keyring_store_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the token is in the keyring
 */
gboolean
porta_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_keyring_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * porta_keyring_lookup_async:
 * @account: an account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token, or without
 * @user_data: data for @callback
 *
 * Reads the refresh token stored for @account, without ever unlocking the
 * keyring: a locked item, or nothing found while the default collection
 * is locked (it may hide the item), is %PORTA_ERROR_KEYRING_LOCKED, never
 * "nothing stored".
 */
void
porta_keyring_lookup_async (PortaAccount        *account,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = keyring_call_new (OP_LOOKUP, account, porta_keyring_lookup_async,
                           cancellable, callback, user_data);
  keyring_call_start (task);
}

/**
 * porta_keyring_lookup_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * The token is the only copy Porta made of it: wipe and free it with
 * porta_pin_free() when done.
 *
 * Returns: (transfer full) (nullable): the refresh token, or %NULL with
 *   @error set, or %NULL and no error when nothing is stored
 */
char *
porta_keyring_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_keyring_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * porta_keyring_clear_async:
 * @account: an account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is gone, or not
 * @user_data: data for @callback
 *
 * Deletes every copy of @account's refresh token: what signing out does.
 * Nothing stored is success. A copy in a locked collection cannot be
 * deleted without unlocking, which Porta does not do:
 * %PORTA_ERROR_KEYRING_LOCKED.
 */
void
porta_keyring_clear_async (PortaAccount        *account,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = keyring_call_new (OP_CLEAR, account, porta_keyring_clear_async,
                           cancellable, callback, user_data);
  keyring_call_start (task);
}

/**
 * porta_keyring_clear_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if no copy of the token is left
 */
gboolean
porta_keyring_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_keyring_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
