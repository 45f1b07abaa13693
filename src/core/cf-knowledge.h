/* cf-knowledge.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CfKnowledgeSource:
 * @citation: the reference, as written in the knowledge base (not
 *   translated)
 * @url: (nullable): where it can be read, or %NULL
 * @background: background reading (the anonymous consumer articles the
 *   app's brief started from) rather than a source of the page's
 *   claims, which cite primary studies and reference tables
 */
typedef struct
{
  char     *citation;
  char     *url;
  gboolean  background;
} CfKnowledgeSource;

#define CF_TYPE_KNOWLEDGE_PAGE (cf_knowledge_page_get_type ())
#define CF_TYPE_KNOWLEDGE (cf_knowledge_get_type ())

G_DECLARE_FINAL_TYPE (CfKnowledgePage, cf_knowledge_page, CF, KNOWLEDGE_PAGE, GObject)
G_DECLARE_FINAL_TYPE (CfKnowledge, cf_knowledge, CF, KNOWLEDGE, GObject)

const char              *cf_knowledge_page_get_id             (CfKnowledgePage *self);
const char              *cf_knowledge_page_get_title          (CfKnowledgePage *self);
guint                    cf_knowledge_page_get_n_paragraphs   (CfKnowledgePage *self);
const char              *cf_knowledge_page_get_paragraph      (CfKnowledgePage *self,
                                                               guint            index);
guint                    cf_knowledge_page_get_n_evidence     (CfKnowledgePage *self);
const char              *cf_knowledge_page_get_evidence_level (CfKnowledgePage *self,
                                                               guint            index);
const char              *cf_knowledge_page_get_evidence_text  (CfKnowledgePage *self,
                                                               guint            index);
GPtrArray               *cf_knowledge_page_get_sources        (CfKnowledgePage *self);
const char * const      *cf_knowledge_page_get_related        (CfKnowledgePage *self);

CfKnowledge             *cf_knowledge_get_default             (void);
CfKnowledge             *cf_knowledge_new_from_data           (const char      *data,
                                                               gsize            length,
                                                               GError         **error);
CfKnowledgePage         *cf_knowledge_get_page                (CfKnowledge     *self,
                                                               const char      *id);

gboolean                 cf_evidence_level_is_valid           (const char      *level);
const char              *cf_evidence_level_get_name           (const char      *level);
const char              *cf_evidence_level_get_description    (const char      *level);

G_END_DECLS
