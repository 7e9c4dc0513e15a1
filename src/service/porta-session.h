/* porta-session.h — who is signed in, and with which client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-account-store.h"
#include "porta-account.h"
#include "porta-auth.h"
#include "porta-client.h"
#include "porta-pin-state.h"

G_BEGIN_DECLS

/**
 * PortaSessionState:
 * @PORTA_SESSION_STATE_LOADING: accounts and credentials are being restored
 * @PORTA_SESSION_STATE_SIGNED_OUT: no account: the welcome page
 * @PORTA_SESSION_STATE_NEEDS_SIGN_IN: an account, but no usable credentials
 * @PORTA_SESSION_STATE_READY: an account with a client that can speak
 */
typedef enum
{
  PORTA_SESSION_STATE_LOADING,
  PORTA_SESSION_STATE_SIGNED_OUT,
  PORTA_SESSION_STATE_NEEDS_SIGN_IN,
  PORTA_SESSION_STATE_READY,
} PortaSessionState;

#define PORTA_TYPE_SESSION (porta_session_get_type ())

G_DECLARE_FINAL_TYPE (PortaSession, porta_session, PORTA, SESSION, GObject)

PortaSession      *porta_session_new                    (PortaAccountStore   *store,
                                                         const char          *sandbox_state_dir);
PortaAccountStore *porta_session_get_store              (PortaSession        *self);
PortaSessionState  porta_session_get_state              (PortaSession        *self);
PortaAccount      *porta_session_get_account            (PortaSession        *self);
PortaClient       *porta_session_get_client             (PortaSession        *self);
PortaPinState     *porta_session_get_pin_state          (PortaSession        *self);
PortaAccount      *porta_session_get_sandbox_account    (PortaSession        *self);
const char        *porta_session_get_keyring_problem    (PortaSession        *self);
const char        *porta_session_get_problem            (PortaSession        *self);

void               porta_session_restore_async          (PortaSession        *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           porta_session_restore_finish         (PortaSession        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void               porta_session_start_sandbox_async    (PortaSession        *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           porta_session_start_sandbox_finish   (PortaSession        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void               porta_session_add_account_async      (PortaSession        *self,
                                                         PortaAccount        *account,
                                                         const PortaTokens   *tokens,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           porta_session_add_account_finish     (PortaSession        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void               porta_session_switch_async           (PortaSession        *self,
                                                         PortaAccount        *account,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           porta_session_switch_finish          (PortaSession        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void               porta_session_sign_out_async         (PortaSession        *self,
                                                         PortaAccount        *account,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           porta_session_sign_out_finish        (PortaSession        *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void               porta_session_shutdown               (PortaSession        *self);

G_END_DECLS
