/* porta-order-list.c — the port orders of one account, as a list model
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that holds the state of the Port orders page: which
 * orders the account has, whether they are being read, and what went
 * wrong the last time. The page binds to `loading` and `error` and
 * shows the list; it keeps no state of its own (issue 12). A refresh
 * updates the orders in place, so a row, a selection or an order's
 * details follow the same objects; an order that moved on since the
 * previous read is reported through ::order-changed, for the page to
 * announce. A failed read keeps the rows it had: an old list with an
 * error beside it is more use than an empty one.
 */
#define G_LOG_DOMAIN "porta-order-list"

#include "config.h"

#include "porta-error.h"
#include "porta-order-list.h"

struct _PortaOrderList
{
  GObject       parent_instance;

  PortaClient  *client;
  GListStore   *store;
  GCancellable *cancellable;
  GError       *error;
  gboolean      loading;
  gboolean      loaded;
};

static void porta_order_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PortaOrderList, porta_order_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, porta_order_list_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- GListModel: the store's items ------------------------------------- */

static GType
porta_order_list_get_item_type (GListModel *model)
{
  return PORTA_TYPE_PORT_ORDER;
}

static guint
porta_order_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (PORTA_ORDER_LIST (model)->store));
}

static gpointer
porta_order_list_get_item (GListModel *model,
                           guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (PORTA_ORDER_LIST (model)->store), position);
}

static void
porta_order_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = porta_order_list_get_item_type;
  iface->get_n_items = porta_order_list_get_n_items;
  iface->get_item = porta_order_list_get_item;
}

static void
store_items_changed_cb (PortaOrderList *self,
                        guint           position,
                        guint           removed,
                        guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* ---- state ------------------------------------------------------------- */

static void
set_loading (PortaOrderList *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (PortaOrderList *self,
           const GError   *error)
{
  if (porta_error_replace (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static PortaPortOrder *
find_order (PortaOrderList *self,
            const char     *id,
            guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PortaPortOrder) order = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (porta_port_order_get_id (order), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return order;  /* the store keeps it alive */
        }
    }
  return NULL;
}

/* ---- reading ----------------------------------------------------------- */

/* Update in place: the orders already known keep their objects (and
 * so their rows and whoever shows them), new ones are added at the end
 * in one change, and the ones the server no longer has go */
static void
merge (PortaOrderList *self,
       GPtrArray      *orders)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean announce = self->loaded;

  for (guint i = 0; i < orders->len; i++)
    {
      PortaPortOrder *fresh = g_ptr_array_index (orders, i);
      const char *id = porta_port_order_get_id (fresh);
      PortaPortOrder *known;

      if (id == NULL || g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, (gpointer) id);
      known = find_order (self, id, NULL);
      if (known == NULL)
        g_ptr_array_add (added, fresh);
      else if (porta_port_order_update_from (known, fresh) && announce)
        g_signal_emit (self, signals[SIGNAL_ORDER_CHANGED], 0, known);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->store)); i > 0; i--)
    {
      g_autoptr(PortaPortOrder) order = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);

      if (!g_hash_table_contains (seen, porta_port_order_get_id (order)))
        g_list_store_remove (self->store, i - 1);
    }

  if (added->len > 0)
    g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                         added->pdata, added->len);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PortaOrderList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;

  orders = porta_client_list_port_orders_finish (PORTA_CLIENT (object), result, &error);
  /* cancelled: whoever cancelled has set the state already */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  g_object_freeze_notify (G_OBJECT (self));
  if (orders == NULL)
    set_error (self, error);
  else
    {
      merge (self, orders);
      set_error (self, NULL);
      if (!self->loaded)
        {
          self->loaded = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
        }
    }
  set_loading (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * porta_order_list_refresh:
 * @self: a #PortaOrderList
 *
 * Reads every order again. A read still under way is cancelled and
 * started again; the orders, and the error of the last read, stay as
 * they are until this read ends.
 */
void
porta_order_list_refresh (PortaOrderList *self)
{
  g_return_if_fail (PORTA_IS_ORDER_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  porta_client_list_port_orders_async (self->client, NULL, self->cancellable, listed_cb, g_object_ref (self));
}

/**
 * porta_order_list_cancel:
 * @self: a #PortaOrderList
 *
 * Stops a read under way, if any; the orders stay as they are.
 */
void
porta_order_list_cancel (PortaOrderList *self)
{
  g_return_if_fail (PORTA_IS_ORDER_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
}

/**
 * porta_order_list_find:
 * @self: a #PortaOrderList
 * @id: an order's id
 *
 * Returns: (transfer none) (nullable): the order with that id, if listed
 */
PortaPortOrder *
porta_order_list_find (PortaOrderList *self,
                       const char     *id)
{
  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_order (self, id, NULL);
}

/**
 * porta_order_list_update_order:
 * @self: a #PortaOrderList
 * @order: an order as the server returned it: after Cancel Order or
 *   Change FOC Date, or just created
 *
 * Puts @order in the list: the listed order with its id takes its
 * values (in place, so its row and its details, which show that same
 * object, change together), or, when the list does not have it yet,
 * @order is added.
 *
 * Returns: (transfer none): the listed order
 */
PortaPortOrder *
porta_order_list_update_order (PortaOrderList *self,
                               PortaPortOrder *order)
{
  PortaPortOrder *known;

  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), NULL);
  g_return_val_if_fail (PORTA_IS_PORT_ORDER (order), NULL);

  known = find_order (self, porta_port_order_get_id (order), NULL);
  if (known == NULL)
    {
      g_list_store_append (self->store, order);
      return order;
    }
  if (known != order)
    porta_port_order_update_from (known, order);
  return known;
}

/* ---- the object -------------------------------------------------------- */

static void
porta_order_list_dispose (GObject *object)
{
  PortaOrderList *self = PORTA_ORDER_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (porta_order_list_parent_class)->dispose (object);
}

static void
porta_order_list_finalize (GObject *object)
{
  PortaOrderList *self = PORTA_ORDER_LIST (object);

  g_clear_object (&self->store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (porta_order_list_parent_class)->finalize (object);
}

static void
porta_order_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortaOrderList *self = PORTA_ORDER_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->store)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_order_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PortaOrderList *self = PORTA_ORDER_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_order_list_class_init (PortaOrderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_order_list_dispose;
  object_class->finalize = porta_order_list_finalize;
  object_class->get_property = porta_order_list_get_property;
  object_class->set_property = porta_order_list_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* a read is under way */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, READ_ONLY);
  /* a read has succeeded at least once: an empty list means no orders */
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, READ_ONLY);
  /* why the last read failed, in PORTA_ERROR with a translated message;
   * NULL once a read succeeds */
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, READ_ONLY);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaOrderList::order-changed:
   * @self: the list
   * @order: the listed order, with its new values
   *
   * A refresh found @order changed on the server (not on the first read,
   * and not through porta_order_list_update_order()): someone or
   * something else moved it on.
   */
  signals[SIGNAL_ORDER_CHANGED] =
    g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PORTA_TYPE_PORT_ORDER);
}

static void
porta_order_list_init (PortaOrderList *self)
{
  self->store = g_list_store_new (PORTA_TYPE_PORT_ORDER);
  g_signal_connect_swapped (self->store, "items-changed", G_CALLBACK (store_items_changed_cb), self);
}

/**
 * porta_order_list_new:
 * @client: the account's client
 *
 * Returns: (transfer full): an empty list; porta_order_list_refresh()
 *   reads the orders
 */
PortaOrderList *
porta_order_list_new (PortaClient *client)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (client), NULL);

  return g_object_new (PORTA_TYPE_ORDER_LIST, "client", client, NULL);
}

PortaClient *
porta_order_list_get_client (PortaOrderList *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), NULL);
  return self->client;
}

gboolean
porta_order_list_get_loading (PortaOrderList *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), FALSE);
  return self->loading;
}

gboolean
porta_order_list_get_loaded (PortaOrderList *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), FALSE);
  return self->loaded;
}

/**
 * porta_order_list_get_error:
 *
 * Returns: (transfer none) (nullable): why the last read failed
 */
const GError *
porta_order_list_get_error (PortaOrderList *self)
{
  g_return_val_if_fail (PORTA_IS_ORDER_LIST (self), NULL);
  return self->error;
}
