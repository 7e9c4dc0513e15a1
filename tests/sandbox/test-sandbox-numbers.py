#!/usr/bin/env python3
# numberAssignments against a real porta-sandbox: Graph v1.0's shape and
# enums, paging with $top/$skip/@odata.nextLink, and every $filter form.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import collections
import re

from sandboxlib import API, Sandbox, Tap, error_code, fetch_all, quote_filter

# microsoft.graph.teamsAdministration, Graph v1.0
ENUMS = {
    "numberType": {"internalError", "directRouting", "callingPlan", "operatorConnect", "unknownFutureValue"},
    "activationState": {"activated", "assignmentPending", "assignmentFailed", "updatePending", "updateFailed",
                        "unknownFutureValue"},
    "assignmentStatus": {"unassigned", "internalError", "userAssigned", "conferenceAssigned",
                         "voiceApplicationAssigned", "thirdPartyAppAssigned", "policyAssigned",
                         "unknownFutureValue"},
    "assignmentCategory": {None, "primary", "private", "alternate", "unknownFutureValue"},
    "portInStatus": {None, "completed", "firmOrderCommitmentAccepted", "unknownFutureValue"},
    "numberSource": {"online", "onPremises", "unknownFutureValue"},
}
COLLECTIONS = {
    "capabilities": {"conferenceAssignment", "voiceApplicationAssignment", "userAssignment", "teamsPhoneMobile",
                     "unknownFutureValue"},
    "supportedCustomerActions": {"locationUpdate", "release", "unknownFutureValue"},
    "reverseNumberLookupOptions": {"skipInternalVoip", "unknownFutureValue"},
}
PROPERTIES = ["id", "telephoneNumber", "operatorId", "numberType", "activationState", "capabilities",
              "assignmentStatus", "assignmentCategory", "assignmentTargetId", "portInStatus", "numberSource",
              "supportedCustomerActions", "reverseNumberLookupOptions", "city", "civicAddressId",
              "isoCountryCode", "locationId", "networkSiteId"]
STRING_PROPERTIES = ["telephoneNumber", "operatorId", "assignmentTargetId", "civicAddressId", "isoCountryCode",
                     "locationId", "networkSiteId"]
N = 2500


def get(sb, token, query):
    return sb.request("GET", API + "/numberAssignments" + query, token=token, keep_alive=True)


def test_shape(t, sb, token, everything):
    r = get(sb, token, "?$top=3")
    page = r.json()
    t.eq(page["@odata.context"],
         sb.base + "/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments",
         "@odata.context as Graph's")
    t.ok(r.header("content-type").startswith("application/json"), "JSON content type")
    bad = [n for n in everything if sorted(k for k in n if not k.startswith("@")) != sorted(PROPERTIES)]
    t.eq(len(bad), 0, "every number has exactly Graph's properties", bad[:1])
    for prop, values in ENUMS.items():
        seen = {n[prop] for n in everything}
        t.ok(seen <= values, "%s values are Graph's" % prop, seen - values)
    for prop, values in COLLECTIONS.items():
        seen = {v for n in everything for v in n[prop]}
        t.ok(seen <= values, "%s values are Graph's" % prop, seen - values)
    t.ok(all(re.fullmatch(r"\+[1-9]\d{7,14}", n["telephoneNumber"]) for n in everything),
         "telephoneNumber is E.164 with a +")
    numbers = [n["telephoneNumber"] for n in everything]
    inversions = [(a, b) for a, b in zip(numbers, numbers[1:]) if a >= b]
    t.eq(inversions[:3], [], "sorted by telephoneNumber, each once")
    ids_ok = all(base64.urlsafe_b64decode(n["id"] + "=" * (-len(n["id"]) % 4)).decode().endswith(
        "|" + n["telephoneNumber"]) for n in everything)
    t.ok(ids_ok, "id is base64url of tenant|number, as Graph's")
    mix = collections.Counter(n["numberType"] for n in everything)
    t.ok(all(mix[k] > N * 0.05 for k in ("callingPlan", "directRouting", "operatorConnect")),
         "a realistic mix of number types", mix)
    status = collections.Counter(n["assignmentStatus"] for n in everything)
    t.ok(len(status) >= 5, "a realistic mix of assignment statuses", status)
    countries = collections.Counter(n["isoCountryCode"] for n in everything)
    t.ok(countries["US"] > N * 0.2 and countries["IT"] > N * 0.2 and len(countries) >= 5,
         "US and Italian numbers and a few other countries", countries)
    cities = {n["city"] for n in everything}
    t.ok({"Milano", "Roma", "Torino", "Napoli", "New York", "Chicago"} <= cities, "the demo cities", cities)
    assigned = [n for n in everything if n["assignmentStatus"] != "unassigned"]
    t.ok(all(n["assignmentTargetId"] for n in assigned), "assigned numbers have a target")
    t.ok(all(n["assignmentTargetId"] is None for n in everything if n["assignmentStatus"] == "unassigned"),
         "unassigned numbers have none")


def test_paging(t, sb, token, everything):
    orders = sb.request("GET", API + "/portOrders", token=token).json()["value"]
    ported = {num for o in orders if o["direction"] == "portIn" and o["status"] == "completed"
              for num in o["telephoneNumbers"]}
    total = N + len(ported)
    t.eq(len(everything), total, "$top=1000 with nextLink gives every number (%d generated, %d ported in)"
         % (N, len(ported)))
    ids = [n["id"] for n in everything]
    t.eq(len(set(ids)), total, "each exactly once")
    t.ok(all(n["portInStatus"] == "completed" for n in everything if n["telephoneNumber"] in ported),
         "numbers of a completed port-in are in the tenant, portInStatus completed")
    r = get(sb, token, "")
    page = r.json()
    t.eq(len(page["value"]), 500, "$top defaults to 500")
    t.ok("$skip=500" in page["@odata.nextLink"], "nextLink continues at 500", page["@odata.nextLink"])
    t.ok(page["@odata.nextLink"].startswith(sb.base + API + "/numberAssignments?"), "nextLink is absolute")
    r = get(sb, token, "?$top=1000&$skip=%d" % (total - 10))
    page = r.json()
    t.eq(len(page["value"]), 10, "the last page has what is left")
    t.ok("@odata.nextLink" not in page, "and no nextLink")
    t.eq([n["id"] for n in page["value"]], ids[-10:], "$skip skips")
    r = get(sb, token, "?$top=1000&$skip=%d" % total)
    t.eq((r.status, r.json()["value"]), (200, []), "$skip past the end is an empty page")
    r = get(sb, token, "?$Top=7")
    t.eq(len(r.json()["value"]), 7, "$Top is case-insensitive, as in Graph")
    r = get(sb, token, "?$top=1000")
    t.eq(len(r.json()["value"]), 1000, "$top=1000 is allowed")
    for bad in ("1001", "0", "-1", "abc", "", "1e3"):
        r = get(sb, token, "?$top=" + bad)
        t.eq((r.status, error_code(r)), (400, "invalidRequest"), "$top=%s is a 400 invalidRequest" % bad)
    for bad in ("-1", "x"):
        r = get(sb, token, "?$skip=" + bad)
        t.eq(r.status, 400, "$skip=%s is a 400" % bad)


def test_get_one(t, sb, token, everything):
    some = everything[123]
    r = sb.request("GET", API + "/numberAssignments/" + some["id"], token=token)
    t.eq(r.status, 200, "GET numberAssignments/{id}")
    one = r.json()
    t.eq(one["@odata.context"],
         sb.base + "/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments/$entity",
         "the entity's @odata.context")
    del one["@odata.context"]
    t.eq(one, some, "the same object as in the list")
    for bad in ("nope", "QUJD", some["id"][:-3]):
        r = sb.request("GET", API + "/numberAssignments/" + bad, token=token)
        t.eq((r.status, error_code(r)), (404, "itemNotFound"), "unknown id %s is 404 itemNotFound" % bad)


def expect_filter(t, sb, token, everything, text, predicate, name):
    expected = [n["id"] for n in everything if predicate(n)]
    got = [n["id"] for n in fetch_all(sb, token, "/numberAssignments", top=1000, filter=text)]
    t.ok(got == expected and len(expected) > 0, "%s (%d matches)" % (name, len(expected)),
         "filter %r: got %d, expected %d" % (text, len(got), len(expected)))


def test_filters(t, sb, token, everything):
    for prop, values in ENUMS.items():
        present = collections.Counter(n[prop] for n in everything)
        for value in sorted(v for v in values if v in present and v is not None):
            expect_filter(t, sb, token, everything, "%s eq '%s'" % (prop, value),
                          lambda n, p=prop, v=value: n[p] == v, "%s eq '%s'" % (prop, value))
        if None in present:
            expect_filter(t, sb, token, everything, "%s eq null" % prop,
                          lambda n, p=prop: n[p] is None, "%s eq null" % prop)
    for prop in STRING_PROPERTIES:
        values = [n[prop] for n in everything if n[prop] is not None]
        value = values[len(values) // 2]
        expect_filter(t, sb, token, everything, "%s eq '%s'" % (prop, value),
                      lambda n, p=prop, v=value: (n[p] or "").lower() == value.lower(),
                      "%s eq '…'" % prop)
    for prop in ("locationId", "networkSiteId"):
        expect_filter(t, sb, token, everything, "%s eq null" % prop, lambda n, p=prop: n[p] is None,
                      "%s eq null" % prop)
    for prop, values in COLLECTIONS.items():
        present = {v for n in everything for v in n[prop]}
        for value in sorted(present):
            expect_filter(t, sb, token, everything, "%s/any(c:c eq '%s')" % (prop, value),
                          lambda n, p=prop, v=value: v in n[p], "%s/any(c:c eq '%s')" % (prop, value))
    expect_filter(t, sb, token, everything,
                  "assignmentStatus eq 'unassigned' and capabilities/any(c:c eq 'userAssignment')",
                  lambda n: n["assignmentStatus"] == "unassigned" and "userAssignment" in n["capabilities"],
                  "Graph's own example: unassigned and capabilities/any userAssignment")
    expect_filter(t, sb, token, everything,
                  "numberType eq 'callingPlan' and isoCountryCode eq 'IT' and activationState eq 'activated'",
                  lambda n: n["numberType"] == "callingPlan" and n["isoCountryCode"] == "IT"
                  and n["activationState"] == "activated", "three conditions joined by and")
    expect_filter(t, sb, token, everything, "(numberType eq 'DirectRouting')  AND  (numberSource eq 'online')",
                  lambda n: n["numberType"] == "directRouting" and n["numberSource"] == "online",
                  "parentheses, AND, spacing and enum case as in Graph's docs")
    r = get(sb, token, "?$top=5&$filter=" + quote_filter("numberType eq 'callingPlan'"))
    link = r.json()["@odata.nextLink"]
    t.ok("$filter=" in link and "$skip=5" in link, "nextLink keeps the filter", link)
    one = everything[7]["telephoneNumber"]
    r = get(sb, token, "?$filter=" + quote_filter("telephoneNumber eq '%s'" % one))
    t.eq([n["telephoneNumber"] for n in r.json()["value"]], [one], "telephoneNumber eq finds one number")

    bad_filters = [
        ("id eq 'abc'", "id cannot be filtered"),
        ("city eq 'Milano'", "city cannot be filtered"),
        ("numberType ne 'callingPlan'", "ne is not supported"),
        ("numberType eq 'callingPlan' or numberType eq 'directRouting'", "or is not supported"),
        ("numberType eq 'fax'", "an unknown enum value"),
        ("colour eq 'blue'", "an unknown property"),
        ("capabilities eq 'userAssignment'", "eq on a collection"),
        ("numberType/any(c:c eq 'x')", "any() on a single value"),
        ("numberType eq 'callingPlan", "an unclosed string"),
        ("startswith(telephoneNumber,'+39')", "functions"),
        ("numberType eq", "a missing value"),
        ("numberSource eq null", "null on a property that is never null"),
    ]
    for text, name in bad_filters:
        r = get(sb, token, "?$filter=" + quote_filter(text))
        t.eq((r.status, error_code(r)), (400, "invalidRequest"), "$filter with %s is a 400" % name)


def test_deterministic(t, sb, everything):
    with Sandbox(numbers=N) as same, Sandbox(numbers=N, seed=2) as other:
        a = fetch_all(same, same.token(), "/numberAssignments", top=1000)
        b = fetch_all(other, other.token(), "/numberAssignments", top=1000)
        t.ok(a == everything, "the same seed gives the same numbers")
        t.ok([n["telephoneNumber"] for n in b] != [n["telephoneNumber"] for n in a],
             "another seed gives other numbers")


def main(t):
    with Sandbox(numbers=N) as sb:
        token = sb.token()
        everything = fetch_all(sb, token, "/numberAssignments", top=1000)
        test_paging(t, sb, token, everything)
        test_shape(t, sb, token, everything)
        test_get_one(t, sb, token, everything)
        test_filters(t, sb, token, everything)
        test_deterministic(t, sb, everything)


Tap().run([main])
