/* porta-pin-dialog.c — set or change the port-out PIN
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window with two masked fields, PIN and Confirm PIN, and Suggest
 * a PIN, which fills both with a strong one and shows it. Only digits
 * go in, never more than ten; everything else is refused where it is typed
 * or pasted, and the message area under the fields says why. Save sends
 * exactly one request and closes the dialog once the server accepted it.
 */
#define G_LOG_DOMAIN "porta-pin-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porta-a11y.h"
#include "porta-pin.h"
#include "porta-pin-dialog.h"

typedef enum
{
  MESSAGE_INFO,
  MESSAGE_PROGRESS,
  MESSAGE_ERROR,
} MessageKind;

struct _PortaPinDialog
{
  AdwWindow      parent_instance;

  PortaPinState *state;
  gboolean       pin_is_set;

  GCancellable  *cancellable;
  gboolean       saving;

  /* Whether the person has typed (or tried to) in each field: before
   * that, an empty field is not an error, only a hint. */
  gboolean       pin_touched;
  gboolean       confirm_touched;

  /* Why the last input was refused (PORTA_PIN_OK when it was not), and
   * in which row; both forgotten at the next input that goes in. */
  PortaPinCheck  refusal;
  AdwEntryRow   *refused_row;

  /* The last save's error, written for a person, until the next input */
  char          *server_error;

  GtkSpinner    *spinner;
  GtkWidget     *fields_list;
  AdwEntryRow   *pin_row;
  AdwEntryRow   *confirm_row;
  GtkWidget     *message_box;
  GtkImage      *message_icon;
  GtkLabel      *message_label;
  GtkWidget     *weak_box;
  GtkLabel      *weak_label;
};

G_DEFINE_FINAL_TYPE (PortaPinDialog, porta_pin_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PIN_IS_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
delegate_of (AdwEntryRow *row)
{
  return gtk_editable_get_delegate (GTK_EDITABLE (row));
}

static gboolean
can_save (PortaPinDialog *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  return !self->saving
         && porta_pin_check (pin) == PORTA_PIN_OK
         && strcmp (pin, confirm) == 0;
}

static void
update_row_accessible (AdwEntryRow *row,
                       const char  *description,
                       gboolean     invalid)
{
  /* Both the row and the text inside it: the text is what has the focus,
   * so it is what a screen reader reads out. */
  GtkAccessible *targets[] = { GTK_ACCESSIBLE (row), GTK_ACCESSIBLE (delegate_of (row)) };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gtk_accessible_update_property (targets[i],
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_accessible_update_state (targets[i],
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
show_message (PortaPinDialog *self,
              MessageKind     kind,
              const char     *text)
{
  /* an icon for each kind: the colour is never the only sign */
  static const char * const icons[] = {
    [MESSAGE_INFO] = "dialog-information-symbolic",
    [MESSAGE_PROGRESS] = "content-loading-symbolic",
    [MESSAGE_ERROR] = "dialog-error-symbolic",
  };

  gtk_label_set_text (self->message_label, text);
  gtk_image_set_from_icon_name (self->message_icon, icons[kind]);
  if (kind == MESSAGE_ERROR)
    {
      gtk_widget_remove_css_class (self->message_box, "dim-label");
      gtk_widget_add_css_class (self->message_box, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->message_box, "error");
      gtk_widget_add_css_class (self->message_box, "dim-label");
    }
}

/* Brings the message area, the accessible state and Save up to date with
 * what is in the fields. Reads the text in place: no copy of a PIN is
 * made here. */
static void
update_state (PortaPinDialog *self)
{
  const char *pin, *confirm;
  PortaPinCheck check;
  gboolean valid, mismatch, weak;
  gboolean pin_invalid = FALSE, confirm_invalid = FALSE;
  gboolean show_primary = TRUE;
  MessageKind kind = MESSAGE_INFO;
  const char *text;
  g_autofree char *description = NULL;

  if (self->pin_row == NULL)
    return;

  pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  check = porta_pin_check (pin);
  valid = check == PORTA_PIN_OK;
  weak = valid && porta_pin_is_weak (pin);

  /* A Confirm that is still on its way to the PIN ("4829" of "482916")
   * is not called a mismatch yet: it would scold each digit typed. */
  mismatch = valid && self->confirm_touched && confirm[0] != '\0'
             && strcmp (pin, confirm) != 0 && !g_str_has_prefix (pin, confirm);

  if (self->saving)
    {
      kind = MESSAGE_PROGRESS;
      text = _("Saving the PIN…");
    }
  else if (self->server_error != NULL)
    {
      kind = MESSAGE_ERROR;
      text = self->server_error;
    }
  else if (self->refusal != PORTA_PIN_OK)
    {
      kind = MESSAGE_ERROR;
      text = porta_pin_check_message (self->refusal);
      pin_invalid = self->refused_row == self->pin_row;
      confirm_invalid = self->refused_row == self->confirm_row;
    }
  else if (check == PORTA_PIN_EMPTY && self->pin_is_set)
    text = _("Once set, the PIN can be changed but not removed.");
  else if (check == PORTA_PIN_EMPTY && self->pin_touched)
    text = porta_pin_check_message (check);
  else if (check == PORTA_PIN_EMPTY)
    /* Translators: the hint under the PIN fields; “–” is an en dash */
    text = _("6–10 digits");
  else if (!valid)
    {
      kind = MESSAGE_ERROR;
      text = porta_pin_check_message (check);
      pin_invalid = TRUE;
    }
  else if (mismatch)
    {
      kind = MESSAGE_ERROR;
      text = _("The PINs don’t match.");
      confirm_invalid = TRUE;
    }
  else
    {
      text = _("6–10 digits");
      /* the warning is all there is to say about a weak, valid PIN */
      show_primary = !weak;
    }

  show_message (self, kind, text);
  gtk_widget_set_visible (self->message_box, show_primary);
  gtk_widget_set_visible (self->weak_box, weak);

  if (show_primary && weak)
    description = g_strjoin (" ", text, gtk_label_get_text (self->weak_label), NULL);
  else if (weak)
    description = g_strdup (gtk_label_get_text (self->weak_label));
  else
    description = g_strdup (text);
  update_row_accessible (self->pin_row, description, pin_invalid);
  update_row_accessible (self->confirm_row, description, confirm_invalid);

  gtk_widget_set_sensitive (self->fields_list, !self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->saving);
  gtk_spinner_set_spinning (self->spinner, self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin-dialog.save", can_save (self));
}

static AdwEntryRow *
row_of (PortaPinDialog *self,
        GtkEditable    *delegate)
{
  return delegate == delegate_of (self->pin_row) ? self->pin_row : self->confirm_row;
}

static void
touch (PortaPinDialog *self,
       AdwEntryRow    *row)
{
  if (row == self->pin_row)
    self->pin_touched = TRUE;
  else
    self->confirm_touched = TRUE;
}

/* Every insertion, typed, pasted, dropped or set by code, comes through
 * the delegate's ::insert-text. A non-digit or an 11th digit refuses the
 * whole insertion: a paste is taken as it is or not at all, never quietly
 * trimmed into something the person did not write. */
static void
insert_text_cb (GtkEditable    *delegate,
                const char     *text,
                int             length,
                int            *position,
                PortaPinDialog *self)
{
  AdwEntryRow *row = row_of (self, delegate);
  PortaPinCheck refusal = PORTA_PIN_OK;
  glong current;

  if (length < 0)
    length = strlen (text);

  for (int i = 0; i < length; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        {
          refusal = PORTA_PIN_NOT_DIGITS;
          break;
        }
    }

  current = g_utf8_strlen (gtk_editable_get_text (delegate), -1);
  if (refusal == PORTA_PIN_OK && current + length > PORTA_PIN_MAX_LENGTH)
    refusal = PORTA_PIN_TOO_LONG;

  touch (self, row);
  g_clear_pointer (&self->server_error, g_free);
  self->refusal = refusal;
  self->refused_row = refusal != PORTA_PIN_OK ? row : NULL;

  if (refusal != PORTA_PIN_OK)
    {
      g_signal_stop_emission_by_name (delegate, "insert-text");
      gtk_widget_error_bell (GTK_WIDGET (delegate));
      update_state (self);
    }
}

static void
delete_text_cb (GtkEditable    *delegate,
                int             start_pos,
                int             end_pos,
                PortaPinDialog *self)
{
  /* an edit moves on from the last refusal and the last server error */
  self->refusal = PORTA_PIN_OK;
  self->refused_row = NULL;
  g_clear_pointer (&self->server_error, g_free);
}

static void
row_changed_cb (PortaPinDialog *self)
{
  update_state (self);
}

static void
pin_activated_cb (PortaPinDialog *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  /* Enter saves when it can; on a good PIN not yet confirmed, it moves
   * on to Confirm PIN, as a person filling the form would expect. */
  if (can_save (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "pin-dialog.save", NULL);
  else if (!self->saving && porta_pin_check (pin) == PORTA_PIN_OK)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
confirm_activated_cb (PortaPinDialog *self)
{
  if (can_save (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "pin-dialog.save", NULL);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
set_pin_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PortaPinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  gboolean ok;

  ok = porta_pin_state_set_pin_finish (PORTA_PIN_STATE (object), result, &error);

  /* Closed meanwhile: whatever the answer, nobody is waiting for it */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->saving = FALSE;

  if (!ok)
    {
      g_debug ("The PIN was not saved: %s", error->message);
      self->server_error = g_strdup (error->message);
      update_state (self);
      /* back where the person was, with the message read out to them,
       * and without selecting the PIN for the next keystroke to replace */
      gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate_of (self->pin_row)));
      return;
    }

  /* the state has the new status already: every page showing it has
   * changed; the window says so */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", _("Port-out PIN saved"));
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (widget);
  char *pin;

  /* One request at a time, however often Save or Enter is pressed: the
   * action is disabled while saving, and this guard holds even if an
   * activation was already queued. */
  if (!can_save (self))
    return;

  /* Let go of the focus before the fields turn insensitive: a focused
   * GtkText made insensitive keeps its cursor blinking and warns that it
   * "did not receive a focus-out event". */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  self->saving = TRUE;
  self->refusal = PORTA_PIN_OK;
  self->refused_row = NULL;
  g_clear_pointer (&self->server_error, g_free);
  update_state (self);

  /* The only copy of the PIN Porta makes, wiped as soon as the client
   * has built its request body (it keeps none). */
  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  porta_pin_state_set_pin_async (self->state, pin, self->cancellable,
                                 set_pin_cb, g_object_ref (self));
  porta_pin_free (pin);
}

/* Suggest a PIN (issue 13): both fields filled with a strong PIN from
 * porta_pin_generate(), the PIN field revealed so that the person can
 * note it down, and the focus on it, so that a screen reader reads it
 * out and Enter saves it. The generated copy is wiped at once; the
 * fields' own buffers are wiped with the rest when the dialog goes. */
static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (widget);
  GtkText *pin_text = GTK_TEXT (delegate_of (self->pin_row));
  g_autoptr(GError) error = NULL;
  char pin[PORTA_PIN_MAX_LENGTH + 1];

  if (self->saving)
    return;

  if (!porta_pin_generate (pin, &error))
    {
      /* no PIN in it: only why the random source failed */
      g_clear_pointer (&self->server_error, g_free);
      self->server_error = g_strdup (error->message);
      update_state (self);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), pin);
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), pin);
  porta_pin_wipe (pin, sizeof pin);

  gtk_text_set_visibility (pin_text, TRUE);
  gtk_text_grab_focus_without_selecting (pin_text);
}

static gboolean
porta_pin_dialog_close_request (GtkWindow *window)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (window);

  /* Closing while saving abandons the request; the dialog does not come
   * back after it is closed, so the cancellable is not renewed. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (porta_pin_dialog_parent_class)->close_request (window);
}

static void
porta_pin_dialog_constructed (GObject *object)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (object);

  G_OBJECT_CLASS (porta_pin_dialog_parent_class)->constructed (object);

  g_assert (PORTA_IS_PIN_STATE (self->state));

  if (self->pin_is_set)
    /* Translators: a dialog title; keep it short, a phone's header bar is 360 pixels wide */
    gtk_window_set_title (GTK_WINDOW (self), _("Change Port-Out PIN"));
  else
    /* Translators: a dialog title; keep it short, a phone's header bar is 360 pixels wide */
    gtk_window_set_title (GTK_WINDOW (self), _("Set Port-Out PIN"));
  update_state (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->pin_row));
}

static void
porta_pin_dialog_dispose (GObject *object)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->pin_row != NULL)
    {
      /* Clear what was typed. AdwPasswordEntryRow keeps the text in a
       * GtkPasswordEntryBuffer (non-pageable memory, wiped when freed);
       * the copies GTK itself makes (text layout, input method, and the
       * clear text while "show" is on) are beyond our reach. */
      g_signal_handlers_disconnect_by_data (delegate_of (self->pin_row), self);
      g_signal_handlers_disconnect_by_data (delegate_of (self->confirm_row), self);
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTA_TYPE_PIN_DIALOG);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (porta_pin_dialog_parent_class)->dispose (object);
}

static void
porta_pin_dialog_finalize (GObject *object)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (object);

  g_free (self->server_error);

  G_OBJECT_CLASS (porta_pin_dialog_parent_class)->finalize (object);
}

static void
porta_pin_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_PIN_IS_SET:
      g_value_set_boolean (value, self->pin_is_set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_pin_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PortaPinDialog *self = PORTA_PIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_PIN_IS_SET:
      self->pin_is_set = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porta_pin_dialog_class_init (PortaPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = porta_pin_dialog_constructed;
  object_class->dispose = porta_pin_dialog_dispose;
  object_class->finalize = porta_pin_dialog_finalize;
  object_class->get_property = porta_pin_dialog_get_property;
  object_class->set_property = porta_pin_dialog_set_property;

  window_class->close_request = porta_pin_dialog_close_request;

  /**
   * PortaPinDialog:pin-state:
   *
   * The PIN state that saves the PIN, so that everything observing it
   * shows the new status as soon as it is saved.
   */
  properties[PROP_STATE] =
    g_param_spec_object ("pin-state", NULL, NULL,
                         PORTA_TYPE_PIN_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PortaPinDialog:pin-is-set:
   *
   * Whether the organization already has a PIN: the dialog then changes
   * it, and explains that it cannot be removed.
   */
  properties[PROP_PIN_IS_SET] =
    g_param_spec_boolean ("pin-is-set", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortaPinDialog::saved:
   *
   * The server accepted the PIN; the dialog closes itself right after.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, fields_list);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, message_icon);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, weak_box);
  gtk_widget_class_bind_template_child (widget_class, PortaPinDialog, weak_label);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_activated_cb);

  gtk_widget_class_install_action (widget_class, "pin-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "pin-dialog.suggest", NULL, suggest_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
porta_pin_dialog_init (PortaPinDialog *self)
{
  AdwEntryRow *rows[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  porta_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->refusal = PORTA_PIN_OK;

  rows[0] = self->pin_row;
  rows[1] = self->confirm_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkEditable *delegate = delegate_of (rows[i]);

      g_signal_connect (delegate, "insert-text", G_CALLBACK (insert_text_cb), self);
      g_signal_connect (delegate, "delete-text", G_CALLBACK (delete_text_cb), self);
      /* the text is what takes the focus: give it the row's name */
      gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])),
                                      -1);
    }
}

/**
 * porta_pin_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @state: the PIN state that saves the PIN
 * @pin_is_set: whether the organization already has a PIN
 *
 * Creates the dialog that sets (or, when @pin_is_set, changes) the
 * port-out PIN. It is modal and closes itself after #PortaPinDialog::saved.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
PortaPinDialog *
porta_pin_dialog_new (GtkWindow     *parent,
                      PortaPinState *state,
                      gboolean       pin_is_set)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PORTA_IS_PIN_STATE (state), NULL);

  return g_object_new (PORTA_TYPE_PIN_DIALOG,
                       "transient-for", parent,
                       "pin-state", state,
                       "pin-is-set", pin_is_set,
                       NULL);
}
