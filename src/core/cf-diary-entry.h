/* cf-diary-entry.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-food.h"
#include "cf-nutrients.h"
#include "cf-parse.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_DIARY_ENTRY (cf_diary_entry_get_type ())

G_DECLARE_FINAL_TYPE (CfDiaryEntry, cf_diary_entry, CF, DIARY_ENTRY, GObject)


/**
 * CfEntryOrigin:
 * @CF_ENTRY_ORIGIN_NONE: logged in Cofactor
 * @CF_ENTRY_ORIGIN_CRONOMETER: imported from a Cronometer export
 * @CF_ENTRY_ORIGIN_MYFITNESSPAL: imported from a MyFitnessPal export
 *
 * Where an entry's values come from.
 */
typedef enum
{
  CF_ENTRY_ORIGIN_NONE,
  CF_ENTRY_ORIGIN_CRONOMETER,
  CF_ENTRY_ORIGIN_MYFITNESSPAL,
} CfEntryOrigin;

#define CF_N_ENTRY_ORIGINS (CF_ENTRY_ORIGIN_MYFITNESSPAL + 1)

const char        *cf_entry_origin_to_key        (CfEntryOrigin  origin);
gboolean           cf_entry_origin_from_key      (const char    *key,
                                                  CfEntryOrigin *origin);
const char        *cf_entry_origin_get_name      (CfEntryOrigin  origin);

CfDiaryEntry      *cf_diary_entry_new            (const GDate   *day,
                                                  CfMeal         meal,
                                                  CfFood        *food,
                                                  double         grams,
                                                  CfPortion     *portion,
                                                  double         portion_quantity);
CfDiaryEntry      *cf_diary_entry_copy           (CfDiaryEntry  *self);
const char        *cf_diary_entry_get_id         (CfDiaryEntry  *self);
const GDate       *cf_diary_entry_get_day        (CfDiaryEntry  *self);
void               cf_diary_entry_set_day        (CfDiaryEntry  *self,
                                                  const GDate   *day);
CfMeal             cf_diary_entry_get_meal       (CfDiaryEntry  *self);
void               cf_diary_entry_set_meal       (CfDiaryEntry  *self,
                                                  CfMeal         meal);
const char        *cf_diary_entry_get_food_id    (CfDiaryEntry  *self);
const char        *cf_diary_entry_get_food_name  (CfDiaryEntry  *self);
CfFoodKind         cf_diary_entry_get_food_kind  (CfDiaryEntry  *self);
double             cf_diary_entry_get_grams      (CfDiaryEntry  *self);
double             cf_diary_entry_get_portion_quantity (CfDiaryEntry *self);
const char        *cf_diary_entry_get_portion_description (CfDiaryEntry *self);
void               cf_diary_entry_set_amount     (CfDiaryEntry  *self,
                                                  double         grams,
                                                  CfPortion     *portion,
                                                  double         portion_quantity);
const CfNutrients *cf_diary_entry_get_nutrients_per_100g (CfDiaryEntry *self);
double             cf_diary_entry_get_nutrient   (CfDiaryEntry  *self,
                                                  CfNutrient     nutrient);
CfValueKind        cf_diary_entry_get_value_kind (CfDiaryEntry  *self,
                                                  CfNutrient     nutrient);
void               cf_diary_entry_get_amounts    (CfDiaryEntry  *self,
                                                  CfNutrients   *amounts);
gboolean           cf_diary_entry_has_weight     (CfDiaryEntry  *self);
CfEntryOrigin      cf_diary_entry_get_origin     (CfDiaryEntry  *self);
const char        *cf_diary_entry_get_origin_amount (CfDiaryEntry *self);
const char        *cf_diary_entry_get_origin_meal (CfDiaryEntry *self);
char              *cf_diary_entry_dup_origin_label (CfDiaryEntry *self);
char              *cf_diary_entry_dup_amount_label (CfDiaryEntry *self);
gint64             cf_diary_entry_get_position   (CfDiaryEntry  *self);

char              *cf_format_amount              (double         grams,
                                                  const char    *portion_description,
                                                  double         portion_quantity,
                                                  CfFoodKind     kind);

G_END_DECLS
