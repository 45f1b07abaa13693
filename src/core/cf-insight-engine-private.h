/* cf-insight-engine-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-insight-engine.h"

G_BEGIN_DECLS

/* The per-day aggregate behind the insights, on a given connection (a
 * worker's own), for the chart series of cf-insights-query.c */
GArray *_cf_insight_engine_query_intake_on (sqlite3      *db,
                                            const GDate  *first,
                                            const GDate  *last,
                                            GError      **error);

/* The per-day aggregates kept in day_total (see cf-database.c) */
const char *_cf_intake_aggregates_sql (void);

/* food_month_total, for the top foods of the charts (cf-insights-query.c) */
char       *_cf_food_month_totals_sql (gboolean pending);

G_END_DECLS
