/* test-ranking.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Richest in …": cf_food_store_rank() against the reference data read
 * back through cf_food_store_get_food() and an independent walk over
 * every food in C. */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-test-util.h"

static CfFood *
make_custom (CfFoodStore *store,
             const char  *name,
             CfNutrient   nutrient,
             double       value,
             double       energy,
             double       serving_grams)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  CfFood *food = cf_food_new_custom (name);

  if (!isnan (value))
    cf_nutrients_set (n, nutrient, value);
  if (!isnan (energy))
    cf_nutrients_set (n, CF_NUTRIENT_ENERGY, energy);
  cf_food_set_nutrients (food, n);

  if (!isnan (serving_grams))
    {
      g_autoptr(CfPortion) portion = cf_portion_new (1, "bowl", serving_grams);

      cf_food_add_portion (food, portion);
    }

  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  return food;
}

static GPtrArray *
rank (CfFoodStore   *store,
      CfRankFigure   figure,
      CfRankBasis    basis,
      CfSearchFlags  flags,
      guint          limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *foods = cf_food_store_rank (store, figure, basis, flags, NULL, NULL, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (foods);

  return foods;
}

/* Every food in ranked order, fetched in pages of @page */
static GPtrArray *
rank_all (CfFoodStore   *store,
          CfRankFigure   figure,
          CfRankBasis    basis,
          CfSearchFlags  flags,
          guint          page)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  CfRankCursor cursor = CF_RANK_CURSOR_INIT;

  while (!cf_rank_cursor_is_end (&cursor))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) foods = cf_food_store_rank (store, figure, basis, flags, NULL, &cursor, page, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (foods->len, <=, page);
      for (guint i = 0; i < foods->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (foods, i)));
    }

  return all;
}

/* Ranked order: value descending, then id ascending; every value is
 * what cf_food_get_rank_value() computes for the food */
static void
assert_ranked (GPtrArray    *foods,
               CfRankFigure  figure,
               CfRankBasis   basis)
{
  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      double value = cf_food_get_rank_value (food, figure, basis, NULL);

      g_assert_false (isnan (value));
      if (i > 0)
        {
          CfFood *prev = g_ptr_array_index (foods, i - 1);
          double prev_value = cf_food_get_rank_value (prev, figure, basis, NULL);

          g_assert_cmpfloat (value, <=, prev_value);
          if (value == prev_value)
            g_assert_cmpint (strcmp (cf_food_get_id (prev), cf_food_get_id (food)), <, 0);
        }
    }
}

/* The expected ranking computed in C over every reference food, found by
 * browsing (empty search) and loaded in full */
typedef struct
{
  char   *id;
  double  value;
} Expected;

static void
expected_clear (Expected *e)
{
  g_free (e->id);
}

static int
expected_compare (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;

  return strcmp (x->id, y->id);
}

static GArray *
expected_ranking (CfFoodStore  *store,
                  CfRankFigure  figure,
                  CfRankBasis   basis)
{
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  CfSearchCursor cursor = CF_SEARCH_CURSOR_INIT;

  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);

  while (!cf_search_cursor_is_end (&cursor))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = cf_food_store_search (store, "", CF_SEARCH_USDA | CF_SEARCH_K2, NULL,
                                                        &cursor, 1000, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        {
          CfFood *light = g_ptr_array_index (page, i);
          g_autoptr(CfFood) full = NULL;
          Expected e;

          /* Search results have no portions: load the food in full
           * per serving, when it has a value at all */
          if (isnan (cf_rank_figure_get_value (figure, cf_food_get_nutrients (light))))
            continue;

          if (basis == CF_RANK_PER_SERVING)
            {
              full = cf_food_store_get_food (store, cf_food_get_id (light), &error);
              g_assert_no_error (error);
            }
          else
            full = g_object_ref (light);

          e.value = cf_food_get_rank_value (full, figure, basis, NULL);
          if (isnan (e.value))
            continue;
          e.id = g_strdup (cf_food_get_id (full));
          g_array_append_val (expected, e);
        }
    }

  g_array_sort (expected, expected_compare);

  return expected;
}

static void
assert_matches_expected (GPtrArray *foods,
                         GArray    *expected,
                         CfRankFigure figure,
                         CfRankBasis  basis)
{
  g_assert_cmpuint (foods->len, <=, expected->len);

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      Expected *e = &g_array_index (expected, Expected, i);

      g_assert_cmpstr (cf_food_get_id (food), ==, e->id);
      g_assert_cmpfloat (cf_food_get_rank_value (food, figure, basis, NULL), ==, e->value);
    }
}

static void
test_mk7_natto_first (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) foods = rank (store, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7),
                                     CF_RANK_PER_100G, 0, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) natto = NULL;
  CfFood *first;

  g_assert_cmpuint (foods->len, >=, 1);
  first = g_ptr_array_index (foods, 0);
  g_assert_true (g_str_has_prefix (cf_food_get_id (first), "k2:natto"));
  g_assert_nonnull (strstr (cf_food_get_name (first), "Natto"));
  g_assert_nonnull (cf_food_get_citation (first));
  g_assert_nonnull (cf_food_get_origin (first, CF_NUTRIENT_MK7));

  /* The value it was ranked by is the reference value */
  natto = cf_food_store_get_food (store, cf_food_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cf_food_get_rank_value (first, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7),
                                             CF_RANK_PER_100G, NULL),
                     ==, cf_food_get_nutrient (natto, CF_NUTRIENT_MK7));
  g_assert_cmpstr (cf_food_get_citation (first), ==, cf_food_get_citation (natto));

  /* Only foods with an MK-7 value are ranked */
  for (guint i = 0; i < foods->len; i++)
    g_assert_true (cf_nutrients_has (cf_food_get_nutrients (g_ptr_array_index (foods, i)), CF_NUTRIENT_MK7));
  assert_ranked (foods, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7), CF_RANK_PER_100G);
}

static void
test_per_100g_matches_c (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure figures[] = {
    CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_CALCIUM),
    CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_VITAMIN_D),
    CF_RANK_FIGURE_VITAMIN_K2,
    CF_RANK_FIGURE_EPA_DHA,
  };

  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      g_autoptr(GArray) expected = expected_ranking (store, figures[f], CF_RANK_PER_100G);
      g_autoptr(GPtrArray) foods = rank (store, figures[f], CF_RANK_PER_100G, 0, 50);

      g_assert_cmpuint (foods->len, ==, MIN (50, expected->len));
      assert_matches_expected (foods, expected, figures[f], CF_RANK_PER_100G);
    }
}

static void
test_magnesium_per_100kcal (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure magnesium = CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM);
  g_autoptr(GPtrArray) foods = rank (store, magnesium, CF_RANK_PER_100KCAL, 0, 25);
  g_autoptr(GArray) expected = expected_ranking (store, magnesium, CF_RANK_PER_100KCAL);

  g_assert_cmpuint (foods->len, ==, 25);
  assert_matches_expected (foods, expected, magnesium, CF_RANK_PER_100KCAL);
  assert_ranked (foods, magnesium, CF_RANK_PER_100KCAL);

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfFood) reference = cf_food_store_get_food (store, cf_food_get_id (food), &error);
      double mg, kcal;

      g_assert_no_error (error);
      g_assert_cmpint (cf_food_get_source (food), ==, CF_FOOD_SOURCE_USDA);

      /* Hand-computed from the stored values */
      mg = cf_food_get_nutrient (reference, CF_NUTRIENT_MAGNESIUM);
      kcal = cf_food_get_nutrient (reference, CF_NUTRIENT_ENERGY);
      g_assert_cmpfloat (kcal, >, 0);
      g_assert_cmpfloat_with_epsilon (cf_food_get_rank_value (food, magnesium, CF_RANK_PER_100KCAL, NULL),
                                      mg / kcal * 100, 1e-9);
    }

  /* Foods with no energy value or 0 kcal are never ranked per 100 kcal */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank_all (store, magnesium, CF_RANK_PER_100KCAL, 0, 2000);
  g_assert_cmpuint (foods->len, ==, expected->len);
  for (guint i = 0; i < foods->len; i++)
    {
      double kcal = cf_food_get_nutrient (g_ptr_array_index (foods, i), CF_NUTRIENT_ENERGY);
      g_assert_true (!isnan (kcal) && kcal > 0);
    }
}

static void
test_per_serving (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure calcium = CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_CALCIUM);
  g_autoptr(GPtrArray) foods = rank (store, calcium, CF_RANK_PER_SERVING, CF_SEARCH_USDA | CF_SEARCH_K2, 30);
  g_autoptr(GArray) expected = expected_ranking (store, calcium, CF_RANK_PER_SERVING);

  assert_matches_expected (foods, expected, calcium, CF_RANK_PER_SERVING);

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      g_autoptr(CfPortion) first = g_list_model_get_item (cf_food_get_portions (food), 0);
      CfPortion *serving = NULL;
      double value = cf_food_get_rank_value (food, calcium, CF_RANK_PER_SERVING, &serving);

      /* The first household measure is the serving */
      g_assert_true (serving == first);
      g_assert_cmpfloat_with_epsilon (value,
                                      cf_food_get_nutrient (food, CF_NUTRIENT_CALCIUM) *
                                      cf_portion_get_grams (first) / 100, 1e-9);
    }

  /* Foods without a measure are left out: no K2 study food has one,
   * only USDA foods that borrow their MK-7 do */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7), CF_RANK_PER_SERVING, 0, 10);
  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);

      g_assert_cmpint (cf_food_get_source (food), ==, CF_FOOD_SOURCE_USDA);
      g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (food)), >, 0);
    }
}

static void
test_custom_merged_by_value (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure mk7 = CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7);
  g_autoptr(CfFood) home = make_custom (store, "Home-made natto", CF_NUTRIENT_MK7, 800, NAN, NAN);
  g_autoptr(CfFood) zero = make_custom (store, "Tofu", CF_NUTRIENT_MK7, 0, NAN, NAN);
  g_autoptr(CfFood) none = make_custom (store, "Soy milk", CF_NUTRIENT_MK7, NAN, NAN, NAN);
  g_autoptr(GPtrArray) foods = rank (store, mk7, CF_RANK_PER_100G, 0, 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) first = NULL;
  g_autoptr(CfFood) second = NULL;
  gboolean seen_none = FALSE;

  /* The reference nattos with the user's between them, by value */
  {
    guint at = G_MAXUINT;
    gboolean seen_zero = FALSE;

    for (guint i = 0; i < foods->len && at == G_MAXUINT; i++)
      {
        if (g_str_equal (cf_food_get_id (g_ptr_array_index (foods, i)), cf_food_get_id (home)))
          at = i;
      }
    g_assert_cmpuint (at, >, 0);
    g_assert_cmpuint (at, <, foods->len - 1);
    first = cf_food_store_get_food (store, cf_food_get_id (g_ptr_array_index (foods, at - 1)), &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (cf_food_get_nutrient (first, CF_NUTRIENT_MK7), >, 800);
    second = cf_food_store_get_food (store, cf_food_get_id (g_ptr_array_index (foods, at + 1)), &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (cf_food_get_nutrient (second, CF_NUTRIENT_MK7), <, 800);

    /* 0 is a value and is ranked (with the foods where none is
     * expected); no value is not ranked at all */
    for (guint i = 0; i < foods->len; i++)
      {
        seen_zero |= g_str_equal (cf_food_get_id (g_ptr_array_index (foods, i)), cf_food_get_id (zero));
        seen_none |= g_str_equal (cf_food_get_id (g_ptr_array_index (foods, i)), cf_food_get_id (none));
      }
    g_assert_true (seen_zero || foods->len == 100);
  }
  g_assert_false (seen_none);
  assert_ranked (foods, mk7, CF_RANK_PER_100G);

  /* Custom foods only */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, mk7, CF_RANK_PER_100G, CF_SEARCH_CUSTOM, 100);
  g_assert_cmpuint (foods->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (home));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (zero));

  /* Reference foods only */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, mk7, CF_RANK_PER_100G, CF_SEARCH_K2, 100);
  for (guint i = 0; i < foods->len; i++)
    g_assert_cmpint (cf_food_get_source (g_ptr_array_index (foods, i)), ==, CF_FOOD_SOURCE_K2);
}

static void
test_custom_bases (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure mg = CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM);
  /* 100 mg per 100 g; 50 kcal; a 300 g bowl */
  g_autoptr(CfFood) a = make_custom (store, "A", CF_NUTRIENT_MAGNESIUM, 100, 50, 300);
  /* 150 mg; 300 kcal; no measure */
  g_autoptr(CfFood) b = make_custom (store, "B", CF_NUTRIENT_MAGNESIUM, 150, 300, NAN);
  /* 80 mg; 0 kcal; a 20 g bowl */
  g_autoptr(CfFood) c = make_custom (store, "C", CF_NUTRIENT_MAGNESIUM, 80, 0, 20);
  /* 90 mg; no energy value */
  g_autoptr(CfFood) d = make_custom (store, "D", CF_NUTRIENT_MAGNESIUM, 90, NAN, NAN);
  g_autoptr(GPtrArray) foods = NULL;

  foods = rank (store, mg, CF_RANK_PER_100G, 0, 10);
  g_assert_cmpuint (foods->len, ==, 4);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (b));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (a));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 2)), ==, cf_food_get_id (d));
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 3)), ==, cf_food_get_id (c));

  /* A: 100 / 50 × 100 = 200 mg per 100 kcal; B: 50; C and D left out */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, mg, CF_RANK_PER_100KCAL, 0, 10);
  g_assert_cmpuint (foods->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (a));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 0), mg, CF_RANK_PER_100KCAL, NULL), ==, 200);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (b));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 1), mg, CF_RANK_PER_100KCAL, NULL), ==, 50);

  /* A: 100 × 300 / 100 = 300 mg per bowl; C: 16; B and D left out */
  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, mg, CF_RANK_PER_SERVING, 0, 10);
  g_assert_cmpuint (foods->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (a));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 0), mg, CF_RANK_PER_SERVING, NULL), ==, 300);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (c));
  g_assert_cmpfloat_with_epsilon (cf_food_get_rank_value (g_ptr_array_index (foods, 1), mg,
                                                          CF_RANK_PER_SERVING, NULL), 16, 1e-12);

  {
    g_autofree char *text = cf_food_format_rank_value (g_ptr_array_index (foods, 0), mg, CF_RANK_PER_SERVING);
    g_assert_cmpstr (text, ==, "300 mg per 1 bowl (300 g)");
  }
}

static void
test_combined_figures (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) forms = cf_food_new_custom ("Forms");
  g_autoptr(CfFood) total = cf_food_new_custom ("Total");
  g_autoptr(CfFood) epa = cf_food_new_custom ("EPA only");
  g_autoptr(CfFood) both = cf_food_new_custom ("EPA and DHA");
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(GPtrArray) foods = NULL;

  /* MK-4 10 + MK-7 25 = 35; the total, where given, wins over forms */
  cf_nutrients_set (n, CF_NUTRIENT_MK4, 10);
  cf_nutrients_set (n, CF_NUTRIENT_MK7, 25);
  cf_food_set_nutrients (forms, n);
  cf_nutrients_clear (n);
  cf_nutrients_set (n, CF_NUTRIENT_VITAMIN_K2_TOTAL, 30);
  cf_nutrients_set (n, CF_NUTRIENT_MK7, 100);
  cf_food_set_nutrients (total, n);
  cf_nutrients_clear (n);
  cf_nutrients_set (n, CF_NUTRIENT_EPA, 0.5);
  cf_food_set_nutrients (epa, n);
  cf_nutrients_clear (n);
  cf_nutrients_set (n, CF_NUTRIENT_EPA, 0.25);
  cf_nutrients_set (n, CF_NUTRIENT_DHA, 0.5);
  cf_food_set_nutrients (both, n);
  g_assert_true (cf_food_store_save_custom_food (store, forms, &error));
  g_assert_true (cf_food_store_save_custom_food (store, total, &error));
  g_assert_true (cf_food_store_save_custom_food (store, epa, &error));
  g_assert_true (cf_food_store_save_custom_food (store, both, &error));
  g_assert_no_error (error);

  foods = rank (store, CF_RANK_FIGURE_VITAMIN_K2, CF_RANK_PER_100G, 0, 10);
  g_assert_cmpuint (foods->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (forms));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 0), CF_RANK_FIGURE_VITAMIN_K2,
                                             CF_RANK_PER_100G, NULL), ==, 35);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (total));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 1), CF_RANK_FIGURE_VITAMIN_K2,
                                             CF_RANK_PER_100G, NULL), ==, 30);

  g_clear_pointer (&foods, g_ptr_array_unref);
  foods = rank (store, CF_RANK_FIGURE_EPA_DHA, CF_RANK_PER_100G, 0, 10);
  g_assert_cmpuint (foods->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 0)), ==, cf_food_get_id (both));
  g_assert_cmpfloat (cf_food_get_rank_value (g_ptr_array_index (foods, 0), CF_RANK_FIGURE_EPA_DHA,
                                             CF_RANK_PER_100G, NULL), ==, 0.75);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, 1)), ==, cf_food_get_id (epa));

  /* Keys */
  {
    CfRankFigure figure;
    CfRankBasis basis;

    g_assert_true (cf_rank_figure_from_key ("k2", &figure));
    g_assert_cmpint (figure, ==, CF_RANK_FIGURE_VITAMIN_K2);
    g_assert_true (cf_rank_figure_from_key ("EPA_DHA", &figure));
    g_assert_cmpint (figure, ==, CF_RANK_FIGURE_EPA_DHA);
    g_assert_true (cf_rank_figure_from_key ("mk7", &figure));
    g_assert_cmpint (figure, ==, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7));
    g_assert_false (cf_rank_figure_from_key ("vitamin_q", &figure));
    g_assert_cmpstr (cf_rank_figure_get_key (CF_RANK_FIGURE_EPA_DHA), ==, "epa_dha");
    g_assert_cmpint (cf_rank_figure_for_key_nutrient (CF_KEY_VITAMIN_K2), ==, CF_RANK_FIGURE_VITAMIN_K2);
    g_assert_cmpint (cf_rank_figure_for_key_nutrient (CF_KEY_MAGNESIUM), ==,
                     CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM));
    g_assert_true (cf_rank_basis_from_key ("100 kcal", &basis));
    g_assert_cmpint (basis, ==, CF_RANK_PER_100KCAL);
    g_assert_true (cf_rank_basis_from_key ("serving", &basis));
    g_assert_false (cf_rank_basis_from_key ("cup", &basis));
  }
}

static void
test_paging (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure calcium = CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_CALCIUM);
  g_autoptr(CfFood) a = make_custom (store, "Zero calcium", CF_NUTRIENT_CALCIUM, 0, NAN, NAN);
  g_autoptr(CfFood) b = make_custom (store, "Some calcium", CF_NUTRIENT_CALCIUM, 120, NAN, NAN);
  g_autoptr(GPtrArray) paged = rank_all (store, calcium, CF_RANK_PER_100G, 0, 250);
  g_autoptr(GPtrArray) whole = rank_all (store, calcium, CF_RANK_PER_100G, 0, 100000);
  g_autoptr(GArray) expected = expected_ranking (store, calcium, CF_RANK_PER_100G);

  /* Every reference food with a value, plus both of the user's */
  g_assert_cmpuint (whole->len, ==, expected->len + 2);
  g_assert_cmpuint (paged->len, ==, whole->len);
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (paged, i)), ==,
                     cf_food_get_id (g_ptr_array_index (whole, i)));
  assert_ranked (whole, calcium, CF_RANK_PER_100G);

  /* Ties at 0 are ordered by id, and custom: sorts before usda: */
  {
    guint first_zero = 0;

    while (cf_food_get_nutrient (g_ptr_array_index (whole, first_zero), CF_NUTRIENT_CALCIUM) > 0)
      first_zero++;
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (whole, first_zero)), ==, cf_food_get_id (a));
  }

  /* Small pages, through ties (many K2 foods share a value) */
  {
    g_autoptr(GPtrArray) one = rank_all (store, CF_RANK_FIGURE_VITAMIN_K2, CF_RANK_PER_100G, 0, 7);
    g_autoptr(GPtrArray) all = rank_all (store, CF_RANK_FIGURE_VITAMIN_K2, CF_RANK_PER_100G, 0, 1000);

    g_assert_cmpuint (one->len, ==, all->len);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (one, i)), ==,
                       cf_food_get_id (g_ptr_array_index (all, i)));
  }

  /* A cursor at the end stays there */
  {
    CfRankCursor cursor = CF_RANK_CURSOR_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) page = NULL;

    cursor.state = 2;
    page = cf_food_store_rank (store, calcium, CF_RANK_PER_100G, 0, NULL, &cursor, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 0);
  }
}

static void
test_group (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) foods = cf_food_store_rank (store, CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_CALCIUM),
                                                   CF_RANK_PER_100G, 0, "0100", NULL, 20, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (foods->len, ==, 20);
  for (guint i = 0; i < foods->len; i++)
    g_assert_cmpstr (cf_food_get_group_code (g_ptr_array_index (foods, i)), ==, "0100");
}

static void
rank_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfRankFigure k2 = CF_RANK_FIGURE_VITAMIN_K2;
  g_autoptr(GPtrArray) sync = rank (store, k2, CF_RANK_PER_100G, 0, 5);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) foods = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CfRankCursor next = CF_RANK_CURSOR_INIT;

  cf_food_store_rank_async (store, k2, CF_RANK_PER_100G, 0, NULL, NULL, 5, NULL, rank_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  foods = cf_food_store_rank_finish (store, result, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (foods->len, ==, 5);
  g_assert_false (cf_rank_cursor_is_end (&next));
  for (guint i = 0; i < foods->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, i)), ==,
                     cf_food_get_id (g_ptr_array_index (sync, i)));

  /* The next page starts after the last one */
  g_clear_object (&result);
  g_clear_pointer (&foods, g_ptr_array_unref);
  cf_food_store_rank_async (store, k2, CF_RANK_PER_100G, 0, NULL, &next, 5, NULL, rank_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  foods = cf_food_store_rank_finish (store, result, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&sync, g_ptr_array_unref);
  sync = rank (store, k2, CF_RANK_PER_100G, 0, 10);
  for (guint i = 0; i < foods->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (foods, i)), ==,
                     cf_food_get_id (g_ptr_array_index (sync, i + 5)));

  /* Cancelled */
  g_clear_object (&result);
  g_clear_pointer (&foods, g_ptr_array_unref);
  g_cancellable_cancel (cancellable);
  cf_food_store_rank_async (store, k2, CF_RANK_PER_100G, 0, NULL, NULL, 5, cancellable, rank_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  foods = cf_food_store_rank_finish (store, result, NULL, &error);
  g_assert_null (foods);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Latency on the real food database: run with -m perf */
static void
test_latency (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  static const struct {
    const char  *figure;
    CfRankBasis  basis;
  } queries[] = {
    { "mk7", CF_RANK_PER_100G },
    { "k2", CF_RANK_PER_100G },
    { "magnesium", CF_RANK_PER_100G },
    { "magnesium", CF_RANK_PER_100KCAL },
    { "calcium", CF_RANK_PER_SERVING },
    { "epa_dha", CF_RANK_PER_100KCAL },
  };

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double times[50];
      CfRankFigure figure;

      g_assert_true (cf_rank_figure_from_key (queries[q].figure, &figure));
      for (guint r = 0; r < G_N_ELEMENTS (times); r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) foods = rank (store, figure, queries[q].basis, 0, 50);

          times[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
      g_test_message ("rank %s per %s, 50 foods: p50 %.2f ms, p90 %.2f ms",
                      queries[q].figure, cf_rank_basis_to_key (queries[q].basis), times[25], times[45]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/ranking/mk7-natto-first", test_mk7_natto_first);
  g_test_add_func ("/cofactor/ranking/per-100g-matches-c", test_per_100g_matches_c);
  g_test_add_func ("/cofactor/ranking/magnesium-per-100kcal", test_magnesium_per_100kcal);
  g_test_add_func ("/cofactor/ranking/per-serving", test_per_serving);
  g_test_add_func ("/cofactor/ranking/custom-merged-by-value", test_custom_merged_by_value);
  g_test_add_func ("/cofactor/ranking/custom-bases", test_custom_bases);
  g_test_add_func ("/cofactor/ranking/combined-figures", test_combined_figures);
  g_test_add_func ("/cofactor/ranking/paging", test_paging);
  g_test_add_func ("/cofactor/ranking/group", test_group);
  g_test_add_func ("/cofactor/ranking/async", test_async);
  g_test_add_func ("/cofactor/ranking/latency", test_latency);

  return g_test_run ();
}
