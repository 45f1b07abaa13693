/* cf-recipe-editor.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-recipe.h"

G_BEGIN_DECLS

#define CF_TYPE_RECIPE_EDITOR (cf_recipe_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfRecipeEditor, cf_recipe_editor, CF, RECIPE_EDITOR, AdwWindow)

CfRecipeEditor *cf_recipe_editor_new            (CfContext      *context,
                                                 const char     *recipe_id);
CfRecipe       *cf_recipe_editor_get_recipe     (CfRecipeEditor *self);
GtkEditable    *cf_recipe_editor_get_name_field (CfRecipeEditor *self);
GtkEditable    *cf_recipe_editor_get_servings_field (CfRecipeEditor *self);
GtkEditable    *cf_recipe_editor_get_cooked_field (CfRecipeEditor *self);
void            cf_recipe_editor_add_ingredient (CfRecipeEditor *self,
                                                 CfFood         *food,
                                                 double          grams,
                                                 CfPortion      *portion,
                                                 double          portion_quantity);
gboolean        cf_recipe_editor_save           (CfRecipeEditor *self,
                                                 GError        **error);
const char     *cf_recipe_editor_get_error      (CfRecipeEditor *self);
const char     *cf_recipe_editor_get_preview    (CfRecipeEditor *self,
                                                 CfKeyNutrient   key);
const char     *cf_recipe_editor_get_preview_note (CfRecipeEditor *self,
                                                   CfKeyNutrient   key);

G_END_DECLS
