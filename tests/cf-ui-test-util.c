/* cf-ui-test-util.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Main-loop helpers for the UI tests */

#include "config.h"

#include "cf-ui-test-util.h"

/* Runs what is pending in the main loop, without waiting */
void
cf_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @done says so; fails the test after 20 s
 * (work done in threads, such as queries, finishes through the loop) */
void
cf_test_spin_until (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* For cf_test_spin_until(): whether the pointer at @data is %NULL, e.g.
 * a weak pointer to a window that is to close */
gboolean
cf_test_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Runs the main loop for @ms milliseconds of wall time, e.g. to let
 * animations finish: libadwaita 1.2 crashes when a toast is dismissed
 * within its own show animation (the window replaces an import or
 * export result toast by the next one), which a person cannot do but a
 * test does at once */
void
cf_test_spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * (G_USEC_PER_SEC / 1000);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}
