#!/usr/bin/env python3
"""POST /register latency: N sequential registrations of new users. Usage: register_latency.py BASE_URL N"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid

base = urllib.parse.urlparse(sys.argv[1])
count = int(sys.argv[2])
connection = http.client.HTTPConnection(base.hostname, base.port)
latencies = []
for _ in range(count):
    name = f"lat_{uuid.uuid4().hex[:10]}"
    body = json.dumps({"username": name, "email": f"{name}@example.com", "password": "long enough password"})
    started = time.perf_counter()
    connection.request("POST", "/register", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    latencies.append((time.perf_counter() - started) * 1000)
    if response.status != 201:
        sys.exit(f"POST /register -> {response.status}")
latencies.sort()
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f"{statistics.median(latencies):.1f} {p99:.1f} {max(latencies):.1f}")
