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


def focused(app, root=None):
    # The newest window first: a dialog has the focus over the main window
    for w in ([root] if root is not None else reversed(app.windows())):
        for n in walk(w):
            s = states(n)
            if s is not None and s.contains(pyatspi.STATE_FOCUSED):
                return n
    return None


def screenshot(name):
    """With COFACTOR_ATSPI_SHOTS set to a folder, saves the screen there
    as NAME.png (to look at what a scenario saw)"""
    folder = os.environ.get('COFACTOR_ATSPI_SHOTS')
    if not folder:
        return
    import gi
    gi.require_version('Gdk', '3.0')
    from gi.repository import Gdk
    root = Gdk.get_default_root_window()
    shot = Gdk.pixbuf_get_from_window(root, 0, 0, root.get_width(), root.get_height())
    os.makedirs(folder, exist_ok=True)
    shot.savev(os.path.join(folder, name + '.png'), 'png', [], [])


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


def open_window(app, keys, what):
    """Presses @keys and returns the window they open"""
    before = app.windows()
    for k in keys:
        key(k)
    return wait_for(lambda: new_windows(app, before), what=what)[0]


def wait_closed(app, window, what):
    wait_for(lambda: window not in app.windows(), what=what)


def focus_is(f, pattern):
    """Whether the focus is on a control called @pattern, or in it (the
    text inside an entry row)"""
    n = f
    for _ in range(4):
        if n is None:
            return False
        if matches(n, None, pattern):
            return True
        n = n.parent
    return False


def press_until_focused(app, k, pattern, what, limit=12, root=None):
    """Presses @k until the control with the focus is called @pattern,
    as a person does, watching the focus move (in @root only, if given)"""
    for _ in range(limit):
        f = focused(app, root)
        if f is not None and focus_is(f, pattern):
            return f
        key(k)
        time.sleep(0.15)
    f = focused(app, root)
    if f is not None and focus_is(f, pattern):
        return f
    raise Failure('%s: %d × %s did not reach it (the focus is on %s)'
                  % (what, limit, k, path_of(f) if f else 'nothing'))


def type_into(app, row, text, what):
    """Types @text over what the entry row @row holds, where the focus
    is, and checks that it went there.  An entry row of libadwaita 1.2
    exposes no focus state (its text part has no accessible of its own;
    later versions give the row its text's state), so where the row
    says nothing, what the row holds after typing is the proof"""
    f = focused(app, page_of(row))
    if f is not None and not focus_is(f, row.name):
        raise Failure('%s: the focus is on %s, not on %r' % (what, path_of(f), row.name))
    key('<Control>a')
    type_text(text)
    wait_for(lambda: text_of(row) == text,
             what='%s: %r in %r (it holds %r)' % (what, text, row.name, text_of(row)))


def press_until_in_entry_row(app, k, row, before, what, limit=12):
    """Presses @k until the focus is in the entry row @row, coming from
    the control called @before (see type_into for why the row may not
    say it has the focus)"""
    page = page_of(row)
    last = focused(app, page)
    for _ in range(limit):
        f = focused(app, page)
        if f is not None and focus_is(f, row.name):
            return
        if f is None and last is not None and focus_is(last, before):
            return
        last = f
        key(k)
        time.sleep(0.15)
    raise Failure('%s: %d × %s did not reach it (the focus is on %s)'
                  % (what, limit, k, path_of(last) if last else 'nothing'))


def page_of(node):
    """The page of a stack that @node is on (GTK keeps the pages not
    shown in the tree)"""
    n = node
    for _ in range(60):
        if n is None or n.name == 'GtkStackPage' or n.getRole() == pyatspi.ROLE_APPLICATION:
            break
        n = n.parent
    return n if n is not None and n.name == 'GtkStackPage' else node


def meal_list(app, meal):
    diary = app.view('CfDiaryView')
    return wait_for(lambda: find_showing(diary, pyatspi.ROLE_LIST, meal), what='the %s list' % meal)


def entries_of(app, meal):
    """The entries a meal's list shows: (name, details) of each"""
    result = []
    for item in children(meal_list(app, meal)):
        if item.getRole() != pyatspi.ROLE_LIST_ITEM:
            continue
        labels = [text_of(n) for n in walk(item) if n.getRole() == pyatspi.ROLE_LABEL]
        result.append((item.name, ' '.join(t for t in labels[1:] if t)))
    return result


def choose_in_combo(app, dialog, row_name, choice, page=None):
    """Chooses @choice in a combo row from the keyboard: Tab to the row,
    Enter opens its list, the arrows go to the choice, Enter takes it"""
    press_until_focused(app, 'Tab', row_name, 'Tab to %s' % row_name, root=page or dialog)
    key('Return')
    time.sleep(0.6)
    for _ in range(12):
        f = focused(app, page or dialog)
        if f is not None and f.getRole() == pyatspi.ROLE_LIST_ITEM and \
           (f.name == choice or any(text_of(n) == choice for n in walk(f))):
            break
        key('Down')
        time.sleep(0.15)
    else:
        raise Failure('the %s list: the arrows do not reach %r (focus: %s)'
                      % (row_name, choice, path_of(focused(app)) if focused(app) else 'nothing'))
    key('Return')
    time.sleep(0.6)
    row = find_showing(dialog, pyatspi.ROLE_COMBO_BOX, row_name)
    shown = [text_of(n) for n in walk(row) if n.getRole() == pyatspi.ROLE_LABEL] if row else []
    if choice not in shown:
        raise Failure('%s shows %s after choosing %r' % (row_name, shown, choice))


def scenario_keyboard_log(app):
    """Logs a food from the keyboard only: Ctrl+N, a search, the arrows
    to the food wanted, Enter, "2 large", the meal, Enter"""
    wanted = 'Egg, whole, cooked, hard-boiled'
    # The sample day is shown whole: the window's first frame ends in
    # its first meal, the frames after it show the others
    for meal in ('Breakfast', 'Lunch', 'Dinner', 'Snacks', 'Supplements'):
        meal_list(app, meal)
    before = entries_of(app, 'Dinner')
    dialog = open_window(app, ['<Control>n'], 'the add dialog (Ctrl+N)')
    time.sleep(0.5)
    type_text('egg whole')
    wait_for(lambda: find_showing(dialog, pyatspi.ROLE_LIST_ITEM, wanted), what='%r among the results' % wanted)
    # Not the first result: the arrows must matter
    first = [n for n in walk(dialog) if n.getRole() == pyatspi.ROLE_LIST_ITEM][0]
    if first.name == wanted:
        raise Failure('%r is the first result; the test needs another' % wanted)
    press_until_focused(app, 'Down', wanted, 'the arrows to %r' % wanted, root=dialog)
    key('Return')
    amount = wait_for(lambda: find_showing(dialog, pyatspi.ROLE_TEXT, 'Amount') or
                      find_showing(dialog, pyatspi.ROLE_ENTRY, 'Amount'), what='the amount page')
    time.sleep(0.5)
    # The food's name heads the page of the amount field
    title = find_showing(page_of(amount), pyatspi.ROLE_LABEL, re.compile('^Egg, '))
    if title is None or title.name != wanted:
        raise Failure('Enter opened %r, not the row the arrows went to (%r)'
                      % (title.name if title else None, wanted))
    # Enter on the food put the focus in the amount field
    type_into(app, amount, '2 large', 'typing after Enter')
    screenshot('keyboard-amount')
    choose_in_combo(app, dialog, 'Meal', 'Dinner', page_of(amount))
    # Back to the amount field, whose Enter adds the entry
    press_until_in_entry_row(app, 'ISO_Left_Tab', amount, 'Measure', 'Shift+Tab back to the amount')
    type_into(app, amount, '2 large', 'typing after Shift+Tab')
    key('Return')
    wait_closed(app, dialog, 'the dialog to close after Enter')
    after = wait_for(lambda: len(entries_of(app, 'Dinner')) > len(before) and entries_of(app, 'Dinner'),
                     what='a new entry in Dinner')
    new = [e for e in after if e not in before]
    log('  logged: %s' % new)
    if not any(name == wanted and details.startswith('2 large') for name, details in new):
        raise Failure('Dinner shows %s, not %r with "2 large"' % (new, wanted))


def remove_first_breakfast(app):
    """Removes the first entry of breakfast with its button; returns the
    entries before and the name removed"""
    entries = entries_of(app, 'Breakfast')
    if not entries:
        raise Failure('the demo has nothing at breakfast')
    name = entries[0][0]
    remove = find_showing(meal_list(app, 'Breakfast'), pyatspi.ROLE_PUSH_BUTTON, 'Remove %s' % name)
    if remove is None:
        raise Failure('no button "Remove %s"' % name)
    press(remove)
    wait_for(lambda: name not in [e[0] for e in entries_of(app, 'Breakfast')], what='%r to go' % name)
    return entries, name


def scenario_undo(app):
    """Removes an entry with its button and brings it back with the
    toast's Undo button"""
    entries, name = remove_first_breakfast(app)
    # The toast stays a few seconds: its button is looked for at once
    undo = find_showing(app.window, pyatspi.ROLE_PUSH_BUTTON, 'Undo')
    if undo is None:
        if os.environ.get('COFACTOR_ATSPI_DUMP'):
            dump(app.window, showing_only=False)
        screenshot('undo-toast')
        raise Failure("the toast's Undo button is not in the accessibility tree: a screen reader "
                      "cannot reach it (the toast is on screen; GTK 4.8 and libadwaita 1.2 do not "
                      "expose toasts)")
    if not states(undo).contains(pyatspi.STATE_SENSITIVE):
        raise Failure("the toast's Undo button is insensitive")
    press(undo)
    wait_for(lambda: entries_of(app, 'Breakfast') == entries, what='%r to be back in its place' % name)


def scenario_undo_keyboard(app):
    """Removes an entry with its button and brings it back with Ctrl+Z"""
    entries, name = remove_first_breakfast(app)
    time.sleep(0.5)
    key('<Control>z')
    wait_for(lambda: entries_of(app, 'Breakfast') == entries,
             what='Ctrl+Z to bring %r back in its place' % name)


def scenario_supplement_iu(app):
    """Logs vitamin D3 from a template found by searching, as "2000 IU",
    which the dialog shows as 50 µg"""
    before = entries_of(app, 'Supplements')
    dialog = open_window(app, ['<Control>n'], 'the add dialog (Ctrl+N)')
    time.sleep(0.5)
    type_text('vitamin d3')
    template = re.compile(r'(?i)vitamin d3.*\b(1[,.]?000|2[,.]?000|4[,.]?000) IU')
    item = wait_for(lambda: find_showing(dialog, pyatspi.ROLE_LIST_ITEM, template),
                    what='a vitamin D3 template among the results of "vitamin d3"')
    press_until_focused(app, 'Down', item.name, 'the arrows to %r' % item.name, root=dialog)
    # A template is saved as the user's own supplement first: its
    # editor opens filled in, with the focus on the name
    editor = open_window(app, ['Return'], 'the supplement editor')
    name = wait_for(lambda: find_showing(editor, pyatspi.ROLE_TEXT, 'Name'), what='the name field')
    screenshot('supplement-editor')
    if not item.name.startswith(text_of(name) or '\0'):
        raise Failure('the editor names the supplement %r, not %r' % (text_of(name), item.name))
    key('Return')
    wait_closed(app, editor, 'the editor to close after Enter')
    amount = wait_for(lambda: find_showing(dialog, pyatspi.ROLE_TEXT, 'Amount'), what='the amount page')
    time.sleep(0.5)
    title = find_showing(page_of(amount), pyatspi.ROLE_LABEL, re.compile('(?i)vitamin d3'))
    if title is None or title.name != item.name:
        raise Failure('Enter opened %r, not %r' % (title.name if title else None, item.name))
    type_into(app, amount, '2000 IU', 'typing after Enter')
    time.sleep(0.5)
    said = wait_for(lambda: [t for t in (text_of(n) for n in walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL)
                             if t and re.search(r'2[,.]?000 IU\s*=\s*50(\.0)? µg', t)],
                    what='"2000 IU = 50 µg" in the dialog')
    log('  the dialog says: %s' % said)
    screenshot('supplement-amount')
    key('Return')
    wait_closed(app, dialog, 'the dialog to close after Enter')
    after = wait_for(lambda: len(entries_of(app, 'Supplements')) > len(before) and entries_of(app, 'Supplements'),
                     what='a new supplement')
    new = [e for e in after if e not in before]
    log('  logged: %s' % new)
    if not any(re.search(r'\bD\s50(\.0)?\sµg', details) for _, details in new):
        raise Failure('the new supplement does not give 50 µg of vitamin D: %s' % new)


def expected_header(day, today):
    """The diary header's short date, in the C locale"""
    delta = (day - today).days
    short = '%d %s' % (day.day, day.strftime('%b'))
    if delta == 0:
        return 'Today, ' + short
    if delta == -1:
        return 'Yesterday, ' + short
    if delta == 1:
        return 'Tomorrow, ' + short
    if day.year == today.year:
        return '%s %s' % (day.strftime('%a'), short)
    return '%s %s %d' % (day.strftime('%a'), short, day.year)


def full_date(day):
    return '%s, %d %s %d' % (day.strftime('%A'), day.day, day.strftime('%B'), day.year)


def scenario_calendar(app):
    """Goes to a day with the header's button and its calendar: the
    header then shows that day"""
    import datetime
    today = datetime.date.today()
    diary = app.view('CfDiaryView')
    button = wait_for(lambda: find_showing(diary, pyatspi.ROLE_PUSH_BUTTON, full_date(today)),
                      what='the date button called %r' % full_date(today))
    label = [text_of(n) for n in walk(button) if n.getRole() == pyatspi.ROLE_LABEL]
    if expected_header(today, today) not in label:
        raise Failure('the header shows %s, not %r' % (label, expected_header(today, today)))
    press(button)
    calendar = wait_for(lambda: find_showing(diary, None, 'Day to Show'), what='the calendar')
    time.sleep(0.5)
    # What the calendar shows: its month, then the days from the first
    # cell on (the end of the month before, when it does not start the
    # week)
    labels = [text_of(n) for n in walk(calendar) if n.getRole() == pyatspi.ROLE_LABEL]
    month = [t for t in labels if t in [datetime.date(2000, m, 1).strftime('%B') for m in range(1, 13)]]
    if month != [today.strftime('%B')]:
        raise Failure('the calendar shows %s, not %s' % (month, today.strftime('%B')))
    numbers = [int(t) for t in labels if t and t.isdigit() and len(t) <= 2]
    first = numbers[0]
    first_day = today.replace(day=1) if first == 1 else \
        (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=first)
    # GTK's calendar takes the arrows from its first day; two rows down
    # and one to the right, then Space
    target = first_day + datetime.timedelta(days=15)
    for k in ('Right', 'Down', 'Down', 'Right'):
        key(k)
        time.sleep(0.15)
    key('space')
    want = expected_header(target, today)
    wait_for(lambda: want in [text_of(n) for n in walk(button) if n.getRole() == pyatspi.ROLE_LABEL],
             what='the header to show %r' % want)
    wait_for(lambda: button.name == full_date(target), what='the date button to be called %r' % full_date(target))
    log('  went to %s: the header shows %r' % (target, want))
    # Ctrl+G opens the calendar too
    key('Escape')
    key('<Control>g')
    wait_for(lambda: find_showing(diary, None, 'Day to Show') is not None and
             states(focused(app)) is not None and path_of(focused(app)).find("'Day to Show'") >= 0,
             what='Ctrl+G to open the calendar with the focus in it')
    key('Escape')


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


SCENARIOS = {
    'dump': scenario_dump,
    'keyboard-log': scenario_keyboard_log,
    'undo': scenario_undo,
    'undo-keyboard': scenario_undo_keyboard,
    'supplement-iu': scenario_supplement_iu,
    'calendar': scenario_calendar,
    'names': scenario_names,
}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.stderr.write('usage: scenarios.py %s\n' % '|'.join(SCENARIOS))
        return 2
    name = sys.argv[1]
    start = time.monotonic()
    # Where a scenario hangs, shortly before meson's timeout
    import faulthandler
    faulthandler.dump_traceback_later(float(os.environ.get('COFACTOR_ATSPI_WATCHDOG', '280')), exit=True)
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
