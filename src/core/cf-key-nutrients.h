/* cf-key-nutrients.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-nutrients.h"

G_BEGIN_DECLS

/**
 * CfKeyNutrient:
 *
 * The figures the diary shows at a glance: catalog nutrients, plus two
 * that combine several (all vitamin K2 forms; EPA and DHA).
 */
typedef enum
{
  CF_KEY_ENERGY,
  CF_KEY_CALCIUM,
  CF_KEY_MAGNESIUM,
  CF_KEY_VITAMIN_D,
  CF_KEY_VITAMIN_K1,
  CF_KEY_VITAMIN_K2,
  CF_KEY_POTASSIUM,
  CF_KEY_VITAMIN_C,
  CF_KEY_ALA,
  CF_KEY_EPA_DHA,
} CfKeyNutrient;

#define CF_N_KEY_NUTRIENTS (CF_KEY_EPA_DHA + 1)

const char *cf_key_nutrient_get_name       (CfKeyNutrient      key);
const char *cf_key_nutrient_get_short_name (CfKeyNutrient      key);
CfNutrient  cf_key_nutrient_get_unit_nutrient (CfKeyNutrient   key);
double      cf_key_nutrient_get_value      (CfKeyNutrient      key,
                                            const CfNutrients *per_100g);

double      cf_nutrients_get_vitamin_k2    (const CfNutrients *self);
double      cf_nutrients_get_epa_dha       (const CfNutrients *self);

G_END_DECLS
