/* cf-window.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-csv-export.h"
#include "cf-date.h"
#include "cf-diary-undo.h"
#include "cf-diary-view.h"
#include "cf-foods-view.h"
#include "cf-import-preview.h"
#include "cf-progress-dialog.h"
#include "cf-profile-dialog.h"
#include "cf-insights-view.h"
#include "cf-tracker-import.h"
#include "cf-transfer.h"
#include "cf-ui-util.h"
#include "cf-window-private.h"

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  CfContext            *context;
  GSettings            *settings;
  char                 *error_message;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *restore_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *diary_view;
  AdwBin               *foods_page;      /* the views, made when first shown */
  AdwBin               *insights_page;
  GtkWidget            *foods_view;
  GtkWidget            *insights_view;

  char                 *error_heading;   /* the last failure, for its dialog */
  char                 *error_body;
  AdwToast             *result_toast;    /* weak: the last import or export result */
  AdwToast             *undo_toast;      /* weak: offers to undo… */
  CfDiaryUndo          *undo;            /* …this change */

  /* An import under way: it can be cancelled, and shows its progress
   * once it takes more than a moment */
  GCancellable         *import_cancellable;
  AdwMessageDialog     *progress_dialog;  /* weak */
  char                 *progress_heading;
  char                 *progress_body;
  guint                 progress_timeout_id;
  guint                 progress_delay_ms;
  double                progress_fraction;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkWidget *dialog;

  if (self->error_heading == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), self->error_heading, self->error_body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void clear_undo (CfWindow *self);

/* libadwaita 1.2 crashes when a toast is dismissed during its show
 * animation (Ctrl+Z right after a removal, two removals in a row): a
 * toast younger than this is dismissed once it is this old */
#define TOAST_SETTLE_MS 1000

typedef struct
{
  GWeakRef  window;
  AdwToast *toast;
} PendingDismiss;

static void
pending_dismiss_free (PendingDismiss *pending)
{
  g_weak_ref_clear (&pending->window);
  g_object_unref (pending->toast);
  g_free (pending);
}

static gboolean
dismiss_later_cb (gpointer data)
{
  PendingDismiss *pending = data;
  g_autoptr(GObject) window = g_weak_ref_get (&pending->window);

  if (window != NULL)
    adw_toast_dismiss (pending->toast);

  return G_SOURCE_REMOVE;
}

static void
dismiss_toast (CfWindow *self,
               AdwToast *toast)
{
  gint64 *added = g_object_get_data (G_OBJECT (toast), "cf-added-at");
  gint64 age = added != NULL ? (g_get_monotonic_time () - *added) / 1000 : TOAST_SETTLE_MS;
  PendingDismiss *pending;

  if (age >= TOAST_SETTLE_MS)
    {
      adw_toast_dismiss (toast);
      return;
    }

  pending = g_new0 (PendingDismiss, 1);
  g_weak_ref_init (&pending->window, self);
  pending->toast = g_object_ref (toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT, TOAST_SETTLE_MS - age, dismiss_later_cb,
                      pending, (GDestroyNotify) pending_dismiss_free);
}

/* The newest import or export result replaces an older one still shown,
 * and the offer to undo an earlier change: the result is what the user
 * waits for, and the undo toast would keep it in the queue */
static void
show_result_toast (CfWindow *self,
                   AdwToast *toast)
{
  if (self->result_toast != NULL)
    {
      dismiss_toast (self, self->result_toast);
      g_clear_weak_pointer (&self->result_toast);
    }

  /* The answer to what the user just did is shown in place of an offer
   * to undo an earlier change.  Not over it with a higher priority:
   * libadwaita 1.2 puts the shown toast back in the queue then, and can
   * crash when that toast was still animating in; a young toast goes a
   * moment later instead (dismiss_toast()), and this one follows. */
  if (self->undo_toast != NULL)
    {
      AdwToast *undo_toast = self->undo_toast;

      clear_undo (self);
      g_clear_weak_pointer (&self->undo_toast);
      dismiss_toast (self, undo_toast);
    }

  g_set_weak_pointer (&self->result_toast, toast);
  cf_window_add_toast (self, toast);
}

/* A failure is told in a toast; its message, which can name a line and
 * a field, is a click away in a dialog (a toast title is one line) */
static void
show_error_toast (CfWindow   *self,
                  const char *title,
                  const char *heading,
                  const char *body)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->error_heading);
  g_free (self->error_body);
  self->error_heading = g_strdup (heading);
  self->error_body = g_strdup (body);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-error");
  adw_toast_set_timeout (toast, 10);
  show_result_toast (self, toast);
}

/**
 * _cf_window_export_file:
 * @file: where to write the export
 *
 * Exports the diary and the user's foods to @file and says how that
 * went in a toast, as the Export… menu item does.
 *
 * Returns: whether the export was written
 */
gboolean
_cf_window_export_file (CfWindow *self,
                        GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cf_export_to_file (self->context, file, &error))
    {
      show_error_toast (self, _("Export failed"), _("Export Failed"), error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported to “%s”"), name);
  show_result_toast (self, adw_toast_new (title));

  return TRUE;
}

/**
 * _cf_window_export_csv_file:
 * @file: where to write the table
 * @table: which table
 *
 * Exports the diary as a CSV table to @file and says how that went in
 * a toast, as the Export Spreadsheet… menu item does.
 *
 * Returns: whether the table was written
 */
gboolean
_cf_window_export_csv_file (CfWindow   *self,
                            GFile      *file,
                            CfCsvTable  table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cf_csv_export_to_file (self->context, table, file, &error))
    {
      show_error_toast (self, _("Export failed"), _("Export Failed"), error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported to “%s”"), name);
  show_result_toast (self, adw_toast_new (title));

  return TRUE;
}

/* How long an import may take before it shows its progress */
#define PROGRESS_DELAY_MS 300

static gboolean
show_progress_cb (gpointer user_data)
{
  CfWindow *self = user_data;
  AdwMessageDialog *dialog;

  self->progress_timeout_id = 0;
  dialog = cf_progress_dialog_new (GTK_WINDOW (self), self->progress_heading, self->progress_body,
                                   self->import_cancellable);
  cf_progress_dialog_set_fraction (dialog, self->progress_fraction);
  g_set_weak_pointer (&self->progress_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  CfWindow *self = user_data;

  self->progress_fraction = fraction;
  if (self->progress_dialog != NULL)
    cf_progress_dialog_set_fraction (self->progress_dialog, fraction);
}

/* An import step starts: its dialog comes if it is not done soon */
static void
begin_progress (CfWindow   *self,
                const char *heading,
                const char *body)
{
  g_free (self->progress_heading);
  g_free (self->progress_body);
  self->progress_heading = g_strdup (heading);
  self->progress_body = g_strdup (body);
  self->progress_fraction = 0;
  if (self->import_cancellable == NULL)
    self->import_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  self->progress_timeout_id = g_timeout_add (self->progress_delay_ms, show_progress_cb, self);
}

static void
end_progress (CfWindow *self)
{
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  if (self->progress_dialog != NULL)
    {
      AdwMessageDialog *dialog = self->progress_dialog;

      g_clear_weak_pointer (&self->progress_dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->import_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
}

/* Why nothing was imported; a cancelled import says only that */
static void
show_import_error (CfWindow *self,
                   GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result_toast (self, adw_toast_new (_("Import cancelled: the diary is as it was")));
  else
    show_error_toast (self, _("Nothing was imported"), _("Nothing Was Imported"), error->message);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  CfImportPlan *plan = CF_IMPORT_PLAN (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *entries = NULL;
  CfImportCounts counts = { 0, };
  gboolean applied = cf_import_plan_apply_finish (plan, result, &counts, &error);

  /* A window closed meanwhile: the import was cancelled */
  if (self->context == NULL)
    return;

  end_progress (self);

  if (!applied)
    {
      show_import_error (self, error);
      return;
    }

  /* Of an export, the entries the diary did not have: the others were
   * there already */
  if (cf_import_plan_get_format (plan) == CF_IMPORT_FORMAT_COFACTOR)
    counts.entries = counts.new_entries;
  entries = g_strdup_printf (g_dngettext (NULL, "%u diary entry", "%u diary entries", counts.entries),
                             counts.entries);

  if (cf_import_plan_get_format (plan) == CF_IMPORT_FORMAT_COFACTOR && counts.entries > 0)
    {
      g_autofree char *foods = g_strdup_printf (g_dngettext (NULL, "%u food", "%u foods", counts.foods),
                                                counts.foods);

      /* Translators: a toast after an import; the first %s is a number
       * of diary entries ("3 diary entries"), the second a number of
       * foods ("1 food") */
      title = g_strdup_printf (_("Imported %s and %s"), entries, foods);
    }
  else if (counts.entries == 0)
    title = g_strdup (_("Nothing new: the diary has all of it already"));
  else
    /* Translators: a toast after an import from another tracker; %s is
     * a number of diary entries ("101 diary entries") */
    title = g_strdup_printf (_("Imported %s"), entries);

  show_result_toast (self, adw_toast_new (title));
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CfWindow         *self)
{
  CfImportPlan *plan = cf_import_preview_get_plan (dialog);
  g_autofree char *entries = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  entries = g_strdup_printf (g_dngettext (NULL, "%u diary entry", "%u diary entries",
                                          cf_import_plan_get_n_entries (plan)),
                             cf_import_plan_get_n_entries (plan));
  begin_progress (self, _("Importing…"), entries);
  cf_import_plan_apply_async (plan, progress_cb, self, self->import_cancellable,
                              applied_cb, g_object_ref (self));
}

static void
planned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportPlan) plan = NULL;
  AdwMessageDialog *preview;

  plan = cf_import_plan_new_for_file_finish (result, &error);
  if (self->context == NULL)
    return;

  end_progress (self);

  if (plan == NULL)
    {
      show_import_error (self, error);
      return;
    }

  preview = cf_import_preview_new (GTK_WINDOW (self), plan);
  g_signal_connect_object (preview, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (preview));
}

/**
 * _cf_window_import_file:
 * @file: a file to import: a Cofactor export, or a Cronometer or
 *   MyFitnessPal export
 *
 * Reads and checks @file, in a worker thread, and shows what importing
 * it would do; the import happens, all or nothing, when the user
 * accepts.  Either step shows its progress, with Cancel, when it takes
 * more than a moment.  A file that is refused is said so in a toast, as
 * the Import… menu item does.
 */
void
_cf_window_import_file (CfWindow *self,
                        GFile    *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One import at a time */
  if (self->import_cancellable != NULL)
    return;

  name = g_file_get_basename (file);
  begin_progress (self, _("Reading the File…"), name);
  cf_import_plan_new_for_file_async (self->context, file, progress_cb, self, self->import_cancellable,
                                     planned_cb, g_object_ref (self));
}

/**
 * _cf_window_is_importing:
 *
 * Returns: whether an import is being read or written
 */
gboolean
_cf_window_is_importing (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}

/**
 * _cf_window_set_progress_delay:
 *
 * How long an import may take before it shows its progress (for tests)
 */
void
_cf_window_set_progress_delay (CfWindow *self,
                               guint     ms)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  self->progress_delay_ms = ms;
}

/**
 * _cf_window_get_progress_dialog:
 *
 * Returns: (transfer none) (nullable): the progress of an import, when
 *   shown
 */
AdwMessageDialog *
_cf_window_get_progress_dialog (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return self->progress_dialog;
}

/* The file chooser starts in the home folder, not in the folder the
 * app was started from */
static void
start_in_home (GtkFileChooserNative *native)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), home, NULL);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    CfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      _cf_window_export_file (self, file);
    }

  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  cf_day_set_today (&today);
  today_iso = cf_day_to_iso (&today);
  /* Translators: the suggested file name of an export; keep .json */
  name = g_strdup_printf (_("cofactor-diary-%s.json"), today_iso);

  /* GtkFileChooserNative goes through the file chooser portal in the
   * sandbox; GtkFileDialog needs GTK 4.10. */
  native = gtk_file_chooser_native_new (_("Export Diary"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  start_in_home (native);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_csv_response_cb (GtkNativeDialog *native,
                        int              response,
                        CfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "table");
      CfCsvTable table = CF_CSV_TABLE_DAYS;

      cf_csv_table_from_key (choice, &table);
      _cf_window_export_csv_file (self, file, table);
    }

  g_object_unref (native);
}

/* Export Spreadsheet…: one CSV table, of days or of entries, chosen in
 * the file chooser */
static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  g_autofree char *today_iso = NULL;
  const char *ids[] = { "days", "entries", NULL };
  const char *labels[] = { _("One row per day"), _("One row per entry"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GDate today;

  cf_day_set_today (&today);
  today_iso = cf_day_to_iso (&today);
  /* Translators: the suggested file name of a spreadsheet export; keep .csv */
  name = g_strdup_printf (_("cofactor-diary-%s.csv"), today_iso);

  native = gtk_file_chooser_native_new (_("Export Spreadsheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_home (native);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "table", _("Rows"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "table", "days");
  g_signal_connect (native, "response", G_CALLBACK (export_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  CfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      _cf_window_import_file (self, file);
    }

  g_object_unref (native);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* The content tells the format, whatever the file's name */
  gtk_file_filter_set_name (filter, _("Cofactor, Cronometer and MyFitnessPal exports"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");

  native = gtk_file_chooser_native_new (_("Import Diary"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_home (native);
  g_signal_connect (native, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
view_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Makes the view of @name if it is not made yet */
static GtkWidget *
ensure_view (CfWindow   *self,
             const char *name)
{
  if (self->context == NULL)
    return NULL;

  if (g_strcmp0 (name, "foods") == 0 && self->foods_view == NULL)
    {
      self->foods_view = GTK_WIDGET (cf_foods_view_new (self->context));
      adw_bin_set_child (self->foods_page, self->foods_view);
    }
  else if (g_strcmp0 (name, "insights") == 0 && self->insights_view == NULL)
    {
      self->insights_view = GTK_WIDGET (cf_insights_view_new (self->context, self->settings));
      adw_bin_set_child (self->insights_page, self->insights_view);
    }

  if (g_strcmp0 (name, "foods") == 0)
    return self->foods_view;
  if (g_strcmp0 (name, "insights") == 0)
    return self->insights_view;

  return self->diary_view;
}

static void
visible_view_changed_cb (CfWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cf_window_add_toast (CF_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* Nothing to undo any more; the toast may still be shown, its button
 * insensitive */
static void
clear_undo (CfWindow *self)
{
  g_clear_object (&self->undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

/* The switcher bar at the bottom is given the views and made visible
 * the first time the window is narrow enough to want it, and from then
 * on only revealed and hidden by its binding.  Until then the first
 * frame need not build, nor style, its buttons. */
static void
title_visible_cb (CfWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      !gtk_widget_get_visible (GTK_WIDGET (self->switcher_bar)))
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), TRUE);
    }
}

/* A change can be undone while its toast is shown */
static void
undo_toast_dismissed_cb (CfWindow *self,
                         AdwToast *toast)
{
  if (toast == self->undo_toast)
    {
      clear_undo (self);
      g_clear_weak_pointer (&self->undo_toast);
    }
}

/* The shortcuts window is made when first asked for.  GTK would build
 * it with every main window, before the first frame, from a
 * gtk/help-overlay.ui resource. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/cofactor/Cofactor/ui/cf-shortcuts-window.ui");

      /* Which also shows the accelerators of the application's actions
       * in it, and makes it a hiding dialog of this window */
      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

/* The toast's button or Ctrl+Z.  The toast is left to its button, which
 * dismisses it, or to its timeout: libadwaita 1.2 can crash when a
 * toast is dismissed or replaced while it animates. */
static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(CfDiaryUndo) undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  clear_undo (self);

  if (undo != NULL && !cf_diary_undo_apply (undo, &error))
    cf_window_add_toast (self, adw_toast_new (error->message));
}

/* A view changed the diary: offer to undo it, in a toast and with
 * Ctrl+Z.  A newer change takes the place of an older one, in the same
 * toast while it is shown. */
static void
undoable_cb (CfWindow    *self,
             const char  *title,
             CfDiaryUndo *undo)
{
  g_set_object (&self->undo, undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);

  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      return;
    }

  /* In place of an import or export result still shown (see
   * show_result_toast() for why not with a higher priority) */
  if (self->result_toast != NULL)
    {
      dismiss_toast (self, self->result_toast);
      g_clear_weak_pointer (&self->result_toast);
    }

  {
    AdwToast *toast = adw_toast_new (title);

    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
    g_set_weak_pointer (&self->undo_toast, toast);
    cf_window_add_toast (self, toast);
  }
}

/* Ctrl+N, from every view: the add dialog for the diary's day */
static void
add_food_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->diary_view != NULL)
    cf_diary_view_add_food (CF_DIARY_VIEW (self->diary_view), -1);
}

static void
log_food_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->diary_view != NULL)
    cf_diary_view_log_food (CF_DIARY_VIEW (self->diary_view), g_variant_get_string (parameter, NULL));
}

static void
show_food_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) error = NULL;

  if (self->foods_view == NULL)
    return;

  food = cf_food_store_get_food (cf_context_get_food_store (self->context),
                                 g_variant_get_string (parameter, NULL), &error);
  if (food == NULL)
    {
      cf_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  cf_foods_view_show_food (CF_FOODS_VIEW (self->foods_view), food);
  adw_view_stack_set_visible_child_name (self->view_stack, "foods");
}

static void
cf_window_constructed (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  G_OBJECT_CLASS (cf_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  if (self->context == NULL)
    {
      /* The damaged file is never overwritten; the application offers a
       * backup where one can help (_cf_window_offer_recovery()) */
      adw_status_page_set_description (self->error_page, self->error_message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_page), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-food", FALSE);
      return;
    }

  /* The first frame shows the diary (or the view last shown); the
   * other views are made when first shown (ensure_view()) */
  self->diary_view = GTK_WIDGET (cf_diary_view_new (self->context, self->settings));
  g_signal_connect_object (self->diary_view, "undoable", G_CALLBACK (undoable_cb), self, G_CONNECT_SWAPPED);
  adw_view_stack_add_titled_with_icon (self->view_stack, self->diary_view, "diary",
                                       _("Diary"), "cf-diary-symbolic");
  self->foods_page = ADW_BIN (adw_bin_new ());
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->foods_page), "foods",
                                       _("Foods"), "cf-foods-symbolic");
  self->insights_page = ADW_BIN (adw_bin_new ());
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->insights_page), "insights",
                                       _("Insights"), "cf-insights-symbolic");
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (visible_view_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
  if (cf_database_is_read_only (cf_context_get_database (self->context)))
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->main_stack))),
                                cf_banner_new (_("This diary is read-only: you can look at it, but no change can be saved. "
                                                 "Make the file and its folder writable, then start Cofactor again.")),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (self->main_stack)));

  /* Until the first-run question is answered, targets take the highest
   * value of all age groups: the banner says so and asks it */
  else if (self->settings != NULL)
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->main_stack))),
                                cf_profile_banner_new (self->settings),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (self->main_stack)));
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  /* Detach the switchers while the stack is alive; left to the default
   * order, libadwaita 1.2 unparents their buttons twice. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  self->switcher_bar = NULL;
  self->switcher_title = NULL;

  /* An import under way stops, leaving the diary as it was */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  if (self->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
  g_clear_weak_pointer (&self->progress_dialog);

  g_clear_weak_pointer (&self->result_toast);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->undo);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_finalize (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  g_free (self->error_message);
  g_free (self->error_heading);
  g_free (self->error_body);
  g_free (self->progress_heading);
  g_free (self->progress_body);
  g_clear_object (&self->import_cancellable);

  G_OBJECT_CLASS (cf_window_parent_class)->finalize (object);
}

static void
cf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_ERROR_MESSAGE:
      self->error_message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  cf_accessibility_init ();

  object_class->constructed = cf_window_constructed;
  object_class->dispose = cf_window_dispose;
  object_class->finalize = cf_window_finalize;
  object_class->get_property = cf_window_get_property;
  object_class->set_property = cf_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_activated);
  gtk_widget_class_install_action (widget_class, "win.show-error", NULL, show_error_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.show-food", "s", show_food_activated);
  gtk_widget_class_install_action (widget_class, "win.add-food", NULL, add_food_activated);
  gtk_widget_class_install_action (widget_class, "win.log-food", "s", log_food_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-food", NULL);

  /* A text field keeps Ctrl+Z for its own text */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

static void
cf_window_init (CfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_menu_button_set_menu_model_lazily (self->primary_menu_button, self->primary_menu);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (title_visible_cb),
                           self, G_CONNECT_SWAPPED);
  self->progress_delay_ms = PROGRESS_DELAY_MS;

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * cf_window_new:
 * @error_message: (nullable): why the diary could not be opened, shown
 *   instead of the views when @context is %NULL
 */
CfWindow *
cf_window_new (CfApplication *application,
               CfContext     *context,
               const char    *error_message)
{
  return g_object_new (CF_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "settings", cf_application_get_settings (application),
                       "error-message", error_message,
                       NULL);
}

/**
 * cf_window_new_for_context:
 *
 * A window without an application, for tests.
 */
CfWindow *
cf_window_new_for_context (CfContext *context,
                           GSettings *settings)
{
  return g_object_new (CF_TYPE_WINDOW,
                       "context", context,
                       "settings", settings,
                       NULL);
}

void
cf_window_add_toast (CfWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  g_object_set_data_full (G_OBJECT (toast), "cf-added-at",
                          g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)), g_free);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * cf_window_get_foods_view:
 *
 * Returns: (transfer none) (nullable): the foods view, made now if it
 *   was not shown yet; %NULL when no diary is open
 */
GtkWidget *
cf_window_get_foods_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return ensure_view (self, "foods");
}

/**
 * cf_window_get_diary_view:
 *
 * Returns: (transfer none) (nullable): the diary view
 */
GtkWidget *
cf_window_get_diary_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return self->diary_view;
}

/**
 * cf_window_get_insights_view:
 *
 * Returns: (transfer none) (nullable): the insights view, made now if
 *   it was not shown yet; %NULL when no diary is open
 */
GtkWidget *
cf_window_get_insights_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return ensure_view (self, "insights");
}

/**
 * _cf_window_offer_recovery:
 * @restore: whether to offer the last sound backup
 * @start_new: whether to offer a new diary (for one that is missing)
 *
 * Offers what can mend a diary that could not be opened.
 */
void
_cf_window_offer_recovery (CfWindow *self,
                           gboolean  restore,
                           gboolean  start_new)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  gtk_widget_set_visible (self->restore_button, restore);

  if (start_new)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start a New Diary"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.new-diary");

      g_object_ref (self->restore_button);
      adw_status_page_set_child (self->error_page, box);
      gtk_box_append (GTK_BOX (box), self->restore_button);
      gtk_box_append (GTK_BOX (box), button);
      g_object_unref (self->restore_button);
    }
}
