/* cf-delete-dialog.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * CfDeleteConfirmedFunc:
 * @object: the object given to cf_ask_delete_food()
 *
 * Called once the user confirmed the deletion.
 */
typedef void (*CfDeleteConfirmedFunc) (gpointer object);

void cf_ask_delete_food (GtkWindow             *parent,
                         const char            *heading,
                         CfDeleteConfirmedFunc  confirmed,
                         gpointer               object);

G_END_DECLS
