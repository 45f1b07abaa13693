/* cf-import-preview.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-import-preview.h"

/* What an import would do, before anything is written: the plan's
 * summary in a message dialog with Cancel and Import.  The long list of
 * columns a tracker's file has and Cofactor does not import (Cronometer
 * exports some eighty) goes into an expander below. */

static const char *
heading_for (CfImportFormat format)
{
  switch (format)
    {
    case CF_IMPORT_FORMAT_CRONOMETER_SERVINGS:
    case CF_IMPORT_FORMAT_CRONOMETER_DAILY:
      return _("Import from Cronometer?");
    case CF_IMPORT_FORMAT_MYFITNESSPAL:
      return _("Import from MyFitnessPal?");
    case CF_IMPORT_FORMAT_COFACTOR:
    default:
      return _("Import Cofactor Export?");
    }
}

static GtkWidget *
create_ignored_expander (const char * const *columns)
{
  /* Translators: the separator of a list of names */
  g_autofree char *list = g_strjoinv (_(", "), (char **) columns);
  g_autofree char *title = NULL;
  guint n = g_strv_length ((char **) columns);
  GtkWidget *expander, *scrolled, *label;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Column Not Imported", "%u Columns Not Imported", n), n);
  expander = gtk_expander_new (title);

  label = gtk_label_new (list);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_expander_set_child (GTK_EXPANDER (expander), scrolled);

  return expander;
}

/**
 * cf_import_preview_new:
 * @parent: the window it belongs to
 * @plan: what would be imported
 *
 * The dialog's "import" response means the user accepted; the caller
 * applies cf_import_preview_get_plan() then.
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
AdwMessageDialog *
cf_import_preview_new (GtkWindow    *parent,
                       CfImportPlan *plan)
{
  const char * const *ignored = cf_import_plan_get_ignored_columns (plan);
  g_auto(GStrv) summary = cf_import_plan_dup_summary (plan);
  guint n_lines = g_strv_length (summary);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (CF_IS_IMPORT_PLAN (plan), NULL);

  /* The summary's last sentence lists the columns not imported: shown
   * in the expander instead */
  if (ignored[0] != NULL && n_lines > 1)
    {
      g_free (summary[n_lines - 1]);
      summary[n_lines - 1] = NULL;
    }
  body = g_strjoinv ("\n\n", summary);

  dialog = adw_message_dialog_new (parent, heading_for (cf_import_plan_get_format (plan)), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (ignored[0] != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_ignored_expander (ignored));

  g_object_set_data_full (G_OBJECT (dialog), "cf-import-plan", g_object_ref (plan), g_object_unref);

  return ADW_MESSAGE_DIALOG (dialog);
}

/**
 * cf_import_preview_get_plan:
 *
 * Returns: (transfer none): the plan the dialog shows
 */
CfImportPlan *
cf_import_preview_get_plan (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "cf-import-plan");
}
