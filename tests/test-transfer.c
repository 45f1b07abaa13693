/* test-transfer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cf-date.h"
#include "cf-demo.h"
#include "cf-diary-entry-private.h"
#include "cf-error.h"
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

#define ENTRY_ID "0b6c3d1e-5d8a-4a59-9d0f-3c2b1a000001"
#define FOOD_ID  "custom:1f0e2d3c-4b5a-4968-8776-655443322110"

/* The export without its time stamp, to compare database contents */
static char *
export_state (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cf_export_to_data (context, &error);
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported\" : \"[^\"]*\"", 0, 0, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (data);

  return g_regex_replace_literal (stamp, data, -1, 0, "", 0, NULL);
}

static void
fill (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) cheddar = cf_food_store_get_food (store, "usda:01009", &error);
  g_autoptr(CfFood) broccoli = cf_food_store_get_food (store, "usda:11090", &error);
  g_autoptr(CfFood) supplement = cf_food_new_custom ("Vitamin D3 drops «Sonne»");
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfPortion) drop = cf_portion_new (1, "drop", 0.03);
  g_autoptr(CfPortion) cup = g_list_model_get_item (cf_food_get_portions (broccoli), 0);
  g_autoptr(CfDiaryEntry) e1 = NULL;
  g_autoptr(CfDiaryEntry) e2 = NULL;
  g_autoptr(CfDiaryEntry) e3 = NULL;
  GDate day;

  g_assert_no_error (error);

  cf_nutrients_set (n, CF_NUTRIENT_VITAMIN_D, 10 * 100 / 0.03);
  cf_nutrients_set (n, CF_NUTRIENT_ENERGY, 0);
  cf_food_set_nutrients (supplement, n);
  cf_food_set_kind (supplement, CF_FOOD_KIND_SUPPLEMENT);
  cf_food_set_note (supplement, "2 drops a day");
  cf_food_add_portion (supplement, drop);
  g_assert_true (cf_food_store_save_custom_food (store, supplement, &error));

  cf_day_parse ("2026-03-14", &day, NULL);
  e1 = cf_diary_entry_new (&day, CF_MEAL_BREAKFAST, cheddar, 28.35, NULL, 0);
  e2 = cf_diary_entry_new (&day, CF_MEAL_DINNER, broccoli, 136.5, cup, 1.5);
  e3 = cf_diary_entry_new (&day, CF_MEAL_SUPPLEMENTS, supplement, 0.06, drop, 2);
  g_assert_true (cf_diary_add (cf_context_get_diary (context), e1, &error));
  g_assert_true (cf_diary_add (cf_context_get_diary (context), e2, &error));
  g_assert_true (cf_diary_add (cf_context_get_diary (context), e3, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (TRUE);
  g_autoptr(CfContext) target = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autoptr(CfNutrientTotals) a = NULL;
  g_autoptr(CfNutrientTotals) b = NULL;
  CfImportCounts counts;
  GDate day;

  fill (source);
  data = cf_export_to_data (source, &error);
  g_assert_no_error (error);

  g_assert_true (cf_import_from_data (target, data, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.foods, ==, 1);
  g_assert_cmpuint (counts.entries, ==, 3);

  before = export_state (source);
  after = export_state (target);
  g_assert_cmpstr (before, ==, after);

  /* Importing the same file again changes nothing */
  g_assert_true (cf_import_from_data (target, data, -1, &counts, &error));
  again = export_state (target);
  g_assert_cmpstr (after, ==, again);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (target)), ==, 3);

  /* Same totals, to the last bit */
  cf_day_parse ("2026-03-14", &day, NULL);
  a = cf_diary_get_totals (cf_context_get_diary (source), &day, &day, -1, &error);
  b = cf_diary_get_totals (cf_context_get_diary (target), &day, &day, -1, &error);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      g_assert_cmpfloat (a->sum[i], ==, b->sum[i]);
      g_assert_cmpfloat (a->known_grams[i], ==, b->known_grams[i]);
    }
}

static void
test_file_round_trip (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (TRUE);
  g_autoptr(CfContext) target = cf_test_context_new (FALSE);
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (source);
  g_assert_true (cf_export_to_file (source, file, &error));
  g_assert_no_error (error);

  /* A diary without the reference foods still imports in full */
  g_assert_true (cf_import_from_file (target, file, NULL, &error));
  g_assert_no_error (error);

  before = export_state (source);
  after = export_state (target);
  g_assert_cmpstr (before, ==, after);

  cf_test_remove_tree (dir);
}

static const struct {
  const char *name;
  const char *json;
  const char *message;
} malformed[] = {
  { "empty", "", "empty" },
  { "not-json", "{ \"format\": ", "not valid JSON" },
  { "syntax-line", "{\n  \"format\": \"cofactor-diary\",\n  \"version\": 1,\n  \"entries\": [ , ]\n}", "line 4, column 16 (at entries[0]): a value is missing" },
  { "not-utf8", "{\"format\":\"cofactor-diary\xff\"}", "UTF-8" },
  { "array-root", "[]", "not a Cofactor export" },
  { "wrong-format", "{\"format\":\"other\",\"version\":1}", "not a Cofactor export" },
  { "no-format", "{\"version\":1}", "not a Cofactor export" },
  { "no-version", "{\"format\":\"cofactor-diary\"}", "version" },
  { "newer-version", "{\"format\":\"cofactor-diary\",\"version\":2}", "newer version" },
  { "fraction-version", "{\"format\":\"cofactor-diary\",\"version\":1.5}", "version" },
  { "foods-not-array", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":{}}", "foods: must be a list" },
  { "food-not-object", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[1]}", "foods[0]" },
  { "food-bad-id", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"usda:01009\",\"name\":\"x\",\"per_100g\":{}}]}", "foods[0].id" },
  { "food-no-name", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"per_100g\":{}}]}", "foods[0].name: missing" },
  { "food-blank-name", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"   \",\"per_100g\":{}}]}", "foods[0]" },
  { "food-bad-kind", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"kind\":\"pill\",\"name\":\"x\",\"per_100g\":{}}]}", "foods[0].kind" },
  { "food-unknown-nutrient", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{\"vitamin_q\":1}}]}", "foods[0].per_100g.vitamin_q: unknown nutrient" },
  { "food-negative", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{\"calcium\":-1}}]}", "foods[0].per_100g" },
  { "food-string-value", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{\"calcium\":\"12\"}}]}", "per_100g.calcium: must be a number" },
  { "food-too-much", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{\"protein\":101}}]}", "foods[0].per_100g" },
  { "food-bad-portion", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{},\"portions\":[{\"amount\":1,\"description\":\"cup\",\"grams\":0}]}]}", "foods[0].portions[0]" },
  { "food-duplicate", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{}},{\"id\":\"" FOOD_ID "\",\"name\":\"y\",\"per_100g\":{}}]}", "foods[1].id" },
  { "entry-no-id", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].id: missing" },
  { "entry-bad-uuid", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"42\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].id" },
  { "entry-bad-date", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-02-30\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].date" },
  { "entry-relative-date", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"today\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].date" },
  { "entry-bad-meal", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"brunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].meal" },
  { "entry-no-food", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"grams\":1,\"per_100g\":{}}]}", "entries[0].food: missing" },
  { "entry-bad-food-id", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"bread\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}", "entries[0].food.id" },
  { "entry-zero-grams", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":0,\"per_100g\":{}}]}", "entries[0].grams" },
  { "entry-huge-grams", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1e12,\"per_100g\":{}}]}", "entries[0].grams" },
  { "entry-string-grams", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":\"5\",\"per_100g\":{}}]}", "entries[0].grams: must be a number" },
  { "entry-bad-portion", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"portion\":{\"quantity\":-1,\"description\":\"cup\"},\"per_100g\":{}}]}", "entries[0].portion" },
  { "entry-no-nutrients", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5}]}", "entries[0].per_100g: missing" },
  { "entry-duplicate", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"per_100g\":{}},{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"per_100g\":{}}]}", "entries[1].id" },
  /* Out of bounds (cf-limits.h) */
  { "entry-tiny-grams", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1e-300,\"per_100g\":{}}]}", "entries[0].grams: The amount must be at least 0.001 g" },
  { "entry-huge-quantity", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"portion\":{\"quantity\":1e12,\"description\":\"cup\"},\"per_100g\":{}}]}", "entries[0].portion.quantity: The number of measures must be from 0.001 to 10000" },
  { "entry-macros", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"per_100g\":{\"fat\":60,\"protein\":60}}]}", "entries[0].per_100g: Protein, fat and carbohydrate add up to 120.0 g" },
  { "food-macros", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{\"fat\":60,\"protein\":60}}]}", "foods[0].per_100g: Protein, fat and carbohydrate add up" },
  { "food-huge-portion-amount", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{},\"portions\":[{\"amount\":1e12,\"description\":\"grain\",\"grams\":1}]}]}", "foods[0].portions[0].amount" },
  { "food-weightless-portion", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"x\",\"per_100g\":{},\"portions\":[{\"amount\":1,\"description\":\"speck\",\"grams\":1e-300}]}]}", "foods[0].portions[0].grams" },
  /* Not JSON, though json-glib alone would read it */
  { "hex-number", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":0x10,\"per_100g\":{}}]}", "(at entries[0].grams): not a JSON number" },
  { "leading-point", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":.5,\"per_100g\":{}}]}", "not a JSON number" },
  { "trailing-point", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5.,\"per_100g\":{}}]}", "decimal point" },
  { "huge-whole-number", "{\"format\":\"cofactor-diary\",\"version\":99999999999999999999}", "too large" },
  { "infinite-number", "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":1e999,\"per_100g\":{}}]}", "too large" },
  { "single-quotes", "{'format':'cofactor-diary'}", "member name" },
  { "whitespace-only", "  \n\t  \r\n", "empty or only white space" },
  { "trailing-text", "{\"format\":\"cofactor-diary\",\"version\":1} x", "more after the end" },
  { "nul-in-name", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Kefir\\u0000 and more\",\"per_100g\":{}}]}", "(at foods[0].name): text must not contain the character U+0000" },
  /* A valid food followed by a bad entry: the food must not land either */
  { "good-then-bad", "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Fine food\",\"per_100g\":{\"calcium\":10}}],\"entries\":[{\"id\":\"" ENTRY_ID "\",\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"" FOOD_ID "\",\"name\":\"Fine food\"},\"grams\":5,\"per_100g\":{}},{\"id\":\"nope\"}]}", "entries[1]" },
};

static void
test_malformed (gconstpointer user_data)
{
  guint i = GPOINTER_TO_UINT (user_data);
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CfImportCounts counts = { 99, 99 };

  fill (context);
  before = export_state (context);

  g_assert_false (cf_import_from_data (context, malformed[i].json, -1, &counts, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  if (strstr (error->message, malformed[i].message) == NULL)
    g_error ("%s: “%s” does not mention “%s”", malformed[i].name, error->message, malformed[i].message);

  /* Nothing changed */
  after = export_state (context);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (counts.foods, ==, 99);
}

static void
test_missing_file (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/cofactor.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (cf_import_from_file (context, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_null_means_no_value (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = NULL;
  const char *json = "{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\","
                     "\"name\":\"Kefir\",\"per_100g\":{\"calcium\":null,\"magnesium\":0}}]}";

  g_assert_true (cf_import_from_data (context, json, -1, NULL, &error));
  g_assert_no_error (error);
  food = cf_food_store_get_food (cf_context_get_food_store (context), FOOD_ID, &error);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (food), CF_NUTRIENT_CALCIUM));
  g_assert_true (cf_nutrients_has (cf_food_get_nutrients (food), CF_NUTRIENT_MAGNESIUM));
}

/* Entries imported from another tracker go out with their origin and,
 * without a weight, with their amounts; they come back the same, and a
 * check writes nothing */
static void
test_imported_entries (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (FALSE);
  g_autoptr(CfContext) target = cf_test_context_new (FALSE);
  g_autoptr(CfNutrients) amounts = cf_nutrients_new ();
  g_autoptr(CfDiaryEntry) weighed = NULL;
  g_autoptr(CfDiaryEntry) meal = NULL;
  g_autoptr(CfDiaryEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bad = NULL;
  CfImportCounts counts = { 0, };
  GDate day;

  cf_day_parse ("2026-03-14", &day, NULL);
  cf_nutrients_set (amounts, CF_NUTRIENT_CALCIUM, 40);
  cf_nutrients_set (amounts, CF_NUTRIENT_VITAMIN_K_UNSTATED, 1.5);
  weighed = _cf_diary_entry_new_imported ("00000000-0000-5000-8000-000000000001", &day, CF_MEAL_BREAKFAST,
                                          "cronometer:0123abcd", "Yogurt, plain", 80, amounts,
                                          CF_ENTRY_ORIGIN_CRONOMETER, "80.00 g", NULL);
  cf_nutrients_set (amounts, CF_NUTRIENT_ENERGY, 640);
  meal = _cf_diary_entry_new_imported ("00000000-0000-5000-8000-000000000002", &day, CF_MEAL_SNACKS,
                                       "myfitnesspal:9abc", "Elevenses (meal total)", NAN, amounts,
                                       CF_ENTRY_ORIGIN_MYFITNESSPAL, NULL, "Elevenses");
  g_assert_true (cf_diary_add (cf_context_get_diary (source), weighed, &error));
  g_assert_true (cf_diary_add (cf_context_get_diary (source), meal, &error));
  g_assert_no_error (error);

  data = cf_export_to_data (source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"amounts\""));
  g_assert_nonnull (strstr (data, "\"myfitnesspal\""));

  g_assert_true (cf_import_check_data (target, data, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entries, ==, 2);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (target)), ==, 0);

  g_assert_true (cf_import_from_data (target, data, -1, &counts, &error));
  g_assert_no_error (error);
  before = export_state (source);
  after = export_state (target);
  g_assert_cmpstr (before, ==, after);

  loaded = cf_diary_get_entry (cf_context_get_diary (target), "00000000-0000-5000-8000-000000000002", &error);
  g_assert_no_error (error);
  g_assert_false (cf_diary_entry_has_weight (loaded));
  g_assert_cmpint (cf_diary_entry_get_origin (loaded), ==, CF_ENTRY_ORIGIN_MYFITNESSPAL);
  g_assert_cmpstr (cf_diary_entry_get_origin_meal (loaded), ==, "Elevenses");
  g_assert_cmpfloat (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_ENERGY), ==, 640);

  /* An entry without a weight must come from a tracker */
  bad = g_strdup ("{ \"format\": \"cofactor-diary\", \"version\": 1, \"entries\": [ {"
                  " \"id\": \"00000000-0000-5000-8000-000000000009\", \"date\": \"2026-03-14\","
                  " \"meal\": \"lunch\", \"food\": { \"id\": \"usda:01009\", \"name\": \"Cheese\" },"
                  " \"amounts\": { \"calcium\": 100 } } ] }");
  g_assert_false (cf_import_check_data (target, bad, -1, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  g_assert_true (g_str_has_prefix (error->message, "entries[0].grams"));
  g_clear_error (&error);
}

/* Extreme but valid values: the export is strict JSON (no "1e-300.0")
 * and imports back to exactly the same diary */
static void
test_extreme_round_trip (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfContext) other = cf_test_context_new (TRUE);
  g_autoptr(CfFood) food = cf_food_new_custom ("Extremes");
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfPortion) crumb = cf_portion_new (0.001, "crumb", 0.001);
  g_autoptr(CfPortion) sack = cf_portion_new (1.0 / 3, "third of a sack", 5000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *data = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const double grams[] = { 0.001, 5000, 1.0 / 3, 0.1 + 0.2, 123.456789012345678 };
  CfFoodStore *store = cf_context_get_food_store (context);
  GDate day;

  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 1e-300);
  cf_nutrients_set (n, CF_NUTRIENT_MAGNESIUM, 4.9406564584124654e-324);
  cf_nutrients_set (n, CF_NUTRIENT_VITAMIN_D, 1e8);
  cf_nutrients_set (n, CF_NUTRIENT_ENERGY, 900);
  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 100.0 / 3);
  cf_nutrients_set (n, CF_NUTRIENT_FAT, 0);
  cf_food_set_nutrients (food, n);
  cf_food_add_portion (food, crumb);
  cf_food_add_portion (food, sack);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  cf_day_parse ("2026-03-14", &day, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (grams); i++)
    {
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, food, grams[i], NULL, 0);

      g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_DINNER, food, 0.001, crumb, 1);
    gboolean added = cf_diary_add (cf_context_get_diary (context), entry, &error);

    g_assert_no_error (error);
    g_assert_true (added);
  }

  data = cf_export_to_data (context, &error);
  g_assert_no_error (error);
  g_assert_true (cf_json_check (data, strlen (data), CF_MAX_JSON_DEPTH, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (data, "e-300.0"));

  g_assert_true (cf_import_from_data (other, data, -1, NULL, &error));
  g_assert_no_error (error);

  first = export_state (context);
  second = export_state (other);
  g_assert_cmpstr (first, ==, second);

  /* Bit for bit */
  a = cf_diary_list_range (cf_context_get_diary (context), NULL, NULL, &error);
  b = cf_diary_list_range (cf_context_get_diary (other), NULL, NULL, &error);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CfDiaryEntry *x = g_ptr_array_index (a, i);
      CfDiaryEntry *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (cf_diary_entry_get_id (x), ==, cf_diary_entry_get_id (y));
      g_assert_cmpfloat (cf_diary_entry_get_grams (x), ==, cf_diary_entry_get_grams (y));
      for (guint k = 0; k < CF_N_NUTRIENTS; k++)
        {
          double vx = cf_diary_entry_get_nutrient (x, k);
          double vy = cf_diary_entry_get_nutrient (y, k);

          g_assert_true ((isnan (vx) && isnan (vy)) || vx == vy);
        }
    }
}

/* 100,000 nested lists (200 KB) crashed the JSON parser; now refused */
static void
test_deep_nesting (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GError) error = NULL;
  gsize n = 100000;
  g_autofree char *data = g_malloc (2 * n);

  memset (data, '[', n);
  memset (data + n, ']', n);
  g_assert_false (cf_import_from_data (context, data, 2 * n, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "nested more than"));
}

/* A file whose size is unknown until read: refused as it is read */
static void
test_endless_file (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;

  g_assert_false (cf_import_from_file (context, zero, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

/* Lists longer than their bound are refused before their elements are
 * read; a name longer than any is refused too */
static void
test_list_bounds (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GString) portions = g_string_new (NULL);
  g_autoptr(GString) favourites = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *food = NULL;
  g_autofree char *favs = NULL;
  g_autofree char *name = g_strnfill (201, 'n');
  g_autofree char *named = NULL;

  for (guint i = 0; i <= CF_MAX_PORTIONS; i++)
    g_string_append_printf (portions, "%s{\"amount\":1,\"description\":\"m%u\",\"grams\":1}", i ? "," : "", i);
  food = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"foods\":[{\"id\":\"" FOOD_ID "\","
                          "\"name\":\"x\",\"per_100g\":{},\"portions\":[%s]}]}", portions->str);
  g_assert_false (cf_import_from_data (context, food, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "foods[0].portions: has more than 100 elements"));
  g_clear_error (&error);

  for (guint i = 0; i <= CF_MAX_IMPORT_FAVOURITES; i++)
    g_string_append_printf (favourites, "%s{\"food\":\"usda:01009\"}", i ? "," : "");
  favs = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"favourites\":[%s]}", favourites->str);
  g_assert_false (cf_import_from_data (context, favs, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "favourites: has more than 100000 elements"));
  g_clear_error (&error);

  named = g_strdup_printf ("{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{\"id\":\"" ENTRY_ID "\","
                           "\"date\":\"2026-01-01\",\"meal\":\"lunch\",\"food\":{\"id\":\"usda:01009\",\"name\":\"%s\"},"
                           "\"grams\":5,\"per_100g\":{}}]}", name);
  g_assert_false (cf_import_from_data (context, named, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "entries[0]: The food name is longer than 200 characters"));
}

/* An import never doubles the diary: the same file twice, an export of
 * the demo into a demo made again (other ids), and like matched with
 * like one to one */
static void
test_no_second_copy (void)
{
  g_autoptr(CfContext) first = cf_test_context_new (TRUE);
  g_autoptr(CfContext) again = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CfImportCounts counts = { 0, };
  guint n;
  GDate today;

  g_date_set_dmy (&today, 4, 12, 2026);
  g_assert_true (cf_demo_fill (first, &today, 14, &error));
  g_assert_no_error (error);
  data = cf_export_to_data (first, &error);
  g_assert_no_error (error);
  n = cf_diary_count_entries (cf_context_get_diary (first));
  g_assert_cmpuint (n, >, 50);

  /* The same file into the same diary: every entry there by id */
  g_assert_true (cf_import_check_data (first, data, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entries, ==, n);
  g_assert_cmpuint (counts.new_entries, ==, 0);
  g_assert_true (cf_import_from_data (first, data, -1, &counts, &error));
  g_assert_true (cf_import_from_data (first, data, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (first)), ==, n);

  /* The demo made again has the same entries under other ids: none is
   * new, and the diary keeps one copy of each */
  g_assert_true (cf_demo_fill (again, &today, 14, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (again)), ==, n);
  before = export_state (again);
  g_assert_true (cf_import_check_data (again, data, -1, &counts, &error));
  g_assert_cmpuint (counts.new_entries, ==, 0);
  g_assert_true (cf_import_from_data (again, data, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.new_entries, ==, 0);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (again)), ==, n);
  after = export_state (again);
  g_assert_cmpstr (before, ==, after);

  /* Two cups of the same on a day in the file, one in the diary under
   * another id: one of them is new */
  {
    g_autoptr(CfContext) mine = cf_test_context_new (TRUE);
    g_autoptr(CfContext) other = cf_test_context_new (TRUE);
    g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (mine), "usda:01009", &error);
    g_autoptr(CfDiaryEntry) a = NULL;
    g_autoptr(CfDiaryEntry) b = NULL;
    g_autoptr(CfDiaryEntry) c = NULL;
    g_autoptr(CfDiaryEntry) other_day = NULL;
    g_autofree char *two = NULL;
    GDate day, next;

    g_assert_no_error (error);
    cf_day_parse ("2026-03-14", &day, NULL);
    cf_day_parse ("2026-03-15", &next, NULL);
    a = cf_diary_entry_new (&day, CF_MEAL_BREAKFAST, cheddar, 28.35, NULL, 0);
    b = cf_diary_entry_new (&day, CF_MEAL_BREAKFAST, cheddar, 28.35, NULL, 0);
    c = cf_diary_entry_new (&day, CF_MEAL_BREAKFAST, cheddar, 28.35, NULL, 0);
    other_day = cf_diary_entry_new (&next, CF_MEAL_BREAKFAST, cheddar, 28.35, NULL, 0);
    g_assert_true (cf_diary_add (cf_context_get_diary (other), a, &error));
    g_assert_true (cf_diary_add (cf_context_get_diary (other), b, &error));
    g_assert_true (cf_diary_add (cf_context_get_diary (other), other_day, &error));
    g_assert_true (cf_diary_add (cf_context_get_diary (mine), c, &error));
    g_assert_no_error (error);
    two = cf_export_to_data (other, &error);
    g_assert_no_error (error);

    g_assert_true (cf_import_check_data (mine, two, -1, &counts, &error));
    g_assert_cmpuint (counts.entries, ==, 3);
    g_assert_cmpuint (counts.new_entries, ==, 2);
    g_assert_true (cf_import_from_data (mine, two, -1, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (mine)), ==, 3);

    /* And again: the two written are there by id, the third as before */
    g_assert_true (cf_import_check_data (mine, two, -1, &counts, &error));
    g_assert_cmpuint (counts.new_entries, ==, 0);
    g_assert_true (cf_import_from_data (mine, two, -1, &counts, &error));
    g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (mine)), ==, 3);
  }
}

/* The time a food became a favourite goes out as it came in, in UTC
 * with a four-digit year, and imports again */
static void
test_favourite_times (void)
{
  g_autoptr(CfContext) first = cf_test_context_new (TRUE);
  g_autoptr(CfContext) second = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *in = "{ \"format\": \"cofactor-diary\", \"version\": 1, \"favourites\": ["
                   " { \"food\": \"usda:01009\", \"added\": \"0226-03-10T18:22:05Z\" },"
                   " { \"food\": \"usda:11090\", \"added\": \"2026-03-10T20:22:05+02:00\" } ] }";
  const char *out_of_range = "{ \"format\": \"cofactor-diary\", \"version\": 1, \"favourites\": ["
                             " { \"food\": \"usda:01009\", \"added\": \"0001-01-01T00:30:00+01:00\" } ] }";

  g_assert_true (cf_import_from_data (first, in, -1, NULL, &error));
  g_assert_no_error (error);
  data = cf_export_to_data (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"0226-03-10T18:22:05Z\""));
  g_assert_nonnull (strstr (data, "\"2026-03-10T18:22:05Z\""));

  g_assert_true (cf_import_from_data (second, data, -1, NULL, &error));
  g_assert_no_error (error);
  before = export_state (first);
  after = export_state (second);
  g_assert_cmpstr (before, ==, after);

  /* Before the year 1 in UTC: refused, with where it is */
  g_assert_false (cf_import_from_data (second, out_of_range, -1, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  g_assert_true (g_str_has_prefix (error->message, "favourites[0].added"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/transfer/round-trip", test_round_trip);
  g_test_add_func ("/cofactor/transfer/file-round-trip", test_file_round_trip);
  g_test_add_func ("/cofactor/transfer/missing-file", test_missing_file);
  g_test_add_func ("/cofactor/transfer/null-means-no-value", test_null_means_no_value);
  g_test_add_func ("/cofactor/transfer/extreme-round-trip", test_extreme_round_trip);
  g_test_add_func ("/cofactor/transfer/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cofactor/transfer/endless-file", test_endless_file);
  g_test_add_func ("/cofactor/transfer/list-bounds", test_list_bounds);
  g_test_add_func ("/cofactor/transfer/imported-entries", test_imported_entries);
  g_test_add_func ("/cofactor/transfer/no-second-copy", test_no_second_copy);
  g_test_add_func ("/cofactor/transfer/favourite-times", test_favourite_times);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cofactor/transfer/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_malformed);
    }

  return g_test_run ();
}
