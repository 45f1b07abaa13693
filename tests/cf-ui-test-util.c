/* cf-ui-test-util.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Main-loop helpers for the UI tests */

#include "config.h"

#include <dlfcn.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "cf-ui-test-util.h"
#include "cf-window-private.h"

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

/* Whether a label under @widget (itself included) says @text */
gboolean
cf_test_shows_label (gpointer    widget,
                     const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (cf_test_shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The first widget under @widget (itself included) that @match accepts */
gpointer
cf_test_find_widget (gpointer        widget,
                     CfTestMatchFunc match,
                     gconstpointer   data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = cf_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (gpointer      widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (widget), label) == 0;
}

/* The button under @widget labelled @label, shown or not */
gpointer
cf_test_find_button (gpointer    widget,
                     const char *label)
{
  return cf_test_find_widget (widget, is_button_labelled, label);
}

static gboolean
is_mapped_label (gpointer      widget,
                 gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (widget), text) == 0;
}

/* The mapped label under @widget that shows @text */
gpointer
cf_test_find_mapped_label (gpointer    widget,
                           const char *text)
{
  return cf_test_find_widget (widget, is_mapped_label, text);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return cf_test_shows_label (wait->widget, wait->text);
}

/* Runs the main loop until a label under @widget says @text, e.g. a
 * toast that comes after the one before it has gone */
void
cf_test_spin_until_label (gpointer    widget,
                          const char *text)
{
  LabelWait wait = { widget, text };

  cf_test_spin_until (label_shown, &wait);
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

#ifdef GDK_WINDOWING_X11
/* XTestFakeKeyEvent() from libXtst, loaded when needed: the X server
 * (Xvfb) turns it into a real key press, which GTK routes as it routes
 * a person's, through every event controller and shortcut */
typedef int (*FakeKeyEvent) (Display *, unsigned int, Bool, unsigned long);

static FakeKeyEvent
get_fake_key_event (void)
{
  static FakeKeyEvent fake = NULL;
  static gboolean tried = FALSE;

  if (!tried)
    {
      void *lib = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      tried = TRUE;
      if (lib != NULL)
        fake = (FakeKeyEvent) dlsym (lib, "XTestFakeKeyEvent");
    }

  return fake;
}
#endif

/* Whether cf_test_press_key() can press keys: an X display (Xvfb) with
 * the XTEST extension */
gboolean
cf_test_can_press_keys (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();
  int opcode, event, error;

  return GDK_IS_X11_DISPLAY (display) && get_fake_key_event () != NULL &&
         XQueryExtension (gdk_x11_display_get_xdisplay (display), "XTEST", &opcode, &event, &error);
#else
  return FALSE;
#endif
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/**
 * cf_test_press_key:
 * @window: the #GtkWindow that gets the key, with its focus widget
 * @keyval: a key, e.g. %GDK_KEY_Return
 * @modifiers: #GdkModifierType: %GDK_CONTROL_MASK, %GDK_SHIFT_MASK or
 *   %GDK_ALT_MASK
 *
 * Presses and releases a key on the keyboard as a person does, with
 * @window focused; see cf_test_can_press_keys().
 */
void
cf_test_press_key (gpointer window,
                   guint    keyval,
                   guint    modifiers)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  FakeKeyEvent fake = get_fake_key_event ();
  static const struct { guint mask; KeySym sym; } mods[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
    { GDK_ALT_MASK, XK_Alt_L },
  };
  KeyCode code;

  g_assert_true (cf_test_can_press_keys ());
  g_assert_nonnull (surface);

  /* No window manager gives the focus under Xvfb */
  if (!gtk_window_is_active (window))
    {
      XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
      XSync (xdisplay, False);
      cf_test_spin_until (is_active, window);
    }

  code = XKeysymToKeycode (xdisplay, keyval);
  g_assert_cmpuint (code, !=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (mods); i++)
    if (modifiers & mods[i].mask)
      fake (xdisplay, XKeysymToKeycode (xdisplay, mods[i].sym), True, CurrentTime);
  fake (xdisplay, code, True, CurrentTime);
  fake (xdisplay, code, False, CurrentTime);
  for (guint i = G_N_ELEMENTS (mods); i > 0; i--)
    if (modifiers & mods[i - 1].mask)
      fake (xdisplay, XKeysymToKeycode (xdisplay, mods[i - 1].sym), False, CurrentTime);
  XSync (xdisplay, False);

  /* Until GTK has read and handled the events */
  cf_test_spin_for (50);
#else
  g_assert_not_reached ();
#endif
}

/**
 * cf_test_save_png:
 * @widget: a widget on screen, e.g. a window
 * @path: where to write the picture
 *
 * Draws @widget as it is now into a PNG file, to look at.
 */
void
cf_test_save_png (gpointer    widget,
                  const char *path)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
import_done (gpointer window)
{
  return !_cf_window_is_importing (window);
}

/* Waits until the import of @window, read or written in steps on the
 * main loop, is done */
void
cf_test_wait_import (gpointer window)
{
  cf_test_spin_until (import_done, window);
  cf_test_spin ();
}

/* What the Import… item does with @file: read, then the preview or the
 * refusal */
void
cf_test_import_file (gpointer window,
                     gpointer file)
{
  _cf_window_import_file (window, file);
  cf_test_wait_import (window);
}

