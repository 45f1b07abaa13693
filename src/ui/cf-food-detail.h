/* cf-food-detail.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD_DETAIL (cf_food_detail_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodDetail, cf_food_detail, CF, FOOD_DETAIL, AdwBin)

CfFoodDetail *cf_food_detail_new          (CfContext    *context);
void          cf_food_detail_set_food     (CfFoodDetail *self,
                                           CfFood       *food);
CfFood       *cf_food_detail_get_food     (CfFoodDetail *self);
const char   *cf_food_detail_get_value_text (CfFoodDetail *self,
                                             CfNutrient    nutrient);
void          cf_food_detail_set_amount   (CfFoodDetail *self,
                                           const char   *text);

G_END_DECLS
