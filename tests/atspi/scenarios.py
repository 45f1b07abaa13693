#!/usr/bin/env python3
# End-to-end scenarios of Cofactor through AT-SPI: the app is started as a
# person starts it, driven with the keys a person presses (sent through
# the X server) and the buttons a screen reader presses (AT-SPI actions),
# and checked by what the accessibility tree says.  run-atspi.sh starts
# this under Xvfb with a D-Bus session and accessibility bus of its own.
#
#   scenarios.py SCENARIO      (see SCENARIOS at the end)

import os
import re
import subprocess
import sys
import time
import traceback

from dogtail.config import config

# The session's settings are in memory: dogtail's check of the desktop's
# accessibility setting would refuse to start, and there is nothing to
# enable, GTK 4 always talks to the accessibility bus when there is one
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.typingDelay = 0.02
config.actionDelay = 0.3
config.defaultDelay = 0.3
config.searchCutoffCount = 3

from dogtail import rawinput  # noqa: E402
from dogtail import tree  # noqa: E402
import pyatspi  # noqa: E402

TIMEOUT = float(os.environ.get('COFACTOR_ATSPI_TIMEOUT', '20'))

# Roles a person can act on: each needs a name a screen reader can say
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK,
}
# What GTK says when a widget has no name: its type name
TYPE_NAME = re.compile(r'^(Gtk|Adw|Cf)[A-Z][A-Za-z]*$')
# A name that kept the mnemonic of its label, e.g. "_Today Today"
MNEMONIC = re.compile(r'(^|\s)_\w')


class Failure(Exception):
    pass


def log(*args):
    print(*args, flush=True)


# ----- the app --------------------------------------------------------

class App:
    def __init__(self, *args):
        exe = os.environ['COFACTOR_ATSPI_APP']
        env = dict(os.environ)
        if os.environ.get('COFACTOR_ATSPI_APP_G_DEBUG'):
            env['G_DEBUG'] = os.environ['COFACTOR_ATSPI_APP_G_DEBUG']
        self.proc = subprocess.Popen([exe] + list(args), env=env)
        self.node = wait_for(lambda: find_app(), what='the app on the accessibility bus')
        self.window = wait_for(lambda: self.frame('Cofactor'), what='the main window')
        # The first view is loaded and has the focus
        wait_for(lambda: self.showing_diary(), what='the diary')
        time.sleep(0.5)

    def frame(self, name=None):
        for child in children(self.node):
            if child.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW) and \
               (name is None or child.name == name):
                return child
        return None

    def windows(self):
        """The windows shown, the main window first"""
        return [c for c in children(self.node)
                if states(c) is not None and states(c).contains(pyatspi.STATE_VISIBLE)]

    def showing_diary(self):
        tab = find_showing(self.window, pyatspi.ROLE_PAGE_TAB, 'Diary')
        return tab is not None and states(tab).contains(pyatspi.STATE_SELECTED)

    def view(self, type_name):
        """A view of the main window by its type, e.g. CfFoodsView"""
        return find(self.window, None, type_name)

    def quit(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def check_alive(self):
        if self.proc.poll() is not None:
            raise Failure('the app ended (exit status %d)' % self.proc.returncode)


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for a in children(desktop):
        if a.name == 'cofactor':
            return a
    return None


# ----- the tree -------------------------------------------------------

def children(node):
    try:
        return [c for c in node if c is not None]
    except Exception:
        return []


def role_name(node):
    try:
        return node.getRoleName()
    except Exception:
        return '?'


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def is_showing(node):
    """On screen: GTK 4.8 sets the "showing" state on windows only, and
    "visible" on every widget not hidden, mapped or not; one that is not
    mapped has no size"""
    s = states(node)
    if s is None or not s.contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        if node.parent is not None and node.parent.getRole() == pyatspi.ROLE_APPLICATION:
            return True
        if 'Component' not in pyatspi.listInterfaces(node):
            return True
        e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return e.width > 0 or e.height > 0
    except Exception:
        return False


def walk(node, showing_only=True, depth=0):
    """Every node under @node (itself included), depth first; with
    @showing_only, the parts on screen only"""
    if depth > 60:
        return
    yield node
    for c in children(node):
        if showing_only and not is_showing(c):
            continue
        yield from walk(c, showing_only, depth + 1)


def matches(node, role, name):
    try:
        if role is not None and node.getRole() != role:
            return False
        if name is None:
            return True
        if isinstance(name, re.Pattern):
            return name.search(node.name or '') is not None
        return node.name == name
    except Exception:
        return False


def find(root, role=None, name=None, showing_only=False):
    for n in walk(root, showing_only):
        if matches(n, role, name):
            return n
    return None


def find_showing(root, role=None, name=None):
    return find(root, role, name, showing_only=True)


def find_all(root, role=None, name=None, showing_only=True):
    return [n for n in walk(root, showing_only) if matches(n, role, name)]


def path_of(node):
    parts = []
    n = node
    while n is not None:
        try:
            if n.getRole() == pyatspi.ROLE_APPLICATION:
                break
            parts.append('%s %r' % (role_name(n), n.name))
            n = n.parent
        except Exception:
            break
    return ' > '.join(reversed(parts))


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return None


def wait_for(fn, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = fn()
            if result:
                return result
        except Failure:
            raise
        except Exception as e:  # the tree changes under our feet
            last_error = e
        time.sleep(0.1)
    raise Failure('timed out waiting for %s%s' % (what, ' (%s)' % last_error if last_error else ''))


def press(node, action='click'):
    """Presses a button the way a screen reader does: its AT-SPI action"""
    a = node.queryAction()
    names = [a.getName(i) for i in range(a.nActions)]
    for wanted in (action, 'click', 'activate', 'press', 'toggle'):
        if wanted in names:
            a.doAction(names.index(wanted))
            time.sleep(0.3)
            return
    # A menu button is pressed through the button inside it
    for c in children(node):
        if c.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON):
            return press(c, action)
    raise Failure('%s has no action %r (only %s)' % (path_of(node), action, names))


def key(name):
    """A key as a person presses it: "Return", "Down", "<Control>n" """
    if name.startswith('<'):
        rawinput.keyCombo(name)
    else:
        rawinput.pressKey(name)
    time.sleep(0.05)


def type_text(text):
    rawinput.typeText(text)
    time.sleep(0.2)


def focused(app):
    for w in app.windows():
        for n in walk(w):
            s = states(n)
            if s is not None and s.contains(pyatspi.STATE_FOCUSED):
                return n
    return None


def dump(node, out=sys.stdout, showing_only=True):
    def rec(n, d):
        out.write('%s[%s] %r\n' % ('  ' * d, role_name(n), n.name))
        for c in children(n):
            if showing_only and not is_showing(c):
                continue
            rec(c, d + 1)
    rec(node, 0)


# ----- scenarios ------------------------------------------------------

def scenario_dump(app):
    """Not a test: prints what is on screen"""
    for w in app.windows():
        dump(w)


def unnamed(node):
    """Why @node, a control a person can act on, has no usable name, or
    None"""
    try:
        if node.getRole() not in INTERACTIVE_ROLES:
            return None
        name = node.name or ''
    except Exception:
        return None
    if name.strip() == '':
        return 'no name'
    if TYPE_NAME.match(name):
        return 'no name (only its type, %s)' % name
    if MNEMONIC.search(name):
        return 'a mnemonic in its name'
    return None


class NameCheck:
    """Collects the controls without a name of each view walked over"""

    def __init__(self):
        self.offenders = {}
        self.problems = []
        self.views = 0

    def check(self, root, where):
        self.views += 1
        n = 0
        for node in walk(root):
            why = unnamed(node)
            n += 1
            if why is not None:
                p = path_of(node)
                if p not in self.offenders:
                    self.offenders[p] = (where, why)
        log('  %s: %d nodes' % (where, n))

    def cannot(self, what):
        self.problems.append(what)
        log('  cannot %s' % what)

    def report(self):
        for p, (where, why) in sorted(self.offenders.items(), key=lambda i: i[1][0]):
            log('UNNAMED [%s] %s: %s' % (where, why, p))
        for what in self.problems:
            log('PROBLEM: cannot %s' % what)
        if self.offenders or self.problems:
            raise Failure('%d controls without an accessible name, %d views not reached (of %d walked)'
                          % (len(self.offenders), len(self.problems), self.views))


def new_windows(app, before):
    return [w for w in app.windows() if w not in before]


def scenario_names(app):
    """Every interactive control of every view has a name a screen
    reader can say; prints each one that has none with its path"""
    check = NameCheck()
    win = app.window

    def popup(where, button_name, root=None):
        """Opens the menu or popover of a button, checks it, closes it"""
        button = find_showing(root or win, None, button_name)
        if button is None:
            check.cannot('open %s: no control named %r' % (where, button_name))
            return
        press(button)
        time.sleep(0.8)
        check.check(root or win, where)
        key('Escape')
        time.sleep(0.5)

    def dialog(where, keys, then=None):
        """Opens a window with keys, checks it, closes it with Escape"""
        before = app.windows()
        for k in keys:
            key(k)
        try:
            new = wait_for(lambda: new_windows(app, before), what=where)[0]
        except Failure:
            check.cannot('open %s with %s' % (where, ' '.join(keys)))
            return
        time.sleep(1)
        check.check(new, where)
        if then is not None:
            then(new)
        key('Escape')
        wait_for(lambda: new not in app.windows(), what='%s to close' % where)
        time.sleep(0.5)

    # The diary and its menus
    check.check(win, 'Diary')
    popup('main menu', 'Main Menu')
    popup('day menu', 'More Day Actions')
    popup('calendar', re.compile(r'^(Today|Yesterday|Choose the Day)|, '))

    def add_dialog_amount(dlg):
        type_text('natto')
        if wait_for(lambda: find_showing(dlg, pyatspi.ROLE_LIST_ITEM, re.compile('^Natto')),
                    what='results for natto') is None:
            return
        check.check(dlg, 'add dialog, results')
        key('Return')
        wait_for(lambda: find_showing(dlg, None, 'Amount'), what='the amount page')
        time.sleep(0.5)
        check.check(dlg, 'add dialog, amount')

    dialog('add dialog', ['<Control>n'], add_dialog_amount)

    # Foods, a food, and the menu of new things
    key('<Alt>2')
    time.sleep(1.5)
    check.check(win, 'Foods')
    popup('new food menu', 'New Food, Recipe or Supplement')
    entry = find_showing(win, pyatspi.ROLE_ENTRY, 'Search foods')
    if entry is None:
        check.cannot('search foods: no entry named "Search foods"')
    else:
        key('<Control>f')
        type_text('kale raw')
        time.sleep(1.5)
        check.check(win, 'Foods, results')
        foods = app.view('CfFoodsView')
        wait_for(lambda: find_showing(foods, pyatspi.ROLE_LIST_ITEM, re.compile('^Kale, raw')) or
                 find_showing(foods, pyatspi.ROLE_PANEL, re.compile('^Kale, raw')),
                 what='"Kale, raw" among the foods')
        # Into the list and open the first food, as from the keyboard
        key('Down')
        key('Return')
        wait_for(lambda: find_showing(foods, pyatspi.ROLE_LABEL, re.compile('^Kale, raw')) and
                 find_showing(foods, None, re.compile('^(Back|GtkImage)')),
                 what='the food page')
        time.sleep(1)
        check.check(win, 'food detail')
        key('<Alt>Left')
        time.sleep(1)

    # Insights
    key('<Alt>3')
    time.sleep(2)
    check.check(win, 'Insights')

    # Preferences
    key('<Alt>1')
    time.sleep(0.5)
    dialog('preferences', ['<Control>comma'])

    check.report()


def unnamed(node):
    """Why @node, a control a person can act on, has no usable name, or
    None"""
    try:
        if node.getRole() not in INTERACTIVE_ROLES:
            return None
        name = node.name or ''
    except Exception:
        return None
    if name.strip() == '':
        return 'no name'
    if TYPE_NAME.match(name):
        return 'no name (only its type, %s)' % name
    if MNEMONIC.search(name):
        return 'a mnemonic in its name'
    return None


class NameCheck:
    """Collects the controls without a name of each view walked over"""

    def __init__(self):
        self.offenders = {}
        self.problems = []
        self.views = 0

    def check(self, root, where):
        self.views += 1
        n = 0
        for node in walk(root):
            why = unnamed(node)
            n += 1
            if why is not None:
                p = path_of(node)
                if p not in self.offenders:
                    self.offenders[p] = (where, why)
        log('  %s: %d nodes' % (where, n))

    def cannot(self, what):
        self.problems.append(what)
        log('  cannot %s' % what)

    def report(self):
        for p, (where, why) in sorted(self.offenders.items(), key=lambda i: i[1][0]):
            log('UNNAMED [%s] %s: %s' % (where, why, p))
        for what in self.problems:
            log('PROBLEM: cannot %s' % what)
        if self.offenders or self.problems:
            raise Failure('%d controls without an accessible name, %d views not reached (of %d walked)'
                          % (len(self.offenders), len(self.problems), self.views))


def new_windows(app, before):
    return [w for w in app.windows() if w not in before]


def scenario_names(app):
    """Every interactive control of every view has a name a screen
    reader can say; prints each one that has none with its path"""
    check = NameCheck()
    win = app.window

    def popup(where, button_name, root=None):
        """Opens the menu or popover of a button, checks it, closes it"""
        button = find_showing(root or win, None, button_name)
        if button is None:
            check.cannot('open %s: no control named %r' % (where, button_name))
            return
        press(button)
        time.sleep(0.8)
        check.check(root or win, where)
        key('Escape')
        time.sleep(0.5)

    def dialog(where, keys, then=None):
        """Opens a window with keys, checks it, closes it with Escape"""
        before = app.windows()
        for k in keys:
            key(k)
        try:
            new = wait_for(lambda: new_windows(app, before), what=where)[0]
        except Failure:
            check.cannot('open %s with %s' % (where, ' '.join(keys)))
            return
        time.sleep(1)
        check.check(new, where)
        if then is not None:
            then(new)
        key('Escape')
        wait_for(lambda: new not in app.windows(), what='%s to close' % where)
        time.sleep(0.5)

    # The diary and its menus
    check.check(win, 'Diary')
    popup('main menu', 'Main Menu')
    popup('day menu', 'More Day Actions')
    popup('calendar', re.compile(r'^(Today|Yesterday|Choose the Day)|, '))

    def add_dialog_amount(dlg):
        type_text('natto')
        if wait_for(lambda: find_showing(dlg, pyatspi.ROLE_LIST_ITEM, re.compile('^Natto')),
                    what='results for natto') is None:
            return
        check.check(dlg, 'add dialog, results')
        key('Return')
        wait_for(lambda: find_showing(dlg, None, 'Amount'), what='the amount page')
        time.sleep(0.5)
        check.check(dlg, 'add dialog, amount')

    dialog('add dialog', ['<Control>n'], add_dialog_amount)

    # Foods, a food, and the menu of new things
    key('<Alt>2')
    time.sleep(1.5)
    check.check(win, 'Foods')
    popup('new food menu', 'New Food, Recipe or Supplement')
    entry = find_showing(win, pyatspi.ROLE_ENTRY, 'Search foods')
    if entry is None:
        check.cannot('search foods: no entry named "Search foods"')
    else:
        key('<Control>f')
        type_text('kale raw')
        time.sleep(1.5)
        check.check(win, 'Foods, results')
        foods = app.view('CfFoodsView')
        wait_for(lambda: find_showing(foods, pyatspi.ROLE_LIST_ITEM, re.compile('^Kale, raw')) or
                 find_showing(foods, pyatspi.ROLE_PANEL, re.compile('^Kale, raw')),
                 what='"Kale, raw" among the foods')
        # Into the list and open the first food, as from the keyboard
        key('Down')
        key('Return')
        wait_for(lambda: find_showing(foods, pyatspi.ROLE_LABEL, re.compile('^Kale, raw')) and
                 find_showing(foods, None, re.compile('^(Back|GtkImage)')),
                 what='the food page')
        time.sleep(1)
        check.check(win, 'food detail')
        key('<Alt>Left')
        time.sleep(1)

    # Insights
    key('<Alt>3')
    time.sleep(2)
    check.check(win, 'Insights')

    # Preferences
    key('<Alt>1')
    time.sleep(0.5)
    dialog('preferences', ['<Control>comma'])

    check.report()


def scenario_explore(app):
    win = app.window
    b = find_showing(win, pyatspi.ROLE_PUSH_BUTTON, re.compile(', '))
    press(b)
    time.sleep(1)
    cal = find_showing(win, None, 'GtkCalendar')
    labels = [n for n in walk(cal) if n.getRole() == pyatspi.ROLE_LABEL]
    for l in labels:
        if l.name == '3':
            e = l.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            log('3 at', e, l.queryComponent().getExtents(pyatspi.WINDOW_COORDS))
            rawinput.click(e.x + e.width // 2, e.y + e.height // 2)
            break
    time.sleep(1)
    b = find_showing(win, pyatspi.ROLE_PUSH_BUTTON, re.compile(', '))
    log('button', path_of(b))
    dump(b)


SCENARIOS = {
    'dump': scenario_dump,
    'names': scenario_names,
}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.stderr.write('usage: scenarios.py %s\n' % '|'.join(SCENARIOS))
        return 2
    name = sys.argv[1]
    start = time.monotonic()
    app = None
    try:
        app = App('--demo')
        SCENARIOS[name](app)
        app.check_alive()
    except Failure as e:
        log('FAIL: %s: %s' % (name, e))
        if app is not None and os.environ.get('COFACTOR_ATSPI_DUMP'):
            for w in app.windows():
                dump(w)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if app is not None:
            app.quit()
    log('PASS: %s (%.1f s)' % (name, time.monotonic() - start))
    return 0


if __name__ == '__main__':
    sys.exit(main())
