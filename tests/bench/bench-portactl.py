#!/usr/bin/env python3
# portactl numbers --format json over 100,000 sandbox numbers, against
# curl fetching the same pages: the transport floor (issue 8; target: at
# most 1.5 times curl's time).
#
#   bench-portactl.py PORTACTL
#
# One porta-sandbox with --numbers 100000. portactl signs in to it once
# (the device code, approved by the sandbox at once) and keeps its sign-in
# in the keyring, as a person would; each timed run is then a whole
# `portactl numbers --format json > file`: start, keyring, token refresh,
# every page, the JSON written. The floor gets an access token the same
# way (the device code grant, by a small helper), then runs one curl per
# page with the Authorization header, following @odata.nextLink, each
# page written to a file: what a shell script with curl would do.
#
# Prints the medians and the ratio; asserts nothing about time, only that
# both saw every number. Needs a Secret Service: without one on the
# session bus, it runs itself again in a private bus with a throwaway
# gnome-keyring.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from porta_bench import SANDBOX, start_sandbox

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sandbox"))
from sandboxlib import API, CLIENT_ID, secret_service_available  # noqa: E402
from sandboxlib import WRITE_SCOPES as SCOPES  # noqa: E402

NUMBERS = int(os.environ.get("BENCH_NUMBERS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
NEXT_LINK = re.compile(rb'"@odata\.nextLink"\s*:\s*"([^"]+)"')


def in_private_session():
    """Runs this script again in a private bus with a throwaway keyring."""
    if os.environ.get("BENCH_PORTACTL_SESSION") or not shutil.which("dbus-run-session") \
            or not shutil.which("gnome-keyring-daemon"):
        sys.exit("bench-portactl: needs a Secret Service (run it in build-aux/dev.sh's session)")
    # the keyring's files too in a throwaway place, never the user's
    session = tempfile.mkdtemp(prefix="bench-portactl-session-")
    runtime = os.path.join(session, "runtime")
    os.mkdir(runtime, 0o700)
    script = ("printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
              "until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
              "org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; "
              "do sleep 0.1; done; exec \"$@\"")
    env = dict(os.environ, BENCH_PORTACTL_SESSION="1", XDG_RUNTIME_DIR=runtime,
               XDG_DATA_HOME=os.path.join(session, "data"), XDG_CONFIG_HOME=os.path.join(session, "config"))
    try:
        sys.exit(subprocess.call(["dbus-run-session", "--", "sh", "-c", script, "sh",
                                  sys.executable] + sys.argv, env=env))
    finally:
        shutil.rmtree(session, ignore_errors=True)


def access_token(base):
    """The device code grant, as portactl's sign-in does it."""
    parsed = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)

    def post(path, form):
        conn.request("POST", path, body=urllib.parse.urlencode(form),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        return json.loads(r.read())

    device = post("/sandbox/oauth2/v2.0/devicecode", {"client_id": CLIENT_ID, "scope": SCOPES})
    tokens = post("/sandbox/oauth2/v2.0/token",
                  {"client_id": CLIENT_ID, "device_code": device["device_code"],
                   "grant_type": "urn:ietf:params:oauth:grant-type:device_code"})
    conn.close()
    return tokens["access_token"]


def curl_pages(base, header_file, page_file, env):
    """One curl a page, following @odata.nextLink; returns how many
    numbers came. The nextLink is looked for at either end of the page
    (Graph writes it at one or the other) without parsing the page."""
    url = base + API + "/numberAssignments?$top=1000"
    count = 0
    while url:
        subprocess.run(["curl", "-sS", "--fail", "-H", "@" + header_file, "-o", page_file, url], check=True, env=env)
        size = os.path.getsize(page_file)
        with open(page_file, "rb") as f:
            head = f.read(4096)
            f.seek(max(0, size - 4096))
            tail = f.read()
        m = NEXT_LINK.search(head) or NEXT_LINK.search(tail)
        url = m.group(1).decode().replace("\\/", "/") if m else None
        count += 1
    return count


def curl_one_connection(base, header_file, pages, env):
    """For reference only: every page over one connection, URLs known in
    advance (not following nextLink)."""
    args = ["curl", "-sS", "--fail", "-H", "@" + header_file]
    for i in range(pages):
        args += ["-o", "/dev/null", base + API + "/numberAssignments?$top=1000&$skip=%d" % (i * 1000)]
    t0 = time.perf_counter()
    subprocess.run(args, check=True, env=env)
    return time.perf_counter() - t0


def main():
    if len(sys.argv) < 2 or SANDBOX is None:
        sys.exit("usage: PORTA_SANDBOX_PATH=… bench-portactl.py PORTACTL")
    if shutil.which("curl") is None:
        sys.exit("bench-portactl: needs curl (build-aux/dev.sh installs it)")
    if not secret_service_available():
        in_private_session()
    portactl = os.path.abspath(sys.argv[1])

    tmp = tempfile.mkdtemp(prefix="bench-portactl-")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               LANG="C.UTF-8")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "PORTA_DEBUG", "G_DEBUG", "MALLOC_CHECK_", "MALLOC_PERTURB_"):
        env.pop(name, None)
    sandbox, base = start_sandbox(["--numbers", str(NUMBERS), "--auto-approve", "--device-interval", "0",
                                   "--state-dir", os.path.join(tmp, "state")])
    try:
        r = subprocess.run([portactl, "sign-in", "--device-code", "--client-id", CLIENT_ID,
                            "--authority", base + "/sandbox", "--api", base + "/v1.0"],
                           env=env, capture_output=True, timeout=60)
        if r.returncode != 0 or b"warning" in r.stderr:
            sys.exit("portactl sign-in failed: %s" % r.stderr.decode())

        header_file = os.path.join(tmp, "authorization")
        fd = os.open(header_file, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, ("Authorization: Bearer %s\n" % access_token(base)).encode())
        os.close(fd)
        page_file = os.path.join(tmp, "page.json")
        out_file = os.path.join(tmp, "numbers.json")

        portactl_times, first_bytes, curl_times = [], [], []
        pages = 0
        # one run of each first: caches, the sandbox's first pages
        for i in range(RUNS + 1):
            with open(out_file, "wb") as out:
                t0 = time.perf_counter()
                proc = subprocess.Popen([portactl, "numbers", "--format", "json"], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                first = None
                while True:
                    chunk = proc.stdout.read1(1 << 20)
                    if not chunk:
                        break
                    if first is None and len(chunk) > 2:
                        first = time.perf_counter() - t0
                    out.write(chunk)
                err = proc.stderr.read()
                proc.wait()
                elapsed = time.perf_counter() - t0
            if proc.returncode != 0:
                sys.exit("portactl numbers failed (%d): %s" % (proc.returncode, err.decode()))

            t0 = time.perf_counter()
            pages = curl_pages(base, header_file, page_file, env)
            curl_elapsed = time.perf_counter() - t0

            if i > 0:
                portactl_times.append(elapsed)
                first_bytes.append(first or elapsed)
                curl_times.append(curl_elapsed)

        with open(out_file, "rb") as f:
            numbers = json.load(f)
        if len(numbers) < NUMBERS:
            sys.exit("portactl wrote %d numbers, expected %d or more" % (len(numbers), NUMBERS))
        one_connection = statistics.median(curl_one_connection(base, header_file, pages, env) for _ in range(3))

        p, c = statistics.median(portactl_times), statistics.median(curl_times)
        print("bench-portactl: %d numbers, %d pages of 1,000, %d runs each (medians)" % (len(numbers), pages, RUNS))
        print("  portactl numbers --format json: %6.0f ms (first bytes after %.0f ms; runs %s)"
              % (p * 1000, statistics.median(first_bytes) * 1000,
                 ", ".join("%.0f" % (x * 1000) for x in portactl_times)))
        print("  curl, one a page, via nextLink: %6.0f ms (runs %s)"
              % (c * 1000, ", ".join("%.0f" % (x * 1000) for x in curl_times)))
        print("  ratio portactl / curl:          %6.2f  (target: at most 1.5)" % (p / c))
        print("  for reference, one curl over one connection, URLs known ahead: %.0f ms (ratio %.2f)"
              % (one_connection * 1000, p / one_connection))
    finally:
        sandbox.terminate()
        sandbox.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
