/* cf-database-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-database.h"
#include "cf-nutrients.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *_cf_database_get_handle   (CfDatabase    *self);
sqlite3      *_cf_database_open_reader  (CfDatabase    *self,
                                         GError       **error);
void          _cf_database_close_reader (CfDatabase    *self,
                                         sqlite3       *db);
gboolean      _cf_database_has_foods    (CfDatabase    *self);

/* Prepared statements kept for reuse on one connection: take one for an
 * SQL text, use it, give it back (reset) for the next take of the same
 * text.  Taking a text that is in use prepares another statement. */
typedef struct _CfStmtCache CfStmtCache;

CfStmtCache  *_cf_stmt_cache_new        (sqlite3       *db);
void          _cf_stmt_cache_free       (CfStmtCache   *cache);
sqlite3      *_cf_stmt_cache_get_db     (CfStmtCache   *cache);
sqlite3_stmt *_cf_stmt_cache_take       (CfStmtCache   *cache,
                                         const char    *sql,
                                         GError       **error);
void          _cf_stmt_cache_give       (CfStmtCache   *cache,
                                         sqlite3_stmt  *stmt);
CfStmtCache  *_cf_database_get_stmt_cache (CfDatabase  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfStmtCache, _cf_stmt_cache_free)

/* A statement taken from a cache, given back when it goes out of scope:
 *   g_auto(CfStmtLease) stmt = { cache, NULL };
 *   stmt.stmt = _cf_stmt_cache_take (cache, sql, error); */
typedef struct
{
  CfStmtCache  *cache;
  sqlite3_stmt *stmt;
} CfStmtLease;

static inline void
_cf_stmt_lease_clear (CfStmtLease *lease)
{
  if (lease->stmt != NULL)
    _cf_stmt_cache_give (lease->cache, g_steal_pointer (&lease->stmt));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfStmtLease, _cf_stmt_lease_clear)

void          _cf_set_sqlite_error      (GError       **error,
                                         sqlite3       *db,
                                         int            rc);
sqlite3_stmt *_cf_prepare               (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
gboolean      _cf_exec                  (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
gboolean      _cf_count_contents        (sqlite3       *db,
                                         const char    *schema,
                                         gint64        *entries,
                                         gint64        *foods,
                                         GError       **error);

/* The amount in an entry of what the SQL expression @value computes
 * from its nutrient columns: the value per 100 g times the weight, or
 * for an entry without a weight (grams NULL, see CfDiaryEntry) the
 * value itself, the columns then holding the amounts in the entry */
static inline char *
_cf_entry_amount_sql (const char *value)
{
  return g_strdup_printf ("(CASE WHEN grams IS NULL THEN (%s) ELSE (%s) * grams / 100.0 END)", value, value);
}

/* Helpers for the one-column-per-nutrient tables */
const char   *_cf_nutrient_columns      (void);
const char   *_cf_ref_nutrient_columns  (void);
const char   *_cf_nutrient_placeholders (void);
void          _cf_bind_nutrients        (sqlite3_stmt      *stmt,
                                         int                first,
                                         const CfNutrients *nutrients);
void          _cf_read_nutrients        (sqlite3_stmt      *stmt,
                                         int                first,
                                         CfNutrients       *nutrients);
char         *_cf_now_utc               (void);

/* The blocks of columns of the per-day totals (table day_total) */
typedef enum
{
  CF_DAY_TOTAL_INTAKES,   /* _cf_intake_aggregates_sql(), for insights and charts */
  CF_DAY_TOTAL_NUTRIENTS, /* _cf_diary_totals_select(), for the diary's totals */
} CfDayTotalBlock;

char         *_cf_day_total_columns     (CfDayTotalBlock  block);

G_END_DECLS
