#!/usr/bin/env python3
# Injected faults against a real porta-sandbox: each appears at about its
# configured rate, deterministically from --seed, never on discovery.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import http.client
import json
import math
import time

from sandboxlib import API, Sandbox, Tap

SPEC = "throttle=0.1,unavailable=0.05,reset=0.02,truncate=0.02,malformed=0.02"
RATES = {"throttle": 0.1, "unavailable": 0.05, "reset": 0.02, "truncate": 0.02, "malformed": 0.02}
N = 1500


def outcome(sb, token):
    conn = http.client.HTTPConnection(sb.host, sb.port, timeout=10)
    try:
        conn.request("GET", API + "/numberAssignments?$top=3", headers={"Authorization": "Bearer " + token})
        r = conn.getresponse()
        try:
            body = r.read()
        except http.client.IncompleteRead:
            return "truncate"
        if r.status == 429:
            return "throttle" if (r.getheader("Retry-After") or "").isdigit() else "429 without Retry-After"
        if r.status == 503:
            return "unavailable" if (r.getheader("Retry-After") or "").isdigit() else "503 without Retry-After"
        if r.status != 200:
            return "status %d" % r.status
        try:
            json.loads(body)
        except ValueError:
            return "malformed"
        return "ok"
    except (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
        return "reset"
    finally:
        conn.close()


def main(t):
    with Sandbox("--faults", SPEC, seed=7, numbers=50) as sb:
        token = sb.token()
        counts = {}
        sequence = []
        for _ in range(N):
            o = outcome(sb, token)
            sequence.append(o)
            counts[o] = counts.get(o, 0) + 1
        t.note("outcomes of %d requests: %s" % (N, counts))
        unexpected = set(counts) - set(RATES) - {"ok"}
        t.eq(unexpected, set(), "every outcome is a configured fault or a success")
        for fault, rate in RATES.items():
            expected = N * rate
            # five standard deviations of a binomial: never flaky, still tight
            margin = 5 * math.sqrt(N * rate * (1 - rate))
            got = counts.get(fault, 0)
            t.ok(abs(got - expected) <= margin, "%s at about %.0f%% (%d of %d, expected %.0f ± %.0f)"
                 % (fault, rate * 100, got, N, expected, margin))
        r = sb.request("GET", "/sandbox/v2.0/.well-known/openid-configuration")
        t.eq(r.status, 200, "discovery is never faulted")
        log = sb.log()
        t.ok("fault=throttle" in log and "fault=reset" in log, "faults are marked in the log")

    with Sandbox("--faults", SPEC, seed=7, numbers=50) as sb:
        token = sb.token()
        again = [outcome(sb, token) for _ in range(300)]
        t.eq(again, sequence[:300], "the same seed gives the same faults in the same order")

    with Sandbox("--faults", "throttle=1,retryAfter=3", numbers=50) as sb:
        ok = all(sb.request("GET", "/sandbox/v2.0/.well-known/openid-configuration").status == 200
                 for _ in range(20))
        t.ok(ok, "discovery answers even when every API request is throttled")
        token = sb.token()
        t.ok(True, "and sign-in still works")
        r = sb.api("GET", "/portOutPin", token)
        t.eq((r.status, r.header("Retry-After"), r.json()["error"]["code"]), (429, "3", "TooManyRequests"),
             "429 TooManyRequests with Retry-After from retryAfter")

    with Sandbox("--faults", "latency=150", numbers=50) as sb:
        token = sb.token()
        start = time.monotonic()
        r = sb.api("GET", "/portOutPin", token)
        elapsed = time.monotonic() - start
        t.ok(r.status == 200 and elapsed >= 0.15, "latency=150 delays an API answer by 150 ms (%.0f ms)"
             % (elapsed * 1000))
        start = time.monotonic()
        sb.request("GET", "/sandbox/v2.0/.well-known/openid-configuration")
        t.ok(time.monotonic() - start < 0.15, "but not discovery")


Tap().run([main])
