/* fuzz-amount.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer harness for the reading of amounts and numbers (see
 * fuzz/README.md): no crash, and whatever is accepted is within the
 * bounds of cf-limits.h and written only with the characters a number
 * may have. */

#include "config.h"

#include <math.h>
#include <stdint.h>

#include "cf-limits.h"
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

static CfFood *
make_food (void)
{
  CfFood *food = cf_food_new_custom ("Broccoli");
  const struct { double amount; const char *description; double grams; } portions[] = {
    { 1, "cup chopped", 91 }, { 0.5, "cup, chopped or diced", 44 }, { 1, "spear (about 5\" long)", 31 },
    { 0.001, "crumb", 0.001 }, { 10000, "grain", 5000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (portions); i++)
    {
      g_autoptr(CfPortion) portion = cf_portion_new (portions[i].amount, portions[i].description, portions[i].grams);

      cf_food_add_portion (food, portion);
    }

  return food;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static CfFood *food;
  g_autofree char *text = NULL;
  g_autoptr(CfPortion) portion = NULL;
  g_autoptr(GError) error = NULL;
  double grams = NAN, quantity = NAN, value = NAN;

  if (food == NULL)
    food = make_food ();

  /* Text from a field or a command line has no NUL */
  if (memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);

  if (cf_parse_amount (text, food, &grams, &portion, &quantity, &error))
    {
      g_assert (isfinite (grams) && grams >= CF_MIN_GRAMS && grams <= CF_MAX_ENTRY_GRAMS);
      if (portion != NULL)
        g_assert (isfinite (quantity) && quantity > 0);
    }
  else
    {
      g_assert (error != NULL && error->message != NULL);
      g_assert (portion == NULL);
    }
  g_clear_error (&error);

  if (cf_parse_decimal (text, &value, &error))
    {
      g_assert (isfinite (value));
      for (const char *p = text; *p; p++)
        g_assert (strchr ("0123456789.,- \t\n\r\v\f", *p) != NULL);
    }
  else
    g_assert (isnan (value) && error != NULL);

  return 0;
}
