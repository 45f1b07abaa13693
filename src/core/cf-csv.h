/* cf-csv.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most fields a row may have; more is not a table we read */
#define CF_CSV_MAX_FIELDS 4096

/**
 * CfCsvRow:
 * @fields: the fields, %NULL-terminated, unquoted
 * @n_fields: how many
 * @line: the line of the file the row starts on, from 1
 *
 * One record of a CSV file.
 */
typedef struct
{
  char  **fields;
  guint   n_fields;
  guint   line;
} CfCsvRow;

void       cf_csv_row_free     (CfCsvRow          *row);
GPtrArray *cf_csv_parse        (const char        *data,
                                gsize              length,
                                GError           **error);

void       cf_csv_append_row   (GString           *out,
                                const char *const *fields,
                                guint              n_fields);
char      *cf_csv_format_number (double            value,
                                 guint             decimals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCsvRow, cf_csv_row_free)

G_END_DECLS
