/* porta-pin.c — the port-out PIN rules
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, shared with porta-sandbox: no I/O, no GObject.
 */
#define G_LOG_DOMAIN "porta-pin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "porta-pin.h"

/**
 * porta_pin_check:
 * @pin: (nullable): the PIN as typed, in UTF-8
 *
 * Checks @pin against the rules: 6 to 10 characters, each an ASCII digit
 * `0`–`9`. Anything else — spaces, a newline, fullwidth or Arabic-Indic
 * digits — is %PORTA_PIN_NOT_DIGITS, which is reported before the length
 * because it is the more useful thing to tell a person.
 *
 * Returns: the outcome of the check
 */
PortaPinCheck
porta_pin_check (const char *pin)
{
  gsize length = 0;

  if (pin == NULL || pin[0] == '\0')
    return PORTA_PIN_EMPTY;

  for (const char *p = pin; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return PORTA_PIN_NOT_DIGITS;
      length++;
    }

  if (length < PORTA_PIN_MIN_LENGTH)
    return PORTA_PIN_TOO_SHORT;
  if (length > PORTA_PIN_MAX_LENGTH)
    return PORTA_PIN_TOO_LONG;

  return PORTA_PIN_OK;
}

/**
 * porta_pin_check_message:
 * @check: an outcome of porta_pin_check()
 *
 * Returns: (transfer none) (nullable): a translated sentence that tells a
 *   person what is wrong, or %NULL for %PORTA_PIN_OK
 */
const char *
porta_pin_check_message (PortaPinCheck check)
{
  switch (check)
    {
    case PORTA_PIN_OK:
      return NULL;
    case PORTA_PIN_EMPTY:
      return _("Enter a PIN of 6 to 10 digits.");
    case PORTA_PIN_TOO_SHORT:
    case PORTA_PIN_TOO_LONG:
      return _("The PIN must be 6 to 10 digits.");
    case PORTA_PIN_NOT_DIGITS:
      return _("Only digits (0–9) are allowed.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * porta_pin_check_nick:
 * @check: an outcome of porta_pin_check()
 *
 * Returns: the admin API's name for @check (`innerError.reason`):
 *   `empty`, `tooShort`, `tooLong` or `notDigits`; `ok` for %PORTA_PIN_OK
 */
const char *
porta_pin_check_nick (PortaPinCheck check)
{
  switch (check)
    {
    case PORTA_PIN_OK:
      return "ok";
    case PORTA_PIN_EMPTY:
      return "empty";
    case PORTA_PIN_TOO_SHORT:
      return "tooShort";
    case PORTA_PIN_TOO_LONG:
      return "tooLong";
    case PORTA_PIN_NOT_DIGITS:
      return "notDigits";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The most chosen 6-digit PINs: the head of the blocklist study in
 * P. Markert, D. V. Bailey, M. Golla, M. Dürmuth, A. J. Aviv,
 * "This PIN Can Be Easily Guessed: Analyzing the Security of Smartphone
 * Unlock PINs", IEEE Symposium on Security and Privacy 2020, table 11
 * (6-digit PINs), plus their 8-digit counterparts. Repeats and straight
 * runs are caught by the rules below, so they are not listed here. */
static const char * const common_pins[] = {
  "112233", "123321", "159753", "147258", "789456", "102030",
  "112358", "520131", "123654", "147852", "258369", "246810",
  "135790", "11223344", "12344321",
};

static gboolean
is_run (const char *pin,
        int         step)
{
  for (const char *p = pin + 1; *p != '\0'; p++)
    {
      /* 0 follows 9 on a keypad's top row: "1234567890" is a run too */
      if ((p[-1] - '0' + step + 10) % 10 != p[0] - '0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_repeated_block (const char *pin,
                   gsize       length)
{
  /* "121212", "123123", "12341234": a short block said over and over */
  for (gsize block = 1; block <= length / 2; block++)
    {
      gboolean repeats = TRUE;

      if (length % block != 0)
        continue;
      for (gsize i = block; i < length && repeats; i++)
        repeats = pin[i] == pin[i - block];
      if (repeats)
        return TRUE;
    }
  return FALSE;
}

/**
 * porta_pin_is_weak:
 * @pin: a PIN that passes porta_pin_check()
 *
 * Whether @pin is easy to guess: one digit repeated, an ascending or
 * descending run, a short block repeated, or one of the most common PINs.
 * A weak PIN is still valid; the user is warned, not stopped.
 *
 * Returns: %TRUE if @pin is easy to guess
 */
gboolean
porta_pin_is_weak (const char *pin)
{
  gsize length;

  if (porta_pin_check (pin) != PORTA_PIN_OK)
    return FALSE;

  length = strlen (pin);
  if (is_run (pin, 1) || is_run (pin, -1) || is_repeated_block (pin, length))
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (common_pins); i++)
    if (strcmp (pin, common_pins[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * porta_pin_wipe:
 * @buffer: (nullable): memory that held a PIN
 * @length: how many bytes to clear
 *
 * Overwrites @buffer with zeros through a volatile pointer and a compiler
 * barrier, so that the store is not dropped as dead even right before
 * the memory is freed.
 */
void
porta_pin_wipe (char  *buffer,
                gsize  length)
{
  volatile char *p = (volatile char *) buffer;

  if (buffer == NULL)
    return;

  while (length-- > 0)
    *p++ = '\0';

  __asm__ __volatile__ ("" : : "r" (buffer) : "memory");
}

/**
 * porta_pin_free:
 * @pin: (nullable) (transfer full): a nul-terminated PIN
 *
 * Wipes @pin, then frees it.
 */
void
porta_pin_free (char *pin)
{
  if (pin == NULL)
    return;
  porta_pin_wipe (pin, strlen (pin));
  g_free (pin);
}
