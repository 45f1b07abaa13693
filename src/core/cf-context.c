/* cf-context.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-context"

#include "config.h"

#include "cf-context.h"

/**
 * CfContext:
 *
 * The root object of the model: the open database and the stores on
 * it.  The application, the command-line tool and tests each make one
 * and hand it to everything that needs data.
 */
struct _CfContext
{
  GObject      parent_instance;
  CfDatabase  *database;
  CfFoodStore *food_store;
  CfDiary     *diary;
};

G_DEFINE_FINAL_TYPE (CfContext, cf_context, G_TYPE_OBJECT)

static void
cf_context_dispose (GObject *object)
{
  CfContext *self = (CfContext *) object;

  g_clear_object (&self->diary);
  g_clear_object (&self->food_store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cf_context_parent_class)->dispose (object);
}

static void
cf_context_class_init (CfContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_context_dispose;
}

static void
cf_context_init (CfContext *self)
{
}

/**
 * cf_context_new:
 * @database_path: (nullable): the user database, or %NULL for the
 *   default one (see cf_get_default_database_path())
 * @foods_path: (nullable): the reference food database, or %NULL for the
 *   default one (see cf_get_default_foods_path())
 *
 * Returns: (transfer full): a context, or %NULL with @error set
 */
CfContext *
cf_context_new (const char  *database_path,
                const char  *foods_path,
                GError     **error)
{
  return cf_context_new_full (database_path, foods_path, CF_DATABASE_OPEN_DEFAULT, error);
}

/**
 * cf_context_new_full:
 * @database_path: (nullable): as for cf_context_new()
 * @foods_path: (nullable): as for cf_context_new()
 * @flags: how to open the database, see cf_database_open_full()
 *
 * Returns: (transfer full): a context, or %NULL with @error set
 */
CfContext *
cf_context_new_full (const char           *database_path,
                     const char           *foods_path,
                     CfDatabaseOpenFlags   flags,
                     GError              **error)
{
  g_autoptr(CfDatabase) database = NULL;
  g_autofree char *default_db = NULL;
  g_autofree char *default_foods = NULL;

  if (database_path == NULL)
    database_path = default_db = cf_get_default_database_path ();
  if (foods_path == NULL)
    foods_path = default_foods = cf_get_default_foods_path ();

  database = cf_database_open_full (database_path, foods_path, flags, error);
  if (database == NULL)
    return NULL;

  return cf_context_new_for_database (database);
}

/**
 * cf_context_new_for_database:
 * @database: an open database
 *
 * Returns: (transfer full): a context on @database
 */
CfContext *
cf_context_new_for_database (CfDatabase *database)
{
  CfContext *self;

  g_return_val_if_fail (CF_IS_DATABASE (database), NULL);

  self = g_object_new (CF_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->food_store = cf_food_store_new (database);
  self->diary = cf_diary_new (database);

  return self;
}

/**
 * cf_context_get_database:
 *
 * Returns: (transfer none): the database
 */
CfDatabase *
cf_context_get_database (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->database;
}

/**
 * cf_context_get_food_store:
 *
 * Returns: (transfer none): the food store
 */
CfFoodStore *
cf_context_get_food_store (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->food_store;
}

/**
 * cf_context_get_diary:
 *
 * Returns: (transfer none): the diary
 */
CfDiary *
cf_context_get_diary (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->diary;
}
