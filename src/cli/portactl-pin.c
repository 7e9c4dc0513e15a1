/* portactl-pin.c — `portactl pin`, `pin set`, `pin reveal`, `pin audit`
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN never comes from the command line: argv is in the shell's
 * history and, while portactl runs, in every user's process list. It is
 * typed at the terminal without echo, or read from stdin, checked
 * against the rules before anything is sent, and wiped from memory.
 * Nothing of it is printed, except by `pin reveal` and by
 * `pin set --generate` (which makes one up and must tell it), on stdout
 * only.
 *
 * Unknown words and options after `pin` are refused without repeating
 * them: one of them may well be a PIN.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "porta-audit-event.h"
#include "porta-csv.h"
#include "porta-error.h"
#include "porta-pin.h"
#include "portactl.h"

/* ---- parsing without repeating what was typed ---------------------------- */

static int
parse_pin_options (GOptionContext   *context,
                   const char       *command,
                   int              *argc,
                   char           ***argv)
{
  int status;

  /* an unknown option could be --pin=…: GOption would quote it */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  if ((status = portactl_parse_options (context, command, argc, argv)) != PORTACTL_EXIT_OK)
    return status;

  if (*argc > 1)
    {
      /* What is left may be a PIN: out of this process's memory too
       * (and so out of /proc/PID/cmdline), and never repeated. */
      for (int i = 1; i < *argc; i++)
        porta_pin_wipe ((*argv)[i], strlen ((*argv)[i]));

      if (g_strcmp0 (command, "pin set") == 0)
        return portactl_usage_error (command,
                                     _("The PIN is not taken from the command line, where it would be "
                                       "kept in your shell’s history and shown to other users in the "
                                       "list of processes. Type it when asked, or give it on the "
                                       "standard input: “portactl pin set < file”."));
      /* Translators: %s is a command such as “pin audit” */
      return portactl_usage_error (command, _("“%s” takes no arguments (what was given is not repeated "
                                              "here, in case it was a PIN)."),
                                   command);
    }
  return PORTACTL_EXIT_OK;
}

/* ---- pin ----------------------------------------------------------------- */

static JsonNode *
pin_status_to_json (PortaPinStatus *pin_status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *modified = portactl_iso8601 (porta_pin_status_get_last_modified_date_time (pin_status));
  const char *name = porta_pin_status_get_last_modified_by_name (pin_status);
  const char *upn = porta_pin_status_get_last_modified_by_upn (pin_status);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "isSet");
  json_builder_add_boolean_value (builder, porta_pin_status_get_is_set (pin_status));
  json_builder_set_member_name (builder, "lastModifiedDateTime");
  if (modified != NULL)
    json_builder_add_string_value (builder, modified);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "lastModifiedBy");
  if (name != NULL || upn != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "displayName");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "userPrincipalName");
      json_builder_add_string_value (builder, upn);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
dup_person (const char *name,
            const char *upn)
{
  if (name != NULL && upn != NULL)
    /* Translators: a person's name, then their username */
    return g_strdup_printf (_("%s (%s)"), name, upn);
  return g_strdup (name ? name : upn);
}

static int
pin_status (PortactlContext  *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(PortaPinStatus) pin_status = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  PortactlFormat format = PORTACTL_FORMAT_TEXT;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("pin", NULL,
                                         _("Shows whether the port-out PIN is set, and who changed it last. "
                                           "Without it, no number can be transferred to another carrier.\n\n"
                                           "Also: “portactl pin set”, “portactl pin reveal”, "
                                           "“portactl pin audit”."),
                                         entries);
  if ((status = parse_pin_options (context, "pin", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (format_name != NULL && !portactl_parse_format (format_name, FALSE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  porta_client_get_pin_status_async (ctx->client, ctx->cancellable, portactl_context_call_cb, ctx);
  pin_status = porta_client_get_pin_status_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (pin_status == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);

  if (format == PORTACTL_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pin_status_to_json (pin_status);
      g_autofree char *text = portactl_json_to_string (node, TRUE);

      g_string_append_printf (out, "%s\n", text);
    }
  else if (porta_pin_status_get_is_set (pin_status))
    {
      g_autofree char *when = portactl_format_date_time (porta_pin_status_get_last_modified_date_time (pin_status));
      g_autofree char *who = dup_person (porta_pin_status_get_last_modified_by_name (pin_status),
                                         porta_pin_status_get_last_modified_by_upn (pin_status));

      g_string_append_printf (out, "%s\n", _("The port-out PIN is set."));
      if (when != NULL && who != NULL)
        /* Translators: a date and time, then a person */
        g_string_append_printf (out, _("Last changed on %s by %s."), when, who);
      else if (when != NULL)
        /* Translators: %s is a date and time */
        g_string_append_printf (out, _("Last changed on %s."), when);
      if (when != NULL)
        g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append_printf (out, "%s\n", _("No port-out PIN is set: without it, no number can be "
                                             "transferred to another carrier."));
      g_string_append_printf (out, "%s\n", _("Set one with “portactl pin set”."));
    }
  portactl_write (out);
  return PORTACTL_EXIT_OK;
}

/* ---- pin set ------------------------------------------------------------- */

static int
refuse_pin (PortaPinCheck check)
{
  portactl_printerr ("%s", porta_pin_check_message (check));
  return PORTACTL_EXIT_REJECTED;
}

/* The PIN as typed twice at the terminal, or as one line of stdin;
 * NULL with the exit status to leave with. */
static char *
read_new_pin (int *status)
{
  g_autoptr(GError) error = NULL;
  char *pin;

  if (!portactl_stdin_is_terminal ())
    {
      pin = portactl_read_stdin_line (1024, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        *status = refuse_pin (PORTA_PIN_TOO_LONG);
      else if (pin == NULL)
        *status = portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
      return pin;
    }

  g_printerr ("%s\n", _("The port-out PIN is 6 to 10 digits. Once set, it can be changed but not removed."));
  pin = portactl_read_secret (_("New port-out PIN: "), &error);
  if (pin == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        *status = refuse_pin (PORTA_PIN_TOO_LONG);
      else
        *status = portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
      return NULL;
    }

  /* a PIN that breaks the rules is refused before asking again */
  if (porta_pin_check (pin) == PORTA_PIN_OK)
    {
      char *again = portactl_read_secret (_("The same PIN again: "), &error);
      gboolean same = again != NULL && strcmp (pin, again) == 0;

      porta_pin_free (again);
      if (!same)
        {
          porta_pin_free (pin);
          if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
            *status = portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
          else
            {
              portactl_printerr ("%s", _("The PINs don’t match."));
              *status = PORTACTL_EXIT_REJECTED;
            }
          return NULL;
        }
    }
  return pin;
}

/* The PIN on stdout, for `pin reveal` and `pin set --generate`: straight
 * to the file descriptor's buffer, and flushed at once */
static void
print_pin (const char *pin)
{
  fputs (pin, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static int
pin_set (PortactlContext  *ctx,
         int               argc,
         char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  PortaPinCheck check;
  char *pin;
  gboolean ok;
  gboolean generate = FALSE;
  int status = PORTACTL_EXIT_OK;
  const GOptionEntry entries[] = {
    { "generate", 0, 0, G_OPTION_ARG_NONE, &generate,
      N_("Make up a strong PIN of 10 random digits, set it, and write it on the standard output"), NULL },
    { NULL }
  };

  context = portactl_option_context_new ("pin set", NULL,
                                         _("Sets or changes the port-out PIN: 6 to 10 digits, which can be "
                                           "changed later but never removed. On a terminal it is asked for "
                                           "twice, without showing it; otherwise it is read from the first "
                                           "line of the standard input. It is never taken from the command "
                                           "line.\n\n"
                                           "With --generate, nothing is read: a PIN that is hard to guess is "
                                           "drawn from the system’s random source, and once the server has "
                                           "accepted it, it is written on the standard output, once, and "
                                           "nothing else is."),
                                         entries);
  if ((status = parse_pin_options (context, "pin set", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  if (generate)
    {
      pin = g_malloc (PORTA_PIN_MAX_LENGTH + 1);
      if (!porta_pin_generate (pin, &error))
        {
          g_free (pin);
          return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
        }
    }
  else if ((pin = read_new_pin (&status)) == NULL)
    return status;

  check = porta_pin_check (pin);
  if (check != PORTA_PIN_OK)
    {
      porta_pin_free (pin);
      return refuse_pin (check);
    }
  if (porta_pin_is_weak (pin))
    portactl_warning ("%s", _("This PIN is easy to guess."));

  porta_client_set_pin_async (ctx->client, pin, ctx->cancellable, portactl_context_call_cb, ctx);
  /* A PIN that was typed is wiped at once (the client keeps no copy); a
   * generated one is kept until the server has accepted it, then written
   * on stdout, the one place it is told, and everything else on stderr:
   * `portactl pin set --generate > file` holds the PIN and nothing more. */
  if (!generate)
    g_clear_pointer (&pin, porta_pin_free);
  ok = porta_client_set_pin_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (!ok)
    {
      porta_pin_free (pin);
      return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
    }

  if (generate)
    {
      g_printerr ("%s\n", _("Port-out PIN saved"));
      print_pin (pin);
      porta_pin_free (pin);
    }
  else
    g_print ("%s\n", _("Port-out PIN saved"));
  return PORTACTL_EXIT_OK;
}

/* ---- pin reveal ---------------------------------------------------------- */

static gboolean
is_yes (const char *answer)
{
  g_autofree char *folded = g_utf8_casefold (answer, -1);
  /* Translators: what a person may type for “yes” at a [y/N] question,
   * besides the English y and yes; separate the answers with | */
  g_auto(GStrv) yeses = g_strsplit (C_("yes answers", "y|yes"), "|", -1);

  if (g_strcmp0 (folded, "y") == 0 || g_strcmp0 (folded, "yes") == 0)
    return TRUE;
  for (guint i = 0; yeses[i] != NULL; i++)
    {
      g_autofree char *yes = g_utf8_casefold (yeses[i], -1);

      if (yes[0] != '\0' && g_strcmp0 (folded, yes) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
pin_reveal (PortactlContext  *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean yes = FALSE;
  char *pin;
  int status;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_("Reveal without asking first (needed when not on a terminal)"), NULL },
    { NULL }
  };

  context = portactl_option_context_new ("pin reveal", NULL,
                                         _("Writes the port-out PIN, and nothing else, on the standard "
                                           "output. Each reveal is recorded in the PIN’s history, with "
                                           "your name. On a terminal it asks first; otherwise give --yes."),
                                         entries);
  if ((status = parse_pin_options (context, "pin reveal", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (!yes && !portactl_stdin_is_terminal ())
    return portactl_usage_error ("pin reveal", _("Add --yes to reveal the PIN when not on a terminal: "
                                                 "each reveal is recorded in the PIN’s history."));

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  if (!yes)
    {
      g_autofree char *answer = NULL;

      answer = portactl_ask (_("Reveal the port-out PIN? The reveal is recorded in its history, "
                               "with your name. [y/N] "),
                             &error);
      if (answer == NULL)
        return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);
      if (!is_yes (answer))
        {
          portactl_printerr ("%s", _("The PIN was not revealed."));
          return PORTACTL_EXIT_USAGE;
        }
    }

  porta_client_reveal_pin_async (ctx->client, ctx->cancellable, portactl_context_call_cb, ctx);
  pin = porta_client_reveal_pin_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (pin == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);

  print_pin (pin);
  porta_pin_free (pin);
  return PORTACTL_EXIT_OK;
}

/* ---- pin audit ----------------------------------------------------------- */

static JsonNode *
event_to_json (PortaAuditEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *when = portactl_iso8601 (porta_audit_event_get_date_time (event));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, porta_audit_event_get_id (event));
  json_builder_set_member_name (builder, "activity");
  json_builder_add_string_value (builder, porta_audit_event_kind_to_string (porta_audit_event_get_kind (event)));
  json_builder_set_member_name (builder, "dateTime");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "user");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, porta_audit_event_get_user_name (event));
  json_builder_set_member_name (builder, "userPrincipalName");
  json_builder_add_string_value (builder, porta_audit_event_get_user_upn (event));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
pin_audit (PortactlContext  *ctx,
           int               argc,
           char            **argv)
{
  static const char * const csv_columns[] = {
    "id", "activity", "dateTime", "userDisplayName", "userPrincipalName",
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  PortactlFormat format = PORTACTL_FORMAT_TABLE;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("table (the default), csv, json or ndjson"), N_("FORMAT") },
    { NULL }
  };

  context = portactl_option_context_new ("pin audit", NULL,
                                         _("Shows who set, changed or revealed the port-out PIN, and when, "
                                           "newest first. The history never holds the PIN itself."),
                                         entries);
  if ((status = parse_pin_options (context, "pin audit", &argc, &argv)) != PORTACTL_EXIT_OK)
    return status;
  if (format_name != NULL && !portactl_parse_format (format_name, TRUE, &format, &error))
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);

  if ((status = portactl_context_connect (ctx)) != PORTACTL_EXIT_OK)
    return status;

  porta_client_list_pin_audit_events_async (ctx->client, ctx->cancellable, portactl_context_call_cb, ctx);
  events = porta_client_list_pin_audit_events_finish (ctx->client, portactl_context_wait (ctx), &error);
  if (events == NULL)
    return portactl_report_feature_error (error, PORTA_FEATURE_PORT_OUT_PIN);

  switch (format)
    {
    case PORTACTL_FORMAT_TABLE:
      {
        g_autoptr(PortactlTable) table = portactl_table_new (portactl_terminal_width ());

        if (events->len == 0)
          {
            g_printerr ("%s\n", _("The PIN’s history is empty: it was never set."));
            break;
          }
        /* Translators: column headings of `portactl pin audit` */
        portactl_table_add_column (table, C_("column", "When"), 10, FALSE);
        portactl_table_add_column (table, C_("column", "What"), 6, TRUE);
        portactl_table_add_column (table, C_("column", "Who"), 8, TRUE);
        portactl_table_add_column (table, C_("column", "Username"), 8, TRUE);
        for (guint i = 0; i < events->len; i++)
          {
            PortaAuditEvent *event = g_ptr_array_index (events, i);
            g_autofree char *when = portactl_format_date_time (porta_audit_event_get_date_time (event));
            const char *cells[] = {
              when,
              porta_audit_event_kind_get_label (porta_audit_event_get_kind (event)),
              porta_audit_event_get_user_name (event),
              porta_audit_event_get_user_upn (event),
            };

            portactl_table_add_row (table, cells);
          }
        portactl_table_append_all (table, out);
      }
      break;

    case PORTACTL_FORMAT_CSV:
      porta_csv_append_row (out, csv_columns, G_N_ELEMENTS (csv_columns));
      for (guint i = 0; i < events->len; i++)
        {
          PortaAuditEvent *event = g_ptr_array_index (events, i);
          g_autofree char *when = portactl_iso8601 (porta_audit_event_get_date_time (event));
          const char *fields[] = {
            porta_audit_event_get_id (event),
            porta_audit_event_kind_to_string (porta_audit_event_get_kind (event)),
            when,
            porta_audit_event_get_user_name (event),
            porta_audit_event_get_user_upn (event),
          };

          porta_csv_append_row (out, fields, G_N_ELEMENTS (fields));
        }
      break;

    case PORTACTL_FORMAT_JSON:
    case PORTACTL_FORMAT_NDJSON:
      portactl_append_json_list (out, format, events, (PortactlToJsonFunc) event_to_json);
      break;

    case PORTACTL_FORMAT_TEXT:
    default:
      g_assert_not_reached ();
    }

  portactl_write (out);
  return PORTACTL_EXIT_OK;
}

/* ---- dispatch ------------------------------------------------------------ */

/**
 * portactl_cmd_pin:
 * @argv: (array length=argc): the command's words, its name first
 *
 * Runs `portactl pin`.
 *
 * Returns: the exit status
 */
int
portactl_cmd_pin (PortactlContext  *ctx,
                  int               argc,
                  char            **argv)
{
  static const struct { const char *name; PortactlCommandFunc run; } subcommands[] = {
    { "set", pin_set },
    { "reveal", pin_reveal },
    { "audit", pin_audit },
  };

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--account") == 0 || g_strcmp0 (argv[i], "--format") == 0)
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (subcommands); j++)
        {
          if (g_strcmp0 (argv[i], subcommands[j].name) == 0)
            {
              memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
              argc--;
              return subcommands[j].run (ctx, argc, argv);
            }
        }
      /* not repeated: it may be a PIN typed in the wrong place */
      for (int k = i; k < argc; k++)
        porta_pin_wipe (argv[k], strlen (argv[k]));
      return portactl_usage_error ("pin", _("That is not a pin command: use “pin”, “pin set”, "
                                            "“pin reveal” or “pin audit”."));
    }
  return pin_status (ctx, argc, argv);
}
