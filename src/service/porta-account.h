/* porta-account.h — one signed-in organization, without its secrets
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Microsoft 365: the multi-tenant work-account authority and Graph v1.0 */
#define PORTA_DEFAULT_AUTHORITY "https://login.microsoftonline.com/organizations"
#define PORTA_DEFAULT_API_BASE  "https://graph.microsoft.com/v1.0"
#define PORTA_SCOPES_READ_WRITE "TeamsTelephoneNumber.ReadWrite.All TeamsUserConfiguration.Read.All offline_access openid profile"
#define PORTA_SCOPES_READ       "TeamsTelephoneNumber.Read.All TeamsUserConfiguration.Read.All offline_access openid profile"

#define PORTA_TYPE_ACCOUNT (porta_account_get_type ())

G_DECLARE_FINAL_TYPE (PortaAccount, porta_account, PORTA, ACCOUNT, GObject)

PortaAccount *porta_account_new                    (const char    *authority,
                                                    const char    *api_base,
                                                    const char    *client_id,
                                                    const char    *scopes);
PortaAccount *porta_account_new_from_json          (JsonNode      *node,
                                                    GError       **error);
JsonNode     *porta_account_to_json                (PortaAccount  *self);

const char   *porta_account_get_id                 (PortaAccount  *self);
const char   *porta_account_get_display_name       (PortaAccount  *self);
const char   *porta_account_get_username           (PortaAccount  *self);
const char   *porta_account_get_tenant_id          (PortaAccount  *self);
const char   *porta_account_get_authority          (PortaAccount  *self);
const char   *porta_account_get_api_base           (PortaAccount  *self);
const char   *porta_account_get_client_id          (PortaAccount  *self);
const char   *porta_account_get_scopes             (PortaAccount  *self);
gboolean      porta_account_get_sandbox            (PortaAccount  *self);

void          porta_account_set_identity           (PortaAccount  *self,
                                                    const char    *display_name,
                                                    const char    *username,
                                                    const char    *tenant_id);
void          porta_account_set_sandbox            (PortaAccount  *self,
                                                    gboolean       sandbox);

char         *porta_account_dup_organization_label (PortaAccount  *self);

gboolean      porta_account_names_equal            (const char    *a,
                                                    const char    *b);

G_END_DECLS
