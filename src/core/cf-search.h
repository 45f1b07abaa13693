/* cf-search.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text side of food search: words, their forms, spelling distance
 * and FTS5 query strings.  No database here; see cf-food-search.h. */

/* At most this many words of a query are searched for */
#define CF_SEARCH_MAX_TOKENS 8

/**
 * CfSearchWord:
 * @typed: the word searched for, folded (possibly a corrected spelling)
 * @whole: (array zero-terminated=1): the whole words and phrases that
 *   count as this word: @typed itself, its other forms, its synonyms
 * @prefix: whether @typed may also match the start of longer words; a
 *   search leaves it out where no longer word exists
 */
typedef struct
{
  char     *typed;
  char    **whole;
  gboolean  prefix;
} CfSearchWord;

/**
 * CfSearchMatch:
 * @CF_SEARCH_MATCH_ALL_WHOLE: every word matches as a whole word
 * @CF_SEARCH_MATCH_ALL_PREFIX: every word matches a word it starts
 * @CF_SEARCH_MATCH_ANY_PREFIX: at least one word matches a word it starts
 */
typedef enum
{
  CF_SEARCH_MATCH_ALL_WHOLE,
  CF_SEARCH_MATCH_ALL_PREFIX,
  CF_SEARCH_MATCH_ANY_PREFIX,
} CfSearchMatch;

char         **cf_search_tokenize      (const char          *text);
char          *cf_search_fold          (const char          *word);
char         **cf_search_word_forms    (const char          *folded);
guint          cf_search_edit_distance (const char          *a,
                                        const char          *b,
                                        guint                max);
CfSearchWord  *cf_search_word_new      (const char          *typed,
                                        const char * const  *alternatives);
void           cf_search_word_free     (CfSearchWord        *word);
char          *cf_search_build_match   (GPtrArray           *words,
                                        CfSearchMatch        match,
                                        const char          *columns);
char          *cf_search_build_start   (GPtrArray           *words,
                                        const char          *column);
gboolean       cf_search_text_matches  (GPtrArray           *words,
                                        CfSearchMatch        match,
                                        const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSearchWord, cf_search_word_free)

G_END_DECLS
