#!/usr/bin/env python3
# userConfigurations against a real porta-sandbox: Graph v1.0's shape and
# accountType enum, a person behind every user and resource-account number,
# paging by @odata.nextLink, $select, $expand=user, $filter (eq and
# startswith), and the 403 for a token without TeamsUserConfiguration.Read.All.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import urllib.parse

from sandboxlib import API, READ_SCOPES, Sandbox, Tap, error_code, fetch_all, quote_filter

PEOPLE = "/v1.0/admin/teams/userConfigurations"
SCOPES = READ_SCOPES + " TeamsUserConfiguration.Read.All"
ACCOUNT_TYPES = {"user", "resourceAccount", "guest", "sfbOnPremUser", "unknown", "unknownFutureValue",
                 "ineligibleUser"}
PROPERTIES = {"id", "userPrincipalName", "tenantId", "effectivePolicyAssignments", "telephoneNumbers",
              "isEnterpriseVoiceEnabled", "featureTypes", "accountType", "createdDateTime", "modifiedDateTime"}
N = 1500


def get(sb, token, **query):
    url = PEOPLE
    if query:
        url += "?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    return sb.request("GET", url, token=token, keep_alive=True)


def all_people(sb, token, **query):
    items, pages = [], 0
    r = get(sb, token, **query)
    while True:
        assert r.status == 200, r
        page = r.json()
        pages += 1
        items.extend(page["value"])
        link = page.get("@odata.nextLink")
        if link is None:
            return items, pages
        r = sb.request("GET", link[len(sb.base):], token=token, keep_alive=True)


def test_people(t, sb, token):
    everyone, pages = all_people(sb, token)
    numbers = fetch_all(sb, token, "/numberAssignments", top=1000)
    t.ok(pages > 1, "more than one page by default", pages)
    t.eq(len({p["id"] for p in everyone}), len(everyone), "no person twice across pages")
    t.eq([p for p in everyone if set(p) != PROPERTIES], [], "exactly Graph's properties")
    t.ok({p["accountType"] for p in everyone} <= ACCOUNT_TYPES, "accountType values are Graph's")
    t.ok({"user", "resourceAccount"} <= {p["accountType"] for p in everyone}, "users and resource accounts")
    by_id = {p["id"]: p for p in everyone}
    for n in numbers:
        status = n["assignmentStatus"]
        if status in ("userAssigned", "voiceApplicationAssigned"):
            p = by_id.get(n["assignmentTargetId"])
            if p is None:
                t.ok(False, "a person behind " + n["telephoneNumber"])
                return
            want = "resourceAccount" if status == "voiceApplicationAssigned" else ("user", "sfbOnPremUser")
            if p["accountType"] not in want or p["telephoneNumbers"][0]["telephoneNumber"] != n["telephoneNumber"]:
                t.ok(False, "the person matches " + n["telephoneNumber"], p)
                return
    t.ok(True, "every user and resource-account number has its person")
    upns = [p["userPrincipalName"] for p in everyone]
    t.eq(len(set(u.lower() for u in upns)), len(upns), "user principal names are unique")
    t.ok(all(re.fullmatch(r"[a-z0-9.]+@contoso\.onmicrosoft\.com", u) for u in upns), "UPNs look real", upns[:3])
    return everyone


def test_query(t, sb, token, everyone):
    r = get(sb, token, **{"$top": "7"})
    t.eq(len(r.json()["value"]), 7, "$top=7 gives 7")
    link = r.json()["@odata.nextLink"]
    t.ok("$skiptoken=" in link and "$top=7" in link, "nextLink carries $top and a $skiptoken", link)
    r = get(sb, token, **{"$select": "id,userPrincipalName,accountType"})
    t.eq({tuple(sorted(p)) for p in r.json()["value"]}, {("accountType", "id", "userPrincipalName")},
         "$select picks the properties")
    r = get(sb, token, **{"$select": "id,userPrincipalName", "$expand": "user($select=displayName)", "$top": "5"})
    users = [p["user"] for p in r.json()["value"]]
    t.ok(all(set(u) == {"id", "displayName"} and u["displayName"] for u in users),
         "$expand=user($select=displayName) gives the name", users[:1])
    t.ok("$expand=user(%24select%3DdisplayName)" in r.json()["@odata.nextLink"]
         or "$expand=user($select=displayName)" in urllib.parse.unquote(r.json()["@odata.nextLink"]),
         "nextLink keeps $expand")
    italian = [p for p in r.json()["value"]]
    t.ok(len(italian) == 5, "five people expanded")

    for account_type in ("user", "resourceAccount"):
        got, _ = all_people(sb, token, **{"$filter": "accountType eq '%s'" % account_type})
        want = [p for p in everyone if p["accountType"] == account_type]
        t.eq([p["id"] for p in got], [p["id"] for p in want], "$filter accountType eq '%s'" % account_type)

    someone = everyone[len(everyone) // 2]["userPrincipalName"]
    got, _ = all_people(sb, token, **{"$filter": "userPrincipalName eq '%s'" % someone.upper()})
    t.eq([p["userPrincipalName"] for p in got], [someone], "$filter userPrincipalName eq, any case")
    prefix = someone.split(".")[0]
    got, _ = all_people(sb, token, **{"$filter": "startswith(userPrincipalName,'%s')" % prefix})
    want = [p["id"] for p in everyone if p["userPrincipalName"].startswith(prefix)]
    t.ok(len(want) >= 1 and [p["id"] for p in got] == want, "$filter startswith(userPrincipalName, …)")
    got, _ = all_people(sb, token, **{"$filter": "startswith(userPrincipalName,'%s') and accountType eq 'user'"
                                                 % prefix})
    t.ok(all(p["accountType"] == "user" for p in got), "startswith and accountType together")

    for query, name in [({"$filter": "accountType eq 'robot'"}, "an unknown accountType"),
                        ({"$filter": "startswith(accountType,'u')"}, "startswith on accountType"),
                        ({"$filter": "tenantId eq 'x'"}, "an unfilterable property"),
                        ({"$select": "id,colour"}, "an unknown $select"),
                        ({"$expand": "manager"}, "an unknown $expand"),
                        ({"$top": "0"}, "$top=0"),
                        ({"$skiptoken": "nonsense"}, "a forged $skiptoken")]:
        r = get(sb, token, **query)
        t.eq(r.status, 400, "%s is a 400" % name, r)


def test_forbidden(t):
    with Sandbox(numbers=200) as sb:
        r = get(sb, sb.token(READ_SCOPES))
        t.eq((r.status, error_code(r)), (403, "Forbidden"), "no TeamsUserConfiguration.Read.All: 403")
        t.ok("innerError" in r.json()["error"], "the 403 in Graph's error shape", r)
    with Sandbox("--withhold-scope", "TeamsUserConfiguration.Read.All", numbers=200) as sb:
        response = sb.token_response(SCOPES)
        granted = response["scope"].split()
        t.ok("TeamsUserConfiguration.Read.All" not in granted, "--withhold-scope: not granted", granted)
        token = response["access_token"]
        t.eq(get(sb, token).status, 403, "--withhold-scope: people are a 403")
        t.eq(sb.request("GET", API + "/numberAssignments?$top=1", token=token).status, 200,
             "--withhold-scope: numbers still work")


def main(t):
    with Sandbox(numbers=N) as sb:
        token = sb.token(SCOPES)
        everyone = test_people(t, sb, token)
        test_query(t, sb, token, everyone)
    test_forbidden(t)


Tap().run([main])
