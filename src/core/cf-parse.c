/* cf-parse.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-parse"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-limits.h"
#include "cf-parse.h"
#include "cf-supplements.h"

/* A number as people type it: digits, at most one decimal point or
 * comma with digits after it, and a minus sign (so that "-5" can be
 * refused for what it is).  Nothing else: no thousands separators (is
 * "1,000" a thousand or one?), no exponents, no hexadecimal, no "inf"
 * or "nan", no ".5" or "5.".  strtod() takes all of these, which is how
 * "1,000g" became 1 g and "0x10g" 16 g. */

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_separator (char c)
{
  return c == '.' || c == ',';
}

static gboolean
refuse (GError     **error,
        const char  *text,
        const char  *hint)
{
  /* Translators: the first %s is what was typed, the second why it is
   * not read as a number, e.g. "write 0.5, not .5" */
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID, _("“%s” is not a number: %s"), text, hint);
  return FALSE;
}

/* Text from a command line or a file may be any bytes; counting
 * characters in bytes that are not UTF-8 reads past their end */
static gboolean
refuse_invalid_text (GError **error)
{
  g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                       _("The amount has characters that are not text (it is not UTF-8)"));
  return FALSE;
}

/* Reads the number at the start of @text (after space); @end is set to
 * what follows it */
static gboolean
scan_decimal (const char  *text,
              double      *value,
              const char **end,
              GError     **error)
{
  const char *p = text;
  const char *start, *digits, *separator = NULL;
  gsize int_digits, frac_digits = 0;
  g_autofree char *copy = NULL;

  while (g_ascii_isspace (*p))
    p++;
  start = p;

  if (*p == '-')
    p++;
  digits = p;
  while (is_digit (*p))
    p++;
  int_digits = p - digits;

  if (int_digits == 0)
    {
      if (is_separator (*p) && is_digit (p[1]))
        return refuse (error, text, _("write a digit before the decimal point, e.g. 0.5"));
      return refuse (error, text, _("it must start with a digit, e.g. 150 or 1.5"));
    }

  if (is_separator (*p))
    {
      if (!is_digit (p[1]))
        return refuse (error, text, _("write digits after the decimal point, e.g. 5 or 5.5"));
      separator = p++;
      while (is_digit (*p))
        p++;
      frac_digits = p - separator - 1;
    }

  if (is_separator (*p) && is_digit (p[1]))
    return refuse (error, text, _("write it without thousands separators, e.g. 1000 or 1000.5"));
  if (is_separator (*p))
    return refuse (error, text, _("write digits after the decimal point, e.g. 5 or 5.5"));

  if ((*p == 'x' || *p == 'X') && int_digits == 1 && *digits == '0')
    return refuse (error, text, _("write it in decimal digits"));

  if ((*p == 'e' || *p == 'E') && (is_digit (p[1]) || ((p[1] == '-' || p[1] == '+') && is_digit (p[2]))))
    return refuse (error, text, _("write it in full, without an exponent"));

  /* "1,000" and "1.000" mean a thousand in some places and one in
   * others: refused rather than guessed */
  if (separator != NULL && frac_digits == 3 && int_digits <= 3 && *digits != '0')
    {
      g_autofree char *whole = g_strndup (digits, int_digits);
      g_autofree char *thousands = g_strdup_printf ("%s%.3s", whole, separator + 1);
      g_autofree char *fraction = g_strndup (separator + 1, 3);
      g_autofree char *decimal = NULL;
      g_autofree char *hint = NULL;
      int n = 3;

      while (n > 0 && fraction[n - 1] == '0')
        fraction[--n] = '\0';
      decimal = n > 0 ? g_strdup_printf ("%s%c%s", whole, *separator, fraction) : g_strdup (whole);

      /* Translators: how to write e.g. "1,500" without doubt: the first
       * %s is the amount as a whole number (1500), the second as a
       * decimal (1,5) */
      hint = g_strdup_printf (_("it could be read two ways; write %s or %s"), thousands, decimal);
      return refuse (error, text, hint);
    }

  copy = g_strndup (start, p - start);
  g_strdelimit (copy, ",", '.');
  *value = g_ascii_strtod (copy, NULL);
  if (!isfinite (*value))
    return refuse (error, text, _("it is too large"));

  *end = p;
  return TRUE;
}

/**
 * cf_parse_decimal:
 * @text: a number as typed, e.g. "150", "1.5" or "1,5"
 * @value: (out): the number
 *
 * Reads a number strictly: space around it, a minus sign, digits and at
 * most one decimal point or comma with digits after it.  Refused, with
 * a message that says how to write it: thousands separators or a
 * decimal that could be one ("1,000"), exponents, hexadecimal, "inf",
 * ".5", "5.", anything after the number.
 *
 * Returns: %TRUE if @text is such a number; else %CF_ERROR_INVALID
 */
gboolean
cf_parse_decimal (const char  *text,
                  double      *value,
                  GError     **error)
{
  const char *end = NULL;
  double number = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Enter a number"));
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    return refuse_invalid_text (error);

  if (g_utf8_strlen (text, -1) > CF_MAX_AMOUNT_CHARS)
    return refuse (error, "…", _("it is too long"));

  if (!scan_decimal (text, &number, &end, error))
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return refuse (error, text, _("only digits and one decimal point or comma, e.g. 150 or 1.5"));

  *value = number;
  return TRUE;
}

/**
 * cf_validate_grams:
 *
 * Refuses weights that cannot be meant: not a number, less than
 * %CF_MIN_GRAMS, or more than %CF_MAX_ENTRY_GRAMS.
 */
gboolean
cf_validate_grams (double   grams,
                   GError **error)
{
  if (!isfinite (grams))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The amount must be a number"));
      return FALSE;
    }

  if (grams <= 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The amount must be more than zero"));
      return FALSE;
    }

  if (grams < CF_MIN_GRAMS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: %g is a number of grams, 0.001 */
                   _("The amount must be at least %g g (1 mg)"), CF_MIN_GRAMS);
      return FALSE;
    }

  if (grams > CF_MAX_ENTRY_GRAMS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("The amount is more than %g g; split it into several entries if you really ate that much"),
                   CF_MAX_ENTRY_GRAMS);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_validate_quantity:
 *
 * Refuses a number of household measures that cannot be meant: not a
 * number, or not between %CF_MIN_QUANTITY and %CF_MAX_QUANTITY.
 */
gboolean
cf_validate_quantity (double   quantity,
                      GError **error)
{
  if (!isfinite (quantity) || quantity <= 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The amount must be more than zero"));
      return FALSE;
    }

  if (quantity < CF_MIN_QUANTITY || quantity > CF_MAX_QUANTITY)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: %g are the bounds, 0.001 and 10000 */
                   _("The number of measures must be from %g to %g"), CF_MIN_QUANTITY, CF_MAX_QUANTITY);
      return FALSE;
    }

  return TRUE;
}

static const struct {
  const char *unit;
  double      grams;
} weights[] = {
  { "g", 1 },
  { "gram", 1 },
  { "grams", 1 },
  { "kg", 1000 },
  { "mg", 0.001 },
  /* International avoirdupois ounce and pound */
  { "oz", 28.349523125 },
  { "lb", 453.59237 },
};

/* How many units of @food hold @micrograms of vitamin D */
static gboolean
supplement_by_vitamin_d (CfFood      *food,
                         double       micrograms,
                         double      *grams,
                         CfPortion  **portion,
                         double      *portion_quantity,
                         GError     **error)
{
  double dose = cf_supplement_get_dose (food, CF_NUTRIENT_VITAMIN_D);
  CfPortion *unit;
  double quantity;

  if (isnan (dose) || dose <= 0 || g_list_model_get_n_items (cf_food_get_portions (food)) == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   /* Translators: %s is a supplement's unit, e.g. "capsule" */
                   _("This supplement holds no vitamin D to count it by; give the number of units (%s)"),
                   cf_supplement_get_unit (food) ? cf_supplement_get_unit (food) : "");
      return FALSE;
    }

  unit = g_list_model_get_item (cf_food_get_portions (food), 0);
  g_object_unref (unit);          /* the food keeps it */
  quantity = micrograms / dose * cf_portion_get_amount (unit);

  if (!cf_validate_quantity (quantity, error))
    return FALSE;

  *grams = quantity * cf_portion_get_grams (unit) / cf_portion_get_amount (unit);
  if (!cf_validate_grams (*grams, error))
    return FALSE;

  *portion = g_object_ref (unit);
  *portion_quantity = quantity;

  return TRUE;
}

/**
 * cf_parse_amount:
 * @text: an amount such as "150", "150g", "1.5 oz", "2 cup" or
 *   "1 cup, chopped"
 * @food: (nullable): the food, whose household measures are accepted
 * @grams: (out): the weight
 * @portion: (out) (transfer full) (nullable): the measure used, or %NULL
 *   for a weight
 * @portion_quantity: (out): how many of @portion
 *
 * A number (read as cf_parse_decimal() reads it) and a unit: none for
 * grams, a unit of weight, or one of the food's measures; for a
 * supplement with vitamin D also an amount of it in µg or IU (see
 * cf_parse_vitamin_d()), counted in the supplement's units.  The weight
 * must pass cf_validate_grams(), a number of measures
 * cf_validate_quantity().
 */
gboolean
cf_parse_amount (const char  *text,
                 CfFood      *food,
                 double      *grams,
                 CfPortion  **portion,
                 double      *portion_quantity,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *unit = NULL;
  const char *end = NULL;
  double number = 0;

  g_return_val_if_fail (grams != NULL, FALSE);
  g_return_val_if_fail (portion != NULL, FALSE);
  g_return_val_if_fail (portion_quantity != NULL, FALSE);

  *grams = 0;
  *portion = NULL;
  *portion_quantity = 0;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return refuse_invalid_text (error);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Enter an amount"));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > CF_MAX_AMOUNT_CHARS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("An amount is at most %d characters long"), CF_MAX_AMOUNT_CHARS);
      return FALSE;
    }

  if (!scan_decimal (stripped, &number, &end, error))
    return FALSE;

  /* The rest of the text is the unit: "1 cup, chopped" keeps its comma */
  unit = g_strstrip (g_strdup (end));

  if (*unit == '\0')
    {
      *grams = number;
      return cf_validate_grams (*grams, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (g_ascii_strcasecmp (unit, weights[i].unit) == 0)
        {
          *grams = number * weights[i].grams;
          return cf_validate_grams (*grams, error);
        }
    }

  /* A vitamin D supplement is also counted by its vitamin D: "2000 IU"
   * of 1,000 IU softgels is two softgels */
  if (food != NULL && cf_food_get_kind (food) == CF_FOOD_KIND_SUPPLEMENT)
    {
      double micrograms;

      if (cf_parse_vitamin_d (stripped, FALSE, &micrograms, NULL, NULL))
        return supplement_by_vitamin_d (food, micrograms, grams, portion, portion_quantity, error);
    }

  if (food != NULL)
    {
      CfPortion *found = cf_food_find_portion (food, unit);

      if (found != NULL)
        {
          double quantity = number / cf_portion_get_amount (found);

          /* The number typed is the quantity an entry keeps */
          if (!cf_validate_quantity (number, error))
            return FALSE;

          *grams = number * cf_portion_get_grams (found) / cf_portion_get_amount (found);
          if (!cf_validate_grams (*grams, error))
            return FALSE;

          *portion = g_object_ref (found);
          *portion_quantity = quantity;
          return TRUE;
        }
    }

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
               _("Unknown unit “%s”; use g, kg, oz, lb or one of the food’s measures"), unit);
  return FALSE;
}

/* How vitamin D is written: micrograms, or international units as the
 * translations spell them ("IU"; "UI" in Spanish, French, Italian and
 * Portuguese; "IE" or "I.E." in German and Dutch).  Compared without
 * regard to case, dots and spaces inside the unit ("i. e."). */
static const struct {
  const char *unit;
  gboolean    iu;
} vitamin_d_units[] = {
  { "µg", FALSE },      /* U+00B5 MICRO SIGN */
  { "μg", FALSE },      /* U+03BC GREEK SMALL LETTER MU */
  { "ug", FALSE },
  { "mcg", FALSE },
  { "microgram", FALSE },
  { "micrograms", FALSE },
  { "iu", TRUE },
  { "ui", TRUE },
  { "ie", TRUE },
};

static gboolean
refuse_vitamin_d (GError     **error,
                  const char  *text)
{
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
               /* Translators: %s is what was typed; keep µg and IU as
                * your language writes them (IU is "UI" or "I.E." in some) */
               _("“%s” is not an amount of vitamin D: write a number in µg or IU, e.g. 50 µg or 2000 IU"),
               text);
  return FALSE;
}

/**
 * cf_parse_vitamin_d:
 * @text: an amount of vitamin D as typed: "50", "50 µg", "2000 IU",
 *   "2000 UI", "2000 I.E." …
 * @default_iu: whether a number without a unit is in IU (else µg)
 * @micrograms: (out): the amount in µg, or NaN when @text is empty
 * @in_iu: (out) (optional): whether it was given in IU
 *
 * Reads an amount of vitamin D in micrograms or international units
 * (40 IU = 1 µg), the number as cf_parse_decimal() reads it.  The unit
 * is µg, ug or mcg, or IU in any of the spellings the translations use:
 * IU, UI, IE or I.E., without regard to case.  Empty text is no value.
 *
 * Returns: %TRUE if @text is such an amount (or empty); else
 *   %CF_ERROR_INVALID with a message that names both units
 */
gboolean
cf_parse_vitamin_d (const char  *text,
                    gboolean     default_iu,
                    double      *micrograms,
                    gboolean    *in_iu,
                    GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) number_error = NULL;
  const char *end = NULL;
  double number = 0;
  gboolean iu = default_iu;
  GString *compact;

  g_return_val_if_fail (micrograms != NULL, FALSE);

  *micrograms = NAN;
  if (in_iu != NULL)
    *in_iu = default_iu;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return refuse_invalid_text (error);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    return TRUE;

  if (g_utf8_strlen (stripped, -1) > CF_MAX_AMOUNT_CHARS)
    return refuse (error, "…", _("it is too long"));

  if (!scan_decimal (stripped, &number, &end, &number_error))
    {
      /* A number written the wrong way says how to write it; anything
       * else is no amount of vitamin D at all */
      if (is_digit (*stripped) || (*stripped == '-' && is_digit (stripped[1])))
        {
          g_propagate_error (error, g_steal_pointer (&number_error));
          return FALSE;
        }
      return refuse_vitamin_d (error, stripped);
    }

  /* "I. E." and "i.e." are "ie" */
  compact = g_string_new (NULL);
  for (const char *p = end; *p; p++)
    if (*p != '.' && !g_ascii_isspace (*p))
      g_string_append_c (compact, *p);
  unit = g_string_free (compact, FALSE);
  folded = g_utf8_strdown (unit, -1);

  if (*folded != '\0')
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (vitamin_d_units) && !known; i++)
        {
          g_autofree char *candidate = g_utf8_strdown (vitamin_d_units[i].unit, -1);

          if (strcmp (folded, candidate) == 0)
            {
              known = TRUE;
              iu = vitamin_d_units[i].iu;
            }
        }

      if (!known)
        return refuse_vitamin_d (error, stripped);

      /* A dot belongs to "I.E." only: "50 µ.g" is no unit */
      if (strchr (end, '.') != NULL && !iu)
        return refuse_vitamin_d (error, stripped);
    }

  if (number < 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID,
                           _("An amount of vitamin D cannot be less than zero"));
      return FALSE;
    }

  *micrograms = iu ? cf_vitamin_d_iu_to_ug (number) : number;
  if (in_iu != NULL)
    *in_iu = iu;

  return TRUE;
}

/**
 * cf_parse_date:
 * @text: a date of the form `YYYY-MM-DD`
 *
 * Reads a calendar day strictly: four digits, a hyphen, two digits, a
 * hyphen, two digits (no signs, no spaces), a real day between the
 * years 1900 and 9999.
 *
 * Returns: %TRUE if @text is such a day; else %CF_ERROR_INVALID
 */
gboolean
cf_parse_date (const char  *text,
               GDate       *day,
               GError     **error)
{
  static const char pattern[] = "dddd-dd-dd";
  guint y, m, d;

  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);

  if (text != NULL && strlen (text) == strlen (pattern))
    {
      gboolean ok = TRUE;

      for (guint i = 0; ok && pattern[i]; i++)
        ok = pattern[i] == 'd' ? is_digit (text[i]) : text[i] == pattern[i];

      if (ok)
        {
          y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
          m = (text[5] - '0') * 10 + (text[6] - '0');
          d = (text[8] - '0') * 10 + (text[9] - '0');

          if (y >= 1900 && y <= 9999 && g_date_valid_dmy (d, m, y))
            {
              g_date_set_dmy (day, d, m, y);
              return TRUE;
            }
        }
    }

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
               _("“%s” is not a date; use the form YYYY-MM-DD, e.g. 2026-03-14"),
               text ? text : "");
  return FALSE;
}

/**
 * cf_canonical_id:
 * @id: a food or entry id as given
 *
 * Ids are compared in one form: lower case, as "custom:" and UUIDs are
 * written (RFC 4122 reads UUIDs without regard to case), so the same
 * UUID in upper case is the same entry, not a second one.
 *
 * Returns: (transfer full): @id in its canonical form
 */
char *
cf_canonical_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_ascii_strdown (id, -1);
}

/**
 * cf_id_is_canonical:
 *
 * Returns: whether @id is in the form cf_canonical_id() gives
 */
gboolean
cf_id_is_canonical (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (const char *p = id; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}
