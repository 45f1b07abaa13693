/* cofactor-gen-diary.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a made-up diary in Cofactor's export format, for benchmarks:
 *
 *   cofactor-gen-diary FOODS_DB DAYS OUTPUT [SEED]
 *
 * Every day up to 2026-11-30 gets breakfast of three or four foods,
 * lunch and dinner of three and one to five snacks, drawn from everyday reference foods; the values per
 * 100 g are the reference database's own (read from FOODS_DB), so the
 * file imports with every check passing.  The same arguments always give
 * the same file: ids, days and amounts come from the seed.  3,650 days
 * make about 45,600 entries.
 */

#define G_LOG_DOMAIN "cofactor-gen-diary"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "cf-context.h"
#include "cf-diary-entry-private.h"
#include "cf-json.h"
#include "cf-parse.h"
#include "cf-transfer.h"

typedef struct
{
  const char *food;
  const char *amount;
} Item;

static const Item breakfast[] = {
  { "usda:08120", "40" }, { "usda:01077", "1 cup" }, { "usda:09040", "1 small" },
  { "usda:01123", "2 large" }, { "usda:18075", "2 slice" }, { "usda:01001", "10" },
  { "usda:01287", "1 container" }, { "usda:12155", "20" }, { "usda:09003", "1 medium" },
  { "k2:natto-kamao-2007", "50" }, { "usda:20045", "1 cup" },
};

static const Item main_meal[] = {
  { "usda:16370", "200" }, { "usda:11457", "60" }, { "usda:11529", "100" },
  { "usda:01022", "40" }, { "usda:11124", "80" }, { "usda:15088", "90" },
  { "usda:09038", "70" }, { "usda:15236", "150" }, { "usda:11352", "200" },
  { "usda:11090", "1 cup chopped" }, { "usda:05062", "150" }, { "usda:11233", "80" },
  { "usda:13047", "120" }, { "usda:20125", "180" }, { "k2:sauerkraut-nevo-2021", "60" },
};

static const Item snacks[] = {
  { "usda:12061", "30" }, { "usda:09200", "1 fruit" }, { "k2:dark-chocolate-bar-ciqual-2020", "20" },
  { "usda:12016", "25" }, { "usda:01009", "1 oz" },
};

typedef struct
{
  CfFood    *food;
  double     grams;
  CfPortion *portion;
  double     quantity;
} Resolved;

static void
resolved_clear (Resolved *r)
{
  g_clear_object (&r->food);
  g_clear_object (&r->portion);
}

static Resolved *
resolve (CfFoodStore *store,
         const Item  *items,
         guint        n)
{
  Resolved *out = g_new0 (Resolved, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      out[i].food = cf_food_store_get_food (store, items[i].food, &error);
      if (out[i].food == NULL ||
          !cf_parse_amount (items[i].amount, out[i].food, &out[i].grams, &out[i].portion, &out[i].quantity, &error))
        {
          g_printerr ("cofactor-gen-diary: %s: %s\n", items[i].food, error->message);
          exit (1);
        }
    }

  return out;
}

/* A version 4 UUID from @rand, so that the file is the same every time */
static char *
make_id (GRand *rand)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          w[0], w[1] >> 16, w[1] & 0xfff,
                          0x8000 | (w[2] >> 18), w[2] & 0xffff, w[3]);
}

static void
write_entry (FILE           *out,
             GRand          *rand,
             const GDate    *day,
             CfMeal          meal,
             const Resolved *r,
             gboolean       *first)
{
  g_autofree char *id = make_id (rand);
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  double scale = 0.75 + g_rand_int_range (rand, 0, 11) * 0.05;

  entry = _cf_diary_entry_new_full (id, day, meal, 0,
                                    cf_food_get_id (r->food),
                                    cf_food_get_display_name (r->food),
                                    cf_food_get_kind (r->food),
                                    r->grams, 0, NULL,
                                    cf_food_get_nutrients (r->food));
  if (r->portion != NULL)
    cf_diary_entry_set_amount (entry, r->grams, r->portion, r->quantity);
  else
    /* Weighed foods vary from day to day: 75–125 % of the usual */
    cf_diary_entry_set_amount (entry, r->grams * scale, NULL, 0);

  cf_json_add_entry (builder, entry);
  node = json_builder_get_root (builder);
  text = cf_json_write (node, FALSE);

  fputs (*first ? "\n    " : ",\n    ", out);
  fputs (text, out);
  *first = FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GRand) rand = NULL;
  Resolved *b, *m, *s;
  gboolean first = TRUE;
  guint n_days, n_entries = 0;
  FILE *out;
  GDate last;

  if (argc < 4 || argc > 5)
    {
      g_printerr ("usage: cofactor-gen-diary FOODS_DB DAYS OUTPUT [SEED]\n");
      return 2;
    }

  n_days = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (n_days == 0 || n_days > 100000)
    {
      g_printerr ("cofactor-gen-diary: DAYS must be 1 to 100000\n");
      return 2;
    }
  rand = g_rand_new_with_seed (argc == 5 ? (guint32) g_ascii_strtoull (argv[4], NULL, 10) : 2026);

  context = cf_context_new (":memory:", argv[1], &error);
  if (context == NULL)
    {
      g_printerr ("cofactor-gen-diary: %s\n", error->message);
      return 1;
    }

  b = resolve (cf_context_get_food_store (context), breakfast, G_N_ELEMENTS (breakfast));
  m = resolve (cf_context_get_food_store (context), main_meal, G_N_ELEMENTS (main_meal));
  s = resolve (cf_context_get_food_store (context), snacks, G_N_ELEMENTS (snacks));

  out = fopen (argv[3], "w");
  if (out == NULL)
    {
      g_printerr ("cofactor-gen-diary: cannot write %s\n", argv[3]);
      return 1;
    }

  fputs ("{\n  \"format\" : \"cofactor-diary\",\n  \"version\" : 1,\n"
         "  \"exported\" : \"2026-12-01T00:00:00Z\",\n  \"generator\" : \"cofactor-gen-diary\",\n"
         "  \"foods\" : [],\n  \"favourites\" : [],\n  \"entries\" : [", out);

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_NOVEMBER, 2026);

  for (guint d = 0; d < n_days; d++)
    {
      GDate day = last;
      guint n_breakfast = g_rand_int_range (rand, 3, 5);
      guint n_snacks = g_rand_int_range (rand, 1, 6);

      g_date_subtract_days (&day, n_days - 1 - d);

      for (guint i = 0; i < n_breakfast; i++, n_entries++)
        write_entry (out, rand, &day, CF_MEAL_BREAKFAST,
                     &b[g_rand_int_range (rand, 0, G_N_ELEMENTS (breakfast))], &first);
      for (guint i = 0; i < 3; i++, n_entries++)
        write_entry (out, rand, &day, CF_MEAL_LUNCH,
                     &m[g_rand_int_range (rand, 0, G_N_ELEMENTS (main_meal))], &first);
      for (guint i = 0; i < 3; i++, n_entries++)
        write_entry (out, rand, &day, CF_MEAL_DINNER,
                     &m[g_rand_int_range (rand, 0, G_N_ELEMENTS (main_meal))], &first);
      for (guint i = 0; i < n_snacks; i++, n_entries++)
        write_entry (out, rand, &day, CF_MEAL_SNACKS,
                     &s[g_rand_int_range (rand, 0, G_N_ELEMENTS (snacks))], &first);
    }

  fputs ("\n  ]\n}\n", out);
  if (fclose (out) != 0)
    {
      g_printerr ("cofactor-gen-diary: cannot write %s\n", argv[3]);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (breakfast); i++)
    resolved_clear (&b[i]);
  for (guint i = 0; i < G_N_ELEMENTS (main_meal); i++)
    resolved_clear (&m[i]);
  for (guint i = 0; i < G_N_ELEMENTS (snacks); i++)
    resolved_clear (&s[i]);
  g_free (b);
  g_free (m);
  g_free (s);

  g_print ("%u days, %u entries\n", n_days, n_entries);

  return 0;
}
