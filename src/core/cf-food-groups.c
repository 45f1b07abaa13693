/* cf-food-groups.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-groups"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-food-groups.h"

/* The food groups of USDA SR28 (data/foods/groups.tsv), whose names the
 * food database keeps in English as the source gives them.  Listed here
 * to be translated; a name not listed is shown as it is. */
static const char *const group_names[] = {
  NC_("food group", "Dairy and Egg Products"),
  NC_("food group", "Spices and Herbs"),
  NC_("food group", "Baby Foods"),
  NC_("food group", "Fats and Oils"),
  NC_("food group", "Poultry Products"),
  NC_("food group", "Soups, Sauces, and Gravies"),
  NC_("food group", "Sausages and Luncheon Meats"),
  NC_("food group", "Breakfast Cereals"),
  NC_("food group", "Fruits and Fruit Juices"),
  NC_("food group", "Pork Products"),
  NC_("food group", "Vegetables and Vegetable Products"),
  NC_("food group", "Nut and Seed Products"),
  NC_("food group", "Beef Products"),
  NC_("food group", "Beverages"),
  NC_("food group", "Finfish and Shellfish Products"),
  NC_("food group", "Legumes and Legume Products"),
  NC_("food group", "Lamb, Veal, and Game Products"),
  NC_("food group", "Baked Products"),
  NC_("food group", "Sweets"),
  NC_("food group", "Cereal Grains and Pasta"),
  NC_("food group", "Fast Foods"),
  NC_("food group", "Meals, Entrees, and Side Dishes"),
  NC_("food group", "Snacks"),
  NC_("food group", "American Indian/Alaska Native Foods"),
  NC_("food group", "Restaurant Foods"),
};

/**
 * cf_food_group_get_display_name:
 * @name: a food group's name as the food database gives it, e.g.
 *   "Dairy and Egg Products"
 *
 * Returns: (transfer none): the name in the user's language
 */
const char *
cf_food_group_get_display_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (group_names); i++)
    {
      if (strcmp (name, group_names[i]) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, "food group", name);
    }

  return name;
}
