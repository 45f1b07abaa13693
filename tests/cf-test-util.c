/* cf-test-util.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cf-test-util.h"

static void
remove_and_free (char *dir)
{
  cf_test_remove_tree (dir);
  g_free (dir);
}

/* A context on a fresh diary file in a temporary folder, with the build
 * tree's food database ($COFACTOR_FOODS_DB) or without any. */
CfContext *
cf_test_context_new (gboolean with_foods)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cofactor.db", NULL);
  const char *foods = g_getenv ("COFACTOR_FOODS_DB");
  g_autoptr(CfDatabase) database = NULL;
  CfContext *context;

  g_assert_nonnull (foods);

  database = cf_database_open (path, with_foods ? foods : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  context = cf_context_new_for_database (database);

  /* The folder is removed when the test ends */
  g_object_set_data_full (G_OBJECT (context), "test-dir", g_steal_pointer (&dir),
                          (GDestroyNotify) remove_and_free);

  return context;
}

char *
cf_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cofactor-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

void
cf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        cf_test_remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

char *
cf_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
