/* porta-voice-page.h
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PORTA_TYPE_VOICE_PAGE (porta_voice_page_get_type ())

G_DECLARE_FINAL_TYPE (PortaVoicePage, porta_voice_page, PORTA, VOICE_PAGE, AdwBin)

G_END_DECLS
