#!/usr/bin/env python3
# Check that po/POTFILES.in lists every file with translatable strings.
#
# Usage: check-potfiles.py SOURCE_ROOT
#
# Fails when a file under src/ or data/ (tracked in git or present in the
# tree; build directories excluded) contains a gettext marker but is not
# listed in po/POTFILES.in, when POTFILES.in lists a file that does not
# exist, and when POTFILES.in is not sorted or lists a file twice.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

MARKERS = ('_("', 'N_("', 'C_("', 'NC_("', 'g_dngettext', 'translatable="yes"')
SEARCHED = ('src', 'data')
# Directories never searched: build trees, Flatpak state, caches.
SKIP_DIRS = ('_build', '.flatpak-builder', '_flatpak', '__pycache__', '.git')
# Documentation may quote the markers without being translatable.
SKIP_SUFFIXES = ('.md',)


def skipped_dir(name):
    return any(name == d or name.startswith(d) for d in SKIP_DIRS)


def candidate_files(root):
    files = set()
    for top in SEARCHED:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not skipped_dir(d))
            for f in filenames:
                files.add(os.path.relpath(os.path.join(dirpath, f), root))
    # Tracked files too, in case the walk missed one (e.g. a symlinked dir).
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--', *SEARCHED],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        files.update(p for p in out.stdout.decode('utf-8', 'replace').split('\0') if p)
    except (OSError, subprocess.CalledProcessError):
        pass
    return sorted(f for f in files
                  if not any(skipped_dir(part) for part in f.split('/')[:-1])
                  and not f.endswith(SKIP_SUFFIXES))


def has_marker(path):
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return False  # tracked but deleted in the working tree
    if b'\0' in data:
        return False  # binary
    text = data.decode('utf-8', 'replace')
    return any(m in text for m in MARKERS)


def main():
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = sys.argv[1]
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')

    with open(potfiles_path, encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith('#')]

    errors = []
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            errors.append(f'po/POTFILES.in lists {path}, which does not exist')
    seen = set()
    for path in listed:
        if path in seen:
            errors.append(f'po/POTFILES.in lists {path} twice')
        seen.add(path)
    if listed != sorted(listed):
        errors.append('po/POTFILES.in is not sorted; expected order:\n  '
                      + '\n  '.join(sorted(set(listed))))

    missing = [p for p in candidate_files(root)
               if p not in seen and has_marker(os.path.join(root, p))]
    for path in missing:
        errors.append(f'{path} has translatable strings but is not in po/POTFILES.in')

    for e in errors:
        print(f'FAIL: {e}')
    if errors:
        return 1
    print(f'po/POTFILES.in: {len(listed)} files, complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
