/* cf-reference-intakes.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CfReferenceSet:
 * @CF_REFERENCE_SET_NASEM: US/Canada Dietary Reference Intakes (NASEM/IOM)
 * @CF_REFERENCE_SET_EFSA: European Food Safety Authority Dietary
 *   Reference Values
 * @CF_REFERENCE_SET_DACH: D-A-CH reference values (DGE, ÖGE, SGE)
 *
 * The published tables targets come from.  Each is one CSV file in
 * data/reference-intakes/, compiled into the core as a resource.
 */
typedef enum
{
  CF_REFERENCE_SET_NASEM,
  CF_REFERENCE_SET_EFSA,
  CF_REFERENCE_SET_DACH,
} CfReferenceSet;

#define CF_N_REFERENCE_SETS (CF_REFERENCE_SET_DACH + 1)

/**
 * CfReferenceRow:
 * @set: the table the row comes from
 * @line: the row's line in the CSV file (the header is line 1)
 * @age_min: lower age bound in years, inclusive, or NaN for none
 * @age_max: upper age bound in years, exclusive, or NaN for none
 * @value: the reference value in @unit, or NaN when the cell is empty
 * @ul: the upper level in @unit, or NaN when the cell is empty
 *
 * One row of a reference intake table, with the columns described in
 * data/reference-intakes/README.md.  The strings are the file's own
 * (English, untranslated).
 */
typedef struct
{
  CfReferenceSet  set;
  guint           line;
  char           *body;
  char           *nutrient;
  char           *unit;
  char           *life_stage;
  char           *sex;
  double          age_min;
  double          age_max;
  char           *condition;
  char           *value_type;
  double          value;
  double          ul;
  char           *ul_note;
  char           *source_url;
} CfReferenceRow;

const char      *cf_reference_set_to_key         (CfReferenceSet   set);
gboolean         cf_reference_set_from_key       (const char      *key,
                                                  CfReferenceSet  *set);
const char      *cf_reference_set_get_name       (CfReferenceSet   set);
const char      *cf_reference_set_get_short_name (CfReferenceSet   set);
const char      *cf_reference_set_get_file_name  (CfReferenceSet   set);

GBytes          *cf_reference_intakes_get_csv    (CfReferenceSet   set);
GPtrArray       *cf_reference_intakes_get_rows   (CfReferenceSet   set);
GPtrArray       *cf_reference_intakes_parse      (CfReferenceSet   set,
                                                  const char      *text,
                                                  gsize            length,
                                                  GError         **error);
void             cf_reference_row_free           (CfReferenceRow  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReferenceRow, cf_reference_row_free)

G_END_DECLS
