/* porta-window.h
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porta-application.h"
#include "porta-session.h"

G_BEGIN_DECLS

#define PORTA_TYPE_WINDOW (porta_window_get_type ())

G_DECLARE_FINAL_TYPE (PortaWindow, porta_window, PORTA, WINDOW, AdwApplicationWindow)

PortaWindow *porta_window_new              (PortaApplication *application,
                                            GSettings        *settings,
                                            PortaSession     *session);
void         porta_window_restore          (PortaWindow      *self);
void         porta_window_start_sandbox    (PortaWindow      *self);
void         porta_window_show_toast       (PortaWindow      *self,
                                            const char       *message);
void         porta_window_show_port_order  (PortaWindow      *self,
                                            const char       *id);
const char  *porta_window_get_visible_page (PortaWindow      *self);
void         porta_window_show_page        (PortaWindow      *self,
                                            const char       *name);

G_END_DECLS
