/* porta-voice-page.c
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porta-voice-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porta-voice-page.h"

struct _PortaVoicePage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PortaVoicePage, porta_voice_page, ADW_TYPE_BIN)

static void
porta_voice_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PORTA_TYPE_VOICE_PAGE);

  G_OBJECT_CLASS (porta_voice_page_parent_class)->dispose (object);
}

static void
porta_voice_page_class_init (PortaVoicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porta_voice_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/porta-voice-page.ui");
}

static void
porta_voice_page_init (PortaVoicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
