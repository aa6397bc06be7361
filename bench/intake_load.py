#!/usr/bin/env python3
"""Helpers of bench/intake.sh (standard library only).

    intake_load.py sqlite DIR SECONDS BATCH
        The baseline: durable commits of one row about the size of a stored
        request (a 1,700-byte blob and a few columns) on a SQLite file in DIR, in
        WAL mode with synchronous=FULL, one connection, BATCH rows a transaction,
        for SECONDS. Prints "rows/s commits/s".

    intake_load.py defender PORT SECONDS CODENAME
        A "real defender" while something else floods the server: one request
        for help every 200 ms, and one status look-up (GET /api/v1/requests/status)
        every 200 ms, each on a new connection, for SECONDS. The look-ups use the
        codename of the defender's latest request answered 201, CODENAME (of a
        request sent before the flood) until there is one. Prints a few lines of
        results, the last one "defender-acked N" (its requests answered 201, for
        bench/intake.sh's count).
"""

import http.client
import json
import os
import sqlite3
import statistics
import sys
import threading
import time

ROW_BYTES = 1700
PERIOD_S = 0.2
TIMEOUT_S = 60

NARRATIVE = (
    "I was detained for a day after filming the dispersal of a peaceful protest; "
    "they took my phone and said they would open a case against me for "
    "'hooliganism'. I was released but must appear again next week. I need a "
    "lawyer, and help to keep my family safe while the case goes on, please."
)
BODY = json.dumps(
    {"country": "AM", "needs": ["legal"], "urgency": "within_days", "narrative": NARRATIVE}
).encode()


def sqlite_baseline(directory, seconds, batch):
    path = os.path.join(directory, f"baseline-{batch}.sqlite3")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(
        "CREATE TABLE requests (id BLOB NOT NULL PRIMARY KEY, organization_id BLOB NOT NULL, "
        "country TEXT NOT NULL, urgency TEXT NOT NULL, status TEXT NOT NULL, "
        "created_at_ms INTEGER NOT NULL, codename_digest BLOB, content BLOB NOT NULL)"
    )
    connection.execute("CREATE UNIQUE INDEX requests_by_codename ON requests (codename_digest)")
    organization = os.urandom(16)
    rows = 0
    commits = 0
    started = time.monotonic()
    deadline = started + seconds
    while time.monotonic() < deadline:
        connection.execute("BEGIN IMMEDIATE")
        for _ in range(batch):
            connection.execute(
                "INSERT INTO requests VALUES (?, ?, 'AM', 'within_days', 'new', ?, ?, ?)",
                (
                    os.urandom(16),
                    organization,
                    int(time.time() * 1000),
                    os.urandom(32),
                    os.urandom(ROW_BYTES),
                ),
            )
        connection.execute("COMMIT")
        rows += batch
        commits += 1
    elapsed = time.monotonic() - started
    connection.close()
    print(f"{rows / elapsed:.0f} {commits / elapsed:.0f}")


class Calls:
    """Results of one kind of call: statuses and latencies."""

    def __init__(self):
        self.statuses = {}
        self.errors = 0
        self.latencies = []

    def record(self, status, seconds):
        self.latencies.append(seconds)
        if status is None:
            self.errors += 1
        else:
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def line(self, name, ok):
        count = len(self.latencies)
        good = self.statuses.get(ok, 0)
        busy = self.statuses.get(503, 0)
        other = count - good - busy - self.errors
        if self.latencies:
            median = statistics.median(self.latencies) * 1000
            worst = max(self.latencies) * 1000
            timing = f"median {median:.1f} ms, max {worst:.1f} ms"
        else:
            timing = "none sent"
        extra = ""
        if other:
            shown = {s: n for s, n in self.statuses.items() if s not in (ok, 503)}
            extra = f", other statuses {shown}"
        return (
            f"{name}: {count} sent, {good} {ok}, {busy} 503 busy, {self.errors} errors"
            f"{extra}; {timing}"
        )


def call(port, method, path, body=None, headers=None):
    """(status or None on a connection error, body, seconds), on a new connection."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, data, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return None, b"", time.monotonic() - started
    finally:
        connection.close()


def defender(port, seconds, first_codename):
    submissions = Calls()
    lookups = Calls()
    codenames = [first_codename]
    lock = threading.Lock()
    acked = 0
    deadline = time.monotonic() + seconds

    def submit():
        nonlocal acked
        next_at = time.monotonic()
        while next_at < deadline:
            time.sleep(max(0.0, next_at - time.monotonic()))
            status, data, took = call(
                port, "POST", "/api/v1/requests", BODY, {"Content-Type": "application/json"}
            )
            submissions.record(status, took)
            if status == 201:
                with lock:
                    acked += 1
                    codenames.append(json.loads(data)["codename"])
            next_at = max(next_at + PERIOD_S, time.monotonic())

    def look_up():
        next_at = time.monotonic()
        while next_at < deadline:
            time.sleep(max(0.0, next_at - time.monotonic()))
            with lock:
                codename = codenames[-1]
            status, _, took = call(
                port,
                "GET",
                "/api/v1/requests/status",
                headers={"Authorization": f"Codename {codename}"},
            )
            lookups.record(status, took)
            next_at = max(next_at + PERIOD_S, time.monotonic())

    threads = [threading.Thread(target=submit), threading.Thread(target=look_up)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(submissions.line("defender submissions (POST every 200 ms)", 201))
    print(lookups.line("defender look-ups (GET status every 200 ms)", 200))
    print(f"defender-acked {acked}")


def main(argv):
    if len(argv) == 5 and argv[1] == "sqlite":
        sqlite_baseline(argv[2], float(argv[3]), int(argv[4]))
    elif len(argv) == 5 and argv[1] == "defender":
        defender(int(argv[2]), float(argv[3]), argv[4])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
