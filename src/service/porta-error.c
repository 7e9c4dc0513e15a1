/* porta-error.c — the PORTA_ERROR domain
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "porta-error.h"

/* An extended error domain (GLib 2.68): each PORTA_ERROR carries the
 * technical detail beside its human message, so that the message can stay
 * plain while a Details view and the debug log still get the facts. */
typedef struct
{
  guint      http_status;
  char      *graph_code;
  char      *request_id;
  char      *client_request_id;
  char      *reason;
  GPtrArray *field_errors;
} PortaErrorPrivate;

static void
field_error_free (gpointer data)
{
  PortaFieldError *fe = data;

  g_free (fe->target);
  g_free (fe->code);
  g_free (fe->message);
  g_free (fe);
}

static PortaErrorPrivate *
get_private (const GError *error)
{
  /* Mirrors G_DEFINE_EXTENDED_ERROR, which would name the domain
   * "PortaError"; ours is registered as "porta-error-quark". */
  const gsize sa = 2 * sizeof (gsize);
  const gsize as = (sizeof (PortaErrorPrivate) + (sa - 1)) & -sa;

  g_return_val_if_fail (error != NULL, NULL);
  if (error->domain != PORTA_ERROR)
    return NULL;
  return (PortaErrorPrivate *) (((guint8 *) error) - as);
}

static void
private_init (GError *error)
{
  PortaErrorPrivate *priv = get_private (error);

  priv->field_errors = g_ptr_array_new_with_free_func (field_error_free);
}

static void
private_copy (const GError *src_error,
              GError       *dest_error)
{
  const PortaErrorPrivate *src = get_private (src_error);
  PortaErrorPrivate *dest = get_private (dest_error);

  dest->http_status = src->http_status;
  dest->graph_code = g_strdup (src->graph_code);
  dest->request_id = g_strdup (src->request_id);
  dest->client_request_id = g_strdup (src->client_request_id);
  dest->reason = g_strdup (src->reason);
  for (guint i = 0; i < src->field_errors->len; i++)
    {
      const PortaFieldError *fe = g_ptr_array_index (src->field_errors, i);
      porta_error_add_field_error (dest_error, fe->target, fe->code, fe->message);
    }
}

static void
private_clear (GError *error)
{
  PortaErrorPrivate *priv = get_private (error);

  g_clear_pointer (&priv->graph_code, g_free);
  g_clear_pointer (&priv->request_id, g_free);
  g_clear_pointer (&priv->client_request_id, g_free);
  g_clear_pointer (&priv->reason, g_free);
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
}

GQuark
porta_error_quark (void)
{
  static GQuark quark;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      quark = g_error_domain_register_static ("porta-error-quark",
                                              sizeof (PortaErrorPrivate),
                                              private_init,
                                              private_copy,
                                              private_clear);
      g_once_init_leave (&initialized, 1);
    }

  return quark;
}

/**
 * porta_error_new_detailed:
 * @code: what went wrong
 * @http_status: the HTTP status, or 0
 * @graph_code: (nullable): the server's `error.code`
 * @request_id: (nullable): the server's `request-id`
 * @client_request_id: (nullable): the `client-request-id` Porta sent
 * @message: the translated message for a person
 *
 * Returns: (transfer full): a new #GError in %PORTA_ERROR
 */
GError *
porta_error_new_detailed (PortaError  code,
                          guint       http_status,
                          const char *graph_code,
                          const char *request_id,
                          const char *client_request_id,
                          const char *message)
{
  GError *error = g_error_new_literal (PORTA_ERROR, code, message);
  PortaErrorPrivate *priv = get_private (error);

  priv->http_status = http_status;
  priv->graph_code = g_strdup (graph_code);
  priv->request_id = g_strdup (request_id);
  priv->client_request_id = g_strdup (client_request_id);

  return error;
}

guint
porta_error_get_http_status (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->http_status : 0;
}

const char *
porta_error_get_graph_code (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->graph_code : NULL;
}

const char *
porta_error_get_request_id (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->request_id : NULL;
}

const char *
porta_error_get_client_request_id (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->client_request_id : NULL;
}

/**
 * porta_error_get_reason:
 * @error: a #GError
 *
 * Returns: (nullable): the server's `innerError.reason`, such as `tooShort`
 *   for %PORTA_ERROR_INVALID_PIN
 */
const char *
porta_error_get_reason (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->reason : NULL;
}

void
porta_error_set_reason (GError     *error,
                        const char *reason)
{
  PortaErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  g_free (priv->reason);
  priv->reason = g_strdup (reason);
}

/**
 * porta_error_get_field_errors:
 * @error: a #GError
 *
 * Returns: (transfer none) (element-type PortaFieldError) (nullable): the
 *   per-field problems of an %PORTA_ERROR_INVALID_REQUEST, in server order
 */
GPtrArray *
porta_error_get_field_errors (const GError *error)
{
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;
  return priv ? priv->field_errors : NULL;
}

void
porta_error_add_field_error (GError     *error,
                             const char *target,
                             const char *code,
                             const char *message)
{
  PortaErrorPrivate *priv = get_private (error);
  PortaFieldError *fe;

  g_return_if_fail (priv != NULL);

  fe = g_new0 (PortaFieldError, 1);
  fe->target = g_strdup (target);
  fe->code = g_strdup (code);
  fe->message = g_strdup (message);
  g_ptr_array_add (priv->field_errors, fe);
}

/**
 * porta_error_format_details:
 * @error: a #GError
 *
 * The technical facts behind @error, one per line, for a Details view or
 * a bug report. Never contains a secret: only statuses, codes and ids.
 *
 * Returns: (transfer full): the details, possibly empty
 */
char *
porta_error_format_details (const GError *error)
{
  GString *s = g_string_new (NULL);
  PortaErrorPrivate *priv = error ? get_private (error) : NULL;

  g_return_val_if_fail (error != NULL, g_string_free (s, FALSE));

  if (priv == NULL)
    {
      g_string_append_printf (s, "%s %d\n", g_quark_to_string (error->domain), error->code);
      return g_string_free (s, FALSE);
    }

  if (priv->http_status != 0)
    {
      /* Translators: the technical details of an error; %u is an HTTP status such as 503 */
      g_string_append_printf (s, _("HTTP status: %u"), priv->http_status);
      g_string_append_c (s, '\n');
    }
  if (priv->graph_code != NULL)
    {
      /* Translators: %s is a code from the server, such as “invalidPin” */
      g_string_append_printf (s, _("Error code: %s"), priv->graph_code);
      g_string_append_c (s, '\n');
    }
  if (priv->reason != NULL)
    {
      /* Translators: %s is a code from the server, such as “tooShort” */
      g_string_append_printf (s, _("Reason: %s"), priv->reason);
      g_string_append_c (s, '\n');
    }
  if (priv->request_id != NULL)
    g_string_append_printf (s, "request-id: %s\n", priv->request_id);
  if (priv->client_request_id != NULL)
    g_string_append_printf (s, "client-request-id: %s\n", priv->client_request_id);
  for (guint i = 0; i < priv->field_errors->len; i++)
    {
      const PortaFieldError *fe = g_ptr_array_index (priv->field_errors, i);
      g_string_append_printf (s, "%s: %s (%s)\n",
                              fe->target ? fe->target : "-",
                              fe->message ? fe->message : "",
                              fe->code ? fe->code : "-");
    }

  return g_string_free (s, FALSE);
}

/**
 * porta_error_is_retryable:
 * @error: a #GError
 *
 * Whether trying the same thing again later may succeed: a network,
 * time-out, throttling or server problem.
 */
gboolean
porta_error_is_retryable (const GError *error)
{
  if (error == NULL || error->domain != PORTA_ERROR)
    return FALSE;

  switch (error->code)
    {
    case PORTA_ERROR_NETWORK:
    case PORTA_ERROR_TIMEOUT:
    case PORTA_ERROR_THROTTLED:
    case PORTA_ERROR_SERVER:
    case PORTA_ERROR_INVALID_RESPONSE:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * porta_error_replace:
 * @slot: where a model keeps its last error
 * @error: (nullable): the new one, copied
 *
 * What every model's `error` property needs: the same problem twice
 * in a row (domain, code and message) is no change, so a binding does
 * not redraw a banner and a screen reader does not read it again.
 *
 * Returns: whether *@slot changed, and so whether to notify
 */
gboolean
porta_error_replace (GError      **slot,
                     const GError *error)
{
  GError *old = *slot;

  if (old == NULL || error == NULL)
    {
      if (old == error)
        return FALSE;
    }
  else if (old->domain == error->domain && old->code == error->code &&
           g_strcmp0 (old->message, error->message) == 0)
    return FALSE;

  g_clear_error (slot);
  if (error != NULL)
    *slot = g_error_copy (error);
  return TRUE;
}
