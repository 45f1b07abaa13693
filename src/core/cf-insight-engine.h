/* cf-insight-engine.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-context.h"
#include "cf-insight.h"
#include "cf-targets.h"

G_BEGIN_DECLS

/* What counts as supplement intake, in one place: an entry whose food
 * is a supplement (the entry's food kind), or any entry logged in the
 * Supplements meal (so a reference food such as cod liver oil logged
 * there counts too).  Used for magnesium's supplements-only upper
 * limit, the share of calcium from supplements and "vitamin D without
 * K2".  As in the diary's totals, supplement weights are nominal: they
 * are left out of the grams coverage is computed on, and a day with
 * only supplements is not a logged day. */
#define CF_SUPPLEMENT_MEAL CF_MEAL_SUPPLEMENTS
#define CF_SUPPLEMENT_KIND CF_FOOD_KIND_SUPPLEMENT

/**
 * CfDayIntake:
 * @day: the day
 * @n_entries: entries logged that day
 * @n_food_entries: of those, entries that are not supplement intake
 *   (see %CF_SUPPLEMENT_MEAL); a day with none is not a logged day for
 *   the insights
 * @grams: grams of food (not supplements) logged
 * @sum: per intake, the amount over all entries that have a value, or
 *   NaN when none has one
 * @known_grams: per intake, the grams of food (not supplements) that
 *   had a value
 * @supplements: per intake, the amount from supplement intake (0 when
 *   none had a value)
 *
 * One day's intakes, from an SQL aggregate over the diary.
 */
typedef struct
{
  GDate  day;
  guint  n_entries;
  guint  n_food_entries;
  double grams;
  double sum[CF_N_INTAKES];
  double known_grams[CF_N_INTAKES];
  double supplements[CF_N_INTAKES];
} CfDayIntake;

/**
 * CfInsightRuleKind:
 * @CF_INSIGHT_RULE_BELOW_ON_MOST_DAYS: the intake is below the target on
 *   at least @days_share of the logged days
 * @CF_INSIGHT_RULE_AVERAGE_BELOW: the average daily intake is below the
 *   target
 * @CF_INSIGHT_RULE_ABOVE_LIMIT: the intake (supplements only when the
 *   limit counts only them) is above the upper limit on at least
 *   @days_share of the logged days, or on average
 * @CF_INSIGHT_RULE_SUPPLEMENT_SHARE: at least @threshold of the intake
 *   comes from supplements while the @partner or @partner2 intake is
 *   below its target on average
 * @CF_INSIGHT_RULE_SUPPLEMENTED_WITHOUT: a supplement of the intake was
 *   logged on at least @days_share of the logged days while the
 *   @partner intake is below its target on average
 * @CF_INSIGHT_RULE_RATIO_ABOVE: the ratio of the intake to the @partner
 *   intake is above @threshold (or above the ratio of their targets,
 *   whichever is higher) on at least @days_share of the days that have
 *   both (calcium to magnesium; sodium to potassium)
 */
typedef enum
{
  CF_INSIGHT_RULE_BELOW_ON_MOST_DAYS,
  CF_INSIGHT_RULE_AVERAGE_BELOW,
  CF_INSIGHT_RULE_ABOVE_LIMIT,
  CF_INSIGHT_RULE_SUPPLEMENT_SHARE,
  CF_INSIGHT_RULE_SUPPLEMENTED_WITHOUT,
  CF_INSIGHT_RULE_RATIO_ABOVE,
} CfInsightRuleKind;

/**
 * CfInsightRule:
 * @id: the stable id of the insights the rule makes
 * @kind: how the rule decides
 * @target: the target it is about
 * @partner: a second target (see #CfInsightRuleKind), or -1
 * @partner2: a third target, or -1
 * @days_share: the share of logged days a condition must hold on
 * @threshold: a share or ratio threshold (see #CfInsightRuleKind)
 * @severe_below: the rule is a warning when the average is below this
 *   share of the target (0 for never)
 * @severity: the severity when the rule fires
 * @page_id: the knowledge page that explains it
 *
 * One row of the threshold table (see cf-insight-engine.c, where each
 * value has its rationale).
 */
typedef struct
{
  const char         *id;
  CfInsightRuleKind   kind;
  CfTargetId          target;
  int                 partner;
  int                 partner2;
  double              days_share;
  double              threshold;
  double              severe_below;
  CfInsightSeverity   severity;
  const char         *page_id;
} CfInsightRule;

/**
 * CfInsightThresholds:
 * @min_logged_days: fewer logged days give "not enough data" only
 * @coverage_withhold: below this share of the logged grams having values
 *   for a nutrient, a verdict that depends on it is withheld
 * @coverage_soften: below this share, the verdict is softened
 * @foods_per_insight: how many helping foods an insight lists
 * @min_serving_grams: an everyday food whose first household measure
 *   weighs less than this is used by the pinch or the teaspoon and is
 *   left out of the foods that help; no lighter measure is a serving
 * @max_serving_kcal: a household measure that supplies more energy than
 *   this is not a typical serving (a cup of nuts, seeds or molasses)
 * @dense_kcal_per_100g: a cup of a food with more energy than this per
 *   100 g is not a typical serving either (powders, seeds, cheese and
 *   dried fruit are eaten by the spoon, ounce or piece)
 *
 * The helping foods' typical serving is the first household measure of
 * the source (the one the Foods view ranks "per serving" by) that none
 * of these rules turns down; see cf-insight-engine.c.
 */
typedef struct
{
  guint  min_logged_days;
  double coverage_withhold;
  double coverage_soften;
  guint  foods_per_insight;
  double min_serving_grams;
  double max_serving_kcal;
  double dense_kcal_per_100g;
} CfInsightThresholds;

#define CF_ID_NOT_ENOUGH_DATA "not-enough-data"

#define CF_TYPE_INSIGHT_ENGINE (cf_insight_engine_get_type ())

G_DECLARE_FINAL_TYPE (CfInsightEngine, cf_insight_engine, CF, INSIGHT_ENGINE, GObject)

const CfInsightRule       *cf_insight_engine_get_rules      (guint             *n_rules);
const CfInsightThresholds *cf_insight_engine_get_thresholds (void);

CfInsightEngine *cf_insight_engine_new           (CfContext        *context);
CfContext       *cf_insight_engine_get_context   (CfInsightEngine  *self);
const CfProfile *cf_insight_engine_get_profile   (CfInsightEngine  *self);
void             cf_insight_engine_set_profile   (CfInsightEngine  *self,
                                                  const CfProfile  *profile);
GArray          *cf_insight_engine_query_intake  (CfInsightEngine  *self,
                                                  const GDate      *first,
                                                  const GDate      *last,
                                                  GError          **error);
GPtrArray       *cf_insight_engine_run           (CfInsightEngine  *self,
                                                  const GDate      *first,
                                                  const GDate      *last,
                                                  GError          **error);
void             cf_insight_engine_run_async     (CfInsightEngine  *self,
                                                  const GDate      *first,
                                                  const GDate      *last,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
GPtrArray       *cf_insight_engine_run_finish    (CfInsightEngine  *self,
                                                  GAsyncResult     *result,
                                                  GError          **error);

G_END_DECLS
