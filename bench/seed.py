#!/usr/bin/env python3
"""Seeds the catalog over HTTP: STORES stores x ITEMS items x TAGS tags, every item linked to
every tag of its store, as a freshly registered user. Prints a store id and an item id for the
load test. Usage: seed.py BASE_URL"""
import http.client
import json
import sys
import urllib.parse
import uuid

STORES, ITEMS, TAGS = 50, 20, 5

base = urllib.parse.urlparse(sys.argv[1])
connection = http.client.HTTPConnection(base.hostname, base.port)


token = None


def call(method, path, body=None, expected=(200, 201)):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    payload = response.read()
    if response.status not in expected:
        sys.exit(f"{method} {path} -> {response.status}: {payload[:300]!r}")
    return json.loads(payload)


# Writes need a token; POST /item a fresh one, which a login gives for 15 minutes.
user, password = f"bench_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
call("POST", "/register", {"username": user, "email": f"{user}@example.com", "password": password})
token = call("POST", "/login", {"username": user, "password": password})["access_token"]

first_store = first_item = None
for s in range(STORES):
    store = call("POST", "/store", {"name": f"Bench store {s}"})
    tags = [call("POST", f"/store/{store['id']}/tag", {"name": f"tag {t}"})["id"] for t in range(TAGS)]
    for i in range(ITEMS):
        item = call("POST", "/item", {"name": f"Item {i}", "price": round(9.99 + i, 2),
                                      "store_id": store["id"], "description": "A benchmark item"})
        for tag in tags:
            call("POST", f"/item/{item['id']}/tag/{tag}")
        first_item = first_item or item["id"]
    first_store = first_store or store["id"]

print(f"{first_store} {first_item}")
