/* cf-foods-db.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-nutrients.h"

G_BEGIN_DECLS

/* Writes the read-only reference food database (foods.db).  Used by the
 * build step and by the benchmark's synthetic data generator, so both
 * produce exactly the schema CfFoodStore reads. */

#define CF_FOODS_DB_FORMAT 2

/* The languages food names are given in (data/foods/curated/names/ and
 * English for the everyday names), each with a column "n_LANG" of
 * name_fts */
#define CF_FOODS_DB_NAME_LANGUAGES "en", "de", "es", "fr", "it", "nl", "pt_BR"

typedef struct _CfFoodsDbWriter CfFoodsDbWriter;

/**
 * CfFoodsDbName:
 * @lang: a language tag ("en", "de", "pt_BR")
 * @name: the name in that language
 * @synonym: whether it is another name, not the one to show
 */
typedef struct
{
  const char *lang;
  const char *name;
  gboolean    synonym;
} CfFoodsDbName;

typedef struct
{
  const char        *id;
  const char        *source;
  const char        *group_code;
  const char        *name;
  const char        *common_name;
  const char        *note;
  guint              everyday;     /* place in the everyday-food list, or 0 */
  const CfFoodsDbName *names;
  guint              n_names;
  CfNutrients        nutrients;
  const char        *origins[CF_N_NUTRIENTS];
  /* "measured" (or NULL), "borrowed" or "assumed"; and for borrowed
   * values the food they come from, for assumed ones the rule */
  const char        *origin_kinds[CF_N_NUTRIENTS];
  const char        *origin_via[CF_N_NUTRIENTS];
} CfFoodsDbFood;

CfFoodsDbWriter *cf_foods_db_writer_new        (const char       *path,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_group  (CfFoodsDbWriter  *self,
                                                const char       *code,
                                                const char       *name,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_source (CfFoodsDbWriter  *self,
                                                const char       *id,
                                                const char       *kind,
                                                const char       *citation,
                                                const char       *url,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_value_origin (CfFoodsDbWriter *self,
                                                const char       *code,
                                                const char       *description,
                                                GError          **error);
gint64           cf_foods_db_writer_add_food   (CfFoodsDbWriter  *self,
                                                const CfFoodsDbFood *food,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_portion (CfFoodsDbWriter *self,
                                                gint64            food_rowid,
                                                int               seq,
                                                double            amount,
                                                const char       *description,
                                                double            grams,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_link   (CfFoodsDbWriter  *self,
                                                const char       *k2_food,
                                                const char       *usda_food,
                                                const char       *match,
                                                gboolean          is_primary,
                                                const char       *note,
                                                GError          **error);
gboolean         cf_foods_db_writer_add_synonym (CfFoodsDbWriter *self,
                                                const char       *term,
                                                const char       *means,
                                                GError          **error);
gboolean         cf_foods_db_writer_set_meta   (CfFoodsDbWriter  *self,
                                                const char       *key,
                                                const char       *value,
                                                GError          **error);
gboolean         cf_foods_db_writer_finish     (CfFoodsDbWriter  *self,
                                                GError          **error);
void             cf_foods_db_writer_free       (CfFoodsDbWriter  *self);

int              cf_food_commonness            (const char       *name,
                                                const char       *group_code,
                                                const CfNutrients *nutrients);
int              cf_food_rank_compare          (const char       *name_a,
                                                const char       *name_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFoodsDbWriter, cf_foods_db_writer_free)

G_END_DECLS
