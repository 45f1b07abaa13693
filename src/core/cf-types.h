/* cf-types.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CfContext    CfContext;
typedef struct _CfDatabase   CfDatabase;
typedef struct _CfDiary      CfDiary;
typedef struct _CfDiaryEntry CfDiaryEntry;
typedef struct _CfFood       CfFood;
typedef struct _CfFoodStore  CfFoodStore;
typedef struct _CfPortion    CfPortion;

/**
 * CfMeal:
 *
 * The sections of a diary day, in display order.
 */
typedef enum
{
  CF_MEAL_BREAKFAST,
  CF_MEAL_LUNCH,
  CF_MEAL_DINNER,
  CF_MEAL_SNACKS,
  CF_MEAL_SUPPLEMENTS,
} CfMeal;

#define CF_N_MEALS (CF_MEAL_SUPPLEMENTS + 1)

/**
 * CfFoodSource:
 * @CF_FOOD_SOURCE_USDA: USDA SR28 reference food
 * @CF_FOOD_SOURCE_K2: published menaquinone (vitamin K2) values
 * @CF_FOOD_SOURCE_CUSTOM: a food the user created
 */
typedef enum
{
  CF_FOOD_SOURCE_USDA,
  CF_FOOD_SOURCE_K2,
  CF_FOOD_SOURCE_CUSTOM,
} CfFoodSource;

/**
 * CfFoodKind:
 *
 * What a food is, for custom foods; reference foods are always
 * %CF_FOOD_KIND_FOOD.
 */
typedef enum
{
  CF_FOOD_KIND_FOOD,
  CF_FOOD_KIND_SUPPLEMENT,
  CF_FOOD_KIND_RECIPE,
} CfFoodKind;

/**
 * CfSearchFlags:
 * @CF_SEARCH_USDA: USDA SR28 foods
 * @CF_SEARCH_K2: foods from the published vitamin K2 tables
 * @CF_SEARCH_CUSTOM: the user's own foods
 * @CF_SEARCH_SUPPLEMENTS: the user's supplements
 * @CF_SEARCH_RECIPES: the user's recipes
 * @CF_SEARCH_TEMPLATES: the supplement templates not yet saved as one
 *   of the user's supplements (only when asked for; not in
 *   %CF_SEARCH_ALL)
 *
 * Restricts a food search or ranking to some sources.  0 means every
 * source.
 */
typedef enum
{
  CF_SEARCH_USDA        = 1 << 0,
  CF_SEARCH_K2          = 1 << 1,
  CF_SEARCH_CUSTOM      = 1 << 2,
  CF_SEARCH_SUPPLEMENTS = 1 << 3,
  CF_SEARCH_RECIPES     = 1 << 4,
  CF_SEARCH_TEMPLATES   = 1 << 5,
} CfSearchFlags;

/* Everything the user made */
#define CF_SEARCH_MINE (CF_SEARCH_CUSTOM | CF_SEARCH_SUPPLEMENTS | CF_SEARCH_RECIPES)

#define CF_SEARCH_ALL (CF_SEARCH_USDA | CF_SEARCH_K2 | CF_SEARCH_MINE)

const char *cf_meal_to_key      (CfMeal        meal);
gboolean    cf_meal_from_key    (const char   *key,
                                 CfMeal       *meal);
const char *cf_meal_get_name    (CfMeal        meal);
const char *cf_food_kind_to_key (CfFoodKind    kind);
gboolean    cf_food_kind_from_key (const char *key,
                                   CfFoodKind *kind);

G_END_DECLS
