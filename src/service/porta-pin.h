/* porta-pin.h — the port-out PIN rules
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PORTA_PIN_MIN_LENGTH 6
#define PORTA_PIN_MAX_LENGTH 10

/**
 * PortaPinCheck:
 * @PORTA_PIN_OK: the PIN follows every rule
 * @PORTA_PIN_EMPTY: nothing was entered
 * @PORTA_PIN_TOO_SHORT: fewer than 6 digits
 * @PORTA_PIN_TOO_LONG: more than 10 digits
 * @PORTA_PIN_NOT_DIGITS: something other than ASCII 0–9
 *
 * The outcome of checking a PIN against the product rules: 6 to 10
 * characters, each an ASCII digit.
 */
typedef enum
{
  PORTA_PIN_OK,
  PORTA_PIN_EMPTY,
  PORTA_PIN_TOO_SHORT,
  PORTA_PIN_TOO_LONG,
  PORTA_PIN_NOT_DIGITS,
} PortaPinCheck;

PortaPinCheck porta_pin_check         (const char    *pin);
const char   *porta_pin_check_message (PortaPinCheck  check);
const char   *porta_pin_check_nick    (PortaPinCheck  check);
gboolean      porta_pin_is_weak       (const char    *pin);
void          porta_pin_wipe          (char          *buffer,
                                       gsize          length);
void          porta_pin_free          (char          *pin);

/**
 * PortaPinRandomFunc:
 * @buffer: (out caller-allocates) (array length=length): where to write
 * @length: how many random bytes to write
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Fills @buffer with @length bytes from a random source.
 *
 * Returns: %TRUE if all @length bytes were written
 */
typedef gboolean (*PortaPinRandomFunc) (guint8   *buffer,
                                        gsize     length,
                                        gpointer  user_data,
                                        GError  **error);

gboolean      porta_pin_generate      (char                out[PORTA_PIN_MAX_LENGTH + 1],
                                       GError            **error);
gboolean      porta_pin_generate_with (char                out[PORTA_PIN_MAX_LENGTH + 1],
                                       PortaPinRandomFunc  random_func,
                                       gpointer            user_data,
                                       GError            **error);


G_END_DECLS
