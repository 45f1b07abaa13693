#!/usr/bin/env python3
# Check the Flatpak manifests against the meson project.
#
# Usage: check-flatpak-manifest.py SOURCE_ROOT APP_ID PROFILE GUI_BINARY
#
#   SOURCE_ROOT  the project's source tree (holds flatpak/ and meson_options.txt)
#   APP_ID       the application ID meson uses for this build
#   PROFILE      the build's 'profile' option (default or development)
#   GUI_BINARY   the name of the installed GUI executable
#
# Checks flatpak/<id>.json and flatpak/<id>.Devel.json: ids, runtime and
# SDK, command, sandbox permissions, the single meson module and its -D
# options, formatting and key order. When flatpak-builder is installed,
# it also parses both with `flatpak-builder --show-manifest` under
# G_DEBUG=fatal-warnings, so unknown keys fail; otherwise that part is
# skipped with a note. Python standard library only.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'

# Flathub's logical order of top-level keys; every key we use must be here.
KEY_ORDER = [
    'id', 'runtime', 'runtime-version', 'sdk', 'sdk-extensions',
    'command', 'tags', 'finish-args', 'build-options',
    'cleanup', 'cleanup-commands', 'modules',
]

errors = []


def fail(manifest, message):
    errors.append(f'{manifest}: {message}')


def parse_meson_options(path):
    """Return {name: (type, allowed values or None)} from meson_options.txt."""
    with open(path, encoding='utf-8') as f:
        text = re.sub(r'#[^\n]*', '', f.read())

    options = {}
    pos = 0
    while True:
        start = text.find('option(', pos)
        if start < 0:
            break
        # Find the matching parenthesis, skipping quoted strings.
        depth, i, quote = 0, start + len('option'), None
        while i < len(text):
            c = text[i]
            if quote:
                if c == '\\':
                    i += 1
                elif c == quote:
                    quote = None
            elif c == "'":
                quote = c
            elif c in '([':
                depth += 1
            elif c in ')]':
                depth -= 1
                if depth == 0:
                    break
            i += 1
        call = text[start:i + 1]
        pos = i + 1

        name = re.match(r"option\(\s*'([^']+)'", call)
        kind = re.search(r"\btype\s*:\s*'([^']+)'", call)
        if not name or not kind:
            continue
        kind = kind.group(1)
        allowed = None
        if kind == 'combo' or kind == 'array':
            choices = re.search(r"\bchoices\s*:\s*\[([^\]]*)\]", call)
            allowed = re.findall(r"'([^']*)'", choices.group(1)) if choices else None
        elif kind == 'boolean':
            allowed = ['true', 'false']
        elif kind == 'feature':
            allowed = ['enabled', 'disabled', 'auto']
        options[name.group(1)] = (kind, allowed)
    return options


def check_value(manifest, name, value, kind, allowed):
    if kind == 'integer':
        if not re.fullmatch(r'-?\d+', value):
            fail(manifest, f'-D{name}={value}: not an integer')
        return
    if kind == 'array':
        values = [v.strip() for v in value.split(',')] if value else []
    else:
        values = [value]
    if allowed is not None:
        for v in values:
            if v not in allowed:
                fail(manifest, f'-D{name}={value}: {v!r} is not one of {allowed}')


def check_manifest(path, expected_id, source_root, gui_binary, options, devel):
    name = os.path.relpath(path, source_root)
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        data = json.loads(text)
    except (OSError, ValueError) as e:
        fail(name, f'cannot read: {e}')
        return None

    # Formatting: exactly what json.dumps writes with 4-space indentation.
    if json.dumps(data, indent=4, ensure_ascii=False) + '\n' != text:
        fail(name, 'not formatted as JSON with 4-space indentation '
                   '(python3 -m json.tool --indent 4 shows the expected form)')

    keys = list(data)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        fail(name, f'keys outside the known order list: {unknown}')
    known = [KEY_ORDER.index(k) for k in keys if k in KEY_ORDER]
    if known != sorted(known):
        fail(name, f'keys not in logical order: {keys}; expected order {KEY_ORDER}')

    if data.get('id') != expected_id:
        fail(name, f'id is {data.get("id")!r}, expected {expected_id!r}')
    if data.get('runtime') != RUNTIME:
        fail(name, f'runtime is {data.get("runtime")!r}, expected {RUNTIME!r}')
    if data.get('sdk') != SDK:
        fail(name, f'sdk is {data.get("sdk")!r}, expected {SDK!r}')
    if not isinstance(data.get('runtime-version'), str) or not data.get('runtime-version'):
        fail(name, 'runtime-version must be a non-empty string')
    if data.get('command') != gui_binary:
        fail(name, f'command is {data.get("command")!r}, expected the GUI binary {gui_binary!r}')

    tags = data.get('tags', [])
    if devel and 'devel' not in tags:
        fail(name, 'the development manifest needs "tags": ["devel"]')
    if not devel and 'devel' in tags:
        fail(name, 'the release manifest must not be tagged devel')

    finish_args = data.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith('--share=network'):
            fail(name, f'finish-args: {arg}: Cofactor never uses the network')
        if arg.startswith('--filesystem'):
            fail(name, f'finish-args: {arg}: use the file chooser portal instead')
    if len(set(finish_args)) != len(finish_args):
        fail(name, 'finish-args has duplicates')

    modules = data.get('modules', [])
    if len(modules) != 1:
        fail(name, f'expected exactly one module (ours), found {len(modules)}')
    if not modules or not isinstance(modules[0], dict):
        return data
    module = modules[0]
    if module.get('name') != 'cofactor':
        fail(name, f'module name is {module.get("name")!r}, expected \'cofactor\'')
    if module.get('buildsystem') != 'meson':
        fail(name, f'module buildsystem is {module.get("buildsystem")!r}, expected \'meson\'')

    seen = {}
    for opt in module.get('config-opts', []):
        if not opt.startswith('-D'):
            continue
        m = re.fullmatch(r'-D\s*([A-Za-z0-9_.:-]+)=(.*)', opt)
        if not m:
            fail(name, f'config-opts: cannot read {opt!r}')
            continue
        key, value = m.groups()
        if key in seen:
            fail(name, f'config-opts: -D{key} given twice')
        seen[key] = value
        if key not in options:
            fail(name, f'config-opts: -D{key} is not an option in meson_options.txt '
                       f'(known: {sorted(options)})')
            continue
        check_value(name, key, value, *options[key])

    profile = seen.get('profile', 'default')
    if devel and profile != 'development':
        fail(name, 'the development manifest must build with -Dprofile=development')
    if not devel and profile != 'default':
        fail(name, 'the release manifest must build the default profile')

    sources = module.get('sources', [])
    if len(sources) != 1 or not isinstance(sources[0], dict):
        fail(name, f'expected one source for our module, found {len(sources)}')
        return data
    source = sources[0]
    if devel:
        if source.get('type') != 'dir':
            fail(name, 'the development manifest builds the local tree: type "dir"')
        else:
            tree = os.path.normpath(os.path.join(os.path.dirname(path), source.get('path', '')))
            if os.path.realpath(tree) != os.path.realpath(source_root):
                fail(name, f'dir source {source.get("path")!r} is not the source tree')
    else:
        if source.get('type') != 'git':
            fail(name, 'the release manifest builds from git')
        if not str(source.get('url', '')).startswith('https://'):
            fail(name, f'git url {source.get("url")!r} is not https')
        if not source.get('tag'):
            fail(name, 'the git source needs a tag')
        if not source.get('commit'):
            print(f'note: {name}: the git source has no "commit" yet; '
                  'Flathub needs tag and commit once the tag is published')
    return data


def run_flatpak_builder(paths):
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('note: flatpak-builder is not installed; skipping --show-manifest')
        return
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    # --show-manifest creates .flatpak-builder/ in the working directory.
    with tempfile.TemporaryDirectory(prefix='cofactor-manifest-') as tmp:
        for path in paths:
            result = subprocess.run([builder, '--show-manifest', os.path.abspath(path)],
                                    cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, universal_newlines=True)
            if result.returncode != 0:
                fail(os.path.basename(path),
                     f'flatpak-builder --show-manifest failed ({result.returncode}): '
                     f'{result.stderr.strip()}')
            else:
                print(f'flatpak-builder --show-manifest {os.path.basename(path)}: OK')


def main():
    if len(sys.argv) != 5:
        print('usage: check-flatpak-manifest.py SOURCE_ROOT APP_ID PROFILE GUI_BINARY',
              file=sys.stderr)
        return 2
    source_root, app_id, profile, gui_binary = sys.argv[1:]

    base_id = app_id
    if profile == 'development':
        if not app_id.endswith('.Devel'):
            print(f'FAIL: development build with APP_ID {app_id!r} (expected a .Devel suffix)')
            return 1
        base_id = app_id[:-len('.Devel')]

    options = parse_meson_options(os.path.join(source_root, 'meson_options.txt'))
    if not options:
        print('FAIL: no options found in meson_options.txt')
        return 1

    release = os.path.join(source_root, 'flatpak', base_id + '.json')
    devel = os.path.join(source_root, 'flatpak', base_id + '.Devel.json')
    a = check_manifest(release, base_id, source_root, gui_binary, options, devel=False)
    b = check_manifest(devel, base_id + '.Devel', source_root, gui_binary, options, devel=True)

    if a is not None and b is not None:
        for key in ('runtime', 'runtime-version', 'sdk', 'command', 'finish-args'):
            if a.get(key) != b.get(key):
                errors.append(f'{key} differs between the release and development manifests: '
                              f'{a.get(key)!r} vs {b.get(key)!r}')

    run_flatpak_builder([release, devel])

    for e in errors:
        print(f'FAIL: {e}')
    if errors:
        return 1
    print('Flatpak manifests: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
