#!/usr/bin/env python3
# Validate the merged metainfo with appstreamcli, strictly.
#
# Usage: check-metainfo.py APPSTREAMCLI METAINFO APP_ID
#
# `appstreamcli validate` exits 0 when it only finds "info" issues, so it
# alone would let a regression through. This wrapper fails on every
# error, warning and info finding except the ones in ALLOWED below:
# findings that the appstream on our build platform (Debian 12,
# appstream 0.16.1) reports although the file is right for the newer
# appstream that Flathub validates with. Pedantic findings are not
# reported (we do not pass --pedantic).
#
# It then checks a few Flathub rules that appstream 0.16 does not know
# about, with the standard library's XML parser.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# (severity, tag, hint) -> why it is allowed. Keep this list exact: every
# entry must be a finding that a newer appstream does not report.
ALLOWED = {
    ('I', 'unknown-tag', 'developer'):
        # <developer id="..."><name>...</name></developer> was added in
        # AppStream 1.0 and replaces <developer_name>. appstream 0.16
        # does not know it yet; Flathub's linter requires it.
        'developer tag is AppStream 1.0; Flathub requires it',
}

# "I: io.github.cofactor.Cofactor:30: unknown-tag developer"
# "E: io.github.cofactor.Cofactor: some-tag"
# "W: ~:12: some-tag hint text"
FINDING = re.compile(r'^([EWIP]): (\S+?)(?::(\d+))?: (\S+)(?: (.*))?$')


def fail(message):
    print(f'FAIL: {message}')
    return 1


def run_appstreamcli(appstreamcli, path):
    result = subprocess.run(
        [appstreamcli, 'validate', '--no-net', '--explain', path],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=dict(os.environ, LC_ALL='C.UTF-8', NO_COLOR='1'),
        universal_newlines=True)
    print(result.stdout, end='')

    errors = 0
    for line in result.stdout.splitlines():
        m = FINDING.match(line)
        if m is None:
            continue
        severity, _cid, lineno, tag, hint = m.groups()
        key = (severity, tag, (hint or '').strip())
        if key in ALLOWED:
            print(f'allowed: {severity}: {tag} {key[2]} ({ALLOWED[key]})')
            continue
        errors += fail(f'appstreamcli finding not allowed: {line}')

    if result.returncode != 0 and errors == 0:
        errors += fail(f'appstreamcli exited with {result.returncode}')
    return errors


def text(element):
    return ''.join(element.itertext()).strip() if element is not None else ''


def check_flathub_rules(path, app_id):
    errors = 0
    root = ET.parse(path).getroot()

    if os.path.basename(path) != f'{app_id}.metainfo.xml':
        errors += fail(f'file name {os.path.basename(path)} does not match the id {app_id}')
    if text(root.find('id')) != app_id:
        errors += fail(f'<id> is {text(root.find("id"))!r}, expected {app_id!r}')

    launchables = [text(e) for e in root.findall('launchable[@type="desktop-id"]')]
    if launchables != [f'{app_id}.desktop']:
        errors += fail(f'launchable desktop-id is {launchables}, expected [{app_id}.desktop]')

    name = text(root.find('name'))
    if not name or name.endswith('.') or len(name) > 20:
        errors += fail(f'name {name!r}: must be set, under 20 characters, no trailing dot')

    # Untranslated summary only (no xml:lang attribute).
    summary = text(root.find('summary'))
    if not 10 <= len(summary) <= 35:
        errors += fail(f'summary {summary!r} is {len(summary)} characters, expected 10-35')
    if summary.endswith('.') or not summary[:1].isupper():
        errors += fail(f'summary {summary!r}: sentence case, no trailing dot')
    if re.search(r'\b(GTK|GNOME|libadwaita)\b', summary, re.IGNORECASE):
        errors += fail(f'summary {summary!r} names a toolkit')

    developers = root.findall('developer')
    if len(developers) != 1 or not developers[0].get('id') or not text(developers[0].find('name')):
        errors += fail('expected exactly one <developer id="..."> with a <name>')

    description = root.find('description')
    if description is None or description.find('p') is None:
        errors += fail('<description> needs at least one <p>')
    elif re.search(r'https?://', ''.join(description.itertext())):
        errors += fail('<description> must not contain URLs')

    if root.find('url[@type="homepage"]') is None:
        errors += fail('missing <url type="homepage">')

    screenshots = root.findall('screenshots/screenshot')
    if not screenshots or screenshots[0].get('type') != 'default':
        errors += fail('the first screenshot must be type="default"')
    if sum(1 for s in screenshots if s.get('type') == 'default') != 1:
        errors += fail('exactly one screenshot must be type="default"')
    for s in screenshots:
        if not text(s.find('caption')):
            errors += fail(f'screenshot {text(s.find("image"))} has no caption')

    if root.find('content_rating[@type="oars-1.1"]') is None:
        errors += fail('missing <content_rating type="oars-1.1">')

    releases = root.findall('releases/release')
    if not releases:
        errors += fail('missing <releases>')
    dates = []
    for r in releases:
        if r.find('description') is None:
            errors += fail(f'release {r.get("version")} has no <description>')
        try:
            day = datetime.date.fromisoformat(r.get('date', ''))
        except ValueError:
            errors += fail(f'release {r.get("version")} has no YYYY-MM-DD date')
            continue
        # appstream 0.16 accepts future dates; Flathub does not.
        if day > datetime.datetime.now(datetime.timezone.utc).date():
            errors += fail(f'release {r.get("version")} is dated in the future ({day})')
        dates.append(day)
    if dates != sorted(dates, reverse=True):
        errors += fail('releases must be listed newest first')

    colors = {c.get('scheme_preference'): c.text.strip().lower()
              for c in root.findall('branding/color[@type="primary"]')}
    if set(colors) != {'light', 'dark'} or colors['light'] == colors['dark']:
        errors += fail(f'branding needs two distinct primary colours (light, dark): {colors}')

    return errors


XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def check_translations(path):
    """Every language of po/LINGUAS translates every text of the file."""
    errors = 0
    linguas = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'po', 'LINGUAS')
    with open(linguas, encoding='utf-8') as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    root = ET.parse(path).getroot()
    english = sum(1 for e in root.iter() if e.get(XML_LANG) is None and
                  e.tag in ('name', 'summary', 'p', 'li', 'caption'))
    for lang in languages:
        found = sum(1 for e in root.iter() if e.get(XML_LANG) == lang)
        if found == 0:
            errors += fail(f'no {lang} translation merged')
        print(f'{lang}: {found} translated texts')
    counts = {sum(1 for e in root.iter() if e.get(XML_LANG) == lang) for lang in languages}
    if len(counts) > 1:
        errors += fail(f'the languages translate different numbers of texts: {sorted(counts)}')
    print(f'{english} English texts')
    return errors


def main():
    if len(sys.argv) != 4:
        print('usage: check-metainfo.py APPSTREAMCLI METAINFO APP_ID', file=sys.stderr)
        return 2
    appstreamcli, path, app_id = sys.argv[1:]
    errors = run_appstreamcli(appstreamcli, path)
    errors += check_flathub_rules(path, app_id)
    errors += check_translations(path)
    if errors:
        print(f'{errors} problem(s) in {path}')
        return 1
    print(f'{path}: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
