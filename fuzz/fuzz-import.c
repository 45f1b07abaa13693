/* fuzz-import.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for import (see fuzz/README.md).  For any input:
 * no crash, no GLib warning or critical; an import that is refused
 * leaves the diary as it was (all or nothing); one that is accepted
 * exports as strict JSON that imports into another diary and exports
 * again to the very same document. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cf-database-private.h"
#include "cf-json.h"
#include "cf-limits.h"
#include "cf-transfer.h"

static CfContext *
new_context (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDatabase) database = cf_database_open (":memory:", NULL, &error);

  if (database == NULL)
    g_error ("%s", error->message);

  return cf_context_new_for_database (database);
}

static void
empty (CfContext *context)
{
  g_autoptr(GError) error = NULL;

  if (!_cf_exec (_cf_database_get_handle (cf_context_get_database (context)),
                 "DELETE FROM entry; DELETE FROM favourite; DELETE FROM custom_food", &error))
    g_error ("%s", error->message);
}

static gint64
count (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  gint64 entries = -1, foods = -1;

  if (!cf_database_count (cf_context_get_database (context), &entries, &foods, &error))
    g_error ("%s", error->message);

  return entries + foods;
}

/* The export, checked to be strict JSON */
static char *
export (CfContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cf_export_to_data (context, &error);

  if (data == NULL)
    g_error ("An import was accepted but cannot be exported: %s", error->message);
  if (!cf_json_check (data, strlen (data), CF_MAX_JSON_DEPTH, &error))
    g_error ("The export is not strict JSON: %s", error->message);

  return g_steal_pointer (&data);
}

/* @data without the time of the export, to compare two */
static char *
without_stamp (const char *data)
{
  char *copy = g_strdup (data);
  char *stamp = strstr (copy, "\"exported\" : \"");

  if (stamp != NULL)
    memset (stamp, ' ', strlen ("\"exported\" : \"YYYY-MM-DDTHH:MM:SSZ\""));

  return copy;
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static CfContext *context, *other;
  g_autoptr(GError) error = NULL;
  CfImportCounts counts = { 0, };

  if (context == NULL)
    {
      context = new_context ();
      other = new_context ();
    }

  empty (context);
  if (!cf_import_from_data (context, (const char *) data, size, &counts, &error))
    {
      /* All or nothing */
      if (count (context) != 0)
        g_error ("A refused import left something behind: %s", error->message);
      return 0;
    }

  /* What was accepted goes out and in again unchanged */
  {
    g_autofree char *first = export (context);
    g_autofree char *second = NULL;

    empty (other);
    if (!cf_import_from_data (other, first, -1, NULL, &error))
      g_error ("An export does not import again: %s\n%s", error->message, first);
    second = export (other);
    {
      g_autofree char *a = without_stamp (first);
      g_autofree char *b = without_stamp (second);

      if (strcmp (a, b) != 0)
        g_error ("An export changes on its way out and in:\n%s\n---\n%s", first, second);
    }
  }

  return 0;
}
