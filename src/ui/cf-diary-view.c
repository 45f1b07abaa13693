/* cf-diary-view.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-diary-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-day-summary.h"
#include "cf-diary-undo.h"
#include "cf-diary-view.h"
#include "cf-diary-entry-row.h"
#include "cf-food-dialog.h"
#include "cf-nutrient-format.h"
#include "cf-ui-util.h"
#include "cf-targets.h"

/**
 * CfDiaryView:
 *
 * One day of the diary: navigation between days, the day's summary
 * against targets and the entries in their meals.  It reloads the day
 * whenever #CfDiary::changed names it.
 */

struct _CfDiaryView
{
  AdwBin         parent_instance;

  CfContext     *context;
  GSettings     *settings;
  GDate          day;
  GListStore    *meals[CF_N_MEALS];
  GtkLabel      *meal_totals[CF_N_MEALS];

  GtkStack      *stack;
  GtkMenuButton *date_button;
  GtkLabel      *date_label;
  GtkCalendar   *calendar;      /* made when first shown */
  GtkMenuButton *day_menu_button;
  GMenuModel    *day_menu;
  GtkButton     *today_button;
  GtkBox        *meals_box;
  GtkWidget     *meal_sections[CF_N_MEALS];
  CfDaySummary  *summary;

  /* Until the view's first frame: only the meals up to the first one
   * with entries are shown (show_first_meals()) */
  gboolean       first_frame_pending;
  gboolean       first_frame_started;
  guint          first_frames_tick;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  UNDOABLE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CfDiaryView, cf_diary_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The parts of the day, and the meal each suggests by its hours */
static const struct {
  const char *key;
  int         until;   /* minutes after midnight */
  CfMeal      meal;
} times_of_day[] = {
  { "morning", 10 * 60 + 30, CF_MEAL_BREAKFAST },
  { "midday", 15 * 60, CF_MEAL_LUNCH },
  { "evening", 21 * 60, CF_MEAL_DINNER },
  { "night", 24 * 60, CF_MEAL_SNACKS },
};

static guint
time_of_day_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  guint i = 0;

  while (i + 1 < G_N_ELEMENTS (times_of_day) && minutes >= times_of_day[i].until)
    i++;

  return i;
}

/* The meal last used at this time of day, or the one its hours suggest
 * the first time */
static CfMeal
meal_for_now (CfDiaryView *self)
{
  guint part = time_of_day_now ();
  CfMeal meal = times_of_day[part].meal;

  if (self->settings != NULL)
    {
      g_autoptr(GVariant) meals = g_settings_get_value (self->settings, "meals-by-time-of-day");
      const char *key = NULL;

      if (g_variant_lookup (meals, times_of_day[part].key, "&s", &key))
        cf_meal_from_key (key, &meal);
    }

  return meal;
}

/* A dialog opened without a meal logged to the meal it shows: the next
 * one at this time of day starts there */
static void
remember_meal_cb (CfDiaryView  *self,
                  CfFoodDialog *dialog)
{
  const char *part = times_of_day[time_of_day_now ()].key;
  g_autoptr(GVariant) meals = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  /* A supplement is not a meal of the day */
  if (self->settings == NULL || cf_food_dialog_get_meal (dialog) == CF_MEAL_SUPPLEMENTS)
    return;

  meals = g_settings_get_value (self->settings, "meals-by-time-of-day");
  g_variant_iter_init (&iter, meals);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, part) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", part, cf_meal_to_key (cf_food_dialog_get_meal (dialog)));

  g_settings_set_value (self->settings, "meals-by-time-of-day", g_variant_builder_end (&builder));
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  return cf_diary_entry_row_new (item);
}

static GtkWidget *
build_meal_section (CfDiaryView *self,
                    CfMeal       meal)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (cf_meal_get_name (meal));
  GtkWidget *total = gtk_label_new (NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (meal == CF_MEAL_SUPPLEMENTS ? _("No supplements logged")
                                                                     : _("Nothing logged"));
  g_autofree char *add_label = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (total, "dim-label");
  gtk_widget_add_css_class (total, "numeric");
  gtk_widget_set_valign (total, GTK_ALIGN_CENTER);
  self->meal_totals[meal] = GTK_LABEL (total);

  /* Translators: tooltip of the add button of a meal, e.g. "Add to Lunch" */
  add_label = g_strdup_printf (_("Add to %s"), cf_meal_get_name (meal));
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "diary.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "i", (int) meal);

  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), total);
  gtk_box_append (GTK_BOX (header), add);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_meal_get_name (meal), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->meals[meal]),
                           create_entry_row, self, NULL);

  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), list);

  return section;
}

/* Capitalises the first letter: a weekday that the locale writes in
 * lower case ("vie 4 dic") begins the header like "Hoy" does */
static char *
capitalise_first (char *text)
{
  gunichar first;
  char buf[6];
  int len;
  GString *s;

  if (text == NULL || *text == '\0')
    return text;
  first = g_utf8_get_char (text);
  if (!g_unichar_islower (first))
    return text;

  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  s = g_string_new_len (buf, len);
  g_string_append (s, g_utf8_next_char (text));
  g_free (text);

  return g_string_free (s, FALSE);
}

/**
 * cf_diary_view_format_day:
 * @day: a day
 * @full: (out) (optional): the full date, for the button's tooltip and
 *   screen readers
 *
 * The date as the diary's header shows it: short enough for a window
 * 360 px wide, e.g. "Today, 4 Dec", "Yesterday, 3 Dec", "Fri 28 Nov" or
 * "Fri 28 Nov 2025" in another year, in the user's language.
 *
 * Returns: (transfer full): the short date
 */
char *
cf_diary_view_format_day (const GDate  *day,
                          char        **full)
{
  const char *format;
  GDate today;
  int delta;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  cf_day_set_today (&today);
  delta = g_date_days_between (&today, day);

  /* Translators: a full date, see g_date_time_format(); e.g.
   * "Saturday, 21 November 2026"; %-d is the day without padding */
  if (full != NULL)
    *full = capitalise_first (cf_day_format (day, _("%A, %-d %B %Y")));

  if (delta == 0)
    /* Translators: the diary's header on today, see g_date_time_format();
     * e.g. "Today, 4 Dec"; keep it short, it must fit a phone's width */
    format = _("Today, %-d %b");
  else if (delta == -1)
    /* Translators: the diary's header on yesterday, e.g. "Yesterday, 3 Dec" */
    format = _("Yesterday, %-d %b");
  else if (delta == 1)
    /* Translators: the diary's header on tomorrow, e.g. "Tomorrow, 5 Dec" */
    format = _("Tomorrow, %-d %b");
  else if (g_date_get_year (day) == g_date_get_year (&today))
    /* Translators: a short date in the current year, see
     * g_date_time_format(); e.g. "Sat 14 Mar" */
    format = _("%a %-d %b");
  else
    /* Translators: a short date in another year, e.g. "Sat 14 Mar 2025" */
    format = _("%a %-d %b %Y");

  return capitalise_first (cf_day_format (day, format));
}

/* The target each summary figure is measured against; energy has none
 * in the reference tables.  Vitamin K1 is shown against the adequate
 * intake of vitamin K (total for NASEM and D-A-CH, phylloquinone for
 * EFSA), K2 against the personal goal; the tooltip says which. */
static const int key_targets[CF_N_KEY_NUTRIENTS] = {
  [CF_KEY_ENERGY] = -1,
  [CF_KEY_CALCIUM] = CF_TARGET_CALCIUM,
  [CF_KEY_MAGNESIUM] = CF_TARGET_MAGNESIUM,
  [CF_KEY_VITAMIN_D] = CF_TARGET_VITAMIN_D,
  [CF_KEY_VITAMIN_K1] = CF_TARGET_VITAMIN_K,
  [CF_KEY_VITAMIN_K2] = CF_TARGET_VITAMIN_K2,
  [CF_KEY_POTASSIUM] = CF_TARGET_POTASSIUM,
  [CF_KEY_VITAMIN_C] = CF_TARGET_VITAMIN_C,
  [CF_KEY_ALA] = CF_TARGET_ALA,
  [CF_KEY_EPA_DHA] = CF_TARGET_EPA_DHA,
};

static void
update_targets (CfDiaryView *self)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  double energy = cf_day_summary_get_value (self->summary, CF_KEY_ENERGY);

  if (self->settings != NULL)
    cf_profile_load_settings (profile, self->settings);
  targets = cf_targets_new (profile, &self->day);

  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    {
      const CfTarget *target;
      g_autofree char *source = NULL;
      CfUnit unit;
      double value;

      if (key_targets[k] < 0 ||
          (target = cf_targets_get (targets, key_targets[k])) == NULL ||
          !cf_target_has_value (target))
        {
          cf_day_summary_set_target (self->summary, k, NAN, NULL);
          continue;
        }

      /* A share of energy (ALA) needs the day's energy */
      value = cf_target_get_value_for_energy (target, energy);
      unit = cf_nutrient_get_unit (cf_key_nutrient_get_unit_nutrient (k));
      value = cf_unit_convert (value, cf_intake_get_unit (target->intake), unit);

      source = cf_target_dup_source_label (target);
      cf_day_summary_set_target (self->summary, k, value, source);
    }
}

static void
update_meal_totals (CfDiaryView *self)
{
  for (guint m = 0; m < CF_N_MEALS; m++)
    {
      GListModel *model = G_LIST_MODEL (self->meals[m]);
      guint n = g_list_model_get_n_items (model);
      double kcal = 0;
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CfDiaryEntry) entry = g_list_model_get_item (model, i);
          double v = cf_diary_entry_get_nutrient (entry, CF_NUTRIENT_ENERGY);

          if (!isnan (v))
            {
              kcal += v;
              any = TRUE;
            }
        }

      if (m == CF_MEAL_SUPPLEMENTS || !any)
        gtk_label_set_label (self->meal_totals[m], "");
      else
        {
          g_autofree char *text = cf_nutrient_format_value (CF_NUTRIENT_ENERGY, kcal);
          gtk_label_set_label (self->meal_totals[m], text);
        }
    }
}

/* Shows the stack's page @name and hides the other: GTK keeps the style
 * of a hidden stack page up to date, but not of an invisible widget, so
 * the first frame styles only the page it shows */
static void
show_page (CfDiaryView *self,
           const char  *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);
  GtkWidget *other = gtk_stack_get_child_by_name (self->stack, g_str_equal (name, "day") ? "empty" : "day");

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->stack, page);
  gtk_widget_set_visible (other, FALSE);
}

/* The calendar shows the day the view shows */
static void
select_day_in_calendar (CfDiaryView *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                                   g_date_get_day (&self->day), 12, 0, 0);

  gtk_calendar_select_day (self->calendar, dt);
}

/* Before the view's first frame, shows the meals up to the first one
 * with entries (or all, on a day without any); afterwards, all.  The
 * first frame of a window of the default size ends in that meal, and
 * laying out the rest of a day is about a fifth of the work before that
 * frame.  The meals further down appear one frame later, which only a
 * window much taller than the default shows. */
static void
show_first_meals (CfDiaryView *self)
{
  gboolean shown = TRUE;

  for (guint m = 0; m < CF_N_MEALS; m++)
    {
      gtk_widget_set_visible (self->meal_sections[m], shown);
      if (self->first_frame_pending && g_list_model_get_n_items (G_LIST_MODEL (self->meals[m])) > 0)
        shown = FALSE;
    }
}

/* Ticks come at the start of each frame, before its layout: the
 * first in the view's first frame, the second in the next */
static gboolean
first_frames_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);

  if (!self->first_frame_started)
    {
      self->first_frame_started = TRUE;
      return G_SOURCE_CONTINUE;
    }

  self->first_frames_tick = 0;
  self->first_frame_pending = FALSE;
  show_first_meals (self);

  return G_SOURCE_REMOVE;
}

static void
cf_diary_view_map (GtkWidget *widget)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);

  GTK_WIDGET_CLASS (cf_diary_view_parent_class)->map (widget);

  if (self->first_frame_pending && self->first_frames_tick == 0)
    {
      self->first_frame_started = FALSE;
      self->first_frames_tick = gtk_widget_add_tick_callback (widget, first_frames_tick_cb, NULL, NULL);
    }
}

static void
cf_diary_view_unmap (GtkWidget *widget)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);

  /* Shown again, the view waits for its first frame again */
  if (self->first_frames_tick != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->first_frames_tick);
      self->first_frames_tick = 0;
    }

  GTK_WIDGET_CLASS (cf_diary_view_parent_class)->unmap (widget);
}

static void
reload (CfDiaryView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *by_meal[CF_N_MEALS];
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *full = NULL;
  CfDiary *diary = cf_context_get_diary (self->context);
  GDate today;

  entries = cf_diary_list_day (diary, &self->day, &error);
  if (entries == NULL)
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint m = 0; m < CF_N_MEALS; m++)
    by_meal[m] = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      g_ptr_array_add (by_meal[cf_diary_entry_get_meal (entry)], entry);
    }

  /* One change per meal list */
  for (guint m = 0; m < CF_N_MEALS; m++)
    {
      g_list_store_splice (self->meals[m], 0, g_list_model_get_n_items (G_LIST_MODEL (self->meals[m])),
                           by_meal[m]->pdata, by_meal[m]->len);
      g_ptr_array_unref (by_meal[m]);
    }

  update_meal_totals (self);
  show_first_meals (self);
  cf_day_summary_set_entries (self->summary, &self->day, entries);
  update_targets (self);

  label = cf_diary_view_format_day (&self->day, &full);
  gtk_label_set_label (self->date_label, label);
  /* The tooltip says what the button does and its shortcut; its name
   * says the whole date */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to a Day"), -1);

  cf_day_set_today (&today);
  /* Only where it saves more than a step: on today it would repeat the
   * title, and on yesterday and tomorrow the arrow beside it does the
   * same; the title needs the room in a narrow window ("Aujourd’hui,
   * 5 déc.", "Hier, 4 déc.") */
  gtk_widget_set_visible (GTK_WIDGET (self->today_button), ABS (g_date_days_between (&today, &self->day)) > 1);

  if (self->calendar != NULL)
    select_day_in_calendar (self);

  /* A first-run diary shows how to start instead of five empty meals */
  show_page (self, entries->len == 0 && cf_diary_count_entries (diary) == 0 ? "empty" : "day");
}

static void
diary_changed_cb (CfDiaryView *self,
                  const char  *day,
                  CfDiary     *diary)
{
  g_autofree char *current = cf_day_to_iso (&self->day);

  if (day == NULL || g_strcmp0 (day, current) == 0)
    reload (self);
}

static void
day_selected_cb (CfDiaryView *self,
                 GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));

  if (g_date_compare (&day, &self->day) != 0)
    {
      cf_diary_view_set_day (self, &day);
      gtk_menu_button_popdown (self->date_button);
    }
}

/* Builds the date button's popover, with its calendar, when it first
 * opens: the first frame does without it */
static void
create_date_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  CfDiaryView *self = user_data;
  GtkWidget *popover;

  if (self->calendar != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day to Show"), -1);
  cf_calendar_name_arrows (self->calendar);
  select_day_in_calendar (self);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (button, popover);
}

static void
previous_day_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);
  GDate day = self->day;

  g_date_subtract_days (&day, 1);
  cf_diary_view_set_day (self, &day);
}

static void
next_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);
  GDate day = self->day;

  g_date_add_days (&day, 1);
  cf_diary_view_set_day (self, &day);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);
  GDate today;

  cf_day_set_today (&today);
  cf_diary_view_set_day (self, &today);
}

static void
choose_day_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);

  /* The calendar of the date button, with the day shown selected */
  gtk_menu_button_popup (self->date_button);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_diary_view_add_food (CF_DIARY_VIEW (widget), parameter ? g_variant_get_int32 (parameter) : -1);
}

static void
add_now_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cf_diary_view_add_food (CF_DIARY_VIEW (widget), -1);
}

static void
edit_entry_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = cf_diary_get_entry (cf_context_get_diary (self->context), g_variant_get_string (parameter, NULL), &error);
  if (entry == NULL)
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  cf_diary_view_edit_entry (self, entry);
}

static void
remove_entry_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cf_diary_view_remove_entry (CF_DIARY_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CfDiaryView      *self)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  GtkDropDown *what = g_object_get_data (G_OBJECT (dialog), "what");
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  guint selected, n = 0;
  GDate from;

  if (g_strcmp0 (response, "copy") != 0)
    return;

  dt = gtk_calendar_get_date (calendar);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
  selected = gtk_drop_down_get_selected (what);

  if (!cf_diary_copy (cf_context_get_diary (self->context), &from, &self->day,
                      selected == 0 ? -1 : (int) selected - 1, &n, &copies, &error))
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (n == 0)
    cf_widget_show_toast (GTK_WIDGET (self), _("Nothing to copy on that day"));
  else
    {
      /* Translators: a toast after copying diary entries */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u entry", "Copied %u entries", n), n);
      g_autoptr(CfDiaryUndo) undo = cf_diary_undo_new (cf_context_get_diary (self->context));

      for (guint i = 0; i < copies->len; i++)
        cf_diary_undo_add_new_entry (undo, cf_diary_entry_get_id (g_ptr_array_index (copies, i)));
      g_signal_emit (self, signals[UNDOABLE], 0, title, undo);
    }
}

static void
copy_from_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfDiaryView *self = CF_DIARY_VIEW (widget);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) dt = NULL;
  GtkWidget *dialog, *box, *calendar, *what;
  GDate yesterday = self->day;

  g_date_subtract_days (&yesterday, 1);
  dt = g_date_time_new_local (g_date_get_year (&yesterday), g_date_get_month (&yesterday),
                              g_date_get_day (&yesterday), 12, 0, 0);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Copy From Another Day"),
                                   _("The entries are added to the day shown, after what it already has."));

  /* Translators: choice of what to copy: the whole day or one meal */
  gtk_string_list_append (choices, _("Whole day"));
  for (guint m = 0; m < CF_N_MEALS; m++)
    gtk_string_list_append (choices, cf_meal_get_name (m));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  calendar = gtk_calendar_new ();
  cf_calendar_name_arrows (GTK_CALENDAR (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), dt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day to copy from"), -1);
  what = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (what), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What to copy"), -1);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), what);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "calendar", calendar);
  g_object_set_data (G_OBJECT (dialog), "what", what);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("C_opy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (copy_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
units_changed_cb (CfDiaryView *self)
{
  g_autofree char *unit = g_settings_get_string (self->settings, "vitamin-d-unit");

  cf_format_set_vitamin_d_iu (g_strcmp0 (unit, "iu") == 0);

  /* Rows and summary format their amounts when built */
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    reload (self);
}

static void
settings_changed_cb (CfDiaryView *self,
                     const char  *key)
{
  if (g_str_has_prefix (key, "profile-") || g_strcmp0 (key, "reference-set") == 0 ||
      g_strcmp0 (key, "target-overrides") == 0 || g_strcmp0 (key, "k2-goal") == 0)
    update_targets (self);
}

static void
cf_diary_view_constructed (GObject *object)
{
  CfDiaryView *self = (CfDiaryView *) object;

  G_OBJECT_CLASS (cf_diary_view_parent_class)->constructed (object);

  g_assert (CF_IS_CONTEXT (self->context));

  for (guint m = 0; m < CF_N_MEALS; m++)
    {
      self->meal_sections[m] = build_meal_section (self, m);
      gtk_box_append (self->meals_box, self->meal_sections[m]);
    }

  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::vitamin-d-unit",
                               G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);
      units_changed_cb (self);

      /* The profile decides the targets */
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  cf_day_summary_set_context (self->summary, self->context);
  g_signal_connect_object (cf_context_get_diary (self->context), "changed",
                           G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_diary_view_dispose (GObject *object)
{
  CfDiaryView *self = (CfDiaryView *) object;


  for (guint m = 0; m < CF_N_MEALS; m++)
    g_clear_object (&self->meals[m]);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_diary_view_parent_class)->dispose (object);
}

static void
cf_diary_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfDiaryView *self = CF_DIARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_diary_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CfDiaryView *self = CF_DIARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_diary_view_class_init (CfDiaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_diary_view_constructed;
  object_class->dispose = cf_diary_view_dispose;
  object_class->get_property = cf_diary_view_get_property;
  object_class->set_property = cf_diary_view_set_property;

  widget_class->map = cf_diary_view_map;
  widget_class->unmap = cf_diary_view_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfDiaryView::undoable:
   * @title: what was done, for a toast ("Removed “Natto”")
   * @undo: how to undo it
   *
   * Emitted after the view changed the diary in a way that can be
   * undone (a removal, an edit, a copy); the window offers the undo.
   */
  signals[UNDOABLE] = g_signal_new ("undoable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, CF_TYPE_DIARY_UNDO);

  g_type_ensure (CF_TYPE_DAY_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-diary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, date_button);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, date_label);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, day_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, day_menu);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, today_button);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, meals_box);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryView, summary);

  gtk_widget_class_install_action (widget_class, "diary.previous-day", NULL, previous_day_activated);
  gtk_widget_class_install_action (widget_class, "diary.next-day", NULL, next_day_activated);
  gtk_widget_class_install_action (widget_class, "diary.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "diary.choose-day", NULL, choose_day_activated);
  gtk_widget_class_install_action (widget_class, "diary.add", "i", add_activated);
  gtk_widget_class_install_action (widget_class, "diary.add-now", NULL, add_now_activated);
  gtk_widget_class_install_action (widget_class, "diary.edit-entry", "s", edit_entry_activated);
  gtk_widget_class_install_action (widget_class, "diary.remove-entry", "s", remove_entry_activated);
  gtk_widget_class_install_action (widget_class, "diary.copy-from", NULL, copy_from_activated);
}

static void
cf_diary_view_init (CfDiaryView *self)
{
  GtkEventController *shortcuts;
  static const struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
  } keys[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "diary.previous-day" },
    { GDK_KEY_Right, GDK_ALT_MASK, "diary.next-day" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "diary.previous-day" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "diary.next-day" },
    { GDK_KEY_t, GDK_CONTROL_MASK, "diary.today" },
    { GDK_KEY_g, GDK_CONTROL_MASK, "diary.choose-day" },
  };

  cf_day_set_today (&self->day);
  for (guint m = 0; m < CF_N_MEALS; m++)
    self->meals[m] = g_list_store_new (CF_TYPE_DIARY_ENTRY);
  self->first_frame_pending = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->date_button, create_date_popover_cb, self, NULL);
  cf_menu_button_set_menu_model_lazily (self->day_menu_button, self->day_menu);

  /* Active whenever the diary is the visible view, wherever the focus
   * is in the window */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

CfDiaryView *
cf_diary_view_new (CfContext *context,
                   GSettings *settings)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_DIARY_VIEW,
                       "context", context,
                       "settings", settings,
                       NULL);
}

const GDate *
cf_diary_view_get_day (CfDiaryView *self)
{
  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);

  return &self->day;
}

void
cf_diary_view_set_day (CfDiaryView *self,
                       const GDate *day)
{
  g_return_if_fail (CF_IS_DIARY_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->day = *day;
  reload (self);
}

/**
 * cf_diary_view_get_meal_model:
 *
 * Returns: (transfer none): the entries shown in @meal
 */
GListModel *
cf_diary_view_get_meal_model (CfDiaryView *self,
                              CfMeal       meal)
{
  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);
  g_return_val_if_fail (meal < CF_N_MEALS, NULL);

  return G_LIST_MODEL (self->meals[meal]);
}

/**
 * cf_diary_view_add_food:
 * @meal: a #CfMeal, or -1 for the meal of the time of day
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
cf_diary_view_add_food (CfDiaryView *self,
                        int          meal)
{
  CfFoodDialog *dialog;

  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);

  dialog = cf_food_dialog_new_add (self->context, &self->day, meal < 0 ? meal_for_now (self) : (CfMeal) meal);
  if (meal < 0)
    {
      cf_food_dialog_set_meal_guessed (dialog, TRUE);
      g_signal_connect_object (dialog, "saved", G_CALLBACK (remember_meal_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * cf_diary_view_log_food:
 * @food_id: the food to log
 *
 * Opens the add dialog on @food's amount, for today, in the meal of the
 * time of day (a food page's "Log").
 *
 * Returns: (transfer none) (nullable): the dialog, already shown
 */
GtkWindow *
cf_diary_view_log_food (CfDiaryView *self,
                        const char  *food_id)
{
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) error = NULL;
  CfFoodDialog *dialog;
  GDate today;

  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);
  g_return_val_if_fail (food_id != NULL, NULL);

  food = cf_food_store_get_food (cf_context_get_food_store (self->context), food_id, &error);
  if (food == NULL)
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return NULL;
    }

  cf_day_set_today (&today);
  dialog = cf_food_dialog_new_add (self->context, &today, meal_for_now (self));
  cf_food_dialog_set_meal_guessed (dialog, TRUE);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (remember_meal_cb), self, G_CONNECT_SWAPPED);
  cf_food_dialog_select_food (dialog, food);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* An edit is offered for undo once saved, with the entry as it was
 * when the dialog opened (it is modal: nothing else changed it) */
static void
entry_saved_cb (CfDiaryView  *self,
                CfFoodDialog *dialog)
{
  CfDiaryUndo *undo = g_object_get_data (G_OBJECT (dialog), "undo");
  CfDiaryEntry *entry = cf_food_dialog_get_entry (dialog);
  g_autofree char *title = NULL;

  if (undo == NULL || entry == NULL)
    return;

  /* Translators: a toast after an entry was edited; %s is a food */
  title = g_strdup_printf (_("Changed “%s”"), cf_diary_entry_get_food_name (entry));
  g_signal_emit (self, signals[UNDOABLE], 0, title, undo);
}

/**
 * cf_diary_view_edit_entry:
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
cf_diary_view_edit_entry (CfDiaryView  *self,
                          CfDiaryEntry *entry)
{
  g_autoptr(CfDiaryUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  CfFoodDialog *dialog;

  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);

  undo = cf_diary_undo_new (cf_context_get_diary (self->context));
  if (!cf_diary_undo_save_entry (undo, cf_diary_entry_get_id (entry), &error))
    g_clear_object (&undo);

  dialog = cf_food_dialog_new_edit (self->context, entry);
  if (undo != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "undo", g_steal_pointer (&undo), g_object_unref);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * cf_diary_view_remove_entry:
 *
 * Removes an entry and offers to undo it (#CfDiaryView::undoable).
 */
gboolean
cf_diary_view_remove_entry (CfDiaryView *self,
                            const char  *id)
{
  g_autoptr(CfDiaryUndo) undo = NULL;
  g_autoptr(CfDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CfDiary *diary;

  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), FALSE);

  diary = cf_context_get_diary (self->context);
  undo = cf_diary_undo_new (diary);
  entry = cf_diary_get_entry (diary, id, &error);
  if (entry == NULL ||
      !cf_diary_undo_save_entry (undo, id, &error) ||
      !cf_diary_remove (diary, id, &error))
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  /* Translators: a toast; %s is a food */
  title = g_strdup_printf (_("Removed “%s”"), cf_diary_entry_get_food_name (entry));
  g_signal_emit (self, signals[UNDOABLE], 0, title, undo);

  return TRUE;
}

/**
 * cf_diary_view_get_summary:
 *
 * Returns: (transfer none): the day summary widget
 */
GtkWidget *
cf_diary_view_get_summary (CfDiaryView *self)
{
  g_return_val_if_fail (CF_IS_DIARY_VIEW (self), NULL);

  return GTK_WIDGET (self->summary);
}
