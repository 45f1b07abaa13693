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

/**
 * CfK2State:
 * @CF_K2_STATE_UNKNOWN: no vitamin K2 value at all
 * @CF_K2_STATE_PARTIAL: MK-4 only, where longer menaquinones may be
 *   present but are not known (cheese, yoghurt, sauerkraut…)
 * @CF_K2_STATE_KNOWN: the long-chain menaquinones are known (measured,
 *   borrowed from a linked food, or none expected), or a total is
 *
 * How much of a food's vitamin K2 is known; see
 * cf_nutrients_get_k2_state().  Only %CF_K2_STATE_KNOWN counts as data.
 */
typedef enum
{
  CF_K2_STATE_UNKNOWN,
  CF_K2_STATE_PARTIAL,
  CF_K2_STATE_KNOWN,
} CfK2State;

char       *_cf_k2_sql                     (const char        *alias,
                                            gboolean           known);

/**
 * CfK2Expectation:
 * @CF_K2_EXPECT_ANY: menaquinones of any chain length may be present
 *   (fermented foods, cheese, and foods the rule does not place)
 * @CF_K2_EXPECT_MK4_ONLY: only MK-4 is expected (meat, poultry, offal,
 *   eggs, unfermented milk and cream, butter)
 * @CF_K2_EXPECT_NONE: no menaquinones are expected (unfermented plant
 *   foods, plant oils, sugars, water, coffee and tea)
 *
 * What a food's kind says about its vitamin K2, by the documented rule
 * of cf_k2_expectation_for_food().  The food database build uses it to
 * add assumed zeros ("none expected") where a value is not measured.
 */
typedef enum
{
  CF_K2_EXPECT_ANY,
  CF_K2_EXPECT_MK4_ONLY,
  CF_K2_EXPECT_NONE,
} CfK2Expectation;

double      cf_nutrients_get_vitamin_k2    (const CfNutrients *self);
CfK2State   cf_nutrients_get_k2_state      (const CfNutrients *self);
CfK2Expectation cf_k2_expectation_for_food (const char        *group_code,
                                            const char        *name);
double      cf_nutrients_get_epa_dha       (const CfNutrients *self);

G_END_DECLS
