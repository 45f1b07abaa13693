/* cf-recipe-editor.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-recipe-editor"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-error.h"
#include "cf-food-dialog.h"
#include "cf-nutrient-format.h"
#include "cf-recipe-editor.h"
#include "cf-ui-util.h"

/**
 * CfRecipeEditor:
 *
 * Creates or edits a recipe: its ingredients with amounts (chosen with
 * the same dialog as diary entries), the number of servings or the
 * cooked weight, and a live preview of what a serving holds.  The
 * recipe keeps its own copy of each ingredient's values, and diary
 * entries keep theirs, so editing never changes past days.
 */

struct _CfRecipeEditor
{
  AdwWindow            parent_instance;

  CfContext           *context;
  CfRecipe            *recipe;
  gboolean             existing;
  char                *error;

  AdwEntryRow         *name_row;
  AdwEntryRow         *servings_row;
  AdwEntryRow         *cooked_row;
  GtkLabel            *details_error;
  AdwPreferencesGroup *ingredients_group;
  GtkListBox          *ingredients_list;
  GtkLabel            *ingredients_error;
  AdwPreferencesGroup *preview_group;
  GtkWidget           *preview_rows[CF_N_KEY_NUTRIENTS];
  GtkWidget           *preview_values[CF_N_KEY_NUTRIENTS];
  char                *preview_texts[CF_N_KEY_NUTRIENTS];
  char                *preview_notes[CF_N_KEY_NUTRIENTS];
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfRecipeEditor, cf_recipe_editor, ADW_TYPE_WINDOW)

static void
update_preview (CfRecipeEditor *self)
{
  g_autoptr(CfNutrients) per_100g = cf_nutrients_new ();
  double servings = NAN, cooked = NAN;
  double serving_grams;
  gboolean has_ingredients = g_list_model_get_n_items (cf_recipe_get_ingredients (self->recipe)) > 0;

  /* The preview follows the fields as typed, where they make sense */
  if (cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->servings_row)), &servings) &&
      (isnan (servings) || servings > 0))
    cf_recipe_set_servings (self->recipe, servings);
  if (cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->cooked_row)), &cooked) &&
      (isnan (cooked) || cooked > 0))
    cf_recipe_set_cooked_grams (self->recipe, cooked);

  cf_recipe_compute_nutrients (self->recipe, per_100g);
  serving_grams = cf_recipe_get_serving_grams (self->recipe);
  if (isnan (serving_grams) || serving_grams <= 0)
    serving_grams = 100;

  adw_preferences_group_set_title (self->preview_group,
                                   isnan (cf_recipe_get_servings (self->recipe)) ? _("In 100 g")
                                                                                : _("In One Serving"));

  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    {
      double value = cf_key_nutrient_get_value (k, per_100g);
      g_autofree char *text = NULL;

      if (!has_ingredients)
        text = g_strdup ("—");
      else
        text = cf_format_key_amount (k, value * serving_grams / 100.0);

      gtk_label_set_label (GTK_LABEL (self->preview_values[k]), text);
      g_free (self->preview_texts[k]);
      self->preview_texts[k] = g_steal_pointer (&text);

      /* As in the day summary: a figure from part of the food is marked,
       * so that a low value is not read as a true low */
      g_clear_pointer (&self->preview_notes[k], g_free);
      if (has_ingredients)
        {
          double coverage = cf_recipe_get_key_coverage (self->recipe, k);

          if (coverage < 1 && coverage > 0)
            /* Translators: under a recipe's nutrient when some ingredients
             * have no value for it, e.g. "Data for 60 % of the ingredients";
             * %.0f is the percentage by weight */
            self->preview_notes[k] = g_strdup_printf (_("Data for %.0f %% of the ingredients"),
                                                      floor (coverage * 100));
          else if (coverage == 0)
            self->preview_notes[k] = g_strdup (_("No ingredient has data"));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preview_rows[k]),
                                   self->preview_notes[k] ? self->preview_notes[k] : "");
    }
}

static void
remove_clicked_cb (GtkButton      *button,
                   CfRecipeEditor *self)
{
  GListModel *ingredients = cf_recipe_get_ingredients (self->recipe);
  gpointer target = g_object_get_data (G_OBJECT (button), "ingredient");

  for (guint i = 0; i < g_list_model_get_n_items (ingredients); i++)
    {
      g_autoptr(CfRecipeIngredient) ingredient = g_list_model_get_item (ingredients, i);

      if ((gpointer) ingredient == target)
        {
          cf_recipe_remove_ingredient (self->recipe, i);
          break;
        }
    }

  update_preview (self);
}

static GtkWidget *
create_ingredient_row (gpointer item,
                       gpointer user_data)
{
  CfRecipeIngredient *ingredient = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_markup_escape_text (cf_recipe_ingredient_get_food_name (ingredient), -1);
  g_autofree char *amount = cf_recipe_ingredient_dup_amount_label (ingredient);
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);

  /* Translators: the accessible name of a button, %s is a food */
  label = g_strdup_printf (_("Remove %s"), cf_recipe_ingredient_get_food_name (ingredient));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (remove), "ingredient", ingredient);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), user_data, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/**
 * cf_recipe_editor_add_ingredient:
 *
 * Adds an ingredient, as the "Add Ingredient" dialog does.
 */
void
cf_recipe_editor_add_ingredient (CfRecipeEditor *self,
                                 CfFood         *food,
                                 double          grams,
                                 CfPortion      *portion,
                                 double          portion_quantity)
{
  g_return_if_fail (CF_IS_RECIPE_EDITOR (self));

  cf_recipe_add_ingredient (self->recipe, food, grams, portion, portion_quantity);
  gtk_widget_set_visible (GTK_WIDGET (self->ingredients_error), FALSE);
  update_preview (self);
}

static void
picked_cb (CfRecipeEditor *self,
           CfFood         *food,
           double          grams,
           CfPortion      *portion,
           double          portion_quantity)
{
  cf_recipe_editor_add_ingredient (self, food, grams, portion, portion_quantity);
}

static void
add_ingredient_clicked_cb (CfRecipeEditor *self)
{
  CfFoodDialog *dialog = cf_food_dialog_new_pick (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_errors (CfRecipeEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ingredients_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->servings_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->cooked_row), "error");
  g_clear_pointer (&self->error, g_free);
}

static void
show_error (CfRecipeEditor *self,
            GtkWidget      *widget,
            GtkLabel       *label,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  cf_show_error (label, widget, message);
}

/**
 * cf_recipe_editor_save:
 *
 * Checks the recipe and saves it; a problem is shown next to its field
 * and nothing is saved.
 */
gboolean
cf_recipe_editor_save (CfRecipeEditor  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  CfFoodStore *store;
  CfFoodField field = CF_FOOD_FIELD_NONE;
  double servings, cooked;
  guint index = 0;

  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), FALSE);

  clear_errors (self);
  store = cf_context_get_food_store (self->context);

  cf_recipe_set_name (self->recipe, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  if (!cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->servings_row)), &servings))
    {
      show_error (self, GTK_WIDGET (self->servings_row), self->details_error,
                  _("Enter the number of servings, or leave it empty"));
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, self->error);
      return FALSE;
    }
  if (!cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->cooked_row)), &cooked))
    {
      show_error (self, GTK_WIDGET (self->cooked_row), self->details_error,
                  _("Enter the cooked weight in grams, or leave it empty"));
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, self->error);
      return FALSE;
    }
  cf_recipe_set_servings (self->recipe, servings);
  cf_recipe_set_cooked_grams (self->recipe, cooked);

  if (!cf_food_store_validate_recipe (store, self->recipe, &field, &index, &local_error) ||
      !cf_food_store_save_recipe (store, self->recipe, &local_error))
    {
      switch (field)
        {
        case CF_FOOD_FIELD_NAME:
          show_error (self, GTK_WIDGET (self->name_row), self->details_error, local_error->message);
          break;

        case CF_FOOD_FIELD_SERVINGS:
          show_error (self, GTK_WIDGET (self->servings_row), self->details_error, local_error->message);
          break;

        case CF_FOOD_FIELD_COOKED_WEIGHT:
          show_error (self, GTK_WIDGET (self->cooked_row), self->details_error, local_error->message);
          break;

        case CF_FOOD_FIELD_INGREDIENTS:
        case CF_FOOD_FIELD_INGREDIENT:
        case CF_FOOD_FIELD_INGREDIENT_GRAMS:
          show_error (self, NULL, self->ingredients_error, local_error->message);
          break;

        case CF_FOOD_FIELD_NONE:
        case CF_FOOD_FIELD_BRAND:
        case CF_FOOD_FIELD_GROUP:
        case CF_FOOD_FIELD_NOTE:
        case CF_FOOD_FIELD_NUTRIENT:
        case CF_FOOD_FIELD_PORTION_DESCRIPTION:
        case CF_FOOD_FIELD_PORTION_AMOUNT:
        case CF_FOOD_FIELD_PORTION_GRAMS:
        default:
          show_error (self, NULL, self->details_error, local_error->message);
          break;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->existing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, self->recipe);

  return TRUE;
}

static void
save_clicked_cb (CfRecipeEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!cf_recipe_editor_save (self, NULL))
    return;

  {
    /* Translators: a toast; %s is a recipe's name */
    g_autofree char *title = g_strdup_printf (_("Saved “%s”"), cf_recipe_get_name (self->recipe));
    cf_widget_show_toast (GTK_WIDGET (parent), title);
  }

  gtk_window_close (GTK_WINDOW (self));
}

static void
build (CfRecipeEditor *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *placeholder = gtk_label_new (_("No ingredients yet"));
  AdwPreferencesGroup *details = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  self->name_row = cf_entry_row_new (details, _("Name"));
  self->servings_row = cf_entry_row_new (details, _("Servings (optional)"));
  adw_entry_row_set_input_purpose (self->servings_row, GTK_INPUT_PURPOSE_NUMBER);
  self->cooked_row = cf_entry_row_new (details, _("Cooked weight in grams (optional)"));
  adw_entry_row_set_input_purpose (self->cooked_row, GTK_INPUT_PURPOSE_NUMBER);
  adw_preferences_group_set_description (details,
                                         _("Without a cooked weight the dish weighs what its ingredients weigh raw."));
  self->details_error = GTK_LABEL (cf_error_label_new ());
  adw_preferences_group_add (details, GTK_WIDGET (self->details_error));
  g_signal_connect_swapped (self->servings_row, "changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->cooked_row, "changed", G_CALLBACK (update_preview), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), details);

  self->ingredients_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->ingredients_group, _("Ingredients"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add Ingredient"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_ingredient_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->ingredients_group, add);
  self->ingredients_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->ingredients_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ingredients_list), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->ingredients_list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ingredients_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ingredients"), -1);
  adw_preferences_group_add (self->ingredients_group, GTK_WIDGET (self->ingredients_list));
  self->ingredients_error = GTK_LABEL (cf_error_label_new ());
  adw_preferences_group_add (self->ingredients_group, GTK_WIDGET (self->ingredients_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->ingredients_group);

  self->preview_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_key_nutrient_get_name (k));
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->preview_group, row);
      self->preview_rows[k] = row;
      self->preview_values[k] = value;
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->preview_group);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
cf_recipe_editor_dispose (GObject *object)
{
  CfRecipeEditor *self = (CfRecipeEditor *) object;

  g_clear_object (&self->context);
  g_clear_object (&self->recipe);

  G_OBJECT_CLASS (cf_recipe_editor_parent_class)->dispose (object);
}

static void
cf_recipe_editor_finalize (GObject *object)
{
  CfRecipeEditor *self = (CfRecipeEditor *) object;

  g_free (self->error);
  for (guint k = 0; k < CF_N_KEY_NUTRIENTS; k++)
    {
      g_free (self->preview_texts[k]);
      g_free (self->preview_notes[k]);
    }

  G_OBJECT_CLASS (cf_recipe_editor_parent_class)->finalize (object);
}

static void
cf_recipe_editor_class_init (CfRecipeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_recipe_editor_dispose;
  object_class->finalize = cf_recipe_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_RECIPE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_recipe_editor_init (CfRecipeEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 700);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
}

/**
 * cf_recipe_editor_new:
 * @recipe_id: (nullable): the recipe to edit, or %NULL for a new one
 *
 * Returns: (transfer full): the editor
 */
CfRecipeEditor *
cf_recipe_editor_new (CfContext  *context,
                      const char *recipe_id)
{
  CfRecipeEditor *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_RECIPE_EDITOR, NULL);
  self->context = g_object_ref (context);

  if (recipe_id != NULL)
    self->recipe = cf_food_store_get_recipe (cf_context_get_food_store (context), recipe_id, NULL);
  self->existing = self->recipe != NULL;
  if (self->recipe == NULL)
    self->recipe = cf_recipe_new (NULL);

  build (self);
  gtk_list_box_bind_model (self->ingredients_list, cf_recipe_get_ingredients (self->recipe),
                           create_ingredient_row, self, NULL);

  gtk_window_set_title (GTK_WINDOW (self), self->existing ? _("Edit Recipe") : _("New Recipe"));
  if (self->existing)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double servings = cf_recipe_get_servings (self->recipe);
      double cooked = cf_recipe_get_cooked_grams (self->recipe);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), cf_recipe_get_name (self->recipe));
      if (!isnan (servings))
        gtk_editable_set_text (GTK_EDITABLE (self->servings_row), cf_format_entry_number (buf, sizeof buf, "%g", servings));
      if (!isnan (cooked))
        gtk_editable_set_text (GTK_EDITABLE (self->cooked_row), cf_format_entry_number (buf, sizeof buf, "%g", cooked));
    }

  update_preview (self);

  return self;
}

/**
 * cf_recipe_editor_get_recipe:
 *
 * Returns: (transfer none): the recipe being edited
 */
CfRecipe *
cf_recipe_editor_get_recipe (CfRecipeEditor *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);

  return self->recipe;
}

GtkEditable *
cf_recipe_editor_get_name_field (CfRecipeEditor *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
cf_recipe_editor_get_servings_field (CfRecipeEditor *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->servings_row);
}

GtkEditable *
cf_recipe_editor_get_cooked_field (CfRecipeEditor *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->cooked_row);
}

/**
 * cf_recipe_editor_get_error:
 *
 * Returns: (nullable): the message shown for the last failed save
 */
const char *
cf_recipe_editor_get_error (CfRecipeEditor *self)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);

  return self->error;
}

/**
 * cf_recipe_editor_get_preview_note:
 *
 * Returns: (transfer none) (nullable): what the preview says under @key
 *   when some ingredients have no value for it, or %NULL
 */
const char *
cf_recipe_editor_get_preview_note (CfRecipeEditor *self,
                                   CfKeyNutrient   key)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NULL);

  return self->preview_notes[key];
}

/**
 * cf_recipe_editor_get_preview:
 *
 * Returns: (transfer none): what the preview shows for @key
 */
const char *
cf_recipe_editor_get_preview (CfRecipeEditor *self,
                              CfKeyNutrient   key)
{
  g_return_val_if_fail (CF_IS_RECIPE_EDITOR (self), NULL);
  g_return_val_if_fail (key < CF_N_KEY_NUTRIENTS, NULL);

  return self->preview_texts[key];
}
