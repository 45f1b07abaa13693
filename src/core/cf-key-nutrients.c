/* cf-key-nutrients.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-key-nutrients"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-key-nutrients.h"

static const struct {
  CfNutrient  nutrient;
  const char *name;
  const char *short_name;
} keys[CF_N_KEY_NUTRIENTS] = {
  [CF_KEY_ENERGY]     = { CF_NUTRIENT_ENERGY, NULL, NULL },
  [CF_KEY_CALCIUM]    = { CF_NUTRIENT_CALCIUM, NULL, NULL },
  [CF_KEY_MAGNESIUM]  = { CF_NUTRIENT_MAGNESIUM, NULL, NULL },
  [CF_KEY_VITAMIN_D]  = { CF_NUTRIENT_VITAMIN_D, NULL, NULL },
  [CF_KEY_VITAMIN_K1] = { CF_NUTRIENT_VITAMIN_K1, N_("Vitamin K1"), NULL },
  [CF_KEY_VITAMIN_K2] = { CF_NUTRIENT_VITAMIN_K2_TOTAL, N_("Vitamin K2"), NULL },
  [CF_KEY_POTASSIUM]  = { CF_NUTRIENT_POTASSIUM, NULL, NULL },
  [CF_KEY_VITAMIN_C]  = { CF_NUTRIENT_VITAMIN_C, NULL, NULL },
  [CF_KEY_ALA]        = { CF_NUTRIENT_ALA, N_("Omega-3 ALA"), NULL },
  /* Translators: the two long-chain omega-3 fatty acids together */
  [CF_KEY_EPA_DHA]    = { CF_NUTRIENT_EPA, N_("Omega-3 EPA + DHA"), N_("EPA+DHA") },
};

/**
 * cf_key_nutrient_get_name:
 *
 * Returns: (transfer none): the translated name
 */
const char *
cf_key_nutrient_get_name (CfKeyNutrient key)
{
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NULL);

  if (keys[key].name != NULL)
    return g_dgettext (GETTEXT_PACKAGE, keys[key].name);

  return cf_nutrient_get_name (keys[key].nutrient);
}

/**
 * cf_key_nutrient_get_short_name:
 *
 * Returns: (transfer none): the translated short label, e.g. "Mg"
 */
const char *
cf_key_nutrient_get_short_name (CfKeyNutrient key)
{
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NULL);

  if (keys[key].short_name != NULL)
    return g_dgettext (GETTEXT_PACKAGE, keys[key].short_name);

  return cf_nutrient_get_short_name (keys[key].nutrient);
}

/**
 * cf_key_nutrient_get_unit_nutrient:
 *
 * Returns: the catalog nutrient whose unit and precision @key uses
 */
CfNutrient
cf_key_nutrient_get_unit_nutrient (CfKeyNutrient key)
{
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, CF_NUTRIENT_ENERGY);

  return keys[key].nutrient;
}

/**
 * cf_nutrients_get_vitamin_k2:
 *
 * Vitamin K2 of a food: the total menaquinones where the source gives a
 * total, otherwise the sum of the forms it reports (MK-4, MK-7, MK-8,
 * MK-9).
 *
 * Returns: the amount in µg, or NaN when no form has a value
 */
double
cf_nutrients_get_vitamin_k2 (const CfNutrients *self)
{
  static const CfNutrient forms[] = { CF_NUTRIENT_MK4, CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9 };
  double sum = NAN;

  g_return_val_if_fail (self != NULL, NAN);

  if (cf_nutrients_has (self, CF_NUTRIENT_VITAMIN_K2_TOTAL))
    return cf_nutrients_get (self, CF_NUTRIENT_VITAMIN_K2_TOTAL);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (cf_nutrients_has (self, forms[i]))
        sum = (isnan (sum) ? 0 : sum) + cf_nutrients_get (self, forms[i]);
    }

  return sum;
}

/**
 * cf_nutrients_get_epa_dha:
 *
 * Returns: EPA plus DHA in g, the one that has a value if only one has,
 *   or NaN when neither has
 */
double
cf_nutrients_get_epa_dha (const CfNutrients *self)
{
  double epa, dha;

  g_return_val_if_fail (self != NULL, NAN);

  epa = cf_nutrients_get (self, CF_NUTRIENT_EPA);
  dha = cf_nutrients_get (self, CF_NUTRIENT_DHA);

  if (isnan (epa))
    return dha;
  if (isnan (dha))
    return epa;

  return epa + dha;
}

/**
 * cf_key_nutrient_get_value:
 *
 * Returns: the amount of @key in @per_100g, or NaN for "no value"
 */
double
cf_key_nutrient_get_value (CfKeyNutrient      key,
                           const CfNutrients *per_100g)
{
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NAN);
  g_return_val_if_fail (per_100g != NULL, NAN);

  switch (key)
    {
    case CF_KEY_VITAMIN_K2:
      return cf_nutrients_get_vitamin_k2 (per_100g);

    case CF_KEY_EPA_DHA:
      return cf_nutrients_get_epa_dha (per_100g);

    case CF_KEY_ENERGY:
    case CF_KEY_CALCIUM:
    case CF_KEY_MAGNESIUM:
    case CF_KEY_VITAMIN_D:
    case CF_KEY_VITAMIN_K1:
    case CF_KEY_POTASSIUM:
    case CF_KEY_VITAMIN_C:
    case CF_KEY_ALA:
    default:
      return cf_nutrients_get (per_100g, keys[key].nutrient);
    }
}
