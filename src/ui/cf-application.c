/* cf-application.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-application"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "cf-about.h"
#include "cf-application.h"
#include "cf-backup.h"
#include "cf-error.h"
#include "cf-date.h"
#include "cf-demo.h"
#include "cf-preferences-window.h"
#include "cf-reference-intakes.h"
#include "cf-window-private.h"

/* Days of sample data behind --demo */
#define DEMO_DAYS 14

/* A new automatic backup of the diary at most once a day */
#define BACKUP_MAX_AGE (24 * 60 * 60)

struct _CfApplication
{
  AdwApplication  parent_instance;

  CfContext      *context;
  GError         *context_error;
  GSettings      *settings;
  char           *demo_dir;
  GThread        *open_thread;
  gpointer        open_data;
  char           *backup_error;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The diary is opened in a thread of its own, started before the
 * toolkit: opening it (and making a new one, or the sample fortnight of
 * --demo) overlaps with starting GTK, which loads libraries and
 * prepares the display.  The thread hands the context over when it
 * ends; nothing else uses it meanwhile. */
typedef struct
{
  char      *demo_path;     /* a --demo run: the throw-away diary */
  CfContext *context;
  GError    *error;
} OpenData;

static gpointer
open_thread (gpointer user_data)
{
  OpenData *d = user_data;

  /* The reference intake tables are read once, on first use: here,
   * rather than in the main thread when the day's targets are set */
  cf_reference_intakes_get_rows (CF_REFERENCE_SET_NASEM);

  d->context = cf_context_new (d->demo_path, NULL, &d->error);

  /* A throw-away profile, filled with a sample fortnight; the user's
   * own diary is never opened */
  if (d->context != NULL && d->demo_path != NULL)
    {
      GDate today;

      cf_day_set_today (&today);
      if (!cf_demo_fill (d->context, &today, DEMO_DAYS, &d->error))
        g_clear_object (&d->context);
    }

  return d;
}

static void
start_opening (CfApplication *self)
{
  OpenData *d = g_new0 (OpenData, 1);

  self->open_data = d;

  if (self->demo)
    {
      self->demo_dir = g_dir_make_tmp ("cofactor-demo-XXXXXX", &d->error);
      /* Never the user's diary in its place */
      if (self->demo_dir == NULL)
        return;
      d->demo_path = g_build_filename (self->demo_dir, "cofactor.db", NULL);
    }

  self->open_thread = g_thread_new ("cf-open", open_thread, d);
}

/* Waits for the diary opened by start_opening() */
static CfContext *
finish_opening (CfApplication  *self,
                GError        **error)
{
  OpenData *d = g_steal_pointer (&self->open_data);
  CfContext *context;

  if (self->open_thread != NULL)
    g_thread_join (g_steal_pointer (&self->open_thread));

  context = d->context;
  if (d->error != NULL)
    g_propagate_error (error, d->error);
  g_free (d->demo_path);
  g_free (d);

  return context;
}

/**
 * cf_application_new_settings:
 * @demo: whether for a --demo run
 *
 * The settings the application reads and writes.  A demo keeps them in
 * memory, starting from the defaults, so that nothing done in it (a
 * profile, units, targets) reaches the user's own settings; its first-run
 * question counts as answered.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
cf_application_new_settings (gboolean demo)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  GSettings *settings;

  if (!demo)
    return g_settings_new (CF_SETTINGS_SCHEMA);

  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_with_backend (CF_SETTINGS_SCHEMA, backend);
  g_settings_set_boolean (settings, "profile-asked", TRUE);

  return settings;
}

static int
cf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CfApplication *self = CF_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A demo runs beside the real app, never inside it */
      self->demo = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
cf_application_startup (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);

  /* The diary opens while GTK starts */
  start_opening (self);

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  self->settings = cf_application_new_settings (self->demo);

  /* A diary that cannot be opened is reported in the window, never
   * replaced. */
  self->context = finish_opening (self, &self->context_error);

  if (self->context == NULL)
    g_message ("Could not open the diary: %s", self->context_error->message);
}

/* Whether putting a backup in place can mend why the diary could not be
 * opened: damage, or a missing file, with a sound backup at hand */
static gboolean
can_restore (CfApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr(CfBackup) backup = NULL;

  if (self->demo || self->context_error == NULL ||
      !(g_error_matches (self->context_error, CF_ERROR, CF_ERROR_CORRUPT) ||
        g_error_matches (self->context_error, CF_ERROR, CF_ERROR_MISSING)))
    return FALSE;

  path = cf_get_default_database_path ();
  backup = cf_find_latest_backup (path, TRUE);

  return backup != NULL;
}

static void
backup_toast (CfWindow   *window,
              const char *title,
              const char *button,
              const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, button);
  adw_toast_set_action_name (toast, action);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  cf_window_add_toast (window, toast);
}

/* Adds a generation to the backups and tells @window when that did not
 * happen: a failure, or a diary that holds less than its last backup
 * (never backed up over without asking) */
static void
back_up (CfApplication *self,
         CfWindow      *window,
         gboolean       force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBackup) latest = NULL;
  CfBackupResult result;

  if (self->demo || self->context == NULL)
    return;

  g_clear_pointer (&self->backup_error, g_free);

  if (!cf_database_backup (cf_context_get_database (self->context), force ? 0 : BACKUP_MAX_AGE, force,
                           &result, &latest, &error))
    {
      g_message ("Could not back up the diary: %s", error->message);
      self->backup_error = g_strdup (error->message);
      backup_toast (window, _("The diary could not be backed up"), _("_Details"), "app.show-backup-error");
      return;
    }

  if (result == CF_BACKUP_SMALLER)
    backup_toast (window, _("The diary holds less than its last backup, so it was not backed up"),
                  _("_Back Up Anyway"), "app.back-up-anyway");
  else if (result == CF_BACKUP_MADE && force)
    cf_window_add_toast (window, adw_toast_new (_("Backed up")));
}

static gboolean
back_up_idle_cb (gpointer user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CF_IS_WINDOW (window))
    back_up (self, CF_WINDOW (window), FALSE);

  return G_SOURCE_REMOVE;
}

static void
back_up_anyway_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CF_IS_WINDOW (window))
    back_up (self, CF_WINDOW (window), TRUE);
}

static void
show_backup_error_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->backup_error == NULL)
    return;

  dialog = adw_message_dialog_new (window, _("The Diary Could Not Be Backed Up"), self->backup_error);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows a window on the diary that has just been opened in place of
 * @old, which showed why it could not be */
static CfWindow *
replace_window (CfApplication *self,
                GtkWindow     *old)
{
  CfWindow *window;

  g_clear_error (&self->context_error);
  window = cf_window_new (self, self->context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (old != NULL)
    gtk_window_destroy (old);

  return window;
}

static void
show_failure (GtkWindow  *parent,
              const char *heading,
              GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_diary_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (self->context != NULL || self->demo ||
      !g_error_matches (self->context_error, CF_ERROR, CF_ERROR_MISSING))
    return;

  /* The backups stay where they are */
  self->context = cf_context_new_full (NULL, NULL, CF_DATABASE_OPEN_NEW, &error);
  if (self->context == NULL)
    {
      show_failure (old, _("A New Diary Could Not Be Started"), error);
      return;
    }

  replace_window (self, old);
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = cf_get_default_database_path ();
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  CfWindow *window;

  if (self->context != NULL || !can_restore (self))
    return;

  if (!cf_database_restore_backup (path, NULL, &kept, &error) ||
      !(self->context = cf_context_new (NULL, NULL, &error)))
    {
      show_failure (old, _("The Backup Could Not Be Restored"), error);
      return;
    }

  window = replace_window (self, old);

  if (kept != NULL)
    {
      /* Translators: a toast; %s is the file the damaged diary was moved to */
      g_autofree char *name = g_path_get_basename (kept);
      g_autofree char *title = g_strdup_printf (_("Backup restored; the damaged diary was kept as %s"), name);
      cf_window_add_toast (window, adw_toast_new (title));
    }
  else
    cf_window_add_toast (window, adw_toast_new (_("Backup restored")));
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  gint64 now = g_get_monotonic_time ();
  struct rusage usage = { 0 };
  g_autofree char *line = NULL;

  getrusage (RUSAGE_SELF, &usage);
  line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", now,
                          (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
                          (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec);

  if (write (fd, line, strlen (line)) < 0)
    g_message ("Could not report the first frame: %s", g_strerror (errno));
  close (fd);
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, user_data);
}

/* For build-aux/measure-performance.sh: with COFACTOR_FIRST_FRAME_FD
 * set, the monotonic time (µs) at the end of the window's first painted
 * frame and the processor time the process had used by then (µs, all
 * threads, user and system) are written to that file descriptor.
 * Unset, it costs a getenv. */
static void
report_first_frame (GtkWindow *window)
{
  const char *fd = g_getenv ("COFACTOR_FIRST_FRAME_FD");
  GdkFrameClock *clock;

  if (fd == NULL || (clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))) == NULL)
    return;

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), GINT_TO_POINTER (atoi (fd)));
}

static void
cf_application_activate (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cf_window_new (self, self->context,
                                          self->context_error ? self->context_error->message : NULL));
      if (self->context == NULL)
        _cf_window_offer_recovery (CF_WINDOW (window), can_restore (self),
                                   !self->demo && g_error_matches (self->context_error, CF_ERROR, CF_ERROR_MISSING));
      else
        /* Keep the last good diary, to offer if it is ever damaged; once
         * the window is up, as it reads the whole diary */
        g_idle_add_full (G_PRIORITY_LOW, back_up_idle_cb, g_object_ref (self), g_object_unref);

      gtk_window_present (window);
      report_first_frame (window);
      return;
    }

  gtk_window_present (window);
}

static void
cf_application_shutdown (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);

  /* Close the throw-away diary before removing it */
  g_clear_object (&self->context);
  if (self->demo_dir != NULL)
    remove_tree (self->demo_dir);

  G_APPLICATION_CLASS (cf_application_parent_class)->shutdown (app);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing windows first lets them save their state */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_destroy (windows->data);
      windows = next;
    }

  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (cf_about_window_new (gtk_application_get_active_window (app))));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CfApplication *self = CF_APPLICATION (user_data);
  CfPreferencesWindow *preferences = cf_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "restore-backup", restore_backup_activated },
  { "new-diary", new_diary_activated },
  { "back-up-anyway", back_up_anyway_activated },
  { "show-backup-error", show_backup_error_activated },
};

static void
cf_application_dispose (GObject *object)
{
  CfApplication *self = (CfApplication *) object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_error (&self->context_error);

  G_OBJECT_CLASS (cf_application_parent_class)->dispose (object);
}

static void
cf_application_finalize (GObject *object)
{
  CfApplication *self = (CfApplication *) object;

  /* A diary still being opened (startup did not finish) */
  if (self->open_data != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfContext) context = finish_opening (self, &error);
    }

  g_free (self->demo_dir);
  g_free (self->backup_error);

  G_OBJECT_CLASS (cf_application_parent_class)->finalize (object);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cf_application_dispose;
  object_class->finalize = cf_application_finalize;
  app_class->handle_local_options = cf_application_handle_local_options;
  app_class->startup = cf_application_startup;
  app_class->activate = cf_application_activate;
  app_class->shutdown = cf_application_shutdown;
}

static void
cf_application_init (CfApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start with a throw-away diary filled with two weeks of sample data; your own diary is not touched"),
      NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.view::diary",
                                         (const char *[]) { "<Alt>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.view::foods",
                                         (const char *[]) { "<Alt>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.view::insights",
                                         (const char *[]) { "<Alt>3", NULL });
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

/**
 * cf_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
cf_application_get_settings (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
cf_application_is_demo (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), FALSE);

  return self->demo;
}
