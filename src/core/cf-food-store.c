/* cf-food-store.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-store"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-database-private.h"
#include "cf-error.h"
#include "cf-food-private.h"
#include "cf-food-store-private.h"

/**
 * CfFoodStore:
 *
 * The foods: loading a food in full, the user's custom foods, recipes
 * and favourites, and ranking by a nutrient.  Finding foods by name is
 * in cf-food-search.c.
 */
struct _CfFoodStore
{
  GObject     parent_instance;
  CfDatabase *database;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfFoodStore, cf_food_store, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* An SQLite progress handler that interrupts the running statement
 * once @cancellable is cancelled */
int
_cf_food_store_progress_cb (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* cf_language_rank (TAG): where the language tag of a food name stands
 * in the user's languages (g_get_language_names(): LANGUAGE, then the
 * locale, most specific first), or NULL when the user does not read it.
 * The name of the best-ranked language is shown. */
static void
language_rank (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char * const *names = g_get_language_names ();
  const char *tag = (const char *) sqlite3_value_text (argv[0]);

  for (guint i = 0; tag != NULL && names[i] != NULL; i++)
    {
      if (strcmp (names[i], tag) == 0)
        {
          sqlite3_result_int (context, i);
          return;
        }
    }

  sqlite3_result_null (context);
}

void
_cf_food_names_register (sqlite3 *db)
{
  sqlite3_create_function (db, "cf_language_rank", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, language_rank, NULL, NULL);
}

static CfFoodSource
source_from_id (const char *source_id)
{
  return g_strcmp0 (source_id, USDA_SOURCE) == 0 ? CF_FOOD_SOURCE_USDA : CF_FOOD_SOURCE_K2;
}

CfFood *
_cf_food_from_ref_row (sqlite3_stmt *stmt)
{
  const char *source_id = (const char *) sqlite3_column_text (stmt, 2);
  CfFood *food;

  food = _cf_food_new ((const char *) sqlite3_column_text (stmt, 1),
                       source_from_id (source_id),
                       (const char *) sqlite3_column_text (stmt, 5));
  cf_food_set_group_code (food, (const char *) sqlite3_column_text (stmt, 3));
  cf_food_set_note (food, (const char *) sqlite3_column_text (stmt, 7));
  _cf_food_set_details (food,
                        (const char *) sqlite3_column_text (stmt, 6),
                        (const char *) sqlite3_column_text (stmt, 4));
  _cf_food_set_source (food, source_id, (const char *) sqlite3_column_text (stmt, 8));
  _cf_food_set_local_name (food, (const char *) sqlite3_column_text (stmt, 9));

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (sqlite3_column_type (stmt, REF_NUTRIENTS_FIRST + i) != SQLITE_NULL)
        _cf_food_set_value (food, i, sqlite3_column_double (stmt, REF_NUTRIENTS_FIRST + i));
    }

  return food;
}

CfFood *
_cf_food_from_custom_row (sqlite3_stmt *stmt)
{
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  CfFood *food;

  food = _cf_food_new ((const char *) sqlite3_column_text (stmt, 1),
                       CF_FOOD_SOURCE_CUSTOM,
                       (const char *) sqlite3_column_text (stmt, 4));
  cf_food_kind_from_key ((const char *) sqlite3_column_text (stmt, 2), &kind);
  cf_food_set_kind (food, kind);
  cf_food_set_group_code (food, (const char *) sqlite3_column_text (stmt, 3));
  cf_food_set_brand (food, (const char *) sqlite3_column_text (stmt, 5));
  cf_food_set_note (food, (const char *) sqlite3_column_text (stmt, 6));

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (sqlite3_column_type (stmt, CUSTOM_NUTRIENTS_FIRST + i) != SQLITE_NULL)
        _cf_food_set_value (food, i, sqlite3_column_double (stmt, CUSTOM_NUTRIENTS_FIRST + i));
    }

  return food;
}

static void
cf_food_store_dispose (GObject *object)
{
  CfFoodStore *self = (CfFoodStore *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (cf_food_store_parent_class)->dispose (object);
}

static void
cf_food_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfFoodStore *self = CF_FOOD_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_food_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CfFoodStore *self = CF_FOOD_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_food_store_class_init (CfFoodStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_food_store_dispose;
  object_class->get_property = cf_food_store_get_property;
  object_class->set_property = cf_food_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CF_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_food_store_init (CfFoodStore *self)
{
}

CfFoodStore *
cf_food_store_new (CfDatabase *database)
{
  g_return_val_if_fail (CF_IS_DATABASE (database), NULL);

  return g_object_new (CF_TYPE_FOOD_STORE,
                       "database", database,
                       NULL);
}

/**
 * cf_food_store_get_database:
 *
 * Returns: (transfer none): the database
 */
CfDatabase *
cf_food_store_get_database (CfFoodStore *self)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  return self->database;
}

/* SR28's source codes (SRC_CD.txt), in the user's language: the kind
 * of data behind a USDA value.  A code not listed keeps SR28's English
 * description. */
static const struct {
  const char *code;
  const char *description;
} usda_source_codes[] = {
  { "1", N_("analysed, or derived from analyses") },
  { "4", N_("calculated or imputed") },
  { "5", N_("the manufacturer’s label claim for added nutrients") },
  { "6", N_("combined from analyses and the manufacturer’s analyses") },
  { "7", N_("assumed to be zero") },
  { "8", N_("calculated by USDA from a nutrition label") },
  { "9", N_("calculated by the manufacturer, not rounded for the label") },
  { "11", N_("combined from several kinds of data") },
  { "12", N_("the manufacturer’s analyses, partly documented") },
  { "13", N_("analyses from the literature, partly documented") },
};

static const char *
usda_source_description (const char *code,
                         const char *english)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (usda_source_codes); i++)
    {
      if (g_strcmp0 (usda_source_codes[i].code, code) == 0)
        return _(usda_source_codes[i].description);
    }

  return english ? english : "";
}

static char *
describe_origin (CfFood      *food,
                 CfNutrient   nutrient,
                 const char  *origin,
                 const char  *origin_text,
                 CfValueKind  kind,
                 const char  *via_name)
{
  if (kind == CF_VALUE_ASSUMED && g_strcmp0 (origin, "k2-rule:none") == 0)
    return g_strdup (_("None expected, counted as zero: unfermented plant foods, plant oils, sugars and plain drinks hold no menaquinones"));

  if (kind == CF_VALUE_ASSUMED)
    return g_strdup (_("None expected, counted as zero: meat, poultry, eggs and unfermented milk hold MK-4 but no longer menaquinones"));

  if (kind == CF_VALUE_BORROWED)
    /* Translators: provenance of a value taken from a matching food of
     * another table; the first %s is that food's name, the second its
     * source, e.g. "Borrowed from “Gouda cheese 48+”: RIVM, 2021, NEVO…" */
    return g_strdup_printf (_("Borrowed from “%s”: %s"), via_name ? via_name : "",
                            origin_text ? origin_text : origin);

  if (cf_food_get_source (food) == CF_FOOD_SOURCE_USDA)
    {
      g_auto(GStrv) parts = g_strsplit (origin, ":", 2);
      guint nutr_no = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      const char *ndb = cf_food_get_id (food) + strlen ("usda:");
      const char *kind_of_data = usda_source_description (parts[0] ? parts[1] : NULL, origin_text);

      if (nutr_no != cf_nutrient_get_usda_number (nutrient) && nutrient == CF_NUTRIENT_VITAMIN_D)
        /* Translators: provenance of a value; %s are the USDA food
         * number, the USDA nutrient number and the kind of data */
        return g_strdup_printf (_("USDA SR28 food %s, nutrient %s in IU divided by 40 (%s)"),
                                ndb, parts[0], kind_of_data);

      /* Translators: provenance of a value; %s are the USDA food number,
       * the USDA nutrient number and the kind of data, e.g. "Analytical" */
      return g_strdup_printf (_("USDA SR28 food %s, nutrient %s (%s)"),
                              ndb, parts[0], kind_of_data);
    }

  /* Study values: the citation of their source */
  return g_strdup (origin_text ? origin_text : origin);
}

/* The K2-table foods linked to a USDA food, the primary one first */
static gboolean
load_k2_alternatives (CfStmtCache *cache,
                      CfFood      *food,
                      GError     **error)
{
  g_auto(CfStmtLease) stmt = { cache, NULL };
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT " REF_FOOD_COLUMNS ", %s, l.note"
                         " FROM ref.food_link l JOIN ref.food f ON f.id = l.k2_food" REF_FOOD_JOINS
                         " WHERE l.usda_food = ? ORDER BY l.is_primary DESC, l.match DESC, f.id",
                         _cf_ref_nutrient_columns ());
  stmt.stmt = _cf_stmt_cache_take (cache, sql, error);
  if (stmt.stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt.stmt, 1, cf_food_get_id (food), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt.stmt)) == SQLITE_ROW)
    {
      g_autoptr(CfFood) alternative = _cf_food_from_ref_row (stmt.stmt);

      _cf_food_add_k2_alternative (food, alternative,
                                   (const char *) sqlite3_column_text (stmt.stmt, REF_NUTRIENTS_FIRST + CF_N_NUTRIENTS));
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_ref_details (CfStmtCache  *cache,
                  CfFood       *food,
                  gint64        rowid,
                  GError      **error)
{
  g_auto(CfStmtLease) origins = { cache, NULL };
  g_auto(CfStmtLease) portions = { cache, NULL };
  int rc;

  /* The food a value is borrowed from is named in the user's language
   * where it has a name there */
  origins.stmt = _cf_stmt_cache_take (cache,
                                      "SELECT o.nutrient, o.origin, COALESCE (v.description, s.citation), o.kind,"
                                      "  COALESCE ((SELECT n.name FROM ref.food_name n WHERE n.food = via.rowid AND n.kind = 'name'"
                                      "    AND cf_language_rank (n.lang) IS NOT NULL ORDER BY cf_language_rank (n.lang) LIMIT 1),"
                                      "    via.name)"
                                      " FROM ref.food_origin o"
                                      " LEFT JOIN ref.value_origin v ON v.code = substr (o.origin, instr (o.origin, ':') + 1)"
                                      "   AND instr (o.origin, ':') > 0 AND o.kind = 'measured'"
                                      " LEFT JOIN ref.source s ON s.id = o.origin"
                                      " LEFT JOIN ref.food via ON via.id = o.via"
                                      " WHERE o.food = ?",
                                      error);
  if (origins.stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (origins.stmt, 1, rowid);
  while ((rc = sqlite3_step (origins.stmt)) == SQLITE_ROW)
    {
      CfNutrient nutrient;
      g_autofree char *text = NULL;

      const char *kind_key = (const char *) sqlite3_column_text (origins.stmt, 3);
      CfValueKind kind = g_strcmp0 (kind_key, "borrowed") == 0 ? CF_VALUE_BORROWED
                       : g_strcmp0 (kind_key, "assumed") == 0 ? CF_VALUE_ASSUMED
                       : CF_VALUE_MEASURED;

      if (!cf_nutrient_from_key ((const char *) sqlite3_column_text (origins.stmt, 0), &nutrient))
        continue;

      text = describe_origin (food, nutrient,
                              (const char *) sqlite3_column_text (origins.stmt, 1),
                              (const char *) sqlite3_column_text (origins.stmt, 2),
                              kind,
                              (const char *) sqlite3_column_text (origins.stmt, 4));
      _cf_food_set_origin (food, nutrient, text);
      _cf_food_set_value_kind (food, nutrient, kind);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return FALSE;
    }

  portions.stmt = _cf_stmt_cache_take (cache,
                                       "SELECT amount, description, grams FROM ref.portion WHERE food = ? ORDER BY seq",
                                       error);
  if (portions.stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (portions.stmt, 1, rowid);
  while ((rc = sqlite3_step (portions.stmt)) == SQLITE_ROW)
    {
      g_autoptr(CfPortion) portion = cf_portion_new (sqlite3_column_double (portions.stmt, 0),
                                                     (const char *) sqlite3_column_text (portions.stmt, 1),
                                                     sqlite3_column_double (portions.stmt, 2));
      cf_food_add_portion (food, portion);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return FALSE;
    }

  return load_k2_alternatives (cache, food, error);
}

/* A recipe's values come from its ingredients: say so, and say when
 * only some of them had a value (see CfRecipe for the maths) */
static gboolean
set_recipe_origins (CfStmtCache  *cache,
                    CfFood       *food,
                    gint64        rowid,
                    GError      **error)
{
  g_auto(CfStmtLease) stmt = { cache, NULL };
  g_autoptr(GString) sql = g_string_new ("SELECT total (grams)");
  double raw;
  int rc;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_string_append_printf (sql, ", total (CASE WHEN %s IS NOT NULL THEN grams END)", cf_nutrient_get_key (i));
  g_string_append (sql, ", count(*) FROM recipe_ingredient WHERE recipe = ?");

  stmt.stmt = _cf_stmt_cache_take (cache, sql->str, error);
  if (stmt.stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt.stmt, 1, rowid);
  rc = sqlite3_step (stmt.stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return FALSE;
    }

  raw = sqlite3_column_double (stmt.stmt, 0);

  /* A recipe typed in from a label, without ingredients */
  if (sqlite3_column_int64 (stmt.stmt, 1 + CF_N_NUTRIENTS) == 0 || !(raw > 0))
    return TRUE;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      double share = sqlite3_column_double (stmt.stmt, 1 + i) / raw;

      if (isnan (cf_food_get_nutrient (food, i)))
        continue;

      if (share >= 0.9995)
        _cf_food_set_origin (food, i, _("Calculated from the recipe’s ingredients"));
      else
        {
          /* Translators: provenance of a recipe's value when some of its
           * ingredients have no data for the nutrient; %.0f%% is a
           * percentage such as 60% */
          g_autofree char *text = g_strdup_printf (_("Calculated from the ingredients that have a value, %.0f%% of the recipe’s weight; it may be higher"),
                                                   floor (share * 100));
          _cf_food_set_origin (food, i, text);
        }
    }

  return TRUE;
}

static gboolean
load_custom_details (CfStmtCache  *cache,
                     CfFood       *food,
                     gint64        rowid,
                     GError      **error)
{
  g_auto(CfStmtLease) portions = { cache, NULL };
  int rc;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (!isnan (cf_food_get_nutrient (food, i)))
        _cf_food_set_origin (food, i, _("Entered by you"));
    }

  if (cf_food_get_kind (food) == CF_FOOD_KIND_RECIPE && !set_recipe_origins (cache, food, rowid, error))
    return FALSE;

  portions.stmt = _cf_stmt_cache_take (cache,
                                       "SELECT amount, description, grams FROM custom_portion WHERE food = ? ORDER BY seq",
                                       error);
  if (portions.stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (portions.stmt, 1, rowid);
  while ((rc = sqlite3_step (portions.stmt)) == SQLITE_ROW)
    {
      g_autoptr(CfPortion) portion = cf_portion_new (sqlite3_column_double (portions.stmt, 0),
                                                     (const char *) sqlite3_column_text (portions.stmt, 1),
                                                     sqlite3_column_double (portions.stmt, 2));
      cf_food_add_portion (food, portion);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return FALSE;
    }

  return TRUE;
}

/* Loads a food in full on any connection */
static CfFood *
load_food (CfStmtCache  *cache,
           gboolean      has_foods,
           const char   *id,
           GError      **error)
{
  g_auto(CfStmtLease) stmt = { cache, NULL };
  g_autoptr(CfFood) food = NULL;
  g_autofree char *sql = NULL;
  gboolean custom;
  gint64 rowid;
  int rc;

  if (!cf_food_id_is_valid (id))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("“%s” is not a food id; ids look like usda:01009, k2:natto-kamao-2007 or custom:…"),
                   id);
      return NULL;
    }

  custom = g_str_has_prefix (id, "custom:");
  if (!custom && !has_foods)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("No food with the id “%s”: the food database is not loaded"), id);
      return NULL;
    }

  if (custom)
    sql = g_strdup_printf ("SELECT " CUSTOM_FOOD_COLUMNS ", %s FROM custom_food c WHERE c.id = ?",
                           _cf_nutrient_columns ());
  else
    {
      sql = g_strdup_printf ("SELECT " REF_FOOD_COLUMNS ", %s FROM ref.food f" REF_FOOD_JOINS " WHERE f.id = ?",
                             _cf_ref_nutrient_columns ());
    }

  stmt.stmt = _cf_stmt_cache_take (cache, sql, error);
  if (stmt.stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt.stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt.stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("No food with the id “%s”"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, _cf_stmt_cache_get_db (cache), rc);
      return NULL;
    }

  rowid = sqlite3_column_int64 (stmt.stmt, 0);
  food = custom ? _cf_food_from_custom_row (stmt.stmt) : _cf_food_from_ref_row (stmt.stmt);
  _cf_stmt_lease_clear (&stmt);

  if (custom ? !load_custom_details (cache, food, rowid, error)
             : !load_ref_details (cache, food, rowid, error))
    return NULL;

  return g_steal_pointer (&food);
}

/**
 * cf_food_store_get_food:
 * @id: a food id such as `usda:01009`, `k2:natto-kamao-2007` or
 *   `custom:<uuid>`
 *
 * Loads a food in full: nutrients with their provenance and portions.
 *
 * Returns: (transfer full): the food, or %NULL with %CF_ERROR_NOT_FOUND
 */
CfFood *
cf_food_store_get_food (CfFoodStore  *self,
                        const char   *id,
                        GError      **error)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_food (_cf_database_get_stmt_cache (self->database),
                    _cf_database_has_foods (self->database),
                    id, error);
}

static gboolean
write_food_row (CfFoodStore  *self,
                CfFood       *food,
                gint64       *rowid_out,
                GError      **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) portion = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_now_utc ();
  g_autofree char *name = NULL;
  GString *update = g_string_new (NULL);
  GListModel *portions;
  gint64 rowid;
  int rc;

  if (cf_food_get_source (food) != CF_FOOD_SOURCE_CUSTOM || !cf_food_id_is_valid (cf_food_get_id (food)))
    {
      g_string_free (update, TRUE);
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Only your own foods can be changed"));
      return FALSE;
    }

  if (!cf_food_store_validate_food (self, food, NULL, NULL, error))
    {
      g_string_free (update, TRUE);
      return FALSE;
    }

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_string_append_printf (update, ", %s = excluded.%s", cf_nutrient_get_key (i), cf_nutrient_get_key (i));

  sql = g_strdup_printf ("INSERT INTO custom_food (id, kind, name, brand, group_code, note, created, modified, %s)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s)"
                         " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
                         "   brand = excluded.brand, group_code = excluded.group_code, note = excluded.note,"
                         "   modified = excluded.modified%s"
                         " RETURNING rowid",
                         _cf_nutrient_columns (), _cf_nutrient_placeholders (), update->str);
  g_string_free (update, TRUE);

  upsert = _cf_prepare (db, sql, error);
  if (upsert == NULL)
    return FALSE;

  name = g_strstrip (g_strdup (cf_food_get_name (food)));
  sqlite3_bind_text (upsert, 1, cf_food_get_id (food), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, cf_food_kind_to_key (cf_food_get_kind (food)), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 4, cf_food_get_brand (food), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 5, cf_food_get_group_code (food), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 6, cf_food_get_note (food), -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 8, now, -1, SQLITE_STATIC);
  _cf_bind_nutrients (upsert, 9, cf_food_get_nutrients (food));

  rc = sqlite3_step (upsert);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  rowid = sqlite3_column_int64 (upsert, 0);
  sqlite3_reset (upsert);

  clear = _cf_prepare (db, "DELETE FROM custom_portion WHERE food = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, rowid);
  if ((rc = sqlite3_step (clear)) != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  portion = _cf_prepare (db,
                         "INSERT INTO custom_portion (food, seq, amount, description, grams) VALUES (?, ?, ?, ?, ?)",
                         error);
  if (portion == NULL)
    return FALSE;

  portions = cf_food_get_portions (food);
  for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
    {
      g_autoptr(CfPortion) p = g_list_model_get_item (portions, i);
      double amount = cf_portion_get_amount (p);
      double grams = cf_portion_get_grams (p);

      if (!isfinite (amount) || amount <= 0 || !isfinite (grams) || grams <= 0 || grams > 100000 ||
          cf_portion_get_description (p)[0] == '\0')
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                               _("Each portion needs a name, an amount above zero and a weight above zero"));
          return FALSE;
        }

      sqlite3_reset (portion);
      sqlite3_bind_int64 (portion, 1, rowid);
      sqlite3_bind_int (portion, 2, i + 1);
      sqlite3_bind_double (portion, 3, amount);
      sqlite3_bind_text (portion, 4, cf_portion_get_description (p), -1, SQLITE_STATIC);
      sqlite3_bind_double (portion, 5, grams);
      if ((rc = sqlite3_step (portion)) != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }
    }

  if (rowid_out != NULL)
    *rowid_out = rowid;

  return TRUE;
}

/* Runs one statement that takes a rowid as its only parameter */
static gboolean
exec_for_rowid (sqlite3     *db,
                const char  *sql,
                gint64       rowid,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * _cf_food_store_write_custom_food:
 *
 * Writes @food as it is, inside the caller's transaction.  The food
 * replaces whatever had its id: a recipe's ingredients, cooked weight
 * and servings go too (use _cf_food_store_write_recipe() for recipes).
 */
gboolean
_cf_food_store_write_custom_food (CfFoodStore  *self,
                                  CfFood       *food,
                                  GError      **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  gint64 rowid;

  return write_food_row (self, food, &rowid, error) &&
         exec_for_rowid (db, "DELETE FROM recipe_ingredient WHERE recipe = ?", rowid, error) &&
         exec_for_rowid (db, "UPDATE custom_food SET cooked_grams = NULL, servings = NULL WHERE rowid = ?",
                         rowid, error);
}

static gboolean
has_ingredients (CfFoodStore *self,
                 const char  *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _cf_prepare (_cf_database_get_handle (self->database),
                      "SELECT 1 FROM recipe_ingredient i JOIN custom_food c ON c.rowid = i.recipe"
                      " WHERE c.id = ? LIMIT 1",
                      NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * cf_food_store_save_custom_food:
 *
 * Creates or replaces one of the user's foods, with its portions, in one
 * transaction.  Diary entries already logged keep their own copy of the
 * values.  A recipe with ingredients is saved with
 * cf_food_store_save_recipe() instead; a food that was a recipe and is
 * saved here as another kind loses its ingredients.  Check the food
 * first with cf_food_store_validate_food() to know which field a
 * refusal is about.
 */
gboolean
cf_food_store_save_custom_food (CfFoodStore  *self,
                                CfFood       *food,
                                GError      **error)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_FOOD (food), FALSE);

  /* Its values come from its ingredients: saving the food as it is
   * would part them from the ingredients */
  if (cf_food_get_kind (food) == CF_FOOD_KIND_RECIPE && has_ingredients (self, cf_food_get_id (food)))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("“%s” is a recipe; change it in the recipe editor"), cf_food_get_name (food));
      return FALSE;
    }

  if (!cf_database_begin (self->database, error))
    return FALSE;

  if (!_cf_food_store_write_custom_food (self, food, error))
    {
      cf_database_rollback (self->database);
      return FALSE;
    }

  return cf_database_commit (self->database, error);
}

/**
 * cf_food_store_delete_custom_food:
 *
 * Deletes one of the user's foods.  Diary entries that used it keep
 * their name and values.
 */
gboolean
cf_food_store_delete_custom_food (CfFoodStore  *self,
                                  const char   *id,
                                  GError      **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db, "DELETE FROM custom_food WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("No food of yours with the id “%s”"), id);
      return FALSE;
    }

  return TRUE;
}

/* The first column, text, of every row @sql gives */
static GPtrArray *
select_ids (CfFoodStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = _cf_database_get_handle (self->database);
  int rc;

  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * cf_food_store_list_custom_foods:
 *
 * Returns: (transfer container) (element-type CfFood): the user's foods
 *   in full, by name
 */
GPtrArray *
cf_food_store_list_custom_foods (CfFoodStore  *self,
                                 GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  ids = select_ids (self, "SELECT id FROM custom_food ORDER BY name COLLATE NOCASE, id", error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      CfFood *food = cf_food_store_get_food (self, g_ptr_array_index (ids, i), error);

      if (food == NULL)
        return NULL;
      g_ptr_array_add (foods, food);
    }

  return g_steal_pointer (&foods);
}

/**
 * cf_food_store_count_reference_foods:
 *
 * Returns: the number of reference foods, 0 without a food database
 */
guint
cf_food_store_count_reference_foods (CfFoodStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), 0);

  if (!_cf_database_has_foods (self->database))
    return 0;

  stmt = _cf_prepare (_cf_database_get_handle (self->database), "SELECT count(*) FROM ref.food", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * cf_food_store_list_groups:
 *
 * Returns: (transfer full): the reference food groups as pairs of
 *   strings, code then name, ordered by name; empty without a food
 *   database
 */
GPtrArray *
cf_food_store_list_groups (CfFoodStore  *self,
                           GError      **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  if (!_cf_database_has_foods (self->database))
    return g_steal_pointer (&groups);

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db, "SELECT code, name FROM ref.food_group ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (groups, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (groups, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&groups);
}

/* ---------------------------------------------------------------------- */
/* Validation with the reference data                                      */

static gboolean
check_group (CfFoodStore  *self,
             const char   *group_code,
             CfFoodField  *field,
             guint        *index,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  /* Without the reference data there is no list to check against */
  if (group_code == NULL || !_cf_database_has_foods (self->database))
    return TRUE;

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db, "SELECT 1 FROM ref.food_group WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, group_code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
               _("There is no food group “%s”; choose one from the list, or none"), group_code);
  if (field != NULL)
    *field = CF_FOOD_FIELD_GROUP;
  if (index != NULL)
    *index = 0;

  return FALSE;
}

/**
 * cf_food_store_validate_food:
 * @field: (out) (optional): the field an error is about
 * @index: (out) (optional): the nutrient or portion an error is about
 *
 * Checks a custom food as cf_food_store_save_custom_food() will: everything
 * cf_food_validate_full() checks, and that its group exists in the
 * reference data (when the food database is loaded).
 *
 * Returns: %TRUE if the food can be saved
 */
gboolean
cf_food_store_validate_food (CfFoodStore  *self,
                             CfFood       *food,
                             CfFoodField  *field,
                             guint        *index,
                             GError      **error)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_FOOD (food), FALSE);

  if (!cf_food_validate_full (food, field, index, error))
    return FALSE;

  return check_group (self, cf_food_get_group_code (food), field, index, error);
}

/**
 * cf_food_store_validate_recipe:
 * @field: (out) (optional): the field an error is about
 * @index: (out) (optional): the ingredient an error is about
 *
 * Checks a recipe as cf_food_store_save_recipe() will: everything
 * cf_recipe_validate() checks, and that its group exists.
 */
gboolean
cf_food_store_validate_recipe (CfFoodStore  *self,
                               CfRecipe     *recipe,
                               CfFoodField  *field,
                               guint        *index,
                               GError      **error)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_RECIPE (recipe), FALSE);

  if (!cf_recipe_validate (recipe, field, index, error))
    return FALSE;

  return check_group (self, cf_recipe_get_group_code (recipe), field, index, error);
}

/* ---------------------------------------------------------------------- */
/* Recipes                                                                 */

static void
bind_optional_double (sqlite3_stmt *stmt,
                      int           column,
                      double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_double (stmt, column, value);
}

/**
 * _cf_food_store_write_recipe:
 *
 * Writes @recipe (its food with the computed values, its cooked weight,
 * servings and ingredients) inside the caller's transaction.
 */
gboolean
_cf_food_store_write_recipe (CfFoodStore  *self,
                             CfRecipe     *recipe,
                             GError      **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  g_autoptr(CfFood) food = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *sql = NULL;
  GListModel *ingredients;
  gint64 rowid;
  int rc;

  if (!cf_food_store_validate_recipe (self, recipe, NULL, NULL, error))
    return FALSE;

  food = cf_recipe_to_food (recipe);
  if (!write_food_row (self, food, &rowid, error))
    return FALSE;

  update = _cf_prepare (db, "UPDATE custom_food SET cooked_grams = ?, servings = ? WHERE rowid = ?", error);
  if (update == NULL)
    return FALSE;
  bind_optional_double (update, 1, cf_recipe_get_cooked_grams (recipe));
  bind_optional_double (update, 2, cf_recipe_get_servings (recipe));
  sqlite3_bind_int64 (update, 3, rowid);
  if ((rc = sqlite3_step (update)) != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  if (!exec_for_rowid (db, "DELETE FROM recipe_ingredient WHERE recipe = ?", rowid, error))
    return FALSE;

  sql = g_strdup_printf ("INSERT INTO recipe_ingredient (recipe, seq, food_id, food_name, food_kind, grams,"
                         " portion_quantity, portion_description, %s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s)",
                         _cf_nutrient_columns (), _cf_nutrient_placeholders ());
  insert = _cf_prepare (db, sql, error);
  if (insert == NULL)
    return FALSE;

  ingredients = cf_recipe_get_ingredients (recipe);
  for (guint i = 0; i < g_list_model_get_n_items (ingredients); i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (ingredients, i);
      const char *description = cf_recipe_ingredient_get_portion_description (ingredient);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, rowid);
      sqlite3_bind_int (insert, 2, i + 1);
      sqlite3_bind_text (insert, 3, cf_recipe_ingredient_get_food_id (ingredient), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, cf_recipe_ingredient_get_food_name (ingredient), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, cf_food_kind_to_key (cf_recipe_ingredient_get_food_kind (ingredient)), -1,
                         SQLITE_STATIC);
      sqlite3_bind_double (insert, 6, cf_recipe_ingredient_get_grams (ingredient));
      if (description != NULL)
        {
          sqlite3_bind_double (insert, 7, cf_recipe_ingredient_get_portion_quantity (ingredient));
          sqlite3_bind_text (insert, 8, description, -1, SQLITE_STATIC);
        }
      else
        {
          sqlite3_bind_null (insert, 7);
          sqlite3_bind_null (insert, 8);
        }
      _cf_bind_nutrients (insert, 9, cf_recipe_ingredient_get_nutrients_per_100g (ingredient));

      if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_food_store_save_recipe:
 *
 * Creates or replaces a recipe in one transaction: its values per 100 g
 * are computed from its ingredients now (see #CfRecipe).  Diary entries
 * already logged keep their own copy of the old values.  Check the
 * recipe first with cf_food_store_validate_recipe() to know which field
 * a refusal is about.
 */
gboolean
cf_food_store_save_recipe (CfFoodStore  *self,
                           CfRecipe     *recipe,
                           GError      **error)
{
  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_RECIPE (recipe), FALSE);

  if (!cf_database_begin (self->database, error))
    return FALSE;

  if (!_cf_food_store_write_recipe (self, recipe, error))
    {
      cf_database_rollback (self->database);
      return FALSE;
    }

  return cf_database_commit (self->database, error);
}

/**
 * cf_food_store_get_recipe:
 * @id: the `custom:` id of a food of kind recipe
 *
 * Loads a recipe with its ingredients as they were saved.
 *
 * Returns: (transfer full): the recipe, or %NULL with
 *   %CF_ERROR_NOT_FOUND when there is no food of that id or it is not a
 *   recipe
 */
CfRecipe *
cf_food_store_get_recipe (CfFoodStore  *self,
                          const char   *id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(CfRecipe) recipe = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  gint64 rowid;
  int rc;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db,
                      "SELECT rowid, kind, name, group_code, note, cooked_grams, servings"
                      " FROM custom_food WHERE id = ?",
                      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("No food of yours with the id “%s”"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "recipe") != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("“%s” is not a recipe"),
                   (const char *) sqlite3_column_text (stmt, 2));
      return NULL;
    }

  rowid = sqlite3_column_int64 (stmt, 0);
  recipe = cf_recipe_new_with_id (id, (const char *) sqlite3_column_text (stmt, 2));
  cf_recipe_set_group_code (recipe, (const char *) sqlite3_column_text (stmt, 3));
  cf_recipe_set_note (recipe, (const char *) sqlite3_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    cf_recipe_set_cooked_grams (recipe, sqlite3_column_double (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    cf_recipe_set_servings (recipe, sqlite3_column_double (stmt, 6));

  sql = g_strdup_printf ("SELECT food_id, food_name, food_kind, grams, portion_quantity, portion_description, %s"
                         " FROM recipe_ingredient WHERE recipe = ? ORDER BY seq",
                         _cf_nutrient_columns ());
  rows = _cf_prepare (db, sql, error);
  if (rows == NULL)
    return NULL;

  sqlite3_bind_int64 (rows, 1, rowid);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      g_autoptr(CfRecipeIngredient) ingredient = NULL;
      CfFoodKind kind = CF_FOOD_KIND_FOOD;
      CfNutrients per_100g;

      cf_food_kind_from_key ((const char *) sqlite3_column_text (rows, 2), &kind);
      _cf_read_nutrients (rows, 6, &per_100g);
      ingredient = cf_recipe_ingredient_new_full ((const char *) sqlite3_column_text (rows, 0),
                                                  (const char *) sqlite3_column_text (rows, 1),
                                                  kind, &per_100g,
                                                  sqlite3_column_double (rows, 3),
                                                  (const char *) sqlite3_column_text (rows, 5),
                                                  sqlite3_column_double (rows, 4));
      cf_recipe_append_ingredient (recipe, ingredient);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&recipe);
}

/**
 * cf_food_store_list_recipes:
 *
 * Returns: (transfer container) (element-type CfRecipe): the user's
 *   recipes that have ingredients, by name
 */
GPtrArray *
cf_food_store_list_recipes (CfFoodStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  ids = select_ids (self,
                    "SELECT id FROM custom_food c WHERE kind = 'recipe'"
                    " AND EXISTS (SELECT 1 FROM recipe_ingredient WHERE recipe = c.rowid)"
                    " ORDER BY name COLLATE NOCASE, id",
                    error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      CfRecipe *recipe = cf_food_store_get_recipe (self, g_ptr_array_index (ids, i), error);

      if (recipe == NULL)
        return NULL;
      g_ptr_array_add (recipes, recipe);
    }

  return g_steal_pointer (&recipes);
}

/* ---------------------------------------------------------------------- */
/* Favourites                                                              */

/**
 * _cf_food_store_write_favourite:
 * @added: (nullable): when it was marked, as UTC "YYYY-MM-DDTHH:MM:SSZ";
 *   %NULL for now
 *
 * Marks @id as a favourite inside the caller's transaction, without
 * checking that the food exists.
 */
gboolean
_cf_food_store_write_favourite (CfFoodStore  *self,
                                const char   *id,
                                const char   *added,
                                GError      **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_now_utc ();
  int rc;

  stmt = _cf_prepare (db,
                      "INSERT INTO favourite (food_id, added) VALUES (?, ?)"
                      " ON CONFLICT (food_id) DO UPDATE SET added = excluded.added",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, added ? added : now, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_food_store_set_favourite:
 * @id: a food id
 * @favourite: whether the food is a favourite
 *
 * Marks or unmarks a food as a favourite.  Marking one that is already
 * a favourite keeps its place; unmarking one that is not does nothing.
 *
 * Returns: %FALSE with %CF_ERROR_NOT_FOUND when marking a food that
 *   does not exist
 */
gboolean
cf_food_store_set_favourite (CfFoodStore  *self,
                             const char   *id,
                             gboolean      favourite,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  db = _cf_database_get_handle (self->database);

  if (favourite)
    {
      g_autoptr(CfFood) food = cf_food_store_get_food (self, id, error);

      if (food == NULL)
        return FALSE;

      if (cf_food_store_is_favourite (self, id))
        return TRUE;

      return _cf_food_store_write_favourite (self, id, NULL, error);
    }

  stmt = _cf_prepare (db, "DELETE FROM favourite WHERE food_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_food_store_is_favourite:
 *
 * Returns: %TRUE if the food with @id is marked as a favourite
 */
gboolean
cf_food_store_is_favourite (CfFoodStore *self,
                            const char  *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = _cf_prepare (_cf_database_get_handle (self->database),
                      "SELECT 1 FROM favourite WHERE food_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * cf_food_store_list_favourite_ids:
 * @added: (out) (optional) (transfer container) (element-type utf8):
 *   when each was marked, UTC "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Lists the favourites as stored, including those whose food no longer
 * exists (for the export).
 *
 * Returns: (transfer container) (element-type utf8): the food ids, the
 *   most recently marked first
 */
GPtrArray *
cf_food_store_list_favourite_ids (CfFoodStore  *self,
                                  GPtrArray   **added,
                                  GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db, "SELECT food_id, added FROM favourite ORDER BY added DESC, food_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (times, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  if (added != NULL)
    *added = g_steal_pointer (&times);

  return g_steal_pointer (&ids);
}

/**
 * cf_food_store_list_favourites:
 *
 * Loads the favourite foods in full, reference or custom, the most
 * recently marked first.  A favourite whose food no longer exists (a
 * deleted food of the user's, a food gone from the reference data) is
 * left out, not an error.
 *
 * Returns: (transfer container) (element-type CfFood): the foods
 */
GPtrArray *
cf_food_store_list_favourites (CfFoodStore  *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);

  ids = cf_food_store_list_favourite_ids (self, NULL, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      CfFood *food = cf_food_store_get_food (self, g_ptr_array_index (ids, i), &local_error);

      if (food != NULL)
        g_ptr_array_add (foods, food);
      else if (!g_error_matches (local_error, CF_ERROR, CF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&foods);
}

/* ---------------------------------------------------------------------- */
/* Ranking                                                                 */

typedef struct
{
  CfRankFigure  figure;
  CfRankBasis   basis;
  CfSearchFlags flags;
  char         *group_code;
  CfRankCursor  cursor;
  guint         limit;
} RankData;

typedef struct
{
  GPtrArray    *foods;
  CfRankCursor  next;
} RankResult;

static void
rank_data_free (RankData *data)
{
  g_free (data->group_code);
  g_free (data);
}

static void
rank_result_free (RankResult *result)
{
  g_clear_pointer (&result->foods, g_ptr_array_unref);
  g_free (result);
}

/* One SELECT of (custom, id, value) over the reference or the custom
 * foods.  Only catalog keys and fixed text go into the SQL. */
static void
append_rank_part (GString       *sql,
                  gboolean       custom,
                  CfRankFigure   figure,
                  CfRankBasis    basis,
                  CfSearchFlags  flags,
                  const char    *group_code)
{
  const char *t = custom ? "c" : "f";
  const char *portions = custom ? "custom_portion" : "ref.portion";
  g_autofree char *figure_sql = _cf_rank_figure_sql (figure, t);
  g_autofree char *value = NULL;

  switch (basis)
    {
    case CF_RANK_PER_100KCAL:
      value = g_strdup_printf ("(%s) / %s.energy * 100.0", figure_sql, t);
      break;

    case CF_RANK_PER_SERVING:
      value = g_strdup_printf ("(%s) * p.grams / 100.0", figure_sql);
      break;

    case CF_RANK_PER_100G:
    default:
      value = g_strdup (figure_sql);
      break;
    }

  g_string_append_printf (sql, "SELECT %d AS custom, %s.id AS id, %s AS value FROM %s %s",
                          custom ? 1 : 0, t, value, custom ? "custom_food" : "ref.food", t);

  /* The first household measure is the serving */
  if (basis == CF_RANK_PER_SERVING)
    g_string_append_printf (sql, " JOIN %s p ON p.food = %s.rowid"
                                 " AND p.seq = (SELECT min (seq) FROM %s WHERE food = %s.rowid)",
                            portions, t, portions, t);

  g_string_append (sql, " WHERE 1");

  if (basis == CF_RANK_PER_100KCAL)
    g_string_append_printf (sql, " AND %s.energy >= %d", t, CF_RANK_MIN_KCAL);

  if (!custom)
    {
      if ((flags & CF_SEARCH_USDA) && !(flags & CF_SEARCH_K2))
        g_string_append (sql, " AND f.source = '" USDA_SOURCE "'");
      else if (!(flags & CF_SEARCH_USDA) && (flags & CF_SEARCH_K2))
        g_string_append (sql, " AND f.source <> '" USDA_SOURCE "'");
    }
  else
    _cf_food_search_append_kind_filter (sql, t, flags);

  if (group_code != NULL)
    g_string_append_printf (sql, " AND %s.group_code = ?3", t);
}

/* Runs on any thread with its own connection */
static GPtrArray *
run_rank (sqlite3        *db,
          gboolean        has_foods,
          CfRankFigure    figure,
          CfRankBasis     basis,
          CfSearchFlags   flags,
          const char     *group_code,
          CfRankCursor   *cursor,
          guint           limit,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean want_ref, want_custom;
  double last_value = 0;
  int rc;

  if (cf_rank_cursor_is_end (cursor))
    return g_steal_pointer (&foods);

  if (flags == 0)
    flags = CF_SEARCH_ALL;

  /* A supplement's values per 100 g are those of a nominal unit weight,
   * not of a food: rank supplements only among themselves */
  if ((flags & ~CF_SEARCH_SUPPLEMENTS) != 0)
    flags &= ~CF_SEARCH_SUPPLEMENTS;

  want_ref = has_foods && (flags & (CF_SEARCH_USDA | CF_SEARCH_K2)) != 0;
  want_custom = (flags & CF_SEARCH_MINE) != 0;
  if (!want_ref && !want_custom)
    {
      cursor->state = 2;
      return g_steal_pointer (&foods);
    }

  g_string_append (sql, "SELECT custom, id, value FROM (");
  if (want_ref)
    append_rank_part (sql, FALSE, figure, basis, flags, group_code);
  if (want_ref && want_custom)
    g_string_append (sql, " UNION ALL ");
  if (want_custom)
    append_rank_part (sql, TRUE, figure, basis, flags, group_code);
  g_string_append (sql, ") WHERE value IS NOT NULL");
  if (cursor->state == 1)
    g_string_append (sql, " AND (value < ?1 OR (value = ?1 AND id > ?2))");
  g_string_append (sql, " ORDER BY value DESC, id LIMIT ?4");

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, _cf_food_store_progress_cb, cancellable);

  stmt = _cf_prepare (db, sql->str, error);
  if (stmt == NULL)
    goto fail;

  if (cursor->state == 1)
    {
      sqlite3_bind_double (stmt, 1, cursor->value);
      sqlite3_bind_text (stmt, 2, cursor->id, -1, SQLITE_STATIC);
    }
  if (group_code != NULL)
    sqlite3_bind_text (stmt, 3, group_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      last_value = sqlite3_column_double (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      _cf_set_sqlite_error (error, db, rc);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The page's foods share their statements */
  {
    g_autoptr(CfStmtCache) cache = _cf_stmt_cache_new (db);

    for (guint i = 0; i < ids->len; i++)
      {
        CfFood *food;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          goto fail;

        food = load_food (cache, has_foods, g_ptr_array_index (ids, i), error);
        if (food == NULL)
          goto fail;
        g_ptr_array_add (foods, food);
      }
  }

  /* A short page means there is nothing more */
  if (ids->len < limit)
    cursor->state = 2;
  else
    {
      cursor->state = 1;
      cursor->value = last_value;
      g_strlcpy (cursor->id, g_ptr_array_index (ids, ids->len - 1), sizeof cursor->id);
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  return g_steal_pointer (&foods);

fail:
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  return NULL;
}

/**
 * cf_food_store_rank:
 * @figure: what to rank by: a catalog nutrient or a combined figure
 * @basis: per 100 g, per 100 kcal or per serving (see #CfRankBasis)
 * @flags: the sources to rank, or 0 for all
 * @group_code: (nullable): only foods of this group
 * @cursor: (inout) (nullable): where to start; updated to where the next
 *   page starts
 * @limit: the page size
 *
 * Ranks the reference foods and the user's own together, richest
 * first: by the value, then by id where values are equal.  Foods without
 * a value for @figure are left out (they are not ranked as zero; a food
 * whose value is 0 comes last), as are foods without energy or with
 * 0 kcal per 100 kcal, and foods without a household measure per
 * serving.  The foods come loaded in full; cf_food_get_rank_value()
 * gives the value each was ranked by.
 *
 * Runs on the calling thread's connection; views should use
 * cf_food_store_rank_async().  A full pass over the ~9,000 reference
 * foods takes a few milliseconds, so no index is needed.
 *
 * Returns: (transfer container) (element-type CfFood): the page
 */
GPtrArray *
cf_food_store_rank (CfFoodStore    *self,
                    CfRankFigure    figure,
                    CfRankBasis     basis,
                    CfSearchFlags   flags,
                    const char     *group_code,
                    CfRankCursor   *cursor,
                    guint           limit,
                    GError        **error)
{
  CfRankCursor start = CF_RANK_CURSOR_INIT;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (figure < CF_N_RANK_FIGURES, NULL);
  g_return_val_if_fail (basis < CF_N_RANK_BASES, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  return run_rank (_cf_database_get_handle (self->database),
                   _cf_database_has_foods (self->database),
                   figure, basis, flags, group_code,
                   cursor ? cursor : &start, limit, NULL, error);
}

static void
rank_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CfFoodStore *self = source_object;
  RankData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) foods = NULL;
  RankResult *result;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = _cf_database_open_reader (self->database, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  foods = run_rank (db, _cf_database_has_foods (self->database),
                    data->figure, data->basis, data->flags, data->group_code,
                    &data->cursor, data->limit, cancellable, &error);
  _cf_database_close_reader (self->database, db);

  if (foods == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (RankResult, 1);
  result->foods = g_steal_pointer (&foods);
  result->next = data->cursor;
  g_task_return_pointer (task, result, (GDestroyNotify) rank_result_free);
}

/**
 * cf_food_store_rank_async:
 * @cursor: (nullable): where to start
 *
 * Runs cf_food_store_rank() on a worker thread with its own connection.
 * Cancelling @cancellable interrupts the query.
 */
void
cf_food_store_rank_async (CfFoodStore          *self,
                          CfRankFigure          figure,
                          CfRankBasis           basis,
                          CfSearchFlags         flags,
                          const char           *group_code,
                          const CfRankCursor   *cursor,
                          guint                 limit,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RankData *data;

  g_return_if_fail (CF_IS_FOOD_STORE (self));
  g_return_if_fail (figure < CF_N_RANK_FIGURES);
  g_return_if_fail (basis < CF_N_RANK_BASES);
  g_return_if_fail (limit > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RankData, 1);
  data->figure = figure;
  data->basis = basis;
  data->flags = flags;
  data->group_code = g_strdup (group_code);
  data->limit = limit;
  if (cursor != NULL)
    data->cursor = *cursor;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_food_store_rank_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rank_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, rank_thread);
}

/**
 * cf_food_store_rank_finish:
 * @next: (out) (optional): where the next page starts
 *
 * Returns: (transfer container) (element-type CfFood): the page, or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
cf_food_store_rank_finish (CfFoodStore   *self,
                           GAsyncResult  *result,
                           CfRankCursor  *next,
                           GError       **error)
{
  RankResult *res;
  GPtrArray *foods;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_food_store_rank_async, NULL);

  res = g_task_propagate_pointer (G_TASK (result), error);
  if (res == NULL)
    return NULL;

  if (next != NULL)
    *next = res->next;
  foods = g_steal_pointer (&res->foods);
  rank_result_free (res);

  return foods;
}
