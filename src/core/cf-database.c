/* cf-database.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-database"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-backup.h"
#include "cf-database-private.h"
#include "cf-diary.h"
#include "cf-food-store-private.h"
#include "cf-insight-engine-private.h"
#include "cf-error.h"

/**
 * CfDatabase:
 *
 * The user's database (diary, custom foods) with the read-only
 * reference food database attached as `ref`.  It owns the connection of
 * the main thread; worker threads open their own with
 * _cf_database_open_reader().
 */
struct _CfDatabase
{
  GObject      parent_instance;

  char        *path;
  char        *uri;
  char        *foods_path;
  sqlite3     *db;
  GAsyncQueue *readers;
  CfStmtCache *stmt_cache;  /* of db, made on first use */
  gboolean     has_foods;
  gboolean     in_memory;
  gboolean     read_only;
};

G_DEFINE_FINAL_TYPE (CfDatabase, cf_database, G_TYPE_OBJECT)

/* How long a connection waits for another one's lock */
#define BUSY_TIMEOUT_MS 5000

/* A version 4 UUID, random, in lower case */
#define RANDOM_UUID_SQL \
  "(lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))))"

/* What the trigger that refuses recipe cycles says; mapped to a message
 * for people in _cf_set_sqlite_error() */
#define RECIPE_CYCLE_MESSAGE "cofactor: recipe cycle"

/* Each migration takes the schema from version N to N + 1.  They run in
 * one transaction at start-up; never edit one that has shipped, add a
 * new one.  "@NUTRIENTS@" expands to one REAL column per nutrient
 * (see expand_migration()).
 */
static const char *migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE custom_food ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE CHECK (id GLOB 'custom:*'),"
  "  kind TEXT NOT NULL DEFAULT 'food' CHECK (kind IN ('food', 'supplement', 'recipe')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  brand TEXT,"
  "  group_code TEXT,"
  "  note TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  @NUTRIENTS@"
  ");"
  "CREATE TABLE custom_portion ("
  "  food INTEGER NOT NULL REFERENCES custom_food (rowid) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  amount REAL NOT NULL CHECK (amount > 0),"
  "  description TEXT NOT NULL,"
  "  grams REAL NOT NULL CHECK (grams > 0),"
  "  PRIMARY KEY (food, seq)"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE custom_food_fts USING fts5 ("
  "  name, brand, content='custom_food', content_rowid='rowid',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "CREATE TRIGGER custom_food_ai AFTER INSERT ON custom_food BEGIN"
  "  INSERT INTO custom_food_fts (rowid, name, brand) VALUES (new.rowid, new.name, new.brand);"
  "END;"
  "CREATE TRIGGER custom_food_ad AFTER DELETE ON custom_food BEGIN"
  "  INSERT INTO custom_food_fts (custom_food_fts, rowid, name, brand)"
  "    VALUES ('delete', old.rowid, old.name, old.brand);"
  "END;"
  "CREATE TRIGGER custom_food_au AFTER UPDATE OF name, brand ON custom_food BEGIN"
  "  INSERT INTO custom_food_fts (custom_food_fts, rowid, name, brand)"
  "    VALUES ('delete', old.rowid, old.name, old.brand);"
  "  INSERT INTO custom_food_fts (rowid, name, brand) VALUES (new.rowid, new.name, new.brand);"
  "END;"
  "CREATE TABLE entry ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  meal TEXT NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner', 'snacks', 'supplements')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  food_id TEXT NOT NULL,"
  "  food_name TEXT NOT NULL,"
  "  grams REAL NOT NULL CHECK (grams > 0),"
  "  portion_quantity REAL CHECK (portion_quantity IS NULL OR portion_quantity > 0),"
  "  portion_description TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  @NUTRIENTS@"
  ");"
  "CREATE INDEX entry_day ON entry (day, meal, position);"
  "CREATE INDEX entry_food ON entry (food_id, day);",

  /* 1 → 2: what kind of food an entry was, so supplements can be told
   * apart from food whatever meal they were logged in */
  "ALTER TABLE entry ADD COLUMN food_kind TEXT NOT NULL DEFAULT 'food'"
  "  CHECK (food_kind IN ('food', 'supplement', 'recipe'));"
  "UPDATE entry SET food_kind = 'supplement' WHERE meal = 'supplements';",

  /* 2 → 3: recipes and favourites.  A recipe is a custom food of kind
   * 'recipe' whose values are computed from its ingredients; each
   * ingredient keeps the name and values per 100 g its food had when
   * the recipe was saved, so a recipe never changes behind the user's
   * back.  food_id is not a foreign key: the ingredient's food may be
   * deleted or leave the reference data. */
  "ALTER TABLE custom_food ADD COLUMN cooked_grams REAL"
  "  CHECK (cooked_grams IS NULL OR cooked_grams > 0);"
  "ALTER TABLE custom_food ADD COLUMN servings REAL"
  "  CHECK (servings IS NULL OR servings > 0);"
  "CREATE TABLE recipe_ingredient ("
  "  recipe INTEGER NOT NULL REFERENCES custom_food (rowid) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  food_id TEXT NOT NULL,"
  "  food_name TEXT NOT NULL,"
  "  food_kind TEXT NOT NULL DEFAULT 'food' CHECK (food_kind IN ('food', 'supplement', 'recipe')),"
  "  grams REAL NOT NULL CHECK (grams > 0),"
  "  portion_quantity REAL CHECK (portion_quantity IS NULL OR portion_quantity > 0),"
  "  portion_description TEXT,"
  "  @NUTRIENTS@,"
  "  PRIMARY KEY (recipe, seq)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recipe_ingredient_food ON recipe_ingredient (food_id);"
  "CREATE TABLE favourite ("
  "  food_id TEXT PRIMARY KEY,"
  "  added TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX favourite_added ON favourite (added);"
  "CREATE TRIGGER custom_food_ad_favourite AFTER DELETE ON custom_food BEGIN"
  "  DELETE FROM favourite WHERE food_id = old.id;"
  "END;",

  /* 3 → 4: entries imported from other trackers, and vitamin K of a
   * form the source does not state.  An imported entry keeps where it
   * came from (origin), the amount as the file wrote it and the file's
   * meal name where that is not one of ours.  Its weight may be unknown
   * ("1 medium"): grams is then NULL and the nutrient columns hold the
   * amounts in the whole entry instead of per 100 g.  SQLite cannot
   * drop a NOT NULL constraint, so the entry table is rebuilt. */
  "ALTER TABLE custom_food ADD COLUMN vitamin_k_unstated REAL"
  "  CHECK (vitamin_k_unstated IS NULL OR vitamin_k_unstated >= 0);"
  "ALTER TABLE recipe_ingredient ADD COLUMN vitamin_k_unstated REAL"
  "  CHECK (vitamin_k_unstated IS NULL OR vitamin_k_unstated >= 0);"
  "CREATE TABLE entry_new ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  meal TEXT NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner', 'snacks', 'supplements')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  food_id TEXT NOT NULL,"
  "  food_name TEXT NOT NULL,"
  "  grams REAL CHECK (grams IS NULL OR grams > 0),"
  "  portion_quantity REAL CHECK (portion_quantity IS NULL OR portion_quantity > 0),"
  "  portion_description TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  food_kind TEXT NOT NULL DEFAULT 'food'"
  "    CHECK (food_kind IN ('food', 'supplement', 'recipe')),"
  "  origin TEXT CHECK (origin IS NULL OR length (origin) > 0),"
  "  origin_amount TEXT,"
  "  origin_meal TEXT,"
  "  @NUTRIENTS@,"
  "  CHECK (grams IS NOT NULL OR origin IS NOT NULL)"
  ");"
  "INSERT INTO entry_new (rowid, id, day, meal, position, food_id, food_name, grams,"
  "    portion_quantity, portion_description, created, modified, food_kind, @OLD_NUTRIENT_COLUMNS@)"
  "  SELECT rowid, id, day, meal, position, food_id, food_name, grams,"
  "    portion_quantity, portion_description, created, modified, food_kind, @OLD_NUTRIENT_COLUMNS@"
  "  FROM entry;"
  "DROP TABLE entry;"
  "ALTER TABLE entry_new RENAME TO entry;"
  "CREATE INDEX entry_day ON entry (day, meal, position);"
  "CREATE INDEX entry_food ON entry (food_id, day);",

  /* 4 → 5: ids in one form, lower case (imports took "custom:ABC…" and
   * entry ids in upper case as other ids than their lower-case twins:
   * a twin keeps its data under a new random id); and no recipe that
   * contains itself, through any number of other recipes. */
  "UPDATE entry SET id = " RANDOM_UUID_SQL
  "  WHERE EXISTS (SELECT 1 FROM entry o WHERE o.rowid < entry.rowid AND lower (o.id) = lower (entry.id));"
  "UPDATE entry SET id = lower (id) WHERE id <> lower (id);"
  "UPDATE entry SET food_id = lower (food_id) WHERE food_id <> lower (food_id);"
  "UPDATE custom_food SET id = 'custom:' || " RANDOM_UUID_SQL
  "  WHERE EXISTS (SELECT 1 FROM custom_food o WHERE o.rowid < custom_food.rowid AND lower (o.id) = lower (custom_food.id));"
  "UPDATE custom_food SET id = lower (id) WHERE id <> lower (id);"
  "UPDATE recipe_ingredient SET food_id = lower (food_id) WHERE food_id <> lower (food_id);"
  "DELETE FROM favourite WHERE food_id <> lower (food_id)"
  "  AND EXISTS (SELECT 1 FROM favourite o WHERE lower (o.food_id) = lower (favourite.food_id) AND o.food_id <> favourite.food_id"
  "              AND (o.food_id = lower (o.food_id) OR o.food_id < favourite.food_id));"
  "UPDATE favourite SET food_id = lower (food_id) WHERE food_id <> lower (food_id);"
  "CREATE TRIGGER recipe_ingredient_no_cycle BEFORE INSERT ON recipe_ingredient"
  "  WHEN EXISTS ("
  "    WITH RECURSIVE reach (id) AS ("
  "      SELECT new.food_id"
  "      UNION"
  "      SELECT ri.food_id FROM recipe_ingredient ri"
  "        JOIN custom_food f ON f.rowid = ri.recipe"
  "        JOIN reach ON f.id = reach.id)"
  "    SELECT 1 FROM reach JOIN custom_food r ON r.id = reach.id WHERE r.rowid = new.recipe)"
  "BEGIN"
  "  SELECT RAISE (ABORT, '" RECIPE_CYCLE_MESSAGE "');"
  "END;",

  /* 5 → 6: where an entry's values came from.  A logged food may carry
   * values borrowed from a linked food of another table (the K2 of a
   * cheese) or assumed by rule ("none expected"); the entry keeps that
   * beside its snapshot of the values, as the nutrient keys of each
   * kind separated by spaces (NULL: every value measured) */
  "ALTER TABLE entry ADD COLUMN borrowed TEXT;"
  "ALTER TABLE entry ADD COLUMN assumed TEXT;",

  /* 6 → 7: the totals of each day, kept by triggers in step with every
   * write to entry, so that insights over years read one row a day. */
  "@DAY_TOTALS@",

  /* 7 → 8: beside them, the amounts per month and food that the charts
   * rank foods by (food_month_total) */
  "@DAY_TOTALS@",
};

/* Nutrients added to the catalog after the first schema, with the
 * schema version whose migration adds their columns: a migration's
 * "@NUTRIENTS@" leaves out the nutrients of later versions, so every
 * column is made exactly once, on a new diary as on an old one. */
static const struct {
  CfNutrient nutrient;
  guint      version;
} later_nutrients[] = {
  { CF_NUTRIENT_VITAMIN_K_UNSTATED, 4 },
};

static guint
nutrient_version (CfNutrient nutrient)
{
  for (guint i = 0; i < G_N_ELEMENTS (later_nutrients); i++)
    if (later_nutrients[i].nutrient == nutrient)
      return later_nutrients[i].version;

  return 1;
}

/* Columns of day_total: "i1, i2, …" for the intakes, "t1, t2, …" for
 * the nutrients, in the order of their aggregates */
static guint
day_total_n_columns (CfDayTotalBlock block)
{
  return block == CF_DAY_TOTAL_INTAKES ? 3 + 4 * CF_N_INTAKES : 2 + 3 * CF_N_NUTRIENTS;
}

/**
 * _cf_day_total_columns:
 *
 * Returns: (transfer full): the names of the columns of day_total that
 *   hold @block, comma-separated, in the order of its aggregates
 */
char *
_cf_day_total_columns (CfDayTotalBlock block)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i <= day_total_n_columns (block); i++)
    g_string_append_printf (s, "%s%c%u", i > 1 ? ", " : "", block == CF_DAY_TOTAL_INTAKES ? 'i' : 't', i);

  return g_string_free (s, FALSE);
}

/* Fills day_total with the days whose entries match @where */
static char *
day_totals_fill_sql (const char *where)
{
  g_autofree char *intakes = _cf_day_total_columns (CF_DAY_TOTAL_INTAKES);
  g_autofree char *nutrients = _cf_day_total_columns (CF_DAY_TOTAL_NUTRIENTS);

  /* In the order of the index, the order the sums were always taken in */
  return g_strdup_printf ("DELETE FROM day_total WHERE %s;"
                          "INSERT INTO day_total (day, %s, %s)"
                          "  SELECT day, %s, %s FROM entry INDEXED BY entry_day WHERE %s GROUP BY day;",
                          where, intakes, nutrients,
                          _cf_intake_aggregates_sql (), _cf_diary_totals_select (), where);
}

/* "@DAY_TOTALS@": day_total, one row per day with entries holding the
 * aggregates of its entries, made from the entries.  Triggers note each
 * day an insert, update or removal touches in day_total_pending, and
 * cf_database_commit() sums each noted day again, whole (a dozen rows,
 * in the order the sums were always taken in), before it commits: the
 * totals change in the transaction of the write and cannot drift, and an
 * import of years sums each day once.  The months of the noted days are
 * summed again per food likewise, in food_month_total.  (The sums live in C, not in the
 * triggers, so that opening the diary does not parse them.) */
static char *
day_totals_sql (void)
{
  g_autofree char *intakes = _cf_day_total_columns (CF_DAY_TOTAL_INTAKES);
  g_autofree char *nutrients = _cf_day_total_columns (CF_DAY_TOTAL_NUTRIENTS);
  g_autofree char *all = day_totals_fill_sql ("1");
  GString *s = g_string_new (NULL);

  g_string_append (s,
                   "DROP TRIGGER IF EXISTS entry_day_total_ai;"
                   "DROP TRIGGER IF EXISTS entry_day_total_ad;"
                   "DROP TRIGGER IF EXISTS entry_day_total_au;"
                   "DROP TABLE IF EXISTS day_total;"
                   "DROP TABLE IF EXISTS day_total_pending;");
  g_string_append_printf (s, "CREATE TABLE day_total (day TEXT PRIMARY KEY, %s, %s) WITHOUT ROWID;",
                          intakes, nutrients);
  g_string_append (s, "CREATE TABLE day_total_pending (day TEXT PRIMARY KEY) WITHOUT ROWID;");

  /* Not INSERT OR IGNORE: the conflict clause of the statement that
   * fires a trigger (an import's upsert) overrides its own */
#define NOTE_DAY(d) \
  "INSERT INTO day_total_pending SELECT " d " WHERE NOT EXISTS (SELECT 1 FROM day_total_pending WHERE day = " d ");"
  g_string_append (s,
                   "CREATE TRIGGER entry_day_total_ai AFTER INSERT ON entry BEGIN " NOTE_DAY ("new.day") " END;"
                   "CREATE TRIGGER entry_day_total_ad AFTER DELETE ON entry BEGIN " NOTE_DAY ("old.day") " END;"
                   "CREATE TRIGGER entry_day_total_au AFTER UPDATE ON entry BEGIN "
                   NOTE_DAY ("old.day") NOTE_DAY ("new.day") " END;");
#undef NOTE_DAY
  g_string_append (s, all);

  /* The amounts per month and food of the charts, kept the same way */
  {
    g_autofree char *months = _cf_food_month_totals_sql (FALSE);

    g_string_append (s, months);
  }

  return g_string_free (s, FALSE);
}

/* Sums again the days noted in day_total_pending, inside the current
 * transaction */
static gboolean
refresh_day_totals (CfDatabase  *self,
                    GError     **error)
{
  static char *sql;
  static gsize initialized;
  g_autoptr(sqlite3_stmt) pending = NULL;
  int rc;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *fill = day_totals_fill_sql ("day IN (SELECT day FROM day_total_pending)");

      g_autofree char *months = _cf_food_month_totals_sql (TRUE);

      sql = g_strconcat (fill, months, "DELETE FROM day_total_pending;", NULL);
      g_once_init_leave (&initialized, 1);
    }

  pending = _cf_prepare (self->db, "SELECT EXISTS (SELECT 1 FROM day_total_pending)", error);
  if (pending == NULL)
    return FALSE;
  rc = sqlite3_step (pending);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  return sqlite3_column_int (pending, 0) == 0 || _cf_exec (self->db, sql, error);
}

/* "@NUTRIENTS@": the column definitions of schema @version;
 * "@OLD_NUTRIENT_COLUMNS@": the column names of @version - 1 */
static char *
expand_migration (const char *migration,
                  guint       version)
{
  g_autoptr(GString) defs = g_string_new (NULL);
  g_autoptr(GString) old_columns = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (migration);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      const char *key = cf_nutrient_get_key (i);

      if (nutrient_version (i) <= version)
        g_string_append_printf (defs, "%s%s REAL CHECK (%s IS NULL OR %s >= 0)",
                                defs->len ? ", " : "", key, key, key);
      if (nutrient_version (i) < version)
        g_string_append_printf (old_columns, "%s%s", old_columns->len ? ", " : "", key);
    }

  g_string_replace (sql, "@NUTRIENTS@", defs->str, 0);
  g_string_replace (sql, "@OLD_NUTRIENT_COLUMNS@", old_columns->str, 0);

  if (strstr (sql->str, "@DAY_TOTALS@") != NULL)
    {
      g_autofree char *day_totals = NULL;
      gboolean later = FALSE;

      /* The totals follow the catalog of this build, whose columns exist
       * only once every migration has run: a later migration that
       * changes what they read ends with "@DAY_TOTALS@" again, and only
       * the last one builds them.  (migrations[version] is the next.) */
      for (guint i = version; i < G_N_ELEMENTS (migrations); i++)
        later |= strstr (migrations[i], "@DAY_TOTALS@") != NULL;
      if (!later)
        day_totals = day_totals_sql ();

      g_string_replace (sql, "@DAY_TOTALS@", day_totals ? day_totals : "", 0);
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static char *nutrient_columns;
static char *ref_nutrient_columns;
static char *nutrient_placeholders;

static void
init_nutrient_sql (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GString *cols = g_string_new (NULL);
      GString *ref_cols = g_string_new (NULL);
      GString *ph = g_string_new (NULL);

      for (guint i = 0; i < CF_N_NUTRIENTS; i++)
        {
          const char *key = cf_nutrient_get_key (i);

          g_string_append_printf (cols, "%s%s", i ? ", " : "", key);
          g_string_append_printf (ref_cols, "%sf.%s", i ? ", " : "", key);
          g_string_append_printf (ph, "%s?", i ? ", " : "");
        }

      nutrient_columns = g_string_free (cols, FALSE);
      ref_nutrient_columns = g_string_free (ref_cols, FALSE);
      nutrient_placeholders = g_string_free (ph, FALSE);

      g_once_init_leave (&initialized, 1);
    }
}

/**
 * _cf_nutrient_columns:
 *
 * Returns: "energy, protein, …": the nutrient columns in catalog order
 */
const char *
_cf_nutrient_columns (void)
{
  init_nutrient_sql ();
  return nutrient_columns;
}

/**
 * _cf_ref_nutrient_columns:
 *
 * Returns: "f.energy, f.protein, …": the same columns of the food table
 *   when it is named `f`
 */
const char *
_cf_ref_nutrient_columns (void)
{
  init_nutrient_sql ();
  return ref_nutrient_columns;
}

const char *
_cf_nutrient_placeholders (void)
{
  init_nutrient_sql ();
  return nutrient_placeholders;
}

void
_cf_bind_nutrients (sqlite3_stmt      *stmt,
                    int                first,
                    const CfNutrients *nutrients)
{
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      double v = nutrients->values[i];

      if (isnan (v))
        sqlite3_bind_null (stmt, first + i);
      else
        sqlite3_bind_double (stmt, first + i, v);
    }
}

void
_cf_read_nutrients (sqlite3_stmt *stmt,
                    int           first,
                    CfNutrients  *nutrients)
{
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (sqlite3_column_type (stmt, first + i) == SQLITE_NULL)
        nutrients->values[i] = NAN;
      else
        nutrients->values[i] = sqlite3_column_double (stmt, first + i);
    }
}

char *
_cf_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_cf_set_sqlite_error (GError  **error,
                      sqlite3  *db,
                      int       rc)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CF_ERROR_CORRUPT;
      break;

    case SQLITE_CONSTRAINT:
      if (db != NULL && g_strcmp0 (sqlite3_errmsg (db), RECIPE_CYCLE_MESSAGE) == 0)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                               _("A recipe cannot contain itself, not even through other recipes"));
          return;
        }
      code = CF_ERROR_INVALID;
      break;

    case SQLITE_READONLY:
      g_set_error_literal (error, CF_ERROR, CF_ERROR_READ_ONLY,
                           _("The diary is read-only (the file or its folder cannot be written), so nothing was changed"));
      return;

    default:
      code = CF_ERROR_DATABASE;
    }

  g_set_error (error, CF_ERROR, code,
               /* Translators: %s is SQLite's own error message */
               _("Database error: %s"),
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

sqlite3_stmt *
_cf_prepare (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return stmt;
}

struct _CfStmtCache
{
  sqlite3    *db;
  GHashTable *idle;   /* SQL text → sqlite3_stmt, reset */
};

CfStmtCache *
_cf_stmt_cache_new (sqlite3 *db)
{
  CfStmtCache *cache = g_new0 (CfStmtCache, 1);

  cache->db = db;
  cache->idle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);

  return cache;
}

/* Before the connection is closed: it cannot close with statements */
void
_cf_stmt_cache_free (CfStmtCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->idle);
  g_free (cache);
}

sqlite3 *
_cf_stmt_cache_get_db (CfStmtCache *cache)
{
  return cache->db;
}

sqlite3_stmt *
_cf_stmt_cache_take (CfStmtCache  *cache,
                     const char   *sql,
                     GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gpointer key, value;
  int rc;

  if (g_hash_table_steal_extended (cache->idle, sql, &key, &value))
    {
      g_free (key);
      return value;
    }

  rc = sqlite3_prepare_v3 (cache->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_set_sqlite_error (error, cache->db, rc);
      return NULL;
    }

  return stmt;
}

void
_cf_stmt_cache_give (CfStmtCache  *cache,
                     sqlite3_stmt *stmt)
{
  const char *sql;

  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sql = sqlite3_sql (stmt);

  /* One idle statement per text is enough */
  if (g_hash_table_contains (cache->idle, sql))
    sqlite3_finalize (stmt);
  else
    g_hash_table_insert (cache->idle, g_strdup (sql), stmt);
}

gboolean
_cf_exec (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

static int
get_user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA main.user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (CfDatabase  *self,
         GError     **error)
{
  int version;

  if (self->read_only)
    {
      version = get_user_version (self->db);
      if (version < 0)
        {
          _cf_set_sqlite_error (error, self->db, sqlite3_errcode (self->db));
          return FALSE;
        }
      if (version > (int) G_N_ELEMENTS (migrations))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_TOO_NEW,
                       _("The diary in “%s” was written by a newer version of Cofactor (format %d; this version reads up to %d)"),
                       self->path, version, (int) G_N_ELEMENTS (migrations));
          return FALSE;
        }
      if (version < (int) G_N_ELEMENTS (migrations))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_READ_ONLY,
                       _("The diary “%s” is read-only, and this version of Cofactor must update it before it can be opened; make the file and its folder writable"),
                       self->path);
          return FALSE;
        }
      return TRUE;
    }

  /* Take the write lock first, so two processes starting at once do
   * not both migrate. */
  if (!_cf_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  version = get_user_version (self->db);
  if (version < 0)
    {
      _cf_set_sqlite_error (error, self->db, sqlite3_errcode (self->db));
      goto fail;
    }

  if (version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_TOO_NEW,
                   _("The diary in “%s” was written by a newer version of Cofactor (format %d; this version reads up to %d)"),
                   self->path, version, (int) G_N_ELEMENTS (migrations));
      goto fail;
    }

  for (guint i = version; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *sql = expand_migration (migrations[i], i + 1);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA main.user_version = %u", i + 1);

      g_debug ("Migrating user database to version %u", i + 1);

      if (!_cf_exec (self->db, sql, error) ||
          !_cf_exec (self->db, set_version, error))
        goto fail;
    }

  if (!_cf_exec (self->db, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
check_foods_db (const char  *path,
                GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("The food database “%s” is missing; reinstall Cofactor or set COFACTOR_FOODS_DB"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Pages in the write-ahead log that make a commit checkpoint it */
#define WAL_CHECKPOINT_PAGES 1000

/* Copies the write-ahead log into the diary once it holds
 * WAL_CHECKPOINT_PAGES, then empties it.  A log left full when the last
 * connection closes would be copied again by every process that opens
 * the diary (SQLite cannot tell what was copied before), so it is
 * emptied as soon as it has all been copied; not waiting for readers of
 * other threads, who leave that to the next commit. */
static int
checkpoint_cb (gpointer     user_data,
               sqlite3     *db,
               const char  *schema,
               int          pages)
{
  int in_log = 0, copied = 0;

  if (pages < WAL_CHECKPOINT_PAGES || g_strcmp0 (schema, "main") != 0)
    return SQLITE_OK;

  if (sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, &in_log, &copied) == SQLITE_OK &&
      in_log == copied)
    {
      sqlite3_busy_timeout (db, 0);
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
    }

  /* A checkpoint that could not be made is tried again after the next
   * commit; the commit itself stands */
  return SQLITE_OK;
}

/* Before SQLite starts: no bulk of page cache memory allocated up front
 * for each cache.  Every write of an entry checks its constraints'
 * lists of values in transient tables, each with a page cache of its
 * own, and a bulk of 20 pages made each of them cost new memory from
 * the system; pages allocated one by one reuse freed memory. */
static void
configure_sqlite (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Fails, harmlessly, once something else has started SQLite */
      sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
      g_once_init_leave (&done, 1);
    }
}

static sqlite3 *
open_connection (CfDatabase  *self,
                 gboolean     read_only,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  configure_sqlite ();

  flags |= read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (self->uri, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_DATABASE,
                   _("Could not open the diary “%s”: %s"),
                   self->path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  _cf_food_names_register (db);

  if (!_cf_exec (db, "PRAGMA foreign_keys = ON", error))
    goto fail;

  if (!read_only && !self->in_memory)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      /* Reading the journal mode also checks that this is a database */
      stmt = _cf_prepare (db, "PRAGMA journal_mode = WAL", error);
      if (stmt == NULL)
        goto fail;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _cf_set_sqlite_error (error, db, rc);
          goto fail;
        }
      if (!_cf_exec (db, "PRAGMA synchronous = NORMAL", error))
        goto fail;

      /* A commit appends to the write-ahead log without a sync (durable
       * across a crash of the program; after a power cut the diary may
       * go back to an earlier commit, never to a damaged state).  Only
       * a checkpoint syncs, when the log has grown to WAL_CHECKPOINT_PAGES
       * (checkpoint_cb()), not every time a connection closes: a
       * `cofactor-cli log` would otherwise sync the log, its folder and
       * the diary each time. */
      if (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL) != SQLITE_OK)
        {
          _cf_set_sqlite_error (error, db, sqlite3_errcode (db));
          goto fail;
        }
      sqlite3_wal_hook (db, checkpoint_cb, NULL);
    }

  if (self->has_foods)
    {
      g_autoptr(sqlite3_stmt) attach = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *escaped = NULL;

      /* Name the VFS: an attached file otherwise inherits the main
       * database's, which is memdb for a throw-away diary. */
      escaped = g_uri_escape_string (self->foods_path, "/", FALSE);
      uri = g_strdup_printf ("file:%s?mode=ro&immutable=1&vfs=%s",
                             escaped, sqlite3_vfs_find (NULL)->zName);

      attach = _cf_prepare (db, "ATTACH DATABASE ? AS ref", error);
      if (attach == NULL)
        goto fail;
      sqlite3_bind_text (attach, 1, uri, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (attach);
      if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          /* Translators: %s is a file name; SQLite's error message
           * follows after the colon and the space */
          g_prefix_error (error, _("Could not open the food database “%s”: "), self->foods_path);
          goto fail;
        }
    }

  return db;

fail:
  sqlite3_close (db);
  return NULL;
}

static void
cf_database_finalize (GObject *object)
{
  CfDatabase *self = (CfDatabase *) object;
  sqlite3 *reader;

  while ((reader = g_async_queue_try_pop (self->readers)))
    sqlite3_close (reader);
  g_async_queue_unref (self->readers);

  g_clear_pointer (&self->stmt_cache, _cf_stmt_cache_free);
  if (self->db != NULL)
    sqlite3_close (self->db);

  g_free (self->path);
  g_free (self->uri);
  g_free (self->foods_path);

  G_OBJECT_CLASS (cf_database_parent_class)->finalize (object);
}

static void
cf_database_class_init (CfDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_database_finalize;
}

static void
cf_database_init (CfDatabase *self)
{
  self->readers = g_async_queue_new ();
}

/* Reads every page of the diary once (PRAGMA quick_check): damage
 * anywhere is found at start-up, not by the first action that happens to
 * touch it.  About 10 ms per MB. */
static gboolean
check_pages (CfDatabase  *self,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  stmt = _cf_prepare (self->db, "PRAGMA main.quick_check(1)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_CORRUPT,
                   /* Translators: %s is SQLite's description of the
                    * first problem found */
                   _("SQLite found damaged pages: %s"), result ? result : "?");
      return FALSE;
    }

  return TRUE;
}

/* A missing or empty diary beside a backup that holds something is
 * damage (the file was deleted or truncated), not a first run: report
 * it, and never start a new diary over it unasked. */
static gboolean
check_not_missing (const char  *path,
                   GError     **error)
{
  g_autoptr(CfBackup) backup = NULL;
  g_autofree char *description = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    return TRUE;

  backup = cf_find_latest_backup (path, TRUE);
  if (backup == NULL)
    return TRUE;

  description = cf_backup_dup_description (backup);
  g_set_error (error, CF_ERROR, CF_ERROR_MISSING,
               /* Translators: the first %s is a file name, the second
                * a backup, e.g. "14 March 2026 08:00 (18 entries,
                * 2 foods)" */
               g_file_test (path, G_FILE_TEST_EXISTS)
                 ? _("The diary “%s” is empty, but its backup of %s is not. The diary may have been damaged; restore the backup, or start a new diary.")
                 : _("The diary “%s” is missing, but its backup of %s is there. The diary may have been deleted; restore the backup, or start a new diary."),
               path, description);
  return FALSE;
}

/* Whether the diary can only be read: the file, or the folder SQLite
 * needs for its journal, is not writable */
static gboolean
is_read_only (const char *path,
              gboolean   *folder_read_only)
{
  g_autofree char *dir = g_path_get_dirname (path);

  *folder_read_only = access (dir, W_OK) != 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  return *folder_read_only || access (path, W_OK) != 0;
}

/* Whether the diary's write-ahead log holds changes not yet folded into
 * the file (left by a program that was killed, or copied with the diary) */
static gboolean
has_wal_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* The write-ahead log stays beside the diary between runs.  Without
 * its diary (deleted, or moved elsewhere) it must not be read into a new
 * one, where its pages would make no sense: it is renamed, never
 * deleted. */
static void
set_aside_orphaned_log (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *aside = g_strconcat (log, ".orphaned", NULL);

      if (g_file_test (log, G_FILE_TEST_EXISTS) && g_rename (log, aside) != 0)
        g_warning ("Could not set aside %s: %s", log, g_strerror (errno));
    }
}

/**
 * cf_database_open:
 * @path: the user database file, or ":memory:" for a throw-away one
 * @foods_path: (nullable): the reference food database, or %NULL for
 *   none (a diary without reference foods, for tests)
 * @error: return location for an error
 *
 * cf_database_open_full() with %CF_DATABASE_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CfDatabase *
cf_database_open (const char  *path,
                  const char  *foods_path,
                  GError     **error)
{
  return cf_database_open_full (path, foods_path, CF_DATABASE_OPEN_DEFAULT, error);
}

/**
 * cf_database_open_full:
 * @path: the user database file, or ":memory:" for a throw-away one
 * @foods_path: (nullable): the reference food database, or %NULL for
 *   none (a diary without reference foods, for tests)
 * @flags: how to open it
 * @error: return location for an error
 *
 * Opens (creating it if needed) the user database, checks every page of
 * it and brings its schema up to date.  A file that is damaged, is not a
 * Cofactor database, or comes from a newer version is reported
 * (%CF_ERROR_CORRUPT, %CF_ERROR_TOO_NEW) and left untouched; so is a
 * missing or empty file beside a backup that holds entries or foods
 * (%CF_ERROR_MISSING), unless @flags has %CF_DATABASE_OPEN_NEW.  A
 * diary whose file or folder cannot be written opens read-only (see
 * cf_database_is_read_only()).
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CfDatabase *
cf_database_open_full (const char           *path,
                       const char           *foods_path,
                       CfDatabaseOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(CfDatabase) self = NULL;
  static gint memory_counter;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_threadsafe () == 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_FAILED,
                           "SQLite was built without thread support");
      return NULL;
    }

  init_nutrient_sql ();

  self = g_object_new (CF_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->foods_path = g_strdup (foods_path);

  if (strcmp (path, ":memory:") == 0)
    {
      /* A named in-memory database that the reader connections of the
       * same process can share. */
      self->in_memory = TRUE;
      self->uri = g_strdup_printf ("file:/cofactor-memory-%p-%d?vfs=memdb",
                                   (gpointer) self, g_atomic_int_add (&memory_counter, 1));
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *escaped = NULL;
      gboolean folder_read_only = FALSE;

      if (!(flags & CF_DATABASE_OPEN_NEW) && !check_not_missing (path, error))
        return NULL;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }

      self->read_only = is_read_only (path, &folder_read_only) || (flags & CF_DATABASE_OPEN_READ_ONLY);

      escaped = g_uri_escape_string (path, "/", FALSE);
      if (!self->read_only)
        self->uri = g_strdup_printf ("file:%s", escaped);
      else if (folder_read_only && !has_wal_content (path))
        /* SQLite cannot make its WAL index in a read-only folder; as
         * nobody can write the diary there either, it may read the file
         * as one that does not change.  Not when the write-ahead log
         * holds changes: "immutable" would leave them out without a
         * word, so SQLite reads them through the log's index beside it
         * (or the diary cannot be opened, and says so). */
        self->uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
      else
        self->uri = g_strdup_printf ("file:%s?mode=ro", escaped);
    }

  if (foods_path != NULL)
    {
      if (!check_foods_db (foods_path, error))
        return NULL;
      self->has_foods = TRUE;
    }

  if (!self->in_memory && !self->read_only)
    set_aside_orphaned_log (path);

  self->db = open_connection (self, self->read_only, error);
  if (self->db == NULL ||
      (!self->in_memory && !check_pages (self, error)) ||
      !migrate (self, error))
    {
      if (error && *error && (*error)->domain == CF_ERROR && (*error)->code == CF_ERROR_CORRUPT)
        /* Translators: %s is a file name; the detailed reason follows
         * as a further sentence, so keep the space at the end */
        g_prefix_error (error, _("The diary “%s” is damaged or is not a Cofactor database. It was left as it is. "),
                        path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cf_database_is_read_only:
 *
 * Returns: whether the diary can only be read; every change then fails
 *   with %CF_ERROR_READ_ONLY
 */
gboolean
cf_database_is_read_only (CfDatabase *self)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), FALSE);

  return self->read_only;
}

/**
 * cf_database_count:
 * @entries: (out) (optional): the number of diary entries
 * @foods: (out) (optional): the number of the user's own foods,
 *   supplements and recipes
 *
 * How much the diary holds, to compare it with a backup.
 */
gboolean
cf_database_count (CfDatabase  *self,
                   gint64      *entries,
                   gint64      *foods,
                   GError     **error)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), FALSE);

  return _cf_count_contents (self->db, "main", entries, foods, error);
}

/* The counts behind cf_database_count(), for any open diary file */
gboolean
_cf_count_contents (sqlite3     *db,
                    const char  *schema,
                    gint64      *entries,
                    gint64      *foods,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s.entry), (SELECT count(*) FROM %s.custom_food)",
                                          schema, schema);
  int rc;

  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  if (entries != NULL)
    *entries = sqlite3_column_int64 (stmt, 0);
  if (foods != NULL)
    *foods = sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

const char *
cf_database_get_path (CfDatabase *self)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * cf_database_get_foods_path:
 *
 * Returns: (nullable): the reference food database attached as `ref`
 */
const char *
cf_database_get_foods_path (CfDatabase *self)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), NULL);

  return self->foods_path;
}

int
cf_database_get_schema_version (CfDatabase *self)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), -1);

  return get_user_version (self->db);
}

/**
 * cf_database_begin:
 *
 * Starts the transaction of one user action.  Finish it with
 * cf_database_commit() or cf_database_rollback().
 */
gboolean
cf_database_begin (CfDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      _cf_set_sqlite_error (error, self->db, SQLITE_READONLY);
      return FALSE;
    }

  return _cf_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
cf_database_commit (CfDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (CF_IS_DATABASE (self), FALSE);

  /* The totals of the days written, in the same transaction */
  if (!refresh_day_totals (self, error) ||
      !_cf_exec (self->db, "COMMIT", error))
    {
      cf_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
cf_database_rollback (CfDatabase *self)
{
  g_return_if_fail (CF_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3 *
_cf_database_get_handle (CfDatabase *self)
{
  g_assert (CF_IS_DATABASE (self));

  return self->db;
}

/* The statement cache of the database's own connection */
CfStmtCache *
_cf_database_get_stmt_cache (CfDatabase *self)
{
  g_assert (CF_IS_DATABASE (self));

  if (self->stmt_cache == NULL)
    self->stmt_cache = _cf_stmt_cache_new (self->db);

  return self->stmt_cache;
}

gboolean
_cf_database_has_foods (CfDatabase *self)
{
  g_assert (CF_IS_DATABASE (self));

  return self->has_foods;
}

/**
 * _cf_database_open_reader:
 *
 * Gets a read-only connection for a worker thread, reusing an idle one
 * when there is one.  Give it back with _cf_database_close_reader().
 * Safe to call from any thread.
 */
sqlite3 *
_cf_database_open_reader (CfDatabase  *self,
                          GError     **error)
{
  sqlite3 *db;

  g_assert (CF_IS_DATABASE (self));

  db = g_async_queue_try_pop (self->readers);
  if (db != NULL)
    return db;

  return open_connection (self, TRUE, error);
}

void
_cf_database_close_reader (CfDatabase *self,
                           sqlite3    *db)
{
  g_assert (CF_IS_DATABASE (self));

  if (db == NULL)
    return;

  /* Never keep a connection with an open read transaction */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  g_async_queue_push (self->readers, db);
}

/**
 * cf_get_default_database_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/cofactor/cofactor.db`, or
 *   `$COFACTOR_DATA_DIR/cofactor.db` when that variable is set
 */
char *
cf_get_default_database_path (void)
{
  const char *dir = g_getenv ("COFACTOR_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "cofactor.db", NULL);

  return g_build_filename (g_get_user_data_dir (), "cofactor", "cofactor.db", NULL);
}

static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = g_strconcat (BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, root);
}

/**
 * cf_get_default_foods_path:
 *
 * The reference food database: `$COFACTOR_FOODS_DB` if set, the build
 * tree's copy for a program run from the build directory, else the
 * installed one in the package data directory.
 *
 * Returns: (transfer full): a path
 */
char *
cf_get_default_foods_path (void)
{
  const char *env = g_getenv ("COFACTOR_FOODS_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (running_from_build_tree ())
    return g_strdup (BUILD_FOODS_DB);

  return g_build_filename (PKGDATADIR, "foods.db", NULL);
}
