/* cf-supplement-dialog.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-supplement-dialog"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-delete-dialog.h"
#include "cf-error.h"
#include "cf-nutrient-format.h"
#include "cf-supplement-dialog.h"
#include "cf-supplements.h"
#include "cf-ui-util.h"

/**
 * CfSupplementDialog:
 *
 * Saves a supplement of the user's own, starting from a template: its
 * name, the unit a dose is counted in and what one unit holds.  Opened
 * with cf_supplement_dialog_new_for_food() it edits (or deletes) one of
 * the user's supplements in the same terms, rather than as values per
 * 100 g of a nominal unit weight.  #CfSupplementDialog::saved is emitted
 * with the saved food, ::deleted after a deletion.
 */

/* The nutrients a supplement label usually states */
static const CfNutrient dose_nutrients[] = {
  CF_NUTRIENT_MK7, CF_NUTRIENT_MK4, CF_NUTRIENT_VITAMIN_D, CF_NUTRIENT_VITAMIN_K1,
  CF_NUTRIENT_MAGNESIUM, CF_NUTRIENT_CALCIUM, CF_NUTRIENT_POTASSIUM,
  CF_NUTRIENT_VITAMIN_C, CF_NUTRIENT_EPA, CF_NUTRIENT_DHA, CF_NUTRIENT_ALA,
};

#define N_DOSES G_N_ELEMENTS (dose_nutrients)

struct _CfSupplementDialog
{
  AdwWindow            parent_instance;

  CfContext           *context;

  char                *food_id;       /* the supplement edited, or NULL */
  GPtrArray           *templates;
  CfFood              *template;      /* the template started from, or NULL */

  AdwPreferencesGroup *intro_group;
  AdwComboRow         *template_row;
  GtkLabel            *template_note;
  AdwEntryRow         *name_row;
  AdwEntryRow         *unit_row;
  GtkWidget           *delete_button;
  AdwPreferencesGroup *dose_group;
  GtkLabel            *error_label;
  GtkLabel            *caution_label;
  GtkButton           *save_button;
  AdwEntryRow         *dose_rows[N_DOSES];
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfSupplementDialog, cf_supplement_dialog, ADW_TYPE_WINDOW)

/* Vitamin D doses are entered in the unit the user chose to see */
static gboolean
dose_in_iu (CfNutrient nutrient)
{
  return nutrient == CF_NUTRIENT_VITAMIN_D && cf_format_get_vitamin_d_iu ();
}

static gboolean
read_doses (CfSupplementDialog  *self,
            CfSupplementDose    *doses,
            guint               *n_doses,
            GError             **error)
{
  *n_doses = 0;

  for (guint i = 0; i < N_DOSES; i++)
    {
      double value;
      gboolean valid;

      gtk_widget_remove_css_class (GTK_WIDGET (self->dose_rows[i]), "error");

      /* Vitamin D in µg or IU, whichever the label gives */
      if (dose_nutrients[i] == CF_NUTRIENT_VITAMIN_D)
        {
          if (!cf_vitamin_d_field_read (self->dose_rows[i], &value, error))
            {
              gtk_widget_add_css_class (GTK_WIDGET (self->dose_rows[i]), "error");
              return FALSE;
            }
          if (isnan (value))
            continue;

          doses[*n_doses].nutrient = dose_nutrients[i];
          doses[*n_doses].amount = value;
          (*n_doses)++;
          continue;
        }

      valid = cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->dose_rows[i])), &value);
      if (valid && isnan (value))
        continue;

      if (!valid || value < 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->dose_rows[i]), "error");
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a nutrient name */
                       _("%s: enter a number of zero or more, or leave it empty"),
                       cf_nutrient_get_name (dose_nutrients[i]));
          return FALSE;
        }

      doses[*n_doses].nutrient = dose_nutrients[i];
      doses[*n_doses].amount = value;
      (*n_doses)++;
    }

  return TRUE;
}

/* Whether the user already has the food saved from the template */
static gboolean
template_saved (CfSupplementDialog *self)
{
  g_autoptr(CfFood) saved = cf_food_store_get_food (cf_context_get_food_store (self->context),
                                                    cf_food_get_id (self->template), NULL);

  return saved != NULL;
}

/**
 * cf_supplement_dialog_save:
 *
 * Checks every field and saves the supplement; on a problem nothing is
 * saved and the message shows in the dialog.
 */
gboolean
cf_supplement_dialog_save (CfSupplementDialog  *self,
                           GError             **error)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
  g_autoptr(CfFood) food = NULL;
  CfSupplementDose doses[N_DOSES];
  guint n_doses;

  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->unit_row), "error");

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The supplement needs a name"));
      return FALSE;
    }

  if (*unit == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->unit_row), "error");
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Say what a dose is counted in, e.g. capsule or drop"));
      return FALSE;
    }

  if (!read_doses (self, doses, &n_doses, error))
    return FALSE;

  if (n_doses == 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Enter what one unit contains of at least one nutrient"));
      return FALSE;
    }

  if (self->food_id != NULL)
    {
      /* The stored supplement, changed: it keeps its id */
      food = cf_food_store_get_food (cf_context_get_food_store (self->context), self->food_id, error);
      if (food == NULL)
        return FALSE;
      cf_food_set_name (food, name);
      cf_supplement_set_doses (food, unit, doses, n_doses);
    }
  else if (self->template != NULL && !template_saved (self))
    {
      /* The first food saved from a template keeps the template's id,
       * so that logging the template again finds it */
      food = g_object_ref (self->template);
      cf_food_set_name (food, name);
      cf_supplement_set_doses (food, unit, doses, n_doses);
    }
  else
    food = cf_supplement_new (name, unit, doses, n_doses);

  if (!cf_food_store_save_custom_food (cf_context_get_food_store (self->context), food, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, food);

  return TRUE;
}

static void
save_clicked_cb (CfSupplementDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_supplement_dialog_save (self, &error))
    {
      cf_show_error (self->error_label, NULL, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/**
 * cf_supplement_dialog_delete:
 *
 * Deletes the supplement being edited, without asking; past diary days
 * keep what was logged.
 */
gboolean
cf_supplement_dialog_delete (CfSupplementDialog  *self,
                             GError             **error)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->food_id != NULL, FALSE);

  if (!cf_food_store_delete_custom_food (cf_context_get_food_store (self->context), self->food_id, error))
    return FALSE;

  g_signal_emit (self, signals[DELETED], 0);

  return TRUE;
}

static void
delete_confirmed (gpointer data)
{
  CfSupplementDialog *self = data;
  g_autoptr(GError) error = NULL;

  if (!cf_supplement_dialog_delete (self, &error))
    {
      cf_show_error (self->error_label, NULL, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_clicked_cb (CfSupplementDialog *self)
{
  cf_ask_delete_food (GTK_WINDOW (self), _("Delete This Supplement?"), delete_confirmed, self);
}

static void
cf_supplement_dialog_finalize (GObject *object)
{
  CfSupplementDialog *self = (CfSupplementDialog *) object;

  g_free (self->food_id);

  G_OBJECT_CLASS (cf_supplement_dialog_parent_class)->finalize (object);
}

static void
cf_supplement_dialog_dispose (GObject *object)
{
  CfSupplementDialog *self = (CfSupplementDialog *) object;

  g_clear_object (&self->context);
  g_clear_object (&self->template);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_supplement_dialog_parent_class)->dispose (object);
}

static void
cf_supplement_dialog_class_init (CfSupplementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_supplement_dialog_dispose;
  object_class->finalize = cf_supplement_dialog_finalize;

  /**
   * CfSupplementDialog::saved:
   * @food: the saved supplement
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_FOOD);

  /**
   * CfSupplementDialog::deleted:
   *
   * The supplement being edited was deleted.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-supplement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, intro_group);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, template_note);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, dose_group);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, caution_label);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfSupplementDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The vitamin K antagonist caution shows while a dose of any form of
 * vitamin K is entered */
static void
update_caution (CfSupplementDialog *self)
{
  CfSupplementDose doses[N_DOSES];
  const char *caution;
  guint n = 0;

  for (guint i = 0; i < N_DOSES; i++)
    {
      double value;

      if (cf_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->dose_rows[i])), &value) && !isnan (value))
        {
          doses[n].nutrient = dose_nutrients[i];
          doses[n].amount = value;
          n++;
        }
    }

  caution = cf_supplement_doses_get_caution (doses, n);
  gtk_label_set_label (self->caution_label, caution ? caution : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caution_label), caution != NULL);
}

static void fill (CfSupplementDialog *self,
                  CfFood             *food);

/* A template picked: its name, unit and amounts fill the fields, and
 * its note says where the amounts come from */
static void
template_selected_cb (CfSupplementDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  CfFood *template = NULL;
  const char *note;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < self->templates->len)
    template = g_ptr_array_index (self->templates, selected - 1);

  if (template == self->template)
    return;

  g_set_object (&self->template, template);
  if (template == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->template_note), FALSE);
      return;
    }

  fill (self, template);
  note = cf_supplement_get_template_note (template);
  gtk_label_set_label (self->template_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->template_note), note != NULL);
}

static void
cf_supplement_dialog_init (CfSupplementDialog *self)
{
  g_autoptr(GtkStringList) names = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_DOSES; i++)
    {
      CfNutrient n = dose_nutrients[i];
      g_autofree char *title = NULL;

      /* Translators: a nutrient and the unit its amount is entered in,
       * e.g. "Magnesium (mg)" */
      title = g_strdup_printf (_("%s (%s)"), cf_nutrient_get_name (n),
                               dose_in_iu (n) ? _("IU") : cf_unit_get_symbol (cf_nutrient_get_unit (n)));
      self->dose_rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dose_rows[i]), title);
      adw_entry_row_set_input_purpose (self->dose_rows[i], GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_set_activates_default (self->dose_rows[i], TRUE);
      if (n == CF_NUTRIENT_VITAMIN_D)
        cf_vitamin_d_field_init (self->dose_rows[i]);
      adw_preferences_group_add (self->dose_group, GTK_WIDGET (self->dose_rows[i]));
      g_signal_connect_object (self->dose_rows[i], "changed", G_CALLBACK (update_caution), self, G_CONNECT_SWAPPED);
    }

  /* The templates to start from; "None" first */
  self->templates = cf_supplement_list_templates ();
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, C_("template", "None"));
  for (guint i = 0; i < self->templates->len; i++)
    gtk_string_list_append (names, cf_food_get_name (g_ptr_array_index (self->templates, i)));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (template_selected_cb),
                           self, G_CONNECT_SWAPPED);

  /* The name first: Enter there saves, so a template is taken with
   * one key */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
fill (CfSupplementDialog *self,
      CfFood             *food)
{
  const char *unit = cf_supplement_get_unit (food);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cf_food_get_name (food));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), unit ? unit : "");

  for (guint i = 0; i < N_DOSES; i++)
    {
      double dose = cf_supplement_get_dose (food, dose_nutrients[i]);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (isnan (dose))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->dose_rows[i]), "");
          continue;
        }
      if (dose_in_iu (dose_nutrients[i]))
        dose = cf_vitamin_d_ug_to_iu (dose);
      gtk_editable_set_text (GTK_EDITABLE (self->dose_rows[i]), cf_format_entry_number (buf, sizeof buf, "%.6g", dose));
    }
}

/**
 * cf_supplement_dialog_new:
 * @template_food: (nullable): a supplement to start from
 *
 * Returns: (transfer full): the dialog, which saves a new supplement
 */
CfSupplementDialog *
cf_supplement_dialog_new (CfContext *context,
                          CfFood    *template_food)
{
  CfSupplementDialog *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_SUPPLEMENT_DIALOG, NULL);
  self->context = g_object_ref (context);

  if (template_food != NULL)
    {
      const char *key = cf_supplement_get_template_key (template_food);

      fill (self, template_food);
      for (guint i = 0; key != NULL && i < self->templates->len; i++)
        {
          if (g_strcmp0 (key, cf_supplement_get_template_key (g_ptr_array_index (self->templates, i))) == 0)
            adw_combo_row_set_selected (self->template_row, i + 1);
        }
    }

  return self;
}

/**
 * cf_supplement_dialog_new_for_food:
 * @supplement: one of the user's supplements
 *
 * Returns: (transfer full): the dialog, which changes or deletes
 *   @supplement
 */
CfSupplementDialog *
cf_supplement_dialog_new_for_food (CfContext *context,
                                   CfFood    *supplement)
{
  CfSupplementDialog *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_FOOD (supplement), NULL);
  g_return_val_if_fail (cf_food_get_kind (supplement) == CF_FOOD_KIND_SUPPLEMENT, NULL);

  self = cf_supplement_dialog_new (context, supplement);
  self->food_id = g_strdup (cf_food_get_id (supplement));

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Supplement"));
  gtk_widget_set_visible (GTK_WIDGET (self->template_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->template_note), FALSE);
  adw_preferences_group_set_description (self->intro_group,
                                         _("Changes apply from now on; days you already logged it on keep their values."));
  gtk_widget_set_visible (self->delete_button, TRUE);

  return self;
}

/**
 * cf_supplement_dialog_get_dose_field:
 * @nutrient: one of the nutrients a dose can state
 *
 * Returns: (transfer none) (nullable): the field for what one unit holds
 *   of @nutrient, or %NULL when the dialog has none for it
 */
GtkEditable *
cf_supplement_dialog_get_dose_field (CfSupplementDialog *self,
                                     CfNutrient          nutrient)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  for (guint i = 0; i < N_DOSES; i++)
    {
      if (dose_nutrients[i] == nutrient)
        return GTK_EDITABLE (self->dose_rows[i]);
    }

  return NULL;
}

/**
 * cf_supplement_dialog_get_caution:
 *
 * Returns: (transfer none) (nullable): the caution shown for a
 *   supplement with vitamin K, or %NULL when none is shown
 */
const char *
cf_supplement_dialog_get_caution (CfSupplementDialog *self)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->caution_label)))
    return NULL;

  return gtk_label_get_label (self->caution_label);
}

/**
 * cf_supplement_dialog_get_unit_field:
 *
 * Returns: (transfer none): the field for the unit a dose is counted in
 */
GtkEditable *
cf_supplement_dialog_get_unit_field (CfSupplementDialog *self)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->unit_row);
}

/**
 * cf_supplement_dialog_get_template_row:
 *
 * Returns: (transfer none): the chooser of the template to start from
 *   ("None" first, then the templates in library order)
 */
AdwComboRow *
cf_supplement_dialog_get_template_row (CfSupplementDialog *self)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  return self->template_row;
}

/**
 * cf_supplement_dialog_get_name_field:
 *
 * Returns: (transfer none): the field for the supplement's name
 */
GtkEditable *
cf_supplement_dialog_get_name_field (CfSupplementDialog *self)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

/**
 * cf_supplement_dialog_get_error:
 *
 * Returns: (nullable): the message shown about the fields, or %NULL
 */
const char *
cf_supplement_dialog_get_error (CfSupplementDialog *self)
{
  g_return_val_if_fail (CF_IS_SUPPLEMENT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}
