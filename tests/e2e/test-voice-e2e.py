#!/usr/bin/python3
# test-voice-e2e.py — porta --sandbox driven through AT-SPI and the
# keyboard on the Voice page: the filters are named as a screen reader
# reads them, typing in the list searches, Enter goes to the first
# number found, Escape clears the search; a leading + finds the numbers
# that begin so, digits alone those that contain them, each counted
# against the sandbox's own numbers (through portactl, on the same
# sandbox). Run once per language.
#
# usage: test-voice-e2e.py PORTA LANGUAGE SCREENSHOT_DIR
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from porta_e2e import start_session  # noqa: E402

TEXTS = {
    "C": {
        "voice": "Voice", "numbers": "Phone numbers", "search": "Search phone numbers",
        "status": "Assignment status", "all_statuses": "All statuses", "type": "Number type",
        "country": "Country", "problems": "Activation problems", "copy": "Copy Number",
    },
    "it": {
        "voice": "Voce", "numbers": "Numeri di telefono", "search": "Cerca numeri di telefono",
        "status": "Stato di assegnazione", "all_statuses": "Tutti gli stati", "type": "Tipo di numero",
        "country": "Paese", "problems": "Problemi di attivazione", "copy": "Copia numero",
    },
}

s, TEXT = start_session(TEXTS, [
    "the window opens on the Voice page with its numbers",
    "the filters are named, the status filter with its choice",
    "typing with a number selected searches, in the search entry",
    "Enter goes to the first number found: selected, with its details",
    "Escape empties the search",
    "+39 lists only the numbers that begin +39, as many as the sandbox has",
    "39 finds more: every number with 39 in it",
])
pyatspi = s.pyatspi


def text_of(node):
    # GTK 4.8 answers "" for getText(0, -1): the end is asked for by count
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return None


def focused(root):
    for node in s.walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def inside(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def wait_for(condition, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return condition()


table = s.find(s.root, name=TEXT["numbers"], timeout=30) if s.root is not None else None
page = s.find(s.root, role=pyatspi.ROLE_PANEL, name=TEXT["voice"], timeout=10) if table else None
cell = None
if table is not None:
    cell = wait_for(lambda: next((n for n in s.walk(table)
                                  if n.getRoleName() in ("table cell", "label") and (n.name or "").startswith("+")),
                                 None), timeout=30)
s.ok(page is not None and cell is not None, "the window opens on the Voice page with its numbers", s.stderr())
s.screenshot("voice-list")

status = s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["status"], timeout=5)
s.ok(status is not None and status.description == TEXT["all_statuses"]
     and s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["type"], timeout=2) is not None
     and s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["country"], timeout=2) is not None
     and s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["problems"], timeout=2) is not None,
     "the filters are named, the status filter with its choice", s.names(page))

# a number selected, then letters typed: they go to the search
s.click_at(cell)
time.sleep(0.5)
s.key("T", "o", "r", "i", "n", "o")
entry = s.find(page, name=TEXT["search"], timeout=5)
# the words are in the entry's text, which has the keyboard
focus = wait_for(lambda: (lambda f: f if f is not None and text_of(f) == "Torino" else None)(focused(page)))
s.ok(focus is not None and (focus == entry or inside(focus, entry)),
     "typing with a number selected searches, in the search entry",
     f"focus: {focused(page).getRoleName() if focused(page) else None}, text {text_of(focused(page))!r}")
text = focus
time.sleep(0.5)

s.key("Return")
copy = s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["copy"], timeout=5)
focus = wait_for(lambda: (lambda f: f if f is not None and inside(f, table) else None)(focused(page)))
s.screenshot("voice-enter")
s.ok(copy is not None and focus is not None,
     "Enter goes to the first number found: selected, with its details", s.names(page))

s.key("ctrl+f")
time.sleep(0.3)
s.key("Escape")
s.ok(wait_for(lambda: text_of(text) == ""), "Escape empties the search", repr(text_of(text)))
s.screenshot("voice-escape")


# ---- a leading + anchors the search at the start (issue 13) ----------

def sandbox_numbers():
    # the same sandbox Porta uses: portactl --sandbox, in the same home,
    # finds it running
    portactl = os.environ.get("PORTACTL") or os.path.join(os.path.dirname(s.porta), "cli", "portactl")
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": os.path.join(s.home, "data"),
        "XDG_CONFIG_HOME": os.path.join(s.home, "config"),
        "XDG_CACHE_HOME": os.path.join(s.home, "cache"),
        "GSETTINGS_BACKEND": "memory", "LANGUAGE": "",
    })
    r = subprocess.run([portactl, "--sandbox", "numbers", "--format", "json"], env=env,
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        s.diag(f"portactl: {r.returncode} {r.stderr.strip()}")
        return []
    return [n["telephoneNumber"] for n in json.loads(r.stdout)]


# "N of M numbers" / "N di M numeri", without the locale's separators
COUNT = re.compile(r"^([\d.,\u202f\u00a0 ]+) (?:of|di) ([\d.,\u202f\u00a0 ]+) \w+$")
count_label = None


def count_shown():
    # the label is looked for once: a walk of the page over AT-SPI is
    # slow on a busy machine, its text is not
    global count_label
    if count_label is None:
        for node in s.walk(page, skip=table):
            try:
                if COUNT.match(node.name or "") and s.showing(node):
                    count_label = node
                    break
            except Exception:
                continue
    m = COUNT.match(count_label.name or "") if count_label is not None else None
    return tuple(int(re.sub(r"\D", "", g)) for g in m.groups()) if m else None


def numbers_listed(limit=40):
    # the first rows, enough to fill the window: every row over AT-SPI
    # takes long on a busy machine
    out = []
    for node in s.walk(table):
        try:
            if node.getRoleName() in ("table cell", "label") and (node.name or "").startswith("+") \
                    and s.showing(node):
                out.append(node.name)
                if len(out) >= limit:
                    break
        except Exception:
            continue
    return out


def search_for(keys, want):
    s.key("ctrl+f")
    s.key("ctrl+a", "BackSpace", *keys)
    return wait_for(lambda: (lambda c: c if c is not None and c[0] == want else None)(count_shown()), timeout=10)


everything = sandbox_numbers()
plus39 = [n for n in everything if n.startswith("+39")]
with39 = [n for n in everything if "39" in n.lstrip("+")]
s.diag(f"the sandbox: {len(everything)} numbers, {len(plus39)} begin +39, {len(with39)} have 39 in them")

counted = search_for(["plus", "3", "9"], len(plus39))
listed = wait_for(lambda: (lambda l: l if l and all(n.startswith("+39") for n in l) else None)(numbers_listed()))
s.screenshot("voice-plus39")
s.ok(everything and counted is not None and counted[1] == len(everything) and listed,
     "+39 lists only the numbers that begin +39, as many as the sandbox has",
     f"count {count_shown()}, want {len(plus39)} of {len(everything)}; listed {numbers_listed()[:10]}")

counted = search_for(["3", "9"], len(with39))
listed = wait_for(lambda: (lambda l: l if any(not n.startswith("+39") for n in l) else None)(numbers_listed()))
s.screenshot("voice-39")
s.ok(counted is not None and len(with39) > len(plus39) and listed,
     "39 finds more: every number with 39 in it",
     f"count {count_shown()}, want {len(with39)}; listed {numbers_listed()[:10]}")
