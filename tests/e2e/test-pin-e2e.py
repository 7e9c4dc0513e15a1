#!/usr/bin/python3
# test-pin-e2e.py — porta --sandbox driven through AT-SPI, as a person would:
# Port orders → Set PIN… → a too-short PIN shows its error → a valid PIN
# twice → Save → the card reads "Set". Run once per language.
#
# usage: test-pin-e2e.py PORTA LANGUAGE SCREENSHOT_DIR
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

porta, language, shots = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)

TEXT = {
    "C": {
        "orders": "Port orders", "set_pin": "Set PIN…", "dialog": "Set Port-Out PIN",
        "pin": "PIN", "confirm": "Confirm PIN", "save": "Save",
        "too_short": "The PIN must be 6 to 10 digits.", "is_set": "Set", "not_set": "Not set",
        "saved": "Port-out PIN saved",
    },
    "it": {
        "orders": "Ordini di portabilità", "set_pin": "Imposta PIN…",
        "dialog": "Imposta PIN",
        "pin": "PIN", "confirm": "Conferma PIN", "save": "Salva",
        "too_short": "Il PIN deve essere composto da 6 a 10 cifre.", "is_set": "Impostato",
        "not_set": "Non impostato", "saved": "PIN di portabilità salvato",
    },
}[language]

plan = [
    "the window opens on the sandbox",
    "the card says the PIN is not set",
    "Set PIN… opens the dialog",
    "a too-short PIN shows its error and Save stays off",
    "a valid PIN twice enables Save",
    "Save closes the dialog and the card reads Set",
    "the sandbox stops with Porta",
]
print(f"1..{len(plan)}", flush=True)
step = 0


def ok(condition, what, detail=""):
    global step
    step += 1
    if condition:
        print(f"ok {step} {what}", flush=True)
    else:
        print(f"not ok {step} {what}", flush=True)
        if detail:
            for line in str(detail).splitlines():
                print(f"# {line}", flush=True)
        finish(1)


def diag(message):
    print(f"# {message}", flush=True)


def screenshot(name):
    path = os.path.join(shots, f"{name}-{language}.png")
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


home = tempfile.mkdtemp(prefix="porta-e2e-")
env = dict(os.environ)
env.update({
    "XDG_DATA_HOME": os.path.join(home, "data"),
    "XDG_CONFIG_HOME": os.path.join(home, "config"),
    "XDG_CACHE_HOME": os.path.join(home, "cache"),
    "GSETTINGS_BACKEND": "memory",
    "LANG": "C.UTF-8",
    "LANGUAGE": "" if language == "C" else language,
    "GSK_RENDERER": "cairo",
})
env.pop("GTK_A11Y", None)
app = subprocess.Popen([porta, "--sandbox"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def sandbox_pids():
    """porta-sandbox processes whose parent is our porta."""
    out = subprocess.run(["pgrep", "-P", str(app.pid), "-f", "porta-sandbox"],
                         capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def finish(status):
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    shutil.rmtree(home, ignore_errors=True)
    sys.exit(status)


import pyatspi  # noqa: E402  (needs the bus the test session set up)


def find_app(timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name in ("porta", "Porta") and a.get_process_id() == app.pid:
                return a
        time.sleep(0.2)
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def showing(node):
    # GTK 4.8 sets no "showing" state; "visible" is the widget's own flag
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def named(node, want):
    # GTK 4.8 may name a button with a mnemonic "_Save Save": accept the
    # plain label at the end as well
    name = node.name or ""
    return name == want or name.endswith(" " + want)


def find(root, role=None, name=None, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node in walk(root):
            try:
                if role is not None and node.getRole() != role:
                    continue
                if name is not None and not named(node, name):
                    continue
                if not showing(node):
                    continue
                return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def names(root):
    out = []
    for node in walk(root):
        try:
            if showing(node) and node.name:
                out.append(f"{node.getRoleName()}: {node.name}")
        except Exception:
            pass
    return "\n".join(out[:80])


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def enabled(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def window_title():
    """the first showing frame's name"""
    for node in walk(porta_app):
        if node.getRole() == pyatspi.ROLE_FRAME and showing(node):
            return node.name
    return None


porta_app = find_app()
ok(porta_app is not None and find(porta_app, name=TEXT["orders"], timeout=30) is not None,
   "the window opens on the sandbox", app.stderr.read() if app.poll() is not None else "")
time.sleep(1)

# Port orders, from the keyboard
windows = subprocess.run(["xdotool", "search", "--pid", str(app.pid)],
                         capture_output=True, text=True).stdout.split()
for wid in windows:
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(["xdotool", "key", "ctrl+2"], check=False)
orders_page = find(porta_app, role=pyatspi.ROLE_PANEL, name=TEXT["orders"], timeout=10)
not_set = find(orders_page, name=TEXT["not_set"], timeout=20) if orders_page else None
set_pin = find(orders_page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["set_pin"], timeout=10) if orders_page else None
ok(not_set is not None and set_pin is not None, "the card says the PIN is not set", names(porta_app))
screenshot("pin-card-not-set")

click(set_pin)
dialog = None
deadline = time.time() + 10
while dialog is None and time.time() < deadline:
    for i in range(porta_app.childCount):
        window = porta_app.getChildAtIndex(i)
        if window is not None and window.name == TEXT["dialog"]:
            dialog = window
    time.sleep(0.2)


def editable_fields(root):
    """the text fields one can type in, in order (GTK 4.8 calls the
    password rows "text", not "password text")"""
    out = []
    for node in walk(root):
        try:
            if node.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_ENTRY):
                node.queryEditableText()
                out.append(node)
        except Exception:
            continue
    return out


fields = editable_fields(dialog) if dialog else []
pin = fields[0] if fields else None
ok(dialog is not None and pin is not None, "Set PIN… opens the dialog",
   "windows: " + ", ".join(f"{porta_app.getChildAtIndex(i).getRoleName()} '{porta_app.getChildAtIndex(i).name}'"
                           for i in range(porta_app.childCount)) + "\n" + (names(dialog) if dialog else ""))

diag("fields: " + ", ".join(f"{f.getRoleName()} '{f.name}'" for f in fields))
save = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["save"], timeout=5)
set_text(fields[0], "12345")
error = find(dialog, name=TEXT["too_short"], timeout=5)
screenshot("pin-dialog-too-short")
ok(error is not None and save is not None and not enabled(save),
   "a too-short PIN shows its error and Save stays off", names(dialog))

set_text(fields[0], "482916")
set_text(fields[1], "482916")
deadline = time.time() + 5
while time.time() < deadline and not enabled(save):
    time.sleep(0.1)
screenshot("pin-dialog-valid")
ok(enabled(save), "a valid PIN twice enables Save", names(dialog))

click(save)
is_set = find(orders_page, role=pyatspi.ROLE_LABEL, name=TEXT["is_set"], timeout=20)
time.sleep(0.5)
screenshot("pin-card-set")
dialog_gone = not any(porta_app.getChildAtIndex(i) is not None and
                      porta_app.getChildAtIndex(i).name == TEXT["dialog"]
                      for i in range(porta_app.childCount))
ok(is_set is not None and dialog_gone, "Save closes the dialog and the card reads Set", names(porta_app))

# the sandbox dies with Porta, even when Porta is killed outright
children = sandbox_pids()
app.kill()
app.wait(10)
deadline = time.time() + 10
alive = children
while time.time() < deadline and alive:
    alive = [p for p in children if os.path.exists(f"/proc/{p}") and
             open(f"/proc/{p}/stat").read().split()[2] != "Z"]
    time.sleep(0.2)
ok(len(children) == 1 and not alive, "the sandbox stops with Porta",
   f"sandbox children before: {children}, still alive: {alive}")
finish(0)
