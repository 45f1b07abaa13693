/* cf-food-store.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-database.h"
#include "cf-food.h"
#include "cf-ranking.h"
#include "cf-recipe.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD_STORE (cf_food_store_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodStore, cf_food_store, CF, FOOD_STORE, GObject)

CfFoodStore *cf_food_store_new              (CfDatabase          *database);
CfDatabase  *cf_food_store_get_database     (CfFoodStore         *self);
CfFood      *cf_food_store_get_food         (CfFoodStore         *self,
                                             const char          *id,
                                             GError             **error);
gboolean     cf_food_store_save_custom_food (CfFoodStore         *self,
                                             CfFood              *food,
                                             GError             **error);
gboolean     cf_food_store_delete_custom_food (CfFoodStore       *self,
                                             const char          *id,
                                             GError             **error);
GPtrArray   *cf_food_store_list_custom_foods (CfFoodStore        *self,
                                             GError             **error);
guint        cf_food_store_count_reference_foods (CfFoodStore    *self);
GPtrArray   *cf_food_store_list_groups      (CfFoodStore         *self,
                                             GError             **error);

gboolean     cf_food_store_validate_food    (CfFoodStore         *self,
                                             CfFood              *food,
                                             CfFoodField         *field,
                                             guint               *index,
                                             GError             **error);

/* Ranking by a nutrient (see cf-ranking.h) */
GPtrArray   *cf_food_store_rank             (CfFoodStore         *self,
                                             CfRankFigure         figure,
                                             CfRankBasis          basis,
                                             CfSearchFlags        flags,
                                             const char          *group_code,
                                             CfRankCursor        *cursor,
                                             guint                limit,
                                             GError             **error);
void         cf_food_store_rank_async       (CfFoodStore         *self,
                                             CfRankFigure         figure,
                                             CfRankBasis          basis,
                                             CfSearchFlags        flags,
                                             const char          *group_code,
                                             const CfRankCursor  *cursor,
                                             guint                limit,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *cf_food_store_rank_finish      (CfFoodStore         *self,
                                             GAsyncResult        *result,
                                             CfRankCursor        *next,
                                             GError             **error);

/* Recipes (see cf-recipe.h) */
gboolean     cf_food_store_validate_recipe  (CfFoodStore         *self,
                                             CfRecipe            *recipe,
                                             CfFoodField         *field,
                                             guint               *index,
                                             GError             **error);
gboolean     cf_food_store_save_recipe      (CfFoodStore         *self,
                                             CfRecipe            *recipe,
                                             GError             **error);
CfRecipe    *cf_food_store_get_recipe       (CfFoodStore         *self,
                                             const char          *id,
                                             GError             **error);
GPtrArray   *cf_food_store_list_recipes     (CfFoodStore         *self,
                                             GError             **error);

/* Favourites */
gboolean     cf_food_store_set_favourite    (CfFoodStore         *self,
                                             const char          *id,
                                             gboolean             favourite,
                                             GError             **error);
gboolean     cf_food_store_is_favourite     (CfFoodStore         *self,
                                             const char          *id);
GPtrArray   *cf_food_store_list_favourites  (CfFoodStore         *self,
                                             GError             **error);
GPtrArray   *cf_food_store_list_favourite_ids (CfFoodStore       *self,
                                             GPtrArray          **added,
                                             GError             **error);

/* Used inside transactions that span stores (import) */
gboolean     _cf_food_store_write_custom_food (CfFoodStore       *self,
                                               CfFood            *food,
                                               GError           **error);
gboolean     _cf_food_store_write_recipe    (CfFoodStore         *self,
                                             CfRecipe            *recipe,
                                             GError             **error);
gboolean     _cf_food_store_write_favourite (CfFoodStore         *self,
                                             const char          *id,
                                             const char          *added,
                                             GError             **error);

G_END_DECLS
