/* cf-day-summary.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-day-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-day-summary.h"
#include "cf-nutrient-format.h"

/**
 * CfDaySummary:
 *
 * The day at a glance: for each key nutrient, the amount logged against
 * the day's target as a bar, and under them the day's protein, fat,
 * carbohydrate and fibre (no target needed).  A figure missing data for
 * part of the day's food looks different from a true low: its bar is
 * hatched and it says how much of the food had data.
 */

/* The macronutrients shown under the tiles */
static const CfNutrient macro_nutrients[CF_DAY_N_MACROS] = {
  CF_NUTRIENT_PROTEIN, CF_NUTRIENT_FAT, CF_NUTRIENT_CARBOHYDRATE, CF_NUTRIENT_FIBER,
};

/* Below this share of the day's grams with data a figure is "partial" */
#define COMPLETE_COVERAGE 0.995

typedef struct
{
  GtkWidget      *tile;
  GtkWidget      *value;
  GtkWidget      *bar;
  GtkWidget      *note;
  double          sum;
  double          known_grams;
  guint           known_entries;
  double          target;
  char           *source;
  char           *text;
  CfDayTileState  state;
} Tile;

typedef struct
{
  GtkWidget      *box;
  GtkWidget      *value;
  double          sum;
  double          known_grams;
  guint           known_entries;
  char           *text;
} Macro;

struct _CfDaySummary
{
  GtkWidget   parent_instance;

  CfContext  *context;
  GtkWidget  *box;
  GtkWidget  *flow;
  double      grams;
  Tile        tiles[CF_N_KEY_NUTRIENTS];
  Macro       macros[CF_DAY_N_MACROS];
};

G_DEFINE_FINAL_TYPE (CfDaySummary, cf_day_summary, GTK_TYPE_WIDGET)

static void
update_tile (CfDaySummary  *self,
             CfKeyNutrient  key)
{
  Tile *tile = &self->tiles[key];
  g_autofree char *amount = NULL;
  g_autofree char *target = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *note = NULL;
  /* A day of supplements only is complete for what they state */
  double coverage = self->grams > 0 ? tile->known_grams / self->grams : 1;
  double fraction;

  gtk_widget_remove_css_class (tile->tile, "partial");
  gtk_widget_remove_css_class (tile->tile, "no-data");

  if (tile->known_entries == 0)
    {
      tile->state = CF_DAY_TILE_NO_DATA;
      value_text = g_strdup (self->grams > 0 ? _("No data") : "—");
      if (self->grams > 0)
        note = g_strdup (_("None of the day’s food has a value"));
      gtk_widget_add_css_class (tile->tile, "no-data");
      fraction = 0;
    }
  else
    {
      amount = cf_format_key_amount (key, tile->sum);
      if (!isnan (tile->target) && tile->target > 0)
        {
          target = cf_format_key_amount (key, tile->target);
          /* Translators: amount logged of a daily target, e.g. "640 mg of 1000 mg" */
          value_text = g_strdup_printf (_("%s of %s"), amount, target);
        }
      else
        value_text = g_strdup (amount);

      if (coverage < COMPLETE_COVERAGE)
        {
          tile->state = CF_DAY_TILE_PARTIAL;
          gtk_widget_add_css_class (tile->tile, "partial");
          /* Translators: a day's figure that is only partly known, e.g.
           * "Data for 60 % of the food"; %.0f is the percentage */
          note = g_strdup_printf (_("Data for %.0f %% of the food"), coverage * 100);
        }
      else
        tile->state = CF_DAY_TILE_COMPLETE;

      fraction = (!isnan (tile->target) && tile->target > 0) ? tile->sum / tile->target : 0;
    }

  gtk_label_set_label (GTK_LABEL (tile->value), value_text);
  gtk_label_set_label (GTK_LABEL (tile->note), note ? note : "");
  gtk_widget_set_visible (tile->note, note != NULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (tile->bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_visible (tile->bar, !isnan (tile->target) && tile->target > 0);

  g_free (tile->text);
  tile->text = note ? g_strdup_printf ("%s; %s", value_text, note) : g_strdup (value_text);

  /* What a screen reader says for the tile */
  {
    g_autofree char *description = NULL;

    if (tile->source != NULL)
      description = g_strdup_printf ("%s. %s", tile->text, tile->source);
    gtk_accessible_update_property (GTK_ACCESSIBLE (tile->tile),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, cf_key_nutrient_get_name (key),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : tile->text,
                                    -1);
  }
  gtk_widget_set_tooltip_text (tile->tile, tile->source);
}

/* A macronutrient says its amount; part of the food without a value
 * makes it partial, none makes it "no data" (never a zero) */
static void
update_macro (CfDaySummary *self,
              guint         i)
{
  Macro *macro = &self->macros[i];
  CfNutrient nutrient = macro_nutrients[i];
  double coverage = self->grams > 0 ? macro->known_grams / self->grams : 1;
  g_autofree char *value = NULL;
  g_autofree char *note = NULL;

  gtk_widget_remove_css_class (macro->box, "partial");
  gtk_widget_remove_css_class (macro->box, "no-data");

  if (macro->known_entries == 0)
    {
      value = g_strdup (self->grams > 0 ? _("No data") : "—");
      gtk_widget_add_css_class (macro->box, "no-data");
    }
  else
    {
      /* Whole grams, tenths below 10 g */
      value = g_strdup_printf (_("%.*f %s"), macro->sum < 9.95 ? 1 : 0, macro->sum,
                               cf_unit_get_symbol (cf_nutrient_get_unit (nutrient)));
      if (coverage < COMPLETE_COVERAGE)
        {
          gtk_widget_add_css_class (macro->box, "partial");
          note = g_strdup_printf (_("Data for %.0f %% of the food"), coverage * 100);
        }
    }

  gtk_label_set_label (GTK_LABEL (macro->value), value);
  gtk_widget_set_tooltip_text (macro->box, note);

  g_free (macro->text);
  macro->text = note ? g_strdup_printf ("%s; %s", value, note) : g_strdup (value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (macro->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cf_nutrient_get_name (nutrient),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, macro->text,
                                  -1);
}

static GtkWidget *
build_macro (CfDaySummary *self,
             guint         i)
{
  Macro *macro = &self->macros[i];
  GtkWidget *name = gtk_label_new (cf_nutrient_get_name (macro_nutrients[i]));

  macro->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (macro->box, "macro");
  gtk_accessible_update_property (GTK_ACCESSIBLE (macro->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_nutrient_get_name (macro_nutrients[i]), -1);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "caption-heading");

  macro->value = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (macro->value), 0);
  gtk_widget_add_css_class (macro->value, "numeric");

  gtk_box_append (GTK_BOX (macro->box), name);
  gtk_box_append (GTK_BOX (macro->box), macro->value);

  return macro->box;
}

static GtkWidget *
build_tile (CfDaySummary  *self,
            CfKeyNutrient  key)
{
  Tile *tile = &self->tiles[key];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name = gtk_label_new (cf_key_nutrient_get_name (key));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "nutrient-tile");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "caption-heading");

  tile->value = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (tile->value), 0);
  gtk_label_set_wrap (GTK_LABEL (tile->value), TRUE);
  gtk_widget_add_css_class (tile->value, "numeric");

  tile->bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (tile->bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (tile->bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (tile->bar), GTK_LEVEL_BAR_OFFSET_FULL);

  tile->note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (tile->note), 0);
  gtk_label_set_wrap (GTK_LABEL (tile->note), TRUE);
  gtk_widget_add_css_class (tile->note, "caption");
  gtk_widget_add_css_class (tile->note, "partial-note");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), tile->value);
  gtk_box_append (GTK_BOX (box), tile->bar);
  gtk_box_append (GTK_BOX (box), tile->note);

  tile->tile = box;
  tile->target = NAN;

  return box;
}

static void
cf_day_summary_dispose (GObject *object)
{
  CfDaySummary *self = (CfDaySummary *) object;

  self->flow = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_day_summary_parent_class)->dispose (object);
}

static void
cf_day_summary_finalize (GObject *object)
{
  CfDaySummary *self = (CfDaySummary *) object;

  for (guint i = 0; i < CF_N_KEY_NUTRIENTS; i++)
    {
      g_free (self->tiles[i].source);
      g_free (self->tiles[i].text);
    }
  for (guint i = 0; i < CF_DAY_N_MACROS; i++)
    g_free (self->macros[i].text);

  G_OBJECT_CLASS (cf_day_summary_parent_class)->finalize (object);
}

static void
cf_day_summary_class_init (CfDaySummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_day_summary_dispose;
  object_class->finalize = cf_day_summary_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daysummary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cf_day_summary_init (CfDaySummary *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 5);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 6);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->box), self->flow);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The macronutrients, in one card under the tiles */
  {
    GtkWidget *macros = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_box_set_homogeneous (GTK_BOX (macros), TRUE);
    gtk_widget_add_css_class (macros, "card");
    gtk_widget_add_css_class (macros, "macros");
    for (guint i = 0; i < CF_DAY_N_MACROS; i++)
      {
        gtk_box_append (GTK_BOX (macros), build_macro (self, i));
        update_macro (self, i);
      }
    gtk_box_append (GTK_BOX (self->box), macros);
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day summary"), -1);

  for (guint i = 0; i < CF_N_KEY_NUTRIENTS; i++)
    {
      GtkWidget *tile = build_tile (self, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), tile);
      /* Tiles are information, not buttons */
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
      update_tile (self, i);
    }
}

void
cf_day_summary_set_context (CfDaySummary *self,
                            CfContext    *context)
{
  g_return_if_fail (CF_IS_DAY_SUMMARY (self));

  g_set_object (&self->context, context);
}

/**
 * cf_day_summary_set_target:
 * @target: the day's target in the nutrient's unit, or NaN for none
 * @source: (nullable): where the target comes from, for the tooltip
 */
void
cf_day_summary_set_target (CfDaySummary  *self,
                           CfKeyNutrient  key,
                           double         target,
                           const char    *source)
{
  g_return_if_fail (CF_IS_DAY_SUMMARY (self));
  g_return_if_fail (key < CF_N_KEY_NUTRIENTS);

  self->tiles[key].target = target;
  g_free (self->tiles[key].source);
  self->tiles[key].source = g_strdup (source);
  update_tile (self, key);
}

/**
 * cf_day_summary_set_entries:
 * @entries: (element-type CfDiaryEntry): the day's entries
 *
 * Sums the day's entries for each key nutrient, keeping apart the
 * grams that had a value.
 */
void
cf_day_summary_set_entries (CfDaySummary *self,
                            const GDate  *day,
                            GPtrArray    *entries)
{
  g_return_if_fail (CF_IS_DAY_SUMMARY (self));
  g_return_if_fail (entries != NULL);

  self->grams = 0;
  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    {
      self->tiles[k].sum = 0;
      self->tiles[k].known_grams = 0;
      self->tiles[k].known_entries = 0;
    }
  for (guint m = 0; m < CF_DAY_N_MACROS; m++)
    {
      self->macros[m].sum = 0;
      self->macros[m].known_grams = 0;
      self->macros[m].known_entries = 0;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CfDiaryEntry *entry = g_ptr_array_index (entries, i);
      gboolean weighed = cf_diary_entry_has_weight (entry);
      double grams = weighed ? cf_diary_entry_get_grams (entry) : 0;
      CfNutrients amounts;
      const CfNutrients *values;

      /* Supplements add their doses but do not count in the share of
       * food with data (see CfNutrientTotals); nor does an imported
       * entry without a weight, which adds its amounts as they are */
      gboolean food = weighed && cf_diary_entry_get_food_kind (entry) != CF_FOOD_KIND_SUPPLEMENT;

      if (weighed)
        values = cf_diary_entry_get_nutrients_per_100g (entry);
      else
        {
          cf_diary_entry_get_amounts (entry, &amounts);
          values = &amounts;
        }

      if (food)
        self->grams += grams;
      for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
        {
          double v = cf_key_nutrient_get_value (k, values);

          if (isnan (v))
            continue;
          self->tiles[k].sum += weighed ? v * grams / 100.0 : v;
          self->tiles[k].known_entries++;
          if (food)
            self->tiles[k].known_grams += grams;
        }
      for (guint m = 0; m < CF_DAY_N_MACROS; m++)
        {
          double v = cf_nutrients_get (values, macro_nutrients[m]);

          if (isnan (v))
            continue;
          self->macros[m].sum += weighed ? v * grams / 100.0 : v;
          self->macros[m].known_entries++;
          if (food)
            self->macros[m].known_grams += grams;
        }
    }

  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    update_tile (self, k);
  for (guint m = 0; m < CF_DAY_N_MACROS; m++)
    update_macro (self, m);
}

/**
 * cf_day_summary_get_macro_nutrient:
 * @index: 0 to %CF_DAY_N_MACROS - 1
 *
 * Returns: the macronutrient shown at @index (protein, fat,
 *   carbohydrate, fibre)
 */
CfNutrient
cf_day_summary_get_macro_nutrient (guint index)
{
  g_return_val_if_fail (index < CF_DAY_N_MACROS, CF_NUTRIENT_PROTEIN);

  return macro_nutrients[index];
}

/**
 * cf_day_summary_get_macro_value:
 *
 * Returns: the day's amount of the macronutrient at @index, in grams,
 *   or NaN when nothing logged had a value
 */
double
cf_day_summary_get_macro_value (CfDaySummary *self,
                                guint         index)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NAN);
  g_return_val_if_fail (index < CF_DAY_N_MACROS, NAN);

  return self->macros[index].known_entries > 0 ? self->macros[index].sum : NAN;
}

/**
 * cf_day_summary_get_macro_text:
 *
 * Returns: (transfer none): what the summary shows for the
 *   macronutrient at @index
 */
const char *
cf_day_summary_get_macro_text (CfDaySummary *self,
                               guint         index)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NULL);
  g_return_val_if_fail (index < CF_DAY_N_MACROS, NULL);

  return self->macros[index].text;
}

/**
 * cf_day_summary_get_value:
 *
 * Returns: the day's amount of @key, or NaN when nothing had a value
 */
double
cf_day_summary_get_value (CfDaySummary  *self,
                          CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NAN);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NAN);

  return self->tiles[key].known_entries > 0 ? self->tiles[key].sum : NAN;
}

double
cf_day_summary_get_coverage (CfDaySummary  *self,
                             CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NAN);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NAN);

  return self->grams > 0 ? self->tiles[key].known_grams / self->grams : NAN;
}

CfDayTileState
cf_day_summary_get_state (CfDaySummary  *self,
                          CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), CF_DAY_TILE_NO_DATA);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, CF_DAY_TILE_NO_DATA);

  return self->tiles[key].state;
}

/**
 * cf_day_summary_get_text:
 *
 * Returns: (transfer none): what the tile of @key says
 */
const char *
cf_day_summary_get_text (CfDaySummary  *self,
                         CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NULL);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NULL);

  return self->tiles[key].text;
}

/**
 * cf_day_summary_get_target:
 *
 * Returns: the day's target @key is measured against, or NaN
 */
double
cf_day_summary_get_target (CfDaySummary  *self,
                           CfKeyNutrient  key)
{
  g_return_val_if_fail (CF_IS_DAY_SUMMARY (self), NAN);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NAN);

  return self->tiles[key].target;
}
