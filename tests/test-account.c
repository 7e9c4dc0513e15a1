/* test-account.c — PortaAccount and PortaAccountStore
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "porta-account.h"
#include "porta-account-store.h"
#include "porta-error.h"
#include "porta-i18n.h"
#include "porta-test-utils.h"

/* Helpers */

typedef struct
{
  char *dir;
  char *path;   /* dir/porta/accounts.json: the directory does not exist yet */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("porta-test-account-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "porta", "accounts.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  porta_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
load (PortaAccountStore  *store,
      GError            **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_account_store_load_async (store, NULL, porta_test_waiter_cb, &waiter);
  return porta_account_store_load_finish (store, porta_test_waiter_wait (&waiter, 30000), error);
}

static gboolean
save (PortaAccountStore  *store,
      GError            **error)
{
  g_auto(PortaTestWaiter) waiter = { NULL };

  porta_account_store_save_async (store, NULL, porta_test_waiter_cb, &waiter);
  return porta_account_store_save_finish (store, porta_test_waiter_wait (&waiter, 30000), error);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static PortaAccount *
new_signed_in_account (const char *username,
                       const char *tenant_id)
{
  PortaAccount *account = porta_account_new (NULL, NULL, "11111111-2222-3333-4444-555555555555", NULL);

  porta_account_set_identity (account, "Alice Rossi", username, tenant_id);
  return account;
}

static void
assert_same_account (PortaAccount *a,
                     PortaAccount *b)
{
  g_assert_cmpstr (porta_account_get_id (a), ==, porta_account_get_id (b));
  g_assert_cmpstr (porta_account_get_display_name (a), ==, porta_account_get_display_name (b));
  g_assert_cmpstr (porta_account_get_username (a), ==, porta_account_get_username (b));
  g_assert_cmpstr (porta_account_get_tenant_id (a), ==, porta_account_get_tenant_id (b));
  g_assert_cmpstr (porta_account_get_authority (a), ==, porta_account_get_authority (b));
  g_assert_cmpstr (porta_account_get_api_base (a), ==, porta_account_get_api_base (b));
  g_assert_cmpstr (porta_account_get_client_id (a), ==, porta_account_get_client_id (b));
  g_assert_cmpstr (porta_account_get_scopes (a), ==, porta_account_get_scopes (b));
  g_assert_cmpint (porta_account_get_sandbox (a), ==, porta_account_get_sandbox (b));
}

/* Records every items-changed and notify of a store. */
typedef struct
{
  GArray *changes;     /* of guint[3]: position, removed, added */
  guint   current_notifies;
  guint   n_items_notifies;
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (recorder->changes, change, 1);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  if (g_str_equal (pspec->name, "current-account"))
    recorder->current_notifies++;
  else if (g_str_equal (pspec->name, "n-items"))
    recorder->n_items_notifies++;
}

static void
recorder_init (Recorder          *recorder,
               PortaAccountStore *store)
{
  memset (recorder, 0, sizeof *recorder);
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (guint[3]));
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), recorder);
  g_signal_connect (store, "notify", G_CALLBACK (notify_cb), recorder);
}

static void
recorder_clear (Recorder *recorder)
{
  g_array_set_size (recorder->changes, 0);
  recorder->current_notifies = 0;
  recorder->n_items_notifies = 0;
}

static void
assert_change (Recorder *recorder,
               guint     index,
               guint     position,
               guint     removed,
               guint     added)
{
  const guint *change;

  g_assert_cmpuint (recorder->changes->len, >, index);
  change = &g_array_index (recorder->changes, guint, index * 3);
  g_assert_cmpuint (change[0], ==, position);
  g_assert_cmpuint (change[1], ==, removed);
  g_assert_cmpuint (change[2], ==, added);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* PortaAccount */

static void
test_account_defaults (void)
{
  g_autoptr(PortaAccount) a = porta_account_new (NULL, NULL, "client", NULL);
  g_autoptr(PortaAccount) b = porta_account_new (NULL, NULL, "client", NULL);
  g_autoptr(PortaAccount) c = g_object_new (PORTA_TYPE_ACCOUNT, "id", "fixed-id", "client-id", "x", NULL);
  g_autoptr(PortaAccount) d = porta_account_new ("https://login.example.com/t", "https://api.example.com/v1.0",
                                                 "client", PORTA_SCOPES_READ);

  g_assert_true (g_uuid_string_is_valid (porta_account_get_id (a)));
  g_assert_cmpstr (porta_account_get_id (a), !=, porta_account_get_id (b));
  g_assert_cmpstr (porta_account_get_id (c), ==, "fixed-id");

  g_assert_cmpstr (porta_account_get_authority (a), ==, PORTA_DEFAULT_AUTHORITY);
  g_assert_cmpstr (porta_account_get_api_base (a), ==, PORTA_DEFAULT_API_BASE);
  g_assert_cmpstr (porta_account_get_scopes (a), ==, PORTA_SCOPES_READ_WRITE);
  g_assert_cmpstr (porta_account_get_client_id (a), ==, "client");
  g_assert_null (porta_account_get_username (a));
  g_assert_null (porta_account_get_display_name (a));
  g_assert_null (porta_account_get_tenant_id (a));
  g_assert_false (porta_account_get_sandbox (a));

  g_assert_cmpstr (porta_account_get_authority (d), ==, "https://login.example.com/t");
  g_assert_cmpstr (porta_account_get_api_base (d), ==, "https://api.example.com/v1.0");
  g_assert_cmpstr (porta_account_get_scopes (d), ==, PORTA_SCOPES_READ);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count (GHashTable *counts,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_account_identity_notify (void)
{
  g_autoptr(PortaAccount) account = porta_account_new (NULL, NULL, "client", NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (account, "notify", G_CALLBACK (count_notify_cb), counts);

  porta_account_set_identity (account, "Alice", "alice@contoso.com", "tid-1");
  g_assert_cmpuint (count (counts, "display-name"), ==, 1);
  g_assert_cmpuint (count (counts, "username"), ==, 1);
  g_assert_cmpuint (count (counts, "tenant-id"), ==, 1);

  /* Only what changed is notified */
  porta_account_set_identity (account, "Alice Rossi", "alice@contoso.com", "tid-1");
  g_assert_cmpuint (count (counts, "display-name"), ==, 2);
  g_assert_cmpuint (count (counts, "username"), ==, 1);
  g_assert_cmpuint (count (counts, "tenant-id"), ==, 1);
  g_assert_cmpstr (porta_account_get_display_name (account), ==, "Alice Rossi");

  porta_account_set_identity (account, "Alice Rossi", "alice@contoso.com", "tid-1");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);
  g_assert_cmpuint (count (counts, "display-name"), ==, 2);

  porta_account_set_sandbox (account, TRUE);
  porta_account_set_sandbox (account, TRUE);
  g_assert_cmpuint (count (counts, "sandbox"), ==, 1);
  g_assert_true (porta_account_get_sandbox (account));

  /* Through the property too, with the same rule */
  g_object_set (account, "username", "alice@contoso.com", NULL);
  g_assert_cmpuint (count (counts, "username"), ==, 1);
  g_object_set (account, "username", "bob@contoso.com", NULL);
  g_assert_cmpuint (count (counts, "username"), ==, 2);
}

static void
test_account_json_round_trip (void)
{
  g_autoptr(PortaAccount) account = porta_account_new ("https://login.microsoftonline.com/contoso.onmicrosoft.com",
                                                       "http://127.0.0.1:8080/v1.0",
                                                       "client-id", PORTA_SCOPES_READ);
  g_autoptr(PortaAccount) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(JsonNode) node_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  JsonObject *object;

  porta_account_set_identity (account, "Alice “Ali” Rossi", "alice@contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47");
  porta_account_set_sandbox (account, TRUE);

  node = porta_account_to_json (account);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, porta_account_get_id (account));
  g_assert_cmpstr (json_object_get_string_member (object, "displayName"), ==, "Alice “Ali” Rossi");
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "alice@contoso.com");
  g_assert_cmpstr (json_object_get_string_member (object, "tenantId"), ==, "72f988bf-86f1-41af-91ab-2d7cd011db47");
  g_assert_cmpstr (json_object_get_string_member (object, "authority"), ==, "https://login.microsoftonline.com/contoso.onmicrosoft.com");
  g_assert_cmpstr (json_object_get_string_member (object, "apiBase"), ==, "http://127.0.0.1:8080/v1.0");
  g_assert_cmpstr (json_object_get_string_member (object, "clientId"), ==, "client-id");
  g_assert_cmpstr (json_object_get_string_member (object, "scopes"), ==, PORTA_SCOPES_READ);
  g_assert_true (json_object_get_boolean_member (object, "sandbox"));
  g_assert_cmpuint (json_object_get_size (object), ==, 9);

  /* Through text, as in the file */
  text = to_string (node);
  reparsed = parse_json (text);
  back = porta_account_new_from_json (reparsed, &error);
  g_assert_no_error (error);
  assert_same_account (account, back);

  node_again = porta_account_to_json (back);
  text_again = to_string (node_again);
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_account_json_tolerant (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(PortaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  /* Nulls for everything optional, no sandbox member, and members a newer
   * version wrote */
  node = parse_json ("{\"id\": \"acc-1\", \"authority\": \"https://login.example.com/tenant\","
                     " \"apiBase\": \"https://graph.example.com/v1.0\", \"clientId\": \"cid\","
                     " \"displayName\": null, \"username\": null, \"tenantId\": null, \"scopes\": null,"
                     " \"futureFlag\": true, \"futureObject\": {\"a\": [1, 2, 3]}}");
  account = porta_account_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpstr (porta_account_get_id (account), ==, "acc-1");
  g_assert_null (porta_account_get_username (account));
  g_assert_null (porta_account_get_display_name (account));
  g_assert_null (porta_account_get_tenant_id (account));
  g_assert_cmpstr (porta_account_get_scopes (account), ==, PORTA_SCOPES_READ_WRITE);
  g_assert_false (porta_account_get_sandbox (account));

  /* What it did not know is written back unchanged */
  out = porta_account_to_json (account);
  object = json_node_get_object (out);
  g_assert_true (json_object_get_boolean_member (object, "futureFlag"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (object, "futureObject"), "a")), ==, 3);
  g_assert_false (json_object_has_member (object, "username"));
}

static void
test_account_json_strict (void)
{
  const struct {
    const char *json;
    const char *field;   /* named in the message, or NULL */
  } cases[] = {
    { "[]", NULL },
    { "\"account\"", NULL },
    { "{}", "id" },
    { "{\"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "id" },
    { "{\"id\": \"\", \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "id" },
    { "{\"id\": 7, \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "id" },
    { "{\"id\": \"x\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "authority" },
    { "{\"id\": \"x\", \"authority\": \"not a url\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "authority" },
    { "{\"id\": \"x\", \"authority\": null, \"apiBase\": \"https://b.example\", \"clientId\": \"c\"}", "authority" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"clientId\": \"c\"}", "apiBase" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"apiBase\": \"/v1.0\", \"clientId\": \"c\"}", "apiBase" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\"}", "clientId" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": [\"c\"]}", "clientId" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\", \"username\": 42}", "username" },
    { "{\"id\": \"x\", \"authority\": \"https://a.example/t\", \"apiBase\": \"https://b.example\", \"clientId\": \"c\", \"sandbox\": \"yes\"}", "sandbox" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(PortaAccount) account = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      account = porta_account_new_from_json (node, &error);
      g_assert_null (account);
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
      if (cases[i].field != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}

static void
test_account_organization_label (void)
{
  g_autoptr(PortaAccount) account = porta_account_new (NULL, NULL, "client", NULL);
  g_autoptr(PortaAccount) tenant = porta_account_new ("https://login.microsoftonline.com/contoso.onmicrosoft.com/",
                                                      NULL, "client", NULL);
  g_autoptr(PortaAccount) no_path = porta_account_new ("http://127.0.0.1:4000", NULL, "client", NULL);
  g_autofree char *label1 = NULL;
  g_autofree char *label2 = NULL;
  g_autofree char *label3 = NULL;
  g_autofree char *label4 = NULL;
  g_autofree char *label5 = NULL;
  g_autofree char *label6 = NULL;

  label1 = porta_account_dup_organization_label (account);
  g_assert_cmpstr (label1, ==, "organizations");

  porta_account_set_identity (account, "Alice", NULL, "72f988bf-86f1-41af-91ab-2d7cd011db47");
  label2 = porta_account_dup_organization_label (account);
  g_assert_cmpstr (label2, ==, "72f988bf-86f1-41af-91ab-2d7cd011db47");

  porta_account_set_identity (account, "Alice", "alice@contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47");
  label3 = porta_account_dup_organization_label (account);
  g_assert_cmpstr (label3, ==, "contoso.com");

  /* A username that is not an address says nothing of the organization */
  porta_account_set_identity (account, "Alice", "alice", NULL);
  label4 = porta_account_dup_organization_label (account);
  g_assert_cmpstr (label4, ==, "organizations");

  label5 = porta_account_dup_organization_label (tenant);
  g_assert_cmpstr (label5, ==, "contoso.onmicrosoft.com");

  label6 = porta_account_dup_organization_label (no_path);
  g_assert_cmpstr (label6, ==, "127.0.0.1");
}

/* PortaAccountStore */

static void
test_store_default_path (void)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "porta", "accounts.json", NULL);

  g_assert_cmpstr (porta_account_store_get_path (store), ==, expected);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == PORTA_TYPE_ACCOUNT);
}

static void
test_store_load_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  recorder_init (&recorder, store);

  g_assert_true (load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_null (porta_account_store_get_current (store));
  g_assert_cmpuint (recorder.changes->len, ==, 0);

  /* Loading creates nothing */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_array_unref (recorder.changes);
}

static void
test_store_add_replace_remove (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) alice = new_signed_in_account ("alice@contoso.com", "tid-contoso");
  g_autoptr(PortaAccount) bob = new_signed_in_account ("bob@fabrikam.com", "tid-fabrikam");
  g_autoptr(PortaAccount) alice_again = NULL;
  g_autoptr(PortaAccount) alice_same_id = NULL;
  g_autoptr(PortaAccount) item = NULL;
  PortaAccount *stored;
  Recorder recorder;

  recorder_init (&recorder, store);

  /* Add */
  g_assert_true (porta_account_store_add (store, alice) == alice);
  g_assert_true (porta_account_store_add (store, bob) == bob);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpuint (recorder.changes->len, ==, 2);
  assert_change (&recorder, 0, 0, 0, 1);
  assert_change (&recorder, 1, 1, 0, 1);
  g_assert_cmpuint (recorder.n_items_notifies, ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_true (item == bob);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 2));
  g_assert_true (porta_account_store_lookup (store, porta_account_get_id (alice)) == alice);
  g_assert_null (porta_account_store_lookup (store, "no-such-id"));

  /* Adding the same object again changes nothing */
  recorder_clear (&recorder);
  g_assert_true (porta_account_store_add (store, alice) == alice);
  g_assert_cmpuint (recorder.changes->len, ==, 0);

  /* Current */
  porta_account_store_set_current (store, alice);
  porta_account_store_set_current (store, alice);
  g_assert_true (porta_account_store_get_current (store) == alice);
  g_assert_cmpuint (recorder.current_notifies, ==, 1);

  /* The same person signing in again, as a new object with a new id and
   * a different case: replaces alice in place, keeps alice's id, and
   * stays current */
  recorder_clear (&recorder);
  alice_again = porta_account_new (PORTA_DEFAULT_AUTHORITY "/", NULL,
                                   "11111111-2222-3333-4444-555555555555", PORTA_SCOPES_READ);
  porta_account_set_identity (alice_again, "Alice R.", "Alice@Contoso.com", "tid-contoso");
  stored = porta_account_store_add (store, alice_again);
  g_assert_true (stored != alice_again);
  g_assert_true (stored != alice);
  g_assert_cmpstr (porta_account_get_id (stored), ==, porta_account_get_id (alice));
  g_assert_cmpstr (porta_account_get_display_name (stored), ==, "Alice R.");
  g_assert_cmpstr (porta_account_get_scopes (stored), ==, PORTA_SCOPES_READ);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 0, 1, 1);
  g_assert_cmpuint (recorder.n_items_notifies, ==, 0);
  g_assert_true (porta_account_store_get_current (store) == stored);
  g_assert_cmpuint (recorder.current_notifies, ==, 1);
  g_assert_null (porta_account_store_lookup (store, porta_account_get_id (alice_again)));

  /* Same id, another object: replaces it */
  recorder_clear (&recorder);
  alice_same_id = g_object_new (PORTA_TYPE_ACCOUNT,
                                "id", porta_account_get_id (alice),
                                "client-id", "another-client",
                                NULL);
  g_assert_true (porta_account_store_add (store, alice_same_id) == alice_same_id);
  g_assert_true (porta_account_store_lookup (store, porta_account_get_id (alice)) == alice_same_id);
  assert_change (&recorder, 0, 0, 1, 1);
  g_assert_true (porta_account_store_get_current (store) == alice_same_id);

  /* A different client id is a different account */
  {
    g_autoptr(PortaAccount) other_app = porta_account_new (NULL, NULL, "other-client", NULL);

    porta_account_set_identity (other_app, "Bob", "bob@fabrikam.com", "tid-fabrikam");
    recorder_clear (&recorder);
    g_assert_true (porta_account_store_add (store, other_app) == other_app);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
    assert_change (&recorder, 0, 2, 0, 1);
    g_assert_true (porta_account_store_remove (store, porta_account_get_id (other_app)));
  }

  /* Removing another account leaves the current one alone */
  recorder_clear (&recorder);
  g_assert_true (porta_account_store_remove (store, porta_account_get_id (bob)));
  g_assert_false (porta_account_store_remove (store, porta_account_get_id (bob)));
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 1, 1, 0);
  g_assert_cmpuint (recorder.current_notifies, ==, 0);
  g_assert_cmpuint (recorder.n_items_notifies, ==, 1);

  /* Removing the current account leaves none current */
  recorder_clear (&recorder);
  g_assert_true (porta_account_store_remove (store, porta_account_get_id (alice)));
  assert_change (&recorder, 0, 0, 1, 0);
  g_assert_null (porta_account_store_get_current (store));
  g_assert_cmpuint (recorder.current_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  g_array_unref (recorder.changes);
}

static void
test_store_set_current_foreign (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) stranger = porta_account_new (NULL, NULL, "client", NULL);

  /* Only an account of the store can be current */
  g_test_expect_message ("porta-account-store", G_LOG_LEVEL_CRITICAL, "*g_ptr_array_find*");
  porta_account_store_set_current (store, stranger);
  g_test_assert_expected_messages ();
  g_assert_null (porta_account_store_get_current (store));
}

static void
test_store_sandbox (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) first = porta_account_new ("http://127.0.0.1:41001/sandbox-tenant", "http://127.0.0.1:41001/v1.0",
                                                     "porta-sandbox", NULL);
  g_autoptr(PortaAccount) second = porta_account_new ("http://127.0.0.1:52002/sandbox-tenant", "http://127.0.0.1:52002/v1.0",
                                                      "porta-sandbox", NULL);
  g_autoptr(PortaAccount) real = porta_account_new ("http://127.0.0.1:41001/sandbox-tenant", "http://127.0.0.1:41001/v1.0",
                                                    "porta-sandbox", NULL);
  g_autoptr(PortaAccountStore) reloaded = porta_account_store_new (fixture->path);
  g_autoptr(GError) error = NULL;
  PortaAccount *stored;

  porta_account_set_identity (first, "Demo Admin", "admin@sandbox.example", "sandbox");
  porta_account_set_sandbox (first, TRUE);
  porta_account_set_identity (second, "Demo Admin", "admin@sandbox.example", "sandbox");
  porta_account_set_sandbox (second, TRUE);
  /* Same authority and identity, but not a sandbox account */
  porta_account_set_identity (real, "Demo Admin", "admin@sandbox.example", "sandbox");

  porta_account_store_add (store, first);

  /* The sandbox came back on another port: still the same account */
  stored = porta_account_store_add (store, second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (porta_account_get_id (stored), ==, porta_account_get_id (first));
  g_assert_cmpstr (porta_account_get_authority (stored), ==, "http://127.0.0.1:52002/sandbox-tenant");
  g_assert_true (porta_account_get_sandbox (stored));

  g_assert_true (porta_account_store_add (store, real) == real);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* Stored like any other */
  g_assert_true (save (store, &error));
  g_assert_no_error (error);
  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  assert_same_account (stored, porta_account_store_lookup (reloaded, porta_account_get_id (stored)));
  g_assert_true (porta_account_get_sandbox (porta_account_store_lookup (reloaded, porta_account_get_id (stored))));
}

/* Fails on any member whose name suggests a secret, at any depth. */
static void
assert_no_secret_member (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *lower = g_ascii_strdown (l->data, -1);

          g_assert_null (strstr (lower, "token"));
          g_assert_null (strstr (lower, "secret"));
          g_assert_null (strstr (lower, "password"));
          g_assert_null (strstr (lower, "credential"));
          assert_no_secret_member (json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_no_secret_member (json_array_get_element (array, i));
    }
}

static void
test_store_save_reload (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccountStore) reloaded = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) alice = new_signed_in_account ("alice@contoso.com", "tid-contoso");
  g_autoptr(PortaAccount) bob = new_signed_in_account ("bob@fabrikam.com", "tid-fabrikam");
  g_autoptr(PortaAccount) carol = porta_account_new (NULL, NULL, "client", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  JsonObject *object;
  GStatBuf st;
  Recorder recorder;

  porta_account_set_sandbox (bob, TRUE);
  porta_account_store_add (store, alice);
  porta_account_store_add (store, bob);
  porta_account_store_add (store, carol);     /* no identity yet */
  porta_account_store_set_current (store, bob);

  g_assert_true (save (store, &error));
  g_assert_no_error (error);

  /* Private to the user */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The documented shape, and nothing that looks like a secret */
  contents = read_file (fixture->path);
  root = parse_json (contents);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "currentAccount"), ==, porta_account_get_id (bob));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accounts")), ==, 3);
  assert_no_secret_member (root);

  /* Reloading gives the same accounts, in order, and the current one */
  recorder_init (&recorder, reloaded);
  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 0, 0, 3);
  g_assert_cmpuint (recorder.current_notifies, ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PortaAccount) a = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(PortaAccount) b = g_list_model_get_item (G_LIST_MODEL (reloaded), i);

      assert_same_account (a, b);
    }
  g_assert_nonnull (porta_account_store_get_current (reloaded));
  g_assert_cmpstr (porta_account_get_id (porta_account_store_get_current (reloaded)), ==, porta_account_get_id (bob));

  /* Saving the reloaded store writes the same file */
  g_assert_true (save (reloaded, &error));
  g_assert_no_error (error);
  {
    g_autofree char *again = read_file (fixture->path);
    g_assert_cmpstr (again, ==, contents);
  }

  /* Loading again replaces everything at once */
  recorder_clear (&recorder);
  porta_account_store_remove (store, porta_account_get_id (alice));
  porta_account_store_set_current (store, NULL);
  g_assert_true (save (store, &error));
  g_assert_no_error (error);
  recorder_clear (&recorder);
  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  assert_change (&recorder, 0, 0, 3, 2);
  g_assert_null (porta_account_store_get_current (reloaded));
  g_assert_cmpuint (recorder.current_notifies, ==, 1);

  g_array_unref (recorder.changes);
}

static void
test_store_save_many (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccountStore) reloaded = porta_account_store_new (fixture->path);
  PortaTestWaiter slots[20] = { { NULL }, };
  g_autoptr(GError) error = NULL;

  /* Saves started one after the other finish in any order; the file ends
   * with the last state, never an older one */
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autofree char *name = g_strdup_printf ("user%u@contoso.com", i);
      g_autoptr(PortaAccount) account = new_signed_in_account (name, "tid");

      porta_account_store_add (store, account);
      porta_account_store_save_async (store, NULL, porta_test_waiter_cb, &slots[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_assert_true (porta_account_store_save_finish (store, porta_test_waiter_wait (&slots[i], 30000),
                                                      &error));
      g_assert_no_error (error);
      porta_test_waiter_clear (&slots[i]);
    }

  g_assert_true (load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, G_N_ELEMENTS (slots));
}

static void
test_store_tolerant_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  JsonObject *object;

  /* A newer version's file: unknown members at both levels, a current
   * account that is not there, the same id twice */
  write_file (fixture->path,
              "{\"version\": 2, \"currentAccount\": \"gone\", \"futureTopLevel\": [1],"
              " \"accounts\": ["
              "  {\"id\": \"a\", \"authority\": \"https://login.example.com/t\","
              "   \"apiBase\": \"https://graph.example.com/v1.0\", \"clientId\": \"c\", \"colour\": \"blue\"},"
              "  {\"id\": \"a\", \"authority\": \"https://login.example.com/other\","
              "   \"apiBase\": \"https://graph.example.com/v1.0\", \"clientId\": \"c\"}"
              "]}");

  g_assert_true (load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (porta_account_get_authority (porta_account_store_lookup (store, "a")), ==,
                   "https://login.example.com/t");
  g_assert_null (porta_account_store_get_current (store));

  g_assert_true (save (store, &error));
  g_assert_no_error (error);
  contents = read_file (fixture->path);
  root = parse_json (contents);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (json_object_has_member (object, "futureTopLevel"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "accounts"), 0), "colour"), ==, "blue");
}

static void
test_store_corrupt (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *corrupt[] = {
    "{\"version\": 1, \"accounts\": [ {\"id\": \"a\", ",                 /* cut short */
    "[1, 2, 3]",                                                        /* not an object */
    "{\"version\": 1, \"accounts\": [{\"id\": \"a\", \"authority\": \"https://l.example/t\"}]}", /* no clientId */
    "{\"version\": \"one\", \"accounts\": []}",
    "{\"accounts\": {\"a\": 1}}",
    "\xff\xfe garbage",
  };
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) alice = new_signed_in_account ("alice@contoso.com", "tid");
  g_autoptr(GError) error = NULL;

  porta_account_store_add (store, alice);
  porta_account_store_set_current (store, alice);

  for (guint i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_autofree char *aside = i == 0 ? g_strconcat (fixture->path, ".corrupt", NULL)
                                      : g_strdup_printf ("%s.corrupt-%u", fixture->path, i + 1);
      g_autofree char *kept = NULL;
      Recorder recorder;

      g_test_message ("corrupt file %u", i);
      write_file (fixture->path, corrupt[i]);
      recorder_init (&recorder, store);

      g_assert_false (load (store, &error));
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
      /* The message names where the old file went */
      g_assert_nonnull (strstr (error->message, "accounts.json.corrupt"));
      g_clear_error (&error);

      /* Set aside, byte for byte, without overwriting an earlier one */
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
      kept = read_file (aside);
      g_assert_cmpstr (kept, ==, corrupt[i]);

      /* The store starts again from nothing */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
      g_assert_null (porta_account_store_get_current (store));
      if (i == 0)
        {
          assert_change (&recorder, 0, 0, 1, 0);
          g_assert_cmpuint (recorder.current_notifies, ==, 1);
        }

      /* and saving it now does not touch what was set aside */
      g_assert_true (save (store, &error));
      g_assert_no_error (error);
      g_free (kept);
      kept = read_file (aside);
      g_assert_cmpstr (kept, ==, corrupt[i]);

      g_signal_handlers_disconnect_by_data (store, &recorder);
      g_array_unref (recorder.changes);
    }

  /* Every earlier one is still there */
  {
    g_autofree char *first = g_strconcat (fixture->path, ".corrupt", NULL);
    g_autofree char *kept = read_file (first);
    g_assert_cmpstr (kept, ==, corrupt[0]);
  }
}

static void
test_store_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(PortaAccount) alice = new_signed_in_account ("alice@contoso.com", "tid");
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (fixture->path, "precious", NULL);

  /* A file that cannot be read at all (a directory stands in for one
   * with bad permissions, which root could still read) */
  write_file (inside, "do not lose me");
  porta_account_store_add (store, alice);

  g_assert_false (load (store, &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
  g_clear_error (&error);

  /* Left in place, the store unchanged, and saving refused rather than
   * replacing what may be the only copy */
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_false (save (store, &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* Once it can be read, all is well again */
  porta_test_rm_rf (fixture->path);
  g_assert_true (load (store, &error));
  g_assert_no_error (error);
  g_assert_true (save (store, &error));
  g_assert_no_error (error);
}

static void
test_store_save_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "porta", NULL);
  g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
  g_autoptr(GError) error = NULL;

  /* The config directory is a file: nothing can be written under it */
  write_file (blocker, "not a directory");
  g_assert_false (save (store, &error));
  g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "accounts.json"));
}

static void
test_store_corrupt_italian (Fixture       *fixture,
                            gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PortaAccountStore) store = porta_account_store_new (fixture->path);
      g_autoptr(GError) error = NULL;

      g_setenv ("LANGUAGE", "it", TRUE);
      setlocale (LC_ALL, "");

      write_file (fixture->path, "{ not json");
      g_assert_false (load (store, &error));
      g_assert_error (error, PORTA_ERROR, PORTA_ERROR_FAILED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "elenco degli account"));
      g_assert_nonnull (strstr (error->message, "“"));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  porta_i18n_init ();

  g_test_add_func ("/account/defaults", test_account_defaults);
  g_test_add_func ("/account/identity-notify", test_account_identity_notify);
  g_test_add_func ("/account/json/round-trip", test_account_json_round_trip);
  g_test_add_func ("/account/json/tolerant", test_account_json_tolerant);
  g_test_add_func ("/account/json/strict", test_account_json_strict);
  g_test_add_func ("/account/organization-label", test_account_organization_label);

  g_test_add_func ("/account-store/default-path", test_store_default_path);
#define ADD(path, func) \
  g_test_add ("/account-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load-missing", test_store_load_missing);
  ADD ("add-replace-remove", test_store_add_replace_remove);
  ADD ("set-current-foreign", test_store_set_current_foreign);
  ADD ("sandbox", test_store_sandbox);
  ADD ("save-reload", test_store_save_reload);
  ADD ("save-many", test_store_save_many);
  ADD ("tolerant-file", test_store_tolerant_file);
  ADD ("corrupt", test_store_corrupt);
  ADD ("corrupt-italian", test_store_corrupt_italian);
  ADD ("unreadable", test_store_unreadable);
  ADD ("save-fails", test_store_save_fails);
#undef ADD

  return g_test_run ();
}
