/* cf-diary-entry-row.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-diary-entry-row"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-diary-entry-row.h"
#include "cf-key-nutrients.h"
#include "cf-nutrient-format.h"

/**
 * CfDiaryEntryRow:
 *
 * One entry of a diary day in its meal's list: the food's name, its
 * amount and where it came from with the key nutrients it brings, and a
 * button that removes it.  Activating the row edits the entry.  The row
 * and its button use the `diary.edit-entry` and `diary.remove-entry`
 * actions with the entry's id.
 *
 * It looks like an #AdwActionRow, but lays its labels out in a #GtkGrid:
 * a horizontal box measures the width of a wrapping label for the height
 * it allocates, which GTK answers by laying the text out again for every
 * step of a search, while a grid asks for the columns' widths once.
 * With the sample day's twelve entries that was an eighth of what the
 * main thread executes before the window's first frame.
 */
struct _CfDiaryEntryRow
{
  GtkListBoxRow  parent_instance;

  CfDiaryEntry  *entry;

  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (CfDiaryEntryRow, cf_diary_entry_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Nutrients shown under each entry */
static const CfKeyNutrient row_nutrients[] = {
  CF_KEY_CALCIUM, CF_KEY_MAGNESIUM, CF_KEY_VITAMIN_D, CF_KEY_VITAMIN_K1, CF_KEY_VITAMIN_K2,
};

/* Between the parts of the details: a line may break after the dot,
 * not before it */
#define SEPARATOR "\u00a0· "

/* Appends a separator and @text with no-break spaces, so that a narrow
 * row wraps between nutrients, never between a value and its unit */
static void
append_part (GString    *s,
             const char *text)
{
  g_string_append (s, SEPARATOR);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (s, "\u00a0");
      else
        g_string_append_c (s, *p);
    }
}

static char *
describe_entry (CfDiaryEntry *entry)
{
  g_autofree char *amount = cf_diary_entry_dup_amount_label (entry);
  g_autofree char *origin = cf_diary_entry_dup_origin_label (entry);
  GString *s = g_string_new (amount);
  CfNutrients amounts;
  double unstated;

  /* An imported entry says where it comes from; its amount may be a
   * meal's total, with no amount to show */
  if (origin != NULL)
    g_string_append_printf (s, "%s%s", s->len ? SEPARATOR : "", origin);

  cf_diary_entry_get_amounts (entry, &amounts);
  for (guint i = 0; i < G_N_ELEMENTS (row_nutrients); i++)
    {
      g_autofree char *text = cf_format_key_compact (row_nutrients[i],
                                                     cf_key_nutrient_get_value (row_nutrients[i], &amounts));

      if (text != NULL)
        append_part (s, text);
    }

  /* Vitamin K whose form the tracker did not state: neither K1 nor K2 */
  unstated = cf_nutrients_get (&amounts, CF_NUTRIENT_VITAMIN_K_UNSTATED);
  if (!isnan (unstated))
    {
      g_autofree char *value = cf_nutrient_format_value (CF_NUTRIENT_VITAMIN_K_UNSTATED, unstated);

      /* Translators: a short nutrient label and an amount, e.g. "Ca 213 mg" */
      g_autofree char *text = g_strdup_printf (_("%s %s"), cf_nutrient_get_short_name (CF_NUTRIENT_VITAMIN_K_UNSTATED),
                                               value);

      append_part (s, text);
    }

  return g_string_free (s, FALSE);
}

static void
cf_diary_entry_row_constructed (GObject *object)
{
  CfDiaryEntryRow *self = (CfDiaryEntryRow *) object;
  const char *name = cf_diary_entry_get_food_name (self->entry);
  g_autofree char *details = describe_entry (self->entry);
  g_autofree char *remove_label = NULL;

  G_OBJECT_CLASS (cf_diary_entry_row_parent_class)->constructed (object);

  gtk_label_set_text (self->title, name);
  gtk_label_set_text (self->subtitle, details);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), details[0] != '\0');

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", cf_diary_entry_get_id (self->entry));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", cf_diary_entry_get_id (self->entry));

  /* Translators: the accessible name of a button, %s is a food */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static void
cf_diary_entry_row_dispose (GObject *object)
{
  CfDiaryEntryRow *self = (CfDiaryEntryRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DIARY_ENTRY_ROW);

  G_OBJECT_CLASS (cf_diary_entry_row_parent_class)->dispose (object);
}

static void
cf_diary_entry_row_finalize (GObject *object)
{
  CfDiaryEntryRow *self = (CfDiaryEntryRow *) object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (cf_diary_entry_row_parent_class)->finalize (object);
}

static void
cf_diary_entry_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CfDiaryEntryRow *self = CF_DIARY_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_diary_entry_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CfDiaryEntryRow *self = CF_DIARY_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_diary_entry_row_class_init (CfDiaryEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_diary_entry_row_constructed;
  object_class->dispose = cf_diary_entry_row_dispose;
  object_class->finalize = cf_diary_entry_row_finalize;
  object_class->get_property = cf_diary_entry_row_get_property;
  object_class->set_property = cf_diary_entry_row_set_property;

  /**
   * CfDiaryEntryRow:entry:
   *
   * The diary entry the row shows.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, CF_TYPE_DIARY_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cofactor/Cofactor/ui/cf-diary-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDiaryEntryRow, title);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryEntryRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, CfDiaryEntryRow, remove_button);
}

static void
cf_diary_entry_row_init (CfDiaryEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_diary_entry_row_new:
 * @entry: the entry to show
 *
 * Returns: (transfer floating): a new row for @entry
 */
GtkWidget *
cf_diary_entry_row_new (CfDiaryEntry *entry)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY (entry), NULL);

  return g_object_new (CF_TYPE_DIARY_ENTRY_ROW, "entry", entry, NULL);
}

/**
 * cf_diary_entry_row_get_title:
 *
 * Returns: the first line of the row, the food's name
 */
const char *
cf_diary_entry_row_get_title (CfDiaryEntryRow *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY_ROW (self), NULL);

  return gtk_label_get_text (self->title);
}

/**
 * cf_diary_entry_row_get_subtitle:
 *
 * Returns: the second line of the row: amount, origin, key nutrients
 */
const char *
cf_diary_entry_row_get_subtitle (CfDiaryEntryRow *self)
{
  g_return_val_if_fail (CF_IS_DIARY_ENTRY_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle);
}
