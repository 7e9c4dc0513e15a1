/* porta-people.c — the people of one account, by id, as they load
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory the Voice page, the export and portactl look numbers'
 * assignmentTargetIds up in: a map from Entra object id (compared without
 * regard to case, as GUIDs are) to PortaPerson. It loads beside
 * PortaNumberList and never before it: the numbers show at once with
 * their GUIDs, and "changed" tells the views to fill names in when the
 * people arrive. A 403 (TeamsUserConfiguration.Read.All not granted) is
 * no error to show: #PortaPeople:available turns FALSE and the page says
 * what to grant. Any other failure is in #PortaPeople:error, and the
 * numbers keep their GUIDs.
 */
#define G_LOG_DOMAIN "porta-people"

#include "config.h"

#include "porta-error.h"
#include "porta-people.h"

struct _PortaPeople
{
  GObject       parent_instance;

  PortaClient  *client;
  GHashTable   *by_id;        /* lowercase id → PortaPerson; never changed once
                               * made, but replaced: a query in a worker
                               * thread may hold it (porta-number-query.c) */
  guint         serial;       /* told apart each time @by_id is replaced */
  GCancellable *cancellable;  /* the load under way, if any */
  GError       *error;
  gboolean      loading;
  gboolean      available;
};

G_DEFINE_FINAL_TYPE (PortaPeople, porta_people, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_AVAILABLE,
  PROP_ERROR,
  PROP_N_PEOPLE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_loading (PortaPeople *self,
             gboolean     loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_available (PortaPeople *self,
               gboolean     available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
set_error (PortaPeople *self,
           const GError *error)
{
  if (porta_error_replace (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static GHashTable *
new_index (void)
{
  /* the keys are the people's own lowercase ids (porta_person_get_id_key()):
   * no copy of 68,000 GUIDs */
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/* takes @by_id */
static void
replace_index (PortaPeople *self,
               GHashTable  *by_id)
{
  g_hash_table_unref (self->by_id);
  self->by_id = by_id;
  self->serial++;
}

static void
clear_people (PortaPeople *self)
{
  if (g_hash_table_size (self->by_id) == 0)
    return;
  replace_index (self, new_index ());
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEOPLE]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PortaPeople) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  people = porta_client_list_people_finish (PORTA_CLIENT (object), result, &error);
  if (people == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (people == NULL && g_error_matches (error, PORTA_ERROR, PORTA_ERROR_FORBIDDEN))
    {
      g_debug ("no people: %s", error->message);
      set_available (self, FALSE);
    }
  else if (people == NULL)
    {
      set_error (self, error);
    }
  else
    {
      replace_index (self, porta_people_index_new (people));
      set_available (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEOPLE]);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
  set_loading (self, FALSE);
}

/**
 * porta_people_refresh:
 * @self: a #PortaPeople
 *
 * Loads the people again: stops a load under way, then asks for all of
 * them. The people already known stay until the new ones arrive, so
 * names do not flicker back to GUIDs. Does nothing without a client.
 */
void
porta_people_refresh (PortaPeople *self)
{
  g_return_if_fail (PORTA_IS_PEOPLE (self));

  porta_people_cancel (self);
  set_error (self, NULL);
  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  porta_client_list_people_async (self->client, self->cancellable, list_done_cb, g_object_ref (self));
}

/**
 * porta_people_cancel:
 * @self: a #PortaPeople
 *
 * Stops the load under way, if any.
 */
void
porta_people_cancel (PortaPeople *self)
{
  g_return_if_fail (PORTA_IS_PEOPLE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
}

static void
porta_people_dispose (GObject *object)
{
  PortaPeople *self = PORTA_PEOPLE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (porta_people_parent_class)->dispose (object);
}

static void
porta_people_finalize (GObject *object)
{
  PortaPeople *self = PORTA_PEOPLE (object);

  g_clear_error (&self->error);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (porta_people_parent_class)->finalize (object);
}

static void
porta_people_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaPeople *self = PORTA_PEOPLE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_PEOPLE:
      g_value_set_uint (value, g_hash_table_size (self->by_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_people_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PortaPeople *self = PORTA_PEOPLE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_people_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_people_class_init (PortaPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_people_dispose;
  object_class->finalize = porta_people_finalize;
  object_class->get_property = porta_people_get_property;
  object_class->set_property = porta_people_set_property;

  /**
   * PortaPeople:client:
   *
   * Whose people; setting it stops a load and forgets them, without
   * loading: refresh() does.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaPeople:available:
   *
   * %FALSE once the server has refused the people with a 403: the
   * account lacks TeamsUserConfiguration.Read.All. %TRUE until then.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaPeople:error:
   *
   * Why the last load failed, other than a 403, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PEOPLE] =
    g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaPeople::changed:
   *
   * The people were replaced or forgotten: look the ids up again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
porta_people_init (PortaPeople *self)
{
  self->by_id = new_index ();
  self->serial = 1;
  self->available = TRUE;
}

/**
 * porta_people_new:
 * @client: (nullable): whose people
 *
 * Returns: (transfer full): an empty directory; porta_people_refresh()
 *   loads it
 */
PortaPeople *
porta_people_new (PortaClient *client)
{
  g_return_val_if_fail (client == NULL || PORTA_IS_CLIENT (client), NULL);

  return g_object_new (PORTA_TYPE_PEOPLE, "client", client, NULL);
}

PortaClient *
porta_people_get_client (PortaPeople *self)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), NULL);
  return self->client;
}

void
porta_people_set_client (PortaPeople *self,
                         PortaClient *client)
{
  g_return_if_fail (PORTA_IS_PEOPLE (self));
  g_return_if_fail (client == NULL || PORTA_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  porta_people_cancel (self);
  set_error (self, NULL);
  set_available (self, TRUE);
  clear_people (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
porta_people_get_loading (PortaPeople *self)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), FALSE);
  return self->loading;
}

gboolean
porta_people_get_available (PortaPeople *self)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), FALSE);
  return self->available;
}

/**
 * porta_people_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load failed
 */
const GError *
porta_people_get_error (PortaPeople *self)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), NULL);
  return self->error;
}

guint
porta_people_get_n_people (PortaPeople *self)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), 0);
  return g_hash_table_size (self->by_id);
}

/**
 * porta_people_lookup:
 * @self: a #PortaPeople
 * @id: (nullable): an assignmentTargetId
 *
 * Returns: (transfer none) (nullable): who @id is, when known
 */
PortaPerson *
porta_people_lookup (PortaPeople *self,
                     const char  *id)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), NULL);
  return porta_people_index_lookup (self->by_id, id);
}

/**
 * porta_people_get_index:
 * @self: a #PortaPeople
 * @serial: (out) (optional): which index it is: another one has another
 *
 * The people as they are now, for porta_people_index_lookup(): a table
 * that is never changed, only replaced, so another thread may read the
 * one it holds a reference to.
 *
 * Returns: (transfer none): the index
 */
GHashTable *
porta_people_get_index (PortaPeople *self,
                        guint       *serial)
{
  g_return_val_if_fail (PORTA_IS_PEOPLE (self), NULL);
  if (serial != NULL)
    *serial = self->serial;
  return self->by_id;
}

/**
 * porta_people_index_new:
 * @people: (element-type PortaPerson): from porta_client_list_people_finish()
 *
 * Returns: (transfer full): an index of @people for
 *   porta_people_index_lookup(), never to be changed
 */
GHashTable *
porta_people_index_new (GPtrArray *people)
{
  GHashTable *by_id = new_index ();

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      PortaPerson *person = g_ptr_array_index (people, i);

      g_hash_table_replace (by_id, (gpointer) porta_person_get_id_key (person), g_object_ref (person));
    }
  return by_id;
}

/**
 * porta_people_index_lookup:
 * @index: (nullable): from porta_people_get_index()
 * @id: (nullable): an assignmentTargetId
 *
 * Returns: (transfer none) (nullable): who @id is, when known
 */
PortaPerson *
porta_people_index_lookup (GHashTable *index,
                           const char *id)
{
  char lower[64];
  gsize i;

  if (index == NULL || id == NULL || g_hash_table_size (index) == 0)
    return NULL;
  /* GUIDs are short: lowercase them on the stack, no allocation */
  for (i = 0; id[i] != '\0' && i < sizeof lower - 1; i++)
    lower[i] = g_ascii_tolower (id[i]);
  if (id[i] != '\0')
    return NULL;
  lower[i] = '\0';
  return g_hash_table_lookup (index, lower);
}
