/* cf-chart.h
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-axis.h"
#include "cf-chart-layer.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CHART_FORMAT_PNG,
  CF_CHART_FORMAT_SVG,
} CfChartFormat;

/**
 * CfChartDescribeFunc:
 * @index: a point
 *
 * Returns: (transfer full) (nullable): what the point shows, in words,
 *   for the hover label
 */
typedef char *(*CfChartDescribeFunc) (guint    index,
                                      gpointer user_data);

#define CF_TYPE_CHART (cf_chart_get_type ())

G_DECLARE_FINAL_TYPE (CfChart, cf_chart, CF, CHART, GtkWidget)

GtkWidget  *cf_chart_new                (void);
void        cf_chart_add_layer          (CfChart             *self,
                                         CfChartLayer        *layer);
void        cf_chart_set_n_points       (CfChart             *self,
                                         guint                n_points);
guint       cf_chart_get_n_points       (CfChart             *self);
void        cf_chart_set_vertical       (CfChart             *self,
                                         gboolean             vertical);
void        cf_chart_set_show_frame     (CfChart             *self,
                                         gboolean             show_frame);
void        cf_chart_set_value_range    (CfChart             *self,
                                         double               min,
                                         double               max);
const CfAxis *cf_chart_get_axis         (CfChart             *self);
void        cf_chart_set_x_labels       (CfChart             *self,
                                         const char * const  *labels,
                                         CfAxisTimeUnit       unit);
void        cf_chart_set_describe_func  (CfChart             *self,
                                         CfChartDescribeFunc  func,
                                         gpointer             user_data,
                                         GDestroyNotify       destroy);
void        cf_chart_set_summary        (CfChart             *self,
                                         const char          *label,
                                         const char          *description);
const char *cf_chart_get_summary_label  (CfChart             *self);
const char *cf_chart_get_summary_description (CfChart       *self);
void        cf_chart_set_hover          (CfChart             *self,
                                         int                  index);
int         cf_chart_get_hover          (CfChart             *self);
char       *cf_chart_dup_hover_text     (CfChart             *self);
gboolean    cf_chart_get_frame          (CfChart             *self,
                                         CfChartFrame        *frame);
void        cf_chart_compute_frame      (CfChart             *self,
                                         double               width,
                                         double               height,
                                         CfChartFrame        *frame);
void        cf_chart_draw               (CfChart             *self,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         gboolean             background);
GBytes     *cf_chart_export_bytes       (CfChart             *self,
                                         CfChartFormat        format,
                                         GError             **error);
gboolean    cf_chart_export_to_file     (CfChart             *self,
                                         GFile               *file,
                                         CfChartFormat        format,
                                         GError             **error);

/* For layers: text drawn in the chart's font, smaller */
PangoLayout *cf_chart_create_layout     (CfChart             *self,
                                         const char          *text);
gboolean    cf_chart_get_high_contrast  (CfChart             *self);
void        cf_chart_get_background     (CfChart             *self,
                                         GdkRGBA             *color);

G_END_DECLS
