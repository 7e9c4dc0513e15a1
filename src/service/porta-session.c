/* porta-session.c — who is signed in, and with which client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that ties the account store, the keyring, the clients
 * and the private sandbox together, so that the window and portactl see
 * one state: which account is current, whether it can speak, and
 * whether its sign-in will be remembered. Refresh tokens go to the
 * keyring; a keyring that is missing or locked is a problem to show,
 * not a reason to stop: the session goes on for as long as Porta runs.
 */
#define G_LOG_DOMAIN "porta-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "porta-error.h"
#include "porta-keyring.h"
#include "porta-pin.h"
#include "porta-sandbox-launcher.h"
#include "porta-session.h"

struct _PortaSession
{
  GObject               parent_instance;

  PortaAccountStore    *store;
  char                 *sandbox_state_dir;
  PortaSandboxLauncher *launcher;
  PortaAccount         *sandbox_account;

  PortaSessionState     state;
  PortaAccount         *account;
  GHashTable           *clients;   /* account id → PortaClient */
  GHashTable           *pin_states; /* account id → PortaPinState, made on demand */
  char                 *keyring_problem;
  char                 *problem;

  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (PortaSession, porta_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  PROP_ACCOUNT,
  PROP_CLIENT,
  PROP_PIN_STATE,
  PROP_KEYRING_PROBLEM,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (PortaSession      *self,
           PortaSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_account (PortaSession *self,
             PortaAccount *account)
{
  if (!g_set_object (&self->account, account))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIN_STATE]);
}

static void
set_string_prop (PortaSession *self,
                 char        **field,
                 const char   *value,
                 int           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_keyring_problem (PortaSession *self,
                     const GError *error)
{
  set_string_prop (self, &self->keyring_problem, error ? error->message : NULL, PROP_KEYRING_PROBLEM);
}

static void
set_problem (PortaSession *self,
             const char   *message)
{
  set_string_prop (self, &self->problem, message, PROP_PROBLEM);
}

static gboolean
is_keyring_error (const GError *error)
{
  return g_error_matches (error, PORTA_ERROR, PORTA_ERROR_KEYRING_LOCKED) ||
         g_error_matches (error, PORTA_ERROR, PORTA_ERROR_KEYRING_UNAVAILABLE);
}

/* ---- clients ----------------------------------------------------------- */

static void
keyring_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PortaSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (porta_keyring_store_finish (result, &error))
    set_keyring_problem (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("keyring store failed: %s", error->message);
      set_keyring_problem (self, error);
    }
}

static void
remember_refresh_token (PortaSession *self,
                        PortaClient  *client)
{
  PortaAccount *account = porta_client_get_account (client);
  char *refresh_token;

  /* the sandbox forgets its tokens when it stops: nothing to remember */
  if (porta_account_get_sandbox (account))
    return;

  refresh_token = porta_client_dup_refresh_token (client);
  if (refresh_token == NULL)
    return;
  porta_keyring_store_async (account, refresh_token, self->cancellable,
                             keyring_stored_cb, g_object_ref (self));
  porta_pin_free (refresh_token);
}

static void
tokens_changed_cb (PortaClient  *client,
                   PortaSession *self)
{
  /* a rotated refresh token replaces the one in the keyring */
  remember_refresh_token (self, client);
}

static PortaClient *
ensure_client (PortaSession *self,
               PortaAccount *account)
{
  PortaClient *client = g_hash_table_lookup (self->clients, porta_account_get_id (account));

  if (client == NULL)
    {
      client = porta_client_new (account, NULL);
      g_signal_connect_object (client, "tokens-changed", G_CALLBACK (tokens_changed_cb), self, 0);
      g_hash_table_insert (self->clients, g_strdup (porta_account_get_id (account)), client);
    }
  return client;
}

static void
apply_identity (PortaAccount      *account,
                const PortaTokens *tokens)
{
  g_autoptr(PortaIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  if (tokens->id_token == NULL)
    return;
  identity = porta_identity_new_from_id_token (tokens->id_token, &error);
  if (identity == NULL)
    {
      g_debug ("unreadable id_token: %s", error->message);
      return;
    }
  porta_account_set_identity (account, identity->name, identity->username, identity->tenant_id);
}

static void
store_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PortaSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porta_account_store_save_finish (PORTA_ACCOUNT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("saving accounts failed: %s", error->message);
      set_problem (self, error->message);
    }
}

static void
save_store (PortaSession *self)
{
  porta_account_store_save_async (self->store, self->cancellable, store_saved_cb, g_object_ref (self));
}

/* ---- selecting an account ---------------------------------------------- */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  PortaAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *refresh_token;

  refresh_token = porta_keyring_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* only if this account is still the one asked for */
  if (self->account != account)
    {
      porta_pin_free (refresh_token);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL)
    {
      g_debug ("keyring lookup failed: %s", error->message);
      set_keyring_problem (self, error);
    }
  else
    set_keyring_problem (self, NULL);

  if (refresh_token != NULL)
    {
      porta_client_set_refresh_token (ensure_client (self, account), refresh_token);
      porta_pin_free (refresh_token);
      set_state (self, PORTA_SESSION_STATE_READY);
    }
  else
    set_state (self, PORTA_SESSION_STATE_NEEDS_SIGN_IN);

  g_task_return_boolean (task, TRUE);
}

/* Makes @account current; its credentials come from the client already
 * made this session, or from the keyring. */
static void
select_account (PortaSession *self,
                PortaAccount *account,
                GTask        *task)
{
  PortaClient *client;

  set_account (self, account);
  if (account == NULL)
    {
      set_state (self, PORTA_SESSION_STATE_SIGNED_OUT);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (account != self->sandbox_account)
    porta_account_store_set_current (self->store, account);

  client = g_hash_table_lookup (self->clients, porta_account_get_id (account));
  if (client != NULL && porta_client_has_credentials (client))
    {
      set_state (self, PORTA_SESSION_STATE_READY);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (porta_account_get_sandbox (account))
    {
      /* a sandbox from an earlier run: its tokens died with it */
      set_state (self, PORTA_SESSION_STATE_NEEDS_SIGN_IN);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  set_state (self, PORTA_SESSION_STATE_LOADING);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  porta_keyring_lookup_async (account, g_task_get_cancellable (task), lookup_cb, task);
}

/* ---- restore ----------------------------------------------------------- */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  PortaAccount *account;

  if (!porta_account_store_load_finish (self->store, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* the store keeps a corrupt file aside; say so and go on */
      set_problem (self, error->message);
    }

  account = porta_account_store_get_current (self->store);
  if (account == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      g_autoptr(PortaAccount) first = g_list_model_get_item (G_LIST_MODEL (self->store), 0);
      account = first;
    }

  select_account (self, account, g_steal_pointer (&task));
}

/**
 * porta_session_restore_async:
 * @self: a #PortaSession
 *
 * Loads the saved accounts and, for the current one, its refresh token
 * from the keyring, never prompting. Ends in %PORTA_SESSION_STATE_READY,
 * %PORTA_SESSION_STATE_NEEDS_SIGN_IN or %PORTA_SESSION_STATE_SIGNED_OUT;
 * a keyring problem sets #PortaSession:keyring-problem.
 */
void
porta_session_restore_async (PortaSession        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_session_restore_async);
  set_state (self, PORTA_SESSION_STATE_LOADING);
  porta_account_store_load_async (self->store, cancellable, loaded_cb, g_steal_pointer (&task));
}

gboolean
porta_session_restore_finish (PortaSession  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the sandbox ------------------------------------------------------- */

static void
sandbox_signed_in_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  PortaAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;

  tokens = porta_sandbox_launcher_sign_in_finish (PORTA_SANDBOX_LAUNCHER (object), result, &error);
  if (tokens == NULL)
    {
      set_state (self, self->account ? PORTA_SESSION_STATE_NEEDS_SIGN_IN : PORTA_SESSION_STATE_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_identity (account, tokens);
  porta_client_set_tokens (ensure_client (self, account), tokens);
  g_set_object (&self->sandbox_account, account);
  set_account (self, account);
  set_state (self, PORTA_SESSION_STATE_READY);
  g_task_return_boolean (task, TRUE);
}

static void
sandbox_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaAccount) account = NULL;
  PortaClient *client;

  if (!porta_sandbox_launcher_start_finish (PORTA_SANDBOX_LAUNCHER (object), result, &error))
    {
      set_state (self, self->account ? PORTA_SESSION_STATE_READY : PORTA_SESSION_STATE_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  account = porta_sandbox_launcher_create_account (self->launcher);
  client = ensure_client (self, account);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  porta_sandbox_launcher_sign_in_async (self->launcher, porta_client_get_auth (client),
                                        g_task_get_cancellable (task), sandbox_signed_in_cb, task);
  g_steal_pointer (&task);
}

/**
 * porta_session_start_sandbox_async:
 * @self: a #PortaSession
 *
 * Starts a private porta-sandbox (once per session), signs in to it
 * without a browser and makes its account current. The sandbox account
 * is not saved: it lives as long as the sandbox.
 */
void
porta_session_start_sandbox_async (PortaSession        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_session_start_sandbox_async);

  if (self->sandbox_account != NULL)
    {
      set_account (self, self->sandbox_account);
      set_state (self, PORTA_SESSION_STATE_READY);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->launcher == NULL)
    self->launcher = porta_sandbox_launcher_new (self->sandbox_state_dir);
  set_state (self, PORTA_SESSION_STATE_LOADING);
  porta_sandbox_launcher_start_async (self->launcher, cancellable, sandbox_started_cb,
                                      g_steal_pointer (&task));
}

gboolean
porta_session_start_sandbox_finish (PortaSession  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- adding an account ------------------------------------------------- */

static void
add_keyring_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (porta_keyring_store_finish (result, &error))
    set_keyring_problem (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* signed in all the same, for this session */
      g_debug ("keyring store failed: %s", error->message);
      set_keyring_problem (self, error);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * porta_session_add_account_async:
 * @self: a #PortaSession
 * @account: a newly signed-in account
 * @tokens: its tokens
 *
 * Saves @account (or updates the same one saved before), keeps its
 * refresh token in the keyring, and makes it current. A keyring problem
 * does not fail this: it sets #PortaSession:keyring-problem.
 */
void
porta_session_add_account_async (PortaSession        *self,
                                 PortaAccount        *account,
                                 const PortaTokens   *tokens,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PortaAccount *stored;
  PortaClient *client;
  char *refresh_token;

  g_return_if_fail (PORTA_IS_SESSION (self));
  g_return_if_fail (PORTA_IS_ACCOUNT (account));
  g_return_if_fail (tokens != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_session_add_account_async);

  if (porta_account_get_username (account) == NULL)
    apply_identity (account, tokens);

  stored = porta_account_store_add (self->store, account);
  porta_account_store_set_current (self->store, stored);
  save_store (self);

  client = ensure_client (self, stored);
  porta_client_set_tokens (client, tokens);
  set_account (self, stored);
  set_state (self, PORTA_SESSION_STATE_READY);

  refresh_token = porta_client_dup_refresh_token (client);
  if (refresh_token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  porta_keyring_store_async (stored, refresh_token, cancellable, add_keyring_cb, g_steal_pointer (&task));
  porta_pin_free (refresh_token);
}

gboolean
porta_session_add_account_finish (PortaSession  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- switching --------------------------------------------------------- */

/**
 * porta_session_switch_async:
 * @self: a #PortaSession
 * @account: a saved account, or the sandbox's
 *
 * Makes @account current, restoring its credentials from the keyring
 * if this session has none yet.
 */
void
porta_session_switch_async (PortaSession        *self,
                            PortaAccount        *account,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PORTA_IS_SESSION (self));
  g_return_if_fail (PORTA_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_session_switch_async);
  select_account (self, account, task);
  if (account != self->sandbox_account)
    save_store (self);
}

gboolean
porta_session_switch_finish (PortaSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- signing out ------------------------------------------------------- */

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSession *self = g_task_get_source_object (task);
  PortaAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean was_current = self->account == account;
  PortaAccount *next = NULL;

  if (!porta_keyring_clear_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* Signed out all the same: tell the person the secret may remain */
      g_debug ("keyring clear failed: %s", error->message);
      if (is_keyring_error (error))
        set_keyring_problem (self, error);
    }

  porta_account_store_remove (self->store, porta_account_get_id (account));
  save_store (self);

  if (!was_current)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  next = porta_account_store_get_current (self->store);
  if (next == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      g_autoptr(PortaAccount) first = g_list_model_get_item (G_LIST_MODEL (self->store), 0);
      next = first;
    }
  if (next == NULL && self->sandbox_account != NULL && self->sandbox_account != account)
    next = self->sandbox_account;

  g_task_set_task_data (task, NULL, NULL);
  select_account (self, next, g_steal_pointer (&task));
}

/**
 * porta_session_sign_out_async:
 * @self: a #PortaSession
 * @account: the account to sign out
 *
 * Forgets @account: its tokens in memory, its secret in the keyring and
 * its saved entry. If it was current, another account (or none) follows.
 */
void
porta_session_sign_out_async (PortaSession        *self,
                              PortaAccount        *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PortaAccount) keep = NULL;
  PortaClient *client;

  g_return_if_fail (PORTA_IS_SESSION (self));
  g_return_if_fail (PORTA_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_session_sign_out_async);
  keep = g_object_ref (account);

  client = g_hash_table_lookup (self->clients, porta_account_get_id (account));
  if (client != NULL)
    porta_client_forget_credentials (client);
  g_hash_table_remove (self->pin_states, porta_account_get_id (account));
  g_hash_table_remove (self->clients, porta_account_get_id (account));

  if (account == self->sandbox_account)
    {
      PortaAccount *next = porta_account_store_get_current (self->store);

      g_clear_object (&self->sandbox_account);
      if (self->launcher != NULL)
        porta_sandbox_launcher_stop (self->launcher);
      if (self->account != account)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      select_account (self, next, g_steal_pointer (&task));
      return;
    }

  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  porta_keyring_clear_async (account, cancellable, cleared_cb, g_steal_pointer (&task));
}

gboolean
porta_session_sign_out_finish (PortaSession  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * porta_session_shutdown:
 * @self: a #PortaSession
 *
 * Cancels what is under way and stops the private sandbox, which saves
 * its state. Called when Porta quits.
 */
void
porta_session_shutdown (PortaSession *self)
{
  g_return_if_fail (PORTA_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);
  if (self->launcher != NULL)
    porta_sandbox_launcher_stop (self->launcher);
}

/* ---- the object -------------------------------------------------------- */

PortaAccountStore *
porta_session_get_store (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  return self->store;
}

PortaSessionState
porta_session_get_state (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), PORTA_SESSION_STATE_LOADING);
  return self->state;
}

/**
 * porta_session_get_account:
 *
 * Returns: (transfer none) (nullable): the current account
 */
PortaAccount *
porta_session_get_account (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  return self->account;
}

/**
 * porta_session_get_client:
 *
 * Returns: (transfer none) (nullable): the current account's client
 */
PortaClient *
porta_session_get_client (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  if (self->account == NULL)
    return NULL;
  return g_hash_table_lookup (self->clients, porta_account_get_id (self->account));
}

/**
 * porta_session_get_pin_state:
 *
 * The one #PortaPinState of the current account's client, which every
 * page showing the PIN observes; made the first time it is asked for,
 * and read by the first porta_pin_state_load().
 *
 * Returns: (transfer none) (nullable): the current client's PIN state,
 *   or %NULL without a client
 */
PortaPinState *
porta_session_get_pin_state (PortaSession *self)
{
  PortaClient *client;
  PortaPinState *state;
  const char *id;

  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);

  client = porta_session_get_client (self);
  if (client == NULL)
    return NULL;

  id = porta_account_get_id (self->account);
  state = g_hash_table_lookup (self->pin_states, id);
  if (state == NULL || porta_pin_state_get_client (state) != client)
    {
      state = porta_pin_state_new (client);
      g_hash_table_replace (self->pin_states, g_strdup (id), state);
    }
  return state;
}

static void
cancel_pin_state (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  porta_pin_state_cancel (value);
}

/**
 * porta_session_get_sandbox_account:
 *
 * Returns: (transfer none) (nullable): the private sandbox's account, if
 *   one runs in this session
 */
PortaAccount *
porta_session_get_sandbox_account (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  return self->sandbox_account;
}

/**
 * porta_session_get_keyring_problem:
 *
 * Returns: (nullable): why sign-in will not be remembered, or %NULL
 */
const char *
porta_session_get_keyring_problem (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  return self->keyring_problem;
}

/**
 * porta_session_get_problem:
 *
 * Returns: (nullable): a problem with the saved accounts, or %NULL
 */
const char *
porta_session_get_problem (PortaSession *self)
{
  g_return_val_if_fail (PORTA_IS_SESSION (self), NULL);
  return self->problem;
}

static void
porta_session_dispose (GObject *object)
{
  PortaSession *self = PORTA_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->launcher);
  g_clear_object (&self->sandbox_account);
  g_clear_object (&self->account);
  if (self->pin_states != NULL)
    g_hash_table_foreach (self->pin_states, cancel_pin_state, NULL);
  g_clear_pointer (&self->pin_states, g_hash_table_unref);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (porta_session_parent_class)->dispose (object);
}

static void
porta_session_finalize (GObject *object)
{
  PortaSession *self = PORTA_SESSION (object);

  g_clear_object (&self->cancellable);
  g_free (self->sandbox_state_dir);
  g_free (self->keyring_problem);
  g_free (self->problem);

  G_OBJECT_CLASS (porta_session_parent_class)->finalize (object);
}

static void
porta_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PortaSession *self = PORTA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, porta_session_get_client (self));
      break;
    case PROP_PIN_STATE:
      g_value_set_object (value, porta_session_get_pin_state (self));
      break;
    case PROP_KEYRING_PROBLEM:
      g_value_set_string (value, self->keyring_problem);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_session_class_init (PortaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_session_dispose;
  object_class->finalize = porta_session_finalize;
  object_class->get_property = porta_session_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PORTA_TYPE_ACCOUNT_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* PortaSessionState, as an int: libporta registers no enum type for it */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      PORTA_SESSION_STATE_LOADING, PORTA_SESSION_STATE_READY,
                      PORTA_SESSION_STATE_LOADING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, PORTA_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaSession:pin-state:
   *
   * The current client's #PortaPinState; changes with #PortaSession:client.
   */
  properties[PROP_PIN_STATE] =
    g_param_spec_object ("pin-state", NULL, NULL, PORTA_TYPE_PIN_STATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYRING_PROBLEM] =
    g_param_spec_string ("keyring-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_session_init (PortaSession *self)
{
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pin_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->state = PORTA_SESSION_STATE_LOADING;
}

/**
 * porta_session_new:
 * @store: the saved accounts
 * @sandbox_state_dir: (nullable): where a private sandbox keeps its
 *   state; %NULL for `$XDG_DATA_HOME/porta/sandbox`
 *
 * Returns: (transfer full): a session; call porta_session_restore_async()
 *   or porta_session_start_sandbox_async() next
 */
PortaSession *
porta_session_new (PortaAccountStore *store,
                   const char        *sandbox_state_dir)
{
  PortaSession *self;

  g_return_val_if_fail (PORTA_IS_ACCOUNT_STORE (store), NULL);

  self = g_object_new (PORTA_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->sandbox_state_dir = g_strdup (sandbox_state_dir);
  return self;
}
