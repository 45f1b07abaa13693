/* test-csv.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cf-csv.h"
#include "cf-error.h"

static CfCsvRow *
row_at (GPtrArray *rows,
        guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
test_read (void)
{
  const char text[] =
    "\xEF\xBB\xBF" "Day,Food Name,Amount\r\n"
    "2026-03-14,\"Cheese, cheddar\",30.00 g\r\n"
    "\r\n"
    "2026-03-14,\"Pizza, 12\"\" round\",1.00 slice\n"
    ",,\r"
    "2026-03-15,\"two\nlines\",\n"
    "last,row,without end";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = cf_csv_parse (text, sizeof text - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 6);

  /* The byte order mark is not part of the first field */
  g_assert_cmpstr (row_at (rows, 0)->fields[0], ==, "Day");
  g_assert_cmpuint (row_at (rows, 0)->line, ==, 1);

  g_assert_cmpstr (row_at (rows, 1)->fields[1], ==, "Cheese, cheddar");
  g_assert_cmpuint (row_at (rows, 1)->n_fields, ==, 3);

  /* The blank line 3 is skipped; line numbers still count it */
  g_assert_cmpstr (row_at (rows, 2)->fields[1], ==, "Pizza, 12\" round");
  g_assert_cmpuint (row_at (rows, 2)->line, ==, 4);

  g_assert_cmpuint (row_at (rows, 3)->n_fields, ==, 3);
  g_assert_cmpstr (row_at (rows, 3)->fields[2], ==, "");
  g_assert_cmpuint (row_at (rows, 3)->line, ==, 5);

  /* A quoted line break belongs to the field, and the row after it
   * starts two lines further on */
  g_assert_cmpstr (row_at (rows, 4)->fields[1], ==, "two\nlines");
  g_assert_cmpstr (row_at (rows, 4)->fields[2], ==, "");
  g_assert_cmpuint (row_at (rows, 4)->line, ==, 6);
  g_assert_cmpuint (row_at (rows, 5)->line, ==, 8);
  g_assert_cmpstr (row_at (rows, 5)->fields[2], ==, "without end");
  g_assert_null (row_at (rows, 5)->fields[3]);
}

static void
test_errors (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "a,b\n1,\"open\n2,3\n", "Line 2: a quoted field is not closed; the file may be cut off" },
    { "a,b\n\"x\"y,2\n", "Line 2: there is text after the closing quote of a field" },
    { "a,b\n1,\xC3\x28\n", "Line 2: the file is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = cf_csv_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (rows);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = cf_csv_parse ("", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 0);
  }
}

/* What is written reads back the same */
static void
test_write (void)
{
  const char *fields[] = { "plain", "with, comma", "with \"quotes\"", "two\nlines", NULL, " padded", "" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  cf_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  cf_csv_append_row (out, fields, 1);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",,\" padded\",\r\n"
                   "plain\r\n");

  rows = cf_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (row_at (rows, 0)->n_fields, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (row_at (rows, 0)->fields[i], ==, fields[i] ? fields[i] : "");
}

static void
test_numbers (void)
{
  static const struct {
    double      value;
    guint       decimals;
    const char *text;
  } cases[] = {
    { 1234.5, 3, "1234.5" },
    { 10, 2, "10" },
    { 0.126, 2, "0.13" },
    { 0.0004, 3, "0" },
    { -0.0001, 2, "0" },
    { 2.5e-5, 6, "0.000025" },
  };
  g_autofree char *nan = cf_csv_format_number (NAN, 2);

  /* No value is an empty field, never 0 */
  g_assert_null (nan);

  /* Whatever the locale's decimal separator (where a locale with a
   * decimal comma is installed) */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    g_test_message ("No de_DE.UTF-8 locale here: numbers checked in the C locale only");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cf_csv_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/csv/read", test_read);
  g_test_add_func ("/cofactor/csv/errors", test_errors);
  g_test_add_func ("/cofactor/csv/write", test_write);
  g_test_add_func ("/cofactor/csv/numbers", test_numbers);

  return g_test_run ();
}
