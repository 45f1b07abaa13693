/* cf-portion.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_PORTION (cf_portion_get_type ())

G_DECLARE_FINAL_TYPE (CfPortion, cf_portion, CF, PORTION, GObject)

CfPortion  *cf_portion_new         (double      amount,
                                    const char *description,
                                    double      grams);
double      cf_portion_get_amount  (CfPortion  *self);
const char *cf_portion_get_description (CfPortion *self);
double      cf_portion_get_grams   (CfPortion  *self);
char       *cf_portion_dup_label   (CfPortion  *self);
char       *cf_portion_dup_display (CfPortion  *self);

G_END_DECLS
