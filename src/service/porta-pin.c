/* porta-pin.c — the port-out PIN rules
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, shared with porta-sandbox: no GObject, and no I/O but
 * the one read that porta_pin_generate() makes of the kernel's random
 * source (issue 13: "a strong PIN for the asking").
 */
#define G_LOG_DOMAIN "porta-pin"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

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

/* ---- generating a PIN ------------------------------------------------- */

static gboolean
random_source_error (GError **error,
                     int      saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %s says why, as the system puts it */
               _("Could not read the system’s random source: %s"),
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
read_urandom (guint8  *buffer,
              gsize    length,
              GError **error)
{
  int fd;

  do
    fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return random_source_error (error, errno);

  while (length > 0)
    {
      ssize_t n = read (fd, buffer, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : EIO;

          close (fd);
          return random_source_error (error, saved_errno);
        }
      buffer += n;
      length -= n;
    }

  close (fd);
  return TRUE;
}

/* The kernel's CSPRNG: getrandom(2) with no flags blocks only until the
 * pool has been seeded once after boot, and never again; /dev/urandom
 * where the system call is missing (a kernel before 3.17) or filtered
 * out (a seccomp sandbox that answers EPERM). Never g_random_*(): a
 * Mersenne Twister is predictable from its output. */
static gboolean
system_random (guint8   *buffer,
               gsize     length,
               gpointer  user_data,
               GError  **error)
{
  while (length > 0)
    {
      ssize_t n = getrandom (buffer, length, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && (errno == ENOSYS || errno == EPERM))
        return read_urandom (buffer, length, error);
      if (n < 0)
        return random_source_error (error, errno);
      buffer += n;
      length -= n;
    }
  return TRUE;
}

/* Far more than a random source ever needs (a weak 10-digit PIN comes
 * up about once in 100,000 draws, a rejected byte 6 times in 256), so
 * that only a broken source can reach them: an error then, not a loop
 * that never ends. */
#define MAX_ATTEMPTS 64
#define MAX_REJECTED_BYTES 1024

/**
 * porta_pin_generate_with:
 * @out: (out caller-allocates): where to write the PIN and its nul
 * @random_func: where the random bytes come from
 * @user_data: data for @random_func
 * @error: return location for a #GError
 *
 * porta_pin_generate() with another random source, for tests. Each digit
 * is one byte taken modulo 10, bytes 250 to 255 being drawn again: 256 is
 * not a multiple of 10, and without that rejection 0 to 5 would come up
 * more often than 6 to 9. A PIN porta_pin_is_weak() flags is drawn again.
 *
 * Returns: %TRUE if @out holds a PIN; on error, @out is wiped
 */
gboolean
porta_pin_generate_with (char                out[PORTA_PIN_MAX_LENGTH + 1],
                         PortaPinRandomFunc  random_func,
                         gpointer            user_data,
                         GError            **error)
{
  guint8 pool[32];
  gsize used = sizeof pool;
  guint rejected = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (random_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint attempt = 0; attempt < MAX_ATTEMPTS && !ok; attempt++)
    {
      gsize length = 0;

      while (length < PORTA_PIN_MAX_LENGTH)
        {
          guint8 byte;

          if (used == sizeof pool)
            {
              if (!random_func (pool, sizeof pool, user_data, error))
                goto out;
              used = 0;
            }
          byte = pool[used++];
          if (byte >= 250)
            {
              if (++rejected > MAX_REJECTED_BYTES)
                break;
              continue;
            }
          out[length++] = '0' + byte % 10;
        }
      if (length < PORTA_PIN_MAX_LENGTH)
        break;
      out[PORTA_PIN_MAX_LENGTH] = '\0';
      ok = porta_pin_check (out) == PORTA_PIN_OK && !porta_pin_is_weak (out);
    }

  if (!ok)
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                         _("The system’s random source is not working: it gives the same "
                           "numbers over and over."));

out:
  porta_pin_wipe ((char *) pool, sizeof pool);
  if (!ok)
    porta_pin_wipe (out, PORTA_PIN_MAX_LENGTH + 1);
  return ok;
}

/**
 * porta_pin_generate:
 * @out: (out caller-allocates): where to write the PIN and its nul
 * @error: return location for a #GError
 *
 * Writes a new PIN into @out: 10 ASCII digits, each drawn uniformly from
 * the kernel's cryptographic random source, that porta_pin_check()
 * accepts and porta_pin_is_weak() does not flag. The caller wipes @out
 * with porta_pin_wipe() once it is done with it; nothing else keeps a
 * copy.
 *
 * Returns: %TRUE if @out holds a PIN; %FALSE with @error set (and @out
 *   wiped) if the random source could not be read
 */
gboolean
porta_pin_generate (char     out[PORTA_PIN_MAX_LENGTH + 1],
                    GError **error)
{
  return porta_pin_generate_with (out, system_random, NULL, error);
}
