/* test-new-order-dialog.c — the new port-in order dialog: its validation
 * table, and creating orders against porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "porta-banner.h"
#include "porta-client.h"
#include "porta-error.h"
#include "porta-new-order-dialog.h"
#include "porta-order-rules.h"
#include "porta-test-gtk-utils.h"

/* One sandbox and one signed-in client for the whole run */
static PortaTestSandbox *sandbox;
static PortaClient *client;
/* Two of the sandbox's own numbers: one the dialog is told about, one
 * it is not (only the server knows it is taken) */
static PortaPhoneNumber *known_number;
static PortaPhoneNumber *unknown_tenant_number;
/* A number in one of the sandbox's open port-in orders */
static char *number_in_open_order;
/* numbers no test has sent yet: +39 0471 2xxxxx, free in the sandbox */
static guint next_free = 200000;

/* ---- the sandbox -------------------------------------------------------- */

static PortaClient *
sign_in (PortaTestSandbox *on)
{
  return porta_test_client (on, 6, 20000, 50);
}

static GPtrArray *
list_orders (void)
{
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };
  GPtrArray *orders;

  porta_client_list_port_orders_async (client, NULL, NULL, porta_test_waiter_cb, &waiter);
  orders = porta_client_list_port_orders_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  return orders;
}

static PortaPortOrder *
find_order (GPtrArray  *orders,
            const char *id)
{
  for (guint i = 0; i < orders->len; i++)
    if (g_strcmp0 (porta_port_order_get_id (orders->pdata[i]), id) == 0)
      return orders->pdata[i];
  return NULL;
}

static void
fetch_sandbox_numbers (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  PortaTestWaiter waiter = { NULL };

  porta_client_list_numbers_async (client, NULL, store, NULL, NULL, NULL, porta_test_waiter_cb, &waiter);
  porta_client_list_numbers_finish (client, porta_test_waiter_wait (&waiter, 20000), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >, 20);
  known_number = g_list_model_get_item (G_LIST_MODEL (store), 3);
  unknown_tenant_number = g_list_model_get_item (G_LIST_MODEL (store), 17);

  orders = list_orders ();
  for (guint i = 0; i < orders->len && number_in_open_order == NULL; i++)
    {
      PortaPortOrder *order = orders->pdata[i];
      const char * const *numbers = porta_port_order_get_telephone_numbers (order);

      if (porta_port_order_get_direction (order) == PORTA_PORT_ORDER_DIRECTION_PORT_IN
          && porta_port_order_get_status (order) == PORTA_PORT_ORDER_STATUS_PROCESSING
          && numbers != NULL && numbers[0] != NULL)
        number_in_open_order = g_strdup (numbers[0]);
    }
  g_assert_nonnull (number_in_open_order);
}

static char *
free_number (void)
{
  return g_strdup_printf ("+39 0471 %06u", next_free++);
}

/* ---- driving the dialog ------------------------------------------------- */

typedef enum
{
  NAME,
  NUMBERS,
  CARRIER,
  ACCOUNT,
  BILLING,
  CARRIER_PIN,
  DATE,
  AUTHORIZED_BY,
  N_FIELDS
} Field;

static const char * const error_names[N_FIELDS] = {
  "name-error", "numbers-error", "carrier-error", "account-error", "billing-error",
  "carrier-pin-error", "date-error", "authorized-error",
};

typedef struct
{
  PortaNewOrderDialog *dialog;
  GtkWidget           *rows[N_FIELDS];
  GtkLabel            *errors[N_FIELDS];
  GtkTextView         *numbers_view;
  GtkTextBuffer       *buffer;
  GtkLabel            *count;
  GtkListBox          *problems;
  GtkCalendar         *calendar;
  GtkWidget           *date_button;
  GtkWidget           *create_button;
  GtkWidget           *spinner;
  PortaBanner         *banner;
  GPtrArray           *created;
} Fixture;

static GtkWidget *
must_find (GtkWidget  *root,
           const char *name)
{
  GtkWidget *found = porta_test_find_by_name (root, name);

  if (found == NULL)
    g_error ("no widget named %s", name);
  return found;
}

static void
created_cb (PortaNewOrderDialog *dialog,
            PortaPortOrder      *order,
            Fixture             *fixture)
{
  g_assert_true (PORTA_IS_PORT_ORDER (order));
  g_ptr_array_add (fixture->created, g_object_ref (order));
}

static void
fixture_open (Fixture    *fixture,
              GListModel *known)
{
  GtkWidget *root;
  static const char * const row_names[N_FIELDS] = {
    "name-row", "numbers-view", "carrier-row", "account-row", "billing-row",
    "carrier-pin-row", "date-button", "authorized-row",
  };

  memset (fixture, 0, sizeof *fixture);
  fixture->dialog = g_object_ref_sink (porta_new_order_dialog_new (NULL, client, known));
  root = GTK_WIDGET (fixture->dialog);
  for (Field field = 0; field < N_FIELDS; field++)
    {
      fixture->rows[field] = must_find (root, row_names[field]);
      fixture->errors[field] = GTK_LABEL (must_find (root, error_names[field]));
    }
  fixture->numbers_view = GTK_TEXT_VIEW (fixture->rows[NUMBERS]);
  fixture->buffer = gtk_text_view_get_buffer (fixture->numbers_view);
  fixture->count = GTK_LABEL (must_find (root, "numbers-count"));
  fixture->problems = GTK_LIST_BOX (must_find (root, "problems-list"));
  fixture->calendar = GTK_CALENDAR (must_find (root, "calendar"));
  fixture->date_button = fixture->rows[DATE];
  fixture->create_button = must_find (root, "create-button");
  fixture->spinner = must_find (root, "spinner");
  fixture->banner = PORTA_BANNER (must_find (root, "banner"));
  fixture->created = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->dialog, "created", G_CALLBACK (created_cb), fixture);

  porta_test_show_window (fixture->dialog);
}

static void
fixture_close (Fixture *fixture)
{
  porta_test_destroy_window (fixture->dialog);
  fixture->dialog = NULL;
  g_clear_pointer (&fixture->created, g_ptr_array_unref);
}

static void
set_row (Fixture    *fixture,
         Field       field,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->rows[field]), text);
}

static void
set_numbers (Fixture    *fixture,
             const char *text)
{
  gtk_text_buffer_set_text (fixture->buffer, text, -1);
}

/* The first day the order rules allow now: today + the lead days, but
 * for the last minutes of a day (porta-order-rules.c) */
static GDateTime *
earliest_day (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  return porta_order_rules_earliest_foc_day (now, tz);
}

/* @days_from_today counts from the earliest day as if it were the lead
 * days from today, which it is but for the last minutes of a day */
static void
set_date (Fixture *fixture,
          int      days_from_today)
{
  g_autoptr(GDateTime) earliest = earliest_day ();
  g_autoptr(GDateTime) day = g_date_time_add_days (earliest, days_from_today - PORTA_ORDER_LEAD_DAYS);

  gtk_calendar_select_day (fixture->calendar, day);
}

/* What GtkText's Return binding does in an entry row */
static void
press_enter (Fixture *fixture,
             Field    field)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (fixture->rows[field])), "activate");
}

static void
fill_valid (Fixture *fixture)
{
  g_autofree char *a = free_number ();
  g_autofree char *b = free_number ();
  g_autofree char *numbers = g_strdup_printf ("%s\n%s\n", a, b);

  set_row (fixture, NAME, "Bolzano office");
  set_numbers (fixture, numbers);
  set_row (fixture, CARRIER, "TIM");
  set_row (fixture, ACCOUNT, "888 0123 4567");
  set_row (fixture, BILLING, "+39 0471 100000");
  set_row (fixture, CARRIER_PIN, "4821");
  set_date (fixture, PORTA_ORDER_LEAD_DAYS);
  set_row (fixture, AUTHORIZED_BY, "Giulia Ferraro");
}

static gboolean
create_enabled (Fixture *fixture)
{
  return gtk_widget_get_sensitive (fixture->create_button);
}

/* The message under a field, or NULL */
static const char *
field_error (Fixture *fixture,
             Field    field)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (fixture->errors[field])))
    return NULL;
  return gtk_label_get_text (fixture->errors[field]);
}

/* The rows of the list of bad lines, as a NULL-terminated array */
static GStrv
problem_rows (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (gtk_widget_get_visible (GTK_WIDGET (fixture->problems)))
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fixture->problems));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strv_builder_end (builder);
}

/* Whether the text of line @line (1-based) carries the problem underline */
static gboolean
line_underlined (Fixture *fixture,
                 guint    line)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (fixture->buffer), "problem");
  GtkTextIter iter, end;

  gtk_text_buffer_get_iter_at_line (fixture->buffer, &iter, line - 1);
  end = iter;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  for (; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      return TRUE;
  return FALSE;
}

static char *
count_text (guint n)
{
  if (n == 0)
    return g_strdup (_("No numbers yet"));
  return g_strdup_printf (ngettext ("%'u number", "%'u numbers", n), n);
}

static gboolean
italian (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "it");
}

/* In Italian, a message must not come out in English */
static void
assert_translated (const char *msgid)
{
  if (italian ())
    g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, msgid), !=, msgid);
}

/* ---- the expected messages ---------------------------------------------- */

typedef enum
{
  OK,
  REQUIRED,
  TOO_LONG,
  NOT_DIGITS,
  NO_PLUS,
  LEADING_ZERO,
  TOO_SHORT,
  TOO_LONG_NUMBER,
  DUPLICATE,
  KNOWN,
  IN_ORDER,
  TOO_MANY,
  TOO_SOON,
} Expect;

static const char *
required_msgid (Field field)
{
  switch (field)
    {
    case NAME: return N_("Enter a name for the order.");
    case NUMBERS: return N_("Add at least one number.");
    case CARRIER: return N_("Enter the name of the current carrier.");
    case ACCOUNT: return N_("Enter the account number at the current carrier.");
    case BILLING: return N_("Enter the billing telephone number.");
    case CARRIER_PIN: return N_("Enter the PIN of the account at the current carrier.");
    case DATE: return N_("Choose a transfer date.");
    case AUTHORIZED_BY: return N_("Enter the name of the person who authorizes the transfer.");
    case N_FIELDS:
    default: g_assert_not_reached ();
    }
}

static guint
max_chars (Field field)
{
  switch (field)
    {
    case NAME: case CARRIER: case AUTHORIZED_BY: return 100;
    case ACCOUNT: return 64;
    case CARRIER_PIN: return 20;
    case NUMBERS: case BILLING: case DATE: case N_FIELDS:
    default: g_assert_not_reached ();
    }
}

static char *
expected_field_message (Field  field,
                        Expect expect,
                        guint  n)
{
  g_autoptr(GDateTime) earliest = earliest_day ();
  g_autofree char *day = NULL;

  switch (expect)
    {
    case OK:
      return NULL;
    case REQUIRED:
      assert_translated (required_msgid (field));
      return g_strdup (_(required_msgid (field)));
    case TOO_LONG:
      return g_strdup_printf (ngettext ("Too long: use at most %u character.",
                                        "Too long: use at most %u characters.", max_chars (field)),
                              max_chars (field));
    case NOT_DIGITS:
      return g_strdup (_("Only digits can follow the +, such as +39 02 1234 5678."));
    case NO_PLUS:
      assert_translated ("Start with + and the country code, such as +39 02 1234 5678.");
      return g_strdup (_("Start with + and the country code, such as +39 02 1234 5678."));
    case TOO_SHORT:
      return g_strdup (_("This is too short to be a phone number."));
    case TOO_MANY:
      return g_strdup_printf (ngettext ("An order can hold at most 999 numbers, and this list has %'u. "
                                        "Split it into more orders.",
                                        "An order can hold at most 999 numbers, and this list has %'u. "
                                        "Split it into more orders.", n), n);
    case TOO_SOON:
      day = g_date_time_format (earliest, _("%-d %b %Y"));
      return g_strdup_printf (ngettext ("Too soon: choose %s or later. The current carrier needs at least "
                                        "%u day’s notice.",
                                        "Too soon: choose %s or later. The current carrier needs at least "
                                        "%u days’ notice.",
                                        PORTA_ORDER_LEAD_DAYS),
                              day, PORTA_ORDER_LEAD_DAYS);
    case LEADING_ZERO:
    case TOO_LONG_NUMBER:
    case DUPLICATE:
    case KNOWN:
    case IN_ORDER:
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  Expect      expect;
  guint       line;
  const char *text;        /* what is written there; E.164 for DUPLICATE, KNOWN, IN_ORDER */
  guint       other_line;  /* DUPLICATE */
} ExpectLine;

static char *
expected_line_message (const ExpectLine *e)
{
  g_autofree char *formatted = porta_phone_number_format_e164 (e->text);

  switch (e->expect)
    {
    case NOT_DIGITS:
      return g_strdup_printf (_("Line %u: “%s” can only have digits after the +"), e->line, e->text);
    case NO_PLUS:
      assert_translated ("Line %u: start “%s” with + and the country code");
      return g_strdup_printf (_("Line %u: start “%s” with + and the country code"), e->line, e->text);
    case LEADING_ZERO:
      return g_strdup_printf (_("Line %u: “%s” has a 0 after the +, where the country code goes"),
                              e->line, e->text);
    case TOO_SHORT:
      assert_translated ("Line %u: “%s” is too short to be a phone number");
      return g_strdup_printf (_("Line %u: “%s” is too short to be a phone number"), e->line, e->text);
    case TOO_LONG_NUMBER:
      return g_strdup_printf (_("Line %u: “%s” is too long: a phone number has at most 15 digits"),
                              e->line, e->text);
    case DUPLICATE:
      assert_translated ("Line %u: %s is listed twice (also line %u)");
      return g_strdup_printf (_("Line %u: %s is listed twice (also line %u)"), e->line, formatted, e->other_line);
    case KNOWN:
      assert_translated ("Line %u: %s is already one of the organization’s numbers");
      return g_strdup_printf (_("Line %u: %s is already one of the organization’s numbers"), e->line, formatted);
    case IN_ORDER:
      return g_strdup_printf (_("Line %u: %s is already in another open port-in order"), e->line, formatted);
    case OK:
    case REQUIRED:
    case TOO_LONG:
    case TOO_MANY:
    case TOO_SOON:
    default:
      g_assert_not_reached ();
    }
}

/* What a screen reader hears on a field: its message as the description,
 * and the invalid state. Only the test AT context can be read back. */
static void
assert_described (Fixture    *fixture,
                  Field       field,
                  const char *message)
{
  GtkAccessible *target = GTK_ACCESSIBLE (fixture->rows[field]);

  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") != 0)
    return;

  if (ADW_IS_ENTRY_ROW (fixture->rows[field]))
    {
      GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (fixture->rows[field])));

      if (message != NULL)
        gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
      gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID,
                                        message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                        : GTK_ACCESSIBLE_INVALID_FALSE);
    }
  if (message != NULL && field != NUMBERS)
    gtk_test_accessible_assert_property (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
  if (field != NUMBERS)
    gtk_test_accessible_assert_state (target, GTK_ACCESSIBLE_STATE_INVALID,
                                      message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                      : GTK_ACCESSIBLE_INVALID_FALSE);
}

/* ---- the validation table ----------------------------------------------- */

#define DEFAULT_DATE G_MININT
#define ONE_THOUSAND "1000"
#define NINE_NINE_NINE "999"

typedef struct
{
  Field  field;
  Expect expect;
} ExpectField;

/* Each case starts from a valid form and changes what it names (NULL:
 * the valid value; "" empties the field). `reveal` presses Enter on the
 * last field first, as a person trying to create would. */
static const struct
{
  const char  *name;
  const char  *display_name;
  const char  *numbers;
  const char  *carrier;
  const char  *account;
  const char  *billing;
  const char  *pin;
  const char  *authorized_by;
  int          date_days;
  gboolean     known;
  gboolean     reveal;
  gboolean     enabled;
  int          n_numbers;            /* -1: not checked */
  ExpectField  fields[9];
  ExpectLine   lines[6];
  guint        underlined[6];
} table[] = {
  { "valid", NULL, "+39 0471 100001\n+39 0471 100002", NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, TRUE, 2, { { 0 } }, { { 0 } }, { 0 } },

  /* each required field empty: not said until visited or Create is tried */
  { "name empty, not visited", "", NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { NAME, OK } }, { { 0 } }, { 0 } },
  { "name empty", "", NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { NAME, REQUIRED } }, { { 0 } }, { 0 } },
  { "name blank", "   ", NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { NAME, REQUIRED } }, { { 0 } }, { 0 } },
  { "carrier empty", NULL, NULL, "", NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { CARRIER, REQUIRED }, { NAME, OK } }, { { 0 } }, { 0 } },
  { "account empty", NULL, NULL, NULL, "", NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { ACCOUNT, REQUIRED } }, { { 0 } }, { 0 } },
  { "billing empty", NULL, NULL, NULL, NULL, "", NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { BILLING, REQUIRED } }, { { 0 } }, { 0 } },
  { "carrier PIN empty", NULL, NULL, NULL, NULL, NULL, "", NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { CARRIER_PIN, REQUIRED } }, { { 0 } }, { 0 } },
  { "authorized by empty", NULL, NULL, NULL, NULL, NULL, NULL, "", DEFAULT_DATE,
    FALSE, TRUE, FALSE, -1, { { AUTHORIZED_BY, REQUIRED } }, { { 0 } }, { 0 } },
  { "0 numbers", NULL, "", NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, 0, { { NUMBERS, REQUIRED } }, { { 0 } }, { 0 } },
  { "only blank lines", NULL, "\n  \n\t\n", NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, TRUE, FALSE, 0, { { NUMBERS, REQUIRED } }, { { 0 } }, { 0 } },
  { "everything empty", "", "", "", "", "", "", "", DEFAULT_DATE,
    FALSE, TRUE, FALSE, 0,
    { { NAME, REQUIRED }, { NUMBERS, REQUIRED }, { CARRIER, REQUIRED }, { ACCOUNT, REQUIRED },
      { BILLING, REQUIRED }, { CARRIER_PIN, REQUIRED }, { AUTHORIZED_BY, REQUIRED }, { DATE, OK } },
    { { 0 } }, { 0 } },

  /* lengths the server takes, and one more */
  { "name of 100 characters", "N100", NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, TRUE, -1, { { NAME, OK } }, { { 0 } }, { 0 } },
  { "name of 101 characters", "N101", NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { NAME, TOO_LONG } }, { { 0 } }, { 0 } },
  { "account number of 65 characters", NULL, NULL, NULL, "N65", NULL, NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { ACCOUNT, TOO_LONG } }, { { 0 } }, { 0 } },
  { "carrier PIN of 21 characters", NULL, NULL, NULL, NULL, NULL, "N21", NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { CARRIER_PIN, TOO_LONG } }, { { 0 } }, { 0 } },

  /* the numbers */
  { "spaces, dashes, dots and brackets", NULL,
    "+39 0471 100-003\n+39.0471.100.004\n+39 (0471) 100005\n+44 (0)20 7946 0958\n+1 (206) 555-0188",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, TRUE, 5, { { NUMBERS, OK } }, { { 0 } }, { 0 } },
  { "commas, semicolons, tabs and blank lines", NULL,
    "+390471100006, +390471100007;+390471100008\n\n\t+390471100009\t\n  \n",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, TRUE, 4, { { NUMBERS, OK } }, { { 0 } }, { 0 } },
  { "shortest and longest", NULL, "+12345678\n+123456789012345",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, TRUE, 2, { { NUMBERS, OK } }, { { 0 } }, { 0 } },
  { "without +", NULL, "+39 0471 100010\n02 1234 5678",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 2, { { NUMBERS, OK } },
    { { NO_PLUS, 2, "02 1234 5678" } }, { 2 } },
  { "00 instead of +", NULL, "0039 0471 100011",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 1, { { 0 } },
    { { NO_PLUS, 1, "0039 0471 100011" } }, { 1 } },
  { "too short", NULL, "+39 0471 100012\n+39 02",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 2, { { 0 } },
    { { TOO_SHORT, 2, "+39 02" } }, { 2 } },
  { "too long", NULL, "+39 0212345678901234",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 1, { { 0 } },
    { { TOO_LONG_NUMBER, 1, "+39 0212345678901234" } }, { 1 } },
  { "letters", NULL, "+39 02 CALL NOW\n+39 0471 100013",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 2, { { 0 } },
    { { NOT_DIGITS, 1, "+39 02 CALL NOW" } }, { 1 } },
  { "a second +", NULL, "+39 +0471 100014",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 1, { { 0 } },
    { { NOT_DIGITS, 1, "+39 +0471 100014" } }, { 1 } },
  { "0 after the +", NULL, "+0471 100015",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 1, { { 0 } },
    { { LEADING_ZERO, 1, "+0471 100015" } }, { 1 } },
  { "duplicate", NULL, "+39 0471 100016\n+39 0471 100017\n\n+390471100016",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 3, { { 0 } },
    { { DUPLICATE, 4, "+390471100016", 1 } }, { 4 } },
  { "already in the organization", NULL, "+39 0471 100018\nKNOWN",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, TRUE, FALSE, FALSE, 2, { { 0 } },
    { { KNOWN, 2, "KNOWN" } }, { 2 } },
  { "several problems", NULL, "02 1234 5678\n+39 0471 100019\n+39 02\n+39 0471 100019\n+39 02 CALL",
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 5, { { 0 } },
    { { NO_PLUS, 1, "02 1234 5678" }, { TOO_SHORT, 3, "+39 02" }, { DUPLICATE, 4, "+390471100019", 2 },
      { NOT_DIGITS, 5, "+39 02 CALL" } },
    { 1, 3, 4, 5 } },
  { "999 numbers", NULL, NINE_NINE_NINE,
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, TRUE, 999, { { NUMBERS, OK } }, { { 0 } }, { 0 } },
  { "1000 numbers", NULL, ONE_THOUSAND,
    NULL, NULL, NULL, NULL, NULL, DEFAULT_DATE, FALSE, FALSE, FALSE, 1000, { { NUMBERS, TOO_MANY } },
    { { 0 } }, { 0 } },

  /* the billing telephone number */
  { "billing number without +", NULL, NULL, NULL, NULL, "0471 100000", NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { BILLING, NO_PLUS } }, { { 0 } }, { 0 } },
  { "billing number too short", NULL, NULL, NULL, NULL, "+39 0471", NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { BILLING, TOO_SHORT } }, { { 0 } }, { 0 } },
  { "billing number with letters", NULL, NULL, NULL, NULL, "+39 0471 CALL", NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, FALSE, -1, { { BILLING, NOT_DIGITS } }, { { 0 } }, { 0 } },
  { "billing number formatted", NULL, NULL, NULL, NULL, "+39 (0471) 10-00-00", NULL, NULL, DEFAULT_DATE,
    FALSE, FALSE, TRUE, -1, { { BILLING, OK } }, { { 0 } }, { 0 } },

  /* the requested transfer date */
  { "date today", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0,
    FALSE, FALSE, FALSE, -1, { { DATE, TOO_SOON } }, { { 0 } }, { 0 } },
  { "date in the past", NULL, NULL, NULL, NULL, NULL, NULL, NULL, -3,
    FALSE, FALSE, FALSE, -1, { { DATE, TOO_SOON } }, { { 0 } }, { 0 } },
  { "date 6 days ahead", NULL, NULL, NULL, NULL, NULL, NULL, NULL, PORTA_ORDER_LEAD_DAYS - 1,
    FALSE, FALSE, FALSE, -1, { { DATE, TOO_SOON } }, { { 0 } }, { 0 } },
  { "date 7 days ahead", NULL, NULL, NULL, NULL, NULL, NULL, NULL, PORTA_ORDER_LEAD_DAYS,
    FALSE, FALSE, TRUE, -1, { { DATE, OK } }, { { 0 } }, { 0 } },
  { "date 90 days ahead", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 90,
    FALSE, FALSE, TRUE, -1, { { DATE, OK } }, { { 0 } }, { 0 } },
};

/* "N100" is 100 characters, "KNOWN" the known number, "1000" a list */
static char *
expand (const char *value)
{
  if (value == NULL)
    return NULL;
  if (value[0] == 'N' && g_ascii_isdigit (value[1]))
    {
      guint n = atoi (value + 1);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_c (text, 'a' + i % 26);
      return g_string_free (text, FALSE);
    }
  if (strcmp (value, ONE_THOUSAND) == 0 || strcmp (value, NINE_NINE_NINE) == 0)
    {
      guint n = atoi (value);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "+39 0471 3%05u\n", i);
      return g_string_free (text, FALSE);
    }
  if (strstr (value, "KNOWN") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, "KNOWN", -1);

      return g_strjoinv (porta_phone_number_get_telephone_number (known_number), parts);
    }
  return g_strdup (value);
}

static void
test_validation_table (void)
{
  g_autoptr(GListStore) known = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);

  g_list_store_append (known, known_number);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      Fixture fixture;
      g_auto(GStrv) rows = NULL;
      const char *values[N_FIELDS] = {
        table[i].display_name, table[i].numbers, table[i].carrier, table[i].account,
        table[i].billing, table[i].pin, NULL, table[i].authorized_by,
      };
      guint n_lines = 0;

      g_test_message ("case %u: %s", i, table[i].name);
      fixture_open (&fixture, table[i].known ? G_LIST_MODEL (known) : NULL);
      fill_valid (&fixture);
      g_assert_true (create_enabled (&fixture));

      for (Field field = 0; field < N_FIELDS; field++)
        {
          g_autofree char *value = expand (values[field]);

          if (value == NULL)
            continue;
          if (field == NUMBERS)
            set_numbers (&fixture, value);
          else
            set_row (&fixture, field, value);
        }
      if (table[i].date_days != DEFAULT_DATE)
        set_date (&fixture, table[i].date_days);
      if (table[i].reveal)
        press_enter (&fixture, AUTHORIZED_BY);

      g_assert_cmpint (create_enabled (&fixture), ==, table[i].enabled);
      /* nothing was sent, whatever Enter did */
      g_assert_false (gtk_widget_get_visible (fixture.spinner));
      g_assert_cmpuint (fixture.created->len, ==, 0);

      if (table[i].n_numbers >= 0)
        {
          g_autofree char *count = count_text (table[i].n_numbers);

          g_assert_cmpstr (gtk_label_get_text (fixture.count), ==, count);
        }

      /* the fields the case names say what they should; all the others
       * say nothing */
      for (Field field = 0; field < N_FIELDS; field++)
        {
          g_autofree char *expected = NULL;

          for (guint j = 0; j < G_N_ELEMENTS (table[i].fields); j++)
            {
              if (table[i].fields[j].field == field && table[i].fields[j].expect != OK)
                expected = expected_field_message (field, table[i].fields[j].expect,
                                                   table[i].n_numbers > 0 ? table[i].n_numbers : 0);
            }
          g_assert_cmpstr (field_error (&fixture, field), ==, expected);
          if (field != NUMBERS && field != DATE)
            assert_described (&fixture, field, expected);
        }

      /* one row per bad line, in order, each naming its line */
      rows = problem_rows (&fixture);
      for (; n_lines < G_N_ELEMENTS (table[i].lines) && table[i].lines[n_lines].expect != OK; n_lines++)
        {
          ExpectLine line = table[i].lines[n_lines];
          g_autofree char *text = expand (line.text);
          g_autofree char *expected = NULL;

          line.text = text;
          expected = expected_line_message (&line);
          g_assert_cmpuint (g_strv_length (rows), >, n_lines);
          g_assert_cmpstr (rows[n_lines], ==, expected);
        }
      g_assert_cmpuint (g_strv_length (rows), ==, n_lines);

      /* the same lines, and only they, underlined in the text */
      for (int line = 1; line <= gtk_text_buffer_get_line_count (fixture.buffer); line++)
        {
          gboolean expected = FALSE;

          for (guint j = 0; j < G_N_ELEMENTS (table[i].underlined) && table[i].underlined[j] != 0; j++)
            expected |= table[i].underlined[j] == (guint) line;
          if (line_underlined (&fixture, line) != expected)
            g_error ("case %s: line %d is%s underlined", table[i].name, line, expected ? " not" : "");
        }

      fixture_close (&fixture);
    }
}

/* ---- the states, one by one --------------------------------------------- */

static void
test_initial_state (void)
{
  Fixture fixture;
  g_autoptr(GDateTime) expected = earliest_day ();
  g_autoptr(GDateTime) chosen = NULL;

  fixture_open (&fixture, NULL);

  /* empty, and calling nothing an error yet */
  g_assert_false (create_enabled (&fixture));
  for (Field field = 0; field < N_FIELDS; field++)
    g_assert_null (field_error (&fixture, field));
  g_assert_cmpstr (gtk_label_get_text (fixture.count), ==, _("No numbers yet"));
  assert_translated ("No numbers yet");
  assert_translated ("New Port-In Order");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture.dialog)), ==, _("New Port-In Order"));

  /* the date: the lead time ahead */
  chosen = gtk_calendar_get_date (fixture.calendar);
  g_assert_cmpint (g_date_time_get_year (chosen), ==, g_date_time_get_year (expected));
  g_assert_cmpint (g_date_time_get_day_of_year (chosen), ==, g_date_time_get_day_of_year (expected));

  /* the first field has the focus */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)),
                                         fixture.rows[NAME]));

  fixture_close (&fixture);
}

/* An empty field is called so once the focus leaves it, not before */
static void
test_visited (void)
{
  Fixture fixture;

  fixture_open (&fixture, NULL);
  gtk_widget_grab_focus (fixture.rows[NAME]);
  g_assert_null (field_error (&fixture, NAME));
  gtk_widget_grab_focus (fixture.rows[NUMBERS]);
  g_assert_cmpstr (field_error (&fixture, NAME), ==, _("Enter a name for the order."));
  assert_described (&fixture, NAME, _("Enter a name for the order."));
  /* the numbers, still focused, say nothing yet */
  g_assert_null (field_error (&fixture, NUMBERS));
  gtk_widget_grab_focus (fixture.rows[CARRIER]);
  g_assert_cmpstr (field_error (&fixture, NUMBERS), ==, _("Add at least one number."));
  /* fixed: the message goes */
  set_row (&fixture, NAME, "Bolzano");
  g_assert_null (field_error (&fixture, NAME));
  assert_described (&fixture, NAME, NULL);
  fixture_close (&fixture);
}

/* A number being typed at the end of its line is not "too short" yet;
 * once the cursor leaves the line it is. */
static void
test_typing_not_scolded (void)
{
  Fixture fixture;
  GtkTextIter iter;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) rows_after = NULL;
  g_autofree char *expected = NULL;
  ExpectLine line = { TOO_SHORT, 2, "+39 04" };

  fixture_open (&fixture, NULL);
  gtk_widget_grab_focus (fixture.rows[NUMBERS]);
  set_numbers (&fixture, "+39 0471 100020\n+39 04");
  gtk_text_buffer_get_end_iter (fixture.buffer, &iter);
  gtk_text_buffer_place_cursor (fixture.buffer, &iter);
  rows = problem_rows (&fixture);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_false (line_underlined (&fixture, 2));

  gtk_text_buffer_get_start_iter (fixture.buffer, &iter);
  gtk_text_buffer_place_cursor (fixture.buffer, &iter);
  rows_after = problem_rows (&fixture);
  expected = expected_line_message (&line);
  g_assert_cmpuint (g_strv_length (rows_after), ==, 1);
  g_assert_cmpstr (rows_after[0], ==, expected);
  g_assert_true (line_underlined (&fixture, 2));
  fixture_close (&fixture);
}

/* A row of the problem list takes the cursor to its line */
static void
test_problem_row_goes_to_line (void)
{
  Fixture fixture;
  GtkWidget *row;
  GtkTextIter cursor;

  fixture_open (&fixture, NULL);
  set_numbers (&fixture, "+39 0471 100021\n+39 0471 100022\n\n   02 1234");
  row = gtk_widget_get_first_child (GTK_WIDGET (fixture.problems));
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (fixture.problems, "row-activated", row);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)) == GTK_WIDGET (fixture.numbers_view));
  gtk_text_buffer_get_iter_at_mark (fixture.buffer, &cursor, gtk_text_buffer_get_insert (fixture.buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 3);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 3);
  fixture_close (&fixture);
}

/* The organization's numbers may arrive after the dialog opened */
static void
test_known_numbers_arrive (void)
{
  Fixture fixture;
  g_autoptr(GListStore) known = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autofree char *numbers = g_strdup_printf ("+39 0471 100023\n%s",
                                              porta_phone_number_get_telephone_number (known_number));
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) removed = NULL;

  fixture_open (&fixture, G_LIST_MODEL (known));
  fill_valid (&fixture);
  set_numbers (&fixture, numbers);
  before = problem_rows (&fixture);
  g_assert_cmpuint (g_strv_length (before), ==, 0);
  g_assert_true (create_enabled (&fixture));

  g_list_store_append (known, known_number);
  after = problem_rows (&fixture);
  g_assert_cmpuint (g_strv_length (after), ==, 1);
  g_assert_false (create_enabled (&fixture));

  g_list_store_remove_all (known);
  removed = problem_rows (&fixture);
  g_assert_cmpuint (g_strv_length (removed), ==, 0);
  g_assert_true (create_enabled (&fixture));
  fixture_close (&fixture);
}

static void
test_dispose_clears_pin (void)
{
  Fixture fixture;
  GtkEditable *pin;

  fixture_open (&fixture, NULL);
  pin = GTK_EDITABLE (g_object_ref (fixture.rows[CARRIER_PIN]));
  set_row (&fixture, CARRIER_PIN, "4821");
  fixture_close (&fixture);
  g_assert_cmpstr (gtk_editable_get_text (pin), ==, "");
  g_object_unref (pin);
}

static void
test_escape_closes (void)
{
  Fixture fixture;
  GtkWidget *dialog;

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  dialog = GTK_WIDGET (fixture.dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (porta_test_activate_shortcut (fixture.dialog, GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture.dialog)));
  g_assert_cmpuint (fixture.created->len, ==, 0);
  fixture_close (&fixture);
  g_assert_null (dialog);
}

/* ---- against the sandbox ------------------------------------------------ */

static gboolean
has_created (gpointer data)
{
  return ((Fixture *) data)->created->len > 0;
}

static gboolean
creating_done (gpointer data)
{
  Fixture *fixture = data;

  return fixture->created->len > 0 || !gtk_widget_get_visible (fixture->spinner);
}

static void
test_create (void)
{
  Fixture fixture;
  g_autoptr(GPtrArray) orders = NULL;
  g_autofree char *a = free_number ();
  g_autofree char *b = free_number ();
  g_autofree char *numbers = g_strdup_printf ("  %s\n\n(+39) 0471-%06u, %s", a, next_free++, b);
  g_autofree char *third = g_strdup_printf ("+390471%06u", next_free - 1);
  g_autoptr(GString) a_e164 = g_string_new (NULL);
  g_autoptr(GString) b_e164 = g_string_new (NULL);
  PortaPortOrder *order;
  PortaPortOrder *listed;
  const char * const *sent;
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GDateTime) requested = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 30);

  for (const char *p = a; *p != '\0'; p++)
    if (*p == '+' || g_ascii_isdigit (*p))
      g_string_append_c (a_e164, *p);
  for (const char *p = b; *p != '\0'; p++)
    if (*p == '+' || g_ascii_isdigit (*p))
      g_string_append_c (b_e164, *p);

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  set_row (&fixture, NAME, "  Bolzano office  ");
  set_numbers (&fixture, numbers);
  set_date (&fixture, 30);
  g_assert_true (create_enabled (&fixture));

  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "new-order.create", NULL);
  g_assert_true (gtk_widget_get_visible (fixture.spinner));
  g_assert_false (create_enabled (&fixture));
  g_assert_true (porta_test_wait_until (has_created, &fixture, 20000));

  /* the server's order: a port-in, processing, with the numbers in E.164 */
  g_assert_cmpuint (fixture.created->len, ==, 1);
  order = fixture.created->pdata[0];
  g_assert_cmpint (porta_port_order_get_direction (order), ==, PORTA_PORT_ORDER_DIRECTION_PORT_IN);
  g_assert_cmpint (porta_port_order_get_status (order), ==, PORTA_PORT_ORDER_STATUS_PROCESSING);
  g_assert_cmpstr (porta_port_order_get_display_name (order), ==, "Bolzano office");
  g_assert_cmpstr (porta_port_order_get_carrier_name (order), ==, "TIM");
  g_assert_cmpstr (porta_port_order_get_account_number (order), ==, "888 0123 4567");
  g_assert_cmpstr (porta_port_order_get_billing_telephone_number (order), ==, "+390471100000");
  g_assert_cmpstr (porta_port_order_get_authorized_by (order), ==, "Giulia Ferraro");
  sent = porta_port_order_get_telephone_numbers (order);
  g_assert_nonnull (sent);
  g_assert_cmpuint (g_strv_length ((GStrv) sent), ==, 3);
  g_assert_cmpstr (sent[0], ==, a_e164->str);
  g_assert_cmpstr (sent[1], ==, third);
  g_assert_cmpstr (sent[2], ==, b_e164->str);

  /* on the chosen day, in local time */
  requested = g_date_time_to_local (porta_port_order_get_requested_foc_date_time (order));
  g_assert_cmpint (g_date_time_get_year (requested), ==, g_date_time_get_year (day));
  g_assert_cmpint (g_date_time_get_day_of_year (requested), ==, g_date_time_get_day_of_year (day));

  /* the dialog closed itself, and the sandbox's list holds the order */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture.dialog)));
  orders = list_orders ();
  listed = find_order (orders, porta_port_order_get_id (order));
  g_assert_nonnull (listed);
  g_assert_cmpint (porta_port_order_get_direction (listed), ==, PORTA_PORT_ORDER_DIRECTION_PORT_IN);
  g_assert_cmpint (porta_port_order_get_status (listed), ==, PORTA_PORT_ORDER_STATUS_PROCESSING);

  fixture_close (&fixture);
}

/* The first day the lead time allows is accepted by the server too,
 * whatever the hour now */
static void
test_create_earliest_day (void)
{
  Fixture fixture;
  g_autoptr(GDateTime) requested = NULL;
  g_autoptr(GDateTime) day = earliest_day ();

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  set_date (&fixture, PORTA_ORDER_LEAD_DAYS);
  /* Enter on the last field creates */
  press_enter (&fixture, AUTHORIZED_BY);
  g_assert_true (porta_test_wait_until (creating_done, &fixture, 20000));
  g_assert_cmpuint (fixture.created->len, ==, 1);
  requested = g_date_time_to_local (porta_port_order_get_requested_foc_date_time (fixture.created->pdata[0]));
  g_assert_cmpint (g_date_time_get_day_of_year (requested), ==, g_date_time_get_day_of_year (day));
  fixture_close (&fixture);
}

/* The same days as the order details and portactl: with the same now,
 * the day before the rules' earliest is refused with the rules' reason,
 * and the earliest is offered and accepted by the server, at a time the
 * rules allow */
static void
test_same_days_as_rules (void)
{
  Fixture fixture;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);
  g_autoptr(GDateTime) before = g_date_time_add_days (earliest, -1);
  g_autofree char *reason = porta_order_rules_dup_too_soon_message (earliest);
  g_autoptr(GDateTime) requested = NULL;
  GDateTime *sent;

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);

  gtk_calendar_select_day (fixture.calendar, before);
  g_assert_false (create_enabled (&fixture));
  g_assert_cmpstr (field_error (&fixture, DATE), ==, reason);

  gtk_calendar_select_day (fixture.calendar, earliest);
  g_assert_null (field_error (&fixture, DATE));
  g_assert_true (create_enabled (&fixture));
  press_enter (&fixture, AUTHORIZED_BY);
  g_assert_true (porta_test_wait_until (creating_done, &fixture, 20000));
  g_assert_cmpuint (fixture.created->len, ==, 1);
  sent = porta_port_order_get_requested_foc_date_time (fixture.created->pdata[0]);
  g_assert_true (porta_order_rules_foc_is_allowed (sent, now));
  requested = g_date_time_to_timezone (sent, tz);
  g_assert_cmpint (g_date_time_get_year (requested), ==, g_date_time_get_year (earliest));
  g_assert_cmpint (g_date_time_get_day_of_year (requested), ==, g_date_time_get_day_of_year (earliest));
  fixture_close (&fixture);
}

/* What the server refuses lands on its line: a number the dialog was
 * not told about (the organization's list was not loaded), and one that
 * is in another open order */
static void
test_server_field_errors (void)
{
  Fixture fixture;
  g_autoptr(GListStore) known = g_list_store_new (PORTA_TYPE_PHONE_NUMBER);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *good = free_number ();
  g_autofree char *numbers = NULL;
  g_autofree char *tenant_line = NULL;
  g_autofree char *order_line = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) rows_fixed = NULL;
  ExpectLine tenant = { KNOWN, 3, porta_phone_number_get_telephone_number (unknown_tenant_number) };
  ExpectLine in_order = { IN_ORDER, 4, number_in_open_order };

  g_list_store_append (known, known_number);
  numbers = g_strdup_printf ("%s\n\n%s\n%s\n", good,
                             porta_phone_number_get_telephone_number (unknown_tenant_number),
                             number_in_open_order);

  before = list_orders ();
  fixture_open (&fixture, G_LIST_MODEL (known));
  fill_valid (&fixture);
  set_numbers (&fixture, numbers);
  g_assert_true (create_enabled (&fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "new-order.create", NULL);
  g_assert_true (porta_test_wait_until (creating_done, &fixture, 20000));

  /* not created, the dialog still open with everything in it */
  g_assert_cmpuint (fixture.created->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture.rows[CARRIER_PIN])), ==, "4821");
  g_assert_false (porta_banner_get_revealed (fixture.banner));

  /* each on its own line, in words and underlined */
  rows = problem_rows (&fixture);
  tenant_line = expected_line_message (&tenant);
  order_line = expected_line_message (&in_order);
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
  g_assert_cmpstr (rows[0], ==, tenant_line);
  g_assert_cmpstr (rows[1], ==, order_line);
  assert_translated ("Line %u: %s is already in another open port-in order");
  g_assert_false (line_underlined (&fixture, 1));
  g_assert_true (line_underlined (&fixture, 3));
  g_assert_true (line_underlined (&fixture, 4));
  g_assert_false (create_enabled (&fixture));
  /* the focus went to the numbers, at the first bad one */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)) == GTK_WIDGET (fixture.numbers_view));

  /* an edit elsewhere keeps them; removing them lets Create go again */
  set_row (&fixture, ACCOUNT, "888 0123 4568");
  g_assert_false (create_enabled (&fixture));
  set_numbers (&fixture, good);
  rows_fixed = problem_rows (&fixture);
  g_assert_cmpuint (g_strv_length (rows_fixed), ==, 0);
  g_assert_true (create_enabled (&fixture));

  after = list_orders ();
  g_assert_cmpuint (after->len, ==, before->len);
  fixture_close (&fixture);
}

/* However often Create is activated, one order */
static void
test_double_activation (void)
{
  Fixture fixture;
  g_autoptr(GPtrArray) before = list_orders ();
  g_autoptr(GPtrArray) after = NULL;

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "new-order.create", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "new-order.create", NULL);
  press_enter (&fixture, AUTHORIZED_BY);
  porta_test_activate_shortcut (fixture.dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (porta_test_wait_until (creating_done, &fixture, 20000));
  /* anything queued has had its chance */
  porta_test_spin (300);
  g_assert_cmpuint (fixture.created->len, ==, 1);

  after = list_orders ();
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_nonnull (find_order (after, porta_port_order_get_id (fixture.created->pdata[0])));
  fixture_close (&fixture);
}

/* Ctrl+Enter on an incomplete form says what is missing and goes there */
static void
test_ctrl_enter_reveals (void)
{
  Fixture fixture;

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  set_row (&fixture, ACCOUNT, "");
  g_assert_null (field_error (&fixture, ACCOUNT));
  g_assert_true (porta_test_activate_shortcut (fixture.dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (field_error (&fixture, ACCOUNT), ==, _("Enter the account number at the current carrier."));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture.dialog)),
                                         fixture.rows[ACCOUNT]));
  g_assert_cmpuint (fixture.created->len, ==, 0);
  fixture_close (&fixture);
}

/* In the list of numbers too, where GtkTextView would take Ctrl+Enter
 * for a new line: the dialog has it first */
static void
test_ctrl_enter_in_numbers (void)
{
  Fixture fixture;
  g_autoptr(GListModel) controllers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter start, end;
  gboolean handled = FALSE;

  fixture_open (&fixture, NULL);
  fill_valid (&fixture);
  set_row (&fixture, CARRIER, "");
  gtk_widget_grab_focus (fixture.rows[NUMBERS]);
  gtk_text_buffer_get_bounds (fixture.buffer, &start, &end);
  before = gtk_text_buffer_get_text (fixture.buffer, &start, &end, FALSE);

  controllers = gtk_widget_observe_controllers (fixture.rows[NUMBERS]);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, GDK_CONTROL_MASK, &handled);
    }
  g_assert_true (handled);

  gtk_text_buffer_get_bounds (fixture.buffer, &start, &end);
  after = gtk_text_buffer_get_text (fixture.buffer, &start, &end, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (field_error (&fixture, CARRIER), ==, _("Enter the name of the current carrier."));
  g_assert_cmpuint (fixture.created->len, ==, 0);
  fixture_close (&fixture);
}

/* A problem that is no field's (here the server failing) shows in the
 * banner, and the form keeps everything for another try */
static void
test_server_failure_banner (void)
{
  const char * const args[] = { "--auto-approve", "--faults", "unavailable=1", NULL };
  g_autoptr(PortaTestSandbox) failing = porta_test_sandbox_start (NULL, args);
  g_autoptr(PortaClient) failing_client = sign_in (failing);
  PortaClient *saved = client;
  Fixture fixture;

  client = failing_client;
  fixture_open (&fixture, NULL);
  client = saved;
  fill_valid (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.dialog), "new-order.create", NULL);
  g_assert_true (porta_test_wait_until (creating_done, &fixture, 20000));

  g_assert_cmpuint (fixture.created->len, ==, 0);
  g_assert_true (porta_banner_get_revealed (fixture.banner));
  g_assert_cmpstr (porta_banner_get_title (fixture.banner), !=, "");
  g_test_message ("banner: %s", porta_banner_get_title (fixture.banner));
  for (Field field = 0; field < N_FIELDS; field++)
    g_assert_null (field_error (&fixture, field));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture.rows[NAME])), ==, "Bolzano office");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture.rows[CARRIER_PIN])), ==, "4821");
  g_assert_true (create_enabled (&fixture));
  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  {
    const char * const args[] = { "--auto-approve", NULL };

    sandbox = porta_test_sandbox_start (NULL, args);
  }
  client = sign_in (sandbox);
  fetch_sandbox_numbers ();

  g_test_add_func ("/new-order-dialog/initial-state", test_initial_state);
  g_test_add_func ("/new-order-dialog/validation-table", test_validation_table);
  g_test_add_func ("/new-order-dialog/visited", test_visited);
  g_test_add_func ("/new-order-dialog/typing-not-scolded", test_typing_not_scolded);
  g_test_add_func ("/new-order-dialog/problem-row-goes-to-line", test_problem_row_goes_to_line);
  g_test_add_func ("/new-order-dialog/known-numbers-arrive", test_known_numbers_arrive);
  g_test_add_func ("/new-order-dialog/dispose-clears-pin", test_dispose_clears_pin);
  g_test_add_func ("/new-order-dialog/escape-closes", test_escape_closes);
  g_test_add_func ("/new-order-dialog/ctrl-enter-reveals", test_ctrl_enter_reveals);
  g_test_add_func ("/new-order-dialog/ctrl-enter-in-numbers", test_ctrl_enter_in_numbers);
  g_test_add_func ("/new-order-dialog/create", test_create);
  g_test_add_func ("/new-order-dialog/create-earliest-day", test_create_earliest_day);
  g_test_add_func ("/new-order-dialog/same-days-as-rules", test_same_days_as_rules);
  g_test_add_func ("/new-order-dialog/server-field-errors", test_server_field_errors);
  g_test_add_func ("/new-order-dialog/double-activation", test_double_activation);
  g_test_add_func ("/new-order-dialog/server-failure-banner", test_server_failure_banner);

  status = g_test_run ();

  g_clear_object (&known_number);
  g_clear_object (&unknown_tenant_number);
  g_clear_pointer (&number_in_open_order, g_free);
  g_clear_object (&client);
  g_clear_pointer (&sandbox, porta_test_sandbox_stop);
  return status;
}
