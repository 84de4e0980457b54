#!/usr/bin/env python3
"""The write half of bench/container.sh's mixed load: THREADS clients, each registered once, that
for SECONDS seconds log in (an Argon2id hash each time), create an item, rename it and link it to
a new tag. Prints the count of each status. Usage: writes.py BASE_URL STORE_ID SECONDS THREADS"""
import collections
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1])
store_id, seconds, threads = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
statuses = collections.Counter()
lock = threading.Lock()


def client():
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)

    def call(method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        payload = response.read()
        with lock:
            statuses[response.status] += 1
        return json.loads(payload) if payload and response.status < 300 else {}

    user, password = f"mixed_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
    call("POST", "/register", {"username": user, "email": f"{user}@example.com", "password": password})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        token = call("POST", "/login", {"username": user, "password": password}).get("access_token")
        name = uuid.uuid4().hex[:12]
        item = call("POST", "/item", {"name": f"Mixed {name}", "price": 1.5, "store_id": store_id}, token)
        tag = call("POST", f"/store/{store_id}/tag", {"name": f"mixed {name}"}, token)
        if "id" in item and "id" in tag:
            call("PUT", f"/item/{item['id']}", {"name": f"Mixed {name} renamed"}, token)
            call("POST", f"/item/{item['id']}/tag/{tag['id']}", None, token)


workers = [threading.Thread(target=client) for _ in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(" ".join(f"{status}x{count}" for status, count in sorted(statuses.items())))
