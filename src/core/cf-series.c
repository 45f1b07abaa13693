/* cf-series.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-series"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cf-series.h"

/**
 * CfSeries:
 *
 * The prepared data behind the insights charts for one range of days:
 * the per-day SQL aggregate of #CfInsightEngine (the same numbers its
 * insights are based on), grouped into points of a day, a week or a
 * month so that no chart has more than about 120 points, plus the top
 * contributing foods of each intake.  Built in a worker thread by
 * #CfInsightsQuery, immutable once handed to the main thread, so
 * drawing code only reads it.
 *
 * As in the insights, a day counts when food (not only supplements) was
 * logged on it; a point's value is the average over its logged days,
 * an entry without a value counting as none of the nutrient, and a
 * point without any value for the intake has no value (a gap).  The
 * coverage says how much of the point's food, by weight, had a value.
 */

typedef struct
{
  guint  offset;                      /* days from the first day */
  double sum[CF_N_INTAKES];           /* NaN when no entry had a value */
} Day;

typedef struct
{
  guint  first_day;                   /* index into days */
  guint  n_days;                      /* logged days in the point */
  double grams;
  double total[CF_N_INTAKES];
  double known[CF_N_INTAKES];
  guint  valued[CF_N_INTAKES];        /* logged days with a value */
} Point;

struct _CfSeries
{
  gatomicrefcount  ref_count;
  GDate            first;
  GDate            last;
  guint            n_days;
  CfBucket         bucket;
  GArray          *days;              /* Day, logged days in date order */
  GArray          *points;            /* Point */
  gboolean         has_entries;
  GPtrArray       *top_foods[CF_N_INTAKES];
  double           top_total[CF_N_INTAKES];
};

G_DEFINE_BOXED_TYPE (CfSeries, cf_series, cf_series_ref, cf_series_unref)

/* ------------------------------------------------------------------
 * Buckets
 * ------------------------------------------------------------------ */

/**
 * cf_bucket_for_days:
 *
 * Returns: how to group a range of @n_days days
 */
CfBucket
cf_bucket_for_days (guint n_days)
{
  if (n_days <= CF_BUCKET_DAILY_MAX_DAYS)
    return CF_BUCKET_DAY;
  if (n_days <= CF_BUCKET_WEEKLY_MAX_DAYS)
    return CF_BUCKET_WEEK;

  return CF_BUCKET_MONTH;
}

static guint
month_number (const GDate *day)
{
  return g_date_get_year (day) * 12 + (g_date_get_month (day) - 1);
}

/**
 * cf_bucket_count:
 *
 * Returns: the number of points from @first to @last
 */
guint
cf_bucket_count (CfBucket     bucket,
                 const GDate *first,
                 const GDate *last)
{
  int n_days;

  g_return_val_if_fail (first != NULL && g_date_valid (first), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);

  n_days = g_date_days_between (first, last) + 1;
  if (n_days <= 0)
    return 0;

  switch (bucket)
    {
    case CF_BUCKET_WEEK:
      return (n_days + 6) / 7;

    case CF_BUCKET_MONTH:
      return month_number (last) - month_number (first) + 1;

    case CF_BUCKET_DAY:
    default:
      return n_days;
    }
}

/**
 * cf_bucket_index:
 * @day: a day from @first to @last
 *
 * Returns: the point @day belongs to
 */
guint
cf_bucket_index (CfBucket     bucket,
                 const GDate *first,
                 const GDate *last,
                 const GDate *day)
{
  guint n;

  g_return_val_if_fail (first != NULL && last != NULL && day != NULL, 0);
  g_return_val_if_fail (g_date_compare (first, day) <= 0 && g_date_compare (day, last) <= 0, 0);

  switch (bucket)
    {
    case CF_BUCKET_WEEK:
      n = cf_bucket_count (bucket, first, last);
      return n - 1 - g_date_days_between (day, last) / 7;

    case CF_BUCKET_MONTH:
      return month_number (day) - month_number (first);

    case CF_BUCKET_DAY:
    default:
      return g_date_days_between (first, day);
    }
}

/**
 * cf_bucket_get_days:
 * @start: (out): the point's first day
 * @end: (out): the point's last day
 *
 * The days point @index stands for, within @first and @last.
 */
void
cf_bucket_get_days (CfBucket     bucket,
                    const GDate *first,
                    const GDate *last,
                    guint        index,
                    GDate       *start,
                    GDate       *end)
{
  guint n;

  g_return_if_fail (first != NULL && last != NULL && start != NULL && end != NULL);

  n = cf_bucket_count (bucket, first, last);
  g_return_if_fail (index < n);

  switch (bucket)
    {
    case CF_BUCKET_WEEK:
      *end = *last;
      g_date_subtract_days (end, (n - 1 - index) * 7);
      *start = *end;
      g_date_subtract_days (start, 6);
      if (g_date_compare (start, first) < 0)
        *start = *first;
      break;

    case CF_BUCKET_MONTH:
      {
        guint m = month_number (first) + index;
        GDateYear year = m / 12;
        GDateMonth month = (m % 12) + 1;

        g_date_clear (start, 1);
        g_date_set_dmy (start, 1, month, year);
        g_date_clear (end, 1);
        g_date_set_dmy (end, g_date_get_days_in_month (month, year), month, year);
        if (g_date_compare (start, first) < 0)
          *start = *first;
        if (g_date_compare (end, last) > 0)
          *end = *last;
      }
      break;

    case CF_BUCKET_DAY:
    default:
      *start = *first;
      g_date_add_days (start, index);
      *end = *start;
      break;
    }
}

/**
 * cf_bucket_get_rolling_window:
 *
 * Returns: how many points the rolling average spans: 7 days, 4 weeks
 *   or 3 months
 */
guint
cf_bucket_get_rolling_window (CfBucket bucket)
{
  switch (bucket)
    {
    case CF_BUCKET_WEEK:
      return 4;

    case CF_BUCKET_MONTH:
      return 3;

    case CF_BUCKET_DAY:
    default:
      return 7;
    }
}

/* ------------------------------------------------------------------
 * The series
 * ------------------------------------------------------------------ */

void
cf_series_food_free (CfSeriesFood *food)
{
  if (food == NULL)
    return;

  g_free (food->id);
  g_free (food->name);
  g_free (food);
}

/**
 * cf_series_new:
 * @first: the first day of the range
 * @last: the last day, included
 * @days: (array length=n_days): per-day intakes, in date order, as
 *   cf_insight_engine_query_intake() gives them; days outside the range
 *   and days without food are left out
 *
 * Returns: (transfer full): a new series
 */
CfSeries *
cf_series_new (const GDate       *first,
               const GDate       *last,
               const CfDayIntake *days,
               guint              n_days)
{
  CfSeries *self;
  guint n_points;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  self = g_new0 (CfSeries, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->first = *first;
  self->last = *last;
  self->n_days = g_date_days_between (first, last) + 1;
  self->bucket = cf_bucket_for_days (self->n_days);
  self->days = g_array_new (FALSE, TRUE, sizeof (Day));
  self->has_entries = n_days > 0;

  n_points = cf_bucket_count (self->bucket, first, last);
  self->points = g_array_sized_new (FALSE, TRUE, sizeof (Point), n_points);
  g_array_set_size (self->points, n_points);

  for (guint i = 0; i < n_days; i++)
    {
      const CfDayIntake *d = &days[i];
      Point *p;
      Day day;
      guint index;

      if (d->n_food_entries == 0 ||
          g_date_compare (&d->day, first) < 0 || g_date_compare (&d->day, last) > 0)
        continue;

      day.offset = g_date_days_between (first, &d->day);
      memcpy (day.sum, d->sum, sizeof day.sum);

      index = cf_bucket_index (self->bucket, first, last, &d->day);
      p = &g_array_index (self->points, Point, index);
      if (p->n_days == 0)
        p->first_day = self->days->len;
      p->n_days++;
      p->grams += d->grams;

      for (guint k = 0; k < CF_N_INTAKES; k++)
        {
          p->known[k] += d->known_grams[k];
          if (!isnan (d->sum[k]))
            {
              p->total[k] += d->sum[k];
              p->valued[k]++;
            }
        }

      g_array_append_val (self->days, day);
    }

  return self;
}

CfSeries *
cf_series_ref (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
cf_series_unref (CfSeries *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->days);
  g_array_unref (self->points);
  for (guint k = 0; k < CF_N_INTAKES; k++)
    g_clear_pointer (&self->top_foods[k], g_ptr_array_unref);
  g_free (self);
}

const GDate *
cf_series_get_first (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->first;
}

const GDate *
cf_series_get_last (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->last;
}

/**
 * cf_series_get_n_days:
 *
 * Returns: the number of calendar days in the range
 */
guint
cf_series_get_n_days (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_days;
}

CfBucket
cf_series_get_bucket (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, CF_BUCKET_DAY);

  return self->bucket;
}

guint
cf_series_get_n_points (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

void
cf_series_get_point_days (CfSeries *self,
                          guint     index,
                          GDate    *start,
                          GDate    *end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->points->len);

  cf_bucket_get_days (self->bucket, &self->first, &self->last, index, start, end);
}

static const Point *
get_point (CfSeries *self,
           guint     index)
{
  return &g_array_index (self->points, Point, index);
}

/**
 * cf_series_get_point_logged_days:
 *
 * Returns: how many days of the point have food logged
 */
guint
cf_series_get_point_logged_days (CfSeries *self,
                                 guint     index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->points->len, 0);

  return get_point (self, index)->n_days;
}

/**
 * cf_series_get_value:
 *
 * Returns: the average daily amount over the point's logged days, in
 *   cf_intake_get_unit(), or NaN when none of them has a value
 */
double
cf_series_get_value (CfSeries *self,
                     CfIntake  intake,
                     guint     index)
{
  const Point *p;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);
  g_return_val_if_fail (index < self->points->len, NAN);

  p = get_point (self, index);
  if (p->valued[intake] == 0)
    return NAN;

  return p->total[intake] / p->n_days;
}

/**
 * cf_series_get_coverage:
 *
 * Returns: the share of the point's food, by weight, that has a value
 *   for @intake, from 0 to 1; 1 when only supplements were logged; NaN
 *   for a point without logged days
 */
double
cf_series_get_coverage (CfSeries *self,
                        CfIntake  intake,
                        guint     index)
{
  const Point *p;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);
  g_return_val_if_fail (index < self->points->len, NAN);

  p = get_point (self, index);
  if (p->n_days == 0)
    return NAN;
  if (p->grams <= 0)
    return 1;

  return p->known[intake] / p->grams;
}

/**
 * cf_series_get_rolling_average:
 *
 * The average daily amount over the logged days of the
 * cf_bucket_get_rolling_window() points ending at @index (fewer at the
 * start of the range).
 *
 * Returns: the average, or NaN when none of those days has a value
 */
double
cf_series_get_rolling_average (CfSeries *self,
                               CfIntake  intake,
                               guint     index)
{
  guint window, from, n_days = 0, valued = 0;
  double total = 0;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);
  g_return_val_if_fail (index < self->points->len, NAN);

  window = cf_bucket_get_rolling_window (self->bucket);
  from = index + 1 >= window ? index + 1 - window : 0;

  for (guint i = from; i <= index; i++)
    {
      const Point *p = get_point (self, i);

      n_days += p->n_days;
      valued += p->valued[intake];
      total += p->total[intake];
    }

  if (valued == 0)
    return NAN;

  return total / n_days;
}

/* Sum over sum of two intakes on @n_days logged days from @first, on
 * the days that have a value for both and some of @denominator */
static double
ratio_over_days (CfSeries *self,
                 CfIntake  numerator,
                 CfIntake  denominator,
                 guint     first,
                 guint     n_days)
{
  double a = 0, b = 0;
  guint n = 0;

  for (guint i = first; i < first + n_days; i++)
    {
      const Day *day = &g_array_index (self->days, Day, i);
      double x = day->sum[numerator];
      double y = day->sum[denominator];

      if (isnan (x) || isnan (y) || y <= 0)
        continue;

      a += x;
      b += y;
      n++;
    }

  return n > 0 ? a / b : NAN;
}

/**
 * cf_series_get_ratio:
 *
 * The ratio of two intakes over the point's logged days that have a
 * value for both and some of @denominator, as the insight engine
 * computes the Ca:Mg ratio (sum over sum, so a point of several days
 * weighs each day by its amounts).
 *
 * Returns: the ratio, or NaN when no day has both
 */
double
cf_series_get_ratio (CfSeries *self,
                     CfIntake  numerator,
                     CfIntake  denominator,
                     guint     index)
{
  const Point *p;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (numerator < CF_N_INTAKES && denominator < CF_N_INTAKES, NAN);
  g_return_val_if_fail (index < self->points->len, NAN);

  p = get_point (self, index);

  return ratio_over_days (self, numerator, denominator, p->first_day, p->n_days);
}

/**
 * cf_series_get_n_logged_days:
 *
 * Returns: the days of the range with food logged
 */
guint
cf_series_get_n_logged_days (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->days->len;
}

/**
 * cf_series_get_average:
 *
 * The average daily amount over the logged days of the range, as the
 * insight engine computes it.
 *
 * Returns: the average, or NaN when no logged day has a value
 */
double
cf_series_get_average (CfSeries *self,
                       CfIntake  intake)
{
  double total = 0;
  guint valued = 0;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = get_point (self, i);

      total += p->total[intake];
      valued += p->valued[intake];
    }

  if (valued == 0)
    return NAN;

  return total / self->days->len;
}

/**
 * cf_series_get_total_coverage:
 *
 * Returns: the share of the range's food, by weight, with a value for
 *   @intake, or NaN when no food was logged
 */
double
cf_series_get_total_coverage (CfSeries *self,
                              CfIntake  intake)
{
  double grams = 0, known = 0;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = get_point (self, i);

      grams += p->grams;
      known += p->known[intake];
    }

  return grams > 0 ? known / grams : NAN;
}

/**
 * cf_series_get_average_target:
 *
 * The target over the range: its value, or for a target that is a share
 * of energy the mean of each logged day's target, as the insight
 * engine computes it.
 *
 * Returns: the target, or NaN
 */
double
cf_series_get_average_target (CfSeries       *self,
                              const CfTarget *target)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (target != NULL, NAN);

  if (!isnan (target->value))
    return target->value;

  for (guint i = 0; i < self->days->len; i++)
    {
      const Day *day = &g_array_index (self->days, Day, i);
      double v = cf_target_get_value_for_energy (target, day->sum[CF_INTAKE_ENERGY]);

      if (!isnan (v))
        {
          sum += v;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

/**
 * cf_series_count_days_below:
 * @n_evaluated: (out) (optional): the logged days the target could be
 *   worked out for
 *
 * Counts the logged days below @target (a day without a value counting
 * as none), as the insight engine does.
 *
 * Returns: the number of days
 */
guint
cf_series_count_days_below (CfSeries       *self,
                            const CfTarget *target,
                            guint          *n_evaluated)
{
  guint below = 0, evaluated = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (target != NULL, 0);

  for (guint i = 0; i < self->days->len; i++)
    {
      const Day *day = &g_array_index (self->days, Day, i);
      double t = cf_target_get_value_for_energy (target, day->sum[CF_INTAKE_ENERGY]);
      double v = day->sum[target->intake];

      if (isnan (t))
        continue;

      evaluated++;
      if ((isnan (v) ? 0 : v) < t)
        below++;
    }

  if (n_evaluated != NULL)
    *n_evaluated = evaluated;

  return below;
}

/**
 * cf_series_get_overall_ratio:
 *
 * Returns: the ratio over all logged days with a value for both, as the
 *   insight engine's "overall" figure, or NaN when there are none
 */
double
cf_series_get_overall_ratio (CfSeries *self,
                             CfIntake  numerator,
                             CfIntake  denominator)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (numerator < CF_N_INTAKES && denominator < CF_N_INTAKES, NAN);

  return ratio_over_days (self, numerator, denominator, 0, self->days->len);
}

/**
 * cf_series_count_ratio_days_above:
 * @n_evaluated: (out) (optional): the logged days with a value for both
 *
 * Returns: the logged days on which @numerator was more than @threshold
 *   times @denominator
 */
guint
cf_series_count_ratio_days_above (CfSeries *self,
                                  CfIntake  numerator,
                                  CfIntake  denominator,
                                  double    threshold,
                                  guint    *n_evaluated)
{
  guint above = 0, evaluated = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (numerator < CF_N_INTAKES && denominator < CF_N_INTAKES, 0);

  for (guint i = 0; i < self->days->len; i++)
    {
      const Day *day = &g_array_index (self->days, Day, i);
      double x = day->sum[numerator];
      double y = day->sum[denominator];

      if (isnan (x) || isnan (y) || y <= 0)
        continue;

      evaluated++;
      if (x / y > threshold)
        above++;
    }

  if (n_evaluated != NULL)
    *n_evaluated = evaluated;

  return above;
}

/**
 * cf_series_get_has_entries:
 *
 * Returns: whether the diary has any entry at all (in any range)
 */
gboolean
cf_series_get_has_entries (CfSeries *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_entries;
}

void
_cf_series_set_has_entries (CfSeries *self,
                            gboolean  has_entries)
{
  g_return_if_fail (self != NULL);

  self->has_entries = !!has_entries;
}

/**
 * cf_series_get_top_foods:
 *
 * Returns: (transfer none) (nullable) (element-type CfSeriesFood): the
 *   foods that gave most of @intake over the range, most first, or
 *   %NULL when they were not computed
 */
GPtrArray *
cf_series_get_top_foods (CfSeries *self,
                         CfIntake  intake)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  return self->top_foods[intake];
}

/**
 * cf_series_get_top_foods_total:
 *
 * Returns: the amount of @intake all entries of the range gave, which
 *   the top foods are a share of
 */
double
cf_series_get_top_foods_total (CfSeries *self,
                               CfIntake  intake)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);

  return self->top_total[intake];
}

void
_cf_series_set_top_foods (CfSeries  *self,
                          CfIntake   intake,
                          GPtrArray *foods,
                          double     total)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (intake < CF_N_INTAKES);

  g_clear_pointer (&self->top_foods[intake], g_ptr_array_unref);
  self->top_foods[intake] = foods ? g_ptr_array_ref (foods) : NULL;
  self->top_total[intake] = total;
}
