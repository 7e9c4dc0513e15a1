/* sandbox-filter.h — the OData $filter subset the admin API accepts
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One comparison: `property eq 'value'` (value NULL for `null`),
 * `property/any(c:c eq 'value')` when @any is set, or
 * `startswith(property, 'value')` when @starts_with is set. */
typedef struct
{
  char     *property;
  gboolean  any;
  gboolean  starts_with;
  char     *value;
} SandboxCondition;

GPtrArray *sandbox_filter_parse (const char  *text,
                                 GError     **error);

G_END_DECLS
