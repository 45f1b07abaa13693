/* test-database.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cf-backup.h"
#include "cf-database.h"
#include "cf-database-private.h"
#include "cf-error.h"
#include "cf-nutrient.h"
#include "cf-test-util.h"

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Turns a diary of the current schema back into one of version 3: an
 * entry table whose weight is required, with neither origin columns nor
 * vitamin K of unstated form */
static void
undo_version_4 (sqlite3 *raw)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = NULL;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    if (i != CF_NUTRIENT_VITAMIN_K_UNSTATED)
      g_string_append_printf (columns, ", %s", cf_nutrient_get_key (i));

  sql = g_strdup_printf ("CREATE TABLE entry3 (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                         "  day TEXT NOT NULL, meal TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
                         "  food_id TEXT NOT NULL, food_name TEXT NOT NULL,"
                         "  grams REAL NOT NULL CHECK (grams > 0), portion_quantity REAL, portion_description TEXT,"
                         "  created TEXT NOT NULL, modified TEXT NOT NULL, food_kind TEXT NOT NULL DEFAULT 'food'%s);"
                         "DROP TABLE entry;"
                         "ALTER TABLE entry3 RENAME TO entry;"
                         "ALTER TABLE custom_food DROP COLUMN vitamin_k_unstated;"
                         "ALTER TABLE recipe_ingredient DROP COLUMN vitamin_k_unstated;"
                         "DROP TRIGGER IF EXISTS recipe_ingredient_no_cycle;"
                         "PRAGMA user_version = 3;",
                         columns->str);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_migrate_empty_file (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  CfDatabase *db;

  /* Missing folders are created; an empty file becomes the schema */
  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);
  g_object_unref (db);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, CF_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name IN ('entry', 'custom_food', 'custom_portion', 'custom_food_fts')"), ==, 4);

  /* Opening again migrates nothing and keeps the data */
  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);
  g_object_unref (db);

  cf_test_remove_tree (dir);
}

/* A diary written by version 1 of the schema opens with its entries
 * intact and supplements marked as such. */
static void
test_migrate_from_1 (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  CfDatabase *db;

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  /* Turn it back into a version-1 file with two entries */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  undo_version_4 (raw);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "ALTER TABLE entry DROP COLUMN food_kind;"
                                 /* undo version 3 */
                                 "DROP TRIGGER custom_food_ad_favourite;"
                                 "DROP TABLE favourite;"
                                 "DROP TABLE recipe_ingredient;"
                                 "ALTER TABLE custom_food DROP COLUMN cooked_grams;"
                                 "ALTER TABLE custom_food DROP COLUMN servings;"
                                 "INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified, calcium)"
                                 " VALUES ('a', '2026-01-01', 'lunch', 'usda:01009', 'Cheese', 30, 'x', 'x', 710),"
                                 "        ('b', '2026-01-01', 'supplements', 'custom:00000000-0000-4000-8000-000000000001', 'D3', 1, 'x', 'x', NULL);"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);
  g_object_unref (db);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT calcium FROM entry WHERE id = 'a'"), ==, 710);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id = 'a' AND food_kind = 'food'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id = 'b' AND food_kind = 'supplement'"), ==, 1);

  cf_test_remove_tree (dir);
}

/* Version 3 → 4: entries keep their values and weight; an entry may
 * then lack a weight only when it was imported, and vitamin K of
 * unstated form has its columns */
static void
test_migrate_from_3 (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  CfDatabase *db;

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  undo_version_4 (raw);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO entry (id, day, meal, position, food_id, food_name, grams, created, modified,"
                                 "   calcium, vitamin_k1)"
                                 " VALUES ('a', '2026-01-01', 'lunch', 2, 'usda:01009', 'Cheese', 30, 'x', 'y', 710, NULL);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);
  g_object_unref (db);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry WHERE id = 'a' AND grams = 30 AND calcium = 710"
                                    " AND vitamin_k1 IS NULL AND vitamin_k_unstated IS NULL AND position = 2"
                                    " AND modified = 'y' AND origin IS NULL"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_table_info ('custom_food')"
                                    " WHERE name = 'vitamin_k_unstated'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_table_info ('recipe_ingredient')"
                                    " WHERE name = 'vitamin_k_unstated'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_index_list ('entry')"
                                    " WHERE name IN ('entry_day', 'entry_food')"), ==, 2);

  /* Without a weight only with an origin */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified)"
                                 " VALUES ('b', '2026-01-01', 'lunch', 'usda:01009', 'Cheese', NULL, 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified,"
                                 "   origin, origin_amount, vitamin_k_unstated)"
                                 " VALUES ('c', '2026-01-01', 'lunch', 'usda:01009', 'Cheese', NULL, 'x', 'x',"
                                 "   'cronometer', '1.00 slice', 12.5);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  cf_test_remove_tree (dir);
}

static void
test_zero_length_file (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) db = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (db), ==, CF_DATABASE_SCHEMA_VERSION);

  g_clear_object (&db);
  cf_test_remove_tree (dir);
}

static void
test_wal_and_foreign_keys (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) db = cf_database_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  g_clear_object (&db);
  cf_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char garbage[8192];
  CfDatabase *db;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  before = cf_test_file_sha256 (path);

  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_CORRUPT);

  /* Reported, never overwritten */
  after = cf_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  cf_test_remove_tree (dir);
}

/* Adds @n entries to the diary at @path, as another program would */
static void
add_entries (const char *path,
             guint       n)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *sql = g_strdup_printf ("INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified, calcium)"
                                              " VALUES ('%s', '2026-01-01', 'lunch', 'usda:01009', 'Cheese', 30, 'x', 'x', 710)",
                                              uuid);

      g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (raw);
}

/* A diary at @path holding @n entries */
static void
make_diary (const char *path,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) db = cf_database_open (path, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  add_entries (path, n);
}

static guint
count_backups (const char *path)
{
  g_autoptr(GPtrArray) backups = cf_list_backups (path);

  return backups->len;
}

static void
test_backup_and_restore (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *garbage_sum = NULL;
  g_autofree char *kept_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBackup) latest = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  char garbage[4096];
  CfBackupResult result;
  CfDatabase *db;

  make_diary (path, 1);

  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
  backups = cf_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (((CfBackup *) g_ptr_array_index (backups, 0))->entries, ==, 1);
  g_assert_true (g_str_has_prefix (((CfBackup *) g_ptr_array_index (backups, 0))->path, dir));
  g_assert_cmpint (query_int (((CfBackup *) g_ptr_array_index (backups, 0))->path, "SELECT calcium FROM entry"), ==, 710);

  /* A fresh backup is not made again within its age */
  g_assert_true (cf_database_backup (db, 3600, FALSE, &result, &latest, &error));
  g_assert_cmpint (result, ==, CF_BACKUP_NOT_DUE);
  g_assert_nonnull (latest);
  g_assert_cmpint (latest->entries, ==, 1);
  g_object_unref (db);

  /* The diary is damaged: reported, then replaced by the backup, and
   * the damaged file kept */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 13 + 1);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  garbage_sum = cf_test_file_sha256 (path);
  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (cf_database_restore_backup (path, NULL, &kept, &error));
  g_assert_no_error (error);
  kept_sum = cf_test_file_sha256 (kept);
  g_assert_cmpstr (kept_sum, ==, garbage_sum);

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (query_int (path, "SELECT calcium FROM entry"), ==, 710);

  /* Restoring copies: the backup is still there */
  g_assert_cmpuint (count_backups (path), ==, 1);

  cf_test_remove_tree (dir);
}

/* Copies @from to the backup name of @path for @time, as if it had
 * been made then */
static void
fake_backup (const char *path,
             const char *from,
             GDateTime  *time)
{
  g_autofree char *dir = cf_get_backup_dir (path);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = g_strdup_printf ("cofactor-%s.db", stamp);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

/* Several generations are kept: the newest of each of the last 7 days
 * with a backup, then one for each of the 4 weeks before them */
static void
test_backup_generations (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CfBackupResult result;
  CfDatabase *db;

  make_diary (source, 5);
  make_diary (path, 5);

  /* Two backups a day for the last 60 days, each with 5 entries */
  for (int day = 1; day <= 60; day++)
    for (int hour = 0; hour < 2; hour++)
      {
        g_autoptr(GDateTime) time = g_date_time_add_seconds (now, -(day * 86400.0) - hour * 3600.0);

        fake_backup (path, source, time);
      }
  g_assert_cmpuint (count_backups (path), ==, 120);

  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
  g_object_unref (db);

  backups = cf_list_backups (path);
  g_assert_cmpuint (backups->len, ==, CF_BACKUP_KEEP_DAILY + CF_BACKUP_KEEP_WEEKLY);

  /* The newest is the one just made; the next six are the newest of
   * each earlier day; the last four fall in four different weeks */
  g_assert_cmpint (g_date_time_difference (now, ((CfBackup *) g_ptr_array_index (backups, 0))->time), <,
                   60 * G_TIME_SPAN_SECOND);
  for (guint i = 0; i < backups->len; i++)
    {
      CfBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->time);

      g_assert_cmpint (backup->entries, ==, 5);
      if (i < CF_BACKUP_KEEP_DAILY)
        {
          g_assert_true (g_hash_table_add (days, g_date_time_format (local, "%Y-%m-%d")));
          if (i > 0)
            g_assert_cmpint (g_date_time_get_hour (backup->time), ==, g_date_time_get_hour (now));
        }
      else
        g_assert_true (g_hash_table_add (weeks, g_date_time_format (local, "%G-%V")));
    }

  cf_test_remove_tree (dir);
}

/* A diary that holds less than its last backup never replaces it
 * unasked: 18 entries backed up, then the diary emptied */
static void
test_backup_never_smaller (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBackup) latest = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CfBackupResult result;
  CfDatabase *db;
  sqlite3 *raw = NULL;

  make_diary (path, 18);
  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
  g_object_unref (db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM entry", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  /* Even a backup that is due (max age 0) is not made */
  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, &latest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CF_BACKUP_SMALLER);
  g_assert_cmpint (latest->entries, ==, 18);
  g_assert_cmpuint (count_backups (path), ==, 1);

  /* Asked and confirmed: a new generation, the old one kept */
  g_usleep (1100 * 1000);
  g_assert_true (cf_database_backup (db, 0, TRUE, &result, NULL, &error));
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
  g_object_unref (db);
  backups = cf_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpint (((CfBackup *) g_ptr_array_index (backups, 0))->entries, ==, 0);
  g_assert_cmpint (((CfBackup *) g_ptr_array_index (backups, 1))->entries, ==, 18);

  cf_test_remove_tree (dir);
}

/* A missing or empty diary beside a backup that holds entries is damage:
 * reported, the file left as it is, never a new empty diary */
static void
test_missing_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  CfBackupResult result;
  CfDatabase *db;
  GStatBuf st;

  make_diary (path, 18);
  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_object_unref (db);

  /* Missing */
  g_assert_cmpint (g_unlink (path), ==, 0);
  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "18 entries"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Empty */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpuint (count_backups (path), ==, 1);

  /* Restoring brings the entries back */
  g_assert_true (cf_database_restore_backup (path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry"), ==, 18);

  /* The user may also choose to start anew; the backup stays */
  g_assert_cmpint (g_unlink (path), ==, 0);
  db = cf_database_open_full (path, NULL, CF_DATABASE_OPEN_NEW, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry"), ==, 0);
  g_assert_cmpuint (count_backups (path), ==, 1);

  cf_test_remove_tree (dir);
}

/* The single backup file of earlier versions counts as a generation,
 * can be restored, and joins the others at the next backup */
static void
test_legacy_backup (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *legacy = g_strconcat (path, ".backup", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CfBackupResult result;
  CfDatabase *db;

  make_diary (legacy, 3);
  {
    g_autofree char *contents = NULL;
    gsize length;

    /* make_diary() left a WAL beside it: fold it in, as a backup has none */
    db = cf_database_open (legacy, NULL, &error);
    g_object_unref (db);
    g_assert_true (g_file_get_contents (legacy, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 0);
  }

  g_assert_cmpuint (count_backups (path), ==, 1);
  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_true (cf_database_restore_backup (path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entry"), ==, 3);

  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
  g_object_unref (db);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  backups = cf_list_backups (path);
  g_assert_cmpuint (backups->len, >=, 1);
  for (guint i = 0; i < backups->len; i++)
    g_assert_cmpint (((CfBackup *) g_ptr_array_index (backups, i))->entries, ==, 3);

  cf_test_remove_tree (dir);
}

/* A backup that cannot be written is an error for the caller to report */
static void
test_backup_failure (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  CfBackupResult result;
  CfDatabase *db;

  make_diary (path, 2);
  folder = cf_get_backup_dir (path);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));

  db = cf_database_open (path, NULL, &error);
  g_assert_false (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_object_unref (db);

  cf_test_remove_tree (dir);
}

/* A diary with some pages overwritten is reported at once, whatever the
 * first action would have touched */
static void
test_damaged_pages (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CfDatabase *db;
  FILE *f;
  char page[4096];

  make_diary (path, 300);
  /* Fold the WAL into the file */
  cf_test_fold_wal (path);
  g_assert_cmpint (query_int (path, "PRAGMA page_count"), >, 12);

  memset (page, 0xab, sizeof page);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 8 * sizeof page, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (page, 1, sizeof page, f), ==, sizeof page);
  g_assert_cmpuint (fwrite (page, 1, sizeof page, f), ==, sizeof page);
  fclose (f);
  before = cf_test_file_sha256 (path);

  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  after = cf_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  cf_test_remove_tree (dir);
}

/* Read-only: everything can be read, nothing written, and a change is
 * refused with its own error */
static void
test_read_only (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) db = NULL;
  gint64 entries = 0;
  CfBackupResult result;

  make_diary (path, 4);
  db = cf_database_open (path, NULL, &error);
  g_clear_object (&db);
  before = cf_test_file_sha256 (path);

  db = cf_database_open_full (path, NULL, CF_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cf_database_is_read_only (db));
  g_assert_true (cf_database_count (db, &entries, NULL, &error));
  g_assert_cmpint (entries, ==, 4);

  g_assert_false (cf_database_begin (db, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (cf_database_backup (db, 0, FALSE, &result, NULL, &error));
  g_assert_cmpint (result, ==, CF_BACKUP_NOT_NEEDED);
  g_clear_object (&db);

  after = cf_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  cf_test_remove_tree (dir);
}

static void
test_no_backup (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  g_assert_false (cf_database_restore_backup (path, NULL, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  /* The damaged file stays where it was */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  cf_test_remove_tree (dir);
}

static void
test_newer_version (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  CfDatabase *db;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x); PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = cf_database_open (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_TOO_NEW);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 999);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'entry'"), ==, 0);

  cf_test_remove_tree (dir);
}

static void
test_missing_foods_db (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *foods = g_build_filename (dir, "no-such-foods.db", NULL);
  g_autoptr(GError) error = NULL;
  CfDatabase *db;

  db = cf_database_open (path, foods, &error);
  g_assert_null (db);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);

  cf_test_remove_tree (dir);
}

static void
test_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) a = cf_database_open (":memory:", g_getenv ("COFACTOR_FOODS_DB"), &error);
  g_autoptr(CfDatabase) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cf_database_get_schema_version (a), ==, CF_DATABASE_SCHEMA_VERSION);

  /* Two throw-away databases are separate */
  b = cf_database_open (":memory:", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_database_begin (a, &error));
  g_assert_true (cf_database_begin (b, &error));
  g_assert_true (cf_database_commit (a, &error));
  g_assert_true (cf_database_commit (b, &error));
  g_assert_no_error (error);
}

static void
test_default_paths (void)
{
  g_autofree char *db = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "cofactor", "cofactor.db", NULL);
  g_autofree char *foods = NULL;

  g_unsetenv ("COFACTOR_DATA_DIR");
  db = cf_get_default_database_path ();
  g_assert_cmpstr (db, ==, expected);

  g_setenv ("COFACTOR_DATA_DIR", "/tmp/profile", TRUE);
  g_free (db);
  db = cf_get_default_database_path ();
  g_assert_cmpstr (db, ==, "/tmp/profile/cofactor.db");
  g_unsetenv ("COFACTOR_DATA_DIR");

  /* $COFACTOR_FOODS_DB wins; from the build tree, the build tree's copy */
  foods = cf_get_default_foods_path ();
  g_assert_cmpstr (foods, ==, g_getenv ("COFACTOR_FOODS_DB"));
  {
    g_autofree char *saved = g_strdup (g_getenv ("COFACTOR_FOODS_DB"));
    g_autofree char *build = NULL;

    g_unsetenv ("COFACTOR_FOODS_DB");
    build = cf_get_default_foods_path ();
    g_assert_cmpstr (build, ==, BUILD_FOODS_DB);
    g_setenv ("COFACTOR_FOODS_DB", saved, TRUE);
  }
}

/* A statement given back is reset and unbound, and the next take of its
 * text gets it again; a text in use gets a statement of its own; the
 * cache finalizes what it keeps, so the connection can close */
static void
test_stmt_cache (void)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  CfStmtCache *cache;
  sqlite3_stmt *a, *b, *again;
  const char *sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  cache = _cf_stmt_cache_new (db);

  a = _cf_stmt_cache_take (cache, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int (a, 1, 2);
  g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (a, 0), ==, 2);

  /* In use: another statement */
  b = _cf_stmt_cache_take (cache, sql, &error);
  g_assert_no_error (error);
  g_assert_true (a != b);

  _cf_stmt_cache_give (cache, a);
  _cf_stmt_cache_give (cache, b);

  /* Back from the start, with no binding left (NULL: no row) */
  again = _cf_stmt_cache_take (cache, sql, &error);
  g_assert_true (again == a || again == b);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_DONE);
  sqlite3_reset (again);
  g_assert_cmpint (sqlite3_bind_int (again, 1, 0), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (again, 0), ==, 1);
  _cf_stmt_cache_give (cache, again);

  /* A text SQLite refuses */
  g_assert_null (_cf_stmt_cache_take (cache, "SELECT FROM nowhere", &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_DATABASE);
  g_clear_error (&error);

  _cf_stmt_cache_free (cache);
  g_assert_null (sqlite3_next_stmt (db, NULL));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/database/migrate-empty-file", test_migrate_empty_file);
  g_test_add_func ("/cofactor/database/migrate-from-1", test_migrate_from_1);
  g_test_add_func ("/cofactor/database/migrate-from-3", test_migrate_from_3);
  g_test_add_func ("/cofactor/database/zero-length-file", test_zero_length_file);
  g_test_add_func ("/cofactor/database/wal", test_wal_and_foreign_keys);
  g_test_add_func ("/cofactor/database/not-a-database", test_not_a_database);
  g_test_add_func ("/cofactor/database/newer-version", test_newer_version);
  g_test_add_func ("/cofactor/database/backup-and-restore", test_backup_and_restore);
  g_test_add_func ("/cofactor/database/no-backup", test_no_backup);
  g_test_add_func ("/cofactor/database/backup-generations", test_backup_generations);
  g_test_add_func ("/cofactor/database/backup-never-smaller", test_backup_never_smaller);
  g_test_add_func ("/cofactor/database/missing-diary", test_missing_diary);
  g_test_add_func ("/cofactor/database/legacy-backup", test_legacy_backup);
  g_test_add_func ("/cofactor/database/backup-failure", test_backup_failure);
  g_test_add_func ("/cofactor/database/damaged-pages", test_damaged_pages);
  g_test_add_func ("/cofactor/database/read-only", test_read_only);
  g_test_add_func ("/cofactor/database/missing-foods-db", test_missing_foods_db);
  g_test_add_func ("/cofactor/database/memory", test_memory);
  g_test_add_func ("/cofactor/database/default-paths", test_default_paths);
  g_test_add_func ("/cofactor/database/stmt-cache", test_stmt_cache);

  return g_test_run ();
}
