/* porta-test-utils.h — helpers shared by Porta's tests, GLib only
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links libporta only; the GTK helpers are in porta-test-gtk-utils.h.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "porta-auth.h"
#include "porta-client.h"
#include "porta-session.h"

G_BEGIN_DECLS

typedef gboolean (*PortaTestCondition) (gpointer user_data);

gboolean porta_test_wait_until   (PortaTestCondition   condition,
                                  gpointer             user_data,
                                  guint                timeout_ms);
gboolean porta_test_wait_for_value (gpointer           object,
                                    const char        *property,
                                    int                value,
                                    guint              timeout_ms);
void     porta_test_spin         (guint                ms);
void     porta_test_rm_rf        (const char          *path);

/**
 * PortaTestWaiter:
 * @result: the async call's result, %NULL until it ends
 *
 * Catches the result of one async call: pass porta_test_waiter_cb() and
 * the waiter to the `_async` function, then porta_test_waiter_wait().
 */
typedef struct
{
  GAsyncResult *result;
} PortaTestWaiter;

void          porta_test_waiter_cb    (GObject         *source_object,
                                       GAsyncResult    *result,
                                       gpointer         user_data);
GAsyncResult *porta_test_waiter_wait  (PortaTestWaiter *waiter,
                                       guint            timeout_ms);
void          porta_test_waiter_clear (PortaTestWaiter *waiter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PortaTestWaiter, porta_test_waiter_clear)

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

gboolean          porta_test_have_sandbox       (void);
PortaTestSandbox *porta_test_sandbox_start      (const char        *state_dir,
                                                 const char * const *args);
void              porta_test_sandbox_stop       (PortaTestSandbox  *sandbox);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortaTestSandbox, porta_test_sandbox_stop)

G_END_DECLS

G_BEGIN_DECLS

void         porta_test_open_page (SoupSession *browser,
                                   const char  *uri);
PortaTokens *porta_test_sign_in (PortaAuth  *auth,
                                 GError    **error);
PortaClient *porta_test_signed_in_client (PortaTestSandbox  *sandbox,
                                          GError           **error);
PortaClient *porta_test_client           (PortaTestSandbox  *sandbox,
                                          guint              max_attempts,
                                          guint              max_total_ms,
                                          guint              base_delay_ms);

PortaSession *porta_test_session_new (const char *dir);

G_END_DECLS
