/* cf-recipe.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-food.h"
#include "cf-key-nutrients.h"
#include "cf-nutrients.h"
#include "cf-portion.h"

G_BEGIN_DECLS

/* Limits checked by cf_recipe_validate(); see cf-limits.h */
#define CF_RECIPE_MAX_INGREDIENTS CF_MAX_INGREDIENTS
#define CF_RECIPE_MAX_GRAMS       CF_MAX_RECIPE_GRAMS
#define CF_RECIPE_MAX_SERVINGS    CF_MAX_SERVINGS

#define CF_TYPE_RECIPE_INGREDIENT (cf_recipe_ingredient_get_type ())

G_DECLARE_FINAL_TYPE (CfRecipeIngredient, cf_recipe_ingredient, CF, RECIPE_INGREDIENT, GObject)

CfRecipeIngredient *cf_recipe_ingredient_new              (CfFood             *food,
                                                           double              grams,
                                                           CfPortion          *portion,
                                                           double              portion_quantity);
CfRecipeIngredient *cf_recipe_ingredient_new_full         (const char         *food_id,
                                                           const char         *food_name,
                                                           CfFoodKind          food_kind,
                                                           const CfNutrients  *per_100g,
                                                           double              grams,
                                                           const char         *portion_description,
                                                           double              portion_quantity);
const char         *cf_recipe_ingredient_get_food_id      (CfRecipeIngredient *self);
const char         *cf_recipe_ingredient_get_food_name    (CfRecipeIngredient *self);
CfFoodKind          cf_recipe_ingredient_get_food_kind    (CfRecipeIngredient *self);
const CfNutrients  *cf_recipe_ingredient_get_nutrients_per_100g (CfRecipeIngredient *self);
double              cf_recipe_ingredient_get_grams        (CfRecipeIngredient *self);
const char         *cf_recipe_ingredient_get_portion_description (CfRecipeIngredient *self);
double              cf_recipe_ingredient_get_portion_quantity (CfRecipeIngredient *self);
void                cf_recipe_ingredient_set_amount       (CfRecipeIngredient *self,
                                                           double              grams,
                                                           CfPortion          *portion,
                                                           double              portion_quantity);
char               *cf_recipe_ingredient_dup_amount_label (CfRecipeIngredient *self);

#define CF_TYPE_RECIPE (cf_recipe_get_type ())

G_DECLARE_FINAL_TYPE (CfRecipe, cf_recipe, CF, RECIPE, GObject)

CfRecipe           *cf_recipe_new                         (const char         *name);
CfRecipe           *cf_recipe_new_with_id                 (const char         *id,
                                                           const char         *name);
const char         *cf_recipe_get_id                      (CfRecipe           *self);
const char         *cf_recipe_get_name                    (CfRecipe           *self);
void                cf_recipe_set_name                    (CfRecipe           *self,
                                                           const char         *name);
const char         *cf_recipe_get_group_code              (CfRecipe           *self);
void                cf_recipe_set_group_code              (CfRecipe           *self,
                                                           const char         *group_code);
const char         *cf_recipe_get_note                    (CfRecipe           *self);
void                cf_recipe_set_note                    (CfRecipe           *self,
                                                           const char         *note);
double              cf_recipe_get_cooked_grams            (CfRecipe           *self);
void                cf_recipe_set_cooked_grams            (CfRecipe           *self,
                                                           double              grams);
double              cf_recipe_get_servings                (CfRecipe           *self);
void                cf_recipe_set_servings                (CfRecipe           *self,
                                                           double              servings);

GListModel         *cf_recipe_get_ingredients             (CfRecipe           *self);
CfRecipeIngredient *cf_recipe_add_ingredient              (CfRecipe           *self,
                                                           CfFood             *food,
                                                           double              grams,
                                                           CfPortion          *portion,
                                                           double              portion_quantity);
void                cf_recipe_append_ingredient           (CfRecipe           *self,
                                                           CfRecipeIngredient *ingredient);
void                cf_recipe_remove_ingredient           (CfRecipe           *self,
                                                           guint               position);
void                cf_recipe_clear_ingredients           (CfRecipe           *self);

double              cf_recipe_get_raw_grams               (CfRecipe           *self);
double              cf_recipe_get_total_grams             (CfRecipe           *self);
double              cf_recipe_get_serving_grams           (CfRecipe           *self);
void                cf_recipe_compute_nutrients           (CfRecipe           *self,
                                                           CfNutrients        *per_100g);
double              cf_recipe_get_coverage                (CfRecipe           *self,
                                                           CfNutrient          nutrient);
double              cf_recipe_get_key_coverage            (CfRecipe           *self,
                                                           CfKeyNutrient       key);
gboolean            cf_recipe_validate                    (CfRecipe           *self,
                                                           CfFoodField        *field,
                                                           guint              *index,
                                                           GError            **error);
CfFood             *cf_recipe_to_food                     (CfRecipe           *self);

G_END_DECLS
