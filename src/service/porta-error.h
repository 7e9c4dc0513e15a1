/* porta-error.h — the PORTA_ERROR domain
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PORTA_ERROR (porta_error_quark ())

/**
 * PortaError:
 *
 * What went wrong, for code to act on. Every error carries a translated
 * message written for a person; the technical detail (HTTP status, the
 * Graph error code, request ids, per-field problems) is kept beside it
 * and read with the porta_error_get_*() functions. Cancellation is never
 * a PortaError: it stays %G_IO_ERROR_CANCELLED.
 *
 * %PORTA_ERROR_NOT_OFFERED: the server does not offer this part of the
 * admin API at all (Microsoft Graph has no port-out PIN and no port
 * orders; docs/admin-api.md, §7). Trying again can never succeed.
 */
typedef enum
{
  PORTA_ERROR_NETWORK,
  PORTA_ERROR_TIMEOUT,
  PORTA_ERROR_TLS,
  PORTA_ERROR_INSECURE_URL,
  PORTA_ERROR_UNAUTHORIZED,
  PORTA_ERROR_FORBIDDEN,
  PORTA_ERROR_NOT_FOUND,
  PORTA_ERROR_CONFLICT,
  PORTA_ERROR_THROTTLED,
  PORTA_ERROR_SERVER,
  PORTA_ERROR_INVALID_RESPONSE,
  PORTA_ERROR_INVALID_REQUEST,
  PORTA_ERROR_INVALID_PIN,
  PORTA_ERROR_PIN_CANNOT_BE_CLEARED,
  PORTA_ERROR_PIN_NOT_SET,
  PORTA_ERROR_SIGN_IN_DECLINED,
  PORTA_ERROR_SIGN_IN_EXPIRED,
  PORTA_ERROR_SIGN_IN_FAILED,
  PORTA_ERROR_KEYRING_UNAVAILABLE,
  PORTA_ERROR_KEYRING_LOCKED,
  PORTA_ERROR_FAILED,
  PORTA_ERROR_NOT_OFFERED,
} PortaError;

/**
 * PortaFieldError:
 * @target: the request field the problem is about (`telephoneNumbers[3]`)
 * @code: the server's code for the problem
 * @message: the server's text, for the debug log and the Details view
 */
typedef struct
{
  char *target;
  char *code;
  char *message;
} PortaFieldError;

GQuark       porta_error_quark                 (void);

GError      *porta_error_new_detailed          (PortaError    code,
                                                guint         http_status,
                                                const char   *graph_code,
                                                const char   *request_id,
                                                const char   *client_request_id,
                                                const char   *message);
guint        porta_error_get_http_status       (const GError *error);
const char  *porta_error_get_graph_code        (const GError *error);
const char  *porta_error_get_request_id        (const GError *error);
const char  *porta_error_get_client_request_id (const GError *error);
const char  *porta_error_get_reason            (const GError *error);
void         porta_error_set_reason            (GError       *error,
                                                const char   *reason);
GPtrArray   *porta_error_get_field_errors      (const GError *error);
void         porta_error_add_field_error       (GError       *error,
                                                const char   *target,
                                                const char   *code,
                                                const char   *message);
char        *porta_error_format_details        (const GError *error);
gboolean     porta_error_is_retryable          (const GError *error);
gboolean     porta_error_replace               (GError      **slot,
                                                const GError *error);

G_END_DECLS
