/* cf-import-async.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-async"

#include "config.h"

#include "cf-json.h"
#include "cf-limits.h"
#include "cf-tracker-import-private.h"

/* An import that shows its progress: the file read in a worker thread,
 * the write in steps on the caller's main loop (see cf-tracker-import.c
 * for the plan itself). */

/* Reading a file in a worker thread: the file and, for an export, its
 * entries; the rest, which needs the database, back in the caller's
 * thread */
typedef struct
{
  CfContext            *context;
  GFile                *file;
  CfImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *main_context;
  char                 *data;
  gsize                 length;
  CfImportContents     *contents;
} ReadData;

static void
read_data_free (ReadData *d)
{
  g_clear_object (&d->context);
  g_clear_object (&d->file);
  g_clear_pointer (&d->main_context, g_main_context_unref);
  g_free (d->data);
  g_clear_pointer (&d->contents, _cf_import_contents_free);
  g_free (d);
}

typedef struct
{
  CfImportProgressFunc progress;
  gpointer             progress_data;
  double               fraction;
} ProgressCall;

static gboolean
call_progress (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker thread to the caller's */
static void
report_read_progress (double   fraction,
                      gpointer user_data)
{
  ReadData *d = user_data;
  ProgressCall *call;

  if (d->progress == NULL)
    return;

  call = g_new (ProgressCall, 1);
  *call = (ProgressCall) { d->progress, d->progress_data, fraction };
  g_main_context_invoke_full (d->main_context, G_PRIORITY_DEFAULT, call_progress, call, g_free);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *d = task_data;
  GError *error = NULL;

  d->data = cf_read_text_file (d->file, MIN (CF_IMPORT_MAX_BYTES, CF_MAX_IMPORT_BYTES), &d->length, &error);
  if (d->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* An export is read here, with its progress; another tracker's file
   * is small, and is planned against the food store by the caller */
  if (d->length > 0 && _cf_import_looks_like_json (d->data, d->length))
    {
      d->contents = _cf_import_parse (d->data, d->length, report_read_progress, d, cancellable, &error);
      g_clear_pointer (&d->data, g_free);
      if (d->contents == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(CfImportPlan) self = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (d->contents == NULL)
    {
      self = cf_import_plan_new_for_data (d->context, d->data, d->length, &error);
      if (self == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      self = _cf_import_plan_new_for_export (d->context, g_steal_pointer (&d->contents), &error);
      if (self == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * cf_import_plan_new_for_file_async:
 * @progress: (nullable): called in the caller's thread with the share
 *   of an export's entries read so far
 *
 * Reads and plans @file as cf_import_plan_new_for_file() does; the file
 * and an export's entries are read in a worker thread.
 */
void
cf_import_plan_new_for_file_async (CfContext            *context,
                                   GFile                *file,
                                   CfImportProgressFunc  progress,
                                   gpointer              progress_data,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) reader = NULL;
  GTask *task;
  ReadData *d;

  g_return_if_fail (CF_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_import_plan_new_for_file_async);

  d = g_new0 (ReadData, 1);
  d->context = g_object_ref (context);
  d->file = g_object_ref (file);
  d->progress = progress;
  d->progress_data = progress_data;
  d->main_context = g_main_context_ref_thread_default ();

  reader = g_task_new (NULL, cancellable, read_done_cb, task);
  g_task_set_task_data (reader, d, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (reader, read_thread);
}

/**
 * cf_import_plan_new_for_file_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
CfImportPlan *
cf_import_plan_new_for_file_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_import_plan_new_for_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Applying in steps on the main loop, one transaction throughout */
#define ENTRIES_PER_STEP 2000

typedef struct
{
  CfImportProgressFunc progress;
  gpointer             progress_data;
  guint                next;
  gboolean             begun;
  CfImportCounts       counts;
} ApplyData;

static gboolean
apply_step_cb (gpointer user_data)
{
  GTask *task = user_data;
  CfImportPlan *self = g_task_get_source_object (task);
  CfContext *context = _cf_import_plan_get_context (self);
  CfImportContents *contents = _cf_import_plan_get_contents (self);
  ApplyData *d = g_task_get_task_data (task);
  guint n = _cf_import_contents_get_n_entries (contents);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      if (d->begun)
        _cf_import_write_abort (context, contents);
      return G_SOURCE_REMOVE;
    }

  if (!d->begun)
    {
      if (!_cf_import_write_begin (context, contents, &error))
        {
          g_task_return_error (task, error);
          return G_SOURCE_REMOVE;
        }
      d->begun = TRUE;
    }

  if (!_cf_import_write_entries (context, contents, &d->next, ENTRIES_PER_STEP, &error))
    {
      _cf_import_write_abort (context, contents);
      g_task_return_error (task, error);
      return G_SOURCE_REMOVE;
    }

  if (d->progress != NULL && n > 0)
    d->progress ((double) d->next / n, d->progress_data);

  if (d->next < n)
    return G_SOURCE_CONTINUE;

  if (!_cf_import_write_end (context, contents, &d->counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  return G_SOURCE_REMOVE;
}

/**
 * cf_import_plan_apply_async:
 * @progress: (nullable): called with the share of the entries written
 *
 * Applies the plan as cf_import_plan_apply() does, all of it or
 * nothing, in steps on the caller's main loop so that it can show
 * progress; cancelling leaves the diary as it was.  Nothing else may
 * write to the diary until it is done.
 */
void
cf_import_plan_apply_async (CfImportPlan         *self,
                            CfImportProgressFunc  progress,
                            gpointer              progress_data,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyData *d;

  g_return_if_fail (CF_IS_IMPORT_PLAN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_import_plan_apply_async);

  /* Another tracker's file is small: written at once */
  if (cf_import_plan_get_format (self) != CF_IMPORT_FORMAT_COFACTOR)
    {
      CfImportCounts *counts = g_new0 (CfImportCounts, 1);
      GError *error = NULL;

      g_task_set_task_data (task, counts, g_free);
      if (!cf_import_plan_apply (self, counts, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  d = g_new0 (ApplyData, 1);
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, g_free);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_step_cb, g_object_ref (task), g_object_unref);
}

/**
 * cf_import_plan_apply_finish:
 * @counts: (out) (optional): as for cf_import_plan_apply()
 */
gboolean
cf_import_plan_apply_finish (CfImportPlan    *self,
                             GAsyncResult    *result,
                             CfImportCounts  *counts,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (counts != NULL)
    {
      if (cf_import_plan_get_format (self) == CF_IMPORT_FORMAT_COFACTOR)
        *counts = ((ApplyData *) g_task_get_task_data (G_TASK (result)))->counts;
      else
        *counts = *(CfImportCounts *) g_task_get_task_data (G_TASK (result));
    }

  return TRUE;
}
