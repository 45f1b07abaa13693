/* cf-progress-dialog.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *cf_progress_dialog_new          (GtkWindow        *parent,
                                                   const char       *heading,
                                                   const char       *body,
                                                   GCancellable     *cancellable);
void              cf_progress_dialog_set_fraction (AdwMessageDialog *dialog,
                                                   double            fraction);
double            cf_progress_dialog_get_fraction (AdwMessageDialog *dialog);

G_END_DECLS
