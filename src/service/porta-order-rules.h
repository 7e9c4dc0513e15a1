/* porta-order-rules.h — the rules of a port order, in one place
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porta-enums.h"
#include "porta-error.h"

G_BEGIN_DECLS

/**
 * PORTA_ORDER_LEAD_DAYS:
 *
 * The contract's lead time: a requested FOC date must be at least this
 * many days (of 24 hours) from now (docs/admin-api.md, §4.3). The one
 * definition: everything else asks porta_order_rules_*().
 */
#define PORTA_ORDER_LEAD_DAYS 7

/**
 * PortaOrderAction:
 * @PORTA_ORDER_ACTION_CANCEL: cancel the order
 * @PORTA_ORDER_ACTION_CHANGE_FOC_DATE: ask for another FOC date
 *
 * What a person can do to an order, as the status allows (§4.4).
 */
typedef enum
{
  PORTA_ORDER_ACTION_CANCEL,
  PORTA_ORDER_ACTION_CHANGE_FOC_DATE,
  PORTA_ORDER_N_ACTIONS
} PortaOrderAction;

/**
 * PortaOrderField:
 *
 * The fields of a new port-in order, in the order a form shows them.
 */
typedef enum
{
  PORTA_ORDER_FIELD_NAME,
  PORTA_ORDER_FIELD_NUMBERS,
  PORTA_ORDER_FIELD_CARRIER,
  PORTA_ORDER_FIELD_ACCOUNT,
  PORTA_ORDER_FIELD_BILLING,
  PORTA_ORDER_FIELD_CARRIER_PIN,
  PORTA_ORDER_FIELD_DATE,
  PORTA_ORDER_FIELD_AUTHORIZED_BY,
  PORTA_ORDER_N_FIELDS
} PortaOrderField;

/**
 * PortaNumberCheck:
 *
 * What is wrong with a phone number as written, if anything.
 */
typedef enum
{
  PORTA_NUMBER_CHECK_OK,
  PORTA_NUMBER_CHECK_NOT_DIGITS,
  PORTA_NUMBER_CHECK_NO_PLUS,
  PORTA_NUMBER_CHECK_LEADING_ZERO,
  PORTA_NUMBER_CHECK_TOO_SHORT,
  PORTA_NUMBER_CHECK_TOO_LONG,
} PortaNumberCheck;

/**
 * PortaFieldCheck:
 *
 * What is wrong with the value of a text field, if anything.
 */
typedef enum
{
  PORTA_FIELD_CHECK_OK,
  PORTA_FIELD_CHECK_EMPTY,
  PORTA_FIELD_CHECK_TOO_LONG,
  PORTA_FIELD_CHECK_BAD_NUMBER,
} PortaFieldCheck;

/**
 * PortaOrderLineProblem:
 *
 * Why one number of a pasted list cannot go in the order.
 */
typedef enum
{
  PORTA_ORDER_LINE_OK,
  PORTA_ORDER_LINE_FORMAT,
  PORTA_ORDER_LINE_DUPLICATE,
  PORTA_ORDER_LINE_KNOWN,
  PORTA_ORDER_LINE_SERVER,
} PortaOrderLineProblem;

/**
 * PortaOrderLine:
 * @line: 0-based line of the text
 * @start: byte index in that line where the number starts
 * @end: byte index in that line where it ends
 * @text: the number as written, trimmed
 * @number: (nullable): the number in E.164, when it is one
 * @check: what is wrong with how it is written
 * @problem: why it cannot go in the order, if it cannot
 * @first_line: for %PORTA_ORDER_LINE_DUPLICATE, the line it was listed first
 * @server_code: (nullable): for %PORTA_ORDER_LINE_SERVER, the server's code
 * @server_message: (nullable): and the server's words
 *
 * One number of a pasted list.
 */
typedef struct
{
  guint                  line;
  int                    start;
  int                    end;
  char                  *text;
  char                  *number;
  PortaNumberCheck       check;
  PortaOrderLineProblem  problem;
  guint                  first_line;
  char                  *server_code;
  char                  *server_message;
} PortaOrderLine;

void             porta_order_line_free                   (PortaOrderLine      *line);
char            *porta_order_line_dup_message            (const PortaOrderLine *line);

/* the FOC date */
GDateTime       *porta_order_rules_earliest_foc          (GDateTime           *now);
gboolean         porta_order_rules_foc_is_allowed        (GDateTime           *foc,
                                                          GDateTime           *now);
GDateTime       *porta_order_rules_earliest_foc_day      (GDateTime           *now,
                                                          GTimeZone           *tz);
gboolean         porta_order_rules_day_is_allowed        (GDateTime           *day,
                                                          GDateTime           *now,
                                                          GTimeZone           *tz);
GDateTime       *porta_order_rules_foc_for_day           (GDateTime           *day,
                                                          GDateTime           *now,
                                                          GTimeZone           *tz);
char            *porta_order_rules_format_day            (GDateTime           *day);
char            *porta_order_rules_dup_too_soon_message  (GDateTime           *earliest_day);
char            *porta_order_rules_dup_earliest_hint     (GDateTime           *earliest_day);
char            *porta_order_rules_dup_lead_hint         (void);
GError          *porta_order_rules_new_too_soon_error    (GDateTime           *now,
                                                          GTimeZone           *tz);

/* the actions */
gboolean         porta_order_rules_status_allows         (PortaPortOrderStatus status,
                                                          PortaOrderAction     action);

/* a new order */
PortaNumberCheck porta_order_rules_parse_number          (const char          *text,
                                                          char               **e164);
GPtrArray       *porta_order_rules_parse_numbers         (const char          *text,
                                                          GHashTable          *known,
                                                          GHashTable          *server_problems);
gboolean         porta_order_rules_too_many_numbers      (guint                n_numbers);
PortaFieldCheck  porta_order_rules_check_field           (PortaOrderField      field,
                                                          const char          *value,
                                                          PortaNumberCheck    *number_check);
const char      *porta_order_field_get_target            (PortaOrderField      field);
guint            porta_order_field_get_max_chars         (PortaOrderField      field);
const char      *porta_order_field_required_message      (PortaOrderField      field);
char            *porta_order_field_too_long_message      (PortaOrderField      field);
char            *porta_order_rules_too_many_message      (guint                n_numbers);
const char      *porta_number_check_message              (PortaNumberCheck     check);
gboolean         porta_order_rules_number_index          (const char          *target,
                                                          guint               *index);
gboolean         porta_order_rules_field_of_target       (const char          *target,
                                                          PortaOrderField     *field);
char            *porta_order_rules_server_message        (PortaOrderField      field,
                                                          const PortaFieldError *problem);

G_END_DECLS
