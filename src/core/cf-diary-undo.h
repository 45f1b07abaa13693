/* cf-diary-undo.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-diary.h"

G_BEGIN_DECLS

#define CF_TYPE_DIARY_UNDO (cf_diary_undo_get_type ())

G_DECLARE_FINAL_TYPE (CfDiaryUndo, cf_diary_undo, CF, DIARY_UNDO, GObject)

CfDiaryUndo *cf_diary_undo_new          (CfDiary      *diary);
gboolean     cf_diary_undo_save_entry   (CfDiaryUndo  *self,
                                         const char   *id,
                                         GError      **error);
void         cf_diary_undo_add_new_entry (CfDiaryUndo *self,
                                          const char  *id);
guint        cf_diary_undo_get_n_entries (CfDiaryUndo *self);
gboolean     cf_diary_undo_apply        (CfDiaryUndo  *self,
                                         GError      **error);

G_END_DECLS
