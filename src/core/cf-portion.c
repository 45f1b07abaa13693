/* cf-portion.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-portion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-portion.h"

/**
 * CfPortion:
 *
 * A household measure of a food: @amount × @description weighs @grams,
 * e.g. "1 cup, chopped" = 91 g.
 */
struct _CfPortion
{
  GObject  parent_instance;
  double   amount;
  char    *description;
  double   grams;
};

enum {
  PROP_0,
  PROP_AMOUNT,
  PROP_DESCRIPTION,
  PROP_GRAMS,
  PROP_LABEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CfPortion, cf_portion, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
cf_portion_finalize (GObject *object)
{
  CfPortion *self = (CfPortion *) object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cf_portion_parent_class)->finalize (object);
}

static void
cf_portion_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfPortion *self = CF_PORTION (object);

  switch (prop_id)
    {
    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_GRAMS:
      g_value_set_double (value, self->grams);
      break;

    case PROP_LABEL:
      g_value_take_string (value, cf_portion_dup_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_portion_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CfPortion *self = CF_PORTION (object);

  switch (prop_id)
    {
    case PROP_AMOUNT:
      self->amount = g_value_get_double (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_GRAMS:
      self->grams = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_portion_class_init (CfPortionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_portion_finalize;
  object_class->get_property = cf_portion_get_property;
  object_class->set_property = cf_portion_set_property;

  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL,
                         0, G_MAXDOUBLE, 1,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GRAMS] =
    g_param_spec_double ("grams", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_portion_init (CfPortion *self)
{
  self->amount = 1;
}

/**
 * cf_portion_new:
 * @amount: how many of @description
 * @description: the measure, e.g. "cup, chopped"
 * @grams: the weight of @amount × @description
 */
CfPortion *
cf_portion_new (double      amount,
                const char *description,
                double      grams)
{
  g_return_val_if_fail (description != NULL, NULL);
  g_return_val_if_fail (amount > 0, NULL);
  g_return_val_if_fail (grams > 0, NULL);

  return g_object_new (CF_TYPE_PORTION,
                       "amount", amount,
                       "description", description,
                       "grams", grams,
                       NULL);
}

double
cf_portion_get_amount (CfPortion *self)
{
  g_return_val_if_fail (CF_IS_PORTION (self), 0);

  return self->amount;
}

const char *
cf_portion_get_description (CfPortion *self)
{
  g_return_val_if_fail (CF_IS_PORTION (self), NULL);

  return self->description;
}

double
cf_portion_get_grams (CfPortion *self)
{
  g_return_val_if_fail (CF_IS_PORTION (self), 0);

  return self->grams;
}

/**
 * cf_portion_dup_label:
 *
 * Returns: (transfer full): the measure with its amount, e.g.
 *   "1 cup, chopped" or "0.5 cup"
 */
char *
cf_portion_dup_label (CfPortion *self)
{
  g_return_val_if_fail (CF_IS_PORTION (self), NULL);

  /* Translators: a household measure: %g is the count, %s the measure,
   * e.g. "1 cup, chopped" */
  return g_strdup_printf (_("%g %s"), self->amount, self->description);
}

/**
 * cf_portion_dup_display:
 *
 * Returns: (transfer full): the label with its weight, e.g.
 *   "1 cup, chopped (91 g)"
 */
char *
cf_portion_dup_display (CfPortion *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (CF_IS_PORTION (self), NULL);

  label = cf_portion_dup_label (self);

  /* Translators: a household measure and its weight in grams,
   * e.g. "1 cup, chopped (91 g)" */
  return g_strdup_printf (_("%s (%g g)"), label, self->grams);
}
