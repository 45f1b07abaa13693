/* cf-food-store-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-food-store.h"

G_BEGIN_DECLS

/* Reading foods from the reference database (attached as "ref") and
 * from the user's custom_food table, shared by the store and search. */

#define USDA_SOURCE "usda-sr28"

/* Columns read by _cf_food_from_ref_row(), in order; the last is the
 * food's name in the user's language, if it has one (see
 * _cf_food_names_register()) */
#define REF_FOOD_COLUMNS \
  "f.rowid, f.id, f.source, f.group_code, g.name, f.name, f.common_name, f.note, s.citation," \
  " (SELECT n.name FROM ref.food_name n WHERE n.food = f.rowid AND n.kind = 'name'" \
  "  AND cf_language_rank (n.lang) IS NOT NULL ORDER BY cf_language_rank (n.lang) LIMIT 1)"
#define REF_FOOD_JOINS \
  " LEFT JOIN ref.food_group g ON g.code = f.group_code" \
  " LEFT JOIN ref.source s ON s.id = f.source"
#define REF_NUTRIENTS_FIRST 10

/* Columns read by _cf_food_from_custom_row(), in order */
#define CUSTOM_FOOD_COLUMNS \
  "c.rowid, c.id, c.kind, c.group_code, c.name, c.brand, c.note"
#define CUSTOM_NUTRIENTS_FIRST 7

CfFood *_cf_food_from_ref_row       (sqlite3_stmt *stmt);
CfFood *_cf_food_from_custom_row    (sqlite3_stmt *stmt);
int     _cf_food_store_progress_cb  (void         *cancellable);
void    _cf_food_names_register     (sqlite3      *db);
void    _cf_food_search_append_kind_filter (GString       *sql,
                                            const char    *table,
                                            CfSearchFlags  flags);

G_END_DECLS
