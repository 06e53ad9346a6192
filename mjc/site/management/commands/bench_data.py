"""``make bench-data``: fill the bench database with the province-scale dataset (issue 8).

The bench database is separate from the one the app uses: ``--database-url``, else
``BENCH_DATABASE_URL``, else ``postgres://postgres@127.0.0.1:5432/mjc_bench``. It is created
when missing, migrated, truncated and refilled (the same rows on every run of the same day);
see mjc/site/benchdata.py for the shape and the bench accounts (password ``bench12345``).
"""

import os
import time

import dj_database_url
import psycopg2
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from mjc.db_config import use_statement_timeout
from mjc.site.benchdata import Filler, checksums

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/mjc_bench"


def bench_database(url: str) -> dict:
    """Point the default connection at the bench database, creating it when missing."""
    db = dj_database_url.parse(url)
    name = db["NAME"]
    if "bench" not in name:
        raise CommandError(f"refusing to truncate {name!r}: the bench database's name must contain 'bench'")
    admin = psycopg2.connect(
        host=db.get("HOST") or "127.0.0.1", port=db.get("PORT") or 5432, user=db.get("USER") or "postgres",
        password=db.get("PASSWORD") or None, dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()
    connections.close_all()
    for settings_dict in (settings.DATABASES["default"], connections["default"].settings_dict):
        for key in ("NAME", "HOST", "PORT", "USER", "PASSWORD"):
            settings_dict[key] = db.get(key) or ""
        # filling a million rows takes longer than a web request may (mjc/db_config.py)
        use_statement_timeout({"default": settings_dict}, 0)
    return db


class Command(BaseCommand):
    help = "Fill the separate bench database with the province-scale dataset (truncate and refill)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full dataset (0.02: a 2 %% run)")
        parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL)
        parser.add_argument("--checksum", action="store_true", help="print an md5 of every filled table at the end")

    def handle(self, *args, **options):
        db = bench_database(options["database_url"])
        self.stdout.write(f"bench database: {db['NAME']}")
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        self.stdout.write(f"  {'migrate':<28} {'':>10}      {time.perf_counter() - started:8.1f} s")
        Filler(options["scale"], self.stdout).run()
        if options["checksum"]:
            for name, digest in checksums().items():
                self.stdout.write(f"checksum {name} {digest}")
        self.stdout.write(
            self.style.SUCCESS(
                "bench data ready; log in with bench-owner@, bench-creative@, bench-staff@ or "
                "bench-admin@bench.mjc.id, password bench12345"
            )
        )
