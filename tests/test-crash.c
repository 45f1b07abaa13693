/* test-crash.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crash durability: cofactor-cli is killed with SIGKILL at random
 * moments while it logs entries and imports files, again and again, on
 * one diary.  After every kill the diary must pass SQLite's
 * integrity_check, hold every entry whose logging was acknowledged (the
 * CLI printed it), and hold each imported file whole or not at all.
 *
 * COFACTOR_CRASH_KILLS sets the number of kills (default 300, a few
 * seconds' work); the figures are printed at the end. */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cf-test-util.h"

/* Entries in each file imported */
#define IMPORT_ENTRIES 100

typedef struct
{
  char       *profile;
  char       *path;
  GRand      *rand;
  GHashTable *acknowledged;     /* entry ids the CLI said it logged */
  GHashTable *present;          /* entry ids in the diary at the last check */
  GPtrArray  *imports;          /* GStrv: the entry ids of each file imported */
  gint64      log_time;         /* how long a log takes, µs */
  gint64      import_time;

  guint       kills;
  guint       log_kills;
  guint       import_kills;
  guint       imports_whole;
  guint       imports_none;
} Run;

typedef struct
{
  int   status;      /* exit status, or -1 when killed */
  char *out;
} Result;

/* Starts the CLI, kills it after @delay µs (if it still runs) */
static Result
run_cli (Run         *run,
         const char **args,
         gint64       delay)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GString) out = g_string_new (NULL);
  Result result = { -1, NULL };
  GPid pid;
  int out_fd, wait_status;
  char buffer[4096];
  ssize_t n;

  g_ptr_array_add (argv, (char *) g_getenv ("COFACTOR_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "COFACTOR_DATA_DIR", run->profile, TRUE);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  if (delay >= 0)
    {
      g_usleep (delay);
      kill (pid, SIGKILL);
    }

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);
  g_spawn_close_pid (pid);

  if (WIFEXITED (wait_status))
    result.status = WEXITSTATUS (wait_status);
  result.out = g_string_free (g_steal_pointer (&out), FALSE);

  return result;
}

static char *
write_import (Run   *run,
              guint  number,
              GStrv *ids_out)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[");
  g_autofree char *name = g_strdup_printf ("import-%u.json", number);
  char *file = g_build_filename (run->profile, name, NULL);
  GStrv ids = g_new0 (char *, IMPORT_ENTRIES + 1);
  /* A food of its own for each file: an import leaves out an entry the
   * diary has under another id (same day, meal, food and amount), and
   * every entry of every file has to be new */
  g_autofree char *food = g_uuid_string_random ();

  for (guint i = 0; i < IMPORT_ENTRIES; i++)
    {
      ids[i] = g_uuid_string_random ();
      g_string_append_printf (json, "%s{\"id\":\"%s\",\"date\":\"2026-02-%02u\",\"meal\":\"dinner\","
                              "\"food\":{\"id\":\"custom:%s\",\"name\":\"Cheese %u\"},"
                              "\"grams\":%u,\"per_100g\":{\"calcium\":710,\"energy\":403}}",
                              i ? "," : "", ids[i], 1 + i % 28, food, number, 1 + i);
    }
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (file, json->str, json->len, NULL));

  *ids_out = ids;
  return file;
}

/* After a kill: a sound database that has what it acknowledged */
static void
check (Run *run)
{
  GHashTable *present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer id;

  g_clear_pointer (&run->present, g_hash_table_unref);
  run->present = present;

  if (!g_file_test (run->path, G_FILE_TEST_EXISTS))
    {
      /* Killed before the diary was first written */
      g_assert_cmpuint (g_hash_table_size (run->acknowledged), ==, 0);
      return;
    }

  g_assert_cmpint (sqlite3_open_v2 (run->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* A diary killed during its very first start-up may not have its
   * tables yet */
  if (sqlite3_prepare_v2 (db, "SELECT id FROM entry", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  g_hash_table_iter_init (&iter, run->acknowledged);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (present, id))
      g_error ("The acknowledged entry %s is lost", (char *) id);

  /* Every file: all of it or none of it */
  for (guint i = 0; i < run->imports->len; i++)
    {
      GStrv ids = g_ptr_array_index (run->imports, i);
      guint found = 0;

      for (guint k = 0; ids[k]; k++)
        found += g_hash_table_contains (present, ids[k]);
      if (found != 0 && found != IMPORT_ENTRIES)
        g_error ("Import %u landed in part: %u of %u entries", i, found, IMPORT_ENTRIES);
    }
}

static void
log_one (Run      *run,
         gboolean  killed)
{
  const char *args[] = { "--json", "log", "2026-03-14", "lunch", "usda:01009", "30g", NULL };
  gint64 delay = killed ? g_rand_int_range (run->rand, 0, (gint32) (run->log_time * 1.3) + 1) : -1;
  Result result = run_cli (run, args, delay);

  if (result.status == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (result.out, &error);

      /* Acknowledged: the CLI printed the entry */
      g_assert_no_error (error);
      g_hash_table_add (run->acknowledged, g_strdup (json_object_get_string_member (json_node_get_object (node), "id")));
    }
  else
    g_assert_cmpint (result.status, ==, -1);

  if (killed && result.status == -1)
    {
      run->kills++;
      run->log_kills++;
    }

  g_free (result.out);
}

static void
import_one (Run      *run,
            gboolean  killed)
{
  GStrv ids = NULL;
  g_autofree char *file = write_import (run, run->imports->len, &ids);
  const char *args[] = { "import", file, NULL };
  gint64 delay = killed ? g_rand_int_range (run->rand, 0, (gint32) (run->import_time * 1.3) + 1) : -1;
  Result result = run_cli (run, args, delay);

  g_ptr_array_add (run->imports, ids);

  if (result.status == 0)
    {
      /* Acknowledged: every entry of the file counts */
      for (guint i = 0; ids[i]; i++)
        g_hash_table_add (run->acknowledged, g_strdup (ids[i]));
    }
  else
    g_assert_cmpint (result.status, ==, -1);

  if (killed && result.status == -1)
    {
      run->kills++;
      run->import_kills++;
    }

  g_free (result.out);
  g_unlink (file);
}

static gint64
time_it (Run  *run,
         void (*action) (Run *, gboolean))
{
  gint64 longest = 0;

  for (guint i = 0; i < 3; i++)
    {
      gint64 start = g_get_monotonic_time ();

      action (run, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - start);
    }

  return longest;
}

static void
test_kill_during_writes (void)
{
  const char *env = g_getenv ("COFACTOR_CRASH_KILLS");
  guint target = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 300;
  Run run = { 0, };
  guint attempts = 0;
  gint64 start;

  run.profile = cf_test_make_temp_dir ();
  run.path = g_build_filename (run.profile, "cofactor.db", NULL);
  run.rand = g_rand_new ();
  run.acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.imports = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* The first kills fall on the diary's very first start-up */
  run.log_time = 30000;
  for (guint i = 0; i < 5; i++)
    {
      log_one (&run, TRUE);
      check (&run);
    }

  run.log_time = time_it (&run, log_one);
  run.import_time = time_it (&run, import_one);
  g_test_message ("a log takes up to %" G_GINT64_FORMAT " ms, an import of %d entries up to %" G_GINT64_FORMAT " ms",
                  run.log_time / 1000, IMPORT_ENTRIES, run.import_time / 1000);

  start = g_get_monotonic_time ();
  while (run.kills < target)
    {
      attempts++;
      if (g_rand_int_range (run.rand, 0, 5) == 0)
        import_one (&run, TRUE);
      else
        log_one (&run, TRUE);
      check (&run);
      g_assert_cmpuint (attempts, <, target * 20);
    }

  for (guint i = 0; i < run.imports->len; i++)
    {
      GStrv ids = g_ptr_array_index (run.imports, i);

      if (g_hash_table_contains (run.present, ids[0]))
        run.imports_whole++;
      else
        run.imports_none++;
    }

  g_test_message ("%u kills (%u while logging, %u while importing) in %u runs, %.0f s; "
                  "integrity_check ok after every one; %u acknowledged entries, none lost; "
                  "of %u files imported, %u landed whole, %u not at all, none in part",
                  run.kills, run.log_kills, run.import_kills, attempts,
                  (g_get_monotonic_time () - start) / 1e6,
                  g_hash_table_size (run.acknowledged), run.imports->len, run.imports_whole, run.imports_none);

  g_hash_table_unref (run.acknowledged);
  g_clear_pointer (&run.present, g_hash_table_unref);
  g_ptr_array_unref (run.imports);
  g_rand_free (run.rand);
  cf_test_remove_tree (run.profile);
  g_free (run.profile);
  g_free (run.path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("COFACTOR_CLI"));
  g_test_add_func ("/cofactor/crash/kill-during-writes", test_kill_during_writes);

  return g_test_run ();
}
