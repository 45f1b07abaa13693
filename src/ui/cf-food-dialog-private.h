/* cf-food-dialog-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-food-dialog.h"
#include "cf-key-nutrients.h"

G_BEGIN_DECLS

/* For UI tests, which drive the dialog through its real widgets */
GtkEditable *_cf_food_dialog_get_search_entry (CfFoodDialog *self);
GtkListBox  *_cf_food_dialog_get_results      (CfFoodDialog *self);
GtkEditable *_cf_food_dialog_get_amount       (CfFoodDialog *self);
AdwComboRow *_cf_food_dialog_get_portion_row  (CfFoodDialog *self);
AdwComboRow *_cf_food_dialog_get_meal_row     (CfFoodDialog *self);
GtkWidget   *_cf_food_dialog_get_save_button  (CfFoodDialog *self);
GtkLabel    *_cf_food_dialog_get_error_label  (CfFoodDialog *self);
const char  *_cf_food_dialog_get_page         (CfFoodDialog *self);
const char  *_cf_food_dialog_get_food_name    (CfFoodDialog *self);
const char  *_cf_food_dialog_get_preview      (CfFoodDialog *self,
                                               CfKeyNutrient key);

G_END_DECLS
