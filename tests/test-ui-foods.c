/* test-ui-foods.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Foods view driven through its widgets under Xvfb: search, rank by
 * a nutrient, open a food's detail, create a custom food and a recipe
 * with their editors (bad input refused next to the field), favourites,
 * and past diary days unchanged by editing. */

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "cf-date.h"
#include "cf-food-detail.h"
#include "cf-food-editor.h"
#include "cf-food-results.h"
#include "cf-foods-view.h"
#include "cf-recipe-editor.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window.h"

static void
wait_results (CfFoodsView *view)
{
  GListModel *model = cf_foods_view_get_results (view);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* The results model loads off the main thread */
  while (CF_IS_FOOD_RESULTS (model) && cf_food_results_get_loading (CF_FOOD_RESULTS (model)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  cf_test_spin ();
}

static CfFood *
first_result (CfFoodsView *view)
{
  return g_list_model_get_item (cf_foods_view_get_results (view), 0);
}

static gboolean
results_contain (CfFoodsView *view,
                 const char  *id)
{
  GListModel *model = cf_foods_view_get_results (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfFood) food = g_list_model_get_item (model, i);

      if (g_strcmp0 (cf_food_get_id (food), id) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  CfContext   *context;
  GSettings   *settings;
  CfWindow    *window;
  CfFoodsView *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->context = cf_test_context_new (TRUE);
  f->settings = g_settings_new ("io.github.cofactor.Cofactor");
  f->window = cf_window_new_for_context (f->context, f->settings);
  f->view = CF_FOODS_VIEW (cf_window_get_foods_view (f->window));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "foods");
  wait_results (f->view);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer weak_view = f->view;

  g_object_add_weak_pointer (G_OBJECT (f->view), &weak_view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  cf_test_spin ();
  g_assert_null (weak_view);

  g_clear_object (&f->settings);
  g_clear_object (&f->context);
}

static void
test_search_and_detail (Fixture       *f,
                        gconstpointer  data)
{
  CfFoodDetail *detail = cf_foods_view_get_detail (f->view);
  g_autoptr(CfFood) first = NULL;
  g_autoptr(CfFood) natto = NULL;

  cf_foods_view_search (f->view, "natto japan");
  wait_results (f->view);
  first = first_result (f->view);
  g_assert_nonnull (first);
  g_assert_cmpstr (cf_food_get_id (first), ==, "k2:natto-kamao-2007");

  cf_foods_view_show_food (f->view, first);
  g_assert_cmpstr (cf_foods_view_get_page (f->view), ==, "detail");

  /* 100 g to start with; values as USDA or the study state them */
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_MK7), ==, "939.0 µg");
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_CALCIUM), ==, "no data");
  cf_food_detail_set_amount (detail, "50");
  cf_test_spin ();
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_MK7), ==, "469.5 µg");
  cf_food_detail_set_amount (detail, "-3");
  cf_test_spin ();
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_MK7), ==, "—");

  /* A USDA food shows its provenance */
  natto = cf_food_store_get_food (cf_context_get_food_store (f->context), "usda:16113", NULL);
  cf_foods_view_show_food (f->view, natto);
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_CALCIUM), ==, "217 mg");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "foods.back", NULL));
  g_assert_cmpstr (cf_foods_view_get_page (f->view), ==, "list");
}

static void
test_corrected_search (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CfFood) first = NULL;

  cf_foods_view_search (f->view, "chese");
  wait_results (f->view);
  g_assert_cmpstr (cf_foods_view_get_correction (f->view), ==, "Showing results for cheese");
  first = first_result (f->view);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (cf_food_get_name (first), "Cheese"));

  /* A search that needs no correction hides the line again */
  cf_foods_view_search (f->view, "cheese");
  wait_results (f->view);
  g_assert_null (cf_foods_view_get_correction (f->view));
}

static void
test_rank (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CfFood) first = NULL;
  GListModel *model;
  double previous = INFINITY;

  /* Richest in MK-7: a natto, from its study */
  cf_foods_view_rank (f->view, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7), CF_RANK_PER_100G);
  wait_results (f->view);
  first = first_result (f->view);
  g_assert_cmpstr (cf_food_get_id (first), ==, "k2:natto-kamao-2007");
  g_assert_true (g_str_has_prefix (cf_food_get_citation (first), "Kamao M"));

  /* Magnesium per 100 kcal: highest first, all with a value */
  cf_foods_view_rank (f->view, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM), CF_RANK_PER_100KCAL);
  wait_results (f->view);
  model = cf_foods_view_get_results (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(CfFood) food = g_list_model_get_item (model, i);
      double v = cf_food_get_rank_value (food, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM),
                                         CF_RANK_PER_100KCAL, NULL);

      g_assert_false (isnan (v));
      g_assert_cmpfloat (v, <=, previous);
      previous = v;
    }

  /* Typing searches by name again */
  cf_foods_view_search (f->view, "kale");
  wait_results (f->view);
  g_clear_object (&first);
  first = first_result (f->view);
  g_assert_cmpstr (cf_food_get_name (first), ==, "Kale, raw");
}

static void
test_custom_food (Fixture       *f,
                  gconstpointer  data)
{
  CfFoodStore *store = cf_context_get_food_store (f->context);
  CfFoodEditor *editor = CF_FOOD_EDITOR (cf_foods_view_edit_food (f->view, NULL));
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) found = NULL;
  CfFoodDetail *detail = cf_foods_view_get_detail (f->view);

  /* Refused, with a message, and nothing saved */
  g_assert_false (cf_food_editor_save (editor, &error));
  g_assert_nonnull (cf_food_editor_get_error (editor));
  g_clear_error (&error);

  gtk_editable_set_text (cf_food_editor_get_name_field (editor), "Home-made kefir");
  gtk_editable_set_text (cf_food_editor_get_nutrient_field (editor, CF_NUTRIENT_CALCIUM), "-5");
  g_assert_false (cf_food_editor_save (editor, &error));
  g_clear_error (&error);
  gtk_editable_set_text (cf_food_editor_get_nutrient_field (editor, CF_NUTRIENT_CALCIUM), "abc");
  g_assert_false (cf_food_editor_save (editor, &error));
  g_clear_error (&error);
  cf_food_editor_add_portion (editor, "cup", "0");
  g_assert_false (cf_food_editor_save (editor, &error));
  g_clear_error (&error);

  mine = cf_food_store_list_custom_foods (store, NULL);
  g_assert_cmpuint (mine->len, ==, 0);

  /* Values per cup of 240 g: 288 mg calcium a cup is 120 mg per 100 g */
  gtk_editable_set_text (cf_food_editor_get_nutrient_field (editor, CF_NUTRIENT_CALCIUM), "288");
  g_object_ref (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  editor = CF_FOOD_EDITOR (cf_foods_view_edit_food (f->view, NULL));
  gtk_editable_set_text (cf_food_editor_get_name_field (editor), "Home-made kefir");
  cf_food_editor_add_portion (editor, "cup", "240");
  cf_food_editor_set_per_portion (editor, TRUE);
  gtk_editable_set_text (cf_food_editor_get_nutrient_field (editor, CF_NUTRIENT_CALCIUM), "288");
  g_assert_true (cf_food_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  cf_test_spin ();

  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = cf_food_store_list_custom_foods (store, NULL);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (g_ptr_array_index (mine, 0), CF_NUTRIENT_CALCIUM), 120, 1e-9);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (g_ptr_array_index (mine, 0)), CF_NUTRIENT_MAGNESIUM));

  /* Found by search, shown in its detail, favourite */
  cf_foods_view_search (f->view, "kefir home");
  wait_results (f->view);
  found = first_result (f->view);
  g_assert_cmpstr (cf_food_get_id (found), ==, cf_food_get_id (g_ptr_array_index (mine, 0)));
  cf_foods_view_show_food (f->view, found);
  g_assert_cmpstr (cf_food_detail_get_value_text (detail, CF_NUTRIENT_CALCIUM), ==, "120 mg");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "foods.edit-food", NULL));
  cf_test_spin ();

  cf_food_store_set_favourite (store, cf_food_get_id (found), TRUE, NULL);
  cf_foods_view_set_source (f->view, 6);
  cf_test_spin ();
  g_assert_true (results_contain (f->view, cf_food_get_id (found)));
}

static void
test_recipe (Fixture       *f,
             gconstpointer  data)
{
  CfFoodStore *store = cf_context_get_food_store (f->context);
  CfDiary *diary = cf_context_get_diary (f->context);
  g_autoptr(CfFood) natto = cf_food_store_get_food (store, "k2:natto-kamao-2007", NULL);
  g_autoptr(CfFood) rice = cf_food_store_get_food (store, "usda:20045", NULL);
  g_autoptr(CfFood) saved = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  CfRecipeEditor *editor;
  GDate day;

  editor = CF_RECIPE_EDITOR (cf_foods_view_new_recipe (f->view));

  /* No ingredients: refused */
  gtk_editable_set_text (cf_recipe_editor_get_name_field (editor), "Natto rice");
  g_assert_false (cf_recipe_editor_save (editor, &error));
  g_assert_nonnull (cf_recipe_editor_get_error (editor));
  g_clear_error (&error);

  /* 50 g natto (939 µg MK-7 per 100 g) and 150 g rice, 2 servings */
  cf_recipe_editor_add_ingredient (editor, natto, 50, NULL, 0);
  cf_recipe_editor_add_ingredient (editor, rice, 150, NULL, 0);
  gtk_editable_set_text (cf_recipe_editor_get_servings_field (editor), "-2");
  g_assert_false (cf_recipe_editor_save (editor, &error));
  g_clear_error (&error);
  gtk_editable_set_text (cf_recipe_editor_get_servings_field (editor), "2");
  cf_test_spin ();
  /* A serving holds half: 939 × 0.5 / 2 */
  g_assert_cmpstr (cf_recipe_editor_get_preview (editor, CF_KEY_VITAMIN_K2), ==, "234.8 µg");
  /* The natto row has no calcium: the figure says on how much of the
   * recipe it rests; rice, an unfermented plant food, holds no K2 ("none
   * expected"), so the K2 figure is complete */
  g_assert_null (cf_recipe_editor_get_preview_note (editor, CF_KEY_VITAMIN_K2));
  g_assert_cmpstr (cf_recipe_editor_get_preview_note (editor, CF_KEY_CALCIUM), ==,
                   "Data for 75 % of the ingredients");

  g_assert_true (cf_recipe_editor_save (editor, &error));
  g_assert_no_error (error);
  id = g_strdup (cf_recipe_get_id (cf_recipe_editor_get_recipe (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  cf_test_spin ();

  saved = cf_food_store_get_food (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_food_get_kind (saved), ==, CF_FOOD_KIND_RECIPE);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (saved, CF_NUTRIENT_MK7), 939.0 * 50 / 200, 1e-9);

  /* Searchable and loggable like a food */
  cf_foods_view_search (f->view, "natto rice");
  wait_results (f->view);
  g_assert_true (results_contain (f->view, id));

  cf_day_parse ("2026-01-10", &day, NULL);
  entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, saved, 100, NULL, 0);
  g_assert_true (cf_diary_add (diary, entry, &error));

  /* Editing the recipe does not change the past day */
  editor = CF_RECIPE_EDITOR (cf_foods_view_edit_food (f->view, saved));
  cf_recipe_editor_add_ingredient (editor, rice, 200, NULL, 0);
  g_assert_true (cf_recipe_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  cf_test_spin ();

  later = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (later, CF_NUTRIENT_MK7), 939.0 * 50 / 200, 1e-9);
  g_clear_object (&saved);
  saved = cf_food_store_get_food (store, id, NULL);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (saved, CF_NUTRIENT_MK7), 939.0 * 50 / 400, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's MIME and
   * icon data; the diary itself is in a temporary folder */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();

  g_test_add ("/cofactor/ui-foods/search-and-detail", Fixture, NULL, fixture_setup, test_search_and_detail, fixture_teardown);
  g_test_add ("/cofactor/ui-foods/corrected-search", Fixture, NULL, fixture_setup, test_corrected_search, fixture_teardown);
  g_test_add ("/cofactor/ui-foods/rank", Fixture, NULL, fixture_setup, test_rank, fixture_teardown);
  g_test_add ("/cofactor/ui-foods/custom-food", Fixture, NULL, fixture_setup, test_custom_food, fixture_teardown);
  g_test_add ("/cofactor/ui-foods/recipe", Fixture, NULL, fixture_setup, test_recipe, fixture_teardown);

  return g_test_run ();
}
