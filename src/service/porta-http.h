/* porta-http.h — HTTP plumbing shared by the API client and sign-in
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

SoupSession *porta_http_session_new             (void);
gboolean     porta_http_uri_is_loopback         (GUri          *uri);
gboolean     porta_http_check_uri               (GUri          *uri,
                                                 GError       **error);
GUri        *porta_http_parse_uri               (const char    *uri,
                                                 GError       **error);
GError      *porta_http_error_from_transport    (const GError  *error,
                                                 const char    *client_request_id);
GError      *porta_http_error_from_response     (SoupMessage   *message,
                                                 GBytes        *body,
                                                 const char    *client_request_id);
gint64       porta_http_parse_retry_after       (SoupMessage   *message);
gboolean     porta_http_debug_enabled           (void);
void         porta_http_log_request             (SoupMessage   *message,
                                                 const char    *body,
                                                 gboolean       body_is_secret);
void         porta_http_log_response            (SoupMessage   *message,
                                                 GBytes        *body,
                                                 gboolean       body_is_secret);
void         porta_http_send_async              (SoupSession          *session,
                                                 SoupMessage          *message,
                                                 gboolean              response_is_secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes      *porta_http_send_finish             (SoupSession          *session,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void         porta_http_wait_async              (guint                 milliseconds,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     porta_http_wait_finish             (GAsyncResult         *result,
                                                 GError              **error);
void         porta_http_idle_in_task_context    (GTask                *task,
                                                 GSourceFunc           func);
char        *porta_http_redact_body             (const char    *body,
                                                 gsize          length);

G_END_DECLS
