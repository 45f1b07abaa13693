/* cf-about.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-about"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-about.h"

/* The About window is filled from the metainfo compiled into the
 * resources, so the two never disagree.  libadwaita can do this itself
 * only from 1.4; on 1.2 we read the few fields we show.  Translated
 * elements (xml:lang) are skipped: the untranslated text goes through
 * the same catalogue the metainfo was translated with. */

typedef struct
{
  CfAppdata *appdata;
  GString   *text;
  GString   *notes;
  GSList    *stack;
  char      *url_type;
  gboolean   translated;
  gboolean   in_first_release;
  gboolean   seen_release;
  int        notes_depth;
} ParseState;

static const char *
parent_element (ParseState *state,
                guint       n)
{
  GSList *l = g_slist_nth (state->stack, n);

  return l ? l->data : NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;

  state->stack = g_slist_prepend (state->stack, g_strdup (element));
  g_string_truncate (state->text, 0);
  state->translated = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (names[i], "xml:lang") == 0)
        state->translated = TRUE;
      if (g_strcmp0 (element, "url") == 0 && g_strcmp0 (names[i], "type") == 0)
        {
          g_free (state->url_type);
          state->url_type = g_strdup (values[i]);
        }
      if (g_strcmp0 (element, "release") == 0 && g_strcmp0 (names[i], "version") == 0 && !state->seen_release)
        {
          state->appdata->version = g_strdup (values[i]);
          state->in_first_release = TRUE;
          state->seen_release = TRUE;
        }
    }

  /* Release notes keep their <p>, <ul> and <li> */
  if (state->in_first_release && g_strcmp0 (element, "description") == 0)
    state->notes_depth = 1;
  else if (state->notes_depth > 0 && !state->translated)
    {
      g_string_append_printf (state->notes, "<%s>", element);
      state->notes_depth++;
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  const char *parent = parent_element (state, 1);
  g_autofree char *text = g_strstrip (g_strdup (state->text->str));
  CfAppdata *a = state->appdata;

  if (!state->translated && *text != '\0')
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (g_strcmp0 (element, "name") == 0 && g_strcmp0 (parent, "component") == 0 && a->name == NULL)
        a->name = g_strdup (translated);
      else if (g_strcmp0 (element, "name") == 0 && g_strcmp0 (parent, "developer") == 0 && a->developer == NULL)
        a->developer = g_strdup (translated);
      else if (g_strcmp0 (element, "summary") == 0 && g_strcmp0 (parent, "component") == 0 && a->summary == NULL)
        a->summary = g_strdup (translated);
      else if (g_strcmp0 (element, "project_license") == 0)
        a->license = g_strdup (text);
      else if (g_strcmp0 (element, "url") == 0 && g_strcmp0 (state->url_type, "homepage") == 0)
        a->homepage = g_strdup (text);
      else if (g_strcmp0 (element, "url") == 0 && g_strcmp0 (state->url_type, "bugtracker") == 0)
        a->bugtracker = g_strdup (text);

      if (state->notes_depth > 1)
        {
          g_autofree char *escaped = g_markup_escape_text (translated, -1);
          g_string_append (state->notes, escaped);
        }
    }

  if (state->notes_depth > 1 && !state->translated)
    {
      g_string_append_printf (state->notes, "</%s>", element);
      state->notes_depth--;
    }
  else if (state->notes_depth == 1 && g_strcmp0 (element, "description") == 0)
    state->notes_depth = 0;

  if (g_strcmp0 (element, "release") == 0)
    state->in_first_release = FALSE;

  g_string_truncate (state->text, 0);
  g_free (state->stack->data);
  state->stack = g_slist_delete_link (state->stack, state->stack);
  state->translated = FALSE;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, text, length);
}

/**
 * cf_appdata_parse:
 *
 * Returns: (transfer full) (nullable): the fields of a metainfo file
 */
CfAppdata *
cf_appdata_parse (const char  *xml,
                  gssize       length,
                  GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(CfAppdata) appdata = g_new0 (CfAppdata, 1);
  ParseState state = { 0, };
  gboolean ok;

  state.appdata = appdata;
  state.text = g_string_new (NULL);
  state.notes = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  ok = g_markup_parse_context_parse (context, xml, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_string_free (state.text, TRUE);
  appdata->release_notes = g_string_free (state.notes, FALSE);
  g_slist_free_full (state.stack, g_free);
  g_free (state.url_type);

  return ok ? g_steal_pointer (&appdata) : NULL;
}

void
cf_appdata_free (CfAppdata *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->summary);
  g_free (self->developer);
  g_free (self->homepage);
  g_free (self->bugtracker);
  g_free (self->license);
  g_free (self->version);
  g_free (self->release_notes);
  g_free (self);
}

/**
 * cf_about_window_new:
 *
 * Returns: (transfer full): the About window, filled from the metainfo
 */
GtkWidget *
cf_about_window_new (GtkWindow *parent)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CfAppdata) appdata = NULL;
  g_autoptr(GError) error = NULL;
  const char *developers[] = { NULL, NULL };
  GtkWidget *about = adw_about_window_new ();

  bytes = g_resources_lookup_data ("/io/github/cofactor/Cofactor/metainfo.xml", 0, &error);
  if (bytes != NULL)
    appdata = cf_appdata_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (appdata == NULL)
    {
      g_warning ("Could not read the metainfo: %s", error->message);
      appdata = g_new0 (CfAppdata, 1);
    }

  developers[0] = appdata->developer;

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  g_object_set (about,
                "application-icon", APP_ID,
                "application-name", appdata->name ? appdata->name : _("Cofactor"),
                "developer-name", appdata->developer,
                "developers", developers,
                "version", appdata->version ? appdata->version : PACKAGE_VERSION,
                "website", appdata->homepage,
                "issue-url", appdata->bugtracker,
                "license-type", g_strcmp0 (appdata->license, "GPL-3.0-or-later") == 0 ? GTK_LICENSE_GPL_3_0 : GTK_LICENSE_UNKNOWN,
                "comments", appdata->summary,
                "release-notes", appdata->release_notes,
                "release-notes-version", appdata->version,
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);

  return about;
}
