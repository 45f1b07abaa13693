/* cf-supplement-dialog.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_SUPPLEMENT_DIALOG (cf_supplement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfSupplementDialog, cf_supplement_dialog, CF, SUPPLEMENT_DIALOG, AdwWindow)

CfSupplementDialog *cf_supplement_dialog_new  (CfContext          *context,
                                               CfFood             *template_food);
CfSupplementDialog *cf_supplement_dialog_new_for_food (CfContext  *context,
                                                       CfFood     *supplement);
gboolean            cf_supplement_dialog_save (CfSupplementDialog *self,
                                               GError            **error);
gboolean            cf_supplement_dialog_delete (CfSupplementDialog *self,
                                                 GError            **error);
GtkEditable        *cf_supplement_dialog_get_dose_field (CfSupplementDialog *self,
                                                         CfNutrient          nutrient);
const char         *cf_supplement_dialog_get_caution (CfSupplementDialog *self);
GtkEditable        *cf_supplement_dialog_get_unit_field (CfSupplementDialog *self);
GtkEditable        *cf_supplement_dialog_get_name_field (CfSupplementDialog *self);
AdwComboRow        *cf_supplement_dialog_get_template_row (CfSupplementDialog *self);
const char         *cf_supplement_dialog_get_error (CfSupplementDialog *self);

G_END_DECLS
