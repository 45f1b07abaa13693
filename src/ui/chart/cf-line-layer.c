/* cf-line-layer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-line-layer"

#include "config.h"

#include <math.h>

#include "cf-line-layer.h"

/**
 * CfLineLayer:
 *
 * A line through the middle of each point's slot, broken where a point
 * has no value (NaN).  A point alone between gaps is drawn as a dot, so
 * it does not vanish.  Drawn with cairo on screen and in exports alike
 * (GskPath needs GTK 4.14).
 */
struct _CfLineLayer
{
  CfChartLayer  parent_instance;

  GArray       *values;
  gboolean      show_points;
};

G_DEFINE_FINAL_TYPE (CfLineLayer, cf_line_layer, CF_TYPE_CHART_LAYER)

#define LINE_WIDTH 2.0
#define POINT_RADIUS 2.5

static double
value_at (CfLineLayer *self,
          int          index)
{
  if (index < 0 || (guint) index >= self->values->len)
    return NAN;

  return g_array_index (self->values, double, index);
}

static void
cf_line_layer_draw (CfChartLayer       *layer,
                    cairo_t            *cr,
                    const CfChartFrame *frame)
{
  CfLineLayer *self = CF_LINE_LAYER (layer);
  gboolean drawing = FALSE;
  GdkRGBA color;
  guint n = MIN (self->values->len, frame->n_points);

  cf_chart_layer_get_color (layer, &color);
  gdk_cairo_set_source_rgba (cr, &color);

  /* Values above the axis are clipped to the plot */
  cairo_save (cr);
  cairo_rectangle (cr, frame->plot.origin.x, frame->plot.origin.y - LINE_WIDTH,
                   frame->plot.size.width, frame->plot.size.height + 2 * LINE_WIDTH);
  cairo_clip (cr);

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double v = value_at (self, i);
      double x, y;

      if (isnan (v))
        {
          drawing = FALSE;
          continue;
        }

      x = cf_chart_frame_get_center (frame, i);
      y = cf_chart_frame_value_to_y (frame, v);

      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);

  /* Dots: every point when asked, else lone points */
  for (guint i = 0; i < n; i++)
    {
      double v = value_at (self, i);

      if (isnan (v))
        continue;
      if (!self->show_points && (!isnan (value_at (self, (int) i - 1)) || !isnan (value_at (self, i + 1))))
        continue;

      cairo_new_path (cr);
      cairo_arc (cr, cf_chart_frame_get_center (frame, i), cf_chart_frame_value_to_y (frame, v),
                 POINT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static void
cf_line_layer_finalize (GObject *object)
{
  CfLineLayer *self = (CfLineLayer *) object;

  g_array_unref (self->values);

  G_OBJECT_CLASS (cf_line_layer_parent_class)->finalize (object);
}

static void
cf_line_layer_class_init (CfLineLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfChartLayerClass *layer_class = CF_CHART_LAYER_CLASS (klass);

  object_class->finalize = cf_line_layer_finalize;
  layer_class->draw = cf_line_layer_draw;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "line");
}

static void
cf_line_layer_init (CfLineLayer *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

CfChartLayer *
cf_line_layer_new (void)
{
  return g_object_new (CF_TYPE_LINE_LAYER, NULL);
}

/**
 * cf_line_layer_set_values:
 * @values: (array length=n_values): one value per point, NaN for none
 */
void
cf_line_layer_set_values (CfLineLayer  *self,
                          const double *values,
                          guint         n_values)
{
  g_return_if_fail (CF_IS_LINE_LAYER (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->values, 0);
  if (n_values > 0)
    g_array_append_vals (self->values, values, n_values);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cf_line_layer_set_show_points:
 *
 * Whether to mark every point with a dot (lone points always are).
 */
void
cf_line_layer_set_show_points (CfLineLayer *self,
                               gboolean     show_points)
{
  g_return_if_fail (CF_IS_LINE_LAYER (self));

  self->show_points = !!show_points;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cf_line_layer_get_n_values (CfLineLayer *self)
{
  g_return_val_if_fail (CF_IS_LINE_LAYER (self), 0);

  return self->values->len;
}

double
cf_line_layer_get_value (CfLineLayer *self,
                         guint        index)
{
  g_return_val_if_fail (CF_IS_LINE_LAYER (self), NAN);
  g_return_val_if_fail (index < self->values->len, NAN);

  return g_array_index (self->values, double, index);
}
