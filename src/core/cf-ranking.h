/* cf-ranking.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-food.h"
#include "cf-key-nutrients.h"
#include "cf-nutrients.h"

G_BEGIN_DECLS

/**
 * CfRankFigure:
 * @CF_RANK_FIGURE_VITAMIN_K2: all vitamin K2 forms: the total
 *   menaquinones where the source gives one, else the sum of the MK-4,
 *   MK-7, MK-8 and MK-9 values present (cf_nutrients_get_vitamin_k2())
 * @CF_RANK_FIGURE_EPA_DHA: EPA plus DHA (cf_nutrients_get_epa_dha())
 *
 * What foods are ranked by.  The values 0 … %CF_N_NUTRIENTS - 1 are
 * the catalog nutrients, with the same numbers as #CfNutrient (use
 * CF_RANK_FIGURE_FOR_NUTRIENT()); the combined figures follow them.
 * Like #CfNutrient, the numbers are not stable across versions: store
 * cf_rank_figure_get_key().
 */
typedef enum
{
  CF_RANK_FIGURE_VITAMIN_K2 = CF_N_NUTRIENTS,
  CF_RANK_FIGURE_EPA_DHA,
} CfRankFigure;

#define CF_N_RANK_FIGURES (CF_RANK_FIGURE_EPA_DHA + 1)
#define CF_RANK_FIGURE_FOR_NUTRIENT(n) ((CfRankFigure) (n))

/**
 * CfRankBasis:
 * @CF_RANK_PER_100G: the amount in 100 g
 * @CF_RANK_PER_100KCAL: the amount per 100 kcal (value ÷ energy × 100);
 *   foods without an energy value or with 0 kcal are left out
 * @CF_RANK_PER_SERVING: the amount in the food's first household measure
 *   (value × its grams ÷ 100); foods without a measure are left out
 *
 * What amount of each food is compared.
 */
typedef enum
{
  CF_RANK_PER_100G,
  CF_RANK_PER_100KCAL,
  CF_RANK_PER_SERVING,
} CfRankBasis;

#define CF_N_RANK_BASES (CF_RANK_PER_SERVING + 1)

/* Longest food id plus its terminating NUL (k2: and a 120 character slug) */
#define CF_RANK_CURSOR_ID_SIZE 128

/* Foods with less energy than this per 100 g (water, coffee, tea,
 * broth) are not ranked per 100 kcal: dividing by almost nothing makes
 * them look like the richest foods there are */
#define CF_RANK_MIN_KCAL 10

/**
 * CfRankCursor:
 *
 * Where a ranking left off: after the food with @value and @id in the
 * order "value, highest first, then id".  A zeroed cursor
 * (%CF_RANK_CURSOR_INIT) starts at the top; cf_rank_cursor_is_end()
 * tells when there is nothing more.  A plain value: copy it freely.
 */
typedef struct
{
  guint  state;
  double value;
  char   id[CF_RANK_CURSOR_ID_SIZE];
} CfRankCursor;

#define CF_RANK_CURSOR_INIT { 0, 0.0, { 0 } }

gboolean      cf_rank_cursor_is_end              (const CfRankCursor *cursor);

const char   *cf_rank_figure_get_key             (CfRankFigure        figure);
gboolean      cf_rank_figure_from_key            (const char         *key,
                                                  CfRankFigure       *figure);
const char   *cf_rank_figure_get_name            (CfRankFigure        figure);
CfNutrient    cf_rank_figure_get_unit_nutrient   (CfRankFigure        figure);
CfRankFigure  cf_rank_figure_for_key_nutrient    (CfKeyNutrient       key);
double        cf_rank_figure_get_value           (CfRankFigure        figure,
                                                  const CfNutrients  *per_100g);

const char   *cf_rank_basis_to_key               (CfRankBasis         basis);
gboolean      cf_rank_basis_from_key             (const char         *key,
                                                  CfRankBasis        *basis);

double        cf_food_get_rank_value             (CfFood             *food,
                                                  CfRankFigure        figure,
                                                  CfRankBasis         basis,
                                                  CfPortion         **serving);
char         *cf_food_format_rank_value          (CfFood             *food,
                                                  CfRankFigure        figure,
                                                  CfRankBasis         basis);

/* The SQL expression of a figure over a table aliased @alias */
char         *_cf_rank_figure_sql                (CfRankFigure        figure,
                                                  const char         *alias);

G_END_DECLS
