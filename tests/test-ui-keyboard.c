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
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window.h"

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

  return g_test_run ();
}
