/* porta-orders-page.c — the port-out PIN and the port orders
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN card, then every port order: searchable, filtered by status
 * and direction, sorted; each opens its details. While the page is in
 * view the orders are read again every minute, and a status that moved
 * is announced: a toast, and a desktop notification when the window is
 * not the one in front.
 *
 * The orders, whether they are loading and why they failed live in the
 * account's PortaOrderList (libporta); the page binds its spinner and
 * error banner to it and only adds what is about the view: search,
 * filters, sort, and which order is open.
 */
#define G_LOG_DOMAIN "porta-orders-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-banner.h"
#include "porta-enums.h"
#include "porta-guide.h"
#include "porta-new-order-dialog.h"
#include "porta-number-query.h"
#include "porta-order-details.h"
#include "porta-order-list.h"
#include "porta-order-row.h"
#include "porta-orders-page.h"
#include "porta-pin-card.h"

#define REFRESH_SECONDS 60

struct _PortaOrdersPage
{
  AdwBin              parent_instance;

  PortaClient        *client;
  GListModel         *known_numbers;
  PortaOrderList     *orders;          /* the state; NULL without a client */
  GBindingGroup      *bindings;        /* the widgets that show it */
  GSignalGroup       *signals;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  guint               refresh_id;
  char               *select_after_load;

  GtkStack           *page_stack;
  PortaPinCard       *pin_card;
  GtkSpinner         *spinner;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *direction_dropdown;
  GtkDropDown        *sort_dropdown;
  PortaBanner        *error_banner;
  GtkStack           *orders_stack;
  GtkListBox         *orders_list;
  GtkLabel           *count_label;
  PortaOrderDetails  *details;
};

G_DEFINE_FINAL_TYPE (PortaOrdersPage, porta_orders_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PIN_STATE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PortaPortOrderStatus status_choices[] = {
  PORTA_PORT_ORDER_STATUS_UNKNOWN,  /* all */
  PORTA_PORT_ORDER_STATUS_PROCESSING,
  PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER,
  PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED,
  PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING,
  PORTA_PORT_ORDER_STATUS_ERROR,
  PORTA_PORT_ORDER_STATUS_COMPLETED,
  PORTA_PORT_ORDER_STATUS_CANCELLED,
};

typedef enum
{
  SORT_NEWEST,
  SORT_OLDEST,
  SORT_FOC,
  SORT_NAME,
  SORT_STATUS,
} SortOrder;

/* ---- rows -------------------------------------------------------------- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return porta_order_row_new (item);
}

/* ---- filter and sort --------------------------------------------------- */

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  PortaOrdersPage *self = user_data;
  PortaPortOrder *order = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint direction = gtk_drop_down_get_selected (self->direction_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (status > 0 && status < G_N_ELEMENTS (status_choices) &&
      porta_port_order_get_status (order) != status_choices[status])
    return FALSE;
  if (direction == 1 && porta_port_order_get_direction (order) != PORTA_PORT_ORDER_DIRECTION_PORT_IN)
    return FALSE;
  if (direction == 2 && porta_port_order_get_direction (order) != PORTA_PORT_ORDER_DIRECTION_PORT_OUT)
    return FALSE;

  if (text != NULL && text[0] != '\0')
    {
      g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
      const char * const *numbers = porta_port_order_get_telephone_numbers (order);

      /* numbers as the Voice page finds them: digits anywhere however
       * written, a leading '+' at the start; a '+' search is for
       * numbers alone */
      porta_number_query_set_text (query, text);
      if (porta_number_query_is_empty (query))
        return TRUE;  /* spaces, or a lone '+' */
      if (!porta_number_query_is_number_search (query))
        {
          g_autofree char *needle = g_utf8_casefold (text, -1);
          g_autofree char *name = g_utf8_casefold (porta_port_order_get_display_name (order), -1);

          if (strstr (name, needle) != NULL)
            return TRUE;
        }
      for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
        if (porta_number_query_matches_telephone_number (query, numbers[i]))
          return TRUE;
      return FALSE;
    }

  return TRUE;
}

static int
compare_dates (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

static int
compare (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  PortaOrdersPage *self = user_data;
  PortaPortOrder *oa = (PortaPortOrder *) a;
  PortaPortOrder *ob = (PortaPortOrder *) b;
  int result = 0;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_OLDEST:
      result = compare_dates (porta_port_order_get_created_date_time (oa), porta_port_order_get_created_date_time (ob));
      break;
    case SORT_FOC:
      result = compare_dates (porta_port_order_get_requested_foc_date_time (oa),
                              porta_port_order_get_requested_foc_date_time (ob));
      break;
    case SORT_NAME:
      result = g_utf8_collate (porta_port_order_get_display_name (oa), porta_port_order_get_display_name (ob));
      break;
    case SORT_STATUS:
      result = (int) porta_port_order_get_status (oa) - (int) porta_port_order_get_status (ob);
      break;
    case SORT_NEWEST:
    default:
      result = -compare_dates (porta_port_order_get_created_date_time (oa), porta_port_order_get_created_date_time (ob));
      break;
    }

  if (result == 0)
    result = g_strcmp0 (porta_port_order_get_id (oa), porta_port_order_get_id (ob));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_count (PortaOrdersPage *self)
{
  guint total = self->orders ? g_list_model_get_n_items (G_LIST_MODEL (self->orders)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *text = NULL;

  if (self->orders == NULL || (!porta_order_list_get_loaded (self->orders) && total == 0))
    text = g_strdup ("");
  else if (total == 0)
    text = g_strdup (_("No port orders yet. New Port-In Order… brings numbers in from another carrier."));
  else if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", total), total);
  else if (shown == 0)
    text = g_strdup (_("No order matches the search and filters."));
  else
    /* Translators: how many port orders match, out of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u order", "%u of %u orders", total), shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->orders_list), shown > 0);
}

static void
filters_changed_cb (PortaOrdersPage *self)
{
  if (self->filter == NULL)
    return;  /* still in init */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
sort_changed_cb (PortaOrdersPage *self)
{
  if (self->sorter == NULL)
    return;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* ---- loading, and what changed ----------------------------------------- */

static void
announce (PortaOrdersPage *self,
          PortaPortOrder  *order)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *status = porta_port_order_status_get_label (porta_port_order_get_status (order));
  g_autofree char *message = NULL;

  /* Translators: a port order's status changed: its name, then its new status */
  message = g_strdup_printf (_("“%s” is now: %s"), porta_port_order_get_display_name (order), status);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);

  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)) && g_application_get_default () != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Port order updated"));
      g_autofree char *id = g_strconcat ("port-order-", porta_port_order_get_id (order), NULL);

      g_notification_set_body (notification, message);
      g_notification_set_default_action_and_target (notification, "app.show-port-order", "s",
                                                    porta_port_order_get_id (order));
      g_application_send_notification (g_application_get_default (), id, notification);
    }
}

static void
show_order (PortaOrdersPage *self,
            PortaPortOrder  *order)
{
  porta_order_details_set_order (self->details, order);
  gtk_stack_set_visible_child_name (self->page_stack, "order");
}

/* The list has read the orders (or failed to): open the order just
 * created, or asked for by a notification, once it is there */
static void
loading_changed_cb (PortaOrdersPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (porta_order_list_get_loading (self->orders) || porta_order_list_get_error (self->orders) != NULL)
    return;
  if (self->select_after_load != NULL)
    {
      PortaPortOrder *created = porta_order_list_find (self->orders, self->select_after_load);

      g_clear_pointer (&self->select_after_load, g_free);
      if (created != NULL)
        show_order (self, created);
    }
}

/**
 * porta_orders_page_refresh:
 * @self: a #PortaOrdersPage
 *
 * Reads the PIN and every order again (F5, Ctrl+R, Refresh, and every
 * minute while the page is in view).
 */
void
porta_orders_page_refresh (PortaOrdersPage *self)
{
  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));

  porta_pin_card_reload (self->pin_card);
  if (self->orders != NULL)
    porta_order_list_refresh (self->orders);
}

/* Microsoft Graph has no port orders (docs/admin-api.md §7) */
static gboolean
orders_not_offered (PortaOrdersPage *self)
{
  return self->client != NULL &&
         porta_client_get_capability (self->client, PORTA_FEATURE_PORT_ORDERS) == PORTA_CAPABILITY_NOT_OFFERED;
}

/* Where the server has no port orders, the guide takes their place:
 * no error, no Retry, no New Port-In Order */
static void
orders_capability_cb (PortaOrdersPage *self)
{
  gboolean not_offered = orders_not_offered (self);

  gtk_stack_set_visible_child_name (self->orders_stack, not_offered ? "guide" : "orders");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.new", !not_offered);
}

static void
refresh_orders_only (PortaOrdersPage *self)
{
  /* asking again can never succeed */
  if (self->orders == NULL || porta_order_list_get_loading (self->orders) || orders_not_offered (self))
    return;
  porta_order_list_refresh (self->orders);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  refresh_orders_only (PORTA_ORDERS_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
porta_orders_page_map (GtkWidget *widget)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (widget);

  GTK_WIDGET_CLASS (porta_orders_page_parent_class)->map (widget);

  /* live while in view: now, then every minute */
  refresh_orders_only (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_timeout_cb, self);
}

static void
porta_orders_page_unmap (GtkWidget *widget)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (porta_orders_page_parent_class)->unmap (widget);
}

/* ---- actions ----------------------------------------------------------- */

static void
order_activated_cb (PortaOrdersPage *self,
                    GtkListBoxRow   *row)
{
  show_order (self, porta_order_row_get_order (PORTA_ORDER_ROW (row)));
}

static void
details_back_cb (PortaOrdersPage *self)
{
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
}

static void
details_changed_cb (PortaOrdersPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  refresh_orders_only (self);
}

static void
created_cb (PortaOrdersPage *self,
            PortaPortOrder  *order)
{
  /* Translators: %s is the name of the new port order */
  g_autofree char *message = g_strdup_printf (_("Port-in order “%s” created"), porta_port_order_get_display_name (order));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
  if (self->orders != NULL)
    show_order (self, porta_order_list_update_order (self->orders, order));
}

static void
new_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PortaNewOrderDialog *dialog;

  if (self->client == NULL)
    return;
  dialog = porta_new_order_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->client, self->known_numbers);
  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  porta_orders_page_refresh (PORTA_ORDERS_PAGE (widget));
}

/* ---- the object -------------------------------------------------------- */

static gboolean
error_to_shown (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_boxed (from) != NULL);
  return TRUE;
}

/* no error: the banner closes with the last message still in it */
static gboolean
error_to_message (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const GError *error = g_value_get_boxed (from);

  if (error == NULL)
    return FALSE;
  g_value_set_string (to, error->message);
  return TRUE;
}

static void
porta_orders_page_dispose (GObject *object)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->orders != NULL)
    porta_order_list_cancel (self->orders);
  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_ORDERS_PAGE);

  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->client);
  g_clear_object (&self->known_numbers);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->orders);
  g_clear_pointer (&self->select_after_load, g_free);

  G_OBJECT_CLASS (porta_orders_page_parent_class)->dispose (object);
}

static void
porta_orders_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_PIN_STATE:
      g_value_set_object (value, porta_pin_card_get_pin_state (self->pin_card));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, porta_orders_page_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_orders_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortaOrdersPage *self = PORTA_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      porta_orders_page_set_client (self, g_value_get_object (value));
      break;
    case PROP_PIN_STATE:
      if (g_value_get_object (value) != porta_pin_card_get_pin_state (self->pin_card))
        {
          porta_pin_card_set_pin_state (self->pin_card, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_orders_page_class_init (PortaOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_orders_page_dispose;
  object_class->get_property = porta_orders_page_get_property;
  object_class->set_property = porta_orders_page_set_property;
  widget_class->map = porta_orders_page_map;
  widget_class->unmap = porta_orders_page_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PORTA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PortaOrdersPage:pin-state:
   *
   * The PIN state its PIN card shows: the session's, which the Voice
   * page shows too. Set it before #PortaOrdersPage:client; a page given
   * only a client makes its own.
   */
  properties[PROP_PIN_STATE] =
    g_param_spec_object ("pin-state", NULL, NULL, PORTA_TYPE_PIN_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PORTA_TYPE_BANNER);
  g_type_ensure (PORTA_TYPE_PIN_CARD);
  g_type_ensure (PORTA_TYPE_ORDER_DETAILS);
  g_type_ensure (PORTA_TYPE_GUIDE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, pin_card);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, orders_list);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PortaOrdersPage, details);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_changed_cb);

  gtk_widget_class_install_action (widget_class, "orders.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "orders.new", NULL, new_order_action);
}

static void
porta_orders_page_init (PortaOrdersPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char *directions[] = { _("All directions"), _("Port in"), _("Port out"), NULL };
  const char *sorts[] = { _("Newest first"), _("Oldest first"), _("By FOC date"), _("By name"),
                          _("By status"), NULL };
  g_autoptr(GtkStringList) direction_list = gtk_string_list_new (directions);
  g_autoptr(GtkStringList) sort_list = gtk_string_list_new (sorts);

  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* not bound as a template child: the AdwBin's own child would be
   * unparented twice on dispose (GTK 4.8 and libadwaita 1.2) */
  self->page_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 1; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (statuses, porta_port_order_status_get_label (status_choices[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->direction_dropdown, G_LIST_MODEL (direction_list));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_list));

  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  gtk_list_box_bind_model (self->orders_list, G_LIST_MODEL (self->sort_model), create_row, self, NULL);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_count), self);

  /* the page shows the account's PortaOrderList; these follow whichever
   * list is current */
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "error", self->error_banner, "revealed", G_BINDING_SYNC_CREATE,
                             error_to_shown, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "error", self->error_banner, "title", G_BINDING_SYNC_CREATE,
                             error_to_message, NULL, NULL, NULL);
  self->signals = g_signal_group_new (PORTA_TYPE_ORDER_LIST);
  g_signal_group_connect_swapped (self->signals, "notify::loading", G_CALLBACK (loading_changed_cb), self);
  g_signal_group_connect_swapped (self->signals, "notify::loaded", G_CALLBACK (update_count), self);
  g_signal_group_connect_swapped (self->signals, "order-changed", G_CALLBACK (announce), self);
  update_count (self);
}

PortaClient *
porta_orders_page_get_client (PortaOrdersPage *self)
{
  g_return_val_if_fail (PORTA_IS_ORDERS_PAGE (self), NULL);
  return self->client;
}

/**
 * porta_orders_page_set_client:
 * @self: a #PortaOrdersPage
 * @client: (nullable): the signed-in account's client
 */
void
porta_orders_page_set_client (PortaOrdersPage *self,
                              PortaClient     *client)
{
  gboolean was_loading;

  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));

  if (self->client == client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, orders_capability_cb, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::orders-capability", G_CALLBACK (orders_capability_cb),
                             self, G_CONNECT_SWAPPED);
  orders_capability_cb (self);

  /* the old list goes quietly: the page says once what changed */
  was_loading = porta_orders_page_get_loading (self);
  g_signal_group_set_target (self->signals, NULL);
  g_binding_group_set_source (self->bindings, NULL);
  if (self->orders != NULL)
    porta_order_list_cancel (self->orders);
  g_clear_object (&self->orders);
  if (client != NULL)
    self->orders = porta_order_list_new (client);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->orders));
  g_signal_group_set_target (self->signals, self->orders);
  g_binding_group_set_source (self->bindings, self->orders);
  if (self->orders == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      porta_banner_set_revealed (self->error_banner, FALSE);
    }
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  porta_order_details_set_client (self->details, client);
  porta_order_details_set_order (self->details, NULL);
  porta_pin_card_set_client (self->pin_card, client);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_orders_only (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * porta_orders_page_set_known_numbers:
 * @self: a #PortaOrdersPage
 * @numbers: (nullable): the organization's numbers, as loaded so far
 *
 * Lets the new-order dialog flag numbers the organization already has.
 */
void
porta_orders_page_set_known_numbers (PortaOrdersPage *self,
                                     GListModel      *numbers)
{
  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));
  g_set_object (&self->known_numbers, numbers);
}

/**
 * porta_orders_page_get_orders:
 *
 * Returns: (transfer none): the orders shown, filtered and sorted
 */
GListModel *
porta_orders_page_get_orders (PortaOrdersPage *self)
{
  g_return_val_if_fail (PORTA_IS_ORDERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

gboolean
porta_orders_page_get_loading (PortaOrdersPage *self)
{
  g_return_val_if_fail (PORTA_IS_ORDERS_PAGE (self), FALSE);
  return self->orders != NULL && porta_order_list_get_loading (self->orders);
}

/**
 * porta_orders_page_show_order:
 * @self: a #PortaOrdersPage
 * @id: an order's id
 *
 * Opens the order's details, if it is in the list (a notification's
 * action).
 */
void
porta_orders_page_show_order (PortaOrdersPage *self,
                              const char      *id)
{
  PortaPortOrder *order;

  g_return_if_fail (PORTA_IS_ORDERS_PAGE (self));

  order = self->orders != NULL ? porta_order_list_find (self->orders, id) : NULL;
  if (order != NULL)
    show_order (self, order);
  else
    {
      g_free (self->select_after_load);
      self->select_after_load = g_strdup (id);
      refresh_orders_only (self);
    }
}
