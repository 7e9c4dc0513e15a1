#!/usr/bin/python3
# test-voice-e2e.py — porta --sandbox driven through AT-SPI and the
# keyboard on the Voice page: the filters are named as a screen reader
# reads them, typing in the list searches, Enter goes to the first
# number found, Escape clears the search. Run once per language.
#
# usage: test-voice-e2e.py PORTA LANGUAGE SCREENSHOT_DIR
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from porta_e2e import Session  # noqa: E402

porta, language, shots = sys.argv[1], sys.argv[2], sys.argv[3]

TEXT = {
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
}[language]

s = Session(porta, language, shots, [
    "the window opens on the Voice page with its numbers",
    "the filters are named, the status filter with its choice",
    "typing with a number selected searches, in the search entry",
    "Enter goes to the first number found: selected, with its details",
    "Escape empties the search",
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
