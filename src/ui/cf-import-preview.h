/* cf-import-preview.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-tracker-import.h"

G_BEGIN_DECLS

AdwMessageDialog *cf_import_preview_new      (GtkWindow        *parent,
                                              CfImportPlan     *plan);
CfImportPlan     *cf_import_preview_get_plan (AdwMessageDialog *dialog);

G_END_DECLS
