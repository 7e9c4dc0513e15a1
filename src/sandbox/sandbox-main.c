/* sandbox-main.c — porta-sandbox: the admin API on 127.0.0.1
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first line on stdout is the base URL; then one line per request on
 * stderr. SIGINT and SIGTERM save the state and exit 0.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sandbox-auth.h"
#include "sandbox-numbers.h"
#include "sandbox-auth.h"
#include "sandbox-server.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
parse_uint (const char  *name,
            const char  *text,
            guint64      min,
            guint64      max,
            guint64     *out,
            GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT,
                   name, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandboxServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *port = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *token_lifetime = NULL;
  g_autofree char *device_lifetime = NULL;
  g_autofree char *device_interval = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *faults = NULL;
  g_autofree char *withhold = NULL;
  double order_speed = 1.0;
  gboolean auto_approve = FALSE;
  gboolean graph_like = FALSE;
  gboolean version = FALSE;
  SandboxOptions options = { 0, };
  guint64 value = 0;
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_STRING, &port, "Port on 127.0.0.1 (0: any free port)", "N" },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
      "Where the state file lives (default: a new temporary directory)", "DIR" },
    { "numbers", 0, 0, G_OPTION_ARG_STRING, &numbers, "How many phone numbers (default 2000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Seed of the demo data and the faults (default 1)", "S" },
    { "auto-approve", 0, 0, G_OPTION_ARG_NONE, &auto_approve,
      "Approve every sign-in without showing a page", NULL },
    { "token-lifetime", 0, 0, G_OPTION_ARG_STRING, &token_lifetime,
      "Access token lifetime (default 3600)", "SECONDS" },
    { "device-code-lifetime", 0, 0, G_OPTION_ARG_STRING, &device_lifetime,
      "Device code lifetime (default 900)", "SECONDS" },
    { "device-interval", 0, 0, G_OPTION_ARG_STRING, &device_interval,
      "Device flow polling interval (default 5)", "SECONDS" },
    { "faults", 0, 0, G_OPTION_ARG_STRING, &faults,
      "Injected faults, e.g. throttle=0.1,unavailable=0.05,latency=200,reset=0.02,truncate=0.02,malformed=0.02",
      "SPEC" },
    { "order-speed", 0, 0, G_OPTION_ARG_DOUBLE, &order_speed,
      "How much faster port orders move than real time (default 1)", "FACTOR" },
    { "graph-like", 0, 0, G_OPTION_ARG_NONE, &graph_like,
      "Answer portOutPin, portOrders and portaCapabilities as Microsoft Graph does: 400, not offered", NULL },
    { "withhold-scope", 0, 0, G_OPTION_ARG_STRING, &withhold,
      "Never grant this permission, as a tenant whose admin did not consent to it "
      "(only TeamsUserConfiguration.Read.All)", "SCOPE" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— the Porta admin API, served on 127.0.0.1");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto usage;
  if (version)
    {
      g_print ("porta-sandbox %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  options.n_numbers = 2000;
  options.seed = 1;
  options.token_lifetime = 3600;
  options.device_code_lifetime = 900;
  options.device_interval = 5;
  if (port != NULL)
    {
      if (!parse_uint ("--port", port, 0, 65535, &value, &error))
        goto usage;
      options.port = (guint) value;
    }
  if (numbers != NULL)
    {
      if (!parse_uint ("--numbers", numbers, 0, SANDBOX_NUMBERS_MAX, &value, &error))
        goto usage;
      options.n_numbers = (guint) value;
    }
  if (seed != NULL && !parse_uint ("--seed", seed, 0, G_MAXINT64, &options.seed, &error))
    goto usage;
  if (token_lifetime != NULL)
    {
      if (!parse_uint ("--token-lifetime", token_lifetime, 1, 7 * 24 * 3600, &value, &error))
        goto usage;
      options.token_lifetime = (guint) value;
    }
  if (device_lifetime != NULL)
    {
      if (!parse_uint ("--device-code-lifetime", device_lifetime, 1, 24 * 3600, &value, &error))
        goto usage;
      options.device_code_lifetime = (guint) value;
    }
  if (device_interval != NULL)
    {
      if (!parse_uint ("--device-interval", device_interval, 0, 60, &value, &error))
        goto usage;
      options.device_interval = (guint) value;
    }
  if (!(order_speed > 0 && order_speed <= 1e9))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--order-speed must be more than 0 and at most 1e9");
      goto usage;
    }
  if (withhold != NULL)
    {
      if (g_ascii_strcasecmp (withhold, "TeamsUserConfiguration.Read.All") != 0)
        {
          g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               "--withhold-scope only knows TeamsUserConfiguration.Read.All");
          goto usage;
        }
      options.withheld_scopes = SANDBOX_SCOPE_PEOPLE;
    }
  options.order_speed = order_speed;
  options.auto_approve = auto_approve;
  options.graph_like = graph_like;
  options.state_dir = state_dir;
  options.faults = faults;

  server = sandbox_server_new (&options, &error);
  if (server == NULL || !sandbox_server_listen (server, &error))
    {
      g_printerr ("porta-sandbox: %s\n", error->message);
      /* a bad --faults spec is found there, and is still a usage error */
      return error->domain == G_OPTION_ERROR ? 2 : EXIT_FAILURE;
    }

  /* the one line a parent process waits for */
  g_print ("%s\n", server->base_url);
  fflush (stdout);
  g_printerr ("porta-sandbox %s: %u numbers, seed %" G_GUINT64_FORMAT ", state in %s, authority %s%s%s\n",
              PACKAGE_VERSION, options.n_numbers, server->seed, server->state_path,
              server->base_url, SANDBOX_AUTHORITY_PATH,
              graph_like ? ", like Microsoft Graph: no port-out PIN, no port orders" : "");

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  if (!sandbox_server_save (server, &error))
    {
      g_printerr ("porta-sandbox: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_printerr ("porta-sandbox: state saved, stopping\n");
  return EXIT_SUCCESS;

usage:
  g_printerr ("porta-sandbox: %s\n", error->message);
  return 2;
}
