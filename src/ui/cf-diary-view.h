/* cf-diary-view.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_DIARY_VIEW (cf_diary_view_get_type ())

G_DECLARE_FINAL_TYPE (CfDiaryView, cf_diary_view, CF, DIARY_VIEW, AdwBin)

CfDiaryView  *cf_diary_view_new           (CfContext    *context,
                                           GSettings    *settings);
const GDate  *cf_diary_view_get_day       (CfDiaryView  *self);
void          cf_diary_view_set_day       (CfDiaryView  *self,
                                           const GDate  *day);
GListModel   *cf_diary_view_get_meal_model (CfDiaryView *self,
                                            CfMeal       meal);
GtkWindow    *cf_diary_view_add_food      (CfDiaryView  *self,
                                           int           meal);
GtkWindow    *cf_diary_view_log_food      (CfDiaryView  *self,
                                           const char   *food_id);
GtkWindow    *cf_diary_view_edit_entry    (CfDiaryView  *self,
                                           CfDiaryEntry *entry);
gboolean      cf_diary_view_remove_entry  (CfDiaryView  *self,
                                           const char   *id);
GtkWidget    *cf_diary_view_get_summary   (CfDiaryView  *self);
char         *cf_diary_view_format_day    (const GDate  *day,
                                           char        **full);

G_END_DECLS
