/* cf-window.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-application.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow  *cf_window_new            (CfApplication *application,
                                     CfContext     *context,
                                     const char    *error_message);
CfWindow  *cf_window_new_for_context (CfContext    *context,
                                      GSettings    *settings);
void       cf_window_add_toast      (CfWindow      *self,
                                     AdwToast      *toast);
GtkWidget *cf_window_get_diary_view (CfWindow      *self);
GtkWidget *cf_window_get_foods_view (CfWindow      *self);
GtkWidget *cf_window_get_insights_view (CfWindow   *self);

G_END_DECLS
