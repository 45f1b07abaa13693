/* cf-error.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_ERROR (cf_error_quark ())

/**
 * CfError:
 * @CF_ERROR_FAILED: unexpected failure
 * @CF_ERROR_DATABASE: SQLite reported an error
 * @CF_ERROR_CORRUPT: a database file is damaged or not a Cofactor database
 * @CF_ERROR_TOO_NEW: the user database was written by a newer version
 * @CF_ERROR_NOT_FOUND: no object with the given id
 * @CF_ERROR_INVALID: a value was refused (amount, name, date, …)
 * @CF_ERROR_IMPORT: an import file was refused
 * @CF_ERROR_MISSING: the diary is missing or empty while a backup of it
 *   holds entries or foods: damage, not a first run
 * @CF_ERROR_READ_ONLY: the diary cannot be written (the file or its
 *   folder is read-only)
 */
typedef enum
{
  CF_ERROR_FAILED,
  CF_ERROR_DATABASE,
  CF_ERROR_CORRUPT,
  CF_ERROR_TOO_NEW,
  CF_ERROR_NOT_FOUND,
  CF_ERROR_INVALID,
  CF_ERROR_IMPORT,
  CF_ERROR_MISSING,
  CF_ERROR_READ_ONLY,
} CfError;

GQuark cf_error_quark (void);

G_END_DECLS
