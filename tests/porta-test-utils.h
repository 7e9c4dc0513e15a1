/* porta-test-utils.h — helpers shared by Porta's tests
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-auth.h"
#include "porta-client.h"

G_BEGIN_DECLS

typedef gboolean (*PortaTestCondition) (gpointer user_data);

gboolean porta_test_init_gtk     (int                 *argc,
                                  char              ***argv);
gboolean porta_test_wait_until   (PortaTestCondition   condition,
                                  gpointer             user_data,
                                  guint                timeout_ms);
void     porta_test_spin         (guint                ms);
gboolean porta_test_activate_shortcut (gpointer        widget,
                                       guint           keyval,
                                       guint           modifiers);

G_END_DECLS

G_BEGIN_DECLS

/**
 * PortaTestSandbox:
 * @process: the porta-sandbox process
 * @base_url: `http://127.0.0.1:PORT`
 * @authority: `{base_url}/sandbox`
 * @api_base: `{base_url}/v1.0`
 * @state_dir: its state directory
 *
 * A real porta-sandbox on a free loopback port, for one test.
 */
typedef struct
{
  GSubprocess *process;
  char        *base_url;
  char        *authority;
  char        *api_base;
  char        *state_dir;
  gboolean     own_state_dir;
} PortaTestSandbox;

#define PORTA_TEST_CLIENT_ID "6731de76-14a6-49ae-97bc-6eba6914391e"

PortaTestSandbox *porta_test_sandbox_start      (const char        *state_dir,
                                                 const char * const *args);
void              porta_test_sandbox_stop       (PortaTestSandbox  *sandbox);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaTestSandbox, porta_test_sandbox_stop)

G_END_DECLS

G_BEGIN_DECLS

PortaTokens *porta_test_sign_in (PortaAuth  *auth,
                                 GError    **error);
PortaClient *porta_test_signed_in_client (PortaTestSandbox  *sandbox,
                                          GError           **error);

G_END_DECLS
