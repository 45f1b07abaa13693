/* cf-food-dialog.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_FOOD_DIALOG (cf_food_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfFoodDialog, cf_food_dialog, CF, FOOD_DIALOG, AdwWindow)

CfFoodDialog *cf_food_dialog_new_add    (CfContext     *context,
                                         const GDate   *day,
                                         CfMeal         meal);
CfFoodDialog *cf_food_dialog_new_pick   (CfContext     *context);
CfFoodDialog *cf_food_dialog_new_edit   (CfContext     *context,
                                         CfDiaryEntry  *entry);
void          cf_food_dialog_select_food (CfFoodDialog *self,
                                          CfFood       *food);
void          cf_food_dialog_set_meal_guessed (CfFoodDialog *self,
                                               gboolean      guessed);
gboolean      cf_food_dialog_save       (CfFoodDialog  *self,
                                         GError       **error);
const char   *cf_food_dialog_get_error  (CfFoodDialog  *self);
CfDiaryEntry *cf_food_dialog_get_entry  (CfFoodDialog  *self);
CfMeal        cf_food_dialog_get_meal   (CfFoodDialog  *self);

G_END_DECLS
