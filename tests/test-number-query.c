/* test-number-query.c — search, filters, counts, CSV and country names
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "porta-country.h"
#include "porta-csv.h"
#include "porta-i18n.h"
#include "porta-number-query.h"

static PortaPhoneNumber *
number (const char *e164,
        const char *type,
        const char *status,
        const char *activation,
        const char *city,
        const char *country,
        const char *target)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("id-", e164, NULL);
  PortaPhoneNumber *n;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "telephoneNumber");
  json_builder_add_string_value (b, e164);
  json_builder_set_member_name (b, "numberType");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "assignmentStatus");
  json_builder_add_string_value (b, status);
  json_builder_set_member_name (b, "activationState");
  json_builder_add_string_value (b, activation);
  json_builder_set_member_name (b, "city");
  json_builder_add_string_value (b, city);
  json_builder_set_member_name (b, "isoCountryCode");
  json_builder_add_string_value (b, country);
  json_builder_set_member_name (b, "assignmentTargetId");
  json_builder_add_string_value (b, target);
  json_builder_set_member_name (b, "capabilities");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "userAssignment");
  json_builder_add_string_value (b, "conferenceAssignment");
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  n = porta_phone_number_new_from_json (json_node_get_object (root), &error);
  g_assert_no_error (error);
  return n;
}

static GPtrArray *
sample (void)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (numbers, number ("+390212345678", "callingPlan", "userAssigned", "activated",
                                    "Milano", "IT", "6f1c2a9e-0b4d-4c37-9a51-0e5b7c1d2e3f"));
  g_ptr_array_add (numbers, number ("+390612345678", "directRouting", "unassigned", "activated",
                                    "Roma", "IT", NULL));
  g_ptr_array_add (numbers, number ("+12065550100", "operatorConnect", "conferenceAssigned", "assignmentFailed",
                                    "Seattle", "US", "AB12CD34-0000-4000-8000-000000000001"));
  g_ptr_array_add (numbers, number ("+12065550101", "callingPlan", "unassigned", "updatePending",
                                    "Seattle", "US", NULL));
  g_ptr_array_add (numbers, number ("+390113334455", "callingPlan", "voiceApplicationAssigned", "activated",
                                    "Torino", "IT", "9e8d7c6b-5a49-4838-a726-150493827160"));
  g_ptr_array_add (numbers, number ("+442079460958", "directRouting", "userAssigned", "activated",
                                    "Londra", "GB", "00000000-1111-4222-8333-444444444444"));
  g_ptr_array_add (numbers, number ("+33123456789", "callingPlan", "unassigned", "activated",
                                    "Évry", "FR", NULL));
  return numbers;
}

static guint
count (PortaNumberQuery *query,
       GPtrArray        *numbers)
{
  guint n = 0;

  for (guint i = 0; i < numbers->len; i++)
    n += porta_number_query_matches (query, g_ptr_array_index (numbers, i));
  return n;
}

static void
test_digits (void)
{
  g_autoptr(GPtrArray) numbers = sample ();
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
  PortaPhoneNumber *milano = g_ptr_array_index (numbers, 0);
  const char *finds_milano[] = {
    "39 02", "+39-02", "3902", "+39 02 1234 5678", "(02) 1234", "0212", "5678", "+39.021", " 3902 ",
  };
  const char *misses_milano[] = { "3906", "+1 206", "99999", "021 2345 679" };

  for (guint i = 0; i < G_N_ELEMENTS (finds_milano); i++)
    {
      g_test_message ("search '%s'", finds_milano[i]);
      porta_number_query_set_text (query, finds_milano[i]);
      g_assert_true (porta_number_query_matches (query, milano));
    }
  for (guint i = 0; i < G_N_ELEMENTS (misses_milano); i++)
    {
      g_test_message ("search '%s'", misses_milano[i]);
      porta_number_query_set_text (query, misses_milano[i]);
      g_assert_false (porta_number_query_matches (query, milano));
    }

  porta_number_query_set_text (query, "39 0");
  g_assert_cmpuint (count (query, numbers), ==, 3);
  porta_number_query_set_text (query, "+1 206 555");
  g_assert_cmpuint (count (query, numbers), ==, 2);
  porta_number_query_set_text (query, "");
  g_assert_true (porta_number_query_is_empty (query));
  g_assert_cmpuint (count (query, numbers), ==, numbers->len);
}

static void
test_text (void)
{
  g_autoptr(GPtrArray) numbers = sample ();
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();

  /* city, whatever the case and accents as typed */
  porta_number_query_set_text (query, "milano");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "SEATTLE");
  g_assert_cmpuint (count (query, numbers), ==, 2);
  porta_number_query_set_text (query, "évry");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "ÉVRY");
  g_assert_cmpuint (count (query, numbers), ==, 1);

  /* assignee, ignoring case */
  porta_number_query_set_text (query, "ab12cd34");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "9e8d7C6B");
  g_assert_cmpuint (count (query, numbers), ==, 1);

  porta_number_query_set_text (query, "Napoli");
  g_assert_cmpuint (count (query, numbers), ==, 0);

  /* a GUID is passed over for a search that cannot be in one, not a
   * target id of any other shape */
  {
    g_autoptr(PortaPhoneNumber) upn = number ("+390804445566", "directRouting", "userAssigned", "activated",
                                              "Bari", "IT", "anna.rossi@contoso.example");

    porta_number_query_set_text (query, "ROSSI@");
    g_assert_true (porta_number_query_matches (query, upn));
    g_assert_cmpuint (count (query, numbers), ==, 0);
    porta_number_query_set_text (query, "ab12cdx");
    g_assert_cmpuint (count (query, numbers), ==, 0);
    porta_number_query_set_text (query, "cd34-0");
    g_assert_cmpuint (count (query, numbers), ==, 1);
    porta_number_query_set_text (query, "a");
    g_assert_true (porta_number_query_matches (query, upn));
  }
}

/* issue 13: the assignee's name and UPN, and the account type */
static void
test_people (void)
{
  g_autoptr(GPtrArray) numbers = sample ();
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
  g_autoptr(PortaNumberQuery) before = NULL;

  g_ptr_array_add (people, porta_person_new ("6F1C2A9E-0B4D-4C37-9A51-0E5B7C1D2E3F",
                                             "giulia.rossi@contoso.onmicrosoft.com", "Giulia Rossi",
                                             PORTA_PERSON_TYPE_USER));
  g_ptr_array_add (people, porta_person_new ("9e8d7c6b-5a49-4838-a726-150493827160",
                                             "centralino.torino@contoso.onmicrosoft.com", NULL,
                                             PORTA_PERSON_TYPE_RESOURCE_ACCOUNT));
  index = porta_people_index_new (people);

  /* before the people: a name finds nothing, the GUID still does */
  porta_number_query_set_text (query, "rossi");
  g_assert_cmpuint (count (query, numbers), ==, 0);
  before = porta_number_query_copy (query);
  g_assert_true (porta_number_query_set_people_index (query, index, 1));
  g_assert_false (porta_number_query_set_people_index (query, index, 1));
  /* other people: neither narrower nor wider */
  g_assert_false (porta_number_query_is_stricter_than (query, before));
  g_assert_false (porta_number_query_is_stricter_than (before, query));

  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "GIULIA R");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "giulia.rossi@contoso");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "centralino");
  g_assert_true (porta_number_query_matches (query, g_ptr_array_index (numbers, 4)));
  g_assert_cmpuint (count (query, numbers), ==, 1);
  /* cities and GUIDs as before; a + search never looks at names */
  porta_number_query_set_text (query, "seattle");
  g_assert_cmpuint (count (query, numbers), ==, 2);
  porta_number_query_set_text (query, "9e8d7c6b");
  g_assert_cmpuint (count (query, numbers), ==, 1);
  porta_number_query_set_text (query, "+giulia");
  g_assert_cmpuint (count (query, numbers), ==, 0);
  porta_number_query_set_text (query, NULL);

  /* the account type: only numbers whose person is of that type */
  porta_number_query_set_person_type (query, PORTA_PERSON_TYPE_USER);
  g_assert_false (porta_number_query_is_empty (query));
  g_assert_cmpuint (count (query, numbers), ==, 1);
  g_assert_true (porta_number_query_matches (query, g_ptr_array_index (numbers, 0)));
  porta_number_query_set_person_type (query, PORTA_PERSON_TYPE_RESOURCE_ACCOUNT);
  g_assert_cmpuint (count (query, numbers), ==, 1);
  g_assert_true (porta_number_query_matches (query, g_ptr_array_index (numbers, 4)));
  {
    g_autoptr(PortaNumberQuery) copy = porta_number_query_copy (query);
    g_autofree char *a = porta_number_query_to_key (query);
    g_autofree char *b = porta_number_query_to_key (copy);

    /* a copy, as the filter's thread takes, matches the same */
    g_assert_cmpuint (count (copy, numbers), ==, 1);
    g_assert_cmpstr (a, ==, b);
  }
  porta_number_query_set_person_type (query, PORTA_NUMBER_QUERY_ANY);
  g_assert_true (porta_number_query_is_empty (query));
}

static void
test_filters (void)
{
  g_autoptr(GPtrArray) numbers = sample ();
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();

  g_assert_true (porta_number_query_set_assignment_status (query, PORTA_ASSIGNMENT_STATUS_UNASSIGNED));
  g_assert_cmpuint (count (query, numbers), ==, 3);
  g_assert_false (porta_number_query_set_assignment_status (query, PORTA_ASSIGNMENT_STATUS_UNASSIGNED));

  g_assert_true (porta_number_query_set_number_type (query, PORTA_NUMBER_TYPE_CALLING_PLAN));
  g_assert_cmpuint (count (query, numbers), ==, 2);

  g_assert_true (porta_number_query_set_country (query, "IT"));
  g_assert_cmpuint (count (query, numbers), ==, 0);
  porta_number_query_set_country (query, "US");
  g_assert_cmpuint (count (query, numbers), ==, 1);

  g_assert_true (porta_number_query_set_problems_only (query, TRUE));
  g_assert_cmpuint (count (query, numbers), ==, 1);

  /* back to everything */
  porta_number_query_set_assignment_status (query, PORTA_NUMBER_QUERY_ANY);
  porta_number_query_set_number_type (query, PORTA_NUMBER_QUERY_ANY);
  porta_number_query_set_country (query, "");
  g_assert_null (porta_number_query_get_country (query));
  g_assert_cmpuint (count (query, numbers), ==, 2);  /* the two with activation problems */
  porta_number_query_set_problems_only (query, FALSE);
  g_assert_true (porta_number_query_is_empty (query));
  g_assert_cmpuint (count (query, numbers), ==, numbers->len);

  /* search and filters together */
  porta_number_query_set_country (query, "IT");
  porta_number_query_set_text (query, "3902");
  g_assert_cmpuint (count (query, numbers), ==, 1);
}

static void
test_stricter (void)
{
  g_autoptr(PortaNumberQuery) a = porta_number_query_new ();
  g_autoptr(PortaNumberQuery) b = NULL;

  porta_number_query_set_text (a, "39");
  b = porta_number_query_copy (a);
  porta_number_query_set_text (b, "390");
  g_assert_true (porta_number_query_is_stricter_than (b, a));
  g_assert_false (porta_number_query_is_stricter_than (a, b));

  porta_number_query_set_text (a, "mil");
  porta_number_query_set_text (b, "Mila");
  g_assert_true (porta_number_query_is_stricter_than (b, a));

  porta_number_query_set_text (b, "mil");
  porta_number_query_set_country (b, "IT");
  g_assert_true (porta_number_query_is_stricter_than (b, a));
  g_assert_false (porta_number_query_is_stricter_than (a, b));

  porta_number_query_set_text (b, "rom");
  g_assert_false (porta_number_query_is_stricter_than (b, a));
}

/* Equal keys for queries that match the same numbers, and only for
 * those: PortaFilterModel keeps results by them */
static void
test_key (void)
{
  const char *same[] = { "39 02", "3902", "(39) 02", "39-02" };
  g_autoptr(PortaNumberQuery) a = porta_number_query_new ();
  g_autoptr(PortaNumberQuery) b = porta_number_query_new ();
  g_autofree char *first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  porta_number_query_set_text (a, same[0]);
  first = porta_number_query_to_key (a);
  for (gsize i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = NULL;

      porta_number_query_set_text (b, same[i]);
      key = porta_number_query_to_key (b);
      g_assert_cmpstr (key, ==, first);
    }
  porta_number_query_set_text (a, "Milano");
  porta_number_query_set_text (b, "MILANO");
  {
    g_autofree char *x = porta_number_query_to_key (a);
    g_autofree char *y = porta_number_query_to_key (b);
    g_assert_cmpstr (x, ==, y);
  }

  /* anchored at the start, however written, and not the same as anywhere */
  {
    const char *anchored[] = { "+39 02", "+39-02", "+3902", "++3902", "+ (39) 02" };
    g_autofree char *anywhere = porta_number_query_to_key (b);  /* "39-02" */
    g_autofree char *start = NULL;

    porta_number_query_set_text (a, anchored[0]);
    start = porta_number_query_to_key (a);
    g_assert_cmpstr (start, !=, anywhere);
    for (gsize i = 1; i < G_N_ELEMENTS (anchored); i++)
      {
        g_autofree char *key = NULL;

        porta_number_query_set_text (b, anchored[i]);
        key = porta_number_query_to_key (b);
        g_assert_cmpstr (key, ==, start);
      }
  }

  /* a lone '+' is no search at all */
  {
    g_autoptr(PortaNumberQuery) empty = porta_number_query_new ();
    g_autofree char *none = porta_number_query_to_key (empty);
    g_autofree char *plus = NULL;

    porta_number_query_set_text (a, " +  ");
    plus = porta_number_query_to_key (a);
    g_assert_cmpstr (plus, ==, none);
  }

  /* every change of the search or a filter is another key */
  {
    g_autoptr(PortaNumberQuery) q = porta_number_query_new ();
    const char *texts[] = { "3902", "+3902", "390", "+390", "+39x", "mil", "mil|1", "1|mil" };

    g_hash_table_add (seen, porta_number_query_to_key (q));
    for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
      for (int status = -1; status < 2; status++)
        for (int problems = 0; problems < 2; problems++)
          for (int country = 0; country < 2; country++)
            {
              porta_number_query_set_text (q, texts[t]);
              porta_number_query_set_assignment_status (q, status);
              porta_number_query_set_problems_only (q, problems);
              porta_number_query_set_country (q, country ? "IT" : NULL);
              g_assert_true (g_hash_table_add (seen, porta_number_query_to_key (q)));
            }
  }
}

/* the sample, and American numbers with 39 in them, and one of 3902 */
static GPtrArray *
sample_with_americans (void)
{
  GPtrArray *numbers = sample ();

  g_ptr_array_add (numbers, number ("+12065551399", "callingPlan", "unassigned", "activated",
                                    "Seattle", "US", NULL));
  g_ptr_array_add (numbers, number ("+12065553902", "callingPlan", "unassigned", "activated",
                                    "Seattle", "US", NULL));
  g_ptr_array_add (numbers, number ("+13125550039", "directRouting", "userAssigned", "activated",
                                    "Chicago", "US", "39391111-2222-4333-8444-555555555555"));
  return numbers;
}

static guint
count_text (const char *text,
            GPtrArray  *numbers)
{
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();

  porta_number_query_set_text (query, text);
  return count (query, numbers);
}

/* Every number @text matches begins with @prefix, and there are @n */
static void
assert_starts (const char *text,
               GPtrArray  *numbers,
               const char *prefix,
               guint       n)
{
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
  guint found = 0;

  g_test_message ("search '%s'", text);
  porta_number_query_set_text (query, text);
  for (guint i = 0; i < numbers->len; i++)
    {
      PortaPhoneNumber *number = g_ptr_array_index (numbers, i);
      gboolean starts = g_str_has_prefix (porta_phone_number_get_telephone_number (number), prefix);

      g_assert_cmpint (porta_number_query_matches (query, number), ==, starts);
      found += starts;
    }
  g_assert_cmpuint (found, ==, n);
}

/* A leading '+' anchors the digits at the start of the number, as an
 * E.164 number begins; without it they are found anywhere (issue 13) */
static void
test_anchored (void)
{
  g_autoptr(GPtrArray) numbers = sample_with_americans ();
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
  const char *milano_only[] = { "+39 02", "+39-02", "+3902", "+39.02", "+ 39 02", "++3902", "+(39) 02" };
  const char *nothing[] = { "+39abc", "+abc", "+Milano", "+Seattle", "+3902 x", "+39391111", "+é" };

  /* Milano, Roma, Torino: not the Americans that contain 39 */
  assert_starts ("+39", numbers, "+39", 3);
  assert_starts ("++39", numbers, "+39", 3);
  assert_starts ("+ 39", numbers, "+39", 3);
  /* 39 anywhere: the three Italians and the three Americans */
  g_assert_cmpuint (count_text ("39", numbers), ==, 6);
  g_assert_cmpuint (count_text (" 3 9 ", numbers), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (milano_only); i++)
    assert_starts (milano_only[i], numbers, "+3902", 1);
  /* and without the '+', 3902 anywhere: Milano and +1 206 555 3902 */
  g_assert_cmpuint (count_text ("39 02", numbers), ==, 2);
  g_assert_cmpuint (count_text ("3902", numbers), ==, 2);

  assert_starts ("+1", numbers, "+1", 5);
  assert_starts ("+1 206", numbers, "+1206", 4);
  assert_starts ("+1 (312)", numbers, "+1312", 1);
  assert_starts ("+4", numbers, "+4", 1);
  assert_starts ("+390212345678", numbers, "+390212345678", 1);
  assert_starts ("+3902123456789", numbers, "+3902123456789", 0);
  g_assert_cmpuint (count_text ("1", numbers), ==, numbers->len - 1);  /* not London's */

  /* a '+' alone, or with spaces and punctuation, is every number:
   * every E.164 number begins with it */
  for (guint i = 0; i < 4; i++)
    {
      const char *plus[] = { "+", "+   ", "  + ", "+ -" };

      porta_number_query_set_text (query, plus[i]);
      g_assert_true (porta_number_query_is_empty (query));
      g_assert_cmpuint (count (query, numbers), ==, numbers->len);
    }
  porta_number_query_set_text (query, "+");
  g_assert_cmpstr (porta_number_query_get_text (query), ==, "+");

  /* a '+' search is a number search: letters after it find nothing,
   * not a city nor an assignee */
  g_assert_cmpuint (count_text ("Milano", numbers), ==, 1);
  g_assert_cmpuint (count_text ("Seattle", numbers), ==, 4);
  g_assert_cmpuint (count_text ("39391111-", numbers), ==, 0);  /* digits: not an assignee */
  g_assert_cmpuint (count_text ("39391111-2222-4", numbers), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_test_message ("search '%s'", nothing[i]);
      porta_number_query_set_text (query, nothing[i]);
      g_assert_false (porta_number_query_is_empty (query));
      g_assert_cmpuint (count (query, numbers), ==, 0);
    }

  /* a number that is a string, a port order's, by the same rule */
  porta_number_query_set_text (query, "+39");
  g_assert_true (porta_number_query_is_number_search (query));
  g_assert_true (porta_number_query_matches_telephone_number (query, "+390212345678"));
  g_assert_true (porta_number_query_matches_telephone_number (query, "+39 02 1234 5678"));
  g_assert_false (porta_number_query_matches_telephone_number (query, "+12065551399"));
  porta_number_query_set_text (query, "39 02");
  g_assert_false (porta_number_query_is_number_search (query));
  g_assert_true (porta_number_query_matches_telephone_number (query, "+390212345678"));
  g_assert_true (porta_number_query_matches_telephone_number (query, "+1 206 555 3902"));
  g_assert_false (porta_number_query_matches_telephone_number (query, "+390612345678"));
  porta_number_query_set_text (query, "+39 02");
  g_assert_false (porta_number_query_matches_telephone_number (query, "+1 206 555 3902"));
  porta_number_query_set_text (query, "+");
  g_assert_true (porta_number_query_is_number_search (query));
  g_assert_true (porta_number_query_matches_telephone_number (query, "+12065551399"));
  porta_number_query_set_text (query, "+Milano");
  g_assert_true (porta_number_query_is_number_search (query));
  g_assert_false (porta_number_query_matches_telephone_number (query, "+390212345678"));
  porta_number_query_set_text (query, "Milano");
  g_assert_false (porta_number_query_is_number_search (query));
  g_assert_false (porta_number_query_matches_telephone_number (query, "+390212345678"));

  /* with the filters */
  porta_number_query_set_text (query, "+39");
  porta_number_query_set_assignment_status (query, PORTA_ASSIGNMENT_STATUS_UNASSIGNED);
  g_assert_cmpuint (count (query, numbers), ==, 1);  /* Roma */
  porta_number_query_set_text (query, "39");
  g_assert_cmpuint (count (query, numbers), ==, 3);  /* and two in Seattle */
}

/* Narrower and wider, as the filter model is told while typing: each
 * "narrower" must hold for the numbers themselves */
static void
test_anchored_stricter (void)
{
  const struct { const char *query; const char *before; gboolean stricter; } steps[] = {
    { "+", "", TRUE }, { "+3", "+", TRUE }, { "+39", "+3", TRUE }, { "+390", "+39", TRUE },
    { "+39a", "+39", TRUE }, { "+39", "39", TRUE }, { "+3902", "902", TRUE }, { "+3902", "390", TRUE },
    { "+39", "", TRUE },
    { "39", "+39", FALSE }, { "+3", "+39", FALSE }, { "+93", "39", FALSE }, { "+39", "+3902", FALSE },
    { "+39", "Milano", FALSE }, { "Milano", "+39", FALSE }, { "39", "+39a", FALSE }, { "+", "+39", FALSE },
  };
  g_autoptr(GPtrArray) numbers = sample_with_americans ();

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
      g_autoptr(PortaNumberQuery) before = porta_number_query_new ();

      g_test_message ("'%s' after '%s'", steps[i].query, steps[i].before);
      porta_number_query_set_text (query, steps[i].query);
      porta_number_query_set_text (before, steps[i].before);
      g_assert_cmpint (porta_number_query_is_stricter_than (query, before), ==, steps[i].stricter);
      for (guint n = 0; steps[i].stricter && n < numbers->len; n++)
        if (porta_number_query_matches (query, g_ptr_array_index (numbers, n)))
          g_assert_true (porta_number_query_matches (before, g_ptr_array_index (numbers, n)));
    }
}

/* 100,000 numbers in the sandbox's manner, region by region: 30,000
 * American (of which 897 have a 39 in them), 50,000 Italian, 10,000
 * British and 10,000 French */
static GPtrArray *
hundred_thousand (void)
{
  static const struct { const char *prefix; int width; guint start; guint n; } regions[] = {
    { "+1206555", 4, 0, 10000 }, { "+1212555", 4, 0, 10000 }, { "+1312555", 4, 0, 10000 },
    { "+3902", 8, 40000000, 30000 }, { "+3906", 8, 50000000, 20000 },
    { "+4420", 8, 70000000, 10000 }, { "+331", 8, 40000000, 10000 },
  };
  GPtrArray *numbers = g_ptr_array_new_full (100000, g_object_unref);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "numberType", "callingPlan");
  json_object_set_string_member (object, "assignmentStatus", "unassigned");
  json_object_set_string_member (object, "activationState", "activated");
  for (gsize r = 0; r < G_N_ELEMENTS (regions); r++)
    for (guint i = 0; i < regions[r].n; i++)
      {
        g_autofree char *e164 = g_strdup_printf ("%s%0*u", regions[r].prefix, regions[r].width,
                                                 regions[r].start + i);
        g_autoptr(GError) error = NULL;
        PortaPhoneNumber *number;

        json_object_set_string_member (object, "id", e164);
        json_object_set_string_member (object, "telephoneNumber", e164);
        number = porta_phone_number_new_from_json (object, &error);
        g_assert_no_error (error);
        g_ptr_array_add (numbers, number);
      }
  return numbers;
}

static void
test_hundred_thousand (void)
{
  g_autoptr(GPtrArray) numbers = hundred_thousand ();
  g_autoptr(PortaNumberQuery) query = porta_number_query_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  const struct { const char *text; guint n; } expected[] = {
    { "+39", 50000 }, { "39", 51495 },       /* 50,000 Italian and 1,495 more with 39 in them */
    { "+3902", 30000 }, { "3902", 30007 },
    { "+39 02 40", 30000 }, { "390240", 30000 },
    { "+1", 30000 }, { "1", 73756 },
    { "+3", 60000 }, { "3", 80317 },
    { "+44", 10000 }, { "+", 100000 }, { "+39x", 0 },
  };
  const char *typed[] = { "+", "+3", "+39", "+390", "+3902", "+39024", "+390240", "+3902400", "+39024001" };

  g_assert_cmpuint (numbers->len, ==, 100000);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("search '%s'", expected[i].text);
      porta_number_query_set_text (query, expected[i].text);
      g_assert_cmpuint (count (query, numbers), ==, expected[i].n);
    }

  /* typed a key at a time, each search over what the one before found,
   * as the filter model does when told "more strict" */
  g_ptr_array_extend (shown, numbers, NULL, NULL);
  for (gsize t = 0; t < G_N_ELEMENTS (typed); t++)
    {
      g_autoptr(PortaNumberQuery) before = porta_number_query_copy (query);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      porta_number_query_set_text (query, typed[t]);
      if (t > 0)
        g_assert_true (porta_number_query_is_stricter_than (query, before));
      for (guint i = 0; i < shown->len; i++)
        if (porta_number_query_matches (query, g_ptr_array_index (shown, i)))
          g_ptr_array_add (kept, g_ptr_array_index (shown, i));
      g_assert_cmpuint (kept->len, ==, count (query, numbers));
      g_ptr_array_set_size (shown, 0);
      g_ptr_array_extend (shown, kept, NULL, NULL);
    }
  g_assert_cmpuint (shown->len, ==, 10000);  /* +39 02 4001… */
}

static void
test_csv (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) numbers = sample ();
  const char *fields[] = { "plain", "with,comma", "with \"quote\"", "line\nbreak", "", NULL, "Évry" };
  gsize n_columns;
  const char * const *columns = porta_phone_number_csv_columns (&n_columns);
  g_auto(GStrv) lines = NULL;

  porta_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"line\nbreak\",,,Évry\r\n");

  g_string_truncate (out, 0);
  porta_csv_append_row (out, columns, n_columns);
  porta_phone_number_append_csv_row (g_ptr_array_index (numbers, 0), out);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "telephoneNumber,id,numberType,assignmentStatus"));
  g_assert_true (g_str_has_prefix (lines[1], "+390212345678,id-+390212345678,callingPlan,userAssigned,activated"));
  g_assert_nonnull (strstr (lines[1], ",Milano,IT,"));
  g_assert_nonnull (strstr (lines[1], "userAssignment;conferenceAssignment"));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_country (void)
{
  const char *language = g_getenv ("LANGUAGE");

  g_assert_null (porta_country_get_name (NULL));
  g_assert_cmpstr (porta_country_get_name ("ZZ"), ==, "ZZ");
  if (g_strcmp0 (language, "it") == 0)
    {
      g_assert_cmpstr (porta_country_get_name ("IT"), ==, "Italia");
      g_assert_cmpstr (porta_country_get_name ("US"), ==, "Stati Uniti");
      g_assert_cmpstr (porta_country_get_name ("DE"), ==, "Germania");
    }
  else
    {
      g_assert_cmpstr (porta_country_get_name ("IT"), ==, "Italy");
      g_assert_cmpstr (porta_country_get_name ("US"), ==, "United States");
    }
}

int
main (int   argc,
      char *argv[])
{
  porta_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number-query/digits", test_digits);
  g_test_add_func ("/number-query/text", test_text);
  g_test_add_func ("/number-query/filters", test_filters);
  g_test_add_func ("/number-query/people", test_people);
  g_test_add_func ("/number-query/stricter", test_stricter);
  g_test_add_func ("/number-query/key", test_key);
  g_test_add_func ("/number-query/anchored", test_anchored);
  g_test_add_func ("/number-query/anchored-stricter", test_anchored_stricter);
  g_test_add_func ("/number-query/hundred-thousand", test_hundred_thousand);
  g_test_add_func ("/csv", test_csv);
  g_test_add_func ("/country", test_country);

  return g_test_run ();
}
