/* cf-diary-undo.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-diary-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-diary-undo.h"
#include "cf-error.h"

/**
 * CfDiaryUndo:
 *
 * What it takes to put diary entries back as they were before a change
 * (a removal, an edit, a copy): a snapshot of each entry the change
 * alters or removes, taken before it, and the ids of the entries it
 * adds.  Applying it restores the snapshots exactly (same id, values,
 * meal, day and place) and takes the added entries out, in one
 * transaction; it can be applied once.
 */

struct _CfDiaryUndo
{
  GObject    parent_instance;

  CfDiary   *diary;
  GPtrArray *saved;     /* CfDiaryEntry, as they were */
  GPtrArray *added;     /* ids */
  gboolean   applied;
};

G_DEFINE_FINAL_TYPE (CfDiaryUndo, cf_diary_undo, G_TYPE_OBJECT)

static void
cf_diary_undo_dispose (GObject *object)
{
  CfDiaryUndo *self = (CfDiaryUndo *) object;

  g_clear_object (&self->diary);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_diary_undo_parent_class)->dispose (object);
}

static void
cf_diary_undo_class_init (CfDiaryUndoClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_diary_undo_dispose;
}

static void
cf_diary_undo_init (CfDiaryUndo *self)
{
  self->saved = g_ptr_array_new_with_free_func (g_object_unref);
  self->added = g_ptr_array_new_with_free_func (g_free);
}

/**
 * cf_diary_undo_new:
 *
 * Returns: (transfer full): an empty undo record for @diary
 */
CfDiaryUndo *
cf_diary_undo_new (CfDiary *diary)
{
  CfDiaryUndo *self;

  g_return_val_if_fail (CF_IS_DIARY (diary), NULL);

  self = g_object_new (CF_TYPE_DIARY_UNDO, NULL);
  self->diary = g_object_ref (diary);

  return self;
}

/**
 * cf_diary_undo_save_entry:
 * @id: an entry about to be changed or removed
 *
 * Takes a snapshot of the entry as the diary has it now, to be put
 * back by cf_diary_undo_apply().
 *
 * Returns: whether the entry was read
 */
gboolean
cf_diary_undo_save_entry (CfDiaryUndo  *self,
                          const char   *id,
                          GError      **error)
{
  CfDiaryEntry *entry;

  g_return_val_if_fail (CF_IS_DIARY_UNDO (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = cf_diary_get_entry (self->diary, id, error);
  if (entry == NULL)
    return FALSE;

  g_ptr_array_add (self->saved, entry);

  return TRUE;
}

/**
 * cf_diary_undo_add_new_entry:
 * @id: an entry the change added
 *
 * cf_diary_undo_apply() takes it out again.
 */
void
cf_diary_undo_add_new_entry (CfDiaryUndo *self,
                             const char  *id)
{
  g_return_if_fail (CF_IS_DIARY_UNDO (self));
  g_return_if_fail (id != NULL);

  g_ptr_array_add (self->added, g_strdup (id));
}

/**
 * cf_diary_undo_get_n_entries:
 *
 * Returns: how many entries the record puts back or takes out
 */
guint
cf_diary_undo_get_n_entries (CfDiaryUndo *self)
{
  g_return_val_if_fail (CF_IS_DIARY_UNDO (self), 0);

  return self->saved->len + self->added->len;
}

/**
 * cf_diary_undo_apply:
 *
 * Puts the saved entries back as they were and takes the new ones out,
 * all or nothing.  A record is applied once; applying it again fails
 * with %CF_ERROR_INVALID.
 */
gboolean
cf_diary_undo_apply (CfDiaryUndo  *self,
                     GError      **error)
{
  g_return_val_if_fail (CF_IS_DIARY_UNDO (self), FALSE);

  if (self->applied)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("This change has already been undone"));
      return FALSE;
    }

  if (!_cf_diary_restore (self->diary, self->saved, self->added, error))
    return FALSE;

  self->applied = TRUE;

  return TRUE;
}
