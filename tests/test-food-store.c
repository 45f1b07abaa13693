/* test-food-store.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-food-results.h"
#include "cf-test-util.h"

static CfFood *
make_custom (CfFoodStore *store,
             const char  *name,
             double       calcium)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  CfFood *food = cf_food_new_custom (name);

  if (!isnan (calcium))
    cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, calcium);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  return food;
}

static void
test_custom_crud (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = cf_food_new_custom ("  MK-7 capsule  ");
  g_autoptr(CfFood) loaded = NULL;
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfPortion) capsule = cf_portion_new (1, "capsule", 0.5);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (cf_food_id_is_valid (cf_food_get_id (food)));
  g_assert_true (g_str_has_prefix (cf_food_get_id (food), "custom:"));

  /* 100 µg MK-7 in a 0.5 g capsule */
  cf_nutrients_set (n, CF_NUTRIENT_MK7, 100 * 100 / 0.5);
  cf_food_set_nutrients (food, n);
  cf_food_set_kind (food, CF_FOOD_KIND_SUPPLEMENT);
  cf_food_set_brand (food, "Acme");
  cf_food_add_portion (food, capsule);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  loaded = cf_food_store_get_food (store, cf_food_get_id (food), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_food_get_name (loaded), ==, "MK-7 capsule");
  g_assert_cmpstr (cf_food_get_brand (loaded), ==, "Acme");
  g_assert_cmpint (cf_food_get_kind (loaded), ==, CF_FOOD_KIND_SUPPLEMENT);
  g_assert_cmpint (cf_food_get_source (loaded), ==, CF_FOOD_SOURCE_CUSTOM);
  g_assert_cmpfloat (cf_food_get_nutrient (loaded, CF_NUTRIENT_MK7), ==, 20000);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (loaded), CF_NUTRIENT_CALCIUM));
  g_assert_cmpstr (cf_food_get_origin (loaded, CF_NUTRIENT_MK7), ==, "Entered by you");
  g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (loaded)), ==, 1);

  /* Update replaces values and portions */
  cf_food_clear_portions (food);
  cf_nutrients_unset (n, CF_NUTRIENT_MK7);
  cf_nutrients_set (n, CF_NUTRIENT_VITAMIN_D, 0);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_clear_object (&loaded);
  loaded = cf_food_store_get_food (store, cf_food_get_id (food), &error);
  g_assert_false (cf_nutrients_has (cf_food_get_nutrients (loaded), CF_NUTRIENT_MK7));
  g_assert_true (cf_nutrients_has (cf_food_get_nutrients (loaded), CF_NUTRIENT_VITAMIN_D));
  g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (loaded)), ==, 0);

  all = cf_food_store_list_custom_foods (store, &error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (cf_food_store_delete_custom_food (store, cf_food_get_id (food), &error));
  g_assert_false (cf_food_store_delete_custom_food (store, cf_food_get_id (food), &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = cf_food_store_get_food (store, cf_food_get_id (food), &error);
  g_assert_null (loaded);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_custom_validation (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autofree char *long_name = g_strnfill (201, 'x');
  static const char *bad_names[] = { "", "   ", NULL };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(CfFood) food = cf_food_new_custom (bad_names[i]);

      g_assert_false (cf_food_store_save_custom_food (store, food, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_clear_error (&error);
    }

  {
    g_autoptr(CfFood) food = cf_food_new_custom (long_name);
    g_assert_false (cf_food_store_save_custom_food (store, food, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Impossible");
    g_autoptr(CfNutrients) n = cf_nutrients_new ();

    cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 150);
    cf_food_set_nutrients (food, n);
    g_assert_false (cf_food_store_save_custom_food (store, food, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(CfFood) food = cf_food_new_custom ("Bad portion");
    g_autoptr(CfPortion) p = g_object_new (CF_TYPE_PORTION, "amount", 1.0, "description", "", "grams", 10.0, NULL);

    cf_food_add_portion (food, p);
    g_assert_false (cf_food_store_save_custom_food (store, food, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Reference foods cannot be overwritten */
  {
    g_autoptr(CfFood) cheddar = cf_food_store_get_food (store, "usda:01009", &error);
    g_assert_no_error (error);
    g_assert_false (cf_food_store_save_custom_food (store, cheddar, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* None of the refused foods was half-saved */
  all = cf_food_store_list_custom_foods (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_search_custom_first (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) mine = make_custom (store, "Nattō from the market", 200);
  g_autoptr(CfFood) other = make_custom (store, "Rice with natto", NAN);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) usda = NULL;
  g_autoptr(GPtrArray) k2 = NULL;
  g_autoptr(GError) error = NULL;

  results = cf_food_store_search (store, "natto", 0, NULL, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, >=, 5);
  /* Own foods first (name starting with the word, then containing it),
   * then reference foods starting with it */
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (results, 0)), ==, cf_food_get_id (mine));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (results, 1)), ==, cf_food_get_id (other));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (results, 2)), ==, "usda:16113");
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (results, 3)), ==, "k2:natto-kamao-2007");

  usda = cf_food_store_search (store, "natto", CF_SEARCH_USDA, NULL, NULL, 10, NULL, &error);
  for (guint i = 0; i < usda->len; i++)
    g_assert_cmpint (cf_food_get_source (g_ptr_array_index (usda, i)), ==, CF_FOOD_SOURCE_USDA);

  k2 = cf_food_store_search (store, "natto", CF_SEARCH_K2, NULL, NULL, 10, NULL, &error);
  g_assert_cmpuint (k2->len, ==, 2);
  for (guint i = 0; i < k2->len; i++)
    g_assert_cmpint (cf_food_get_source (g_ptr_array_index (k2, i)), ==, CF_FOOD_SOURCE_K2);

  /* After renaming, the old name no longer finds it */
  cf_food_set_name (mine, "Fermented soybeans");
  g_assert_true (cf_food_store_save_custom_food (store, mine, &error));
  g_clear_pointer (&results, g_ptr_array_unref);
  results = cf_food_store_search (store, "natto", CF_SEARCH_CUSTOM, NULL, NULL, 10, NULL, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = cf_food_store_search (store, "ferm soy", CF_SEARCH_CUSTOM, NULL, NULL, 10, NULL, &error);
  g_assert_cmpuint (results->len, ==, 1);

  /* Kinds of the user's foods are filters of their own */
  {
    g_autoptr(CfFood) capsule = cf_food_new_custom ("Fermented soy capsule");
    g_autoptr(GPtrArray) supplements = NULL;
    g_autoptr(GPtrArray) foods = NULL;
    g_autoptr(GPtrArray) everything = NULL;

    cf_food_set_kind (capsule, CF_FOOD_KIND_SUPPLEMENT);
    g_assert_true (cf_food_store_save_custom_food (store, capsule, &error));

    supplements = cf_food_store_search (store, "ferm soy", CF_SEARCH_SUPPLEMENTS, NULL, NULL, 10, NULL, &error);
    g_assert_cmpuint (supplements->len, ==, 1);
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (supplements, 0)), ==, cf_food_get_id (capsule));
    foods = cf_food_store_search (store, "ferm soy", CF_SEARCH_CUSTOM, NULL, NULL, 10, NULL, &error);
    g_assert_cmpuint (foods->len, ==, 1);
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (mine));
    everything = cf_food_store_search (store, "ferm soy", CF_SEARCH_MINE, NULL, NULL, 10, NULL, &error);
    g_assert_cmpuint (everything->len, ==, 2);

    /* Supplements are ranked only among themselves: their values per
     * 100 g are those of a nominal unit */
    {
      g_autoptr(CfNutrients) dose = cf_nutrients_new ();
      g_autoptr(GPtrArray) ranked = NULL;
      g_autoptr(GPtrArray) only = NULL;

      cf_nutrients_set (dose, CF_NUTRIENT_MK7, 10000);
      cf_food_set_nutrients (capsule, dose);
      g_assert_true (cf_food_store_save_custom_food (store, capsule, &error));

      ranked = cf_food_store_rank (store, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7), CF_RANK_PER_100G,
                                   0, NULL, NULL, 5, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (ranked, 0)), ==, "k2:natto-kamao-2007");
      only = cf_food_store_rank (store, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7), CF_RANK_PER_100G,
                                 CF_SEARCH_SUPPLEMENTS, NULL, NULL, 5, &error);
      g_assert_cmpuint (only->len, ==, 1);
      g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (only, 0)), ==, cf_food_get_id (capsule));
    }
  }
}

/* Paging with cursors gives every match exactly once, in the same order
 * as one big page. */
static void
test_search_paging (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) a = make_custom (store, "Cheese curds", 500);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) paged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CfSearchCursor cursor = CF_SEARCH_CURSOR_INIT;

  all = cf_food_store_search (store, "cheese", 0, NULL, NULL, 10000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 100);

  while (!cf_search_cursor_is_end (&cursor))
    {
      g_autoptr(GPtrArray) page = cf_food_store_search (store, "cheese", 0, NULL, &cursor, 7, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 7);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (paged, g_object_ref (g_ptr_array_index (page, i)));
    }

  g_assert_cmpuint (paged->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (paged, i)), ==,
                     cf_food_get_id (g_ptr_array_index (all, i)));
}

static void
test_search_group_and_browse (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) dairy = NULL;
  g_autoptr(GPtrArray) browse = NULL;
  g_autoptr(GError) error = NULL;

  dairy = cf_food_store_search (store, "cheese", CF_SEARCH_USDA, "0100", NULL, 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dairy->len, ==, 50);
  for (guint i = 0; i < dairy->len; i++)
    g_assert_cmpstr (cf_food_get_group_code (g_ptr_array_index (dairy, i)), ==, "0100");

  /* Empty text lists foods in rank order */
  browse = cf_food_store_search (store, "", 0, NULL, NULL, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (browse->len, ==, 5);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *foods;
  GError    *error;
  CfSearchCursor next;
} AsyncData;

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  data->foods = cf_food_store_search_finish (CF_FOOD_STORE (source), result, &data->next, NULL, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_search_async (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) mine = make_custom (store, "Natto pancakes", 10);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { loop, NULL, NULL };

  /* The worker has its own connection and still sees the user's foods */
  cf_food_store_search_async (store, "natto", 0, NULL, NULL, 3, NULL, search_done_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_cmpuint (data.foods->len, ==, 3);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (data.foods, 0)), ==, cf_food_get_id (mine));
  g_assert_false (cf_search_cursor_is_end (&data.next));
  g_clear_pointer (&data.foods, g_ptr_array_unref);

  /* The next page continues where the first stopped */
  cf_food_store_search_async (store, "natto", 0, NULL, &data.next, 3, NULL, search_done_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (data.foods, 0)), ==, "k2:natto-tsukamoto-2000");
  g_clear_pointer (&data.foods, g_ptr_array_unref);

  /* A cancelled search reports G_IO_ERROR_CANCELLED */
  g_cancellable_cancel (cancellable);
  cf_food_store_search_async (store, "c", 0, NULL, NULL, 50, cancellable, search_done_cb, &data);
  g_main_loop_run (loop);
  g_assert_null (data.foods);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
}

typedef struct
{
  GListModel *model;
  guint       n_changes;
  guint       count;
} Watch;

/* Checks the GListModel contract on every change */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_assert_cmpuint (position + removed, <=, watch->count);
  watch->count = watch->count - removed + added;
  g_assert_cmpuint (watch->count, ==, g_list_model_get_n_items (model));
  watch->n_changes++;
}

static gboolean
results_done (CfFoodResults *results)
{
  return !cf_food_results_get_loading (results);
}

static void
wait_for (CfFoodResults *results)
{
  while (!results_done (results))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_results_model (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFoodResults) results = cf_food_results_new (store);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { G_LIST_MODEL (results), 0, 0 };
  guint pages = 0;

  g_signal_connect (results, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (results)) == CF_TYPE_FOOD);

  /* First page only, until a view asks for one of the last items */
  cf_food_results_set_query (results, "cheese", 0, NULL);
  wait_for (results);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, CF_FOOD_RESULTS_PAGE);
  g_assert_false (cf_food_results_get_complete (results));

  /* Walking to the end loads every page, in the search's order */
  while (!cf_food_results_get_complete (results))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (results));
      g_autoptr(CfFood) last = g_list_model_get_item (G_LIST_MODEL (results), n - 1);

      wait_for (results);
      pages++;
      g_assert_cmpuint (pages, <, 100);
    }

  all = cf_food_store_search (store, "cheese", 0, NULL, NULL, 100000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(CfFood) food = g_list_model_get_item (G_LIST_MODEL (results), i);
      g_assert_cmpstr (cf_food_get_id (food), ==, cf_food_get_id (g_ptr_array_index (all, i)));
    }

  /* A new query replaces everything in one change, without an empty
   * list in between */
  watch.n_changes = 0;
  cf_food_results_set_query (results, "natto", CF_SEARCH_K2, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, all->len);
  wait_for (results);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 2);
  g_assert_true (cf_food_results_get_complete (results));

  /* Typing fast: only the last query's results arrive */
  cf_food_results_set_query (results, "k", 0, NULL);
  cf_food_results_set_query (results, "ka", 0, NULL);
  cf_food_results_set_query (results, "kale", CF_SEARCH_USDA, NULL);
  wait_for (results);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (results)); i++)
    {
      g_autoptr(CfFood) food = g_list_model_get_item (G_LIST_MODEL (results), i);
      g_autofree char *name = g_utf8_strdown (cf_food_get_name (food), -1);

      g_assert_nonnull (strstr (name, "kale"));
      g_assert_cmpint (cf_food_get_source (food), ==, CF_FOOD_SOURCE_USDA);
    }

  /* Nothing matches: empty and complete */
  cf_food_results_set_query (results, "zzzqqq", 0, NULL);
  wait_for (results);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  g_assert_true (cf_food_results_get_complete (results));
}

static void
test_without_foods_db (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) mine = make_custom (store, "Home-made yogurt", 150);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) missing = NULL;

  results = cf_food_store_search (store, "yog", 0, NULL, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpuint (cf_food_store_count_reference_foods (store), ==, 0);

  missing = cf_food_store_get_food (store, "usda:01009", &error);
  g_assert_null (missing);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/food-store/custom-crud", test_custom_crud);
  g_test_add_func ("/cofactor/food-store/custom-validation", test_custom_validation);
  g_test_add_func ("/cofactor/food-store/search-custom-first", test_search_custom_first);
  g_test_add_func ("/cofactor/food-store/search-paging", test_search_paging);
  g_test_add_func ("/cofactor/food-store/search-group-and-browse", test_search_group_and_browse);
  g_test_add_func ("/cofactor/food-store/search-async", test_search_async);
  g_test_add_func ("/cofactor/food-store/results-model", test_results_model);
  g_test_add_func ("/cofactor/food-store/without-foods-db", test_without_foods_db);

  return g_test_run ();
}
