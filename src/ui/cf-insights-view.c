/* cf-insights-view.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-insights-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-date.h"
#include "cf-insight-card.h"
#include "cf-insight-engine.h"
#include "cf-insights-query.h"
#include "cf-insights-view-private.h"
#include "cf-knowledge-page-view.h"
#include "cf-ui-util.h"
#include "cf-nutrient-format.h"
#include "cf-ui-util.h"

/**
 * CfInsightsView:
 *
 * The insights over a range of days ending today (or a custom range):
 * the engine's findings as cards, most important first, each opening
 * its explanation and the foods that help; and three charts of the
 * chosen nutrient: its daily amounts against the target band and the
 * upper limit with a rolling average, the calcium to magnesium ratio,
 * and the foods it came from.
 *
 * Findings and chart series are computed off the main thread (the
 * engine and #CfInsightsQuery each on their own connection, from SQL
 * aggregates), then handed to the charts, which only draw what they
 * were given.  The view reloads when it is shown after the diary or
 * the profile changed, debounced while it is visible.
 */

/* The nutrients offered in the charts, in the drop-down's order */
typedef struct
{
  CfTargetId  target;
  CfIntake    intake;          /* when no target says which */
  CfUnit      display_unit;
  const char *name;
} ChartNutrient;

static const ChartNutrient chart_nutrients[] = {
  { CF_TARGET_CALCIUM, CF_INTAKE_CALCIUM, CF_UNIT_MG, N_("Calcium") },
  { CF_TARGET_MAGNESIUM, CF_INTAKE_MAGNESIUM, CF_UNIT_MG, N_("Magnesium") },
  { CF_TARGET_VITAMIN_D, CF_INTAKE_VITAMIN_D, CF_UNIT_UG, N_("Vitamin D") },
  { CF_TARGET_VITAMIN_K, CF_INTAKE_VITAMIN_K_TOTAL, CF_UNIT_UG, N_("Vitamin K (total)") },
  { CF_TARGET_VITAMIN_K2, CF_INTAKE_VITAMIN_K2, CF_UNIT_UG, N_("Vitamin K2") },
  { CF_TARGET_VITAMIN_C, CF_INTAKE_VITAMIN_C, CF_UNIT_MG, N_("Vitamin C") },
  { CF_TARGET_POTASSIUM, CF_INTAKE_POTASSIUM, CF_UNIT_MG, N_("Potassium") },
  { CF_TARGET_EPA_DHA, CF_INTAKE_EPA_DHA, CF_UNIT_MG, N_("Omega-3 EPA + DHA") },
  { CF_TARGET_ALA, CF_INTAKE_ALA, CF_UNIT_G, N_("Omega-3 ALA") },
};

#define DEFAULT_NUTRIENT 1     /* magnesium */

/* Range presets, in the drop-down's order; the last item is "custom" */
static const int range_presets[] = { 7, 30, 90, 365 };
#define RANGE_CUSTOM G_N_ELEMENTS (range_presets)
#define DEFAULT_RANGE 30
#define MAX_RANGE_DAYS 3650

/* Changes arriving in bursts (an import, several settings) wait this
 * long before a reload */
#define RELOAD_DELAY_MS 250

/* An upper limit further above the data than this is not drawn (it
 * would squash the bars); the legend says where it is */
#define LIMIT_HEADROOM 1.6

/* Height of one row of the top foods chart */
#define FOOD_ROW_HEIGHT 44

struct _CfInsightsView
{
  AdwBin           parent_instance;

  CfContext       *context;
  GSettings       *settings;
  CfInsightEngine *engine;
  CfInsightsQuery *query;
  GCancellable    *cancellable;
  guint            reload_id;
  guint            pending;
  gboolean         dirty;
  gboolean         updating;

  int              range_days;    /* 0 for a custom range */
  GDate            custom_first;
  GDate            custom_last;
  GDate            first;         /* the range of what is shown */
  GDate            last;
  guint            nutrient;

  CfSeries        *series;
  GPtrArray       *insights;
  CfTargets       *targets;       /* for the range's last day */

  /* Template */
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkDropDown     *range_dropdown;
  GtkLabel        *range_label;
  GtkRevealer     *custom_revealer;
  GtkMenuButton   *from_button;
  GtkMenuButton   *to_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  GtkLabel        *custom_error;
  GtkBox          *cards_box;
  GtkDropDown     *nutrient_dropdown;
  GtkLabel        *intake_title;
  CfChart         *intake_chart;
  GtkFlowBox      *intake_legend;
  GtkLabel        *intake_summary;
  GtkWidget       *goal_source_button;
  GtkLabel        *goal_source_label;
  CfChart         *ratio_chart;
  GtkFlowBox      *ratio_legend;
  GtkLabel        *ratio_summary;
  GtkLabel        *foods_title;
  CfChart         *foods_chart;
  GtkLabel        *foods_summary;
  GtkWidget       *foods_menu_button;

  /* Chart layers */
  CfChartLayer    *band_layer;
  CfChartLayer    *target_layer;
  CfChartLayer    *bar_layer;
  CfChartLayer    *average_layer;
  CfChartLayer    *limit_layer;
  CfChartLayer    *ratio_reference;
  CfChartLayer    *ratio_layer;
  CfChartLayer    *foods_layer;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfInsightsView, cf_insights_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void schedule_reload (CfInsightsView *self,
                             guint           delay_ms);

/* ------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------ */

static CfProfile *
load_profile (CfInsightsView *self)
{
  CfProfile *profile = cf_profile_new ();

  if (self->settings != NULL)
    cf_profile_load_settings (profile, self->settings);

  return profile;
}

static GDateTime *
date_time_for (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 12, 0, 0);
}

static char *
format_date (const GDate *day,
             const char  *format)
{
  return cf_day_format (day, format);
}

/* A short date, with the year only when it is not this one */
static char *
format_short_date (const GDate *day)
{
  GDate today;

  cf_day_set_today (&today);
  if (g_date_get_year (day) == g_date_get_year (&today))
    /* Translators: a short date in the current year, see
     * g_date_time_format(); e.g. "14 May" */
    return format_date (day, _("%-d %b"));

  /* Translators: a short date in another year, e.g. "14 May 2025" */
  return format_date (day, _("%-d %b %Y"));
}

static char *
format_range (const GDate *first,
              const GDate *last)
{
  g_autofree char *a = format_short_date (first);
  g_autofree char *b = format_short_date (last);

  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&a);

  /* Translators: a range of two dates, e.g. "1 May – 30 May" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* What one point of the chart covers, for the hover label */
static char *
format_point_days (CfInsightsView *self,
                   guint           index)
{
  GDate start, end;

  cf_series_get_point_days (self->series, index, &start, &end);

  switch (cf_series_get_bucket (self->series))
    {
    case CF_BUCKET_MONTH:
      /* Translators: a month, see g_date_time_format(); e.g. "May 2026" */
      return format_date (&start, _("%B %Y"));

    case CF_BUCKET_WEEK:
      return format_range (&start, &end);

    case CF_BUCKET_DAY:
    default:
      /* Translators: a date with its weekday, e.g. "Tuesday 14 May" */
      return format_date (&start, _("%A %-d %B"));
    }
}

/* The x axis labels, one per point */
static GStrv
make_x_labels (CfSeries        *series,
               CfAxisTimeUnit  *unit)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = cf_series_get_n_points (series);
  CfBucket bucket = cf_series_get_bucket (series);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;
      GDate start, end;

      cf_series_get_point_days (series, i, &start, &end);
      if (bucket == CF_BUCKET_MONTH)
        /* Translators: a month on a chart axis, e.g. "May 26"; see
         * g_date_time_format() */
        label = format_date (&start, _("%b %y"));
      else if (bucket == CF_BUCKET_DAY && n <= 7)
        /* Translators: a weekday on a chart axis, e.g. "Tue" */
        label = format_date (&start, _("%a"));
      else
        /* Translators: a day on a chart axis, e.g. "14 May" */
        label = format_date (bucket == CF_BUCKET_WEEK ? &end : &start, _("%-d %b"));

      g_strv_builder_add (builder, label);
    }

  *unit = bucket == CF_BUCKET_MONTH ? CF_AXIS_TIME_MONTH
        : bucket == CF_BUCKET_WEEK ? CF_AXIS_TIME_WEEK
        : CF_AXIS_TIME_DAY;

  return g_strv_builder_end (builder);
}

/* The range in words, for chart labels: "last 30 days", or the dates */
static char *
describe_range (CfInsightsView *self)
{
  if (self->range_days > 0)
    /* Translators: the range of a chart, e.g. "last 30 days" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "last %u day", "last %u days", self->range_days),
                            (guint) self->range_days);

  return format_range (&self->first, &self->last);
}

static const ChartNutrient *
current_nutrient (CfInsightsView *self)
{
  return &chart_nutrients[self->nutrient];
}

/* The intake plotted: what the target is compared with (EFSA's vitamin
 * K target is K1 only) */
static CfIntake
plotted_intake (const ChartNutrient *n,
                const CfTarget      *target)
{
  return target != NULL ? target->intake : n->intake;
}

static const char *
plotted_name (const ChartNutrient *n,
              CfIntake             intake)
{
  return intake == n->intake ? g_dgettext (GETTEXT_PACKAGE, n->name) : cf_intake_get_name (intake);
}

/* A value in the chart's unit (vitamin D in IU when chosen) */
static double
to_display (const ChartNutrient *n,
            CfIntake             intake,
            double               value)
{
  if (isnan (value))
    return NAN;
  if (intake == CF_INTAKE_VITAMIN_D && cf_format_get_vitamin_d_iu ())
    return cf_vitamin_d_ug_to_iu (value);

  return cf_unit_convert (value, cf_intake_get_unit (intake), n->display_unit);
}

static const char *
display_unit_symbol (const ChartNutrient *n,
                     CfIntake             intake)
{
  if (intake == CF_INTAKE_VITAMIN_D && cf_format_get_vitamin_d_iu ())
    /* Translators: the symbol of international units */
    return _("IU");

  return cf_unit_get_symbol (n->display_unit);
}

static void
legend_clear (GtkFlowBox *legend)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (legend))))
    gtk_flow_box_remove (legend, child);
}

static void
legend_add (GtkFlowBox *legend,
            const char *swatch_class,
            const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, "legend-swatch");
  if (swatch_class != NULL)
    gtk_widget_add_css_class (swatch, swatch_class);
  else
    gtk_widget_add_css_class (swatch, "none");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (legend, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

static const char *
chart_key (CfInsightsView *self,
           CfChart        *chart)
{
  if (chart == self->intake_chart)
    return "intake";
  if (chart == self->ratio_chart)
    return "ratio";
  return "foods";
}

/* ------------------------------------------------------------------
 * Rendering: from the loaded series and insights, never querying
 * ------------------------------------------------------------------ */

static void
render_range (CfInsightsView *self)
{
  g_autofree char *text = format_range (&self->first, &self->last);
  g_autofree char *from = format_short_date (&self->custom_first);
  g_autofree char *to = format_short_date (&self->custom_last);

  gtk_label_set_label (self->range_label, text);
  gtk_menu_button_set_label (self->from_button, from);
  gtk_menu_button_set_label (self->to_button, to);
}

static void
render_cards (CfInsightsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))))
    gtk_box_remove (self->cards_box, child);

  for (guint i = 0; self->insights != NULL && i < self->insights->len; i++)
    gtk_box_append (self->cards_box, cf_insight_card_new (g_ptr_array_index (self->insights, i)));
}

static char *
describe_intake_point (guint    index,
                       gpointer user_data)
{
  CfInsightsView *self = user_data;
  const ChartNutrient *n = current_nutrient (self);
  g_autofree char *when = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *average = NULL;
  GString *text;
  CfIntake intake;
  guint logged;
  double value, coverage;

  if (self->series == NULL || self->targets == NULL || index >= cf_series_get_n_points (self->series))
    return NULL;

  intake = plotted_intake (n, cf_targets_get (self->targets, n->target));
  when = format_point_days (self, index);
  text = g_string_new (when);

  logged = cf_series_get_point_logged_days (self->series, index);
  if (logged == 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("No food logged"));
      return g_string_free (text, FALSE);
    }

  value = cf_series_get_value (self->series, intake, index);
  amount = cf_insight_format_amount (intake, value);
  g_string_append_c (text, '\n');
  if (cf_series_get_bucket (self->series) == CF_BUCKET_DAY)
    /* Translators: in a chart's hover label: a nutrient and its amount
     * that day, e.g. "Magnesium: 289 mg" */
    g_string_append_printf (text, _("%s: %s"), plotted_name (n, intake), amount);
  else
    /* Translators: in a chart's hover label: a nutrient, its average a
     * day and over how many logged days, e.g. "Magnesium: 289 mg a day
     * (6 logged days)" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%s: %s a day (%u logged day)",
                                               "%s: %s a day (%u logged days)", logged),
                            plotted_name (n, intake), amount, logged);

  average = cf_insight_format_amount (intake, cf_series_get_rolling_average (self->series, intake, index));
  g_string_append_c (text, '\n');
  switch (cf_series_get_bucket (self->series))
    {
    case CF_BUCKET_MONTH:
      /* Translators: e.g. "3-month average: 300 mg" */
      g_string_append_printf (text, _("3-month average: %s"), average);
      break;

    case CF_BUCKET_WEEK:
      /* Translators: e.g. "4-week average: 300 mg" */
      g_string_append_printf (text, _("4-week average: %s"), average);
      break;

    case CF_BUCKET_DAY:
    default:
      /* Translators: e.g. "7-day average: 300 mg" */
      g_string_append_printf (text, _("7-day average: %s"), average);
      break;
    }

  coverage = cf_series_get_coverage (self->series, intake, index);
  if (!isnan (coverage) && coverage < CF_BAR_COMPLETE_COVERAGE)
    {
      g_autofree char *percent = cf_format_percent (coverage);

      g_string_append_c (text, '\n');
      /* Translators: e.g. "Data for 60 % of the food" */
      g_string_append_printf (text, _("Data for %s of the food"), percent);
    }

  return g_string_free (text, FALSE);
}

static void
render_intake_chart (CfInsightsView *self,
                     CfTargets      *targets)
{
  const ChartNutrient *n = current_nutrient (self);
  const CfTarget *target = cf_targets_get (targets, n->target);
  CfIntake intake = plotted_intake (n, target);
  guint points = cf_series_get_n_points (self->series);
  guint logged = cf_series_get_n_logged_days (self->series);
  g_autofree double *values = g_new (double, points);
  g_autofree double *coverage = g_new (double, points);
  g_autofree double *rolling = g_new (double, points);
  g_auto(GStrv) x_labels = NULL;
  g_autofree char *title = NULL;
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *limit_text = NULL;
  GString *summary;
  CfAxisTimeUnit unit;
  gboolean any_partial = FALSE, limit_shown = FALSE;
  double target_value = NAN, limit_value = NAN, top = 0, average, total_coverage;

  /* The series, in the chart's unit */
  for (guint i = 0; i < points; i++)
    {
      values[i] = to_display (n, intake, cf_series_get_value (self->series, intake, i));
      coverage[i] = cf_series_get_coverage (self->series, intake, i);
      rolling[i] = to_display (n, intake, cf_series_get_rolling_average (self->series, intake, i));
      if (!isnan (values[i]))
        top = MAX (top, values[i]);
      if (!isnan (rolling[i]))
        top = MAX (top, rolling[i]);
    }

  cf_bar_layer_set_values (CF_BAR_LAYER (self->bar_layer), values, coverage, points);
  for (guint i = 0; i < points && !any_partial; i++)
    any_partial = !isnan (values[i]) && cf_bar_layer_is_partial (CF_BAR_LAYER (self->bar_layer), i);

  if (target != NULL && cf_target_has_value (target))
    {
      target_value = cf_series_get_average_target (self->series, target);
      if (!isnan (target_value))
        target_text = cf_insight_format_amount (intake, target_value);
    }
  if (target != NULL && !isnan (target->limit))
    {
      limit_value = target->limit;
      limit_text = cf_insight_format_amount (intake, limit_value);
    }

  top = MAX (top, to_display (n, intake, isnan (target_value) ? 0 : target_value));
  /* The upper limit is drawn when it applies to the plotted amount
   * (not a supplements-only limit) and is not far above everything */
  if (!isnan (limit_value) && target->limit_scope == CF_LIMIT_SCOPE_ALL_SOURCES &&
      to_display (n, intake, limit_value) <= LIMIT_HEADROOM * MAX (top, 1e-9))
    {
      limit_shown = TRUE;
      top = MAX (top, to_display (n, intake, limit_value));
    }

  x_labels = make_x_labels (self->series, &unit);
  cf_chart_set_n_points (self->intake_chart, points);
  cf_chart_set_x_labels (self->intake_chart, (const char * const *) x_labels, unit);
  cf_chart_set_value_range (self->intake_chart, 0, top);

  cf_line_layer_set_values (CF_LINE_LAYER (self->average_layer), rolling, points);

  cf_rule_layer_set_value (CF_RULE_LAYER (self->band_layer), to_display (n, intake, target_value));
  cf_rule_layer_set_band_to (CF_RULE_LAYER (self->band_layer),
                             limit_shown ? to_display (n, intake, limit_value) : INFINITY);
  cf_rule_layer_set_value (CF_RULE_LAYER (self->target_layer), to_display (n, intake, target_value));
  cf_rule_layer_set_label (CF_RULE_LAYER (self->target_layer), target_text);
  cf_rule_layer_set_value (CF_RULE_LAYER (self->limit_layer), limit_shown ? to_display (n, intake, limit_value) : NAN);
  cf_rule_layer_set_label (CF_RULE_LAYER (self->limit_layer), limit_text);

  /* Beside the nutrient's name, e.g. "mg a day" */
  title = g_strdup_printf (_("%s a day"), display_unit_symbol (n, intake));
  gtk_label_set_label (self->intake_title, title);

  /* Legend */
  legend_clear (self->intake_legend);
  switch (cf_series_get_bucket (self->series))
    {
    case CF_BUCKET_MONTH:
      legend_add (self->intake_legend, "bars", _("Average a day, by month"));
      legend_add (self->intake_legend, "average", _("3-month average"));
      break;

    case CF_BUCKET_WEEK:
      legend_add (self->intake_legend, "bars", _("Average a day, by week"));
      legend_add (self->intake_legend, "average", _("4-week average"));
      break;

    case CF_BUCKET_DAY:
    default:
      legend_add (self->intake_legend, "bars", _("Each day"));
      legend_add (self->intake_legend, "average", _("7-day average"));
      break;
    }
  if (any_partial)
    {
      g_autofree char *percent = cf_format_percent (cf_insight_engine_get_thresholds ()->coverage_soften);
      g_autofree char *text = NULL;

      /* Translators: legend of the lighter bars, e.g. "Under 80 % of
       * the food with data" */
      text = g_strdup_printf (_("Under %s of the food with data"), percent);
      legend_add (self->intake_legend, "partial", text);
    }
  if (target_text != NULL)
    {
      g_autofree char *text = NULL;

      if (target->id == CF_TARGET_VITAMIN_K2)
        /* Translators: legend of a chart, e.g. "Personal goal 29.1 µg" */
        text = g_strdup_printf (_("Personal goal %s"), target_text);
      else
        /* Translators: legend of a chart, e.g. "Target 320 mg" */
        text = g_strdup_printf (_("Target %s"), target_text);
      legend_add (self->intake_legend, "target", text);
    }
  if (limit_text != NULL)
    {
      g_autofree char *text = NULL;

      if (target->limit_scope == CF_LIMIT_SCOPE_SUPPLEMENTS)
        /* Translators: legend of a chart, e.g. "Upper limit 350 mg, for
         * supplements only (not drawn)" */
        text = g_strdup_printf (_("Upper limit %s, for supplements only (not drawn)"), limit_text);
      else if (limit_shown)
        /* Translators: legend of a chart, e.g. "Upper limit 2,500 mg" */
        text = g_strdup_printf (_("Upper limit %s"), limit_text);
      else
        /* Translators: legend of a chart, e.g. "Upper limit 2,500 mg
         * (above the chart)" */
        text = g_strdup_printf (_("Upper limit %s (above the chart)"), limit_text);
      legend_add (self->intake_legend, limit_shown ? "limit" : NULL, text);
    }

  /* The text alternative, shown under the chart too */
  range = describe_range (self);
  /* Translators: a chart's name for screen readers: a nutrient and a
   * range, e.g. "Magnesium, last 30 days" */
  label = g_strdup_printf (_("%s, %s"), plotted_name (n, intake), range);

  summary = g_string_new (NULL);
  average = cf_series_get_average (self->series, intake);
  if (logged == 0)
    g_string_append (summary, _("No food is logged in this range."));
  else if (isnan (average))
    g_string_append (summary, _("None of the food logged in this range has a value for it."));
  else
    {
      g_autofree char *average_text = cf_insight_format_amount (intake, average);

      /* Translators: e.g. "Average 289 mg a day over 14 logged days." */
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                    "Average %s a day over %u logged day.",
                                                    "Average %s a day over %u logged days.", logged),
                              average_text, logged);
    }

  if (logged > 0 && target_text != NULL)
    {
      g_autofree char *source = cf_target_dup_source_label (target);
      guint evaluated = 0;
      guint below = cf_series_count_days_below (self->series, target, &evaluated);

      g_string_append_c (summary, ' ');
      if (target->id == CF_TARGET_VITAMIN_K2)
        /* Translators: e.g. "Personal goal 29.1 µg a day (Gast et al.
         * 2009)." */
        g_string_append_printf (summary, _("Personal goal %s a day (%s)."), target_text, source);
      else
        /* Translators: e.g. "Target 320 mg a day (NASEM, Recommended
         * Dietary Allowance (RDA), females 31-50 y)." */
        g_string_append_printf (summary, _("Target %s a day (%s)."), target_text, source);

      if (evaluated > 0)
        {
          g_string_append_c (summary, ' ');
          /* Translators: e.g. "Below it on 21 of 30 logged days." */
          g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                        "Below it on %u of %u logged day.",
                                                        "Below it on %u of %u logged days.", evaluated),
                                  below, evaluated);
        }
    }

  /* Where the upper limit comes from, or that none is checked */
  if (logged > 0 && target != NULL && limit_text != NULL)
    {
      g_autofree char *limit_source = cf_target_dup_limit_source_label (target);

      g_string_append_c (summary, ' ');
      if (limit_source != NULL && target->limit_fallback)
        /* Translators: e.g. "Upper limit 100 µg a day (EFSA, adults
         * >=18 y; D-A-CH sets none)." */
        g_string_append_printf (summary, _("Upper limit %s a day (%s; %s sets none)."), limit_text, limit_source,
                                cf_reference_set_get_short_name (target->set));
      else if (limit_source != NULL)
        /* Translators: e.g. "Upper limit 2500 mg a day (NASEM, females
         * 31-50 y)." */
        g_string_append_printf (summary, _("Upper limit %s a day (%s)."), limit_text, limit_source);
    }
  else if (logged > 0 && target != NULL && target->limit_explanation != NULL)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, target->limit_explanation);
    }

  /* The short reference of the K2 goal is in the text; the full one a
   * click away */
  if (target != NULL && target->citation != NULL && !target->overridden)
    {
      g_autofree char *escaped = g_markup_escape_text (target->citation, -1);
      g_autofree char *markup = NULL;

      if (target->source_url != NULL)
        {
          g_autofree char *url = g_markup_escape_text (target->source_url, -1);

          markup = g_strdup_printf ("%s\n<a href=\"%s\">%s</a>", escaped, url, url);
        }
      else
        markup = g_strdup (escaped);
      gtk_label_set_markup (self->goal_source_label, markup);
      gtk_widget_set_visible (self->goal_source_button, TRUE);
    }
  else
    gtk_widget_set_visible (self->goal_source_button, FALSE);

  total_coverage = cf_series_get_total_coverage (self->series, intake);
  if (logged > 0 && !isnan (total_coverage) && total_coverage < CF_BAR_COMPLETE_COVERAGE)
    {
      g_autofree char *percent = cf_format_percent (total_coverage);

      g_string_append_c (summary, ' ');
      /* Translators: e.g. "Data for 65 % of the food logged, by weight." */
      g_string_append_printf (summary, _("Data for %s of the food logged, by weight."), percent);
    }

  gtk_label_set_label (self->intake_summary, summary->str);
  cf_chart_set_summary (self->intake_chart, label, summary->str);
  g_string_free (summary, TRUE);
}

static double
ratio_threshold (CfTargets *targets)
{
  const CfTarget *ca = cf_targets_get (targets, CF_TARGET_CALCIUM);
  const CfTarget *mg = cf_targets_get (targets, CF_TARGET_MAGNESIUM);
  const CfInsightRule *rules;
  double threshold = NAN;
  guint n_rules;

  /* The engine's rule, so the line is where its insight fires */
  rules = cf_insight_engine_get_rules (&n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      if (rules[i].kind == CF_INSIGHT_RULE_RATIO_ABOVE && rules[i].target == CF_TARGET_CALCIUM)
        threshold = rules[i].threshold;
    }

  if (!isnan (ca->value) && !isnan (mg->value) && mg->value > 0)
    threshold = isnan (threshold) ? ca->value / mg->value : MAX (threshold, ca->value / mg->value);

  return threshold;
}

static char *
format_ratio (double ratio)
{
  /* Translators: a ratio of two amounts, e.g. "2.8 : 1" */
  return g_strdup_printf (_("%.1f : 1"), ratio);
}

static char *
describe_ratio_point (guint    index,
                      gpointer user_data)
{
  CfInsightsView *self = user_data;
  g_autofree char *when = NULL;
  g_autofree char *ratio_text = NULL;
  g_autofree char *ca = NULL;
  g_autofree char *mg = NULL;
  double ratio;

  if (self->series == NULL || index >= cf_series_get_n_points (self->series))
    return NULL;

  when = format_point_days (self, index);
  if (cf_series_get_point_logged_days (self->series, index) == 0)
    return g_strdup_printf ("%s\n%s", when, _("No food logged"));

  ratio = cf_series_get_ratio (self->series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, index);
  if (isnan (ratio))
    return g_strdup_printf ("%s\n%s", when, _("No values for both calcium and magnesium"));

  ratio_text = format_ratio (ratio);
  ca = cf_insight_format_amount (CF_INTAKE_CALCIUM, cf_series_get_value (self->series, CF_INTAKE_CALCIUM, index));
  mg = cf_insight_format_amount (CF_INTAKE_MAGNESIUM, cf_series_get_value (self->series, CF_INTAKE_MAGNESIUM, index));

  /* Translators: a chart's hover label: the date, the ratio, then the
   * amounts, e.g. "Tuesday 14 May\n3.1 : 1\nCalcium 900 mg, magnesium
   * 290 mg" */
  return g_strdup_printf (_("%s\n%s\nCalcium %s, magnesium %s"), when, ratio_text, ca, mg);
}

static void
render_ratio_chart (CfInsightsView *self,
                    CfTargets      *targets)
{
  guint points = cf_series_get_n_points (self->series);
  g_autofree double *ratios = g_new (double, points);
  g_auto(GStrv) x_labels = NULL;
  g_autofree char *threshold_text = NULL;
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *legend = NULL;
  CfAxisTimeUnit unit;
  double threshold = ratio_threshold (targets);
  double overall, top = 0;
  guint evaluated = 0, above;

  for (guint i = 0; i < points; i++)
    {
      ratios[i] = cf_series_get_ratio (self->series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM, i);
      if (!isnan (ratios[i]))
        top = MAX (top, ratios[i]);
    }
  if (!isnan (threshold))
    top = MAX (top, threshold);

  x_labels = make_x_labels (self->series, &unit);
  cf_chart_set_n_points (self->ratio_chart, points);
  cf_chart_set_x_labels (self->ratio_chart, (const char * const *) x_labels, unit);
  cf_chart_set_value_range (self->ratio_chart, 0, top);
  cf_line_layer_set_values (CF_LINE_LAYER (self->ratio_layer), ratios, points);

  threshold_text = isnan (threshold) ? NULL : format_ratio (threshold);
  cf_rule_layer_set_value (CF_RULE_LAYER (self->ratio_reference), threshold);
  cf_rule_layer_set_label (CF_RULE_LAYER (self->ratio_reference), threshold_text);

  legend_clear (self->ratio_legend);
  legend_add (self->ratio_legend, "ratio",
              cf_series_get_bucket (self->series) == CF_BUCKET_DAY ? _("Each day") : _("Each period"));
  if (threshold_text != NULL)
    {
      /* Translators: legend of the ratio chart, e.g. "Flagged above
       * 3.2 : 1" */
      legend = g_strdup_printf (_("Flagged above %s"), threshold_text);
      legend_add (self->ratio_legend, "reference", legend);
    }

  range = describe_range (self);
  /* Translators: a chart's name for screen readers, e.g. "Calcium to
   * magnesium ratio, last 30 days" */
  label = g_strdup_printf (_("Calcium to magnesium ratio, %s"), range);

  overall = cf_series_get_overall_ratio (self->series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM);
  above = cf_series_count_ratio_days_above (self->series, CF_INTAKE_CALCIUM, CF_INTAKE_MAGNESIUM,
                                            isnan (threshold) ? INFINITY : threshold, &evaluated);
  if (evaluated == 0 || isnan (overall))
    summary = g_strdup (_("No logged day in this range has values for both calcium and magnesium."));
  else
    {
      g_autofree char *overall_text = format_ratio (overall);

      if (threshold_text != NULL)
        /* Translators: e.g. "2.9 : 1 overall; above 3.2 : 1 on 5 of 14
         * days with values for both." */
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s overall; above %s on %u of %u day with values for both.",
                                                "%s overall; above %s on %u of %u days with values for both.",
                                                evaluated),
                                   overall_text, threshold_text, above, evaluated);
      else
        /* Translators: e.g. "2.9 : 1 overall." */
        summary = g_strdup_printf (_("%s overall."), overall_text);
    }

  gtk_label_set_label (self->ratio_summary, summary);
  cf_chart_set_summary (self->ratio_chart, label, summary);
}

static char *
describe_food_point (guint    index,
                     gpointer user_data)
{
  CfInsightsView *self = user_data;
  const ChartNutrient *n = current_nutrient (self);
  g_autofree char *amount = NULL;
  g_autofree char *share = NULL;
  CfSeriesFood *food;
  GPtrArray *foods;
  CfIntake intake;
  double total;

  if (self->series == NULL || self->targets == NULL)
    return NULL;

  intake = plotted_intake (n, cf_targets_get (self->targets, n->target));
  foods = cf_series_get_top_foods (self->series, intake);
  if (foods == NULL || index >= foods->len)
    return NULL;

  food = g_ptr_array_index (foods, index);
  total = cf_series_get_top_foods_total (self->series, intake);
  amount = cf_insight_format_amount (intake, food->amount);
  share = cf_format_percent (total > 0 ? food->amount / total : NAN);

  /* Translators: a chart's hover label: a food, the amount of the
   * nutrient it gave in the range, and its share of the total, e.g.
   * "Spinach\n1240 mg in all, 22 % of the total" */
  return g_strdup_printf (_("%s\n%s in all, %s of the total"), food->name, amount, share);
}

static void
render_foods_chart (CfInsightsView *self,
                    CfTargets      *targets)
{
  const ChartNutrient *n = current_nutrient (self);
  CfIntake intake = plotted_intake (n, cf_targets_get (targets, n->target));
  GPtrArray *foods = cf_series_get_top_foods (self->series, intake);
  double total = cf_series_get_top_foods_total (self->series, intake);
  guint n_foods = foods ? foods->len : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new (double, MAX (n_foods, 1));
  g_autofree char *title = NULL;
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < n_foods; i++)
    {
      CfSeriesFood *food = g_ptr_array_index (foods, i);
      g_autofree char *amount = cf_insight_format_amount (intake, food->amount);
      g_autofree char *share = cf_format_percent (total > 0 ? food->amount / total : NAN);

      g_ptr_array_add (names, food->name);
      values[i] = food->amount;
      /* Translators: a food's amount of a nutrient over the range and
       * its share of the total, e.g. "1240 mg · 22 %" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s · %s"), amount, share));

      if (i > 0)
        /* Translators: the separator of a list of foods */
        g_string_append (summary, _(", "));
      /* Translators: a food and its share, e.g. "Spinach 22 %" */
      g_string_append_printf (summary, _("%s %s"), food->name, share);
    }

  cf_chart_set_n_points (self->foods_chart, n_foods);
  cf_hbar_layer_set_rows (CF_HBAR_LAYER (self->foods_layer),
                          (const char * const *) names->pdata, values,
                          (const char * const *) labels->pdata, n_foods);
  gtk_widget_set_size_request (GTK_WIDGET (self->foods_chart), -1, n_foods * FOOD_ROW_HEIGHT);
  gtk_widget_set_visible (GTK_WIDGET (self->foods_chart), n_foods > 0);
  gtk_widget_set_sensitive (self->foods_menu_button, n_foods > 0);

  /* Translators: a chart's title, e.g. "Where Your Magnesium Came From" */
  title = g_strdup_printf (_("Where Your %s Came From"), plotted_name (n, intake));
  gtk_label_set_label (self->foods_title, title);

  range = describe_range (self);
  /* Translators: a chart's name for screen readers, e.g. "Top sources
   * of Magnesium, last 30 days" */
  label = g_strdup_printf (_("Top sources of %s, %s"), plotted_name (n, intake), range);

  if (n_foods == 0)
    g_string_assign (summary, _("Nothing logged in this range has a value for this nutrient."));
  else
    {
      g_autofree char *list = g_string_free (g_steal_pointer (&summary), FALSE);

      summary = g_string_new (NULL);
      /* Translators: the share of the nutrient each food gave, e.g.
       * "Share of the total: Spinach 22 %, Almonds 15 %." */
      g_string_printf (summary, _("Share of the total: %s."), list);
    }

  /* The chart shows each share: under it, only what they are shares of */
  if (n_foods > 0)
    {
      g_autofree char *total_text = cf_insight_format_amount (intake, total);
      g_autofree char *caption = NULL;

      /* Translators: under the top foods chart, e.g. "Each food's share
       * of the 6100 mg logged in the range, by all foods and
       * supplements." */
      caption = g_strdup_printf (_("Each food’s share of the %s logged in this range, from all foods and supplements."),
                                 total_text);
      gtk_label_set_label (self->foods_summary, caption);
    }
  else
    gtk_label_set_label (self->foods_summary, summary->str);
  cf_chart_set_summary (self->foods_chart, label, summary->str);
  g_string_free (summary, TRUE);
}

static void
render_charts (CfInsightsView *self)
{
  g_autoptr(CfProfile) profile = NULL;

  if (self->series == NULL)
    return;

  /* Kept for the hover labels, which must not work anything out */
  profile = load_profile (self);
  g_clear_object (&self->targets);
  self->targets = cf_targets_new (profile, &self->last);

  render_intake_chart (self, self->targets);
  render_ratio_chart (self, self->targets);
  render_foods_chart (self, self->targets);
}

static void
update_state (CfInsightsView *self)
{
  if (self->series == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
      return;
    }

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, cf_series_get_has_entries (self->series) ? "content" : "empty");
}

/* ------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------ */

static void
compute_range (CfInsightsView *self,
               GDate          *first,
               GDate          *last)
{
  if (self->range_days > 0)
    {
      cf_day_set_today (last);
      *first = *last;
      g_date_subtract_days (first, self->range_days - 1);
    }
  else
    {
      *first = self->custom_first;
      *last = self->custom_last;
    }
}

static void
insights_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insights = NULL;
  CfInsightsView *self;

  insights = cf_insight_engine_run_finish (CF_INSIGHT_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_INSIGHTS_VIEW (user_data);
  self->pending--;

  if (insights == NULL)
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->insights, g_ptr_array_unref);
  self->insights = g_steal_pointer (&insights);
  render_cards (self);
}

static void
series_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CfInsightsView *self;
  CfSeries *series;

  series = cf_insights_query_run_finish (CF_INSIGHTS_QUERY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_INSIGHTS_VIEW (user_data);
  self->pending--;

  if (series == NULL)
    {
      cf_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->series, cf_series_unref);
  self->series = series;
  render_charts (self);
  update_state (self);
}

static void
start_reload (CfInsightsView *self)
{
  g_autoptr(CfProfile) profile = load_profile (self);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->dirty = FALSE;

  /* A newer load replaces an older one */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  compute_range (self, &self->first, &self->last);
  render_range (self);

  cf_insight_engine_set_profile (self->engine, profile);
  self->pending = 2;
  cf_insight_engine_run_async (self->engine, &self->first, &self->last, self->cancellable,
                               insights_ready_cb, self);
  cf_insights_query_run_async (self->query, &self->first, &self->last, self->cancellable,
                               series_ready_cb, self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  CfInsightsView *self = user_data;

  self->reload_id = 0;
  start_reload (self);

  return G_SOURCE_REMOVE;
}

/* Reloads now or soon when visible; otherwise when next shown */
static void
schedule_reload (CfInsightsView *self,
                 guint           delay_ms)
{
  self->dirty = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (delay_ms == 0)
    start_reload (self);
  else
    self->reload_id = g_timeout_add (delay_ms, reload_timeout_cb, self);
}

/* ------------------------------------------------------------------
 * Range controls
 * ------------------------------------------------------------------ */

static void
select_calendar_day (GtkCalendar *calendar,
                     const GDate *day)
{
  g_autoptr(GDateTime) dt = date_time_for (day);

  gtk_calendar_select_day (calendar, dt);
}

static void
calendar_get_day (GtkCalendar *calendar,
                  GDate       *day)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
}

/* Shows the range in the controls without reacting to it */
static void
sync_range_controls (CfInsightsView *self)
{
  guint selected = RANGE_CUSTOM;

  for (guint i = 0; i < G_N_ELEMENTS (range_presets); i++)
    {
      if (self->range_days == range_presets[i])
        selected = i;
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->range_dropdown, selected);
  gtk_revealer_set_reveal_child (self->custom_revealer, selected == RANGE_CUSTOM);
  select_calendar_day (self->from_calendar, &self->custom_first);
  select_calendar_day (self->to_calendar, &self->custom_last);
  self->updating = FALSE;

  render_range (self);
}

/* Takes the range from the setting: days ending today */
static void
apply_range_setting (CfInsightsView *self)
{
  int days = self->settings ? g_settings_get_int (self->settings, "insights-range") : self->range_days;

  self->range_days = CLAMP (days, 1, MAX_RANGE_DAYS);
  compute_range (self, &self->custom_first, &self->custom_last);
  sync_range_controls (self);
}

static void
set_range_days (CfInsightsView *self,
                int             days)
{
  if (self->settings != NULL)
    {
      /* The setting's change handler applies it */
      if (g_settings_get_int (self->settings, "insights-range") != days)
        {
          g_settings_set_int (self->settings, "insights-range", days);
          return;
        }
    }

  self->range_days = days;
  compute_range (self, &self->custom_first, &self->custom_last);
  sync_range_controls (self);
  schedule_reload (self, 0);
}

static void
range_selected_cb (CfInsightsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (self->updating)
    return;

  if (selected < G_N_ELEMENTS (range_presets))
    {
      gtk_revealer_set_reveal_child (self->custom_revealer, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);
      set_range_days (self, range_presets[selected]);
    }
  else
    {
      /* Custom: start from the range shown */
      self->updating = TRUE;
      select_calendar_day (self->from_calendar, &self->first);
      select_calendar_day (self->to_calendar, &self->last);
      self->updating = FALSE;
      self->custom_first = self->first;
      self->custom_last = self->last;
      render_range (self);
      gtk_revealer_set_reveal_child (self->custom_revealer, TRUE);
    }
}

static gboolean
validate_range (const GDate  *first,
                const GDate  *last,
                GError      **error)
{
  if (g_date_compare (first, last) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The first day must not be after the last day."));
      return FALSE;
    }

  if (g_date_days_between (first, last) + 1 > MAX_RANGE_DAYS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a range of at most ten years."));
      return FALSE;
    }

  return TRUE;
}

static void
custom_day_selected_cb (CfInsightsView *self,
                        GtkCalendar    *calendar)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  if (self->updating)
    return;

  calendar_get_day (self->from_calendar, &first);
  calendar_get_day (self->to_calendar, &last);

  if (!cf_insights_view_set_custom_range (self, &first, &last, &error))
    return;

  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button : self->to_button);
}

/* ------------------------------------------------------------------
 * Signals and actions
 * ------------------------------------------------------------------ */

static void
nutrient_selected_cb (CfInsightsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->nutrient_dropdown);

  if (selected >= G_N_ELEMENTS (chart_nutrients) || selected == self->nutrient)
    return;

  self->nutrient = selected;
  render_charts (self);
}

static void
diary_changed_cb (CfInsightsView *self,
                  const char     *day)
{
  schedule_reload (self, RELOAD_DELAY_MS);
}

static void
settings_changed_cb (CfInsightsView *self,
                     const char     *key)
{
  if (g_strcmp0 (key, "insights-range") == 0)
    {
      apply_range_setting (self);
      schedule_reload (self, 0);
    }
  else if (g_str_has_prefix (key, "profile-") || g_strcmp0 (key, "reference-set") == 0 ||
           g_strcmp0 (key, "target-overrides") == 0 || g_strcmp0 (key, "k2-goal") == 0)
    schedule_reload (self, RELOAD_DELAY_MS);
  else if (g_strcmp0 (key, "vitamin-d-unit") == 0)
    {
      g_autofree char *unit = g_settings_get_string (self->settings, "vitamin-d-unit");

      /* Formatting is shared with the diary, which may not have seen
       * the change yet */
      cf_format_set_vitamin_d_iu (g_strcmp0 (unit, "iu") == 0);
      render_cards (self);
      render_charts (self);
    }
}

static gboolean
disclaimer_link_cb (CfInsightsView *self,
                    const char     *uri,
                    GtkLabel       *label)
{
  cf_knowledge_page_view_present (GTK_WIDGET (self), uri);

  return TRUE;
}

static void
map_cb (CfInsightsView *self)
{
  if (self->dirty)
    start_reload (self);
}

static void
read_more_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *page_id = g_variant_get_string (parameter, NULL);

  if (cf_knowledge_page_view_present (widget, page_id) == NULL)
    g_warning ("No knowledge page “%s”", page_id);
}

/* The window opens the food in the Foods view */
static void
show_food_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action_variant (widget, "win.show-food", parameter);
}

static CfChart *
chart_by_key (CfInsightsView *self,
              const char     *key)
{
  if (g_strcmp0 (key, "intake") == 0)
    return self->intake_chart;
  if (g_strcmp0 (key, "ratio") == 0)
    return self->ratio_chart;
  if (g_strcmp0 (key, "foods") == 0)
    return self->foods_chart;

  return NULL;
}

typedef struct
{
  CfInsightsView *view;
  char           *chart;
  CfChartFormat   format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->view);
  g_free (data->chart);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (cf_insights_view_export_chart (data->view, data->chart, file, data->format, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast after exporting a chart; %s is a file
           * name */
          g_autofree char *title = g_strdup_printf (_("Chart saved as “%s”"), name);

          cf_widget_show_toast (GTK_WIDGET (data->view), title);
        }
      else
        {
          /* Translators: a toast; %s is the reason */
          g_autofree char *title = g_strdup_printf (_("The chart could not be saved: %s"), error->message);

          cf_widget_show_toast (GTK_WIDGET (data->view), title);
        }
    }

  export_data_free (data);
  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfInsightsView *self = CF_INSIGHTS_VIEW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  CfChart *chart = chart_by_key (self, key);
  CfChartFormat format = g_str_has_suffix (action_name, "svg") ? CF_CHART_FORMAT_SVG : CF_CHART_FORMAT_PNG;
  const ChartNutrient *n = current_nutrient (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *today_iso = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  ExportData *data;
  GtkRoot *root;
  GDate today;

  if (chart == NULL)
    return;

  cf_day_set_today (&today);
  today_iso = cf_day_to_iso (&today);
  if (chart == self->ratio_chart)
    name = g_strdup_printf ("cofactor-calcium-magnesium-%s.%s", today_iso,
                            format == CF_CHART_FORMAT_SVG ? "svg" : "png");
  else
    name = g_strdup_printf ("cofactor-%s%s-%s.%s", chart == self->foods_chart ? "sources-" : "",
                            cf_target_id_to_key (n->target), today_iso,
                            format == CF_CHART_FORMAT_SVG ? "svg" : "png");

  if (format == CF_CHART_FORMAT_SVG)
    {
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_suffix (filter, "svg");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
    }

  root = gtk_widget_get_root (widget);
  /* GtkFileChooserNative goes through the portal in the sandbox;
   * GtkFileDialog needs GTK 4.10 */
  native = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  data = g_new0 (ExportData, 1);
  data->view = g_object_ref (self);
  data->chart = g_strdup (chart_key (self, chart));
  data->format = format;
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------
 * The object
 * ------------------------------------------------------------------ */

static void
build_charts (CfInsightsView *self)
{
  self->band_layer = cf_rule_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->band_layer), "target");
  cf_rule_layer_set_show_line (CF_RULE_LAYER (self->band_layer), FALSE);
  self->target_layer = cf_rule_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->target_layer), "target");
  self->bar_layer = cf_bar_layer_new ();
  /* Lighter where the insights soften their verdicts */
  cf_bar_layer_set_partial_below (CF_BAR_LAYER (self->bar_layer),
                                  cf_insight_engine_get_thresholds ()->coverage_soften);
  self->average_layer = cf_line_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->average_layer), "average");
  self->limit_layer = cf_rule_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->limit_layer), "limit");
  cf_rule_layer_set_dashed (CF_RULE_LAYER (self->limit_layer), TRUE);

  /* The target band under the bars; the lines over them */
  cf_chart_add_layer (self->intake_chart, self->band_layer);
  cf_chart_add_layer (self->intake_chart, self->bar_layer);
  cf_chart_add_layer (self->intake_chart, self->target_layer);
  cf_chart_add_layer (self->intake_chart, self->average_layer);
  cf_chart_add_layer (self->intake_chart, self->limit_layer);
  cf_chart_set_describe_func (self->intake_chart, describe_intake_point, self, NULL);

  self->ratio_reference = cf_rule_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->ratio_reference), "reference");
  cf_rule_layer_set_dashed (CF_RULE_LAYER (self->ratio_reference), TRUE);
  self->ratio_layer = cf_line_layer_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->ratio_layer), "ratio");
  cf_line_layer_set_show_points (CF_LINE_LAYER (self->ratio_layer), TRUE);
  cf_chart_add_layer (self->ratio_chart, self->ratio_reference);
  cf_chart_add_layer (self->ratio_chart, self->ratio_layer);
  cf_chart_set_describe_func (self->ratio_chart, describe_ratio_point, self, NULL);

  self->foods_layer = cf_hbar_layer_new ();
  cf_chart_set_vertical (self->foods_chart, TRUE);
  cf_chart_set_show_frame (self->foods_chart, FALSE);
  cf_chart_add_layer (self->foods_chart, self->foods_layer);
  cf_chart_set_describe_func (self->foods_chart, describe_food_point, self, NULL);
}

static void
cf_insights_view_constructed (GObject *object)
{
  CfInsightsView *self = (CfInsightsView *) object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (cf_insights_view_parent_class)->constructed (object);

  g_assert (CF_IS_CONTEXT (self->context));

  self->engine = cf_insight_engine_new (self->context);
  self->query = cf_insights_query_new (self->context);

  for (guint i = 0; i < G_N_ELEMENTS (chart_nutrients); i++)
    gtk_string_list_append (names, g_dgettext (GETTEXT_PACKAGE, chart_nutrients[i].name));
  gtk_drop_down_set_model (self->nutrient_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->nutrient_dropdown, self->nutrient);
  g_signal_connect_object (self->nutrient_dropdown, "notify::selected",
                           G_CALLBACK (nutrient_selected_cb), self, G_CONNECT_SWAPPED);

  build_charts (self);

  apply_range_setting (self);
  g_signal_connect_object (self->range_dropdown, "notify::selected",
                           G_CALLBACK (range_selected_cb), self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_autofree char *unit = g_settings_get_string (self->settings, "vitamin-d-unit");

      cf_format_set_vitamin_d_iu (g_strcmp0 (unit, "iu") == 0);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (cf_context_get_diary (self->context), "changed",
                           G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  update_state (self);
}

static void
cf_insights_view_dispose (GObject *object)
{
  CfInsightsView *self = (CfInsightsView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);

  g_clear_pointer (&self->series, cf_series_unref);
  g_clear_pointer (&self->insights, g_ptr_array_unref);
  g_clear_object (&self->targets);
  g_clear_object (&self->engine);
  g_clear_object (&self->query);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_insights_view_parent_class)->dispose (object);
}

static void
cf_insights_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfInsightsView *self = CF_INSIGHTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insights_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfInsightsView *self = CF_INSIGHTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insights_view_class_init (CfInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_insights_view_constructed;
  object_class->dispose = cf_insights_view_dispose;
  object_class->get_property = cf_insights_view_get_property;
  object_class->set_property = cf_insights_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CF_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, range_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, from_button);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, to_button);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, custom_error);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, nutrient_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, intake_title);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, intake_chart);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, intake_legend);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, intake_summary);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, goal_source_button);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, goal_source_label);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, ratio_chart);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, ratio_legend);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, ratio_summary);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, foods_title);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, foods_chart);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, foods_summary);
  gtk_widget_class_bind_template_child (widget_class, CfInsightsView, foods_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, custom_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, disclaimer_link_cb);

  gtk_widget_class_install_action (widget_class, "insights.read-more", "s", read_more_activated);
  gtk_widget_class_install_action (widget_class, "insights.show-food", "s", show_food_activated);
  gtk_widget_class_install_action (widget_class, "insights.export-png", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "insights.export-svg", "s", export_activated);
}

static void
cf_insights_view_init (CfInsightsView *self)
{
  self->nutrient = DEFAULT_NUTRIENT;
  self->range_days = DEFAULT_RANGE;
  self->dirty = TRUE;
  cf_day_set_today (&self->custom_last);
  self->custom_first = self->custom_last;
  g_date_subtract_days (&self->custom_first, DEFAULT_RANGE - 1);
  self->first = self->custom_first;
  self->last = self->custom_last;

  gtk_widget_init_template (GTK_WIDGET (self));
  cf_calendar_name_arrows (self->from_calendar);
  cf_calendar_name_arrows (self->to_calendar);
}

CfInsightsView *
cf_insights_view_new (CfContext *context,
                      GSettings *settings)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CF_TYPE_INSIGHTS_VIEW,
                       "context", context,
                       "settings", settings,
                       NULL);
}

/**
 * cf_insights_view_is_loading:
 *
 * Returns: whether a reload is pending or running
 */
gboolean
cf_insights_view_is_loading (CfInsightsView *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), FALSE);

  return self->reload_id != 0 || self->pending > 0 || (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

/**
 * cf_insights_view_reload:
 *
 * Reloads findings and charts now.
 */
void
cf_insights_view_reload (CfInsightsView *self)
{
  g_return_if_fail (CF_IS_INSIGHTS_VIEW (self));

  start_reload (self);
}

/**
 * cf_insights_view_get_range:
 *
 * The range of what is shown (or being loaded).
 */
void
cf_insights_view_get_range (CfInsightsView *self,
                            GDate          *first,
                            GDate          *last)
{
  g_return_if_fail (CF_IS_INSIGHTS_VIEW (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

/**
 * cf_insights_view_set_custom_range:
 *
 * Shows a custom range.  An invalid one (ending before it starts,
 * longer than ten years) is refused with a message next to the dates.
 * A range ending today is remembered as the number of days.
 */
gboolean
cf_insights_view_set_custom_range (CfInsightsView  *self,
                                   const GDate     *first,
                                   const GDate     *last,
                                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate today;
  int days;

  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  self->custom_first = *first;
  self->custom_last = *last;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->range_dropdown, RANGE_CUSTOM);
  gtk_revealer_set_reveal_child (self->custom_revealer, TRUE);
  select_calendar_day (self->from_calendar, first);
  select_calendar_day (self->to_calendar, last);
  self->updating = FALSE;
  render_range (self);

  if (!validate_range (first, last, &local_error))
    {
      gtk_label_set_label (self->custom_error, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);

  cf_day_set_today (&today);
  days = g_date_days_between (first, last) + 1;
  if (g_date_compare (last, &today) == 0 && self->settings != NULL &&
      g_settings_get_int (self->settings, "insights-range") != days)
    {
      /* Remembered; the setting's handler reloads */
      g_settings_set_int (self->settings, "insights-range", days);
      return TRUE;
    }

  self->range_days = g_date_compare (last, &today) == 0 ? days : 0;
  if (self->range_days > 0)
    sync_range_controls (self);
  schedule_reload (self, 0);

  return TRUE;
}

CfTargetId
cf_insights_view_get_nutrient (CfInsightsView *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), CF_TARGET_MAGNESIUM);

  return chart_nutrients[self->nutrient].target;
}

/**
 * cf_insights_view_set_nutrient:
 *
 * Charts the nutrient of @target.
 *
 * Returns: %FALSE when it is not one the charts offer
 */
gboolean
cf_insights_view_set_nutrient (CfInsightsView *self,
                               CfTargetId      target)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (chart_nutrients); i++)
    {
      if (chart_nutrients[i].target == target)
        {
          gtk_drop_down_set_selected (self->nutrient_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cf_insights_view_get_series:
 *
 * Returns: (transfer none) (nullable): the chart data shown
 */
CfSeries *
cf_insights_view_get_series (CfInsightsView *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), NULL);

  return self->series;
}

/**
 * cf_insights_view_get_insights:
 *
 * Returns: (transfer none) (nullable) (element-type CfInsight): the
 *   findings shown, in their order
 */
GPtrArray *
cf_insights_view_get_insights (CfInsightsView *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), NULL);

  return self->insights;
}

/**
 * cf_insights_view_get_state:
 *
 * Returns: "loading", "empty" (nothing logged at all) or "content"
 */
const char *
cf_insights_view_get_state (CfInsightsView *self)
{
  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * cf_insights_view_export_chart:
 * @chart: "intake", "ratio" or "foods"
 *
 * Saves a chart as it is drawn now, at its size on screen.
 */
gboolean
cf_insights_view_export_chart (CfInsightsView  *self,
                               const char      *chart,
                               GFile           *file,
                               CfChartFormat    format,
                               GError         **error)
{
  CfChart *widget;

  g_return_val_if_fail (CF_IS_INSIGHTS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  widget = chart_by_key (self, chart);
  g_return_val_if_fail (widget != NULL, FALSE);

  return cf_chart_export_to_file (widget, file, format, error);
}

/* For tests */

CfChart *
_cf_insights_view_get_chart (CfInsightsView *self,
                             const char     *chart)
{
  return chart_by_key (self, chart);
}

CfBarLayer *
_cf_insights_view_get_bar_layer (CfInsightsView *self)
{
  return CF_BAR_LAYER (self->bar_layer);
}

CfLineLayer *
_cf_insights_view_get_average_layer (CfInsightsView *self)
{
  return CF_LINE_LAYER (self->average_layer);
}

CfRuleLayer *
_cf_insights_view_get_target_layer (CfInsightsView *self)
{
  return CF_RULE_LAYER (self->target_layer);
}

CfRuleLayer *
_cf_insights_view_get_limit_layer (CfInsightsView *self)
{
  return CF_RULE_LAYER (self->limit_layer);
}

CfLineLayer *
_cf_insights_view_get_ratio_layer (CfInsightsView *self)
{
  return CF_LINE_LAYER (self->ratio_layer);
}

CfHbarLayer *
_cf_insights_view_get_foods_layer (CfInsightsView *self)
{
  return CF_HBAR_LAYER (self->foods_layer);
}

GtkWidget *
_cf_insights_view_get_cards_box (CfInsightsView *self)
{
  return GTK_WIDGET (self->cards_box);
}

GtkDropDown *
_cf_insights_view_get_range_dropdown (CfInsightsView *self)
{
  return self->range_dropdown;
}

GtkLabel *
_cf_insights_view_get_custom_error (CfInsightsView *self)
{
  return self->custom_error;
}

GtkMenuButton *
_cf_insights_view_get_goal_source (CfInsightsView *self)
{
  return GTK_MENU_BUTTON (self->goal_source_button);
}
