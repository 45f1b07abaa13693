/* first-frame.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start-up hook of the hello worlds, the same as Cofactor's own
 * (cf_application_report_first_frame()): with COFACTOR_FIRST_FRAME_FD
 * set, the monotonic time (µs) at the end of the window's first painted
 * frame and the processor time used by then (µs) are written to that
 * file descriptor. */

#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <gtk/gtk.h>

static void
perf_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  gint64 now = g_get_monotonic_time ();
  struct rusage usage = { 0 };
  char line[64];
  int len;

  getrusage (RUSAGE_SELF, &usage);
  len = snprintf (line, sizeof line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", now,
                  (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
                  (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec);

  if (write (fd, line, len) < 0)
    perror ("first frame");
  close (fd);
  g_signal_handlers_disconnect_by_func (clock, perf_after_paint_cb, user_data);
}

static inline void
perf_report_first_frame (GtkWidget *window)
{
  const char *env = g_getenv ("COFACTOR_FIRST_FRAME_FD");

  if (env == NULL)
    return;

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (perf_after_paint_cb), GINT_TO_POINTER (atoi (env)));
}
