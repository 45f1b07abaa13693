/* cf-ranking.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-ranking"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-ranking.h"

/* What "richest in …" compares.  The store ranks in SQL
 * (cf_food_store_rank()); the functions here compute the same figure
 * for one food in C, with the same operations in the same order, so a
 * view can show the value a food was ranked by and the tests can check
 * the SQL against it.
 */

static const char *basis_keys[CF_N_RANK_BASES] = { "100g", "100kcal", "serving" };

/**
 * cf_rank_cursor_is_end:
 *
 * Returns: %TRUE when the ranking that updated @cursor has no more foods
 */
gboolean
cf_rank_cursor_is_end (const CfRankCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, TRUE);

  return cursor->state >= 2;
}

/**
 * cf_rank_figure_get_key:
 *
 * Returns: the stable key: a catalog key such as "mk7", or "k2" and
 *   "epa_dha" for the combined figures
 */
const char *
cf_rank_figure_get_key (CfRankFigure figure)
{
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NULL);

  switch ((int) figure)
    {
    case CF_RANK_FIGURE_VITAMIN_K2:
      return "k2";

    case CF_RANK_FIGURE_EPA_DHA:
      return "epa_dha";

    default:
      return cf_nutrient_get_key ((CfNutrient) figure);
    }
}

/**
 * cf_rank_figure_from_key:
 * @key: a catalog key ("magnesium", "mk7", …), "k2" (also "vitamin_k2")
 *   or "epa_dha"; case is ignored
 *
 * Returns: %TRUE if @key names a figure
 */
gboolean
cf_rank_figure_from_key (const char   *key,
                         CfRankFigure *figure)
{
  g_autofree char *lower = NULL;
  CfNutrient nutrient;

  g_return_val_if_fail (figure != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  lower = g_ascii_strdown (key, -1);

  if (strcmp (lower, "k2") == 0 || strcmp (lower, "vitamin_k2") == 0)
    {
      *figure = CF_RANK_FIGURE_VITAMIN_K2;
      return TRUE;
    }

  if (strcmp (lower, "epa_dha") == 0 || strcmp (lower, "epa+dha") == 0)
    {
      *figure = CF_RANK_FIGURE_EPA_DHA;
      return TRUE;
    }

  if (cf_nutrient_from_key (lower, &nutrient))
    {
      *figure = CF_RANK_FIGURE_FOR_NUTRIENT (nutrient);
      return TRUE;
    }

  return FALSE;
}

/**
 * cf_rank_figure_get_name:
 *
 * Returns: (transfer none): the translated name
 */
const char *
cf_rank_figure_get_name (CfRankFigure figure)
{
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NULL);

  switch ((int) figure)
    {
    case CF_RANK_FIGURE_VITAMIN_K2:
      return cf_key_nutrient_get_name (CF_KEY_VITAMIN_K2);

    case CF_RANK_FIGURE_EPA_DHA:
      return cf_key_nutrient_get_name (CF_KEY_EPA_DHA);

    default:
      return cf_nutrient_get_name ((CfNutrient) figure);
    }
}

/**
 * cf_rank_figure_get_unit_nutrient:
 *
 * Returns: the catalog nutrient whose unit and precision @figure uses
 */
CfNutrient
cf_rank_figure_get_unit_nutrient (CfRankFigure figure)
{
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, CF_NUTRIENT_ENERGY);

  switch ((int) figure)
    {
    case CF_RANK_FIGURE_VITAMIN_K2:
      return cf_key_nutrient_get_unit_nutrient (CF_KEY_VITAMIN_K2);

    case CF_RANK_FIGURE_EPA_DHA:
      return cf_key_nutrient_get_unit_nutrient (CF_KEY_EPA_DHA);

    default:
      return (CfNutrient) figure;
    }
}

/**
 * cf_rank_figure_for_key_nutrient:
 *
 * Returns: the figure the diary's key nutrient @key shows
 */
CfRankFigure
cf_rank_figure_for_key_nutrient (CfKeyNutrient key)
{
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_ENERGY));

  switch (key)
    {
    case CF_KEY_VITAMIN_K2:
      return CF_RANK_FIGURE_VITAMIN_K2;

    case CF_KEY_EPA_DHA:
      return CF_RANK_FIGURE_EPA_DHA;

    case CF_KEY_ENERGY:
    case CF_KEY_CALCIUM:
    case CF_KEY_MAGNESIUM:
    case CF_KEY_VITAMIN_D:
    case CF_KEY_VITAMIN_K1:
    case CF_KEY_POTASSIUM:
    case CF_KEY_VITAMIN_C:
    case CF_KEY_ALA:
    default:
      return CF_RANK_FIGURE_FOR_NUTRIENT (cf_key_nutrient_get_unit_nutrient (key));
    }
}

/**
 * cf_rank_figure_get_value:
 *
 * Returns: @figure in @per_100g, or NaN for "no value"
 */
double
cf_rank_figure_get_value (CfRankFigure       figure,
                          const CfNutrients *per_100g)
{
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NAN);
  g_return_val_if_fail (per_100g != NULL, NAN);

  switch ((int) figure)
    {
    case CF_RANK_FIGURE_VITAMIN_K2:
      return cf_nutrients_get_vitamin_k2 (per_100g);

    case CF_RANK_FIGURE_EPA_DHA:
      return cf_nutrients_get_epa_dha (per_100g);

    default:
      return cf_nutrients_get (per_100g, (CfNutrient) figure);
    }
}

/**
 * cf_rank_basis_to_key:
 *
 * Returns: "100g", "100kcal" or "serving"
 */
const char *
cf_rank_basis_to_key (CfRankBasis basis)
{
  g_return_val_if_fail (basis < CF_N_RANK_BASES, NULL);

  return basis_keys[basis];
}

/**
 * cf_rank_basis_from_key:
 * @key: "100g", "100kcal" or "serving" (case and a space before the
 *   unit are ignored)
 */
gboolean
cf_rank_basis_from_key (const char  *key,
                        CfRankBasis *basis)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (basis != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  lower = g_ascii_strdown (key, -1);
  if (g_str_has_prefix (lower, "100 "))
    memmove (lower + 3, lower + 4, strlen (lower + 4) + 1);

  for (guint i = 0; i < CF_N_RANK_BASES; i++)
    {
      if (strcmp (lower, basis_keys[i]) == 0)
        {
          *basis = (CfRankBasis) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_food_get_rank_value:
 * @serving: (out) (optional) (transfer none): for %CF_RANK_PER_SERVING,
 *   the household measure used; %NULL otherwise
 *
 * Computes the figure @food is ranked by, exactly as
 * cf_food_store_rank() does.  @food needs its portions for
 * %CF_RANK_PER_SERVING (foods from the store have them).
 *
 * Returns: the value, or NaN when the food is not ranked: no value for
 *   @figure, no energy value or less than %CF_RANK_MIN_KCAL per 100 kcal, no portion per
 *   serving
 */
double
cf_food_get_rank_value (CfFood        *food,
                        CfRankFigure   figure,
                        CfRankBasis    basis,
                        CfPortion    **serving)
{
  const CfNutrients *nutrients;
  double value;

  g_return_val_if_fail (CF_IS_FOOD (food), NAN);
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NAN);
  g_return_val_if_fail (basis < CF_N_RANK_BASES, NAN);

  if (serving != NULL)
    *serving = NULL;

  nutrients = cf_food_get_nutrients (food);
  value = cf_rank_figure_get_value (figure, nutrients);
  if (isnan (value))
    return NAN;

  switch (basis)
    {
    case CF_RANK_PER_100KCAL:
      {
        double energy = cf_nutrients_get (nutrients, CF_NUTRIENT_ENERGY);

        if (isnan (energy) || energy < CF_RANK_MIN_KCAL)
          return NAN;

        return value / energy * 100.0;
      }

    case CF_RANK_PER_SERVING:
      {
        g_autoptr(CfPortion) first = g_list_model_get_item (cf_food_get_portions (food), 0);
        double result;

        if (first == NULL)
          return NAN;

        result = value * cf_portion_get_grams (first) / 100.0;
        if (serving != NULL)
          *serving = first;   /* the food's portion list keeps it alive */

        return result;
      }

    case CF_RANK_PER_100G:
    default:
      return value;
    }
}

/**
 * cf_food_format_rank_value:
 *
 * Formats the value @food is ranked by with its unit and basis, e.g.
 * "939.0 µg per 100 g", "96 mg per 100 kcal" or "24 mg per 1 cup,
 * diced (132 g)".
 *
 * Returns: (transfer full): the text; "no data" when the food is not
 *   ranked
 */
char *
cf_food_format_rank_value (CfFood       *food,
                           CfRankFigure  figure,
                           CfRankBasis   basis)
{
  CfPortion *serving = NULL;
  g_autofree char *amount = NULL;
  double value;

  g_return_val_if_fail (CF_IS_FOOD (food), NULL);
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NULL);
  g_return_val_if_fail (basis < CF_N_RANK_BASES, NULL);

  value = cf_food_get_rank_value (food, figure, basis, &serving);
  amount = cf_nutrient_format_value (cf_rank_figure_get_unit_nutrient (figure), value);
  if (isnan (value))
    return g_steal_pointer (&amount);

  switch (basis)
    {
    case CF_RANK_PER_100KCAL:
      /* Translators: %s is an amount with its unit, e.g. "96 mg" */
      return g_strdup_printf (_("%s per 100 kcal"), amount);

    case CF_RANK_PER_SERVING:
      {
        g_autofree char *measure = cf_portion_dup_display (serving);

        /* Translators: the first %s is an amount with its unit, the
         * second a household measure, e.g. "24 mg per 1 cup (132 g)" */
        return g_strdup_printf (_("%s per %s"), amount, measure);
      }

    case CF_RANK_PER_100G:
    default:
      /* Translators: %s is an amount with its unit, e.g. "939.0 µg" */
      return g_strdup_printf (_("%s per 100 g"), amount);
    }
}

/**
 * _cf_rank_figure_sql:
 * @alias: the alias of a table with one column per nutrient
 *
 * Returns: (transfer full): an SQL expression that is NULL where the
 *   figure has no value, computed like cf_rank_figure_get_value()
 */
char *
_cf_rank_figure_sql (CfRankFigure  figure,
                     const char   *alias)
{
  const char *a = alias;

  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NULL);
  g_return_val_if_fail (alias != NULL, NULL);

  switch ((int) figure)
    {
    case CF_RANK_FIGURE_VITAMIN_K2:
      /* The one K2 rule (cf-key-nutrients.c); adding 0 for a missing
       * form changes no value, so this sums the present forms in the
       * same order as the C code */
      return _cf_k2_sql (a, FALSE);

    case CF_RANK_FIGURE_EPA_DHA:
      return g_strdup_printf ("(CASE WHEN %s.epa IS NULL THEN %s.dha WHEN %s.dha IS NULL THEN %s.epa"
                              " ELSE %s.epa + %s.dha END)",
                              a, a, a, a, a, a);

    default:
      return g_strdup_printf ("%s.%s", a, cf_nutrient_get_key ((CfNutrient) figure));
    }
}
