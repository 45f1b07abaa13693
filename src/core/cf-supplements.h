/* cf-supplements.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-food.h"

G_BEGIN_DECLS

/**
 * CfSupplementDose:
 *
 * One nutrient of a supplement and how much one unit holds, in the
 * nutrient's unit.
 */
typedef struct
{
  CfNutrient nutrient;
  double     amount;
} CfSupplementDose;

GPtrArray *cf_supplement_list_templates (void);
const char *cf_supplement_get_template_key  (CfFood             *food);
const char *cf_supplement_get_template_note (CfFood             *food);
char       *cf_supplement_dup_template_search_text (CfFood      *food);
CfFood    *cf_supplement_new            (const char             *name,
                                         const char             *unit,
                                         const CfSupplementDose *doses,
                                         guint                   n_doses);
void       cf_supplement_set_doses      (CfFood                 *supplement,
                                         const char             *unit,
                                         const CfSupplementDose *doses,
                                         guint                   n_doses);
double     cf_supplement_get_dose       (CfFood                 *supplement,
                                         CfNutrient              nutrient);
const char *cf_supplement_get_unit      (CfFood                 *supplement);
const char *cf_supplement_doses_get_caution (const CfSupplementDose *doses,
                                         guint                   n_doses);
const char *cf_supplement_get_caution   (CfFood                 *supplement);

G_END_DECLS
