/* cf-search.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many words of a query are searched for */
#define CF_SEARCH_MAX_TOKENS 8

char   **cf_search_tokenize        (const char   *text);
char    *cf_search_build_fts_query (const char * const *tokens,
                                    gboolean      anchored);

G_END_DECLS
