/* porta-sandbox-launcher.c — a private porta-sandbox for `--sandbox`
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `porta --sandbox` and `portactl --sandbox` run their own porta-sandbox
 * on a free loopback port, with its state kept in
 * $XDG_DATA_HOME/porta/sandbox/ between runs, and sign in to it with
 * the ordinary PKCE flow: the sandbox runs with --auto-approve, and the
 * "browser" is a plain HTTP request that follows its redirect.
 */
#define G_LOG_DOMAIN "porta-sandbox-launcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "porta-error.h"
#include "porta-http.h"
#include "porta-sandbox-launcher.h"

#define START_TIMEOUT_S 15

struct _PortaSandboxLauncher
{
  GObject      parent_instance;

  char        *state_dir;
  GStrv        extra_args;
  GSubprocess *process;
  char        *base_url;
  SoupSession *browser;
};

G_DEFINE_FINAL_TYPE (PortaSandboxLauncher, porta_sandbox_launcher, G_TYPE_OBJECT)

/**
 * porta_sandbox_launcher_default_state_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/porta/sandbox`
 */
char *
porta_sandbox_launcher_default_state_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "porta", "sandbox", NULL);
}

/**
 * porta_sandbox_launcher_find_program:
 * @error: return location for an error
 *
 * Finds porta-sandbox: `PORTA_SANDBOX_PATH` when set; otherwise beside
 * the running program, installed or in the build tree; otherwise in the
 * installed bindir.
 *
 * Returns: (transfer full) (nullable): the program's path
 */
char *
porta_sandbox_launcher_find_program (GError **error)
{
  const char *env = g_getenv ("PORTA_SANDBOX_PATH");
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self_path ? g_path_get_dirname (self_path) : NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (candidates, g_strdup (env));
  if (dir != NULL)
    {
      g_ptr_array_add (candidates, g_build_filename (dir, "porta-sandbox", NULL));
      /* the build tree: src/porta, src/cli/portactl, src/sandbox/porta-sandbox */
      g_ptr_array_add (candidates, g_build_filename (dir, "sandbox", "porta-sandbox", NULL));
      g_ptr_array_add (candidates, g_build_filename (dir, "..", "sandbox", "porta-sandbox", NULL));
    }
  g_ptr_array_add (candidates, g_build_filename (BINDIR, "porta-sandbox", NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_canonicalize_filename (path, NULL);
    }

  g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_FAILED,
                       _("The sandbox is not installed: porta-sandbox was not found beside Porta."));
  return NULL;
}

/* One sandbox per state folder: two would both write its state file,
 * and the last one would win. The running one leaves its address and
 * process id in "instance" beside its state; a second launcher (porta
 * and portactl side by side) uses that sandbox instead of starting
 * another, and leaves it running when it is done. */
static char *
instance_path (PortaSandboxLauncher *self)
{
  return g_build_filename (self->state_dir, "instance", NULL);
}

static gboolean
process_is_sandbox (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/cmdline", (int) pid);
  g_autofree char *cmdline = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &cmdline, &length, NULL) || length == 0)
    return FALSE;
  /* argv[0] is the first NUL-terminated string */
  return g_str_has_suffix (cmdline, "porta-sandbox");
}

static char *
running_instance (PortaSandboxLauncher *self)
{
  g_autofree char *path = instance_path (self);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 pid;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", 3);
  if (g_strv_length (lines) < 2 || !g_str_has_prefix (lines[1], "http://127.0.0.1:"))
    return NULL;
  pid = g_ascii_strtoll (lines[0], NULL, 10);
  if (pid <= 1 || !process_is_sandbox ((pid_t) pid))
    return NULL;
  return g_strdup (lines[1]);
}

static void
write_instance (PortaSandboxLauncher *self)
{
  g_autofree char *path = instance_path (self);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("%s\n%s\n", g_subprocess_get_identifier (self->process), self->base_url);
  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("cannot note the running sandbox: %s", error->message);
}

static void
child_setup (gpointer user_data)
{
  pid_t parent = GPOINTER_TO_INT (user_data);

  /* The sandbox must not outlive Porta, even if Porta is killed: the
   * kernel sends it SIGTERM when its parent dies. If the parent died
   * before this line, nobody will: leave now. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (getppid () != parent)
    _exit (0);
}

typedef struct
{
  GDataInputStream *stdout_stream;
  guint             timeout_id;
  gboolean          done;
} StartState;

static void
start_state_free (StartState *state)
{
  g_clear_object (&state->stdout_stream);
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  g_free (state);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortaSandboxLauncher *self = g_task_get_source_object (task);
  StartState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);
  if (state->done)
    return;
  state->done = TRUE;
  g_clear_handle_id (&state->timeout_id, g_source_remove);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      porta_sandbox_launcher_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (line == NULL || !g_str_has_prefix (line, "http://127.0.0.1:"))
    {
      g_autofree char *log = g_build_filename (self->state_dir, "sandbox.log", NULL);

      g_debug ("porta-sandbox did not start: %s", error ? error->message : line ? line : "no output");
      porta_sandbox_launcher_stop (self);
      /* Translators: %s is the path of a log file */
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_FAILED,
                               _("The sandbox did not start. Its log may say why: %s"), log);
      return;
    }

  self->base_url = g_strdup (line);
  g_debug ("porta-sandbox is at %s", self->base_url);
  write_instance (self);
  g_task_return_boolean (task, TRUE);
}

static gboolean
start_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  StartState *state = g_task_get_task_data (task);

  state->timeout_id = 0;
  /* Killing the process ends the pending read, which finishes the task */
  if (!state->done)
    {
      g_debug ("porta-sandbox did not print its address in time");
      porta_sandbox_launcher_stop (g_task_get_source_object (task));
    }
  return G_SOURCE_REMOVE;
}

/**
 * porta_sandbox_launcher_start_async:
 * @self: a #PortaSandboxLauncher
 *
 * Starts porta-sandbox on a free loopback port and waits for its
 * address. Its request log goes to `sandbox.log` in the state directory.
 */
void
porta_sandbox_launcher_start_async (PortaSandboxLauncher *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *log = NULL;
  StartState *state;

  g_return_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self));
  g_return_if_fail (self->process == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_sandbox_launcher_start_async);

  program = porta_sandbox_launcher_find_program (&error);
  if (program == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    g_autofree char *running = running_instance (self);

    if (running != NULL)
      {
        g_debug ("using the sandbox already running at %s", running);
        self->base_url = g_steal_pointer (&running);
        g_task_return_boolean (task, TRUE);
        return;
      }
  }

  if (g_mkdir_with_parents (self->state_dir, 0700) != 0)
    {
      int saved_errno = errno;

      /* Translators: %s is a folder, then the system's reason */
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_FAILED,
                               _("Could not create the sandbox folder %s: %s"),
                               self->state_dir, g_strerror (saved_errno));
      return;
    }

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, (char *) "--state-dir");
  g_ptr_array_add (argv, self->state_dir);
  g_ptr_array_add (argv, (char *) "--auto-approve");
  for (guint i = 0; self->extra_args != NULL && self->extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, self->extra_args[i]);
  g_ptr_array_add (argv, NULL);

  log = g_build_filename (self->state_dir, "sandbox.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (getpid ()), NULL);

  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (self->process == NULL)
    {
      g_debug ("cannot start %s: %s", program, error->message);
      g_task_return_new_error (task, PORTA_ERROR, PORTA_ERROR_FAILED,
                               _("The sandbox could not be started."));
      return;
    }

  state = g_new0 (StartState, 1);
  state->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_task_set_task_data (task, state, (GDestroyNotify) start_state_free);
  state->timeout_id = g_timeout_add_seconds (START_TIMEOUT_S, start_timeout_cb, task);

  g_data_input_stream_read_line_async (state->stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       read_line_cb, g_steal_pointer (&task));
}

gboolean
porta_sandbox_launcher_start_finish (PortaSandboxLauncher  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_sandbox_launcher_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * porta_sandbox_launcher_get_base_url:
 *
 * Returns: (nullable): `http://127.0.0.1:PORT` once started
 */
const char *
porta_sandbox_launcher_get_base_url (PortaSandboxLauncher *self)
{
  g_return_val_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self), NULL);
  return self->base_url;
}

/**
 * porta_sandbox_launcher_create_account:
 * @self: a started #PortaSandboxLauncher
 *
 * Returns: (transfer full): an account for the sandbox at its current
 *   address, marked as a sandbox account
 */
PortaAccount *
porta_sandbox_launcher_create_account (PortaSandboxLauncher *self)
{
  g_autofree char *authority = NULL;
  g_autofree char *api_base = NULL;
  PortaAccount *account;

  g_return_val_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self), NULL);
  g_return_val_if_fail (self->base_url != NULL, NULL);

  authority = g_strconcat (self->base_url, "/sandbox", NULL);
  api_base = g_strconcat (self->base_url, "/v1.0", NULL);
  account = porta_account_new (authority, api_base, PORTA_SANDBOX_CLIENT_ID, PORTA_SCOPES_READ_WRITE);
  porta_account_set_sandbox (account, TRUE);
  return account;
}

static void
browser_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  /* the sign-in itself reports any failure; this is only the page */
  if (body == NULL)
    g_debug ("sandbox sign-in page: %s", error->message);
}

static gboolean
open_in_process_cb (const char  *uri,
                    gpointer     user_data,
                    GError     **error)
{
  PortaSandboxLauncher *self = user_data;
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);

  if (message == NULL)
    {
      g_set_error_literal (error, PORTA_ERROR, PORTA_ERROR_SIGN_IN_FAILED,
                           _("The sandbox could not be signed in to."));
      return FALSE;
    }
  /* --auto-approve answers with a redirect to Porta's own listener */
  soup_session_send_and_read_async (self->browser, message, G_PRIORITY_DEFAULT, NULL,
                                    browser_done_cb, NULL);
  return TRUE;
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  PortaTokens *tokens;

  tokens = porta_auth_sign_in_browser_finish (PORTA_AUTH (object), result, &error);
  if (tokens == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) porta_tokens_free);
}

/**
 * porta_sandbox_launcher_sign_in_async:
 * @self: a started #PortaSandboxLauncher
 * @auth: sign-in for an account from porta_sandbox_launcher_create_account()
 *
 * Signs in to the sandbox without a browser.
 */
void
porta_sandbox_launcher_sign_in_async (PortaSandboxLauncher *self,
                                      PortaAuth            *auth,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self));
  g_return_if_fail (PORTA_IS_AUTH (auth));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_sandbox_launcher_sign_in_async);

  if (self->browser == NULL)
    self->browser = soup_session_new ();
  porta_auth_set_browser_timeout (auth, 30);
  porta_auth_sign_in_browser_async (auth, open_in_process_cb, self, cancellable,
                                    sign_in_cb, g_steal_pointer (&task));
}

/**
 * porta_sandbox_launcher_sign_in_finish:
 *
 * Returns: (transfer full): the tokens
 */
PortaTokens *
porta_sandbox_launcher_sign_in_finish (PortaSandboxLauncher  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_sandbox_launcher_sign_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/**
 * porta_sandbox_launcher_stop:
 * @self: a #PortaSandboxLauncher
 *
 * Stops the sandbox with SIGTERM, so that it saves its state, and waits
 * for it a few seconds at most (then SIGKILL). Safe to call twice.
 */
void
porta_sandbox_launcher_stop (PortaSandboxLauncher *self)
{
  g_autoptr(GSubprocess) process = NULL;
  gboolean exited = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_return_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self));

  process = g_steal_pointer (&self->process);
  if (process == NULL)
    {
      /* someone else's sandbox, reused: it stays */
      g_clear_pointer (&self->base_url, g_free);
      return;
    }

  {
    g_autofree char *path = instance_path (self);
    g_unlink (path);
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, waited_cb, &exited);
  timeout_id = g_timeout_add_seconds (3, stop_timeout_cb, &timed_out);
  while (!exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  if (!exited)
    {
      g_subprocess_force_exit (process);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
    }
  g_clear_pointer (&self->base_url, g_free);
}

void
porta_sandbox_launcher_set_extra_args (PortaSandboxLauncher *self,
                                       const char * const   *args)
{
  g_return_if_fail (PORTA_IS_SANDBOX_LAUNCHER (self));
  g_strfreev (self->extra_args);
  self->extra_args = g_strdupv ((char **) args);
}

static void
porta_sandbox_launcher_dispose (GObject *object)
{
  PortaSandboxLauncher *self = PORTA_SANDBOX_LAUNCHER (object);

  porta_sandbox_launcher_stop (self);
  g_clear_object (&self->browser);

  G_OBJECT_CLASS (porta_sandbox_launcher_parent_class)->dispose (object);
}

static void
porta_sandbox_launcher_finalize (GObject *object)
{
  PortaSandboxLauncher *self = PORTA_SANDBOX_LAUNCHER (object);

  g_free (self->state_dir);
  g_strfreev (self->extra_args);
  g_free (self->base_url);

  G_OBJECT_CLASS (porta_sandbox_launcher_parent_class)->finalize (object);
}

static void
porta_sandbox_launcher_class_init (PortaSandboxLauncherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porta_sandbox_launcher_dispose;
  object_class->finalize = porta_sandbox_launcher_finalize;
}

static void
porta_sandbox_launcher_init (PortaSandboxLauncher *self)
{
}

/**
 * porta_sandbox_launcher_new:
 * @state_dir: (nullable): where the sandbox keeps its state; %NULL for
 *   porta_sandbox_launcher_default_state_dir()
 *
 * Returns: (transfer full): a launcher, not yet started
 */
PortaSandboxLauncher *
porta_sandbox_launcher_new (const char *state_dir)
{
  PortaSandboxLauncher *self = g_object_new (PORTA_TYPE_SANDBOX_LAUNCHER, NULL);

  self->state_dir = state_dir ? g_strdup (state_dir) : porta_sandbox_launcher_default_state_dir ();
  return self;
}
