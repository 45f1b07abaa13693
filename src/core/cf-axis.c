/* cf-axis.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-axis"

#include "config.h"

#include <math.h>

#include "cf-axis.h"

/* Ticks more than this many are never made, whatever the range */
#define MAX_TICKS 1000

static gboolean
is_finite (double v)
{
  return !isnan (v) && !isinf (v);
}

/**
 * cf_axis_nice_step:
 * @span: the distance to cover, > 0
 * @max_intervals: how many intervals at most
 *
 * The smallest step of the form 1, 2 or 5 × 10ⁿ that covers @span in
 * at most @max_intervals intervals.
 *
 * Returns: the step, or 0 when @span is not a positive finite number
 */
double
cf_axis_nice_step (double span,
                   guint  max_intervals)
{
  static const double nice[] = { 1, 2, 5, 10 };
  double raw, magnitude, normalized;

  if (!is_finite (span) || span <= 0)
    return 0;
  if (max_intervals == 0)
    max_intervals = 1;

  raw = span / max_intervals;
  magnitude = pow (10, floor (log10 (raw)));
  normalized = raw / magnitude;

  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    {
      /* A little slack so that 0.3 / 3 is 0.1, not 0.2 */
      if (nice[i] >= normalized * (1 - 1e-9))
        return nice[i] * magnitude;
    }

  return 10 * magnitude;
}

/**
 * cf_axis_init:
 *
 * An axis from @min to @max exactly, without ticks.  A range that is
 * empty or not finite becomes 0 to 1.
 */
void
cf_axis_init (CfAxis *axis,
              double  min,
              double  max)
{
  g_return_if_fail (axis != NULL);

  if (!is_finite (min) || !is_finite (max) || min >= max)
    {
      min = 0;
      max = 1;
    }

  axis->min = min;
  axis->max = max;
  axis->step = 0;
}

static double
next_nice_step (double step)
{
  double magnitude = pow (10, floor (log10 (step) + 1e-9));
  double normalized = step / magnitude;

  if (normalized < 1.5)
    return 2 * magnitude;
  if (normalized < 3.5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/**
 * cf_axis_init_nice:
 * @data_min: the smallest value to show
 * @data_max: the largest value to show
 * @max_intervals: how many intervals between ticks at most
 *
 * An axis that covers @data_min to @data_max, widened to whole ticks of
 * a nice step.  When both are 0 (an empty chart) the axis is 0 to 1;
 * when they are equal, the axis is widened around the value.
 */
void
cf_axis_init_nice (CfAxis *axis,
                   double  data_min,
                   double  data_max,
                   guint   max_intervals)
{
  double span, step, lo, hi;

  g_return_if_fail (axis != NULL);

  if (max_intervals == 0)
    max_intervals = 1;

  if (!is_finite (data_min) || !is_finite (data_max))
    {
      data_min = 0;
      data_max = 0;
    }
  if (data_min > data_max)
    {
      double t = data_min;

      data_min = data_max;
      data_max = t;
    }

  if (data_min == data_max)
    {
      if (data_min == 0)
        data_max = 1;
      else
        {
          double half = fabs (data_min) * 0.05;

          data_min -= half;
          data_max += half;
        }
    }

  span = data_max - data_min;
  step = cf_axis_nice_step (span, max_intervals);
  if (step <= 0)
    {
      cf_axis_init (axis, 0, 1);
      return;
    }

  /* Rounding out to whole steps can add an interval: then a bigger step */
  for (;;)
    {
      lo = floor (data_min / step + 1e-9) * step;
      hi = ceil (data_max / step - 1e-9) * step;

      if ((hi - lo) / step <= max_intervals + 1e-9)
        break;
      step = next_nice_step (step);
    }

  axis->min = lo;
  axis->max = hi;
  axis->step = step;
}

/**
 * cf_axis_map:
 *
 * Returns: where @value lies between the axis' ends, 0 at @min and 1 at
 *   @max (outside 0…1 for values outside), or NaN for NaN
 */
double
cf_axis_map (const CfAxis *axis,
             double        value)
{
  g_return_val_if_fail (axis != NULL, NAN);

  if (isnan (value))
    return NAN;
  if (axis->max <= axis->min)
    return 0;

  return (value - axis->min) / (axis->max - axis->min);
}

/**
 * cf_axis_unmap:
 *
 * The inverse of cf_axis_map().
 */
double
cf_axis_unmap (const CfAxis *axis,
               double        position)
{
  g_return_val_if_fail (axis != NULL, NAN);

  return axis->min + position * (axis->max - axis->min);
}

guint
cf_axis_get_n_ticks (const CfAxis *axis)
{
  double n;

  g_return_val_if_fail (axis != NULL, 0);

  if (axis->step <= 0 || axis->max <= axis->min)
    return 0;

  n = floor ((axis->max - axis->min) / axis->step + 1e-9) + 1;

  return (guint) MIN (n, MAX_TICKS);
}

/**
 * cf_axis_get_tick:
 *
 * Returns: the value of tick @index, from @min upwards, rounded to the
 *   step's decimals so that no 0.30000000000000004 shows
 */
double
cf_axis_get_tick (const CfAxis *axis,
                  guint         index)
{
  double v, scale;
  guint decimals;

  g_return_val_if_fail (axis != NULL, NAN);
  g_return_val_if_fail (index < cf_axis_get_n_ticks (axis), NAN);

  v = axis->min + index * axis->step;
  decimals = cf_axis_get_tick_decimals (axis);
  scale = pow (10, decimals);
  v = round (v * scale) / scale;

  /* No "-0" */
  return v == 0 ? 0 : v;
}

/**
 * cf_axis_get_tick_decimals:
 *
 * Returns: how many decimals tick labels need to tell ticks apart
 */
guint
cf_axis_get_tick_decimals (const CfAxis *axis)
{
  double d;

  g_return_val_if_fail (axis != NULL, 0);

  if (axis->step <= 0 || axis->step >= 1)
    return 0;

  d = -floor (log10 (axis->step) + 1e-9);

  return (guint) CLAMP (d, 0, 15);
}

/**
 * cf_axis_index_step:
 * @unit: what one point stands for
 * @min_step: the fewest points between two labels that leaves room
 *   for them
 *
 * Picks how many points apart date labels go: a step people count in
 * (a week, a fortnight, a quarter, a year) at least @min_step.
 *
 * Returns: the step, at least 1
 */
guint
cf_axis_index_step (CfAxisTimeUnit unit,
                    guint          min_step)
{
  static const guint days[] = { 1, 2, 7, 14, 28, 56, 91, 182, 364 };
  static const guint weeks[] = { 1, 2, 4, 8, 13, 26, 52 };
  static const guint months[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  const guint *steps;
  guint n, last;

  switch (unit)
    {
    case CF_AXIS_TIME_WEEK:
      steps = weeks;
      n = G_N_ELEMENTS (weeks);
      break;

    case CF_AXIS_TIME_MONTH:
      steps = months;
      n = G_N_ELEMENTS (months);
      break;

    case CF_AXIS_TIME_DAY:
    default:
      steps = days;
      n = G_N_ELEMENTS (days);
      break;
    }

  if (min_step <= 1)
    return 1;

  for (guint i = 0; i < n; i++)
    {
      if (steps[i] >= min_step)
        return steps[i];
    }

  /* Beyond the table: whole multiples of its largest step */
  last = steps[n - 1];

  return ((min_step + last - 1) / last) * last;
}
