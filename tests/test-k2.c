/* test-k2.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Vitamin K2 joined to everyday foods: the reviewed link table, values
 * borrowed from K2 tables with their provenance, "none expected", the
 * one coverage rule, and what fortnight-long diaries are told. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cf-date.h"
#include "cf-insight-engine.h"
#include "cf-key-nutrients.h"
#include "cf-targets.h"
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

#define FIRST_DAY "2026-03-02"

static char *
source_path (const char *name)
{
  const char *top = g_getenv ("COFACTOR_SOURCE_DIR");

  g_assert_nonnull (top);
  return g_build_filename (top, "data", "foods", name, NULL);
}

/* Rows of a committed TSV file, without the header */
static GPtrArray *
read_rows (const char *name,
           const char *header)
{
  g_autofree char *path = source_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, header);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

static CfFood *
get_food (CfContext  *context,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  CfFood *food = cf_food_store_get_food (cf_context_get_food_store (context), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (food);

  return food;
}

/* Every link names existing foods of the right tables; every K2-table
 * food has a row; a linked USDA food's borrowed values equal the K2
 * table's values of the food it borrows from, as values.tsv gives them */
static void
test_link_table (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GPtrArray) links = read_rows ("curated/k2-links.tsv", "k2_food\tusda_food\tmatch\tnote");
  g_autoptr(GPtrArray) values = read_rows ("values.tsv", "food\tnutrient\tvalue\torigin");
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint borrowed = 0;
  guint linked = 0;

  for (guint i = 0; i < values->len; i++)
    {
      char **r = g_ptr_array_index (values, i);

      if (g_str_has_prefix (r[0], "k2:"))
        g_hash_table_insert (table, g_strconcat (r[0], " ", r[1], NULL), r[2]);
    }

  g_assert_cmpuint (links->len, >, 50);
  for (guint i = 0; i < links->len; i++)
    {
      char **r = g_ptr_array_index (links, i);
      g_autoptr(CfFood) k2 = get_food (context, r[0]);
      g_autoptr(CfFood) usda = NULL;
      GPtrArray *alternatives;
      CfFood *primary;

      g_assert_cmpuint (g_strv_length (r), ==, 4);
      g_assert_true (g_str_has_prefix (r[0], "k2:"));
      g_assert_true (g_strv_contains ((const char *[]) { "same", "kind", "none", NULL }, r[2]));
      g_assert_cmpint (strcmp (r[2], "none") == 0, ==, r[1][0] == '\0');

      if (r[1][0] == '\0')
        continue;

      linked++;
      g_assert_true (g_str_has_prefix (r[1], "usda:"));
      usda = get_food (context, r[1]);
      alternatives = cf_food_get_k2_alternatives (usda);
      g_assert_nonnull (alternatives);

      primary = g_ptr_array_index (alternatives, 0);
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          g_autofree char *key = NULL;
          const char *text;

          if (cf_food_get_value_kind (usda, n) != CF_VALUE_BORROWED)
            continue;

          key = g_strconcat (cf_food_get_id (primary), " ", cf_nutrient_get_key (n), NULL);
          text = g_hash_table_lookup (table, key);
          g_assert_nonnull (text);
          g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (usda, n), g_ascii_strtod (text, NULL), 1e-9);
          g_assert_true (cf_nutrient_is_vitamin_k2 (n));
          g_assert_nonnull (strstr (cf_food_get_origin (usda, n), cf_food_get_name (primary)));
          borrowed++;
        }
    }

  g_test_message ("%u links to USDA foods, %u borrowed values checked", linked, borrowed);
  g_assert_cmpuint (linked, >, 0);
  g_assert_cmpuint (borrowed, >, 0);
}

/* Searching an everyday word finds one complete food first */
static void
test_natto_search (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GPtrArray) found = cf_food_store_search (cf_context_get_food_store (context), "natto", 0, NULL,
                                                     NULL, 5, NULL, NULL);
  g_autoptr(CfFood) natto = NULL;

  g_assert_cmpuint (found->len, >, 0);
  natto = get_food (context, cf_food_get_id (g_ptr_array_index (found, 0)));
  g_assert_cmpfloat (cf_food_get_nutrient (natto, CF_NUTRIENT_MK7), >=, 500);
  g_assert_false (isnan (cf_food_get_nutrient (natto, CF_NUTRIENT_CALCIUM)));
  g_assert_false (isnan (cf_food_get_nutrient (natto, CF_NUTRIENT_ENERGY)));
  g_assert_nonnull (cf_food_get_origin (natto, CF_NUTRIENT_MK7));
  g_assert_nonnull (cf_food_get_origin (natto, CF_NUTRIENT_CALCIUM));
  g_assert_cmpint (cf_food_get_value_kind (natto, CF_NUTRIENT_MK7), ==, CF_VALUE_BORROWED);
  g_assert_cmpint (cf_food_get_value_kind (natto, CF_NUTRIENT_CALCIUM), ==, CF_VALUE_MEASURED);
}

static CfK2State
state_of (CfContext  *context,
          const char *id)
{
  g_autoptr(CfFood) food = get_food (context, id);

  return cf_nutrients_get_k2_state (cf_food_get_nutrients (food));
}

/* The coverage rule for each kind of value */
static void
test_coverage_classes (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfFood) broccoli = get_food (context, "usda:11090");
  g_autoptr(CfFood) chicken = get_food (context, "usda:05747");
  g_autoptr(CfFood) egg = get_food (context, "usda:01123");
  g_autoptr(CfNutrients) values = cf_nutrients_new ();

  /* Measured in its own table */
  g_assert_cmpint (state_of (context, "k2:natto-kamao-2007"), ==, CF_K2_STATE_KNOWN);
  /* Borrowed from a linked food */
  g_assert_cmpint (state_of (context, "usda:16113"), ==, CF_K2_STATE_KNOWN);
  /* None expected: an unfermented plant food counts as zero */
  g_assert_cmpint (cf_nutrients_get_k2_state (cf_food_get_nutrients (broccoli)), ==, CF_K2_STATE_KNOWN);
  g_assert_cmpfloat (cf_nutrients_get_vitamin_k2 (cf_food_get_nutrients (broccoli)), ==, 0);
  g_assert_cmpint (cf_food_get_value_kind (broccoli, CF_NUTRIENT_MK7), ==, CF_VALUE_ASSUMED);
  g_assert_nonnull (strstr (cf_food_get_origin (broccoli, CF_NUTRIENT_MK7), "None expected"));
  /* MK-4 alone is complete where no long chains are expected (chicken
   * breast, MK-4 measured) … */
  g_assert_cmpint (cf_food_get_value_kind (chicken, CF_NUTRIENT_MK4), ==, CF_VALUE_MEASURED);
  g_assert_cmpint (cf_nutrients_get_k2_state (cf_food_get_nutrients (chicken)), ==, CF_K2_STATE_KNOWN);
  g_assert_cmpfloat (cf_nutrients_get_vitamin_k2 (cf_food_get_nutrients (chicken)),
                     ==, cf_food_get_nutrient (chicken, CF_NUTRIENT_MK4));
  g_assert_cmpint (cf_food_get_value_kind (chicken, CF_NUTRIENT_MK9), ==, CF_VALUE_ASSUMED);
  /* … but nothing is assumed where MK-4 itself is not measured */
  if (isnan (cf_food_get_nutrient (egg, CF_NUTRIENT_MK4)))
    g_assert_true (isnan (cf_food_get_nutrient (egg, CF_NUTRIENT_MK7)));

  /* … and partial where they are (a cheese with MK-4 only), unknown
   * without any value; the SQL and the C rule agree */
  cf_nutrients_set (values, CF_NUTRIENT_MK4, 5);
  g_assert_cmpint (cf_nutrients_get_k2_state (values), ==, CF_K2_STATE_PARTIAL);
  g_assert_true (isnan (cf_nutrients_get_vitamin_k2 (values)));
  cf_nutrients_unset (values, CF_NUTRIENT_MK4);
  g_assert_cmpint (cf_nutrients_get_k2_state (values), ==, CF_K2_STATE_UNKNOWN);

  /* The expectation rule itself */
  g_assert_cmpint (cf_k2_expectation_for_food ("1100", "Spinach, raw"), ==, CF_K2_EXPECT_NONE);
  g_assert_cmpint (cf_k2_expectation_for_food ("1100", "Sauerkraut, canned, solids and liquids"), ==, CF_K2_EXPECT_ANY);
  g_assert_cmpint (cf_k2_expectation_for_food ("1600", "Natto"), ==, CF_K2_EXPECT_ANY);
  g_assert_cmpint (cf_k2_expectation_for_food ("0100", "Cheese, gouda"), ==, CF_K2_EXPECT_ANY);
  g_assert_cmpint (cf_k2_expectation_for_food ("0100", "Milk, whole, 3.25% milkfat, with added vitamin D"),
                   ==, CF_K2_EXPECT_MK4_ONLY);
  g_assert_cmpint (cf_k2_expectation_for_food ("0500", "Chicken, broilers or fryers, breast, meat only, raw"),
                   ==, CF_K2_EXPECT_MK4_ONLY);
  g_assert_cmpint (cf_k2_expectation_for_food ("0700", "Salami, dry or hard, pork"), ==, CF_K2_EXPECT_ANY);
  g_assert_cmpint (cf_k2_expectation_for_food ("0400", "Oil, olive, salad or cooking"), ==, CF_K2_EXPECT_NONE);
  g_assert_cmpint (cf_k2_expectation_for_food ("1500", "Fish, salmon, Atlantic, wild, raw"), ==, CF_K2_EXPECT_ANY);
}

static GDate
day_n (guint n)
{
  GDate day;

  g_assert_true (cf_day_parse (FIRST_DAY, &day, NULL));
  g_date_add_days (&day, n);

  return day;
}

static void
log_food (CfContext  *context,
          guint       day,
          const char *id,
          double      grams)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) food = get_food (context, id);
  GDate date = day_n (day);
  g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&date, CF_MEAL_LUNCH, food, grams, NULL, 0);

  g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
  g_assert_no_error (error);
}

static GPtrArray *
run_insights (CfContext *context,
              guint      n_days)
{
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(GError) error = NULL;
  GDate first = day_n (0);
  GDate last = day_n (n_days - 1);
  GPtrArray *insights;

  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  cf_profile_set_age (profile, 40);
  cf_insight_engine_set_profile (engine, profile);
  insights = cf_insight_engine_run (engine, &first, &last, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < insights->len; i++)
    {
      CfInsight *insight = g_ptr_array_index (insights, i);

      g_test_message ("%s [%s/%s] %s", cf_insight_get_id (insight),
                      cf_insight_severity_to_key (cf_insight_get_severity (insight)),
                      cf_insight_confidence_to_key (cf_insight_get_confidence (insight)),
                      cf_insight_get_summary (insight));
    }

  return insights;
}

static CfInsight *
find (GPtrArray  *insights,
      const char *id)
{
  for (guint i = 0; i < insights->len; i++)
    {
      if (strcmp (cf_insight_get_id (g_ptr_array_index (insights, i)), id) == 0)
        return g_ptr_array_index (insights, i);
    }

  return NULL;
}

/* Milk, cheddar, gouda and Swiss cheese for two weeks: not "K2 low"
 * with full confidence, since the cheeses' long-chain menaquinones are
 * borrowed from the K2 tables or, where no table gives them, missing */
static void
test_cheese_fortnight (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GPtrArray) insights = NULL;
  CfInsight *k2_low;

  for (guint d = 0; d < 14; d++)
    {
      log_food (context, d, "usda:01077", 300);   /* whole milk */
      log_food (context, d, "usda:01009", 60);    /* cheddar */
      log_food (context, d, "usda:01022", 40);    /* gouda */
      log_food (context, d, "usda:01040", 40);    /* Swiss */
    }

  insights = run_insights (context, 14);
  k2_low = find (insights, "k2-low");
  g_assert_true (k2_low == NULL || cf_insight_get_confidence (k2_low) != CF_INSIGHT_CONFIDENCE_FULL);
}

/* 50 g of USDA natto a day for two weeks: neither vitamin K nor K2 low */
static void
test_natto_fortnight (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GPtrArray) insights = NULL;

  for (guint d = 0; d < 14; d++)
    log_food (context, d, "usda:16113", 50);

  insights = run_insights (context, 14);
  g_assert_null (find (insights, "k2-low"));
  g_assert_null (find (insights, "vitamin-k-low"));
}

/* An entry keeps the values it was logged with when the food database
 * changes under it */
static void
test_entries_keep_values (void)
{
  const char *tool = g_getenv ("COFACTOR_FOODS_DB_TOOL");
  g_autofree char *dir = g_dir_make_tmp ("cofactor-k2-XXXXXX", NULL);
  g_autofree char *diary = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *data = g_build_filename (dir, "foods", NULL);
  g_autofree char *changed_db = g_build_filename (dir, "changed.db", NULL);
  g_autofree char *source = source_path ("");
  g_autoptr(GError) error = NULL;
  double logged_mk7, logged_calcium;
  GDate day = day_n (0);

  g_assert_nonnull (tool);

  /* Log natto with today's data */
  {
    g_autoptr(CfContext) context = cf_context_new (diary, g_getenv ("COFACTOR_FOODS_DB"), &error);

    g_assert_no_error (error);
    log_food (context, 0, "usda:16113", 50);
    {
      g_autoptr(GPtrArray) entries = cf_diary_list_day (cf_context_get_diary (context), &day, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      logged_mk7 = cf_nutrients_get (cf_diary_entry_get_nutrients_per_100g (g_ptr_array_index (entries, 0)),
                                     CF_NUTRIENT_MK7);
      logged_calcium = cf_nutrients_get (cf_diary_entry_get_nutrients_per_100g (g_ptr_array_index (entries, 0)),
                                         CF_NUTRIENT_CALCIUM);
    }
  }
  g_assert_cmpfloat (logged_mk7, >=, 500);

  /* A food database where natto borrows nothing and has other calcium */
  {
    g_autofree char *copy = g_strdup_printf ("cp -r '%s' '%s'", source, data);
    g_autofree char *links = g_build_filename (data, "curated", "k2-links.tsv", NULL);
    g_autofree char *values = g_build_filename (data, "values.tsv", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GString) edited = NULL;
    const char *argv[] = { tool, "compile", data, changed_db, NULL };
    int status;

    g_assert_true (g_spawn_command_line_sync (copy, NULL, NULL, &status, &error));
    g_assert_no_error (error);

    g_file_get_contents (links, &contents, NULL, &error);
    g_assert_no_error (error);
    edited = g_string_new (contents);
    g_string_replace (edited, "k2:natto-kamao-2007\tusda:16113\tsame", "k2:natto-kamao-2007\t\tnone", 0);
    g_string_replace (edited, "k2:natto-tsukamoto-2000\tusda:16113\tsame", "k2:natto-tsukamoto-2000\t\tnone", 0);
    g_string_replace (edited, "k2:natto-tsukamoto-2000\tusda:16113\tkind", "k2:natto-tsukamoto-2000\t\tnone", 0);
    g_file_set_contents (links, edited->str, -1, &error);
    g_assert_no_error (error);

    g_clear_pointer (&contents, g_free);
    g_file_get_contents (values, &contents, NULL, &error);
    g_assert_no_error (error);
    g_string_free (edited, TRUE);
    edited = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (edited, "usda:16113\tcalcium\t217\t", "usda:16113\tcalcium\t1\t", 1), ==, 1);
    g_file_set_contents (values, edited->str, -1, &error);
    g_assert_no_error (error);

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  /* The past entry still has what it was logged with */
  {
    g_autoptr(CfContext) context = cf_context_new (diary, changed_db, &error);
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(CfFood) natto = NULL;
    const CfNutrients *per_100g;

    g_assert_no_error (error);
    natto = get_food (context, "usda:16113");
    g_assert_cmpfloat (cf_food_get_nutrient (natto, CF_NUTRIENT_CALCIUM), ==, 1);
    g_assert_true (isnan (cf_food_get_nutrient (natto, CF_NUTRIENT_MK7)));

    entries = cf_diary_list_day (cf_context_get_diary (context), &day, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    per_100g = cf_diary_entry_get_nutrients_per_100g (g_ptr_array_index (entries, 0));
    g_assert_cmpfloat (cf_nutrients_get (per_100g, CF_NUTRIENT_MK7), ==, logged_mk7);
    g_assert_cmpfloat (cf_nutrients_get (per_100g, CF_NUTRIENT_CALCIUM), ==, logged_calcium);
    /* … and still knows which of them were borrowed */
    g_assert_cmpint (cf_diary_entry_get_value_kind (g_ptr_array_index (entries, 0), CF_NUTRIENT_MK7),
                     ==, CF_VALUE_BORROWED);
    g_assert_cmpint (cf_diary_entry_get_value_kind (g_ptr_array_index (entries, 0), CF_NUTRIENT_CALCIUM),
                     ==, CF_VALUE_MEASURED);
  }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
}

static CfDiaryEntry *
only_entry (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  GDate day = day_n (0);
  g_autoptr(GPtrArray) entries = cf_diary_list_day (cf_context_get_diary (context), &day, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);

  return g_object_ref (g_ptr_array_index (entries, 0));
}

/* Borrowed, assumed and measured values of an entry stay apart in the
 * diary, in the export and through an import */
static void
test_entry_value_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *kinds;

  {
    g_autoptr(CfContext) context = cf_test_context_new (TRUE);
    g_autoptr(CfDiaryEntry) entry = NULL;
    g_autoptr(CfFood) broccoli = NULL;
    g_autoptr(CfDiaryEntry) second = NULL;
    GDate day = day_n (1);

    log_food (context, 0, "usda:16113", 50);
    entry = only_entry (context);
    g_assert_cmpint (cf_diary_entry_get_value_kind (entry, CF_NUTRIENT_MK7), ==, CF_VALUE_BORROWED);
    g_assert_cmpint (cf_diary_entry_get_value_kind (entry, CF_NUTRIENT_CALCIUM), ==, CF_VALUE_MEASURED);

    /* An assumed zero: unfermented plant food */
    broccoli = get_food (context, "usda:11090");
    g_assert_cmpint (cf_food_get_value_kind (broccoli, CF_NUTRIENT_MK7), ==, CF_VALUE_ASSUMED);
    second = cf_diary_entry_new (&day, CF_MEAL_DINNER, broccoli, 80, NULL, 0);
    g_assert_true (cf_diary_add (cf_context_get_diary (context), second, &error));
    g_assert_no_error (error);

    exported = cf_export_to_data (context, &error);
    g_assert_no_error (error);
  }

  root = cf_json_parse (exported, strlen (exported), CF_MAX_JSON_DEPTH, &error);
  g_assert_no_error (error);
  {
    JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entries");
    gboolean natto_seen = FALSE, broccoli_seen = FALSE;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        const char *food_id = json_object_get_string_member (json_object_get_object_member (entry, "food"), "id");

        g_assert_true (json_object_has_member (entry, "value_kinds"));
        kinds = json_object_get_object_member (entry, "value_kinds");
        g_assert_false (json_object_has_member (kinds, "calcium"));
        if (g_strcmp0 (food_id, "usda:16113") == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (kinds, "mk7"), ==, "borrowed");
            natto_seen = TRUE;
          }
        else
          {
            g_assert_cmpstr (food_id, ==, "usda:11090");
            g_assert_cmpstr (json_object_get_string_member (kinds, "mk7"), ==, "assumed");
            broccoli_seen = TRUE;
          }
      }
    g_assert_true (natto_seen && broccoli_seen);
  }

  /* Read back into an empty diary: the same kinds */
  {
    g_autoptr(CfContext) context = cf_test_context_new (TRUE);
    g_autoptr(CfDiaryEntry) entry = NULL;

    g_assert_true (cf_import_from_data (context, exported, strlen (exported), NULL, &error));
    g_assert_no_error (error);
    entry = only_entry (context);
    g_assert_cmpint (cf_diary_entry_get_value_kind (entry, CF_NUTRIENT_MK7), ==, CF_VALUE_BORROWED);
    g_assert_cmpint (cf_diary_entry_get_value_kind (entry, CF_NUTRIENT_CALCIUM), ==, CF_VALUE_MEASURED);
  }

  /* A kind that is not one, or a kind for a value the entry lacks,
   * is refused with the member named */
  {
    struct { const char *key, *kind, *message; } cases[] = {
      { "mk7", "guessed", "value_kinds.mk7" },
      { "nonsense", "assumed", "value_kinds.nonsense" },
      { NULL, "borrowed", "a value the entry does not have" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(CfContext) context = cf_test_context_new (TRUE);
        g_autoptr(JsonNode) copy = cf_json_parse (exported, strlen (exported), CF_MAX_JSON_DEPTH, &error);
        JsonArray *entries = json_object_get_array_member (json_node_get_object (copy), "entries");
        g_autoptr(GError) local_error = NULL;
        g_autofree char *edited = NULL;

        g_assert_no_error (error);
        /* The natto entry's kinds */
        for (guint j = 0; j < json_array_get_length (entries); j++)
          {
            JsonObject *entry = json_array_get_object_element (entries, j);

            kinds = json_object_get_object_member (entry, "value_kinds");
            if (json_object_has_member (kinds, "mk7") &&
                g_strcmp0 (json_object_get_string_member (kinds, "mk7"), "borrowed") == 0)
              {
                JsonObject *per_100g = json_object_get_object_member (entry, "per_100g");
                const char *key = cases[i].key;

                /* No key given: a nutrient the entry has no value of */
                for (guint n = 0; key == NULL && n < CF_N_NUTRIENTS; n++)
                  {
                    if (!json_object_has_member (per_100g, cf_nutrient_get_key (n)) ||
                        json_object_get_null_member (per_100g, cf_nutrient_get_key (n)))
                      key = cf_nutrient_get_key (n);
                  }
                g_assert_nonnull (key);
                json_object_set_string_member (kinds, key, cases[i].kind);
              }
          }
        edited = cf_json_write (copy, FALSE);
        g_assert_false (cf_import_from_data (context, edited, strlen (edited), NULL, &local_error));
        g_assert_nonnull (local_error);
        g_test_message ("%s", local_error->message);
        g_assert_nonnull (strstr (local_error->message, cases[i].message));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/k2/link-table", test_link_table);
  g_test_add_func ("/cofactor/k2/natto-search", test_natto_search);
  g_test_add_func ("/cofactor/k2/coverage-classes", test_coverage_classes);
  g_test_add_func ("/cofactor/k2/cheese-fortnight", test_cheese_fortnight);
  g_test_add_func ("/cofactor/k2/natto-fortnight", test_natto_fortnight);
  g_test_add_func ("/cofactor/k2/entries-keep-values", test_entries_keep_values);
  g_test_add_func ("/cofactor/k2/entry-value-kinds", test_entry_value_kinds);

  return g_test_run ();
}
