/* test-targets.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-key-nutrients.h"
#include "cf-targets.h"

/* The committed tables, read from the source tree (not from the copy
 * compiled into the core, which is what is being tested) */
static GPtrArray *
read_committed_table (CfReferenceSet set)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "reference-intakes",
                                                 cf_reference_set_get_file_name (set), NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  rows = cf_reference_intakes_parse (set, text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static GDate
day_of (const char *iso)
{
  GDate day;

  g_assert_true (cf_day_parse (iso, &day, NULL));

  return day;
}

static void
test_copies_identical (void)
{
  const char *shared = g_getenv ("COFACTOR_SHARED_DATA");
  g_autofree char *shared_dir = NULL;

  /* The compiled-in tables are the committed files */
  for (guint s = 0; s < CF_N_REFERENCE_SETS; s++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "reference-intakes",
                                                     cf_reference_set_get_file_name (s), NULL);
      g_autoptr(GBytes) compiled = cf_reference_intakes_get_csv (s);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      g_assert_nonnull (compiled);
      g_assert_cmpmem (g_bytes_get_data (compiled, NULL), g_bytes_get_size (compiled), text, length);
    }

  /* ... and the committed files are the shared ones, where those exist
   * (a user's clone has no ../shared) */
  if (shared != NULL && *shared != '\0')
    shared_dir = g_build_filename (shared, "reference-intakes", NULL);
  else
    shared_dir = g_build_filename (g_getenv ("COFACTOR_SOURCE_DIR"), "..", "shared", "data",
                                   "reference-intakes", NULL);

  if (!g_file_test (shared_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared reference intake tables are not here");
      return;
    }

  for (guint s = 0; s < CF_N_REFERENCE_SETS; s++)
    {
      const char *name = cf_reference_set_get_file_name (s);
      g_autofree char *theirs = g_build_filename (shared_dir, name, NULL);
      g_autofree char *ours = g_test_build_filename (G_TEST_DIST, "..", "data", "reference-intakes", name, NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize la, lb;

      g_test_message ("comparing %s", name);
      g_assert_true (g_file_get_contents (theirs, &a, &la, NULL));
      g_assert_true (g_file_get_contents (ours, &b, &lb, NULL));
      g_assert_cmpmem (a, la, b, lb);
    }
}

static void
test_csv_parse (void)
{
  static const guint expected_rows[CF_N_REFERENCE_SETS] = { 262, 40, 115 };

  /* The CSV reader itself is tested in test-csv.c */
  for (guint s = 0; s < CF_N_REFERENCE_SETS; s++)
    {
      GPtrArray *compiled = cf_reference_intakes_get_rows (s);
      g_autoptr(GPtrArray) committed = read_committed_table (s);

      g_assert_cmpuint (compiled->len, ==, expected_rows[s]);
      g_assert_cmpuint (committed->len, ==, expected_rows[s]);

      /* Every nutrient of the tables is mapped to a target */
      for (guint i = 0; i < compiled->len; i++)
        {
          CfReferenceRow *row = g_ptr_array_index (compiled, i);
          CfTargetId id;
          CfIntake intake;

          if (!cf_target_id_from_table_nutrient (row->nutrient, &id, &intake))
            g_error ("%s line %u: “%s” is not mapped to a target",
                     cf_reference_set_get_file_name (s), row->line, row->nutrient);
        }
    }
}

/* Completed months that fall in a stage named in a life stage label */
static int
month_for_stage (const char *life_stage)
{
  static const struct { const char *label; int month; } stages[] = {
    { "1st trimester", 1 }, { "2nd trimester", 4 }, { "3rd trimester", 7 },
    { "first 6 months", 2 }, { "after 6 months", 8 }, { "from 4th month", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (strstr (life_stage, stages[i].label))
        return stages[i].month;
    }

  return -1;
}

static double
age_in_row (const CfReferenceRow *row)
{
  if (!isnan (row->age_min) && !isnan (row->age_max))
    return (row->age_min + row->age_max) / 2;
  if (!isnan (row->age_min))
    return row->age_min + 1;
  if (!isnan (row->age_max))
    return row->age_max - 0.5;
  return 30;
}

static double
in_intake_unit (const CfReferenceRow *row,
                double                value,
                CfIntake              intake)
{
  CfUnit unit;

  if (isnan (value))
    return NAN;

  if (g_str_has_prefix (row->unit, "mg/"))
    unit = CF_UNIT_MG;
  else if (g_str_has_prefix (row->unit, "µg/"))
    unit = CF_UNIT_UG;
  else if (g_str_has_prefix (row->unit, "g/"))
    unit = CF_UNIT_G;
  else
    g_assert_not_reached ();

  return cf_unit_convert (value, unit, cf_intake_get_unit (intake));
}

static void
assert_same (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9 * MAX (1, fabs (b)));
}

#define WEIGHT 60.0

static void
check_row (const CfReferenceRow *row,
           CfSex                 sex)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  const CfTarget *t;
  CfCondition condition;
  CfTargetId id;
  CfIntake intake;
  GDate date = day_of ("2025-01-01");

  g_assert_true (cf_condition_from_key (row->condition, &condition));
  g_assert_true (cf_target_id_from_table_nutrient (row->nutrient, &id, &intake));

  cf_profile_set_reference_set (profile, row->set);
  cf_profile_set_sex (profile, sex);
  cf_profile_set_condition (profile, condition);
  cf_profile_set_condition_month (profile, month_for_stage (row->life_stage));
  cf_profile_set_age (profile, age_in_row (row));
  cf_profile_set_body_weight (profile, WEIGHT);

  targets = cf_targets_new (profile, &date);
  t = cf_targets_get (targets, id);

  g_test_message ("%s line %u (%s, %s, %s, %s) as %s", cf_reference_set_get_file_name (row->set), row->line,
                  row->nutrient, row->life_stage, row->value_type, row->unit, cf_sex_to_key (sex));

  g_assert_cmpint (t->id, ==, id);
  g_assert_false (t->fallback);
  g_assert_cmpint (t->set, ==, row->set);

  if (strcmp (row->value_type, "CDRR") == 0)
    {
      /* Sodium's "reduce if above" level is the limit */
      g_assert_cmpstr (t->limit_type, ==, "CDRR");
      assert_same (t->limit, in_intake_unit (row, row->value, intake));
      return;
    }

  /* The target comes from this very row */
  g_assert_true (t->from_table);
  g_assert_cmpuint (t->line, ==, row->line);
  g_assert_cmpint (t->intake, ==, intake);
  g_assert_cmpstr (t->value_type, ==, row->value_type);
  g_assert_cmpstr (t->life_stage, ==, row->life_stage);
  g_assert_cmpstr (t->source_url, ==, row->source_url);

  if (strcmp (row->unit, "% energy") == 0)
    {
      assert_same (t->energy_percent, row->value);
      g_assert_true (isnan (t->value));
    }
  else if (g_str_has_prefix (row->unit, "g/kg"))
    {
      assert_same (t->per_kg, row->value);
      assert_same (t->value, row->value * WEIGHT);
    }
  else if (strcmp (row->value_type, "PRI_increment") == 0)
    {
      assert_same (t->increment, row->value);
      assert_same (t->value, t->per_kg * WEIGHT + row->value);
    }
  else if (isnan (row->value) && row->set == CF_REFERENCE_SET_EFSA && strcmp (row->nutrient, "EPA+DHA") == 0 &&
           condition != CF_CONDITION_NONE)
    {
      /* The row's note says the adult value applies (stand_ins[]) */
      g_assert_cmpfloat (t->value, >, 0);
      g_assert_nonnull (strstr (t->explanation, "value for adults"));
    }
  else
    assert_same (t->value, in_intake_unit (row, row->value, intake));

  if (isnan (row->ul))
    {
      /* Another table's limit, named as such, or none and a sentence
       * that says no limit is checked */
      if (g_strcmp0 (t->limit_type, "UL") == 0)
        {
          g_assert_true (t->limit_fallback);
          g_assert_cmpint (t->limit_set, !=, row->set);
          g_assert_nonnull (t->limit_life_stage);
          g_assert_nonnull (t->limit_explanation);
        }
      else if (t->limit_type == NULL)
        g_assert_nonnull (strstr (t->limit_explanation, "No upper limit is checked"));
    }
  else
    {
      g_assert_cmpstr (t->limit_type, ==, "UL");
      g_assert_false (t->limit_fallback);
      g_assert_cmpint (t->limit_set, ==, row->set);
      g_assert_cmpstr (t->limit_life_stage, ==, row->life_stage);
      assert_same (t->limit, in_intake_unit (row, row->ul, intake));
      g_assert_cmpstr (t->limit_note, ==, row->ul_note);
    }
}

static void
test_every_row (gconstpointer data)
{
  CfReferenceSet set = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) rows = read_committed_table (set);

  for (guint i = 0; i < rows->len; i++)
    {
      const CfReferenceRow *row = g_ptr_array_index (rows, i);

      if (strcmp (row->sex, "male") == 0)
        check_row (row, CF_SEX_MALE);
      else if (strcmp (row->sex, "female") == 0)
        check_row (row, CF_SEX_FEMALE);
      else
        {
          check_row (row, CF_SEX_FEMALE);
          check_row (row, CF_SEX_MALE);
        }
    }
}

static CfTargets *
targets_for (CfReferenceSet  set,
             CfSex           sex,
             double          age,
             CfCondition     condition)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  GDate date = day_of ("2025-01-01");

  cf_profile_set_reference_set (profile, set);
  cf_profile_set_sex (profile, sex);
  cf_profile_set_age (profile, age);
  cf_profile_set_condition (profile, condition);

  return cf_targets_new (profile, &date);
}

/* The row of @set's committed table for @nutrient whose life stage is
 * @life_stage */
static const CfReferenceRow *
find_row (GPtrArray  *rows,
          const char *nutrient,
          const char *life_stage)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const CfReferenceRow *row = g_ptr_array_index (rows, i);

      if (strcmp (row->nutrient, nutrient) == 0 && strcmp (row->life_stage, life_stage) == 0)
        return row;
    }

  g_assert_not_reached ();
}

static void
assert_limit_from (const CfTarget       *t,
                   const CfReferenceRow *row,
                   double                limit_in_intake_unit)
{
  g_assert_cmpstr (t->limit_type, ==, "UL");
  g_assert_true (t->limit_fallback);
  g_assert_cmpint (t->limit_set, ==, row->set);
  g_assert_cmpstr (t->limit_life_stage, ==, row->life_stage);
  g_assert_cmpstr (t->limit_source_url, ==, row->source_url);
  g_assert_cmpstr (t->limit_note, ==, row->ul_note);
  assert_same (t->limit, limit_in_intake_unit);
  g_assert_nonnull (t->limit_explanation);
}

/* Every nutrient with an upper limit somewhere gets one, named with
 * its table; D-A-CH sets none and EFSA none for vitamin D in
 * pregnancy */
static void
test_limit_fallback (void)
{
  g_autoptr(GPtrArray) efsa = read_committed_table (CF_REFERENCE_SET_EFSA);
  g_autoptr(GPtrArray) nasem = read_committed_table (CF_REFERENCE_SET_NASEM);
  g_autoptr(CfTargets) dach = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) dach_man = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_MALE, 20, CF_CONDITION_NONE);
  g_autoptr(CfTargets) efsa_pregnant = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 30, CF_CONDITION_PREGNANCY);
  g_autoptr(CfTargets) efsa_lactating = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 35, CF_CONDITION_LACTATION);
  g_autoptr(CfTargets) dach_pregnant = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_FEMALE, 30, CF_CONDITION_PREGNANCY);
  g_autoptr(CfTargets) nasem_adult = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  const CfReferenceRow *row;
  const CfTarget *t;

  /* D-A-CH: EFSA's limits for adults */
  row = find_row (efsa, "vitamin D", "adults >=18 y");
  assert_limit_from (cf_targets_get (dach, CF_TARGET_VITAMIN_D), row, row->ul);
  assert_limit_from (cf_targets_get (dach_man, CF_TARGET_VITAMIN_D), row, row->ul);
  row = find_row (efsa, "calcium", "adults >=25 y");
  assert_limit_from (cf_targets_get (dach, CF_TARGET_CALCIUM), row, row->ul);
  row = find_row (efsa, "calcium", "adults 18-24 y");
  assert_limit_from (cf_targets_get (dach_man, CF_TARGET_CALCIUM), row, row->ul);
  row = find_row (efsa, "magnesium", "adult women >=18 y");
  t = cf_targets_get (dach, CF_TARGET_MAGNESIUM);
  assert_limit_from (t, row, row->ul);
  g_assert_cmpint (t->limit_scope, ==, CF_LIMIT_SCOPE_SUPPLEMENTS);
  /* The value still comes from D-A-CH */
  g_assert_cmpint (t->set, ==, CF_REFERENCE_SET_DACH);
  g_assert_false (t->fallback);
  {
    g_autofree char *label = cf_target_dup_limit_source_label (t);

    g_assert_cmpstr (label, ==, "EFSA, adult women, 18 years and older");
  }

  /* EFSA in pregnancy and lactation: no vitamin D limit of its own for
   * them, so NASEM's, which is read for pregnancy and lactation */
  row = find_row (nasem, "vitamin D", "pregnancy 19-30 y");
  assert_limit_from (cf_targets_get (efsa_pregnant, CF_TARGET_VITAMIN_D), row, row->ul);
  row = find_row (nasem, "vitamin D", "lactation 31-50 y");
  assert_limit_from (cf_targets_get (efsa_lactating, CF_TARGET_VITAMIN_D), row, row->ul);
  /* ... and EFSA's own for calcium */
  t = cf_targets_get (efsa_pregnant, CF_TARGET_CALCIUM);
  g_assert_false (t->limit_fallback);
  g_assert_cmpfloat (t->limit, ==, find_row (efsa, "calcium", "pregnancy >=25 y")->ul);

  /* D-A-CH in pregnancy: EFSA's pregnancy limit where it has one, else
   * NASEM's */
  row = find_row (efsa, "magnesium", "pregnancy");
  assert_limit_from (cf_targets_get (dach_pregnant, CF_TARGET_MAGNESIUM), row, row->ul);
  row = find_row (nasem, "vitamin D", "pregnancy 19-30 y");
  assert_limit_from (cf_targets_get (dach_pregnant, CF_TARGET_VITAMIN_D), row, row->ul);

  /* Several rows with the same limit: the limit names the value's row */
  {
    g_autoptr(CfTargets) no_age = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_MALE, NAN, CF_CONDITION_NONE);

    t = cf_targets_get (no_age, CF_TARGET_MAGNESIUM);
    g_assert_cmpstr (t->limit_life_stage, ==, t->life_stage);
  }

  /* A table's own limit is no fallback */
  t = cf_targets_get (nasem_adult, CF_TARGET_VITAMIN_D);
  g_assert_false (t->limit_fallback);
  g_assert_null (t->limit_explanation);
  g_assert_cmpint (t->limit_set, ==, CF_REFERENCE_SET_NASEM);

  /* No table gives a vitamin K limit: said plainly */
  t = cf_targets_get (dach, CF_TARGET_VITAMIN_K);
  g_assert_true (isnan (t->limit));
  g_assert_null (t->limit_type);
  g_assert_cmpstr (t->limit_explanation, ==,
                   "No upper limit is checked: none of the reference tables gives one for this nutrient at this life stage.");
  g_assert_null (cf_target_dup_limit_source_label (t));
}

/* EFSA's vitamin K counts K1 only, and its name says so; EFSA's EPA +
 * DHA stays beside the extra DHA in pregnancy and lactation */
static void
test_names_and_omega3 (void)
{
  g_autoptr(CfTargets) efsa = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) dach = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(GPtrArray) efsa_rows = read_committed_table (CF_REFERENCE_SET_EFSA);
  const CfReferenceRow *adult = find_row (efsa_rows, "EPA+DHA", "adults >=18 y");

  g_assert_cmpstr (cf_target_get_name (cf_targets_get (efsa, CF_TARGET_VITAMIN_K)), ==, "Vitamin K1 (phylloquinone)");
  g_assert_cmpstr (cf_target_get_name (cf_targets_get (nasem, CF_TARGET_VITAMIN_K)), ==, "Vitamin K (K1 + K2)");
  g_assert_cmpstr (cf_target_get_name (cf_targets_get (dach, CF_TARGET_VITAMIN_K)), ==, "Vitamin K (K1 + K2)");
  g_assert_cmpstr (cf_target_get_name (cf_targets_get (efsa, CF_TARGET_CALCIUM)), ==, "Calcium");

  for (CfCondition c = CF_CONDITION_PREGNANCY; c <= CF_CONDITION_LACTATION; c++)
    {
      g_autoptr(CfTargets) targets = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 30, c);
      const CfTarget *epa_dha = cf_targets_get (targets, CF_TARGET_EPA_DHA);
      const CfTarget *dha = cf_targets_get (targets, CF_TARGET_DHA);

      g_assert_cmpint (epa_dha->set, ==, CF_REFERENCE_SET_EFSA);
      assert_same (epa_dha->value, adult->value / 1000.0);
      g_assert_cmpstr (epa_dha->value_type, ==, adult->value_type);
      g_assert_true (cf_target_has_value (dha));
      g_assert_cmpfloat (dha->value, >, 0);
    }
}

static void
test_magnesium_limit_scope (void)
{
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) efsa = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  const CfTarget *t;

  t = cf_targets_get (nasem, CF_TARGET_MAGNESIUM);
  g_assert_cmpfloat (t->value, ==, 320);
  g_assert_cmpfloat (t->limit, ==, 350);
  g_assert_cmpint (t->limit_scope, ==, CF_LIMIT_SCOPE_SUPPLEMENTS);
  g_assert_nonnull (cf_target_get_limit_scope_label (t));

  t = cf_targets_get (efsa, CF_TARGET_MAGNESIUM);
  g_assert_cmpfloat (t->value, ==, 300);
  g_assert_cmpfloat (t->limit, ==, 250);
  g_assert_cmpint (t->limit_scope, ==, CF_LIMIT_SCOPE_SUPPLEMENTS);

  /* Calcium's counts everything */
  t = cf_targets_get (nasem, CF_TARGET_CALCIUM);
  g_assert_cmpint (t->limit_scope, ==, CF_LIMIT_SCOPE_ALL_SOURCES);
  g_assert_null (cf_target_get_limit_scope_label (t));
}

static void
test_sodium (void)
{
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) efsa = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) infant = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_MALE, 0.3, CF_CONDITION_NONE);
  const CfTarget *t;

  /* AI as the target, the CDRR as a "reduce if above" limit, no UL */
  t = cf_targets_get (nasem, CF_TARGET_SODIUM);
  g_assert_cmpfloat (t->value, ==, 1500);
  g_assert_cmpstr (t->value_type, ==, "AI");
  g_assert_cmpfloat (t->limit, ==, 2300);
  g_assert_cmpstr (t->limit_type, ==, "CDRR");
  g_assert_nonnull (cf_target_get_limit_scope_label (t));

  t = cf_targets_get (efsa, CF_TARGET_SODIUM);
  g_assert_cmpfloat (t->value, ==, 2000);
  g_assert_cmpstr (t->value_type, ==, "SAI");
  g_assert_true (isnan (t->limit));
  g_assert_null (t->limit_type);

  /* No CDRR for infants */
  t = cf_targets_get (infant, CF_TARGET_SODIUM);
  g_assert_cmpfloat (t->value, ==, 110);
  g_assert_true (isnan (t->limit));
}

static void
test_unspecified (void)
{
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_UNSPECIFIED, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) no_age = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, NAN, CF_CONDITION_NONE);
  g_autoptr(CfTargets) dach = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_UNSPECIFIED, 30, CF_CONDITION_NONE);
  const CfTarget *t;

  /* The higher value of women and men, said so */
  t = cf_targets_get (nasem, CF_TARGET_MAGNESIUM);
  g_assert_cmpfloat (t->value, ==, 420);
  g_assert_cmpfloat (t->limit, ==, 350);
  g_assert_nonnull (t->explanation);
  g_assert_nonnull (strstr (t->explanation, "higher"));

  t = cf_targets_get (nasem, CF_TARGET_VITAMIN_K);
  g_assert_cmpfloat (t->value, ==, 120);

  /* Same values: nothing to explain */
  t = cf_targets_get (nasem, CF_TARGET_CALCIUM);
  g_assert_cmpfloat (t->value, ==, 1000);
  g_assert_null (t->explanation);

  t = cf_targets_get (dach, CF_TARGET_VITAMIN_C);
  g_assert_cmpfloat (t->value, ==, 110);

  /* Unknown age: the highest adult value and the lowest upper limit */
  t = cf_targets_get (no_age, CF_TARGET_CALCIUM);
  g_assert_cmpfloat (t->value, ==, 1200);
  g_assert_cmpfloat (t->limit, ==, 2000);
  g_assert_nonnull (strstr (t->explanation, "Age"));
  t = cf_targets_get (no_age, CF_TARGET_VITAMIN_D);
  g_assert_cmpfloat (t->value, ==, 20);
}

static void
test_override (void)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  GDate date = day_of ("2025-01-01");
  const CfTarget *t;

  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  cf_profile_set_age (profile, 40);
  cf_profile_set_override (profile, CF_TARGET_MAGNESIUM, 500);
  g_assert_cmpfloat (cf_profile_get_override (profile, CF_TARGET_MAGNESIUM), ==, 500);
  g_assert_true (isnan (cf_profile_get_override (profile, CF_TARGET_CALCIUM)));

  targets = cf_targets_new (profile, &date);
  t = cf_targets_get (targets, CF_TARGET_MAGNESIUM);
  g_assert_cmpfloat (t->value, ==, 500);
  g_assert_cmpfloat (t->reference_value, ==, 320);
  g_assert_true (t->overridden);
  /* The limit and source stay */
  g_assert_cmpfloat (t->limit, ==, 350);
  g_assert_cmpstr (t->value_type, ==, "RDA");
  g_assert_false (cf_targets_get (targets, CF_TARGET_CALCIUM)->overridden);

  /* Negative or NaN clears */
  cf_profile_set_override (profile, CF_TARGET_MAGNESIUM, -1);
  g_assert_true (isnan (cf_profile_get_override (profile, CF_TARGET_MAGNESIUM)));
}

static void
test_k2_goal (void)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  g_autoptr(CfTargets) mine = NULL;
  g_autofree char *source = NULL;
  GDate date = day_of ("2025-01-01");
  const CfTarget *t;

  targets = cf_targets_new (profile, &date);
  t = cf_targets_get (targets, CF_TARGET_VITAMIN_K2);
  g_assert_cmpfloat (t->value, ==, CF_K2_DEFAULT_GOAL_UG);
  g_assert_cmpfloat (t->value, ==, 29.1);
  g_assert_cmpstr (t->value_type, ==, "personal-goal");
  g_assert_false (t->from_table);
  g_assert_false (t->overridden);
  g_assert_cmpint (t->intake, ==, CF_INTAKE_VITAMIN_K2);
  g_assert_nonnull (strstr (t->citation, "Gast"));
  g_assert_nonnull (strstr (t->source_url, "10.1016/j.numecd.2008.10.004"));
  g_assert_nonnull (strstr (t->explanation, "Prospect-EPIC"));
  g_assert_nonnull (strstr (t->explanation, "0.91"));
  g_assert_nonnull (strstr (t->explanation, "not an official value"));
  source = cf_target_dup_source_label (t);
  g_assert_nonnull (strstr (source, "Gast"));

  cf_profile_set_k2_goal (profile, 90);
  mine = cf_targets_new (profile, &date);
  t = cf_targets_get (mine, CF_TARGET_VITAMIN_K2);
  g_assert_cmpfloat (t->value, ==, 90);
  g_assert_true (t->overridden);
  g_assert_cmpfloat (t->reference_value, ==, 29.1);

  /* The setting's -1 means the default */
  cf_profile_set_k2_goal (profile, -1);
  g_assert_cmpfloat (cf_profile_get_k2_goal (profile), ==, 29.1);
}

static void
test_vitamin_k_forms (void)
{
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) efsa = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) dach = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfNutrients) food = cf_nutrients_new ();

  g_assert_cmpint (cf_targets_get (nasem, CF_TARGET_VITAMIN_K)->intake, ==, CF_INTAKE_VITAMIN_K_TOTAL);
  g_assert_cmpint (cf_targets_get (dach, CF_TARGET_VITAMIN_K)->intake, ==, CF_INTAKE_VITAMIN_K_TOTAL);
  /* EFSA's AI is for phylloquinone only */
  g_assert_cmpint (cf_targets_get (efsa, CF_TARGET_VITAMIN_K)->intake, ==, CF_INTAKE_VITAMIN_K1);
  g_assert_cmpfloat (cf_targets_get (efsa, CF_TARGET_VITAMIN_K)->value, ==, 70);

  /* No value is not zero */
  g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, food)));
  g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, food)));

  /* MK-4 alone is partial: K2 and total K stay unknown */
  cf_nutrients_set (food, CF_NUTRIENT_MK4, 2);
  g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, food)));
  g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, food)));

  cf_nutrients_set (food, CF_NUTRIENT_MK9, 5);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, food), ==, 7);
  /* Total vitamin K needs K1 as well */
  g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, food)));

  /* A total K2 value wins over the forms */
  cf_nutrients_set (food, CF_NUTRIENT_VITAMIN_K2_TOTAL, 10);
  cf_nutrients_set (food, CF_NUTRIENT_VITAMIN_K1, 100);
  cf_nutrients_set (food, CF_NUTRIENT_DIHYDROPHYLLOQUINONE, 50);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, food), ==, 10);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, food), ==, 110);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K1, food), ==, 100);

  /* Vitamin K of unstated form (Cronometer's) counts toward total
   * vitamin K and never toward K1 or K2 */
  {
    g_autoptr(CfNutrients) imported = cf_nutrients_new ();

    cf_nutrients_set (imported, CF_NUTRIENT_VITAMIN_K_UNSTATED, 80);
    g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, imported), ==, 80);
    g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K1, imported)));
    g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, imported)));
    g_assert_true (isnan (cf_nutrients_get_vitamin_k2 (imported)));
    g_assert_true (isnan (cf_key_nutrient_get_value (CF_KEY_VITAMIN_K1, imported)));
    g_assert_true (isnan (cf_key_nutrient_get_value (CF_KEY_VITAMIN_K2, imported)));

    /* Beside K1 alone it does not make the total known */
    cf_nutrients_set (imported, CF_NUTRIENT_VITAMIN_K1, 30);
    g_assert_true (isnan (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, imported)));

    /* With stated forms beside it, the parts add up */
    cf_nutrients_set (food, CF_NUTRIENT_VITAMIN_K_UNSTATED, 5);
    g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K_TOTAL, food), ==, 115);
    g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K1, food), ==, 100);
    g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_VITAMIN_K2, food), ==, 10);
    cf_nutrients_unset (food, CF_NUTRIENT_VITAMIN_K_UNSTATED);
  }

  cf_nutrients_set (food, CF_NUTRIENT_EPA, 0.5);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_EPA_DHA, food), ==, 0.5);
  cf_nutrients_set (food, CF_NUTRIENT_DHA, 0.25);
  g_assert_cmpfloat (cf_intake_per_100g (CF_INTAKE_EPA_DHA, food), ==, 0.75);

  g_assert_nonnull (cf_intake_get_forms (CF_INTAKE_VITAMIN_K_TOTAL));
  g_assert_nonnull (strstr (cf_intake_get_forms (CF_INTAKE_VITAMIN_K_TOTAL), "MK-7"));
}

static void
test_fallbacks (void)
{
  g_autoptr(CfTargets) child = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 10, CF_CONDITION_NONE);
  g_autoptr(CfTargets) nasem = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfTargets) pregnant = targets_for (CF_REFERENCE_SET_NASEM, CF_SEX_FEMALE, 30, CF_CONDITION_PREGNANCY);
  g_autoptr(CfTargets) efsa_pregnant = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_FEMALE, 30, CF_CONDITION_PREGNANCY);
  const CfTarget *t;

  /* EFSA has adults only: NASEM's value, said so */
  t = cf_targets_get (child, CF_TARGET_CALCIUM);
  g_assert_true (t->fallback);
  g_assert_cmpint (t->set, ==, CF_REFERENCE_SET_NASEM);
  g_assert_cmpfloat (t->value, ==, 1300);
  g_assert_nonnull (strstr (t->explanation, "EFSA gives no value"));

  /* NASEM has no EPA + DHA value: EFSA's AI, in grams */
  t = cf_targets_get (nasem, CF_TARGET_EPA_DHA);
  g_assert_true (t->fallback);
  g_assert_cmpint (t->set, ==, CF_REFERENCE_SET_EFSA);
  g_assert_cmpfloat_with_epsilon (t->value, 0.25, 1e-12);

  /* Only D-A-CH has a DHA value, for pregnancy and lactation */
  t = cf_targets_get (pregnant, CF_TARGET_DHA);
  g_assert_cmpint (t->set, ==, CF_REFERENCE_SET_DACH);
  g_assert_cmpfloat_with_epsilon (t->value, 0.2, 1e-12);
  g_assert_false (cf_target_has_value (cf_targets_get (nasem, CF_TARGET_DHA)));

  /* A row without a value is no target, and no other set stands in
   * (D-A-CH's phosphorus in pregnancy was not read) */
  {
    g_autoptr(CfTargets) dach_pregnant = targets_for (CF_REFERENCE_SET_DACH, CF_SEX_FEMALE, 30, CF_CONDITION_PREGNANCY);

    t = cf_targets_get (dach_pregnant, CF_TARGET_PHOSPHORUS);
    g_assert_false (t->fallback);
    g_assert_false (cf_target_has_value (t));
    g_assert_nonnull (t->note);
  }

  /* ... unless its note says which value applies: EFSA's EPA + DHA in
   * pregnancy is the adult value plus extra DHA */
  t = cf_targets_get (efsa_pregnant, CF_TARGET_EPA_DHA);
  g_assert_false (t->fallback);
  g_assert_cmpfloat_with_epsilon (t->value, 0.25, 1e-12);
}

static void
test_energy_and_weight (void)
{
  g_autoptr(CfTargets) efsa = targets_for (CF_REFERENCE_SET_EFSA, CF_SEX_MALE, 40, CF_CONDITION_NONE);
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) pregnant = NULL;
  GDate date = day_of ("2025-01-01");
  const CfTarget *t;

  t = cf_targets_get (efsa, CF_TARGET_ALA);
  g_assert_true (cf_target_has_value (t));
  g_assert_true (isnan (t->value));
  g_assert_cmpfloat (t->energy_percent, ==, 0.5);
  /* 0.5 % of 1800 kcal, at 9 kcal per gram */
  g_assert_cmpfloat_with_epsilon (cf_target_get_value_for_energy (t, 1800), 1.0, 1e-12);
  g_assert_true (isnan (cf_target_get_value_for_energy (t, NAN)));

  /* Protein per kg: no daily target without a weight */
  t = cf_targets_get (efsa, CF_TARGET_PROTEIN);
  g_assert_false (cf_target_has_value (t));
  g_assert_cmpfloat (t->per_kg, ==, 0.83);
  g_assert_nonnull (strstr (t->explanation, "weight"));

  /* EFSA pregnancy: women's PRI plus the increment; the highest
   * increment when the month is unknown */
  cf_profile_set_reference_set (profile, CF_REFERENCE_SET_EFSA);
  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  cf_profile_set_age (profile, 30);
  cf_profile_set_condition (profile, CF_CONDITION_PREGNANCY);
  cf_profile_set_body_weight (profile, 70);
  pregnant = cf_targets_new (profile, &date);
  t = cf_targets_get (pregnant, CF_TARGET_PROTEIN);
  g_assert_cmpfloat_with_epsilon (t->value, 0.83 * 70 + 28, 1e-9);
  g_assert_nonnull (strstr (t->explanation, "month"));
}

static void
test_condition_stage (void)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) early = NULL;
  g_autoptr(CfTargets) later = NULL;
  GDate date = day_of ("2025-01-01");
  const CfTarget *t;

  cf_profile_set_reference_set (profile, CF_REFERENCE_SET_DACH);
  cf_profile_set_condition (profile, CF_CONDITION_PREGNANCY);
  cf_profile_set_age (profile, 30);

  /* D-A-CH's pregnancy vitamin C applies from the 4th month; before,
   * the value for women */
  cf_profile_set_condition_month (profile, 1);
  early = cf_targets_new (profile, &date);
  t = cf_targets_get (early, CF_TARGET_VITAMIN_C);
  g_assert_cmpfloat (t->value, ==, 95);
  g_assert_cmpstr (t->life_stage, ==, "women 25-<51 y");
  g_assert_nonnull (strstr (t->explanation, "pregnancy"));

  cf_profile_set_condition_month (profile, 4);
  later = cf_targets_new (profile, &date);
  t = cf_targets_get (later, CF_TARGET_VITAMIN_C);
  g_assert_cmpfloat (t->value, ==, 105);
}

static void
test_age (void)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) before = NULL;
  g_autoptr(CfTargets) after = NULL;
  GDate birth = day_of ("1990-06-15");
  GDate day;

  g_assert_true (isnan (cf_profile_get_age_on (profile, &birth)));
  cf_profile_set_age (profile, 42);
  g_assert_cmpfloat (cf_profile_get_age_on (profile, &birth), ==, 42);

  /* A birth date wins over the age */
  cf_profile_set_birth_date (profile, &birth);
  day = day_of ("2040-06-15");
  g_assert_cmpfloat (cf_profile_get_age_on (profile, &day), ==, 50);
  day = day_of ("2040-06-14");
  g_assert_cmpfloat (cf_profile_get_age_on (profile, &day), <, 50);
  g_assert_cmpfloat (cf_profile_get_age_on (profile, &day), >, 49.99);
  day = day_of ("1990-12-15");
  g_assert_cmpfloat_with_epsilon (cf_profile_get_age_on (profile, &day), 183.0 / 365, 1e-9);

  /* The day someone turns 51, the targets change */
  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  day = day_of ("2041-06-14");
  before = cf_targets_new (profile, &day);
  day = day_of ("2041-06-15");
  after = cf_targets_new (profile, &day);
  g_assert_cmpfloat (cf_targets_get (before, CF_TARGET_CALCIUM)->value, ==, 1000);
  g_assert_cmpfloat (cf_targets_get (after, CF_TARGET_CALCIUM)->value, ==, 1200);
  g_assert_cmpfloat (cf_targets_get (after, CF_TARGET_CALCIUM)->limit, ==, 2000);
}

static void
test_keys (void)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(GError) error = NULL;
  CfTargetId id;
  CfReferenceSet set;
  CfSex sex;
  CfCondition condition;

  for (guint i = 0; i < CF_N_TARGETS; i++)
    {
      g_assert_true (cf_target_id_from_key (cf_target_id_to_key (i), &id));
      g_assert_cmpint (id, ==, i);
      g_assert_nonnull (cf_target_id_get_name (i));
    }
  g_assert_false (cf_target_id_from_key ("vitamin_q", &id));

  /* Keys of targets on one catalog nutrient are the catalog keys (the
   * "target-overrides" setting uses them) */
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      if (cf_target_id_for_nutrient (n, &id))
        g_assert_cmpstr (cf_target_id_to_key (id), ==, cf_nutrient_get_key (n));
    }

  g_assert_true (cf_reference_set_from_key ("EFSA", &set));
  g_assert_cmpint (set, ==, CF_REFERENCE_SET_EFSA);
  g_assert_false (cf_reference_set_from_key ("who", &set));
  g_assert_true (cf_sex_from_key ("male", &sex));
  g_assert_cmpint (sex, ==, CF_SEX_MALE);
  g_assert_true (cf_condition_from_key ("lactation", &condition));
  g_assert_cmpint (condition, ==, CF_CONDITION_LACTATION);

  g_assert_true (cf_profile_validate (profile, &error));
  cf_profile_set_sex (profile, CF_SEX_MALE);
  cf_profile_set_condition (profile, CF_CONDITION_PREGNANCY);
  g_assert_false (cf_profile_validate (profile, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/targets/copies-identical", test_copies_identical);
  g_test_add_func ("/targets/csv-parse", test_csv_parse);
  g_test_add_data_func ("/targets/every-row/nasem", GUINT_TO_POINTER (CF_REFERENCE_SET_NASEM), test_every_row);
  g_test_add_data_func ("/targets/every-row/efsa", GUINT_TO_POINTER (CF_REFERENCE_SET_EFSA), test_every_row);
  g_test_add_data_func ("/targets/every-row/dach", GUINT_TO_POINTER (CF_REFERENCE_SET_DACH), test_every_row);
  g_test_add_func ("/targets/magnesium-limit-scope", test_magnesium_limit_scope);
  g_test_add_func ("/targets/sodium", test_sodium);
  g_test_add_func ("/targets/unspecified", test_unspecified);
  g_test_add_func ("/targets/override", test_override);
  g_test_add_func ("/targets/k2-goal", test_k2_goal);
  g_test_add_func ("/targets/vitamin-k-forms", test_vitamin_k_forms);
  g_test_add_func ("/targets/fallbacks", test_fallbacks);
  g_test_add_func ("/targets/energy-and-weight", test_energy_and_weight);
  g_test_add_func ("/targets/condition-stage", test_condition_stage);
  g_test_add_func ("/targets/age", test_age);
  g_test_add_func ("/targets/keys", test_keys);
  g_test_add_func ("/targets/limit-fallback", test_limit_fallback);
  g_test_add_func ("/targets/names-and-omega3", test_names_and_omega3);

  return g_test_run ();
}
