/* cf-chart.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-chart"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <cairo-svg.h>

#include "cf-chart.h"

/**
 * CfChart:
 *
 * A chart drawn with GtkSnapshot: a value axis with grid lines and tick
 * labels, date labels along the points, and #CfChartLayer children that
 * draw the data (bars, lines, rules), stacked in the order they were
 * added.  Points are columns from left to right, or rows from top to
 * bottom for a horizontal bar chart (see cf_chart_set_vertical()).
 *
 * It draws only what it was given: snapshot() never queries.  The same
 * drawing code, through cairo, makes PNG and SVG exports at the
 * widget's size.  Hovering a point (or moving to it with the arrow keys
 * when the chart has the focus) highlights it and shows what the
 * describe function says about it.  For screen readers the chart is an
 * image whose label and description are a text summary.
 */

#define DEFAULT_WIDTH 640
#define DEFAULT_HEIGHT 320

/* Space around the plot, in px */
#define PAD_TOP 10
#define PAD_RIGHT 8
#define LABEL_GAP 6
#define X_LABEL_GAP 12

struct _CfChart
{
  GtkWidget            parent_instance;

  guint                n_points;
  gboolean             vertical;
  gboolean             show_frame;
  CfAxis               axis;
  GStrv                x_labels;
  CfAxisTimeUnit       time_unit;

  int                  hover;
  GtkWidget           *hover_label;
  CfChartDescribeFunc  describe;
  gpointer             describe_data;
  GDestroyNotify       describe_destroy;

  char                *summary_label;
  char                *summary_description;
};

G_DEFINE_FINAL_TYPE (CfChart, cf_chart, GTK_TYPE_WIDGET)

static double
alpha_for (CfChart *self,
           double   normal,
           double   high_contrast)
{
  return cf_chart_get_high_contrast (self) ? high_contrast : normal;
}

static void
set_source_rgba (cairo_t       *cr,
                 const GdkRGBA *color,
                 double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static char *
format_tick (const CfAxis *axis,
             double        value)
{
  /* Grouped thousands follow the locale */
  return g_strdup_printf ("%'.*f", (int) cf_axis_get_tick_decimals (axis), value);
}

static void
layout_size (PangoLayout *layout,
             int         *width,
             int         *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

/* Which points get a date label: every @step-th, counted back from the
 * last so that the latest (today) always has one */
static guint
x_label_step (CfChart            *self,
              const CfChartFrame *frame)
{
  double slot = cf_chart_frame_get_slot (frame);
  int widest = 0;
  guint min_step;

  if (self->x_labels == NULL || slot <= 0)
    return 0;

  for (guint i = 0; i < self->n_points && self->x_labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = cf_chart_create_layout (self, self->x_labels[i]);
      int w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  min_step = (guint) ceil ((widest + X_LABEL_GAP) / slot);

  return cf_axis_index_step (self->time_unit, MAX (min_step, 1));
}

static void
draw_frame (CfChart            *self,
            cairo_t            *cr,
            const CfChartFrame *frame)
{
  GdkRGBA fg;
  guint n_ticks = cf_axis_get_n_ticks (&frame->axis);
  guint step;

  cf_chart_widget_get_color (GTK_WIDGET (self), &fg);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);

  /* Grid lines and value labels */
  for (guint i = 0; i < n_ticks; i++)
    {
      double value = cf_axis_get_tick (&frame->axis, i);
      double y = round (cf_chart_frame_value_to_y (frame, value)) + 0.5;
      g_autofree char *text = format_tick (&frame->axis, value);
      g_autoptr(PangoLayout) layout = cf_chart_create_layout (self, text);
      int w, h;

      set_source_rgba (cr, &fg, i == 0 ? alpha_for (self, 0.3, 0.7) : alpha_for (self, 0.1, 0.35));
      cairo_move_to (cr, frame->plot.origin.x, y);
      cairo_line_to (cr, frame->plot.origin.x + frame->plot.size.width, y);
      cairo_stroke (cr);

      layout_size (layout, &w, &h);
      set_source_rgba (cr, &fg, alpha_for (self, 0.65, 1));
      cairo_move_to (cr, frame->plot.origin.x - LABEL_GAP - w, y - h / 2.0);
      pango_cairo_update_layout (cr, layout);
      pango_cairo_show_layout (cr, layout);
    }

  /* Date labels */
  step = x_label_step (self, frame);
  for (guint i = 0; step > 0 && i < self->n_points && self->x_labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double x;
      int w;

      if ((self->n_points - 1 - i) % step != 0 || self->x_labels[i][0] == '\0')
        continue;

      layout = cf_chart_create_layout (self, self->x_labels[i]);
      layout_size (layout, &w, NULL);
      x = cf_chart_frame_get_center (frame, i) - w / 2.0;
      x = CLAMP (x, 0, MAX (0, frame->width - w));

      set_source_rgba (cr, &fg, alpha_for (self, 0.65, 1));
      cairo_move_to (cr, x, frame->plot.origin.y + frame->plot.size.height + LABEL_GAP);
      pango_cairo_update_layout (cr, layout);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}

static void
update_hover_label (CfChart *self)
{
  g_autofree char *text = cf_chart_dup_hover_text (self);

  gtk_label_set_label (GTK_LABEL (self->hover_label), text ? text : "");
  gtk_widget_set_visible (self->hover_label, text != NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
index_at (CfChart *self,
          double   x,
          double   y)
{
  CfChartFrame frame;
  double slot, offset;

  if (!cf_chart_get_frame (self, &frame) || self->n_points == 0)
    return -1;

  slot = cf_chart_frame_get_slot (&frame);
  if (slot <= 0)
    return -1;

  if (frame.vertical)
    offset = y - frame.plot.origin.y;
  else
    offset = x - frame.plot.origin.x;

  if (offset < 0 || offset >= slot * self->n_points)
    return -1;

  return (int) (offset / slot);
}

static void
motion_cb (CfChart                  *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  cf_chart_set_hover (self, index_at (self, x, y));
}

static void
leave_cb (CfChart                  *self,
          GtkEventControllerMotion *controller)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    cf_chart_set_hover (self, -1);
}

static gboolean
key_pressed_cb (CfChart               *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int last = (int) self->n_points - 1;
  int hover = self->hover;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint previous = self->vertical ? GDK_KEY_Up : (rtl ? GDK_KEY_Right : GDK_KEY_Left);
  guint next = self->vertical ? GDK_KEY_Down : (rtl ? GDK_KEY_Left : GDK_KEY_Right);

  if (last < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == previous)
    hover = hover < 0 ? last : MAX (hover - 1, 0);
  else if (keyval == next)
    hover = hover < 0 ? last : MIN (hover + 1, last);
  else if (keyval == GDK_KEY_Home)
    hover = 0;
  else if (keyval == GDK_KEY_End)
    hover = last;
  else if (keyval == GDK_KEY_Escape && hover >= 0)
    hover = -1;
  else
    return FALSE;

  cf_chart_set_hover (self, hover);

  return TRUE;
}

static void
focus_enter_cb (CfChart                 *self,
                GtkEventControllerFocus *controller)
{
  if (self->hover < 0 && self->n_points > 0)
    cf_chart_set_hover (self, self->n_points - 1);
}

static void
focus_leave_cb (CfChart                 *self,
                GtkEventControllerFocus *controller)
{
  cf_chart_set_hover (self, -1);
}

static void
style_changed_cb (CfChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

static void
cf_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  /* The chart draws into whatever it gets; CSS min-width and
   * min-height set its floor.  The hover label is not measured, so it
   * never makes the chart grow. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 200;
}

static void
cf_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  CfChart *self = CF_CHART (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != self->hover_label)
        gtk_widget_allocate (child, width, height, -1, NULL);
    }

  if (gtk_widget_get_visible (self->hover_label) && self->hover >= 0)
    {
      CfChartFrame frame;
      int min_w, nat_w, min_h, nat_h, w, h;
      double x, y;

      cf_chart_compute_frame (self, width, height, &frame);
      gtk_widget_measure (self->hover_label, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MIN (MAX (min_w, nat_w), width);
      w = MAX (w, min_w);
      gtk_widget_measure (self->hover_label, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);
      h = MAX (min_h, nat_h);

      if (frame.vertical)
        {
          /* Beside the row, at the right */
          x = width - w;
          y = cf_chart_frame_get_center (&frame, self->hover) - h / 2.0;
        }
      else
        {
          /* Above the plot's top, next to the point */
          double center = cf_chart_frame_get_center (&frame, self->hover);
          double slot = cf_chart_frame_get_slot (&frame);

          x = center + slot / 2 + 4;
          if (x + w > width)
            x = center - slot / 2 - 4 - w;
          y = frame.plot.origin.y;
        }

      x = CLAMP (x, 0, MAX (0, width - w));
      y = CLAMP (y, 0, MAX (0, height - h));
      gtk_widget_allocate (self->hover_label, w, h, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((int) x, (int) y)));
    }
}

static void
cf_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  CfChart *self = CF_CHART (widget);
  CfChartFrame frame;

  if (!cf_chart_get_frame (self, &frame))
    return;

  if (self->show_frame)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, frame.width, frame.height));

      draw_frame (self, cr, &frame);
      cairo_destroy (cr);
    }

  /* The hovered point's column (or row), under the data */
  if (self->hover >= 0 && (guint) self->hover < self->n_points)
    {
      double slot = cf_chart_frame_get_slot (&frame);
      GdkRGBA fg;
      graphene_rect_t band;

      cf_chart_widget_get_color (widget, &fg);
      fg.alpha *= alpha_for (self, 0.08, 0.2);
      if (frame.vertical)
        band = GRAPHENE_RECT_INIT (frame.plot.origin.x, frame.plot.origin.y + self->hover * slot,
                                   frame.plot.size.width, slot);
      else
        band = GRAPHENE_RECT_INIT (frame.plot.origin.x + self->hover * slot, frame.plot.origin.y,
                                   slot, frame.plot.size.height);
      gtk_snapshot_append_color (snapshot, &fg, &band);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != self->hover_label)
        gtk_widget_snapshot_child (widget, child, snapshot);
    }

  if (gtk_widget_get_visible (self->hover_label))
    gtk_widget_snapshot_child (widget, self->hover_label, snapshot);
}

static void
cf_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cf_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

static void
cf_chart_dispose (GObject *object)
{
  CfChart *self = (CfChart *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->hover_label = NULL;

  if (self->describe_destroy != NULL)
    self->describe_destroy (self->describe_data);
  self->describe = NULL;
  self->describe_data = NULL;
  self->describe_destroy = NULL;

  G_OBJECT_CLASS (cf_chart_parent_class)->dispose (object);
}

static void
cf_chart_finalize (GObject *object)
{
  CfChart *self = (CfChart *) object;

  g_strfreev (self->x_labels);
  g_free (self->summary_label);
  g_free (self->summary_description);

  G_OBJECT_CLASS (cf_chart_parent_class)->finalize (object);
}

static void
cf_chart_class_init (CfChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_chart_dispose;
  object_class->finalize = cf_chart_finalize;

  widget_class->measure = cf_chart_measure;
  widget_class->size_allocate = cf_chart_size_allocate;
  widget_class->snapshot = cf_chart_snapshot;
  widget_class->css_changed = cf_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cf_chart_init (CfChart *self)
{
  GtkEventController *controller;
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->hover = -1;
  self->show_frame = TRUE;
  cf_axis_init_nice (&self->axis, 0, 0, CF_AXIS_DEFAULT_INTERVALS);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->hover_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->hover_label, "chart-hover");
  gtk_label_set_xalign (GTK_LABEL (self->hover_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->hover_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hover_label), 28);
  gtk_widget_set_can_target (self->hover_label, FALSE);
  gtk_widget_set_visible (self->hover_label, FALSE);
  gtk_widget_set_parent (self->hover_label, GTK_WIDGET (self));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Grid lines are stronger in high contrast */
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cf_chart_new (void)
{
  return g_object_new (CF_TYPE_CHART, NULL);
}

/**
 * cf_chart_add_layer:
 *
 * Adds @layer above the others.
 */
void
cf_chart_add_layer (CfChart      *self,
                    CfChartLayer *layer)
{
  g_return_if_fail (CF_IS_CHART (self));
  g_return_if_fail (CF_IS_CHART_LAYER (layer));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (layer)) == NULL);

  /* Below the hover label, which stays last */
  gtk_widget_insert_before (GTK_WIDGET (layer), GTK_WIDGET (self), self->hover_label);
}

void
cf_chart_set_n_points (CfChart *self,
                       guint    n_points)
{
  g_return_if_fail (CF_IS_CHART (self));

  if (self->n_points == n_points)
    return;

  self->n_points = n_points;
  if (self->hover >= (int) n_points)
    cf_chart_set_hover (self, -1);
  style_changed_cb (self);
}

guint
cf_chart_get_n_points (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), 0);

  return self->n_points;
}

/**
 * cf_chart_set_vertical:
 *
 * Makes points rows from top to bottom, for a horizontal bar chart.
 */
void
cf_chart_set_vertical (CfChart  *self,
                       gboolean  vertical)
{
  g_return_if_fail (CF_IS_CHART (self));

  self->vertical = !!vertical;
  style_changed_cb (self);
}

/**
 * cf_chart_set_show_frame:
 *
 * Whether to draw grid lines and axis labels.
 */
void
cf_chart_set_show_frame (CfChart  *self,
                         gboolean  show_frame)
{
  g_return_if_fail (CF_IS_CHART (self));

  self->show_frame = !!show_frame;
  style_changed_cb (self);
}

/**
 * cf_chart_set_value_range:
 *
 * Sets the value axis to cover @min to @max, widened to nice ticks.
 */
void
cf_chart_set_value_range (CfChart *self,
                          double   min,
                          double   max)
{
  g_return_if_fail (CF_IS_CHART (self));

  cf_axis_init_nice (&self->axis, min, max, CF_AXIS_DEFAULT_INTERVALS);
  style_changed_cb (self);
}

const CfAxis *
cf_chart_get_axis (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  return &self->axis;
}

/**
 * cf_chart_set_x_labels:
 * @labels: (array zero-terminated=1) (nullable): one label per point
 * @unit: what a point stands for, to choose which labels fit
 */
void
cf_chart_set_x_labels (CfChart            *self,
                       const char * const *labels,
                       CfAxisTimeUnit      unit)
{
  g_return_if_fail (CF_IS_CHART (self));

  g_strfreev (self->x_labels);
  self->x_labels = g_strdupv ((char **) labels);
  self->time_unit = unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cf_chart_set_describe_func (CfChart             *self,
                            CfChartDescribeFunc  func,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  g_return_if_fail (CF_IS_CHART (self));

  if (self->describe_destroy != NULL)
    self->describe_destroy (self->describe_data);

  self->describe = func;
  self->describe_data = user_data;
  self->describe_destroy = destroy;
}

/**
 * cf_chart_set_summary:
 * @label: what the chart shows, e.g. "Magnesium, last 30 days"
 * @description: what it says, in words, for screen readers
 */
void
cf_chart_set_summary (CfChart    *self,
                      const char *label,
                      const char *description)
{
  g_return_if_fail (CF_IS_CHART (self));

  g_free (self->summary_label);
  self->summary_label = g_strdup (label);
  g_free (self->summary_description);
  self->summary_description = g_strdup (description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

const char *
cf_chart_get_summary_label (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  return self->summary_label;
}

const char *
cf_chart_get_summary_description (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  return self->summary_description;
}

/**
 * cf_chart_set_hover:
 * @index: a point, or -1 for none
 */
void
cf_chart_set_hover (CfChart *self,
                    int      index)
{
  g_return_if_fail (CF_IS_CHART (self));

  if (index >= (int) self->n_points || index < 0)
    index = -1;

  if (self->hover == index)
    return;

  self->hover = index;
  update_hover_label (self);
}

int
cf_chart_get_hover (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), -1);

  return self->hover;
}

/**
 * cf_chart_dup_hover_text:
 *
 * Returns: (transfer full) (nullable): what the hover label says
 */
char *
cf_chart_dup_hover_text (CfChart *self)
{
  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  if (self->hover < 0 || self->describe == NULL)
    return NULL;

  return self->describe (self->hover, self->describe_data);
}

/**
 * cf_chart_compute_frame:
 *
 * Works out the plot area and axes for a drawing of @width × @height.
 */
void
cf_chart_compute_frame (CfChart      *self,
                        double        width,
                        double        height,
                        CfChartFrame *frame)
{
  double left = 0, bottom = 0, top = 0, right = 0;

  g_return_if_fail (CF_IS_CHART (self));
  g_return_if_fail (frame != NULL);

  frame->width = width;
  frame->height = height;
  frame->n_points = self->n_points;
  frame->vertical = self->vertical;
  frame->axis = self->axis;

  if (self->show_frame)
    {
      guint n_ticks = cf_axis_get_n_ticks (&self->axis);
      int line_height = 0;

      for (guint i = 0; i < n_ticks; i++)
        {
          g_autofree char *text = format_tick (&self->axis, cf_axis_get_tick (&self->axis, i));
          g_autoptr(PangoLayout) layout = cf_chart_create_layout (self, text);
          int w, h;

          layout_size (layout, &w, &h);
          left = MAX (left, w + LABEL_GAP);
          line_height = MAX (line_height, h);
        }

      if (self->x_labels != NULL)
        {
          g_autoptr(PangoLayout) layout = cf_chart_create_layout (self, "0");
          int h;

          layout_size (layout, NULL, &h);
          bottom = h + LABEL_GAP;
        }

      top = MAX (PAD_TOP, line_height / 2.0);
      right = PAD_RIGHT;
    }

  frame->plot = GRAPHENE_RECT_INIT (left, top, MAX (0, width - left - right), MAX (0, height - top - bottom));
}

/**
 * cf_chart_get_frame:
 *
 * The frame for the chart's current size.
 *
 * Returns: %FALSE when the chart has no size yet
 */
gboolean
cf_chart_get_frame (CfChart      *self,
                    CfChartFrame *frame)
{
  int width, height;

  g_return_val_if_fail (CF_IS_CHART (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return FALSE;

  cf_chart_compute_frame (self, width, height, frame);

  return TRUE;
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  gboolean found;

  /* Deprecated from GTK 4.10, with no replacement for named colours */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
G_GNUC_END_IGNORE_DEPRECATIONS

  return found;
}

/**
 * cf_chart_get_background:
 *
 * The colour behind the chart: the card's, made opaque over the
 * window's (dark cards are translucent), for exports and for the halo
 * that keeps labels readable over the data.
 */
void
cf_chart_get_background (CfChart *self,
                         GdkRGBA *color)
{
  GdkRGBA card, window;

  g_return_if_fail (CF_IS_CHART (self));
  g_return_if_fail (color != NULL);

  if (!lookup_color (GTK_WIDGET (self), "window_bg_color", &window))
    gdk_rgba_parse (&window, "white");
  if (!lookup_color (GTK_WIDGET (self), "card_bg_color", &card))
    card = window;

  color->red = card.red * card.alpha + window.red * (1 - card.alpha);
  color->green = card.green * card.alpha + window.green * (1 - card.alpha);
  color->blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  color->alpha = 1;
}

/**
 * cf_chart_draw:
 * @background: whether to fill the background first, as a card (for
 *   exports, which have no window behind them)
 *
 * Draws the chart, its frame and its layers with cairo, as on screen
 * but without the hover highlight.
 */
void
cf_chart_draw (CfChart  *self,
               cairo_t  *cr,
               double    width,
               double    height,
               gboolean  background)
{
  CfChartFrame frame;

  g_return_if_fail (CF_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  cf_chart_compute_frame (self, width, height, &frame);

  if (background)
    {
      GdkRGBA bg;

      cf_chart_get_background (self, &bg);
      gdk_cairo_set_source_rgba (cr, &bg);
      cairo_paint (cr);
    }

  if (self->show_frame)
    draw_frame (self, cr, &frame);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CF_IS_CHART_LAYER (child) && gtk_widget_get_visible (child))
        {
          cairo_save (cr);
          cf_chart_layer_draw (CF_CHART_LAYER (child), cr, &frame);
          cairo_restore (cr);
        }
    }
}

static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * cf_chart_export_bytes:
 *
 * Draws the chart at its current size (640 × 320 when it has none) as
 * a PNG image (at the screen's scale) or an SVG document.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error
 *   set
 */
GBytes *
cf_chart_export_bytes (CfChart        *self,
                       CfChartFormat   format,
                       GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height, scale;

  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      width = DEFAULT_WIDTH;
      height = DEFAULT_HEIGHT;
    }
  scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if (format == CF_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_bytes_cb, bytes, width, height);
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      cairo_surface_set_device_scale (surface, scale, scale);
    }

  cr = cairo_create (surface);
  cf_chart_draw (self, cr, width, height, TRUE);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == CF_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_bytes_cb, bytes);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * cf_chart_export_to_file:
 *
 * Writes cf_chart_export_bytes() to @file, replacing it.
 */
gboolean
cf_chart_export_to_file (CfChart        *self,
                         GFile          *file,
                         CfChartFormat   format,
                         GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CF_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = cf_chart_export_bytes (self, format, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * cf_chart_create_layout:
 *
 * Returns: (transfer full): a layout of @text in the chart's font, a
 *   size smaller, with tabular figures
 */
PangoLayout *
cf_chart_create_layout (CfChart    *self,
                        const char *text)
{
  PangoLayout *layout;
  PangoAttrList *attrs;

  g_return_val_if_fail (CF_IS_CHART (self), NULL);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/**
 * cf_chart_get_high_contrast:
 *
 * Returns: whether the high contrast style is on (grid lines and
 *   labels are then drawn stronger)
 */
gboolean
cf_chart_get_high_contrast (CfChart *self)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}
