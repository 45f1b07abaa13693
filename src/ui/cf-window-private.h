/* cf-window-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-csv-export.h"
#include "cf-window.h"

G_BEGIN_DECLS

/* What the Import… and Export… items do once a file is chosen; for UI
 * tests, which cannot drive the file chooser */
void     _cf_window_import_file (CfWindow *self,
                                 GFile    *file);
gboolean _cf_window_is_importing (CfWindow *self);
AdwMessageDialog *_cf_window_get_progress_dialog (CfWindow *self);
void     _cf_window_set_progress_delay (CfWindow *self,
                                        guint     ms);
gboolean _cf_window_export_file (CfWindow *self,
                                 GFile    *file);
gboolean _cf_window_export_csv_file (CfWindow   *self,
                                     GFile      *file,
                                     CfCsvTable  table);

void     _cf_window_offer_recovery (CfWindow *self,
                                    gboolean  restore,
                                    gboolean  start_new);

G_END_DECLS
