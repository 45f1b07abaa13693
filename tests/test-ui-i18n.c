/* test-ui-i18n.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The German translation in a real window, under Xvfb: the catalogue
 * compiled into the build tree (<builddir>/po/de/LC_MESSAGES/cofactor.mo)
 * is bound before GTK starts, with LANGUAGE=de and LANG=C.UTF-8 (LANGUAGE
 * is ignored under the plain C locale). The main window with a demo diary
 * is walked: every label, button label, row title and subtitle, status
 * page, window title, tooltip, view stack page title and menu item must be
 * German where a translation exists. A string that is its own msgid while
 * the catalogue has a different translation for it is English that
 * escaped translation (a missing _() or textdomain) and fails the test.
 * Also checks a few core strings and, where the de_DE.UTF-8 locale is
 * installed, that numbers get a decimal comma. */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-demo.h"
#include "cf-diary-view.h"
#include "cf-nutrient.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-types.h"
#include "cf-window.h"

/* The msgctxt values used in the sources, for C_() strings */
static const char *contexts[] = { "meal", "unit", "measure", "shortcut window", "date range" };

static char *localedir;

/* Not walked: the Foods view lists the USDA food groups, which are data
 * in English (one of them is “Snacks”, which is also a meal's msgid) */
static GtkWidget *skipped;

static void
add (GPtrArray  *strings,
     const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (strings, g_strdup (text));
}

static void
collect_menu (GPtrArray  *strings,
              GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add (strings, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          collect_menu (strings, link);
          g_object_unref (link);
        }
    }
}

/* Every user-visible text in and under @widget */
static void
collect (GPtrArray *strings,
         GtkWidget *widget)
{
  const char *tooltip;

  if (widget == skipped)
    return;

  tooltip = gtk_widget_get_tooltip_text (widget);
  add (strings, tooltip);

  if (GTK_IS_LABEL (widget))
    add (strings, gtk_label_get_label (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget))
    add (strings, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_TEXT (widget))
    add (strings, gtk_text_get_placeholder_text (GTK_TEXT (widget)));

  if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      add (strings, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      if (model != NULL)
        collect_menu (strings, model);
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    add (strings, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add (strings, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_EXPANDER_ROW (widget))
    add (strings, adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add (strings, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add (strings, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      add (strings, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add (strings, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      add (strings, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      add (strings, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

          add (strings, adw_view_stack_page_get_title (page));
        }
    }
  if (GTK_IS_WINDOW (widget))
    add (strings, gtk_window_get_title (GTK_WINDOW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (strings, child);
}

static gboolean
contains (GPtrArray  *strings,
          const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* The German translation of @text if @text is an English msgid (with or
 * without one of the contexts) whose translation differs from it */
static const char *
translation_of (const char *text)
{
  const char *t = g_dgettext (GETTEXT_PACKAGE, text);

  if (t != text && g_strcmp0 (t, text) != 0)
    return t;
  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      t = g_dpgettext2 (GETTEXT_PACKAGE, contexts[i], text);
      if (t != text && g_strcmp0 (t, text) != 0)
        return t;
    }
  return NULL;
}

static void
assert_german (GPtrArray         *strings,
               const char        *where,
               const char *const *expected,
               const char *const *english)
{
  guint untranslated = 0;

  g_test_message ("%s: %u strings", where, strings->len);

  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      const char *german = translation_of (text);

      if (g_test_verbose ())
        g_test_message ("%s: “%s”", where, text);
      if (german != NULL)
        {
          g_test_message ("%s: “%s” is shown in English; the translation is “%s”", where, text, german);
          untranslated++;
        }
    }
  g_assert_cmpuint (untranslated, ==, 0);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (!contains (strings, expected[i]))
        g_test_message ("%s: “%s” is missing", where, expected[i]);
      g_assert_true (contains (strings, expected[i]));
    }

  for (guint i = 0; english[i] != NULL; i++)
    {
      if (contains (strings, english[i]))
        g_test_message ("%s: “%s” is shown in English", where, english[i]);
      g_assert_false (contains (strings, english[i]));
    }
}

static void
test_window (void)
{
  static const char *const expected[] = {
    /* view stack pages and switcher */
    "Tagebuch", "Lebensmittel", "Auswertung",
    /* meals */
    "Frühstück", "Mittagessen", "Abendessen", "Zwischenmahlzeiten", "Nahrungsergänzungsmittel",
    /* header bar and main menu */
    "Hauptmenü", "_Einstellungen", "_Tastenkürzel", "_Info zu Cofactor",
    /* the diary's own header */
    "_Heute", "Vorheriger Tag (Alt+Links)", "Nächster Tag (Alt+Rechts)", "Zu heute springen (Strg+T)",
    "Weitere Aktionen für den Tag", "_Lebensmittel hinzufügen",
    NULL
  };
  static const char *const english[] = {
    "Diary", "Foods", "Insights", "Breakfast", "Lunch", "Dinner", "Snacks", "Supplements",
    "Main Menu", "_Preferences", "_Today", "Today", "Nothing logged", "No supplements logged",
    "Add Food", "_Add Food", "More Day Actions", "Day summary",
    NULL
  };
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  CfDiaryView *view;
  GDate today;

  cf_day_set_today (&today);
  cf_demo_fill (context, &today, 3, &error);
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  cf_diary_view_set_day (view, &today);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  skipped = cf_window_get_foods_view (window);
  collect (strings, GTK_WIDGET (window));
  skipped = NULL;
  assert_german (strings, "main window", expected, english);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The add-food dialog: its own header, search and empty states */
static void
test_food_dialog (void)
{
  static const char *const expected[] = {
    "Lebensmittel hinzufügen", "_Abbrechen", "_Hinzufügen", NULL
  };
  static const char *const english[] = {
    "Add Food", "_Cancel", "_Add", "Find a Food", "Search foods", NULL
  };
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  dialog = cf_diary_view_add_food (view, CF_MEAL_BREAKFAST);
  cf_test_spin ();

  collect (strings, GTK_WIDGET (dialog));
  assert_german (strings, "add-food dialog", expected, english);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Logs the deepest widgets that ask for more than @limit px */
static gboolean
report_wide (GtkWidget *widget,
             int        limit)
{
  gboolean child_wide = FALSE;
  int min = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    child_wide |= report_wide (child, limit);

  if (!gtk_widget_get_visible (widget))
    return child_wide;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > limit && (!child_wide || g_getenv ("CF_WIDE_ALL")))
    {
      const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "";

      g_test_message ("%s “%s” needs %d px", G_OBJECT_TYPE_NAME (widget), text, min);
    }
  return child_wide || min > limit;
}

/* The German window still fits 360 px, with the demo diary shown */
static void
test_narrow (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  int min = 0;
  GDate today;

  cf_day_set_today (&today);
  cf_demo_fill (context, &today, 14, &error);
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  cf_diary_view_set_day (CF_DIARY_VIEW (cf_window_get_diary_view (window)), &today);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 360)
    report_wide (GTK_WIDGET (window), 340);
  g_assert_cmpint (min, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Strings from the core library and the number formats */
static void
test_core (void)
{
  g_autofree char *amount = NULL;

  g_assert_cmpstr (cf_nutrient_get_name (CF_NUTRIENT_MAGNESIUM), ==, "Magnesium");
  g_assert_cmpstr (cf_nutrient_get_name (CF_NUTRIENT_POTASSIUM), ==, "Kalium");
  g_assert_cmpstr (cf_nutrient_get_name (CF_NUTRIENT_FIBER), ==, "Ballaststoffe");
  g_assert_cmpstr (cf_nutrient_get_name (CF_NUTRIENT_VITAMIN_K1), ==, "Vitamin K1 (Phyllochinon)");
  g_assert_cmpstr (cf_meal_get_name (CF_MEAL_SUPPLEMENTS), ==, "Nahrungsergänzungsmittel");

  /* The German amount format puts a no-break space before the unit */
  amount = cf_nutrient_format_value (CF_NUTRIENT_VITAMIN_D, 2.5);
  g_assert_cmpstr (amount, ==, "2.5\u00a0µg");
}

/* "de_DE.UTF-8" and locale -a's "de_DE.utf8" name the same locale */
static char *
normalize_locale (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

static gboolean
have_locale (const char *name)
{
  g_autofree char *out = NULL;
  g_autofree char *wanted = normalize_locale (name);
  g_auto(GStrv) lines = NULL;

  if (!g_spawn_command_line_sync ("locale -a", &out, NULL, NULL, NULL) || out == NULL)
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = normalize_locale (g_strstrip (lines[i]));

      if (g_str_equal (line, wanted))
        return TRUE;
    }
  return FALSE;
}

static void
test_decimal_comma (void)
{
  g_autofree char *saved = NULL;
  g_autofree char *amount = NULL;

  if (!have_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (see locale -a)");
      return;
    }

  saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_assert_nonnull (setlocale (LC_NUMERIC, "de_DE.UTF-8"));
  amount = cf_nutrient_format_value (CF_NUTRIENT_VITAMIN_D, 2.5);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpstr (amount, ==, "2,5\u00a0µg");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogue = NULL;
  const char *dir = g_getenv ("COFACTOR_LOCALEDIR");

  /* German before anything reads the locale; LANGUAGE needs a locale
   * other than plain C to be honoured */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  if (g_strcmp0 (g_getenv ("LC_ALL"), "C") == 0)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  /* The catalogue the build compiled, not an installed one */
  localedir = g_strdup (dir != NULL ? dir : BUILD_ROOT "/po");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  catalogue = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_print ("1..0 # SKIP %s was not built\n", catalogue);
      return 77;
    }

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run the UI tests under Xvfb (xvfb-run)\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/cofactor/i18n/core", test_core);
  g_test_add_func ("/cofactor/i18n/decimal-comma", test_decimal_comma);
  g_test_add_func ("/cofactor/i18n/window", test_window);
  g_test_add_func ("/cofactor/i18n/food-dialog", test_food_dialog);
  g_test_add_func ("/cofactor/i18n/narrow", test_narrow);

  return g_test_run ();
}
