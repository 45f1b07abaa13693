/* cf-chart-layer.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-axis.h"

G_BEGIN_DECLS

/**
 * CfChartFrame:
 * @width: the width of the whole chart
 * @height: the height of the whole chart
 * @plot: the area inside the axes, where layers draw
 * @n_points: how many points the chart has
 * @vertical: whether points are rows from top to bottom (a horizontal
 *   bar chart) rather than columns from left to right
 * @axis: the value axis (up the y axis; along x for rows)
 *
 * The geometry a chart hands to its layers for one drawing, the same on
 * screen and in an export.
 */
typedef struct
{
  double           width;
  double           height;
  graphene_rect_t  plot;
  guint            n_points;
  gboolean         vertical;
  CfAxis           axis;
} CfChartFrame;

double cf_chart_frame_get_slot    (const CfChartFrame *frame);
double cf_chart_frame_get_center  (const CfChartFrame *frame,
                                   guint               index);
double cf_chart_frame_value_to_y  (const CfChartFrame *frame,
                                   double              value);

#define CF_TYPE_CHART_LAYER (cf_chart_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (CfChartLayer, cf_chart_layer, CF, CHART_LAYER, GtkWidget)

/**
 * CfChartLayerClass:
 * @draw: draws the layer with cairo; used for exports, and on screen
 *   unless @snapshot_layer is overridden
 * @snapshot_layer: draws the layer on screen; the default puts @draw in
 *   a cairo node.  An override must draw the same elements as @draw.
 *
 * A layer only reads data it was given; it never queries.
 */
struct _CfChartLayerClass
{
  GtkWidgetClass parent_class;

  void (*draw)           (CfChartLayer       *self,
                          cairo_t            *cr,
                          const CfChartFrame *frame);
  void (*snapshot_layer) (CfChartLayer       *self,
                          GtkSnapshot        *snapshot,
                          const CfChartFrame *frame);

  /*< private >*/
  gpointer padding[8];
};

void cf_chart_layer_draw      (CfChartLayer       *self,
                               cairo_t            *cr,
                               const CfChartFrame *frame);
void cf_chart_layer_get_color (CfChartLayer       *self,
                               GdkRGBA            *color);

/* The foreground colour of a widget, on every GTK version */
void cf_chart_widget_get_color (GtkWidget         *widget,
                                GdkRGBA           *color);

G_END_DECLS
