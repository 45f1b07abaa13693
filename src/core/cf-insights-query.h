/* cf-insights-query.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-context.h"
#include "cf-series.h"

G_BEGIN_DECLS

#define CF_TYPE_INSIGHTS_QUERY (cf_insights_query_get_type ())

G_DECLARE_FINAL_TYPE (CfInsightsQuery, cf_insights_query, CF, INSIGHTS_QUERY, GObject)

CfInsightsQuery *cf_insights_query_new        (CfContext           *context);
CfContext       *cf_insights_query_get_context (CfInsightsQuery    *self);
CfSeries        *cf_insights_query_run        (CfInsightsQuery     *self,
                                               const GDate         *first,
                                               const GDate         *last,
                                               GError             **error);
void             cf_insights_query_run_async  (CfInsightsQuery     *self,
                                               const GDate         *first,
                                               const GDate         *last,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
CfSeries        *cf_insights_query_run_finish (CfInsightsQuery     *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
