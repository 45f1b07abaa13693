/* cf-application.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-application.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication  parent_instance;
  CfContext      *context;
  GError         *context_error;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static void
cf_application_startup (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  /* A diary that cannot be opened is reported in the window, never
   * replaced. */
  self->context = cf_context_new (NULL, NULL, &self->context_error);
  if (self->context == NULL)
    g_warning ("Could not open the diary: %s", self->context_error->message);
}

static void
cf_application_activate (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cf_window_new (self, self->context,
                                        self->context_error ? self->context_error->message : NULL));

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
};

static void
cf_application_dispose (GObject *object)
{
  CfApplication *self = (CfApplication *) object;

  g_clear_object (&self->context);
  g_clear_error (&self->context_error);

  G_OBJECT_CLASS (cf_application_parent_class)->dispose (object);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cf_application_dispose;
  app_class->startup = cf_application_startup;
  app_class->activate = cf_application_activate;
}

static void
cf_application_init (CfApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/cofactor/Cofactor",
                       NULL);
}

/**
 * cf_application_get_context:
 *
 * Returns: (transfer none) (nullable): the model, or %NULL when the
 *   diary could not be opened
 */
CfContext *
cf_application_get_context (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  return self->context;
}
