/* cf-insights-query.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-insights-query"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-error.h"
#include "cf-insight-engine-private.h"
#include "cf-insights-query.h"

/**
 * CfInsightsQuery:
 *
 * Prepares the #CfSeries behind the insights charts from SQL aggregates:
 * the insight engine's per-day sums (GROUP BY day, so a range of years
 * costs one pass over its entries and returns one row a day) and one
 * GROUP BY food pass for the top contributing foods.  The async variant
 * runs in a worker thread on its own read connection.
 */
struct _CfInsightsQuery
{
  GObject    parent_instance;
  CfContext *context;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfInsightsQuery, cf_insights_query, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The intakes the charts offer top foods for */
static const CfIntake top_food_intakes[] = {
  CF_INTAKE_CALCIUM,
  CF_INTAKE_MAGNESIUM,
  CF_INTAKE_VITAMIN_D,
  CF_INTAKE_VITAMIN_K1,
  CF_INTAKE_VITAMIN_K2,
  CF_INTAKE_VITAMIN_K_TOTAL,
  CF_INTAKE_VITAMIN_C,
  CF_INTAKE_POTASSIUM,
  CF_INTAKE_ALA,
  CF_INTAKE_EPA_DHA,
};

/* "prefix0, prefix1, …": one name per intake of top_food_intakes */
static void
append_columns (GString    *s,
                const char *prefix)
{
  for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
    g_string_append_printf (s, ", %s%u", prefix, i);
}

/* ", amount of the first intake in an entry, …" */
static void
append_entry_amounts (GString *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
    {
      g_autofree char *amount = _cf_entry_amount_sql (_cf_intake_get_sql (top_food_intakes[i]));

      g_string_append_printf (s, ", %s", amount);
    }
}

/**
 * _cf_food_month_totals_sql:
 * @pending: only the months of the days in day_total_pending, else all
 *
 * food_month_total holds, per month and food, the amounts of the intakes
 * the charts rank foods by, so that the foods of years are ranked from
 * a row per month and food instead of every entry.  Kept with the day
 * totals (see cf-database.c).
 *
 * Returns: (transfer full): the SQL that makes the table (@pending
 *   %FALSE: drops it and fills it from every entry) or brings the
 *   pending months up to date
 */
char *
_cf_food_month_totals_sql (gboolean pending)
{
  GString *s = g_string_new (NULL);

  if (!pending)
    {
      g_string_append (s, "DROP TABLE IF EXISTS food_month_total;"
                          "CREATE TABLE food_month_total (month TEXT NOT NULL, food_id TEXT NOT NULL,"
                          "  food_name TEXT NOT NULL");
      for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
        g_string_append_printf (s, ", a%u REAL", i);
      g_string_append (s, ", PRIMARY KEY (month, food_id)) WITHOUT ROWID;");
    }
  else
    g_string_append (s, "DELETE FROM food_month_total WHERE month IN"
                        "  (SELECT DISTINCT substr (day, 1, 7) FROM day_total_pending);");

  g_string_append (s, "INSERT INTO food_month_total (month, food_id, food_name");
  append_columns (s, "a");
  g_string_append (s, ") SELECT substr (day, 1, 7), food_id, MAX (food_name)");
  for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
    {
      g_autofree char *amount = _cf_entry_amount_sql (_cf_intake_get_sql (top_food_intakes[i]));

      g_string_append_printf (s, ", SUM (%s)", amount);
    }
  if (pending)
    g_string_append (s, " FROM (SELECT DISTINCT substr (day, 1, 7) AS m FROM day_total_pending) p"
                        " JOIN entry INDEXED BY entry_day ON entry.day BETWEEN p.m || '-01' AND p.m || '-31'");
  else
    g_string_append (s, " FROM entry");
  g_string_append (s, " GROUP BY 1, food_id;");

  return g_string_free (s, FALSE);
}

/* Per food over the range: id, name, then the amount of each intake of
 * top_food_intakes: the whole months inside the range from
 * food_month_total (?3 to ?4), the days before and after them from the
 * entries (?1 to ?5 and ?6 to ?2).  The few hundred or thousand rows
 * (one per food) are ranked in C. */
static const char *
foods_sql (void)
{
  static char *sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GString *s = g_string_new ("SELECT food_id, MAX (food_name)");

      for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
        g_string_append_printf (s, ", SUM (a%u)", i);
      g_string_append (s, " FROM (SELECT food_id, food_name");
      append_columns (s, "a");
      g_string_append (s, " FROM food_month_total WHERE month BETWEEN ?3 AND ?4");
      for (guint edge = 0; edge < 2; edge++)
        {
          g_string_append (s, " UNION ALL SELECT food_id, food_name");
          append_entry_amounts (s);
          g_string_append (s, edge == 0 ? " FROM entry WHERE day BETWEEN ?1 AND ?5"
                                        : " FROM entry WHERE day BETWEEN ?6 AND ?2");
        }
      g_string_append (s, ") GROUP BY food_id");
      sql = g_string_free (s, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return sql;
}

/* The whole months from @first to @last ("YYYY-MM", @from_month later
 * than @to_month if there is none), and the days outside them: @first
 * to @before, @after to @last (empty where @before is earlier than
 * @first or @after later than @last) */
static void
split_months (const GDate *first,
              const GDate *last,
              char        *from_month,
              char        *to_month,
              GDate       *before,
              GDate       *after)
{
  GDate start = *first;
  GDate end = *last;

  /* The first whole month starts on or after @first */
  if (g_date_get_day (&start) != 1)
    {
      g_date_set_day (&start, 1);
      g_date_add_months (&start, 1);
    }
  /* The last whole month ends on or before @last */
  if (g_date_get_day (&end) != g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)))
    {
      g_date_set_day (&end, 1);
      g_date_subtract_days (&end, 1);
    }

  if (g_date_compare (&start, &end) > 0)
    {
      /* No whole month: every day from the entries */
      g_strlcpy (from_month, "9999-99", 8);
      g_strlcpy (to_month, "0000-00", 8);
      *before = *last;
      *after = *last;
      g_date_add_days (after, 1);
      return;
    }

  g_snprintf (from_month, 8, "%04u-%02u", g_date_get_year (&start), g_date_get_month (&start));
  g_snprintf (to_month, 8, "%04u-%02u", g_date_get_year (&end), g_date_get_month (&end));
  *before = start;
  g_date_subtract_days (before, 1);
  *after = end;
  g_date_add_days (after, 1);
}

typedef struct
{
  char   *id;
  char   *name;
  double  amount[G_N_ELEMENTS (top_food_intakes)];
} FoodRow;

static void
food_row_clear (FoodRow *row)
{
  g_free (row->id);
  g_free (row->name);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const FoodRow *x = a;
  const FoodRow *y = b;
  guint column = GPOINTER_TO_UINT (user_data);
  double vx = x->amount[column];
  double vy = y->amount[column];

  if (vx != vy)
    return vx > vy ? -1 : 1;

  return g_strcmp0 (x->name, y->name);
}

static gboolean
query_top_foods (sqlite3      *db,
                 CfSeries     *series,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *from = cf_day_to_iso (cf_series_get_first (series));
  g_autofree char *to = cf_day_to_iso (cf_series_get_last (series));
  int rc;

  char from_month[8], to_month[8];
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  GDate before, after;

  stmt = _cf_prepare (db, foods_sql (), error);
  if (stmt == NULL)
    return FALSE;

  split_months (cf_series_get_first (series), cf_series_get_last (series), from_month, to_month, &before, &after);
  before_text = cf_day_to_iso (&before);
  after_text = cf_day_to_iso (&after);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, to_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, before_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, after_text, -1, SQLITE_STATIC);

  rows = g_array_new (FALSE, TRUE, sizeof (FoodRow));
  g_array_set_clear_func (rows, (GDestroyNotify) food_row_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FoodRow row = { 0, };

      row.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
        row.amount[i] = sqlite3_column_type (stmt, 2 + i) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 2 + i);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (top_food_intakes); i++)
    {
      g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_series_food_free);
      double total = 0;

      for (guint r = 0; r < rows->len; r++)
        {
          double v = g_array_index (rows, FoodRow, r).amount[i];

          if (!isnan (v))
            total += v;
        }

      /* NaN sorts as "no amount": make it -1 for the sort */
      for (guint r = 0; r < rows->len; r++)
        {
          FoodRow *row = &g_array_index (rows, FoodRow, r);

          if (isnan (row->amount[i]))
            row->amount[i] = -1;
        }

      g_array_sort_with_data (rows, compare_rows, GUINT_TO_POINTER (i));

      for (guint r = 0; r < rows->len && foods->len < CF_SERIES_TOP_FOODS; r++)
        {
          const FoodRow *row = &g_array_index (rows, FoodRow, r);
          CfSeriesFood *food;

          if (row->amount[i] <= 0)
            break;

          food = g_new0 (CfSeriesFood, 1);
          food->id = g_strdup (row->id);
          food->name = g_strdup (row->name);
          food->amount = row->amount[i];
          g_ptr_array_add (foods, food);
        }

      _cf_series_set_top_foods (series, top_food_intakes[i], foods, total);
    }

  return TRUE;
}

static gboolean
query_has_entries (sqlite3  *db,
                   gboolean *has_entries,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_prepare (db, "SELECT EXISTS (SELECT 1 FROM entry)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  *has_entries = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

static CfSeries *
build_series (sqlite3      *db,
              const GDate  *first,
              const GDate  *last,
              GError      **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(CfSeries) series = NULL;
  gboolean has_entries = FALSE;

  days = _cf_insight_engine_query_intake_on (db, first, last, error);
  if (days == NULL)
    return NULL;

  series = cf_series_new (first, last, (const CfDayIntake *) (gpointer) days->data, days->len);

  if (!query_has_entries (db, &has_entries, error) ||
      !query_top_foods (db, series, error))
    return NULL;

  _cf_series_set_has_entries (series, has_entries);

  return g_steal_pointer (&series);
}

static void
cf_insights_query_dispose (GObject *object)
{
  CfInsightsQuery *self = (CfInsightsQuery *) object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_insights_query_parent_class)->dispose (object);
}

static void
cf_insights_query_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfInsightsQuery *self = CF_INSIGHTS_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insights_query_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CfInsightsQuery *self = CF_INSIGHTS_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insights_query_class_init (CfInsightsQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_insights_query_dispose;
  object_class->get_property = cf_insights_query_get_property;
  object_class->set_property = cf_insights_query_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_insights_query_init (CfInsightsQuery *self)
{
}

CfInsightsQuery *
cf_insights_query_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_INSIGHTS_QUERY,
                       "context", context,
                       NULL);
}

CfContext *
cf_insights_query_get_context (CfInsightsQuery *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_QUERY (self), NULL);

  return self->context;
}

/**
 * cf_insights_query_run:
 * @first: the first day of the range
 * @last: the last day, included
 *
 * Builds the series on the main connection (for tools and tests; views
 * use cf_insights_query_run_async()).
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
CfSeries *
cf_insights_query_run (CfInsightsQuery  *self,
                       const GDate      *first,
                       const GDate      *last,
                       GError          **error)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_QUERY (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  if (!cf_day_check_range (first, last, error))
    return NULL;

  return build_series (_cf_database_get_handle (cf_context_get_database (self->context)), first, last, error);
}

typedef struct
{
  CfDatabase *database;
  GDate       first;
  GDate       last;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->database);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;
  CfSeries *series;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A worker has its own connection */
  db = _cf_database_open_reader (data->database, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  series = build_series (db, &data->first, &data->last, &error);
  _cf_database_close_reader (data->database, db);

  if (series == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, series, (GDestroyNotify) cf_series_unref);
}

/**
 * cf_insights_query_run_async:
 *
 * Runs cf_insights_query_run() in a worker thread with its own database
 * connection.
 */
void
cf_insights_query_run_async (CfInsightsQuery     *self,
                             const GDate         *first,
                             const GDate         *last,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  RunData *data;

  g_return_if_fail (CF_IS_INSIGHTS_QUERY (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_insights_query_run_async);

  if (!cf_day_check_range (first, last, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (RunData, 1);
  data->database = g_object_ref (cf_context_get_database (self->context));
  data->first = *first;
  data->last = *last;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/**
 * cf_insights_query_run_finish:
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
CfSeries *
cf_insights_query_run_finish (CfInsightsQuery  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_QUERY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_insights_query_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
