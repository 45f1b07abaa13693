/* cf-recipe.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-recipe"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-food-private.h"
#include "cf-diary-entry.h"
#include "cf-key-nutrients.h"
#include "cf-recipe.h"

/**
 * CfRecipe:
 *
 * A dish the user makes from other foods.  Saved, it is a custom food
 * of kind %CF_FOOD_KIND_RECIPE whose values per 100 g are computed from
 * its ingredients, so it can be searched, ranked and logged like any
 * food.
 *
 * Each ingredient keeps a copy of its food's name and values per 100 g
 * from when it was added: changing or deleting that food later does not
 * change the recipe.  Saving the recipe again recomputes its values from
 * those copies; diary entries already logged keep their own copy.
 *
 * The maths (cf_recipe_compute_nutrients()), for ingredients i with
 * weights g_i in grams and values v_i per 100 g:
 *
 * - raw weight R = Σ g_i
 * - weight of the dish W = the cooked weight if one is given (water lost
 *   or gained in cooking), else R
 * - for each nutrient, amount in the dish A = Σ v_i × g_i / 100 over the
 *   ingredients that have a value for it; the recipe's value per 100 g
 *   is A / W × 100
 * - a nutrient for which no ingredient has a value has no value ("no
 *   data", not 0)
 * - coverage = Σ g_i over the ingredients with a value / R: 1 means
 *   every ingredient had data; below 1 the value is a lower bound from
 *   the known part only (the same rule as the diary's day totals), and
 *   the food's origin text and cf_recipe_get_coverage() say so
 * - with a number of servings S, one serving weighs W / S and the
 *   recipe gets a household measure "1 serving" of that weight
 */

struct _CfRecipeIngredient
{
  GObject      parent_instance;

  char        *food_id;
  char        *food_name;
  CfFoodKind   food_kind;
  CfNutrients  nutrients;
  double       grams;
  char        *portion_description;
  double       portion_quantity;
};

enum {
  INGREDIENT_PROP_0,
  INGREDIENT_PROP_GRAMS,
  INGREDIENT_N_PROPS
};

G_DEFINE_FINAL_TYPE (CfRecipeIngredient, cf_recipe_ingredient, G_TYPE_OBJECT)

static GParamSpec *ingredient_properties[INGREDIENT_N_PROPS];

static void
cf_recipe_ingredient_finalize (GObject *object)
{
  CfRecipeIngredient *self = (CfRecipeIngredient *) object;

  g_free (self->food_id);
  g_free (self->food_name);
  g_free (self->portion_description);

  G_OBJECT_CLASS (cf_recipe_ingredient_parent_class)->finalize (object);
}

static void
cf_recipe_ingredient_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CfRecipeIngredient *self = CF_RECIPE_INGREDIENT (object);

  switch (prop_id)
    {
    case INGREDIENT_PROP_GRAMS:
      g_value_set_double (value, self->grams);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_recipe_ingredient_class_init (CfRecipeIngredientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_recipe_ingredient_finalize;
  object_class->get_property = cf_recipe_ingredient_get_property;

  ingredient_properties[INGREDIENT_PROP_GRAMS] =
    g_param_spec_double ("grams", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, INGREDIENT_N_PROPS, ingredient_properties);
}

static void
cf_recipe_ingredient_init (CfRecipeIngredient *self)
{
  cf_nutrients_clear (&self->nutrients);
}

/**
 * cf_recipe_ingredient_new_full:
 * @food_id: the ingredient's food id
 * @food_name: its name when added
 * @per_100g: its values per 100 g when added
 * @grams: how much of it goes into the recipe
 * @portion_description: (nullable): the household measure chosen
 * @portion_quantity: how many of it, or 0 without a measure
 *
 * Makes an ingredient from stored values (loading, import).
 *
 * Returns: (transfer full): a new ingredient
 */
CfRecipeIngredient *
cf_recipe_ingredient_new_full (const char        *food_id,
                               const char        *food_name,
                               CfFoodKind         food_kind,
                               const CfNutrients *per_100g,
                               double             grams,
                               const char        *portion_description,
                               double             portion_quantity)
{
  CfRecipeIngredient *self;

  g_return_val_if_fail (food_id != NULL, NULL);
  g_return_val_if_fail (per_100g != NULL, NULL);

  self = g_object_new (CF_TYPE_RECIPE_INGREDIENT, NULL);
  self->food_id = g_strdup (food_id);
  self->food_name = g_strdup (food_name);
  self->food_kind = food_kind;
  self->nutrients = *per_100g;
  self->grams = grams;
  if (portion_description != NULL && portion_quantity > 0)
    {
      self->portion_description = g_strdup (portion_description);
      self->portion_quantity = portion_quantity;
    }

  return self;
}

/**
 * cf_recipe_ingredient_new:
 * @food: the food, whose name and values are copied now
 * @grams: how much of it goes into the recipe
 * @portion: (nullable): the household measure the amount was given in
 * @portion_quantity: how many of @portion, when given
 *
 * Returns: (transfer full): a new ingredient
 */
CfRecipeIngredient *
cf_recipe_ingredient_new (CfFood    *food,
                          double     grams,
                          CfPortion *portion,
                          double     portion_quantity)
{
  g_return_val_if_fail (CF_IS_FOOD (food), NULL);
  g_return_val_if_fail (portion == NULL || CF_IS_PORTION (portion), NULL);

  return cf_recipe_ingredient_new_full (cf_food_get_id (food),
                                        cf_food_get_name (food),
                                        cf_food_get_kind (food),
                                        cf_food_get_nutrients (food),
                                        grams,
                                        portion ? cf_portion_get_description (portion) : NULL,
                                        portion ? portion_quantity : 0);
}

const char *
cf_recipe_ingredient_get_food_id (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), NULL);

  return self->food_id;
}

/**
 * cf_recipe_ingredient_get_food_name:
 *
 * Returns: the food's name as it was when the ingredient was added
 */
const char *
cf_recipe_ingredient_get_food_name (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), NULL);

  return self->food_name;
}

CfFoodKind
cf_recipe_ingredient_get_food_kind (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), CF_FOOD_KIND_FOOD);

  return self->food_kind;
}

/**
 * cf_recipe_ingredient_get_nutrients_per_100g:
 *
 * Returns: (transfer none): the food's values per 100 g as they were
 *   when the ingredient was added
 */
const CfNutrients *
cf_recipe_ingredient_get_nutrients_per_100g (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), NULL);

  return &self->nutrients;
}

double
cf_recipe_ingredient_get_grams (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), 0);

  return self->grams;
}

/**
 * cf_recipe_ingredient_get_portion_description:
 *
 * Returns: (nullable): the household measure the amount was given in
 */
const char *
cf_recipe_ingredient_get_portion_description (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), NULL);

  return self->portion_description;
}

/**
 * cf_recipe_ingredient_get_portion_quantity:
 *
 * Returns: how many of the household measure, or 0 without one
 */
double
cf_recipe_ingredient_get_portion_quantity (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), 0);

  return self->portion_quantity;
}

/**
 * cf_recipe_ingredient_set_amount:
 * @portion: (nullable): the household measure the amount is given in
 *
 * Changes how much of the ingredient goes into the recipe.  Its copied
 * name and values stay as they are.
 */
void
cf_recipe_ingredient_set_amount (CfRecipeIngredient *self,
                                 double              grams,
                                 CfPortion          *portion,
                                 double              portion_quantity)
{
  g_return_if_fail (CF_IS_RECIPE_INGREDIENT (self));
  g_return_if_fail (portion == NULL || CF_IS_PORTION (portion));

  g_clear_pointer (&self->portion_description, g_free);
  self->portion_quantity = 0;
  if (portion != NULL && portion_quantity > 0)
    {
      self->portion_description = g_strdup (cf_portion_get_description (portion));
      self->portion_quantity = portion_quantity;
    }

  if (self->grams != grams)
    {
      self->grams = grams;
      g_object_notify_by_pspec (G_OBJECT (self), ingredient_properties[INGREDIENT_PROP_GRAMS]);
    }
}

/**
 * cf_recipe_ingredient_dup_amount_label:
 *
 * Returns: (transfer full): the amount for display, e.g. "150 g" or
 *   "2 cup (480 g)"
 */
char *
cf_recipe_ingredient_dup_amount_label (CfRecipeIngredient *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_INGREDIENT (self), NULL);

  return cf_format_amount (self->grams, self->portion_description, self->portion_quantity,
                           CF_FOOD_KIND_FOOD);
}

/* ---------------------------------------------------------------------- */

struct _CfRecipe
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *group_code;
  char       *note;
  double      cooked_grams;
  double      servings;
  GListStore *ingredients;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GROUP_CODE,
  PROP_NOTE,
  PROP_COOKED_GRAMS,
  PROP_SERVINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfRecipe, cf_recipe, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
cf_recipe_dispose (GObject *object)
{
  CfRecipe *self = (CfRecipe *) object;

  g_clear_object (&self->ingredients);

  G_OBJECT_CLASS (cf_recipe_parent_class)->dispose (object);
}

static void
cf_recipe_finalize (GObject *object)
{
  CfRecipe *self = (CfRecipe *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->group_code);
  g_free (self->note);

  G_OBJECT_CLASS (cf_recipe_parent_class)->finalize (object);
}

static void
cf_recipe_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfRecipe *self = CF_RECIPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GROUP_CODE:
      g_value_set_string (value, self->group_code);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_COOKED_GRAMS:
      g_value_set_double (value, self->cooked_grams);
      break;

    case PROP_SERVINGS:
      g_value_set_double (value, self->servings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_recipe_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfRecipe *self = CF_RECIPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      cf_recipe_set_name (self, g_value_get_string (value));
      break;

    case PROP_GROUP_CODE:
      cf_recipe_set_group_code (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      cf_recipe_set_note (self, g_value_get_string (value));
      break;

    case PROP_COOKED_GRAMS:
      cf_recipe_set_cooked_grams (self, g_value_get_double (value));
      break;

    case PROP_SERVINGS:
      cf_recipe_set_servings (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_recipe_class_init (CfRecipeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_recipe_dispose;
  object_class->finalize = cf_recipe_finalize;
  object_class->get_property = cf_recipe_get_property;
  object_class->set_property = cf_recipe_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GROUP_CODE] =
    g_param_spec_string ("group-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* NaN means "not given" for both, which is also their initial value;
   * a GParamSpec cannot have NaN as its default, hence the 0 */
  properties[PROP_COOKED_GRAMS] =
    g_param_spec_double ("cooked-grams", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SERVINGS] =
    g_param_spec_double ("servings", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_recipe_init (CfRecipe *self)
{
  self->cooked_grams = NAN;
  self->servings = NAN;
  self->ingredients = g_list_store_new (CF_TYPE_RECIPE_INGREDIENT);
}

/**
 * cf_recipe_new_with_id:
 * @id: a `custom:` food id
 *
 * Returns: (transfer full): an empty recipe with the given id, e.g. to
 *   replace a stored one
 */
CfRecipe *
cf_recipe_new_with_id (const char *id,
                       const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CF_TYPE_RECIPE, "id", id, "name", name, NULL);
}

/**
 * cf_recipe_new:
 *
 * Returns: (transfer full): an empty recipe with a fresh `custom:` id
 */
CfRecipe *
cf_recipe_new (const char *name)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("custom:", uuid, NULL);

  return cf_recipe_new_with_id (id, name);
}

const char *
cf_recipe_get_id (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  return self->id;
}

const char *
cf_recipe_get_name (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  return self->name;
}

void
cf_recipe_set_name (CfRecipe   *self,
                    const char *name)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cf_recipe_get_group_code (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  return self->group_code;
}

void
cf_recipe_set_group_code (CfRecipe   *self,
                          const char *group_code)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  if (set_string (&self->group_code, group_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_CODE]);
}

const char *
cf_recipe_get_note (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  return self->note;
}

void
cf_recipe_set_note (CfRecipe   *self,
                    const char *note)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * cf_recipe_get_cooked_grams:
 *
 * Returns: the weight of the finished dish, or NaN when not given (the
 *   raw ingredients' weight is then used)
 */
double
cf_recipe_get_cooked_grams (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NAN);

  return self->cooked_grams;
}

/**
 * cf_recipe_set_cooked_grams:
 * @grams: the weight of the finished dish, or NaN for "not weighed"
 */
void
cf_recipe_set_cooked_grams (CfRecipe *self,
                            double    grams)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  if (self->cooked_grams == grams || (isnan (self->cooked_grams) && isnan (grams)))
    return;

  self->cooked_grams = grams;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COOKED_GRAMS]);
}

/**
 * cf_recipe_get_servings:
 *
 * Returns: how many servings the recipe makes, or NaN when not given
 */
double
cf_recipe_get_servings (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NAN);

  return self->servings;
}

/**
 * cf_recipe_set_servings:
 * @servings: how many servings the recipe makes, or NaN for none
 */
void
cf_recipe_set_servings (CfRecipe *self,
                        double    servings)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  if (self->servings == servings || (isnan (self->servings) && isnan (servings)))
    return;

  self->servings = servings;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVINGS]);
}

/**
 * cf_recipe_get_ingredients:
 *
 * Returns: (transfer none): a #GListModel of #CfRecipeIngredient, in
 *   the recipe's order
 */
GListModel *
cf_recipe_get_ingredients (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  return G_LIST_MODEL (self->ingredients);
}

/**
 * cf_recipe_add_ingredient:
 * @food: the ingredient's food; its name and values are copied now
 * @grams: how much of it goes into the recipe
 * @portion: (nullable): the household measure the amount was given in
 * @portion_quantity: how many of @portion
 *
 * Returns: (transfer none): the new ingredient
 */
CfRecipeIngredient *
cf_recipe_add_ingredient (CfRecipe  *self,
                          CfFood    *food,
                          double     grams,
                          CfPortion *portion,
                          double     portion_quantity)
{
  g_autoptr(CfRecipeIngredient) ingredient = NULL;

  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);
  g_return_val_if_fail (CF_IS_FOOD (food), NULL);

  ingredient = cf_recipe_ingredient_new (food, grams, portion, portion_quantity);
  g_list_store_append (self->ingredients, ingredient);

  return ingredient;
}

void
cf_recipe_append_ingredient (CfRecipe           *self,
                             CfRecipeIngredient *ingredient)
{
  g_return_if_fail (CF_IS_RECIPE (self));
  g_return_if_fail (CF_IS_RECIPE_INGREDIENT (ingredient));

  g_list_store_append (self->ingredients, ingredient);
}

void
cf_recipe_remove_ingredient (CfRecipe *self,
                             guint     position)
{
  g_return_if_fail (CF_IS_RECIPE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->ingredients)));

  g_list_store_remove (self->ingredients, position);
}

void
cf_recipe_clear_ingredients (CfRecipe *self)
{
  g_return_if_fail (CF_IS_RECIPE (self));

  g_list_store_remove_all (self->ingredients);
}

/**
 * cf_recipe_get_raw_grams:
 *
 * Returns: the weight of all ingredients together
 */
double
cf_recipe_get_raw_grams (CfRecipe *self)
{
  guint n;
  double sum = 0;

  g_return_val_if_fail (CF_IS_RECIPE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->ingredients));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (G_LIST_MODEL (self->ingredients), i);

      sum += ingredient->grams;
    }

  return sum;
}

/**
 * cf_recipe_get_total_grams:
 *
 * Returns: the weight of the finished dish: the cooked weight if given,
 *   else the raw ingredients' weight
 */
double
cf_recipe_get_total_grams (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), 0);

  if (!isnan (self->cooked_grams))
    return self->cooked_grams;

  return cf_recipe_get_raw_grams (self);
}

/**
 * cf_recipe_get_serving_grams:
 *
 * Returns: the weight of one serving (total weight ÷ servings), or NaN
 *   when no number of servings is given
 */
double
cf_recipe_get_serving_grams (CfRecipe *self)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NAN);

  if (isnan (self->servings) || self->servings <= 0)
    return NAN;

  return cf_recipe_get_total_grams (self) / self->servings;
}

/**
 * cf_recipe_compute_nutrients:
 * @per_100g: (out caller-allocates): the recipe's values per 100 g
 *
 * Computes the recipe's values from its ingredients (see #CfRecipe for
 * the maths).  A recipe without ingredients has no values.
 */
void
cf_recipe_compute_nutrients (CfRecipe    *self,
                             CfNutrients *per_100g)
{
  double total;
  guint n;

  g_return_if_fail (CF_IS_RECIPE (self));
  g_return_if_fail (per_100g != NULL);

  cf_nutrients_clear (per_100g);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->ingredients));
  total = cf_recipe_get_total_grams (self);
  if (n == 0 || !(total > 0))
    return;

  for (guint k = 0; k < CF_N_NUTRIENTS; k++)
    {
      double amount = 0;
      gboolean known = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (G_LIST_MODEL (self->ingredients), i);
          double v = ingredient->nutrients.values[k];

          if (isnan (v))
            continue;

          amount += v * ingredient->grams / 100.0;
          known = TRUE;
        }

      if (known)
        per_100g->values[k] = amount / total * 100.0;
    }
}

typedef gboolean (*KnownFunc) (const CfNutrients *values,
                               guint              which);

static gboolean
nutrient_known (const CfNutrients *values,
                guint              nutrient)
{
  return !isnan (values->values[nutrient]);
}

static gboolean
key_known (const CfNutrients *values,
           guint              key)
{
  return !isnan (cf_key_nutrient_get_value (key, values));
}

/* The share of the ingredients' weight for which @known holds */
static double
coverage (CfRecipe  *self,
          KnownFunc  known,
          guint      which)
{
  double known_grams = 0, raw = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ingredients));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (G_LIST_MODEL (self->ingredients), i);

      raw += ingredient->grams;
      if (known (&ingredient->nutrients, which))
        known_grams += ingredient->grams;
    }

  if (!(raw > 0))
    return NAN;

  return known_grams / raw;
}

/**
 * cf_recipe_get_coverage:
 *
 * Returns: the share (0…1) of the ingredients' weight that has a value
 *   for @nutrient; below 1, the recipe's value counts only those
 *   ingredients.  NaN without ingredients.
 */
double
cf_recipe_get_coverage (CfRecipe   *self,
                        CfNutrient  nutrient)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NAN);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NAN);

  return coverage (self, nutrient_known, nutrient);
}

/**
 * cf_recipe_get_key_coverage:
 *
 * Like cf_recipe_get_coverage() for a key nutrient, which may combine
 * several (an ingredient has a K2 value when it has one for any form).
 */
double
cf_recipe_get_key_coverage (CfRecipe      *self,
                            CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_RECIPE (self), NAN);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NAN);

  return coverage (self, key_known, key);
}

static gboolean
set_field (CfFoodField  value,
           guint        position,
           CfFoodField *field,
           guint       *index)
{
  if (field != NULL)
    *field = value;
  if (index != NULL)
    *index = position;

  return FALSE;
}

/**
 * cf_recipe_to_food:
 *
 * Makes the food the recipe is saved as: a custom food of kind
 * %CF_FOOD_KIND_RECIPE with the recipe's id, name, group and note, the
 * computed values per 100 g and, with servings, the measure "1 serving".
 *
 * Returns: (transfer full): the food
 */
CfFood *
cf_recipe_to_food (CfRecipe *self)
{
  CfFood *food;
  CfNutrients per_100g;
  double serving;

  g_return_val_if_fail (CF_IS_RECIPE (self), NULL);

  food = _cf_food_new (self->id, CF_FOOD_SOURCE_CUSTOM, self->name);
  cf_food_set_kind (food, CF_FOOD_KIND_RECIPE);
  cf_food_set_group_code (food, self->group_code);
  cf_food_set_note (food, self->note);

  cf_recipe_compute_nutrients (self, &per_100g);
  cf_food_set_nutrients (food, &per_100g);

  serving = cf_recipe_get_serving_grams (self);
  if (isfinite (serving) && serving > 0)
    {
      /* Translators: the household measure of a recipe, as in "1 serving" */
      g_autoptr(CfPortion) portion = cf_portion_new (1, C_("measure", "serving"), serving);

      cf_food_add_portion (food, portion);
    }

  return food;
}

/**
 * cf_recipe_validate:
 * @field: (out) (optional): the field an error is about
 * @index: (out) (optional): for ingredients, the position
 *
 * Checks a recipe before it is saved: what cf_food_validate_full()
 * checks for its food, then at least one ingredient, each with a food id
 * (not the recipe itself), a name and an amount above 0 g and at most
 * %CF_RECIPE_MAX_GRAMS; a cooked weight, if given, above 0 and at most
 * %CF_RECIPE_MAX_GRAMS; servings, if given, above 0 and at most
 * %CF_RECIPE_MAX_SERVINGS, each weighing at most
 * %CF_FOOD_MAX_PORTION_GRAMS.  That the group exists is checked by
 * cf_food_store_validate_recipe().
 */
gboolean
cf_recipe_validate (CfRecipe     *self,
                    CfFoodField  *field,
                    guint        *index,
                    GError      **error)
{
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) local_error = NULL;
  CfFoodField food_field = CF_FOOD_FIELD_NONE;
  guint food_index = 0;
  double serving;
  guint n;

  g_return_val_if_fail (CF_IS_RECIPE (self), FALSE);

  if (!cf_food_id_is_valid (self->id) || !g_str_has_prefix (self->id, "custom:"))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Only your own foods can be changed"));
      return set_field (CF_FOOD_FIELD_NONE, 0, field, index);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->ingredients));
  if (n == 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Add at least one ingredient"));
      return set_field (CF_FOOD_FIELD_INGREDIENTS, 0, field, index);
    }

  if (n > CF_RECIPE_MAX_INGREDIENTS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("A recipe can have at most %d ingredients"), CF_RECIPE_MAX_INGREDIENTS);
      return set_field (CF_FOOD_FIELD_INGREDIENTS, 0, field, index);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (G_LIST_MODEL (self->ingredients), i);
      g_autoptr(GError) nutrient_error = NULL;

      if (!cf_food_id_is_valid (ingredient->food_id))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("“%s” is not a food id"), ingredient->food_id);
          return set_field (CF_FOOD_FIELD_INGREDIENT, i, field, index);
        }

      if (g_strcmp0 (ingredient->food_id, self->id) == 0)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("A recipe cannot contain itself"));
          return set_field (CF_FOOD_FIELD_INGREDIENT, i, field, index);
        }

      if (ingredient->food_name == NULL || *ingredient->food_name == '\0' ||
          !g_utf8_validate (ingredient->food_name, -1, NULL))
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The ingredient needs a name"));
          return set_field (CF_FOOD_FIELD_INGREDIENT, i, field, index);
        }

      if (g_utf8_strlen (ingredient->food_name, -1) > CF_MAX_NAME_CHARS ||
          (ingredient->portion_description != NULL &&
           (!g_utf8_validate (ingredient->portion_description, -1, NULL) ||
            g_utf8_strlen (ingredient->portion_description, -1) > CF_MAX_NAME_CHARS)))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("The ingredient’s name and measure must be text of at most %d characters"), CF_MAX_NAME_CHARS);
          return set_field (CF_FOOD_FIELD_INGREDIENT, i, field, index);
        }

      if (ingredient->portion_description != NULL && !cf_validate_quantity (ingredient->portion_quantity, error))
        return set_field (CF_FOOD_FIELD_INGREDIENT_GRAMS, i, field, index);

      if (!cf_nutrients_validate (&ingredient->nutrients, &nutrient_error))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("The ingredient’s values are not possible: %s"),
                       nutrient_error->message);
          return set_field (CF_FOOD_FIELD_INGREDIENT, i, field, index);
        }

      if (!isfinite (ingredient->grams) || ingredient->grams < CF_MIN_GRAMS || ingredient->grams > CF_RECIPE_MAX_GRAMS)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %g and %.0f are numbers of grams */
                       _("The amount must be from %g g to %.0f g"), CF_MIN_GRAMS, CF_RECIPE_MAX_GRAMS);
          return set_field (CF_FOOD_FIELD_INGREDIENT_GRAMS, i, field, index);
        }
    }

  if (!isnan (self->cooked_grams) &&
      (!isfinite (self->cooked_grams) || self->cooked_grams < CF_MIN_GRAMS || self->cooked_grams > CF_RECIPE_MAX_GRAMS))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: %g and %.0f are numbers of grams */
                   _("The cooked weight must be from %g g to %.0f g"), CF_MIN_GRAMS, CF_RECIPE_MAX_GRAMS);
      return set_field (CF_FOOD_FIELD_COOKED_WEIGHT, 0, field, index);
    }

  if (!isnan (self->servings) &&
      (!isfinite (self->servings) || self->servings <= 0 || self->servings > CF_RECIPE_MAX_SERVINGS))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The number of servings must be more than 0 and at most %.0f"), CF_RECIPE_MAX_SERVINGS);
      return set_field (CF_FOOD_FIELD_SERVINGS, 0, field, index);
    }

  serving = cf_recipe_get_serving_grams (self);
  if (!isnan (serving) && serving > CF_FOOD_MAX_PORTION_GRAMS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: both are numbers of grams */
                   _("One serving would weigh %.0f g; a serving can weigh at most %.0f g, so make more servings"),
                   serving, CF_FOOD_MAX_PORTION_GRAMS);
      return set_field (CF_FOOD_FIELD_SERVINGS, 0, field, index);
    }

  food = cf_recipe_to_food (self);
  if (!cf_food_validate_full (food, &food_field, &food_index, &local_error))
    {
      /* Values per 100 g can only be impossible when the cooked weight
       * is much less than what went in */
      if (food_field == CF_FOOD_FIELD_NUTRIENT)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a nutrient name */
                       _("With this cooked weight, 100 g of the dish would hold more %s than is possible; check the weight"),
                       cf_nutrient_get_name (food_index));
          return set_field (CF_FOOD_FIELD_COOKED_WEIGHT, 0, field, index);
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return set_field (food_field, food_index, field, index);
    }

  return TRUE;
}
