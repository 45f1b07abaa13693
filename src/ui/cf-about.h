/* cf-about.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * CfAppdata:
 *
 * What the About window shows, read from the application's metainfo.
 */
typedef struct
{
  char *name;
  char *summary;
  char *developer;
  char *homepage;
  char *bugtracker;
  char *license;
  char *version;
  char *release_notes;
} CfAppdata;

CfAppdata *cf_appdata_parse (const char  *xml,
                             gssize       length,
                             GError     **error);
void       cf_appdata_free  (CfAppdata   *self);
GtkWidget *cf_about_window_new (GtkWindow *parent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAppdata, cf_appdata_free)

G_END_DECLS
