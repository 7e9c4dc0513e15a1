/* test-people.c — PortaPeople and the client's people against porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: the people load beside the numbers (the first page of numbers
 * does not wait for them), every user and resource-account number finds
 * its person by assignmentTargetId over several pages of people, a token
 * without TeamsUserConfiguration.Read.All leaves `available` FALSE and no
 * error, and a dead server leaves an error and nothing else. No GTK.
 */
#include "config.h"

#include <gio/gio.h>

#include "porta-client.h"
#include "porta-error.h"
#include "porta-number-list.h"
#include "porta-people.h"
#include "porta-phone-number.h"
#include "porta-test-utils.h"

typedef struct
{
  PortaTestSandbox *sandbox;
  PortaClient      *client;
  PortaPeople      *people;
  guint             changed;
  guint             error_notifies;
} Fixture;

static void
changed_cb (PortaPeople *people,
            Fixture     *f)
{
  f->changed++;
}

static void
error_cb (PortaPeople *people,
          GParamSpec  *pspec,
          Fixture     *f)
{
  f->error_notifies++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = porta_test_sandbox_start (NULL, data);
  f->client = porta_test_signed_in_client (f->sandbox, &error);
  g_assert_no_error (error);
  porta_client_set_retry_policy (f->client, 2, 2000, 20);
  f->people = porta_people_new (f->client);
  g_signal_connect (f->people, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->people, "notify::error", G_CALLBACK (error_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->people);
  g_clear_object (&f->client);
  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
}

static gboolean
people_done (gpointer data)
{
  return !porta_people_get_loading (data);
}

static gboolean
numbers_done (gpointer data)
{
  return !porta_number_list_get_loading (data);
}

static gboolean
has_a_page (gpointer data)
{
  return porta_number_list_get_n_loaded (data) > 0;
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PortaNumberList) numbers = porta_number_list_new (f->client);
  GListModel *model = G_LIST_MODEL (numbers);
  guint users = 0, resources = 0, named = 0;

  g_assert_true (porta_people_get_available (f->people));
  g_assert_null (porta_people_lookup (f->people, "6e780bae-d018-445e-b000-000000000000"));

  /* side by side, as the Voice page starts them */
  porta_number_list_refresh (numbers);
  porta_people_refresh (f->people);
  g_assert_true (porta_people_get_loading (f->people));
  g_assert_true (porta_test_wait_until (people_done, f->people, 60000));
  g_assert_true (porta_test_wait_until (numbers_done, numbers, 60000));

  g_assert_null (porta_people_get_error (f->people));
  g_assert_true (porta_people_get_available (f->people));
  g_assert_cmpuint (f->changed, ==, 1);
  /* the sandbox's pages hold 100: this took several */
  g_assert_cmpuint (porta_people_get_n_people (f->people), >, 300);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PortaPhoneNumber) number = g_list_model_get_item (model, i);
      PortaAssignmentStatus status = porta_phone_number_get_assignment_status (number);
      const char *target = porta_phone_number_get_assignment_target_id (number);
      g_autofree char *upper = target ? g_ascii_strup (target, -1) : NULL;
      PortaPerson *person = porta_people_lookup (f->people, target);

      if (status == PORTA_ASSIGNMENT_STATUS_USER_ASSIGNED)
        {
          g_assert_nonnull (person);
          g_assert_true (porta_person_get_person_type (person) == PORTA_PERSON_TYPE_USER
                         || porta_person_get_person_type (person) == PORTA_PERSON_TYPE_SFB_ON_PREM_USER);
          users++;
        }
      else if (status == PORTA_ASSIGNMENT_STATUS_VOICE_APPLICATION_ASSIGNED)
        {
          g_assert_nonnull (person);
          g_assert_cmpint (porta_person_get_person_type (person), ==, PORTA_PERSON_TYPE_RESOURCE_ACCOUNT);
          resources++;
        }
      else
        {
          /* conference bridges, policies, apps: no person */
          g_assert_null (person);
          continue;
        }
      /* GUIDs match whatever their case */
      g_assert_true (porta_people_lookup (f->people, upper) == person);
      g_assert_cmpstr (porta_person_get_id (person), ==, target);
      g_assert_true (g_str_has_suffix (porta_person_get_user_principal_name (person),
                                       "@contoso.onmicrosoft.com"));
      if (porta_person_get_display_name (person) != NULL)
        named++;
      g_assert_nonnull (strstr (porta_person_get_search_key (person), "@contoso.onmicrosoft.com"));
    }
  g_assert_cmpuint (users, >, 0);
  g_assert_cmpuint (resources, >, 0);
  /* $expand=user brought every name */
  g_assert_cmpuint (named, ==, users + resources);

  /* a refresh keeps the names until the new ones are in */
  porta_people_refresh (f->people);
  g_assert_cmpuint (porta_people_get_n_people (f->people), >, 300);
  g_assert_true (porta_test_wait_until (people_done, f->people, 60000));
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpuint (f->error_notifies, ==, 0);
}

static void
test_first_rows_first (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PortaNumberList) numbers = porta_number_list_new (f->client);

  /* the people are asked for first, and still the numbers' first page
   * lands while they load: 60 pages of slow people against one of numbers */
  porta_people_refresh (f->people);
  porta_number_list_refresh (numbers);
  g_assert_true (porta_test_wait_until (has_a_page, numbers, 60000));
  g_assert_true (porta_people_get_loading (f->people));
  porta_people_cancel (f->people);
  porta_number_list_cancel (numbers);
  /* the cancelled requests call back, and let go */
  porta_test_spin (500);
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_null (porta_people_get_error (f->people));
}

static void
test_forbidden (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PortaNumberList) numbers = porta_number_list_new (f->client);

  porta_people_refresh (f->people);
  porta_number_list_refresh (numbers);
  g_assert_true (porta_test_wait_until (people_done, f->people, 60000));
  g_assert_true (porta_test_wait_until (numbers_done, numbers, 60000));

  /* no banner-worthy error: only `available` says it */
  g_assert_false (porta_people_get_available (f->people));
  g_assert_null (porta_people_get_error (f->people));
  g_assert_cmpuint (f->error_notifies, ==, 0);
  g_assert_cmpuint (porta_people_get_n_people (f->people), ==, 0);
  /* the numbers do not mind */
  g_assert_null (porta_number_list_get_error (numbers));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (numbers)), >=, 1000);

  /* another account starts from available again */
  porta_people_set_client (f->people, NULL);
  g_assert_true (porta_people_get_available (f->people));
}

static void
test_client_forbidden (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(PortaTestWaiter) waiter = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  porta_client_list_people_async (f->client, NULL, porta_test_waiter_cb, &waiter);
  people = porta_client_list_people_finish (f->client, porta_test_waiter_wait (&waiter, 30000), &error);
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FORBIDDEN);
  g_assert_null (people);
}

static void
test_dead_server (Fixture       *f,
                  gconstpointer  data)
{
  const GError *error;

  g_clear_pointer (&f->sandbox, porta_test_sandbox_stop);
  porta_people_refresh (f->people);
  g_assert_true (porta_test_wait_until (people_done, f->people, 60000));
  error = porta_people_get_error (f->people);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PORTA_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (porta_people_get_available (f->people));
  g_assert_cmpuint (f->changed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *normal[] = { "--auto-approve", "--numbers", "2000", NULL };
  static const char *slow[] = { "--auto-approve", "--numbers", "8000", "--faults", "latency=150", NULL };
  static const char *withheld[] = { "--auto-approve", "--numbers", "1000",
                                    "--withhold-scope", "TeamsUserConfiguration.Read.All", NULL };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/people/load", Fixture, normal, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/people/first-rows-first", Fixture, slow, fixture_setup, test_first_rows_first, fixture_teardown);
  g_test_add ("/people/forbidden", Fixture, withheld, fixture_setup, test_forbidden, fixture_teardown);
  g_test_add ("/people/client-forbidden", Fixture, withheld, fixture_setup, test_client_forbidden,
              fixture_teardown);
  g_test_add ("/people/dead-server", Fixture, normal, fixture_setup, test_dead_server, fixture_teardown);

  return g_test_run ();
}
