/* cf-hbar-layer.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-hbar-layer"

#include "config.h"

#include <math.h>

#include "cf-chart.h"
#include "cf-hbar-layer.h"

/**
 * CfHbarLayer:
 *
 * Horizontal bars, one row per point of a vertical #CfChart: a name and
 * a value label on one line, and under them a bar whose length is the
 * value against the largest one, on a faint track.  Names are
 * ellipsized, so rows fit a phone-sized window.
 */
struct _CfHbarLayer
{
  CfChartLayer  parent_instance;

  GPtrArray    *names;
  GPtrArray    *value_labels;
  GArray       *values;
};

G_DEFINE_FINAL_TYPE (CfHbarLayer, cf_hbar_layer, CF_TYPE_CHART_LAYER)

#define BAR_HEIGHT 8
#define TEXT_GAP 4
#define COLUMN_GAP 12

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_bar (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h)
{
  double r = MIN (h / 2, w / 2);

  cairo_new_path (cr);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 1.5 * G_PI);
  cairo_arc (cr, x + w - r, y + r, r, 1.5 * G_PI, G_PI / 2);
  cairo_close_path (cr);
}

static void
cf_hbar_layer_draw (CfChartLayer       *layer,
                    cairo_t            *cr,
                    const CfChartFrame *frame)
{
  CfHbarLayer *self = CF_HBAR_LAYER (layer);
  GtkWidget *chart = gtk_widget_get_parent (GTK_WIDGET (self));
  double slot = cf_chart_frame_get_slot (frame);
  double max = 0;
  GdkRGBA color, fg;
  guint n;

  if (!CF_IS_CHART (chart) || slot <= 0)
    return;

  cf_chart_layer_get_color (layer, &color);
  cf_chart_widget_get_color (chart, &fg);

  n = MIN (self->values->len, frame->n_points);
  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->values, double, i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) name = cf_chart_create_layout (CF_CHART (chart), g_ptr_array_index (self->names, i));
      g_autoptr(PangoLayout) value = cf_chart_create_layout (CF_CHART (chart), g_ptr_array_index (self->value_labels, i));
      double top = frame->plot.origin.y + i * slot;
      double v = g_array_index (self->values, double, i);
      double x = frame->plot.origin.x;
      double width = frame->plot.size.width;
      PangoRectangle name_rect, value_rect;
      double bar_y, bar_w;

      pango_layout_get_pixel_extents (value, NULL, &value_rect);
      pango_layout_set_width (name, MAX (0, width - value_rect.width - COLUMN_GAP) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_extents (name, NULL, &name_rect);

      bar_y = top + (slot - name_rect.height - TEXT_GAP - BAR_HEIGHT) / 2;

      gdk_cairo_set_source_rgba (cr, &fg);
      show_layout (cr, name, x, bar_y);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
      show_layout (cr, value, x + width - value_rect.width, bar_y);

      bar_y += name_rect.height + TEXT_GAP;

      /* The track, then the bar */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.1);
      rounded_bar (cr, x, bar_y, width, BAR_HEIGHT);
      cairo_fill (cr);

      bar_w = max > 0 && !isnan (v) ? width * CLAMP (v / max, 0, 1) : 0;
      if (bar_w > 0)
        {
          gdk_cairo_set_source_rgba (cr, &color);
          rounded_bar (cr, x, bar_y, MAX (bar_w, BAR_HEIGHT), BAR_HEIGHT);
          cairo_fill (cr);
        }
    }
}

static void
cf_hbar_layer_finalize (GObject *object)
{
  CfHbarLayer *self = (CfHbarLayer *) object;

  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->value_labels);
  g_array_unref (self->values);

  G_OBJECT_CLASS (cf_hbar_layer_parent_class)->finalize (object);
}

static void
cf_hbar_layer_class_init (CfHbarLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfChartLayerClass *layer_class = CF_CHART_LAYER_CLASS (klass);

  object_class->finalize = cf_hbar_layer_finalize;
  layer_class->draw = cf_hbar_layer_draw;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "hbars");
}

static void
cf_hbar_layer_init (CfHbarLayer *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->value_labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

CfChartLayer *
cf_hbar_layer_new (void)
{
  return g_object_new (CF_TYPE_HBAR_LAYER, NULL);
}

/**
 * cf_hbar_layer_set_rows:
 * @names: (array length=n_rows): the row names
 * @values: (array length=n_rows): the values, which bars are scaled to
 * @value_labels: (array length=n_rows): the values as shown
 */
void
cf_hbar_layer_set_rows (CfHbarLayer        *self,
                        const char * const *names,
                        const double       *values,
                        const char * const *value_labels,
                        guint               n_rows)
{
  g_return_if_fail (CF_IS_HBAR_LAYER (self));
  g_return_if_fail (n_rows == 0 || (names != NULL && values != NULL && value_labels != NULL));

  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->value_labels, 0);
  g_array_set_size (self->values, 0);

  for (guint i = 0; i < n_rows; i++)
    {
      g_ptr_array_add (self->names, g_strdup (names[i]));
      g_ptr_array_add (self->value_labels, g_strdup (value_labels[i]));
      g_array_append_val (self->values, values[i]);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cf_hbar_layer_get_n_rows (CfHbarLayer *self)
{
  g_return_val_if_fail (CF_IS_HBAR_LAYER (self), 0);

  return self->values->len;
}

const char *
cf_hbar_layer_get_name (CfHbarLayer *self,
                        guint        index)
{
  g_return_val_if_fail (CF_IS_HBAR_LAYER (self), NULL);
  g_return_val_if_fail (index < self->names->len, NULL);

  return g_ptr_array_index (self->names, index);
}

double
cf_hbar_layer_get_value (CfHbarLayer *self,
                         guint        index)
{
  g_return_val_if_fail (CF_IS_HBAR_LAYER (self), NAN);
  g_return_val_if_fail (index < self->values->len, NAN);

  return g_array_index (self->values, double, index);
}
