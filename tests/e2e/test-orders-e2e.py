#!/usr/bin/python3
# test-orders-e2e.py — porta --sandbox driven through AT-SPI: Port orders →
# an order in "Processing" → Cancel Order… → confirm → it reads
# "Cancelled", in its details and in the list. Run once per language.
#
# usage: test-orders-e2e.py PORTA LANGUAGE SCREENSHOT_DIR
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from porta_e2e import start_session  # noqa: E402

TEXTS = {
    "C": {
        "orders": "Port orders", "processing": "Processing", "cancelled": "Cancelled",
        "cancel": "Cancel Order…", "confirm": "Cancel Order", "keep": "Keep Order",
        "back": "Back to the Port Orders",
    },
    "it": {
        "orders": "Ordini di portabilità", "processing": "In elaborazione", "cancelled": "Annullato",
        "cancel": "Annulla ordine…", "confirm": "Annulla ordine", "keep": "Mantieni ordine",
        "back": "Torna agli ordini di portabilità",
    },
}

s, TEXT = start_session(TEXTS, [
    "the window opens on the sandbox",
    "the list shows an order in Processing",
    "its details offer Cancel Order…",
    "Cancel Order… asks first",
    "confirming cancels it: the details read Cancelled, with no Cancel Order… left",
    "back in the list, the order reads Cancelled",
])
pyatspi = s.pyatspi

page = s.orders_page(TEXT["orders"])

# a row of the list whose badge says Processing
row = None
deadline = time.time() + 20
while row is None and time.time() < deadline:
    for node in s.walk(page):
        try:
            if node.getRole() == pyatspi.ROLE_LIST_ITEM and \
               any(s.named(c, TEXT["processing"]) for c in s.walk(node) if c is not node):
                row = node
                break
        except Exception:
            continue
    time.sleep(0.3)
name = row.name if row else ""
s.ok(row is not None, "the list shows an order in Processing", s.names(page))
s.screenshot("orders-list")
s.diag(f"the order: {name}")

s.click_at(row)
cancel = s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["cancel"], timeout=10)
s.ok(cancel is not None, "its details offer Cancel Order…", s.names(page))
s.screenshot("order-details")

# the windows open before the click: the dialog is a new one. Walking the
# main window's 3,400 accessible nodes takes seconds on a busy machine,
# so only new windows are searched, and for as long as a slow run needs.
before = {w.name for w in s.windows() if w is not None}
s.click(cancel)
dialog = None
deadline = time.time() + 30
while dialog is None and time.time() < deadline:
    for w in s.windows():
        if w is None or w.name in before:
            continue
        if s.find(w, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["confirm"], timeout=0):
            dialog = w
    time.sleep(0.2)
s.ok(dialog is not None, "Cancel Order… asks first", "windows: " + ", ".join(f"'{w.name}'" for w in s.windows()))
s.screenshot("order-cancel-confirm")

s.click(s.find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["confirm"], timeout=2))
cancelled = s.find(page, role=pyatspi.ROLE_LABEL, name=TEXT["cancelled"], timeout=15)
time.sleep(0.5)
still_offered = s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["cancel"], timeout=0)
s.screenshot("order-cancelled")
s.ok(cancelled is not None and still_offered is None,
     "confirming cancels it: the details read Cancelled, with no Cancel Order… left", s.names(page))

s.click(s.find(page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["back"], timeout=5))
in_list = None
deadline = time.time() + 10
while in_list is None and time.time() < deadline:
    for node in s.walk(page):
        try:
            if node.getRole() == pyatspi.ROLE_LIST_ITEM and node.name == name and \
               any(s.named(c, TEXT["cancelled"]) for c in s.walk(node) if c is not node):
                in_list = node
        except Exception:
            continue
    time.sleep(0.3)
s.ok(in_list is not None, "back in the list, the order reads Cancelled", s.names(page))
s.finish(0)
