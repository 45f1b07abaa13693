/* fuzz-date.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for the reading of dates (see fuzz/README.md): no
 * crash; a date accepted is a real day written exactly as
 * YYYY-MM-DD; the CLI's reading adds only today, yesterday, tomorrow. */

#include "config.h"

#include <stdint.h>

#include "cf-date.h"
#include "cf-parse.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  if (memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);

  if (cf_parse_date (text, &day, &error))
    {
      g_autofree char *iso = cf_day_to_iso (&day);

      g_assert (g_date_valid (&day));
      g_assert (strcmp (iso, text) == 0);
    }
  else
    g_assert (error != NULL && !g_date_valid (&day));
  g_clear_error (&error);

  if (cf_day_parse (text, &day, &error))
    {
      g_autofree char *iso = cf_day_to_iso (&day);

      g_assert (strcmp (iso, text) == 0 ||
                g_ascii_strcasecmp (text, "today") == 0 ||
                g_ascii_strcasecmp (text, "yesterday") == 0 ||
                g_ascii_strcasecmp (text, "tomorrow") == 0);
    }

  return 0;
}
