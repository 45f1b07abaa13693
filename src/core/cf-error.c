/* cf-error.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-error"

#include "config.h"

#include "cf-error.h"

G_DEFINE_QUARK (cf-error-quark, cf_error)
