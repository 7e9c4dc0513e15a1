/* porta-account-private.h — what PortaAccountStore needs of PortaAccount
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porta-account.h"

G_BEGIN_DECLS

PortaAccount *porta_account_new_replacing (PortaAccount *account,
                                           PortaAccount *old);

G_END_DECLS
