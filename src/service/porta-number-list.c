/* porta-number-list.c — the phone numbers of one account, as they load
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Voice page shows, and what it used to keep itself: the
 * numbers (a GListModel of PortaPhoneNumber), whether they are loading,
 * how many have arrived, and what went wrong last. The pages stream in
 * through porta_client_list_numbers_async() and are appended to a
 * GListStore this model wraps and delegates to, so each page's splice
 * reaches the view as one items-changed, unchanged (tests/bench/
 * bench-voice). A widget observes the properties and calls refresh and
 * cancel; it holds no loading state of its own. An error leaves the
 * numbers already here in place, as the client does: Retry (refresh)
 * loads them all again.
 */
#define G_LOG_DOMAIN "porta-number-list"

#include "config.h"

#include "porta-error.h"
#include "porta-number-list.h"
#include "porta-phone-number.h"

struct _PortaNumberList
{
  GObject       parent_instance;

  PortaClient  *client;
  GListStore   *store;
  GCancellable *cancellable;  /* the load under way, if any */
  GError       *error;
  guint         n_loaded;
  gboolean      loading;
};

static void porta_number_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaNumberList, porta_number_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, porta_number_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- GListModel, delegated to the store -------------------------------- */

static GType
porta_number_list_get_item_type (GListModel *model)
{
  return PORTA_TYPE_PHONE_NUMBER;
}

static guint
porta_number_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (PORTA_NUMBER_LIST (model)->store));
}

static gpointer
porta_number_list_get_item (GListModel *model,
                            guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (PORTA_NUMBER_LIST (model)->store), position);
}

static void
porta_number_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = porta_number_list_get_item_type;
  iface->get_n_items = porta_number_list_get_n_items;
  iface->get_item = porta_number_list_get_item;
}

static void
store_items_changed_cb (PortaNumberList *self,
                        guint            position,
                        guint            removed,
                        guint            added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* ---- state ------------------------------------------------------------- */

static void
set_loading (PortaNumberList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_n_loaded (PortaNumberList *self,
              guint            n_loaded)
{
  if (self->n_loaded == n_loaded)
    return;
  self->n_loaded = n_loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADED]);
}

static void
set_error (PortaNumberList *self,
           const GError *error)
{
  if (porta_error_replace (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* ---- loading ----------------------------------------------------------- */

static void
progress_cb (guint    loaded,
             gpointer user_data)
{
  set_n_loaded (PORTA_NUMBER_LIST (user_data), loaded);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PortaNumberList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porta_client_list_numbers_finish (PORTA_CLIENT (object), result, &error))
    {
      /* cancel() has already said it stopped; a newer load may be on */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* the numbers already here stay */
      set_error (self, error);
    }

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
}

/**
 * porta_number_list_refresh:
 * @self: a #PortaNumberList
 *
 * Loads every number again: stops a load under way, forgets the last
 * error and the numbers, then streams them in anew. Does nothing more
 * without a client.
 */
void
porta_number_list_refresh (PortaNumberList *self)
{
  g_return_if_fail (PORTA_IS_NUMBER_LIST (self));

  porta_number_list_cancel (self);
  set_error (self, NULL);
  g_list_store_remove_all (self->store);
  set_n_loaded (self, 0);

  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  porta_client_list_numbers_async (self->client, NULL, self->store, progress_cb, self,
                                   self->cancellable, list_done_cb, g_object_ref (self));
}

/**
 * porta_number_list_cancel:
 * @self: a #PortaNumberList
 *
 * Stops the load under way, if any; the numbers already here stay, and
 * #PortaNumberList:loading is %FALSE when this returns.
 */
void
porta_number_list_cancel (PortaNumberList *self)
{
  g_return_if_fail (PORTA_IS_NUMBER_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
}

/* ---- the object -------------------------------------------------------- */

static void
porta_number_list_dispose (GObject *object)
{
  PortaNumberList *self = PORTA_NUMBER_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (porta_number_list_parent_class)->dispose (object);
}

static void
porta_number_list_finalize (GObject *object)
{
  PortaNumberList *self = PORTA_NUMBER_LIST (object);

  g_clear_error (&self->error);

  G_OBJECT_CLASS (porta_number_list_parent_class)->finalize (object);
}

static void
porta_number_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortaNumberList *self = PORTA_NUMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_number_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortaNumberList *self = PORTA_NUMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_number_list_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_number_list_class_init (PortaNumberListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_number_list_dispose;
  object_class->finalize = porta_number_list_finalize;
  object_class->get_property = porta_number_list_get_property;
  object_class->set_property = porta_number_list_set_property;

  /**
   * PortaNumberList:client:
   *
   * Whose numbers; setting it stops a load and empties the list,
   * without loading: refresh() does, when the numbers are wanted.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaNumberList:error:
   *
   * Why the last load stopped short (a #GError in %PORTA_ERROR with a
   * translated message), or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaNumberList:n-loaded:
   *
   * How many numbers the load under way, or the last one, has brought:
   * told after each page. The server does not say how many there are
   * in all, so this is the only progress there is.
   */
  properties[PROP_N_LOADED] =
    g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_number_list_init (PortaNumberList *self)
{
  self->store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_signal_connect_swapped (self->store, "items-changed", G_CALLBACK (store_items_changed_cb), self);
}

/**
 * porta_number_list_new:
 * @client: (nullable): whose numbers
 *
 * Returns: (transfer full): an empty list; porta_number_list_refresh()
 *   loads it
 */
PortaNumberList *
porta_number_list_new (PortaClient *client)
{
  g_return_val_if_fail (client == NULL || PORTA_IS_CLIENT (client), NULL);

  return g_object_new (PORTA_TYPE_NUMBER_LIST, "client", client, NULL);
}

PortaClient *
porta_number_list_get_client (PortaNumberList *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_LIST (self), NULL);
  return self->client;
}

void
porta_number_list_set_client (PortaNumberList *self,
                              PortaClient     *client)
{
  g_return_if_fail (PORTA_IS_NUMBER_LIST (self));
  g_return_if_fail (client == NULL || PORTA_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  porta_number_list_cancel (self);
  set_error (self, NULL);
  g_list_store_remove_all (self->store);
  set_n_loaded (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
porta_number_list_get_loading (PortaNumberList *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_LIST (self), FALSE);
  return self->loading;
}

/**
 * porta_number_list_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load stopped short
 */
const GError *
porta_number_list_get_error (PortaNumberList *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_LIST (self), NULL);
  return self->error;
}

guint
porta_number_list_get_n_loaded (PortaNumberList *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_LIST (self), 0);
  return self->n_loaded;
}

/**
 * porta_number_list_get_store:
 *
 * The store the pages are appended to, for the tests and the benchmark
 * that watch each splice land; change the list through refresh() only.
 *
 * Returns: (transfer none): the wrapped store
 */
GListStore *
porta_number_list_get_store (PortaNumberList *self)
{
  g_return_val_if_fail (PORTA_IS_NUMBER_LIST (self), NULL);
  return self->store;
}
