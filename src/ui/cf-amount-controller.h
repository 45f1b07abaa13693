/* cf-amount-controller.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-food.h"

G_BEGIN_DECLS

#define CF_TYPE_AMOUNT_CONTROLLER (cf_amount_controller_get_type ())

G_DECLARE_FINAL_TYPE (CfAmountController, cf_amount_controller, CF, AMOUNT_CONTROLLER, GObject)

CfAmountController *cf_amount_controller_new        (AdwEntryRow        *amount_row,
                                                     AdwComboRow        *measure_row,
                                                     GtkLabel           *error_label);
void                cf_amount_controller_set_food   (CfAmountController *self,
                                                     CfFood             *food,
                                                     const char         *portion_description,
                                                     double              quantity);
gboolean            cf_amount_controller_is_valid   (CfAmountController *self);
const char         *cf_amount_controller_get_error  (CfAmountController *self);
const char         *cf_amount_controller_get_conversion (CfAmountController *self);
void                cf_amount_controller_set_error  (CfAmountController *self,
                                                     const char         *message);
double              cf_amount_controller_get_grams  (CfAmountController *self);
CfPortion          *cf_amount_controller_get_portion (CfAmountController *self);
double              cf_amount_controller_get_portion_quantity (CfAmountController *self);

G_END_DECLS
