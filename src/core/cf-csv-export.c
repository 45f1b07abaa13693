/* cf-csv-export.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-csv-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-csv-export.h"
#include "cf-csv.h"
#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-error.h"

/* The diary as spreadsheets read it: UTF-8, RFC 4180 (commas, CRLF,
 * quotes where needed), numbers with a decimal point whatever the
 * locale, an empty field for "no value" (never 0).  Column titles are
 * stable identifiers, not translated: the catalog key and its unit
 * ("calcium_mg"). */

/* Decimals written beyond the precision a nutrient is shown with, so
 * that sums of many entries lose nothing that matters */
#define EXTRA_DECIMALS 3

static const char *unit_suffixes[] = {
  [CF_UNIT_KCAL] = "kcal",
  [CF_UNIT_G] = "g",
  [CF_UNIT_MG] = "mg",
  [CF_UNIT_UG] = "ug",
};

gboolean
cf_csv_table_from_key (const char *key,
                       CfCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if (g_strcmp0 (key, "days") == 0)
    *table = CF_CSV_TABLE_DAYS;
  else if (g_strcmp0 (key, "entries") == 0)
    *table = CF_CSV_TABLE_ENTRIES;
  else
    return FALSE;

  return TRUE;
}

static char *
nutrient_title (CfNutrient nutrient)
{
  return g_strdup_printf ("%s_%s", cf_nutrient_get_key (nutrient),
                          unit_suffixes[cf_nutrient_get_unit (nutrient)]);
}

static char *
format_amount (CfNutrient nutrient,
               double     value)
{
  return cf_csv_format_number (value, cf_nutrient_get_decimals (nutrient) + EXTRA_DECIMALS);
}

static void
append_row (GString   *out,
            GPtrArray *fields)
{
  cf_csv_append_row (out, (const char * const *) fields->pdata, fields->len);
  g_ptr_array_set_size (fields, 0);
}

static gboolean
get_range (sqlite3  *db,
           GDate    *first,
           GDate    *last,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "SELECT MIN (day), MAX (day) FROM entry", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return TRUE;

  cf_day_parse ((const char *) sqlite3_column_text (stmt, 0), first, NULL);
  cf_day_parse ((const char *) sqlite3_column_text (stmt, 1), last, NULL);
  return TRUE;
}

static gboolean
write_days (CfContext  *context,
            GString    *out,
            GError    **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  g_ptr_array_add (fields, g_strdup ("date"));
  g_ptr_array_add (fields, g_strdup ("entries"));
  /* The weight coverage is measured by: entries without a weight
   * (imported) and supplements add to the sums only */
  g_ptr_array_add (fields, g_strdup ("weighed_food_g"));
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      g_ptr_array_add (fields, nutrient_title (n));
      g_ptr_array_add (fields, g_strdup_printf ("%s_coverage", cf_nutrient_get_key (n)));
    }
  append_row (out, fields);

  if (!get_range (_cf_database_get_handle (cf_context_get_database (context)), &first, &last, error))
    return FALSE;
  if (!g_date_valid (&first))
    return TRUE;

  days = cf_diary_get_daily_totals (cf_context_get_diary (context), &first, &last, error);
  if (days == NULL)
    return FALSE;

  for (guint d = 0; d < days->len; d++)
    {
      const CfDayTotals *day = &g_array_index (days, CfDayTotals, d);

      g_ptr_array_add (fields, cf_day_to_iso (&day->day));
      g_ptr_array_add (fields, g_strdup_printf ("%u", day->totals.n_entries));
      g_ptr_array_add (fields, cf_csv_format_number (day->totals.grams, 3));
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          g_ptr_array_add (fields, format_amount (n, cf_nutrient_totals_get (&day->totals, n)));
          g_ptr_array_add (fields, cf_csv_format_number (cf_nutrient_totals_get_coverage (&day->totals, n), 4));
        }
      append_row (out, fields);
    }

  return TRUE;
}

static gboolean
write_entries (CfContext  *context,
               GString    *out,
               GError    **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  static const char *titles[] = {
    "id", "date", "meal", "food_id", "food_name", "food_kind", "grams", "portion_quantity", "portion",
    "origin", "origin_amount", "origin_meal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_ptr_array_add (fields, g_strdup (titles[i]));
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    g_ptr_array_add (fields, nutrient_title (n));
  append_row (out, fields);

  entries = cf_diary_list_range (cf_context_get_diary (context), NULL, NULL, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      gboolean portion = cf_diary_entry_get_portion_description (entry) != NULL;
      CfNutrients amounts;

      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_id (entry)));
      g_ptr_array_add (fields, cf_day_to_iso (cf_diary_entry_get_day (entry)));
      g_ptr_array_add (fields, g_strdup (cf_meal_to_key (cf_diary_entry_get_meal (entry))));
      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_food_id (entry)));
      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_food_name (entry)));
      g_ptr_array_add (fields, g_strdup (cf_food_kind_to_key (cf_diary_entry_get_food_kind (entry))));
      g_ptr_array_add (fields, cf_csv_format_number (cf_diary_entry_get_grams (entry), 3));
      g_ptr_array_add (fields, portion ? cf_csv_format_number (cf_diary_entry_get_portion_quantity (entry), 3) : NULL);
      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_portion_description (entry)));
      g_ptr_array_add (fields, g_strdup (cf_entry_origin_to_key (cf_diary_entry_get_origin (entry))));
      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_origin_amount (entry)));
      g_ptr_array_add (fields, g_strdup (cf_diary_entry_get_origin_meal (entry)));

      cf_diary_entry_get_amounts (entry, &amounts);
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        g_ptr_array_add (fields, format_amount (n, cf_nutrients_get (&amounts, n)));
      append_row (out, fields);
    }

  return TRUE;
}

/**
 * cf_csv_export_to_data:
 * @table: which table
 *
 * Returns: (transfer full): the table as CSV, or %NULL with @error set
 */
char *
cf_csv_export_to_data (CfContext   *context,
                       CfCsvTable   table,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  CfDatabase *database;
  gboolean ok;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (table == CF_CSV_TABLE_DAYS || table == CF_CSV_TABLE_ENTRIES, NULL);

  /* Read everything in one snapshot */
  database = cf_context_get_database (context);
  if (!_cf_exec (_cf_database_get_handle (database), "BEGIN", error))
    return NULL;

  ok = table == CF_CSV_TABLE_DAYS ? write_days (context, out, error) : write_entries (context, out, error);
  cf_database_rollback (database);

  if (!ok)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cf_csv_export_to_file:
 *
 * Writes the table to @file, replacing it only once all of it is
 * written.
 */
gboolean
cf_csv_export_to_file (CfContext   *context,
                       CfCsvTable   table,
                       GFile       *file,
                       GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cf_csv_export_to_data (context, table, error);
  if (data == NULL)
    return FALSE;

  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
