/* test-pin.c — the PIN rules beyond validity: weak PINs, wiping, generating
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

/* ---- generating ---------------------------------------------------------- */

/* A draw of 100,000 PINs makes a million digits: enough for a digit's
 * share to be off by a byte-modulo bias (26/256 against 25/256, a
 * chi-square near 365) and a bound at 80 that a fair source passes but
 * once in 10^13 (9 degrees of freedom). */
#define DRAWS 100000
#define CHI_SQUARE_BOUND 80.0

static double
chi_square (const guint counts[10],
            guint       total)
{
  double expected = total / 10.0;
  double sum = 0;

  for (guint d = 0; d < 10; d++)
    sum += (counts[d] - expected) * (counts[d] - expected) / expected;
  return sum;
}

static void
test_generate (void)
{
  guint all[10] = { 0 };
  guint by_position[PORTA_PIN_MAX_LENGTH][10] = { { 0 } };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint repeats = 0;

  for (guint i = 0; i < DRAWS; i++)
    {
      g_autoptr(GError) error = NULL;
      char pin[PORTA_PIN_MAX_LENGTH + 1];

      memset (pin, 'x', sizeof pin);
      g_assert_true (porta_pin_generate (pin, &error));
      g_assert_no_error (error);

      /* 10 ASCII digits, then the nul */
      g_assert_cmpuint (strlen (pin), ==, PORTA_PIN_MAX_LENGTH);
      for (guint j = 0; j < PORTA_PIN_MAX_LENGTH; j++)
        {
          g_assert_true (pin[j] >= '0' && pin[j] <= '9');
          all[pin[j] - '0']++;
          by_position[j][pin[j] - '0']++;
        }
      g_assert_cmpint (porta_pin_check (pin), ==, PORTA_PIN_OK);
      g_assert_false (porta_pin_is_weak (pin));

      if (i < 10000 && !g_hash_table_add (seen, g_strdup (pin)))
        repeats++;
      porta_pin_wipe (pin, sizeof pin);
    }

  /* 10,000 draws from 10^10 repeat one PIN with a chance of 1 in 200;
   * three repeats would take a source far from uniform */
  g_test_message ("repeats among the first 10,000: %u", repeats);
  g_assert_cmpuint (repeats, <, 3);

  g_test_message ("chi-square of all digits: %.2f", chi_square (all, DRAWS * PORTA_PIN_MAX_LENGTH));
  g_assert_cmpfloat (chi_square (all, DRAWS * PORTA_PIN_MAX_LENGTH), <, CHI_SQUARE_BOUND);
  for (guint j = 0; j < PORTA_PIN_MAX_LENGTH; j++)
    {
      g_test_message ("chi-square of position %u: %.2f", j, chi_square (by_position[j], DRAWS));
      g_assert_cmpfloat (chi_square (by_position[j], DRAWS), <, CHI_SQUARE_BOUND);
    }
}

typedef struct
{
  const guint8 *bytes;
  gsize         length;
  gsize         next;
  guint         calls;
} Script;

/* Gives the script's bytes in a loop */
static gboolean
scripted_random (guint8   *buffer,
                 gsize     length,
                 gpointer  user_data,
                 GError  **error)
{
  Script *script = user_data;

  script->calls++;
  for (gsize i = 0; i < length; i++)
    {
      buffer[i] = script->bytes[script->next];
      script->next = (script->next + 1) % script->length;
    }
  return TRUE;
}

static gboolean
failing_random (guint8   *buffer,
                gsize     length,
                gpointer  user_data,
                GError  **error)
{
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSYS, "no random source");
  return FALSE;
}

static void
test_generate_rejects (void)
{
  /* each byte taken modulo 10, and 250–255 skipped: they would favour 0–5 */
  static const guint8 pi[] = {
    13, 250, 101, 254, 4, 251, 241, 255, 5, 249, 252, 2, 106, 253, 35, 3,
  };
  Script script = { pi, G_N_ELEMENTS (pi), 0, 0 };
  guint8 counting[256];
  g_autoptr(GError) error = NULL;
  char pin[PORTA_PIN_MAX_LENGTH + 1];

  g_assert_true (porta_pin_generate_with (pin, scripted_random, &script, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pin, ==, "3141592653");

  /* A source that counts 0, 1, 2… only ever makes runs, weak every one:
   * drawn again and again, then an error rather than a loop that never
   * ends, and nothing left in the buffer. */
  for (guint i = 0; i < 256; i++)
    counting[i] = i;
  script = (Script) { counting, 256, 0, 0 };
  memset (pin, '7', sizeof pin);
  g_assert_false (porta_pin_generate_with (pin, scripted_random, &script, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_cmpuint (script.calls, >, 1);
  for (gsize i = 0; i < sizeof pin; i++)
    g_assert_cmpint (pin[i], ==, 0);
  g_clear_error (&error);

  /* only rejected bytes: an error too */
  script = (Script) { (const guint8 *) "\xfa\xfb\xfc\xfd\xfe\xff", 6, 0, 0 };
  g_assert_false (porta_pin_generate_with (pin, scripted_random, &script, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_clear_error (&error);

  /* the source's own error comes through */
  memset (pin, '7', sizeof pin);
  g_assert_false (porta_pin_generate_with (pin, failing_random, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSYS);
  g_assert_cmpint (pin[0], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/weak", test_weak);
  g_test_add_func ("/pin/messages", test_messages);
  g_test_add_func ("/pin/wipe", test_wipe);
  g_test_add_func ("/pin/generate", test_generate);
  g_test_add_func ("/pin/generate-rejects", test_generate_rejects);

  return g_test_run ();
}
