#!/usr/bin/env python3
"""The client side of scripts/crash_test.sh (standard library only).

    crash_test.py burst PORT PID ACKED_FILE
        Sends requests for help from several threads at once, as fast as they go,
        each on its own keep-alive connection. A request counts as acknowledged
        only when its 201 answer was read to the end and holds a codename. Once
        enough are acknowledged (or after a deadline), sends SIGKILL to PID while
        the threads are still sending, lets them run into the dead server, and
        writes every acknowledged codename to ACKED_FILE, one a line. Prints one
        line of counts.

    crash_test.py verify PORT ACKED_FILE
        Looks up every codename of ACKED_FILE with GET /api/v1/requests/status and
        fails unless each answers 200 with "state": "new".

    crash_test.py count DB
        Prints how many stored cases have a codename (requests) and fails unless
        SQLite's integrity check passes.

Exits non-zero with a message on stderr on any failure.
"""

import http.client
import json
import os
import signal
import sqlite3
import sys
import threading
import time

THREADS = 8
# Kill the server once this many requests are acknowledged...
KILL_AFTER_ACKED = 200
# ... or after this long, whichever comes first (a slow machine still crashes it).
KILL_DEADLINE_S = 10.0
# How long the threads go on sending into the killed server before they stop.
AFTER_KILL_S = 0.3
# Retries of a look-up answered 503 (busy): busy is not lost, so try again.
BUSY_RETRIES = 20

NARRATIVE = (
    "Police searched our office after we published a report on the elections; "
    "they took two laptops and summoned me for questioning on Thursday. I need a "
    "lawyer who can come with me, and advice on what to do about the devices."
)
BODY = json.dumps(
    {
        "country": "AM",
        "needs": ["legal"],
        "urgency": "within_days",
        "narrative": NARRATIVE,
    }
).encode()
HEADERS = {"Content-Type": "application/json", "Connection": "keep-alive"}


def fail(message):
    print(f"crash test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


class Burst:
    def __init__(self, port):
        self.port = port
        self.lock = threading.Lock()
        self.acked = []
        self.busy = 0
        self.errors = 0  # connection errors and answers cut short (not acknowledged)
        self.unexpected = []  # statuses other than 201/503 while the server was up
        self.in_flight = 0
        self.killed = threading.Event()
        self.stop = threading.Event()
        self.enough = threading.Event()

    def worker(self):
        connection = None
        while not self.stop.is_set():
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            with self.lock:
                self.in_flight += 1
            try:
                connection.request("POST", "/api/v1/requests", body=BODY, headers=HEADERS)
                response = connection.getresponse()
                body = response.read()  # to the end: a partial answer raises
                status = response.status
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.in_flight -= 1
                    self.errors += 1
                connection.close()
                connection = None
                if not self.killed.is_set():
                    # Before the kill, a refused connection is a failure of the server.
                    with self.lock:
                        self.unexpected.append("connection error before kill -9")
                    self.enough.set()
                    return
                time.sleep(0.01)
                continue
            with self.lock:
                self.in_flight -= 1
                if status == 201:
                    try:
                        codename = json.loads(body)["codename"]
                    except (ValueError, KeyError, TypeError):
                        self.unexpected.append(f"201 without a codename: {body[:200]!r}")
                        self.enough.set()
                        return
                    self.acked.append(codename)
                    if len(self.acked) >= KILL_AFTER_ACKED:
                        self.enough.set()
                elif status == 503:
                    self.busy += 1
                elif not self.killed.is_set():
                    self.unexpected.append(f"{status}: {body[:200]!r}")
                    self.enough.set()
                    return
        if connection is not None:
            connection.close()


def burst(port, pid, acked_file):
    state = Burst(port)
    threads = [threading.Thread(target=state.worker, daemon=True) for _ in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    state.enough.wait(KILL_DEADLINE_S)
    with state.lock:
        # The ones in flight are not acknowledged unless their 201 still arrives
        # in full: an answer the server wrote before it died is one all the same
        # (it answers only after the commit), so it is counted and checked too.
        in_flight = state.in_flight
        unexpected = list(state.unexpected)
        os.kill(pid, signal.SIGKILL)
        state.killed.set()
    elapsed = time.monotonic() - started
    time.sleep(AFTER_KILL_S)
    state.stop.set()
    for thread in threads:
        thread.join(15)
    if unexpected:
        fail(f"while the server was up: {unexpected[0]} ({len(unexpected)} such)")
    with state.lock:
        acked = list(state.acked)
    if not acked:
        fail(f"no request was acknowledged in {elapsed:.1f} s; nothing to check")
    if len(set(acked)) != len(acked):
        fail("the server gave the same codename to two requests")
    with open(acked_file, "w", encoding="utf-8") as out:
        out.write("".join(f"{c}\n" for c in acked))
    print(
        f"burst: {len(acked)} acknowledged in {elapsed:.2f} s, {state.busy} busy (503), "
        f"{in_flight} in flight at kill -9, {state.errors} connection errors after it"
    )


def look_up(connection, codename):
    """One status look-up: (status, body), retrying while the server is busy."""
    for attempt in range(BUSY_RETRIES + 1):
        connection.request(
            "GET", "/api/v1/requests/status", headers={"Authorization": f"Codename {codename}"}
        )
        response = connection.getresponse()
        body = response.read()
        if response.status != 503 or attempt == BUSY_RETRIES:
            return response.status, body
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def verify(port, acked_file):
    with open(acked_file, encoding="utf-8") as source:
        codenames = [line.strip() for line in source if line.strip()]
    if not codenames:
        fail(f"{acked_file} holds no codename")
    problems = []
    found = []
    lock = threading.Lock()
    chunks = [codenames[i::THREADS] for i in range(THREADS)]

    def check(chunk):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for codename in chunk:
            try:
                status, body = look_up(connection, codename)
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    problems.append(f"{codename!r}: {error!r}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            problem = None
            if status != 200:
                problem = f"answered {status}: {body[:200]!r}"
            else:
                try:
                    answer = json.loads(body)
                except ValueError:
                    answer = None
                if not isinstance(answer, dict) or answer.get("state") != "new":
                    problem = f"answered 200 but not a new request: {body[:200]!r}"
            with lock:
                if problem:
                    problems.append(f"{codename!r}: {problem}")
                else:
                    found.append(codename)
        connection.close()

    threads = [threading.Thread(target=check, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if problems:
        listed = "\n  ".join(problems[:10])
        fail(
            f"{len(problems)} of {len(codenames)} acknowledged requests not found after the "
            f"restart (LOST), e.g.:\n  {listed}"
        )
    print(f"found: {len(found)} of {len(codenames)}")


def count(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            fail(f"SQLite integrity check of {db}: {integrity[:5]}")
        (stored,) = connection.execute(
            "SELECT COUNT(*) FROM cases WHERE codename_digest IS NOT NULL"
        ).fetchone()
    finally:
        connection.close()
    print(stored)


def main(argv):
    if len(argv) == 5 and argv[1] == "burst":
        burst(int(argv[2]), int(argv[3]), argv[4])
    elif len(argv) == 4 and argv[1] == "verify":
        verify(int(argv[2]), argv[3])
    elif len(argv) == 3 and argv[1] == "count":
        count(argv[2])
    else:
        fail(f"usage: see {argv[0]}'s docstring")


if __name__ == "__main__":
    main(sys.argv)
