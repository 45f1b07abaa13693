/* cf-delete-dialog.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-delete-dialog.h"

typedef struct
{
  CfDeleteConfirmedFunc confirmed;
  GWeakRef              object;
} Confirmation;

static void
confirmation_free (Confirmation *c)
{
  g_weak_ref_clear (&c->object);
  g_free (c);
}

static gboolean
confirm_idle_cb (gpointer data)
{
  Confirmation *c = data;
  g_autoptr(GObject) object = g_weak_ref_get (&c->object);

  if (object != NULL)
    c->confirmed (object);

  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          object)
{
  Confirmation *c;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  /* Once the dialog is gone, so that @confirmed may close the window it
   * was transient for */
  c = g_new0 (Confirmation, 1);
  c->confirmed = (CfDeleteConfirmedFunc) g_object_get_data (G_OBJECT (dialog), "confirmed");
  g_weak_ref_init (&c->object, object);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, confirm_idle_cb, c, (GDestroyNotify) confirmation_free);
}

/**
 * cf_ask_delete_food:
 * @parent: the editor of the food
 * @heading: the question, e.g. "Delete This Food?"
 * @confirmed: what deletes it
 * @object: (type GObject): passed to @confirmed, which is not called
 *   if @object is finalized first
 *
 * Asks whether to delete one of the user's foods, saying what happens to
 * the days it was logged on; Cancel is the default.
 */
void
cf_ask_delete_food (GtkWindow             *parent,
                    const char            *heading,
                    CfDeleteConfirmedFunc  confirmed,
                    gpointer               object)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (confirmed != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  dialog = adw_message_dialog_new (parent, heading,
                                   _("Days you logged it on keep their values; it will no longer be found in searches."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "confirmed", confirmed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), object, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
