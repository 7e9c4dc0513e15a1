/* porta-enums.c — wire names and labels of the admin API's enumerations
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per enumeration, indexed by value: the wire name (NULL for
 * the values that have none on the wire) and the label a person sees.
 * Labels carry a context because the Italian for a short word such as
 * “Unknown” or “Completed” agrees with the noun it describes.
 */
#define G_LOG_DOMAIN "porta-enums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-enums.h"
#include "porta-order-rules.h"

typedef struct
{
  const char *wire;
  const char *label;
} EnumEntry;

static int
lookup (const EnumEntry *table,
        guint            n_entries,
        const char      *wire,
        int              null_value)
{
  if (wire == NULL)
    return null_value;

  for (guint i = 0; i < n_entries; i++)
    {
      if (table[i].wire != NULL && strcmp (table[i].wire, wire) == 0)
        return (int) i;
    }

  /* Value 0 of every enumeration is …_UNKNOWN */
  return 0;
}

static const EnumEntry *
entry (const EnumEntry *table,
       guint            n_entries,
       guint            value)
{
  return value < n_entries ? &table[value] : &table[0];
}

#define DEFINE_ENUM_STRINGS(Type, type, table, context, null_value)               \
  Type                                                                            \
  porta_##type##_from_string (const char *wire)                                   \
  {                                                                               \
    return (Type) lookup (table, G_N_ELEMENTS (table), wire, null_value);         \
  }                                                                               \
                                                                                  \
  const char *                                                                    \
  porta_##type##_to_string (Type value)                                           \
  {                                                                               \
    return entry (table, G_N_ELEMENTS (table), value)->wire;                      \
  }                                                                               \
                                                                                  \
  const char *                                                                    \
  porta_##type##_get_label (Type value)                                           \
  {                                                                               \
    return g_dpgettext2 (GETTEXT_PACKAGE, context,                                \
                         entry (table, G_N_ELEMENTS (table), value)->label);      \
  }

/* Microsoft Graph v1.0, microsoft.graph.teamsAdministration.numberType */
static const EnumEntry number_types[] = {
  [PORTA_NUMBER_TYPE_UNKNOWN] = { NULL, NC_("number type", "Unknown") },
  [PORTA_NUMBER_TYPE_INTERNAL_ERROR] = { "internalError", NC_("number type", "Internal error") },
  [PORTA_NUMBER_TYPE_DIRECT_ROUTING] = { "directRouting", NC_("number type", "Direct Routing") },
  [PORTA_NUMBER_TYPE_CALLING_PLAN] = { "callingPlan", NC_("number type", "Calling Plan") },
  [PORTA_NUMBER_TYPE_OPERATOR_CONNECT] = { "operatorConnect", NC_("number type", "Operator Connect") },
  [PORTA_NUMBER_TYPE_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("number type", "Other") },
};

/* microsoft.graph.teamsAdministration.activationState */
static const EnumEntry activation_states[] = {
  [PORTA_ACTIVATION_STATE_UNKNOWN] = { NULL, NC_("activation state", "Unknown") },
  [PORTA_ACTIVATION_STATE_ACTIVATED] = { "activated", NC_("activation state", "Activated") },
  [PORTA_ACTIVATION_STATE_ASSIGNMENT_PENDING] = { "assignmentPending", NC_("activation state", "Assignment pending") },
  [PORTA_ACTIVATION_STATE_ASSIGNMENT_FAILED] = { "assignmentFailed", NC_("activation state", "Assignment failed") },
  [PORTA_ACTIVATION_STATE_UPDATE_PENDING] = { "updatePending", NC_("activation state", "Update pending") },
  [PORTA_ACTIVATION_STATE_UPDATE_FAILED] = { "updateFailed", NC_("activation state", "Update failed") },
  [PORTA_ACTIVATION_STATE_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("activation state", "Other") },
};

/* microsoft.graph.teamsAdministration.assignmentStatus */
static const EnumEntry assignment_statuses[] = {
  [PORTA_ASSIGNMENT_STATUS_UNKNOWN] = { NULL, NC_("assignment status", "Unknown") },
  [PORTA_ASSIGNMENT_STATUS_UNASSIGNED] = { "unassigned", NC_("assignment status", "Unassigned") },
  [PORTA_ASSIGNMENT_STATUS_INTERNAL_ERROR] = { "internalError", NC_("assignment status", "Internal error") },
  [PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED] = { "userAssigned", NC_("assignment status", "Assigned to a user") },
  [PORTA_ASSIGNMENT_STATUS_CONFERENCE_ASSIGNED] = { "conferenceAssigned", NC_("assignment status", "Assigned to a conference") },
  [PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED] = { "voiceApplicationAssigned", NC_("assignment status", "Assigned to a voice app") },
  [PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED] = { "thirdPartyAppAssigned", NC_("assignment status", "Assigned to a third-party app") },
  [PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED] = { "policyAssigned", NC_("assignment status", "Assigned to a policy") },
  [PORTA_ASSIGNMENT_STATUS_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("assignment status", "Other") },
};

/* microsoft.graph.teamsAdministration.assignmentCategory */
static const EnumEntry assignment_categories[] = {
  [PORTA_ASSIGNMENT_CATEGORY_UNKNOWN] = { NULL, NC_("assignment category", "Unknown") },
  [PORTA_ASSIGNMENT_CATEGORY_NONE] = { NULL, NC_("assignment category", "None") },
  [PORTA_ASSIGNMENT_CATEGORY_PRIMARY] = { "primary", NC_("assignment category", "Primary") },
  [PORTA_ASSIGNMENT_CATEGORY_PRIVATE] = { "private", NC_("assignment category", "Private") },
  [PORTA_ASSIGNMENT_CATEGORY_ALTERNATE] = { "alternate", NC_("assignment category", "Alternate") },
  [PORTA_ASSIGNMENT_CATEGORY_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("assignment category", "Other") },
};

/* microsoft.graph.teamsAdministration.portInStatus */
static const EnumEntry port_in_statuses[] = {
  [PORTA_PORT_IN_STATUS_UNKNOWN] = { NULL, NC_("port-in status", "Unknown") },
  [PORTA_PORT_IN_STATUS_NONE] = { NULL, NC_("port-in status", "None") },
  [PORTA_PORT_IN_STATUS_COMPLETED] = { "completed", NC_("port-in status", "Completed") },
  [PORTA_PORT_IN_STATUS_FIRM_ORDER_COMMITMENT_ACCEPTED] = { "firmOrderCommitmentAccepted", NC_("port-in status", "FOC date confirmed") },
  [PORTA_PORT_IN_STATUS_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("port-in status", "Other") },
};

/* microsoft.graph.teamsAdministration.numberSource */
static const EnumEntry number_sources[] = {
  [PORTA_NUMBER_SOURCE_UNKNOWN] = { NULL, NC_("number source", "Unknown") },
  [PORTA_NUMBER_SOURCE_ONLINE] = { "online", NC_("number source", "Online") },
  [PORTA_NUMBER_SOURCE_ON_PREMISES] = { "onPremises", NC_("number source", "On-premises") },
  [PORTA_NUMBER_SOURCE_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("number source", "Other") },
};

/* Porta's port orders (docs/admin-api.md) */
static const EnumEntry port_order_directions[] = {
  [PORTA_PORT_ORDER_DIRECTION_UNKNOWN] = { NULL, NC_("port order direction", "Unknown") },
  [PORTA_PORT_ORDER_DIRECTION_PORT_IN] = { "portIn", NC_("port order direction", "Port in") },
  [PORTA_PORT_ORDER_DIRECTION_PORT_OUT] = { "portOut", NC_("port order direction", "Port out") },
  [PORTA_PORT_ORDER_DIRECTION_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("port order direction", "Other") },
};

/* microsoft.graph.teamsAdministration.accountType */
static const EnumEntry person_types[] = {
  [PORTA_PERSON_TYPE_UNKNOWN] = { "unknown", NC_("account type", "Unknown") },
  [PORTA_PERSON_TYPE_USER] = { "user", NC_("account type", "User") },
  [PORTA_PERSON_TYPE_RESOURCE_ACCOUNT] = { "resourceAccount", NC_("account type", "Resource account") },
  [PORTA_PERSON_TYPE_GUEST] = { "guest", NC_("account type", "Guest") },
  [PORTA_PERSON_TYPE_SFB_ON_PREM_USER] = { "sfbOnPremUser", NC_("account type", "On-premises user") },
  [PORTA_PERSON_TYPE_INELIGIBLE_USER] = { "ineligibleUser", NC_("account type", "Ineligible user") },
  [PORTA_PERSON_TYPE_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("account type", "Other") },
};

static const EnumEntry audit_event_kinds[] = {
  [PORTA_AUDIT_EVENT_KIND_UNKNOWN] = { NULL, NC_("PIN audit event", "Unknown action") },
  [PORTA_AUDIT_EVENT_KIND_SET] = { "set", NC_("PIN audit event", "PIN set") },
  [PORTA_AUDIT_EVENT_KIND_CHANGED] = { "changed", NC_("PIN audit event", "PIN changed") },
  [PORTA_AUDIT_EVENT_KIND_REVEALED] = { "revealed", NC_("PIN audit event", "PIN revealed") },
  [PORTA_AUDIT_EVENT_KIND_UNKNOWN_FUTURE_VALUE] = { "unknownFutureValue", NC_("PIN audit event", "Other action") },
};

DEFINE_ENUM_STRINGS (PortaNumberType, number_type, number_types,
                     "number type", PORTA_NUMBER_TYPE_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaActivationState, activation_state, activation_states,
                     "activation state", PORTA_ACTIVATION_STATE_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaAssignmentStatus, assignment_status, assignment_statuses,
                     "assignment status", PORTA_ASSIGNMENT_STATUS_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaAssignmentCategory, assignment_category, assignment_categories,
                     "assignment category", PORTA_ASSIGNMENT_CATEGORY_NONE)
DEFINE_ENUM_STRINGS (PortaPortInStatus, port_in_status, port_in_statuses,
                     "port-in status", PORTA_PORT_IN_STATUS_NONE)
DEFINE_ENUM_STRINGS (PortaNumberSource, number_source, number_sources,
                     "number source", PORTA_NUMBER_SOURCE_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaPortOrderDirection, port_order_direction, port_order_directions,
                     "port order direction", PORTA_PORT_ORDER_DIRECTION_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaPersonType, person_type, person_types,
                     "account type", PORTA_PERSON_TYPE_UNKNOWN)
DEFINE_ENUM_STRINGS (PortaAuditEventKind, audit_event_kind, audit_event_kinds,
                     "PIN audit event", PORTA_AUDIT_EVENT_KIND_UNKNOWN)

/* The port order statuses and what each means; what each allows is a
 * rule of porta-order-rules.c. */
typedef struct
{
  EnumEntry   names;
  const char *description;
} StatusEntry;

static const StatusEntry port_order_statuses[] = {
  [PORTA_PORT_ORDER_STATUS_UNKNOWN] = {
    { NULL, NC_("port order status", "Unknown") },
    N_("Porta does not know this status. Check the order in the Teams admin center.") },
  [PORTA_PORT_ORDER_STATUS_PROCESSING] = {
    { "processing", NC_("port order status", "Processing") },
    N_("The order has been received and is being checked. It can still be cancelled.") },
  [PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER] = {
    { "contactingCarrier", NC_("port order status", "Contacting carrier") },
    N_("The carriers involved are being contacted to confirm the transfer. The order can still be cancelled.") },
  [PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED] = {
    { "transferApproved", NC_("port order status", "Transfer approved") },
    N_("The transfer has been approved and a FOC date is set. You can change the FOC date or cancel the order.") },
  [PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING] = {
    { "transferPending", NC_("port order status", "Transfer pending") },
    N_("The numbers move on the FOC date, in less than 24 hours. The order can no longer be changed or cancelled.") },
  [PORTA_PORT_ORDER_STATUS_ERROR] = {
    { "error", NC_("port order status", "Error") },
    N_("The order stopped because of a problem; its error message says what it is. Solve it with the carrier, or cancel the order.") },
  [PORTA_PORT_ORDER_STATUS_COMPLETED] = {
    { "completed", NC_("port order status", "Completed") },
    N_("The numbers have been transferred. There is nothing more to do.") },
  [PORTA_PORT_ORDER_STATUS_CANCELLED] = {
    { "cancelled", NC_("port order status", "Cancelled") },
    N_("The order was cancelled: no number was transferred.") },
  [PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE] = {
    { "unknownFutureValue", NC_("port order status", "Other") },
    N_("Porta does not know this status. Check the order in the Teams admin center.") },
};

static const StatusEntry *
status_entry (PortaPortOrderStatus value)
{
  guint i = (guint) value;

  return i < G_N_ELEMENTS (port_order_statuses) ? &port_order_statuses[i] : &port_order_statuses[0];
}

PortaPortOrderStatus
porta_port_order_status_from_string (const char *wire)
{
  if (wire == NULL)
    return PORTA_PORT_ORDER_STATUS_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (port_order_statuses); i++)
    {
      const char *name = port_order_statuses[i].names.wire;

      if (name != NULL && strcmp (name, wire) == 0)
        return (PortaPortOrderStatus) i;
    }
  return PORTA_PORT_ORDER_STATUS_UNKNOWN;
}

const char *
porta_port_order_status_to_string (PortaPortOrderStatus value)
{
  return status_entry (value)->names.wire;
}

const char *
porta_port_order_status_get_label (PortaPortOrderStatus value)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "port order status", status_entry (value)->names.label);
}

/**
 * porta_port_order_status_allows_cancel:
 * @value: a port order status
 *
 * Returns: whether an order in this status can be cancelled: processing,
 *   contacting carrier, transfer approved or error
 */
gboolean
porta_port_order_status_allows_cancel (PortaPortOrderStatus value)
{
  return porta_order_rules_status_allows (value, PORTA_ORDER_ACTION_CANCEL);
}

/**
 * porta_port_order_status_allows_foc_change:
 * @value: a port order status
 *
 * Returns: whether the FOC date of an order in this status can be
 *   changed: only when the transfer is approved
 */
gboolean
porta_port_order_status_allows_foc_change (PortaPortOrderStatus value)
{
  return porta_order_rules_status_allows (value, PORTA_ORDER_ACTION_CHANGE_FOC_DATE);
}

/**
 * porta_port_order_status_describe:
 * @value: a port order status
 *
 * Returns: (transfer none): a translated sentence or two, for the details
 *   view, on what the status means and what can happen next
 */
const char *
porta_port_order_status_describe (PortaPortOrderStatus value)
{
  return _(status_entry (value)->description);
}

/**
 * porta_pin_verified_get_label:
 * @value: whether a port-out order quoted the right PIN
 *
 * Returns: (transfer none): a translated label
 */
const char *
porta_pin_verified_get_label (PortaPinVerified value)
{
  switch (value)
    {
    case PORTA_PIN_VERIFIED_YES:
      return C_("PIN verified", "Correct PIN quoted");
    case PORTA_PIN_VERIFIED_NO:
      return C_("PIN verified", "Wrong PIN quoted");
    case PORTA_PIN_VERIFIED_NOT_APPLICABLE:
    default:
      return C_("PIN verified", "Not applicable");
    }
}
