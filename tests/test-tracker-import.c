/* test-tracker-import.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-insights-query.h"
#include "cf-targets.h"
#include "cf-json.h"
#include "cf-test-util.h"
#include "cf-tracker-import.h"

/* The fixtures in tests/data/import/ are written for these tests: the
 * trackers' real headers with made-up values, some of them messy on
 * purpose.  Expected sums are the sums of the fixtures' columns. */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static CfImportPlan *
plan_fixture (CfContext   *context,
              const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cf_import_plan_new_for_file (context, file, error);
}

static GDate
day_of (const char *iso)
{
  GDate day;

  g_assert_true (cf_day_parse (iso, &day, NULL));
  return day;
}

static CfNutrientTotals *
totals_between (CfContext  *context,
                const char *first,
                const char *last)
{
  g_autoptr(GError) error = NULL;
  GDate a = day_of (first), b = day_of (last);
  CfNutrientTotals *totals = cf_diary_get_totals (cf_context_get_diary (context), &a, &b, -1, &error);

  g_assert_no_error (error);
  return totals;
}

/* The diary as the JSON export sees it, without the time stamp */
static char *
diary_state (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cf_export_to_data (context, &error);
  g_autoptr(GRegex) stamp = g_regex_new ("\"(exported|modified)\" : \"[^\"]*\"", 0, 0, NULL);

  g_assert_no_error (error);
  return g_regex_replace_literal (stamp, data, -1, 0, "", 0, NULL);
}

static gboolean
summary_has (char      **summary,
             const char *text)
{
  for (guint i = 0; summary[i] != NULL; i++)
    if (strstr (summary[i], text) != NULL)
      return TRUE;

  return FALSE;
}

static void
print_summary (char **summary)
{
  for (guint i = 0; summary[i] != NULL; i++)
    g_test_message ("preview: %s", summary[i]);
}

/* Done when: two weeks of Cronometer servings import into an empty
 * diary, the insights show the two weeks with the right calcium,
 * magnesium and vitamin D, vitamin K counts as total only, and a second
 * import changes nothing. */
static void
test_two_weeks (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfImportPlan) again = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autoptr(CfInsightsQuery) query = NULL;
  g_autoptr(CfSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CfImportCounts counts = { 0, };
  GDate first, last;

  plan = plan_fixture (context, "cronometer-servings-two-weeks.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_import_plan_get_format (plan), ==, CF_IMPORT_FORMAT_CRONOMETER_SERVINGS);
  /* 8 foods a day, natto on 7 of the 14 days, the capsule on the 10
   * weekdays */
  g_assert_cmpuint (cf_import_plan_get_n_entries (plan), ==, 14 * 6 + 7 + 10);
  g_assert_cmpuint (cf_import_plan_get_n_new_entries (plan), ==, 101);
  g_assert_cmpuint (cf_import_plan_get_n_days (plan), ==, 14);
  g_assert_true (cf_import_plan_get_range (plan, &first, &last));
  g_assert_cmpint (g_date_get_day (&first), ==, 1);
  g_assert_cmpint (g_date_get_day (&last), ==, 14);
  g_assert_true (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_CALCIUM));
  g_assert_true (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_VITAMIN_K_UNSTATED));
  g_assert_false (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_VITAMIN_K1));
  g_assert_false (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_MK7));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Omega-3 (g)"));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Iron (mg)"));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Category"));

  summary = cf_import_plan_dup_summary (plan);
  print_summary (summary);
  g_assert_true (summary_has (summary, "101 entries on 14 days"));
  g_assert_true (summary_has (summary, "Pre-workout"));
  g_assert_true (summary_has (summary, "40 IU = 1 µg"));
  g_assert_true (summary_has (summary, "total vitamin K only"));
  g_assert_true (summary_has (summary, "“1.00 cup”"));

  /* Nothing is written by the plan */
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 0);

  g_assert_true (cf_import_plan_apply (plan, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entries, ==, 101);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 101);

  /* The diary's sums: the fixture's columns, vitamin D from IU */
  totals = totals_between (context, "2026-03-01", "2026-03-14");
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM), 8978.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_MAGNESIUM), 3762.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_D), 19044.0 / 40, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_K_UNSTATED), 3770.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_ENERGY), 11855.9, 1e-6);
  /* No value for K1 or K2: Cronometer does not say the form */
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_K1)));
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_K2_TOTAL)));
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_MK7)));

  /* What the Insights view shows for the two weeks */
  query = cf_insights_query_new (context);
  series = cf_insights_query_run (query, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_series_get_n_logged_days (series), ==, 14);
  g_assert_cmpfloat_with_epsilon (cf_series_get_average (series, CF_INTAKE_CALCIUM), 8978.9 / 14, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_series_get_average (series, CF_INTAKE_MAGNESIUM), 3762.5 / 14, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_series_get_average (series, CF_INTAKE_VITAMIN_D), 19044.0 / 40 / 14, 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_series_get_average (series, CF_INTAKE_VITAMIN_K_TOTAL), 3770.9 / 14, 1e-6);
  g_assert_true (isnan (cf_series_get_average (series, CF_INTAKE_VITAMIN_K1)));
  g_assert_true (isnan (cf_series_get_average (series, CF_INTAKE_VITAMIN_K2)));

  /* A second import of the same file changes nothing */
  before = diary_state (context);
  again = plan_fixture (context, "cronometer-servings-two-weeks.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_import_plan_get_n_new_entries (again), ==, 0);
  g_clear_pointer (&summary, g_strfreev);
  summary = cf_import_plan_dup_summary (again);
  g_assert_true (summary_has (summary, "importing again changes nothing"));
  g_assert_true (cf_import_plan_apply (again, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entries, ==, 0);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 101);
  after = diary_state (context);
  g_assert_cmpstr (before, ==, after);
}

/* BOM, CRLF, quoted names with commas and quotes, blank cells, a group
 * that is not a meal, an unknown column, sodium in g, amounts that are
 * not weights, a group in lower case */
static void
test_messy_servings (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfNutrientTotals) day1 = NULL;
  g_autoptr(CfNutrientTotals) day2 = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) summary = NULL;
  GDate d1 = day_of ("2026-03-14");
  GDate d2 = day_of ("2026-03-15");
  CfDiaryEntry *entry;

  plan = plan_fixture (context, "cronometer-servings-messy.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_import_plan_get_n_entries (plan), ==, 5);
  g_assert_cmpuint (cf_import_plan_get_n_days (plan), ==, 2);
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Glycemic Load"));
  summary = cf_import_plan_dup_summary (plan);
  print_summary (summary);
  g_assert_true (summary_has (summary, "3 amounts are not weights"));
  g_assert_true (summary_has (summary, "Post-run"));
  g_assert_true (cf_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);

  entries = cf_diary_list_day (cf_context_get_diary (context), &d1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Cheese, cheddar");
  g_assert_cmpint (cf_diary_entry_get_meal (entry), ==, CF_MEAL_BREAKFAST);
  g_assert_cmpfloat (cf_diary_entry_get_grams (entry), ==, 30);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_CALCIUM), 213, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_SODIUM), 190, 1e-9);
  g_assert_cmpint (cf_diary_entry_get_origin (entry), ==, CF_ENTRY_ORIGIN_CRONOMETER);
  g_assert_true (g_str_has_prefix (cf_diary_entry_get_food_id (entry), "cronometer:"));

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Pizza, 12\" round");
  g_assert_false (cf_diary_entry_has_weight (entry));
  g_assert_cmpstr (cf_diary_entry_get_origin_amount (entry), ==, "1.00 slice");
  /* Blank cells are no value, not zero */
  g_assert_true (isnan (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_MAGNESIUM)));
  g_assert_true (isnan (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_VITAMIN_D)));

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Banana");
  g_assert_cmpint (cf_diary_entry_get_meal (entry), ==, CF_MEAL_SNACKS);
  g_assert_cmpstr (cf_diary_entry_get_origin_meal (entry), ==, "Post-run");
  g_assert_cmpstr (cf_diary_entry_get_origin_amount (entry), ==, "1.00 medium");

  day1 = totals_between (context, "2026-03-14", "2026-03-14");
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day1, CF_NUTRIENT_CALCIUM), 213 + 189 + 5.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day1, CF_NUTRIENT_SODIUM), 190 + 640 + 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day1, CF_NUTRIENT_VITAMIN_D), 7.2 / 40, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day1, CF_NUTRIENT_MAGNESIUM), 8.4 + 31.9, 1e-9);
  /* Only the cheese has a weight: coverage is over it */
  g_assert_cmpfloat (day1->grams, ==, 30);

  day2 = totals_between (context, "2026-03-15", "2026-03-15");
  g_assert_cmpuint (day2->n_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day2, CF_NUTRIENT_CALCIUM), 84.15, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day2, CF_NUTRIENT_VITAMIN_K_UNSTATED), 410.55, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (day2, CF_NUTRIENT_ENERGY), 19.55, 1e-9);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = cf_diary_list_day (cf_context_get_diary (context), &d2, &error);
  g_assert_no_error (error);
  /* "dinner" is Dinner; an entry without any value is still an entry */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Spinach, \"baby\", raw");
  g_assert_cmpint (cf_diary_entry_get_meal (entry), ==, CF_MEAL_DINNER);
  g_assert_null (cf_diary_entry_get_origin_meal (entry));
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (cf_diary_entry_get_origin_amount (entry), ==, "8.00 fl oz");
  g_assert_true (isnan (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_ENERGY)));
}

/* Files that are refused, each with a message that names the line
 * (and the column where there is one); a refused file changes nothing */
static void
test_refused (void)
{
  static const struct {
    const char *file;
    const char *message;
  } cases[] = {
    { "cronometer-servings-truncated.csv",
      "Line 5: the row has 6 fields where the header has 27; the file may be cut off" },
    { "cronometer-servings-cut-in-quotes.csv",
      "Line 5: a quoted field is not closed; the file may be cut off" },
    { "cronometer-servings-wrong-unit.csv",
      "Line 1, column “Calcium (IU)”: “IU” is not a unit Cofactor can convert for Calcium" },
    { "cronometer-servings-ambiguous-dates.csv",
      "Line 2, column “Day”: “01/03/2026” could be day/month or month/day, and no date in the file tells which; "
      "export the dates as YYYY-MM-DD" },
    { "cronometer-servings-bad-number.csv",
      "Line 3, column “Calcium (mg)”: “12,5” is not a number" },
  };
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) first = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  first = plan_fixture (context, "cronometer-daily.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_apply (first, NULL, &error));
  before = diary_state (context);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfImportPlan) plan = plan_fixture (context, cases[i].file, &error);
      g_autofree char *after = NULL;

      g_assert_null (plan);
      g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);

      after = diary_state (context);
      g_assert_cmpstr (before, ==, after);
    }

  /* Not an export at all */
  {
    const char text[] = "Name,Price\nTea,3\n";
    g_autoptr(CfImportPlan) plan = cf_import_plan_new_for_data (context, text, sizeof text - 1, &error);

    g_assert_null (plan);
    g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
    g_assert_nonnull (strstr (error->message, "“Name,Price”"));
    g_clear_error (&error);
  }
}

/* A date in another order is read when a date of the file settles it */
static void
test_day_first (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  plan = plan_fixture (context, "cronometer-servings-day-first.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_get_range (plan, &first, &last));
  g_assert_cmpint (g_date_get_month (&first), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&first), ==, 1);
  g_assert_cmpint (g_date_get_day (&last), ==, 13);
}

/* The daily export writes its vitamin K unit with the Greek letter mu
 * (μg), not the micro sign (µg): the same unit */
static void
test_daily (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) summary = NULL;

  plan = plan_fixture (context, "cronometer-daily.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_import_plan_get_format (plan), ==, CF_IMPORT_FORMAT_CRONOMETER_DAILY);
  g_assert_cmpuint (cf_import_plan_get_n_entries (plan), ==, 2);
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Alcohol (g)"));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Completed"));
  summary = cf_import_plan_dup_summary (plan);
  print_summary (summary);
  g_assert_true (cf_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);

  totals = totals_between (context, "2026-03-01", "2026-03-02");
  g_assert_cmpuint (totals->n_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM), 1992.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_D), 25, 1e-9);
  /* A blank cell on the second day: the sum is the first day's */
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_MAGNESIUM), 402.1, 1e-9);
  g_assert_cmpuint (totals->known_entries[CF_NUTRIENT_MAGNESIUM], ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_VITAMIN_K_UNSTATED), 180.3, 1e-9);
  g_assert_cmpfloat (totals->grams, ==, 0);
}

static void
test_myfitnesspal (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) summary = NULL;
  const char * const *left_out;
  GDate day = day_of ("2026-03-14");
  CfDiaryEntry *entry;

  plan = plan_fixture (context, "myfitnesspal-summary.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_import_plan_get_format (plan), ==, CF_IMPORT_FORMAT_MYFITNESSPAL);
  g_assert_cmpuint (cf_import_plan_get_n_entries (plan), ==, 4);
  g_assert_cmpuint (cf_import_plan_get_n_days (plan), ==, 2);

  /* The shares of a daily value are left out, and said so */
  left_out = cf_import_plan_get_left_out_columns (plan);
  g_assert_cmpuint (g_strv_length ((char **) left_out), ==, 4);
  g_assert_true (g_strv_contains (left_out, "Vitamin A"));
  g_assert_true (g_strv_contains (left_out, "Calcium"));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Sugar"));
  g_assert_true (g_strv_contains (cf_import_plan_get_ignored_columns (plan), "Note"));
  g_assert_false (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_CALCIUM));
  g_assert_false (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_VITAMIN_C));
  g_assert_true (cf_import_plan_has_nutrient (plan, CF_NUTRIENT_POTASSIUM));
  summary = cf_import_plan_dup_summary (plan);
  print_summary (summary);
  g_assert_true (summary_has (summary, "Left out: Vitamin A, Vitamin C, Calcium, Iron."));
  g_assert_true (summary_has (summary, "percentages of a daily value"));

  g_assert_true (cf_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);

  totals = totals_between (context, "2026-03-14", "2026-03-15");
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_ENERGY), 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_SODIUM), 2570, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_POTASSIUM), 2710, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_FIBER), 32, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_nutrient_totals_get (totals, CF_NUTRIENT_PROTEIN), 109, 1e-9);
  g_assert_true (isnan (cf_nutrient_totals_get (totals, CF_NUTRIENT_CALCIUM)));

  /* Month first (03/14/2026): the 14 settles it */
  entries = cf_diary_list_day (cf_context_get_diary (context), &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (cf_diary_entry_get_meal (entry), ==, CF_MEAL_SNACKS);
  g_assert_cmpstr (cf_diary_entry_get_origin_meal (entry), ==, "Elevenses");
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Elevenses, whole meal");
  g_assert_false (cf_diary_entry_has_weight (entry));
  g_assert_null (cf_diary_entry_get_origin_amount (entry));
  g_assert_cmpint (cf_diary_entry_get_origin (entry), ==, CF_ENTRY_ORIGIN_MYFITNESSPAL);
}

/* Cofactor's own export goes through the same preview */
static void
test_own_format (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (FALSE);
  g_autoptr(CfContext) target = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfImportPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) summary = NULL;
  CfImportCounts counts = { 0, };

  plan = plan_fixture (source, "myfitnesspal-summary.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_apply (plan, NULL, &error));

  data = cf_export_to_data (source, &error);
  g_assert_no_error (error);
  copy = cf_import_plan_new_for_data (target, data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_import_plan_get_format (copy), ==, CF_IMPORT_FORMAT_COFACTOR);
  g_assert_cmpuint (cf_import_plan_get_n_entries (copy), ==, 4);
  summary = cf_import_plan_dup_summary (copy);
  print_summary (summary);
  g_assert_true (summary_has (summary, "4 diary entries"));
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (target)), ==, 0);

  g_assert_true (cf_import_plan_apply (copy, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entries, ==, 4);
  before = diary_state (source);
  after = diary_state (target);
  g_assert_cmpstr (before, ==, after);

  /* A malformed export is refused before anything is written */
  {
    g_autoptr(CfImportPlan) bad = cf_import_plan_new_for_data (target, "{ \"format\": 1 }", 15, &error);

    g_assert_null (bad);
    g_assert_error (error, CF_ERROR, CF_ERROR_IMPORT);
    g_clear_error (&error);
  }
}

/* Days that already have other entries are said so: a daily export
 * after the servings export of the same days would count twice */
static void
test_busy_days (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) servings = NULL;
  g_autoptr(CfImportPlan) daily = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) summary = NULL;

  servings = plan_fixture (context, "cronometer-servings-two-weeks.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_apply (servings, NULL, &error));

  daily = plan_fixture (context, "cronometer-daily.csv", &error);
  g_assert_no_error (error);
  summary = cf_import_plan_dup_summary (daily);
  print_summary (summary);
  g_assert_true (summary_has (summary, "2 of these days already have other entries"));
}

/* A preview made before the diary changed: what it would add and the
 * diary now has under other ids is found again when it is applied */
static void
test_own_format_diary_changed (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (FALSE);
  g_autoptr(CfContext) target = cf_test_context_new (FALSE);
  g_autoptr(CfImportPlan) plan = NULL;
  g_autoptr(CfImportPlan) copy = NULL;
  g_autoptr(CfImportPlan) renamed_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autofree char *data = NULL;
  g_autofree char *renamed = NULL;
  CfImportCounts counts = { 0, };
  JsonArray *entries;

  plan = plan_fixture (source, "myfitnesspal-summary.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_apply (plan, NULL, &error));
  data = cf_export_to_data (source, &error);
  g_assert_no_error (error);

  /* The same entries under other ids */
  document = cf_json_parse (data, strlen (data), 32, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (document), "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 4);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      json_object_set_string_member (json_array_get_object_element (entries, i), "id", id);
    }
  renamed = cf_json_write (document, TRUE);

  copy = cf_import_plan_new_for_data (target, data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_import_plan_get_n_entries (copy), ==, 4);

  /* Meanwhile the diary gets them under the other ids */
  renamed_plan = cf_import_plan_new_for_data (target, renamed, strlen (renamed), &error);
  g_assert_no_error (error);
  g_assert_true (cf_import_plan_apply (renamed_plan, NULL, &error));
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (target)), ==, 4);

  g_assert_true (cf_import_plan_apply (copy, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.new_entries, ==, 0);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (target)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/tracker-import/two-weeks", test_two_weeks);
  g_test_add_func ("/cofactor/tracker-import/messy-servings", test_messy_servings);
  g_test_add_func ("/cofactor/tracker-import/refused", test_refused);
  g_test_add_func ("/cofactor/tracker-import/day-first", test_day_first);
  g_test_add_func ("/cofactor/tracker-import/daily", test_daily);
  g_test_add_func ("/cofactor/tracker-import/myfitnesspal", test_myfitnesspal);
  g_test_add_func ("/cofactor/tracker-import/own-format", test_own_format);
  g_test_add_func ("/cofactor/tracker-import/own-format-diary-changed", test_own_format_diary_changed);
  g_test_add_func ("/cofactor/tracker-import/busy-days", test_busy_days);

  return g_test_run ();
}
