/* cf-backup.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-database.h"

G_BEGIN_DECLS

/* Generations kept: the newest backup of each of the last days with a
 * backup, then the newest of each of the weeks before them, and the one
 * that holds the most */
#define CF_BACKUP_KEEP_DAILY  7
#define CF_BACKUP_KEEP_WEEKLY 4

/**
 * CfBackup:
 * @path: the backup file
 * @time: when it was made
 * @entries: the diary entries it holds, or -1 when it cannot be read
 * @foods: the user's own foods it holds, or -1 when it cannot be read
 *
 * One generation of the automatic backup of a diary.
 */
typedef struct
{
  char      *path;
  GDateTime *time;
  gint64     entries;
  gint64     foods;
} CfBackup;

/**
 * CfBackupResult:
 * @CF_BACKUP_MADE: a new generation was written
 * @CF_BACKUP_NOT_DUE: the newest generation is recent enough
 * @CF_BACKUP_NOT_NEEDED: nothing to back up (a throw-away or read-only
 *   diary)
 * @CF_BACKUP_SMALLER: the diary holds fewer entries or foods than its
 *   newest backup, so none was made without asking (back up with
 *   @force to go ahead)
 */
typedef enum
{
  CF_BACKUP_MADE,
  CF_BACKUP_NOT_DUE,
  CF_BACKUP_NOT_NEEDED,
  CF_BACKUP_SMALLER,
} CfBackupResult;

void       cf_backup_free             (CfBackup        *backup);
gboolean   cf_backup_has_contents     (const CfBackup  *backup);
char      *cf_backup_dup_description  (const CfBackup  *backup);

char      *cf_get_backup_dir          (const char      *path);
GPtrArray *cf_list_backups            (const char      *path);
CfBackup  *cf_find_latest_backup      (const char      *path,
                                       gboolean         check);

gboolean   cf_database_backup         (CfDatabase      *self,
                                       gint64           max_age,
                                       gboolean         force,
                                       CfBackupResult  *result,
                                       CfBackup       **latest,
                                       GError         **error);
gboolean   cf_database_restore_backup (const char      *path,
                                       const char      *backup,
                                       char           **kept_as,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfBackup, cf_backup_free)

G_END_DECLS
