/* test-search-eval.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How often search finds the food a person means.  tests/data/
 * search-eval.tsv lists everyday queries (words, plurals, phrases,
 * British words, synonyms, misspellings) with every food that would be
 * an acceptable answer.  The share of queries with an acceptable food in
 * the top 3 must reach 98 %, and for misspellings in the top 5 too; the
 * figures per class are printed, and every miss is listed.
 */

#include "config.h"

#include "cf-test-util.h"

#define GOAL 0.98

typedef struct
{
  guint queries;
  guint top3;
  guint top5;
} Tally;

static guint
rank_of_expected (GPtrArray   *foods,
                  char       **expected)
{
  for (guint i = 0; i < foods->len; i++)
    {
      if (g_strv_contains ((const char * const *) expected, cf_food_get_id (g_ptr_array_index (foods, i))))
        return i + 1;
    }

  return 0;
}

static void
test_evaluation_set (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search-eval.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  Tally all = { 0 };
  Tally misspelt = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "query\tclass\texpected\tnote");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) expected = NULL;
      g_autoptr(GPtrArray) foods = NULL;
      Tally *tally;
      guint rank;

      if (lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      expected = g_strsplit (fields[2], ",", -1);

      /* Every expected food exists */
      for (guint e = 0; expected[e]; e++)
        {
          g_autoptr(CfFood) food = cf_food_store_get_food (store, expected[e], &error);
          g_assert_no_error (error);
          g_assert_nonnull (food);
        }

      foods = cf_food_store_search (store, fields[0], 0, NULL, NULL, 5, NULL, &error);
      g_assert_no_error (error);
      rank = rank_of_expected (foods, expected);

      tally = g_hash_table_lookup (tallies, fields[1]);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          g_hash_table_insert (tallies, g_strdup (fields[1]), tally);
        }

      tally->queries++;
      all.queries++;
      if (rank >= 1 && rank <= 3)
        {
          tally->top3++;
          all.top3++;
        }
      if (rank >= 1)
        {
          tally->top5++;
          all.top5++;
        }
      if (strcmp (fields[1], "misspelling") == 0)
        {
          misspelt.queries++;
          misspelt.top3 += rank >= 1 && rank <= 3;
          misspelt.top5 += rank >= 1;
        }

      if (rank == 0 || rank > 3)
        g_test_message ("miss: “%s” (%s): the meant food is %s; first: %s",
                        fields[0], fields[1],
                        rank ? "4th or 5th" : "not in the top 5",
                        foods->len ? cf_food_get_name (g_ptr_array_index (foods, 0)) : "(nothing)");
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *t = value;

      g_test_message ("%-12s %3u queries  top 3: %5.1f %%  top 5: %5.1f %%",
                      (const char *) key, t->queries,
                      100.0 * t->top3 / t->queries, 100.0 * t->top5 / t->queries);
    }
  g_test_message ("all          %3u queries  top 3: %5.1f %%  top 5: %5.1f %%",
                  all.queries, 100.0 * all.top3 / all.queries, 100.0 * all.top5 / all.queries);

  g_assert_cmpuint (all.queries, >=, 150);
  g_assert_cmpuint (misspelt.queries, >=, 30);
  g_assert_cmpfloat ((double) all.top3 / all.queries, >=, GOAL);
  g_assert_cmpfloat ((double) misspelt.top5 / misspelt.queries, >=, GOAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/search/evaluation-set", test_evaluation_set);

  return g_test_run ();
}
