/* porta-account-store.h — the accounts file shared by porta and portactl
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-account.h"

G_BEGIN_DECLS

#define PORTA_TYPE_ACCOUNT_STORE (porta_account_store_get_type ())

G_DECLARE_FINAL_TYPE (PortaAccountStore, porta_account_store, PORTA, ACCOUNT_STORE, GObject)

PortaAccountStore *porta_account_store_new         (const char           *path);
const char        *porta_account_store_get_path    (PortaAccountStore    *self);

void               porta_account_store_load_async  (PortaAccountStore    *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean           porta_account_store_load_finish (PortaAccountStore    *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void               porta_account_store_save_async  (PortaAccountStore    *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean           porta_account_store_save_finish (PortaAccountStore    *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

PortaAccount      *porta_account_store_add         (PortaAccountStore    *self,
                                                    PortaAccount         *account);
gboolean           porta_account_store_remove      (PortaAccountStore    *self,
                                                    const char           *id);
PortaAccount      *porta_account_store_lookup      (PortaAccountStore    *self,
                                                    const char           *id);
PortaAccount      *porta_account_store_get_current (PortaAccountStore    *self);
void               porta_account_store_set_current (PortaAccountStore    *self,
                                                    PortaAccount         *account);

G_END_DECLS
