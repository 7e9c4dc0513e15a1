#!/usr/bin/python3
# test-pin-e2e.py — porta --sandbox driven through AT-SPI, as a person would:
# Port orders → Set PIN… → a too-short PIN shows its error → Suggest a PIN
# fills both fields → a valid PIN twice → Save → the card reads "Set". Run
# once per language.
#
# usage: test-pin-e2e.py PORTA LANGUAGE SCREENSHOT_DIR
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
        "orders": "Port orders", "set_pin": "Set PIN…", "dialog": "Set Port-Out PIN",
        "save": "Save", "too_short": "The PIN must be 6 to 10 digits.",
        "is_set": "Set", "not_set": "Not set", "change_pin": "Change PIN…",
        "suggest": "Suggest a PIN",
    },
    "it": {
        "orders": "Ordini di portabilità", "set_pin": "Imposta PIN…", "dialog": "Imposta PIN",
        "save": "Salva", "too_short": "Il PIN deve essere composto da 6 a 10 cifre.",
        "is_set": "Impostato", "not_set": "Non impostato", "change_pin": "Modifica PIN…",
        "suggest": "Suggerisci un PIN",
    },
}

s, TEXT = start_session(TEXTS, [
    "the window opens on the sandbox",
    "the card says the PIN is not set",
    "Set PIN… opens the dialog",
    "a too-short PIN shows its error and Save stays off",
    "Suggest a PIN fills both fields with 10 digits and enables Save",
    "a valid PIN twice enables Save",
    "Save closes the dialog and the card reads Set",
    "the sandbox stops with Porta",
])
pyatspi = s.pyatspi

orders_page = s.orders_page(TEXT["orders"])
not_set = s.find(orders_page, name=TEXT["not_set"], timeout=20) if orders_page else None
set_pin = s.find(orders_page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["set_pin"]) if orders_page else None
s.ok(not_set is not None and set_pin is not None, "the card says the PIN is not set", s.names(s.root))
s.screenshot("pin-card-not-set")

s.click(set_pin)
dialog = s.window(TEXT["dialog"])
fields = s.editable_fields(dialog) if dialog else []
s.ok(dialog is not None and len(fields) == 2, "Set PIN… opens the dialog",
     "windows: " + ", ".join(f"'{w.name}'" for w in s.windows()))

save = s.find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["save"], timeout=5)
s.set_text(fields[0], "12345")
error = s.find(dialog, name=TEXT["too_short"], timeout=5)
s.screenshot("pin-dialog-too-short")
s.ok(error is not None and save is not None and not s.enabled(save),
     "a too-short PIN shows its error and Save stays off", s.names(dialog))

# Suggest a PIN: named once, in this language; both fields filled
suggest = s.find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["suggest"], timeout=5)
if suggest is not None:
    s.click(suggest)
deadline = time.time() + 5
counts = []
while time.time() < deadline:
    counts = [f.queryText().characterCount for f in fields]
    if counts == [10, 10] and s.enabled(save):
        break
    time.sleep(0.1)
time.sleep(0.3)
s.screenshot("pin-dialog-suggested")
s.ok(suggest is not None and counts == [10, 10] and s.enabled(save),
     "Suggest a PIN fills both fields with 10 digits and enables Save", (counts, s.names(dialog)))

s.set_text(fields[0], "482916")
s.set_text(fields[1], "482916")
deadline = time.time() + 5
while time.time() < deadline and not s.enabled(save):
    time.sleep(0.1)
s.screenshot("pin-dialog-valid")
s.ok(s.enabled(save), "a valid PIN twice enables Save", s.names(dialog))

s.click(save)
is_set = s.find(orders_page, role=pyatspi.ROLE_LABEL, name=TEXT["is_set"], timeout=20)
time.sleep(0.5)
s.screenshot("pin-card-set")
s.ok(is_set is not None and s.window(TEXT["dialog"], timeout=1) is None
     # its button, relabelled, is read once (porta-a11y.c)
     and s.find(orders_page, role=pyatspi.ROLE_PUSH_BUTTON, name=TEXT["change_pin"], timeout=5) is not None,
     "Save closes the dialog and the card reads Set", s.names(orders_page))

# the sandbox dies with Porta, even when Porta is killed outright
children = s.sandbox_pids()
s.app.kill()
s.app.wait(10)
alive = children
deadline = time.time() + 10
while time.time() < deadline and alive:
    alive = [p for p in children if os.path.exists(f"/proc/{p}") and
             open(f"/proc/{p}/stat").read().split()[2] != "Z"]
    time.sleep(0.2)
s.ok(len(children) == 1 and not alive, "the sandbox stops with Porta",
     f"sandbox children before: {children}, still alive: {alive}")
s.finish(0)
