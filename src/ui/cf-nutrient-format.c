/* cf-nutrient-format.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-nutrient-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cf-nutrient-format.h"

/* Formatting of amounts for display, following the user's choice of
 * µg or IU for vitamin D (Preferences). */

static gboolean vitamin_d_iu;

void
cf_format_set_vitamin_d_iu (gboolean iu)
{
  vitamin_d_iu = !!iu;
}

gboolean
cf_format_get_vitamin_d_iu (void)
{
  return vitamin_d_iu;
}

/**
 * cf_format_key_amount:
 *
 * Returns: (transfer full): e.g. "213 mg", "400 IU", or "no data"
 */
char *
cf_format_key_amount (CfKeyNutrient key,
                      double        value)
{
  if (isnan (value))
    return g_strdup (_("no data"));

  if (key == CF_KEY_VITAMIN_D && vitamin_d_iu)
    /* Translators: an amount of vitamin D in international units */
    return g_strdup_printf (_("%.0f IU"), cf_vitamin_d_ug_to_iu (value));

  return cf_nutrient_format_value (cf_key_nutrient_get_unit_nutrient (key), value);
}

/**
 * cf_format_key_compact:
 *
 * Returns: (transfer full): the short name and amount, e.g. "Mg 27 mg",
 *   or %NULL for "no value"
 */
char *
cf_format_key_compact (CfKeyNutrient key,
                       double        value)
{
  g_autofree char *amount = NULL;

  if (isnan (value))
    return NULL;

  amount = cf_format_key_amount (key, value);

  /* Translators: a short nutrient label and an amount, e.g. "Ca 213 mg" */
  return g_strdup_printf (_("%s %s"), cf_key_nutrient_get_short_name (key), amount);
}

const char *
cf_preview_get_name (guint index)
{
  return cf_key_nutrient_get_name (index);
}

/**
 * cf_format_preview_value:
 *
 * Returns: (transfer full): the amount of a key nutrient in @grams of a
 *   food with @per_100g
 */
char *
cf_format_preview_value (guint              index,
                         const CfNutrients *per_100g,
                         double             grams)
{
  double value = cf_key_nutrient_get_value (index, per_100g);

  return cf_format_key_amount (index, value * grams / 100.0);
}

/**
 * cf_format_entry_number:
 * @buffer: where to write, at least %G_ASCII_DTOSTR_BUF_SIZE bytes
 * @size: its size
 * @format: a printf() format for one double, as for g_ascii_formatd()
 * @value: the number
 *
 * Formats a number put into a field for the user to edit, with the
 * locale's decimal separator ("1,5" in German) and otherwise as
 * g_ascii_formatd() does; the fields read both separators back.
 *
 * Returns: @buffer
 */
char *
cf_format_entry_number (char       *buffer,
                        gsize       size,
                        const char *format,
                        double      value)
{
  const char *point = localeconv ()->decimal_point;
  char *dot;

  g_ascii_formatd (buffer, size, format, value);

  /* A one-byte separator other than the point replaces it; a longer one
   * (no locale the app is translated for) would not fit in place */
  dot = strchr (buffer, '.');
  if (dot != NULL && point != NULL && strlen (point) == 1)
    *dot = *point;

  return buffer;
}
