/* hello-gtk.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GTK 4 hello world of build-aux/measure-performance.sh: a label in
 * a window, the floor of what any GTK application costs to start. */

#include "first-frame.h"

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello, world"));
  gtk_window_present (GTK_WINDOW (window));
  perf_report_first_frame (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.cofactor.HelloGtk", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
