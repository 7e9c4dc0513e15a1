#!/usr/bin/env python3
# The state file: kept across a restart, mode 0600, written atomically so
# that a SIGKILL in a burst of PIN changes never leaves it missing, empty
# or corrupt.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import http.client
import json
import os
import random
import signal
import stat
import subprocess
import tempfile
import threading
import time

from sandboxlib import SANDBOX, Sandbox, Tap, error_code

KILLS = 50


def foc(days):
    when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_restart(t):
    with tempfile.TemporaryDirectory() as tmp:
        state_dir = os.path.join(tmp, "state")
        with Sandbox(state_dir=state_dir) as sb:
            token = sb.token()
            t.ok(os.path.exists(sb.state_path), "the state file exists from the first start")
            t.eq(sb.api("PUT", "/portOutPin", token, body={"pin": "583920"}).status, 204, "set a PIN")
            t.eq(sb.api("PUT", "/portOutPin", token, body={"pin": "6482017"}).status, 204, "change it")
            sb.api("POST", "/portOutPin/reveal", token)
            order = sb.api("POST", "/portOrders", token, body={
                "displayName": "Restart check", "telephoneNumbers": ["+390612340001"],
                "carrierName": "TIM", "accountNumber": "A-1", "billingTelephoneNumber": "+390612340000",
                "carrierPin": "1234", "requestedFocDateTime": foc(9), "authorizedBy": "Giulia Ferraro"}).json()
            orders_before = sb.api("GET", "/portOrders", token).json()["value"]
            cancel_me = [o for o in orders_before if o["status"] == "processing" and o["direction"] == "portIn"
                         and o["id"] != order["id"]][0]
            t.eq(sb.api("POST", "/portOrders/%s/cancel" % cancel_me["id"], token).status, 200, "cancel an order")
            orders_before = sb.api("GET", "/portOrders", token).json()["value"]
            events_before = sb.api("GET", "/portOutPin/auditEvents", token).json()["value"]
            pin_before = sb.api("GET", "/portOutPin", token).json()
            t.eq(sb.stop(signal.SIGTERM), 0, "SIGTERM stops it with exit 0")
            mode = stat.S_IMODE(os.stat(sb.state_path).st_mode)
            t.eq(oct(mode), oct(0o600), "the state file is mode 0600")
            t.eq([f for f in os.listdir(state_dir) if f != "state.json"], [], "no temporary file is left")
            with open(sb.state_path) as f:
                json.load(f)
            t.ok(True, "the state file is JSON")

        with Sandbox(state_dir=state_dir) as sb:
            token = sb.token()
            t.eq(sb.api("POST", "/portOutPin/reveal", token).json(), {"pin": "6482017"}, "a restart keeps the PIN")
            pin_after = sb.api("GET", "/portOutPin", token).json()
            pin_after.pop("@odata.context")
            pin_before.pop("@odata.context")
            t.eq(pin_after, pin_before, "and its lastModified information")
            events_after = sb.api("GET", "/portOutPin/auditEvents", token).json()["value"]
            t.eq(events_after[1:], events_before, "and the audit events")
            orders_after = sb.api("GET", "/portOrders", token).json()["value"]
            t.eq([o["id"] for o in orders_after], [o["id"] for o in orders_before], "and the orders")
            t.eq({o["id"]: o["status"] for o in orders_after}[cancel_me["id"]], "cancelled", "a cancelled order stays so")
            t.ok(any(o["id"] == order["id"] for o in orders_after), "a created order is still there")
            t.eq(sb.stop(signal.SIGINT), 0, "SIGINT stops it with exit 0 too")


def test_corrupt_state(t):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "state.json")
        with open(path, "w") as f:
            f.write('{"version": 1, "portOutPin": {"pin": "12')
        proc = subprocess.run([SANDBOX, "--state-dir", tmp], capture_output=True, timeout=10)
        t.eq(proc.returncode, 1, "a corrupt state file stops the start with exit 1")
        t.eq(proc.stdout, b"", "and prints no URL")
        t.ok(b"not valid JSON" in proc.stderr, "and says why", proc.stderr)
        with open(path) as f:
            t.eq(f.read(), '{"version": 1, "portOutPin": {"pin": "12', "the file is left as it was")

    proc = subprocess.run([SANDBOX, "--faults", "throttle=2"], capture_output=True, timeout=10)
    t.eq(proc.returncode, 2, "a bad --faults is a usage error (exit 2)")
    proc = subprocess.run([SANDBOX, "--numbers", "lots"], capture_output=True, timeout=10)
    t.eq(proc.returncode, 2, "a bad --numbers is a usage error")


def burst(sb, token, rng, acked, inflight):
    conn = None
    try:
        while True:
            # a 204 closes the connection (Connection: close): one each
            conn = http.client.HTTPConnection(sb.host, sb.port, timeout=5)
            pin = str(rng.randrange(10 ** 5, 10 ** 10))
            if len(pin) < 6:
                pin = pin.zfill(6)
            inflight[0] = pin
            conn.request("PUT", "/v1.0/admin/teams/telephoneNumberManagement/portOutPin",
                         body=json.dumps({"pin": pin}),
                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            conn.close()
            if r.status != 204:
                return
            acked.append(pin)
    except (OSError, http.client.HTTPException):
        return
    finally:
        if conn is not None:
            conn.close()


def test_sigkill_burst(t):
    rng = random.Random(20260501)
    bad = []
    writes = 0
    with tempfile.TemporaryDirectory() as tmp:
        state_dir = os.path.join(tmp, "state")
        for i in range(KILLS):
            sb = Sandbox(state_dir=state_dir, numbers=20)
            token = sb.token()
            acked, inflight = [], [None]
            worker = threading.Thread(target=burst, args=(sb, token, rng, acked, inflight))
            worker.start()
            time.sleep(rng.uniform(0.02, 0.15))
            sb.proc.send_signal(signal.SIGKILL)
            sb.proc.wait()
            worker.join()
            writes += len(acked)
            try:
                with open(sb.state_path) as f:
                    text = f.read()
                state = json.loads(text)
                pin = state["portOutPin"]["pin"]
                if not text.strip():
                    bad.append((i, "empty"))
                elif acked and pin not in (acked[-1], inflight[0]):
                    bad.append((i, "lost an acknowledged PIN"))
                elif pin is not None and not (pin.isascii() and pin.isdigit() and 6 <= len(pin) <= 10):
                    bad.append((i, "a PIN that breaks the rules"))
            except FileNotFoundError:
                bad.append((i, "missing"))
            except (ValueError, KeyError) as e:
                bad.append((i, "corrupt: %s" % e))
            sb.close()
        t.note("%d SIGKILLs during %d acknowledged PIN changes" % (KILLS, writes))
        t.ok(writes >= KILLS, "the bursts really changed the PIN (%d times)" % writes)
        t.eq(bad, [], "%d SIGKILLs never left a missing, empty or corrupt state file, nor lost a PIN" % KILLS)
        with Sandbox(state_dir=state_dir) as sb:
            token = sb.token()
            r = sb.api("POST", "/portOutPin/reveal", token)
            t.eq(r.status, 200, "and the sandbox starts again on it")
            t.eq(sorted(os.listdir(state_dir)), ["state.json"], "temporary files of killed writes are cleared")


Tap().run([test_restart, test_corrupt_state, test_sigkill_burst])
