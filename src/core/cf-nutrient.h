/* cf-nutrient.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CfNutrient:
 *
 * Every nutrient Cofactor tracks, in display order.  The numeric values
 * are not stable across versions; use cf_nutrient_get_key() to store one.
 */
typedef enum
{
  CF_NUTRIENT_ENERGY,
  CF_NUTRIENT_PROTEIN,
  CF_NUTRIENT_FAT,
  CF_NUTRIENT_CARBOHYDRATE,
  CF_NUTRIENT_FIBER,
  CF_NUTRIENT_SODIUM,
  CF_NUTRIENT_CALCIUM,
  CF_NUTRIENT_MAGNESIUM,
  CF_NUTRIENT_PHOSPHORUS,
  CF_NUTRIENT_POTASSIUM,
  CF_NUTRIENT_VITAMIN_D,
  CF_NUTRIENT_VITAMIN_K1,
  CF_NUTRIENT_DIHYDROPHYLLOQUINONE,
  CF_NUTRIENT_MK4,
  CF_NUTRIENT_MK7,
  CF_NUTRIENT_MK8,
  CF_NUTRIENT_MK9,
  CF_NUTRIENT_VITAMIN_K2_TOTAL,
  CF_NUTRIENT_VITAMIN_K_UNSTATED,
  CF_NUTRIENT_VITAMIN_C,
  CF_NUTRIENT_ALA,
  CF_NUTRIENT_FA_18_3,
  CF_NUTRIENT_EPA,
  CF_NUTRIENT_DPA,
  CF_NUTRIENT_DHA,
} CfNutrient;

#define CF_N_NUTRIENTS (CF_NUTRIENT_DHA + 1)

typedef enum
{
  CF_NUTRIENT_GROUP_BASICS,
  CF_NUTRIENT_GROUP_MINERALS,
  CF_NUTRIENT_GROUP_VITAMIN_D,
  CF_NUTRIENT_GROUP_VITAMIN_K,
  CF_NUTRIENT_GROUP_VITAMIN_C,
  CF_NUTRIENT_GROUP_OMEGA3,
} CfNutrientGroup;

#define CF_N_NUTRIENT_GROUPS (CF_NUTRIENT_GROUP_OMEGA3 + 1)

typedef enum
{
  CF_UNIT_KCAL,
  CF_UNIT_G,
  CF_UNIT_MG,
  CF_UNIT_UG,
} CfUnit;

/* International units per microgram of vitamin D (cholecalciferol or
 * ergocalciferol). */
#define CF_VITAMIN_D_IU_PER_UG 40.0

const char      *cf_nutrient_get_key        (CfNutrient       nutrient);
gboolean         cf_nutrient_from_key       (const char      *key,
                                             CfNutrient      *nutrient);
const char      *cf_nutrient_get_name       (CfNutrient       nutrient);
const char      *cf_nutrient_get_short_name (CfNutrient       nutrient);
CfUnit           cf_nutrient_get_unit       (CfNutrient       nutrient);
guint            cf_nutrient_get_decimals   (CfNutrient       nutrient);
CfNutrientGroup  cf_nutrient_get_group      (CfNutrient       nutrient);
guint            cf_nutrient_get_usda_number (CfNutrient      nutrient);
gboolean         cf_nutrient_is_vitamin_k2  (CfNutrient       nutrient);
char            *cf_nutrient_format_value   (CfNutrient       nutrient,
                                             double           value);
char            *cf_nutrient_format_raw     (CfNutrient       nutrient,
                                             double           value);

const char      *cf_nutrient_group_get_name (CfNutrientGroup  group);

const char      *cf_unit_get_symbol         (CfUnit           unit);
gboolean         cf_unit_from_symbol        (const char      *symbol,
                                             CfUnit          *unit);
double           cf_unit_convert            (double           value,
                                             CfUnit           from,
                                             CfUnit           to);

double           cf_vitamin_d_ug_to_iu      (double           micrograms);
double           cf_vitamin_d_iu_to_ug      (double           iu);

G_END_DECLS
