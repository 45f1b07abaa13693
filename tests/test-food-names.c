/* test-food-names.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Foods found by their names in each language, and shown by them: five
 * everyday words per language find the food meant in the top 3, with
 * and without accents, and a food is shown by its name in the user's
 * language with the source's name kept. */

#include "config.h"

#include "cf-test-util.h"

typedef struct
{
  const char *lang;
  const char *words[5];
  const char *meant[5];   /* how the food's name in its source starts */
} Language;

static const Language languages[] = {
  { "de", { "Vollmilch", "Haferflocken", "Lachs", "Kartoffeln", "Sauerkraut" },
          { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Sauerkraut" } },
  { "es", { "leche entera", "avena", "salmon", "patatas", "espinacas" },
          { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Spinach" } },
  { "fr", { "lait entier", "flocons d'avoine", "saumon", "pommes de terre", "epinards" },
          { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Spinach" } },
  { "it", { "latte intero", "fiocchi d'avena", "salmone", "patate", "spinaci" },
          { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Spinach" } },
  { "nl", { "volle melk", "havermout", "zalm", "aardappelen", "boerenkool" },
          { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Kale" } },
  { "pt_BR", { "leite integral", "aveia", "salmão", "batatas", "espinafre" },
             { "Milk, whole", "Cereals, oats", "Fish, salmon", "Potatoes", "Spinach" } },
};

static void
test_words (gconstpointer data)
{
  const Language *language = data;
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);

  for (guint w = 0; w < G_N_ELEMENTS (language->words); w++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = cf_food_store_search (store, language->words[w], 0, NULL, NULL, 3,
                                                         NULL, &error);
      gboolean ok = FALSE;

      g_assert_no_error (error);
      for (guint i = 0; i < found->len && !ok; i++)
        ok = g_str_has_prefix (cf_food_get_name (g_ptr_array_index (found, i)), language->meant[w]);

      if (!ok)
        g_error ("%s: “%s” does not find “%s…” in the top 3 (first: %s)", language->lang,
                 language->words[w], language->meant[w],
                 found->len ? cf_food_get_name (g_ptr_array_index (found, 0)) : "nothing");
    }
}

/* Accents and their usual replacements are found alike */
static void
test_spellings (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  const char *spellings[] = { "Käse", "Kase", "kaese", "épinards", "epinards" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(GPtrArray) found = cf_food_store_search (store, spellings[i], 0, NULL, NULL, 3, NULL, NULL);

      g_assert_cmpuint (found->len, >, 0);
      g_assert_true (g_str_has_prefix (cf_food_get_name (g_ptr_array_index (found, 0)), "Cheese") ||
                     g_str_has_prefix (cf_food_get_name (g_ptr_array_index (found, 0)), "Spinach"));
    }
}

/* Searched in the user's language, a food's other names there count as
 * much as its main name: German "Käse" (another name of Gouda) finds an
 * everyday cheese first, not a K2-table cheese whose German name holds
 * the word; "Milch" whole milk ("Vollmilch"); "Brot" bread, not a food
 * whose Spanish name is "Brotes …" */
static void
test_own_language_first (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  static const struct {
    const char *lang;
    const char *word;
    const char *first;
  } cases[] = {
    { "de", "Käse", "usda:01022" },
    { "de", "Kaese", "usda:01022" },
    { "de", "Milch", "usda:01077" },
    { "de", "Brot", "usda:18069" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;

      g_setenv ("LANGUAGE", cases[i].lang, TRUE);
      found = cf_food_store_search (store, cases[i].word, 0, NULL, NULL, 3, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >, 0);
      if (g_strcmp0 (cf_food_get_id (g_ptr_array_index (found, 0)), cases[i].first) != 0)
        g_error ("%s: “%s” first finds %s (%s), not %s", cases[i].lang, cases[i].word,
                 cf_food_get_id (g_ptr_array_index (found, 0)),
                 cf_food_get_display_name (g_ptr_array_index (found, 0)), cases[i].first);
    }
  g_unsetenv ("LANGUAGE");
}

/* The name shown follows the user's language; the source's stays */
static void
test_display_name (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) english = NULL;
  g_autoptr(CfFood) german = NULL;

  g_setenv ("LANGUAGE", "", TRUE);
  english = cf_food_store_get_food (store, "usda:01077", NULL);
  g_assert_null (cf_food_get_local_name (english));
  g_assert_cmpstr (cf_food_get_display_name (english), ==, cf_food_get_name (english));

  g_setenv ("LANGUAGE", "de", TRUE);
  german = cf_food_store_get_food (store, "usda:01077", NULL);
  g_assert_cmpstr (cf_food_get_local_name (german), ==, "Vollmilch");
  g_assert_cmpstr (cf_food_get_display_name (german), ==, "Vollmilch");
  g_assert_true (g_str_has_prefix (cf_food_get_name (german), "Milk, whole"));
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cofactor/food-names/words/%s", languages[i].lang);
      g_test_add_data_func (path, &languages[i], test_words);
    }
  g_test_add_func ("/cofactor/food-names/spellings", test_spellings);
  g_test_add_func ("/cofactor/food-names/own-language-first", test_own_language_first);
  g_test_add_func ("/cofactor/food-names/display-name", test_display_name);

  return g_test_run ();
}
