/* cf-progress-dialog.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-progress-dialog.h"

/* A dialog for work that takes more than a moment (a long import): what
 * is being done, a bar for how far it is, and Cancel, which cancels
 * @cancellable.  Whoever does the work closes it when done. */

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GCancellable     *cancellable)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (cancellable);
}

/**
 * cf_progress_dialog_new:
 * @cancellable: what Cancel cancels
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
cf_progress_dialog_new (GtkWindow    *parent,
                        const char   *heading,
                        const char   *body,
                        GCancellable *cancellable)
{
  AdwMessageDialog *dialog;
  GtkWidget *bar;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Cancel (or Escape) closes the dialog and cancels the work */
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), cancellable, 0);
  g_object_set_data_full (G_OBJECT (dialog), "cf-cancellable", g_object_ref (cancellable), g_object_unref);

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (dialog, bar);
  g_object_set_data (G_OBJECT (dialog), "cf-bar", bar);

  return dialog;
}

void
cf_progress_dialog_set_fraction (AdwMessageDialog *dialog,
                                 double            fraction)
{
  GtkProgressBar *bar = g_object_get_data (G_OBJECT (dialog), "cf-bar");

  g_return_if_fail (GTK_IS_PROGRESS_BAR (bar));

  gtk_progress_bar_set_fraction (bar, CLAMP (fraction, 0, 1));
}

double
cf_progress_dialog_get_fraction (AdwMessageDialog *dialog)
{
  GtkProgressBar *bar = g_object_get_data (G_OBJECT (dialog), "cf-bar");

  g_return_val_if_fail (GTK_IS_PROGRESS_BAR (bar), 0);

  return gtk_progress_bar_get_fraction (bar);
}
