/* cf-foods-view.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-foods-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-food-editor.h"
#include "cf-food-groups.h"
#include "cf-food-results.h"
#include "cf-foods-view.h"
#include "cf-ranking.h"
#include "cf-recipe-editor.h"
#include "cf-supplement-dialog.h"
#include "cf-ui-util.h"

/**
 * CfFoodsView:
 *
 * The food database: search as you type over reference and custom
 * foods with filters by source and group, a list that loads pages as it
 * scrolls, and a food's detail.
 */

/* Source filter choices, in the order of the drop-down */
static const CfSearchFlags source_flags[] = {
  CF_SEARCH_ALL,
  CF_SEARCH_USDA,
  CF_SEARCH_K2,
  CF_SEARCH_CUSTOM,
  CF_SEARCH_SUPPLEMENTS,
  CF_SEARCH_RECIPES,
};

/* The last source choice: favourites, a list of their own */
#define SOURCE_FAVOURITES G_N_ELEMENTS (source_flags)

/* Figures offered in "Richest in …", K2 and the calcium cofactors first */
static const int sort_figures[] = {
  CF_RANK_FIGURE_VITAMIN_K2,
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK7),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MK4),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_MAGNESIUM),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_VITAMIN_D),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_CALCIUM),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_VITAMIN_K1),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_POTASSIUM),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_VITAMIN_C),
  CF_RANK_FIGURE_EPA_DHA,
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_ALA),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_PHOSPHORUS),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_FIBER),
  CF_RANK_FIGURE_FOR_NUTRIENT (CF_NUTRIENT_PROTEIN),
};

struct _CfFoodsView
{
  AdwBin          parent_instance;

  CfContext      *context;
  CfFoodResults  *results;
  GPtrArray      *group_codes;
  CfFoodDetail   *detail;

  GtkStack       *stack;
  GtkStack       *results_stack;
  GtkSearchEntry *search_entry;
  GtkDropDown    *source_dropdown;
  GtkDropDown    *group_dropdown;
  GtkDropDown    *sort_dropdown;
  GtkDropDown    *basis_dropdown;
  GListStore     *favourites;
  GArray         *sorts;
  gboolean        showing_favourites;
  GtkListView    *list_view;
  GtkLabel       *count_label;
  GtkLabel       *correction_label;
  AdwBin         *detail_bin;
  AdwWindowTitle *detail_title;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfFoodsView, cf_foods_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);

  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *value = gtk_label_new (NULL);

    gtk_widget_set_hexpand (box, TRUE);
    gtk_widget_add_css_class (value, "numeric");
    gtk_widget_set_margin_end (value, 12);
    gtk_box_append (GTK_BOX (row), box);
    gtk_box_append (GTK_BOX (row), value);
    gtk_list_item_set_child (item, row);
  }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CfFoodsView *self = user_data;
  CfFood *food = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_widget_get_first_child (row);
  GtkWidget *value = gtk_widget_get_next_sibling (box);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (name);
  g_autofree char *text = cf_food_dup_source_summary (food);
  g_autofree char *amount = NULL;
  g_autofree char *description = NULL;
  CfRankBasis basis;
  int figure = self->showing_favourites ? -1 : cf_food_results_get_ranking (self->results, &basis);

  /* The value a food was ranked by, e.g. "939.0 µg per 100 g" */
  if (figure >= 0)
    amount = cf_food_format_rank_value (food, figure, basis);

  gtk_label_set_label (GTK_LABEL (name), cf_food_get_display_name (food));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
  gtk_label_set_label (GTK_LABEL (value), amount ? amount : "");
  gtk_widget_set_visible (value, amount != NULL);

  description = amount ? g_strdup_printf ("%s; %s", amount, text) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cf_food_get_display_name (food),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static GListModel *
current_model (CfFoodsView *self)
{
  return self->showing_favourites ? G_LIST_MODEL (self->favourites) : G_LIST_MODEL (self->results);
}

static void
update_results_page (CfFoodsView *self)
{
  guint n = g_list_model_get_n_items (current_model (self));
  gboolean complete = self->showing_favourites || cf_food_results_get_complete (self->results);
  g_autofree char *count = NULL;

  if (n == 0 && complete)
    gtk_stack_set_visible_child_name (self->results_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->results_stack, "list");

  if (complete)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u food", "%u foods", n), n);
  else
    /* Translators: the number of foods loaded so far, more follow */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u+ food", "%u+ foods", n), n);
  gtk_label_set_label (self->count_label, count);
}

static void
update_correction (CfFoodsView *self)
{
  cf_show_correction (self->correction_label,
                      self->showing_favourites ? NULL : cf_food_results_get_corrected (self->results));
}

static void
set_model (CfFoodsView *self,
           GListModel  *model)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (self->list_view);

  gtk_single_selection_set_model (GTK_SINGLE_SELECTION (selection), model);
}

static void
load_favourites (CfFoodsView *self)
{
  g_autoptr(GPtrArray) foods = cf_food_store_list_favourites (cf_context_get_food_store (self->context), NULL);

  g_list_store_remove_all (self->favourites);
  for (guint i = 0; foods != NULL && i < foods->len; i++)
    g_list_store_append (self->favourites, g_ptr_array_index (foods, i));
}

static void
run_query (CfFoodsView *self)
{
  guint source = gtk_drop_down_get_selected (self->source_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *group_code = NULL;
  CfSearchFlags flags;

  if (group > 0 && group - 1 < self->group_codes->len)
    group_code = g_ptr_array_index (self->group_codes, group - 1);

  gtk_widget_set_visible (GTK_WIDGET (self->basis_dropdown), sort > 0 && sort <= self->sorts->len);

  if (source == SOURCE_FAVOURITES)
    {
      self->showing_favourites = TRUE;
      load_favourites (self);
      set_model (self, G_LIST_MODEL (self->favourites));
      update_results_page (self);
      update_correction (self);
      return;
    }

  if (self->showing_favourites)
    {
      self->showing_favourites = FALSE;
      set_model (self, G_LIST_MODEL (self->results));
    }

  flags = source < G_N_ELEMENTS (source_flags) ? source_flags[source] : CF_SEARCH_ALL;

  if (sort > 0 && sort <= self->sorts->len)
    cf_food_results_set_ranking (self->results, g_array_index (self->sorts, int, sort - 1),
                                 gtk_drop_down_get_selected (self->basis_dropdown), flags, group_code);
  else
    cf_food_results_set_query (self->results, text, flags, group_code);
}

static void
search_changed_cb (CfFoodsView *self)
{
  /* Typing searches by name again */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' &&
      gtk_drop_down_get_selected (self->sort_dropdown) != 0)
    {
      gtk_drop_down_set_selected (self->sort_dropdown, 0);
      return;
    }

  run_query (self);
}

static void
sort_changed_cb (CfFoodsView *self)
{
  /* Ranking lists every food in order: the name search would hide that */
  if (gtk_drop_down_get_selected (self->sort_dropdown) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }

  run_query (self);
}

static void
filter_changed_cb (CfFoodsView *self)
{
  run_query (self);
}

/* Enter in the search field opens the first result */
static void
search_activate_cb (CfFoodsView *self)
{
  g_autoptr(CfFood) first = g_list_model_get_item (current_model (self), 0);

  if (first != NULL)
    cf_foods_view_show_food (self, first);
}

static gboolean
search_key_pressed_cb (CfFoodsView     *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  if (g_list_model_get_n_items (current_model (self)) == 0)
    return FALSE;

  /* Into the list, on its first row */
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
activate_cb (CfFoodsView *self,
             guint        position,
             GtkListView *list)
{
  g_autoptr(CfFood) food = g_list_model_get_item (current_model (self), position);

  if (food != NULL)
    cf_foods_view_show_food (self, food);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfFoodsView *self = CF_FOODS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfFoodsView *self = CF_FOODS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Drop-down items that ellipsize, so long group names do not make the
 * view wider than a phone */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
set_ellipsizing_factory (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}

static void
food_saved_cb (CfFoodsView *self,
               CfFood      *food)
{
  run_query (self);
  if (food != NULL)
    cf_foods_view_show_food (self, food);
}

static void
food_deleted_cb (CfFoodsView *self)
{
  run_query (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
recipe_saved_cb (CfFoodsView *self,
                 CfRecipe    *recipe)
{
  g_autoptr(CfFood) food = cf_food_store_get_food (cf_context_get_food_store (self->context),
                                                   cf_recipe_get_id (recipe), NULL);

  food_saved_cb (self, food);
}

static void
present (CfFoodsView *self,
         GtkWindow   *window)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

/**
 * cf_foods_view_edit_food:
 * @food: (nullable): one of the user's foods, or %NULL for a new food
 *
 * Returns: (transfer none): the editor, already shown
 */
GtkWindow *
cf_foods_view_edit_food (CfFoodsView *self,
                         CfFood      *food)
{
  GtkWindow *editor;

  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  if (food != NULL && cf_food_get_kind (food) == CF_FOOD_KIND_RECIPE)
    {
      editor = GTK_WINDOW (cf_recipe_editor_new (self->context, cf_food_get_id (food)));
      g_signal_connect_object (editor, "saved", G_CALLBACK (recipe_saved_cb), self, G_CONNECT_SWAPPED);
    }
  else if (food != NULL && cf_food_get_kind (food) == CF_FOOD_KIND_SUPPLEMENT)
    {
      /* A supplement in its own terms: a unit and what one unit holds */
      editor = GTK_WINDOW (cf_supplement_dialog_new_for_food (self->context, food));
      g_signal_connect_object (editor, "saved", G_CALLBACK (food_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "deleted", G_CALLBACK (food_deleted_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      editor = GTK_WINDOW (cf_food_editor_new (self->context, food));
      g_signal_connect_object (editor, "saved", G_CALLBACK (food_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "deleted", G_CALLBACK (food_deleted_cb), self, G_CONNECT_SWAPPED);
    }

  present (self, editor);

  return editor;
}

/**
 * cf_foods_view_new_recipe:
 *
 * Returns: (transfer none): the recipe editor, already shown
 */
GtkWindow *
cf_foods_view_new_recipe (CfFoodsView *self)
{
  CfRecipeEditor *editor;

  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  editor = cf_recipe_editor_new (self->context, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (recipe_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

static void
new_food_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cf_foods_view_edit_food (CF_FOODS_VIEW (widget), NULL);
}

static void
new_recipe_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cf_foods_view_new_recipe (CF_FOODS_VIEW (widget));
}

static void
new_supplement_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfFoodsView *self = CF_FOODS_VIEW (widget);
  CfSupplementDialog *dialog = cf_supplement_dialog_new (self->context, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (food_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static void
edit_food_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfFoodsView *self = CF_FOODS_VIEW (widget);
  CfFood *food = cf_food_detail_get_food (self->detail);

  if (food != NULL && cf_food_get_source (food) == CF_FOOD_SOURCE_CUSTOM)
    cf_foods_view_edit_food (self, food);
}

static void
fill_sorts (CfFoodsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  /* The calcium cofactors first, then every other catalog nutrient */
  g_array_append_vals (self->sorts, sort_figures, G_N_ELEMENTS (sort_figures));
  for (guint n = 0; n < CF_N_NUTRIENTS; n++)
    {
      int figure = CF_RANK_FIGURE_FOR_NUTRIENT (n);
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sort_figures); i++)
        listed |= sort_figures[i] == figure;
      if (!listed)
        g_array_append_val (self->sorts, figure);
    }

  gtk_string_list_append (labels, _("Best match"));
  for (guint i = 0; i < self->sorts->len; i++)
    {
      /* Translators: a sort order, %s is a nutrient, e.g. "Richest in Magnesium" */
      g_autofree char *label = g_strdup_printf (_("Richest in %s"),
                                                cf_rank_figure_get_name (g_array_index (self->sorts, int, i)));
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (labels));
}

static void
fill_groups (CfFoodsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) groups = cf_food_store_list_groups (cf_context_get_food_store (self->context), NULL);

  gtk_string_list_append (labels, _("All food groups"));
  for (guint i = 0; groups != NULL && i + 1 < groups->len; i += 2)
    {
      g_ptr_array_add (self->group_codes, g_strdup (g_ptr_array_index (groups, i)));
      gtk_string_list_append (labels, cf_food_group_get_display_name (g_ptr_array_index (groups, i + 1)));
    }

  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (labels));
}

static void
cf_foods_view_constructed (GObject *object)
{
  CfFoodsView *self = (CfFoodsView *) object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;

  G_OBJECT_CLASS (cf_foods_view_parent_class)->constructed (object);

  self->results = cf_food_results_new (cf_context_get_food_store (self->context));
  g_signal_connect_object (self->results, "notify::n-items", G_CALLBACK (update_results_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "notify::complete", G_CALLBACK (update_results_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "notify::corrected", G_CALLBACK (update_correction), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->favourites = g_list_store_new (CF_TYPE_FOOD);
  g_signal_connect_object (self->favourites, "items-changed", G_CALLBACK (update_results_page), self, G_CONNECT_SWAPPED);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);

  self->detail = cf_food_detail_new (self->context);
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (self->detail));

  set_ellipsizing_factory (self->source_dropdown);
  set_ellipsizing_factory (self->group_dropdown);
  set_ellipsizing_factory (self->sort_dropdown);
  fill_groups (self);
  fill_sorts (self);
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->basis_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Custom foods change the results */
  g_signal_connect_object (cf_context_get_diary (self->context), "changed", G_CALLBACK (run_query),
                           self, G_CONNECT_SWAPPED);

  run_query (self);
}

static void
cf_foods_view_dispose (GObject *object)
{
  CfFoodsView *self = (CfFoodsView *) object;

  g_clear_object (&self->results);
  g_clear_object (&self->favourites);
  g_clear_pointer (&self->group_codes, g_ptr_array_unref);
  g_clear_pointer (&self->sorts, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_foods_view_parent_class)->dispose (object);
}

static void
cf_foods_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfFoodsView *self = CF_FOODS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_foods_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CfFoodsView *self = CF_FOODS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_foods_view_class_init (CfFoodsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_foods_view_constructed;
  object_class->dispose = cf_foods_view_dispose;
  object_class->get_property = cf_foods_view_get_property;
  object_class->set_property = cf_foods_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-foods-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, basis_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, correction_label);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, detail_bin);
  gtk_widget_class_bind_template_child (widget_class, CfFoodsView, detail_title);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "foods.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "foods.new-food", NULL, new_food_activated);
  gtk_widget_class_install_action (widget_class, "foods.new-recipe", NULL, new_recipe_activated);
  gtk_widget_class_install_action (widget_class, "foods.new-supplement", NULL, new_supplement_activated);
  gtk_widget_class_install_action (widget_class, "foods.edit-food", NULL, edit_food_activated);
  gtk_widget_class_install_action (widget_class, "foods.focus-search", NULL, focus_search_activated);
}

static void
cf_foods_view_init (CfFoodsView *self)
{
  GtkEventController *shortcuts;
  GtkEventController *keys;

  self->group_codes = g_ptr_array_new_with_free_func (g_free);
  self->sorts = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("foods.focus-search")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_named_action_new ("foods.back")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

CfFoodsView *
cf_foods_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_FOODS_VIEW, "context", context, NULL);
}

/**
 * cf_foods_view_search:
 *
 * Types @text into the search field.
 */
void
cf_foods_view_search (CfFoodsView *self,
                      const char  *text)
{
  g_return_if_fail (CF_IS_FOODS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);

  /* At once, without the entry's typing delay */
  search_changed_cb (self);
}

/**
 * cf_foods_view_get_correction:
 *
 * Returns: (nullable): the text shown under the search field when a
 *   misspelt word was corrected, or %NULL when none is shown
 */
const char *
cf_foods_view_get_correction (CfFoodsView *self)
{
  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->correction_label)))
    return NULL;

  return gtk_label_get_text (self->correction_label);
}

/**
 * cf_foods_view_get_results:
 *
 * Returns: (transfer none): the results shown
 */
GListModel *
cf_foods_view_get_results (CfFoodsView *self)
{
  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  return current_model (self);
}

/**
 * cf_foods_view_rank:
 * @figure: what to rank by
 * @basis: per 100 g, per 100 kcal or per serving
 *
 * Chooses "Richest in …" as a person would.
 */
void
cf_foods_view_rank (CfFoodsView  *self,
                    CfRankFigure  figure,
                    CfRankBasis   basis)
{
  g_return_if_fail (CF_IS_FOODS_VIEW (self));

  gtk_drop_down_set_selected (self->basis_dropdown, basis);
  for (guint i = 0; i < self->sorts->len; i++)
    if (g_array_index (self->sorts, int, i) == (int) figure)
      gtk_drop_down_set_selected (self->sort_dropdown, i + 1);
}

/**
 * cf_foods_view_set_source:
 * @source: the index of the source filter (0: all … last: favourites)
 */
void
cf_foods_view_set_source (CfFoodsView *self,
                          guint        source)
{
  g_return_if_fail (CF_IS_FOODS_VIEW (self));

  gtk_drop_down_set_selected (self->source_dropdown, source);
}

void
cf_foods_view_show_food (CfFoodsView *self,
                         CfFood      *food)
{
  g_return_if_fail (CF_IS_FOODS_VIEW (self));
  g_return_if_fail (CF_IS_FOOD (food));

  cf_food_detail_set_food (self->detail, food);
  adw_window_title_set_title (self->detail_title, cf_food_get_display_name (food));
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

/**
 * cf_foods_view_get_detail:
 *
 * Returns: (transfer none): the food detail
 */
CfFoodDetail *
cf_foods_view_get_detail (CfFoodsView *self)
{
  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  return self->detail;
}

const char *
cf_foods_view_get_page (CfFoodsView *self)
{
  g_return_val_if_fail (CF_IS_FOODS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
