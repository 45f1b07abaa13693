/* cf-targets.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-nutrient.h"
#include "cf-nutrients.h"
#include "cf-reference-intakes.h"

G_BEGIN_DECLS

/**
 * CfSex:
 * @CF_SEX_UNSPECIFIED: not given: where women's and men's values
 *   differ, the higher target and the lower upper limit are used
 */
typedef enum
{
  CF_SEX_UNSPECIFIED,
  CF_SEX_FEMALE,
  CF_SEX_MALE,
} CfSex;

/**
 * CfCondition:
 *
 * Pregnancy and lactation have their own reference values; either
 * implies the values for women.
 */
typedef enum
{
  CF_CONDITION_NONE,
  CF_CONDITION_PREGNANCY,
  CF_CONDITION_LACTATION,
} CfCondition;

/**
 * CfIntake:
 *
 * A quantity compared with a target: one catalog nutrient, or a sum of
 * several (total vitamin K, EPA + DHA).  Amounts are per day in
 * cf_intake_get_unit().
 *
 * Vitamin K2 of one food is its total menaquinone value when it has
 * one, else the sum of the MK-4, MK-7, MK-8 and MK-9 values it has; a
 * food with none of these has no K2 value (not zero).  Total vitamin K
 * is K1 plus that K2 (dihydrophylloquinone is not counted: the
 * reference bodies' vitamin K is phylloquinone and menaquinones).
 * ALA is a food's ALA value, else its undifferentiated 18:3 fatty acids
 * (see cf_intake_get_forms()).
 */
typedef enum
{
  CF_INTAKE_CALCIUM,
  CF_INTAKE_MAGNESIUM,
  CF_INTAKE_PHOSPHORUS,
  CF_INTAKE_POTASSIUM,
  CF_INTAKE_SODIUM,
  CF_INTAKE_VITAMIN_D,
  CF_INTAKE_VITAMIN_K1,
  CF_INTAKE_VITAMIN_K2,
  CF_INTAKE_VITAMIN_K_TOTAL,
  CF_INTAKE_VITAMIN_C,
  CF_INTAKE_ALA,
  CF_INTAKE_EPA_DHA,
  CF_INTAKE_DHA,
  CF_INTAKE_FIBER,
  CF_INTAKE_PROTEIN,
  CF_INTAKE_ENERGY,
} CfIntake;

#define CF_N_INTAKES (CF_INTAKE_ENERGY + 1)

/**
 * CfTargetId:
 *
 * The daily targets Cofactor knows, in display order.  Keys (see
 * cf_target_id_to_key()) are stable and equal the catalog key for the
 * targets on one catalog nutrient; "vitamin_k" is total vitamin K,
 * "vitamin_k2" the personal K2 goal, "epa_dha" EPA plus DHA.
 */
typedef enum
{
  CF_TARGET_CALCIUM,
  CF_TARGET_MAGNESIUM,
  CF_TARGET_VITAMIN_D,
  CF_TARGET_VITAMIN_K,
  CF_TARGET_VITAMIN_K2,
  CF_TARGET_PHOSPHORUS,
  CF_TARGET_POTASSIUM,
  CF_TARGET_SODIUM,
  CF_TARGET_VITAMIN_C,
  CF_TARGET_ALA,
  CF_TARGET_EPA_DHA,
  CF_TARGET_DHA,
  CF_TARGET_FIBER,
  CF_TARGET_PROTEIN,
} CfTargetId;

#define CF_N_TARGETS (CF_TARGET_PROTEIN + 1)

/**
 * CfLimitScope:
 * @CF_LIMIT_SCOPE_ALL_SOURCES: the limit applies to food and supplements
 * @CF_LIMIT_SCOPE_SUPPLEMENTS: the limit applies to supplements only
 *   (magnesium), so it is compared with supplement intake
 */
typedef enum
{
  CF_LIMIT_SCOPE_ALL_SOURCES,
  CF_LIMIT_SCOPE_SUPPLEMENTS,
} CfLimitScope;

/* No reference body sets a vitamin K2 intake.  The default personal
 * goal is the mean K2 intake of the Prospect-EPIC cohort (16,057 women,
 * 29.1 ± 12.8 µg/day; Gast et al. 2009), as recorded in the K2 evidence
 * section of data/reference-intakes/README.md. */
#define CF_K2_DEFAULT_GOAL_UG 29.1

/* Atwater factor used to turn a share of energy into grams of fat */
#define CF_KCAL_PER_G_FAT 9.0

/* Age assumed to be adult when the profile gives none */
#define CF_ADULT_AGE 19.0

/**
 * CfTarget:
 * @id: which target
 * @intake: what is compared with it (e.g. K1 only for EFSA vitamin K)
 * @value: the daily target in cf_intake_get_unit(), or NaN when there is
 *   none or it depends on energy intake (see @energy_percent) or body
 *   weight (see @per_kg)
 * @energy_percent: the target as a share of energy intake, in percent,
 *   or NaN; see cf_target_get_value_for_energy()
 * @per_kg: the target per kg of body weight per day, or NaN
 * @increment: an amount added to the value (EFSA protein in pregnancy
 *   and lactation), or NaN
 * @value_type: the table's value type ("RDA", "AI", "PRI", "SAI",
 *   "recommended", "estimated", "guide"), or "personal-goal"
 * @from_table: whether the value comes from a reference table row
 * @set: the table of that row
 * @fallback: the profile's reference set has no value for this life
 *   stage, so @set is another one
 * @life_stage: the row's life stage label, as in the table
 * @note: the row's `ul_note` (scope, flags, provenance), in English
 * @source_url: where the value was read, URLs separated by " | "
 * @line: the row's line in the table file, or 0
 * @citation: the source when not a table (the K2 goal), or %NULL
 * @reference_value: the value before a personal override
 * @overridden: whether the user chose @value
 * @limit: the upper limit (UL) or "reduce if above" level (CDRR) per
 *   day, in cf_intake_get_unit(), or NaN
 * @limit_type: "UL" or "CDRR", or %NULL
 * @limit_scope: what the limit is compared with
 * @limit_note: the `ul_note` of the row the limit comes from
 * @limit_set: the table the limit comes from (when @limit is set)
 * @limit_life_stage: the life stage of the row the limit comes from
 * @limit_source_url: where the limit was read
 * @limit_fallback: the table of the value gives no limit for this
 *   nutrient and life stage, so @limit_set is another one (see
 *   cf-targets.c for the order)
 * @limit_explanation: a translated sentence saying where the limit
 *   comes from when it is a fallback, or that no limit is checked when
 *   no table gives one; %NULL when the value's own row gives the limit
 * @explanation: translated sentences saying how the value was chosen
 *   (defaults used, fallbacks, the K2 goal's reason), or %NULL
 */
typedef struct
{
  CfTargetId      id;
  CfIntake        intake;
  double          value;
  double          energy_percent;
  double          per_kg;
  double          increment;
  char           *value_type;
  gboolean        from_table;
  CfReferenceSet  set;
  gboolean        fallback;
  char           *life_stage;
  char           *note;
  char           *source_url;
  guint           line;
  char           *citation;
  double          reference_value;
  gboolean        overridden;
  double          limit;
  char           *limit_type;
  CfLimitScope    limit_scope;
  char           *limit_note;
  CfReferenceSet  limit_set;
  char           *limit_life_stage;
  char           *limit_source_url;
  gboolean        limit_fallback;
  char           *limit_explanation;
  char           *explanation;
} CfTarget;

typedef struct _CfProfile CfProfile;

#define CF_TYPE_PROFILE (cf_profile_get_type ())
#define CF_TYPE_TARGET (cf_target_get_type ())
#define CF_TYPE_TARGETS (cf_targets_get_type ())

G_DECLARE_FINAL_TYPE (CfTargets, cf_targets, CF, TARGETS, GObject)

const char     *cf_sex_to_key                (CfSex            sex);
gboolean        cf_sex_from_key              (const char      *key,
                                              CfSex           *sex);
const char     *cf_condition_to_key          (CfCondition      condition);
gboolean        cf_condition_from_key        (const char      *key,
                                              CfCondition     *condition);

const char     *cf_intake_get_key            (CfIntake         intake);
const char     *cf_intake_get_name           (CfIntake         intake);
CfUnit          cf_intake_get_unit           (CfIntake         intake);
const char     *cf_intake_get_forms          (CfIntake         intake);
double          cf_intake_per_100g           (CfIntake         intake,
                                              const CfNutrients *per_100g);
char           *cf_intake_format_value       (CfIntake         intake,
                                              double           value);

const char     *cf_target_id_to_key          (CfTargetId       id);
gboolean        cf_target_id_from_key        (const char      *key,
                                              CfTargetId      *id);
const char     *cf_target_id_get_name        (CfTargetId       id);
CfIntake        cf_target_id_get_intake      (CfTargetId       id);
gboolean        cf_target_id_for_nutrient    (CfNutrient       nutrient,
                                              CfTargetId      *id);
gboolean        cf_target_id_from_table_nutrient (const char  *name,
                                              CfTargetId      *id,
                                              CfIntake        *intake);
const char     *cf_value_type_get_name       (const char      *value_type);

GType           cf_profile_get_type          (void) G_GNUC_CONST;
CfProfile      *cf_profile_new               (void);
CfProfile      *cf_profile_copy              (const CfProfile *self);
void            cf_profile_free              (CfProfile       *self);
CfSex           cf_profile_get_sex           (const CfProfile *self);
void            cf_profile_set_sex           (CfProfile       *self,
                                              CfSex            sex);
const GDate    *cf_profile_get_birth_date    (const CfProfile *self);
void            cf_profile_set_birth_date    (CfProfile       *self,
                                              const GDate     *birth_date);
double          cf_profile_get_age           (const CfProfile *self);
void            cf_profile_set_age           (CfProfile       *self,
                                              double           years);
double          cf_profile_get_age_on        (const CfProfile *self,
                                              const GDate     *date);
CfCondition     cf_profile_get_condition     (const CfProfile *self);
void            cf_profile_set_condition     (CfProfile       *self,
                                              CfCondition      condition);
int             cf_profile_get_condition_month (const CfProfile *self);
void            cf_profile_set_condition_month (CfProfile     *self,
                                              int              month);
CfReferenceSet  cf_profile_get_reference_set (const CfProfile *self);
void            cf_profile_set_reference_set (CfProfile       *self,
                                              CfReferenceSet   set);
double          cf_profile_get_body_weight   (const CfProfile *self);
void            cf_profile_set_body_weight   (CfProfile       *self,
                                              double           kg);
double          cf_profile_get_override      (const CfProfile *self,
                                              CfTargetId       id);
void            cf_profile_set_override      (CfProfile       *self,
                                              CfTargetId       id,
                                              double           value);
double          cf_profile_get_k2_goal       (const CfProfile *self);
void            cf_profile_set_k2_goal       (CfProfile       *self,
                                              double           micrograms);
gboolean        cf_profile_validate          (const CfProfile *self,
                                              GError         **error);
void            cf_profile_load_settings     (CfProfile       *self,
                                              GSettings       *settings);
GSettings      *cf_profile_get_settings      (void);

GType           cf_target_get_type           (void) G_GNUC_CONST;
CfTarget       *cf_target_copy               (const CfTarget  *self);
void            cf_target_free               (CfTarget        *self);
gboolean        cf_target_has_value          (const CfTarget  *self);
double          cf_target_get_value_for_energy (const CfTarget *self,
                                              double           energy_kcal);
const char     *cf_target_get_name           (const CfTarget  *self);
char           *cf_target_dup_source_label   (const CfTarget  *self);
char           *cf_target_dup_limit_source_label (const CfTarget *self);
const char     *cf_target_get_limit_scope_label (const CfTarget *self);

CfTargets      *cf_targets_new               (const CfProfile *profile,
                                              const GDate     *date);
const CfProfile *cf_targets_get_profile      (CfTargets       *self);
const GDate    *cf_targets_get_date          (CfTargets       *self);
const CfTarget *cf_targets_get               (CfTargets       *self,
                                              CfTargetId       id);
const CfTarget *cf_targets_lookup_nutrient   (CfTargets       *self,
                                              CfNutrient       nutrient);

/* For the insight engine's SQL aggregates: the per-100 g amount of an
 * intake as an SQL expression over the catalog columns, NULL when the
 * food has no value for it */
const char     *_cf_intake_get_sql           (CfIntake         intake);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfProfile, cf_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTarget, cf_target_free)

G_END_DECLS
