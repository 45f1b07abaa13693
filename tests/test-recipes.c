/* test-recipes.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Recipes: the maths against hand-computed values, storage, what
 * editing and deleting do (and do not) change, export and import. */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

/* Ingredients with round numbers, per 100 g:
 *   A: calcium 100 mg, energy 200 kcal, magnesium no value
 *   B: calcium  50 mg, energy 100 kcal, magnesium 40 mg
 * Neither has vitamin D. */
typedef struct
{
  CfContext *context;
  CfFoodStore *store;
  CfFood *a;
  CfFood *b;
} Fixture;

static CfFood *
save_food (CfFoodStore *store,
           const char  *name,
           double       calcium,
           double       energy,
           double       magnesium)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  CfFood *food = cf_food_new_custom (name);

  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, calcium);
  cf_nutrients_set (n, CF_NUTRIENT_ENERGY, energy);
  if (!isnan (magnesium))
    cf_nutrients_set (n, CF_NUTRIENT_MAGNESIUM, magnesium);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  return food;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->context = cf_test_context_new (GPOINTER_TO_INT (data));
  f->store = cf_context_get_food_store (f->context);
  f->a = save_food (f->store, "Ingredient A", 100, 200, NAN);
  f->b = save_food (f->store, "Ingredient B", 50, 100, 40);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->context);
}

/* 200 g of A and 300 g of B */
static CfRecipe *
make_recipe (Fixture *f)
{
  CfRecipe *recipe = cf_recipe_new ("Test stew");

  cf_recipe_add_ingredient (recipe, f->a, 200, NULL, 0);
  cf_recipe_add_ingredient (recipe, f->b, 300, NULL, 0);

  return recipe;
}

static void
test_maths_raw (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  CfNutrients n;

  /* Raw weight 500 g.  Calcium: 200 + 150 = 350 mg in the pot, 70 per
   * 100 g.  Energy: 400 + 300 = 700 kcal, 140 per 100 g.  Magnesium:
   * only B has a value, 120 mg: 24 per 100 g over 60 % of the weight.
   * Vitamin D: no ingredient has a value, so neither has the recipe. */
  cf_recipe_compute_nutrients (recipe, &n);
  g_assert_cmpfloat (cf_recipe_get_raw_grams (recipe), ==, 500);
  g_assert_cmpfloat (cf_recipe_get_total_grams (recipe), ==, 500);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_CALCIUM), 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_ENERGY), 140, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_MAGNESIUM), 24, 1e-9);
  g_assert_false (cf_nutrients_has (&n, CF_NUTRIENT_VITAMIN_D));
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_coverage (recipe, CF_NUTRIENT_CALCIUM), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_coverage (recipe, CF_NUTRIENT_MAGNESIUM), 0.6, 1e-12);
  g_assert_cmpfloat (cf_recipe_get_coverage (recipe, CF_NUTRIENT_VITAMIN_D), ==, 0);
  /* The same shares for the key nutrients the recipe editor previews */
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_key_coverage (recipe, CF_KEY_CALCIUM), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_key_coverage (recipe, CF_KEY_MAGNESIUM), 0.6, 1e-12);
  g_assert_cmpfloat (cf_recipe_get_key_coverage (recipe, CF_KEY_VITAMIN_D), ==, 0);

  /* No servings: no serving weight, no measure */
  g_assert_true (isnan (cf_recipe_get_serving_grams (recipe)));
  {
    g_autoptr(CfFood) food = cf_recipe_to_food (recipe);
    g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (food)), ==, 0);
    g_assert_cmpint (cf_food_get_kind (food), ==, CF_FOOD_KIND_RECIPE);
    g_assert_cmpstr (cf_food_get_id (food), ==, cf_recipe_get_id (recipe));
  }

  /* Five servings of the raw weight: 100 g each */
  cf_recipe_set_servings (recipe, 5);
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_serving_grams (recipe), 100, 1e-9);
}

static void
test_maths_cooked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfPortion) serving = NULL;
  CfNutrients n;

  /* Cooked down to 400 g: the same 350 mg of calcium in 400 g is 87.5
   * per 100 g; 700 kcal is 175; 120 mg magnesium is 30.  Four servings
   * of 100 g. */
  cf_recipe_set_cooked_grams (recipe, 400);
  cf_recipe_set_servings (recipe, 4);
  cf_recipe_compute_nutrients (recipe, &n);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_CALCIUM), 87.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_ENERGY), 175, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_MAGNESIUM), 30, 1e-9);
  g_assert_cmpfloat (cf_recipe_get_total_grams (recipe), ==, 400);
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_serving_grams (recipe), 100, 1e-9);

  food = cf_recipe_to_food (recipe);
  serving = g_list_model_get_item (cf_food_get_portions (food), 0);
  g_assert_nonnull (serving);
  g_assert_cmpstr (cf_portion_get_description (serving), ==, "serving");
  g_assert_cmpfloat (cf_portion_get_amount (serving), ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_portion_get_grams (serving), 100, 1e-9);

  /* Gaining water: 1000 g cooked halves the raw values */
  cf_recipe_set_cooked_grams (recipe, 1000);
  cf_recipe_compute_nutrients (recipe, &n);
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (&n, CF_NUTRIENT_CALCIUM), 35, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_recipe_get_serving_grams (recipe), 250, 1e-9);
}

static void
test_portions_of_ingredients (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = cf_recipe_new ("With a cup");
  g_autoptr(CfPortion) cup = cf_portion_new (1, "cup", 240);
  CfRecipeIngredient *ingredient;
  g_autofree char *label = NULL;

  ingredient = cf_recipe_add_ingredient (recipe, f->b, 360, cup, 1.5);
  label = cf_recipe_ingredient_dup_amount_label (ingredient);
  g_assert_cmpstr (label, ==, "1.5 cup (360 g)");
  g_assert_cmpstr (cf_recipe_ingredient_get_portion_description (ingredient), ==, "cup");
  g_assert_cmpfloat (cf_recipe_ingredient_get_portion_quantity (ingredient), ==, 1.5);

  cf_recipe_ingredient_set_amount (ingredient, 50, NULL, 0);
  g_clear_pointer (&label, g_free);
  label = cf_recipe_ingredient_dup_amount_label (ingredient);
  g_assert_cmpstr (label, ==, "50 g");
  g_assert_null (cf_recipe_ingredient_get_portion_description (ingredient));
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfRecipe) loaded = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfPortion) serving = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfRecipeIngredient) first = NULL;

  cf_recipe_set_cooked_grams (recipe, 400);
  cf_recipe_set_servings (recipe, 4);
  cf_recipe_set_note (recipe, "Simmer for an hour");
  g_assert_true (cf_food_store_save_recipe (f->store, recipe, &error));
  g_assert_no_error (error);

  /* A food like any other */
  food = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_food_get_kind (food), ==, CF_FOOD_KIND_RECIPE);
  g_assert_cmpstr (cf_food_get_name (food), ==, "Test stew");
  g_assert_cmpstr (cf_food_get_note (food), ==, "Simmer for an hour");
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (food, CF_NUTRIENT_CALCIUM), 87.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (food, CF_NUTRIENT_MAGNESIUM), 30, 1e-9);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (food), CF_NUTRIENT_VITAMIN_D));
  serving = g_list_model_get_item (cf_food_get_portions (food), 0);
  g_assert_cmpfloat_with_epsilon (cf_portion_get_grams (serving), 100, 1e-9);

  /* Its origins say where the values come from, and when only part of
   * the ingredients had one */
  g_assert_cmpstr (cf_food_get_origin (food, CF_NUTRIENT_CALCIUM), ==, "Calculated from the recipe’s ingredients");
  g_assert_nonnull (strstr (cf_food_get_origin (food, CF_NUTRIENT_MAGNESIUM), "60%"));
  g_assert_null (cf_food_get_origin (food, CF_NUTRIENT_VITAMIN_D));

  /* Searchable */
  found = cf_food_store_search (f->store, "stew", CF_SEARCH_RECIPES, NULL, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (found, 0)), ==, cf_recipe_get_id (recipe));

  /* The recipe itself comes back whole */
  loaded = cf_food_store_get_recipe (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_recipe_get_name (loaded), ==, "Test stew");
  g_assert_cmpfloat (cf_recipe_get_cooked_grams (loaded), ==, 400);
  g_assert_cmpfloat (cf_recipe_get_servings (loaded), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (cf_recipe_get_ingredients (loaded)), ==, 2);
  first = g_list_model_get_item (cf_recipe_get_ingredients (loaded), 0);
  g_assert_cmpstr (cf_recipe_ingredient_get_food_id (first), ==, cf_food_get_id (f->a));
  g_assert_cmpstr (cf_recipe_ingredient_get_food_name (first), ==, "Ingredient A");
  g_assert_cmpfloat (cf_recipe_ingredient_get_grams (first), ==, 200);
  g_assert_true (cf_nutrients_equal (cf_recipe_ingredient_get_nutrients_per_100g (first),
                                     cf_food_get_nutrients (f->a)));

  /* Not a recipe */
  g_clear_object (&loaded);
  loaded = cf_food_store_get_recipe (f->store, cf_food_get_id (f->a), &error);
  g_assert_null (loaded);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_ingredient_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfRecipe) loaded = NULL;
  g_autoptr(CfFood) before = NULL;
  g_autoptr(CfFood) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrients) n = cf_nutrients_new ();

  g_assert_true (cf_food_store_save_recipe (f->store, recipe, &error));
  before = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);

  /* Changing an ingredient's food afterwards does not change the recipe */
  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 999);
  cf_food_set_nutrients (f->a, n);
  cf_food_set_name (f->a, "Renamed A");
  g_assert_true (cf_food_store_save_custom_food (f->store, f->a, &error));

  /* Nor does deleting one */
  g_assert_true (cf_food_store_delete_custom_food (f->store, cf_food_get_id (f->b), &error));
  g_assert_no_error (error);

  after = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_true (cf_nutrients_equal (cf_food_get_nutrients (before), cf_food_get_nutrients (after)));

  loaded = cf_food_store_get_recipe (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_recipe_get_ingredients (loaded)), ==, 2);
  {
    g_autoptr(CfRecipeIngredient) first = g_list_model_get_item (cf_recipe_get_ingredients (loaded), 0);
    g_assert_cmpstr (cf_recipe_ingredient_get_food_name (first), ==, "Ingredient A");
    g_assert_cmpfloat (cf_nutrients_get (cf_recipe_ingredient_get_nutrients_per_100g (first), CF_NUTRIENT_CALCIUM), ==, 100);
  }

  /* Saving the loaded recipe again, even with an ingredient gone, keeps
   * the copied values */
  g_clear_object (&after);
  g_assert_true (cf_food_store_save_recipe (f->store, loaded, &error));
  g_assert_no_error (error);
  after = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_true (cf_nutrients_equal (cf_food_get_nutrients (before), cf_food_get_nutrients (after)));
}

static void
test_editing_keeps_diary (Fixture       *f,
                          gconstpointer  data)
{
  CfDiary *diary = cf_context_get_diary (f->context);
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfRecipe) edited = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfFood) food2 = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, G_DATE_MARCH, 2026);

  g_assert_true (cf_food_store_save_recipe (f->store, recipe, &error));
  food = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);

  /* 150 g of the stew: 105 mg calcium */
  entry = cf_diary_entry_new (&day, CF_MEAL_DINNER, food, 150, NULL, 0);
  g_assert_true (cf_diary_add (diary, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_diary_entry_get_food_kind (entry), ==, CF_FOOD_KIND_RECIPE);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_CALCIUM), 105, 1e-9);

  /* Edit: twice as much B, a new name */
  edited = cf_food_store_get_recipe (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  {
    g_autoptr(CfRecipeIngredient) b = g_list_model_get_item (cf_recipe_get_ingredients (edited), 1);
    cf_recipe_ingredient_set_amount (b, 600, NULL, 0);
  }
  cf_recipe_set_name (edited, "Thinner stew");
  g_assert_true (cf_food_store_save_recipe (f->store, edited, &error));
  g_assert_no_error (error);

  /* The recipe changed: (200 + 300) mg in 800 g = 62.5 per 100 g */
  food2 = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (food2, CF_NUTRIENT_CALCIUM), 62.5, 1e-9);

  /* The day it was eaten did not */
  reloaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_diary_entry_get_food_name (reloaded), ==, "Test stew");
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (reloaded, CF_NUTRIENT_CALCIUM), 105, 1e-9);

  /* Deleting the recipe does not either */
  g_assert_true (cf_food_store_delete_custom_food (f->store, cf_recipe_get_id (recipe), &error));
  g_clear_object (&reloaded);
  reloaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (reloaded, CF_NUTRIENT_CALCIUM), 105, 1e-9);

  /* And its ingredients went with it */
  g_clear_object (&edited);
  edited = cf_food_store_get_recipe (f->store, cf_recipe_get_id (recipe), &error);
  g_assert_null (edited);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) recipes = cf_food_store_list_recipes (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (recipes->len, ==, 0);
  }
}

static void
test_kind_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_food_store_save_recipe (f->store, recipe, &error));
  food = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);

  /* Saved as a plain food it would lose the link to its ingredients:
   * refused while it is a recipe */
  cf_food_set_name (food, "Renamed");
  g_assert_false (cf_food_store_save_custom_food (f->store, food, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  /* Made a plain food on purpose: the values stay, the ingredients go */
  cf_food_set_kind (food, CF_FOOD_KIND_FOOD);
  g_assert_true (cf_food_store_save_custom_food (f->store, food, &error));
  g_assert_no_error (error);
  g_clear_object (&recipe);
  recipe = cf_food_store_get_recipe (f->store, cf_food_get_id (food), &error);
  g_assert_null (recipe);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char  *name;
    CfFoodField  field;
    guint        index;
  } cases[] = {
    { "no-ingredients", CF_FOOD_FIELD_INGREDIENTS, 0 },
    { "zero-grams", CF_FOOD_FIELD_INGREDIENT_GRAMS, 1 },
    { "huge-grams", CF_FOOD_FIELD_INGREDIENT_GRAMS, 0 },
    { "nan-grams", CF_FOOD_FIELD_INGREDIENT_GRAMS, 0 },
    { "itself", CF_FOOD_FIELD_INGREDIENT, 2 },
    { "no-name", CF_FOOD_FIELD_NAME, 0 },
    { "zero-servings", CF_FOOD_FIELD_SERVINGS, 0 },
    { "huge-serving", CF_FOOD_FIELD_SERVINGS, 0 },
    { "negative-cooked", CF_FOOD_FIELD_COOKED_WEIGHT, 0 },
    { "impossible-cooked", CF_FOOD_FIELD_COOKED_WEIGHT, 0 },
    { "bad-group", CF_FOOD_FIELD_GROUP, 0 },
    { "unknown-group", CF_FOOD_FIELD_GROUP, 0 },
  };
  gboolean with_foods = GPOINTER_TO_INT (data);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfRecipe) recipe = cf_recipe_new ("Soup");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) recipes = NULL;
      CfFoodField field = CF_FOOD_FIELD_NONE;
      guint index = 99;
      const char *name = cases[i].name;

      if (!g_str_equal (name, "no-ingredients"))
        {
          cf_recipe_add_ingredient (recipe, f->a, g_str_equal (name, "huge-grams") ? 200000 :
                                                  g_str_equal (name, "nan-grams") ? NAN : 100, NULL, 0);
          cf_recipe_add_ingredient (recipe, f->b, g_str_equal (name, "zero-grams") ? 0 : 100, NULL, 0);
        }
      if (g_str_equal (name, "itself"))
        {
          g_autoptr(CfRecipeIngredient) self = NULL;
          CfNutrients none;

          cf_nutrients_clear (&none);
          self = cf_recipe_ingredient_new_full (cf_recipe_get_id (recipe), "Soup", CF_FOOD_KIND_RECIPE,
                                                &none, 10, NULL, 0);
          cf_recipe_append_ingredient (recipe, self);
        }
      if (g_str_equal (name, "no-name"))
        cf_recipe_set_name (recipe, "  ");
      if (g_str_equal (name, "zero-servings"))
        cf_recipe_set_servings (recipe, 0);
      if (g_str_equal (name, "huge-serving"))
        {
          cf_recipe_set_cooked_grams (recipe, 12000);
          cf_recipe_set_servings (recipe, 2);
        }
      if (g_str_equal (name, "negative-cooked"))
        cf_recipe_set_cooked_grams (recipe, -5);
      if (g_str_equal (name, "impossible-cooked"))
        {
          /* 300 kcal in 10 g would be 3000 kcal per 100 g */
          cf_recipe_set_cooked_grams (recipe, 10);
        }
      if (g_str_equal (name, "bad-group"))
        cf_recipe_set_group_code (recipe, "no such; group");
      if (g_str_equal (name, "unknown-group"))
        {
          /* Only checked against the list when there is one */
          if (!with_foods)
            continue;
          cf_recipe_set_group_code (recipe, "9999");
        }

      g_assert_false (cf_food_store_validate_recipe (f->store, recipe, &field, &index, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      if (field != cases[i].field || index != cases[i].index)
        g_error ("%s: field %d index %u, expected %d %u (%s)", name, field, index,
                 cases[i].field, cases[i].index, error->message);
      g_clear_error (&error);

      /* Saving refuses it too, and writes nothing */
      g_assert_false (cf_food_store_save_recipe (f->store, recipe, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_clear_error (&error);
      recipes = cf_food_store_list_recipes (f->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (recipes->len, ==, 0);
    }

  /* A known group is fine */
  {
    g_autoptr(CfRecipe) recipe = make_recipe (f);
    g_autoptr(GError) error = NULL;

    cf_recipe_set_group_code (recipe, "0600");
    g_assert_true (cf_food_store_validate_recipe (f->store, recipe, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

/* ---------------------------------------------------------------------- */

static char *
export_state (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cf_export_to_data (context, &error);
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported\" : \"[^\"]*\"", 0, 0, NULL);

  g_assert_no_error (error);

  return g_regex_replace_literal (stamp, data, -1, 0, "", 0, NULL);
}

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfContext) target = cf_test_context_new (TRUE);
  g_autoptr(CfRecipe) recipe = make_recipe (f);
  g_autoptr(CfRecipe) imported = NULL;
  g_autoptr(CfPortion) cup = cf_portion_new (1, "cup", 240);
  g_autoptr(CfFood) original = NULL;
  g_autoptr(CfFood) copy = NULL;
  g_autoptr(GPtrArray) favourites = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CfImportCounts counts = { 0, };

  cf_recipe_add_ingredient (recipe, f->b, 120, cup, 0.5);
  cf_recipe_set_cooked_grams (recipe, 550);
  cf_recipe_set_servings (recipe, 3);
  g_assert_true (cf_food_store_save_recipe (f->store, recipe, &error));
  g_assert_true (cf_food_store_set_favourite (f->store, cf_recipe_get_id (recipe), TRUE, &error));
  g_assert_true (cf_food_store_set_favourite (f->store, "usda:01009", TRUE, &error));
  g_assert_no_error (error);

  json = cf_export_to_data (f->context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"recipe\""));
  g_assert_nonnull (strstr (json, "\"favourites\""));

  g_assert_true (cf_import_from_data (target, json, -1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.foods, ==, 3);
  g_assert_cmpuint (counts.favourites, ==, 2);

  /* Same export either side */
  before = export_state (f->context);
  after = export_state (target);
  g_assert_cmpstr (before, ==, after);

  /* Same recipe and values */
  imported = cf_food_store_get_recipe (cf_context_get_food_store (target), cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_recipe_get_ingredients (imported)), ==, 3);
  g_assert_cmpfloat (cf_recipe_get_cooked_grams (imported), ==, 550);
  g_assert_cmpfloat (cf_recipe_get_servings (imported), ==, 3);
  original = cf_food_store_get_food (f->store, cf_recipe_get_id (recipe), &error);
  copy = cf_food_store_get_food (cf_context_get_food_store (target), cf_recipe_get_id (recipe), &error);
  g_assert_no_error (error);
  g_assert_true (cf_nutrients_equal (cf_food_get_nutrients (original), cf_food_get_nutrients (copy)));
  {
    g_autoptr(CfRecipeIngredient) third = g_list_model_get_item (cf_recipe_get_ingredients (imported), 2);
    g_assert_cmpstr (cf_recipe_ingredient_get_portion_description (third), ==, "cup");
    g_assert_cmpfloat (cf_recipe_ingredient_get_portion_quantity (third), ==, 0.5);
  }

  favourites = cf_food_store_list_favourites (cf_context_get_food_store (target), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (favourites->len, ==, 2);

  /* Importing the same file again changes nothing */
  g_assert_true (cf_import_from_data (target, json, -1, NULL, &error));
  g_clear_pointer (&after, g_free);
  after = export_state (target);
  g_assert_cmpstr (before, ==, after);
}

#define FOOD_ID "custom:1f0e2d3c-4b5a-4968-8776-655443322110"
#define HEAD "{\"format\":\"cofactor-diary\",\"version\":1,"
#define RECIPE(members) \
  HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"kind\":\"recipe\",\"name\":\"Soup\",\"per_100g\":{}," \
  "\"recipe\":" members "}]}"
#define INGREDIENT "{\"food\":{\"id\":\"usda:01009\",\"name\":\"Cheese\"},\"grams\":100,\"per_100g\":{\"calcium\":710}}"

static const struct {
  const char *name;
  const char *json;
  const char *message;
} malformed[] = {
  { "recipe-on-food", HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Soup\",\"per_100g\":{},"
                      "\"recipe\":{\"ingredients\":[" INGREDIENT "]}}]}", "foods[0].recipe: only a food" },
  { "recipe-not-object", RECIPE ("[]"), "foods[0].recipe: must be an object" },
  { "no-ingredients-member", RECIPE ("{}"), "foods[0].recipe.ingredients: missing" },
  { "ingredients-not-list", RECIPE ("{\"ingredients\":{}}"), "foods[0].recipe.ingredients: must be a list" },
  { "ingredients-empty", RECIPE ("{\"ingredients\":[]}"), "foods[0].recipe.ingredients: " },
  { "ingredient-not-object", RECIPE ("{\"ingredients\":[5]}"), "foods[0].recipe.ingredients[0]: must be an object" },
  { "ingredient-no-food", RECIPE ("{\"ingredients\":[{\"grams\":1,\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].food: missing" },
  { "ingredient-bad-id", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"cheese\",\"name\":\"x\"},\"grams\":1,\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].food.id" },
  { "ingredient-bad-kind", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\",\"kind\":\"pill\"},\"grams\":1,\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].food.kind" },
  { "ingredient-zero-grams", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":0,\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].grams" },
  { "ingredient-string-grams", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":\"5\",\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].grams: must be a number" },
  { "ingredient-negative", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"per_100g\":{\"calcium\":-1}}]}"),
    "foods[0].recipe.ingredients[0].per_100g" },
  { "ingredient-no-values", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5}]}"),
    "foods[0].recipe.ingredients[0].per_100g: missing" },
  { "ingredient-bad-portion", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"usda:01009\",\"name\":\"x\"},\"grams\":5,\"portion\":{\"quantity\":0,\"description\":\"cup\"},\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0].portion" },
  { "ingredient-itself", RECIPE ("{\"ingredients\":[{\"food\":{\"id\":\"" FOOD_ID "\",\"name\":\"x\"},\"grams\":5,\"per_100g\":{}}]}"),
    "foods[0].recipe.ingredients[0]: " },
  { "zero-servings", RECIPE ("{\"servings\":0,\"ingredients\":[" INGREDIENT "]}"), "foods[0].recipe.servings" },
  { "string-servings", RECIPE ("{\"servings\":\"4\",\"ingredients\":[" INGREDIENT "]}"), "foods[0].recipe.servings: must be a number" },
  { "zero-cooked", RECIPE ("{\"cooked_grams\":0,\"ingredients\":[" INGREDIENT "]}"), "foods[0].recipe.cooked_grams" },
  { "impossible-cooked", RECIPE ("{\"cooked_grams\":0.5,\"ingredients\":[" INGREDIENT "]}"), "foods[0].recipe.cooked_grams" },
  { "unknown-group", HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Soup\",\"group\":\"9999\",\"per_100g\":{}}]}",
    "foods[0].group" },
  { "portion-too-heavy", HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Soup\",\"per_100g\":{},"
                         "\"portions\":[{\"amount\":1,\"description\":\"pot\",\"grams\":6000}]}]}",
    "foods[0].portions[0].grams" },
  { "portion-blank", HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"name\":\"Soup\",\"per_100g\":{},"
                     "\"portions\":[{\"amount\":1,\"description\":\"  \",\"grams\":60}]}]}",
    "foods[0].portions[0].description" },
  { "favourites-not-list", HEAD "\"favourites\":{}}", "favourites: must be a list" },
  { "favourite-not-object", HEAD "\"favourites\":[\"usda:01009\"]}", "favourites[0]: must be an object" },
  { "favourite-no-food", HEAD "\"favourites\":[{}]}", "favourites[0].food: missing" },
  { "favourite-bad-id", HEAD "\"favourites\":[{\"food\":\"cheese\"}]}", "favourites[0].food" },
  { "favourite-twice", HEAD "\"favourites\":[{\"food\":\"usda:01009\"},{\"food\":\"usda:01009\"}]}", "favourites[1].food" },
  { "favourite-bad-time", HEAD "\"favourites\":[{\"food\":\"usda:01009\",\"added\":\"yesterday\"}]}", "favourites[0].added" },
  /* Good recipe and favourite, then a bad entry: none of it lands */
  { "good-then-bad", HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"kind\":\"recipe\",\"name\":\"Soup\",\"per_100g\":{},"
                     "\"recipe\":{\"servings\":2,\"ingredients\":[" INGREDIENT "]}}],"
                     "\"favourites\":[{\"food\":\"usda:01009\"}],\"entries\":[{\"id\":\"nope\"}]}", "entries[0]" },
};

static void
test_malformed (gconstpointer user_data)
{
  guint i = GPOINTER_TO_UINT (user_data);
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CfFood) food = cf_food_new_custom ("Already there");

  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_true (cf_food_store_set_favourite (store, cf_food_get_id (food), TRUE, &error));
  g_assert_no_error (error);
  before = export_state (context);

  g_assert_false (cf_import_from_data (context, malformed[i].json, -1, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
  if (strstr (error->message, malformed[i].message) == NULL)
    g_error ("%s: “%s” does not mention “%s”", malformed[i].name, error->message, malformed[i].message);

  after = export_state (context);
  g_assert_cmpstr (before, ==, after);
}

/* A version 1 file from before recipes and favourites still imports:
 * a food of kind recipe without a "recipe" member keeps its values */
static void
test_old_file (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfRecipe) recipe = NULL;
  const char *json = HEAD "\"foods\":[{\"id\":\"" FOOD_ID "\",\"kind\":\"recipe\",\"name\":\"Soup\","
                     "\"per_100g\":{\"calcium\":42}}],\"entries\":[]}";

  g_assert_true (cf_import_from_data (context, json, -1, NULL, &error));
  g_assert_no_error (error);
  food = cf_food_store_get_food (cf_context_get_food_store (context), FOOD_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_food_get_kind (food), ==, CF_FOOD_KIND_RECIPE);
  g_assert_cmpfloat (cf_food_get_nutrient (food, CF_NUTRIENT_CALCIUM), ==, 42);
  g_assert_cmpstr (cf_food_get_origin (food, CF_NUTRIENT_CALCIUM), ==, "Entered by you");

  /* A recipe without ingredients loads as one, with none */
  recipe = cf_food_store_get_recipe (cf_context_get_food_store (context), FOOD_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_recipe_get_ingredients (recipe)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, foods) \
  g_test_add ("/cofactor/recipes/" path, Fixture, GINT_TO_POINTER (foods), fixture_set_up, func, fixture_tear_down)

  ADD ("maths-raw", test_maths_raw, FALSE);
  ADD ("maths-cooked", test_maths_cooked, FALSE);
  ADD ("ingredient-portions", test_portions_of_ingredients, FALSE);
  ADD ("save-and-load", test_save_and_load, FALSE);
  ADD ("ingredient-changes", test_ingredient_changes, FALSE);
  ADD ("editing-keeps-diary", test_editing_keeps_diary, FALSE);
  ADD ("kind-changes", test_kind_changes, FALSE);
  ADD ("validation", test_validation, TRUE);
  ADD ("validation-without-foods-db", test_validation, FALSE);
  ADD ("export-import", test_export_import, TRUE);
#undef ADD

  g_test_add_func ("/cofactor/recipes/old-file", test_old_file);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cofactor/recipes/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_malformed);
    }

  return g_test_run ();
}
