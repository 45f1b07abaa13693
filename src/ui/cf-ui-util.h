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
void         cf_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                        GMenuModel          *model);
void         cf_widget_show_toast      (GtkWidget           *widget,
                                        const char          *title);
char        *cf_format_vitamin_d_conversion (double          micrograms,
                                        gboolean             from_iu);
void         cf_vitamin_d_field_init   (AdwEntryRow         *row);
gboolean     cf_vitamin_d_field_read   (AdwEntryRow         *row,
                                        double              *micrograms,
                                        GError             **error);
const char  *cf_vitamin_d_field_get_conversion (AdwEntryRow *row);
const char  *cf_vitamin_d_field_get_hint (AdwEntryRow       *row);
GtkWidget   *cf_supplement_tag_new     (void);

G_END_DECLS
