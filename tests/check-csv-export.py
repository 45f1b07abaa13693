#!/usr/bin/env python3
# The CSV export read as a spreadsheet would read it, with Python's csv
# module, after importing a two-week Cronometer servings export through
# cofactor-cli:
#  - the days table has one row per day, each with the fixture's sums of
#    calcium, magnesium, vitamin D (IU / 40) and vitamin K (as vitamin K
#    of unstated form; K1 and K2 stay empty, not 0), summed here from the
#    fixture independently of Cofactor;
#  - the entries table has one row per entry;
#  - UTF-8, CRLF line ends, numbers with a decimal point;
#  - a second import changes nothing, --dry-run writes nothing, and a
#    refused file exits with status 1 and names the line.
#
# Usage: check-csv-export.py SOURCE_ROOT   ($COFACTOR_CLI: the CLI to run)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os
import subprocess
import sys
import tempfile
from collections import defaultdict


def run(cli, db, *args, check=True):
    proc = subprocess.run([cli, '--database', db] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if check and proc.returncode != 0:
        sys.exit(f'FAIL: {" ".join(args)} exited {proc.returncode}: {proc.stderr.decode()}')
    return proc


def read_table(data):
    text = data.decode('utf-8')
    lines = data.split(b'\r\n')
    assert lines[-1] == b'', 'the file does not end with CRLF'
    assert all(b'\n' not in line for line in lines[:-1] if line.count(b'"') == 0), 'a line end is not CRLF'
    return list(csv.DictReader(io.StringIO(text, newline='')))


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def main():
    root = sys.argv[1]
    cli = os.environ['COFACTOR_CLI']
    fixture = os.path.join(root, 'tests', 'data', 'import', 'cronometer-servings-two-weeks.csv')

    # The fixture's daily sums, read here on their own
    expected = defaultdict(lambda: defaultdict(float))
    counts = defaultdict(int)
    with open(fixture, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
            day = row['Day']
            counts[day] += 1
            for column, key, factor in (('Calcium (mg)', 'calcium_mg', 1), ('Magnesium (mg)', 'magnesium_mg', 1),
                                        ('Vitamin D (IU)', 'vitamin_d_ug', 1 / 40),
                                        ('Vitamin K (µg)', 'vitamin_k_unstated_ug', 1)):
                if row[column] != '':
                    expected[day][key] += float(row[column]) * factor

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'diary.db')
        days_csv = os.path.join(tmp, 'days.csv')

        # --dry-run writes nothing
        out = run(cli, db, 'import', '--dry-run', fixture).stdout.decode()
        assert '101 entries on 14 days' in out, out
        run(cli, db, 'export', '--format', 'csv', days_csv)
        with open(days_csv, 'rb') as f:
            assert len(read_table(f.read())) == 0, 'the dry run wrote entries'

        run(cli, db, 'import', fixture)
        run(cli, db, 'export', '--format', 'csv', days_csv)
        with open(days_csv, 'rb') as f:
            first = f.read()
        rows = read_table(first)

        dates = [r['date'] for r in rows]
        assert len(rows) == 14, f'{len(rows)} rows, expected one per day (14)'
        assert dates == sorted(set(dates)), 'the days are not one row each, in order'
        assert dates == sorted(expected), f'days {dates}'

        for r in rows:
            day = r['date']
            assert int(r['entries']) == counts[day], (day, r['entries'])
            for key, value in expected[day].items():
                assert close(float(r[key]), value), (day, key, r[key], value)
            # Vitamin K of unstated form is never K1 or K2: no value there
            for key in ('vitamin_k1_ug', 'vitamin_k2_total_ug', 'mk7_ug', 'phosphorus_mg'):
                assert r[key] == '', (day, key, r[key])
            for title, cell in r.items():
                if title.endswith('_coverage') and cell != '':
                    assert 0 <= float(cell) <= 1, (day, title, cell)
                if cell and title not in ('date',):
                    assert ',' not in cell, (day, title, cell)

        totals = {key: sum(float(r[key]) for r in rows)
                  for key in ('calcium_mg', 'magnesium_mg', 'vitamin_d_ug', 'vitamin_k_unstated_ug')}
        print('two weeks:', ', '.join(f'{k} {v:.2f}' for k, v in totals.items()))

        # One row per entry
        entries_csv = os.path.join(tmp, 'entries.csv')
        run(cli, db, 'export', '--format', 'csv', '--table', 'entries', entries_csv)
        with open(entries_csv, 'rb') as f:
            entries = read_table(f.read())
        assert len(entries) == 101, len(entries)
        assert len({e['id'] for e in entries}) == 101
        names = {e['food_name'] for e in entries}
        assert 'Oatmeal, cooked with water' in names, names
        milk = [e for e in entries if e['food_name'] == 'Milk, 2%']
        assert milk and all(e['grams'] == '' and e['origin_amount'] == '1.00 cup' for e in milk), milk[:1]
        assert all(e['origin'] == 'cronometer' for e in entries)

        # A second import changes nothing
        out = run(cli, db, 'import', fixture).stdout.decode()
        assert '0 diary entries' in out, out
        run(cli, db, 'export', '--format', 'csv', days_csv)
        with open(days_csv, 'rb') as f:
            assert f.read() == first, 'a second import changed the totals'

        # A refused file: status 1, the line named, nothing written
        bad = os.path.join(root, 'tests', 'data', 'import', 'cronometer-servings-truncated.csv')
        proc = run(cli, db, 'import', bad, check=False)
        assert proc.returncode == 1, proc.returncode
        assert 'Line 5' in proc.stderr.decode(), proc.stderr
        run(cli, db, 'export', '--format', 'csv', days_csv)
        with open(days_csv, 'rb') as f:
            assert f.read() == first, 'a refused file changed the diary'

        # Wrong options are usage errors
        assert run(cli, db, 'export', '--format', 'xls', days_csv, check=False).returncode == 2
        assert run(cli, db, 'export', '--format', 'csv', '--table', 'foods', days_csv, check=False).returncode == 2

    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
