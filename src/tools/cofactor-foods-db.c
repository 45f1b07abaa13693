/* cofactor-foods-db.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the read-only reference food database.
 *
 *   cofactor-foods-db compile DATA_DIR OUTPUT
 *       Reads the tab-separated files in data/foods/ (see its README)
 *       and writes foods.db.  Run by the build; needs nothing else.
 *
 *   cofactor-foods-db synthetic COUNT OUTPUT [SEED]
 *       Writes a database of COUNT made-up foods with plausible names,
 *       for benchmarks at any scale.
 */

#define G_LOG_DOMAIN "cofactor-foods-db"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "cf-foods-db.h"
#include "cf-key-nutrients.h"

typedef struct
{
  char        *id;
  char        *source;
  char        *group;
  char        *name;
  char        *common_name;
  char        *note;
  guint        everyday;
  int          commonness;
  GArray      *names;      /* CfFoodsDbName, strings owned by the table rows */
  CfNutrients  nutrients;
  char        *origins[CF_N_NUTRIENTS];
  const char  *origin_kinds[CF_N_NUTRIENTS];  /* static strings */
  const char  *origin_via[CF_N_NUTRIENTS];    /* owned by other foods */
  GPtrArray   *portions;
} Food;

typedef struct
{
  char  **row;        /* k2_food, usda_food, match, note */
  Food   *k2;
  Food   *usda;
  int     rank;       /* 0 for same, 1 for kind */
  gboolean primary;
} Link;

typedef struct
{
  int     seq;
  double  amount;
  char   *description;
  double  grams;
} Portion;

static void
portion_free (Portion *p)
{
  g_free (p->description);
  g_free (p);
}

static void
food_free (Food *f)
{
  g_free (f->id);
  g_free (f->source);
  g_free (f->group);
  g_free (f->name);
  g_free (f->common_name);
  g_free (f->note);
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_free (f->origins[i]);
  g_clear_pointer (&f->portions, g_ptr_array_unref);
  g_clear_pointer (&f->names, g_array_unref);
  g_free (f);
}

/* A tab-separated file: its rows, split into fields, after checking the
 * header names the expected columns. */
static GPtrArray *
read_tsv (const char  *dir,
          const char  *name,
          const char  *header,
          GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = NULL;
  guint n_columns;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not UTF-8", path);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || strcmp (lines[0], header) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the header must be “%s”", path, header);
      return NULL;
    }

  n_columns = 1;
  for (const char *p = header; *p; p++)
    n_columns += (*p == '\t');

  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **fields;

      if (lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_columns)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %u fields, expected %u", path, i + 1, g_strv_length (fields), n_columns);
          g_strfreev (fields);
          return NULL;
        }
      g_ptr_array_add (rows, fields);
    }

  return g_steal_pointer (&rows);
}

static gboolean
parse_number (const char  *text,
              double      *value,
              const char  *where,
              GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (*value) || *value < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: “%s” is not a number of zero or more", where, text);
      return FALSE;
    }

  return TRUE;
}

static int
compare_foods (gconstpointer a,
               gconstpointer b)
{
  const Food *fa = *(const Food **) a;
  const Food *fb = *(const Food **) b;
  int r;

  /* Everyday foods first, in the order of their list */
  if (fa->everyday != fb->everyday)
    {
      if (fa->everyday == 0 || fb->everyday == 0)
        return fa->everyday == 0 ? 1 : -1;
      return fa->everyday < fb->everyday ? -1 : 1;
    }

  if (fa->commonness != fb->commonness)
    return fa->commonness < fb->commonness ? -1 : 1;

  r = cf_food_rank_compare (fa->name, fb->name);

  return r != 0 ? r : strcmp (fa->id, fb->id);
}

static void
add_name (Food       *f,
          const char *lang,
          const char *name,
          gboolean    synonym)
{
  CfFoodsDbName n = { lang, name, synonym };

  if (f->names == NULL)
    f->names = g_array_new (FALSE, FALSE, sizeof (CfFoodsDbName));
  g_array_append_val (f->names, n);
}

static gboolean
write_foods (CfFoodsDbWriter  *writer,
             GPtrArray        *foods,
             GError          **error)
{
  for (guint i = 0; i < foods->len; i++)
    {
      Food *f = g_ptr_array_index (foods, i);
      f->commonness = cf_food_commonness (f->name, f->group, &f->nutrients);
    }

  g_ptr_array_sort (foods, compare_foods);

  for (guint i = 0; i < foods->len; i++)
    {
      Food *f = g_ptr_array_index (foods, i);
      CfFoodsDbFood row = {
        .id = f->id,
        .source = f->source,
        .group_code = f->group,
        .name = f->name,
        .common_name = f->common_name,
        .note = f->note,
        .everyday = f->everyday,
        .names = f->names ? (const CfFoodsDbName *) f->names->data : NULL,
        .n_names = f->names ? f->names->len : 0,
        .nutrients = f->nutrients,
      };
      gint64 rowid;

      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          row.origins[n] = f->origins[n];
          row.origin_kinds[n] = f->origin_kinds[n];
          row.origin_via[n] = f->origin_via[n];
        }

      rowid = cf_foods_db_writer_add_food (writer, &row, error);
      if (rowid == 0)
        return FALSE;

      for (guint p = 0; f->portions && p < f->portions->len; p++)
        {
          Portion *portion = g_ptr_array_index (f->portions, p);

          if (!cf_foods_db_writer_add_portion (writer, rowid, portion->seq, portion->amount,
                                               portion->description, portion->grams, error))
            return FALSE;
        }
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Names in other languages: curated/names/LANG.tsv, one file per
 * language tag.  The name is shown in that language; it and the other
 * names are found by search in any language. */
static gboolean
read_names (const char  *curated,
            GHashTable  *by_id,
            GPtrArray   *tables,
            GPtrArray   *owned,
            GError     **error)
{
  g_autofree char *dir_path = g_build_filename (curated, "names", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  if (dir == NULL)
    return FALSE;

  while ((file = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (file, ".tsv"))
        g_ptr_array_add (files, g_strdup (file));
    }
  /* Same database whatever order the folder lists its files in */
  g_ptr_array_sort (files, compare_strings);

  for (guint f = 0; f < files->len; f++)
    {
      const char *name = g_ptr_array_index (files, f);
      GPtrArray *rows = read_tsv (dir_path, name, "food\tname\talso", error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      char **holder = g_new0 (char *, 2);
      const char *lang;

      /* The language tag lives as long as the names that point to it */
      holder[0] = g_strndup (name, strlen (name) - strlen (".tsv"));
      g_ptr_array_add (owned, holder);
      lang = holder[0];

      if (rows == NULL)
        return FALSE;
      g_ptr_array_add (tables, rows);

      for (guint i = 0; i < rows->len; i++)
        {
          char **r = g_ptr_array_index (rows, i);
          Food *food = g_hash_table_lookup (by_id, r[0]);

          if (food == NULL || r[1][0] == '\0' || !g_hash_table_add (seen, r[0]))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "curated/names/%s:%u: %s “%s”", name, i + 2,
                           food == NULL ? "unknown food" : r[1][0] == '\0' ? "no name for" : "a second row for",
                           r[0]);
              return FALSE;
            }

          add_name (food, lang, r[1], FALSE);
          if (r[2][0] != '\0')
            {
              char **also = g_strsplit (r[2], "|", -1);

              for (guint j = 0; also[j]; j++)
                add_name (food, lang, also[j], TRUE);
              g_ptr_array_add (owned, also);
            }
        }
    }

  return TRUE;
}

/* The vitamin K2 forms a food may borrow from a linked K2-table food */
static const CfNutrient k2_forms[] = {
  CF_NUTRIENT_MK4, CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9, CF_NUTRIENT_VITAMIN_K2_TOTAL,
};

static guint
count_long_chain (const Food *f)
{
  return cf_nutrients_has (&f->nutrients, CF_NUTRIENT_MK7) +
         cf_nutrients_has (&f->nutrients, CF_NUTRIENT_MK8) +
         cf_nutrients_has (&f->nutrients, CF_NUTRIENT_MK9);
}

/* Which of several K2-table foods linked to one USDA food it borrows
 * from (data/foods/README.md): the same food before the same kind of
 * food; then the one that gives the long-chain forms one by one before
 * one that gives only a total; then the one with more K2 values; then
 * the first id. */
static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *la = *(const Link **) a;
  const Link *lb = *(const Link **) b;
  guint ca, cb, va = 0, vb = 0;

  if (la->rank != lb->rank)
    return la->rank - lb->rank;

  ca = count_long_chain (la->k2);
  cb = count_long_chain (lb->k2);
  if ((ca > 0) != (cb > 0))
    return ca > 0 ? -1 : 1;

  for (guint i = 0; i < G_N_ELEMENTS (k2_forms); i++)
    {
      va += cf_nutrients_has (&la->k2->nutrients, k2_forms[i]);
      vb += cf_nutrients_has (&lb->k2->nutrients, k2_forms[i]);
    }
  if (va != vb)
    return va > vb ? -1 : 1;

  return strcmp (la->k2->id, lb->k2->id);
}

/* Reads and checks curated/k2-links.tsv: every K2-table food once, each
 * linked to an existing USDA food or to none.  The USDA food borrows the
 * K2 forms it lacks from its primary link. */
static gboolean
apply_links (const char  *curated,
             GHashTable  *by_id,
             GPtrArray   *foods,
             GPtrArray   *tables,
             GPtrArray  **links_out,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = read_tsv (curated, "k2-links.tsv", "k2_food\tusda_food\tmatch\tnote", error);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_usda = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **r = g_ptr_array_index (rows, i);
      Link *link = g_new0 (Link, 1);
      gboolean none = strcmp (r[2], "none") == 0;

      g_ptr_array_add (links, link);
      link->row = r;
      link->k2 = g_hash_table_lookup (by_id, r[0]);
      link->usda = r[1][0] ? g_hash_table_lookup (by_id, r[1]) : NULL;
      link->rank = strcmp (r[2], "same") == 0 ? 0 : 1;

      if (link->k2 == NULL || !g_str_has_prefix (r[0], "k2:") ||
          (r[1][0] && (link->usda == NULL || !g_str_has_prefix (r[1], "usda:"))) ||
          (!none && strcmp (r[2], "same") != 0 && strcmp (r[2], "kind") != 0) ||
          none != (r[1][0] == '\0') ||
          !g_hash_table_add (seen, r[0]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "curated/k2-links.tsv:%u: an unknown or repeated food, or a match that is not "
                       "“same”, “kind” or “none” (with no USDA food exactly for “none”)", i + 2);
          return FALSE;
        }

      if (link->usda != NULL)
        {
          GPtrArray *group = g_hash_table_lookup (by_usda, link->usda);

          if (group == NULL)
            {
              group = g_ptr_array_new ();
              g_hash_table_insert (by_usda, link->usda, group);
            }
          g_ptr_array_add (group, link);
        }
    }

  for (guint i = 0; i < foods->len; i++)
    {
      Food *f = g_ptr_array_index (foods, i);

      if (g_str_has_prefix (f->id, "k2:") && !g_hash_table_contains (seen, f->id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "curated/k2-links.tsv: no row for %s", f->id);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, by_usda);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Food *usda = key;
      GPtrArray *group = value;
      Link *primary;

      g_ptr_array_sort (group, compare_links);
      primary = g_ptr_array_index (group, 0);
      primary->primary = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (k2_forms); i++)
        {
          CfNutrient n = k2_forms[i];

          if (cf_nutrients_has (&usda->nutrients, n) || !cf_nutrients_has (&primary->k2->nutrients, n))
            continue;

          cf_nutrients_set (&usda->nutrients, n, cf_nutrients_get (&primary->k2->nutrients, n));
          usda->origins[n] = g_strdup (primary->k2->origins[n]);
          usda->origin_kinds[n] = "borrowed";
          usda->origin_via[n] = primary->k2->id;
        }
    }

  /* The links point into the table's rows: keep them */
  g_ptr_array_add (tables, g_steal_pointer (&rows));
  *links_out = g_steal_pointer (&links);

  return TRUE;
}

/* Assumed zeros where a food's kind holds no menaquinones, or none
 * longer than MK-4 (cf_k2_expectation_for_food()), for the forms no
 * source gives */
static void
assume_k2 (Food *f)
{
  static const CfNutrient long_forms[] = { CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9 };
  CfK2Expectation expect;

  if (!g_str_has_prefix (f->id, "usda:") || cf_nutrients_get_k2_state (&f->nutrients) == CF_K2_STATE_KNOWN)
    return;

  expect = cf_k2_expectation_for_food (f->group, f->name);
  if (expect == CF_K2_EXPECT_ANY)
    return;

  /* MK-4 alone is complete only where it was measured */
  if (expect == CF_K2_EXPECT_MK4_ONLY && !cf_nutrients_has (&f->nutrients, CF_NUTRIENT_MK4))
    return;

  if (expect == CF_K2_EXPECT_NONE && !cf_nutrients_has (&f->nutrients, CF_NUTRIENT_MK4))
    {
      cf_nutrients_set (&f->nutrients, CF_NUTRIENT_MK4, 0);
      f->origins[CF_NUTRIENT_MK4] = g_strdup ("k2-rule:none");
      f->origin_kinds[CF_NUTRIENT_MK4] = "assumed";
    }

  for (guint i = 0; i < G_N_ELEMENTS (long_forms); i++)
    {
      if (cf_nutrients_has (&f->nutrients, long_forms[i]))
        continue;
      cf_nutrients_set (&f->nutrients, long_forms[i], 0);
      f->origins[long_forms[i]] = g_strdup (expect == CF_K2_EXPECT_NONE ? "k2-rule:none" : "k2-rule:mk4-only");
      f->origin_kinds[long_forms[i]] = "assumed";
    }
}

static gboolean
compile (const char  *dir,
         const char  *output,
         GError     **error)
{
  g_autoptr(CfFoodsDbWriter) writer = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) origins = NULL;
  g_autoptr(GPtrArray) food_rows = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) portions = NULL;
  g_autoptr(GPtrArray) everyday = NULL;
  g_autoptr(GPtrArray) synonyms = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *curated = g_build_filename (dir, "curated", NULL);
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func ((GDestroyNotify) food_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *count = NULL;

  if (!(groups = read_tsv (dir, "groups.tsv", "code\tname", error)) ||
      !(sources = read_tsv (dir, "sources.tsv", "id\tkind\tcitation\turl", error)) ||
      !(origins = read_tsv (dir, "value-origins.tsv", "code\tdescription", error)) ||
      !(food_rows = read_tsv (dir, "foods.tsv", "id\tsource\tgroup\tname\tcommon_name\tnote", error)) ||
      !(values = read_tsv (dir, "values.tsv", "food\tnutrient\tvalue\torigin", error)) ||
      !(portions = read_tsv (dir, "portions.tsv", "food\tseq\tamount\tdescription\tgrams", error)) ||
      !(everyday = read_tsv (curated, "everyday.tsv", "food\tname\talso", error)) ||
      !(synonyms = read_tsv (curated, "synonyms.tsv", "term\tmeans", error)))
    return FALSE;

  writer = cf_foods_db_writer_new (output, error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      char **r = g_ptr_array_index (groups, i);
      if (!cf_foods_db_writer_add_group (writer, r[0], r[1], error))
        return FALSE;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      char **r = g_ptr_array_index (sources, i);
      if (!cf_foods_db_writer_add_source (writer, r[0], r[1], r[2], r[3], error))
        return FALSE;
    }

  for (guint i = 0; i < origins->len; i++)
    {
      char **r = g_ptr_array_index (origins, i);
      if (!cf_foods_db_writer_add_value_origin (writer, r[0], r[1], error))
        return FALSE;
    }

  for (guint i = 0; i < food_rows->len; i++)
    {
      char **r = g_ptr_array_index (food_rows, i);
      Food *f = g_new0 (Food, 1);

      f->id = g_strdup (r[0]);
      f->source = g_strdup (r[1]);
      f->group = g_strdup (r[2]);
      f->name = g_strdup (r[3]);
      f->common_name = g_strdup (r[4]);
      f->note = g_strdup (r[5]);
      cf_nutrients_clear (&f->nutrients);
      g_ptr_array_add (foods, f);

      if (!g_hash_table_insert (by_id, f->id, f))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "foods.tsv: “%s” appears twice", f->id);
          return FALSE;
        }
    }

  for (guint i = 0; i < values->len; i++)
    {
      char **r = g_ptr_array_index (values, i);
      g_autofree char *where = g_strdup_printf ("values.tsv:%u", i + 2);
      Food *f = g_hash_table_lookup (by_id, r[0]);
      CfNutrient nutrient;
      double value;

      if (f == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: unknown food “%s”", where, r[0]);
          return FALSE;
        }
      if (!cf_nutrient_from_key (r[1], &nutrient))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: unknown nutrient “%s”", where, r[1]);
          return FALSE;
        }
      if (!parse_number (r[2], &value, where, error))
        return FALSE;
      if (cf_nutrients_has (&f->nutrients, nutrient))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: a second value for %s", where, r[1]);
          return FALSE;
        }

      cf_nutrients_set (&f->nutrients, nutrient, value);
      f->origins[nutrient] = g_strdup (r[3]);
    }

  for (guint i = 0; i < portions->len; i++)
    {
      char **r = g_ptr_array_index (portions, i);
      g_autofree char *where = g_strdup_printf ("portions.tsv:%u", i + 2);
      Food *f = g_hash_table_lookup (by_id, r[0]);
      Portion *p;
      double seq;

      if (f == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: unknown food “%s”", where, r[0]);
          return FALSE;
        }

      p = g_new0 (Portion, 1);
      if (f->portions == NULL)
        f->portions = g_ptr_array_new_with_free_func ((GDestroyNotify) portion_free);
      g_ptr_array_add (f->portions, p);

      p->description = g_strdup (r[3]);
      if (!parse_number (r[1], &seq, where, error) ||
          !parse_number (r[2], &p->amount, where, error) ||
          !parse_number (r[4], &p->grams, where, error))
        return FALSE;
      p->seq = (int) seq;
    }

  for (guint i = 0; i < everyday->len; i++)
    {
      char **r = g_ptr_array_index (everyday, i);
      Food *f = g_hash_table_lookup (by_id, r[0]);

      if (f == NULL || f->everyday != 0 || r[1][0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "curated/everyday.tsv:%u: %s “%s”", i + 2,
                       f == NULL ? "unknown food" : f->everyday ? "a second row for" : "no name for", r[0]);
          return FALSE;
        }

      f->everyday = i + 1;
      add_name (f, "en", r[1], FALSE);
      if (r[2][0] != '\0')
        {
          char **also = g_strsplit (r[2], "|", -1);

          /* Kept until the foods are written */
          for (guint j = 0; also[j]; j++)
            add_name (f, "en", also[j], TRUE);
          g_ptr_array_add (owned, also);
        }
    }

  if (!read_names (curated, by_id, tables, owned, error))
    return FALSE;

  for (guint i = 0; i < synonyms->len; i++)
    {
      char **r = g_ptr_array_index (synonyms, i);

      if (r[0][0] == '\0' || r[1][0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "curated/synonyms.tsv:%u: an empty field", i + 2);
          return FALSE;
        }
      if (!cf_foods_db_writer_add_synonym (writer, r[0], r[1], error))
        return FALSE;
    }

  if (!apply_links (curated, by_id, foods, tables, &links, error))
    return FALSE;

  for (guint i = 0; i < foods->len; i++)
    assume_k2 (g_ptr_array_index (foods, i));

  if (!write_foods (writer, foods, error))
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);

      if (!cf_foods_db_writer_add_link (writer, link->row[0], link->row[1][0] ? link->row[1] : NULL,
                                        link->row[2], link->primary, link->row[3], error))
        return FALSE;
    }

  count = g_strdup_printf ("%u", foods->len);
  if (!cf_foods_db_writer_set_meta (writer, "foods", count, error))
    return FALSE;

  return cf_foods_db_writer_finish (writer, error);
}

/* Synthetic data: names built from real food words and made-up ones,
 * so that prefixes have realistic fan-out at any size. */
static const char *real_words[] = {
  "apple", "apricot", "bacon", "banana", "barley", "bean", "beef", "beet", "blueberry", "bread",
  "broccoli", "butter", "cabbage", "carrot", "cheddar", "cheese", "cherry", "chicken", "chickpea",
  "chocolate", "cod", "corn", "cream", "cucumber", "duck", "egg", "emmental", "fig", "gouda",
  "grape", "ham", "herring", "kale", "kefir", "lamb", "leek", "lentil", "liver", "mackerel",
  "milk", "miso", "mushroom", "natto", "oat", "olive", "onion", "orange", "pea", "peach", "pear",
  "pepper", "pork", "potato", "quark", "rice", "salami", "salmon", "sardine", "sauerkraut",
  "spinach", "squash", "tempeh", "tofu", "tomato", "tuna", "turkey", "walnut", "wheat", "yogurt",
};

static const char *qualifiers[] = {
  "raw", "cooked", "boiled", "baked", "fried", "roasted", "steamed", "dried", "canned", "frozen",
  "fresh", "smoked", "fermented", "organic", "whole", "sliced", "low fat", "with salt", "unsalted",
};

static const char *syllables[] = {
  "ba", "ke", "lo", "mi", "nu", "ra", "sto", "vel", "qui", "dar", "fen", "gro", "hal", "jun",
  "kra", "lem", "mor", "nix", "pol", "rut", "sel", "tam", "ulm", "vor", "wes", "yar", "zen",
};

static char *
made_up_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  int n = g_rand_int_range (rand, 2, 5);

  for (int i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  return g_string_free (word, FALSE);
}

static gboolean
synthetic (guint        count,
           const char  *output,
           guint32      seed,
           GError     **error)
{
  g_autoptr(CfFoodsDbWriter) writer = NULL;
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func ((GDestroyNotify) food_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *count_text = NULL;

  writer = cf_foods_db_writer_new (output, error);
  if (writer == NULL ||
      !cf_foods_db_writer_add_source (writer, "synthetic", "dataset", "Synthetic benchmark data", NULL, error) ||
      !cf_foods_db_writer_add_group (writer, "9999", "Synthetic", error))
    return FALSE;

  for (guint i = 0; i < count; i++)
    {
      Food *f = g_new0 (Food, 1);
      GString *name = g_string_new (NULL);
      int parts = g_rand_int_range (rand, 1, 5);

      for (int p = 0; p < parts; p++)
        {
          if (p > 0)
            g_string_append (name, ", ");

          if (p == 0 || g_rand_boolean (rand))
            {
              /* One word in three is made up, so the vocabulary grows with
               * the table as real-world names do. */
              if (g_rand_int_range (rand, 0, 3) == 0)
                {
                  g_autofree char *w = made_up_word (rand);
                  g_string_append (name, w);
                }
              else
                g_string_append (name, real_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (real_words))]);
            }
          else
            g_string_append (name, qualifiers[g_rand_int_range (rand, 0, G_N_ELEMENTS (qualifiers))]);
        }

      name->str[0] = g_ascii_toupper (name->str[0]);
      f->id = g_strdup_printf ("k2:synthetic-%u", i);
      f->source = g_strdup ("synthetic");
      f->group = g_strdup ("9999");
      f->name = g_string_free (name, FALSE);
      cf_nutrients_clear (&f->nutrients);

      for (guint n = 0; n < CF_N_NUTRIENTS; n++)
        {
          /* About two values in three, like real data */
          if (g_rand_int_range (rand, 0, 3) != 0)
            cf_nutrients_set (&f->nutrients, n,
                              round (g_rand_double_range (rand, 0, cf_nutrient_max_per_100g (n) / 50) * 10) / 10);
        }

      g_ptr_array_add (foods, f);
    }

  if (!write_foods (writer, foods, error))
    return FALSE;

  count_text = g_strdup_printf ("%u", count);
  if (!cf_foods_db_writer_set_meta (writer, "foods", count_text, error))
    return FALSE;

  return cf_foods_db_writer_finish (writer, error);
}

static int
usage (void)
{
  g_printerr ("Usage:\n"
              "  cofactor-foods-db compile DATA_DIR OUTPUT\n"
              "  cofactor-foods-db synthetic COUNT OUTPUT [SEED]\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (argc < 2)
    return usage ();

  if (strcmp (argv[1], "compile") == 0 && argc == 4)
    ok = compile (argv[2], argv[3], &error);
  else if (strcmp (argv[1], "synthetic") == 0 && (argc == 4 || argc == 5))
    {
      guint64 count;
      guint64 seed = 1;

      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT32, &count, &error) ||
          (argc == 5 && !g_ascii_string_to_unsigned (argv[4], 10, 0, G_MAXUINT32, &seed, &error)))
        {
          g_printerr ("cofactor-foods-db: %s\n", error->message);
          return 2;
        }
      ok = synthetic ((guint) count, argv[3], (guint32) seed, &error);
    }
  else
    return usage ();

  if (!ok)
    {
      g_printerr ("cofactor-foods-db: %s\n", error->message);
      return 1;
    }

  return 0;
}
