/* porta-port-order.c — an order that moves numbers in or out
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft publishes no API for port orders; Porta's contract
 * (docs/admin-api.md) defines them in Graph's conventions. What an order
 * allows (cancel, change the FOC date) comes from the status table in
 * porta-enums.c, so the UI, portactl and these objects always agree.
 */
#define G_LOG_DOMAIN "porta-port-order"

#include "config.h"

#include "porta-enum-types.h"
#include "porta-json.h"
#include "porta-order-rules.h"
#include "porta-port-order.h"

G_DEFINE_BOXED_TYPE (PortaPortOrderEvent, porta_port_order_event,
                     porta_port_order_event_copy, porta_port_order_event_free)

/**
 * porta_port_order_event_new:
 * @status: the status the order entered
 * @date_time: (nullable): when
 * @note: (nullable): what the server said about it
 *
 * Returns: (transfer full): a new #PortaPortOrderEvent
 */
PortaPortOrderEvent *
porta_port_order_event_new (PortaPortOrderStatus  status,
                            GDateTime            *date_time,
                            const char           *note)
{
  PortaPortOrderEvent *event = g_new0 (PortaPortOrderEvent, 1);

  event->status = status;
  event->date_time = date_time != NULL ? g_date_time_ref (date_time) : NULL;
  event->note = g_strdup (note);
  return event;
}

PortaPortOrderEvent *
porta_port_order_event_copy (const PortaPortOrderEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  return porta_port_order_event_new (event->status, event->date_time, event->note);
}

void
porta_port_order_event_free (PortaPortOrderEvent *event)
{
  if (event == NULL)
    return;
  g_clear_pointer (&event->date_time, g_date_time_unref);
  g_free (event->note);
  g_free (event);
}

static gboolean
date_time_equal0 (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/**
 * porta_port_order_event_equal:
 * @a: a #PortaPortOrderEvent
 * @b: another
 *
 * Returns: whether @a and @b say the same thing
 */
gboolean
porta_port_order_event_equal (const PortaPortOrderEvent *a,
                              const PortaPortOrderEvent *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->status == b->status
         && date_time_equal0 (a->date_time, b->date_time)
         && g_strcmp0 (a->note, b->note) == 0;
}

struct _PortaPortOrder
{
  GObject                  parent_instance;

  char                    *id;
  char                    *display_name;
  GDateTime               *created_date_time;
  GDateTime               *last_modified_date_time;
  char                   **telephone_numbers;
  char                    *carrier_name;
  char                    *account_number;
  char                    *billing_telephone_number;
  char                    *authorized_by;
  GDateTime               *requested_foc_date_time;
  GDateTime               *foc_date_time;
  char                    *error_code;
  char                    *error_message;
  GPtrArray               *status_history;   /* PortaPortOrderEvent, never modified */
  PortaPortOrderDirection  direction;
  PortaPortOrderStatus     status;
  PortaPinVerified         pin_verified;
};

G_DEFINE_FINAL_TYPE (PortaPortOrder, porta_port_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_DIRECTION,
  PROP_STATUS,
  PROP_CREATED_DATE_TIME,
  PROP_LAST_MODIFIED_DATE_TIME,
  PROP_TELEPHONE_NUMBERS,
  PROP_CARRIER_NAME,
  PROP_ACCOUNT_NUMBER,
  PROP_BILLING_TELEPHONE_NUMBER,
  PROP_AUTHORIZED_BY,
  PROP_REQUESTED_FOC_DATE_TIME,
  PROP_FOC_DATE_TIME,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  PROP_PIN_VERIFIED,
  PROP_STATUS_HISTORY,
  PROP_CAN_CANCEL,
  PROP_CAN_CHANGE_FOC_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
porta_port_order_finalize (GObject *object)
{
  PortaPortOrder *self = (PortaPortOrder *)object;

  g_free (self->id);
  g_free (self->display_name);
  g_clear_pointer (&self->created_date_time, g_date_time_unref);
  g_clear_pointer (&self->last_modified_date_time, g_date_time_unref);
  g_strfreev (self->telephone_numbers);
  g_free (self->carrier_name);
  g_free (self->account_number);
  g_free (self->billing_telephone_number);
  g_free (self->authorized_by);
  g_clear_pointer (&self->requested_foc_date_time, g_date_time_unref);
  g_clear_pointer (&self->foc_date_time, g_date_time_unref);
  g_free (self->error_code);
  g_free (self->error_message);
  g_clear_pointer (&self->status_history, g_ptr_array_unref);

  G_OBJECT_CLASS (porta_port_order_parent_class)->finalize (object);
}

static void
porta_port_order_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortaPortOrder *self = PORTA_PORT_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATED_DATE_TIME:
      g_value_set_boxed (value, self->created_date_time);
      break;
    case PROP_LAST_MODIFIED_DATE_TIME:
      g_value_set_boxed (value, self->last_modified_date_time);
      break;
    case PROP_TELEPHONE_NUMBERS:
      g_value_set_boxed (value, self->telephone_numbers);
      break;
    case PROP_CARRIER_NAME:
      g_value_set_string (value, self->carrier_name);
      break;
    case PROP_ACCOUNT_NUMBER:
      g_value_set_string (value, self->account_number);
      break;
    case PROP_BILLING_TELEPHONE_NUMBER:
      g_value_set_string (value, self->billing_telephone_number);
      break;
    case PROP_AUTHORIZED_BY:
      g_value_set_string (value, self->authorized_by);
      break;
    case PROP_REQUESTED_FOC_DATE_TIME:
      g_value_set_boxed (value, self->requested_foc_date_time);
      break;
    case PROP_FOC_DATE_TIME:
      g_value_set_boxed (value, self->foc_date_time);
      break;
    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_PIN_VERIFIED:
      g_value_set_enum (value, self->pin_verified);
      break;
    case PROP_STATUS_HISTORY:
      g_value_set_boxed (value, self->status_history);
      break;
    case PROP_CAN_CANCEL:
      g_value_set_boolean (value, porta_port_order_get_can_cancel (self));
      break;
    case PROP_CAN_CHANGE_FOC_DATE:
      g_value_set_boolean (value, porta_port_order_get_can_change_foc_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_port_order_class_init (PortaPortOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_port_order_finalize;
  object_class->get_property = porta_port_order_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, PORTA_TYPE_PORT_ORDER_DIRECTION,
                       PORTA_PORT_ORDER_DIRECTION_UNKNOWN, READ_ONLY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PORTA_TYPE_PORT_ORDER_STATUS,
                       PORTA_PORT_ORDER_STATUS_UNKNOWN, READ_ONLY);
  properties[PROP_CREATED_DATE_TIME] =
    g_param_spec_boxed ("created-date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_LAST_MODIFIED_DATE_TIME] =
    g_param_spec_boxed ("last-modified-date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_TELEPHONE_NUMBERS] =
    g_param_spec_boxed ("telephone-numbers", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  properties[PROP_CARRIER_NAME] = g_param_spec_string ("carrier-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_ACCOUNT_NUMBER] = g_param_spec_string ("account-number", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_BILLING_TELEPHONE_NUMBER] =
    g_param_spec_string ("billing-telephone-number", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_AUTHORIZED_BY] = g_param_spec_string ("authorized-by", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_REQUESTED_FOC_DATE_TIME] =
    g_param_spec_boxed ("requested-foc-date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_FOC_DATE_TIME] =
    g_param_spec_boxed ("foc-date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_ERROR_CODE] = g_param_spec_string ("error-code", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_PIN_VERIFIED] =
    g_param_spec_enum ("pin-verified", NULL, NULL, PORTA_TYPE_PIN_VERIFIED,
                       PORTA_PIN_VERIFIED_NOT_APPLICABLE, READ_ONLY);
  properties[PROP_STATUS_HISTORY] =
    g_param_spec_boxed ("status-history", NULL, NULL, G_TYPE_PTR_ARRAY, READ_ONLY);
  properties[PROP_CAN_CANCEL] = g_param_spec_boolean ("can-cancel", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_CAN_CHANGE_FOC_DATE] =
    g_param_spec_boolean ("can-change-foc-date", NULL, NULL, FALSE, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_port_order_init (PortaPortOrder *self)
{
}

static GPtrArray *
status_history_from_json (JsonObject *object)
{
  JsonArray *array = porta_json_get_array_or_null (object, "statusHistory");
  guint n = array != NULL ? json_array_get_length (array) : 0;
  GPtrArray *history = g_ptr_array_new_full (n, (GDestroyNotify) porta_port_order_event_free);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      g_autoptr(GDateTime) date_time = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = json_node_get_object (element);
      date_time = porta_json_get_date_time_or_null (entry, "dateTime");
      g_ptr_array_add (history,
                       porta_port_order_event_new (
                         porta_port_order_status_from_string (porta_json_get_string_or_null (entry, "status")),
                         date_time,
                         porta_json_get_string_or_null (entry, "note")));
    }

  return history;
}

/**
 * porta_port_order_new_from_json:
 * @object: a port order as the server sends it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a port order. `id`, `displayName`, `direction`, `status` and
 * `createdDateTime` are required (%PORTA_ERROR_INVALID_RESPONSE naming the
 * field); a direction or status Porta does not know becomes …_UNKNOWN;
 * everything else may be null or absent, and unknown members are ignored.
 * The problem, if any, is read from `error` (`code`, `message`).
 *
 * Returns: (transfer full) (nullable): a new #PortaPortOrder
 */
PortaPortOrder *
porta_port_order_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(PortaPortOrder) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  const char *id, *display_name, *direction, *status;
  JsonObject *problem;
  JsonNode *pin_verified;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(id = porta_json_get_string (object, "id", error)))
    return NULL;
  if (id[0] == '\0')
    {
      porta_json_set_missing_error (error, "id");
      return NULL;
    }
  if (!(display_name = porta_json_get_string (object, "displayName", error)))
    return NULL;
  if (!(direction = porta_json_get_string (object, "direction", error)))
    return NULL;
  if (!(status = porta_json_get_string (object, "status", error)))
    return NULL;
  if (!(created = porta_json_get_date_time (object, "createdDateTime", error)))
    return NULL;

  self = g_object_new (PORTA_TYPE_PORT_ORDER, NULL);
  self->id = g_strdup (id);
  self->display_name = g_strdup (display_name);
  self->direction = porta_port_order_direction_from_string (direction);
  self->status = porta_port_order_status_from_string (status);
  self->created_date_time = g_steal_pointer (&created);
  self->last_modified_date_time = porta_json_get_date_time_or_null (object, "lastModifiedDateTime");
  self->telephone_numbers = porta_json_dup_string_array_or_empty (object, "telephoneNumbers");
  self->carrier_name = g_strdup (porta_json_get_string_or_null (object, "carrierName"));
  self->account_number = g_strdup (porta_json_get_string_or_null (object, "accountNumber"));
  self->billing_telephone_number =
    g_strdup (porta_json_get_string_or_null (object, "billingTelephoneNumber"));
  self->authorized_by = g_strdup (porta_json_get_string_or_null (object, "authorizedBy"));
  self->requested_foc_date_time = porta_json_get_date_time_or_null (object, "requestedFocDateTime");
  self->foc_date_time = porta_json_get_date_time_or_null (object, "focDateTime");

  /* `error` is an object { code, message } in the contract; flat
   * errorCode/errorMessage members are read too, so that an older or
   * differently minded server still shows its problem. */
  problem = porta_json_get_object_or_null (object, "error");
  self->error_code = g_strdup (problem != NULL
                               ? porta_json_get_string_or_null (problem, "code")
                               : porta_json_get_string_or_null (object, "errorCode"));
  self->error_message = g_strdup (problem != NULL
                                  ? porta_json_get_string_or_null (problem, "message")
                                  : porta_json_get_string_or_null (object, "errorMessage"));

  /* Only a port-out order has a PIN to check: the new carrier quotes ours */
  pin_verified = json_object_get_member (object, "pinVerified");
  if (self->direction == PORTA_PORT_ORDER_DIRECTION_PORT_OUT
      && pin_verified != NULL
      && JSON_NODE_HOLDS_VALUE (pin_verified)
      && json_node_get_value_type (pin_verified) == G_TYPE_BOOLEAN)
    self->pin_verified = json_node_get_boolean (pin_verified) ? PORTA_PIN_VERIFIED_YES : PORTA_PIN_VERIFIED_NO;
  else
    self->pin_verified = PORTA_PIN_VERIFIED_NOT_APPLICABLE;

  self->status_history = status_history_from_json (object);

  return g_steal_pointer (&self);
}

static void
update_string (PortaPortOrder  *self,
               char           **field,
               const char      *value,
               guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_date_time (PortaPortOrder  *self,
                  GDateTime      **field,
                  GDateTime       *value,
                  guint            prop_id)
{
  if (date_time_equal0 (*field, value))
    return;
  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
status_history_equal (GPtrArray *a,
                      GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      if (!porta_port_order_event_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }
  return TRUE;
}

/**
 * porta_port_order_update_from:
 * @self: a #PortaPortOrder
 * @newer: a fresher copy of the same order (the same id)
 *
 * Takes every value of @newer into @self, so that a live refresh keeps the
 * objects the UI shows and only what changed is redrawn: ::notify is
 * emitted once for each property whose value changed (can-cancel and
 * can-change-foc-date included), and for nothing else.
 *
 * Returns: whether the status changed
 */
gboolean
porta_port_order_update_from (PortaPortOrder *self,
                              PortaPortOrder *newer)
{
  GObject *object = G_OBJECT (self);
  gboolean could_cancel, could_change_foc_date;
  gboolean status_changed = FALSE;

  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), FALSE);
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (newer), FALSE);
  g_return_val_if_fail (g_strcmp0 (self->id, newer->id) == 0, FALSE);

  if (self == newer)
    return FALSE;

  could_cancel = porta_port_order_get_can_cancel (self);
  could_change_foc_date = porta_port_order_get_can_change_foc_date (self);

  g_object_freeze_notify (object);

  update_string (self, &self->display_name, newer->display_name, PROP_DISPLAY_NAME);

  if (self->direction != newer->direction)
    {
      self->direction = newer->direction;
      g_object_notify_by_pspec (object, properties[PROP_DIRECTION]);
    }

  if (self->status != newer->status)
    {
      self->status = newer->status;
      status_changed = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_STATUS]);
    }

  update_date_time (self, &self->created_date_time, newer->created_date_time, PROP_CREATED_DATE_TIME);
  update_date_time (self, &self->last_modified_date_time, newer->last_modified_date_time,
                    PROP_LAST_MODIFIED_DATE_TIME);

  if (!g_strv_equal ((const char * const *) self->telephone_numbers,
                     (const char * const *) newer->telephone_numbers))
    {
      g_strfreev (self->telephone_numbers);
      self->telephone_numbers = g_strdupv (newer->telephone_numbers);
      g_object_notify_by_pspec (object, properties[PROP_TELEPHONE_NUMBERS]);
    }

  update_string (self, &self->carrier_name, newer->carrier_name, PROP_CARRIER_NAME);
  update_string (self, &self->account_number, newer->account_number, PROP_ACCOUNT_NUMBER);
  update_string (self, &self->billing_telephone_number, newer->billing_telephone_number,
                 PROP_BILLING_TELEPHONE_NUMBER);
  update_string (self, &self->authorized_by, newer->authorized_by, PROP_AUTHORIZED_BY);
  update_date_time (self, &self->requested_foc_date_time, newer->requested_foc_date_time,
                    PROP_REQUESTED_FOC_DATE_TIME);
  update_date_time (self, &self->foc_date_time, newer->foc_date_time, PROP_FOC_DATE_TIME);
  update_string (self, &self->error_code, newer->error_code, PROP_ERROR_CODE);
  update_string (self, &self->error_message, newer->error_message, PROP_ERROR_MESSAGE);

  if (self->pin_verified != newer->pin_verified)
    {
      self->pin_verified = newer->pin_verified;
      g_object_notify_by_pspec (object, properties[PROP_PIN_VERIFIED]);
    }

  if (!status_history_equal (self->status_history, newer->status_history))
    {
      /* Histories are never modified once parsed, so they can be shared */
      g_ptr_array_unref (self->status_history);
      self->status_history = g_ptr_array_ref (newer->status_history);
      g_object_notify_by_pspec (object, properties[PROP_STATUS_HISTORY]);
    }

  if (could_cancel != porta_port_order_get_can_cancel (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_CANCEL]);
  if (could_change_foc_date != porta_port_order_get_can_change_foc_date (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_CHANGE_FOC_DATE]);

  g_object_thaw_notify (object);

  return status_changed;
}

const char *
porta_port_order_get_id (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->id;
}

const char *
porta_port_order_get_display_name (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->display_name;
}

PortaPortOrderDirection
porta_port_order_get_direction (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), PORTA_PORT_ORDER_DIRECTION_UNKNOWN);
  return self->direction;
}

PortaPortOrderStatus
porta_port_order_get_status (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), PORTA_PORT_ORDER_STATUS_UNKNOWN);
  return self->status;
}

/**
 * porta_port_order_get_created_date_time:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none): when the order was placed, never %NULL
 */
GDateTime *
porta_port_order_get_created_date_time (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->created_date_time;
}

/**
 * porta_port_order_get_last_modified_date_time:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): when the order last changed
 */
GDateTime *
porta_port_order_get_last_modified_date_time (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->last_modified_date_time;
}

/**
 * porta_port_order_get_telephone_numbers:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (array zero-terminated=1): the numbers the order
 *   moves, in E.164; empty, never %NULL
 */
const char * const *
porta_port_order_get_telephone_numbers (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return (const char * const *) self->telephone_numbers;
}

/**
 * porta_port_order_get_carrier_name:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): the other carrier: the current one
 *   for a port-in, the new one for a port-out
 */
const char *
porta_port_order_get_carrier_name (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->carrier_name;
}

const char *
porta_port_order_get_account_number (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->account_number;
}

const char *
porta_port_order_get_billing_telephone_number (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->billing_telephone_number;
}

const char *
porta_port_order_get_authorized_by (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->authorized_by;
}

/**
 * porta_port_order_get_requested_foc_date_time:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): the FOC date asked for
 */
GDateTime *
porta_port_order_get_requested_foc_date_time (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->requested_foc_date_time;
}

/**
 * porta_port_order_get_foc_date_time:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): the confirmed FOC date
 */
GDateTime *
porta_port_order_get_foc_date_time (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->foc_date_time;
}

/**
 * porta_port_order_get_error_code:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): the code of the order's problem
 */
const char *
porta_port_order_get_error_code (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->error_code;
}

/**
 * porta_port_order_get_error_message:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (nullable): the server's description of the
 *   order's problem (the server's language, not necessarily the user's)
 */
const char *
porta_port_order_get_error_message (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->error_message;
}

PortaPinVerified
porta_port_order_get_pin_verified (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), PORTA_PIN_VERIFIED_NOT_APPLICABLE);
  return self->pin_verified;
}

/**
 * porta_port_order_get_status_history:
 * @self: a #PortaPortOrder
 *
 * Returns: (transfer none) (element-type PortaPortOrderEvent): the steps
 *   the order went through, in the server's order; never %NULL, never to
 *   be modified
 */
GPtrArray *
porta_port_order_get_status_history (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), NULL);
  return self->status_history;
}

/**
 * porta_port_order_get_can_cancel:
 * @self: a #PortaPortOrder
 *
 * Returns: whether the order's status allows cancelling it
 */
gboolean
porta_port_order_get_can_cancel (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), FALSE);
  return porta_order_rules_status_allows (self->status, PORTA_ORDER_ACTION_CANCEL);
}

/**
 * porta_port_order_get_can_change_foc_date:
 * @self: a #PortaPortOrder
 *
 * Returns: whether the order's status allows changing its FOC date
 */
gboolean
porta_port_order_get_can_change_foc_date (PortaPortOrder *self)
{
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (self), FALSE);
  return porta_order_rules_status_allows (self->status, PORTA_ORDER_ACTION_CHANGE_FOC_DATE);
}
