/* cf-food-results.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-food-search.h"
#include "cf-food-store.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD_RESULTS (cf_food_results_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodResults, cf_food_results, CF, FOOD_RESULTS, GObject)

/* Foods fetched per query; the next page loads when a view asks for
 * one of the last CF_FOOD_RESULTS_PREFETCH items */
#define CF_FOOD_RESULTS_PAGE     100
#define CF_FOOD_RESULTS_PREFETCH 20

CfFoodResults *cf_food_results_new          (CfFoodStore   *store);
void           cf_food_results_set_query    (CfFoodResults *self,
                                             const char    *text,
                                             CfSearchFlags  flags,
                                             const char    *group_code);
void           cf_food_results_set_ranking  (CfFoodResults *self,
                                             CfRankFigure   figure,
                                             CfRankBasis    basis,
                                             CfSearchFlags  flags,
                                             const char    *group_code);
int            cf_food_results_get_ranking  (CfFoodResults *self,
                                             CfRankBasis   *basis);
gboolean       cf_food_results_get_loading  (CfFoodResults *self);
gboolean       cf_food_results_get_complete (CfFoodResults *self);
const char    *cf_food_results_get_corrected (CfFoodResults *self);
const GError  *cf_food_results_get_error    (CfFoodResults *self);

G_END_DECLS
