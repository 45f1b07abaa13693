/* cf-supplements.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-supplements"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-food-private.h"
#include "cf-supplements.h"

/* A supplement is a food of kind CF_FOOD_KIND_SUPPLEMENT with one
 * household measure, its unit ("capsule", "drop", …).  Values are kept
 * per 100 g like every food; the unit's nominal weight only scales them
 * and is never shown, so a dose reads back exactly as entered.
 */
#define UNIT_GRAMS 1.0

/* Where a template's amounts come from.  A template is a product as
 * its label states it (the amount of the nutrient per unit), never a
 * nutrient value of the project's own; the user adjusts it to the
 * label of the product they take.  Where labels name a compound, the
 * share of the element in it follows from the molar masses of the
 * compound (IUPAC standard atomic weights); the calcium shares are also
 * those of the NIH Office of Dietary Supplements' calcium fact sheet. */
typedef enum
{
  NOTE_LABEL,
  NOTE_VITAMIN_D,
  NOTE_MAGNESIUM_CITRATE,
  NOTE_MAGNESIUM_GLYCINATE,
  NOTE_MAGNESIUM_OXIDE,
  NOTE_CALCIUM_CARBONATE,
  NOTE_CALCIUM_CITRATE,
  NOTE_OMEGA_3,
} Note;

static const char *notes[] = {
  [NOTE_LABEL] =
    N_("The amount per unit is the one labels of this kind commonly state; change it to what your label says."),
  [NOTE_VITAMIN_D] =
    N_("Labels give vitamin D in IU, in µg or in both: 40 IU is 1 µg. You can type either, e.g. 2000 IU."),
  [NOTE_MAGNESIUM_CITRATE] =
    /* xgettext:no-c-format */
    N_("Labels state the magnesium itself, e.g. “Magnesium (as citrate) 200 mg”. Magnesium citrate is 16 % "
       "magnesium by weight (from the molar masses of Mg₃(C₆H₅O₇)₂), so 200 mg of magnesium comes with "
       "about 1,240 mg of the citrate."),
  [NOTE_MAGNESIUM_GLYCINATE] =
    /* xgettext:no-c-format */
    N_("Labels state the magnesium itself, e.g. “Magnesium (as glycinate) 100 mg”. Magnesium glycinate is "
       "14 % magnesium by weight (from the molar masses of Mg(C₂H₄NO₂)₂), so 100 mg of magnesium comes with "
       "about 710 mg of the glycinate."),
  [NOTE_MAGNESIUM_OXIDE] =
    /* xgettext:no-c-format */
    N_("Labels state the magnesium itself, e.g. “Magnesium (as oxide) 250 mg”. Magnesium oxide is 60 % "
       "magnesium by weight (from the molar masses of MgO), so 250 mg of magnesium comes with about 415 mg "
       "of the oxide."),
  [NOTE_CALCIUM_CARBONATE] =
    /* xgettext:no-c-format */
    N_("Labels state the calcium itself, e.g. “Calcium (as carbonate) 500 mg”. Calcium carbonate is 40 % "
       "calcium by weight (molar masses of CaCO₃; NIH Office of Dietary Supplements), so 500 mg of calcium "
       "comes with 1,250 mg of the carbonate."),
  [NOTE_CALCIUM_CITRATE] =
    /* xgettext:no-c-format */
    N_("Labels state the calcium itself, e.g. “Calcium (as citrate) 200 mg”. Calcium citrate is 21 % "
       "calcium by weight (molar masses of its tetrahydrate; NIH Office of Dietary Supplements), so 200 mg "
       "of calcium comes with about 950 mg of the citrate."),
  [NOTE_OMEGA_3] =
    N_("Labels of fish and algae oil state the EPA and DHA per unit, apart from the weight of the oil; "
       "enter those two amounts."),
};

/* The template library, the first four in the order the demo diary
 * and older tests rely on.  @key is stable: it names the food saved from
 * the template, so logging a template twice reuses that food.
 * @keywords are searched beside the names (not shown). */
typedef struct
{
  const char       *key;
  const char       *name;
  const char       *unit;
  CfSupplementDose  doses[3];
  Note              note;
  const char       *keywords;
} Template;

static const Template templates[] = {
  { "k2-mk7-100", N_("Vitamin K2 (MK-7) 100 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 100 } }, NOTE_LABEL, "mk7 menaquinone" },
  { "vitamin-d3-400iu", N_("Vitamin D3 400 IU (10 µg)"), N_("drop"),
    { { CF_NUTRIENT_VITAMIN_D, 10 } }, NOTE_VITAMIN_D, "400 cholecalciferol" },
  { "vitamin-d3-1000iu-k2-mk7-100", N_("Vitamin D3 1,000 IU (25 µg) with K2 (MK-7) 100 µg"), N_("capsule"),
    { { CF_NUTRIENT_VITAMIN_D, 25 }, { CF_NUTRIENT_MK7, 100 } }, NOTE_VITAMIN_D, "1000 cholecalciferol mk7 menaquinone" },
  { "magnesium-citrate-200", N_("Magnesium citrate (200 mg magnesium)"), N_("tablet"),
    { { CF_NUTRIENT_MAGNESIUM, 200 } }, NOTE_MAGNESIUM_CITRATE, NULL },
  { "vitamin-d3-1000iu", N_("Vitamin D3 1,000 IU (25 µg)"), N_("softgel"),
    { { CF_NUTRIENT_VITAMIN_D, 25 } }, NOTE_VITAMIN_D, "1000 cholecalciferol" },
  { "vitamin-d3-2000iu", N_("Vitamin D3 2,000 IU (50 µg)"), N_("softgel"),
    { { CF_NUTRIENT_VITAMIN_D, 50 } }, NOTE_VITAMIN_D, "2000 cholecalciferol" },
  { "vitamin-d3-4000iu", N_("Vitamin D3 4,000 IU (100 µg)"), N_("softgel"),
    { { CF_NUTRIENT_VITAMIN_D, 100 } }, NOTE_VITAMIN_D, "4000 cholecalciferol" },
  { "k2-mk7-45", N_("Vitamin K2 (MK-7) 45 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 45 } }, NOTE_LABEL, "mk7 menaquinone" },
  { "k2-mk7-90", N_("Vitamin K2 (MK-7) 90 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 90 } }, NOTE_LABEL, "mk7 menaquinone" },
  { "k2-mk7-180", N_("Vitamin K2 (MK-7) 180 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 180 } }, NOTE_LABEL, "mk7 menaquinone" },
  { "k2-mk7-200", N_("Vitamin K2 (MK-7) 200 µg"), N_("capsule"),
    { { CF_NUTRIENT_MK7, 200 } }, NOTE_LABEL, "mk7 menaquinone" },
  { "magnesium-glycinate-100", N_("Magnesium glycinate (100 mg magnesium)"), N_("capsule"),
    { { CF_NUTRIENT_MAGNESIUM, 100 } }, NOTE_MAGNESIUM_GLYCINATE, "bisglycinate" },
  { "magnesium-oxide-250", N_("Magnesium oxide (250 mg magnesium)"), N_("tablet"),
    { { CF_NUTRIENT_MAGNESIUM, 250 } }, NOTE_MAGNESIUM_OXIDE, NULL },
  { "calcium-carbonate-500", N_("Calcium carbonate (500 mg calcium)"), N_("tablet"),
    { { CF_NUTRIENT_CALCIUM, 500 } }, NOTE_CALCIUM_CARBONATE, NULL },
  { "calcium-citrate-200", N_("Calcium citrate (200 mg calcium)"), N_("tablet"),
    { { CF_NUTRIENT_CALCIUM, 200 } }, NOTE_CALCIUM_CITRATE, NULL },
  { "fish-oil-epa180-dha120", N_("Fish oil (EPA 180 mg, DHA 120 mg)"), N_("softgel"),
    { { CF_NUTRIENT_EPA, 0.180 }, { CF_NUTRIENT_DHA, 0.120 } }, NOTE_OMEGA_3, "omega 3 epa dha" },
  { "fish-oil-epa400-dha200", N_("Fish oil concentrate (EPA 400 mg, DHA 200 mg)"), N_("softgel"),
    { { CF_NUTRIENT_EPA, 0.400 }, { CF_NUTRIENT_DHA, 0.200 } }, NOTE_OMEGA_3, "omega 3 epa dha" },
  { "algae-oil-epa125-dha250", N_("Algae oil (EPA 125 mg, DHA 250 mg)"), N_("softgel"),
    { { CF_NUTRIENT_EPA, 0.125 }, { CF_NUTRIENT_DHA, 0.250 } }, NOTE_OMEGA_3, "algal omega 3 epa dha vegan" },
  { "vitamin-c-500", N_("Vitamin C 500 mg"), N_("tablet"),
    { { CF_NUTRIENT_VITAMIN_C, 500 } }, NOTE_LABEL, "ascorbic" },
  { "potassium-citrate-99", N_("Potassium citrate 99 mg"), N_("tablet"),
    { { CF_NUTRIENT_POTASSIUM, 99 } }, NOTE_LABEL, NULL },
};

/* The namespace of the name-based UUIDs of foods saved from templates */
static const guint8 template_namespace[16] = {
  0x59, 0xf3, 0x40, 0x9d, 0xb6, 0x76, 0x4f, 0xcf,
  0x8c, 0x4c, 0xbd, 0x04, 0x62, 0x88, 0x48, 0xfa,
};

static GQuark
template_quark (void)
{
  return g_quark_from_static_string ("cf-supplement-template");
}

static const Template *
get_template (CfFood *food)
{
  return g_object_get_qdata (G_OBJECT (food), template_quark ());
}

/* A name-based UUID (RFC 4122 version 5, SHA-1) of @key */
static char *
template_food_id (const char *key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (checksum, template_namespace, sizeof template_namespace);
  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_get_digest (checksum, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("custom:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/**
 * cf_supplement_new:
 * @name: the supplement's name
 * @unit: what one dose is counted in, e.g. "capsule"
 * @doses: (array length=n_doses): the nutrients in one unit
 *
 * Returns: (transfer full): a new custom food of kind supplement, not
 *   yet saved
 */
CfFood *
cf_supplement_new (const char             *name,
                   const char             *unit,
                   const CfSupplementDose *doses,
                   guint                   n_doses)
{
  CfFood *food;

  g_return_val_if_fail (unit != NULL && *unit != '\0', NULL);
  g_return_val_if_fail (doses != NULL || n_doses == 0, NULL);

  food = cf_food_new_custom (name);
  cf_food_set_kind (food, CF_FOOD_KIND_SUPPLEMENT);
  cf_supplement_set_doses (food, unit, doses, n_doses);

  return food;
}

/**
 * cf_supplement_set_doses:
 * @supplement: a custom food of kind supplement
 * @unit: what one dose is counted in, e.g. "capsule"
 * @doses: (array length=n_doses): the nutrients in one unit
 *
 * Replaces what one unit of @supplement holds, and its unit; nutrients
 * not in @doses have no value afterwards.  The food keeps its id, so
 * saving it updates the stored supplement (diary entries already logged
 * keep their own values).
 */
void
cf_supplement_set_doses (CfFood                 *supplement,
                         const char             *unit,
                         const CfSupplementDose *doses,
                         guint                   n_doses)
{
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(CfNutrients) per_100g = cf_nutrients_new ();

  g_return_if_fail (CF_IS_FOOD (supplement));
  g_return_if_fail (cf_food_get_kind (supplement) == CF_FOOD_KIND_SUPPLEMENT);
  g_return_if_fail (unit != NULL && *unit != '\0');
  g_return_if_fail (doses != NULL || n_doses == 0);

  for (guint i = 0; i < n_doses; i++)
    cf_nutrients_set (per_100g, doses[i].nutrient, doses[i].amount * 100.0 / UNIT_GRAMS);
  cf_food_set_nutrients (supplement, per_100g);

  cf_food_clear_portions (supplement);
  portion = cf_portion_new (1, unit, UNIT_GRAMS);
  cf_food_add_portion (supplement, portion);
}

static CfFood *
new_from_template (const Template *t)
{
  g_autofree char *id = template_food_id (t->key);
  CfFood *food;
  guint n = 0;

  while (n < G_N_ELEMENTS (t->doses) && t->doses[n].amount > 0)
    n++;

  food = _cf_food_new (id, CF_FOOD_SOURCE_CUSTOM, g_dgettext (GETTEXT_PACKAGE, t->name));
  cf_food_set_kind (food, CF_FOOD_KIND_SUPPLEMENT);
  cf_supplement_set_doses (food, g_dgettext (GETTEXT_PACKAGE, t->unit), t->doses, n);
  g_object_set_qdata (G_OBJECT (food), template_quark (), (gpointer) t);

  return food;
}

/**
 * cf_supplement_list_templates:
 *
 * The template library: supplements as their labels commonly state
 * them, to start from.  Each has the id of the food saved from it (the
 * same every time, see cf_supplement_get_template_key()), so that a
 * template logged twice is one food of the user's.
 *
 * Returns: (transfer container) (element-type CfFood): new, unsaved
 *   supplements to start from, with translated names
 */
GPtrArray *
cf_supplement_list_templates (void)
{
  GPtrArray *foods = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    g_ptr_array_add (foods, new_from_template (&templates[i]));

  return foods;
}

/**
 * cf_supplement_get_template_key:
 *
 * Returns: (nullable): the stable key of the template @food is, or
 *   %NULL when @food is no template (a saved food never is one)
 */
const char *
cf_supplement_get_template_key (CfFood *food)
{
  const Template *t;

  g_return_val_if_fail (CF_IS_FOOD (food), NULL);

  t = get_template (food);

  return t ? t->key : NULL;
}

/**
 * cf_supplement_get_template_note:
 *
 * Returns: (nullable): where the amounts of the template @food come
 *   from and how labels state them, translated; %NULL for no template
 */
const char *
cf_supplement_get_template_note (CfFood *food)
{
  const Template *t;

  g_return_val_if_fail (CF_IS_FOOD (food), NULL);

  t = get_template (food);

  return t ? g_dgettext (GETTEXT_PACKAGE, notes[t->note]) : NULL;
}

/**
 * cf_supplement_dup_template_search_text:
 *
 * Returns: (transfer full) (nullable): the words a search finds the
 *   template @food by: its name in the user's language and in English,
 *   and a few other names (e.g. "cholecalciferol"); %NULL for no
 *   template
 */
char *
cf_supplement_dup_template_search_text (CfFood *food)
{
  const Template *t;

  g_return_val_if_fail (CF_IS_FOOD (food), NULL);

  t = get_template (food);
  if (t == NULL)
    return NULL;

  return g_strjoin (" ", g_dgettext (GETTEXT_PACKAGE, t->name), t->name,
                    t->keywords ? t->keywords : "", NULL);
}

static CfPortion *
get_unit_portion (CfFood *supplement)
{
  GListModel *portions = cf_food_get_portions (supplement);
  g_autoptr(CfPortion) portion = NULL;

  if (g_list_model_get_n_items (portions) == 0)
    return NULL;

  portion = g_list_model_get_item (portions, 0);

  return portion;
}

/**
 * cf_supplement_get_dose:
 *
 * Returns: how much of @nutrient one unit of @supplement holds, or NaN
 *   when it has none or has no unit
 */
double
cf_supplement_get_dose (CfFood     *supplement,
                        CfNutrient  nutrient)
{
  CfPortion *unit;

  g_return_val_if_fail (CF_IS_FOOD (supplement), NAN);

  unit = get_unit_portion (supplement);
  if (unit == NULL)
    return NAN;

  return cf_food_get_nutrient (supplement, nutrient) * cf_portion_get_grams (unit)
         / cf_portion_get_amount (unit) / 100.0;
}

/**
 * cf_supplement_get_unit:
 *
 * Returns: (nullable): the unit a dose is counted in, e.g. "capsule"
 */
const char *
cf_supplement_get_unit (CfFood *supplement)
{
  CfPortion *unit;

  g_return_val_if_fail (CF_IS_FOOD (supplement), NULL);

  unit = get_unit_portion (supplement);

  return unit ? cf_portion_get_description (unit) : NULL;
}

/* The forms of vitamin K a supplement can hold (see the knowledge pages
 * "disclaimer", "k2-mgp-osteocalcin" and "k1-vs-k2" for the caution and
 * its sources) */
static gboolean
is_vitamin_k (CfNutrient nutrient)
{
  switch (nutrient)
    {
    case CF_NUTRIENT_VITAMIN_K1:
    case CF_NUTRIENT_VITAMIN_K2_TOTAL:
    case CF_NUTRIENT_MK4:
    case CF_NUTRIENT_MK7:
    case CF_NUTRIENT_MK8:
    case CF_NUTRIENT_MK9:
    /* Vitamin K whose form is not stated is vitamin K all the same */
    case CF_NUTRIENT_VITAMIN_K_UNSTATED:
      return TRUE;

    default:
      return FALSE;
    }
}

static const char *
vka_caution (void)
{
  return _("Caution for anyone on a blood thinner of the vitamin K antagonist type, such as warfarin: "
           "vitamin K, K2 included, changes how these medicines work. Talk to the doctor who prescribes "
           "it before you start, stop or change this supplement.");
}

/**
 * cf_supplement_doses_get_caution:
 * @doses: (array length=n_doses): what one unit holds
 *
 * Returns: (transfer none) (nullable): a translated caution for
 *   supplements that hold vitamin K (K1 or any form of K2), or %NULL
 */
const char *
cf_supplement_doses_get_caution (const CfSupplementDose *doses,
                                 guint                   n_doses)
{
  g_return_val_if_fail (doses != NULL || n_doses == 0, NULL);

  for (guint i = 0; i < n_doses; i++)
    {
      if (is_vitamin_k (doses[i].nutrient) && doses[i].amount > 0)
        return vka_caution ();
    }

  return NULL;
}

/**
 * cf_supplement_get_caution:
 *
 * Returns: (transfer none) (nullable): a translated caution when
 *   @supplement holds vitamin K (K1 or any form of K2), or %NULL
 */
const char *
cf_supplement_get_caution (CfFood *supplement)
{
  g_return_val_if_fail (CF_IS_FOOD (supplement), NULL);

  for (CfNutrient n = 0; n < CF_N_NUTRIENTS; n++)
    {
      double value = cf_food_get_nutrient (supplement, n);

      if (is_vitamin_k (n) && !isnan (value) && value > 0)
        return vka_caution ();
    }

  return NULL;
}
