/* porta-pin-status.c — whether the port-out PIN is set, and by whom
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answer to GET …/portOutPin. It never holds the PIN itself: the
 * server never sends it here, and this object has nowhere to keep it.
 */
#define G_LOG_DOMAIN "porta-pin-status"

#include "config.h"

#include "porta-json.h"
#include "porta-pin-status.h"

struct _PortaPinStatus
{
  GObject    parent_instance;

  GDateTime *last_modified_date_time;
  char      *last_modified_by_name;
  char      *last_modified_by_upn;
  gboolean   is_set;
};

G_DEFINE_FINAL_TYPE (PortaPinStatus, porta_pin_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IS_SET,
  PROP_LAST_MODIFIED_DATE_TIME,
  PROP_LAST_MODIFIED_BY_NAME,
  PROP_LAST_MODIFIED_BY_UPN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
porta_pin_status_finalize (GObject *object)
{
  PortaPinStatus *self = (PortaPinStatus *)object;

  g_clear_pointer (&self->last_modified_date_time, g_date_time_unref);
  g_free (self->last_modified_by_name);
  g_free (self->last_modified_by_upn);

  G_OBJECT_CLASS (porta_pin_status_parent_class)->finalize (object);
}

static void
porta_pin_status_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortaPinStatus *self = PORTA_PIN_STATUS (object);

  switch (prop_id)
    {
    case PROP_IS_SET:
      g_value_set_boolean (value, self->is_set);
      break;
    case PROP_LAST_MODIFIED_DATE_TIME:
      g_value_set_boxed (value, self->last_modified_date_time);
      break;
    case PROP_LAST_MODIFIED_BY_NAME:
      g_value_set_string (value, self->last_modified_by_name);
      break;
    case PROP_LAST_MODIFIED_BY_UPN:
      g_value_set_string (value, self->last_modified_by_upn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_pin_status_class_init (PortaPinStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_pin_status_finalize;
  object_class->get_property = porta_pin_status_get_property;

  properties[PROP_IS_SET] = g_param_spec_boolean ("is-set", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_LAST_MODIFIED_DATE_TIME] =
    g_param_spec_boxed ("last-modified-date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_LAST_MODIFIED_BY_NAME] =
    g_param_spec_string ("last-modified-by-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_LAST_MODIFIED_BY_UPN] =
    g_param_spec_string ("last-modified-by-upn", NULL, NULL, NULL, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_pin_status_init (PortaPinStatus *self)
{
}

/**
 * porta_pin_status_new_from_json:
 * @object: the answer to GET …/portOutPin
 * @error: return location for a #GError, or %NULL
 *
 * Reads `{isSet, lastModifiedDateTime, lastModifiedBy: {displayName,
 * userPrincipalName}}`. `isSet` is required (%PORTA_ERROR_INVALID_RESPONSE
 * naming it); the rest may be null or absent.
 *
 * Returns: (transfer full) (nullable): a new #PortaPinStatus
 */
PortaPinStatus *
porta_pin_status_new_from_json (JsonObject  *object,
                                GError     **error)
{
  PortaPinStatus *self;
  JsonObject *by;
  gboolean is_set;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!porta_json_get_boolean (object, "isSet", &is_set, error))
    return NULL;

  by = porta_json_get_object_or_null (object, "lastModifiedBy");

  self = g_object_new (PORTA_TYPE_PIN_STATUS, NULL);
  self->is_set = is_set;
  self->last_modified_date_time = porta_json_get_date_time_or_null (object, "lastModifiedDateTime");
  self->last_modified_by_name = g_strdup (porta_json_get_string_or_null (by, "displayName"));
  self->last_modified_by_upn = g_strdup (porta_json_get_string_or_null (by, "userPrincipalName"));

  return self;
}

gboolean
porta_pin_status_get_is_set (PortaPinStatus *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATUS (self), FALSE);
  return self->is_set;
}

/**
 * porta_pin_status_get_last_modified_date_time:
 * @self: a #PortaPinStatus
 *
 * Returns: (transfer none) (nullable): when the PIN was last set or changed
 */
GDateTime *
porta_pin_status_get_last_modified_date_time (PortaPinStatus *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATUS (self), NULL);
  return self->last_modified_date_time;
}

/**
 * porta_pin_status_get_last_modified_by_name:
 * @self: a #PortaPinStatus
 *
 * Returns: (transfer none) (nullable): the display name of who did it
 */
const char *
porta_pin_status_get_last_modified_by_name (PortaPinStatus *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATUS (self), NULL);
  return self->last_modified_by_name;
}

/**
 * porta_pin_status_get_last_modified_by_upn:
 * @self: a #PortaPinStatus
 *
 * Returns: (transfer none) (nullable): the user principal name of who did it
 */
const char *
porta_pin_status_get_last_modified_by_upn (PortaPinStatus *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATUS (self), NULL);
  return self->last_modified_by_upn;
}
