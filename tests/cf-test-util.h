/* cf-test-util.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-context.h"

G_BEGIN_DECLS

CfContext *cf_test_context_new       (gboolean with_foods);
char      *cf_test_make_temp_dir     (void);
void       cf_test_remove_tree       (const char *path);
char      *cf_test_file_sha256       (const char *path);
void       cf_test_fold_wal          (const char *path);

G_END_DECLS
