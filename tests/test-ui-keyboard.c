/* test-ui-keyboard.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Logging food from the keyboard, under Xvfb, with real key presses
 * (cf_test_press_key()): Ctrl+N, a search, arrows, Enter logs the row
 * arrowed to; the meal chosen with the keyboard; an amount in the
 * food's measures ("2 large"); the day summary's macronutrients. */

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "cf-date.h"
#include "cf-day-summary.h"
#include "cf-diary-view.h"
#include "cf-food-dialog-private.h"
#include "cf-foods-view.h"
#include "cf-supplements.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window.h"

/* With $COFACTOR_TEST_SCREENSHOTS set to a folder, writes @widget there
 * as NAME.png, to look at */
static void
maybe_screenshot (gpointer    widget,
                  const char *name)
{
  const char *dir = g_getenv ("COFACTOR_TEST_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  static GtkCssProvider *css = NULL;

  if (dir == NULL)
    return;

  /* The application's style, which an application loads by itself */
  if (css == NULL)
    {
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (css, "/io/github/cofactor/Cofactor/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  cf_test_spin_for (300);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  cf_test_save_png (widget, path);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
diary_has_n (gpointer data)
{
  CfDiary *diary = g_object_get_data (data, "diary");

  return cf_diary_count_entries (diary) == GPOINTER_TO_UINT (g_object_get_data (data, "n"));
}

static void
wait_for_entries (CfWindow *window,
                  CfDiary  *diary,
                  guint     n)
{
  g_object_set_data (G_OBJECT (window), "diary", diary);
  g_object_set_data (G_OBJECT (window), "n", GUINT_TO_POINTER (n));
  cf_test_spin_until (diary_has_n, window);
}


/* The add-food dialog on screen, if any */
static CfFoodDialog *
find_food_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_FOOD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_FOOD_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_food_dialog (gpointer data)
{
  return find_food_dialog () != NULL;
}

static void
type_text (gpointer    window,
           const char *text)
{
  for (const char *p = text; *p; p++)
    cf_test_press_key (window, gdk_unicode_to_keyval ((guchar) *p), 0);
}

/* The food of the @i-th result row */
static CfFood *
result_food (CfFoodDialog *dialog,
             guint         i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (_cf_food_dialog_get_results (dialog), i);

  return row ? g_object_get_data (G_OBJECT (row), "food") : NULL;
}

static gboolean
has_egg_results (gpointer data)
{
  CfFood *food = result_food (data, 0);

  return food != NULL && strstr (cf_food_get_name (food), "Egg") != NULL &&
         gtk_list_box_get_row_at_index (_cf_food_dialog_get_results (data), 9) != NULL;
}

/* Ctrl+N, "egg whole", Down ×8, Enter: the row arrowed to is chosen,
 * not the first */
static void
test_enter_on_arrowed_row (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfFoodDialog *dialog;
  CfFood *expected;
  g_autofree char *expected_name = NULL;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No X display with XTEST to press keys on");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  cf_test_spin_for (200);

  type_text (dialog, "egg whole");
  cf_test_spin_until (has_egg_results, dialog);
  /* (the query of the whole text lands after those of its beginnings) */
  cf_test_spin_for (500);
  cf_test_spin_until (has_egg_results, dialog);

  for (guint i = 0; i < 8; i++)
    cf_test_press_key (dialog, GDK_KEY_Down, 0);

  /* The eighth row is focused: Down entered the list at its first */
  expected = result_food (dialog, 7);
  g_assert_nonnull (expected);
  expected_name = g_strdup (cf_food_get_display_name (expected));
  g_test_message ("arrowed to: %s (first: %s)", expected_name, cf_food_get_display_name (result_food (dialog, 0)));

  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin ();
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");
  g_assert_cmpstr (_cf_food_dialog_get_food_name (dialog), ==, expected_name);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

static gboolean
has_results (gpointer data)
{
  CfFood *food = result_food (data, 0);

  return food != NULL && g_str_has_prefix (cf_food_get_name (food), "Natto");
}

/* The popover a combo row opens, if shown */
static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The meal from the keyboard: Space and Enter on the Meal row open its
 * list (Enter does not add the entry), arrows and Enter choose */
static void
test_meal_by_keyboard (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfFoodDialog *dialog;
  AdwComboRow *meal_row;
  gpointer weak_dialog;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No X display with XTEST to press keys on");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  dialog = CF_FOOD_DIALOG (cf_diary_view_add_food (view, CF_MEAL_BREAKFAST));
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  cf_test_spin_for (200);
  type_text (dialog, "natto japan");
  cf_test_spin_until (has_results, dialog);
  cf_test_spin_for (200);
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");

  meal_row = _cf_food_dialog_get_meal_row (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (meal_row), ==, CF_MEAL_BREAKFAST);
  /* Tab from the amount, past the measure, to the meal */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         GTK_WIDGET (_cf_food_dialog_get_amount (dialog))));
  cf_test_press_key (dialog, GDK_KEY_Tab, 0);
  cf_test_press_key (dialog, GDK_KEY_Tab, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == GTK_WIDGET (meal_row));
  maybe_screenshot (dialog, "add-dialog-details");

  /* Enter opens the list; the dialog stays, nothing is logged */
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_for (200);
  g_assert_nonnull (weak_dialog);
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 0);
  g_test_message ("popover after Enter: %p", find_popover (GTK_WIDGET (meal_row)));
  g_assert_nonnull (find_popover (GTK_WIDGET (meal_row)));

  /* Down twice, Enter: Dinner */
  cf_test_press_key (dialog, GDK_KEY_Down, 0);
  cf_test_press_key (dialog, GDK_KEY_Down, 0);
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_for (200);
  g_assert_cmpuint (adw_combo_row_get_selected (meal_row), ==, CF_MEAL_DINNER);
  g_assert_null (find_popover (GTK_WIDGET (meal_row)));
  g_assert_nonnull (weak_dialog);

  /* Space opens it too; Up, Space: Lunch */
  gtk_widget_grab_focus (GTK_WIDGET (meal_row));
  cf_test_press_key (dialog, GDK_KEY_space, 0);
  cf_test_spin_for (200);
  g_assert_nonnull (find_popover (GTK_WIDGET (meal_row)));
  cf_test_press_key (dialog, GDK_KEY_Up, 0);
  cf_test_press_key (dialog, GDK_KEY_space, 0);
  cf_test_spin_for (200);
  g_assert_cmpuint (adw_combo_row_get_selected (meal_row), ==, CF_MEAL_LUNCH);

  /* Enter in the amount adds the entry, to Lunch */
  gtk_widget_grab_focus (GTK_WIDGET (_cf_food_dialog_get_amount (dialog)));
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_until (cf_test_is_null, &weak_dialog);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_LUNCH)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The shown button under @widget with the icon @icon_name */
static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_details_page (gpointer data)
{
  return g_strcmp0 (_cf_food_dialog_get_page (data), "details") == 0;
}

/* Ctrl+N works from every view and opens the dialog on the diary's day;
 * the meal chosen at this time of day is where the next dialog starts,
 * from Ctrl+N and from a food page's Log button alike */
static void
test_remembered_meal (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfFoodsView *foods = CF_FOODS_VIEW (cf_window_get_foods_view (window));
  g_autoptr(CfFood) natto = NULL;
  CfFoodDialog *dialog;
  CfMeal first, other;
  gpointer weak_dialog;
  GDate day;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No X display with XTEST to press keys on");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_settings_reset (settings, "meals-by-time-of-day");
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  /* The diary shows yesterday; the Foods view is in front */
  cf_day_set_today (&day);
  g_date_subtract_days (&day, 1);
  cf_diary_view_set_day (view, &day);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "foods"));
  cf_test_spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);

  /* The first time, the meal of the clock; choose another and log */
  first = cf_food_dialog_get_meal (dialog);
  other = first == CF_MEAL_DINNER ? CF_MEAL_BREAKFAST : CF_MEAL_DINNER;
  natto = cf_food_store_get_food (cf_context_get_food_store (context), "k2:natto-kamao-2007", NULL);
  g_assert_nonnull (natto);
  cf_food_dialog_select_food (dialog, natto);
  adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (dialog), other);
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_until (cf_test_is_null, &weak_dialog);

  /* Logged on the diary's day (yesterday), not today */
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, other)), ==, 1);

  /* Ctrl+N again: the meal last used */
  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, other);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin ();

  /* A food page's Log button: the same meal, not always Snacks */
  cf_foods_view_show_food (foods, natto);
  cf_test_spin ();
  gtk_widget_activate (cf_test_find_button (GTK_WIDGET (cf_foods_view_get_detail (foods)), "_Log to Diary…"));
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  cf_test_spin_until (is_details_page, dialog);
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, other);
  g_assert_cmpstr (_cf_food_dialog_get_food_name (dialog), ==, cf_food_get_display_name (natto));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "meals-by-time-of-day");
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Ctrl+N guesses the meal from the time of day; a supplement chosen
 * then goes to the supplements, a food chosen after it back to the
 * guess, and a meal picked by the user stays.  A supplement does not
 * become the meal remembered for the time of day. */
static void
test_supplement_meal (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfFood *supplement = g_ptr_array_index (templates, 0);
  g_autoptr(CfFood) natto = NULL;
  g_autoptr(GVariant) remembered = NULL;
  CfFoodDialog *dialog;
  CfMeal guess, picked;
  gpointer weak_dialog;
  guint before;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No X display with XTEST to press keys on");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_settings_reset (settings, "meals-by-time-of-day");
  g_assert_true (cf_food_store_save_custom_food (store, supplement, NULL));
  natto = cf_food_store_get_food (store, "k2:natto-kamao-2007", NULL);
  g_assert_nonnull (natto);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  guess = cf_food_dialog_get_meal (dialog);
  g_assert_cmpint (guess, !=, CF_MEAL_SUPPLEMENTS);

  cf_food_dialog_select_food (dialog, supplement);
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, CF_MEAL_SUPPLEMENTS);
  g_assert_cmpuint (adw_combo_row_get_selected (_cf_food_dialog_get_meal_row (dialog)), ==, CF_MEAL_SUPPLEMENTS);

  /* Back, and a food instead: the guess again */
  g_signal_emit_by_name (find_icon_button (GTK_WIDGET (dialog), "go-previous-symbolic"), "clicked");
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "search");
  cf_food_dialog_select_food (dialog, natto);
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, guess);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin ();

  /* The supplement logged with Enter goes to the supplements */
  before = g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_SUPPLEMENTS));
  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  cf_food_dialog_select_food (dialog, supplement);
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_until (cf_test_is_null, &weak_dialog);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_SUPPLEMENTS)), ==, before + 1);
  remembered = g_settings_get_value (settings, "meals-by-time-of-day");
  g_assert_cmpuint (g_variant_n_children (remembered), ==, 0);

  /* A meal the user picks stays, also for a supplement: one other than
   * the guess, or the choice would change nothing */
  picked = guess == CF_MEAL_BREAKFAST ? CF_MEAL_DINNER : CF_MEAL_BREAKFAST;
  cf_test_press_key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  cf_test_spin_until (has_food_dialog, NULL);
  dialog = find_food_dialog ();
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, guess);
  adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (dialog), picked);
  cf_food_dialog_select_food (dialog, supplement);
  g_assert_cmpint (cf_food_dialog_get_meal (dialog), ==, picked);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "meals-by-time-of-day");
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Whether a label under @widget shows @text */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The button labelled @label of the toast that says @title (an older
 * toast may still be in the overlay, hiding) */
static GtkWidget *
find_toast_button (GtkWidget  *window,
                   const char *title,
                   const char *label)
{
  GtkWidget *title_label = cf_test_find_mapped_label (window, title);

  for (GtkWidget *w = title_label; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *button = cf_test_find_button (w, label);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* The day summary shows protein, fat, carbohydrate and fibre without a
 * target, summed from the entries' stored values; a day where part of
 * the food has no value says so; each meal's header shows its energy */
static void
test_day_macros (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDaySummary *summary = CF_DAY_SUMMARY (cf_diary_view_get_summary (view));
  CfFoodStore *store = cf_context_get_food_store (context);
  static const struct { const char *id; CfMeal meal; double grams; } logged[] = {
    { "usda:01009", CF_MEAL_LUNCH, 30 },      /* cheddar */
    { "usda:01123", CF_MEAL_BREAKFAST, 100 }, /* egg */
    { "usda:09040", CF_MEAL_BREAKFAST, 118 }, /* banana */
  };
  double expected[CF_DAY_N_MACROS] = { 0, };
  double kcal_breakfast = 0;
  g_autofree char *kcal_text = NULL;
  GDate today;

  cf_day_set_today (&today);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  /* Nothing logged: a dash, never a zero */
  for (guint m = 0; m < CF_DAY_N_MACROS; m++)
    {
      g_assert_true (isnan (cf_day_summary_get_macro_value (summary, m)));
      g_assert_cmpstr (cf_day_summary_get_macro_text (summary, m), ==, "—");
    }

  for (guint i = 0; i < G_N_ELEMENTS (logged); i++)
    {
      g_autoptr(CfFood) food = cf_food_store_get_food (store, logged[i].id, NULL);
      g_autoptr(CfDiaryEntry) entry = NULL;

      g_assert_nonnull (food);
      entry = cf_diary_entry_new (&today, logged[i].meal, food, logged[i].grams, NULL, 0);
      g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, NULL));
      for (guint m = 0; m < CF_DAY_N_MACROS; m++)
        {
          double v = cf_diary_entry_get_nutrient (entry, cf_day_summary_get_macro_nutrient (m));

          g_assert_false (isnan (v));
          expected[m] += v;
        }
      if (logged[i].meal == CF_MEAL_BREAKFAST)
        kcal_breakfast += cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_ENERGY);
    }
  cf_test_spin ();

  g_assert_cmpint (cf_day_summary_get_macro_nutrient (0), ==, CF_NUTRIENT_PROTEIN);
  g_assert_cmpint (cf_day_summary_get_macro_nutrient (3), ==, CF_NUTRIENT_FIBER);
  for (guint m = 0; m < CF_DAY_N_MACROS; m++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpfloat_with_epsilon (cf_day_summary_get_macro_value (summary, m), expected[m], 1e-9);
      text = g_strdup_printf (expected[m] < 9.95 ? "%.1f g" : "%.0f g", expected[m]);
      g_test_message ("%s: %s", cf_nutrient_get_name (cf_day_summary_get_macro_nutrient (m)),
                      cf_day_summary_get_macro_text (summary, m));
      g_assert_cmpstr (cf_day_summary_get_macro_text (summary, m), ==, text);
      g_assert_true (shows_label (GTK_WIDGET (summary), text));
    }

  maybe_screenshot (window, "diary-macros");

  /* The breakfast header: its energy */
  kcal_text = cf_nutrient_format_value (CF_NUTRIENT_ENERGY, kcal_breakfast);
  g_assert_true (shows_label (GTK_WIDGET (view), kcal_text));

  /* A food without fibre data makes fibre partial, not lower */
  {
    g_autoptr(CfFood) natto = cf_food_store_get_food (store, "k2:natto-kamao-2007", NULL);
    g_autoptr(CfDiaryEntry) entry = NULL;

    g_assert_nonnull (natto);
    g_assert_true (isnan (cf_nutrients_get (cf_food_get_nutrients (natto), CF_NUTRIENT_FIBER)));
    entry = cf_diary_entry_new (&today, CF_MEAL_DINNER, natto, 50, NULL, 0);
    g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, NULL));
    cf_test_spin ();
    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_macro_value (summary, 3), expected[3], 1e-9);
    g_assert_nonnull (strstr (cf_day_summary_get_macro_text (summary, 3), "% of the food"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

static gboolean
no_changed_toast (gpointer data)
{
  return cf_test_find_mapped_label (data, "Changed “Cheese, cheddar”") == NULL;
}

/* An edit undone with Ctrl+Z; a copy undone with the toast's button:
 * entries come back as they were (same id, amount, meal) */
static void
test_undo_edit_and_copy (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) back = NULL;
  g_autoptr(GDateTime) dt = NULL;
  CfFoodDialog *dialog;
  AdwMessageDialog *message;
  GtkWidget *undo;
  gpointer weak_dialog;
  GDate today, yesterday;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No X display with XTEST to press keys on");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  cf_day_set_today (&today);
  yesterday = today;
  g_date_subtract_days (&yesterday, 1);
  entry = cf_diary_entry_new (&today, CF_MEAL_LUNCH, cheddar, 30, NULL, 0);
  g_assert_true (cf_diary_add (diary, entry, NULL));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  /* Edit: 100 g at dinner, Enter */
  dialog = CF_FOOD_DIALOG (cf_diary_view_edit_entry (view, entry));
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  gtk_editable_set_text (_cf_food_dialog_get_amount (dialog), "100");
  adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (dialog), CF_MEAL_DINNER);
  gtk_widget_grab_focus (GTK_WIDGET (_cf_food_dialog_get_amount (dialog)));
  cf_test_press_key (dialog, GDK_KEY_Return, 0);
  cf_test_spin_until (cf_test_is_null, &weak_dialog);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_DINNER)), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (window), "Changed “Cheese, cheddar”"));
  maybe_screenshot (window, "undo-toast");

  /* Ctrl+Z: back to 30 g at lunch, same id */
  cf_test_spin_for (700);
  cf_test_press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  cf_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_LUNCH)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_DINNER)), ==, 0);
  back = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), NULL);
  g_assert_nonnull (back);
  g_assert_cmpfloat (cf_diary_entry_get_grams (back), ==, 30);
  g_assert_cmpint (cf_diary_entry_get_meal (back), ==, CF_MEAL_LUNCH);

  /* Copy today to yesterday, through the dialog and its Copy button,
   * once the edit's toast has gone (a change while it is shown takes
   * its place in it) */
  cf_test_spin_until (no_changed_toast, window);
  cf_diary_view_set_day (view, &yesterday);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diary.copy-from", NULL));
  cf_test_spin_until (has_message_dialog, NULL);
  message = find_message_dialog ();
  dt = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today), g_date_get_day (&today), 12, 0, 0);
  gtk_calendar_select_day (g_object_get_data (G_OBJECT (message), "calendar"), dt);
  gtk_widget_activate (cf_test_find_button (GTK_WIDGET (message), "C_opy"));
  wait_for_entries (window, diary, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_LUNCH)), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (window), "Copied 1 entry"));

  /* The toast's Undo button takes the copy out */
  cf_test_spin_for (700);
  undo = find_toast_button (GTK_WIDGET (window), "Copied 1 entry", "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_is_sensitive (undo));
  gtk_widget_activate (undo);
  wait_for_entries (window, diary, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cf_diary_view_get_meal_model (view, CF_MEAL_LUNCH)), ==, 0);
  g_clear_object (&back);
  back = cf_diary_get_entry (diary, cf_diary_entry_get_id (entry), NULL);
  g_assert_nonnull (back);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Two removals in quick succession: the second toast replaces the
 * first, and its Undo brings back the second entry only */
static void
test_undo_two_removals (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDiary *diary = cf_context_get_diary (context);
  g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
  g_autoptr(CfFood) banana = cf_food_store_get_food (cf_context_get_food_store (context), "usda:09040", NULL);
  g_autoptr(CfDiaryEntry) a = NULL;
  g_autoptr(CfDiaryEntry) b = NULL;
  g_autoptr(CfDiaryEntry) back = NULL;
  GtkWidget *undo;
  GDate today;

  cf_day_set_today (&today);
  a = cf_diary_entry_new (&today, CF_MEAL_LUNCH, cheddar, 30, NULL, 0);
  b = cf_diary_entry_new (&today, CF_MEAL_LUNCH, banana, 40, NULL, 0);
  g_assert_true (cf_diary_add (diary, a, NULL));
  g_assert_true (cf_diary_add (diary, b, NULL));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diary.remove-entry", "s", cf_diary_entry_get_id (a)));
  cf_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diary.remove-entry", "s", cf_diary_entry_get_id (b)));
  cf_test_spin_for (700);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 0);

  undo = find_toast_button (GTK_WIDGET (window), "Removed “Bananas, raw”", "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  wait_for_entries (window, diary, 1);
  back = cf_diary_get_entry (diary, cf_diary_entry_get_id (b), NULL);
  g_assert_nonnull (back);
  g_assert_cmpfloat (cf_diary_entry_get_grams (back), ==, 40);

  cf_test_spin_for (700);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The shown shortcuts window, if any */
static GtkWindow *
find_shortcuts_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* A menu item that says @data (GtkModelButton is not public: by its
 * type name and its text) */
static gboolean
is_menu_item (gpointer      widget,
              gconstpointer data)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &text, NULL);

  return g_strcmp0 (text, data) == 0;
}

/* F10 opens the main menu, whose Keyboard Shortcuts shows the shortcuts
 * window over the main window.  That window is made when first asked
 * for; closed, it hides, and comes back as it was; it goes with the
 * main window. */
static void
test_shortcuts_window (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  GtkWindow *shortcuts = NULL;
  GtkWidget *popover, *item;

  if (!cf_test_can_press_keys ())
    {
      g_test_skip ("No XTEST extension to press keys with");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  g_assert_null (find_shortcuts_window ());

  cf_test_press_key (window, GDK_KEY_F10, 0);
  popover = find_popover (GTK_WIDGET (window));
  g_assert_nonnull (popover);
  item = cf_test_find_widget (popover, is_menu_item, "Keyboard Shortcuts");
  g_assert_nonnull (item);
  gtk_widget_activate (item);
  cf_test_spin_for (100);

  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_nonnull (cf_test_find_mapped_label (GTK_WIDGET (shortcuts), "Show Shortcuts"));
  g_assert_nonnull (cf_test_find_mapped_label (GTK_WIDGET (shortcuts), "Preferences"));
  maybe_screenshot (shortcuts, "shortcuts-window");
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);

  gtk_window_close (shortcuts);
  cf_test_spin ();
  g_assert_null (find_shortcuts_window ());
  g_assert_nonnull (shortcuts);

  /* The same window again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  cf_test_spin ();
  g_assert_true (find_shortcuts_window () == shortcuts);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
  g_assert_null (shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's MIME and
   * icon data; the diary itself is in a temporary folder */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the UI tests under Xvfb (xvfb-run)");
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/cofactor/ui/keyboard/enter-on-arrowed-row", test_enter_on_arrowed_row);
  g_test_add_func ("/cofactor/ui/keyboard/meal", test_meal_by_keyboard);
  g_test_add_func ("/cofactor/ui/keyboard/remembered-meal", test_remembered_meal);
  g_test_add_func ("/cofactor/ui/keyboard/supplement-meal", test_supplement_meal);
  g_test_add_func ("/cofactor/ui/day-macros", test_day_macros);
  g_test_add_func ("/cofactor/ui/undo-edit-and-copy", test_undo_edit_and_copy);
  g_test_add_func ("/cofactor/ui/undo-two-removals", test_undo_two_removals);
  g_test_add_func ("/cofactor/ui/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
