/* cf-tracker-import.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-context.h"
#include "cf-transfer.h"

G_BEGIN_DECLS

/**
 * CfImportFormat:
 * @CF_IMPORT_FORMAT_COFACTOR: Cofactor's own JSON export
 * @CF_IMPORT_FORMAT_CRONOMETER_SERVINGS: Cronometer's "Servings" export,
 *   one row per food
 * @CF_IMPORT_FORMAT_CRONOMETER_DAILY: Cronometer's "Daily Nutrition"
 *   export, one row per day
 * @CF_IMPORT_FORMAT_MYFITNESSPAL: MyFitnessPal's "Nutrition Summary"
 *   export, one row per meal
 *
 * The files Import reads, told apart by their content.
 */
typedef enum
{
  CF_IMPORT_FORMAT_COFACTOR,
  CF_IMPORT_FORMAT_CRONOMETER_SERVINGS,
  CF_IMPORT_FORMAT_CRONOMETER_DAILY,
  CF_IMPORT_FORMAT_MYFITNESSPAL,
} CfImportFormat;

/* The largest file Import reads */
#define CF_IMPORT_MAX_BYTES (256 * 1024 * 1024)

#define CF_TYPE_IMPORT_PLAN (cf_import_plan_get_type ())

G_DECLARE_FINAL_TYPE (CfImportPlan, cf_import_plan, CF, IMPORT_PLAN, GObject)

const char    *cf_import_format_get_name        (CfImportFormat  format);

CfImportPlan  *cf_import_plan_new_for_data      (CfContext      *context,
                                                 const char     *data,
                                                 gsize           length,
                                                 GError        **error);
CfImportPlan  *cf_import_plan_new_for_file      (CfContext      *context,
                                                 GFile          *file,
                                                 GError        **error);
CfImportFormat cf_import_plan_get_format        (CfImportPlan   *self);
guint          cf_import_plan_get_n_entries     (CfImportPlan   *self);
guint          cf_import_plan_get_n_new_entries (CfImportPlan   *self);
guint          cf_import_plan_get_n_days        (CfImportPlan   *self);
gboolean       cf_import_plan_get_range         (CfImportPlan   *self,
                                                 GDate          *first,
                                                 GDate          *last);
GPtrArray     *cf_import_plan_get_entries       (CfImportPlan   *self);
gboolean       cf_import_plan_has_nutrient      (CfImportPlan   *self,
                                                 CfNutrient      nutrient);
const char * const *cf_import_plan_get_ignored_columns (CfImportPlan *self);
const char * const *cf_import_plan_get_left_out_columns (CfImportPlan *self);
char         **cf_import_plan_dup_summary       (CfImportPlan   *self);
gboolean       cf_import_plan_apply             (CfImportPlan   *self,
                                                 CfImportCounts *counts,
                                                 GError        **error);

void           cf_import_plan_new_for_file_async  (CfContext            *context,
                                                   GFile                *file,
                                                   CfImportProgressFunc  progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
CfImportPlan  *cf_import_plan_new_for_file_finish (GAsyncResult         *result,
                                                   GError              **error);
void           cf_import_plan_apply_async         (CfImportPlan         *self,
                                                   CfImportProgressFunc  progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       cf_import_plan_apply_finish        (CfImportPlan         *self,
                                                   GAsyncResult         *result,
                                                   CfImportCounts       *counts,
                                                   GError              **error);

G_END_DECLS
