/* cf-backup.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-backup.h"
#include "cf-database-private.h"
#include "cf-error.h"

/* Automatic backups of a diary "DIR/NAME.db" are kept in "DIR/backups"
 * as "NAME-YYYYMMDDTHHMMSSZ.db" (the UTC time each was made), several
 * generations of them and the fullest one (see prune()).  Each is a whole, consistent copy
 * made by SQLite (VACUUM INTO), written under a temporary name, synced
 * and then renamed, so a backup is never half-written.  A backup is
 * never replaced by a diary that holds less without asking, and a
 * restore copies a backup, never moves it.
 *
 * The single backup of earlier versions, "DIR/NAME.db.backup", is read
 * as one more generation and moved among the others at the next backup.
 */

#define STAMP_LENGTH 16 /* YYYYMMDDTHHMMSSZ */

void
cf_backup_free (CfBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->time, g_date_time_unref);
  g_free (backup);
}

/**
 * cf_backup_has_contents:
 *
 * Returns: whether @backup could be read and holds at least one entry or
 *   food
 */
gboolean
cf_backup_has_contents (const CfBackup *backup)
{
  g_return_val_if_fail (backup != NULL, FALSE);

  return backup->entries > 0 || backup->foods > 0;
}

/**
 * cf_backup_dup_description:
 *
 * Returns: (transfer full): e.g. "2026-03-14 08:00 (18 entries, 2 foods)"
 */
char *
cf_backup_dup_description (const CfBackup *backup)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *foods = NULL;

  g_return_val_if_fail (backup != NULL, NULL);

  local = g_date_time_to_local (backup->time);
  time = g_date_time_format (local, "%Y-%m-%d %H:%M");

  if (backup->entries < 0)
    /* Translators: a backup that cannot be read; %s is its time */
    return g_strdup_printf (_("%s (unreadable)"), time);

  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", (gulong) backup->entries),
                             (guint) backup->entries);
  foods = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u food", "%u foods", (gulong) backup->foods),
                           (guint) backup->foods);

  /* Translators: a backup: its time, then "18 entries" and "2 foods" */
  return g_strdup_printf (_("%s (%s, %s)"), time, entries, foods);
}

/**
 * cf_get_backup_dir:
 * @path: a diary file
 *
 * Returns: (transfer full): the folder the backups of @path are kept in
 */
char *
cf_get_backup_dir (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

/* "NAME" of "DIR/NAME.db" */
static char *
get_stem (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';

  return g_steal_pointer (&base);
}

static GDateTime *
parse_stamp (const char *stamp)
{
  int v[6] = { 0, };
  const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = stamp;

  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      if (i == 3 && *p++ != 'T')
        return NULL;
      for (int k = 0; k < widths[i]; k++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          v[i] = v[i] * 10 + (*p - '0');
        }
    }

  if (*p != 'Z')
    return NULL;

  return g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
}

static char *
make_backup_name (const char *path,
                  GDateTime  *time)
{
  g_autofree char *dir = cf_get_backup_dir (path);
  g_autofree char *stem = get_stem (path);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, stamp);

  return g_build_filename (dir, name, NULL);
}

static CfBackup *
backup_new (const char *path,
            GDateTime  *time)
{
  CfBackup *backup = g_new0 (CfBackup, 1);

  backup->path = g_strdup (path);
  backup->time = g_date_time_ref (time);
  backup->entries = -1;
  backup->foods = -1;

  return backup;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CfBackup *x = *(const CfBackup **) a;
  const CfBackup *y = *(const CfBackup **) b;

  return -g_date_time_compare (x->time, y->time);
}

/* The backups of @path, newest first, not yet read */
static GPtrArray *
list_files (const char *path)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_backup_free);
  g_autofree char *dir = cf_get_backup_dir (path);
  g_autofree char *stem = get_stem (path);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autofree char *legacy = g_strconcat (path, ".backup", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GStatBuf st;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)))
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *file = NULL;
      gsize len = strlen (name);

      if (!g_str_has_prefix (name, prefix) || len != strlen (prefix) + STAMP_LENGTH + 3 ||
          !g_str_has_suffix (name, ".db"))
        continue;

      time = parse_stamp (name + strlen (prefix));
      if (time == NULL)
        continue;

      file = g_build_filename (dir, name, NULL);
      g_ptr_array_add (backups, backup_new (file, time));
    }

  if (g_stat (legacy, &st) == 0 && S_ISREG (st.st_mode))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (st.st_mtime);

      g_ptr_array_add (backups, backup_new (legacy, time));
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return backups;
}

/* Reads how much @backup holds, and with @check whether every page of
 * it is sound; FALSE when it is not a readable diary */
static gboolean
read_backup (CfBackup *backup,
             gboolean  check)
{
  g_autofree char *escaped = g_uri_escape_string (backup->path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  backup->entries = backup->foods = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    goto out;

  if (check)
    {
      g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "PRAGMA quick_check(1)", NULL);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        goto out;
    }

  ok = _cf_count_contents (db, "main", &backup->entries, &backup->foods, &error);
  if (!ok)
    {
      g_debug ("Backup %s cannot be read: %s", backup->path, error->message);
      backup->entries = backup->foods = -1;
    }

out:
  sqlite3_close (db);
  return ok;
}

/**
 * cf_list_backups:
 * @path: a diary file
 *
 * Returns: (transfer full) (element-type CfBackup): the backups of
 *   @path, newest first, each with what it holds
 */
GPtrArray *
cf_list_backups (const char *path)
{
  GPtrArray *backups;

  g_return_val_if_fail (path != NULL, NULL);

  backups = list_files (path);
  for (guint i = 0; i < backups->len; i++)
    read_backup (g_ptr_array_index (backups, i), FALSE);

  return backups;
}

/**
 * cf_find_latest_backup:
 * @path: a diary file
 * @check: whether the backup must also pass SQLite's check of every page
 *   (as one to be restored must)
 *
 * Returns: (transfer full) (nullable): the newest backup of @path that
 *   can be read, or %NULL when there is none
 */
CfBackup *
cf_find_latest_backup (const char *path,
                       gboolean    check)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  backups = list_files (path);
  for (guint i = 0; i < backups->len; i++)
    {
      if (read_backup (g_ptr_array_index (backups, i), check))
        return g_ptr_array_steal_index (backups, i);
    }

  return NULL;
}

/* Writes @path's data to the disk, so a rename after it never leaves an
 * empty file behind a power cut */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s” to the disk: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static char *
local_day_key (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
local_week_key (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%G-%V");
}

/* Keeps the newest backup of each of the last %CF_BACKUP_KEEP_DAILY
 * days that have one, then the newest of each of the
 * %CF_BACKUP_KEEP_WEEKLY weeks before them, and deletes the rest; but
 * the backup that holds the most is always kept, so that no choice
 * ever loses the fullest copy of the diary */
static void
prune (const char *path)
{
  g_autoptr(GPtrArray) backups = list_files (path);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CfBackup *fullest = NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      CfBackup *backup = g_ptr_array_index (backups, i);

      if (read_backup (backup, FALSE) &&
          (fullest == NULL || backup->entries + backup->foods > fullest->entries + fullest->foods))
        fullest = backup;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      CfBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *day = local_day_key (backup->time);
      g_autofree char *week = local_week_key (backup->time);
      gboolean keep = FALSE;

      if (g_hash_table_contains (days, day) || g_hash_table_contains (weeks, week))
        keep = FALSE;
      else if (g_hash_table_size (days) < CF_BACKUP_KEEP_DAILY)
        keep = g_hash_table_add (days, g_steal_pointer (&day));
      else if (g_hash_table_size (weeks) < CF_BACKUP_KEEP_WEEKLY)
        keep = g_hash_table_add (weeks, g_steal_pointer (&week));

      if (backup == fullest)
        keep = TRUE;

      if (!keep && g_unlink (backup->path) != 0)
        g_warning ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

/* Moves the single backup of earlier versions among the generations */
static void
adopt_legacy_backup (const char *path)
{
  g_autofree char *legacy = g_strconcat (path, ".backup", NULL);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  if (g_stat (legacy, &st) != 0)
    return;

  time = g_date_time_new_from_unix_utc (st.st_mtime);
  name = make_backup_name (path, time);
  if (!g_file_test (name, G_FILE_TEST_EXISTS) && g_rename (legacy, name) != 0)
    g_warning ("Could not move the backup %s: %s", legacy, g_strerror (errno));
}

/**
 * cf_database_backup:
 * @max_age: make a new backup only when the newest one is older than
 *   this many seconds (0: whenever asked)
 * @force: back up even a diary that holds less than its newest backup
 *   (the user said so)
 * @result: (out) (optional): what was done
 * @latest: (out) (optional) (transfer full) (nullable): the newest backup
 *   before this call, for a message about %CF_BACKUP_SMALLER
 *
 * Adds a generation to the automatic backups of the diary (see
 * cf_get_backup_dir()) and removes the generations no longer kept.  The
 * application does this at start-up, so a damaged diary can be replaced
 * by the last good one.  A diary with fewer entries or fewer foods than
 * its newest backup is not backed up unless @force is set: the caller
 * asks the user first.
 *
 * Returns: %FALSE with @error set if the backup could not be written
 */
gboolean
cf_database_backup (CfDatabase      *self,
                    gint64           max_age,
                    gboolean         force,
                    CfBackupResult  *result,
                    CfBackup       **latest,
                    GError         **error)
{
  g_autoptr(CfBackup) newest = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *tmp = NULL;
  const char *path;
  gint64 entries, foods;
  CfBackupResult dummy;
  int rc;

  g_return_val_if_fail (CF_IS_DATABASE (self), FALSE);

  if (result == NULL)
    result = &dummy;
  if (latest != NULL)
    *latest = NULL;

  path = cf_database_get_path (self);
  if (strcmp (path, ":memory:") == 0 || cf_database_is_read_only (self))
    {
      *result = CF_BACKUP_NOT_NEEDED;
      return TRUE;
    }

  now = g_date_time_new_now_utc ();
  newest = cf_find_latest_backup (path, FALSE);

  if (newest != NULL && max_age > 0 &&
      g_date_time_difference (now, newest->time) < max_age * G_TIME_SPAN_SECOND)
    {
      *result = CF_BACKUP_NOT_DUE;
      goto done;
    }

  if (!cf_database_count (self, &entries, &foods, error))
    return FALSE;

  if (!force && newest != NULL && (entries < newest->entries || foods < newest->foods))
    {
      *result = CF_BACKUP_SMALLER;
      goto done;
    }

  dir = cf_get_backup_dir (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  adopt_legacy_backup (path);

  target = make_backup_name (path, now);
  tmp = g_strconcat (target, ".tmp", NULL);
  g_unlink (tmp);

  stmt = _cf_prepare (_cf_database_get_handle (self), "VACUUM main INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, _cf_database_get_handle (self), rc);
      /* Translators: %s is the reason, e.g. "Database error: disk full" */
      g_prefix_error (error, _("The diary could not be backed up. "));
      g_unlink (tmp);
      return FALSE;
    }

  if (!sync_file (tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not keep the backup “%s”: %s"), target, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }
  sync_folder (target);

  prune (path);
  *result = CF_BACKUP_MADE;

done:
  if (latest != NULL)
    *latest = g_steal_pointer (&newest);

  return TRUE;
}

/**
 * cf_database_restore_backup:
 * @path: a diary file that could not be opened, or is to be replaced
 * @backup: (nullable): the backup to restore, or %NULL for the newest
 *   one that SQLite finds sound
 * @kept_as: (out) (optional) (transfer full) (nullable): where the diary
 *   that was replaced was moved, or %NULL when there was none
 *
 * Puts a copy of a backup in place of the diary.  The diary it replaces
 * is kept beside it under a new name, never deleted, and the backup
 * itself stays where it is.  Close the diary first.
 */
gboolean
cf_database_restore_backup (const char  *path,
                            const char  *backup,
                            char       **kept_as,
                            GError     **error)
{
  g_autoptr(CfBackup) chosen = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *damaged = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *tmp = g_strconcat (path, ".restoring", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  gboolean moved = FALSE;
  const char *suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, FALSE);

  if (kept_as != NULL)
    *kept_as = NULL;

  if (backup != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_now_utc ();

      chosen = backup_new (backup, time);
      if (!read_backup (chosen, TRUE))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_CORRUPT,
                       _("“%s” is not a sound Cofactor diary, so it was not restored"), backup);
          return FALSE;
        }
    }
  else
    {
      chosen = cf_find_latest_backup (path, TRUE);
      if (chosen == NULL)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("There is no backup of “%s”"), path);
          return FALSE;
        }
    }

  /* A whole copy first, under another name: the diary is replaced only
   * by a complete file */
  from = g_file_new_for_path (chosen->path);
  to = g_file_new_for_path (tmp);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) ||
      !sync_file (tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_rename (path, damaged) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move the damaged diary aside: %s"), g_strerror (saved_errno));
          g_unlink (tmp);
          return FALSE;
        }
      moved = TRUE;
    }

  /* The old file's journal belongs to it, not to the backup */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *journal = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *kept = g_strconcat (damaged, suffixes[i], NULL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS) && g_rename (journal, kept) != 0)
        g_unlink (journal);
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not put the backup in place: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  sync_folder (path);

  if (kept_as != NULL && moved)
    *kept_as = g_steal_pointer (&damaged);

  return TRUE;
}
