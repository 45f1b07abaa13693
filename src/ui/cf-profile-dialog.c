/* cf-profile-dialog.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-profile-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-profile-dialog.h"
#include "cf-ui-util.h"

/**
 * CfProfileDialog:
 *
 * The first-run question: sex, birth date and reference set, and why
 * they matter (each target is chosen by them; without them it is the
 * highest value of all age groups).  Saving writes them to the settings
 * and marks the question answered ("profile-asked"), which takes down
 * the banner of cf_profile_banner_new().  The same values can be
 * changed later in Preferences.
 */

struct _CfProfileDialog
{
  AdwWindow    parent_instance;

  GSettings   *settings;

  AdwComboRow *sex_row;
  AdwEntryRow *birth_date_row;
  AdwComboRow *reference_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CfProfileDialog, cf_profile_dialog, ADW_TYPE_WINDOW)

/* In the order of the rows' lists, as in Preferences */
static const char *sexes[] = { "unspecified", "female", "male" };
static const char *reference_sets[] = { "nasem", "efsa", "dach" };

static guint
index_of (const char * const *keys,
          guint               n_keys,
          const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;

  return 0;
}

/**
 * cf_profile_dialog_save:
 *
 * Checks the birth date (empty, or a day in the form YYYY-MM-DD that is
 * not in the future) and writes the three answers; on a problem nothing
 * is written and the message shows next to the field.
 */
gboolean
cf_profile_dialog_save (CfProfileDialog  *self,
                        GError          **error)
{
  g_autofree char *birth = NULL;
  guint sex, reference;

  g_return_val_if_fail (CF_IS_PROFILE_DIALOG (self), FALSE);

  birth = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row))));
  gtk_widget_remove_css_class (GTK_WIDGET (self->birth_date_row), "error");
  cf_show_error (self->error_label, NULL, NULL);

  if (*birth != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      GDate day, today;

      if (!cf_parse_date (birth, &day, &local_error))
        {
          cf_show_error (self->error_label, GTK_WIDGET (self->birth_date_row), local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      cf_day_set_today (&today);
      if (g_date_compare (&day, &today) > 0)
        {
          cf_show_error (self->error_label, GTK_WIDGET (self->birth_date_row), _("The birth date is in the future"));
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The birth date is in the future"));
          return FALSE;
        }
    }

  sex = adw_combo_row_get_selected (self->sex_row);
  reference = adw_combo_row_get_selected (self->reference_row);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "profile-sex", sexes[MIN (sex, G_N_ELEMENTS (sexes) - 1)]);
  g_settings_set_string (self->settings, "profile-birth-date", birth);
  g_settings_set_string (self->settings, "reference-set",
                         reference_sets[MIN (reference, G_N_ELEMENTS (reference_sets) - 1)]);
  g_settings_set_boolean (self->settings, "profile-asked", TRUE);
  g_settings_apply (self->settings);

  return TRUE;
}

static void
save_clicked_cb (CfProfileDialog *self)
{
  if (cf_profile_dialog_save (self, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
cf_profile_dialog_dispose (GObject *object)
{
  CfProfileDialog *self = CF_PROFILE_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_profile_dialog_parent_class)->dispose (object);
}

static void
cf_profile_dialog_class_init (CfProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_profile_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwComboRow *
combo_row_new (const char          *title,
               const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));

  return ADW_COMBO_ROW (row);
}

static void
cf_profile_dialog_init (CfProfileDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *later = gtk_button_new_with_mnemonic (_("_Later"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reference_group = adw_preferences_group_new ();
  const char *sex_items[] = { _("Not specified"), _("Female"), _("Male"), NULL };
  const char *reference_items[] = { _("US/Canada (NASEM)"), _("Europe (EFSA)"),
                                    _("Germany, Austria, Switzerland (D-A-CH)"), NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("Your Targets"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (later), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), later);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("About You"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Your daily targets depend on your age and sex: the reference tables "
                                           "give different values for each. Until you say, Cofactor uses the "
                                           "highest value of all adult age groups and both sexes, which may be "
                                           "more than you need. Nothing you enter leaves this computer; you can "
                                           "change it later in Preferences."));

  self->sex_row = combo_row_new (_("Sex"), sex_items);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sex_row));
  self->birth_date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birth_date_row), _("Birth date (YYYY-MM-DD)"));
  adw_entry_row_set_activates_default (self->birth_date_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->birth_date_row));
  self->error_label = GTK_LABEL (cf_error_label_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reference_group), _("Reference Values"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (reference_group),
                                         _("The tables the targets come from; pick those of where you live or "
                                           "those your doctor uses."));
  self->reference_row = combo_row_new (_("Reference set"), reference_items);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (reference_group), GTK_WIDGET (self->reference_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (reference_group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * cf_profile_dialog_new:
 * @settings: the application's settings, where the answers go
 *
 * Returns: (transfer full): the dialog, showing the answers given so far
 */
CfProfileDialog *
cf_profile_dialog_new (GSettings *settings)
{
  CfProfileDialog *self;
  g_autofree char *sex = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CF_TYPE_PROFILE_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  sex = g_settings_get_string (settings, "profile-sex");
  birth = g_settings_get_string (settings, "profile-birth-date");
  reference = g_settings_get_string (settings, "reference-set");
  adw_combo_row_set_selected (self->sex_row, index_of (sexes, G_N_ELEMENTS (sexes), sex));
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), birth);
  adw_combo_row_set_selected (self->reference_row,
                              index_of (reference_sets, G_N_ELEMENTS (reference_sets), reference));

  return self;
}

AdwComboRow *
cf_profile_dialog_get_sex_row (CfProfileDialog *self)
{
  g_return_val_if_fail (CF_IS_PROFILE_DIALOG (self), NULL);

  return self->sex_row;
}

GtkEditable *
cf_profile_dialog_get_birth_date_field (CfProfileDialog *self)
{
  g_return_val_if_fail (CF_IS_PROFILE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->birth_date_row);
}

AdwComboRow *
cf_profile_dialog_get_reference_row (CfProfileDialog *self)
{
  g_return_val_if_fail (CF_IS_PROFILE_DIALOG (self), NULL);

  return self->reference_row;
}

/**
 * cf_profile_dialog_get_error:
 *
 * Returns: (nullable): the message shown next to the birth date, or
 *   %NULL
 */
const char *
cf_profile_dialog_get_error (CfProfileDialog *self)
{
  g_return_val_if_fail (CF_IS_PROFILE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

static void
set_up_clicked_cb (GtkButton *button,
                   GSettings *settings)
{
  CfProfileDialog *dialog = cf_profile_dialog_new (settings);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
asked_changed_cb (GSettings  *settings,
                  const char *key,
                  GtkWidget  *banner)
{
  gtk_widget_set_visible (banner, !g_settings_get_boolean (settings, "profile-asked"));
}

/**
 * cf_profile_banner_new:
 * @settings: the application's settings
 *
 * A strip that says targets take the highest value of all age groups
 * until the first-run question is answered, with a button that asks
 * it (#CfProfileDialog); it stays until then and goes once answered.
 *
 * Returns: (transfer floating): the banner
 */
GtkWidget *
cf_profile_banner_new (GSettings *settings)
{
  GtkWidget *banner = g_object_new (GTK_TYPE_BOX,
                                    "orientation", GTK_ORIENTATION_HORIZONTAL,
                                    "spacing", 12,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                    NULL);
  GtkWidget *label = gtk_label_new (_("Targets use the highest value of all age groups until you give your sex "
                                      "and birth date."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Set Up…"));

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (banner), label);
  gtk_box_append (GTK_BOX (banner), button);
  gtk_widget_add_css_class (banner, "cf-banner");
  gtk_widget_add_css_class (banner, "cf-profile-banner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Set Up Your Targets"), -1);

  g_signal_connect_object (button, "clicked", G_CALLBACK (set_up_clicked_cb), settings, 0);
  g_signal_connect_object (settings, "changed::profile-asked", G_CALLBACK (asked_changed_cb), banner, 0);
  asked_changed_cb (settings, "profile-asked", banner);

  return banner;
}
