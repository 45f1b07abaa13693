/* cf-ui-util.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-food.h"
#include "cf-parse.h"

G_BEGIN_DECLS

gboolean     cf_parse_number           (const char          *text,
                                        double              *value);
gboolean     cf_text_is_blank          (const char          *text);
GtkWidget   *cf_error_label_new        (void);
void         cf_show_error             (GtkLabel            *label,
                                        GtkWidget           *field,
                                        const char          *message);
GtkWidget   *cf_banner_new             (const char          *message);
AdwEntryRow *cf_entry_row_new          (AdwPreferencesGroup *group,
                                        const char          *title);
char        *cf_food_dup_source_summary (CfFood             *food);
void         cf_show_correction        (GtkLabel            *label,
                                        const char          *corrected);
void         cf_accessibility_init     (void);
void         cf_calendar_name_arrows   (GtkCalendar         *calendar);
void         cf_widget_show_toast      (GtkWidget           *widget,
                                        const char          *title);

G_END_DECLS
