/* test-order-rules.c — the rules of a port order, against fixed clocks
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * porta-order-rules.c with "now" and the time zone given, so every case
 * is exact: the FOC limit late in the evening, across both of Europe/
 * Rome's DST changes, at the limit and one second before it; every
 * status × action pair; and the validation of a new order. GLib only.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "porta-order-rules.h"

/* ---- the FOC date -------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *tz;
  const char *now;           /* ISO 8601 */
  const char *earliest_day;  /* YYYY-MM-DD: the first day offered */
  const char *day;           /* a day asked for */
  const char *foc;           /* what is sent for it, or NULL: refused */
} FocCase;

static const FocCase foc_table[] = {
  /* a morning: 18:00 on the seventh day */
  { "morning, the earliest day", "Europe/Rome", "2026-05-04T09:00:00+02:00", "2026-05-11",
    "2026-05-11", "2026-05-11T18:00:00+02:00" },
  { "morning, the day before", "Europe/Rome", "2026-05-04T09:00:00+02:00", "2026-05-11",
    "2026-05-10", NULL },
  { "morning, a later day", "Europe/Rome", "2026-05-04T09:00:00+02:00", "2026-05-11",
    "2026-06-30", "2026-06-30T18:00:00+02:00" },
  /* late evening: 18:00 on the seventh day is too soon; the day is still
   * offered, at the limit plus the margin, never moved to the next day */
  { "late evening, the earliest day", "Europe/Rome", "2026-05-04T20:00:00+02:00", "2026-05-11",
    "2026-05-11", "2026-05-11T20:10:00+02:00" },
  { "late evening, the day before", "Europe/Rome", "2026-05-04T20:00:00+02:00", "2026-05-11",
    "2026-05-10", NULL },
  { "late evening, the day after", "Europe/Rome", "2026-05-04T20:00:00+02:00", "2026-05-11",
    "2026-05-12", "2026-05-12T18:00:00+02:00" },
  /* the margin crosses midnight: the seventh day cannot be had */
  { "five to midnight, the seventh day", "Europe/Rome", "2026-05-04T23:55:00+02:00", "2026-05-12",
    "2026-05-11", NULL },
  { "five to midnight, the eighth day", "Europe/Rome", "2026-05-04T23:55:00+02:00", "2026-05-12",
    "2026-05-12", "2026-05-12T18:00:00+02:00" },
  /* DST starts on 29 March 2026: 7 × 24 hours later is an hour later on
   * the clock, so 18:00 on the seventh day is too soon at 17:30 */
  { "spring DST, afternoon", "Europe/Rome", "2026-03-25T17:30:00+01:00", "2026-04-01",
    "2026-04-01", "2026-04-01T18:40:00+02:00" },
  { "spring DST, late evening", "Europe/Rome", "2026-03-25T20:00:00+01:00", "2026-04-01",
    "2026-04-01", "2026-04-01T21:10:00+02:00" },
  { "spring DST, the day before", "Europe/Rome", "2026-03-25T20:00:00+01:00", "2026-04-01",
    "2026-03-31", NULL },
  /* DST ends on 25 October 2026: an hour earlier on the clock */
  { "autumn DST, evening", "Europe/Rome", "2026-10-21T18:30:00+02:00", "2026-10-28",
    "2026-10-28", "2026-10-28T18:00:00+01:00" },
  { "autumn DST, late evening", "Europe/Rome", "2026-10-21T23:40:00+02:00", "2026-10-28",
    "2026-10-28", "2026-10-28T22:50:00+01:00" },
  { "autumn DST, just after midnight: the sixth day by the calendar", "Europe/Rome",
    "2026-10-21T00:30:00+02:00", "2026-10-27", "2026-10-27", "2026-10-27T23:40:00+01:00" },
  { "autumn DST, just after midnight, the day before", "Europe/Rome",
    "2026-10-21T00:30:00+02:00", "2026-10-27", "2026-10-26", NULL },
  /* another zone, and "now" given in a zone other than the days' */
  { "UTC", "UTC", "2026-12-31T12:00:00Z", "2027-01-07", "2027-01-07", "2027-01-07T18:00:00Z" },
  { "now in UTC, days in Rome", "Europe/Rome", "2026-05-04T19:00:00Z", "2026-05-11",
    "2026-05-11", "2026-05-11T21:10:00+02:00" },
};

static GDateTime *
parse (const char *iso)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

static GDateTime *
day_in (GTimeZone  *tz,
        const char *text)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  return g_date_time_new (tz, year, month, day, 0, 0, 0);
}

static void
test_foc_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foc_table); i++)
    {
      const FocCase *c = &foc_table[i];
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (c->tz);
      g_autoptr(GDateTime) now = parse (c->now);
      g_autoptr(GDateTime) day = day_in (tz, c->day);
      g_autoptr(GDateTime) earliest_day = porta_order_rules_earliest_foc_day (now, tz);
      g_autoptr(GDateTime) foc = porta_order_rules_foc_for_day (day, now, tz);
      g_autofree char *earliest_text = g_date_time_format (earliest_day, "%Y-%m-%d %H:%M:%S");
      g_autofree char *expected_earliest = g_strconcat (c->earliest_day, " 00:00:00", NULL);

      g_test_message ("case %u: %s", i, c->name);
      g_assert_nonnull (tz);
      g_assert_cmpstr (earliest_text, ==, expected_earliest);
      g_assert_cmpint (porta_order_rules_day_is_allowed (day, now, tz), ==, c->foc != NULL);

      if (c->foc == NULL)
        {
          g_assert_null (foc);
          continue;
        }

      {
        g_autoptr(GDateTime) expected = parse (c->foc);
        g_autofree char *text = g_date_time_format_iso8601 (foc);

        if (!g_date_time_equal (foc, expected))
          g_error ("case %s: %s, not %s", c->name, text, c->foc);
        /* on the day asked for, in the days' zone */
        g_assert_cmpint (g_date_time_get_day_of_month (foc), ==, g_date_time_get_day_of_month (day));
        g_assert_cmpint (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, g_date_time_to_unix (foc)),
                         >=, 0);
        /* and accepted by the server's rule, even a few minutes later */
        g_assert_true (porta_order_rules_foc_is_allowed (foc, now));
        {
          g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 9);

          g_assert_true (porta_order_rules_foc_is_allowed (foc, later));
        }
      }
    }
}

/* The server's limit itself: 7 × 24 hours, to the second */
static void
test_foc_limit (void)
{
  static const struct
  {
    const char *now;
    const char *foc;
    gboolean    allowed;
  } table[] = {
    { "2026-05-04T09:00:00Z", "2026-05-11T09:00:00Z", TRUE },   /* exactly at the limit */
    { "2026-05-04T09:00:00Z", "2026-05-11T08:59:59Z", FALSE },  /* one second before */
    { "2026-05-04T09:00:00Z", "2026-05-11T09:00:01Z", TRUE },
    { "2026-05-04T09:00:00Z", "2026-05-04T09:00:00Z", FALSE },
    { "2026-05-04T09:00:00Z", "2026-05-01T09:00:00Z", FALSE },
    /* across DST: the limit is in hours, so 20:00 on the clock is too soon */
    { "2026-03-25T20:00:00+01:00", "2026-04-01T20:00:00+02:00", FALSE },
    { "2026-03-25T20:00:00+01:00", "2026-04-01T21:00:00+02:00", TRUE },
    { "2026-03-25T20:00:00+01:00", "2026-04-01T20:59:59+02:00", FALSE },
    { "2026-10-21T20:00:00+02:00", "2026-10-28T19:00:00+01:00", TRUE },
    { "2026-10-21T20:00:00+02:00", "2026-10-28T18:59:59+01:00", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GDateTime) now = parse (table[i].now);
      g_autoptr(GDateTime) foc = parse (table[i].foc);

      g_test_message ("limit case %u: %s from %s", i, table[i].foc, table[i].now);
      g_assert_cmpint (porta_order_rules_foc_is_allowed (foc, now), ==, table[i].allowed);
    }
}

/* Every day from the earliest on is accepted, every day before refused,
 * whatever the time of "now", over a year of Rome's clock */
static void
test_foc_every_hour (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) start = parse ("2026-01-01T00:07:00+01:00");

  for (int hour = 0; hour < 366 * 24; hour += 5)
    {
      g_autoptr(GDateTime) now = g_date_time_add_hours (start, hour);
      g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);
      g_autoptr(GDateTime) before = g_date_time_add_days (earliest, -1);
      g_autoptr(GDateTime) foc = porta_order_rules_foc_for_day (earliest, now, tz);

      g_assert_nonnull (foc);
      g_assert_true (porta_order_rules_foc_is_allowed (foc, now));
      g_assert_null (porta_order_rules_foc_for_day (before, now, tz));
      g_assert_cmpint (g_date_time_get_day_of_year (foc), ==, g_date_time_get_day_of_year (earliest));
    }
}

static void
test_foc_messages (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) day = day_in (tz, "2026-11-26");
  g_autofree char *too_soon = porta_order_rules_dup_too_soon_message (day);
  g_autofree char *hint = porta_order_rules_dup_earliest_hint (day);
  g_autofree char *lead = porta_order_rules_dup_lead_hint ();

  g_assert_cmpstr (too_soon, ==, "Too soon: choose 26 Nov 2026 or later. The current carrier needs at "
                                 "least 7 days’ notice.");
  g_assert_cmpstr (hint, ==, "The current carrier needs at least 7 days’ notice: the earliest date is "
                             "26 Nov 2026.");
  g_assert_true (strstr (lead, "7 days") != NULL);
}

/* ---- the actions ---------------------------------------------------------- */

static void
test_actions (void)
{
  static const struct
  {
    PortaPortOrderStatus status;
    gboolean             cancel;
    gboolean             change_foc_date;
  } table[] = {
    { PORTA_PORT_ORDER_STATUS_UNKNOWN, FALSE, FALSE },
    { PORTA_PORT_ORDER_STATUS_PROCESSING, TRUE, FALSE },
    { PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER, TRUE, FALSE },
    { PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED, TRUE, TRUE },
    { PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING, FALSE, FALSE },
    { PORTA_PORT_ORDER_STATUS_ERROR, TRUE, FALSE },
    { PORTA_PORT_ORDER_STATUS_COMPLETED, FALSE, FALSE },
    { PORTA_PORT_ORDER_STATUS_CANCELLED, FALSE, FALSE },
    { PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE, FALSE, FALSE },
  };

  /* every status, every action */
  g_assert_cmpuint (G_N_ELEMENTS (table), ==, PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE + 1);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const gboolean expected[PORTA_ORDER_N_ACTIONS] = {
        [PORTA_ORDER_ACTION_CANCEL] = table[i].cancel,
        [PORTA_ORDER_ACTION_CHANGE_FOC_DATE] = table[i].change_foc_date,
      };

      g_assert_cmpint (table[i].status, ==, i);
      for (PortaOrderAction action = 0; action < PORTA_ORDER_N_ACTIONS; action++)
        {
          g_test_message ("status %u, action %u", i, action);
          g_assert_cmpint (porta_order_rules_status_allows (table[i].status, action), ==, expected[action]);
        }
      /* the enumeration's helpers say the same */
      g_assert_cmpint (porta_port_order_status_allows_cancel (table[i].status), ==, table[i].cancel);
      g_assert_cmpint (porta_port_order_status_allows_foc_change (table[i].status), ==,
                       table[i].change_foc_date);
    }
  /* out of range: nothing allowed */
  g_assert_false (porta_order_rules_status_allows (99, PORTA_ORDER_ACTION_CANCEL));
  g_assert_false (porta_order_rules_status_allows (PORTA_PORT_ORDER_STATUS_PROCESSING, 7));
}

/* ---- a new order ---------------------------------------------------------- */

static void
test_parse_number (void)
{
  static const struct
  {
    const char       *text;
    PortaNumberCheck  check;
    const char       *e164;
  } table[] = {
    { "+39 02 1234 5678", PORTA_NUMBER_CHECK_OK, "+390212345678" },
    { "+1 (206) 555-0100", PORTA_NUMBER_CHECK_OK, "+12065550100" },
    { "+44 (0)20 7946 0958", PORTA_NUMBER_CHECK_OK, "+442079460958" },
    { "+39\u00a002\u200b1234\u20135678", PORTA_NUMBER_CHECK_OK, "+390212345678" },
    { "02 1234 5678", PORTA_NUMBER_CHECK_NO_PLUS, NULL },
    { "+39 02 CALL ME", PORTA_NUMBER_CHECK_NOT_DIGITS, NULL },
    { "++39 02 1234 5678", PORTA_NUMBER_CHECK_NOT_DIGITS, NULL },
    { "+039 02 1234 567", PORTA_NUMBER_CHECK_LEADING_ZERO, NULL },
    { "+3902123", PORTA_NUMBER_CHECK_TOO_SHORT, NULL },
    { "+39021234", PORTA_NUMBER_CHECK_OK, "+39021234" },
    { "+390212345678901", PORTA_NUMBER_CHECK_OK, "+390212345678901" },
    { "+3902123456789012", PORTA_NUMBER_CHECK_TOO_LONG, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *e164 = NULL;

      g_test_message ("number %s", table[i].text);
      g_assert_cmpint (porta_order_rules_parse_number (table[i].text, &e164), ==, table[i].check);
      g_assert_cmpstr (e164, ==, table[i].e164);
    }
}

static void
test_parse_numbers (void)
{
  /* lines: 1 ok, 2 no plus, 3 blank, 4 two numbers (the first a
   * duplicate of line 1), 5 known, 6 refused by the server, 7 too short,
   * \r\n, \r and U+2029 ending lines as a text view ends them */
  const char *text = "+39 02 1234 5678\n"
                     "02 1234 5678\r\n"
                     "\n"
                     " +390212345678 ;\t+44 20 7946 0958 \r"
                     "+1 206 555 0100\xe2\x80\xa9"
                     "+1 206 555 0101\n"
                     "+3912";
  static const struct
  {
    guint                 line;
    int                   start;
    int                   end;
    const char           *number;
    PortaOrderLineProblem problem;
    guint                 first_line;
    const char           *message;
  } expected[] = {
    { 0, 0, 16, "+390212345678", PORTA_ORDER_LINE_OK, 0, NULL },
    { 1, 0, 12, NULL, PORTA_ORDER_LINE_FORMAT, 0, "Line 2: start “02 1234 5678” with + and the country code" },
    { 3, 1, 14, "+390212345678", PORTA_ORDER_LINE_DUPLICATE, 0,
      "Line 4: +39 02 1234 5678 is listed twice (also line 1)" },
    { 3, 17, 33, "+442079460958", PORTA_ORDER_LINE_OK, 0, NULL },
    { 4, 0, 15, "+12065550100", PORTA_ORDER_LINE_KNOWN, 0, NULL },
    { 5, 0, 15, "+12065550101", PORTA_ORDER_LINE_SERVER, 0, NULL },
    { 6, 0, 5, NULL, PORTA_ORDER_LINE_FORMAT, 0, "Line 7: “+3912” is too short to be a phone number" },
  };
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) server = g_hash_table_new (g_str_hash, g_str_equal);
  PortaFieldError problem = { (char *) "telephoneNumbers[5]", (char *) "alreadyInOrder",
                              (char *) "In order 12." };
  g_autoptr(GPtrArray) lines = NULL;

  g_hash_table_add (known, (char *) "+12065550100");
  g_hash_table_insert (server, (char *) "+12065550101", &problem);
  lines = porta_order_rules_parse_numbers (text, known, server);

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    {
      const PortaOrderLine *line = lines->pdata[i];

      g_test_message ("entry %u", i);
      g_assert_cmpuint (line->line, ==, expected[i].line);
      g_assert_cmpint (line->start, ==, expected[i].start);
      g_assert_cmpint (line->end, ==, expected[i].end);
      g_assert_cmpstr (line->number, ==, expected[i].number);
      g_assert_cmpint (line->problem, ==, expected[i].problem);
      g_assert_cmpuint (line->first_line, ==, expected[i].first_line);
      if (expected[i].message != NULL)
        {
          g_autofree char *message = porta_order_line_dup_message (line);

          g_assert_cmpstr (message, ==, expected[i].message);
        }
    }
  {
    g_autofree char *known_message = porta_order_line_dup_message (lines->pdata[4]);
    g_autofree char *server_message = porta_order_line_dup_message (lines->pdata[5]);

    g_assert_cmpstr (known_message, ==, "Line 5: +1 206 555 0100 is already one of the organization’s numbers");
    g_assert_cmpstr (server_message, ==, "Line 6: +1 206 555 0101 is already in another open port-in order");
  }

  /* nothing, and only blanks, is no number */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = porta_order_rules_parse_numbers ("", NULL, NULL);
  g_assert_cmpuint (lines->len, ==, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = porta_order_rules_parse_numbers (" \n\t,;\n\xe2\x80\x8b", NULL, NULL);
  g_assert_cmpuint (lines->len, ==, 0);

  g_assert_false (porta_order_rules_too_many_numbers (999));
  g_assert_true (porta_order_rules_too_many_numbers (1000));
}

static void
test_fields (void)
{
  g_autofree char *n100 = g_strnfill (100, 'n');
  g_autofree char *n101 = g_strnfill (101, 'n');
  g_autofree char *a64 = g_strnfill (64, '1');
  g_autofree char *a65 = g_strnfill (65, '1');
  g_autofree char *p20 = g_strnfill (20, '9');
  g_autofree char *p21 = g_strnfill (21, '9');
  const struct
  {
    PortaOrderField  field;
    const char      *value;
    PortaFieldCheck  check;
    PortaNumberCheck number_check;
  } table[] = {
    { PORTA_ORDER_FIELD_NAME, "", PORTA_FIELD_CHECK_EMPTY, 0 },
    { PORTA_ORDER_FIELD_NAME, " \t", PORTA_FIELD_CHECK_EMPTY, 0 },
    { PORTA_ORDER_FIELD_NAME, n100, PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_NAME, n101, PORTA_FIELD_CHECK_TOO_LONG, 0 },
    { PORTA_ORDER_FIELD_CARRIER, n100, PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_CARRIER, n101, PORTA_FIELD_CHECK_TOO_LONG, 0 },
    { PORTA_ORDER_FIELD_ACCOUNT, a64, PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_ACCOUNT, a65, PORTA_FIELD_CHECK_TOO_LONG, 0 },
    { PORTA_ORDER_FIELD_CARRIER_PIN, p20, PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_CARRIER_PIN, p21, PORTA_FIELD_CHECK_TOO_LONG, 0 },
    { PORTA_ORDER_FIELD_AUTHORIZED_BY, n100, PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_AUTHORIZED_BY, n101, PORTA_FIELD_CHECK_TOO_LONG, 0 },
    { PORTA_ORDER_FIELD_BILLING, "+39 0471 100000", PORTA_FIELD_CHECK_OK, 0 },
    { PORTA_ORDER_FIELD_BILLING, "0471 100000", PORTA_FIELD_CHECK_BAD_NUMBER, PORTA_NUMBER_CHECK_NO_PLUS },
    { PORTA_ORDER_FIELD_BILLING, "+39 0471", PORTA_FIELD_CHECK_BAD_NUMBER, PORTA_NUMBER_CHECK_TOO_SHORT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      PortaNumberCheck number_check = 99;

      g_test_message ("field %u: %s", table[i].field, table[i].value);
      g_assert_cmpint (porta_order_rules_check_field (table[i].field, table[i].value, &number_check), ==,
                       table[i].check);
      g_assert_cmpint (number_check, ==, table[i].number_check);
    }
}

/* The server's problems, on the field or the number they are about */
static void
test_server_problems (void)
{
  static const struct
  {
    const char *target;
    const char *code;
    gboolean    is_field;
    PortaOrderField field;
    int         index;       /* -1: not a number */
    const char *message;
  } table[] = {
    { "displayName", "required", TRUE, PORTA_ORDER_FIELD_NAME, -1, "Enter a name for the order." },
    { "displayName", "invalidValue", TRUE, PORTA_ORDER_FIELD_NAME, -1, "Too long: use at most 100 characters." },
    { "accountNumber", "invalidValue", TRUE, PORTA_ORDER_FIELD_ACCOUNT, -1, "Too long: use at most 64 characters." },
    { "billingTelephoneNumber", "invalidFormat", TRUE, PORTA_ORDER_FIELD_BILLING, -1,
      "Start with + and the country code, such as +39 02 1234 5678." },
    { "requestedFocDateTime", "tooSoon", TRUE, PORTA_ORDER_FIELD_DATE, -1,
      "The server finds this date too soon: choose a later one. The current carrier needs at least 7 days’ notice." },
    { "telephoneNumbers", "tooMany", TRUE, PORTA_ORDER_FIELD_NUMBERS, -1,
      "An order can hold at most 999 numbers. Split the list into more orders." },
    { "carrierPin", "somethingNew", TRUE, PORTA_ORDER_FIELD_CARRIER_PIN, -1, "The server's words." },
    { "authorizedBy", "somethingNew", TRUE, PORTA_ORDER_FIELD_AUTHORIZED_BY, -1, NULL },
    { "telephoneNumbers[0]", "alreadyInOrder", FALSE, 0, 0, NULL },
    { "telephoneNumbers[998]", "alreadyInTenant", FALSE, 0, 998, NULL },
    { "telephoneNumbers[x]", "alreadyInTenant", FALSE, 0, -1, NULL },
    { "telephoneNumbers[1", "alreadyInTenant", FALSE, 0, -1, NULL },
    { "pinVerified", "readOnly", FALSE, 0, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      PortaOrderField field = PORTA_ORDER_N_FIELDS;
      guint index = G_MAXUINT;
      PortaFieldError problem = { (char *) table[i].target, (char *) table[i].code,
                                  table[i].message != NULL && strcmp (table[i].code, "somethingNew") == 0
                                  ? (char *) table[i].message : NULL };

      g_test_message ("server problem %s %s", table[i].target, table[i].code);
      g_assert_cmpint (porta_order_rules_field_of_target (table[i].target, &field), ==, table[i].is_field);
      g_assert_cmpint (porta_order_rules_number_index (table[i].target, &index), ==, table[i].index >= 0);
      if (table[i].index >= 0)
        g_assert_cmpuint (index, ==, (guint) table[i].index);
      if (table[i].is_field)
        {
          g_autofree char *message = porta_order_rules_server_message (field, &problem);

          g_assert_cmpint (field, ==, table[i].field);
          g_assert_cmpstr (porta_order_field_get_target (field), ==, table[i].target);
          g_assert_cmpstr (message, ==, table[i].message != NULL ? table[i].message
                                                                 : "The server refused this value.");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* English messages and C number formats, whatever the machine's */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order-rules/foc/days", test_foc_days);
  g_test_add_func ("/order-rules/foc/limit", test_foc_limit);
  g_test_add_func ("/order-rules/foc/every-hour", test_foc_every_hour);
  g_test_add_func ("/order-rules/foc/messages", test_foc_messages);
  g_test_add_func ("/order-rules/actions", test_actions);
  g_test_add_func ("/order-rules/number", test_parse_number);
  g_test_add_func ("/order-rules/numbers", test_parse_numbers);
  g_test_add_func ("/order-rules/fields", test_fields);
  g_test_add_func ("/order-rules/server-problems", test_server_problems);

  return g_test_run ();
}
