/* porta-test-utils.h — helpers shared by Porta's tests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*PortaTestCondition) (gpointer user_data);

gboolean porta_test_init_gtk     (int                 *argc,
                                  char              ***argv);
gboolean porta_test_wait_until   (PortaTestCondition   condition,
                                  gpointer             user_data,
                                  guint                timeout_ms);
void     porta_test_spin         (guint                ms);

G_END_DECLS
