/* cf-amount-controller.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-amount-controller"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-amount-controller.h"
#include "cf-diary-entry.h"
#include "cf-error.h"
#include "cf-nutrient-format.h"
#include "cf-ui-util.h"

/**
 * CfAmountController:
 *
 * Drives an amount field and a measure chooser for a food: the measures
 * are the food's household portions plus grams and ounces (a supplement
 * offers its unit), the amount is checked as it is typed and a problem
 * is shown in the error label next to the field.  #CfAmountController::changed
 * is emitted whenever the amount, the measure or the verdict changes.
 */

/* One way of giving the amount: a household measure, grams or ounces */
typedef struct
{
  char      *label;
  double     grams_per_unit;
  CfPortion *portion;
} Choice;

struct _CfAmountController
{
  GObject      parent_instance;

  AdwEntryRow *amount_row;
  AdwComboRow *measure_row;
  GtkLabel    *error_label;

  CfFood      *food;
  GPtrArray   *choices;
  char        *error;
  double       quantity;
  double       grams;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfAmountController, cf_amount_controller, G_TYPE_OBJECT)

static void
choice_free (Choice *choice)
{
  g_free (choice->label);
  g_clear_object (&choice->portion);
  g_free (choice);
}

static Choice *
get_choice (CfAmountController *self)
{
  guint selected = adw_combo_row_get_selected (self->measure_row);

  if (self->choices == NULL || selected >= self->choices->len)
    return NULL;

  return g_ptr_array_index (self->choices, selected);
}

void
cf_amount_controller_set_error (CfAmountController *self,
                                const char         *message)
{
  g_return_if_fail (CF_IS_AMOUNT_CONTROLLER (self));

  g_free (self->error);
  self->error = g_strdup (message);

  if (self->error_label != NULL)
    {
      gtk_label_set_label (self->error_label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
    }

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
}

static void measure_changed_cb (CfAmountController *self);

/* What follows the number at the start of @text ("large" in "2 large"),
 * or %NULL when @text does not start with one */
static char *
dup_unit (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
    p++;

  return g_strstrip (g_strdup (p));
}

static void
select_choice (CfAmountController *self,
               guint               index)
{
  g_signal_handlers_block_by_func (self->measure_row, measure_changed_cb, self);
  adw_combo_row_set_selected (self->measure_row, index);
  g_signal_handlers_unblock_by_func (self->measure_row, measure_changed_cb, self);
}

/* An amount with its unit, "2 large", "1 cup", "150 g" or "5 oz": read
 * by the core as the CLI reads it, and the measure chosen to match */
static gboolean
parse_with_unit (CfAmountController  *self,
                 const char          *text,
                 GError             **error)
{
  g_autoptr(CfPortion) portion = NULL;
  g_autofree char *unit = dup_unit (text);
  double grams, portion_quantity;

  if (!cf_parse_amount (text, self->food, &grams, &portion, &portion_quantity, error))
    return FALSE;

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = g_ptr_array_index (self->choices, i);
      gboolean match;

      if (portion != NULL)
        /* One of the food's measures */
        match = c->portion != NULL &&
                g_strcmp0 (cf_portion_get_description (c->portion), cf_portion_get_description (portion)) == 0 &&
                cf_portion_get_grams (c->portion) == cf_portion_get_grams (portion);
      else if (unit != NULL && g_ascii_strcasecmp (unit, "oz") == 0)
        /* Ounces, as the measure list offers them */
        match = c->portion != NULL && c->grams_per_unit == 28.349523125;
      else
        /* Another weight: in grams */
        match = c->portion == NULL;

      if (match)
        {
          select_choice (self, i);
          self->quantity = portion != NULL ? portion_quantity * cf_portion_get_amount (portion)
                                           : grams / c->grams_per_unit;
          self->grams = grams;
          return TRUE;
        }
    }

  /* A supplement counted in its own unit has no grams to choose */
  g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID, _("Give the amount in the supplement’s own unit"));
  return FALSE;
}

/* Checks the amount as typed: a number in the measure chosen, or an
 * amount with its unit */
static void
validate (CfAmountController *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  Choice *choice = get_choice (self);
  const char *text;
  double quantity;

  if (self->food == NULL || choice == NULL)
    return;

  /* The core's reading of numbers and amounts, and its message, as for
   * the CLI and import */
  text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  unit = g_utf8_validate (text, -1, NULL) ? dup_unit (text) : NULL;
  if (unit != NULL && *unit != '\0' && g_ascii_isalpha (*unit))
    {
      if (parse_with_unit (self, text, &error))
        cf_amount_controller_set_error (self, NULL);
      else
        cf_amount_controller_set_error (self, error->message);
    }
  else if (!cf_parse_decimal (text, &quantity, &error))
    cf_amount_controller_set_error (self, cf_text_is_blank (text) ? _("Enter an amount") : error->message);
  else if (choice->portion != NULL && !cf_validate_quantity (quantity, &error))
    cf_amount_controller_set_error (self, error->message);
  else if (!cf_validate_grams (quantity * choice->grams_per_unit, &error))
    cf_amount_controller_set_error (self, error->message);
  else
    {
      self->quantity = quantity;
      self->grams = quantity * choice->grams_per_unit;
      cf_amount_controller_set_error (self, NULL);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Another measure chosen while the amount names one ("2 large"): the
 * number stays, in the measure chosen */
static void
measure_changed_cb (CfAmountController *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  g_autofree char *unit = g_utf8_validate (text, -1, NULL) ? dup_unit (text) : NULL;

  if (unit != NULL && *unit != '\0' && g_ascii_isalpha (*unit))
    {
      g_autofree char *number = g_strndup (text, strlen (text) - strlen (strstr (text, unit)));

      /* (the text's change validates) */
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), g_strstrip (number));
      return;
    }

  validate (self);
}

static void
set_choices (CfAmountController *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *portions = cf_food_get_portions (self->food);
  gboolean supplement = cf_food_get_kind (self->food) == CF_FOOD_KIND_SUPPLEMENT;

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  for (guint i = 0; i < g_list_model_get_n_items (portions); i++)
    {
      g_autoptr(CfPortion) portion = g_list_model_get_item (portions, i);
      Choice *choice = g_new0 (Choice, 1);

      choice->portion = g_object_ref (portion);
      choice->grams_per_unit = cf_portion_get_grams (portion) / cf_portion_get_amount (portion);
      if (supplement)
        choice->label = g_strdup (cf_portion_get_description (portion));
      else
        /* Translators: a household measure with the weight of one,
         * e.g. "cup, chopped (91 g)" */
        choice->label = g_strdup_printf (_("%s (%.3g g)"), cf_portion_get_description (portion),
                                         choice->grams_per_unit);
      g_ptr_array_add (self->choices, choice);
    }

  if (!supplement || self->choices->len == 0)
    {
      Choice *grams = g_new0 (Choice, 1);
      Choice *ounces = g_new0 (Choice, 1);

      /* Translators: the unit for amounts given as a weight */
      grams->label = g_strdup (_("grams"));
      grams->grams_per_unit = 1;
      g_ptr_array_add (self->choices, grams);

      ounces->label = g_strdup (_("ounces"));
      ounces->grams_per_unit = 28.349523125;
      /* Translators: the abbreviation for ounces in an amount such as "2 oz (56.7 g)" */
      ounces->portion = cf_portion_new (1, _("oz"), ounces->grams_per_unit);
      g_ptr_array_add (self->choices, ounces);
    }

  for (guint i = 0; i < self->choices->len; i++)
    gtk_string_list_append (labels, ((Choice *) g_ptr_array_index (self->choices, i))->label);

  g_signal_handlers_block_by_func (self->measure_row, measure_changed_cb, self);
  adw_combo_row_set_model (self->measure_row, G_LIST_MODEL (labels));
  g_signal_handlers_unblock_by_func (self->measure_row, measure_changed_cb, self);
}

static void
cf_amount_controller_dispose (GObject *object)
{
  CfAmountController *self = (CfAmountController *) object;

  if (self->amount_row != NULL)
    g_signal_handlers_disconnect_by_data (self->amount_row, self);
  if (self->measure_row != NULL)
    g_signal_handlers_disconnect_by_data (self->measure_row, self);

  g_clear_weak_pointer (&self->amount_row);
  g_clear_weak_pointer (&self->measure_row);
  g_clear_weak_pointer (&self->error_label);
  g_clear_object (&self->food);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_amount_controller_parent_class)->dispose (object);
}

static void
cf_amount_controller_finalize (GObject *object)
{
  CfAmountController *self = (CfAmountController *) object;

  g_free (self->error);

  G_OBJECT_CLASS (cf_amount_controller_parent_class)->finalize (object);
}

static void
cf_amount_controller_class_init (CfAmountControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_amount_controller_dispose;
  object_class->finalize = cf_amount_controller_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_amount_controller_init (CfAmountController *self)
{
}

/**
 * cf_amount_controller_new:
 * @error_label: (nullable): where problems with the amount are shown
 *
 * The controller does not keep the widgets alive; it stops when they
 * go away.
 */
CfAmountController *
cf_amount_controller_new (AdwEntryRow *amount_row,
                          AdwComboRow *measure_row,
                          GtkLabel    *error_label)
{
  CfAmountController *self;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (amount_row), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (measure_row), NULL);

  self = g_object_new (CF_TYPE_AMOUNT_CONTROLLER, NULL);
  g_set_weak_pointer (&self->amount_row, amount_row);
  g_set_weak_pointer (&self->measure_row, measure_row);
  g_set_weak_pointer (&self->error_label, error_label);

  g_signal_connect_swapped (amount_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (measure_row, "notify::selected", G_CALLBACK (measure_changed_cb), self);

  return self;
}

/**
 * cf_amount_controller_set_food:
 * @portion_description: (nullable): the measure to select, or %NULL for
 *   the food's first household measure (grams when it has none)
 * @quantity: how many of that measure, or NaN for 1 of a measure or
 *   100 g
 */
void
cf_amount_controller_set_food (CfAmountController *self,
                               CfFood             *food,
                               const char         *portion_description,
                               double              quantity)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  guint selected = 0;

  g_return_if_fail (CF_IS_AMOUNT_CONTROLLER (self));
  g_return_if_fail (CF_IS_FOOD (food));

  g_set_object (&self->food, food);
  set_choices (self);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = g_ptr_array_index (self->choices, i);

      if (portion_description != NULL && c->portion != NULL &&
          g_strcmp0 (cf_portion_get_description (c->portion), portion_description) == 0)
        {
          selected = i;
          break;
        }
      /* A weight: grams */
      if (portion_description == NULL && !isnan (quantity) && c->portion == NULL)
        {
          selected = i;
          break;
        }
    }

  if (isnan (quantity))
    quantity = ((Choice *) g_ptr_array_index (self->choices, selected))->portion ? 1 : 100;

  g_signal_handlers_block_by_func (self->measure_row, measure_changed_cb, self);
  adw_combo_row_set_selected (self->measure_row, selected);
  g_signal_handlers_unblock_by_func (self->measure_row, measure_changed_cb, self);

  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), cf_format_entry_number (buf, sizeof buf, "%.4g", quantity));
  validate (self);
}

gboolean
cf_amount_controller_is_valid (CfAmountController *self)
{
  g_return_val_if_fail (CF_IS_AMOUNT_CONTROLLER (self), FALSE);

  return self->food != NULL && self->error == NULL;
}

/**
 * cf_amount_controller_get_error:
 *
 * Returns: (nullable): what is wrong with the amount
 */
const char *
cf_amount_controller_get_error (CfAmountController *self)
{
  g_return_val_if_fail (CF_IS_AMOUNT_CONTROLLER (self), NULL);

  return self->error;
}

double
cf_amount_controller_get_grams (CfAmountController *self)
{
  g_return_val_if_fail (CF_IS_AMOUNT_CONTROLLER (self), 0);

  return self->grams;
}

/**
 * cf_amount_controller_get_portion:
 *
 * Returns: (transfer none) (nullable): the measure chosen, %NULL for
 *   grams
 */
CfPortion *
cf_amount_controller_get_portion (CfAmountController *self)
{
  Choice *choice;

  g_return_val_if_fail (CF_IS_AMOUNT_CONTROLLER (self), NULL);

  choice = get_choice (self);

  return choice ? choice->portion : NULL;
}

/**
 * cf_amount_controller_get_portion_quantity:
 *
 * Returns: how many of cf_amount_controller_get_portion(), in the
 *   portion's own amount (as cf_diary_entry_new() takes it)
 */
double
cf_amount_controller_get_portion_quantity (CfAmountController *self)
{
  CfPortion *portion;

  g_return_val_if_fail (CF_IS_AMOUNT_CONTROLLER (self), 0);

  portion = cf_amount_controller_get_portion (self);

  return portion ? self->quantity / cf_portion_get_amount (portion) : 0;
}
