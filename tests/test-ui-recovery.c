/* test-ui-recovery.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application started, under Xvfb, on diaries in trouble: missing,
 * damaged, too new, read-only, holding less than the last backup, or
 * with a backup that cannot be written.  Each time the window says what
 * is wrong and offers what can help, and nothing is lost. */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <unistd.h>
#include <string.h>
#include <sqlite3.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cf-application.h"
#include "cf-backup.h"
#include "cf-date.h"
#include "cf-profile-dialog.h"
#include "cf-test-util.h"
#include "cf-ui-test-util.h"
#include "cf-window-private.h"

typedef void (*CheckFunc) (CfApplication *app,
                           CfWindow      *window,
                           gpointer       data);

typedef struct
{
  CfApplication *app;
  CheckFunc      check;
  gpointer       data;
} Run;

/* Whether a label under @widget shows @text (a toast, a page) */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_visible (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* As a click does */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The error page is what the window shows, not the diary */
static gboolean
shows_error_page (CfWindow *window)
{
  GtkWidget *page = find_status_page (GTK_WIDGET (window));

  return page != NULL && gtk_widget_get_mapped (page) &&
         cf_window_get_diary_view (window) == NULL;
}

static const char *
error_description (CfWindow *window)
{
  return adw_status_page_get_description (ADW_STATUS_PAGE (find_status_page (GTK_WIDGET (window))));
}

static gboolean
button_shown (CfWindow   *window,
              const char *label)
{
  GtkWidget *button = cf_test_find_button (GTK_WIDGET (window), label);

  return button != NULL && gtk_widget_get_mapped (button);
}

static gboolean
check_idle_cb (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  GList *windows;

  /* Let the window draw and the start-up backup run */
  for (guint i = 0; i < 20; i++)
    {
      cf_test_spin ();
      g_usleep (5000);
    }

  g_assert_true (CF_IS_WINDOW (window));
  run->check (run->app, CF_WINDOW (window), run->data);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (run->app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add_full (G_PRIORITY_LOW + 10, check_idle_cb, run, NULL);
}

/* Starts the application on the diary in @dir, as a user would, and
 * runs @check once its window is up */
static void
run_app (const char *dir,
         CheckFunc   check,
         gpointer    data)
{
  Run run = { NULL, check, data };

  g_setenv ("COFACTOR_DATA_DIR", dir, TRUE);
  run.app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 0, NULL), ==, 0);
  g_clear_object (&run.app);
  g_unsetenv ("COFACTOR_DATA_DIR");
}

/* A diary in @dir with @n entries, and its backup */
static void
make_backed_up_diary (const char *dir,
                      guint       n)
{
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(CfContext) context = NULL;
  g_autoptr(CfFood) food = NULL;
  g_autoptr(GError) error = NULL;
  CfBackupResult result;
  GDate day;

  context = cf_context_new (path, NULL, &error);
  g_assert_no_error (error);
  food = cf_food_store_get_food (cf_context_get_food_store (context), "usda:01009", &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, 3, 2026);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfDiaryEntry) entry = cf_diary_entry_new (&day, CF_MEAL_LUNCH, food, 30, NULL, 0);

      g_assert_true (cf_diary_add (cf_context_get_diary (context), entry, &error));
    }
  g_assert_true (cf_database_backup (cf_context_get_database (context), 0, FALSE, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CF_BACKUP_MADE);
}

static guint
count_backups (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GPtrArray) backups = cf_list_backups (path);

  return backups->len;
}

static gboolean
restored_with_toast (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  return CF_IS_WINDOW (window) && cf_window_get_diary_view (CF_WINDOW (window)) != NULL &&
         shows_label (GTK_WIDGET (window), "Backup restored");
}

static void
check_missing (CfApplication *app,
               CfWindow      *window,
               gpointer       data)
{
  GtkWidget *restore;
  GtkWindow *restored;
  gint64 entries = 0;

  /* Not the first-run page of an empty diary: the damage, and the way
   * back */
  g_assert_true (shows_error_page (window));
  g_assert_null (cf_application_get_context (app));
  g_assert_nonnull (strstr (error_description (window), "is missing"));
  g_assert_nonnull (strstr (error_description (window), "18 entries"));
  g_assert_true (button_shown (window, "_Restore Last Backup"));
  g_assert_true (button_shown (window, "_Start a New Diary"));

  restore = cf_test_find_button (GTK_WIDGET (window), "_Restore Last Backup");
  click (restore);
  /* The new window and its toast take a few turns of the main loop (more
   * in a build with sanitizers) */
  cf_test_spin_until (restored_with_toast, app);

  restored = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CF_IS_WINDOW (restored));
  g_assert_nonnull (cf_application_get_context (app));
  g_assert_nonnull (cf_window_get_diary_view (CF_WINDOW (restored)));
  g_assert_true (shows_label (GTK_WIDGET (restored), "Backup restored"));
  g_assert_true (cf_database_count (cf_context_get_database (cf_application_get_context (app)), &entries, NULL, NULL));
  g_assert_cmpint (entries, ==, 18);
}

/* The diary deleted, or emptied, beside a backup of 18 entries */
static void
test_missing_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);

  make_backed_up_diary (dir, 18);
  g_assert_cmpint (g_unlink (path), ==, 0);
  run_app (dir, check_missing, NULL);
  g_assert_cmpuint (count_backups (dir), ==, 1);

  cf_test_remove_tree (dir);
}

static void
check_start_new (CfApplication *app,
                 CfWindow      *window,
                 gpointer       data)
{
  GtkWindow *fresh;

  g_assert_true (shows_error_page (window));
  g_assert_nonnull (strstr (error_description (window), "is empty"));
  click (cf_test_find_button (GTK_WIDGET (window), "_Start a New Diary"));
  cf_test_spin ();

  fresh = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (cf_window_get_diary_view (CF_WINDOW (fresh)));
}

static void
test_start_new_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);

  make_backed_up_diary (dir, 18);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  run_app (dir, check_start_new, NULL);

  /* The backup with the 18 entries is still there */
  {
    g_autoptr(CfBackup) backup = cf_find_latest_backup (path, TRUE);
    g_autoptr(GPtrArray) backups = cf_list_backups (path);
    gint64 most = 0;

    g_assert_nonnull (backup);
    for (guint i = 0; i < backups->len; i++)
      most = MAX (most, ((CfBackup *) g_ptr_array_index (backups, i))->entries);
    g_assert_cmpint (most, ==, 18);
  }

  cf_test_remove_tree (dir);
}

static void
check_damaged (CfApplication *app,
               CfWindow      *window,
               gpointer       data)
{
  g_assert_true (shows_error_page (window));
  g_assert_nonnull (strstr (error_description (window), "damaged"));
  g_assert_true (button_shown (window, "_Restore Last Backup"));
  g_assert_false (button_shown (window, "_Start a New Diary"));
}

/* A few pages of the diary overwritten */
static void
test_damaged_diary (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  char page[4096];
  FILE *f;

  make_backed_up_diary (dir, 200);
  cf_test_fold_wal (path);
  memset (page, 0x77, sizeof page);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 5 * sizeof page, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (page, 1, sizeof page, f), ==, sizeof page);
  g_assert_cmpuint (fwrite (page, 1, sizeof page, f), ==, sizeof page);
  fclose (f);

  run_app (dir, check_damaged, NULL);
  g_assert_cmpuint (count_backups (dir), ==, 1);

  cf_test_remove_tree (dir);
}

static void
check_too_new (CfApplication *app,
               CfWindow      *window,
               gpointer       data)
{
  g_assert_true (shows_error_page (window));
  g_assert_nonnull (strstr (error_description (window), "newer version"));
  /* A backup cannot help with that */
  g_assert_false (button_shown (window, "_Restore Last Backup"));
}

static void
test_too_new (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  sqlite3 *raw = NULL;

  make_backed_up_diary (dir, 1);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  run_app (dir, check_too_new, NULL);

  cf_test_remove_tree (dir);
}

static void
check_backup_failed (CfApplication *app,
                     CfWindow      *window,
                     gpointer       data)
{
  g_assert_nonnull (cf_window_get_diary_view (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "The diary could not be backed up"));
}

/* The backup cannot be written (here something is in the way of its
 * folder; a full disk is alike): the user is told */
static void
test_backup_failure (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autofree char *folder = NULL;

  make_backed_up_diary (dir, 1);
  folder = cf_get_backup_dir (path);
  cf_test_remove_tree (folder);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));

  run_app (dir, check_backup_failed, NULL);

  cf_test_remove_tree (dir);
}

static void
check_smaller (CfApplication *app,
               CfWindow      *window,
               gpointer       data)
{
  const char *dir = data;
  GtkWidget *button;

  g_assert_nonnull (cf_window_get_diary_view (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "holds less than its last backup"));
  g_assert_cmpuint (count_backups (dir), ==, 1);

  /* Asked, the user goes ahead: a new backup beside the old one */
  g_usleep (1100 * 1000);
  button = cf_test_find_button (GTK_WIDGET (window), "_Back Up Anyway");
  g_assert_nonnull (button);
  click (button);
  cf_test_spin ();
  g_assert_cmpuint (count_backups (dir), ==, 2);
}

/* The diary holds fewer entries than its last backup (even a day old):
 * no backup over it without asking */
static void
test_backup_smaller (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *raw = NULL;

  make_backed_up_diary (dir, 18);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM entry", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  /* Make the backup two days old, so a new one is due */
  backups = cf_list_backups (path);
  {
    CfBackup *backup = g_ptr_array_index (backups, 0);
    g_autoptr(GDateTime) old = g_date_time_add_days (backup->time, -2);
    g_autofree char *stamp = g_date_time_format (old, "%Y%m%dT%H%M%SZ");
    g_autofree char *folder = cf_get_backup_dir (path);
    g_autofree char *name = g_strdup_printf ("cofactor-%s.db", stamp);
    g_autofree char *target = g_build_filename (folder, name, NULL);

    g_assert_cmpint (g_rename (backup->path, target), ==, 0);
  }

  run_app (dir, check_smaller, dir);

  cf_test_remove_tree (dir);
}

/* A read-only diary: the views, and a banner saying so */
static void
test_read_only_banner (void)
{
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  g_autoptr(GError) error = NULL;
  CfWindow *window;

  make_backed_up_diary (dir, 1);
  context = cf_context_new_full (path, NULL, CF_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = cf_window_new_for_context (context, settings);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  g_assert_nonnull (cf_window_get_diary_view (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "This diary is read-only"));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();

  /* A diary that can be written has no banner */
  g_clear_object (&context);
  context = cf_context_new (path, NULL, &error);
  window = cf_window_new_for_context (context, settings);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();
  g_assert_false (shows_label (GTK_WIDGET (window), "read-only"));
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();

  cf_test_remove_tree (dir);
}

static void
check_read_only_folder (CfApplication *app,
                        CfWindow      *window,
                        gpointer       data)
{
  CfContext *context = cf_application_get_context (app);
  gint64 entries = 0;

  /* The diary, not an error page, and no offer to put a backup over a
   * diary that is not damaged */
  g_assert_nonnull (context);
  g_assert_false (shows_error_page (window));
  g_assert_nonnull (cf_window_get_diary_view (window));
  g_assert_false (button_shown (window, "_Restore Last Backup"));
  g_assert_false (button_shown (window, "_Start a New Diary"));

  g_assert_true (cf_database_is_read_only (cf_context_get_database (context)));
  g_assert_true (shows_label (GTK_WIDGET (window), "This diary is read-only"));
  g_assert_false (shows_label (GTK_WIDGET (window), "could not be backed up"));
  g_assert_true (cf_database_count (cf_context_get_database (context), &entries, NULL, NULL));
  g_assert_cmpint (entries, ==, 3);
}

/* The user "nobody": root may write in any folder */
#define UNPRIVILEGED_ID 65534

/* The application started, as a user would start it, on a diary in a
 * folder that user cannot write (before, it showed "attempt to write a
 * readonly database" and offered to restore a backup) */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *wal_after = NULL;

  if (g_test_subprocess ())
    {
      const char *diary_dir = g_getenv ("COFACTOR_TEST_DIARY_DIR");

      /* The display is open already; what is left is done as an
       * ordinary user */
      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (UNPRIVILEGED_ID) != 0 || setuid (UNPRIVILEGED_ID) != 0))
        g_error ("Could not become an ordinary user: %s", g_strerror (errno));
      g_assert_nonnull (diary_dir);
      g_assert_cmpint (access (diary_dir, W_OK), !=, 0);

      run_app (diary_dir, check_read_only_folder, NULL);
      return;
    }

  dir = cf_test_make_temp_dir ();
  path = g_build_filename (dir, "cofactor.db", NULL);
  make_backed_up_diary (dir, 3);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  before = cf_test_file_sha256 (path);
  /* (a diary closed without a checkpoint keeps its write-ahead log) */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  wal_before = cf_test_file_sha256 (wal);

  g_setenv ("COFACTOR_TEST_DIARY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("COFACTOR_TEST_DIARY_DIR");
  g_test_trap_assert_passed ();

  /* Not a byte written, and the backup as it was */
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  after = cf_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  wal_after = cf_test_file_sha256 (wal);
  g_assert_cmpstr (wal_before, ==, wal_after);
  g_assert_cmpuint (count_backups (dir), ==, 1);

  cf_test_remove_tree (dir);
}

/* Runs the application with @argv (NULL-terminated), as a user starts
 * it, and @check once its window is up */
static void
run_app_with (const char * const *argv,
              CheckFunc           check,
              gpointer            data)
{
  Run run = { NULL, check, data };

  run.app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), g_strv_length ((char **) argv), (char **) argv), ==, 0);
  g_clear_object (&run.app);
}

static CfWindow *
find_profile_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_PROFILE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return (gpointer) window;
    }

  return NULL;
}

/* A profile changed the way a person does: the banner's Set Up…, then
 * the first-run question */
static void
answer_profile (CfWindow   *window,
                const char *birth_date)
{
  GtkWidget *set_up = cf_test_find_button (GTK_WIDGET (window), "_Set Up…");
  CfProfileDialog *dialog;

  g_assert_nonnull (set_up);
  g_assert_true (gtk_widget_get_mapped (set_up));
  g_signal_emit_by_name (set_up, "clicked");
  cf_test_spin ();
  dialog = (CfProfileDialog *) find_profile_dialog ();
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (cf_profile_dialog_get_sex_row (dialog), 2);
  gtk_editable_set_text (cf_profile_dialog_get_birth_date_field (dialog), birth_date);
  adw_combo_row_set_selected (cf_profile_dialog_get_reference_row (dialog), 1);
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  cf_test_spin ();
  g_assert_null (find_profile_dialog ());
}

static void
check_demo_profile (CfApplication *app,
                    CfWindow      *window,
                    gpointer       data)
{
  GSettings *settings = cf_application_get_settings (app);
  gboolean demo = GPOINTER_TO_INT (data);

  g_assert_cmpint (cf_application_is_demo (app), ==, demo);

  if (demo)
    {
      /* The demo's first-run question counts as answered; its profile
       * changes all the same, in the demo */
      GtkWidget *set_up = cf_test_find_button (GTK_WIDGET (window), "_Set Up…");

      g_assert_true (set_up == NULL || !gtk_widget_get_mapped (set_up));
      g_settings_set_boolean (settings, "profile-asked", FALSE);
      cf_test_spin ();
    }

  answer_profile (window, "1970-01-02");
  g_assert_cmpstr (g_settings_get_string (settings, "profile-sex"), ==, "male");
  g_assert_cmpstr (g_settings_get_string (settings, "profile-birth-date"), ==, "1970-01-02");
  g_assert_cmpstr (g_settings_get_string (settings, "reference-set"), ==, "efsa");
  g_settings_set_string (settings, "vitamin-d-unit", "iu");
  g_settings_sync ();
}

/* Runs in a process of its own whose settings are a key file in a
 * temporary folder, the user's real settings */
static void
demo_child (void)
{
  const char *config = g_getenv ("XDG_CONFIG_HOME");
  g_autofree char *keyfile_path = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *data_dir = cf_test_make_temp_dir ();
  const char *demo_argv[] = { "cofactor", "--demo", NULL };
  const char *plain_argv[] = { "cofactor", NULL };
  g_autofree char *keyfile = NULL;

  /* --demo: the profile changed in it, the real settings untouched */
  run_app_with (demo_argv, check_demo_profile, GINT_TO_POINTER (TRUE));
  {
    g_autoptr(GSettings) real = g_settings_new ("io.github.cofactor.Cofactor");

    g_assert_cmpstr (g_settings_get_string (real, "profile-sex"), ==, "unspecified");
    g_assert_cmpstr (g_settings_get_string (real, "profile-birth-date"), ==, "");
    g_assert_cmpstr (g_settings_get_string (real, "vitamin-d-unit"), ==, "ug");
    g_assert_false (g_settings_get_boolean (real, "profile-asked"));
  }
  if (g_file_get_contents (keyfile_path, &keyfile, NULL, NULL))
    g_assert_null (strstr (keyfile, "profile"));
  g_clear_pointer (&keyfile, g_free);

  /* The same steps without --demo do reach the settings: the check
   * above can fail */
  g_setenv ("COFACTOR_DATA_DIR", data_dir, TRUE);
  run_app_with (plain_argv, check_demo_profile, GINT_TO_POINTER (FALSE));
  g_unsetenv ("COFACTOR_DATA_DIR");
  g_assert_true (g_file_get_contents (keyfile_path, &keyfile, NULL, NULL));
  g_assert_nonnull (strstr (keyfile, "profile-sex='male'"));
  g_assert_nonnull (strstr (keyfile, "profile-asked=true"));
  cf_test_remove_tree (data_dir);
}

static void
test_demo_keeps_settings (void)
{
  g_autofree char *config = cf_test_make_temp_dir ();
  g_autofree char *old_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));

  if (g_test_subprocess ())
    {
      demo_child ();
      return;
    }

  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("GSETTINGS_BACKEND", old_backend ? old_backend : "memory", TRUE);
  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  cf_test_remove_tree (config);
  g_test_trap_assert_passed ();
}

/* The first run: the banner says why and stays until the question is
 * answered; a birth date in the future is refused next to the field */
static void
test_first_run_profile (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.cofactor.Cofactor");
  CfWindow *window;
  CfProfileDialog *dialog;
  GtkWidget *set_up;

  g_settings_reset (settings, "profile-asked");
  g_settings_reset (settings, "profile-sex");
  g_settings_reset (settings, "profile-birth-date");
  g_settings_reset (settings, "reference-set");
  window = cf_window_new_for_context (context, settings);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_spin ();

  g_assert_true (shows_label (GTK_WIDGET (window), "Targets use the highest value of all age groups"));
  set_up = cf_test_find_button (GTK_WIDGET (window), "_Set Up…");
  g_assert_true (gtk_widget_get_mapped (set_up));

  /* Later: the question is not answered, the banner stays */
  g_signal_emit_by_name (set_up, "clicked");
  cf_test_spin ();
  dialog = (CfProfileDialog *) find_profile_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Until you say, Cofactor uses the highest value"));
  gtk_window_close (GTK_WINDOW (dialog));
  cf_test_spin ();
  g_assert_true (gtk_widget_get_mapped (set_up));
  g_assert_false (g_settings_get_boolean (settings, "profile-asked"));

  /* A birth date in the future, then one that is not a date */
  g_signal_emit_by_name (set_up, "clicked");
  cf_test_spin ();
  dialog = (CfProfileDialog *) find_profile_dialog ();
  gtk_editable_set_text (cf_profile_dialog_get_birth_date_field (dialog), "2999-01-01");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  cf_test_spin ();
  g_assert_cmpstr (cf_profile_dialog_get_error (dialog), ==, "The birth date is in the future");
  gtk_editable_set_text (cf_profile_dialog_get_birth_date_field (dialog), "1.2.1980");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  cf_test_spin ();
  g_assert_nonnull (strstr (cf_profile_dialog_get_error (dialog), "YYYY-MM-DD"));
  g_assert_nonnull (find_profile_dialog ());
  g_assert_false (g_settings_get_boolean (settings, "profile-asked"));
  g_assert_cmpstr (g_settings_get_string (settings, "profile-birth-date"), ==, "");
  gtk_window_close (GTK_WINDOW (dialog));
  cf_test_spin ();

  answer_profile (window, "1980-05-02");
  g_assert_true (g_settings_get_boolean (settings, "profile-asked"));
  g_assert_cmpstr (g_settings_get_string (settings, "profile-sex"), ==, "male");
  g_assert_cmpstr (g_settings_get_string (settings, "profile-birth-date"), ==, "1980-05-02");
  g_assert_cmpstr (g_settings_get_string (settings, "reference-set"), ==, "efsa");
  g_assert_false (gtk_widget_get_mapped (set_up));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin ();
  g_settings_reset (settings, "profile-asked");
  g_settings_reset (settings, "profile-sex");
  g_settings_reset (settings, "profile-birth-date");
  g_settings_reset (settings, "reference-set");
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's MIME and
   * icon data; the diary itself is in a temporary folder */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the UI tests under Xvfb (xvfb-run)");
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/cofactor/ui/recovery/missing-diary", test_missing_diary);
  g_test_add_func ("/cofactor/ui/recovery/start-new-diary", test_start_new_diary);
  g_test_add_func ("/cofactor/ui/recovery/damaged-diary", test_damaged_diary);
  g_test_add_func ("/cofactor/ui/recovery/too-new", test_too_new);
  g_test_add_func ("/cofactor/ui/recovery/backup-failure", test_backup_failure);
  g_test_add_func ("/cofactor/ui/recovery/backup-smaller", test_backup_smaller);
  g_test_add_func ("/cofactor/ui/recovery/read-only-banner", test_read_only_banner);
  g_test_add_func ("/cofactor/ui/recovery/read-only-folder", test_read_only_folder);
  g_test_add_func ("/cofactor/ui/first-run/profile", test_first_run_profile);
  g_test_add_func ("/cofactor/ui/first-run/demo-keeps-settings", test_demo_keeps_settings);

  return g_test_run ();
}
