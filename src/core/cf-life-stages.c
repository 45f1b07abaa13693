/* cf-life-stages.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-life-stages"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cf-life-stages.h"

/* The reference intake tables (data/reference-intakes/) name the people
 * a value is for in a short English form of their own: a group, then an
 * age range or a stage ("females 31-50 y", "adults >=18 y", "men 25-<51
 * y", "infants 7-12 mo", "pregnancy 2nd trimester", "lactation first 6
 * months").  They stay so in the data and in exports; for display each
 * part is translated.  A label of another form is shown as it is. */

static const struct
{
  const char *key;
  const char *name;
} groups[] = {
  /* Longer first: "adult men" before "men" */
  { "adult men", NC_("life stage", "adult men") },
  { "adult women", NC_("life stage", "adult women") },
  { "adults", NC_("life stage", "adults") },
  { "children", NC_("life stage", "children") },
  { "infants", NC_("life stage", "infants") },
  { "females", NC_("life stage", "females") },
  { "males", NC_("life stage", "males") },
  { "women", NC_("life stage", "women") },
  { "men", NC_("life stage", "men") },
  { "pregnancy", NC_("life stage", "pregnancy") },
  { "lactation", NC_("life stage", "lactation") },
};

/* Whether @text is exactly @format's words and numbers, e.g. "31-50 y"
 * for "%u-%u y" (@end is an int to use) */
#define SCAN(text, format, end, ...) \
  ((end) = -1, sscanf ((text), format "%n", __VA_ARGS__, &(end)) >= 1 && \
   (end) >= 0 && (text)[(end)] == '\0')

/* An age range or stage, translated; %NULL for a form not known */
static char *
translate_span (const char *span)
{
  guint a, b;
  int end;

  if (SCAN (span, "%u-<%u y", end, &a, &b))
    /* Translators: an age range of a reference intake table, from the
     * first age up to but not including the second */
    return g_strdup_printf (C_("life stage", "%u to under %u years"), a, b);
  if (SCAN (span, "%u-%u y", end, &a, &b))
    /* Translators: an age range of a reference intake table, both ages
     * included, e.g. "31–50 years" */
    return g_strdup_printf (C_("life stage", "%u–%u years"), a, b);
  if (SCAN (span, "%u-%u mo", end, &a, &b))
    /* Translators: an age range in months, e.g. "7–12 months" */
    return g_strdup_printf (C_("life stage", "%u–%u months"), a, b);
  if (SCAN (span, ">=%u y", end, &a))
    return g_strdup_printf (C_("life stage", "%u years and older"), a);
  if (SCAN (span, ">%u y", end, &a))
    return g_strdup_printf (C_("life stage", "over %u years"), a);
  if (SCAN (span, "<%u y", end, &a))
    return g_strdup_printf (C_("life stage", "under %u years"), a);
  if (SCAN (span, "first %u months", end, &a))
    /* Translators: of breastfeeding, e.g. "first 6 months" */
    return g_strdup_printf (C_("life stage", "first %u months"), a);
  if (SCAN (span, "after %u months", end, &a))
    /* Translators: of breastfeeding, e.g. "after 6 months" */
    return g_strdup_printf (C_("life stage", "after %u months"), a);
  if (SCAN (span, "from %uth month", end, &a))
    /* Translators: of pregnancy, e.g. "from month 4" */
    return g_strdup_printf (C_("life stage", "from month %u"), a);
  if (strcmp (span, "1st trimester") == 0)
    return g_strdup (C_("life stage", "first trimester"));
  if (strcmp (span, "2nd trimester") == 0)
    return g_strdup (C_("life stage", "second trimester"));
  if (strcmp (span, "3rd trimester") == 0)
    return g_strdup (C_("life stage", "third trimester"));

  return NULL;
}

/**
 * cf_life_stage_dup_display_name:
 * @label: a life stage as a reference intake table names it, e.g.
 *   "females 31-50 y"
 *
 * Returns: (transfer full): @label in the user's language, e.g. "Frauen,
 *   31–50 Jahre", or @label itself where its form is not known
 */
char *
cf_life_stage_dup_display_name (const char *label)
{
  g_autofree char *main_part = NULL;
  g_autofree char *note = NULL;
  g_autofree char *span = NULL;
  const char *group = NULL;
  const char *rest = NULL;
  const char *paren;
  char *shown;

  g_return_val_if_fail (label != NULL, NULL);

  /* "infants 7-12 mo (table label 6-12 mo)": the table's own wording
   * of the range in a note */
  paren = strstr (label, " (table label ");
  if (paren != NULL && g_str_has_suffix (label, ")"))
    {
      const char *inner = paren + strlen (" (table label ");

      main_part = g_strndup (label, paren - label);
      note = g_strndup (inner, strlen (inner) - 1);
    }
  else
    main_part = g_strdup (label);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gsize n = strlen (groups[i].key);

      if (strncmp (main_part, groups[i].key, n) == 0 && (main_part[n] == '\0' || main_part[n] == ' '))
        {
          group = g_dpgettext2 (GETTEXT_PACKAGE, "life stage", groups[i].name);
          rest = main_part[n] == ' ' ? main_part + n + 1 : NULL;
          break;
        }
    }
  if (group == NULL)
    return g_strdup (label);

  if (rest != NULL && (span = translate_span (rest)) == NULL)
    return g_strdup (label);

  if (span != NULL)
    /* Translators: a group of people of a reference intake table and
     * their age or stage, e.g. "women, 31–50 years", "pregnancy, second
     * trimester" */
    shown = g_strdup_printf (C_("life stage", "%s, %s"), group, span);
  else
    shown = g_strdup (group);

  if (note != NULL)
    {
      g_autofree char *note_span = translate_span (note);
      g_autofree char *with_note = NULL;

      if (note_span == NULL)
        {
          g_free (shown);
          return g_strdup (label);
        }
      /* Translators: a life stage and how the table itself writes its
       * age range, e.g. "infants, 7–12 months (6–12 months in the
       * table)" */
      with_note = g_strdup_printf (C_("life stage", "%s (%s in the table)"), shown, note_span);
      g_free (shown);
      shown = g_steal_pointer (&with_note);
    }

  return shown;
}
