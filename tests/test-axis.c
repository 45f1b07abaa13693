/* test-axis.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Chart maths: nice axis ticks, value mapping, date label steps, and
 * the bucketing, averages and ratios of the chart series. */

#include "config.h"

#include <math.h>

#include "cf-axis.h"
#include "cf-series.h"

static gboolean
is_nice (double step)
{
  double magnitude = pow (10, floor (log10 (step) + 1e-9));
  double normalized = step / magnitude;

  return fabs (normalized - 1) < 1e-6 || fabs (normalized - 2) < 1e-6 || fabs (normalized - 5) < 1e-6;
}

/* Every property a nice axis must have for the data it was made for */
static void
check_nice_axis (double data_min,
                 double data_max,
                 guint  max_intervals)
{
  CfAxis axis;
  guint n;
  double eps;

  cf_axis_init_nice (&axis, data_min, data_max, max_intervals);
  eps = (axis.max - axis.min) * 1e-9;

  g_assert_cmpfloat (axis.step, >, 0);
  g_assert_true (is_nice (axis.step));
  g_assert_cmpfloat (axis.min, <=, MIN (data_min, data_max) + eps);
  g_assert_cmpfloat (axis.max, >=, MAX (data_min, data_max) - eps);
  g_assert_cmpfloat (axis.max, >, axis.min);

  n = cf_axis_get_n_ticks (&axis);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n - 1, <=, max_intervals);
  g_assert_cmpfloat_with_epsilon (cf_axis_get_tick (&axis, 0), axis.min, axis.step * 1e-6);
  g_assert_cmpfloat_with_epsilon (cf_axis_get_tick (&axis, n - 1), axis.max, axis.step * 1e-6);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat_with_epsilon (cf_axis_get_tick (&axis, i) - cf_axis_get_tick (&axis, i - 1),
                                    axis.step, axis.step * 1e-6);

  /* The axis is no wider than one step more than needed at each end */
  if (data_max > data_min)
    {
      g_assert_cmpfloat (axis.min, >, MIN (data_min, data_max) - axis.step - eps);
      g_assert_cmpfloat (axis.max, <, MAX (data_min, data_max) + axis.step + eps);
    }
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (10, 5), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (1, 5), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (0.3, 3), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (289, 5), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (1000, 4), 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (7, 7), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (1e12, 5), 2e11, 1);
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (1e-9, 5), 2e-10, 1e-22);

  /* No step for nothing to cover */
  g_assert_cmpfloat (cf_axis_nice_step (0, 5), ==, 0);
  g_assert_cmpfloat (cf_axis_nice_step (-3, 5), ==, 0);
  g_assert_cmpfloat (cf_axis_nice_step (NAN, 5), ==, 0);
  g_assert_cmpfloat (cf_axis_nice_step (INFINITY, 5), ==, 0);
  /* Zero intervals is taken as one */
  g_assert_cmpfloat_with_epsilon (cf_axis_nice_step (3, 0), 5, 1e-12);
}

static void
test_nice_ranges (void)
{
  CfAxis axis;
  static const double ranges[][2] = {
    { 0, 1 }, { 0, 289 }, { 0, 320 }, { 0, 1000 }, { 0, 2500 }, { 0, 29.1 },
    { 0, 0.35 }, { 0, 7.3 }, { 12, 13 }, { 0.5, 4.2 }, { 0, 1e-6 }, { 0, 3e-12 },
    { 0, 5e9 }, { 0, 1.7e15 }, { 999, 1001 }, { 0, 99.9 }, { 0, 100 }, { 0, 100.1 },
  };

  /* Exact values for a few everyday ones */
  cf_axis_init_nice (&axis, 0, 289, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 300);
  g_assert_cmpfloat (axis.step, ==, 100);
  g_assert_cmpuint (cf_axis_get_n_ticks (&axis), ==, 4);

  cf_axis_init_nice (&axis, 0, 1000, 5);
  g_assert_cmpfloat (axis.max, ==, 1000);
  g_assert_cmpfloat (axis.step, ==, 200);
  g_assert_cmpuint (cf_axis_get_n_ticks (&axis), ==, 6);

  cf_axis_init_nice (&axis, 0, 0.35, 4);
  g_assert_cmpfloat_with_epsilon (axis.max, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.step, 0.1, 1e-12);
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 1);
  /* Ticks are exact decimals, not 0.30000000000000004 */
  g_assert_cmpfloat (cf_axis_get_tick (&axis, 3), ==, 0.3);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    for (guint intervals = 1; intervals <= 10; intervals++)
      check_nice_axis (ranges[i][0], ranges[i][1], intervals);

  /* Random ranges */
  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_test_rand_double_range (-8, 12));
      double a = g_test_rand_double_range (0, 1) * magnitude;
      double b = a + g_test_rand_double_range (0.001, 1) * magnitude;

      check_nice_axis (a, b, g_test_rand_int_range (1, 9));
    }
}

static void
test_degenerate (void)
{
  CfAxis axis;

  /* 0 to 0: an empty chart still has an axis, 0 to 1 */
  cf_axis_init_nice (&axis, 0, 0, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
  g_assert_cmpfloat_with_epsilon (axis.step, 0.2, 1e-12);
  g_assert_cmpuint (cf_axis_get_n_ticks (&axis), ==, 6);

  /* One value: widened around it */
  cf_axis_init_nice (&axis, 3.7, 3.7, 5);
  g_assert_cmpfloat (axis.min, <, 3.7);
  g_assert_cmpfloat (axis.max, >, 3.7);
  check_nice_axis (3.7, 3.7, 5);
  check_nice_axis (250, 250, 4);

  /* Reversed bounds are swapped */
  cf_axis_init_nice (&axis, 10, 0, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 10);

  /* Not finite: 0 to 1 */
  cf_axis_init_nice (&axis, NAN, 5, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
  cf_axis_init_nice (&axis, 0, INFINITY, 5);
  g_assert_cmpfloat (axis.max, ==, 1);

  /* A plain axis has no ticks; an empty one is 0 to 1 */
  cf_axis_init (&axis, 2, 8);
  g_assert_cmpfloat (axis.min, ==, 2);
  g_assert_cmpfloat (axis.max, ==, 8);
  g_assert_cmpuint (cf_axis_get_n_ticks (&axis), ==, 0);
  cf_axis_init (&axis, 5, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
}

static void
test_map (void)
{
  CfAxis axis;
  static const double values[] = { 0, 1, 12.5, 99.999, 250, 320, 400, -20, 1e6 };

  cf_axis_init_nice (&axis, 0, 320, 5);
  g_assert_cmpfloat (cf_axis_map (&axis, axis.min), ==, 0);
  g_assert_cmpfloat (cf_axis_map (&axis, axis.max), ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_axis_map (&axis, (axis.min + axis.max) / 2), 0.5, 1e-12);
  g_assert_true (isnan (cf_axis_map (&axis, NAN)));
  /* Outside the axis maps outside 0…1 (the drawing code clips) */
  g_assert_cmpfloat (cf_axis_map (&axis, -20), <, 0);
  g_assert_cmpfloat (cf_axis_map (&axis, 1e6), >, 1);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat_with_epsilon (cf_axis_unmap (&axis, cf_axis_map (&axis, values[i])), values[i],
                                    fabs (values[i]) * 1e-12 + 1e-12);

  /* Tiny and huge ranges round-trip too */
  cf_axis_init_nice (&axis, 0, 3e-9, 5);
  g_assert_cmpfloat_with_epsilon (cf_axis_unmap (&axis, cf_axis_map (&axis, 1.234e-9)), 1.234e-9, 1e-20);
  cf_axis_init_nice (&axis, 0, 4.2e13, 5);
  g_assert_cmpfloat_with_epsilon (cf_axis_unmap (&axis, cf_axis_map (&axis, 3.3e13)), 3.3e13, 1);
  for (guint i = 0; i <= 10; i++)
    g_assert_cmpfloat_with_epsilon (cf_axis_map (&axis, cf_axis_unmap (&axis, i / 10.0)), i / 10.0, 1e-12);
}

static void
test_decimals (void)
{
  CfAxis axis = { 0, 1, 0.2 };

  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 1);
  axis.step = 0.05;
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 2);
  axis.step = 0.001;
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 3);
  axis.step = 5;
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 0);
  axis.step = 1;
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 0);
  axis.step = 0;
  g_assert_cmpuint (cf_axis_get_tick_decimals (&axis), ==, 0);
}

static void
test_index_step (void)
{
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 0), ==, 1);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 1), ==, 1);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 2), ==, 2);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 3), ==, 7);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 8), ==, 14);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 15), ==, 28);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_DAY, 400), ==, 728);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_WEEK, 3), ==, 4);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_WEEK, 10), ==, 13);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_MONTH, 4), ==, 6);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_MONTH, 13), ==, 24);
  g_assert_cmpuint (cf_axis_index_step (CF_AXIS_TIME_MONTH, 121), ==, 240);
}

static void
set_day (GDate      *day,
         GDateDay    d,
         GDateMonth  m,
         GDateYear   y)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, d, m, y);
}

/* The points of a range cover each of its days exactly once, in order,
 * and cf_bucket_index() agrees with cf_bucket_get_days() */
static void
check_buckets (const GDate *first,
               const GDate *last)
{
  guint n_days = g_date_days_between (first, last) + 1;
  CfBucket bucket = cf_bucket_for_days (n_days);
  guint n = cf_bucket_count (bucket, first, last);
  GDate expected = *first;

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 121);

  for (guint i = 0; i < n; i++)
    {
      GDate start, end, d;

      cf_bucket_get_days (bucket, first, last, i, &start, &end);
      g_assert_cmpint (g_date_compare (&start, &expected), ==, 0);
      g_assert_cmpint (g_date_compare (&start, &end), <=, 0);

      for (d = start; g_date_compare (&d, &end) <= 0; g_date_add_days (&d, 1))
        g_assert_cmpuint (cf_bucket_index (bucket, first, last, &d), ==, i);

      expected = end;
      g_date_add_days (&expected, 1);
    }

  g_date_subtract_days (&expected, 1);
  g_assert_cmpint (g_date_compare (&expected, last), ==, 0);
}

static void
test_buckets (void)
{
  GDate first, last;
  static const guint lengths[] = { 1, 7, 30, 90, 91, 120, 365, 366, 731, 3650 };

  g_assert_cmpint (cf_bucket_for_days (1), ==, CF_BUCKET_DAY);
  g_assert_cmpint (cf_bucket_for_days (90), ==, CF_BUCKET_DAY);
  g_assert_cmpint (cf_bucket_for_days (91), ==, CF_BUCKET_WEEK);
  g_assert_cmpint (cf_bucket_for_days (365), ==, CF_BUCKET_WEEK);
  g_assert_cmpint (cf_bucket_for_days (366), ==, CF_BUCKET_MONTH);

  set_day (&last, 14, 5, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      first = last;
      g_date_subtract_days (&first, lengths[i] - 1);
      check_buckets (&first, &last);
    }

  /* Weeks count back from the last day: the latest is a whole week,
   * the earliest may be short */
  first = last;
  g_date_subtract_days (&first, 99);
  g_assert_cmpuint (cf_bucket_count (CF_BUCKET_WEEK, &first, &last), ==, 15);
  {
    GDate start, end;

    cf_bucket_get_days (CF_BUCKET_WEEK, &first, &last, 14, &start, &end);
    g_assert_cmpint (g_date_days_between (&start, &end), ==, 6);
    cf_bucket_get_days (CF_BUCKET_WEEK, &first, &last, 0, &start, &end);
    g_assert_cmpint (g_date_days_between (&start, &end), ==, 1);
  }

  /* Months are calendar months */
  set_day (&first, 20, 1, 2024);
  set_day (&last, 3, 3, 2025);
  g_assert_cmpuint (cf_bucket_count (CF_BUCKET_MONTH, &first, &last), ==, 15);
  {
    GDate start, end;

    cf_bucket_get_days (CF_BUCKET_MONTH, &first, &last, 1, &start, &end);
    g_assert_cmpuint (g_date_get_day (&start), ==, 1);
    g_assert_cmpuint (g_date_get_day (&end), ==, 29);  /* February 2024 */
  }
  check_buckets (&first, &last);

  g_assert_cmpuint (cf_bucket_get_rolling_window (CF_BUCKET_DAY), ==, 7);
}

static CfDayIntake
make_day (const GDate *day,
          double       calcium,
          double       magnesium,
          double       known_share)
{
  CfDayIntake d = { 0, };

  d.day = *day;
  d.n_entries = 3;
  d.n_food_entries = 3;
  d.grams = 1000;
  for (guint k = 0; k < CF_N_INTAKES; k++)
    {
      d.sum[k] = NAN;
      d.known_grams[k] = 0;
    }
  d.sum[CF_INTAKE_CALCIUM] = calcium;
  d.sum[CF_INTAKE_MAGNESIUM] = magnesium;
  d.known_grams[CF_INTAKE_CALCIUM] = isnan (calcium) ? 0 : 1000 * known_share;
  d.known_grams[CF_INTAKE_MAGNESIUM] = isnan (magnesium) ? 0 : 1000;

  return d;
}

static void
test_series (void)
{
  g_autoptr(CfSeries) series = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CfDayIntake));
  CfTarget target = { 0, };
  GDate first, last, d;
  guint evaluated = 0;
  CfDayIntake day;

  set_day (&first, 1, 5, 2026);
  set_day (&last, 10, 5, 2026);

  /* 1 May: 800 mg Ca, 200 mg Mg; 2 May: 1200 / 300 with half the food
   * known for calcium; 3 May: no calcium value, 250 Mg; 4 May only
   * supplements (not a logged day); 5–9 May nothing; 10 May 400 / 400.
   * A day before the range is ignored. */
  d = first;
  g_date_subtract_days (&d, 1);
  day = make_day (&d, 5000, 5000, 1);
  g_array_append_val (days, day);
  d = first;
  day = make_day (&d, 800, 200, 1);
  g_array_append_val (days, day);
  g_date_add_days (&d, 1);
  day = make_day (&d, 1200, 300, 0.5);
  g_array_append_val (days, day);
  g_date_add_days (&d, 1);
  day = make_day (&d, NAN, 250, 0);
  g_array_append_val (days, day);
  g_date_add_days (&d, 1);
  day = make_day (&d, 100, 100, 1);
  day.n_food_entries = 0;
  g_array_append_val (days, day);
  day = make_day (&last, 400, 400, 1);
  g_array_append_val (days, day);

  series = cf_series_new (&first, &last, (const CfDayIntake *) (gpointer) days->data, days->len);
  g_assert_cmpint (cf_series_get_bucket (series), ==, CF_BUCKET_DAY);
  g_assert_cmpuint (cf_series_get_n_points (series), ==, 10);
  g_assert_cmpuint (cf_series_get_n_days (series), ==, 10);
  g_assert_cmpuint (cf_series_get_n_logged_days (series), ==, 4);
  g_assert_true (cf_series_get_has_entries (series));

  g_assert_cmpfloat (cf_series_get_value (series, CF_INTAKE_CALCIUM, 0), ==, 800);
  g_assert_cmpfloat (cf_series_get_value (series, CF_INTAKE_CALCIUM, 1), ==, 1200);
  g_assert_true (isnan (cf_series_get_value (series, CF_INTAKE_CALCIUM, 2)));
  g_assert_cmpfloat (cf_series_get_value (series, CF_INTAKE_MAGNESIUM, 2), ==, 250);
  /* Supplements only and empty days are gaps */
  g_assert_true (isnan (cf_series_get_value (series, CF_INTAKE_CALCIUM, 3)));
  g_assert_cmpuint (cf_series_get_point_logged_days (series, 3), ==, 0);
  g_assert_true (isnan (cf_series_get_value (series, CF_INTAKE_CALCIUM, 6)));
  g_assert_cmpfloat (cf_series_get_value (series, CF_INTAKE_CALCIUM, 9), ==, 400);

  g_assert_cmpfloat (cf_series_get_coverage (series, CF_INTAKE_CALCIUM, 0), ==, 1);
  g_assert_cmpfloat (cf_series_get_coverage (series, CF_INTAKE_CALCIUM, 1), ==, 0.5);
  g_assert_cmpfloat (cf_series_get_coverage (series, CF_INTAKE_CALCIUM, 2), ==, 0);
  g_assert_true (isnan (cf_series_get_coverage (series, CF_INTAKE_CALCIUM, 5)));

  /* Rolling 7 days: over the logged days in the window, a day without a
   * value counting as none (as the insights do) */
  g_assert_cmpfloat (cf_series_get_rolling_average (series, CF_INTAKE_CALCIUM, 0), ==, 800);
  g_assert_cmpfloat (cf_series_get_rolling_average (series, CF_INTAKE_CALCIUM, 2), ==, 2000.0 / 3);
  g_assert_cmpfloat (cf_series_get_rolling_average (series, CF_INTAKE_CALCIUM, 6), ==, 2000.0 / 3);
  /* 4–10 May: only 10 May logged */
  g_assert_cmpfloat (cf_series_get_rolling_average (series, CF_INTAKE_CALCIUM, 9), ==, 400);
  g_assert_true (isnan (cf_series_get_rolling_average (series, CF_INTAKE_VITAMIN_C, 9)));

  /* Ratios: days with both */
  g_assert_cmpfloat (cf_series_get_ratio (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, 0), ==, 4);
  g_assert_true (isnan (cf_series_get_ratio (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, 2)));
  g_assert_cmpfloat (cf_series_get_ratio (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, 9), ==, 1);
  g_assert_cmpuint (cf_series_count_ratio_days_above (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM,
                                                      2.5, &evaluated), ==, 2);
  g_assert_cmpuint (evaluated, ==, 3);
  /* Overall: sum over sum of the days with both */
  g_assert_cmpfloat_with_epsilon (cf_series_get_overall_ratio (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM),
                                  2400.0 / 900, 1e-12);
  g_assert_true (isnan (cf_series_get_overall_ratio (series, CF_INTAKE_VITAMIN_C, CF_INTAKE_MAGNESIUM)));

  /* Range figures, as the insight engine computes them */
  g_assert_cmpfloat (cf_series_get_average (series, CF_INTAKE_CALCIUM), ==, 2400.0 / 4);
  g_assert_cmpfloat (cf_series_get_average (series, CF_INTAKE_MAGNESIUM), ==, 1150.0 / 4);
  g_assert_true (isnan (cf_series_get_average (series, CF_INTAKE_VITAMIN_C)));
  g_assert_cmpfloat_with_epsilon (cf_series_get_total_coverage (series, CF_INTAKE_CALCIUM), 2500.0 / 4000, 1e-12);

  target.intake = CF_INTAKE_CALCIUM;
  target.value = 1000;
  target.energy_percent = NAN;
  g_assert_cmpfloat (cf_series_get_average_target (series, &target), ==, 1000);
  g_assert_cmpuint (cf_series_count_days_below (series, &target, &evaluated), ==, 3);
  g_assert_cmpuint (evaluated, ==, 4);

  /* A share-of-energy target without energy values cannot be worked out */
  target.value = NAN;
  target.energy_percent = 0.5;
  g_assert_true (isnan (cf_series_get_average_target (series, &target)));
  g_assert_cmpuint (cf_series_count_days_below (series, &target, &evaluated), ==, 0);
  g_assert_cmpuint (evaluated, ==, 0);
}

static void
test_series_weeks (void)
{
  g_autoptr(CfSeries) series = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (CfDayIntake));
  GDate first, last, d;

  set_day (&last, 31, 12, 2025);
  first = last;
  g_date_subtract_days (&first, 181);

  /* Every day: calcium = day number in the range, magnesium 100 */
  d = first;
  for (guint i = 0; i < 182; i++, g_date_add_days (&d, 1))
    {
      CfDayIntake day = make_day (&d, i, 100, 1);

      g_array_append_val (days, day);
    }

  series = cf_series_new (&first, &last, (const CfDayIntake *) (gpointer) days->data, days->len);
  g_assert_cmpint (cf_series_get_bucket (series), ==, CF_BUCKET_WEEK);
  g_assert_cmpuint (cf_series_get_n_points (series), ==, 26);

  /* The last week holds days 175…181: average 178 */
  g_assert_cmpfloat (cf_series_get_value (series, CF_INTAKE_CALCIUM, 25), ==, 178);
  g_assert_cmpuint (cf_series_get_point_logged_days (series, 25), ==, 7);
  /* Four weeks ending there: days 154…181 */
  g_assert_cmpfloat (cf_series_get_rolling_average (series, CF_INTAKE_CALCIUM, 25), ==, (154 + 181) / 2.0);
  g_assert_cmpfloat (cf_series_get_ratio (series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, 25), ==, 1.78);
  g_assert_cmpfloat (cf_series_get_average (series, CF_INTAKE_CALCIUM), ==, 181 / 2.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/axis/nice-step", test_nice_step);
  g_test_add_func ("/cofactor/axis/nice-ranges", test_nice_ranges);
  g_test_add_func ("/cofactor/axis/degenerate", test_degenerate);
  g_test_add_func ("/cofactor/axis/map", test_map);
  g_test_add_func ("/cofactor/axis/decimals", test_decimals);
  g_test_add_func ("/cofactor/axis/index-step", test_index_step);
  g_test_add_func ("/cofactor/axis/buckets", test_buckets);
  g_test_add_func ("/cofactor/axis/series", test_series);
  g_test_add_func ("/cofactor/axis/series-weeks", test_series_weeks);

  return g_test_run ();
}
