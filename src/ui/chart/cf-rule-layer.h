/* cf-rule-layer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chart-layer.h"

G_BEGIN_DECLS

#define CF_TYPE_RULE_LAYER (cf_rule_layer_get_type ())

G_DECLARE_FINAL_TYPE (CfRuleLayer, cf_rule_layer, CF, RULE_LAYER, CfChartLayer)

CfChartLayer *cf_rule_layer_new         (void);
void          cf_rule_layer_set_value   (CfRuleLayer *self,
                                         double       value);
double        cf_rule_layer_get_value   (CfRuleLayer *self);
void          cf_rule_layer_set_band_to (CfRuleLayer *self,
                                         double       value);
void          cf_rule_layer_set_dashed  (CfRuleLayer *self,
                                         gboolean     dashed);
void          cf_rule_layer_set_show_line (CfRuleLayer *self,
                                         gboolean     show_line);
void          cf_rule_layer_set_label   (CfRuleLayer *self,
                                         const char  *label);
const char   *cf_rule_layer_get_label   (CfRuleLayer *self);

G_END_DECLS
