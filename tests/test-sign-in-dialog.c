/* test-sign-in-dialog.c — the sign-in dialog, against porta-sandbox
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "porta-account.h"
#include "porta-auth.h"
#include "porta-sign-in-dialog.h"
#include "porta-test-gtk-utils.h"

/* ---- a scripted browser (as in test-client.c) ---------------------------- */

typedef enum
{
  BROWSER_FOLLOW,          /* GET the page; the sandbox auto-approves */
  BROWSER_NEVER,           /* open nothing: the person walked away */
} BrowserScript;

typedef struct
{
  BrowserScript  script;
  SoupSession   *session;
  GPtrArray     *opened;
} Browser;

static gboolean
open_uri_cb (const char  *uri,
             gpointer     user_data,
             GError     **error)
{
  Browser *browser = user_data;

  g_ptr_array_add (browser->opened, g_strdup (uri));
  if (browser->script == BROWSER_FOLLOW)
    porta_test_open_page (browser->session, uri);
  return TRUE;
}

static Browser *
browser_new (BrowserScript script)
{
  Browser *browser = g_new0 (Browser, 1);

  browser->script = script;
  browser->session = soup_session_new ();
  browser->opened = g_ptr_array_new_with_free_func (g_free);
  return browser;
}

static void
browser_free (Browser *browser)
{
  g_clear_object (&browser->session);
  g_ptr_array_unref (browser->opened);
  g_free (browser);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Browser, browser_free)

/* The person on the other device approves or declines the code. */
static void
device_answer_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
}

static void
answer_device_code (PortaTestSandbox *sandbox,
                    SoupSession      *session,
                    const char       *user_code,
                    const char       *action)
{
  g_autofree char *url = g_strconcat (sandbox->base_url, "/sandbox/devicelogin", NULL);
  g_autofree char *form = g_strdup_printf ("user_code=%s&action=%s", user_code, action);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, url);
  gsize length = strlen (form);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&form), length);

  soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", bytes);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    device_answer_cb, NULL);
}

/* ---- the dialog ---------------------------------------------------------- */

typedef struct
{
  guint         signed_in;
  PortaAccount *account;
  PortaTokens  *tokens;
} SignedIn;

static void
signed_in_cb (PortaSignInDialog *dialog,
              PortaAccount      *account,
              PortaTokens       *tokens,
              SignedIn          *result)
{
  result->signed_in++;
  g_set_object (&result->account, account);
  g_clear_pointer (&result->tokens, porta_tokens_free);
  result->tokens = porta_tokens_copy (tokens);
}

static void
signed_in_clear (SignedIn *result)
{
  g_clear_object (&result->account);
  g_clear_pointer (&result->tokens, porta_tokens_free);
}

static gpointer
child (PortaSignInDialog *dialog,
       const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), PORTA_TYPE_SIGN_IN_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
page (PortaSignInDialog *dialog)
{
  return gtk_stack_get_visible_child_name (child (dialog, "stack"));
}

static const char *
text (PortaSignInDialog *dialog,
      const char        *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (dialog, row)));
}

static void
set_text (PortaSignInDialog *dialog,
          const char        *row,
          const char        *value)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, row)), value);
}

static void
reset_settings (void)
{
  /* GSETTINGS_BACKEND=memory (tests/meson.build): nothing leaves the test */
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "sign-in-organization");
  g_settings_reset (settings, "sign-in-client-id");
  g_settings_reset (settings, "sign-in-authority");
  g_settings_reset (settings, "sign-in-api-base");
}

static PortaSignInDialog *
new_dialog (void)
{
  PortaSignInDialog *dialog = porta_sign_in_dialog_new (NULL);

  g_object_ref_sink (dialog);
  porta_test_show_window (dialog);
  return dialog;
}

/* A dialog pointed at @sandbox through the Advanced fields */
static PortaSignInDialog *
new_sandbox_dialog (PortaTestSandbox *sandbox,
                    Browser          *browser,
                    SignedIn         *result)
{
  PortaSignInDialog *dialog = new_dialog ();

  set_text (dialog, "client_id_row", PORTA_TEST_CLIENT_ID);
  set_text (dialog, "authority_row", sandbox->authority);
  set_text (dialog, "api_base_row", sandbox->api_base);
  if (browser != NULL)
    porta_sign_in_dialog_set_open_uri_func (dialog, open_uri_cb, browser);
  g_signal_connect (dialog, "signed-in", G_CALLBACK (signed_in_cb), result);
  return dialog;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the test's reference and checks that nothing else keeps the
 * dialog, once any sign-in under way has wound down. */
static void
destroy_dialog (PortaSignInDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (porta_test_wait_until (is_null, &weak, 5000));
}

typedef struct
{
  PortaSignInDialog *dialog;
  const char        *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (page (wait->dialog), wait->page) == 0;
}

static void
wait_for_page (PortaSignInDialog *dialog,
               const char        *name)
{
  PageWait wait = { dialog, name };

  g_assert_true (porta_test_wait_until (on_page, &wait, 30000));
}

static gboolean
has_signed_in (gpointer data)
{
  return ((SignedIn *) data)->signed_in > 0;
}

/* In Italian, a message must not come out in English. */
static void
assert_translated (const char *msgid)
{
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "it") == 0)
    g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, msgid), !=, msgid);
}

/* @text is @msgid in the user's language */
static void
assert_message (const char *text,
                const char *msgid)
{
  g_assert_cmpstr (text, ==, g_dgettext (GETTEXT_PACKAGE, msgid));
  assert_translated (msgid);
}

static char *
markup_to_text (const char *markup)
{
  char *plain = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL));
  return plain;
}

static void
assert_signed_in (SignedIn         *result,
                  PortaTestSandbox *sandbox)
{
  g_autoptr(PortaIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (result->signed_in, ==, 1);
  g_assert_nonnull (result->tokens);
  g_assert_nonnull (result->tokens->access_token);
  g_assert_nonnull (result->tokens->refresh_token);

  identity = porta_identity_new_from_id_token (result->tokens->id_token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity->name);
  g_assert_cmpstr (porta_account_get_display_name (result->account), ==, identity->name);
  g_assert_cmpstr (porta_account_get_username (result->account), ==, identity->username);
  g_assert_true (g_str_has_suffix (porta_account_get_username (result->account), ".example"));
  g_assert_cmpstr (porta_account_get_tenant_id (result->account), ==, identity->tenant_id);
  g_assert_cmpstr (porta_account_get_authority (result->account), ==, sandbox->authority);
  g_assert_cmpstr (porta_account_get_api_base (result->account), ==, sandbox->api_base);
  g_assert_cmpstr (porta_account_get_client_id (result->account), ==, PORTA_TEST_CLIENT_ID);
  g_assert_cmpstr (porta_account_get_scopes (result->account), ==, PORTA_SCOPES_READ_WRITE);
}

/* ---- tests --------------------------------------------------------------- */

static void
test_defaults (void)
{
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_dialog ();

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (page (dialog), ==, "form");
  g_assert_cmpstr (text (dialog, "organization_row"), ==, "organizations");
  g_assert_cmpstr (text (dialog, "authority_row"), ==, PORTA_DEFAULT_AUTHORITY);
  g_assert_cmpstr (text (dialog, "api_base_row"), ==, PORTA_DEFAULT_API_BASE);
  g_assert_cmpstr (text (dialog, "client_id_row"), ==, "");

  /* without a client ID nothing can start, and Advanced is open on it */
  g_assert_true (adw_expander_row_get_expanded (child (dialog, "advanced_row")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "browser_button")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "device_button")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "client_id_error_label")));

  /* the authority follows the organization … */
  set_text (dialog, "organization_row", "contoso.com");
  g_assert_cmpstr (text (dialog, "authority_row"), ==, "https://login.microsoftonline.com/contoso.com");

  /* … until the user types one, which wins */
  set_text (dialog, "authority_row", "https://login.example.com/tenant");
  set_text (dialog, "organization_row", "fabrikam.com");
  g_assert_cmpstr (text (dialog, "authority_row"), ==, "https://login.example.com/tenant");

  /* clearing it gives it back to the organization */
  set_text (dialog, "authority_row", "");
  set_text (dialog, "organization_row", "contoso.onmicrosoft.com");
  g_assert_cmpstr (text (dialog, "authority_row"), ==, "https://login.microsoftonline.com/contoso.onmicrosoft.com");

  set_text (dialog, "client_id_row", PORTA_TEST_CLIENT_ID);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "browser_button")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "device_button")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == child (dialog, "browser_button"));

  destroy_dialog (dialog);
}

static void
test_invalid_input (void)
{
  PortaSignInDialog *dialog;
  GtkLabel *client_id_error, *organization_error;

  reset_settings ();
  dialog = new_dialog ();
  client_id_error = child (dialog, "client_id_error_label");
  organization_error = child (dialog, "organization_error_label");

  set_text (dialog, "client_id_row", "porta-app");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (client_id_error)));
  assert_message (gtk_label_get_text (client_id_error),
                  "A client ID looks like 1b730954-1685-4b74-9bfd-dac224a7b894: copy the "
                  "“Application (client) ID” of the app registration.");
  g_assert_true (gtk_widget_has_css_class (child (dialog, "client_id_row"), "error"));
  gtk_test_accessible_assert_state (child (dialog, "client_id_row"),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (child (dialog, "client_id_row"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_label_get_text (client_id_error));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "browser_button")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "device_button")));

  /* neither the action nor Enter in a field starts anything */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);
  g_signal_emit_by_name (child (dialog, "client_id_row"), "entry-activated");
  g_assert_cmpstr (page (dialog), ==, "form");

  /* one digit short of a GUID */
  set_text (dialog, "client_id_row", "6731de76-14a6-49ae-97bc-6eba6914391");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (client_id_error)));

  /* pasted with spaces around it, a GUID is fine */
  set_text (dialog, "client_id_row", "  " PORTA_TEST_CLIENT_ID " ");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (client_id_error)));
  g_assert_false (gtk_widget_has_css_class (child (dialog, "client_id_row"), "error"));
  g_assert_false (gtk_test_accessible_has_state (child (dialog, "client_id_row"), GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "browser_button")));

  /* an organization that would change the shape of the address */
  set_text (dialog, "organization_row", "contoso.com/evil?x");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (organization_error)));
  g_assert_false (gtk_widget_get_visible (child (dialog, "organization_hint_label")));
  assert_message (gtk_label_get_text (organization_error),
                  "Only letters, digits, dots and hyphens can be used: "
                  "a domain such as contoso.com or a tenant ID.");
  gtk_test_accessible_assert_state (child (dialog, "organization_row"),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "browser_button")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "device_button")));

  set_text (dialog, "organization_row", "contoso.com");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (organization_error)));
  g_assert_true (gtk_widget_get_visible (child (dialog, "organization_hint_label")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "device_button")));

  destroy_dialog (dialog);
}

static void
test_sign_in_browser (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(Browser) browser = browser_new (BROWSER_FOLLOW);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SignedIn result = { 0, };
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, browser, &result);

  /* Enter in a field is "Sign In with Browser" */
  g_signal_emit_by_name (child (dialog, "organization_row"), "entry-activated");
  g_assert_cmpstr (page (dialog), ==, "browser");
  g_assert_true (gtk_spinner_get_spinning (child (dialog, "browser_spinner")));

  g_assert_true (porta_test_wait_until (has_signed_in, &result, 20000));
  assert_signed_in (&result, sandbox);
  g_assert_cmpuint (browser->opened->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (browser->opened, 0), sandbox->authority));

  /* it closed itself */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  destroy_dialog (dialog);

  /* what was typed comes back next time; no token went to the settings */
  {
    g_autofree char *client_id = g_settings_get_string (settings, "sign-in-client-id");
    g_autofree char *authority = g_settings_get_string (settings, "sign-in-authority");
    g_autofree char *api_base = g_settings_get_string (settings, "sign-in-api-base");

    g_assert_cmpstr (client_id, ==, PORTA_TEST_CLIENT_ID);
    g_assert_cmpstr (authority, ==, sandbox->authority);
    g_assert_cmpstr (api_base, ==, sandbox->api_base);
  }
  dialog = new_dialog ();
  g_assert_cmpstr (text (dialog, "client_id_row"), ==, PORTA_TEST_CLIENT_ID);
  g_assert_cmpstr (text (dialog, "authority_row"), ==, sandbox->authority);
  g_assert_cmpstr (text (dialog, "api_base_row"), ==, sandbox->api_base);
  g_assert_cmpstr (text (dialog, "organization_row"), ==, "organizations");
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "browser_button")));
  destroy_dialog (dialog);

  signed_in_clear (&result);
}

typedef struct
{
  PortaSignInDialog *dialog;
  char              *user_code;
  char              *countdown;
  PortaTestSandbox  *sandbox;
  SoupSession       *session;
  const char        *action;
} CodeWatch;

/* Records the code and the countdown when the code page shows them, and
 * plays the person on the other device if asked to. */
static void
code_shown_cb (GtkLabel   *label,
               GParamSpec *pspec,
               CodeWatch  *watch)
{
  const char *code = gtk_label_get_text (label);

  if (code[0] == '\0' || watch->user_code != NULL)
    return;
  watch->user_code = g_strdup (code);
  if (watch->action != NULL)
    answer_device_code (watch->sandbox, watch->session, code, watch->action);
}

static void
countdown_cb (GtkLabel   *label,
              GParamSpec *pspec,
              CodeWatch  *watch)
{
  if (watch->user_code != NULL && watch->countdown == NULL)
    watch->countdown = g_strdup (gtk_label_get_text (label));
}

static void
watch_code (CodeWatch         *watch,
            PortaSignInDialog *dialog)
{
  watch->dialog = dialog;
  g_signal_connect (child (dialog, "code_label"), "notify::label", G_CALLBACK (code_shown_cb), watch);
  g_signal_connect (child (dialog, "countdown_label"), "notify::label", G_CALLBACK (countdown_cb), watch);
}

static void
code_watch_clear (CodeWatch *watch)
{
  g_clear_pointer (&watch->user_code, g_free);
  g_clear_pointer (&watch->countdown, g_free);
}

static gboolean
has_code (gpointer data)
{
  return ((CodeWatch *) data)->user_code != NULL;
}

static void
assert_countdown (const char *text,
                  guint       lifetime)
{
  g_autofree char *full = g_strdup_printf (_("Code expires in %u:%02u"), lifetime / 60, lifetime % 60);
  g_autofree char *less = g_strdup_printf (_("Code expires in %u:%02u"), (lifetime - 1) / 60, (lifetime - 1) % 60);

  assert_translated ("Code expires in %u:%02u");
  if (g_strcmp0 (text, full) != 0)
    g_assert_cmpstr (text, ==, less);
}

static void
test_sign_in_device (void)
{
  const char *args[] = { "--auto-approve", "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  SignedIn result = { 0, };
  CodeWatch watch = { 0, };
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, NULL, &result);
  watch_code (&watch, dialog);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.device", NULL);
  g_assert_cmpstr (page (dialog), ==, "device");

  g_assert_true (porta_test_wait_until (has_signed_in, &result, 30000));
  assert_signed_in (&result, sandbox);

  /* the code page showed the code and the time left before that */
  g_assert_nonnull (watch.user_code);
  g_assert_cmpuint (strlen (watch.user_code), ==, 9);
  g_assert_nonnull (watch.countdown);
  assert_countdown (watch.countdown, 900);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  destroy_dialog (dialog);
  code_watch_clear (&watch);
  signed_in_clear (&result);
}

static gboolean
has_opened (gpointer data)
{
  return ((Browser *) data)->opened->len > 0;
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_sign_in_device_by_hand (void)
{
  const char *args[] = { "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Browser) browser = browser_new (BROWSER_NEVER);
  g_autofree char *first = NULL;
  g_autofree char *clipboard = NULL;
  g_autofree char *uri_text = NULL;
  SignedIn result = { 0, };
  CodeWatch watch = { 0, };
  PortaSignInDialog *dialog;
  GtkLabel *countdown;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, browser, &result);
  countdown = child (dialog, "countdown_label");
  watch_code (&watch, dialog);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.device", NULL);
  g_assert_true (porta_test_wait_until (has_code, &watch, 10000));
  g_assert_true (gtk_widget_get_visible (child (dialog, "code_box")));
  g_assert_true (gtk_label_get_selectable (child (dialog, "code_label")));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "code_label"), "title-1"));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "code_label"), "monospace"));

  /* the link is there as text, and clickable */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (dialog, "uri_label")), "<a href="));
  uri_text = g_strdup (gtk_label_get_text (child (dialog, "uri_label")));
  g_assert_true (g_str_has_prefix (uri_text, sandbox->base_url));
  g_assert_true (g_str_has_suffix (uri_text, "/devicelogin"));

  /* the time left counts down, each second */
  first = g_strdup (gtk_label_get_text (countdown));
  assert_countdown (first, 900);
  porta_test_spin (2100);
  g_assert_cmpstr (gtk_label_get_text (countdown), !=, first);
  g_assert_cmpstr (page (dialog), ==, "device");

  /* Copy puts the code on the clipboard */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.copy-code", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 read_text_cb, &clipboard);
  g_assert_true (porta_test_wait_until (is_set, &clipboard, 5000));
  g_assert_cmpstr (clipboard, ==, watch.user_code);
  assert_message (gtk_button_get_label (child (dialog, "copy_button")), "Copied");

  /* Open Link opens the verification page, with the code in it */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.open-link", NULL);
  g_assert_true (porta_test_wait_until (has_opened, browser, 1000));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (browser->opened, 0), uri_text));

  /* the person signs in on the other device */
  answer_device_code (sandbox, session, watch.user_code, "approve");
  g_assert_true (porta_test_wait_until (has_signed_in, &result, 10000));
  assert_signed_in (&result, sandbox);

  destroy_dialog (dialog);
  code_watch_clear (&watch);
  signed_in_clear (&result);
}

static void
test_sign_in_device_declined (void)
{
  const char *args[] = { "--device-interval", "1", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *shown = NULL;
  const char *message = _("Sign-in was declined on the other device.");
  SignedIn result = { 0, };
  CodeWatch watch = { 0, };
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, NULL, &result);
  set_text (dialog, "organization_row", "contoso.com");
  set_text (dialog, "authority_row", sandbox->authority);
  watch.sandbox = sandbox;
  watch.session = session;
  watch.action = "decline";
  watch_code (&watch, dialog);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.device", NULL);
  wait_for_page (dialog, "error");
  g_assert_nonnull (watch.user_code);

  /* the library's message, in the user's language, reaches the page
   * and the screen reader */
  assert_translated ("Sign-in was declined on the other device.");
  shown = markup_to_text (adw_status_page_get_description (child (dialog, "error_page")));
  g_assert_cmpstr (shown, ==, message);
  gtk_test_accessible_assert_property (child (dialog, "retry_button"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
  g_assert_true (gtk_widget_has_focus (child (dialog, "retry_button")));
  g_assert_cmpuint (result.signed_in, ==, 0);

  /* Try Again: back to the form, with everything as it was */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.retry", NULL);
  g_assert_cmpstr (page (dialog), ==, "form");
  g_assert_cmpstr (text (dialog, "organization_row"), ==, "contoso.com");
  g_assert_cmpstr (text (dialog, "client_id_row"), ==, PORTA_TEST_CLIENT_ID);
  g_assert_cmpstr (text (dialog, "authority_row"), ==, sandbox->authority);
  g_assert_cmpstr (text (dialog, "api_base_row"), ==, sandbox->api_base);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "device_button")));

  destroy_dialog (dialog);
  code_watch_clear (&watch);
  signed_in_clear (&result);
}

static void
test_cancel_browser (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(Browser) browser = browser_new (BROWSER_NEVER);
  SignedIn result = { 0, };
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, browser, &result);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);
  g_assert_cmpstr (page (dialog), ==, "browser");
  g_assert_true (porta_test_wait_until (has_opened, browser, 10000));

  /* a second activation while waiting does nothing */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.cancel", NULL);
  g_assert_cmpstr (page (dialog), ==, "form");
  g_assert_cmpstr (text (dialog, "client_id_row"), ==, PORTA_TEST_CLIENT_ID);
  g_assert_false (gtk_spinner_get_spinning (child (dialog, "browser_spinner")));

  /* the browser answering late signs nothing in */
  porta_test_open_page (browser->session, g_ptr_array_index (browser->opened, 0));
  porta_test_spin (1000);
  g_assert_cmpuint (result.signed_in, ==, 0);
  g_assert_cmpuint (browser->opened->len, ==, 1);
  g_assert_cmpstr (page (dialog), ==, "form");

  /* it can start again */
  browser->script = BROWSER_FOLLOW;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);
  g_assert_true (porta_test_wait_until (has_signed_in, &result, 20000));
  assert_signed_in (&result, sandbox);

  destroy_dialog (dialog);
  signed_in_clear (&result);
}

static void
test_escape_cancels (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(Browser) browser = browser_new (BROWSER_NEVER);
  SignedIn result = { 0, };
  PortaSignInDialog *dialog;
  gpointer weak;

  reset_settings ();
  dialog = new_sandbox_dialog (sandbox, browser, &result);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);
  g_assert_true (porta_test_wait_until (has_opened, browser, 10000));

  /* Escape closes the dialog, and closing cancels the sign-in: nothing
   * keeps the dialog alive after that */
  g_assert_true (porta_test_activate_shortcut (dialog, GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_object_unref (dialog);
  g_assert_true (porta_test_wait_until (is_null, &weak, 5000));
  g_assert_cmpuint (result.signed_in, ==, 0);
}

static void
test_insecure_authority (void)
{
  g_autoptr(Browser) browser = browser_new (BROWSER_NEVER);
  g_autofree char *shown = NULL;
  g_auto(GStrv) parts = NULL;
  const char *message = _("Porta only connects to secure (https://) addresses, and “%s” is not one.");
  SignedIn result = { 0, };
  PortaSignInDialog *dialog;

  reset_settings ();
  dialog = new_dialog ();
  porta_sign_in_dialog_set_open_uri_func (dialog, open_uri_cb, browser);
  g_signal_connect (dialog, "signed-in", G_CALLBACK (signed_in_cb), &result);
  set_text (dialog, "client_id_row", PORTA_TEST_CLIENT_ID);
  /* nothing is sent: the address is refused before any request */
  set_text (dialog, "authority_row", "http://login.example.com/contoso.com");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.browser", NULL);
  g_assert_cmpstr (page (dialog), ==, "error");
  g_assert_cmpuint (browser->opened->len, ==, 0);

  assert_translated ("Porta only connects to secure (https://) addresses, and “%s” is not one.");
  shown = markup_to_text (adw_status_page_get_description (child (dialog, "error_page")));
  parts = g_strsplit (message, "%s", 2);
  g_assert_true (g_str_has_prefix (shown, parts[0]));
  g_assert_true (g_str_has_suffix (shown, parts[1]));
  g_assert_nonnull (strstr (shown, "http://login.example.com/contoso.com"));

  /* the same for the API address */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.retry", NULL);
  g_assert_cmpstr (text (dialog, "authority_row"), ==, "http://login.example.com/contoso.com");
  set_text (dialog, "authority_row", "");
  set_text (dialog, "api_base_row", "http://graph.example.com/v1.0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign-in.device", NULL);
  g_assert_cmpstr (page (dialog), ==, "error");
  g_clear_pointer (&shown, g_free);
  shown = markup_to_text (adw_status_page_get_description (child (dialog, "error_page")));
  g_assert_nonnull (strstr (shown, "http://graph.example.com/v1.0"));
  g_assert_cmpuint (result.signed_in, ==, 0);

  destroy_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add_func ("/sign-in-dialog/defaults", test_defaults);
  g_test_add_func ("/sign-in-dialog/invalid-input", test_invalid_input);
  g_test_add_func ("/sign-in-dialog/browser", test_sign_in_browser);
  g_test_add_func ("/sign-in-dialog/device", test_sign_in_device);
  g_test_add_func ("/sign-in-dialog/device-by-hand", test_sign_in_device_by_hand);
  g_test_add_func ("/sign-in-dialog/device-declined", test_sign_in_device_declined);
  g_test_add_func ("/sign-in-dialog/cancel-browser", test_cancel_browser);
  g_test_add_func ("/sign-in-dialog/escape-cancels", test_escape_cancels);
  g_test_add_func ("/sign-in-dialog/insecure-authority", test_insecure_authority);

  return g_test_run ();
}
