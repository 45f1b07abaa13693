/* test-ui-import.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import… with another tracker's file, under Xvfb: the preview says
 * what will happen and writes nothing until Import is clicked; then the
 * diary shows the entries with their origin, the Insights view shows
 * the two weeks with the fixture's calcium, magnesium and vitamin D,
 * vitamin K as total only; a second import changes nothing; a refused
 * file is said so; Export Spreadsheet writes one row per day.
 *
 * With COFACTOR_TEST_SCREENSHOTS=DIR the preview, the diary and the
 * Insights view are saved there as PNG, to look at. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "cf-date.h"
#include "cf-day-summary.h"
#include "cf-demo.h"
#include "cf-transfer.h"
#include "cf-diary-entry-row.h"
#include "cf-diary-view.h"
#include "cf-food-dialog-private.h"
#include "cf-insights-view-private.h"
#include "cf-progress-dialog.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window-private.h"

/* Sums of the fixture's columns over its 14 days
 * (tests/data/import/make-cronometer-two-weeks.py prints them) */
#define CALCIUM_MG      8978.9
#define MAGNESIUM_MG    3762.5
#define VITAMIN_D_UG    (19044.0 / 40)
#define VITAMIN_K_UG    3770.9

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
is_entry_row_of (gpointer      widget,
                 gconstpointer title)
{
  return CF_IS_DIARY_ENTRY_ROW (widget) && g_strcmp0 (cf_diary_entry_row_get_title (widget), title) == 0;
}

/* The row of the diary entry whose food is @title */
static CfDiaryEntryRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  return cf_test_find_widget (widget, is_entry_row_of, title);
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

/* Clicks a response of the message dialog, as the user does, and lets
 * the toast it may bring come in (see cf_test_spin_for()) */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = cf_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cf_test_spin_for (700);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("COFACTOR_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  cf_test_spin ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
insights_loaded (gpointer data)
{
  CfInsightsView *view = data;

  return !cf_insights_view_is_loading (view) && g_strcmp0 (cf_insights_view_get_state (view), "loading") != 0;
}

/* The Insights view's bars for @target over the range: one per day,
 * adding up to @total, or none at all for NaN */
static void
check_bars (CfInsightsView *view,
            CfTargetId      target,
            double          total)
{
  CfBarLayer *bars = _cf_insights_view_get_bar_layer (view);
  double sum = 0;
  guint with_value = 0;

  g_assert_true (cf_insights_view_set_nutrient (view, target));
  cf_test_spin_until (insights_loaded, view);
  g_assert_cmpuint (cf_bar_layer_get_n_values (bars), ==, 14);

  for (guint i = 0; i < cf_bar_layer_get_n_values (bars); i++)
    {
      double v = cf_bar_layer_get_value (bars, i);

      if (!isnan (v))
        {
          sum += v;
          with_value++;
        }
    }

  g_test_message ("%s: %u days with a value, %.2f in all; chart: %s",
                  cf_target_id_get_name (target), with_value, sum,
                  cf_chart_get_summary_label (_cf_insights_view_get_chart (view, "intake")));

  if (isnan (total))
    g_assert_cmpuint (with_value, ==, 0);
  else
    {
      g_assert_cmpuint (with_value, ==, 14);
      g_assert_cmpfloat_with_epsilon (sum, total, 1e-6 * total);
    }
}

static void
test_import_cronometer (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GFile) two_weeks = fixture ("cronometer-servings-two-weeks.csv");
  g_autoptr(GFile) truncated = fixture ("cronometer-servings-truncated.csv");
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *csv_path = g_build_filename (dir, "days.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *csv_data = NULL;
  g_auto(GStrv) csv_lines = NULL;
  CfWindow *window;
  CfDiaryView *diary;
  CfInsightsView *insights;
  AdwMessageDialog *preview;
  CfDiaryEntryRow *row;
  GDate first, last;

  g_settings_reset (settings, "vitamin-d-unit");
  g_settings_reset (settings, "reference-set");
  window = cf_window_new_for_context (context, settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  /* The preview, and nothing written before Import is clicked */
  cf_test_import_file (window, two_weeks);
  cf_test_spin ();
  preview = find_message_dialog ();
  g_assert_nonnull (preview);
  g_assert_cmpstr (adw_message_dialog_get_heading (preview), ==, "Import from Cronometer?");
  g_test_message ("preview: %s", adw_message_dialog_get_body (preview));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), "101 entries on 14 days"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), "total vitamin K only"));
  g_assert_null (strstr (adw_message_dialog_get_body (preview), "Columns not imported"));
  g_assert_true (cf_test_shows_label (GTK_WIDGET (preview), "8 Columns Not Imported"));
  save_screenshot (GTK_WIDGET (preview), "import-preview.png");
  click (preview, "_Cancel");
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 0);

  cf_test_import_file (window, two_weeks);
  cf_test_spin ();
  preview = find_message_dialog ();
  g_assert_nonnull (preview);
  click (preview, "_Import");
  cf_test_wait_import (window);
  g_assert_true (cf_test_shows_label (GTK_WIDGET (window), "Imported 101 diary entries"));
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 101);

  /* The diary shows the entries with their origin and the amount as
   * Cronometer wrote it */
  diary = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  g_date_set_dmy (&first, 2, G_DATE_MARCH, 2026);
  cf_diary_view_set_day (diary, &first);
  cf_test_spin ();

  /* The day's tiles count the entries without a weight too, as they
   * are: the cup of milk's calcium, the capsule's vitamin D (the
   * fixture's sums for 2 March) */
  {
    CfDaySummary *summary = CF_DAY_SUMMARY (cf_diary_view_get_summary (diary));

    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_CALCIUM), 587.1, 1e-6);
    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_MAGNESIUM), 240.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_D), 41.15, 1e-6);
    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_ENERGY), 794.1, 1e-6);
    g_assert_cmpint (cf_day_summary_get_macro_nutrient (0), ==, CF_NUTRIENT_PROTEIN);
    g_assert_cmpfloat_with_epsilon (cf_day_summary_get_macro_value (summary, 0), 55.3, 1e-6);
  }

  row = find_row (GTK_WIDGET (diary), "Milk, 2%");
  g_assert_nonnull (row);
  g_test_message ("diary row: %s", cf_diary_entry_row_get_subtitle (row));
  g_assert_true (g_str_has_prefix (cf_diary_entry_row_get_subtitle (row), "1.00 cup\u00a0· Imported from Cronometer\u00a0· Ca\u00a0293\u00a0mg"));
  row = find_row (GTK_WIDGET (diary), "Vitamin D3 1000 IU");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (cf_diary_entry_row_get_subtitle (row), "Imported from Cronometer (“Pre-workout”)"));
  g_assert_nonnull (strstr (cf_diary_entry_row_get_subtitle (row), "D\u00a025.0\u00a0µg"));
  row = find_row (GTK_WIDGET (diary), "Kale, raw");
  g_assert_nonnull (strstr (cf_diary_entry_row_get_subtitle (row), "Vit.\u00a0K\u00a0262.0\u00a0µg"));
  save_screenshot (GTK_WIDGET (window), "import-diary.png");

  /* Its detail says where it comes from; without a weight, only its
   * meal and day can change */
  {
    g_autoptr(GPtrArray) entries = cf_diary_list_day (cf_context_get_diary (context), &first, NULL);
    CfDiaryEntry *milk = NULL;
    g_autoptr(CfDiaryEntry) saved = NULL;
    GtkWindow *edit;

    for (guint i = 0; i < entries->len; i++)
      if (g_strcmp0 (cf_diary_entry_get_food_name (g_ptr_array_index (entries, i)), "Milk, 2%") == 0)
        milk = g_ptr_array_index (entries, i);
    g_assert_nonnull (milk);

    edit = cf_diary_view_edit_entry (diary, milk);
    cf_test_spin ();
    g_assert_true (cf_test_shows_label (GTK_WIDGET (edit), "Imported from Cronometer · 1.00 cup"));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_cf_food_dialog_get_amount (CF_FOOD_DIALOG (edit)))));
    g_assert_cmpstr (_cf_food_dialog_get_preview (CF_FOOD_DIALOG (edit), CF_KEY_CALCIUM), ==, "293 mg");
    g_assert_true (gtk_widget_get_sensitive (_cf_food_dialog_get_save_button (CF_FOOD_DIALOG (edit))));
    adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (CF_FOOD_DIALOG (edit)), CF_MEAL_SNACKS);
    g_signal_emit_by_name (_cf_food_dialog_get_save_button (CF_FOOD_DIALOG (edit)), "clicked");
    cf_test_spin ();

    saved = cf_diary_get_entry (cf_context_get_diary (context), cf_diary_entry_get_id (milk), NULL);
    g_assert_cmpint (cf_diary_entry_get_meal (saved), ==, CF_MEAL_SNACKS);
    g_assert_false (cf_diary_entry_has_weight (saved));
    g_assert_cmpfloat (cf_diary_entry_get_nutrient (saved, CF_NUTRIENT_CALCIUM), ==, 293);
    cf_diary_entry_set_meal (saved, CF_MEAL_BREAKFAST);
    g_assert_true (cf_diary_update (cf_context_get_diary (context), saved, NULL));
  }

  /* Insights over the two weeks: the fixture's totals; vitamin K
   * counts toward total vitamin K, and there is no K2 */
  insights = CF_INSIGHTS_VIEW (cf_window_get_insights_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "insights");
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2026);
  g_date_set_dmy (&last, 14, G_DATE_MARCH, 2026);
  g_assert_true (cf_insights_view_set_custom_range (insights, &first, &last, NULL));
  cf_test_spin_until (insights_loaded, insights);
  check_bars (insights, CF_TARGET_MAGNESIUM, MAGNESIUM_MG);
  check_bars (insights, CF_TARGET_VITAMIN_D, VITAMIN_D_UG);
  check_bars (insights, CF_TARGET_VITAMIN_K, VITAMIN_K_UG);
  check_bars (insights, CF_TARGET_VITAMIN_K2, NAN);
  check_bars (insights, CF_TARGET_CALCIUM, CALCIUM_MG);
  save_screenshot (GTK_WIDGET (window), "import-insights.png");

  /* A second import changes nothing */
  cf_test_import_file (window, two_weeks);
  cf_test_spin ();
  preview = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), "importing again changes nothing"));
  click (preview, "_Import");
  cf_test_wait_import (window);
  cf_test_spin_until_label (window, "Nothing new: the diary has all of it already");
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 101);

  /* A refused file: no preview, a toast, the line in its details */
  cf_test_import_file (window, truncated);
  cf_test_spin_for (700);
  g_assert_null (find_message_dialog ());
  cf_test_spin_until_label (window, "Nothing was imported");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-error", NULL));
  cf_test_spin ();
  preview = find_message_dialog ();
  g_assert_nonnull (preview);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (preview), "Line 5: "));
  click (preview, "_Close");
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (context)), ==, 101);

  /* Export Spreadsheet: a header and one row per day */
  g_assert_true (_cf_window_export_csv_file (window, csv, CF_CSV_TABLE_DAYS));
  cf_test_spin ();
  cf_test_spin_until_label (window, "Exported to “days.csv”");
  g_assert_true (g_file_get_contents (csv_path, &csv_data, NULL, NULL));
  csv_lines = g_strsplit (csv_data, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (csv_lines), ==, 1 + 14 + 1);
  g_assert_true (g_str_has_prefix (csv_lines[1], "2026-03-01,"));
  g_assert_true (g_str_has_prefix (csv_lines[14], "2026-03-14,"));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
  cf_test_remove_tree (dir);
}

/* An export of the demo into a demo made again (the same entries under
 * other ids), three of its entries removed: the preview says how many
 * are new and how many the diary has, Import adds only those three, and
 * a second import adds nothing */
static void
test_import_no_second_copy (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (TRUE);
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *expected = NULL;
  CfDiary *diary = cf_context_get_diary (context);
  AdwMessageDialog *preview;
  CfWindow *window;
  GDate today;
  guint n;

  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (source, &today, 14, &error));
  g_assert_true (cf_export_to_file (source, file, &error));
  g_assert_true (cf_demo_fill (context, &today, 14, &error));
  g_assert_no_error (error);
  n = cf_diary_count_entries (diary);
  g_assert_cmpuint (n, ==, cf_diary_count_entries (cf_context_get_diary (source)));

  day = cf_diary_list_day (diary, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, >=, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (cf_diary_remove (diary, cf_diary_entry_get_id (g_ptr_array_index (day, i)), &error));
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  cf_test_import_file (window, file);
  cf_test_spin ();
  preview = find_message_dialog ();
  g_assert_nonnull (preview);
  g_test_message ("preview: %s", adw_message_dialog_get_body (preview));
  expected = g_strdup_printf ("%u entries: 3 new, %u already in your diary.", n, n - 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), "never gets a second copy"));
  save_screenshot (GTK_WIDGET (preview), "import-preview-export.png");
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, n - 3);
  click (preview, "_Import");
  cf_test_wait_import (window);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, n);
  g_assert_true (cf_test_shows_label (GTK_WIDGET (window), "Imported 3 diary entries and 3 foods"));

  /* Again: nothing is new, nothing is added */
  cf_test_import_file (window, file);
  cf_test_spin ();
  preview = find_message_dialog ();
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u entries: 0 new, %u already in your diary.", n, n);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (preview), "Importing adds none of them"));
  click (preview, "_Import");
  cf_test_wait_import (window);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, n);
  cf_test_spin_until_label (window, "Nothing new: the diary has all of it already");

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
  cf_test_remove_tree (dir);
}

static gboolean
has_progress (gpointer window)
{
  return _cf_window_get_progress_dialog (window) != NULL;
}

static gboolean
progress_moved (gpointer window)
{
  AdwMessageDialog *dialog = _cf_window_get_progress_dialog (window);

  return dialog == NULL || cf_progress_dialog_get_fraction (dialog) > 0;
}

/* A long import shows its progress, reading and writing, with Cancel:
 * cancelled while it writes, the diary is as it was; let through, it
 * has every entry.  (The dialog's delay is 0 here, so that it shows
 * however fast the machine.) */
static void
test_import_progress (void)
{
  g_autoptr(CfContext) source = cf_test_context_new (TRUE);
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "two-years.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  CfDiary *diary = cf_context_get_diary (context);
  AdwMessageDialog *dialog;
  CfWindow *window;
  GDate today;
  guint n;

  cf_day_set_today (&today);
  cf_demo_fill (source, &today, 730, &error);
  g_assert_no_error (error);
  n = cf_diary_count_entries (cf_context_get_diary (source));
  g_test_message ("%u entries", n);
  /* More than one step of the writing */
  g_assert_cmpuint (n, >, 4000);
  g_assert_true (cf_export_to_file (source, file, &error));

  window = cf_window_new_for_context (context, settings);
  _cf_window_set_progress_delay (window, 0);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  /* Reading the file, named, then the preview */
  _cf_window_import_file (window, file);
  cf_test_spin_until (has_progress, window);
  dialog = _cf_window_get_progress_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reading the File…");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "two-years.json");
  save_screenshot (GTK_WIDGET (dialog), "import-progress.png");
  cf_test_wait_import (window);
  g_assert_null (_cf_window_get_progress_dialog (window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Cofactor Export?");

  /* Writing, cancelled once it has begun */
  g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  cf_test_spin_until (has_progress, window);
  dialog = _cf_window_get_progress_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Importing…");
  expected = g_strdup_printf ("%u diary entries", n);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  cf_test_spin_until (progress_moved, window);
  dialog = _cf_window_get_progress_dialog (window);
  g_assert_nonnull (dialog);
  g_test_message ("cancelled at %.0f %%", 100 * cf_progress_dialog_get_fraction (dialog));
  g_assert_cmpfloat (cf_progress_dialog_get_fraction (dialog), <, 1);
  g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  cf_test_wait_import (window);
  cf_test_spin_until_label (window, "Import cancelled: the diary is as it was");
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 0);

  /* Again, to the end */
  cf_test_spin_for (700);
  cf_test_import_file (window, file);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  click (dialog, "_Import");
  cf_test_wait_import (window);
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, n);
  g_assert_null (_cf_window_get_progress_dialog (window));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
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

  g_test_add_func ("/cofactor/ui/import-cronometer", test_import_cronometer);
  g_test_add_func ("/cofactor/ui/import-no-second-copy", test_import_no_second_copy);
  g_test_add_func ("/cofactor/ui/import-progress", test_import_progress);

  return g_test_run ();
}
