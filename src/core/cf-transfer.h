/* cf-transfer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cf-context.h"

G_BEGIN_DECLS

/* The export format written by this version; see data/export-format.md */
#define CF_EXPORT_FORMAT_NAME    "cofactor-diary"
#define CF_EXPORT_FORMAT_VERSION 1

/**
 * CfImportCounts:
 * @foods: the foods of the file
 * @entries: the diary entries of the file
 * @favourites: the favourites of the file
 * @new_entries: how many of @entries the diary does not have yet; the
 *   others it has by id (the file's replaces it) or as the same entry
 *   under another id (left as it is: never a second copy)
 */
typedef struct
{
  guint foods;
  guint entries;
  guint favourites;
  guint new_entries;
} CfImportCounts;

void      cf_json_add_food    (JsonBuilder     *builder,
                               CfFood          *food,
                               gboolean         details);
void      cf_json_add_food_full (JsonBuilder   *builder,
                                 CfFood        *food,
                                 CfRecipe      *recipe,
                                 gboolean       details);
CfFood   *cf_json_read_food   (CfFoodStore     *store,
                               JsonNode        *node,
                               CfRecipe       **recipe,
                               GError         **error);
CfRecipe *cf_json_read_recipe_spec (CfFoodStore *store,
                               JsonNode        *node,
                               GError         **error);
void      cf_json_add_entry   (JsonBuilder     *builder,
                               CfDiaryEntry    *entry);
char     *cf_json_to_string   (JsonBuilder     *builder);

char     *cf_export_to_data   (CfContext       *context,
                               GError         **error);
gboolean  cf_export_to_file   (CfContext       *context,
                               GFile           *file,
                               GError         **error);
gboolean  cf_import_from_data (CfContext       *context,
                               const char      *data,
                               gssize           length,
                               CfImportCounts  *counts,
                               GError         **error);
gboolean  cf_import_check_data (CfContext      *context,
                               const char      *data,
                               gssize           length,
                               CfImportCounts  *counts,
                               GError         **error);
gboolean  cf_import_from_file (CfContext       *context,
                               GFile           *file,
                               CfImportCounts  *counts,
                               GError         **error);

/* In steps, for a preview and for progress (see cf-transfer.c) */
typedef struct _CfImportContents CfImportContents;
typedef void (*CfImportProgressFunc) (double   fraction,
                                      gpointer user_data);

CfImportContents *_cf_import_parse   (const char           *data,
                                      gsize                 length,
                                      CfImportProgressFunc  progress,
                                      gpointer              user_data,
                                      GCancellable         *cancellable,
                                      GError              **error);
gboolean          _cf_import_resolve (CfContext            *context,
                                      CfImportContents     *contents,
                                      CfImportCounts       *counts,
                                      GError              **error);
gboolean          _cf_import_write   (CfContext            *context,
                                      CfImportContents     *contents,
                                      CfImportCounts       *counts,
                                      GError              **error);
gboolean          _cf_import_write_begin   (CfContext      *context,
                                            CfImportContents *contents,
                                            GError        **error);
gboolean          _cf_import_write_entries (CfContext      *context,
                                            CfImportContents *contents,
                                            guint          *next,
                                            guint           max,
                                            GError        **error);
gboolean          _cf_import_write_end     (CfContext      *context,
                                            CfImportContents *contents,
                                            CfImportCounts *counts,
                                            GError        **error);
void              _cf_import_write_abort   (CfContext      *context,
                                            CfImportContents *contents);
guint             _cf_import_contents_get_n_entries (CfImportContents *contents);
void              _cf_import_contents_free (CfImportContents *contents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfImportContents, _cf_import_contents_free)

G_END_DECLS
