/* test-insights.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The insight rules on hand-built diaries.  Foods are custom foods with
 * round values per 100 g, so every expected number can be worked out
 * by hand.  The profile is a woman of 40 on the NASEM tables: calcium
 * 1000 mg (UL 2500), magnesium 320 mg (UL 350, supplements only),
 * vitamin D 15 µg (UL 100), vitamin K 90 µg, K2 goal 29.1 µg, vitamin C
 * 75 mg, potassium 2600 mg, ALA 1.1 g, EPA + DHA 0.25 g (EFSA). */

#include "config.h"

#include <math.h>
#include <json-glib/json-glib.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-insight-engine.h"
#include "cf-ranking.h"
#include "cf-test-util.h"

#include <sqlite3.h>

/* Meets every target at 100 g a day, below every limit, Ca:Mg 2.5 */
#define BASE "calcium=1000,magnesium=400,vitamin_d=20,vitamin_k1=100,vitamin_k2_total=40," \
             "vitamin_c=100,potassium=3000,ala=2,epa=0.2,dha=0.2,energy=500"

/* No value for any form of vitamin K2 */
#define NO_K2 "vitamin_k2_total=nan,mk4=nan,mk7=nan,mk8=nan,mk9=nan"

#define FIRST_DAY "2025-03-01"

static CfFood *
food_new (CfContext  *context,
          const char *name,
          CfFoodKind  kind,
          gboolean    known_zero,
          const char *spec)
{
  g_autoptr(CfFood) food = cf_food_new_custom (name);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (spec, ",", -1);
  CfNutrients values;

  /* Every nutrient zero (known to be absent) or without a value */
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    values.values[i] = known_zero ? 0 : NAN;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (parts[i], "=", 2);
      CfNutrient n;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (cf_nutrient_from_key (kv[0], &n));
      values.values[n] = strcmp (kv[1], "nan") == 0 ? NAN : g_ascii_strtod (kv[1], NULL);
    }

  cf_food_set_nutrients (food, &values);
  cf_food_set_kind (food, kind);
  g_assert_true (cf_food_store_save_custom_food (cf_context_get_food_store (context), food, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&food);
}

/* A food whose unlisted nutrients are known zeros */
static CfFood *
food_known (CfContext  *context,
            const char *spec)
{
  return food_new (context, "Test food", CF_FOOD_KIND_FOOD, TRUE, spec);
}

static CfFood *
supplement (CfContext  *context,
            const char *spec)
{
  return food_new (context, "Test supplement", CF_FOOD_KIND_SUPPLEMENT, TRUE, spec);
}

static CfFood *
base_with (CfContext  *context,
           const char *changes)
{
  g_autofree char *spec = g_strconcat (BASE, ",", changes, NULL);

  return food_known (context, spec);
}

static GDate
day_n (guint n)
{
  GDate day;

  g_assert_true (cf_day_parse (FIRST_DAY, &day, NULL));
  g_date_add_days (&day, n);

  return day;
}

static void
log_food (CfContext *context,
          guint      day,
          CfMeal     meal,
          CfFood    *food,
          double     grams)
{
  g_autoptr(GError) error = NULL;
  GDate date = day_n (day);
  g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&date, meal, food, grams, NULL, 0);

  g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
  g_assert_no_error (error);
}

static CfProfile *
woman_of_40 (void)
{
  CfProfile *profile = cf_profile_new ();

  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  cf_profile_set_age (profile, 40);

  return profile;
}

static GPtrArray *
run_with (CfContext       *context,
          const CfProfile *profile,
          guint            n_days)
{
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(GError) error = NULL;
  GDate first = day_n (0);
  GDate last = day_n (n_days - 1);
  GPtrArray *insights;

  cf_insight_engine_set_profile (engine, profile);
  insights = cf_insight_engine_run (engine, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_nonnull (insights);

  for (guint i = 0; i < insights->len; i++)
    {
      CfInsight *insight = g_ptr_array_index (insights, i);

      g_test_message ("%s [%s/%s] %s", cf_insight_get_id (insight),
                      cf_insight_severity_to_key (cf_insight_get_severity (insight)),
                      cf_insight_confidence_to_key (cf_insight_get_confidence (insight)),
                      cf_insight_get_summary (insight));
    }

  return insights;
}

static GPtrArray *
run (CfContext *context,
     guint      n_days)
{
  g_autoptr(CfProfile) profile = woman_of_40 ();

  return run_with (context, profile, n_days);
}

static CfInsight *
find (GPtrArray  *insights,
      const char *id)
{
  for (guint i = 0; i < insights->len; i++)
    {
      CfInsight *insight = g_ptr_array_index (insights, i);

      if (strcmp (cf_insight_get_id (insight), id) == 0)
        return insight;
    }

  return NULL;
}

/* Logs the base food on days 0 … n-1 */
static void
log_base_days (CfContext *context,
               CfFood    *base,
               guint      n)
{
  for (guint d = 0; d < n; d++)
    log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
}

/* Everyday foods (in foods.db) with a value above zero for the SQL
 * expression @column, and the everyday rank of @id (0 when it is not
 * an everyday food) */
static guint
everyday_count (const char *column,
                const char *id,
                guint      *rank)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*), (SELECT everyday FROM food WHERE id = ?1)"
                                          " FROM food WHERE everyday IS NOT NULL AND %s > 0", column);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("COFACTOR_FOODS_DB"), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id ? id : "", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  if (rank != NULL)
    *rank = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* The helping foods of @insight for @nutrient (a catalog column): each
 * is an everyday reference food with a typical serving as the
 * threshold table defines it, with its amount per serving and per
 * 100 kcal, in falling order of the amount per serving */
static void
check_helping_foods (CfInsight  *insight,
                     const char *column)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  const CfInsightThresholds *thresholds = cf_insight_engine_get_thresholds ();
  GPtrArray *foods = cf_insight_get_foods (insight);
  guint candidates = everyday_count (column, NULL, NULL);

  g_assert_cmpuint (foods->len, <=, thresholds->foods_per_insight);
  if (candidates == 0)
    g_assert_cmpuint (foods->len, ==, 0);
  else
    g_assert_cmpuint (foods->len, >, 0);
  /* A full everyday list has many more than five candidates */
  if (candidates >= 20)
    g_assert_cmpuint (foods->len, ==, thresholds->foods_per_insight);

  for (guint i = 0; i < foods->len; i++)
    {
      CfInsightFood *item = g_ptr_array_index (foods, i);
      g_autoptr(CfFood) food = cf_food_store_get_food (store, item->id, NULL);
      g_autoptr(CfPortion) first = NULL;
      g_autofree char *serving = cf_insight_food_dup_serving (item);
      double kcal;
      guint rank;

      g_assert_nonnull (food);
      g_test_message ("  %s: %g per %s; %g per 100 kcal", item->name, item->per_serving, serving, item->per_100kcal);

      /* An everyday reference food, never a supplement */
      everyday_count (column, item->id, &rank);
      g_assert_cmpuint (rank, >, 0);
      g_assert_true (cf_food_get_kind (food) == CF_FOOD_KIND_FOOD);
      g_assert_false (g_str_has_prefix (item->id, "custom:"));

      /* Its serving: one of its household measures, not one used by
       * the teaspoon, not too much energy, no cup of a dense food */
      first = g_list_model_get_item (cf_food_get_portions (food), 0);
      g_assert_nonnull (first);
      g_assert_cmpfloat (cf_portion_get_grams (first), >=, thresholds->min_serving_grams);
      g_assert_cmpfloat (item->serving_grams, >=, thresholds->min_serving_grams);
      kcal = cf_food_get_nutrient (food, CF_NUTRIENT_ENERGY);
      if (!isnan (kcal))
        {
          g_assert_cmpfloat (kcal * item->serving_grams / 100, <=, thresholds->max_serving_kcal);
          if (kcal > thresholds->dense_kcal_per_100g)
            g_assert_false (g_str_has_prefix (item->serving_description, "cup"));
        }
      if (!isnan (kcal) && kcal >= CF_RANK_MIN_KCAL)
        g_assert_cmpfloat_with_epsilon (item->per_100kcal, item->per_100g / kcal * 100, 1e-9);
      else
        g_assert_true (isnan (item->per_100kcal));

      g_assert_cmpfloat (item->per_100g, >, 0);
      g_assert_cmpfloat_with_epsilon (item->per_serving, item->per_100g * item->serving_grams / 100, 1e-9);
      if (i > 0)
        g_assert_cmpfloat (item->per_serving, <=, ((CfInsightFood *) g_ptr_array_index (foods, i - 1))->per_serving);
    }
}

static void
test_balanced (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = food_known (context, BASE);
  g_autoptr(GPtrArray) insights = NULL;

  log_base_days (context, base, 5);
  insights = run (context, 5);
  g_assert_cmpuint (insights->len, ==, 0);
}

static void
test_not_enough_days (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "magnesium=0");
  g_autoptr(CfFood) pill = supplement (context, "vitamin_d=10000");
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) three = NULL;
  CfInsight *insight;

  empty = run (context, 7);
  g_assert_cmpuint (empty->len, ==, 1);
  insight = g_ptr_array_index (empty, 0);
  g_assert_cmpstr (cf_insight_get_id (insight), ==, CF_ID_NOT_ENOUGH_DATA);
  g_assert_cmpfloat (cf_insight_get_number (insight, "logged_days"), ==, 0);

  /* Two days with food, and one with only a supplement, which does not
   * count */
  log_base_days (context, base, 2);
  log_food (context, 2, CF_MEAL_SUPPLEMENTS, pill, 1);
  two = run (context, 7);
  g_assert_cmpuint (two->len, ==, 1);
  insight = g_ptr_array_index (two, 0);
  g_assert_cmpstr (cf_insight_get_id (insight), ==, CF_ID_NOT_ENOUGH_DATA);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_INFO);
  g_assert_cmpfloat (cf_insight_get_number (insight, "logged_days"), ==, 2);
  g_assert_cmpfloat (cf_insight_get_number (insight, "needed_days"), ==, 3);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "2 days"));

  /* Three are enough: now magnesium (none at all) is judged */
  log_food (context, 2, CF_MEAL_LUNCH, base, 100);
  three = run (context, 7);
  g_assert_null (find (three, CF_ID_NOT_ENOUGH_DATA));
  g_assert_nonnull (find (three, "magnesium-low"));
}

/* Magnesium on five days, from a magnesium-only food (1000 mg/100 g) */
static GPtrArray *
magnesium_days (const double *mg)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "magnesium=0");
  g_autoptr(CfFood) mg_food = food_known (context, "magnesium=1000");

  for (guint d = 0; d < 5; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_LUNCH, mg_food, mg[d] / 10);
    }

  return run (context, 5);
}

static void
test_magnesium_low (void)
{
  const double fires[] = { 319, 319, 319, 320, 400 };
  const double quiet[] = { 319, 319, 320, 320, 400 };
  const double severe[] = { 100, 100, 100, 100, 100 };
  g_autoptr(GPtrArray) a = magnesium_days (fires);
  g_autoptr(GPtrArray) b = magnesium_days (quiet);
  g_autoptr(GPtrArray) c = magnesium_days (severe);
  CfInsight *insight;

  /* 3 of 5 days below (60 %): fires */
  insight = find (a, "magnesium-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_below"), ==, 3);
  g_assert_cmpfloat (cf_insight_get_number (insight, "logged_days"), ==, 5);
  g_assert_cmpfloat (cf_insight_get_number (insight, "target"), ==, 320);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average"), (319.0 * 3 + 320 + 400) / 5, 1e-9);
  g_assert_cmpfloat (cf_insight_get_number (insight, "coverage"), ==, 1);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "magnesium-crystals");
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "3 of your 5 logged days"));
  check_helping_foods (insight, "magnesium");

  /* A day at the target is not below it: 2 of 5 */
  g_assert_null (find (b, "magnesium-low"));

  /* Below half the target: a warning */
  insight = find (c, "magnesium-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_WARNING);
}

/* Vitamin K2 on five days with a personal goal of 30 µg, from MK-4 and
 * MK-7 (a food with no total K2 value: the forms are added) */
static GPtrArray *
k2_days (const double *k2,
         double        unknown_grams)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "vitamin_k2_total=0");
  g_autoptr(CfFood) k2_food = food_known (context, "vitamin_k2_total=nan,mk4=20,mk7=80");
  g_autoptr(CfFood) unknown = food_known (context, NO_K2);
  g_autoptr(CfProfile) profile = woman_of_40 ();

  cf_profile_set_k2_goal (profile, 30);
  for (guint d = 0; d < 5; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      if (k2[d] > 0)
        log_food (context, d, CF_MEAL_LUNCH, k2_food, k2[d]);
      if (unknown_grams > 0)
        log_food (context, d, CF_MEAL_DINNER, unknown, unknown_grams);
    }

  return run_with (context, profile, 5);
}

static void
test_k2_low (void)
{
  const double fires[] = { 29, 29, 29, 30, 40 };
  const double quiet[] = { 29, 29, 30, 30, 40 };
  const double none[] = { 0, 0, 0, 0, 0 };
  g_autoptr(GPtrArray) a = k2_days (fires, 0);
  g_autoptr(GPtrArray) b = k2_days (quiet, 0);
  g_autoptr(GPtrArray) c = k2_days (none, 0);
  CfInsight *insight;
  CfInsightFood *food;
  GPtrArray *foods;

  insight = find (a, "k2-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpfloat (cf_insight_get_number (insight, "target"), ==, 30);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_below"), ==, 3);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "k2-mgp-osteocalcin");
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "personal goal"));

  /* The goal is a mean intake, and the title says what was tested */
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "Vitamin K2 is below your personal goal on most days");
  g_assert_cmpstr (cf_insight_find_number (insight, "target")->label, ==, "Personal goal");

  /* Foods that help: everyday foods by the K2 in a serving */
  foods = cf_insight_get_foods (insight);
  for (guint i = 0; i < foods->len; i++)
    {
      food = g_ptr_array_index (foods, i);
      g_assert_cmpint (food->intake, ==, CF_INTAKE_VITAMIN_K2);
    }
  check_helping_foods (insight, _cf_intake_get_sql (CF_INTAKE_VITAMIN_K2));

  g_assert_null (find (b, "k2-low"));

  /* None at all: still attention, never a warning, since the goal is a
   * population's mean intake rather than a requirement */
  insight = find (c, "k2-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpfloat (cf_insight_get_number (insight, "average"), ==, 0);
}

static void
test_coverage (void)
{
  const double none[] = { 0, 0, 0, 0, 0 };
  g_autoptr(GPtrArray) full = k2_days (none, 25);       /* 100 / 125 = 80 % */
  g_autoptr(GPtrArray) softened = k2_days (none, 26);   /* 100 / 126 */
  g_autoptr(GPtrArray) half = k2_days (none, 100);      /* 50 % */
  g_autoptr(GPtrArray) withheld = k2_days (none, 101);  /* just under 50 % */
  g_autoptr(GPtrArray) little = k2_days (none, 900);    /* 10 % */
  CfInsight *insight;

  insight = find (full, "k2-low");
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "coverage"), 0.8, 1e-12);

  /* Softened: one step milder, and it says what it rests on */
  insight = find (softened, "k2-low");
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_SOFTENED);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_INFO);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "based on the 79 %"));
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "Vitamin K2 is below your personal goal on most days");

  insight = find (half, "k2-low");
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_SOFTENED);

  /* Withheld: no verdict, only how much had data */
  insight = find (withheld, "k2-low");
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_WITHHELD);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_INFO);
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "Vitamin K2: not enough data");
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "Only 50 %"));

  /* Missing data is not zero: no average or day count that would read
   * as "0.0 µg on 5 days" */
  g_assert_null (cf_insight_find_number (insight, "average"));
  g_assert_null (cf_insight_find_number (insight, "days_below"));
  g_assert_cmpfloat (cf_insight_get_number (insight, "target"), ==, 30);
  g_assert_cmpfloat (cf_insight_get_number (insight, "logged_days"), ==, 5);

  insight = find (little, "k2-low");
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_WITHHELD);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "Only 10 %"));
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "coverage"), 0.1, 1e-12);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "k2-mgp-osteocalcin");
  /* The foods that help are still listed */
  check_helping_foods (insight, _cf_intake_get_sql (CF_INTAKE_VITAMIN_K2));
}

/* Total vitamin K from K1 and K2: NASEM counts both, EFSA K1 only */
static void
test_vitamin_k (void)
{
  struct { const char *food; CfReferenceSet set; gboolean fires; } cases[] = {
    { "vitamin_k1=50,vitamin_k2_total=39", CF_REFERENCE_SET_NASEM, TRUE },   /* 89 < 90 */
    { "vitamin_k1=50,mk7=40,vitamin_k2_total=nan", CF_REFERENCE_SET_NASEM, FALSE }, /* 90 */
    { "vitamin_k1=60,vitamin_k2_total=40", CF_REFERENCE_SET_EFSA, TRUE },    /* K1 60 < 70 */
    { "vitamin_k1=70,vitamin_k2_total=0", CF_REFERENCE_SET_EFSA, FALSE },    /* K1 70 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfContext) context = cf_test_context_new (TRUE);
      g_autoptr(CfFood) base = base_with (context, "vitamin_k1=0,vitamin_k2_total=0");
      g_autoptr(CfFood) k = food_known (context, cases[i].food);
      g_autoptr(CfProfile) profile = woman_of_40 ();
      g_autoptr(GPtrArray) insights = NULL;
      CfInsight *insight;

      cf_profile_set_reference_set (profile, cases[i].set);
      for (guint d = 0; d < 3; d++)
        {
          log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
          log_food (context, d, CF_MEAL_LUNCH, k, 100);
        }

      insights = run_with (context, profile, 3);
      insight = find (insights, "vitamin-k-low");
      g_assert_true ((insight != NULL) == cases[i].fires);
      if (insight != NULL)
        g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "k1-vs-k2");
    }
}

/* One nutrient's daily amounts on n days: the base food's value for it
 * is zero and a food with only that nutrient, 100 units per 100 g,
 * brings the amount (so grams = units) */
static GPtrArray *
nutrient_days (const char   *key,
               const double *amounts,
               guint         n,
               CfMeal        meal,
               CfFoodKind    kind)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autofree char *zero = g_strdup_printf ("%s=0", key);
  g_autofree char *hundred = g_strdup_printf ("%s=100", key);
  g_autoptr(CfFood) base = base_with (context, zero);
  g_autoptr(CfFood) unit = food_new (context, "Unit food", kind, TRUE, hundred);

  for (guint d = 0; d < n; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      if (amounts[d] > 0)
        log_food (context, d, meal, unit, amounts[d]);
    }

  return run (context, n);
}

static void
test_average_below (void)
{
  struct {
    const char *key;
    const char *id;
    double      below;    /* average just below the target */
    double      at;       /* the target */
    double      severe;   /* under half of it */
  } cases[] = {
    { "calcium",   "calcium-low",   999,  1000, 499 },
    { "vitamin_d", "vitamin-d-low", 14,   15,   7 },
    { "vitamin_c", "vitamin-c-low", 74,   75,   37 },
    { "potassium", "potassium-low", 2599, 2600, 1299 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double below[] = { cases[i].below, cases[i].below, cases[i].below };
      const double at[] = { cases[i].at - 1, cases[i].at, cases[i].at + 1 };
      const double severe[] = { cases[i].severe, cases[i].severe, cases[i].severe };
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;
      g_autoptr(GPtrArray) c = NULL;
      CfInsight *insight;

      g_test_message ("%s", cases[i].id);
      a = nutrient_days (cases[i].key, below, 3, CF_MEAL_LUNCH, CF_FOOD_KIND_FOOD);
      b = nutrient_days (cases[i].key, at, 3, CF_MEAL_LUNCH, CF_FOOD_KIND_FOOD);
      c = nutrient_days (cases[i].key, severe, 3, CF_MEAL_LUNCH, CF_FOOD_KIND_FOOD);

      insight = find (a, cases[i].id);
      g_assert_nonnull (insight);
      g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
      g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);
      g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average"), cases[i].below, 1e-6);
      g_assert_cmpfloat (cf_insight_get_number (insight, "target"), ==, cases[i].at);
      g_assert_cmpfloat (cf_insight_get_number (insight, "days_below"), ==, 3);
      check_helping_foods (insight, cases[i].key);

      /* An average exactly at the target: nothing, even with a day below */
      g_assert_null (find (b, cases[i].id));

      insight = find (c, cases[i].id);
      g_assert_nonnull (insight);
      g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_WARNING);
    }
}

static void
test_omega3 (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "epa=0,dha=0,ala=0");
  /* EPA + DHA 0.2 g < 0.25 g; ALA through undifferentiated 18:3 */
  g_autoptr(CfFood) fish = food_known (context, "epa=0.1,dha=0.1,ala=nan,fa_18_3=1");
  g_autoptr(CfProfile) efsa = woman_of_40 ();
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GPtrArray) by_energy = NULL;
  CfInsight *insight;

  for (guint d = 0; d < 3; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_DINNER, fish, 100);
    }

  insights = run (context, 3);
  insight = find (insights, "epa-dha-low");
  g_assert_nonnull (insight);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average"), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "target"), 0.25, 1e-12);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);

  /* ALA 1 g (from 18:3) < 1.1 g */
  insight = find (insights, "ala-low");
  g_assert_nonnull (insight);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average"), 1.0, 1e-12);
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);

  /* EFSA: 0.5 % of 500 kcal a day is 0.278 g, which 1 g meets */
  cf_profile_set_reference_set (efsa, CF_REFERENCE_SET_EFSA);
  by_energy = run_with (context, efsa, 3);
  g_assert_null (find (by_energy, "ala-low"));
}

static void
test_ala_energy (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  /* 900 kcal and 0.4 g ALA a day: the target is 0.5 % × 900 / 9 = 0.5 g */
  g_autoptr(CfFood) base = base_with (context, "ala=0.4,energy=900");
  g_autoptr(CfProfile) profile = woman_of_40 ();
  g_autoptr(GPtrArray) insights = NULL;
  CfInsight *insight;

  cf_profile_set_reference_set (profile, CF_REFERENCE_SET_EFSA);
  log_base_days (context, base, 3);
  insights = run_with (context, profile, 3);
  insight = find (insights, "ala-low");
  g_assert_nonnull (insight);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "target"), 0.5, 1e-12);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "share of the energy"));
}

/* Vitamin D over five days, from a supplement */
static GPtrArray *
vitamin_d_days (const double *d,
                guint         n)
{
  return nutrient_days ("vitamin_d", d, n, CF_MEAL_SUPPLEMENTS, CF_FOOD_KIND_SUPPLEMENT);
}

static void
test_vitamin_d_above (void)
{
  /* The base food has no vitamin D: each day is the supplement alone */
  const double one_in_four[] = { 101, 50, 50, 50 };
  const double one_in_five[] = { 101, 50, 50, 50, 50 };
  const double high_average[] = { 500, 20, 20, 20, 20 };
  const double at_limit[] = { 100, 100, 100, 100, 100 };
  g_autoptr(GPtrArray) a = vitamin_d_days (one_in_four, 4);
  g_autoptr(GPtrArray) b = vitamin_d_days (one_in_five, 5);
  g_autoptr(GPtrArray) c = vitamin_d_days (high_average, 5);
  g_autoptr(GPtrArray) d = vitamin_d_days (at_limit, 5);
  CfInsight *insight;

  /* A quarter of the days over 100 µg */
  insight = find (a, "vitamin-d-above-ul");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_WARNING);
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_above"), ==, 1);
  g_assert_cmpfloat (cf_insight_get_number (insight, "limit"), ==, 100);
  g_assert_cmpfloat (cf_insight_get_number (insight, "highest"), ==, 101);
  g_assert_cmpuint (cf_insight_get_foods (insight)->len, ==, 0);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "vitamin-d-two-sides");
  /* A warning sorts before everything else here */
  g_assert_true (g_ptr_array_index (a, 0) == insight);

  /* One day in five is not a habit */
  g_assert_null (find (b, "vitamin-d-above-ul"));

  /* ... unless it lifts the average over the limit */
  insight = find (c, "vitamin-d-above-ul");
  g_assert_nonnull (insight);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_above"), ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average"), 116, 1e-9);

  /* At the limit is not above it */
  g_assert_null (find (d, "vitamin-d-above-ul"));
}

/* Tables without an upper limit of their own: EFSA gives none for
 * vitamin D in pregnancy, D-A-CH none at all; the limits of the others
 * are checked */
static void
test_limit_fallback (void)
{
  struct { CfReferenceSet set; CfCondition condition; } cases[] = {
    { CF_REFERENCE_SET_EFSA, CF_CONDITION_PREGNANCY },
    { CF_REFERENCE_SET_DACH, CF_CONDITION_NONE },
    { CF_REFERENCE_SET_DACH, CF_CONDITION_LACTATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfContext) context = cf_test_context_new (TRUE);
      g_autoptr(CfFood) base = base_with (context, "vitamin_d=0");
      g_autoptr(CfFood) pill = supplement (context, "vitamin_d=10000");
      g_autoptr(CfProfile) profile = woman_of_40 ();
      g_autoptr(GPtrArray) insights = NULL;
      CfInsight *insight;

      cf_profile_set_reference_set (profile, cases[i].set);
      cf_profile_set_condition (profile, cases[i].condition);
      for (guint d = 0; d < 3; d++)
        {
          log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
          log_food (context, d, CF_MEAL_SUPPLEMENTS, pill, 1.525);   /* 152.5 µg */
        }

      insights = run_with (context, profile, 3);
      insight = find (insights, "vitamin-d-above-ul");
      g_assert_nonnull (insight);
      g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_WARNING);
      g_assert_cmpfloat (cf_insight_get_number (insight, "limit"), ==, 100);
      g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "highest"), 152.5, 1e-9);
    }
}

static void
test_limit_not_softened (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  /* Most of the food has no vitamin D value, but the supplement alone
   * passes the limit: more data could only add to it */
  g_autoptr(CfFood) base = base_with (context, "vitamin_d=nan");
  g_autoptr(CfFood) pill = supplement (context, "vitamin_d=10000");
  g_autoptr(GPtrArray) insights = NULL;
  CfInsight *insight;

  for (guint d = 0; d < 3; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_SUPPLEMENTS, pill, 1.25);   /* 125 µg */
    }

  insights = run (context, 3);
  insight = find (insights, "vitamin-d-above-ul");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_FULL);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_WARNING);
}

static void
test_calcium_above (void)
{
  /* Base calcium 1000 plus a food with 1000 mg/100 g */
  struct { double extra[4]; gboolean fires; } cases[] = {
    { { 1501, 0, 0, 0 }, TRUE },     /* 2501 mg on 1 of 4 days */
    { { 1500, 0, 0, 0 }, FALSE },    /* 2500 mg: at the limit */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfContext) context = cf_test_context_new (TRUE);
      g_autoptr(CfFood) base = food_known (context, BASE);
      g_autoptr(CfFood) dairy = food_known (context, "calcium=1000,magnesium=400");
      g_autoptr(GPtrArray) insights = NULL;
      CfInsight *insight;

      for (guint d = 0; d < 4; d++)
        {
          log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
          if (cases[i].extra[d] > 0)
            log_food (context, d, CF_MEAL_LUNCH, dairy, cases[i].extra[d] / 10);
        }

      insights = run (context, 4);
      insight = find (insights, "calcium-above-ul");
      g_assert_true ((insight != NULL) == cases[i].fires);
      if (insight)
        {
          g_assert_cmpfloat (cf_insight_get_number (insight, "limit"), ==, 2500);
          g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "calcium-paradox");
        }
    }
}

static void
test_magnesium_supplements_limit (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  /* 1000 mg of magnesium a day from food does not count */
  g_autoptr(CfFood) base = base_with (context, "magnesium=1000");
  g_autoptr(CfFood) pill = supplement (context, "magnesium=10000");
  /* A food logged in the supplements meal is supplement intake too */
  g_autoptr(CfFood) powder = food_known (context, "magnesium=10000");
  g_autoptr(GPtrArray) food_only = NULL;
  g_autoptr(GPtrArray) with_pills = NULL;
  CfInsight *insight;

  log_base_days (context, base, 5);
  food_only = run (context, 5);
  g_assert_null (find (food_only, "magnesium-supplements-above-ul"));

  /* 351 mg from supplements on 2 of 5 days (a pill at breakfast, a
   * powder in the supplements meal) */
  log_food (context, 0, CF_MEAL_BREAKFAST, pill, 3.51);
  log_food (context, 1, CF_MEAL_SUPPLEMENTS, powder, 3.51);
  log_food (context, 2, CF_MEAL_SUPPLEMENTS, pill, 3.5);
  with_pills = run (context, 5);
  insight = find (with_pills, "magnesium-supplements-above-ul");
  g_assert_nonnull (insight);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_above"), ==, 2);
  g_assert_cmpfloat (cf_insight_get_number (insight, "limit"), ==, 350);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "highest"), 351, 1e-9);
  g_assert_true (isnan (cf_insight_get_number (insight, "coverage")));
}

/* Calcium: 1000 mg a day from food plus @supplemented from supplements,
 * with the given magnesium and K2 from food */
static GPtrArray *
calcium_paradox (double supplemented,
                 double magnesium,
                 double k2)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autofree char *changes = g_strdup_printf ("magnesium=%g,vitamin_k2_total=%g", magnesium, k2);
  g_autoptr(CfFood) base = base_with (context, changes);
  g_autoptr(CfFood) pill = supplement (context, "calcium=10000");

  for (guint d = 0; d < 3; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_SUPPLEMENTS, pill, supplemented / 100);
    }

  return run (context, 3);
}

static void
test_calcium_paradox (void)
{
  g_autoptr(GPtrArray) cofactors_fine = calcium_paradox (1000, 400, 40);
  g_autoptr(GPtrArray) mg_low = calcium_paradox (1000, 300, 40);
  g_autoptr(GPtrArray) below_half = calcium_paradox (999, 300, 40);
  g_autoptr(GPtrArray) both_low = calcium_paradox (1200, 300, 20);
  g_autoptr(GPtrArray) k2_low = calcium_paradox (1200, 400, 20);
  CfInsight *insight;
  GPtrArray *foods;

  g_assert_null (find (cofactors_fine, "calcium-supplements-cofactors-low"));

  /* Exactly half from supplements, magnesium low */
  insight = find (mg_low, "calcium-supplements-cofactors-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpfloat (cf_insight_get_number (insight, "supplement_share"), ==, 0.5);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "magnesium averaged 300 mg"));
  g_assert_null (strstr (cf_insight_get_summary (insight), "K2"));
  foods = cf_insight_get_foods (insight);
  check_helping_foods (insight, "magnesium");
  g_assert_cmpint (((CfInsightFood *) g_ptr_array_index (foods, 0))->intake, ==, CF_INTAKE_MAGNESIUM);

  g_assert_null (find (below_half, "calcium-supplements-cofactors-low"));

  /* Both low: foods for both; still attention, since the K2 goal is a
   * mean intake rather than a requirement */
  insight = find (both_low, "calcium-supplements-cofactors-low");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "both low"));
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "supplement_share"), 1200.0 / 2200, 1e-12);
  foods = cf_insight_get_foods (insight);
  g_assert_cmpuint (foods->len, <=, 6);
  g_assert_cmpint (((CfInsightFood *) g_ptr_array_index (foods, 0))->intake, ==, CF_INTAKE_VITAMIN_K2);
  g_assert_cmpint (((CfInsightFood *) g_ptr_array_index (foods, foods->len - 1))->intake, ==, CF_INTAKE_MAGNESIUM);

  insight = find (k2_low, "calcium-supplements-cofactors-low");
  g_assert_nonnull (insight);
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "vitamin K2 averaged 20.0 µg"));
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "calcium-paradox");
}

/* Vitamin D supplemented on @days_with_d of five days */
static GPtrArray *
d_without_k2 (guint  days_with_d,
              double k2_supplement)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "vitamin_k2_total=10");
  g_autoptr(CfFood) d3 = supplement (context, "vitamin_d=10000");
  g_autoptr(CfFood) mk7 = supplement (context, "vitamin_k2_total=nan,mk7=10000");

  for (guint d = 0; d < 5; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      if (d < days_with_d)
        log_food (context, d, CF_MEAL_SUPPLEMENTS, d3, 0.25);
      if (k2_supplement > 0)
        log_food (context, d, CF_MEAL_SUPPLEMENTS, mk7, k2_supplement / 100);
    }

  return run (context, 5);
}

static void
test_d_without_k2 (void)
{
  g_autoptr(GPtrArray) three = d_without_k2 (3, 0);
  g_autoptr(GPtrArray) two = d_without_k2 (2, 0);
  g_autoptr(GPtrArray) with_k2 = d_without_k2 (5, 100);
  CfInsight *insight;

  insight = find (three, "d-without-k2");
  g_assert_nonnull (insight);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_supplemented"), ==, 3);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "vitamin_d_supplements"), 15, 1e-9);
  g_assert_cmpfloat (cf_insight_get_number (insight, "k2_average"), ==, 10);
  g_assert_cmpfloat (cf_insight_get_number (insight, "k2_goal"), ==, 29.1);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "k2-d-magnesium-together");
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "3 of your 5 logged days"));
  /* 10 µg is less than half of 29.1, yet the goal is a mean intake, not
   * a requirement: attention, and a title that says what was tested */
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "Vitamin D supplements while vitamin K2 is below your goal");

  /* Two of five days is not regular */
  g_assert_null (find (two, "d-without-k2"));

  /* A K2 supplement fills the gap */
  g_assert_null (find (with_k2, "d-without-k2"));
  g_assert_null (find (with_k2, "k2-low"));
}

static GPtrArray *
ratio_days (const double *magnesium,
            CfProfile    *profile)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "magnesium=0");
  g_autoptr(CfFood) mg_food = food_known (context, "magnesium=1000");

  for (guint d = 0; d < 5; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_LUNCH, mg_food, magnesium[d] / 10);
    }

  return run_with (context, profile, 5);
}

static void
test_ratio (void)
{
  /* Calcium 1000 mg; for a woman of 40 the threshold is 1000 / 320 */
  const double fires[] = { 310, 310, 310, 320, 400 };
  const double quiet[] = { 310, 310, 320, 320, 400 };
  g_autoptr(CfProfile) woman = woman_of_40 ();
  g_autoptr(CfProfile) man = cf_profile_new ();
  g_autoptr(GPtrArray) a = ratio_days (fires, woman);
  g_autoptr(GPtrArray) b = ratio_days (quiet, woman);
  g_autoptr(GPtrArray) c = NULL;
  CfInsight *insight;

  insight = find (a, "ca-mg-ratio-high");
  g_assert_nonnull (insight);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "ratio_threshold"), 1000.0 / 320, 1e-12);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_high"), ==, 3);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_with_ratio"), ==, 5);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average_ratio"), 5000.0 / 1650, 1e-12);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "magnesium-crystals");

  g_assert_null (find (b, "ca-mg-ratio-high"));

  /* A man of 25: RDA 1000 / 400, so the fixed 2.5 applies; 1000 / 390
   * is above it */
  cf_profile_set_sex (man, CF_SEX_MALE);
  cf_profile_set_age (man, 25);
  {
    const double mg[] = { 390, 390, 390, 400, 400 };

    c = ratio_days (mg, man);
  }
  insight = find (c, "ca-mg-ratio-high");
  g_assert_nonnull (insight);
  g_assert_cmpfloat (cf_insight_get_number (insight, "ratio_threshold"), ==, 2.5);
}

/* Sodium and potassium on five days: 1000 mg of potassium a day from
 * the base food, sodium from a food with 1000 mg per 100 g; @unknown_grams
 * of a food without sodium or potassium values */
static GPtrArray *
na_k_days (const double *sodium,
           double        unknown_grams)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "potassium=1000,sodium=0");
  g_autoptr(CfFood) salty = food_known (context, "sodium=1000");
  g_autoptr(CfFood) unknown = food_known (context, "sodium=nan,potassium=nan");

  for (guint d = 0; d < 5; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_LUNCH, salty, sodium[d] / 10);
      if (unknown_grams > 0)
        log_food (context, d, CF_MEAL_DINNER, unknown, unknown_grams);
    }

  return run (context, 5);
}

static void
test_na_k_ratio (void)
{
  const double fires[] = { 1100, 1100, 1100, 900, 500 };
  const double quiet[] = { 1100, 1100, 1000, 900, 500 };
  g_autoptr(GPtrArray) a = na_k_days (fires, 0);
  g_autoptr(GPtrArray) b = na_k_days (quiet, 0);
  g_autoptr(GPtrArray) c = na_k_days (fires, 400);
  CfInsight *insight;

  /* More sodium than potassium on 3 of 5 days */
  insight = find (a, "na-k-ratio-high");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_severity (insight), ==, CF_INSIGHT_SEVERITY_ATTENTION);
  g_assert_cmpfloat (cf_insight_get_number (insight, "ratio_threshold"), ==, 1.0);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_high"), ==, 3);
  g_assert_cmpfloat (cf_insight_get_number (insight, "days_with_ratio"), ==, 5);
  g_assert_cmpfloat_with_epsilon (cf_insight_get_number (insight, "average_ratio"), 4700.0 / 5000, 1e-12);
  g_assert_cmpstr (cf_insight_get_page_id (insight), ==, "vitamin-c-potassium-omega3");
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "More sodium than potassium");
  g_assert_nonnull (strstr (cf_insight_get_summary (insight), "3 of 5 days"));
  /* Foods that help: potassium */
  check_helping_foods (insight, "potassium");
  for (guint i = 0; i < cf_insight_get_foods (insight)->len; i++)
    g_assert_cmpint (((CfInsightFood *) g_ptr_array_index (cf_insight_get_foods (insight), i))->intake, ==,
                     CF_INTAKE_POTASSIUM);

  /* A day with as much sodium as potassium is not above 1 */
  g_assert_null (find (b, "na-k-ratio-high"));

  /* The coverage rules of every ratio: about a third of what was
   * logged, by weight, has sodium and potassium values */
  insight = find (c, "na-k-ratio-high");
  g_assert_nonnull (insight);
  g_assert_cmpint (cf_insight_get_confidence (insight), ==, CF_INSIGHT_CONFIDENCE_WITHHELD);
  g_assert_null (cf_insight_find_number (insight, "average_ratio"));
  g_assert_null (cf_insight_find_number (insight, "days_high"));
  g_assert_cmpstr (cf_insight_get_title (insight), ==, "Sodium to potassium ratio: not enough data");
}

/* docs/insight-rules.md documents every threshold: each rule's id and
 * each shared threshold's value appear in its table */
static void
test_rules_documented (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("COFACTOR_SOURCE_DIR"), "docs", "insight-rules.md", NULL);
  const CfInsightThresholds *t = cf_insight_engine_get_thresholds ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const CfInsightRule *rules;
  guint n;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  rules = cf_insight_engine_get_rules (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = g_strdup_printf ("| `%s` |", rules[i].id);

      g_test_message ("%s", rules[i].id);
      g_assert_nonnull (strstr (text, cell));
    }

  {
    struct { const char *name; double value; } shared[] = {
      { "min_logged_days", t->min_logged_days },
      { "coverage_withhold", t->coverage_withhold },
      { "coverage_soften", t->coverage_soften },
      { "foods_per_insight", t->foods_per_insight },
      { "min_serving_grams", t->min_serving_grams },
      { "max_serving_kcal", t->max_serving_kcal },
      { "dense_kcal_per_100g", t->dense_kcal_per_100g },
    };

    for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
      {
        g_autofree char *cell = g_strdup_printf ("| `%s` | %g |", shared[i].name, shared[i].value);

        g_test_message ("%s", cell);
        g_assert_nonnull (strstr (text, cell));
      }
  }
}

static void
test_order (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  /* Vitamin C below (attention), vitamin D far over the limit
   * (warning), magnesium none (warning), K2 with little data (info) */
  g_autoptr(CfFood) base = base_with (context, "vitamin_c=70,magnesium=0," NO_K2);
  g_autoptr(CfFood) extra = food_known (context, "vitamin_k2_total=0");
  g_autoptr(CfFood) pill = supplement (context, "vitamin_d=10000");
  g_autoptr(GPtrArray) insights = NULL;
  CfInsightSeverity last = CF_INSIGHT_SEVERITY_WARNING;

  for (guint d = 0; d < 3; d++)
    {
      log_food (context, d, CF_MEAL_BREAKFAST, base, 100);
      log_food (context, d, CF_MEAL_LUNCH, extra, 10);
      log_food (context, d, CF_MEAL_SUPPLEMENTS, pill, 2);
    }

  insights = run (context, 3);
  g_assert_cmpuint (insights->len, >=, 4);
  g_assert_nonnull (find (insights, "vitamin-c-low"));
  g_assert_nonnull (find (insights, "vitamin-d-above-ul"));
  g_assert_nonnull (find (insights, "magnesium-low"));
  g_assert_cmpint (cf_insight_get_confidence (find (insights, "k2-low")), ==, CF_INSIGHT_CONFIDENCE_WITHHELD);

  for (guint i = 0; i < insights->len; i++)
    {
      CfInsight *insight = g_ptr_array_index (insights, i);

      g_assert_cmpint (cf_insight_get_severity (insight), <=, last);
      last = cf_insight_get_severity (insight);
    }

  /* At equal severity, the table's order: magnesium before vitamin D */
  g_assert_cmpstr (cf_insight_get_id (g_ptr_array_index (insights, 0)), ==, "magnesium-low");
  g_assert_cmpstr (cf_insight_get_id (g_ptr_array_index (insights, 1)), ==, "vitamin-d-above-ul");
  /* Withheld verdicts last, in table order: K2, then D without K2 */
  /* (total vitamin K is unknown with K2 unknown) */
  g_assert_cmpstr (cf_insight_get_id (g_ptr_array_index (insights, insights->len - 3)), ==, "k2-low");
  g_assert_cmpstr (cf_insight_get_id (g_ptr_array_index (insights, insights->len - 2)), ==, "vitamin-k-low");
  g_assert_cmpstr (cf_insight_get_id (g_ptr_array_index (insights, insights->len - 1)), ==, "d-without-k2");
  g_assert_cmpint (cf_insight_get_confidence (g_ptr_array_index (insights, insights->len - 1)), ==,
                   CF_INSIGHT_CONFIDENCE_WITHHELD);
}

static void
test_no_food_database (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfFood) base = base_with (context, "magnesium=0");
  g_autoptr(GPtrArray) insights = NULL;
  CfInsight *insight;

  log_base_days (context, base, 3);
  insights = run (context, 3);
  insight = find (insights, "magnesium-low");
  g_assert_nonnull (insight);
  g_assert_cmpuint (cf_insight_get_foods (insight)->len, ==, 0);
}

static void
test_query_intake (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(CfFood) cheese = food_known (context, "calcium=700,vitamin_k2_total=nan,mk4=5,mk9=50,vitamin_k1=2,vitamin_c=nan");
  g_autoptr(CfFood) mystery = food_new (context, "Mystery", CF_FOOD_KIND_FOOD, FALSE, "calcium=100");
  g_autoptr(CfFood) pill = food_new (context, "Pill", CF_FOOD_KIND_SUPPLEMENT, FALSE, "calcium=40000");
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  const CfDayIntake *day;
  GDate first = day_n (0);
  GDate last = day_n (6);

  log_food (context, 1, CF_MEAL_LUNCH, cheese, 50);
  log_food (context, 1, CF_MEAL_DINNER, mystery, 150);
  log_food (context, 1, CF_MEAL_SUPPLEMENTS, pill, 1.25);
  log_food (context, 3, CF_MEAL_SUPPLEMENTS, pill, 1.25);

  days = cf_insight_engine_query_intake (engine, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);

  day = &g_array_index (days, CfDayIntake, 0);
  g_assert_cmpint (g_date_days_between (&first, &day->day), ==, 1);
  g_assert_cmpuint (day->n_entries, ==, 3);
  g_assert_cmpuint (day->n_food_entries, ==, 2);
  g_assert_cmpfloat (day->grams, ==, 200);
  g_assert_cmpfloat (day->sum[CF_INTAKE_CALCIUM], ==, 350 + 150 + 500);
  g_assert_cmpfloat (day->supplements[CF_INTAKE_CALCIUM], ==, 500);
  g_assert_cmpfloat (day->known_grams[CF_INTAKE_CALCIUM], ==, 200);
  /* K2 from the forms; the mystery food has none, which is not zero */
  g_assert_cmpfloat (day->sum[CF_INTAKE_VITAMIN_K2], ==, 27.5);
  g_assert_cmpfloat (day->known_grams[CF_INTAKE_VITAMIN_K2], ==, 50);
  g_assert_cmpfloat (day->sum[CF_INTAKE_VITAMIN_K_TOTAL], ==, 28.5);
  g_assert_cmpfloat (day->sum[CF_INTAKE_VITAMIN_D], ==, 0);
  g_assert_cmpfloat (day->known_grams[CF_INTAKE_VITAMIN_D], ==, 50);
  g_assert_true (isnan (day->sum[CF_INTAKE_VITAMIN_C]));
  g_assert_cmpfloat (day->known_grams[CF_INTAKE_VITAMIN_C], ==, 0);

  day = &g_array_index (days, CfDayIntake, 1);
  g_assert_cmpuint (day->n_food_entries, ==, 0);
  g_assert_cmpfloat (day->grams, ==, 0);

  g_assert_null (cf_insight_engine_query_intake (engine, &last, &first, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cf_insight_engine_run_finish (CF_INSIGHT_ENGINE (object), result, &error);
  g_assert_no_error (error);
}

/* The same insights, with the same foods suggested, in the same order */
static void
assert_same_insights (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CfInsight *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      GPtrArray *xf = cf_insight_get_foods (x), *yf = cf_insight_get_foods (y);

      g_assert_cmpstr (cf_insight_get_id (x), ==, cf_insight_get_id (y));
      g_assert_cmpstr (cf_insight_get_summary (x), ==, cf_insight_get_summary (y));
      g_assert_cmpuint (xf->len, ==, yf->len);
      for (guint k = 0; k < xf->len; k++)
        {
          const CfInsightFood *p = g_ptr_array_index (xf, k), *q = g_ptr_array_index (yf, k);

          g_assert_cmpstr (p->id, ==, q->id);
          g_assert_cmpstr (p->name, ==, q->name);
          g_assert_cmpfloat (p->per_serving, ==, q->per_serving);
        }
    }
}

/* Synchronous and asynchronous runs agree, also two at once on one
 * engine, and later runs (which reuse the engine's ranking of the
 * foods that help) agree with the first and with a new engine's */
static void
test_async (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) base = base_with (context, "magnesium=100,vitamin_c=10");
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(CfInsightEngine) other = cf_insight_engine_new (context);
  g_autoptr(CfProfile) profile = woman_of_40 ();
  g_autoptr(GPtrArray) sync = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) async = NULL;
  g_autoptr(GPtrArray) async2 = NULL;
  g_autoptr(GError) error = NULL;
  GDate first = day_n (0);
  GDate last = day_n (4);
  guint n_foods = 0;

  log_base_days (context, base, 5);
  cf_insight_engine_set_profile (engine, profile);
  cf_insight_engine_set_profile (other, profile);
  sync = cf_insight_engine_run (engine, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sync->len, >, 0);
  for (guint i = 0; i < sync->len; i++)
    n_foods += cf_insight_get_foods (g_ptr_array_index (sync, i))->len;
  g_assert_cmpuint (n_foods, >, 0);

  again = cf_insight_engine_run (engine, &first, &last, &error);
  g_assert_no_error (error);
  assert_same_insights (sync, again);

  cf_insight_engine_run_async (other, &first, &last, NULL, run_done_cb, &async);
  cf_insight_engine_run_async (other, &first, &last, NULL, run_done_cb, &async2);
  while (async == NULL || async2 == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_same_insights (sync, async);
  assert_same_insights (sync, async2);

  fresh = cf_insight_engine_run (other, &first, &last, &error);
  g_assert_no_error (error);
  assert_same_insights (sync, fresh);

  /* A reversed range is refused */
  g_assert_null (cf_insight_engine_run (engine, &last, &first, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

static void
test_rules_table (void)
{
  const CfInsightThresholds *t = cf_insight_engine_get_thresholds ();
  const CfInsightRule *rules;
  guint n;

  rules = cf_insight_engine_get_rules (&n);
  g_assert_cmpuint (n, >=, 15);
  g_assert_cmpuint (t->min_logged_days, ==, 3);
  g_assert_cmpfloat (t->coverage_withhold, <, t->coverage_soften);

  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (rules[i].id);
      g_assert_nonnull (rules[i].page_id);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (rules[i].id, !=, rules[j].id);
    }
}

/* cofactor-cli runs the same engine: targets and insights as JSON */
static int
run_cli (const char  *dir,
         char       **out,
         const char  *first,
         ...)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "cofactor-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "COFACTOR_DATA_DIR", dir, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "cofactor-cli", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *array;
  gboolean found = FALSE;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("cofactor-cli is not built");
      return;
    }

  dir = cf_test_make_temp_dir ();

  g_assert_cmpint (run_cli (dir, &out, "targets", "--json", "--sex", "female", "--age", "40",
                            "--reference", "efsa", "2025-01-01", NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2025-01-01");
  array = json_object_get_array_member (object, "targets");
  g_assert_cmpuint (json_array_get_length (array), ==, CF_N_TARGETS);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (t, "key"), "magnesium") != 0)
        continue;
      found = TRUE;
      g_assert_cmpfloat (json_object_get_double_member (t, "value"), ==, 300);
      g_assert_cmpfloat (json_object_get_double_member (t, "limit"), ==, 250);
      g_assert_cmpstr (json_object_get_string_member (t, "limit_scope"), ==, "supplements");
      g_assert_cmpstr (json_object_get_string_member (t, "reference_set"), ==, "efsa");
      g_assert_nonnull (strstr (json_object_get_string_member (t, "source_url"), "efsa.europa.eu"));
    }
  g_assert_true (found);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* D-A-CH sets no upper limits: EFSA's, named with their source */
  g_assert_cmpint (run_cli (dir, &out, "targets", "--json", "--sex", "male", "--age", "40",
                            "--reference", "dach", "2025-01-01", NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (root), "targets");
  {
    const char * const with_limits[] = { "calcium", "magnesium", "vitamin_d", NULL };
    guint n_found = 0;

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *t = json_array_get_object_element (array, i);
        const char *key = json_object_get_string_member (t, "key");

        if (!g_strv_contains (with_limits, key))
          continue;
        n_found++;
        g_assert_cmpstr (json_object_get_string_member (t, "reference_set"), ==, "dach");
        g_assert_cmpfloat (json_object_get_double_member (t, "limit"), >, 0);
        g_assert_cmpstr (json_object_get_string_member (t, "limit_type"), ==, "UL");
        g_assert_cmpstr (json_object_get_string_member (t, "limit_reference_set"), ==, "efsa");
        g_assert_true (json_object_get_boolean_member (t, "limit_fallback"));
        g_assert_nonnull (strstr (json_object_get_string_member (t, "limit_source_url"), "efsa"));
        g_assert_nonnull (strstr (json_object_get_string_member (t, "limit_explanation"), "EFSA"));
      }
    g_assert_cmpuint (n_found, ==, 3);
  }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* An empty diary: not enough data */
  g_assert_cmpint (run_cli (dir, &out, "insights", "--json", "--from", "2025-01-01", "--to", "2025-01-07", NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (root), "insights");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"), ==,
                   CF_ID_NOT_ENOUGH_DATA);
  g_clear_pointer (&out, g_free);

  /* Wrong options are usage errors */
  g_assert_cmpint (run_cli (dir, &out, "targets", "--sex", "other", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (dir, &out, "insights", "--from", "2025-02-01", "--to", "2025-01-01", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (dir, &out, "targets", "--sex", "male", "--condition", "pregnancy", NULL), ==, 2);

  cf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/insights/rules-table", test_rules_table);
  g_test_add_func ("/insights/balanced", test_balanced);
  g_test_add_func ("/insights/not-enough-days", test_not_enough_days);
  g_test_add_func ("/insights/magnesium-low", test_magnesium_low);
  g_test_add_func ("/insights/k2-low", test_k2_low);
  g_test_add_func ("/insights/coverage", test_coverage);
  g_test_add_func ("/insights/vitamin-k", test_vitamin_k);
  g_test_add_func ("/insights/average-below", test_average_below);
  g_test_add_func ("/insights/omega3", test_omega3);
  g_test_add_func ("/insights/ala-energy", test_ala_energy);
  g_test_add_func ("/insights/vitamin-d-above", test_vitamin_d_above);
  g_test_add_func ("/insights/limit-not-softened", test_limit_not_softened);
  g_test_add_func ("/insights/limit-fallback", test_limit_fallback);
  g_test_add_func ("/insights/calcium-above", test_calcium_above);
  g_test_add_func ("/insights/magnesium-supplements-limit", test_magnesium_supplements_limit);
  g_test_add_func ("/insights/calcium-paradox", test_calcium_paradox);
  g_test_add_func ("/insights/d-without-k2", test_d_without_k2);
  g_test_add_func ("/insights/ratio", test_ratio);
  g_test_add_func ("/insights/na-k-ratio", test_na_k_ratio);
  g_test_add_func ("/insights/rules-documented", test_rules_documented);
  g_test_add_func ("/insights/order", test_order);
  g_test_add_func ("/insights/no-food-database", test_no_food_database);
  g_test_add_func ("/insights/query-intake", test_query_intake);
  g_test_add_func ("/insights/async", test_async);
  g_test_add_func ("/insights/cli", test_cli);

  return g_test_run ();
}
