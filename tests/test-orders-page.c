/* test-orders-page.c — the Port orders page against a real porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "porta-account.h"
#include "porta-capability.h"
#include "porta-client.h"
#include "porta-date-button.h"
#include "porta-enums.h"
#include "porta-guide.h"
#include "porta-order-details.h"
#include "porta-order-row.h"
#include "porta-order-rules.h"
#include "porta-orders-page.h"
#include "porta-status-badge.h"
#include "porta-test-gtk-utils.h"

typedef struct
{
  PortaTestSandbox *sandbox;
  PortaClient      *client;
  GtkWidget        *window;
  PortaOrdersPage  *page;
  GPtrArray        *toasts;
} Fixture;

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
  g_test_message ("toast: %s", g_variant_get_string (parameter, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char * const *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  const GActionEntry entries[] = { { "show-toast", toast_cb, "s" } };

  f->sandbox = porta_test_sandbox_start (NULL, args);
  f->client = porta_test_signed_in_client (f->sandbox, &error);
  g_assert_no_error (error);

  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->page = g_object_new (PORTA_TYPE_ORDERS_PAGE, NULL);
  f->window = porta_test_window_new (f->page, 1000, 900);
  g_action_map_add_action_entries (G_ACTION_MAP (win), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (win));
  porta_test_show_window (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->client);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  porta_test_sandbox_stop (f->sandbox);
}

static gboolean
loaded (gpointer data)
{
  Fixture *f = data;
  return !porta_orders_page_get_loading (f->page) &&
         g_list_model_get_n_items (porta_orders_page_get_orders (f->page)) > 0;
}

static gboolean
not_loading (gpointer data)
{
  return !porta_orders_page_get_loading (((Fixture *) data)->page);
}

static void
load (Fixture *f)
{
  porta_orders_page_set_client (f->page, f->client);
  g_assert_true (porta_test_wait_until (loaded, f, 20000));
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (PORTA_IS_ORDER_ROW (root))
    g_ptr_array_add (rows, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

static gboolean
has_label (GtkWidget *widget,
           gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkDropDown *
dropdown (Fixture *f,
          guint    index)
{
  /* search entry, then status, direction and sort dropdowns, in order */
  GtkWidget *entry = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *flow = gtk_widget_get_parent (gtk_widget_get_parent (entry));
  GtkWidget *child = gtk_widget_get_first_child (flow);

  for (guint i = 0; i <= index; i++)
    child = gtk_widget_get_next_sibling (child);
  return GTK_DROP_DOWN (gtk_widget_get_first_child (child));
}

static void
test_list_and_filters (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *orders;
  guint total;
  guint by_status_total = 0;
  gboolean seen[16] = { FALSE, };

  load (f);
  orders = porta_orders_page_get_orders (f->page);
  total = g_list_model_get_n_items (orders);
  g_assert_cmpuint (total, >=, 10);

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(PortaPortOrder) o = g_list_model_get_item (orders, i);
      seen[MIN ((guint) porta_port_order_get_status (o), 15)] = TRUE;
    }
  /* the sandbox's demo orders cover every status */
  for (PortaPortOrderStatus s = PORTA_PORT_ORDER_STATUS_PROCESSING; s <= PORTA_PORT_ORDER_STATUS_CANCELLED; s++)
    g_assert_true (seen[s]);

  /* newest first */
  for (guint i = 1; i < total; i++)
    {
      g_autoptr(PortaPortOrder) a = g_list_model_get_item (orders, i - 1);
      g_autoptr(PortaPortOrder) b = g_list_model_get_item (orders, i);
      g_assert_cmpint (g_date_time_compare (porta_port_order_get_created_date_time (a),
                                            porta_port_order_get_created_date_time (b)), >=, 0);
    }

  /* each status filter shows exactly that status; together, all */
  for (guint choice = 1; choice <= 7; choice++)
    {
      GtkDropDown *status = dropdown (f, 0);
      guint n;

      gtk_drop_down_set_selected (status, choice);
      n = g_list_model_get_n_items (orders);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PortaPortOrder) o = g_list_model_get_item (orders, i);
          g_assert_cmpint (porta_port_order_get_status (o), ==, PORTA_PORT_ORDER_STATUS_PROCESSING + choice - 1);
        }
      by_status_total += n;
    }
  g_assert_cmpuint (by_status_total, ==, total);
  gtk_drop_down_set_selected (dropdown (f, 0), 0);

  /* direction */
  gtk_drop_down_set_selected (dropdown (f, 1), 2);
  g_assert_cmpuint (g_list_model_get_n_items (orders), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (orders), <, total);
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(PortaPortOrder) o = g_list_model_get_item (orders, i);
      g_assert_cmpint (porta_port_order_get_direction (o), ==, PORTA_PORT_ORDER_DIRECTION_PORT_OUT);
    }
  gtk_drop_down_set_selected (dropdown (f, 1), 0);

  /* sort by name */
  gtk_drop_down_set_selected (dropdown (f, 2), 3);
  for (guint i = 1; i < total; i++)
    {
      g_autoptr(PortaPortOrder) a = g_list_model_get_item (orders, i - 1);
      g_autoptr(PortaPortOrder) b = g_list_model_get_item (orders, i);
      g_assert_cmpint (g_utf8_collate (porta_port_order_get_display_name (a),
                                       porta_port_order_get_display_name (b)), <=, 0);
    }

  /* search: by name, and by a number written any way */
  {
    g_autoptr(PortaPortOrder) first = g_list_model_get_item (orders, 0);
    const char *number = porta_port_order_get_telephone_numbers (first)[0];
    g_autofree char *spaced = g_strdup_printf ("%.*s %s", 3, number, number + 3);
    GtkWidget *entry = porta_test_find_by_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
    g_autofree char *name = g_strdup (porta_port_order_get_display_name (first));

    gtk_editable_set_text (GTK_EDITABLE (entry), spaced);
    porta_test_spin (300);
    g_assert_cmpuint (g_list_model_get_n_items (orders), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (orders), <, total);

    gtk_editable_set_text (GTK_EDITABLE (entry), name);
    porta_test_spin (300);
    g_assert_cmpuint (g_list_model_get_n_items (orders), >=, 1);
    {
      g_autoptr(PortaPortOrder) hit = g_list_model_get_item (orders, 0);
      g_assert_cmpstr (porta_port_order_get_display_name (hit), ==, name);
    }
    gtk_editable_set_text (GTK_EDITABLE (entry), "no order is called this");
    porta_test_spin (300);
    g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    porta_test_spin (300);
    g_assert_cmpuint (g_list_model_get_n_items (orders), ==, total);
  }
}

static PortaOrderDetails *
details (Fixture *f)
{
  return PORTA_ORDER_DETAILS (porta_test_find_by_type (GTK_WIDGET (f->page), PORTA_TYPE_ORDER_DETAILS));
}

static gboolean
has_action (GtkWidget *widget,
            gpointer   action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
button_with_action (GtkWidget  *root,
                    const char *action)
{
  return porta_test_find_widget (root, has_action, (gpointer) action);
}

static GtkWidget *
foc_button (Fixture *f)
{
  return porta_test_find_by_type (GTK_WIDGET (details (f)), GTK_TYPE_MENU_BUTTON);
}

static void
test_actions_by_status (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *orders;

  load (f);
  orders = porta_orders_page_get_orders (f->page);

  /* every status × action pair: offered exactly when allowed */
  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(PortaPortOrder) o = g_list_model_get_item (orders, i);
      PortaPortOrderStatus status = porta_port_order_get_status (o);
      GtkWidget *cancel;

      porta_orders_page_show_order (f->page, porta_port_order_get_id (o));
      g_assert_true (porta_order_details_get_order (details (f)) == o);
      cancel = button_with_action (GTK_WIDGET (details (f)), "order-details.cancel");
      g_test_message ("%s: %s", porta_port_order_get_display_name (o), porta_port_order_status_to_string (status));
      g_assert_cmpint (gtk_widget_get_visible (cancel), ==, porta_port_order_status_allows_cancel (status));
      g_assert_cmpint (gtk_widget_get_visible (foc_button (f)), ==, porta_port_order_status_allows_foc_change (status));
      g_assert_cmpint (gtk_widget_get_visible (cancel), ==,
                       status == PORTA_PORT_ORDER_STATUS_PROCESSING ||
                       status == PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER ||
                       status == PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED ||
                       status == PORTA_PORT_ORDER_STATUS_ERROR);
      g_assert_cmpint (gtk_widget_get_visible (foc_button (f)), ==,
                       status == PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);
    }
}

static PortaPortOrder *
first_with_status (Fixture              *f,
                   PortaPortOrderStatus  status)
{
  GListModel *orders = porta_orders_page_get_orders (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(PortaPortOrder) o = g_list_model_get_item (orders, i);
      if (porta_port_order_get_status (o) == status)
        return o;  /* the store holds it */
    }
  return NULL;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  PortaPortOrder *order;
  AdwMessageDialog *dialog;

  load (f);
  order = first_with_status (f, PORTA_PORT_ORDER_STATUS_PROCESSING);
  g_assert_nonnull (order);
  porta_orders_page_show_order (f->page, porta_port_order_get_id (order));

  /* asked first: keeping the order changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (details (f)), "order-details.cancel", NULL);
  dialog = porta_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  porta_test_spin (300);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_PROCESSING);

  gtk_widget_activate_action (GTK_WIDGET (details (f)), "order-details.cancel", NULL);
  dialog = porta_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel-order");

  g_assert_true (porta_test_wait_for_value (order, "status", PORTA_PORT_ORDER_STATUS_CANCELLED, 10000));
  g_assert_false (gtk_widget_get_visible (button_with_action (GTK_WIDGET (details (f)), "order-details.cancel")));
  g_assert_cmpuint (f->toasts->len, >=, 1);
}

static void
test_change_foc (Fixture       *f,
                 gconstpointer  data)
{
  PortaPortOrder *order;
  g_autoptr(GDateTime) before = NULL;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) too_soon = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  GtkPopover *popover;

  load (f);
  order = first_with_status (f, PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);
  g_assert_nonnull (order);
  before = g_date_time_ref (porta_port_order_get_requested_foc_date_time (order));
  porta_orders_page_show_order (f->page, porta_port_order_get_id (order));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (foc_button (f)));
  gtk_popover_popup (popover);
  porta_test_spin (200);
  calendar = GTK_CALENDAR (porta_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));

  /* too soon: refused before anything is sent */
  gtk_calendar_select_day (calendar, too_soon);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_false (gtk_widget_is_sensitive (button_with_action (GTK_WIDGET (popover), "order-details.change-foc")));

  gtk_calendar_select_day (calendar, later);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_true (gtk_widget_is_sensitive (button_with_action (GTK_WIDGET (popover), "order-details.change-foc")));
  gtk_widget_activate_action (GTK_WIDGET (details (f)), "order-details.change-foc", NULL);

  g_assert_true (porta_test_wait_until ((PortaTestCondition) not_loading, f, 10000));
  porta_test_spin (1000);
  {
    GDateTime *after = porta_port_order_get_requested_foc_date_time (order);
    g_autoptr(GDateTime) local = g_date_time_to_local (after);

    g_assert_cmpint (g_date_time_compare (after, before), !=, 0);
    g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (later));
  }
}

typedef struct
{
  PortaPortOrder *order;
  GDateTime      *day;
} DayWait;

static gboolean
requested_on_day (gpointer data)
{
  DayWait *wait = data;
  g_autoptr(GDateTime) local = g_date_time_to_local (porta_port_order_get_requested_foc_date_time (wait->order));

  return g_date_time_get_year (local) == g_date_time_get_year (wait->day)
         && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (wait->day);
}

/* The same days as the new-order dialog and portactl: with the same now,
 * the day before the rules' earliest is refused with the rules' reason,
 * and the earliest is offered and accepted by the server */
static void
test_foc_same_days (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);
  g_autoptr(GDateTime) before = g_date_time_add_days (earliest, -1);
  g_autofree char *reason = porta_order_rules_dup_too_soon_message (earliest);
  PortaPortOrder *order;
  PortaDateButton *date_button;
  GtkCalendar *calendar;
  GtkPopover *popover;
  GtkWidget *apply;
  DayWait wait;

  load (f);
  order = first_with_status (f, PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED);
  g_assert_nonnull (order);
  porta_orders_page_show_order (f->page, porta_port_order_get_id (order));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (foc_button (f)));
  gtk_popover_popup (popover);
  porta_test_spin (200);
  date_button = PORTA_DATE_BUTTON (porta_test_find_by_type (GTK_WIDGET (popover), PORTA_TYPE_DATE_BUTTON));
  calendar = GTK_CALENDAR (porta_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
  apply = button_with_action (GTK_WIDGET (popover), "order-details.change-foc");

  gtk_calendar_select_day (calendar, before);
  g_assert_false (gtk_widget_is_sensitive (apply));
  g_assert_cmpstr (porta_date_button_get_message (date_button), ==, reason);

  gtk_calendar_select_day (calendar, earliest);
  g_assert_true (gtk_widget_is_sensitive (apply));
  gtk_widget_activate_action (GTK_WIDGET (details (f)), "order-details.change-foc", NULL);

  wait = (DayWait) { order, earliest };
  g_assert_true (porta_test_wait_until (requested_on_day, &wait, 10000));
  g_assert_true (porta_order_rules_foc_is_allowed (porta_port_order_get_requested_foc_date_time (order), now));
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  const char *numbers[] = { "+390299887766", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) foc = g_date_time_add_days (now, 20);
  PortaNewPortOrder order = {
    .display_name = "Live test",
    .telephone_numbers = numbers,
    .carrier_name = "Operatore Esempio",
    .account_number = "AC-1",
    .billing_telephone_number = "+390299887700",
    .carrier_pin = "1234",
    .requested_foc_date_time = foc,
    .authorized_by = "Giulia Ferraro",
  };
  g_autoptr(PortaPortOrder) created = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  guint toasts;

  /* orders move 100,000 times faster than life: a new order has a new
   * status by the next refresh, and the page says so */
  load (f);
  porta_client_create_port_order_async (f->client, &order, NULL, porta_test_waiter_cb, &waiter);
  created = porta_client_create_port_order_finish (f->client, porta_test_waiter_wait (&waiter, 10000),
                                                   &error);
  porta_test_waiter_clear (&waiter);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "orders.refresh", NULL);
  g_assert_true (porta_test_wait_until (not_loading, f, 10000));
  toasts = f->toasts->len;

  porta_test_spin (2000);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "orders.refresh", NULL);
  g_assert_true (porta_test_wait_until (not_loading, f, 10000));
  g_assert_cmpuint (f->toasts->len, >, toasts);
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), "Live test"));

  /* and its row's badge moved with it */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_rows (GTK_WIDGET (f->page), rows);
    for (guint i = 0; i < rows->len; i++)
      {
        PortaPortOrder *o = porta_order_row_get_order (g_ptr_array_index (rows, i));
        GtkWidget *badge = porta_test_find_by_type (g_ptr_array_index (rows, i), PORTA_TYPE_STATUS_BADGE);

        if (g_strcmp0 (porta_port_order_get_id (o), porta_port_order_get_id (created)) != 0)
          continue;
        g_assert_cmpint (porta_port_order_get_status (o), !=, porta_port_order_get_status (created));
        g_assert_cmpint (porta_status_badge_get_status (PORTA_STATUS_BADGE (badge)), ==,
                         porta_port_order_get_status (o));
      }
  }
}

/* Each row shows its order (name, status badge) and follows it; a dead
 * server shows the error banner and keeps the rows */
static void
test_rows_and_error (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PortaTestWaiter) waiter = { NULL };
  GListModel *orders;
  GtkWidget *label;
  GtkWidget *revealer;
  guint n;

  load (f);
  orders = porta_orders_page_get_orders (f->page);
  n = g_list_model_get_n_items (orders);
  collect_rows (GTK_WIDGET (f->page), rows);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < rows->len; i++)
    {
      PortaOrderRow *row = g_ptr_array_index (rows, i);
      PortaPortOrder *order = porta_order_row_get_order (row);
      GtkWidget *badge = porta_test_find_by_type (GTK_WIDGET (row), PORTA_TYPE_STATUS_BADGE);

      g_assert_nonnull (order);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       porta_port_order_get_display_name (order));
      g_assert_cmpint (porta_status_badge_get_status (PORTA_STATUS_BADGE (badge)), ==,
                       porta_port_order_get_status (order));
      g_assert_nonnull (porta_test_find_widget (badge, has_label, (gpointer) porta_port_order_status_get_label (porta_port_order_get_status (order))));
    }

  /* the server goes away: the same failure the client sees, in the banner */
  porta_test_sandbox_stop (f->sandbox);
  f->sandbox = NULL;
  porta_client_set_retry_policy (f->client, 1, 2000, 10);
  porta_client_list_port_orders_async (f->client, NULL, NULL, porta_test_waiter_cb, &waiter);
  failed = porta_client_list_port_orders_finish (f->client, porta_test_waiter_wait (&waiter, 10000), &error);
  g_assert_null (failed);
  g_assert_nonnull (error);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "orders.refresh", NULL);
  g_assert_true (porta_test_wait_until (not_loading, f, 10000));
  label = porta_test_find_widget (GTK_WIDGET (f->page), has_label, error->message);
  g_assert_nonnull (label);
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);
  g_assert_true (revealer == NULL || gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (g_list_model_get_n_items (orders), ==, n);
  g_ptr_array_set_size (rows, 0);
  collect_rows (GTK_WIDGET (f->page), rows);
  g_assert_cmpuint (rows->len, ==, n);
}

static gboolean
is_orders_guide (GtkWidget *widget,
                 gpointer   user_data)
{
  return PORTA_IS_GUIDE (widget) && porta_guide_get_feature (PORTA_GUIDE (widget)) == PORTA_FEATURE_PORT_ORDERS;
}

static gboolean
guide_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *guide = porta_test_find_widget (GTK_WIDGET (f->page), is_orders_guide, NULL);

  return guide != NULL && gtk_widget_is_drawable (guide);
}

static gboolean
is_pin_guide (GtkWidget *widget,
              gpointer   user_data)
{
  return PORTA_IS_GUIDE (widget) && porta_guide_get_feature (PORTA_GUIDE (widget)) == PORTA_FEATURE_PORT_OUT_PIN &&
         gtk_widget_is_drawable (widget);
}

static gboolean
pin_guide_shown (gpointer data)
{
  return porta_test_find_widget (GTK_WIDGET (((Fixture *) data)->page), is_pin_guide, NULL) != NULL;
}

static gboolean
is_retry_button (GtkWidget *widget,
                 gpointer   user_data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), _("_Retry")) == 0 &&
         gtk_widget_is_drawable (widget);
}

/* Against a server that answers like Graph (no port orders), the guide
 * takes the orders' place: its words, its button, no error, no Retry */
static void
test_not_offered (Fixture       *f,
                  gconstpointer  data)
{
  PortaGuide *guide;
  GtkWidget *title;
  GtkWidget *retry;
  GtkWidget *button;
  const char *shot = g_getenv ("PORTA_TEST_SCREENSHOT_PAUSE");
  guint n_windows;

  porta_orders_page_set_client (f->page, f->client);
  g_assert_true (porta_test_wait_until (guide_shown, f, 20000));
  g_assert_cmpint (porta_client_get_capability (f->client, PORTA_FEATURE_PORT_ORDERS), ==,
                   PORTA_CAPABILITY_NOT_OFFERED);
  guide = PORTA_GUIDE (porta_test_find_widget (GTK_WIDGET (f->page), is_orders_guide, NULL));
  g_assert_cmpint (porta_guide_get_feature (guide), ==, PORTA_FEATURE_PORT_ORDERS);

  title = porta_test_find_widget (GTK_WIDGET (guide), has_label,
                                  (gpointer) porta_feature_get_guide_title (PORTA_FEATURE_PORT_ORDERS));
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_is_drawable (title));
  g_assert_nonnull (porta_test_find_widget (GTK_WIDGET (guide), has_label,
                                            (gpointer) porta_feature_get_guide_steps (PORTA_FEATURE_PORT_ORDERS)));
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "it") == 0)
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "interfaccia di amministrazione di Teams"));
  else
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, "Port Orders Are in the Teams Admin Center");

  button = porta_test_find_by_type (GTK_WIDGET (guide), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "guide.open");
  g_assert_true (gtk_widget_is_drawable (button));

  /* no error banner, no Retry, no New Port-In Order, no polling */
  retry = porta_test_find_widget (gtk_widget_get_ancestor (GTK_WIDGET (guide), GTK_TYPE_STACK),
                                  is_retry_button, NULL);
  g_assert_null (retry);
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  gtk_widget_activate_action (GTK_WIDGET (f->page), "orders.new", NULL);
  porta_test_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
  gtk_widget_unmap (GTK_WIDGET (f->page));
  gtk_widget_map (GTK_WIDGET (f->page));
  g_assert_false (porta_orders_page_get_loading (f->page));

  /* the PIN card above says the same for the PIN, without an error */
  g_assert_true (porta_test_wait_until (pin_guide_shown, f, 10000));
  g_assert_nonnull (porta_test_find_widget (GTK_WIDGET (f->page), has_label,
                                            (gpointer) porta_feature_get_guide_title (PORTA_FEATURE_PORT_OUT_PIN)));
  g_assert_null (porta_test_find_widget (GTK_WIDGET (f->page), is_retry_button, NULL));

  if (shot != NULL)
    porta_test_spin (atoi (shot) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  static const char *normal[] = { "--auto-approve", "--numbers", "100", NULL };
  static const char *graph_like[] = { "--auto-approve", "--numbers", "100", "--graph-like", NULL };
  static const char *fast[] = { "--auto-approve", "--numbers", "100", "--order-speed", "100000", NULL };

  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add ("/orders/list-and-filters", Fixture, normal, fixture_setup, test_list_and_filters, fixture_teardown);
  g_test_add ("/orders/actions-by-status", Fixture, normal, fixture_setup, test_actions_by_status, fixture_teardown);
  g_test_add ("/orders/cancel", Fixture, normal, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/orders/change-foc", Fixture, normal, fixture_setup, test_change_foc, fixture_teardown);
  g_test_add ("/orders/foc-same-days", Fixture, normal, fixture_setup, test_foc_same_days, fixture_teardown);
  g_test_add ("/orders/live", Fixture, fast, fixture_setup, test_live, fixture_teardown);
  g_test_add ("/orders/rows-and-error", Fixture, normal, fixture_setup, test_rows_and_error, fixture_teardown);
  g_test_add ("/orders/not-offered", Fixture, graph_like, fixture_setup, test_not_offered, fixture_teardown);

  return g_test_run ();
}
