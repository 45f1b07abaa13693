/* cf-key-nutrients.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-key-nutrients"

#include "config.h"

#include <math.h>
#include <string.h>
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
/* The long-chain menaquinones: MK-7 and longer, as the tables give them */
static const CfNutrient long_chain[] = { CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9 };

/**
 * cf_nutrients_get_k2_state:
 *
 * The vitamin K2 rule, for one food's values: K2 is known when a total
 * of menaquinones is, or any long-chain form (MK-7, MK-8, MK-9) is.  A
 * food whose kind contains no long-chain menaquinones carries assumed
 * zeros for them (see CfK2Expectation), so MK-4 alone is complete there
 * and only there; elsewhere MK-4 alone is partial.  _cf_k2_sql() is
 * the same rule in SQL.
 *
 * Returns: how much of the vitamin K2 of a food with values @self is known
 */
CfK2State
cf_nutrients_get_k2_state (const CfNutrients *self)
{
  g_return_val_if_fail (self != NULL, CF_K2_STATE_UNKNOWN);

  if (cf_nutrients_has (self, CF_NUTRIENT_VITAMIN_K2_TOTAL))
    return CF_K2_STATE_KNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (long_chain); i++)
    {
      if (cf_nutrients_has (self, long_chain[i]))
        return CF_K2_STATE_KNOWN;
    }

  return cf_nutrients_has (self, CF_NUTRIENT_MK4) ? CF_K2_STATE_PARTIAL : CF_K2_STATE_UNKNOWN;
}

/**
 * cf_nutrients_get_vitamin_k2:
 *
 * A food's vitamin K2 per 100 g: its total of menaquinones where it has
 * one, else the sum of its MK-4, MK-7, MK-8 and MK-9 values; never a
 * total added to its own parts.  Same rule as _cf_k2_sql().
 *
 * Returns: the amount, or NaN unless cf_nutrients_get_k2_state() says
 *   the food's K2 is known
 */
double
cf_nutrients_get_vitamin_k2 (const CfNutrients *self)
{
  static const CfNutrient forms[] = { CF_NUTRIENT_MK4, CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9 };
  double sum = 0;

  g_return_val_if_fail (self != NULL, NAN);

  if (cf_nutrients_get_k2_state (self) != CF_K2_STATE_KNOWN)
    return NAN;

  if (cf_nutrients_has (self, CF_NUTRIENT_VITAMIN_K2_TOTAL))
    return cf_nutrients_get (self, CF_NUTRIENT_VITAMIN_K2_TOTAL);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (cf_nutrients_has (self, forms[i]))
        sum += cf_nutrients_get (self, forms[i]);
    }

  return sum;
}

/**
 * _cf_k2_sql:
 * @alias: (nullable): the table alias the columns belong to
 * @known: %TRUE for whether K2 is known, %FALSE for the amount
 *
 * The vitamin K2 rule of cf_nutrients_get_k2_state() and
 * cf_nutrients_get_vitamin_k2() as SQL over a table with one column per
 * nutrient (diary entries, reference foods): either a condition that is
 * true when a row's K2 is known, or its amount per 100 g, NULL unless
 * known.
 *
 * Returns: (transfer full): the SQL expression
 */
char *
_cf_k2_sql (const char *alias,
            gboolean    known)
{
  g_autofree char *a = alias ? g_strconcat (alias, ".", NULL) : g_strdup ("");
  g_autofree char *is_known = g_strdup_printf ("(%1$svitamin_k2_total IS NOT NULL OR %1$smk7 IS NOT NULL"
                                               " OR %1$smk8 IS NOT NULL OR %1$smk9 IS NOT NULL)", a);

  if (known)
    return g_steal_pointer (&is_known);

  return g_strdup_printf ("(CASE WHEN %1$svitamin_k2_total IS NOT NULL THEN %1$svitamin_k2_total"
                          " WHEN %2$s THEN IFNULL (%1$smk4, 0) + IFNULL (%1$smk7, 0)"
                          " + IFNULL (%1$smk8, 0) + IFNULL (%1$smk9, 0) END)",
                          a, is_known);
}

/* Words of names of fermented foods, or foods made with bacterial
 * cultures, where long-chain menaquinones may be present whatever the
 * food group */
static const char *fermented_words[] = {
  "cheese", "yogurt", "yoghurt", "kefir", "buttermilk", "cultured", "sour cream", "quark",
  "sauerkraut", "kimchi", "natto", "miso", "tempeh", "fermented", "soy sauce", "fish sauce",
  "salami", "pepperoni", "summer sausage", "cervelat", "pickle", "creme fraiche",
};

/* Food groups of animal foods where only MK-4, made in the animal's own
 * tissues, is expected */
static const char *mk4_groups[] = {
  "0500",  /* Poultry Products */
  "0700",  /* Sausages and Luncheon Meats (fermented ones are caught above) */
  "1000",  /* Pork Products */
  "1300",  /* Beef Products */
  "1700",  /* Lamb, Veal, and Game Products */
};

/* Food groups of plant foods, where no menaquinones are expected */
static const char *plant_groups[] = {
  "0200",  /* Spices and Herbs */
  "0900",  /* Fruits and Fruit Juices */
  "1100",  /* Vegetables and Vegetable Products */
  "1200",  /* Nut and Seed Products */
  "1600",  /* Legumes and Legume Products */
  "2000",  /* Cereal Grains and Pasta */
};

/* Names in other groups that are plain plant foods, sugars or drinks
 * without animal or fermented parts (matched at the start of the name) */
static const char *plain_starts[] = {
  "oil, ", "sugars, ", "sugar, ", "syrups, ", "honey", "water, ", "beverages, water",
  "beverages, coffee, brewed", "beverages, tea, ", "coffee, brewed", "tea, ",
};

/* Dairy and egg names where only MK-4 is expected: eggs, milk, cream
 * and butter that were not fermented */
static const char *mk4_dairy_starts[] = {
  "egg, ", "milk, ", "cream, ", "butter, ", "butter oil",
};

static gboolean
name_has (const char *lower,
          const char *word)
{
  return strstr (lower, word) != NULL;
}

/**
 * cf_k2_expectation_for_food:
 * @group_code: (nullable): the food's USDA group
 * @name: the food's name
 *
 * The documented rule for which vitamin K2 forms a kind of food can
 * contain (data/foods/README.md, "Vitamin K2 coverage"): menaquinones
 * are made by bacteria, so fermented foods may hold any of them; animal
 * tissue turns vitamin K1 into MK-4, so meat, poultry, eggs and
 * unfermented milk hold MK-4 but no long-chain forms; unfermented plant
 * foods, plant oils, sugars and plain drinks hold none.  Anything the
 * rule does not place may hold any form.
 *
 * Returns: the expectation
 */
CfK2Expectation
cf_k2_expectation_for_food (const char *group_code,
                            const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, CF_K2_EXPECT_ANY);

  lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (fermented_words); i++)
    {
      if (name_has (lower, fermented_words[i]))
        return CF_K2_EXPECT_ANY;
    }

  for (guint i = 0; group_code && i < G_N_ELEMENTS (plant_groups); i++)
    {
      if (strcmp (group_code, plant_groups[i]) == 0)
        return CF_K2_EXPECT_NONE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (plain_starts); i++)
    {
      if (g_str_has_prefix (lower, plain_starts[i]))
        return CF_K2_EXPECT_NONE;
    }

  for (guint i = 0; group_code && i < G_N_ELEMENTS (mk4_groups); i++)
    {
      if (strcmp (group_code, mk4_groups[i]) == 0)
        return CF_K2_EXPECT_MK4_ONLY;
    }

  if (g_strcmp0 (group_code, "0100") == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mk4_dairy_starts); i++)
        {
          if (g_str_has_prefix (lower, mk4_dairy_starts[i]))
            return CF_K2_EXPECT_MK4_ONLY;
        }
    }

  return CF_K2_EXPECT_ANY;
}

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
