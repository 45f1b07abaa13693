/* cf-food-editor.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-editor"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-error.h"
#include "cf-delete-dialog.h"
#include "cf-food-editor.h"
#include "cf-food-groups.h"
#include "cf-nutrient-format.h"
#include "cf-ui-util.h"

/**
 * CfFoodEditor:
 *
 * Creates or edits one of the user's foods: name, brand, group, household
 * measures and nutrient values per 100 g or per the first measure.  Every
 * field is checked on saving and a problem is shown under the group of
 * the field, which is marked; nothing is saved until all is right.
 * #CfFoodEditor::saved and ::deleted tell the caller.
 */

typedef struct
{
  GtkWidget *row;
  GtkWidget *description;
  GtkWidget *grams;
} PortionRow;

struct _CfFoodEditor
{
  AdwWindow            parent_instance;

  CfContext           *context;
  CfFood              *food;
  GPtrArray           *group_codes;
  GPtrArray           *portion_rows;
  char                *error;

  GtkButton           *save_button;
  GtkButton           *delete_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *brand_row;
  AdwComboRow         *group_row;
  AdwEntryRow         *note_row;
  AdwComboRow         *basis_row;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *portions_group;
  AdwPreferencesGroup *nutrients_group;
  GtkLabel            *details_error;
  GtkLabel            *portions_error;
  GtkLabel            *nutrients_error;
  AdwEntryRow         *nutrient_rows[CF_N_NUTRIENTS];
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfFoodEditor, cf_food_editor, ADW_TYPE_WINDOW)

static gboolean
in_iu (CfNutrient nutrient)
{
  return nutrient == CF_NUTRIENT_VITAMIN_D && cf_format_get_vitamin_d_iu ();
}

static void
clear_errors (CfFoodEditor *self)
{
  GtkLabel *labels[] = { self->details_error, self->portions_error, self->nutrients_error };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->brand_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->group_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->basis_row), "error");
  for (guint i = 0; i < CF_N_NUTRIENTS; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->nutrient_rows[i]), "error");
  for (guint i = 0; i < self->portion_rows->len; i++)
    {
      PortionRow *p = g_ptr_array_index (self->portion_rows, i);
      gtk_widget_remove_css_class (p->description, "error");
      gtk_widget_remove_css_class (p->grams, "error");
    }

  g_clear_pointer (&self->error, g_free);
}

/* Shows @message under the group holding @widget, marks @widget and
 * brings it into view */
static void
show_error (CfFoodEditor *self,
            GtkWidget    *widget,
            GtkLabel     *label,
            const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  cf_show_error (label, widget, message);
}

static void
show_field_error (CfFoodEditor *self,
                  CfFoodField   field,
                  guint         index,
                  const char   *message)
{
  PortionRow *p = index < self->portion_rows->len ? g_ptr_array_index (self->portion_rows, index) : NULL;

  switch (field)
    {
    case CF_FOOD_FIELD_NAME:
      show_error (self, GTK_WIDGET (self->name_row), self->details_error, message);
      break;

    case CF_FOOD_FIELD_BRAND:
      show_error (self, GTK_WIDGET (self->brand_row), self->details_error, message);
      break;

    case CF_FOOD_FIELD_NOTE:
      show_error (self, GTK_WIDGET (self->note_row), self->details_error, message);
      break;

    case CF_FOOD_FIELD_GROUP:
      show_error (self, GTK_WIDGET (self->group_row), self->details_error, message);
      break;

    case CF_FOOD_FIELD_NUTRIENT:
      show_error (self, index < CF_N_NUTRIENTS ? GTK_WIDGET (self->nutrient_rows[index]) : NULL,
                  self->nutrients_error, message);
      break;

    case CF_FOOD_FIELD_PORTION_DESCRIPTION:
    case CF_FOOD_FIELD_PORTION_AMOUNT:
      show_error (self, p ? p->description : NULL, self->portions_error, message);
      break;

    case CF_FOOD_FIELD_PORTION_GRAMS:
      show_error (self, p ? p->grams : NULL, self->portions_error, message);
      break;

    case CF_FOOD_FIELD_NONE:
    case CF_FOOD_FIELD_INGREDIENTS:
    case CF_FOOD_FIELD_INGREDIENT:
    case CF_FOOD_FIELD_INGREDIENT_GRAMS:
    case CF_FOOD_FIELD_COOKED_WEIGHT:
    case CF_FOOD_FIELD_SERVINGS:
    default:
      show_error (self, NULL, self->details_error, message);
      break;
    }
}

static void
remove_portion_cb (GtkButton    *button,
                   CfFoodEditor *self)
{
  for (guint i = 0; i < self->portion_rows->len; i++)
    {
      PortionRow *p = g_ptr_array_index (self->portion_rows, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), p->row))
        {
          adw_preferences_group_remove (self->portions_group, p->row);
          g_ptr_array_remove_index (self->portion_rows, i);
          return;
        }
    }
}

/**
 * cf_food_editor_add_portion:
 * @description: (nullable): e.g. "1 slice" or "cup"
 * @grams: (nullable): its weight as text
 *
 * Adds a household measure row.
 */
void
cf_food_editor_add_portion (CfFoodEditor *self,
                            const char   *description,
                            const char   *grams)
{
  PortionRow *p = g_new0 (PortionRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *unit = gtk_label_new (C_("unit", "g"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_if_fail (CF_IS_FOOD_EDITOR (self));

  p->row = adw_preferences_row_new ();
  p->description = gtk_entry_new ();
  p->grams = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (p->description), _("Measure, e.g. slice or cup"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->description), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Measure"), -1);
  gtk_widget_set_hexpand (p->description, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (p->grams), _("Weight"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->grams), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weight in grams"), -1);
  gtk_entry_set_input_purpose (GTK_ENTRY (p->grams), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (p->grams), 6);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Measure"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_portion_cb), self);

  if (description != NULL)
    gtk_editable_set_text (GTK_EDITABLE (p->description), description);
  if (grams != NULL)
    gtk_editable_set_text (GTK_EDITABLE (p->grams), grams);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), p->description);
  gtk_box_append (GTK_BOX (box), p->grams);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (p->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (p->row), FALSE);

  adw_preferences_group_add (self->portions_group, p->row);
  g_ptr_array_add (self->portion_rows, p);
}

static void
add_portion_clicked_cb (CfFoodEditor *self)
{
  PortionRow *p;

  cf_food_editor_add_portion (self, NULL, NULL);
  p = g_ptr_array_index (self->portion_rows, self->portion_rows->len - 1);
  gtk_widget_grab_focus (p->description);
}

/* Builds the food from the fields; FALSE with the field at fault when a
 * field cannot even be read as a number */
static CfFood *
read_food (CfFoodEditor  *self,
           CfFoodField   *field,
           guint         *index,
           GError       **error)
{
  g_autoptr(CfFood) food = NULL;
  g_autoptr(CfNutrients) nutrients = cf_nutrients_new ();
  guint group = adw_combo_row_get_selected (self->group_row);
  gboolean per_portion = adw_combo_row_get_selected (self->basis_row) == 1;
  double first_portion_grams = NAN;

  *field = CF_FOOD_FIELD_NONE;
  *index = 0;

  if (self->food != NULL)
    {
      food = cf_food_store_get_food (cf_context_get_food_store (self->context), cf_food_get_id (self->food), NULL);
      if (food == NULL)
        food = g_object_ref (self->food);
    }
  else
    food = cf_food_new_custom (NULL);

  cf_food_set_name (food, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  cf_food_set_brand (food, gtk_editable_get_text (GTK_EDITABLE (self->brand_row)));
  cf_food_set_note (food, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  cf_food_set_group_code (food, group > 0 && group - 1 < self->group_codes->len
                                ? g_ptr_array_index (self->group_codes, group - 1) : NULL);

  cf_food_clear_portions (food);
  for (guint i = 0; i < self->portion_rows->len; i++)
    {
      PortionRow *p = g_ptr_array_index (self->portion_rows, i);
      g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->description))));
      g_autoptr(CfPortion) portion = NULL;
      double grams;

      if (!cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (p->grams)), &grams) || isnan (grams))
        {
          *field = CF_FOOD_FIELD_PORTION_GRAMS;
          *index = i;
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Enter the weight of the measure in grams"));
          return NULL;
        }

      if (grams <= 0)
        {
          *field = CF_FOOD_FIELD_PORTION_GRAMS;
          *index = i;
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The weight of a measure must be more than zero"));
          return NULL;
        }

      /* The core checks description and the weight's upper limit */
      portion = g_object_new (CF_TYPE_PORTION, "amount", 1.0, "description", description, "grams", grams, NULL);
      cf_food_add_portion (food, portion);
      if (i == 0)
        first_portion_grams = grams;
    }

  if (per_portion && (isnan (first_portion_grams) || first_portion_grams <= 0))
    {
      *field = CF_FOOD_FIELD_NONE;
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Values per portion need a first measure with its weight"));
      gtk_widget_add_css_class (GTK_WIDGET (self->basis_row), "error");
      return NULL;
    }

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->nutrient_rows[n]));
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      double value;

      if (*stripped == '\0')
        continue;

      /* Vitamin D in µg or IU, whichever the label gives */
      if (n == CF_NUTRIENT_VITAMIN_D)
        {
          if (!cf_vitamin_d_field_read (self->nutrient_rows[n], &value, error))
            {
              *field = CF_FOOD_FIELD_NUTRIENT;
              *index = n;
              return NULL;
            }
        }
      else if (!cf_parse_number (stripped, &value))
        {
          *field = CF_FOOD_FIELD_NUTRIENT;
          *index = n;
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a nutrient name */
                       _("%s: enter a number, or leave it empty for no data"), cf_nutrient_get_name (n));
          return NULL;
        }

      if (per_portion)
        value = value * 100.0 / first_portion_grams;

      cf_nutrients_set (nutrients, n, value);
    }

  cf_food_set_nutrients (food, nutrients);

  return g_steal_pointer (&food);
}

/**
 * cf_food_editor_save:
 *
 * Checks every field and saves; on a problem nothing is saved and the
 * message shows under the group of the field at fault.
 */
gboolean
cf_food_editor_save (CfFoodEditor  *self,
                     GError       **error)
{
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) local_error = NULL;
  CfFoodStore *store;
  CfFoodField field;
  guint index;

  g_return_val_if_fail (CF_IS_FOOD_EDITOR (self), FALSE);

  clear_errors (self);
  store = cf_context_get_food_store (self->context);

  food = read_food (self, &field, &index, &local_error);
  if (food == NULL || !cf_food_store_validate_food (store, food, &field, &index, &local_error) ||
      !cf_food_store_save_custom_food (store, food, &local_error))
    {
      show_field_error (self, field, index, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->food, food);
  g_signal_emit (self, signals[SAVED], 0, food);

  return TRUE;
}

static void
save_clicked_cb (CfFoodEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;

  if (!cf_food_editor_save (self, NULL))
    return;

  /* Translators: a toast; %s is a food's name */
  title = g_strdup_printf (_("Saved “%s”"), cf_food_get_name (self->food));
  cf_widget_show_toast (GTK_WIDGET (parent), title);

  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_confirmed (gpointer data)
{
  CfFoodEditor *self = data;
  g_autoptr(GError) error = NULL;

  if (self->food == NULL)
    return;

  if (!cf_food_store_delete_custom_food (cf_context_get_food_store (self->context),
                                         cf_food_get_id (self->food), &error))
    {
      clear_errors (self);
      show_error (self, NULL, self->details_error, error->message);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, self->food);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_clicked_cb (CfFoodEditor *self)
{
  cf_ask_delete_food (GTK_WINDOW (self), _("Delete This Food?"), delete_confirmed, self);
}

static void
build (CfFoodEditor *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add_portion = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) group_list = cf_food_store_list_groups (cf_context_get_food_store (self->context), NULL);
  GtkWidget *row;

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  self->delete_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Delete")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->delete_button), "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->delete_button));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  /* Name and group */
  self->details_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->name_row = cf_entry_row_new (self->details_group, _("Name"));
  self->brand_row = cf_entry_row_new (self->details_group, _("Brand (optional)"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Food group"));
  gtk_string_list_append (groups, _("None"));
  for (guint i = 0; group_list != NULL && i + 1 < group_list->len; i += 2)
    {
      g_ptr_array_add (self->group_codes, g_strdup (g_ptr_array_index (group_list, i)));
      gtk_string_list_append (groups, cf_food_group_get_display_name (g_ptr_array_index (group_list, i + 1)));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (groups));
  adw_preferences_group_add (self->details_group, row);
  self->group_row = ADW_COMBO_ROW (row);
  self->note_row = cf_entry_row_new (self->details_group, _("Note (optional)"));
  self->details_error = GTK_LABEL (cf_error_label_new ());
  adw_preferences_group_add (self->details_group, GTK_WIDGET (self->details_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->details_group);

  /* Household measures */
  self->portions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->portions_group, _("Measures"));
  adw_preferences_group_set_description (self->portions_group,
                                         _("Household measures and their weight, such as 1 slice = 30 g"));
  gtk_widget_add_css_class (add_portion, "flat");
  gtk_widget_set_tooltip_text (add_portion, _("Add a Measure"));
  g_signal_connect_swapped (add_portion, "clicked", G_CALLBACK (add_portion_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->portions_group, add_portion);
  self->portions_error = GTK_LABEL (cf_error_label_new ());
  adw_preferences_group_add (self->portions_group, GTK_WIDGET (self->portions_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->portions_group);

  /* Nutrients */
  self->nutrients_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->nutrients_group, _("Nutrients"));
  adw_preferences_group_set_description (self->nutrients_group,
                                         _("Leave empty what the label does not state: no data is not zero."));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Values are for"));
  gtk_string_list_append (bases, _("100 g"));
  gtk_string_list_append (bases, _("the first measure"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (bases));
  adw_preferences_group_add (self->nutrients_group, row);
  self->basis_row = ADW_COMBO_ROW (row);
  self->nutrients_error = GTK_LABEL (cf_error_label_new ());

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      g_autofree char *title = NULL;

      /* Translators: a nutrient and the unit its value is entered in,
       * e.g. "Magnesium (mg)" */
      title = g_strdup_printf (_("%s (%s)"), cf_nutrient_get_name (n),
                               in_iu (n) ? _("IU") : cf_unit_get_symbol (cf_nutrient_get_unit (n)));
      self->nutrient_rows[n] = cf_entry_row_new (self->nutrients_group, title);
      adw_entry_row_set_input_purpose (self->nutrient_rows[n], GTK_INPUT_PURPOSE_NUMBER);
      if (n == CF_NUTRIENT_VITAMIN_D)
        cf_vitamin_d_field_init (self->nutrient_rows[n]);
    }
  adw_preferences_group_add (self->nutrients_group, GTK_WIDGET (self->nutrients_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->nutrients_group);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
fill (CfFoodEditor *self)
{
  GListModel *portions;

  if (self->food == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Food"));
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Food"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cf_food_get_name (self->food));
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), cf_food_get_brand (self->food) ? cf_food_get_brand (self->food) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), cf_food_get_note (self->food) ? cf_food_get_note (self->food) : "");

  for (guint i = 0; i < self->group_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_codes, i), cf_food_get_group_code (self->food)) == 0)
      adw_combo_row_set_selected (self->group_row, i + 1);

  portions = cf_food_get_portions (self->food);
  for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
    {
      g_autoptr(CfPortion) portion = g_list_model_get_item (portions, i);
      g_autofree char *label = cf_portion_dup_label (portion);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      cf_food_editor_add_portion (self, cf_portion_get_amount (portion) == 1 ? cf_portion_get_description (portion) : label,
                                  cf_format_entry_number (buf, sizeof buf, "%g", cf_portion_get_grams (portion)));
    }

  /* A supplement states its doses per unit: show them so */
  if (cf_food_get_kind (self->food) == CF_FOOD_KIND_SUPPLEMENT && g_list_model_get_n_items (portions) > 0)
    adw_combo_row_set_selected (self->basis_row, 1);

  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      double v = cf_food_get_nutrient (self->food, n);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (isnan (v))
        continue;
      if (in_iu (n))
        v = cf_vitamin_d_ug_to_iu (v);
      if (adw_combo_row_get_selected (self->basis_row) == 1)
        {
          g_autoptr(CfPortion) first = g_list_model_get_item (portions, 0);
          v = v * cf_portion_get_grams (first) / 100.0;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->nutrient_rows[n]), cf_format_entry_number (buf, sizeof buf, "%.6g", v));
    }
}

static void
cf_food_editor_dispose (GObject *object)
{
  CfFoodEditor *self = (CfFoodEditor *) object;

  g_clear_object (&self->context);
  g_clear_object (&self->food);
  g_clear_pointer (&self->group_codes, g_ptr_array_unref);
  g_clear_pointer (&self->portion_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_food_editor_parent_class)->dispose (object);
}

static void
cf_food_editor_finalize (GObject *object)
{
  CfFoodEditor *self = (CfFoodEditor *) object;

  g_free (self->error);

  G_OBJECT_CLASS (cf_food_editor_parent_class)->finalize (object);
}

static void
cf_food_editor_class_init (CfFoodEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_food_editor_dispose;
  object_class->finalize = cf_food_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_FOOD);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_FOOD);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_food_editor_init (CfFoodEditor *self)
{
  self->group_codes = g_ptr_array_new_with_free_func (g_free);
  self->portion_rows = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 700);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
}

/**
 * cf_food_editor_new:
 * @food: (nullable): one of the user's foods to edit, or %NULL for a new
 *   one
 *
 * Returns: (transfer full): the editor
 */
CfFoodEditor *
cf_food_editor_new (CfContext *context,
                    CfFood    *food)
{
  CfFoodEditor *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (food == NULL || cf_food_get_source (food) == CF_FOOD_SOURCE_CUSTOM, NULL);

  self = g_object_new (CF_TYPE_FOOD_EDITOR, NULL);
  self->context = g_object_ref (context);
  if (food != NULL)
    self->food = cf_food_store_get_food (cf_context_get_food_store (context), cf_food_get_id (food), NULL);
  if (food != NULL && self->food == NULL)
    self->food = g_object_ref (food);

  build (self);
  fill (self);

  return self;
}

GtkEditable *
cf_food_editor_get_name_field (CfFoodEditor *self)
{
  g_return_val_if_fail (CF_IS_FOOD_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
cf_food_editor_get_nutrient_field (CfFoodEditor *self,
                                   CfNutrient    nutrient)
{
  g_return_val_if_fail (CF_IS_FOOD_EDITOR (self), NULL);
  g_return_val_if_fail (nutrient < CF_N_NUTRIENTS, NULL);

  return GTK_EDITABLE (self->nutrient_rows[nutrient]);
}

void
cf_food_editor_set_per_portion (CfFoodEditor *self,
                                gboolean      per_portion)
{
  g_return_if_fail (CF_IS_FOOD_EDITOR (self));

  adw_combo_row_set_selected (self->basis_row, per_portion ? 1 : 0);
}

/**
 * cf_food_editor_get_error:
 *
 * Returns: (nullable): the message shown for the last failed save
 */
const char *
cf_food_editor_get_error (CfFoodEditor *self)
{
  g_return_val_if_fail (CF_IS_FOOD_EDITOR (self), NULL);

  return self->error;
}
