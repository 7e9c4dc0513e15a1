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

/* Who a number is assigned to, for the people the tenant holds */
typedef enum
{
  SANDBOX_TARGET_NONE,
  SANDBOX_TARGET_USER,
  SANDBOX_TARGET_ON_PREM_USER,
  SANDBOX_TARGET_RESOURCE_ACCOUNT,
} SandboxTargetKind;

typedef struct
{
  SandboxTargetKind  kind;
  char               guid[37];
  char               e164[24];
  const char        *category;
  const char        *city;      /* may be NULL */
  gboolean           italian;
} SandboxTarget;

gboolean        sandbox_numbers_nth_target   (SandboxNumbers     *self,
                                              guint               index,
                                              SandboxTarget      *out);

void            sandbox_numbers_handle_list  (SandboxServer      *server,
                                              SoupServerMessage  *msg,
                                              GHashTable         *query);
void            sandbox_numbers_handle_get   (SandboxServer      *server,
                                              SoupServerMessage  *msg,
                                              const char         *id);

G_END_DECLS
