/* cf-parse.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-food.h"
#include "cf-portion.h"

G_BEGIN_DECLS

/* The one strict reading of amounts, numbers, dates and ids typed or
 * given by the user: the CLI, the app's fields and import all use these,
 * so the same text is read the same way and refused with the same
 * message (bounds: cf-limits.h). */

gboolean  cf_parse_decimal     (const char  *text,
                                double      *value,
                                GError     **error);
gboolean  cf_parse_amount      (const char  *text,
                                CfFood      *food,
                                double      *grams,
                                CfPortion  **portion,
                                double      *portion_quantity,
                                GError     **error);
gboolean  cf_parse_vitamin_d   (const char  *text,
                                gboolean     default_iu,
                                double      *micrograms,
                                gboolean    *in_iu,
                                GError     **error);
gboolean  cf_parse_date        (const char  *text,
                                GDate       *day,
                                GError     **error);
gboolean  cf_validate_grams    (double       grams,
                                GError     **error);
gboolean  cf_validate_quantity (double       quantity,
                                GError     **error);
char     *cf_canonical_id      (const char  *id);
gboolean  cf_id_is_canonical   (const char  *id);

G_END_DECLS
