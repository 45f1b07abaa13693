/* cf-csv.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-csv"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-csv.h"
#include "cf-error.h"

/* Comma-separated values as RFC 4180 describes them: records end with
 * CRLF (LF or a lone CR are read too), fields are separated by commas,
 * a field in double quotes may hold commas, line breaks and doubled
 * quotes.  A UTF-8 byte order mark at the start is skipped.  Writing
 * always uses CRLF and quotes only the fields that need it. */

void
cf_csv_row_free (CfCsvRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->fields);
  g_free (row);
}

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Reader;

static gboolean
at_line_end (const Reader *r)
{
  return r->p < r->end && (*r->p == '\n' || *r->p == '\r');
}

/* Moves past one line ending (CRLF, LF or CR) */
static void
skip_line_end (Reader *r)
{
  if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
    r->p++;
  r->p++;
  r->line++;
}

static char *
read_field (Reader  *r,
            GError **error)
{
  GString *field = g_string_new (NULL);

  if (r->p < r->end && *r->p == '"')
    {
      guint start_line = r->line;

      r->p++;
      for (;;)
        {
          if (r->p >= r->end)
            {
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Line %u: a quoted field is not closed; the file may be cut off"),
                           start_line);
              g_string_free (field, TRUE);
              return NULL;
            }

          if (*r->p == '"')
            {
              if (r->p + 1 < r->end && r->p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  r->p += 2;
                  continue;
                }
              r->p++;
              break;
            }

          if (*r->p == '\r' || *r->p == '\n')
            {
              /* A line break inside a field is kept as LF */
              skip_line_end (r);
              g_string_append_c (field, '\n');
              continue;
            }

          g_string_append_c (field, *r->p++);
        }

      if (r->p < r->end && *r->p != ',' && !at_line_end (r))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Line %u: there is text after the closing quote of a field"), r->line);
          g_string_free (field, TRUE);
          return NULL;
        }

      return g_string_free (field, FALSE);
    }

  while (r->p < r->end && *r->p != ',' && !at_line_end (r))
    g_string_append_c (field, *r->p++);

  return g_string_free (field, FALSE);
}

/**
 * cf_csv_parse:
 * @data: the file's bytes
 * @length: their length
 *
 * Reads a whole CSV file.  Blank lines are skipped; rows may have
 * different numbers of fields (the caller decides what that means).
 *
 * Returns: (transfer container) (element-type CfCsvRow): the rows, or
 *   %NULL with @error naming the line of a malformed one
 */
GPtrArray *
cf_csv_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_csv_row_free);
  Reader r = { data, data + length, 1 };
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (data, length, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("Line %u: the file is not UTF-8 text"), line);
      return NULL;
    }

  /* A byte order mark, as spreadsheets write */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;

  while (r.p < r.end)
    {
      g_autoptr(GPtrArray) fields = NULL;
      CfCsvRow *row;
      guint line = r.line;

      if (at_line_end (&r))
        {
          skip_line_end (&r);
          continue;
        }

      fields = g_ptr_array_new_with_free_func (g_free);
      for (;;)
        {
          char *field = read_field (&r, error);

          if (field == NULL)
            return NULL;

          if (fields->len >= CF_CSV_MAX_FIELDS)
            {
              g_free (field);
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Line %u: more than %u columns"), line, CF_CSV_MAX_FIELDS);
              return NULL;
            }
          g_ptr_array_add (fields, field);

          if (r.p < r.end && *r.p == ',')
            {
              r.p++;
              continue;
            }
          break;
        }

      if (r.p < r.end)
        skip_line_end (&r);

      row = g_new0 (CfCsvRow, 1);
      row->n_fields = fields->len;
      row->line = line;
      g_ptr_array_add (fields, NULL);
      row->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
needs_quotes (const char *field)
{
  size_t len = strlen (field);

  return strpbrk (field, ",\"\r\n") != NULL ||
         (len > 0 && (g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1])));
}

/**
 * cf_csv_append_row:
 * @out: where to write
 * @fields: (array length=n_fields) (nullable): the fields; a %NULL
 *   field is written empty
 *
 * Writes one record, ended by CRLF.
 */
void
cf_csv_append_row (GString           *out,
                   const char *const *fields,
                   guint              n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}

/**
 * cf_csv_format_number:
 * @decimals: at most this many decimals
 *
 * Formats @value for a data file, whatever the locale: a point as the
 * decimal separator, no thousands separator, no trailing zeros, never
 * "-0".
 *
 * Returns: (transfer full) (nullable): the number, or %NULL for NaN
 *   ("no value", an empty field)
 */
char *
cf_csv_format_number (double value,
                      guint  decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  char *end;

  if (isnan (value))
    return NULL;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 12u));
  g_ascii_formatd (buf, sizeof buf, format, value);

  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");

  return g_strdup (buf);
}
