/* cf-nutrients.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-limits.h"
#include "cf-nutrient.h"

G_BEGIN_DECLS

#define CF_TYPE_NUTRIENTS (cf_nutrients_get_type ())
#define CF_TYPE_NUTRIENT_TOTALS (cf_nutrient_totals_get_type ())

/**
 * CfNutrients:
 *
 * One amount per catalog nutrient, for some quantity of food (usually
 * 100 g).  A nutrient without a value is NaN, which is not zero: use
 * cf_nutrients_has() to tell them apart.
 */
typedef struct _CfNutrients CfNutrients;

struct _CfNutrients
{
  double values[CF_N_NUTRIENTS];
};

/**
 * CfNutrientTotals:
 *
 * Sums over several diary entries.  For each nutrient, @sum adds the
 * entries that have a value; @known_grams says how many of the @grams
 * of food logged had one, so a caller can tell "no data" from "none".
 * Supplements add to @sum but not to @grams or @known_grams: their
 * weight is nominal and they state only what they contain.
 */
typedef struct _CfNutrientTotals CfNutrientTotals;

struct _CfNutrientTotals
{
  double sum[CF_N_NUTRIENTS];
  double known_grams[CF_N_NUTRIENTS];
  guint  known_entries[CF_N_NUTRIENTS];
  double grams;
  guint  n_entries;
};

GType        cf_nutrients_get_type   (void) G_GNUC_CONST;
CfNutrients *cf_nutrients_new        (void);
CfNutrients *cf_nutrients_copy       (const CfNutrients *self);
void         cf_nutrients_free       (CfNutrients       *self);
void         cf_nutrients_clear      (CfNutrients       *self);
double       cf_nutrients_get        (const CfNutrients *self,
                                      CfNutrient         nutrient);
gboolean     cf_nutrients_has        (const CfNutrients *self,
                                      CfNutrient         nutrient);
void         cf_nutrients_set        (CfNutrients       *self,
                                      CfNutrient         nutrient,
                                      double             value);
void         cf_nutrients_unset      (CfNutrients       *self,
                                      CfNutrient         nutrient);
guint        cf_nutrients_count      (const CfNutrients *self);
CfNutrients *cf_nutrients_scale      (const CfNutrients *self,
                                      double             factor);
gboolean     cf_nutrients_equal      (const CfNutrients *a,
                                      const CfNutrients *b);
gboolean     cf_nutrients_validate   (const CfNutrients *self,
                                      GError           **error);
gboolean     cf_nutrients_validate_amounts (const CfNutrients *self,
                                      double             grams,
                                      GError           **error);
double       cf_nutrients_get_macro_sum (const CfNutrients *self);

GType             cf_nutrient_totals_get_type     (void) G_GNUC_CONST;
CfNutrientTotals *cf_nutrient_totals_new          (void);
CfNutrientTotals *cf_nutrient_totals_copy         (const CfNutrientTotals *self);
void              cf_nutrient_totals_free         (CfNutrientTotals       *self);
double            cf_nutrient_totals_get          (const CfNutrientTotals *self,
                                                   CfNutrient              nutrient);
double            cf_nutrient_totals_get_coverage (const CfNutrientTotals *self,
                                                   CfNutrient              nutrient);
void              cf_nutrient_totals_add          (CfNutrientTotals       *self,
                                                   const CfNutrients      *per_100g,
                                                   double                  grams);
void              cf_nutrient_totals_add_amounts  (CfNutrientTotals       *self,
                                                   const CfNutrients      *amounts);

double            cf_nutrient_max_per_100g        (CfNutrient nutrient);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfNutrients, cf_nutrients_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfNutrientTotals, cf_nutrient_totals_free)

G_END_DECLS
