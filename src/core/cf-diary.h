/* cf-diary.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-database.h"
#include "cf-diary-entry.h"
#include "cf-nutrients.h"

G_BEGIN_DECLS

#define CF_TYPE_DIARY (cf_diary_get_type ())

G_DECLARE_FINAL_TYPE (CfDiary, cf_diary, CF, DIARY, GObject)

/**
 * CfDayTotals:
 *
 * The totals of one diary day, from a range query.
 */
typedef struct
{
  GDate            day;
  CfNutrientTotals totals;
} CfDayTotals;

CfDiary          *cf_diary_new            (CfDatabase    *database);
CfDatabase       *cf_diary_get_database   (CfDiary       *self);
gboolean          cf_diary_add            (CfDiary       *self,
                                           CfDiaryEntry  *entry,
                                           GError       **error);
gboolean          cf_diary_update         (CfDiary       *self,
                                           CfDiaryEntry  *entry,
                                           GError       **error);
gboolean          cf_diary_remove         (CfDiary       *self,
                                           const char    *id,
                                           GError       **error);
CfDiaryEntry     *cf_diary_get_entry      (CfDiary       *self,
                                           const char    *id,
                                           GError       **error);
GPtrArray        *cf_diary_list_day       (CfDiary       *self,
                                           const GDate   *day,
                                           GError       **error);
GPtrArray        *cf_diary_list_range     (CfDiary       *self,
                                           const GDate   *first,
                                           const GDate   *last,
                                           GError       **error);
CfNutrientTotals *cf_diary_get_totals     (CfDiary       *self,
                                           const GDate   *first,
                                           const GDate   *last,
                                           int            meal,
                                           GError       **error);
GArray           *cf_diary_get_daily_totals (CfDiary     *self,
                                           const GDate   *first,
                                           const GDate   *last,
                                           GError       **error);
guint             cf_diary_count_entries  (CfDiary       *self);
gboolean          cf_diary_copy           (CfDiary       *self,
                                           const GDate   *from,
                                           const GDate   *to,
                                           int            meal,
                                           guint         *n_copied,
                                           GPtrArray    **copies,
                                           GError       **error);
GPtrArray        *cf_diary_list_recent_foods   (CfDiary  *self,
                                                guint     limit,
                                                GError  **error);
GPtrArray        *cf_diary_list_frequent_foods (CfDiary  *self,
                                                guint     limit,
                                                GError  **error);

/* For callers that group several writes in one transaction (import) */
gboolean          _cf_diary_write_entry   (CfDiary       *self,
                                           CfDiaryEntry  *entry,
                                           gboolean       replace,
                                           GError       **error);
gboolean          _cf_diary_restore       (CfDiary       *self,
                                           GPtrArray     *entries,
                                           GPtrArray     *remove_ids,
                                           GError       **error);

/**
 * CfEntryPresence:
 * @CF_ENTRY_NEW: the diary does not have the entry
 * @CF_ENTRY_SAME_ID: the diary has an entry with its id
 * @CF_ENTRY_SAME_CONTENT: the diary has an entry of the same day, meal,
 *   food and amount under another id
 */
typedef enum
{
  CF_ENTRY_NEW,
  CF_ENTRY_SAME_ID,
  CF_ENTRY_SAME_CONTENT,
} CfEntryPresence;

gboolean          _cf_diary_find_present  (CfDiary       *self,
                                           GPtrArray     *entries,
                                           guint8        *presence,
                                           GError       **error);

G_END_DECLS
