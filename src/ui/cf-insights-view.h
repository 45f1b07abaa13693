/* cf-insights-view.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-series.h"
#include "cf-targets.h"
#include "chart/cf-chart.h"

G_BEGIN_DECLS

#define CF_TYPE_INSIGHTS_VIEW (cf_insights_view_get_type ())

G_DECLARE_FINAL_TYPE (CfInsightsView, cf_insights_view, CF, INSIGHTS_VIEW, AdwBin)

CfInsightsView *cf_insights_view_new            (CfContext      *context,
                                                 GSettings      *settings);
gboolean        cf_insights_view_is_loading     (CfInsightsView *self);
void            cf_insights_view_reload         (CfInsightsView *self);
void            cf_insights_view_get_range      (CfInsightsView *self,
                                                 GDate          *first,
                                                 GDate          *last);
gboolean        cf_insights_view_set_custom_range (CfInsightsView *self,
                                                 const GDate    *first,
                                                 const GDate    *last,
                                                 GError        **error);
CfTargetId      cf_insights_view_get_nutrient   (CfInsightsView *self);
gboolean        cf_insights_view_set_nutrient   (CfInsightsView *self,
                                                 CfTargetId      target);
CfSeries       *cf_insights_view_get_series     (CfInsightsView *self);
GPtrArray      *cf_insights_view_get_insights   (CfInsightsView *self);
const char     *cf_insights_view_get_state      (CfInsightsView *self);
gboolean        cf_insights_view_export_chart   (CfInsightsView *self,
                                                 const char     *chart,
                                                 GFile          *file,
                                                 CfChartFormat   format,
                                                 GError        **error);

G_END_DECLS
