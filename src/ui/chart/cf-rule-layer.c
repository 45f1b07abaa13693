/* cf-rule-layer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-rule-layer"

#include "config.h"

#include <math.h>

#include "cf-chart.h"
#include "cf-rule-layer.h"

/**
 * CfRuleLayer:
 *
 * A reference value across the plot: a target, an upper limit, a ratio
 * threshold.  A solid or dashed line with a short label at its right
 * end, and optionally a light band from it to a second value (the
 * target band, from the target up to the upper limit, or to the top).
 * A band can go under the data and its line over it, as two layers.
 * A value outside the axis is not drawn; the view says so in words.
 */
struct _CfRuleLayer
{
  CfChartLayer  parent_instance;

  double        value;
  double        band_to;
  gboolean      dashed;
  gboolean      show_line;
  char         *label;
};

G_DEFINE_FINAL_TYPE (CfRuleLayer, cf_rule_layer, CF_TYPE_CHART_LAYER)

#define LINE_WIDTH 1.5
#define BAND_ALPHA 0.12
#define BAND_ALPHA_HC 0.22
#define LABEL_PAD 4

static void
cf_rule_layer_draw (CfChartLayer       *layer,
                    cairo_t            *cr,
                    const CfChartFrame *frame)
{
  CfRuleLayer *self = CF_RULE_LAYER (layer);
  GtkWidget *chart = gtk_widget_get_parent (GTK_WIDGET (self));
  gboolean high_contrast = CF_IS_CHART (chart) && cf_chart_get_high_contrast (CF_CHART (chart));
  double left = frame->plot.origin.x;
  double right = frame->plot.origin.x + frame->plot.size.width;
  double y;
  GdkRGBA color;

  if (isnan (self->value) || self->value < frame->axis.min || self->value > frame->axis.max)
    return;

  cf_chart_layer_get_color (layer, &color);
  y = round (cf_chart_frame_value_to_y (frame, self->value)) + 0.5;

  if (!isnan (self->band_to))
    {
      double other = isinf (self->band_to) ? frame->axis.max : CLAMP (self->band_to, frame->axis.min, frame->axis.max);
      double y2 = cf_chart_frame_value_to_y (frame, other);

      cairo_set_source_rgba (cr, color.red, color.green, color.blue,
                             color.alpha * (high_contrast ? BAND_ALPHA_HC : BAND_ALPHA));
      cairo_rectangle (cr, left, MIN (y, y2), right - left, fabs (y2 - y));
      cairo_fill (cr);
    }

  if (!self->show_line)
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, LINE_WIDTH);
  if (self->dashed)
    {
      static const double dashes[] = { 6, 4 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_move_to (cr, left, y);
  cairo_line_to (cr, right, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (self->label != NULL && CF_IS_CHART (chart))
    {
      g_autoptr(PangoLayout) layout = cf_chart_create_layout (CF_CHART (chart), self->label);
      PangoRectangle logical;
      GdkRGBA halo;
      double ly;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      /* Above the line, or below it when there is no room */
      ly = y - LABEL_PAD - logical.height;
      if (ly < frame->plot.origin.y)
        ly = y + LABEL_PAD;

      cairo_move_to (cr, right - logical.width - LABEL_PAD, ly);
      pango_cairo_update_layout (cr, layout);

      /* A halo of the background keeps it readable over bars and lines */
      cf_chart_get_background (CF_CHART (chart), &halo);
      pango_cairo_layout_path (cr, layout);
      gdk_cairo_set_source_rgba (cr, &halo);
      cairo_set_line_width (cr, 4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);

      cairo_move_to (cr, right - logical.width - LABEL_PAD, ly);
      gdk_cairo_set_source_rgba (cr, &color);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
cf_rule_layer_finalize (GObject *object)
{
  CfRuleLayer *self = (CfRuleLayer *) object;

  g_free (self->label);

  G_OBJECT_CLASS (cf_rule_layer_parent_class)->finalize (object);
}

static void
cf_rule_layer_class_init (CfRuleLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfChartLayerClass *layer_class = CF_CHART_LAYER_CLASS (klass);

  object_class->finalize = cf_rule_layer_finalize;
  layer_class->draw = cf_rule_layer_draw;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "rule");
}

static void
cf_rule_layer_init (CfRuleLayer *self)
{
  self->value = NAN;
  self->band_to = NAN;
  self->show_line = TRUE;
}

CfChartLayer *
cf_rule_layer_new (void)
{
  return g_object_new (CF_TYPE_RULE_LAYER, NULL);
}

/**
 * cf_rule_layer_set_value:
 * @value: where the line goes, or NaN for no line
 */
void
cf_rule_layer_set_value (CfRuleLayer *self,
                         double       value)
{
  g_return_if_fail (CF_IS_RULE_LAYER (self));

  self->value = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
cf_rule_layer_get_value (CfRuleLayer *self)
{
  g_return_val_if_fail (CF_IS_RULE_LAYER (self), NAN);

  return self->value;
}

/**
 * cf_rule_layer_set_band_to:
 * @value: the other side of the band, INFINITY for the top of the
 *   plot, or NaN for no band
 */
void
cf_rule_layer_set_band_to (CfRuleLayer *self,
                           double       value)
{
  g_return_if_fail (CF_IS_RULE_LAYER (self));

  self->band_to = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_rule_layer_set_dashed (CfRuleLayer *self,
                          gboolean     dashed)
{
  g_return_if_fail (CF_IS_RULE_LAYER (self));

  self->dashed = !!dashed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cf_rule_layer_set_show_line:
 *
 * Whether to draw the line and its label, or only the band.
 */
void
cf_rule_layer_set_show_line (CfRuleLayer *self,
                             gboolean     show_line)
{
  g_return_if_fail (CF_IS_RULE_LAYER (self));

  self->show_line = !!show_line;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cf_rule_layer_set_label:
 * @label: (nullable): a short label drawn at the line's right end
 */
void
cf_rule_layer_set_label (CfRuleLayer *self,
                         const char  *label)
{
  g_return_if_fail (CF_IS_RULE_LAYER (self));

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cf_rule_layer_get_label (CfRuleLayer *self)
{
  g_return_val_if_fail (CF_IS_RULE_LAYER (self), NULL);

  return self->label;
}
