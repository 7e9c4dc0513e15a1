/* porta-capability.c — the guides shown where a server offers no API
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft Graph has no port-out PIN and no port orders
 * (docs/admin-api.md, §7). Where an account's server does not offer
 * them, the PIN card, the Port orders page and portactl all say the same
 * thing, in these words: what the part is, that Microsoft offers no way
 * for apps to manage it, and where to do it in the Teams admin center.
 * The steps follow Microsoft Learn ("Managing number assignments during
 * a Teams number porting event", "What's a port order?"); Learn's
 * current pages ask for a 10-digit PIN, its retired page for 6 to 10
 * digits, and both rules are stated.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "porta-capability.h"

/**
 * porta_feature_get_guide_title:
 * @feature: a part the server does not offer
 *
 * Returns: a short title, such as "Set the PIN in the Teams admin center"
 */
const char *
porta_feature_get_guide_title (PortaFeature feature)
{
  switch (feature)
    {
    case PORTA_FEATURE_PORT_OUT_PIN:
      return _("Set the PIN in the Teams Admin Center");
    case PORTA_FEATURE_PORT_ORDERS:
      return _("Port Orders Are in the Teams Admin Center");
    case PORTA_FEATURE_NUMBERS:
    default:
      return _("Phone Numbers Are in the Teams Admin Center");
    }
}

/**
 * porta_feature_get_guide:
 * @feature: a part the server does not offer
 *
 * Returns: what the part is, and that Microsoft offers no API for it
 */
const char *
porta_feature_get_guide (PortaFeature feature)
{
  switch (feature)
    {
    case PORTA_FEATURE_PORT_OUT_PIN:
      return _("The port-out PIN protects your numbers: a carrier that wants to take them over "
               "must quote it. Microsoft offers no way for apps to set or read it, so Porta "
               "cannot manage it for this account.");
    case PORTA_FEATURE_PORT_ORDERS:
      return _("Port orders move numbers between Microsoft and another carrier. Microsoft "
               "offers no way for apps to list or place them, so Porta cannot show them for "
               "this account.");
    case PORTA_FEATURE_NUMBERS:
    default:
      return _("This server offers no way for apps to list the phone numbers.");
    }
}

/**
 * porta_feature_get_guide_steps:
 * @feature: a part the server does not offer
 *
 * Returns: the steps in the Teams admin center, and the rules
 */
const char *
porta_feature_get_guide_steps (PortaFeature feature)
{
  switch (feature)
    {
    case PORTA_FEATURE_PORT_OUT_PIN:
      return _("In the Teams admin center, go to Voice → Phone numbers, then Actions → Manage "
               "porting PIN. The PIN is digits only: Microsoft asks for 10 (older pages allow 6 "
               "to 10). Once set, it can be changed but never removed.");
    case PORTA_FEATURE_PORT_ORDERS:
      return _("In the Teams admin center, go to Voice → Phone numbers: Port brings numbers in, "
               "and Order history shows where each order stands. To move numbers out, ask the "
               "new carrier and give them your port-out PIN.");
    case PORTA_FEATURE_NUMBERS:
    default:
      return _("In the Teams admin center, go to Voice → Phone numbers.");
    }
}
