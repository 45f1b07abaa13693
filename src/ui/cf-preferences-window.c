/* cf-preferences-window.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-preferences-window.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *vitamin_d_row;
  AdwComboRow          *amounts_row;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows show choices in this order; the settings store keys */
static const char *vitamin_d_units[] = { "ug", "iu" };
static const char *amount_units[] = { "metric", "us" };

static gboolean
key_to_index (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char **keys = user_data;
  const char *key = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < 2; i++)
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

  return index < 2 ? g_variant_new_string (keys[index]) : NULL;
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = (CfPreferencesWindow *) object;

  g_clear_object (&self->settings);

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
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
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

  return self;
}
