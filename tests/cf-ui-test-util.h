/* cf-ui-test-util.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @widget is the one sought; @data is the matcher's own */
typedef gboolean (*CfTestMatchFunc) (gpointer      widget,
                                     gconstpointer data);

void     cf_test_spin       (void);
void     cf_test_spin_until (gboolean (*done) (gpointer),
                             gpointer   data);
gboolean cf_test_is_null    (gpointer   data);
gboolean cf_test_shows_label (gpointer    widget,
                              const char *text);
gpointer cf_test_find_widget (gpointer        widget,
                              CfTestMatchFunc match,
                              gconstpointer   data);
gpointer cf_test_find_button (gpointer    widget,
                              const char *label);
gpointer cf_test_find_mapped_label (gpointer    widget,
                                    const char *text);
void     cf_test_spin_until_label (gpointer    widget,
                                   const char *text);
void     cf_test_spin_for   (guint      ms);
void     cf_test_import_file (gpointer  window,
                              gpointer  file);
void     cf_test_wait_import (gpointer  window);

void     cf_test_save_png   (gpointer   widget,
                             const char *path);
gboolean cf_test_can_press_keys (void);
void     cf_test_press_key  (gpointer   window,
                             guint      keyval,
                             guint      modifiers);

G_END_DECLS
