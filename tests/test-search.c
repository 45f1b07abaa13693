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
test_fold (void)
{
  g_autofree char *a = cf_search_fold ("Épinards");
  g_autofree char *b = cf_search_fold ("KÄSE");
  g_autofree char *c = cf_search_fold ("crème");

  g_assert_cmpstr (a, ==, "epinards");
  g_assert_cmpstr (b, ==, "kase");
  g_assert_cmpstr (c, ==, "creme");
}

static gboolean
has_form (char       **forms,
          const char  *form)
{
  return g_strv_contains ((const char * const *) forms, form);
}

static void
test_word_forms (void)
{
  g_auto(GStrv) sardines = cf_search_word_forms ("sardines");
  g_auto(GStrv) tomato = cf_search_word_forms ("tomato");
  g_auto(GStrv) berry = cf_search_word_forms ("berries");
  g_auto(GStrv) swiss = cf_search_word_forms ("swiss");
  g_auto(GStrv) short_word = cf_search_word_forms ("oz");

  g_assert_cmpstr (sardines[0], ==, "sardines");
  g_assert_true (has_form (sardines, "sardine"));
  g_assert_true (has_form (tomato, "tomatoes"));
  g_assert_true (has_form (berry, "berry"));
  /* A double s is no plural */
  g_assert_false (has_form (swiss, "swis"));
  g_assert_cmpstrv (short_word, ((const char *[]) { "oz", NULL }));
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (cf_search_edit_distance ("cheese", "cheese", 2), ==, 0);
  g_assert_cmpuint (cf_search_edit_distance ("chese", "cheese", 2), ==, 1);
  g_assert_cmpuint (cf_search_edit_distance ("brocoli", "broccoli", 2), ==, 1);
  /* A swap of neighbours is one edit */
  g_assert_cmpuint (cf_search_edit_distance ("yougrt", "yogurt", 2), ==, 1);
  g_assert_cmpuint (cf_search_edit_distance ("salomn", "salmon", 2), ==, 1);
  /* Characters, not bytes */
  g_assert_cmpuint (cf_search_edit_distance ("kase", "käse", 2), ==, 1);
  /* Beyond the limit: limit + 1 */
  g_assert_cmpuint (cf_search_edit_distance ("apple", "banana", 2), ==, 3);
  g_assert_cmpuint (cf_search_edit_distance ("a", "abcd", 1), ==, 2);
}

static void
test_build_match (void)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_word_free);
  g_autofree char *whole = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *any = NULL;
  g_autofree char *start = NULL;

  g_ptr_array_add (words, cf_search_word_new ("egg", (const char *[]) { "eggs", NULL }));
  g_ptr_array_add (words, cf_search_word_new ("a\"b", NULL));

  whole = cf_search_build_match (words, CF_SEARCH_MATCH_ALL_WHOLE, "alias");
  prefix = cf_search_build_match (words, CF_SEARCH_MATCH_ALL_PREFIX, NULL);
  any = cf_search_build_match (words, CF_SEARCH_MATCH_ANY_PREFIX, NULL);
  start = cf_search_build_start (words, "name");

  g_assert_cmpstr (whole, ==, "{alias} : ((\"egg\" OR \"eggs\") AND (\"a\"\"b\"))");
  g_assert_cmpstr (prefix, ==, "(\"egg\"* OR \"egg\" OR \"eggs\") AND (\"a\"\"b\"* OR \"a\"\"b\")");
  g_assert_cmpstr (any, ==, "(\"egg\"* OR \"egg\" OR \"eggs\") OR (\"a\"\"b\"* OR \"a\"\"b\")");
  g_assert_cmpstr (start, ==, "{name} : (^\"egg\" OR ^\"eggs\" OR ^\"a\"\"b\")");

  g_ptr_array_set_size (words, 0);
  g_assert_null (cf_search_build_match (words, CF_SEARCH_MATCH_ALL_WHOLE, NULL));
}

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

      foods = cf_food_store_search (store, hostile[i], 0, NULL, NULL, 20, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (foods);
    }

  /* Operators that are words still find foods with those words */
  {
    g_autoptr(GPtrArray) foods = cf_food_store_search (store, "\"natto\" AND", 0, NULL, NULL, 20, NULL, NULL);
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

  plain = cf_food_store_search (store, "creme fraiche", 0, NULL, NULL, 50, NULL, NULL);
  accented = cf_food_store_search (store, "CRÈME FRAÎCHE", 0, NULL, NULL, 50, NULL, NULL);
  g_assert_nonnull (plain);
  g_assert_nonnull (accented);
  g_assert_cmpuint (plain->len, >, 0);
  g_assert_cmpuint (plain->len, ==, accented->len);
  for (guint i = 0; i < plain->len; i++)
    g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (plain, i)), ==,
                     cf_food_get_id (g_ptr_array_index (accented, i)));

  prefix = cf_food_store_search (store, "natt", 0, NULL, NULL, 10, NULL, NULL);
  g_assert_nonnull (prefix);
  g_assert_cmpuint (prefix->len, >, 0);
  g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (prefix, 0)), "Natto"));
}

/* Match quality comes before commonness */
static void
test_match_quality (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) egg = cf_food_store_search (store, "egg", 0, NULL, NULL, 10, NULL, NULL);
  g_autoptr(GPtrArray) salmon = cf_food_store_search (store, "salmon", 0, NULL, NULL, 10, NULL, NULL);
  g_autoptr(GPtrArray) cheese = cf_food_store_search (store, "cheese", CF_SEARCH_USDA, NULL, NULL, 10, NULL, NULL);
  g_autoptr(GPtrArray) almonds = cf_food_store_search (store, "raw almonds", 0, NULL, NULL, 10, NULL, NULL);

  /* A whole word beats a prefix: the egg before eggnog and eggplant */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_ascii_strdown (cf_food_get_name (g_ptr_array_index (egg, i)), -1);
      g_assert_null (strstr (name, "eggnog"));
      g_assert_null (strstr (name, "eggplant"));
    }
  /* Salmon, not salmonberries */
  g_assert_null (strstr (cf_food_get_name (g_ptr_array_index (salmon, 0)), "Salmonberr"));
  /* A name starting with the word before one with it later */
  g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (cheese, 0)), "Cheese"));
  /* Of foods matching some words, those with the rarer word first */
  g_assert_nonnull (strstr (cf_food_get_name (g_ptr_array_index (almonds, 0)), "almonds"));
}

static void
test_forms_and_synonyms (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) sardines = cf_food_store_search (store, "sardines", 0, NULL, NULL, 5, NULL, NULL);
  g_autoptr(GPtrArray) courgette = cf_food_store_search (store, "courgette", 0, NULL, NULL, 5, NULL, NULL);
  g_autoptr(GPtrArray) yoghurt = cf_food_store_search (store, "yoghurt", 0, NULL, NULL, 5, NULL, NULL);

  /* USDA writes "sardine" */
  g_assert_cmpuint (sardines->len, >, 0);
  g_assert_nonnull (strstr (cf_food_get_name (g_ptr_array_index (sardines, 0)), "sardine"));
  g_assert_cmpuint (courgette->len, >, 0);
  g_assert_nonnull (strstr (cf_food_get_name (g_ptr_array_index (courgette, 0)), "zucchini"));
  g_assert_cmpuint (yoghurt->len, >, 0);
  g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (yoghurt, 0)), "Yogurt"));
}

static void
test_correction (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autofree char *corrected = NULL;
  g_autofree char *split = NULL;
  g_autofree char *none = NULL;
  g_autofree char *fine = NULL;
  g_autoptr(GPtrArray) chese = NULL;
  g_autoptr(GPtrArray) brocoli = NULL;
  g_autoptr(GPtrArray) peanut = NULL;
  g_autoptr(GPtrArray) nonsense = NULL;
  g_autoptr(GPtrArray) cheese = NULL;

  chese = cf_food_store_search (store, "chese cheddar", 0, NULL, NULL, 5, &corrected, NULL);
  g_assert_cmpstr (corrected, ==, "cheese cheddar");
  g_assert_cmpuint (chese->len, >, 0);
  g_assert_nonnull (strstr (cf_food_get_name (g_ptr_array_index (chese, 0)), "cheddar"));

  g_clear_pointer (&corrected, g_free);
  brocoli = cf_food_store_search (store, "spinnach", 0, NULL, NULL, 5, &corrected, NULL);
  g_assert_cmpstr (corrected, ==, "spinach");
  g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (brocoli, 0)), "Spinach"));

  /* Two words run together */
  peanut = cf_food_store_search (store, "peanutbutter", 0, NULL, NULL, 5, &split, NULL);
  g_assert_cmpstr (split, ==, "peanut butter");
  g_assert_cmpuint (peanut->len, >, 0);

  /* Nothing close: no correction, no results, no error */
  nonsense = cf_food_store_search (store, "zzqxv", 0, NULL, NULL, 5, &none, NULL);
  g_assert_nonnull (nonsense);
  g_assert_cmpuint (nonsense->len, ==, 0);
  g_assert_null (none);

  /* A word being typed is no misspelling */
  cheese = cf_food_store_search (store, "chees", 0, NULL, NULL, 5, &fine, NULL);
  g_assert_null (fine);
  g_assert_cmpuint (cheese->len, >, 0);
}

/* Names that are in no index (supplement templates) match the way the
 * index does: folded, every word whole or as a start */
static void
test_text_matches (void)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_word_free);
  const char *name = "Vitamin D3 1,000 IU (25 µg) Cholécalciférol";

  g_ptr_array_add (words, cf_search_word_new ("vitamin", NULL));
  g_ptr_array_add (words, cf_search_word_new ("d3", NULL));
  g_assert_true (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_WHOLE, name));

  g_ptr_array_add (words, cf_search_word_new ("cholecalc", NULL));
  g_assert_false (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_WHOLE, name));
  g_assert_true (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_PREFIX, name));

  g_ptr_array_add (words, cf_search_word_new ("k2", NULL));
  g_assert_false (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_PREFIX, name));
  g_assert_true (cf_search_text_matches (words, CF_SEARCH_MATCH_ANY_PREFIX, name));

  /* A phrase among a word's alternatives matches in order only */
  g_ptr_array_set_size (words, 0);
  g_ptr_array_add (words, cf_search_word_new ("fishoil", (const char *[]) { "fish oil", NULL }));
  g_assert_true (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_WHOLE, "Fish oil (EPA 180 mg)"));
  g_assert_false (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_WHOLE, "Oil, fish"));
  g_assert_false (cf_search_text_matches (words, CF_SEARCH_MATCH_ALL_WHOLE, "fish"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/search/tokenize", test_tokenize);
  g_test_add_func ("/cofactor/search/fold", test_fold);
  g_test_add_func ("/cofactor/search/word-forms", test_word_forms);
  g_test_add_func ("/cofactor/search/edit-distance", test_edit_distance);
  g_test_add_func ("/cofactor/search/build-match", test_build_match);
  g_test_add_func ("/cofactor/search/text-matches", test_text_matches);
  g_test_add_func ("/cofactor/search/hostile-text", test_hostile_text);
  g_test_add_func ("/cofactor/search/diacritics-and-prefix", test_diacritics_and_prefix);
  g_test_add_func ("/cofactor/search/match-quality", test_match_quality);
  g_test_add_func ("/cofactor/search/forms-and-synonyms", test_forms_and_synonyms);
  g_test_add_func ("/cofactor/search/correction", test_correction);

  return g_test_run ();
}
