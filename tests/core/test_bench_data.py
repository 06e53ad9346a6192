"""``manage.py bench_data`` (make bench-data, issue 8) at a tiny scale, into a throwaway
database next to the test database: the shape of the data, its consistency, and that a
second run gives the very same rows."""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench_url():
    db = dj_database_url.parse(os.environ["DATABASE_URL"]) if os.environ.get("DATABASE_URL") else None
    if db is None:
        pytest.skip("needs DATABASE_URL (a PostgreSQL server the test may create a database on)")
    name = f"{db['NAME']}_benchdata"[:63]
    server = dict(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
    )
    url = f"postgres://{server['user']}{':' + server['password'] if server['password'] else ''}@{server['host']}:{server['port']}/{name}"
    yield url
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def fill(url: str) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "manage.py", "bench_data", "--scale", "0.001", "--database-url", url, "--checksum"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "vacuum analyze" in result.stdout  # every step printed its time
    return dict(line.split()[1:3] for line in result.stdout.splitlines() if line.startswith("checksum "))


def test_bench_data_has_the_shape_and_refills_identically(bench_url):
    first = fill(bench_url)
    second = fill(bench_url)

    assert first == second
    counts = {name: int(value.split(":")[0]) for name, value in first.items()}
    assert counts["umkm_business"] == 20
    assert counts["creatives_creativeprofile"] == 100
    assert counts["gigs_gig"] == 100
    assert counts["gigs_bid"] == 1000
    assert counts["gigs_conversation"] == 1000
    assert counts["gigs_contract"] == 50
    assert counts["ejsc_booking"] == 200
    assert counts["notifications_notification"] == 1000
    assert counts["accounts_user"] == 20 + 100 + 5 + 1  # owners, creatives, a staff per Bakorwil, the admin
    # packages, orders and payments (issues 12 and 13): every new table is filled
    assert counts["packages_package"] == 20
    assert counts["packages_order"] == 50
    for name in ("packages_packagetier", "packages_packageaddon", "payments_paymentterms", "payments_instalment",
                 "payments_payment", "payments_document"):  # fmt: skip
        assert counts[name] > 0, name

    connection = psycopg2.connect(bench_url)
    with connection, connection.cursor() as cursor:

        def one(sql):
            cursor.execute(sql)
            return cursor.fetchone()[0]

        assert one("SELECT count(*) FROM gigs_gig WHERE status = 'open'") == 5
        # every contract holds its gig's accepted bid, and the gig's status follows the contract's
        assert one("SELECT count(*) FROM gigs_contract c JOIN gigs_bid b ON b.id = c.bid_id "
                   "WHERE b.status <> 'accepted' OR b.gig_id <> c.gig_id OR b.creative_id <> c.creative_id") == 0  # fmt: skip
        assert one("SELECT count(*) FROM gigs_bid WHERE status = 'accepted'") == 50
        assert one("SELECT count(*) FROM gigs_contract c JOIN gigs_gig g ON g.id = c.gig_id WHERE NOT ("
                   "(c.status = 'completed' AND g.status = 'completed') OR (c.status = 'cancelled' AND g.status = 'cancelled') "
                   "OR (c.status NOT IN ('completed', 'cancelled') AND g.status = 'in_progress'))") == 0  # fmt: skip
        assert one("SELECT count(*) FROM gigs_bid b JOIN gigs_gig g ON g.id = b.gig_id WHERE g.status = 'draft'") == 0
        assert one("SELECT count(*) FROM gigs_gig WHERE status = 'open' AND deadline < current_date") == 0
        # the searches of the benchmark find something
        assert one("SELECT count(*) FROM gigs_gig WHERE title ILIKE '%kemasan%'") > 0
        assert one("SELECT count(*) FROM gigs_gig WHERE description ILIKE '%untuk%'") == 100
        # the bench accounts can sign in
        assert one("SELECT count(*) FROM accounts_user u JOIN account_emailaddress e ON e.user_id = u.id AND e.verified "
                   "WHERE u.email LIKE 'bench-%' AND u.password LIKE 'pbkdf2_sha256$%'") == 8  # fmt: skip
        assert one("SELECT count(*) FROM ejsc_booking WHERE status = 'requested'") >= 1
        # the creatives' figures agree with their contracts
        assert one("SELECT count(*) FROM creatives_creativeprofile p WHERE completed_count <> "
                   "(SELECT count(*) FROM gigs_contract c WHERE c.creative_id = p.id AND c.status = 'completed')") == 0  # fmt: skip
        # packages: every status, a tier each (the 'from' price is the lowest tier's), found by the catalogue's words
        assert one("SELECT count(*) FROM packages_package WHERE status = 'active'") >= 10
        assert one("SELECT count(DISTINCT status) FROM packages_package") >= 3
        assert one("SELECT count(*) FROM packages_package p WHERE price_from IS DISTINCT FROM "
                   "(SELECT min(price) FROM packages_packagetier t WHERE t.package_id = p.id)") == 0  # fmt: skip
        assert one("SELECT count(*) FROM packages_package WHERE status = 'active' AND title ILIKE '%kemasan%'") > 0
        # orders in every status; an accepted one holds a contract of the same owner, creative and amount
        assert one("SELECT count(DISTINCT status) FROM packages_order") == 5
        assert one("SELECT count(*) FROM packages_order WHERE status = 'accepted' AND contract_id IS NULL") == 0
        assert one("SELECT count(*) FROM packages_order o JOIN gigs_contract c ON c.id = o.contract_id WHERE "
                   "c.owner_id <> o.owner_id OR c.creative_id <> o.creative_id OR c.amount <> o.amount") == 0  # fmt: skip
        assert one("SELECT count(*) FROM packages_order o JOIN packages_package p ON p.id = o.package_id "
                   "WHERE p.creative_id <> o.creative_id") == 0  # fmt: skip
        assert one("SELECT count(*) FROM packages_order WHERE owner_id = 1") >= 1  # bench-owner's
        # payments: the instalments add up to the contract's amount; a receipt for every confirmed payment
        assert one("SELECT count(*) FROM (SELECT i.contract_id FROM payments_instalment i JOIN gigs_contract c "
                   "ON c.id = i.contract_id GROUP BY i.contract_id, c.amount HAVING sum(i.amount) <> c.amount) AS bad") == 0  # fmt: skip
        assert one("SELECT count(*) FROM payments_payment p LEFT JOIN payments_document d ON d.payment_id = p.id "
                   "WHERE (p.status = 'confirmed') <> (d.id IS NOT NULL)") == 0  # fmt: skip
        assert one("SELECT count(*) FROM payments_payment p JOIN gigs_contract c ON c.id = p.contract_id "
                   "WHERE c.owner_id = 1") > 0  # fmt: skip
        # EJSC (issue 14): waiting requests have a decision deadline, approved bookings a check-in code
        assert one("SELECT count(*) FROM ejsc_booking WHERE status = 'requested' AND decide_by IS NULL") == 0
        assert one("SELECT count(*) FROM ejsc_booking WHERE status = 'approved' AND check_code IS NULL") == 0
        # new rows get fresh ids after the explicit ones
        assert one("SELECT nextval(pg_get_serial_sequence('gigs_bid', 'id'))") == 1001
        assert one("SELECT nextval(pg_get_serial_sequence('packages_order', 'id'))") == 51
    connection.close()
