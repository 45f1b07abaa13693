/* cf-date.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cf_day_parse      (const char  *text,
                            GDate       *day,
                            GError     **error);
char    *cf_day_to_iso     (const GDate *day);
void     cf_day_set_today  (GDate       *day);
gboolean cf_day_check_range (const GDate *first,
                             const GDate *last,
                             GError     **error);
char    *cf_day_format     (const GDate *day,
                            const char  *format);

G_END_DECLS
