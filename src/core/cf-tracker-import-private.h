/* cf-tracker-import-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-tracker-import.h"
#include "cf-transfer.h"

G_BEGIN_DECLS

/* For cf-import-async.c */
gboolean          _cf_import_looks_like_json     (const char        *data,
                                                  gsize              length);
CfImportPlan     *_cf_import_plan_new_for_export (CfContext         *context,
                                                  CfImportContents  *contents,
                                                  GError           **error);
CfContext        *_cf_import_plan_get_context    (CfImportPlan      *self);
CfImportContents *_cf_import_plan_get_contents   (CfImportPlan      *self);

G_END_DECLS
