# sandboxlib.py — drive a real porta-sandbox process from a TAP test
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Only the standard library: the tests run wherever python3 does.

import base64
import hashlib
import http.client
import json
import os
import re
import secrets
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

SANDBOX = os.environ.get("PORTA_SANDBOX_PATH")
CLIENT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
API = "/v1.0/admin/teams/telephoneNumberManagement"
WRITE_SCOPES = "TeamsTelephoneNumber.ReadWrite.All offline_access openid profile"
READ_SCOPES = "TeamsTelephoneNumber.Read.All offline_access openid profile"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


class Sandbox:
    """A porta-sandbox on a free loopback port, stopped at exit."""

    def __init__(self, *args, state_dir=None, auto_approve=True, numbers=300, seed=None):
        self._tmp = None
        if state_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="porta-sandbox-test-")
            state_dir = os.path.join(self._tmp.name, "state")
        self.state_dir = state_dir
        self.state_path = os.path.join(state_dir, "state.json")
        self.log_path = os.path.join(tempfile.gettempdir(),
                                     "porta-sandbox-%d-%s.log" % (os.getpid(), secrets.token_hex(4)))
        cmd = [SANDBOX, "--state-dir", state_dir, "--numbers", str(numbers)]
        if seed is not None:
            cmd += ["--seed", str(seed)]
        if auto_approve:
            cmd.append("--auto-approve")
        cmd += list(args)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._log,
                                     stdin=subprocess.DEVNULL)
        self.base = self._first_line()
        parsed = urllib.parse.urlsplit(self.base)
        self.host, self.port = parsed.hostname, parsed.port
        self._conn = None

    def _first_line(self):
        deadline = time.monotonic() + 10
        data = b""
        fd = self.proc.stdout.fileno()
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0:
                self.proc.kill()
                raise RuntimeError("porta-sandbox printed no URL within 10 s")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise RuntimeError("porta-sandbox exited: %s" % self.log())
                data += chunk
        return data.split(b"\n", 1)[0].decode()

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def request(self, method, path, body=None, token=None, headers=None, form=None,
                keep_alive=False, timeout=30):
        hdrs = dict(headers or {})
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = body if isinstance(body, (bytes, str)) else json.dumps(body)
            if isinstance(data, str):
                data = data.encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        if token is not None:
            hdrs["Authorization"] = "Bearer " + token
        if path.startswith("http"):
            split = urllib.parse.urlsplit(path)
            path = split.path + ("?" + split.query if split.query else "")
        if keep_alive:
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            conn = self._conn
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            payload = resp.read()
            return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, payload)
        finally:
            if not keep_alive:
                conn.close()

    def api(self, method, path, token, body=None, **kw):
        return self.request(method, API + path, body=body, token=token, **kw)

    def token_response(self, scope=WRITE_SCOPES):
        """Signs in with the device flow; the sandbox must auto-approve."""
        r = self.request("POST", "/sandbox/oauth2/v2.0/devicecode",
                         form={"client_id": CLIENT_ID, "scope": scope})
        assert r.status == 200, r
        device_code = r.json()["device_code"]
        r = self.request("POST", "/sandbox/oauth2/v2.0/token",
                         form={"client_id": CLIENT_ID, "grant_type": DEVICE_GRANT,
                               "device_code": device_code})
        assert r.status == 200, r
        return r.json()

    def token(self, scope=WRITE_SCOPES):
        return self.token_response(scope)["access_token"]

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def close(self):
        self.stop()
        self._log.close()
        self.proc.stdout.close()
        try:
            os.unlink(self.log_path)
        except OSError:
            pass
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def pkce_pair():
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def jwt_payload(token):
    parts = token.split(".")
    assert len(parts) == 3, "not header.payload.signature"
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    return json.loads(base64.urlsafe_b64decode(payload))


def fetch_all(sb, token, path, top=None, filter=None, limit=10000):
    """Follows @odata.nextLink; returns every item."""
    query = {}
    if top is not None:
        query["$top"] = str(top)
    if filter is not None:
        query["$filter"] = filter
    url = API + path + ("?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote) if query else "")
    items = []
    for _ in range(limit):
        r = sb.request("GET", url, token=token, keep_alive=True)
        assert r.status == 200, r
        page = r.json()
        items.extend(page["value"])
        url = page.get("@odata.nextLink")
        if url is None:
            return items
    raise AssertionError("nextLink never ended")


def quote_filter(text):
    return urllib.parse.quote(text, safe="")


class Tap:
    """A minimal TAP producer: nothing else may go to stdout."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, name, diagnostic=None):
        self.count += 1
        if not condition:
            self.failed += 1
        print("%s %d - %s" % ("ok" if condition else "not ok", self.count, name))
        if not condition and diagnostic is not None:
            for line in str(diagnostic).splitlines():
                print("# " + line)
        sys.stdout.flush()
        return condition

    def eq(self, got, expected, name, diagnostic=None):
        return self.ok(got == expected, name,
                       "got %r, expected %r%s" % (got, expected,
                                                  "" if diagnostic is None else "\n%s" % (diagnostic,)))

    def note(self, text):
        for line in str(text).splitlines():
            print("# " + line)

    def run(self, tests):
        if SANDBOX is None or not os.access(SANDBOX, os.X_OK):
            print("1..0 # SKIP PORTA_SANDBOX_PATH does not name the porta-sandbox binary")
            sys.exit(0)
        for test in tests:
            try:
                test(self)
            except Exception:
                self.ok(False, "%s raised" % test.__name__, traceback.format_exc())
        print("1..%d" % self.count)
        sys.exit(1 if self.failed else 0)


def error_code(response):
    try:
        return response.json()["error"]["code"]
    except Exception:
        return None


def oauth_error(response):
    try:
        return response.json()["error"]
    except Exception:
        return None


def form_value(html, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), html)
    return m.group(1) if m else None


def secret_service_available():
    """Whether a Secret Service (a keyring) answers on the session bus:
    what portactl's sign-in needs to keep its tokens."""
    try:
        out = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                              "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                              "string:org.freedesktop.secrets"], capture_output=True, timeout=10)
        return b"true" in out.stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
