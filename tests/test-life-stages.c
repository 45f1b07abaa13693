/* test-life-stages.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The life stages of the reference intake tables, as shown: each part
 * made readable (and translatable), every label of the three tables
 * understood, and a label of an unknown form shown as it is. */

#include "config.h"

#include <string.h>

#include "cf-life-stages.h"

static void
test_forms (void)
{
  static const char *const cases[][2] = {
    { "females 31-50 y", "females, 31–50 years" },
    { "males >70 y", "males, over 70 years" },
    { "adults >=18 y", "adults, 18 years and older" },
    { "adult women >=18 y", "adult women, 18 years and older" },
    { "men 25-<51 y", "men, 25 to under 51 years" },
    { "lactation <19 y", "lactation, under 19 years" },
    { "infants 0-6 mo", "infants, 0–6 months" },
    { "infants 7-12 mo (table label 6-12 mo)", "infants, 7–12 months (6–12 months in the table)" },
    { "pregnancy 2nd trimester", "pregnancy, second trimester" },
    { "pregnancy from 4th month", "pregnancy, from month 4" },
    { "lactation first 6 months", "lactation, first 6 months" },
    { "lactation after 6 months", "lactation, after 6 months" },
    { "pregnancy", "pregnancy" },
    /* Not a known form: as it is */
    { "toddlers 1-3 y", "toddlers 1-3 y" },
    { "females 31-50", "females 31-50" },
    { "females 31-50 y extra", "females 31-50 y extra" },
    { "menopause", "menopause" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = cf_life_stage_dup_display_name (cases[i][0]);

      g_assert_cmpstr (shown, ==, cases[i][1]);
    }
}

/* Every life stage of the tables has a known form */
static void
test_tables (void)
{
  static const char *const tables[] = { "nasem-dri.csv", "efsa-drv.csv", "dach.csv" };
  guint n = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("COFACTOR_SOURCE_DIR"), "data",
                                                "reference-intakes", tables[t], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;
      int column = -1;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (contents, "\n", -1);

      for (guint l = 0; lines[l] != NULL && lines[l][0] != '\0'; l++)
        {
          /* The tables quote no field before life_stage */
          g_auto(GStrv) fields = g_strsplit (lines[l], ",", -1);

          if (column < 0)
            {
              for (int f = 0; fields[f] != NULL; f++)
                if (strcmp (g_strstrip (fields[f]), "life_stage") == 0)
                  column = f;
              g_assert_cmpint (column, >=, 0);
              continue;
            }

          g_assert_cmpuint (g_strv_length (fields), >, (guint) column);
          {
            g_autofree char *shown = cf_life_stage_dup_display_name (fields[column]);

            if (g_strcmp0 (shown, fields[column]) == 0 && strchr (fields[column], ' ') != NULL)
              g_error ("%s: the life stage “%s” has a form not known", tables[t], fields[column]);
            n++;
          }
        }
    }

  g_assert_cmpuint (n, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cofactor/life-stages/forms", test_forms);
  g_test_add_func ("/cofactor/life-stages/tables", test_tables);

  return g_test_run ();
}
