/* bench-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search latency for typed prefixes: every prefix of a set of queries
 * ("n", "na", "nat", …) as a person types them, first page of 50
 * results, on the real food database and on synthetic tables of 9,000
 * and 1,000,000 foods made by cofactor-foods-db.  Prints p50, p95 and
 * max per table; it is a measurement, not a pass/fail test.
 *
 *   bench-search TOOL DATA_DIR [SIZE…]
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cf-context.h"

#define PAGE 50
#define ROUNDS 5

static const char *queries[] = {
  "natto", "cheese cheddar", "chicken liver", "salmon", "kale raw", "yogurt",
  "sauerkraut", "milk", "egg yolk", "butter", "bakelo", "mor", "spinach boiled",
  "quark", "tempeh", "beef roasted", "walnut", "orange", "pork", "cream",
};

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
measure (const char *label,
         const char *foods_path)
{
  g_autofree char *dir = g_dir_make_tmp ("cofactor-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfContext) context = cf_context_new (db, foods_path, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  CfFoodStore *store;
  guint n_results = 0;
  double p50, p95, max;

  if (context == NULL)
    g_error ("%s", error->message);
  store = cf_context_get_food_store (context);

  for (guint round = 0; round <= ROUNDS; round++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          for (gsize len = 1; len <= strlen (queries[q]); len++)
            {
              g_autofree char *prefix = g_strndup (queries[q], len);
              g_autoptr(GPtrArray) foods = NULL;
              gint64 start = g_get_monotonic_time ();
              double ms;

              foods = cf_food_store_search (store, prefix, 0, NULL, NULL, PAGE, NULL, &error);
              ms = (g_get_monotonic_time () - start) / 1000.0;
              if (foods == NULL)
                g_error ("%s", error->message);

              /* Round 0 warms the page cache and is not counted */
              if (round > 0)
                {
                  g_array_append_val (times, ms);
                  n_results += foods->len;
                }
            }
        }
    }

  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (guint) (times->len * 0.95));
  max = g_array_index (times, double, times->len - 1);

  g_print ("%-22s %9u foods  %5u searches  p50 %7.3f ms  p95 %7.3f ms  max %7.3f ms  (%.1f results/search)\n",
           label, cf_food_store_count_reference_foods (store), times->len, p50, p95, max,
           (double) n_results / times->len);

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

  g_print ("# first page (%d results) for every prefix of %u queries, %d rounds\n",
           PAGE, (guint) G_N_ELEMENTS (queries), ROUNDS);

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
