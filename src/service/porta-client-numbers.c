/* porta-client-numbers.c — PortaClient's pager, and the numbers
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collections come in pages that follow @odata.nextLink (or $skip when a
 * server gives none). The numbers of a tenant can be 100,000+: their
 * pages are parsed in worker threads and land in a GListStore on the
 * main thread as they arrive, one or two pages asked for ahead. Small
 * collections (port orders, PIN audit events) use the same pager through
 * _porta_client_list_all() and resolve to one array.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-client-private.h"
#include "porta-error.h"
#include "porta-json.h"

#define NUMBERS_PAGE_SIZE 1000

/* The bearer token may only go back where it came from: a nextLink to
 * another origin is not followed. */
static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* ---- paging ------------------------------------------------------------ */

typedef struct
{
  GPtrArray *items;
  char      *next_link;
  guint      count;
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_link);
  g_free (page);
}

typedef struct
{
  GBytes        *body;
  PortaParseFunc  parse;
} PageParseData;

static void
page_parse_data_free (PageParseData *data)
{
  g_bytes_unref (data->body);
  g_free (data);
}

/* Pages come one or two ahead (issue 6, tests/bench/bench-voice): a
 * page's body is looked through, raw, for its @odata.nextLink, and the
 * next page is asked for while this one is parsed; parsing a page of
 * 1,000 numbers takes four times as long as fetching it, so pages are
 * parsed side by side, one per worker thread, and appended in order.
 * The guess is checked against the parsed nextLink: a wrong one is
 * dropped and the right page asked for, as it was before. */
#define PAGER_MAX_SLOTS 3

typedef struct
{
  GUri     *uri;
  char     *guess;       /* the next page's address, read from the raw body */
  Page     *page;        /* parsed */
  GError   *error;
  gboolean  asked_next;  /* a slot for @guess was made */
  gboolean  dropped;     /* a wrong guess, or the task is over: ignore it */
} Slot;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->uri, g_uri_unref);
  g_free (slot->guess);
  g_clear_pointer (&slot->page, page_free);
  g_clear_error (&slot->error);
}

static Slot *
slot_new (GUri *uri)
{
  Slot *slot = g_atomic_rc_box_new0 (Slot);

  slot->uri = uri;
  return slot;
}

static void
slot_unref (Slot *slot)
{
  g_atomic_rc_box_release_full (slot, (GDestroyNotify) slot_clear);
}

typedef struct
{
  PortaParseFunc      parse;
  char              *path;
  char              *base_query;
  guint              page_size;
  guint              loaded;
  GListStore        *store;
  GPtrArray         *items;
  PortaProgressFunc  progress;
  gpointer           progress_data;
  GQueue             slots;       /* in page order; the head is appended next */
  gboolean           done;        /* the task has returned */
} PagerState;

static void
pager_drop_slots (PagerState *state)
{
  Slot *slot;

  while ((slot = g_queue_pop_head (&state->slots)) != NULL)
    {
      slot->dropped = TRUE;
      slot_unref (slot);
    }
}

static void
pager_state_free (PagerState *state)
{
  pager_drop_slots (state);
  g_free (state->path);
  g_free (state->base_query);
  g_clear_object (&state->store);
  g_clear_pointer (&state->items, g_ptr_array_unref);
  g_free (state);
}

typedef struct
{
  GTask *task;
  Slot  *slot;
} SlotOp;

static SlotOp *
slot_op_new (GTask *task,
             Slot  *slot)
{
  SlotOp *op = g_new (SlotOp, 1);

  op->task = g_object_ref (task);
  op->slot = g_atomic_rc_box_acquire (slot);
  return op;
}

static void
slot_op_free (SlotOp *op)
{
  g_object_unref (op->task);
  slot_unref (op->slot);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlotOp, slot_op_free)

/* The value of "@odata.nextLink" in the first or last few kilobytes of
 * a raw body, where Graph and the sandbox put it; NULL when it is not
 * there or holds an escape other than "\/". Only a guess: the parsed
 * body says for sure. */
static char *
guess_next_link (GBytes *body)
{
  static const char key[] = "\"@odata.nextLink\"";
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  const char *found = NULL;
  const char *end = data + size;
  g_autoptr(GString) link = NULL;
  gsize window = MIN (size, 4096);

  if (data == NULL)
    return NULL;
  found = g_strstr_len (data, window, key);
  if (found == NULL && size > window)
    found = g_strstr_len (end - window, window, key);
  if (found == NULL)
    return NULL;

  found += strlen (key);
  while (found < end && g_ascii_isspace (*found))
    found++;
  if (found >= end || *found++ != ':')
    return NULL;
  while (found < end && g_ascii_isspace (*found))
    found++;
  if (found >= end || *found++ != '"')
    return NULL;

  link = g_string_new (NULL);
  for (; found < end && *found != '"'; found++)
    {
      if (*found == '\\')
        {
          if (found + 1 < end && found[1] == '/')
            found++;
          else
            return NULL;
        }
      g_string_append_c (link, *found);
    }
  if (found >= end)
    return NULL;
  return g_string_free (g_steal_pointer (&link), FALSE);
}

static void pager_advance (GTask *task);
static void pager_fetch_slot (GTask *task, Slot *slot);

/* Asks for the page after the last slot, if its address is known and
 * not too many pages are in flight. */
static void
pager_ask_ahead (GTask *task)
{
  PortaClient *self = g_task_get_source_object (task);
  PagerState *state = g_task_get_task_data (task);
  Slot *tail = g_queue_peek_tail (&state->slots);
  g_autoptr(GUri) next = NULL;
  Slot *slot;

  if (state->done || tail == NULL || tail->guess == NULL || tail->asked_next ||
      g_queue_get_length (&state->slots) >= PAGER_MAX_SLOTS)
    return;

  tail->asked_next = TRUE;
  next = g_uri_parse (tail->guess, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);
  if (next == NULL || !same_origin (next, self->api_base))
    return;

  slot = slot_new (g_steal_pointer (&next));
  g_queue_push_tail (&state->slots, slot);
  pager_fetch_slot (task, slot);
}

static void
pager_finish (GTask  *task,
              GError *error)
{
  PagerState *state = g_task_get_task_data (task);

  state->done = TRUE;
  pager_drop_slots (state);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* In a worker thread: a page of 1,000 numbers is about 1 MB of JSON */
static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PageParseData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *values;
  Page *page;

  root = _porta_client_parse_object (data->body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  values = porta_json_get_array (root, "value", &error);
  if (values == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = g_new0 (Page, 1);
  page->count = json_array_get_length (values);
  page->items = g_ptr_array_new_full (page->count, g_object_unref);
  page->next_link = g_strdup (porta_json_get_string_or_null (root, "@odata.nextLink"));

  for (guint i = 0; i < page->count; i++)
    {
      JsonNode *node = json_array_get_element (values, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          porta_json_set_invalid_error (&error, "value");
          page_free (page);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      item = data->parse (json_node_get_object (node), &error);
      if (item == NULL)
        {
          page_free (page);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (page->items, item);
    }

  g_task_return_pointer (task, page, (GDestroyNotify) page_free);
}

static void
pager_parsed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SlotOp) op = user_data;
  PagerState *state = g_task_get_task_data (op->task);
  g_autoptr(GError) error = NULL;
  Page *page;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (state->done || op->slot->dropped)
    {
      g_clear_pointer (&page, page_free);
      return;
    }
  if (page == NULL)
    op->slot->error = g_steal_pointer (&error);
  else
    op->slot->page = page;
  pager_advance (op->task);
}

static void
pager_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SlotOp) op = user_data;
  PagerState *state = g_task_get_task_data (op->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse_task = NULL;
  GBytes *body;
  PageParseData *data;

  body = _porta_client_request_finish (PORTA_CLIENT (object), result, &error);
  if (state->done || op->slot->dropped)
    {
      g_clear_pointer (&body, g_bytes_unref);
      return;
    }
  if (body == NULL)
    {
      op->slot->error = g_steal_pointer (&error);
      pager_advance (op->task);
      return;
    }

  op->slot->guess = guess_next_link (body);
  data = g_new0 (PageParseData, 1);
  data->body = body;
  data->parse = state->parse;
  parse_task = g_task_new (object, g_task_get_cancellable (op->task), pager_parsed_cb,
                           slot_op_new (op->task, op->slot));
  g_task_set_task_data (parse_task, data, (GDestroyNotify) page_parse_data_free);
  g_task_run_in_thread (parse_task, parse_page_thread);

  pager_ask_ahead (op->task);
}

static void
pager_fetch_slot (GTask *task,
                  Slot  *slot)
{
  _porta_client_request_async (g_task_get_source_object (task), SOUP_METHOD_GET, slot->uri, NULL, PORTA_REQUEST_RETRY,
                 g_task_get_cancellable (task), pager_page_cb, slot_op_new (task, slot));
}

/* Appends the pages at the head that are parsed, in order; checks each
 * one's nextLink against the page asked for after it. */
static void
pager_advance (GTask *task)
{
  PortaClient *self = g_task_get_source_object (task);
  PagerState *state = g_task_get_task_data (task);
  Slot *slot;

  if (state->done)
    return;

  while ((slot = g_queue_peek_head (&state->slots)) != NULL)
    {
      g_autoptr(GUri) next = NULL;
      GError *error = NULL;
      Page *page;
      Slot *ahead;

      /* cancelled: nothing more is appended */
      if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
        {
          pager_finish (task, error);
          return;
        }
      if (slot->error != NULL)
        {
          pager_finish (task, g_steal_pointer (&slot->error));
          return;
        }
      if (slot->page == NULL)
        break;

      page = slot->page;
      if (state->store != NULL)
        g_list_store_splice (state->store, g_list_model_get_n_items (G_LIST_MODEL (state->store)), 0,
                             page->items->pdata, page->items->len);
      else
        for (guint i = 0; i < page->items->len; i++)
          g_ptr_array_add (state->items, g_object_ref (g_ptr_array_index (page->items, i)));
      state->loaded += page->count;

      if (page->next_link != NULL)
        {
          next = g_uri_parse (page->next_link, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);
          if (next == NULL || !same_origin (next, self->api_base))
            {
              g_debug ("nextLink to another origin not followed: %s", page->next_link);
              pager_finish (task, g_error_new_literal (PORTA_ERROR, PORTA_ERROR_INVALID_RESPONSE,
                                                       _("The server pointed to the next page at another address, "
                                                         "which Porta does not follow.")));
              return;
            }
        }
      else if (state->page_size > 0 && page->count >= state->page_size)
        {
          /* no nextLink but a full page: ask for the rest with $skip */
          g_autofree char *query = g_strdup_printf ("%s&$skip=%u", state->base_query, state->loaded);
          next = _porta_client_api_uri (self, state->path, query);
        }

      /* the page asked for ahead is the right one only if its address is */
      g_queue_pop_head (&state->slots);
      ahead = g_queue_peek_head (&state->slots);
      if (ahead != NULL && (page->next_link == NULL || g_strcmp0 (slot->guess, page->next_link) != 0))
        {
          pager_drop_slots (state);
          ahead = NULL;
        }
      slot_unref (slot);

      if (state->progress != NULL)
        state->progress (state->loaded, state->progress_data);
      if (state->done)
        return;

      if (next == NULL)
        {
          pager_finish (task, NULL);
          return;
        }
      if (ahead == NULL)
        {
          Slot *right = slot_new (g_steal_pointer (&next));

          g_queue_push_tail (&state->slots, right);
          pager_fetch_slot (task, right);
        }
    }

  pager_ask_ahead (task);
}

/* Starts fetching; takes @task. */
static void
pager_fetch (GTask *task)
{
  PagerState *state = g_task_get_task_data (task);

  pager_fetch_slot (task, g_queue_peek_head (&state->slots));
  g_object_unref (task);
}

static GTask *
pager_new (PortaClient         *self,
           const char          *path,
           guint                page_size,
           const char          *filter,
           const char          *extra_query,
           PortaParseFunc        parse,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PagerState *state = g_new0 (PagerState, 1);
  GString *query = g_string_new (extra_query);

  if (page_size > 0)
    g_string_append_printf (query, "%s$top=%u", query->len ? "&" : "", page_size);
  if (filter != NULL && filter[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (filter, "'(),:/", FALSE);

      g_string_append_printf (query, "%s$filter=%s", query->len ? "&" : "", escaped);
    }

  state->parse = parse;
  state->path = g_strdup (path);
  state->page_size = page_size;
  state->base_query = g_string_free (query, FALSE);
  g_queue_init (&state->slots);
  g_queue_push_tail (&state->slots,
                     slot_new (_porta_client_api_uri (self, path, state->base_query[0] ? state->base_query : NULL)));
  g_task_set_task_data (task, state, (GDestroyNotify) pager_state_free);
  return task;
}

/* ---- numbers ----------------------------------------------------------- */

/**
 * porta_client_list_numbers_async:
 * @self: a #PortaClient
 * @filter: (nullable): an OData `$filter`
 * @store: the #GListStore of #PortaPhoneNumber the pages are appended to
 * @progress: (nullable): told the count after each page
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every page has arrived, or on the first error
 * @user_data: data for @callback
 *
 * Lists every number, 1,000 at a time. Each page is parsed off the main
 * thread and appended to @store as it arrives, so the first rows show
 * long before the last page. On error or cancellation the numbers
 * already appended stay in @store.
 */
void
porta_client_list_numbers_async (PortaClient         *self,
                                 const char          *filter,
                                 GListStore          *store,
                                 PortaProgressFunc    progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PagerState *state;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (G_IS_LIST_STORE (store));

  task = pager_new (self, PORTA_CLIENT_NUMBERS_PATH, NUMBERS_PAGE_SIZE, filter, NULL,
                    (PortaParseFunc) porta_phone_number_new_from_json,
                    cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_list_numbers_async);
  state = g_task_get_task_data (task);
  state->store = g_object_ref (store);
  state->progress = progress;
  state->progress_data = progress_data;
  pager_fetch (g_steal_pointer (&task));
}

gboolean
porta_client_list_numbers_finish (PortaClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _porta_client_boolean_finish (self, result, porta_client_list_numbers_async, error);
}

void
porta_client_get_number_async (PortaClient         *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  _porta_client_object_request (self, porta_client_get_number_async, SOUP_METHOD_GET,
                                PORTA_CLIENT_NUMBERS_PATH, id, NULL, NULL, PORTA_REQUEST_RETRY,
                                (PortaParseFunc) porta_phone_number_new_from_json,
                                cancellable, callback, user_data);
}

/**
 * porta_client_get_number_finish:
 *
 * Returns: (transfer full): the number
 */
PortaPhoneNumber *
porta_client_get_number_finish (PortaClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _porta_client_object_finish (self, result, porta_client_get_number_async, error);
}

/* ---- small collections ------------------------------------------------- */

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GTask *pager = G_TASK (result);
  PagerState *state = g_task_get_task_data (pager);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (pager, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (state->items), (GDestroyNotify) g_ptr_array_unref);
}

/* Fetches every page of a collection into one array; finished with
 * _porta_client_object_finish(). @query (already escaped, nullable) goes
 * before the $filter on the first page only: the nextLinks carry it on. */
void
_porta_client_list_all (PortaClient         *self,
                        gpointer             source_tag,
                        const char          *path,
                        const char          *filter,
                        const char          *query,
                        PortaParseFunc       parse,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) pager = NULL;
  PagerState *state;

  g_task_set_source_tag (task, source_tag);
  pager = pager_new (self, path, 0, filter, query, parse, cancellable, list_cb, g_steal_pointer (&task));
  state = g_task_get_task_data (pager);
  state->items = g_ptr_array_new_with_free_func (g_object_unref);
  pager_fetch (g_steal_pointer (&pager));
}
