/* porta-voice-page-export.c — the Voice page's numbers, to a CSV file
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export CSV…: the numbers shown, as filtered and sorted, written off the
 * main thread (RFC 4180, UTF-8, a header row of stable keys). The
 * writing runs under the page's GCancellable, cancelled in its dispose,
 * so closing the window stops it (issue 12). Split from
 * porta-voice-page.c; the page installs porta_voice_page_export_action()
 * as voice.export. Each number's person, when known, gives its UPN, name
 * and account type beside the assignmentTargetId (issue 13).
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-csv.h"
#include "porta-phone-number.h"
#include "porta-voice-page-private.h"

typedef struct
{
  GPtrArray  *numbers;
  GHashTable *people;   /* the people's index, never changed: read in the thread */
  GFile      *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_ptr_array_unref (data->numbers);
  g_hash_table_unref (data->people);
  g_object_unref (data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GString) csv = g_string_sized_new (data->numbers->len * 200);
  g_autoptr(GError) error = NULL;
  gsize n_columns;
  const char * const *columns = porta_phone_number_csv_columns (&n_columns);

  porta_csv_append_row (csv, columns, n_columns);
  for (guint i = 0; i < data->numbers->len; i++)
    {
      PortaPhoneNumber *number = g_ptr_array_index (data->numbers, i);
      PortaPerson *person = porta_people_index_lookup (data->people,
                                                       porta_phone_number_get_assignment_target_id (number));

      if (i % 1000 == 0 && g_task_return_error_if_cancelled (task))
        return;
      porta_phone_number_append_csv_row_with_person (number, person, csv);
    }

  if (!g_file_replace_contents (data->file, csv->str, csv->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, data->numbers->len);
}

/**
 * porta_voice_page_export_async:
 * @self: a #PortaVoicePage
 * @file: where to write
 *
 * Writes the numbers shown, as filtered and sorted, to @file as CSV
 * (RFC 4180, UTF-8, a header row of stable keys), off the main thread.
 */
void
porta_voice_page_export_async (PortaVoicePage      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  guint n;

  g_return_if_fail (PORTA_IS_VOICE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porta_voice_page_export_async);

  /* a snapshot: the list may change while the file is written */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  data = g_new0 (ExportData, 1);
  data->numbers = g_ptr_array_new_full (n, g_object_unref);
  data->people = g_hash_table_ref (porta_people_get_index (self->people, NULL));
  data->file = g_object_ref (file);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->numbers, g_list_model_get_item (G_LIST_MODEL (self->filter_model), i));
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
porta_voice_page_export_finish (PortaVoicePage  *self,
                                GAsyncResult    *result,
                                guint           *n_exported,
                                GError         **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porta_voice_page_export_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_exported != NULL)
    *n_exported = (guint) n;
  return TRUE;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PortaVoicePage *self = PORTA_VOICE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!porta_voice_page_export_finish (self, result, &n, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is the system's reason, such as "Permission denied" */
      message = g_strdup_printf (_("Could not export the numbers: %s"), error->message);
    }
  else
    /* Translators: %'u is how many phone numbers were written to the file */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u number", "Exported %'u numbers", n), n);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(PortaVoicePage) self = user_data;

  /* the page's cancellable: closing the window stops the writing; a
   * page already gone (disposed while the chooser was open) writes none */
  if (response == GTK_RESPONSE_ACCEPT && self->cancellable != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      porta_voice_page_export_async (self, file, self->cancellable, exported_cb, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
porta_voice_page_export_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* GtkFileChooserNative: GtkFileDialog is GTK 4.10 */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Export Phone Numbers"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("phone-numbers.csv"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
