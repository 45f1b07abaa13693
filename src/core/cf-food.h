/* cf-food.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-limits.h"
#include "cf-nutrients.h"
#include "cf-portion.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD (cf_food_get_type ())

/* Limits checked by cf_food_validate_full(); see cf-limits.h */
#define CF_FOOD_MAX_NAME_CHARS       CF_MAX_NAME_CHARS
#define CF_FOOD_MAX_NOTE_CHARS       CF_MAX_NOTE_CHARS
#define CF_FOOD_MAX_PORTION_GRAMS    CF_MAX_PORTION_GRAMS

/**
 * CfFoodField:
 * @CF_FOOD_FIELD_NONE: the problem is not tied to one field
 * @CF_FOOD_FIELD_NAME: the name
 * @CF_FOOD_FIELD_BRAND: the brand
 * @CF_FOOD_FIELD_GROUP: the food group code
 * @CF_FOOD_FIELD_NOTE: the note
 * @CF_FOOD_FIELD_NUTRIENT: a value per 100 g; the index is the #CfNutrient
 * @CF_FOOD_FIELD_PORTION_DESCRIPTION: a household measure's description;
 *   the index is the portion's position
 * @CF_FOOD_FIELD_PORTION_AMOUNT: a household measure's amount
 * @CF_FOOD_FIELD_PORTION_GRAMS: a household measure's weight
 * @CF_FOOD_FIELD_INGREDIENTS: a recipe's list of ingredients as a whole
 * @CF_FOOD_FIELD_INGREDIENT: one ingredient of a recipe (its food); the
 *   index is its position
 * @CF_FOOD_FIELD_INGREDIENT_GRAMS: the amount of one ingredient
 * @CF_FOOD_FIELD_COOKED_WEIGHT: a recipe's cooked weight
 * @CF_FOOD_FIELD_SERVINGS: a recipe's number of servings
 *
 * Which field of a food (or recipe) editor a validation error belongs
 * to, so the message can be shown next to it.  Fields that repeat
 * (nutrients, portions, ingredients) come with an index.
 */
typedef enum
{
  CF_FOOD_FIELD_NONE,
  CF_FOOD_FIELD_NAME,
  CF_FOOD_FIELD_BRAND,
  CF_FOOD_FIELD_GROUP,
  CF_FOOD_FIELD_NOTE,
  CF_FOOD_FIELD_NUTRIENT,
  CF_FOOD_FIELD_PORTION_DESCRIPTION,
  CF_FOOD_FIELD_PORTION_AMOUNT,
  CF_FOOD_FIELD_PORTION_GRAMS,
  CF_FOOD_FIELD_INGREDIENTS,
  CF_FOOD_FIELD_INGREDIENT,
  CF_FOOD_FIELD_INGREDIENT_GRAMS,
  CF_FOOD_FIELD_COOKED_WEIGHT,
  CF_FOOD_FIELD_SERVINGS,
} CfFoodField;

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
/**
 * CfValueKind:
 * @CF_VALUE_MEASURED: given by the food's own source
 * @CF_VALUE_BORROWED: taken from a linked food of another table
 * @CF_VALUE_ASSUMED: assumed by a documented rule ("none expected")
 *
 * Where a reference food's value comes from.
 */
typedef enum
{
  CF_VALUE_MEASURED,
  CF_VALUE_BORROWED,
  CF_VALUE_ASSUMED,
} CfValueKind;

CfValueKind        cf_food_get_value_kind   (CfFood            *self,
                                             CfNutrient         nutrient);
GPtrArray         *cf_food_get_k2_alternatives (CfFood         *self);
const char        *cf_food_get_link_note    (CfFood            *self);
const char        *cf_food_get_local_name   (CfFood            *self);
const char        *cf_food_get_display_name (CfFood            *self);
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
gboolean           cf_food_validate_full    (CfFood            *self,
                                             CfFoodField       *field,
                                             guint             *index,
                                             GError           **error);

gboolean           cf_food_id_is_valid      (const char        *id);

G_END_DECLS
