/* cf-food-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-food.h"

G_BEGIN_DECLS

CfFood *_cf_food_new          (const char   *id,
                               CfFoodSource  source,
                               const char   *name);
void    _cf_food_set_source   (CfFood       *self,
                               const char   *source_id,
                               const char   *citation);
void    _cf_food_set_details  (CfFood       *self,
                               const char   *common_name,
                               const char   *group_name);
void    _cf_food_set_origin   (CfFood       *self,
                               CfNutrient    nutrient,
                               const char   *origin);
void    _cf_food_set_value    (CfFood       *self,
                               CfNutrient    nutrient,
                               double        value);

void     _cf_food_set_value_kind     (CfFood      *self,
                                     CfNutrient   nutrient,
                                     CfValueKind  kind);
void     _cf_food_add_k2_alternative (CfFood      *self,
                                     CfFood      *alternative,
                                     const char  *note);

void     _cf_food_set_local_name     (CfFood      *self,
                                     const char  *name);

G_END_DECLS
