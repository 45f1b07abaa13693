#!/usr/bin/env python3
# Writes cronometer-servings-two-weeks.csv: a made-up Cronometer
# "Servings" export of 14 days (2026-03-01 … 2026-03-14) with the real
# header, for tests/test-tracker-import.c.  The values are invented;
# blank cells are "not known".  Prints the two weeks' totals the test
# checks (vitamin D in µg: IU / 40).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import datetime
import io
import os
import sys

HEADER = ["Day", "Time", "Group", "Food Name", "Amount", "Energy (kcal)", "Caffeine (mg)", "Water (g)",
          "Calcium (mg)", "Iron (mg)", "Magnesium (mg)", "Potassium (mg)", "Sodium (mg)", "Zinc (mg)",
          "Vitamin A (IU)", "Vitamin C (mg)", "Vitamin D (IU)", "Vitamin K (µg)", "Omega-3 (g)",
          "ALA (g)", "EPA (g)", "DHA (g)", "Protein (g)", "Fat (g)", "Carbs (g)", "Fiber (g)", "Category"]

# name, group, amount, values in HEADER order from "Energy (kcal)" to
# "Fiber (g)" (None: blank), category
FOODS = [
    ("Oatmeal, cooked with water", "Breakfast", "240.00 g",
     [166.1, None, 202.3, 21.6, 2.11, 63.4, 163.2, 9.6, 2.34, None, 0.0, None, 0.7, 0.05, 0.04, None, None,
      5.9, 3.6, 28.1, 4.0], "Cereals"),
    ("Milk, 2%", "Breakfast", "1.00 cup", [122.0, None, 217.6, 293.0, 0.02, 26.8, 366.0, 115.0, 1.17, 464.0, 0.5,
      120.0, 0.5, None, 0.0, 0.0, 0.0, 8.1, 4.8, 11.7, 0.0], "Dairy"),
    ("Kale, raw", "Lunch", "67.00 g", [32.8, None, 59.9, 170.0, 1.07, 22.1, 232.5, 35.5, 0.26, 3326.0, 62.0, None,
      262.0, 0.12, 0.12, None, None, 1.9, 1.0, 2.9, 2.7], "Vegetables"),
    ("Salmon, Atlantic, farmed, cooked", "Lunch", "150.00 g", [309.0, None, 97.0, 22.5, 0.51, 45.0, 573.0, 91.5,
      0.65, 73.5, 5.5, 526.0, 0.2, 2.93, 0.17, 1.03, 2.21, 33.2, 18.5, 0.0, 0.0], "Fish"),
    ("Natto", "Dinner", "50.00 g", [105.5, None, 27.5, 108.5, 4.3, 57.5, 364.5, 3.5, 1.53, 0.0, 6.5, None, 11.5,
      0.34, 0.34, None, None, 8.9, 5.5, 7.1, 2.7], "Legumes"),
    ("Almonds", "Snacks", "28.00 g", [161.8, None, 1.2, 75.3, 1.04, 75.6, 205.5, 0.3, 0.87, 0.3, 0.0, None, 0.0,
      0.0, 0.0, None, None, 5.9, 13.9, 6.1, 3.5], "Nuts"),
    ("Vitamin D3 1000 IU", "Pre-workout", "1.00 capsule", [None, None, None, None, None, None, None, None, None,
      None, None, 1000.0, None, None, None, None, None, None, None, None, None], "Supplements"),
    ("Coffee, brewed", "Breakfast", "8.00 fl oz", [2.4, 95.0, 235.2, 4.7, 0.05, 7.1, 116.1, 4.7, 0.05, 0.0, 0.0,
      None, 0.2, None, None, None, None, 0.3, 0.0, 0.0, 0.0], "Beverages"),
]


def fmt(v):
    return "" if v is None else f"{v:.2f}"


def rows():
    start = datetime.date(2026, 3, 1)
    for d in range(14):
        day = (start + datetime.timedelta(days=d)).isoformat()
        for i, (name, group, amount, values, category) in enumerate(FOODS):
            # natto every other day, the capsule on weekdays only
            if name == "Natto" and d % 2 == 1:
                continue
            if name.startswith("Vitamin D3") and (start + datetime.timedelta(days=d)).weekday() >= 5:
                continue
            time = f"{7 + i:02d}:30"
            yield [day, time, group, name, amount] + [fmt(v) for v in values] + [category]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    totals = {}
    for r in rows():
        w.writerow(r)
        for title, cell in zip(HEADER, r):
            if cell and title.endswith(")") and title not in ("Amount",):
                try:
                    totals[title] = totals.get(title, 0.0) + float(cell)
                except ValueError:
                    pass
    with open(os.path.join(here, "cronometer-servings-two-weeks.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    for key in ("Calcium (mg)", "Magnesium (mg)", "Vitamin D (IU)", "Vitamin K (µg)", "Energy (kcal)"):
        extra = f" = {totals[key] / 40:.4f} µg" if key == "Vitamin D (IU)" else ""
        print(f"{key}: {totals[key]:.4f}{extra}")


if __name__ == "__main__":
    sys.exit(main())
