/* porta-sandbox-launcher.h — a private porta-sandbox for `--sandbox`
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-account.h"
#include "porta-auth.h"

G_BEGIN_DECLS

/* The sandbox's client id: any application id will do there; this one
 * is Porta's own, so that its sign-ins are recognisable in its log. */
#define PORTA_SANDBOX_CLIENT_ID "3b1f3c5e-7a0d-4c8e-9f27-5e0c1d2a9b64"

#define PORTA_TYPE_SANDBOX_LAUNCHER (porta_sandbox_launcher_get_type ())

G_DECLARE_FINAL_TYPE (PortaSandboxLauncher, porta_sandbox_launcher, PORTA, SANDBOX_LAUNCHER, GObject)

PortaSandboxLauncher *porta_sandbox_launcher_new               (const char            *state_dir);
char                 *porta_sandbox_launcher_find_program      (GError               **error);
char                 *porta_sandbox_launcher_default_state_dir (void);
void                  porta_sandbox_launcher_set_extra_args    (PortaSandboxLauncher  *self,
                                                                const char * const    *args);

void                  porta_sandbox_launcher_start_async       (PortaSandboxLauncher  *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
gboolean              porta_sandbox_launcher_start_finish      (PortaSandboxLauncher  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
const char           *porta_sandbox_launcher_get_base_url      (PortaSandboxLauncher  *self);
PortaAccount         *porta_sandbox_launcher_create_account    (PortaSandboxLauncher  *self);
void                  porta_sandbox_launcher_sign_in_async     (PortaSandboxLauncher  *self,
                                                                PortaAuth             *auth,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
PortaTokens          *porta_sandbox_launcher_sign_in_finish    (PortaSandboxLauncher  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
void                  porta_sandbox_launcher_stop              (PortaSandboxLauncher  *self);

G_END_DECLS
