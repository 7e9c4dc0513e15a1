/* portactl-accounts.c — accounts, sign-in, sign-out
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same accounts file and keyring as the desktop app: an account
 * signed in here shows up in Porta, and the other way round.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "porta-auth.h"
#include "porta-error.h"
#include "porta-http.h"
#include "portactl.h"

#define MICROSOFT_LOGIN_BASE "https://login.microsoftonline.com/"
#define DEFAULT_ORGANIZATION "organizations"

/* ---- accounts ------------------------------------------------------------ */

static JsonNode *
account_to_json (PortaAccount *account,
                 gboolean      current)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *organization = porta_account_dup_organization_label (account);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, porta_account_get_id (account));
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, porta_account_get_display_name (account));
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, porta_account_get_username (account));
  json_builder_set_member_name (builder, "tenantId");
  json_builder_add_string_value (builder, porta_account_get_tenant_id (account));
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, organization);
  json_builder_set_member_name (builder, "authority");
  json_builder_add_string_value (builder, porta_account_get_authority (account));
  json_builder_set_member_name (builder, "apiBase");
  json_builder_add_string_value (builder, porta_account_get_api_base (account));
  json_builder_set_member_name (builder, "clientId");
  json_builder_add_string_value (builder, porta_account_get_client_id (account));
  json_builder_set_member_name (builder, "sandbox");
  json_builder_add_boolean_value (builder, porta_account_get_sandbox (account));
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, current);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * portactl_cmd_accounts:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl accounts`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_accounts (PortactlContext  *ctx,
                       int               argc,
                       char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) out = g_string_new (NULL);
  PortaAccount *current = NULL;
  g_autoptr(PortaAccount) chosen = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the accounts as JSON, for programs"), NULL },
    { NULL }
  };

  context = portactl_option_context_new ("accounts", NULL,
                                         _("Lists the accounts signed in to, on this computer, "
                                           "with portactl or Porta; “*” marks the one commands use."),
                                         entries);
  if ((status = portactl_parse_options (context, "accounts", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc > 1)
    return portactl_usage_error ("accounts", _("“accounts” takes no arguments."));

  if (!portactl_context_load_accounts (ctx, &error))
    return portactl_report_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ctx->store)); i++)
    g_ptr_array_add (accounts, g_list_model_get_item (G_LIST_MODEL (ctx->store), i));

  if (ctx->sandbox)
    {
      /* the sandbox's account exists while its sandbox runs */
      if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
        return status;
      current = porta_session_get_account (ctx->session);
      g_ptr_array_add (accounts, g_object_ref (current));
    }
  else if (ctx->account_id != NULL)
    {
      chosen = portactl_context_find_account (ctx, ctx->account_id, &error);
      if (chosen == NULL)
        return portactl_report_error (error);
      current = chosen;
    }
  else
    {
      current = porta_account_store_get_current (ctx->store);
      /* as the session does: the first, when none is marked */
      if (current == NULL && accounts->len > 0)
        current = g_ptr_array_index (accounts, 0);
    }

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *text = NULL;

      for (guint i = 0; i < accounts->len; i++)
        {
          PortaAccount *account = g_ptr_array_index (accounts, i);

          json_array_add_element (array, account_to_json (account, account == current));
        }
      json_node_set_array (root, array);
      text = portactl_json_to_string (root, TRUE);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
      portactl_write (out);
      return PORTACTL_EXIT_OK;
    }

  if (accounts->len == 0)
    {
      g_printerr ("%s\n", _("No account is signed in. Sign in with “portactl sign-in”, or try "
                            "Porta’s sandbox with “portactl --sandbox”."));
      return PORTACTL_EXIT_OK;
    }

  {
    g_autoptr(PortactlTable) table = portactl_table_new (portactl_terminal_width ());

    /* Translators: column headings of `portactl accounts` */
    portactl_table_add_column (table, "", 1, FALSE);
    portactl_table_add_column (table, C_("column", "ID"), 36, FALSE);
    portactl_table_add_column (table, C_("column", "Username"), 12, TRUE);
    portactl_table_add_column (table, C_("column", "Name"), 8, TRUE);
    portactl_table_add_column (table, C_("column", "Organization"), 8, TRUE);

    for (guint i = 0; i < accounts->len; i++)
      {
        PortaAccount *account = g_ptr_array_index (accounts, i);
        g_autofree char *organization = porta_account_dup_organization_label (account);
        const char *cells[] = {
          account == current ? "*" : "",
          porta_account_get_id (account),
          porta_account_get_username (account),
          porta_account_get_display_name (account),
          porta_account_get_sandbox (account) ? _("Sandbox") : organization,
        };

        portactl_table_add_row (table, cells);
      }
    portactl_table_append_all (table, out);
    portactl_write (out);
  }
  return PORTACTL_EXIT_OK;
}

/* ---- sign-in ------------------------------------------------------------- */

static gboolean
open_uri_cb (const char  *uri,
             gpointer     user_data,
             GError     **error)
{
  g_autoptr(GError) launch_error = NULL;

  g_printerr ("%s\n", _("Opening the sign-in page in your web browser…"));
  if (!g_app_info_launch_default_for_uri (uri, NULL, &launch_error))
    {
      g_debug ("no browser: %s", launch_error->message);
      /* The page hands the sign-in back to this computer, so any browser
       * here will do: say where to go rather than give up. The address
       * holds no secret (the PKCE challenge is a hash). */
      g_printerr ("%s\n\n  %s\n\n", _("No web browser could be opened. Open this address in a browser on "
                                      "this computer to sign in:"),
                  uri);
    }
  g_printerr ("%s\n", _("Waiting for the sign-in to finish… (Ctrl+C stops)"));
  return TRUE;
}

static void
show_code_cb (const PortaDeviceCode *code,
              gpointer               user_data)
{
  guint minutes = (code->expires_in + 59) / 60;

  /* the code on a line of its own, for the eye and for a script */
  g_printerr (_("To sign in, open %s on a phone or another computer, and enter this code:"),
              code->verification_uri);
  g_printerr ("\n\n%s\n\n", code->user_code);
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "The code works for %u minute. Waiting for the sign-in… (Ctrl+C stops)",
                           "The code works for %u minutes. Waiting for the sign-in… (Ctrl+C stops)",
                           minutes),
              minutes);
  g_printerr ("\n");
}

static gboolean
tenant_is_valid (const char *tenant)
{
  /* a domain name or a tenant id: one path segment of the authority */
  if (tenant[0] == '\0')
    return FALSE;
  for (const char *p = tenant; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_address (const char  *option,
               const char  *address,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;

  uri = porta_http_parse_uri (address, &local_error);
  if (uri != NULL)
    return TRUE;
  /* a value given here, refused before anything goes on the wire */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: an option such as --authority, then why its value is refused */
               _("%s: %s"), option, local_error->message);
  return FALSE;
}

static gboolean
display_available (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 != NULL && x11[0] != '\0') || (wayland != NULL && wayland[0] != '\0');
}

/**
 * portactl_cmd_sign_in:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl sign-in`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_sign_in (PortactlContext  *ctx,
                      int               argc,
                      char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tenant = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *api_base = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(PortaAuth) auth = NULL;
  g_autoptr(PortaTokens) tokens = NULL;
  g_autoptr(PortaIdentity) identity = NULL;
  g_autoptr(PortaAccount) account = NULL;
  gboolean device_code = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "tenant", 0, 0, G_OPTION_ARG_STRING, &tenant,
      N_("Your organization: its domain (contoso.com) or directory (tenant) ID; default: organizations"),
      N_("TENANT") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("The sign-in authority, instead of Microsoft’s for --tenant"), N_("URL") },
    { "api", 0, 0, G_OPTION_ARG_STRING, &api_base,
      N_("The admin API; default: https://graph.microsoft.com/v1.0"), N_("URL") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &client_id,
      N_("The application (client) ID of Porta’s app registration in your organization"), N_("ID") },
    { "device-code", 0, 0, G_OPTION_ARG_NONE, &device_code,
      N_("Sign in on another device with a code, even where a browser could open"), NULL },
    { NULL }
  };

  context = portactl_option_context_new ("sign-in", NULL,
                                         _("Signs in to Microsoft 365, in a web browser when this computer "
                                           "has a display, otherwise with a code to enter on another device. "
                                           "The account becomes the current one; its sign-in is kept in the "
                                           "keyring, shared with Porta."),
                                         entries);
  if ((status = portactl_parse_options (context, "sign-in", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc > 1)
    return portactl_usage_error ("sign-in", _("“sign-in” takes no arguments."));
  if (ctx->sandbox)
    return portactl_usage_error ("sign-in", _("The sandbox needs no sign-in: “portactl --sandbox COMMAND” "
                                              "signs in to it by itself."));
  if (ctx->account_id != NULL)
    return portactl_usage_error ("sign-in", _("--account does not go with sign-in: sign-in adds an account."));
  if (client_id == NULL)
    return portactl_usage_error ("sign-in", _("Give the application (client) ID of Porta’s app registration "
                                              "in your organization with --client-id. Porta’s README says "
                                              "how to register it, in “Signing in to Microsoft 365”."));
  if (tenant != NULL && authority != NULL)
    return portactl_usage_error ("sign-in", _("Give --tenant or --authority, not both."));

  if (!g_uuid_string_is_valid (client_id))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what was given after --client-id */
                   _("“%s” is not a client ID: it looks like 3f2504e0-4f89-41d3-9a0c-0305e82c3301."),
                   client_id);
      return portactl_report_error (error);
    }
  if (tenant != NULL && !tenant_is_valid (tenant))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what was given after --tenant */
                   _("“%s” is not an organization: give a domain such as contoso.com or a tenant ID."),
                   tenant);
      return portactl_report_error (error);
    }

  if (authority == NULL)
    authority = g_strconcat (MICROSOFT_LOGIN_BASE, tenant ? tenant : DEFAULT_ORGANIZATION, NULL);
  if (api_base == NULL)
    api_base = g_strdup (PORTA_DEFAULT_API_BASE);
  if (!check_address ("--authority", authority, &error) || !check_address ("--api", api_base, &error))
    return portactl_report_error (error);

  /* the file the new account joins, so that saving keeps the others */
  if (!portactl_context_load_accounts (ctx, &error))
    return portactl_report_error (error);

  auth = porta_auth_new (authority, client_id, PORTA_SCOPES_READ_WRITE, NULL);
  if (!device_code && display_available ())
    {
      porta_auth_sign_in_browser_async (auth, open_uri_cb, NULL, ctx->cancellable,
                                        portactl_context_call_cb, ctx);
      tokens = porta_auth_sign_in_browser_finish (auth, portactl_context_wait (ctx), &error);
    }
  else
    {
      porta_auth_sign_in_device_async (auth, show_code_cb, NULL, ctx->cancellable,
                                       portactl_context_call_cb, ctx);
      tokens = porta_auth_sign_in_device_finish (auth, portactl_context_wait (ctx), &error);
    }
  if (tokens == NULL)
    return portactl_report_error (error);

  identity = porta_identity_new_from_id_token (tokens->id_token, &error);
  if (identity == NULL)
    return portactl_report_error (error);

  account = porta_account_new (authority, api_base, client_id, PORTA_SCOPES_READ_WRITE);
  porta_account_set_identity (account, identity->name, identity->username, identity->tenant_id);

  ctx->session = porta_session_new (ctx->store, NULL);
  porta_session_add_account_async (ctx->session, account, tokens, ctx->cancellable,
                                   portactl_context_call_cb, ctx);
  if (!porta_session_add_account_finish (ctx->session, portactl_context_wait (ctx), &error))
    return portactl_report_error (error);

  /* signed in for this command all the same: the next one will ask again */
  if (porta_session_get_keyring_problem (ctx->session) != NULL)
    portactl_warning (_("The sign-in could not be kept in the keyring, so the next command will "
                        "ask you to sign in again. %s"),
                      porta_session_get_keyring_problem (ctx->session));

  if (!portactl_context_save_accounts (ctx, &error))
    return portactl_report_error (error);

  label = portactl_dup_account_label (porta_session_get_account (ctx->session));
  if (identity->name != NULL && g_strcmp0 (identity->name, label) != 0)
    /* Translators: a person's name, then their username */
    g_print (_("Signed in as %s (%s).\n"), identity->name, label);
  else
    /* Translators: %s is a username */
    g_print (_("Signed in as %s.\n"), label);
  return PORTACTL_EXIT_OK;
}

/* ---- sign-out ------------------------------------------------------------ */

/**
 * portactl_cmd_sign_out:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl sign-out`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_sign_out (PortactlContext  *ctx,
                       int               argc,
                       char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaAccount) account = NULL;
  g_autofree char *label = NULL;
  PortaAccount *next;
  const char *wanted;
  int status;

  context = portactl_option_context_new ("sign-out", _("[ACCOUNT]"),
                                         _("Signs out of ACCOUNT (an ID or a username from "
                                           "“portactl accounts”), or of the current account: its sign-in "
                                           "leaves the keyring and the account leaves the list, in Porta "
                                           "too."),
                                         NULL);
  if ((status = portactl_parse_options (context, "sign-out", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (argc > 2)
    return portactl_usage_error ("sign-out", _("Give one account at most."));
  if (ctx->sandbox)
    return portactl_usage_error ("sign-out", _("The sandbox’s sign-in ends with each command: there is "
                                               "nothing to sign out of."));

  ctx->session = porta_session_new (ctx->store, NULL);
  porta_session_restore_async (ctx->session, ctx->cancellable, portactl_context_call_cb, ctx);
  if (!porta_session_restore_finish (ctx->session, portactl_context_wait (ctx), &error))
    return portactl_report_error (error);

  wanted = argc > 1 ? argv[1] : ctx->account_id;
  if (wanted != NULL)
    {
      account = portactl_context_find_account (ctx, wanted, &error);
      if (account == NULL)
        return portactl_report_error (error);
    }
  else if (porta_session_get_account (ctx->session) != NULL)
    account = g_object_ref (porta_session_get_account (ctx->session));
  else
    {
      g_set_error_literal (&error, PORTA_ERROR, PORTA_ERROR_NOT_FOUND,
                           _("No account is signed in: there is nothing to sign out of."));
      return portactl_report_error (error);
    }

  label = portactl_dup_account_label (account);
  porta_session_sign_out_async (ctx->session, account, ctx->cancellable, portactl_context_call_cb, ctx);
  if (!porta_session_sign_out_finish (ctx->session, portactl_context_wait (ctx), &error))
    return portactl_report_error (error);

  if (!portactl_context_save_accounts (ctx, &error))
    return portactl_report_error (error);

  /* Translators: %s is a username */
  g_print (_("Signed out of %s.\n"), label);

  next = porta_account_store_get_current (ctx->store);
  if (next != NULL)
    {
      g_autofree char *next_label = portactl_dup_account_label (next);

      /* Translators: %s is a username */
      g_print (_("The current account is now %s.\n"), next_label);
    }

  if (porta_session_get_keyring_problem (ctx->session) != NULL)
    {
      portactl_printerr (_("Its sign-in could not be removed from the keyring, and may still be "
                           "there. %s"),
                         porta_session_get_keyring_problem (ctx->session));
      return PORTACTL_EXIT_KEYRING;
    }
  return PORTACTL_EXIT_OK;
}
