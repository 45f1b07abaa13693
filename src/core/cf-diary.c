/* cf-diary.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-diary"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-diary-entry-private.h"
#include "cf-diary.h"
#include "cf-error.h"
#include "cf-food-private.h"

/**
 * CfDiary:
 *
 * The user's diary: entries by day and meal, and their totals, which are
 * computed by SQL aggregates rather than by loading entries.
 *
 * #CfDiary::changed is emitted with the ISO day after every change, so
 * views showing that day can reload.
 */
struct _CfDiary
{
  GObject       parent_instance;
  CfDatabase   *database;
  sqlite3_stmt *write_stmt[2];  /* _cf_diary_write_entry()'s, by replace */
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CfDiary, cf_diary, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ENTRY_COLUMNS \
  "id, day, meal, position, food_id, food_name, grams, portion_quantity, portion_description, food_kind," \
  " origin, origin_amount, origin_meal, borrowed, assumed"
#define ENTRY_NUTRIENTS_FIRST 15

/* The nutrient keys of the values of @kind, separated by spaces, or
 * NULL when there are none */
static char *
value_kinds_to_text (CfDiaryEntry *entry,
                     CfValueKind   kind)
{
  GString *text = NULL;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (cf_diary_entry_get_value_kind (entry, i) != kind)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, ' ');
      g_string_append (text, cf_nutrient_get_key (i));
    }

  return text ? g_string_free (text, FALSE) : NULL;
}

static void
value_kinds_from_text (CfDiaryEntry *entry,
                       const char   *text,
                       CfValueKind   kind)
{
  g_auto(GStrv) keys = NULL;

  if (text == NULL)
    return;

  keys = g_strsplit (text, " ", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      CfNutrient nutrient;

      /* A key of a later version's nutrient is not ours to read */
      if (cf_nutrient_from_key (keys[i], &nutrient))
        _cf_diary_entry_set_value_kind (entry, nutrient, kind);
    }
}

static CfDiaryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  CfNutrients per_100g;
  CfMeal meal = CF_MEAL_BREAKFAST;
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  CfEntryOrigin origin = CF_ENTRY_ORIGIN_NONE;
  CfDiaryEntry *entry;
  GDate day;

  cf_day_parse ((const char *) sqlite3_column_text (stmt, 1), &day, NULL);
  cf_food_kind_from_key ((const char *) sqlite3_column_text (stmt, 9), &kind);
  cf_meal_from_key ((const char *) sqlite3_column_text (stmt, 2), &meal);
  cf_entry_origin_from_key ((const char *) sqlite3_column_text (stmt, 10), &origin);
  _cf_read_nutrients (stmt, ENTRY_NUTRIENTS_FIRST, &per_100g);

  entry = _cf_diary_entry_new_full ((const char *) sqlite3_column_text (stmt, 0),
                                    &day, meal,
                                    sqlite3_column_int64 (stmt, 3),
                                    (const char *) sqlite3_column_text (stmt, 4),
                                    (const char *) sqlite3_column_text (stmt, 5),
                                    kind,
                                    sqlite3_column_type (stmt, 6) == SQLITE_NULL
                                      ? NAN : sqlite3_column_double (stmt, 6),
                                    sqlite3_column_double (stmt, 7),
                                    (const char *) sqlite3_column_text (stmt, 8),
                                    &per_100g);
  _cf_diary_entry_set_origin (entry, origin,
                              (const char *) sqlite3_column_text (stmt, 11),
                              (const char *) sqlite3_column_text (stmt, 12));
  value_kinds_from_text (entry, (const char *) sqlite3_column_text (stmt, 13), CF_VALUE_BORROWED);
  value_kinds_from_text (entry, (const char *) sqlite3_column_text (stmt, 14), CF_VALUE_ASSUMED);

  return entry;
}

static void
emit_changed (CfDiary     *self,
              const GDate *day)
{
  g_autofree char *iso = cf_day_to_iso (day);

  g_signal_emit (self, signals[CHANGED], 0, iso);
}

static void
cf_diary_dispose (GObject *object)
{
  CfDiary *self = (CfDiary *) object;

  /* Before the connection can close */
  for (guint i = 0; i < G_N_ELEMENTS (self->write_stmt); i++)
    g_clear_pointer (&self->write_stmt[i], sqlite3_finalize);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cf_diary_parent_class)->dispose (object);
}

static void
cf_diary_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CfDiary *self = CF_DIARY (object);

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
cf_diary_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CfDiary *self = CF_DIARY (object);

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
cf_diary_class_init (CfDiaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_diary_dispose;
  object_class->get_property = cf_diary_get_property;
  object_class->set_property = cf_diary_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CF_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfDiary::changed:
   * @day: the day that changed, as YYYY-MM-DD, or %NULL for many days
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_diary_init (CfDiary *self)
{
}

CfDiary *
cf_diary_new (CfDatabase *database)
{
  g_return_val_if_fail (CF_IS_DATABASE (database), NULL);

  return g_object_new (CF_TYPE_DIARY,
                       "database", database,
                       NULL);
}

/**
 * cf_diary_get_database:
 *
 * Returns: (transfer none): the database
 */
CfDatabase *
cf_diary_get_database (CfDiary *self)
{
  g_return_val_if_fail (CF_IS_DIARY (self), NULL);

  return self->database;
}

/* The bounds of cf-limits.h, for every entry however it comes: typed,
 * logged from the command line, imported */
static gboolean
validate_entry (CfDiaryEntry  *entry,
                GError       **error)
{
  const char *id = cf_diary_entry_get_id (entry);
  const char *name = cf_diary_entry_get_food_name (entry);
  const char *description = cf_diary_entry_get_portion_description (entry);

  if (id == NULL || !g_uuid_string_is_valid (id) || !cf_id_is_canonical (id))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("“%s” is not a UUID in lower case"), id ? id : "");
      return FALSE;
    }

  /* Only an imported entry may lack a weight; its amounts are then
   * bounded by what the largest entry could hold (below) */
  if ((cf_diary_entry_has_weight (entry) || cf_diary_entry_get_origin (entry) == CF_ENTRY_ORIGIN_NONE) &&
      !cf_validate_grams (cf_diary_entry_get_grams (entry), error))
    return FALSE;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The entry has no food name"));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > CF_MAX_NAME_CHARS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The food name is longer than %d characters"), CF_MAX_NAME_CHARS);
      return FALSE;
    }

  if (description != NULL)
    {
      if (*description == '\0' || !g_utf8_validate (description, -1, NULL) ||
          g_utf8_strlen (description, -1) > CF_MAX_NAME_CHARS)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("The measure must be text of at most %d characters"), CF_MAX_NAME_CHARS);
          return FALSE;
        }

      if (!cf_validate_quantity (cf_diary_entry_get_portion_quantity (entry), error))
        return FALSE;
    }

  if (!cf_food_id_is_valid (cf_diary_entry_get_food_id (entry)))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("“%s” is not a food id"), cf_diary_entry_get_food_id (entry));
      return FALSE;
    }

  if (!g_date_valid (cf_diary_entry_get_day (entry)))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The entry has no valid date"));
      return FALSE;
    }

  if (!cf_diary_entry_has_weight (entry))
    return cf_nutrients_validate_amounts (_cf_diary_entry_get_stored_values (entry), CF_MAX_ENTRY_GRAMS, error);

  return cf_nutrients_validate (cf_diary_entry_get_nutrients_per_100g (entry), error);
}

/**
 * _cf_diary_write_entry:
 * @replace: whether to update an existing entry with the same id
 *   rather than fail
 *
 * Writes one entry inside the caller's transaction.  A new entry goes
 * last in its meal.
 */
gboolean
_cf_diary_write_entry (CfDiary       *self,
                       CfDiaryEntry  *entry,
                       gboolean       replace,
                       GError       **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  sqlite3_stmt *stmt = self->write_stmt[replace ? 1 : 0];
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_now_utc ();
  g_autofree char *day = NULL;
  GString *sql_builder;
  GString *placeholders;
  int rc;

  if (!validate_entry (entry, error))
    return FALSE;

  /* Prepared once: an import writes tens of thousands */
  if (stmt != NULL)
    goto bind;

  /* A new entry, or one moved to another meal or day, goes last in its
   * meal; otherwise it keeps its place.  Parameters are numbered: ?14 onwards are the nutrients, the last
   * one the position an entry brought back by undo takes again */
  placeholders = g_string_new (NULL);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_string_append_printf (placeholders, "%s?%u", i ? ", " : "", 14 + i);

  sql_builder = g_string_new (NULL);
  g_string_append_printf (sql_builder,
                          "INSERT INTO entry (id, day, meal, position, food_id, food_name, grams,"
                          "   portion_quantity, portion_description, created, modified, food_kind,"
                          "   origin, origin_amount, origin_meal, borrowed, assumed, %s)"
                          " VALUES (?1, ?2, ?3,"
                          "   COALESCE (NULLIF (?%u, 0),"
                          "     (SELECT COALESCE (MAX (position), 0) + 1 FROM entry WHERE day = ?2 AND meal = ?3)),"
                          "   ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?%u, ?%u, %s)",
                          _cf_nutrient_columns (), 14 + CF_N_NUTRIENTS,
                          15 + CF_N_NUTRIENTS, 16 + CF_N_NUTRIENTS, placeholders->str);
  g_string_free (placeholders, TRUE);

  if (replace)
    {
      g_string_append (sql_builder,
                       " ON CONFLICT (id) DO UPDATE SET"
                       " position = CASE WHEN entry.day = excluded.day AND entry.meal = excluded.meal"
                       "   THEN entry.position ELSE (SELECT COALESCE (MAX (e.position), 0) + 1 FROM entry e"
                       "     WHERE e.day = excluded.day AND e.meal = excluded.meal) END,"
                       " day = excluded.day, meal = excluded.meal,"
                       " food_id = excluded.food_id, food_name = excluded.food_name,"
                       " grams = excluded.grams, portion_quantity = excluded.portion_quantity,"
                       " portion_description = excluded.portion_description,"
                       " food_kind = excluded.food_kind,"
                       " origin = excluded.origin, origin_amount = excluded.origin_amount,"
                       " origin_meal = excluded.origin_meal,"
                       " borrowed = excluded.borrowed, assumed = excluded.assumed,"
                       " modified = excluded.modified");
      for (guint i = 0; i < CF_N_NUTRIENTS; i++)
        g_string_append_printf (sql_builder, ", %s = excluded.%s",
                                cf_nutrient_get_key (i), cf_nutrient_get_key (i));
    }
  else
    g_string_append (sql_builder, " ON CONFLICT (id) DO NOTHING");

  g_string_append (sql_builder, " RETURNING position");
  sql = g_string_free (sql_builder, FALSE);

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _cf_set_sqlite_error (error, db, sqlite3_errcode (db));
      return FALSE;
    }
  self->write_stmt[replace ? 1 : 0] = stmt;

bind:

  day = cf_day_to_iso (cf_diary_entry_get_day (entry));
  sqlite3_bind_text (stmt, 1, cf_diary_entry_get_id (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cf_meal_to_key (cf_diary_entry_get_meal (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cf_diary_entry_get_food_id (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cf_diary_entry_get_food_name (entry), -1, SQLITE_STATIC);
  if (cf_diary_entry_has_weight (entry))
    sqlite3_bind_double (stmt, 6, cf_diary_entry_get_grams (entry));
  if (cf_diary_entry_get_portion_description (entry) != NULL)
    {
      sqlite3_bind_double (stmt, 7, cf_diary_entry_get_portion_quantity (entry));
      sqlite3_bind_text (stmt, 8, cf_diary_entry_get_portion_description (entry), -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, cf_food_kind_to_key (cf_diary_entry_get_food_kind (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, cf_entry_origin_to_key (cf_diary_entry_get_origin (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, cf_diary_entry_get_origin_amount (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, cf_diary_entry_get_origin_meal (entry), -1, SQLITE_STATIC);
  _cf_bind_nutrients (stmt, 14, _cf_diary_entry_get_stored_values (entry));
  /* An entry brought back (undo) takes its old place */
  sqlite3_bind_int64 (stmt, 14 + CF_N_NUTRIENTS, cf_diary_entry_get_position (entry));
  sqlite3_bind_text (stmt, 15 + CF_N_NUTRIENTS, value_kinds_to_text (entry, CF_VALUE_BORROWED), -1, g_free);
  sqlite3_bind_text (stmt, 16 + CF_N_NUTRIENTS, value_kinds_to_text (entry, CF_VALUE_ASSUMED), -1, g_free);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _cf_diary_entry_set_position (entry, sqlite3_column_int64 (stmt, 0));
  else if (rc == SQLITE_DONE && !replace)
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                 _("The diary already has an entry with the id “%s”"), cf_diary_entry_get_id (entry));
  else
    _cf_set_sqlite_error (error, db, rc);

  /* Ready for the next entry, holding no pointer to this one's text */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW;
}

/**
 * cf_diary_add:
 *
 * Stores a new entry, last in its meal.  Re-adding a removed entry (to
 * undo a removal) brings it back with the same id, in its old place.
 */
gboolean
cf_diary_add (CfDiary       *self,
              CfDiaryEntry  *entry,
              GError       **error)
{
  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (entry), FALSE);

  if (!cf_database_begin (self->database, error))
    return FALSE;

  if (!_cf_diary_write_entry (self, entry, FALSE, error))
    {
      cf_database_rollback (self->database);
      return FALSE;
    }

  if (!cf_database_commit (self->database, error))
    return FALSE;

  emit_changed (self, cf_diary_entry_get_day (entry));

  return TRUE;
}

static gboolean
get_entry_day (CfDiary     *self,
               const char  *id,
               GDate       *day,
               GError     **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "SELECT day FROM entry WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("No diary entry with the id “%s”"), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return cf_day_parse ((const char *) sqlite3_column_text (stmt, 0), day, error);
}

/**
 * cf_diary_update:
 *
 * Saves a changed entry (amount, portion, meal or day).
 */
gboolean
cf_diary_update (CfDiary       *self,
                 CfDiaryEntry  *entry,
                 GError       **error)
{
  GDate old_day;

  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (entry), FALSE);

  if (!cf_database_begin (self->database, error))
    return FALSE;

  if (!get_entry_day (self, cf_diary_entry_get_id (entry), &old_day, error) ||
      !_cf_diary_write_entry (self, entry, TRUE, error))
    {
      cf_database_rollback (self->database);
      return FALSE;
    }

  if (!cf_database_commit (self->database, error))
    return FALSE;

  if (g_date_compare (&old_day, cf_diary_entry_get_day (entry)) != 0)
    emit_changed (self, &old_day);
  emit_changed (self, cf_diary_entry_get_day (entry));

  return TRUE;
}

/* Deletes an entry without telling anyone, inside the caller's
 * transaction; @day is set to its day */
static gboolean
delete_entry (CfDiary     *self,
              const char  *id,
              GDate       *day,
              GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!get_entry_day (self, id, day, error))
    return FALSE;

  db = _cf_database_get_handle (self->database);
  stmt = _cf_prepare (db, "DELETE FROM entry WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
cf_diary_remove (CfDiary     *self,
                 const char  *id,
                 GError     **error)
{
  GDate day;

  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!cf_database_begin (self->database, error))
    return FALSE;

  if (!delete_entry (self, id, &day, error))
    {
      cf_database_rollback (self->database);
      return FALSE;
    }

  /* With the day's totals */
  if (!cf_database_commit (self->database, error))
    return FALSE;

  emit_changed (self, &day);

  return TRUE;
}

static void
add_day (GArray      *days,
         const GDate *day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_date_compare (&g_array_index (days, GDate, i), day) == 0)
      return;

  g_array_append_val (days, *day);
}

/**
 * _cf_diary_restore:
 * @entries: (element-type CfDiaryEntry): entries to put back exactly as
 *   they are (same id, values and place), whether they are still in the
 *   diary (changed since) or not (removed since)
 * @remove_ids: (element-type utf8) (nullable): entries to take out
 *   (added since); one that is already gone is not an error
 *
 * Puts the diary back as it was before a change, in one transaction;
 * see #CfDiaryUndo.
 */
gboolean
_cf_diary_restore (CfDiary    *self,
                   GPtrArray  *entries,
                   GPtrArray  *remove_ids,
                   GError    **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));

  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!cf_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; remove_ids != NULL && i < remove_ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      GDate day;

      if (delete_entry (self, g_ptr_array_index (remove_ids, i), &day, &local_error))
        add_day (days, &day);
      else if (!g_error_matches (local_error, CF_ERROR, CF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          cf_database_rollback (self->database);
          return FALSE;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) local_error = NULL;
      GDate day;

      /* Out with the entry as it is now, in with it as it was: a write
       * in place would keep its new place in its meal */
      if (delete_entry (self, cf_diary_entry_get_id (entry), &day, &local_error))
        add_day (days, &day);
      else if (!g_error_matches (local_error, CF_ERROR, CF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          cf_database_rollback (self->database);
          return FALSE;
        }

      if (!_cf_diary_write_entry (self, entry, FALSE, error))
        {
          cf_database_rollback (self->database);
          return FALSE;
        }
      add_day (days, cf_diary_entry_get_day (entry));
    }

  if (!cf_database_commit (self->database, error))
    return FALSE;

  for (guint i = 0; i < days->len; i++)
    emit_changed (self, &g_array_index (days, GDate, i));

  return TRUE;
}

/**
 * cf_diary_get_entry:
 *
 * Returns: (transfer full): the entry, or %NULL with
 *   %CF_ERROR_NOT_FOUND
 */
CfDiaryEntry *
cf_diary_get_entry (CfDiary     *self,
                    const char  *id,
                    GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_DIARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  db = _cf_database_get_handle (self->database);
  sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS ", %s FROM entry WHERE id = ?", _cf_nutrient_columns ());
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("No diary entry with the id “%s”"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return entry_from_row (stmt);
}

/**
 * cf_diary_list_range:
 * @first: (nullable): the first day, or %NULL for the diary's start
 * @last: (nullable): the last day, included, or %NULL for its end
 *
 * Returns: (transfer container) (element-type CfDiaryEntry): the entries
 *   by day and meal, in the order they were logged
 */
GPtrArray *
cf_diary_list_range (CfDiary      *self,
                     const GDate  *first,
                     const GDate  *last,
                     GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_DIARY (self), NULL);
  g_return_val_if_fail (first == NULL || g_date_valid (first), NULL);
  g_return_val_if_fail (last == NULL || g_date_valid (last), NULL);

  db = _cf_database_get_handle (self->database);
  sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS ", %s FROM entry"
                         " WHERE day >= COALESCE (?1, '') AND day <= COALESCE (?2, '9999-99-99')"
                         " ORDER BY day, CASE meal WHEN 'breakfast' THEN 0 WHEN 'lunch' THEN 1"
                         "   WHEN 'dinner' THEN 2 WHEN 'snacks' THEN 3 ELSE 4 END, position, rowid",
                         _cf_nutrient_columns ());
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (first != NULL)
    sqlite3_bind_text (stmt, 1, (from = cf_day_to_iso (first)), -1, SQLITE_STATIC);
  if (last != NULL)
    sqlite3_bind_text (stmt, 2, (to = cf_day_to_iso (last)), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * cf_diary_list_day:
 *
 * Returns: (transfer container) (element-type CfDiaryEntry): the day's
 *   entries by meal, in the order they were logged
 */
GPtrArray *
cf_diary_list_day (CfDiary      *self,
                   const GDate  *day,
                   GError      **error)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return cf_diary_list_range (self, day, day, error);
}

/* SELECT list for totals: count, grams, then per nutrient its sum, the
 * grams that had a value and the entries that had one.  Kept per day in
 * day_total (see cf-database.c). */
const char *
_cf_diary_totals_select (void)
{
  static char *sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Coverage counts foods only: a supplement's weight is nominal
       * and it states only what it contains, so it neither dilutes nor
       * completes the data of the day's food.  An imported entry
       * without a weight (grams NULL) counts in the sums only. */
      GString *s = g_string_new ("count(*), COALESCE (SUM (CASE WHEN food_kind <> 'supplement' THEN grams END), 0)");

      for (guint i = 0; i < CF_N_NUTRIENTS; i++)
        {
          const char *k = cf_nutrient_get_key (i);
          g_autofree char *amount = _cf_entry_amount_sql (k);

          g_string_append_printf (s,
                                  ", COALESCE (SUM (%s), 0)"
                                  ", COALESCE (SUM (CASE WHEN %s IS NOT NULL AND food_kind <> 'supplement'"
                                  "   THEN grams END), 0)"
                                  ", count(%s)",
                                  amount, k, k);
        }

      sql = g_string_free (s, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return sql;
}

static void
read_totals (sqlite3_stmt     *stmt,
             int               first,
             CfNutrientTotals *totals)
{
  totals->n_entries = sqlite3_column_int (stmt, first);
  totals->grams = sqlite3_column_double (stmt, first + 1);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      totals->sum[i] = sqlite3_column_double (stmt, first + 2 + 3 * i);
      totals->known_grams[i] = sqlite3_column_double (stmt, first + 3 + 3 * i);
      totals->known_entries[i] = sqlite3_column_int (stmt, first + 4 + 3 * i);
    }
}

/**
 * cf_diary_get_totals:
 * @first: the first day
 * @last: the last day, included
 * @meal: a #CfMeal, or -1 for every meal
 *
 * Sums the entries of a day or a range.  A nutrient that no entry had a
 * value for reads as NaN from cf_nutrient_totals_get(), not zero.
 *
 * Returns: (transfer full): the totals
 */
CfNutrientTotals *
cf_diary_get_totals (CfDiary      *self,
                     const GDate  *first,
                     const GDate  *last,
                     int           meal,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_DIARY (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (meal >= -1 && meal < CF_N_MEALS, NULL);

  db = _cf_database_get_handle (self->database);
  if (meal >= 0)
    sql = g_strdup_printf ("SELECT %s FROM entry WHERE day BETWEEN ?1 AND ?2 AND meal = ?3",
                           _cf_diary_totals_select ());
  else
    {
      /* The whole days: their totals, kept per day */
      g_autofree char *columns = _cf_day_total_columns (CF_DAY_TOTAL_NUTRIENTS);
      g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
      GString *sums = g_string_new (NULL);

      for (guint i = 0; names[i] != NULL; i++)
        g_string_append_printf (sums, "%sCOALESCE (SUM (%s), 0)", i ? ", " : "", names[i]);
      sql = g_strdup_printf ("SELECT %s FROM day_total WHERE day BETWEEN ?1 AND ?2", sums->str);
      g_string_free (sums, TRUE);
    }
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  from = cf_day_to_iso (first);
  to = cf_day_to_iso (last);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (meal >= 0)
    sqlite3_bind_text (stmt, 3, cf_meal_to_key (meal), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  totals = cf_nutrient_totals_new ();
  read_totals (stmt, 0, totals);

  return g_steal_pointer (&totals);
}

/**
 * cf_diary_get_daily_totals:
 *
 * Returns: (transfer full) (element-type CfDayTotals): the totals of
 *   each day from @first to @last that has entries, in date order
 */
GArray *
cf_diary_get_daily_totals (CfDiary      *self,
                           const GDate  *first,
                           const GDate  *last,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CF_IS_DIARY (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  db = _cf_database_get_handle (self->database);
  columns = _cf_day_total_columns (CF_DAY_TOTAL_NUTRIENTS);
  sql = g_strdup_printf ("SELECT day, %s FROM day_total WHERE day BETWEEN ?1 AND ?2 ORDER BY day", columns);
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  from = cf_day_to_iso (first);
  to = cf_day_to_iso (last);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  days = g_array_new (FALSE, TRUE, sizeof (CfDayTotals));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfDayTotals day = { 0, };

      cf_day_parse ((const char *) sqlite3_column_text (stmt, 0), &day.day, NULL);
      read_totals (stmt, 1, &day.totals);
      g_array_append_val (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/**
 * cf_diary_count_entries:
 *
 * Returns: the number of entries in the whole diary
 */
guint
cf_diary_count_entries (CfDiary *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_DIARY (self), 0);

  stmt = _cf_prepare (_cf_database_get_handle (self->database), "SELECT count(*) FROM entry", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * cf_diary_copy:
 * @from: the day to copy from
 * @to: the day to copy to
 * @meal: a #CfMeal to copy one meal, or -1 for the whole day
 * @n_copied: (out) (optional): how many entries were copied
 * @copies: (out) (optional) (transfer container) (element-type CfDiaryEntry):
 *   the new entries
 *
 * Copies entries from one day to another, as new entries placed after
 * what @to already has, in one transaction.
 */
gboolean
cf_diary_copy (CfDiary      *self,
               const GDate  *from,
               const GDate  *to,
               int           meal,
               guint        *n_copied,
               GPtrArray   **copies,
               GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (meal >= -1 && meal < CF_N_MEALS, FALSE);

  entries = cf_diary_list_day (self, from, error);
  if (entries == NULL)
    return FALSE;

  if (!cf_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(CfDiaryEntry) copy = NULL;

      if (meal >= 0 && (int) cf_diary_entry_get_meal (entry) != meal)
        continue;

      copy = cf_diary_entry_copy (entry);
      cf_diary_entry_set_day (copy, to);
      if (!_cf_diary_write_entry (self, copy, FALSE, error))
        {
          cf_database_rollback (self->database);
          return FALSE;
        }
      g_ptr_array_add (made, g_steal_pointer (&copy));
      n++;
    }

  if (!cf_database_commit (self->database, error))
    return FALSE;

  if (n > 0)
    emit_changed (self, to);

  if (n_copied != NULL)
    *n_copied = n;
  if (copies != NULL)
    *copies = g_steal_pointer (&made);

  return TRUE;
}

/* Rebuilds a food from an entry row: enough to log it again even when
 * the food itself is gone. */
static CfFood *
food_from_entry_row (sqlite3_stmt *stmt)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  CfFoodSource source = CF_FOOD_SOURCE_CUSTOM;
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  CfNutrients per_100g;
  CfFood *food;

  if (g_str_has_prefix (id, "usda:"))
    source = CF_FOOD_SOURCE_USDA;
  else if (g_str_has_prefix (id, "k2:"))
    source = CF_FOOD_SOURCE_K2;

  cf_food_kind_from_key ((const char *) sqlite3_column_text (stmt, 2), &kind);
  _cf_read_nutrients (stmt, 3, &per_100g);

  food = _cf_food_new (id, source, (const char *) sqlite3_column_text (stmt, 1));
  cf_food_set_kind (food, kind);
  cf_food_set_nutrients (food, &per_100g);

  return food;
}

static GPtrArray *
list_logged_foods (CfDiary     *self,
                   const char  *order,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = _cf_database_get_handle (self->database);
  int rc;

  /* The latest entry of each food stands for it.  Imported entries
   * are not foods that can be logged again. */
  sql = g_strdup_printf ("SELECT e.food_id, e.food_name, e.food_kind, %s FROM entry e"
                         " JOIN (SELECT food_id, MAX (rowid) AS latest, count(*) AS uses,"
                         "         MAX (modified) AS last_used"
                         "       FROM entry WHERE origin IS NULL GROUP BY food_id) f ON e.rowid = f.latest"
                         " ORDER BY %s LIMIT ?",
                         _cf_nutrient_columns (), order);
  stmt = _cf_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (foods, food_from_entry_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&foods);
}

/**
 * cf_diary_list_recent_foods:
 * @limit: at most this many
 *
 * Returns: (transfer container) (element-type CfFood): the foods logged
 *   most recently, newest first, with the name and values they were last
 *   logged with (no portions: load the food for those)
 */
GPtrArray *
cf_diary_list_recent_foods (CfDiary  *self,
                            guint     limit,
                            GError  **error)
{
  g_return_val_if_fail (CF_IS_DIARY (self), NULL);

  return list_logged_foods (self, "f.last_used DESC, f.latest DESC", limit, error);
}

/**
 * cf_diary_list_frequent_foods:
 * @limit: at most this many
 *
 * Returns: (transfer container) (element-type CfFood): the foods logged
 *   most often, as cf_diary_list_recent_foods() describes them
 */
GPtrArray *
cf_diary_list_frequent_foods (CfDiary  *self,
                              guint     limit,
                              GError  **error)
{
  g_return_val_if_fail (CF_IS_DIARY (self), NULL);

  return list_logged_foods (self, "f.uses DESC, f.last_used DESC", limit, error);
}

/* What makes two entries the same thing eaten: meal, food and amount
 * (the day is the caller's) */
static char *
content_key (CfMeal      meal,
             const char *food_id,
             double      grams,
             double      quantity,
             const char *description,
             const char *origin_amount)
{
  /* Nine digits: a weight that went through an export and back */
  return g_strdup_printf ("%d\x1f%s\x1f%.9g\x1f%.9g\x1f%s\x1f%s", meal, food_id,
                          isnan (grams) ? -1 : grams, isnan (quantity) ? -1 : quantity,
                          description ? description : "", origin_amount ? origin_amount : "");
}

static char *
entry_content_key (CfDiaryEntry *entry)
{
  return content_key (cf_diary_entry_get_meal (entry), cf_diary_entry_get_food_id (entry),
                      cf_diary_entry_has_weight (entry) ? cf_diary_entry_get_grams (entry) : NAN,
                      cf_diary_entry_get_portion_description (entry) ? cf_diary_entry_get_portion_quantity (entry) : NAN,
                      cf_diary_entry_get_portion_description (entry),
                      cf_diary_entry_get_origin_amount (entry));
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

/**
 * _cf_diary_find_present:
 * @entries: (element-type CfDiaryEntry): entries to import
 * @presence: (out caller-allocates) (array): one #CfEntryPresence for
 *   each of @entries
 *
 * Tells which of @entries the diary has already: an entry with the
 * same id, or else one of the same day, meal, food and amount under
 * another id (an export of a diary whose entries were made again, such
 * as the demo's).  Like is matched with like one to one: two cups of
 * coffee in the file and one in the diary are one present and one new,
 * and a diary entry that an entry of @entries has by id stands for no
 * other.  One query per day of @entries.
 */
static gboolean find_present (CfDiary    *self,
                              GPtrArray  *entries,
                              guint8     *presence,
                              GError    **error);

gboolean
_cf_diary_find_present (CfDiary    *self,
                        GPtrArray  *entries,
                        guint8     *presence,
                        GError    **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  gboolean ok;

  /* One read transaction for all the queries, not one each */
  if (!sqlite3_get_autocommit (db))
    return find_present (self, entries, presence, error);

  if (!_cf_exec (db, "BEGIN", error))
    return FALSE;
  ok = find_present (self, entries, presence, error);
  if (!_cf_exec (db, ok ? "COMMIT" : "ROLLBACK", ok ? error : NULL))
    return FALSE;

  return ok;
}

static gboolean
find_present (CfDiary    *self,
              GPtrArray  *entries,
              guint8     *presence,
              GError    **error)
{
  sqlite3 *db = _cf_database_get_handle (self->database);
  g_autoptr(sqlite3_stmt) by_id = NULL;
  g_autoptr(sqlite3_stmt) by_day = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CF_IS_DIARY (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (presence != NULL || entries->len == 0, FALSE);

  by_id = _cf_prepare (db, "SELECT 1 FROM entry WHERE id = ?", error);
  by_day = _cf_prepare (db, "SELECT id, meal, food_id, grams, portion_quantity, portion_description, origin_amount"
                            " FROM entry WHERE day = ?", error);
  if (by_id == NULL || by_day == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      int rc;

      g_hash_table_add (ids, (gpointer) cf_diary_entry_get_id (entry));

      sqlite3_reset (by_id);
      sqlite3_bind_text (by_id, 1, cf_diary_entry_get_id (entry), -1, SQLITE_STATIC);
      rc = sqlite3_step (by_id);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }

      presence[i] = rc == SQLITE_ROW ? CF_ENTRY_SAME_ID : CF_ENTRY_NEW;
      if (presence[i] == CF_ENTRY_NEW)
        {
          char *day = cf_day_to_iso (cf_diary_entry_get_day (entry));
          GArray *indices = g_hash_table_lookup (days, day);

          if (indices == NULL)
            {
              indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (days, day, indices);
            }
          else
            g_free (day);
          g_array_append_val (indices, i);
        }
    }

  /* The entries new by id, day by day, against the diary's entries of
   * that day that none of @entries has by id */
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *indices = value;
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      int rc;

      sqlite3_reset (by_day);
      sqlite3_bind_text (by_day, 1, key, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (by_day)) == SQLITE_ROW)
        {
          const char *meal_key = (const char *) sqlite3_column_text (by_day, 1);
          CfMeal meal;
          char *content;

          if (g_hash_table_contains (ids, sqlite3_column_text (by_day, 0)) ||
              !cf_meal_from_key (meal_key, &meal))
            continue;

          content = content_key (meal, (const char *) sqlite3_column_text (by_day, 2),
                                 column_double (by_day, 3), column_double (by_day, 4),
                                 (const char *) sqlite3_column_text (by_day, 5),
                                 (const char *) sqlite3_column_text (by_day, 6));
          g_hash_table_insert (counts, content,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, content)) + 1));
        }

      if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }

      for (guint j = 0; j < indices->len && g_hash_table_size (counts) > 0; j++)
        {
          guint i = g_array_index (indices, guint, j);
          g_autofree char *content = entry_content_key (g_ptr_array_index (entries, i));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, content));

          if (n > 0)
            {
              presence[i] = CF_ENTRY_SAME_CONTENT;
              g_hash_table_insert (counts, g_strdup (content), GUINT_TO_POINTER (n - 1));
            }
        }
    }

  return TRUE;
}
