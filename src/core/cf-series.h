/* cf-series.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-insight-engine.h"
#include "cf-targets.h"

G_BEGIN_DECLS

/**
 * CfBucket:
 * @CF_BUCKET_DAY: one point a day
 * @CF_BUCKET_WEEK: one point per 7 days, counted back from the last day
 *   of the range (so the latest point is a whole week)
 * @CF_BUCKET_MONTH: one point per calendar month
 *
 * How many days one point of a chart series stands for.
 */
typedef enum
{
  CF_BUCKET_DAY,
  CF_BUCKET_WEEK,
  CF_BUCKET_MONTH,
} CfBucket;

/* Ranges up to these many days get daily, then weekly points; longer
 * ones monthly, so no series has more than about 120 points */
#define CF_BUCKET_DAILY_MAX_DAYS 90
#define CF_BUCKET_WEEKLY_MAX_DAYS 365

/* Foods listed as the top contributors of a nutrient */
#define CF_SERIES_TOP_FOODS 8

/**
 * CfSeriesFood:
 * @id: the food id of the entries
 * @name: the food's name, as logged
 * @amount: the amount of the intake all its entries in the range gave,
 *   in cf_intake_get_unit()
 *
 * One food among the top contributors of an intake over a range.
 */
typedef struct
{
  char   *id;
  char   *name;
  double  amount;
} CfSeriesFood;

typedef struct _CfSeries CfSeries;

#define CF_TYPE_SERIES (cf_series_get_type ())

CfBucket      cf_bucket_for_days           (guint             n_days);
guint         cf_bucket_count              (CfBucket          bucket,
                                            const GDate      *first,
                                            const GDate      *last);
guint         cf_bucket_index              (CfBucket          bucket,
                                            const GDate      *first,
                                            const GDate      *last,
                                            const GDate      *day);
void          cf_bucket_get_days           (CfBucket          bucket,
                                            const GDate      *first,
                                            const GDate      *last,
                                            guint             index,
                                            GDate            *start,
                                            GDate            *end);
guint         cf_bucket_get_rolling_window (CfBucket          bucket);

void          cf_series_food_free          (CfSeriesFood     *food);

GType         cf_series_get_type           (void) G_GNUC_CONST;
CfSeries     *cf_series_new                (const GDate      *first,
                                            const GDate      *last,
                                            const CfDayIntake *days,
                                            guint             n_days);
CfSeries     *cf_series_ref                (CfSeries         *self);
void          cf_series_unref              (CfSeries         *self);

const GDate  *cf_series_get_first          (CfSeries         *self);
const GDate  *cf_series_get_last           (CfSeries         *self);
guint         cf_series_get_n_days         (CfSeries         *self);
CfBucket      cf_series_get_bucket         (CfSeries         *self);
guint         cf_series_get_n_points       (CfSeries         *self);
void          cf_series_get_point_days     (CfSeries         *self,
                                            guint             index,
                                            GDate            *start,
                                            GDate            *end);
guint         cf_series_get_point_logged_days (CfSeries      *self,
                                            guint             index);
double        cf_series_get_value          (CfSeries         *self,
                                            CfIntake          intake,
                                            guint             index);
double        cf_series_get_coverage       (CfSeries         *self,
                                            CfIntake          intake,
                                            guint             index);
double        cf_series_get_rolling_average (CfSeries        *self,
                                            CfIntake          intake,
                                            guint             index);
double        cf_series_get_ratio          (CfSeries         *self,
                                            CfIntake          numerator,
                                            CfIntake          denominator,
                                            guint             index);

guint         cf_series_get_n_logged_days  (CfSeries         *self);
double        cf_series_get_average        (CfSeries         *self,
                                            CfIntake          intake);
double        cf_series_get_total_coverage (CfSeries         *self,
                                            CfIntake          intake);
double        cf_series_get_average_target (CfSeries         *self,
                                            const CfTarget   *target);
guint         cf_series_count_days_below   (CfSeries         *self,
                                            const CfTarget   *target,
                                            guint            *n_evaluated);
double        cf_series_get_overall_ratio  (CfSeries         *self,
                                            CfIntake          numerator,
                                            CfIntake          denominator);
guint         cf_series_count_ratio_days_above (CfSeries     *self,
                                            CfIntake          numerator,
                                            CfIntake          denominator,
                                            double            threshold,
                                            guint            *n_evaluated);

gboolean      cf_series_get_has_entries    (CfSeries         *self);
GPtrArray    *cf_series_get_top_foods      (CfSeries         *self,
                                            CfIntake          intake);
double        cf_series_get_top_foods_total (CfSeries        *self,
                                            CfIntake          intake);

/* For cf-insights-query.c, while the series is built */
void          _cf_series_set_has_entries   (CfSeries         *self,
                                            gboolean          has_entries);
void          _cf_series_set_top_foods     (CfSeries         *self,
                                            CfIntake          intake,
                                            GPtrArray        *foods,
                                            double            total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSeries, cf_series_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSeriesFood, cf_series_food_free)

G_END_DECLS
