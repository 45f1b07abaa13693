/* cf-insight-card.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-insight-card"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-insight-card.h"
#include "cf-nutrient-format.h"

/**
 * CfInsightCard:
 *
 * One insight as a card: its severity as an icon, a colour and a word
 * (never colour alone), its title and summary, a button that opens the
 * knowledge page explaining it, and a list that unfolds with the foods
 * that help, each of which opens in the Foods view.  The buttons use the
 * `insights.read-more` and `insights.show-food` actions of the view
 * the card is in.
 */
struct _CfInsightCard
{
  AdwBin       parent_instance;

  CfInsight   *insight;

  GtkWidget   *card;
  GtkImage    *icon;
  GtkLabel    *severity_label;
  GtkLabel    *title_label;
  GtkLabel    *summary_label;
  GtkButton   *read_more_button;
  GtkWidget   *foods_button;
  GtkImage    *foods_arrow;
  GtkLabel    *foods_label;
  GtkRevealer *foods_revealer;
  GtkListBox  *foods_list;
};

G_DEFINE_FINAL_TYPE (CfInsightCard, cf_insight_card, ADW_TYPE_BIN)

static const struct {
  const char *icon;
  const char *css;
} severities[] = {
  [CF_INSIGHT_SEVERITY_INFO] = { "dialog-information-symbolic", "severity-info" },
  [CF_INSIGHT_SEVERITY_ATTENTION] = { "emblem-important-symbolic", "severity-attention" },
  [CF_INSIGHT_SEVERITY_WARNING] = { "dialog-warning-symbolic", "severity-warning" },
};

/**
 * cf_insight_format_amount:
 *
 * Formats an amount of @intake (in cf_intake_get_unit()) for display,
 * with vitamin D in µg or IU as the user chose.
 *
 * Returns: (transfer full): e.g. "320 mg", "400 IU"
 */
char *
cf_insight_format_amount (CfIntake intake,
                          double   value)
{
  if (intake == CF_INTAKE_VITAMIN_D && cf_format_get_vitamin_d_iu () && !isnan (value))
    /* Translators: an amount of vitamin D in international units */
    return g_strdup_printf (_("%.0f IU"), cf_vitamin_d_ug_to_iu (value));

  return cf_intake_format_value (intake, value);
}

/**
 * cf_food_id_get_source_name:
 *
 * Returns: (transfer none): where a food's values come from, by its id
 */
const char *
cf_food_id_get_source_name (const char *food_id)
{
  if (g_str_has_prefix (food_id, "usda:"))
    return _("USDA SR28");
  if (g_str_has_prefix (food_id, "k2:"))
    return _("Published vitamin K2 values");

  return _("Your food");
}

static GtkWidget *
build_food_row (const CfInsightFood *food)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = g_markup_escape_text (food->name, -1);
  g_autofree char *amount = cf_insight_format_amount (food->intake, food->per_serving);
  g_autofree char *serving = cf_insight_food_dup_serving (food);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  if (!isnan (food->per_100kcal))
    {
      g_autofree char *density = cf_insight_format_amount (food->intake, food->per_100kcal);

      /* Translators: under a food that helps: its amount of the
       * nutrient in a typical serving, the serving, the amount per
       * 100 kcal and where the values come from, e.g. "190 mg in 1 cup,
       * chopped (149 g) · 614 mg per 100 kcal · USDA SR28" */
      subtitle = g_strdup_printf (_("%s in %s · %s per 100 kcal · %s"), amount, serving, density,
                                  cf_food_id_get_source_name (food->id));
    }
  else
    /* Translators: under a food that helps: its amount of the nutrient
     * in a typical serving, the serving and where the values come
     * from, e.g. "190 mg in 1 cup, chopped (149 g) · USDA SR28" */
    subtitle = g_strdup_printf (_("%s in %s · %s"), amount, serving, cf_food_id_get_source_name (food->id));
  escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "insights.show-food");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", food->id);
  gtk_widget_set_tooltip_text (row, _("Show in Foods"));

  return row;
}

static void
fill (CfInsightCard *self)
{
  CfInsightSeverity severity = cf_insight_get_severity (self->insight);
  GPtrArray *foods = cf_insight_get_foods (self->insight);
  const char *page_id = cf_insight_get_page_id (self->insight);
  g_autofree char *description = NULL;

  g_assert (severity < G_N_ELEMENTS (severities));

  gtk_widget_add_css_class (self->card, severities[severity].css);
  gtk_image_set_from_icon_name (self->icon, severities[severity].icon);
  gtk_label_set_label (self->severity_label, cf_insight_severity_get_name (severity));
  gtk_label_set_label (self->title_label, cf_insight_get_title (self->insight));
  gtk_label_set_label (self->summary_label, cf_insight_get_summary (self->insight));

  if (page_id != NULL)
    {
      g_autofree char *read_more = NULL;

      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->read_more_button), "s", page_id);
      /* Translators: the accessible name of an insight's "Read More"
       * button; %s is the insight's title */
      read_more = g_strdup_printf (_("Read more about “%s”"), cf_insight_get_title (self->insight));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_more_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, read_more, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->read_more_button), page_id != NULL);

  for (guint i = 0; foods != NULL && i < foods->len; i++)
    gtk_list_box_append (self->foods_list, build_food_row (g_ptr_array_index (foods, i)));

  gtk_widget_set_visible (self->foods_button, foods != NULL && foods->len > 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->foods_button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);

  /* The card read as one: "Warning: title. summary" */
  /* Translators: what a screen reader says for an insight card: its
   * severity, e.g. "Warning", then its title */
  description = g_strdup_printf (_("%s: %s"), cf_insight_severity_get_name (severity),
                                 cf_insight_get_title (self->insight));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, cf_insight_get_summary (self->insight),
                                  -1);
}

static void
foods_toggled_cb (CfInsightCard *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->foods_button));

  gtk_revealer_set_reveal_child (self->foods_revealer, active);
  gtk_image_set_from_icon_name (self->foods_arrow, active ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->foods_button), GTK_ACCESSIBLE_STATE_EXPANDED, active, -1);
}

static void
cf_insight_card_dispose (GObject *object)
{
  CfInsightCard *self = (CfInsightCard *) object;

  g_clear_object (&self->insight);

  G_OBJECT_CLASS (cf_insight_card_parent_class)->dispose (object);
}

static void
cf_insight_card_class_init (CfInsightCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_insight_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-insight-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, card);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, icon);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, severity_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, read_more_button);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, foods_button);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, foods_arrow);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, foods_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, foods_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfInsightCard, foods_list);
  gtk_widget_class_bind_template_callback (widget_class, foods_toggled_cb);
}

static void
cf_insight_card_init (CfInsightCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_insight_card_new (CfInsight *insight)
{
  CfInsightCard *self;

  g_return_val_if_fail (CF_IS_INSIGHT (insight), NULL);

  self = g_object_new (CF_TYPE_INSIGHT_CARD, NULL);
  self->insight = g_object_ref (insight);
  fill (self);

  return GTK_WIDGET (self);
}

CfInsight *
cf_insight_card_get_insight (CfInsightCard *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT_CARD (self), NULL);

  return self->insight;
}

GtkWidget *
cf_insight_card_get_read_more_button (CfInsightCard *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT_CARD (self), NULL);

  return GTK_WIDGET (self->read_more_button);
}

GtkListBox *
cf_insight_card_get_foods_list (CfInsightCard *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT_CARD (self), NULL);

  return self->foods_list;
}
