#!/usr/bin/env python
"""``make bench``: serve the project and a bare Django JSON view under one gunicorn
(2 workers × 4 threads, DEBUG off) on the bench database, and measure every endpoint of
issue 8's table.

For each endpoint it prints requests/s (``--clients`` concurrent keep-alive clients for
``--duration`` seconds), the ratio to the bare view measured in the same round, p50/p95 of
one client, the number of SQL queries and the heaviest query's time (the request run
in-process with django.test.Client, each query timed by ``connection.execute_wrapper``, outside gunicorn). Endpoints
are interleaved and the rounds repeated; the table shows the median of the rounds, and is
written to .bench/last.md. ``--compare-db`` measures the queries on a second database too
(e.g. the 2 % one) and shows how much the heaviest query grows.

Fill the databases first with ``make bench-data`` (and ``BENCH_ARGS="--scale 0.02"``).
Not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/mjc_bench"

# name, path (with {placeholders} the inspection fills), who is signed in
ENDPOINTS = [
    ("bare Django view", "/bench/bare/", None),
    ("GET /api/v1/gigs/?q=kemasan", "/api/v1/gigs/?q=kemasan", None),
    ("GET /api/v1/gigs/?q=untuk", "/api/v1/gigs/?q=untuk", None),
    ("GET /api/v1/gigs/?q=kripik", "/api/v1/gigs/?q=kripik", None),
    ("GET /api/v1/gigs/", "/api/v1/gigs/", None),
    ("GET /api/v1/gigs/?page=last", "/api/v1/gigs/?page={gigs_last_page}", None),
    ("/gigs/", "/pekerjaan/", None),
    ("/pekerjaan/?q=batik", "/pekerjaan/?q=batik", None),
    # issue 12: the package catalogue ({packages} active packages), with the same goals as gig search
    ("GET /api/v1/packages/?q=kemasan", "/api/v1/packages/?q=kemasan", None),
    ("GET /api/v1/packages/?q=kemasn (typo)", "/api/v1/packages/?q=kemasn", None),
    ("GET /api/v1/packages/?q=desain label", "/api/v1/packages/?q=desain%20label", None),
    ("GET /api/v1/packages/", "/api/v1/packages/", None),
    ("/paket/", "/paket/", None),
    ("/paket/?q=label", "/paket/?q=label", None),
    ("/paket/?q=kripik", "/paket/?q=kripik", None),
    ("package page ({package_tiers} tiers, {package_addons} add-ons)", "/paket/{package_id}/", None),
    ("package page as owner", "/paket/{package_id}/", "owner"),
    ("/paket/pesanan/ (owner, {owner_orders} orders)", "/paket/pesanan/", "owner"),
    # issue 13: a contract page with its payment terms and payments, as the owner
    ("contract page as owner ({contract_payments} payments)", "/kontrak/{contract_id}/", "owner"),
    ("/provinsi/ (admin)", "/provinsi/", "admin"),
    ("/ejsc/staff/ (staff, {waiting} waiting)", "/ejsc/petugas/", "staff"),
    ("/ejsc/staff/day/ (staff, today)", "/ejsc/petugas/hari/", "staff"),  # issue 14: the day view
    ("/ejsc/staff/day/?date= (staff, {day_bookings} bookings)", "/ejsc/petugas/hari/?date={room_date}", "staff"),
    ("GET /api/v1/bookings/ (staff)", "/api/v1/bookings/", "staff"),
    ("GET /api/v1/bookings/?page=last (staff)", "/api/v1/bookings/?page={bookings_last_page}", "staff"),
    ("/kreator/", "/kreator/", None),
    ("/kreator/?q=kemasan", "/kreator/?q=kemasan", None),
    ("/bids/mine/ ({creative_bids} bids)", "/penawaran/saya/", "creative"),
    ("/gigs/mine/ ({owner_gigs} gigs)", "/pekerjaan/saya/", "owner"),
    ("gig page as owner ({gig_bids} bids)", "/pekerjaan/{gig_id}/", "owner"),
    ("landing /", "/", None),
    ("GET /api/v1/gigs/{{id}}/matches/ (owner)", "/api/v1/gigs/{gig_id}/matches/", "owner"),
    ("GET /api/v1/rooms/{{id}}/availability/", "/api/v1/rooms/{room_id}/availability/?date={room_date}", None),
    ("GET /api/v1/notifications/ (creative)", "/api/v1/notifications/", "creative"),
    ("/notifications/ (creative)", "/notifikasi/", "creative"),
]
BARE = ENDPOINTS[0][0]


def django_env(database_url: str, redis_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"MJC_TESTING", "REDIS_URL", "DJANGO_DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="mjc.settings_bench",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or "bench-only-secret-key-not-for-production-3f9a1c",
        DATABASE_URL=database_url,
        # the limits stay in the request path (their cache reads and writes are measured) but never trip
        MJC_THROTTLE_ANON="1000000000/hour",
        MJC_THROTTLE_USER="1000000000/hour",
        MJC_DISABLE_RATE_LIMITS="1",
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


# --- inside Django (a subprocess per database) ---------------------------------------------


def inspect(repeat: int) -> dict:
    """Sign the bench accounts in, fill the paths' ids, and count each endpoint's queries."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from mjc.site import benchdata

    User = get_user_model()
    emails = {
        "owner": benchdata.OWNER_EMAIL,
        "creative": benchdata.CREATIVE_EMAIL,
        "staff": benchdata.STAFF_EMAIL,
        "admin": benchdata.ADMIN_EMAIL,
    }
    sessions, users = {}, {}
    for role, email in emails.items():
        user = User.objects.get(email=email)
        users[role] = user
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.set_expiry(7 * 24 * 3600)
        store.create()
        sessions[role] = store.session_key

    def one(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    owner, creative, staff = users["owner"], users["creative"], users["staff"]
    gig_id, gig_bids = one(
        "SELECT g.id, count(b.id) FROM gigs_gig g JOIN umkm_business u ON u.id = g.business_id "
        "LEFT JOIN gigs_bid b ON b.gig_id = g.id WHERE u.owner_id = %s AND g.status = 'open' "
        "GROUP BY g.id ORDER BY count(b.id) DESC, g.id LIMIT 1",
        [owner.pk],
    )
    open_gigs = one("SELECT count(*) FROM gigs_gig WHERE status = 'open'")[0]
    visible = one(
        "SELECT count(*) FROM ejsc_booking b JOIN ejsc_room r ON r.id = b.room_id JOIN ejsc_space s ON s.id = r.space_id "
        "WHERE b.requester_id = %s OR s.bakorwil_id = %s",
        [staff.pk, staff.bakorwil_id],
    )[0]
    room_id = one(
        "SELECT r.id FROM ejsc_room r JOIN ejsc_space s ON s.id = r.space_id WHERE s.bakorwil_id = %s "
        "AND r.kind = 'meeting_room' ORDER BY r.id LIMIT 1",
        [staff.bakorwil_id],
    )[0]
    day = timezone.localdate()
    while True:  # the next weekday: bookings on it
        day = day + timezone.timedelta(days=1)
        if day.weekday() < 5:
            break
    package_id, package_tiers, package_addons = one(
        "SELECT p.id, (SELECT count(*) FROM packages_packagetier t WHERE t.package_id = p.id), "
        "(SELECT count(*) FROM packages_packageaddon a WHERE a.package_id = p.id) FROM packages_package p "
        "WHERE p.status = 'active' ORDER BY 2 DESC, 3 DESC, p.id LIMIT 1"
    ) or (0, 0, 0)
    contract_id, contract_payments = one(
        "SELECT c.id, count(p.id) FROM gigs_contract c LEFT JOIN payments_payment p ON p.contract_id = c.id "
        "WHERE c.owner_id = %s GROUP BY c.id ORDER BY count(p.id) DESC, c.id LIMIT 1",
        [owner.pk],
    ) or (0, 0)
    facts = {
        "packages": one("SELECT count(*) FROM packages_package WHERE status = 'active'")[0],
        "package_id": package_id,
        "package_tiers": package_tiers,
        "package_addons": package_addons,
        "owner_orders": one("SELECT count(*) FROM packages_order WHERE owner_id = %s", [owner.pk])[0],
        "contract_id": contract_id,
        "contract_payments": contract_payments,
        "gig_id": gig_id,
        "gig_bids": gig_bids,
        "gigs_last_page": max(1, math.ceil(open_gigs / 20)),
        "bookings_last_page": max(1, math.ceil(visible / 20)),
        "room_id": room_id,
        "room_date": day.isoformat(),
        "day_bookings": one(
            "SELECT count(*) FROM ejsc_booking b JOIN ejsc_room r ON r.id = b.room_id WHERE r.space_id = "
            "(SELECT id FROM ejsc_space WHERE bakorwil_id = %s ORDER BY name LIMIT 1) "
            "AND (b.start AT TIME ZONE 'Asia/Jakarta')::date = %s",
            [staff.bakorwil_id, day],
        )[0],
        "waiting": one(
            "SELECT count(*) FROM ejsc_booking b JOIN ejsc_room r ON r.id = b.room_id JOIN ejsc_space s ON s.id = r.space_id "
            "WHERE b.status = 'requested' AND s.bakorwil_id = %s",
            [staff.bakorwil_id],
        )[0],
        "creative_bids": one(
            "SELECT count(*) FROM gigs_bid b JOIN creatives_creativeprofile p ON p.id = b.creative_id WHERE p.user_id = %s",
            [creative.pk],
        )[0],
        "owner_gigs": one(
            "SELECT count(*) FROM gigs_gig g JOIN umkm_business u ON u.id = g.business_id WHERE u.owner_id = %s",
            [owner.pk],
        )[0],
        "rows": {
            name: one(f"SELECT count(*) FROM {name}")[0]
            for name in (
                "gigs_gig",
                "gigs_bid",
                "gigs_contract",
                "creatives_creativeprofile",
                "umkm_business",
                "ejsc_booking",
                "notifications_notification",
                "packages_package",
                "packages_order",
                "payments_payment",
            )
        },  # fmt: skip
    }
    stats = {}
    for name, path, role in ENDPOINTS:
        label, url = name.format(**facts), path.format(**facts)
        client = Client()
        if role:
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
        runs = []
        for attempt in range(repeat + 1):
            timed: list[tuple[float, str]] = []

            def timer(execute, sql, params, many, context, timed=timed):
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    timed.append(((time.perf_counter() - started) * 1000, sql))

            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            if attempt == 0:
                continue  # warm-up
            heaviest = max(timed, default=(0.0, ""))
            runs.append(
                {
                    "queries": len(timed),
                    "heaviest_ms": heaviest[0],
                    "heaviest_sql": heaviest[1][:300],
                    "ms": elapsed,
                    "status": response.status_code,
                    "bytes": len(response.content),
                }
            )
        middle = sorted(runs, key=lambda run: run["heaviest_ms"])[len(runs) // 2]
        stats[name] = {
            "label": label,
            "url": url,
            "role": role,
            "queries": max(run["queries"] for run in runs),
            "heaviest_ms": statistics.median(run["heaviest_ms"] for run in runs),
            "heaviest_sql": middle["heaviest_sql"],
            "inprocess_ms": statistics.median(run["ms"] for run in runs),
            "status": runs[-1]["status"],
            "bytes": runs[-1]["bytes"],
        }
    return {"sessions": sessions, "cookie": settings.SESSION_COOKIE_NAME, "facts": facts, "stats": stats}


def run_inspect(database_url: str, repeat: int) -> dict:
    result = subprocess.run(
        [PYTHON, __file__, "--internal-inspect", "--repeat", str(repeat)],
        cwd=ROOT, env=django_env(database_url), capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"inspecting {database_url} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- HTTP measurement ----------------------------------------------------------------------


def get(connection: http.client.HTTPConnection, path: str, headers: dict) -> int:
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def throughput(port: int, path: str, headers: dict, clients: int, duration: float) -> tuple[float, dict]:
    """Requests per second of ``clients`` keep-alive clients until ``duration`` has passed
    (requests in flight at the end are waited for and counted)."""
    counts = [0] * clients
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(index: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        barrier.wait()
        seen = {}
        while time.perf_counter() < deadline[0]:
            try:
                status = get(connection, path, headers)
            except (http.client.HTTPException, OSError):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                status = -1
            seen[status] = seen.get(status, 0) + 1
            counts[index] += 1
        connection.close()
        with lock:
            for status, n in seen.items():
                statuses[status] = statuses.get(status, 0) + n

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    deadline[0] = started + duration
    barrier.wait()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started), statuses


def latency(port: int, path: str, headers: dict, duration: float, minimum: int = 5, maximum: int = 400) -> list[float]:
    """Milliseconds of one client's requests, one after the other."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    samples = []
    stop = time.perf_counter() + duration
    while len(samples) < maximum and (len(samples) < minimum or time.perf_counter() < stop):
        started = time.perf_counter()
        get(connection, path, headers)
        samples.append((time.perf_counter() - started) * 1000)
    connection.close()
    return samples


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(database_url: str, port: int, redis_url: str | None) -> subprocess.Popen:
    env = django_env(database_url, redis_url)
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    process = subprocess.Popen(
        [gunicorn, "mjc.wsgi:application", "--workers", "2", "--threads", "4", "--worker-class", "gthread",
         "--bind", f"127.0.0.1:{port}", "--keep-alive", "30", "--timeout", "300", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            if get(connection, "/bench/bare/", {}) == 200:
                return process
        except OSError:
            time.sleep(0.1)
        if process.poll() is not None:
            raise SystemExit("gunicorn did not start")
    raise SystemExit("gunicorn did not answer on /bench/bare/")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# --- the run -------------------------------------------------------------------------------


def fmt_rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.2f}"


def fmt_ratio(value: float) -> str:
    percent = value * 100
    return f"{percent:.0f} %" if percent >= 10 else f"{percent:.2f} %" if percent >= 0.1 else f"{percent:.3f} %"


def fmt_ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale-db", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DB, help="the bench database"
    )
    parser.add_argument("--compare-db", default=os.environ.get("BENCH_COMPARE_DATABASE_URL") or "",
                        help="a second bench database (e.g. the 2 %% one): its heaviest queries are shown beside")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--duration", type=float, default=3.0, help="seconds of each throughput and latency measurement"
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive clients for requests/s")
    parser.add_argument("--only", default="", help="a regular expression: measure only the endpoints it finds")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs per endpoint for the query figures")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL") or "",
                        help="a Redis for the cache (throttle counters); default: local memory")  # fmt: skip
    parser.add_argument("--output", default=str(ROOT / ".bench" / "last.md"))
    parser.add_argument("--internal-inspect", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.internal_inspect:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(inspect(options.repeat)))
        return

    selected = [e for e in ENDPOINTS if e[0] == BARE or not options.only or re.search(options.only, e[0] + " " + e[1])]
    # the manifest static files storage of DEBUG off needs the collected files
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=django_env(options.scale_db),
        check=True,
    )
    print(f"inspecting {options.scale_db} (sessions, ids, query counts)…", flush=True)
    main_db = run_inspect(options.scale_db, options.repeat)
    compare = None
    if options.compare_db:
        print(f"inspecting {options.compare_db}…", flush=True)
        compare = run_inspect(options.compare_db, options.repeat)
    stats = main_db["stats"]

    port = options.port or free_port()
    process = start_gunicorn(options.scale_db, port, options.redis_url or None)
    results: dict[str, dict[str, list]] = {
        name: {"rps": [], "ratio": [], "p50": [], "p95": [], "statuses": {}} for name, *_ in selected
    }
    try:
        headers_of = {}
        for name, _path, role in selected:
            headers = {
                "Host": "127.0.0.1",
                "Accept": "application/json" if "/api/" in stats[name]["url"] else "text/html",
            }
            if role:
                headers["Cookie"] = f"{main_db['cookie']}={main_db['sessions'][role]}"
            headers_of[name] = headers
            for _ in range(4):  # warm both workers
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                get(connection, stats[name]["url"], headers)
                connection.close()
        others = [e for e in selected if e[0] != BARE]
        for round_number in range(options.rounds):
            # interleaved: the bare view before every fourth endpoint, the order turned each round
            order = others[round_number % max(1, len(others)) :] + others[: round_number % max(1, len(others))]
            bare_rates = []
            round_rates = {}
            for index, (name, _path, _role) in enumerate(order):
                if index % 4 == 0:
                    rate, statuses = throughput(
                        port, "/bench/bare/", headers_of[BARE], options.clients, options.duration
                    )
                    bare_rates.append(rate)
                    samples = latency(port, "/bench/bare/", headers_of[BARE], options.duration / 2)
                    results[BARE]["rps"].append(rate)
                    results[BARE]["p50"].append(percentile(samples, 0.5))
                    results[BARE]["p95"].append(percentile(samples, 0.95))
                url = stats[name]["url"]
                rate, statuses = throughput(port, url, headers_of[name], options.clients, options.duration)
                samples = latency(port, url, headers_of[name], options.duration)
                round_rates[name] = rate
                results[name]["rps"].append(rate)
                results[name]["p50"].append(percentile(samples, 0.5))
                results[name]["p95"].append(percentile(samples, 0.95))
                for status, n in statuses.items():
                    results[name]["statuses"][status] = results[name]["statuses"].get(status, 0) + n
                print(f"  round {round_number + 1}: {stats[name]['label']:<48} {fmt_rate(rate):>8} req/s  "
                      f"p95 {fmt_ms(percentile(samples, 0.95)):>7} ms", flush=True)  # fmt: skip
            bare_round = statistics.median(bare_rates) if bare_rates else float("nan")
            results[BARE]["ratio"].append(1.0)
            for name, rate in round_rates.items():
                results[name]["ratio"].append(rate / bare_round)
            print(
                f"  round {round_number + 1}: bare view {fmt_rate(bare_round)} req/s (median of {len(bare_rates)})",
                flush=True,
            )
    finally:
        stop_gunicorn(process)

    table = render(options, selected, results, main_db, compare)
    print()
    print(table)
    output = Path(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(table + "\n")
    print(f"\nwritten to {output}")


def render(options, selected, results, main_db, compare) -> str:
    stats, facts = main_db["stats"], main_db["facts"]
    rows = facts["rows"]
    lines = [
        f"# make bench — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        f"Database `{options.scale_db.rsplit('/', 1)[-1]}`: {rows['gigs_gig']:,} gigs, {rows['gigs_bid']:,} bids, "
        f"{rows['gigs_contract']:,} contracts, {rows['creatives_creativeprofile']:,} creatives, {rows['umkm_business']:,} businesses, "
        f"{rows['ejsc_booking']:,} bookings, {rows['notifications_notification']:,} notifications, "
        f"{rows.get('packages_package', 0):,} packages, {rows.get('packages_order', 0):,} orders, "
        f"{rows.get('payments_payment', 0):,} payments.",
        f"gunicorn 2 workers × 4 threads (gthread), DEBUG off, {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
        f"Python {platform.python_version()}; {options.clients} keep-alive clients × {options.duration:g} s for req/s, one client "
        f"for p50/p95; median of {options.rounds} interleaved rounds; ratio = req/s ÷ the bare view's req/s in the same round.",
        "Queries and heaviest query: the request run in-process (django.test.Client, every query timed by a connection.execute_wrapper), median of "
        f"{options.repeat} runs after a warm-up.",
        "",
    ]
    header = "| endpoint | status | KB | req/s | ratio to bare | p50 ms | p95 ms | queries | heaviest query ms |"
    rule = "|---|---|---|---|---|---|---|---|---|"
    if compare:
        small = compare["facts"]["rows"]["gigs_gig"]
        header += f" heaviest at {small:,} gigs ms | growth |"
        rule += "---|---|"
    lines += [header, rule]
    for name, _path, _role in selected:
        stat, result = stats[name], results[name]
        if not result["rps"]:
            continue
        bad = {s: n for s, n in result["statuses"].items() if s != stat["status"]}
        status = str(stat["status"]) + (f" ({', '.join(f'{n}× {s}' for s, n in bad.items())})" if bad else "")
        cells = [
            f"`{stat['label']}`" if name != BARE else "bare Django view (`/bench/bare/`)",
            status,
            f"{stat['bytes'] / 1024:,.0f}" if stat["bytes"] >= 1024 else f"{stat['bytes'] / 1024:.1f}",
            fmt_rate(statistics.median(result["rps"])),
            fmt_ratio(statistics.median(result["ratio"])),
            fmt_ms(statistics.median(result["p50"])),
            fmt_ms(statistics.median(result["p95"])),
            str(stat["queries"]),
            fmt_ms(stat["heaviest_ms"]),
        ]
        if compare:
            other = compare["stats"].get(name)
            if other and other["heaviest_ms"] > 0:
                cells += [fmt_ms(other["heaviest_ms"]), f"{stat['heaviest_ms'] / other['heaviest_ms']:.1f}×"]
            else:
                cells += ["—", "—"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Heaviest query of each endpoint (first 300 characters):", ""]
    for name, _path, _role in selected:
        if name != BARE and stats[name]["heaviest_sql"]:
            sql = " ".join(stats[name]["heaviest_sql"].split())
            lines.append(f"- `{stats[name]['label']}` ({fmt_ms(stats[name]['heaviest_ms'])} ms): `{sql}`")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
