/* test-pin.c — the PIN rules beyond validity: weak PINs and wiping
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "porta-pin.h"

static void
test_weak (void)
{
  const char *weak[] = {
    "000000", "1111111111", "999999",           /* one digit repeated */
    "123456", "234567", "1234567890", "890123", /* ascending, wrapping 9→0 */
    "654321", "9876543210", "321098",           /* descending */
    "121212", "123123", "12341234", "5656565656", /* a block repeated */
    "112233", "159753", "147258", "11223344",   /* common */
  };
  const char *strong[] = {
    "907316", "4829163", "58302741", "730519", "2718281828", "314159",
    "120934", "1234567891",
  };

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      g_test_message ("weak: %s", weak[i]);
      g_assert_true (porta_pin_is_weak (weak[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (strong); i++)
    {
      g_test_message ("not weak: %s", strong[i]);
      g_assert_false (porta_pin_is_weak (strong[i]));
    }

  /* an invalid PIN is invalid, not weak */
  g_assert_false (porta_pin_is_weak ("1111"));
  g_assert_false (porta_pin_is_weak ("11111a"));
  g_assert_false (porta_pin_is_weak (NULL));
}

static void
test_messages (void)
{
  g_assert_null (porta_pin_check_message (PORTA_PIN_OK));
  g_assert_cmpstr (porta_pin_check_message (PORTA_PIN_TOO_SHORT), ==, "The PIN must be 6 to 10 digits.");
  g_assert_cmpstr (porta_pin_check_message (PORTA_PIN_TOO_LONG), ==, "The PIN must be 6 to 10 digits.");
  g_assert_cmpstr (porta_pin_check_message (PORTA_PIN_NOT_DIGITS), ==, "Only digits (0–9) are allowed.");
  g_assert_nonnull (porta_pin_check_message (PORTA_PIN_EMPTY));
}

static void
test_wipe (void)
{
  char buffer[16];
  char *heap = g_strdup ("7390516284");

  memcpy (buffer, "482916\0garbage", 15);
  porta_pin_wipe (buffer, sizeof buffer);
  for (gsize i = 0; i < sizeof buffer; i++)
    g_assert_cmpint (buffer[i], ==, 0);

  porta_pin_wipe (heap, strlen (heap));
  g_assert_cmpint (heap[0], ==, 0);
  g_assert_cmpint (heap[9], ==, 0);
  g_free (heap);

  porta_pin_wipe (NULL, 10);
  porta_pin_free (NULL);
  porta_pin_free (g_strdup ("123456"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/weak", test_weak);
  g_test_add_func ("/pin/messages", test_messages);
  g_test_add_func ("/pin/wipe", test_wipe);

  return g_test_run ();
}
