/* cf-food-detail.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-detail"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-amount-controller.h"
#include "cf-date.h"
#include "cf-food-detail.h"
#include "cf-food-dialog.h"
#include "cf-nutrient-format.h"
#include "cf-targets.h"
#include "cf-ui-util.h"

/**
 * CfFoodDetail:
 *
 * What is in a food: every nutrient for a chosen amount, grouped by its
 * part in calcium balance, each with where its value comes from (the
 * USDA food and nutrient number, or the study) and a visible "no data"
 * where there is none.  Actions log the food or copy it as the user's
 * own.
 */

typedef struct
{
  const char *title;
  CfNutrient  nutrients[12];
  guint       n;
} Section;

static const Section sections[] = {
  { N_("Calcium Regulators"),
    { CF_NUTRIENT_CALCIUM, CF_NUTRIENT_MAGNESIUM, CF_NUTRIENT_VITAMIN_D, CF_NUTRIENT_VITAMIN_K1,
      CF_NUTRIENT_MK4, CF_NUTRIENT_MK7, CF_NUTRIENT_MK8, CF_NUTRIENT_MK9, CF_NUTRIENT_VITAMIN_K2_TOTAL,
      CF_NUTRIENT_PHOSPHORUS }, 10 },
  { N_("Supporting Nutrients"),
    { CF_NUTRIENT_VITAMIN_C, CF_NUTRIENT_POTASSIUM, CF_NUTRIENT_ALA, CF_NUTRIENT_EPA, CF_NUTRIENT_DHA }, 5 },
  { N_("Basics"),
    { CF_NUTRIENT_ENERGY, CF_NUTRIENT_PROTEIN, CF_NUTRIENT_FAT, CF_NUTRIENT_CARBOHYDRATE,
      CF_NUTRIENT_FIBER, CF_NUTRIENT_SODIUM }, 6 },
  { N_("Other Forms"),
    { CF_NUTRIENT_VITAMIN_K_UNSTATED, CF_NUTRIENT_DIHYDROPHYLLOQUINONE, CF_NUTRIENT_FA_18_3,
      CF_NUTRIENT_DPA }, 4 },
};

struct _CfFoodDetail
{
  AdwBin               parent_instance;

  CfContext           *context;
  CfFood              *food;
  CfAmountController  *amount;

  GtkLabel            *name_label;
  GtkLabel            *source_label;
  GtkLabel            *note_label;
  AdwEntryRow         *amount_row;
  AdwComboRow         *measure_row;
  GtkLabel            *amount_error;
  GtkBox              *groups_box;
  GtkFlowBox          *actions_box;
  GtkWidget           *edit_button;
  GtkToggleButton     *favourite_button;

  GtkWidget           *alternatives;
  GtkWidget           *rows[CF_N_NUTRIENTS];
  GtkWidget           *values[CF_N_NUTRIENTS];
  GtkWidget           *shares[CF_N_NUTRIENTS];
  double               targets[CF_N_NUTRIENTS];
  char                *texts[CF_N_NUTRIENTS];
};

G_DEFINE_FINAL_TYPE (CfFoodDetail, cf_food_detail, ADW_TYPE_BIN)

static char *
describe_source (CfFood *food)
{
  switch (cf_food_get_source (food))
    {
    case CF_FOOD_SOURCE_USDA:
      /* Translators: %s is the USDA food number */
      return g_strdup_printf (_("USDA National Nutrient Database for Standard Reference, release 28 · food %s"),
                              cf_food_get_id (food) + strlen ("usda:"));

    case CF_FOOD_SOURCE_K2:
      /* Translators: %s is a literature reference */
      return g_strdup_printf (_("Published vitamin K2 values · %s"),
                              cf_food_get_citation (food) ? cf_food_get_citation (food) : "");

    case CF_FOOD_SOURCE_CUSTOM:
    default:
      return cf_food_dup_source_summary (food);
    }
}

static void
update_values (CfFoodDetail *self)
{
  gboolean valid = self->food != NULL && cf_amount_controller_is_valid (self->amount);
  double grams = valid ? cf_amount_controller_get_grams (self->amount) : NAN;

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      double per_100g = self->food ? cf_food_get_nutrient (self->food, n) : NAN;
      g_autofree char *text = NULL;

      if (isnan (per_100g))
        text = g_strdup (_("no data"));
      else if (!valid)
        text = g_strdup ("—");
      else if (n == CF_NUTRIENT_VITAMIN_D)
        text = cf_format_key_amount (CF_KEY_VITAMIN_D, per_100g * grams / 100.0);
      else
        text = cf_nutrient_format_value (n, per_100g * grams / 100.0);

      gtk_label_set_label (GTK_LABEL (self->values[n]), text);

      /* Share of the day's target, where there is one */
      if (valid && !isnan (per_100g) && !isnan (self->targets[n]) && self->targets[n] > 0)
        {
          /* Translators: a share of a daily target, e.g. "35 % of the day" */
          g_autofree char *share = g_strdup_printf (_("%.0f %% of the day"),
                                                    per_100g * grams / 100.0 / self->targets[n] * 100.0);
          gtk_label_set_label (GTK_LABEL (self->shares[n]), share);
          gtk_widget_set_visible (self->shares[n], TRUE);
        }
      else
        gtk_widget_set_visible (self->shares[n], FALSE);
      if (isnan (per_100g))
        gtk_widget_add_css_class (self->values[n], "dim-label");
      else
        gtk_widget_remove_css_class (self->values[n], "dim-label");

      g_free (self->texts[n]);
      self->texts[n] = g_steal_pointer (&text);
    }
}

/* Today's targets of the user's profile, in each nutrient's unit */
static void
update_targets (CfFoodDetail *self)
{
  g_autoptr(CfProfile) profile = cf_profile_new ();
  g_autoptr(CfTargets) targets = NULL;
  g_autoptr(GSettings) settings = cf_profile_get_settings ();
  GDate today;

  if (settings != NULL)
    cf_profile_load_settings (profile, settings);
  cf_day_set_today (&today);
  targets = cf_targets_new (profile, &today);

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      const CfTarget *target = cf_targets_lookup_nutrient (targets, n);

      self->targets[n] = NAN;
      if (target != NULL && cf_target_has_value (target) && isnan (target->energy_percent))
        self->targets[n] = cf_unit_convert (target->value, cf_intake_get_unit (target->intake),
                                            cf_nutrient_get_unit (n));
    }
}

/* The diary opens the add dialog, in the meal of the time of day */
static void
log_clicked_cb (CfFoodDetail *self)
{
  if (self->food == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.log-food", "s", cf_food_get_id (self->food));
}

static void
duplicate_clicked_cb (CfFoodDetail *self)
{
  g_autoptr(CfFood) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GListModel *portions;

  if (self->food == NULL)
    return;

  /* Translators: the name of a copy of a food, %s is the food's name */
  name = g_strdup_printf (_("%s (my copy)"), cf_food_get_name (self->food));
  copy = cf_food_new_custom (name);
  cf_food_set_kind (copy, cf_food_get_kind (self->food) == CF_FOOD_KIND_SUPPLEMENT
                          ? CF_FOOD_KIND_SUPPLEMENT : CF_FOOD_KIND_FOOD);
  cf_food_set_group_code (copy, cf_food_get_group_code (self->food));
  cf_food_set_nutrients (copy, cf_food_get_nutrients (self->food));
  portions = cf_food_get_portions (self->food);
  for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
    {
      g_autoptr(CfPortion) portion = g_list_model_get_item (portions, i);
      cf_food_add_portion (copy, portion);
    }

  if (!cf_food_store_save_custom_food (cf_context_get_food_store (self->context), copy, &error))
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast; %s is a food's name */
  title = g_strdup_printf (_("Saved “%s” to your foods"), name);
  cf_widget_show_toast (GTK_WIDGET (self), title);

  cf_food_detail_set_food (self, copy);
}

static void
favourite_toggled_cb (CfFoodDetail *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_toggle_button_get_active (self->favourite_button);

  if (self->food == NULL ||
      active == cf_food_store_is_favourite (cf_context_get_food_store (self->context), cf_food_get_id (self->food)))
    return;

  if (!cf_food_store_set_favourite (cf_context_get_food_store (self->context), cf_food_get_id (self->food),
                                    active, &error))
    cf_widget_show_toast (GTK_WIDGET (self), error->message);
}

static void
build_sections (CfFoodDetail *self)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[s].title));

      for (guint i = 0; i < sections[s].n; i++)
        {
          CfNutrient n = sections[s].nutrients[i];
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *value = gtk_label_new (NULL);

          GtkWidget *share = gtk_label_new (NULL);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_nutrient_get_name (n));
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_add_css_class (value, "numeric");
          gtk_label_set_xalign (GTK_LABEL (value), 1);
          gtk_widget_add_css_class (share, "numeric");
          gtk_widget_add_css_class (share, "caption");
          gtk_widget_add_css_class (share, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (share), 1);
          gtk_widget_set_visible (share, FALSE);
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), value);
          gtk_box_append (GTK_BOX (box), share);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
          self->shares[n] = share;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

          self->rows[n] = row;
          self->values[n] = value;
        }

      gtk_box_append (self->groups_box, group);
    }
}

/* "MK-7 939.0 µg, total 12.5 µg per 100 g" for a K2-table food */
static char *
describe_k2_values (CfFood *food)
{
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      g_autofree char *value = NULL;

      if (!cf_nutrient_is_vitamin_k2 (n) || isnan (cf_food_get_nutrient (food, n)))
        continue;

      value = cf_nutrient_format_value (n, cf_food_get_nutrient (food, n));
      g_string_append_printf (values, "%s%s %s", values->len ? ", " : "",
                              cf_nutrient_get_short_name (n), value);
    }

  /* Translators: %s is a list such as "MK-7 939.0 µg" */
  return g_strdup_printf (_("%s per 100 g"), values->str);
}

/* The vitamin K2 values of the K2-table foods linked to this one: the
 * one whose values the food carries, and the others beside it */
static void
update_alternatives (CfFoodDetail *self)
{
  GPtrArray *alternatives = cf_food_get_k2_alternatives (self->food);

  if (self->alternatives != NULL)
    {
      gtk_box_remove (self->groups_box, self->alternatives);
      self->alternatives = NULL;
    }

  if (alternatives == NULL || alternatives->len == 0)
    return;

  self->alternatives = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->alternatives), _("Vitamin K2 From Other Tables"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->alternatives),
                                         _("Values measured in matching foods of other tables. The first one gives this food the vitamin K2 values it lacks; the others are shown for comparison."));

  for (guint i = 0; i < alternatives->len; i++)
    {
      CfFood *alternative = g_ptr_array_index (alternatives, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *values = describe_k2_values (alternative);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: the K2 values of a linked food, its source and why
       * it matches, one per line */
      subtitle = g_strdup_printf (_("%s\n%s\n%s"), values,
                                  cf_food_get_citation (alternative) ? cf_food_get_citation (alternative) : "",
                                  cf_food_get_link_note (alternative) ? cf_food_get_link_note (alternative) : "");
      escaped = g_markup_escape_text (subtitle, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_food_get_display_name (alternative));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (i == 0)
        {
          GtkWidget *used = gtk_label_new (_("Used"));

          gtk_widget_add_css_class (used, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), used);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->alternatives), row);
    }

  gtk_box_append (self->groups_box, self->alternatives);
}

static void
cf_food_detail_dispose (GObject *object)
{
  CfFoodDetail *self = (CfFoodDetail *) object;

  g_clear_object (&self->amount);
  g_clear_object (&self->food);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_food_detail_parent_class)->dispose (object);
}

static void
cf_food_detail_finalize (GObject *object)
{
  CfFoodDetail *self = (CfFoodDetail *) object;

  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (cf_food_detail_parent_class)->finalize (object);
}

static void
cf_food_detail_class_init (CfFoodDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_food_detail_dispose;
  object_class->finalize = cf_food_detail_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-food-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, source_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, note_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, measure_row);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, amount_error);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, groups_box);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CfFoodDetail, favourite_button);
  gtk_widget_class_bind_template_callback (widget_class, favourite_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_clicked_cb);
}

static void
cf_food_detail_init (CfFoodDetail *self)
{
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    self->targets[n] = NAN;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_sections (self);

  /* The flow box wraps the buttons on narrow windows; its own children
   * need not take focus, the buttons do */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  self->amount = cf_amount_controller_new (self->amount_row, self->measure_row, self->amount_error);
  g_signal_connect_object (self->amount, "changed", G_CALLBACK (update_values), self, G_CONNECT_SWAPPED);
}

CfFoodDetail *
cf_food_detail_new (CfContext *context)
{
  CfFoodDetail *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_FOOD_DETAIL, NULL);
  self->context = g_object_ref (context);

  return self;
}

/**
 * cf_food_detail_set_food:
 *
 * Shows @food, loading it in full (provenance, measures) when it came
 * from a search.
 */
void
cf_food_detail_set_food (CfFoodDetail *self,
                         CfFood       *food)
{
  g_autoptr(CfFood) full = NULL;
  g_autofree char *source = NULL;

  g_return_if_fail (CF_IS_FOOD_DETAIL (self));
  g_return_if_fail (CF_IS_FOOD (food));

  full = cf_food_store_get_food (cf_context_get_food_store (self->context), cf_food_get_id (food), NULL);
  food = g_object_ref (full != NULL ? full : food);
  g_clear_object (&self->food);
  self->food = food;

  source = describe_source (self->food);
  if (cf_food_get_local_name (self->food) != NULL)
    {
      /* The source's own name beneath the name in the user's language */
      char *with_name = g_strdup_printf (_("%s · %s"), cf_food_get_name (self->food), source);

      g_free (source);
      source = with_name;
    }
  gtk_label_set_label (self->name_label, cf_food_get_display_name (self->food));
  gtk_label_set_label (self->source_label, source);
  gtk_label_set_label (self->note_label, cf_food_get_note (self->food) ? cf_food_get_note (self->food) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), cf_food_get_note (self->food) != NULL);

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      const char *origin = cf_food_get_origin (self->food, n);
      g_autofree char *escaped = origin ? g_markup_escape_text (origin, -1) : NULL;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[n]), escaped ? escaped : "");
    }

  update_alternatives (self);

  gtk_widget_set_visible (gtk_widget_get_parent (self->edit_button),
                          cf_food_get_source (self->food) == CF_FOOD_SOURCE_CUSTOM);
  g_signal_handlers_block_by_func (self->favourite_button, favourite_toggled_cb, self);
  gtk_toggle_button_set_active (self->favourite_button,
                                cf_food_store_is_favourite (cf_context_get_food_store (self->context),
                                                            cf_food_get_id (self->food)));
  g_signal_handlers_unblock_by_func (self->favourite_button, favourite_toggled_cb, self);

  update_targets (self);

  /* 100 g to compare foods; a supplement by its unit */
  cf_amount_controller_set_food (self->amount, self->food, NULL,
                                 cf_food_get_kind (self->food) == CF_FOOD_KIND_SUPPLEMENT ? NAN : 100);
}

/**
 * cf_food_detail_get_food:
 *
 * Returns: (transfer none) (nullable): the food shown
 */
CfFood *
cf_food_detail_get_food (CfFoodDetail *self)
{
  g_return_val_if_fail (CF_IS_FOOD_DETAIL (self), NULL);

  return self->food;
}

/**
 * cf_food_detail_get_value_text:
 *
 * Returns: (transfer none): what the row of @nutrient shows
 */
const char *
cf_food_detail_get_value_text (CfFoodDetail *self,
                               CfNutrient    nutrient)
{
  g_return_val_if_fail (CF_IS_FOOD_DETAIL (self), NULL);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return self->texts[nutrient];
}

/**
 * cf_food_detail_set_amount:
 *
 * Types @text into the amount field, as a person would.
 */
void
cf_food_detail_set_amount (CfFoodDetail *self,
                           const char   *text)
{
  g_return_if_fail (CF_IS_FOOD_DETAIL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
}
