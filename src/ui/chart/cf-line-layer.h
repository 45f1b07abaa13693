/* cf-line-layer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chart-layer.h"

G_BEGIN_DECLS

#define CF_TYPE_LINE_LAYER (cf_line_layer_get_type ())

G_DECLARE_FINAL_TYPE (CfLineLayer, cf_line_layer, CF, LINE_LAYER, CfChartLayer)

CfChartLayer *cf_line_layer_new          (void);
void          cf_line_layer_set_values   (CfLineLayer  *self,
                                          const double *values,
                                          guint         n_values);
void          cf_line_layer_set_show_points (CfLineLayer *self,
                                          gboolean      show_points);
guint         cf_line_layer_get_n_values (CfLineLayer  *self);
double        cf_line_layer_get_value    (CfLineLayer  *self,
                                          guint         index);

G_END_DECLS
