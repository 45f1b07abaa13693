/* test-ui-input.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The amount typed into the add-food dialog, under Xvfb: read by the
 * core's one parser, so the field refuses what the CLI and import
 * refuse, with the same message next to it. */

#include "config.h"

#include <adwaita.h>

#include "cf-diary-view.h"
#include "cf-food-dialog-private.h"
#include "cf-parse.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window.h"

static gboolean
has_results (gpointer data)
{
  GtkListBox *results = _cf_food_dialog_get_results (data);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, 0);
  CfFood *food = row ? g_object_get_data (G_OBJECT (row), "food") : NULL;

  return food != NULL && g_str_has_prefix (cf_food_get_name (food), "Natto");
}

static void
set_amount (CfFoodDialog *dialog,
            const char   *text)
{
  gtk_editable_set_text (_cf_food_dialog_get_amount (dialog), text);
  cf_test_spin ();
}

static void
test_amount_field (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfFoodDialog *dialog;
  GtkLabel *label;
  GtkWidget *save;
  static const char *refused[] = { "1,000", "1.500", "0x10", "1e3", "1e-300", "5.", ".5", "1,000.5", "inf" };

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  dialog = CF_FOOD_DIALOG (cf_diary_view_add_food (view, CF_MEAL_LUNCH));
  gtk_editable_set_text (_cf_food_dialog_get_search_entry (dialog), "natto japan");
  cf_test_spin_until (has_results, dialog);
  g_signal_emit_by_name (_cf_food_dialog_get_search_entry (dialog), "activate");
  cf_test_spin ();
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");

  /* Grams */
  adw_combo_row_set_selected (_cf_food_dialog_get_portion_row (dialog), 0);
  label = _cf_food_dialog_get_error_label (dialog);
  save = _cf_food_dialog_get_save_button (dialog);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      double value;

      /* The message the core gives, next to the field */
      g_assert_false (cf_parse_decimal (refused[i], &value, &error));
      set_amount (dialog, refused[i]);
      g_test_message ("%s → %s", refused[i], gtk_label_get_label (label));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
      g_assert_cmpstr (gtk_label_get_label (label), ==, error->message);
      g_assert_false (gtk_widget_get_sensitive (save));
    }

  /* A decimal comma is a decimal, as in many locales */
  set_amount (dialog, "12,5");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_get_sensitive (save));

  set_amount (dialog, "");
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Enter an amount");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* An amount with its unit, as the CLI takes it: "2 large", "1 cup",
 * "150 g", "5 oz" with the food's measures; the measure follows, the
 * entry keeps it; an unknown unit is refused with the CLI's words */
static void
test_amount_with_unit (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  g_autoptr(CfFood) egg = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01123", NULL);
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPortion) parsed = NULL;
  CfPortion *large, *cup;
  CfFoodDialog *dialog;
  AdwComboRow *measure;
  GtkLabel *label;
  gpointer weak_dialog;
  double grams, quantity;

  g_assert_nonnull (egg);
  large = cf_food_find_portion (egg, "large");
  cup = cf_food_find_portion (egg, "cup");
  g_assert_nonnull (large);
  g_assert_nonnull (cup);

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  dialog = CF_FOOD_DIALOG (cf_diary_view_add_food (view, CF_MEAL_BREAKFAST));
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  cf_food_dialog_select_food (dialog, egg);
  measure = _cf_food_dialog_get_portion_row (dialog);
  label = _cf_food_dialog_get_error_label (dialog);

  /* "1 cup": the cup measure is chosen, the preview is a cup's */
  set_amount (dialog, "1 cup");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (measure)), ==,
                   "cup (4.86 large eggs) (243 g)");

  /* "150 g" and "5 oz": grams and ounces */
  set_amount (dialog, "150 g");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (measure)), ==, "grams");
  set_amount (dialog, "5 oz");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (measure)), ==, "ounces");

  /* An unknown unit: refused as the CLI refuses it */
  g_assert_false (cf_parse_amount ("2 blorps", egg, &grams, &parsed, &quantity, &error));
  set_amount (dialog, "2 blorps");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, error->message);
  g_assert_false (gtk_widget_get_sensitive (_cf_food_dialog_get_save_button (dialog)));

  /* "2 large": logged as two large eggs */
  set_amount (dialog, "2 large");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_get_sensitive (_cf_food_dialog_get_save_button (dialog)));
  gtk_widget_activate (_cf_food_dialog_get_save_button (dialog));
  cf_test_spin_until (cf_test_is_null, &weak_dialog);

  entry = g_list_model_get_item (cf_diary_view_get_meal_model (view, CF_MEAL_BREAKFAST), 0);
  g_assert_nonnull (entry);
  g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_grams (entry),
                                  2 * cf_portion_get_grams (large) / cf_portion_get_amount (large), 1e-9);
  g_assert_cmpstr (cf_diary_entry_get_portion_description (entry), ==, cf_portion_get_description (large));
  g_assert_cmpfloat (cf_diary_entry_get_portion_quantity (entry), ==, 2 / cf_portion_get_amount (large));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the UI tests under Xvfb (xvfb-run)");
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/cofactor/ui/input/amount-field", test_amount_field);
  g_test_add_func ("/cofactor/ui/input/amount-with-unit", test_amount_with_unit);

  return g_test_run ();
}
