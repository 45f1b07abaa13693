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
#include <glib/gi18n.h>

#include "cf-context.h"
#include "cf-date.h"
#include "cf-error.h"
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
};

static gboolean opt_json;
static char *opt_database;
static char *opt_foods_db;
static int opt_limit = 20;
static char *opt_source;

static const GOptionEntry global_entries[] = {
  { "json", 'j', 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print JSON for scripts instead of text"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("Use this diary file instead of the default one"), N_("FILE") },
  { "foods-db", 0, 0, G_OPTION_ARG_FILENAME, &opt_foods_db,
    N_("Use this food database (also $COFACTOR_FOODS_DB)"), N_("FILE") },
  { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit,
    N_("Show at most N search results (default 20)"), N_("N") },
  { "source", 's', 0, G_OPTION_ARG_STRING, &opt_source,
    N_("Search only these sources: usda, k2, custom, comma-separated"), N_("SOURCES") },
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
        *flags |= CF_SEARCH_CUSTOM;
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
  CfSearchFlags flags;
  GError *error = NULL;

  if (args[0] == NULL)
    return usage_error (_("search needs the text to search for"));
  if (opt_limit < 1 || opt_limit > 10000)
    return usage_error (_("--limit must be between 1 and 10000"));
  if (!parse_sources (&flags, &error))
    {
      usage_error (error->message);
      g_error_free (error);
      return EXIT_USAGE;
    }

  text = g_strjoinv (" ", args);
  foods = cf_food_store_search (cf_context_get_food_store (context), text, flags, NULL,
                                NULL, opt_limit, &error);
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
    {
      g_print (_("No food matches “%s”.\n"), text);
      return 0;
    }

  for (guint i = 0; i < foods->len; i++)
    {
      CfFood *food = g_ptr_array_index (foods, i);
      g_autofree char *id = pad (cf_food_get_id (food), 24);
      g_autoptr(GString) k2 = g_string_new (NULL);

      g_print ("%s %s%s%s\n", id, cf_food_get_name (food),
               cf_food_get_brand (food) ? " — " : "",
               cf_food_get_brand (food) ? cf_food_get_brand (food) : "");

      /* Vitamin K2 values are rare and are why many search: show them,
       * with where they come from. */
      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          g_autofree char *value = NULL;

          if (!cf_nutrient_is_vitamin_k2 (n) || !cf_nutrients_has (cf_food_get_nutrients (food), n))
            continue;

          value = cf_nutrient_format_value (n, cf_food_get_nutrient (food, n));
          g_string_append_printf (k2, "%s%s %s", k2->len ? ", " : "", cf_nutrient_get_short_name (n), value);
        }

      if (k2->len > 0)
        /* Translators: %s is a list such as "MK-7 939.0 µg" */
        g_print ("%25s%s\n", "", g_strdup_printf (_("%s per 100 g"), k2->str));
      if (cf_food_get_source (food) == CF_FOOD_SOURCE_K2 && cf_food_get_citation (food))
        /* Translators: %s is a literature reference */
        g_print ("%25s%s\n", "", g_strdup_printf (_("Source: %s"), cf_food_get_citation (food)));
    }

  return 0;
}

static int
cmd_food (CfContext  *context,
          char      **args)
{
  g_autoptr(CfFood) food = NULL;
  GListModel *portions;
  GError *error = NULL;
  int group = -1;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("food needs exactly one food id, e.g. usda:01009"));

  food = cf_food_store_get_food (cf_context_get_food_store (context), args[0], &error);
  if (food == NULL)
    return fail (error);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_json_add_food (builder, food, TRUE);
      print_json (builder);
      return 0;
    }

  g_print ("%s\n", cf_food_get_name (food));
  g_print (_("Id: %s\n"), cf_food_get_id (food));
  if (cf_food_get_brand (food))
    g_print (_("Brand: %s\n"), cf_food_get_brand (food));
  if (cf_food_get_group_name (food))
    g_print (_("Group: %s\n"), cf_food_get_group_name (food));
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

  g_print ("    %s — %s\n", cf_diary_entry_get_food_name (entry), amount);
  if (values->len > 0)
    g_print ("      %s\n", values->str);
}

static int
cmd_log (CfContext  *context,
         char      **args)
{
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

  food = cf_food_store_get_food (cf_context_get_food_store (context), args[2], &error);
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
      g_print (_("Logged %s of %s for %s on %s\n"), label, cf_food_get_name (food),
               cf_meal_get_name (meal), iso);
    }

  return 0;
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
          g_print ("    %s %s %s\n", name, padded,
                   g_strdup_printf (_("data for %.0f%% of the food"), coverage * 100));
        }
      else
        g_print ("    %s %s\n", name, value);
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

  if (strcmp (args[0], "-") == 0)
    {
      g_autofree char *data = cf_export_to_data (context, &error);

      if (data == NULL)
        return fail (error);
      g_print ("%s\n", data);
      return 0;
    }

  file = g_file_new_for_commandline_arg (args[0]);
  if (!cf_export_to_file (context, file, &error))
    return fail (error);

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
  CfImportCounts counts = { 0, };
  GError *error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("import needs one file name"));

  file = g_file_new_for_commandline_arg (args[0]);
  if (!cf_import_from_file (context, file, &counts, &error))
    {
      g_prefix_error (&error, _("Nothing was imported. "));
      return fail (error);
    }

  if (opt_json)
    g_print ("{ \"foods\" : %u, \"entries\" : %u }\n", counts.foods, counts.entries);
  else
    g_print (_("Imported %u foods and %u diary entries\n"), counts.foods, counts.entries);

  return 0;
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
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
      "  export FILE                   Write the diary and your foods as JSON (- for stdout)\n"
      "  import FILE                   Read an export back; all or nothing\n"
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
      if (args[i][0] == '-' && args[i][1] != '\0' && !g_ascii_isdigit (args[i][1]) && args[i][1] != '.')
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option %s"), args[i]);
          return usage_error (message);
        }
    }

  if (args[1] == NULL)
    return usage_error (_("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (args[1], commands[i].name) == 0)
        {
          context = cf_context_new (opt_database, opt_foods_db, &error);
          if (context == NULL)
            return fail (g_steal_pointer (&error));

          return commands[i].run (context, args + 2);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), args[1]);
    return usage_error (message);
  }
}
