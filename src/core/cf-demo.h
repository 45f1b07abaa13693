/* cf-demo.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-context.h"

G_BEGIN_DECLS

gboolean cf_demo_fill (CfContext    *context,
                       const GDate  *last_day,
                       guint         n_days,
                       GError      **error);

G_END_DECLS
