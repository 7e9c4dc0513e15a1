#!/usr/bin/env python3
# What the server offers: the capability document of the normal sandbox,
# and --graph-like, which answers portOutPin, portOrders and
# portaCapabilities exactly as Microsoft Graph answers a segment it does
# not know (docs/admin-api.md, §7), while the numbers keep working.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re

from sandboxlib import Sandbox, Tap

GRAPH_LIKE = [
    ("GET", "/portOutPin", None, "portOutPin"),
    ("PUT", "/portOutPin", {"pin": "73920518"}, "portOutPin"),
    ("POST", "/portOutPin/reveal", None, "portOutPin"),
    ("GET", "/portOutPin/auditEvents", None, "portOutPin"),
    ("GET", "/portOrders", None, "portOrders"),
    ("GET", "/portOrders/abc", None, "portOrders"),
    ("POST", "/portOrders/abc/cancel", None, "portOrders"),
    ("GET", "/portaCapabilities", None, "portaCapabilities"),
]


def normal(t):
    with Sandbox() as sb:
        token = sb.token()
        r = sb.api("GET", "/portaCapabilities", token)
        t.eq(r.status, 200, "normal: portaCapabilities is 200")
        t.eq(r.json(), {"numberAssignments": True, "portOutPin": True, "portOrders": True},
             "normal: everything offered")
        t.eq(sb.api("GET", "/portOutPin", token).status, 200, "normal: portOutPin works")
        t.eq(sb.api("GET", "/portOrders", token).status, 200, "normal: portOrders works")
        t.eq(sb.api("POST", "/portaCapabilities", token).status, 405, "normal: portaCapabilities is GET only")


def graph_like(t):
    with Sandbox("--graph-like") as sb:
        token = sb.token()
        for method, path, body, segment in GRAPH_LIKE:
            r = sb.api(method, path, token, body=body)
            t.eq(r.status, 400, "graph-like: %s %s is 400" % (method, path))
            error = r.json().get("error", {})
            t.eq(error.get("code"), "BadRequest", "graph-like: %s %s code BadRequest" % (method, path))
            t.eq(error.get("message"), "Resource not found for the segment '%s'." % segment,
                 "graph-like: %s %s names the segment" % (method, path))
            inner = error.get("innerError", {})
            t.ok(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", inner.get("date") or "") is not None
                 and inner.get("request-id") and inner.get("client-request-id"),
                 "graph-like: %s %s has Graph's innerError" % (method, path), inner)
        t.eq(sb.api("GET", "/portOutPin", None).status, 401, "graph-like: the token is still checked first")
        r = sb.api("GET", "/numberAssignments?$top=5", token)
        t.eq(r.status, 200, "graph-like: numbers still work")
        t.eq(len(r.json()["value"]), 5, "graph-like: a page of numbers")
        t.ok("like Microsoft Graph" in sb.log(), "graph-like: the start-up line says so")


Tap().run([normal, graph_like])
