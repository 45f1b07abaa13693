/* test-ui-diary.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The diary view driven through its widgets, under Xvfb: add an entry
 * through the dialog, refuse bad amounts, edit, remove and undo, change
 * day, and check rows and summary; then check nothing leaks. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "cf-about.h"
#include "cf-date.h"
#include "cf-demo.h"
#include "cf-day-summary.h"
#include "cf-diary-entry-row.h"
#include "cf-diary-view.h"
#include "cf-food-dialog-private.h"
#include "cf-preferences-window-private.h"
#include "cf-foods-view.h"
#include "cf-supplement-dialog.h"
#include "cf-supplements.h"
#include "cf-error.h"
#include "cf-food-editor.h"
#include "cf-food-search.h"
#include "cf-ui-util.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window-private.h"

static gboolean
has_results (gpointer data)
{
  GtkListBox *results = _cf_food_dialog_get_results (data);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, 0);
  CfFood *food = row ? g_object_get_data (G_OBJECT (row), "food") : NULL;

  /* Wait for the search results, not the suggestions shown before */
  return food != NULL && g_str_has_prefix (cf_food_get_name (food), "Natto");
}

static CfDiaryEntry *
get_entry (CfDiaryView *view,
           CfMeal       meal,
           guint        i)
{
  return g_list_model_get_item (cf_diary_view_get_meal_model (view, meal), i);
}

static guint
n_entries (CfDiaryView *view,
           CfMeal       meal)
{
  return g_list_model_get_n_items (cf_diary_view_get_meal_model (view, meal));
}

static void
set_amount (CfFoodDialog *dialog,
            const char   *text)
{
  gtk_editable_set_text (_cf_food_dialog_get_amount (dialog), text);
  cf_test_spin ();
}

/* Whether a label under @widget shows @text (a toast, a dialog line) */
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

static gboolean
no_changed_toast (gpointer data)
{
  return cf_test_find_mapped_label (data, "Changed “Natto (fermented soybeans), Japan”") == NULL;
}

static gboolean
diary_is_empty (gpointer data)
{
  return cf_diary_count_entries (data) == 0;
}

static gboolean
diary_is_not_empty (gpointer data)
{
  return cf_diary_count_entries (data) > 0;
}

typedef struct
{
  const char *action;
  GVariant   *target;   /* nullable */
} ActionMatch;

/* A button or row that activates @data's action, with its target */
static gboolean
has_action (gpointer      widget,
            gconstpointer data)
{
  const ActionMatch *match = data;
  GVariant *target;

  if (!GTK_IS_ACTIONABLE (widget) || !gtk_widget_get_mapped (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), match->action) != 0)
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return match->target == NULL || (target != NULL && g_variant_equal (target, match->target));
}

/* Clicks the button or activates the row with @action (and @target) */
static void
activate_actionable (GtkWidget  *widget,
                     const char *action,
                     GVariant   *target)
{
  g_autoptr(GVariant) owned = target ? g_variant_ref_sink (target) : NULL;
  ActionMatch match = { action, owned };
  GtkWidget *found = cf_test_find_widget (widget, has_action, &match);

  g_assert_nonnull (found);
  gtk_widget_activate (found);
}

static gboolean
has_food_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_FOOD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(gpointer *) data = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
day_is (gpointer data)
{
  CfDiaryView *view = data;
  const GDate *wanted = g_object_get_data (G_OBJECT (view), "wanted-day");

  return g_date_compare (cf_diary_view_get_day (view), wanted) == 0;
}

/* The remove button of the row of entry @data */
static gboolean
is_remove_button (gpointer      widget,
                  gconstpointer data)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "diary.remove-entry") != 0)
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), data) == 0;
}

static void
test_diary_flow (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfDiary *diary = cf_context_get_diary (context);
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDaySummary *summary = CF_DAY_SUMMARY (cf_diary_view_get_summary (view));
  CfFoodDialog *dialog;
  GtkWidget *save;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(CfDiaryEntry) edited = NULL;
  g_autofree char *entry_id = NULL;
  static const char *bad_amounts[] = { "", "0", "-5", "abc", "1e9", "99999", "nan" };
  gpointer weak_window = window, weak_view = view, weak_dialog;
  GDate today;

  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  cf_day_set_today (&today);
  g_assert_cmpint (g_date_compare (cf_diary_view_get_day (view), &today), ==, 0);

  /* Add with the button of the empty diary's page: search, Enter picks
   * the first result, then the amount, at breakfast */
  activate_actionable (GTK_WIDGET (view), "diary.add-now", NULL);
  dialog = NULL;
  cf_test_spin_until (has_food_dialog, &dialog);
  adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (dialog), CF_MEAL_BREAKFAST);
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "search");
  gtk_editable_set_text (_cf_food_dialog_get_search_entry (dialog), "natto japan");
  cf_test_spin_until (has_results, dialog);
  g_signal_emit_by_name (_cf_food_dialog_get_search_entry (dialog), "activate");
  cf_test_spin ();
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");

  save = _cf_food_dialog_get_save_button (dialog);

  /* Bad amounts are refused next to the field and nothing is saved */
  for (guint i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    {
      g_autoptr(GError) error = NULL;

      set_amount (dialog, bad_amounts[i]);
      g_assert_false (gtk_widget_get_sensitive (save));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_cf_food_dialog_get_error_label (dialog))));
      g_assert_cmpstr (gtk_label_get_label (_cf_food_dialog_get_error_label (dialog)), !=, "");
      g_assert_false (cf_food_dialog_save (dialog, &error));
      g_assert_nonnull (error);
    }
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 0);

  /* 50 g: the preview shows half of 939 µg MK-7 per 100 g */
  adw_combo_row_set_selected (_cf_food_dialog_get_portion_row (dialog), 0);
  set_amount (dialog, "50");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_cf_food_dialog_get_error_label (dialog))));
  g_assert_cmpstr (_cf_food_dialog_get_preview (dialog, CF_KEY_VITAMIN_K2), ==, "469.5 µg");
  g_assert_cmpstr (_cf_food_dialog_get_preview (dialog, CF_KEY_CALCIUM), ==, "no data");

  gtk_widget_activate (save);
  cf_test_spin_until (cf_test_is_null, &weak_dialog);

  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 1);
  g_assert_cmpuint (n_entries (view, CF_MEAL_BREAKFAST), ==, 1);
  entry = get_entry (view, CF_MEAL_BREAKFAST, 0);
  entry_id = g_strdup (cf_diary_entry_get_id (entry));
  g_assert_cmpstr (cf_diary_entry_get_food_name (entry), ==, "Natto (fermented soybeans), Japan");
  g_assert_cmpfloat (cf_diary_entry_get_grams (entry), ==, 50);

  /* The summary: K2 known for all of the day's food; calcium not */
  g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2), 469.5, 1e-9);
  g_assert_cmpint (cf_day_summary_get_state (summary, CF_KEY_VITAMIN_K2), ==, CF_DAY_TILE_COMPLETE);
  g_assert_cmpint (cf_day_summary_get_state (summary, CF_KEY_CALCIUM), ==, CF_DAY_TILE_NO_DATA);

  /* Edit, from the entry's row: 100 g, moved to lunch */
  activate_actionable (GTK_WIDGET (view), "diary.edit-entry", g_variant_new_string (entry_id));
  dialog = NULL;
  cf_test_spin_until (has_food_dialog, &dialog);
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");
  g_assert_cmpstr (gtk_editable_get_text (_cf_food_dialog_get_amount (dialog)), ==, "50");
  set_amount (dialog, "100");
  adw_combo_row_set_selected (_cf_food_dialog_get_meal_row (dialog), CF_MEAL_LUNCH);
  gtk_widget_activate (_cf_food_dialog_get_save_button (dialog));
  cf_test_spin_until (cf_test_is_null, &weak_dialog);

  g_assert_cmpuint (n_entries (view, CF_MEAL_BREAKFAST), ==, 0);
  g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 1);
  edited = get_entry (view, CF_MEAL_LUNCH, 0);
  g_assert_cmpstr (cf_diary_entry_get_id (edited), ==, entry_id);
  g_assert_cmpfloat (cf_diary_entry_get_grams (edited), ==, 100);
  g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2), 939, 1e-9);

  /* Remove with the row's button, then the toast's Undo button (once
   * the edit's toast has gone: a change while it is shown takes its
   * place in it) */
  cf_test_spin_until (no_changed_toast, window);
  {
    GtkWidget *remove = cf_test_find_widget (GTK_WIDGET (view), is_remove_button, entry_id);
    GtkWidget *undo;

    g_assert_nonnull (remove);
    /* (a button's activation clicks it after a moment, as a press shows) */
    gtk_widget_activate (remove);
    cf_test_spin_until (diary_is_empty, diary);
    g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 0);
    g_assert_cmpuint (cf_diary_count_entries (diary), ==, 0);
    g_assert_true (isnan (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2)));
    g_assert_true (cf_test_shows_label (GTK_WIDGET (window), "Removed “Natto (fermented soybeans), Japan”"));

    /* (after the toast's show animation; see cf_test_spin_for()) */
    cf_test_spin_for (700);
    undo = find_toast_button (GTK_WIDGET (window), "Removed “Natto (fermented soybeans), Japan”", "_Undo");
    g_assert_nonnull (undo);
    g_assert_true (gtk_widget_is_sensitive (undo));
    gtk_widget_activate (undo);
    cf_test_spin_until (diary_is_not_empty, diary);
    cf_test_spin ();
  }
  g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 1);
  g_clear_object (&edited);
  edited = get_entry (view, CF_MEAL_LUNCH, 0);
  g_assert_cmpstr (cf_diary_entry_get_id (edited), ==, entry_id);
  g_assert_cmpfloat (cf_diary_entry_get_grams (edited), ==, 100);
  g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2), 939, 1e-9);
  /* Nothing more to undo: Ctrl+Z again changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cf_test_spin ();
  g_assert_cmpuint (cf_diary_count_entries (diary), ==, 1);
  g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 1);

  /* Change day with the header's next button, and back with Today (a
   * button shown only two days or more away: next to today the arrow
   * does the same) */
  {
    GDate tomorrow = today;
    GDate later = today;

    g_date_add_days (&tomorrow, 1);
    g_date_add_days (&later, 2);
    g_object_set_data (G_OBJECT (view), "wanted-day", &tomorrow);
    activate_actionable (GTK_WIDGET (view), "diary.next-day", NULL);
    cf_test_spin_until (day_is, view);
    g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 0);
    g_assert_true (isnan (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2)));
    g_assert_null (cf_test_find_widget (GTK_WIDGET (view), has_action, &(ActionMatch) { "diary.today", NULL }));

    g_object_set_data (G_OBJECT (view), "wanted-day", &later);
    activate_actionable (GTK_WIDGET (view), "diary.next-day", NULL);
    cf_test_spin_until (day_is, view);

    g_object_set_data (G_OBJECT (view), "wanted-day", &today);
    activate_actionable (GTK_WIDGET (view), "diary.today", NULL);
    cf_test_spin_until (day_is, view);
    g_object_set_data (G_OBJECT (view), "wanted-day", NULL);
    g_assert_cmpuint (n_entries (view, CF_MEAL_LUNCH), ==, 1);
  }

  /* (the dialog opened without a meal remembered Breakfast) */
  g_settings_reset (settings, "meals-by-time-of-day");

  /* Nothing leaks once the window is gone */
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  g_object_add_weak_pointer (G_OBJECT (view), &weak_view);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin_until (cf_test_is_null, &weak_window);
  g_assert_null (weak_view);
}

static void
test_supplement_dose (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDaySummary *summary = CF_DAY_SUMMARY (cf_diary_view_get_summary (view));
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfFoodDialog *dialog;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autofree char *label = NULL;
  gpointer weak_dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cf_food_store_save_custom_food (store, g_ptr_array_index (templates, 0), NULL));

  dialog = CF_FOOD_DIALOG (cf_diary_view_add_food (view, CF_MEAL_SUPPLEMENTS));
  weak_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
  cf_food_dialog_select_food (dialog, g_ptr_array_index (templates, 0));
  g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");
  /* One capsule to start with */
  g_assert_cmpstr (gtk_editable_get_text (_cf_food_dialog_get_amount (dialog)), ==, "1");
  set_amount (dialog, "2");
  gtk_widget_activate (_cf_food_dialog_get_save_button (dialog));
  cf_test_spin_until (cf_test_is_null, &weak_dialog);

  entry = get_entry (view, CF_MEAL_SUPPLEMENTS, 0);
  label = cf_diary_entry_dup_amount_label (entry);
  g_assert_cmpstr (label, ==, "2 × capsule");
  g_assert_cmpfloat_with_epsilon (cf_day_summary_get_value (summary, CF_KEY_VITAMIN_K2), 200, 1e-9);
  /* A supplement alone: its dose is complete data, not a partial day */
  g_assert_cmpint (cf_day_summary_get_state (summary, CF_KEY_VITAMIN_K2), ==, CF_DAY_TILE_COMPLETE);

  /* Editing the supplement from the Foods view: in doses per unit, not
   * per 100 g; a bad dose is refused; the change keeps the food's id
   * and leaves the day already logged alone */
  {
    CfFoodsView *foods = CF_FOODS_VIEW (cf_window_get_foods_view (window));
    CfFood *template = g_ptr_array_index (templates, 0);
    g_autofree char *id = g_strdup (cf_food_get_id (template));
    g_autoptr(CfFood) stored = NULL;
    g_autoptr(CfDiaryEntry) logged = NULL;
    g_autoptr(GError) error = NULL;
    CfSupplementDialog *edit;
    AdwMessageDialog *message;

    edit = CF_SUPPLEMENT_DIALOG (cf_foods_view_edit_food (foods, template));
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (edit)), ==, "Edit Supplement");
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_unit_field (edit)), ==, "capsule");
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_dose_field (edit, CF_NUTRIENT_MK7)), ==, "100");
    gtk_editable_set_text (cf_supplement_dialog_get_dose_field (edit, CF_NUTRIENT_MK7), "-1");
    g_assert_false (cf_supplement_dialog_save (edit, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
    stored = cf_food_store_get_food (store, id, NULL);
    g_assert_cmpfloat (cf_supplement_get_dose (stored, CF_NUTRIENT_MK7), ==, 100);
    g_clear_object (&stored);

    gtk_editable_set_text (cf_supplement_dialog_get_dose_field (edit, CF_NUTRIENT_MK7), "180");
    g_assert_true (cf_supplement_dialog_save (edit, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (edit));
    stored = cf_food_store_get_food (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (cf_supplement_get_dose (stored, CF_NUTRIENT_MK7), ==, 180);
    g_assert_cmpint (cf_food_get_kind (stored), ==, CF_FOOD_KIND_SUPPLEMENT);
    logged = cf_diary_get_entry (cf_context_get_diary (context), cf_diary_entry_get_id (entry), &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (logged, CF_NUTRIENT_MK7), 200, 1e-9);

    /* Delete asks first: Cancel keeps it, Delete removes it from the
     * foods and leaves the diary alone */
    edit = CF_SUPPLEMENT_DIALOG (cf_foods_view_edit_food (foods, stored));
    weak_dialog = edit;
    g_object_add_weak_pointer (G_OBJECT (edit), &weak_dialog);
    g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (edit), "_Delete"), "clicked");
    cf_test_spin ();
    message = find_message_dialog ();
    g_assert_nonnull (message);
    g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete This Supplement?");
    /* (a response closes the message dialog) */
    adw_message_dialog_response (message, "cancel");
    cf_test_spin ();
    g_clear_object (&stored);
    stored = cf_food_store_get_food (store, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (stored);

    g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (edit), "_Delete"), "clicked");
    cf_test_spin ();
    message = find_message_dialog ();
    adw_message_dialog_response (message, "delete");
    cf_test_spin_until (cf_test_is_null, &weak_dialog);
    g_clear_object (&stored);
    stored = cf_food_store_get_food (store, id, &error);
    g_assert_null (stored);
    g_clear_error (&error);
    g_clear_object (&logged);
    logged = cf_diary_get_entry (cf_context_get_diary (context), cf_diary_entry_get_id (entry), &error);
    g_assert_no_error (error);
    g_assert_nonnull (logged);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

static gboolean
is_of_type (gpointer      widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* The bar of view switchers at the bottom of @window, if it is shown */
static gboolean
switcher_bar_is_shown (CfWindow *window)
{
  GtkWidget *bar = cf_test_find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_BAR));

  g_assert_nonnull (bar);
  return gtk_widget_get_mapped (bar) && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

/* The window is usable at 360 px: nothing in it asks for more */
/* A diary entry whose details are long enough to wrap at 360 px */
static gboolean
is_entry_row_with_details (gpointer      widget,
                           gconstpointer data)
{
  return CF_IS_DIARY_ENTRY_ROW (widget) && g_utf8_strlen (cf_diary_entry_row_get_subtitle (widget), -1) > 60;
}

static gboolean
has_css_class (gpointer      widget,
               gconstpointer data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_button (gpointer      widget,
           gconstpointer data)
{
  return GTK_IS_BUTTON (widget);
}

/* Checks where the details of each diary entry under @widget wrap;
 * returns how many wrap */
static guint
check_entry_wraps (GtkWidget *widget)
{
  guint n = 0;

  if (CF_IS_DIARY_ENTRY_ROW (widget))
    {
      GtkLabel *subtitle = cf_test_find_widget (widget, has_css_class, "subtitle");
      PangoLayout *layout = gtk_label_get_layout (subtitle);
      const char *text = pango_layout_get_text (layout);
      GSList *lines = pango_layout_get_lines_readonly (layout);

      for (GSList *l = lines->next; l != NULL; l = l->next)
        {
          int start = ((PangoLayoutLine *) l->data)->start_index;

          g_test_message ("%s: line %s", cf_diary_entry_row_get_title (CF_DIARY_ENTRY_ROW (widget)), text + start);
          g_assert_cmpint (start, >=, 3);
          g_assert_true (g_str_has_prefix (text + start - 3, "· "));
        }

      return lines->next != NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_entry_wraps (child);

  return n;
}

typedef struct
{
  GtkWidget *view;
  gboolean   painted;
  gboolean   meals_shown[CF_N_MEALS];   /* in the first frame */
} FirstFrame;

static gboolean
meal_shown (GtkWidget *view,
            CfMeal     meal)
{
  return cf_test_find_mapped_label (view, cf_meal_get_name (meal)) != NULL;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        FirstFrame    *f)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, f);
  f->painted = TRUE;
  for (guint m = 0; m < CF_N_MEALS; m++)
    f->meals_shown[m] = meal_shown (f->view, m);
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

static gboolean
all_meals_shown (gpointer view)
{
  for (guint m = 0; m < CF_N_MEALS; m++)
    if (!meal_shown (view, m))
      return FALSE;
  return TRUE;
}

/* The window's first frame shows the day down to its first meal with
 * entries, and the next frames the whole day; also when the diary is
 * not the first view shown */
static void
test_first_frame (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  FirstFrame f = { NULL };
  CfWindow *window;
  GDate today;

  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (context, &today, 2, &error));
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  f.view = cf_window_get_diary_view (window);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), &f);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin_until (first_frame_painted, &f);

  /* The sample day has breakfast */
  g_assert_true (f.meals_shown[CF_MEAL_BREAKFAST]);
  for (guint m = CF_MEAL_BREAKFAST + 1; m < CF_N_MEALS; m++)
    g_assert_false (f.meals_shown[m]);
  cf_test_spin_until (all_meals_shown, f.view);

  /* Another day is shown whole at once */
  g_date_subtract_days (&today, 1);
  cf_diary_view_set_day (CF_DIARY_VIEW (f.view), &today);
  g_assert_true (all_meals_shown (f.view));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();

  /* Opened on the Foods view, the diary is whole once switched to */
  g_settings_set_string (settings, "last-view", "foods");
  window = cf_window_new_for_context (context, settings);
  f.view = cf_window_get_diary_view (window);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  g_assert_false (gtk_widget_get_mapped (f.view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "diary");
  cf_test_spin_until (all_meals_shown, f.view);

  g_settings_reset (settings, "last-view");
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

static void
test_narrow (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  g_autoptr(GError) error = NULL;
  CfDiaryEntryRow *row;
  GtkLabel *subtitle;
  GtkWidget *button;
  graphene_rect_t label_box, button_box;
  int min = 0, nat = 0, line = 0;
  GDate today;

  cf_day_set_today (&today);
  g_assert_true (cf_demo_fill (context, &today, 1, &error));
  g_assert_no_error (error);
  cf_diary_view_set_day (view, &today);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);

  /* Wide, the views are switched in the header bar; narrow, at the
   * bottom of the window */
  g_assert_false (switcher_bar_is_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();

  window = cf_window_new_for_context (context, settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin_for (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 500);
  g_assert_true (switcher_bar_is_shown (window));
  {
    GtkWidget *bar = cf_test_find_widget (GTK_WIDGET (window), is_of_type,
                                          GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_BAR));

    /* with a button for each view (it is given them when first shown) */
    g_assert_nonnull (cf_test_find_mapped_label (bar, "Diary"));
    g_assert_nonnull (cf_test_find_mapped_label (bar, "Foods"));
    g_assert_nonnull (cf_test_find_mapped_label (bar, "Insights"));
  }

  /* An entry's details wrap in a narrow window, and its row grows to
   * show them, beside the remove button, never under it */
  row = cf_test_find_widget (window, is_entry_row_with_details, NULL);
  g_assert_nonnull (row);
  subtitle = cf_test_find_widget (row, has_css_class, "subtitle");
  button = cf_test_find_widget (row, is_button, NULL);
  g_assert_nonnull (subtitle);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, cf_diary_entry_row_get_subtitle (row));
  gtk_widget_measure (GTK_WIDGET (subtitle), GTK_ORIENTATION_VERTICAL, -1, &line, NULL, NULL, NULL);
  g_test_message ("subtitle \"%s\": %d px high, one line %d px", gtk_label_get_text (subtitle),
                  gtk_widget_get_height (GTK_WIDGET (subtitle)), line);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (subtitle)), >=, 2 * line);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (subtitle), GTK_WIDGET (row), &label_box));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (row), &button_box));
  g_assert_cmpfloat (label_box.origin.x + label_box.size.width, <=, button_box.origin.x);
  g_assert_cmpfloat (label_box.origin.y + label_box.size.height, <=, gtk_widget_get_height (GTK_WIDGET (row)));
  g_assert_cmpfloat (button_box.origin.x + button_box.size.width, <=, gtk_widget_get_width (GTK_WIDGET (row)));

  /* The details wrap between nutrients, after the space of a " · ",
   * never between a value and its unit */
  g_assert_cmpuint (check_entry_wraps (GTK_WIDGET (window)), >=, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The profile in Preferences decides the targets the day is measured
 * against; bad input is refused next to the field */
static void
test_preferences (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfDaySummary *summary = CF_DAY_SUMMARY (cf_diary_view_get_summary (view));
  CfPreferencesWindow *preferences = cf_preferences_window_new (settings);
  AdwEntryRow *birth = _cf_preferences_window_get_birth_date_row (preferences);
  AdwEntryRow *calcium = _cf_preferences_window_get_target_row (preferences, CF_TARGET_CALCIUM);
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  g_autoptr(GVariant) overrides = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  GDate today, birthday;
  double value;

  g_settings_reset (settings, "profile-sex");
  g_settings_reset (settings, "profile-birth-date");
  g_settings_reset (settings, "target-overrides");
  {
    g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
    g_autoptr(CfDiaryEntry) entry = NULL;

    cf_day_set_today (&today);
    entry = cf_diary_entry_new (&today, CF_MEAL_LUNCH, cheddar, 30, NULL, 0);
    g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, NULL));
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  cf_test_spin ();

  /* A birth date that is not one, or in the future: refused, not saved */
  gtk_editable_set_text (GTK_EDITABLE (birth), "1970-02-30");
  g_signal_emit_by_name (birth, "apply");
  g_assert_nonnull (_cf_preferences_window_get_error (preferences));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (birth), "error"));
  gtk_editable_set_text (GTK_EDITABLE (birth), "2999-01-01");
  g_signal_emit_by_name (birth, "apply");
  g_assert_nonnull (_cf_preferences_window_get_error (preferences));
  stored = g_settings_get_string (settings, "profile-birth-date");
  g_assert_cmpstr (stored, ==, "");

  /* A woman of 35: calcium as the NASEM table says for her */
  cf_day_set_today (&today);
  birthday = today;
  g_date_subtract_years (&birthday, 35);
  text = cf_day_to_iso (&birthday);
  gtk_editable_set_text (GTK_EDITABLE (birth), text);
  g_signal_emit_by_name (birth, "apply");
  g_assert_null (_cf_preferences_window_get_error (preferences));
  adw_combo_row_set_selected (_cf_preferences_window_get_sex_row (preferences), 1);
  cf_test_spin ();

  cf_profile_set_sex (profile, CF_SEX_FEMALE);
  cf_profile_set_birth_date (profile, &birthday);
  targets = cf_targets_new (profile, &today);
  value = cf_targets_get (targets, CF_TARGET_CALCIUM)->value;
  g_assert_cmpfloat (value, >, 0);
  g_assert_cmpfloat (cf_day_summary_get_target (summary, CF_KEY_CALCIUM), ==, value);

  /* A personal target: refused when not a number, used when it is */
  gtk_editable_set_text (GTK_EDITABLE (calcium), "lots");
  g_signal_emit_by_name (calcium, "apply");
  g_assert_nonnull (_cf_preferences_window_get_error (preferences));
  gtk_editable_set_text (GTK_EDITABLE (calcium), "1111");
  g_signal_emit_by_name (calcium, "apply");
  g_assert_null (_cf_preferences_window_get_error (preferences));
  overrides = g_settings_get_value (settings, "target-overrides");
  g_assert_true (g_variant_lookup (overrides, "calcium", "d", &value));
  g_assert_cmpfloat (value, ==, 1111);
  cf_test_spin ();
  g_assert_cmpfloat (cf_day_summary_get_target (summary, CF_KEY_CALCIUM), ==, 1111);

  g_settings_reset (settings, "profile-sex");
  g_settings_reset (settings, "profile-birth-date");
  g_settings_reset (settings, "target-overrides");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* The About window shows what the metainfo says */
static void
test_about (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/cofactor/Cofactor/metainfo.xml", 0, NULL);
  g_autoptr(CfAppdata) appdata = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *about;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;

  g_assert_nonnull (bytes);
  appdata = cf_appdata_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (appdata->name, ==, "Cofactor");
  g_assert_cmpstr (appdata->developer, ==, "The Cofactor authors");
  g_assert_cmpstr (appdata->version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (appdata->license, ==, "GPL-3.0-or-later");
  g_assert_true (g_str_has_prefix (appdata->homepage, "https://"));
  g_assert_nonnull (appdata->summary);
  g_assert_true (g_str_has_prefix (appdata->release_notes, "<p>"));

  /* A malformed file is refused, not half read */
  g_assert_null (cf_appdata_parse ("<component><name>x</component>", -1, &error));
  g_assert_nonnull (error);

  about = cf_about_window_new (NULL);
  g_object_get (about, "application-name", &name, "version", &version, NULL);
  g_assert_cmpstr (name, ==, "Cofactor");
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_import_export (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(CfContext) other = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfWindow *window2 = cf_window_new_for_context (other, settings);
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) day = NULL;
  AdwMessageDialog *message;
  GDate today;

  cf_day_set_today (&today);
  {
    g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
    g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&today, CF_MEAL_LUNCH, cheddar, 30, NULL, 0);

    g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, NULL));
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window2));
  cf_test_spin ();

  /* Export: the file is written and a toast names it */
  g_assert_true (_cf_window_export_file (window, file));
  cf_test_spin ();
  g_assert_true (g_file_query_exists (file, NULL));
  cf_test_spin_until_label (window, "Exported to “diary.json”");

  /* A malformed file: a toast says nothing was imported, its Details
   * give the reason, and the diary is as it was */
  g_assert_true (g_file_set_contents (bad_path,
                                      "{ \"format\": \"cofactor-diary\", \"version\": 1,\n"
                                      "  \"entries\": [ { \"day\": \"yesterday\" } ] }\n",
                                      -1, NULL));
  cf_test_import_file (window2, bad);
  cf_test_spin ();
  cf_test_spin_until_label (window2, "Nothing was imported");
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (other)), ==, 0);
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window2), "win.show-error", NULL));
  cf_test_spin ();
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Nothing Was Imported");
  g_test_message ("import error: %s", adw_message_dialog_get_body (message));
  g_assert_true (strlen (adw_message_dialog_get_body (message)) > 0);
  gtk_window_destroy (GTK_WINDOW (message));

  /* The export goes into another diary whole, once its preview is
   * accepted (after the error toast has come in; see cf_test_spin_for()) */
  cf_test_spin_for (700);
  cf_test_import_file (window2, file);
  cf_test_spin ();
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Import Cofactor Export?");
  g_assert_cmpuint (cf_diary_count_entries (cf_context_get_diary (other)), ==, 0);
  g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (message), "_Import"), "clicked");
  cf_test_wait_import (window2);
  /* (the result's toast comes once the error's has finished animating) */
  cf_test_spin_until_label (window2, "Imported 1 diary entry and 0 foods");
  day = cf_diary_list_day (cf_context_get_diary (other), &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 1);
  g_assert_cmpfloat (cf_diary_entry_get_grams (g_ptr_array_index (day, 0)), ==, 30);
  g_assert_cmpstr (cf_diary_entry_get_food_id (g_ptr_array_index (day, 0)), ==, "usda:01009");

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window2));
  cf_test_spin ();
  cf_test_remove_tree (dir);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  return cf_test_find_widget (widget, has_css_class, css_class);
}

/* The row of the search results that shows the food with @id */
static GtkListBoxRow *
find_result (CfFoodDialog *dialog,
             const char   *id)
{
  GtkListBox *results = _cf_food_dialog_get_results (dialog);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (results, i)); i++)
    {
      CfFood *food = g_object_get_data (G_OBJECT (row), "food");

      if (food != NULL && g_strcmp0 (cf_food_get_id (food), id) == 0)
        return row;
    }

  return NULL;
}

typedef struct
{
  CfFoodDialog *dialog;
  const char   *id;
} ResultWait;

static gboolean
has_result (gpointer data)
{
  ResultWait *wait = data;

  return find_result (wait->dialog, wait->id) != NULL;
}

static CfSupplementDialog *
find_supplement_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_SUPPLEMENT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_SUPPLEMENT_DIALOG (window);
    }

  return NULL;
}

static guint
count_supplements (CfFoodStore *store,
                   const char  *id)
{
  g_autoptr(GPtrArray) mine = cf_food_store_search (store, "", CF_SEARCH_SUPPLEMENTS, NULL, NULL, 200, NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < mine->len; i++)
    if (id == NULL || g_strcmp0 (cf_food_get_id (g_ptr_array_index (mine, i)), id) == 0)
      n++;

  return n;
}

/* A template found by searching from any meal, marked as a supplement,
 * saved with its vitamin D typed in IU, logged; logged again, the same
 * food of the user's is used, not a second one */
static void
test_supplement_templates (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window = cf_window_new_for_context (context, settings);
  CfDiaryView *view = CF_DIARY_VIEW (cf_window_get_diary_view (window));
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfFood *d3 = NULL;
  g_autofree char *d3_id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (cf_supplement_get_template_key (g_ptr_array_index (templates, i)), "vitamin-d3-2000iu") == 0)
      d3 = g_ptr_array_index (templates, i);
  g_assert_nonnull (d3);
  d3_id = g_strdup (cf_food_get_id (d3));

  for (guint round = 0; round < 2; round++)
    {
      CfFoodDialog *dialog = CF_FOOD_DIALOG (cf_diary_view_add_food (view, round == 0 ? CF_MEAL_BREAKFAST : CF_MEAL_DINNER));
      ResultWait wait = { dialog, d3_id };
      GtkListBoxRow *row;
      CfFood *food;
      CfSupplementDialog *editor;
      gpointer weak_dialog = dialog;
      g_autoptr(CfDiaryEntry) entry = NULL;

      g_object_add_weak_pointer (G_OBJECT (dialog), &weak_dialog);
      gtk_editable_set_text (_cf_food_dialog_get_search_entry (dialog), "vitamin d3 2000");
      cf_test_spin_until (has_result, &wait);
      row = find_result (dialog, d3_id);
      food = g_object_get_data (G_OBJECT (row), "food");

      /* Marked as a supplement; a template the first time, the user's
       * own supplement the second */
      g_assert_nonnull (find_with_class (GTK_WIDGET (row), "cf-tag"));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_with_class (GTK_WIDGET (row), "cf-tag"))), ==, "Supplement");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       round == 0 ? "Supplement template" : "My supplement");
      g_assert_true ((cf_supplement_get_template_key (food) != NULL) == (round == 0));

      g_signal_emit_by_name (_cf_food_dialog_get_results (dialog), "row-activated", row);
      cf_test_spin ();

      editor = find_supplement_dialog ();
      if (round == 0)
        {
          AdwEntryRow *vitamin_d;
          GtkWidget *save;
          gpointer weak_editor;

          /* The editor starts from the template, says where its amount
           * comes from, and takes vitamin D in IU */
          g_assert_nonnull (editor);
          weak_editor = editor;
          g_object_add_weak_pointer (G_OBJECT (editor), &weak_editor);
          g_assert_cmpuint (adw_combo_row_get_selected (cf_supplement_dialog_get_template_row (editor)), >, 0);
          g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_name_field (editor)), ==,
                           "Vitamin D3 2,000 IU (50 µg)");
          vitamin_d = ADW_ENTRY_ROW (cf_supplement_dialog_get_dose_field (editor, CF_NUTRIENT_VITAMIN_D));
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vitamin_d)), ==, "50");

          /* Not understood: the message names µg and IU, nothing saved */
          save = gtk_window_get_default_widget (GTK_WINDOW (editor));
          gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "2000 units");
          g_assert_null (cf_vitamin_d_field_get_conversion (vitamin_d));
          g_assert_cmpstr (cf_vitamin_d_field_get_hint (vitamin_d), ==, "Write it in µg or IU");
          g_signal_emit_by_name (save, "clicked");
          cf_test_spin ();
          g_assert_nonnull (weak_editor);
          g_assert_nonnull (strstr (cf_supplement_dialog_get_error (editor), "µg"));
          g_assert_nonnull (strstr (cf_supplement_dialog_get_error (editor), "IU"));
          g_assert_cmpuint (count_supplements (store, NULL), ==, 0);

          gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "2000 IU");
          g_assert_cmpstr (cf_vitamin_d_field_get_conversion (vitamin_d), ==, "2000 IU = 50 µg");
          g_assert_null (cf_vitamin_d_field_get_hint (vitamin_d));
          gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "50 µg");
          g_assert_cmpstr (cf_vitamin_d_field_get_conversion (vitamin_d), ==, "50 µg = 2000 IU");
          gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "2000 I.E.");
          g_assert_cmpstr (cf_vitamin_d_field_get_conversion (vitamin_d), ==, "2000 IU = 50 µg");
          gtk_widget_activate (save);
          cf_test_spin_until (cf_test_is_null, &weak_editor);
        }
      else
        /* The second time straight to the amount: nothing to save */
        g_assert_null (editor);

      g_assert_cmpstr (_cf_food_dialog_get_page (dialog), ==, "details");
      /* The amount as vitamin D, the first time: two 2,000 IU softgels */
      set_amount (dialog, round == 0 ? "4000 IU" : "1");
      if (round == 0)
        g_assert_cmpstr (_cf_food_dialog_get_amount_conversion (dialog), ==, "4000 IU = 100 µg");
      else
        g_assert_null (_cf_food_dialog_get_amount_conversion (dialog));
      g_assert_true (gtk_widget_get_sensitive (_cf_food_dialog_get_save_button (dialog)));
      gtk_widget_activate (_cf_food_dialog_get_save_button (dialog));
      cf_test_spin_until (cf_test_is_null, &weak_dialog);

      entry = get_entry (view, round == 0 ? CF_MEAL_BREAKFAST : CF_MEAL_DINNER, 0);
      g_assert_cmpstr (cf_diary_entry_get_food_id (entry), ==, d3_id);
      g_assert_cmpfloat_with_epsilon (cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_VITAMIN_D),
                                      round == 0 ? 100 : 50, 1e-9);

      /* One supplement of the user's, however often it is logged */
      g_assert_cmpuint (count_supplements (store, NULL), ==, 1);
      g_assert_cmpuint (count_supplements (store, d3_id), ==, 1);
    }

  /* "New Supplement…" offers the templates: picking one fills the
   * fields and says where its amounts come from */
  {
    CfSupplementDialog *editor = cf_supplement_dialog_new (context, NULL);
    AdwComboRow *chooser = cf_supplement_dialog_get_template_row (editor);
    GListModel *names = adw_combo_row_get_model (chooser);
    guint glycinate = GTK_INVALID_LIST_POSITION;

    g_assert_cmpuint (g_list_model_get_n_items (names), ==, templates->len + 1);
    for (guint i = 0; i < templates->len; i++)
      if (g_strcmp0 (cf_supplement_get_template_key (g_ptr_array_index (templates, i)), "magnesium-glycinate-100") == 0)
        glycinate = i + 1;
    g_assert_cmpuint (glycinate, !=, GTK_INVALID_LIST_POSITION);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), glycinate), ==,
                     "Magnesium glycinate (100 mg magnesium)");

    gtk_window_present (GTK_WINDOW (editor));
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_name_field (editor)), ==, "");
    adw_combo_row_set_selected (chooser, glycinate);
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_name_field (editor)), ==,
                     "Magnesium glycinate (100 mg magnesium)");
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_unit_field (editor)), ==, "capsule");
    g_assert_cmpstr (gtk_editable_get_text (cf_supplement_dialog_get_dose_field (editor, CF_NUTRIENT_MAGNESIUM)), ==, "100");
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_with_class (GTK_WIDGET (editor), "caption"))),
                              "14 %"));
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
}

/* Vitamin D in the custom food editor: µg or IU, the conversion shown */
static void
test_food_editor_iu (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodEditor *editor = cf_food_editor_new (context, NULL);
  AdwEntryRow *vitamin_d = ADW_ENTRY_ROW (cf_food_editor_get_nutrient_field (editor, CF_NUTRIENT_VITAMIN_D));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (cf_food_editor_get_name_field (editor), "Fortified milk");
  gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "about 40");
  g_assert_false (cf_food_editor_save (editor, &error));
  g_assert_nonnull (strstr (error->message, "µg"));
  g_assert_nonnull (strstr (error->message, "IU"));
  g_assert_nonnull (strstr (cf_food_editor_get_error (editor), "IU"));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (vitamin_d), "40 UI");
  g_assert_cmpstr (cf_vitamin_d_field_get_conversion (vitamin_d), ==, "40 IU = 1 µg");
  g_assert_true (cf_food_editor_save (editor, &error));
  g_assert_no_error (error);

  found = cf_food_store_search (cf_context_get_food_store (context), "fortified milk", CF_SEARCH_CUSTOM,
                                NULL, NULL, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (cf_food_get_nutrient (g_ptr_array_index (found, 0), CF_NUTRIENT_VITAMIN_D), 1, 1e-9);

  gtk_window_destroy (GTK_WINDOW (editor));
  cf_test_spin ();
}

/* Whether the process has loaded an SVG renderer */
static gboolean
svg_renderer_loaded (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));

  return strstr (maps, "librsvg") != NULL || strstr (maps, "pixbufloader-svg") != NULL;
}

/* The application's icons are symbolic PNGs, as GTK's own are, at the
 * sizes of a button and of a status page: the window's first frame,
 * with an empty diary (its large icon) or with a day of entries, loads
 * no SVG renderer.  In a process of its own, which has drawn nothing
 * before. */
static void
test_icons (gconstpointer data)
{
  static const char * const names[] = {
    "cf-diary-symbolic", "cf-foods-symbolic", "cf-insights-symbolic", "cf-supplement-symbolic",
  };
  static const int sizes[] = { 16, 32, 128 };
  gboolean with_entry = GPOINTER_TO_INT (data);
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkIconTheme *theme;
  CfWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_false (svg_renderer_loaded ());
  context = cf_test_context_new (TRUE);
  settings = g_settings_new ("io.github.cofactor.Cofactor");
  if (with_entry)
    {
      g_autoptr(CfFood) cheddar = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", NULL);
      g_autoptr(CfDiaryEntry) entry = NULL;
      GDate today;

      cf_day_set_today (&today);
      entry = cf_diary_entry_new (&today, CF_MEAL_LUNCH, cheddar, 30, NULL, 0);
      g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, NULL));
    }
  /* As GtkApplication does from the application's resource base path */
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_add_resource_path (theme, "/io/github/cofactor/Cofactor/icons");
  window = cf_window_new_for_context (context, settings);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  g_assert_true ((cf_test_find_mapped_label (GTK_WIDGET (window), "Start Your Diary") != NULL) == !with_entry);
  g_assert_true ((cf_test_find_mapped_label (GTK_WIDGET (window), "Lunch") != NULL) == with_entry);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sizes); j++)
      {
        g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, names[i], NULL, sizes[j], 1,
                                                                       GTK_TEXT_DIR_NONE, 0);
        g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
        g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

        g_test_message ("%s at %d: %s", names[i], sizes[j], uri);
        g_assert_nonnull (uri);
        g_assert_true (g_str_has_prefix (uri, "resource:///io/github/cofactor/Cofactor/icons/"));
        g_assert_true (g_str_has_suffix (uri, ".symbolic.png"));
      }

  g_assert_false (svg_renderer_loaded ());

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

  g_test_add_func ("/cofactor/ui/diary-flow", test_diary_flow);
  g_test_add_func ("/cofactor/ui/supplement-dose", test_supplement_dose);
  g_test_add_func ("/cofactor/ui/supplement-templates", test_supplement_templates);
  g_test_add_func ("/cofactor/ui/food-editor-iu", test_food_editor_iu);
  g_test_add_func ("/cofactor/ui/narrow", test_narrow);
  g_test_add_func ("/cofactor/ui/first-frame", test_first_frame);
  g_test_add_data_func ("/cofactor/ui/icons/empty", GINT_TO_POINTER (FALSE), test_icons);
  g_test_add_data_func ("/cofactor/ui/icons/day", GINT_TO_POINTER (TRUE), test_icons);
  g_test_add_func ("/cofactor/ui/preferences", test_preferences);
  g_test_add_func ("/cofactor/ui/about", test_about);
  g_test_add_func ("/cofactor/ui/import-export", test_import_export);

  return g_test_run ();
}
