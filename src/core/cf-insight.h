/* cf-insight.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-targets.h"

G_BEGIN_DECLS

/**
 * CfInsightSeverity:
 * @CF_INSIGHT_SEVERITY_INFO: for information (also every withheld
 *   verdict and "not enough days")
 * @CF_INSIGHT_SEVERITY_ATTENTION: worth attention: a target missed
 * @CF_INSIGHT_SEVERITY_WARNING: a target missed by half or more, or an
 *   upper limit passed
 */
typedef enum
{
  CF_INSIGHT_SEVERITY_INFO,
  CF_INSIGHT_SEVERITY_ATTENTION,
  CF_INSIGHT_SEVERITY_WARNING,
} CfInsightSeverity;

/**
 * CfInsightConfidence:
 * @CF_INSIGHT_CONFIDENCE_FULL: enough of the logged food had values
 * @CF_INSIGHT_CONFIDENCE_SOFTENED: part of it had none: the severity is
 *   one step lower and the text says how much had values
 * @CF_INSIGHT_CONFIDENCE_WITHHELD: too little had values: no verdict,
 *   only how much had data
 */
typedef enum
{
  CF_INSIGHT_CONFIDENCE_FULL,
  CF_INSIGHT_CONFIDENCE_SOFTENED,
  CF_INSIGHT_CONFIDENCE_WITHHELD,
} CfInsightConfidence;

/**
 * CfInsightNumberKind:
 * @CF_INSIGHT_NUMBER_AMOUNT: an amount per day of the number's intake
 * @CF_INSIGHT_NUMBER_DAYS: a count of days
 * @CF_INSIGHT_NUMBER_SHARE: a share from 0 to 1
 * @CF_INSIGHT_NUMBER_RATIO: a ratio of two amounts
 */
typedef enum
{
  CF_INSIGHT_NUMBER_AMOUNT,
  CF_INSIGHT_NUMBER_DAYS,
  CF_INSIGHT_NUMBER_SHARE,
  CF_INSIGHT_NUMBER_RATIO,
} CfInsightNumberKind;

/**
 * CfInsightNumber:
 * @key: stable key, e.g. "average", "target", "days_below", "coverage"
 * @label: translated label
 * @kind: how to read @value
 * @intake: the intake of an amount
 * @value: the number (NaN when unknown)
 *
 * One of the numbers an insight is based on.
 */
typedef struct
{
  const char          *key;
  char                *label;
  CfInsightNumberKind  kind;
  CfIntake             intake;
  double               value;
} CfInsightNumber;

/**
 * CfInsightFood:
 * @id: the food id (an everyday reference food)
 * @name: its name
 * @intake: the nutrient it was ranked by
 * @per_100g: how much of it 100 g hold, in cf_intake_get_unit()
 * @per_serving: how much of it a typical serving holds
 * @per_100kcal: how much of it 100 kcal of the food hold, or NaN when
 *   the food has no energy value (or too little, see %CF_RANK_MIN_KCAL)
 * @serving_amount: the serving's household measure: how many …
 * @serving_description: … of what, as the source writes it (e.g. "cup,
 *   chopped"; not translated)
 * @serving_grams: what the serving weighs
 *
 * A food that helps, ranked by the nutrient in a typical serving (see
 * the threshold table in cf-insight-engine.c).
 */
typedef struct
{
  char     *id;
  char     *name;
  CfIntake  intake;
  double    per_100g;
  double    per_serving;
  double    per_100kcal;
  double    serving_amount;
  char     *serving_description;
  double    serving_grams;
} CfInsightFood;

#define CF_TYPE_INSIGHT_SEVERITY (cf_insight_severity_get_type ())
#define CF_TYPE_INSIGHT_CONFIDENCE (cf_insight_confidence_get_type ())
#define CF_TYPE_INSIGHT (cf_insight_get_type ())

GType cf_insight_severity_get_type   (void) G_GNUC_CONST;
GType cf_insight_confidence_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CfInsight, cf_insight, CF, INSIGHT, GObject)

const char          *cf_insight_get_id          (CfInsight   *self);
CfInsightSeverity    cf_insight_get_severity    (CfInsight   *self);
CfInsightConfidence  cf_insight_get_confidence  (CfInsight   *self);
const char          *cf_insight_get_title       (CfInsight   *self);
const char          *cf_insight_get_summary     (CfInsight   *self);
const char          *cf_insight_get_page_id     (CfInsight   *self);
GArray              *cf_insight_get_numbers     (CfInsight   *self);
const CfInsightNumber *cf_insight_find_number   (CfInsight   *self,
                                                 const char  *key);
double               cf_insight_get_number      (CfInsight   *self,
                                                 const char  *key);
GPtrArray           *cf_insight_get_foods       (CfInsight   *self);

const char          *cf_insight_severity_to_key (CfInsightSeverity   severity);
const char          *cf_insight_severity_get_name (CfInsightSeverity severity);
const char          *cf_insight_confidence_to_key (CfInsightConfidence confidence);
char                *cf_insight_number_format   (const CfInsightNumber *number);
char                *cf_format_percent          (double               share);
char                *cf_insight_food_dup_serving (const CfInsightFood *food);

/* Used by the insight engine */
CfInsight           *_cf_insight_new            (const char          *id,
                                                 CfInsightSeverity    severity,
                                                 CfInsightConfidence  confidence,
                                                 const char          *title,
                                                 const char          *summary,
                                                 const char          *page_id);
void                 _cf_insight_add_number     (CfInsight           *self,
                                                 const char          *key,
                                                 const char          *label,
                                                 CfInsightNumberKind  kind,
                                                 CfIntake             intake,
                                                 double               value);
void                 _cf_insight_add_food       (CfInsight           *self,
                                                 const CfInsightFood *food);
void                 _cf_insight_food_free      (CfInsightFood       *food);

G_END_DECLS
