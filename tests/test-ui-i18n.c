/* test-ui-i18n.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each translation in a real window, under Xvfb.  The language comes
 * from COFACTOR_TEST_LANGUAGE (one meson test per language of
 * po/LINGUAS): LANGUAGE is set to it and the locale to its country's
 * (de_DE.UTF-8 …) for the number and date formats, and the catalogue
 * compiled into the build tree (<builddir>/po/LL/LC_MESSAGES/cofactor.mo)
 * is bound before GTK starts.
 *
 * The main window with a demo diary is walked view by view: every
 * label, button label, row title and subtitle, status page, window
 * title, tooltip, view stack page title and menu item.  A string that is
 * its own msgid while the catalogue has a different translation for it
 * is English that escaped translation (a missing _() or textdomain) and
 * fails the test, and messages of each view must be shown translated,
 * never in English.  The Foods view must find foods by words of the
 * language (data/foods/curated/names/LL.tsv) and show them by their
 * names in it; dates and numbers must follow the locale; the window must
 * still fit 360 px.  A locale that is not installed fails the formats
 * test with a message saying so (build-aux/setup.sh generates them). */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-demo.h"
#include "cf-diary-view.h"
#include "cf-food-results.h"
#include "cf-foods-view.h"
#include "cf-insights-view.h"
#include "cf-life-stages.h"
#include "cf-nutrient.h"
#include "cf-nutrient-format.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-types.h"
#include "cf-window.h"

typedef struct
{
  const char *word;       /* typed into the search */
  const char *id;         /* the food meant, among the first three */
  const char *name;       /* its name in the language, as shown */
} Search;

typedef struct
{
  const char *lang;       /* as in po/LINGUAS */
  const char *locale;     /* its formats */
  const char *views[3];   /* Diary, Foods, Insights as the switcher shows them */
  const char *vitamin_d;  /* 2.5 µg of vitamin D */
  const char *december;   /* the locale's abbreviated December */
  const char *stage;      /* the reference tables' "females 31-50 y" */
  Search      searches[3];
} Language;

/* The words differ from those of test-food-names.c; one of each
 * language is typed without its accents or in another form */
static const Language languages[] = {
  { "de", "de_DE.UTF-8", { "Tagebuch", "Lebensmittel", "Auswertung" }, "2,5\u00a0µg", "Dez", "weiblich, 31–50 Jahre",
    { { "Apfel", "usda:09003", "Apfel" },
      { "Karotte", "usda:11124", "Karotte" },
      { "Weisskohl", "usda:11109", "Weißkohl" } } },
  { "es", "es_ES.UTF-8", { "Diario", "Alimentos", "Observaciones" }, "2,5\u00a0µg", "dic", "mujeres, 31–50 años",
    { { "manzana", "usda:09003", "Manzana" },
      { "zanahoria", "usda:11124", "Zanahoria cruda" },
      { "brocoli", "usda:11090", "Brócoli crudo" } } },
  { "fr", "fr_FR.UTF-8", { "Journal", "Aliments", "Analyses" }, "2,5\u00a0µg", "déc.", "sexe féminin, 31–50 ans",
    { { "carotte", "usda:11124", "Carotte" },
      { "oeuf dur", "usda:01129", "Œuf dur" },
      { "chou blanc", "usda:11109", "Chou blanc" } } },
  { "it", "it_IT.UTF-8", { "Diario", "Alimenti", "Analisi" }, "2,5\u00a0µg", "dic", "femmine, 31–50 anni",
    { { "mela", "usda:09003", "Mela" },
      { "carota", "usda:11124", "Carota" },
      { "uovo sodo", "usda:01129", "Uovo sodo" } } },
  { "nl", "nl_NL.UTF-8", { "Dagboek", "Voedingsmiddelen", "Inzichten" }, "2,5\u00a0µg", "dec", "vrouwelijk, 31–50 jaar",
    { { "appel", "usda:09003", "Appel" },
      { "wortel", "usda:11124", "Wortel" },
      { "witte kool", "usda:11109", "Witte kool" } } },
  { "pt_BR", "pt_BR.UTF-8", { "Diário", "Alimentos", "Análises" }, "2,5\u00a0µg", "dez", "sexo feminino, 31–50 anos",
    { { "maca", "usda:09003", "Maçã" },
      { "cenoura", "usda:11124", "Cenoura crua" },
      { "repolho", "usda:11109", "Repolho" } } },
};

/* Messages each view shows; all six languages translate them to
 * something other than the English */
static const char *const diary_messages[] = {
  "Diary", "Foods", "Insights", "Main Menu", "_Today", "Previous Day (Alt+Left)",
  "Next Day (Alt+Right)", "Go to Today (Ctrl+T)", "More Day Actions",
  "_Preferences", "_Keyboard Shortcuts", "_About Cofactor",
  NULL
};
/* (Dutch says "Lunch" too) */
static const char *const meal_messages[] = {
  "Breakfast", "Dinner", "Snacks", "Supplements", NULL
};
static const char *const foods_messages[] = {
  "Search all foods", "All sources", "All food groups", "New Food, Recipe or Supplement", NULL
};
static const char *const insights_messages[] = {
  "Findings", "Calcium to Magnesium", "Nutrient to Chart", NULL
};
static const char *const dialog_messages[] = {
  "Add Food", "_Cancel", "_Add", NULL
};

/* The msgctxt values used in the sources, for C_() strings */
static const char *contexts[] = { "meal", "unit", "measure", "shortcut window", "date range" };

static const Language *language;
static gboolean have_locale;
static char *localedir;

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

      /* Some menus are made when first opened: opened, as a person
       * does, they are there */
      if (model == NULL && gtk_widget_get_mapped (widget))
        {
          gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
          gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
          model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
          /* Opened, it has its menu or its own popover */
          g_assert_true (model != NULL || gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL);
        }

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

/* The translation of @text if @text is an English msgid (with or
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

/* Fails on any English message in @strings that has a translation, and
 * unless each of @messages (in @context, or none) is there translated
 * and not in English */
static void
assert_translated (GPtrArray         *strings,
                   const char        *where,
                   const char        *context,
                   const char *const *messages)
{
  guint untranslated = 0;

  g_test_message ("%s: %u strings", where, strings->len);

  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      const char *translated = translation_of (text);

      if (g_test_verbose ())
        g_test_message ("%s: “%s”", where, text);
      if (translated != NULL)
        {
          g_test_message ("%s: “%s” is shown in English; the translation is “%s”", where, text, translated);
          untranslated++;
        }
    }
  g_assert_cmpuint (untranslated, ==, 0);

  for (guint i = 0; messages[i] != NULL; i++)
    {
      const char *translated = context ? g_dpgettext2 (GETTEXT_PACKAGE, context, messages[i])
                                       : g_dgettext (GETTEXT_PACKAGE, messages[i]);

      if (g_strcmp0 (translated, messages[i]) == 0)
        g_error ("%s: “%s” has no translation in %s", where, messages[i], language->lang);
      if (!contains (strings, translated))
        g_error ("%s: “%s” (“%s”) is not shown", where, translated, messages[i]);
      if (contains (strings, messages[i]))
        g_error ("%s: “%s” is shown in English", where, messages[i]);
    }
}

static gboolean
insights_loaded (gpointer data)
{
  CfInsightsView *view = data;

  return !cf_insights_view_is_loading (view) &&
         g_strcmp0 (cf_insights_view_get_state (view), "loading") != 0;
}

static gboolean
results_loaded (gpointer data)
{
  GListModel *model = cf_foods_view_get_results (data);

  return !CF_IS_FOOD_RESULTS (model) || !cf_food_results_get_loading (CF_FOOD_RESULTS (model));
}

static CfWindow *
demo_window (CfContext *context,
             GSettings *settings,
             guint      days)
{
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  GDate today;

  cf_day_set_today (&today);
  cf_demo_fill (context, &today, days, &error);
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  cf_diary_view_set_day (CF_DIARY_VIEW (cf_window_get_diary_view (window)), &today);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  return window;
}

/* The view switcher, header, menu and Diary view; then the Foods and
 * the Insights view, each shown */
static void
test_views (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = demo_window (context, settings, 14);
  GtkWidget *foods = cf_window_get_foods_view (window);
  GtkWidget *insights = cf_window_get_insights_view (window);

  {
    g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

    collect (strings, GTK_WIDGET (window));
    assert_translated (strings, "main window", NULL, diary_messages);
    assert_translated (strings, "main window", "meal", meal_messages);
    for (guint i = 0; i < G_N_ELEMENTS (language->views); i++)
      g_assert_true (contains (strings, language->views[i]));
  }

  {
    g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "foods");
    cf_test_spin_until (results_loaded, foods);
    collect (strings, foods);
    assert_translated (strings, "foods view", NULL, foods_messages);
  }

  {
    g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "insights");
    cf_test_spin ();
    cf_test_spin_until (insights_loaded, insights);
    cf_test_spin ();
    collect (strings, insights);
    assert_translated (strings, "insights view", NULL, insights_messages);

    /* The reference tables' life stages ("males 31-50 y") are shown
     * in the language too */
    {
      g_autoptr(GRegex) english_stage = g_regex_new ("\\b(males|females|adults) [0-9<>=]", 0, 0, NULL);

      for (guint i = 0; i < strings->len; i++)
        if (g_regex_match (english_stage, g_ptr_array_index (strings, i), 0, NULL))
          g_error ("insights view: “%s” names a life stage in English", (char *) g_ptr_array_index (strings, i));
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The add-food dialog: its own header, search and empty states */
static void
test_food_dialog (void)
{
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
  assert_translated (strings, "add-food dialog", NULL, dialog_messages);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Words of the language typed into the Foods view's search find the
 * food meant, shown by its name in the language */
static void
test_search (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfFoodsView *view = CF_FOODS_VIEW (cf_window_get_foods_view (window));

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "foods");
  cf_test_spin_until (results_loaded, view);

  for (guint s = 0; s < G_N_ELEMENTS (language->searches); s++)
    {
      const Search *search = &language->searches[s];
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      GListModel *results;
      CfFood *found = NULL;

      cf_foods_view_search (view, search->word);
      cf_test_spin_until (results_loaded, view);
      cf_test_spin ();

      results = cf_foods_view_get_results (view);
      for (guint i = 0; i < MIN (3, g_list_model_get_n_items (results)) && found == NULL; i++)
        {
          g_autoptr(CfFood) food = g_list_model_get_item (results, i);

          if (g_strcmp0 (cf_food_get_id (food), search->id) == 0)
            found = food;
        }
      if (found == NULL)
        g_error ("“%s” does not find %s among the first three", search->word, search->id);

      /* The row shows the name in the language */
      collect (strings, GTK_WIDGET (view));
      if (!contains (strings, search->name))
        g_error ("“%s” finds %s, but “%s” is not shown", search->word, search->id, search->name);
    }

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

/* The window still fits 360 px, with the demo diary shown */
static void
test_narrow (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window;
  int min = 0;

  window = demo_window (context, settings, 14);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  cf_test_spin ();

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  /* CF_WIDE_LIMIT=N lists what asks for more than N px instead */
  if (min > 360)
    report_wide (GTK_WIDGET (window), g_getenv ("CF_WIDE_LIMIT") ? (int) g_ascii_strtoll (g_getenv ("CF_WIDE_LIMIT"), NULL, 10) : 340);
  g_assert_cmpint (min, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* A label shown with @text */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  return ++(*frames) < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
three_frames (gpointer data)
{
  return *(guint *) data >= 3;
}

/* At 360 px, the diary's date of today, yesterday and a day of each
 * month of this year is shown whole (beside the Today button on other
 * days), not cut short with an ellipsis */
static void
test_narrow_dates (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  CfDiaryView *view;
  GDate today;

  /* Something logged, so that the day is shown rather than the first
   * run's welcome */
  cf_day_set_today (&today);
  cf_demo_fill (context, &today, 1, &error);
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* The window opens on the view shown last (another test's) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "diary");
  cf_test_spin ();

  /* Today and yesterday ("Aujourd’hui, 5 déc."), then a day of each
   * month that is neither (a weekday and a month) */
  for (int i = -2; i < G_DATE_DECEMBER; i++)
    {
      guint month = i + 1;
      guint d = g_date_get_month (&today) == month && ABS ((int) g_date_get_day (&today) - 17) <= 1 ? 24 : 17;
      g_autofree char *text = NULL;
      GtkLabel *label;
      guint frames;
      int natural = 0;
      GDate day = today;

      if (i == -1)
        g_date_subtract_days (&day, 1);
      else if (i >= 0)
        g_date_set_dmy (&day, d, month, g_date_get_year (&today));
      /* The diary's short date */
      text = cf_diary_view_format_day (&day, NULL);

      cf_diary_view_set_day (view, &day);
      cf_test_spin ();
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

      label = find_label (GTK_WIDGET (view), text);
      if (label == NULL)
        g_error ("The date “%s” is not shown", text);
      /* The new text is laid out on the next frames */
      frames = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (label), count_frame, &frames, NULL);
      cf_test_spin_until (three_frames, &frames);
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("“%s”: %d px of %d", text, gtk_widget_get_width (GTK_WIDGET (label)), natural);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("The date “%s” is cut short at 360 px", text);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

static gboolean
has_decimal (GPtrArray *strings,
             char       point)
{
  /* An amount with its unit; citations and the like have other numbers */
  g_autofree char *pattern = g_strdup_printf ("[0-9]\\%c[0-9]+[ \u00a0]?(µg|mg|g|kcal)\\b", point);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);

  for (guint i = 0; i < strings->len; i++)
    {
      if (g_regex_match (regex, g_ptr_array_index (strings, i), 0, NULL))
        {
          g_test_message ("“%s”", (const char *) g_ptr_array_index (strings, i));
          return TRUE;
        }
    }
  return FALSE;
}

/* Numbers and dates in the locale's format: in the core's formatting
 * and in the diary as shown */
static void
test_formats (void)
{
  g_autofree char *amount = NULL;
  g_autofree char *stage = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *year = NULL;
  CfWindow *window;
  gboolean dated = FALSE;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GDate today, day;

  if (!have_locale)
    g_error ("The %s locale is not installed; build-aux/setup.sh generates it (run it as root)",
             language->locale);

  amount = cf_nutrient_format_value (CF_NUTRIENT_VITAMIN_D, 2.5);
  g_assert_cmpstr (amount, ==, language->vitamin_d);
  stage = cf_life_stage_dup_display_name ("females 31-50 y");
  g_assert_cmpstr (stage, ==, language->stage);
  g_assert_cmpstr (cf_format_entry_number (buf, sizeof buf, "%g", 1.5), ==, "1,5");

  /* The diary of a day in December of another year: its date and its
   * amounts */
  context = cf_test_context_new (TRUE);
  settings = g_settings_new ("io.github.cofactor.Cofactor");
  cf_day_set_today (&today);
  g_date_set_dmy (&day, 4, G_DATE_DECEMBER, g_date_get_year (&today) - 1);
  year = g_strdup_printf ("%u", g_date_get_year (&day));
  {
    g_autoptr(GError) error = NULL;

    cf_demo_fill (context, &day, 1, &error);
    g_assert_no_error (error);
  }
  window = cf_window_new_for_context (context, settings);
  cf_diary_view_set_day (CF_DIARY_VIEW (cf_window_get_diary_view (window)), &day);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "diary");
  cf_test_spin ();

  collect (strings, cf_window_get_diary_view (window));
  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);

      if (strstr (text, language->december) != NULL && strstr (text, year) != NULL)
        {
          g_test_message ("the day: “%s”", text);
          dated = TRUE;
        }
      g_assert_null (strstr (text, "Dec "));
    }
  g_assert_true (dated);
  g_assert_true (has_decimal (strings, ','));
  g_assert_false (has_decimal (strings, '.'));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogue = NULL;
  const char *dir = g_getenv ("COFACTOR_LOCALEDIR");
  const char *lang = g_getenv ("COFACTOR_TEST_LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].lang, lang ? lang : "de") == 0)
      language = &languages[i];
  if (language == NULL)
    {
      g_printerr ("No test data for the language “%s”\n", lang);
      return 1;
    }

  /* The language and its locale before anything reads them.  Without
   * the locale, the messages are still tested under C.UTF-8 (LANGUAGE
   * needs a locale other than plain C to be honoured) and the formats
   * test fails. */
  g_setenv ("LANGUAGE", language->lang, TRUE);
  g_setenv ("LC_ALL", language->locale, TRUE);
  have_locale = setlocale (LC_ALL, "") != NULL;
  if (!have_locale)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }

  /* The catalogue the build compiled, not an installed one */
  localedir = g_strdup (dir != NULL ? dir : BUILD_ROOT "/po");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  catalogue = g_build_filename (localedir, language->lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s was not built\n", catalogue);
      return 1;
    }

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run the UI tests under Xvfb (xvfb-run)\n");
      return 77;
    }
  adw_init ();

  /* The app's style sheet, which AdwApplication would load: the widths
   * measured here depend on it */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/cofactor/Cofactor/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/cofactor/i18n/formats", test_formats);
  g_test_add_func ("/cofactor/i18n/views", test_views);
  g_test_add_func ("/cofactor/i18n/food-dialog", test_food_dialog);
  g_test_add_func ("/cofactor/i18n/search", test_search);
  g_test_add_func ("/cofactor/i18n/narrow", test_narrow);
  g_test_add_func ("/cofactor/i18n/narrow-dates", test_narrow_dates);

  return g_test_run ();
}
