/* porta-order-rules.c — the rules of a port order, in one place
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the admin API accepts for a port order (docs/admin-api.md §4.3,
 * §4.4), written once for the new-order dialog, the order details and
 * portactl, so that none of them offers what another refuses (issue 12).
 *
 * The FOC date: the server takes a requested FOC date-time that is at
 * least PORTA_ORDER_LEAD_DAYS × 24 hours after its "now" — hours, not
 * calendar days, so a DST change in between moves the local time of the
 * limit by an hour. A person picks a day; Porta asks for 18:00 local time
 * on it. On the first day that can still be had, 18:00 may be too soon
 * (late in the evening): then Porta asks for the earliest instant the
 * server takes, plus FOC_MARGIN for the request's way, which is still on
 * that day by construction. So the earliest day offered is the day of
 * (now + lead + margin), and every day from it on maps to an instant the
 * server accepts; every day before it is refused with the same reason.
 *
 * "now" and the time zone are parameters, for the tests to be exact.
 * Nothing here touches GTK.
 */
#define G_LOG_DOMAIN "porta-order-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-order-rules.h"
#include "porta-phone-number.h"

/* The hour of the chosen day Porta asks for */
#define FOC_HOUR         18
/* How much later than the server's limit Porta asks, when it must ask
 * for the limit itself: the request takes a moment to get there */
#define FOC_MARGIN       (10 * G_TIME_SPAN_MINUTE)

/* docs/admin-api.md §4.3: 1–999 numbers, each + and 8 to 15 digits */
#define MAX_NUMBERS      999
#define MIN_DIGITS       8
#define MAX_DIGITS       15
/* How much of a bad line a message quotes */
#define MAX_QUOTED_CHARS 32

/* ---- the FOC date ------------------------------------------------------- */

/**
 * porta_order_rules_earliest_foc:
 * @now: the time to count from
 *
 * Returns: (transfer full): the earliest FOC date-time the server
 *   accepts at @now: exactly the lead time later
 */
GDateTime *
porta_order_rules_earliest_foc (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, NULL);
  return g_date_time_add (now, PORTA_ORDER_LEAD_DAYS * G_TIME_SPAN_DAY);
}

/**
 * porta_order_rules_foc_is_allowed:
 * @foc: a requested FOC date-time
 * @now: the time to count from
 *
 * Returns: whether the server accepts @foc at @now: the limit itself is
 *   accepted, one second before it is not
 */
gboolean
porta_order_rules_foc_is_allowed (GDateTime *foc,
                                  GDateTime *now)
{
  g_autoptr(GDateTime) earliest = NULL;

  g_return_val_if_fail (foc != NULL, FALSE);
  earliest = porta_order_rules_earliest_foc (now);
  return g_date_time_compare (foc, earliest) >= 0;
}

/* Midnight at the start of the day that @day names (its year, month and
 * day, whatever its own time zone), in @tz */
static GDateTime *
start_of_day (GDateTime *day,
              GTimeZone *tz)
{
  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 0, 0, 0);
}

/**
 * porta_order_rules_earliest_foc_day:
 * @now: the time to count from
 * @tz: the time zone the days are in (the person's)
 *
 * Returns: (transfer full): the first day that can be asked for at @now,
 *   at its midnight in @tz
 */
GDateTime *
porta_order_rules_earliest_foc_day (GDateTime *now,
                                    GTimeZone *tz)
{
  g_autoptr(GDateTime) earliest = NULL;
  g_autoptr(GDateTime) with_margin = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (now != NULL && tz != NULL, NULL);

  earliest = porta_order_rules_earliest_foc (now);
  with_margin = g_date_time_add (earliest, FOC_MARGIN);
  local = g_date_time_to_timezone (with_margin, tz);
  return start_of_day (local, tz);
}

/**
 * porta_order_rules_day_is_allowed:
 * @day: a day, as its year, month and day
 * @now: the time to count from
 * @tz: the time zone the days are in
 *
 * Returns: whether @day can be asked for at @now
 */
gboolean
porta_order_rules_day_is_allowed (GDateTime *day,
                                  GDateTime *now,
                                  GTimeZone *tz)
{
  g_autoptr(GDateTime) earliest = porta_order_rules_earliest_foc_day (now, tz);
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (day != NULL, FALSE);
  start = start_of_day (day, tz);
  return g_date_time_compare (start, earliest) >= 0;
}

/**
 * porta_order_rules_foc_for_day:
 * @day: a day, as its year, month and day
 * @now: the time to count from
 * @tz: the time zone the days are in
 *
 * The FOC date-time to ask for on @day: 18:00 in @tz, or, on the first
 * day when 18:00 is too soon, the earliest instant the server takes plus
 * a margin for the request's way (still on @day).
 *
 * Returns: (transfer full) (nullable): the date-time, or %NULL when @day
 *   is too soon
 */
GDateTime *
porta_order_rules_foc_for_day (GDateTime *day,
                               GDateTime *now,
                               GTimeZone *tz)
{
  g_autoptr(GDateTime) at_hour = NULL;
  g_autoptr(GDateTime) earliest = NULL;
  g_autoptr(GDateTime) floor = NULL;

  g_return_val_if_fail (day != NULL && now != NULL && tz != NULL, NULL);

  if (!porta_order_rules_day_is_allowed (day, now, tz))
    return NULL;

  at_hour = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                             g_date_time_get_day_of_month (day), FOC_HOUR, 0, 0);
  earliest = porta_order_rules_earliest_foc (now);
  floor = g_date_time_add (earliest, FOC_MARGIN);
  if (g_date_time_compare (at_hour, floor) >= 0)
    return g_steal_pointer (&at_hour);
  return g_date_time_to_timezone (floor, tz);
}

/**
 * porta_order_rules_format_day:
 * @day: a day
 *
 * Returns: (transfer full): the day in the user's language ("26 nov 2026")
 */
char *
porta_order_rules_format_day (GDateTime *day)
{
  /* Translators: a date in strftime format, as in "26 Nov 2026"; put it in
   * your language's usual order */
  return g_date_time_format (day, _("%-d %b %Y"));
}

/**
 * porta_order_rules_dup_too_soon_message:
 * @earliest_day: the first day allowed, from
 *   porta_order_rules_earliest_foc_day()
 *
 * Returns: (transfer full): why a day before @earliest_day is refused
 */
char *
porta_order_rules_dup_too_soon_message (GDateTime *earliest_day)
{
  g_autofree char *day = porta_order_rules_format_day (earliest_day);

  /* Translators: %s is a date, %u a number of days (7) */
  return g_strdup_printf (ngettext ("Too soon: choose %s or later. The current carrier needs at least "
                                    "%u day’s notice.",
                                    "Too soon: choose %s or later. The current carrier needs at least "
                                    "%u days’ notice.",
                                    PORTA_ORDER_LEAD_DAYS),
                          day, PORTA_ORDER_LEAD_DAYS);
}

/**
 * porta_order_rules_dup_earliest_hint:
 * @earliest_day: the first day allowed
 *
 * Returns: (transfer full): the first day allowed, and why, for a picker
 */
char *
porta_order_rules_dup_earliest_hint (GDateTime *earliest_day)
{
  g_autofree char *day = porta_order_rules_format_day (earliest_day);

  /* Translators: %u is a number of days (7), %s a date */
  return g_strdup_printf (ngettext ("The current carrier needs at least %u day’s notice: the earliest "
                                    "date is %s.",
                                    "The current carrier needs at least %u days’ notice: the earliest "
                                    "date is %s.",
                                    PORTA_ORDER_LEAD_DAYS),
                          PORTA_ORDER_LEAD_DAYS, day);
}

/**
 * porta_order_rules_dup_lead_hint:
 *
 * Returns: (transfer full): the lead time, for a form's hint
 */
char *
porta_order_rules_dup_lead_hint (void)
{
  /* Translators: %u is a number of days (7) */
  return g_strdup_printf (ngettext ("At least %u day from today. The current carrier later confirms the "
                                    "transfer date (the FOC date).",
                                    "At least %u days from today. The current carrier later confirms the "
                                    "transfer date (the FOC date).",
                                    PORTA_ORDER_LEAD_DAYS),
                          PORTA_ORDER_LEAD_DAYS);
}

/**
 * porta_order_rules_new_too_soon_error:
 * @now: the time to count from
 * @tz: the time zone the days are in
 *
 * The server's refusal of a date that is too soon, said before asking
 * it: %PORTA_ERROR_INVALID_REQUEST with the `requestedFocDateTime` field
 * and the `tooSoon` code, as §4.3 has it.
 *
 * Returns: (transfer full): the error
 */
GError *
porta_order_rules_new_too_soon_error (GDateTime *now,
                                      GTimeZone *tz)
{
  g_autoptr(GDateTime) earliest_day = porta_order_rules_earliest_foc_day (now, tz);
  g_autofree char *message = porta_order_rules_dup_too_soon_message (earliest_day);
  GError *error = g_error_new_literal (PORTA_ERROR, PORTA_ERROR_INVALID_REQUEST, message);

  porta_error_add_field_error (error, "requestedFocDateTime", "tooSoon", message);
  return error;
}

/* ---- the actions -------------------------------------------------------- */

/* What each status allows, as in the Teams admin center (§4.4) */
static const gboolean allowed[][PORTA_ORDER_N_ACTIONS] = {
  [PORTA_PORT_ORDER_STATUS_UNKNOWN] = { FALSE, FALSE },
  [PORTA_PORT_ORDER_STATUS_PROCESSING] = { TRUE, FALSE },
  [PORTA_PORT_ORDER_STATUS_CONTACTING_CARRIER] = { TRUE, FALSE },
  [PORTA_PORT_ORDER_STATUS_TRANSFER_APPROVED] = { TRUE, TRUE },
  [PORTA_PORT_ORDER_STATUS_TRANSFER_PENDING] = { FALSE, FALSE },
  [PORTA_PORT_ORDER_STATUS_ERROR] = { TRUE, FALSE },
  [PORTA_PORT_ORDER_STATUS_COMPLETED] = { FALSE, FALSE },
  [PORTA_PORT_ORDER_STATUS_CANCELLED] = { FALSE, FALSE },
  [PORTA_PORT_ORDER_STATUS_UNKNOWN_FUTURE_VALUE] = { FALSE, FALSE },
};

/**
 * porta_order_rules_status_allows:
 * @status: a port order status
 * @action: an action
 *
 * Returns: whether an order in @status allows @action
 */
gboolean
porta_order_rules_status_allows (PortaPortOrderStatus status,
                                 PortaOrderAction     action)
{
  if ((guint) status >= G_N_ELEMENTS (allowed) || (guint) action >= PORTA_ORDER_N_ACTIONS)
    return FALSE;
  return allowed[status][action];
}

/* ---- the numbers -------------------------------------------------------- */

/* White space, including what a copy from a web page or a spreadsheet
 * brings along */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR
         || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case '-': case '.': case '(': case ')': case '/':
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: /* dashes */
    case 0x2212: /* minus */
      return TRUE;
    default:
      return is_blank (c);
    }
}

/**
 * porta_order_rules_parse_number:
 * @text: a phone number as a person wrote it
 * @e164: (out) (optional) (transfer full): the number in E.164, when it is one
 *
 * Reads one number as people write them: "+39 02 1234 5678",
 * "+1 (206) 555-0100", "+44 (0)20 7946 0958" (the "(0)" is the trunk
 * prefix, dialled only at home). Without a + it is refused, never
 * guessed: 02 1234 5678 could be Milan or Buenos Aires.
 *
 * Returns: what is wrong with it, or %PORTA_NUMBER_CHECK_OK
 */
PortaNumberCheck
porta_order_rules_parse_number (const char  *text,
                                char       **e164)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  gboolean other = FALSE;

  if (e164 != NULL)
    *e164 = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '+' && !plus && digits->len == 0)
        plus = TRUE;
      else if (c == '(' && plus && digits->len > 0 && p[1] == '0' && p[2] == ')')
        p += 2;
      else if (!is_separator (c))
        other = TRUE;
    }

  if (other)
    return PORTA_NUMBER_CHECK_NOT_DIGITS;
  if (!plus)
    return PORTA_NUMBER_CHECK_NO_PLUS;
  if (digits->len > 0 && digits->str[0] == '0')
    return PORTA_NUMBER_CHECK_LEADING_ZERO;
  if (digits->len < MIN_DIGITS)
    return PORTA_NUMBER_CHECK_TOO_SHORT;
  if (digits->len > MAX_DIGITS)
    return PORTA_NUMBER_CHECK_TOO_LONG;

  if (e164 != NULL)
    *e164 = g_strconcat ("+", digits->str, NULL);
  return PORTA_NUMBER_CHECK_OK;
}

/**
 * porta_order_line_free:
 * @line: (transfer full): a line
 */
void
porta_order_line_free (PortaOrderLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line->number);
  g_free (line->server_code);
  g_free (line->server_message);
  g_free (line);
}

static void
add_line (GPtrArray  *lines,
          GHashTable *first_lines,
          GHashTable *known,
          GHashTable *server_problems,
          guint       line_number,
          const char *line_text,
          const char *start,
          const char *end)
{
  PortaOrderLine *line;
  gpointer first;

  /* trim, as the server does */
  while (start < end && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_blank (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end)
    return;

  line = g_new0 (PortaOrderLine, 1);
  line->line = line_number;
  line->start = start - line_text;
  line->end = end - line_text;
  line->text = g_strndup (start, end - start);
  line->check = porta_order_rules_parse_number (line->text, &line->number);

  if (line->check != PORTA_NUMBER_CHECK_OK)
    line->problem = PORTA_ORDER_LINE_FORMAT;
  else if (g_hash_table_lookup_extended (first_lines, line->number, NULL, &first))
    {
      line->problem = PORTA_ORDER_LINE_DUPLICATE;
      line->first_line = GPOINTER_TO_UINT (first);
    }
  else
    {
      const PortaFieldError *server = NULL;

      g_hash_table_insert (first_lines, line->number, GUINT_TO_POINTER (line_number));
      if (known != NULL && g_hash_table_contains (known, line->number))
        line->problem = PORTA_ORDER_LINE_KNOWN;
      else if (server_problems != NULL
               && (server = g_hash_table_lookup (server_problems, line->number)) != NULL)
        {
          line->problem = PORTA_ORDER_LINE_SERVER;
          line->server_code = g_strdup (server->code);
          line->server_message = g_strdup (server->message);
        }
    }

  g_ptr_array_add (lines, line);
}

/* The end of the line that starts at @p, and where the next one starts:
 * the line ends of GtkTextBuffer (\n, \r\n, \r, U+2029), so that the
 * line numbers are those a text view shows beside the text */
static const char *
line_end (const char  *p,
          const char **next)
{
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          *next = p + 1;
          return p;
        }
      if (*p == '\r')
        {
          *next = p[1] == '\n' ? p + 2 : p + 1;
          return p;
        }
      if (g_utf8_get_char (p) == 0x2029)
        {
          *next = g_utf8_next_char (p);
          return p;
        }
    }
  *next = NULL;
  return p;
}

/**
 * porta_order_rules_parse_numbers:
 * @text: the pasted list
 * @known: (nullable) (element-type utf8 utf8): the organization's
 *   numbers in E.164, as a set
 * @server_problems: (nullable) (element-type utf8 PortaFieldError): what
 *   the server said about some numbers, by E.164
 *
 * Reads a pasted list of numbers. One number a line is the rule; commas,
 * semicolons and tabs also part numbers, as a list copied from a
 * spreadsheet or an e-mail has them. Blank lines are skipped, but still
 * counted in the line numbers.
 *
 * Returns: (transfer full) (element-type PortaOrderLine): the numbers,
 *   in order, each with what is wrong with it
 */
GPtrArray *
porta_order_rules_parse_numbers (const char *text,
                                 GHashTable *known,
                                 GHashTable *server_problems)
{
  g_autoptr(GHashTable) first_lines = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) porta_order_line_free);
  const char *line_start = text != NULL ? text : "";
  guint line_number = 0;

  while (line_start != NULL)
    {
      const char *next = NULL;
      const char *end = line_end (line_start, &next);
      g_autofree char *line = g_strndup (line_start, end - line_start);
      const char *item = line;

      for (const char *p = line; ; p++)
        {
          if (*p == ',' || *p == ';' || *p == '\t' || *p == '\0')
            {
              add_line (lines, first_lines, known, server_problems, line_number, line, item, p);
              item = p + 1;
            }
          if (*p == '\0')
            break;
        }
      line_start = next;
      line_number++;
    }

  return lines;
}

/**
 * porta_order_rules_too_many_numbers:
 * @n_numbers: how many numbers a list has
 *
 * Returns: whether they are more than one order can hold
 */
gboolean
porta_order_rules_too_many_numbers (guint n_numbers)
{
  return n_numbers > MAX_NUMBERS;
}

/* "What was written", cut short when it is long */
static char *
quote (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= MAX_QUOTED_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, MAX_QUOTED_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

/**
 * porta_order_line_dup_message:
 * @line: a line with a problem
 *
 * Returns: (transfer full): the problem in words, naming its line
 */
char *
porta_order_line_dup_message (const PortaOrderLine *line)
{
  guint n = line->line + 1;
  g_autofree char *quoted = quote (line->text);
  g_autofree char *formatted = porta_phone_number_format_e164 (line->number);

  switch (line->problem)
    {
    case PORTA_ORDER_LINE_FORMAT:
      switch (line->check)
        {
        case PORTA_NUMBER_CHECK_NOT_DIGITS:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” can only have digits after the +"), n, quoted);
        case PORTA_NUMBER_CHECK_NO_PLUS:
          /* Translators: %u is a line number of the pasted list, %s what is written
           * there. The country code is never guessed: the admin must write it. */
          return g_strdup_printf (_("Line %u: start “%s” with + and the country code"), n, quoted);
        case PORTA_NUMBER_CHECK_LEADING_ZERO:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” has a 0 after the +, where the country code goes"),
                                  n, quoted);
        case PORTA_NUMBER_CHECK_TOO_SHORT:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” is too short to be a phone number"), n, quoted);
        case PORTA_NUMBER_CHECK_TOO_LONG:
          /* Translators: %u is a line number of the pasted list, %s what is written there */
          return g_strdup_printf (_("Line %u: “%s” is too long: a phone number has at most 15 digits"),
                                  n, quoted);
        case PORTA_NUMBER_CHECK_OK:
        default:
          g_return_val_if_reached (NULL);
        }
      break;

    case PORTA_ORDER_LINE_DUPLICATE:
      /* Translators: the first %u is a line number of the pasted list, %s a
       * phone number, the second %u the line where it was listed first */
      return g_strdup_printf (_("Line %u: %s is listed twice (also line %u)"),
                              n, formatted, line->first_line + 1);

    case PORTA_ORDER_LINE_KNOWN:
      /* Translators: %u is a line number of the pasted list, %s a phone number */
      return g_strdup_printf (_("Line %u: %s is already one of the organization’s numbers"), n, formatted);

    case PORTA_ORDER_LINE_SERVER:
      if (g_strcmp0 (line->server_code, "alreadyInTenant") == 0)
        return g_strdup_printf (_("Line %u: %s is already one of the organization’s numbers"), n, formatted);
      if (g_strcmp0 (line->server_code, "alreadyInOrder") == 0)
        /* Translators: %u is a line number of the pasted list, %s a phone number */
        return g_strdup_printf (_("Line %u: %s is already in another open port-in order"), n, formatted);
      if (g_strcmp0 (line->server_code, "invalidFormat") == 0)
        /* Translators: %u is a line number of the pasted list, %s a phone number */
        return g_strdup_printf (_("Line %u: the server does not take %s as a phone number"), n, formatted);
      /* Translators: %u is a line number of the pasted list, the first %s a
       * phone number, the second what the server said about it (in English) */
      return g_strdup_printf (_("Line %u: %s: %s"), n, formatted,
                              line->server_message != NULL ? line->server_message : "");

    case PORTA_ORDER_LINE_OK:
    default:
      g_return_val_if_reached (NULL);
    }

  return NULL;
}

/* ---- the fields --------------------------------------------------------- */

/* The request member each field fills, and the server's length limit */
static const struct
{
  const char *target;
  guint       max_chars;
} field_info[PORTA_ORDER_N_FIELDS] = {
  [PORTA_ORDER_FIELD_NAME] = { "displayName", 100 },
  [PORTA_ORDER_FIELD_NUMBERS] = { "telephoneNumbers", 0 },
  [PORTA_ORDER_FIELD_CARRIER] = { "carrierName", 100 },
  [PORTA_ORDER_FIELD_ACCOUNT] = { "accountNumber", 64 },
  [PORTA_ORDER_FIELD_BILLING] = { "billingTelephoneNumber", 0 },
  [PORTA_ORDER_FIELD_CARRIER_PIN] = { "carrierPin", 20 },
  [PORTA_ORDER_FIELD_DATE] = { "requestedFocDateTime", 0 },
  [PORTA_ORDER_FIELD_AUTHORIZED_BY] = { "authorizedBy", 100 },
};

/**
 * porta_order_field_get_target:
 * @field: a field
 *
 * Returns: (transfer none): the request member @field fills
 */
const char *
porta_order_field_get_target (PortaOrderField field)
{
  g_return_val_if_fail (field < PORTA_ORDER_N_FIELDS, NULL);
  return field_info[field].target;
}

/**
 * porta_order_field_get_max_chars:
 * @field: a field
 *
 * Returns: the server's length limit on @field, in characters, or 0
 */
guint
porta_order_field_get_max_chars (PortaOrderField field)
{
  g_return_val_if_fail (field < PORTA_ORDER_N_FIELDS, 0);
  return field_info[field].max_chars;
}

/**
 * porta_order_rules_field_of_target:
 * @target: a request member, as the server names it in a problem
 * @field: (out): the field it is
 *
 * Returns: whether @target is one of the fields
 */
gboolean
porta_order_rules_field_of_target (const char      *target,
                                   PortaOrderField *field)
{
  for (PortaOrderField f = 0; f < PORTA_ORDER_N_FIELDS; f++)
    {
      if (g_strcmp0 (target, field_info[f].target) == 0)
        {
          *field = f;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * porta_order_rules_number_index:
 * @target: a request member, as the server names it in a problem
 * @index: (out): the index of the number it is about
 *
 * Returns: whether @target is one of the numbers, `telephoneNumbers[i]`
 */
gboolean
porta_order_rules_number_index (const char *target,
                                guint      *index)
{
  const char *index_text;
  char *end = NULL;
  guint64 value;

  if (target == NULL || !g_str_has_prefix (target, "telephoneNumbers["))
    return FALSE;
  index_text = target + strlen ("telephoneNumbers[");
  value = g_ascii_strtoull (index_text, &end, 10);
  if (end == index_text || g_strcmp0 (end, "]") != 0 || value > G_MAXUINT)
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

/**
 * porta_order_field_required_message:
 * @field: a field
 *
 * Returns: (transfer none): what to say when @field is empty
 */
const char *
porta_order_field_required_message (PortaOrderField field)
{
  switch (field)
    {
    case PORTA_ORDER_FIELD_NAME:
      return _("Enter a name for the order.");
    case PORTA_ORDER_FIELD_NUMBERS:
      return _("Add at least one number.");
    case PORTA_ORDER_FIELD_CARRIER:
      return _("Enter the name of the current carrier.");
    case PORTA_ORDER_FIELD_ACCOUNT:
      return _("Enter the account number at the current carrier.");
    case PORTA_ORDER_FIELD_BILLING:
      return _("Enter the billing telephone number.");
    case PORTA_ORDER_FIELD_CARRIER_PIN:
      return _("Enter the PIN of the account at the current carrier.");
    case PORTA_ORDER_FIELD_DATE:
      return _("Choose a transfer date.");
    case PORTA_ORDER_FIELD_AUTHORIZED_BY:
      return _("Enter the name of the person who authorizes the transfer.");
    case PORTA_ORDER_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * porta_order_field_too_long_message:
 * @field: a field with a length limit
 *
 * Returns: (transfer full): what to say when @field is too long
 */
char *
porta_order_field_too_long_message (PortaOrderField field)
{
  guint max = porta_order_field_get_max_chars (field);

  /* Translators: %u is a number of characters */
  return g_strdup_printf (ngettext ("Too long: use at most %u character.",
                                    "Too long: use at most %u characters.", max), max);
}

/**
 * porta_order_rules_too_many_message:
 * @n_numbers: how many numbers the list has
 *
 * Returns: (transfer full): what to say when they are too many
 */
char *
porta_order_rules_too_many_message (guint n_numbers)
{
  /* Translators: %'u is how many numbers were pasted (over 999), with the
   * locale's digit grouping */
  return g_strdup_printf (ngettext ("An order can hold at most 999 numbers, and this list has %'u. "
                                    "Split it into more orders.",
                                    "An order can hold at most 999 numbers, and this list has %'u. "
                                    "Split it into more orders.", n_numbers), n_numbers);
}

/**
 * porta_number_check_message:
 * @check: what is wrong with a single phone number
 *
 * Returns: (transfer none): what to say about it, for a field that holds
 *   one number (the billing telephone number)
 */
const char *
porta_number_check_message (PortaNumberCheck check)
{
  switch (check)
    {
    case PORTA_NUMBER_CHECK_NOT_DIGITS:
      return _("Only digits can follow the +, such as +39 02 1234 5678.");
    case PORTA_NUMBER_CHECK_NO_PLUS:
      return _("Start with + and the country code, such as +39 02 1234 5678.");
    case PORTA_NUMBER_CHECK_LEADING_ZERO:
      return _("The country code goes right after the +, and never starts with 0.");
    case PORTA_NUMBER_CHECK_TOO_SHORT:
      return _("This is too short to be a phone number.");
    case PORTA_NUMBER_CHECK_TOO_LONG:
      return _("This is too long: a phone number has at most 15 digits.");
    case PORTA_NUMBER_CHECK_OK:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * porta_order_rules_check_field:
 * @field: a text field (not the numbers, not the date)
 * @value: what it holds; trimmed by the caller, except the carrier PIN
 * @number_check: (out) (optional): for %PORTA_FIELD_CHECK_BAD_NUMBER,
 *   what is wrong with the number
 *
 * Returns: what is wrong with @value, or %PORTA_FIELD_CHECK_OK
 */
PortaFieldCheck
porta_order_rules_check_field (PortaOrderField   field,
                               const char       *value,
                               PortaNumberCheck *number_check)
{
  gboolean blank = TRUE;
  guint max = porta_order_field_get_max_chars (field);

  if (number_check != NULL)
    *number_check = PORTA_NUMBER_CHECK_OK;
  if (value == NULL)
    value = "";

  for (const char *p = value; *p != '\0' && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));
  if (blank)
    return PORTA_FIELD_CHECK_EMPTY;
  if (max > 0 && g_utf8_strlen (value, -1) > max)
    return PORTA_FIELD_CHECK_TOO_LONG;
  if (field == PORTA_ORDER_FIELD_BILLING)
    {
      PortaNumberCheck check = porta_order_rules_parse_number (value, NULL);

      if (number_check != NULL)
        *number_check = check;
      if (check != PORTA_NUMBER_CHECK_OK)
        return PORTA_FIELD_CHECK_BAD_NUMBER;
    }
  return PORTA_FIELD_CHECK_OK;
}

/**
 * porta_order_rules_server_message:
 * @field: the field the server's problem is about
 * @problem: the problem
 *
 * Returns: (transfer full): the server's problem in Porta's words, or in
 *   the server's own when Porta does not know its code
 */
char *
porta_order_rules_server_message (PortaOrderField        field,
                                  const PortaFieldError *problem)
{
  const char *code = problem->code != NULL ? problem->code : "";

  if (strcmp (code, "required") == 0)
    return g_strdup (porta_order_field_required_message (field));
  if (strcmp (code, "invalidValue") == 0 && porta_order_field_get_max_chars (field) > 0)
    return porta_order_field_too_long_message (field);
  if (strcmp (code, "invalidFormat") == 0 && field == PORTA_ORDER_FIELD_BILLING)
    return g_strdup (porta_number_check_message (PORTA_NUMBER_CHECK_NO_PLUS));
  if (strcmp (code, "tooSoon") == 0 && field == PORTA_ORDER_FIELD_DATE)
    return g_strdup_printf (ngettext ("The server finds this date too soon: choose a later one. The current "
                                      "carrier needs at least %u day’s notice.",
                                      "The server finds this date too soon: choose a later one. The current "
                                      "carrier needs at least %u days’ notice.",
                                      PORTA_ORDER_LEAD_DAYS),
                            PORTA_ORDER_LEAD_DAYS);
  if (strcmp (code, "tooMany") == 0 && field == PORTA_ORDER_FIELD_NUMBERS)
    return g_strdup (_("An order can hold at most 999 numbers. Split the list into more orders."));

  /* a code Porta does not know: the server's own words, as they are */
  return g_strdup (problem->message != NULL && problem->message[0] != '\0'
                   ? problem->message : _("The server refused this value."));
}
