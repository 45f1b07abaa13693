/* cf-food-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-search"

#include "config.h"

#include <string.h>

#include "cf-database-private.h"
#include "cf-food-private.h"
#include "cf-food-search.h"
#include "cf-foods-db.h"
#include "cf-food-store-private.h"
#include "cf-search.h"
#include "cf-supplements.h"

/*
 * Finding foods by name.
 *
 * Results come in tiers of match quality, and within a tier in the
 * static commonness order of the food database (rowid order: everyday
 * foods first, then generic before branded, plain before prepared,
 * complete before partial; see cf_food_commonness()):
 *
 *   1. the user's foods matching every word as a whole word;
 *      then, when asked for, the supplement templates matching every
 *      word, whole or as the start of a word, that the user has not
 *      saved as a supplement of their own yet;
 *   2. reference foods whose everyday names, or other names, in English
 *      or in the user's languages hold every word ("egg" → the everyday
 *      egg before "Eggnog"; German "Käse" → Gouda, whose other German
 *      names hold it), then those whose names in other languages do;
 *   3. … whose name starts with one of the words and whose first two
 *      name parts hold every word ("Cheese, blue" before "Ham and
 *      cheese spread");
 *   4. … whose first two name parts hold every word ("salmon" → "Fish,
 *      salmon, …" before "Salmonberries");
 *   5. … with every word as a whole word anywhere;
 *   6–8. the same with words matched as prefixes of words;
 *   9–11. for queries of several words, foods matching only some, those
 *      with the rarest word first.
 *
 * A whole word counts in its singular and plural forms and with its
 * synonyms from the food database ("courgette" → "zucchini").  A word
 * that matches nothing is corrected against the vocabulary of food
 * names ("chese" → "cheese") and the caller is told.
 *
 * Each tier is one full-text query that walks the index in rowid order
 * and stops after a page, excluding what earlier tiers matched, so a
 * page costs about the same at a thousand or a million foods.
 */

enum {
  TIER_CUSTOM_WHOLE,
  TIER_TEMPLATE,
  TIER_REF_NAMES,
  TIER_REF_NAMES_OTHER,
  TIER_REF_START,
  TIER_REF_HEAD,
  TIER_REF_WHOLE,
  TIER_CUSTOM_PREFIX,
  TIER_REF_HEAD_PREFIX,
  TIER_REF_PREFIX,
  TIER_CUSTOM_SOME,
  TIER_REF_SOME_RARE,
  TIER_REF_SOME,
  TIER_END,
};

/* Without words, browsing lists the user's foods and then the
 * reference foods, each in their order */
#define TIER_CUSTOM_ALL TIER_CUSTOM_WHOLE
#define TIER_REF_ALL TIER_REF_NAMES

/* Words shorter than this are never corrected */
#define MIN_CORRECTED_LENGTH 3

typedef struct
{
  GPtrArray *words;              /* CfSearchWord */
  char      *corrected;
  char      *match[TIER_END];
  char      *names;              /* every word whole in name_fts */
  gboolean   whole_possible;     /* every word is a whole word somewhere */
} Query;

static void
query_free (Query *query)
{
  g_clear_pointer (&query->words, g_ptr_array_unref);
  g_free (query->corrected);
  g_free (query->names);
  for (guint i = 0; i < TIER_END; i++)
    g_free (query->match[i]);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

gboolean
cf_search_cursor_is_end (const CfSearchCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, TRUE);

  return cursor->tier >= TIER_END;
}

/* The name_fts columns of the languages the user reads: English, and
 * those of g_get_language_names() that food names are given in */
static char *
user_name_columns (void)
{
  static const char *languages[] = { CF_FOODS_DB_NAME_LANGUAGES };
  const char * const *names = g_get_language_names ();
  GString *columns = g_string_new ("n_en");

  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strv_contains (names, languages[i]))
        g_string_append_printf (columns, " n_%s", languages[i]);
    }

  return g_string_free (columns, FALSE);
}

static gboolean
is_custom_tier (guint tier)
{
  return tier == TIER_CUSTOM_WHOLE || tier == TIER_CUSTOM_PREFIX || tier == TIER_CUSTOM_SOME;
}

/* Whether one query returns at least a row */
static gboolean
has_row (sqlite3     *db,
         const char  *sql,
         const char  *arg,
         GError     **error,
         gboolean    *found)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;

  return TRUE;
}

/* The synonyms of any of @forms, added to @alternatives */
static gboolean
add_synonyms (sqlite3     *db,
              char       **forms,
              GPtrArray   *alternatives,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "SELECT means FROM ref.synonym WHERE term = ?", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; forms[i]; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, forms[i], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (alternatives, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether the reference vocabulary has a word starting with @prefix */
static gboolean
vocabulary_has_prefix (sqlite3     *db,
                       const char  *prefix,
                       gboolean    *found,
                       GError     **error)
{
  return has_row (db,
                  "SELECT 1 FROM ref.term WHERE term >= ?1 AND term < ?1 || char (1114111) LIMIT 1",
                  prefix, error, found);
}

/* Reads candidate words from @stmt and keeps the closest to @word */
static gboolean
closest_word (sqlite3       *db,
              sqlite3_stmt  *stmt,
              const char    *word,
              guint          max,
              guint         *best_distance,
              gint64        *best_docs,
              char         **best,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      gint64 docs = sqlite3_column_int64 (stmt, 1);
      guint distance = cf_search_edit_distance (word, term, MIN (max, *best_distance));

      if (distance > max)
        continue;

      if (distance < *best_distance || (distance == *best_distance && docs > *best_docs))
        {
          *best_distance = distance;
          *best_docs = docs;
          g_free (*best);
          *best = g_strdup (term);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* The closest word of the reference vocabulary to @word, within one
 * edit for short words and two for longer ones; the more frequent word
 * wins a tie.  Words of about the same length sharing the first two
 * characters are read first; only when none is close enough, those
 * sharing just the first or just the second. */
static gboolean
correct_word (sqlite3     *db,
              const char  *word,
              char       **corrected,
              GError     **error)
{
  static const char *stages[] = {
    "SELECT term, docs FROM ref.term"
    " WHERE c1 = ?1 AND c2 = ?2 AND len BETWEEN ?3 AND ?4",
    "SELECT term, docs FROM ref.term"
    " WHERE c1 = ?1 AND c2 <> ?2 AND len BETWEEN ?3 AND ?4"
    " UNION ALL "
    "SELECT term, docs FROM ref.term"
    " WHERE c2 = ?2 AND c1 <> ?1 AND len BETWEEN ?3 AND ?4",
  };
  glong len = g_utf8_strlen (word, -1);
  guint max = len <= 4 ? 1 : 2;
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  guint best_distance = max + 1;
  gint64 best_docs = -1;

  *corrected = NULL;
  if (len < MIN_CORRECTED_LENGTH)
    return TRUE;

  c1 = g_utf8_substring (word, 0, 1);
  c2 = g_utf8_substring (word, 1, 2);

  for (guint i = 0; i < G_N_ELEMENTS (stages) && *corrected == NULL; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, stages[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, c1, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, c2, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, len - max);
      sqlite3_bind_int64 (stmt, 4, len + max);

      if (!closest_word (db, stmt, word, max, &best_distance, &best_docs, corrected, error))
        {
          g_clear_pointer (corrected, g_free);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        return TRUE;
    }

  return FALSE;
}

/* How many reference foods hold one of @forms as a word */
static gboolean
count_docs (sqlite3     *db,
            char       **forms,
            gint64      *docs,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "SELECT docs FROM ref.term WHERE term = ?", error);

  if (stmt == NULL)
    return FALSE;

  *docs = 0;
  for (guint i = 0; forms[i]; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, forms[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *docs += sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether anything could match a word the way the query will use it: a
 * reference word it starts, one of its forms as a whole word, a
 * synonym, or a word of the user's foods */
static gboolean
word_matches (sqlite3     *db,
              gboolean     has_foods,
              gboolean     templates,
              char       **forms,
              guint        n_synonyms,
              gint64       docs,
              gboolean    *matches,
              GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_word_free);
  g_autofree char *custom = NULL;

  *matches = FALSE;

  if (has_foods)
    {
      if (n_synonyms > 0 || docs > 0)
        {
          *matches = TRUE;
          return TRUE;
        }

      if (!vocabulary_has_prefix (db, forms[0], matches, error))
        return FALSE;
      if (*matches)
        return TRUE;
    }

  g_ptr_array_add (one, cf_search_word_new (forms[0], (const char * const *) forms));
  custom = cf_search_build_match (one, CF_SEARCH_MATCH_ALL_PREFIX, NULL);

  if (!has_row (db, "SELECT 1 FROM custom_food_fts WHERE custom_food_fts MATCH ? LIMIT 1",
                custom, error, matches))
    return FALSE;

  /* "glycinate" is a word of a template, not one to correct */
  if (!*matches && templates)
    {
      g_autoptr(GPtrArray) all = cf_supplement_list_templates ();

      for (guint i = 0; i < all->len && !*matches; i++)
        {
          g_autofree char *text = cf_supplement_dup_template_search_text (g_ptr_array_index (all, i));

          *matches = cf_search_text_matches (one, CF_SEARCH_MATCH_ALL_PREFIX, text);
        }
    }

  return TRUE;
}

/* Two words run together ("peanutbutter"): their split into two words
 * of the vocabulary, if there is one */
static gboolean
split_word (sqlite3     *db,
            const char  *word,
            char       **split,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cf_prepare (db, "SELECT 1 FROM ref.term WHERE term = ?", error);
  glong len = g_utf8_strlen (word, -1);

  *split = NULL;
  if (stmt == NULL)
    return FALSE;

  for (glong i = MIN_CORRECTED_LENGTH; i <= len - MIN_CORRECTED_LENGTH; i++)
    {
      g_autofree char *left = g_utf8_substring (word, 0, i);
      g_autofree char *right = g_utf8_substring (word, i, len);
      gboolean both = TRUE;

      for (guint side = 0; side < 2 && both; side++)
        {
          int rc;

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, side ? right : left, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              _cf_set_sqlite_error (error, db, rc);
              return FALSE;
            }
          both = rc == SQLITE_ROW;
        }

      if (both)
        {
          *split = g_strconcat (left, " ", right, NULL);
          return TRUE;
        }
    }

  return TRUE;
}

/* Whether the vocabulary has a word that starts with @word and is not
 * one of its @forms ("cheese" → "cheesecake"): only then can matching
 * @word as a prefix find more than its whole forms do */
static gboolean
has_longer_words (sqlite3     *db,
                  const char  *word,
                  char       **forms,
                  gboolean    *longer,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *longer = FALSE;
  stmt = _cf_prepare (db,
                      "SELECT term FROM ref.term WHERE term >= ?1 AND term < ?1 || char (1114111)"
                      " ORDER BY term LIMIT 8",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  while (!*longer && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *longer = !g_strv_contains ((const char * const *) forms, (const char *) sqlite3_column_text (stmt, 0));

  if (!*longer && rc != SQLITE_DONE)
    {
      _cf_set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* A query word with its forms and synonyms; @docs gets how many
 * reference foods hold it as a whole word */
static CfSearchWord *
new_word (sqlite3     *db,
          gboolean     has_foods,
          const char  *folded,
          gint64      *docs,
          guint       *n_synonyms,
          char      ***forms_out,
          GError     **error)
{
  g_auto(GStrv) forms = cf_search_word_forms (folded);
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);
  CfSearchWord *word;
  gboolean longer = TRUE;
  guint n_forms;

  for (guint i = 0; forms[i]; i++)
    g_ptr_array_add (alternatives, g_strdup (forms[i]));
  n_forms = alternatives->len;

  *docs = 0;
  if (has_foods &&
      (!add_synonyms (db, forms, alternatives, error) ||
       !count_docs (db, forms, docs, error)))
    return NULL;

  /* A word known only by its synonyms still matches whole words */
  if (*docs == 0 && alternatives->len > n_forms)
    *docs = 1;

  /* The vocabulary leaves out short words and words with digits ("of",
   * "2"): count them as common */
  if (g_utf8_strlen (folded, -1) < MIN_CORRECTED_LENGTH || has_digit (folded))
    *docs = G_MAXINT32;

  if (n_synonyms != NULL)
    *n_synonyms = alternatives->len - n_forms;

  if (has_foods && *docs > 0 && *docs < G_MAXINT32 &&
      !has_longer_words (db, folded, forms, &longer, error))
    return NULL;

  g_ptr_array_add (alternatives, NULL);

  word = cf_search_word_new (folded, (const char * const *) alternatives->pdata);
  /* A whole word with no longer word starting with it needs no prefix
   * match, which keeps the prefix tiers empty and cheap */
  if (has_foods && *docs > 0 && *docs < G_MAXINT32)
    word->prefix = longer;

  if (forms_out != NULL)
    *forms_out = g_steal_pointer (&forms);

  return word;
}

/* The words of one token of the query, added to @words (and how common
 * each is to @docs): the token with its forms and synonyms; corrected
 * if nothing matches it and a close word of the vocabulary does, or
 * split in two if it is two words run together */
static gboolean
prepare_token (sqlite3     *db,
               gboolean     has_foods,
               gboolean     templates,
               const char  *token,
               GPtrArray   *words,
               GArray      *docs,
               gboolean    *was_corrected,
               GError     **error)
{
  g_autofree char *folded = cf_search_fold (token);
  g_auto(GStrv) forms = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *split = NULL;
  g_auto(GStrv) parts = NULL;
  CfSearchWord *word;
  gboolean matches = TRUE;
  guint n_synonyms = 0;
  gint64 count = 0;

  *was_corrected = FALSE;

  word = new_word (db, has_foods, folded, &count, &n_synonyms, &forms, error);
  if (word == NULL)
    return FALSE;

  if (has_foods && g_utf8_strlen (folded, -1) >= MIN_CORRECTED_LENGTH && !has_digit (folded))
    {
      if (!word_matches (db, has_foods, templates, forms, n_synonyms, count, &matches, error) ||
          (!matches && !correct_word (db, folded, &corrected, error)) ||
          (!matches && corrected == NULL && !split_word (db, folded, &split, error)))
        {
          cf_search_word_free (word);
          return FALSE;
        }
    }

  if (corrected == NULL && split == NULL)
    {
      g_ptr_array_add (words, word);
      g_array_append_val (docs, count);
      return TRUE;
    }

  cf_search_word_free (word);
  *was_corrected = TRUE;

  parts = g_strsplit (corrected ? corrected : split, " ", -1);
  for (guint i = 0; parts[i]; i++)
    {
      word = new_word (db, has_foods, parts[i], &count, NULL, NULL, error);
      if (word == NULL)
        return FALSE;
      g_ptr_array_add (words, word);
      g_array_append_val (docs, count);
    }

  return TRUE;
}

static char *
exclude (const char *match,
         const char *a,
         const char *b)
{
  if (b != NULL)
    return g_strdup_printf ("(%s) NOT ((%s) OR (%s))", match, a, b);

  return g_strdup_printf ("(%s) NOT (%s)", match, a);
}

static Query *
prepare_query (sqlite3     *db,
               gboolean     has_foods,
               gboolean     templates,
               const char  *text,
               GError     **error)
{
  g_autoptr(Query) query = g_new0 (Query, 1);
  g_auto(GStrv) tokens = cf_search_tokenize (text);
  g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean any_corrected = FALSE;
  g_autofree char *all_names = NULL;
  g_autofree char *all_head = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *start_head = NULL;
  g_autofree char *all_whole = NULL;
  g_autofree char *head_prefix = NULL;
  g_autofree char *all_prefix = NULL;

  query->words = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_search_word_free);

  for (guint i = 0; tokens[i]; i++)
    {
      gboolean corrected = FALSE;

      if (!prepare_token (db, has_foods, templates, tokens[i], query->words, docs, &corrected, error))
        return NULL;
      any_corrected |= corrected;
    }

  if (query->words->len == 0)
    return g_steal_pointer (&query);

  /* A word that is no whole word of any reference food (the user is
   * still typing it) rules out every whole-word tier */
  query->whole_possible = TRUE;
  for (guint i = 0; i < docs->len; i++)
    {
      if (g_array_index (docs, gint64, i) <= 0)
        query->whole_possible = FALSE;
    }

  if (any_corrected)
    {
      GString *text_corrected = g_string_new (NULL);

      for (guint i = 0; i < query->words->len; i++)
        {
          CfSearchWord *word = g_ptr_array_index (query->words, i);

          if (i > 0)
            g_string_append_c (text_corrected, ' ');
          g_string_append (text_corrected, word->typed);
        }
      query->corrected = g_string_free (text_corrected, FALSE);
    }

  all_names = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_WHOLE, NULL);
  all_head = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_WHOLE, "head");
  all_whole = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_WHOLE, NULL);
  starts = cf_search_build_start (query->words, "name");
  start_head = g_strdup_printf ("(%s) AND (%s)", starts, all_head);
  head_prefix = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_PREFIX, "alias head");
  all_prefix = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_PREFIX, NULL);

  query->match[TIER_CUSTOM_WHOLE] = g_strdup (all_whole);
  /* The everyday and localized names are matched in their own small
   * index; the next tiers leave out what it matched (see tier_sql()) */
  query->names = g_strdup (all_names);
  {
    g_autofree char *columns = user_name_columns ();
    g_autofree char *own = cf_search_build_match (query->words, CF_SEARCH_MATCH_ALL_WHOLE, columns);

    query->match[TIER_REF_NAMES] = g_strdup (own);
    query->match[TIER_REF_NAMES_OTHER] = exclude (all_names, own, NULL);
  }
  query->match[TIER_REF_START] = g_strdup (start_head);
  query->match[TIER_REF_HEAD] = exclude (all_head, starts, NULL);
  query->match[TIER_REF_WHOLE] = exclude (all_whole, all_head, NULL);
  query->match[TIER_CUSTOM_PREFIX] = exclude (all_prefix, all_whole, NULL);
  query->match[TIER_REF_HEAD_PREFIX] = exclude (head_prefix, all_whole, NULL);
  query->match[TIER_REF_PREFIX] = exclude (all_prefix, all_whole, head_prefix);

  /* "All words matched beats some": foods that match only some words
   * come last, and only for queries of several words */
  if (query->words->len > 1)
    {
      g_autofree char *some = cf_search_build_match (query->words, CF_SEARCH_MATCH_ANY_PREFIX, NULL);
      g_autoptr(GPtrArray) rarest = g_ptr_array_new ();
      g_autofree char *rare = NULL;
      guint r = 0;

      /* Of foods that match only some words, those with the word found
       * in the fewest foods first: "raw almonds" → almonds before other
       * raw foods */
      for (guint i = 1; i < docs->len; i++)
        {
          if (g_array_index (docs, gint64, i) < g_array_index (docs, gint64, r))
            r = i;
        }
      g_ptr_array_add (rarest, g_ptr_array_index (query->words, r));
      rare = cf_search_build_match (rarest, CF_SEARCH_MATCH_ALL_PREFIX, NULL);

      query->match[TIER_CUSTOM_SOME] = exclude (some, all_prefix, NULL);
      query->match[TIER_REF_SOME_RARE] = exclude (rare, all_prefix, NULL);
      query->match[TIER_REF_SOME] = exclude (some, all_prefix, rare);
    }

  return g_steal_pointer (&query);
}

/* The kinds of the user's foods that @flags asks for, as an SQL
 * condition on @table; an empty string when all of them */
void
_cf_food_search_append_kind_filter (GString       *sql,
                    const char    *table,
                    CfSearchFlags  flags)
{
  const char *sep = "";

  if ((flags & CF_SEARCH_MINE) == CF_SEARCH_MINE)
    return;

  g_string_append_printf (sql, " AND %s.kind IN (", table);
  if (flags & CF_SEARCH_CUSTOM)
    {
      g_string_append (sql, "'food'");
      sep = ", ";
    }
  if (flags & CF_SEARCH_SUPPLEMENTS)
    {
      g_string_append_printf (sql, "%s'supplement'", sep);
      sep = ", ";
    }
  if (flags & CF_SEARCH_RECIPES)
    g_string_append_printf (sql, "%s'recipe'", sep);
  g_string_append (sql, ")");
}

/* Whether a tier leaves out the foods that the names tier matched */
static gboolean
excludes_names (guint tier)
{
  return tier == TIER_REF_START || tier == TIER_REF_HEAD || tier == TIER_REF_WHOLE;
}

static char *
tier_sql (guint          tier,
          const char    *match,
          CfSearchFlags  flags,
          const char    *group_code)
{
  GString *sql = g_string_new (NULL);
  gboolean custom = is_custom_tier (tier);
  const char *fts = (tier == TIER_REF_NAMES || tier == TIER_REF_NAMES_OTHER) ? "name_fts" : "food_fts";

  if (custom)
    {
      g_string_append_printf (sql, "SELECT " CUSTOM_FOOD_COLUMNS ", %s", _cf_nutrient_columns ());
      if (match != NULL)
        g_string_append (sql, " FROM custom_food_fts JOIN custom_food c ON c.rowid = custom_food_fts.rowid"
                              " WHERE custom_food_fts MATCH ?1 AND c.rowid > ?2");
      else
        g_string_append (sql, " FROM custom_food c WHERE c.rowid > ?2");
      _cf_food_search_append_kind_filter (sql, "c", flags);
    }
  else
    {
      g_string_append_printf (sql, "SELECT " REF_FOOD_COLUMNS ", %s", _cf_ref_nutrient_columns ());
      if (match != NULL)
        g_string_append_printf (sql, " FROM ref.%s JOIN ref.food f ON f.rowid = %s.rowid"
                                     REF_FOOD_JOINS
                                     " WHERE %s MATCH ?1 AND %s.rowid > ?2",
                                fts, fts, fts, fts);
      else
        g_string_append (sql, " FROM ref.food f" REF_FOOD_JOINS " WHERE f.rowid > ?2");

      if (excludes_names (tier))
        g_string_append (sql, " AND f.rowid NOT IN (SELECT rowid FROM ref.name_fts WHERE name_fts MATCH ?5)");

      if ((flags & CF_SEARCH_USDA) && !(flags & CF_SEARCH_K2))
        g_string_append (sql, " AND f.source = '" USDA_SOURCE "'");
      else if (!(flags & CF_SEARCH_USDA) && (flags & CF_SEARCH_K2))
        g_string_append (sql, " AND f.source <> '" USDA_SOURCE "'");
    }

  if (group_code != NULL)
    g_string_append_printf (sql, " AND %s.group_code = ?3", custom ? "c" : "f");

  if (match != NULL)
    g_string_append_printf (sql, " ORDER BY %s.rowid LIMIT ?4", custom ? "custom_food_fts" : fts);
  else
    g_string_append_printf (sql, " ORDER BY %s.rowid LIMIT ?4", custom ? "c" : "f");

  return g_string_free (sql, FALSE);
}

static gboolean
tier_wanted (const Query    *query,
             guint           tier,
             CfSearchFlags   flags,
             gboolean        has_foods)
{
  gboolean custom = is_custom_tier (tier);

  if (tier == TIER_TEMPLATE)
    return query->words->len > 0 && (flags & CF_SEARCH_TEMPLATES) != 0;

  if (query->words->len == 0)
    {
      if (tier != TIER_CUSTOM_ALL && tier != TIER_REF_ALL)
        return FALSE;
    }
  else if (query->match[tier] == NULL)
    return FALSE;
  else if (!query->whole_possible &&
           (tier == TIER_REF_NAMES || tier == TIER_REF_NAMES_OTHER || tier == TIER_REF_START ||
            tier == TIER_REF_HEAD || tier == TIER_REF_WHOLE))
    return FALSE;

  if (custom)
    return (flags & CF_SEARCH_MINE) != 0;

  return has_foods && (flags & (CF_SEARCH_USDA | CF_SEARCH_K2)) != 0;
}

/* The templates that match every word of @query, from @cursor on,
 * leaving out those the user saved as a supplement of their own
 * (which the user's tiers find by their own name) */
static gboolean
add_templates (sqlite3         *db,
               const Query     *query,
               CfSearchCursor  *cursor,
               guint            limit,
               GPtrArray       *foods,
               GError         **error)
{
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  g_autoptr(sqlite3_stmt) saved = _cf_prepare (db, "SELECT 1 FROM custom_food WHERE id = ?", error);

  if (saved == NULL)
    return FALSE;

  for (guint i = cursor->after; i < templates->len; i++)
    {
      CfFood *template = g_ptr_array_index (templates, i);
      g_autofree char *text = cf_supplement_dup_template_search_text (template);
      int rc;

      if (foods->len >= limit)
        {
          cursor->after = i;
          return TRUE;
        }

      if (!cf_search_text_matches (query->words, CF_SEARCH_MATCH_ALL_PREFIX, text))
        continue;

      sqlite3_reset (saved);
      sqlite3_bind_text (saved, 1, cf_food_get_id (template), -1, SQLITE_STATIC);
      rc = sqlite3_step (saved);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          return FALSE;
        }
      if (rc == SQLITE_DONE)
        g_ptr_array_add (foods, g_object_ref (template));
    }

  cursor->tier++;
  cursor->after = 0;

  return TRUE;
}

/* Runs on any thread with its own connection */
static GPtrArray *
run_search (sqlite3         *db,
            gboolean         has_foods,
            const char      *text,
            CfSearchFlags    flags,
            const char      *group_code,
            CfSearchCursor  *cursor,
            guint            limit,
            char           **corrected,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(Query) query = NULL;

  if (flags == 0)
    flags = CF_SEARCH_ALL;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, _cf_food_store_progress_cb, cancellable);

  query = prepare_query (db, has_foods, (flags & CF_SEARCH_TEMPLATES) != 0, text, error);
  if (query == NULL)
    goto fail;

  while (cursor->tier < TIER_END && foods->len < limit)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = NULL;
      const char *match = query->match[cursor->tier];
      gboolean custom = is_custom_tier (cursor->tier);
      int rc;

      if (!tier_wanted (query, cursor->tier, flags, has_foods) ||
          (cursor->tier == TIER_TEMPLATE && group_code != NULL))
        {
          cursor->tier++;
          cursor->after = 0;
          continue;
        }

      if (cursor->tier == TIER_TEMPLATE)
        {
          if (!add_templates (db, query, cursor, limit, foods, error))
            goto fail;
          continue;
        }

      sql = tier_sql (cursor->tier, match, flags, group_code);
      stmt = _cf_prepare (db, sql, error);
      if (stmt == NULL)
        goto fail;

      if (match != NULL)
        sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, cursor->after);
      if (group_code != NULL)
        sqlite3_bind_text (stmt, 3, group_code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, limit - foods->len);
      if (excludes_names (cursor->tier))
        sqlite3_bind_text (stmt, 5, query->names, -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (foods, custom ? _cf_food_from_custom_row (stmt) : _cf_food_from_ref_row (stmt));
          cursor->after = sqlite3_column_int64 (stmt, 0);
        }

      if (rc != SQLITE_DONE)
        {
          _cf_set_sqlite_error (error, db, rc);
          goto fail;
        }

      /* A short page means this tier is exhausted */
      if (foods->len < limit)
        {
          cursor->tier++;
          cursor->after = 0;
        }
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (corrected != NULL)
    *corrected = g_steal_pointer (&query->corrected);

  return g_steal_pointer (&foods);

fail:
  if (cancellable != NULL)
    {
      sqlite3_progress_handler (db, 0, NULL, NULL);
      /* An interrupted statement is a cancelled search */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
    }
  return NULL;
}

/**
 * cf_food_store_search:
 * @text: what the user typed; any text is safe
 * @flags: the sources to search, or 0 for all
 * @group_code: (nullable): only foods of this group
 * @cursor: (inout) (nullable): where to start; updated to where the next
 *   page starts
 * @limit: the page size
 * @corrected: (out) (optional) (nullable): the query as searched when a
 *   word was corrected ("chese" → "cheese"), else %NULL
 *
 * Searches on the calling thread's connection.  Views should use
 * cf_food_store_search_async().  Empty text lists every food in order.
 *
 * Returns: (transfer container) (element-type CfFood): the page
 */
GPtrArray *
cf_food_store_search (CfFoodStore     *self,
                      const char      *text,
                      CfSearchFlags    flags,
                      const char      *group_code,
                      CfSearchCursor  *cursor,
                      guint            limit,
                      char           **corrected,
                      GError         **error)
{
  CfSearchCursor start = CF_SEARCH_CURSOR_INIT;
  CfDatabase *database;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (corrected != NULL)
    *corrected = NULL;

  database = cf_food_store_get_database (self);

  return run_search (_cf_database_get_handle (database),
                     _cf_database_has_foods (database),
                     text, flags, group_code,
                     cursor ? cursor : &start, limit, corrected, NULL, error);
}

typedef struct
{
  char           *text;
  char           *group_code;
  CfSearchFlags   flags;
  CfSearchCursor  cursor;
  guint           limit;
} SearchData;

typedef struct
{
  GPtrArray      *foods;
  CfSearchCursor  next;
  char           *corrected;
} SearchResult;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data->group_code);
  g_free (data);
}

static void
search_result_free (SearchResult *result)
{
  g_clear_pointer (&result->foods, g_ptr_array_unref);
  g_free (result->corrected);
  g_free (result);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CfFoodStore *self = source_object;
  CfDatabase *database = cf_food_store_get_database (self);
  SearchData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) foods = NULL;
  g_autofree char *corrected = NULL;
  SearchResult *result;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = _cf_database_open_reader (database, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  foods = run_search (db, _cf_database_has_foods (database),
                      data->text, data->flags, data->group_code,
                      &data->cursor, data->limit, &corrected, cancellable, &error);
  _cf_database_close_reader (database, db);

  if (foods == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (SearchResult, 1);
  result->foods = g_steal_pointer (&foods);
  result->next = data->cursor;
  result->corrected = g_steal_pointer (&corrected);
  g_task_return_pointer (task, result, (GDestroyNotify) search_result_free);
}

/**
 * cf_food_store_search_async:
 *
 * Runs cf_food_store_search() on a worker thread with its own
 * connection.  Cancelling @cancellable interrupts the query at once; a
 * view cancels the previous search on every keystroke.
 */
void
cf_food_store_search_async (CfFoodStore          *self,
                            const char           *text,
                            CfSearchFlags         flags,
                            const char           *group_code,
                            const CfSearchCursor *cursor,
                            guint                 limit,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (CF_IS_FOOD_STORE (self));
  g_return_if_fail (limit > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SearchData, 1);
  data->text = g_strdup (text);
  data->flags = flags;
  data->group_code = g_strdup (group_code);
  data->limit = limit;
  if (cursor != NULL)
    data->cursor = *cursor;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_food_store_search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, search_thread);
}

/**
 * cf_food_store_search_finish:
 * @next: (out) (optional): where the next page starts
 * @corrected: (out) (optional) (nullable): the query as searched when a
 *   word was corrected, else %NULL
 *
 * Returns: (transfer container) (element-type CfFood): the page, or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
cf_food_store_search_finish (CfFoodStore     *self,
                             GAsyncResult    *result,
                             CfSearchCursor  *next,
                             char           **corrected,
                             GError         **error)
{
  SearchResult *res;
  GPtrArray *foods;

  g_return_val_if_fail (CF_IS_FOOD_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_food_store_search_async, NULL);

  if (corrected != NULL)
    *corrected = NULL;

  res = g_task_propagate_pointer (G_TASK (result), error);
  if (res == NULL)
    return NULL;

  if (next != NULL)
    *next = res->next;
  if (corrected != NULL)
    *corrected = g_steal_pointer (&res->corrected);
  foods = g_steal_pointer (&res->foods);
  search_result_free (res);

  return foods;
}
