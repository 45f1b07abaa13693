/* cf-limits.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* One set of bounds for every number and text that enters the diary,
 * typed in the app, imported, or given to the command-line tool; they
 * are documented in data/export-format.md (keep the two in step).  The
 * checks: cf_validate_grams() and cf_validate_quantity() (amounts),
 * cf_nutrients_validate() (values per 100 g), cf_food_validate_full(),
 * cf_recipe_validate(), the diary's check of each entry, and import. */

/* Amounts */
#define CF_MIN_GRAMS             0.001      /* 1 mg: the least anything can weigh */
#define CF_MAX_ENTRY_GRAMS       5000.0     /* one diary entry */
#define CF_MAX_PORTION_GRAMS     5000.0     /* one household measure, one serving */
#define CF_MAX_RECIPE_GRAMS      100000.0   /* one ingredient, a cooked dish */
#define CF_MAX_SERVINGS          1000.0     /* servings of one recipe */
#define CF_MIN_QUANTITY          0.001      /* how many of a measure */
#define CF_MAX_QUANTITY          10000.0

/* Values per 100 g: each at most what 100 g can hold (100 g, or 900 kcal
 * of energy); protein, fat and carbohydrate together at most this many
 * grams (100 g, and 1 g for the rounding of food tables) */
#define CF_MAX_MACROS_PER_100G   101.0

/* Text, in characters */
#define CF_MAX_NAME_CHARS        200        /* names, brands, measures */
#define CF_MAX_NOTE_CHARS        10000
#define CF_MAX_AMOUNT_CHARS      200        /* an amount as typed: "1 cup, chopped" */

/* Lists */
#define CF_MAX_PORTIONS          100        /* household measures of one food */
#define CF_MAX_INGREDIENTS       500        /* ingredients of one recipe */
#define CF_MAX_IMPORT_FOODS      100000     /* in one import */
#define CF_MAX_IMPORT_ENTRIES    1000000
#define CF_MAX_IMPORT_FAVOURITES 100000

/* Files */
#define CF_MAX_IMPORT_BYTES      (256 * 1024 * 1024) /* an export to import */
#define CF_MAX_FOOD_FILE_BYTES   (16 * 1024 * 1024)  /* food-add, recipe-add */
#define CF_MAX_JSON_DEPTH        32                  /* nesting of lists and objects */
