/* cf-preferences-window-private.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-preferences-window.h"
#include "cf-targets.h"

G_BEGIN_DECLS

/* For UI tests, which fill the fields as a person would */
AdwEntryRow *_cf_preferences_window_get_birth_date_row (CfPreferencesWindow *self);
AdwComboRow *_cf_preferences_window_get_sex_row        (CfPreferencesWindow *self);
AdwEntryRow *_cf_preferences_window_get_target_row     (CfPreferencesWindow *self,
                                                        CfTargetId           id);
const char  *_cf_preferences_window_get_error          (CfPreferencesWindow *self);

G_END_DECLS
