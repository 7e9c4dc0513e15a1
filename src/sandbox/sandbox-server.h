/* sandbox-server.h — porta-sandbox: the server and what it holds
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SandboxAuth    SandboxAuth;
typedef struct _SandboxNumbers SandboxNumbers;
typedef struct _SandboxPeople  SandboxPeople;
typedef struct _SandboxOrders  SandboxOrders;
typedef struct _SandboxPin     SandboxPin;
typedef struct _SandboxFaults  SandboxFaults;

#define SANDBOX_API_ROOT "/v1.0/admin/teams/telephoneNumberManagement"

/* The one demo tenant and its admin */
typedef struct
{
  const char *display_name;
  const char *user_principal_name;
  const char *oid;
} SandboxUser;

typedef struct
{
  guint     port;
  char     *state_dir;
  guint     n_numbers;
  guint64   seed;
  gboolean  auto_approve;
  guint     token_lifetime;
  char     *faults;
  double    order_speed;
  guint     device_code_lifetime;
  guint     device_interval;
  gboolean  graph_like;
  guint     withheld_scopes;  /* SANDBOX_SCOPE_* never granted */
} SandboxOptions;

typedef struct
{
  SandboxOptions  options;
  SoupServer     *soup;
  char           *base_url;
  char           *state_path;
  char           *tenant_id;
  guint64         seed;
  SandboxAuth    *auth;
  SandboxNumbers *numbers;
  SandboxPeople  *people;
  SandboxOrders  *orders;
  SandboxPin     *pin;
  SandboxFaults  *faults;
  guint           tick_id;
  guint64         n_requests;
} SandboxServer;

/* Who called the API: from the access token */
typedef struct
{
  guint              scopes;
  const SandboxUser *user;
} SandboxCaller;

const SandboxUser *sandbox_demo_user     (void);

SandboxServer     *sandbox_server_new    (const SandboxOptions *options,
                                          GError              **error);
gboolean           sandbox_server_listen (SandboxServer        *self,
                                          GError              **error);
gboolean           sandbox_server_save   (SandboxServer        *self,
                                          GError              **error);
void               sandbox_server_free   (SandboxServer        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandboxServer, sandbox_server_free)

G_END_DECLS
