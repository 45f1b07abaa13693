/* cf-nutrients.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-nutrients"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-nutrients.h"

G_DEFINE_BOXED_TYPE (CfNutrients, cf_nutrients, cf_nutrients_copy, cf_nutrients_free)
G_DEFINE_BOXED_TYPE (CfNutrientTotals, cf_nutrient_totals, cf_nutrient_totals_copy, cf_nutrient_totals_free)

/**
 * cf_nutrients_new:
 *
 * Returns: (transfer full): a set with no value for any nutrient
 */
CfNutrients *
cf_nutrients_new (void)
{
  CfNutrients *self = g_new (CfNutrients, 1);

  cf_nutrients_clear (self);

  return self;
}

CfNutrients *
cf_nutrients_copy (const CfNutrients *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
cf_nutrients_free (CfNutrients *self)
{
  g_free (self);
}

/**
 * cf_nutrients_clear:
 *
 * Removes every value (sets each nutrient to "no value").
 */
void
cf_nutrients_clear (CfNutrients *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    self->values[i] = NAN;
}

/**
 * cf_nutrients_get:
 *
 * Returns: the amount, in the nutrient's unit, or NaN for "no value"
 */
double
cf_nutrients_get (const CfNutrients *self,
                  CfNutrient         nutrient)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NAN);

  return self->values[nutrient];
}

gboolean
cf_nutrients_has (const CfNutrients *self,
                  CfNutrient         nutrient)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, FALSE);

  return !isnan (self->values[nutrient]);
}

void
cf_nutrients_set (CfNutrients *self,
                  CfNutrient   nutrient,
                  double       value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);

  self->values[nutrient] = value;
}

void
cf_nutrients_unset (CfNutrients *self,
                    CfNutrient   nutrient)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (nutrient < CF_N_NUTRIENTS);

  self->values[nutrient] = NAN;
}

/**
 * cf_nutrients_count:
 *
 * Returns: how many nutrients have a value
 */
guint
cf_nutrients_count (const CfNutrients *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    n += !isnan (self->values[i]);

  return n;
}

/**
 * cf_nutrients_scale:
 *
 * Returns: (transfer full): a copy with every value multiplied by
 *   @factor; nutrients without a value stay without one
 */
CfNutrients *
cf_nutrients_scale (const CfNutrients *self,
                    double             factor)
{
  CfNutrients *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cf_nutrients_copy (self);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    copy->values[i] *= factor;

  return copy;
}

/**
 * cf_nutrients_equal:
 *
 * Returns: %TRUE if both sets have values for the same nutrients and the
 *   values are equal
 */
gboolean
cf_nutrients_equal (const CfNutrients *a,
                    const CfNutrients *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (isnan (a->values[i]) != isnan (b->values[i]))
        return FALSE;
      if (!isnan (a->values[i]) && a->values[i] != b->values[i])
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_nutrient_max_per_100g:
 *
 * The largest amount of @nutrient that 100 g of anything can hold, in
 * the nutrient's unit: 100 g of a mass nutrient, 900 kcal (pure fat)
 * of energy.  Used to refuse impossible values.
 */
double
cf_nutrient_max_per_100g (CfNutrient nutrient)
{
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, 0);

  if (cf_nutrient_get_unit (nutrient) == CF_UNIT_KCAL)
    return 900;

  return cf_unit_convert (100, CF_UNIT_G, cf_nutrient_get_unit (nutrient));
}

/**
 * cf_nutrients_validate:
 *
 * Checks that every value, taken as an amount per 100 g, is finite,
 * not negative and physically possible, and that protein, fat and
 * carbohydrate together are at most %CF_MAX_MACROS_PER_100G g.
 */
gboolean
cf_nutrients_validate (const CfNutrients *self,
                       GError           **error)
{
  double macros;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      double v = self->values[i];

      if (isnan (v))
        continue;

      if (!isfinite (v) || v < 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a nutrient name */
                       _("%s must be a number of zero or more"),
                       cf_nutrient_get_name (i));
          return FALSE;
        }

      if (v > cf_nutrient_max_per_100g (i))
        {
          g_autofree char *max = cf_nutrient_format_value (i, cf_nutrient_max_per_100g (i));

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: the first %s is a nutrient name, the
                        * second an amount with its unit */
                       _("%s cannot be more than %s per 100 g"),
                       cf_nutrient_get_name (i), max);
          return FALSE;
        }
    }

  macros = cf_nutrients_get_macro_sum (self);
  if (macros > CF_MAX_MACROS_PER_100G)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: %.1f is a number of grams, more than 100 */
                   _("Protein, fat and carbohydrate add up to %.1f g per 100 g, more than 100 g can hold"),
                   macros);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_nutrients_validate_amounts:
 * @grams: the most the food these amounts are in can weigh
 *
 * Checks that every value, taken as an amount in a food of unknown
 * weight, is finite, not negative and possible in @grams of anything
 * (e.g. %CF_MAX_ENTRY_GRAMS for one diary entry).
 */
gboolean
cf_nutrients_validate_amounts (const CfNutrients *self,
                               double             grams,
                               GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      double v = self->values[i];
      double max = cf_nutrient_max_per_100g (i) * grams / 100.0;

      if (isnan (v))
        continue;

      if (!isfinite (v) || v < 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a nutrient name */
                       _("%s must be a number of zero or more"),
                       cf_nutrient_get_name (i));
          return FALSE;
        }

      if (v > max)
        {
          g_autofree char *text = cf_nutrient_format_value (i, max);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: the first %s is a nutrient name, the
                        * second an amount with its unit */
                       _("%s cannot be more than %s in one entry"),
                       cf_nutrient_get_name (i), text);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_nutrients_get_macro_sum:
 *
 * Returns: protein, fat and carbohydrate together in grams per 100 g,
 *   counting those that have a value (0 when none has)
 */
double
cf_nutrients_get_macro_sum (const CfNutrients *self)
{
  const CfNutrient macros[] = { CF_NUTRIENT_PROTEIN, CF_NUTRIENT_FAT, CF_NUTRIENT_CARBOHYDRATE };
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (macros); i++)
    if (!isnan (self->values[macros[i]]))
      sum += self->values[macros[i]];

  return sum;
}

CfNutrientTotals *
cf_nutrient_totals_new (void)
{
  return g_new0 (CfNutrientTotals, 1);
}

CfNutrientTotals *
cf_nutrient_totals_copy (const CfNutrientTotals *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
cf_nutrient_totals_free (CfNutrientTotals *self)
{
  g_free (self);
}

/**
 * cf_nutrient_totals_get:
 *
 * Returns: the summed amount of @nutrient over the entries that have a
 *   value for it, or NaN when none of them has one
 */
double
cf_nutrient_totals_get (const CfNutrientTotals *self,
                        CfNutrient              nutrient)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NAN);

  if (self->known_entries[nutrient] == 0)
    return NAN;

  return self->sum[nutrient];
}

/**
 * cf_nutrient_totals_get_coverage:
 *
 * Returns: the share (0…1) of the logged grams whose food had a value
 *   for @nutrient, or NaN when nothing was logged
 */
double
cf_nutrient_totals_get_coverage (const CfNutrientTotals *self,
                                 CfNutrient              nutrient)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NAN);

  if (self->n_entries == 0 || self->grams <= 0)
    return NAN;

  return self->known_grams[nutrient] / self->grams;
}

/**
 * cf_nutrient_totals_add:
 *
 * Adds one entry of @grams of a food whose values per 100 g are
 * @per_100g.  The SQL aggregates compute the same sums; this is for
 * values not yet stored, such as a preview.
 */
void
cf_nutrient_totals_add (CfNutrientTotals  *self,
                        const CfNutrients *per_100g,
                        double             grams)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (per_100g != NULL);

  self->grams += grams;
  self->n_entries++;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (isnan (per_100g->values[i]))
        continue;

      self->sum[i] += per_100g->values[i] * grams / 100.0;
      self->known_grams[i] += grams;
      self->known_entries[i]++;
    }
}

/**
 * cf_nutrient_totals_add_amounts:
 * @amounts: the amounts in an entry whose weight is not known
 *
 * Adds one such entry: its amounts count in the sums, but as it has no
 * weight it adds nothing to the grams the coverage is measured by.
 */
void
cf_nutrient_totals_add_amounts (CfNutrientTotals  *self,
                                const CfNutrients *amounts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (amounts != NULL);

  self->n_entries++;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    {
      if (isnan (amounts->values[i]))
        continue;

      self->sum[i] += amounts->values[i];
      self->known_entries[i]++;
    }
}
