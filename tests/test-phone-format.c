/* test-phone-format.c — E.164 numbers grouped for reading
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "porta-phone-number.h"

typedef struct
{
  const char *input;
  const char *expected;
} FormatCase;

static const FormatCase cases[] = {
  /* North America: 3 3 4 */
  { "+12065550100", "+1 206 555 0100" },
  { "+14155550123", "+1 415 555 0123" },
  { "+16135550199", "+1 613 555 0199" },             /* Canada shares +1 */
  { "+1206555010", "+1 206 555 010" },               /* a digit short: generic */

  /* Italy: Milan and Rome 02/06, big cities 0xx, the rest 0xxx, mobiles 3xx */
  { "+390212345678", "+39 02 1234 5678" },
  { "+390612345678", "+39 06 1234 5678" },
  { "+390111234567", "+39 011 123 4567" },           /* Torino */
  { "+390811234567", "+39 081 123 4567" },           /* Napoli */
  { "+390511234567", "+39 051 123 4567" },           /* Bologna */
  { "+390551234567", "+39 055 123 4567" },           /* Firenze */
  { "+39091123456", "+39 091 123 456" },             /* Palermo, six-digit subscriber */
  { "+390331123456", "+39 0331 123 456" },           /* Busto Arsizio */
  { "+3904221234567", "+39 0422 123 4567" },         /* Treviso, seven-digit subscriber */
  { "+393471234567", "+39 347 123 4567" },           /* mobile */
  { "+39347123456", "+39 347 123 456" },             /* older nine-digit mobile */
  { "+39800123456", "+39 800 123 456" },             /* toll-free */

  /* United Kingdom */
  { "+442079460958", "+44 20 7946 0958" },           /* London */
  { "+442920018000", "+44 29 2001 8000" },           /* Cardiff */
  { "+441614960000", "+44 161 496 0000" },           /* Manchester */
  { "+441134960000", "+44 113 496 0000" },           /* Leeds */
  { "+441632960000", "+44 1632 960000" },
  { "+447700900123", "+44 7700 900123" },            /* mobile */
  { "+448001234567", "+44 800 123 4567" },

  /* Germany: the subscriber number in one block */
  { "+4930123456", "+49 30 123456" },                /* Berlin */
  { "+493040000000", "+49 30 40000000" },
  { "+49891234567", "+49 89 1234567" },              /* München */
  { "+492211234567", "+49 221 1234567" },            /* Köln */
  { "+4961311234567", "+49 6131 1234567" },          /* Mainz */
  { "+4915112345678", "+49 151 12345678" },          /* mobile */

  /* France, Spain, the Netherlands, Russia */
  { "+33123456789", "+33 1 23 45 67 89" },
  { "+33612345678", "+33 6 12 34 56 78" },
  { "+34912345678", "+34 912 345 678" },
  { "+34612345678", "+34 612 345 678" },
  { "+31205000000", "+31 20 500 0000" },             /* Amsterdam */
  { "+31612345678", "+31 6 1234 5678" },             /* mobile */
  { "+31591123456", "+31 591 123 456" },
  { "+74951234567", "+7 495 123 45 67" },

  /* Elsewhere: the country code by the ITU list, then groups of 3 and 4 */
  { "+61212345678", "+61 212 345 678" },             /* Australia */
  { "+81312345678", "+81 312 345 678" },             /* Japan */
  { "+35312345678", "+353 1234 5678" },              /* Ireland, three-digit code */
  { "+3728123456", "+372 812 3456" },                /* Estonia */
  { "+8613812345678", "+86 138 1234 5678" },         /* China */
  { "+97142345678", "+971 4234 5678" },              /* UAE */
  { "+41212345678", "+41 212 345 678" },             /* Switzerland: no rule here, so generic */
  { "+3612345", "+36 12 345" },
  { "+2621234", "+262 1234" },                       /* four digits after the code */

  /* Extensions and other suffixes are kept as they are */
  { "+14255550100;ext=1234", "+1 425 555 0100;ext=1234" },
  { "+390212345678;ext=12", "+39 02 1234 5678;ext=12" },

  /* Unparseable: returned unchanged, never a character lost */
  { "", "" },
  { "+", "+" },
  { "++", "++" },
  { "+1", "+1" },
  { "+12", "+12" },                                  /* a country code and one digit */
  { "12065550100", "12065550100" },                  /* no '+': national or not E.164 */
  { "+1 206 555 0100", "+1 206 555 0100" },          /* already grouped */
  { "+1-206-555-0100", "+1-206-555-0100" },
  { "+1206555O100", "+1206555O100" },                /* a letter O */
  { "+abc", "+abc" },
  { "tel:+12065550100", "tel:+12065550100" },
  { "+1234567890123456", "+1234567890123456" },      /* 16 digits: too long for E.164 */
  { "+12065550100000000000000000000000000000000000000", "+12065550100000000000000000000000000000000000000" },
  { "+0123456789", "+0123456789" },                  /* no country code starts with 0 */
  { "+999123456", "+999123456" },                    /* not an assigned code */
  { "+2591234567", "+2591234567" },                  /* 259 is spare */
  { " +12065550100", " +12065550100" },
  { "+12065550100 ", "+12065550100 " },
  { "+１２０６５５５０１００", "+１２０６５５５０１００" },  /* fullwidth digits */
  { "+٣٩٠٢١٢٣٤٥٦٧٨", "+٣٩٠٢١٢٣٤٥٦٧٨" },              /* Arabic-Indic digits */
  { "+3902\n12345678", "+3902\n12345678" },
  { ";ext=1", ";ext=1" },
  { "+;ext=1", "+;ext=1" },
};

static void
test_format_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 25);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = porta_phone_number_format_e164 (cases[i].input);

      g_test_message ("\"%s\" -> \"%s\"", cases[i].input, formatted);
      g_assert_cmpstr (formatted, ==, cases[i].expected);
    }
}

/* Formatting only ever adds spaces: take them out and the input is back */
static void
test_format_keeps_characters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = porta_phone_number_format_e164 (cases[i].input);
      GString *stripped = g_string_new (NULL);
      GString *input = g_string_new (NULL);

      for (const char *p = formatted; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (stripped, *p);
      for (const char *p = cases[i].input; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (input, *p);
      g_assert_cmpstr (stripped->str, ==, input->str);
      g_assert_true (g_utf8_validate (formatted, -1, NULL));

      g_string_free (stripped, TRUE);
      g_string_free (input, TRUE);
    }
}

/* Every E.164 length for every country code: never more than one space in
 * a row, never a group of more than nine digits or of none, and the same
 * digits in the same order. */
static void
test_format_every_length (void)
{
  static const char * const codes[] = {
    "1", "7", "20", "31", "33", "34", "39", "44", "49", "61", "86", "353", "372", "971", "998",
  };
  static const char * const leads[] = { "0", "1", "2", "3", "6", "7", "8", "9" };

  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    for (guint l = 0; l < G_N_ELEMENTS (leads); l++)
      for (gsize national = 2; strlen (codes[c]) + national <= 15; national++)
        {
          g_autoptr(GString) number = g_string_new ("+");
          g_autofree char *formatted = NULL;
          g_auto(GStrv) groups = NULL;
          g_autofree char *joined = NULL;

          g_string_append (number, codes[c]);
          g_string_append (number, leads[l]);
          for (gsize i = 1; i < national; i++)
            g_string_append_c (number, (char) ('0' + (i * 7) % 10));

          formatted = porta_phone_number_format_e164 (number->str);
          groups = g_strsplit (formatted, " ", -1);
          g_assert_cmpstr (groups[0] + 1, ==, codes[c]);
          g_assert_cmpuint (g_strv_length (groups), >=, 2);
          g_test_message ("%s -> %s", number->str, formatted);
          for (guint g = 1; groups[g] != NULL; g++)
            {
              g_assert_cmpuint (strlen (groups[g]), >=, 1);
              g_assert_cmpuint (strlen (groups[g]), <=, 9);
            }
          joined = g_strjoinv ("", groups);
          g_assert_cmpstr (joined, ==, number->str);
        }
}

static void
test_format_null (void)
{
  g_assert_null (porta_phone_number_format_e164 (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone-format/table", test_format_table);
  g_test_add_func ("/phone-format/keeps-characters", test_format_keeps_characters);
  g_test_add_func ("/phone-format/every-length", test_format_every_length);
  g_test_add_func ("/phone-format/null", test_format_null);

  return g_test_run ();
}
