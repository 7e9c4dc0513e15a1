/* porta-number-query.c — what the Voice page and portactl search for
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search and a set of filters over phone numbers, with matching cheap
 * enough to run over 100,000 numbers on every keystroke: digits are
 * compared with the number's precomputed digits, cities through a cache
 * of whether each matches the search (cities are interned and few), and
 * assignment target ids (ASCII GUIDs) without allocating.
 *
 * The one rule for what a search means, for the Voice page and
 * `portactl numbers --search` alike (issue 13): digits find the numbers
 * that contain them anywhere, however either is written (`39 02`,
 * `3902`); a leading `+` anchors them at the start of the number, as
 * an E.164 number begins (`+39` finds Italy's numbers, not
 * `+1 206 555 1399`); anything else is looked for in the city and the
 * assignee. A `+` search is a number search: it never looks at cities
 * or assignees.
 *
 * The assignee is its person when PortaPeople knows it (issue 13): the
 * search looks in the person's precomputed lowercase "name upn", and the
 * account-type filter keeps the numbers whose person is of that type.
 * The query holds the people's index as it was when set; an index is
 * never changed, only replaced, so copies match in worker threads.
 * Each index set is a new generation, and a number keeps who its
 * assignee is in the last generation it was asked about: the id is
 * looked up once per set of people, not once per keystroke (a hash
 * lookup per assigned number doubled a keystroke's time at 100,000
 * numbers, tests/bench/bench-voice).
 */
#define G_LOG_DOMAIN "porta-number-query"

#include "config.h"

#include <string.h>

#include "porta-number-query.h"

/* what the search text asks for (porta_number_query_set_text()) */
typedef enum
{
  SEARCH_NONE,     /* no search, or a lone '+': every number */
  SEARCH_DIGITS,   /* @digits anywhere in the number's digits */
  SEARCH_PREFIX,   /* the number's digits start with @digits: a leading '+' */
  SEARCH_TEXT,     /* @folded in the city or the assignment target */
  SEARCH_NOTHING,  /* a '+' and then what no number has, such as letters */
} SearchKind;

struct _PortaNumberQuery
{
  char       *text;
  SearchKind  kind;
  char       *digits;          /* the search's digits, for SEARCH_DIGITS and SEARCH_PREFIX */
  gsize       digits_len;
  char       *folded;          /* the search case-folded, or NULL */
  gsize       folded_len;
  int         assignment_status;
  int         number_type;
  char       *country;
  gboolean    problems_only;
  int         person_type;
  GHashTable *people;          /* a PortaPeople index, held; or NULL */
  guint       people_serial;
  guint32     people_generation; /* unique to each index set; 0 without one */

  GHashTable *city_matches;    /* interned city, held → 1 + whether it contains @folded */
  const char *last_city;       /* the last city looked up there, and its verdict */
  int         last_verdict;
  gboolean    folded_is_hex;   /* @folded is all hexadecimal digits and dashes */
};

PortaNumberQuery *
porta_number_query_new (void)
{
  PortaNumberQuery *query = g_new0 (PortaNumberQuery, 1);

  query->assignment_status = PORTA_NUMBER_QUERY_ANY;
  query->number_type = PORTA_NUMBER_QUERY_ANY;
  query->person_type = PORTA_NUMBER_QUERY_ANY;
  /* the cities are held: a city freed while its verdict is kept could
   * leave its address to another */
  query->city_matches = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                               (GDestroyNotify) porta_interned_string_release, NULL);
  return query;
}

PortaNumberQuery *
porta_number_query_copy (const PortaNumberQuery *query)
{
  PortaNumberQuery *copy = porta_number_query_new ();

  porta_number_query_set_text (copy, query->text);
  copy->assignment_status = query->assignment_status;
  copy->number_type = query->number_type;
  copy->country = g_strdup (query->country);
  copy->problems_only = query->problems_only;
  copy->person_type = query->person_type;
  copy->people = query->people ? g_hash_table_ref (query->people) : NULL;
  copy->people_serial = query->people_serial;
  copy->people_generation = query->people_generation;
  return copy;
}

void
porta_number_query_free (PortaNumberQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->digits);
  g_free (query->folded);
  g_free (query->country);
  g_clear_pointer (&query->people, g_hash_table_unref);
  g_hash_table_unref (query->city_matches);
  g_free (query);
}

static gboolean
is_number_punctuation (gunichar c)
{
  return c == '+' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/' || g_unichar_isspace (c);
}

/**
 * porta_number_query_set_text:
 * @query: a query
 * @text: (nullable): what was typed in the search entry
 *
 * A search made of digits and the punctuation of phone numbers (`39 02`,
 * `(206) 555`) matches the numbers whose digits contain it, whatever
 * either's formatting. A leading `+` anchors it at the start of the
 * number: `+39`, `+39 02`, `+39-02` and `+3902` match the numbers that
 * begin so in E.164, and never a city or an assignee; a `+` alone (or
 * with only spaces and punctuation after it) matches every number, a
 * `+` followed by anything else none. Any other search matches the city
 * or the assignment target, ignoring case.
 *
 * Returns: whether the query changed
 */
gboolean
porta_number_query_set_text (PortaNumberQuery *query,
                             const char       *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GString) digits = NULL;
  gboolean anchored;
  gboolean number_like = TRUE;

  if (g_strcmp0 (stripped, query->text ? query->text : "") == 0)
    return FALSE;

  g_clear_pointer (&query->text, g_free);
  g_clear_pointer (&query->digits, g_free);
  g_clear_pointer (&query->folded, g_free);
  g_hash_table_remove_all (query->city_matches);
  query->kind = SEARCH_NONE;
  query->digits_len = 0;
  query->folded_len = 0;
  query->last_city = NULL;
  query->folded_is_hex = FALSE;
  if (stripped[0] == '\0')
    return TRUE;

  query->text = g_strdup (stripped);
  /* only the first '+' means "the start": one after it is punctuation,
   * as in `++39`, a slip of the finger */
  anchored = stripped[0] == '+';
  digits = g_string_new (NULL);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* ASCII digits only: the numbers' digits are ASCII */
      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (!is_number_punctuation (c))
        number_like = FALSE;
    }

  if (anchored)
    {
      if (!number_like)
        query->kind = SEARCH_NOTHING;
      else if (digits->len > 0)
        query->kind = SEARCH_PREFIX;
      /* else every number starts with '+': no search (yet) */
    }
  else if (number_like && digits->len > 0)
    query->kind = SEARCH_DIGITS;
  else
    query->kind = SEARCH_TEXT;

  if (query->kind == SEARCH_DIGITS || query->kind == SEARCH_PREFIX)
    {
      query->digits_len = digits->len;
      query->digits = g_string_free (g_steal_pointer (&digits), FALSE);
    }
  else if (query->kind == SEARCH_TEXT)
    {
      query->folded = g_utf8_casefold (stripped, -1);
      query->folded_len = strlen (query->folded);
      query->folded_is_hex = strspn (query->folded, "0123456789abcdef-") == query->folded_len;
    }
  return TRUE;
}

const char *
porta_number_query_get_text (const PortaNumberQuery *query)
{
  return query->text;
}

#define DEFINE_INT_SETTER(field, setter, getter)                  \
  gboolean                                                        \
  setter (PortaNumberQuery *query,                                \
          int               value)                                \
  {                                                               \
    if (query->field == value)                                    \
      return FALSE;                                               \
    query->field = value;                                         \
    return TRUE;                                                  \
  }                                                               \
                                                                  \
  int                                                             \
  getter (const PortaNumberQuery *query)                          \
  {                                                               \
    return query->field;                                          \
  }

DEFINE_INT_SETTER (assignment_status, porta_number_query_set_assignment_status,
                   porta_number_query_get_assignment_status)
DEFINE_INT_SETTER (number_type, porta_number_query_set_number_type,
                   porta_number_query_get_number_type)
DEFINE_INT_SETTER (person_type, porta_number_query_set_person_type,
                   porta_number_query_get_person_type)

/**
 * porta_number_query_set_people:
 * @query: a query
 * @people: (nullable): who the assignees are
 *
 * Takes the people as they are now: when they change, set them again.
 *
 * Returns: whether the query changed
 */
gboolean
porta_number_query_set_people (PortaNumberQuery *query,
                               PortaPeople      *people)
{
  guint serial = 0;
  GHashTable *index = people ? porta_people_get_index (people, &serial) : NULL;

  return porta_number_query_set_people_index (query, index, serial);
}

/**
 * porta_number_query_set_people_index:
 * @query: a query
 * @index: (nullable): from porta_people_index_new() or porta_people_get_index()
 * @serial: tells this index from others: a new one, a new serial
 *
 * Returns: whether the query changed
 */
gboolean
porta_number_query_set_people_index (PortaNumberQuery *query,
                                     GHashTable       *index,
                                     guint             serial)
{
  if (index == query->people && serial == query->people_serial)
    return FALSE;
  g_clear_pointer (&query->people, g_hash_table_unref);
  query->people = index ? g_hash_table_ref (index) : NULL;
  query->people_serial = serial;
  query->people_generation = 0;
  if (index != NULL)
    {
      static gint last_generation;

      /* never 0, which numbers take for "not looked up" */
      while (query->people_generation == 0)
        query->people_generation = (guint32) g_atomic_int_add (&last_generation, 1) + 1;
    }
  return TRUE;
}

/* who @number's assignee is in the query's people, looked up once for
 * each set of people */
static PortaPerson *
person_of (PortaNumberQuery *query,
           PortaPhoneNumber *number)
{
  gpointer person;

  if (query->people == NULL)
    return NULL;
  if (!porta_phone_number_get_resolved_person (number, query->people_generation, &person))
    {
      person = porta_people_index_lookup (query->people, porta_phone_number_get_assignment_target_id (number));
      porta_phone_number_set_resolved_person (number, query->people_generation, person);
    }
  return person;
}

/**
 * porta_number_query_set_country:
 * @query: a query
 * @iso_country_code: (nullable): a two-letter code such as `IT`; %NULL
 *   or empty for any country
 *
 * Returns: whether the query changed
 */
gboolean
porta_number_query_set_country (PortaNumberQuery *query,
                                const char       *iso_country_code)
{
  if (iso_country_code != NULL && iso_country_code[0] == '\0')
    iso_country_code = NULL;
  if (g_strcmp0 (query->country, iso_country_code) == 0)
    return FALSE;
  g_free (query->country);
  query->country = g_strdup (iso_country_code);
  return TRUE;
}

const char *
porta_number_query_get_country (const PortaNumberQuery *query)
{
  return query->country;
}

gboolean
porta_number_query_set_problems_only (PortaNumberQuery *query,
                                      gboolean          problems_only)
{
  problems_only = !!problems_only;
  if (query->problems_only == problems_only)
    return FALSE;
  query->problems_only = problems_only;
  return TRUE;
}

gboolean
porta_number_query_get_problems_only (const PortaNumberQuery *query)
{
  return query->problems_only;
}

/**
 * porta_phone_number_has_activation_problem:
 * @number: a phone number
 *
 * Whether @number is not simply "activated": pending or failed.
 */
gboolean
porta_phone_number_has_activation_problem (PortaPhoneNumber *number)
{
  return porta_phone_number_get_activation_state (number) != PORTA_ACTIVATION_STATE_ACTIVATED;
}

/**
 * porta_number_query_is_empty:
 * @query: a query
 *
 * Whether @query lets every number through: no filter, and no search
 * (or one that every number passes, a lone `+`).
 */
gboolean
porta_number_query_is_empty (const PortaNumberQuery *query)
{
  return query->kind == SEARCH_NONE &&
         query->assignment_status == PORTA_NUMBER_QUERY_ANY &&
         query->number_type == PORTA_NUMBER_QUERY_ANY &&
         query->country == NULL &&
         query->person_type == PORTA_NUMBER_QUERY_ANY &&
         !query->problems_only;
}

/**
 * porta_number_query_to_key:
 * @query: a query
 *
 * What @query matches, as a string: equal for two queries exactly
 * when they match the same numbers ("39 02" and "3902" alike, "+39-02"
 * and "+3902" alike, but not "3902" and "+3902").
 *
 * Returns: (transfer full): the key
 */
char *
porta_number_query_to_key (const PortaNumberQuery *query)
{
  static const char kinds[] = {
    [SEARCH_NONE] = '-', [SEARCH_DIGITS] = 'd', [SEARCH_PREFIX] = 'p',
    [SEARCH_TEXT] = 't', [SEARCH_NOTHING] = '0',
  };
  const char *search;
  const char *country;

  g_return_val_if_fail (query != NULL, NULL);

  search = query->digits != NULL ? query->digits : query->folded;
  country = query->country != NULL ? query->country : "";
  /* lengths first: no search text can pass for another field */
  return g_strdup_printf ("%c%zu:%s|%d|%d|%zu:%s|%d|%d|%u",
                          kinds[query->kind],
                          search != NULL ? strlen (search) : 0, search != NULL ? search : "",
                          query->assignment_status, query->number_type,
                          strlen (country), country, query->problems_only ? 1 : 0,
                          query->person_type, query->people_serial);
}

/* What g_ascii_strncasecmp() at each position would say, without a
 * call per position: a city search checks every number's target id,
 * and that call was most of a keystroke at 100,000 numbers
 * (tests/bench/bench-voice). @needle is case-folded, so its ASCII
 * letters are already lower case. */
static gboolean
ascii_contains_nocase (const char *haystack,
                       const char *needle,
                       gsize       n)
{
  char first = needle[0];
  char first_upper = g_ascii_toupper (first);

  for (const char *p = haystack; *p != '\0'; p++)
    {
      gsize i = 1;

      if (*p != first && *p != first_upper)
        continue;
      while (i < n && p[i] != '\0' && g_ascii_tolower (p[i]) == needle[i])
        i++;
      if (i == n)
        return TRUE;
      if (p[i] == '\0')
        return FALSE;
    }
  return FALSE;
}

/* strstr() for the short strings of a number: glibc's is built for
 * long ones, and its set-up was most of a digit search over 100,000
 * numbers (tests/bench/bench-voice) */
static gboolean
contains (const char *haystack,
          const char *needle,
          gsize       n)
{
  char first = needle[0];

  for (const char *p = haystack; *p != '\0'; p++)
    if (*p == first && strncmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
text_matches (PortaNumberQuery *query,
              PortaPhoneNumber *number)
{
  const char *city = porta_phone_number_get_city (number);
  const char *target = porta_phone_number_get_assignment_target_id (number);

  if (city != NULL)
    {
      int verdict;

      /* cities are interned: one fold and one search per distinct city;
       * and the numbers come sorted, a region's together, so the same
       * city as the number before is most of them */
      if (city == query->last_city)
        verdict = query->last_verdict;
      else
        {
          verdict = GPOINTER_TO_INT (g_hash_table_lookup (query->city_matches, city));
          if (verdict == 0)
            {
              g_autofree char *fold = g_utf8_casefold (city, -1);

              verdict = 1 + (strstr (fold, query->folded) != NULL);
              g_hash_table_insert (query->city_matches, g_ref_string_acquire ((char *) city),
                                   GINT_TO_POINTER (verdict));
            }
          query->last_city = city;
          query->last_verdict = verdict;
        }
      if (verdict == 2)
        return TRUE;
    }

  if (target == NULL)
    return FALSE;
  if (query->people != NULL)
    {
      PortaPerson *person = person_of (query, number);

      /* contains(), not strstr(): see above */
      if (person != NULL && contains (porta_person_get_search_key (person), query->folded, query->folded_len))
        return TRUE;
    }
  /* an id of hexadecimal digits and dashes (a GUID, as Graph gives)
   * cannot contain a search with any other character */
  if (!query->folded_is_hex && porta_phone_number_get_target_is_hex (number))
    return FALSE;
  return ascii_contains_nocase (target, query->folded, query->folded_len);
}

/**
 * porta_number_query_matches:
 * @query: a query
 * @number: a phone number
 *
 * Returns: whether @number passes every filter and the search
 */
gboolean
porta_number_query_matches (PortaNumberQuery *query,
                            PortaPhoneNumber *number)
{
  if (query->assignment_status != PORTA_NUMBER_QUERY_ANY &&
      (int) porta_phone_number_get_assignment_status (number) != query->assignment_status)
    return FALSE;
  if (query->number_type != PORTA_NUMBER_QUERY_ANY &&
      (int) porta_phone_number_get_number_type (number) != query->number_type)
    return FALSE;
  if (query->country != NULL &&
      g_strcmp0 (porta_phone_number_get_iso_country_code (number), query->country) != 0)
    return FALSE;
  if (query->problems_only && !porta_phone_number_has_activation_problem (number))
    return FALSE;
  if (query->person_type != PORTA_NUMBER_QUERY_ANY)
    {
      PortaPerson *person = person_of (query, number);

      if (person == NULL || (int) porta_person_get_person_type (person) != query->person_type)
        return FALSE;
    }

  switch (query->kind)
    {
    case SEARCH_NONE:
      return TRUE;
    case SEARCH_DIGITS:
      return contains (porta_phone_number_get_digits (number), query->digits, query->digits_len);
    case SEARCH_PREFIX:
      /* the digits are the E.164 number's, after its '+' */
      return strncmp (porta_phone_number_get_digits (number), query->digits, query->digits_len) == 0;
    case SEARCH_TEXT:
      return text_matches (query, number);
    case SEARCH_NOTHING:
    default:
      return FALSE;
    }
}

/**
 * porta_number_query_is_number_search:
 * @query: a query
 *
 * Whether the search is for numbers alone: it starts with `+`. Then
 * no name, city or assignee is to be searched.
 */
gboolean
porta_number_query_is_number_search (const PortaNumberQuery *query)
{
  return query->text != NULL && query->text[0] == '+';
}

/**
 * porta_number_query_matches_telephone_number:
 * @query: a query
 * @telephone_number: a number as written, such as `+390212345678`
 *
 * Whether the search finds @telephone_number by the rule of
 * porta_number_query_matches(), for numbers that are strings (a port
 * order's); the filters are not applied. A search for words finds none.
 *
 * Returns: whether @telephone_number matches the search
 */
gboolean
porta_number_query_matches_telephone_number (PortaNumberQuery *query,
                                             const char       *telephone_number)
{
  g_autoptr(GString) digits = NULL;

  if (query->kind == SEARCH_NONE)
    return TRUE;
  if (query->kind != SEARCH_DIGITS && query->kind != SEARCH_PREFIX)
    return FALSE;

  digits = g_string_new (NULL);
  for (const char *p = telephone_number ? telephone_number : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (query->kind == SEARCH_PREFIX)
    return strncmp (digits->str, query->digits, query->digits_len) == 0;
  return contains (digits->str, query->digits, query->digits_len);
}

/**
 * porta_number_query_is_stricter_than:
 * @query: the new query
 * @other: the query before it
 *
 * Whether everything @query matches, @other matched too: then only
 * what @other matched needs checking again (a filter told "more
 * strict" skips the rest).
 */
gboolean
porta_number_query_is_stricter_than (const PortaNumberQuery *query,
                                     const PortaNumberQuery *other)
{
  if (other->assignment_status != PORTA_NUMBER_QUERY_ANY && other->assignment_status != query->assignment_status)
    return FALSE;
  if (other->number_type != PORTA_NUMBER_QUERY_ANY && other->number_type != query->number_type)
    return FALSE;
  if (other->country != NULL && g_strcmp0 (other->country, query->country) != 0)
    return FALSE;
  if (other->problems_only && !query->problems_only)
    return FALSE;
  if (other->person_type != PORTA_NUMBER_QUERY_ANY && other->person_type != query->person_type)
    return FALSE;
  /* other people: a name may match now that did not */
  if (query->people_serial != other->people_serial)
    return FALSE;

  /* a search that matches nothing is stricter than any */
  if (query->kind == SEARCH_NOTHING)
    return TRUE;
  switch (other->kind)
    {
    case SEARCH_NONE:
      return TRUE;
    case SEARCH_DIGITS:
      /* a number that starts with `+3902` contains 390, and 902 */
      return (query->kind == SEARCH_DIGITS || query->kind == SEARCH_PREFIX) &&
             strstr (query->digits, other->digits) != NULL;
    case SEARCH_PREFIX:
      return query->kind == SEARCH_PREFIX && g_str_has_prefix (query->digits, other->digits);
    case SEARCH_TEXT:
      return query->kind == SEARCH_TEXT && strstr (query->folded, other->folded) != NULL;
    case SEARCH_NOTHING:
    default:
      return FALSE;
    }
}
