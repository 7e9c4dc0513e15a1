/* porta-banner.h — a message across the top of a page, with one button
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * PortaBannerStyle:
 * @PORTA_BANNER_STYLE_INFO: a notice (the sandbox), in the accent colour
 * @PORTA_BANNER_STYLE_WARNING: something to act on (no PIN, the keyring)
 * @PORTA_BANNER_STYLE_ERROR: a page could not load: red words
 * @PORTA_BANNER_STYLE_FAILURE: a request failed inside a dialog: a red band
 *
 * How a banner looks; each is the CSS class of the same name beside
 * `porta-banner` (data/style.css).
 */
typedef enum
{
  PORTA_BANNER_STYLE_INFO,
  PORTA_BANNER_STYLE_WARNING,
  PORTA_BANNER_STYLE_ERROR,
  PORTA_BANNER_STYLE_FAILURE,
} PortaBannerStyle;

#define PORTA_TYPE_BANNER_STYLE (porta_banner_style_get_type ())
GType porta_banner_style_get_type (void) G_GNUC_CONST;

#define PORTA_TYPE_BANNER (porta_banner_get_type ())

G_DECLARE_FINAL_TYPE (PortaBanner, porta_banner, PORTA, BANNER, GtkWidget)

GtkWidget        *porta_banner_new              (void);
const char       *porta_banner_get_title        (PortaBanner      *self);
void              porta_banner_set_title        (PortaBanner      *self,
                                                 const char       *title);
const char       *porta_banner_get_button_label (PortaBanner      *self);
void              porta_banner_set_button_label (PortaBanner      *self,
                                                 const char       *label);
gboolean          porta_banner_get_revealed     (PortaBanner      *self);
void              porta_banner_set_revealed     (PortaBanner      *self,
                                                 gboolean          revealed);
PortaBannerStyle  porta_banner_get_style        (PortaBanner      *self);
void              porta_banner_set_style        (PortaBanner      *self,
                                                 PortaBannerStyle  style);

G_END_DECLS
