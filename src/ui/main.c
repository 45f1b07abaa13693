/* main.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cf-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) app = NULL;
  /* For uninstalled runs: meson devenv points it at the build tree */
  const char *localedir = g_getenv ("COFACTOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cf_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
