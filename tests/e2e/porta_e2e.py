# porta_e2e.py — what the end-to-end tests share: start `porta --sandbox`
# in a private home, find widgets through AT-SPI, press keys, take
# screenshots, speak TAP.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class Session:
    def __init__(self, porta, language, shots, plan):
        self.porta = porta
        self.language = language
        self.shots = shots
        self.step = 0
        os.makedirs(shots, exist_ok=True)
        print(f"1..{len(plan)}", flush=True)

        self.home = tempfile.mkdtemp(prefix="porta-e2e-")
        env = dict(os.environ)
        env.update({
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "GSETTINGS_BACKEND": "memory",
            "LANG": "C.UTF-8",
            "LANGUAGE": "" if language == "C" else language,
            "GSK_RENDERER": "cairo",
        })
        env.pop("GTK_A11Y", None)
        self.app = subprocess.Popen([porta, "--sandbox"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # whatever happens, Porta goes: a second one would only hand its
        # command line to the first (GApplication is unique on the bus)
        atexit.register(self.cleanup)

        import pyatspi  # needs the bus the test session set up
        self.pyatspi = pyatspi
        self.root = self.find_app()

    # ---- TAP ----------------------------------------------------------

    def ok(self, condition, what, detail=""):
        self.step += 1
        if condition:
            print(f"ok {self.step} {what}", flush=True)
            return
        print(f"not ok {self.step} {what}", flush=True)
        for line in str(detail).splitlines():
            print(f"# {line}", flush=True)
        self.finish(1)

    def diag(self, message):
        print(f"# {message}", flush=True)

    def cleanup(self):
        if self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(10)
            except subprocess.TimeoutExpired:
                self.app.kill()
        shutil.rmtree(self.home, ignore_errors=True)

    def finish(self, status):
        self.cleanup()
        sys.exit(status)

    def screenshot(self, name):
        path = os.path.join(self.shots, f"{name}-{self.language}.png")
        subprocess.run(["import", "-window", "root", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # ---- the accessibility tree ------------------------------------------

    def find_app(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            desktop = self.pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                try:
                    if a is not None and a.name in ("porta", "Porta") and a.get_process_id() == self.app.pid:
                        return a
                except Exception:
                    continue
            time.sleep(0.2)
        return None

    def walk(self, node, depth=0, skip=None):
        """@node and everything in it, but @skip and what is in it."""
        if node is None or depth > 60:
            return
        yield node
        for i in range(node.childCount):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            if skip is None or child != skip:
                yield from self.walk(child, depth + 1, skip)

    def showing(self, node):
        # GTK 4.8 sets no "showing" state; "visible" is the widget's own flag
        try:
            return node.getState().contains(self.pyatspi.STATE_VISIBLE)
        except Exception:
            return False

    @staticmethod
    def named(node, want):
        # exactly: GTK 4.8 read a button with a mnemonic twice ("Save Save")
        # until porta_a11y_name_mnemonic_buttons()
        return (node.name or "") == want

    def find(self, root, role=None, name=None, timeout=10, contains=None):
        deadline = time.time() + timeout
        while True:
            for node in self.walk(root):
                try:
                    if role is not None and node.getRole() != role:
                        continue
                    if name is not None and not self.named(node, name):
                        continue
                    if contains is not None and contains not in (node.name or ""):
                        continue
                    if not self.showing(node):
                        continue
                    return node
                except Exception:
                    continue
            if time.time() >= deadline:
                return None
            time.sleep(0.2)

    def window(self, title, timeout=10):
        deadline = time.time() + timeout
        while True:
            for i in range(self.root.childCount):
                w = self.root.getChildAtIndex(i)
                if w is not None and w.name == title:
                    return w
            if time.time() >= deadline:
                return None
            time.sleep(0.2)

    def windows(self):
        return [self.root.getChildAtIndex(i) for i in range(self.root.childCount)]

    def names(self, root):
        out = []
        for node in self.walk(root):
            try:
                if self.showing(node) and node.name:
                    out.append(f"{node.getRoleName()}: {node.name}")
            except Exception:
                pass
        return "\n".join(out[:100])

    def click(self, node):
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                return action.doAction(i)
        return action.doAction(0)

    def click_at(self, node):
        """A mouse click in the middle of a widget."""
        box = node.queryComponent().getExtents(self.pyatspi.DESKTOP_COORDS)
        x, y = box.x + box.width // 2, box.y + box.height // 2
        subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], check=False)

    def enabled(self, node):
        return node.getState().contains(self.pyatspi.STATE_SENSITIVE)

    def editable_fields(self, root):
        out = []
        for node in self.walk(root):
            try:
                if node.getRole() in (self.pyatspi.ROLE_TEXT, self.pyatspi.ROLE_PASSWORD_TEXT,
                                      self.pyatspi.ROLE_ENTRY):
                    node.queryEditableText()
                    out.append(node)
            except Exception:
                continue
        return out

    def set_text(self, node, text):
        node.queryEditableText().setTextContents(text)

    # ---- the keyboard ------------------------------------------------

    def key(self, *keys):
        """Focus Porta's main window and press keys, as a person would."""
        windows = subprocess.run(["xdotool", "search", "--pid", str(self.app.pid)],
                                 capture_output=True, text=True).stdout.split()
        for wid in windows:
            subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["xdotool", "key", *keys], check=False)

    def orders_page(self, title):
        """The first step of a plan that begins "the window opens on the
        sandbox": waits for the window, goes to Port orders (Ctrl+2) and
        returns that page, titled @title, or None."""
        self.ok(self.root is not None and self.find(self.root, name=title, timeout=30) is not None,
                "the window opens on the sandbox", self.stderr())
        time.sleep(1)
        self.key("ctrl+2")
        return self.find(self.root, role=self.pyatspi.ROLE_PANEL, name=title, timeout=10)

    # ---- the sandbox ---------------------------------------------------

    def sandbox_pids(self):
        out = subprocess.run(["pgrep", "-P", str(self.app.pid), "-f", "porta-sandbox"],
                             capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def stderr(self):
        return self.app.stderr.read() if self.app.poll() is not None else ""


def start_session(texts, plan):
    """What every e2e test begins with: its command line, PORTA LANGUAGE
    SCREENSHOT_DIR, a Session on it with @plan, and the strings of
    @texts (a dict by language) in that language."""
    porta, language, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    return Session(porta, language, shots, plan), texts[language]
