/* portactl-context.c — who portactl speaks as, and how it says what failed
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * portactl shares the desktop app's accounts file and keyring through
 * PortaSession. It runs libporta's async calls on the default main
 * context and waits for each, one at a time: nothing here blocks on the
 * network. Every command has the same skeleton, which this file serves:
 *
 *   if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
 *     return status;
 *   porta_client_…_async (ctx->client, …, ctx->cancellable,
 *                         portactl_context_call_cb, ctx);
 *   thing = porta_client_…_finish (ctx->client, portactl_context_wait (ctx), &error);
 *   if (thing == NULL)
 *     return portactl_report_error (error);
 *
 * `--account` does not go through porta_session_switch_async(): that
 * makes the account current in the shared file, and a script that runs
 * `portactl --account A …` beside `portactl …` would make the second
 * speak to A. It gets a client of its own, from the keyring.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "porta-capability.h"
#include "porta-error.h"
#include "porta-keyring.h"
#include "porta-pin.h"
#include "portactl.h"

/**
 * portactl_context_init:
 * @ctx: a context on the stack
 *
 * Sets up a run: the shared accounts file (not read yet), a cancellable.
 */
void
portactl_context_init (PortactlContext *ctx)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = porta_account_store_new (NULL);
  ctx->cancellable = g_cancellable_new ();
}

/**
 * portactl_context_clear:
 * @ctx: a context
 *
 * Drops what @ctx holds; stops the sandbox if one runs.
 */
void
portactl_context_clear (PortactlContext *ctx)
{
  if (ctx->client != NULL && ctx->tokens_changed_id != 0)
    g_clear_signal_handler (&ctx->tokens_changed_id, ctx->client);
  g_clear_object (&ctx->client);
  g_clear_object (&ctx->answer);
  g_clear_object (&ctx->result);
  if (ctx->session != NULL)
    porta_session_shutdown (ctx->session);
  g_clear_object (&ctx->session);
  g_clear_object (&ctx->store);
  g_clear_object (&ctx->cancellable);
  g_clear_pointer (&ctx->account_id, g_free);
}

/* ---- waiting ------------------------------------------------------------- */

/**
 * portactl_context_call_cb:
 * @user_data: the #PortactlContext
 *
 * The callback of every async call portactl makes: one at a time, each
 * waited for with portactl_context_wait().
 */
void
portactl_context_call_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  PortactlContext *ctx = user_data;

  g_assert (ctx->answer == NULL);
  ctx->answer = g_object_ref (result);
}

/**
 * portactl_context_wait:
 *
 * Runs the main context until the call started with
 * portactl_context_call_cb() and @ctx answers.
 *
 * Returns: (transfer none): its result, for the call's _finish; @ctx
 *   keeps it until the next call
 */
GAsyncResult *
portactl_context_wait (PortactlContext *ctx)
{
  g_clear_object (&ctx->result);
  while (ctx->answer == NULL)
    g_main_context_iteration (NULL, TRUE);
  ctx->result = g_steal_pointer (&ctx->answer);
  return ctx->result;
}

/* ---- errors -------------------------------------------------------------- */

/**
 * portactl_printerr:
 * @format: a printf() format, translated
 *
 * Says on stderr what went wrong, after “portactl: ”.
 */
/* What portactl says on stderr: “portactl: ”, @prefix (nullable), the message */
static void
printerr_valist (const char *prefix,
                 const char *format,
                 va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr ("portactl: %s%s%s\n", prefix ? prefix : "", prefix ? " " : "", message);
}

void
portactl_printerr (const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  printerr_valist (NULL, format, args);
  va_end (args);
}

/**
 * portactl_warning:
 * @format: a printf() format, translated
 *
 * Says on stderr what did not stop the command but matters.
 */
void
portactl_warning (const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  /* Translators: the start of a warning that does not stop the command */
  printerr_valist (_("warning:"), format, args);
  va_end (args);
}

/**
 * portactl_exit_status_for_error:
 * @error: what failed
 *
 * Returns: the exit status documented for @error
 */
int
portactl_exit_status_for_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return PORTACTL_EXIT_INTERRUPTED;

  if (error->domain == G_OPTION_ERROR)
    return error->code == G_OPTION_ERROR_BAD_VALUE ? PORTACTL_EXIT_REJECTED : PORTACTL_EXIT_USAGE;

  if (error->domain != PORTA_ERROR)
    return PORTACTL_EXIT_USAGE;

  switch ((PortaError) error->code)
    {
    case PORTA_ERROR_UNAUTHORIZED:
    case PORTA_ERROR_FORBIDDEN:
    case PORTA_ERROR_SIGN_IN_DECLINED:
    case PORTA_ERROR_SIGN_IN_EXPIRED:
    case PORTA_ERROR_SIGN_IN_FAILED:
      return PORTACTL_EXIT_SIGN_IN;

    case PORTA_ERROR_NOT_FOUND:
    case PORTA_ERROR_PIN_NOT_SET:
      return PORTACTL_EXIT_NOT_FOUND;

    case PORTA_ERROR_INVALID_PIN:
    case PORTA_ERROR_PIN_CANNOT_BE_CLEARED:
    case PORTA_ERROR_INVALID_REQUEST:
    case PORTA_ERROR_CONFLICT:
      return PORTACTL_EXIT_REJECTED;

    case PORTA_ERROR_NETWORK:
    case PORTA_ERROR_TIMEOUT:
    case PORTA_ERROR_TLS:
    case PORTA_ERROR_INSECURE_URL:
    case PORTA_ERROR_THROTTLED:
    case PORTA_ERROR_SERVER:
    case PORTA_ERROR_INVALID_RESPONSE:
      return PORTACTL_EXIT_NETWORK;

    case PORTA_ERROR_KEYRING_UNAVAILABLE:
    case PORTA_ERROR_KEYRING_LOCKED:
      return PORTACTL_EXIT_KEYRING;

    case PORTA_ERROR_NOT_OFFERED:
      return PORTACTL_EXIT_NOT_OFFERED;

    case PORTA_ERROR_FAILED:
    default:
      return PORTACTL_EXIT_USAGE;
    }
}

/* The contract's codes for a field's problem (docs/admin-api.md §4.3) */
static const char *
describe_field_code (const char *code)
{
  static const struct { const char *code; const char *text; } codes[] = {
    { "required", N_("missing") },
    { "invalidValue", N_("not a valid value, or too long") },
    { "invalidFormat", N_("not in the expected format") },
    { "tooMany", N_("too many") },
    { "duplicate", N_("given twice") },
    { "alreadyInTenant", N_("already the organization’s") },
    { "alreadyInOrder", N_("already in another open order") },
    { "tooSoon", N_("too soon: the carrier needs at least 7 days’ notice") },
    { "readOnly", N_("cannot be set") },
    { "unknownProperty", N_("unknown") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (code, codes[i].code) == 0)
      return _(codes[i].text);
  return NULL;
}

/**
 * portactl_report_error:
 * @error: what failed
 *
 * Says on stderr what failed, in the user's language, with the server's
 * per-field problems when it listed them; with `PORTA_DEBUG` set, the
 * technical details too (statuses, codes and request ids: never a
 * secret). Cancellation (Ctrl+C) says nothing.
 *
 * Returns: the exit status for @error
 */
int
portactl_report_error (const GError *error)
{
  GPtrArray *fields;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return PORTACTL_EXIT_INTERRUPTED;

  portactl_printerr ("%s", error->message);

  if (error->domain == PORTA_ERROR)
    {
      fields = porta_error_get_field_errors (error);
      for (guint i = 0; fields != NULL && i < fields->len; i++)
        {
          PortaFieldError *field = g_ptr_array_index (fields, i);
          const char *text = describe_field_code (field->code);

          /* the field as the API names it, what is wrong, and the
           * server's code for it */
          if (text != NULL)
            g_printerr ("  %s: %s (%s)\n", field->target ? field->target : "", text, field->code);
          else
            g_printerr ("  %s: %s\n", field->target ? field->target : "", field->code ? field->code : "");
        }

      if (g_getenv ("PORTA_DEBUG") != NULL)
        {
          g_autofree char *details = porta_error_format_details (error);
          g_auto(GStrv) lines = g_strsplit (details, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            if (lines[i][0] != '\0')
              g_printerr ("  %s\n", lines[i]);
        }
    }

  return portactl_exit_status_for_error (error);
}

/* ---- accounts ------------------------------------------------------------ */

/**
 * portactl_context_load_accounts:
 *
 * Reads the accounts file, without the keyring. A file that cannot be
 * read is a warning (the store sets it aside), not a failure.
 */
gboolean
portactl_context_load_accounts (PortactlContext  *ctx,
                                GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  porta_account_store_load_async (ctx->store, ctx->cancellable, portactl_context_call_cb, ctx);
  if (!porta_account_store_load_finish (ctx->store, portactl_context_wait (ctx), &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      portactl_warning ("%s", local_error->message);
    }
  return TRUE;
}

/**
 * portactl_context_find_account:
 * @id_or_username: an account's id, or its username when only one
 *   account has it
 *
 * Returns: (transfer full): the account, or %NULL with %PORTA_ERROR_NOT_FOUND
 *   (or %G_OPTION_ERROR_BAD_VALUE when the username is ambiguous)
 */
PortaAccount *
portactl_context_find_account (PortactlContext  *ctx,
                               const char       *id_or_username,
                               GError          **error)
{
  GListModel *accounts = G_LIST_MODEL (ctx->store);
  PortaAccount *by_id = porta_account_store_lookup (ctx->store, id_or_username);
  g_autoptr(PortaAccount) found = NULL;
  guint matches = 0;

  if (by_id != NULL)
    return g_object_ref (by_id);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(PortaAccount) account = g_list_model_get_item (accounts, i);

      if (porta_account_names_equal (porta_account_get_username (account), id_or_username))
        {
          matches++;
          g_set_object (&found, account);
        }
    }

  if (matches == 1)
    return g_steal_pointer (&found);

  if (matches > 1)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: %s is a username such as admin@contoso.com */
                 _("More than one account is signed in as “%s”: give its ID instead "
                   "(“portactl accounts” lists them)."),
                 id_or_username);
  else
    g_set_error (error, PORTA_ERROR, PORTA_ERROR_NOT_FOUND,
                 /* Translators: %s is what was given after --account */
                 _("There is no account “%s”. “portactl accounts” lists them."),
                 id_or_username);
  return NULL;
}

/* ---- connecting ---------------------------------------------------------- */

static void
tokens_changed_cb (PortaClient     *client,
                   PortactlContext *ctx)
{
  ctx->tokens_changed = TRUE;
}

static void
use_client (PortactlContext *ctx,
            PortaClient     *client)
{
  g_set_object (&ctx->client, client);
  ctx->tokens_changed_id = g_signal_connect (client, "tokens-changed",
                                             G_CALLBACK (tokens_changed_cb), ctx);
}

/**
 * portactl_dup_account_label:
 * @account: an account
 *
 * Returns: (transfer full): how to name @account to its owner: the
 *   username, or failing that the organization
 */
char *
portactl_dup_account_label (PortaAccount *account)
{
  if (porta_account_get_username (account) != NULL)
    return g_strdup (porta_account_get_username (account));
  return porta_account_dup_organization_label (account);
}

static GError *
needs_sign_in_error (PortaAccount *account)
{
  g_autofree char *label = portactl_dup_account_label (account);

  if (porta_account_get_sandbox (account))
    return g_error_new (PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED,
                        _("The current account is the sandbox’s, which lasts only while the sandbox "
                          "runs: add --sandbox to use the sandbox, or sign in with "
                          "“portactl sign-in”."));

  return g_error_new (PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED,
                      /* Translators: %s is a username such as admin@contoso.com */
                      _("The sign-in for %s has expired or was removed: sign in again with "
                        "“portactl sign-in”."),
                      label);
}

static GError *
keyring_error (PortaAccount *account,
               const char   *problem)
{
  g_autofree char *label = portactl_dup_account_label (account);

  return g_error_new (PORTA_ERROR, PORTA_ERROR_KEYRING_UNAVAILABLE,
                      /* Translators: %s is a username such as admin@contoso.com, then the keyring's problem */
                      _("The sign-in for %s could not be read from the keyring. %s"),
                      label, problem);
}

/* --account for an account that is not the current one: a client of its
 * own, its refresh token from the keyring */
static gboolean
connect_other_account (PortactlContext  *ctx,
                       PortaAccount     *account,
                       GError          **error)
{
  g_autoptr(PortaClient) client = NULL;
  g_autoptr(GError) local_error = NULL;
  char *refresh_token;

  if (porta_account_get_sandbox (account))
    {
      g_propagate_error (error, needs_sign_in_error (account));
      return FALSE;
    }

  porta_keyring_lookup_async (account, ctx->cancellable, portactl_context_call_cb, ctx);
  refresh_token = porta_keyring_lookup_finish (portactl_context_wait (ctx), &local_error);

  if (local_error != NULL)
    {
      if (local_error->domain == PORTA_ERROR)
        g_propagate_error (error, keyring_error (account, local_error->message));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (refresh_token == NULL)
    {
      g_propagate_error (error, needs_sign_in_error (account));
      return FALSE;
    }

  client = porta_client_new (account, NULL);
  porta_client_set_refresh_token (client, refresh_token);
  porta_pin_free (refresh_token);
  use_client (ctx, client);
  return TRUE;
}

/* Fails with %PORTA_ERROR_UNAUTHORIZED when nobody is signed in or the
 * sign-in must be done again, with %PORTA_ERROR_KEYRING_UNAVAILABLE when
 * the keyring kept it from being read, %PORTA_ERROR_NOT_FOUND for an
 * unknown `--account`. */
static gboolean
connect_client (PortactlContext  *ctx,
                GError          **error)
{
  PortaAccount *account;
  PortaClient *client;

  g_return_val_if_fail (ctx->session == NULL, FALSE);

  if (ctx->sandbox)
    {
      if (ctx->account_id != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("--account and --sandbox cannot be used together: the sandbox "
                                 "has an account of its own."));
          return FALSE;
        }

      /* the state directory of `porta --sandbox`: one sandbox, both ways */
      ctx->session = porta_session_new (ctx->store, NULL);
      porta_session_start_sandbox_async (ctx->session, ctx->cancellable, portactl_context_call_cb, ctx);
      if (!porta_session_start_sandbox_finish (ctx->session, portactl_context_wait (ctx), error))
        return FALSE;
      use_client (ctx, porta_session_get_client (ctx->session));
      return TRUE;
    }

  ctx->session = porta_session_new (ctx->store, NULL);
  porta_session_restore_async (ctx->session, ctx->cancellable, portactl_context_call_cb, ctx);
  if (!porta_session_restore_finish (ctx->session, portactl_context_wait (ctx), error))
    return FALSE;

  if (porta_session_get_problem (ctx->session) != NULL)
    portactl_warning ("%s", porta_session_get_problem (ctx->session));

  if (ctx->account_id != NULL)
    {
      g_autoptr(PortaAccount) wanted = portactl_context_find_account (ctx, ctx->account_id, error);

      if (wanted == NULL)
        return FALSE;
      if (wanted != porta_session_get_account (ctx->session))
        return connect_other_account (ctx, wanted, error);
    }

  account = porta_session_get_account (ctx->session);
  switch (porta_session_get_state (ctx->session))
    {
    case PORTA_SESSION_STATE_READY:
      break;

    case PORTA_SESSION_STATE_NEEDS_SIGN_IN:
      if (porta_session_get_keyring_problem (ctx->session) != NULL)
        g_propagate_error (error, keyring_error (account, porta_session_get_keyring_problem (ctx->session)));
      else
        g_propagate_error (error, needs_sign_in_error (account));
      return FALSE;

    case PORTA_SESSION_STATE_SIGNED_OUT:
    case PORTA_SESSION_STATE_LOADING:
    default:
      g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_UNAUTHORIZED,
                           _("You are not signed in. Sign in with “portactl sign-in”, or try "
                             "Porta’s sandbox with “portactl --sandbox”."));
      return FALSE;
    }

  client = porta_session_get_client (ctx->session);
  g_return_val_if_fail (client != NULL, FALSE);
  use_client (ctx, client);
  return TRUE;
}

/**
 * portactl_context_connect:
 *
 * The start of every command that speaks to the server: gets a client
 * that can, the private sandbox's (`--sandbox`), the account named by
 * `--account`, or the current one with its sign-in from the keyring; or
 * says on stderr why not.
 *
 * Returns: %PORTACTL_EXIT_OK, or the exit status to leave with
 */
int
portactl_context_connect (PortactlContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!connect_client (ctx, &error))
    return portactl_report_error (error);
  return PORTACTL_EXIT_OK;
}

/**
 * portactl_context_save_accounts:
 *
 * Writes the accounts file and waits until it is on disk. The session
 * saves without telling when it is done; a process about to exit must
 * know. Saves are ordered: an older one never overwrites this one.
 */
gboolean
portactl_context_save_accounts (PortactlContext  *ctx,
                                GError          **error)
{
  porta_account_store_save_async (ctx->store, NULL, portactl_context_call_cb, ctx);
  return porta_account_store_save_finish (ctx->store, portactl_context_wait (ctx), error);
}

/**
 * portactl_context_finish:
 *
 * Before exiting: a refresh token the server rotated during the command
 * goes to the keyring, and the call is waited for (the session's own
 * store of it is not, and the old token is dead). Then the sandbox is
 * stopped, which saves its state.
 *
 * Returns: %FALSE with a keyring error if the new token could not be kept
 */
gboolean
portactl_context_finish (PortactlContext  *ctx,
                         GError          **error)
{
  gboolean ok = TRUE;

  if (ctx->client != NULL && ctx->tokens_changed)
    {
      PortaAccount *account = porta_client_get_account (ctx->client);
      char *refresh_token = porta_client_dup_refresh_token (ctx->client);

      if (refresh_token != NULL && !porta_account_get_sandbox (account))
        {
          porta_keyring_store_async (account, refresh_token, NULL, portactl_context_call_cb, ctx);
          ok = porta_keyring_store_finish (portactl_context_wait (ctx), error);
        }
      porta_pin_free (refresh_token);
      ctx->tokens_changed = FALSE;
    }

  if (ctx->session != NULL)
    porta_session_shutdown (ctx->session);

  return ok;
}

/**
 * portactl_report_feature_error:
 * @error: what failed
 * @feature: the part of the API the command uses
 *
 * As portactl_report_error(), except that a server that does not offer
 * @feature (Microsoft Graph has no port-out PIN and no port orders) gets
 * the guide the app shows: what it is, where to do it in the Teams admin
 * center, and its address — on stderr, with %PORTACTL_EXIT_NOT_OFFERED.
 *
 * Returns: the exit status
 */
int
portactl_report_feature_error (const GError *error,
                               PortaFeature  feature)
{
  if (!g_error_matches (error, PORTA_ERROR, PORTA_ERROR_NOT_OFFERED))
    return portactl_report_error (error);

  portactl_printerr ("%s", porta_feature_get_guide_title (feature));
  g_printerr ("%s\n%s\n", porta_feature_get_guide (feature), porta_feature_get_guide_steps (feature));
  /* Translators: %s is the web address of the Teams admin center */
  g_printerr (_("Open %s"), PORTA_TEAMS_ADMIN_CENTER_URL);
  g_printerr ("\n");
  return portactl_exit_status_for_error (error);
}
