/* cf-food-search.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-food-store.h"
#include "cf-types.h"

G_BEGIN_DECLS

/**
 * CfSearchCursor:
 *
 * Where a search left off, to fetch the next page.  A zeroed cursor
 * starts at the first result; cf_search_cursor_is_end() tells when
 * there is nothing more.
 */
typedef struct
{
  guint  tier;
  gint64 after;
} CfSearchCursor;

#define CF_SEARCH_CURSOR_INIT { 0, 0 }

gboolean   cf_search_cursor_is_end      (const CfSearchCursor *cursor);

GPtrArray *cf_food_store_search         (CfFoodStore          *self,
                                         const char           *text,
                                         CfSearchFlags         flags,
                                         const char           *group_code,
                                         CfSearchCursor       *cursor,
                                         guint                 limit,
                                         char                **corrected,
                                         GError              **error);
void       cf_food_store_search_async   (CfFoodStore          *self,
                                         const char           *text,
                                         CfSearchFlags         flags,
                                         const char           *group_code,
                                         const CfSearchCursor *cursor,
                                         guint                 limit,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GPtrArray *cf_food_store_search_finish  (CfFoodStore          *self,
                                         GAsyncResult         *result,
                                         CfSearchCursor       *next,
                                         char                **corrected,
                                         GError              **error);

G_END_DECLS
