/* test-custom-foods.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's own foods: each field's validation says which field it is
 * about, and favourites. */

#include "config.h"

#include <math.h>

#include "cf-error.h"
#include "cf-food-search.h"
#include "cf-supplements.h"
#include "cf-test-util.h"
#include "cf-transfer.h"

static CfPortion *
portion (double      amount,
         const char *description,
         double      grams)
{
  /* cf_portion_new() refuses impossible values; an editor may still
   * hold them */
  return g_object_new (CF_TYPE_PORTION, "amount", amount, "description", description, "grams", grams, NULL);
}

typedef struct
{
  const char  *name;
  CfFoodField  field;
  guint        index;
  const char  *message;
} Case;

static const Case cases[] = {
  { "no-name", CF_FOOD_FIELD_NAME, 0, "needs a name" },
  { "blank-name", CF_FOOD_FIELD_NAME, 0, "needs a name" },
  { "long-name", CF_FOOD_FIELD_NAME, 0, "longer than 200" },
  { "bad-utf8-name", CF_FOOD_FIELD_NAME, 0, "not valid text" },
  { "long-brand", CF_FOOD_FIELD_BRAND, 0, "brand" },
  { "bad-group", CF_FOOD_FIELD_GROUP, 0, "food group" },
  { "unknown-group", CF_FOOD_FIELD_GROUP, 0, "There is no food group “9999”" },
  { "long-note", CF_FOOD_FIELD_NOTE, 0, "note" },
  { "negative-calcium", CF_FOOD_FIELD_NUTRIENT, CF_NUTRIENT_CALCIUM, "Calcium must be a number of zero or more" },
  { "infinite-energy", CF_FOOD_FIELD_NUTRIENT, CF_NUTRIENT_ENERGY, "Energy must be a number" },
  { "too-much-protein", CF_FOOD_FIELD_NUTRIENT, CF_NUTRIENT_PROTEIN, "Protein cannot be more than 100.00 g per 100 g" },
  { "too-much-mk7", CF_FOOD_FIELD_NUTRIENT, CF_NUTRIENT_MK7, "Menaquinone-7" },
  { "portion-description", CF_FOOD_FIELD_PORTION_DESCRIPTION, 1, "Describe the measure" },
  { "portion-amount", CF_FOOD_FIELD_PORTION_AMOUNT, 1, "number of measures" },
  { "portion-zero-grams", CF_FOOD_FIELD_PORTION_GRAMS, 1, "to 5000 g" },
  { "portion-heavy", CF_FOOD_FIELD_PORTION_GRAMS, 1, "to 5000 g" },
};

static CfFood *
make_case (const char *name)
{
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfPortion) good = cf_portion_new (1, "cup", 240);
  CfFood *food = cf_food_new_custom ("Kefir");

  /* Every case has a valid first portion, so a bad one is at index 1 */
  cf_food_add_portion (food, good);
  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 120);

  if (g_str_equal (name, "no-name"))
    cf_food_set_name (food, NULL);
  else if (g_str_equal (name, "blank-name"))
    cf_food_set_name (food, " \t ");
  else if (g_str_equal (name, "long-name"))
    {
      g_autofree char *s = g_strnfill (201, 'k');
      cf_food_set_name (food, s);
    }
  else if (g_str_equal (name, "bad-utf8-name"))
    cf_food_set_name (food, "Kef\xffir");
  else if (g_str_equal (name, "long-brand"))
    {
      g_autofree char *s = g_strnfill (201, 'b');
      cf_food_set_brand (food, s);
    }
  else if (g_str_equal (name, "bad-group"))
    cf_food_set_group_code (food, "01'00");
  else if (g_str_equal (name, "unknown-group"))
    cf_food_set_group_code (food, "9999");
  else if (g_str_equal (name, "long-note"))
    {
      g_autofree char *s = g_strnfill (CF_FOOD_MAX_NOTE_CHARS + 1, 'n');
      cf_food_set_note (food, s);
    }
  else if (g_str_equal (name, "negative-calcium"))
    cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, -1);
  else if (g_str_equal (name, "infinite-energy"))
    cf_nutrients_set (n, CF_NUTRIENT_ENERGY, INFINITY);
  else if (g_str_equal (name, "too-much-protein"))
    cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 100.5);
  else if (g_str_equal (name, "too-much-mk7"))
    cf_nutrients_set (n, CF_NUTRIENT_MK7, 2e8);
  else
    {
      g_autoptr(CfPortion) bad = NULL;

      if (g_str_equal (name, "portion-description"))
        bad = portion (1, "   ", 10);
      else if (g_str_equal (name, "portion-amount"))
        bad = portion (0, "slice", 10);
      else if (g_str_equal (name, "portion-zero-grams"))
        bad = portion (1, "slice", 0);
      else if (g_str_equal (name, "portion-heavy"))
        bad = portion (1, "pot", 5000.5);
      else
        g_assert_not_reached ();

      cf_food_add_portion (food, bad);
    }

  cf_food_set_nutrients (food, n);

  return food;
}

static void
test_field_by_field (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfFood) food = make_case (cases[i].name);
      CfFoodField field = CF_FOOD_FIELD_NONE;
      guint index = 99;

      g_assert_false (cf_food_store_validate_food (store, food, &field, &index, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      if (field != cases[i].field || index != cases[i].index || strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: field %d index %u “%s”; expected field %d index %u “%s”", cases[i].name,
                 field, index, error->message, cases[i].field, cases[i].index, cases[i].message);
      g_clear_error (&error);

      /* Saving refuses the same food with the same message */
      g_assert_false (cf_food_store_save_custom_food (store, food, &error));
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
    }

  all = cf_food_store_list_custom_foods (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_valid_values (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) food = cf_food_new_custom ("Kefir, plain");
  g_autoptr(CfNutrients) n = cf_nutrients_new ();
  g_autoptr(CfPortion) glass = cf_portion_new (1, "glass", 250);
  g_autoptr(CfPortion) pot = cf_portion_new (1, "pot", CF_FOOD_MAX_PORTION_GRAMS);
  g_autofree char *name = g_strnfill (200, 'k');
  g_autoptr(GError) error = NULL;
  CfFoodField field = CF_FOOD_FIELD_NAME;
  guint index = 7;

  /* Limits themselves are allowed; 0 is a value; no value is fine */
  cf_nutrients_set (n, CF_NUTRIENT_CALCIUM, 0);
  cf_nutrients_set (n, CF_NUTRIENT_PROTEIN, 100);
  cf_food_set_nutrients (food, n);
  cf_food_set_brand (food, "Dairy Co.");
  cf_food_set_group_code (food, "0100");
  cf_food_add_portion (food, glass);
  cf_food_add_portion (food, pot);
  g_assert_true (cf_food_store_validate_food (store, food, &field, &index, &error));
  g_assert_no_error (error);
  /* Untouched on success */
  g_assert_cmpint (field, ==, CF_FOOD_FIELD_NAME);
  g_assert_cmpuint (index, ==, 7);

  cf_food_set_name (food, name);
  g_assert_true (cf_food_store_save_custom_food (store, food, &error));
  g_assert_no_error (error);

  /* Without the reference data there is no list of groups to check */
  {
    g_autoptr(CfContext) bare = cf_test_context_new (FALSE);
    g_autoptr(CfFood) other = cf_food_new_custom ("Elsewhere");

    cf_food_set_group_code (other, "9999");
    g_assert_true (cf_food_store_validate_food (cf_context_get_food_store (bare), other, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_favourites (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(CfFood) mine = cf_food_new_custom ("My bread");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_food_store_save_custom_food (store, mine, &error));
  g_assert_no_error (error);

  list = cf_food_store_list_favourites (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (cf_food_store_is_favourite (store, "usda:01009"));
  g_assert_true (cf_food_store_set_favourite (store, "usda:01009", TRUE, &error));
  g_assert_true (cf_food_store_set_favourite (store, "k2:natto-kamao-2007", TRUE, &error));
  g_assert_true (cf_food_store_set_favourite (store, cf_food_get_id (mine), TRUE, &error));
  /* Twice is fine */
  g_assert_true (cf_food_store_set_favourite (store, "usda:01009", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cf_food_store_is_favourite (store, "usda:01009"));

  /* Reference and custom foods, loaded in full */
  list = cf_food_store_list_favourites (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      CfFood *food = g_ptr_array_index (list, i);

      if (g_str_equal (cf_food_get_id (food), "usda:01009"))
        {
          g_assert_cmpstr (cf_food_get_name (food), ==, "Cheese, cheddar");
          g_assert_cmpuint (g_list_model_get_n_items (cf_food_get_portions (food)), >, 0);
        }
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Unknown foods cannot be marked */
  g_assert_false (cf_food_store_set_favourite (store, "usda:99999", TRUE, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cf_food_store_set_favourite (store, "bread", TRUE, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Unmarking, also of one that is not marked */
  g_assert_true (cf_food_store_set_favourite (store, "k2:natto-kamao-2007", FALSE, &error));
  g_assert_true (cf_food_store_set_favourite (store, "k2:natto-kamao-2007", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cf_food_store_is_favourite (store, "k2:natto-kamao-2007"));

  /* Deleting a food of one's own removes it from the favourites */
  g_assert_true (cf_food_store_delete_custom_food (store, cf_food_get_id (mine), &error));
  g_assert_false (cf_food_store_is_favourite (store, cf_food_get_id (mine)));

  /* A favourite whose food is gone (here: not in this version's
   * reference data, as after an import) is skipped, not an error */
  g_assert_true (cf_import_from_data (context,
                                      "{\"format\":\"cofactor-diary\",\"version\":1,"
                                      "\"favourites\":[{\"food\":\"usda:99999\",\"added\":\"2026-01-01T10:00:00Z\"}]}",
                                      -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cf_food_store_is_favourite (store, "usda:99999"));
  list = cf_food_store_list_favourites (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (cf_food_get_id (g_ptr_array_index (list, 0)), ==, "usda:01009");

  /* The ids as stored, newest first, for the export */
  {
    g_autoptr(GPtrArray) added = NULL;
    g_autoptr(GPtrArray) ids = cf_food_store_list_favourite_ids (store, &added, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "usda:01009");
    g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "usda:99999");
    g_assert_cmpstr (g_ptr_array_index (added, 1), ==, "2026-01-01T10:00:00Z");
  }
}

static gboolean
has_template (GPtrArray  *foods,
              const char *key)
{
  for (guint i = 0; i < foods->len; i++)
    {
      const char *k = cf_supplement_get_template_key (g_ptr_array_index (foods, i));

      if (g_strcmp0 (k, key) == 0)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
search (CfFoodStore   *store,
        const char    *text,
        CfSearchFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *foods = cf_food_store_search (store, text, flags, NULL, NULL, 50, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (foods);

  return foods;
}

/* The template library: label amounts, searchable, one food of the
 * user's per template however often it is logged */
static void
test_supplement_templates (void)
{
  g_autoptr(CfContext) context = cf_test_context_new (TRUE);
  CfFoodStore *store = cf_context_get_food_store (context);
  g_autoptr(GPtrArray) templates = cf_supplement_list_templates ();
  g_autoptr(GPtrArray) again = cf_supplement_list_templates ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const CfSearchFlags add_dialog = CF_SEARCH_ALL | CF_SEARCH_TEMPLATES;
  static const struct {
    const char *key;
    CfNutrient  nutrient;
    double      amount;
  } library[] = {
    { "vitamin-d3-1000iu", CF_NUTRIENT_VITAMIN_D, 25 },
    { "vitamin-d3-2000iu", CF_NUTRIENT_VITAMIN_D, 50 },
    { "vitamin-d3-4000iu", CF_NUTRIENT_VITAMIN_D, 100 },
    { "k2-mk7-45", CF_NUTRIENT_MK7, 45 },
    { "k2-mk7-90", CF_NUTRIENT_MK7, 90 },
    { "k2-mk7-100", CF_NUTRIENT_MK7, 100 },
    { "k2-mk7-180", CF_NUTRIENT_MK7, 180 },
    { "k2-mk7-200", CF_NUTRIENT_MK7, 200 },
    { "magnesium-citrate-200", CF_NUTRIENT_MAGNESIUM, 200 },
    { "magnesium-glycinate-100", CF_NUTRIENT_MAGNESIUM, 100 },
    { "magnesium-oxide-250", CF_NUTRIENT_MAGNESIUM, 250 },
    { "calcium-carbonate-500", CF_NUTRIENT_CALCIUM, 500 },
    { "calcium-citrate-200", CF_NUTRIENT_CALCIUM, 200 },
    { "fish-oil-epa180-dha120", CF_NUTRIENT_EPA, 0.180 },
    { "fish-oil-epa180-dha120", CF_NUTRIENT_DHA, 0.120 },
    { "algae-oil-epa125-dha250", CF_NUTRIENT_EPA, 0.125 },
    { "algae-oil-epa125-dha250", CF_NUTRIENT_DHA, 0.250 },
  };

  /* Every template: a supplement with a unit, a note on where its
   * amounts come from, and an id of the user's own that is the same
   * every time and differs from every other template's */
  g_assert_cmpuint (templates->len, ==, again->len);
  for (guint i = 0; i < templates->len; i++)
    {
      CfFood *t = g_ptr_array_index (templates, i);

      g_assert_nonnull (cf_supplement_get_template_key (t));
      g_assert_nonnull (cf_supplement_get_template_note (t));
      g_assert_nonnull (cf_supplement_get_unit (t));
      g_assert_cmpint (cf_food_get_kind (t), ==, CF_FOOD_KIND_SUPPLEMENT);
      g_assert_true (cf_food_id_is_valid (cf_food_get_id (t)));
      g_assert_true (g_str_has_prefix (cf_food_get_id (t), "custom:"));
      g_assert_cmpstr (cf_food_get_id (t), ==, cf_food_get_id (g_ptr_array_index (again, i)));
      g_assert_true (g_hash_table_add (ids, (gpointer) cf_food_get_id (t)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (library); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < templates->len; j++)
        {
          CfFood *t = g_ptr_array_index (templates, j);

          if (g_strcmp0 (cf_supplement_get_template_key (t), library[i].key) != 0)
            continue;
          found = TRUE;
          g_assert_cmpfloat_with_epsilon (cf_supplement_get_dose (t, library[i].nutrient), library[i].amount, 1e-9);
        }
      g_assert_true (found);
    }

  /* Searchable in the add dialog's search, not in a plain one */
  {
    g_autoptr(GPtrArray) d3 = search (store, "vitamin d3", add_dialog);
    g_autoptr(GPtrArray) d3_2000 = search (store, "d3 2000", add_dialog);
    g_autoptr(GPtrArray) citrate = search (store, "magnesium citrate", add_dialog);
    g_autoptr(GPtrArray) glycinate = search (store, "glycinate", add_dialog);
    g_autoptr(GPtrArray) mk7 = search (store, "k2 mk-7", add_dialog);
    g_autoptr(GPtrArray) algae = search (store, "algae oil", add_dialog);
    g_autoptr(GPtrArray) plain = search (store, "vitamin d3", 0);

    g_assert_true (has_template (d3, "vitamin-d3-1000iu"));
    g_assert_true (has_template (d3, "vitamin-d3-2000iu"));
    g_assert_true (has_template (d3, "vitamin-d3-4000iu"));
    g_assert_false (has_template (d3, "k2-mk7-100"));
    g_assert_true (has_template (d3_2000, "vitamin-d3-2000iu"));
    g_assert_false (has_template (d3_2000, "vitamin-d3-1000iu"));
    g_assert_cmpstr (cf_supplement_get_template_key (g_ptr_array_index (citrate, 0)), ==, "magnesium-citrate-200");
    g_assert_false (has_template (citrate, "magnesium-oxide-250"));
    g_assert_true (has_template (glycinate, "magnesium-glycinate-100"));
    for (guint i = 0; i < G_N_ELEMENTS (library); i++)
      if (g_str_has_prefix (library[i].key, "k2-mk7-"))
        g_assert_true (has_template (mk7, library[i].key));
    g_assert_true (has_template (algae, "algae-oil-epa125-dha250"));
    g_assert_false (has_template (algae, "fish-oil-epa180-dha120"));
    g_assert_false (has_template (plain, "vitamin-d3-1000iu"));
  }

  /* Once saved, the template's food is the user's: the search finds it
   * as such, not the template a second time */
  {
    CfFood *t = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GError) error = NULL;
    guint mine = 0;

    for (guint i = 0; i < templates->len && t == NULL; i++)
      if (g_strcmp0 (cf_supplement_get_template_key (g_ptr_array_index (templates, i)), "vitamin-d3-2000iu") == 0)
        t = g_ptr_array_index (templates, i);
    g_assert_true (cf_food_store_save_custom_food (store, t, &error));
    g_assert_no_error (error);

    found = search (store, "vitamin d3 2000", add_dialog);
    g_assert_false (has_template (found, "vitamin-d3-2000iu"));
    for (guint i = 0; i < found->len; i++)
      if (g_strcmp0 (cf_food_get_id (g_ptr_array_index (found, i)), cf_food_get_id (t)) == 0)
        mine++;
    g_assert_cmpuint (mine, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cofactor/custom-foods/field-by-field", test_field_by_field);
  g_test_add_func ("/cofactor/custom-foods/valid-values", test_valid_values);
  g_test_add_func ("/cofactor/custom-foods/favourites", test_favourites);
  g_test_add_func ("/cofactor/custom-foods/supplement-templates", test_supplement_templates);

  return g_test_run ();
}
