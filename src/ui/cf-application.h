/* cf-application.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

/* The schema id stays the same for the development profile */
#define CF_SETTINGS_SCHEMA "io.github.cofactor.Cofactor"

#define CF_TYPE_APPLICATION (cf_application_get_type ())

G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

CfApplication *cf_application_new          (void);
CfContext     *cf_application_get_context  (CfApplication *self);
GSettings     *cf_application_get_settings (CfApplication *self);
gboolean       cf_application_is_demo      (CfApplication *self);
GSettings     *cf_application_new_settings (gboolean       demo);

G_END_DECLS
