/* cf-knowledge.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-knowledge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cf-error.h"
#include "cf-knowledge.h"
#include "cf-knowledge-resources.h"

/**
 * CfKnowledge:
 *
 * The explanations behind the insights: pages with a title, paragraphs,
 * evidence notes with a strength label, and sources.  They are written
 * in data/knowledge/knowledge.json, compiled into the core as a
 * resource, and translated at run time: their strings reach the .pot
 * file through src/core/cf-knowledge-strings.c, which
 * build-aux/gen-knowledge-strings.py generates from the JSON.
 *
 * #CfKnowledge is a #GListModel of #CfKnowledgePage in file order.
 */

#define RESOURCE_PATH "/io/github/cofactor/Cofactor/knowledge/knowledge.json"

struct _CfKnowledgePage
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  GStrv       paragraphs;
  GStrv       evidence_levels;
  GStrv       evidence_texts;
  GPtrArray  *sources;
  GStrv       related;
};

struct _CfKnowledge
{
  GObject     parent_instance;
  GPtrArray  *pages;
};

static void cf_knowledge_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (CfKnowledgePage, cf_knowledge_page, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (CfKnowledge, cf_knowledge, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_knowledge_list_model_init))

/* Evidence strength, weakest last */
static const struct {
  const char *key;
  const char *name;
  const char *description;
} evidence_levels[] = {
  { "consensus",
    /* Translators: an evidence strength label */
    N_("Expert consensus"),
    N_("Values set by expert bodies from the evidence they reviewed.") },
  { "trial",
    /* Translators: an evidence strength label */
    N_("Randomised trial"),
    N_("Can show cause and effect, but may measure markers rather than disease.") },
  { "observational",
    /* Translators: an evidence strength label */
    N_("Observational studies"),
    N_("An association in a population; it does not prove cause and effect.") },
  { "laboratory",
    /* Translators: an evidence strength label */
    N_("Laboratory and animal studies"),
    N_("Cell, animal or mechanism studies, which may not carry over to people.") },
  { "limited",
    /* Translators: an evidence strength label */
    N_("Limited evidence"),
    N_("Little or mixed evidence.") },
};

static void
source_free (CfKnowledgeSource *source)
{
  g_free (source->citation);
  g_free (source->url);
  g_free (source);
}

static void
cf_knowledge_page_finalize (GObject *object)
{
  CfKnowledgePage *self = (CfKnowledgePage *) object;

  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->paragraphs);
  g_strfreev (self->evidence_levels);
  g_strfreev (self->evidence_texts);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_strfreev (self->related);

  G_OBJECT_CLASS (cf_knowledge_page_parent_class)->finalize (object);
}

static void
cf_knowledge_page_class_init (CfKnowledgePageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_knowledge_page_finalize;
}

static void
cf_knowledge_page_init (CfKnowledgePage *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
}

static GType
cf_knowledge_get_item_type (GListModel *model)
{
  return CF_TYPE_KNOWLEDGE_PAGE;
}

static guint
cf_knowledge_get_n_items (GListModel *model)
{
  return CF_KNOWLEDGE (model)->pages->len;
}

static gpointer
cf_knowledge_get_item (GListModel *model,
                       guint       position)
{
  CfKnowledge *self = CF_KNOWLEDGE (model);

  if (position >= self->pages->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->pages, position));
}

static void
cf_knowledge_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cf_knowledge_get_item_type;
  iface->get_n_items = cf_knowledge_get_n_items;
  iface->get_item = cf_knowledge_get_item;
}

static void
cf_knowledge_finalize (GObject *object)
{
  CfKnowledge *self = (CfKnowledge *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_knowledge_parent_class)->finalize (object);
}

static void
cf_knowledge_class_init (CfKnowledgeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_knowledge_finalize;
}

static void
cf_knowledge_init (CfKnowledge *self)
{
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Loading */

static const char *
get_string (JsonObject  *object,
            const char  *member,
            const char  *page_id,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("Knowledge page “%s”: “%s” must be a text"), page_id, member);
      return NULL;
    }

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char  *page_id,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    return NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (required && json_array_get_length (json_node_get_array (node)) == 0))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                   _("Knowledge page “%s”: “%s” must be a list that is not empty"), page_id, member);
      return NULL;
    }

  return json_node_get_array (node);
}

static GStrv
get_strings (JsonArray   *array,
             const char  *page_id,
             const char  *member,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: “%s” must hold texts only"), page_id, member);
          return NULL;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static CfKnowledgePage *
page_from_json (JsonNode  *node,
                GError   **error)
{
  g_autoptr(CfKnowledgePage) page = NULL;
  g_autoptr(GStrvBuilder) levels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *array;
  const char *id;
  const char *title;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("A knowledge page must be an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!(id = get_string (object, "id", "?", error)) ||
      !(title = get_string (object, "title", id, error)))
    return NULL;

  page = g_object_new (CF_TYPE_KNOWLEDGE_PAGE, NULL);
  page->id = g_strdup (id);
  page->title = g_strdup (title);

  if (!(array = get_array (object, "body", TRUE, id, error)) ||
      !(page->paragraphs = get_strings (array, id, "body", error)))
    return NULL;

  array = get_array (object, "evidence", FALSE, id, error);
  if (array == NULL && json_object_has_member (object, "evidence"))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *level, *text;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: an evidence note must be an object"), id);
          return NULL;
        }

      if (!(level = get_string (json_node_get_object (item), "level", id, error)) ||
          !(text = get_string (json_node_get_object (item), "text", id, error)))
        return NULL;

      if (!cf_evidence_level_is_valid (level))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: unknown evidence level “%s”"), id, level);
          return NULL;
        }

      g_strv_builder_add (levels, level);
      g_strv_builder_add (texts, text);
    }
  page->evidence_levels = g_strv_builder_end (levels);
  page->evidence_texts = g_strv_builder_end (texts);

  if (!(array = get_array (object, "sources", TRUE, id, error)))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      CfKnowledgeSource *source;
      JsonNode *url;
      JsonNode *background;
      const char *citation;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: a source must be an object"), id);
          return NULL;
        }

      if (!(citation = get_string (json_node_get_object (item), "citation", id, error)))
        return NULL;

      url = json_object_get_member (json_node_get_object (item), "url");
      if (url != NULL && !JSON_NODE_HOLDS_NULL (url) &&
          (!JSON_NODE_HOLDS_VALUE (url) || json_node_get_value_type (url) != G_TYPE_STRING))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: a source’s “url” must be a text or null"), id);
          return NULL;
        }

      background = json_object_get_member (json_node_get_object (item), "background");
      if (background != NULL &&
          (!JSON_NODE_HOLDS_VALUE (background) || json_node_get_value_type (background) != G_TYPE_BOOLEAN))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Knowledge page “%s”: a source’s “background” must be true or false"), id);
          return NULL;
        }

      source = g_new0 (CfKnowledgeSource, 1);
      source->background = background != NULL && json_node_get_boolean (background);
      source->citation = g_strdup (citation);
      source->url = (url != NULL && !JSON_NODE_HOLDS_NULL (url)) ? g_strdup (json_node_get_string (url)) : NULL;
      g_ptr_array_add (page->sources, source);
    }

  array = get_array (object, "related", FALSE, id, error);
  if (array == NULL && json_object_has_member (object, "related"))
    return NULL;
  if (!(page->related = get_strings (array, id, "related", error)))
    return NULL;

  return g_steal_pointer (&page);
}

/**
 * cf_knowledge_new_from_data:
 *
 * Reads a knowledge base in the format of data/knowledge/knowledge.json.
 * Page ids must be unique and pages may only name existing pages as
 * related.
 *
 * Returns: (transfer full): the knowledge base, or %NULL with @error
 */
CfKnowledge *
cf_knowledge_new_from_data (const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CfKnowledge) self = NULL;
  JsonNode *root;
  JsonNode *pages;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (pages = json_object_get_member (json_node_get_object (root), "pages")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (pages))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("The knowledge base has no list of pages"));
      return NULL;
    }

  self = g_object_new (CF_TYPE_KNOWLEDGE, NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (pages)); i++)
    {
      CfKnowledgePage *page = page_from_json (json_array_get_element (json_node_get_array (pages), i), error);

      if (page == NULL)
        return NULL;

      if (cf_knowledge_get_page (self, page->id) != NULL)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                       _("Two knowledge pages have the id “%s”"), page->id);
          g_object_unref (page);
          return NULL;
        }

      g_ptr_array_add (self->pages, page);
    }

  for (guint i = 0; i < self->pages->len; i++)
    {
      CfKnowledgePage *page = g_ptr_array_index (self->pages, i);

      for (guint r = 0; page->related[r] != NULL; r++)
        {
          if (cf_knowledge_get_page (self, page->related[r]) == NULL)
            {
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID,
                           _("Knowledge page “%s” names the unknown page “%s”"), page->id, page->related[r]);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&self);
}

/**
 * cf_knowledge_get_default:
 *
 * Returns: (transfer none): the knowledge base compiled into the
 *   program, loaded on first use
 */
CfKnowledge *
cf_knowledge_get_default (void)
{
  static CfKnowledge *knowledge;

  if (g_once_init_enter (&knowledge))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      CfKnowledge *loaded = NULL;

      /* Our own resource rather than the global ones, so that the
       * linker keeps it in the static core library */
      bytes = g_resource_lookup_data (cf_knowledge_data_get_resource (), RESOURCE_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        loaded = cf_knowledge_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

      if (loaded == NULL)
        {
          g_critical ("Could not load the knowledge base: %s", error->message);
          loaded = g_object_new (CF_TYPE_KNOWLEDGE, NULL);
        }

      g_once_init_leave (&knowledge, loaded);
    }

  return knowledge;
}

/**
 * cf_knowledge_get_page:
 *
 * Returns: (transfer none) (nullable): the page with @id, or %NULL
 */
CfKnowledgePage *
cf_knowledge_get_page (CfKnowledge *self,
                       const char  *id)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->pages->len; i++)
    {
      CfKnowledgePage *page = g_ptr_array_index (self->pages, i);

      if (strcmp (page->id, id) == 0)
        return page;
    }

  return NULL;
}

/* Pages */

const char *
cf_knowledge_page_get_id (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);

  return self->id;
}

/**
 * cf_knowledge_page_get_title:
 *
 * Returns: (transfer none): the translated title
 */
const char *
cf_knowledge_page_get_title (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->title);
}

guint
cf_knowledge_page_get_n_paragraphs (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), 0);

  return g_strv_length (self->paragraphs);
}

/**
 * cf_knowledge_page_get_paragraph:
 *
 * Returns: (transfer none): the translated paragraph
 */
const char *
cf_knowledge_page_get_paragraph (CfKnowledgePage *self,
                                 guint            index)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);
  g_return_val_if_fail (index < g_strv_length (self->paragraphs), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->paragraphs[index]);
}

guint
cf_knowledge_page_get_n_evidence (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), 0);

  return g_strv_length (self->evidence_levels);
}

/**
 * cf_knowledge_page_get_evidence_level:
 *
 * Returns: (transfer none): the evidence level key of a note, e.g.
 *   "observational"; see cf_evidence_level_get_name()
 */
const char *
cf_knowledge_page_get_evidence_level (CfKnowledgePage *self,
                                      guint            index)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);
  g_return_val_if_fail (index < g_strv_length (self->evidence_levels), NULL);

  return self->evidence_levels[index];
}

const char *
cf_knowledge_page_get_evidence_text (CfKnowledgePage *self,
                                     guint            index)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);
  g_return_val_if_fail (index < g_strv_length (self->evidence_texts), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->evidence_texts[index]);
}

/**
 * cf_knowledge_page_get_sources:
 *
 * Returns: (transfer none) (element-type CfKnowledgeSource): the
 *   sources, never empty
 */
GPtrArray *
cf_knowledge_page_get_sources (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);

  return self->sources;
}

/**
 * cf_knowledge_page_get_related:
 *
 * Returns: (transfer none): ids of related pages
 */
const char * const *
cf_knowledge_page_get_related (CfKnowledgePage *self)
{
  g_return_val_if_fail (CF_IS_KNOWLEDGE_PAGE (self), NULL);

  return (const char * const *) self->related;
}

gboolean
cf_evidence_level_is_valid (const char *level)
{
  for (guint i = 0; level != NULL && i < G_N_ELEMENTS (evidence_levels); i++)
    {
      if (strcmp (level, evidence_levels[i].key) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * cf_evidence_level_get_name:
 *
 * Returns: (transfer none): the translated label of an evidence level,
 *   e.g. "Observational studies", or @level when unknown
 */
const char *
cf_evidence_level_get_name (const char *level)
{
  for (guint i = 0; level != NULL && i < G_N_ELEMENTS (evidence_levels); i++)
    {
      if (strcmp (level, evidence_levels[i].key) == 0)
        return g_dgettext (GETTEXT_PACKAGE, evidence_levels[i].name);
    }

  return level;
}

/**
 * cf_evidence_level_get_description:
 *
 * Returns: (transfer none) (nullable): a translated sentence on what the
 *   level means
 */
const char *
cf_evidence_level_get_description (const char *level)
{
  for (guint i = 0; level != NULL && i < G_N_ELEMENTS (evidence_levels); i++)
    {
      if (strcmp (level, evidence_levels[i].key) == 0)
        return g_dgettext (GETTEXT_PACKAGE, evidence_levels[i].description);
    }

  return NULL;
}
