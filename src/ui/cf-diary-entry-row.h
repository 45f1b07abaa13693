/* cf-diary-entry-row.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-diary-entry.h"

G_BEGIN_DECLS

#define CF_TYPE_DIARY_ENTRY_ROW (cf_diary_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (CfDiaryEntryRow, cf_diary_entry_row, CF, DIARY_ENTRY_ROW, GtkListBoxRow)

GtkWidget  *cf_diary_entry_row_new          (CfDiaryEntry    *entry);
const char *cf_diary_entry_row_get_title    (CfDiaryEntryRow *self);
const char *cf_diary_entry_row_get_subtitle (CfDiaryEntryRow *self);

G_END_DECLS
