/* bench-insights.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the insights inside the process, for
 * build-aux/measure-performance.sh:
 *
 *   bench-insights DIARY FOODS_DB LAST_DAY [RUNS]
 *
 * runs the insight engine (every rule) and the charts' query on the 365
 * days and on the ten years up to LAST_DAY, RUNS times each (default 7),
 * and prints the median of each in milliseconds. */

#include "config.h"

#include <stdlib.h>

#include "cf-context.h"
#include "cf-date.h"
#include "cf-insight-engine.h"
#include "cf-insights-query.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static double
time_engine (CfInsightEngine *engine,
             const GDate     *first,
             const GDate     *last,
             guint            runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) insights = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      insights = cf_insight_engine_run (engine, first, last, &error);
      if (insights == NULL)
        g_error ("insights: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  return median (times);
}

static double
time_query (CfInsightsQuery *query,
            const GDate     *first,
            const GDate     *last,
            guint            runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      CfSeries *series;
      gint64 start = g_get_monotonic_time ();
      double ms;

      series = cf_insights_query_run (query, first, last, &error);
      if (series == NULL)
        g_error ("charts: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cf_series_unref (series);
      g_array_append_val (times, ms);
    }

  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(CfInsightEngine) engine = NULL;
  g_autoptr(CfInsightsQuery) query = NULL;
  guint runs = 7;
  GDate last, year, decade;

  if (argc < 4 || argc > 5)
    {
      g_printerr ("usage: bench-insights DIARY FOODS_DB LAST_DAY [RUNS]\n");
      return 2;
    }
  if (argc == 5)
    runs = MAX (1, atoi (argv[4]));

  if (!cf_day_parse (argv[3], &last, &error))
    g_error ("%s", error->message);
  year = decade = last;
  g_date_subtract_days (&year, 364);
  g_date_subtract_days (&decade, 3649);

  context = cf_context_new (argv[1], argv[2], &error);
  if (context == NULL)
    g_error ("%s", error->message);

  engine = cf_insight_engine_new (context);
  query = cf_insights_query_new (context);

  g_print ("insights_365_ms %.2f\n", time_engine (engine, &year, &last, runs));
  g_print ("insights_3650_ms %.2f\n", time_engine (engine, &decade, &last, runs));
  g_print ("charts_365_ms %.2f\n", time_query (query, &year, &last, runs));
  g_print ("charts_3650_ms %.2f\n", time_query (query, &decade, &last, runs));

  return 0;
}
