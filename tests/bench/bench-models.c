/* bench-models.c — what 100,000 phone numbers cost to parse and to hold
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tenant can hold 100,000 numbers and the Voice page keeps them all, so
 * the app must stay under ~200 MB resident with them loaded. This builds
 * 100 pages of 1,000 numberAssignments shaped like Graph's (and the
 * sandbox's), parses them the way the client does (porta_json_parse_bytes,
 * then one PortaPhoneNumber per element), drops the JSON, and prints:
 * the time per 100,000, the heap and resident memory the numbers keep,
 * the time of a search pass over every number's digits, and the time to
 * free them. It prints figures and asserts only correctness.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "porta-json.h"
#include "porta-phone-number.h"

#define N_NUMBERS 100000
#define PAGE_SIZE 1000

typedef struct
{
  const char *prefix;
  const char *city;
  const char *country;
  guint       subscriber_digits;
} Region;

static const Region regions[] = {
  { "1206", "Seattle", "US", 7 }, { "1212", "New York", "US", 7 }, { "1312", "Chicago", "US", 7 },
  { "1415", "San Francisco", "US", 7 }, { "3902", "Milano", "IT", 8 }, { "3906", "Roma", "IT", 8 },
  { "39011", "Torino", "IT", 7 }, { "39081", "Napoli", "IT", 7 }, { "4420", "London", "GB", 8 },
  { "4930", "Berlin", "DE", 8 }, { "331", "Paris", "FR", 8 }, { "3491", "Madrid", "ES", 7 },
};

static const char * const number_types[] = { "callingPlan", "directRouting", "operatorConnect" };
static const char * const statuses[] = {
  "unassigned", "userAssigned", "userAssigned", "userAssigned", "conferenceAssigned",
  "voiceApplicationAssigned", "policyAssigned",
};
static const char * const capability_sets[] = {
  "[\"userAssignment\"]",
  "[\"conferenceAssignment\", \"voiceApplicationAssignment\"]",
  "[\"userAssignment\", \"teamsPhoneMobile\"]",
  "[\"voiceApplicationAssignment\"]",
};

static void
append_guid (GString *s,
             GRand   *rand)
{
  g_string_append_printf (s, "%08x-%04x-4%03x-%04x-%04x%08x",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff, g_rand_int (rand) & 0xfff,
                          (g_rand_int (rand) & 0x3fff) | 0x8000, g_rand_int (rand) & 0xffff,
                          g_rand_int (rand));
}

static GBytes *
make_page (GRand *rand,
           guint  first)
{
  GString *s = g_string_sized_new (PAGE_SIZE * 900);

  g_string_append (s, "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#admin/teams/"
                      "telephoneNumberManagement/numberAssignments\", \"value\": [");
  for (guint i = 0; i < PAGE_SIZE; i++)
    {
      guint n = first + i;
      const Region *r = &regions[n % G_N_ELEMENTS (regions)];
      const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
      gboolean assigned = strcmp (status, "unassigned") != 0;
      guint64 subscriber = 1000000 + n / G_N_ELEMENTS (regions);

      if (r->subscriber_digits == 8)
        subscriber += 40000000;

      g_string_append (s, i ? ", {" : "{");
      g_string_append (s, "\"@odata.type\": \"#microsoft.graph.teamsAdministration.numberAssignment\", \"id\": \"");
      append_guid (s, rand);
      g_string_append_printf (s, "\", \"telephoneNumber\": \"+%s%0*" G_GUINT64_FORMAT "\"",
                              r->prefix, (int) r->subscriber_digits, subscriber);
      g_string_append_printf (s, ", \"operatorId\": \"%s\"",
                              n % 3 == 2 ? "a3b2c1d0-1111-2222-3333-444455556666"
                                         : "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
      g_string_append_printf (s, ", \"numberType\": \"%s\", \"activationState\": \"activated\"",
                              number_types[n % G_N_ELEMENTS (number_types)]);
      g_string_append_printf (s, ", \"capabilities\": %s",
                              capability_sets[n % G_N_ELEMENTS (capability_sets)]);
      g_string_append_printf (s, ", \"locationId\": \"loc-%s-%u\", \"civicAddressId\": \"civic-%s-%u\"",
                              r->country, n % 7, r->country, n % 7);
      g_string_append (s, ", \"networkSiteId\": null");
      if (assigned)
        {
          g_string_append (s, ", \"assignmentTargetId\": \"");
          append_guid (s, rand);
          g_string_append (s, "\", \"assignmentCategory\": \"primary\"");
        }
      else
        {
          g_string_append (s, ", \"assignmentTargetId\": null, \"assignmentCategory\": null");
        }
      g_string_append_printf (s, ", \"portInStatus\": %s, \"assignmentStatus\": \"%s\"",
                              n % 5 == 0 ? "\"completed\"" : "null", status);
      g_string_append_printf (s, ", \"isoCountryCode\": \"%s\", \"city\": \"%s\", \"numberSource\": \"online\"",
                              r->country, r->city);
      g_string_append (s, ", \"supportedCustomerActions\": [\"locationUpdate\", \"release\"]"
                          ", \"reverseNumberLookupOptions\": []}");
    }
  g_string_append (s, "]}");

  return g_string_free_to_bytes (s);
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GPtrArray *numbers = g_ptr_array_new_full (N_NUMBERS, g_object_unref);
  gsize json_bytes = 0, heap_before, heap_after, rss_before, rss_after;
  gint64 start, parse_us, objects_us = 0, search_us, free_us;
  guint matches = 0;

  for (guint first = 0; first < N_NUMBERS; first += PAGE_SIZE)
    {
      GBytes *page = make_page (rand, first);

      json_bytes += g_bytes_get_size (page);
      g_ptr_array_add (pages, page);
    }

  /* Warm the type system and the allocator up, so they are not counted */
  g_type_ensure (PORTA_TYPE_PHONE_NUMBER);
  malloc_trim (0);
  heap_before = heap_in_use ();
  rss_before = resident_bytes ();

  start = g_get_monotonic_time ();
  for (guint p = 0; p < pages->len; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = porta_json_parse_bytes (g_ptr_array_index (pages, p), &error);
      JsonObject *page;
      JsonArray *value;
      gint64 objects_start;

      g_assert_no_error (error);
      page = porta_json_node_get_object (root, &error);
      g_assert_no_error (error);
      value = porta_json_get_array (page, "value", &error);
      g_assert_no_error (error);

      objects_start = g_get_monotonic_time ();
      for (guint i = 0; i < json_array_get_length (value); i++)
        {
          PortaPhoneNumber *n = porta_phone_number_new_from_json (json_array_get_object_element (value, i), &error);

          g_assert_no_error (error);
          g_ptr_array_add (numbers, n);
        }
      objects_us += g_get_monotonic_time () - objects_start;
    }
  parse_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (numbers->len, ==, N_NUMBERS);

  malloc_trim (0);
  heap_after = heap_in_use ();
  rss_after = resident_bytes ();

  /* What the Voice page's search does on every key press */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < numbers->len; i++)
    {
      PortaPhoneNumber *n = g_ptr_array_index (numbers, i);

      if (strstr (porta_phone_number_get_digits (n), "5550") != NULL
          || g_strcmp0 (porta_phone_number_get_city (n), "Torino") == 0)
        matches++;
    }
  search_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (matches, >, 0);

  /* Spot checks that the numbers are the ones sent */
  {
    PortaPhoneNumber *n = g_ptr_array_index (numbers, 4);

    g_assert_cmpstr (porta_phone_number_get_city (n), ==, "Milano");
    g_assert_cmpstr (porta_phone_number_get_telephone_number (n), ==, "+390241000000");
    g_assert_true (porta_phone_number_has_capability (n, "userAssignment"));
  }

  start = g_get_monotonic_time ();
  g_ptr_array_unref (numbers);
  free_us = g_get_monotonic_time () - start;

  g_print ("bench-models: %u numbers from %u pages (%.1f MB of JSON)\n",
           N_NUMBERS, pages->len, json_bytes / 1e6);
  g_print ("  parse (JSON + objects):  %.0f ms per 100,000 (%.2f us per number)\n",
           parse_us / 1000.0 * (100000.0 / N_NUMBERS), (double) parse_us / N_NUMBERS);
  g_print ("    of which the objects:  %.0f ms (the rest is json-glib)\n", objects_us / 1000.0);
  g_print ("  heap kept (mallinfo2):   %.1f MB, %.0f bytes per number\n",
           (double) (heap_after - heap_before) / 1e6, (double) (heap_after - heap_before) / N_NUMBERS);
  g_print ("  resident delta (statm):  %.1f MB, %.0f bytes per number\n",
           ((double) rss_after - (double) rss_before) / 1e6,
           ((double) rss_after - (double) rss_before) / N_NUMBERS);
  g_print ("  search pass (digits, city): %.2f ms over 100,000 (%u matches)\n",
           search_us / 1000.0, matches);
  g_print ("  free:                    %.0f ms per 100,000\n", free_us / 1000.0);

  return 0;
}
