/* porta-voice-page-private.h — the Voice page's insides, for its sibling files
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instance struct of PortaVoicePage, shared by porta-voice-page.c
 * (the page: the models, loading, selection, details, PIN banner) and
 * its siblings, the way GNOME Text Editor splits EditorWindow:
 * porta-voice-page-columns.c (the column view's factories and sorters),
 * porta-voice-page-filters.c (search and filters) and
 * porta-voice-page-export.c (Export CSV…). Nothing outside those files
 * includes it.
 */
#pragma once

#include "porta-banner.h"
#include "porta-filter-model.h"
#include "porta-number-details.h"
#include "porta-number-filter.h"
#include "porta-number-list.h"
#include "porta-pin-state.h"
#include "porta-people.h"
#include "porta-row-model.h"
#include "porta-voice-page.h"

G_BEGIN_DECLS

struct _PortaVoicePage
{
  AdwBin              parent_instance;

  PortaClient        *client;
  GSettings          *settings;
  GCancellable       *cancellable;      /* the page's work: the export; cancelled in dispose */
  PortaPinState      *pin_state;
  GBinding           *pin_binding;
  gboolean            needs_load;
  gboolean            restoring_filters;
  guint               pulse_id;

  PortaNumberList    *numbers;          /* loading, error and progress live there */
  PortaPeople        *people;           /* who the numbers are assigned to, as they load */
  GtkSorter          *assignee_sorter;
  GHashTable         *assignee_items;   /* the bound cells of Assigned to */
  GtkSortListModel   *sort_model;
  PortaFilterModel   *filter_model;
  PortaRowModel      *rows;            /* over @filter_model */
  GtkSingleSelection *selection;       /* over @rows */
  PortaPhoneNumber   *selected;        /* the number the selection is on */
  gboolean            moving_rows;
  guint               countries_seen;  /* numbers of the list looked at */
  PortaNumberFilter  *filter;
  PortaNumberQuery   *query;
  GtkStringList      *countries;        /* codes, "" first for "all" */
  GHashTable         *known_countries;

  PortaBanner        *pin_banner;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *person_dropdown;
  PortaBanner        *people_hint;
  GtkDropDown        *country_dropdown;
  GtkToggleButton    *problems_button;
  PortaBanner        *error_banner;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_match_page;
  GtkRevealer        *details_revealer;
  PortaNumberDetails *details;
  GtkLabel           *count_label;
  GtkProgressBar     *progress_bar;
};

/* porta-voice-page.c */
void porta_voice_page_update_view           (PortaVoicePage *self);

/* porta-voice-page-columns.c */
void porta_voice_page_setup_columns         (PortaVoicePage *self);
void porta_voice_page_people_changed        (PortaVoicePage *self);
char *porta_voice_page_assignee_text        (PortaPhoneNumber *number,
                                             PortaVoicePage   *self);

/* porta-voice-page-filters.c */
void porta_voice_page_class_init_filters    (GtkWidgetClass *widget_class);
void porta_voice_page_init_filters          (PortaVoicePage *self);
void porta_voice_page_update_countries      (PortaVoicePage *self,
                                             guint           from);
void porta_voice_page_restore_filters       (PortaVoicePage *self);
void porta_voice_page_apply_people          (PortaVoicePage *self);
void porta_voice_page_clear_filters_action  (GtkWidget      *widget,
                                             const char     *action_name,
                                             GVariant       *parameter);

/* porta-voice-page-export.c */
void porta_voice_page_export_action         (GtkWidget      *widget,
                                             const char     *action_name,
                                             GVariant       *parameter);

G_END_DECLS
