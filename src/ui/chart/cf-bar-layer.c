/* cf-bar-layer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-bar-layer"

#include "config.h"

#include <math.h>

#include "cf-bar-layer.h"

/**
 * CfBarLayer:
 *
 * One bar per point, from the bottom of the value axis up to the value.
 * A point without a value (NaN) has no bar: a gap, not a zero.  A point
 * whose value rests on only part of the food (below
 * cf_bar_layer_set_partial_below(), by default
 * %CF_BAR_COMPLETE_COVERAGE) is drawn lighter with a solid cap, so it
 * does not read as a true low, as the diary's day summary hatches it.
 *
 * On screen the bars are colour nodes; exports draw the same
 * rectangles with cairo.
 */
struct _CfBarLayer
{
  CfChartLayer  parent_instance;

  GArray       *values;
  GArray       *coverage;
  double        partial_below;
};

G_DEFINE_FINAL_TYPE (CfBarLayer, cf_bar_layer, CF_TYPE_CHART_LAYER)

/* Bars take this share of their slot, up to MAX_BAR_WIDTH */
#define BAR_SHARE 0.7
#define MAX_BAR_WIDTH 40
#define PARTIAL_ALPHA 0.4
#define CAP_HEIGHT 2
/* A zero that was logged still shows, as a sliver */
#define MIN_BAR_HEIGHT 1.5

typedef struct
{
  graphene_rect_t rect;
  double          radius;
  gboolean        partial;
} Bar;

/* The same bars for the screen and for exports */
static gboolean
get_bar (CfBarLayer         *self,
         const CfChartFrame *frame,
         guint               index,
         Bar                *bar)
{
  double value, slot, width, base, top;

  if (index >= self->values->len || index >= frame->n_points)
    return FALSE;

  value = g_array_index (self->values, double, index);
  if (isnan (value))
    return FALSE;

  slot = cf_chart_frame_get_slot (frame);
  width = MAX (1, MIN (slot * BAR_SHARE, MAX_BAR_WIDTH));
  if (slot >= 4)
    width = round (width);

  base = cf_chart_frame_value_to_y (frame, frame->axis.min);
  top = cf_chart_frame_value_to_y (frame, CLAMP (value, frame->axis.min, frame->axis.max));
  top = MIN (top, base - MIN_BAR_HEIGHT);

  bar->rect = GRAPHENE_RECT_INIT (cf_chart_frame_get_center (frame, index) - width / 2, top, width, base - top);
  bar->radius = MIN (3, MIN (width / 3, bar->rect.size.height / 2));
  bar->partial = cf_bar_layer_is_partial (self, index);

  return TRUE;
}

static void
cf_bar_layer_draw (CfChartLayer       *layer,
                   cairo_t            *cr,
                   const CfChartFrame *frame)
{
  CfBarLayer *self = CF_BAR_LAYER (layer);
  GdkRGBA color;

  cf_chart_layer_get_color (layer, &color);

  for (guint i = 0; i < self->values->len; i++)
    {
      Bar bar;
      double x, y, w, h, r;

      if (!get_bar (self, frame, i, &bar))
        continue;

      x = bar.rect.origin.x;
      y = bar.rect.origin.y;
      w = bar.rect.size.width;
      h = bar.rect.size.height;
      r = bar.radius;

      cairo_save (cr);
      /* Rounded at the top only */
      cairo_new_path (cr);
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x, y + r);
      cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
      cairo_line_to (cr, x + w - r, y);
      cairo_arc (cr, x + w - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, x + w, y + h);
      cairo_close_path (cr);
      cairo_clip_preserve (cr);

      cairo_set_source_rgba (cr, color.red, color.green, color.blue,
                             color.alpha * (bar.partial ? PARTIAL_ALPHA : 1));
      cairo_fill (cr);

      if (bar.partial)
        {
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
          cairo_rectangle (cr, x, y, w, MIN (CAP_HEIGHT, h));
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
}

static void
cf_bar_layer_snapshot_layer (CfChartLayer       *layer,
                             GtkSnapshot        *snapshot,
                             const CfChartFrame *frame)
{
  CfBarLayer *self = CF_BAR_LAYER (layer);
  GdkRGBA color, light;

  cf_chart_layer_get_color (layer, &color);
  light = color;
  light.alpha *= PARTIAL_ALPHA;

  for (guint i = 0; i < self->values->len; i++)
    {
      GskRoundedRect rounded;
      Bar bar;

      if (!get_bar (self, frame, i, &bar))
        continue;

      gsk_rounded_rect_init (&rounded, &bar.rect,
                             &GRAPHENE_SIZE_INIT (bar.radius, bar.radius),
                             &GRAPHENE_SIZE_INIT (bar.radius, bar.radius),
                             &GRAPHENE_SIZE_INIT (0, 0),
                             &GRAPHENE_SIZE_INIT (0, 0));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, bar.partial ? &light : &color, &bar.rect);
      if (bar.partial)
        gtk_snapshot_append_color (snapshot, &color,
                                   &GRAPHENE_RECT_INIT (bar.rect.origin.x, bar.rect.origin.y,
                                                        bar.rect.size.width,
                                                        MIN (CAP_HEIGHT, bar.rect.size.height)));
      gtk_snapshot_pop (snapshot);
    }
}

static void
cf_bar_layer_finalize (GObject *object)
{
  CfBarLayer *self = (CfBarLayer *) object;

  g_array_unref (self->values);
  g_array_unref (self->coverage);

  G_OBJECT_CLASS (cf_bar_layer_parent_class)->finalize (object);
}

static void
cf_bar_layer_class_init (CfBarLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfChartLayerClass *layer_class = CF_CHART_LAYER_CLASS (klass);

  object_class->finalize = cf_bar_layer_finalize;
  layer_class->draw = cf_bar_layer_draw;
  layer_class->snapshot_layer = cf_bar_layer_snapshot_layer;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bars");
}

static void
cf_bar_layer_init (CfBarLayer *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->coverage = g_array_new (FALSE, FALSE, sizeof (double));
  self->partial_below = CF_BAR_COMPLETE_COVERAGE;
}

CfChartLayer *
cf_bar_layer_new (void)
{
  return g_object_new (CF_TYPE_BAR_LAYER, NULL);
}

/**
 * cf_bar_layer_set_values:
 * @values: (array length=n_values): one value per point, NaN for none
 * @coverage: (array length=n_values) (nullable): the share of each
 *   point's food with a value, or %NULL for all of it
 */
void
cf_bar_layer_set_values (CfBarLayer   *self,
                         const double *values,
                         const double *coverage,
                         guint         n_values)
{
  g_return_if_fail (CF_IS_BAR_LAYER (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->values, 0);
  g_array_set_size (self->coverage, 0);
  if (n_values > 0)
    g_array_append_vals (self->values, values, n_values);
  if (coverage != NULL && n_values > 0)
    g_array_append_vals (self->coverage, coverage, n_values);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cf_bar_layer_get_n_values (CfBarLayer *self)
{
  g_return_val_if_fail (CF_IS_BAR_LAYER (self), 0);

  return self->values->len;
}

double
cf_bar_layer_get_value (CfBarLayer *self,
                        guint       index)
{
  g_return_val_if_fail (CF_IS_BAR_LAYER (self), NAN);
  g_return_val_if_fail (index < self->values->len, NAN);

  return g_array_index (self->values, double, index);
}

/**
 * cf_bar_layer_is_partial:
 *
 * Returns: whether the bar at @index rests on only part of the food
 */
gboolean
cf_bar_layer_is_partial (CfBarLayer *self,
                         guint       index)
{
  double c;

  g_return_val_if_fail (CF_IS_BAR_LAYER (self), FALSE);

  if (index >= self->coverage->len)
    return FALSE;

  c = g_array_index (self->coverage, double, index);

  return !isnan (c) && c < self->partial_below;
}

/**
 * cf_bar_layer_set_partial_below:
 * @coverage: the share of the food with a value below which a bar is
 *   drawn as partial
 */
void
cf_bar_layer_set_partial_below (CfBarLayer *self,
                                double      coverage)
{
  g_return_if_fail (CF_IS_BAR_LAYER (self));

  self->partial_below = coverage;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
