/* test-diary.c
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
#include "cf-diary-undo.h"
#include "cf-supplements.h"
#include "cf-error.h"
#include "cf-test-util.h"

static GDate
day_of (const char *iso)
{
  GDate day;

  g_assert_true (cf_day_parse (iso, &day, NULL));

  return day;
}

static CfFood *
get_food (CfContext  *context,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  CfFood *food = cf_food_store_get_food (cf_context_get_food_store (context), id, &error);

  g_assert_no_error (error);
  return food;
}

static CfDiaryEntry *
log_food (CfContext  *context,
          const char *iso,
          CfMeal      meal,
          const char *id,
          double      grams)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = get_food (context, id);
  GDate day = day_of (iso);
  CfDiaryEntry *entry = cf_diary_entry_new (&day, meal, food, grams, NULL, 0);

  g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
  g_assert_no_error (error);

  return entry;
}

static void
test_dates (void)
{
  static const char *bad[] = { "2023-02-29", "2024-13-01", "2024-1-1", "24-01-01", "2024-01-01x",
                               "", "tomorow", "0000-01-01", "2024/01/01", "2024-01-32" };
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate day, today;

  g_assert_true (cf_day_parse ("2024-02-29", &day, &error));
  iso = cf_day_to_iso (&day);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  cf_day_set_today (&today);
  g_assert_true (cf_day_parse ("yesterday", &day, &error));
  g_assert_cmpint (g_date_days_between (&day, &today), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (cf_day_parse (bad[i], &day, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Display: a one-digit day is never padded ("%e" pads it with a
   * figure space, which showed as "Fri,  4 Dec"); "%%e" stays literal */
  {
    g_autofree char *padded = NULL;
    g_autofree char *full = NULL;
    g_autofree char *literal = NULL;

    day = day_of ("2026-12-04");
    padded = cf_day_format (&day, "%a, %e %b");
    g_assert_cmpstr (padded, ==, "Fri, 4 Dec");
    full = cf_day_format (&day, "%A, %e %B %Y");
    g_assert_cmpstr (full, ==, "Friday, 4 December 2026");
    literal = cf_day_format (&day, "%%e %-d");
    g_assert_cmpstr (literal, ==, "%e 4");
  }
}

static void
test_crud (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDiaryEntry) a = log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:01009", 30);
  g_autoptr(CfDiaryEntry) b = log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:11090", 91);
  g_autoptr(CfDiaryEntry) c = log_food (context, "2026-03-14", CF_MEAL_DINNER, "k2:natto-kamao-2007", 50);
  g_autoptr(CfDiaryEntry) other = log_food (context, "2026-03-15", CF_MEAL_LUNCH, "usda:01009", 10);
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(CfDiaryEntry) loaded = NULL;
  GDate pi = day_of ("2026-03-14");
  GDate next = day_of ("2026-03-15");

  day = cf_diary_list_day (diary, &pi, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 3);
  g_assert_cmpstr (cf_diary_entry_get_id (g_ptr_array_index (day, 0)), ==, cf_diary_entry_get_id (a));
  g_assert_cmpstr (cf_diary_entry_get_id (g_ptr_array_index (day, 1)), ==, cf_diary_entry_get_id (b));
  g_assert_cmpstr (cf_diary_entry_get_id (g_ptr_array_index (day, 2)), ==, cf_diary_entry_get_id (c));
  g_assert_cmpint (cf_diary_entry_get_position (a), <, cf_diary_entry_get_position (b));

  loaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_diary_entry_get_food_name (loaded), ==, "Natto (fermented soybeans), Japan");
  g_assert_cmpfloat (cf_diary_entry_get_grams (loaded), ==, 50);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_MK7), 469.5, 1e-9);
  g_assert_true (isnan (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_CALCIUM)));

  /* Update: move the cheese to the next day's lunch with a new amount */
  cf_diary_entry_set_day (a, &next);
  cf_diary_entry_set_meal (a, CF_MEAL_LUNCH);
  cf_diary_entry_set_amount (a, 45, NULL, 0);
  g_assert_true (cf_diary_update (diary, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&day, g_ptr_array_unref);
  day = cf_diary_list_day (diary, &next, &error);
  g_assert_cmpuint (day->len, ==, 2);
  /* Moved entries go last in their new meal */
  g_assert_cmpstr (cf_diary_entry_get_id (g_ptr_array_index (day, 1)), ==, cf_diary_entry_get_id (a));
  g_assert_cmpfloat (cf_diary_entry_get_grams (g_ptr_array_index (day, 1)), ==, 45);

  /* Remove, then undo by adding the same entry back */
  g_assert_true (cf_diary_remove (diary, cf_diary_entry_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_null (cf_diary_get_entry (diary, cf_diary_entry_get_id (b), &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cf_diary_add (diary, b, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (b), &error);
  g_assert_no_error (error);

  /* Adding the same id twice is refused */
  g_assert_false (cf_diary_add (diary, b, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cf_diary_remove (diary, "no-such-entry", &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 4);
  (void) other;
}

static void
test_totals (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autoptr(CfNutrientTotals) dinner = NULL;
  g_autoptr(CfNutrientTotals) empty = NULL;
  g_autoptr(CfNutrientTotals) range = NULL;
  g_autoptr(GArray) daily = NULL;
  GDate d1 = day_of ("2026-03-14");
  GDate d2 = day_of ("2026-03-15");
  GDate d3 = day_of ("2026-03-20");

  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:01009", 30));   /* cheddar */
  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_DINNER, "k2:natto-kamao-2007", 50));
  g_object_unref (log_food (context, "2026-03-15", CF_MEAL_LUNCH, "usda:11233", 200));        /* kale */

  totals = cf_diary_get_totals (diary, &d1, &d1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->n_entries, ==, 2);
  g_assert_cmpfloat (totals->grams, ==, 80);
  /* Calcium: only the cheddar has a value (710 mg/100 g) */
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM), 213, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_CALCIUM), 30.0 / 80.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_MK7), 469.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_MK4), 8.6 * 0.3, 1e-9);
  /* Nobody has EPA data for natto, cheddar has 0.010 g */
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_EPA), 0.003, 1e-12);
  /* ALA: neither food has a value — no value, not zero */
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_ALA)));
  g_assert_cmpfloat (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_ALA), ==, 0);

  dinner = cf_diary_get_totals (diary, &d1, &d1, CF_MEAL_DINNER, &error);
  g_assert_cmpuint (dinner->n_entries, ==, 1);
  g_assert_true (isnan (cf_nutrient_totals_get (dinner, CF_NUTRIENT_CALCIUM)));

  empty = cf_diary_get_totals (diary, &d3, &d3, -1, &error);
  g_assert_cmpuint (empty->n_entries, ==, 0);
  g_assert_true (isnan (cf_nutrient_totals_get (empty, CF_NUTRIENT_CALCIUM)));
  g_assert_true (isnan (cf_nutrient_totals_get_coverage (empty, CF_NUTRIENT_CALCIUM)));

  range = cf_diary_get_totals (diary, &d1, &d3, -1, &error);
  g_assert_cmpuint (range->n_entries, ==, 3);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (range, CF_NUTRIENT_CALCIUM), 213 + 300, 1e-9);

  daily = cf_diary_get_daily_totals (diary, &d1, &d3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (daily->len, ==, 2);
  g_assert_cmpint (g_date_compare (&g_array_index (daily, CfDayTotals, 0).day, &d1), ==, 0);
  g_assert_cmpint (g_date_compare (&g_array_index (daily, CfDayTotals, 1).day, &d2), ==, 0);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (&g_array_index (daily, CfDayTotals, 1).totals,
                                                          CF_NUTRIENT_VITAMIN_K1), 1409.6, 1e-9);
}

/* An entry keeps the name and values it was logged with, whatever
 * happens to its food later. */
static void
test_snapshot (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfFood) food = cf_food_new_custom ("Grandma's kefir");
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = day_of ("2026-01-01");

  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 120);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  entry = cf_diary_entry_new (&day, CF_MEAL_SNACKS, food, 250, NULL, 0);
  g_assert_true (cf_diary_add (diary, entry, &error));

  cf_food_set_name (food, "Renamed kefir");
  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 1);
  cf_food_set_nutrients (food, n);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  loaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_cmpstr (cf_diary_entry_get_food_name (loaded), ==, "Grandma's kefir");
  g_assert_cmpfloat (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_CALCIUM), ==, 300);

  g_assert_true (cf_food_store_delete_custom_food (store, cf_food_get_id (food), &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_diary_entry_get_food_name (loaded), ==, "Grandma's kefir");
  g_assert_cmpfloat (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_CALCIUM), ==, 300);
}

static void
test_bad_amounts (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfFood) food = get_food (context, "usda:01009");
  static const double bad[] = { 0, -1, -0.0001, NAN, INFINITY, -INFINITY, CF_MAX_ENTRY_GRAMS + 1, 1e300 };
  GDate day = day_of ("2026-01-01");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, food, bad[i], NULL, 0);

      g_assert_false (cf_diary_add (diary, entry, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    }

  /* Nothing half-written */
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 0);
}

static void
test_parse_amount (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) broccoli = get_food (context, "usda:11090");
  static const struct {
    const char *text;
    double      grams;
    const char *portion;
    double      quantity;
  } good[] = {
    { "150", 150, NULL, 0 },
    { "150g", 150, NULL, 0 },
    { " 150 g ", 150, NULL, 0 },
    { "1,5 kg", 1500, NULL, 0 },
    { "2 oz", 56.69904625, NULL, 0 },
    { "1 cup chopped", 91, "cup chopped", 1 },
    { "2 cup", 182, "cup chopped", 2 },
    { "1 cup, chopped or diced", 88, "cup, chopped or diced", 1 },
    { "3 spear", 93, "spear (about 5\" long)", 3 },
  };
  static const char *bad[] = { "", "  ", "abc", "0", "-5", "5 parsecs", "nan", "inf", "1e9", "0 cup", "1.2.3 g", "9999999 cup" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfPortion) portion = NULL;
      double grams, quantity;

      g_assert_true (cf_parse_amount (good[i].text, broccoli, &grams, &portion, &quantity, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (grams, good[i].grams, 1e-9);
      if (good[i].portion)
        {
          g_autoptr(CfDiaryEntry) entry = NULL;
          GDate day = day_of ("2026-01-01");

          g_assert_nonnull (portion);
          g_assert_cmpstr (cf_portion_get_description (portion), ==, good[i].portion);

          entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, broccoli, grams, portion, quantity);
          g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_portion_quantity (entry), good[i].quantity, 1e-9);
        }
      else
        g_assert_null (portion);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfPortion) portion = NULL;
      double grams, quantity;

      g_assert_false (cf_parse_amount (bad[i], broccoli, &grams, &portion, &quantity, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_assert_null (portion);
    }
}

static void
test_amount_label (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) broccoli = get_food (context, "usda:11090");
  GListModel *portions = cf_food_get_portions (broccoli);
  g_autoptr(CfPortion) cup = g_list_model_get_item (portions, 0);
  GDate day = day_of ("2026-01-01");
  g_autoptr(CfDiaryEntry) by_weight = cf_diary_entry_new (&day, CF_MEAL_LUNCH, broccoli, 150, NULL, 0);
  g_autoptr(CfDiaryEntry) by_cup = cf_diary_entry_new (&day, CF_MEAL_LUNCH, broccoli, 136.5, cup, 1.5);
  g_autofree char *a = cf_diary_entry_dup_amount_label (by_weight);
  g_autofree char *b = cf_diary_entry_dup_amount_label (by_cup);

  g_assert_cmpstr (a, ==, "150 g");
  g_assert_cmpstr (b, ==, "1.5 cup chopped (136.5 g)");
}

static void
changed_cb (CfDiary    *diary,
            const char *day,
            GPtrArray  *days)
{
  g_ptr_array_add (days, g_strdup (day ? day : "(many)"));
}

static void
test_changed_signal (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GDate other = day_of ("2026-02-02");

  g_signal_connect (diary, "changed", G_CALLBACK (changed_cb), days);

  entry = log_food (context, "2026-02-01", CF_MEAL_LUNCH, "usda:01009", 20);
  cf_diary_entry_set_day (entry, &other);
  g_assert_true (cf_diary_update (diary, entry, &error));
  g_assert_true (cf_diary_remove (diary, cf_diary_entry_get_id (entry), &error));
  g_assert_no_error (error);

  /* add; update (old day, new day); remove */
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2026-02-01");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "2026-02-01");
  g_assert_cmpstr (g_ptr_array_index (days, 2), ==, "2026-02-02");
  g_assert_cmpstr (g_ptr_array_index (days, 3), ==, "2026-02-02");

  g_signal_handlers_disconnect_by_data (diary, days);
}

static void
test_copy (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) target = NULL;
  g_autoptr(CfNutrientTotals) a = NULL;
  g_autoptr(CfNutrientTotals) b = NULL;
  GDate from = day_of ("2026-03-14");
  GDate to = day_of ("2026-03-16");
  guint n = 99;

  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:01009", 30));
  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:09040", 100));
  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_DINNER, "usda:11090", 91));
  g_object_unref (log_food (context, "2026-03-16", CF_MEAL_BREAKFAST, "usda:01123", 50));

  /* One meal: appended after what the day already has */
  g_assert_true (cf_diary_copy (diary, &from, &to, CF_MEAL_BREAKFAST, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  target = cf_diary_list_day (diary, &to, &error);
  g_assert_cmpuint (target->len, ==, 3);
  g_assert_cmpstr (cf_diary_entry_get_food_id (g_ptr_array_index (target, 0)), ==, "usda:01123");
  g_assert_cmpstr (cf_diary_entry_get_food_id (g_ptr_array_index (target, 1)), ==, "usda:01009");
  g_assert_cmpstr (cf_diary_entry_get_food_id (g_ptr_array_index (target, 2)), ==, "usda:09040");

  /* A whole day to an empty day gives the same totals */
  to = day_of ("2026-03-20");
  g_assert_true (cf_diary_copy (diary, &from, &to, -1, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 3);
  a = cf_diary_get_totals (diary, &from, &from, -1, &error);
  b = cf_diary_get_totals (diary, &to, &to, -1, &error);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_assert_cmpfloat (a->sum[i], ==, b->sum[i]);

  /* Copying an empty day copies nothing and is not an error */
  from = day_of ("2026-01-01");
  g_assert_true (cf_diary_copy (diary, &from, &to, -1, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 9);
}

/* The ids of @day's entries in @meal, in their order, joined by spaces */
static char *
meal_ids (CfDiary     *diary,
          const char  *iso,
          CfMeal       meal)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = day_of (iso);
  GString *s = g_string_new (NULL);

  entries = cf_diary_list_day (diary, &day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (cf_diary_entry_get_meal (g_ptr_array_index (entries, i)) == meal)
      g_string_append_printf (s, "%s%s", s->len ? " " : "", cf_diary_entry_get_id (g_ptr_array_index (entries, i)));

  return g_string_free (s, FALSE);
}

/* An undo record puts back removed and edited entries exactly (id,
 * values, meal, day, place) and takes copies out, all at once */
static void
test_undo (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfDiaryEntry) a = log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:01009", 30);
  g_autoptr(CfDiaryEntry) b = log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:09040", 100);
  g_autoptr(CfDiaryEntry) c = log_food (context, "2026-03-14", CF_MEAL_BREAKFAST, "usda:11090", 91);
  g_autoptr(CfDiaryUndo) undo = NULL;
  g_autoptr(CfDiaryEntry) back = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = meal_ids (diary, "2026-03-14", CF_MEAL_BREAKFAST);
  g_autofree char *after = NULL;
  GDate from = day_of ("2026-03-14"), to = day_of ("2026-03-15");
  guint n = 0;

  /* Remove the middle one, undo: back in its place with its values */
  undo = cf_diary_undo_new (diary);
  g_assert_true (cf_diary_undo_save_entry (undo, cf_diary_entry_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_true (cf_diary_remove (diary, cf_diary_entry_get_id (b), &error));
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 2);
  g_assert_true (cf_diary_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = meal_ids (diary, "2026-03-14", CF_MEAL_BREAKFAST);
  g_assert_cmpstr (after, ==, before);
  back = cf_diary_get_entry (diary, cf_diary_entry_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cf_diary_entry_get_grams (back), ==, 100);
  g_assert_cmpstr (cf_diary_entry_get_food_id (back), ==, "usda:09040");

  /* Once only */
  g_assert_false (cf_diary_undo_apply (undo, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 3);
  g_clear_object (&undo);

  /* Edit the first: other amount, moved to another day's lunch; undo
   * puts it back first in breakfast with its amount */
  undo = cf_diary_undo_new (diary);
  g_assert_true (cf_diary_undo_save_entry (undo, cf_diary_entry_get_id (a), &error));
  cf_diary_entry_set_amount (a, 250, NULL, 0);
  cf_diary_entry_set_meal (a, CF_MEAL_LUNCH);
  cf_diary_entry_set_day (a, &to);
  g_assert_true (cf_diary_update (diary, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = meal_ids (diary, "2026-03-14", CF_MEAL_BREAKFAST);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (cf_diary_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = meal_ids (diary, "2026-03-14", CF_MEAL_BREAKFAST);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = meal_ids (diary, "2026-03-15", CF_MEAL_LUNCH);
  g_assert_cmpstr (after, ==, "");
  g_clear_object (&back);
  back = cf_diary_get_entry (diary, cf_diary_entry_get_id (a), &error);
  g_assert_cmpfloat (cf_diary_entry_get_grams (back), ==, 30);
  g_clear_object (&undo);

  /* Copy a day, undo: the copies go, the originals stay */
  g_assert_true (cf_diary_copy (diary, &from, &to, -1, &n, &copies, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (copies->len, ==, 3);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 6);
  undo = cf_diary_undo_new (diary);
  for (guint i = 0; i < copies->len; i++)
    cf_diary_undo_add_new_entry (undo, cf_diary_entry_get_id (g_ptr_array_index (copies, i)));
  g_assert_cmpuint (cf_diary_undo_get_n_entries (undo), ==, 3);
  /* One copy already removed by hand is not an error */
  g_assert_true (cf_diary_remove (diary, cf_diary_entry_get_id (g_ptr_array_index (copies, 0)), &error));
  g_assert_true (cf_diary_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 3);
  g_clear_pointer (&after, g_free);
  after = meal_ids (diary, "2026-03-14", CF_MEAL_BREAKFAST);
  g_assert_cmpstr (after, ==, before);
  (void) c;
}

static void
test_recent_and_frequent (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) frequent = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (log_food (context, "2026-03-10", CF_MEAL_LUNCH, "usda:01009", 30));
  g_object_unref (log_food (context, "2026-03-11", CF_MEAL_LUNCH, "usda:01009", 30));
  g_object_unref (log_food (context, "2026-03-12", CF_MEAL_LUNCH, "usda:01009", 30));
  g_object_unref (log_food (context, "2026-03-12", CF_MEAL_LUNCH, "usda:09040", 100));
  g_object_unref (log_food (context, "2026-03-12", CF_MEAL_LUNCH, "usda:09040", 100));
  g_object_unref (log_food (context, "2026-03-13", CF_MEAL_LUNCH, "k2:natto-kamao-2007", 50));

  recent = cf_diary_list_recent_foods (diary, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (recent, 0)), ==, "k2:natto-kamao-2007");
  g_assert_cmpint (cf_food_get_source (g_ptr_array_index (recent, 0)), ==, CF_FOOD_SOURCE_K2);
  g_assert_cmpfloat (cf_food_get_nutrient (g_ptr_array_index (recent, 0), CF_NUTRIENT_MK7), ==, 939);

  frequent = cf_diary_list_frequent_foods (diary, 10, &error);
  g_assert_cmpuint (frequent->len, ==, 3);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (frequent, 0)), ==, "usda:01009");
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (frequent, 1)), ==, "usda:09040");
  g_assert_cmpstr (cf_food_get_name (g_ptr_array_index (frequent, 0)), ==, "Cheese, cheddar");
}

static void
test_supplements (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfDiary *diary = cf_context_get_diary (context);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) k2 = NULL;
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) loaded = NULL;
  g_autofree char *label = NULL;
  CfSupplementDose doses[] = { { CF_NUTRIENT_MAGNESIUM, 150 }, { CF_NUTRIENT_VITAMIN_D, 12.5 } };
  g_autoptr(CfFood) own = cf_supplement_new ("My magnesium", "scoop", doses, G_N_ELEMENTS (doses));
  GDate day = day_of ("2026-05-01");
  double grams, quantity;

  g_assert_cmpuint (templates->len, >=, 6);
  for (guint i = 0; i < templates->len; i++)
    {
      CfFood *t = g_ptr_array_index (templates, i);

      g_assert_cmpint (cf_food_get_kind (t), ==, CF_FOOD_KIND_SUPPLEMENT);
      g_assert_nonnull (cf_supplement_get_unit (t));
      g_assert_true (cf_food_validate (t, &error));
      g_assert_no_error (error);
    }

  /* The first template: one capsule = 100 µg MK-7 */
  k2 = g_object_ref (g_ptr_array_index (templates, 0));
  g_assert_cmpfloat (cf_supplement_get_dose (k2, CF_NUTRIENT_MK7), ==, 100);
  g_assert_true (isnan (cf_supplement_get_dose (k2, CF_NUTRIENT_CALCIUM)));
  g_assert_true (cf_food_store_save_custom_food (store, k2, &error));

  g_assert_cmpfloat (cf_supplement_get_dose (own, CF_NUTRIENT_MAGNESIUM), ==, 150);
  g_assert_cmpfloat (cf_supplement_get_dose (own, CF_NUTRIENT_VITAMIN_D), ==, 12.5);
  g_assert_cmpstr (cf_supplement_get_unit (own), ==, "scoop");

  /* New doses replace the old ones (the dropped one has no value, not
   * zero) and the unit; the food keeps its id */
  {
    g_autofree char *id = g_strdup (cf_food_get_id (own));
    CfSupplementDose changed[] = { { CF_NUTRIENT_MAGNESIUM, 200 } };

    cf_supplement_set_doses (own, "sachet", changed, G_N_ELEMENTS (changed));
    g_assert_cmpstr (cf_food_get_id (own), ==, id);
    g_assert_cmpfloat (cf_supplement_get_dose (own, CF_NUTRIENT_MAGNESIUM), ==, 200);
    g_assert_true (isnan (cf_supplement_get_dose (own, CF_NUTRIENT_VITAMIN_D)));
    g_assert_cmpstr (cf_supplement_get_unit (own), ==, "sachet");
    g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (own)), ==, 1);
  }

  g_assert_true (cf_parse_amount ("2 capsule", k2, &grams, &portion, &quantity, &error));
  entry = cf_diary_entry_new (&day, CF_MEAL_SUPPLEMENTS, k2, grams, portion, quantity);
  g_assert_true (cf_diary_add (diary, entry, &error));
  loaded = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_diary_entry_get_food_kind (loaded), ==, CF_FOOD_KIND_SUPPLEMENT);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_MK7), 200, 1e-9);
  label = cf_diary_entry_dup_amount_label (loaded);
  g_assert_cmpstr (label, ==, "2 × capsule");
}

static void
test_demo (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) daily = NULL;
  GDate last = day_of ("2026-03-14");
  GDate first = day_of ("2026-03-01");
  guint supplements_days = 0;

  g_assert_true (cf_demo_fill (context, &last, 14, &error));
  g_assert_no_error (error);

  daily = cf_diary_get_daily_totals (diary, &first, &last, &error);
  g_assert_cmpuint (daily->len, ==, 14);
  for (guint i = 0; i < daily->len; i++)
    {
      CfNutrientTotals *t = &g_array_index (daily, CfDayTotals, i).totals;

      /* Three meals and vitamin D drops every day */
      g_assert_cmpuint (t->n_entries, >=, 10);
      g_assert_cmpfloat (cf_nutrient_totals_get (t, CF_NUTRIENT_ENERGY), >, 1000);
      g_assert_cmpfloat (cf_nutrient_totals_get (t, CF_NUTRIENT_VITAMIN_D), >=, 20);
    }

  for (guint i = 0; i < daily->len; i++)
    {
      GDate *d = &g_array_index (daily, CfDayTotals, i).day;
      g_autoptr(CfNutrientTotals) t = cf_diary_get_totals (diary, d, d, CF_MEAL_SUPPLEMENTS, &error);

      supplements_days += cf_nutrient_totals_get (t, CF_NUTRIENT_MK7) > 0;
    }
  /* K2 capsules on some days only */
  g_assert_cmpuint (supplements_days, >, 0);
  g_assert_cmpuint (supplements_days, <, 14);
}

/* Every template with vitamin K (K1 or a K2 form) carries the caution
 * for people on vitamin K antagonists; the others do not */
static void
test_supplement_caution (void)
{
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfSupplementDose k1[] = { { CF_NUTRIENT_VITAMIN_K1, 50 } };
  CfSupplementDose mg[] = { { CF_NUTRIENT_MAGNESIUM, 200 } };
  CfSupplementDose zero[] = { { CF_NUTRIENT_MK7, 0 } };
  guint with_k2 = 0;

  for (guint i = 0; i < templates->len; i++)
    {
      CfFood *t = g_ptr_array_index (templates, i);
      gboolean has_k = !isnan (cf_supplement_get_dose (t, CF_NUTRIENT_MK7)) ||
                       !isnan (cf_supplement_get_dose (t, CF_NUTRIENT_MK4)) ||
                       !isnan (cf_supplement_get_dose (t, CF_NUTRIENT_VITAMIN_K1));
      const char *caution = cf_supplement_get_caution (t);

      g_test_message ("%s", cf_food_get_name (t));
      if (has_k)
        {
          with_k2++;
          g_assert_nonnull (caution);
          g_assert_nonnull (strstr (caution, "warfarin"));
          g_assert_nonnull (strstr (caution, "doctor who prescribes"));
        }
      else
        g_assert_null (caution);
    }
  /* MK-7 alone and with vitamin D */
  g_assert_cmpuint (with_k2, >=, 2);

  g_assert_nonnull (cf_supplement_doses_get_caution (k1, G_N_ELEMENTS (k1)));
  g_assert_null (cf_supplement_doses_get_caution (mg, G_N_ELEMENTS (mg)));
  g_assert_null (cf_supplement_doses_get_caution (zero, G_N_ELEMENTS (zero)));

  /* Vitamin K of unstated form ("Vitamin K" on a label) too */
  {
    CfSupplementDose unstated[] = { { CF_NUTRIENT_VITAMIN_K_UNSTATED, 90 } };

    g_assert_nonnull (cf_supplement_doses_get_caution (unstated, G_N_ELEMENTS (unstated)));
  }
}

/* Entries imported from another tracker: with a weight they hold
 * values per 100 g; without one ("1.00 medium") they hold the amounts
 * as given, count in the sums but not in the weight coverage is
 * measured by, and their amount is shown as the file wrote it. */
static void
test_imported_entries (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfNutrients) amounts = cf_nutrients_new ();
  g_autoptr(CfDiaryEntry) weighed = NULL;
  g_autoptr(CfDiaryEntry) banana = NULL;
  g_autoptr(CfDiaryEntry) loaded = NULL;
  g_autoptr(CfDiaryEntry) bad = NULL;
  g_autoptr(CfDiaryEntry) copy = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autofree char *label = NULL;
  CfNutrients got;
  GDate day = day_of ("2026-03-14");

  cf_nutrients_set (amounts, CF_NUTRIENT_CALCIUM, 40);
  cf_nutrients_set (amounts, CF_NUTRIENT_ENERGY, 120);
  weighed = _cf_diary_entry_new_imported ("00000000-0000-5000-8000-000000000001", &day, CF_MEAL_BREAKFAST,
                                          "cronometer:0123abcd", "Yogurt, plain", 80, amounts,
                                          CF_ENTRY_ORIGIN_CRONOMETER, "80.00 g", NULL);
  g_assert_true (cf_diary_entry_has_weight (weighed));
  g_assert_cmpfloat_with_epsilon (cf_nutrients_get (cf_diary_entry_get_nutrients_per_100g (weighed),
                                                    CF_NUTRIENT_CALCIUM), 50, 1e-12);

  cf_nutrients_clear (amounts);
  cf_nutrients_set (amounts, CF_NUTRIENT_CALCIUM, 6);
  cf_nutrients_set (amounts, CF_NUTRIENT_ENERGY, 105);
  cf_nutrients_set (amounts, CF_NUTRIENT_VITAMIN_K_UNSTATED, 0.6);
  banana = _cf_diary_entry_new_imported ("00000000-0000-5000-8000-000000000002", &day, CF_MEAL_SNACKS,
                                         "cronometer:4567ef01", "Banana", NAN, amounts,
                                         CF_ENTRY_ORIGIN_CRONOMETER, "1.00 medium", "Pre-workout");
  g_assert_false (cf_diary_entry_has_weight (banana));

  g_assert_true (cf_diary_add (diary, weighed, &error));
  g_assert_no_error (error);
  g_assert_true (cf_diary_add (diary, banana, &error));
  g_assert_no_error (error);
  g_object_unref (log_food (context, "2026-03-14", CF_MEAL_LUNCH, "usda:01009", 30));   /* cheddar */

  loaded = cf_diary_get_entry (diary, "00000000-0000-5000-8000-000000000002", &error);
  g_assert_no_error (error);
  g_assert_false (cf_diary_entry_has_weight (loaded));
  g_assert_true (isnan (cf_diary_entry_get_grams (loaded)));
  g_assert_cmpint (cf_diary_entry_get_origin (loaded), ==, CF_ENTRY_ORIGIN_CRONOMETER);
  g_assert_cmpstr (cf_diary_entry_get_origin_amount (loaded), ==, "1.00 medium");
  g_assert_cmpstr (cf_diary_entry_get_origin_meal (loaded), ==, "Pre-workout");
  g_assert_cmpstr (cf_entry_origin_get_name (cf_diary_entry_get_origin (loaded)), ==, "Cronometer");
  g_assert_cmpfloat (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_CALCIUM), ==, 6);
  g_assert_true (isnan (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_MAGNESIUM)));
  /* It has no values per 100 g at all */
  g_assert_cmpuint (cf_nutrients_count (cf_diary_entry_get_nutrients_per_100g (loaded)), ==, 0);
  cf_diary_entry_get_amounts (loaded, &got);
  g_assert_cmpuint (cf_nutrients_count (&got), ==, 3);
  g_assert_cmpfloat (cf_nutrients_get (&got, CF_NUTRIENT_VITAMIN_K_UNSTATED), ==, 0.6);
  label = cf_diary_entry_dup_amount_label (loaded);
  g_assert_cmpstr (label, ==, "1.00 medium");

  g_clear_object (&loaded);
  loaded = cf_diary_get_entry (diary, "00000000-0000-5000-8000-000000000001", &error);
  g_assert_cmpfloat (cf_diary_entry_get_grams (loaded), ==, 80);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (loaded, CF_NUTRIENT_CALCIUM), 40, 1e-9);
  g_assert_cmpstr (cf_diary_entry_get_origin_amount (loaded), ==, "80.00 g");
  g_assert_null (cf_diary_entry_get_origin_meal (loaded));

  /* Sums: 40 + 6 + 213 mg calcium; the weight is 80 + 30 g, the banana
   * has none, so the calcium coverage is over the weighed food only */
  totals = cf_diary_get_totals (diary, &day, &day, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->n_entries, ==, 3);
  g_assert_cmpfloat (totals->grams, ==, 110);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM), 40 + 6 + 213, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get_coverage (totals, CF_NUTRIENT_CALCIUM), 1, 1e-12);
  g_assert_cmpfloat (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_K_UNSTATED), ==, 0.6);
  g_assert_cmpuint (totals->known_entries[CF_NUTRIENT_VITAMIN_K_UNSTATED], ==, 1);

  /* A copy keeps the origin and the amounts */
  copy = cf_diary_entry_copy (banana);
  g_assert_cmpint (cf_diary_entry_get_origin (copy), ==, CF_ENTRY_ORIGIN_CRONOMETER);
  g_assert_false (cf_diary_entry_has_weight (copy));
  g_assert_cmpfloat (cf_diary_entry_get_nutrient (copy, CF_NUTRIENT_ENERGY), ==, 105);

  /* Imported foods are not offered as recent foods to log again */
  recent = cf_diary_list_recent_foods (diary, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (recent, 0)), ==, "usda:01009");

  /* Amounts beyond what one entry can hold are refused */
  cf_nutrients_clear (amounts);
  cf_nutrients_set (amounts, CF_NUTRIENT_ENERGY, 50000);
  bad = _cf_diary_entry_new_imported ("00000000-0000-5000-8000-000000000003", &day, CF_MEAL_SNACKS,
                                      "myfitnesspal:lunch", "Lunch", NAN, amounts,
                                      CF_ENTRY_ORIGIN_MYFITNESSPAL, NULL, NULL);
  g_assert_false (cf_diary_add (diary, bad, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/diary/dates", test_dates);
  g_test_add_func ("/cofactor/diary/crud", test_crud);
  g_test_add_func ("/cofactor/diary/totals", test_totals);
  g_test_add_func ("/cofactor/diary/snapshot", test_snapshot);
  g_test_add_func ("/cofactor/diary/bad-amounts", test_bad_amounts);
  g_test_add_func ("/cofactor/diary/parse-amount", test_parse_amount);
  g_test_add_func ("/cofactor/diary/amount-label", test_amount_label);
  g_test_add_func ("/cofactor/diary/changed-signal", test_changed_signal);
  g_test_add_func ("/cofactor/diary/copy", test_copy);
  g_test_add_func ("/cofactor/diary/undo", test_undo);
  g_test_add_func ("/cofactor/diary/recent-and-frequent", test_recent_and_frequent);
  g_test_add_func ("/cofactor/diary/supplements", test_supplements);
  g_test_add_func ("/cofactor/diary/supplement-caution", test_supplement_caution);
  g_test_add_func ("/cofactor/diary/demo", test_demo);
  g_test_add_func ("/cofactor/diary/imported-entries", test_imported_entries);

  return g_test_run ();
}
