/* porta-sign-in-dialog.h — signing in to Microsoft 365 or another authority
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-account.h"
#include "porta-auth.h"

G_BEGIN_DECLS

#define PORTA_TYPE_SIGN_IN_DIALOG (porta_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PortaSignInDialog, porta_sign_in_dialog, PORTA, SIGN_IN_DIALOG, AdwWindow)

PortaSignInDialog *porta_sign_in_dialog_new               (GtkWindow         *parent);
void               porta_sign_in_dialog_set_open_uri_func (PortaSignInDialog *self,
                                                           PortaOpenUriFunc   func,
                                                           gpointer           data);

G_END_DECLS
