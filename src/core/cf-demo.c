/* cf-demo.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-database-private.h"
#include "cf-demo.h"
#include "cf-supplements.h"

/* A plausible sample diary for `cofactor --demo`: varied everyday meals
 * from the reference foods, a few with natto or sauerkraut, and
 * supplements taken irregularly, as people do.  It is the same for the
 * same days, so screenshots and tests can rely on it.
 */

typedef struct
{
  const char *food;
  const char *amount;
} Item;

#define MAX_ITEMS 4

typedef struct
{
  CfMeal meal;
  Item   items[MAX_ITEMS];
} Menu;

static const Menu menus[] = {
  { CF_MEAL_BREAKFAST, { { "usda:08120", "40" }, { "usda:01077", "1 cup" }, { "usda:09040", "1 small" } } },
  { CF_MEAL_BREAKFAST, { { "usda:01123", "2 large" }, { "usda:18075", "2 slice" }, { "usda:01001", "10" } } },
  { CF_MEAL_BREAKFAST, { { "usda:01287", "1 container" }, { "usda:12155", "20" }, { "usda:09003", "1 medium" } } },
  { CF_MEAL_BREAKFAST, { { "k2:natto-kamao-2007", "50" }, { "usda:20045", "1 cup" }, { "usda:01123", "1 large" } } },
  { CF_MEAL_LUNCH, { { "usda:16370", "200" }, { "usda:11457", "60" }, { "usda:11529", "100" } } },
  { CF_MEAL_LUNCH, { { "usda:01022", "40" }, { "usda:18075", "2 slice" }, { "usda:11124", "80" } } },
  { CF_MEAL_LUNCH, { { "usda:15088", "90" }, { "usda:09038", "70" }, { "usda:18075", "1 slice" } } },
  { CF_MEAL_DINNER, { { "usda:15236", "150" }, { "usda:11352", "200" }, { "usda:11090", "1 cup chopped" } } },
  { CF_MEAL_DINNER, { { "usda:05062", "150" }, { "usda:20045", "1 cup" }, { "usda:11233", "80" } } },
  { CF_MEAL_DINNER, { { "usda:13047", "120" }, { "usda:20125", "180" }, { "k2:sauerkraut-nevo-2021", "60" } } },
  { CF_MEAL_SNACKS, { { "usda:12061", "30" }, { "usda:09200", "1 fruit" } } },
  { CF_MEAL_SNACKS, { { "k2:dark-chocolate-bar-ciqual-2020", "20" }, { "usda:12016", "25" } } },
  { CF_MEAL_SNACKS, { { "usda:01009", "1 oz" } } },
};

static gboolean
log_item (CfContext    *context,
          const GDate  *day,
          CfMeal        meal,
          CfFood       *food,
          const char   *amount,
          GError      **error)
{
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  double grams, quantity;

  if (!cf_parse_amount (amount, food, &grams, &portion, &quantity, error))
    {
      g_prefix_error (error, "%s: ", cf_food_get_id (food));
      return FALSE;
    }

  entry = cf_diary_entry_new (day, meal, food, grams, portion, quantity);

  /* Inside cf_demo_fill()'s transaction */
  return _cf_diary_write_entry (cf_context_get_diary (context), entry, FALSE, error);
}

/* @foods: the foods of the menus by id, looked up once */
static gboolean
log_menu (CfContext    *context,
          GHashTable   *foods,
          const GDate  *day,
          const Menu   *menu,
          GError      **error)
{
  CfFoodStore *store = cf_context_get_food_store (context);

  for (guint i = 0; i < MAX_ITEMS && menu->items[i].food != NULL; i++)
    {
      CfFood *food = g_hash_table_lookup (foods, menu->items[i].food);

      if (food == NULL)
        {
          food = cf_food_store_get_food (store, menu->items[i].food, error);
          if (food == NULL)
            return FALSE;
          g_hash_table_insert (foods, (gpointer) menu->items[i].food, food);
        }

      if (!log_item (context, day, menu->meal, food, menu->items[i].amount, error))
        return FALSE;
    }

  return TRUE;
}

static CfFood *
save_template (CfContext   *context,
               GPtrArray   *templates,
               guint        index,
               GError     **error)
{
  CfFood *food = g_object_ref (g_ptr_array_index (templates, index));

  if (!cf_food_store_save_custom_food (cf_context_get_food_store (context), food, error))
    g_clear_object (&food);

  return food;
}

/**
 * cf_demo_fill:
 * @last_day: the last day to fill, usually today
 * @n_days: how many days up to @last_day
 *
 * Fills a diary, meant to be a throw-away one, with sample meals and
 * supplements, in one transaction.
 */
gboolean
cf_demo_fill (CfContext    *context,
              const GDate  *last_day,
              guint         n_days,
              GError      **error)
{
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  g_autoptr(CfFood) k2 = NULL;
  g_autoptr(CfFood) d3 = NULL;
  g_autoptr(CfFood) magnesium = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_date_get_julian (last_day));
  g_autoptr(GHashTable) foods = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  CfDatabase *database = cf_context_get_database (context);

  g_return_val_if_fail (CF_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), FALSE);

  /* Template order: K2, D3 drops, D3+K2, magnesium, … */
  if (!(k2 = save_template (context, templates, 0, error)) ||
      !(d3 = save_template (context, templates, 1, error)) ||
      !(magnesium = save_template (context, templates, 3, error)))
    return FALSE;

  if (!cf_database_begin (database, error))
    return FALSE;

  for (guint d = 0; d < n_days; d++)
    {
      GDate day = *last_day;
      guint breakfast, lunch, dinner;
      /* The templates' measures are translated, so their names in the
       * amounts must be too */
      g_autofree char *drops = g_strdup_printf ("2 %s", _("drop"));
      g_autofree char *capsule = g_strdup_printf ("1 %s", _("capsule"));
      g_autofree char *tablet = g_strdup_printf ("1 %s", _("tablet"));

      g_date_subtract_days (&day, n_days - 1 - d);

      breakfast = g_rand_int_range (rand, 0, 4);
      lunch = 4 + g_rand_int_range (rand, 0, 3);
      dinner = 7 + g_rand_int_range (rand, 0, 3);

      if (!log_menu (context, foods, &day, &menus[breakfast], error) ||
          !log_menu (context, foods, &day, &menus[lunch], error) ||
          !log_menu (context, foods, &day, &menus[dinner], error))
        goto fail;

      if (g_rand_int_range (rand, 0, 3) != 0 &&
          !log_menu (context, foods, &day, &menus[10 + g_rand_int_range (rand, 0, 3)], error))
        goto fail;

      /* Vitamin D every day; K2 and magnesium on some days only */
      if (!log_item (context, &day, CF_MEAL_SUPPLEMENTS, d3, drops, error))
        goto fail;
      if (d % 3 == 0 && !log_item (context, &day, CF_MEAL_SUPPLEMENTS, k2, capsule, error))
        goto fail;
      if (d % 2 == 1 && !log_item (context, &day, CF_MEAL_SUPPLEMENTS, magnesium, tablet, error))
        goto fail;
    }

  if (!cf_database_commit (database, error))
    return FALSE;

  g_signal_emit_by_name (cf_context_get_diary (context), "changed", NULL);

  return TRUE;

fail:
  cf_database_rollback (database);
  return FALSE;
}
