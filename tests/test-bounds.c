/* test-bounds.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One set of bounds (cf-limits.h) for what enters the diary, however it
 * comes; recipes that contain themselves at any depth; ids in one
 * canonical form. */

#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-limits.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

#define ENTRY_ID "0b6c3d1e-5d8a-4a59-9d0f-3c2b1a000001"

static CfFood *
save_food (CfFoodStore *store,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  CfFood *food = cf_food_new_custom (name);
  g_autoptr(CfNutrients) n = cf_nutrients_new ();

  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 100);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  return food;
}

/* Entries at the edges of the bounds, from any path into the diary */
static void
test_entry_bounds (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
  g_autoptr(CfFood) long_name = NULL;
  g_autoptr(CfPortion) pinch = cf_portion_new (1, "pinch", 0.3);
  g_autofree char *name = g_strnfill (CF_MAX_NAME_CHARS + 1, 'x');
  const double bad_grams[] = { 1e-300, 0.0009, 5000.001, 1e12, 1e308, NAN, INFINITY, -1, 0 };
  const double good_grams[] = { CF_MIN_GRAMS, 1, CF_MAX_ENTRY_GRAMS };
  GDate day;

  cf_day_parse ("2026-03-14", &day, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_grams); i++)
    {
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, cheddar, bad_grams[i], NULL, 0);
      g_autoptr(GError) error = NULL;

      g_assert_false (cf_diary_add (diary, entry, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_grams); i++)
    {
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, cheddar, good_grams[i], NULL, 0);
      g_autoptr(GError) error = NULL;

      g_assert_true (cf_diary_add (diary, entry, &error));
      g_assert_no_error (error);
    }

  /* Portion quantities of 1e12 and 1e-300 */
  {
    g_autoptr(CfDiaryEntry) many = cf_diary_entry_new (&day, CF_MEAL_LUNCH, cheddar, 30, pinch, 1e12);
    g_autoptr(CfDiaryEntry) few = cf_diary_entry_new (&day, CF_MEAL_LUNCH, cheddar, 30, pinch, 1e-300);
    g_autoptr(GError) error = NULL;

    g_assert_false (cf_diary_add (diary, many, &error));
    g_assert_nonnull (strstr (error->message, "from 0.001 to 10000"));
    g_clear_error (&error);
    g_assert_false (cf_diary_add (diary, few, &error));
    g_assert_nonnull (strstr (error->message, "from 0.001 to 10000"));
  }

  /* A name longer than any food's */
  long_name = cf_food_new_custom (name);
  {
    g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, long_name, 30, NULL, 0);
    g_autoptr(GError) error = NULL;

    g_assert_false (cf_diary_add (diary, entry, &error));
    g_assert_nonnull (strstr (error->message, "longer than 200 characters"));
  }

  g_assert_cmpuint (cf_diary_count_entries (diary), ==, G_N_ELEMENTS (good_grams));
}

/* Foods: 10,000 measures, measures of 1e12 or 1e-300, and protein and
 * fat that add up to more than 100 g */
static void
test_food_bounds (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  CfFoodField field;
  guint index;

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Many measures");

    for (guint i = 0; i < 10000; i++)
      {
        g_autofree char *description = g_strdup_printf ("measure %u", i);
        g_autoptr(CfPortion) portion = cf_portion_new (1, description, 10);

        cf_food_add_portion (food, portion);
      }
    g_assert_false (cf_food_store_save_custom_food (store, food, &error));
    g_assert_nonnull (strstr (error->message, "at most 100 measures"));
    g_clear_error (&error);
  }

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Huge measure");
    g_autoptr(CfPortion) portion = cf_portion_new (1e12, "grain", 10);

    cf_food_add_portion (food, portion);
    g_assert_false (cf_food_validate_full (food, &field, &index, &error));
    g_assert_cmpint (field, ==, CF_FOOD_FIELD_PORTION_AMOUNT);
    g_clear_error (&error);
  }

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Weightless measure");
    g_autoptr(CfPortion) portion = cf_portion_new (1, "speck", 1e-300);

    cf_food_add_portion (food, portion);
    g_assert_false (cf_food_validate_full (food, &field, &index, &error));
    g_assert_cmpint (field, ==, CF_FOOD_FIELD_PORTION_GRAMS);
    g_clear_error (&error);
  }

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Impossible");
    g_autoptr(CfNutrients) n = cf_nutrients_new ();

    cf_nutrients_set (n, CF_NUTRIENT_FAT, 60);
    cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 60);
    cf_food_set_nutrients (food, n);
    g_assert_false (cf_food_validate_full (food, &field, &index, &error));
    g_assert_cmpint (field, ==, CF_FOOD_FIELD_NUTRIENT);
    g_assert_cmpint (index, ==, CF_NUTRIENT_FAT);
    g_assert_nonnull (strstr (error->message, "120.0 g"));
    g_clear_error (&error);

    /* Rounding in food tables is allowed for: USDA has oils at 100.16 g */
    cf_nutrients_set (n, CF_NUTRIENT_FAT, 99.6);
    cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 0.56);
    cf_food_set_nutrients (food, n);
    g_assert_true (cf_food_validate_full (food, &field, &index, &error));
    g_assert_no_error (error);
  }
}

/* A recipe may not contain itself at any depth, whoever saves it: the
 * editor's path (the store) is refused by the database itself */
static void
test_recipe_cycle_store (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) base = save_food (store, "Base");
  g_autoptr(CfRecipe) a = cf_recipe_new ("Soup");
  g_autoptr(CfRecipe) b = cf_recipe_new ("Stock");
  g_autoptr(CfRecipe) c = cf_recipe_new ("Broth");
  g_autoptr(CfFood) b_food = NULL;
  g_autoptr(CfFood) c_food = NULL;
  g_autoptr(CfFood) a_food = NULL;
  g_autoptr(CfRecipe) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* Soup has Stock, Stock has Broth, Broth has Base */
  cf_recipe_add_ingredient (c, base, 100, NULL, 0);
  g_assert_true (cf_food_store_save_recipe (store, c, &error));
  c_food = cf_food_store_get_food (store, cf_recipe_get_id (c), &error);
  cf_recipe_add_ingredient (b, c_food, 100, NULL, 0);
  g_assert_true (cf_food_store_save_recipe (store, b, &error));
  b_food = cf_food_store_get_food (store, cf_recipe_get_id (b), &error);
  cf_recipe_add_ingredient (a, b_food, 100, NULL, 0);
  g_assert_true (cf_food_store_save_recipe (store, a, &error));
  g_assert_no_error (error);

  /* Broth gets Soup: Soup → Stock → Broth → Soup */
  a_food = cf_food_store_get_food (store, cf_recipe_get_id (a), &error);
  cf_recipe_add_ingredient (c, a_food, 50, NULL, 0);
  g_assert_false (cf_food_store_save_recipe (store, c, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A recipe cannot contain itself, not even through other recipes");
  g_clear_error (&error);

  /* Broth is as it was */
  loaded = cf_food_store_get_recipe (store, cf_recipe_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_recipe_get_ingredients (loaded)), ==, 1);
}

static char *
recipe_json (const char *id,
             const char *name,
             const char *ingredient_id,
             const char *ingredient_name)
{
  return g_strdup_printf ("{\"id\":\"%s\",\"kind\":\"recipe\",\"name\":\"%s\",\"per_100g\":{},"
                          "\"recipe\":{\"ingredients\":[{\"food\":{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"recipe\"},"
                          "\"grams\":100,\"per_100g\":{\"calcium\":10}}]}}",
                          id, name, ingredient_id, ingredient_name);
}

#define ID_A "custom:00000000-0000-4000-8000-00000000000a"
#define ID_B "custom:00000000-0000-4000-8000-00000000000b"
#define ID_C "custom:00000000-0000-4000-8000-00000000000c"

/* Import: A has B and B has A in one file; or the cycle closes through
 * a recipe already stored.  Refused before anything is written, naming
 * the chain */
static void
test_recipe_cycle_import (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = recipe_json (ID_A, "Soup", ID_B, "Stock");
  g_autofree char *b = recipe_json (ID_B, "Stock", ID_A, "Soup");
  g_autofree char *c = recipe_json (ID_C, "Broth", ID_A, "Soup");
  g_autofree char *a2 = recipe_json (ID_A, "Soup", ID_C, "Broth");
  g_autofree char *both = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[%s,%s]}", a, b);
  g_autofree char *first = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[%s]}", c);
  g_autofree char *second = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[%s]}", a2);
  gint64 foods = 0;

  g_assert_false (cf_import_from_data (context, both, -1, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==,
                   "foods[0].recipe.ingredients: a recipe cannot contain itself, not even through other recipes: "
                   "“Soup” → “Stock” → “Soup”");
  g_clear_error (&error);
  g_assert_true (cf_database_count (cf_context_get_database (context), NULL, &foods, NULL));
  g_assert_cmpint (foods, ==, 0);

  /* Broth (has Soup) stored; Soup (has Broth) imported later */
  g_assert_true (cf_import_from_data (context, first, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cf_import_from_data (context, second, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“Soup” → “Broth” → “Soup”"));
}

/* recipe-add: a recipe spec whose ingredient already contains it */
static void
test_recipe_cycle_spec (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfRecipe) soup = NULL;
  g_autoptr(CfRecipe) stock = NULL;
  g_autoptr(CfRecipe) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *spec = NULL;

  node = json_from_string ("{\"name\":\"Soup\",\"ingredients\":[{\"food\":\"usda:01009\",\"amount\":\"30g\"}]}", NULL);
  soup = cf_json_read_recipe_spec (store, node, &error);
  g_assert_no_error (error);
  g_assert_true (cf_food_store_save_recipe (store, soup, &error));
  json_node_unref (node);

  spec = g_strdup_printf ("{\"name\":\"Stock\",\"ingredients\":[{\"food\":\"%s\",\"grams\":30}]}", cf_recipe_get_id (soup));
  node = json_from_string (spec, NULL);
  stock = cf_json_read_recipe_spec (store, node, &error);
  g_assert_no_error (error);
  g_assert_true (cf_food_store_save_recipe (store, stock, &error));
  json_node_unref (node);
  g_free (spec);

  /* Soup replaced by one that has Stock, in upper case */
  {
    g_autofree char *soup_id = g_ascii_strup (cf_recipe_get_id (soup), -1);
    g_autofree char *stock_id = g_ascii_strup (cf_recipe_get_id (stock), -1);

    spec = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"Soup\",\"ingredients\":[{\"food\":\"%s\",\"grams\":30}]}",
                            soup_id, stock_id);
    node = json_from_string (spec, NULL);
  }
  again = cf_json_read_recipe_spec (store, node, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "recipe.ingredients: a recipe cannot contain itself"));
}

/* The same UUID in upper case is the same entry, not a second one */
static void
test_ids_case (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *upper = g_ascii_strup (ENTRY_ID, -1);
  g_autofree char *lower_file = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"%s\","
                                                 "\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\","
                                                 "\"name\":\"Cheese\"},\"grams\":30,\"per_100g\":{}}]}", ENTRY_ID);
  g_autofree char *upper_file = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"%s\","
                                                 "\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"USDA:01009\","
                                                 "\"name\":\"Cheese\"},\"grams\":40,\"per_100g\":{}}]}", upper);
  g_autofree char *both = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":["
                                           "{\"id\":\"%s\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"Cheese\"},\"grams\":30,\"per_100g\":{}},"
                                           "{\"id\":\"%s\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"Cheese\"},\"grams\":30,\"per_100g\":{}}]}",
                                           ENTRY_ID, upper);
  g_autofree char *food_file = g_strdup ("{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":["
                                         "{\"id\":\"CUSTOM:1F0E2D3C-4B5A-4968-8776-655443322110\",\"name\":\"Kefir\",\"per_100g\":{}}]}");
  g_autoptr(CfFood) kefir = NULL;

  g_assert_true (cf_import_from_data (context, lower_file, -1, NULL, &error));
  g_assert_true (cf_import_from_data (context, upper_file, -1, NULL, &error));
  g_assert_no_error (error);
  entries = cf_diary_list_range (cf_context_get_diary (context), NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (cf_diary_entry_get_id (g_ptr_array_index (entries, 0)), ==, ENTRY_ID);
  g_assert_cmpstr (cf_diary_entry_get_food_id (g_ptr_array_index (entries, 0)), ==, "usda:01009");
  g_assert_cmpfloat (cf_diary_entry_get_grams (g_ptr_array_index (entries, 0)), ==, 40);

  g_assert_false (cf_import_from_data (context, both, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "entries[1].id"));
  g_assert_nonnull (strstr (error->message, "appears twice"));
  g_clear_error (&error);

  g_assert_true (cf_import_from_data (context, food_file, -1, NULL, &error));
  kefir = cf_food_store_get_food (cf_context_get_food_store (context), "custom:1f0e2d3c-4b5a-4968-8776-655443322110", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_food_get_name (kefir), ==, "Kefir");
}

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A diary written before: twins that differ in case are kept, each with
 * its data, under ids in lower case */
static void
test_migrate_ids (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  CfDatabase *db;

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 /* Undo what migrations 5 and 6 made */
                                 "DROP TRIGGER recipe_ingredient_no_cycle;"
                                 "ALTER TABLE entry DROP COLUMN borrowed;"
                                 "ALTER TABLE entry DROP COLUMN assumed;"
                                 "INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified)"
                                 " VALUES ('" ENTRY_ID "', '2026-01-01', 'lunch', 'custom:ABCDEF01-0000-4000-8000-000000000001', 'A', 30, 'x', 'x'),"
                                 "        ('0B6C3D1E-5D8A-4A59-9D0F-3C2B1A000001', '2026-01-01', 'lunch', 'usda:01009', 'B', 40, 'x', 'x'),"
                                 "        ('0B6C3D1E-5D8A-4A59-9D0F-3C2B1A000002', '2026-01-01', 'lunch', 'usda:01009', 'C', 50, 'x', 'x');"
                                 "INSERT INTO custom_food (id, name, created, modified)"
                                 " VALUES ('custom:ABCDEF01-0000-4000-8000-000000000001', 'Upper', 'x', 'x'),"
                                 "        ('custom:abcdef01-0000-4000-8000-000000000001', 'Lower', 'x', 'x');"
                                 "INSERT INTO favourite (food_id, added) VALUES ('custom:ABCDEF01-0000-4000-8000-000000000001', 'x'),"
                                 "  ('custom:abcdef01-0000-4000-8000-000000000001', 'y');"
                                 "PRAGMA user_version = 4;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);
  g_object_unref (db);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry"), ==, 3);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id <> lower (id) OR food_id <> lower (food_id)"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(DISTINCT id) FROM entry"), ==, 3);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id = '" ENTRY_ID "'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id = '0b6c3d1e-5d8a-4a59-9d0f-3c2b1a000002'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT sum(grams) FROM entry"), ==, 120);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM custom_food"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM custom_food WHERE id = lower (id) AND id GLOB 'custom:*'"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM favourite"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM favourite WHERE food_id = lower (food_id)"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'recipe_ingredient_no_cycle'"), ==, 1);

  cf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/bounds/entries", test_entry_bounds);
  g_test_add_func ("/cofactor/bounds/foods", test_food_bounds);
  g_test_add_func ("/cofactor/bounds/recipe-cycle-store", test_recipe_cycle_store);
  g_test_add_func ("/cofactor/bounds/recipe-cycle-import", test_recipe_cycle_import);
  g_test_add_func ("/cofactor/bounds/recipe-cycle-spec", test_recipe_cycle_spec);
  g_test_add_func ("/cofactor/bounds/ids-case", test_ids_case);
  g_test_add_func ("/cofactor/bounds/migrate-ids", test_migrate_ids);

  return g_test_run ();
}
