#!/usr/bin/env python3
# The port-out PIN against a real porta-sandbox: every rule as a table,
# never cleared, changed, revealed, audited, and never logged.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re

from sandboxlib import Sandbox, Tap, error_code

# (input, reason): reason None means the PIN is valid
TABLE = [
    ("", "empty"),
    ("1", "tooShort"),
    ("12345", "tooShort"),
    ("00000", "tooShort"),
    ("123456", None),
    ("1234567", None),
    ("12345678", None),
    ("123456789", None),
    ("1234567890", None),
    ("000000", None),
    ("099999", None),
    ("9999999999", None),
    ("73920518", None),
    ("12345678901", "tooLong"),
    ("123456789012345678901234567890", "tooLong"),
    ("12a456", "notDigits"),
    ("abcdef", "notDigits"),
    ("a", "notDigits"),
    (" 123456", "notDigits"),
    ("123456 ", "notDigits"),
    ("123 456", "notDigits"),
    ("123456\n", "notDigits"),
    ("\t123456", "notDigits"),
    ("1234567890\n", "notDigits"),
    ("12-34-56", "notDigits"),
    ("+123456", "notDigits"),
    ("-123456", "notDigits"),
    ("123456.0", "notDigits"),
    ("1e6000", "notDigits"),
    ("0x1234", "notDigits"),
    ("\uff11\uff12\uff13\uff14\uff15\uff16", "notDigits"),        # fullwidth １２３４５６
    ("\u0661\u0662\u0663\u0664\u0665\u0666", "notDigits"),        # Arabic-Indic ١٢٣٤٥٦
    ("\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6", "notDigits"),        # Persian ۱۲۳۴۵۶
    ("\u0967\u0968\u0969\u096a\u096b\u096c", "notDigits"),        # Devanagari १२३४५६
    ("\U0001d7cf\U0001d7d0\U0001d7d1\U0001d7d2\U0001d7d3\U0001d7d4", "notDigits"),  # 𝟏𝟐𝟑𝟒𝟓𝟔
    ("12345\uff16", "notDigits"),
    ("１2345", "notDigits"),
    ("123456\u200b", "notDigits"),                                # zero-width space
]


def put(sb, token, body):
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return sb.api("PUT", "/portOutPin", token, body=raw)


def check_table(t, sb, token, pin_is_set):
    state = "set" if pin_is_set else "unset"
    for value, reason in TABLE:
        if reason is None:
            continue
        r = put(sb, token, {"pin": value})
        if value == "" and pin_is_set:
            t.eq((r.status, error_code(r)), (400, "pinCannotBeCleared"),
                 "PIN %s: %r is pinCannotBeCleared" % (state, value))
            continue
        got = (r.status, error_code(r), r.json()["error"]["innerError"].get("reason") if r.status == 400 else None)
        t.eq(got, (400, "invalidPin", reason), "PIN %s: %r is invalidPin/%s" % (state, value, reason))


def main(t):
    with Sandbox() as sb:
        token = sb.token()
        r = sb.api("GET", "/portOutPin", token)
        body = r.json()
        t.eq((body["isSet"], body["lastModifiedDateTime"], body["lastModifiedBy"]), (False, None, None),
             "the PIN is unset at first")
        r = sb.api("POST", "/portOutPin/reveal", token)
        t.eq((r.status, error_code(r)), (404, "pinNotSet"), "reveal with no PIN is 404 pinNotSet")
        t.ok(len(TABLE) >= 30, "the table has at least 30 inputs (%d)" % len(TABLE))

        check_table(t, sb, token, pin_is_set=False)
        for body, name in (({"pin": None}, "null"), ({}, "missing")):
            r = put(sb, token, body)
            t.eq((r.status, error_code(r), r.json()["error"]["innerError"].get("reason")),
                 (400, "invalidPin", "empty"), "PIN unset: %s is invalidPin/empty" % name)
        for body, name in (({"pin": 123456}, "a JSON number"), ({"pin": True}, "true"),
                           ({"pin": ["123456"]}, "an array"), ("not json", "not JSON"),
                           ("[]", "not an object"), (b"", "an empty body")):
            r = put(sb, token, body)
            t.eq((r.status, error_code(r)), (400, "invalidRequest"), "%s is invalidRequest" % name)
        t.eq(sb.api("GET", "/portOutPin", token).json()["isSet"], False, "no bad input set a PIN")

        valid = [value for value, reason in TABLE if reason is None]
        for value in valid:
            r = put(sb, token, {"pin": value})
            t.eq(r.status, 204, "%r is accepted with 204" % value)
            t.eq((r.body, r.header("connection")), (b"", "close"), "with no body, and Connection: close")
            reveal = sb.api("POST", "/portOutPin/reveal", token)
            t.eq(reveal.json(), {"pin": value}, "reveal gives %r back" % value)
        t.eq(reveal.header("cache-control"), "no-store", "a revealed PIN is not cached")

        check_table(t, sb, token, pin_is_set=True)
        for body, name in (({"pin": None}, "null"), ({}, "missing")):
            r = put(sb, token, body)
            t.eq((r.status, error_code(r)), (400, "pinCannotBeCleared"), "PIN set: %s is pinCannotBeCleared" % name)
        t.eq(sb.api("POST", "/portOutPin/reveal", token).json(), {"pin": valid[-1]},
             "after every refusal the PIN is unchanged")

        r = sb.api("GET", "/portOutPin", token)
        body = r.json()
        t.eq(body["isSet"], True, "isSet")
        t.ok(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", body["lastModifiedDateTime"] or "") is not None,
             "lastModifiedDateTime is ISO 8601 UTC")
        t.eq(body["lastModifiedBy"], {"displayName": "Giulia Ferraro",
                                      "userPrincipalName": "admin@contoso.example"}, "lastModifiedBy")
        t.ok(not any(v in r.body.decode() for v in valid) and "pin" not in body,
             "GET portOutPin never carries the PIN")

        events = sb.api("GET", "/portOutPin/auditEvents?$top=1000", token).json()["value"]
        activities = [e["activity"] for e in reversed(events)]
        expected = []
        for i in range(len(valid)):
            expected += ["set" if i == 0 else "changed", "revealed"]
        expected.append("revealed")
        t.eq(activities, expected, "audit: one set, then changed, and every reveal, newest first")
        t.ok(all(e["user"]["userPrincipalName"] == "admin@contoso.example" and e["dateTime"] and e["id"]
                 for e in events), "every event has its user, dateTime and id")
        t.ok(all(v not in json.dumps(events) for v in ("73920518", "9999999999")),
             "audit events never carry the PIN")
        page = sb.api("GET", "/portOutPin/auditEvents?$top=5", token).json()
        t.ok(len(page["value"]) == 5 and "$skip=5" in page["@odata.nextLink"], "audit events page with nextLink")

        log = sb.log()
        t.ok(log.count(" request-id=") >= 90, "one log line per request on stderr", log[-500:])
        for secret in ("73920518", "9999999999", "1234567890", token):
            t.ok(secret not in log, "the log never shows %s" % ("a token" if secret == token else "a PIN"))


Tap().run([main])
