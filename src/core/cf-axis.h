/* cf-axis.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CfAxis:
 * @min: the value drawn at position 0
 * @max: the value drawn at position 1
 * @step: the distance between ticks, or 0 for no ticks
 *
 * A chart axis: maps values to positions from 0 to 1 and gives "nice"
 * ticks (1, 2 or 5 times a power of ten).  Plain maths, no drawing.
 */
typedef struct
{
  double min;
  double max;
  double step;
} CfAxis;

/**
 * CfAxisTimeUnit:
 *
 * What one point of a date axis stands for (see cf_axis_index_step()).
 */
typedef enum
{
  CF_AXIS_TIME_DAY,
  CF_AXIS_TIME_WEEK,
  CF_AXIS_TIME_MONTH,
} CfAxisTimeUnit;

#define CF_AXIS_DEFAULT_INTERVALS 5

double   cf_axis_nice_step         (double          span,
                                    guint           max_intervals);
void     cf_axis_init              (CfAxis         *axis,
                                    double          min,
                                    double          max);
void     cf_axis_init_nice         (CfAxis         *axis,
                                    double          data_min,
                                    double          data_max,
                                    guint           max_intervals);
double   cf_axis_map               (const CfAxis   *axis,
                                    double          value);
double   cf_axis_unmap             (const CfAxis   *axis,
                                    double          position);
guint    cf_axis_get_n_ticks       (const CfAxis   *axis);
double   cf_axis_get_tick          (const CfAxis   *axis,
                                    guint           index);
guint    cf_axis_get_tick_decimals (const CfAxis   *axis);
guint    cf_axis_index_step        (CfAxisTimeUnit  unit,
                                    guint           min_step);

G_END_DECLS
