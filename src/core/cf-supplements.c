/* cf-supplements.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-supplements"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-supplements.h"

/* A supplement is a food of kind CF_FOOD_KIND_SUPPLEMENT with one
 * household measure, its unit ("capsule", "drop", …).  Values are kept
 * per 100 g like every food; the unit's nominal weight only scales them
 * and is never shown, so a dose reads back exactly as entered.
 */
#define UNIT_GRAMS 1.0

/* Generic starting points, meant to be adjusted to the label of the
 * product the user takes; they are not recommendations. */
static const struct {
  const char       *name;
  const char       *unit;
  CfSupplementDose  doses[3];
} templates[] = {
  { N_("Vitamin K2 (MK-7) 100 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 100 } } },
  { N_("Vitamin D3 10 µg (400 IU)"), N_("drop"),
    { { CF_NUTRIENT_VITAMIN_D, 10 } } },
  { N_("Vitamin D3 25 µg with K2 (MK-7) 100 µg"), N_("capsule"),
    { { CF_NUTRIENT_VITAMIN_D, 25 }, { CF_NUTRIENT_MK7, 100 } } },
  { N_("Magnesium citrate 200 mg"), N_("tablet"),
    { { CF_NUTRIENT_MAGNESIUM, 200 } } },
  { N_("Calcium carbonate 500 mg"), N_("tablet"),
    { { CF_NUTRIENT_CALCIUM, 500 } } },
  { N_("Vitamin C 500 mg"), N_("tablet"),
    { { CF_NUTRIENT_VITAMIN_C, 500 } } },
  { N_("Fish oil (EPA 180 mg, DHA 120 mg)"), N_("softgel"),
    { { CF_NUTRIENT_EPA, 0.180 }, { CF_NUTRIENT_DHA, 0.120 } } },
  { N_("Potassium citrate 99 mg"), N_("tablet"),
    { { CF_NUTRIENT_POTASSIUM, 99 } } },
};

/**
 * cf_supplement_new:
 * @name: the supplement's name
 * @unit: what one dose is counted in, e.g. "capsule"
 * @doses: (array length=n_doses): the nutrients in one unit
 *
 * Returns: (transfer full): a new custom food of kind supplement, not
 *   yet saved
 */
CfFood *
cf_supplement_new (const char             *name,
                   const char             *unit,
                   const CfSupplementDose *doses,
                   guint                   n_doses)
{
  CfFood *food;

  g_return_val_if_fail (unit != NULL && *unit != '\0', NULL);
  g_return_val_if_fail (doses != NULL || n_doses == 0, NULL);

  food = cf_food_new_custom (name);
  cf_food_set_kind (food, CF_FOOD_KIND_SUPPLEMENT);
  cf_supplement_set_doses (food, unit, doses, n_doses);

  return food;
}

/**
 * cf_supplement_set_doses:
 * @supplement: a custom food of kind supplement
 * @unit: what one dose is counted in, e.g. "capsule"
 * @doses: (array length=n_doses): the nutrients in one unit
 *
 * Replaces what one unit of @supplement holds, and its unit; nutrients
 * not in @doses have no value afterwards.  The food keeps its id, so
 * saving it updates the stored supplement (diary entries already logged
 * keep their own values).
 */
void
cf_supplement_set_doses (CfFood                 *supplement,
                         const char             *unit,
                         const CfSupplementDose *doses,
                         guint                   n_doses)
{
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(CfNutrients) per_100g = cf_nutrients_new ();

  g_return_if_fail (CF_IS_FOOD (supplement));
  g_return_if_fail (cf_food_get_kind (supplement) == CF_FOOD_KIND_SUPPLEMENT);
  g_return_if_fail (unit != NULL && *unit != '\0');
  g_return_if_fail (doses != NULL || n_doses == 0);

  for (guint i = 0; i < n_doses; i++)
    cf_nutrients_set (per_100g, doses[i].nutrient, doses[i].amount * 100.0 / UNIT_GRAMS);
  cf_food_set_nutrients (supplement, per_100g);

  cf_food_clear_portions (supplement);
  portion = cf_portion_new (1, unit, UNIT_GRAMS);
  cf_food_add_portion (supplement, portion);
}

/**
 * cf_supplement_list_templates:
 *
 * Returns: (transfer container) (element-type CfFood): new, unsaved
 *   supplements to start from, with translated names
 */
GPtrArray *
cf_supplement_list_templates (void)
{
  GPtrArray *foods = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      guint n = 0;

      while (n < G_N_ELEMENTS (templates[i].doses) && templates[i].doses[n].amount > 0)
        n++;

      g_ptr_array_add (foods, cf_supplement_new (g_dgettext (GETTEXT_PACKAGE, templates[i].name),
                                                 g_dgettext (GETTEXT_PACKAGE, templates[i].unit),
                                                 templates[i].doses, n));
    }

  return foods;
}

static CfPortion *
get_unit_portion (CfFood *supplement)
{
  GListModel *portions = cf_food_get_portions (supplement);
  g_autoptr(CfPortion) portion = NULL;

  if (g_list_model_get_n_items (portions) == 0)
    return NULL;

  portion = g_list_model_get_item (portions, 0);

  return portion;
}

/**
 * cf_supplement_get_dose:
 *
 * Returns: how much of @nutrient one unit of @supplement holds, or NaN
 *   when it has none or has no unit
 */
double
cf_supplement_get_dose (CfFood     *supplement,
                        CfNutrient  nutrient)
{
  CfPortion *unit;

  g_return_val_if_fail (CF_IS_FOOD (supplement), NAN);

  unit = get_unit_portion (supplement);
  if (unit == NULL)
    return NAN;

  return cf_food_get_nutrient (supplement, nutrient) * cf_portion_get_grams (unit)
         / cf_portion_get_amount (unit) / 100.0;
}

/**
 * cf_supplement_get_unit:
 *
 * Returns: (nullable): the unit a dose is counted in, e.g. "capsule"
 */
const char *
cf_supplement_get_unit (CfFood *supplement)
{
  CfPortion *unit;

  g_return_val_if_fail (CF_IS_FOOD (supplement), NULL);

  unit = get_unit_portion (supplement);

  return unit ? cf_portion_get_description (unit) : NULL;
}

/* The forms of vitamin K a supplement can hold (see the knowledge pages
 * "disclaimer", "k2-mgp-osteocalcin" and "k1-vs-k2" for the caution and
 * its sources) */
static gboolean
is_vitamin_k (CfNutrient nutrient)
{
  switch (nutrient)
    {
    case CF_NUTRIENT_VITAMIN_K1:
    case CF_NUTRIENT_VITAMIN_K2_TOTAL:
    case CF_NUTRIENT_MK4:
    case CF_NUTRIENT_MK7:
    case CF_NUTRIENT_MK8:
    case CF_NUTRIENT_MK9:
    /* Vitamin K whose form is not stated is vitamin K all the same */
    case CF_NUTRIENT_VITAMIN_K_UNSTATED:
      return TRUE;

    default:
      return FALSE;
    }
}

static const char *
vka_caution (void)
{
  return _("Caution for anyone on a blood thinner of the vitamin K antagonist type, such as warfarin: "
           "vitamin K, K2 included, changes how these medicines work. Talk to the doctor who prescribes "
           "it before you start, stop or change this supplement.");
}

/**
 * cf_supplement_doses_get_caution:
 * @doses: (array length=n_doses): what one unit holds
 *
 * Returns: (transfer none) (nullable): a translated caution for
 *   supplements that hold vitamin K (K1 or any form of K2), or %NULL
 */
const char *
cf_supplement_doses_get_caution (const CfSupplementDose *doses,
                                 guint                   n_doses)
{
  g_return_val_if_fail (doses != NULL || n_doses == 0, NULL);

  for (guint i = 0; i < n_doses; i++)
    {
      if (is_vitamin_k (doses[i].nutrient) && doses[i].amount > 0)
        return vka_caution ();
    }

  return NULL;
}

/**
 * cf_supplement_get_caution:
 *
 * Returns: (transfer none) (nullable): a translated caution when
 *   @supplement holds vitamin K (K1 or any form of K2), or %NULL
 */
const char *
cf_supplement_get_caution (CfFood *supplement)
{
  g_return_val_if_fail (CF_IS_FOOD (supplement), NULL);

  for (CfNutrient n = 0; n < CF_N_NUTRIENTS; n++)
    {
      double value = cf_food_get_nutrient (supplement, n);

      if (is_vitamin_k (n) && !isnan (value) && value > 0)
        return vka_caution ();
    }

  return NULL;
}
