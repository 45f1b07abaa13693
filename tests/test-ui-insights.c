/* test-ui-insights.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The insights view under Xvfb on the demo profile: its findings are
 * the engine's, its chart shows the diary's day totals against the
 * targets the profile gives, range and profile changes reload it,
 * charts export as PNG and SVG, an empty diary explains itself, the
 * view fits 360 px, and nothing leaks.  No number is hard-coded: each
 * is checked against the core computing it. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "cf-date.h"
#include "cf-demo.h"
#include "cf-insight-card.h"
#include "cf-insight-engine.h"
#include "cf-insights-view-private.h"
#include "cf-knowledge.h"
#include "cf-knowledge-page-view.h"
#include "cf-supplement-dialog.h"
#include "cf-supplements.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window.h"

#define DEMO_DAYS 14

static gboolean
is_loaded (gpointer data)
{
  CfInsightsView *view = data;

  return !cf_insights_view_is_loading (view) && g_strcmp0 (cf_insights_view_get_state (view), "loading") != 0;
}

typedef struct
{
  CfInsightsView *view;
  guint           n_points;
} PointsWait;

static gboolean
has_points (gpointer data)
{
  PointsWait *wait = data;

  return is_loaded (wait->view) &&
         cf_chart_get_n_points (_cf_insights_view_get_chart (wait->view, "intake")) == wait->n_points;
}

static void
wait_for_points (CfInsightsView *view,
                 guint           n_points)
{
  PointsWait wait = { view, n_points };

  cf_test_spin_until (has_points, &wait);
}

static gboolean
has_state (gpointer data)
{
  CfInsightsView *view = g_object_get_data (data, "view");

  return is_loaded (view) && g_strcmp0 (cf_insights_view_get_state (view), g_object_get_data (data, "state")) == 0;
}

static void
reset_settings (GSettings *settings)
{
  static const char *keys[] = {
    "insights-range", "profile-sex", "profile-birth-date", "profile-condition",
    "reference-set", "target-overrides", "k2-goal", "vitamin-d-unit", "last-view",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static CfProfile *
profile_from (GSettings *settings)
{
  CfProfile *profile = cf_profile_new ();

  cf_profile_load_settings (profile, settings);

  return profile;
}

/* The findings shown are the engine's for the same range and profile,
 * in the same order, each as a card */
static void
check_findings (CfInsightsView *view,
                CfContext      *context,
                GSettings      *settings)
{
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(CfProfile) profile = profile_from (settings);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *shown = cf_insights_view_get_insights (view);
  GtkWidget *cards = _cf_insights_view_get_cards_box (view);
  GtkWidget *card;
  GDate first, last;
  guint i = 0;

  cf_insights_view_get_range (view, &first, &last);
  cf_insight_engine_set_profile (engine, profile);
  expected = cf_insight_engine_run (engine, &first, &last, &error);
  g_assert_no_error (error);

  g_assert_nonnull (shown);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (shown->len, ==, expected->len);

  for (card = gtk_widget_get_first_child (cards); card != NULL; card = gtk_widget_get_next_sibling (card), i++)
    {
      CfInsight *want = g_ptr_array_index (expected, i);
      CfInsight *got = cf_insight_card_get_insight (CF_INSIGHT_CARD (card));

      g_assert_cmpuint (i, <, expected->len);
      g_assert_cmpstr (cf_insight_get_id (got), ==, cf_insight_get_id (want));
      g_assert_cmpstr (cf_insight_get_title (got), ==, cf_insight_get_title (want));
      g_assert_cmpstr (cf_insight_get_summary (got), ==, cf_insight_get_summary (want));
      g_assert_cmpint (cf_insight_get_severity (got), ==, cf_insight_get_severity (want));

      /* Each card opens its explanation */
      g_assert_true (gtk_widget_get_visible (cf_insight_card_get_read_more_button (CF_INSIGHT_CARD (card))));
    }
  g_assert_cmpuint (i, ==, expected->len);
}

/* The bars are the day totals: the engine's per-day aggregate and the
 * diary's day totals, for each day of the range; days without food are
 * gaps */
static void
check_bars (CfInsightsView *view,
            CfContext      *context,
            CfIntake        intake_id,
            CfNutrient      nutrient,
            double          factor)
{
  g_autoptr(CfInsightEngine) engine = cf_insight_engine_new (context);
  g_autoptr(GArray) intake = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  CfBarLayer *bars = _cf_insights_view_get_bar_layer (view);
  CfLineLayer *average = _cf_insights_view_get_average_layer (view);
  GDate first, last;
  guint n_days, with_bar = 0;

  cf_insights_view_get_range (view, &first, &last);
  n_days = g_date_days_between (&first, &last) + 1;

  intake = cf_insight_engine_query_intake (engine, &first, &last, &error);
  g_assert_no_error (error);
  totals = cf_diary_get_daily_totals (cf_context_get_diary (context), &first, &last, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (cf_bar_layer_get_n_values (bars), ==, n_days);
  g_assert_cmpuint (cf_line_layer_get_n_values (average), ==, n_days);

  for (guint i = 0; i < n_days; i++)
    {
      double expected = NAN, from_diary = NAN;
      GDate day = first;

      g_date_add_days (&day, i);
      for (guint k = 0; k < intake->len; k++)
        {
          const CfDayIntake *d = &g_array_index (intake, CfDayIntake, k);

          if (g_date_compare (&d->day, &day) == 0 && d->n_food_entries > 0)
            expected = d->sum[intake_id] * factor;
        }
      for (guint k = 0; k < totals->len; k++)
        {
          const CfDayTotals *d = &g_array_index (totals, CfDayTotals, k);

          if (g_date_compare (&d->day, &day) == 0)
            from_diary = cf_nutrient_totals_get (&d->totals, nutrient) * factor;
        }

      if (isnan (expected))
        g_assert_true (isnan (cf_bar_layer_get_value (bars, i)));
      else
        {
          g_assert_cmpfloat_with_epsilon (cf_bar_layer_get_value (bars, i), expected, 1e-6 * MAX (1, expected));
          g_assert_cmpfloat_with_epsilon (cf_bar_layer_get_value (bars, i), from_diary, 1e-6 * MAX (1, expected));
          with_bar++;
        }
    }

  g_assert_cmpuint (with_bar, ==, MIN (DEMO_DAYS, n_days));
}

static void
check_magnesium_bars (CfInsightsView *view,
                      CfContext      *context)
{
  g_assert_cmpint (cf_insights_view_get_nutrient (view), ==, CF_TARGET_MAGNESIUM);
  check_bars (view, context, CF_INTAKE_MAGNESIUM, CF_NUTRIENT_MAGNESIUM, 1);
}

/* The target line is what CfTargets gives for the settings' profile */
static void
check_target (CfInsightsView *view,
              GSettings      *settings,
              CfTargetId      id)
{
  g_autoptr(CfProfile) profile = profile_from (settings);
  g_autoptr(CfTargets) targets = NULL;
  const CfTarget *target;
  GDate last;

  cf_insights_view_get_range (view, NULL, &last);
  targets = cf_targets_new (profile, &last);
  target = cf_targets_get (targets, id);
  g_assert_true (cf_target_has_value (target));
  g_assert_false (isnan (target->value));
  g_assert_cmpfloat_with_epsilon (cf_rule_layer_get_value (_cf_insights_view_get_target_layer (view)),
                                  target->value, 1e-9);
}

static void
check_export (CfInsightsView *view,
              const char     *dir,
              const char     *chart)
{
  g_autofree char *png_path = g_strdup_printf ("%s/%s.png", dir, chart);
  g_autofree char *svg_path = g_strdup_printf ("%s/%s.svg", dir, chart);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  g_assert_true (cf_insights_view_export_chart (view, chart, png, CF_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, sizeof png_signature, png_signature, sizeof png_signature);
  g_clear_pointer (&contents, g_free);

  g_assert_true (cf_insights_view_export_chart (view, chart, svg, CF_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
}

static void
test_demo (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *hover = NULL;
  CfWindow *window;
  CfInsightsView *view;
  CfChart *chart;
  GtkWindow *page_window;
  GPtrArray *insights;
  gpointer weak_window, weak_view, weak_page;
  double nasem_female;
  int min = 0, nat = 0;
  GDate today, first, last;

  reset_settings (settings);
  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (context, &today, DEMO_DAYS, &error));
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  view = CF_INSIGHTS_VIEW (cf_window_get_insights_view (window));
  g_assert_nonnull (view);
  weak_window = window;
  weak_view = view;
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  g_object_add_weak_pointer (G_OBJECT (view), &weak_view);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "insights"));
  cf_test_spin_until (is_loaded, view);
  g_assert_cmpstr (cf_insights_view_get_state (view), ==, "content");

  /* The default range: 30 days ending today */
  cf_insights_view_get_range (view, &first, &last);
  g_assert_cmpint (g_date_compare (&last, &today), ==, 0);
  g_assert_cmpint (g_date_days_between (&first, &last) + 1, ==, g_settings_get_int (settings, "insights-range"));

  check_findings (view, context, settings);
  check_magnesium_bars (view, context);
  check_target (view, settings, CF_TARGET_MAGNESIUM);

  /* Text alternatives */
  chart = _cf_insights_view_get_chart (view, "intake");
  g_assert_cmpstr (cf_chart_get_summary_label (chart), !=, "");
  g_assert_nonnull (cf_chart_get_summary_description (chart));
  g_assert_cmpuint (strlen (cf_chart_get_summary_description (chart)), >, 20);
  g_assert_cmpuint (strlen (cf_chart_get_summary_description (_cf_insights_view_get_chart (view, "ratio"))), >, 10);
  g_assert_cmpuint (strlen (cf_chart_get_summary_description (_cf_insights_view_get_chart (view, "foods"))), >, 10);

  /* Hovering today shows its value */
  cf_chart_set_hover (chart, cf_chart_get_n_points (chart) - 1);
  hover = cf_chart_dup_hover_text (chart);
  g_assert_nonnull (hover);
  {
    g_autofree char *amount = cf_insight_format_amount (CF_INTAKE_MAGNESIUM,
                                                        cf_bar_layer_get_value (_cf_insights_view_get_bar_layer (view),
                                                                                cf_chart_get_n_points (chart) - 1));

    g_assert_nonnull (strstr (hover, amount));
  }
  cf_chart_set_hover (chart, -1);

  /* Top foods: the largest first, at most eight */
  {
    CfHbarLayer *foods = _cf_insights_view_get_foods_layer (view);
    guint n = cf_hbar_layer_get_n_rows (foods);

    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <=, CF_SERIES_TOP_FOODS);
    for (guint i = 1; i < n; i++)
      g_assert_cmpfloat (cf_hbar_layer_get_value (foods, i - 1), >=, cf_hbar_layer_get_value (foods, i));
  }

  /* Exports */
  check_export (view, dir, "intake");
  check_export (view, dir, "ratio");
  check_export (view, dir, "foods");

  /* Another nutrient: the charts follow, no reload needed */
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_CALCIUM));
  cf_test_spin ();
  check_target (view, settings, CF_TARGET_CALCIUM);
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_MAGNESIUM));
  cf_test_spin ();

  /* A range setting changes the series: 7 days, then a year by week */
  g_settings_set_int (settings, "insights-range", 7);
  wait_for_points (view, 7);
  g_assert_cmpuint (gtk_drop_down_get_selected (_cf_insights_view_get_range_dropdown (view)), ==, 0);
  check_findings (view, context, settings);
  check_magnesium_bars (view, context);

  g_settings_set_int (settings, "insights-range", 365);
  cf_insights_view_get_range (view, &first, &last);
  wait_for_points (view, cf_bucket_count (CF_BUCKET_WEEK, &first, &last));
  g_assert_cmpint (cf_series_get_bucket (cf_insights_view_get_series (view)), ==, CF_BUCKET_WEEK);
  g_assert_cmpuint (cf_chart_get_n_points (chart), <=, 53);

  g_settings_set_int (settings, "insights-range", 30);
  wait_for_points (view, 30);

  /* A custom range that ends before it starts is refused next to it */
  {
    GDate a = today, b = today;

    g_date_subtract_days (&b, 3);
    g_assert_false (cf_insights_view_set_custom_range (view, &a, &b, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_cf_insights_view_get_custom_error (view))));
    g_assert_cmpstr (gtk_label_get_label (_cf_insights_view_get_custom_error (view)), !=, "");

    /* A valid one is shown: 10 days ending 2 days ago */
    a = today;
    g_date_subtract_days (&a, 11);
    b = today;
    g_date_subtract_days (&b, 2);
    g_assert_true (cf_insights_view_set_custom_range (view, &a, &b, &error));
    g_assert_no_error (error);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_cf_insights_view_get_custom_error (view))));
    wait_for_points (view, 10);
    cf_insights_view_get_range (view, &first, &last);
    g_assert_cmpint (g_date_compare (&first, &a), ==, 0);
    g_assert_cmpint (g_date_compare (&last, &b), ==, 0);
    check_findings (view, context, settings);
    check_magnesium_bars (view, context);
  }

  g_settings_set_int (settings, "insights-range", 14);
  wait_for_points (view, 14);

  /* The profile decides the targets, as the tables say */
  g_settings_set_string (settings, "profile-sex", "female");
  cf_test_spin_until (is_loaded, view);
  check_target (view, settings, CF_TARGET_MAGNESIUM);
  check_findings (view, context, settings);
  nasem_female = cf_rule_layer_get_value (_cf_insights_view_get_target_layer (view));

  g_settings_set_string (settings, "reference-set", "efsa");
  cf_test_spin_until (is_loaded, view);
  check_target (view, settings, CF_TARGET_MAGNESIUM);
  check_findings (view, context, settings);
  g_assert_cmpfloat (cf_rule_layer_get_value (_cf_insights_view_get_target_layer (view)), !=, nasem_female);

  g_settings_set_string (settings, "profile-sex", "male");
  cf_test_spin_until (is_loaded, view);
  check_target (view, settings, CF_TARGET_MAGNESIUM);

  /* Vitamin D in international units when chosen: the chart's values
   * and its target follow */
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_VITAMIN_D));
  cf_test_spin ();
  check_bars (view, context, CF_INTAKE_VITAMIN_D, CF_NUTRIENT_VITAMIN_D, 1);
  g_settings_set_string (settings, "vitamin-d-unit", "iu");
  cf_test_spin ();
  check_bars (view, context, CF_INTAKE_VITAMIN_D, CF_NUTRIENT_VITAMIN_D, CF_VITAMIN_D_IU_PER_UG);
  {
    g_autoptr(CfProfile) profile = profile_from (settings);
    g_autoptr(CfTargets) targets = NULL;
    GDate range_last;

    cf_insights_view_get_range (view, NULL, &range_last);
    targets = cf_targets_new (profile, &range_last);
    g_assert_cmpfloat_with_epsilon (cf_rule_layer_get_value (_cf_insights_view_get_target_layer (view)),
                                    cf_targets_get (targets, CF_TARGET_VITAMIN_D)->value * CF_VITAMIN_D_IU_PER_UG,
                                    1e-6);
  }
  g_settings_set_string (settings, "vitamin-d-unit", "ug");
  cf_test_spin ();
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_MAGNESIUM));
  cf_test_spin ();

  /* A finding's explanation opens as a page with its title */
  insights = cf_insights_view_get_insights (view);
  {
    CfInsight *insight = g_ptr_array_index (insights, 0);
    CfKnowledgePage *page = cf_knowledge_get_page (cf_knowledge_get_default (), cf_insight_get_page_id (insight));
    CfKnowledgePageView *page_view;
    GtkWidget *content;

    g_assert_nonnull (page);
    page_window = cf_knowledge_page_view_present (GTK_WIDGET (view), cf_insight_get_page_id (insight));
    g_assert_nonnull (page_window);
    weak_page = page_window;
    g_object_add_weak_pointer (G_OBJECT (page_window), &weak_page);
    content = adw_window_get_content (ADW_WINDOW (page_window));
    page_view = CF_KNOWLEDGE_PAGE_VIEW (gtk_widget_get_last_child (content));
    g_assert_cmpstr (cf_knowledge_page_view_get_title (page_view), ==, cf_knowledge_page_get_title (page));
    g_assert_cmpstr (gtk_window_get_title (page_window), ==, cf_knowledge_page_get_title (page));

    /* The related pages end with the disclaimer; following one can be
     * undone */
    {
      GtkListBox *related = cf_knowledge_page_view_get_related_list (page_view);
      GtkWidget *last_row = gtk_widget_get_last_child (GTK_WIDGET (related));

      g_assert_nonnull (last_row);
      g_signal_emit_by_name (related, "row-activated", last_row);
      g_assert_cmpstr (cf_knowledge_page_view_get_page_id (page_view), ==, CF_KNOWLEDGE_DISCLAIMER_PAGE);
      g_assert_true (cf_knowledge_page_view_get_can_go_back (page_view));
      g_assert_true (cf_knowledge_page_view_go_back (page_view));
      g_assert_cmpstr (cf_knowledge_page_view_get_page_id (page_view), ==, cf_insight_get_page_id (insight));
    }

    gtk_window_destroy (page_window);
    cf_test_spin_until (cf_test_is_null, &weak_page);
  }

  /* Nothing in the view asks for more than 360 px */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);

  /* The diary changing reloads the view */
  {
    g_autoptr(GPtrArray) entries = cf_diary_list_day (cf_context_get_diary (context), &today, &error);
    CfDiaryEntry *entry;
    double before, after;

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, >, 0);
    entry = g_ptr_array_index (entries, 0);
    before = cf_series_get_n_logged_days (cf_insights_view_get_series (view));
    g_assert_true (cf_diary_remove (cf_context_get_diary (context), cf_diary_entry_get_id (entry), &error));
    g_assert_no_error (error);
    g_assert_true (cf_insights_view_is_loading (view));
    cf_test_spin_until (is_loaded, view);
    check_magnesium_bars (view, context);
    after = cf_series_get_n_logged_days (cf_insights_view_get_series (view));
    g_assert_cmpfloat (after, <=, before);
  }

  /* Nothing leaks once the window is gone */
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_until (cf_test_is_null, &weak_window);
  g_assert_null (weak_view);

  reset_settings (settings);
  cf_test_remove_tree (dir);
}

static void
test_empty (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GObject) wait = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  CfInsightsView *view;
  gpointer weak_window, weak_view;
  GDate today;

  reset_settings (settings);
  window = cf_window_new_for_context (context, settings);
  view = CF_INSIGHTS_VIEW (cf_window_get_insights_view (window));
  weak_window = window;
  weak_view = view;
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  g_object_add_weak_pointer (G_OBJECT (view), &weak_view);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "insights"));

  /* An empty diary says what will appear, with a way to the diary */
  g_object_set_data (wait, "view", view);
  g_object_set_data (wait, "state", (gpointer) "empty");
  cf_test_spin_until (has_state, wait);

  /* Logging something brings the findings */
  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (context, &today, 3, &error));
  g_assert_no_error (error);
  g_object_set_data (wait, "state", (gpointer) "content");
  cf_test_spin_until (has_state, wait);
  g_assert_nonnull (cf_insights_view_get_insights (view));
  g_assert_cmpuint (cf_insights_view_get_insights (view)->len, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_until (cf_test_is_null, &weak_window);
  g_assert_null (weak_view);

  reset_settings (settings);
}

/* Whether a label under @widget shows text containing @text */
static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

/* The K2 goal's short reference with the full one a click away, an
 * upper limit's source under D-A-CH, background reading labelled as
 * such, and the caution for vitamin K antagonists on K2 supplements */
static void
test_sources_and_cautions (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfWindow *window;
  CfInsightsView *view;
  CfChart *chart;
  GtkMenuButton *goal;
  GtkWidget *popover;
  gpointer weak_window;
  GDate today;

  reset_settings (settings);
  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (context, &today, DEMO_DAYS, &error));
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  weak_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  view = CF_INSIGHTS_VIEW (cf_window_get_insights_view (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "insights"));
  cf_test_spin_until (is_loaded, view);
  chart = _cf_insights_view_get_chart (view, "intake");
  goal = _cf_insights_view_get_goal_source (view);

  /* K2: "Gast et al. 2009" in the text, the full citation in a popover */
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_VITAMIN_K2));
  cf_test_spin ();
  g_assert_nonnull (strstr (cf_chart_get_summary_description (chart), "Gast et al. 2009"));
  g_assert_null (strstr (cf_chart_get_summary_description (chart), "Nutr Metab Cardiovasc Dis"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (goal)));
  gtk_menu_button_popup (goal);
  cf_test_spin ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (goal));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (has_label_with (popover, "Nutr Metab Cardiovasc Dis. 2009;19(7):504-10"));
  gtk_menu_button_popdown (goal);

  /* Other nutrients have a table's value, no such button */
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_MAGNESIUM));
  cf_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (goal)));

  /* D-A-CH sets no upper limit: EFSA's, and the text says so */
  g_settings_set_string (settings, "reference-set", "dach");
  cf_test_spin_until (is_loaded, view);
  g_assert_true (cf_insights_view_set_nutrient (view, CF_TARGET_VITAMIN_D));
  cf_test_spin ();
  g_assert_nonnull (strstr (cf_chart_get_summary_description (chart), "(EFSA, adults, 18 years and older; D-A-CH sets none)"));

  /* The paradox page labels the consumer articles as background */
  {
    GtkWindow *page_window = cf_knowledge_page_view_present (GTK_WIDGET (view), "calcium-paradox");
    gpointer weak_page = page_window;

    g_object_add_weak_pointer (G_OBJECT (page_window), &weak_page);
    g_assert_true (has_label_with (GTK_WIDGET (page_window), "Background reading"));
    g_assert_true (has_label_with (GTK_WIDGET (page_window), "Rotterdam Study"));
    gtk_window_destroy (page_window);
    cf_test_spin_until (cf_test_is_null, &weak_page);
  }

  /* K2 supplement templates carry the caution; others do not, until a
   * dose of vitamin K is entered */
  for (guint i = 0; i < templates->len; i++)
    {
      CfFood *t = g_ptr_array_index (templates, i);
      CfSupplementDialog *dialog = cf_supplement_dialog_new (context, t);
      gboolean has_k2 = !isnan (cf_supplement_get_dose (t, CF_NUTRIENT_MK7));
      GtkEditable *mk7 = cf_supplement_dialog_get_dose_field (dialog, CF_NUTRIENT_MK7);

      g_test_message ("%s", cf_food_get_name (t));
      if (has_k2)
        g_assert_nonnull (strstr (cf_supplement_dialog_get_caution (dialog), "warfarin"));
      else
        {
          g_assert_null (cf_supplement_dialog_get_caution (dialog));
          gtk_editable_set_text (mk7, "90");
          g_assert_nonnull (cf_supplement_dialog_get_caution (dialog));
          gtk_editable_set_text (mk7, "");
          g_assert_null (cf_supplement_dialog_get_caution (dialog));
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_until (cf_test_is_null, &weak_window);
  reset_settings (settings);
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

  g_test_add_func ("/cofactor/ui/insights/demo", test_demo);
  g_test_add_func ("/cofactor/ui/insights/empty", test_empty);
  g_test_add_func ("/cofactor/ui/insights/sources-and-cautions", test_sources_and_cautions);

  return g_test_run ();
}
