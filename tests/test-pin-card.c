/* test-pin-card.c — the PIN card: status, reveal, copy, history
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "porta-capability.h"
#include "porta-client.h"
#include "porta-error.h"
#include "porta-guide.h"
#include "porta-pin-state.h"
#include "porta-pin-card.h"
#include "porta-test-gtk-utils.h"

static gboolean
is_shown_label (GtkWidget *widget,
                gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_visible (widget);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return porta_test_find_widget (root, is_shown_label, (gpointer) text);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  gboolean    shown;
} LabelWait;

static gboolean
label_state (gpointer data)
{
  LabelWait *w = data;
  return (find_label (w->root, w->text) != NULL) == w->shown;
}

static gboolean
wait_label (GtkWidget  *root,
            const char *text,
            gboolean    shown,
            guint       timeout_ms)
{
  LabelWait w = { root, text, shown };
  return porta_test_wait_until (label_state, &w, timeout_ms);
}

typedef struct
{
  GdkClipboard *clipboard;
  char         *text;
  gboolean      done;
} ClipboardRead;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static char *
clipboard_text (GtkWidget *widget)
{
  ClipboardRead read = { gtk_widget_get_clipboard (widget), NULL, FALSE };

  gdk_clipboard_read_text_async (read.clipboard, NULL, read_cb, &read);
  g_assert_true (porta_test_wait_until (read_done, &read, 5000));
  return read.text;
}

static void
test_reveal_and_copy (void)
{
  const char *args[] = { "--auto-approve", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaClient) client = porta_test_signed_in_client (sandbox, &error);
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;
  GtkWidget *window = gtk_window_new ();
  PortaPinCard *card;
  PortaTestWaiter waiter = { NULL };

  g_assert_no_error (error);

  card = g_object_new (PORTA_TYPE_PIN_CARD, "reveal-seconds", 2, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (card));
  gtk_window_present (GTK_WINDOW (window));

  /* not set: says so, and offers no reveal */
  porta_pin_card_set_client (card, client);
  g_assert_true (wait_label (window, "Not set", TRUE, 10000));

  /* set from elsewhere, then read again */
  porta_client_set_pin_async (client, "7305918264", NULL, porta_test_waiter_cb, &waiter);
  g_assert_true (porta_client_set_pin_finish (client, porta_test_waiter_wait (&waiter, 10000), &error));
  porta_test_waiter_clear (&waiter);
  porta_pin_card_reload (card);
  g_assert_true (wait_label (window, "Set", TRUE, 10000));
  g_assert_true (wait_label (window, "1 event", TRUE, 10000));

  /* reveal: the PIN shows, then hides by itself */
  gtk_widget_activate_action (GTK_WIDGET (card), "pin-card.reveal", NULL);
  g_assert_true (wait_label (window, "7305918264", TRUE, 10000));
  g_assert_true (wait_label (window, "2 events", TRUE, 10000));  /* the reveal is audited */

  /* copy: on the clipboard, then gone from it when the time is up */
  gtk_widget_activate_action (GTK_WIDGET (card), "pin-card.copy", NULL);
  copied = clipboard_text (window);
  g_assert_cmpstr (copied, ==, "7305918264");
  g_assert_true (wait_label (window, "7305918264", FALSE, 5000));
  porta_test_spin (500);
  after = clipboard_text (window);
  g_assert_null (after);

  /* hide before the time is up */
  gtk_widget_activate_action (GTK_WIDGET (card), "pin-card.reveal", NULL);
  g_assert_true (wait_label (window, "7305918264", TRUE, 10000));
  gtk_widget_activate_action (GTK_WIDGET (card), "pin-card.hide", NULL);
  g_assert_null (find_label (window, "7305918264"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
state_not_offered (gpointer data)
{
  PortaPinState *state = data;
  return !porta_pin_state_get_offered (state) && !porta_pin_state_get_loading (state);
}

/* Against a server that answers like Graph (no PIN API): the card is a
 * guide — its words and button — with no error, no Retry, no Set PIN,
 * no history, and nothing asked of the server again for the history */
static void
test_not_offered (void)
{
  const char *args[] = { "--auto-approve", "--graph-like", NULL };
  g_autoptr(PortaTestSandbox) sandbox = porta_test_sandbox_start (NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortaClient) client = porta_test_signed_in_client (sandbox, &error);
  GtkWidget *window = gtk_window_new ();
  PortaPinCard *card;
  PortaPinState *state;
  GtkWidget *guide;
  GtkWidget *button;

  g_assert_no_error (error);
  card = g_object_new (PORTA_TYPE_PIN_CARD, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (card));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));

  porta_pin_card_set_client (card, client);
  state = porta_pin_card_get_pin_state (card);
  g_assert_true (porta_test_wait_until (state_not_offered, state, 10000));
  g_assert_error (porta_pin_state_get_error (state), PORTA_ERROR, PORTA_ERROR_NOT_OFFERED);
  g_assert_true (wait_label (window, porta_feature_get_guide_title (PORTA_FEATURE_PORT_OUT_PIN), TRUE, 5000));
  g_assert_nonnull (find_label (window, "Set the PIN in the Teams Admin Center"));
  g_assert_nonnull (find_label (window, porta_feature_get_guide_steps (PORTA_FEATURE_PORT_OUT_PIN)));
  g_assert_true (strstr (porta_feature_get_guide_steps (PORTA_FEATURE_PORT_OUT_PIN), "Manage porting PIN") != NULL);

  guide = porta_test_find_by_type (window, PORTA_TYPE_GUIDE);
  g_assert_true (gtk_widget_is_drawable (guide));
  button = porta_test_find_by_type (guide, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "guide.open");
  g_assert_true (gtk_widget_is_drawable (button));

  /* no error, no Retry, no Set PIN, no history */
  g_assert_null (find_label (window, porta_pin_state_get_error (state)->message));
  g_assert_null (find_label (window, "_Retry"));
  g_assert_null (find_label (window, "_Set PIN…"));
  g_assert_null (find_label (window, "History"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!porta_test_init_gtk (&argc, &argv))
    return 0;  /* no display: the skip plan is printed */

  g_test_add_func ("/pin-card/reveal-and-copy", test_reveal_and_copy);
  g_test_add_func ("/pin-card/not-offered", test_not_offered);

  return g_test_run ();
}
