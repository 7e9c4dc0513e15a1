/* sandbox-numbers.h — the tenant's phone numbers (Graph numberAssignment)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-server.h"

G_BEGIN_DECLS

#define SANDBOX_NUMBERS_MAX 1000000

SandboxNumbers *sandbox_numbers_new          (guint64             seed,
                                              const char         *tenant_id,
                                              guint               n_numbers);
void            sandbox_numbers_free         (SandboxNumbers     *self);
guint           sandbox_numbers_get_count    (SandboxNumbers     *self);
gboolean        sandbox_numbers_contains     (SandboxNumbers     *self,
                                              const char         *e164);
gboolean        sandbox_numbers_add_ported   (SandboxNumbers     *self,
                                              const char         *e164);
gboolean        sandbox_numbers_nth          (SandboxNumbers     *self,
                                              guint               index,
                                              char                out[24]);
void            sandbox_numbers_reserved     (guint               which,
                                              char                out[24]);
gboolean        sandbox_is_e164              (const char         *text);

void            sandbox_numbers_handle_list  (SandboxServer      *server,
                                              SoupServerMessage  *msg,
                                              GHashTable         *query);
void            sandbox_numbers_handle_get   (SandboxServer      *server,
                                              SoupServerMessage  *msg,
                                              const char         *id);

G_END_DECLS
