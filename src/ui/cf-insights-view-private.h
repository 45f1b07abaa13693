/* cf-insights-view-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-insights-view.h"
#include "chart/cf-bar-layer.h"
#include "chart/cf-hbar-layer.h"
#include "chart/cf-line-layer.h"
#include "chart/cf-rule-layer.h"

G_BEGIN_DECLS

/* For tests */
CfChart     *_cf_insights_view_get_chart          (CfInsightsView *self,
                                                   const char     *chart);
CfBarLayer  *_cf_insights_view_get_bar_layer      (CfInsightsView *self);
CfLineLayer *_cf_insights_view_get_average_layer  (CfInsightsView *self);
CfRuleLayer *_cf_insights_view_get_target_layer   (CfInsightsView *self);
CfRuleLayer *_cf_insights_view_get_limit_layer    (CfInsightsView *self);
CfLineLayer *_cf_insights_view_get_ratio_layer    (CfInsightsView *self);
CfHbarLayer *_cf_insights_view_get_foods_layer    (CfInsightsView *self);
GtkWidget   *_cf_insights_view_get_cards_box      (CfInsightsView *self);
GtkDropDown *_cf_insights_view_get_range_dropdown (CfInsightsView *self);
GtkLabel    *_cf_insights_view_get_custom_error   (CfInsightsView *self);
GtkMenuButton *_cf_insights_view_get_goal_source  (CfInsightsView *self);

G_END_DECLS
