/* cf-foods-view.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-food-detail.h"
#include "cf-ranking.h"

G_BEGIN_DECLS

#define CF_TYPE_FOODS_VIEW (cf_foods_view_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodsView, cf_foods_view, CF, FOODS_VIEW, AdwBin)

CfFoodsView  *cf_foods_view_new          (CfContext   *context);
void          cf_foods_view_search       (CfFoodsView *self,
                                          const char  *text);
const char   *cf_foods_view_get_correction (CfFoodsView  *self);
GListModel   *cf_foods_view_get_results  (CfFoodsView *self);
void          cf_foods_view_rank         (CfFoodsView  *self,
                                          CfRankFigure  figure,
                                          CfRankBasis   basis);
void          cf_foods_view_set_source   (CfFoodsView *self,
                                          guint        source);
void          cf_foods_view_show_food    (CfFoodsView *self,
                                          CfFood      *food);
CfFoodDetail *cf_foods_view_get_detail   (CfFoodsView *self);
GtkWindow    *cf_foods_view_edit_food    (CfFoodsView *self,
                                          CfFood      *food);
GtkWindow    *cf_foods_view_new_recipe   (CfFoodsView *self);
const char   *cf_foods_view_get_page     (CfFoodsView *self);

G_END_DECLS
