/* cf-helping-foods.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-helping-foods"

#include "config.h"

#include <math.h>

#include "cf-database-private.h"
#include "cf-helping-foods-private.h"
#include "cf-insight-engine.h"
#include "cf-ranking.h"

/* The foods an insight suggests for a nutrient: the everyday reference
 * foods with the most of it in a typical serving.  They depend on the
 * reference database only, which does not change while the process
 * runs, so each intake is ranked once, when first needed, and kept.  An
 * insight engine and its runs in worker threads share one
 * #CfHelpingFoods (a plain struct, never the engine itself), under its
 * lock. */
struct _CfHelpingFoods
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GPtrArray       *foods[CF_N_INTAKES];
};

/* A measure of a food, as the reference database lists it */
typedef struct
{
  double      amount;
  const char *description;
  double      grams;
} Measure;

CfHelpingFoods *
_cf_helping_foods_new (void)
{
  CfHelpingFoods *self = g_new0 (CfHelpingFoods, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);

  return self;
}

CfHelpingFoods *
_cf_helping_foods_ref (CfHelpingFoods *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
_cf_helping_foods_unref (CfHelpingFoods *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint k = 0; k < CF_N_INTAKES; k++)
    g_clear_pointer (&self->foods[k], g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The typical serving of a food whose value is @per_100g and energy
 * @kcal_per_100g (NaN when unknown), from its measures in the order of
 * the source; see the threshold table in cf-insight-engine.c.  FALSE
 * when it has none. */
static gboolean
choose_serving (GArray        *measures,
                double         kcal_per_100g,
                CfInsightFood *food)
{
  const CfInsightThresholds *thresholds = cf_insight_engine_get_thresholds ();

  if (measures->len == 0 || g_array_index (measures, Measure, 0).grams < thresholds->min_serving_grams)
    return FALSE;

  for (guint i = 0; i < measures->len; i++)
    {
      const Measure *m = &g_array_index (measures, Measure, i);

      if (m->grams < thresholds->min_serving_grams)
        continue;
      if (!isnan (kcal_per_100g) && kcal_per_100g * m->grams / 100.0 > thresholds->max_serving_kcal)
        continue;
      if (!isnan (kcal_per_100g) && kcal_per_100g > thresholds->dense_kcal_per_100g &&
          g_str_has_prefix (m->description, "cup"))
        continue;

      food->serving_amount = m->amount;
      food->serving_description = g_strdup (m->description);
      food->serving_grams = m->grams;
      return TRUE;
    }

  return FALSE;
}

static int
compare_per_serving (gconstpointer a,
                     gconstpointer b)
{
  const CfInsightFood *x = *(CfInsightFood * const *) a;
  const CfInsightFood *y = *(CfInsightFood * const *) b;

  if (x->per_serving != y->per_serving)
    return x->per_serving > y->per_serving ? -1 : 1;

  /* Equal amounts: the more common food first (the everyday order) */
  return 0;
}

/* The everyday foods with the most of @intake in a typical serving (see
 * the threshold table in cf-insight-engine.c); foods without a value or with none of it are
 * left out.  Reference foods only: never custom foods or supplements. */
static GPtrArray *
rank_foods (sqlite3   *db,
            CfIntake   intake,
            guint      limit,
            GError   **error)
{
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_insight_food_free);
  g_autoptr(GStringChunk) texts = g_string_chunk_new (1024);
  g_autoptr(GArray) measures = g_array_new (FALSE, FALSE, sizeof (Measure));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *current = NULL;
  const char *e = _cf_intake_get_sql (intake);
  CfInsightFood pending = { 0, };
  double kcal = NAN;
  int rc;

  sql = g_strdup_printf ("SELECT f.id, f.name, %s AS v, f.energy, p.amount, p.description, p.grams"
                         " FROM ref.food f JOIN ref.portion p ON p.food = f.rowid"
                         " WHERE f.everyday IS NOT NULL AND v > 0"
                         " ORDER BY f.everyday, f.rowid, p.seq", e);
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  /* One row per measure, a food's rows together in its source's order;
   * a food is decided when the next one starts */
  for (;;)
    {
      const char *id;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;

      if (current != NULL && g_strcmp0 (id, current) != 0)
        {
          if (choose_serving (measures, kcal, &pending))
            {
              CfInsightFood *food = g_memdup2 (&pending, sizeof pending);

              food->per_serving = food->per_100g * food->serving_grams / 100.0;
              food->per_100kcal = (!isnan (kcal) && kcal >= CF_RANK_MIN_KCAL) ? food->per_100g / kcal * 100.0 : NAN;
              g_ptr_array_add (foods, food);
            }
          else
            {
              g_free (pending.id);
              g_free (pending.name);
            }
          memset (&pending, 0, sizeof pending);
          g_array_set_size (measures, 0);
          g_clear_pointer (&current, g_free);
        }

      if (rc != SQLITE_ROW)
        break;

      if (current == NULL)
        {
          current = g_strdup (id);
          pending.id = g_strdup (id);
          pending.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          pending.intake = intake;
          pending.per_100g = sqlite3_column_double (stmt, 2);
          kcal = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 3);
        }

      {
        Measure m = {
          sqlite3_column_double (stmt, 4),
          g_string_chunk_insert (texts, (const char *) sqlite3_column_text (stmt, 5)),
          sqlite3_column_double (stmt, 6),
        };

        g_array_append_val (measures, m);
      }
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  /* Stable: equal amounts keep the everyday order */
  g_ptr_array_sort (foods, compare_per_serving);
  if (foods->len > limit)
    g_ptr_array_set_size (foods, limit);

  return g_steal_pointer (&foods);
}

/**
 * _cf_helping_foods_get:
 * @intake: the intake the foods are rich in
 *
 * The foods an insight about @intake suggests (rank_foods()), ranked on
 * @db the first time and kept.
 *
 * Returns: (transfer full) (element-type CfInsightFood): the foods, or
 *   %NULL with @error set
 */
GPtrArray *
_cf_helping_foods_get (CfHelpingFoods  *self,
                       sqlite3         *db,
                       CfIntake         intake,
                       GError         **error)
{
  GPtrArray *foods;

  g_mutex_lock (&self->lock);
  foods = self->foods[intake] ? g_ptr_array_ref (self->foods[intake]) : NULL;
  g_mutex_unlock (&self->lock);
  if (foods != NULL)
    return foods;

  foods = rank_foods (db, intake, cf_insight_engine_get_thresholds ()->foods_per_insight, error);
  if (foods == NULL)
    return NULL;

  /* Another run may have ranked them meanwhile: the first stays */
  g_mutex_lock (&self->lock);
  if (self->foods[intake] == NULL)
    self->foods[intake] = g_ptr_array_ref (foods);
  g_mutex_unlock (&self->lock);

  return foods;
}
