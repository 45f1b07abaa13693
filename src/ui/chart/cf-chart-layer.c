/* cf-chart-layer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-chart-layer"

#include "config.h"

#include <math.h>

#include "cf-chart.h"
#include "cf-chart-layer.h"

/**
 * CfChartLayer:
 *
 * One layer of a #CfChart: bars, a line, a reference rule.  Layers are
 * the chart's children, stacked in the order they were added, each
 * covering the whole chart; they take no input (the chart handles
 * hover and keys).  Their colour is their CSS `color`, so themes, dark
 * mode and high contrast apply.
 */

G_DEFINE_ABSTRACT_TYPE (CfChartLayer, cf_chart_layer, GTK_TYPE_WIDGET)

/**
 * cf_chart_frame_get_slot:
 *
 * Returns: the room one point has along its axis
 */
double
cf_chart_frame_get_slot (const CfChartFrame *frame)
{
  g_return_val_if_fail (frame != NULL, 0);

  if (frame->n_points == 0)
    return 0;

  return (frame->vertical ? frame->plot.size.height : frame->plot.size.width) / frame->n_points;
}

/**
 * cf_chart_frame_get_center:
 *
 * Returns: the x (for rows, the y) of the middle of point @index
 */
double
cf_chart_frame_get_center (const CfChartFrame *frame,
                           guint               index)
{
  double slot = cf_chart_frame_get_slot (frame);

  if (frame->vertical)
    return frame->plot.origin.y + (index + 0.5) * slot;

  return frame->plot.origin.x + (index + 0.5) * slot;
}

/**
 * cf_chart_frame_value_to_y:
 *
 * Returns: the y of @value on the value axis, or NaN for NaN
 */
double
cf_chart_frame_value_to_y (const CfChartFrame *frame,
                           double              value)
{
  double position;

  g_return_val_if_fail (frame != NULL, NAN);

  position = cf_axis_map (&frame->axis, value);
  if (isnan (position))
    return NAN;

  return frame->plot.origin.y + frame->plot.size.height * (1 - position);
}

void
cf_chart_widget_get_color (GtkWidget *widget,
                           GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
cf_chart_layer_real_snapshot_layer (CfChartLayer       *self,
                                    GtkSnapshot        *snapshot,
                                    const CfChartFrame *frame)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, frame->width, frame->height);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  CF_CHART_LAYER_GET_CLASS (self)->draw (self, cr, frame);
  cairo_destroy (cr);
}

static void
cf_chart_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CfChartLayer *self = CF_CHART_LAYER (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  CfChartFrame frame;

  if (!CF_IS_CHART (parent) || !cf_chart_get_frame (CF_CHART (parent), &frame))
    return;

  CF_CHART_LAYER_GET_CLASS (self)->snapshot_layer (self, snapshot, &frame);
}

static void
cf_chart_layer_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cf_chart_layer_parent_class)->css_changed (widget, change);

  /* Colours come from CSS */
  gtk_widget_queue_draw (widget);
}

static void
cf_chart_layer_class_init (CfChartLayerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = cf_chart_layer_snapshot;
  widget_class->css_changed = cf_chart_layer_css_changed;

  klass->snapshot_layer = cf_chart_layer_real_snapshot_layer;
}

static void
cf_chart_layer_init (CfChartLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

/**
 * cf_chart_layer_draw:
 *
 * Draws the layer with cairo, as for an export.
 */
void
cf_chart_layer_draw (CfChartLayer       *self,
                     cairo_t            *cr,
                     const CfChartFrame *frame)
{
  g_return_if_fail (CF_IS_CHART_LAYER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (frame != NULL);

  if (CF_CHART_LAYER_GET_CLASS (self)->draw != NULL)
    CF_CHART_LAYER_GET_CLASS (self)->draw (self, cr, frame);
}

void
cf_chart_layer_get_color (CfChartLayer *self,
                          GdkRGBA      *color)
{
  g_return_if_fail (CF_IS_CHART_LAYER (self));

  cf_chart_widget_get_color (GTK_WIDGET (self), color);
}
