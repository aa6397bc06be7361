#!/usr/bin/env python3
"""Floods POST /staff/login with wrong passwords, as a botnet would: every request
comes from another loopback address (127.1.x.y) for another username, so neither the
per-account nor the per-client throttle stops it and each attempt costs the server
an Argon2id verification. Prints the attempts made and their statuses.

    login_flood.py HOST PORT SECONDS THREADS
"""
import http.client
import sys
import threading
import time
from collections import Counter

host, port, seconds, threads = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
deadline = time.monotonic() + seconds
statuses = Counter()
lock = threading.Lock()
TOKEN = "f" * 43


def worker(n: int) -> None:
    i = 0
    while time.monotonic() < deadline:
        i += 1
        source = f"127.1.{(n * 37 + i // 250) % 250 + 1}.{i % 250 + 1}"
        body = f"csrf={TOKEN}&username=flood{n}x{i}&password=wrong-password-{i}"
        try:
            conn = http.client.HTTPConnection(host, port, timeout=30, source_address=(source, 0))
            conn.request(
                "POST",
                "/staff/login",
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"tl_csrf={TOKEN}",
                },
            )
            status = conn.getresponse().status
            conn.close()
        except OSError as e:
            status = type(e).__name__
        with lock:
            statuses[status] += 1


pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
for t in pool:
    t.start()
for t in pool:
    t.join()
total = sum(statuses.values())
print(f"login attempts: {total} in {seconds:.0f} s ({total / seconds:.1f}/s); statuses: {dict(statuses)}")
