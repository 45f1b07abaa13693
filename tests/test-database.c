/* test-database.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cf-database.h"
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
  g_assert_cmpint (cf_database_get_schema_version (db), ==, 4);
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

static void
test_backup_and_restore (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *backup = cf_get_backup_path (path);
  g_autofree char *kept = NULL;
  g_autofree char *garbage_sum = NULL;
  g_autofree char *kept_sum = NULL;
  g_autoptr(GError) error = NULL;
  char garbage[4096];
  gboolean made = FALSE;
  CfDatabase *db;

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_database_begin (db, &error));
  g_assert_true (cf_database_commit (db, &error));
  g_object_unref (db);

  /* One entry, then a backup */
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO entry (id, day, meal, food_id, food_name, grams, created, modified, calcium)"
                                        " VALUES ('a', '2026-01-01', 'lunch', 'usda:01009', 'Cheese', 30, 'x', 'x', 710)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
  }

  db = cf_database_open (path, NULL, &error);
  g_assert_true (cf_database_backup (db, 0, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_cmpint (query_int (backup, "SELECT calcium FROM entry WHERE id = 'a'"), ==, 710);

  /* A fresh backup is not made again within its age */
  g_assert_true (cf_database_backup (db, 3600, &made, &error));
  g_assert_false (made);
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

  g_assert_true (cf_database_restore_backup (path, &kept, &error));
  g_assert_no_error (error);
  kept_sum = cf_test_file_sha256 (kept);
  g_assert_cmpstr (kept_sum, ==, garbage_sum);

  db = cf_database_open (path, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  g_assert_cmpint (query_int (path, "SELECT calcium FROM entry WHERE id = 'a'"), ==, 710);

  cf_test_remove_tree (dir);
}

static void
test_no_backup (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  g_assert_false (cf_database_restore_backup (path, NULL, &error));
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
  g_test_add_func ("/cofactor/database/missing-foods-db", test_missing_foods_db);
  g_test_add_func ("/cofactor/database/memory", test_memory);
  g_test_add_func ("/cofactor/database/default-paths", test_default_paths);

  return g_test_run ();
}
