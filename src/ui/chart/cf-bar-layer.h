/* cf-bar-layer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chart-layer.h"

G_BEGIN_DECLS

/* Below this share of the food with a value, a figure is only partly
 * known (the day summary's rule); the default for "partial" bars */
#define CF_BAR_COMPLETE_COVERAGE 0.995

#define CF_TYPE_BAR_LAYER (cf_bar_layer_get_type ())

G_DECLARE_FINAL_TYPE (CfBarLayer, cf_bar_layer, CF, BAR_LAYER, CfChartLayer)

CfChartLayer *cf_bar_layer_new          (void);
void          cf_bar_layer_set_values   (CfBarLayer   *self,
                                         const double *values,
                                         const double *coverage,
                                         guint         n_values);
guint         cf_bar_layer_get_n_values (CfBarLayer   *self);
double        cf_bar_layer_get_value    (CfBarLayer   *self,
                                         guint         index);
gboolean      cf_bar_layer_is_partial   (CfBarLayer   *self,
                                         guint         index);
void          cf_bar_layer_set_partial_below (CfBarLayer *self,
                                         double        coverage);

G_END_DECLS
