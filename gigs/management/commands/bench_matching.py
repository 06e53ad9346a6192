"""``make bench-matching``: match one gig against 100 000 creatives, in SQL and naively.

Creates a separate database (``<configured name>_bench`` on the same server), migrates it,
fills it with creatives (skills, regions, ratings, day rates, recent activity, some
active contracts) and times:

* the SQL matching (``gigs.matching.top_matches``: score every creative, keep the top 20),
* the full job (``match_gig``: the same plus storing the 20 GigMatch rows),
* the same score computed naively in Python, one object per creative,

prints the figures (median of several runs) and checks both give the same top 10.
The bench database is dropped at the end unless ``--keep`` is given.
"""

import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal

import psycopg2
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.utils import timezone

TARGET_MS = 300


def _admin_dsn(db: dict) -> dict:
    return {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
        "dbname": "postgres",
    }


class _Admin:
    """A short autocommit connection to the server's "postgres" database."""

    def __init__(self, db: dict):
        self.connection = psycopg2.connect(**_admin_dsn(db))
        self.connection.autocommit = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.connection.close()

    def execute(self, sql: str, params=None):
        cursor = self.connection.cursor()
        cursor.execute(sql, params)
        return cursor


class Command(BaseCommand):
    help = "Benchmark the gig–creative matching on 100 000 creatives (SQL against naive Python)."

    def add_arguments(self, parser):
        parser.add_argument("--creatives", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=7, help="timed runs of the SQL matching (median is shown)")
        parser.add_argument("--python-runs", type=int, default=3)
        parser.add_argument("--keep", action="store_true", help="keep the bench database (and reuse it next time)")
        parser.add_argument("--seed", type=int, default=2026)

    # --- database --------------------------------------------------------------------

    def use_bench_database(self, keep: bool) -> tuple[str, bool]:
        db = settings.DATABASES["default"]
        name = f"{db['NAME']}_bench"[:63]
        with _Admin(db) as admin:
            exists = admin.execute("select 1 from pg_database where datname = %s", [name]).fetchone() is not None
            if exists and not keep:
                admin.execute(f'drop database "{name}" with (force)')
                exists = False
            if not exists:
                admin.execute(f'create database "{name}"')
        connections.close_all()
        for settings_dict in (settings.DATABASES["default"], connections["default"].settings_dict):
            settings_dict["NAME"] = name
        return name, exists

    def drop_bench_database(self, name: str) -> None:
        connections.close_all()
        with _Admin(settings.DATABASES["default"]) as admin:
            admin.execute(f'drop database if exists "{name}" with (force)')

    # --- data --------------------------------------------------------------------------

    def fill(self, count: int, rng: random.Random) -> None:
        from django.contrib.auth import get_user_model

        from creatives.models import CreativeProfile
        from gigs.models import Bid, Contract, Gig
        from mjc.categories.models import Category
        from mjc.regions.models import Kabupaten
        from umkm.models import Business

        User = get_user_model()
        now = timezone.now()
        kabupaten = list(Kabupaten.objects.values_list("pk", flat=True))
        categories = list(Category.objects.values_list("pk", flat=True))
        batch = 5000
        started = time.perf_counter()
        for start in range(0, count, batch):
            size = min(batch, count - start)
            users = User.objects.bulk_create(
                [
                    User(
                        email=f"bench{start + i}@bench.mjc.id",
                        full_name=f"Kreator {start + i}",
                        password="!",
                        is_creative=True,
                        language=rng.choice(["id", "id", "id", "en"]),
                        last_login=now - timedelta(days=rng.randint(0, 400)) if rng.random() < 0.8 else None,
                    )
                    for i in range(size)
                ]
            )
            profiles = CreativeProfile.objects.bulk_create(
                [
                    CreativeProfile(
                        user=user,
                        headline="Kreator Jawa Timur",
                        kabupaten_id=rng.choice(kabupaten) if rng.random() < 0.95 else None,
                        day_rate=rng.choice([None, *range(150_000, 5_000_001, 50_000)]),
                        available=rng.random() < 0.75,
                        rating_avg=Decimal(rng.randint(300, 500)) / 100 if rng.random() < 0.6 else Decimal(0),
                        rating_count=rng.randint(0, 40),
                        completed_count=rng.randint(0, 40),
                    )
                    for user in users
                ]
            )
            links = []
            for profile in profiles:
                for category_id in rng.sample(categories, rng.randint(1, 3)):
                    links.append(CreativeProfile.skills.through(creativeprofile_id=profile.pk, category_id=category_id))
            CreativeProfile.skills.through.objects.bulk_create(links)
            # recent activity: profile changes spread over the last year
            CreativeProfile.objects.filter(pk__in=[profile.pk for profile in profiles]).update(
                updated_at=now - timedelta(days=rng.randint(0, 365))
            )
        # a few hundred businesses' gigs in progress: active contracts make creatives busy
        owner = User.objects.create(email="bench-owner@bench.mjc.id", full_name="Pemilik", password="!", is_owner=True)
        business = Business.objects.create(owner=owner, name="UMKM Bench", sector="makanan", kabupaten_id=kabupaten[0])
        busy = rng.sample(list(CreativeProfile.objects.values_list("pk", flat=True)), min(3000, count))
        gigs = Gig.objects.bulk_create(
            [
                Gig(
                    business=business,
                    title=f"Gig {i}",
                    description="-",
                    category_id=rng.choice(categories),
                    budget_min=500_000,
                    budget_max=2_000_000,
                    deadline=now.date() + timedelta(days=30),
                    kabupaten_id=kabupaten[0],
                    status="in_progress",
                    created_by=owner,
                    published_at=now,
                )
                for i in range(len(busy))
            ]
        )
        bids = Bid.objects.bulk_create(
            [
                Bid(gig=gig, creative_id=pk, amount=1_000_000, delivery_days=7, proposal="-", status="accepted")
                for gig, pk in zip(gigs, busy, strict=True)
            ]
        )
        Contract.objects.bulk_create(
            [
                Contract(
                    gig=bid.gig,
                    bid=bid,
                    owner=owner,
                    creative_id=bid.creative_id,
                    amount=bid.amount,
                    due_date=now.date() + timedelta(days=7),
                    status=rng.choice(["active", "delivered", "completed"]),
                )
                for bid in bids
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"filled {count} creatives in {time.perf_counter() - started:.1f} s")

    # --- the bench ---------------------------------------------------------------------

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        name, reused = self.use_bench_database(options["keep"])
        self.stdout.write(f"bench database: {name}")
        try:
            call_command("migrate", verbosity=0, interactive=False)
            from creatives.models import CreativeProfile

            if not reused or CreativeProfile.objects.count() < options["creatives"]:
                if reused:
                    raise CommandError(f"{name} holds fewer creatives than asked; run without --keep to rebuild it")
                self.fill(options["creatives"], rng)
            self.bench(options, rng)
        finally:
            if not options["keep"]:
                self.drop_bench_database(name)

    def bench(self, options, rng) -> None:
        from creatives.models import CreativeProfile
        from gigs.matching import GigFacts, match_gig, python_top, scored_creatives, top_matches
        from gigs.models import Gig, GigMatch
        from mjc.categories.models import Category
        from mjc.regions.models import Kabupaten
        from umkm.models import Business

        owner_business = Business.objects.get(name="UMKM Bench")
        gig, _ = Gig.objects.get_or_create(
            title="Desain kemasan keripik tempe (bench)",
            defaults=dict(
                business=owner_business,
                description="Kemasan standing pouch.",
                category=Category.objects.get(slug="kemasan"),
                budget_min=1_000_000,
                budget_max=3_000_000,
                deadline=timezone.localdate() + timedelta(days=14),
                kabupaten=Kabupaten.objects.get(code="3507"),
                work_mode="onsite",
                status="open",
                created_by=owner_business.owner,
                published_at=timezone.now(),
            ),
        )
        creatives = CreativeProfile.objects.count()
        facts = GigFacts.of(gig)
        top_matches(facts)  # warm the caches once

        sql_ms = []
        for _ in range(options["runs"]):
            started = time.perf_counter()
            best = top_matches(GigFacts.of(gig))
            sql_ms.append((time.perf_counter() - started) * 1000)
        full_ms = []
        for _ in range(options["runs"]):
            started = time.perf_counter()
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL jit = off")
                full = list(scored_creatives(GigFacts.of(gig))[:20])
            full_ms.append((time.perf_counter() - started) * 1000)
        job_ms = []
        for _ in range(options["runs"]):
            started = time.perf_counter()
            with transaction.atomic():
                match_gig(gig.pk, notify_best=False)
            job_ms.append((time.perf_counter() - started) * 1000)
        python_ms = []
        for _ in range(options["python_runs"]):
            started = time.perf_counter()
            naive = python_top(facts, 10)
            python_ms.append((time.perf_counter() - started) * 1000)

        in_sql = [(profile.pk, profile.points) for profile in best[:10]]
        same = in_sql == naive == [(profile.pk, profile.points) for profile in full[:10]]
        stored = GigMatch.objects.filter(gig=gig).count()
        median_sql, median_full, median_job, median_python = (
            statistics.median(v) for v in (sql_ms, full_ms, job_ms, python_ms)
        )
        self.stdout.write("")
        self.stdout.write(f"creatives scored per gig:                {creatives}")
        self.stdout.write(
            f"SQL matching (top 20, skilled first):    {median_sql:8.1f} ms per gig (median of {len(sql_ms)}; "
            f"min {min(sql_ms):.1f}, max {max(sql_ms):.1f})"
        )
        self.stdout.write(
            f"SQL, every creative scored (no shortcut):{median_full:8.1f} ms per gig (median of {len(full_ms)})"
        )
        self.stdout.write(
            f"full job (SQL + store {stored} GigMatch rows): {median_job:6.1f} ms per gig (median of {len(job_ms)})"
        )
        self.stdout.write(
            f"naive Python (one object per creative):  {median_python:8.1f} ms per gig (median of {len(python_ms)})"
        )
        self.stdout.write(f"speed-up:                                {median_python / median_sql:8.1f} ×")
        self.stdout.write(f"same top 10 (SQL, SQL full scan, Python): {'yes' if same else 'NO'}")
        self.stdout.write(f"top 3 (creative id, points):             {in_sql[:3]}")
        verdict = "OK" if median_job < TARGET_MS else "SLOWER THAN TARGET"
        self.stdout.write(f"target < {TARGET_MS} ms per gig:                  {verdict}")
        if not same:
            self.stdout.write(f"SQL:    {in_sql}\nPython: {naive}")
            raise CommandError("the SQL and the Python matching disagree")
