#!/usr/bin/env python3
# Check that every language in po/LINGUAS is complete and up to date.
#
# Usage: check-translations.py SOURCE_ROOT
#
# For each language LL listed in po/LINGUAS:
#  1. `msgfmt --check --check-accelerators=_ --statistics` on po/LL.po must
#     pass and report only translated messages (no fuzzy, no untranslated);
#  2. the .po must match the current sources: a fresh template is made
#     with xgettext from po/POTFILES.in, with the keywords and flags of
#     meson's i18n 'glib' preset, po/LL.po is merged into it with msgmerge,
#     and the merged catalogue must again be 100 % translated.
# So adding a user-visible string without translating it fails here, on
# purpose. Also fails when a po/*.po is not listed in LINGUAS or a listed
# language has no .po. Skips (77) when the gettext tools are missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

PACKAGE = 'cofactor'

# The same as meson's i18n.gettext(preset: 'glib') (mesonbuild/modules/i18n.py)
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

STAT_RE = re.compile(r'(\d+) (translated message|fuzzy translation|untranslated message)s?')


def statistics(po, label):
    """Runs msgfmt --check --statistics; returns a list of problems."""
    # LC_ALL=C: the statistics line must be in English to be parsed
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    proc = subprocess.run(['msgfmt', '--check', '--check-accelerators=_', '--statistics',
                           '-o', os.devnull, po],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                          universal_newlines=True)
    out = proc.stdout.strip()
    print(f'{label}: {out.splitlines()[-1] if out else "(no output)"}')
    if proc.returncode != 0:
        return [f'{label}: msgfmt --check failed:\n{out}']
    counts = {'translated message': 0, 'fuzzy translation': 0, 'untranslated message': 0}
    for n, kind in STAT_RE.findall(out):
        counts[kind] = int(n)
    problems = []
    if counts['translated message'] == 0:
        problems.append(f'{label}: no translated messages ({out!r})')
    if counts['fuzzy translation']:
        problems.append(f'{label}: {counts["fuzzy translation"]} fuzzy')
    if counts['untranslated message']:
        problems.append(f'{label}: {counts["untranslated message"]} untranslated')
    return problems


def untranslated_ids(po):
    """The msgids msgattrib finds untranslated or fuzzy, for the log."""
    ids = []
    for opt in ('--untranslated', '--only-fuzzy'):
        proc = subprocess.run(['msgattrib', opt, '--no-obsolete', '--no-wrap', po],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              universal_newlines=True)
        ids += [line[len('msgid '):] for line in proc.stdout.splitlines()
                if line.startswith('msgid ') and line != 'msgid ""']
    return ids


def main():
    if len(sys.argv) != 2:
        print(__doc__ or 'usage: check-translations.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    podir = os.path.join(root, 'po')

    for tool in ('msgfmt', 'msgmerge', 'xgettext', 'msgattrib'):
        if shutil.which(tool) is None:
            print(f'SKIP: {tool} not found')
            return 77

    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#', 1)[0].split()]

    problems = []
    present = sorted(f[:-3] for f in os.listdir(podir) if f.endswith('.po'))
    for lang in present:
        if lang not in langs:
            problems.append(f'po/{lang}.po is not listed in po/LINGUAS')
    for lang in langs:
        if not os.path.exists(os.path.join(podir, lang + '.po')):
            problems.append(f'po/LINGUAS lists {lang}, but po/{lang}.po does not exist')
    # Food names per language (data/foods/curated/names/LANG.tsv) exist
    # only for languages the interface is translated into
    names_dir = os.path.join(root, 'data', 'foods', 'curated', 'names')
    if os.path.isdir(names_dir):
        for name in sorted(os.listdir(names_dir)):
            if name.endswith('.tsv') and name[:-4] not in langs:
                problems.append(f'data/foods/curated/names/{name}: language {name[:-4]} '
                                'is not in po/LINGUAS')
    if not langs:
        print('po/LINGUAS lists no language')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, PACKAGE + '.pot')
        proc = subprocess.run(['xgettext', '--package-name=' + PACKAGE, '-D', root,
                               '-f', os.path.join(podir, 'POTFILES.in'), '-o', pot] + XGETTEXT_ARGS,
                              cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if proc.returncode != 0:
            print(proc.stdout)
            problems.append('xgettext could not make a template from po/POTFILES.in')
            langs = []

        for lang in langs:
            po = os.path.join(podir, lang + '.po')
            if not os.path.exists(po):
                continue
            problems += statistics(po, f'po/{lang}.po')

            merged = os.path.join(tmp, lang + '.po')
            proc = subprocess.run(['msgmerge', '--quiet', '--no-wrap', '-o', merged, po, pot],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True)
            if proc.returncode != 0:
                problems.append(f'po/{lang}.po: msgmerge failed:\n{proc.stdout}')
                continue
            found = statistics(merged, f'po/{lang}.po merged with the current sources')
            if found:
                problems += found
                for msgid in untranslated_ids(merged)[:50]:
                    print(f'  needs a translation: {msgid}')

    if problems:
        print('\nFAIL:\n' + '\n'.join(problems))
        print('Regenerate the template (ninja -C BUILDDIR cofactor-pot), merge it '
              '(ninja -C BUILDDIR cofactor-update-po) and translate what is new.')
        return 1
    print('OK: every language is complete and up to date')
    return 0


if __name__ == '__main__':
    sys.exit(main())
