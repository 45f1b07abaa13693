/* test-json.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Strict JSON in and out: what RFC 8259 allows is read, nothing else;
 * what is written reads back to the same values; input is bounded while
 * it is read. */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-json.h"
#include "cf-limits.h"

static gboolean
check (const char  *text,
       GError     **error)
{
  return cf_json_check (text, strlen (text), CF_MAX_JSON_DEPTH, error);
}

static void
test_accepts (void)
{
  static const char *valid[] = {
    "{}", "[]", "0", "-0", "1.5", "-1.5e-3", "1E+5", "1e-300", "1.7976931348623157e308",
    "4.9406564584124654e-324", "9223372036854775807", "\"text\"", "true", "false", "null",
    " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"",
    "\"é ü 😀\"",
    "\xef\xbb\xbf{\"byte order mark\": true}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i]);
      g_assert_true (check (valid[i], &error));
      g_assert_no_error (error);
    }
}

/* What json-glib would take but is not JSON, and what it gets wrong */
static void
test_refuses (void)
{
  static const struct {
    const char *text;
    const char *message;
  } invalid[] = {
    { "[0x10]", "not a JSON number" },
    { "[.5]", "not a JSON number" },
    { "[5.]", "decimal point" },
    { "[01]", "must not start with 0" },
    { "[+1]", "not a JSON number" },
    { "[1e]", "exponent" },
    { "[1e400]", "too large" },
    { "[-1e400]", "too large" },
    { "[99999999999999999999]", "too large" },
    { "[NaN]", "not a JSON value" },
    { "[Infinity]", "not a JSON value" },
    { "['x']", "not a JSON value" },
    { "[\"a\tb\"]", "control character" },
    { "[\"a\\u0000b\"]", "U+0000" },
    { "[\"\\ud800\"]", "surrogate" },
    { "[\"\\udc00\"]", "surrogate" },
    { "[\"\\ud800\\u0041\"]", "surrogate" },
    { "[\"\\x41\"]", "unknown escape" },
    { "[\"\\u12\"]", "hexadecimal" },
    { "[\"open", "closing quote" },
    { "[1,]", "a value is missing" },
    { "{\"a\":1,}", "member name" },
    { "{a:1}", "member name" },
    { "{\"a\" 1}", "expected :" },
    { "[1 2]", "expected , or ]" },
    { "[1", "closing ]" },
    { "{\"a\":1", "closing }" },
    { "{} {}", "more after the end" },
    { "/* comment */ {}", "not a JSON value" },
    { "", "empty" },
    { "   \n\t  ", "empty" },
    { "tru", "not a JSON value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (check (invalid[i].text, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_test_message ("%s → %s", invalid[i].text, error->message);
      g_assert_nonnull (strstr (error->message, invalid[i].message));
    }
}

/* The place of a problem: line, column and member */
static void
test_where (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\n  \"entries\": [\n    { \"grams\": 0x10 }\n  ]\n}";

  g_assert_false (check (text, &error));
  g_assert_cmpstr (error->message, ==,
                   "line 3, column 16 (at entries[0].grams): not a JSON number (write 0.5, not .5; no hexadecimal, no +)");
}

/* 100,000 nested lists are refused with a message, not a crash */
static void
test_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize n = 100000;
  g_autofree char *text = g_malloc (2 * n + 1);

  memset (text, '[', n);
  memset (text + n, ']', n);
  text[2 * n] = '\0';

  node = cf_json_parse (text, 2 * n, CF_MAX_JSON_DEPTH, &error);
  g_assert_null (node);
  g_assert_nonnull (strstr (error->message, "nested more than 32 deep"));

  /* The bound itself is fine */
  g_clear_error (&error);
  memset (text, '[', CF_MAX_JSON_DEPTH);
  memset (text + CF_MAX_JSON_DEPTH, ']', CF_MAX_JSON_DEPTH);
  node = cf_json_parse (text, 2 * CF_MAX_JSON_DEPTH, CF_MAX_JSON_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_bytes (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cf_json_check ("[\"a\0b\"]", 7, CF_MAX_JSON_DEPTH, &error));
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_clear_error (&error);

  g_assert_false (cf_json_check ("[\"\xff\"]", 5, CF_MAX_JSON_DEPTH, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

/* Written numbers are JSON numbers that read back exactly */
static void
test_write_numbers (void)
{
  const double values[] = {
    0, -0.0, 1, -1, 0.1, 0.2 + 0.1, 1.0 / 3, 2.0 / 3, 150, 1e-300, 1e308, 1.7976931348623157e308,
    4.9406564584124654e-324, 2.2250738585072014e-308, 123456789.123456789, 1e15, 1e16, 1e17,
    5000, 0.001, 9007199254740993.0, -123.456e-7,
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *array;

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    json_builder_add_double_value (builder, values[i]);
  json_builder_add_int_value (builder, G_MAXINT64);
  json_builder_add_int_value (builder, G_MININT64);
  json_builder_end_array (builder);
  written = json_builder_get_root (builder);

  text = cf_json_write (written, FALSE);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "e-300.0"));
  g_assert_null (strstr (text, ".0,"));

  read = cf_json_parse (text, strlen (text), CF_MAX_JSON_DEPTH, &error);
  g_assert_no_error (error);
  array = json_node_get_array (read);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (values) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      double v = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                                 : json_node_get_double (node);

      g_assert_cmpfloat (v, ==, values[i]);
    }
  g_assert_cmpint (json_array_get_int_element (array, G_N_ELEMENTS (values)), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, G_N_ELEMENTS (values) + 1), ==, G_MININT64);

  /* Not finite: null, as JSON has no such numbers */
  {
    g_autoptr(JsonNode) inf = json_node_new (JSON_NODE_VALUE);
    g_autofree char *out = NULL;

    json_node_set_double (inf, INFINITY);
    out = cf_json_write (inf, FALSE);
    g_assert_cmpstr (out, ==, "null");
  }
}

/* Every control character is escaped; text reads back the same */
static void
test_write_strings (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (all, c);
  g_string_append (all, "é😀\u2028");

  json_node_set_string (node, all->str);
  text = cf_json_write (node, TRUE);
  for (const char *p = text; *p; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);

  back = cf_json_parse (text, strlen (text), CF_MAX_JSON_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (back), ==, all->str);
}

/* The indented form keeps the members' order */
static void
test_write_pretty (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\n  \"b\" : [\n    1,\n    true,\n    null\n  ],\n  \"a\" : {},\n  \"c\" : []\n}";
  g_autoptr(JsonNode) node = cf_json_parse (text, strlen (text), CF_MAX_JSON_DEPTH, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = cf_json_write (node, TRUE);
  g_assert_cmpstr (out, ==, text);
}

/* Input is measured while it is read: an endless or huge stream costs
 * no more than the bound, and NUL bytes stop the reading at once */
static void
test_read_bounded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GInputStream) big = NULL;
  g_autoptr(GInputStream) small = NULL;
  g_autofree char *spaces = g_strnfill (200000, ' ');
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 start = g_get_monotonic_time ();

  data = cf_read_text_file (zero, CF_MAX_IMPORT_BYTES, &length, &error);
  g_assert_null (data);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NUL"));
  /* At once, not after reading 256 MB */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  big = g_memory_input_stream_new_from_data (spaces, 200000, NULL);
  data = cf_read_text_stream (big, 100000, &length, &error);
  g_assert_null (data);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_clear_error (&error);

  small = g_memory_input_stream_new_from_data (spaces, 1000, NULL);
  data = cf_read_text_stream (small, 100000, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 1000);
  g_assert_cmpint (data[1000], ==, '\0');
}

/* What cf_json_parse() builds is what json-glib's parser builds from
 * the same document: strings with every escape, numbers whole and not,
 * words, nesting, a name given twice (the last value) */
static void
test_builds_like_json_glib (void)
{
  static const char *documents[] = {
    "{\"a\": \"plain\", \"b\": \"tab\\tnew\\nline \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\"}",
    "[\"\\u00e9t\\u00E9 \\u20ac \\ud83e\\udd66 caf\u00e9 \u2014 \u00b5g\", \"\"]",
    "[0, -0, 12, -345, 9007199254740993, 0.5, -1.25e-3, 1E5, 2e+2, 1.0]",
    "{\"t\": true, \"f\": false, \"n\": null, \"nested\": {\"list\": [[], {}, [1, [2, {\"x\": \"y\"}]]]}}",
    "{\"same\": 1, \"other\": 2, \"same\": \"last\"}",
    "\xef\xbb\xbf  \r\n\t{ \"bom\" : [ 1 , 2 ] }  \n",
    "\"just text\"",
    "42",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) ours = cf_json_parse (documents[i], strlen (documents[i]), 16, &error);
      g_autofree char *ours_text = NULL;
      g_autofree char *theirs_text = NULL;
      const char *text = documents[i];

      g_assert_no_error (error);
      g_assert_nonnull (ours);
      if (g_str_has_prefix (text, "\xef\xbb\xbf"))
        text += 3;
      g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
      g_assert_true (json_node_equal (ours, json_parser_get_root (parser)));
      /* Also the kinds of number: json_node_equal() takes 1 and 1.0 alike */
      ours_text = cf_json_write (ours, FALSE);
      theirs_text = cf_json_write (json_parser_get_root (parser), FALSE);
      g_assert_cmpstr (ours_text, ==, theirs_text);
    }
}

/* A long list read one element at a time: the rest of the document as
 * usual, the list left empty, each element where its span says; a
 * document with an error is refused before anything is read */
static void
test_deferred (void)
{
  const char *document = "{\"format\": \"x\", \"entries\": [ {\"a\": \"]}\\\"\"}, [1, [2]] ,3, \"s\", null ],"
                         " \"after\": [true]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(JsonNode) root = NULL;
  static const char *expected[] = { "{\"a\":\"]}\\\"\"}", "[1,[2]]", "3", "\"s\"", "null" };
  JsonObject *object;

  root = cf_json_parse_deferring (document, strlen (document), 16, "entries", &spans, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "x");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "entries")), ==, 0);
  g_assert_true (json_array_get_boolean_element (json_object_get_array_member (object, "after"), 0));
  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spans->len; i++)
    {
      g_autoptr(JsonNode) element = cf_json_parse_span (document, &g_array_index (spans, CfJsonSpan, i));
      g_autofree char *text = cf_json_write (element, FALSE);

      g_assert_cmpstr (text, ==, expected[i]);
    }

  /* No such list: no spans */
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&spans, g_array_unref);
  root = cf_json_parse_deferring ("{\"entries\": 5}", 14, 16, "entries", &spans, &error);
  g_assert_no_error (error);
  g_assert_null (spans);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "entries"), ==, 5);

  /* An error after the list: refused as a whole */
  g_clear_pointer (&root, json_node_unref);
  root = cf_json_parse_deferring ("{\"entries\": [1, 2], \"x\": 05}", 28, 16, "entries", &spans, &error);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
  g_assert_null (root);
  g_assert_null (spans);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/json/accepts", test_accepts);
  g_test_add_func ("/cofactor/json/refuses", test_refuses);
  g_test_add_func ("/cofactor/json/where", test_where);
  g_test_add_func ("/cofactor/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cofactor/json/bytes", test_bytes);
  g_test_add_func ("/cofactor/json/write-numbers", test_write_numbers);
  g_test_add_func ("/cofactor/json/write-strings", test_write_strings);
  g_test_add_func ("/cofactor/json/write-pretty", test_write_pretty);
  g_test_add_func ("/cofactor/json/read-bounded", test_read_bounded);
  g_test_add_func ("/cofactor/json/builds-like-json-glib", test_builds_like_json_glib);
  g_test_add_func ("/cofactor/json/deferred", test_deferred);

  return g_test_run ();
}
