/* cf-nutrient-format.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-key-nutrients.h"

G_BEGIN_DECLS

/* The nutrients previewed for an amount, in the add-food dialog */
#define CF_N_PREVIEW CF_N_KEY_NUTRIENTS

void        cf_format_set_vitamin_d_iu  (gboolean            iu);
gboolean    cf_format_get_vitamin_d_iu  (void);
char       *cf_format_key_amount        (CfKeyNutrient       key,
                                         double              value);
char       *cf_format_key_compact       (CfKeyNutrient       key,
                                         double              value);
const char *cf_preview_get_name         (guint               index);
char       *cf_format_preview_value     (guint               index,
                                         const CfNutrients  *per_100g,
                                         double              grams);
char       *cf_format_entry_number      (char               *buffer,
                                         gsize               size,
                                         const char         *format,
                                         double              value);

G_END_DECLS
