# porta_bench.py — what the Python benchmarks share: a porta-sandbox
# started on a free loopback port, read up to the URL it prints first.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import select
import subprocess
import sys

SANDBOX = os.environ.get("PORTA_SANDBOX_PATH")


def start_sandbox(args):
    """Starts porta-sandbox with @args; returns the process and its base URL.
    Exits the benchmark if it prints no URL in 30 s or exits first."""
    proc = subprocess.Popen([SANDBOX] + args,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    data = b""
    while b"\n" not in data:
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        if not ready:
            proc.kill()
            sys.exit("porta-sandbox printed no URL in 30 s")
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            sys.exit("porta-sandbox exited at start")
        data += chunk
    return proc, data.split(b"\n")[0].decode()
