/* test-cli-i18n.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* cofactor-cli in each translated language: the real binary, with the
 * catalogues compiled into the build tree, follows LANGUAGE and LANG as
 * the desktop app does, prints numbers in the locale's format (all six
 * write a decimal comma), and keeps its --json output the same in every
 * locale: the same members, numbers and ids; only the human-readable
 * texts inside it are translated.
 *
 * The locales come from build-aux/setup.sh; one that is missing fails
 * the test with a message saying so, rather than skipping it. */

#include "config.h"

#include <locale.h>
#include <json-glib/json-glib.h>

#include "cf-test-util.h"

typedef struct
{
  const char *lang;       /* as in po/LINGUAS and LANGUAGE */
  const char *locale;     /* its number and date formats */
  const char *per_day;    /* "100,0 µg … a day" in its words */
  const char *summary;    /* the first line of --help's description */
  const char *apple;      /* usda:09003's name in data/foods/curated/names */
} Language;

static const Language languages[] = {
  { "de", "de_DE.UTF-8", " pro Tag",
    "Lebensmittel suchen und das Cofactor-Tagebuch auf der Befehlszeile führen.", "Apfel" },
  { "es", "es_ES.UTF-8", " al día",
    "Buscar alimentos y llevar el diario de Cofactor desde la línea de comandos.", "Manzana" },
  { "fr", "fr_FR.UTF-8", " par jour",
    "Rechercher des aliments et tenir le journal Cofactor en ligne de commande.", "Pomme" },
  { "it", "it_IT.UTF-8", " al giorno",
    "Cerca alimenti e tieni il diario di Cofactor dalla riga di comando.", "Mela" },
  { "nl", "nl_NL.UTF-8", " per dag",
    "Voedingsmiddelen zoeken en het Cofactor-dagboek bijhouden vanaf de opdrachtregel.", "Appel" },
  { "pt_BR", "pt_BR.UTF-8", " por dia",
    "Pesquise alimentos e mantenha o diário do Cofactor pela linha de comando.", "Maçã" },
};

static char *profile;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with LANGUAGE=@language (unset when %NULL) and
 * LANG=@lang_env; LC_ALL, which would override both, is unset */
static void
run_with (Run        *run,
          const char *language,
          const char *lang_env,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("COFACTOR_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "COFACTOR_DATA_DIR", profile, TRUE);
  envp = g_environ_setenv (envp, "COFACTOR_LOCALEDIR", BUILD_ROOT "/po", TRUE);
  envp = g_environ_setenv (envp, "LANG", lang_env, TRUE);
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = g_environ_unsetenv (envp, "LC_NUMERIC");
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->status != 0)
    g_test_message ("cofactor-cli %s: %s", first, run->err);
}

static void
require_locale (const char *name)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean found = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, saved);
  if (!found)
    g_error ("The %s locale is not installed; build-aux/setup.sh generates it (run it as root)", name);
}

/* Both in the same language; --help as well as a command's output */
static void
assert_in_language (const Language *l,
                    Run            *help,
                    Run            *targets)
{
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, l->summary));

  g_assert_cmpint (targets->status, ==, 0);
  g_assert_nonnull (strstr (targets->out, l->per_day));
  g_assert_null (strstr (targets->out, " a day"));
  g_assert_null (strstr (targets->out, "Upper limit"));
  /* NASEM's upper limit of vitamin D, in the locale's number format */
  g_assert_nonnull (strstr (targets->out, "100,0\u00a0µg"));
  g_assert_null (strstr (targets->out, "100.0"));
}

/* LANGUAGE picks the language, as for the desktop app; LANG alone does
 * too, and brings the locale's formats */
static void
test_language (gconstpointer data)
{
  const Language *l = data;

  require_locale (l->locale);

  {
    g_auto(Run) help = { 0, };
    g_auto(Run) targets = { 0, };

    run_with (&help, l->lang, l->locale, "--help", NULL);
    run_with (&targets, l->lang, l->locale, "targets", "2026-03-14", "--age=40", "--sex=female", NULL);
    assert_in_language (l, &help, &targets);
  }

  {
    g_auto(Run) help = { 0, };
    g_auto(Run) targets = { 0, };

    run_with (&help, NULL, l->locale, "--help", NULL);
    run_with (&targets, NULL, l->locale, "targets", "2026-03-14", "--age=40", "--sex=female", NULL);
    assert_in_language (l, &help, &targets);
  }

  /* LANGUAGE alone under the C.UTF-8 locale: the messages follow it,
   * the numbers stay in the C format */
  {
    g_auto(Run) targets = { 0, };

    run_with (&targets, l->lang, "C.UTF-8", "targets", "2026-03-14", "--age=40", "--sex=female", NULL);
    g_assert_cmpint (targets.status, ==, 0);
    g_assert_nonnull (strstr (targets.out, l->per_day));
    g_assert_nonnull (strstr (targets.out, "100.0\u00a0µg"));
  }

  /* A food logged is named in the language */
  {
    g_auto(Run) log = { 0, };
    run_with (&log, l->lang, l->locale, "log", "2026-03-15", "snacks", "usda:09003", "100", NULL);
    g_assert_cmpint (log.status, ==, 0);
    g_assert_nonnull (strstr (log.out, l->apple));
    g_assert_null (strstr (log.out, "Apples, raw"));
  }

  /* Where a value comes from, in the language too: the kind of USDA
   * data, and the food a value is borrowed from by its name here */
  {
    g_auto(Run) food = { 0, };
    g_auto(Run) english = { 0, };

    run_with (&food, l->lang, l->locale, "food", "usda:01022", NULL);
    run_with (&english, NULL, "C.UTF-8", "food", "usda:01022", NULL);
    g_assert_cmpint (food.status, ==, 0);
    g_assert_cmpint (english.status, ==, 0);
    g_assert_nonnull (strstr (english.out, "(analysed, or derived from analyses)"));
    g_assert_nonnull (strstr (english.out, "Gouda cheese 48+"));
    g_assert_null (strstr (food.out, "analysed, or derived from analyses"));
    g_assert_null (strstr (food.out, "Gouda cheese 48+"));
  }

  /* Without either, English */
  {
    g_auto(Run) targets = { 0, };

    run_with (&targets, NULL, "C.UTF-8", "targets", "2026-03-14", "--age=40", "--sex=female", NULL);
    g_assert_cmpint (targets.status, ==, 0);
    g_assert_nonnull (strstr (targets.out, "100.0 µg a day"));
  }
}

/* The same document apart from the texts: members in the same order,
 * numbers, booleans and nulls equal.  Counts the strings that differ. */
static void
assert_same_json (JsonNode   *a,
                  JsonNode   *b,
                  const char *path,
                  guint      *n_texts_differ)
{
  g_assert_cmpint (JSON_NODE_TYPE (a), ==, JSON_NODE_TYPE (b));

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a);
        JsonObject *ob = json_node_get_object (b);
        g_autoptr(GList) ma = json_object_get_members (oa);
        g_autoptr(GList) mb = json_object_get_members (ob);

        g_assert_cmpuint (g_list_length (ma), ==, g_list_length (mb));
        for (GList *x = ma, *y = mb; x != NULL; x = x->next, y = y->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s.%s", path, (const char *) x->data);

            g_assert_cmpstr (x->data, ==, y->data);
            assert_same_json (json_object_get_member (oa, x->data), json_object_get_member (ob, y->data),
                              sub, n_texts_differ);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a);
        JsonArray *ab = json_node_get_array (b);

        g_assert_cmpuint (json_array_get_length (aa), ==, json_array_get_length (ab));
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

            assert_same_json (json_array_get_element (aa, i), json_array_get_element (ab, i),
                              sub, n_texts_differ);
          }
      }
      break;

    case JSON_NODE_VALUE:
      g_assert_cmpint (json_node_get_value_type (a), ==, json_node_get_value_type (b));
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        {
          if (g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) != 0)
            (*n_texts_differ)++;
        }
      else if (json_node_get_value_type (a) == G_TYPE_DOUBLE)
        {
          if (json_node_get_double (a) != json_node_get_double (b))
            g_error ("%s: %g in one locale, %g in the other", path,
                     json_node_get_double (a), json_node_get_double (b));
        }
      else if (!json_node_equal (a, b))
        g_error ("%s differs between the locales", path);
      break;

    case JSON_NODE_NULL:
      break;
    }
}

static JsonNode *
parse (const char *what,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  if (error != NULL)
    g_error ("%s: not JSON: %s", what, error->message);
  g_assert_nonnull (node);

  return node;
}

/* --json under a decimal-comma locale is the same JSON as under C */
static void
test_json (gconstpointer data)
{
  const Language *l = data;
  static const char *const commands[][6] = {
    { "day", "2026-03-14", NULL },
    { "search", "cheddar", NULL },
    { "food", "usda:09003", NULL },
    { "rank", "k2", "--limit=5", NULL },
    { "targets", "2026-03-14", "--age=40", "--sex=female", "--weight=62.5", NULL },
    { "insights", "--from=2026-03-10", "--to=2026-03-16", NULL },
  };
  guint texts_differ = 0;

  require_locale (l->locale);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_auto(Run) plain = { 0, };
      g_auto(Run) local = { 0, };
      g_autoptr(JsonNode) a = NULL;
      g_autoptr(JsonNode) b = NULL;
      const char *const *cmd = commands[c];

      run_with (&plain, NULL, "C.UTF-8", cmd[0], "--json", cmd[1], cmd[2], cmd[3], cmd[4], NULL);
      run_with (&local, l->lang, l->locale, cmd[0], "--json", cmd[1], cmd[2], cmd[3], cmd[4], NULL);
      g_assert_cmpint (plain.status, ==, 0);
      g_assert_cmpint (local.status, ==, 0);

      a = parse (cmd[0], plain.out);
      b = parse (cmd[0], local.out);
      assert_same_json (a, b, cmd[0], &texts_differ);
    }

  /* The texts inside are translated, so the locale did apply */
  g_assert_cmpuint (texts_differ, >, 0);

  /* The export is data: byte for byte the same but for its time stamp */
  {
    g_auto(Run) plain = { 0, };
    g_auto(Run) local = { 0, };
    g_autoptr(JsonNode) a = NULL;
    g_autoptr(JsonNode) b = NULL;
    guint differ = 0;

    run_with (&plain, NULL, "C.UTF-8", "export", "-", NULL);
    run_with (&local, l->lang, l->locale, "export", "-", NULL);
    a = parse ("export", plain.out);
    b = parse ("export", local.out);
    json_object_remove_member (json_node_get_object (a), "exported");
    json_object_remove_member (json_node_get_object (b), "exported");
    assert_same_json (a, b, "export", &differ);
    g_assert_cmpuint (differ, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogue = NULL;

  g_test_init (&argc, &argv, NULL);

  profile = cf_test_make_temp_dir ();

  /* A day to show: amounts with decimals, one in a household measure;
   * logged under a decimal-comma locale, as a user there types them */
  {
    g_auto(Run) a = { 0, };
    g_auto(Run) b = { 0, };
    g_auto(Run) c = { 0, };

    run_with (&a, NULL, "C.UTF-8", "log", "2026-03-14", "breakfast", "usda:01009", "30.5g", NULL);
    run_with (&b, "de", "C.UTF-8", "log", "2026-03-14", "lunch", "usda:11090", "1,5", "cup", "chopped", NULL);
    run_with (&c, "fr", "C.UTF-8", "log", "2026-03-14", "snacks", "usda:09003", "0,75", "cup", NULL);
    g_assert_cmpint (a.status, ==, 0);
    g_assert_cmpint (b.status, ==, 0);
    g_assert_cmpint (c.status, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *lang_path = g_strdup_printf ("/cofactor/cli-i18n/%s/language", languages[i].lang);
      g_autofree char *json_path = g_strdup_printf ("/cofactor/cli-i18n/%s/json", languages[i].lang);

      catalogue = g_build_filename (BUILD_ROOT, "po", languages[i].lang, "LC_MESSAGES",
                                    GETTEXT_PACKAGE ".mo", NULL);
      g_assert_true (g_file_test (catalogue, G_FILE_TEST_EXISTS));
      g_clear_pointer (&catalogue, g_free);

      g_test_add_data_func (lang_path, &languages[i], test_language);
      g_test_add_data_func (json_path, &languages[i], test_json);
    }

  {
    int status = g_test_run ();

    cf_test_remove_tree (profile);
    g_free (profile);
    return status;
  }
}
