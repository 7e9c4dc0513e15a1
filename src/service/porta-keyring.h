/* porta-keyring.h — refresh tokens in the Secret Service
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-account.h"

G_BEGIN_DECLS

#define PORTA_KEYRING_SCHEMA_NAME        "io.github.porta.Porta.Token"
#define PORTA_KEYRING_DEFAULT_TIMEOUT_MS 10000

void      porta_keyring_store_async  (PortaAccount         *account,
                                      const char           *refresh_token,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  porta_keyring_store_finish (GAsyncResult         *result,
                                      GError              **error);
void      porta_keyring_lookup_async (PortaAccount         *account,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char     *porta_keyring_lookup_finish (GAsyncResult        *result,
                                       GError             **error);
void      porta_keyring_clear_async  (PortaAccount         *account,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  porta_keyring_clear_finish (GAsyncResult         *result,
                                      GError              **error);
void      porta_keyring_set_timeout  (guint                 timeout_ms);

G_END_DECLS
