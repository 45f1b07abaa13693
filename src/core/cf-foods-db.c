/* cf-foods-db.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-foods-db"

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "cf-database-private.h"
#include "cf-error.h"
#include "cf-foods-db.h"
#include "cf-search.h"

/* Schema of the reference database.  Food rowids follow the static
 * commonness order (everyday foods first, see cf_food_commonness()), so
 * a full-text search that walks rowids in order yields the most common
 * foods first and can stop after one page, whatever the size of the
 * table.
 *
 * food_fts is contentless: it only maps words to rowids.  Its columns
 * are the source's name and common name, "alias" (the everyday and
 * localized names of food_name) and "head", the first two parts of the
 * name ("Fish, salmon" of "Fish, salmon, Atlantic, wild, raw"), where
 * a match says more than one further on.  name_fts indexes the other
 * names alone, for the few thousand foods that have them, so that
 * matching them costs nothing at any table size: the name of each
 * language, main and other names alike, in its own column
 * (CF_FOODS_DB_NAME_LANGUAGES), so a search can prefer the user's
 * languages, and any name in a language without a column in "other".  term is the index's
 * vocabulary, for spelling corrections; synonym maps a folded query
 * word to other words or phrases that count as it.
 */
static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE food_group (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE source ("
  "  id TEXT PRIMARY KEY, kind TEXT NOT NULL, citation TEXT NOT NULL, url TEXT"
  ") WITHOUT ROWID;"
  "CREATE TABLE value_origin (code TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE food ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  source TEXT NOT NULL REFERENCES source (id),"
  "  group_code TEXT REFERENCES food_group (code),"
  "  name TEXT NOT NULL,"
  "  common_name TEXT,"
  "  note TEXT,"
  "  everyday INTEGER,"
  "  @NUTRIENTS@"
  ");"
  "CREATE INDEX food_group_idx ON food (group_code);"
  "CREATE TABLE food_origin ("
  "  food INTEGER NOT NULL REFERENCES food (rowid),"
  "  nutrient TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'measured' CHECK (kind IN ('measured', 'borrowed', 'assumed')),"
  "  via TEXT,"
  "  PRIMARY KEY (food, nutrient)"
  ") WITHOUT ROWID;"
  "CREATE TABLE food_link ("
  "  k2_food TEXT PRIMARY KEY,"
  "  usda_food TEXT,"
  "  match TEXT NOT NULL CHECK (match IN ('same', 'kind', 'none')),"
  "  is_primary INTEGER NOT NULL,"
  "  note TEXT"
  ") WITHOUT ROWID;"
  "CREATE INDEX food_link_usda ON food_link (usda_food);"
  "CREATE TABLE portion ("
  "  food INTEGER NOT NULL REFERENCES food (rowid),"
  "  seq INTEGER NOT NULL,"
  "  amount REAL NOT NULL CHECK (amount > 0),"
  "  description TEXT NOT NULL,"
  "  grams REAL NOT NULL CHECK (grams > 0),"
  "  PRIMARY KEY (food, seq)"
  ") WITHOUT ROWID;"
  "CREATE TABLE food_name ("
  "  food INTEGER NOT NULL REFERENCES food (rowid),"
  "  lang TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('name', 'synonym')),"
  "  PRIMARY KEY (food, lang, name)"
  ") WITHOUT ROWID;"
  "CREATE TABLE synonym ("
  "  term TEXT NOT NULL,"
  "  means TEXT NOT NULL,"
  "  PRIMARY KEY (term, means)"
  ") WITHOUT ROWID;"
  "CREATE TABLE term ("
  "  term TEXT PRIMARY KEY,"
  "  c1 TEXT NOT NULL,"
  "  c2 TEXT NOT NULL,"
  "  len INTEGER NOT NULL,"
  "  docs INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE food_fts USING fts5 ("
  "  name, common_name, alias, head, content='',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "CREATE VIRTUAL TABLE name_fts USING fts5 ("
  "  n_en, n_de, n_es, n_fr, n_it, n_nl, n_pt_BR, other, content='',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');";

static gboolean step_done          (CfFoodsDbWriter  *self,
                                    sqlite3_stmt     *stmt,
                                    GError          **error);
static void     bind_optional_text (sqlite3_stmt     *stmt,
                                    int               column,
                                    const char       *text);

struct _CfFoodsDbWriter
{
  sqlite3      *db;
  char         *path;
  char         *tmp_path;
  sqlite3_stmt *insert_food;
  sqlite3_stmt *insert_origin;
  sqlite3_stmt *insert_portion;
  sqlite3_stmt *insert_name;
  sqlite3_stmt *insert_fts;
  sqlite3_stmt *insert_name_fts;
  gint64        next_rowid;
};

void
cf_foods_db_writer_free (CfFoodsDbWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert_food, sqlite3_finalize);
  g_clear_pointer (&self->insert_origin, sqlite3_finalize);
  g_clear_pointer (&self->insert_portion, sqlite3_finalize);
  g_clear_pointer (&self->insert_name, sqlite3_finalize);
  g_clear_pointer (&self->insert_fts, sqlite3_finalize);
  g_clear_pointer (&self->insert_name_fts, sqlite3_finalize);

  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      /* Not finished: leave no half-written file behind */
      g_unlink (self->tmp_path);
    }

  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self);
}

/**
 * cf_foods_db_writer_new:
 *
 * Starts writing a new reference database.  Nothing appears at @path
 * until cf_foods_db_writer_finish() succeeds; it then replaces any file
 * there at once.
 */
CfFoodsDbWriter *
cf_foods_db_writer_new (const char  *path,
                        GError     **error)
{
  g_autoptr(CfFoodsDbWriter) self = g_new0 (CfFoodsDbWriter, 1);
  g_auto(GStrv) parts = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *defs = NULL;
  g_autofree char *insert = NULL;
  GString *d;
  int rc;

  self->path = g_strdup (path);
  self->tmp_path = g_strconcat (path, ".tmp", NULL);
  self->next_rowid = 1;
  g_unlink (self->tmp_path);

  rc = sqlite3_open_v2 (self->tmp_path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  d = g_string_new (NULL);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_string_append_printf (d, "%s%s REAL", i ? ", " : "", cf_nutrient_get_key (i));
  defs = g_string_free (d, FALSE);

  parts = g_strsplit (schema, "@NUTRIENTS@", -1);
  sql = g_strjoinv (defs, parts);

  if (!_cf_exec (self->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", error) ||
      !_cf_exec (self->db, sql, error) ||
      !_cf_exec (self->db, "BEGIN", error))
    return NULL;

  insert = g_strdup_printf ("INSERT INTO food (rowid, id, source, group_code, name, common_name, note, everyday, %s)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s)",
                            _cf_nutrient_columns (), _cf_nutrient_placeholders ());

  if (!(self->insert_food = _cf_prepare (self->db, insert, error)) ||
      !(self->insert_origin = _cf_prepare (self->db,
                                           "INSERT INTO food_origin (food, nutrient, origin, kind, via)"
                                           " VALUES (?, ?, ?, ?, ?)",
                                           error)) ||
      !(self->insert_portion = _cf_prepare (self->db,
                                            "INSERT INTO portion (food, seq, amount, description, grams)"
                                            " VALUES (?, ?, ?, ?, ?)",
                                            error)) ||
      !(self->insert_name = _cf_prepare (self->db,
                                         "INSERT OR IGNORE INTO food_name (food, lang, name, kind)"
                                         " VALUES (?, ?, ?, ?)",
                                         error)) ||
      !(self->insert_fts = _cf_prepare (self->db,
                                        "INSERT INTO food_fts (rowid, name, common_name, alias, head)"
                                        " VALUES (?, ?, ?, ?, ?)",
                                        error)) ||
      !(self->insert_name_fts = _cf_prepare (self->db,
                                             "INSERT INTO name_fts (rowid, n_en, n_de, n_es, n_fr, n_it,"
                                             " n_nl, n_pt_BR, other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error)))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
exec_bound (CfFoodsDbWriter  *self,
            const char       *sql,
            const char       *a,
            const char       *b,
            const char       *c,
            const char       *d,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (self->db, sql, error);
  const char *args[] = { a, b, c, d };
  int n;
  int rc;

  if (stmt == NULL)
    return FALSE;

  n = sqlite3_bind_parameter_count (stmt);
  for (int i = 0; i < n; i++)
    sqlite3_bind_text (stmt, i + 1, args[i], -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
cf_foods_db_writer_add_group (CfFoodsDbWriter  *self,
                              const char       *code,
                              const char       *name,
                              GError          **error)
{
  return exec_bound (self, "INSERT INTO food_group (code, name) VALUES (?, ?)",
                     code, name, NULL, NULL, error);
}

gboolean
cf_foods_db_writer_add_source (CfFoodsDbWriter  *self,
                               const char       *id,
                               const char       *kind,
                               const char       *citation,
                               const char       *url,
                               GError          **error)
{
  return exec_bound (self, "INSERT INTO source (id, kind, citation, url) VALUES (?, ?, ?, NULLIF (?, ''))",
                     id, kind, citation, url, error);
}

gboolean
cf_foods_db_writer_add_value_origin (CfFoodsDbWriter  *self,
                                     const char       *code,
                                     const char       *description,
                                     GError          **error)
{
  return exec_bound (self, "INSERT INTO value_origin (code, description) VALUES (?, ?)",
                     code, description, NULL, NULL, error);
}

/**
 * cf_foods_db_writer_add_link:
 * @k2_food: a food of a vitamin K2 table
 * @usda_food: (nullable): the USDA food it describes, or %NULL for none
 * @match: "same", "kind" or "none"
 * @is_primary: whether @usda_food borrows this food's values
 * @note: (nullable): why the foods match
 */
gboolean
cf_foods_db_writer_add_link (CfFoodsDbWriter  *self,
                             const char       *k2_food,
                             const char       *usda_food,
                             const char       *match,
                             gboolean          is_primary,
                             const char       *note,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (self->db,
                                              "INSERT INTO food_link (k2_food, usda_food, match, is_primary, note)"
                                              " VALUES (?, ?, ?, ?, ?)",
                                              error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, k2_food, -1, SQLITE_STATIC);
  bind_optional_text (stmt, 2, usda_food);
  sqlite3_bind_text (stmt, 3, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, is_primary);
  bind_optional_text (stmt, 5, note);

  return step_done (self, stmt, error);
}

/**
 * cf_foods_db_writer_add_synonym:
 * @term: a query word
 * @means: a word or phrase of food names that counts as @term
 *
 * Both are folded as the index folds words.
 */
gboolean
cf_foods_db_writer_add_synonym (CfFoodsDbWriter  *self,
                                const char       *term,
                                const char       *means,
                                GError          **error)
{
  g_autofree char *t = cf_search_fold (term);
  g_autofree char *m = cf_search_fold (means);

  return exec_bound (self, "INSERT OR IGNORE INTO synonym (term, means) VALUES (?, ?)",
                     t, m, NULL, NULL, error);
}

gboolean
cf_foods_db_writer_set_meta (CfFoodsDbWriter  *self,
                             const char       *key,
                             const char       *value,
                             GError          **error)
{
  return exec_bound (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     key, value, NULL, NULL, error);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

/* The languages with a column of their own in name_fts */
static const char *name_languages[] = { CF_FOODS_DB_NAME_LANGUAGES };

static int
name_language (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    {
      if (strcmp (name_languages[i], lang) == 0)
        return i;
    }

  return -1;
}

/* The first two comma-separated parts of a name, without remarks in
 * parentheses ("Wonton wrappers (includes egg roll wrappers)") */
static char *
name_head (const char *name)
{
  GString *head = g_string_new (NULL);
  guint depth = 0;
  guint commas = 0;

  for (const char *p = name; *p; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        {
          if (*p == ',' && ++commas == 2)
            break;
          g_string_append_c (head, *p);
        }
    }

  return g_string_free (head, FALSE);
}

static gboolean
step_done (CfFoodsDbWriter  *self,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* The food's other names, and its row in the full-text index */
static gboolean
add_names (CfFoodsDbWriter      *self,
           gint64                rowid,
           const CfFoodsDbFood  *food,
           GError              **error)
{
  g_autoptr(GString) alias = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);
  GString *by_language[G_N_ELEMENTS (name_languages)] = { NULL, };
  g_autofree char *head = name_head (food->name);
  gboolean ok;

  for (guint i = 0; i < food->n_names; i++)
    {
      const CfFoodsDbName *n = &food->names[i];

      sqlite3_reset (self->insert_name);
      sqlite3_bind_int64 (self->insert_name, 1, rowid);
      sqlite3_bind_text (self->insert_name, 2, n->lang, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_name, 3, n->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_name, 4, n->synonym ? "synonym" : "name", -1, SQLITE_STATIC);
      if (!step_done (self, self->insert_name, error))
        return FALSE;

      /* A separator no word contains keeps names apart */
      if (alias->len > 0)
        g_string_append (alias, " ; ");
      g_string_append (alias, n->name);

      /* A food's other names in a language ("Käse" of Gouda) are
       * words of that language too: they count as much as its main name
       * there, so that a German "Käse" finds Gouda before foods of the
       * K2 tables whose German names only hold the word */
      {
        int l = name_language (n->lang);

        if (l < 0 && !n->synonym)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "%s: names in “%s”, which is not in CF_FOODS_DB_NAME_LANGUAGES", food->id, n->lang);
            return FALSE;
          }
        if (l >= 0)
          {
            if (by_language[l] == NULL)
              by_language[l] = g_string_new (NULL);
            g_string_append_printf (by_language[l], "%s%s", by_language[l]->len ? " ; " : "", n->name);
          }
        else
          g_string_append_printf (other, "%s%s", other->len ? " ; " : "", n->name);
      }
    }

  sqlite3_reset (self->insert_fts);
  sqlite3_clear_bindings (self->insert_fts);
  sqlite3_bind_int64 (self->insert_fts, 1, rowid);
  sqlite3_bind_text (self->insert_fts, 2, food->name, -1, SQLITE_STATIC);
  bind_optional_text (self->insert_fts, 3, food->common_name);
  bind_optional_text (self->insert_fts, 4, alias->str);
  sqlite3_bind_text (self->insert_fts, 5, head, -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_fts, error))
    return FALSE;

  if (alias->len == 0)
    return TRUE;

  sqlite3_reset (self->insert_name_fts);
  sqlite3_clear_bindings (self->insert_name_fts);
  sqlite3_bind_int64 (self->insert_name_fts, 1, rowid);
  for (guint l = 0; l < G_N_ELEMENTS (name_languages); l++)
    {
      if (by_language[l] != NULL)
        sqlite3_bind_text (self->insert_name_fts, 2 + l, by_language[l]->str, -1, SQLITE_TRANSIENT);
    }
  bind_optional_text (self->insert_name_fts, 2 + G_N_ELEMENTS (name_languages), other->str);

  ok = step_done (self, self->insert_name_fts, error);

  for (guint l = 0; l < G_N_ELEMENTS (name_languages); l++)
    {
      if (by_language[l] != NULL)
        g_string_free (by_language[l], TRUE);
    }

  return ok;
}

/**
 * cf_foods_db_writer_add_food:
 *
 * Adds a food.  Foods must be added in static rank order: the first one
 * added is the first search result among equals.
 *
 * Returns: the food's rowid, or 0 on error
 */
gint64
cf_foods_db_writer_add_food (CfFoodsDbWriter      *self,
                             const CfFoodsDbFood  *food,
                             GError              **error)
{
  gint64 rowid = self->next_rowid;
  int rc;

  sqlite3_reset (self->insert_food);
  sqlite3_clear_bindings (self->insert_food);
  sqlite3_bind_int64 (self->insert_food, 1, rowid);
  sqlite3_bind_text (self->insert_food, 2, food->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_food, 3, food->source, -1, SQLITE_STATIC);
  bind_optional_text (self->insert_food, 4, food->group_code);
  sqlite3_bind_text (self->insert_food, 5, food->name, -1, SQLITE_STATIC);
  bind_optional_text (self->insert_food, 6, food->common_name);
  bind_optional_text (self->insert_food, 7, food->note);
  if (food->everyday > 0)
    sqlite3_bind_int (self->insert_food, 8, food->everyday);
  _cf_bind_nutrients (self->insert_food, 9, &food->nutrients);

  rc = sqlite3_step (self->insert_food);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      g_prefix_error (error, "%s: ", food->id);
      return 0;
    }

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (food->origins[i] == NULL)
        continue;

      sqlite3_reset (self->insert_origin);
      sqlite3_bind_int64 (self->insert_origin, 1, rowid);
      sqlite3_bind_text (self->insert_origin, 2, cf_nutrient_get_key (i), -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_origin, 3, food->origins[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_origin, 4, food->origin_kinds[i] ? food->origin_kinds[i] : "measured",
                         -1, SQLITE_STATIC);
      bind_optional_text (self->insert_origin, 5, food->origin_via[i]);

      rc = sqlite3_step (self->insert_origin);
      if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, self->db, rc);
          return 0;
        }
    }

  if (!add_names (self, rowid, food, error))
    return 0;

  self->next_rowid++;

  return rowid;
}

gboolean
cf_foods_db_writer_add_portion (CfFoodsDbWriter  *self,
                                gint64            food_rowid,
                                int               seq,
                                double            amount,
                                const char       *description,
                                double            grams,
                                GError          **error)
{
  int rc;

  sqlite3_reset (self->insert_portion);
  sqlite3_bind_int64 (self->insert_portion, 1, food_rowid);
  sqlite3_bind_int (self->insert_portion, 2, seq);
  sqlite3_bind_double (self->insert_portion, 3, amount);
  sqlite3_bind_text (self->insert_portion, 4, description, -1, SQLITE_STATIC);
  sqlite3_bind_double (self->insert_portion, 5, grams);

  rc = sqlite3_step (self->insert_portion);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_foods_db_writer_finish:
 *
 * Builds the full-text index, compacts the file and moves it into
 * place.
 */
gboolean
cf_foods_db_writer_finish (CfFoodsDbWriter  *self,
                           GError          **error)
{
  g_autofree char *format = g_strdup_printf ("%d", CF_FOODS_DB_FORMAT);

  if (!cf_foods_db_writer_set_meta (self, "format", format, error))
    return FALSE;

  g_clear_pointer (&self->insert_food, sqlite3_finalize);
  g_clear_pointer (&self->insert_origin, sqlite3_finalize);
  g_clear_pointer (&self->insert_portion, sqlite3_finalize);
  g_clear_pointer (&self->insert_name, sqlite3_finalize);
  g_clear_pointer (&self->insert_fts, sqlite3_finalize);
  g_clear_pointer (&self->insert_name_fts, sqlite3_finalize);

  /* The vocabulary, for spelling corrections: words of letters only,
   * indexed by their first and by their second character so that a
   * correction reads only words that could be near */
  if (!_cf_exec (self->db,
                 "INSERT INTO food_fts (food_fts) VALUES ('optimize');"
                 "INSERT INTO name_fts (name_fts) VALUES ('optimize');"
                 "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab (main, food_fts, row);"
                 "INSERT INTO term (term, c1, c2, len, docs)"
                 "  SELECT term, substr (term, 1, 1), substr (term, 2, 1), length (term), doc"
                 "  FROM temp.vocab WHERE length (term) >= 3 AND term NOT GLOB '*[0-9]*';"
                 "DROP TABLE temp.vocab;"
                 /* Synonyms are words people type, so corrections may
                  * lead to them */
                 "INSERT OR IGNORE INTO term (term, c1, c2, len, docs)"
                 "  SELECT term, substr (term, 1, 1), substr (term, 2, 1), length (term), 0"
                 "  FROM synonym WHERE length (term) >= 3 AND term NOT GLOB '*[^a-z]*';"
                 "CREATE INDEX term_c12 ON term (c1, c2, len);"
                 "CREATE INDEX term_c1 ON term (c1, len);"
                 "CREATE INDEX term_c2 ON term (c2, len);"
                 "COMMIT;"
                 "ANALYZE;"
                 "VACUUM;",
                 error))
    return FALSE;

  if (sqlite3_close (self->db) != SQLITE_OK)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_DATABASE, "Could not close %s", self->tmp_path);
      return FALSE;
    }
  self->db = NULL;

  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not move %s into place: %s", self->tmp_path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static guint
count_char (const char *s,
            char        c)
{
  guint n = 0;

  for (; *s; s++)
    n += (*s == c);

  return n;
}

/* Whether @lower (a name in lower case) holds @word as a whole word */
static gboolean
has_word (const char *lower,
          const char *word)
{
  size_t len = strlen (word);
  const char *name = lower;

  for (const char *p = lower; (p = strstr (p, word)) != NULL; p++)
    {
      gboolean start = p == name || !g_ascii_isalnum (p[-1]);
      gboolean end = !g_ascii_isalnum (p[len]);

      if (start && end)
        return TRUE;
    }

  return FALSE;
}

/* A brand or restaurant name: SR28 writes them in capitals
 * ("KELLOGG'S", "APPLEBEE'S") */
static gboolean
has_brand (const char *name)
{
  guint run = 0;

  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isupper (*p))
        {
          if (++run >= 3)
            return TRUE;
        }
      else if (*p != '\'' && *p != '&')
        run = 0;
    }

  return FALSE;
}

static const struct {
  const char *code;
  int         penalty;
} group_penalties[] = {
  { "0300", 8 },   /* Baby Foods */
  { "2100", 6 },   /* Fast Foods */
  { "3600", 6 },   /* Restaurant Foods */
  { "3500", 5 },   /* American Indian/Alaska Native Foods */
  { "2200", 3 },   /* Meals, Entrees, and Side Dishes */
  { "2500", 2 },   /* Snacks */
  { "0800", 2 },   /* Breakfast Cereals: mostly branded, fortified */
  { "0600", 1 },   /* Soups, Sauces, and Gravies */
  { "1900", 1 },   /* Sweets */
};

/* Words of a prepared or processed form, a step away from the food itself */
static const char *processed_words[] = {
  "mix", "powder", "powdered", "dehydrated", "dry", "dried", "recipe", "prepared", "imitation",
  "substitute", "formulated", "concentrate", "frozen", "instant", "fortified",
  "industrial", "commercial", "babyfood", "infant", "toddler", "supplement",
};

/* Words of the basic form of a food */
static const char *basic_words[] = {
  "raw", "whole", "plain", "fresh",
};

/* The nutrients a complete food has values for */
static const CfNutrient core_nutrients[] = {
  CF_NUTRIENT_ENERGY, CF_NUTRIENT_PROTEIN, CF_NUTRIENT_FAT, CF_NUTRIENT_CARBOHYDRATE,
  CF_NUTRIENT_CALCIUM, CF_NUTRIENT_MAGNESIUM, CF_NUTRIENT_POTASSIUM, CF_NUTRIENT_SODIUM,
};

/**
 * cf_food_commonness:
 * @name: the food's name in its source
 * @group_code: (nullable): its food group
 * @nutrients: its values
 *
 * How far a food is from what people commonly eat, as a penalty: 0 for
 * a plain, complete, generic food; more for branded and restaurant
 * items, baby foods, prepared mixes, powders and other processed forms,
 * and for foods with values for only some of the core nutrients.  The
 * build sorts foods by it (after the everyday-food list, which comes
 * first), so search needs no ranking work at run time.
 *
 * Returns: the penalty, 0 or more
 */
int
cf_food_commonness (const char        *name,
                    const char        *group_code,
                    const CfNutrients *nutrients)
{
  g_autofree char *lower = NULL;
  int penalty = 0;
  guint known = 0;

  g_return_val_if_fail (name != NULL, 0);

  lower = g_ascii_strdown (name, -1);

  for (guint i = 0; group_code && i < G_N_ELEMENTS (group_penalties); i++)
    {
      if (strcmp (group_code, group_penalties[i].code) == 0)
        penalty += group_penalties[i].penalty;
    }

  if (has_brand (name))
    penalty += 5;

  for (guint i = 0; i < G_N_ELEMENTS (processed_words); i++)
    {
      if (has_word (lower, processed_words[i]))
        {
          penalty += 2;
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (basic_words); i++)
    {
      if (has_word (lower, basic_words[i]))
        {
          penalty -= 1;
          break;
        }
    }

  for (guint i = 0; nutrients && i < G_N_ELEMENTS (core_nutrients); i++)
    known += cf_nutrients_has (nutrients, core_nutrients[i]);
  if (known < G_N_ELEMENTS (core_nutrients) / 2)
    penalty += 6;

  return MAX (penalty, 0) + 1;
}

/**
 * cf_food_rank_compare:
 *
 * The static order of reference foods among those of equal
 * commonness: a food described in fewer parts ("Natto" before "Natto,
 * regular commercial product, Japan") and with a shorter name comes
 * first, as the more general food.
 */
int
cf_food_rank_compare (const char *name_a,
                      const char *name_b)
{
  guint ca = count_char (name_a, ',');
  guint cb = count_char (name_b, ',');
  size_t la, lb;

  if (ca != cb)
    return ca < cb ? -1 : 1;

  la = strlen (name_a);
  lb = strlen (name_b);
  if (la != lb)
    return la < lb ? -1 : 1;

  return strcmp (name_a, name_b);
}
