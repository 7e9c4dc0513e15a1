#!/usr/bin/env python3
# Sign-in against a real porta-sandbox: discovery, PKCE code flow, device
# flow, refresh rotation, bearer checks and scopes.
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import time
import urllib.parse

from sandboxlib import (API, CLIENT_ID, DEVICE_GRANT, READ_SCOPES, WRITE_SCOPES, Sandbox, Tap,
                        error_code, form_value, jwt_payload, oauth_error, pkce_pair)

REDIRECT = "http://127.0.0.1:53682/callback"


def authorize_query(challenge, redirect=REDIRECT, state="st-42", method="S256", scope=WRITE_SCOPES,
                    client_id=CLIENT_ID):
    query = {"client_id": client_id, "response_type": "code", "redirect_uri": redirect,
             "scope": scope, "state": state, "code_challenge": challenge, "nonce": "n-0S6"}
    if method is not None:
        query["code_challenge_method"] = method
    return "/sandbox/oauth2/v2.0/authorize?" + urllib.parse.urlencode(query)


def redirect_params(response):
    location = response.header("Location")
    split = urllib.parse.urlsplit(location)
    return split, dict(urllib.parse.parse_qsl(split.query))


def code_via_page(sb, challenge, action="approve", **kw):
    page = sb.request("GET", authorize_query(challenge, **kw))
    request_id = form_value(page.body.decode(), "request")
    return page, sb.request("POST", "/sandbox/oauth2/v2.0/authorize",
                            form={"request": request_id, "action": action})


def exchange(sb, code, verifier, redirect=REDIRECT, client_id=CLIENT_ID):
    return sb.request("POST", "/sandbox/oauth2/v2.0/token",
                      form={"client_id": client_id, "grant_type": "authorization_code", "code": code,
                            "redirect_uri": redirect, "code_verifier": verifier})


def test_discovery(t):
    with Sandbox() as sb:
        t.ok(re.fullmatch(r"http://127\.0\.0\.1:\d+", sb.base) is not None,
             "the first stdout line is http://127.0.0.1:PORT", sb.base)
        r = sb.request("GET", "/sandbox/v2.0/.well-known/openid-configuration")
        t.eq(r.status, 200, "discovery answers 200")
        d = r.json()
        authority = sb.base + "/sandbox"
        t.eq(d["issuer"], authority + "/v2.0", "issuer is {authority}/v2.0")
        t.eq(d["authorization_endpoint"], authority + "/oauth2/v2.0/authorize", "authorization_endpoint")
        t.eq(d["token_endpoint"], authority + "/oauth2/v2.0/token", "token_endpoint")
        t.eq(d["device_authorization_endpoint"], authority + "/oauth2/v2.0/devicecode",
             "device_authorization_endpoint")
        t.eq(d["code_challenge_methods_supported"], ["S256"], "S256 only")
        for grant in ("authorization_code", "refresh_token", DEVICE_GRANT):
            t.ok(grant in d["grant_types_supported"], "grant %s supported" % grant)
        for scope in ("TeamsTelephoneNumber.Read.All", "TeamsTelephoneNumber.ReadWrite.All",
                      "offline_access", "openid", "profile"):
            t.ok(scope in d["scopes_supported"], "scope %s listed" % scope)
        t.ok(r.header("request-id") is not None, "discovery has a request-id")


def test_code_flow(t):
    with Sandbox(auto_approve=False) as sb:
        verifier, challenge = pkce_pair()
        page, r = code_via_page(sb, challenge)
        html = page.body.decode()
        t.eq(page.status, 200, "the authorization endpoint shows a page")
        t.ok("Giulia Ferraro" in html and 'value="decline"' in html,
             "the page offers the demo admin and a decline button")
        t.eq(r.status, 302, "approving redirects")
        split, params = redirect_params(r)
        t.eq("%s://%s%s" % (split.scheme, split.netloc, split.path), REDIRECT, "to the loopback redirect")
        t.eq(params.get("state"), "st-42", "state is echoed")
        code = params.get("code")
        t.ok(code, "a code is given")

        tokens = exchange(sb, code, verifier)
        t.eq(tokens.status, 200, "the code and the right verifier give tokens")
        body = tokens.json()
        t.eq(body["token_type"], "Bearer", "token_type Bearer")
        t.eq(body["expires_in"], 3600, "expires_in is --token-lifetime's default")
        t.ok("refresh_token" in body and "id_token" in body, "refresh_token and id_token with offline_access openid")
        t.eq(tokens.header("cache-control"), "no-store", "token responses are not cached")
        claims = jwt_payload(body["id_token"])
        for claim in ("name", "preferred_username", "oid", "tid", "aud", "iss", "iat", "exp"):
            t.ok(claim in claims, "id_token carries %s" % claim)
        t.eq(claims["name"], "Giulia Ferraro", "id_token name")
        t.ok(claims["preferred_username"].endswith(".example"), "the demo admin has an .example address")
        t.eq(claims["aud"], CLIENT_ID, "aud is the client")
        t.eq(claims["iss"], sb.base + "/sandbox/v2.0", "iss is the discovery issuer")
        t.eq(claims.get("nonce"), "n-0S6", "nonce echoed")
        t.eq(claims["exp"] - claims["iat"], 3600, "exp is iat + lifetime")

        r = sb.api("GET", "/numberAssignments?$top=1", body["access_token"])
        t.eq(r.status, 200, "the access token works on the API")

        again = exchange(sb, code, verifier)
        t.eq(oauth_error(again), "invalid_grant", "a code works once")

        verifier, challenge = pkce_pair()
        _, r = code_via_page(sb, challenge)
        _, params = redirect_params(r)
        wrong, _ = pkce_pair()
        r = exchange(sb, params["code"], wrong)
        t.eq(r.status, 400, "a wrong verifier is 400")
        t.eq(oauth_error(r), "invalid_grant", "a wrong verifier is invalid_grant")

        verifier, challenge = pkce_pair()
        _, r = code_via_page(sb, challenge)
        _, params = redirect_params(r)
        r = exchange(sb, params["code"], verifier, redirect="http://127.0.0.1:9/other")
        t.eq(oauth_error(r), "invalid_grant", "a different redirect_uri is invalid_grant")

        verifier, challenge = pkce_pair()
        _, r = code_via_page(sb, challenge, action="decline")
        _, params = redirect_params(r)
        t.eq(params.get("error"), "access_denied", "declining redirects with access_denied")
        t.eq(params.get("state"), "st-42", "and the state")

        for redirect in ("https://example.com/callback", "http://192.0.2.1:8080/cb",
                         "http://evil.example:80/", "urn:ietf:wg:oauth:2.0:oob"):
            r = sb.request("GET", authorize_query(challenge, redirect=redirect))
            t.ok(r.status == 400 and r.header("Location") is None,
                 "non-loopback redirect %s is refused without redirecting" % redirect, r)

        for redirect in ("http://localhost:1234/cb", "http://[::1]:5555/", "http://127.0.0.1:65000/x"):
            r = sb.request("GET", authorize_query(challenge, redirect=redirect))
            t.eq(r.status, 200, "loopback redirect %s on any port is accepted" % redirect)

        r = sb.request("GET", authorize_query(challenge, client_id="not-a-client"))
        t.ok(r.status == 400 and r.header("Location") is None, "an unknown client_id is refused on the page")

        r = sb.request("GET", authorize_query(challenge, method="plain"))
        _, params = redirect_params(r)
        t.eq(params.get("error"), "invalid_request", "code_challenge_method plain is invalid_request")
        r = sb.request("GET", authorize_query(challenge, method=None))
        _, params = redirect_params(r)
        t.eq(params.get("error"), "invalid_request", "no code_challenge_method (plain) is invalid_request")
        r = sb.request("GET", authorize_query(challenge, scope="openid Mail.Send"))
        _, params = redirect_params(r)
        t.eq(params.get("error"), "invalid_scope", "an unknown scope is invalid_scope")


def test_code_flow_auto_approve(t):
    with Sandbox(auto_approve=True) as sb:
        verifier, challenge = pkce_pair()
        r = sb.request("GET", authorize_query(challenge, state="zz"))
        t.eq(r.status, 302, "--auto-approve redirects at once")
        _, params = redirect_params(r)
        t.eq(params.get("state"), "zz", "with the state")
        t.eq(exchange(sb, params["code"], verifier).status, 200, "and the code works")


def test_device_flow(t):
    with Sandbox("--device-interval", "1", auto_approve=False) as sb:
        r = sb.request("POST", "/sandbox/oauth2/v2.0/devicecode",
                       form={"client_id": CLIENT_ID, "scope": WRITE_SCOPES})
        t.eq(r.status, 200, "devicecode answers 200")
        d = r.json()
        for field in ("device_code", "user_code", "verification_uri", "expires_in", "interval", "message"):
            t.ok(field in d, "device response has %s" % field)
        t.eq(d["verification_uri"], sb.base + "/sandbox/devicelogin", "verification_uri")
        t.ok(d["user_code"] in d["message"], "the message quotes the user code")

        poll = {"client_id": CLIENT_ID, "grant_type": DEVICE_GRANT, "device_code": d["device_code"]}
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll)
        t.eq(oauth_error(r), "authorization_pending", "first poll: authorization_pending")

        page = sb.request("GET", "/sandbox/devicelogin")
        t.ok(page.status == 200 and 'name="user_code"' in page.body.decode(),
             "the verification page asks for the user code")
        r = sb.request("POST", "/sandbox/devicelogin", form={"user_code": "ZZZZ-ZZZZ", "action": "approve"})
        t.eq(r.status, 400, "a wrong user code is refused on the page")
        r = sb.request("POST", "/sandbox/devicelogin",
                       form={"user_code": d["user_code"].lower(), "action": "approve"})
        t.eq(r.status, 200, "the user code (any case) is approved on the page")
        time.sleep(1.05)
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll)
        t.eq(r.status, 200, "after approval the poll gives tokens")
        t.ok("access_token" in r.json(), "with an access token")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll)
        t.eq(oauth_error(r), "invalid_grant", "a device code is used once")

        r = sb.request("POST", "/sandbox/oauth2/v2.0/devicecode",
                       form={"client_id": CLIENT_ID, "scope": WRITE_SCOPES})
        d2 = r.json()
        poll2 = dict(poll, device_code=d2["device_code"])
        sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll2)
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll2)
        t.eq(oauth_error(r), "slow_down", "polling faster than the interval is slow_down")
        sb.request("POST", "/sandbox/devicelogin", form={"user_code": d2["user_code"], "action": "decline"})
        time.sleep(0.05)
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll2)
        t.ok(oauth_error(r) in ("authorization_declined", "slow_down"),
             "a declined code polls as declined (or slow_down while too fast)", r)
        if oauth_error(r) == "slow_down":
            time.sleep(6.1)
            r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=poll2)
        t.eq(oauth_error(r), "authorization_declined", "declining gives authorization_declined")

        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form=dict(poll, device_code="nope"))
        t.eq(oauth_error(r), "invalid_grant", "an unknown device code is invalid_grant")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/devicecode",
                       form={"client_id": CLIENT_ID, "scope": "openid User.Read"})
        t.eq(oauth_error(r), "invalid_scope", "devicecode with an unknown scope is invalid_scope")

    with Sandbox("--device-code-lifetime", "1", "--device-interval", "0", auto_approve=False) as sb:
        r = sb.request("POST", "/sandbox/oauth2/v2.0/devicecode",
                       form={"client_id": CLIENT_ID, "scope": WRITE_SCOPES})
        d = r.json()
        t.eq(d["expires_in"], 1, "--device-code-lifetime sets expires_in")
        time.sleep(1.2)
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": CLIENT_ID, "grant_type": DEVICE_GRANT,
                             "device_code": d["device_code"]})
        t.eq(oauth_error(r), "expired_token", "an expired device code is expired_token")

    with Sandbox(auto_approve=True) as sb:
        body = sb.token_response()
        t.ok("access_token" in body, "--auto-approve approves a device code on the first poll")


def test_refresh_rotation(t):
    with Sandbox() as sb:
        first = sb.token_response()
        refresh = {"client_id": CLIENT_ID, "grant_type": "refresh_token"}
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form=dict(refresh, refresh_token=first["refresh_token"]))
        t.eq(r.status, 200, "a refresh token gives new tokens")
        second = r.json()
        t.ok(second["refresh_token"] != first["refresh_token"], "the refresh token rotates")
        t.ok(second["access_token"] != first["access_token"], "with a new access token")
        t.eq(sb.api("GET", "/portOutPin", second["access_token"]).status, 200, "the new access token works")

        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form=dict(refresh, refresh_token=first["refresh_token"]))
        t.eq(oauth_error(r), "invalid_grant", "the old refresh token no longer works")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form=dict(refresh, refresh_token=second["refresh_token"]))
        t.eq(oauth_error(r), "invalid_grant", "reusing an old one revokes the whole family")

        third = sb.token_response(READ_SCOPES)
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form=dict(refresh, refresh_token=third["refresh_token"], scope=WRITE_SCOPES))
        t.eq(oauth_error(r), "invalid_scope", "a refresh cannot widen the scopes")

        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form=dict(refresh, refresh_token="made-up"))
        t.eq(oauth_error(r), "invalid_grant", "an unknown refresh token is invalid_grant")


def test_token_endpoint_errors(t):
    with Sandbox() as sb:
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": CLIENT_ID, "grant_type": "client_credentials"})
        t.eq(oauth_error(r), "unsupported_grant_type", "client_credentials is unsupported_grant_type")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": CLIENT_ID, "grant_type": "password", "username": "a",
                             "password": "b"})
        t.eq(oauth_error(r), "unsupported_grant_type", "password is unsupported_grant_type")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": CLIENT_ID, "grant_type": "refresh_token",
                             "refresh_token": "x", "client_secret": "s3cret"})
        t.eq((r.status, oauth_error(r)), (401, "invalid_client"), "a client_secret is invalid_client")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": "porta", "grant_type": "refresh_token", "refresh_token": "x"})
        t.eq(oauth_error(r), "invalid_client", "a client_id that is no application id is invalid_client")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token", form={"client_id": CLIENT_ID})
        t.eq(oauth_error(r), "invalid_request", "no grant_type is invalid_request")
        r = sb.request("POST", "/sandbox/oauth2/v2.0/token",
                       form={"client_id": CLIENT_ID, "grant_type": "authorization_code", "code": "x",
                             "redirect_uri": REDIRECT, "code_verifier": "short"})
        t.eq(oauth_error(r), "invalid_request", "a malformed code_verifier is invalid_request")
        r = sb.request("GET", "/sandbox/oauth2/v2.0/token")
        t.eq(r.status, 405, "GET on the token endpoint is 405")


def test_bearer(t):
    with Sandbox("--token-lifetime", "1") as sb:
        token = sb.token()
        r = sb.api("GET", "/numberAssignments", None)
        t.eq(r.status, 401, "no token is 401")
        t.eq(error_code(r), "InvalidAuthenticationToken", "code InvalidAuthenticationToken")
        t.ok('error="invalid_token"' in (r.header("WWW-Authenticate") or ""),
             "WWW-Authenticate: Bearer error=\"invalid_token\"", r.header("WWW-Authenticate"))
        t.ok(r.json()["error"]["innerError"]["request-id"] == r.header("request-id"),
             "innerError.request-id matches the header")
        r = sb.api("GET", "/numberAssignments", "not-a-token")
        t.eq((r.status, error_code(r)), (401, "InvalidAuthenticationToken"), "a made-up token is 401")
        t.eq(sb.api("GET", "/portOutPin", token).status, 200, "a fresh token works")
        time.sleep(1.1)
        r = sb.api("GET", "/portOutPin", token)
        t.eq(r.status, 401, "an expired token is 401")
        t.ok("expired" in r.json()["error"]["message"], "and says it expired")
        t.ok(r.header("WWW-Authenticate", ).startswith("Bearer "), "with a Bearer challenge")


def test_scopes(t):
    with Sandbox() as sb:
        read = sb.token(READ_SCOPES)
        write = sb.token(WRITE_SCOPES)
        none = sb.token("openid profile")
        t.eq(sb.api("GET", "/numberAssignments?$top=1", read).status, 200, "a read token reads numbers")
        t.eq(sb.api("GET", "/portOrders", read).status, 200, "a read token reads orders")
        order_id = sb.api("GET", "/portOrders", write).json()["value"][0]["id"]
        writes = [
            ("PUT", "/portOutPin", {"pin": "123456"}),
            ("POST", "/portOutPin/reveal", None),
            ("POST", "/portOrders", {"displayName": "x"}),
            ("POST", "/portOrders/%s/cancel" % order_id, None),
            ("PATCH", "/portOrders/%s" % order_id, {"requestedFocDateTime": "2099-01-01T00:00:00Z"}),
        ]
        for method, path, body in writes:
            r = sb.api(method, path, read, body=body)
            t.eq((r.status, error_code(r)), (403, "Authorization_RequestDenied"),
                 "a read-only token gets 403 on %s %s" % (method, path.split("/")[1]))
        r = sb.api("GET", "/portOutPin", none)
        t.eq(r.status, 403, "a token without a Teams scope gets 403")
        r = sb.api("GET", "/portOutPin/auditEvents", read)
        t.eq(r.status, 200, "audit events are a read")


def test_request_ids(t):
    with Sandbox() as sb:
        token = sb.token()
        for method, path in (("GET", API + "/numberAssignments?$top=1"), ("GET", API + "/nothing"),
                             ("GET", "/sandbox/v2.0/.well-known/openid-configuration"),
                             ("DELETE", API + "/portOutPin"), ("GET", "/nowhere")):
            r = sb.request(method, path, token=token, headers={"client-request-id": "c0ffee-1"})
            t.ok(re.fullmatch(r"[0-9a-f-]{36}", r.header("request-id") or "") is not None,
                 "%s %s has a request-id" % (method, path))
            t.eq(r.header("client-request-id"), "c0ffee-1", "%s %s echoes client-request-id" % (method, path))
        r = sb.api("DELETE", "/portOutPin", token)
        t.eq((r.status, r.header("Allow")), (405, "GET, PUT"), "a wrong method is 405 with Allow")
        r = sb.api("GET", "/nothing", token)
        t.eq((r.status, error_code(r)), (404, "itemNotFound"), "an unknown path is 404 itemNotFound")


Tap().run([test_discovery, test_code_flow, test_code_flow_auto_approve, test_device_flow,
           test_refresh_rotation, test_token_endpoint_errors, test_bearer, test_scopes, test_request_ids])
