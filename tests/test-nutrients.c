/* test-nutrients.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-nutrients.h"
#include "cf-types.h"

static void
test_catalog_keys (void)
{
  /* The keys the product and the export format rely on */
  static const char *required[] = {
    "energy", "protein", "fat", "carbohydrate", "fiber", "sodium", "calcium",
    "magnesium", "phosphorus", "potassium", "vitamin_d", "vitamin_k1",
    "dihydrophylloquinone", "mk4", "mk7", "mk8", "mk9", "vitamin_k2_total",
    "vitamin_c", "ala", "epa", "dha",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      CfNutrient n;

      g_assert_true (cf_nutrient_from_key (required[i], &n));
      g_assert_cmpstr (cf_nutrient_get_key (n), ==, required[i]);
    }

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      const char *key = cf_nutrient_get_key (i);
      CfNutrient back;

      /* Unique, and usable as an SQL column name */
      g_assert_true (g_hash_table_add (seen, (gpointer) key));
      for (const char *p = key; *p; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');

      g_assert_true (cf_nutrient_from_key (key, &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (cf_nutrient_get_name (i));
      g_assert_cmpstr (cf_nutrient_get_name (i), !=, "");
      g_assert_nonnull (cf_nutrient_get_short_name (i));
      g_assert_nonnull (cf_nutrient_group_get_name (cf_nutrient_get_group (i)));
    }

  g_assert_false (cf_nutrient_from_key ("vitamin_k", &(CfNutrient) { 0 }));
  g_assert_false (cf_nutrient_from_key (NULL, &(CfNutrient) { 0 }));
}

static void
test_catalog_units (void)
{
  g_assert_cmpint (cf_nutrient_get_unit (CF_NUTRIENT_ENERGY), ==, CF_UNIT_KCAL);
  g_assert_cmpint (cf_nutrient_get_unit (CF_NUTRIENT_CALCIUM), ==, CF_UNIT_MG);
  g_assert_cmpint (cf_nutrient_get_unit (CF_NUTRIENT_VITAMIN_D), ==, CF_UNIT_UG);
  g_assert_cmpint (cf_nutrient_get_unit (CF_NUTRIENT_MK7), ==, CF_UNIT_UG);
  g_assert_cmpint (cf_nutrient_get_unit (CF_NUTRIENT_EPA), ==, CF_UNIT_G);

  /* K1 and dihydrophylloquinone are separate nutrients from separate
   * USDA numbers */
  g_assert_cmpuint (cf_nutrient_get_usda_number (CF_NUTRIENT_VITAMIN_K1), ==, 430);
  g_assert_cmpuint (cf_nutrient_get_usda_number (CF_NUTRIENT_DIHYDROPHYLLOQUINONE), ==, 429);
  g_assert_cmpuint (cf_nutrient_get_usda_number (CF_NUTRIENT_MK4), ==, 428);
  g_assert_cmpuint (cf_nutrient_get_usda_number (CF_NUTRIENT_MK7), ==, 0);

  g_assert_true (cf_nutrient_is_vitamin_k2 (CF_NUTRIENT_MK7));
  g_assert_false (cf_nutrient_is_vitamin_k2 (CF_NUTRIENT_VITAMIN_K1));
  g_assert_false (cf_nutrient_is_vitamin_k2 (CF_NUTRIENT_DIHYDROPHYLLOQUINONE));

  g_assert_cmpfloat_with_epsilon (cf_unit_convert (1, CF_UNIT_G, CF_UNIT_MG), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_unit_convert (250, CF_UNIT_UG, CF_UNIT_MG), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_vitamin_d_ug_to_iu (25), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_vitamin_d_iu_to_ug (400), 10, 1e-9);
}

static void
test_format (void)
{
  g_autofree char *a = cf_nutrient_format_raw (CF_NUTRIENT_PROTEIN, 22.87);
  g_autofree char *b = cf_nutrient_format_raw (CF_NUTRIENT_CALCIUM, 710);
  g_autofree char *c = cf_nutrient_format_raw (CF_NUTRIENT_VITAMIN_D, -0.01);
  g_autofree char *d = cf_nutrient_format_raw (CF_NUTRIENT_MK7, NAN);
  g_autofree char *e = cf_nutrient_format_value (CF_NUTRIENT_MK7, NAN);
  g_autofree char *f = cf_nutrient_format_value (CF_NUTRIENT_MK7, 0);
  g_autofree char *g = cf_nutrient_format_value (CF_NUTRIENT_MK7, 939);

  g_assert_cmpstr (a, ==, "22.87");
  g_assert_cmpstr (b, ==, "710");
  g_assert_cmpstr (c, ==, "0.0");
  g_assert_null (d);
  /* "no value" never prints as zero */
  g_assert_cmpstr (e, ==, "no data");
  g_assert_cmpstr (f, ==, "0.0 µg");
  g_assert_cmpstr (g, ==, "939.0 µg");
}

static void
test_no_value_is_not_zero (void)
{
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfNutrients) scaled = NULL;
  g_autoptr(CfNutrients) copy = NULL;

  g_assert_cmpuint (cf_nutrients_count (n), ==, 0);
  g_assert_false (cf_nutrients_has (n, CF_NUTRIENT_CALCIUM));
  g_assert_true (isnan (cf_nutrients_get (n, CF_NUTRIENT_CALCIUM)));

  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 0);
  g_assert_true (cf_nutrients_has (n, CF_NUTRIENT_CALCIUM));
  g_assert_cmpfloat (cf_nutrients_get (n, CF_NUTRIENT_CALCIUM), ==, 0);
  g_assert_cmpuint (cf_nutrients_count (n), ==, 1);

  cf_nutrients_set (n, CF_NUTRIENT_MAGNESIUM, 40);
  scaled = cf_nutrients_scale (n, 2.5);
  g_assert_cmpfloat (cf_nutrients_get (scaled, CF_NUTRIENT_MAGNESIUM), ==, 100);
  g_assert_cmpfloat (cf_nutrients_get (scaled, CF_NUTRIENT_CALCIUM), ==, 0);
  g_assert_false (cf_nutrients_has (scaled, CF_NUTRIENT_MK7));

  copy = cf_nutrients_copy (n);
  g_assert_true (cf_nutrients_equal (copy, n));
  cf_nutrients_unset (copy, CF_NUTRIENT_CALCIUM);
  g_assert_false (cf_nutrients_equal (copy, n));
}

static void
test_totals (void)
{
  g_autoptr(CfNutrientTotals) totals = cf_nutrient_totals_new ();
  g_autoptr(CfNutrients) cheese = cf_nutrients_new ();
  g_autoptr(CfNutrients) natto = cf_nutrients_new ();

  /* Nothing logged: no value and no coverage */
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM)));
  g_assert_true (isnan (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_CALCIUM)));

  cf_nutrients_set (cheese, CF_NUTRIENT_CALCIUM, 710);
  cf_nutrients_set (natto, CF_NUTRIENT_CALCIUM, 217);
  cf_nutrients_set (natto, CF_NUTRIENT_MK7, 939);

  cf_nutrient_totals_add (totals, cheese, 30);
  cf_nutrient_totals_add (totals, natto, 50);

  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM),
                                  710 * 0.3 + 217 * 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_CALCIUM), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_MK7), 469.5, 1e-9);
  /* Only the natto's 50 of 80 g had an MK-7 value */
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_MK7), 50.0 / 80.0, 1e-12);
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_D)));
  g_assert_cmpfloat (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_VITAMIN_D), ==, 0);
}

static void
test_validate (void)
{
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_nutrients_validate (n, &error));
  g_assert_no_error (error);

  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 100);
  cf_nutrients_set (n, CF_NUTRIENT_ENERGY, 900);
  g_assert_true (cf_nutrients_validate (n, &error));

  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 100.5);
  g_assert_false (cf_nutrients_validate (n, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, -1);
  g_assert_false (cf_nutrients_validate (n, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, INFINITY);
  g_assert_false (cf_nutrients_validate (n, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  cf_nutrients_unset (n, CF_NUTRIENT_PROTEIN);
  cf_nutrients_set (n, CF_NUTRIENT_ENERGY, 901);
  g_assert_false (cf_nutrients_validate (n, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

static void
test_meals (void)
{
  CfMeal meal;

  g_assert_cmpstr (cf_meal_to_key (CF_MEAL_SUPPLEMENTS), ==, "supplements");
  g_assert_true (cf_meal_from_key ("Dinner", &meal));
  g_assert_cmpint (meal, ==, CF_MEAL_DINNER);
  g_assert_false (cf_meal_from_key ("brunch", &meal));
  g_assert_cmpstr (cf_meal_get_name (CF_MEAL_SNACKS), ==, "Snacks");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/nutrients/catalog-keys", test_catalog_keys);
  g_test_add_func ("/cofactor/nutrients/catalog-units", test_catalog_units);
  g_test_add_func ("/cofactor/nutrients/format", test_format);
  g_test_add_func ("/cofactor/nutrients/no-value-is-not-zero", test_no_value_is_not_zero);
  g_test_add_func ("/cofactor/nutrients/totals", test_totals);
  g_test_add_func ("/cofactor/nutrients/validate", test_validate);
  g_test_add_func ("/cofactor/nutrients/meals", test_meals);

  return g_test_run ();
}
