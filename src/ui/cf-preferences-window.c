/* cf-preferences-window.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-preferences-window"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-nutrient-format.h"
#include "cf-preferences-window-private.h"
#include "cf-targets.h"
#include "cf-ui-util.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *vitamin_d_row;
  AdwComboRow          *amounts_row;
  AdwComboRow          *sex_row;
  AdwEntryRow          *birth_date_row;
  AdwComboRow          *condition_row;
  AdwComboRow          *reference_row;
  AdwPreferencesGroup  *targets_group;
  GHashTable           *target_rows;
  GtkLabel             *targets_error;
  GtkLabel             *profile_error;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows show choices in this order; the settings store keys */
static const char *vitamin_d_units[] = { "ug", "iu", NULL };
static const char *amount_units[] = { "metric", "us", NULL };
static const char *sexes[] = { "unspecified", "female", "male", NULL };
static const char *conditions[] = { "none", "pregnancy", "lactation", NULL };
static const char *reference_sets[] = { "nasem", "efsa", "dach", NULL };

/* The targets a person may set for themselves, in the order shown */
static const CfTargetId personal_targets[] = {
  CF_TARGET_CALCIUM, CF_TARGET_MAGNESIUM, CF_TARGET_VITAMIN_D, CF_TARGET_VITAMIN_K,
  CF_TARGET_VITAMIN_K2, CF_TARGET_POTASSIUM, CF_TARGET_VITAMIN_C, CF_TARGET_EPA_DHA,
};

static gboolean
key_to_index (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char **keys = user_data;
  const char *key = g_variant_get_string (variant, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
index_to_key (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  const char **keys = user_data;
  guint index = g_value_get_uint (value);

  return index < g_strv_length ((char **) keys) ? g_variant_new_string (keys[index]) : NULL;
}

static void
show_profile_error (CfPreferencesWindow *self,
                    const char          *message)
{
  cf_show_error (self->profile_error, NULL, message);
}

static void
birth_date_apply_cb (CfPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row))));
  g_autoptr(GError) error = NULL;
  GDate day, today;

  gtk_widget_remove_css_class (GTK_WIDGET (self->birth_date_row), "error");

  if (*text != '\0')
    {
      cf_day_set_today (&today);
      if (!cf_day_parse (text, &day, &error) || strlen (text) != 10)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->birth_date_row), "error");
          show_profile_error (self, error ? error->message : _("Use the form YYYY-MM-DD"));
          return;
        }
      if (g_date_compare (&day, &today) > 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->birth_date_row), "error");
          show_profile_error (self, _("The birth date is in the future"));
          return;
        }
    }

  show_profile_error (self, NULL);
  g_settings_set_string (self->settings, "profile-birth-date", text);
}

static void
target_apply_cb (AdwEntryRow         *row,
                 CfPreferencesWindow *self)
{
  CfTargetId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "target"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "target-overrides");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sd}"));
  const char *key = cf_target_id_to_key (id);
  GVariantIter iter;
  const char *k;
  double value = NAN, v;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (*text != '\0')
    {
      if (!cf_parse_number (text, &value) || value <= 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          /* Translators: %s is a nutrient name */
          {
            g_autofree char *message = g_strdup_printf (_("%s: enter a number above zero, or leave it empty"),
                                                        cf_target_id_get_name (id));
            cf_show_error (self->targets_error, NULL, message);
          }
          return;
        }
    }

  cf_show_error (self->targets_error, NULL, NULL);

  /* The K2 goal has its own key; the others share a dictionary */
  if (id == CF_TARGET_VITAMIN_K2)
    {
      g_settings_set_double (self->settings, "k2-goal", isnan (value) ? -1 : value);
      return;
    }

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sd}", &k, &v))
    if (g_strcmp0 (k, key) != 0)
      g_variant_builder_add (&builder, "{sd}", k, v);
  if (!isnan (value))
    g_variant_builder_add (&builder, "{sd}", key, value);

  g_settings_set_value (self->settings, "target-overrides", g_variant_builder_end (&builder));
}

static void
build_target_rows (CfPreferencesWindow *self)
{
  g_autoptr(GVariant) overrides = g_settings_get_value (self->settings, "target-overrides");
  double k2 = g_settings_get_double (self->settings, "k2-goal");

  for (guint i = 0; i < G_N_ELEMENTS (personal_targets); i++)
    {
      CfTargetId id = personal_targets[i];
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = NULL;
      double value = NAN;

      if (id == CF_TARGET_VITAMIN_K2)
        /* Translators: %s is a unit symbol */
        title = g_strdup_printf (_("Vitamin K2 goal (%s a day; default %.1f, see Insights)"),
                                 cf_unit_get_symbol (CF_UNIT_UG), CF_K2_DEFAULT_GOAL_UG);
      else
        /* Translators: a nutrient and its unit, e.g. "Calcium (mg a day)" */
        title = g_strdup_printf (_("%s (%s a day)"), cf_target_id_get_name (id),
                                 cf_unit_get_symbol (cf_intake_get_unit (cf_target_id_get_intake (id))));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "target", GUINT_TO_POINTER (id));

      if (id == CF_TARGET_VITAMIN_K2)
        value = k2 > 0 ? k2 : NAN;
      else if (!g_variant_lookup (overrides, cf_target_id_to_key (id), "d", &value))
        value = NAN;

      if (!isnan (value))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          gtk_editable_set_text (GTK_EDITABLE (row), cf_format_entry_number (buf, sizeof buf, "%g", value));
        }

      g_signal_connect (row, "apply", G_CALLBACK (target_apply_cb), self);
      adw_preferences_group_add (self->targets_group, row);
      g_hash_table_insert (self->target_rows, GUINT_TO_POINTER (id), row);
    }

  /* Problems show under the targets they concern */
  self->targets_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->targets_error, TRUE);
  gtk_label_set_xalign (self->targets_error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->targets_error), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->targets_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->targets_error), FALSE);
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->targets_error));
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = (CfPreferencesWindow *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->target_rows, g_hash_table_unref);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, vitamin_d_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, amounts_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, condition_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, targets_group);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, profile_error);
  gtk_widget_class_bind_template_callback (widget_class, birth_date_apply_cb);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  self->target_rows = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CfPreferencesWindow *
cf_preferences_window_new (GSettings *settings)
{
  CfPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CF_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "vitamin-d-unit", self->vitamin_d_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, key_to_index, index_to_key,
                                (gpointer) vitamin_d_units, NULL);
  g_settings_bind_with_mapping (settings, "amount-units", self->amounts_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, key_to_index, index_to_key,
                                (gpointer) amount_units, NULL);
  g_settings_bind_with_mapping (settings, "profile-sex", self->sex_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, key_to_index, index_to_key,
                                (gpointer) sexes, NULL);
  g_settings_bind_with_mapping (settings, "profile-condition", self->condition_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, key_to_index, index_to_key,
                                (gpointer) conditions, NULL);
  g_settings_bind_with_mapping (settings, "reference-set", self->reference_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, key_to_index, index_to_key,
                                (gpointer) reference_sets, NULL);

  {
    g_autofree char *birth = g_settings_get_string (settings, "profile-birth-date");
    gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), birth);
  }
  build_target_rows (self);

  return self;
}

AdwEntryRow *
_cf_preferences_window_get_birth_date_row (CfPreferencesWindow *self)
{
  return self->birth_date_row;
}

AdwComboRow *
_cf_preferences_window_get_sex_row (CfPreferencesWindow *self)
{
  return self->sex_row;
}

AdwEntryRow *
_cf_preferences_window_get_target_row (CfPreferencesWindow *self,
                                       CfTargetId           id)
{
  return g_hash_table_lookup (self->target_rows, GUINT_TO_POINTER (id));
}

const char *
_cf_preferences_window_get_error (CfPreferencesWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->profile_error)))
    return gtk_label_get_label (self->profile_error);
  if (gtk_widget_get_visible (GTK_WIDGET (self->targets_error)))
    return gtk_label_get_label (self->targets_error);

  return NULL;
}
