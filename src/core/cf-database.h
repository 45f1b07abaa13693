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
#define CF_DATABASE_SCHEMA_VERSION 8

/**
 * CfDatabaseOpenFlags:
 * @CF_DATABASE_OPEN_DEFAULT: open the diary, or create it when there is
 *   none and no backup says there should be one
 * @CF_DATABASE_OPEN_NEW: start a new diary even though a backup of an
 *   old one exists beside a missing or empty file (the user chose to)
 * @CF_DATABASE_OPEN_READ_ONLY: never write, even where writing is
 *   possible
 */
typedef enum
{
  CF_DATABASE_OPEN_DEFAULT   = 0,
  CF_DATABASE_OPEN_NEW       = 1 << 0,
  CF_DATABASE_OPEN_READ_ONLY = 1 << 1,
} CfDatabaseOpenFlags;

CfDatabase *cf_database_open                 (const char  *path,
                                              const char  *foods_path,
                                              GError     **error);
CfDatabase *cf_database_open_full            (const char           *path,
                                              const char           *foods_path,
                                              CfDatabaseOpenFlags   flags,
                                              GError              **error);
gboolean    cf_database_is_read_only         (CfDatabase  *self);
const char *cf_database_get_path             (CfDatabase  *self);
const char *cf_database_get_foods_path       (CfDatabase  *self);
int         cf_database_get_schema_version   (CfDatabase  *self);
gboolean    cf_database_begin                (CfDatabase  *self,
                                              GError     **error);
gboolean    cf_database_commit               (CfDatabase  *self,
                                              GError     **error);
void        cf_database_rollback             (CfDatabase  *self);

gboolean    cf_database_count                (CfDatabase  *self,
                                              gint64      *entries,
                                              gint64      *foods,
                                              GError     **error);

char       *cf_get_default_database_path     (void);
char       *cf_get_default_foods_path        (void);

G_END_DECLS
