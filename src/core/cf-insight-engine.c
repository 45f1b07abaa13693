/* cf-insight-engine.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-insight-engine"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-database-private.h"
#include "cf-date.h"
#include "cf-error.h"
#include "cf-helping-foods-private.h"
#include "cf-insight-engine-private.h"
#include "cf-insight-engine.h"
#include "cf-ranking.h"

/**
 * CfInsightEngine:
 *
 * Turns a range of diary days into insights: each rule of the threshold
 * table below looks at the day totals (SQL aggregates, never loaded
 * entries) against the profile's targets for the last day of the range,
 * and may make one #CfInsight.
 *
 * Logged days: a day counts when it has at least one entry that is not
 * supplement intake (see %CF_SUPPLEMENT_MEAL); a day with only
 * supplements says nothing about the diet and is left out (its
 * supplements too).  Averages are over logged days.  "No value" counts
 * as nothing eaten, and the coverage (the share of the logged grams of
 * food, supplements left out, whose food has a value) says how far to
 * trust it:
 * a verdict that missing values could change is withheld below
 * @coverage_withhold and softened below @coverage_soften.  A verdict
 * that missing values could only strengthen (an upper limit already
 * passed) is never softened.
 */

struct _CfInsightEngine
{
  GObject         parent_instance;
  CfContext      *context;
  CfProfile      *profile;
  CfHelpingFoods *helping_foods;   /* shared with the runs in workers */
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfInsightEngine, cf_insight_engine, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------
 * The threshold table.  Every number that decides an insight is here,
 * with why it has the value it has.  Where no source gives a number,
 * the comment says the value is a design choice.  docs/insight-rules.md
 * lists them all in one table for readers of the project (and
 * tests/test-insights.c checks that it names every rule).
 * ------------------------------------------------------------------ */

static const CfInsightThresholds thresholds = {
  /* min_logged_days = 3.  Design choice: reference intakes describe
   * usual intake, which one or two days cannot show; three is the
   * fewest from which "most days" (2 of 3) means anything.  Every
   * insight says how many days it is based on. */
  3,
  /* coverage_withhold = 0.5.  Design choice: when less than half of
   * what was logged (by weight) has values for a nutrient, the unknown
   * part could hold more than the known part, so "too low" cannot be
   * said.  Common for vitamin K2, which food tables rarely report
   * (data/foods/README.md). */
  0.5,
  /* coverage_soften = 0.8.  Design choice: with 50-80 % known, the
   * verdict stands but is one severity step lower and says on how much
   * of the food it rests. */
  0.8,
  /* foods_per_insight = 5: enough choice, short enough to read. */
  5,
  /* The foods that help are everyday foods (data/foods/curated/
   * everyday.tsv, food.everyday in foods.db), never custom foods or
   * supplements, ranked by the amount in a typical serving: the first
   * household measure of the source that the next three rules accept.
   * Foods without a household measure cannot be ranked so.
   *
   * min_serving_grams = 10.  Design choice: a food whose first measure
   * weighs less is used by the pinch or the teaspoon (seasonings, baking
   * powder, and cod liver oil, which is taken by the teaspoon as a
   * supplement), and is left out.  A tablespoon of oil (about 14 g) is
   * a serving, so flaxseed oil can lead ALA. */
  10,
  /* max_serving_kcal = 250.  Design choice: about an eighth of a
   * 2000 kcal day; SR28 often lists a cup first, and a cup of seeds,
   * nuts or molasses (700-980 kcal) is nobody's serving, while a fish
   * fillet (about 230 kcal) is. */
  250,
  /* dense_kcal_per_100g = 150.  Design choice: a cup of a food with
   * more energy than this per 100 g (cocoa powder, milk powder, dried
   * fruit, seeds, cheese) is not a serving, even when it stays under
   * 250 kcal; cooked grains, beans, milk and vegetables stay below it. */
  150,
};

/* "Most days" is 60 % of logged days throughout.  Design choice: more
 * than half, so that it describes a habit rather than a few days, yet
 * reachable in a week (5 of 7 days, 3 of 5). */
#define MOST_DAYS 0.6

/* An upper limit is about habitual intake, so one day over it is not
 * flagged; a quarter of the days (or an average over it) is.  Design
 * choice. */
#define LIMIT_DAYS 0.25

/* A target missed by half or more on average is a warning rather than
 * "attention".  Design choice.  Not for the vitamin K2 goal: it is a
 * population's mean intake (Prospect-EPIC), not a requirement, so
 * falling short of it is never more than worth attention. */
#define SEVERE_BELOW 0.5

static const CfInsightRule rules[] = {
  /* Vitamin K2 below the personal goal (29.1 µg/day by default, the
   * Prospect-EPIC mean intake; reference-intakes README, K2 evidence)
   * on most days.  The seed articles name low K2 as the main nutrient
   * gap behind misplaced calcium (MGP stays inactive).  The goal is a
   * mean intake, not a requirement: attention at most (no
   * severe_below). */
  { "k2-low", CF_INSIGHT_RULE_BELOW_ON_MOST_DAYS, CF_TARGET_VITAMIN_K2, -1, -1,
    MOST_DAYS, 0, 0, CF_INSIGHT_SEVERITY_ATTENTION, "k2-mgp-osteocalcin" },

  /* Total vitamin K (K1 only for EFSA) below the AI on average.  AIs
   * are meant as average daily intakes, so the average is compared. */
  { "vitamin-k-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_VITAMIN_K, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "k1-vs-k2" },

  /* Magnesium below target on most days: the seed articles tie low
   * magnesium to more vascular calcification (it slows calcium-phosphate
   * crystal growth). */
  { "magnesium-low", CF_INSIGHT_RULE_BELOW_ON_MOST_DAYS, CF_TARGET_MAGNESIUM, -1, -1,
    MOST_DAYS, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "magnesium-crystals" },

  /* Magnesium from supplements above the UL, which counts supplements
   * only (README: NASEM 350 mg, EFSA 250 mg for adults). */
  { "magnesium-supplements-above-ul", CF_INSIGHT_RULE_ABOVE_LIMIT, CF_TARGET_MAGNESIUM, -1, -1,
    LIMIT_DAYS, 0, 0, CF_INSIGHT_SEVERITY_WARNING, "magnesium-crystals" },

  /* Vitamin D below target on average.  Skin synthesis is not logged;
   * the text says so. */
  { "vitamin-d-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_VITAMIN_D, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-d-two-sides" },

  /* Vitamin D above the UL (NASEM 100 µg from 9 years): the seed
   * articles describe excess vitamin D as a calcification risk. */
  { "vitamin-d-above-ul", CF_INSIGHT_RULE_ABOVE_LIMIT, CF_TARGET_VITAMIN_D, -1, -1,
    LIMIT_DAYS, 0, 0, CF_INSIGHT_SEVERITY_WARNING, "vitamin-d-two-sides" },

  /* Calcium below target on average: the articles stress that calcium
   * itself is needed; the point is where it goes.  Explained by the
   * page on calcium needs and food sources. */
  { "calcium-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_CALCIUM, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "calcium-needs" },

  /* Calcium above the UL (NASEM 2000-3000 mg by age). */
  { "calcium-above-ul", CF_INSIGHT_RULE_ABOVE_LIMIT, CF_TARGET_CALCIUM, -1, -1,
    LIMIT_DAYS, 0, 0, CF_INSIGHT_SEVERITY_WARNING, "calcium-paradox" },

  /* The "calcium paradox" pattern: half or more of the calcium from
   * supplements while K2 or magnesium is below target on average.  The
   * seed articles single out high-dose calcium supplements without
   * enough K2 and magnesium.  0.5 ("most of it") is a design choice.
   * Attention at most, since the K2 part is measured against the K2
   * goal, a mean intake rather than a requirement. */
  { "calcium-supplements-cofactors-low", CF_INSIGHT_RULE_SUPPLEMENT_SHARE, CF_TARGET_CALCIUM,
    CF_TARGET_VITAMIN_K2, CF_TARGET_MAGNESIUM,
    0, 0.5, 0, CF_INSIGHT_SEVERITY_ATTENTION, "calcium-paradox" },

  /* Vitamin D supplemented on at least half of the logged days while
   * K2 is below the goal on average: the seed articles describe D
   * raising calcium absorption and K2 directing it.  0.5 ("regularly")
   * is a design choice.  Attention at most, as for "k2-low". */
  { "d-without-k2", CF_INSIGHT_RULE_SUPPLEMENTED_WITHOUT, CF_TARGET_VITAMIN_D,
    CF_TARGET_VITAMIN_K2, -1,
    0.5, 0, 0, CF_INSIGHT_SEVERITY_ATTENTION, "k2-d-magnesium-together" },

  /* Ca:Mg ratio (mg to mg) above 2.5 on most days with data.  Design
   * choice: no source read gives a ratio.  2.5 is the NASEM RDA ratio
   * of men 19-30 (1000 / 400 mg); so that meeting both targets exactly
   * is never flagged, the threshold is the ratio of the profile's own
   * calcium and magnesium targets when that is higher (women: about
   * 3.2). */
  { "ca-mg-ratio-high", CF_INSIGHT_RULE_RATIO_ABOVE, CF_TARGET_CALCIUM,
    CF_TARGET_MAGNESIUM, -1,
    MOST_DAYS, 2.5, 0, CF_INSIGHT_SEVERITY_ATTENTION, "magnesium-crystals" },

  /* Sodium to potassium (mg to mg) above 1 on most days with data for
   * both: more sodium than potassium.  The second seed article names
   * potassium as a supporting nutrient and advises less sodium.  No
   * source read gives a ratio; 1 is a design choice that every table
   * supports: each sets its potassium value above its sodium value
   * (NASEM AI 2600-3400 mg against AI 1500 mg and CDRR 2300 mg, EFSA
   * AI 3500 mg against 2000 mg, D-A-CH 4000 mg against 1500 mg), so a
   * day with more sodium than potassium cannot meet both.  Its ratio of
   * targets is below 1 in every table, so 1 applies. */
  { "na-k-ratio-high", CF_INSIGHT_RULE_RATIO_ABOVE, CF_TARGET_SODIUM,
    CF_TARGET_POTASSIUM, -1,
    MOST_DAYS, 1.0, 0, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-c-potassium-omega3" },

  /* Vitamin C, potassium and omega-3 fats below target on average: the
   * supporting nutrients of the second seed article. */
  { "vitamin-c-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_VITAMIN_C, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-c-potassium-omega3" },
  { "potassium-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_POTASSIUM, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-c-potassium-omega3" },
  { "epa-dha-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_EPA_DHA, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-c-potassium-omega3" },
  { "ala-low", CF_INSIGHT_RULE_AVERAGE_BELOW, CF_TARGET_ALA, -1, -1,
    0, 0, SEVERE_BELOW, CF_INSIGHT_SEVERITY_ATTENTION, "vitamin-c-potassium-omega3" },
};

/* The page "not enough data" links to */
#define NOT_ENOUGH_DATA_PAGE "data-completeness"

/**
 * cf_insight_engine_get_rules:
 * @n_rules: (out): the number of rules
 *
 * Returns: (transfer none) (array length=n_rules): the rules, in the
 *   order their insights are listed at equal severity
 */
const CfInsightRule *
cf_insight_engine_get_rules (guint *n_rules)
{
  g_return_val_if_fail (n_rules != NULL, NULL);

  *n_rules = G_N_ELEMENTS (rules);

  return rules;
}

/**
 * cf_insight_engine_get_thresholds:
 *
 * Returns: (transfer none): the thresholds every rule shares
 */
const CfInsightThresholds *
cf_insight_engine_get_thresholds (void)
{
  return &thresholds;
}

/* ------------------------------------------------------------------
 * Day totals
 * ------------------------------------------------------------------ */

/* Columns: count, food entries, food grams, then per intake: sum, known
 * food grams, entries with a value, sum from supplements.  Supplement
 * intake is what CF_SUPPLEMENT_MEAL or CF_SUPPLEMENT_KIND tells.  These
 * aggregates are kept per day in the table day_total (see
 * cf-database.c), which the insights read. */
const char *
_cf_intake_aggregates_sql (void)
{
  static char *sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *is_supplement = g_strdup_printf ("(meal = '%s' OR food_kind = '%s')",
                                                        cf_meal_to_key (CF_SUPPLEMENT_MEAL),
                                                        cf_food_kind_to_key (CF_SUPPLEMENT_KIND));
      GString *s = g_string_new (NULL);

      g_string_append_printf (s, "count(*), SUM (CASE WHEN %s THEN 0 ELSE 1 END),"
                                 " COALESCE (SUM (CASE WHEN %s THEN 0 ELSE grams END), 0)",
                              is_supplement, is_supplement);

      for (guint i = 0; i < CF_N_INTAKES; i++)
        {
          const char *e = _cf_intake_get_sql (i);
          g_autofree char *amount = _cf_entry_amount_sql (e);

          g_string_append_printf (s,
                                  ", COALESCE (SUM (%s), 0)"
                                  ", COALESCE (SUM (CASE WHEN %s IS NOT NULL AND NOT %s THEN grams END), 0)"
                                  ", count (%s)"
                                  ", COALESCE (SUM (CASE WHEN %s THEN %s END), 0)",
                                  amount, e, is_supplement, e, is_supplement, amount);
        }

      sql = g_string_free (s, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  return sql;
}

/* The columns of _cf_intake_aggregates_sql() in day_total */
static const char *
intake_sql (void)
{
  static char *sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *columns = _cf_day_total_columns (CF_DAY_TOTAL_INTAKES);

      sql = g_strdup_printf ("SELECT day, %s FROM day_total WHERE day BETWEEN ?1 AND ?2 ORDER BY day", columns);
      g_once_init_leave (&initialized, 1);
    }

  return sql;
}

static GArray *
query_intake (sqlite3      *db,
              const GDate  *first,
              const GDate  *last,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *from = cf_day_to_iso (first);
  g_autofree char *to = cf_day_to_iso (last);
  int rc;

  stmt = _cf_prepare (db, intake_sql (), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  days = g_array_new (FALSE, TRUE, sizeof (CfDayIntake));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfDayIntake day = { 0, };

      cf_day_parse ((const char *) sqlite3_column_text (stmt, 0), &day.day, NULL);
      day.n_entries = sqlite3_column_int (stmt, 1);
      day.n_food_entries = sqlite3_column_int (stmt, 2);
      day.grams = sqlite3_column_double (stmt, 3);

      for (guint i = 0; i < CF_N_INTAKES; i++)
        {
          int c = 4 + 4 * i;

          day.sum[i] = sqlite3_column_int (stmt, c + 2) > 0 ? sqlite3_column_double (stmt, c) : NAN;
          day.known_grams[i] = sqlite3_column_double (stmt, c + 1);
          day.supplements[i] = sqlite3_column_double (stmt, c + 3);
        }

      g_array_append_val (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&days);
}

GArray *
_cf_insight_engine_query_intake_on (sqlite3      *db,
                                    const GDate  *first,
                                    const GDate  *last,
                                    GError      **error)
{
  g_assert (db != NULL);

  return query_intake (db, first, last, error);
}

/* ------------------------------------------------------------------
 * Evaluating the rules
 * ------------------------------------------------------------------ */

typedef struct
{
  sqlite3    *db;
  gboolean    has_foods;
  CfTargets  *targets;
  GArray     *days;                       /* CfDayIntake, logged days only */
  guint       n;                          /* logged days */
  double      grams;
  double      total[CF_N_INTAKES];
  double      known[CF_N_INTAKES];
  double      supplements[CF_N_INTAKES];
  GDate       first;
  GDate       last;
  CfHelpingFoods *helping_foods;
  GPtrArray  *helping[CF_N_INTAKES];      /* CfInsightFood, see _cf_helping_foods_get() */
  GError     *error;                      /* first failure of a food query */
} Facts;

static void
facts_clear (Facts *f)
{
  g_clear_pointer (&f->days, g_array_unref);
  for (guint k = 0; k < CF_N_INTAKES; k++)
    g_clear_pointer (&f->helping[k], g_ptr_array_unref);
}

static double
day_amount (const CfDayIntake *day,
            CfIntake           intake)
{
  return isnan (day->sum[intake]) ? 0 : day->sum[intake];
}

static double
average (const Facts *f,
         CfIntake     intake)
{
  return f->n > 0 ? f->total[intake] / f->n : NAN;
}

static double
coverage (const Facts *f,
          CfIntake     intake)
{
  return f->grams > 0 ? f->known[intake] / f->grams : NAN;
}

/* The coverage of what a target is compared with, including the energy
 * its value depends on */
static double
target_coverage (const Facts    *f,
                 const CfTarget *t)
{
  double c = coverage (f, t->intake);

  if (isnan (t->value) && !isnan (t->energy_percent))
    c = MIN (c, coverage (f, CF_INTAKE_ENERGY));

  return c;
}

static double
day_target (const CfTarget    *t,
            const CfDayIntake *day)
{
  return cf_target_get_value_for_energy (t, day->sum[CF_INTAKE_ENERGY]);
}

/* The mean daily target over the logged days (it varies only when it
 * depends on energy intake) */
static double
average_target (const Facts    *f,
                const CfTarget *t)
{
  double sum = 0;
  guint n = 0;

  if (!isnan (t->value))
    return t->value;

  for (guint i = 0; i < f->days->len; i++)
    {
      double v = day_target (t, &g_array_index (f->days, CfDayIntake, i));

      if (!isnan (v))
        {
          sum += v;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

/* The fewest of @n days that make a share of at least @share */
static guint
days_needed (double share,
             guint  n)
{
  return (guint) ceil (share * n - 1e-9);
}

static CfInsightConfidence
confidence_for (double c)
{
  if (isnan (c) || c < thresholds.coverage_withhold)
    return CF_INSIGHT_CONFIDENCE_WITHHELD;
  if (c < thresholds.coverage_soften)
    return CF_INSIGHT_CONFIDENCE_SOFTENED;
  return CF_INSIGHT_CONFIDENCE_FULL;
}

static char *
format_amount (CfIntake intake,
               double   value)
{
  return cf_intake_format_value (intake, value);
}

/* The short topic of a rule, for "…: not enough data" */
static const char *
rule_topic (const CfInsightRule *rule)
{
  const char *id = rule->id;

  if (strcmp (id, "k2-low") == 0)
    return _("Vitamin K2");
  if (strcmp (id, "vitamin-k-low") == 0)
    return _("Vitamin K");
  if (strcmp (id, "magnesium-low") == 0)
    return _("Magnesium");
  if (strcmp (id, "vitamin-d-low") == 0)
    return _("Vitamin D");
  if (strcmp (id, "calcium-low") == 0)
    return _("Calcium");
  if (strcmp (id, "calcium-supplements-cofactors-low") == 0)
    return _("Calcium from supplements");
  if (strcmp (id, "d-without-k2") == 0)
    return _("Vitamin D supplements and vitamin K2");
  if (strcmp (id, "ca-mg-ratio-high") == 0)
    return _("Calcium to magnesium ratio");
  if (strcmp (id, "na-k-ratio-high") == 0)
    return _("Sodium to potassium ratio");
  if (strcmp (id, "vitamin-c-low") == 0)
    return _("Vitamin C");
  if (strcmp (id, "potassium-low") == 0)
    return _("Potassium");
  if (strcmp (id, "epa-dha-low") == 0)
    return _("Omega-3 EPA and DHA");
  if (strcmp (id, "ala-low") == 0)
    return _("Omega-3 ALA");

  return cf_target_id_get_name (rule->target);
}

static void
add_foods (Facts     *f,
           CfInsight *insight,
           CfIntake   intake,
           guint      limit)
{
  GPtrArray *foods;

  if (!f->has_foods || f->error != NULL)
    return;

  /* Several rules suggest foods for the same nutrient (magnesium for
   * its own rule, the ratio and the calcium paradox) */
  if (f->helping[intake] == NULL)
    f->helping[intake] = _cf_helping_foods_get (f->helping_foods, f->db, intake, &f->error);
  foods = f->helping[intake];
  if (foods == NULL)
    return;

  for (guint i = 0; i < MIN (limit, foods->len); i++)
    _cf_insight_add_food (insight, g_ptr_array_index (foods, i));
}

/* Makes the insight of a fired rule, withheld or softened by @cov */
static CfInsight *
make_insight (const CfInsightRule *rule,
              CfInsightSeverity    severity,
              double               cov,
              gboolean             uses_coverage,
              const char          *title,
              const char          *summary)
{
  CfInsightConfidence confidence = uses_coverage ? confidence_for (cov) : CF_INSIGHT_CONFIDENCE_FULL;
  g_autofree char *percent = cf_format_percent (cov);
  g_autofree char *full = NULL;
  g_autofree char *withheld_title = NULL;
  g_autofree char *withheld = NULL;

  switch (confidence)
    {
    case CF_INSIGHT_CONFIDENCE_WITHHELD:
      /* Translators: the title of an insight without a verdict; %s is
       * its topic, e.g. "Vitamin K2" */
      withheld_title = g_strdup_printf (_("%s: not enough data"), rule_topic (rule));
      /* Translators: %s is a percentage, e.g. "35 %" */
      withheld = g_strdup_printf (_("Only %s of what you logged (by weight) has data for this nutrient, too little for a verdict: the foods without data may still contain it."),
                                  percent);
      return _cf_insight_new (rule->id, CF_INSIGHT_SEVERITY_INFO, confidence,
                              withheld_title, withheld, rule->page_id);

    case CF_INSIGHT_CONFIDENCE_SOFTENED:
      /* Translators: the first %s is the insight's text, the second a
       * percentage, e.g. "65 %" */
      full = g_strdup_printf (_("%s This is based on the %s of what you logged (by weight) that has data for it."),
                              summary, percent);
      return _cf_insight_new (rule->id, severity > CF_INSIGHT_SEVERITY_INFO ? severity - 1 : severity,
                              confidence, title, full, rule->page_id);

    case CF_INSIGHT_CONFIDENCE_FULL:
    default:
      return _cf_insight_new (rule->id, severity, confidence, title, summary, rule->page_id);
    }
}

/* A number measured from the logged food: a withheld verdict leaves it
 * out, since with most values missing it would read as a low amount
 * ("average 0.0 µg") rather than as missing data */
static void
add_measured (CfInsight           *insight,
              const char          *key,
              const char          *label,
              CfInsightNumberKind  kind,
              CfIntake             intake,
              double               value)
{
  if (cf_insight_get_confidence (insight) == CF_INSIGHT_CONFIDENCE_WITHHELD)
    return;

  _cf_insight_add_number (insight, key, label, kind, intake, value);
}

static void
add_common_numbers (CfInsight *insight,
                    guint      logged_days,
                    double     cov)
{
  _cf_insight_add_number (insight, "logged_days", _("Logged days"),
                          CF_INSIGHT_NUMBER_DAYS, CF_INTAKE_ENERGY, logged_days);
  if (!isnan (cov))
    _cf_insight_add_number (insight, "coverage", _("Logged food with data"),
                            CF_INSIGHT_NUMBER_SHARE, CF_INTAKE_ENERGY, cov);
}

static CfInsight *
rule_below_on_most_days (Facts               *f,
                         const CfInsightRule *rule)
{
  const CfTarget *t = cf_targets_get (f->targets, rule->target);
  g_autofree char *target_text = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *summary = NULL;
  const char *title;
  CfInsightSeverity severity = rule->severity;
  CfInsight *insight;
  guint below = 0, evaluated = 0;
  double avg, avg_target, cov;

  if (!cf_target_has_value (t))
    return NULL;

  for (guint i = 0; i < f->days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (f->days, CfDayIntake, i);
      double target = day_target (t, day);

      if (isnan (target))
        continue;

      evaluated++;
      if (day_amount (day, t->intake) < target)
        below++;
    }

  if (evaluated == 0 || below < days_needed (rule->days_share, evaluated))
    return NULL;

  avg = average (f, t->intake);
  avg_target = average_target (f, t);
  cov = target_coverage (f, t);
  if (rule->severe_below > 0 && avg < rule->severe_below * avg_target)
    severity = CF_INSIGHT_SEVERITY_WARNING;

  target_text = format_amount (t->intake, avg_target);
  average_text = format_amount (t->intake, avg);

  if (strcmp (rule->id, "k2-low") == 0)
    {
      title = _("Vitamin K2 is below your personal goal on most days");
      /* Translators: the numbers are days below the goal and logged
       * days; the strings are amounts, e.g. "29.1 µg" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of your %u logged day, vitamin K2 was below your personal goal of %s (average %s a day).",
                                              "On %u of your %u logged days, vitamin K2 was below your personal goal of %s (average %s a day).",
                                              evaluated),
                                 below, evaluated, target_text, average_text);
    }
  else
    {
      g_assert (strcmp (rule->id, "magnesium-low") == 0);
      title = _("Magnesium is below target on most days");
      /* Translators: the numbers are days below target and logged
       * days; the strings are amounts, e.g. "320 mg" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of your %u logged day, magnesium was below your target of %s (average %s a day).",
                                              "On %u of your %u logged days, magnesium was below your target of %s (average %s a day).",
                                              evaluated),
                                 below, evaluated, target_text, average_text);
    }

  insight = make_insight (rule, severity, cov, TRUE, title, summary);
  add_measured (insight, "average", _("Average a day"), CF_INSIGHT_NUMBER_AMOUNT, t->intake, avg);
  _cf_insight_add_number (insight, "target", t->id == CF_TARGET_VITAMIN_K2 ? _("Personal goal") : _("Target"),
                          CF_INSIGHT_NUMBER_AMOUNT, t->intake, avg_target);
  add_measured (insight, "days_below", _("Days below"), CF_INSIGHT_NUMBER_DAYS, t->intake, below);
  add_common_numbers (insight, evaluated, cov);
  add_foods (f, insight, t->intake, thresholds.foods_per_insight);

  return insight;
}

static char *
average_below_summary (const char *id,
                       guint       n,
                       const char *average_text,
                       const char *target_text,
                       gboolean    energy_based)
{
  /* Translators for all of these: %u is the number of logged days, the
   * strings amounts, e.g. "Over your 7 logged days, calcium averaged
   * 640 mg a day, below your target of 1000 mg." */
  if (strcmp (id, "vitamin-k-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, vitamin K averaged %s a day, below your target of %s.",
                                         "Over your %u logged days, vitamin K averaged %s a day, below your target of %s.",
                                         n), n, average_text, target_text);
  if (strcmp (id, "vitamin-d-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, vitamin D from food and supplements averaged %s a day, below your target of %s. Vitamin D your skin makes in sunlight is not counted.",
                                         "Over your %u logged days, vitamin D from food and supplements averaged %s a day, below your target of %s. Vitamin D your skin makes in sunlight is not counted.",
                                         n), n, average_text, target_text);
  if (strcmp (id, "calcium-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, calcium averaged %s a day, below your target of %s.",
                                         "Over your %u logged days, calcium averaged %s a day, below your target of %s.",
                                         n), n, average_text, target_text);
  if (strcmp (id, "vitamin-c-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, vitamin C averaged %s a day, below your target of %s.",
                                         "Over your %u logged days, vitamin C averaged %s a day, below your target of %s.",
                                         n), n, average_text, target_text);
  if (strcmp (id, "potassium-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, potassium averaged %s a day, below your target of %s.",
                                         "Over your %u logged days, potassium averaged %s a day, below your target of %s.",
                                         n), n, average_text, target_text);
  if (strcmp (id, "epa-dha-low") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, the long-chain omega-3 fats EPA and DHA together averaged %s a day, below your target of %s.",
                                         "Over your %u logged days, the long-chain omega-3 fats EPA and DHA together averaged %s a day, below your target of %s.",
                                         n), n, average_text, target_text);

  g_assert (strcmp (id, "ala-low") == 0);
  if (energy_based)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Over your %u logged day, alpha-linolenic acid (ALA) averaged %s a day, below your target of %s (a share of the energy you logged).",
                                         "Over your %u logged days, alpha-linolenic acid (ALA) averaged %s a day, below your target of %s (a share of the energy you logged).",
                                         n), n, average_text, target_text);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Over your %u logged day, alpha-linolenic acid (ALA) averaged %s a day, below your target of %s.",
                                       "Over your %u logged days, alpha-linolenic acid (ALA) averaged %s a day, below your target of %s.",
                                       n), n, average_text, target_text);
}

static const char *
average_below_title (const char *id)
{
  if (strcmp (id, "vitamin-k-low") == 0)
    return _("Vitamin K is below target");
  if (strcmp (id, "vitamin-d-low") == 0)
    return _("Vitamin D is below target");
  if (strcmp (id, "calcium-low") == 0)
    return _("Calcium is below target");
  if (strcmp (id, "vitamin-c-low") == 0)
    return _("Vitamin C is below target");
  if (strcmp (id, "potassium-low") == 0)
    return _("Potassium is below target");
  if (strcmp (id, "epa-dha-low") == 0)
    return _("Omega-3 EPA and DHA are below target");

  g_assert (strcmp (id, "ala-low") == 0);
  return _("Omega-3 ALA is below target");
}

static CfInsight *
rule_average_below (Facts               *f,
                    const CfInsightRule *rule)
{
  const CfTarget *t = cf_targets_get (f->targets, rule->target);
  g_autofree char *target_text = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *summary = NULL;
  CfInsightSeverity severity = rule->severity;
  CfInsight *insight;
  guint below = 0;
  double avg, avg_target, cov;

  if (!cf_target_has_value (t))
    return NULL;

  avg = average (f, t->intake);
  avg_target = average_target (f, t);
  if (isnan (avg_target) || !(avg < avg_target))
    return NULL;

  for (guint i = 0; i < f->days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (f->days, CfDayIntake, i);
      double target = day_target (t, day);

      if (!isnan (target) && day_amount (day, t->intake) < target)
        below++;
    }

  cov = target_coverage (f, t);
  if (rule->severe_below > 0 && avg < rule->severe_below * avg_target)
    severity = CF_INSIGHT_SEVERITY_WARNING;

  target_text = format_amount (t->intake, avg_target);
  average_text = format_amount (t->intake, avg);
  summary = average_below_summary (rule->id, f->n, average_text, target_text, isnan (t->value));

  insight = make_insight (rule, severity, cov, TRUE, average_below_title (rule->id), summary);
  add_measured (insight, "average", _("Average a day"), CF_INSIGHT_NUMBER_AMOUNT, t->intake, avg);
  _cf_insight_add_number (insight, "target", _("Target"), CF_INSIGHT_NUMBER_AMOUNT, t->intake, avg_target);
  add_measured (insight, "days_below", _("Days below"), CF_INSIGHT_NUMBER_DAYS, t->intake, below);
  add_common_numbers (insight, f->n, cov);
  add_foods (f, insight, t->intake, thresholds.foods_per_insight);

  return insight;
}

static CfInsight *
rule_above_limit (Facts               *f,
                  const CfInsightRule *rule)
{
  const CfTarget *t = cf_targets_get (f->targets, rule->target);
  gboolean supplements_only = t->limit_scope == CF_LIMIT_SCOPE_SUPPLEMENTS;
  g_autofree char *limit_text = NULL;
  g_autofree char *highest_text = NULL;
  g_autofree char *summary = NULL;
  const char *title;
  CfInsight *insight;
  guint above = 0;
  double highest = 0, sum = 0, avg;

  /* A CDRR is not an upper limit */
  if (isnan (t->limit) || g_strcmp0 (t->limit_type, "UL") != 0)
    return NULL;

  for (guint i = 0; i < f->days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (f->days, CfDayIntake, i);
      double amount = supplements_only ? day->supplements[t->intake] : day_amount (day, t->intake);

      sum += amount;
      highest = MAX (highest, amount);
      if (amount > t->limit)
        above++;
    }

  avg = sum / f->n;
  if (above < days_needed (rule->days_share, f->n) && !(avg > t->limit))
    return NULL;

  limit_text = format_amount (t->intake, t->limit);
  highest_text = format_amount (t->intake, highest);

  /* Translators for these three: the numbers are days above the limit
   * and logged days, the strings amounts, e.g. "100.0 µg" */
  if (strcmp (rule->id, "magnesium-supplements-above-ul") == 0)
    {
      title = _("Magnesium supplements above the upper limit");
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of your %u logged day, magnesium from supplements was above %s, the upper limit for supplemental magnesium (highest %s). Magnesium from food does not count toward this limit.",
                                              "On %u of your %u logged days, magnesium from supplements was above %s, the upper limit for supplemental magnesium (highest %s). Magnesium from food does not count toward this limit.",
                                              f->n),
                                 above, f->n, limit_text, highest_text);
    }
  else if (strcmp (rule->id, "vitamin-d-above-ul") == 0)
    {
      title = _("Vitamin D above the upper limit");
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of your %u logged day, vitamin D was above the tolerable upper intake level of %s (highest %s).",
                                              "On %u of your %u logged days, vitamin D was above the tolerable upper intake level of %s (highest %s).",
                                              f->n),
                                 above, f->n, limit_text, highest_text);
    }
  else
    {
      g_assert (strcmp (rule->id, "calcium-above-ul") == 0);
      title = _("Calcium above the upper limit");
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of your %u logged day, calcium was above the tolerable upper intake level of %s (highest %s).",
                                              "On %u of your %u logged days, calcium was above the tolerable upper intake level of %s (highest %s).",
                                              f->n),
                                 above, f->n, limit_text, highest_text);
    }

  /* Missing values could only add to an amount already over the limit:
   * no softening */
  insight = make_insight (rule, rule->severity, NAN, FALSE, title, summary);
  add_measured (insight, "average", supplements_only ? _("Average from supplements a day") : _("Average a day"),
                          CF_INSIGHT_NUMBER_AMOUNT, t->intake, avg);
  _cf_insight_add_number (insight, "highest", _("Highest day"), CF_INSIGHT_NUMBER_AMOUNT, t->intake, highest);
  _cf_insight_add_number (insight, "limit", _("Upper limit"), CF_INSIGHT_NUMBER_AMOUNT, t->intake, t->limit);
  _cf_insight_add_number (insight, "days_above", _("Days above"), CF_INSIGHT_NUMBER_DAYS, t->intake, above);
  add_common_numbers (insight, f->n, supplements_only ? NAN : coverage (f, t->intake));

  return insight;
}

typedef struct
{
  const CfTarget *target;
  double          average;
  double          goal;
  double          coverage;
  gboolean        low;
  gboolean        known;
} Partner;

static void
check_partner (Facts      *f,
               int         id,
               Partner    *p)
{
  memset (p, 0, sizeof *p);
  if (id < 0)
    return;

  p->target = cf_targets_get (f->targets, id);
  if (!cf_target_has_value (p->target))
    return;

  p->average = average (f, p->target->intake);
  p->goal = average_target (f, p->target);
  p->coverage = target_coverage (f, p->target);
  p->low = !isnan (p->goal) && p->average < p->goal;
  p->known = !isnan (p->coverage) && p->coverage >= thresholds.coverage_withhold;
}

static void
add_partner_numbers (CfInsight     *insight,
                     const Partner *p,
                     const char    *average_key,
                     const char    *average_label,
                     const char    *target_key,
                     const char    *target_label,
                     const char    *coverage_key,
                     const char    *coverage_label)
{
  add_measured (insight, average_key, average_label, CF_INSIGHT_NUMBER_AMOUNT, p->target->intake, p->average);
  _cf_insight_add_number (insight, target_key, target_label, CF_INSIGHT_NUMBER_AMOUNT, p->target->intake, p->goal);
  _cf_insight_add_number (insight, coverage_key, coverage_label, CF_INSIGHT_NUMBER_SHARE, p->target->intake, p->coverage);
}

static CfInsight *
rule_supplement_share (Facts               *f,
                       const CfInsightRule *rule)
{
  const CfTarget *t = cf_targets_get (f->targets, rule->target);
  g_autofree char *share_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *k2_avg = NULL;
  g_autofree char *k2_goal = NULL;
  g_autofree char *mg_avg = NULL;
  g_autofree char *mg_goal = NULL;
  CfInsight *insight;
  Partner k2, mg;
  double share, cov;
  gboolean k2_low, mg_low;

  if (!(f->total[t->intake] > 0))
    return NULL;

  share = f->supplements[t->intake] / f->total[t->intake];
  if (share < rule->threshold)
    return NULL;

  g_assert (rule->partner == CF_TARGET_VITAMIN_K2 && rule->partner2 == CF_TARGET_MAGNESIUM);
  check_partner (f, rule->partner, &k2);
  check_partner (f, rule->partner2, &mg);
  if (!k2.low && !mg.low)
    return NULL;

  /* A cofactor that looks low but has too little data makes the verdict
   * uncertain only when it is the only one that looks low */
  k2_low = k2.low && (k2.known || !mg.low);
  mg_low = mg.low && (mg.known || !k2.low);
  cov = coverage (f, t->intake);
  if (k2_low)
    cov = MIN (cov, k2.coverage);
  if (mg_low)
    cov = MIN (cov, mg.coverage);
  share_text = cf_format_percent (share);
  k2_avg = format_amount (CF_INTAKE_VITAMIN_K2, k2.average);
  k2_goal = format_amount (CF_INTAKE_VITAMIN_K2, k2.goal);
  mg_avg = format_amount (CF_INTAKE_MAGNESIUM, mg.average);
  mg_goal = format_amount (CF_INTAKE_MAGNESIUM, mg.goal);

  if (k2_low && mg_low)
    /* Translators: the first %s is a percentage, then averages and
     * targets, e.g. "60 % of your calcium came from supplements, while
     * vitamin K2 (average 8.0 µg a day, goal 29.1 µg) and magnesium
     * (average 210 mg a day, target 320 mg) were both low." */
    summary = g_strdup_printf (_("%s of your calcium came from supplements, while vitamin K2 (average %s a day, goal %s) and magnesium (average %s a day, target %s) were both low."),
                               share_text, k2_avg, k2_goal, mg_avg, mg_goal);
  else if (k2_low)
    /* Translators: a percentage, an average and the K2 goal */
    summary = g_strdup_printf (_("%s of your calcium came from supplements, while vitamin K2 averaged %s a day, below your personal goal of %s."),
                               share_text, k2_avg, k2_goal);
  else
    /* Translators: a percentage, an average and the magnesium target */
    summary = g_strdup_printf (_("%s of your calcium came from supplements, while magnesium averaged %s a day, below your target of %s."),
                               share_text, mg_avg, mg_goal);

  insight = make_insight (rule, rule->severity, cov, TRUE,
                          _("Much of your calcium comes from supplements while its cofactors are low"),
                          summary);
  add_measured (insight, "supplement_share", _("Calcium from supplements"),
                          CF_INSIGHT_NUMBER_SHARE, t->intake, share);
  add_measured (insight, "calcium_average", _("Calcium, average a day"),
                          CF_INSIGHT_NUMBER_AMOUNT, t->intake, average (f, t->intake));
  if (k2.target != NULL && cf_target_has_value (k2.target))
    add_partner_numbers (insight, &k2, "k2_average", _("Vitamin K2, average a day"),
                         "k2_goal", _("Vitamin K2 personal goal"),
                         "k2_coverage", _("Logged food with vitamin K2 data"));
  if (mg.target != NULL && cf_target_has_value (mg.target))
    add_partner_numbers (insight, &mg, "magnesium_average", _("Magnesium, average a day"),
                         "magnesium_target", _("Magnesium target"),
                         "magnesium_coverage", _("Logged food with magnesium data"));
  _cf_insight_add_number (insight, "logged_days", _("Logged days"),
                          CF_INSIGHT_NUMBER_DAYS, CF_INTAKE_ENERGY, f->n);
  _cf_insight_add_number (insight, "coverage", _("Logged food with calcium data"),
                          CF_INSIGHT_NUMBER_SHARE, t->intake, coverage (f, t->intake));

  if (k2_low && mg_low)
    {
      add_foods (f, insight, CF_INTAKE_VITAMIN_K2, (thresholds.foods_per_insight + 1) / 2);
      add_foods (f, insight, CF_INTAKE_MAGNESIUM, (thresholds.foods_per_insight + 1) / 2);
    }
  else
    add_foods (f, insight, k2_low ? CF_INTAKE_VITAMIN_K2 : CF_INTAKE_MAGNESIUM, thresholds.foods_per_insight);

  return insight;
}

static CfInsight *
rule_supplemented_without (Facts               *f,
                           const CfInsightRule *rule)
{
  const CfTarget *t = cf_targets_get (f->targets, rule->target);
  g_autofree char *summary = NULL;
  g_autofree char *k2_avg = NULL;
  g_autofree char *k2_goal = NULL;
  CfInsightSeverity severity = rule->severity;
  CfInsight *insight;
  Partner k2;
  guint supplemented = 0;

  for (guint i = 0; i < f->days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (f->days, CfDayIntake, i);

      if (day->supplements[t->intake] > 0)
        supplemented++;
    }

  if (supplemented == 0 || supplemented < days_needed (rule->days_share, f->n))
    return NULL;

  check_partner (f, rule->partner, &k2);
  if (!k2.low)
    return NULL;

  if (rule->severe_below > 0 && k2.average < rule->severe_below * k2.goal)
    severity = CF_INSIGHT_SEVERITY_WARNING;

  k2_avg = format_amount (k2.target->intake, k2.average);
  k2_goal = format_amount (k2.target->intake, k2.goal);
  /* Translators: days with a vitamin D supplement, logged days, the K2
   * average and the K2 goal */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "You logged a vitamin D supplement on %u of your %u logged day, while vitamin K2 averaged %s a day, below your personal goal of %s.",
                                          "You logged a vitamin D supplement on %u of your %u logged days, while vitamin K2 averaged %s a day, below your personal goal of %s.",
                                          f->n),
                             supplemented, f->n, k2_avg, k2_goal);

  insight = make_insight (rule, severity, k2.coverage, TRUE,
                          _("Vitamin D supplements while vitamin K2 is below your goal"), summary);
  _cf_insight_add_number (insight, "days_supplemented", _("Days with a vitamin D supplement"),
                          CF_INSIGHT_NUMBER_DAYS, t->intake, supplemented);
  _cf_insight_add_number (insight, "vitamin_d_supplements", _("Vitamin D from supplements, average a day"),
                          CF_INSIGHT_NUMBER_AMOUNT, t->intake, f->supplements[t->intake] / f->n);
  add_measured (insight, "k2_average", _("Vitamin K2, average a day"),
                CF_INSIGHT_NUMBER_AMOUNT, k2.target->intake, k2.average);
  _cf_insight_add_number (insight, "k2_goal", _("Vitamin K2 personal goal"),
                          CF_INSIGHT_NUMBER_AMOUNT, k2.target->intake, k2.goal);
  _cf_insight_add_number (insight, "logged_days", _("Logged days"),
                          CF_INSIGHT_NUMBER_DAYS, CF_INTAKE_ENERGY, f->n);
  _cf_insight_add_number (insight, "coverage", _("Logged food with vitamin K2 data"),
                          CF_INSIGHT_NUMBER_SHARE, k2.target->intake, k2.coverage);
  add_foods (f, insight, k2.target->intake, thresholds.foods_per_insight);

  return insight;
}

static CfInsight *
rule_ratio_above (Facts               *f,
                  const CfInsightRule *rule)
{
  const CfTarget *a = cf_targets_get (f->targets, rule->target);
  const CfTarget *b = cf_targets_get (f->targets, rule->partner);
  g_autofree char *summary = NULL;
  g_autofree char *threshold_text = NULL;
  g_autofree char *ratio_text = NULL;
  const char *title;
  const char *ratio_label;
  CfInsight *insight;
  guint with_ratio = 0, high = 0;
  double threshold = rule->threshold;
  double sum_a = 0, sum_b = 0, cov;

  if (!isnan (a->value) && !isnan (b->value) && b->value > 0)
    threshold = MAX (threshold, a->value / b->value);

  for (guint i = 0; i < f->days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (f->days, CfDayIntake, i);
      double x = day->sum[a->intake];
      double y = day->sum[b->intake];

      if (isnan (x) || isnan (y) || y <= 0)
        continue;

      with_ratio++;
      sum_a += x;
      sum_b += y;
      if (x / y > threshold)
        high++;
    }

  if (with_ratio == 0 || high < days_needed (rule->days_share, with_ratio))
    return NULL;

  cov = MIN (coverage (f, a->intake), coverage (f, b->intake));
  threshold_text = g_strdup_printf ("%.1f", threshold);
  /* Translators: a ratio, e.g. "3.4 : 1" */
  ratio_text = g_strdup_printf (_("%.1f : 1"), sum_a / sum_b);

  if (strcmp (rule->id, "na-k-ratio-high") == 0)
    {
      /* Translators: days with more sodium than potassium, days with
       * data for both, and the overall ratio (e.g. "1.4 : 1") */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of %u day with data for both, you had more sodium than potassium (sodium to potassium %s overall). Every reference table sets potassium higher than sodium.",
                                              "On %u of %u days with data for both, you had more sodium than potassium (sodium to potassium %s overall). Every reference table sets potassium higher than sodium.",
                                              with_ratio),
                                 high, with_ratio, ratio_text);
      title = _("More sodium than potassium");
      ratio_label = _("Sodium to potassium, overall");
    }
  else
    {
      g_assert (strcmp (rule->id, "ca-mg-ratio-high") == 0);
      /* Translators: days with a high ratio, days with data for both, the
       * threshold (e.g. "2.5") and the overall ratio (e.g. "3.4 : 1") */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "On %u of %u day with data for both, you had more than %s times as much calcium as magnesium (%s overall).",
                                              "On %u of %u days with data for both, you had more than %s times as much calcium as magnesium (%s overall).",
                                              with_ratio),
                                 high, with_ratio, threshold_text, ratio_text);
      title = _("Much more calcium than magnesium");
      ratio_label = _("Calcium to magnesium, overall");
    }

  insight = make_insight (rule, rule->severity, cov, TRUE, title, summary);
  add_measured (insight, "average_ratio", ratio_label, CF_INSIGHT_NUMBER_RATIO, a->intake, sum_a / sum_b);
  _cf_insight_add_number (insight, "ratio_threshold", _("Flagged above"),
                          CF_INSIGHT_NUMBER_RATIO, a->intake, threshold);
  add_measured (insight, "days_high", _("Days above it"), CF_INSIGHT_NUMBER_DAYS, a->intake, high);
  _cf_insight_add_number (insight, "days_with_ratio", _("Days with data for both"),
                          CF_INSIGHT_NUMBER_DAYS, a->intake, with_ratio);
  add_common_numbers (insight, f->n, cov);
  add_foods (f, insight, b->intake, thresholds.foods_per_insight);

  return insight;
}

static CfInsight *
not_enough_data (const Facts *f)
{
  /* Translators: a date with the year, see g_date_time_format(); e.g.
   * "14 May 2026" */
  g_autofree char *from = cf_day_format (&f->first, _("%-d %b %Y"));
  g_autofree char *to = cf_day_format (&f->last, _("%-d %b %Y"));
  g_autofree char *summary = NULL;
  CfInsight *insight;

  /* Translators: two dates, the number of days with food logged and the
   * number needed */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Between %s and %s, food is logged on %u day. Insights need at least %u days with food logged.",
                                          "Between %s and %s, food is logged on %u days. Insights need at least %u days with food logged.",
                                          f->n),
                             from, to, f->n, thresholds.min_logged_days);
  insight = _cf_insight_new (CF_ID_NOT_ENOUGH_DATA, CF_INSIGHT_SEVERITY_INFO, CF_INSIGHT_CONFIDENCE_WITHHELD,
                             _("Not enough days logged"), summary, NOT_ENOUGH_DATA_PAGE);
  _cf_insight_add_number (insight, "logged_days", _("Logged days"),
                          CF_INSIGHT_NUMBER_DAYS, CF_INTAKE_ENERGY, f->n);
  _cf_insight_add_number (insight, "needed_days", _("Days needed"),
                          CF_INSIGHT_NUMBER_DAYS, CF_INTAKE_ENERGY, thresholds.min_logged_days);

  return insight;
}

typedef struct
{
  CfInsight *insight;
  guint      order;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  int sx = cf_insight_get_severity (x->insight);
  int sy = cf_insight_get_severity (y->insight);
  int cx = cf_insight_get_confidence (x->insight);
  int cy = cf_insight_get_confidence (y->insight);

  if (sx != sy)
    return sy - sx;
  if (cx != cy)
    return cx - cy;
  return (int) x->order - (int) y->order;
}

static GPtrArray *
run_rules (CfHelpingFoods   *helping_foods,
           CfDatabase       *database,
           sqlite3          *db,
           const CfProfile  *profile,
           const GDate      *first,
           const GDate      *last,
           GError          **error)
{
  g_autoptr(GPtrArray) insights = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) all_days = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(CfTargets) targets = NULL;
  Facts f = { 0, };

  all_days = query_intake (db, first, last, error);
  if (all_days == NULL)
    return NULL;

  targets = cf_targets_new (profile, last);

  f.db = db;
  f.helping_foods = helping_foods;
  f.has_foods = _cf_database_has_foods (database);
  f.targets = targets;
  f.first = *first;
  f.last = *last;
  f.days = g_array_new (FALSE, TRUE, sizeof (CfDayIntake));
  for (guint i = 0; i < all_days->len; i++)
    {
      const CfDayIntake *day = &g_array_index (all_days, CfDayIntake, i);

      if (day->n_food_entries == 0)
        continue;

      g_array_append_val (f.days, *day);
      f.grams += day->grams;
      for (guint k = 0; k < CF_N_INTAKES; k++)
        {
          f.total[k] += day_amount (day, k);
          f.known[k] += day->known_grams[k];
          f.supplements[k] += day->supplements[k];
        }
    }
  f.n = f.days->len;

  if (f.n < thresholds.min_logged_days)
    {
      g_ptr_array_add (insights, not_enough_data (&f));
      facts_clear (&f);
      return g_steal_pointer (&insights);
    }

  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      const CfInsightRule *rule = &rules[r];
      Ranked item = { NULL, r };

      switch (rule->kind)
        {
        case CF_INSIGHT_RULE_BELOW_ON_MOST_DAYS:
          item.insight = rule_below_on_most_days (&f, rule);
          break;

        case CF_INSIGHT_RULE_AVERAGE_BELOW:
          item.insight = rule_average_below (&f, rule);
          break;

        case CF_INSIGHT_RULE_ABOVE_LIMIT:
          item.insight = rule_above_limit (&f, rule);
          break;

        case CF_INSIGHT_RULE_SUPPLEMENT_SHARE:
          item.insight = rule_supplement_share (&f, rule);
          break;

        case CF_INSIGHT_RULE_SUPPLEMENTED_WITHOUT:
          item.insight = rule_supplemented_without (&f, rule);
          break;

        case CF_INSIGHT_RULE_RATIO_ABOVE:
          item.insight = rule_ratio_above (&f, rule);
          break;

        default:
          g_assert_not_reached ();
        }

      if (item.insight != NULL)
        g_array_append_val (ranked, item);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (insights, g_array_index (ranked, Ranked, i).insight);

  facts_clear (&f);

  if (f.error != NULL)
    {
      g_propagate_error (error, f.error);
      return NULL;
    }

  return g_steal_pointer (&insights);
}

/* ------------------------------------------------------------------
 * The object
 * ------------------------------------------------------------------ */

static void
cf_insight_engine_dispose (GObject *object)
{
  CfInsightEngine *self = (CfInsightEngine *) object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_insight_engine_parent_class)->dispose (object);
}

static void
cf_insight_engine_finalize (GObject *object)
{
  CfInsightEngine *self = (CfInsightEngine *) object;

  g_clear_pointer (&self->profile, cf_profile_free);
  g_clear_pointer (&self->helping_foods, _cf_helping_foods_unref);

  G_OBJECT_CLASS (cf_insight_engine_parent_class)->finalize (object);
}

static void
cf_insight_engine_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfInsightEngine *self = CF_INSIGHT_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insight_engine_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CfInsightEngine *self = CF_INSIGHT_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insight_engine_class_init (CfInsightEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_insight_engine_dispose;
  object_class->finalize = cf_insight_engine_finalize;
  object_class->get_property = cf_insight_engine_get_property;
  object_class->set_property = cf_insight_engine_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_insight_engine_init (CfInsightEngine *self)
{
  self->helping_foods = _cf_helping_foods_new ();
  self->profile = cf_profile_new ();
}

/**
 * cf_insight_engine_new:
 *
 * Returns: (transfer full): an engine on the context's diary, with a
 *   profile that sets nothing (see cf_insight_engine_set_profile())
 */
CfInsightEngine *
cf_insight_engine_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_INSIGHT_ENGINE,
                       "context", context,
                       NULL);
}

CfContext *
cf_insight_engine_get_context (CfInsightEngine *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT_ENGINE (self), NULL);

  return self->context;
}

const CfProfile *
cf_insight_engine_get_profile (CfInsightEngine *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT_ENGINE (self), NULL);

  return self->profile;
}

/**
 * cf_insight_engine_set_profile:
 *
 * Sets the profile the targets come from; @profile is copied.
 */
void
cf_insight_engine_set_profile (CfInsightEngine *self,
                               const CfProfile *profile)
{
  g_return_if_fail (CF_IS_INSIGHT_ENGINE (self));
  g_return_if_fail (profile != NULL);

  g_clear_pointer (&self->profile, cf_profile_free);
  self->profile = cf_profile_copy (profile);
}

/**
 * cf_insight_engine_query_intake:
 *
 * Returns: (transfer full) (element-type CfDayIntake): the intakes of
 *   each day from @first to @last that has entries, in date order
 */
GArray *
cf_insight_engine_query_intake (CfInsightEngine  *self,
                                const GDate      *first,
                                const GDate      *last,
                                GError          **error)
{
  g_return_val_if_fail (CF_IS_INSIGHT_ENGINE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  if (!cf_day_check_range (first, last, error))
    return NULL;

  return query_intake (_cf_database_get_handle (cf_context_get_database (self->context)),
                       first, last, error);
}

/**
 * cf_insight_engine_run:
 * @first: the first day of the range
 * @last: the last day, included; the targets are those of this day
 *
 * Evaluates every rule on the range.  A range with fewer logged days
 * than the thresholds' minimum gives one "not-enough-data" insight.
 *
 * Returns: (transfer full) (element-type CfInsight): the insights, most
 *   important first, or %NULL with @error set
 */
GPtrArray *
cf_insight_engine_run (CfInsightEngine  *self,
                       const GDate      *first,
                       const GDate      *last,
                       GError          **error)
{
  CfDatabase *database;

  g_return_val_if_fail (CF_IS_INSIGHT_ENGINE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  if (!cf_day_check_range (first, last, error))
    return NULL;

  database = cf_context_get_database (self->context);

  return run_rules (self->helping_foods, database, _cf_database_get_handle (database), self->profile, first, last, error);
}

typedef struct
{
  CfDatabase  *database;
  CfProfile   *profile;
  CfHelpingFoods *helping_foods;
  GDate        first;
  GDate        last;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->database);
  g_clear_pointer (&data->profile, cf_profile_free);
  g_clear_pointer (&data->helping_foods, _cf_helping_foods_unref);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;
  GPtrArray *insights;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A worker has its own connection */
  db = _cf_database_open_reader (data->database, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  insights = run_rules (data->helping_foods, data->database, db, data->profile, &data->first, &data->last, &error);
  _cf_database_close_reader (data->database, db);

  if (insights == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, insights, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cf_insight_engine_run_async:
 *
 * Runs cf_insight_engine_run() in a worker thread with its own database
 * connection, on a copy of the current profile.
 */
void
cf_insight_engine_run_async (CfInsightEngine     *self,
                             const GDate         *first,
                             const GDate         *last,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  RunData *data;

  g_return_if_fail (CF_IS_INSIGHT_ENGINE (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_insight_engine_run_async);

  if (!cf_day_check_range (first, last, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (RunData, 1);
  data->database = g_object_ref (cf_context_get_database (self->context));
  data->profile = cf_profile_copy (self->profile);
  data->helping_foods = _cf_helping_foods_ref (self->helping_foods);
  data->first = *first;
  data->last = *last;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/**
 * cf_insight_engine_run_finish:
 *
 * Returns: (transfer full) (element-type CfInsight): the insights, or
 *   %NULL with @error set
 */
GPtrArray *
cf_insight_engine_run_finish (CfInsightEngine  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (CF_IS_INSIGHT_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_insight_engine_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
