#!/usr/bin/env python3
# Port orders against a real porta-sandbox: the demo set, listing and
# filters, every status × action pair, create validation, and orders
# advancing with --order-speed.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import time

from sandboxlib import API, Sandbox, Tap, error_code, fetch_all, quote_filter

STATUSES = ["processing", "contactingCarrier", "transferApproved", "transferPending", "error", "completed",
            "cancelled"]
CAN_CANCEL = {"processing", "contactingCarrier", "transferApproved", "error"}
CAN_CHANGE_FOC = {"transferApproved"}


def iso(days=0, seconds=0):
    when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days, seconds=seconds)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def good_order(**changes):
    order = {"displayName": "Torino warehouse", "telephoneNumbers": ["+390117770001", "+390117770002"],
             "carrierName": "TIM", "accountNumber": "TO-4411", "billingTelephoneNumber": "+390117770000",
             "carrierPin": "8841", "requestedFocDateTime": iso(days=8), "authorizedBy": "Giulia Ferraro"}
    order.update(changes)
    return {k: v for k, v in order.items() if v is not Ellipsis}


def details(response):
    return {(d["target"], d["code"]) for d in response.json()["error"]["innerError"]["details"]}


def test_demo_and_list(t, sb, token):
    orders = fetch_all(sb, token, "/portOrders", top=5)
    t.ok(10 <= len(orders) <= 14, "about a dozen demo orders (%d)" % len(orders))
    for direction in ("portIn", "portOut"):
        for status in STATUSES:
            if direction == "portOut" and status in ("contactingCarrier", "transferPending"):
                continue
            t.ok(any(o["direction"] == direction and o["status"] == status for o in orders),
                 "a demo %s order is %s" % (direction, status))
    fields = {"id", "displayName", "direction", "status", "createdDateTime", "lastModifiedDateTime",
              "telephoneNumbers", "carrierName", "requestedFocDateTime", "focDateTime", "error", "pinVerified",
              "statusHistory"}
    t.ok(all(fields <= set(o) for o in orders), "every order has the contract's fields")
    t.ok(all("carrierPin" not in o for o in orders), "carrierPin is never returned")
    t.ok(all((o["pinVerified"] is None) == (o["direction"] == "portIn") for o in orders),
         "pinVerified is set on port-out orders only")
    t.ok(all((o["error"] is not None) == (o["status"] == "error") for o in orders),
         "error (code, message) only on orders in error")
    t.ok(all(o["statusHistory"] and o["statusHistory"][-1]["status"] == o["status"] for o in orders),
         "statusHistory ends with the current status")
    t.ok(all({"status", "dateTime", "note"} <= set(h) for o in orders for h in o["statusHistory"]),
         "history entries have status, dateTime, note")
    created = [o["createdDateTime"] for o in orders]
    t.eq(created, sorted(created, reverse=True), "newest first")
    t.eq(len({o["id"] for o in orders}), len(orders), "paging with $top=5 and nextLink gives each once")

    for text, keep in (("status eq 'error'", lambda o: o["status"] == "error"),
                       ("direction eq 'portOut'", lambda o: o["direction"] == "portOut"),
                       ("status eq 'cancelled' and direction eq 'portIn'",
                        lambda o: o["status"] == "cancelled" and o["direction"] == "portIn")):
        got = fetch_all(sb, token, "/portOrders", filter=text)
        t.eq([o["id"] for o in got], [o["id"] for o in orders if keep(o)], "$filter=%s" % text)
    for text in ("carrierName eq 'TIM'", "status eq 'done'", "direction eq 'sideways'", "status ne 'error'"):
        r = sb.api("GET", "/portOrders?$filter=" + quote_filter(text), token)
        t.eq((r.status, error_code(r)), (400, "invalidRequest"), "$filter=%s is a 400" % text)
    r = sb.api("GET", "/portOrders?$top=1001", token)
    t.eq(r.status, 400, "$top=1001 is a 400")
    one = orders[3]
    r = sb.api("GET", "/portOrders/" + one["id"], token)
    got = r.json()
    got.pop("@odata.context")
    t.eq(got, one, "GET portOrders/{id}")
    r = sb.api("GET", "/portOrders/00000000-0000-4000-8000-000000000000", token)
    t.eq((r.status, error_code(r)), (404, "itemNotFound"), "an unknown order is 404")
    return orders


def test_status_actions(t, sb, token, orders):
    for direction in ("portIn", "portOut"):
        for status in STATUSES:
            order = next((o for o in orders if o["direction"] == direction and o["status"] == status), None)
            if order is None:
                continue
            r = sb.api("PATCH", "/portOrders/" + order["id"], token, body={"requestedFocDateTime": iso(days=10)})
            if status in CAN_CHANGE_FOC:
                t.eq(r.status, 200, "%s %s: change FOC date is allowed" % (direction, status))
                t.eq((r.json()["status"], r.json()["focDateTime"][:10]), (status, iso(days=10)[:10]),
                     "and moves the FOC date, status unchanged")
            else:
                t.eq((r.status, error_code(r)), (409, "invalidStateTransition"),
                     "%s %s: change FOC date is 409 invalidStateTransition" % (direction, status))
            r = sb.api("POST", "/portOrders/%s/cancel" % order["id"], token)
            if status in CAN_CANCEL:
                t.eq((r.status, r.json()["status"]), (200, "cancelled"), "%s %s: cancel is allowed" % (direction, status))
                t.ok("Giulia Ferraro" in r.json()["statusHistory"][-1]["note"], "and the history says who")
                r = sb.api("POST", "/portOrders/%s/cancel" % order["id"], token)
                t.eq(r.status, 409, "%s %s: cancelling again is 409" % (direction, status))
            else:
                t.eq((r.status, error_code(r)), (409, "invalidStateTransition"),
                     "%s %s: cancel is 409 invalidStateTransition" % (direction, status))
    approved = sb.api("POST", "/portOrders", token, body=good_order(telephoneNumbers=["+390117779999"])).json()
    r = sb.api("PATCH", "/portOrders/" + approved["id"], token, body={"status": "completed"})
    t.ok(r.status == 400 and ("status", "readOnly") in details(r), "PATCH of status is a 400 readOnly")
    r = sb.api("PATCH", "/portOrders/" + approved["id"], token, body={"requestedFocDateTime": iso(days=2)})
    t.ok(r.status == 400 and ("requestedFocDateTime", "tooSoon") in details(r), "PATCH to a near FOC is tooSoon")


def test_create(t, sb, token):
    r = sb.api("POST", "/portOrders", token, body=good_order())
    t.eq(r.status, 201, "a valid port-in order is created")
    order = r.json()
    t.eq((order["status"], order["direction"]), ("processing", "portIn"), "as a processing port-in")
    t.eq(r.header("Location"), sb.base + API + "/portOrders/" + order["id"], "Location names it")
    t.ok("carrierPin" not in order and "8841" not in r.body.decode(), "the carrier PIN is not echoed")
    t.eq(sb.api("GET", "/portOrders/" + order["id"], token).status, 200, "and can be read back")

    tenant = sb.api("GET", "/numberAssignments?$top=1", token).json()["value"][0]["telephoneNumber"]
    cases = [
        (good_order(displayName=...), ("displayName", "required"), "no displayName"),
        (good_order(displayName="   "), ("displayName", "required"), "a blank displayName"),
        (good_order(displayName="x" * 101), ("displayName", "invalidValue"), "a displayName over 100"),
        (good_order(telephoneNumbers=...), ("telephoneNumbers", "required"), "no numbers"),
        (good_order(telephoneNumbers=[]), ("telephoneNumbers", "required"), "an empty number list"),
        (good_order(telephoneNumbers=["+3906%08d" % i for i in range(1000)]), ("telephoneNumbers", "tooMany"),
         "1000 numbers"),
        (good_order(telephoneNumbers="+390117770001"), ("telephoneNumbers", "invalidValue"), "numbers not a list"),
        (good_order(telephoneNumbers=["0117770001"]), ("telephoneNumbers[0]", "invalidFormat"), "a number without +"),
        (good_order(telephoneNumbers=["+39 011 777"]), ("telephoneNumbers[0]", "invalidFormat"), "spaces"),
        (good_order(telephoneNumbers=["+3901177700011234"]), ("telephoneNumbers[0]", "invalidFormat"),
         "more than 15 digits"),
        (good_order(telephoneNumbers=[390117770001]), ("telephoneNumbers[0]", "invalidFormat"), "a JSON number"),
        (good_order(telephoneNumbers=["+390117775555", "+390117775555"]), ("telephoneNumbers[1]", "duplicate"),
         "a duplicate"),
        (good_order(telephoneNumbers=[tenant]), ("telephoneNumbers[0]", "alreadyInTenant"), "a tenant number"),
        (good_order(telephoneNumbers=["+390117770001"]), ("telephoneNumbers[0]", "alreadyInOrder"),
         "a number in an open order"),
        (good_order(carrierName=...), ("carrierName", "required"), "no carrierName"),
        (good_order(accountNumber=...), ("accountNumber", "required"), "no accountNumber"),
        (good_order(billingTelephoneNumber="12"), ("billingTelephoneNumber", "invalidFormat"), "a bad billing number"),
        (good_order(carrierPin=...), ("carrierPin", "required"), "no carrierPin"),
        (good_order(requestedFocDateTime=...), ("requestedFocDateTime", "required"), "no FOC date"),
        (good_order(requestedFocDateTime="next week"), ("requestedFocDateTime", "invalidFormat"), "a FOC in words"),
        (good_order(requestedFocDateTime=iso(days=8)[:10]), ("requestedFocDateTime", "invalidFormat"),
         "a FOC date without a time"),
        (good_order(requestedFocDateTime=iso(days=6, seconds=86000)), ("requestedFocDateTime", "tooSoon"),
         "a FOC under 7 days ahead"),
        (good_order(authorizedBy=...), ("authorizedBy", "required"), "no authorizedBy"),
        (good_order(status="completed"), ("status", "readOnly"), "a read-only status"),
        (good_order(colour="blue"), ("colour", "unknownProperty"), "an unknown property"),
    ]
    for body, detail, name in cases:
        r = sb.api("POST", "/portOrders", token, body=body)
        t.ok(r.status == 400 and error_code(r) == "invalidRequest" and detail in details(r),
             "create with %s: 400 invalidRequest, detail %s/%s" % (name, detail[0], detail[1]), r)
    r = sb.api("POST", "/portOrders", token, body={})
    t.ok(len(details(r)) >= 8, "an empty order lists every missing field (%d)" % len(details(r)))
    for body in ("not json", "[1]"):
        r = sb.api("POST", "/portOrders", token, body=body)
        t.eq((r.status, error_code(r)), (400, "invalidRequest"), "a body of %r is invalidRequest" % body)


def test_advance(t):
    with Sandbox("--order-speed", "2000000") as sb:
        token = sb.token()
        r = sb.api("POST", "/portOrders", token, body=good_order(telephoneNumbers=["+390117771234"]))
        order = r.json()
        seen = {order["status"]}
        deadline = time.monotonic() + 15
        while order["status"] != "completed" and time.monotonic() < deadline:
            time.sleep(0.1)
            order = sb.api("GET", "/portOrders/" + order["id"], token).json()
            seen.add(order["status"])
        t.eq(order["status"], "completed", "with --order-speed a port-in order completes")
        t.eq([h["status"] for h in order["statusHistory"]],
             ["processing", "contactingCarrier", "transferApproved", "transferPending", "completed"],
             "through every status, in order")
        times = [h["dateTime"] for h in order["statusHistory"]]
        t.eq(times, sorted(times), "history times never go back")
        t.ok(order["focDateTime"] is not None, "the FOC date is confirmed on the way")
        r = sb.api("GET", "/numberAssignments?$filter=" + quote_filter("telephoneNumber eq '+390117771234'"), token)
        value = r.json()["value"]
        t.ok(len(value) == 1 and value[0]["portInStatus"] == "completed" and value[0]["city"] == "Torino",
             "the ported number joins the tenant, portInStatus completed", value)
        outs = [o for o in fetch_all(sb, token, "/portOrders", filter="direction eq 'portOut'")]
        t.ok(all(o["status"] != "completed" or o["createdDateTime"] < iso(days=-30) for o in outs),
             "port-out orders do not advance by themselves")


def main(t):
    with Sandbox() as sb:
        token = sb.token()
        orders = test_demo_and_list(t, sb, token)
        test_create(t, sb, token)
        test_status_actions(t, sb, token, orders)
    test_advance(t)


Tap().run([main])
