/* cf-insight.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-insight"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cf-insight.h"
#include "cf-portion.h"

/**
 * CfInsight:
 *
 * One finding of the insight engine over a range of days: what it is
 * (a stable id such as "k2-low"), how serious, how sure (see
 * #CfInsightConfidence), its translated title and summary, the numbers
 * behind it, the knowledge page that explains it and foods that help.
 * Insights are immutable once the engine has made them.
 */
struct _CfInsight
{
  GObject              parent_instance;
  char                *id;
  CfInsightSeverity    severity;
  CfInsightConfidence  confidence;
  char                *title;
  char                *summary;
  char                *page_id;
  GArray              *numbers;
  GPtrArray           *foods;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_CONFIDENCE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PAGE_ID,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (CfInsightSeverity, cf_insight_severity,
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_SEVERITY_ATTENTION, "attention"),
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_SEVERITY_WARNING, "warning"))

G_DEFINE_ENUM_TYPE (CfInsightConfidence, cf_insight_confidence,
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_CONFIDENCE_FULL, "full"),
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_CONFIDENCE_SOFTENED, "softened"),
  G_DEFINE_ENUM_VALUE (CF_INSIGHT_CONFIDENCE_WITHHELD, "withheld"))

G_DEFINE_FINAL_TYPE (CfInsight, cf_insight, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *severity_keys[] = { "info", "attention", "warning" };
static const char *severity_names[] = {
  /* Translators: severity of an insight */
  N_("Information"),
  /* Translators: severity of an insight */
  N_("Attention"),
  /* Translators: severity of an insight */
  N_("Warning"),
};
static const char *confidence_keys[] = { "full", "softened", "withheld" };

static void
number_clear (CfInsightNumber *number)
{
  g_clear_pointer (&number->label, g_free);
}

/* Frees a food of an insight, or of a list that insights copy from */
void
_cf_insight_food_free (CfInsightFood *food)
{
  g_free (food->id);
  g_free (food->name);
  g_free (food->serving_description);
  g_free (food);
}

static void
cf_insight_finalize (GObject *object)
{
  CfInsight *self = (CfInsight *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->page_id);
  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_pointer (&self->foods, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_insight_parent_class)->finalize (object);
}

static void
cf_insight_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfInsight *self = CF_INSIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_PAGE_ID:
      g_value_set_string (value, self->page_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_insight_class_init (CfInsightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_insight_finalize;
  object_class->get_property = cf_insight_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CF_TYPE_INSIGHT_SEVERITY, CF_INSIGHT_SEVERITY_INFO,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFIDENCE] =
    g_param_spec_enum ("confidence", NULL, NULL,
                       CF_TYPE_INSIGHT_CONFIDENCE, CF_INSIGHT_CONFIDENCE_FULL,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE_ID] =
    g_param_spec_string ("page-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_insight_init (CfInsight *self)
{
  self->numbers = g_array_new (FALSE, TRUE, sizeof (CfInsightNumber));
  g_array_set_clear_func (self->numbers, (GDestroyNotify) number_clear);
  self->foods = g_ptr_array_new_with_free_func ((GDestroyNotify) _cf_insight_food_free);
}

CfInsight *
_cf_insight_new (const char          *id,
                 CfInsightSeverity    severity,
                 CfInsightConfidence  confidence,
                 const char          *title,
                 const char          *summary,
                 const char          *page_id)
{
  CfInsight *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (CF_TYPE_INSIGHT, NULL);
  self->id = g_strdup (id);
  self->severity = severity;
  self->confidence = confidence;
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);
  self->page_id = g_strdup (page_id);

  return self;
}

/* @key must be a static string */
void
_cf_insight_add_number (CfInsight           *self,
                        const char          *key,
                        const char          *label,
                        CfInsightNumberKind  kind,
                        CfIntake             intake,
                        double               value)
{
  CfInsightNumber number = { key, g_strdup (label), kind, intake, value };

  g_return_if_fail (CF_IS_INSIGHT (self));

  g_array_append_val (self->numbers, number);
}

void
_cf_insight_add_food (CfInsight           *self,
                      const CfInsightFood *food)
{
  CfInsightFood *copy;

  g_return_if_fail (CF_IS_INSIGHT (self));
  g_return_if_fail (food != NULL);

  copy = g_memdup2 (food, sizeof *food);
  copy->id = g_strdup (food->id);
  copy->name = g_strdup (food->name);
  copy->serving_description = g_strdup (food->serving_description);
  g_ptr_array_add (self->foods, copy);
}

const char *
cf_insight_get_id (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->id;
}

CfInsightSeverity
cf_insight_get_severity (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), CF_INSIGHT_SEVERITY_INFO);

  return self->severity;
}

CfInsightConfidence
cf_insight_get_confidence (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), CF_INSIGHT_CONFIDENCE_FULL);

  return self->confidence;
}

const char *
cf_insight_get_title (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->title;
}

const char *
cf_insight_get_summary (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->summary;
}

/**
 * cf_insight_get_page_id:
 *
 * Returns: the id of the knowledge page that explains the insight (see
 *   cf_knowledge_get_page())
 */
const char *
cf_insight_get_page_id (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->page_id;
}

/**
 * cf_insight_get_numbers:
 *
 * Returns: (transfer none) (element-type CfInsightNumber): the numbers
 *   behind the insight, in display order
 */
GArray *
cf_insight_get_numbers (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->numbers;
}

/**
 * cf_insight_find_number:
 *
 * Returns: (transfer none) (nullable): the number with @key
 */
const CfInsightNumber *
cf_insight_find_number (CfInsight  *self,
                        const char *key)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      const CfInsightNumber *number = &g_array_index (self->numbers, CfInsightNumber, i);

      if (strcmp (number->key, key) == 0)
        return number;
    }

  return NULL;
}

/**
 * cf_insight_get_number:
 *
 * Returns: the value of the number with @key, or NaN when there is none
 */
double
cf_insight_get_number (CfInsight  *self,
                       const char *key)
{
  const CfInsightNumber *number = cf_insight_find_number (self, key);

  return number ? number->value : NAN;
}

/**
 * cf_insight_get_foods:
 *
 * Returns: (transfer none) (element-type CfInsightFood): reference foods
 *   richest in what the insight lacks, best first; empty when more would
 *   not help (an upper limit passed)
 */
GPtrArray *
cf_insight_get_foods (CfInsight *self)
{
  g_return_val_if_fail (CF_IS_INSIGHT (self), NULL);

  return self->foods;
}

const char *
cf_insight_severity_to_key (CfInsightSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_keys), NULL);

  return severity_keys[severity];
}

const char *
cf_insight_severity_get_name (CfInsightSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_names), NULL);

  return g_dgettext (GETTEXT_PACKAGE, severity_names[severity]);
}

const char *
cf_insight_confidence_to_key (CfInsightConfidence confidence)
{
  g_return_val_if_fail (confidence < G_N_ELEMENTS (confidence_keys), NULL);

  return confidence_keys[confidence];
}

/**
 * cf_format_percent:
 * @share: a share from 0 to 1
 *
 * Returns: (transfer full): the share as a whole percentage, following
 *   the locale, e.g. "42 %"
 */
char *
cf_format_percent (double share)
{
  if (isnan (share))
    return g_strdup (_("no data"));

  /* Translators: a percentage, e.g. "42 %"; %.0f is the number and %%
   * the percent sign.  Use your language's spacing. */
  return g_strdup_printf (_("%.0f %%"), share * 100);
}

/**
 * cf_insight_food_dup_serving:
 *
 * Returns: (transfer full): the food's typical serving for display,
 *   e.g. "1 cup, chopped (149 g)"
 */
char *
cf_insight_food_dup_serving (const CfInsightFood *food)
{
  g_autoptr(CfPortion) portion = NULL;

  g_return_val_if_fail (food != NULL, NULL);

  portion = cf_portion_new (food->serving_amount, food->serving_description, food->serving_grams);

  return cf_portion_dup_display (portion);
}

/**
 * cf_insight_number_format:
 *
 * Returns: (transfer full): the number for display, with its unit
 */
char *
cf_insight_number_format (const CfInsightNumber *number)
{
  g_return_val_if_fail (number != NULL, NULL);

  if (isnan (number->value))
    return g_strdup (_("no data"));

  switch (number->kind)
    {
    case CF_INSIGHT_NUMBER_AMOUNT:
      return cf_intake_format_value (number->intake, number->value);

    case CF_INSIGHT_NUMBER_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", (gulong) number->value),
                              (guint) number->value);

    case CF_INSIGHT_NUMBER_SHARE:
      return cf_format_percent (number->value);

    case CF_INSIGHT_NUMBER_RATIO:
    default:
      /* Translators: a ratio of two amounts, e.g. "2.8 : 1" */
      return g_strdup_printf (_("%.1f : 1"), number->value);
    }
}
