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
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-transfer.h"

/* Import and export of the user's data as JSON (format described in
 * data/export-format.md).  An import is checked in full before anything
 * is written, then written in one transaction: it lands whole or not at
 * all.
 */

static void
add_nutrient_member (JsonBuilder       *builder,
                     const char        *name,
                     const CfNutrients *nutrients)
{
  json_builder_set_member_name (builder, name);
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
add_nutrients (JsonBuilder       *builder,
               const CfNutrients *nutrients)
{
  add_nutrient_member (builder, "per_100g", nutrients);
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
  cf_json_add_food_full (builder, food, NULL, details);
}

static void
add_optional_number (JsonBuilder *builder,
                     const char  *name,
                     double       value)
{
  if (isnan (value))
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_recipe (JsonBuilder *builder,
            CfRecipe    *recipe)
{
  GListModel *ingredients = cf_recipe_get_ingredients (recipe);

  json_builder_set_member_name (builder, "recipe");
  json_builder_begin_object (builder);
  add_optional_number (builder, "cooked_grams", cf_recipe_get_cooked_grams (recipe));
  add_optional_number (builder, "servings", cf_recipe_get_servings (recipe));

  json_builder_set_member_name (builder, "ingredients");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (ingredients); i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (ingredients, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "food");
      json_builder_begin_object (builder);
      add_optional_string (builder, "id", cf_recipe_ingredient_get_food_id (ingredient));
      add_optional_string (builder, "name", cf_recipe_ingredient_get_food_name (ingredient));
      add_optional_string (builder, "kind", cf_food_kind_to_key (cf_recipe_ingredient_get_food_kind (ingredient)));
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "grams");
      json_builder_add_double_value (builder, cf_recipe_ingredient_get_grams (ingredient));

      if (cf_recipe_ingredient_get_portion_description (ingredient) != NULL)
        {
          json_builder_set_member_name (builder, "portion");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "quantity");
          json_builder_add_double_value (builder, cf_recipe_ingredient_get_portion_quantity (ingredient));
          add_optional_string (builder, "description", cf_recipe_ingredient_get_portion_description (ingredient));
          json_builder_end_object (builder);
        }

      add_nutrients (builder, cf_recipe_ingredient_get_nutrients_per_100g (ingredient));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * cf_json_add_food_full:
 * @builder: a builder inside an array or after a member name
 * @food: the food
 * @recipe: (nullable): the recipe @food was made from, whose cooked
 *   weight, servings and ingredients are added as the member "recipe"
 * @details: as for cf_json_add_food()
 *
 * Adds @food as a JSON object, in the export format's shape.
 */
void
cf_json_add_food_full (JsonBuilder *builder,
                       CfFood      *food,
                       CfRecipe    *recipe,
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

      /* Values that are not measured for this food itself: borrowed
       * from a linked food, or assumed by rule */
      json_builder_set_member_name (builder, "value_kinds");
      json_builder_begin_object (builder);
      for (guint i = 0; i < CF_N_NUTRIENTS; i++)
        {
          CfValueKind kind = cf_food_get_value_kind (food, i);

          if (kind != CF_VALUE_MEASURED && !isnan (cf_food_get_nutrient (food, i)))
            add_optional_string (builder, cf_nutrient_get_key (i),
                                 kind == CF_VALUE_BORROWED ? "borrowed" : "assumed");
        }
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

  if (recipe != NULL)
    add_recipe (builder, recipe);

  json_builder_end_object (builder);
}

/* The values of @entry that were not measured for its food itself:
 * borrowed from a linked food, or assumed by rule.  Left out when every
 * value is measured. */
static void
add_entry_value_kinds (JsonBuilder  *builder,
                       CfDiaryEntry *entry)
{
  const CfNutrients *per_100g = cf_diary_entry_get_nutrients_per_100g (entry);
  gboolean open = FALSE;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      CfValueKind kind = cf_diary_entry_get_value_kind (entry, i);

      if (kind == CF_VALUE_MEASURED || isnan (per_100g->values[i]))
        continue;

      if (!open)
        {
          json_builder_set_member_name (builder, "value_kinds");
          json_builder_begin_object (builder);
          open = TRUE;
        }
      add_optional_string (builder, cf_nutrient_get_key (i),
                           kind == CF_VALUE_BORROWED ? "borrowed" : "assumed");
    }

  if (open)
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

  if (cf_diary_entry_get_origin (entry) != CF_ENTRY_ORIGIN_NONE)
    {
      json_builder_set_member_name (builder, "origin");
      json_builder_begin_object (builder);
      add_optional_string (builder, "source", cf_entry_origin_to_key (cf_diary_entry_get_origin (entry)));
      add_optional_string (builder, "amount", cf_diary_entry_get_origin_amount (entry));
      add_optional_string (builder, "meal", cf_diary_entry_get_origin_meal (entry));
      json_builder_end_object (builder);
    }

  /* An imported entry without a weight has amounts, not values per 100 g */
  if (!cf_diary_entry_has_weight (entry))
    {
      add_nutrient_member (builder, "amounts", _cf_diary_entry_get_stored_values (entry));
      json_builder_end_object (builder);
      return;
    }

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
  add_entry_value_kinds (builder, entry);
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
  g_autoptr(GPtrArray) recipes = NULL;
  g_autoptr(GPtrArray) favourites = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *now = _cf_now_utc ();
  CfDatabase *database;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  /* Read everything in one snapshot */
  database = cf_context_get_database (context);
  if (!_cf_exec (_cf_database_get_handle (database), "BEGIN", error))
    return NULL;

  foods = cf_food_store_list_custom_foods (cf_context_get_food_store (context), error);
  if (foods != NULL)
    recipes = cf_food_store_list_recipes (cf_context_get_food_store (context), error);
  if (recipes != NULL)
    favourites = cf_food_store_list_favourite_ids (cf_context_get_food_store (context), &added, error);
  if (favourites != NULL)
    entries = cf_diary_list_range (cf_context_get_diary (context), NULL, NULL, error);
  cf_database_rollback (database);

  if (foods == NULL || recipes == NULL || favourites == NULL || entries == NULL)
    return NULL;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < recipes->len; i++)
    g_hash_table_insert (by_id, (gpointer) cf_recipe_get_id (g_ptr_array_index (recipes, i)),
                         g_ptr_array_index (recipes, i));

  json_builder_begin_object (builder);
  add_optional_string (builder, "format", CF_EXPORT_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CF_EXPORT_FORMAT_VERSION);
  add_optional_string (builder, "exported", now);
  add_optional_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "foods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);

      cf_json_add_food_full (builder, food, g_hash_table_lookup (by_id, cf_food_get_id (food)), FALSE);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "favourites");
  json_builder_begin_array (builder);
  for (guint i = 0; i < favourites->len; i++)
    {
      json_builder_begin_object (builder);
      add_optional_string (builder, "food", g_ptr_array_index (favourites, i));
      add_optional_string (builder, "added", g_ptr_array_index (added, i));
      json_builder_end_object (builder);
    }
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

/* An id member, in canonical form (see cf_canonical_id()): the same
 * UUID in upper case is the same entry or food */
static gboolean
get_id (JsonObject  *object,
        const char  *name,
        const char  *path,
        gboolean     required,
        char       **out,
        GError     **error)
{
  const char *text;

  *out = NULL;
  if (!get_string (object, name, path, required, &text, error))
    return FALSE;

  if (text != NULL)
    *out = cf_canonical_id (text);

  return TRUE;
}

/* A list member of at most @max elements; NULL if missing or null */
static JsonArray *
get_bounded_array (JsonObject  *object,
                   const char  *name,
                   const char  *path,
                   guint        max,
                   GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = path && *path ? g_strdup_printf ("%s.%s", path, name) : g_strdup (name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_import_error (error, where, _("must be a list"));
      return NULL;
    }

  if (json_array_get_length (json_node_get_array (node)) > max)
    {
      set_import_error (error, where, _("has more than %u elements"), max);
      return NULL;
    }

  return json_node_get_array (node);
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

/* A nutrient member of @object refused for @message */
static gboolean
refuse_nutrient_member (const char  *where,
                        const char  *key,
                        GError      *cause,
                        const char  *message,
                        GError     **error)
{
  g_autofree char *member = g_strdup_printf ("%s.%s", where, key);

  if (cause != NULL)
    prefix_import_error (error, cause, member);
  else
    set_import_error (error, member, "%s", message);

  return FALSE;
}

/* Values per 100 g (@name "per_100g"), or with @amounts the amounts in
 * an entry without a weight (@name "amounts").  (Paths are made only
 * for an error: an import reads a million of these members.) */
static gboolean
read_nutrient_member (JsonObject   *parent,
                      const char   *path,
                      const char   *name,
                      gboolean      amounts,
                      CfNutrients  *nutrients,
                      GError      **error)
{
  g_autofree char *where = NULL;
  JsonNode *parent_node = get_member (parent, name);
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  GError *local_error = NULL;

  cf_nutrients_clear (nutrients);

  if (parent_node != NULL && JSON_NODE_HOLDS_OBJECT (parent_node))
    object = json_node_get_object (parent_node);
  else
    {
      where = g_strdup_printf ("%s.%s", path, name);
      object = get_object (parent_node, where, error);
      if (object == NULL)
        return FALSE;
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      CfNutrient nutrient;
      double value;

      if (!cf_nutrient_from_key (key, &nutrient))
        {
          where = g_strdup_printf ("%s.%s", path, name);
          return refuse_nutrient_member (where, key, NULL, _("unknown nutrient"), error);
        }

      /* null means "no value", like a missing member */
      if (JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!node_get_number (node, &value))
        {
          where = g_strdup_printf ("%s.%s", path, name);
          return refuse_nutrient_member (where, key, NULL, _("must be a number"), error);
        }

      cf_nutrients_set (nutrients, nutrient, value);
    }

  if (amounts ? cf_nutrients_validate_amounts (nutrients, CF_MAX_ENTRY_GRAMS, &local_error)
              : cf_nutrients_validate (nutrients, &local_error))
    return TRUE;

  where = g_strdup_printf ("%s.%s", path, name);

  /* Refused: one at a time, to name the member that is wrong */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      CfNutrients one;
      CfNutrient nutrient;
      GError *one_error = NULL;

      if (JSON_NODE_HOLDS_NULL (node) || !cf_nutrient_from_key (key, &nutrient))
        continue;

      cf_nutrients_clear (&one);
      cf_nutrients_set (&one, nutrient, cf_nutrients_get (nutrients, nutrient));
      if (amounts ? !cf_nutrients_validate_amounts (&one, CF_MAX_ENTRY_GRAMS, &one_error)
                  : !cf_nutrients_validate (&one, &one_error))
        {
          g_clear_error (&local_error);
          return refuse_nutrient_member (where, key, one_error, NULL, error);
        }
    }

  prefix_import_error (error, local_error, where);
  return FALSE;
}

static gboolean
read_nutrients (JsonObject   *parent,
                const char   *path,
                CfNutrients  *nutrients,
                GError      **error)
{
  return read_nutrient_member (parent, path, "per_100g", FALSE, nutrients, error);
}

/* Where in the file a validation error of a food or recipe belongs:
 * @path is the food object's, @recipe_path the object holding the
 * recipe members (cooked_grams, servings, ingredients) */
static char *
field_path (const char  *path,
            const char  *recipe_path,
            CfFoodField  field,
            guint        index)
{
  switch (field)
    {
    case CF_FOOD_FIELD_NAME:
      return g_strdup_printf ("%s.name", path);

    case CF_FOOD_FIELD_BRAND:
      return g_strdup_printf ("%s.brand", path);

    case CF_FOOD_FIELD_GROUP:
      return g_strdup_printf ("%s.group", path);

    case CF_FOOD_FIELD_NOTE:
      return g_strdup_printf ("%s.note", path);

    case CF_FOOD_FIELD_NUTRIENT:
      return g_strdup_printf ("%s.per_100g.%s", path, cf_nutrient_get_key (index));

    case CF_FOOD_FIELD_PORTION_DESCRIPTION:
      return g_strdup_printf ("%s.portions[%u].description", path, index);

    case CF_FOOD_FIELD_PORTION_AMOUNT:
      return g_strdup_printf ("%s.portions[%u].amount", path, index);

    case CF_FOOD_FIELD_PORTION_GRAMS:
      return g_strdup_printf ("%s.portions[%u].grams", path, index);

    case CF_FOOD_FIELD_INGREDIENTS:
      return g_strdup_printf ("%s.ingredients", recipe_path);

    case CF_FOOD_FIELD_INGREDIENT:
      return g_strdup_printf ("%s.ingredients[%u]", recipe_path, index);

    case CF_FOOD_FIELD_INGREDIENT_GRAMS:
      return g_strdup_printf ("%s.ingredients[%u].grams", recipe_path, index);

    case CF_FOOD_FIELD_COOKED_WEIGHT:
      return g_strdup_printf ("%s.cooked_grams", recipe_path);

    case CF_FOOD_FIELD_SERVINGS:
      return g_strdup_printf ("%s.servings", recipe_path);

    case CF_FOOD_FIELD_NONE:
    default:
      return g_strdup (path);
    }
}

/* A number that may be missing or null: NaN then */
static gboolean
get_optional_number (JsonObject  *object,
                     const char  *name,
                     const char  *path,
                     double      *out,
                     GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  return get_number (object, name, path, out, error);
}

/* The optional "portion" member of an entry or ingredient */
static gboolean
read_portion_choice (JsonObject   *object,
                     const char   *path,
                     const char  **description,
                     double       *quantity,
                     GError      **error)
{
  JsonNode *node = get_member (object, "portion");
  g_autofree char *where = g_strdup_printf ("%s.portion", path);
  GError *local_error = NULL;
  JsonObject *portion;

  *description = NULL;
  *quantity = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  portion = get_object (node, where, error);
  if (portion == NULL ||
      !get_number (portion, "quantity", where, quantity, error) ||
      !get_string (portion, "description", where, TRUE, description, error))
    return FALSE;

  if (!cf_validate_quantity (*quantity, &local_error))
    {
      g_autofree char *member = g_strdup_printf ("%s.quantity", where);
      prefix_import_error (error, local_error, member);
      return FALSE;
    }

  return TRUE;
}

/* The "recipe" member of a food: cooked weight, servings, ingredients
 * with their copied values */
static gboolean
read_recipe_members (JsonObject  *object,
                     const char  *recipe_path,
                     CfRecipe    *recipe,
                     GError     **error)
{
  g_autofree char *ingredients_path = g_strdup_printf ("%s.ingredients", recipe_path);
  JsonNode *ingredients = get_member (object, "ingredients");
  JsonArray *array;
  double cooked, servings;

  if (!get_optional_number (object, "cooked_grams", recipe_path, &cooked, error) ||
      !get_optional_number (object, "servings", recipe_path, &servings, error))
    return FALSE;

  cf_recipe_set_cooked_grams (recipe, cooked);
  cf_recipe_set_servings (recipe, servings);

  if (ingredients == NULL || !JSON_NODE_HOLDS_ARRAY (ingredients))
    {
      set_import_error (error, ingredients_path, ingredients ? _("must be a list") : _("missing"));
      return FALSE;
    }

  array = get_bounded_array (object, "ingredients", recipe_path, CF_MAX_INGREDIENTS, error);
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", ingredients_path, i);
      g_autofree char *food_path = g_strdup_printf ("%s.food", where);
      g_autoptr(CfRecipeIngredient) ingredient = NULL;
      g_autofree char *food_id = NULL;
      const char *food_name, *kind_key, *description;
      CfFoodKind kind = CF_FOOD_KIND_FOOD;
      double grams, quantity;
      CfNutrients nutrients;
      JsonObject *item, *food;

      item = get_object (json_array_get_element (array, i), where, error);
      if (item == NULL)
        return FALSE;

      food = get_object (get_member (item, "food"), food_path, error);
      if (food == NULL ||
          !get_id (food, "id", food_path, TRUE, &food_id, error) ||
          !get_string (food, "name", food_path, TRUE, &food_name, error) ||
          !get_string (food, "kind", food_path, FALSE, &kind_key, error))
        return FALSE;

      if (!cf_food_id_is_valid (food_id))
        {
          g_autofree char *id_path = g_strdup_printf ("%s.id", food_path);
          set_import_error (error, id_path, _("“%s” is not a food id"), food_id);
          return FALSE;
        }

      if (kind_key != NULL && !cf_food_kind_from_key (kind_key, &kind))
        {
          g_autofree char *kind_path = g_strdup_printf ("%s.kind", food_path);
          set_import_error (error, kind_path, _("must be food, supplement or recipe"));
          return FALSE;
        }

      if (!get_number (item, "grams", where, &grams, error) ||
          !read_portion_choice (item, where, &description, &quantity, error) ||
          !read_nutrients (item, where, &nutrients, error))
        return FALSE;

      ingredient = cf_recipe_ingredient_new_full (food_id, food_name, kind, &nutrients, grams,
                                                  description, quantity);
      cf_recipe_append_ingredient (recipe, ingredient);
    }

  return TRUE;
}

/* A food object in the export's shape, at @path.  A food with a
 * "recipe" member comes back as @recipe too; its values are then
 * computed from the ingredients, and "per_100g" and "portions" in the
 * file are only checked. */
static CfFood *
read_food_object (CfFoodStore  *store,
                  JsonNode     *node,
                  const char   *path,
                  gboolean      id_required,
                  GHashTable   *seen,
                  CfRecipe    **recipe_out,
                  GError      **error)
{
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfRecipe) recipe = NULL;
  g_autofree char *portions_path = NULL;
  g_autofree char *id = NULL;
  const char *kind_key, *name, *brand, *group, *note;
  CfFoodKind kind = CF_FOOD_KIND_FOOD;
  CfFoodField field = CF_FOOD_FIELD_NONE;
  guint field_index = 0;
  CfNutrients nutrients;
  GError *local_error = NULL;
  JsonObject *object;
  JsonNode *portions, *recipe_node;

  object = get_object (node, path, error);
  if (object == NULL)
    return NULL;

  if (!get_id (object, "id", path, id_required, &id, error) ||
      !get_string (object, "kind", path, FALSE, &kind_key, error) ||
      !get_string (object, "name", path, TRUE, &name, error) ||
      !get_string (object, "brand", path, FALSE, &brand, error) ||
      !get_string (object, "group", path, FALSE, &group, error) ||
      !get_string (object, "note", path, FALSE, &note, error))
    return NULL;

  if (id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      id = g_strconcat ("custom:", uuid, NULL);
    }

  if (!g_str_has_prefix (id, "custom:") || !cf_food_id_is_valid (id))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      set_import_error (error, where, _("“%s” is not the id of a food of your own (custom:<uuid>)"), id);
      return NULL;
    }

  if (seen != NULL && !g_hash_table_add (seen, g_strdup (id)))
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
      JsonArray *array = get_bounded_array (object, "portions", path, CF_MAX_PORTIONS, error);

      if (array == NULL)
        return NULL;
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

          if (amount <= 0)
            {
              g_autofree char *member = g_strdup_printf ("%s.amount", where);
              set_import_error (error, member, _("must be more than zero"));
              return NULL;
            }

          if (grams <= 0 || grams > CF_FOOD_MAX_PORTION_GRAMS)
            {
              g_autofree char *member = g_strdup_printf ("%s.grams", where);
              set_import_error (error, member, _("must be more than 0 and at most %.0f"), CF_FOOD_MAX_PORTION_GRAMS);
              return NULL;
            }

          portion = cf_portion_new (amount, description, grams);
          cf_food_add_portion (food, portion);
        }
    }

  if (!cf_food_store_validate_food (store, food, &field, &field_index, &local_error))
    {
      g_autofree char *where = field_path (path, path, field, field_index);
      prefix_import_error (error, local_error, where);
      return NULL;
    }

  recipe_node = get_member (object, "recipe");
  if (recipe_node != NULL && !JSON_NODE_HOLDS_NULL (recipe_node))
    {
      g_autofree char *recipe_path = g_strdup_printf ("%s.recipe", path);
      JsonObject *recipe_object;

      if (kind != CF_FOOD_KIND_RECIPE)
        {
          set_import_error (error, recipe_path, _("only a food of kind “recipe” has a recipe"));
          return NULL;
        }

      recipe_object = get_object (recipe_node, recipe_path, error);
      if (recipe_object == NULL)
        return NULL;

      recipe = cf_recipe_new_with_id (id, name);
      cf_recipe_set_group_code (recipe, group);
      cf_recipe_set_note (recipe, note);
      if (!read_recipe_members (recipe_object, recipe_path, recipe, error))
        return NULL;

      if (!cf_food_store_validate_recipe (store, recipe, &field, &field_index, &local_error))
        {
          g_autofree char *where = field_path (path, recipe_path, field, field_index);
          prefix_import_error (error, local_error, where);
          return NULL;
        }

      /* The values are the ingredients' */
      g_object_unref (food);
      food = cf_recipe_to_food (recipe);
    }

  if (recipe_out != NULL)
    *recipe_out = g_steal_pointer (&recipe);

  return g_steal_pointer (&food);
}

typedef struct
{
  char      *id;
  GPtrArray *children;
  guint      next;
} Frame;

static void
frame_free (Frame *frame)
{
  g_free (frame->id);
  g_ptr_array_unref (frame->children);
  g_free (frame);
}

/* The ids of the foods of one's own among the ingredients of the recipe
 * @id: from @in_file when it is there (it replaces the stored one), else
 * from the store; none for what is not a recipe */
static Frame *
frame_new (CfFoodStore *store,
           GHashTable  *in_file,
           GHashTable  *names,
           const char  *id)
{
  Frame *frame = g_new0 (Frame, 1);
  g_autoptr(CfRecipe) stored = NULL;
  CfRecipe *recipe = g_hash_table_lookup (in_file, id);

  frame->id = g_strdup (id);
  frame->children = g_ptr_array_new_with_free_func (g_free);

  if (recipe == NULL)
    recipe = stored = cf_food_store_get_recipe (store, id, NULL);
  if (recipe == NULL)
    return frame;

  g_hash_table_replace (names, g_strdup (id), g_strdup (cf_recipe_get_name (recipe)));
  for (guint i = 0; i < g_list_model_get_n_items (cf_recipe_get_ingredients (recipe)); i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (cf_recipe_get_ingredients (recipe), i);
      const char *child = cf_recipe_ingredient_get_food_id (ingredient);

      if (g_str_has_prefix (child, "custom:"))
        g_ptr_array_add (frame->children, g_strdup (child));
    }

  return frame;
}

enum { VISITING = 1, DONE = 2 };

/* Refuses recipes that contain themselves at any depth (A has B, B has
 * A), taking @recipes (NULL for foods that are not recipes) as they are
 * about to be saved, over what is stored.  An iterative depth-first
 * search, so no chain of recipes can exhaust the stack; @paths give
 * where in the file the ingredients of each recipe are. */
static gboolean
check_recipe_cycles (CfFoodStore  *store,
                     GPtrArray    *recipes,
                     GPtrArray    *paths,
                     GError      **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < recipes->len; i++)
    {
      CfRecipe *recipe = g_ptr_array_index (recipes, i);

      if (recipe != NULL)
        g_hash_table_insert (in_file, (gpointer) cf_recipe_get_id (recipe), recipe);
    }

  for (guint i = 0; i < recipes->len; i++)
    {
      CfRecipe *recipe = g_ptr_array_index (recipes, i);
      g_autoptr(GPtrArray) stack = NULL;

      if (recipe == NULL || g_hash_table_contains (state, cf_recipe_get_id (recipe)))
        continue;

      stack = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
      g_hash_table_insert (state, g_strdup (cf_recipe_get_id (recipe)), GINT_TO_POINTER (VISITING));
      g_ptr_array_add (stack, frame_new (store, in_file, names, cf_recipe_get_id (recipe)));

      while (stack->len > 0)
        {
          Frame *top = g_ptr_array_index (stack, stack->len - 1);
          const char *child;

          if (top->next == top->children->len)
            {
              g_hash_table_replace (state, g_strdup (top->id), GINT_TO_POINTER (DONE));
              g_ptr_array_remove_index (stack, stack->len - 1);
              continue;
            }

          child = g_ptr_array_index (top->children, top->next++);
          switch (GPOINTER_TO_INT (g_hash_table_lookup (state, child)))
            {
            case VISITING:
              {
                g_autoptr(GString) trail = g_string_new (NULL);
                const char *where = g_ptr_array_index (paths, i);
                guint first = 0;

                while (g_strcmp0 (((Frame *) g_ptr_array_index (stack, first))->id, child) != 0)
                  first++;
                for (guint k = first; k < stack->len; k++)
                  {
                    const char *id = ((Frame *) g_ptr_array_index (stack, k))->id;
                    const char *name = g_hash_table_lookup (names, id);

                    g_string_append_printf (trail, "“%s” → ", name ? name : id);
                  }
                g_string_append_printf (trail, "“%s”", (char *) g_hash_table_lookup (names, child));

                set_import_error (error, where,
                                  /* Translators: %s is a chain of recipes, e.g.
                                   * “Soup” → “Stock” → “Soup” */
                                  _("a recipe cannot contain itself, not even through other recipes: %s"),
                                  trail->str);
                return FALSE;
              }

            case DONE:
              break;

            default:
              g_hash_table_insert (state, g_strdup (child), GINT_TO_POINTER (VISITING));
              g_ptr_array_add (stack, frame_new (store, in_file, names, child));
            }
        }
    }

  return TRUE;
}

static gboolean
check_one_recipe (CfFoodStore  *store,
                  CfRecipe     *recipe,
                  const char   *path,
                  GError      **error)
{
  g_autoptr(GPtrArray) recipes = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  if (recipe == NULL)
    return TRUE;

  g_ptr_array_add (recipes, recipe);
  g_ptr_array_add (paths, (gpointer) path);

  return check_recipe_cycles (store, recipes, paths, error);
}

static CfFood *
read_food (CfFoodStore  *store,
           JsonNode     *node,
           guint         index,
           GHashTable   *seen,
           CfRecipe    **recipe,
           GError      **error)
{
  g_autofree char *path = g_strdup_printf ("foods[%u]", index);

  return read_food_object (store, node, path, TRUE, seen, recipe, error);
}

/* One member of "favourites": { "food": ID, "added": TIME } */
static char *
read_favourite (JsonNode    *node,
                guint        index,
                GHashTable  *seen,
                char       **added_out,
                GError     **error)
{
  g_autofree char *path = g_strdup_printf ("favourites[%u]", index);
  g_autofree char *id = NULL;
  const char *added;
  JsonObject *object;

  object = get_object (node, path, error);
  if (object == NULL ||
      !get_id (object, "food", path, TRUE, &id, error) ||
      !get_string (object, "added", path, FALSE, &added, error))
    return NULL;

  if (!cf_food_id_is_valid (id))
    {
      g_autofree char *where = g_strdup_printf ("%s.food", path);
      set_import_error (error, where, _("“%s” is not a food id"), id);
      return NULL;
    }

  if (!g_hash_table_add (seen, g_strdup (id)))
    {
      g_autofree char *where = g_strdup_printf ("%s.food", path);
      set_import_error (error, where, _("“%s” appears twice"), id);
      return NULL;
    }

  if (added != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (added, NULL);
      g_autoptr(GDateTime) utc = time != NULL ? g_date_time_to_utc (time) : NULL;

      /* In UTC, it may fall outside the years GLib can hold (0001-01-01
       * in UTC+1) */
      if (utc == NULL)
        {
          g_autofree char *where = g_strdup_printf ("%s.added", path);
          set_import_error (error, where, _("“%s” is not a time of the form YYYY-MM-DDTHH:MM:SSZ"), added);
          return NULL;
        }

      /* Four digits for the year, as the import wants them back: "%Y"
       * writes the year 226 as "226" */
      *added_out = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                    g_date_time_get_year (utc), g_date_time_get_month (utc),
                                    g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                    g_date_time_get_minute (utc), g_date_time_get_second (utc));
    }
  else
    *added_out = NULL;

  return g_steal_pointer (&id);
}

/**
 * cf_json_read_food:
 * @store: the store, to check the food group
 * @node: a food object in the export's shape ("id" optional: a new
 *   `custom:` id is made when it is missing)
 * @recipe: (out) (optional) (transfer full) (nullable): the recipe when
 *   the object has a "recipe" member
 *
 * Reads one food as `cofactor-cli food-add` takes it.  Errors name the
 * member, e.g. "food.per_100g.calcium: must be a number".
 *
 * Returns: (transfer full): the food, or %NULL with @error set
 */
CfFood *
cf_json_read_food (CfFoodStore  *store,
                   JsonNode     *node,
                   CfRecipe    **recipe,
                   GError      **error)
{
  g_autoptr(CfRecipe) read_recipe = NULL;
  g_autoptr(CfFood) food = NULL;

  g_return_val_if_fail (CF_IS_FOOD_STORE (store), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (recipe != NULL)
    *recipe = NULL;

  food = read_food_object (store, node, "food", FALSE, NULL, &read_recipe, error);
  if (food == NULL || !check_one_recipe (store, read_recipe, "food.recipe.ingredients", error))
    return NULL;

  if (recipe != NULL)
    *recipe = g_steal_pointer (&read_recipe);

  return g_steal_pointer (&food);
}

/**
 * cf_json_read_recipe_spec:
 * @store: the store the ingredients' foods are loaded from
 * @node: an object `{ "name", "servings" and/or "cooked_grams",
 *   "ingredients": [ { "food": ID, "amount": "150g" | "1 cup" | 150 }
 *   … ] }`, optionally with "id" (to replace a recipe), "group" and
 *   "note"; an ingredient may give "grams" instead of "amount"
 *
 * Reads a recipe as `cofactor-cli recipe-add` takes it: each ingredient
 * food is loaded now and its name and values copied.
 *
 * Returns: (transfer full): the recipe, checked with
 *   cf_food_store_validate_recipe(), or %NULL with @error set
 */
CfRecipe *
cf_json_read_recipe_spec (CfFoodStore  *store,
                          JsonNode     *node,
                          GError      **error)
{
  const char *path = "recipe";
  g_autoptr(CfRecipe) recipe = NULL;
  g_autofree char *ingredients_path = NULL;
  g_autofree char *id = NULL;
  const char *name, *group, *note;
  double cooked, servings;
  CfFoodField field = CF_FOOD_FIELD_NONE;
  guint field_index = 0;
  GError *local_error = NULL;
  JsonObject *object;
  JsonNode *ingredients;
  JsonArray *array;

  g_return_val_if_fail (CF_IS_FOOD_STORE (store), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  object = get_object (node, path, error);
  if (object == NULL ||
      !get_id (object, "id", path, FALSE, &id, error) ||
      !get_string (object, "name", path, TRUE, &name, error) ||
      !get_string (object, "group", path, FALSE, &group, error) ||
      !get_string (object, "note", path, FALSE, &note, error) ||
      !get_optional_number (object, "cooked_grams", path, &cooked, error) ||
      !get_optional_number (object, "servings", path, &servings, error))
    return NULL;

  if (id != NULL && (!g_str_has_prefix (id, "custom:") || !cf_food_id_is_valid (id)))
    {
      set_import_error (error, "recipe.id", _("“%s” is not the id of a food of your own (custom:<uuid>)"), id);
      return NULL;
    }

  recipe = id ? cf_recipe_new_with_id (id, name) : cf_recipe_new (name);
  cf_recipe_set_group_code (recipe, group);
  cf_recipe_set_note (recipe, note);
  cf_recipe_set_cooked_grams (recipe, cooked);
  cf_recipe_set_servings (recipe, servings);

  ingredients_path = g_strdup_printf ("%s.ingredients", path);
  ingredients = get_member (object, "ingredients");
  if (ingredients == NULL || !JSON_NODE_HOLDS_ARRAY (ingredients))
    {
      set_import_error (error, ingredients_path, ingredients ? _("must be a list") : _("missing"));
      return NULL;
    }

  array = get_bounded_array (object, "ingredients", path, CF_MAX_INGREDIENTS, error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", ingredients_path, i);
      g_autofree char *amount_path = g_strdup_printf ("%s.amount", where);
      g_autoptr(CfFood) food = NULL;
      g_autoptr(CfPortion) portion = NULL;
      g_autofree char *food_id = NULL;
      double grams = 0, quantity = 0;
      JsonObject *item;
      JsonNode *amount;

      item = get_object (json_array_get_element (array, i), where, error);
      if (item == NULL || !get_id (item, "food", where, TRUE, &food_id, error))
        return NULL;

      food = cf_food_store_get_food (store, food_id, &local_error);
      if (food == NULL)
        {
          g_autofree char *food_path = g_strdup_printf ("%s.food", where);
          prefix_import_error (error, local_error, food_path);
          return NULL;
        }

      amount = get_member (item, "amount");
      if (amount == NULL && get_member (item, "grams") != NULL)
        {
          if (!get_number (item, "grams", where, &grams, error))
            return NULL;
        }
      else if (amount != NULL && JSON_NODE_HOLDS_VALUE (amount) &&
               json_node_get_value_type (amount) == G_TYPE_STRING)
        {
          if (!cf_parse_amount (json_node_get_string (amount), food, &grams, &portion, &quantity, &local_error))
            {
              prefix_import_error (error, local_error, amount_path);
              return NULL;
            }
        }
      else if (amount != NULL)
        {
          if (!get_number (item, "amount", where, &grams, error))
            return NULL;
        }
      else
        {
          set_import_error (error, amount_path, _("missing"));
          return NULL;
        }

      cf_recipe_add_ingredient (recipe, food, grams, portion, quantity);
    }

  if (!cf_food_store_validate_recipe (store, recipe, &field, &field_index, &local_error))
    {
      g_autofree char *where = field_path (path, path, field, field_index);
      prefix_import_error (error, local_error, where);
      return NULL;
    }

  if (!check_one_recipe (store, recipe, "recipe.ingredients", error))
    return NULL;

  return g_steal_pointer (&recipe);
}

/* "origin": { "source": "cronometer", "amount": "1.00 medium",
 * "meal": "Pre-workout" } of an imported entry; optional */
static gboolean
read_entry_origin (JsonObject     *entry,
                   const char     *path,
                   CfEntryOrigin  *origin,
                   const char    **amount,
                   const char    **meal,
                   GError        **error)
{
  g_autofree char *where = g_strdup_printf ("%s.origin", path);
  JsonNode *node = get_member (entry, "origin");
  JsonObject *object;
  const char *source;

  *origin = CF_ENTRY_ORIGIN_NONE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  object = get_object (node, where, error);
  if (object == NULL ||
      !get_string (object, "source", where, TRUE, &source, error) ||
      !get_string (object, "amount", where, FALSE, amount, error) ||
      !get_string (object, "meal", where, FALSE, meal, error))
    return FALSE;

  if (!cf_entry_origin_from_key (source, origin) || *origin == CF_ENTRY_ORIGIN_NONE)
    {
      g_autofree char *member = g_strdup_printf ("%s.source", where);
      set_import_error (error, member, _("must be cronometer or myfitnesspal"));
      return FALSE;
    }

  return TRUE;
}

/* "value_kinds": { nutrient key: "borrowed" | "assumed" } for values
 * the entry has; a value not named there is measured */
static gboolean
read_entry_value_kinds (JsonObject         *parent,
                        const char         *path,
                        const CfNutrients  *nutrients,
                        CfDiaryEntry       *entry,
                        GError            **error)
{
  g_autofree char *where = g_strdup_printf ("%s.value_kinds", path);
  g_autoptr(GList) members = NULL;
  JsonNode *node = get_member (parent, "value_kinds");
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  object = get_object (node, where, error);
  if (object == NULL)
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *member = g_strdup_printf ("%s.%s", where, key);
      const char *kind_key;
      CfNutrient nutrient;
      CfValueKind kind;

      if (!cf_nutrient_from_key (key, &nutrient))
        {
          set_import_error (error, member, _("unknown nutrient"));
          return FALSE;
        }

      if (!get_string (object, key, where, TRUE, &kind_key, error))
        return FALSE;

      if (g_strcmp0 (kind_key, "borrowed") == 0)
        kind = CF_VALUE_BORROWED;
      else if (g_strcmp0 (kind_key, "assumed") == 0)
        kind = CF_VALUE_ASSUMED;
      else
        {
          set_import_error (error, member, _("must be borrowed or assumed"));
          return FALSE;
        }

      if (isnan (nutrients->values[nutrient]))
        {
          set_import_error (error, member, _("names a value the entry does not have"));
          return FALSE;
        }

      _cf_diary_entry_set_value_kind (entry, nutrient, kind);
    }

  return TRUE;
}

static CfDiaryEntry *
read_entry (JsonNode     *node,
            guint         index,
            GHashTable   *seen,
            GError      **error)
{
  g_autofree char *path = g_strdup_printf ("entries[%u]", index);
  g_autofree char *food_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *food_id = NULL;
  const char *date, *meal_key, *food_name, *kind_key, *description = NULL;
  const char *origin_amount = NULL, *origin_meal = NULL;
  CfEntryOrigin origin = CF_ENTRY_ORIGIN_NONE;
  CfDiaryEntry *entry;
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

  if (!get_id (object, "id", path, TRUE, &id, error) ||
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

  if (!cf_parse_date (date, &day, &local_error))
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
      !get_id (food, "id", food_path, TRUE, &food_id, error) ||
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

  if (!read_entry_origin (object, path, &origin, &origin_amount, &origin_meal, error))
    return NULL;

  /* An imported entry may have amounts and no weight */
  if (origin != CF_ENTRY_ORIGIN_NONE && get_member (object, "grams") == NULL)
    {
      if (!read_nutrient_member (object, path, "amounts", TRUE, &nutrients, error))
        return NULL;

      entry = _cf_diary_entry_new_full (id, &day, meal, 0, food_id, food_name, kind, NAN,
                                        0, NULL, &nutrients);
      _cf_diary_entry_set_origin (entry, origin, origin_amount, origin_meal);
      return entry;
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

      if (!cf_validate_quantity (quantity, &local_error))
        {
          g_autofree char *member = g_strdup_printf ("%s.quantity", where);
          prefix_import_error (error, local_error, member);
          return NULL;
        }
    }

  if (!read_nutrients (object, path, &nutrients, error))
    return NULL;

  entry = _cf_diary_entry_new_full (id, &day, meal, 0, food_id, food_name, kind, grams,
                                    quantity, description, &nutrients);
  _cf_diary_entry_set_origin (entry, origin, origin_amount, origin_meal);

  if (!read_entry_value_kinds (object, path, &nutrients, entry, error))
    {
      g_object_unref (entry);
      return NULL;
    }

  return entry;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gboolean import_data (CfContext       *context,
                             const char      *data,
                             gssize           length,
                             gboolean         write,
                             CfImportCounts  *counts,
                             GError         **error);
/**
 * cf_import_from_data:
 * @counts: (out) (optional): how many foods and entries were imported
 *
 * Imports an export: custom foods are created or replaced by id, diary
 * entries likewise, so importing the same file twice changes nothing.
 * An entry the diary has under another id (the same day, meal, food and
 * amount; see _cf_diary_find_present()) is left out, so an export of a
 * diary whose entries were made again (the demo's) never doubles one.
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
  return import_data (context, data, length, TRUE, counts, error);
}

/**
 * cf_import_check_data:
 * @counts: (out) (optional): how many foods and entries would be
 *   imported
 *
 * Checks an export as cf_import_from_data() does, and writes nothing:
 * for a preview.
 */
gboolean
cf_import_check_data (CfContext       *context,
                      const char      *data,
                      gssize           length,
                      CfImportCounts  *counts,
                      GError         **error)
{
  return import_data (context, data, length, FALSE, counts, error);
}

/* An export read in three steps: _cf_import_parse() reads the file and
 * its entries, touching no database (a worker thread may run it);
 * _cf_import_resolve() checks the foods against the food store and
 * finds what the diary has already; _cf_import_write() writes it all in
 * one transaction. */
struct _CfImportContents
{
  JsonNode   *document;         /* the file without its entries */
  GPtrArray  *foods;
  GPtrArray  *recipes;          /* one slot per food, NULL if not a recipe */
  GPtrArray  *food_paths;
  GPtrArray  *favourites;
  GPtrArray  *favourite_times;
  GPtrArray  *entries;
  GError     *entries_error;    /* told after the foods' errors */
  guint8     *presence;
  guint       n_new;
  gboolean    resolved;
  /* The page cache before a long write */
  gint64      cache_size;
  gboolean    cache_set;
  /* The diary's state when @presence was found */
  gint64      presence_changes;
  gint64      presence_version;
};

/* Changes to the diary: by this connection, and by any other */
static void
diary_stamp (CfContext *context,
             gint64    *changes,
             gint64    *version)
{
  sqlite3 *db = _cf_database_get_handle (cf_context_get_database (context));
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "PRAGMA data_version", NULL);

  *changes = sqlite3_total_changes64 (db);
  *version = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

void
_cf_import_contents_free (CfImportContents *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->document, json_node_unref);
  g_clear_pointer (&self->foods, g_ptr_array_unref);
  g_clear_pointer (&self->recipes, g_ptr_array_unref);
  g_clear_pointer (&self->food_paths, g_ptr_array_unref);
  g_clear_pointer (&self->favourites, g_ptr_array_unref);
  g_clear_pointer (&self->favourite_times, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_error (&self->entries_error);
  g_free (self->presence);
  g_free (self);
}

/**
 * _cf_import_parse:
 * @progress: (nullable): called now and then, in the thread that
 *   reads, with the share of the entries read, from 0 to 1
 * @cancellable: (nullable): stops the reading
 *
 * Reads an export and its entries, and checks everything that needs no
 * database.  Thread-safe: it touches no context.
 *
 * Returns: (transfer full): what the file holds, for
 *   _cf_import_resolve(), or %NULL with @error set
 */
CfImportContents *
_cf_import_parse (const char          *data,
                  gsize                length,
                  CfImportProgressFunc progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(CfImportContents) self = g_new0 (CfImportContents, 1);
  g_autoptr(GHashTable) seen_entries = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) spans = NULL;
  const char *format;
  JsonObject *root;
  JsonNode *version_node;
  double version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      set_import_error (error, NULL, _("The file is empty"));
      return NULL;
    }

  /* Strict JSON, nested no deeper than the format needs; the entries
   * are read one at a time, so a long diary is never a tree whole */
  self->document = cf_json_parse_deferring (data, length, CF_MAX_JSON_DEPTH, "entries", &spans, &local_error);
  if (self->document == NULL)
    {
      set_import_error (error, NULL, _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (self->document))
    {
      set_import_error (error, NULL, _("The file is not a Cofactor export"));
      return NULL;
    }

  root = json_node_get_object (self->document);
  if (!get_string (root, "format", "", FALSE, &format, error))
    return NULL;

  if (g_strcmp0 (format, CF_EXPORT_FORMAT_NAME) != 0)
    {
      set_import_error (error, NULL, _("The file is not a Cofactor export (its “format” is not “%s”)"),
                        CF_EXPORT_FORMAT_NAME);
      return NULL;
    }

  version_node = get_member (root, "version");
  if (!node_get_number (version_node, &version) || version != floor (version) || version < 1)
    {
      set_import_error (error, "version", _("must be a whole number from 1"));
      return NULL;
    }

  if (version > CF_EXPORT_FORMAT_VERSION)
    {
      set_import_error (error, NULL,
                        _("The file was written by a newer version of Cofactor (format %.0f; this version reads up to %d)"),
                        version, CF_EXPORT_FORMAT_VERSION);
      return NULL;
    }

  /* A list too long, or "entries" that is not a list */
  if (get_bounded_array (root, "entries", NULL, CF_MAX_IMPORT_ENTRIES, error) == NULL && error && *error)
    return NULL;
  if (spans != NULL && spans->len > CF_MAX_IMPORT_ENTRIES)
    {
      set_import_error (error, "entries", _("has more than %u elements"), CF_MAX_IMPORT_ENTRIES);
      return NULL;
    }

  self->entries = g_ptr_array_new_full (spans ? spans->len : 0, g_object_unref);
  seen_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      g_autoptr(JsonNode) node = cf_json_parse_span (data, &g_array_index (spans, CfJsonSpan, i));
      CfDiaryEntry *entry = read_entry (node, i, seen_entries, &self->entries_error);

      if (entry == NULL)
        break;
      g_ptr_array_add (self->entries, entry);

      if ((i + 1) % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress ((double) (i + 1) / spans->len, user_data);
        }
    }

  return g_steal_pointer (&self);
}

/**
 * _cf_import_resolve:
 *
 * Reads the foods and favourites of @self against the food store, and
 * finds the entries the diary has already.  Called again before a
 * write, it finds them again.
 */
gboolean
_cf_import_resolve (CfContext         *context,
                    CfImportContents  *self,
                    CfImportCounts    *counts,
                    GError           **error)
{
  g_autoptr(GHashTable) seen_favourites = NULL;
  g_autoptr(GHashTable) seen_foods = NULL;
  JsonObject *root;
  JsonArray *array;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->resolved)
    {
      root = json_node_get_object (self->document);
      self->foods = g_ptr_array_new_with_free_func (g_object_unref);
      self->recipes = g_ptr_array_new_with_free_func (unref_if_set);
      self->food_paths = g_ptr_array_new_with_free_func (g_free);
      self->favourites = g_ptr_array_new_with_free_func (g_free);
      self->favourite_times = g_ptr_array_new_with_free_func (g_free);
      seen_favourites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      seen_foods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      array = get_bounded_array (root, "foods", NULL, CF_MAX_IMPORT_FOODS, error);
      if (array == NULL && error && *error)
        return FALSE;
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          CfRecipe *recipe = NULL;
          CfFood *food = read_food (cf_context_get_food_store (context), json_array_get_element (array, i), i,
                                    seen_foods, &recipe, error);

          if (food == NULL)
            return FALSE;
          g_ptr_array_add (self->foods, food);
          /* NULL for a food that is not a recipe: one slot per food */
          g_ptr_array_add (self->recipes, recipe);
          g_ptr_array_add (self->food_paths, g_strdup_printf ("foods[%u].recipe.ingredients", i));
        }

      if (!check_recipe_cycles (cf_context_get_food_store (context), self->recipes, self->food_paths, error))
        return FALSE;

      array = get_bounded_array (root, "favourites", NULL, CF_MAX_IMPORT_FAVOURITES, error);
      if (array == NULL && error && *error)
        return FALSE;
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          char *added = NULL;
          char *id = read_favourite (json_array_get_element (array, i), i, seen_favourites, &added, error);

          if (id == NULL)
            return FALSE;
          g_ptr_array_add (self->favourites, id);
          g_ptr_array_add (self->favourite_times, added);
        }

      /* The foods' problems first, then the entries' */
      if (self->entries_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->entries_error));
          return FALSE;
        }

      /* Everything read: the tree is not needed any more */
      g_clear_pointer (&self->document, json_node_unref);
      self->resolved = TRUE;
    }

  /* What the diary has already: by id, or the same entry made again
   * under another id (an export of the demo, or of a diary restored
   * from the same file); found again if the diary changed since */
  {
    gint64 changes, version;

    diary_stamp (context, &changes, &version);
    if (self->presence == NULL || version < 0 ||
        changes != self->presence_changes || version != self->presence_version)
      {
        g_clear_pointer (&self->presence, g_free);
        self->presence = g_new0 (guint8, MAX (self->entries->len, 1));
        if (!_cf_diary_find_present (cf_context_get_diary (context), self->entries, self->presence, error))
          {
            g_clear_pointer (&self->presence, g_free);
            return FALSE;
          }
        diary_stamp (context, &self->presence_changes, &self->presence_version);
      }
  }
  self->n_new = 0;
  for (guint i = 0; i < self->entries->len; i++)
    if (self->presence[i] == CF_ENTRY_NEW)
      self->n_new++;

  if (counts != NULL)
    *counts = (CfImportCounts) { self->foods->len, self->entries->len, self->favourites->len, self->n_new };

  return TRUE;
}

/* A long diary is written with a page cache that holds what it writes,
 * so that SQLite does not spill pages to the log again and again
 * before the commit (SQLite's default is 2 MiB) */
#define BIG_IMPORT 2000

static void
set_import_cache (CfContext        *context,
                  CfImportContents *self,
                  gboolean          big)
{
  sqlite3 *db = _cf_database_get_handle (cf_context_get_database (context));
  g_autofree char *sql = NULL;

  if (self->entries->len <= BIG_IMPORT)
    return;

  /* Back to what it was before, after the write */
  if (big)
    {
      g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "PRAGMA cache_size", NULL);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        return;
      self->cache_size = sqlite3_column_int64 (stmt, 0);
      self->cache_set = TRUE;
      _cf_exec (db, "PRAGMA cache_size = -65536", NULL);
    }
  else if (self->cache_set)
    {
      sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, self->cache_size);
      _cf_exec (db, sql, NULL);
      self->cache_set = FALSE;
    }
}

/**
 * _cf_import_write_begin:
 *
 * Starts writing what _cf_import_resolve() checked: finds the entries
 * the diary has already again if it changed, opens the transaction and
 * writes the foods.  Then _cf_import_write_entries() until it is done,
 * and _cf_import_write_end(); _cf_import_write_abort() on an error or
 * to cancel.
 */
gboolean
_cf_import_write_begin (CfContext         *context,
                        CfImportContents  *self,
                        GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  CfDatabase *database;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!_cf_import_resolve (context, self, NULL, error))
    return FALSE;

  database = cf_context_get_database (context);
  set_import_cache (context, self, TRUE);
  if (!cf_database_begin (database, error))
    {
      set_import_cache (context, self, FALSE);
      return FALSE;
    }

  for (guint i = 0; i < self->foods->len; i++)
    {
      CfFoodStore *store = cf_context_get_food_store (context);
      CfRecipe *recipe = g_ptr_array_index (self->recipes, i);

      if (recipe != NULL ? !_cf_food_store_write_recipe (store, recipe, &local_error)
                         : !_cf_food_store_write_custom_food (store, g_ptr_array_index (self->foods, i), &local_error))
        {
          g_autofree char *where = g_strdup_printf ("foods[%u]", i);
          _cf_import_write_abort (context, self);
          prefix_import_error (error, g_steal_pointer (&local_error), where);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _cf_import_write_entries:
 * @next: (inout): the first entry to write; on return, the next one
 * @max: how many to write at most
 *
 * Returns: %FALSE with @error set on an error, after which only
 *   _cf_import_write_abort() is called
 */
gboolean
_cf_import_write_entries (CfContext         *context,
                          CfImportContents  *self,
                          guint             *next,
                          guint              max,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  guint end = *next + MIN (max, self->entries->len - MIN (*next, self->entries->len));

  for (guint i = *next; i < end; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (self->entries, i);

      /* Never a second copy of an entry the diary has */
      if (self->presence[i] == CF_ENTRY_SAME_CONTENT)
        continue;

      if (!_cf_diary_write_entry (cf_context_get_diary (context), entry, TRUE, &local_error))
        {
          g_autofree char *where = g_strdup_printf ("entries[%u]", i);
          prefix_import_error (error, g_steal_pointer (&local_error), where);
          return FALSE;
        }
    }

  *next = end;
  return TRUE;
}

/**
 * _cf_import_write_end:
 *
 * Writes the favourites and commits.
 */
gboolean
_cf_import_write_end (CfContext         *context,
                      CfImportContents  *self,
                      CfImportCounts    *counts,
                      GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean committed;

  for (guint i = 0; i < self->favourites->len; i++)
    {
      if (!_cf_food_store_write_favourite (cf_context_get_food_store (context), g_ptr_array_index (self->favourites, i),
                                           g_ptr_array_index (self->favourite_times, i), &local_error))
        {
          g_autofree char *where = g_strdup_printf ("favourites[%u]", i);
          _cf_import_write_abort (context, self);
          prefix_import_error (error, g_steal_pointer (&local_error), where);
          return FALSE;
        }
    }

  committed = cf_database_commit (cf_context_get_database (context), error);
  set_import_cache (context, self, FALSE);
  if (!committed)
    return FALSE;

  if (self->entries->len > 0)
    g_signal_emit_by_name (cf_context_get_diary (context), "changed", NULL);

  if (counts != NULL)
    *counts = (CfImportCounts) { self->foods->len, self->entries->len, self->favourites->len, self->n_new };

  return TRUE;
}

void
_cf_import_write_abort (CfContext        *context,
                        CfImportContents *self)
{
  cf_database_rollback (cf_context_get_database (context));
  set_import_cache (context, self, FALSE);
}

/**
 * _cf_import_write:
 *
 * Writes what _cf_import_resolve() checked, all of it or nothing, in one
 * transaction.
 */
gboolean
_cf_import_write (CfContext         *context,
                  CfImportContents  *self,
                  CfImportCounts    *counts,
                  GError           **error)
{
  guint next = 0;

  if (!_cf_import_write_begin (context, self, error))
    return FALSE;

  if (!_cf_import_write_entries (context, self, &next, G_MAXUINT, error))
    {
      _cf_import_write_abort (context, self);
      return FALSE;
    }

  return _cf_import_write_end (context, self, counts, error);
}

/**
 * _cf_import_contents_get_n_entries:
 *
 * Returns: how many entries the file has
 */
guint
_cf_import_contents_get_n_entries (CfImportContents *self)
{
  return self->entries->len;
}

static gboolean
import_data (CfContext       *context,
             const char      *data,
             gssize           length,
             gboolean         write,
             CfImportCounts  *counts,
             GError         **error)
{
  g_autoptr(CfImportContents) contents = NULL;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  contents = _cf_import_parse (data, length < 0 ? strlen (data) : (gsize) length, NULL, NULL, NULL, error);
  if (contents == NULL)
    return FALSE;

  if (!write)
    return _cf_import_resolve (context, contents, counts, error);

  return _cf_import_write (context, contents, counts, error);
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
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The size is measured while reading: a file system may not know it
   * beforehand (/dev/zero, a pipe) */
  data = cf_read_text_file (file, CF_MAX_IMPORT_BYTES, &length, error);
  if (data == NULL)
    return FALSE;

  return cf_import_from_data (context, data, length, counts, error);
}

/**
 * cf_json_to_string:
 *
 * Returns: (transfer full): the builder's document, indented, as strict
 *   JSON (RFC 8259) that always reads back
 */
char *
cf_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  /* Not json-glib's generator: it writes numbers such as "1e-300.0" */
  return cf_json_write (root, TRUE);
}
