/* cf-targets.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-targets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-key-nutrients.h"
#include "cf-life-stages.h"
#include "cf-targets.h"

/**
 * CfTargets:
 *
 * The daily targets and upper limits of one profile on one date, read
 * from the reference intake tables (data/reference-intakes/, compiled
 * in).  No value is typed in this file except the vitamin K2 personal
 * goal, which no reference body sets (see %CF_K2_DEFAULT_GOAL_UG).
 *
 * How a row is chosen, for a target and a reference set:
 *
 * 1. Rows of the target's nutrient (see csv_nutrients[]) whose
 *    condition, sex, age and pregnancy/lactation stage fit the profile.
 *    An unspecified sex fits the rows of both sexes; an unknown age fits
 *    every adult row (age 19 and over); an unknown stage fits every
 *    stage.  When several rows fit, the highest value is the target and
 *    the lowest upper limit the limit, and the explanation says so.
 * 2. In pregnancy or lactation, when no row of that condition fits
 *    (e.g. D-A-CH vitamin C before the 4th month), the rows for women
 *    without the condition are used.
 * 3. When the profile's reference set has no fitting row (EFSA and
 *    D-A-CH cover adults only; NASEM gives no EPA + DHA value), the
 *    other sets are tried in the order NASEM, EFSA, D-A-CH, and the
 *    target says which one it comes from.
 * 4. A fitting row whose value cell is empty gives no target: the
 *    table says the value was not found, and no other row stands in,
 *    except where the row's own note says which value applies (see
 *    stand_ins[]: EFSA's EPA + DHA in pregnancy and lactation).
 * 5. Upper limits are chosen per nutrient: when the rows that give the
 *    value have no upper limit (D-A-CH gives none at all; EFSA none for
 *    vitamin D in pregnancy and lactation), the same life stage is
 *    looked up in EFSA's table, then in NASEM's (see limit_sets[]), and
 *    the target names the table and life stage its limit comes from.
 *    When no table gives one, the target says plainly that no limit is
 *    checked (limit_explanation).
 *
 * Special cases, as data/reference-intakes/README.md describes them:
 * NASEM sodium's CDRR rows give the sodium limit ("reduce if above");
 * magnesium's upper limits count supplements only; EFSA's vitamin K AI
 * is compared with K1 only; per-kg values need the body weight;
 * % energy values need the day's energy intake; EFSA protein in
 * pregnancy and lactation is the PRI for women plus an increment.
 */
struct _CfProfile
{
  CfSex          sex;
  GDate          birth_date;
  double         age;
  CfCondition    condition;
  int            condition_month;
  CfReferenceSet set;
  double         body_weight;
  double         overrides[CF_N_TARGETS];
};

struct _CfTargets
{
  GObject    parent_instance;
  CfProfile *profile;
  GDate      date;
  CfTarget   targets[CF_N_TARGETS];
};

G_DEFINE_BOXED_TYPE (CfProfile, cf_profile, cf_profile_copy, cf_profile_free)
G_DEFINE_BOXED_TYPE (CfTarget, cf_target, cf_target_copy, cf_target_free)
G_DEFINE_FINAL_TYPE (CfTargets, cf_targets, G_TYPE_OBJECT)


static const struct {
  const char *key;
  const char *name;
  CfUnit      unit;
  CfUnit      display_unit;
  guint       decimals;
  int         nutrient;
  const char *forms;
  const char *sql;
} intakes[CF_N_INTAKES] = {
  [CF_INTAKE_CALCIUM] =
    { "calcium", N_("Calcium"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_CALCIUM, NULL, "calcium" },
  [CF_INTAKE_MAGNESIUM] =
    { "magnesium", N_("Magnesium"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_MAGNESIUM, NULL, "magnesium" },
  [CF_INTAKE_PHOSPHORUS] =
    { "phosphorus", N_("Phosphorus"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_PHOSPHORUS, NULL, "phosphorus" },
  [CF_INTAKE_POTASSIUM] =
    { "potassium", N_("Potassium"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_POTASSIUM, NULL, "potassium" },
  [CF_INTAKE_SODIUM] =
    { "sodium", N_("Sodium"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_SODIUM, NULL, "sodium" },
  [CF_INTAKE_VITAMIN_D] =
    { "vitamin_d", N_("Vitamin D"), CF_UNIT_UG, CF_UNIT_UG, 1, CF_NUTRIENT_VITAMIN_D, NULL, "vitamin_d" },
  [CF_INTAKE_VITAMIN_K1] =
    { "vitamin_k1", N_("Vitamin K1"), CF_UNIT_UG, CF_UNIT_UG, 1, CF_NUTRIENT_VITAMIN_K1,
      N_("Counts vitamin K1 (phylloquinone) only."), "vitamin_k1" },
  [CF_INTAKE_VITAMIN_K2] =
    { "vitamin_k2", N_("Vitamin K2"), CF_UNIT_UG, CF_UNIT_UG, 1, -1,
      N_("Counts each food’s total vitamin K2 value, or where it has none the sum of its MK-4, MK-7, MK-8 and MK-9 values. A food with MK-4 alone counts as missing data unless its kind holds no longer menaquinones."),
      NULL /* _cf_k2_sql () */ },
  /* Vitamin K of a form the source does not state (Cronometer's
   * "Vitamin K") is counted here and only here: it is never taken for
   * K1 or K2. */
  [CF_INTAKE_VITAMIN_K_TOTAL] =
    { "vitamin_k", N_("Vitamin K"), CF_UNIT_UG, CF_UNIT_UG, 1, -1,
      N_("Counts vitamin K1 (phylloquinone) and vitamin K2 (menaquinones: a food’s total K2 value, or the sum of its MK-4, MK-7, MK-8 and MK-9 values), for foods where both are known, and vitamin K whose form the source does not state, such as values imported from other trackers; dihydrophylloquinone is not counted."),
      NULL /* see _cf_intake_get_sql () */ },
  [CF_INTAKE_VITAMIN_C] =
    { "vitamin_c", N_("Vitamin C"), CF_UNIT_MG, CF_UNIT_MG, 0, CF_NUTRIENT_VITAMIN_C, NULL, "vitamin_c" },
  /* USDA gives ALA itself (851) for few foods and undifferentiated
   * 18:3 (619) for most; its README notes that for most plant foods 619
   * is close to ALA.  So a food's ALA value is used, else its 18:3. */
  [CF_INTAKE_ALA] =
    { "ala", N_("Alpha-linolenic acid (ALA)"), CF_UNIT_G, CF_UNIT_G, 2, CF_NUTRIENT_ALA,
      N_("Counts each food’s ALA value, or where it has none its undifferentiated 18:3 fatty acids, which for most plant foods are close to ALA."),
      "COALESCE (ala, fa_18_3)" },
  [CF_INTAKE_EPA_DHA] =
    { "epa_dha", N_("Omega-3 long-chain (EPA + DHA)"), CF_UNIT_G, CF_UNIT_MG, 0, -1,
      N_("Counts EPA plus DHA."),
      "(CASE WHEN epa IS NOT NULL OR dha IS NOT NULL THEN IFNULL (epa, 0) + IFNULL (dha, 0) END)" },
  [CF_INTAKE_DHA] =
    { "dha", N_("Docosahexaenoic acid (DHA)"), CF_UNIT_G, CF_UNIT_MG, 0, CF_NUTRIENT_DHA, NULL, "dha" },
  [CF_INTAKE_FIBER] =
    { "fiber", N_("Fiber"), CF_UNIT_G, CF_UNIT_G, 1, CF_NUTRIENT_FIBER, NULL, "fiber" },
  [CF_INTAKE_PROTEIN] =
    { "protein", N_("Protein"), CF_UNIT_G, CF_UNIT_G, 1, CF_NUTRIENT_PROTEIN, NULL, "protein" },
  [CF_INTAKE_ENERGY] =
    { "energy", N_("Energy"), CF_UNIT_KCAL, CF_UNIT_KCAL, 0, CF_NUTRIENT_ENERGY, NULL, "energy" },
};

/* The targets: key, name, what they are compared with by default, the
 * scope of their upper limit and the catalog nutrient they are for. */
static const struct {
  const char   *key;
  const char   *name;
  CfIntake      intake;
  CfLimitScope  limit_scope;
  int           nutrient;
} target_info[CF_N_TARGETS] = {
  [CF_TARGET_CALCIUM] =
    { "calcium", N_("Calcium"), CF_INTAKE_CALCIUM, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_CALCIUM },
  /* README: the NASEM and EFSA magnesium ULs apply to supplemental
   * magnesium only, never to food and water */
  [CF_TARGET_MAGNESIUM] =
    { "magnesium", N_("Magnesium"), CF_INTAKE_MAGNESIUM, CF_LIMIT_SCOPE_SUPPLEMENTS, CF_NUTRIENT_MAGNESIUM },
  [CF_TARGET_VITAMIN_D] =
    { "vitamin_d", N_("Vitamin D"), CF_INTAKE_VITAMIN_D, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_VITAMIN_D },
  /* Total vitamin K for NASEM and D-A-CH, K1 only for EFSA: see
   * cf_target_get_name() for the name of a resolved target */
  [CF_TARGET_VITAMIN_K] =
    { "vitamin_k", N_("Vitamin K"), CF_INTAKE_VITAMIN_K_TOTAL, CF_LIMIT_SCOPE_ALL_SOURCES, -1 },
  [CF_TARGET_VITAMIN_K2] =
    { "vitamin_k2", N_("Vitamin K2 (personal goal)"), CF_INTAKE_VITAMIN_K2, CF_LIMIT_SCOPE_ALL_SOURCES, -1 },
  [CF_TARGET_PHOSPHORUS] =
    { "phosphorus", N_("Phosphorus"), CF_INTAKE_PHOSPHORUS, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_PHOSPHORUS },
  [CF_TARGET_POTASSIUM] =
    { "potassium", N_("Potassium"), CF_INTAKE_POTASSIUM, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_POTASSIUM },
  [CF_TARGET_SODIUM] =
    { "sodium", N_("Sodium"), CF_INTAKE_SODIUM, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_SODIUM },
  [CF_TARGET_VITAMIN_C] =
    { "vitamin_c", N_("Vitamin C"), CF_INTAKE_VITAMIN_C, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_VITAMIN_C },
  [CF_TARGET_ALA] =
    { "ala", N_("Alpha-linolenic acid (ALA)"), CF_INTAKE_ALA, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_ALA },
  [CF_TARGET_EPA_DHA] =
    { "epa_dha", N_("Omega-3 long-chain (EPA + DHA)"), CF_INTAKE_EPA_DHA, CF_LIMIT_SCOPE_ALL_SOURCES, -1 },
  [CF_TARGET_DHA] =
    { "dha", N_("DHA"), CF_INTAKE_DHA, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_DHA },
  [CF_TARGET_FIBER] =
    { "fiber", N_("Fiber"), CF_INTAKE_FIBER, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_FIBER },
  [CF_TARGET_PROTEIN] =
    { "protein", N_("Protein"), CF_INTAKE_PROTEIN, CF_LIMIT_SCOPE_ALL_SOURCES, CF_NUTRIENT_PROTEIN },
};

/* The one mapping from the tables' nutrient names to targets, with
 * what each row's value is compared with.  tests/test-targets.c fails
 * on a table nutrient missing here. */
static const struct {
  const char *name;
  CfTargetId  target;
  CfIntake    intake;
} csv_nutrients[] = {
  { "calcium",                    CF_TARGET_CALCIUM,    CF_INTAKE_CALCIUM },
  { "magnesium",                  CF_TARGET_MAGNESIUM,  CF_INTAKE_MAGNESIUM },
  { "phosphorus",                 CF_TARGET_PHOSPHORUS, CF_INTAKE_PHOSPHORUS },
  { "potassium",                  CF_TARGET_POTASSIUM,  CF_INTAKE_POTASSIUM },
  { "sodium",                     CF_TARGET_SODIUM,     CF_INTAKE_SODIUM },
  { "vitamin D",                  CF_TARGET_VITAMIN_D,  CF_INTAKE_VITAMIN_D },
  /* NASEM and D-A-CH: total vitamin K */
  { "vitamin K",                  CF_TARGET_VITAMIN_K,  CF_INTAKE_VITAMIN_K_TOTAL },
  /* EFSA: the AI covers phylloquinone (K1) only */
  { "vitamin K (phylloquinone)",  CF_TARGET_VITAMIN_K,  CF_INTAKE_VITAMIN_K1 },
  { "vitamin C",                  CF_TARGET_VITAMIN_C,  CF_INTAKE_VITAMIN_C },
  { "alpha-linolenic acid (ALA)", CF_TARGET_ALA,        CF_INTAKE_ALA },
  { "EPA+DHA",                    CF_TARGET_EPA_DHA,    CF_INTAKE_EPA_DHA },
  { "DHA",                        CF_TARGET_DHA,        CF_INTAKE_DHA },
  { "fiber (total)",              CF_TARGET_FIBER,      CF_INTAKE_FIBER },
  { "fiber (dietary fibre)",      CF_TARGET_FIBER,      CF_INTAKE_FIBER },
  { "fiber (Ballaststoffe)",      CF_TARGET_FIBER,      CF_INTAKE_FIBER },
  { "protein",                    CF_TARGET_PROTEIN,    CF_INTAKE_PROTEIN },
};

/* Stages of pregnancy and lactation named in life stage labels, as
 * ranges of completed months [min, max) since conception or birth */
static const struct {
  const char *label;
  int         month_min;
  int         month_max;
} stages[] = {
  { "1st trimester",  0, 3 },
  { "2nd trimester",  3, 6 },
  { "3rd trimester",  6, G_MAXINT },
  { "first 6 months", 0, 6 },
  { "after 6 months", 6, G_MAXINT },
  { "from 4th month", 3, G_MAXINT },
};

/* Rows whose value cell is empty but whose note says which value
 * applies: the value of the same table's row for women without the
 * condition is used.  EFSA's EPA + DHA rows for pregnancy and lactation
 * read "adult AI (250 mg EPA+DHA) plus an additional 100-200 mg
 * preformed DHA/day - no single total value stated": the adult 250 mg
 * stays the EPA + DHA target, and the extra DHA is the DHA target. */
static const struct {
  CfReferenceSet  set;
  const char     *nutrient;
  const char     *note_prefix;
} stand_ins[] = {
  { CF_REFERENCE_SET_EFSA, "EPA+DHA", "adult AI (250 mg EPA+DHA) plus" },
};

/* Where an upper limit is looked up when the value's own rows give
 * none, in this order (the table of the value is skipped).  EFSA first:
 * D-A-CH, which sets no upper limits of its own, is the reference of
 * Germany, Austria and Switzerland, for which EFSA's are the European
 * limits; then NASEM, whose tables give limits for pregnancy and
 * lactation where EFSA's (as read) do not. */
static const CfReferenceSet limit_sets[] = {
  CF_REFERENCE_SET_EFSA,
  CF_REFERENCE_SET_NASEM,
};

typedef enum
{
  UNIT_PER_DAY,
  UNIT_ENERGY_PERCENT,
  UNIT_PER_KG,
} UnitKind;

static const struct {
  const char *prefix;
  UnitKind    kind;
  CfUnit      unit;
} csv_units[] = {
  { "mg/day",               UNIT_PER_DAY,        CF_UNIT_MG },
  { "µg/day",               UNIT_PER_DAY,        CF_UNIT_UG },
  { "g/day",                UNIT_PER_DAY,        CF_UNIT_G },
  { "% energy",             UNIT_ENERGY_PERCENT, CF_UNIT_G },
  { "g/kg body weight/day", UNIT_PER_KG,         CF_UNIT_G },
};

static const struct {
  const char *type;
  const char *name;
} value_types[] = {
  { "RDA",           N_("Recommended Dietary Allowance (RDA)") },
  { "AI",            N_("Adequate Intake (AI)") },
  { "PRI",           N_("Population Reference Intake (PRI)") },
  { "PRI_increment", N_("Increment on the Population Reference Intake") },
  { "SAI",           N_("Safe and adequate intake") },
  { "CDRR",          N_("Chronic Disease Risk Reduction intake (CDRR)") },
  { "ND",            N_("Not determined") },
  /* Translators: D-A-CH "empfohlene Zufuhr" */
  { "recommended",   N_("Recommended intake") },
  /* Translators: D-A-CH "Schätzwert" */
  { "estimated",     N_("Estimated value") },
  /* Translators: D-A-CH "Richtwert" */
  { "guide",         N_("Guide value") },
  { "UL",            N_("Tolerable Upper Intake Level (UL)") },
  { "personal-goal", N_("Personal goal") },
};

static gboolean csv_nutrient_lookup (const char *name,
                                     CfTargetId *target,
                                     CfIntake   *intake);

/* Sex and condition keys are those of the GSettings schema */
static const char *sex_keys[] = { "unspecified", "female", "male" };
static const char *condition_keys[] = { "none", "pregnancy", "lactation" };

const char *
cf_sex_to_key (CfSex sex)
{
  g_return_val_if_fail (sex < G_N_ELEMENTS (sex_keys), NULL);

  return sex_keys[sex];
}

gboolean
cf_sex_from_key (const char *key,
                 CfSex      *sex)
{
  g_return_val_if_fail (sex != NULL, FALSE);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (sex_keys); i++)
    {
      if (g_ascii_strcasecmp (key, sex_keys[i]) == 0)
        {
          *sex = (CfSex) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cf_condition_to_key (CfCondition condition)
{
  g_return_val_if_fail (condition < G_N_ELEMENTS (condition_keys), NULL);

  return condition_keys[condition];
}

gboolean
cf_condition_from_key (const char  *key,
                       CfCondition *condition)
{
  g_return_val_if_fail (condition != NULL, FALSE);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (condition_keys); i++)
    {
      if (g_ascii_strcasecmp (key, condition_keys[i]) == 0)
        {
          *condition = (CfCondition) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Intakes */

const char *
cf_intake_get_key (CfIntake intake)
{
  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  return intakes[intake].key;
}

const char *
cf_intake_get_name (CfIntake intake)
{
  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, intakes[intake].name);
}

CfUnit
cf_intake_get_unit (CfIntake intake)
{
  g_return_val_if_fail (intake < CF_N_INTAKES, CF_UNIT_G);

  return intakes[intake].unit;
}

/**
 * cf_intake_get_forms:
 *
 * Returns: (transfer none) (nullable): a translated sentence saying
 *   which nutrient forms the intake counts, for the composite ones
 */
const char *
cf_intake_get_forms (CfIntake intake)
{
  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  if (intakes[intake].forms == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, intakes[intake].forms);
}

const char *
_cf_intake_get_sql (CfIntake intake)
{
  static char *k2_sql, *k_total_sql;
  static gsize initialized;

  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  /* Vitamin K follows the one K2 rule of cf-key-nutrients.c; K1 and K2
   * count toward total vitamin K only where both are known; vitamin K
   * of unstated form adds to them, or stands alone where no form is
   * stated (a food with K1 but no K2 stays unknown) */
  if (g_once_init_enter (&initialized))
    {
      g_autofree char *known = _cf_k2_sql (NULL, TRUE);

      k2_sql = _cf_k2_sql (NULL, FALSE);
      k_total_sql = g_strdup_printf ("(CASE WHEN vitamin_k1 IS NOT NULL AND %s"
                                     " THEN vitamin_k1 + %s + IFNULL (vitamin_k_unstated, 0)"
                                     " WHEN vitamin_k1 IS NULL"
                                     " AND COALESCE (vitamin_k2_total, mk4, mk7, mk8, mk9) IS NULL"
                                     " THEN vitamin_k_unstated END)",
                                     known, k2_sql);
      g_once_init_leave (&initialized, 1);
    }

  if (intake == CF_INTAKE_VITAMIN_K2)
    return k2_sql;
  if (intake == CF_INTAKE_VITAMIN_K_TOTAL)
    return k_total_sql;

  return intakes[intake].sql;
}

/**
 * cf_intake_per_100g:
 *
 * The same per-food rule as the SQL aggregates, for one food.
 *
 * Returns: the amount of @intake in 100 g of a food with the values
 *   @per_100g, or NaN when the food has no value for it
 */
double
cf_intake_per_100g (CfIntake           intake,
                    const CfNutrients *per_100g)
{
  g_return_val_if_fail (intake < CF_N_INTAKES, NAN);
  g_return_val_if_fail (per_100g != NULL, NAN);

  switch (intake)
    {
    case CF_INTAKE_VITAMIN_K2:
      return cf_nutrients_get_vitamin_k2 (per_100g);

    case CF_INTAKE_VITAMIN_K_TOTAL:
      {
        double k1 = cf_nutrients_get (per_100g, CF_NUTRIENT_VITAMIN_K1);
        double k2 = cf_nutrients_get_vitamin_k2 (per_100g);
        double unstated = cf_nutrients_get (per_100g, CF_NUTRIENT_VITAMIN_K_UNSTATED);

        /* K1 and K2 count only together; vitamin K of unstated form
         * adds to them, or stands alone where no form is stated */
        if (!isnan (k1) && !isnan (k2))
          return k1 + k2 + (isnan (unstated) ? 0 : unstated);
        if (isnan (k1) && cf_nutrients_get_k2_state (per_100g) == CF_K2_STATE_UNKNOWN)
          return unstated;
        return NAN;
      }

    case CF_INTAKE_EPA_DHA:
      return cf_nutrients_get_epa_dha (per_100g);

    case CF_INTAKE_ALA:
      if (cf_nutrients_has (per_100g, CF_NUTRIENT_ALA))
        return cf_nutrients_get (per_100g, CF_NUTRIENT_ALA);
      return cf_nutrients_get (per_100g, CF_NUTRIENT_FA_18_3);

    case CF_INTAKE_CALCIUM:
    case CF_INTAKE_MAGNESIUM:
    case CF_INTAKE_PHOSPHORUS:
    case CF_INTAKE_POTASSIUM:
    case CF_INTAKE_SODIUM:
    case CF_INTAKE_VITAMIN_D:
    case CF_INTAKE_VITAMIN_K1:
    case CF_INTAKE_VITAMIN_C:
    case CF_INTAKE_DHA:
    case CF_INTAKE_FIBER:
    case CF_INTAKE_PROTEIN:
    case CF_INTAKE_ENERGY:
    default:
      return cf_nutrients_get (per_100g, intakes[intake].nutrient);
    }
}

/**
 * cf_intake_format_value:
 *
 * Formats an amount of @intake (in cf_intake_get_unit()) for display,
 * following the locale; EPA and DHA are shown in mg.  NaN is shown as
 * a translated "no data".
 */
char *
cf_intake_format_value (CfIntake intake,
                        double   value)
{
  double shown;

  g_return_val_if_fail (intake < CF_N_INTAKES, NULL);

  if (isnan (value))
    return g_strdup (_("no data"));

  shown = intakes[intake].unit == intakes[intake].display_unit ? value
    : cf_unit_convert (value, intakes[intake].unit, intakes[intake].display_unit);

  /* Translators: a nutrient amount: %.*f is the number, %s the unit
   * symbol, e.g. "12.5 mg"; use a no-break space if your language
   * separates them */
  return g_strdup_printf (_("%.*f %s"), (int) intakes[intake].decimals,
                          fabs (shown) < 1e-9 ? 0.0 : shown,
                          cf_unit_get_symbol (intakes[intake].display_unit));
}

/* Target ids */

const char *
cf_target_id_to_key (CfTargetId id)
{
  g_return_val_if_fail (id < CF_N_TARGETS, NULL);

  return target_info[id].key;
}

gboolean
cf_target_id_from_key (const char *key,
                       CfTargetId *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; key != NULL && i < CF_N_TARGETS; i++)
    {
      if (strcmp (key, target_info[i].key) == 0)
        {
          *id = (CfTargetId) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cf_target_id_get_name (CfTargetId id)
{
  g_return_val_if_fail (id < CF_N_TARGETS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, target_info[id].name);
}

/**
 * cf_target_id_get_intake:
 *
 * Returns: what the target is usually compared with; a #CfTarget's
 *   @intake says what it is compared with for its reference set
 */
CfIntake
cf_target_id_get_intake (CfTargetId id)
{
  g_return_val_if_fail (id < CF_N_TARGETS, CF_INTAKE_ENERGY);

  return target_info[id].intake;
}

/**
 * cf_target_id_for_nutrient:
 *
 * Returns: whether a target is set on exactly @nutrient
 */
gboolean
cf_target_id_for_nutrient (CfNutrient  nutrient,
                           CfTargetId *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CF_N_TARGETS; i++)
    {
      if (target_info[i].nutrient == (int) nutrient)
        {
          *id = (CfTargetId) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_target_id_from_table_nutrient:
 * @name: a nutrient name as the reference tables write it, e.g.
 *   "vitamin K (phylloquinone)"
 * @id: (out): the target its rows give
 * @intake: (out): what its values are compared with
 *
 * Returns: whether @name is a nutrient of the tables
 */
gboolean
cf_target_id_from_table_nutrient (const char *name,
                                  CfTargetId *id,
                                  CfIntake   *intake)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (intake != NULL, FALSE);

  return csv_nutrient_lookup (name, id, intake);
}

/**
 * cf_value_type_get_name:
 * @value_type: a value type from a reference table, "UL" or
 *   "personal-goal"
 *
 * Returns: (transfer none): its translated name, or @value_type itself
 *   when unknown
 */
const char *
cf_value_type_get_name (const char *value_type)
{
  for (guint i = 0; value_type != NULL && i < G_N_ELEMENTS (value_types); i++)
    {
      if (strcmp (value_type, value_types[i].type) == 0)
        return g_dgettext (GETTEXT_PACKAGE, value_types[i].name);
    }

  return value_type;
}

/* Profiles */

/**
 * cf_profile_new:
 *
 * Returns: (transfer full): a profile with nothing set: unspecified
 *   sex, unknown age, no condition, NASEM, no overrides
 */
CfProfile *
cf_profile_new (void)
{
  CfProfile *self = g_new0 (CfProfile, 1);

  g_date_clear (&self->birth_date, 1);
  self->sex = CF_SEX_UNSPECIFIED;
  self->age = NAN;
  self->condition = CF_CONDITION_NONE;
  self->condition_month = -1;
  self->set = CF_REFERENCE_SET_NASEM;
  self->body_weight = NAN;
  for (guint i = 0; i < CF_N_TARGETS; i++)
    self->overrides[i] = NAN;

  return self;
}

CfProfile *
cf_profile_copy (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
cf_profile_free (CfProfile *self)
{
  g_free (self);
}

CfSex
cf_profile_get_sex (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, CF_SEX_UNSPECIFIED);

  return self->sex;
}

void
cf_profile_set_sex (CfProfile *self,
                    CfSex      sex)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sex <= CF_SEX_MALE);

  self->sex = sex;
}

/**
 * cf_profile_get_birth_date:
 *
 * Returns: (nullable): the birth date, or %NULL when not set
 */
const GDate *
cf_profile_get_birth_date (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_date_valid (&self->birth_date) ? &self->birth_date : NULL;
}

/**
 * cf_profile_set_birth_date:
 * @birth_date: (nullable): the birth date, or %NULL to unset it
 *
 * A birth date takes precedence over an age.
 */
void
cf_profile_set_birth_date (CfProfile   *self,
                           const GDate *birth_date)
{
  g_return_if_fail (self != NULL);

  if (birth_date != NULL && g_date_valid (birth_date))
    self->birth_date = *birth_date;
  else
    g_date_clear (&self->birth_date, 1);
}

/**
 * cf_profile_get_age:
 *
 * Returns: the age in years given instead of a birth date, or NaN
 */
double
cf_profile_get_age (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->age;
}

void
cf_profile_set_age (CfProfile *self,
                    double     years)
{
  g_return_if_fail (self != NULL);

  self->age = (isfinite (years) && years >= 0) ? years : NAN;
}

/**
 * cf_profile_get_age_on:
 *
 * The age on @date in years, with the fraction of the current year (so
 * that a 9-month-old is 0.75): from the birth date if set, else the age
 * given.
 *
 * Returns: the age, or NaN when the profile has neither
 */
double
cf_profile_get_age_on (const CfProfile *self,
                       const GDate     *date)
{
  GDate last, next;
  int years;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NAN);

  if (!g_date_valid (&self->birth_date))
    return self->age;

  if (g_date_compare (date, &self->birth_date) <= 0)
    return 0;

  years = g_date_get_year (date) - g_date_get_year (&self->birth_date);
  last = self->birth_date;
  g_date_add_years (&last, years);
  if (g_date_compare (&last, date) > 0)
    {
      years--;
      last = self->birth_date;
      g_date_add_years (&last, years);
    }
  next = self->birth_date;
  g_date_add_years (&next, years + 1);

  return years + (double) g_date_days_between (&last, date) / g_date_days_between (&last, &next);
}

CfCondition
cf_profile_get_condition (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, CF_CONDITION_NONE);

  return self->condition;
}

void
cf_profile_set_condition (CfProfile   *self,
                          CfCondition  condition)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (condition <= CF_CONDITION_LACTATION);

  self->condition = condition;
}

/**
 * cf_profile_get_condition_month:
 *
 * Returns: completed months of pregnancy, or since birth for lactation
 *   (0 in the first month), or -1 when not given
 */
int
cf_profile_get_condition_month (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->condition_month;
}

void
cf_profile_set_condition_month (CfProfile *self,
                                int        month)
{
  g_return_if_fail (self != NULL);

  self->condition_month = MAX (month, -1);
}

CfReferenceSet
cf_profile_get_reference_set (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, CF_REFERENCE_SET_NASEM);

  return self->set;
}

void
cf_profile_set_reference_set (CfProfile      *self,
                              CfReferenceSet  set)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (set < CF_N_REFERENCE_SETS);

  self->set = set;
}

/**
 * cf_profile_get_body_weight:
 *
 * Returns: the body weight in kg, or NaN when not given; only targets
 *   given per kg of body weight need it
 */
double
cf_profile_get_body_weight (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->body_weight;
}

void
cf_profile_set_body_weight (CfProfile *self,
                            double     kg)
{
  g_return_if_fail (self != NULL);

  self->body_weight = (isfinite (kg) && kg > 0) ? kg : NAN;
}

/**
 * cf_profile_get_override:
 *
 * Returns: the user's own daily target in the unit of the target's
 *   intake, or NaN when the reference value applies
 */
double
cf_profile_get_override (const CfProfile *self,
                         CfTargetId       id)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (id < CF_N_TARGETS, NAN);

  return self->overrides[id];
}

/**
 * cf_profile_set_override:
 * @value: a daily target in the unit of cf_target_id_get_intake(), or
 *   NaN (or a negative number) to use the reference value again
 */
void
cf_profile_set_override (CfProfile  *self,
                         CfTargetId  id,
                         double      value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id < CF_N_TARGETS);

  self->overrides[id] = (isfinite (value) && value >= 0) ? value : NAN;
}

/**
 * cf_profile_get_k2_goal:
 *
 * Returns: the personal vitamin K2 goal in µg/day: the user's, or
 *   %CF_K2_DEFAULT_GOAL_UG
 */
double
cf_profile_get_k2_goal (const CfProfile *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (isnan (self->overrides[CF_TARGET_VITAMIN_K2]))
    return CF_K2_DEFAULT_GOAL_UG;

  return self->overrides[CF_TARGET_VITAMIN_K2];
}

/**
 * cf_profile_set_k2_goal:
 * @micrograms: the goal in µg/day, or a negative number (as the
 *   "k2-goal" setting's -1) for the default
 */
void
cf_profile_set_k2_goal (CfProfile *self,
                        double     micrograms)
{
  cf_profile_set_override (self, CF_TARGET_VITAMIN_K2, micrograms);
}

/**
 * cf_profile_validate:
 *
 * Refuses profiles that contradict themselves: pregnancy or lactation
 * with male sex, a birth date in the future or an age over 130.
 */
gboolean
cf_profile_validate (const CfProfile  *self,
                     GError          **error)
{
  GDate today;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->sex == CF_SEX_MALE && self->condition != CF_CONDITION_NONE)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Pregnancy and lactation need the sex to be female or unspecified"));
      return FALSE;
    }

  cf_day_set_today (&today);
  if (g_date_valid (&self->birth_date) && g_date_compare (&self->birth_date, &today) > 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The birth date is in the future"));
      return FALSE;
    }

  if (!isnan (self->age) && self->age > 130)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The age must be between 0 and 130 years"));
      return FALSE;
    }

  return TRUE;
}

#define SETTINGS_SCHEMA "io.github.cofactor.Cofactor"

/**
 * cf_profile_get_settings:
 *
 * Returns: (transfer full) (nullable): the application's settings, or
 *   %NULL when the schema is not installed (tests, uninstalled runs)
 */
GSettings *
cf_profile_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static GVariant *
get_setting (GSettings  *settings,
             const char *key,
             const char *type)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  schema_key = g_settings_schema_get_key (schema, key);
  if (!g_variant_type_equal (g_settings_schema_key_get_value_type (schema_key), G_VARIANT_TYPE (type)))
    return NULL;

  return g_settings_get_value (settings, key);
}

/**
 * cf_profile_load_settings:
 *
 * Reads the profile keys of the application's settings
 * (profile-sex, profile-birth-date, profile-condition, reference-set,
 * target-overrides, k2-goal) into @self.  Keys that are missing, of
 * another type or hold unknown values are skipped.
 */
void
cf_profile_load_settings (CfProfile *self,
                          GSettings *settings)
{
  g_autoptr(GVariant) sex = NULL;
  g_autoptr(GVariant) birth = NULL;
  g_autoptr(GVariant) condition = NULL;
  g_autoptr(GVariant) set = NULL;
  g_autoptr(GVariant) overrides = NULL;
  g_autoptr(GVariant) k2 = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  if ((sex = get_setting (settings, "profile-sex", "s")))
    cf_sex_from_key (g_variant_get_string (sex, NULL), &self->sex);

  if ((birth = get_setting (settings, "profile-birth-date", "s")))
    {
      GDate date;

      if (cf_day_parse (g_variant_get_string (birth, NULL), &date, NULL))
        cf_profile_set_birth_date (self, &date);
    }

  if ((condition = get_setting (settings, "profile-condition", "s")))
    cf_condition_from_key (g_variant_get_string (condition, NULL), &self->condition);

  if ((set = get_setting (settings, "reference-set", "s")))
    cf_reference_set_from_key (g_variant_get_string (set, NULL), &self->set);

  if ((overrides = get_setting (settings, "target-overrides", "a{sd}")))
    {
      GVariantIter iter;
      const char *key;
      double value;

      g_variant_iter_init (&iter, overrides);
      while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
        {
          CfTargetId id;

          if (cf_target_id_from_key (key, &id))
            cf_profile_set_override (self, id, value);
        }
    }

  if ((k2 = get_setting (settings, "k2-goal", "d")))
    cf_profile_set_k2_goal (self, g_variant_get_double (k2));
}

/* Targets */

CfTarget *
cf_target_copy (const CfTarget *self)
{
  CfTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->value_type = g_strdup (self->value_type);
  copy->life_stage = g_strdup (self->life_stage);
  copy->note = g_strdup (self->note);
  copy->source_url = g_strdup (self->source_url);
  copy->citation = g_strdup (self->citation);
  copy->limit_type = g_strdup (self->limit_type);
  copy->limit_note = g_strdup (self->limit_note);
  copy->limit_life_stage = g_strdup (self->limit_life_stage);
  copy->limit_source_url = g_strdup (self->limit_source_url);
  copy->limit_explanation = g_strdup (self->limit_explanation);
  copy->explanation = g_strdup (self->explanation);

  return copy;
}

static void
target_clear (CfTarget *self)
{
  g_clear_pointer (&self->value_type, g_free);
  g_clear_pointer (&self->life_stage, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->limit_type, g_free);
  g_clear_pointer (&self->limit_note, g_free);
  g_clear_pointer (&self->limit_life_stage, g_free);
  g_clear_pointer (&self->limit_source_url, g_free);
  g_clear_pointer (&self->limit_explanation, g_free);
  g_clear_pointer (&self->explanation, g_free);
}

void
cf_target_free (CfTarget *self)
{
  if (self == NULL)
    return;

  target_clear (self);
  g_free (self);
}

/**
 * cf_target_has_value:
 *
 * Returns: whether there is a daily target, possibly one that depends
 *   on energy intake
 */
gboolean
cf_target_has_value (const CfTarget *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !isnan (self->value) || !isnan (self->energy_percent);
}

/**
 * cf_target_get_value_for_energy:
 * @energy_kcal: the day's energy intake
 *
 * Resolves a target given as a share of energy (ALA in EFSA and
 * D-A-CH: grams = percent / 100 × kcal / 9).
 *
 * Returns: the daily target, or NaN when there is none or the energy
 *   intake is unknown
 */
double
cf_target_get_value_for_energy (const CfTarget *self,
                                double          energy_kcal)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (!isnan (self->value))
    return self->value;

  if (isnan (self->energy_percent) || !isfinite (energy_kcal) || energy_kcal <= 0)
    return NAN;

  return self->energy_percent / 100.0 * energy_kcal / CF_KCAL_PER_G_FAT;
}

/**
 * cf_target_get_name:
 *
 * The name of a resolved target, which says what it counts where that
 * depends on the table: EFSA's vitamin K value is for K1 only, the
 * others' for K1 and K2.
 *
 * Returns: (transfer none): the translated name
 */
const char *
cf_target_get_name (const CfTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->id == CF_TARGET_VITAMIN_K)
    {
      if (self->intake == CF_INTAKE_VITAMIN_K1)
        return _("Vitamin K1 (phylloquinone)");
      return _("Vitamin K (K1 + K2)");
    }

  return cf_target_id_get_name (self->id);
}

/**
 * cf_target_dup_source_label:
 *
 * Returns: (transfer full): where the value comes from, for display,
 *   e.g. "NASEM, Recommended Dietary Allowance (RDA), females 31-50 y";
 *   for the K2 goal a short reference (the full one is @citation)
 */
char *
cf_target_dup_source_label (const CfTarget *self)
{
  g_autofree char *stage = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->overridden)
    return g_strdup (_("Your own target"));

  if (self->id == CF_TARGET_VITAMIN_K2 && self->citation != NULL)
    /* Translators: the short source of the default vitamin K2 goal; the
     * full citation is shown a click away */
    return g_strdup (_("mean intake in Prospect-EPIC, Gast et al. 2009"));

  if (!self->from_table)
    return g_strdup (self->citation ? self->citation : _("No reference value"));

  stage = cf_life_stage_dup_display_name (self->life_stage);
  /* Translators: the source of a target: the reference body (e.g.
   * "NASEM"), the kind of value (e.g. "Adequate Intake (AI)") and the
   * life stage (e.g. "females, 31–50 years") */
  return g_strdup_printf (_("%s, %s, %s"),
                          cf_reference_set_get_short_name (self->set),
                          cf_value_type_get_name (self->value_type),
                          stage);
}

/**
 * cf_target_dup_limit_source_label:
 *
 * Returns: (transfer full) (nullable): where the upper limit comes
 *   from, for display, e.g. "EFSA, adults >=18 y", or %NULL when there
 *   is no limit
 */
char *
cf_target_dup_limit_source_label (const CfTarget *self)
{
  g_autofree char *stage = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (isnan (self->limit) || self->limit_life_stage == NULL)
    return NULL;

  stage = cf_life_stage_dup_display_name (self->limit_life_stage);
  /* Translators: the source of an upper limit: the reference body
   * (e.g. "EFSA") and the life stage (e.g. "adults, 18 years and
   * older") */
  return g_strdup_printf (_("%s, %s"), cf_reference_set_get_short_name (self->limit_set), stage);
}

/**
 * cf_target_get_limit_scope_label:
 *
 * Returns: (transfer none) (nullable): a translated note on what the
 *   upper limit counts, or %NULL when it counts everything
 */
const char *
cf_target_get_limit_scope_label (const CfTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->limit_scope == CF_LIMIT_SCOPE_SUPPLEMENTS)
    return _("counts supplements only, not food and water");

  if (g_strcmp0 (self->limit_type, "CDRR") == 0)
    return _("not a toxicity limit: intake above it is advised to be reduced");

  return NULL;
}

/* Choosing rows */

static gboolean
csv_nutrient_lookup (const char *name,
                     CfTargetId *target,
                     CfIntake   *intake)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_nutrients); i++)
    {
      if (strcmp (name, csv_nutrients[i].name) == 0)
        {
          *target = csv_nutrients[i].target;
          *intake = csv_nutrients[i].intake;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_unit (const char *text,
            UnitKind   *kind,
            CfUnit     *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_units); i++)
    {
      if (g_str_has_prefix (text, csv_units[i].prefix))
        {
          *kind = csv_units[i].kind;
          *unit = csv_units[i].unit;
          return TRUE;
        }
    }

  return FALSE;
}

static int
find_stage (const char *life_stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (strstr (life_stage, stages[i].label) != NULL)
        return (int) i;
    }

  return -1;
}

typedef struct
{
  const CfProfile *profile;
  double           age;
  CfTargetId       target;
} Query;

static gboolean
row_fits_age (const CfReferenceRow *row,
              double                age)
{
  if (isnan (age))
    /* Unknown age: every adult row */
    return isnan (row->age_max) || row->age_max > CF_ADULT_AGE;

  return (isnan (row->age_min) || age >= row->age_min) &&
         (isnan (row->age_max) || age < row->age_max);
}

/* The rows of @set for the query's target that fit the profile, with
 * @condition; @female: sex taken as female whatever the profile says;
 * @limits: the CDRR rows instead of the value rows */
static GPtrArray *
collect_rows (const Query    *q,
              CfReferenceSet  set,
              CfCondition     condition,
              gboolean        female,
              gboolean        limits)
{
  GPtrArray *table = cf_reference_intakes_get_rows (set);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < table->len; i++)
    {
      const CfReferenceRow *row = g_ptr_array_index (table, i);
      CfTargetId target;
      CfIntake intake;
      int stage;

      if (!csv_nutrient_lookup (row->nutrient, &target, &intake) || target != q->target)
        continue;

      if ((strcmp (row->value_type, "CDRR") == 0) != limits)
        continue;

      if (strcmp (row->condition, condition_keys[condition]) != 0)
        continue;

      if (strcmp (row->sex, "both") != 0)
        {
          if (female || condition != CF_CONDITION_NONE)
            {
              if (strcmp (row->sex, "female") != 0)
                continue;
            }
          else if (q->profile->sex != CF_SEX_UNSPECIFIED &&
                   strcmp (row->sex, sex_keys[q->profile->sex]) != 0)
            continue;
        }

      if (!row_fits_age (row, q->age))
        continue;

      stage = find_stage (row->life_stage);
      if (stage >= 0 && q->profile->condition_month >= 0 &&
          (q->profile->condition_month < stages[stage].month_min ||
           q->profile->condition_month >= stages[stage].month_max))
        continue;

      g_ptr_array_add (rows, (gpointer) row);
    }

  return rows;
}

static double
row_value_in (const CfReferenceRow *row,
              double                value,
              CfIntake              intake)
{
  UnitKind kind;
  CfUnit unit;

  if (isnan (value))
    return NAN;

  if (!parse_unit (row->unit, &kind, &unit))
    {
      g_critical ("%s line %u: unknown unit “%s”",
                  cf_reference_set_get_file_name (row->set), row->line, row->unit);
      return NAN;
    }

  if (kind == UNIT_ENERGY_PERCENT)
    return value;

  return cf_unit_convert (value, unit, intakes[intake].unit);
}

static UnitKind
row_unit_kind (const CfReferenceRow *row)
{
  UnitKind kind = UNIT_PER_DAY;
  CfUnit unit;

  parse_unit (row->unit, &kind, &unit);

  return kind;
}

static void
append_sentence (GString    *s,
                 const char *sentence)
{
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append (s, sentence);
}

static gboolean
rows_differ (GPtrArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    {
      const CfReferenceRow *a = g_ptr_array_index (rows, 0);
      const CfReferenceRow *b = g_ptr_array_index (rows, i);

      if (!(a->value == b->value || (isnan (a->value) && isnan (b->value))))
        return TRUE;
    }

  return FALSE;
}

/* Explains why several rows fit, when their values differ */
static void
explain_choice (const Query *q,
                GPtrArray   *rows,
                CfCondition  condition,
                GString     *why)
{
  gboolean sexes = FALSE;
  gboolean stages_differ = FALSE;

  if (!rows_differ (rows))
    return;

  for (guint i = 1; i < rows->len; i++)
    {
      const CfReferenceRow *a = g_ptr_array_index (rows, 0);
      const CfReferenceRow *b = g_ptr_array_index (rows, i);

      if (strcmp (a->sex, b->sex) != 0)
        sexes = TRUE;
      if (find_stage (a->life_stage) != find_stage (b->life_stage))
        stages_differ = TRUE;
    }

  if (sexes && q->profile->sex == CF_SEX_UNSPECIFIED && condition == CF_CONDITION_NONE)
    append_sentence (why, _("Sex is not set, so the higher of the values for women and men is used (and the lower upper limit)."));
  if (isnan (q->age))
    append_sentence (why, _("Age is not set, so the highest value for adults is used (and the lowest upper limit)."));
  if (stages_differ && q->profile->condition_month < 0)
    append_sentence (why, _("The month of pregnancy or lactation is not set, so the highest value of its stages is used."));
}

static const CfReferenceRow *
highest (GPtrArray *rows)
{
  const CfReferenceRow *best = g_ptr_array_index (rows, 0);

  for (guint i = 1; i < rows->len; i++)
    {
      const CfReferenceRow *row = g_ptr_array_index (rows, i);

      if (isnan (best->value) || (!isnan (row->value) && row->value > best->value))
        best = row;
    }

  return best;
}

/* The row of @rows with the lowest upper limit, or NULL when none has
 * one; @prefer (the row of the value, or NULL) when its limit is as low,
 * so that the limit names the same life stage as the value */
static const CfReferenceRow *
lowest_limit (GPtrArray            *rows,
              const CfReferenceRow *prefer)
{
  const CfReferenceRow *limit_row = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const CfReferenceRow *row = g_ptr_array_index (rows, i);

      if (!isnan (row->ul) && (limit_row == NULL || row->ul < limit_row->ul))
        limit_row = row;
    }

  if (limit_row != NULL && prefer != NULL && prefer->ul == limit_row->ul)
    return prefer;

  return limit_row;
}

static void
set_limit (CfTarget             *t,
           const CfReferenceRow *row,
           double                limit,
           const char           *type,
           CfIntake              intake)
{
  t->limit = row_value_in (row, limit, intake);
  t->limit_type = g_strdup (type);
  t->limit_note = g_strdup (row->ul_note);
  t->limit_set = row->set;
  t->limit_life_stage = g_strdup (row->life_stage);
  t->limit_source_url = g_strdup (row->source_url);
}

/* The row whose value @best stands for: @best itself, or for an empty
 * row of stand_ins[] the same table's highest row for women without
 * the condition */
static const CfReferenceRow *
stand_in_for (const Query          *q,
              CfReferenceSet        set,
              const CfReferenceRow *best,
              CfCondition           condition,
              GString              *why)
{
  g_autoptr(GPtrArray) base_rows = NULL;
  const CfReferenceRow *base;

  if (!isnan (best->value) || condition == CF_CONDITION_NONE)
    return best;

  for (guint i = 0; i < G_N_ELEMENTS (stand_ins); i++)
    {
      if (stand_ins[i].set != set || strcmp (stand_ins[i].nutrient, best->nutrient) != 0 ||
          !g_str_has_prefix (best->ul_note, stand_ins[i].note_prefix))
        continue;

      base_rows = collect_rows (q, set, CF_CONDITION_NONE, TRUE, FALSE);
      if (base_rows->len == 0)
        return best;

      base = highest (base_rows);
      if (isnan (base->value) || row_unit_kind (base) != row_unit_kind (best))
        return best;

      append_sentence (why, _("The table gives no single total for pregnancy and lactation: its note says that the value for adults applies, plus extra DHA (see the DHA target), so the value for adults is used."));
      return base;
    }

  return best;
}

/* Looks up an upper limit for @t in @set when the rows of its value
 * give none; TRUE when found */
static gboolean
resolve_limit_in_set (const Query    *q,
                      CfReferenceSet  set,
                      CfTarget       *t)
{
  g_autoptr(GPtrArray) rows = collect_rows (q, set, q->profile->condition, FALSE, FALSE);
  const CfReferenceRow *limit_row;

  if (rows->len == 0 && q->profile->condition != CF_CONDITION_NONE)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = collect_rows (q, set, CF_CONDITION_NONE, TRUE, FALSE);
    }

  limit_row = lowest_limit (rows, NULL);
  if (limit_row == NULL)
    return FALSE;

  set_limit (t, limit_row, limit_row->ul, "UL", t->intake);
  t->limit_fallback = TRUE;

  return TRUE;
}

static void
resolve_limit (const Query *q,
               CfTarget    *t)
{
  if (!isnan (t->limit) || !t->from_table)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (limit_sets); i++)
    {
      if (limit_sets[i] == t->set)
        continue;

      if (resolve_limit_in_set (q, limit_sets[i], t))
        {
          /* Translators: the first %s is a reference set (e.g.
           * "D-A-CH"), the second the one whose limit is used (e.g.
           * "EFSA") */
          t->limit_explanation = g_strdup_printf (_("%s sets no upper limit for this nutrient at this life stage, so the %s limit is used."),
                                                  cf_reference_set_get_short_name (t->set),
                                                  cf_reference_set_get_short_name (limit_sets[i]));
          return;
        }
    }

  t->limit_explanation = g_strdup (_("No upper limit is checked: none of the reference tables gives one for this nutrient at this life stage."));
}

/* Fills @t from @set; FALSE when the set has no row for the profile */
static gboolean
resolve_in_set (const Query    *q,
                CfReferenceSet  set,
                CfTarget       *t,
                GString        *why)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  const CfReferenceRow *best;
  const CfReferenceRow *value_row;
  const CfReferenceRow *limit_row = NULL;
  CfCondition condition = q->profile->condition;
  CfTargetId target;
  CfIntake intake;
  double body_weight = q->profile->body_weight;

  rows = collect_rows (q, set, condition, FALSE, FALSE);
  if (rows->len == 0 && condition != CF_CONDITION_NONE)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = collect_rows (q, set, CF_CONDITION_NONE, TRUE, FALSE);
      if (rows->len > 0)
        append_sentence (why, condition == CF_CONDITION_PREGNANCY
                         ? _("The table has no separate value for this stage of pregnancy, so the value for women is used.")
                         : _("The table has no separate value for this stage of lactation, so the value for women is used."));
      condition = CF_CONDITION_NONE;
    }

  if (rows->len == 0)
    return FALSE;

  best = highest (rows);
  intake = target_info[q->target].intake;
  csv_nutrient_lookup (best->nutrient, &target, &intake);
  explain_choice (q, rows, condition, why);
  value_row = stand_in_for (q, set, best, condition, why);

  t->intake = intake;
  t->from_table = TRUE;
  t->set = set;
  t->line = best->line;
  t->value_type = g_strdup (value_row->value_type);
  t->life_stage = g_strdup (best->life_stage);
  t->note = g_strdup (best->ul_note);
  t->source_url = g_strdup (best->source_url);

  if (value_row != best)
    {
      /* The stand-in's value, as if it were the row's */
      t->value = row_value_in (value_row, value_row->value, intake);
      best = value_row;
    }
  else switch (row_unit_kind (best))
    {
    case UNIT_ENERGY_PERCENT:
      t->energy_percent = best->value;
      if (!isnan (best->value))
        append_sentence (why, _("The value is a share of energy intake: it is turned into grams with each day’s logged energy (9 kcal per gram)."));
      break;

    case UNIT_PER_KG:
      t->per_kg = best->value;
      if (!isnan (best->value))
        {
          if (isnan (body_weight))
            append_sentence (why, _("The value is given per kilogram of body weight: set your weight to get a daily target."));
          else
            t->value = best->value * body_weight;
        }
      break;

    case UNIT_PER_DAY:
    default:
      if (strcmp (best->value_type, "PRI_increment") == 0)
        {
          /* EFSA protein: the PRI of women plus the increment */
          g_autoptr(GPtrArray) base_rows = collect_rows (q, set, CF_CONDITION_NONE, TRUE, FALSE);

          t->increment = row_value_in (best, best->value, intake);
          if (base_rows->len > 0)
            {
              const CfReferenceRow *base = highest (base_rows);

              if (row_unit_kind (base) == UNIT_PER_KG)
                {
                  t->per_kg = base->value;
                  if (isnan (body_weight))
                    append_sentence (why, _("The value is given per kilogram of body weight: set your weight to get a daily target."));
                  else
                    t->value = base->value * body_weight + t->increment;
                }
              else
                t->value = row_value_in (base, base->value, intake) + t->increment;
            }
        }
      else
        t->value = row_value_in (best, best->value, intake);
      break;
    }

  if (isnan (best->value))
    append_sentence (why, _("The reference table has no value for this life stage; see its note."));

  /* Upper limit: the lowest of the fitting rows' */
  limit_row = lowest_limit (rows, best);
  if (limit_row != NULL)
    set_limit (t, limit_row, limit_row->ul, "UL", intake);

  /* NASEM sodium: the CDRR rows are the "reduce if above" level */
  limits = collect_rows (q, set, condition, condition != q->profile->condition, TRUE);
  if (limits->len > 0 && limit_row == NULL)
    {
      for (guint i = 0; i < limits->len; i++)
        {
          const CfReferenceRow *row = g_ptr_array_index (limits, i);

          if (!isnan (row->value) && (limit_row == NULL || row->value < limit_row->value))
            limit_row = row;
        }

      if (limit_row != NULL)
        set_limit (t, limit_row, limit_row->value, "CDRR", intake);
    }

  return TRUE;
}

static void
resolve_k2_goal (CfTarget *t,
                 GString  *why)
{
  g_autofree char *goal = cf_intake_format_value (CF_INTAKE_VITAMIN_K2, CF_K2_DEFAULT_GOAL_UG);
  g_autofree char *reason = NULL;

  t->intake = CF_INTAKE_VITAMIN_K2;
  t->value = CF_K2_DEFAULT_GOAL_UG;
  t->value_type = g_strdup ("personal-goal");
  t->citation = g_strdup ("Gast GCM, de Roos NM, Sluijs I, Bots ML, Beulens JWJ, Geleijnse JM, Witteman JC, "
                          "Grobbee DE, Peeters PHM, van der Schouw YT. A high menaquinone intake reduces the "
                          "incidence of coronary heart disease. Nutr Metab Cardiovasc Dis. 2009;19(7):504-10. "
                          "doi:10.1016/j.numecd.2008.10.004");
  t->source_url = g_strdup ("https://doi.org/10.1016/j.numecd.2008.10.004");

  append_sentence (why, _("No reference body sets an intake for vitamin K2, so this is a personal goal, not an official value."));
  reason = g_strdup_printf (/* Translators: %s is an amount such as "29.1 µg" */
                            _("The default, %s a day, is the mean vitamin K2 intake of the 16,057 women of the Prospect-EPIC cohort (Gast et al. 2009), in whom each additional 10 µg of K2 a day was associated with a hazard ratio of 0.91 for coronary heart disease."),
                            goal);
  append_sentence (why, reason);
}

static void
resolve_target (CfTargets  *self,
                CfTargetId  id)
{
  CfTarget *t = &self->targets[id];
  g_autoptr(GString) why = g_string_new (NULL);
  Query q = { self->profile, cf_profile_get_age_on (self->profile, &self->date), id };

  t->id = id;
  t->intake = target_info[id].intake;
  t->value = NAN;
  t->energy_percent = NAN;
  t->per_kg = NAN;
  t->increment = NAN;
  t->reference_value = NAN;
  t->limit = NAN;
  t->limit_scope = target_info[id].limit_scope;

  if (id == CF_TARGET_VITAMIN_K2)
    resolve_k2_goal (t, why);
  else if (!resolve_in_set (&q, self->profile->set, t, why))
    {
      for (guint s = 0; s < CF_N_REFERENCE_SETS; s++)
        {
          if (s == self->profile->set)
            continue;

          if (resolve_in_set (&q, s, t, why))
            {
              g_autofree char *sentence = NULL;

              t->fallback = TRUE;
              /* Translators: the first %s is the chosen reference set
               * (e.g. "EFSA"), the second the one used instead */
              sentence = g_strdup_printf (_("%s gives no value for this nutrient at this life stage, so the %s value is shown."),
                                          cf_reference_set_get_short_name (self->profile->set),
                                          cf_reference_set_get_short_name (s));
              /* The fallback is the main fact: say it first */
              if (why->len > 0)
                g_string_prepend_c (why, ' ');
              g_string_prepend (why, sentence);
              break;
            }
        }

      if (!t->from_table)
        append_sentence (why, _("None of the reference tables gives a value for this life stage."));
    }

  if (id != CF_TARGET_VITAMIN_K2)
    resolve_limit (&q, t);

  t->reference_value = t->value;
  if (!isnan (self->profile->overrides[id]))
    {
      t->value = self->profile->overrides[id];
      t->energy_percent = NAN;
      t->overridden = TRUE;
      if (id != CF_TARGET_VITAMIN_K2)
        append_sentence (why, _("You set this target yourself; it replaces the reference value."));
      else
        append_sentence (why, _("You set this goal yourself; it replaces the default."));
    }

  t->explanation = why->len > 0 ? g_strdup (why->str) : NULL;
}

static void
cf_targets_finalize (GObject *object)
{
  CfTargets *self = (CfTargets *) object;

  for (guint i = 0; i < CF_N_TARGETS; i++)
    target_clear (&self->targets[i]);
  g_clear_pointer (&self->profile, cf_profile_free);

  G_OBJECT_CLASS (cf_targets_parent_class)->finalize (object);
}

static void
cf_targets_class_init (CfTargetsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_targets_finalize;
}

static void
cf_targets_init (CfTargets *self)
{
}

/**
 * cf_targets_new:
 * @profile: the profile
 * @date: the day the targets are for (it sets the age)
 *
 * Returns: (transfer full): the targets
 */
CfTargets *
cf_targets_new (const CfProfile *profile,
                const GDate     *date)
{
  CfTargets *self;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (CF_TYPE_TARGETS, NULL);
  self->profile = cf_profile_copy (profile);
  self->date = *date;

  for (guint i = 0; i < CF_N_TARGETS; i++)
    resolve_target (self, i);

  return self;
}

const CfProfile *
cf_targets_get_profile (CfTargets *self)
{
  g_return_val_if_fail (CF_IS_TARGETS (self), NULL);

  return self->profile;
}

const GDate *
cf_targets_get_date (CfTargets *self)
{
  g_return_val_if_fail (CF_IS_TARGETS (self), NULL);

  return &self->date;
}

/**
 * cf_targets_get:
 *
 * Returns: (transfer none): the target; see cf_target_has_value()
 */
const CfTarget *
cf_targets_get (CfTargets  *self,
                CfTargetId  id)
{
  g_return_val_if_fail (CF_IS_TARGETS (self), NULL);
  g_return_val_if_fail (id < CF_N_TARGETS, NULL);

  return &self->targets[id];
}

/**
 * cf_targets_lookup_nutrient:
 *
 * Returns: (transfer none) (nullable): the target set on exactly
 *   @nutrient, or %NULL
 */
const CfTarget *
cf_targets_lookup_nutrient (CfTargets  *self,
                            CfNutrient  nutrient)
{
  CfTargetId id;

  g_return_val_if_fail (CF_IS_TARGETS (self), NULL);

  if (!cf_target_id_for_nutrient (nutrient, &id))
    return NULL;

  return &self->targets[id];
}
