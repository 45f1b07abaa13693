/* cf-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-search"

#include "config.h"

#include <string.h>

#include "cf-search.h"

/* Longest word searched for, in bytes; longer ones are cut */
#define MAX_TOKEN_BYTES 64

static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;

    default:
      return FALSE;
    }
}

static char **tokenize (const char *text,
                        guint       max_tokens);

/**
 * cf_search_tokenize:
 * @text: what the user typed, in any encoding
 *
 * Splits search text into words the way the full-text index does:
 * letters, digits and combining marks make words, everything else
 * (spaces, punctuation, quotes, operators) separates them.  Invalid
 * UTF-8 is treated as separators.  Words past %CF_SEARCH_MAX_TOKENS are
 * dropped, long words are cut.
 *
 * Returns: (transfer full): a %NULL-terminated array, possibly empty
 */
char **
cf_search_tokenize (const char *text)
{
  return tokenize (text, CF_SEARCH_MAX_TOKENS);
}

static char **
tokenize (const char *text,
          guint       max_tokens)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = NULL;
  GString *word = NULL;

  if (text == NULL)
    return g_new0 (char *, 1);

  valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_token_char (c))
        {
          if (word == NULL)
            word = g_string_new (NULL);
          if (word->len + 6 <= MAX_TOKEN_BYTES)
            g_string_append_unichar (word, c);
        }
      else if (word != NULL)
        {
          if (tokens->len < max_tokens)
            g_ptr_array_add (tokens, g_string_free (word, FALSE));
          else
            g_string_free (word, TRUE);
          word = NULL;
        }

      if (c == 0)
        break;
    }

  g_ptr_array_add (tokens, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

/**
 * cf_search_fold:
 * @word: a word as typed
 *
 * Folds a word the way the full-text index stores it: lower case, with
 * accents and other combining marks removed ("Épinards" → "epinards").
 *
 * Returns: (transfer full): the folded word
 */
char *
cf_search_fold (const char *word)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (word != NULL, NULL);

  lower = g_utf8_strdown (word, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
add_form (GPtrArray  *forms,
          const char *form)
{
  if (g_utf8_strlen (form, -1) < 2)
    return;

  for (guint i = 0; i < forms->len; i++)
    {
      if (strcmp (g_ptr_array_index (forms, i), form) == 0)
        return;
    }

  g_ptr_array_add (forms, g_strdup (form));
}

/**
 * cf_search_word_forms:
 * @folded: a word folded by cf_search_fold()
 *
 * The word and its regular English singular and plural forms
 * ("sardines" → "sardines", "sardine", …; "berry" → "berry",
 * "berries", …), so that a whole-word search finds a name whichever
 * number it uses.  Forms that are no English word do no harm: the index
 * simply has no such word.  Irregular forms and synonyms are data (the
 * synonym table of the food database), not rules.
 *
 * Returns: (transfer full): a %NULL-terminated array, the word first
 */
char **
cf_search_word_forms (const char *folded)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  size_t len;

  g_return_val_if_fail (folded != NULL, NULL);

  len = strlen (folded);
  g_ptr_array_add (forms, g_strdup (folded));

  if (len >= 3 && !g_ascii_isdigit (folded[len - 1]))
    {
      g_autofree char *s = g_strconcat (folded, "s", NULL);
      g_autofree char *es = g_strconcat (folded, "es", NULL);

      add_form (forms, s);
      add_form (forms, es);

      if (g_str_has_suffix (folded, "y"))
        {
          g_autofree char *stem = g_strndup (folded, len - 1);
          g_autofree char *ies = g_strconcat (stem, "ies", NULL);
          add_form (forms, ies);
        }
      if (g_str_has_suffix (folded, "ies") && len > 4)
        {
          g_autofree char *stem = g_strndup (folded, len - 3);
          g_autofree char *y = g_strconcat (stem, "y", NULL);
          add_form (forms, y);
        }
      if (g_str_has_suffix (folded, "es"))
        {
          g_autofree char *stem = g_strndup (folded, len - 2);
          add_form (forms, stem);
        }
      if (g_str_has_suffix (folded, "s") && !g_str_has_suffix (folded, "ss"))
        {
          g_autofree char *stem = g_strndup (folded, len - 1);
          add_form (forms, stem);
        }
    }

  g_ptr_array_add (forms, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&forms), FALSE);
}

/**
 * cf_search_edit_distance:
 * @a: a word
 * @b: another word
 * @max: the largest distance of interest
 *
 * The number of single-character insertions, deletions, substitutions
 * and swaps of neighbours that turn @a into @b (optimal string alignment
 * distance), counted in characters, not bytes.
 *
 * Returns: the distance, or @max + 1 if it is larger than @max
 */
guint
cf_search_edit_distance (const char *a,
                         const char *b,
                         guint       max)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  glong la, lb;
  guint *prev2, *prev, *cur;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, max + 1);

  ua = g_utf8_to_ucs4_fast (a, -1, &la);
  ub = g_utf8_to_ucs4_fast (b, -1, &lb);

  if ((guint) ABS (la - lb) > max)
    return max + 1;

  rows = g_new (guint, 3 * (lb + 1));
  prev2 = rows;
  prev = rows + (lb + 1);
  cur = rows + 2 * (lb + 1);

  for (glong j = 0; j <= lb; j++)
    prev[j] = j;

  for (glong i = 1; i <= la; i++)
    {
      guint row_min;

      cur[0] = i;
      row_min = cur[0];

      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint d = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            d = MIN (d, prev2[j - 2] + 1);

          cur[j] = d;
          row_min = MIN (row_min, d);
        }

      if (row_min > max)
        return max + 1;

      {
        guint *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }

  result = prev[lb];

  return result > max ? max + 1 : result;
}

static void
append_quoted (GString    *query,
               const char *text)
{
  g_string_append_c (query, '"');
  for (const char *p = text; *p; p++)
    {
      /* FTS5 wants a quote inside a string doubled */
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/**
 * cf_search_word_new:
 * @typed: the word as searched for, folded
 * @alternatives: (nullable): whole words or phrases that count as the
 *   same word: its other forms and its synonyms
 *
 * Returns: (transfer full): a new #CfSearchWord
 */
CfSearchWord *
cf_search_word_new (const char         *typed,
                    const char * const *alternatives)
{
  CfSearchWord *word = g_new0 (CfSearchWord, 1);
  g_autoptr(GPtrArray) whole = g_ptr_array_new_with_free_func (g_free);

  word->typed = g_strdup (typed);
  word->prefix = TRUE;
  g_ptr_array_add (whole, g_strdup (typed));
  for (guint i = 0; alternatives && alternatives[i]; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < whole->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (whole, j), alternatives[i]) == 0;
      if (!seen && *alternatives[i] != '\0')
        g_ptr_array_add (whole, g_strdup (alternatives[i]));
    }
  g_ptr_array_add (whole, NULL);
  word->whole = (char **) g_ptr_array_free (g_steal_pointer (&whole), FALSE);

  return word;
}

void
cf_search_word_free (CfSearchWord *word)
{
  if (word == NULL)
    return;

  g_free (word->typed);
  g_strfreev (word->whole);
  g_free (word);
}

static void
append_word (GString            *query,
             const CfSearchWord *word,
             gboolean            prefix)
{
  g_string_append_c (query, '(');
  if (prefix && word->prefix)
    {
      append_quoted (query, word->typed);
      g_string_append (query, "* OR ");
    }
  for (guint i = 0; word->whole[i]; i++)
    {
      if (i > 0)
        g_string_append (query, " OR ");
      append_quoted (query, word->whole[i]);
    }
  g_string_append_c (query, ')');
}

/**
 * cf_search_build_match:
 * @words: (element-type CfSearchWord): the words of a query
 * @match: how each word must match
 * @columns: (nullable): the columns to search, space-separated, or
 *   %NULL for all
 *
 * Builds an FTS5 query.  Every word is quoted, so nothing the user
 * typed can act as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @words is
 *   empty
 */
char *
cf_search_build_match (GPtrArray     *words,
                       CfSearchMatch  match,
                       const char    *columns)
{
  GString *query;
  gboolean prefix = match != CF_SEARCH_MATCH_ALL_WHOLE;
  const char *op = match == CF_SEARCH_MATCH_ANY_PREFIX ? " OR " : " AND ";

  if (words == NULL || words->len == 0)
    return NULL;

  query = g_string_new (NULL);
  if (columns != NULL)
    g_string_append_printf (query, "{%s} : (", columns);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (query, op);
      append_word (query, g_ptr_array_index (words, i), prefix);
    }

  if (columns != NULL)
    g_string_append_c (query, ')');

  return g_string_free (query, FALSE);
}

/**
 * cf_search_build_start:
 * @words: (element-type CfSearchWord): the words of a query
 * @column: the column whose first word is meant
 *
 * Builds an FTS5 query for names that start with one of @words as a
 * whole word ("Cheese, blue" for "cheese", not "Ham and cheese").
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @words is
 *   empty
 */
char *
cf_search_build_start (GPtrArray  *words,
                       const char *column)
{
  GString *query;
  gboolean first = TRUE;

  if (words == NULL || words->len == 0)
    return NULL;

  query = g_string_new (NULL);
  g_string_append_printf (query, "{%s} : (", column);

  for (guint i = 0; i < words->len; i++)
    {
      const CfSearchWord *word = g_ptr_array_index (words, i);

      for (guint j = 0; word->whole[j]; j++)
        {
          if (!first)
            g_string_append (query, " OR ");
          g_string_append_c (query, '^');
          append_quoted (query, word->whole[j]);
          first = FALSE;
        }
    }

  g_string_append_c (query, ')');

  return g_string_free (query, FALSE);
}

/* Whether the folded words of @phrase come in @tokens from @at on */
static gboolean
phrase_at (char       **tokens,
           guint        at,
           const char  *phrase)
{
  g_auto(GStrv) parts = tokenize (phrase, G_MAXUINT);

  if (parts[0] == NULL)
    return FALSE;

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *folded = cf_search_fold (parts[i]);

      if (tokens[at + i] == NULL || strcmp (tokens[at + i], folded) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
word_in_tokens (const CfSearchWord  *word,
                char               **tokens,
                gboolean             prefix)
{
  for (guint t = 0; tokens[t]; t++)
    {
      if (prefix && g_str_has_prefix (tokens[t], word->typed))
        return TRUE;

      for (guint i = 0; word->whole[i]; i++)
        {
          if (phrase_at (tokens, t, word->whole[i]))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_search_text_matches:
 * @words: (element-type CfSearchWord): the words of a query
 * @match: how each word must match
 * @text: a name as written, in any case and with accents
 *
 * Matches a query against a name that is in no full-text index (the
 * supplement templates) the way cf_search_build_match() matches an
 * indexed name: @text is split into words and folded like the index
 * does, a word matches one of its whole forms or phrases, or, unless
 * @match is %CF_SEARCH_MATCH_ALL_WHOLE, a word it starts.  A word's
 * #CfSearchWord.prefix is not consulted: it says whether the reference
 * vocabulary has longer words, not @text.
 *
 * Returns: whether @text matches
 */
gboolean
cf_search_text_matches (GPtrArray     *words,
                        CfSearchMatch  match,
                        const char    *text)
{
  g_auto(GStrv) raw = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  gboolean prefix = match != CF_SEARCH_MATCH_ALL_WHOLE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (words == NULL || words->len == 0)
    return FALSE;

  raw = tokenize (text, G_MAXUINT);
  tokens = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; raw[i]; i++)
    g_ptr_array_add (tokens, cf_search_fold (raw[i]));
  g_ptr_array_add (tokens, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      gboolean found = word_in_tokens (g_ptr_array_index (words, i), (char **) tokens->pdata, prefix);

      if (found && match == CF_SEARCH_MATCH_ANY_PREFIX)
        return TRUE;
      if (!found && match != CF_SEARCH_MATCH_ANY_PREFIX)
        return FALSE;
    }

  return match != CF_SEARCH_MATCH_ANY_PREFIX;
}
