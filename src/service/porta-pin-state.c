/* porta-pin-state.c — the port-out PIN's status, one per signed-in client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the organization has a port-out PIN is shown in two places:
 * the PIN card on the Port orders page and the Voice page's banner
 * ("No port-out PIN is set"). Both observe this one object, which the
 * session keeps for each signed-in client, so a PIN saved anywhere, or
 * a refresh from anywhere, changes both at once and no window has to
 * relay it. It holds what was last read (never the PIN itself), whether
 * a read is under way and why the last read failed; every property is
 * notified only when its value really changes, so bindings stay quiet.
 */
#define G_LOG_DOMAIN "porta-pin-state"

#include "config.h"

#include "porta-error.h"
#include "porta-pin-state.h"

struct _PortaPinState
{
  GObject         parent_instance;

  PortaClient    *client;
  PortaPinStatus *status;
  GError         *error;

  GCancellable   *refresh_cancellable;   /* non-NULL while a refresh runs */
  guint           setting;               /* set_pin calls under way */
  gboolean        loading;               /* as last notified */
  gboolean        offered;               /* as last notified */
};

G_DEFINE_FINAL_TYPE (PortaPinState, porta_pin_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATUS,
  PROP_IS_SET,
  PROP_LOADING,
  PROP_ERROR,
  PROP_OFFERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- changes, notified only when real ---------------------------------- */

static gboolean
same_status (PortaPinStatus *a,
             PortaPinStatus *b)
{
  GDateTime *da, *db;

  if (a == NULL || b == NULL)
    return a == b;

  da = porta_pin_status_get_last_modified_date_time (a);
  db = porta_pin_status_get_last_modified_date_time (b);
  return porta_pin_status_get_is_set (a) == porta_pin_status_get_is_set (b) &&
         ((da == NULL && db == NULL) || (da != NULL && db != NULL && g_date_time_equal (da, db))) &&
         g_strcmp0 (porta_pin_status_get_last_modified_by_name (a),
                    porta_pin_status_get_last_modified_by_name (b)) == 0 &&
         g_strcmp0 (porta_pin_status_get_last_modified_by_upn (a),
                    porta_pin_status_get_last_modified_by_upn (b)) == 0;
}

static void
set_status (PortaPinState  *self,
            PortaPinStatus *status)
{
  gboolean was_set = porta_pin_state_get_is_set (self);

  if (same_status (self->status, status))
    return;

  g_set_object (&self->status, status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (was_set != porta_pin_state_get_is_set (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SET]);
}

static void
set_error (PortaPinState *self,
           const GError  *error)
{
  if (porta_error_replace (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_loading (PortaPinState *self)
{
  gboolean loading = self->refresh_cancellable != NULL || self->setting > 0;

  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- reading ----------------------------------------------------------- */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PortaPinState) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPinStatus) status = NULL;

  status = porta_client_get_pin_status_finish (PORTA_CLIENT (object), result, &error);
  /* cancelled: whoever cancelled has already said we are not loading */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->refresh_cancellable);
  g_object_freeze_notify (G_OBJECT (self));
  if (status != NULL)
    set_status (self, status);
  else
    g_debug ("PIN status: %s", error->message);
  /* after a failure the last status read stays: it is still the best
   * guess, and the error says it may be out of date */
  set_error (self, error);
  update_loading (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * porta_pin_state_refresh:
 * @self: a #PortaPinState
 *
 * Reads the PIN status again, abandoning a read already under way.
 * #PortaPinState:loading is %TRUE meanwhile; the answer lands in
 * #PortaPinState:status, a failure in #PortaPinState:error.
 */
void
porta_pin_state_refresh (PortaPinState *self)
{
  g_return_if_fail (PORTA_IS_PIN_STATE (self));

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  update_loading (self);
  porta_client_get_pin_status_async (self->client, self->refresh_cancellable,
                                     refresh_cb, g_object_ref (self));
}

/**
 * porta_pin_state_load:
 * @self: a #PortaPinState
 *
 * Reads the PIN status unless it is known or being read already: what a
 * page does when it is first shown, so that two pages showing the same
 * state ask the server once.
 */
void
porta_pin_state_load (PortaPinState *self)
{
  g_return_if_fail (PORTA_IS_PIN_STATE (self));

  if (self->status == NULL && self->refresh_cancellable == NULL)
    porta_pin_state_refresh (self);
}

/**
 * porta_pin_state_cancel:
 * @self: a #PortaPinState
 *
 * Abandons the read under way, if any; what was known stays. A
 * porta_pin_state_set_pin_async() is stopped by its own cancellable.
 */
void
porta_pin_state_cancel (PortaPinState *self)
{
  g_return_if_fail (PORTA_IS_PIN_STATE (self));

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  update_loading (self);
}

/* ---- setting ----------------------------------------------------------- */

/* The server accepted a PIN but could not be read back: it is set, all
 * the same, even if when and by whom is not known yet. */
static PortaPinStatus *
status_known_set (PortaPinState *self)
{
  g_autoptr(JsonObject) object = NULL;

  if (self->status != NULL && porta_pin_status_get_is_set (self->status))
    return g_object_ref (self->status);

  object = json_object_new ();
  json_object_set_boolean_member (object, "isSet", TRUE);
  return porta_pin_status_new_from_json (object, NULL);
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaPinState *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaPinStatus) status = NULL;

  status = porta_client_get_pin_status_finish (PORTA_CLIENT (object), result, &error);

  g_object_freeze_notify (G_OBJECT (self));
  self->setting--;
  if (status == NULL)
    {
      g_debug ("PIN status after setting it: %s", error->message);
      status = status_known_set (self);
    }
  set_status (self, status);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_error (self, error);
  update_loading (self);
  g_object_thaw_notify (G_OBJECT (self));

  /* the PIN was saved: that is the answer, whatever the read-back said */
  g_task_return_boolean (task, TRUE);
}

static void
set_pin_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaPinState *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  if (!porta_client_set_pin_finish (PORTA_CLIENT (object), result, &error))
    {
      self->setting--;
      update_loading (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A read started before the save would bring back the old status */
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  cancellable = g_task_get_cancellable (task);
  porta_client_get_pin_status_async (self->client, cancellable, reread_cb, g_steal_pointer (&task));
}

/**
 * porta_pin_state_set_pin_async:
 * @self: a #PortaPinState
 * @pin: the new PIN; nothing here keeps a copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PIN is saved, or not
 * @user_data: data for @callback
 *
 * Sets or changes the PIN through the client (see
 * porta_client_set_pin_async() for its errors), then reads the status
 * back so that everything observing @self shows the new PIN at once,
 * before @callback runs. If the read-back fails the PIN is still
 * shown as set, and #PortaPinState:error says why the rest is missing.
 */
void
porta_pin_state_set_pin_async (PortaPinState       *self,
                               const char          *pin,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_PIN_STATE (self));
  g_return_if_fail (pin != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_pin_state_set_pin_async);
  /* the PIN was saved even if the caller stopped listening meanwhile */
  g_task_set_check_cancellable (task, FALSE);

  self->setting++;
  update_loading (self);
  porta_client_set_pin_async (self->client, pin, cancellable, set_pin_cb, g_steal_pointer (&task));
}

/**
 * porta_pin_state_set_pin_finish:
 * @self: a #PortaPinState
 * @result: the result passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE if the server accepted the PIN
 */
gboolean
porta_pin_state_set_pin_finish (PortaPinState  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_pin_state_set_pin_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object -------------------------------------------------------- */

/* Microsoft Graph has no port-out PIN (docs/admin-api.md §7): the
 * client learns it from the answer, and the state says so to its pages */
static void
capability_changed_cb (PortaPinState *self)
{
  gboolean offered = porta_client_get_capability (self->client, PORTA_FEATURE_PORT_OUT_PIN) !=
                     PORTA_CAPABILITY_NOT_OFFERED;

  if (self->offered == offered)
    return;
  self->offered = offered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFERED]);
}

static void
porta_pin_state_dispose (GObject *object)
{
  PortaPinState *self = PORTA_PIN_STATE (object);

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->status);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (porta_pin_state_parent_class)->dispose (object);
}

static void
porta_pin_state_finalize (GObject *object)
{
  PortaPinState *self = PORTA_PIN_STATE (object);

  g_clear_error (&self->error);

  G_OBJECT_CLASS (porta_pin_state_parent_class)->finalize (object);
}

static void
porta_pin_state_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PortaPinState *self = PORTA_PIN_STATE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATUS:
      g_value_set_object (value, self->status);
      break;
    case PROP_IS_SET:
      g_value_set_boolean (value, porta_pin_state_get_is_set (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_OFFERED:
      g_value_set_boolean (value, self->offered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_pin_state_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PortaPinState *self = PORTA_PIN_STATE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      g_signal_connect_object (self->client, "notify::pin-capability",
                               G_CALLBACK (capability_changed_cb), self, G_CONNECT_SWAPPED);
      capability_changed_cb (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_pin_state_class_init (PortaPinStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_pin_state_dispose;
  object_class->finalize = porta_pin_state_finalize;
  object_class->get_property = porta_pin_state_get_property;
  object_class->set_property = porta_pin_state_set_property;

  /**
   * PortaPinState:client:
   *
   * The client that reads and sets the PIN.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PortaPinState:status:
   *
   * What was last read: %NULL until the first read succeeds. Replaced
   * only when something in it changed.
   */
  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, PORTA_TYPE_PIN_STATUS, READ_ONLY);
  /**
   * PortaPinState:is-set:
   *
   * Whether a PIN is known to be set (%FALSE while nothing is known).
   */
  properties[PROP_IS_SET] =
    g_param_spec_boolean ("is-set", NULL, NULL, FALSE, READ_ONLY);
  /**
   * PortaPinState:loading:
   *
   * Whether a read or a save is under way.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, READ_ONLY);
  /**
   * PortaPinState:error:
   *
   * Why the last read failed, in words for a person (a #PORTA_ERROR), or
   * %NULL after a read that worked.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, READ_ONLY);
  /**
   * PortaPinState:offered:
   *
   * Whether the account's server offers the port-out PIN at all: %FALSE
   * once it has answered as Microsoft Graph does, which has no API for
   * it (#PortaClient:pin-capability). Then the PIN is managed in the
   * Teams admin center, and the pages show a guide instead of an error.
   */
  properties[PROP_OFFERED] =
    g_param_spec_boolean ("offered", NULL, NULL, TRUE, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_pin_state_init (PortaPinState *self)
{
  self->offered = TRUE;
}

/**
 * porta_pin_state_new:
 * @client: the client of the account whose PIN this is
 *
 * Creates a state that knows nothing yet; porta_pin_state_load() or
 * porta_pin_state_refresh() reads it. The session keeps one per client
 * (porta_session_get_pin_state()); make one of your own only when no
 * session is around.
 *
 * Returns: (transfer full): a new #PortaPinState
 */
PortaPinState *
porta_pin_state_new (PortaClient *client)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (client), NULL);

  return g_object_new (PORTA_TYPE_PIN_STATE, "client", client, NULL);
}

/**
 * porta_pin_state_get_client:
 *
 * Returns: (transfer none): the client that reads and sets the PIN
 */
PortaClient *
porta_pin_state_get_client (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), NULL);
  return self->client;
}

/**
 * porta_pin_state_get_status:
 *
 * Returns: (transfer none) (nullable): what was last read, or %NULL
 */
PortaPinStatus *
porta_pin_state_get_status (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), NULL);
  return self->status;
}

gboolean
porta_pin_state_get_is_set (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), FALSE);
  return self->status != NULL && porta_pin_status_get_is_set (self->status);
}

gboolean
porta_pin_state_get_loading (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), FALSE);
  return self->loading;
}

/**
 * porta_pin_state_get_offered:
 *
 * Returns: whether the server offers the port-out PIN (%TRUE until it
 *   says it does not)
 */
gboolean
porta_pin_state_get_offered (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), TRUE);
  return self->offered;
}

/**
 * porta_pin_state_get_error:
 *
 * Returns: (transfer none) (nullable): why the last read failed
 */
const GError *
porta_pin_state_get_error (PortaPinState *self)
{
  g_return_val_if_fail (PORTA_IS_PIN_STATE (self), NULL);
  return self->error;
}
