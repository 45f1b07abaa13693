/* cf-day-summary.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-key-nutrients.h"

G_BEGIN_DECLS

#define CF_TYPE_DAY_SUMMARY (cf_day_summary_get_type ())

G_DECLARE_FINAL_TYPE (CfDaySummary, cf_day_summary, CF, DAY_SUMMARY, GtkWidget)

/**
 * CfDayTileState:
 *
 * How a nutrient's figure for the day should be read.
 */
typedef enum
{
  CF_DAY_TILE_NO_DATA,
  CF_DAY_TILE_PARTIAL,
  CF_DAY_TILE_COMPLETE,
} CfDayTileState;

/* Protein, fat, carbohydrate and fibre */
#define CF_DAY_N_MACROS 4

void            cf_day_summary_set_context (CfDaySummary  *self,
                                            CfContext     *context);
void            cf_day_summary_set_entries (CfDaySummary  *self,
                                            const GDate   *day,
                                            GPtrArray     *entries);
void            cf_day_summary_set_target  (CfDaySummary  *self,
                                            CfKeyNutrient  key,
                                            double         target,
                                            const char    *source);
double          cf_day_summary_get_value   (CfDaySummary  *self,
                                            CfKeyNutrient  key);
double          cf_day_summary_get_coverage (CfDaySummary *self,
                                            CfKeyNutrient  key);
CfDayTileState  cf_day_summary_get_state   (CfDaySummary  *self,
                                            CfKeyNutrient  key);
double          cf_day_summary_get_target  (CfDaySummary  *self,
                                            CfKeyNutrient  key);
const char     *cf_day_summary_get_text    (CfDaySummary  *self,
                                            CfKeyNutrient  key);
CfNutrient      cf_day_summary_get_macro_nutrient (guint   index);
double          cf_day_summary_get_macro_value (CfDaySummary *self,
                                            guint          index);
const char     *cf_day_summary_get_macro_text (CfDaySummary *self,
                                            guint          index);

G_END_DECLS
