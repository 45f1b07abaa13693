/* test-foods-db.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference food database as built from data/foods/: known USDA
 * SR28 values (read from NUT_DATA.txt / WEIGHT.txt), the K2 rows with
 * their citations, and every committed value carried over exactly. */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-test-util.h"

static CfContext *context;

static CfFood *
get_food (const char *id)
{
  g_autoptr(GError) error = NULL;
  CfFood *food = cf_food_store_get_food (cf_context_get_food_store (context), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (food);

  return food;
}

static void
test_counts (void)
{
  /* All 8,789 SR28 foods plus the K2 table's own rows */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "foods", "foods.tsv", NULL);
  g_autofree char *contents = NULL;
  guint usda = 0, k2 = 0;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      usda += g_str_has_prefix (lines[i], "usda:");
      k2 += g_str_has_prefix (lines[i], "k2:");
    }

  g_assert_cmpuint (usda, ==, 8789);
  g_assert_cmpuint (k2, >, 0);
  g_assert_cmpuint (cf_food_store_count_reference_foods (cf_context_get_food_store (context)), ==, usda + k2);
}

static void
test_usda_values (void)
{
  g_autoptr(CfFood) cheddar = get_food ("usda:01009");
  g_autoptr(CfFood) broccoli = get_food ("usda:11090");
  g_autoptr(CfFood) kale = get_food ("usda:11233");
  g_autoptr(CfFood) salmon = get_food ("usda:15236");

  g_assert_cmpstr (cf_food_get_name (cheddar), ==, "Cheese, cheddar");
  g_assert_cmpint (cf_food_get_source (cheddar), ==, CF_FOOD_SOURCE_USDA);
  g_assert_cmpstr (cf_food_get_group_name (cheddar), ==, "Dairy and Egg Products");
  g_assert_cmpfloat (cf_food_get_nutrient (cheddar, CF_NUTRIENT_CALCIUM), ==, 710);
  g_assert_cmpfloat (cf_food_get_nutrient (cheddar, CF_NUTRIENT_PROTEIN), ==, 22.87);
  g_assert_cmpfloat (cf_food_get_nutrient (cheddar, CF_NUTRIENT_MK4), ==, 8.6);
  g_assert_cmpfloat (cf_food_get_nutrient (broccoli, CF_NUTRIENT_VITAMIN_K1), ==, 101.6);
  g_assert_cmpfloat (cf_food_get_nutrient (broccoli, CF_NUTRIENT_VITAMIN_C), ==, 89.2);
  g_assert_cmpfloat (cf_food_get_nutrient (kale, CF_NUTRIENT_VITAMIN_K1), ==, 704.8);
  g_assert_cmpfloat (cf_food_get_nutrient (salmon, CF_NUTRIENT_DHA), ==, 1.104);
  g_assert_cmpfloat (cf_food_get_nutrient (salmon, CF_NUTRIENT_VITAMIN_D), ==, 11.0);

  /* Provenance names the USDA food, nutrient and kind of data */
  g_assert_cmpstr (cf_food_get_origin (cheddar, CF_NUTRIENT_CALCIUM), ==,
                   "USDA SR28 food 01009, nutrient 301 (analysed, or derived from analyses)");
  g_assert_cmpstr (cf_food_get_origin (broccoli, CF_NUTRIENT_VITAMIN_C), ==,
                   "USDA SR28 food 11090, nutrient 401 (combined from several kinds of data)");
}

static void
test_no_value_versus_zero (void)
{
  g_autoptr(CfFood) cheddar = get_food ("usda:01009");

  /* SR28 reports 0.0 g fiber for cheddar: a value */
  g_assert_true (cf_nutrients_has (cf_food_get_nutrients (cheddar), CF_NUTRIENT_FIBER));
  g_assert_cmpfloat (cf_food_get_nutrient (cheddar, CF_NUTRIENT_FIBER), ==, 0);
  /* and no record for ALA (851) or MK-7: no value */
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (cheddar), CF_NUTRIENT_ALA));
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (cheddar), CF_NUTRIENT_MK7));
  g_assert_null (cf_food_get_origin (cheddar, CF_NUTRIENT_MK7));
}

static void
test_portions (void)
{
  g_autoptr(CfFood) broccoli = get_food ("usda:11090");
  GListModel *portions = cf_food_get_portions (broccoli);
  g_autoptr(CfPortion) first = g_list_model_get_item (portions, 0);
  g_autoptr(CfPortion) half = g_list_model_get_item (portions, 4);
  g_autofree char *display = cf_portion_dup_display (first);

  g_assert_cmpuint (g_list_model_get_n_items (portions), ==, 6);
  g_assert_cmpstr (cf_portion_get_description (first), ==, "cup chopped");
  g_assert_cmpfloat (cf_portion_get_grams (first), ==, 91);
  g_assert_cmpstr (display, ==, "1 cup chopped (91 g)");
  g_assert_cmpfloat (cf_portion_get_amount (half), ==, 0.5);
  g_assert_cmpfloat (cf_portion_get_grams (half), ==, 44);
}

static void
test_k2_rows (void)
{
  g_autoptr(CfFood) natto = get_food ("k2:natto-kamao-2007");

  g_assert_cmpint (cf_food_get_source (natto), ==, CF_FOOD_SOURCE_K2);
  g_assert_cmpfloat (cf_food_get_nutrient (natto, CF_NUTRIENT_MK7), ==, 939);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (natto), CF_NUTRIENT_MK4));
  g_assert_true (g_str_has_prefix (cf_food_get_citation (natto), "Kamao M"));
  g_assert_cmpstr (cf_food_get_origin (natto, CF_NUTRIENT_MK7), ==, cf_food_get_citation (natto));
}

static void
test_vitamin_d_from_iu (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "foods", "values.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] && checked < 3; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autoptr(CfFood) food = NULL;

      if (g_strv_length (f) != 4 || strcmp (f[1], "vitamin_d") != 0 || !g_str_has_prefix (f[3], "324:"))
        continue;

      food = get_food (f[0]);
      g_assert_cmpfloat (cf_food_get_nutrient (food, CF_NUTRIENT_VITAMIN_D), ==, g_ascii_strtod (f[2], NULL));
      g_assert_nonnull (strstr (cf_food_get_origin (food, CF_NUTRIENT_VITAMIN_D), "IU divided by 40"));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 3);
}

/* Every value committed in data/foods/values.tsv is in foods.db, equal
 * to the text it was written as, and no other value is. */
static void
test_every_value (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "foods", "values.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) foods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_values = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      CfFood *food;
      CfNutrient nutrient;

      if (lines[i][0] == '\0')
        continue;

      f = g_strsplit (lines[i], "\t", -1);
      food = g_hash_table_lookup (foods, f[0]);
      if (food == NULL)
        {
          food = get_food (f[0]);
          g_hash_table_insert (foods, g_strdup (f[0]), food);
        }

      g_assert_true (cf_nutrient_from_key (f[1], &nutrient));
      if (cf_food_get_nutrient (food, nutrient) != g_ascii_strtod (f[2], NULL))
        g_error ("%s %s: %g in foods.db, %s in values.tsv", f[0], f[1],
                 cf_food_get_nutrient (food, nutrient), f[2]);

      g_hash_table_insert (counts, g_strdup (f[0]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, f[0])) + 1));
      n_values++;
    }

  g_assert_cmpuint (n_values, >, 100000);

  /* Beside them only values marked as borrowed or assumed */
  g_hash_table_iter_init (&iter, foods);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint measured = 0;

      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        measured += !isnan (cf_food_get_nutrient (value, n)) &&
                    cf_food_get_value_kind (value, n) == CF_VALUE_MEASURED;
      g_assert_cmpuint (measured, ==, GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
    }
}

static void
test_unknown_ids (void)
{
  static const char *ids[] = { "usda:99999", "k2:no-such-food", "custom:00000000-0000-4000-8000-000000000000",
                               "usda:1009", "USDA:01009", "", "natto", "usda:01009 " };
  CfFoodStore *store = cf_context_get_food_store (context);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfFood) food = cf_food_store_get_food (store, ids[i], &error);

      g_assert_null (food);
      g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  context = cf_test_context_new (TRUE);

  g_test_add_func ("/cofactor/foods-db/counts", test_counts);
  g_test_add_func ("/cofactor/foods-db/usda-values", test_usda_values);
  g_test_add_func ("/cofactor/foods-db/no-value-versus-zero", test_no_value_versus_zero);
  g_test_add_func ("/cofactor/foods-db/portions", test_portions);
  g_test_add_func ("/cofactor/foods-db/k2-rows", test_k2_rows);
  g_test_add_func ("/cofactor/foods-db/vitamin-d-from-iu", test_vitamin_d_from_iu);
  g_test_add_func ("/cofactor/foods-db/every-value", test_every_value);
  g_test_add_func ("/cofactor/foods-db/unknown-ids", test_unknown_ids);

  ret = g_test_run ();
  g_object_unref (context);

  return ret;
}
