/* test-parse.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one strict reading of numbers, amounts, dates and ids */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cf-date.h"
#include "cf-error.h"
#include "cf-parse.h"
#include "cf-supplements.h"
#include "cf-test-util.h"

static void
test_decimal_accepts (void)
{
  static const struct {
    const char *text;
    double      value;
  } valid[] = {
    { "150", 150 }, { "1.5", 1.5 }, { "1,5", 1.5 }, { "  2  ", 2 }, { "-5", -5 },
    { "0.125", 0.125 }, { "0,125", 0.125 }, { "1234,567", 1234.567 }, { "1.25", 1.25 },
    { "12.5", 12.5 }, { "0", 0 }, { "007", 7 }, { "5000", 5000 }, { "1.0000", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_assert_true (cf_parse_decimal (valid[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, valid[i].value);
    }
}

/* What strtod() took and turned into something else */
static void
test_decimal_refuses (void)
{
  static const struct {
    const char *text;
    const char *message;
  } invalid[] = {
    { "1,000", "could be read two ways; write 1000 or 1" },
    { "5\xf0", "not UTF-8" },
    { "1.500", "could be read two ways; write 1500 or 1.5" },
    { "12,250", "write 12250 or 12,25" },
    { "0x10", "decimal digits" },
    { "1e3", "without an exponent" },
    { "1e-300", "without an exponent" },
    { "1E+5", "without an exponent" },
    { ".5", "digit before the decimal point" },
    { "5.", "digits after the decimal point" },
    { "5,", "digits after the decimal point" },
    { "1,000.5", "without thousands separators" },
    { "1.000.000", "without thousands separators" },
    { "inf", "must start with a digit" },
    { "nan", "must start with a digit" },
    { "+5", "must start with a digit" },
    { "1 000", "only digits" },
    { "5g", "only digits" },
    { "abc", "must start with a digit" },
    { "", "Enter a number" },
    { "   ", "Enter a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_assert_false (cf_parse_decimal (invalid[i].text, &value, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_test_message ("%s → %s", invalid[i].text, error->message);
      g_assert_nonnull (strstr (error->message, invalid[i].message));
      g_assert_true (isnan (value));
    }

  /* A number cannot be longer than an amount may be */
  {
    g_autofree char *digits = g_strnfill (1000, '1');
    g_autoptr(GError) error = NULL;
    double value;

    g_assert_false (cf_parse_decimal (digits, &value, &error));
    g_assert_nonnull (strstr (error->message, "too long"));
  }
}

static void
test_amount (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFood) broccoli = cf_food_store_get_food (cf_context_get_food_store (context), "usda:11090", &error);
  static const struct {
    const char *text;
    double      grams;
    double      quantity;
  } valid[] = {
    { "30g", 30, 0 }, { "30 g", 30, 0 }, { "1,5 kg", 1500, 0 }, { "2 oz", 2 * 28.349523125, 0 },
    { "0.001g", 0.001, 0 }, { "5000", 5000, 0 }, { "1 cup chopped", 91, 1 }, { "1,5 cup chopped", 136.5, 1.5 }, { "1 cup, chopped", 88, 2 },
  };
  static const struct {
    const char *text;
    const char *message;
  } invalid[] = {
    { "1,000g", "could be read two ways" },
    { "0x10g", "decimal digits" },
    { "1e-300g", "without an exponent" },
    { "1e12 g", "without an exponent" },
    { ".5 cup chopped", "digit before the decimal point" },
    { "0.0001g", "at least 0.001 g" },
    { "5001g", "more than 5000 g" },
    { "-5g", "more than zero" },
    { "0", "more than zero" },
    { "0.0001 cup chopped", "from 0.001 to 10000" },
    { "20000 cup chopped", "from 0.001 to 10000" },
    { "2 parsecs", "Unknown unit" },
    { "", "Enter an amount" },
    { "5 g\xf0", "not UTF-8" },
    { "\xc3", "not UTF-8" },
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(CfPortion) portion = NULL;
      double grams = 0, quantity = 0;

      g_assert_true (cf_parse_amount (valid[i].text, broccoli, &grams, &portion, &quantity, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (grams, valid[i].grams, 1e-9);
      g_assert_cmpfloat_with_epsilon (quantity, valid[i].quantity, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(CfPortion) portion = NULL;
      double grams = 0, quantity = 0;

      g_assert_false (cf_parse_amount (invalid[i].text, broccoli, &grams, &portion, &quantity, &error));
      g_test_message ("%s → %s", invalid[i].text, error->message);
      g_assert_nonnull (strstr (error->message, invalid[i].message));
      g_assert_null (portion);
      g_clear_error (&error);
    }
}

/* A vitamin D supplement counted by its vitamin D: "2000 IU" of
 * 1,000 IU softgels is two softgels, in any spelling of IU, or in µg */
static void
test_amount_vitamin_d (void)
{
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  CfFood *d3 = NULL, *k2 = NULL;
  static const struct {
    const char *text;
    double      softgels;
  } valid[] = {
    { "2000 IU", 2 }, { "1000 UI", 1 }, { "4000 I.E.", 4 }, { "500 ie", 0.5 }, { "50 µg", 2 }, { "25 mcg", 1 },
    { "3 softgel", 3 },
  };

  for (guint i = 0; i < templates->len; i++)
    {
      const char *key = cf_supplement_get_template_key (g_ptr_array_index (templates, i));

      if (g_strcmp0 (key, "vitamin-d3-1000iu") == 0)
        d3 = g_ptr_array_index (templates, i);
      if (g_strcmp0 (key, "k2-mk7-100") == 0)
        k2 = g_ptr_array_index (templates, i);
    }
  g_assert_nonnull (d3);
  g_assert_nonnull (k2);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(CfPortion) portion = NULL;
      g_autoptr(GError) error = NULL;
      double grams = 0, quantity = 0;

      g_test_message ("%s", valid[i].text);
      g_assert_true (cf_parse_amount (valid[i].text, d3, &grams, &portion, &quantity, &error));
      g_assert_no_error (error);
      g_assert_nonnull (portion);
      g_assert_cmpstr (cf_portion_get_description (portion), ==, "softgel");
      g_assert_cmpfloat_with_epsilon (quantity, valid[i].softgels, 1e-9);
      g_assert_cmpfloat_with_epsilon (quantity * cf_supplement_get_dose (d3, CF_NUTRIENT_VITAMIN_D),
                                      valid[i].softgels * 25, 1e-9);
    }

  /* No vitamin D to count by: said so; and a number too small */
  {
    g_autoptr(CfPortion) portion = NULL;
    g_autoptr(GError) error = NULL;
    double grams = 0, quantity = 0;

    g_assert_false (cf_parse_amount ("2000 IU", k2, &grams, &portion, &quantity, &error));
    g_assert_nonnull (strstr (error->message, "no vitamin D"));
    g_assert_null (portion);
    g_clear_error (&error);
    g_assert_false (cf_parse_amount ("0 IU", d3, &grams, &portion, &quantity, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_assert_null (portion);
  }
}

static void
test_date (void)
{
  static const char *invalid[] = {
    "2024-+1-05", "2024- 1-05", "2024-1-05", "2024-01-5", " 2024-01-05", "2024-01-05 ", "+024-01-05",
    "2024/01/05", "2024-02-30", "1899-12-31", "2024-13-01", "2024-00-10", "20240105", "", "２０２４-01-05",
  };
  g_autoptr(GError) error = NULL;
  GDate day;

  g_assert_true (cf_parse_date ("2024-01-05", &day, &error));
  g_assert_cmpint (g_date_get_year (&day), ==, 2024);
  g_assert_cmpint (g_date_get_month (&day), ==, 1);
  g_assert_cmpint (g_date_get_day (&day), ==, 5);
  g_assert_true (cf_parse_date ("9999-12-31", &day, &error));
  g_assert_true (cf_parse_date ("2024-02-29", &day, &error));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (cf_parse_date (invalid[i], &day, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_clear_error (&error);

      /* The CLI's reading adds only the words today, yesterday, tomorrow */
      g_assert_false (cf_day_parse (invalid[i], &day, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_true (cf_day_parse ("Today", &day, &error));
  g_assert_false (cf_parse_date ("today", &day, &error));
}

static void
test_ids (void)
{
  g_autofree char *a = cf_canonical_id ("custom:1F0E2D3C-4B5A-4968-8776-655443322110");
  g_autofree char *b = cf_canonical_id ("0B6C3D1E-5D8A-4A59-9D0F-3C2B1A000001");

  g_assert_cmpstr (a, ==, "custom:1f0e2d3c-4b5a-4968-8776-655443322110");
  g_assert_cmpstr (b, ==, "0b6c3d1e-5d8a-4a59-9d0f-3c2b1a000001");
  g_assert_true (cf_id_is_canonical (a));
  g_assert_false (cf_id_is_canonical ("0B6C3D1E-5D8A-4A59-9D0F-3C2B1A000001"));
}

/* Vitamin D in µg or IU, in the unit spellings of the translations */
static void
test_vitamin_d (void)
{
  static const struct {
    const char *text;
    gboolean    default_iu;
    double      micrograms;
    gboolean    in_iu;
  } valid[] = {
    { "50", FALSE, 50, FALSE },
    { "2000", TRUE, 50, TRUE },
    { "50 µg", TRUE, 50, FALSE },           /* micro sign */
    { "50 \xce\xbcg", TRUE, 50, FALSE },    /* Greek mu */
    { "50\xce\x9c\x47", TRUE, 50, FALSE },  /* "ΜG", upper case */
    { "50ug", TRUE, 50, FALSE },
    { "50 mcg", TRUE, 50, FALSE },
    { "2,5 µg", TRUE, 2.5, FALSE },
    { "2000 IU", FALSE, 50, TRUE },
    { "2000 iu", FALSE, 50, TRUE },
    { "2000IU", FALSE, 50, TRUE },
    { "1000 UI", FALSE, 25, TRUE },          /* es, fr, it, pt_BR */
    { "1000 ui", FALSE, 25, TRUE },
    { "400 IE", FALSE, 10, TRUE },           /* de, nl */
    { "400 ie", FALSE, 10, TRUE },
    { "400 I.E.", FALSE, 10, TRUE },         /* de */
    { "400 i.e.", FALSE, 10, TRUE },
    { "400 I. E.", FALSE, 10, TRUE },
    { "4000 I.E", FALSE, 100, TRUE },
    { "2000 I.U.", FALSE, 50, TRUE },
    { "  0 IU ", FALSE, 0, TRUE },
  };
  static const char *invalid[] = {
    "abc", "50 mg", "50 g", "IU", "2000 IUs", "2000 U", "1e3 IU", "50 µ.g",
  };
  double value;
  gboolean in_iu;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i].text);
      g_assert_true (cf_parse_vitamin_d (valid[i].text, valid[i].default_iu, &value, &in_iu, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, valid[i].micrograms, 1e-9);
      g_assert_cmpint (in_iu, ==, valid[i].in_iu);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i]);
      g_assert_false (cf_parse_vitamin_d (invalid[i], FALSE, &value, NULL, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_assert_true (isnan (value));
    }

  /* What is not understood names both units */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cf_parse_vitamin_d ("2000 units", FALSE, &value, NULL, &error));
    g_assert_nonnull (strstr (error->message, "µg"));
    g_assert_nonnull (strstr (error->message, "IU"));
  }

  /* A number written two ways says how to write it; less than zero is
   * refused; nothing is no value */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cf_parse_vitamin_d ("1,000 IU", FALSE, &value, NULL, &error));
    g_assert_nonnull (strstr (error->message, "write 1000 or 1"));
    g_clear_error (&error);
    g_assert_false (cf_parse_vitamin_d ("-5 µg", FALSE, &value, NULL, &error));
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (cf_parse_vitamin_d ("  ", TRUE, &value, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (isnan (value));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/parse/decimal-accepts", test_decimal_accepts);
  g_test_add_func ("/cofactor/parse/decimal-refuses", test_decimal_refuses);
  g_test_add_func ("/cofactor/parse/amount", test_amount);
  g_test_add_func ("/cofactor/parse/amount-vitamin-d", test_amount_vitamin_d);
  g_test_add_func ("/cofactor/parse/vitamin-d", test_vitamin_d);
  g_test_add_func ("/cofactor/parse/date", test_date);
  g_test_add_func ("/cofactor/parse/ids", test_ids);

  return g_test_run ();
}
