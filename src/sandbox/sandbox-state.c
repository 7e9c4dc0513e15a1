/* sandbox-state.c — the state file, written atomically
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file holds the port-out PIN, so it is created 0600, and it must
 * survive a SIGKILL at any instant: write a temporary file in the same
 * directory, fsync it, rename it over the old one, fsync the directory.
 * At every moment the name points at a whole file, old or new.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sandbox-state.h"

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Could not write the state file: %s", g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
sandbox_state_write (const char  *path,
                     JsonNode    *root,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *template = g_strconcat (path, ".tmp-XXXXXX", NULL);
  g_autofree char *text = json_to_string (root, TRUE);
  gsize length = strlen (text);
  int fd;
  int dir_fd;

  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not create a temporary state file in %s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  if (!write_all (fd, text, length, error) || !write_all (fd, "\n", 1, error))
    {
      close (fd);
      g_unlink (template);
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (template);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not flush the state file: %s", g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (g_rename (template, path) != 0)
    {
      int saved = errno;

      g_unlink (template);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not replace the state file: %s", g_strerror (saved));
      return FALSE;
    }

  /* the rename itself is only durable once the directory is */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

static void
remove_leftovers (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".tmp-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  /* temporary files a killed process left behind: never the state */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *full = g_build_filename (dir_name, name, NULL);

        g_unlink (full);
      }
}

/**
 * sandbox_state_read:
 *
 * Returns: (transfer full) (nullable): the state, or %NULL with @error
 *   unset when there is no state file yet
 */
JsonNode *
sandbox_state_read (const char  *path,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  remove_leftovers (path);

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The state file %s is not valid JSON (%s); it was left as it is",
                   path, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The state file %s does not hold a JSON object; it was left as it is", path);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
