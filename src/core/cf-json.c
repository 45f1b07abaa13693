/* cf-json.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-json"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-json.h"

/* JSON in and out, strictly by RFC 8259.
 *
 * json-glib reads more than JSON (hexadecimal and other non-JSON
 * numbers, single quotes, raw control characters), cuts text at an
 * escaped NUL, overflows the stack on deep nesting, and writes numbers
 * such as "1e-300.0" that nothing reads back.  So every document is
 * first checked here, with a bound on nesting, before json-glib builds
 * its tree; and documents are written here too.
 */

typedef struct
{
  const char  *data;
  gsize        length;
  gsize        pos;
  guint        max_depth;
  GString     *path;
  GError     **error;
} Scanner;

static gboolean parse_value (Scanner *s,
                             guint    depth);

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Scanner    *s,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  gsize line_start = 0;
  guint line = 1;
  glong column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (gsize i = 0; i < s->pos && i < s->length; i++)
    {
      if (s->data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  /* Characters, not bytes, as an editor counts them; the text before
   * the error has been found to be UTF-8 */
  column = g_utf8_strlen (s->data + line_start, MIN (s->pos, s->length) - line_start) + 1;

  if (s->path->len > 0)
    /* Translators: where in a JSON file an error is: a line, a column,
     * the member (e.g. "entries[3].grams"), then the problem */
    g_set_error (s->error, CF_ERROR, CF_ERROR_INVALID, _("line %u, column %ld (at %s): %s"),
                 line, column, s->path->str, message);
  else
    /* Translators: where in a JSON file an error is: a line and a
     * column, then the problem */
    g_set_error (s->error, CF_ERROR, CF_ERROR_INVALID, _("line %u, column %ld: %s"),
                 line, column, message);

  return FALSE;
}

/* An error about what starts at @start, such as a number */
#define fail_at(s, start, ...) ((s)->pos = (start), fail ((s), __VA_ARGS__))

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static gboolean
at_end (Scanner *s)
{
  return s->pos >= s->length;
}

static gboolean
current_is (Scanner *s,
        char     c)
{
  return !at_end (s) && s->data[s->pos] == c;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" */
static gboolean
read_hex4 (Scanner *s,
           guint   *value)
{
  *value = 0;

  if (s->pos + 4 > s->length)
    return fail (s, "%s", _("an escape \\u needs four hexadecimal digits"));

  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value (s->data[s->pos + i]);

      if (v < 0)
        return fail (s, "%s", _("an escape \\u needs four hexadecimal digits"));
      *value = *value * 16 + v;
    }
  s->pos += 4;

  return TRUE;
}

/* A string; @raw gets its text between the quotes, undecoded, for the
 * path of a member name */
static gboolean
parse_string (Scanner  *s,
              GString  *raw)
{
  gsize start;

  g_assert (s->data[s->pos] == '"');
  start = ++s->pos;

  for (;;)
    {
      guchar c;

      if (at_end (s))
        return fail (s, "%s", _("the text has no closing quote"));

      c = s->data[s->pos];
      if (c == '"')
        break;

      if (c < 0x20)
        return fail (s, "%s", _("a control character (such as a line break or a tab) inside text must be written as an escape"));

      if (c != '\\')
        {
          s->pos++;
          continue;
        }

      s->pos++;
      if (at_end (s))
        return fail (s, "%s", _("the text has no closing quote"));

      c = s->data[s->pos++];
      if (c == 'u')
        {
          guint v;

          if (!read_hex4 (s, &v))
            return FALSE;

          if (v == 0)
            return fail (s, "%s", _("text must not contain the character U+0000 (NUL)"));

          if (v >= 0xDC00 && v <= 0xDFFF)
            return fail (s, "%s", _("\\u escape of half a character (an unpaired surrogate)"));

          if (v >= 0xD800 && v <= 0xDBFF)
            {
              guint low;

              if (s->pos + 2 > s->length || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                return fail (s, "%s", _("\\u escape of half a character (an unpaired surrogate)"));
              s->pos += 2;
              if (!read_hex4 (s, &low))
                return FALSE;
              if (low < 0xDC00 || low > 0xDFFF)
                return fail (s, "%s", _("\\u escape of half a character (an unpaired surrogate)"));
            }
        }
      else if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
        return fail (s, "%s", _("unknown escape in text"));
    }

  if (raw != NULL)
    g_string_append_len (raw, s->data + start, MIN (s->pos - start, 64));

  s->pos++; /* the closing quote */
  return TRUE;
}

/* The number from @start to where @s is, as a string: in @buf if it
 * fits, else in a copy put in @long_text */
static const char *
number_text (Scanner  *s,
             gsize     start,
             char     *buf,
             gsize     size,
             char    **long_text)
{
  gsize n = s->pos - start;

  if (n < size)
    {
      memcpy (buf, s->data + start, n);
      buf[n] = '\0';
      return buf;
    }

  return *long_text = g_strndup (s->data + start, n);
}

static gboolean
parse_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean whole = TRUE;
  char buf[64];
  g_autofree char *long_text = NULL;
  const char *text;

#define DIGIT(c) ((c) >= '0' && (c) <= '9')
#define CUR (at_end (s) ? '\0' : s->data[s->pos])

  if (CUR == '-')
    s->pos++;

  if (CUR == '0')
    {
      s->pos++;
      if (DIGIT (CUR))
        return fail_at (s, start, "%s", _("a number must not start with 0 (write 5, not 05)"));
    }
  else if (DIGIT (CUR))
    {
      while (DIGIT (CUR))
        s->pos++;
    }
  else
    return fail_at (s, start, "%s", _("not a JSON number (write 0.5, not .5; no hexadecimal, no +)"));

  if (CUR == '.')
    {
      whole = FALSE;
      s->pos++;
      if (!DIGIT (CUR))
        return fail_at (s, start, "%s", _("a decimal point must have digits after it (write 5 or 5.0, not 5.)"));
      while (DIGIT (CUR))
        s->pos++;
    }

  if (CUR == 'e' || CUR == 'E')
    {
      whole = FALSE;
      s->pos++;
      if (CUR == '+' || CUR == '-')
        s->pos++;
      if (!DIGIT (CUR))
        return fail_at (s, start, "%s", _("an exponent must have digits"));
      while (DIGIT (CUR))
        s->pos++;
    }

  if (g_ascii_isalnum (CUR) || CUR == '.' || CUR == '_')
    return fail_at (s, start, "%s", _("not a JSON number (write 0.5, not .5; no hexadecimal, no +)"));

#undef CUR
#undef DIGIT

  text = number_text (s, start, buf, sizeof buf, &long_text);
  errno = 0;
  if (whole)
    {
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        {
          return fail_at (s, start, "%s", _("the number is too large"));
        }
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      return fail_at (s, start, "%s", _("the number is too large"));
    }

  return TRUE;
}

static gboolean
parse_literal (Scanner    *s,
               const char *word)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    return fail (s, "%s", _("not a JSON value (text needs double quotes; the words allowed are true, false and null)"));

  s->pos += n;
  return TRUE;
}

static gboolean
enter (Scanner *s,
       guint    depth)
{
  if (depth >= s->max_depth)
    return fail (s, _("lists and objects are nested more than %u deep"), s->max_depth);

  return TRUE;
}

static gboolean
parse_array (Scanner *s,
             guint    depth)
{
  gsize path_len = s->path->len;
  guint index = 0;

  if (!enter (s, depth))
    return FALSE;

  s->pos++; /* [ */
  skip_space (s);
  if (current_is (s, ']'))
    {
      s->pos++;
      return TRUE;
    }

  for (;;)
    {
      g_string_append_printf (s->path, "[%u]", index++);
      if (!parse_value (s, depth + 1))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_space (s);
      if (at_end (s))
        return fail (s, "%s", _("the list has no closing ]"));
      if (s->data[s->pos] == ']')
        {
          s->pos++;
          return TRUE;
        }
      if (s->data[s->pos] != ',')
        return fail (s, "%s", _("expected , or ] after an element of the list"));
      s->pos++;
      skip_space (s);
    }
}

static gboolean
parse_object (Scanner *s,
              guint    depth)
{
  gsize path_len = s->path->len;

  if (!enter (s, depth))
    return FALSE;

  s->pos++; /* { */
  skip_space (s);
  if (current_is (s, '}'))
    {
      s->pos++;
      return TRUE;
    }

  for (;;)
    {
      if (!current_is (s, '"'))
        return fail (s, "%s", _("expected a member name in double quotes"));

      if (path_len > 0)
        g_string_append_c (s->path, '.');
      if (!parse_string (s, s->path))
        return FALSE;

      skip_space (s);
      if (!current_is (s, ':'))
        return fail (s, "%s", _("expected : after the member name"));
      s->pos++;

      if (!parse_value (s, depth + 1))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_space (s);
      if (at_end (s))
        return fail (s, "%s", _("the object has no closing }"));
      if (s->data[s->pos] == '}')
        {
          s->pos++;
          return TRUE;
        }
      if (s->data[s->pos] != ',')
        return fail (s, "%s", _("expected , or } after a member of the object"));
      s->pos++;
      skip_space (s);
    }
}

static gboolean
parse_value (Scanner *s,
             guint    depth)
{
  skip_space (s);

  if (at_end (s))
    return fail (s, "%s", _("a value is missing"));

  switch (s->data[s->pos])
    {
    case '{':
      return parse_object (s, depth);

    case '[':
      return parse_array (s, depth);

    case '"':
      return parse_string (s, NULL);

    case 't':
      return parse_literal (s, "true");

    case 'f':
      return parse_literal (s, "false");

    case 'n':
      return parse_literal (s, "null");

    case ',':
    case ']':
    case '}':
    case ':':
      return fail (s, "%s", _("a value is missing"));

    case '-':
    case '+':
    case '.':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (s);

    default:
      return fail (s, "%s", _("not a JSON value (text needs double quotes; the words allowed are true, false and null)"));
    }
}

/* The byte order mark some editors put first; RFC 8259 lets a reader
 * ignore it */
static gsize
skip_bom (const char *data,
          gsize       length)
{
  return length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/**
 * cf_json_check:
 * @data: the document
 * @length: its length in bytes
 * @max_depth: how deeply lists and objects may be nested
 *
 * Checks that @data is one JSON document as RFC 8259 defines it, in
 * UTF-8, without the character U+0000 in any text, with numbers that a
 * double holds, and nested at most @max_depth deep.
 *
 * Returns: %TRUE if so; else %CF_ERROR_INVALID with the line, column and
 *   member of the first problem
 */
gboolean
cf_json_check (const char  *data,
               gsize        length,
               guint        max_depth,
               GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Scanner s = { data, length, 0, max_depth, path, error };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("it is not text: it holds NUL bytes"));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("it is not UTF-8 text"));
      return FALSE;
    }

  s.pos = skip_bom (data, length);
  skip_space (&s);
  if (at_end (&s))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("it is empty or only white space"));
      return FALSE;
    }

  if (!parse_value (&s, 0))
    return FALSE;

  skip_space (&s);
  if (!at_end (&s))
    return fail (&s, "%s", _("there is more after the end of the document"));

  return TRUE;
}

/* Building nodes from a document cf_json_check() accepted: the grammar
 * is known to hold, so these only read */

static JsonNode *build_value (Scanner *s);

static char *
build_string (Scanner *s)
{
  const char *p = s->data + ++s->pos;
  const char *end = s->data + s->length;
  const char *q = p;
  GString *text;

  /* Most text has no escape: copied as it is */
  while (q < end && *q != '"' && *q != '\\')
    q++;
  if (*q == '"')
    {
      s->pos = q + 1 - s->data;
      return g_strndup (p, q - p);
    }

  text = g_string_new_len (p, q - p);
  while (*q != '"')
    {
      if (*q != '\\')
        {
          const char *run = q;

          while (*q != '"' && *q != '\\')
            q++;
          g_string_append_len (text, run, q - run);
          continue;
        }

      q++;
      switch (*q++)
        {
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            gunichar c = 0;

            for (guint i = 0; i < 4; i++)
              c = c * 16 + hex_value (*q++);
            /* A surrogate pair (cf_json_check() saw both halves) */
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low = 0;

                q += 2;
                for (guint i = 0; i < 4; i++)
                  low = low * 16 + hex_value (*q++);
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (text, c);
          }
          break;
        default: /* " \ / */
          g_string_append_c (text, q[-1]);
        }
    }

  s->pos = q + 1 - s->data;
  return g_string_free (text, FALSE);
}

static JsonNode *
build_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean whole = TRUE;
  char buf[64];
  g_autofree char *long_text = NULL;
  const char *text;
  JsonNode *node = json_node_alloc ();

  for (; s->pos < s->length; s->pos++)
    {
      char c = s->data[s->pos];

      if (c == '.' || c == 'e' || c == 'E')
        whole = FALSE;
      else if (!g_ascii_isdigit (c) && c != '-' && c != '+')
        break;
    }

  text = number_text (s, start, buf, sizeof buf, &long_text);

  if (whole)
    return json_node_init_int (node, g_ascii_strtoll (text, NULL, 10));

  return json_node_init_double (node, g_ascii_strtod (text, NULL));
}

static JsonNode *
build_array (Scanner *s)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_alloc ();

  s->pos++; /* [ */
  skip_space (s);
  while (s->data[s->pos] != ']')
    {
      json_array_add_element (array, build_value (s));
      skip_space (s);
      if (s->data[s->pos] == ',')
        s->pos++;
    }
  s->pos++;

  return json_node_init_array (node, array);
}

static JsonNode *
build_object (Scanner *s)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  s->pos++; /* { */
  skip_space (s);
  while (s->data[s->pos] != '}')
    {
      g_autofree char *name = build_string (s);

      skip_space (s);
      s->pos++; /* : */
      /* A name given twice: the last value, as json-glib does */
      json_object_set_member (object, name, build_value (s));
      skip_space (s);
      if (s->data[s->pos] == ',')
        {
          s->pos++;
          skip_space (s);
        }
    }
  s->pos++;

  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static JsonNode *
build_value (Scanner *s)
{
  skip_space (s);

  switch (s->data[s->pos])
    {
    case '{':
      return build_object (s);

    case '[':
      {
        JsonNode *node = build_array (s);

        json_array_unref (json_node_get_array (node));
        return node;
      }

    case '"':
      {
        g_autofree char *text = build_string (s);

        return json_node_init_string (json_node_alloc (), text);
      }

    case 't':
      s->pos += 4;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case 'f':
      s->pos += 5;
      return json_node_init_boolean (json_node_alloc (), FALSE);

    case 'n':
      s->pos += 4;
      return json_node_init_null (json_node_alloc ());

    default:
      return build_number (s);
    }
}

/* Moves past a value of a checked document without building it */
static void
skip_value (Scanner *s)
{
  guint depth = 0;

  skip_space (s);
  do
    {
      char c = s->data[s->pos];

      if (c == '"')
        {
          for (s->pos++; s->data[s->pos] != '"'; s->pos++)
            if (s->data[s->pos] == '\\')
              s->pos++;
          s->pos++;
        }
      else if (c == '{' || c == '[')
        {
          depth++;
          s->pos++;
        }
      else if (c == '}' || c == ']')
        {
          depth--;
          s->pos++;
        }
      else if (depth == 0)
        {
          /* A number or a word */
          while (s->pos < s->length && !strchr (",]} \t\r\n", s->data[s->pos]))
            s->pos++;
        }
      else
        s->pos++;
    }
  while (depth > 0);
}

/**
 * cf_json_parse:
 *
 * Checks @data with cf_json_check(), then reads it.
 *
 * Returns: (transfer full): the document's root, or %NULL with @error
 *   set
 */
JsonNode *
cf_json_parse (const char  *data,
               gsize        length,
               guint        max_depth,
               GError     **error)
{
  return cf_json_parse_deferring (data, length, max_depth, NULL, NULL, error);
}

/**
 * cf_json_parse_deferring:
 * @member: (nullable): a member of the root object whose elements are
 *   not read now
 * @spans: (out) (optional): where the elements of @member are, for
 *   cf_json_parse_span(); %NULL if the root has no such list
 *
 * Checks @data with cf_json_check(), then reads it; if the root is an
 * object whose @member is a list, that list is left empty and the
 * places of its elements are given instead, so that a long list can be
 * read one element at a time.
 *
 * Returns: (transfer full): the document's root, or %NULL with @error
 *   set
 */
JsonNode *
cf_json_parse_deferring (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         const char  *member,
                         GArray     **spans,
                         GError     **error)
{
  Scanner s = { data, length, 0, max_depth, NULL, NULL };
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (member == NULL || spans != NULL, NULL);

  if (spans != NULL)
    *spans = NULL;

  if (!cf_json_check (data, length, max_depth, error))
    return NULL;

  s.pos = skip_bom (data, length);
  skip_space (&s);
  if (member == NULL || data[s.pos] != '{')
    return build_value (&s);

  /* The root object, member by member */
  object = json_object_new ();
  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  s.pos++;
  skip_space (&s);
  while (data[s.pos] != '}')
    {
      g_autofree char *name = build_string (&s);

      skip_space (&s);
      s.pos++; /* : */
      skip_space (&s);
      if (strcmp (name, member) == 0 && data[s.pos] == '[')
        {
          if (*spans != NULL)
            g_array_set_size (*spans, 0);
          else
            *spans = g_array_new (FALSE, FALSE, sizeof (CfJsonSpan));

          s.pos++;
          skip_space (&s);
          while (data[s.pos] != ']')
            {
              CfJsonSpan span = { s.pos, 0 };

              skip_value (&s);
              span.length = s.pos - span.offset;
              g_array_append_val (*spans, span);
              skip_space (&s);
              if (data[s.pos] == ',')
                {
                  s.pos++;
                  skip_space (&s);
                }
            }
          s.pos++;
          json_object_set_array_member (object, name, json_array_new ());
        }
      else
        json_object_set_member (object, name, build_value (&s));

      skip_space (&s);
      if (data[s.pos] == ',')
        {
          s.pos++;
          skip_space (&s);
        }
    }

  return root;
}

/**
 * cf_json_parse_span:
 * @data: a document cf_json_parse_deferring() read
 * @span: the place of one element it deferred
 *
 * Returns: (transfer full): the element
 */
JsonNode *
cf_json_parse_span (const char       *data,
                    const CfJsonSpan *span)
{
  Scanner s = { data, span->offset + span->length, span->offset, 0, NULL, NULL };

  return build_value (&s);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');

  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }

  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as @value, in JSON's grammar
 * ("1e-300", "0.1", "150"); null for what JSON cannot hold */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buffer, sizeof buffer, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
}

static void
indent (GString  *out,
        gboolean  pretty,
        guint     level)
{
  if (!pretty)
    return;

  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     level)
{
  if (node == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            indent (out, pretty, level + 1);
            append_string (out, l->data);
            g_string_append (out, pretty ? " : " : ":");
            write_node (out, json_object_get_member (object, l->data), pretty, level + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        indent (out, pretty, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            indent (out, pretty, level + 1);
            write_node (out, json_array_get_element (array, i), pretty, level + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        indent (out, pretty, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;

        default:
          g_string_append (out, "null");
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
    }
}

/**
 * cf_json_write:
 * @root: (nullable): a document
 * @pretty: whether to indent it
 *
 * Writes @root as JSON that RFC 8259 allows and cf_json_parse() reads
 * back to the same values: numbers in their shortest exact form, text
 * with every control character escaped.
 *
 * Returns: (transfer full): the document
 */
char *
cf_json_write (JsonNode *root,
               gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, pretty, 0);

  return g_string_free (out, FALSE);
}

/**
 * cf_read_text_stream:
 * @stream: what to read, to its end
 * @max_bytes: the most to read; more is refused while reading, so an
 *   endless or huge input costs no more than that
 * @length: (out): the length of what was read
 *
 * Reads a text document.  Input with a NUL byte is refused as soon as
 * one is read (so `/dev/zero` fails at once).
 *
 * Returns: (transfer full): the text, NUL-terminated, or %NULL with
 *   @error set
 */
char *
cf_read_text_stream (GInputStream  *stream,
                     gsize          max_bytes,
                     gsize         *length,
                     GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (64 * 1024);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      if (memchr (buffer, '\0', n) != NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The file is not text: it holds NUL bytes"));
          return NULL;
        }

      if ((gsize) n > max_bytes - data->len)
        {
          g_autofree char *size = g_format_size (max_bytes);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       /* Translators: %s is a size, e.g. "268.4 MB" */
                       _("The file is larger than %s, the most that is read"), size);
          return NULL;
        }

      g_byte_array_append (data, buffer, n);
    }

  *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
}

/**
 * cf_read_text_file:
 *
 * cf_read_text_stream() on @file.
 */
char *
cf_read_text_file (GFile   *file,
                   gsize    max_bytes,
                   gsize   *length,
                   GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  return cf_read_text_stream (G_INPUT_STREAM (stream), max_bytes, length, error);
}
