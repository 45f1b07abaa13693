/* cf-tracker-import.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-tracker-import"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-csv.h"
#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-diary-entry-private.h"
#include "cf-error.h"
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-tracker-import-private.h"

/**
 * CfImportPlan:
 *
 * What importing a file would do, worked out before anything is
 * written: the file's format (told by its content, not its name), the
 * entries it holds, the days they fall on, the nutrients found and the
 * columns left out.  cf_import_plan_apply() then writes it all in one
 * transaction, or nothing.
 *
 * Other trackers' exports become entries that carry their own values
 * and origin; nothing is guessed:
 *
 * - a blank cell is "no value", never zero;
 * - a value is converted only by definition: mg, µg and g into each
 *   other, kJ into kcal (÷ 4.184), vitamin D IU into µg (÷ 40); any
 *   other unit refuses the file;
 * - Cronometer's "Vitamin K" says nothing of the form, so it becomes
 *   vitamin K of unstated form, which counts toward total vitamin K
 *   only;
 * - MyFitnessPal's vitamin and mineral columns other than sodium and
 *   potassium are shares of a daily value the file does not state, so
 *   they are left out (and the preview says so);
 * - an amount that is not a weight ("1.00 medium", "8.00 fl oz", a
 *   meal's total) is kept as written, without a weight;
 * - groups other than Breakfast, Lunch, Dinner and Snacks go to Snacks
 *   and keep their name;
 * - day/month order is taken from the file only when one of its dates
 *   settles it.
 *
 * Each entry's id is derived from the row's content (a name-based
 * UUID), so importing the same file again adds nothing.
 */
struct _CfImportPlan
{
  GObject         parent_instance;

  CfContext      *context;
  CfImportFormat  format;

  /* Cofactor's own format: what the checked file holds */
  CfImportContents *contents;
  CfImportCounts  counts;

  /* Other trackers */
  GPtrArray      *entries;
  GHashTable     *days;           /* ISO day → NULL */
  guint           n_new;
  guint           n_busy_days;    /* days with other entries already */
  GDate           first;
  GDate           last;
  gboolean        found[CF_N_NUTRIENTS];
  GPtrArray      *ignored;
  GPtrArray      *left_out;
  GPtrArray      *other_meals;
  guint           n_without_weight;
  char           *example_amount;
  gboolean        vitamin_d_iu;
  gboolean        energy_kj;
};

G_DEFINE_FINAL_TYPE (CfImportPlan, cf_import_plan, G_TYPE_OBJECT)

/* The namespace of the name-based UUIDs of imported entries */
static const guint8 entry_namespace[16] = {
  0x24, 0x7e, 0xe9, 0x25, 0xb3, 0x93, 0x42, 0x53,
  0xa1, 0x38, 0xb3, 0x89, 0xc6, 0x29, 0xb3, 0xeb,
};

#define KJ_PER_KCAL 4.184

typedef enum
{
  COLUMN_IGNORED,
  COLUMN_DATE,
  COLUMN_GROUP,
  COLUMN_NAME,
  COLUMN_AMOUNT,
  COLUMN_NUTRIENT,
  COLUMN_LEFT_OUT,
} ColumnKind;

typedef struct
{
  ColumnKind  kind;
  CfNutrient  nutrient;
  double      factor;     /* to the catalog unit */
} Column;

/* Nutrient columns by name, without the unit in parentheses.  The unit
 * is read from the header; @unit is MyFitnessPal's, whose header leaves
 * some out. */
typedef struct
{
  const char *name;
  int         nutrient;   /* a CfNutrient, or -1 for none */
  const char *unit;
} NutrientColumn;

static const NutrientColumn cronometer_columns[] = {
  { "Energy", CF_NUTRIENT_ENERGY, NULL },
  { "Protein", CF_NUTRIENT_PROTEIN, NULL },
  { "Fat", CF_NUTRIENT_FAT, NULL },
  { "Carbs", CF_NUTRIENT_CARBOHYDRATE, NULL },
  { "Fiber", CF_NUTRIENT_FIBER, NULL },
  { "Sodium", CF_NUTRIENT_SODIUM, NULL },
  { "Calcium", CF_NUTRIENT_CALCIUM, NULL },
  { "Magnesium", CF_NUTRIENT_MAGNESIUM, NULL },
  { "Phosphorus", CF_NUTRIENT_PHOSPHORUS, NULL },
  { "Potassium", CF_NUTRIENT_POTASSIUM, NULL },
  { "Vitamin C", CF_NUTRIENT_VITAMIN_C, NULL },
  { "Vitamin D", CF_NUTRIENT_VITAMIN_D, NULL },
  /* Total vitamin K, form not stated: never K1 or K2 */
  { "Vitamin K", CF_NUTRIENT_VITAMIN_K_UNSTATED, NULL },
  { "ALA", CF_NUTRIENT_ALA, NULL },
  { "EPA", CF_NUTRIENT_EPA, NULL },
  { "DPA", CF_NUTRIENT_DPA, NULL },
  { "DHA", CF_NUTRIENT_DHA, NULL },
};

static const NutrientColumn myfitnesspal_columns[] = {
  { "Calories", CF_NUTRIENT_ENERGY, "kcal" },
  { "Fat", CF_NUTRIENT_FAT, "g" },
  { "Carbohydrates", CF_NUTRIENT_CARBOHYDRATE, "g" },
  { "Protein", CF_NUTRIENT_PROTEIN, "g" },
  { "Fiber", CF_NUTRIENT_FIBER, "g" },
  { "Sodium", CF_NUTRIENT_SODIUM, "mg" },
  { "Potassium", CF_NUTRIENT_POTASSIUM, "mg" },
};

/* MyFitnessPal's shares of a daily value: not converted.  With a mass
 * unit in the header they would be amounts, and are read as such. */
static const NutrientColumn myfitnesspal_percent_columns[] = {
  { "Vitamin A", -1, NULL },
  { "Vitamin C", CF_NUTRIENT_VITAMIN_C, NULL },
  { "Calcium", CF_NUTRIENT_CALCIUM, NULL },
  { "Iron", -1, NULL },
};

static void
cf_import_plan_finalize (GObject *object)
{
  CfImportPlan *self = (CfImportPlan *) object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->contents, _cf_import_contents_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  g_clear_pointer (&self->other_meals, g_ptr_array_unref);
  g_free (self->example_amount);

  G_OBJECT_CLASS (cf_import_plan_parent_class)->finalize (object);
}

static void
cf_import_plan_class_init (CfImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_import_plan_finalize;
}

static void
cf_import_plan_init (CfImportPlan *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_ptr_array_new_with_free_func (g_free);
  self->left_out = g_ptr_array_new_with_free_func (g_free);
  self->other_meals = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->ignored, NULL);
  g_ptr_array_add (self->left_out, NULL);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
}

/* Appends to a NULL-terminated array */
static void
strv_array_add (GPtrArray  *array,
                const char *text)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (text));
}

/**
 * cf_import_format_get_name:
 *
 * Returns: (transfer none): the translated name of @format, e.g.
 *   "Cronometer servings export"
 */
const char *
cf_import_format_get_name (CfImportFormat format)
{
  switch (format)
    {
    case CF_IMPORT_FORMAT_COFACTOR:
      return _("Cofactor export");
    case CF_IMPORT_FORMAT_CRONOMETER_SERVINGS:
      return _("Cronometer servings export");
    case CF_IMPORT_FORMAT_CRONOMETER_DAILY:
      return _("Cronometer daily nutrition export");
    case CF_IMPORT_FORMAT_MYFITNESSPAL:
      return _("MyFitnessPal nutrition summary");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---------------------------------------------------------------------- */
/* Errors name the line and, where there is one, the column */

G_GNUC_PRINTF (4, 5)
static void
set_row_error (GError     **error,
               guint        line,
               const char  *column,
               const char  *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column != NULL)
    /* Translators: an import error: the line of the file, the column's
     * title as the file gives it, then the problem */
    g_set_error (error, CF_ERROR, CF_ERROR_IMPORT, _("Line %u, column “%s”: %s"), line, column, message);
  else
    /* Translators: an import error: the line of the file, then the
     * problem */
    g_set_error (error, CF_ERROR, CF_ERROR_IMPORT, _("Line %u: %s"), line, message);
}

/* ---------------------------------------------------------------------- */
/* Header */

/* "Calcium (mg)" → "Calcium", "mg"; "Potassium" → "Potassium", NULL */
static void
split_title (const char  *title,
             char       **name,
             char       **unit)
{
  g_autofree char *copy = g_strstrip (g_strdup (title));
  size_t len = strlen (copy);
  char *open;

  *unit = NULL;
  if (len > 0 && copy[len - 1] == ')' && (open = strrchr (copy, '(')) != NULL)
    {
      *unit = g_strstrip (g_strndup (open + 1, copy + len - 1 - (open + 1)));
      *open = '\0';
    }

  *name = g_strdup (g_strstrip (copy));
}

static gboolean
name_is (const char *a,
         const char *b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

/* The factor from @unit to the catalog unit of @nutrient, where one is
 * fixed by definition */
static gboolean
unit_factor (CfNutrient  nutrient,
             const char *unit,
             double     *factor,
             gboolean   *from_iu,
             gboolean   *from_kj)
{
  CfUnit to = cf_nutrient_get_unit (nutrient);
  CfUnit from;

  if (to == CF_UNIT_KCAL)
    {
      if (name_is (unit, "kcal"))
        *factor = 1;
      else if (name_is (unit, "kJ"))
        {
          *factor = 1 / KJ_PER_KCAL;
          *from_kj = TRUE;
        }
      else
        return FALSE;
      return TRUE;
    }

  if (nutrient == CF_NUTRIENT_VITAMIN_D && name_is (unit, "IU"))
    {
      *factor = 1 / CF_VITAMIN_D_IU_PER_UG;
      *from_iu = TRUE;
      return TRUE;
    }

  if (name_is (unit, "g"))
    from = CF_UNIT_G;
  else if (name_is (unit, "mg"))
    from = CF_UNIT_MG;
  /* The micro sign or the Greek letter mu, as files write either */
  else if (strcmp (unit, "\u03bcg") == 0 || name_is (unit, "mcg") || name_is (unit, "ug"))
    from = CF_UNIT_UG;
  else if (!cf_unit_from_symbol (unit, &from) || from == CF_UNIT_KCAL)
    return FALSE;

  *factor = cf_unit_convert (1, from, to);
  return TRUE;
}

static const NutrientColumn *
find_column (const NutrientColumn *table,
             guint                 n,
             const char           *name)
{
  for (guint i = 0; i < n; i++)
    if (name_is (table[i].name, name))
      return &table[i];

  return NULL;
}

static gboolean
read_header (CfImportPlan  *self,
             CfCsvRow      *header,
             Column        *columns,
             GError       **error)
{
  gboolean seen[CF_N_NUTRIENTS] = { FALSE, };
  gboolean cronometer = self->format != CF_IMPORT_FORMAT_MYFITNESSPAL;

  for (guint i = 0; i < header->n_fields; i++)
    {
      const char *title = header->fields[i];
      g_autofree char *name = NULL;
      g_autofree char *unit = NULL;
      const NutrientColumn *known;
      Column *column = &columns[i];

      column->kind = COLUMN_IGNORED;
      split_title (title, &name, &unit);

      if (i == 0)
        column->kind = COLUMN_DATE;
      else if (self->format == CF_IMPORT_FORMAT_CRONOMETER_SERVINGS && name_is (name, "Group"))
        column->kind = COLUMN_GROUP;
      else if (self->format == CF_IMPORT_FORMAT_MYFITNESSPAL && name_is (name, "Meal"))
        column->kind = COLUMN_GROUP;
      else if (self->format == CF_IMPORT_FORMAT_CRONOMETER_SERVINGS && name_is (name, "Food Name"))
        column->kind = COLUMN_NAME;
      else if (self->format == CF_IMPORT_FORMAT_CRONOMETER_SERVINGS && name_is (name, "Amount"))
        column->kind = COLUMN_AMOUNT;
      else if ((known = cronometer ? find_column (cronometer_columns, G_N_ELEMENTS (cronometer_columns), name)
                                   : find_column (myfitnesspal_columns, G_N_ELEMENTS (myfitnesspal_columns), name)))
        {
          const char *u = unit != NULL ? unit : known->unit;

          if (u == NULL || *u == '\0')
            {
              set_row_error (error, header->line, title, _("the column does not say its unit"));
              return FALSE;
            }
          if (!unit_factor (known->nutrient, u, &column->factor, &self->vitamin_d_iu, &self->energy_kj))
            {
              set_row_error (error, header->line, title,
                             /* Translators: the first %s is a unit as the
                              * file writes it, the second a nutrient */
                             _("“%s” is not a unit Cofactor can convert for %s"),
                             u, cf_nutrient_get_name (known->nutrient));
              return FALSE;
            }
          column->kind = COLUMN_NUTRIENT;
          column->nutrient = known->nutrient;
        }
      else if (!cronometer &&
               (known = find_column (myfitnesspal_percent_columns, G_N_ELEMENTS (myfitnesspal_percent_columns), name)))
        {
          double factor;
          gboolean iu = FALSE, kj = FALSE;

          /* A share of an unstated daily value is not converted; an
           * amount in a mass unit would be an amount */
          if (known->nutrient >= 0 && unit != NULL && strcmp (unit, "%") != 0 &&
              unit_factor (known->nutrient, unit, &factor, &iu, &kj))
            {
              column->kind = COLUMN_NUTRIENT;
              column->nutrient = known->nutrient;
              column->factor = factor;
            }
          else
            column->kind = COLUMN_LEFT_OUT;
        }

      if (column->kind == COLUMN_NUTRIENT)
        {
          if (seen[column->nutrient])
            {
              set_row_error (error, header->line, title,
                             /* Translators: %s is a nutrient name */
                             _("a second column for %s"), cf_nutrient_get_name (column->nutrient));
              return FALSE;
            }
          seen[column->nutrient] = TRUE;
        }
      else if (column->kind == COLUMN_LEFT_OUT)
        strv_array_add (self->left_out, title);
      else if (column->kind == COLUMN_IGNORED)
        strv_array_add (self->ignored, title);
    }

  if (self->format == CF_IMPORT_FORMAT_CRONOMETER_SERVINGS)
    {
      static const struct { ColumnKind kind; const char *title; } required[] = {
        { COLUMN_GROUP, "Group" }, { COLUMN_NAME, "Food Name" }, { COLUMN_AMOUNT, "Amount" },
      };

      for (guint r = 0; r < G_N_ELEMENTS (required); r++)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < header->n_fields; i++)
            found |= columns[i].kind == required[r].kind;

          if (!found)
            {
              set_row_error (error, header->line, NULL,
                             /* Translators: %s is a column title, e.g. "Amount" */
                             _("the file looks like a Cronometer servings export but has no “%s” column"),
                             required[r].title);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Dates */

typedef enum
{
  DATE_YMD,          /* 2026-03-14, 2026/03/14 */
  DATE_DMY,          /* 14.03.2026 */
  DATE_AMBIGUOUS,    /* 03/04/2026, 03-04-2026: day or month first */
  DATE_BAD,
} DateForm;

static DateForm
split_date (const char *text,
            int         parts[3])
{
  g_auto(GStrv) split = NULL;
  char sep = 0;
  guint lengths[3];

  for (const char *p = text; *p; p++)
    {
      if (*p == '-' || *p == '/' || *p == '.')
        {
          if (sep != 0 && *p != sep)
            return DATE_BAD;
          sep = *p;
        }
      else if (!g_ascii_isdigit (*p))
        return DATE_BAD;
    }

  if (sep == 0)
    return DATE_BAD;

  split = g_strsplit (text, (char[]) { sep, '\0' }, -1);
  if (g_strv_length (split) != 3)
    return DATE_BAD;

  for (guint i = 0; i < 3; i++)
    {
      lengths[i] = strlen (split[i]);
      if (lengths[i] == 0 || lengths[i] > 4)
        return DATE_BAD;
      parts[i] = atoi (split[i]);
    }

  if (lengths[0] == 4 && sep != '.' && lengths[1] <= 2 && lengths[2] <= 2)
    return DATE_YMD;
  if (lengths[2] == 4 && sep == '.' && lengths[0] <= 2 && lengths[1] <= 2)
    return DATE_DMY;
  if (lengths[2] == 4 && sep != '.' && lengths[0] <= 2 && lengths[1] <= 2)
    return DATE_AMBIGUOUS;

  return DATE_BAD;
}

/* Whether the file's dates put the day first, from the dates that tell
 * (a first part above 12, or a second); refuses a file that tells both
 * or, having dates that could be read both ways, neither */
static gboolean
find_date_order (GPtrArray  *rows,
                 guint       column,
                 const char *title,
                 gboolean   *day_first,
                 GError    **error)
{
  guint day_first_line = 0, month_first_line = 0, unsettled_line = 0;
  const char *day_first_text = NULL, *month_first_text = NULL, *unsettled_text = NULL;

  *day_first = FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      CfCsvRow *row = g_ptr_array_index (rows, r);
      g_autofree char *text = NULL;
      int parts[3];

      if (column >= row->n_fields)
        continue;

      text = g_strstrip (g_strdup (row->fields[column]));
      if (split_date (text, parts) != DATE_AMBIGUOUS)
        continue;

      if (parts[0] > 12 && day_first_line == 0)
        {
          day_first_line = row->line;
          day_first_text = row->fields[column];
        }
      else if (parts[1] > 12 && month_first_line == 0)
        {
          month_first_line = row->line;
          month_first_text = row->fields[column];
        }
      else if (parts[0] != parts[1] && unsettled_line == 0)
        {
          unsettled_line = row->line;
          unsettled_text = row->fields[column];
        }
    }

  if (day_first_line != 0 && month_first_line != 0)
    {
      set_row_error (error, MAX (day_first_line, month_first_line), title,
                     /* Translators: the %s are dates as the file writes
                      * them, %u the lines they are on */
                     _("“%s” (line %u) has the day first and “%s” (line %u) the month first"),
                     day_first_text, day_first_line, month_first_text, month_first_line);
      return FALSE;
    }

  if (day_first_line == 0 && month_first_line == 0 && unsettled_line != 0)
    {
      set_row_error (error, unsettled_line, title,
                     /* Translators: %s is a date as the file writes it,
                      * e.g. "03/04/2026" */
                     _("“%s” could be day/month or month/day, and no date in the file tells which; "
                       "export the dates as YYYY-MM-DD"),
                     unsettled_text);
      return FALSE;
    }

  *day_first = day_first_line != 0;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            gboolean     day_first,
            GDate       *day)
{
  g_autofree char *iso = NULL;
  int parts[3];
  int y, m, d;

  switch (split_date (text, parts))
    {
    case DATE_YMD:
      y = parts[0], m = parts[1], d = parts[2];
      break;
    case DATE_DMY:
      d = parts[0], m = parts[1], y = parts[2];
      break;
    case DATE_AMBIGUOUS:
      y = parts[2];
      d = day_first ? parts[0] : parts[1];
      m = day_first ? parts[1] : parts[0];
      break;
    case DATE_BAD:
    default:
      return FALSE;
    }

  iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return cf_day_parse (iso, day, NULL);
}

/* ---------------------------------------------------------------------- */
/* Cells */

/* A plain decimal number, as the exports write them: "12", "0.25",
 * "-3"; no thousands separators, no hexadecimal, no "nan" */
static gboolean
parse_value (const char *text,
             double     *value)
{
  char *end = NULL;

  if (*text == '\0' || text[strspn (text, "0123456789.+-eE")] != '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* Grams, when @amount is a weight: a number and g, kg, mg, oz or lb.
 * Anything else ("1.00 medium", "8.00 fl oz", a bare number) is not. */
static double
amount_grams (const char *amount)
{
  g_autoptr(CfPortion) portion = NULL;
  char *end = NULL;
  double grams, quantity;

  if (amount == NULL)
    return NAN;

  g_ascii_strtod (amount, &end);
  if (end == amount || *end == '\0' || strchr (amount, ',') != NULL)
    return NAN;

  if (!cf_parse_amount (amount, NULL, &grams, &portion, &quantity, NULL) || portion != NULL)
    return NAN;

  return grams;
}

/* A name-based (version 5) UUID for a row: the same row of the same
 * kind of file gives the same id, so a second import adds nothing */
static char *
row_uuid (CfImportFormat  format,
          CfCsvRow       *row,
          guint           occurrence)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  char tag[32];

  g_checksum_update (checksum, entry_namespace, sizeof entry_namespace);
  g_snprintf (tag, sizeof tag, "%d\x1f%u", format, occurrence);
  g_checksum_update (checksum, (const guchar *) tag, -1);
  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (row->fields[i]));

      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      g_checksum_update (checksum, (const guchar *) cell, -1);
    }
  g_checksum_get_digest (checksum, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The food id of an imported food: the tracker and a digest of the
 * name, so every serving of "Banana" adds up to one food in Insights */
static char *
food_id_for (CfEntryOrigin  origin,
             const char    *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folded, -1);

  return g_strdup_printf ("%s:%.16s", cf_entry_origin_to_key (origin), digest);
}

static gboolean
meal_from_group (const char *group,
                 CfMeal     *meal)
{
  static const struct { const char *name; CfMeal meal; } meals[] = {
    { "Breakfast", CF_MEAL_BREAKFAST },
    { "Lunch", CF_MEAL_LUNCH },
    { "Dinner", CF_MEAL_DINNER },
    { "Snacks", CF_MEAL_SNACKS },
    { "Snack", CF_MEAL_SNACKS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (meals); i++)
    {
      if (name_is (group, meals[i].name))
        {
          *meal = meals[i].meal;
          return TRUE;
        }
    }

  *meal = CF_MEAL_SNACKS;
  return FALSE;
}

static void
note_other_meal (CfImportPlan *self,
                 const char   *group)
{
  for (guint i = 0; i < self->other_meals->len; i++)
    if (strcmp (g_ptr_array_index (self->other_meals, i), group) == 0)
      return;

  g_ptr_array_add (self->other_meals, g_strdup (group));
}

/* One row → one entry */
static CfDiaryEntry *
read_row (CfImportPlan  *self,
          CfCsvRow      *header,
          CfCsvRow      *row,
          Column        *columns,
          gboolean       day_first,
          guint          occurrence,
          GError       **error)
{
  CfEntryOrigin origin = self->format == CF_IMPORT_FORMAT_MYFITNESSPAL ? CF_ENTRY_ORIGIN_MYFITNESSPAL
                                                                       : CF_ENTRY_ORIGIN_CRONOMETER;
  g_autoptr(CfNutrients) amounts = cf_nutrients_new ();
  g_autofree char *id = NULL;
  g_autofree char *food_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *group = NULL;
  const char *other_meal = NULL;
  double grams = NAN;
  CfMeal meal = CF_MEAL_SNACKS;
  GDate day;

  g_date_clear (&day, 1);

  if (row->n_fields != header->n_fields)
    {
      if (row->n_fields < header->n_fields)
        set_row_error (error, row->line, NULL,
                       /* Translators: both %u are numbers of fields */
                       _("the row has %u fields where the header has %u; the file may be cut off"),
                       row->n_fields, header->n_fields);
      else
        set_row_error (error, row->line, NULL,
                       _("the row has %u fields where the header has %u"),
                       row->n_fields, header->n_fields);
      return NULL;
    }

  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (row->fields[i]));
      const char *title = header->fields[i];

      switch (columns[i].kind)
        {
        case COLUMN_DATE:
          if (!parse_date (cell, day_first, &day))
            {
              if (*cell == '\0')
                set_row_error (error, row->line, title, _("the date is missing"));
              else
                set_row_error (error, row->line, title, _("“%s” is not a date"), cell);
              return NULL;
            }
          break;

        case COLUMN_GROUP:
          g_free (group);
          group = g_steal_pointer (&cell);
          break;

        case COLUMN_NAME:
          if (*cell == '\0')
            {
              set_row_error (error, row->line, title, _("the food has no name"));
              return NULL;
            }
          if (g_utf8_strlen (cell, -1) > CF_FOOD_MAX_NAME_CHARS)
            {
              set_row_error (error, row->line, title, _("The name is longer than %d characters"),
                             CF_FOOD_MAX_NAME_CHARS);
              return NULL;
            }
          g_free (name);
          name = g_steal_pointer (&cell);
          break;

        case COLUMN_AMOUNT:
          g_free (amount);
          amount = g_steal_pointer (&cell);
          break;

        case COLUMN_NUTRIENT:
          {
            double value;

            /* Blank: no value, not zero */
            if (*cell == '\0')
              break;

            if (!parse_value (cell, &value))
              {
                set_row_error (error, row->line, title, _("“%s” is not a number"), cell);
                return NULL;
              }
            if (value < 0)
              {
                set_row_error (error, row->line, title, _("“%s” is less than zero"), cell);
                return NULL;
              }

            value *= columns[i].factor;
            cf_nutrients_set (amounts, columns[i].nutrient, value);
            {
              CfNutrients one;
              GError *local_error = NULL;

              cf_nutrients_clear (&one);
              cf_nutrients_set (&one, columns[i].nutrient, value);
              if (!cf_nutrients_validate_amounts (&one, CF_MAX_ENTRY_GRAMS, &local_error))
                {
                  set_row_error (error, row->line, title, "%s", local_error->message);
                  g_error_free (local_error);
                  return NULL;
                }
            }
          }
          break;

        case COLUMN_IGNORED:
        case COLUMN_LEFT_OUT:
        default:
          break;
        }
    }

  /* The file's name of a group that is not one of the diary's meals
   * is kept */
  if (group != NULL && *group != '\0' && !meal_from_group (group, &meal))
    {
      note_other_meal (self, group);
      other_meal = group;
    }

  switch (self->format)
    {
    case CF_IMPORT_FORMAT_CRONOMETER_SERVINGS:
      {
        /* A weight only where the amount is one (g, kg, mg, oz, lb, up
         * to the largest entry); and only if the values make sense per
         * 100 g of it (tiny amounts with rounded values may not) */
        grams = amount_grams (amount);
        if (!isnan (grams))
          {
            g_autoptr(CfNutrients) per_100g = cf_nutrients_scale (amounts, 100.0 / grams);

            if (!cf_nutrients_validate (per_100g, NULL))
              grams = NAN;
          }

        if (isnan (grams))
          {
            self->n_without_weight++;
            if (self->example_amount == NULL && amount != NULL && *amount != '\0')
              self->example_amount = g_strdup (amount);
          }
      }
      break;

    case CF_IMPORT_FORMAT_CRONOMETER_DAILY:
      name = g_strdup (_("Day total"));
      break;

    case CF_IMPORT_FORMAT_MYFITNESSPAL:
      /* Translators: the name of an entry imported from MyFitnessPal,
       * which gives the totals of each meal; %s is the meal's name as
       * the file writes it, e.g. "Lunch" */
      name = g_strdup_printf (_("%s, whole meal"), group != NULL && *group != '\0' ? group : _("Meal"));
      break;

    case CF_IMPORT_FORMAT_COFACTOR:
    default:
      g_assert_not_reached ();
    }

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    self->found[n] |= cf_nutrients_has (amounts, n);

  id = row_uuid (self->format, row, occurrence);
  food_id = food_id_for (origin, self->format == CF_IMPORT_FORMAT_CRONOMETER_DAILY ? "day total" : name);

  return _cf_diary_entry_new_imported (id, &day, meal, food_id, name, grams, amounts, origin,
                                       amount != NULL && *amount != '\0' ? amount : NULL,
                                       other_meal);
}

/* ---------------------------------------------------------------------- */

static gboolean
detect_csv_format (CfCsvRow       *header,
                   CfImportFormat *format)
{
  g_autofree char *first = g_strstrip (g_strdup (header->n_fields > 0 ? header->fields[0] : ""));
  g_autofree char *second = g_strstrip (g_strdup (header->n_fields > 1 ? header->fields[1] : ""));
  g_autofree char *last = g_strstrip (g_strdup (header->n_fields > 0 ? header->fields[header->n_fields - 1] : ""));

  if (name_is (first, "Day"))
    {
      for (guint i = 0; i < header->n_fields; i++)
        {
          g_autofree char *title = g_strstrip (g_strdup (header->fields[i]));

          if (name_is (title, "Food Name"))
            {
              *format = CF_IMPORT_FORMAT_CRONOMETER_SERVINGS;
              return TRUE;
            }
        }
      return FALSE;
    }

  if (name_is (first, "Date") && name_is (second, "Meal"))
    {
      *format = CF_IMPORT_FORMAT_MYFITNESSPAL;
      return TRUE;
    }

  if (name_is (first, "Date") && name_is (last, "Completed"))
    {
      *format = CF_IMPORT_FORMAT_CRONOMETER_DAILY;
      return TRUE;
    }

  return FALSE;
}

static gboolean
count_existing (CfImportPlan  *self,
                GError       **error)
{
  sqlite3 *db = _cf_database_get_handle (cf_context_get_database (self->context));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int rc;

  if (self->entries->len == 0)
    return TRUE;

  for (guint i = 0; i < self->entries->len; i++)
    g_hash_table_add (ids, (gpointer) cf_diary_entry_get_id (g_ptr_array_index (self->entries, i)));

  stmt = _cf_prepare (db, "SELECT id, day FROM entry WHERE day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;

  from = cf_day_to_iso (&self->first);
  to = cf_day_to_iso (&self->last);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  self->n_new = self->entries->len;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *day = (const char *) sqlite3_column_text (stmt, 1);

      if (g_hash_table_contains (ids, id))
        self->n_new--;
      else if (g_hash_table_contains (self->days, day))
        g_hash_table_add (busy, g_strdup (day));
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  self->n_busy_days = g_hash_table_size (busy);
  return TRUE;
}

static gboolean
plan_csv (CfImportPlan  *self,
          const char    *data,
          gsize          length,
          GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree Column *columns = NULL;
  g_autofree char *first_line = NULL;
  GError *local_error = NULL;
  CfCsvRow *header;
  gboolean day_first = FALSE;

  rows = cf_csv_parse (data, length, &local_error);
  if (rows == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_IMPORT, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_IMPORT, _("The file is empty"));
      return FALSE;
    }

  header = g_ptr_array_index (rows, 0);
  if (!detect_csv_format (header, &self->format))
    {
      g_autofree char *joined = g_strjoinv (",", header->fields);

      first_line = g_utf8_substring (joined, 0, MIN (g_utf8_strlen (joined, -1), 80));
      g_set_error (error, CF_ERROR, CF_ERROR_IMPORT,
                   /* Translators: %s is the start of the file's first line */
                   _("The file is not a Cofactor export, a Cronometer export (servings or daily nutrition) "
                     "or a MyFitnessPal nutrition summary; its first line is “%s”"),
                   first_line);
      return FALSE;
    }

  columns = g_new0 (Column, header->n_fields);
  if (!read_header (self, header, columns, error) ||
      !find_date_order (rows, 0, header->fields[0], &day_first, error))
    return FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      CfCsvRow *row = g_ptr_array_index (rows, r);
      g_autofree char *key = g_strjoinv ("\x1f", row->fields);
      guint occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      CfDiaryEntry *entry;
      g_autofree char *iso = NULL;

      /* The same row twice is the same food eaten twice */
      g_hash_table_replace (seen, g_steal_pointer (&key), GUINT_TO_POINTER (occurrence + 1));

      entry = read_row (self, header, row, columns, day_first, occurrence, error);
      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (self->entries, entry);

      iso = cf_day_to_iso (cf_diary_entry_get_day (entry));
      g_hash_table_add (self->days, g_steal_pointer (&iso));
      if (!g_date_valid (&self->first) || g_date_compare (cf_diary_entry_get_day (entry), &self->first) < 0)
        self->first = *cf_diary_entry_get_day (entry);
      if (!g_date_valid (&self->last) || g_date_compare (cf_diary_entry_get_day (entry), &self->last) > 0)
        self->last = *cf_diary_entry_get_day (entry);
    }

  if (self->entries->len == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_IMPORT,
                   /* Translators: %s is a kind of file, e.g. "Cronometer
                    * servings export" */
                   _("The file is a %s without any rows to import"),
                   cf_import_format_get_name (self->format));
      return FALSE;
    }

  return count_existing (self, error);
}

gboolean
_cf_import_looks_like_json (const char *data,
                 gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  /* An object is an export; a list is no export but is JSON too, and is
   * refused by the JSON reader with its reason */
  return i < length && (data[i] == '{' || data[i] == '[');
}

/* A Cofactor export, read: what it holds is checked against the
 * database and kept for the write (takes @contents) */
static gboolean
plan_export (CfImportPlan      *self,
             CfImportContents  *contents,
             GError           **error)
{
  self->format = CF_IMPORT_FORMAT_COFACTOR;
  self->contents = contents;

  return _cf_import_resolve (self->context, self->contents, &self->counts, error);
}

/**
 * cf_import_plan_new_for_data:
 * @data: a whole file
 *
 * Reads and checks a file to import: Cofactor's JSON export, or a
 * Cronometer or MyFitnessPal CSV export, told apart by their content.
 * Nothing is written.
 *
 * Returns: (transfer full): the plan, or %NULL with @error saying what
 *   is wrong and where (line and column)
 */
CfImportPlan *
cf_import_plan_new_for_data (CfContext   *context,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(CfImportPlan) self = NULL;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (CF_TYPE_IMPORT_PLAN, NULL);
  self->context = g_object_ref (context);

  if (length > CF_IMPORT_MAX_BYTES)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_IMPORT, _("The file is too large to import"));
      return NULL;
    }

  /* An empty file, or one of white space only, is no file of any format */
  {
    gboolean blank = TRUE;

    for (gsize i = 0; i < length && blank; i++)
      blank = g_ascii_isspace (data[i]);
    if (blank)
      {
        g_set_error_literal (error, CF_ERROR, CF_ERROR_IMPORT,
                             _("The file is empty or only white space"));
        return NULL;
      }
  }

  if (_cf_import_looks_like_json (data, length))
    {
      CfImportContents *contents = _cf_import_parse (data, length, NULL, NULL, NULL, error);

      if (contents == NULL || !plan_export (self, contents, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!plan_csv (self, data, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cf_import_plan_new_for_file:
 *
 * Reads @file and plans its import with cf_import_plan_new_for_data().
 */
CfImportPlan *
cf_import_plan_new_for_file (CfContext  *context,
                             GFile      *file,
                             GError    **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Bounded while it is read: a pipe or /dev/zero is refused as soon as
   * it passes the bound or at its first NUL byte */
  data = cf_read_text_file (file, MIN (CF_IMPORT_MAX_BYTES, CF_MAX_IMPORT_BYTES), &length, error);
  if (data == NULL)
    return NULL;

  return cf_import_plan_new_for_data (context, data, length, error);
}

CfImportFormat
cf_import_plan_get_format (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), CF_IMPORT_FORMAT_COFACTOR);

  return self->format;
}

/**
 * cf_import_plan_get_n_entries:
 *
 * Returns: how many diary entries the file holds
 */
guint
cf_import_plan_get_n_entries (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), 0);

  if (self->format == CF_IMPORT_FORMAT_COFACTOR)
    return self->counts.entries;

  return self->entries->len;
}

/**
 * cf_import_plan_get_n_new_entries:
 *
 * Returns: how many of them the diary does not have yet (an entry
 *   imported before has the same id; for Cofactor's own format also an
 *   entry of the same day, meal, food and amount under another id)
 */
guint
cf_import_plan_get_n_new_entries (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), 0);

  if (self->format == CF_IMPORT_FORMAT_COFACTOR)
    return self->counts.new_entries;

  return self->n_new;
}

/**
 * cf_import_plan_get_n_days:
 *
 * Returns: on how many days the entries are (0 for Cofactor's format)
 */
guint
cf_import_plan_get_n_days (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), 0);

  return g_hash_table_size (self->days);
}

/**
 * cf_import_plan_get_range:
 * @first: (out): the first day with an entry
 * @last: (out): the last
 *
 * Returns: %FALSE when the plan has no days (Cofactor's format)
 */
gboolean
cf_import_plan_get_range (CfImportPlan *self,
                          GDate        *first,
                          GDate        *last)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), FALSE);

  if (!g_date_valid (&self->first))
    return FALSE;

  *first = self->first;
  *last = self->last;
  return TRUE;
}

/**
 * cf_import_plan_get_entries:
 *
 * Returns: (transfer none) (element-type CfDiaryEntry): the entries of
 *   another tracker's file, in the file's order (none for Cofactor's)
 */
GPtrArray *
cf_import_plan_get_entries (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), NULL);

  return self->entries;
}

/**
 * cf_import_plan_has_nutrient:
 *
 * Returns: whether some row of the file has a value for @nutrient
 */
gboolean
cf_import_plan_has_nutrient (CfImportPlan *self,
                             CfNutrient    nutrient)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, FALSE);

  return self->found[nutrient];
}

/**
 * cf_import_plan_get_ignored_columns:
 *
 * Returns: (transfer none): the titles of the columns not imported,
 *   because Cofactor does not track what they hold
 */
const char * const *
cf_import_plan_get_ignored_columns (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), NULL);

  return (const char * const *) self->ignored->pdata;
}

/**
 * cf_import_plan_get_left_out_columns:
 *
 * Returns: (transfer none): the titles of the columns left out because
 *   their values cannot be converted (MyFitnessPal's shares of a daily
 *   value)
 */
const char * const *
cf_import_plan_get_left_out_columns (CfImportPlan *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), NULL);

  return (const char * const *) self->left_out->pdata;
}

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  /* Translators: a date in an import preview, see g_date_time_format();
   * e.g. "14 March 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static char *
join_list (const char * const *items)
{
  /* Translators: the separator of a list of names */
  return g_strjoinv (_(", "), (char **) items);
}

static char **
end_lines (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  g_ptr_array_set_free_func (lines, NULL);

  return (char **) g_ptr_array_free (lines, FALSE);
}

/**
 * cf_import_plan_dup_summary:
 *
 * What the import would do, in sentences for the preview: what the
 * file is, how many entries on which days, how many are new, the
 * nutrients found, what is left out and why.  When some columns are not
 * imported, the last sentence lists them.
 *
 * Returns: (transfer full): the sentences, translated
 */
char **
cf_import_plan_dup_summary (CfImportPlan *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_entries, n_days;

  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), NULL);

  n_entries = cf_import_plan_get_n_entries (self);

  if (self->format == CF_IMPORT_FORMAT_COFACTOR)
    {
      g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u diary entry", "%u diary entries",
                                                               self->counts.entries), self->counts.entries);
      g_autofree char *foods = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u food", "%u foods",
                                                             self->counts.foods), self->counts.foods);
      g_autofree char *favourites = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u favourite", "%u favourites",
                                                                  self->counts.favourites), self->counts.favourites);

      guint n_new = self->counts.new_entries;
      guint n_present = self->counts.entries - n_new;

      g_ptr_array_add (lines,
                           /* Translators: the %s are "3 diary entries",
                            * "1 food" and "2 favourites" */
                           g_strdup_printf (_("A Cofactor export with %s, %s and %s."),
                                            entries, foods, favourites));

      /* What happens to the entries: the new ones are added, the diary
       * never gets a second copy of one it has */
      if (self->counts.entries > 0)
        {
          g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                                               self->counts.entries), self->counts.entries);
          g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n_new), n_new);
          g_autofree char *present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in your diary",
                                                                   "%u already in your diary", n_present),
                                                      n_present);
          const char *outcome;

          if (n_new == 0)
            outcome = _("Importing adds none of them: your diary has them all.");
          else if (n_present > 0)
            outcome = _("Only the new ones are added; your diary never gets a second copy of an entry.");
          else
            outcome = _("All of them are added.");

          g_ptr_array_add (lines,
                           /* Translators: "166 entries", "150 new", "16
                            * already in your diary", then a sentence on
                            * what importing does with them */
                           g_strdup_printf (_("%s: %s, %s. %s"), all, added, present, outcome));
        }

      if (self->counts.foods > 0)
        g_ptr_array_add (lines, g_strdup (_("Foods of your own that the diary has already are replaced by the "
                                            "file’s.")));

      return end_lines (g_steal_pointer (&lines));
    }

  n_days = cf_import_plan_get_n_days (self);
  {
    g_autofree char *first = format_day (&self->first);
    g_autofree char *last = format_day (&self->last);
    g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_entries),
                                                n_entries);
    g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n_days), n_days);

    g_ptr_array_add (lines,
                         /* Translators: the first %s is a kind of file
                          * ("Cronometer servings export"), then "84
                          * entries", "14 days" and two dates */
                         g_strdup_printf (_("A %s: %s on %s, from %s to %s."),
                                          cf_import_format_get_name (self->format), entries, days, first, last));
  }

  if (self->n_new == 0)
    g_ptr_array_add (lines, g_strdup (_("All of them are in the diary already, from an earlier import: importing "
                                 "again changes nothing.")));
  else if (self->n_new < n_entries)
    g_ptr_array_add (lines,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of them is new; the others are in the diary already "
                                                       "and stay as they are.",
                                                       "%u of them are new; the others are in the diary already "
                                                       "and stay as they are.",
                                                       self->n_new),
                                          self->n_new));

  if (self->n_busy_days > 0)
    g_ptr_array_add (lines,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of these days already has other entries; the "
                                                       "imported ones are added to them.",
                                                       "%u of these days already have other entries; the "
                                                       "imported ones are added to them.",
                                                       self->n_busy_days),
                                          self->n_busy_days));

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autofree char *list = NULL;

    for (guint n = 0; n < CF_N_NUTRIENTS; n++)
      if (self->found[n])
        g_ptr_array_add (names, (gpointer) cf_nutrient_get_name (n));
    g_ptr_array_add (names, NULL);

    if (names->len > 1)
      {
        list = join_list ((const char * const *) names->pdata);
        /* Translators: %s is a list of nutrient names */
        g_ptr_array_add (lines, g_strdup_printf (_("Nutrients with values: %s."), list));
      }
    else
      g_ptr_array_add (lines, g_strdup (_("No row has a value for a nutrient Cofactor tracks.")));
  }

  if (self->found[CF_NUTRIENT_VITAMIN_K_UNSTATED])
    g_ptr_array_add (lines, g_strdup (_("The file does not say which form its vitamin K is, so it counts toward total "
                                 "vitamin K only, not toward K1 or K2.")));
  if (self->vitamin_d_iu)
    g_ptr_array_add (lines, g_strdup (_("Vitamin D in IU is converted to µg (40 IU = 1 µg).")));
  if (self->energy_kj)
    g_ptr_array_add (lines, g_strdup (_("Energy in kJ is converted to kcal (4.184 kJ = 1 kcal).")));

  if (self->n_without_weight > 0)
    {
      if (self->example_amount != NULL)
        g_ptr_array_add (lines,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u amount is not a weight (e.g. “%s”): it is kept as "
                                                           "written, with the values the file gives, and no weight.",
                                                           "%u amounts are not weights (e.g. “%s”): they are kept as "
                                                           "written, with the values the file gives, and no weight.",
                                                           self->n_without_weight),
                                              self->n_without_weight, self->example_amount));
    }

  if (self->format == CF_IMPORT_FORMAT_MYFITNESSPAL)
    g_ptr_array_add (lines, g_strdup (_("Each row is a meal’s total, without the foods or their weight.")));

  if (self->other_meals->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (self->other_meals, NULL);
      list = join_list ((const char * const *) self->other_meals->pdata);
      g_ptr_array_remove_index (self->other_meals, self->other_meals->len - 1);
      /* Translators: %s is a list of group or meal names from the file */
      g_ptr_array_add (lines, g_strdup_printf (_("Not a meal of the diary, so put in Snacks with their name "
                                                     "kept: %s."), list));
    }

  if (self->left_out->len > 1)
    {
      g_autofree char *list = join_list (cf_import_plan_get_left_out_columns (self));

      /* Translators: %s is a list of column titles, e.g. "Vitamin A,
       * Vitamin C, Calcium, Iron" */
      g_ptr_array_add (lines, g_strdup_printf (_("Left out: %s. These are percentages of a daily value "
                                                     "that the file does not state, so they cannot be turned "
                                                     "into amounts."), list));
    }

  if (self->ignored->len > 1)
    {
      g_autofree char *list = join_list (cf_import_plan_get_ignored_columns (self));

      /* Translators: %s is a list of column titles */
      g_ptr_array_add (lines, g_strdup_printf (_("Columns not imported: %s."), list));
    }

  return end_lines (g_steal_pointer (&lines));
}

/**
 * cf_import_plan_apply:
 * @counts: (out) (optional): what was imported: for another tracker's
 *   file, the entries new to the diary
 *
 * Writes the plan in one transaction: all of it or, on an error,
 * nothing.  Entries of other trackers already in the diary (same id)
 * are left as they are, so a second import changes nothing.
 */
gboolean
cf_import_plan_apply (CfImportPlan    *self,
                      CfImportCounts  *counts,
                      GError         **error)
{
  CfDatabase *database;
  CfDiary *diary;
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) exists = NULL;
  guint written = 0;

  g_return_val_if_fail (CF_IS_IMPORT_PLAN (self), FALSE);

  if (self->format == CF_IMPORT_FORMAT_COFACTOR)
    return _cf_import_write (self->context, self->contents, counts, error);

  database = cf_context_get_database (self->context);
  diary = cf_context_get_diary (self->context);
  db = _cf_database_get_handle (database);

  exists = _cf_prepare (db, "SELECT EXISTS (SELECT 1 FROM entry WHERE id = ?)", error);
  if (exists == NULL || !cf_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (self->entries, i);
      int rc;

      sqlite3_reset (exists);
      sqlite3_bind_text (exists, 1, cf_diary_entry_get_id (entry), -1, SQLITE_STATIC);
      rc = sqlite3_step (exists);
      if (rc != SQLITE_ROW)
        {
          _cf_set_sqlite_error (error, db, rc);
          cf_database_rollback (database);
          return FALSE;
        }
      if (sqlite3_column_int (exists, 0))
        continue;

      if (!_cf_diary_write_entry (diary, entry, FALSE, error))
        {
          cf_database_rollback (database);
          return FALSE;
        }
      written++;
    }

  if (!cf_database_commit (database, error))
    return FALSE;

  self->n_new = 0;
  if (written > 0)
    g_signal_emit_by_name (diary, "changed", NULL);

  if (counts != NULL)
    *counts = (CfImportCounts) { 0, written, 0 };

  return TRUE;
}

/**
 * _cf_import_plan_new_for_export:
 * @contents: (transfer full): an export read by _cf_import_parse()
 *
 * Returns: (transfer full): its plan, or %NULL with @error set
 */
CfImportPlan *
_cf_import_plan_new_for_export (CfContext         *context,
                                CfImportContents  *contents,
                                GError           **error)
{
  g_autoptr(CfImportPlan) self = g_object_new (CF_TYPE_IMPORT_PLAN, NULL);

  self->context = g_object_ref (context);
  if (!plan_export (self, contents, error))
    return NULL;

  return g_steal_pointer (&self);
}

CfContext *
_cf_import_plan_get_context (CfImportPlan *self)
{
  return self->context;
}

/* (nullable): what an export holds; %NULL for another tracker's file */
CfImportContents *
_cf_import_plan_get_contents (CfImportPlan *self)
{
  return self->contents;
}
