/* cf-insight-card.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-insight.h"

G_BEGIN_DECLS

#define CF_TYPE_INSIGHT_CARD (cf_insight_card_get_type ())

G_DECLARE_FINAL_TYPE (CfInsightCard, cf_insight_card, CF, INSIGHT_CARD, AdwBin)

GtkWidget  *cf_insight_card_new                (CfInsight     *insight);
CfInsight  *cf_insight_card_get_insight        (CfInsightCard *self);
GtkWidget  *cf_insight_card_get_read_more_button (CfInsightCard *self);
GtkListBox *cf_insight_card_get_foods_list     (CfInsightCard *self);

char       *cf_insight_format_amount           (CfIntake       intake,
                                                double         value);
const char *cf_food_id_get_source_name         (const char    *food_id);

G_END_DECLS
