#!/usr/bin/env python3
"""Helpers of bench/triage.sh, each a subcommand:

    triage.py seed DB ORG N        adds N open cases of organisation ORG to the
                                   SQLite database DB, spread over every urgency,
                                   risk level, waiting time and assignment
    triage.py session HOST PORT    signs demo-caseworker in (password, then the
                                   authenticator code computed from the enrolment
                                   key, as a phone would) and prints the Cookie
                                   header of the signed-in session
    triage.py raw DB ORG RUNS      runs the triage page's own SQL (a page of the
                                   queue, its counts and its overdue) RUNS times
                                   on DB and prints p50 and p99 in ms

The cases seeded carry a placeholder instead of sealed content: the queue reads
only the clear fields beside a case and opens none, so the page's work is the
same as with real cases.
"""
import base64
import hashlib
import hmac
import http.client
import random
import re
import sqlite3
import struct
import sys
import time
import urllib.parse
import uuid

URGENCIES = ["detained_now", "threat_to_life", "within_days", "not_urgent"]
HOUR_MS = 3_600_000

# The statements of crates/store/src/sql_security/triage.rs (a page of the
# queue, its counts and its overdue), in SQLite's placeholders.
QUEUE = (
    "SELECT id, country, urgency, status, risk_rank, waiting_since_ms, answered_at_ms, "
    "assignee_id, follow_up_ms FROM cases WHERE organization_id = ? AND status <> 'closed' "
    "ORDER BY urgency_rank, risk_rank, waiting_since_ms, id LIMIT ? OFFSET ?"
)
TALLY = "SELECT urgency_rank, open, unassigned, unanswered FROM triage_tally WHERE organization_id = ?"
OVERDUE = " UNION ALL ".join(
    f"SELECT CAST({rank} AS BIGINT), COUNT(*) FROM cases WHERE organization_id = ? "
    f"AND status <> 'closed' AND answered_at_ms IS NULL AND urgency_rank = {rank} "
    "AND waiting_since_ms >= ?"
    for rank in range(4)
)


def seed(db: str, org: str, count: int) -> None:
    conn = sqlite3.connect(db, timeout=60)
    org_id = uuid.UUID(org).bytes
    users = [row[0] for row in conn.execute(
        "SELECT id FROM staff_users WHERE organization_id = ?", (org_id,))]
    rng = random.Random(2026)
    now = int(time.time() * 1000)
    rows = []
    for n in range(count):
        rank = rng.choices(range(4), weights=[2, 8, 40, 50])[0]
        waiting = now - rng.randrange(0, 60 * 24 * HOUR_MS)
        answered = None if rng.random() < 0.2 else waiting + HOUR_MS
        assignee = rng.choice(users) if users and rng.random() < 0.7 else None
        rows.append((
            uuid.uuid4().bytes, org_id, "AM", URGENCIES[rank], rng.choice(["new", "open"]),
            waiting, waiting, b"placeholder: the queue never opens a case",
            rank, rng.choice([0, 1, 2, 2, 2, 3, 4]), waiting, answered, assignee,
            waiting + 7 * 24 * HOUR_MS,
        ))
    with conn:
        conn.executemany(
            "INSERT INTO cases (id, organization_id, country, urgency, status, created_at_ms, "
            "updated_at_ms, content, urgency_rank, risk_rank, waiting_since_ms, answered_at_ms, "
            "assignee_id, follow_up_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.execute("ANALYZE")
    conn.close()
    print(f"seeded {count} open cases")


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{code % 1_000_000:06d}"


class Browser:
    """Keeps cookies; follows no redirect."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port, self.cookies = host, port, {}

    def send(self, method: str, path: str, fields=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        text = response.read().decode()
        conn.close()
        return response.status, text


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    if not found:
        raise SystemExit("no CSRF token on the page")
    return found.group(1)


def session(host: str, port: int) -> None:
    browser = Browser(host, port)
    _, page = browser.send("GET", "/staff/login")
    status, _ = browser.send("POST", "/staff/login", {
        "csrf": csrf(page), "username": "demo-caseworker", "password": "demo password 2026"})
    if status != 303:
        raise SystemExit(f"sign-in answered {status}")
    _, page = browser.send("GET", "/staff/enrol")
    secret = re.search(r'id="totp-secret"[^>]*>([A-Z2-7]+)<', page)
    if not secret:
        raise SystemExit("no enrolment key on the page")
    status, _ = browser.send("POST", "/staff/enrol", {
        "csrf": csrf(page), "code": totp(secret.group(1), time.time())})
    if status not in (200, 303):
        raise SystemExit(f"enrolment answered {status}")
    status, page = browser.send("GET", "/staff/triage")
    if status != 200:
        raise SystemExit(f"the triage page answered {status}")
    print("Cookie: " + "; ".join(f"{k}={v}" for k, v in browser.cookies.items()))


def raw(db: str, org: str, runs: int) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    conn.execute("PRAGMA cache_size = -16384")
    org_id = uuid.UUID(org).bytes
    now = int(time.time() * 1000)
    cutoffs = [now - h * HOUR_MS for h in (2, 2, 24, 120)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn.execute(QUEUE, (org_id, 51, 0)).fetchall()
        conn.execute(TALLY, (org_id,)).fetchall()
        conn.execute(OVERDUE, tuple(v for cutoff in cutoffs for v in (org_id, cutoff))).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = times[len(times) // 2]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"raw SQL: p50 {p50:.2f} ms, p99 {p99:.2f} ms over {runs} runs")


def main() -> None:
    command, args = sys.argv[1], sys.argv[2:]
    if command == "seed":
        seed(args[0], args[1], int(args[2]))
    elif command == "session":
        session(args[0], int(args[1]))
    elif command == "raw":
        raw(args[0], args[1], int(args[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
