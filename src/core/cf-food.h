/* cf-food.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-nutrients.h"
#include "cf-portion.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD (cf_food_get_type ())

G_DECLARE_FINAL_TYPE (CfFood, cf_food, CF, FOOD, GObject)

CfFood            *cf_food_new_custom       (const char        *name);
const char        *cf_food_get_id           (CfFood            *self);
CfFoodSource       cf_food_get_source       (CfFood            *self);
const char        *cf_food_get_source_id    (CfFood            *self);
const char        *cf_food_get_citation     (CfFood            *self);
const char        *cf_food_get_name         (CfFood            *self);
void               cf_food_set_name         (CfFood            *self,
                                             const char        *name);
const char        *cf_food_get_brand        (CfFood            *self);
void               cf_food_set_brand        (CfFood            *self,
                                             const char        *brand);
const char        *cf_food_get_common_name  (CfFood            *self);
const char        *cf_food_get_group_code   (CfFood            *self);
void               cf_food_set_group_code   (CfFood            *self,
                                             const char        *group_code);
const char        *cf_food_get_group_name   (CfFood            *self);
CfFoodKind         cf_food_get_kind         (CfFood            *self);
void               cf_food_set_kind         (CfFood            *self,
                                             CfFoodKind         kind);
const char        *cf_food_get_note         (CfFood            *self);
void               cf_food_set_note         (CfFood            *self,
                                             const char        *note);
const CfNutrients *cf_food_get_nutrients    (CfFood            *self);
void               cf_food_set_nutrients    (CfFood            *self,
                                             const CfNutrients *per_100g);
double             cf_food_get_nutrient     (CfFood            *self,
                                             CfNutrient         nutrient);
const char        *cf_food_get_origin       (CfFood            *self,
                                             CfNutrient         nutrient);
GListModel        *cf_food_get_portions     (CfFood            *self);
void               cf_food_add_portion      (CfFood            *self,
                                             CfPortion         *portion);
void               cf_food_clear_portions   (CfFood            *self);
CfPortion         *cf_food_find_portion     (CfFood            *self,
                                             const char        *description);
gboolean           cf_food_validate         (CfFood            *self,
                                             GError           **error);

gboolean           cf_food_id_is_valid      (const char        *id);

G_END_DECLS
