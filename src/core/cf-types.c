/* cf-types.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-types.h"

static const struct {
  const char *key;
  const char *name;
} meals[CF_N_MEALS] = {
  { "breakfast",   NC_("meal", "Breakfast") },
  { "lunch",       NC_("meal", "Lunch") },
  { "dinner",      NC_("meal", "Dinner") },
  { "snacks",      NC_("meal", "Snacks") },
  { "supplements", NC_("meal", "Supplements") },
};

static const char *kinds[] = { "food", "supplement", "recipe" };

const char *
cf_meal_to_key (CfMeal meal)
{
  g_return_val_if_fail (meal < CF_N_MEALS, NULL);

  return meals[meal].key;
}

gboolean
cf_meal_from_key (const char *key,
                  CfMeal     *meal)
{
  g_return_val_if_fail (meal != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < CF_N_MEALS; i++)
    {
      if (g_ascii_strcasecmp (key, meals[i].key) == 0)
        {
          *meal = (CfMeal) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_meal_get_name:
 *
 * Returns: (transfer none): the translated display name of @meal
 */
const char *
cf_meal_get_name (CfMeal meal)
{
  g_return_val_if_fail (meal < CF_N_MEALS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "meal", meals[meal].name);
}

const char *
cf_food_kind_to_key (CfFoodKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind];
}

gboolean
cf_food_kind_from_key (const char *key,
                       CfFoodKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (strcmp (key, kinds[i]) == 0)
        {
          *kind = (CfFoodKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
