/* cf-ui-util.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small pieces the views, editors and dialogs share */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cf-food-groups.h"
#include "cf-nutrient-format.h"
#include "cf-supplements.h"
#include "cf-ui-util.h"

/**
 * cf_parse_number:
 * @text: what the user typed
 * @value: (out): the number, or NaN for empty text
 *
 * Reads a number typed into a field with cf_parse_decimal(), the one
 * strict reading of numbers: space around it is ignored and a comma is
 * taken as the decimal point, as many locales write it.
 *
 * Returns: %FALSE unless @text is empty or one such number
 */
gboolean
cf_parse_number (const char *text,
                 double     *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;
  if (cf_text_is_blank (text))
    return TRUE;

  return cf_parse_decimal (text, value, NULL);
}

/**
 * cf_text_is_blank:
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
cf_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/**
 * cf_error_label_new:
 *
 * Returns: (transfer floating): a hidden label for a message under the
 *   fields it is about
 */
GtkWidget *
cf_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_margin_top (label, 6);

  return label;
}

/**
 * cf_banner_new:
 * @message: what the banner says
 *
 * A strip across a window that states something lasting about what it
 * shows (AdwBanner needs libadwaita 1.3).
 *
 * Returns: (transfer floating): the banner
 */
GtkWidget *
cf_banner_new (const char *message)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS,
                                 NULL);
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "cf-banner");

  return box;
}

/**
 * cf_show_error:
 * @label: an error label (see cf_error_label_new())
 * @field: (nullable): the field the message is about
 * @message: (nullable): the message, or %NULL to hide @label
 *
 * Shows @message in @label; @field is marked as in error and takes the
 * focus, so that the user lands where the problem is.
 */
void
cf_show_error (GtkLabel   *label,
               GtkWidget  *field,
               const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (field != NULL && message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

/**
 * cf_entry_row_new:
 * @group: where the row goes
 * @title: its title
 *
 * Returns: (transfer none): a new entry row, added to @group
 */
AdwEntryRow *
cf_entry_row_new (AdwPreferencesGroup *group,
                  const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);

  return ADW_ENTRY_ROW (row);
}

/**
 * cf_food_dup_source_summary:
 *
 * Returns: (transfer full): where @food comes from, in one short line
 *   for a list of foods: USDA and its food group, the K2 study, or which
 *   kind of the user's own foods it is; after the source's name of the
 *   food when it is shown by a name in the user's language
 */
static char *dup_source_only (CfFood *food);

char *
cf_food_dup_source_summary (CfFood *food)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (CF_IS_FOOD (food), NULL);

  source = dup_source_only (food);

  /* A food shown by its name in the user's language has its source's
   * name beneath it */
  if (cf_food_get_local_name (food) != NULL)
    /* Translators: the food's name in its source, then where it comes
     * from, e.g. "Milk, whole, 3.25% milkfat · USDA SR28 · Dairy" */
    return g_strdup_printf (_("%s · %s"), cf_food_get_name (food), source);

  return g_steal_pointer (&source);
}

static char *
dup_source_only (CfFood *food)
{
  const char *group;

  group = cf_food_get_group_name (food);
  if (group != NULL)
    group = cf_food_group_get_display_name (group);

  switch (cf_food_get_source (food))
    {
    case CF_FOOD_SOURCE_USDA:
      /* Translators: where a food comes from, then its food group */
      return group ? g_strdup_printf (_("USDA SR28 · %s"), group) : g_strdup (_("USDA SR28"));

    case CF_FOOD_SOURCE_K2:
      /* Translators: a food from a published vitamin K2 study or table;
       * %s is the citation */
      if (cf_food_get_citation (food) == NULL)
        return g_strdup (_("Published vitamin K2 values"));
      return g_strdup_printf (_("Vitamin K2 data · %s"), cf_food_get_citation (food));

    case CF_FOOD_SOURCE_CUSTOM:
    default:
      if (cf_supplement_get_template_key (food) != NULL)
        /* Translators: a supplement the app offers to start from; it
         * becomes the user's own when logged */
        return g_strdup (_("Supplement template"));
      if (cf_food_get_kind (food) == CF_FOOD_KIND_SUPPLEMENT)
        return g_strdup (_("My supplement"));
      if (cf_food_get_kind (food) == CF_FOOD_KIND_RECIPE)
        return g_strdup (_("My recipe"));
      return g_strdup (_("My food"));
    }
}

/**
 * cf_show_correction:
 * @label: the label under a search entry that tells of corrections
 * @corrected: (nullable): the search as corrected, or %NULL
 *
 * Shows "Showing results for *cheese*" when a misspelt word of a search
 * was corrected, and hides @label otherwise.
 */
void
cf_show_correction (GtkLabel   *label,
                    const char *corrected)
{
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), corrected != NULL);
  if (corrected == NULL)
    return;

  escaped = g_markup_escape_text (corrected, -1);
  /* Translators: shown under the search entry when a misspelt word was
   * corrected; %s is the corrected search, e.g. "cheese" */
  markup = g_strdup_printf (_("Showing results for <i>%s</i>"), escaped);
  gtk_label_set_markup (label, markup);
}

/* Accessible names the toolkit leaves out.  GTK 4.8 reads a button with
 * a mnemonic as its label and its text together ("_Today Today"), gives
 * the button inside a drop-down and the rows of a list view no name at
 * all, and a screen reader then says "GtkToggleButton" or nothing.  One
 * hook, run as each widget is realized, mends them everywhere: in the
 * app's own widgets and in those that libadwaita and GTK make (message
 * dialog responses, combo rows, the lists of drop-downs). */

static void
mnemonic_label_changed_cb (GtkWidget  *button,
                           GParamSpec *pspec)
{
  /* The label relation to the button's text remains, without the
   * underscore */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
name_on_realize (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               data)
{
  static GType list_item_type = G_TYPE_INVALID;
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkWidget *parent;
  GtkWidget *child;

  if (!GTK_IS_WIDGET (widget))
    return TRUE;
  parent = gtk_widget_get_parent (widget);
  /* GTK's row widget of list views has no public type; it is known once
   * the first list is made */
  if (list_item_type == G_TYPE_INVALID)
    list_item_type = g_type_from_name ("GtkListItemWidget");

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_get_minor_version () < 10)
    {
      mnemonic_label_changed_cb (widget, NULL);
      if (g_object_get_data (G_OBJECT (widget), "cf-mnemonic-name") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "cf-mnemonic-name", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (mnemonic_label_changed_cb), NULL);
        }
    }

  /* The drop-down's own name is its button's */
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, parent, NULL,
                                    -1);

  /* A row of a list whose content starts with a label is called by it
   * (a food by its name, a choice of a drop-down by its text) */
  if (list_item_type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, list_item_type))
    {
      child = gtk_widget_get_first_child (widget);
      while (child != NULL && !GTK_IS_LABEL (child) && gtk_widget_get_first_child (child) != NULL &&
             !GTK_IS_BUTTON (child))
        child = gtk_widget_get_first_child (child);
      if (GTK_IS_LABEL (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                        -1);
    }

  return TRUE;
}

/**
 * cf_accessibility_init:
 *
 * Gives a name to the controls that the toolkit leaves without one (see
 * above).  Called once, before the first window.
 */
void
cf_accessibility_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  name_on_realize, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        g_ptr_array_add (buttons, c);
      else
        collect_buttons (c, buttons);
    }
}

/**
 * cf_calendar_name_arrows:
 *
 * Names the four arrow buttons of a #GtkCalendar (GTK 4.8 leaves them
 * without names): previous and next month, previous and next year.
 */
void
cf_calendar_name_arrows (GtkCalendar *calendar)
{
  static const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  /* In the order they are shown; another version of GTK may have others */
  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (g_ptr_array_index (buttons, i), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(names[i]), -1);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  GMenuModel *model = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

/**
 * cf_menu_button_set_menu_model_lazily:
 * @button: a menu button without a popover
 * @model: the menu @button shows
 *
 * Gives @button its menu when it first opens it.  Setting a menu model
 * builds the whole popover menu at once, which is work the window's
 * first frame does not need.  The button is sensitive and opens by
 * click, keyboard and F10 (a primary menu) as with the model set.
 */
void
cf_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                      GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_menu_cb, g_object_ref (model), g_object_unref);
}

/**
 * cf_widget_show_toast:
 * @widget: a widget in a window, or not (yet) in one
 * @title: what the toast says
 *
 * Shows a toast in the window @widget is in, through the window's
 * `win.toast` action: views and dialogs do not know the window.  A
 * dialog passes the window it is transient for.  Without such a window
 * (a view built alone in a test) the toast is dropped.
 */
void
cf_widget_show_toast (GtkWidget  *widget,
                      const char *title)
{
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  if (widget == NULL || !gtk_widget_activate_action (widget, "win.toast", "s", title))
    g_debug ("No window for the toast “%s”", title);
}

/**
 * cf_format_vitamin_d_conversion:
 * @micrograms: an amount of vitamin D
 * @from_iu: whether it was given in IU
 *
 * Returns: (transfer full): the amount in the unit it was given in and
 *   in the other, e.g. "2000 IU = 50 µg" or "50 µg = 2000 IU"
 */
char *
cf_format_vitamin_d_conversion (double   micrograms,
                                gboolean from_iu)
{
  char ug[G_ASCII_DTOSTR_BUF_SIZE];
  char iu[G_ASCII_DTOSTR_BUF_SIZE];

  cf_format_entry_number (ug, sizeof ug, "%.6g", micrograms);
  cf_format_entry_number (iu, sizeof iu, "%.6g", cf_vitamin_d_ug_to_iu (micrograms));

  if (from_iu)
    /* Translators: vitamin D typed in international units and what it
     * is in micrograms, e.g. "2000 IU = 50 µg"; write IU as your
     * language does */
    return g_strdup_printf (_("%s IU = %s µg"), iu, ug);

  /* Translators: vitamin D typed in micrograms and what it is in
   * international units, e.g. "50 µg = 2000 IU" */
  return g_strdup_printf (_("%s µg = %s IU"), ug, iu);
}

static void
vitamin_d_changed_cb (GtkEditable *row,
                      GtkLabel    *conversion)
{
  g_autofree char *text = NULL;
  double micrograms;
  gboolean from_iu;

  gboolean understood;

  understood = cf_parse_vitamin_d (gtk_editable_get_text (row), cf_format_get_vitamin_d_iu (),
                                   &micrograms, &from_iu, NULL);
  if (understood && !isnan (micrograms))
    text = cf_format_vitamin_d_conversion (micrograms, from_iu);
  else if (!understood)
    /* Translators: shown next to a vitamin D field while what is typed
     * is no amount; IU as your language writes it */
    text = g_strdup (_("Write it in µg or IU"));

  gtk_label_set_label (conversion, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (conversion), text != NULL);
  if (understood)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (conversion), "error");
      gtk_widget_add_css_class (GTK_WIDGET (conversion), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (conversion), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (conversion), "error");
    }
}

/**
 * cf_vitamin_d_field_init:
 * @row: the field where an amount of vitamin D is entered
 *
 * Lets @row take vitamin D in µg or IU ("2000 IU", "50 µg", a bare
 * number in the unit of the Preferences) and shows, next to it, what
 * the amount is in the other unit.  Read it with
 * cf_vitamin_d_field_read().
 */
void
cf_vitamin_d_field_init (AdwEntryRow *row)
{
  GtkWidget *conversion = gtk_label_new (NULL);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  /* The title says both units are taken, the unit of a bare number
   * first */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cf_format_get_vitamin_d_iu ()
                                 /* Translators: the title of the field where vitamin D
                                  * is entered; a bare number is in IU */
                                 ? _("Vitamin D (IU or µg)")
                                 /* Translators: the title of the field where vitamin D
                                  * is entered; a bare number is in µg */
                                 : _("Vitamin D (µg or IU)"));
  gtk_widget_add_css_class (conversion, "dim-label");
  gtk_widget_add_css_class (conversion, "numeric");
  gtk_widget_set_visible (conversion, FALSE);
  adw_entry_row_add_suffix (row, conversion);
  adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_FREE_FORM);
  g_object_set_data (G_OBJECT (row), "cf-vitamin-d-conversion", conversion);
  g_signal_connect_object (row, "changed", G_CALLBACK (vitamin_d_changed_cb), conversion, 0);
}

/**
 * cf_vitamin_d_field_read:
 * @micrograms: (out): the amount in µg, NaN when the field is empty
 *
 * Returns: whether @row holds an amount of vitamin D (or nothing); else
 *   the message of cf_parse_vitamin_d(), which names both units
 */
gboolean
cf_vitamin_d_field_read (AdwEntryRow  *row,
                         double       *micrograms,
                         GError      **error)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  return cf_parse_vitamin_d (gtk_editable_get_text (GTK_EDITABLE (row)), cf_format_get_vitamin_d_iu (),
                             micrograms, NULL, error);
}

/**
 * cf_vitamin_d_field_get_conversion:
 *
 * Returns: (nullable): the conversion shown next to @row, e.g.
 *   "2000 IU = 50 µg", or %NULL when none is shown (nothing typed, or
 *   something that is no amount: then a hint shows instead)
 */
const char *
cf_vitamin_d_field_get_conversion (AdwEntryRow *row)
{
  GtkWidget *conversion = g_object_get_data (G_OBJECT (row), "cf-vitamin-d-conversion");

  if (conversion == NULL || !gtk_widget_get_visible (conversion) || gtk_widget_has_css_class (conversion, "error"))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (conversion));
}

/**
 * cf_supplement_tag_new:
 *
 * Returns: (transfer floating): the small "Supplement" tag that marks
 *   supplements (and supplement templates) in a list of foods
 */
GtkWidget *
cf_supplement_tag_new (void)
{
  GtkWidget *tag = gtk_label_new (_("Supplement"));

  gtk_widget_add_css_class (tag, "cf-tag");
  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);

  return tag;
}

/**
 * cf_vitamin_d_field_get_hint:
 *
 * Returns: (nullable): the hint shown next to @row while what is typed
 *   is no amount of vitamin D, or %NULL
 */
const char *
cf_vitamin_d_field_get_hint (AdwEntryRow *row)
{
  GtkWidget *conversion = g_object_get_data (G_OBJECT (row), "cf-vitamin-d-conversion");

  if (conversion == NULL || !gtk_widget_get_visible (conversion) || !gtk_widget_has_css_class (conversion, "error"))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (conversion));
}
