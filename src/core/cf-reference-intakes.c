/* cf-reference-intakes.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-reference-intakes"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-csv.h"
#include "cf-reference-intakes.h"
#include "cf-reference-intakes-resources.h"

/* The three tables are copies of the shared reference intake files,
 * byte for byte (tests/test-targets.c checks it), compiled into the
 * core so that neither the command-line tool nor the tests need
 * installed files.  See data/reference-intakes/README.md. */
#define RESOURCE_PATH "/io/github/cofactor/Cofactor/reference-intakes/"

static const char *columns[] = {
  "body", "nutrient", "unit", "life_stage", "sex", "age_min_years", "age_max_years",
  "condition", "value_type", "value", "ul", "ul_note", "source_url",
};

enum {
  COL_BODY, COL_NUTRIENT, COL_UNIT, COL_LIFE_STAGE, COL_SEX, COL_AGE_MIN, COL_AGE_MAX,
  COL_CONDITION, COL_VALUE_TYPE, COL_VALUE, COL_UL, COL_UL_NOTE, COL_SOURCE_URL,
  N_COLUMNS
};

static const struct {
  const char *key;
  const char *file;
  const char *name;
  const char *short_name;
} sets[CF_N_REFERENCE_SETS] = {
  [CF_REFERENCE_SET_NASEM] =
    { "nasem", "nasem-dri.csv",
      N_("US/Canada Dietary Reference Intakes (NASEM)"),
      /* Translators: short name of the US National Academies of
       * Sciences, Engineering, and Medicine; usually left as is */
      N_("NASEM") },
  [CF_REFERENCE_SET_EFSA] =
    { "efsa", "efsa-drv.csv",
      N_("European Food Safety Authority reference values (EFSA)"),
      /* Translators: short name of the European Food Safety Authority */
      N_("EFSA") },
  [CF_REFERENCE_SET_DACH] =
    { "dach", "dach.csv",
      N_("Germany, Austria and Switzerland reference values (D-A-CH)"),
      /* Translators: short name of the German, Austrian and Swiss
       * nutrition societies' joint reference values */
      N_("D-A-CH") },
};

const char *
cf_reference_set_to_key (CfReferenceSet set)
{
  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  return sets[set].key;
}

gboolean
cf_reference_set_from_key (const char     *key,
                           CfReferenceSet *set)
{
  g_return_val_if_fail (set != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < CF_N_REFERENCE_SETS; i++)
    {
      if (g_ascii_strcasecmp (key, sets[i].key) == 0)
        {
          *set = (CfReferenceSet) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_reference_set_get_name:
 *
 * Returns: (transfer none): the translated full name of the reference
 *   set
 */
const char *
cf_reference_set_get_name (CfReferenceSet set)
{
  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, sets[set].name);
}

const char *
cf_reference_set_get_short_name (CfReferenceSet set)
{
  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, sets[set].short_name);
}

/**
 * cf_reference_set_get_file_name:
 *
 * Returns: (transfer none): the table's file name in
 *   data/reference-intakes/, e.g. "nasem-dri.csv"
 */
const char *
cf_reference_set_get_file_name (CfReferenceSet set)
{
  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  return sets[set].file;
}

/**
 * cf_reference_intakes_get_csv:
 *
 * Returns: (transfer full): the table as it is compiled into the
 *   program, byte for byte the file in data/reference-intakes/
 */
GBytes *
cf_reference_intakes_get_csv (CfReferenceSet set)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  /* Looked up in our own resource (not the global ones) so that the
   * linker keeps it even though the core is a static library. */
  path = g_strconcat (RESOURCE_PATH, sets[set].file, NULL);
  bytes = g_resource_lookup_data (cf_reference_intakes_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_critical ("The reference intake table %s is missing: %s", path, error->message);

  return bytes;
}

void
cf_reference_row_free (CfReferenceRow *row)
{
  if (row == NULL)
    return;

  g_free (row->body);
  g_free (row->nutrient);
  g_free (row->unit);
  g_free (row->life_stage);
  g_free (row->sex);
  g_free (row->condition);
  g_free (row->value_type);
  g_free (row->ul_note);
  g_free (row->source_url);
  g_free (row);
}

static gboolean
parse_number (const char  *text,
              guint        line,
              const char  *column,
              double      *value,
              GError     **error)
{
  char *end = NULL;

  if (*text == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("Line %u: “%s” in the column %s is not a number"), line, text, column);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_reference_intakes_parse:
 *
 * Reads a reference intake table in the format of
 * data/reference-intakes/README.md.
 *
 * Returns: (transfer full) (element-type CfReferenceRow): the rows, or
 *   %NULL with @error set
 */
GPtrArray *
cf_reference_intakes_parse (CfReferenceSet   set,
                            const char      *text,
                            gsize            length,
                            GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  records = cf_csv_parse (text, length, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0 || ((CfCsvRow *) g_ptr_array_index (records, 0))->n_fields != N_COLUMNS)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The table has the wrong columns"));
      return NULL;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      char **header = ((CfCsvRow *) g_ptr_array_index (records, 0))->fields;

      if (strcmp (header[c], columns[c]) != 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("The table’s column %u is “%s”, expected “%s”"), c + 1, header[c], columns[c]);
          return NULL;
        }
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_reference_row_free);
  for (guint i = 1; i < records->len; i++)
    {
      CfCsvRow *record = g_ptr_array_index (records, i);
      char **f = record->fields;
      guint line = record->line;
      g_autoptr(CfReferenceRow) row = NULL;

      if (record->n_fields != N_COLUMNS)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Line %u has %u fields instead of %u"), line, record->n_fields, N_COLUMNS);
          return NULL;
        }

      row = g_new0 (CfReferenceRow, 1);
      row->set = set;
      row->line = line;
      row->body = g_strdup (f[COL_BODY]);
      row->nutrient = g_strdup (f[COL_NUTRIENT]);
      row->unit = g_strdup (f[COL_UNIT]);
      row->life_stage = g_strdup (f[COL_LIFE_STAGE]);
      row->sex = g_strdup (f[COL_SEX]);
      row->condition = g_strdup (f[COL_CONDITION]);
      row->value_type = g_strdup (f[COL_VALUE_TYPE]);
      row->ul_note = g_strdup (f[COL_UL_NOTE]);
      row->source_url = g_strdup (f[COL_SOURCE_URL]);

      if (!parse_number (f[COL_AGE_MIN], line, columns[COL_AGE_MIN], &row->age_min, error) ||
          !parse_number (f[COL_AGE_MAX], line, columns[COL_AGE_MAX], &row->age_max, error) ||
          !parse_number (f[COL_VALUE], line, columns[COL_VALUE], &row->value, error) ||
          !parse_number (f[COL_UL], line, columns[COL_UL], &row->ul, error))
        return NULL;

      if (g_strcmp0 (row->sex, "male") != 0 && g_strcmp0 (row->sex, "female") != 0 &&
          g_strcmp0 (row->sex, "both") != 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Line %u: unknown sex “%s”"), line, row->sex);
          return NULL;
        }

      if (g_strcmp0 (row->condition, "none") != 0 && g_strcmp0 (row->condition, "pregnancy") != 0 &&
          g_strcmp0 (row->condition, "lactation") != 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Line %u: unknown condition “%s”"), line, row->condition);
          return NULL;
        }

      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  return g_steal_pointer (&rows);
}

/**
 * cf_reference_intakes_get_rows:
 *
 * The rows of a table, read once from the compiled-in copy.
 *
 * Returns: (transfer none) (element-type CfReferenceRow): the rows
 */
GPtrArray *
cf_reference_intakes_get_rows (CfReferenceSet set)
{
  static GPtrArray *tables[CF_N_REFERENCE_SETS];
  static gsize initialized;

  g_return_val_if_fail (set < CF_N_REFERENCE_SETS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < CF_N_REFERENCE_SETS; s++)
        {
          g_autoptr(GBytes) bytes = cf_reference_intakes_get_csv (s);
          g_autoptr(GError) error = NULL;
          gsize length = 0;
          const char *data = bytes ? g_bytes_get_data (bytes, &length) : "";

          tables[s] = cf_reference_intakes_parse (s, data, length, &error);
          if (tables[s] == NULL)
            {
              g_critical ("Could not read the reference intake table %s: %s", sets[s].file, error->message);
              tables[s] = g_ptr_array_new ();
            }
        }

      g_once_init_leave (&initialized, 1);
    }

  return tables[set];
}
