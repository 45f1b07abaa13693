/* cofactor-cli.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cofactor-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>

#include "cf-backup.h"
#include "cf-context.h"
#include "cf-csv-export.h"
#include "cf-date.h"
#include "cf-error.h"
#include "cf-food-groups.h"
#include "cf-insight-engine.h"
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-parse.h"
#include "cf-knowledge.h"
#include "cf-ranking.h"
#include "cf-targets.h"
#include "cf-tracker-import.h"
#include "cf-transfer.h"

/* Exit codes: 0 success, 1 the command failed, 2 the command line was
 * wrong. */
#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* Nutrients shown for each entry of a day in text output */
static const CfNutrient key_nutrients[] = {
  CF_NUTRIENT_CALCIUM,
  CF_NUTRIENT_MAGNESIUM,
  CF_NUTRIENT_VITAMIN_D,
  CF_NUTRIENT_VITAMIN_K1,
  CF_NUTRIENT_MK4,
  CF_NUTRIENT_MK7,
  CF_NUTRIENT_VITAMIN_K2_TOTAL,
  CF_NUTRIENT_VITAMIN_K_UNSTATED,
};

/* Figures of a day that combine nutrients, by the core's rules */
static const CfIntake day_intakes[] = {
  CF_INTAKE_VITAMIN_K2,
  CF_INTAKE_VITAMIN_K_TOTAL,
};

static gboolean opt_json;
static char *opt_database;
static char *opt_foods_db;
static char *opt_limit_text;
static int opt_limit = 20;
static char *opt_source;
static char *opt_per;
static gboolean opt_off;
static gboolean opt_force;

/* Profile for targets and insights; each overrides the user's settings
 * when the settings schema is installed */
static char *opt_sex;
static char *opt_birth_date;
static char *opt_age;
static char *opt_condition;
static char *opt_reference;
static char *opt_weight;
static char *opt_k2_goal;
static char *opt_from;
static char *opt_to;
static gboolean opt_dry_run;
static char *opt_format;
static char *opt_table;

static const GOptionEntry global_entries[] = {
  { "json", 'j', 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print JSON for scripts instead of text"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("Use this diary file instead of the default one"), N_("FILE") },
  { "foods-db", 0, 0, G_OPTION_ARG_FILENAME, &opt_foods_db,
    N_("Use this food database (also $COFACTOR_FOODS_DB)"), N_("FILE") },
  { "limit", 'n', 0, G_OPTION_ARG_STRING, &opt_limit_text,
    N_("Show at most N search results (default 20)"), N_("N") },
  { "source", 's', 0, G_OPTION_ARG_STRING, &opt_source,
    N_("Search only these sources: usda, k2, custom, comma-separated"), N_("SOURCES") },
  { "per", 0, 0, G_OPTION_ARG_STRING, &opt_per,
    N_("Rank per 100g (default), 100kcal or serving"), N_("BASIS") },
  { "off", 0, 0, G_OPTION_ARG_NONE, &opt_off,
    N_("With favourite: remove the food from the favourites"), NULL },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_("With backup: back up a diary that holds less than its last backup; with restore: replace a diary that is not damaged"), NULL },
  { "sex", 0, 0, G_OPTION_ARG_STRING, &opt_sex,
    N_("Sex for targets: female, male or unspecified"), N_("SEX") },
  { "birth-date", 0, 0, G_OPTION_ARG_STRING, &opt_birth_date,
    N_("Birth date for targets (YYYY-MM-DD)"), N_("DATE") },
  { "age", 0, 0, G_OPTION_ARG_STRING, &opt_age,
    N_("Age in years for targets, instead of a birth date"), N_("YEARS") },
  { "condition", 0, 0, G_OPTION_ARG_STRING, &opt_condition,
    N_("none, pregnancy or lactation"), N_("CONDITION") },
  { "reference", 0, 0, G_OPTION_ARG_STRING, &opt_reference,
    N_("Reference intakes: nasem (default), efsa or dach"), N_("SET") },
  { "weight", 0, 0, G_OPTION_ARG_STRING, &opt_weight,
    N_("Body weight in kg, for targets given per kg"), N_("KG") },
  { "k2-goal", 0, 0, G_OPTION_ARG_STRING, &opt_k2_goal,
    N_("Personal vitamin K2 goal in µg a day"), N_("UG") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from,
    N_("First day for insights (default: 29 days before --to)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to,
    N_("Last day for insights (default: today)"), N_("DATE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &opt_dry_run,
    N_("With import: show what would be imported and write nothing"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format,
    N_("With export: json (default) or csv"), N_("FORMAT") },
  { "table", 0, 0, G_OPTION_ARG_STRING, &opt_table,
    N_("With export --format csv: days (default, one row per day) or entries"), N_("TABLE") },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("cofactor-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILED;
}

static int
usage_error (const char *message)
{
  g_printerr ("cofactor-cli: %s\n", message);
  g_printerr ("%s\n", _("Run “cofactor-cli --help” for usage."));
  return EXIT_USAGE;
}

static void
print_json (JsonBuilder *builder)
{
  g_autofree char *text = cf_json_to_string (builder);

  g_print ("%s\n", text);
}

static char *
pad (const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *s = g_string_new (text);

  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (s, ' ');

  return g_string_free (s, FALSE);
}

/* --limit, a whole number read strictly */
static gboolean
parse_limit (void)
{
  double limit = opt_limit;

  if (opt_limit_text != NULL &&
      (!cf_parse_decimal (opt_limit_text, &limit, NULL) || limit != floor (limit)))
    return FALSE;

  if (limit < 1 || limit > 10000)
    return FALSE;

  opt_limit = (int) limit;
  return TRUE;
}

static gboolean
parse_sources (CfSearchFlags *flags,
               GError       **error)
{
  g_auto(GStrv) parts = NULL;

  *flags = CF_SEARCH_ALL;
  if (opt_source == NULL)
    return TRUE;

  *flags = 0;
  parts = g_strsplit (opt_source, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      if (g_ascii_strcasecmp (parts[i], "usda") == 0)
        *flags |= CF_SEARCH_USDA;
      else if (g_ascii_strcasecmp (parts[i], "k2") == 0)
        *flags |= CF_SEARCH_K2;
      else if (g_ascii_strcasecmp (parts[i], "custom") == 0)
        *flags |= CF_SEARCH_MINE;
      else
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Unknown source “%s”; use usda, k2 or custom"), parts[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static int
cmd_search (CfContext  *context,
            char      **args)
{
  g_autoptr(GPtrArray) foods = NULL;
  g_autofree char *text = NULL;
  g_autofree char *corrected = NULL;
  CfSearchFlags flags;
  GError *error = NULL;

  if (args[0] == NULL)
    return usage_error (_("search needs the text to search for"));
  if (!parse_limit ())
    return usage_error (_("--limit must be between 1 and 10000"));
  if (!parse_sources (&flags, &error))
    {
      usage_error (error->message);
      g_error_free (error);
      return EXIT_USAGE;
    }

  text = g_strjoinv (" ", args);
  foods = cf_food_store_search (cf_context_get_food_store (context), text, flags, NULL,
                                NULL, opt_limit, &corrected, &error);
  if (foods == NULL)
    return fail (error);

  /* On stderr, so that the results stay one food per line */
  if (corrected != NULL)
    /* Translators: %s is the search text with a misspelt word corrected */
    g_printerr (_("Showing results for “%s”.\n"), corrected);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < foods->len; i++)
        {
          CfFood *found = g_ptr_array_index (foods, i);
          /* A search result is loaded without where each value comes
           * from and without portions; the JSON gives them all, as
           * `food --json` does, so that a borrowed value is not shown
           * as measured */
          g_autoptr(CfFood) full = cf_food_store_get_food (cf_context_get_food_store (context),
                                                           cf_food_get_id (found), NULL);

          cf_json_add_food (builder, full != NULL ? full : found, TRUE);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  if (foods->len == 0)
    {
      g_print (_("No food matches “%s”.\n"), text);
      return 0;
    }

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      g_autofree char *id = pad (cf_food_get_id (food), 24);
      g_autoptr(GString) k2 = g_string_new (NULL);

      g_print ("%s %s%s%s\n", id, cf_food_get_display_name (food),
               cf_food_get_brand (food) ? " — " : "",
               cf_food_get_brand (food) ? cf_food_get_brand (food) : "");
      /* The source's name beneath a name in the user's language */
      if (cf_food_get_local_name (food) != NULL)
        g_print ("%25s%s\n", "", cf_food_get_name (food));

      /* Vitamin K2 values are rare and are why many search: show them,
       * with where they come from. */
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          g_autofree char *value = NULL;

          /* Zeros (mostly "none expected") tell nothing in a list */
          if (!cf_nutrient_is_vitamin_k2 (n) || !cf_nutrients_has (cf_food_get_nutrients (food), n) ||
              cf_food_get_nutrient (food, n) == 0)
            continue;

          value = cf_nutrient_format_value (n, cf_food_get_nutrient (food, n));
          g_string_append_printf (k2, "%s%s %s", k2->len ? ", " : "", cf_nutrient_get_short_name (n), value);
        }

      if (k2->len > 0)
        {
          /* Translators: %s is a list such as "MK-7 939.0 µg" */
          g_autofree char *line = g_strdup_printf (_("%s per 100 g"), k2->str);

          g_print ("%25s%s\n", "", line);
        }
      if (cf_food_get_source (food) == CF_FOOD_SOURCE_K2 && cf_food_get_citation (food))
        {
          /* Translators: %s is a literature reference */
          g_autofree char *line = g_strdup_printf (_("Source: %s"), cf_food_get_citation (food));

          g_print ("%25s%s\n", "", line);
        }
    }

  return 0;
}

static int
cmd_food (CfContext  *context,
          char      **args)
{
  g_autofree char *id = NULL;
  g_autoptr(CfFood) food = NULL;
  GListModel *portions;
  GPtrArray *alternatives;
  GError *error = NULL;
  int group = -1;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("food needs exactly one food id, e.g. usda:01009"));

  id = cf_canonical_id (args[0]);
  food = cf_food_store_get_food (cf_context_get_food_store (context), id, &error);
  if (food == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_json_add_food (builder, food, TRUE);
      print_json (builder);
      return 0;
    }

  g_print ("%s\n", cf_food_get_display_name (food));
  if (cf_food_get_local_name (food) != NULL)
    g_print (_("Name in its source: %s\n"), cf_food_get_name (food));
  g_print (_("Id: %s\n"), cf_food_get_id (food));
  if (cf_food_get_brand (food))
    g_print (_("Brand: %s\n"), cf_food_get_brand (food));
  if (cf_food_get_group_name (food))
    g_print (_("Group: %s\n"), cf_food_group_get_display_name (cf_food_get_group_name (food)));
  if (cf_food_get_citation (food))
    g_print (_("Source: %s\n"), cf_food_get_citation (food));
  if (cf_food_get_note (food))
    g_print (_("Note: %s\n"), cf_food_get_note (food));

  g_print ("\n%s\n", _("Nutrients per 100 g"));
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      g_autofree char *name = pad (cf_nutrient_get_name (n), 36);
      g_autofree char *value = cf_nutrient_format_value (n, cf_food_get_nutrient (food, n));
      g_autofree char *padded = pad (value, 14);
      const char *origin = cf_food_get_origin (food, n);

      if ((int) cf_nutrient_get_group (n) != group)
        {
          group = cf_nutrient_get_group (n);
          g_print ("  %s\n", cf_nutrient_group_get_name (group));
        }

      g_print ("    %s %s %s\n", name, padded, origin ? origin : "");
    }

  alternatives = cf_food_get_k2_alternatives (food);
  if (alternatives != NULL)
    {
      g_print ("\n%s\n", _("Vitamin K2 from other tables (the first one’s values are used)"));
      for (guint i = 0; i < alternatives->len; i++)
        {
          CfFood *alternative = g_ptr_array_index (alternatives, i);
          g_autoptr(GString) values = g_string_new (NULL);

          for (guint n = 0; n < CF_N_NUTRIENTS; n++)
            {
              g_autofree char *value = NULL;

              if (!cf_nutrient_is_vitamin_k2 (n) || isnan (cf_food_get_nutrient (alternative, n)))
                continue;
              value = cf_nutrient_format_value (n, cf_food_get_nutrient (alternative, n));
              g_string_append_printf (values, "%s%s %s", values->len ? ", " : "",
                                      cf_nutrient_get_short_name (n), value);
            }

          g_print ("  %s (%s)\n    %s\n    %s\n", cf_food_get_display_name (alternative), cf_food_get_id (alternative),
                   values->str, cf_food_get_citation (alternative) ? cf_food_get_citation (alternative) : "");
        }
    }

  portions = cf_food_get_portions (food);
  if (g_list_model_get_n_items (portions) > 0)
    {
      g_print ("\n%s\n", _("Portions"));
      for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
        {
          g_autoptr(CfPortion) portion = g_list_model_get_item (portions, i);
          g_autofree char *display = cf_portion_dup_display (portion);

          g_print ("  %s\n", display);
        }
    }

  return 0;
}

static void
print_entry_line (CfDiaryEntry *entry)
{
  g_autofree char *amount = cf_diary_entry_dup_amount_label (entry);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_nutrients); i++)
    {
      double v = cf_diary_entry_get_nutrient (entry, key_nutrients[i]);
      g_autofree char *text = NULL;

      if (isnan (v))
        continue;

      text = cf_nutrient_format_value (key_nutrients[i], v);
      g_string_append_printf (values, "%s%s %s", values->len ? ", " : "",
                              cf_nutrient_get_short_name (key_nutrients[i]), text);
    }

  if (cf_diary_entry_get_origin (entry) != CF_ENTRY_ORIGIN_NONE)
    {
      const char *tracker = cf_entry_origin_get_name (cf_diary_entry_get_origin (entry));

      /* Translators: an entry imported from another tracker: the food,
       * its amount as the file wrote it (may be empty), the tracker's
       * name */
      g_print (_("    %s — %s (from %s)\n"), cf_diary_entry_get_food_name (entry), amount, tracker);
    }
  else
    g_print ("    %s — %s\n", cf_diary_entry_get_food_name (entry), amount);
  if (values->len > 0)
    g_print ("      %s\n", values->str);
}

static int
cmd_log (CfContext  *context,
         char      **args)
{
  g_autofree char *food_id = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autofree char *amount_text = NULL;
  GError *error = NULL;
  double grams, quantity;
  CfMeal meal;
  GDate day;

  if (g_strv_length (args) < 4)
    return usage_error (_("log needs DATE MEAL FOOD-ID AMOUNT, e.g. log today breakfast usda:01009 30g"));

  if (!cf_day_parse (args[0], &day, &error))
    return fail (error);

  if (!cf_meal_from_key (args[1], &meal))
    {
      g_printerr ("cofactor-cli: %s\n",
                  _("The meal must be breakfast, lunch, dinner, snacks or supplements"));
      return EXIT_FAILED;
    }

  food_id = cf_canonical_id (args[2]);
  food = cf_food_store_get_food (cf_context_get_food_store (context), food_id, &error);
  if (food == NULL)
    return fail (error);

  /* The amount may be given in several words: "1 cup, chopped" */
  amount_text = g_strjoinv (" ", args + 3);
  if (!cf_parse_amount (amount_text, food, &grams, &portion, &quantity, &error))
    return fail (error);

  entry = cf_diary_entry_new (&day, meal, food, grams, portion, quantity);
  if (!cf_diary_add (cf_context_get_diary (context), entry, &error))
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_json_add_entry (builder, entry);
      print_json (builder);
    }
  else
    {
      g_autofree char *iso = cf_day_to_iso (&day);
      g_autofree char *label = cf_diary_entry_dup_amount_label (entry);

      /* Translators: "Logged <amount> of <food> for <meal> on <date>" */
      g_print (_("Logged %s of %s for %s on %s\n"), label, cf_food_get_display_name (food),
               cf_meal_get_name (meal), iso);
    }

  return 0;
}

/* The day's vitamin K2 and total vitamin K by the one rule of the
 * core (cf_intake_per_100g()): the amount, NaN when nothing counted,
 * and the share of the food's weight whose value is known */
static void
day_intake (GPtrArray *entries,
            CfIntake   intake,
            double    *value,
            double    *coverage)
{
  double grams = 0, known = 0, sum = 0;
  guint counted = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      gboolean weighed = cf_diary_entry_has_weight (entry);
      double g = weighed ? cf_diary_entry_get_grams (entry) : 0;
      /* An imported entry without a weight adds its amounts as they
       * are, and does not count in the share of food with data */
      gboolean food = weighed && cf_diary_entry_get_food_kind (entry) != CF_FOOD_KIND_SUPPLEMENT;
      CfNutrients amounts;
      double v;

      if (weighed)
        v = cf_intake_per_100g (intake, cf_diary_entry_get_nutrients_per_100g (entry)) * g / 100.0;
      else
        {
          cf_diary_entry_get_amounts (entry, &amounts);
          v = cf_intake_per_100g (intake, &amounts);
        }

      if (food)
        grams += g;
      if (isnan (v))
        continue;
      sum += v;
      counted++;
      if (food)
        known += g;
    }

  *value = counted > 0 ? sum : NAN;
  *coverage = grams > 0 ? known / grams : NAN;
}

static int
cmd_day (CfContext  *context,
         char      **args)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CfNutrientTotals) totals = NULL;
  g_autofree char *iso = NULL;
  CfDiary *diary = cf_context_get_diary (context);
  GError *error = NULL;
  GDate day;
  int meal = -1;

  if (args[0] != NULL && args[1] != NULL)
    return usage_error (_("day takes one date"));

  if (!cf_day_parse (args[0] ? args[0] : "today", &day, &error))
    return fail (error);

  entries = cf_diary_list_day (diary, &day, &error);
  if (entries == NULL)
    return fail (error);

  totals = cf_diary_get_totals (diary, &day, &day, -1, &error);
  if (totals == NULL)
    return fail (error);

  iso = cf_day_to_iso (&day);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "entries");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        cf_json_add_entry (builder, g_ptr_array_index (entries, i));
      json_builder_end_array (builder);

      /* For each nutrient: the total (null when no entry had a value)
       * and the share of the day's grams that had one. */
      json_builder_set_member_name (builder, "totals");
      json_builder_begin_object (builder);
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          double value = cf_nutrient_totals_get (totals, n);
          double coverage = cf_nutrient_totals_get_coverage (totals, n);

          json_builder_set_member_name (builder, cf_nutrient_get_key (n));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          if (isnan (value))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, value);
          json_builder_set_member_name (builder, "coverage");
          if (isnan (coverage))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, coverage);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);

      /* Vitamin K2 and total vitamin K by the coverage rule */
      json_builder_set_member_name (builder, "intakes");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (day_intakes); i++)
        {
          double value, coverage;

          day_intake (entries, day_intakes[i], &value, &coverage);
          json_builder_set_member_name (builder, cf_intake_get_key (day_intakes[i]));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          if (isnan (value))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, value);
          json_builder_set_member_name (builder, "coverage");
          if (isnan (coverage))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, coverage);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  g_print ("%s\n", iso);
  if (entries->len == 0)
    {
      g_print ("  %s\n", _("Nothing logged."));
      return 0;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);

      if ((int) cf_diary_entry_get_meal (entry) != meal)
        {
          meal = cf_diary_entry_get_meal (entry);
          g_print ("  %s\n", cf_meal_get_name (meal));
        }
      print_entry_line (entry);
    }

  g_print ("\n  %s\n", _("Totals"));
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      g_autofree char *name = pad (cf_nutrient_get_name (n), 36);
      g_autofree char *value = cf_nutrient_format_value (n, cf_nutrient_totals_get (totals, n));
      double coverage = cf_nutrient_totals_get_coverage (totals, n);

      if (!isnan (coverage) && coverage < 0.995)
        {
          g_autofree char *padded = pad (value, 14);
          /* Translators: how much of the day's food had a value for a
           * nutrient, e.g. "data for 40% of the food" */
          g_autofree char *share = g_strdup_printf (_("data for %.0f%% of the food"), coverage * 100);

          g_print ("    %s %s %s\n", name, padded, share);
        }
      else
        g_print ("    %s %s\n", name, value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (day_intakes); i++)
    {
      g_autofree char *name = pad (cf_intake_get_name (day_intakes[i]), 36);
      g_autofree char *value_text = NULL;
      g_autofree char *padded = NULL;
      double value, coverage;

      day_intake (entries, day_intakes[i], &value, &coverage);
      value_text = cf_intake_format_value (day_intakes[i], value);
      padded = pad (value_text, 14);
      if (!isnan (coverage) && coverage < 0.995)
        {
          g_autofree char *share = g_strdup_printf (_("data for %.0f%% of the food"), coverage * 100);
          g_print ("    %s %s %s\n", name, padded, share);
        }
      else
        g_print ("    %s %s\n", name, value_text);
      g_print ("      %s\n", cf_intake_get_forms (day_intakes[i]));
    }

  return 0;
}

static int
cmd_export (CfContext  *context,
            char      **args)
{
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("export needs one file name (or - for standard output)"));

  if (opt_format != NULL && strcmp (opt_format, "json") != 0 && strcmp (opt_format, "csv") != 0)
    return usage_error (_("--format must be json or csv"));

  if (g_strcmp0 (opt_format, "csv") == 0)
    {
      CfCsvTable table = CF_CSV_TABLE_DAYS;

      if (opt_table != NULL && !cf_csv_table_from_key (opt_table, &table))
        return usage_error (_("--table must be days or entries"));

      if (strcmp (args[0], "-") == 0)
        {
          g_autofree char *data = cf_csv_export_to_data (context, table, &error);

          if (data == NULL)
            return fail (error);
          fputs (data, stdout);
          return 0;
        }

      file = g_file_new_for_commandline_arg (args[0]);
      if (!cf_csv_export_to_file (context, table, file, &error))
        return fail (error);
    }
  else if (opt_table != NULL)
    return usage_error (_("--table goes with --format csv"));
  else if (strcmp (args[0], "-") == 0)
    {
      g_autofree char *data = cf_export_to_data (context, &error);

      if (data == NULL)
        return fail (error);
      g_print ("%s\n", data);
      return 0;
    }
  else
    {
      file = g_file_new_for_commandline_arg (args[0]);
      if (!cf_export_to_file (context, file, &error))
        return fail (error);
    }

  if (opt_json)
    g_print ("{ \"exported\" : true }\n");
  else
    g_print (_("Exported to %s\n"), args[0]);

  return 0;
}

static int
cmd_import (CfContext  *context,
            char      **args)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfImportPlan) plan = NULL;
  CfImportCounts counts = { 0, };
  GError *error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("import needs one file name"));

  /* A Cofactor export, or a Cronometer or MyFitnessPal export: the
   * content tells which */
  file = g_file_new_for_commandline_arg (args[0]);
  plan = cf_import_plan_new_for_file (context, file, &error);
  if (plan == NULL)
    {
      /* Translators: a sentence put before the reason of the failure;
       * keep the space at the end */
      g_prefix_error (&error, _("Nothing was imported. "));
      return fail (error);
    }

  if (opt_dry_run)
    {
      g_auto(GStrv) summary = cf_import_plan_dup_summary (plan);

      if (opt_json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "format");
          json_builder_add_string_value (builder, cf_import_format_get_name (cf_import_plan_get_format (plan)));
          json_builder_set_member_name (builder, "entries");
          json_builder_add_int_value (builder, cf_import_plan_get_n_entries (plan));
          json_builder_set_member_name (builder, "new_entries");
          json_builder_add_int_value (builder, cf_import_plan_get_n_new_entries (plan));
          json_builder_set_member_name (builder, "days");
          json_builder_add_int_value (builder, cf_import_plan_get_n_days (plan));
          json_builder_set_member_name (builder, "ignored_columns");
          json_builder_begin_array (builder);
          for (const char * const *c = cf_import_plan_get_ignored_columns (plan); *c; c++)
            json_builder_add_string_value (builder, *c);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "left_out_columns");
          json_builder_begin_array (builder);
          for (const char * const *c = cf_import_plan_get_left_out_columns (plan); *c; c++)
            json_builder_add_string_value (builder, *c);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "summary");
          json_builder_begin_array (builder);
          for (guint i = 0; summary[i]; i++)
            json_builder_add_string_value (builder, summary[i]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          print_json (builder);
        }
      else
        {
          for (guint i = 0; summary[i]; i++)
            g_print ("%s\n", summary[i]);
          g_print ("%s\n", _("Nothing was written (--dry-run)."));
        }
      return 0;
    }

  if (!cf_import_plan_apply (plan, &counts, &error))
    {
      g_prefix_error (&error, _("Nothing was imported. "));
      return fail (error);
    }

  if (opt_json)
    g_print ("{ \"foods\" : %u, \"entries\" : %u }\n", counts.foods, counts.entries);
  else
    {
      g_autofree char *foods = g_strdup_printf (g_dngettext (NULL, "%u food", "%u foods", counts.foods),
                                                counts.foods);
      g_autofree char *entries = g_strdup_printf (g_dngettext (NULL, "%u diary entry", "%u diary entries",
                                                               counts.entries),
                                                  counts.entries);

      /* Translators: the first %s is a number of foods ("1 food"), the
       * second a number of diary entries ("3 diary entries") */
      g_print (_("Imported %s and %s\n"), foods, entries);
    }

  return 0;
}

static void print_line (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

/* Prints an indented line of a command's text output */
static void
print_line (const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("    %s\n", text);
}

/* The profile from the settings (when installed), then the options;
 * returns a message for a wrong option, or NULL */
static char *
build_profile (CfProfile **out)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(GSettings) settings = cf_profile_get_settings ();
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    cf_profile_load_settings (profile, settings);

  if (opt_sex != NULL)
    {
      CfSex sex;

      if (!cf_sex_from_key (opt_sex, &sex))
        return g_strdup_printf (_("Unknown sex “%s”; use female, male or unspecified"), opt_sex);
      cf_profile_set_sex (profile, sex);
    }

  if (opt_birth_date != NULL)
    {
      GDate birth;

      if (!cf_day_parse (opt_birth_date, &birth, &error))
        return g_strdup_printf (_("--birth-date: %s"), error->message);
      cf_profile_set_birth_date (profile, &birth);
    }

  if (opt_age != NULL)
    {
      double age;

      if (!cf_parse_decimal (opt_age, &age, &error))
        return g_strdup_printf ("--age: %s", error->message);
      if (!(age >= 0 && age <= 150))
        return g_strdup (_("--age must be a number of years from 0 to 150"));
      if (opt_birth_date == NULL)
        cf_profile_set_birth_date (profile, NULL);
      cf_profile_set_age (profile, age);
    }

  if (opt_condition != NULL)
    {
      CfCondition condition;

      if (!cf_condition_from_key (opt_condition, &condition))
        return g_strdup_printf (_("Unknown condition “%s”; use none, pregnancy or lactation"), opt_condition);
      cf_profile_set_condition (profile, condition);
    }

  if (opt_reference != NULL)
    {
      CfReferenceSet set;

      if (!cf_reference_set_from_key (opt_reference, &set))
        return g_strdup_printf (_("Unknown reference set “%s”; use nasem, efsa or dach"), opt_reference);
      cf_profile_set_reference_set (profile, set);
    }

  if (opt_weight != NULL)
    {
      double weight;

      if (!cf_parse_decimal (opt_weight, &weight, &error))
        return g_strdup_printf ("--weight: %s", error->message);
      if (!(weight > 0 && weight < 700))
        return g_strdup (_("--weight must be a weight in kg"));
      cf_profile_set_body_weight (profile, weight);
    }

  if (opt_k2_goal != NULL)
    {
      double goal;

      if (!cf_parse_decimal (opt_k2_goal, &goal, &error))
        return g_strdup_printf ("--k2-goal: %s", error->message);
      if (!(goal >= 0 && goal < 100000))
        return g_strdup (_("--k2-goal must be an amount in µg"));
      cf_profile_set_k2_goal (profile, goal);
    }

  if (!cf_profile_validate (profile, &error))
    return g_strdup (error->message);

  *out = g_steal_pointer (&profile);
  return NULL;
}

/* One line on the profile, e.g. "female, 40 years, pregnancy; NASEM" */
static char *
describe_profile (const CfProfile *profile,
                  const GDate     *date)
{
  double age = cf_profile_get_age_on (profile, date);
  g_autofree char *age_text = NULL;
  const char *sex;
  const char *condition = NULL;

  switch (cf_profile_get_sex (profile))
    {
    case CF_SEX_FEMALE:
      sex = _("female");
      break;
    case CF_SEX_MALE:
      sex = _("male");
      break;
    case CF_SEX_UNSPECIFIED:
    default:
      sex = _("sex not set");
      break;
    }

  if (isnan (age))
    age_text = g_strdup (_("age not set"));
  else
    age_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", (gulong) age), (int) age);

  if (cf_profile_get_condition (profile) == CF_CONDITION_PREGNANCY)
    condition = _("pregnancy");
  else if (cf_profile_get_condition (profile) == CF_CONDITION_LACTATION)
    condition = _("lactation");

  if (condition != NULL)
    /* Translators: sex, age, pregnancy or lactation, reference set */
    return g_strdup_printf (_("%s, %s, %s; %s"), sex, age_text, condition,
                            cf_reference_set_get_name (cf_profile_get_reference_set (profile)));

  /* Translators: sex, age, reference set */
  return g_strdup_printf (_("%s, %s; %s"), sex, age_text,
                          cf_reference_set_get_name (cf_profile_get_reference_set (profile)));
}

static void
json_add_number_or_null (JsonBuilder *builder,
                         const char  *member,
                         double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
json_add_string_or_null (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
json_add_profile (JsonBuilder     *builder,
                  const CfProfile *profile,
                  const GDate     *date)
{
  g_autofree char *birth = NULL;

  if (cf_profile_get_birth_date (profile))
    birth = cf_day_to_iso (cf_profile_get_birth_date (profile));

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  json_add_string_or_null (builder, "sex", cf_sex_to_key (cf_profile_get_sex (profile)));
  json_add_string_or_null (builder, "birth_date", birth);
  json_add_number_or_null (builder, "age", cf_profile_get_age_on (profile, date));
  json_add_string_or_null (builder, "condition", cf_condition_to_key (cf_profile_get_condition (profile)));
  json_add_string_or_null (builder, "reference_set", cf_reference_set_to_key (cf_profile_get_reference_set (profile)));
  json_add_number_or_null (builder, "body_weight", cf_profile_get_body_weight (profile));
  json_builder_end_object (builder);
}

static char *
format_target_value (const CfTarget *t)
{
  g_autofree char *amount = NULL;

  if (!isnan (t->value))
    {
      amount = cf_intake_format_value (t->intake, t->value);
      if (t->intake == CF_INTAKE_VITAMIN_D)
        /* Translators: a vitamin D amount and the same in international
         * units, e.g. "15.0 µg (600 IU) a day" */
        return g_strdup_printf (_("%s (%.0f IU) a day"), amount, cf_vitamin_d_ug_to_iu (t->value));
      /* Translators: an amount per day, e.g. "1000 mg a day" */
      return g_strdup_printf (_("%s a day"), amount);
    }

  if (!isnan (t->energy_percent))
    /* Translators: a share of energy intake, e.g. "0.5 % of energy" */
    return g_strdup_printf (_("%.1f %% of energy"), t->energy_percent);

  if (!isnan (t->per_kg))
    /* Translators: an amount per kg of body weight, e.g. "0.83 g per kg
     * of body weight a day" */
    return g_strdup_printf (_("%.2f g per kg of body weight a day"), t->per_kg);

  return g_strdup (_("no value"));
}

static int
cmd_targets (CfContext  *context,
             char      **args)
{
  g_autoptr(CfProfile) profile = NULL;
  g_autoptr(CfTargets) targets = NULL;
  g_autofree char *message = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *description = NULL;
  GError *error = NULL;
  GDate date;

  if (args[0] != NULL && args[1] != NULL)
    return usage_error (_("targets takes at most one date"));

  if ((message = build_profile (&profile)) != NULL)
    return usage_error (message);

  if (!cf_day_parse (args[0] ? args[0] : "today", &date, &error))
    return fail (error);

  targets = cf_targets_new (profile, &date);
  iso = cf_day_to_iso (&date);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
      json_add_profile (builder, profile, &date);
      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
      for (guint i = 0; i < CF_N_TARGETS; i++)
        {
          const CfTarget *t = cf_targets_get (targets, i);

          json_builder_begin_object (builder);
          json_add_string_or_null (builder, "key", cf_target_id_to_key (t->id));
          json_add_string_or_null (builder, "name", cf_target_get_name (t));
          json_add_string_or_null (builder, "intake", cf_intake_get_key (t->intake));
          json_add_string_or_null (builder, "unit", cf_unit_get_symbol (cf_intake_get_unit (t->intake)));
          json_add_string_or_null (builder, "counts", cf_intake_get_forms (t->intake));
          json_add_number_or_null (builder, "value", t->value);
          json_add_number_or_null (builder, "energy_percent", t->energy_percent);
          json_add_number_or_null (builder, "per_kg", t->per_kg);
          json_add_string_or_null (builder, "value_type", t->value_type);
          json_add_string_or_null (builder, "value_type_name", cf_value_type_get_name (t->value_type));
          json_builder_set_member_name (builder, "overridden");
          json_builder_add_boolean_value (builder, t->overridden);
          json_add_number_or_null (builder, "reference_value", t->reference_value);
          json_add_string_or_null (builder, "reference_set",
                                   t->from_table ? cf_reference_set_to_key (t->set) : NULL);
          json_builder_set_member_name (builder, "fallback");
          json_builder_add_boolean_value (builder, t->fallback);
          json_add_string_or_null (builder, "life_stage", t->life_stage);
          json_add_string_or_null (builder, "source_url", t->source_url);
          json_add_string_or_null (builder, "citation", t->citation);
          json_add_string_or_null (builder, "table_file",
                                   t->from_table ? cf_reference_set_get_file_name (t->set) : NULL);
          json_builder_set_member_name (builder, "table_line");
          json_builder_add_int_value (builder, t->line);
          json_add_string_or_null (builder, "note", t->note);
          json_add_number_or_null (builder, "limit", t->limit);
          json_add_string_or_null (builder, "limit_type", t->limit_type);
          json_add_string_or_null (builder, "limit_scope",
                                   t->limit_scope == CF_LIMIT_SCOPE_SUPPLEMENTS ? "supplements" : "all");
          json_add_string_or_null (builder, "limit_note", t->limit_note);
          json_add_string_or_null (builder, "limit_reference_set",
                                   isnan (t->limit) ? NULL : cf_reference_set_to_key (t->limit_set));
          json_add_string_or_null (builder, "limit_life_stage", t->limit_life_stage);
          json_add_string_or_null (builder, "limit_source_url", t->limit_source_url);
          json_builder_set_member_name (builder, "limit_fallback");
          json_builder_add_boolean_value (builder, t->limit_fallback);
          json_add_string_or_null (builder, "limit_explanation", t->limit_explanation);
          json_add_string_or_null (builder, "explanation", t->explanation);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  description = describe_profile (profile, &date);
  /* Translators: a date and a description of the profile */
  g_print (_("Daily targets on %s for: %s\n"), iso, description);

  for (guint i = 0; i < CF_N_TARGETS; i++)
    {
      const CfTarget *t = cf_targets_get (targets, i);
      g_autofree char *name = pad (cf_target_get_name (t), 34);
      g_autofree char *value = format_target_value (t);
      g_autofree char *source = cf_target_dup_source_label (t);

      g_print ("\n%s %s\n", name, value);
      if (t->from_table || t->citation != NULL || t->overridden)
        g_print ("    %s\n", source);
      if (t->citation != NULL && !t->overridden)
        /* Translators: %s is the full citation of a target's source */
        print_line (_("Reference: %s"), t->citation);
      if (t->overridden && !isnan (t->reference_value))
        {
          g_autofree char *reference = cf_intake_format_value (t->intake, t->reference_value);

          print_line (_("Reference value: %s"), reference);
        }
      if (!isnan (t->limit))
        {
          g_autofree char *limit = cf_intake_format_value (t->intake, t->limit);
          g_autofree char *limit_source = cf_target_dup_limit_source_label (t);
          const char *scope = cf_target_get_limit_scope_label (t);

          if (scope != NULL)
            /* Translators: an upper limit, its kind (e.g. "UL") and
             * what it counts */
            print_line (_("Upper limit: %s a day (%s; %s)"), limit, t->limit_type, scope);
          else
            /* Translators: an upper limit and its kind (e.g. "UL") */
            print_line (_("Upper limit: %s a day (%s)"), limit, t->limit_type);
          if (t->limit_fallback && limit_source != NULL)
            /* Translators: %s is where the upper limit comes from, e.g.
             * "EFSA, adults >=18 y" */
            print_line (_("Limit from: %s"), limit_source);
        }
      if (t->limit_explanation)
        g_print ("    %s\n", t->limit_explanation);
      if (cf_intake_get_forms (t->intake))
        g_print ("    %s\n", cf_intake_get_forms (t->intake));
      if (t->explanation)
        g_print ("    %s\n", t->explanation);
      if (t->note && *t->note)
        /* Translators: %s is the table's note, in English */
        print_line (_("Table note: %s"), t->note);
      if (t->limit_note && *t->limit_note && g_strcmp0 (t->limit_note, t->note) != 0)
        /* Translators: %s is the table's note on the upper limit, in
         * English */
        print_line (_("Note on the limit: %s"), t->limit_note);
      if (t->source_url)
        print_line (_("Source: %s"), t->source_url);
      if (t->limit_fallback && t->limit_source_url)
        print_line (_("Source of the limit: %s"), t->limit_source_url);
    }

  return 0;
}

static int
cmd_insights (CfContext  *context,
              char      **args)
{
  g_autoptr(CfProfile) profile = NULL;
  g_autoptr(CfInsightEngine) engine = NULL;
  g_autoptr(GPtrArray) insights = NULL;
  g_autofree char *message = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *description = NULL;
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  GError *error = NULL;
  GDate from, to;

  if (args[0] != NULL)
    return usage_error (_("insights takes no arguments; use --from and --to"));

  if ((message = build_profile (&profile)) != NULL)
    return usage_error (message);

  if (!cf_day_parse (opt_to ? opt_to : "today", &to, &error))
    return fail (error);
  if (opt_from != NULL)
    {
      if (!cf_day_parse (opt_from, &from, &error))
        return fail (error);
    }
  else
    {
      from = to;
      g_date_subtract_days (&from, 29);
    }
  if (g_date_compare (&from, &to) > 0)
    return usage_error (_("--from must not be after --to"));

  engine = cf_insight_engine_new (context);
  cf_insight_engine_set_profile (engine, profile);
  insights = cf_insight_engine_run (engine, &from, &to, &error);
  if (insights == NULL)
    return fail (error);

  from_iso = cf_day_to_iso (&from);
  to_iso = cf_day_to_iso (&to);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_string_or_null (builder, "from", from_iso);
      json_add_string_or_null (builder, "to", to_iso);
      json_add_profile (builder, profile, &to);
      json_builder_set_member_name (builder, "insights");
      json_builder_begin_array (builder);
      for (guint i = 0; i < insights->len; i++)
        {
          CfInsight *insight = g_ptr_array_index (insights, i);
          CfKnowledgePage *page = cf_knowledge_get_page (knowledge, cf_insight_get_page_id (insight));
          GArray *numbers = cf_insight_get_numbers (insight);
          GPtrArray *foods = cf_insight_get_foods (insight);

          json_builder_begin_object (builder);
          json_add_string_or_null (builder, "id", cf_insight_get_id (insight));
          json_add_string_or_null (builder, "severity", cf_insight_severity_to_key (cf_insight_get_severity (insight)));
          json_add_string_or_null (builder, "confidence",
                                   cf_insight_confidence_to_key (cf_insight_get_confidence (insight)));
          json_add_string_or_null (builder, "title", cf_insight_get_title (insight));
          json_add_string_or_null (builder, "summary", cf_insight_get_summary (insight));
          json_add_string_or_null (builder, "page", cf_insight_get_page_id (insight));
          json_add_string_or_null (builder, "page_title", page ? cf_knowledge_page_get_title (page) : NULL);

          json_builder_set_member_name (builder, "numbers");
          json_builder_begin_object (builder);
          for (guint n = 0; n < numbers->len; n++)
            {
              const CfInsightNumber *number = &g_array_index (numbers, CfInsightNumber, n);

              json_add_number_or_null (builder, number->key, number->value);
            }
          json_builder_end_object (builder);

          json_builder_set_member_name (builder, "foods");
          json_builder_begin_array (builder);
          for (guint f = 0; f < foods->len; f++)
            {
              CfInsightFood *food = g_ptr_array_index (foods, f);

              json_builder_begin_object (builder);
              json_add_string_or_null (builder, "id", food->id);
              json_add_string_or_null (builder, "name", food->name);
              json_add_string_or_null (builder, "nutrient", cf_intake_get_key (food->intake));
              json_add_number_or_null (builder, "per_100g", food->per_100g);
              json_add_number_or_null (builder, "per_serving", food->per_serving);
              json_add_number_or_null (builder, "per_100kcal", food->per_100kcal);
              json_builder_set_member_name (builder, "serving");
              json_builder_begin_object (builder);
              json_add_number_or_null (builder, "amount", food->serving_amount);
              json_add_string_or_null (builder, "description", food->serving_description);
              json_add_number_or_null (builder, "grams", food->serving_grams);
              json_builder_end_object (builder);
              json_add_string_or_null (builder, "unit", cf_unit_get_symbol (cf_intake_get_unit (food->intake)));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  description = describe_profile (profile, &to);
  /* Translators: two dates and a description of the profile */
  g_print (_("Insights from %s to %s for: %s\n"), from_iso, to_iso, description);

  if (insights->len == 0)
    g_print ("\n%s\n", _("Nothing to point out: the logged intake meets every target the rules check."));

  for (guint i = 0; i < insights->len; i++)
    {
      CfInsight *insight = g_ptr_array_index (insights, i);
      CfKnowledgePage *page = cf_knowledge_get_page (knowledge, cf_insight_get_page_id (insight));
      GArray *numbers = cf_insight_get_numbers (insight);
      GPtrArray *foods = cf_insight_get_foods (insight);
      g_autoptr(GString) line = g_string_new (NULL);

      g_print ("\n[%s] %s\n", cf_insight_severity_get_name (cf_insight_get_severity (insight)),
               cf_insight_get_title (insight));
      g_print ("    %s\n", cf_insight_get_summary (insight));

      for (guint n = 0; n < numbers->len; n++)
        {
          const CfInsightNumber *number = &g_array_index (numbers, CfInsightNumber, n);
          g_autofree char *value = cf_insight_number_format (number);

          if (line->len > 0)
            g_string_append (line, "; ");
          /* Translators: a label and a value, e.g. "Average a day: 8.0 µg" */
          g_string_append_printf (line, _("%s: %s"), number->label, value);
        }
      if (line->len > 0)
        g_print ("    %s\n", line->str);

      if (foods->len > 0)
        {
          g_print ("    %s\n", _("Foods that help (amount in a typical serving; per 100 kcal):"));
          for (guint f = 0; f < foods->len; f++)
            {
              CfInsightFood *food = g_ptr_array_index (foods, f);
              g_autofree char *amount = cf_intake_format_value (food->intake, food->per_serving);
              g_autofree char *density = cf_intake_format_value (food->intake, food->per_100kcal);
              g_autofree char *serving = cf_insight_food_dup_serving (food);

              /* Translators: a food that helps: its name, its amount of
               * the nutrient in a typical serving, the serving, the
               * amount per 100 kcal and its id */
              g_print (_("      %s — %s in %s; %s per 100 kcal (%s)\n"), food->name, amount, serving, density, food->id);
            }
        }

      if (page != NULL)
        /* Translators: the title of an explanation page and its id */
        print_line (_("Read more: “%s” (%s)"), cf_knowledge_page_get_title (page),
                    cf_knowledge_page_get_id (page));
    }

  return 0;
}

/* Reads a whole file, or standard input for "-", measuring the size
 * while reading */
static char *
read_input (const char  *name,
            gsize       *length,
            GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (strcmp (name, "-") == 0)
    stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);

      stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
      if (stream == NULL)
        return NULL;
    }

  return cf_read_text_stream (stream, CF_MAX_FOOD_FILE_BYTES, length, error);
}

static JsonNode *
read_json_input (const char  *name,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  gsize length = 0;

  data = read_input (name, &length, error);
  if (data == NULL)
    return NULL;

  root = cf_json_parse (data, length, CF_MAX_JSON_DEPTH, &local_error);
  if (root == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("The input is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return root;
}

/* Prints a food saved by food-add or recipe-add */
static int
print_saved_food (CfContext  *context,
                  const char *id,
                  gboolean    recipe)
{
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(CfRecipe) saved_recipe = NULL;
  g_autoptr(CfFood) food = NULL;
  GError *error = NULL;

  if (!opt_json)
    {
      g_print ("%s\n", id);
      return 0;
    }

  food = cf_food_store_get_food (store, id, &error);
  if (food == NULL)
    return fail (error);

  if (recipe)
    {
      saved_recipe = cf_food_store_get_recipe (store, id, &error);
      if (saved_recipe == NULL)
        return fail (error);
    }

  builder = json_builder_new ();
  cf_json_add_food_full (builder, food, saved_recipe, TRUE);
  print_json (builder);

  return 0;
}

static int
cmd_rank (CfContext  *context,
          char      **args)
{
  g_autoptr(GPtrArray) foods = NULL;
  g_autoptr(GPtrArray) values = NULL;
  CfRankFigure figure;
  CfRankBasis basis = CF_RANK_PER_100G;
  CfSearchFlags flags;
  GError *error = NULL;
  guint width = 0, id_width = 0;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("rank needs one nutrient, e.g. rank mk7 or rank magnesium --per 100kcal"));

  if (!cf_rank_figure_from_key (args[0], &figure))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown nutrient “%s”; use a catalog key such as magnesium, "
                                                    "calcium, vitamin_d, mk7, or k2 or epa_dha"),
                                                  args[0]);
      return usage_error (message);
    }

  if (opt_per != NULL && !cf_rank_basis_from_key (opt_per, &basis))
    return usage_error (_("--per must be 100g, 100kcal or serving"));
  if (!parse_limit ())
    return usage_error (_("--limit must be between 1 and 10000"));
  if (!parse_sources (&flags, &error))
    {
      usage_error (error->message);
      g_error_free (error);
      return EXIT_USAGE;
    }

  foods = cf_food_store_rank (cf_context_get_food_store (context), figure, basis, flags, NULL,
                              NULL, opt_limit, &error);
  if (foods == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      CfUnit unit = cf_nutrient_get_unit (cf_rank_figure_get_unit_nutrient (figure));

      json_builder_begin_array (builder);
      for (guint i = 0; i < foods->len; i++)
        {
          CfFood *food = g_ptr_array_index (foods, i);
          CfPortion *serving = NULL;
          double value = cf_food_get_rank_value (food, figure, basis, &serving);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_int_value (builder, i + 1);
          json_builder_set_member_name (builder, "nutrient");
          json_builder_add_string_value (builder, cf_rank_figure_get_key (figure));
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, value);
          json_builder_set_member_name (builder, "unit");
          /* Not translated: for scripts */
          json_builder_add_string_value (builder, unit == CF_UNIT_KCAL ? "kcal" :
                                                  unit == CF_UNIT_G ? "g" :
                                                  unit == CF_UNIT_MG ? "mg" : "µg");
          json_builder_set_member_name (builder, "per");
          json_builder_add_string_value (builder, cf_rank_basis_to_key (basis));
          if (serving != NULL)
            {
              json_builder_set_member_name (builder, "serving");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "amount");
              json_builder_add_double_value (builder, cf_portion_get_amount (serving));
              json_builder_set_member_name (builder, "description");
              json_builder_add_string_value (builder, cf_portion_get_description (serving));
              json_builder_set_member_name (builder, "grams");
              json_builder_add_double_value (builder, cf_portion_get_grams (serving));
              json_builder_end_object (builder);
            }
          json_builder_set_member_name (builder, "food");
          cf_json_add_food (builder, food, TRUE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  if (foods->len == 0)
    {
      /* Translators: %s is a nutrient name */
      g_print (_("No food has a value for %s on this basis.\n"), cf_rank_figure_get_name (figure));
      return 0;
    }

  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      char *value = cf_food_format_rank_value (food, figure, basis);

      width = MAX (width, (guint) g_utf8_strlen (value, -1));
      id_width = MAX (id_width, (guint) strlen (cf_food_get_id (food)));
      g_ptr_array_add (values, value);
    }

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      g_autofree char *id = pad (cf_food_get_id (food), id_width);
      g_autofree char *value = pad (g_ptr_array_index (values, i), width);

      g_print ("%4u  %s %s  %s%s%s\n", i + 1, id, value, cf_food_get_display_name (food),
               cf_food_get_brand (food) ? " — " : "",
               cf_food_get_brand (food) ? cf_food_get_brand (food) : "");

      if (cf_food_get_source (food) == CF_FOOD_SOURCE_K2 && cf_food_get_citation (food))
        {
          /* Translators: %s is a literature reference */
          g_autofree char *source = g_strdup_printf (_("Source: %s"), cf_food_get_citation (food));

          g_print ("%6s%s\n", "", source);
        }
    }

  return 0;
}

static int
cmd_food_add (CfContext  *context,
              char      **args)
{
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfRecipe) recipe = NULL;
  GError *error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("food-add needs one file name (or - for standard input)"));

  root = read_json_input (args[0], &error);
  if (root == NULL)
    return fail (error);

  food = cf_json_read_food (store, root, &recipe, &error);
  if (food == NULL)
    return fail (error);

  if (recipe != NULL ? !cf_food_store_save_recipe (store, recipe, &error)
                     : !cf_food_store_save_custom_food (store, food, &error))
    return fail (error);

  return print_saved_food (context, cf_food_get_id (food), recipe != NULL);
}

static int
cmd_recipe_add (CfContext  *context,
                char      **args)
{
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CfRecipe) recipe = NULL;
  GError *error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("recipe-add needs one file name (or - for standard input)"));

  root = read_json_input (args[0], &error);
  if (root == NULL)
    return fail (error);

  recipe = cf_json_read_recipe_spec (store, root, &error);
  if (recipe == NULL)
    return fail (error);

  if (!cf_food_store_save_recipe (store, recipe, &error))
    return fail (error);

  return print_saved_food (context, cf_recipe_get_id (recipe), TRUE);
}

static int
cmd_favourite (CfContext  *context,
               char      **args)
{
  g_autofree char *id = NULL;
  CfFoodStore *store = cf_context_get_food_store (context);
  GError *error = NULL;

  if (args[0] != NULL && args[1] != NULL)
    return usage_error (_("favourite takes at most one food id"));

  /* Without an id: list them */
  if (args[0] == NULL)
    {
      g_autoptr(GPtrArray) foods = cf_food_store_list_favourites (store, &error);

      if (foods == NULL)
        return fail (error);

      if (opt_json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_array (builder);
          for (guint i = 0; i < foods->len; i++)
            cf_json_add_food (builder, g_ptr_array_index (foods, i), TRUE);
          json_builder_end_array (builder);
          print_json (builder);
          return 0;
        }

      if (foods->len == 0)
        g_print ("%s\n", _("No favourites yet; add one with “cofactor-cli favourite ID”."));

      for (guint i = 0; i < foods->len; i++)
        {
          CfFood *food = g_ptr_array_index (foods, i);
          g_autofree char *padded = pad (cf_food_get_id (food), 24);

          g_print ("%s %s\n", padded, cf_food_get_display_name (food));
        }

      return 0;
    }

  id = cf_canonical_id (args[0]);
  if (!cf_food_store_set_favourite (store, id, !opt_off, &error))
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "favourite");
      json_builder_add_boolean_value (builder, !opt_off);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else if (opt_off)
    g_print (_("%s is no longer a favourite\n"), id);
  else
    g_print (_("%s is a favourite\n"), id);

  return 0;
}

static char *
get_database_path (void)
{
  return opt_database != NULL ? g_strdup (opt_database) : cf_get_default_database_path ();
}

static int
cmd_backup (CfContext  *context,
            char      **args)
{
  g_autoptr(CfBackup) latest = NULL;
  CfBackupResult result;
  GError *error = NULL;

  if (args[0] != NULL)
    return usage_error (_("backup takes no arguments"));

  if (!cf_database_backup (cf_context_get_database (context), 0, opt_force, &result, &latest, &error))
    return fail (error);

  switch (result)
    {
    case CF_BACKUP_SMALLER:
      {
        g_autofree char *description = cf_backup_dup_description (latest);

        g_printerr ("cofactor-cli: ");
        /* Translators: %s is a backup, e.g. "2026-03-14 08:00 (18
         * entries, 2 foods)" */
        g_printerr (_("The diary holds fewer entries or foods than its last backup of %s, so it was not backed up. "
                      "Add --force to back it up anyway (older backups are kept)."),
                    description);
        g_printerr ("\n");
        return EXIT_FAILED;
      }

    case CF_BACKUP_NOT_NEEDED:
      g_print ("%s\n", _("The diary is read-only or temporary; it was not backed up."));
      return 0;

    case CF_BACKUP_MADE:
    case CF_BACKUP_NOT_DUE:
    default:
      {
        g_autoptr(CfBackup) made = cf_find_latest_backup (cf_database_get_path (cf_context_get_database (context)), FALSE);

        g_print (_("Backed up to %s\n"), made ? made->path : "?");
        return 0;
      }
    }
}

static void
json_add_backup (JsonBuilder    *builder,
                 const CfBackup *backup)
{
  g_autofree char *time = g_date_time_format (backup->time, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, backup->path);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "entries");
  if (backup->entries < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, backup->entries);
  json_builder_set_member_name (builder, "foods");
  if (backup->foods < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, backup->foods);
  json_builder_end_object (builder);
}

static int
cmd_backups (char **args)
{
  g_autofree char *path = get_database_path ();
  g_autoptr(GPtrArray) backups = NULL;

  if (args[0] != NULL)
    return usage_error (_("backups takes no arguments"));

  backups = cf_list_backups (path);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < backups->len; i++)
        json_add_backup (builder, g_ptr_array_index (backups, i));
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  if (backups->len == 0)
    g_print (_("There is no backup of %s yet.\n"), path);

  for (guint i = 0; i < backups->len; i++)
    {
      CfBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *description = cf_backup_dup_description (backup);

      g_print ("%s  %s\n", description, backup->path);
    }

  return 0;
}

static int
cmd_restore (char **args)
{
  g_autofree char *path = get_database_path ();
  g_autofree char *kept = NULL;
  GError *error = NULL;

  if (args[0] != NULL && args[1] != NULL)
    return usage_error (_("restore takes at most one backup file"));

  /* A diary that opens well is replaced only when asked to */
  if (!opt_force)
    {
      g_autoptr(CfContext) context = cf_context_new (path, opt_foods_db, &error);

      if (context != NULL)
        {
          g_printerr ("cofactor-cli: %s\n",
                      _("The diary is not damaged. Add --force to replace it by a backup anyway (it is kept beside it)."));
          return EXIT_FAILED;
        }
      g_clear_error (&error);
    }

  if (!cf_database_restore_backup (path, args[0], &kept, &error))
    return fail (error);

  if (kept != NULL)
    /* Translators: %s is the file the replaced diary was moved to */
    g_print (_("Restored the backup; the diary it replaced was kept as %s\n"), kept);
  else
    g_print ("%s\n", _("Restored the backup."));

  return 0;
}

static int
cmd_new_diary (char **args)
{
  g_autofree char *path = get_database_path ();
  g_autoptr(CfContext) context = NULL;
  GError *error = NULL;
  GStatBuf st;

  if (args[0] != NULL)
    return usage_error (_("new-diary takes no arguments"));

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    {
      g_printerr ("cofactor-cli: ");
      g_printerr (_("There is a diary in %s already; nothing was changed."), path);
      g_printerr ("\n");
      return EXIT_FAILED;
    }

  context = cf_context_new_full (path, opt_foods_db, CF_DATABASE_OPEN_NEW, &error);
  if (context == NULL)
    return fail (error);

  g_print (_("Started a new diary in %s; its backups were kept.\n"), path);
  return 0;
}

static const struct {
  const char *name;
  int       (*run) (char **args);
} file_commands[] = {
  { "backups", cmd_backups },
  { "restore", cmd_restore },
  { "new-diary", cmd_new_diary },
};

/* Why the diary cannot be opened, with what the user can do about it */
static int
fail_open (GError *error)
{
  g_autofree char *path = get_database_path ();
  g_autoptr(CfBackup) backup = NULL;

  g_printerr ("cofactor-cli: %s\n", error->message);

  if (g_error_matches (error, CF_ERROR, CF_ERROR_CORRUPT) || g_error_matches (error, CF_ERROR, CF_ERROR_MISSING))
    {
      backup = cf_find_latest_backup (path, TRUE);
      if (backup != NULL)
        {
          g_autofree char *description = cf_backup_dup_description (backup);

          g_printerr ("cofactor-cli: ");
          /* Translators: %s is a backup, e.g. "2026-03-14 08:00 (18
           * entries, 2 foods)" */
          g_printerr (_("Run “cofactor-cli restore” to put the backup of %s in its place; the damaged diary is kept beside it."),
                      description);
          g_printerr ("\n");
        }
    }

  if (g_error_matches (error, CF_ERROR, CF_ERROR_MISSING))
    g_printerr ("cofactor-cli: %s\n", _("Run “cofactor-cli new-diary” to start a new diary instead."));

  g_error_free (error);
  return EXIT_FAILED;
}

static const struct {
  const char *name;
  int       (*run) (CfContext *context, char **args);
} commands[] = {
  { "search", cmd_search },
  { "food",   cmd_food },
  { "log",    cmd_log },
  { "day",    cmd_day },
  { "export", cmd_export },
  { "import", cmd_import },
  { "targets", cmd_targets },
  { "insights", cmd_insights },
  { "rank", cmd_rank },
  { "food-add", cmd_food_add },
  { "recipe-add", cmd_recipe_add },
  { "favourite", cmd_favourite },
  { "backup", cmd_backup },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  /* For uninstalled runs: meson devenv points it at the build tree */
  const char *localedir = g_getenv ("COFACTOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  options = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (options, _("Search foods and keep the Cofactor diary from the command line."));
  g_option_context_set_description (options,
    _("Commands:\n"
      "  search TEXT…                  Find foods by name\n"
      "  food ID                       Show a food's nutrients per 100 g and where they come from\n"
      "  log DATE MEAL ID AMOUNT[UNIT] Log a food (DATE: YYYY-MM-DD, today or yesterday;\n"
      "                                MEAL: breakfast, lunch, dinner, snacks, supplements;\n"
      "                                AMOUNT: grams, or with a unit: 30g, 1.5oz, 1 cup)\n"
      "  day [DATE]                    Show a day's entries and totals\n"
      "  export FILE                   Write the diary and your foods as JSON (- for stdout);\n"
      "                                --format csv: a spreadsheet table, --table days (one row per\n"
      "                                day: totals and coverage) or --table entries\n"
      "  import FILE                   Read an export back, or a Cronometer (servings or daily\n"
      "                                nutrition) or MyFitnessPal (nutrition summary) CSV export;\n"
      "                                all or nothing; --dry-run shows what would be imported\n"
      "  targets [DATE]                Show the daily targets and upper limits with their sources\n"
      "  insights                      Show the insights for --from … --to (default: the last 30 days)\n"
      "  rank NUTRIENT                 Foods richest in a nutrient (a catalog key such as magnesium or mk7,\n"
      "                                or k2 or epa_dha); --per 100g, 100kcal or serving; --limit N\n"
      "  food-add FILE                 Add or replace a food of your own from JSON (- for stdin): an object\n"
      "                                like the export's foods[], \"id\" optional, e.g. {\"name\": \"Kefir\",\n"
      "                                \"per_100g\": {\"calcium\": 120}, \"portions\": [{\"amount\": 1,\n"
      "                                \"description\": \"glass\", \"grams\": 250}]}; prints the new id\n"
      "  recipe-add FILE               Add a recipe from JSON (- for stdin): {\"name\": …, \"servings\": N\n"
      "                                and/or \"cooked_grams\": G, \"ingredients\": [{\"food\": ID,\n"
      "                                \"amount\": \"150g\" or \"1 cup\" or 150}, …]}; prints the new id\n"
      "  favourite [ID] [--off]        Mark a food as a favourite (--off: unmark); no ID lists them\n"
      "  backup [--force]              Back up the diary now (kept with the automatic backups)\n"
      "  backups                       List the backups of the diary, newest first\n"
      "  restore [BACKUP] [--force]    Put the newest sound backup (or BACKUP) in place of a damaged or\n"
      "                                missing diary; the diary it replaces is kept beside it\n"
      "  new-diary                     Start a new diary where one is missing; the backups are kept\n"
      "\n"
      "Targets and insights use the profile in your settings, changed by --sex, --birth-date,\n"
      "--age, --condition, --reference, --weight and --k2-goal.\n"
      "\n"
      "Food ids: usda:NNNNN (USDA SR28), k2:… (published vitamin K2 values), custom:… (yours).\n"
      "Errors go to standard error; the exit status is 1 when a command fails, 2 for a wrong command line."));
  g_option_context_add_main_entries (options, global_entries, GETTEXT_PACKAGE);

  /* Unknown options are left in place so that a negative amount such
   * as "-5" reaches the command, which explains what is wrong with it;
   * anything else that looks like an option is refused here. */
  g_option_context_set_ignore_unknown_options (options, TRUE);
  if (!g_option_context_parse_strv (options, &args, &error))
    return usage_error (error->message);

  for (guint i = 1; args[i] != NULL; i++)
    {
      /* Names, amounts and dates are read as UTF-8 everywhere */
      if (!g_utf8_validate (args[i], -1, NULL))
        {
          /* Translators: %u is the position of the argument on the command line, 1 for the first */
          g_autofree char *message = g_strdup_printf (_("Argument %u is not text in UTF-8"), i);
          return usage_error (message);
        }
      if (args[i][0] == '-' && args[i][1] != '\0' && !g_ascii_isdigit (args[i][1]) && args[i][1] != '.')
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option %s"), args[i]);
          return usage_error (message);
        }
    }

  if (args[1] == NULL)
    return usage_error (_("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (file_commands); i++)
    {
      if (strcmp (args[1], file_commands[i].name) == 0)
        return file_commands[i].run (args + 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (args[1], commands[i].name) == 0)
        {
          context = cf_context_new (opt_database, opt_foods_db, &error);
          if (context == NULL)
            return fail_open (g_steal_pointer (&error));

          return commands[i].run (context, args + 2);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), args[1]);
    return usage_error (message);
  }
}
