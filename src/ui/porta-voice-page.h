/* porta-voice-page.h — every phone number of the organization
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-client.h"
#include "porta-number-list.h"
#include "porta-people.h"
#include "porta-pin-state.h"

G_BEGIN_DECLS

#define PORTA_TYPE_VOICE_PAGE (porta_voice_page_get_type ())

G_DECLARE_FINAL_TYPE (PortaVoicePage, porta_voice_page, PORTA, VOICE_PAGE, AdwBin)

PortaClient *porta_voice_page_get_client      (PortaVoicePage *self);
void         porta_voice_page_set_client      (PortaVoicePage *self,
                                               PortaClient    *client);
void         porta_voice_page_set_settings    (PortaVoicePage *self,
                                               GSettings      *settings);
GListModel  *porta_voice_page_get_model       (PortaVoicePage *self);
PortaNumberList *porta_voice_page_get_numbers (PortaVoicePage *self);
PortaPeople     *porta_voice_page_get_people  (PortaVoicePage *self);
GListStore  *porta_voice_page_get_store       (PortaVoicePage *self);
gboolean     porta_voice_page_get_loading     (PortaVoicePage *self);
const char  *porta_voice_page_get_error_message (PortaVoicePage *self);
void         porta_voice_page_refresh         (PortaVoicePage *self);
void         porta_voice_page_focus_search    (PortaVoicePage *self);
PortaPinState *porta_voice_page_get_pin_state (PortaVoicePage *self);
void         porta_voice_page_set_pin_state   (PortaVoicePage *self,
                                               PortaPinState  *state);
void         porta_voice_page_export_async    (PortaVoicePage      *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     porta_voice_page_export_finish   (PortaVoicePage      *self,
                                               GAsyncResult        *result,
                                               guint               *n_exported,
                                               GError             **error);

G_END_DECLS
