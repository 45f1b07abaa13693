/* cf-life-stages.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_life_stage_dup_display_name (const char *label);

G_END_DECLS
