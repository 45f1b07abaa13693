/* test-day-totals.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The per-day totals (table day_total) that insights, charts and the
 * diary's totals read, and the amounts per month and food that the
 * charts rank foods by (food_month_total): after random logs, edits,
 * removals, copies and imports they equal a recomputation from the
 * entries, the top foods of any range equal the sums of its entries,
 * and a diary of the schema before them gets them right when it is
 * migrated. */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-diary.h"
#include "cf-insight-engine.h"
#include "cf-insight-engine-private.h"
#include "cf-insights-query.h"
#include "cf-parse.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

/* The days the entries go to, from 1 March: over three months, so that
 * the totals per month (food_month_total) have more than one */
#define N_DAYS 80

static const char *food_ids[] = {
  "usda:01009", "usda:09040", "usda:11090", "usda:15236", "usda:01123",
  "k2:natto-kamao-2007", "usda:12061", "usda:20045",
};

/* food_month_total, kept write by write, against the same table made
 * again from every entry (in a savepoint, then rolled back) */
static void
assert_months_match (sqlite3 *db,
                     guint    n_days)
{
  g_autofree char *rebuild = _cf_food_month_totals_sql (FALSE);
  g_autoptr(GString) differs = g_string_new ("k.food_name IS NOT f.food_name");
  g_autofree char *compare = NULL;
  sqlite3_stmt *stmt = NULL;
  int n_kept, n_fresh, n_same;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (differs, " OR (k.a%u IS NULL) <> (f.a%u IS NULL)"
                                     " OR coalesce (abs (k.a%u - f.a%u) > 1e-9 * max (1, abs (f.a%u)), 0)",
                            i, i, i, i, i);
  compare = g_strdup_printf ("SELECT (SELECT count(*) FROM kept), (SELECT count(*) FROM food_month_total),"
                             " (SELECT count(*) FROM kept k JOIN food_month_total f USING (month, food_id)"
                             "  WHERE NOT (%s))", differs->str);

  g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT months;"
                                     "CREATE TEMP TABLE kept AS SELECT * FROM food_month_total;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rebuild, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, compare, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_kept = sqlite3_column_int (stmt, 0);
  n_fresh = sqlite3_column_int (stmt, 1);
  n_same = sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO months; RELEASE months;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_test_message ("%d rows of months and foods, %d kept, %d the same", n_fresh, n_kept, n_same);
  /* A diary whose random changes left no entry has no rows, any other
   * has some: the comparison is never over two empty tables by mistake */
  g_assert_cmpint (n_fresh > 0, ==, n_days > 0);
  g_assert_cmpint (n_kept, ==, n_fresh);
  g_assert_cmpint (n_same, ==, n_fresh);
}

/* Every day with entries, recomputed from the entries by the aggregates
 * the totals are defined by, against what day_total holds */
static guint
assert_totals_match (sqlite3 *db)
{
  g_autofree char *intakes = _cf_day_total_columns (CF_DAY_TOTAL_INTAKES);
  g_autofree char *nutrients = _cf_day_total_columns (CF_DAY_TOTAL_NUTRIENTS);
  g_autofree char *kept_sql = g_strdup_printf ("SELECT day, %s, %s FROM day_total ORDER BY day", intakes, nutrients);
  g_autofree char *fresh_sql = g_strdup_printf ("SELECT day, %s, %s FROM entry GROUP BY day ORDER BY day",
                                                _cf_intake_aggregates_sql (), _cf_diary_totals_select ());
  sqlite3_stmt *kept = NULL, *fresh = NULL;
  guint n_days = 0;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, kept_sql, -1, &kept, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, fresh_sql, -1, &fresh, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_column_count (kept), ==, sqlite3_column_count (fresh));

  while ((rc = sqlite3_step (fresh)) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (kept, 0), ==,
                       (const char *) sqlite3_column_text (fresh, 0));

      for (int c = 1; c < sqlite3_column_count (fresh); c++)
        {
          double a = sqlite3_column_double (kept, c);
          double b = sqlite3_column_double (fresh, c);

          g_assert_cmpint (sqlite3_column_type (kept, c) == SQLITE_NULL, ==,
                           sqlite3_column_type (fresh, c) == SQLITE_NULL);
          /* Summed in the same order: the same number */
          if (fabs (a - b) > 1e-9 * MAX (1.0, fabs (b)))
            g_error ("%s, column %s: kept %.17g, recomputed %.17g",
                     sqlite3_column_text (fresh, 0), sqlite3_column_name (kept, c), a, b);
        }
      n_days++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  /* No day left over whose entries are all gone */
  g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_DONE);

  sqlite3_finalize (kept);
  sqlite3_finalize (fresh);
  g_test_message ("%u days match", n_days);

  assert_months_match (db, n_days);
  return n_days;
}

static CfDiaryEntry *
random_entry (CfContext *context,
              GRand     *rand,
              GDate     *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = NULL;
  GDate day = *first;

  food = cf_food_store_get_food (cf_context_get_food_store (context),
                                 food_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (food_ids))], &error);
  g_assert_no_error (error);
  g_date_add_days (&day, g_rand_int_range (rand, 0, N_DAYS));

  return cf_diary_entry_new (&day, g_rand_int_range (rand, 0, CF_N_MEALS), food,
                             g_rand_double_range (rand, 1, 400), NULL, 0);
}

/* An export of @n random entries, to import */
static char *
random_export (CfContext *context,
               GRand     *rand,
               GDate     *first,
               guint      n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "cofactor-diary");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfDiaryEntry) entry = random_entry (context, rand, first);

      cf_json_add_entry (builder, entry);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return cf_json_to_string (builder);
}

/* The charts' top foods of ranges that start and end inside months or
 * on their edges equal the sums of the range's entries food by food */
static void
assert_top_foods_match (CfContext *context,
                        GRand     *rand,
                        GDate     *first)
{
  g_autoptr(CfInsightsQuery) query = cf_insights_query_new (context);
  sqlite3 *db = _cf_database_get_handle (cf_context_get_database (context));
  g_autofree char *amount = _cf_entry_amount_sql (_cf_intake_get_sql (CF_INTAKE_CALCIUM));
  g_autofree char *sql = g_strdup_printf ("SELECT food_id, SUM (%s) FROM entry WHERE day BETWEEN ?1 AND ?2"
                                          " GROUP BY food_id", amount);

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfSeries) series = NULL;
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;
      sqlite3_stmt *stmt = NULL;
      GPtrArray *top;
      GDate from = *first, to = *first;
      double total = 0;

      /* A whole month, then ranges with random ends */
      if (i == 0)
        g_date_set_dmy (&to, 31, G_DATE_MARCH, 2026);
      else
        {
          g_date_add_days (&from, g_rand_int_range (rand, 0, N_DAYS));
          to = from;
          g_date_add_days (&to, g_rand_int_range (rand, 0, N_DAYS));
        }
      from_text = cf_day_to_iso (&from);
      to_text = cf_day_to_iso (&to);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          double *sum = g_new (double, 1);

          *sum = sqlite3_column_double (stmt, 1);
          total += *sum;
          g_hash_table_insert (expected, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), sum);
        }
      sqlite3_finalize (stmt);

      series = cf_insights_query_run (query, &from, &to, &error);
      g_assert_no_error (error);
      top = cf_series_get_top_foods (series, CF_INTAKE_CALCIUM);
      g_assert_cmpfloat_with_epsilon (cf_series_get_top_foods_total (series, CF_INTAKE_CALCIUM), total,
                                      1e-9 * MAX (1.0, total));
      for (guint k = 0; top != NULL && k < top->len; k++)
        {
          CfSeriesFood *food = g_ptr_array_index (top, k);
          double *sum = g_hash_table_lookup (expected, food->id);

          g_assert_nonnull (sum);
          g_assert_cmpfloat_with_epsilon (food->amount, *sum, 1e-9 * MAX (1.0, *sum));
        }
      g_test_message ("%s to %s: %u foods, calcium %.1f mg", from_text, to_text,
                      g_hash_table_size (expected), total);
    }
}

static void
test_random_changes (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfDiary *diary = cf_context_get_diary (context);
  sqlite3 *db = _cf_database_get_handle (cf_context_get_database (context));
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint max_days = 0;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2026);

  for (guint round = 0; round < 40; round++)
    {
      for (guint step = 0; step < 10; step++)
        {
          g_autoptr(GError) error = NULL;
          guint what = g_rand_int_range (rand, 0, 10);

          if (what < 5 || ids->len == 0)
            {
              g_autoptr(CfDiaryEntry) entry = random_entry (context, rand, &first);

              g_assert_true (cf_diary_add (diary, entry, &error));
              g_ptr_array_add (ids, g_strdup (cf_diary_entry_get_id (entry)));
            }
          else if (what < 7)
            {
              /* Another amount, meal or day */
              guint i = g_rand_int_range (rand, 0, ids->len);
              g_autoptr(CfDiaryEntry) entry = cf_diary_get_entry (diary, ids->pdata[i], &error);
              GDate day = first;

              g_assert_no_error (error);
              g_date_add_days (&day, g_rand_int_range (rand, 0, N_DAYS));
              cf_diary_entry_set_amount (entry, g_rand_double_range (rand, 1, 400), NULL, 0);
              cf_diary_entry_set_day (entry, &day);
              cf_diary_entry_set_meal (entry, g_rand_int_range (rand, 0, CF_N_MEALS));
              g_assert_true (cf_diary_update (diary, entry, &error));
            }
          else if (what < 9)
            {
              guint i = g_rand_int_range (rand, 0, ids->len);

              g_assert_true (cf_diary_remove (diary, ids->pdata[i], &error));
              g_ptr_array_remove_index_fast (ids, i);
            }
          else
            {
              GDate from = first, to = first;
              guint n_copied = 0;

              g_date_add_days (&from, g_rand_int_range (rand, 0, N_DAYS));
              g_date_add_days (&to, g_rand_int_range (rand, 0, N_DAYS));
              if (g_date_compare (&from, &to) != 0)
                cf_diary_copy (diary, &from, &to, -1, &n_copied, NULL, &error);
            }
          g_assert_no_error (error);
        }

      if (round % 8 == 7)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *data = random_export (context, rand, &first, 30);

          g_assert_true (cf_import_from_data (context, data, -1, NULL, &error));
          g_assert_no_error (error);
          /* Again: the same entries, updated in place */
          g_assert_true (cf_import_from_data (context, data, -1, NULL, &error));
          g_assert_no_error (error);
        }

      max_days = MAX (max_days, assert_totals_match (db));
    }
  /* Half of the changes are logs: the diary fills up over the rounds */
  g_assert_cmpuint (max_days, >, 10);

  assert_top_foods_match (context, rand, &first);
}

/* A diary of schema 6 (no day totals yet) gets them when opened */
static void
test_migration (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  CfContext *context;
  sqlite3 *raw = NULL;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2026);
  last = first;
  g_date_add_days (&last, 11);

  context = cf_context_new (path, g_getenv ("COFACTOR_FOODS_DB"), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(CfDiaryEntry) entry = random_entry (context, rand, &first);

      g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
    }
  before = _cf_insight_engine_query_intake_on (_cf_database_get_handle (cf_context_get_database (context)),
                                               &first, &last, &error);
  g_assert_no_error (error);
  g_object_unref (context);

  /* Back to schema 6, as an older Cofactor left it */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "DROP TRIGGER entry_day_total_ai; DROP TRIGGER entry_day_total_ad;"
                                 "DROP TRIGGER entry_day_total_au;"
                                 "DROP TABLE day_total; DROP TABLE day_total_pending;"
                                 "PRAGMA user_version = 6;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  context = cf_context_new (path, g_getenv ("COFACTOR_FOODS_DB"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (cf_context_get_database (context)), ==, CF_DATABASE_SCHEMA_VERSION);
  g_assert_cmpuint (assert_totals_match (_cf_database_get_handle (cf_context_get_database (context))), >, 0);

  after = _cf_insight_engine_query_intake_on (_cf_database_get_handle (cf_context_get_database (context)),
                                              &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (after->len, >, 0);
  for (guint i = 0; i < after->len; i++)
    {
      CfDayIntake *a = &g_array_index (after, CfDayIntake, i);
      CfDayIntake *b = &g_array_index (before, CfDayIntake, i);

      g_assert_cmpint (g_date_compare (&a->day, &b->day), ==, 0);
      g_assert_cmpint (a->n_entries, ==, b->n_entries);
      for (guint k = 0; k < CF_N_INTAKES; k++)
        {
          g_assert_cmpint (isnan (a->sum[k]), ==, isnan (b->sum[k]));
          if (!isnan (a->sum[k]))
            g_assert_cmpfloat_with_epsilon (a->sum[k], b->sum[k], 1e-9 * MAX (1.0, fabs (b->sum[k])));
        }
    }
  g_object_unref (context);

  cf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cofactor/day-totals/random-changes", test_random_changes);
  g_test_add_func ("/cofactor/day-totals/migration", test_migration);

  return g_test_run ();
}
