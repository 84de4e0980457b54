#!/usr/bin/env python3
"""Fills the catalog near-cache past its bound for bench/cache.sh: GET /item?store_id=S&size=K for
every seeded store and K in 1..SIZES (each a distinct cached response of up to 20 items), from
four connections. Prints the requests made, the bytes received and the statuses seen.
Usage: fill_cache.py BASE_URL FIRST_STORE STORES SIZES"""
import http.client
import sys
import threading
import urllib.parse
from collections import Counter

base = urllib.parse.urlparse(sys.argv[1])
first, stores, sizes = (int(arg) for arg in sys.argv[2:5])
paths = [f"/item?store_id={first + s}&size={k}" for s in range(stores) for k in range(1, sizes + 1)]
statuses, received, lock = Counter(), [0], threading.Lock()


def fetch(share):
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
    for path in share:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        with lock:
            statuses[response.status] += 1
            received[0] += len(body)


threads = [threading.Thread(target=fetch, args=(paths[n::4],)) for n in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{len(paths)} requests, {received[0] / 1048576:.1f} MiB of bodies, statuses {dict(statuses)}")
