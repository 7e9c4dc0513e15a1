/* portactl.h — what the portactl commands share
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porta-account-store.h"
#include "porta-enums.h"
#include "porta-client.h"
#include "porta-session.h"

G_BEGIN_DECLS

/**
 * PortactlExit:
 * @PORTACTL_EXIT_OK: done
 * @PORTACTL_EXIT_USAGE: an unknown command or option, a missing argument,
 *   or a failure no other status describes
 * @PORTACTL_EXIT_SIGN_IN: not signed in, the sign-in expired, or it was
 *   refused
 * @PORTACTL_EXIT_NOT_FOUND: no such order, account, or no PIN to reveal
 * @PORTACTL_EXIT_REJECTED: a bad PIN, an order that cannot change that
 *   way, a value the server or portactl itself refused
 * @PORTACTL_EXIT_NETWORK: the server could not be reached or failed
 * @PORTACTL_EXIT_KEYRING: the keyring is missing or locked
 * @PORTACTL_EXIT_NOT_OFFERED: the account's server offers no API for
 *   this (Microsoft Graph has no port-out PIN and no port orders): it is
 *   done in the Teams admin center
 *
 * The exit statuses, documented in `portactl --help` and the README:
 * scripts rely on them, so they never change meaning.
 */
typedef enum
{
  PORTACTL_EXIT_OK = 0,
  PORTACTL_EXIT_USAGE = 1,
  PORTACTL_EXIT_SIGN_IN = 2,
  PORTACTL_EXIT_NOT_FOUND = 3,
  PORTACTL_EXIT_REJECTED = 4,
  PORTACTL_EXIT_NETWORK = 5,
  PORTACTL_EXIT_KEYRING = 6,
  PORTACTL_EXIT_NOT_OFFERED = 7,
} PortactlExit;

/* killed by SIGINT, as a shell reports it */
#define PORTACTL_EXIT_INTERRUPTED 130

/**
 * PortactlFormat:
 *
 * How a list is written: aligned for a person, or for a program.
 */
typedef enum
{
  PORTACTL_FORMAT_TABLE,
  PORTACTL_FORMAT_CSV,
  PORTACTL_FORMAT_JSON,
  PORTACTL_FORMAT_NDJSON,
  PORTACTL_FORMAT_TEXT,
} PortactlFormat;

/**
 * PortactlContext:
 * @account_id: (nullable): `--account`, an account's id or username
 * @sandbox: `--sandbox`
 * @store: the accounts file shared with the desktop app
 * @session: what libporta knows of who is signed in
 *
 * One run of portactl.
 */
typedef struct
{
  char              *account_id;
  gboolean           sandbox;

  PortaAccountStore *store;
  PortaSession      *session;
  GCancellable      *cancellable;

  PortaClient       *client;              /* the session's, once connected */
  gulong             tokens_changed_id;
  gboolean           tokens_changed;

  GAsyncResult      *answer;              /* of the call waited for, once it came */
  GAsyncResult      *result;              /* the last answer, kept until the next */
} PortactlContext;

typedef int (*PortactlCommandFunc) (PortactlContext  *ctx,
                                    int               argc,
                                    char            **argv);

/* portactl-app.c */
int             portactl_run                    (int                  argc,
                                                 char               **argv);
GOptionContext *portactl_option_context_new     (const char          *command,
                                                 const char          *parameter,
                                                 const char          *summary,
                                                 const GOptionEntry  *entries);
int             portactl_parse_options          (GOptionContext      *context,
                                                 const char          *command,
                                                 int                 *argc,
                                                 char              ***argv);
int             portactl_usage_error            (const char          *command,
                                                 const char          *format,
                                                 ...) G_GNUC_PRINTF (2, 3);

/* portactl-context.c */
void            portactl_context_init           (PortactlContext     *ctx);
void            portactl_context_clear          (PortactlContext     *ctx);
gboolean        portactl_context_load_accounts  (PortactlContext     *ctx,
                                                 GError             **error);
PortaAccount   *portactl_context_find_account   (PortactlContext     *ctx,
                                                 const char          *id_or_username,
                                                 GError             **error);
int             portactl_context_connect        (PortactlContext     *ctx);
gboolean        portactl_context_save_accounts  (PortactlContext     *ctx,
                                                 GError             **error);
gboolean        portactl_context_finish         (PortactlContext     *ctx,
                                                 GError             **error);
char           *portactl_dup_account_label      (PortaAccount        *account);

void            portactl_context_call_cb        (GObject             *source,
                                                 GAsyncResult        *result,
                                                 gpointer             user_data);
GAsyncResult   *portactl_context_wait           (PortactlContext     *ctx);

int             portactl_exit_status_for_error  (const GError        *error);
int             portactl_report_error           (const GError        *error);
int             portactl_report_feature_error   (const GError        *error,
                                                 PortaFeature         feature);
void            portactl_printerr               (const char          *format,
                                                 ...) G_GNUC_PRINTF (1, 2);
void            portactl_warning                (const char          *format,
                                                 ...) G_GNUC_PRINTF (1, 2);

/* portactl-output.c */
gboolean        portactl_parse_format           (const char          *text,
                                                 gboolean             lists,
                                                 PortactlFormat      *format,
                                                 GError             **error);
gsize           portactl_display_width          (const char          *text);
void            portactl_append_cell            (GString             *out,
                                                 const char          *text,
                                                 gsize                width,
                                                 gboolean             last);
char           *portactl_format_date_time       (GDateTime           *date_time);
char           *portactl_iso8601                (GDateTime           *date_time);
gboolean        portactl_write                  (GString             *text);
gboolean        portactl_output_closed          (void);
char           *portactl_json_to_string         (JsonNode            *node,
                                                 gboolean             pretty);
typedef JsonNode *(*PortactlToJsonFunc)         (gpointer             item);
void            portactl_append_json_list       (GString             *out,
                                                 PortactlFormat       format,
                                                 GPtrArray           *items,
                                                 PortactlToJsonFunc   to_json);

typedef struct _PortactlTable PortactlTable;

PortactlTable  *portactl_table_new              (gsize                max_width);
void            portactl_table_free             (PortactlTable       *table);
void            portactl_table_add_column       (PortactlTable       *table,
                                                 const char          *title,
                                                 gsize                min_width,
                                                 gboolean             flexible);
void            portactl_table_fit_cell         (PortactlTable       *table,
                                                 guint                column,
                                                 const char          *text);
void            portactl_table_add_row          (PortactlTable       *table,
                                                 const char * const  *cells);
void            portactl_table_layout           (PortactlTable       *table);
void            portactl_table_append_header    (PortactlTable       *table,
                                                 GString             *out);
void            portactl_table_append_row       (PortactlTable       *table,
                                                 const char * const  *cells,
                                                 GString             *out);
void            portactl_table_append_all       (PortactlTable       *table,
                                                 GString             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortactlTable, portactl_table_free)

/* portactl-tty.c */
gsize           portactl_terminal_width         (void);
gboolean        portactl_stdin_is_terminal      (void);
char           *portactl_read_secret            (const char          *prompt,
                                                 GError             **error);
char           *portactl_read_stdin_line        (gsize                max_length,
                                                 GError             **error);
char           *portactl_ask                    (const char          *prompt,
                                                 GError             **error);

/* the commands: portactl-accounts.c, portactl-numbers.c,
 * portactl-orders.c, portactl-pin.c */
int             portactl_cmd_accounts           (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_sign_in            (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_sign_out           (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_numbers            (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_orders             (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_order              (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);
int             portactl_cmd_pin                (PortactlContext     *ctx,
                                                 int                  argc,
                                                 char               **argv);

G_END_DECLS
