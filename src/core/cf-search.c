/* cf-search.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-search"

#include "config.h"

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
          if (tokens->len < CF_SEARCH_MAX_TOKENS)
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
 * cf_search_build_fts_query:
 * @tokens: words from cf_search_tokenize()
 * @anchored: whether the first word must start a name
 *
 * Builds an FTS5 query that matches names containing a word starting
 * with each token.  Every token is quoted, so nothing the user typed can
 * act as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @tokens is
 *   empty
 */
char *
cf_search_build_fts_query (const char * const *tokens,
                           gboolean            anchored)
{
  GString *query;

  if (tokens == NULL || tokens[0] == NULL)
    return NULL;

  query = g_string_new (anchored ? "^" : NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = tokens[i]; *p; p++)
        {
          /* Tokens never hold quotes; double any anyway, as FTS5 wants */
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return g_string_free (query, FALSE);
}
