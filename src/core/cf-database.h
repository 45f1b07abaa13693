/* cf-database.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_DATABASE (cf_database_get_type ())

G_DECLARE_FINAL_TYPE (CfDatabase, cf_database, CF, DATABASE, GObject)

/* The version of the user database schema this build writes */
#define CF_DATABASE_SCHEMA_VERSION 4

CfDatabase *cf_database_open                 (const char  *path,
                                              const char  *foods_path,
                                              GError     **error);
const char *cf_database_get_path             (CfDatabase  *self);
const char *cf_database_get_foods_path       (CfDatabase  *self);
int         cf_database_get_schema_version   (CfDatabase  *self);
gboolean    cf_database_begin                (CfDatabase  *self,
                                              GError     **error);
gboolean    cf_database_commit               (CfDatabase  *self,
                                              GError     **error);
void        cf_database_rollback             (CfDatabase  *self);

gboolean    cf_database_backup               (CfDatabase  *self,
                                              gint64       max_age,
                                              gboolean    *made,
                                              GError     **error);
gboolean    cf_database_restore_backup       (const char  *path,
                                              char       **kept_as,
                                              GError     **error);
char       *cf_get_backup_path               (const char  *path);

char       *cf_get_default_database_path     (void);
char       *cf_get_default_foods_path        (void);

G_END_DECLS
