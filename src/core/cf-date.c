/* cf-date.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-parse.h"

/* Diary days are local calendar days, stored as YYYY-MM-DD */

void
cf_day_set_today (GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (day != NULL);

  g_date_clear (day, 1);
  g_date_set_dmy (day,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * cf_day_parse:
 * @text: `YYYY-MM-DD` (read by cf_parse_date()), or `today`,
 *   `yesterday`, `tomorrow`
 *
 * Returns: %TRUE if @text names a real calendar day between the years
 *   1900 and 9999
 */
gboolean
cf_day_parse (const char  *text,
              GDate       *day,
              GError     **error)
{
  int offset = G_MININT;

  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);

  if (text != NULL)
    {
      if (g_ascii_strcasecmp (text, "today") == 0)
        offset = 0;
      else if (g_ascii_strcasecmp (text, "yesterday") == 0)
        offset = -1;
      else if (g_ascii_strcasecmp (text, "tomorrow") == 0)
        offset = 1;
    }

  if (offset == G_MININT)
    return cf_parse_date (text, day, error);

  cf_day_set_today (day);
  if (offset < 0)
    g_date_subtract_days (day, -offset);
  else if (offset > 0)
    g_date_add_days (day, offset);

  return TRUE;
}

/**
 * cf_day_to_iso:
 *
 * Returns: (transfer full): @day as `YYYY-MM-DD`
 */
char *
cf_day_to_iso (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (day),
                          g_date_get_month (day),
                          g_date_get_day (day));
}

/**
 * cf_day_check_range:
 * @first: the first day of a range
 * @last: its last day
 *
 * Returns: whether @first is not after @last; otherwise %CF_ERROR_INVALID
 */
gboolean
cf_day_check_range (const GDate  *first,
                    const GDate  *last,
                    GError      **error)
{
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  if (g_date_compare (first, last) > 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The range ends before it starts"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_day_format:
 * @day: a day
 * @format: a g_date_time_format() format, translated, e.g. "%-d %b %Y"
 *
 * Formats @day for display: month and weekday names and their order
 * follow the locale (LC_TIME) and @format's translation.  The day of
 * the month is never padded: "%e" is read as "%-e" (g_date_time_format()
 * pads it with a figure space, which looked like a double space in
 * "Fri,  4 Dec").
 *
 * Returns: (transfer full): the text, without space around it
 */
char *
cf_day_format (const GDate *day,
               const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GString) unpadded = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  unpadded = g_string_new (NULL);
  for (const char *p = format; *p; p++)
    {
      g_string_append_c (unpadded, *p);
      if (*p == '%' && p[1] == '%')
        g_string_append_c (unpadded, *++p);
      else if (*p == '%' && p[1] == 'e')
        g_string_append_c (unpadded, '-');
    }

  dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 12, 0, 0);

  return g_strstrip (g_date_time_format (dt, unpadded->str));
}
