/* sandbox-orders.c — port orders: numbers moving in and out of the tenant
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microsoft publishes no API for port orders; Porta defines one in Graph's
 * conventions (docs/admin-api.md) and this is its reference server.
 *
 * Port-in orders advance on their own: processing for 2 hours, contacting
 * the losing carrier until 26 hours after creation, transfer approved until
 * 24 hours before the FOC date, transfer pending until it, then completed,
 * when their numbers join the tenant. --order-speed F makes that clock run
 * F times faster. A status never goes back, whatever the speed.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "porta-pin.h"
#include "sandbox-filter.h"
#include "sandbox-http.h"
#include "sandbox-numbers.h"
#include "sandbox-orders.h"

#define HOUR (G_USEC_PER_SEC * (gint64) 3600)
#define DAY  (24 * HOUR)

typedef enum
{
  STATUS_PROCESSING,
  STATUS_CONTACTING_CARRIER,
  STATUS_TRANSFER_APPROVED,
  STATUS_TRANSFER_PENDING,
  STATUS_ERROR,
  STATUS_COMPLETED,
  STATUS_CANCELLED,
  STATUS_UNKNOWN_FUTURE_VALUE,
  N_STATUSES
} Status;

static const char * const status_names[] = {
  "processing", "contactingCarrier", "transferApproved", "transferPending", "error",
  "completed", "cancelled", "unknownFutureValue", NULL
};

/* what each status allows, as in the Teams admin center */
static const struct
{
  gboolean cancel;
  gboolean change_foc;
} allowed[N_STATUSES] = {
  [STATUS_PROCESSING] = { TRUE, FALSE },
  [STATUS_CONTACTING_CARRIER] = { TRUE, FALSE },
  [STATUS_TRANSFER_APPROVED] = { TRUE, TRUE },
  [STATUS_TRANSFER_PENDING] = { FALSE, FALSE },
  [STATUS_ERROR] = { TRUE, FALSE },
  [STATUS_COMPLETED] = { FALSE, FALSE },
  [STATUS_CANCELLED] = { FALSE, FALSE },
  [STATUS_UNKNOWN_FUTURE_VALUE] = { FALSE, FALSE },
};

typedef struct
{
  Status  status;
  gint64  time;
  char   *note;
} HistoryEntry;

typedef struct
{
  char      *id;
  char      *display_name;
  gboolean   port_out;
  Status     status;
  gint64     created;
  gint64     modified;
  GPtrArray *numbers;           /* char * */
  char      *carrier_name;
  char      *account_number;
  char      *billing_number;
  char      *authorized_by;
  gint64     requested_foc;
  gint64     foc;
  char      *error_code;
  char      *error_message;
  gboolean   pin_verified;      /* port-out only */
  GPtrArray *history;           /* HistoryEntry */
} Order;

struct _SandboxOrders
{
  GPtrArray *orders;            /* Order, newest first */
};

static void
history_entry_free (gpointer data)
{
  HistoryEntry *h = data;

  g_free (h->note);
  g_free (h);
}

static void
order_free (gpointer data)
{
  Order *o = data;

  g_free (o->id);
  g_free (o->display_name);
  g_ptr_array_unref (o->numbers);
  g_free (o->carrier_name);
  g_free (o->account_number);
  g_free (o->billing_number);
  g_free (o->authorized_by);
  g_free (o->error_code);
  g_free (o->error_message);
  g_ptr_array_unref (o->history);
  g_free (o);
}

static Order *
order_new (void)
{
  Order *o = g_new0 (Order, 1);

  o->numbers = g_ptr_array_new_with_free_func (g_free);
  o->history = g_ptr_array_new_with_free_func (history_entry_free);
  return o;
}

SandboxOrders *
sandbox_orders_new (void)
{
  SandboxOrders *self = g_new0 (SandboxOrders, 1);

  self->orders = g_ptr_array_new_with_free_func (order_free);
  return self;
}

void
sandbox_orders_free (SandboxOrders *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->orders);
  g_free (self);
}

static int
compare_orders (gconstpointer a,
                gconstpointer b)
{
  const Order *oa = *(Order * const *) a;
  const Order *ob = *(Order * const *) b;

  if (oa->created != ob->created)
    return oa->created > ob->created ? -1 : 1;
  return strcmp (oa->id, ob->id);
}

static void
enter_status (Order      *o,
              Status      status,
              gint64      when,
              const char *note)
{
  HistoryEntry *h = g_new0 (HistoryEntry, 1);

  h->status = status;
  h->time = when;
  h->note = g_strdup (note);
  g_ptr_array_add (o->history, h);
  o->status = status;
  o->modified = when;
}

/* Moves a port-in order along its clock up to @now; returns TRUE if it moved */
static gboolean
advance_order (SandboxServer *server,
               Order         *o,
               gint64         now,
               double         speed)
{
  gboolean changed = FALSE;

  if (o->port_out)
    return FALSE;

  for (;;)
    {
      gint64 threshold;
      Status next;
      const char *note;
      gint64 at;

      switch (o->status)
        {
        case STATUS_PROCESSING:
          threshold = 2 * HOUR;
          next = STATUS_CONTACTING_CARRIER;
          note = "Validated; contacting the losing carrier.";
          break;
        case STATUS_CONTACTING_CARRIER:
          threshold = 26 * HOUR;
          next = STATUS_TRANSFER_APPROVED;
          note = "The losing carrier approved the transfer; FOC date confirmed.";
          break;
        case STATUS_TRANSFER_APPROVED:
          threshold = o->requested_foc - o->created - DAY;
          next = STATUS_TRANSFER_PENDING;
          note = "Less than 24 hours to the transfer.";
          break;
        case STATUS_TRANSFER_PENDING:
          threshold = o->requested_foc - o->created;
          next = STATUS_COMPLETED;
          note = "The numbers were transferred.";
          break;
        default:
          return changed;
        }

      if ((double) (now - o->created) * speed < (double) threshold)
        return changed;

      at = o->created + (gint64) ((double) threshold / speed);
      at = CLAMP (at, o->modified, MAX (now, o->modified));
      if (next == STATUS_TRANSFER_APPROVED)
        o->foc = o->requested_foc;
      enter_status (o, next, at, note);
      if (next == STATUS_COMPLETED && server != NULL)
        for (guint i = 0; i < o->numbers->len; i++)
          sandbox_numbers_add_ported (server->numbers, o->numbers->pdata[i]);
      changed = TRUE;
    }
}

gboolean
sandbox_orders_advance (SandboxServer *server)
{
  gint64 now = g_get_real_time ();
  gboolean changed = FALSE;

  for (guint i = 0; i < server->orders->orders->len; i++)
    changed |= advance_order (server, server->orders->orders->pdata[i], now,
                              server->options.order_speed);
  return changed;
}

static void
add_reserved (Order *o,
              guint  first,
              guint  count)
{
  for (guint i = 0; i < count; i++)
    {
      char number[24];

      sandbox_numbers_reserved (first + i, number);
      g_ptr_array_add (o->numbers, g_strdup (number));
    }
}

static void
add_tenant_numbers (SandboxServer *server,
                    Order         *o,
                    guint          which,
                    guint          count)
{
  guint total = sandbox_numbers_get_count (server->numbers);

  for (guint i = 0; i < count; i++)
    {
      char number[24];

      if (total > 0)
        sandbox_numbers_nth (server->numbers, (guint) ((guint64) (which * 7919 + i * 104729) % total),
                             number);
      else
        sandbox_numbers_reserved (500 + which * 10 + i, number);
      if (!g_ptr_array_find_with_equal_func (o->numbers, number, g_str_equal, NULL))
        g_ptr_array_add (o->numbers, g_strdup (number));
    }
}

static Order *
demo_order (SandboxServer *server,
            gboolean       port_out,
            const char    *name,
            const char    *carrier,
            gint64         created,
            gint64         requested_foc,
            guint          which)
{
  Order *o = order_new ();
  char guid[37];
  g_autofree char *account = NULL;
  char billing[24];

  /* ids are stable for a seed: a demo can point at "the pending one" */
  sandbox_format_guid (server->seed, 900000 + which, guid);
  o->id = g_strdup (guid);
  o->display_name = g_strdup (name);
  o->port_out = port_out;
  o->carrier_name = g_strdup (carrier);
  account = g_strdup_printf ("%c%c-%07u", 'A' + which % 26, 'K' + which % 13,
                             (guint) (sandbox_hash64 (server->seed, which) % 10000000));
  o->account_number = g_steal_pointer (&account);
  sandbox_numbers_reserved (900 + which, billing);
  o->billing_number = g_strdup (billing);
  o->authorized_by = g_strdup (port_out ? "Marco Bianchi (gaining carrier)" : sandbox_demo_user ()->display_name);
  o->created = created;
  o->requested_foc = requested_foc;
  o->pin_verified = FALSE;
  enter_status (o, STATUS_PROCESSING, created, port_out ? "Port-out request received from the gaining carrier."
                                                        : "Order received.");
  return o;
}

/* About a dozen orders that cover every status and both directions */
void
sandbox_orders_create_demo (SandboxServer *server)
{
  /* port-in orders of reserved numbers, moved along by the clock as far
   * as their age takes them: ordered by age, numbers 1 to 5 */
  static const struct
  {
    const char *name;
    const char *carrier;
    gint64      age;
    gint64      foc_from_now;
    guint       n_numbers;
  } aged[] = {
    { "Milano HQ — TIM numbers", "TIM", 20 * 60 * (gint64) G_USEC_PER_SEC, 14 * DAY, 3 },
    { "Roma office — Fastweb", "Fastweb", 5 * HOUR, 10 * DAY, 2 },
    { "New York sales lines", "Verizon", 2 * DAY, 6 * DAY, 4 },
    { "Torino plant", "WindTre", 8 * DAY, 12 * HOUR, 2 },
    { "Chicago support desk", "AT&T", 30 * DAY, -20 * DAY, 5 },
  };
  SandboxOrders *self = server->orders;
  gint64 now = g_get_real_time ();
  const char *admin = sandbox_demo_user ()->display_name;
  g_autofree char *cancelled_note = g_strdup_printf ("Cancelled by %s.", admin);
  Order *o;

  now -= now % G_USEC_PER_SEC;

  for (guint i = 0; i < G_N_ELEMENTS (aged); i++)
    {
      o = demo_order (server, FALSE, aged[i].name, aged[i].carrier, now - aged[i].age,
                      now + aged[i].foc_from_now, i + 1);
      add_reserved (o, 10 * i, aged[i].n_numbers);
      advance_order (server, o, now, 1.0);
      g_ptr_array_add (self->orders, o);
    }

  o = demo_order (server, FALSE, "Milano reception — Vodafone", "Vodafone Italia", now - 3 * DAY,
                  now + 9 * DAY, 6);
  add_reserved (o, 50, 1);
  advance_order (server, o, o->created + 10 * HOUR, 1.0);
  o->error_code = g_strdup ("accountNumberMismatch");
  o->error_message = g_strdup ("The account number does not match the losing carrier's records.");
  enter_status (o, STATUS_ERROR, now - DAY, "The losing carrier rejected the request.");
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, FALSE, "Roma call center (trial)", "Iliad", now - 10 * DAY, now - 2 * DAY, 7);
  add_reserved (o, 60, 2);
  enter_status (o, STATUS_CANCELLED, now - 9 * DAY, cancelled_note);
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, TRUE, "Napoli branch moving to Vodafone", "Vodafone Italia", now - HOUR,
                  now + 8 * DAY, 8);
  add_tenant_numbers (server, o, 8, 2);
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, TRUE, "Boston lab lines to Lumen", "Lumen", now - 3 * DAY, now + 4 * DAY, 9);
  add_tenant_numbers (server, o, 9, 3);
  o->pin_verified = TRUE;
  enter_status (o, STATUS_CONTACTING_CARRIER, o->created + HOUR, "The gaining carrier quoted the right PIN.");
  o->foc = o->requested_foc;
  enter_status (o, STATUS_TRANSFER_APPROVED, o->created + DAY, "Transfer approved; FOC date confirmed.");
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, TRUE, "Firenze shop closed", "TIM", now - 40 * DAY, now - 33 * DAY, 10);
  add_reserved (o, 70, 2);
  o->pin_verified = TRUE;
  enter_status (o, STATUS_CONTACTING_CARRIER, o->created + HOUR, "The gaining carrier quoted the right PIN.");
  o->foc = o->requested_foc;
  enter_status (o, STATUS_TRANSFER_APPROVED, o->created + DAY, "Transfer approved; FOC date confirmed.");
  enter_status (o, STATUS_TRANSFER_PENDING, o->requested_foc - DAY, "Less than 24 hours to the transfer.");
  enter_status (o, STATUS_COMPLETED, o->requested_foc, "The numbers left the tenant.");
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, TRUE, "Seattle numbers to a new carrier", "Lumen", now - 6 * DAY, now + 3 * DAY, 11);
  add_tenant_numbers (server, o, 11, 1);
  o->error_code = g_strdup ("pinMismatch");
  o->error_message = g_strdup ("The PIN quoted by the gaining carrier does not match the port-out PIN.");
  enter_status (o, STATUS_ERROR, o->created + 2 * HOUR, "The gaining carrier quoted a wrong PIN.");
  g_ptr_array_add (self->orders, o);

  o = demo_order (server, TRUE, "Bologna lines (withdrawn)", "Fastweb", now - 15 * DAY, now - 5 * DAY, 12);
  add_tenant_numbers (server, o, 12, 2);
  enter_status (o, STATUS_CANCELLED, now - 14 * DAY, "Withdrawn by the gaining carrier.");
  g_ptr_array_add (self->orders, o);

  g_ptr_array_sort (self->orders, compare_orders);
}

static void
order_to_json (SandboxServer *server,
               Order         *o,
               JsonBuilder   *b,
               gboolean       with_context)
{
  json_builder_begin_object (b);
  if (with_context)
    {
      g_autofree char *context =
        g_strconcat (server->base_url,
                     "/v1.0/$metadata#admin/teams/telephoneNumberManagement/portOrders/$entity", NULL);

      json_builder_set_member_name (b, "@odata.context");
      json_builder_add_string_value (b, context);
    }
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, o->id);
  json_builder_set_member_name (b, "displayName");
  json_builder_add_string_value (b, o->display_name);
  json_builder_set_member_name (b, "direction");
  json_builder_add_string_value (b, o->port_out ? "portOut" : "portIn");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status_names[o->status]);
  sandbox_json_add_time (b, "createdDateTime", o->created);
  sandbox_json_add_time (b, "lastModifiedDateTime", o->modified);
  json_builder_set_member_name (b, "telephoneNumbers");
  json_builder_begin_array (b);
  for (guint i = 0; i < o->numbers->len; i++)
    json_builder_add_string_value (b, o->numbers->pdata[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "carrierName");
  json_builder_add_string_value (b, o->carrier_name);
  json_builder_set_member_name (b, "accountNumber");
  json_builder_add_string_value (b, o->account_number);
  json_builder_set_member_name (b, "billingTelephoneNumber");
  json_builder_add_string_value (b, o->billing_number);
  json_builder_set_member_name (b, "authorizedBy");
  json_builder_add_string_value (b, o->authorized_by);
  sandbox_json_add_time (b, "requestedFocDateTime", o->requested_foc);
  sandbox_json_add_time (b, "focDateTime", o->foc);
  json_builder_set_member_name (b, "error");
  if (o->error_code != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, o->error_code);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, o->error_message);
      json_builder_end_object (b);
    }
  else
    {
      json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, "pinVerified");
  if (o->port_out)
    json_builder_add_boolean_value (b, o->pin_verified);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "allowedActions");
  json_builder_begin_array (b);
  if (allowed[o->status].cancel)
    json_builder_add_string_value (b, "cancel");
  if (allowed[o->status].change_foc)
    json_builder_add_string_value (b, "changeFocDate");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "statusHistory");
  json_builder_begin_array (b);
  for (guint i = 0; i < o->history->len; i++)
    {
      HistoryEntry *h = o->history->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status_names[h->status]);
      sandbox_json_add_time (b, "dateTime", h->time);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, h->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

JsonNode *
sandbox_orders_to_state (SandboxOrders *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < self->orders->len; i++)
    order_to_json (NULL, self->orders->pdata[i], b, FALSE);
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static int
status_from_name (const char *name)
{
  for (int i = 0; status_names[i] != NULL; i++)
    if (g_strcmp0 (status_names[i], name) == 0)
      return i;
  return -1;
}

static gboolean
read_time (JsonObject *object,
           const char *member,
           gboolean    nullable,
           gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return nullable;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  return sandbox_parse_time (json_node_get_string (node), out);
}

static char *
read_string (JsonObject *object,
             const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (object, member, NULL));
}

static Order *
order_from_json (JsonNode  *node,
                 GError   **error)
{
  Order *o;
  JsonObject *object;
  JsonNode *member;
  int status;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  o = order_new ();
  o->id = read_string (object, "id");
  o->display_name = read_string (object, "displayName");
  o->port_out = g_strcmp0 (json_object_get_string_member_with_default (object, "direction", ""),
                           "portOut") == 0;
  status = status_from_name (json_object_get_string_member_with_default (object, "status", ""));
  o->carrier_name = read_string (object, "carrierName");
  o->account_number = read_string (object, "accountNumber");
  o->billing_number = read_string (object, "billingTelephoneNumber");
  o->authorized_by = read_string (object, "authorizedBy");
  o->pin_verified = json_object_get_boolean_member_with_default (object, "pinVerified", FALSE);

  member = json_object_get_member (object, "error");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      o->error_code = read_string (json_node_get_object (member), "code");
      o->error_message = read_string (json_node_get_object (member), "message");
    }

  member = json_object_get_member (object, "telephoneNumbers");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *number = json_node_get_string (json_array_get_element (array, i));

          if (sandbox_is_e164 (number))
            g_ptr_array_add (o->numbers, g_strdup (number));
        }
    }

  member = json_object_get_member (object, "statusHistory");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *entry = json_array_get_element (array, i);
          HistoryEntry *h;
          int entry_status;

          if (!JSON_NODE_HOLDS_OBJECT (entry))
            continue;
          h = g_new0 (HistoryEntry, 1);
          entry_status = status_from_name (json_object_get_string_member_with_default (
                                             json_node_get_object (entry), "status", ""));
          h->status = entry_status < 0 ? STATUS_UNKNOWN_FUTURE_VALUE : (Status) entry_status;
          h->note = read_string (json_node_get_object (entry), "note");
          if (!read_time (json_node_get_object (entry), "dateTime", FALSE, &h->time))
            {
              history_entry_free (h);
              order_free (o);
              goto bad;
            }
          g_ptr_array_add (o->history, h);
        }
    }

  if (o->id == NULL || o->display_name == NULL || status < 0
      || o->carrier_name == NULL || o->account_number == NULL || o->billing_number == NULL
      || o->authorized_by == NULL
      || !read_time (object, "createdDateTime", FALSE, &o->created)
      || !read_time (object, "lastModifiedDateTime", FALSE, &o->modified)
      || !read_time (object, "requestedFocDateTime", TRUE, &o->requested_foc)
      || !read_time (object, "focDateTime", TRUE, &o->foc))
    {
      order_free (o);
      goto bad;
    }
  o->status = (Status) status;
  return o;

bad:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The state file has a port order that cannot be read");
  return NULL;
}

gboolean
sandbox_orders_load_state (SandboxServer  *server,
                           JsonArray      *array,
                           GError        **error)
{
  SandboxOrders *self = server->orders;

  g_ptr_array_set_size (self->orders, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Order *o = order_from_json (json_array_get_element (array, i), error);

      if (o == NULL)
        return FALSE;
      g_ptr_array_add (self->orders, o);
      /* the numbers of completed port-ins are the tenant's */
      if (!o->port_out && o->status == STATUS_COMPLETED)
        for (guint j = 0; j < o->numbers->len; j++)
          sandbox_numbers_add_ported (server->numbers, o->numbers->pdata[j]);
    }
  g_ptr_array_sort (self->orders, compare_orders);
  return TRUE;
}

static Order *
find_order (SandboxOrders *self,
            const char    *id)
{
  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *o = self->orders->pdata[i];

      if (g_ascii_strcasecmp (o->id, id) == 0)
        return o;
    }
  return NULL;
}

static void
respond_order (SandboxServer     *server,
               SoupServerMessage *msg,
               guint              status,
               Order             *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  order_to_json (server, o, b, TRUE);
  root = json_builder_get_root (b);
  sandbox_respond_json (msg, status, root);
}

static void
save_or_warn (SandboxServer *server)
{
  g_autoptr(GError) error = NULL;

  if (!sandbox_server_save (server, &error))
    g_warning ("%s", error->message);
}

void
sandbox_orders_handle_list (SandboxServer     *server,
                            SoupServerMessage *msg,
                            GHashTable        *query)
{
  SandboxOrders *self = server->orders;
  const char *filter = sandbox_query_get (query, "$filter");
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  g_autofree char *context = NULL;
  int want_status = -1;
  int want_direction = -1;
  guint top, skip, seen = 0;
  gboolean more = FALSE;

  if (!sandbox_query_paging (msg, query, 100, 1000, &top, &skip))
    return;

  if (filter != NULL)
    {
      g_autoptr(GError) error = NULL;

      conditions = sandbox_filter_parse (filter, &error);
      for (guint i = 0; conditions != NULL && i < conditions->len; i++)
        {
          SandboxCondition *c = conditions->pdata[i];

          if (c->any || c->value == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 "only status eq '…' and direction eq '…' are supported.");
          else if (g_ascii_strcasecmp (c->property, "status") == 0)
            {
              want_status = status_from_name (c->value);
              if (want_status < 0)
                g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             "'%s' is not a port order status.", c->value);
            }
          else if (g_ascii_strcasecmp (c->property, "direction") == 0)
            {
              if (strcmp (c->value, "portIn") == 0)
                want_direction = 0;
              else if (strcmp (c->value, "portOut") == 0)
                want_direction = 1;
              else
                g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             "'%s' is not a direction (portIn, portOut).", c->value);
            }
          else
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         "filtering on '%s' is not supported: only status and direction.",
                         c->property);
          if (error != NULL)
            break;
        }
      if (error != NULL)
        {
          g_autofree char *message = g_strdup_printf ("Invalid filter clause: %s", error->message);

          sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message);
          return;
        }
    }

  if (sandbox_orders_advance (server))
    save_or_warn (server);

  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *o = self->orders->pdata[i];

      if (want_status >= 0 && (int) o->status != want_status)
        continue;
      if (want_direction >= 0 && o->port_out != want_direction)
        continue;
      if (seen++ < skip)
        continue;
      if (page->len == top)
        {
          more = TRUE;
          break;
        }
      g_ptr_array_add (page, o);
    }

  context = g_strconcat (server->base_url,
                         "/v1.0/$metadata#admin/teams/telephoneNumberManagement/portOrders", NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@odata.context");
  json_builder_add_string_value (b, context);
  if (more)
    {
      g_autofree char *link = sandbox_next_link (server->base_url, SANDBOX_API_ROOT "/portOrders",
                                                 top, skip + top, filter);

      json_builder_set_member_name (b, "@odata.nextLink");
      json_builder_add_string_value (b, link);
    }
  json_builder_set_member_name (b, "value");
  json_builder_begin_array (b);
  for (guint i = 0; i < page->len; i++)
    order_to_json (server, page->pdata[i], b, FALSE);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  sandbox_respond_json (msg, SOUP_STATUS_OK, root);
}

static Order *
lookup_or_404 (SandboxServer     *server,
               SoupServerMessage *msg,
               const char        *id)
{
  Order *o;

  if (sandbox_orders_advance (server))
    save_or_warn (server);
  o = find_order (server->orders, id);
  if (o == NULL)
    sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "itemNotFound", "The port order was not found.");
  return o;
}

void
sandbox_orders_handle_get (SandboxServer     *server,
                           SoupServerMessage *msg,
                           const char        *id)
{
  Order *o = lookup_or_404 (server, msg, id);

  if (o != NULL)
    respond_order (server, msg, SOUP_STATUS_OK, o);
}

static void
add_detail (JsonArray  *details,
            const char *target,
            const char *code,
            const char *message)
{
  JsonObject *d = json_object_new ();

  json_object_set_string_member (d, "target", target);
  json_object_set_string_member (d, "code", code);
  json_object_set_string_member (d, "message", message);
  json_array_add_object_element (details, d);
}

static void
respond_details (SoupServerMessage *msg,
                 JsonArray         *details,
                 const char        *message)
{
  g_autoptr(JsonObject) inner = json_object_new ();

  json_object_set_array_member (inner, "details", json_array_ref (details));
  sandbox_respond_error_full (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message, inner);
}

/* Returns the trimmed string at @member, or NULL after adding a detail */
static char *
required_text (JsonObject *body,
               const char *member,
               guint       max,
               JsonArray  *details)
{
  JsonNode *node = json_object_get_member (body, member);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      message = g_strdup_printf ("%s is required.", member);
      add_detail (details, member, "required", message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      message = g_strdup_printf ("%s must be a string.", member);
      add_detail (details, member, "invalidValue", message);
      return NULL;
    }
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (text[0] == '\0')
    {
      message = g_strdup_printf ("%s is required.", member);
      add_detail (details, member, "required", message);
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      message = g_strdup_printf ("%s must be at most %u characters.", member, max);
      add_detail (details, member, "invalidValue", message);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gboolean
number_in_open_port_in (SandboxOrders *self,
                        const char    *number)
{
  for (guint i = 0; i < self->orders->len; i++)
    {
      Order *o = self->orders->pdata[i];

      if (o->port_out || o->status == STATUS_COMPLETED || o->status == STATUS_CANCELLED)
        continue;
      if (g_ptr_array_find_with_equal_func (o->numbers, number, g_str_equal, NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_foc (JsonObject *body,
           JsonArray  *details,
           gint64     *out)
{
  JsonNode *node = json_object_get_member (body, "requestedFocDateTime");
  gint64 now = g_get_real_time ();

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      add_detail (details, "requestedFocDateTime", "required", "requestedFocDateTime is required.");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !sandbox_parse_time (json_node_get_string (node), out))
    {
      add_detail (details, "requestedFocDateTime", "invalidFormat",
                  "requestedFocDateTime must be an ISO 8601 date and time with a time zone, "
                  "such as 2026-05-04T09:00:00Z.");
      return FALSE;
    }
  if (*out < now + 7 * DAY)
    {
      add_detail (details, "requestedFocDateTime", "tooSoon",
                  "requestedFocDateTime must be at least 7 days from now.");
      return FALSE;
    }
  return TRUE;
}

static const char * const create_members[] = {
  "displayName", "telephoneNumbers", "carrierName", "accountNumber", "billingTelephoneNumber",
  "carrierPin", "requestedFocDateTime", "authorizedBy", NULL
};

static const char * const read_only_members[] = {
  "id", "direction", "status", "createdDateTime", "lastModifiedDateTime", "focDateTime",
  "error", "pinVerified", "statusHistory", "allowedActions", NULL
};

static void
check_members (JsonObject         *body,
               const char * const *writable,
               JsonArray          *details)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *message = NULL;

      if (g_str_has_prefix (name, "@odata.") || g_strv_contains (writable, name))
        continue;
      if (g_strv_contains (read_only_members, name) || g_strv_contains (create_members, name))
        {
          message = g_strdup_printf ("%s cannot be set here.", name);
          add_detail (details, name, "readOnly", message);
        }
      else
        {
          message = g_strdup_printf ("A port order has no property named '%s'.", name);
          add_detail (details, name, "unknownProperty", message);
        }
    }
}

void
sandbox_orders_handle_create (SandboxServer       *server,
                              SoupServerMessage   *msg,
                              const SandboxCaller *caller)
{
  SandboxOrders *self = server->orders;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = sandbox_request_json (msg, &error);
  g_autoptr(JsonArray) details = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *display_name = NULL;
  g_autofree char *carrier_name = NULL;
  g_autofree char *account_number = NULL;
  g_autofree char *billing = NULL;
  g_autofree char *authorized_by = NULL;
  g_autofree char *carrier_pin = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  JsonObject *body;
  JsonNode *node;
  gint64 requested_foc = 0;
  g_autofree char *location = NULL;
  g_autofree char *received = NULL;
  Order *o;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "The request body must be a JSON object.");
      return;
    }
  body = json_node_get_object (root);

  check_members (body, create_members, details);
  display_name = required_text (body, "displayName", 100, details);
  carrier_name = required_text (body, "carrierName", 100, details);
  account_number = required_text (body, "accountNumber", 64, details);
  authorized_by = required_text (body, "authorizedBy", 100, details);
  carrier_pin = required_text (body, "carrierPin", 20, details);
  billing = required_text (body, "billingTelephoneNumber", 16, details);
  if (billing != NULL && !sandbox_is_e164 (billing))
    add_detail (details, "billingTelephoneNumber", "invalidFormat",
                "billingTelephoneNumber must be an E.164 number such as +390212345678.");
  check_foc (body, details, &requested_foc);

  node = json_object_get_member (body, "telephoneNumbers");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    add_detail (details, "telephoneNumbers", "required", "telephoneNumbers is required.");
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    add_detail (details, "telephoneNumbers", "invalidValue", "telephoneNumbers must be an array.");
  else
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        add_detail (details, "telephoneNumbers", "required", "An order needs at least one number.");
      else if (n > 999)
        add_detail (details, "telephoneNumbers", "tooMany", "An order can hold at most 999 numbers.");
      else
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            const char *number = NULL;
            g_autofree char *target = g_strdup_printf ("telephoneNumbers[%u]", i);

            if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
              number = json_node_get_string (element);

            if (!sandbox_is_e164 (number))
              add_detail (details, target, "invalidFormat",
                          "Each number must be in E.164 form, such as +390212345678.");
            else if (g_hash_table_contains (seen, number))
              add_detail (details, target, "duplicate", "This number is in the order twice.");
            else if (sandbox_numbers_contains (server->numbers, number))
              add_detail (details, target, "alreadyInTenant", "This number is already in the tenant.");
            else if (number_in_open_port_in (self, number))
              add_detail (details, target, "alreadyInOrder",
                          "This number is already in another open port-in order.");
            else
              {
                g_hash_table_add (seen, (gpointer) number);
                g_ptr_array_add (numbers, g_strdup (number));
              }
          }
    }

  /* the carrier PIN was only needed to check it was given */
  if (carrier_pin != NULL)
    porta_pin_wipe (carrier_pin, strlen (carrier_pin));

  if (json_array_get_length (details) > 0)
    {
      respond_details (msg, details, "The port order is not valid: see innerError.details.");
      return;
    }

  o = order_new ();
  o->id = g_uuid_string_random ();
  o->display_name = g_steal_pointer (&display_name);
  o->carrier_name = g_steal_pointer (&carrier_name);
  o->account_number = g_steal_pointer (&account_number);
  o->billing_number = g_steal_pointer (&billing);
  o->authorized_by = g_steal_pointer (&authorized_by);
  o->requested_foc = requested_foc;
  o->created = g_get_real_time ();
  for (guint i = 0; i < numbers->len; i++)
    g_ptr_array_add (o->numbers, g_strdup (numbers->pdata[i]));
  received = g_strdup_printf ("Order received from %s.", caller->user->display_name);
  enter_status (o, STATUS_PROCESSING, o->created, received);
  g_ptr_array_insert (self->orders, 0, o);

  if (!sandbox_server_save (server, &error))
    {
      g_warning ("%s", error->message);
      g_ptr_array_remove_index (self->orders, 0);
      sandbox_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "generalException",
                             "The order could not be saved. Try again.");
      return;
    }

  location = g_strconcat (server->base_url, SANDBOX_API_ROOT "/portOrders/", o->id, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
  respond_order (server, msg, SOUP_STATUS_CREATED, o);
}

static void
respond_conflict (SoupServerMessage *msg,
                  Order             *o,
                  const char        *action)
{
  g_autoptr(JsonObject) inner = json_object_new ();
  g_autofree char *message = g_strdup_printf ("An order in status '%s' does not allow '%s'.",
                                              status_names[o->status], action);

  json_object_set_string_member (inner, "status", status_names[o->status]);
  json_object_set_string_member (inner, "action", action);
  sandbox_respond_error_full (msg, SOUP_STATUS_CONFLICT, "invalidStateTransition", message, inner);
}

void
sandbox_orders_handle_cancel (SandboxServer       *server,
                              SoupServerMessage   *msg,
                              const char          *id,
                              const SandboxCaller *caller)
{
  Order *o = lookup_or_404 (server, msg, id);
  g_autofree char *note = NULL;

  if (o == NULL)
    return;
  if (!allowed[o->status].cancel)
    {
      respond_conflict (msg, o, "cancel");
      return;
    }

  note = g_strdup_printf ("Cancelled by %s.", caller->user->display_name);
  enter_status (o, STATUS_CANCELLED, g_get_real_time (), note);
  save_or_warn (server);
  respond_order (server, msg, SOUP_STATUS_OK, o);
}

void
sandbox_orders_handle_patch (SandboxServer       *server,
                             SoupServerMessage   *msg,
                             const char          *id,
                             const SandboxCaller *caller)
{
  static const char * const writable[] = { "requestedFocDateTime", NULL };
  Order *o = lookup_or_404 (server, msg, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) details = json_array_new ();
  g_autofree char *note = NULL;
  g_autofree char *when = NULL;
  gint64 requested_foc = 0;

  if (o == NULL)
    return;

  root = sandbox_request_json (msg, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "The request body must be a JSON object.");
      return;
    }
  check_members (json_node_get_object (root), writable, details);
  check_foc (json_node_get_object (root), details, &requested_foc);
  if (json_array_get_length (details) > 0)
    {
      respond_details (msg, details, "Only requestedFocDateTime can be changed, to a date at "
                                     "least 7 days from now: see innerError.details.");
      return;
    }

  if (!allowed[o->status].change_foc)
    {
      respond_conflict (msg, o, "changeFocDate");
      return;
    }

  when = sandbox_format_time (requested_foc);
  note = g_strdup_printf ("FOC date changed to %s by %s.", when, caller->user->display_name);
  o->requested_foc = requested_foc;
  o->foc = requested_foc;
  /* the status stays; the history records the change */
  enter_status (o, o->status, g_get_real_time (), note);
  save_or_warn (server);
  respond_order (server, msg, SOUP_STATUS_OK, o);
}
