/* cf-limits.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* One set of bounds for every number and text that enters the diary,
 * typed, imported or given to the command-line tool; documented in
 * data/export-format.md (keep the two in step). */

/* Files */
#define CF_MAX_IMPORT_BYTES      (256 * 1024 * 1024) /* an export to import */
#define CF_MAX_FOOD_FILE_BYTES   (16 * 1024 * 1024)  /* food-add, recipe-add */
#define CF_MAX_JSON_DEPTH        32                  /* nesting of lists and objects */
