/* cf-helping-foods-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-targets.h"

G_BEGIN_DECLS

/* The everyday reference foods richest in each intake, which insights
 * suggest (see cf-helping-foods.c); shared by an insight engine and its
 * runs in workers */
typedef struct _CfHelpingFoods CfHelpingFoods;

CfHelpingFoods *_cf_helping_foods_new   (void);
CfHelpingFoods *_cf_helping_foods_ref   (CfHelpingFoods  *self);
void            _cf_helping_foods_unref (CfHelpingFoods  *self);
GPtrArray      *_cf_helping_foods_get   (CfHelpingFoods  *self,
                                         sqlite3         *db,
                                         CfIntake         intake,
                                         GError         **error);

G_END_DECLS
