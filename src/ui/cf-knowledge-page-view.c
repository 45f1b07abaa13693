/* cf-knowledge-page-view.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-knowledge-page-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-knowledge.h"
#include "cf-knowledge-page-view.h"

/**
 * CfKnowledgePageView:
 *
 * One page of the knowledge base, as the insights explain themselves:
 * its title, how strong the evidence is (labelled, with what each
 * label means), its paragraphs, its sources with their citations and
 * links, and the related pages, always ending with the medical
 * disclaimer.  Following a related page keeps a history to go back
 * through.  cf_knowledge_page_view_present() shows it in a window.
 */
struct _CfKnowledgePageView
{
  AdwBin             parent_instance;

  GPtrArray         *history;

  GtkScrolledWindow *scrolled;
  GtkWidget         *content_box;
  GtkLabel          *title_label;
  GtkWidget         *evidence_group;
  GtkBox            *evidence_box;
  GtkBox            *paragraphs_box;
  GtkWidget         *sources_group;
  GtkBox            *sources_box;
  GtkListBox        *related_list;
};

enum {
  PROP_0,
  PROP_PAGE_ID,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfKnowledgePageView, cf_knowledge_page_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

static GtkWidget *
build_evidence (const char *level,
                const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *badge = gtk_label_new (cf_evidence_level_get_name (level));
  GtkWidget *label = wrapped_label (text);
  const char *description = cf_evidence_level_get_description (level);
  g_autofree char *css = g_strdup_printf ("evidence-%s", level);

  gtk_widget_add_css_class (badge, "evidence-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (badge, description);

  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  if (description != NULL)
    {
      GtkWidget *meaning = wrapped_label (description);

      gtk_widget_add_css_class (meaning, "caption");
      gtk_widget_add_css_class (meaning, "dim-label");
      gtk_box_append (GTK_BOX (box), meaning);
    }

  return box;
}

static GtkWidget *
build_source (const CfKnowledgeSource *source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *citation = wrapped_label (source->citation);

  if (source->background)
    {
      /* Translators: above a source that is background reading (an
       * anonymous consumer article), not a source of the page's claims */
      GtkWidget *kind = wrapped_label (_("Background reading, not a source for the statements above"));

      gtk_widget_add_css_class (kind, "caption-heading");
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_box_append (GTK_BOX (box), kind);
    }

  gtk_label_set_selectable (GTK_LABEL (citation), TRUE);
  gtk_widget_add_css_class (citation, "caption");
  gtk_box_append (GTK_BOX (box), citation);

  if (source->url != NULL && *source->url != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (source->url, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);
      GtkWidget *link = wrapped_label (NULL);

      gtk_label_set_markup (GTK_LABEL (link), markup);
      gtk_widget_add_css_class (link, "caption");
      gtk_box_append (GTK_BOX (box), link);
    }

  return box;
}

static GtkWidget *
build_related_row (CfKnowledgePage *page)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = g_markup_escape_text (cf_knowledge_page_get_title (page), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "page-id", g_strdup (cf_knowledge_page_get_id (page)), g_free);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
fill (CfKnowledgePageView *self,
      CfKnowledgePage     *page)
{
  CfKnowledge *knowledge = cf_knowledge_get_default ();
  const char * const *related = cf_knowledge_page_get_related (page);
  GPtrArray *sources = cf_knowledge_page_get_sources (page);
  guint n_evidence = cf_knowledge_page_get_n_evidence (page);
  gboolean has_disclaimer = FALSE;
  GtkAdjustment *adjustment;

  gtk_label_set_label (self->title_label, cf_knowledge_page_get_title (page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->content_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cf_knowledge_page_get_title (page), -1);

  clear_box (self->evidence_box);
  for (guint i = 0; i < n_evidence; i++)
    gtk_box_append (self->evidence_box,
                    build_evidence (cf_knowledge_page_get_evidence_level (page, i),
                                    cf_knowledge_page_get_evidence_text (page, i)));
  gtk_widget_set_visible (self->evidence_group, n_evidence > 0);

  clear_box (self->paragraphs_box);
  for (guint i = 0; i < cf_knowledge_page_get_n_paragraphs (page); i++)
    {
      GtkWidget *label = wrapped_label (cf_knowledge_page_get_paragraph (page, i));

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (self->paragraphs_box, label);
    }

  /* The sources of the claims first, background reading after them */
  clear_box (self->sources_box);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; sources != NULL && i < sources->len; i++)
      {
        const CfKnowledgeSource *source = g_ptr_array_index (sources, i);

        if (source->background == (pass == 1))
          gtk_box_append (self->sources_box, build_source (source));
      }
  gtk_widget_set_visible (self->sources_group, sources != NULL && sources->len > 0);

  clear_list (self->related_list);
  for (guint i = 0; related != NULL && related[i] != NULL; i++)
    {
      CfKnowledgePage *other = cf_knowledge_get_page (knowledge, related[i]);

      if (other == NULL)
        continue;
      if (g_strcmp0 (related[i], CF_KNOWLEDGE_DISCLAIMER_PAGE) == 0)
        has_disclaimer = TRUE;
      gtk_list_box_append (self->related_list, build_related_row (other));
    }

  /* Every page leads to the disclaimer */
  if (!has_disclaimer && g_strcmp0 (cf_knowledge_page_get_id (page), CF_KNOWLEDGE_DISCLAIMER_PAGE) != 0)
    {
      CfKnowledgePage *disclaimer = cf_knowledge_get_page (knowledge, CF_KNOWLEDGE_DISCLAIMER_PAGE);

      if (disclaimer != NULL)
        gtk_list_box_append (self->related_list, build_related_row (disclaimer));
    }

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->content_box);
}

static void
related_activated_cb (CfKnowledgePageView *self,
                      GtkListBoxRow       *row,
                      GtkListBox          *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "page-id");

  if (id != NULL)
    cf_knowledge_page_view_show_page (self, id);
}

static void
cf_knowledge_page_view_finalize (GObject *object)
{
  CfKnowledgePageView *self = (CfKnowledgePageView *) object;

  g_ptr_array_unref (self->history);

  G_OBJECT_CLASS (cf_knowledge_page_view_parent_class)->finalize (object);
}

static void
cf_knowledge_page_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CfKnowledgePageView *self = CF_KNOWLEDGE_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE_ID:
      g_value_set_string (value, cf_knowledge_page_view_get_page_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, cf_knowledge_page_view_get_title (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cf_knowledge_page_view_get_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_knowledge_page_view_class_init (CfKnowledgePageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cf_knowledge_page_view_finalize;
  object_class->get_property = cf_knowledge_page_view_get_property;

  properties[PROP_PAGE_ID] =
    g_param_spec_string ("page-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-knowledge-page-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, content_box);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, paragraphs_box);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, sources_group);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, sources_box);
  gtk_widget_class_bind_template_child (widget_class, CfKnowledgePageView, related_list);
  gtk_widget_class_bind_template_callback (widget_class, related_activated_cb);
}

static void
cf_knowledge_page_view_init (CfKnowledgePageView *self)
{
  self->history = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

CfKnowledgePageView *
cf_knowledge_page_view_new (void)
{
  return g_object_new (CF_TYPE_KNOWLEDGE_PAGE_VIEW, NULL);
}

/**
 * cf_knowledge_page_view_show_page:
 *
 * Shows a page, after the current one in the history.
 *
 * Returns: %FALSE when there is no such page
 */
gboolean
cf_knowledge_page_view_show_page (CfKnowledgePageView *self,
                                  const char          *page_id)
{
  CfKnowledgePage *page;

  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);

  page = cf_knowledge_get_page (cf_knowledge_get_default (), page_id);
  if (page == NULL)
    return FALSE;

  if (g_strcmp0 (page_id, cf_knowledge_page_view_get_page_id (self)) == 0)
    return TRUE;

  g_ptr_array_add (self->history, g_strdup (page_id));
  fill (self, page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  return TRUE;
}

const char *
cf_knowledge_page_view_get_page_id (CfKnowledgePageView *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), NULL);

  if (self->history->len == 0)
    return NULL;

  return g_ptr_array_index (self->history, self->history->len - 1);
}

const char *
cf_knowledge_page_view_get_title (CfKnowledgePageView *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

gboolean
cf_knowledge_page_view_get_can_go_back (CfKnowledgePageView *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), FALSE);

  return self->history->len > 1;
}

/**
 * cf_knowledge_page_view_go_back:
 *
 * Returns: %FALSE when there was no page to go back to
 */
gboolean
cf_knowledge_page_view_go_back (CfKnowledgePageView *self)
{
  CfKnowledgePage *page;

  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), FALSE);

  if (self->history->len < 2)
    return FALSE;

  g_ptr_array_remove_index (self->history, self->history->len - 1);
  page = cf_knowledge_get_page (cf_knowledge_get_default (), cf_knowledge_page_view_get_page_id (self));
  g_assert (page != NULL);
  fill (self, page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  return TRUE;
}

/**
 * cf_knowledge_page_view_get_related_list:
 *
 * Returns: (transfer none): the list of related pages
 */
GtkListBox *
cf_knowledge_page_view_get_related_list (CfKnowledgePageView *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE_VIEW (self), NULL);

  return self->related_list;
}

static void
back_clicked_cb (CfKnowledgePageView *view)
{
  cf_knowledge_page_view_go_back (view);
}

static gboolean
go_back_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return cf_knowledge_page_view_go_back (user_data);
}

/**
 * cf_knowledge_page_view_present:
 * @parent: (nullable): a widget in the window the page is opened from
 *
 * Opens a page in its own window, with a back button for the related
 * pages followed from it.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when there
 *   is no such page
 */
GtkWindow *
cf_knowledge_page_view_present (GtkWidget  *parent,
                                const char *page_id)
{
  CfKnowledgePageView *view;
  GtkWidget *window, *box, *header, *title, *back;
  GtkEventController *shortcuts;
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  g_return_val_if_fail (page_id != NULL, NULL);

  if (cf_knowledge_get_page (cf_knowledge_get_default (), page_id) == NULL)
    return NULL;

  view = cf_knowledge_page_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  cf_knowledge_page_view_show_page (view, page_id);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 680);
  gtk_widget_set_size_request (window, 360, 294);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  title = adw_window_title_new (NULL, NULL);
  g_object_bind_property (view, "title", title, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (view, "title", window, "title", G_BINDING_SYNC_CREATE);

  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  g_object_bind_property (view, "can-go-back", back, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), view);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Escape closes, Alt+Left goes back */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_callback_action_new (go_back_cb, view, NULL)));
  gtk_widget_add_controller (window, shortcuts);

  /* Focus on the page itself: it opens at the top, with no text
   * selected */
  gtk_window_set_focus (GTK_WINDOW (window), view->content_box);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
