/* cf-diary-entry.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-diary-entry"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-diary-entry-private.h"
#include "cf-error.h"

/**
 * CfDiaryEntry:
 *
 * One food logged on a day and meal.  It keeps its own copy of the
 * food's name and values per 100 g, so it shows the same numbers after
 * the reference data changes or the food is deleted.  The amount is in
 * grams; the household measure the user chose is kept for display.
 *
 * An entry imported from another tracker (see cf_diary_entry_get_origin())
 * keeps the amount as the file wrote it.  Where that amount is not a
 * weight ("1 medium", a meal's total), no weight is made up: the entry
 * has none (cf_diary_entry_has_weight()) and holds the amounts of its
 * nutrients as given instead of values per 100 g.
 */
struct _CfDiaryEntry
{
  GObject      parent_instance;

  char        *id;
  GDate        day;
  CfMeal       meal;
  gint64       position;
  char        *food_id;
  char        *food_name;
  CfFoodKind   food_kind;
  double       grams;
  double       portion_quantity;
  char        *portion_description;
  /* Per 100 g; for an entry without a weight (grams NaN), the amounts
   * in the whole entry */
  CfNutrients  per_100g;
  /* Where each value came from, copied from the food when it was
   * logged: measured, borrowed from a linked food, assumed by rule */
  CfValueKind  value_kinds[CF_N_NUTRIENTS];
  CfEntryOrigin origin;
  char        *origin_amount;
  char        *origin_meal;
};

static const char *origin_keys[CF_N_ENTRY_ORIGINS] = {
  [CF_ENTRY_ORIGIN_NONE] = NULL,
  [CF_ENTRY_ORIGIN_CRONOMETER] = "cronometer",
  [CF_ENTRY_ORIGIN_MYFITNESSPAL] = "myfitnesspal",
};

/* Product names: not translated */
static const char *origin_names[CF_N_ENTRY_ORIGINS] = {
  [CF_ENTRY_ORIGIN_NONE] = NULL,
  [CF_ENTRY_ORIGIN_CRONOMETER] = "Cronometer",
  [CF_ENTRY_ORIGIN_MYFITNESSPAL] = "MyFitnessPal",
};

static const CfNutrients no_values = {
  .values = { [0 ... CF_N_NUTRIENTS - 1] = NAN },
};

enum {
  PROP_0,
  PROP_ID,
  PROP_MEAL,
  PROP_FOOD_NAME,
  PROP_GRAMS,
  PROP_AMOUNT_LABEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfDiaryEntry, cf_diary_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
cf_diary_entry_finalize (GObject *object)
{
  CfDiaryEntry *self = (CfDiaryEntry *) object;

  g_free (self->id);
  g_free (self->food_id);
  g_free (self->food_name);
  g_free (self->portion_description);
  g_free (self->origin_amount);
  g_free (self->origin_meal);

  G_OBJECT_CLASS (cf_diary_entry_parent_class)->finalize (object);
}

static void
cf_diary_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfDiaryEntry *self = CF_DIARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_MEAL:
      g_value_set_int (value, self->meal);
      break;

    case PROP_FOOD_NAME:
      g_value_set_string (value, self->food_name);
      break;

    case PROP_GRAMS:
      g_value_set_double (value, self->grams);
      break;

    case PROP_AMOUNT_LABEL:
      g_value_take_string (value, cf_diary_entry_dup_amount_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_diary_entry_class_init (CfDiaryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_diary_entry_finalize;
  object_class->get_property = cf_diary_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MEAL] =
    g_param_spec_int ("meal", NULL, NULL,
                      CF_MEAL_BREAKFAST, CF_MEAL_SUPPLEMENTS, CF_MEAL_BREAKFAST,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOOD_NAME] =
    g_param_spec_string ("food-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_GRAMS] =
    g_param_spec_double ("grams", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AMOUNT_LABEL] =
    g_param_spec_string ("amount-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_diary_entry_init (CfDiaryEntry *self)
{
  g_date_clear (&self->day, 1);
  cf_nutrients_clear (&self->per_100g);
}

CfDiaryEntry *
_cf_diary_entry_new_full (const char        *id,
                          const GDate       *day,
                          CfMeal             meal,
                          gint64             position,
                          const char        *food_id,
                          const char        *food_name,
                          CfFoodKind         food_kind,
                          double             grams,
                          double             portion_quantity,
                          const char        *portion_description,
                          const CfNutrients *per_100g)
{
  CfDiaryEntry *self = g_object_new (CF_TYPE_DIARY_ENTRY, NULL);

  self->id = g_strdup (id);
  self->day = *day;
  self->meal = meal;
  self->position = position;
  self->food_id = g_strdup (food_id);
  self->food_name = g_strdup (food_name);
  self->food_kind = food_kind;
  self->grams = grams;
  self->portion_quantity = portion_description ? portion_quantity : 0;
  self->portion_description = g_strdup (portion_description);
  self->per_100g = *per_100g;

  return self;
}

void
_cf_diary_entry_set_position (CfDiaryEntry *self,
                              gint64        position)
{
  self->position = position;
}

/**
 * _cf_diary_entry_set_origin:
 * @amount: (nullable): the amount as the imported file wrote it
 * @meal: (nullable): the file's name of the meal, where it is not one
 *   of the diary's
 */
void
_cf_diary_entry_set_origin (CfDiaryEntry  *self,
                            CfEntryOrigin  origin,
                            const char    *amount,
                            const char    *meal)
{
  g_assert (origin < CF_N_ENTRY_ORIGINS);

  self->origin = origin;
  g_free (self->origin_amount);
  self->origin_amount = g_strdup (amount);
  g_free (self->origin_meal);
  self->origin_meal = g_strdup (meal);
}

/**
 * _cf_diary_entry_new_imported:
 * @grams: the weight, or NaN when the file gives none
 * @amounts: the amounts in the whole entry, as the file gives them
 *
 * An entry read from another tracker's export.  With a weight its
 * values per 100 g are worked out from @amounts; without one it keeps
 * @amounts as they are.
 */
CfDiaryEntry *
_cf_diary_entry_new_imported (const char        *id,
                              const GDate       *day,
                              CfMeal             meal,
                              const char        *food_id,
                              const char        *food_name,
                              double             grams,
                              const CfNutrients *amounts,
                              CfEntryOrigin      origin,
                              const char        *origin_amount,
                              const char        *origin_meal)
{
  g_autoptr(CfNutrients) values = NULL;
  CfDiaryEntry *self;

  g_assert (origin != CF_ENTRY_ORIGIN_NONE);

  values = isnan (grams) ? cf_nutrients_copy (amounts) : cf_nutrients_scale (amounts, 100.0 / grams);
  self = _cf_diary_entry_new_full (id, day, meal, 0, food_id, food_name, CF_FOOD_KIND_FOOD,
                                   grams, 0, NULL, values);
  _cf_diary_entry_set_origin (self, origin, origin_amount, origin_meal);

  return self;
}

/**
 * _cf_diary_entry_get_stored_values:
 *
 * Returns: (transfer none): the values as stored: per 100 g, or the
 *   amounts in the entry for an entry without a weight
 */
const CfNutrients *
_cf_diary_entry_get_stored_values (CfDiaryEntry *self)
{
  return &self->per_100g;
}

const char *
cf_entry_origin_to_key (CfEntryOrigin origin)
{
  g_return_val_if_fail (origin < CF_N_ENTRY_ORIGINS, NULL);

  return origin_keys[origin];
}

/**
 * cf_entry_origin_from_key:
 * @key: (nullable): "cronometer", "myfitnesspal", or %NULL for an entry
 *   logged in Cofactor
 */
gboolean
cf_entry_origin_from_key (const char    *key,
                          CfEntryOrigin *origin)
{
  g_return_val_if_fail (origin != NULL, FALSE);

  for (guint i = 0; i < CF_N_ENTRY_ORIGINS; i++)
    {
      if (g_strcmp0 (key, origin_keys[i]) == 0)
        {
          *origin = (CfEntryOrigin) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_entry_origin_get_name:
 *
 * Returns: (nullable): the name of the tracker, e.g. "Cronometer"
 */
const char *
cf_entry_origin_get_name (CfEntryOrigin origin)
{
  g_return_val_if_fail (origin < CF_N_ENTRY_ORIGINS, NULL);

  return origin_names[origin];
}

/**
 * cf_diary_entry_new:
 * @day: the diary day
 * @meal: the meal section
 * @food: the food; its name and values are copied
 * @grams: the weight eaten
 * @portion: (nullable): the household measure chosen, or %NULL if the
 *   amount was given as a weight
 * @portion_quantity: how many of @portion, when given
 *
 * Creates an entry with a new id.  Add it with cf_diary_add().
 *
 * Returns: (transfer full): the entry
 */
CfDiaryEntry *
cf_diary_entry_new (const GDate *day,
                    CfMeal       meal,
                    CfFood      *food,
                    double       grams,
                    CfPortion   *portion,
                    double       portion_quantity)
{
  g_autofree char *id = g_uuid_string_random ();
  CfDiaryEntry *self;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (meal < CF_N_MEALS, NULL);
  g_return_val_if_fail (CF_IS_FOOD (food), NULL);
  g_return_val_if_fail (!portion || CF_IS_PORTION (portion), NULL);

  self = _cf_diary_entry_new_full (id, day, meal, 0,
                                   cf_food_get_id (food),
                                   cf_food_get_display_name (food),
                                   cf_food_get_kind (food),
                                   grams, 0, NULL,
                                   cf_food_get_nutrients (food));
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    self->value_kinds[i] = cf_food_get_value_kind (food, i);
  cf_diary_entry_set_amount (self, grams, portion, portion_quantity);

  return self;
}

/**
 * cf_diary_entry_copy:
 *
 * Returns: (transfer full): a copy with a new id, e.g. to log the same
 *   food on another day
 */
CfDiaryEntry *
cf_diary_entry_copy (CfDiaryEntry *self)
{
  g_autofree char *id = g_uuid_string_random ();
  CfDiaryEntry *copy;

  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  copy = _cf_diary_entry_new_full (id, &self->day, self->meal, 0,
                                   self->food_id, self->food_name, self->food_kind, self->grams,
                                   self->portion_quantity, self->portion_description,
                                   &self->per_100g);
  memcpy (copy->value_kinds, self->value_kinds, sizeof copy->value_kinds);
  _cf_diary_entry_set_origin (copy, self->origin, self->origin_amount, self->origin_meal);

  return copy;
}

const char *
cf_diary_entry_get_id (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->id;
}

const GDate *
cf_diary_entry_get_day (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return &self->day;
}

void
cf_diary_entry_set_day (CfDiaryEntry *self,
                        const GDate  *day)
{
  g_return_if_fail (CF_IS_DIARY_ENTRY (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->day = *day;
}

CfMeal
cf_diary_entry_get_meal (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), CF_MEAL_BREAKFAST);

  return self->meal;
}

void
cf_diary_entry_set_meal (CfDiaryEntry *self,
                         CfMeal        meal)
{
  g_return_if_fail (CF_IS_DIARY_ENTRY (self));
  g_return_if_fail (meal < CF_N_MEALS);

  if (self->meal != meal)
    {
      self->meal = meal;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEAL]);
    }
}

gint64
cf_diary_entry_get_position (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), 0);

  return self->position;
}

const char *
cf_diary_entry_get_food_id (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->food_id;
}

const char *
cf_diary_entry_get_food_name (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->food_name;
}

/**
 * cf_diary_entry_get_food_kind:
 *
 * Returns: whether the logged food was a food, a supplement or a recipe
 */
CfFoodKind
cf_diary_entry_get_food_kind (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), CF_FOOD_KIND_FOOD);

  return self->food_kind;
}

/**
 * cf_diary_entry_get_grams:
 *
 * Returns: the weight, or NaN for an imported entry whose amount is not
 *   a weight (see cf_diary_entry_has_weight())
 */
double
cf_diary_entry_get_grams (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), 0);

  return self->grams;
}

/**
 * cf_diary_entry_has_weight:
 *
 * Returns: %FALSE for an imported entry whose amount is not a weight
 *   ("1 medium", a meal's total); it has amounts but no values per
 *   100 g
 */
gboolean
cf_diary_entry_has_weight (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), FALSE);

  return !isnan (self->grams);
}

/**
 * cf_diary_entry_get_origin:
 *
 * Returns: where the entry's values come from
 */
CfEntryOrigin
cf_diary_entry_get_origin (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), CF_ENTRY_ORIGIN_NONE);

  return self->origin;
}

/**
 * cf_diary_entry_get_origin_amount:
 *
 * Returns: (nullable): the amount as the imported file wrote it, e.g.
 *   "1.00 medium"
 */
const char *
cf_diary_entry_get_origin_amount (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->origin_amount;
}

/**
 * cf_diary_entry_dup_origin_label:
 *
 * Returns: (transfer full) (nullable): where an imported entry comes
 *   from, for display, e.g. "Imported from Cronometer (“Pre-workout”)",
 *   or %NULL for an entry logged in Cofactor
 */
char *
cf_diary_entry_dup_origin_label (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  if (self->origin == CF_ENTRY_ORIGIN_NONE)
    return NULL;

  if (self->origin_meal != NULL)
    /* Translators: the first %s is a tracker ("Cronometer"), the second
     * the meal or group the entry had there, which is not a meal of the
     * diary (it is shown in Snacks) */
    return g_strdup_printf (_("Imported from %s (“%s”)"), origin_names[self->origin], self->origin_meal);

  /* Translators: %s is a tracker, e.g. "Cronometer" */
  return g_strdup_printf (_("Imported from %s"), origin_names[self->origin]);
}

/**
 * cf_diary_entry_get_origin_meal:
 *
 * Returns: (nullable): the imported file's name of the meal where it is
 *   not one of the diary's (it was then put in Snacks)
 */
const char *
cf_diary_entry_get_origin_meal (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->origin_meal;
}

/**
 * cf_diary_entry_get_portion_quantity:
 *
 * Returns: how many of the chosen household measure, or 0 if the amount
 *   was given as a weight
 */
double
cf_diary_entry_get_portion_quantity (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), 0);

  return self->portion_quantity;
}

/**
 * cf_diary_entry_get_portion_description:
 *
 * Returns: (nullable): the chosen household measure, e.g. "cup, chopped"
 */
const char *
cf_diary_entry_get_portion_description (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  return self->portion_description;
}

/**
 * cf_diary_entry_set_amount:
 * @grams: the new weight
 * @portion: (nullable): the household measure, or %NULL for a weight
 * @portion_quantity: how many of @portion
 *
 * Changes the amount.  Validate @grams with cf_validate_grams() first;
 * the diary refuses to store an invalid amount.
 */
void
cf_diary_entry_set_amount (CfDiaryEntry *self,
                           double        grams,
                           CfPortion    *portion,
                           double        portion_quantity)
{
  g_return_if_fail (CF_IS_DIARY_ENTRY (self));
  /* The amounts of an imported entry without a weight are not per 100 g */
  g_return_if_fail (cf_diary_entry_has_weight (self) || self->origin == CF_ENTRY_ORIGIN_NONE);

  self->grams = grams;
  g_clear_pointer (&self->portion_description, g_free);
  self->portion_quantity = 0;

  if (portion != NULL)
    {
      /* A portion's description is for its own amount, e.g. "1 cup";
       * keep the count of single measures. */
      self->portion_description = g_strdup (cf_portion_get_description (portion));
      self->portion_quantity = portion_quantity * cf_portion_get_amount (portion);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_LABEL]);
}

/**
 * cf_diary_entry_get_nutrients_per_100g:
 *
 * Returns: (transfer none): the food's values per 100 g as logged; for
 *   an entry without a weight, no value at all (use
 *   cf_diary_entry_get_amounts())
 */
const CfNutrients *
cf_diary_entry_get_nutrients_per_100g (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  if (!cf_diary_entry_has_weight (self))
    return &no_values;

  return &self->per_100g;
}

/**
 * cf_diary_entry_get_nutrient:
 *
 * Returns: the amount of @nutrient in this entry, or NaN when the food
 *   has no value for it
 */
double
cf_diary_entry_get_nutrient (CfDiaryEntry *self,
                             CfNutrient    nutrient)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NAN);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NAN);

  if (!cf_diary_entry_has_weight (self))
    return self->per_100g.values[nutrient];

  return self->per_100g.values[nutrient] * self->grams / 100.0;
}

/**
 * cf_diary_entry_get_value_kind:
 *
 * Returns: where the entry's value of @nutrient came from when it was
 *   logged: measured for the food itself, borrowed from a linked food of
 *   another table, or assumed by the documented "none expected" rule
 */
CfValueKind
cf_diary_entry_get_value_kind (CfDiaryEntry *self,
                               CfNutrient    nutrient)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), CF_VALUE_MEASURED);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, CF_VALUE_MEASURED);

  return self->value_kinds[nutrient];
}

void
_cf_diary_entry_set_value_kind (CfDiaryEntry *self,
                                CfNutrient    nutrient,
                                CfValueKind   kind)
{
  g_return_if_fail (CF_IS_DIARY_ENTRY (self));
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);
  g_return_if_fail (kind <= CF_VALUE_ASSUMED);

  self->value_kinds[nutrient] = kind;
}

/**
 * cf_diary_entry_get_amounts:
 * @amounts: (out caller-allocates): the amount of each nutrient in the
 *   entry, NaN where there is no value
 */
void
cf_diary_entry_get_amounts (CfDiaryEntry *self,
                            CfNutrients  *amounts)
{
  g_return_if_fail (CF_IS_DIARY_ENTRY (self));
  g_return_if_fail (amounts != NULL);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    amounts->values[i] = cf_diary_entry_get_nutrient (self, i);
}

static char *
format_number (double value)
{
  /* Up to two decimals, without trailing zeros: 1, 1.5, 0.25 */
  char *s = g_strdup_printf ("%.2f", value);
  char *p = s + strlen (s) - 1;
  char point = *localeconv ()->decimal_point;

  if (strchr (s, point) != NULL)
    {
      while (*p == '0')
        *p-- = '\0';
      if (*p == point)
        *p = '\0';
    }

  return s;
}

/**
 * cf_format_amount:
 * @grams: the weight
 * @portion_description: (nullable): the household measure chosen
 * @portion_quantity: how many single measures
 * @kind: what the food is; a supplement is counted in units only
 *
 * Returns: (transfer full): the amount as chosen, e.g.
 *   "1 cup, chopped (128 g)", "2 × capsule" for a supplement or "150 g"
 */
char *
cf_format_amount (double      grams,
                  const char *portion_description,
                  double      portion_quantity,
                  CfFoodKind  kind)
{
  g_autofree char *weight = format_number (grams);

  if (portion_description != NULL && kind == CF_FOOD_KIND_SUPPLEMENT)
    {
      g_autofree char *quantity = format_number (portion_quantity);

      /* Translators: a number of supplement units, e.g. "2 × capsule";
       * the weight of a capsule or drop means nothing to the reader */
      return g_strdup_printf (_("%s × %s"), quantity, portion_description);
    }

  if (portion_description != NULL)
    {
      g_autofree char *quantity = format_number (portion_quantity);

      /* Translators: an amount as a household measure with its weight,
       * e.g. "1 cup, chopped (128 g)" */
      return g_strdup_printf (_("%s %s (%s g)"), quantity, portion_description, weight);
    }

  /* Translators: an amount in grams, e.g. "150 g" */
  return g_strdup_printf (_("%s g"), weight);
}

/**
 * cf_diary_entry_dup_amount_label:
 *
 * Returns: (transfer full): the amount as chosen, see cf_format_amount()
 */
char *
cf_diary_entry_dup_amount_label (CfDiaryEntry *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (self), NULL);

  /* No weight: the amount as the imported file wrote it */
  if (!cf_diary_entry_has_weight (self))
    return g_strdup (self->origin_amount != NULL ? self->origin_amount : "");

  return cf_format_amount (self->grams, self->portion_description, self->portion_quantity,
                           self->food_kind);
}

