/* test-cli.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* cofactor-cli end to end: the real binary on a temporary profile. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cf-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static char *profile;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The user "nobody", for a child that must not have root's right to
 * write anywhere */
#define UNPRIVILEGED_ID 65534

static void
drop_privileges (gpointer user_data)
{
  if (getuid () == 0 && (setgroups (0, NULL) != 0 || setgid (UNPRIVILEGED_ID) != 0 || setuid (UNPRIVILEGED_ID) != 0))
    _exit (125);
}

static void
run_va (Run        *run,
        const char *dir,
        gboolean    unprivileged,
        const char *first,
        va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("COFACTOR_CLI"));
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "COFACTOR_DATA_DIR", dir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               unprivileged ? drop_privileges : NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run_in (Run        *run,
        const char *dir,
        const char *first,
        ...)
{
  va_list args;

  va_start (args, first);
  run_va (run, dir, FALSE, first, args);
  va_end (args);
}

/* As run_in(), but as an ordinary user even when the tests run as root */
static void
run_unprivileged (Run        *run,
                  const char *dir,
                  const char *first,
                  ...)
{
  va_list args;

  va_start (args, first);
  run_va (run, dir, TRUE, first, args);
  va_end (args);
}

#define RUN(run, ...) run_in (run, profile, __VA_ARGS__, NULL)

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static void
assert_failed (Run *run,
               int  status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "cofactor-cli: "));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0, };

  RUN (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "search TEXT"));
  g_assert_nonnull (strstr (run.out, "--json"));
}

static void
test_search_natto (void)
{
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gboolean found = FALSE;
  gboolean found_usda = FALSE;

  RUN (&text, "search", "natto");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "k2:natto-kamao-2007"));
  g_assert_nonnull (strstr (text.out, "MK-7 939.0 µg"));
  g_assert_nonnull (strstr (text.out, "Kamao M"));

  RUN (&json, "search", "--json", "natto");
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *food = json_array_get_object_element (array, i);

      /* The USDA natto's MK-7 is borrowed, and says so, with where each
       * value comes from, as in `food --json` */
      if (g_strcmp0 (json_object_get_string_member (food, "id"), "usda:16113") == 0)
        {
          JsonObject *kinds = json_object_get_object_member (food, "value_kinds");
          JsonObject *origins = json_object_get_object_member (food, "origins");

          g_assert_cmpstr (json_object_get_string_member (kinds, "mk7"), ==, "borrowed");
          g_assert_false (json_object_has_member (kinds, "calcium"));
          g_assert_nonnull (strstr (json_object_get_string_member (origins, "mk7"), "Kamao M"));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (origins, "calcium"), "USDA SR28"));
          found_usda = TRUE;
        }

      if (g_strcmp0 (json_object_get_string_member (food, "id"), "k2:natto-kamao-2007") != 0)
        continue;

      found = TRUE;
      g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (food, "per_100g"), "mk7"), ==, 939);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (food, "citation"), "Kamao M"));
    }
  g_assert_true (found);
  g_assert_true (found_usda);
}

static void
test_food (void)
{
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *food, *values, *origins;

  RUN (&text, "food", "usda:01009");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Cheese, cheddar\n"));
  g_assert_nonnull (strstr (text.out, "710 mg"));
  g_assert_nonnull (strstr (text.out, "22.87 g"));
  g_assert_nonnull (strstr (text.out, "1 cup, diced (132 g)"));

  RUN (&json, "food", "usda:01009", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  food = json_node_get_object (root);
  values = json_object_get_object_member (food, "per_100g");
  origins = json_object_get_object_member (food, "origins");
  g_assert_cmpfloat (json_object_get_double_member (values, "calcium"), ==, 710);
  g_assert_cmpfloat (json_object_get_double_member (values, "protein"), ==, 22.87);
  g_assert_false (json_object_has_member (values, "mk7"));
  g_assert_nonnull (strstr (json_object_get_string_member (origins, "calcium"), "nutrient 301"));
}

static void
test_log_day_export_import (void)
{
  g_autofree char *other = cf_test_make_temp_dir ();
  g_autofree char *export_path = g_build_filename (profile, "export.json", NULL);
  g_auto(Run) log1 = { 0, };
  g_auto(Run) log2 = { 0, };
  g_auto(Run) day = { 0, };
  g_auto(Run) exp = { 0, };
  g_auto(Run) imp = { 0, };
  g_auto(Run) day2 = { 0, };
  g_auto(Run) text = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autofree char *entries1 = NULL;
  g_autofree char *entries2 = NULL;
  JsonObject *calcium;

  RUN (&log1, "log", "2026-03-14", "breakfast", "usda:01009", "30g");
  g_assert_cmpint (log1.status, ==, 0);
  g_assert_nonnull (strstr (log1.out, "Logged 30 g of Cheese, cheddar for Breakfast on 2026-03-14"));

  RUN (&log2, "log", "2026-03-14", "dinner", "usda:11090", "1", "cup", "chopped");
  g_assert_cmpint (log2.status, ==, 0);
  g_assert_nonnull (strstr (log2.out, "1 cup chopped (91 g)"));

  RUN (&day, "day", "2026-03-14", "--json");
  g_assert_cmpint (day.status, ==, 0);
  root = parse (day.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "entries")), ==, 2);
  calcium = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "totals"), "calcium");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (calcium, "value"), 710 * 0.3 + 47 * 0.91, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (calcium, "coverage"), ==, 1);
  /* No value for ALA in either food: null, not 0 */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (root), "totals"), "ala"), "value"));

  RUN (&text, "day", "2026-03-14");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Breakfast"));
  g_assert_nonnull (strstr (text.out, "Cheese, cheddar — 30 g"));

  RUN (&exp, "export", export_path);
  g_assert_cmpint (exp.status, ==, 0);
  g_assert_true (g_file_test (export_path, G_FILE_TEST_EXISTS));

  run_in (&imp, other, "import", export_path, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "Imported 0 foods and 2 diary entries"));

  run_in (&day2, other, "day", "2026-03-14", "--json", NULL);
  g_assert_cmpint (day2.status, ==, 0);
  root2 = parse (day2.out);
  entries1 = json_to_string (json_object_get_member (json_node_get_object (root), "entries"), FALSE);
  entries2 = json_to_string (json_object_get_member (json_node_get_object (root2), "entries"), FALSE);
  g_assert_cmpstr (entries1, ==, entries2);

  cf_test_remove_tree (other);
}

/* An imported entry without a weight ("1.00 cup" of milk, "8.00 fl oz"
 * of coffee) counts in the day's total vitamin K as it counts in the
 * form-not-stated line above it */
static void
test_day_imported_amounts (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "import", "cronometer-servings-two-weeks.csv", NULL);
  g_auto(Run) imp = { 0, };
  g_auto(Run) day = { 0, };
  g_auto(GStrv) lines = NULL;
  gboolean unstated = FALSE, total = FALSE;

  run_in (&imp, dir, "import", file, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "101 diary entries"));

  run_in (&day, dir, "day", "2026-03-02", NULL);
  g_assert_cmpint (day.status, ==, 0);
  g_assert_nonnull (strstr (day.out, "Milk, 2% — 1.00 cup"));

  /* The fixture's vitamin K for that day: 263.6 µg, 0.5 of it in the
   * milk and 0.2 in the coffee */
  lines = g_strsplit (day.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (g_str_has_prefix (line, "Vitamin K (form not stated)"))
        {
          g_assert_nonnull (strstr (line, " 263.6 µg"));
          unstated = TRUE;
        }
      else if (g_str_has_prefix (line, "Vitamin K ") && !g_str_has_prefix (line, "Vitamin K ("))
        {
          g_assert_nonnull (strstr (line, " 263.6 µg"));
          total = TRUE;
        }
    }
  g_assert_true (unstated);
  g_assert_true (total);

  cf_test_remove_tree (dir);
}

static void
test_errors (void)
{
  g_autofree char *bad_file = g_build_filename (profile, "bad.json", NULL);
  g_auto(Run) before = { 0, };
  g_auto(Run) after = { 0, };
  static const char *failing[][6] = {
    { "log", "2026-02-30", "lunch", "usda:01009", "30", NULL },
    { "log", "2026-02-01", "brunch", "usda:01009", "30", NULL },
    { "log", "2026-02-01", "lunch", "usda:99999", "30", NULL },
    { "log", "2026-02-01", "lunch", "usda:01009", "-5", NULL },
    { "log", "2026-02-01", "lunch", "usda:01009", "0", NULL },
    { "log", "2026-02-01", "lunch", "usda:01009", "lots", NULL },
    { "log", "2026-02-01", "lunch", "usda:01009", "99999", NULL },
    { "log", "2026-02-01", "lunch", "usda:01009", "2 parsecs", NULL },
    { "food", "nope", NULL },
    { "day", "yesterweek", NULL },
    { "import", "/nonexistent.json", NULL },
  };
  static const char *usage[][3] = {
    { "frobnicate", NULL },
    { "log", "today", NULL },
    { "food", NULL },
    { "search", NULL },
    { "--no-such-option", NULL },
    { "search", "egg\xc3", NULL },
    { "log", "today\xf0", NULL },
  };

  RUN (&before, "export", "-");

  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, profile, failing[i][0], failing[i][1], failing[i][2], failing[i][3], failing[i][4], NULL);
      assert_failed (&run, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, profile, usage[i][0], usage[i][1], NULL);
      assert_failed (&run, 2);
    }

  {
    g_auto(Run) run = { 0, };
    g_auto(Run) none = { 0, };

    g_assert_true (g_file_set_contents (bad_file, "{\"format\":\"cofactor-diary\",\"version\":1,\"entries\":[{}]}", -1, NULL));
    RUN (&run, "import", bad_file);
    assert_failed (&run, 1);
    g_assert_nonnull (strstr (run.err, "Nothing was imported"));
    g_assert_nonnull (strstr (run.err, "entries[0].id: missing"));

    run_in (&none, profile, NULL);
    assert_failed (&none, 2);
  }

  /* None of it changed the diary */
  RUN (&after, "export", "-");
  {
    g_autoptr(GRegex) stamp = g_regex_new ("\"exported\" : \"[^\"]*\"", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (stamp, before.out, -1, 0, "", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (stamp, after.out, -1, 0, "", 0, NULL);

    g_assert_cmpstr (a, ==, b);
  }
}

/* rank: the natto first with its source; per 100 kcal values that are
 * the food's own magnesium ÷ energy × 100 */
static void
test_rank (void)
{
  g_auto(Run) text = { 0, };
  g_auto(Run) json = { 0, };
  g_auto(Run) serving = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  RUN (&text, "rank", "mk7");
  g_assert_cmpint (text.status, ==, 0);
  lines = g_strsplit (text.out, "\n", -1);
  g_assert_nonnull (strstr (lines[0], "1  k2:natto-kamao-2007"));
  g_assert_nonnull (strstr (lines[0], "939.0 µg per 100 g"));
  g_assert_nonnull (strstr (lines[0], "Natto"));
  g_assert_nonnull (strstr (lines[1], "Source: Kamao M"));

  RUN (&json, "rank", "magnesium", "--per", "100kcal", "--limit", "10", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 10);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      JsonObject *food = json_object_get_object_member (item, "food");
      JsonObject *values = json_object_get_object_member (food, "per_100g");
      double expected = json_object_get_double_member (values, "magnesium") /
                        json_object_get_double_member (values, "energy") * 100;

      g_assert_cmpint (json_object_get_int_member (item, "rank"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (item, "per"), ==, "100kcal");
      g_assert_cmpstr (json_object_get_string_member (item, "unit"), ==, "mg");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (food, "id"), "usda:"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "value"), expected, 1e-9);
      if (i > 0)
        g_assert_cmpfloat (json_object_get_double_member (item, "value"), <=,
                           json_object_get_double_member (json_array_get_object_element (array, i - 1), "value"));
    }

  RUN (&serving, "rank", "calcium", "--per", "serving", "-n", "3");
  g_assert_cmpint (serving.status, ==, 0);
  g_assert_nonnull (strstr (serving.out, " mg per 1 "));
}

static void
test_food_add_recipe_add (void)
{
  g_autofree char *food_file = g_build_filename (profile, "kefir.json", NULL);
  g_autofree char *recipe_file = NULL;
  g_autofree char *recipe_json = NULL;
  g_autofree char *kefir_id = NULL;
  g_autofree char *recipe_id = NULL;
  g_auto(Run) add = { 0, };
  g_auto(Run) recipe = { 0, };
  g_auto(Run) recipe_as_json = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) fav = { 0, };
  g_auto(Run) favs = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *object, *values;

  g_assert_true (g_file_set_contents (food_file,
                                      "{\"name\": \"Kefir\", \"per_100g\": {\"calcium\": 120, \"energy\": 60},"
                                      " \"portions\": [{\"amount\": 1, \"description\": \"glass\", \"grams\": 250}]}",
                                      -1, NULL));
  RUN (&add, "food-add", food_file);
  g_assert_cmpint (add.status, ==, 0);
  kefir_id = g_strstrip (g_strdup (add.out));
  g_assert_true (g_str_has_prefix (kefir_id, "custom:"));

  /* 2 glasses of kefir (500 g: 600 mg calcium, 300 kcal) and 30 g of
   * cheddar, 4 servings */
  recipe_file = g_build_filename (profile, "smoothie.json", NULL);
  recipe_json = g_strdup_printf ("{\"name\": \"Kefir smoothie\", \"servings\": 4, \"ingredients\": ["
                                 " {\"food\": \"%s\", \"amount\": \"2 glass\"},"
                                 " {\"food\": \"usda:01009\", \"amount\": 30}]}", kefir_id);
  g_assert_true (g_file_set_contents (recipe_file, recipe_json, -1, NULL));
  RUN (&recipe, "recipe-add", recipe_file);
  g_assert_cmpint (recipe.status, ==, 0);
  recipe_id = g_strstrip (g_strdup (recipe.out));
  g_assert_true (g_str_has_prefix (recipe_id, "custom:"));

  RUN (&recipe_as_json, "recipe-add", recipe_file, "--json");
  g_assert_cmpint (recipe_as_json.status, ==, 0);
  root = parse (recipe_as_json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "recipe");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      json_object_get_object_member (object, "recipe"), "ingredients")), ==, 2);

  /* Shown like any food, values from the ingredients */
  RUN (&show, "food", recipe_id, "--json");
  g_assert_cmpint (show.status, ==, 0);
  shown = parse (show.out);
  values = json_object_get_object_member (json_node_get_object (shown), "per_100g");
  {
    g_auto(Run) cheddar = { 0, };
    g_autoptr(JsonNode) c = NULL;
    double ca;

    RUN (&cheddar, "food", "usda:01009", "--json");
    c = parse (cheddar.out);
    ca = json_object_get_double_member (json_object_get_object_member (json_node_get_object (c), "per_100g"),
                                        "calcium");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (values, "calcium"),
                                    (600 + ca * 0.3) / 530 * 100, 1e-9);
  }

  /* Favourites */
  RUN (&fav, "favourite", recipe_id);
  g_assert_cmpint (fav.status, ==, 0);
  RUN (&favs, "favourite");
  g_assert_cmpint (favs.status, ==, 0);
  g_assert_nonnull (strstr (favs.out, "Kefir smoothie"));
}

static void
test_food_errors (void)
{
  g_autofree char *bad = g_build_filename (profile, "bad-food.json", NULL);
  static const struct {
    const char *command;
    const char *json;
    const char *message;
  } failing[] = {
    { "food-add", "{\"per_100g\": {}}", "food.name: missing" },
    { "food-add", "{\"name\": \"x\", \"per_100g\": {\"calcium\": -3}}", "food.per_100g.calcium" },
    { "food-add", "{\"name\": \"x\", \"per_100g\": {}, \"group\": \"9999\"}", "food.group" },
    { "food-add", "{\"name\": \"x\", \"per_100g\": {}, \"portions\": [{\"amount\": 1, \"description\": \"pot\", \"grams\": 9000}]}",
      "food.portions[0].grams" },
    { "food-add", "{\"name\": ", "not valid JSON" },
    { "recipe-add", "{\"name\": \"x\", \"ingredients\": []}", "recipe.ingredients" },
    { "recipe-add", "{\"name\": \"x\", \"ingredients\": [{\"food\": \"usda:99999\", \"amount\": \"10g\"}]}",
      "recipe.ingredients[0].food" },
    { "recipe-add", "{\"name\": \"x\", \"ingredients\": [{\"food\": \"usda:01009\", \"amount\": \"2 parsecs\"}]}",
      "recipe.ingredients[0].amount" },
    { "recipe-add", "{\"name\": \"x\", \"servings\": -1, \"ingredients\": [{\"food\": \"usda:01009\", \"amount\": 10}]}",
      "recipe.servings" },
  };
  static const char *usage[][3] = {
    { "rank", NULL },
    { "rank", "vitamin_q" },
    { "food-add", NULL },
    { "recipe-add", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_auto(Run) run = { 0, };

      g_assert_true (g_file_set_contents (bad, failing[i].json, -1, NULL));
      RUN (&run, failing[i].command, bad);
      assert_failed (&run, 1);
      if (strstr (run.err, failing[i].message) == NULL)
        g_error ("%s %s: “%s” does not mention “%s”", failing[i].command, failing[i].json, run.err, failing[i].message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, profile, usage[i][0], usage[i][1], NULL);
      assert_failed (&run, 2);
    }

  {
    g_auto(Run) run = { 0, };

    RUN (&run, "rank", "calcium", "--per", "cup");
    assert_failed (&run, 2);
  }

  {
    g_auto(Run) run = { 0, };

    RUN (&run, "favourite", "usda:99999");
    assert_failed (&run, 1);
  }
}

/* Logs @n entries into the diary in @dir */
static void
log_entries (const char *dir,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, dir, "log", "2026-03-14", "lunch", "usda:01009", "30g", NULL);
      g_assert_cmpint (run.status, ==, 0);
    }
}

static guint
count_day_entries (const char *dir)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;

  run_in (&run, dir, "day", "2026-03-14", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (root), "entries"));
}

/* A deleted or emptied diary beside a backup with entries is reported
 * with the way back, and never silently replaced by a new one */
static void
test_missing_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_auto(Run) backup = { 0, };
  g_auto(Run) day = { 0, };
  g_auto(Run) empty = { 0, };
  g_auto(Run) restore = { 0, };
  g_auto(Run) fresh = { 0, };
  g_auto(Run) again = { 0, };
  GStatBuf st;

  log_entries (dir, 18);
  run_in (&backup, dir, "backup", NULL);
  g_assert_cmpint (backup.status, ==, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  run_in (&day, dir, "day", "2026-03-14", NULL);
  assert_failed (&day, 1);
  g_assert_nonnull (strstr (day.err, "is missing"));
  g_assert_nonnull (strstr (day.err, "18 entries"));
  g_assert_nonnull (strstr (day.err, "cofactor-cli restore"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  run_in (&empty, dir, "log", "2026-03-14", "lunch", "usda:01009", "30g", NULL);
  assert_failed (&empty, 1);
  g_assert_nonnull (strstr (empty.err, "is empty"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  run_in (&restore, dir, "restore", NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpuint (count_day_entries (dir), ==, 18);

  /* Or a new diary, when that is what the user wants */
  g_assert_cmpint (g_unlink (path), ==, 0);
  run_in (&fresh, dir, "new-diary", NULL);
  g_assert_cmpint (fresh.status, ==, 0);
  g_assert_cmpuint (count_day_entries (dir), ==, 0);
  run_in (&again, dir, "new-diary", NULL);
  assert_failed (&again, 1);

  cf_test_remove_tree (dir);
}

/* Pages overwritten in the middle of the diary: every command says so
 * (not only those that happen to touch them), and restore mends it */
static void
test_damaged_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_auto(Run) backup = { 0, };
  g_auto(Run) healthy = { 0, };
  g_auto(Run) restore = { 0, };
  static const char *commands[][6] = {
    { "day", "2026-03-14", NULL },
    { "log", "2026-03-14", "lunch", "usda:01009", "30g", NULL },
    { "export", "-", NULL },
    { "favourite", NULL },
  };
  char page[4096];
  FILE *f;

  log_entries (dir, 120);
  run_in (&backup, dir, "backup", NULL);
  g_assert_cmpint (backup.status, ==, 0);

  /* The diary opens well: restore needs --force */
  run_in (&healthy, dir, "restore", NULL);
  assert_failed (&healthy, 1);

  memset (page, 0x5a, sizeof page);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 6 * sizeof page, SEEK_SET), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (fwrite (page, 1, sizeof page, f), ==, sizeof page);
  fclose (f);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, dir, commands[i][0], commands[i][1], commands[i][2], commands[i][3], commands[i][4], NULL);
      assert_failed (&run, 1);
      g_assert_nonnull (strstr (run.err, "damaged"));
      g_assert_nonnull (strstr (run.err, "cofactor-cli restore"));
    }

  run_in (&restore, dir, "restore", NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "cofactor.db.damaged-"));
  g_assert_cmpuint (count_day_entries (dir), ==, 120);

  cf_test_remove_tree (dir);
}

/* A diary in a folder the user cannot write opens read-only: reading and
 * exporting work, a change is refused with a clear message */
static void
test_read_only_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) day = { 0, };
  g_auto(Run) exp = { 0, };
  g_auto(Run) log = { 0, };

  log_entries (dir, 2);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  before = cf_test_file_sha256 (path);

  run_unprivileged (&day, dir, "day", "2026-03-14", NULL);
  g_assert_cmpstr (day.err, ==, "");
  g_assert_cmpint (day.status, ==, 0);
  g_assert_nonnull (strstr (day.out, "Cheese, cheddar — 30 g"));

  run_unprivileged (&exp, dir, "export", "-", NULL);
  g_assert_cmpint (exp.status, ==, 0);
  g_assert_nonnull (strstr (exp.out, "cofactor-diary"));

  run_unprivileged (&log, dir, "log", "2026-03-14", "lunch", "usda:01009", "30g", NULL);
  assert_failed (&log, 1);
  g_assert_nonnull (strstr (log.err, "read-only"));

  after = cf_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  cf_test_remove_tree (dir);
}

/* backup refuses to put a diary that holds less beside its last backup
 * unless told to; both are then kept */
static void
test_backup_smaller (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_auto(Run) first = { 0, };
  g_auto(Run) refused = { 0, };
  g_auto(Run) forced = { 0, };
  g_auto(Run) list = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *backups;
  sqlite3 *raw = NULL;

  log_entries (dir, 3);
  run_in (&first, dir, "backup", NULL);
  g_assert_cmpint (first.status, ==, 0);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM entry", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  run_in (&refused, dir, "backup", NULL);
  assert_failed (&refused, 1);
  g_assert_nonnull (strstr (refused.err, "3 entries"));
  g_assert_nonnull (strstr (refused.err, "--force"));

  g_usleep (1100 * 1000);
  run_in (&forced, dir, "backup", "--force", NULL);
  g_assert_cmpint (forced.status, ==, 0);

  run_in (&list, dir, "backups", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse (list.out);
  backups = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (backups), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (backups, 0), "entries"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (backups, 1), "entries"), ==, 3);

  cf_test_remove_tree (dir);
}

/* Input whose size is unknown before reading (/dev/zero reads forever)
 * is measured as it is read; input that is not JSON, only white space
 * or nested without end is refused with a message */
static void
test_bounded_input (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *blank = g_build_filename (dir, "blank.json", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *nesting = g_malloc (200001);
  static const char *zero[][3] = {
    { "import", "/dev/zero", NULL },
    { "food-add", "/dev/zero", NULL },
    { "recipe-add", "/dev/zero", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    {
      g_auto(Run) run = { 0, };
      gint64 start = g_get_monotonic_time ();

      run_in (&run, dir, zero[i][0], zero[i][1], NULL);
      assert_failed (&run, 1);
      g_assert_nonnull (strstr (run.err, "NUL"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }

  g_assert_true (g_file_set_contents (blank, " \n\t\n ", -1, NULL));
  memset (nesting, '[', 100000);
  memset (nesting + 100000, ']', 100000);
  g_assert_true (g_file_set_contents (deep, nesting, 200000, NULL));

  {
    g_auto(Run) run = { 0, };

    run_in (&run, dir, "import", blank, NULL);
    assert_failed (&run, 1);
    g_assert_nonnull (strstr (run.err, "empty or only white space"));
    g_assert_null (strstr (run.err, "CRITICAL"));
  }

  {
    g_auto(Run) run = { 0, };
    g_auto(Run) add = { 0, };

    /* Exit status 139 (a crash) before */
    run_in (&run, dir, "import", deep, NULL);
    assert_failed (&run, 1);
    g_assert_nonnull (strstr (run.err, "nested more than"));
    run_in (&add, dir, "food-add", deep, NULL);
    assert_failed (&add, 1);
    g_assert_nonnull (strstr (add.err, "nested more than"));
  }

  cf_test_remove_tree (dir);
}

typedef struct
{
  const char *path;
  gsize       most;      /* stop after writing this much */
  gsize       written;
} Feeder;

/* Writes spaces into the pipe at @data->path once the CLI opens it, until
 * the CLI stops reading or @data->most is written */
static gpointer
feed_spaces (gpointer data)
{
  Feeder *feeder = data;
  g_autofree char *block = g_strnfill (64 * 1024, ' ');
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  int fd;

  while ((fd = open (feeder->path, O_WRONLY | O_NONBLOCK)) < 0 && errno == ENXIO &&
         g_get_monotonic_time () < deadline)
    g_usleep (1000);
  if (fd < 0)
    return NULL;
  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);

  while (feeder->written < feeder->most)
    {
      ssize_t n = write (fd, block, 64 * 1024);

      /* EPIPE: the CLI has stopped reading */
      if (n <= 0)
        break;
      feeder->written += n;
    }
  close (fd);

  return NULL;
}

/* A pipe that reports no size and holds no NUL, only white space without
 * end: the reading stops at the bound of each command (16 MiB for a food
 * or a recipe, 256 MiB for an import), it does not read on until memory
 * runs out or the writer gives up */
static void
test_endless_pipe (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "endless.json", NULL);
  static const struct {
    const char *command;
    gsize       bound;
  } commands[] = {
    { "food-add", 16 * 1024 * 1024 },
    { "recipe-add", 16 * 1024 * 1024 },
    { "import", 256 * 1024 * 1024 },
  };
  void (*old_handler) (int) = signal (SIGPIPE, SIG_IGN);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };
      /* Enough past the bound that reading it all is seen */
      Feeder feeder = { fifo, commands[i].bound + 8 * 1024 * 1024, 0 };
      GThread *thread = g_thread_new ("feeder", feed_spaces, &feeder);

      run_in (&run, dir, commands[i].command, fifo, NULL);
      g_thread_join (thread);
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes written; %s", commands[i].command, feeder.written, run.err);

      assert_failed (&run, 1);
      g_assert_nonnull (strstr (run.err, "larger than"));
      /* Stopped at the bound, give or take what the pipe holds */
      g_assert_cmpuint (feeder.written, >, commands[i].bound);
      g_assert_cmpuint (feeder.written, <, commands[i].bound + 2 * 1024 * 1024);
    }

  signal (SIGPIPE, old_handler);
  cf_test_remove_tree (dir);
}

/* A tiny amount exports as strict JSON that imports again (it was
 * written as "1e-300.0") */
static void
test_export_strict (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *other = cf_test_make_temp_dir ();
  g_autofree char *food = g_build_filename (dir, "food.json", NULL);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_auto(Run) add = { 0, };
  g_auto(Run) log = { 0, };
  g_auto(Run) exp = { 0, };
  g_auto(Run) imp = { 0, };
  g_autofree char *id = NULL;

  g_assert_true (g_file_set_contents (food, "{\"name\": \"Trace\", \"per_100g\": {\"calcium\": 1e-300, \"vitamin_d\": 1e8}}", -1, NULL));
  run_in (&add, dir, "food-add", food, NULL);
  g_assert_cmpint (add.status, ==, 0);
  id = g_strstrip (g_strdup (add.out));

  run_in (&log, dir, "log", "2026-03-14", "lunch", id, "0.001g", NULL);
  g_assert_cmpint (log.status, ==, 0);

  run_in (&exp, dir, "export", file, NULL);
  g_assert_cmpint (exp.status, ==, 0);
  run_in (&imp, other, "import", file, NULL);
  g_assert_cmpstr (imp.err, ==, "");
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "Imported 1 food and 1 diary entry"));

  cf_test_remove_tree (dir);
  cf_test_remove_tree (other);
}

/* Every command's text output frees what it makes: the CLI linked with
 * LeakSanitizer exits with 23 on a leak */
static void
test_no_leaks (void)
{
  const char *lsan = g_getenv ("COFACTOR_CLI_LSAN");
  const char *cli = g_getenv ("COFACTOR_CLI");
  g_autofree char *dir = NULL;
  static const char *commands[][5] = {
    { "log", "2026-03-14", "lunch", "k2:natto-kamao-2007", "30g" },
    { "log", "2026-03-14", "dinner", "usda:11090", "1 cup chopped" },
    { "search", "natto", NULL },
    { "search", "cheddar", NULL },
    { "food", "k2:natto-kamao-2007", NULL },
    { "day", "2026-03-14", NULL },
    { "day", "2026-03-14", "--json", NULL },
    { "rank", "mk7", NULL },
    { "targets", "2026-03-14", NULL },
    { "insights", "--to", "2026-03-14", NULL },
    { "favourite", "usda:01009", NULL },
    { "favourite", NULL },
    { "export", "-", NULL },
    { "backup", NULL },
    { "backups", NULL },
    { "day", "tomorrow-ish", NULL },
  };

  if (lsan == NULL)
    {
      g_test_skip ("The CLI was not linked with LeakSanitizer (a sanitizer build checks leaks itself)");
      return;
    }

  dir = cf_test_make_temp_dir ();
  g_setenv ("COFACTOR_CLI", lsan, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0, };

      run_in (&run, dir, commands[i][0], commands[i][1], commands[i][2], commands[i][3], commands[i][4], NULL);
      g_test_message ("%s %s: %d", commands[i][0], commands[i][1] ? commands[i][1] : "", run.status);
      g_assert_null (strstr (run.err, "LeakSanitizer"));
      g_assert_cmpint (run.status, ==, i + 1 == G_N_ELEMENTS (commands) ? 1 : 0);
    }

  /* The commands that read files, with what they print when all is
   * well and when it is not */
  {
    g_autofree char *food = g_build_filename (dir, "food.json", NULL);
    g_autofree char *recipe = g_build_filename (dir, "recipe.json", NULL);
    g_autofree char *exported = g_build_filename (dir, "export.json", NULL);
    g_autofree char *blank = g_build_filename (dir, "blank.json", NULL);
    g_autofree char *other = cf_test_make_temp_dir ();
    const struct {
      const char *dir;
      const char *args[4];
      int         status;
    } files[] = {
      { dir, { "food-add", food }, 0 },
      { dir, { "recipe-add", recipe }, 0 },
      { dir, { "export", exported }, 0 },
      { other, { "import", exported, "--dry-run" }, 0 },
      { other, { "import", exported }, 0 },
      { other, { "import", blank }, 1 },
      { other, { "food-add", blank }, 1 },
    };

    g_assert_true (g_file_set_contents (food, "{\"name\":\"Kefir\",\"per_100g\":{\"calcium\":120},"
                                        "\"portions\":[{\"amount\":1,\"description\":\"cup\",\"grams\":240}]}", -1, NULL));
    g_assert_true (g_file_set_contents (recipe, "{\"name\":\"Soup\",\"ingredients\":[{\"food\":\"usda:01009\",\"amount\":\"30g\"}]}", -1, NULL));
    g_assert_true (g_file_set_contents (blank, " \n", -1, NULL));

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_auto(Run) run = { 0, };

        run_in (&run, files[i].dir, files[i].args[0], files[i].args[1], files[i].args[2], files[i].args[3], NULL);
        g_test_message ("%s %s: %d", files[i].args[0], files[i].args[2] ? files[i].args[2] : "", run.status);
        g_assert_null (strstr (run.err, "LeakSanitizer"));
        g_assert_cmpint (run.status, ==, files[i].status);
      }

    cf_test_remove_tree (other);
  }
  g_setenv ("COFACTOR_CLI", cli, TRUE);

  cf_test_remove_tree (dir);
}

/* Amounts, dates and numbers are read strictly, the same way as in
 * the app and import; values beyond their bounds and recipes that
 * contain themselves are refused; nothing changes the diary */
static void
test_strict_input (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *many = g_build_filename (dir, "many.json", NULL);
  g_autofree char *fat = g_build_filename (dir, "fat.json", NULL);
  g_autofree char *named = g_build_filename (dir, "named.json", NULL);
  g_autofree char *soup_file = g_build_filename (dir, "soup.json", NULL);
  g_autofree char *stock_file = g_build_filename (dir, "stock.json", NULL);
  g_autofree char *cycle_file = g_build_filename (dir, "cycle.json", NULL);
  g_autofree char *long_name = g_strnfill (201, 'k');
  g_autoptr(GString) portions = g_string_new (NULL);
  g_autofree char *soup = NULL;
  g_autofree char *stock = NULL;
  g_auto(Run) before = { 0, };
  g_auto(Run) after = { 0, };
  static const struct {
    const char *args[7];
    int         status;
    const char *message;
  } refused[] = {
    { { "log", "2026-03-14", "lunch", "usda:01009", "1,000g" }, 1, "could be read two ways; write 1000 or 1" },
    { { "log", "2026-03-14", "lunch", "usda:01009", "0x10g" }, 1, "decimal digits" },
    { { "log", "2026-03-14", "lunch", "usda:01009", "1e-300g" }, 1, "without an exponent" },
    { { "log", "2026-03-14", "lunch", "usda:01009", "0.0001g" }, 1, "at least 0.001 g" },
    { { "log", "2026-03-14", "lunch", "usda:01009", "20000", "cup,", "diced" }, 1, "from 0.001 to 10000" },
    { { "log", "2024-+1-05", "lunch", "usda:01009", "30g" }, 1, "not a date" },
    { { "log", "2024- 1-05", "lunch", "usda:01009", "30g" }, 1, "not a date" },
    { { "targets", "--k2-goal", "-1" }, 2, "--k2-goal" },
    { { "targets", "--k2-goal", "0x10" }, 2, "--k2-goal" },
    { { "targets", "--weight", "7e1" }, 2, "--weight" },
    { { "search", "natto", "--limit", "0x10" }, 2, "--limit" },
  };

  RUN (&before, "export", "-");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0, };
      const char *const *a = refused[i].args;

      run_in (&run, profile, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
      g_test_message ("%s %s: %s", a[0], a[1], run.err);
      assert_failed (&run, refused[i].status);
      g_assert_nonnull (strstr (run.err, refused[i].message));
    }

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (portions, "%s{\"amount\":1,\"description\":\"m%u\",\"grams\":1}", i ? "," : "", i);
  {
    g_autofree char *text = g_strdup_printf ("{\"name\":\"x\",\"per_100g\":{},\"portions\":[%s]}", portions->str);

    g_assert_true (g_file_set_contents (many, text, -1, NULL));
  }
  g_assert_true (g_file_set_contents (fat, "{\"name\":\"x\",\"per_100g\":{\"fat\":60,\"protein\":60}}", -1, NULL));
  {
    g_autofree char *text = g_strdup_printf ("{\"name\":\"%s\",\"per_100g\":{}}", long_name);

    g_assert_true (g_file_set_contents (named, text, -1, NULL));
  }

  {
    const char *files[] = { many, fat, named };
    const char *messages[] = { "food.portions: has more than 100 elements", "add up to 120.0 g", "longer than 200 characters" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_auto(Run) run = { 0, };

        RUN (&run, "food-add", files[i]);
        assert_failed (&run, 1);
        g_assert_nonnull (strstr (run.err, messages[i]));
      }
  }

  RUN (&after, "export", "-");
  {
    g_autoptr(GRegex) stamp = g_regex_new ("\"exported\" : \"[^\"]*\"", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (stamp, before.out, -1, 0, "", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (stamp, after.out, -1, 0, "", 0, NULL);

    g_assert_cmpstr (a, ==, b);
  }

  /* Soup, then Stock made with Soup, then Soup made with Stock (its id
   * in upper case, which is the same id) */
  g_assert_true (g_file_set_contents (soup_file, "{\"name\":\"Soup\",\"ingredients\":[{\"food\":\"usda:01009\",\"amount\":\"30g\"}]}", -1, NULL));
  {
    g_auto(Run) run = { 0, };

    run_in (&run, dir, "recipe-add", soup_file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    soup = g_strstrip (g_strdup (run.out));
  }
  {
    g_autofree char *text = g_strdup_printf ("{\"name\":\"Stock\",\"ingredients\":[{\"food\":\"%s\",\"amount\":\"100g\"}]}", soup);
    g_auto(Run) run = { 0, };

    g_assert_true (g_file_set_contents (stock_file, text, -1, NULL));
    run_in (&run, dir, "recipe-add", stock_file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    stock = g_strstrip (g_strdup (run.out));
  }
  {
    g_autofree char *upper = g_ascii_strup (soup, -1);
    g_autofree char *text = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"Soup\",\"ingredients\":[{\"food\":\"%s\",\"amount\":\"100g\"}]}",
                                             upper, stock);
    g_auto(Run) run = { 0, };
    g_auto(Run) food = { 0, };

    g_assert_true (g_file_set_contents (cycle_file, text, -1, NULL));
    run_in (&run, dir, "recipe-add", cycle_file, NULL);
    assert_failed (&run, 1);
    g_assert_nonnull (strstr (run.err, "recipe.ingredients: a recipe cannot contain itself, not even through other recipes: “Soup” → “Stock” → “Soup”"));

    /* An id in upper case names the same food */
    run_in (&food, dir, "food", upper, NULL);
    g_assert_cmpint (food.status, ==, 0);
    g_assert_true (g_str_has_prefix (food.out, "Soup\n"));
  }

  cf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("COFACTOR_CLI"));
  profile = cf_test_make_temp_dir ();

  g_test_add_func ("/cofactor/cli/help", test_help);
  g_test_add_func ("/cofactor/cli/search-natto", test_search_natto);
  g_test_add_func ("/cofactor/cli/food", test_food);
  g_test_add_func ("/cofactor/cli/log-day-export-import", test_log_day_export_import);
  g_test_add_func ("/cofactor/cli/day-imported-amounts", test_day_imported_amounts);
  g_test_add_func ("/cofactor/cli/errors", test_errors);
  g_test_add_func ("/cofactor/cli/rank", test_rank);
  g_test_add_func ("/cofactor/cli/food-add-recipe-add", test_food_add_recipe_add);
  g_test_add_func ("/cofactor/cli/food-errors", test_food_errors);
  g_test_add_func ("/cofactor/cli/missing-diary", test_missing_diary);
  g_test_add_func ("/cofactor/cli/damaged-diary", test_damaged_diary);
  g_test_add_func ("/cofactor/cli/read-only-diary", test_read_only_diary);
  g_test_add_func ("/cofactor/cli/backup-smaller", test_backup_smaller);
  g_test_add_func ("/cofactor/cli/bounded-input", test_bounded_input);
  g_test_add_func ("/cofactor/cli/endless-pipe", test_endless_pipe);
  g_test_add_func ("/cofactor/cli/export-strict", test_export_strict);
  g_test_add_func ("/cofactor/cli/no-leaks", test_no_leaks);
  g_test_add_func ("/cofactor/cli/strict-input", test_strict_input);

  ret = g_test_run ();
  cf_test_remove_tree (profile);
  g_free (profile);

  return ret;
}
