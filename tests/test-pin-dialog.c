/* test-pin-dialog.c — the PIN dialog: its states, and saving against porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "porta-audit-event.h"
#include "porta-client.h"
#include "porta-pin.h"
#include "porta-pin-dialog.h"
#include "porta-test-gtk-utils.h"

/* ---- the sandbox ------------------------------------------------------ */

static PortaClient *
signed_in_client (PortaTestSandbox *sandbox)
{
  return porta_test_client (sandbox, 6, 20000, 50);
}

/* A client that is never used to talk to anyone: the state tests need no
 * server, and any request they made by mistake would fail visibly. */
static PortaClient *
offline_client (void)
{
  g_autoptr(PortaAccount) account = porta_account_new ("http://127.0.0.1:9/sandbox",
                                                       "http://127.0.0.1:9/v1.0",
                                                       PORTA_TEST_CLIENT_ID, PORTA_SCOPES_READ_WRITE);

  return porta_client_new (account, NULL);
}

typedef struct
{
  guint set;
  guint changed;
  guint revealed;
} AuditCount;

static AuditCount
count_audit_events (PortaClient *client)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  AuditCount count = { 0, 0, 0 };

  porta_client_list_pin_audit_events_async (client, NULL, porta_test_waiter_cb, &waiter);
  events = porta_client_list_pin_audit_events_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);

  for (guint i = 0; i < events->len; i++)
    {
      switch (porta_audit_event_get_kind (g_ptr_array_index (events, i)))
        {
        case PORTA_AUDIT_EVENT_KIND_SET: count.set++; break;
        case PORTA_AUDIT_EVENT_KIND_CHANGED: count.changed++; break;
        case PORTA_AUDIT_EVENT_KIND_REVEALED: count.revealed++; break;
        default: g_assert_not_reached ();
        }
    }
  return count;
}

static void
assert_audit_events (PortaClient *client,
                     guint        set,
                     guint        changed)
{
  AuditCount count = count_audit_events (client);

  g_assert_cmpuint (count.set, ==, set);
  g_assert_cmpuint (count.changed, ==, changed);
}

/* ---- driving the dialog ------------------------------------------------- */

typedef struct
{
  PortaPinDialog *dialog;
  AdwEntryRow    *pin_row;
  AdwEntryRow    *confirm_row;
  GtkLabel       *message_label;
  GtkWidget      *weak_box;
  GtkWidget      *save_button;
  GtkWidget      *spinner;
  guint           saved;
} Fixture;

static void
saved_cb (PortaPinDialog *dialog,
          Fixture        *fixture)
{
  fixture->saved++;
}

static void
fixture_open (Fixture     *fixture,
              GtkWindow   *parent,
              PortaClient *client,
              gboolean     pin_is_set)
{
  g_autoptr(PortaPinState) state = porta_pin_state_new (client);
  GtkWidget *root;

  memset (fixture, 0, sizeof *fixture);
  fixture->dialog = g_object_ref_sink (porta_pin_dialog_new (parent, state, pin_is_set));
  root = GTK_WIDGET (fixture->dialog);
  fixture->pin_row = ADW_ENTRY_ROW (porta_test_find_by_name (root, "pin-row"));
  fixture->confirm_row = ADW_ENTRY_ROW (porta_test_find_by_name (root, "confirm-row"));
  fixture->message_label = GTK_LABEL (porta_test_find_by_name (root, "message-label"));
  fixture->weak_box = porta_test_find_by_name (root, "weak-box");
  fixture->save_button = porta_test_find_by_name (root, "save-button");
  fixture->spinner = porta_test_find_by_type (root, GTK_TYPE_SPINNER);
  g_assert_nonnull (fixture->pin_row);
  g_assert_nonnull (fixture->confirm_row);
  g_assert_nonnull (fixture->message_label);
  g_assert_nonnull (fixture->weak_box);
  g_assert_nonnull (fixture->save_button);
  g_assert_nonnull (fixture->spinner);
  g_signal_connect (fixture->dialog, "saved", G_CALLBACK (saved_cb), fixture);

  porta_test_show_window (fixture->dialog);
}

static void
fixture_close (Fixture *fixture)
{
  porta_test_destroy_window (fixture->dialog);
  fixture->dialog = NULL;
}

static GtkEditable *
delegate (AdwEntryRow *row)
{
  return gtk_editable_get_delegate (GTK_EDITABLE (row));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* What is shown under the fields: the message line when it is visible */
static const char *
message (Fixture *fixture)
{
  if (!gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (fixture->message_label))))
    return NULL;
  return gtk_label_get_text (fixture->message_label);
}

static gboolean
weak_shown (Fixture *fixture)
{
  return gtk_widget_get_visible (fixture->weak_box);
}

static gboolean
save_enabled (Fixture *fixture)
{
  return gtk_widget_get_sensitive (fixture->save_button);
}

static gboolean
saving (Fixture *fixture)
{
  return gtk_widget_get_visible (fixture->spinner);
}

/* One character at a time at the end, as a person types */
static void
type_into (AdwEntryRow *row,
           const char  *text)
{
  GtkEditable *editable = delegate (row);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *before = g_strdup (gtk_editable_get_text (editable));
      int position = g_utf8_strlen (before, -1);

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      /* each character either went in whole at the end, or not at all */
      if (strcmp (gtk_editable_get_text (editable), before) != 0)
        {
          g_assert_true (g_str_has_prefix (gtk_editable_get_text (editable), before));
          g_assert_cmpuint (strlen (gtk_editable_get_text (editable)), ==,
                            strlen (before) + (g_utf8_next_char (p) - p));
        }
    }
}

/* All at once at the end, as a paste or a drop inserts */
static void
paste_into (AdwEntryRow *row,
            const char  *text)
{
  GtkEditable *editable = delegate (row);
  int position = g_utf8_strlen (gtk_editable_get_text (editable), -1);

  gtk_editable_insert_text (editable, text, -1, &position);
}

/* What GtkText's Return binding does */
static void
press_enter (AdwEntryRow *row)
{
  g_signal_emit_by_name (delegate (row), "activate");
}

static void
clear (AdwEntryRow *row)
{
  gtk_editable_delete_text (delegate (row), 0, -1);
}

/* ---- the states --------------------------------------------------------- */

typedef enum
{
  HINT,      /* nothing wrong: the hint "6–10 digits" (hidden behind a weak warning) */
  ENTER,     /* the PIN was emptied: "Enter a PIN of 6 to 10 digits." */
  LENGTH,    /* "The PIN must be 6 to 10 digits." (too short, or an 11th digit refused) */
  DIGITS,    /* "Only digits (0–9) are allowed." */
} Expect;

/* The inputs of tests/test-client.c's pin_table, and a few more, each
 * typed (one character at a time) and pasted (all at once) into an empty
 * PIN field: what the field keeps, what the message says, and whether the
 * weak-PIN warning shows. */
static const struct {
  const char *input;
  const char *typed;
  Expect      typed_says;
  gboolean    typed_weak;
  const char *pasted;
  Expect      pasted_says;
} input_table[] = {
  { "", "", HINT, FALSE, "", HINT },
  { "1", "1", LENGTH, FALSE, "1", LENGTH },
  { "12345", "12345", LENGTH, FALSE, "12345", LENGTH },
  { "123456", "123456", HINT, TRUE, "123456", HINT },
  { "1234567", "1234567", HINT, TRUE, "1234567", HINT },
  { "12345678", "12345678", HINT, TRUE, "12345678", HINT },
  { "123456789", "123456789", HINT, TRUE, "123456789", HINT },
  { "1234567890", "1234567890", HINT, TRUE, "1234567890", HINT },
  { "12345678901", "1234567890", LENGTH, TRUE, "", LENGTH },
  { "123456789012345678901234567890", "1234567890", LENGTH, TRUE, "", LENGTH },
  { "000000", "000000", HINT, TRUE, "000000", HINT },
  { "0000000000", "0000000000", HINT, TRUE, "0000000000", HINT },
  { "907316", "907316", HINT, FALSE, "907316", HINT },
  { "58302749", "58302749", HINT, FALSE, "58302749", HINT },
  { "4829163057", "4829163057", HINT, FALSE, "4829163057", HINT },
  { "48291630571", "4829163057", LENGTH, FALSE, "", LENGTH },
  { "12a456", "12456", LENGTH, FALSE, "", DIGITS },
  { "abcdef", "", DIGITS, FALSE, "", DIGITS },
  { " 907316", "907316", HINT, FALSE, "", DIGITS },
  { "907316 ", "907316", DIGITS, FALSE, "", DIGITS },
  { "123456\n", "123456", DIGITS, TRUE, "", DIGITS },
  { "123456\r", "123456", DIGITS, TRUE, "", DIGITS },
  { "\t123456", "123456", HINT, TRUE, "", DIGITS },
  { "90 7316", "907316", HINT, FALSE, "", DIGITS },
  { "907-316", "907316", HINT, FALSE, "", DIGITS },
  { "+907316", "907316", HINT, FALSE, "", DIGITS },
  { "-907316", "907316", HINT, FALSE, "", DIGITS },
  { "90.7316", "907316", HINT, FALSE, "", DIGITS },
  { "1e6789", "16789", LENGTH, FALSE, "", DIGITS },
  { "１２３４５６", "", DIGITS, FALSE, "", DIGITS },          /* fullwidth */
  { "١٢٣٤٥٦", "", DIGITS, FALSE, "", DIGITS },              /* Arabic-Indic */
  { "۱۲۳۴۵۶", "", DIGITS, FALSE, "", DIGITS },              /* Extended Arabic-Indic */
  { "१२३४५६", "", DIGITS, FALSE, "", DIGITS },              /* Devanagari */
  { "90731６", "90731", DIGITS, FALSE, "", DIGITS },         /* one fullwidth digit */
  { "½07316", "07316", LENGTH, FALSE, "", DIGITS },
  { "12a", "12", DIGITS, FALSE, "", DIGITS },
  { "9\u200b07316", "907316", HINT, FALSE, "", DIGITS },     /* zero-width space */
  { "907316\xc2\xa0", "907316", DIGITS, FALSE, "", DIGITS }, /* no-break space */
};

static const char *
expected_text (Expect expect)
{
  switch (expect)
    {
    case HINT:
      return _("6–10 digits");
    case ENTER:
      return porta_pin_check_message (PORTA_PIN_EMPTY);
    case LENGTH:
      return porta_pin_check_message (PORTA_PIN_TOO_SHORT);
    case DIGITS:
      return porta_pin_check_message (PORTA_PIN_NOT_DIGITS);
    default:
      g_assert_not_reached ();
    }
}

/* What a screen reader hears on each field: the message area's text as
 * the description, and whether the field is marked invalid. */
static void
assert_described (Fixture  *fixture,
                  gboolean  pin_invalid,
                  gboolean  confirm_invalid)
{
  const char *shown = message (fixture);
  const char *weak = _("This PIN is easy to guess.");
  g_autofree char *description = NULL;
  struct { AdwEntryRow *row; gboolean invalid; } fields[] = {
    { fixture->pin_row, pin_invalid },
    { fixture->confirm_row, confirm_invalid },
  };

  /* the test AT context (GTK_A11Y=test) is the one that can be read back */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") != 0)
    return;

  if (shown != NULL && weak_shown (fixture))
    description = g_strjoin (" ", shown, weak, NULL);
  else
    description = g_strdup (shown != NULL ? shown : weak);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkAccessible *targets[] = { GTK_ACCESSIBLE (fields[i].row), GTK_ACCESSIBLE (delegate (fields[i].row)) };

      for (guint j = 0; j < G_N_ELEMENTS (targets); j++)
        {
          gtk_test_accessible_assert_property (targets[j], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
          gtk_test_accessible_assert_state (targets[j], GTK_ACCESSIBLE_STATE_INVALID,
                                            fields[i].invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                                              : GTK_ACCESSIBLE_INVALID_FALSE);
        }
    }
}

static void
assert_says (Fixture  *fixture,
             Expect    expect,
             gboolean  weak)
{
  g_assert_cmpint (weak_shown (fixture), ==, weak);
  if (expect == HINT && weak)
    /* a weak PIN with nothing else wrong: the warning alone */
    g_assert_null (message (fixture));
  else
    g_assert_cmpstr (message (fixture), ==, expected_text (expect));
  assert_described (fixture, expect == LENGTH || expect == DIGITS, FALSE);
}

static void
test_input_table (void)
{
  g_autoptr(PortaClient) client = offline_client ();

  for (guint i = 0; i < G_N_ELEMENTS (input_table); i++)
    {
      Fixture fixture;
      gboolean typed_valid = porta_pin_check (input_table[i].typed) == PORTA_PIN_OK;
      gboolean pasted_valid = porta_pin_check (input_table[i].pasted) == PORTA_PIN_OK;

      g_test_message ("input %u", i);

      /* typed */
      fixture_open (&fixture, NULL, client, FALSE);
      type_into (fixture.pin_row, input_table[i].input);
      g_assert_cmpstr (text_of (fixture.pin_row), ==, input_table[i].typed);
      assert_says (&fixture, input_table[i].typed_says, input_table[i].typed_weak);
      g_assert_false (save_enabled (&fixture));

      /* the same into Confirm: it keeps the same, and Save follows the PIN */
      type_into (fixture.confirm_row, input_table[i].input);
      g_assert_cmpstr (text_of (fixture.confirm_row), ==, input_table[i].typed);
      g_assert_cmpint (save_enabled (&fixture), ==, typed_valid);
      g_assert_cmpint (weak_shown (&fixture), ==, input_table[i].typed_weak);
      fixture_close (&fixture);

      /* pasted: in whole or not at all */
      fixture_open (&fixture, NULL, client, FALSE);
      paste_into (fixture.pin_row, input_table[i].input);
      g_assert_cmpstr (text_of (fixture.pin_row), ==, input_table[i].pasted);
      assert_says (&fixture, input_table[i].pasted_says,
                   pasted_valid && porta_pin_is_weak (input_table[i].pasted));
      g_assert_false (save_enabled (&fixture));
      paste_into (fixture.confirm_row, input_table[i].input);
      g_assert_cmpstr (text_of (fixture.confirm_row), ==, input_table[i].pasted);
      g_assert_cmpint (save_enabled (&fixture), ==, pasted_valid);
      fixture_close (&fixture);
    }
}

static void
test_initial_state (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  Fixture fixture;
  GtkEditable *text;
  int minimum = 0;

  g_object_ref_sink (parent);
  gtk_window_present (parent);

  fixture_open (&fixture, parent, client, FALSE);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture.dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture.dialog)) == parent);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture.dialog)), ==, _("Set Port-Out PIN"));

  /* masked, a PIN keypad for input methods, and the hint */
  for (AdwEntryRow **row = (AdwEntryRow *[]) { fixture.pin_row, fixture.confirm_row, NULL }; *row; row++)
    {
      text = delegate (*row);
      g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (*row));
      g_assert_true (GTK_IS_TEXT (text));
      g_assert_false (gtk_text_get_visibility (GTK_TEXT (text)));
      g_assert_cmpint (gtk_text_get_input_purpose (GTK_TEXT (text)), ==, GTK_INPUT_PURPOSE_PIN);
      g_assert_cmpint (adw_entry_row_get_input_purpose (*row), ==, GTK_INPUT_PURPOSE_PIN);
      g_assert_cmpstr (text_of (*row), ==, "");
    }
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));
  g_assert_false (weak_shown (&fixture));
  g_assert_false (save_enabled (&fixture));
  g_assert_false (saving (&fixture));
  assert_described (&fixture, FALSE, FALSE);

  /* the PIN field has the keyboard */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)) == GTK_WIDGET (delegate (fixture.pin_row)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture.pin_row)));

  /* Save with nothing to save does nothing, and sends nothing */
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_false (saving (&fixture));

  /* it folds down to a phone's width */
  gtk_widget_measure (GTK_WIDGET (fixture.dialog), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  fixture_close (&fixture);

  porta_test_destroy_window (parent);
}

static void
test_pin_is_set (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  const char *cannot_remove = _("Once set, the PIN can be changed but not removed.");
  Fixture fixture;

  fixture_open (&fixture, NULL, client, TRUE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture.dialog)), ==, _("Change Port-Out PIN"));
  g_assert_cmpstr (message (&fixture), ==, cannot_remove);
  g_assert_false (save_enabled (&fixture));

  /* emptied again, it still explains why there is no way back to blank */
  type_into (fixture.pin_row, "58");
  g_assert_cmpstr (message (&fixture), ==, porta_pin_check_message (PORTA_PIN_TOO_SHORT));
  clear (fixture.pin_row);
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "");
  g_assert_cmpstr (message (&fixture), ==, cannot_remove);
  g_assert_false (save_enabled (&fixture));

  /* an empty Confirm does not make an empty PIN savable either */
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_false (saving (&fixture));
  fixture_close (&fixture);

  /* when no PIN is set, an emptied field asks for one */
  fixture_open (&fixture, NULL, client, FALSE);
  type_into (fixture.pin_row, "5");
  clear (fixture.pin_row);
  g_assert_cmpstr (message (&fixture), ==, porta_pin_check_message (PORTA_PIN_EMPTY));
  fixture_close (&fixture);
}

static void
test_mismatch (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  const char *mismatch = _("The PINs don’t match.");
  Fixture fixture;

  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "it"))
    g_assert_cmpstr (mismatch, ==, "I PIN non coincidono.");

  fixture_open (&fixture, NULL, client, FALSE);
  type_into (fixture.pin_row, "482916");
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));
  g_assert_false (save_enabled (&fixture));

  /* on its way to the PIN, Confirm is not scolded */
  type_into (fixture.confirm_row, "4829");
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));
  g_assert_false (save_enabled (&fixture));

  /* a wrong digit is a mismatch */
  type_into (fixture.confirm_row, "7");
  g_assert_cmpstr (message (&fixture), ==, mismatch);
  g_assert_false (save_enabled (&fixture));
  assert_described (&fixture, FALSE, TRUE);

  /* corrected, it matches */
  gtk_editable_delete_text (delegate (fixture.confirm_row), 4, -1);
  type_into (fixture.confirm_row, "16");
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "482916");
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));
  g_assert_true (save_enabled (&fixture));

  assert_described (&fixture, FALSE, FALSE);

  /* longer than the PIN: a mismatch */
  type_into (fixture.confirm_row, "0");
  g_assert_cmpstr (message (&fixture), ==, mismatch);
  g_assert_false (save_enabled (&fixture));
  gtk_editable_delete_text (delegate (fixture.confirm_row), 6, -1);
  g_assert_true (save_enabled (&fixture));

  /* the PIN changed after Confirm matched: no longer savable */
  type_into (fixture.pin_row, "3");
  g_assert_false (save_enabled (&fixture));
  type_into (fixture.confirm_row, "3");
  g_assert_true (save_enabled (&fixture));

  /* an invalid PIN speaks before any mismatch */
  clear (fixture.pin_row);
  type_into (fixture.pin_row, "48");
  g_assert_cmpstr (message (&fixture), ==, porta_pin_check_message (PORTA_PIN_TOO_SHORT));
  g_assert_false (save_enabled (&fixture));

  /* a weak PIN is a warning, not a block */
  clear (fixture.pin_row);
  clear (fixture.confirm_row);
  type_into (fixture.pin_row, "111111");
  g_assert_true (weak_shown (&fixture));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (porta_test_find_by_name (fixture.weak_box, "weak-label"))), ==,
                   _("This PIN is easy to guess."));
  type_into (fixture.confirm_row, "111112");
  g_assert_true (weak_shown (&fixture));
  g_assert_cmpstr (message (&fixture), ==, mismatch);
  gtk_editable_delete_text (delegate (fixture.confirm_row), 5, -1);
  type_into (fixture.confirm_row, "1");
  g_assert_true (weak_shown (&fixture));
  g_assert_null (message (&fixture));
  g_assert_true (save_enabled (&fixture));
  fixture_close (&fixture);
}

static void
test_paste_refused (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  const char *digits = porta_pin_check_message (PORTA_PIN_NOT_DIGITS);
  const char *length = porta_pin_check_message (PORTA_PIN_TOO_LONG);
  Fixture fixture;

  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "it"))
    g_assert_cmpstr (digits, ==, "Sono ammesse solo cifre (0–9).");

  fixture_open (&fixture, NULL, client, FALSE);

  /* a paste with one non-digit is refused whole, and the field says why */
  paste_into (fixture.pin_row, "4829 16");
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "");
  g_assert_cmpstr (message (&fixture), ==, digits);

  /* into a field that holds digits already: they stay as they were */
  paste_into (fixture.pin_row, "482916");
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");
  paste_into (fixture.pin_row, "30a");
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");
  g_assert_cmpstr (message (&fixture), ==, digits);

  /* an input that would pass 10 digits is refused whole too */
  paste_into (fixture.pin_row, "30571");
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");
  g_assert_cmpstr (message (&fixture), ==, length);
  paste_into (fixture.pin_row, "3057");
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "4829163057");
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));

  /* in the middle, as a paste at the cursor */
  {
    int position = 2;

    clear (fixture.pin_row);
    paste_into (fixture.pin_row, "4816");
    gtk_editable_insert_text (delegate (fixture.pin_row), "2x9", -1, &position);
    g_assert_cmpstr (text_of (fixture.pin_row), ==, "4816");
    g_assert_cmpstr (message (&fixture), ==, digits);
    position = 2;
    gtk_editable_insert_text (delegate (fixture.pin_row), "29", -1, &position);
    g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");
  }

  /* Confirm is held to the same rules */
  paste_into (fixture.confirm_row, "482916\n");
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "");
  g_assert_cmpstr (message (&fixture), ==, digits);
  g_assert_false (save_enabled (&fixture));
  assert_described (&fixture, FALSE, TRUE);

  /* set by code, as a drop or an input method would */
  gtk_editable_set_text (delegate (fixture.confirm_row), "４８２９１６");
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "");
  g_assert_cmpstr (message (&fixture), ==, digits);
  gtk_editable_set_text (delegate (fixture.confirm_row), "482916");
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "482916");
  g_assert_cmpstr (message (&fixture), ==, _("6–10 digits"));
  g_assert_true (save_enabled (&fixture));
  fixture_close (&fixture);
}

static void
test_dispose_clears_text (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  Fixture fixture;
  GtkEditable *pin_text, *confirm_text;

  fixture_open (&fixture, NULL, client, FALSE);
  type_into (fixture.pin_row, "482916");
  type_into (fixture.confirm_row, "482916");
  pin_text = g_object_ref (delegate (fixture.pin_row));
  confirm_text = g_object_ref (delegate (fixture.confirm_row));
  fixture_close (&fixture);

  g_assert_cmpstr (gtk_editable_get_text (pin_text), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (confirm_text), ==, "");
  g_object_unref (pin_text);
  g_object_unref (confirm_text);
}

/* ---- saving, against a real porta-sandbox -------------------------------- */

static gboolean
fixture_done (gpointer data)
{
  Fixture *fixture = data;

  return fixture->saved > 0 && !gtk_widget_get_visible (GTK_WIDGET (fixture->dialog));
}

static gboolean
fixture_settled (gpointer data)
{
  return !saving (data);
}

/* Waits for the save to end and the dialog to hide, lets @settle_ms pass
 * (a second save would have begun by then), then closes it: saved once. */
static void
close_when_saved_once (Fixture *fixture,
                       guint    settle_ms)
{
  g_assert_true (porta_test_wait_until (fixture_done, fixture, 20000));
  if (settle_ms > 0)
    porta_test_spin (settle_ms);
  g_assert_cmpuint (fixture->saved, ==, 1);
  fixture_close (fixture);
}

static void
fill_in (Fixture    *fixture,
         const char *pin)
{
  type_into (fixture->pin_row, pin);
  type_into (fixture->confirm_row, pin);
  g_assert_true (save_enabled (fixture));
}

static void
test_save_flow (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  Fixture fixture;

  /* set */
  fixture_open (&fixture, NULL, client, FALSE);
  fill_in (&fixture, "482916");
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_true (saving (&fixture));
  g_assert_cmpstr (message (&fixture), ==, _("Saving the PIN…"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture.pin_row)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture.confirm_row)));
  g_assert_false (save_enabled (&fixture));
  close_when_saved_once (&fixture, 0);

  assert_audit_events (client, 1, 0);

  /* change */
  fixture_open (&fixture, NULL, client, TRUE);
  fill_in (&fixture, "5830274");
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  close_when_saved_once (&fixture, 0);

  assert_audit_events (client, 1, 1);
}

static void
test_server_error (void)
{
  const char *args[] = { "--auto-approve", "--faults", "unavailable=1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  const char *expected = _("The server ran into a problem. Try again in a moment.");
  Fixture fixture;

  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "it"))
    g_assert_cmpstr (expected, !=, "The server ran into a problem. Try again in a moment.");

  porta_client_set_retry_policy (client, 1, 1000, 10);

  fixture_open (&fixture, NULL, client, FALSE);
  fill_in (&fixture, "482916");
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_true (saving (&fixture));
  g_assert_true (porta_test_wait_until (fixture_settled, &fixture, 20000));

  /* the error, in the person's language, inside the dialog; nothing lost */
  g_assert_cmpuint (fixture.saved, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.dialog)));
  g_assert_cmpstr (message (&fixture), ==, expected);
  assert_described (&fixture, FALSE, FALSE);
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "482916");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture.pin_row)));
  g_assert_true (save_enabled (&fixture));

  /* a retry fails the same way, and stays retryable */
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_true (saving (&fixture));
  g_assert_cmpstr (message (&fixture), ==, _("Saving the PIN…"));
  g_assert_true (porta_test_wait_until (fixture_settled, &fixture, 20000));
  g_assert_cmpstr (message (&fixture), ==, expected);
  g_assert_true (save_enabled (&fixture));

  /* the next edit moves on from the error */
  type_into (fixture.confirm_row, "0");
  g_assert_cmpstr (message (&fixture), ==, _("The PINs don’t match."));
  fixture_close (&fixture);
}

static void
test_double_activation (void)
{
  /* latency keeps each request in flight while Save is pressed again */
  const char *args[] = { "--auto-approve", "--faults", "latency=500", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  AuditCount count;
  Fixture fixture;

  /* the action, twice at once, then again while the request is out */
  fixture_open (&fixture, NULL, client, FALSE);
  fill_in (&fixture, "482916");
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  porta_test_spin (100);
  g_assert_true (saving (&fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  close_when_saved_once (&fixture, 200);

  count = count_audit_events (client);
  g_assert_cmpuint (count.set + count.changed, ==, 1);

  /* Enter, twice in each field */
  fixture_open (&fixture, NULL, client, TRUE);
  fill_in (&fixture, "5830274");
  press_enter (fixture.confirm_row);
  press_enter (fixture.confirm_row);
  press_enter (fixture.pin_row);
  press_enter (fixture.pin_row);
  g_assert_true (saving (&fixture));
  close_when_saved_once (&fixture, 200);

  assert_audit_events (client, 1, 1);
}

static void
test_close_while_saving (void)
{
  const char *args[] = { "--auto-approve", "--faults", "latency=800", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  Fixture fixture;

  fixture_open (&fixture, NULL, client, FALSE);
  fill_in (&fixture, "482916");
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_true (saving (&fixture));

  /* closing abandons the request quietly: no "saved", no error shown */
  gtk_window_close (GTK_WINDOW (fixture.dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture.dialog)));
  porta_test_spin (1500);
  g_assert_cmpuint (fixture.saved, ==, 0);
  fixture_close (&fixture);
}

/* ---- the keyboard, through the X server --------------------------------- */

typedef struct
{
  gboolean done;
  int      status;
} Spawned;

static void
spawned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Spawned *spawned = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  spawned->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  spawned->done = TRUE;
}

static gboolean
spawned_done (gpointer data)
{
  return ((Spawned *) data)->done;
}

/* Runs xdotool while the main loop spins, so that GTK sees the keys */
static void
xdotool (const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Spawned spawned = { FALSE, -1 };

  g_ptr_array_add (args, (char *) "xdotool");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, spawned_cb, &spawned);
  g_assert_true (porta_test_wait_until (spawned_done, &spawned, 20000));
  g_assert_cmpint (spawned.status, ==, 0);
  porta_test_spin (200);
}

static gboolean
can_press_keys (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return TRUE;
#endif
  g_test_skip ("needs xdotool and an X11 display");
  return FALSE;
}

static void
focus_window (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "windowfocus", "--sync", xid, NULL };

  xdotool (argv);
#endif
}

static gboolean
fixture_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (((Fixture *) data)->dialog));
}

static void
test_escape_shortcut (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  Fixture fixture;

  /* the dialog answers to Escape, wherever the focus is */
  fixture_open (&fixture, NULL, client, FALSE);
  type_into (fixture.pin_row, "48");
  g_assert_true (porta_test_activate_shortcut (fixture.dialog, GDK_KEY_Escape, 0));
  g_assert_true (porta_test_wait_until (fixture_hidden, &fixture, 5000));
  g_assert_cmpuint (fixture.saved, ==, 0);
  fixture_close (&fixture);
}

static void
test_escape_closes (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  const char *escape[] = { "key", "Escape", NULL };
  Fixture fixture;

  if (!can_press_keys ())
    return;

  fixture_open (&fixture, NULL, client, FALSE);
  focus_window (GTK_WINDOW (fixture.dialog));
  xdotool (escape);
  g_assert_true (porta_test_wait_until (fixture_hidden, &fixture, 5000));
  g_assert_cmpuint (fixture.saved, ==, 0);
  fixture_close (&fixture);
}

/* ---- Suggest a PIN (issue 13) -------------------------------------------- */

static GtkWidget *
suggest_button (Fixture *fixture)
{
  GtkWidget *button = porta_test_find_by_name (GTK_WIDGET (fixture->dialog), "suggest-button");

  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

/* Waits for the dialog to save and close, then checks that the server
 * has @suggested (wiped after) */
static void
assert_saved_as (Fixture     *fixture,
                 PortaClient *client,
                 char        *suggested)
{
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  g_autofree char *saved = NULL;

  g_assert_true (porta_test_wait_until (fixture_done, fixture, 20000));
  g_assert_cmpuint (fixture->saved, ==, 1);
  fixture_close (fixture);

  porta_client_reveal_pin_async (client, NULL, porta_test_waiter_cb, &waiter);
  saved = porta_client_reveal_pin_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, suggested);
  porta_pin_wipe (saved, strlen (saved));
  porta_pin_wipe (suggested, strlen (suggested));
}

static gboolean
collect_mnemonic (GtkWidget *widget,
                  gpointer   user_data)
{
  GArray *keyvals = user_data;
  guint keyval;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
  if (keyval != GDK_KEY_VoidSymbol)
    g_array_append_val (keyvals, keyval);
  return FALSE;
}

/* What the button leaves: a strong PIN in both fields, the PIN field
 * showing it and holding the focus, nothing to correct, Save possible */
static void
assert_suggested (Fixture *fixture)
{
  const char *pin = text_of (fixture->pin_row);

  g_assert_cmpuint (strlen (pin), ==, PORTA_PIN_MAX_LENGTH);
  g_assert_cmpint (porta_pin_check (pin), ==, PORTA_PIN_OK);
  g_assert_false (porta_pin_is_weak (pin));
  g_assert_cmpstr (text_of (fixture->confirm_row), ==, pin);
  g_assert_true (gtk_text_get_visibility (GTK_TEXT (delegate (fixture->pin_row))));
  g_assert_false (gtk_text_get_visibility (GTK_TEXT (delegate (fixture->confirm_row))));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->dialog)) == GTK_WIDGET (delegate (fixture->pin_row)));
  g_assert_cmpstr (message (fixture), ==, _("6–10 digits"));
  g_assert_false (weak_shown (fixture));
  g_assert_true (save_enabled (fixture));
  assert_described (fixture, FALSE, FALSE);
}

static void
test_suggest (void)
{
  g_autoptr(PortaClient) client = offline_client ();
  g_autoptr(GArray) keyvals = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *first = NULL;
  GtkWidget *button;
  GtkWidget *label;
  Fixture fixture;

  fixture_open (&fixture, NULL, client, FALSE);
  button = suggest_button (&fixture);

  /* a labelled button, in this language, reachable by Tab and by its
   * mnemonic, which no other control of the dialog shares */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Su_ggest a PIN"));
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggest a PIN"));
  label = porta_test_find_by_type (button, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)), !=, GDK_KEY_VoidSymbol);
  porta_test_find_widget (GTK_WIDGET (fixture.dialog), collect_mnemonic, keyvals);
  g_assert_cmpuint (keyvals->len, >=, 3);
  for (guint i = 0; i < keyvals->len; i++)
    for (guint j = i + 1; j < keyvals->len; j++)
      g_assert_cmpuint (g_array_index (keyvals, guint, i), !=, g_array_index (keyvals, guint, j));

  /* over whatever was typed, in either field */
  type_into (fixture.pin_row, "12a");
  type_into (fixture.confirm_row, "99");
  g_signal_emit_by_name (button, "clicked");
  assert_suggested (&fixture);

  /* each press, another PIN (the same twice: once in 10^10) */
  first = g_strdup (text_of (fixture.pin_row));
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.suggest", NULL);
  assert_suggested (&fixture);
  g_assert_cmpstr (text_of (fixture.pin_row), !=, first);
  porta_pin_wipe (first, strlen (first));

  /* the suggestion is an ordinary PIN from then on: edited, it is checked */
  clear (fixture.confirm_row);
  type_into (fixture.confirm_row, "12");
  g_assert_false (save_enabled (&fixture));
  fixture_close (&fixture);
}

static void
test_suggest_saves (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) client = signed_in_client (sandbox);
  g_autofree char *suggested = NULL;
  GtkWidget *button;
  Fixture fixture;

  fixture_open (&fixture, NULL, client, FALSE);
  button = suggest_button (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.suggest", NULL);
  assert_suggested (&fixture);
  suggested = g_strdup (text_of (fixture.pin_row));

  /* out of reach while saving, as the fields are */
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.save", NULL);
  g_assert_true (saving (&fixture));
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "pin-dialog.suggest", NULL);
  g_assert_cmpstr (text_of (fixture.pin_row), ==, suggested);

  /* the server has the PIN that was shown */
  assert_saved_as (&fixture, client, suggested);
}

static gboolean
pin_filled (gpointer data)
{
  return text_of (((Fixture *) data)->pin_row)[0] != '\0';
}

static void
test_keyboard_saves (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = NULL;
  g_autoptr(PortaClient) client = NULL;
  const char *type_pin[] = { "type", "--delay", "30", "48a2916", NULL };
  const char *enter[] = { "key", "Return", NULL };
  const char *type_confirm[] = { "type", "--delay", "30", "482916", NULL };
  const char *alt_mnemonic[] = { "key", NULL, NULL };
  g_autofree char *mnemonic = NULL;
  g_autofree char *suggested = NULL;
  GtkWidget *label;
  AuditCount count;
  Fixture fixture;

  if (!can_press_keys ())
    return;

  sandbox = porta_test_sandbox_start (NULL, args);
  client = signed_in_client (sandbox);

  fixture_open (&fixture, NULL, client, FALSE);
  focus_window (GTK_WINDOW (fixture.dialog));

  /* the PIN field has the focus; the letter is refused as it is typed */
  xdotool (type_pin);
  g_assert_cmpstr (text_of (fixture.pin_row), ==, "482916");

  /* Enter on a good PIN moves on to Confirm; Enter there saves */
  xdotool (enter);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)) == GTK_WIDGET (delegate (fixture.confirm_row)));
  xdotool (type_confirm);
  g_assert_cmpstr (text_of (fixture.confirm_row), ==, "482916");
  g_assert_true (save_enabled (&fixture));
  xdotool (enter);
  close_when_saved_once (&fixture, 0);

  count = count_audit_events (client);
  g_assert_cmpuint (count.set, ==, 1);

  /* Suggest a PIN by its mnemonic, Alt and the underlined letter in this
   * language: the PIN is filled in and shown, with the focus on it;
   * Enter then saves it */
  fixture_open (&fixture, NULL, client, TRUE);
  focus_window (GTK_WINDOW (fixture.dialog));
  label = porta_test_find_by_type (suggest_button (&fixture), GTK_TYPE_LABEL);
  mnemonic = g_strdup_printf ("alt+%s", gdk_keyval_name (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))));
  alt_mnemonic[1] = mnemonic;
  xdotool (alt_mnemonic);
  /* the button's press animation runs first (~250 ms) */
  g_assert_true (porta_test_wait_until (pin_filled, &fixture, 5000));
  assert_suggested (&fixture);
  suggested = g_strdup (text_of (fixture.pin_row));
  xdotool (enter);
  assert_saved_as (&fixture, client, suggested);
}

int
main (int   argc,
      char *argv[])
{
  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add_func ("/pin-dialog/initial-state", test_initial_state);
  g_test_add_func ("/pin-dialog/input-table", test_input_table);
  g_test_add_func ("/pin-dialog/pin-is-set", test_pin_is_set);
  g_test_add_func ("/pin-dialog/mismatch", test_mismatch);
  g_test_add_func ("/pin-dialog/paste-refused", test_paste_refused);
  g_test_add_func ("/pin-dialog/dispose-clears-text", test_dispose_clears_text);
  g_test_add_func ("/pin-dialog/save-flow", test_save_flow);
  g_test_add_func ("/pin-dialog/server-error", test_server_error);
  g_test_add_func ("/pin-dialog/double-activation", test_double_activation);
  g_test_add_func ("/pin-dialog/close-while-saving", test_close_while_saving);
  g_test_add_func ("/pin-dialog/escape-shortcut", test_escape_shortcut);
  g_test_add_func ("/pin-dialog/escape-closes", test_escape_closes);
  g_test_add_func ("/pin-dialog/keyboard-saves", test_keyboard_saves);
  g_test_add_func ("/pin-dialog/suggest", test_suggest);
  g_test_add_func ("/pin-dialog/suggest-saves", test_suggest_saves);

  return g_test_run ();
}
