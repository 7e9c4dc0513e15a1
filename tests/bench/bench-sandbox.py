#!/usr/bin/env python3
# porta-sandbox at scale: --numbers 100000 startup time, resident memory
# and the latency of 1,000-number pages. Prints the figures; the targets
# from issue 3 are < 2 s, < 100 MB and < 10 ms.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import http.client
import json
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.parse

from porta_bench import SANDBOX, start_sandbox

CLIENT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
API = "/v1.0/admin/teams/telephoneNumberManagement"
NUMBERS = int(os.environ.get("BENCH_NUMBERS", "100000"))
RUNS = 5
PAGES = 200


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def start(state_dir):
    t0 = time.perf_counter()
    proc, base = start_sandbox(["--numbers", str(NUMBERS), "--auto-approve", "--state-dir", state_dir])
    return proc, base, time.perf_counter() - t0


def post_form(conn, path, form):
    conn.request("POST", path, body=urllib.parse.urlencode(form),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    return json.loads(r.read())


def timed_get(conn, path, token):
    t0 = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    body = r.read()
    elapsed = time.perf_counter() - t0
    assert r.status == 200, body[:200]
    return elapsed, body


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    if SANDBOX is None:
        sys.exit("PORTA_SANDBOX_PATH is not set")
    rng = random.Random(3)
    startups = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            proc, base, seconds = start(os.path.join(tmp, "s%d" % i))
            startups.append(seconds)
            if i < RUNS - 1:
                proc.terminate()
                proc.wait()

        rss_start = rss_mb(proc.pid)
        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        device = post_form(conn, "/sandbox/oauth2/v2.0/devicecode",
                           {"client_id": CLIENT_ID, "scope": "TeamsTelephoneNumber.Read.All"})
        token = post_form(conn, "/sandbox/oauth2/v2.0/token",
                          {"client_id": CLIENT_ID, "device_code": device["device_code"],
                           "grant_type": "urn:ietf:params:oauth:grant-type:device_code"})["access_token"]

        # every number once, following nextLink, as the Voice page does
        t0 = time.perf_counter()
        path = API + "/numberAssignments?$top=1000"
        total = 0
        while path:
            _, body = timed_get(conn, path, token)
            page = json.loads(body)
            total += len(page["value"])
            link = page.get("@odata.nextLink")
            path = urllib.parse.urlsplit(link)._replace(scheme="", netloc="").geturl() if link else None
        walk = time.perf_counter() - t0

        plain = []
        size = 0
        for _ in range(PAGES):
            skip = rng.randrange(0, NUMBERS - 1000)
            elapsed, body = timed_get(conn, API + "/numberAssignments?$top=1000&$skip=%d" % skip, token)
            plain.append(elapsed)
            size = len(body)

        filtered = []
        query = urllib.parse.quote("assignmentStatus eq 'unassigned' and capabilities/any(c:c eq 'userAssignment')")
        for _ in range(50):
            skip = rng.randrange(0, 5000)
            elapsed, _ = timed_get(conn, API + "/numberAssignments?$top=1000&$skip=%d&$filter=%s" % (skip, query),
                                   token)
            filtered.append(elapsed)
        rss_end = rss_mb(proc.pid)
        conn.close()
        proc.terminate()
        proc.wait()

    ms = lambda s: s * 1000.0
    print("porta-sandbox --numbers %d (%d numbers served with ported-in ones)" % (NUMBERS, total))
    print("  startup to first stdout line: median %.0f ms, max %.0f ms over %d runs   (target < 2000 ms)"
          % (ms(statistics.median(startups)), ms(max(startups)), RUNS))
    print("  resident memory: %.1f MB after start, %.1f MB after %d pages   (target < 100 MB)"
          % (rss_start, rss_end, PAGES + 150))
    print("  page of 1000 numbers ($top=1000, random $skip, %d KB): median %.2f ms, p95 %.2f ms, max %.2f ms"
          "   (target < 10 ms)" % (size // 1024, ms(statistics.median(plain)), ms(percentile(plain, 95)),
                                   ms(max(plain))))
    print("  filtered page (unassigned and capabilities/any userAssignment): median %.2f ms, p95 %.2f ms"
          % (ms(statistics.median(filtered)), ms(percentile(filtered, 95))))
    print("  every number via nextLink: %.0f ms" % ms(walk))
    met = (max(startups) < 2 and rss_end < 100 and statistics.median(plain) < 0.010)
    print("  targets met: %s" % ("yes" if met else "NO"))


if __name__ == "__main__":
    main()
