/* sandbox-state.h — the state file, written atomically
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  sandbox_state_write (const char  *path,
                               JsonNode    *root,
                               GError     **error);
JsonNode *sandbox_state_read  (const char  *path,
                               GError     **error);

G_END_DECLS
