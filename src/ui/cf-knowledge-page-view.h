/* cf-knowledge-page-view.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_KNOWLEDGE_DISCLAIMER_PAGE "disclaimer"

#define CF_TYPE_KNOWLEDGE_PAGE_VIEW (cf_knowledge_page_view_get_type ())

G_DECLARE_FINAL_TYPE (CfKnowledgePageView, cf_knowledge_page_view, CF, KNOWLEDGE_PAGE_VIEW, AdwBin)

CfKnowledgePageView *cf_knowledge_page_view_new          (void);
gboolean             cf_knowledge_page_view_show_page    (CfKnowledgePageView *self,
                                                          const char          *page_id);
const char          *cf_knowledge_page_view_get_page_id  (CfKnowledgePageView *self);
const char          *cf_knowledge_page_view_get_title    (CfKnowledgePageView *self);
gboolean             cf_knowledge_page_view_get_can_go_back (CfKnowledgePageView *self);
gboolean             cf_knowledge_page_view_go_back      (CfKnowledgePageView *self);
GtkListBox          *cf_knowledge_page_view_get_related_list (CfKnowledgePageView *self);

GtkWindow           *cf_knowledge_page_view_present      (GtkWidget           *parent,
                                                          const char          *page_id);

G_END_DECLS
