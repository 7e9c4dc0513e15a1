/* porta-client.c — the admin API client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession per client. Every request goes through request_async(),
 * which adds the bearer token, refreshes it once on a 401, retries what
 * is safe to retry, and turns every failure into a PORTA_ERROR. Pages of
 * numbers are parsed in a worker thread and land in a GListStore on the
 * main thread as they arrive.
 */
#define G_LOG_DOMAIN "porta-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "porta-audit-event.h"
#include "porta-client.h"
#include "porta-error.h"
#include "porta-http.h"
#include "porta-json.h"
#include "porta-pin.h"

#define NUMBERS_PATH     "/admin/teams/telephoneNumberManagement/numberAssignments"
#define PORT_ORDERS_PATH "/admin/teams/telephoneNumberManagement/portOrders"
#define PIN_PATH         "/admin/teams/telephoneNumberManagement/portOutPin"

#define NUMBERS_PAGE_SIZE 1000

/* An access token this close to expiry is refreshed before use */
#define EXPIRY_MARGIN_US (60 * G_USEC_PER_SEC)

struct _PortaClient
{
  GObject       parent_instance;

  PortaAccount *account;
  SoupSession  *session;
  PortaAuth    *auth;
  GUri         *api_base;

  char         *access_token;
  gint64        expires_at;
  char         *refresh_token;

  /* requests waiting for the one refresh in flight */
  GPtrArray    *refresh_waiters;
  gboolean      refreshing;

  guint         max_attempts;
  guint         max_total_ms;
  guint         base_delay_ms;
};

G_DEFINE_FINAL_TYPE (PortaClient, porta_client, G_TYPE_OBJECT)

enum {
  SIGNAL_TOKENS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wipe_string (char **s)
{
  if (*s == NULL)
    return;
  porta_pin_wipe (*s, strlen (*s));
  g_clear_pointer (s, g_free);
}

/* ---- tokens ------------------------------------------------------------ */

typedef enum
{
  REFRESH_IF_EXPIRED,
  REFRESH_ALWAYS,
} RefreshMode;

static void
refresh_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PortaClient) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(GPtrArray) waiters = NULL;

  tokens = porta_auth_refresh_finish (PORTA_AUTH (object), result, &error);
  self->refreshing = FALSE;
  waiters = g_steal_pointer (&self->refresh_waiters);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  if (tokens != NULL)
    {
      gboolean rotated = g_strcmp0 (tokens->refresh_token, self->refresh_token) != 0;

      porta_client_set_tokens (self, tokens);
      if (rotated)
        g_signal_emit (self, signals[SIGNAL_TOKENS_CHANGED], 0);
    }
  else if (g_error_matches (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED))
    {
      /* the refresh token is dead: do not try it again */
      wipe_string (&self->access_token);
      wipe_string (&self->refresh_token);
    }

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (tokens != NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* Makes sure there is a usable access token; concurrent callers share
 * one refresh. A refresh is never cancelled half-way by one caller:
 * the rotated token it brings back must not be lost. */
static void
ensure_token_async (PortaClient         *self,
                    RefreshMode          mode,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ensure_token_async);

  if (mode == REFRESH_IF_EXPIRED && self->access_token != NULL &&
      g_get_real_time () + EXPIRY_MARGIN_US < self->expires_at)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->refresh_token == NULL)
    {
      if (self->access_token != NULL && mode == REFRESH_IF_EXPIRED)
        {
          /* no way to refresh: try the token we have */
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED,
                               _("Your sign-in has expired or was revoked. Sign in again to continue."));
      return;
    }

  g_ptr_array_add (self->refresh_waiters, g_steal_pointer (&task));
  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      porta_auth_refresh_async (self->auth, self->refresh_token, NULL,
                                refresh_done_cb, g_object_ref (self));
    }
}

static gboolean
ensure_token_finish (PortaClient   *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- one request, with retries ----------------------------------------- */

typedef enum
{
  REQUEST_RETRY        = 1 << 0,  /* GET and PUT: safe to send again */
  REQUEST_SECRET_BODY  = 1 << 1,  /* never log the request body */
  REQUEST_SECRET_REPLY = 1 << 2,  /* never log the response body */
} RequestFlags;

typedef struct
{
  char         *method;
  GUri         *uri;
  GBytes       *body;
  RequestFlags  flags;
  guint         attempt;
  gint64        started;
  gboolean      refreshed;
  SoupMessage  *message;
  char         *client_request_id;
} RequestState;

static void
request_state_free (RequestState *state)
{
  g_free (state->method);
  g_clear_pointer (&state->uri, g_uri_unref);
  g_clear_pointer (&state->body, g_bytes_unref);
  g_clear_object (&state->message);
  g_free (state->client_request_id);
  g_free (state);
}

static void request_send (GTask *task);

static void
request_token_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ensure_token_finish (PORTA_CLIENT (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  request_send (g_steal_pointer (&task));
}

static void
request_waited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!porta_http_wait_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ensure_token_async (g_task_get_source_object (task), REFRESH_IF_EXPIRED,
                      g_task_get_cancellable (task), request_token_cb, task);
  g_steal_pointer (&task);
}

/* Decides whether another attempt fits: returns the wait before it in
 * milliseconds, or -1 when the attempts or the time are used up. */
static gint64
next_attempt_delay (PortaClient  *self,
                    RequestState *state,
                    gint64        retry_after_ms)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - state->started) / 1000;
  gint64 delay;

  if (state->attempt >= self->max_attempts)
    return -1;

  if (retry_after_ms >= 0)
    delay = retry_after_ms;  /* the server said when: no jitter */
  else
    {
      /* exponential backoff with "equal jitter": half fixed, half random */
      gint64 cap = (gint64) self->base_delay_ms << MIN (state->attempt - 1, 10);

      cap = MIN (cap, 30000);
      delay = cap / 2 + g_random_int_range (0, (gint32) (cap / 2) + 1);
    }

  if (elapsed_ms + delay > self->max_total_ms)
    return -1;

  return delay;
}

static void
request_retry (GTask  *task,
               gint64  delay_ms)
{
  RequestState *state = g_task_get_task_data (task);

  g_debug ("%s %s: attempt %u failed, next in %" G_GINT64_FORMAT " ms",
           state->method, g_uri_get_path (state->uri), state->attempt, delay_ms);
  porta_http_wait_async ((guint) delay_ms, g_task_get_cancellable (task),
                         request_waited_cb, task);
}

static void
request_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaClient *self = g_task_get_source_object (task);
  RequestState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = porta_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      gint64 delay;

      if ((state->flags & REQUEST_RETRY) &&
          g_strcmp0 (porta_error_get_reason (error), "connection-reset") == 0 &&
          (delay = next_attempt_delay (self, state, -1)) >= 0)
        {
          request_retry (g_steal_pointer (&task), delay);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (state->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && !state->refreshed && self->refresh_token != NULL)
    {
      /* the token may have been revoked or expired early: refresh once */
      state->refreshed = TRUE;
      ensure_token_async (self, REFRESH_ALWAYS, g_task_get_cancellable (task),
                          request_token_cb, task);
      g_steal_pointer (&task);
      return;
    }

  if ((state->flags & REQUEST_RETRY) &&
      (status == 429 || status == 502 || status == 503 || status == 504))
    {
      gint64 delay = next_attempt_delay (self, state, porta_http_parse_retry_after (state->message));

      if (delay >= 0)
        {
          request_retry (g_steal_pointer (&task), delay);
          return;
        }
    }

  g_task_return_error (task, porta_http_error_from_response (state->message, body,
                                                             state->client_request_id));
}

static void
request_send (GTask *task)
{
  PortaClient *self = g_task_get_source_object (task);
  RequestState *state = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autofree char *authorization = NULL;

  state->attempt++;
  g_clear_object (&state->message);
  g_free (state->client_request_id);
  state->client_request_id = g_uuid_string_random ();

  state->message = soup_message_new_from_uri (state->method, state->uri);
  headers = soup_message_get_request_headers (state->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "client-request-id", state->client_request_id);
  soup_message_headers_replace (headers, "return-client-request-id", "true");
  if (self->access_token != NULL)
    {
      authorization = g_strconcat ("Bearer ", self->access_token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
      porta_pin_wipe (authorization, strlen (authorization));
    }

  if (state->body != NULL)
    {
      soup_message_set_request_body_from_bytes (state->message, "application/json", state->body);
      if (porta_http_debug_enabled ())
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (state->body, NULL),
                                             g_bytes_get_size (state->body));
          porta_http_log_request (state->message, text, (state->flags & REQUEST_SECRET_BODY) != 0);
          porta_pin_wipe (text, strlen (text));
        }
    }
  else
    porta_http_log_request (state->message, NULL, FALSE);

  porta_http_send_async (self->session, state->message,
                         (state->flags & REQUEST_SECRET_REPLY) != 0,
                         g_task_get_cancellable (task), request_sent_cb, task);
}

static void
wipe_bytes_free (gpointer data)
{
  GString *s = data;

  porta_pin_wipe (s->str, s->len);
  g_string_free (s, TRUE);
}

/* Sends one API request; resolves to the body of a 2xx answer (possibly
 * empty). @url is absolute; @body (nullable) is JSON text and is wiped
 * once sent when the request is secret. */
static void
request_async (PortaClient         *self,
               const char          *method,
               GUri                *uri,
               GString             *body,
               RequestFlags         flags,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RequestState *state;
  GError *error = NULL;

  g_task_set_source_tag (task, request_async);

  state = g_new0 (RequestState, 1);
  state->method = g_strdup (method);
  state->uri = g_uri_ref (uri);
  state->flags = flags;
  state->started = g_get_monotonic_time ();
  if (body != NULL)
    state->body = g_bytes_new_with_free_func (body->str, body->len, wipe_bytes_free, body);
  g_task_set_task_data (task, state, (GDestroyNotify) request_state_free);

  /* Refuse before a byte is sent, bearer token least of all */
  if (!porta_http_check_uri (uri, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ensure_token_async (self, REFRESH_IF_EXPIRED, cancellable, request_token_cb, g_steal_pointer (&task));
}

static GBytes *
request_finish (PortaClient   *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- addresses --------------------------------------------------------- */

static GUri *
api_uri (PortaClient *self,
         const char  *path,
         const char  *query)
{
  g_autofree char *full_path = g_strconcat (g_uri_get_path (self->api_base), path, NULL);

  return g_uri_build (G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH,
                      g_uri_get_scheme (self->api_base), NULL,
                      g_uri_get_host (self->api_base), g_uri_get_port (self->api_base),
                      full_path, query, NULL);
}

static char *
escape_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static GUri *
item_uri (PortaClient *self,
          const char  *collection,
          const char  *id,
          const char  *action)
{
  g_autofree char *escaped = escape_segment (id);
  g_autofree char *path = g_strdup_printf ("%s/%s%s%s", collection, escaped,
                                           action ? "/" : "", action ? action : "");
  return api_uri (self, path, NULL);
}

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

/* ---- JSON bodies ------------------------------------------------------- */

static JsonObject *
parse_object (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonNode) root = porta_json_parse_bytes (body, error);

  if (root == NULL)
    return NULL;
  return porta_json_node_get_object (root, error)
    ? json_object_ref (json_node_get_object (root)) : NULL;
}

/* ---- paging ------------------------------------------------------------ */

typedef gpointer (*ParseItemFunc) (JsonObject  *object,
                                   GError     **error);

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
  ParseItemFunc  parse;
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
  ParseItemFunc      parse;
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

  root = parse_object (data->body, &error);
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

  body = request_finish (PORTA_CLIENT (object), result, &error);
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
  request_async (g_task_get_source_object (task), SOUP_METHOD_GET, slot->uri, NULL, REQUEST_RETRY,
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
          next = api_uri (self, state->path, query);
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
           ParseItemFunc        parse,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PagerState *state = g_new0 (PagerState, 1);
  GString *query = g_string_new (NULL);

  if (page_size > 0)
    g_string_append_printf (query, "$top=%u", page_size);
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
                     slot_new (api_uri (self, path, state->base_query[0] ? state->base_query : NULL)));
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

  task = pager_new (self, NUMBERS_PATH, NUMBERS_PAGE_SIZE, filter,
                    (ParseItemFunc) porta_phone_number_new_from_json,
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
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_client_list_numbers_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- single objects ---------------------------------------------------- */

typedef gpointer (*ParseObjectFunc) (JsonObject  *object,
                                     GError     **error);

static void
object_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ParseObjectFunc parse = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  gpointer item;

  body = request_finish (PORTA_CLIENT (object), result, &error);
  if (body != NULL)
    root = parse_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  item = parse (root, &error);
  if (item == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, item, g_object_unref);
}

/* Sends one request whose answer is one object, parsed with @parse. */
static void
object_request (PortaClient         *self,
                gpointer             source_tag,
                const char          *method,
                GUri                *uri,
                GString             *body,
                RequestFlags         flags,
                ParseObjectFunc      parse,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, parse, NULL);
  request_async (self, method, uri, body, flags, cancellable, object_cb, g_steal_pointer (&task));
}

static gpointer
object_finish (PortaClient   *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
porta_client_get_number_async (PortaClient         *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  uri = item_uri (self, NUMBERS_PATH, id, NULL);
  object_request (self, porta_client_get_number_async, SOUP_METHOD_GET, uri, NULL, REQUEST_RETRY,
                  (ParseObjectFunc) porta_phone_number_new_from_json, cancellable, callback, user_data);
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
  return object_finish (self, result, porta_client_get_number_async, error);
}

/* ---- port orders ------------------------------------------------------- */

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

/* Fetches every page of a small collection into one array */
static void
list_all (PortaClient         *self,
          gpointer             source_tag,
          const char          *path,
          const char          *filter,
          ParseItemFunc        parse,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) pager = NULL;
  PagerState *state;

  g_task_set_source_tag (task, source_tag);
  pager = pager_new (self, path, 0, filter, parse, cancellable, list_cb, g_steal_pointer (&task));
  state = g_task_get_task_data (pager);
  state->items = g_ptr_array_new_with_free_func (g_object_unref);
  pager_fetch (g_steal_pointer (&pager));
}

/**
 * porta_client_list_port_orders_async:
 * @self: a #PortaClient
 * @filter: (nullable): an OData `$filter` on `status` and `direction`
 *
 * Lists every port order, following the pages.
 */
void
porta_client_list_port_orders_async (PortaClient         *self,
                                     const char          *filter,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  list_all (self, porta_client_list_port_orders_async, PORT_ORDERS_PATH, filter,
            (ParseItemFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

/**
 * porta_client_list_port_orders_finish:
 *
 * Returns: (transfer full) (element-type PortaPortOrder): the orders
 */
GPtrArray *
porta_client_list_port_orders_finish (PortaClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return object_finish (self, result, porta_client_list_port_orders_async, error);
}

void
porta_client_get_port_order_async (PortaClient         *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  uri = item_uri (self, PORT_ORDERS_PATH, id, NULL);
  object_request (self, porta_client_get_port_order_async, SOUP_METHOD_GET, uri, NULL, REQUEST_RETRY,
                  (ParseObjectFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_get_port_order_finish (PortaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return object_finish (self, result, porta_client_get_port_order_async, error);
}

static void
add_date_time_member (JsonBuilder *builder,
                      const char  *name,
                      GDateTime   *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static GString *
builder_to_secret_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  GString *out = g_string_new (NULL);

  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);
  return out;
}

/**
 * porta_client_create_port_order_async:
 * @self: a #PortaClient
 * @order: the new port-in order
 *
 * Creates a port-in order. Not retried: a second POST could create a
 * second order. A %PORTA_ERROR_INVALID_REQUEST carries the server's
 * per-field problems (porta_error_get_field_errors()).
 */
void
porta_client_create_port_order_async (PortaClient             *self,
                                      const PortaNewPortOrder *order,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (order != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, order->display_name);
  json_builder_set_member_name (builder, "telephoneNumbers");
  json_builder_begin_array (builder);
  for (guint i = 0; order->telephone_numbers != NULL && order->telephone_numbers[i] != NULL; i++)
    json_builder_add_string_value (builder, order->telephone_numbers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "carrierName");
  json_builder_add_string_value (builder, order->carrier_name);
  json_builder_set_member_name (builder, "accountNumber");
  json_builder_add_string_value (builder, order->account_number);
  json_builder_set_member_name (builder, "billingTelephoneNumber");
  json_builder_add_string_value (builder, order->billing_telephone_number);
  if (order->carrier_pin != NULL)
    {
      json_builder_set_member_name (builder, "carrierPin");
      json_builder_add_string_value (builder, order->carrier_pin);
    }
  if (order->requested_foc_date_time != NULL)
    add_date_time_member (builder, "requestedFocDateTime", order->requested_foc_date_time);
  json_builder_set_member_name (builder, "authorizedBy");
  json_builder_add_string_value (builder, order->authorized_by);
  json_builder_end_object (builder);

  uri = api_uri (self, PORT_ORDERS_PATH, NULL);
  object_request (self, porta_client_create_port_order_async, SOUP_METHOD_POST, uri,
                  builder_to_secret_string (builder), REQUEST_SECRET_BODY,
                  (ParseObjectFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_create_port_order_finish (PortaClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return object_finish (self, result, porta_client_create_port_order_async, error);
}

/**
 * porta_client_cancel_port_order_async:
 * @self: a #PortaClient
 * @id: the order
 *
 * Cancels an order whose status allows it; otherwise the server answers
 * %PORTA_ERROR_CONFLICT. Resolves to the order as it now stands.
 */
void
porta_client_cancel_port_order_async (PortaClient         *self,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  uri = item_uri (self, PORT_ORDERS_PATH, id, "cancel");
  object_request (self, porta_client_cancel_port_order_async, SOUP_METHOD_POST, uri, NULL, 0,
                  (ParseObjectFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_cancel_port_order_finish (PortaClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return object_finish (self, result, porta_client_cancel_port_order_async, error);
}

/**
 * porta_client_set_foc_date_async:
 * @self: a #PortaClient
 * @id: the order
 * @requested_foc_date_time: the new requested transfer date
 *
 * Changes the requested FOC date of an order in "transfer approved".
 */
void
porta_client_set_foc_date_async (PortaClient         *self,
                                 const char          *id,
                                 GDateTime           *requested_foc_date_time,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (requested_foc_date_time != NULL);

  json_builder_begin_object (builder);
  add_date_time_member (builder, "requestedFocDateTime", requested_foc_date_time);
  json_builder_end_object (builder);

  uri = item_uri (self, PORT_ORDERS_PATH, id, NULL);
  object_request (self, porta_client_set_foc_date_async, "PATCH", uri,
                  builder_to_secret_string (builder), 0,
                  (ParseObjectFunc) porta_port_order_new_from_json, cancellable, callback, user_data);
}

PortaPortOrder *
porta_client_set_foc_date_finish (PortaClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return object_finish (self, result, porta_client_set_foc_date_async, error);
}

/* ---- the port-out PIN -------------------------------------------------- */

void
porta_client_get_pin_status_async (PortaClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));

  uri = api_uri (self, PIN_PATH, NULL);
  object_request (self, porta_client_get_pin_status_async, SOUP_METHOD_GET, uri, NULL, REQUEST_RETRY,
                  (ParseObjectFunc) porta_pin_status_new_from_json, cancellable, callback, user_data);
}

/**
 * porta_client_get_pin_status_finish:
 *
 * Returns: (transfer full): whether a PIN is set, and who set it when
 */
PortaPinStatus *
porta_client_get_pin_status_finish (PortaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return object_finish (self, result, porta_client_get_pin_status_async, error);
}

static void
set_pin_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = request_finish (PORTA_CLIENT (object), result, &error);
  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * porta_client_set_pin_async:
 * @self: a #PortaClient
 * @pin: the new PIN; Porta keeps no copy once it is sent
 *
 * Sets or changes the port-out PIN. The server checks the rules too: a
 * bad PIN is %PORTA_ERROR_INVALID_PIN, and a blank one when a PIN is set
 * is %PORTA_ERROR_PIN_CANNOT_BE_CLEARED. A PUT is safe to repeat, so it
 * is retried like a GET.
 */
void
porta_client_set_pin_async (PortaClient         *self,
                            const char          *pin,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  GString *body;

  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_set_pin_async);

  /* Built by hand so that the PIN sits in one buffer that is wiped */
  body = g_string_sized_new (32);
  g_string_append (body, "{\"pin\":\"");
  for (const char *p = pin; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (body, '\\'), g_string_append_c (body, *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (body, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (body, *p);
    }
  g_string_append (body, "\"}");

  uri = api_uri (self, PIN_PATH, NULL);
  request_async (self, SOUP_METHOD_PUT, uri, body, REQUEST_RETRY | REQUEST_SECRET_BODY,
                 cancellable, set_pin_cb, g_steal_pointer (&task));
}

gboolean
porta_client_set_pin_finish (PortaClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_client_set_pin_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reveal_pin_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  const char *pin;

  body = request_finish (PORTA_CLIENT (object), result, &error);
  if (body != NULL)
    root = parse_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pin = porta_json_get_string (root, "pin", &error);
  if (pin == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_strdup (pin), (GDestroyNotify) porta_pin_free);
  /* json-glib's copy goes with the parser; the body's bytes are wiped here */
  porta_pin_wipe ((char *) g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/**
 * porta_client_reveal_pin_async:
 * @self: a #PortaClient
 *
 * Asks the server for the PIN itself (write permission needed; the
 * server records who asked). Resolves to %PORTA_ERROR_PIN_NOT_SET when
 * there is none.
 */
void
porta_client_reveal_pin_async (PortaClient         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (PORTA_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_client_reveal_pin_async);

  uri = api_uri (self, PIN_PATH "/reveal", NULL);
  request_async (self, SOUP_METHOD_POST, uri, NULL, REQUEST_SECRET_REPLY,
                 cancellable, reveal_pin_cb, g_steal_pointer (&task));
}

/**
 * porta_client_reveal_pin_finish:
 *
 * Returns: (transfer full): the PIN; free it with porta_pin_free()
 */
char *
porta_client_reveal_pin_finish (PortaClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_client_reveal_pin_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * porta_client_list_pin_audit_events_async:
 * @self: a #PortaClient
 *
 * Lists who set, changed and revealed the PIN, and when.
 */
void
porta_client_list_pin_audit_events_async (PortaClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  list_all (self, porta_client_list_pin_audit_events_async, PIN_PATH "/auditEvents", NULL,
            (ParseItemFunc) porta_audit_event_new_from_json, cancellable, callback, user_data);
}

/**
 * porta_client_list_pin_audit_events_finish:
 *
 * Returns: (transfer full) (element-type PortaAuditEvent): the events
 */
GPtrArray *
porta_client_list_pin_audit_events_finish (PortaClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return object_finish (self, result, porta_client_list_pin_audit_events_async, error);
}

/* ---- the object -------------------------------------------------------- */

static void
porta_client_dispose (GObject *object)
{
  PortaClient *self = PORTA_CLIENT (object);

  g_clear_object (&self->auth);
  g_clear_object (&self->session);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (porta_client_parent_class)->dispose (object);
}

static void
porta_client_finalize (GObject *object)
{
  PortaClient *self = PORTA_CLIENT (object);

  wipe_string (&self->access_token);
  wipe_string (&self->refresh_token);
  g_clear_pointer (&self->api_base, g_uri_unref);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (porta_client_parent_class)->finalize (object);
}

static void
porta_client_class_init (PortaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_client_dispose;
  object_class->finalize = porta_client_finalize;

  /**
   * PortaClient::tokens-changed:
   *
   * A refresh brought a new refresh token (rotation): whoever keeps it in
   * the keyring should store porta_client_dup_refresh_token() now.
   */
  signals[SIGNAL_TOKENS_CHANGED] =
    g_signal_new ("tokens-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
porta_client_init (PortaClient *self)
{
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_attempts = 5;
  self->max_total_ms = 60000;
  self->base_delay_ms = 500;
}

/**
 * porta_client_new:
 * @account: the account to speak for
 * @session: (nullable): a session to share, or %NULL for a new one
 *
 * Returns: (transfer full): a new client; give it tokens with
 *   porta_client_set_tokens() or porta_client_set_refresh_token()
 */
PortaClient *
porta_client_new (PortaAccount *account,
                  SoupSession  *session)
{
  PortaClient *self;
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (PORTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (PORTA_TYPE_CLIENT, NULL);
  self->account = g_object_ref (account);
  self->session = session ? g_object_ref (session) : porta_http_session_new ();
  self->auth = porta_auth_new (porta_account_get_authority (account),
                               porta_account_get_client_id (account),
                               porta_account_get_scopes (account),
                               self->session);

  base = g_strdup (porta_account_get_api_base (account));
  length = strlen (base);
  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  /* A bad address is kept unparsed; every request then fails with
   * INSECURE_URL before anything is sent. */
  self->api_base = g_uri_parse (base, SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED, NULL);
  if (self->api_base == NULL)
    self->api_base = g_uri_parse ("invalid:", G_URI_FLAGS_NONE, NULL);

  return self;
}

PortaAccount *
porta_client_get_account (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return self->account;
}

/**
 * porta_client_get_auth:
 * @self: a #PortaClient
 *
 * Returns: (transfer none): the sign-in helper for the client's account
 */
PortaAuth *
porta_client_get_auth (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return self->auth;
}

/**
 * porta_client_set_tokens:
 * @self: a #PortaClient
 * @tokens: tokens from a sign-in or a refresh
 *
 * Keeps the access token in memory, and the refresh token when given.
 */
void
porta_client_set_tokens (PortaClient       *self,
                         const PortaTokens *tokens)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  g_return_if_fail (tokens != NULL);

  wipe_string (&self->access_token);
  self->access_token = g_strdup (tokens->access_token);
  self->expires_at = tokens->expires_at;
  if (tokens->refresh_token != NULL)
    porta_client_set_refresh_token (self, tokens->refresh_token);
}

void
porta_client_set_refresh_token (PortaClient *self,
                                const char  *refresh_token)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));

  if (refresh_token == self->refresh_token)
    return;
  wipe_string (&self->refresh_token);
  self->refresh_token = g_strdup (refresh_token);
}

/**
 * porta_client_dup_refresh_token:
 * @self: a #PortaClient
 *
 * Returns: (transfer full) (nullable): the refresh token, for the
 *   keyring; free it with porta_pin_free()
 */
char *
porta_client_dup_refresh_token (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), NULL);
  return g_strdup (self->refresh_token);
}

/**
 * porta_client_has_credentials:
 * @self: a #PortaClient
 *
 * Whether the client holds a token it can use or refresh.
 */
gboolean
porta_client_has_credentials (PortaClient *self)
{
  g_return_val_if_fail (PORTA_IS_CLIENT (self), FALSE);
  return self->access_token != NULL || self->refresh_token != NULL;
}

/**
 * porta_client_forget_credentials:
 * @self: a #PortaClient
 *
 * Wipes the tokens held in memory (signing out).
 */
void
porta_client_forget_credentials (PortaClient *self)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  wipe_string (&self->access_token);
  wipe_string (&self->refresh_token);
  self->expires_at = 0;
}

/**
 * porta_client_set_retry_policy:
 * @self: a #PortaClient
 * @max_attempts: attempts per request, the first included
 * @max_total_ms: time a request may take, waits included
 * @base_delay_ms: the first backoff step
 */
void
porta_client_set_retry_policy (PortaClient *self,
                               guint        max_attempts,
                               guint        max_total_ms,
                               guint        base_delay_ms)
{
  g_return_if_fail (PORTA_IS_CLIENT (self));
  self->max_attempts = MAX (max_attempts, 1);
  self->max_total_ms = max_total_ms;
  self->base_delay_ms = MAX (base_delay_ms, 1);
}
