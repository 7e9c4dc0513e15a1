/* sandbox-faults.h — injected failures, deterministic from the seed
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SANDBOX_FAULT_NONE,
  SANDBOX_FAULT_THROTTLE,
  SANDBOX_FAULT_UNAVAILABLE,
  SANDBOX_FAULT_RESET,
  SANDBOX_FAULT_TRUNCATE,
  SANDBOX_FAULT_MALFORMED,
} SandboxFault;

typedef struct _SandboxFaults SandboxFaults;

SandboxFaults *sandbox_faults_new         (const char    *spec,
                                           guint64        seed,
                                           GError       **error);
void           sandbox_faults_free        (SandboxFaults *self);
SandboxFault   sandbox_faults_next        (SandboxFaults *self);
guint          sandbox_faults_latency     (SandboxFaults *self);
guint          sandbox_faults_retry_after (SandboxFaults *self);
const char    *sandbox_fault_nick         (SandboxFault   fault);

G_END_DECLS
