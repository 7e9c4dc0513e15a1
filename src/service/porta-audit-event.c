/* porta-audit-event.c — one entry of the port-out PIN's audit log
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element of GET …/portOutPin/auditEvents: who set, changed or looked
 * at the PIN, and when. Never the PIN itself.
 */
#define G_LOG_DOMAIN "porta-audit-event"

#include "config.h"

#include "porta-audit-event.h"
#include "porta-enum-types.h"
#include "porta-json.h"

struct _PortaAuditEvent
{
  GObject              parent_instance;

  char                *id;
  GDateTime           *date_time;
  char                *user_name;
  char                *user_upn;
  PortaAuditEventKind  kind;
};

G_DEFINE_FINAL_TYPE (PortaAuditEvent, porta_audit_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE_TIME,
  PROP_USER_NAME,
  PROP_USER_UPN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
porta_audit_event_finalize (GObject *object)
{
  PortaAuditEvent *self = (PortaAuditEvent *)object;

  g_free (self->id);
  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_free (self->user_name);
  g_free (self->user_upn);

  G_OBJECT_CLASS (porta_audit_event_parent_class)->finalize (object);
}

static void
porta_audit_event_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortaAuditEvent *self = PORTA_AUDIT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_USER_UPN:
      g_value_set_string (value, self->user_upn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_audit_event_class_init (PortaAuditEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_audit_event_finalize;
  object_class->get_property = porta_audit_event_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PORTA_TYPE_AUDIT_EVENT_KIND,
                       PORTA_AUDIT_EVENT_KIND_UNKNOWN, READ_ONLY);
  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_USER_UPN] = g_param_spec_string ("user-upn", NULL, NULL, NULL, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_audit_event_init (PortaAuditEvent *self)
{
}

/**
 * porta_audit_event_new_from_json:
 * @object: one element of an auditEvents `value`
 * @error: return location for a #GError, or %NULL
 *
 * Reads `{id, activity, dateTime, user: {displayName, userPrincipalName}}`
 * as porta-sandbox serves it. `action` is read when `activity` is absent,
 * and `actor` when `user` is, so that a server following the first draft
 * of the contract is understood too. The activity and `dateTime` are
 * required (%PORTA_ERROR_INVALID_RESPONSE naming the field); an activity
 * Porta does not know is %PORTA_AUDIT_EVENT_KIND_UNKNOWN; `id` and the user
 * may be null or absent.
 *
 * Returns: (transfer full) (nullable): a new #PortaAuditEvent
 */
PortaAuditEvent *
porta_audit_event_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  PortaAuditEvent *self;
  g_autoptr(GDateTime) date_time = NULL;
  const char *activity_member = "activity";
  const char *activity;
  JsonObject *user;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_object_has_member (object, activity_member) && json_object_has_member (object, "action"))
    activity_member = "action";
  if (!(activity = porta_json_get_string (object, activity_member, error)))
    return NULL;
  if (!(date_time = porta_json_get_date_time (object, "dateTime", error)))
    return NULL;

  user = porta_json_get_object_or_null (object, "user");
  if (user == NULL)
    user = porta_json_get_object_or_null (object, "actor");

  self = g_object_new (PORTA_TYPE_AUDIT_EVENT, NULL);
  self->id = g_strdup (porta_json_get_string_or_null (object, "id"));
  self->kind = porta_audit_event_kind_from_string (activity);
  self->date_time = g_steal_pointer (&date_time);
  self->user_name = g_strdup (porta_json_get_string_or_null (user, "displayName"));
  self->user_upn = g_strdup (porta_json_get_string_or_null (user, "userPrincipalName"));

  return self;
}

/**
 * porta_audit_event_get_id:
 * @self: a #PortaAuditEvent
 *
 * Returns: (transfer none) (nullable): the event's id
 */
const char *
porta_audit_event_get_id (PortaAuditEvent *self)
{
  g_return_val_if_fail (PORTA_IS_AUDIT_EVENT (self), NULL);
  return self->id;
}

PortaAuditEventKind
porta_audit_event_get_kind (PortaAuditEvent *self)
{
  g_return_val_if_fail (PORTA_IS_AUDIT_EVENT (self), PORTA_AUDIT_EVENT_KIND_UNKNOWN);
  return self->kind;
}

/**
 * porta_audit_event_get_date_time:
 * @self: a #PortaAuditEvent
 *
 * Returns: (transfer none): when it happened, never %NULL
 */
GDateTime *
porta_audit_event_get_date_time (PortaAuditEvent *self)
{
  g_return_val_if_fail (PORTA_IS_AUDIT_EVENT (self), NULL);
  return self->date_time;
}

/**
 * porta_audit_event_get_user_name:
 * @self: a #PortaAuditEvent
 *
 * Returns: (transfer none) (nullable): the display name of who did it
 */
const char *
porta_audit_event_get_user_name (PortaAuditEvent *self)
{
  g_return_val_if_fail (PORTA_IS_AUDIT_EVENT (self), NULL);
  return self->user_name;
}

/**
 * porta_audit_event_get_user_upn:
 * @self: a #PortaAuditEvent
 *
 * Returns: (transfer none) (nullable): the user principal name of who did it
 */
const char *
porta_audit_event_get_user_upn (PortaAuditEvent *self)
{
  g_return_val_if_fail (PORTA_IS_AUDIT_EVENT (self), NULL);
  return self->user_upn;
}
