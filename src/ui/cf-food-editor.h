/* cf-food-editor.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD_EDITOR (cf_food_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodEditor, cf_food_editor, CF, FOOD_EDITOR, AdwWindow)

CfFoodEditor *cf_food_editor_new          (CfContext    *context,
                                           CfFood       *food);
gboolean      cf_food_editor_save         (CfFoodEditor *self,
                                           GError      **error);
GtkEditable  *cf_food_editor_get_name_field (CfFoodEditor *self);
GtkEditable  *cf_food_editor_get_nutrient_field (CfFoodEditor *self,
                                                 CfNutrient    nutrient);
void          cf_food_editor_add_portion  (CfFoodEditor *self,
                                           const char   *description,
                                           const char   *grams);
void          cf_food_editor_set_per_portion (CfFoodEditor *self,
                                              gboolean      per_portion);
const char   *cf_food_editor_get_error    (CfFoodEditor *self);

G_END_DECLS
