/* cf-food.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-food-private.h"
#include "cf-parse.h"

/* Longest food or brand name we accept, in characters */
#define MAX_NAME_CHARS CF_FOOD_MAX_NAME_CHARS

/**
 * CfFood:
 *
 * A food, from the reference data or made by the user, with its
 * nutrients per 100 g, where each value came from and its household
 * measures.
 */
struct _CfFood
{
  GObject       parent_instance;

  char         *id;
  CfFoodSource  source;
  CfFoodKind    kind;
  char         *source_id;
  char         *citation;
  char         *name;
  char         *brand;
  char         *common_name;
  char         *group_code;
  char         *group_name;
  char         *note;
  CfNutrients   nutrients;
  char         *origins[CF_N_NUTRIENTS];
  CfValueKind   value_kinds[CF_N_NUTRIENTS];
  GPtrArray    *k2_alternatives;
  char         *link_note;
  char         *local_name;
  GListStore   *portions;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_NAME,
  PROP_BRAND,
  PROP_GROUP_CODE,
  PROP_KIND,
  PROP_NOTE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfFood, cf_food, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
cf_food_dispose (GObject *object)
{
  CfFood *self = (CfFood *) object;

  g_clear_object (&self->portions);

  G_OBJECT_CLASS (cf_food_parent_class)->dispose (object);
}

static void
cf_food_finalize (GObject *object)
{
  CfFood *self = (CfFood *) object;

  g_free (self->id);
  g_free (self->source_id);
  g_free (self->citation);
  g_free (self->name);
  g_free (self->brand);
  g_free (self->common_name);
  g_free (self->group_code);
  g_free (self->group_name);
  g_free (self->note);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_free (self->origins[i]);
  g_clear_pointer (&self->k2_alternatives, g_ptr_array_unref);
  g_free (self->link_note);
  g_free (self->local_name);

  G_OBJECT_CLASS (cf_food_parent_class)->finalize (object);
}

static void
cf_food_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CfFood *self = CF_FOOD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SOURCE:
      g_value_set_int (value, self->source);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BRAND:
      g_value_set_string (value, self->brand);
      break;

    case PROP_GROUP_CODE:
      g_value_set_string (value, self->group_code);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_food_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CfFood *self = CF_FOOD (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_get_int (value);
      break;

    case PROP_NAME:
      cf_food_set_name (self, g_value_get_string (value));
      break;

    case PROP_BRAND:
      cf_food_set_brand (self, g_value_get_string (value));
      break;

    case PROP_GROUP_CODE:
      cf_food_set_group_code (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      cf_food_set_kind (self, g_value_get_int (value));
      break;

    case PROP_NOTE:
      cf_food_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_food_class_init (CfFoodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_food_dispose;
  object_class->finalize = cf_food_finalize;
  object_class->get_property = cf_food_get_property;
  object_class->set_property = cf_food_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_int ("source", NULL, NULL,
                      CF_FOOD_SOURCE_USDA, CF_FOOD_SOURCE_CUSTOM, CF_FOOD_SOURCE_CUSTOM,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BRAND] =
    g_param_spec_string ("brand", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GROUP_CODE] =
    g_param_spec_string ("group-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      CF_FOOD_KIND_FOOD, CF_FOOD_KIND_RECIPE, CF_FOOD_KIND_FOOD,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_food_init (CfFood *self)
{
  cf_nutrients_clear (&self->nutrients);
  self->portions = g_list_store_new (CF_TYPE_PORTION);
}

CfFood *
_cf_food_new (const char   *id,
              CfFoodSource  source,
              const char   *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CF_TYPE_FOOD,
                       "id", id,
                       "source", source,
                       "name", name,
                       NULL);
}

void
_cf_food_set_source (CfFood     *self,
                     const char *source_id,
                     const char *citation)
{
  g_return_if_fail (CF_IS_FOOD (self));

  set_string (&self->source_id, source_id);
  set_string (&self->citation, citation);
}

void
_cf_food_set_details (CfFood     *self,
                      const char *common_name,
                      const char *group_name)
{
  g_return_if_fail (CF_IS_FOOD (self));

  set_string (&self->common_name, common_name);
  set_string (&self->group_name, group_name);
}

void
_cf_food_set_origin (CfFood     *self,
                     CfNutrient  nutrient,
                     const char *origin)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);

  set_string (&self->origins[nutrient], origin);
}

void
_cf_food_set_value_kind (CfFood      *self,
                         CfNutrient   nutrient,
                         CfValueKind  kind)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);

  self->value_kinds[nutrient] = kind;
}

void
_cf_food_add_k2_alternative (CfFood     *self,
                             CfFood     *alternative,
                             const char *note)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (CF_IS_FOOD (alternative));

  if (self->k2_alternatives == NULL)
    self->k2_alternatives = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->k2_alternatives, g_object_ref (alternative));
  set_string (&alternative->link_note, note);
}

/**
 * cf_food_get_value_kind:
 *
 * Returns: whether the value of @nutrient was measured for this food,
 *   borrowed from a linked food of another table, or assumed by rule
 */
CfValueKind
cf_food_get_value_kind (CfFood     *self,
                        CfNutrient  nutrient)
{
  g_return_val_if_fail (CF_IS_FOOD (self), CF_VALUE_MEASURED);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, CF_VALUE_MEASURED);

  return self->value_kinds[nutrient];
}

/**
 * cf_food_get_k2_alternatives:
 *
 * The foods of vitamin K2 tables linked to this food, the one it
 * borrows from first; loaded with the food in full.
 *
 * Returns: (transfer none) (nullable) (element-type CfFood): the foods,
 *   or %NULL when none is linked
 */
GPtrArray *
cf_food_get_k2_alternatives (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->k2_alternatives;
}

void
_cf_food_set_local_name (CfFood     *self,
                         const char *name)
{
  g_return_if_fail (CF_IS_FOOD (self));

  set_string (&self->local_name, name);
}

/**
 * cf_food_get_local_name:
 *
 * Returns: (nullable): the food's name in the user's language, where
 *   the food data gives one; cf_food_get_name() is its source's name
 */
const char *
cf_food_get_local_name (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->local_name;
}

/**
 * cf_food_get_display_name:
 *
 * Returns: the name to show first: the name in the user's language if
 *   there is one, else the source's name
 */
const char *
cf_food_get_display_name (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->local_name ? self->local_name : self->name;
}

/**
 * cf_food_get_link_note:
 *
 * Returns: (nullable): for a K2-table food listed as an alternative, why
 *   it matches the food it is linked to
 */
const char *
cf_food_get_link_note (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->link_note;
}

void
_cf_food_set_value (CfFood     *self,
                    CfNutrient  nutrient,
                    double      value)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);

  self->nutrients.values[nutrient] = value;
}

/**
 * cf_food_new_custom:
 * @name: the food's name
 *
 * Creates a new food of the user's own with a fresh `custom:` id and no
 * nutrient values.  Save it with cf_food_store_save_custom_food().
 *
 * Returns: (transfer full): a new #CfFood
 */
CfFood *
cf_food_new_custom (const char *name)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("custom:", uuid, NULL);

  return _cf_food_new (id, CF_FOOD_SOURCE_CUSTOM, name);
}

const char *
cf_food_get_id (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->id;
}

CfFoodSource
cf_food_get_source (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), CF_FOOD_SOURCE_CUSTOM);

  return self->source;
}

/**
 * cf_food_get_source_id:
 *
 * Returns: (nullable): the id of the data source, e.g. "usda-sr28" or
 *   "kamao-2007"; %NULL for custom foods
 */
const char *
cf_food_get_source_id (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->source_id;
}

/**
 * cf_food_get_citation:
 *
 * Returns: (nullable): the citation of the data source
 */
const char *
cf_food_get_citation (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->citation;
}

const char *
cf_food_get_name (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->name;
}

void
cf_food_set_name (CfFood     *self,
                  const char *name)
{
  g_return_if_fail (CF_IS_FOOD (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cf_food_get_brand (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->brand;
}

void
cf_food_set_brand (CfFood     *self,
                   const char *brand)
{
  g_return_if_fail (CF_IS_FOOD (self));

  if (brand != NULL && *brand == '\0')
    brand = NULL;

  if (set_string (&self->brand, brand))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRAND]);
}

const char *
cf_food_get_common_name (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->common_name;
}

const char *
cf_food_get_group_code (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->group_code;
}

void
cf_food_set_group_code (CfFood     *self,
                        const char *group_code)
{
  g_return_if_fail (CF_IS_FOOD (self));

  if (set_string (&self->group_code, group_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_CODE]);
}

/**
 * cf_food_get_group_name:
 *
 * Returns: (nullable): the food group's name, when the food was loaded
 *   from a store
 */
const char *
cf_food_get_group_name (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->group_name;
}

CfFoodKind
cf_food_get_kind (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), CF_FOOD_KIND_FOOD);

  return self->kind;
}

void
cf_food_set_kind (CfFood     *self,
                  CfFoodKind  kind)
{
  g_return_if_fail (CF_IS_FOOD (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
cf_food_get_note (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return self->note;
}

void
cf_food_set_note (CfFood     *self,
                  const char *note)
{
  g_return_if_fail (CF_IS_FOOD (self));

  if (note != NULL && *note == '\0')
    note = NULL;

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * cf_food_get_nutrients:
 *
 * Returns: (transfer none): the nutrients in 100 g of the food
 */
const CfNutrients *
cf_food_get_nutrients (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return &self->nutrients;
}

void
cf_food_set_nutrients (CfFood            *self,
                       const CfNutrients *per_100g)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (per_100g != NULL);

  self->nutrients = *per_100g;
}

/**
 * cf_food_get_nutrient:
 *
 * Returns: the amount of @nutrient in 100 g, or NaN for "no value"
 */
double
cf_food_get_nutrient (CfFood     *self,
                      CfNutrient  nutrient)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NAN);

  return cf_nutrients_get (&self->nutrients, nutrient);
}

/**
 * cf_food_get_origin:
 *
 * Returns: (nullable): a sentence saying where the value of @nutrient
 *   comes from, e.g. the USDA food and nutrient number or a study
 *   citation; %NULL when the food has no value or was not loaded in full
 */
const char *
cf_food_get_origin (CfFood     *self,
                    CfNutrient  nutrient)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return self->origins[nutrient];
}

/**
 * cf_food_get_portions:
 *
 * Returns: (transfer none): a #GListModel of #CfPortion
 */
GListModel *
cf_food_get_portions (CfFood *self)
{
  g_return_val_if_fail (CF_IS_FOOD (self), NULL);

  return G_LIST_MODEL (self->portions);
}

void
cf_food_add_portion (CfFood    *self,
                     CfPortion *portion)
{
  g_return_if_fail (CF_IS_FOOD (self));
  g_return_if_fail (CF_IS_PORTION (portion));

  g_list_store_append (self->portions, portion);
}

void
cf_food_clear_portions (CfFood *self)
{
  g_return_if_fail (CF_IS_FOOD (self));

  g_list_store_remove_all (self->portions);
}

/**
 * cf_food_find_portion:
 * @description: a measure such as "cup" or "1 cup, chopped"
 *
 * Looks for a household measure by its description, ignoring case and a
 * leading amount.
 *
 * Returns: (transfer none) (nullable): the portion
 */
CfPortion *
cf_food_find_portion (CfFood     *self,
                      const char *description)
{
  guint n;

  g_return_val_if_fail (CF_IS_FOOD (self), NULL);
  g_return_val_if_fail (description != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->portions));
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CfPortion) portion = g_list_model_get_item (G_LIST_MODEL (self->portions), i);
          g_autofree char *label = cf_portion_dup_label (portion);
          const char *desc = cf_portion_get_description (portion);

          /* Exact matches first, then prefixes ("cup" → "cup, chopped") */
          if (pass == 0 &&
              (g_utf8_collate (desc, description) == 0 ||
               g_ascii_strcasecmp (desc, description) == 0 ||
               g_ascii_strcasecmp (label, description) == 0))
            return portion;

          if (pass == 1 &&
              g_ascii_strncasecmp (desc, description, strlen (description)) == 0)
            return portion;
        }
    }

  return NULL;
}

static gboolean
set_field (CfFoodField  field,
           guint        index,
           CfFoodField *field_out,
           guint       *index_out)
{
  if (field_out != NULL)
    *field_out = field;
  if (index_out != NULL)
    *index_out = index;

  return FALSE;
}

static gboolean
text_is_valid (const char *text,
               guint       max_chars)
{
  return g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= (glong) max_chars;
}

/**
 * cf_food_validate:
 *
 * Checks a food before it is saved, like cf_food_validate_full()
 * without saying which field is wrong.
 */
gboolean
cf_food_validate (CfFood  *self,
                  GError **error)
{
  return cf_food_validate_full (self, NULL, NULL, error);
}

/**
 * cf_food_validate_full:
 * @field: (out) (optional): the field the error is about, or
 *   %CF_FOOD_FIELD_NONE; set only on failure
 * @index: (out) (optional): for nutrients the #CfNutrient, for portions
 *   their position (from 0); 0 otherwise
 * @error: return location for a %CF_ERROR_INVALID error whose message
 *   is written to be shown next to @field
 *
 * Checks a food before it is saved, one field after the other in the
 * editor's order, and stops at the first problem:
 *
 * - the name: required, valid text, at most %CF_FOOD_MAX_NAME_CHARS
 * - the brand: optional, at most %CF_FOOD_MAX_NAME_CHARS
 * - the group code: optional, a short code of letters and digits (that
 *   the group exists is checked by cf_food_store_validate_food(), which
 *   sees the reference database)
 * - the note: optional, at most %CF_FOOD_MAX_NOTE_CHARS
 * - each value per 100 g: no value, or a finite number from 0 up to what
 *   100 g can hold (see cf_nutrients_validate())
 * - each portion: a description, an amount above 0 and a weight above
 *   0 g and at most %CF_FOOD_MAX_PORTION_GRAMS
 *
 * Returns: %TRUE if the food can be saved
 */
gboolean
cf_food_validate_full (CfFood       *self,
                       CfFoodField  *field,
                       guint        *index,
                       GError      **error)
{
  g_autofree char *name = NULL;
  guint n_portions;

  g_return_val_if_fail (CF_IS_FOOD (self), FALSE);

  name = self->name ? g_strstrip (g_strdup (self->name)) : NULL;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("A food needs a name"));
      return set_field (CF_FOOD_FIELD_NAME, 0, field, index);
    }

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("The name is not valid text"));
      return set_field (CF_FOOD_FIELD_NAME, 0, field, index);
    }

  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The name is longer than %d characters"), MAX_NAME_CHARS);
      return set_field (CF_FOOD_FIELD_NAME, 0, field, index);
    }

  if (self->brand != NULL && !text_is_valid (self->brand, MAX_NAME_CHARS))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The brand must be text of at most %d characters"), MAX_NAME_CHARS);
      return set_field (CF_FOOD_FIELD_BRAND, 0, field, index);
    }

  if (self->group_code != NULL)
    {
      gboolean ok = *self->group_code != '\0' && strlen (self->group_code) <= 8;

      for (const char *p = self->group_code; ok && *p; p++)
        ok = g_ascii_isalnum (*p);

      if (!ok)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                               _("Choose a food group from the list, or none"));
          return set_field (CF_FOOD_FIELD_GROUP, 0, field, index);
        }
    }

  if (self->note != NULL && !text_is_valid (self->note, CF_FOOD_MAX_NOTE_CHARS))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The note must be text of at most %d characters"), CF_FOOD_MAX_NOTE_CHARS);
      return set_field (CF_FOOD_FIELD_NOTE, 0, field, index);
    }

  /* One nutrient at a time, to know which one a refusal is about */
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      CfNutrients one;

      if (isnan (self->nutrients.values[i]))
        continue;

      cf_nutrients_clear (&one);
      one.values[i] = self->nutrients.values[i];
      if (!cf_nutrients_validate (&one, error))
        return set_field (CF_FOOD_FIELD_NUTRIENT, i, field, index);
    }

  /* Then together: protein, fat and carbohydrate must fit in 100 g; the
   * error goes to the last of them that has a value */
  if (!cf_nutrients_validate (&self->nutrients, error))
    {
      CfNutrient last = CF_NUTRIENT_CARBOHYDRATE;

      if (isnan (self->nutrients.values[last]))
        last = isnan (self->nutrients.values[CF_NUTRIENT_FAT]) ? CF_NUTRIENT_PROTEIN : CF_NUTRIENT_FAT;
      return set_field (CF_FOOD_FIELD_NUTRIENT, last, field, index);
    }

  n_portions = g_list_model_get_n_items (G_LIST_MODEL (self->portions));
  if (n_portions > CF_MAX_PORTIONS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("A food can have at most %d measures"), CF_MAX_PORTIONS);
      return set_field (CF_FOOD_FIELD_PORTION_DESCRIPTION, CF_MAX_PORTIONS, field, index);
    }

  for (guint i = 0; i < n_portions; i++)
    {
      g_autoptr(CfPortion) portion = g_list_model_get_item (G_LIST_MODEL (self->portions), i);
      const char *description = cf_portion_get_description (portion);
      double amount = cf_portion_get_amount (portion);
      double grams = cf_portion_get_grams (portion);
      g_autofree char *stripped = g_strstrip (g_strdup (description ? description : ""));

      if (*stripped == '\0' || !text_is_valid (stripped, MAX_NAME_CHARS))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %d is a number of characters */
                       _("Describe the measure, e.g. “cup” or “slice”, in at most %d characters"),
                       MAX_NAME_CHARS);
          return set_field (CF_FOOD_FIELD_PORTION_DESCRIPTION, i, field, index);
        }

      if (!isfinite (amount) || amount <= 0)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                               _("The number of measures must be more than zero"));
          return set_field (CF_FOOD_FIELD_PORTION_AMOUNT, i, field, index);
        }

      if (!cf_validate_quantity (amount, error))
        return set_field (CF_FOOD_FIELD_PORTION_AMOUNT, i, field, index);

      if (!isfinite (grams) || grams < CF_MIN_GRAMS || grams > CF_FOOD_MAX_PORTION_GRAMS)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %g and %.0f are numbers of grams */
                       _("A measure must weigh from %g g to %.0f g"),
                       CF_MIN_GRAMS, CF_FOOD_MAX_PORTION_GRAMS);
          return set_field (CF_FOOD_FIELD_PORTION_GRAMS, i, field, index);
        }
    }

  return TRUE;
}

/**
 * cf_food_id_is_valid:
 *
 * Returns: %TRUE if @id has the form of a food id: `usda:` and five
 *   digits, `k2:` and a slug, `custom:` and a UUID, or, for the foods
 *   of entries imported from another tracker, `cronometer:` or
 *   `myfitnesspal:` and a slug
 */
gboolean
cf_food_id_is_valid (const char *id)
{
  if (id == NULL)
    return FALSE;

  if (g_str_has_prefix (id, "usda:"))
    {
      const char *p = id + 5;

      if (strlen (p) != 5)
        return FALSE;
      for (; *p; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      return TRUE;
    }

  if (g_str_has_prefix (id, "k2:") || g_str_has_prefix (id, "cronometer:") ||
      g_str_has_prefix (id, "myfitnesspal:"))
    {
      const char *p = strchr (id, ':') + 1;

      if (*p == '\0' || strlen (p) > 120)
        return FALSE;
      for (; *p; p++)
        if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
          return FALSE;
      return TRUE;
    }

  if (g_str_has_prefix (id, "custom:"))
    return g_uuid_string_is_valid (id + 7);

  return FALSE;
}
