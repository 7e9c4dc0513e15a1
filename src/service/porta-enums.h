/* porta-enums.h — the admin API's enumerations
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wire names are Microsoft Graph v1.0's (microsoft.graph.teamsAdministration)
 * for the numbers, and Porta's own contract (docs/admin-api.md) for port
 * orders and the PIN. Every enumeration starts with …_UNKNOWN, which stands
 * for a value Porta does not know: a newer server is never an error.
 * …_UNKNOWN_FUTURE_VALUE is Graph's own `unknownFutureValue` sentinel.
 * GTypes come from porta-enum-types.h (glib-mkenums).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PortaNumberType:
 * @PORTA_NUMBER_TYPE_UNKNOWN: a value Porta does not know, or none
 * @PORTA_NUMBER_TYPE_INTERNAL_ERROR: `internalError`
 * @PORTA_NUMBER_TYPE_DIRECT_ROUTING: `directRouting`
 * @PORTA_NUMBER_TYPE_CALLING_PLAN: `callingPlan`
 * @PORTA_NUMBER_TYPE_OPERATOR_CONNECT: `operatorConnect`
 * @PORTA_NUMBER_TYPE_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_NUMBER_TYPE_UNKNOWN,
  PORTA_NUMBER_TYPE_INTERNAL_ERROR,
  PORTA_NUMBER_TYPE_DIRECT_ROUTING,
  PORTA_NUMBER_TYPE_CALLING_PLAN,
  PORTA_NUMBER_TYPE_OPERATOR_CONNECT,
  PORTA_NUMBER_TYPE_UNKNOWN_FUTURE_VALUE,
} PortaNumberType;

/**
 * PortaActivationState:
 * @PORTA_ACTIVATION_STATE_UNKNOWN: a value Porta does not know, or none
 * @PORTA_ACTIVATION_STATE_ACTIVATED: `activated`
 * @PORTA_ACTIVATION_STATE_ASSIGNMENT_PENDING: `assignmentPending`
 * @PORTA_ACTIVATION_STATE_ASSIGNMENT_FAILED: `assignmentFailed`
 * @PORTA_ACTIVATION_STATE_UPDATE_PENDING: `updatePending`
 * @PORTA_ACTIVATION_STATE_UPDATE_FAILED: `updateFailed`
 * @PORTA_ACTIVATION_STATE_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_ACTIVATION_STATE_UNKNOWN,
  PORTA_ACTIVATION_STATE_ACTIVATED,
  PORTA_ACTIVATION_STATE_ASSIGNMENT_PENDING,
  PORTA_ACTIVATION_STATE_ASSIGNMENT_FAILED,
  PORTA_ACTIVATION_STATE_UPDATE_PENDING,
  PORTA_ACTIVATION_STATE_UPDATE_FAILED,
  PORTA_ACTIVATION_STATE_UNKNOWN_FUTURE_VALUE,
} PortaActivationState;

/**
 * PortaPersonType:
 * @PORTA_PERSON_TYPE_UNKNOWN: a value Porta does not know, `unknown`, or none
 * @PORTA_PERSON_TYPE_USER: `user`
 * @PORTA_PERSON_TYPE_RESOURCE_ACCOUNT: `resourceAccount`
 * @PORTA_PERSON_TYPE_GUEST: `guest`
 * @PORTA_PERSON_TYPE_SFB_ON_PREM_USER: `sfbOnPremUser`
 * @PORTA_PERSON_TYPE_INELIGIBLE_USER: `ineligibleUser`
 * @PORTA_PERSON_TYPE_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 *
 * microsoft.graph.teamsAdministration.accountType: what kind of account
 * a teamsUserConfiguration is.
 */
typedef enum
{
  PORTA_PERSON_TYPE_UNKNOWN,
  PORTA_PERSON_TYPE_USER,
  PORTA_PERSON_TYPE_RESOURCE_ACCOUNT,
  PORTA_PERSON_TYPE_GUEST,
  PORTA_PERSON_TYPE_SFB_ON_PREM_USER,
  PORTA_PERSON_TYPE_INELIGIBLE_USER,
  PORTA_PERSON_TYPE_UNKNOWN_FUTURE_VALUE,
} PortaPersonType;

/**
 * PortaAssignmentStatus:
 * @PORTA_ASSIGNMENT_STATUS_UNKNOWN: a value Porta does not know, or none
 * @PORTA_ASSIGNMENT_STATUS_UNASSIGNED: `unassigned`
 * @PORTA_ASSIGNMENT_STATUS_INTERNAL_ERROR: `internalError`
 * @PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED: `userAssigned`
 * @PORTA_ASSIGNMENT_STATUS_CONFERENCE_ASSIGNED: `conferenceAssigned`
 * @PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED: `voiceApplicationAssigned`
 * @PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED: `thirdPartyAppAssigned`
 * @PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED: `policyAssigned`
 * @PORTA_ASSIGNMENT_STATUS_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_ASSIGNMENT_STATUS_UNKNOWN,
  PORTA_ASSIGNMENT_STATUS_UNASSIGNED,
  PORTA_ASSIGNMENT_STATUS_INTERNAL_ERROR,
  PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_CONFERENCE_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_THIRD_PARTY_APP_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_POLICY_ASSIGNED,
  PORTA_ASSIGNMENT_STATUS_UNKNOWN_FUTURE_VALUE,
} PortaAssignmentStatus;

/**
 * PortaAssignmentCategory:
 * @PORTA_ASSIGNMENT_CATEGORY_UNKNOWN: a value Porta does not know
 * @PORTA_ASSIGNMENT_CATEGORY_NONE: null or absent (an unassigned number)
 * @PORTA_ASSIGNMENT_CATEGORY_PRIMARY: `primary`
 * @PORTA_ASSIGNMENT_CATEGORY_PRIVATE: `private`
 * @PORTA_ASSIGNMENT_CATEGORY_ALTERNATE: `alternate`
 * @PORTA_ASSIGNMENT_CATEGORY_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_ASSIGNMENT_CATEGORY_UNKNOWN,
  PORTA_ASSIGNMENT_CATEGORY_NONE,
  PORTA_ASSIGNMENT_CATEGORY_PRIMARY,
  PORTA_ASSIGNMENT_CATEGORY_PRIVATE,
  PORTA_ASSIGNMENT_CATEGORY_ALTERNATE,
  PORTA_ASSIGNMENT_CATEGORY_UNKNOWN_FUTURE_VALUE,
} PortaAssignmentCategory;

/**
 * PortaPortInStatus:
 * @PORTA_PORT_IN_STATUS_UNKNOWN: a value Porta does not know
 * @PORTA_PORT_IN_STATUS_NONE: null or absent (no port-in order covers the number)
 * @PORTA_PORT_IN_STATUS_COMPLETED: `completed`
 * @PORTA_PORT_IN_STATUS_FIRM_ORDER_COMMITMENT_ACCEPTED: `firmOrderCommitmentAccepted`
 * @PORTA_PORT_IN_STATUS_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_PORT_IN_STATUS_UNKNOWN,
  PORTA_PORT_IN_STATUS_NONE,
  PORTA_PORT_IN_STATUS_COMPLETED,
  PORTA_PORT_IN_STATUS_FIRM_ORDER_COMMITMENT_ACCEPTED,
  PORTA_PORT_IN_STATUS_UNKNOWN_FUTURE_VALUE,
} PortaPortInStatus;

/**
 * PortaNumberSource:
 * @PORTA_NUMBER_SOURCE_UNKNOWN: a value Porta does not know, or none
 * @PORTA_NUMBER_SOURCE_ONLINE: `online`
 * @PORTA_NUMBER_SOURCE_ON_PREMISES: `onPremises`
 * @PORTA_NUMBER_SOURCE_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_NUMBER_SOURCE_UNKNOWN,
  PORTA_NUMBER_SOURCE_ONLINE,
  PORTA_NUMBER_SOURCE_ON_PREMISES,
  PORTA_NUMBER_SOURCE_UNKNOWN_FUTURE_VALUE,
} PortaNumberSource;

/**
 * PortaPortOrderDirection:
 * @PORTA_PORT_ORDER_DIRECTION_UNKNOWN: a value Porta does not know
 * @PORTA_PORT_ORDER_DIRECTION_PORT_IN: `portIn`: numbers come to Teams
 * @PORTA_PORT_ORDER_DIRECTION_PORT_OUT: `portOut`: numbers leave for another carrier
 * @PORTA_PORT_ORDER_DIRECTION_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_PORT_ORDER_DIRECTION_UNKNOWN,
  PORTA_PORT_ORDER_DIRECTION_PORT_IN,
  PORTA_PORT_ORDER_DIRECTION_PORT_OUT,
  PORTA_PORT_ORDER_DIRECTION_UNKNOWN_FUTURE_VALUE,
} PortaPortOrderDirection;

/**
 * PortaPortOrderStatus:
 * @PORTA_PORT_ORDER_STATUS_UNKNOWN: a value Porta does not know
 * @PORTA_PORT_ORDER_STATUS_PROCESSING: `processing`
 * @PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER: `contactingCarrier`
 * @PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED: `transferApproved`
 * @PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING: `transferPending`
 * @PORTA_PORT_ORDER_STATUS_ERROR: `error`
 * @PORTA_PORT_ORDER_STATUS_COMPLETED: `completed`
 * @PORTA_PORT_ORDER_STATUS_CANCELLED: `cancelled`
 * @PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_PORT_ORDER_STATUS_UNKNOWN,
  PORTA_PORT_ORDER_STATUS_PROCESSING,
  PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER,
  PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED,
  PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING,
  PORTA_PORT_ORDER_STATUS_ERROR,
  PORTA_PORT_ORDER_STATUS_COMPLETED,
  PORTA_PORT_ORDER_STATUS_CANCELLED,
  PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE,
} PortaPortOrderStatus;

/**
 * PortaPinVerified:
 * @PORTA_PIN_VERIFIED_NOT_APPLICABLE: a port-in order, or the server does not say
 * @PORTA_PIN_VERIFIED_YES: the new carrier quoted the right port-out PIN
 * @PORTA_PIN_VERIFIED_NO: the new carrier quoted a wrong port-out PIN
 *
 * Whether a port-out order was placed with the right PIN (`pinVerified`).
 */
typedef enum
{
  PORTA_PIN_VERIFIED_NOT_APPLICABLE,
  PORTA_PIN_VERIFIED_YES,
  PORTA_PIN_VERIFIED_NO,
} PortaPinVerified;

/**
 * PortaAuditEventKind:
 * @PORTA_AUDIT_EVENT_KIND_UNKNOWN: a value Porta does not know
 * @PORTA_AUDIT_EVENT_KIND_SET: `set`: the first PIN was set
 * @PORTA_AUDIT_EVENT_KIND_CHANGED: `changed`: the PIN was changed
 * @PORTA_AUDIT_EVENT_KIND_REVEALED: `revealed`: someone looked at the PIN
 * @PORTA_AUDIT_EVENT_KIND_UNKNOWN_FUTURE_VALUE: `unknownFutureValue`
 */
typedef enum
{
  PORTA_AUDIT_EVENT_KIND_UNKNOWN,
  PORTA_AUDIT_EVENT_KIND_SET,
  PORTA_AUDIT_EVENT_KIND_CHANGED,
  PORTA_AUDIT_EVENT_KIND_REVEALED,
  PORTA_AUDIT_EVENT_KIND_UNKNOWN_FUTURE_VALUE,
} PortaAuditEventKind;

/**
 * PortaFeature:
 * @PORTA_FEATURE_NUMBERS: the phone numbers, `numberAssignments`
 * @PORTA_FEATURE_PORT_OUT_PIN: the port-out PIN, `portOutPin`
 * @PORTA_FEATURE_PORT_ORDERS: the port orders, `portOrders`
 *
 * A part of the admin API that a server may or may not offer
 * (docs/admin-api.md, §7).
 */
typedef enum
{
  PORTA_FEATURE_NUMBERS,
  PORTA_FEATURE_PORT_OUT_PIN,
  PORTA_FEATURE_PORT_ORDERS,
} PortaFeature;

/**
 * PortaCapability:
 * @PORTA_CAPABILITY_UNKNOWN: no evidence yet
 * @PORTA_CAPABILITY_OFFERED: the server answered it, or its capability
 *   document says it is offered
 * @PORTA_CAPABILITY_NOT_OFFERED: the server said it has no such API
 *   (Graph's "Resource not found for the segment"), or its capability
 *   document says so
 *
 * What Porta knows about one #PortaFeature of an account's server.
 */
typedef enum
{
  PORTA_CAPABILITY_UNKNOWN,
  PORTA_CAPABILITY_OFFERED,
  PORTA_CAPABILITY_NOT_OFFERED,
} PortaCapability;

PortaNumberType          porta_number_type_from_string            (const char              *wire);
const char              *porta_number_type_to_string              (PortaNumberType          value);
const char              *porta_number_type_get_label              (PortaNumberType          value);

PortaActivationState     porta_activation_state_from_string       (const char              *wire);
const char              *porta_activation_state_to_string         (PortaActivationState     value);
const char              *porta_activation_state_get_label         (PortaActivationState     value);

PortaAssignmentStatus    porta_assignment_status_from_string      (const char              *wire);
const char              *porta_assignment_status_to_string        (PortaAssignmentStatus    value);
const char              *porta_assignment_status_get_label        (PortaAssignmentStatus    value);

PortaAssignmentCategory  porta_assignment_category_from_string    (const char              *wire);
const char              *porta_assignment_category_to_string      (PortaAssignmentCategory  value);
const char              *porta_assignment_category_get_label      (PortaAssignmentCategory  value);

PortaPortInStatus        porta_port_in_status_from_string         (const char              *wire);
const char              *porta_port_in_status_to_string           (PortaPortInStatus        value);
const char              *porta_port_in_status_get_label           (PortaPortInStatus        value);

PortaNumberSource        porta_number_source_from_string          (const char              *wire);
const char              *porta_number_source_to_string            (PortaNumberSource        value);
const char              *porta_number_source_get_label            (PortaNumberSource        value);

PortaPortOrderDirection  porta_port_order_direction_from_string   (const char              *wire);
const char              *porta_port_order_direction_to_string     (PortaPortOrderDirection  value);
const char              *porta_port_order_direction_get_label     (PortaPortOrderDirection  value);

PortaPortOrderStatus     porta_port_order_status_from_string      (const char              *wire);
const char              *porta_port_order_status_to_string        (PortaPortOrderStatus     value);
const char              *porta_port_order_status_get_label        (PortaPortOrderStatus     value);
gboolean                 porta_port_order_status_allows_cancel    (PortaPortOrderStatus     value);
gboolean                 porta_port_order_status_allows_foc_change (PortaPortOrderStatus    value);
const char              *porta_port_order_status_describe         (PortaPortOrderStatus     value);

const char              *porta_pin_verified_get_label             (PortaPinVerified         value);

PortaPersonType          porta_person_type_from_string            (const char              *wire);
const char              *porta_person_type_to_string              (PortaPersonType          value);
const char              *porta_person_type_get_label              (PortaPersonType          value);

PortaAuditEventKind      porta_audit_event_kind_from_string       (const char              *wire);
const char              *porta_audit_event_kind_to_string         (PortaAuditEventKind      value);
const char              *porta_audit_event_kind_get_label         (PortaAuditEventKind      value);

G_END_DECLS
