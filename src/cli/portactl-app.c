/* portactl-app.c — the command line: global options and the commands
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `portactl [--account ID | --sandbox] COMMAND [OPTION…] [ARGUMENT…]`.
 * The global options are parsed up to the command (strict POSIX), then
 * again with the command's own, so that they work on either side of it.
 * Every command has a GOptionContext of its own, hence its own --help.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

#include "porta-error.h"
#include "portactl.h"

typedef struct
{
  const char          *synopsis;
  const char          *description;
} Synopsis;

typedef struct
{
  const char          *name;
  PortactlCommandFunc  run;
} Command;

static const Command commands[] = {
  { "accounts", portactl_cmd_accounts },
  { "sign-in", portactl_cmd_sign_in },
  { "sign-out", portactl_cmd_sign_out },
  { "numbers", portactl_cmd_numbers },
  { "orders", portactl_cmd_orders },
  { "order", portactl_cmd_order },
  { "pin", portactl_cmd_pin },
};

/* The synopses stay in English: they are what is typed */
static const Synopsis synopses[] = {
  { "accounts [--json]", N_("List the accounts signed in to, and which one is current") },
  { "sign-in [OPTION…]", N_("Sign in to Microsoft 365 (a browser, or a code on another device)") },
  { "sign-out [ACCOUNT]", N_("Sign out, and forget the account and its sign-in") },
  { "numbers [OPTION…]", N_("List the organization’s phone numbers") },
  { "orders [OPTION…]", N_("List the port orders") },
  { "order ID", N_("Show a port order") },
  { "order cancel ID", N_("Cancel a port order") },
  { "order set-foc ID DATE", N_("Ask for another transfer (FOC) date") },
  { "pin", N_("Show whether the port-out PIN is set, and who changed it") },
  { "pin set", N_("Set or change the port-out PIN") },
  { "pin reveal", N_("Show the port-out PIN") },
  { "pin audit", N_("Show who set, changed or revealed the PIN") },
};

/* the run's context, where the global options land */
static PortactlContext *run_ctx;

static void
add_global_entries (GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &run_ctx->account_id,
      N_("Use this account (its ID or username) instead of the current one"), N_("ID") },
    { "sandbox", 0, 0, G_OPTION_ARG_NONE, &run_ctx->sandbox,
      N_("Use Porta’s private sandbox and its demo data, as “porta --sandbox” does"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/**
 * portactl_option_context_new:
 * @command: the command, such as `numbers` or `order cancel`
 * @parameter: (nullable): its arguments, such as `ID`
 * @summary: (nullable): what it does, translated
 * @entries: (nullable): its options
 *
 * Returns: (transfer full): a context whose --help says
 *   `portactl COMMAND [OPTION…] PARAMETER`, with the global options
 */
GOptionContext *
portactl_option_context_new (const char         *command,
                             const char         *parameter,
                             const char         *summary,
                             const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("portactl %s", command);
  GOptionContext *context;

  /* GOption writes the program name into --help's usage line */
  g_set_prgname (prgname);
  context = g_option_context_new (parameter);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context);
  return context;
}

/**
 * portactl_usage_error:
 * @command: (nullable): the command, for the hint to its --help
 *
 * Says what is wrong with the command line.
 *
 * Returns: %PORTACTL_EXIT_USAGE
 */
int
portactl_usage_error (const char *command,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = command != NULL ? g_strdup_printf ("portactl %s --help", command) : g_strdup ("portactl --help");
  portactl_printerr ("%s", message);
  /* Translators: %s is a command to run, such as “portactl numbers --help” */
  g_printerr (_("Try “%s” for help."), help);
  g_printerr ("\n");
  return PORTACTL_EXIT_USAGE;
}

/**
 * portactl_parse_options:
 *
 * Parses a command's options; on error, says so with a hint to --help.
 *
 * Returns: %PORTACTL_EXIT_OK, or the exit status to leave with
 */
int
portactl_parse_options (GOptionContext   *context,
                        const char       *command,
                        int              *argc,
                        char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return portactl_usage_error (command, "%s", error->message);
  return PORTACTL_EXIT_OK;
}

static char *
dup_summary (void)
{
  GString *summary = g_string_new (_("Porta on the command line: the port-out PIN, phone numbers and "
                                     "port orders of a Microsoft Teams Phone organization."));
  gsize width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (synopses); i++)
    width = MAX (width, portactl_display_width (synopses[i].synopsis));

  g_string_append (summary, "\n\n");
  g_string_append (summary, _("Commands:"));
  g_string_append_c (summary, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (synopses); i++)
    {
      g_string_append (summary, "  ");
      portactl_append_cell (summary, synopses[i].synopsis, width, FALSE);
      g_string_append_printf (summary, "  %s\n", _(synopses[i].description));
    }
  g_string_truncate (summary, summary->len - 1);
  return g_string_free (summary, FALSE);
}

static char *
dup_description (void)
{
  const struct { int status; const char *meaning; } statuses[] = {
    { PORTACTL_EXIT_OK, N_("done") },
    { PORTACTL_EXIT_USAGE, N_("usage: an unknown command or option, a missing argument (or another failure)") },
    { PORTACTL_EXIT_SIGN_IN, N_("sign-in needed or refused: not signed in, expired, declined, not allowed") },
    { PORTACTL_EXIT_NOT_FOUND, N_("not found: no such order or account, no PIN to reveal") },
    { PORTACTL_EXIT_REJECTED, N_("rejected input: a bad PIN, an order that cannot change so, a bad value") },
    { PORTACTL_EXIT_NETWORK, N_("network or server: unreachable, too slow, busy, or failed") },
    { PORTACTL_EXIT_KEYRING, N_("keyring: missing or locked, so the sign-in could not be read or kept") },
    { PORTACTL_EXIT_NOT_OFFERED, N_("not offered: the server has no API for this (Microsoft 365 has no port-out PIN or port orders API); use the Teams admin center") },
  };
  GString *description = g_string_new (_("Exit status:"));

  g_string_append_c (description, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_string_append_printf (description, "  %d  %s\n", statuses[i].status, _(statuses[i].meaning));
  g_string_append_c (description, '\n');
  g_string_append (description, _("Every command has its own --help, such as “portactl numbers --help”. "
                                  "With PORTA_DEBUG=http, the HTTP exchanges go to stderr, "
                                  "secrets left out."));
  return g_string_free (description, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  int           signum;
} Interrupt;

/* Ctrl+C (or SIGTERM, SIGHUP) cancels the command, which then winds
 * down as on any error: a refresh token rotated during it is still kept,
 * the sandbox still saves. A second one ends portactl at once. */
static int received_signal;

static gboolean
interrupted_cb (gpointer user_data)
{
  Interrupt *interrupt = user_data;

  received_signal = interrupt->signum;
  if (g_cancellable_is_cancelled (interrupt->cancellable))
    {
      signal (interrupt->signum, SIG_DFL);
      raise (interrupt->signum);
    }
  g_cancellable_cancel (interrupt->cancellable);
  return G_SOURCE_CONTINUE;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/**
 * portactl_run:
 *
 * Runs portactl: parses the command line, runs the command, and before
 * returning keeps a rotated sign-in in the keyring and stops the sandbox.
 *
 * Returns: the exit status
 */
int
portactl_run (int    argc,
              char **argv)
{
  PortactlContext ctx;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const Command *command;
  gboolean version = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  Interrupt interrupts[] = { { NULL, SIGINT }, { NULL, SIGTERM }, { NULL, SIGHUP } };
  guint interrupt_ids[G_N_ELEMENTS (interrupts)] = { 0, };

  portactl_context_init (&ctx);
  run_ctx = &ctx;

  /* a reader gone from stdout is seen as a failed write, so that
   * portactl stops cleanly (see portactl_write); it still ends as a
   * process killed by SIGPIPE would, below */
  signal (SIGPIPE, SIG_IGN);
  for (guint i = 0; i < G_N_ELEMENTS (interrupts); i++)
    {
      interrupts[i].cancellable = ctx.cancellable;
      interrupt_ids[i] = g_unix_signal_add (interrupts[i].signum, interrupted_cb, &interrupts[i]);
    }

  g_set_prgname ("portactl");
  /* Translators: the arguments in “portactl [OPTION…] COMMAND [ARGUMENT…]” */
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  /* stop at the command: what follows is the command's */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context);
  summary = dup_summary ();
  description = dup_description ();
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = portactl_usage_error (NULL, "%s", error->message);
      goto out;
    }

  if (version)
    {
      g_print ("portactl %s\n", PACKAGE_VERSION);
      status = PORTACTL_EXIT_OK;
      goto out;
    }

  if (argc < 2)
    {
      status = portactl_usage_error (NULL, "%s", _("Which command? “portactl --help” lists them."));
      goto out;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      /* Translators: %s is what was typed as a command */
      status = portactl_usage_error (NULL, _("“%s” is not a portactl command."), argv[1]);
      goto out;
    }

  status = command->run (&ctx, argc - 1, argv + 1);

  /* the command's outcome stands; a sign-in that could not be kept
   * is told, for the next run will need a new one */
  if (!portactl_context_finish (&ctx, &error))
    {
      portactl_warning (_("The renewed sign-in could not be kept in the keyring, so the next "
                          "command may ask you to sign in again. %s"),
                        error->message);
      if (status == PORTACTL_EXIT_OK)
        status = PORTACTL_EXIT_KEYRING;
    }

out:
  portactl_context_clear (&ctx);
  run_ctx = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (interrupts); i++)
    g_clear_handle_id (&interrupt_ids[i], g_source_remove);

  if (portactl_output_closed ())
    {
      signal (SIGPIPE, SIG_DFL);
      raise (SIGPIPE);
    }
  if (received_signal != 0)
    {
      /* as a shell expects of a program that Ctrl+C (or kill) stopped */
      signal (received_signal, SIG_DFL);
      raise (received_signal);
    }
  return status;
}
