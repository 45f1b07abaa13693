/* cf-food-results.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-food-results"

#include "config.h"

#include "cf-food-results.h"

/**
 * CfFoodResults:
 *
 * The results of a food search as a #GListModel that loads itself a
 * page at a time, off the main thread: a list view shows the first page
 * at once, and scrolling near the end of what is loaded fetches the
 * next.  Nothing ever loads the whole food table.  A new query cancels
 * the one in flight and replaces the items in one change.  The same
 * model ranks foods by a nutrient (cf_food_results_set_ranking()).
 */
struct _CfFoodResults
{
  GObject         parent_instance;

  CfFoodStore    *store;
  GPtrArray      *items;
  char           *text;
  char           *group_code;
  CfSearchFlags   flags;
  CfSearchCursor  cursor;
  int             figure;
  CfRankBasis     basis;
  CfRankCursor    rank_cursor;
  GCancellable   *cancellable;
  GError         *error;
  char           *corrected;
  guint           generation;
  gboolean        loading;
  gboolean        complete;
  gboolean        replacing;
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_CORRECTED,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfFoodResults, cf_food_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CfFoodResults *self;
  guint          generation;
} LoadData;

static void load_more (CfFoodResults *self);

static void
set_loading (CfFoodResults *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(CfFoodResults) self = data->self;
  g_autoptr(GPtrArray) foods = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrected = NULL;
  CfSearchCursor next = CF_SEARCH_CURSOR_INIT;
  guint generation = data->generation;
  guint position;
  guint removed;

  g_free (data);

  if (g_task_get_source_tag (G_TASK (result)) == cf_food_store_rank_async)
    {
      CfRankCursor rank_next;

      foods = cf_food_store_rank_finish (CF_FOOD_STORE (source), result, &rank_next, &error);
      if (foods != NULL && generation == self->generation)
        {
          self->rank_cursor = rank_next;
          /* Map the ranking's end onto the search cursor's */
          next.tier = cf_rank_cursor_is_end (&rank_next) ? G_MAXUINT : 0;
          next.after = 0;
        }
    }
  else
    foods = cf_food_store_search_finish (CF_FOOD_STORE (source), result, &next, &corrected, &error);

  /* A newer query replaced this one */
  if (generation != self->generation)
    return;

  /* The first page says whether a word was corrected */
  if (self->replacing && g_strcmp0 (corrected, self->corrected) != 0)
    {
      g_free (self->corrected);
      self->corrected = g_steal_pointer (&corrected);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTED]);
    }

  set_loading (self, FALSE);

  if (foods == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          guint old = self->replacing ? self->items->len : 0;

          if (old > 0)
            {
              g_ptr_array_set_size (self->items, 0);
              g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
            }
          self->replacing = FALSE;
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          self->complete = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
        }
      return;
    }

  self->cursor = next;

  /* The first page of a new query replaces the old items in one change */
  removed = 0;
  if (self->replacing)
    {
      removed = self->items->len;
      g_ptr_array_set_size (self->items, 0);
      self->replacing = FALSE;
    }

  position = self->items->len;
  for (guint i = 0; i < foods->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (foods, i)));

  if (cf_search_cursor_is_end (&next) || foods->len == 0)
    {
      self->complete = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }

  if (foods->len > 0 || removed > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, foods->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static void
load_more (CfFoodResults *self)
{
  LoadData *data;

  if (self->loading || self->complete)
    return;

  set_loading (self, TRUE);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;

  if (self->figure >= 0)
    cf_food_store_rank_async (self->store, self->figure, self->basis, self->flags, self->group_code,
                              &self->rank_cursor, CF_FOOD_RESULTS_PAGE, self->cancellable,
                              load_done_cb, data);
  else
    cf_food_store_search_async (self->store, self->text, self->flags, self->group_code, &self->cursor,
                                CF_FOOD_RESULTS_PAGE, self->cancellable, load_done_cb, data);
}

static GType
get_item_type (GListModel *model)
{
  return CF_TYPE_FOOD;
}

static guint
get_n_items (GListModel *model)
{
  return CF_FOOD_RESULTS (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CfFoodResults *self = CF_FOOD_RESULTS (model);

  if (position >= self->items->len)
    return NULL;

  /* A view showing one of the last items wants the next page (not while
   * the items are those of the previous query) */
  if (!self->replacing && position + CF_FOOD_RESULTS_PREFETCH >= self->items->len)
    load_more (self);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cf_food_results_dispose (GObject *object)
{
  CfFoodResults *self = (CfFoodResults *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_food_results_parent_class)->dispose (object);
}

static void
cf_food_results_finalize (GObject *object)
{
  CfFoodResults *self = (CfFoodResults *) object;

  g_free (self->text);
  g_free (self->group_code);
  g_free (self->corrected);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cf_food_results_parent_class)->finalize (object);
}

static void
cf_food_results_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfFoodResults *self = CF_FOOD_RESULTS (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_CORRECTED:
      g_value_set_string (value, self->corrected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_food_results_class_init (CfFoodResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_food_results_dispose;
  object_class->finalize = cf_food_results_finalize;
  object_class->get_property = cf_food_results_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CfFoodResults:corrected:
   *
   * The query as searched when a word of it matched nothing and was
   * corrected ("chese" → "cheese"), else %NULL.
   */
  properties[PROP_CORRECTED] =
    g_param_spec_string ("corrected", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_food_results_init (CfFoodResults *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->figure = -1;
}

CfFoodResults *
cf_food_results_new (CfFoodStore *store)
{
  CfFoodResults *self;

  g_return_val_if_fail (CF_IS_FOOD_STORE (store), NULL);

  self = g_object_new (CF_TYPE_FOOD_RESULTS, NULL);
  self->store = g_object_ref (store);

  return self;
}

/**
 * cf_food_results_set_query:
 * @text: the search text; empty lists every food in rank order
 * @flags: the sources, or 0 for all
 * @group_code: (nullable): only this food group
 *
 * Starts a new search, cancelling the one in flight.  The old items
 * stay until the first page of the new ones arrives, so the list does
 * not flash empty while typing.
 */
static void restart (CfFoodResults *self);

void
cf_food_results_set_query (CfFoodResults *self,
                           const char    *text,
                           CfSearchFlags  flags,
                           const char    *group_code)
{
  g_return_if_fail (CF_IS_FOOD_RESULTS (self));

  self->figure = -1;
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  g_free (self->group_code);
  self->group_code = g_strdup (group_code);
  self->flags = flags;

  restart (self);
}

/**
 * cf_food_results_set_ranking:
 * @figure: what to rank by
 * @basis: per 100 g, per 100 kcal or per serving
 * @flags: the sources, or 0 for all
 * @group_code: (nullable): only this food group
 *
 * Lists foods by @figure, highest first, leaving out foods without a
 * value for it; replaces the current query like
 * cf_food_results_set_query().
 */
void
cf_food_results_set_ranking (CfFoodResults *self,
                             CfRankFigure   figure,
                             CfRankBasis    basis,
                             CfSearchFlags  flags,
                             const char    *group_code)
{
  g_return_if_fail (CF_IS_FOOD_RESULTS (self));

  self->figure = figure;
  self->basis = basis;
  g_free (self->text);
  self->text = g_strdup ("");
  g_free (self->group_code);
  self->group_code = g_strdup (group_code);
  self->flags = flags;

  restart (self);
}

/**
 * cf_food_results_get_ranking:
 * @basis: (out) (optional): the basis of the ranking
 *
 * Returns: the figure foods are ranked by, or -1 for a search
 */
int
cf_food_results_get_ranking (CfFoodResults *self,
                             CfRankBasis   *basis)
{
  g_return_val_if_fail (CF_IS_FOOD_RESULTS (self), -1);

  if (basis != NULL)
    *basis = self->basis;

  return self->figure;
}

static void
restart (CfFoodResults *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  self->cursor = (CfSearchCursor) CF_SEARCH_CURSOR_INIT;
  self->rank_cursor = (CfRankCursor) CF_RANK_CURSOR_INIT;
  g_clear_error (&self->error);

  self->replacing = TRUE;
  self->complete = FALSE;
  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);

  load_more (self);
}

gboolean
cf_food_results_get_loading (CfFoodResults *self)
{
  g_return_val_if_fail (CF_IS_FOOD_RESULTS (self), FALSE);

  return self->loading;
}

/**
 * cf_food_results_get_complete:
 *
 * Returns: %TRUE when every result is loaded (or the query failed)
 */
gboolean
cf_food_results_get_complete (CfFoodResults *self)
{
  g_return_val_if_fail (CF_IS_FOOD_RESULTS (self), FALSE);

  return self->complete;
}

/**
 * cf_food_results_get_error:
 *
 * Returns: (nullable): why the last query failed
 */
const GError *
cf_food_results_get_error (CfFoodResults *self)
{
  g_return_val_if_fail (CF_IS_FOOD_RESULTS (self), NULL);

  return self->error;
}

/**
 * cf_food_results_get_corrected:
 *
 * Returns: (nullable): the query as searched when a word was corrected
 */
const char *
cf_food_results_get_corrected (CfFoodResults *self)
{
  g_return_val_if_fail (CF_IS_FOOD_RESULTS (self), NULL);

  return self->corrected;
}
