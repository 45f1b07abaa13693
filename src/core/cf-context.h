/* cf-context.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-database.h"
#include "cf-diary.h"
#include "cf-food-search.h"
#include "cf-food-store.h"

G_BEGIN_DECLS

#define CF_TYPE_CONTEXT (cf_context_get_type ())

G_DECLARE_FINAL_TYPE (CfContext, cf_context, CF, CONTEXT, GObject)

CfContext   *cf_context_new            (const char  *database_path,
                                        const char  *foods_path,
                                        GError     **error);
CfContext   *cf_context_new_full       (const char           *database_path,
                                        const char           *foods_path,
                                        CfDatabaseOpenFlags   flags,
                                        GError              **error);
CfContext   *cf_context_new_for_database (CfDatabase *database);
CfDatabase  *cf_context_get_database   (CfContext   *self);
CfFoodStore *cf_context_get_food_store (CfContext   *self);
CfDiary     *cf_context_get_diary      (CfContext   *self);

G_END_DECLS
