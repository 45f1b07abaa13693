/* bench-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search latency per keystroke: every prefix of a set of queries ("n",
 * "na", "nat", …) as a person types them, first page of 50 results, on
 * the real food database and on synthetic tables of 9,000 and 1,000,000
 * foods made by cofactor-foods-db.  Queries come in classes: everyday
 * words, adversarial ones (common words that rarely occur together,
 * one-letter words) and misspellings (which go through correction).
 * Prints p50, p95 and max per class and table; it is a measurement, not
 * a pass/fail test.
 *
 *   bench-search TOOL DATA_DIR [SIZE…]
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "cf-context.h"

#define PAGE 50
#define ROUNDS 5

static const char *everyday[] = {
  "natto", "cheese cheddar", "chicken liver", "salmon", "kale raw", "yogurt",
  "sauerkraut", "milk", "egg yolk", "butter", "bakelo", "mor", "spinach boiled",
  "quark", "tempeh", "beef roasted", "walnut", "orange", "pork", "cream",
};

static const char *adversarial[] = {
  "cheese banana salmon", "raw milk egg bread", "tomato tuna walnut fig", "a b c d e",
  "e", "x y", "cooked fresh frozen smoked", "salt with raw", "rice oat wheat corn barley",
};

static const char *misspelt[] = {
  "chese", "brocoli", "salmom", "yogrut", "spinnach", "tomatos", "bananna", "sardins",
  "chikcen brest", "peanutbutter", "cheddar chese", "zzqxv",
};

static const struct {
  const char  *name;
  const char **queries;
  guint        n_queries;
} classes[] = {
  { "everyday", everyday, G_N_ELEMENTS (everyday) },
  { "adversarial", adversarial, G_N_ELEMENTS (adversarial) },
  { "misspelt", misspelt, G_N_ELEMENTS (misspelt) },
};

/* CPU time of this thread, in ms: unlike the wall clock it does not
 * count the time other processes on a busy machine take */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static char *
ensure_synthetic (const char *tool,
                  const char *dir,
                  guint       size)
{
  g_autofree char *name = g_strdup_printf ("synthetic-%u.db", size);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *count = g_strdup_printf ("%u", size);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, "synthetic", count, path, NULL };
  gint64 start;
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  g_mkdir_with_parents (dir, 0755);
  g_print ("# generating %u synthetic foods...\n", size);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  g_print ("# generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  return path;
}

static void
measure_class (const char  *label,
               CfFoodStore *store,
               guint        c)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint n_results = 0;
  guint n_corrected = 0;
  double p50, p95, max, cpu50, cpu95, cpumax;

  for (guint round = 0; round <= ROUNDS; round++)
    {
      for (guint q = 0; q < classes[c].n_queries; q++)
        {
          const char *query = classes[c].queries[q];

          for (gsize len = 1; len <= strlen (query); len++)
            {
              g_autofree char *prefix = g_strndup (query, len);
              g_autofree char *corrected = NULL;
              g_autoptr(GPtrArray) foods = NULL;
              gint64 start = g_get_monotonic_time ();
              double cpu_start = thread_cpu_ms ();
              double ms, cpu;

              foods = cf_food_store_search (store, prefix, 0, NULL, NULL, PAGE, &corrected, &error);
              ms = (g_get_monotonic_time () - start) / 1000.0;
              cpu = thread_cpu_ms () - cpu_start;
              if (foods == NULL)
                g_error ("%s", error->message);

              /* Round 0 warms the page cache and is not counted */
              if (round > 0)
                {
                  g_array_append_val (times, ms);
                  g_array_append_val (cpu_times, cpu);
                  n_results += foods->len;
                  n_corrected += corrected != NULL;
                }
            }
        }
    }

  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (guint) (times->len * 0.95));
  max = g_array_index (times, double, times->len - 1);

  g_array_sort (cpu_times, compare_doubles);
  cpu50 = g_array_index (cpu_times, double, cpu_times->len / 2);
  cpu95 = g_array_index (cpu_times, double, (guint) (cpu_times->len * 0.95));
  cpumax = g_array_index (cpu_times, double, cpu_times->len - 1);

  g_print ("%-22s %-12s %5u searches  wall p50 %6.3f  p95 %6.3f  max %7.3f ms  |  cpu p50 %6.3f  p95 %6.3f  max %7.3f ms  (%.1f results, %u%% corrected)\n",
           label, classes[c].name, times->len, p50, p95, max, cpu50, cpu95, cpumax,
           (double) n_results / times->len, 100 * n_corrected / times->len);
}

static void
measure (const char *label,
         const char *foods_path)
{
  g_autofree char *dir = g_dir_make_tmp ("cofactor-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfContext) context = cf_context_new (db, foods_path, &error);
  CfFoodStore *store;

  if (context == NULL)
    g_error ("%s", error->message);
  store = cf_context_get_food_store (context);

  g_print ("%-22s %u foods\n", label, cf_food_store_count_reference_foods (store));
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    measure_class (label, store, c);

  g_clear_object (&context);
  g_unlink (db);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 9000, 1000000 };
  const char *real = g_getenv ("COFACTOR_FOODS_DB");

  if (argc < 3)
    {
      g_printerr ("usage: bench-search COFACTOR-FOODS-DB DATA_DIR [SIZE…]\n");
      return 2;
    }

  g_print ("# first page (%d results) for every prefix of each query, %d rounds\n",
           PAGE, ROUNDS);

  if (real != NULL)
    measure ("foods.db (SR28 + K2)", real);

  if (argc > 3)
    {
      for (int i = 3; i < argc; i++)
        {
          g_autofree char *path = ensure_synthetic (argv[1], argv[2], (guint) g_ascii_strtoull (argv[i], NULL, 10));
          g_autofree char *label = g_strdup_printf ("synthetic %s", argv[i]);
          measure (label, path);
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_sizes); i++)
        {
          g_autofree char *path = ensure_synthetic (argv[1], argv[2], default_sizes[i]);
          g_autofree char *label = g_strdup_printf ("synthetic %u", default_sizes[i]);
          measure (label, path);
        }
    }

  return 0;
}
