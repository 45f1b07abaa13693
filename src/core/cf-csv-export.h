/* cf-csv-export.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-context.h"

G_BEGIN_DECLS

/**
 * CfCsvTable:
 * @CF_CSV_TABLE_DAYS: one row per day with entries: its totals and
 *   their coverage
 * @CF_CSV_TABLE_ENTRIES: one row per diary entry
 *
 * The tables the CSV export writes (see data/export-format.md).
 */
typedef enum
{
  CF_CSV_TABLE_DAYS,
  CF_CSV_TABLE_ENTRIES,
} CfCsvTable;

gboolean  cf_csv_table_from_key  (const char  *key,
                                  CfCsvTable  *table);
char     *cf_csv_export_to_data  (CfContext   *context,
                                  CfCsvTable   table,
                                  GError     **error);
gboolean  cf_csv_export_to_file  (CfContext   *context,
                                  CfCsvTable   table,
                                  GFile       *file,
                                  GError     **error);

G_END_DECLS
