/* cf-hbar-layer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chart-layer.h"

G_BEGIN_DECLS

#define CF_TYPE_HBAR_LAYER (cf_hbar_layer_get_type ())

G_DECLARE_FINAL_TYPE (CfHbarLayer, cf_hbar_layer, CF, HBAR_LAYER, CfChartLayer)

CfChartLayer *cf_hbar_layer_new        (void);
void          cf_hbar_layer_set_rows   (CfHbarLayer        *self,
                                        const char * const *names,
                                        const double       *values,
                                        const char * const *value_labels,
                                        guint               n_rows);
guint         cf_hbar_layer_get_n_rows (CfHbarLayer        *self);
const char   *cf_hbar_layer_get_name   (CfHbarLayer        *self,
                                        guint               index);
double        cf_hbar_layer_get_value  (CfHbarLayer        *self,
                                        guint               index);

G_END_DECLS
