/* cf-profile-dialog.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_PROFILE_DIALOG (cf_profile_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfProfileDialog, cf_profile_dialog, CF, PROFILE_DIALOG, AdwWindow)

CfProfileDialog *cf_profile_dialog_new             (GSettings        *settings);
gboolean         cf_profile_dialog_save            (CfProfileDialog  *self,
                                                    GError          **error);
AdwComboRow     *cf_profile_dialog_get_sex_row     (CfProfileDialog  *self);
GtkEditable     *cf_profile_dialog_get_birth_date_field (CfProfileDialog *self);
AdwComboRow     *cf_profile_dialog_get_reference_row (CfProfileDialog *self);
const char      *cf_profile_dialog_get_error       (CfProfileDialog  *self);
GtkWidget       *cf_profile_banner_new             (GSettings        *settings);

G_END_DECLS
