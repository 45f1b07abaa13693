/* cf-food-dialog.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-dialog"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-amount-controller.h"
#include "cf-date.h"
#include "cf-error.h"
#include "cf-food-dialog-private.h"
#include "cf-nutrient-format.h"
#include "cf-supplement-dialog.h"
#include "cf-supplements.h"
#include "cf-ui-util.h"

/**
 * CfFoodDialog:
 *
 * Adds a food to the diary, or edits an entry.  Adding is two steps:
 * search (results as you type, recent and frequent foods before that),
 * then the amount with a live preview of the nutrients; Enter moves on
 * at each step, so "natto ⏎ 50 ⏎" logs 50 g of natto.
 */

#define SEARCH_LIMIT 50
#define RECENT_LIMIT 8

struct _CfFoodDialog
{
  AdwWindow        parent_instance;

  CfContext       *context;
  CfDiaryEntry    *entry;
  CfFood          *food;
  GDate            day;
  CfMeal           meal;
  /* The meal came from the time of day, not from the user */
  gboolean         meal_guessed;
  CfMeal           guessed_meal;
  GCancellable    *search_cancellable;
  CfAmountController *amount;

  AdwWindowTitle  *window_title;
  GtkButton       *back_button;
  GtkButton       *save_button;
  GtkStack        *stack;
  GtkSearchEntry  *search_entry;
  GtkListBox      *results;
  GtkStack        *results_stack;
  GtkLabel        *correction_label;
  GtkLabel        *food_name;
  GtkLabel        *food_source;
  AdwEntryRow     *amount_row;
  AdwComboRow     *portion_row;
  AdwComboRow     *meal_row;
  AdwActionRow    *date_row;
  gboolean         pick;
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkLabel        *amount_error;
  AdwPreferencesGroup *preview_group;
  GtkWidget       *preview_values[CF_N_PREVIEW];
};

enum {
  PICKED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfFoodDialog, cf_food_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
create_food_row (CfFood *food)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (cf_food_get_display_name (food), -1);
  g_autofree char *source = cf_food_dup_source_summary (food);
  g_autofree char *subtitle = g_markup_escape_text (source, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (cf_food_get_kind (food) == CF_FOOD_KIND_SUPPLEMENT)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), cf_supplement_tag_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "food", g_object_ref (food), g_object_unref);

  return row;
}

static void
add_section (CfFoodDialog *self,
             const char   *title,
             GPtrArray    *foods)
{
  for (guint i = 0; foods != NULL && i < foods->len; i++)
    {
      GtkWidget *row = create_food_row (g_ptr_array_index (foods, i));

      if (i == 0)
        g_object_set_data_full (G_OBJECT (row), "section", g_strdup (title), g_free);
      gtk_list_box_append (self->results, row);
    }
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  GtkWidget *label;

  if (section == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  label = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, before ? 18 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_list_box_row_set_header (row, label);
}

static void
clear_results (CfFoodDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
}

static void
show_suggestions (CfFoodDialog *self)
{
  CfDiary *diary = cf_context_get_diary (self->context);
  g_autoptr(GPtrArray) recent = cf_diary_list_recent_foods (diary, RECENT_LIMIT, NULL);
  g_autoptr(GPtrArray) frequent = cf_diary_list_frequent_foods (diary, RECENT_LIMIT, NULL);
  g_autoptr(GPtrArray) templates = NULL;

  clear_results (self);

  if (self->meal == CF_MEAL_SUPPLEMENTS)
    {
      g_autoptr(GPtrArray) supplements = cf_food_store_search (cf_context_get_food_store (self->context), "",
                                                               CF_SEARCH_SUPPLEMENTS, NULL, NULL, 50, NULL, NULL);

      add_section (self, _("My Supplements"), supplements);
    }

  add_section (self, _("Recent"), recent);

  /* Frequent foods that are not already among the recent ones */
  if (frequent != NULL && recent != NULL)
    {
      for (guint i = frequent->len; i > 0; i--)
        {
          CfFood *f = g_ptr_array_index (frequent, i - 1);

          for (guint j = 0; j < recent->len; j++)
            if (g_strcmp0 (cf_food_get_id (f), cf_food_get_id (g_ptr_array_index (recent, j))) == 0)
              {
                g_ptr_array_remove_index (frequent, i - 1);
                break;
              }
        }
    }
  add_section (self, _("Often Logged"), frequent);

  if (self->meal == CF_MEAL_SUPPLEMENTS)
    {
      templates = cf_supplement_list_templates ();
      /* A template already saved is among "My Supplements" */
      for (guint i = templates->len; i > 0; i--)
        {
          g_autoptr(CfFood) saved = cf_food_store_get_food (cf_context_get_food_store (self->context),
                                                            cf_food_get_id (g_ptr_array_index (templates, i - 1)),
                                                            NULL);
          if (saved != NULL)
            g_ptr_array_remove_index (templates, i - 1);
        }
      add_section (self, _("Start From a Template"), templates);
    }

  gtk_stack_set_visible_child_name (self->results_stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->results)) ? "results" : "hint");
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CfFoodDialog) self = user_data;
  g_autoptr(GPtrArray) foods = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrected = NULL;

  foods = cf_food_store_search_finish (CF_FOOD_STORE (source), result, NULL, &corrected, &error);
  if (foods == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Search failed: %s", error->message);
      return;
    }

  clear_results (self);
  add_section (self, NULL, foods);
  cf_show_correction (self->correction_label, corrected);
  gtk_stack_set_visible_child_name (self->results_stack, foods->len > 0 ? "results" : "none");
}

static void
search_changed_cb (CfFoodDialog   *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* A newer keystroke cancels the older query */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (*stripped == '\0')
    {
      cf_show_correction (self->correction_label, NULL);
      show_suggestions (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  /* Supplement templates too, from any meal */
  cf_food_store_search_async (cf_context_get_food_store (self->context), text,
                              CF_SEARCH_ALL | CF_SEARCH_TEMPLATES, NULL, NULL,
                              SEARCH_LIMIT, self->search_cancellable, search_done_cb,
                              g_object_ref (self));
}

static char *
format_day (const GDate *day)
{
  /* Translators: a date in a button, see g_date_time_format() */
  return cf_day_format (day, _("%a, %e %b %Y"));
}

static void
update_title (CfFoodDialog *self)
{
  g_autofree char *day = format_day (&self->day);
  g_autofree char *subtitle = NULL;

  /* Translators: the meal and the day an entry goes to, e.g.
   * "Breakfast · Sat, 21 Nov 2026" */
  subtitle = g_strdup_printf (_("%s · %s"), cf_meal_get_name (self->meal), day);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_menu_button_set_label (self->date_button, day);
}

/* An imported entry whose amount is not a weight: only its meal and
 * day can change; it shows its amounts as the file gave them */
static gboolean
editing_without_weight (CfFoodDialog *self)
{
  return self->entry != NULL && !cf_diary_entry_has_weight (self->entry);
}

static void
update_preview (CfFoodDialog *self)
{
  gboolean valid = cf_amount_controller_is_valid (self->amount);

  for (guint i = 0; i < CF_N_PREVIEW; i++)
    {
      g_autofree char *text = NULL;

      if (editing_without_weight (self))
        {
          CfNutrients amounts;

          cf_diary_entry_get_amounts (self->entry, &amounts);
          text = cf_format_preview_value (i, &amounts, 100);
        }
      else if (!valid)
        text = g_strdup ("—");
      else
        text = cf_format_preview_value (i, cf_food_get_nutrients (self->food),
                                        cf_amount_controller_get_grams (self->amount));

      gtk_label_set_label (GTK_LABEL (self->preview_values[i]), text);
    }
}

static void
amount_changed_cb (CfFoodDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            editing_without_weight (self) ||
                            (self->food != NULL && cf_amount_controller_is_valid (self->amount)));
  update_preview (self);
}

static void show_meal (CfFoodDialog *self,
                       CfMeal        meal);

static void
show_details (CfFoodDialog *self)
{
  g_autofree char *source = NULL;

  /* An imported entry says where its values come from */
  if (self->entry != NULL)
    source = cf_diary_entry_dup_origin_label (self->entry);
  if (source == NULL)
    source = cf_food_dup_source_summary (self->food);

  gtk_label_set_label (self->food_name, cf_food_get_display_name (self->food));
  gtk_label_set_label (self->food_source, source);

  /* No weight: the amount as the file wrote it, which cannot be
   * changed (there is no weight to scale by) */
  if (editing_without_weight (self))
    {
      const char *amount = cf_diary_entry_get_origin_amount (self->entry);

      if (amount != NULL)
        {
          g_autofree char *with_amount = NULL;

          /* Translators: where an imported entry comes from and its
           * amount as the file wrote it, e.g. "Imported from Cronometer
           * · 1.00 medium" */
          with_amount = g_strdup_printf (_("%s · %s"), source, amount);
          gtk_label_set_label (self->food_source, with_amount);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->amount_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->portion_row), FALSE);
      amount_changed_cb (self);
    }
  /* Start from the amount as the user gave it when editing */
  else if (self->entry != NULL)
    {
      const char *description = cf_diary_entry_get_portion_description (self->entry);

      cf_amount_controller_set_food (self->amount, self->food, description,
                                     description ? cf_diary_entry_get_portion_quantity (self->entry)
                                                 : cf_diary_entry_get_grams (self->entry));
    }
  else
    cf_amount_controller_set_food (self->amount, self->food, NULL, NAN);

  if (self->meal_guessed && self->entry == NULL)
    show_meal (self, cf_food_get_kind (self->food) == CF_FOOD_KIND_SUPPLEMENT ? CF_MEAL_SUPPLEMENTS
                                                                             : self->guessed_meal);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->entry == NULL);
  /* Keys typed in the amount page are for its fields, not the search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

static void
supplement_saved_cb (CfFoodDialog       *self,
                     CfFood             *food,
                     CfSupplementDialog *dialog)
{
  cf_food_dialog_select_food (self, food);
}

/**
 * cf_food_dialog_select_food:
 *
 * Chooses @food and moves on to its amount.  A supplement template
 * opens the supplement editor first, so it is saved as the user's own;
 * once saved, the template stands for that food (it is not saved twice).
 */
void
cf_food_dialog_select_food (CfFoodDialog *self,
                            CfFood       *food)
{
  g_autoptr(CfFood) full = NULL;

  g_return_if_fail (CF_IS_FOOD_DIALOG (self));
  g_return_if_fail (CF_IS_FOOD (food));

  /* Results carry values but not portions: load the food in full.  A
   * food that is gone (deleted custom food) is logged as remembered. */
  full = cf_food_store_get_food (cf_context_get_food_store (self->context), cf_food_get_id (food), NULL);

  if (full == NULL && cf_supplement_get_template_key (food) != NULL)
    {
      CfSupplementDialog *editor = cf_supplement_dialog_new (self->context, food);

      gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
      g_signal_connect_object (editor, "saved", G_CALLBACK (supplement_saved_cb), self, G_CONNECT_SWAPPED);
      /* Back to this dialog when the editor goes, saved or not, also
       * where no window manager gives the focus back */
      g_signal_connect_object (editor, "unmap", G_CALLBACK (gtk_window_present), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (editor));
      return;
    }

  food = g_object_ref (full != NULL ? full : food);
  g_clear_object (&self->food);
  self->food = food;

  show_details (self);
}

static void
row_activated_cb (CfFoodDialog  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  CfFood *food = g_object_get_data (G_OBJECT (row), "food");

  if (food != NULL)
    cf_food_dialog_select_food (self, food);
}

/* Enter: the row the arrows went to, or the first one from the search
 * field.  The search field captures the keys typed anywhere in the
 * dialog (so typing starts a search), Enter included: it comes here
 * wherever the focus is. */
static void
search_activate_cb (CfFoodDialog   *self,
                    GtkSearchEntry *entry)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListBoxRow *row = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") != 0)
    return;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->results)))
    row = GTK_LIST_BOX_ROW (GTK_IS_LIST_BOX_ROW (focus) ? focus
                                                        : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);

  if (row != NULL)
    row_activated_cb (self, row, self->results);
}

static void
stop_search_cb (CfFoodDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
search_key_pressed_cb (CfFoodDialog          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Enter on the Measure, Meal or Date row opens its list or calendar,
 * as Space does, instead of adding the entry (the window's default) */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    gpointer               user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      !gtk_widget_has_focus (row))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate (row);

  return GDK_EVENT_STOP;
}

/* In the list a combo row opens, Space chooses the item it is on, as
 * Enter does (a list view only moves its selection) */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = popover;

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  while (gtk_widget_get_focus_child (focus) != NULL)
    focus = gtk_widget_get_focus_child (focus);
  if (focus == popover || !gtk_widget_has_focus (focus))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate (focus);

  return GDK_EVENT_STOP;
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_POPOVER (child) ? child : find_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
open_on_enter (GtkWidget *row)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *popover;

  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), NULL);
  gtk_widget_add_controller (row, keys);

  if (ADW_IS_COMBO_ROW (row) && (popover = find_popover (row)) != NULL)
    {
      keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
      gtk_widget_add_controller (popover, keys);
    }
}

static void
back_clicked_cb (CfFoodDialog *self)
{
  g_clear_object (&self->food);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
meal_changed_cb (CfFoodDialog *self)
{
  self->meal = adw_combo_row_get_selected (self->meal_row);
  self->meal_guessed = FALSE;
  update_title (self);
}

static void
show_meal (CfFoodDialog *self,
           CfMeal        meal)
{
  self->meal = meal;
  g_signal_handlers_block_by_func (self->meal_row, meal_changed_cb, self);
  adw_combo_row_set_selected (self->meal_row, meal);
  g_signal_handlers_unblock_by_func (self->meal_row, meal_changed_cb, self);
  update_title (self);
}

/**
 * cf_food_dialog_set_meal_guessed:
 *
 * Says that the meal the dialog was made with is only a guess from the
 * time of day: a supplement chosen then goes to the supplements, until
 * the user picks a meal.
 */
void
cf_food_dialog_set_meal_guessed (CfFoodDialog *self,
                                 gboolean      guessed)
{
  g_return_if_fail (CF_IS_FOOD_DIALOG (self));

  self->meal_guessed = !!guessed;
  self->guessed_meal = self->meal;
}

static void
day_selected_cb (CfFoodDialog *self,
                 GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
  update_title (self);
  gtk_menu_button_popdown (self->date_button);
}

/**
 * cf_food_dialog_save:
 *
 * Adds the entry, or saves the edited one, if the amount is valid.
 * Nothing is written otherwise.
 */
gboolean
cf_food_dialog_save (CfFoodDialog  *self,
                     GError       **error)
{
  CfDiary *diary;
  CfPortion *portion;
  double portion_quantity, grams;

  g_return_val_if_fail (CF_IS_FOOD_DIALOG (self), FALSE);

  if (editing_without_weight (self))
    {
      cf_diary_entry_set_meal (self->entry, self->meal);
      cf_diary_entry_set_day (self->entry, &self->day);
      if (!cf_diary_update (cf_context_get_diary (self->context), self->entry, error))
        return FALSE;

      g_signal_emit (self, signals[SAVED], 0);
      return TRUE;
    }

  if (self->food == NULL || !cf_amount_controller_is_valid (self->amount))
    {
      const char *message = cf_amount_controller_get_error (self->amount);

      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           self->food && message ? message : _("Choose a food first"));
      return FALSE;
    }

  diary = cf_context_get_diary (self->context);
  portion = cf_amount_controller_get_portion (self->amount);
  portion_quantity = cf_amount_controller_get_portion_quantity (self->amount);
  grams = cf_amount_controller_get_grams (self->amount);

  /* Choosing an ingredient: hand it over, the diary is not touched */
  if (self->pick)
    {
      g_signal_emit (self, signals[PICKED], 0, self->food, grams, portion, portion_quantity);
      return TRUE;
    }

  if (self->entry != NULL)
    {
      cf_diary_entry_set_amount (self->entry, grams, portion, portion_quantity);
      cf_diary_entry_set_meal (self->entry, self->meal);
      cf_diary_entry_set_day (self->entry, &self->day);
      if (!cf_diary_update (diary, self->entry, error))
        return FALSE;
    }
  else
    {
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&self->day, self->meal, self->food,
                                                          grams, portion, portion_quantity);

      if (!cf_diary_add (diary, entry, error))
        return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

static void
save_clicked_cb (CfFoodDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_food_dialog_save (self, &error))
    {
      cf_amount_controller_set_error (self->amount, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
build_preview (CfFoodDialog *self)
{
  for (guint i = 0; i < CF_N_PREVIEW; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_preview_get_name (i));
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->preview_group, row);
      self->preview_values[i] = value;
    }
}

static void
cf_food_dialog_dispose (GObject *object)
{
  CfFoodDialog *self = (CfFoodDialog *) object;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->entry);
  g_clear_object (&self->food);
  g_clear_object (&self->amount);

  G_OBJECT_CLASS (cf_food_dialog_parent_class)->dispose (object);
}

static void
cf_food_dialog_class_init (CfFoodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_food_dialog_dispose;

  /**
   * CfFoodDialog::picked:
   * @food: the food chosen
   * @grams: the amount
   * @portion: (nullable): the measure, or %NULL for a weight
   * @portion_quantity: how many of @portion
   *
   * Emitted by a dialog made with cf_food_dialog_new_pick().
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                  CF_TYPE_FOOD, G_TYPE_DOUBLE, CF_TYPE_PORTION, G_TYPE_DOUBLE);

  /**
   * CfFoodDialog::saved:
   *
   * Emitted when the dialog has added its entry to the diary or saved
   * the entry it edits.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-food-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, results);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, correction_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, food_name);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, food_source);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, portion_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, meal_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDialog, preview_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, meal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_food_dialog_init (CfFoodDialog *self)
{
  g_autoptr(GtkStringList) meals = gtk_string_list_new (NULL);
  GtkEventController *keys;

  cf_day_set_today (&self->day);
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_calendar_name_arrows (self->calendar);

  for (guint i = 0; i < CF_N_MEALS; i++)
    gtk_string_list_append (meals, cf_meal_get_name (i));
  adw_combo_row_set_model (self->meal_row, G_LIST_MODEL (meals));

  gtk_list_box_set_header_func (self->results, header_func, NULL, NULL);
  build_preview (self);

  self->amount = cf_amount_controller_new (self->amount_row, self->portion_row, self->amount_error);
  g_signal_connect_object (self->amount, "changed", G_CALLBACK (amount_changed_cb), self, G_CONNECT_SWAPPED);

  open_on_enter (GTK_WIDGET (self->portion_row));
  open_on_enter (GTK_WIDGET (self->meal_row));
  open_on_enter (GTK_WIDGET (self->date_row));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

static CfFoodDialog *
dialog_new (CfContext   *context,
            const GDate *day,
            CfMeal       meal)
{
  CfFoodDialog *self = g_object_new (CF_TYPE_FOOD_DIALOG, NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 12, 0, 0);

  self->context = g_object_ref (context);
  self->day = *day;
  self->meal = meal;

  g_signal_handlers_block_by_func (self->meal_row, meal_changed_cb, self);
  adw_combo_row_set_selected (self->meal_row, meal);
  g_signal_handlers_unblock_by_func (self->meal_row, meal_changed_cb, self);
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, dt);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
  update_title (self);

  return self;
}

/**
 * cf_food_dialog_new_add:
 *
 * Returns: (transfer full): a dialog that logs a food on @day in @meal
 */
CfFoodDialog *
cf_food_dialog_new_add (CfContext   *context,
                        const GDate *day,
                        CfMeal       meal)
{
  CfFoodDialog *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = dialog_new (context, day, meal);
  adw_window_title_set_title (self->window_title, _("Add Food"));
  gtk_button_set_label (self->save_button, _("_Add"));
  show_suggestions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/**
 * cf_food_dialog_new_pick:
 *
 * A dialog that chooses a food and an amount for something other than
 * the diary (a recipe's ingredient): it emits #CfFoodDialog::picked.
 *
 * Returns: (transfer full): the dialog
 */
CfFoodDialog *
cf_food_dialog_new_pick (CfContext *context)
{
  CfFoodDialog *self;
  GDate today;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  cf_day_set_today (&today);
  self = dialog_new (context, &today, CF_MEAL_LUNCH);
  self->pick = TRUE;
  adw_window_title_set_title (self->window_title, _("Add Ingredient"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_button_set_label (self->save_button, _("_Add"));
  gtk_widget_set_visible (GTK_WIDGET (self->meal_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), FALSE);
  show_suggestions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/**
 * cf_food_dialog_new_edit:
 *
 * Returns: (transfer full): a dialog that changes @entry's amount,
 *   portion, meal or day
 */
CfFoodDialog *
cf_food_dialog_new_edit (CfContext    *context,
                         CfDiaryEntry *entry)
{
  CfFoodDialog *self;
  g_autoptr(CfFood) food = NULL;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (entry), NULL);

  self = dialog_new (context, cf_diary_entry_get_day (entry), cf_diary_entry_get_meal (entry));
  self->entry = g_object_ref (entry);
  adw_window_title_set_title (self->window_title, _("Edit Entry"));
  gtk_button_set_label (self->save_button, _("_Save"));

  /* The food as it is now for its measures; the values stay those
   * logged.  A food no longer there is shown as logged. */
  food = cf_food_store_get_food (cf_context_get_food_store (context), cf_diary_entry_get_food_id (entry), NULL);
  if (food == NULL)
    {
      food = cf_food_new_custom (cf_diary_entry_get_food_name (entry));
      cf_food_set_kind (food, cf_diary_entry_get_food_kind (entry));
    }
  cf_food_set_nutrients (food, cf_diary_entry_get_nutrients_per_100g (entry));
  self->food = g_steal_pointer (&food);
  show_details (self);

  return self;
}

/**
 * cf_food_dialog_get_meal:
 *
 * Returns: the meal the entry goes to
 */
CfMeal
cf_food_dialog_get_meal (CfFoodDialog *self)
{
  g_return_val_if_fail (CF_IS_FOOD_DIALOG (self), CF_MEAL_SNACKS);

  return self->meal;
}

/**
 * cf_food_dialog_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry the dialog edits
 */
CfDiaryEntry *
cf_food_dialog_get_entry (CfFoodDialog *self)
{
  g_return_val_if_fail (CF_IS_FOOD_DIALOG (self), NULL);

  return self->entry;
}

/**
 * cf_food_dialog_get_error:
 *
 * Returns: (nullable): the message shown next to the amount, if any
 */
const char *
cf_food_dialog_get_error (CfFoodDialog *self)
{
  g_return_val_if_fail (CF_IS_FOOD_DIALOG (self), NULL);

  return cf_amount_controller_get_error (self->amount);
}

GtkEditable *
_cf_food_dialog_get_search_entry (CfFoodDialog *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkListBox *
_cf_food_dialog_get_results (CfFoodDialog *self)
{
  return self->results;
}

GtkEditable *
_cf_food_dialog_get_amount (CfFoodDialog *self)
{
  return GTK_EDITABLE (self->amount_row);
}

const char *
_cf_food_dialog_get_amount_conversion (CfFoodDialog *self)
{
  return cf_amount_controller_get_conversion (self->amount);
}

AdwComboRow *
_cf_food_dialog_get_portion_row (CfFoodDialog *self)
{
  return self->portion_row;
}

AdwComboRow *
_cf_food_dialog_get_meal_row (CfFoodDialog *self)
{
  return self->meal_row;
}

GtkWidget *
_cf_food_dialog_get_save_button (CfFoodDialog *self)
{
  return GTK_WIDGET (self->save_button);
}

GtkLabel *
_cf_food_dialog_get_error_label (CfFoodDialog *self)
{
  return self->amount_error;
}

const char *
_cf_food_dialog_get_page (CfFoodDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
_cf_food_dialog_get_food_name (CfFoodDialog *self)
{
  return self->food ? cf_food_get_display_name (self->food) : NULL;
}

const char *
_cf_food_dialog_get_preview (CfFoodDialog  *self,
                             CfKeyNutrient  key)
{
  return gtk_label_get_label (GTK_LABEL (self->preview_values[key]));
}
