/* cf-transfer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-transfer"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-diary-entry-private.h"
#include "cf-error.h"
#include "cf-food-private.h"
#include "cf-transfer.h"

/* Import and export of the user's data as JSON (format described in
 * data/export-format.md).  An import is checked in full before anything
 * is written, then written in one transaction: it lands whole or not at
 * all.
 */

/* Largest import we read, so a wrong file cannot exhaust memory */
#define MAX_IMPORT_BYTES (256 * 1024 * 1024)

static void
add_nutrients (JsonBuilder       *builder,
               const CfNutrients *nutrients)
{
  json_builder_set_member_name (builder, "per_100g");
  json_builder_begin_object (builder);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (!cf_nutrients_has (nutrients, i))
        continue;
      json_builder_set_member_name (builder, cf_nutrient_get_key (i));
      json_builder_add_double_value (builder, cf_nutrients_get (nutrients, i));
    }
  json_builder_end_object (builder);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static const char *source_keys[] = { "usda", "k2", "custom" };

/**
 * cf_json_add_food:
 * @builder: a builder inside an array or after a member name
 * @food: the food
 * @details: whether to add what only scripts need (source, citation,
 *   group name, provenance of each value); the export leaves it out
 *
 * Adds @food as a JSON object, in the export format's shape.
 */
void
cf_json_add_food (JsonBuilder *builder,
                  CfFood      *food,
                  gboolean     details)
{
  GListModel *portions = cf_food_get_portions (food);

  json_builder_begin_object (builder);
  add_optional_string (builder, "id", cf_food_get_id (food));
  add_optional_string (builder, "kind", cf_food_kind_to_key (cf_food_get_kind (food)));
  add_optional_string (builder, "name", cf_food_get_name (food));
  add_optional_string (builder, "brand", cf_food_get_brand (food));
  add_optional_string (builder, "group", cf_food_get_group_code (food));
  add_optional_string (builder, "note", cf_food_get_note (food));
  add_nutrients (builder, cf_food_get_nutrients (food));

  if (details)
    {
      add_optional_string (builder, "source", source_keys[cf_food_get_source (food)]);
      add_optional_string (builder, "source_id", cf_food_get_source_id (food));
      add_optional_string (builder, "citation", cf_food_get_citation (food));
      add_optional_string (builder, "group_name", cf_food_get_group_name (food));
      add_optional_string (builder, "common_name", cf_food_get_common_name (food));

      json_builder_set_member_name (builder, "origins");
      json_builder_begin_object (builder);
      for (guint i = 0; i < CF_N_NUTRIENTS; i++)
        add_optional_string (builder, cf_nutrient_get_key (i), cf_food_get_origin (food, i));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "portions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
    {
      g_autoptr(CfPortion) portion = g_list_model_get_item (portions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_double_value (builder, cf_portion_get_amount (portion));
      add_optional_string (builder, "description", cf_portion_get_description (portion));
      json_builder_set_member_name (builder, "grams");
      json_builder_add_double_value (builder, cf_portion_get_grams (portion));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * cf_json_add_entry:
 *
 * Adds @entry as a JSON object, in the export format's shape.
 */
void
cf_json_add_entry (JsonBuilder  *builder,
                   CfDiaryEntry *entry)
{
  g_autofree char *day = cf_day_to_iso (cf_diary_entry_get_day (entry));

  json_builder_begin_object (builder);
  add_optional_string (builder, "id", cf_diary_entry_get_id (entry));
  add_optional_string (builder, "date", day);
  add_optional_string (builder, "meal", cf_meal_to_key (cf_diary_entry_get_meal (entry)));

  json_builder_set_member_name (builder, "food");
  json_builder_begin_object (builder);
  add_optional_string (builder, "id", cf_diary_entry_get_food_id (entry));
  add_optional_string (builder, "name", cf_diary_entry_get_food_name (entry));
  add_optional_string (builder, "kind", cf_food_kind_to_key (cf_diary_entry_get_food_kind (entry)));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "grams");
  json_builder_add_double_value (builder, cf_diary_entry_get_grams (entry));

  if (cf_diary_entry_get_portion_description (entry) != NULL)
    {
      json_builder_set_member_name (builder, "portion");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_double_value (builder, cf_diary_entry_get_portion_quantity (entry));
      add_optional_string (builder, "description", cf_diary_entry_get_portion_description (entry));
      json_builder_end_object (builder);
    }

  add_nutrients (builder, cf_diary_entry_get_nutrients_per_100g (entry));
  json_builder_end_object (builder);
}

/**
 * cf_export_to_data:
 *
 * Returns: (transfer full): the user's custom foods and diary as JSON
 */
char *
cf_export_to_data (CfContext  *context,
                   GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) foods = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *now = _cf_now_utc ();
  CfDatabase *database;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  /* Read everything in one snapshot */
  database = cf_context_get_database (context);
  if (!_cf_exec (_cf_database_get_handle (database), "BEGIN", error))
    return NULL;

  foods = cf_food_store_list_custom_foods (cf_context_get_food_store (context), error);
  if (foods != NULL)
    entries = cf_diary_list_range (cf_context_get_diary (context), NULL, NULL, error);
  cf_database_rollback (database);

  if (foods == NULL || entries == NULL)
    return NULL;

  json_builder_begin_object (builder);
  add_optional_string (builder, "format", CF_EXPORT_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CF_EXPORT_FORMAT_VERSION);
  add_optional_string (builder, "exported", now);
  add_optional_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "foods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < foods->len; i++)
    cf_json_add_food (builder, g_ptr_array_index (foods, i), FALSE);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    cf_json_add_entry (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return cf_json_to_string (builder);
}

/**
 * cf_export_to_file:
 *
 * Writes the export to @file, replacing it only once the whole export
 * is written.
 */
gboolean
cf_export_to_file (CfContext  *context,
                   GFile      *file,
                   GError    **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cf_export_to_data (context, error);
  if (data == NULL)
    return FALSE;

  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* ---------------------------------------------------------------------- */

/* Every refusal names where in the file the problem is, e.g.
 * "entries[3].grams: the amount must be more than zero". */
G_GNUC_PRINTF (3, 4)
static void
set_import_error (GError     **error,
                  const char  *path,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL)
    /* Translators: an import error: %s is where in the file (e.g.
     * "entries[3].grams"), then the problem */
    g_set_error (error, CF_ERROR, CF_ERROR_IMPORT, _("%s: %s"), path, message);
  else
    g_set_error_literal (error, CF_ERROR, CF_ERROR_IMPORT, message);
}

static void
prefix_import_error (GError     **error,
                     GError      *cause,
                     const char  *path)
{
  set_import_error (error, path, "%s", cause->message);
  g_error_free (cause);
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char  *path,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          set_import_error (error, where, _("missing"));
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_import_error (error, where, _("must be text"));
      return FALSE;
    }

  *out = json_node_get_string (node);
  if (required && (*out)[0] == '\0')
    {
      set_import_error (error, where, _("must not be empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
node_get_number (JsonNode *node,
                 double   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return FALSE;

  return isfinite (*out);
}

static gboolean
get_number (JsonObject  *object,
            const char  *name,
            const char  *path,
            double      *out,
            GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  if (node == NULL)
    {
      set_import_error (error, where, _("missing"));
      return FALSE;
    }

  if (!node_get_number (node, out))
    {
      set_import_error (error, where, _("must be a number"));
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
get_object (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_import_error (error, path, node ? _("must be an object") : _("missing"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_nutrients (JsonObject   *parent,
                const char   *path,
                CfNutrients  *nutrients,
                GError      **error)
{
  g_autofree char *where = g_strdup_printf ("%s.per_100g", path);
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  GError *local_error = NULL;

  cf_nutrients_clear (nutrients);

  object = get_object (get_member (parent, "per_100g"), where, error);
  if (object == NULL)
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      g_autofree char *member = g_strdup_printf ("%s.%s", where, key);
      CfNutrient nutrient;
      double value;

      if (!cf_nutrient_from_key (key, &nutrient))
        {
          set_import_error (error, member, _("unknown nutrient"));
          return FALSE;
        }

      /* null means "no value", like a missing member */
      if (JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!node_get_number (node, &value))
        {
          set_import_error (error, member, _("must be a number"));
          return FALSE;
        }

      cf_nutrients_set (nutrients, nutrient, value);
    }

  if (!cf_nutrients_validate (nutrients, &local_error))
    {
      prefix_import_error (error, local_error, where);
      return FALSE;
    }

  return TRUE;
}

static CfFood *
read_food (JsonNode     *node,
           guint         index,
           GHashTable   *seen,
           GError      **error)
{
  g_autofree char *path = g_strdup_printf ("foods[%u]", index);
  g_autoptr(CfFood) food = NULL;
  g_autofree char *portions_path = NULL;
  const char *id, *kind_key, *name, *brand, *group, *note;
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  CfNutrients nutrients;
  GError *local_error = NULL;
  JsonObject *object;
  JsonNode *portions;

  object = get_object (node, path, error);
  if (object == NULL)
    return NULL;

  if (!get_string (object, "id", path, TRUE, &id, error) ||
      !get_string (object, "kind", path, FALSE, &kind_key, error) ||
      !get_string (object, "name", path, TRUE, &name, error) ||
      !get_string (object, "brand", path, FALSE, &brand, error) ||
      !get_string (object, "group", path, FALSE, &group, error) ||
      !get_string (object, "note", path, FALSE, &note, error))
    return NULL;

  if (!g_str_has_prefix (id, "custom:") || !cf_food_id_is_valid (id))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      set_import_error (error, where, _("“%s” is not the id of a food of your own (custom:<uuid>)"), id);
      return NULL;
    }

  if (!g_hash_table_add (seen, g_strdup (id)))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      set_import_error (error, where, _("“%s” appears twice"), id);
      return NULL;
    }

  if (kind_key != NULL && !cf_food_kind_from_key (kind_key, &kind))
    {
      g_autofree char *where = g_strdup_printf ("%s.kind", path);
      set_import_error (error, where, _("must be food, supplement or recipe"));
      return NULL;
    }

  if (!read_nutrients (object, path, &nutrients, error))
    return NULL;

  food = _cf_food_new (id, CF_FOOD_SOURCE_CUSTOM, name);
  cf_food_set_kind (food, kind);
  cf_food_set_brand (food, brand);
  cf_food_set_group_code (food, group);
  cf_food_set_note (food, note);
  cf_food_set_nutrients (food, &nutrients);

  portions_path = g_strdup_printf ("%s.portions", path);
  portions = get_member (object, "portions");
  if (portions != NULL && !JSON_NODE_HOLDS_NULL (portions))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (portions))
        {
          set_import_error (error, portions_path, _("must be a list"));
          return NULL;
        }

      array = json_node_get_array (portions);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", portions_path, i);
          g_autoptr(CfPortion) portion = NULL;
          const char *description;
          double amount, grams;
          JsonObject *p;

          p = get_object (json_array_get_element (array, i), where, error);
          if (p == NULL ||
              !get_number (p, "amount", where, &amount, error) ||
              !get_string (p, "description", where, TRUE, &description, error) ||
              !get_number (p, "grams", where, &grams, error))
            return NULL;

          if (amount <= 0 || grams <= 0 || grams > 100000)
            {
              set_import_error (error, where, _("amount and grams must be more than zero"));
              return NULL;
            }

          portion = cf_portion_new (amount, description, grams);
          cf_food_add_portion (food, portion);
        }
    }

  if (!cf_food_validate (food, &local_error))
    {
      prefix_import_error (error, local_error, path);
      return NULL;
    }

  return g_steal_pointer (&food);
}

static CfDiaryEntry *
read_entry (JsonNode     *node,
            guint         index,
            GHashTable   *seen,
            GError      **error)
{
  g_autofree char *path = g_strdup_printf ("entries[%u]", index);
  g_autofree char *food_path = NULL;
  const char *id, *date, *meal_key, *food_id, *food_name, *kind_key, *description = NULL;
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  double grams, quantity = 0;
  CfNutrients nutrients;
  GError *local_error = NULL;
  JsonObject *object, *food, *portion;
  CfMeal meal;
  GDate day;

  object = get_object (node, path, error);
  if (object == NULL)
    return NULL;

  if (!get_string (object, "id", path, TRUE, &id, error) ||
      !get_string (object, "date", path, TRUE, &date, error) ||
      !get_string (object, "meal", path, TRUE, &meal_key, error))
    return NULL;

  if (!g_uuid_string_is_valid (id))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      set_import_error (error, where, _("“%s” is not a UUID"), id);
      return NULL;
    }

  if (!g_hash_table_add (seen, g_strdup (id)))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      set_import_error (error, where, _("“%s” appears twice"), id);
      return NULL;
    }

  if (!cf_day_parse (date, &day, &local_error) || strlen (date) != 10)
    {
      g_autofree char *where = g_strdup_printf ("%s.date", path);
      g_clear_error (&local_error);
      set_import_error (error, where, _("“%s” is not a date of the form YYYY-MM-DD"), date);
      return NULL;
    }

  if (!cf_meal_from_key (meal_key, &meal))
    {
      g_autofree char *where = g_strdup_printf ("%s.meal", path);
      set_import_error (error, where, _("must be breakfast, lunch, dinner, snacks or supplements"));
      return NULL;
    }

  food_path = g_strdup_printf ("%s.food", path);
  food = get_object (get_member (object, "food"), food_path, error);
  if (food == NULL ||
      !get_string (food, "id", food_path, TRUE, &food_id, error) ||
      !get_string (food, "name", food_path, TRUE, &food_name, error) ||
      !get_string (food, "kind", food_path, FALSE, &kind_key, error))
    return NULL;

  if (kind_key != NULL && !cf_food_kind_from_key (kind_key, &kind))
    {
      g_autofree char *where = g_strdup_printf ("%s.kind", food_path);
      set_import_error (error, where, _("must be food, supplement or recipe"));
      return NULL;
    }

  if (!cf_food_id_is_valid (food_id))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", food_path);
      set_import_error (error, where, _("“%s” is not a food id"), food_id);
      return NULL;
    }

  if (!get_number (object, "grams", path, &grams, error))
    return NULL;

  if (!cf_validate_grams (grams, &local_error))
    {
      g_autofree char *where = g_strdup_printf ("%s.grams", path);
      prefix_import_error (error, local_error, where);
      return NULL;
    }

  if (get_member (object, "portion") != NULL && !JSON_NODE_HOLDS_NULL (get_member (object, "portion")))
    {
      g_autofree char *where = g_strdup_printf ("%s.portion", path);

      portion = get_object (get_member (object, "portion"), where, error);
      if (portion == NULL ||
          !get_number (portion, "quantity", where, &quantity, error) ||
          !get_string (portion, "description", where, TRUE, &description, error))
        return NULL;

      if (quantity <= 0)
        {
          set_import_error (error, where, _("quantity must be more than zero"));
          return NULL;
        }
    }

  if (!read_nutrients (object, path, &nutrients, error))
    return NULL;

  return _cf_diary_entry_new_full (id, &day, meal, 0, food_id, food_name, kind, grams,
                                   quantity, description, &nutrients);
}

static JsonArray *
get_array (JsonObject  *root,
           const char  *name,
           GError     **error)
{
  JsonNode *node = get_member (root, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_import_error (error, name, _("must be a list"));
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * cf_import_from_data:
 * @counts: (out) (optional): how many foods and entries were imported
 *
 * Imports an export: custom foods are created or replaced by id, diary
 * entries likewise, so importing the same file twice changes nothing.
 * The whole file is checked first; if any part is refused, nothing is
 * written and @error says what and where.
 */
gboolean
cf_import_from_data (CfContext       *context,
                     const char      *data,
                     gssize           length,
                     CfImportCounts  *counts,
                     GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen_foods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  CfDatabase *database;
  const char *format;
  JsonObject *root;
  JsonArray *array;
  JsonNode *version_node;
  double version;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  if (length == 0)
    {
      set_import_error (error, NULL, _("The file is empty"));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      set_import_error (error, NULL, _("The file is not UTF-8 text, so it is not a Cofactor export"));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message starts with <data>:LINE:COLUMN */
      set_import_error (error, NULL, _("The file is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_import_error (error, NULL, _("The file is not a Cofactor export"));
      return FALSE;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (!get_string (root, "format", "", FALSE, &format, error))
    return FALSE;

  if (g_strcmp0 (format, CF_EXPORT_FORMAT_NAME) != 0)
    {
      set_import_error (error, NULL, _("The file is not a Cofactor export (its “format” is not “%s”)"),
                        CF_EXPORT_FORMAT_NAME);
      return FALSE;
    }

  version_node = get_member (root, "version");
  if (!node_get_number (version_node, &version) || version != floor (version) || version < 1)
    {
      set_import_error (error, "version", _("must be a whole number from 1"));
      return FALSE;
    }

  if (version > CF_EXPORT_FORMAT_VERSION)
    {
      set_import_error (error, NULL,
                        _("The file was written by a newer version of Cofactor (format %.0f; this version reads up to %d)"),
                        version, CF_EXPORT_FORMAT_VERSION);
      return FALSE;
    }

  array = get_array (root, "foods", error);
  if (array == NULL && error && *error)
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      CfFood *food = read_food (json_array_get_element (array, i), i, seen_foods, error);

      if (food == NULL)
        return FALSE;
      g_ptr_array_add (foods, food);
    }

  array = get_array (root, "entries", error);
  if (array == NULL && error && *error)
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      CfDiaryEntry *entry = read_entry (json_array_get_element (array, i), i, seen_entries, error);

      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (entries, entry);
    }

  /* Everything checked: write it all or nothing */
  database = cf_context_get_database (context);
  if (!cf_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < foods->len; i++)
    {
      if (!_cf_food_store_write_custom_food (cf_context_get_food_store (context),
                                             g_ptr_array_index (foods, i), &local_error))
        {
          g_autofree char *where = g_strdup_printf ("foods[%u]", i);
          cf_database_rollback (database);
          prefix_import_error (error, g_steal_pointer (&local_error), where);
          return FALSE;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);

      if (!_cf_diary_write_entry (cf_context_get_diary (context), entry, TRUE, &local_error))
        {
          g_autofree char *where = g_strdup_printf ("entries[%u]", i);
          cf_database_rollback (database);
          prefix_import_error (error, g_steal_pointer (&local_error), where);
          return FALSE;
        }
    }

  if (!cf_database_commit (database, error))
    return FALSE;

  if (entries->len > 0)
    g_signal_emit_by_name (cf_context_get_diary (context), "changed", NULL);

  if (counts != NULL)
    {
      counts->foods = foods->len;
      counts->entries = entries->len;
    }

  return TRUE;
}

/**
 * cf_import_from_file:
 *
 * Reads @file and imports it with cf_import_from_data().
 */
gboolean
cf_import_from_file (CfContext       *context,
                     GFile           *file,
                     CfImportCounts  *counts,
                     GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_size (info) > MAX_IMPORT_BYTES)
    {
      set_import_error (error, NULL, _("The file is too large to be a Cofactor export"));
      return FALSE;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return FALSE;

  return cf_import_from_data (context, data, length, counts, error);
}

/**
 * cf_json_to_string:
 *
 * Returns: (transfer full): the builder's document, indented
 */
char *
cf_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
