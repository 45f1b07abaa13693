/* cf-nutrient.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-nutrient"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-nutrient.h"

/* The catalog.  Keys are stable: they name columns in both databases
 * and fields in the export format, so never rename one.  "decimals" is
 * the precision USDA SR28 stores the nutrient with (NUTR_DEF.Num_Dec);
 * "usda" is the SR28 nutrient number the values come from, or 0.
 */
static const struct {
  const char      *key;
  const char      *name;
  const char      *short_name;
  CfUnit           unit;
  guint            decimals;
  CfNutrientGroup  group;
  guint            usda;
} catalog[CF_N_NUTRIENTS] = {
  [CF_NUTRIENT_ENERGY] =
    { "energy", N_("Energy"), N_("Energy"),
      CF_UNIT_KCAL, 0, CF_NUTRIENT_GROUP_BASICS, 208 },
  [CF_NUTRIENT_PROTEIN] =
    { "protein", N_("Protein"), N_("Protein"),
      CF_UNIT_G, 2, CF_NUTRIENT_GROUP_BASICS, 203 },
  [CF_NUTRIENT_FAT] =
    { "fat", N_("Fat"), N_("Fat"),
      CF_UNIT_G, 2, CF_NUTRIENT_GROUP_BASICS, 204 },
  [CF_NUTRIENT_CARBOHYDRATE] =
    { "carbohydrate", N_("Carbohydrate"), N_("Carbs"),
      CF_UNIT_G, 2, CF_NUTRIENT_GROUP_BASICS, 205 },
  [CF_NUTRIENT_FIBER] =
    { "fiber", N_("Fiber"), N_("Fiber"),
      CF_UNIT_G, 1, CF_NUTRIENT_GROUP_BASICS, 291 },
  [CF_NUTRIENT_SODIUM] =
    /* Translators: "Na" is the chemical symbol; translate only if your
     * language uses another short form */
    { "sodium", N_("Sodium"), N_("Na"),
      CF_UNIT_MG, 0, CF_NUTRIENT_GROUP_BASICS, 307 },
  [CF_NUTRIENT_CALCIUM] =
    { "calcium", N_("Calcium"), N_("Ca"),
      CF_UNIT_MG, 0, CF_NUTRIENT_GROUP_MINERALS, 301 },
  [CF_NUTRIENT_MAGNESIUM] =
    { "magnesium", N_("Magnesium"), N_("Mg"),
      CF_UNIT_MG, 0, CF_NUTRIENT_GROUP_MINERALS, 304 },
  [CF_NUTRIENT_PHOSPHORUS] =
    /* Translators: "P" is the chemical symbol of phosphorus */
    { "phosphorus", N_("Phosphorus"), N_("P"),
      CF_UNIT_MG, 0, CF_NUTRIENT_GROUP_MINERALS, 305 },
  [CF_NUTRIENT_POTASSIUM] =
    /* Translators: "K" is the chemical symbol of potassium, not
     * vitamin K */
    { "potassium", N_("Potassium"), N_("K"),
      CF_UNIT_MG, 0, CF_NUTRIENT_GROUP_MINERALS, 306 },
  [CF_NUTRIENT_VITAMIN_D] =
    /* Translators: "D" is the short label of vitamin D */
    { "vitamin_d", N_("Vitamin D"), N_("D"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_D, 328 },
  [CF_NUTRIENT_VITAMIN_K1] =
    { "vitamin_k1", N_("Vitamin K1 (phylloquinone)"), N_("K1"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 430 },
  [CF_NUTRIENT_DIHYDROPHYLLOQUINONE] =
    { "dihydrophylloquinone", N_("Dihydrophylloquinone"), N_("dK1"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 429 },
  [CF_NUTRIENT_MK4] =
    { "mk4", N_("Menaquinone-4 (MK-4)"), N_("MK-4"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 428 },
  [CF_NUTRIENT_MK7] =
    { "mk7", N_("Menaquinone-7 (MK-7)"), N_("MK-7"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 0 },
  [CF_NUTRIENT_MK8] =
    { "mk8", N_("Menaquinone-8 (MK-8)"), N_("MK-8"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 0 },
  [CF_NUTRIENT_MK9] =
    { "mk9", N_("Menaquinone-9 (MK-9)"), N_("MK-9"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 0 },
  [CF_NUTRIENT_VITAMIN_K2_TOTAL] =
    { "vitamin_k2_total", N_("Vitamin K2, total menaquinones"), N_("K2"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 0 },
  /* Vitamin K that a source gives without saying which form it is, as
   * other trackers export it.  It counts toward total vitamin K only,
   * never toward K1 or K2: see CF_INTAKE_VITAMIN_K_TOTAL. */
  [CF_NUTRIENT_VITAMIN_K_UNSTATED] =
    /* Translators: vitamin K whose source does not say whether it is
     * K1 or K2; "Vit. K" is its short label */
    { "vitamin_k_unstated", N_("Vitamin K (form not stated)"), N_("Vit. K"),
      CF_UNIT_UG, 1, CF_NUTRIENT_GROUP_VITAMIN_K, 0 },
  [CF_NUTRIENT_VITAMIN_C] =
    /* Translators: "C" is the short label of vitamin C */
    { "vitamin_c", N_("Vitamin C"), N_("C"),
      CF_UNIT_MG, 1, CF_NUTRIENT_GROUP_VITAMIN_C, 401 },
  [CF_NUTRIENT_ALA] =
    /* Translators: ALA is alpha-linolenic acid, an omega-3 fatty acid */
    { "ala", N_("Alpha-linolenic acid (ALA)"), N_("ALA"),
      CF_UNIT_G, 3, CF_NUTRIENT_GROUP_OMEGA3, 851 },
  [CF_NUTRIENT_FA_18_3] =
    { "fa_18_3", N_("18:3 fatty acids, undifferentiated"), N_("18:3"),
      CF_UNIT_G, 3, CF_NUTRIENT_GROUP_OMEGA3, 619 },
  [CF_NUTRIENT_EPA] =
    /* Translators: EPA is eicosapentaenoic acid, an omega-3 fatty acid */
    { "epa", N_("Eicosapentaenoic acid (EPA)"), N_("EPA"),
      CF_UNIT_G, 3, CF_NUTRIENT_GROUP_OMEGA3, 629 },
  [CF_NUTRIENT_DPA] =
    /* Translators: DPA is docosapentaenoic acid, an omega-3 fatty acid */
    { "dpa", N_("Docosapentaenoic acid (DPA)"), N_("DPA"),
      CF_UNIT_G, 3, CF_NUTRIENT_GROUP_OMEGA3, 631 },
  [CF_NUTRIENT_DHA] =
    /* Translators: DHA is docosahexaenoic acid, an omega-3 fatty acid */
    { "dha", N_("Docosahexaenoic acid (DHA)"), N_("DHA"),
      CF_UNIT_G, 3, CF_NUTRIENT_GROUP_OMEGA3, 621 },
};

static const char *group_names[CF_N_NUTRIENT_GROUPS] = {
  [CF_NUTRIENT_GROUP_BASICS] = N_("Energy and macronutrients"),
  [CF_NUTRIENT_GROUP_MINERALS] = N_("Minerals"),
  [CF_NUTRIENT_GROUP_VITAMIN_D] = N_("Vitamin D"),
  [CF_NUTRIENT_GROUP_VITAMIN_K] = N_("Vitamin K"),
  [CF_NUTRIENT_GROUP_VITAMIN_C] = N_("Vitamin C"),
  [CF_NUTRIENT_GROUP_OMEGA3] = N_("Omega-3 fatty acids"),
};

static const struct {
  const char *symbol;
  const char *display;
  double      per_gram;
} units[] = {
  /* Translators: unit symbol for kilocalories */
  [CF_UNIT_KCAL] = { "kcal", NC_("unit", "kcal"), 0 },
  /* Translators: unit symbol for grams */
  [CF_UNIT_G]    = { "g",    NC_("unit", "g"),    1 },
  /* Translators: unit symbol for milligrams */
  [CF_UNIT_MG]   = { "mg",   NC_("unit", "mg"),   1e3 },
  /* Translators: unit symbol for micrograms */
  [CF_UNIT_UG]   = { "µg",   NC_("unit", "µg"),   1e6 },
};

const char *
cf_nutrient_get_key (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return catalog[nutrient].key;
}

gboolean
cf_nutrient_from_key (const char *key,
                      CfNutrient *nutrient)
{
  g_return_val_if_fail (nutrient != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (strcmp (key, catalog[i].key) == 0)
        {
          *nutrient = (CfNutrient) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_nutrient_get_name:
 *
 * Returns: (transfer none): the translated full name, e.g. "Magnesium"
 */
const char *
cf_nutrient_get_name (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, catalog[nutrient].name);
}

/**
 * cf_nutrient_get_short_name:
 *
 * Returns: (transfer none): the translated short label for compact rows,
 *   e.g. "Mg"
 */
const char *
cf_nutrient_get_short_name (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, catalog[nutrient].short_name);
}

CfUnit
cf_nutrient_get_unit (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, CF_UNIT_G);

  return catalog[nutrient].unit;
}

guint
cf_nutrient_get_decimals (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, 0);

  return catalog[nutrient].decimals;
}

CfNutrientGroup
cf_nutrient_get_group (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, CF_NUTRIENT_GROUP_BASICS);

  return catalog[nutrient].group;
}

/**
 * cf_nutrient_get_usda_number:
 *
 * Returns: the USDA SR28 nutrient number (Nutr_No) the reference values
 *   of @nutrient come from, or 0 if SR28 does not report it
 */
guint
cf_nutrient_get_usda_number (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, 0);

  return catalog[nutrient].usda;
}

gboolean
cf_nutrient_is_vitamin_k2 (CfNutrient nutrient)
{
  return nutrient == CF_NUTRIENT_MK4 ||
         nutrient == CF_NUTRIENT_MK7 ||
         nutrient == CF_NUTRIENT_MK8 ||
         nutrient == CF_NUTRIENT_MK9 ||
         nutrient == CF_NUTRIENT_VITAMIN_K2_TOTAL;
}

/**
 * cf_nutrient_format_raw:
 *
 * Formats @value with the nutrient's stored precision in the C locale,
 * without a unit, as USDA prints it (e.g. "25.18").  Meant for scripts
 * and export; returns %NULL for "no value" (NaN).
 */
char *
cf_nutrient_format_raw (CfNutrient nutrient,
                        double     value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[8];

  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  if (isnan (value))
    return NULL;

  g_snprintf (fmt, sizeof fmt, "%%.%uf", catalog[nutrient].decimals);
  g_ascii_formatd (buf, sizeof buf, fmt, value);

  /* Never print "-0" or "-0.00" */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    return g_strdup (buf + 1);

  return g_strdup (buf);
}

/**
 * cf_nutrient_format_value:
 *
 * Formats @value with its unit for display, following the locale's
 * number format, e.g. "1.3 µg".  "No value" (NaN) is shown as a
 * translated "no data", never as zero.
 */
char *
cf_nutrient_format_value (CfNutrient nutrient,
                          double     value)
{
  const char *unit;

  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  if (isnan (value))
    return g_strdup (_("no data"));

  unit = cf_unit_get_symbol (catalog[nutrient].unit);

  /* Translators: a nutrient amount: %.*f is the number, %s the unit
   * symbol, e.g. "12.5 mg"; use a no-break space if your language
   * separates them */
  return g_strdup_printf (_("%.*f %s"), (int) catalog[nutrient].decimals,
                          value == 0 ? 0.0 : value, unit);
}

const char *
cf_nutrient_group_get_name (CfNutrientGroup group)
{
  g_return_val_if_fail (group < CF_N_NUTRIENT_GROUPS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, group_names[group]);
}

/**
 * cf_unit_get_symbol:
 *
 * Returns: (transfer none): the translated unit symbol for display
 */
const char *
cf_unit_get_symbol (CfUnit unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (units), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "unit", units[unit].display);
}

gboolean
cf_unit_from_symbol (const char *symbol,
                     CfUnit     *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  if (symbol == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (strcmp (symbol, units[i].symbol) == 0)
        {
          *unit = (CfUnit) i;
          return TRUE;
        }
    }

  /* "ug" and "mcg" are common ASCII spellings of µg */
  if (strcmp (symbol, "ug") == 0 || strcmp (symbol, "mcg") == 0)
    {
      *unit = CF_UNIT_UG;
      return TRUE;
    }

  return FALSE;
}

/**
 * cf_unit_convert:
 *
 * Converts a mass between g, mg and µg.  Energy cannot be converted to
 * a mass; doing so is a programming error and returns NaN.
 */
double
cf_unit_convert (double value,
                 CfUnit from,
                 CfUnit to)
{
  g_return_val_if_fail (from < G_N_ELEMENTS (units), NAN);
  g_return_val_if_fail (to < G_N_ELEMENTS (units), NAN);

  if (from == to)
    return value;

  g_return_val_if_fail (from != CF_UNIT_KCAL && to != CF_UNIT_KCAL, NAN);

  return value / units[from].per_gram * units[to].per_gram;
}

double
cf_vitamin_d_ug_to_iu (double micrograms)
{
  return micrograms * CF_VITAMIN_D_IU_PER_UG;
}

double
cf_vitamin_d_iu_to_ug (double iu)
{
  return iu / CF_VITAMIN_D_IU_PER_UG;
}
