/* cf-diary-entry-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-diary-entry.h"

G_BEGIN_DECLS

CfDiaryEntry *_cf_diary_entry_new_full (const char        *id,
                                        const GDate       *day,
                                        CfMeal             meal,
                                        gint64             position,
                                        const char        *food_id,
                                        const char        *food_name,
                                        CfFoodKind         food_kind,
                                        double             grams,
                                        double             portion_quantity,
                                        const char        *portion_description,
                                        const CfNutrients *per_100g);
void          _cf_diary_entry_set_value_kind (CfDiaryEntry *self,
                                              CfNutrient    nutrient,
                                              CfValueKind   kind);
void          _cf_diary_entry_set_position (CfDiaryEntry  *self,
                                            gint64         position);
void          _cf_diary_entry_set_origin   (CfDiaryEntry  *self,
                                            CfEntryOrigin  origin,
                                            const char    *amount,
                                            const char    *meal);
CfDiaryEntry *_cf_diary_entry_new_imported (const char        *id,
                                            const GDate       *day,
                                            CfMeal             meal,
                                            const char        *food_id,
                                            const char        *food_name,
                                            double             grams,
                                            const CfNutrients *amounts,
                                            CfEntryOrigin      origin,
                                            const char        *origin_amount,
                                            const char        *origin_meal);
const CfNutrients *_cf_diary_entry_get_stored_values (CfDiaryEntry *self);

G_END_DECLS
