/* test-knowledge.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-error.h"
#include "cf-insight-engine.h"
#include "cf-knowledge.h"

/* Topics the issue asks the knowledge base to explain */
static const char *required_pages[] = {
  "calcium-paradox",
  "calcium-needs",
  "k2-mgp-osteocalcin",
  "k1-vs-k2",
  "magnesium-crystals",
  "vitamin-d-two-sides",
  "k2-d-magnesium-together",
  "vitamin-c-potassium-omega3",
  "prevention-vs-reversal",
  "food-sources",
  "targets-and-limits",
  "data-completeness",
  "disclaimer",
};

static void
test_load (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (knowledge));

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (required_pages));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (knowledge)) == CF_TYPE_KNOWLEDGE_PAGE);

  for (guint i = 0; i < G_N_ELEMENTS (required_pages); i++)
    {
      g_test_message ("%s", required_pages[i]);
      g_assert_nonnull (cf_knowledge_get_page (knowledge, required_pages[i]));
    }

  g_assert_null (cf_knowledge_get_page (knowledge, "no-such-page"));
  /* The same object every time */
  g_assert_true (cf_knowledge_get_default () == knowledge);
}

static void
test_pages_complete (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (knowledge));
  guint with_evidence = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfKnowledgePage) page = g_list_model_get_item (G_LIST_MODEL (knowledge), i);
      GPtrArray *sources = cf_knowledge_page_get_sources (page);
      const char * const *related = cf_knowledge_page_get_related (page);

      g_test_message ("%s", cf_knowledge_page_get_id (page));
      g_assert_nonnull (cf_knowledge_page_get_title (page));
      g_assert_cmpstr (cf_knowledge_page_get_title (page), !=, "");
      g_assert_cmpuint (cf_knowledge_page_get_n_paragraphs (page), >, 0);
      for (guint p = 0; p < cf_knowledge_page_get_n_paragraphs (page); p++)
        g_assert_cmpuint (strlen (cf_knowledge_page_get_paragraph (page, p)), >, 20);

      /* Every page lists its sources */
      g_assert_cmpuint (sources->len, >, 0);
      for (guint s = 0; s < sources->len; s++)
        {
          CfKnowledgeSource *source = g_ptr_array_index (sources, s);

          g_assert_cmpuint (strlen (source->citation), >, 10);
          if (source->url != NULL)
            g_assert_true (g_str_has_prefix (source->url, "http://") || g_str_has_prefix (source->url, "https://"));
        }

      for (guint e = 0; e < cf_knowledge_page_get_n_evidence (page); e++)
        {
          const char *level = cf_knowledge_page_get_evidence_level (page, e);

          g_assert_true (cf_evidence_level_is_valid (level));
          g_assert_cmpstr (cf_evidence_level_get_name (level), !=, level);
          g_assert_nonnull (cf_evidence_level_get_description (level));
          g_assert_cmpuint (strlen (cf_knowledge_page_get_evidence_text (page, e)), >, 10);
        }
      with_evidence += cf_knowledge_page_get_n_evidence (page) > 0;

      for (guint r = 0; related[r] != NULL; r++)
        g_assert_nonnull (cf_knowledge_get_page (knowledge, related[r]));
    }

  g_assert_cmpuint (with_evidence, >=, 8);
}

static void
test_named_studies (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  CfKnowledgePage *page = cf_knowledge_get_page (knowledge, "prevention-vs-reversal");
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *sources = cf_knowledge_page_get_sources (page);
  gboolean rotterdam = FALSE, knapen = FALSE;
  gboolean levels[5] = { FALSE, };
  const char *level_keys[] = { "trial", "observational", "laboratory", "limited" };

  for (guint p = 0; p < cf_knowledge_page_get_n_paragraphs (page); p++)
    g_string_append (text, cf_knowledge_page_get_paragraph (page, p));

  g_assert_nonnull (strstr (text->str, "Rotterdam Study"));
  g_assert_nonnull (strstr (text->str, "three-year MK-7 trial"));
  g_assert_nonnull (strstr (text->str, "4,807"));
  g_assert_nonnull (strstr (text->str, "180 µg"));

  for (guint s = 0; s < sources->len; s++)
    {
      CfKnowledgeSource *source = g_ptr_array_index (sources, s);

      rotterdam |= strstr (source->citation, "Rotterdam Study") != NULL;
      knapen |= strstr (source->citation, "Menaquinone-7 supplementation improves arterial stiffness") != NULL;
    }
  g_assert_true (rotterdam);
  g_assert_true (knapen);

  /* Honest labels: every level but consensus is used on this page */
  for (guint e = 0; e < cf_knowledge_page_get_n_evidence (page); e++)
    for (guint k = 0; k < G_N_ELEMENTS (level_keys); k++)
      levels[k] |= strcmp (cf_knowledge_page_get_evidence_level (page, e), level_keys[k]) == 0;
  for (guint k = 0; k < G_N_ELEMENTS (level_keys); k++)
    g_assert_true (levels[k]);
}

static void
test_insight_pages_exist (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  const CfInsightRule *rules;
  guint n;

  rules = cf_insight_engine_get_rules (&n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s → %s", rules[i].id, rules[i].page_id);
      g_assert_nonnull (cf_knowledge_get_page (knowledge, rules[i].page_id));
    }

  /* ... and the page of "not enough data" */
  g_assert_nonnull (cf_knowledge_get_page (knowledge, "data-completeness"));
}

static void
test_invalid (void)
{
  static const char *bad[] = {
    "",
    "[]",
    "{ \"pages\": {} }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [], \"sources\": [ { \"citation\": \"c\" } ] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [ { \"citation\": \"c\" } ],"
    "  \"evidence\": [ { \"level\": \"anecdote\", \"text\": \"t\" } ] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [ { \"citation\": \"c\" } ],"
    "  \"related\": [\"b\"] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [ { \"citation\": \"c\" } ] },"
    "  { \"id\": \"a\", \"title\": \"B\", \"body\": [\"y\"], \"sources\": [ { \"citation\": \"c\" } ] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [ { \"citation\": \"c\", \"url\": 3 } ] } ] }",
    "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"], \"sources\": [ { \"citation\": \"c\", \"background\": \"yes\" } ] } ] }",
  };
  const char *good = "{ \"pages\": [ { \"id\": \"a\", \"title\": \"A\", \"body\": [\"x\"],"
                     " \"sources\": [ { \"citation\": \"c\", \"url\": null } ] } ] }";
  g_autoptr(CfKnowledge) ok = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CfKnowledge) knowledge = cf_knowledge_new_from_data (bad[i], strlen (bad[i]), &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (knowledge);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  ok = cf_knowledge_new_from_data (good, strlen (good), &error);
  g_assert_no_error (error);
  g_assert_nonnull (cf_knowledge_get_page (ok, "a"));
  g_assert_null (((CfKnowledgeSource *) g_ptr_array_index (cf_knowledge_page_get_sources (cf_knowledge_get_page (ok, "a")), 0))->url);
}

static char *
page_text (CfKnowledgePage *page)
{
  GString *text = g_string_new (NULL);

  for (guint p = 0; p < cf_knowledge_page_get_n_paragraphs (page); p++)
    {
      g_string_append (text, cf_knowledge_page_get_paragraph (page, p));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static gboolean
page_cites (CfKnowledgePage *page,
            const char      *fragment,
            gboolean         background)
{
  GPtrArray *sources = cf_knowledge_page_get_sources (page);

  for (guint s = 0; s < sources->len; s++)
    {
      CfKnowledgeSource *source = g_ptr_array_index (sources, s);

      if (strstr (source->citation, fragment) != NULL && source->background == background)
        return TRUE;
    }

  return FALSE;
}

/* The anonymous consumer articles are background reading, never the
 * only source of a page; the claims cite primary studies, and claims
 * the articles make without naming a study are worded as such */
static void
test_sources_primary (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (knowledge));
  CfKnowledgePage *page;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfKnowledgePage) item = g_list_model_get_item (G_LIST_MODEL (knowledge), i);
      g_autofree char *text = page_text (item);
      GPtrArray *sources = cf_knowledge_page_get_sources (item);
      guint primary = 0;

      g_test_message ("%s", cf_knowledge_page_get_id (item));
      for (guint s = 0; s < sources->len; s++)
        {
          CfKnowledgeSource *source = g_ptr_array_index (sources, s);

          g_assert_true (source->background == (strstr (source->citation, "Consumer nutrition article") != NULL));
          primary += !source->background;
        }
      g_assert_cmpuint (primary, >, 0);

      /* "In one study" with no study named */
      g_assert_null (strstr (text, "In one study"));
      g_assert_null (strstr (text, "in one clinical study"));
    }

  /* The calcium paradox: each claim with its primary source */
  page = cf_knowledge_get_page (knowledge, "calcium-paradox");
  g_assert_true (page_cites (page, "Rotterdam Study", FALSE));
  g_assert_true (page_cites (page, "Menaquinone-7 supplementation improves arterial stiffness", FALSE));
  g_assert_true (page_cites (page, "Dietary Reference Intakes for Calcium and Vitamin D", FALSE));
  g_assert_true (page_cites (page, "Consumer nutrition article", TRUE));

  /* The two claims the articles make without naming a study */
  page = cf_knowledge_get_page (knowledge, "vitamin-d-two-sides");
  g_assert_true (page_cites (page, "de Boer IH", FALSE));
  page = cf_knowledge_get_page (knowledge, "vitamin-c-potassium-omega3");
  g_assert_true (page_cites (page, "Rath M, Niedzwiecki A", FALSE));

  /* "Vitamin D on its own" is what the articles suggest, not a finding */
  page = cf_knowledge_get_page (knowledge, "k2-d-magnesium-together");
  {
    g_autofree char *text = page_text (page);

    g_assert_null (strstr (text, "increases calcium uptake without improving"));
    g_assert_nonnull (strstr (text, "could raise calcium absorption"));
  }

  /* The magnesium limit counts what the code counts */
  page = cf_knowledge_get_page (knowledge, "magnesium-crystals");
  {
    g_autofree char *text = page_text (page);

    g_assert_null (strstr (text, "only with what you log under Supplements"));
    g_assert_nonnull (strstr (text, "in whichever meal you log it"));
    g_assert_nonnull (strstr (text, "fortified"));
  }

  /* A low calcium intake has its own page; the insight points to it */
  page = cf_knowledge_get_page (knowledge, "calcium-needs");
  g_assert_nonnull (page);
  {
    const CfInsightRule *rules;
    guint n_rules;

    rules = cf_insight_engine_get_rules (&n_rules);
    for (guint i = 0; i < n_rules; i++)
      if (strcmp (rules[i].id, "calcium-low") == 0)
        g_assert_cmpstr (rules[i].page_id, ==, "calcium-needs");
  }
}

/* Warfarin-type anticoagulants: a plain caution on the disclaimer and
 * on every page about vitamin K2, with its sources */
static void
test_vka_caution (void)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  const char *pages[] = { "disclaimer", "k2-mgp-osteocalcin", "k1-vs-k2" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      CfKnowledgePage *page = cf_knowledge_get_page (knowledge, pages[i]);
      g_autofree char *text = page_text (page);

      g_test_message ("%s", pages[i]);
      g_assert_nonnull (strstr (text, "warfarin"));
      g_assert_nonnull (strstr (text, "vitamin K antagonist"));
      g_assert_nonnull (strstr (text, "talk to the doctor who prescribes it"));
      g_assert_true (page_cites (page, "oral anticoagulant treatment", FALSE));
    }
}

static void
test_strings_in_sync (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *source_dir = g_getenv ("COFACTOR_SOURCE_DIR");
  int status;

  if (python == NULL || source_dir == NULL)
    {
      g_test_skip ("python3 or the source folder is not available");
      return;
    }

  script = g_build_filename (source_dir, "build-aux", "gen-knowledge-strings.py", NULL);
  {
    const char *argv[] = { python, script, "--check", "--source-root", source_dir, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  /* Run build-aux/gen-knowledge-strings.py after editing knowledge.json */
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_translatable_files_listed (void)
{
  const char *source_dir = g_getenv ("COFACTOR_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *potfiles = NULL;

  if (source_dir == NULL)
    {
      g_test_skip ("the source folder is not available");
      return;
    }

  path = g_build_filename (source_dir, "po", "POTFILES.in", NULL);
  g_assert_true (g_file_get_contents (path, &potfiles, NULL, NULL));
  g_assert_nonnull (strstr (potfiles, "src/core/cf-knowledge-strings.c\n"));
  g_assert_nonnull (strstr (potfiles, "src/core/cf-knowledge.c\n"));
  g_assert_nonnull (strstr (potfiles, "src/core/cf-insight-engine.c\n"));
  g_assert_nonnull (strstr (potfiles, "src/core/cf-targets.c\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/knowledge/load", test_load);
  g_test_add_func ("/knowledge/pages-complete", test_pages_complete);
  g_test_add_func ("/knowledge/named-studies", test_named_studies);
  g_test_add_func ("/knowledge/insight-pages-exist", test_insight_pages_exist);
  g_test_add_func ("/knowledge/invalid", test_invalid);
  g_test_add_func ("/knowledge/sources-primary", test_sources_primary);
  g_test_add_func ("/knowledge/vka-caution", test_vka_caution);
  g_test_add_func ("/knowledge/strings-in-sync", test_strings_in_sync);
  g_test_add_func ("/knowledge/translatable-files-listed", test_translatable_files_listed);

  return g_test_run ();
}
