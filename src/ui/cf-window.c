/* cf-window.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-window.h"

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  CfContext            *context;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, status_page);
}

static void
cf_window_init (CfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CfWindow *
cf_window_new (CfApplication *application,
               CfContext     *context,
               const char    *error_message)
{
  CfWindow *self = g_object_new (CF_TYPE_WINDOW, "application", application, NULL);

  g_set_object (&self->context, context);

  if (error_message != NULL)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->status_page, _("The Diary Could Not Be Opened"));
      adw_status_page_set_description (self->status_page, error_message);
    }
  else
    {
      guint n = cf_food_store_count_reference_foods (cf_context_get_food_store (context));
      g_autofree char *description =
        /* Translators: %u is the number of foods in the database */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u food is ready to search. The diary view is on its way; meanwhile cofactor-cli logs and searches.",
                                      "%u foods are ready to search. The diary view is on its way; meanwhile cofactor-cli logs and searches.",
                                      n),
                         n);

      adw_status_page_set_description (self->status_page, description);
    }

  return self;
}
