#!/usr/bin/env python3
# Black-box tests of portactl (issue 8): every command, run as a process
# against real porta-sandbox processes, its output parsed (csv, json,
# line by line, table columns), every exit status reached, and no secret
# in any output but the stdout of `pin reveal` and `pin set --generate`.
#
#   test-portactl.py PORTACTL
#
# Each test gets its own XDG_DATA_HOME and XDG_CONFIG_HOME, so `--sandbox`
# (whose state lives in $XDG_DATA_HOME/porta/sandbox, as `porta --sandbox`
# keeps it) starts from fresh demo data and no test sees another's
# accounts. The tests that sign in to a sandbox of their own need a
# Secret Service (build-aux/dev.sh test provides one); without it they
# say so and skip.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import csv
import datetime
import fcntl
import io
import json
import os
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import termios
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sandbox"))
import sandboxlib  # noqa: E402
from sandboxlib import API, Sandbox, Tap, fetch_all, secret_service_available  # noqa: E402

PORTACTL = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
SANDBOX = sandboxlib.SANDBOX
CLIENT_ID = sandboxlib.CLIENT_ID

NUMBER_KEYS = [
    "telephoneNumber", "id", "numberType", "assignmentStatus", "activationState",
    "assignmentCategory", "assignmentTargetId", "assignmentTargetUserPrincipalName",
    "assignmentTargetDisplayName", "assignmentTargetAccountType", "city", "isoCountryCode", "portInStatus",
    "operatorId", "numberSource", "capabilities", "supportedCustomerActions",
    "reverseNumberLookupOptions", "civicAddressId", "locationId", "networkSiteId",
]
# from userConfigurations, not the number (issue 13)
PERSON_KEYS = {"assignmentTargetUserPrincipalName", "assignmentTargetDisplayName", "assignmentTargetAccountType"}
LIST_KEYS = {"capabilities", "supportedCustomerActions", "reverseNumberLookupOptions"}
ORDER_STATUSES = ["processing", "contactingCarrier", "transferApproved", "transferPending",
                  "error", "completed", "cancelled"]

# What the English messages say (porta-pin.c): the PIN rules
MSG_EMPTY = "Enter a PIN of 6 to 10 digits."
MSG_LENGTH = "The PIN must be 6 to 10 digits."
MSG_DIGITS = "Only digits (0–9) are allowed."

# Every run, to check at the end that no secret reached an output
RUNS = []
SECRETS = set()


class Result:
    def __init__(self, args, rc, out, err, env=None):
        self.args = args
        self.env = env or {}
        self.rc = rc
        self.out = out
        self.err = err

    @property
    def text(self):
        return self.out.decode("utf-8")

    def json(self):
        return json.loads(self.text)

    def __repr__(self):
        return "portactl %s → %s\nstdout: %s\nstderr: %s" % (
            " ".join(self.args), self.rc, self.out[:600], self.err[:1500])


class Home:
    """A private XDG_DATA_HOME and XDG_CONFIG_HOME: one user's portactl."""

    def __init__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="portactl-test-")
        self.root = self._tmp.name
        self.data = os.path.join(self.root, "data")
        self.config = os.path.join(self.root, "config")
        os.makedirs(self.data)
        os.makedirs(self.config)

    @property
    def sandbox_state_dir(self):
        return os.path.join(self.data, "porta", "sandbox")

    @property
    def accounts_path(self):
        return os.path.join(self.config, "porta", "accounts.json")

    def env(self, extra=None):
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = self.data
        env["XDG_CONFIG_HOME"] = self.config
        # what the outside session may have set, and these tests choose
        for name in ("PORTA_DEBUG", "DISPLAY", "WAYLAND_DISPLAY", "COLUMNS", "LANGUAGE"):
            env.pop(name, None)
        env["LANG"] = "C.UTF-8"
        for name, value in (extra or {}).items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def run(self, *args, stdin=b"", env=None, timeout=120):
        proc = subprocess.run([PORTACTL] + list(args), input=stdin, capture_output=True,
                              env=self.env(env), timeout=timeout)
        result = Result(list(args), proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"), env)
        RUNS.append(result)
        return result

    def close(self):
        self._tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def sandbox_wrapper(home, *extra):
    """A PORTA_SANDBOX_PATH that starts porta-sandbox with more options
    (later options win), such as injected faults."""
    path = os.path.join(home.root, "porta-sandbox-wrapper")
    with open(path, "w") as f:
        f.write("#!/bin/sh\nexec '%s' \"$@\" %s\n" % (SANDBOX, " ".join("'%s'" % a for a in extra)))
    os.chmod(path, 0o755)
    return path


def raw_numbers(home):
    """The numbers as the API itself serves them: a porta-sandbox of our
    own on the state portactl --sandbox left behind."""
    with Sandbox(state_dir=home.sandbox_state_dir, numbers=2000) as sb:
        token = sb.token()
        items = fetch_all(sb, token, "/numberAssignments", top=1000)
    for item in items:
        item.pop("@odata.type", None)
    return items


def table_rows(text, titles):
    """Cuts a table into cells at the columns its heading starts."""
    lines = text.rstrip("\n").split("\n")
    header = lines[0]
    starts = [header.index(t) for t in titles]
    rows = []
    for line in lines[1:]:
        cells = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else None
            cells.append(line[start:end].strip())
        rows.append(cells)
    return header, rows


def write_accounts(home, accounts, current):
    os.makedirs(os.path.dirname(home.accounts_path), exist_ok=True)
    with open(home.accounts_path, "w") as f:
        json.dump({"version": 1, "currentAccount": current, "accounts": accounts}, f)


def fake_account(base, account_id="4d1c8a7e-0b55-4f4e-9c1e-7a9f0e2b3c11"):
    return {"id": account_id, "displayName": "Giulia Ferraro", "username": "admin@contoso.example",
            "tenantId": "0816b3bd-0df1-4c2f-994d-2b67c7cf14af", "authority": base + "/sandbox",
            "apiBase": base + "/v1.0", "clientId": CLIENT_ID,
            "scopes": sandboxlib.WRITE_SCOPES, "sandbox": False}


# ---- the command line ------------------------------------------------------

def test_version_and_help(t):
    with Home() as home:
        r = home.run("--version")
        t.eq((r.rc, r.text), (0, "portactl 0.1.0\n"), "--version prints portactl 0.1.0", r)

        r = home.run("--help")
        t.eq(r.rc, 0, "--help exits 0", r)
        for word in ("accounts", "sign-in", "sign-out", "numbers", "orders", "order cancel ID",
                     "order set-foc ID DATE", "pin set", "pin reveal", "pin audit",
                     "--account", "--sandbox"):
            t.ok(word in r.text, "--help lists %s" % word, r)
        # the exit statuses, one a line: "  N  meaning"
        statuses = re.findall(r"^  ([0-7])  \S", r.text, re.M)
        t.eq(statuses, [str(n) for n in range(8)], "--help documents exit statuses 0 to 7", r)

        for command in (["accounts"], ["sign-in"], ["sign-out"], ["numbers"], ["orders"], ["order"],
                        ["order", "cancel"], ["order", "set-foc"], ["pin"], ["pin", "set"],
                        ["pin", "reveal"], ["pin", "audit"]):
            r = home.run(*command, "--help")
            name = " ".join(command)
            t.ok(r.rc == 0 and ("portactl %s" % name) in r.text and "--sandbox" in r.text,
                 "%s --help: its usage, with the global options" % name, r)
        r = home.run("numbers", "--help")
        t.ok("--filter" in r.text and "--search" in r.text and "ndjson" in r.text,
             "numbers --help names its options and formats", r)

        r = home.run("--help", env={"LANGUAGE": "it"})
        t.ok(r.rc == 0 and "Stato di uscita" in r.text and "Comandi" in r.text,
             "--help in Italian", r)


def test_usage_errors(t):
    with Home() as home:
        for args, name in ((["--sandbox"], "no command"), (["frobnicate"], "an unknown command"),
                           (["--bogus", "numbers"], "an unknown global option"),
                           (["numbers", "--bogus"], "an unknown option"),
                           (["numbers", "extra"], "an argument too many"),
                           (["order"], "order without an ID"),
                           (["order", "set-foc", "x"], "set-foc without a date"),
                           (["sign-in"], "sign-in without --client-id")):
            r = home.run(*args)
            t.ok(r.rc == 1 and r.err.startswith("portactl: ") and r.out == b"",
                 "%s: exit 1 and a message on stderr" % name, r)
        r = home.run("frobnicate", env={"LANGUAGE": "it"})
        t.ok(r.rc == 1 and "non è un comando" in r.err, "the usage error in Italian", r)

        # values portactl itself rejects: exit 4
        for args, name in ((["--sandbox", "numbers", "--format", "xml"], "an unknown format"),
                           (["--sandbox", "orders", "--status", "lost"], "an unknown status"),
                           (["--sandbox", "orders", "--direction", "sideways"], "an unknown direction"),
                           (["order", "set-foc", "x", "tomorrow"], "a date that is not one"),
                           (["sign-in", "--client-id", "not-a-guid"], "a client ID that is not a GUID"),
                           (["sign-in", "--client-id", CLIENT_ID, "--authority", "http://example.com/x"],
                            "a plain-HTTP authority that is not this computer")):
            r = home.run(*args)
            t.ok(r.rc == 4 and r.err.startswith("portactl: "), "%s: exit 4" % name, r)


# ---- numbers ---------------------------------------------------------------

TYPE_LABELS = {"internalError": "Internal error", "directRouting": "Direct Routing",
               "callingPlan": "Calling Plan", "operatorConnect": "Operator Connect",
               "unknownFutureValue": "Other"}
STATUS_LABELS = {"unassigned": "Unassigned", "internalError": "Internal error",
                 "userAssigned": "Assigned to a user", "conferenceAssigned": "Assigned to a conference",
                 "voiceApplicationAssigned": "Assigned to a voice app",
                 "thirdPartyAppAssigned": "Assigned to a third-party app",
                 "policyAssigned": "Assigned to a policy", "unknownFutureValue": "Other"}


def test_numbers_formats(t):
    with Home() as home:
        r = home.run("--sandbox", "numbers", "--format", "json")
        if not t.eq(r.rc, 0, "numbers --format json exits 0", r):
            return
        t.ok(r.text.startswith("[\n") and r.text.endswith("\n]\n"), "json: one array, streamed", r.text[:80])
        numbers = r.json()
        t.ok(len(numbers) >= 2000, "json: every number (%d)" % len(numbers))
        t.ok(all(list(n.keys()) == NUMBER_KEYS for n in numbers),
             "json: each object has the Graph property names, in the CSV's order")

        raw = raw_numbers(home)
        t.eq(len(numbers), len(raw), "json: as many numbers as the API serves")
        mismatches = [(a, b) for a, b in zip(numbers, raw)
                      if any(a[k] != b.get(k, [] if k in LIST_KEYS else None) for k in NUMBER_KEYS
                             if k not in PERSON_KEYS)]
        t.eq(mismatches[:1], [], "json: every value as the API sent it (nulls, lists, enums)")

        r = home.run("--sandbox", "numbers", "--format", "ndjson")
        lines = r.text.split("\n")
        t.ok(r.rc == 0 and lines[-1] == "", "ndjson: exit 0, each line ended", r)
        t.eq([json.loads(line) for line in lines[:-1]], numbers, "ndjson: one object a line, the same numbers")

        r = home.run("--sandbox", "numbers", "--format", "csv")
        t.eq(r.rc, 0, "csv: exit 0", r)
        t.ok(r.out.count(b"\r\n") == len(numbers) + 1 and r.out.count(b"\n") == len(numbers) + 1,
             "csv: CRLF line ends (RFC 4180)")
        rows = list(csv.reader(io.StringIO(r.text, newline="")))
        t.eq(rows[0], NUMBER_KEYS, "csv: a header of the Graph property names")
        t.eq(len(rows) - 1, len(numbers), "csv: one record a number")

        def csv_value(n, k):
            v = n[k]
            if k in LIST_KEYS:
                return ";".join(v)
            return "" if v is None else v
        bad = [row for row, n in zip(rows[1:], numbers) if row != [csv_value(n, k) for k in NUMBER_KEYS]]
        t.eq(bad[:1], [], "csv: every field as in the JSON, lists joined with ';'")

        titles = ["Number", "Type", "Status", "Assigned to", "Location"]
        r = home.run("--sandbox", "numbers")
        t.eq(r.rc, 0, "table: exit 0", r)
        header, cells = table_rows(r.text, titles)
        t.eq(len(cells), len(numbers), "table: one row a number, under a heading")
        wrong = []

        def assignee(n):
            # the person by name and UPN when known (issue 13), else the GUID
            if n["assignmentTargetUserPrincipalName"] is None:
                return n["assignmentTargetId"] or ""
            if n["assignmentTargetDisplayName"] is None:
                return n["assignmentTargetUserPrincipalName"]
            return n["assignmentTargetDisplayName"] + " · " + n["assignmentTargetUserPrincipalName"]

        def fits(cell, text):
            return cell == text or (cell.endswith("…") and text.startswith(cell[:-1]))

        t.ok(any(n["assignmentTargetAccountType"] == "resourceAccount" for n in numbers)
             and any(n["assignmentTargetUserPrincipalName"] for n in numbers),
             "json: numbers carry their people's UPN and account type")
        for row, n in zip(cells, numbers):
            expected_location_start = n["city"] or ""
            if (row[0].replace(" ", "") != n["telephoneNumber"]
                    or row[1] != TYPE_LABELS.get(n["numberType"], "Unknown")
                    or row[2] != STATUS_LABELS.get(n["assignmentStatus"], "Unknown")
                    or not fits(row[3], assignee(n))
                    or not row[4].startswith(expected_location_start)):
                wrong.append((row, n))
        t.eq(wrong[:1], [], "table: each column holds the number's value, labels in words")
        t.ok(any(" " in row[0] for row in cells), "table: numbers grouped for reading (+1 206 555 0100)")

        r = home.run("--sandbox", "numbers", env={"COLUMNS": "72"})
        lines = r.text.rstrip("\n").split("\n")
        t.ok(r.rc == 0 and all(len(line) <= 72 for line in lines) and any("…" in line for line in lines),
             "table: fitted to 72 columns, cut cells end with …", max(lines, key=len))

        r = home.run("--sandbox", "numbers", env={"LANGUAGE": "it"})
        t.ok(r.rc == 0 and r.text.split("\n")[0].startswith("Numero") and "Piano per chiamate" in r.text,
             "table: headings and labels in Italian", r.text[:300])


def test_numbers_filter_and_search(t):
    with Home() as home:
        everything = home.run("--sandbox", "numbers", "--format", "json").json()

        r = home.run("--sandbox", "numbers", "--format", "json", "--filter", "numberType eq 'callingPlan'")
        got = r.json() if r.rc == 0 else []
        expected = [n for n in everything if n["numberType"] == "callingPlan"]
        t.ok(r.rc == 0 and got == expected and len(got) > 0,
             "--filter: the server's $filter (%d calling plan numbers)" % len(got), r)

        r = home.run("--sandbox", "numbers", "--format", "json",
                     "--filter", "assignmentStatus eq 'unassigned' and isoCountryCode eq 'IT'")
        got = r.json() if r.rc == 0 else []
        expected = [n for n in everything if n["assignmentStatus"] == "unassigned" and n["isoCountryCode"] == "IT"]
        t.ok(r.rc == 0 and got == expected and len(got) > 0, "--filter with and", r)

        r = home.run("--sandbox", "numbers", "--filter", "city eq 'Roma'")
        t.ok(r.rc == 4 and r.out == b"" and r.err.startswith("portactl: "),
             "--filter the server refuses: exit 4, nothing on stdout", r)

        r = home.run("--sandbox", "numbers", "--format", "json", "--search", "39 02")
        got = r.json() if r.rc == 0 else []
        expected = [n for n in everything if "3902" in n["telephoneNumber"].lstrip("+")]
        t.ok(r.rc == 0 and got == expected and len(got) > 0,
             "--search digits, however written (%d for “39 02”)" % len(got), r)

        r = home.run("--sandbox", "numbers", "--format", "json", "--search", "+39 02")
        got = r.json() if r.rc == 0 else []
        expected = [n for n in everything if n["telephoneNumber"].startswith("+3902")]
        t.ok(r.rc == 0 and got == expected and len(got) > 0,
             "--search with a leading +: the start of the number (%d for “+39 02”)" % len(got), r)

        r = home.run("--sandbox", "numbers", "--format", "csv", "--search", "MILANO")
        rows = list(csv.DictReader(io.StringIO(r.text, newline=""))) if r.rc == 0 else []
        expected = [n for n in everything if (n["city"] or "").casefold().find("milano") >= 0]
        t.ok(r.rc == 0 and [row["id"] for row in rows] == [n["id"] for n in expected] and rows,
             "--search text: cities, whatever the case (%d in Milano)" % len(rows), r)

        r = home.run("--sandbox", "numbers", "--format", "json", "--search", "0000000000000000")
        t.ok(r.rc == 0 and r.json() == [], "--search without a match: an empty array", r)

        r = home.run("--sandbox", "numbers", "--format", "json", "--search", "312",
                     "--filter", "numberType eq 'directRouting'")
        got = r.json() if r.rc == 0 else []
        expected = [n for n in everything if n["numberType"] == "directRouting" and "312" in n["telephoneNumber"]]
        t.ok(r.rc == 0 and got == expected, "--search and --filter together", r)


def test_numbers_stream(t):
    """Each page is written when it arrives: with 400 ms between pages,
    the first lines come long before the end."""
    with Home() as home:
        wrapper = sandbox_wrapper(home, "--numbers", "3000", "--faults", "latency=400")
        env = home.env({"PORTA_SANDBOX_PATH": wrapper})
        proc = subprocess.Popen([PORTACTL, "--sandbox", "numbers", "--format", "ndjson"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        first = None
        data = b""
        fd = proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            if first is None:
                first = time.monotonic()
            data += chunk
        end = time.monotonic()
        proc.wait(60)
        lines = data.decode().split("\n")[:-1]
        t.ok(proc.returncode == 0 and len(lines) >= 3000, "numbers over 3 pages: all of them", proc.stderr.read())
        t.ok(first is not None and end - first >= 0.6,
             "the first page is out %.2f s before the last (streamed)" % ((end - first) if first else 0))

        # Ctrl+C: the command stops, as a process stopped by SIGINT does,
        # and the sandbox still saves its state
        proc = subprocess.Popen([PORTACTL, "--sandbox", "numbers", "--format", "ndjson"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        os.read(proc.stdout.fileno(), 1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        t.ok(proc.returncode == -signal.SIGINT and err == b"", "Ctrl+C: stopped by SIGINT, quietly",
             (proc.returncode, err))
        with open(os.path.join(home.sandbox_state_dir, "sandbox.log")) as f:
            t.ok("state saved" in f.read().split("porta-sandbox ")[-1], "Ctrl+C: the sandbox saved its state")

        # a reader that goes away: SIGPIPE's status, no message
        proc = subprocess.Popen([PORTACTL, "--sandbox", "numbers"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        os.read(proc.stdout.fileno(), 10)
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(60)
        t.ok(proc.returncode == -signal.SIGPIPE and err == b"", "portactl numbers | head: ends as SIGPIPE would",
             (proc.returncode, err))


# ---- orders ------------------------------------------------------------------

def test_orders(t):
    with Home() as home:
        r = home.run("--sandbox", "orders", "--format", "json")
        t.eq(r.rc, 0, "orders --format json exits 0", r)
        orders = r.json()
        t.ok(len(orders) >= 12 and {o["status"] for o in orders} >= set(ORDER_STATUSES),
             "orders: every status, from the demo data")
        t.ok({o["direction"] for o in orders} == {"portIn", "portOut"}, "orders: both directions")
        keys = {"id", "displayName", "direction", "status", "createdDateTime", "telephoneNumbers",
                "carrierName", "requestedFocDateTime", "focDateTime", "pinVerified", "allowedActions",
                "statusHistory"}
        t.ok(all(keys <= set(o) for o in orders), "orders: the contract's property names")
        t.ok(all(("cancel" in o["allowedActions"]) ==
                 (o["status"] in ("processing", "contactingCarrier", "transferApproved", "error"))
                 for o in orders), "orders: allowedActions follow the status")
        created = [o["createdDateTime"] for o in orders]
        t.eq(created, sorted(created, reverse=True), "orders: newest first")

        r = home.run("--sandbox", "orders", "--format", "ndjson")
        t.eq([json.loads(line) for line in r.text.split("\n")[:-1]], orders, "orders --format ndjson")

        r = home.run("--sandbox", "orders", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(r.text, newline="")))
        t.ok(r.rc == 0 and [row["id"] for row in rows] == [o["id"] for o in orders]
             and all(row["telephoneNumbers"] == ";".join(o["telephoneNumbers"]) for row, o in zip(rows, orders)),
             "orders --format csv: one record an order", r)

        titles = ["ID", "Direction", "Status", "Numbers", "FOC date", "Name"]
        r = home.run("--sandbox", "orders")
        _, cells = table_rows(r.text, titles)
        t.ok(r.rc == 0 and [c[0] for c in cells] == [o["id"] for o in orders]
             and all(c[3] == str(len(o["telephoneNumbers"])) for c, o in zip(cells, orders))
             and all(c[5] == o["displayName"] for c, o in zip(cells, orders)),
             "orders table: ID, count of numbers and name in their columns", r)

        r = home.run("--sandbox", "orders", "--format", "json", "--status", "transferApproved")
        got = r.json()
        t.ok(r.rc == 0 and got and all(o["status"] == "transferApproved" for o in got)
             and len(got) == sum(o["status"] == "transferApproved" for o in orders),
             "orders --status transferApproved", r)
        r = home.run("--sandbox", "orders", "--format", "json", "--direction", "out")
        got = r.json()
        t.ok(r.rc == 0 and got and all(o["direction"] == "portOut" for o in got), "orders --direction out", r)
        r = home.run("--sandbox", "orders", "--format", "json", "--direction", "in", "--status", "completed")
        got = r.json()
        t.ok(r.rc == 0 and got and all(o["direction"] == "portIn" and o["status"] == "completed" for o in got),
             "orders --direction in --status completed", r)


def test_order(t):
    with Home() as home:
        orders = home.run("--sandbox", "orders", "--format", "json").json()
        by_status = {}
        for o in orders:
            by_status.setdefault(o["status"], []).append(o)

        approved = by_status["transferApproved"][0]
        r = home.run("--sandbox", "order", approved["id"], "--format", "json")
        t.ok(r.rc == 0 and r.json()["id"] == approved["id"] and r.json()["statusHistory"],
             "order ID --format json: the order with its history", r)
        r = home.run("--sandbox", "order", approved["id"])
        t.ok(r.rc == 0 and approved["displayName"] in r.text and "Transfer approved" in r.text
             and ("portactl order cancel %s" % approved["id"]) in r.text
             and ("portactl order set-foc %s" % approved["id"]) in r.text,
             "order ID: name, status, and the actions it allows", r)
        r = home.run("--sandbox", "order", "7f3c2b1a-9d8e-4f6a-b5c4-d3e2f1a0b9c8")
        t.ok(r.rc == 3 and "portactl orders" in r.err, "order with an unknown ID: exit 3", r)

        # set-foc
        day = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        r = home.run("--sandbox", "order", "set-foc", approved["id"], day, "--format", "json")
        t.ok(r.rc == 0 and r.json()["requestedFocDateTime"] is not None
             and r.json()["statusHistory"][-1]["status"] == "transferApproved"
             and len(r.json()["statusHistory"]) == len(approved["statusHistory"]) + 1,
             "order set-foc ID DATE: a new date, written in the history", r)
        local = datetime.datetime.fromisoformat(r.json()["requestedFocDateTime"].replace("Z", "+00:00")).astimezone()
        t.ok(local.date().isoformat() == day and local.hour == 18, "set-foc: that day, 18:00 local time", local)

        r = home.run("--sandbox", "order", "set-foc", approved["id"], "2031-01-15T09:30:00Z", "--format", "json")
        t.ok(r.rc == 0 and r.json()["requestedFocDateTime"] == "2031-01-15T09:30:00Z",
             "set-foc with a date and time", r)

        soon = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        r = home.run("--sandbox", "order", "set-foc", approved["id"], soon)
        t.ok(r.rc == 4 and "requestedFocDateTime" in r.err and "tooSoon" in r.err,
             "set-foc too soon: exit 4, with the field and the reason", r)
        # the same days as the new-order dialog and the order details
        # (porta-order-rules.c): the earliest is the day of now + 7 × 24
        # hours + 10 minutes, local time; the day before it is refused
        # before anything is sent, the earliest one accepted by the server
        earliest = (datetime.datetime.now(datetime.timezone.utc)
                    + datetime.timedelta(days=7, minutes=10)).astimezone().date()
        before = (earliest - datetime.timedelta(days=1)).isoformat()
        r = home.run("--sandbox", "order", "set-foc", approved["id"], before)
        t.ok(r.rc == 4 and "tooSoon" in r.err and "Too soon" in r.err,
             "set-foc the day before the earliest: refused, with the rule's reason", r)
        r = home.run("--sandbox", "order", "set-foc", approved["id"], earliest.isoformat(), "--format", "json")
        t.ok(r.rc == 0, "set-foc the earliest day: accepted by the server", r)
        if r.rc == 0:
            local = datetime.datetime.fromisoformat(r.json()["requestedFocDateTime"].replace("Z", "+00:00"))
            t.ok(local.astimezone().date() == earliest, "set-foc the earliest day: on that day", local)
        processing = by_status["processing"][0]
        r = home.run("--sandbox", "order", "set-foc", processing["id"], day)
        t.ok(r.rc == 4 and "Processing" in r.err, "set-foc on a processing order: exit 4", r)

        # cancel
        r = home.run("--sandbox", "order", "cancel", processing["id"], "--format", "json")
        t.ok(r.rc == 0 and r.json()["status"] == "cancelled" and r.json()["allowedActions"] == [],
             "order cancel ID: cancelled", r)
        r = home.run("--sandbox", "order", processing["id"], "--format", "json")
        t.ok(r.rc == 0 and r.json()["status"] == "cancelled", "the cancel lasts (the sandbox kept it)", r)
        r = home.run("--sandbox", "order", "cancel", processing["id"])
        t.ok(r.rc == 4 and "Cancelled" in r.err, "cancelling a cancelled order: exit 4", r)
        completed = by_status["completed"][0]
        r = home.run("--sandbox", "order", "cancel", completed["id"])
        t.ok(r.rc == 4 and "Completed" in r.err, "cancelling a completed order: exit 4", r)
        r = home.run("--sandbox", "order", "cancel", "7f3c2b1a-9d8e-4f6a-b5c4-d3e2f1a0b9c8")
        t.eq(r.rc, 3, "cancelling an unknown order: exit 3", r)


# ---- the PIN ---------------------------------------------------------------------

# (input on stdin, the message, or None when accepted). The rules of
# tests/test-client.c's pin_table, as read from stdin: one line, without
# its "\n" or "\r\n".
PIN_TABLE = [
    (b"", MSG_EMPTY),
    (b"\n", MSG_EMPTY),
    (b"\r\n", MSG_EMPTY),
    (b"1\n", MSG_LENGTH),
    (b"12345\n", MSG_LENGTH),
    (b"12345678901\n", MSG_LENGTH),
    (b"123456789012345678901234567890\n", MSG_LENGTH),
    (b"1" * 5000 + b"\n", MSG_LENGTH),
    (b"12a456\n", MSG_DIGITS),
    (b"abcdef\n", MSG_DIGITS),
    (b" 123456\n", MSG_DIGITS),
    (b"123456 \n", MSG_DIGITS),
    (b"123456\r", MSG_DIGITS),
    (b"123456\r\r\n", MSG_DIGITS),
    (b"\t123456\n", MSG_DIGITS),
    (b"12 3456\n", MSG_DIGITS),
    (b"123-456\n", MSG_DIGITS),
    (b"+123456\n", MSG_DIGITS),
    (b"-123456\n", MSG_DIGITS),
    (b"12.3456\n", MSG_DIGITS),
    (b"1e6789\n", MSG_DIGITS),
    ("１２３４５６\n".encode(), MSG_DIGITS),
    ("١٢٣٤٥٦\n".encode(), MSG_DIGITS),
    ("۱۲۳۴۵۶\n".encode(), MSG_DIGITS),
    ("१२३४५६\n".encode(), MSG_DIGITS),
    ("12345６\n".encode(), MSG_DIGITS),
    ("½23456\n".encode(), MSG_DIGITS),
    (b"12a\n", MSG_DIGITS),
    (b"1234\xff56\n", MSG_DIGITS),
    (b"123456", None),
    (b"1234567\n", None),
    (b"12345678\r\n", None),
    (b"123456789\n", None),
    (b"1234567890\n", None),
    (b"000000\n", None),
    (b"0000000000\n", None),
    (b"907316\nand more lines\n", None),
]


def pin_of(data):
    line = data.split(b"\n", 1)[0]
    if data.find(b"\n") >= 0 and line.endswith(b"\r"):
        line = line[:-1]
    return line.decode()


def test_pin_status_and_reveal_unset(t):
    with Home() as home:
        r = home.run("--sandbox", "pin", "--format", "json")
        t.ok(r.rc == 0 and r.json() == {"isSet": False, "lastModifiedDateTime": None, "lastModifiedBy": None},
             "pin --format json before any PIN", r)
        r = home.run("--sandbox", "pin")
        t.ok(r.rc == 0 and "No port-out PIN is set" in r.text, "pin: says no PIN is set", r)
        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.ok(r.rc == 3 and r.out == b"" and r.err.startswith("portactl: "), "pin reveal before any PIN: exit 3", r)
        r = home.run("--sandbox", "pin", "audit", "--format", "json")
        t.ok(r.rc == 0 and r.json() == [], "pin audit before any PIN: empty", r)


def test_pin_set_table(t):
    with Home() as home:
        last = None
        accepted = 0
        for data, message in PIN_TABLE:
            r = home.run("--sandbox", "pin", "set", stdin=data)
            shown = data[:40]
            if message is None:
                pin = pin_of(data)
                SECRETS.add(pin)
                t.ok(r.rc == 0 and r.text == "Port-out PIN saved\n", "pin set %r: accepted" % shown, r)
                last = pin
                accepted += 1
            else:
                t.ok(r.rc == 4 and r.err.strip().split("\n")[0] == "portactl: " + message,
                     "pin set %r: exit 4, “%s”" % (shown, message), r)
        t.ok(len(PIN_TABLE) >= 30 and accepted >= 6, "%d PINs through stdin" % len(PIN_TABLE))

        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq((r.rc, r.text), (0, last + "\n"), "pin reveal --yes: only the last PIN accepted, on stdout")
        t.eq(r.err, "", "pin reveal: nothing on stderr")

        r = home.run("--sandbox", "pin", "--format", "json")
        t.ok(r.rc == 0 and r.json()["isSet"] and r.json()["lastModifiedBy"]["userPrincipalName"] == "admin@contoso.example",
             "pin: set, by the sandbox's admin", r)
        r = home.run("--sandbox", "pin")
        t.ok(r.rc == 0 and "The port-out PIN is set." in r.text and "Giulia Ferraro" in r.text, "pin: who set it", r)

        r = home.run("--sandbox", "pin", "audit", "--format", "json")
        events = r.json() if r.rc == 0 else []
        activities = [e["activity"] for e in events]
        t.ok(r.rc == 0 and activities[0] == "revealed" and activities[-1] == "set"
             and activities.count("changed") == accepted - 1,
             "pin audit --format json: set, then changed, then revealed, newest first", activities)
        t.ok(all(set(e) == {"id", "activity", "dateTime", "user"} for e in events), "pin audit: the event's members")
        r = home.run("--sandbox", "pin", "audit", "--format", "ndjson")
        t.eq([json.loads(line) for line in r.text.split("\n")[:-1]], events, "pin audit --format ndjson")
        r = home.run("--sandbox", "pin", "audit", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(r.text, newline="")))
        t.ok(r.rc == 0 and [row["activity"] for row in rows] == activities
             and all(row["userPrincipalName"] == "admin@contoso.example" for row in rows), "pin audit --format csv", r)
        r = home.run("--sandbox", "pin", "audit")
        _, cells = table_rows(r.text, ["When", "What", "Who", "Username"])
        t.ok(r.rc == 0 and len(cells) == len(events) and cells[0][1] == "PIN revealed"
             and all(c[2] == "Giulia Ferraro" for c in cells), "pin audit table", r)

        # Italian
        r = home.run("--sandbox", "pin", "set", stdin=b"12345\n", env={"LANGUAGE": "it"})
        t.ok(r.rc == 4 and "Il PIN deve essere composto da 6 a 10 cifre." in r.err, "a short PIN refused in Italian", r)


def test_pin_never_from_argv(t):
    with Home() as home:
        for args, name in ((["pin", "set", "5550123456"], "pin set PIN"),
                           (["pin", "set", "--pin=5550123456"], "pin set --pin=PIN"),
                           (["pin", "5550123456"], "pin PIN"),
                           (["pin", "reveal", "5550123456"], "pin reveal PIN")):
            r = home.run("--sandbox", *args, stdin=b"907316\n")
            t.ok(r.rc == 1 and "5550123456" not in r.err and r.out == b"",
                 "%s: refused (exit 1), and not repeated" % name, r)
        r = home.run("--sandbox", "pin", "set", "5550123456")
        t.ok("history" in r.err and "processes" in r.err, "pin set PIN says why: shell history, process list", r)
        r = home.run("--sandbox", "pin", "--format", "json")
        t.ok(r.rc == 0 and r.json()["isSet"] is False, "nothing was set", r)


def test_pin_reveal_needs_yes(t):
    with Home() as home:
        home.run("--sandbox", "pin", "set", stdin=b"5318008531\n")
        SECRETS.add("5318008531")
        r = home.run("--sandbox", "pin", "reveal")
        t.ok(r.rc == 1 and "--yes" in r.err and r.out == b"", "pin reveal without a terminal nor --yes: exit 1", r)
        r = home.run("--sandbox", "pin", "reveal", "-y")
        t.eq((r.rc, r.text), (0, "5318008531\n"), "pin reveal -y", r)


def test_pin_set_generate(t):
    with Home() as home:
        r = home.run("pin", "set", "--help")
        t.ok(r.rc == 0 and "--generate" in r.text, "pin set --help documents --generate", r)

        # stdin is not read: a PIN given there is not the one set
        r = home.run("--sandbox", "pin", "set", "--generate", stdin=b"907316\n")
        pin = pin_of(r.out)
        SECRETS.add(pin)
        t.ok(r.rc == 0 and re.fullmatch(rb"[0-9]{10}\n", r.out) is not None,
             "pin set --generate: stdout is one line of 10 digits, nothing else", r)
        t.ok(pin not in r.err and "Port-out PIN saved" in r.err, "pin set --generate: no PIN on stderr, the rest there", r)
        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq((r.rc, r.text), (0, pin + "\n"), "pin reveal --yes: the generated PIN is the one set")

        r = home.run("--sandbox", "pin", "set", "--generate", env={"LANGUAGE": "it"})
        second = pin_of(r.out)
        SECRETS.add(second)
        t.ok(r.rc == 0 and re.fullmatch(rb"[0-9]{10}\n", r.out) is not None and second != pin
             and second not in r.err and "PIN di portabilità salvato" in r.err,
             "pin set --generate in Italian: another PIN, only it on stdout", r)
        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq((r.rc, r.text), (0, second + "\n"), "pin reveal --yes: the second generated PIN replaced the first")

        r = home.run("--sandbox", "pin", "set", "--generate", "5550123456")
        t.ok(r.rc == 1 and r.out == b"" and "5550123456" not in r.err, "pin set --generate PIN: refused, not repeated", r)
        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq(r.text, second + "\n", "nothing was set by the refused command")


def spawn_on_tty(home, args, env=None):
    """portactl with a pseudo-terminal as stdin and controlling terminal,
    stdout and stderr as pipes."""
    master, slave = os.openpty()

    def become_session_leader():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen([PORTACTL] + args, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=home.env(env), preexec_fn=become_session_leader)
    return proc, master, slave


@contextlib.contextmanager
def on_tty(home, args, env=None):
    """spawn_on_tty() for a with block: the terminal is closed after it."""
    proc, master, slave = spawn_on_tty(home, args, env)
    try:
        yield proc, master, slave
    finally:
        os.close(master)
        os.close(slave)


def answer(proc, master, prompt, text):
    """Waits for portactl to ask @prompt on stderr, then types @text."""
    read_until(proc.stderr.fileno(), prompt)
    os.write(master, text)


def read_until(fd, needle, timeout=30):
    data = b""
    deadline = time.monotonic() + timeout
    while needle not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError("no %r within %d s, got %r" % (needle, timeout, data))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise AssertionError("EOF before %r, got %r" % (needle, data))
            data += chunk
    return data


def drain(fd, wait=0.3):
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return data
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk


def test_pin_on_a_terminal(t):
    with Home() as home:
        # typed twice, not echoed
        with on_tty(home, ["--sandbox", "pin", "set"]) as (proc, master, slave):
            answer(proc, master, b"New port-out PIN: ", b"2718281828\n")
            answer(proc, master, b"The same PIN again: ", b"2718281828\n")
            out, rest = proc.communicate(timeout=60)
            echoed = drain(master)
            SECRETS.add("2718281828")
            t.ok(proc.returncode == 0 and out == b"Port-out PIN saved\n", "pin set on a terminal: asked twice, saved",
                 (proc.returncode, out, rest))
            t.ok(b"2718281828" not in echoed, "pin set on a terminal: the PIN is not echoed", echoed)
            t.ok(termios.tcgetattr(slave)[3] & termios.ECHO, "pin set: echo back on afterwards")

        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq(r.text, "2718281828\n", "the PIN typed at the terminal was set")

        # not the same twice
        with on_tty(home, ["--sandbox", "pin", "set"]) as (proc, master, slave):
            answer(proc, master, b"New port-out PIN: ", b"1414213562\n")
            answer(proc, master, b"The same PIN again: ", b"1414213563\n")
            out, rest = proc.communicate(timeout=60)
            t.ok(proc.returncode == 4 and b"The PINs don\xe2\x80\x99t match." in rest, "two different PINs: exit 4",
                 (proc.returncode, rest))

        # a PIN that breaks the rules is refused at once
        with on_tty(home, ["--sandbox", "pin", "set"]) as (proc, master, slave):
            answer(proc, master, b"New port-out PIN: ", b"12ab\n")
            out, rest = proc.communicate(timeout=60)
            t.ok(proc.returncode == 4 and MSG_DIGITS.encode() in rest and b"again" not in rest,
                 "a bad PIN at the terminal: refused before asking again", (proc.returncode, rest))

        # Ctrl+C at the prompt: the terminal gets its echo back
        with on_tty(home, ["--sandbox", "pin", "set"]) as (proc, master, slave):
            read_until(proc.stderr.fileno(), b"New port-out PIN: ")
            t.ok(not termios.tcgetattr(slave)[3] & termios.ECHO, "at the prompt, echo is off")
            os.write(master, b"123")
            os.write(master, b"\x03")
            proc.communicate(timeout=60)
            t.ok(proc.returncode in (-signal.SIGINT, 130), "Ctrl+C stops pin set", proc.returncode)
            t.ok(termios.tcgetattr(slave)[3] & termios.ECHO, "after Ctrl+C, echo is back on")

        r = home.run("--sandbox", "pin", "reveal", "--yes")
        t.eq(r.text, "2718281828\n", "neither the mismatch nor Ctrl+C changed the PIN")

        # reveal asks first
        for typed, expected_rc in ((b"n\n", 1), (b"\n", 1), (b"y\n", 0), (b"YES\n", 0)):
            with on_tty(home, ["--sandbox", "pin", "reveal"]) as (proc, master, slave):
                answer(proc, master, b"[y/N] ", typed)
                out, rest = proc.communicate(timeout=60)
                t.ok(proc.returncode == expected_rc and out == (b"2718281828\n" if expected_rc == 0 else b""),
                     "pin reveal on a terminal, answer %r: exit %d" % (typed, expected_rc),
                     (proc.returncode, out, rest))

        with on_tty(home, ["--sandbox", "pin", "reveal"], env={"LANGUAGE": "it"}) as (proc, master, slave):
            answer(proc, master, b"[s/N] ", b"s\n")
            out, rest = proc.communicate(timeout=60)
            t.ok(proc.returncode == 0 and out == b"2718281828\n", "in Italian, “s” is yes", (proc.returncode, rest))


# ---- accounts, sign-in, sign-out, the keyring --------------------------------

def test_accounts_sandbox_and_none(t):
    with Home() as home:
        r = home.run("accounts", "--json")
        t.ok(r.rc == 0 and r.json() == [], "accounts --json with none: []", r)
        r = home.run("accounts")
        t.ok(r.rc == 0 and r.out == b"" and "sign-in" in r.err, "accounts with none: says how to sign in", r)
        r = home.run("--sandbox", "accounts", "--json")
        accounts = r.json() if r.rc == 0 else []
        t.ok(r.rc == 0 and len(accounts) == 1 and accounts[0]["current"] and accounts[0]["sandbox"]
             and accounts[0]["username"] == "admin@contoso.example", "--sandbox accounts --json: the sandbox's, current", r)
        r = home.run("numbers")
        t.ok(r.rc == 2 and "portactl sign-in" in r.err, "numbers without an account: exit 2", r)
        r = home.run("sign-out")
        t.eq(r.rc, 3, "sign-out without an account: exit 3", r)
        r = home.run("--sandbox", "--account", "x", "numbers")
        t.eq(r.rc, 1, "--sandbox with --account: exit 1", r)


def test_keyring_and_sign_in_needed(t):
    """A saved account whose sign-in cannot be read: the keyring missing
    (exit 6), or the sign-in absent from it (exit 2)."""
    with Home() as home:
        account = fake_account("http://127.0.0.1:9")
        write_accounts(home, [account], account["id"])
        r = home.run("numbers", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(home.root, "no-bus")})
        t.ok(r.rc == 6 and "keyring" in r.err, "no keyring: exit 6", r)
        r = home.run("pin", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(home.root, "no-bus"),
                                 "LANGUAGE": "it"})
        t.ok(r.rc == 6 and "portachiavi" in r.err, "no keyring, in Italian: exit 6", r)
        if secret_service_available():
            r = home.run("numbers")
            t.ok(r.rc == 2 and "portactl sign-in" in r.err, "a saved account, no sign-in in the keyring: exit 2", r)
        else:
            t.note("no Secret Service on this bus: the keyring-with-no-sign-in case is not run")

        r = home.run("accounts", "--json", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
        t.ok(r.rc == 0 and r.json()[0]["id"] == account["id"] and r.json()[0]["current"],
             "accounts needs no keyring", r)


def test_network_errors(t):
    with Home() as home:
        wrapper = sandbox_wrapper(home, "--faults", "unavailable=1")
        start = time.monotonic()
        r = home.run("--sandbox", "numbers", env={"PORTA_SANDBOX_PATH": wrapper})
        t.ok(r.rc == 5 and r.err.startswith("portactl: "), "the server keeps failing: exit 5 (%.1f s, with retries)"
             % (time.monotonic() - start), r)
        wrapper = sandbox_wrapper(home, "--faults", "malformed=1")
        r = home.run("--sandbox", "pin", env={"PORTA_SANDBOX_PATH": wrapper})
        t.eq(r.rc, 5, "answers that are not JSON: exit 5", r)


def test_not_offered(t):
    """Against a server that answers like Microsoft Graph, pin and orders
    print the Teams admin center guidance on stderr and exit 7."""
    with Home() as home:
        env = {"PORTA_SANDBOX_PATH": sandbox_wrapper(home, "--graph-like")}
        pin_words = ("Manage porting PIN", "Voice → Phone numbers", "changed but never removed",
                     "https://admin.teams.microsoft.com/phone-numbers")
        for args in (["pin"], ["pin", "--format", "json"], ["pin", "audit"], ["pin", "reveal", "--yes"]):
            r = home.run("--sandbox", *args, env=env)
            t.ok(r.rc == 7 and r.out == b"" and r.err.startswith("portactl: Set the PIN in the Teams Admin Center")
                 and all(w in r.err for w in pin_words),
                 "%s against a Graph-like server: the guidance on stderr, exit 7" % " ".join(args), r)
        r = home.run("--sandbox", "pin", "set", stdin=b"73920518\n73920518\n", env=env)
        t.ok(r.rc == 7 and "Manage porting PIN" in r.err, "pin set against a Graph-like server: exit 7", r)
        order_words = ("Order history", "Voice → Phone numbers", "https://admin.teams.microsoft.com/phone-numbers")
        for args in (["orders"], ["orders", "--format", "csv"], ["order", "abc"]):
            r = home.run("--sandbox", *args, env=env)
            t.ok(r.rc == 7 and r.out == b"" and r.err.startswith("portactl: Port Orders Are in the Teams Admin Center")
                 and all(w in r.err for w in order_words),
                 "%s against a Graph-like server: the guidance on stderr, exit 7" % " ".join(args), r)
        r = home.run("--sandbox", "numbers", "--format", "json", env=env)
        t.ok(r.rc == 0 and len(r.json()) > 0, "numbers still work against a Graph-like server", r)
        r = home.run("--sandbox", "pin", env=dict(env, LANGUAGE="it"))
        t.ok(r.rc == 7 and "interfaccia di amministrazione di Teams" in r.err, "the guidance in Italian", r)


def sign_in(home, sb, *extra, env=None):
    return home.run("sign-in", "--authority", sb.base + "/sandbox", "--api", sb.base + "/v1.0",
                    "--client-id", CLIENT_ID, *extra, env=env, timeout=60)


def keyring_secret(account_id):
    try:
        out = subprocess.run(["secret-tool", "lookup", "account-id", account_id], capture_output=True, timeout=10)
    except OSError:
        return None
    return out.stdout.decode().strip() or None


def test_sign_in_out(t):
    if not secret_service_available():
        t.note("SKIP sign-in tests: no Secret Service on this session bus (run them through build-aux/dev.sh test)")
        return
    with Home() as home, Sandbox("--device-interval", "0", numbers=1500) as sb, \
            Sandbox("--device-interval", "0", numbers=10) as other:
        r = sign_in(home, sb, "--device-code", env={"PORTA_DEBUG": "http"})
        t.ok(r.rc == 0 and r.text == "Signed in as Giulia Ferraro (admin@contoso.example).\n",
             "sign-in --device-code: signed in", r)
        t.ok(sb.base + "/sandbox/devicelogin" in r.err, "sign-in: the device code's address shown", r)
        t.ok(re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", r.err, re.M) is not None, "sign-in: the code on a line of its own", r)
        t.ok("warning" not in r.err, "sign-in: kept in the keyring, no warning", r)

        accounts = home.run("accounts", "--json").json()
        t.ok(len(accounts) == 1 and accounts[0]["current"] and accounts[0]["apiBase"] == sb.base + "/v1.0"
             and not accounts[0]["sandbox"], "accounts --json: the new account, current", accounts)
        first_id = accounts[0]["id"]
        secret = keyring_secret(first_id)
        t.ok(secret is not None and len(secret) > 20, "the refresh token is in the keyring")
        if secret:
            SECRETS.add(secret)

        # twice: the refresh token rotates and must be kept each time
        for i in (1, 2):
            r = home.run("numbers", "--format", "json", env={"PORTA_DEBUG": "http"} if i == 1 else None)
            t.ok(r.rc == 0 and len(r.json()) >= 1500, "numbers with the saved sign-in, run %d" % i, r.err[-500:])
            new_secret = keyring_secret(first_id)
            t.ok(new_secret is not None and new_secret != secret, "run %d: the rotated token replaced the old one" % i)
            if new_secret:
                SECRETS.add(new_secret)
                secret = new_secret
        r = home.run("pin")
        t.eq(r.rc, 0, "pin with the saved sign-in", r)

        # `numbers | head`: the reader goes after the sign-in was renewed;
        # the renewed one is kept all the same
        proc = subprocess.Popen([PORTACTL, "numbers", "--format", "ndjson"], env=home.env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        os.read(proc.stdout.fileno(), 10)
        proc.stdout.close()
        proc.wait(60)
        new_secret = keyring_secret(first_id)
        t.ok(proc.returncode == -signal.SIGPIPE and new_secret not in (None, secret),
             "numbers | head: SIGPIPE, and the rotated sign-in kept", proc.returncode)
        if new_secret:
            SECRETS.add(new_secret)
            secret = new_secret
        r = home.run("pin")
        t.eq(r.rc, 0, "the next command signs in with it", r)

        # the browser: no browser here, so portactl says where to go, and
        # going there (the sandbox approves at once) finishes the sign-in
        # data directories with GSettings schemas (GIO's proxy settings
        # need them) but no applications: no browser to open
        empty = os.path.join(home.root, "no-applications")
        os.makedirs(empty, exist_ok=True)
        for d in os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":"):
            if d and os.path.isdir(os.path.join(d, "glib-2.0")) and not os.path.exists(os.path.join(empty, "glib-2.0")):
                os.symlink(os.path.join(d, "glib-2.0"), os.path.join(empty, "glib-2.0"))
        env = home.env({"DISPLAY": ":99", "XDG_DATA_DIRS": empty})
        proc = subprocess.Popen([PORTACTL, "sign-in", "--authority", other.base + "/sandbox",
                                 "--api", other.base + "/v1.0", "--client-id", CLIENT_ID], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        try:
            text = read_until(proc.stderr.fileno(), b"Waiting for the sign-in").decode()
            m = re.search(r"(http://127\.0\.0\.1:\d+/sandbox/oauth2/v2\.0/authorize\?\S+)", text)
            t.ok(m is not None and "code_challenge_method=S256" in m.group(1),
                 "sign-in with a display: the PKCE sign-in page's address", text)
            if m:
                with urllib.request.urlopen(m.group(1), timeout=30) as page:
                    page.read()
            out, rest = proc.communicate(timeout=60)
            t.ok(proc.returncode == 0 and b"Signed in as" in out, "sign-in through the browser page", (out, rest))
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

        accounts = home.run("accounts", "--json").json()
        second = [a for a in accounts if a["apiBase"] == other.base + "/v1.0"]
        t.ok(len(accounts) == 2 and second and second[0]["current"], "two accounts, the new one current", accounts)
        second_id = second[0]["id"] if second else ""
        r = home.run("accounts")
        _, cells = table_rows(r.text, ["ID", "Username", "Name", "Organization"])
        t.ok(r.rc == 0 and r.text.split("\n")[1 if cells[0][0] == second_id else 2].startswith("*"),
             "accounts: * marks the current one", r)

        # --account: another account, without making it current
        r = home.run("--account", first_id, "numbers", "--format", "json")
        t.ok(r.rc == 0 and len(r.json()) >= 1500, "--account ID uses that account", r.err)
        r = home.run("numbers", "--format", "json")
        t.ok(r.rc == 0 and len(r.json()) >= 10 and len(r.json()) < 100, "without it, the current one", r.err)
        r = home.run("accounts", "--json")
        t.ok([a["id"] for a in r.json() if a["current"]] == [second_id], "--account did not change the current one")
        r = home.run("--account", first_id, "accounts", "--json")
        t.ok([a["id"] for a in r.json() if a["current"]] == [first_id], "accounts --account: marks the one used")
        r = home.run("--account", "admin@contoso.example", "pin")
        t.ok(r.rc == 4 and "ID" in r.err, "--account USERNAME shared by two accounts: exit 4", r)
        r = home.run("--account", "nobody@example.com", "pin")
        t.eq(r.rc, 3, "--account unknown: exit 3", r)

        # a sign-in the server forgot (it restarted): exit 2
        port = other.port
        other.stop()
        restarted = Sandbox("--port", str(port), "--device-interval", "0", state_dir=other.state_dir, numbers=10)
        try:
            r = home.run("pin")
            t.ok(r.rc == 2 and r.err.startswith("portactl: "), "a revoked sign-in: exit 2", r)
        finally:
            restarted.close()
        # and a server that is gone: exit 5
        r = home.run("pin")
        t.eq(r.rc, 5, "a server that is gone: exit 5", r)
        r = home.run("--account", first_id, "pin", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
        t.ok(r.rc == 6, "--account with no keyring: exit 6", r)

        # sign-out
        r = home.run("sign-out", second_id)
        t.ok(r.rc == 0 and "Signed out of admin@contoso.example." in r.text, "sign-out ACCOUNT", r)
        t.ok(keyring_secret(second_id) is None, "sign-out: its sign-in left the keyring")
        accounts = home.run("accounts", "--json").json()
        t.ok([a["id"] for a in accounts] == [first_id], "sign-out: the account left the list", accounts)
        r = home.run("sign-out", second_id)
        t.eq(r.rc, 3, "signing out of it again: exit 3", r)
        r = home.run("sign-out")
        t.ok(r.rc == 0 and keyring_secret(first_id) is None, "sign-out of the current account", r)
        r = home.run("accounts", "--json")
        t.ok(r.rc == 0 and r.json() == [], "no account left", r)
        r = home.run("numbers")
        t.eq(r.rc, 2, "numbers after signing out: exit 2", r)


def test_sign_in_refused(t):
    """Sign-in that does not happen: declined by the server, expired."""
    with Home() as home, Sandbox("--device-interval", "1", "--device-code-lifetime", "2",
                                 auto_approve=False, numbers=10) as sb:
        r = sign_in(home, sb, "--device-code")
        t.ok(r.rc == 2 and r.err.strip().split("\n")[-1].startswith("portactl: "),
             "a device code nobody entered expires: exit 2", r)
        r = home.run("accounts", "--json")
        t.eq(r.json(), [], "no account was added")
        r = home.run("sign-in", "--authority", sb.base + "/sandbox", "--api", sb.base + "/v1.0",
                     "--client-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3302", "--device-code", "--sandbox")
        t.eq(r.rc, 1, "sign-in --sandbox: exit 1", r)


# ---- no secret in any output ------------------------------------------------

def test_no_secret_with_http_log(t):
    with Home() as home:
        pin = "4815162342"
        SECRETS.add(pin)
        r = home.run("--sandbox", "pin", "set", stdin=(pin + "\n").encode(), env={"PORTA_DEBUG": "http"})
        t.ok(r.rc == 0 and "PUT " in r.err and "[redacted]" in r.err, "PORTA_DEBUG=http logs the exchange", r.err[-300:])
        r = home.run("--sandbox", "pin", "reveal", "--yes", env={"PORTA_DEBUG": "http"})
        t.ok(r.rc == 0 and r.text == pin + "\n", "pin reveal --yes with the HTTP log", r)
        t.ok(pin not in r.err and "/portOutPin/reveal" in r.err, "the reveal's log holds no PIN", r.err[-300:])
        # the sandbox's own log neither
        log = os.path.join(home.sandbox_state_dir, "sandbox.log")
        with open(log, encoding="utf-8", errors="replace") as f:
            t.ok(pin not in f.read(), "the sandbox's log holds no PIN")


def check_no_secret(t):
    leaks = []
    token_like = re.compile(r"Bearer\s+[A-Za-z0-9_\-.]{16,}|[A-Za-z0-9_-]{40,}")
    for run in RUNS:
        data_output = run.args and any(a in ("numbers", "orders", "order") for a in run.args)
        reveal = "reveal" in run.args or "--generate" in run.args
        outputs = [("stderr", run.err)]
        if not data_output and not reveal:
            outputs.append(("stdout", run.out.decode("utf-8", "replace")))
        for name, text in outputs:
            for secret in SECRETS:
                if secret and secret in text:
                    leaks.append("%s of %s holds a secret" % (name, " ".join(run.args)))
            if name == "stderr" or "PORTA_DEBUG" in run.env:
                m = token_like.search(text)
                if m:
                    leaks.append("%s of %s holds something token-like: %s…" % (name, " ".join(run.args), m.group(0)[:12]))
    t.eq(leaks[:5], [], "no PIN or token in any of the %d outputs but pin reveal's stdout (%d secrets)"
         % (len(RUNS), len(SECRETS)))


def main():
    t = Tap()
    if PORTACTL is None or not os.access(PORTACTL, os.X_OK):
        print("1..0 # SKIP give the portactl binary as the first argument")
        return
    tests = [
        test_version_and_help,
        test_usage_errors,
        test_numbers_formats,
        test_numbers_filter_and_search,
        test_numbers_stream,
        test_orders,
        test_order,
        test_pin_status_and_reveal_unset,
        test_pin_set_table,
        test_pin_never_from_argv,
        test_pin_reveal_needs_yes,
        test_pin_set_generate,
        test_pin_on_a_terminal,
        test_accounts_sandbox_and_none,
        test_keyring_and_sign_in_needed,
        test_network_errors,
        test_not_offered,
        test_sign_in_out,
        test_sign_in_refused,
        test_no_secret_with_http_log,
        check_no_secret,
    ]
    only = os.environ.get("PORTACTL_TEST_ONLY")
    if only:
        tests = [f for f in tests if f.__name__ in only.split(",")]
    t.run(tests)


if __name__ == "__main__":
    main()
