/* test-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-search.h"
#include "cf-test-util.h"

static void
assert_tokens (const char  *text,
               const char **expected)
{
  g_auto(GStrv) tokens = cf_search_tokenize (text);

  g_assert_cmpstrv (tokens, expected);
}

static void
test_tokenize (void)
{
  assert_tokens ("natto", (const char *[]) { "natto", NULL });
  assert_tokens ("  Cheese,   cheddar ", (const char *[]) { "Cheese", "cheddar", NULL });
  assert_tokens ("crème brûlée", (const char *[]) { "crème", "brûlée", NULL });
  assert_tokens ("\"milk\" AND -fat* (2%", (const char *[]) { "milk", "AND", "fat", "2", NULL });
  assert_tokens ("", (const char *[]) { NULL });
  assert_tokens ("*-\"()^:{}", (const char *[]) { NULL });
  assert_tokens (NULL, (const char *[]) { NULL });
  /* Invalid UTF-8 separates words instead of failing */
  assert_tokens ("ab\xff" "cd", (const char *[]) { "ab", "cd", NULL });
  /* At most CF_SEARCH_MAX_TOKENS words */
  assert_tokens ("a b c d e f g h i j", (const char *[]) { "a", "b", "c", "d", "e", "f", "g", "h", NULL });
}

static void
test_build_query (void)
{
  g_auto(GStrv) tokens = cf_search_tokenize ("cheese ched");
  g_autofree char *plain = cf_search_build_fts_query ((const char * const *) tokens, FALSE);
  g_autofree char *anchored = cf_search_build_fts_query ((const char * const *) tokens, TRUE);
  const char *weird[] = { "a\"b", NULL };
  g_autofree char *quoted = cf_search_build_fts_query (weird, FALSE);

  g_assert_cmpstr (plain, ==, "\"cheese\"* \"ched\"*");
  g_assert_cmpstr (anchored, ==, "^\"cheese\"* \"ched\"*");
  g_assert_cmpstr (quoted, ==, "\"a\"\"b\"*");
  g_assert_null (cf_search_build_fts_query ((const char *[]) { NULL }, FALSE));
}

/* Whatever a person types, a search returns results or nothing, never
 * an error; FTS5 syntax in the text is just text. */
static void
test_hostile_text (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  static const char *hostile[] = {
    "\"", "\"\"", "'", "natto\"", "\"natto", "AND", "OR", "NOT", "NEAR", "natto AND",
    "AND natto", "cheese OR", "NOT cheese", "*", "**", "natto*", "-", "-natto", "+",
    "(", ")", "((", "(natto", "natto)", "[", "]", "{", "}", "{name}:", "name:natto",
    "^", "^natto", "NEAR(a b)", ":", ";", "'; DROP TABLE food; --", "\\", "%", "_",
    "\x01\x02", "ä\xcc\x88", "\xe2\x80\x8b", "🧀", "a\tb\nc", "0", "-1", "1e309",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) foods = NULL;

      foods = cf_food_store_search (store, hostile[i], 0, NULL, NULL, 20, &error);
      g_assert_no_error (error);
      g_assert_nonnull (foods);
    }

  /* Operators that are words still find foods with those words */
  {
    g_autoptr(GPtrArray) foods = cf_food_store_search (store, "\"natto\" AND", 0, NULL, NULL, 20, NULL);
    g_assert_nonnull (foods);
  }
}

static void
test_diacritics_and_prefix (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) accented = NULL;
  g_autoptr(GPtrArray) prefix = NULL;

  plain = cf_food_store_search (store, "creme fraiche", 0, NULL, NULL, 50, NULL);
  accented = cf_food_store_search (store, "CRÈME FRAÎCHE", 0, NULL, NULL, 50, NULL);
  g_assert_nonnull (plain);
  g_assert_nonnull (accented);
  g_assert_cmpuint (plain->len, >, 0);
  g_assert_cmpuint (plain->len, ==, accented->len);
  for (guint i = 0; i < plain->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (plain, i)), ==,
                     cf_food_get_id (g_ptr_array_index (accented, i)));

  prefix = cf_food_store_search (store, "nat", 0, NULL, NULL, 10, NULL);
  g_assert_nonnull (prefix);
  g_assert_cmpuint (prefix->len, >, 0);
  /* Names starting with the first word come first */
  g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (prefix, 0)), "Nat"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/search/tokenize", test_tokenize);
  g_test_add_func ("/cofactor/search/build-query", test_build_query);
  g_test_add_func ("/cofactor/search/hostile-text", test_hostile_text);
  g_test_add_func ("/cofactor/search/diacritics-and-prefix", test_diacritics_and_prefix);

  return g_test_run ();
}
