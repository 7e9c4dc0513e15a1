/* portactl-tty.c — the terminal: its width, and reading what is typed
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Secrets are read with read(2), a byte at a time, into one buffer that
 * is wiped: stdio would keep its own copy of the line in a buffer that
 * nothing wipes. Echo is switched off with termios, and switched back on
 * by a signal handler too, so that Ctrl+C at the prompt does not leave
 * the terminal mute.
 */
#define G_LOG_DOMAIN "portactl"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "porta-error.h"
#include "porta-pin.h"
#include "portactl.h"

/* Longer input than this is read to its end and reported as too long;
 * far more than any PIN or answer. */
#define LINE_MAX_BYTES 1024

/**
 * portactl_terminal_width:
 *
 * Returns: the width of the terminal stdout goes to; when stdout is not a
 *   terminal, `COLUMNS` if set, otherwise 0: no limit, so that output to a
 *   file or a pipe is never cut
 */
gsize
portactl_terminal_width (void)
{
  const char *columns;
  guint64 value = 0;

  if (isatty (STDOUT_FILENO))
    {
      struct winsize size = { 0, };

      if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
      return 80;
    }

  columns = g_getenv ("COLUMNS");
  if (columns != NULL && g_ascii_string_to_unsigned (columns, 10, 20, 10000, &value, NULL))
    return (gsize) value;
  return 0;
}

/**
 * portactl_stdin_is_terminal:
 *
 * Returns: whether stdin is a terminal, where a person types
 */
gboolean
portactl_stdin_is_terminal (void)
{
  return isatty (STDIN_FILENO);
}

/* ---- echo off, and back on whatever happens ----------------------------- */

static struct termios saved_termios;
static volatile sig_atomic_t echo_is_off;

static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
static struct sigaction saved_actions[G_N_ELEMENTS (restore_signals)];

static void
restore_echo (void)
{
  if (echo_is_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
      echo_is_off = 0;
    }
}

/* While portactl waits for what is typed, Ctrl+C ends it at once: the
 * handler GLib has for it (portactl_run's, which cancels and lets the
 * command wind down) restarts the read, which would go on waiting.
 * Async-signal-safe only: tcsetattr, write, signal, raise. */
static void
die_handler (int signum)
{
  restore_echo ();
  (void) !write (STDERR_FILENO, "\n", 1);
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
catch_signals (void)
{
  struct sigaction action;

  memset (&action, 0, sizeof action);
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    {
      /* Ctrl+Z would stop portactl with the echo off, or back on
       * while the PIN is still being typed: not at a prompt */
      action.sa_handler = restore_signals[i] == SIGTSTP ? SIG_IGN : die_handler;
      sigaction (restore_signals[i], &action, &saved_actions[i]);
    }
}

static void
release_signals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    sigaction (restore_signals[i], &saved_actions[i], NULL);
}

static gboolean
echo_off (GError **error)
{
  struct termios quiet;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is the system's reason */
                   _("Could not read the terminal’s settings: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  catch_signals ();
  quiet = saved_termios;
  quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL);
  echo_is_off = 1;
  if (tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
    {
      int saved_errno = errno;

      echo_is_off = 0;
      release_signals ();
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not switch off the terminal’s echo: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
echo_on (void)
{
  restore_echo ();
  release_signals ();
}

/* ---- reading a line ------------------------------------------------------ */

/* Reads up to and including the first '\n', or to the end of input;
 * returns the line without its "\n" or "\r\n". *too_long is set when it
 * held more than @max_length bytes: the rest was read and dropped. At
 * the end of input with nothing read, returns NULL without an error. */
static char *
read_line (int       fd,
           gsize     max_length,
           gboolean *too_long,
           GError  **error)
{
  char buffer[LINE_MAX_BYTES + 1];
  gsize length = 0;
  gboolean got_any = FALSE;
  gboolean newline = FALSE;
  char *line;

  g_assert (max_length <= LINE_MAX_BYTES);
  *too_long = FALSE;

  for (;;)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          porta_pin_wipe (buffer, sizeof buffer);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is the system's reason */
                       _("Could not read the standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      got_any = TRUE;
      if (c == '\n')
        {
          newline = TRUE;
          break;
        }
      if (length < max_length)
        buffer[length++] = c;
      else
        *too_long = TRUE;
      c = 0;
    }

  if (!got_any)
    return NULL;

  /* one "\r\n" ends a line as "\n" does; a "\r" alone is part of it */
  if (newline && length > 0 && buffer[length - 1] == '\r' && !*too_long)
    length--;

  line = g_malloc (length + 1);
  memcpy (line, buffer, length);
  line[length] = '\0';
  porta_pin_wipe (buffer, sizeof buffer);
  return line;
}

/* One line from stdin, as the callers that want a whole line take it:
 * the end of input is an empty line, and a line longer than @max_length
 * fails with %G_IO_ERROR_MESSAGE_TOO_LARGE. Freed with porta_pin_free(). */
static char *
read_whole_line (gsize    max_length,
                 GError **error)
{
  gboolean too_long = FALSE;
  GError *read_error = NULL;
  char *line;

  line = read_line (STDIN_FILENO, max_length, &too_long, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }
  if (line == NULL)
    return g_strdup ("");
  if (too_long)
    {
      porta_pin_free (line);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "too long");
      return NULL;
    }
  return line;
}

/**
 * portactl_read_secret:
 * @prompt: what to ask, on stderr
 *
 * Reads one line from the terminal on stdin without showing it.
 *
 * Returns: (transfer full): the line, to be freed with porta_pin_free(),
 *   or %NULL with @error set (%G_IO_ERROR_MESSAGE_TOO_LARGE when longer
 *   than 1,024 bytes)
 */
char *
portactl_read_secret (const char  *prompt,
                      GError     **error)
{
  char *line;

  /* echo off first: nothing typed after the prompt shows */
  if (!echo_off (error))
    return NULL;
  g_printerr ("%s", prompt);
  line = read_whole_line (LINE_MAX_BYTES, error);
  echo_on ();
  /* the Enter that was not echoed */
  g_printerr ("\n");
  return line;
}

/**
 * portactl_read_stdin_line:
 * @max_length: bytes kept at most; longer lines fail
 *
 * Reads one line from stdin, without its "\n" or "\r\n"; the end of the
 * input ends a line too. An empty input is an empty line.
 *
 * Returns: (transfer full): the line, to be freed with porta_pin_free(),
 *   or %NULL with @error set (%G_IO_ERROR_MESSAGE_TOO_LARGE when too long)
 */
char *
portactl_read_stdin_line (gsize    max_length,
                          GError **error)
{
  return read_whole_line (MIN (max_length, LINE_MAX_BYTES), error);
}

/**
 * portactl_ask:
 * @prompt: the question, on stderr
 *
 * Reads one line typed at the terminal, shown as it is typed.
 *
 * Returns: (transfer full): the answer, stripped, or %NULL with @error set
 */
char *
portactl_ask (const char  *prompt,
              GError     **error)
{
  gboolean too_long = FALSE;
  g_autofree char *line = NULL;

  g_printerr ("%s", prompt);
  catch_signals ();
  line = read_line (STDIN_FILENO, 256, &too_long, error);
  release_signals ();
  if (line == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      /* Ctrl+D: no answer */
      g_printerr ("\n");
      return g_strdup ("");
    }
  return g_strdup (g_strstrip (line));
}
