/* porta-a11y.c — what GTK 4.8 needs to be read out right
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-a11y"

#include "config.h"

#include "porta-a11y.h"

/* "_Save" → "Save", "Save __as" → "Save _as": the label as seen */
static char *
strip_mnemonic (const char *label)
{
  GString *seen = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (seen, *p);
    }
  return g_string_free (seen, FALSE);
}

static void
name_buttons (GtkWidget *widget,
              gboolean   by_label)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (by_label && label != NULL)
        {
          g_autofree char *seen = strip_mnemonic (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, seen, -1);
        }
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_buttons (child, by_label);
}

/**
 * porta_a11y_name_mnemonic_buttons:
 * @root: a widget holding buttons
 *
 * GTK 4.8 names a button whose label has a mnemonic twice over: by its
 * accessible label, and by the label inside it, which the mnemonic
 * makes its labelled-by; a screen reader says "Save Save" (or "_Save
 * Save" with no accessible label set). Porta sets an accessible label
 * on every such button in its .ui files, or where the label changes;
 * this keeps that one alone: the labelled-by of the buttons under
 * @root, and of @root, is dropped. Call it once the widgets are built
 * (a label changed later keeps its label widget, and GTK does not add
 * the relation again: tests/e2e/test-pin-e2e.py reads "Change PIN…").
 */
void
porta_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_buttons (root, FALSE);
}

/**
 * porta_a11y_name_mnemonic_buttons_by_label:
 * @root: a widget holding buttons made elsewhere (an #AdwMessageDialog's)
 *
 * Like porta_a11y_name_mnemonic_buttons(), for buttons nobody gave an
 * accessible label: each is named by its label as seen, without the
 * mnemonic's underscore.
 */
void
porta_a11y_name_mnemonic_buttons_by_label (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_buttons (root, TRUE);
}

/**
 * porta_a11y_describe:
 * @widget: a field
 * @description: (nullable): what to read out with it: its hint, or what
 *   is wrong with it
 * @invalid: whether its value is wrong
 *
 * Puts @description and @invalid where a screen reader finds them: on
 * the field, and on the text an editable field delegates to (an entry
 * row's), which is what has the keyboard focus.
 */
void
porta_a11y_describe (GtkWidget  *widget,
                     const char *description,
                     gboolean    invalid)
{
  GtkAccessible *targets[2] = { GTK_ACCESSIBLE (widget), NULL };

  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL)
    targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget)));

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    {
      if (description != NULL && description[0] != '\0')
        gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}
