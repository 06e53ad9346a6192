"""The province-scale dataset of ``make bench-data`` (issue 8): set-based SQL only.

Every row comes from ``INSERT … SELECT … FROM generate_series`` with values picked by
``hashint8`` of the row number, so the data is the same on every run of the same day (the
dates are anchored on today, WIB, so that open gigs and waiting bookings stay in the future).
Ids are given explicitly (owners 1…B, creatives after them, then the bench staff and admin),
so foreign keys are plain arithmetic and no lookup is needed while filling.

This module is only used by the bench command; it reaches the domain tables through the app
registry (``apps.get_model``) and the EJSC hubs through ``mjc.site.demo.ejsc``'s constants by name, so
that the core layer imports no domain app.
"""

from __future__ import annotations

import functools
import json
import math
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from mjc.core.summaries import refresh_summaries
from mjc.site.demo import ejsc as demo

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "bench12345"
EMAIL_DOMAIN = "bench.mjc.id"
OWNER_EMAIL = f"bench-owner@{EMAIL_DOMAIN}"
CREATIVE_EMAIL = f"bench-creative@{EMAIL_DOMAIN}"
STAFF_EMAIL = f"bench-staff@{EMAIL_DOMAIN}"  # Bakorwil I, the one with the long queue
ADMIN_EMAIL = f"bench-admin@{EMAIL_DOMAIN}"

# The full-scale shape (issue 8); --scale multiplies every figure.
FULL = {
    "businesses": 20_000,
    "creatives": 100_000,
    "gigs": 100_000,
    "open_gigs": 5_000,
    "contracts": 50_000,
    "bids": 1_000_000,
    "bookings": 200_000,
    "notifications": 1_000_000,
    "owner_gigs": 412,  # bench-owner's gigs (/gigs/mine/)
    "owner_gig_bids": 87,  # bids on bench-owner's first gig (the gig page as owner)
    "creative_bids": 2_000,  # bench-creative's bids (/bids/mine/)
    "waiting": 414,  # requests waiting in Bakorwil I (/ejsc/staff/)
    "special_notifications": 600,  # notifications of each bench account
    # issue 12 (packages) and the payments of the contracts
    "packages": 20_000,  # 1 to 3 tiers each, some add-ons; most active
    "orders": 50_000,  # in every status; the accepted ones hold one of the contracts
    "owner_orders": 120,  # bench-owner's orders (/paket/pesanan/)
}
TERMS_SHARE = 60  # percent of the other contracts with payment terms (every order-born one and bench-owner's have them)
MATCHES_PER_OPEN_GIG = 20
SLOTS_PER_DAY = 6  # two-hour slots from 08.00 to 20.00 WIB, Monday to Friday
FUTURE_WEEKDAYS = 30

# --- word lists (Indonesian-looking titles, briefs and names) ----------------------------

FIRST_NAMES = [
    "Siti", "Budi", "Agus", "Dewi", "Rina", "Eko", "Sri", "Wahyu", "Nur", "Ahmad", "Dian", "Fitri", "Rudi", "Yuli",
    "Hendra", "Lina", "Bayu", "Putri", "Arif", "Indah", "Dimas", "Ayu", "Fajar", "Ratna", "Joko", "Wulan", "Rizky",
    "Anisa", "Galih", "Maya",
]  # fmt: skip
LAST_NAMES = [
    "Santoso", "Wijaya", "Rahayu", "Pratama", "Lestari", "Hidayat", "Setiawan", "Kusuma", "Saputra", "Wulandari",
    "Nugroho", "Susanti", "Firmansyah", "Anggraini", "Prasetyo", "Hakim", "Maulana", "Purnomo", "Handayani", "Syahputra",
]  # fmt: skip
PRODUCTS = [
    "keripik tempe", "keripik singkong", "keripik pisang", "batik tulis Madura", "batik Tanjung Bumi", "kopi Ijen",
    "sambal bawang", "kerupuk udang", "madu hutan", "jamu gendong", "brem Madiun", "tahu takwa Kediri", "dodol apel",
    "bakpia kacang hijau", "tas anyaman pandan", "kue kering", "susu kambing etawa", "teh rosella", "gula aren",
    "bumbu pecel", "keripik apel Batu", "batik cap Pacitan", "kopi robusta Dampit", "tempe Malang", "kerajinan kayu",
]  # fmt: skip
SECTORS = ["makanan", "minuman", "batik", "kerajinan", "kopi", "fesyen", "jamu", "oleh-oleh"]
BUSINESS_PREFIXES = ["UD", "CV", "Rumah", "Griya", "Dapur", "Toko", "Sentra", "Omah"]
# (category slug, title prefix): the title says what the gig asks for
SERVICES = [
    ("kemasan", "Desain kemasan"), ("kemasan", "Desain kemasan standing pouch"), ("kemasan", "Label dan kemasan"),
    ("kemasan", "Kemasan baru"), ("logo-branding", "Desain logo"), ("logo-branding", "Logo dan identitas merek"),
    ("logo-branding", "Branding ulang"), ("foto-produk", "Foto produk"), ("foto-produk", "Foto katalog"),
    ("foto-produk", "Foto produk dan kemasan"), ("video-animasi", "Video promosi"), ("video-animasi", "Animasi pendek"),
    ("media-sosial", "Konten Instagram"), ("media-sosial", "Kelola media sosial"), ("iklan-digital", "Iklan digital"),
    ("iklan-digital", "Kampanye iklan"), ("copywriting", "Copywriting"), ("copywriting", "Deskripsi produk"),
    ("website-toko-online", "Website toko online"), ("website-toko-online", "Toko online"),
    ("aplikasi", "Aplikasi kasir"), ("aplikasi", "Aplikasi pemesanan"), ("lainnya", "Desain banner"),
    ("lainnya", "Desain brosur"),
]  # fmt: skip
TITLE_SUFFIXES = [
    "untuk toko online",
    "untuk Shopee",
    "untuk pameran UMKM",
    "untuk Instagram",
    "untuk oleh-oleh",
    "untuk ekspor",
]
BRIEF_OPENINGS = [
    "Kami usaha rumahan", "Kami UMKM keluarga", "Kami koperasi wanita tani", "Kami produsen kecil",
    "Kami toko oleh-oleh", "Kami pengrajin",
]  # fmt: skip
BRIEF_ENDINGS = [
    "Mohon sertakan contoh karya sebelumnya.", "Kami ingin tampilan yang modern tetapi tetap tradisional.",
    "File akhir dalam format siap cetak.", "Bisa diskusi lewat WhatsApp atau bertemu di EJSC.",
    "Anggaran bisa dibicarakan untuk hasil yang bagus.", "Target selesai sebelum pameran bulan depan.",
]  # fmt: skip
HEADLINES = [
    "Desainer kemasan dan logo", "Fotografer produk UMKM", "Ilustrator dan desainer grafis", "Videografer dan animator",
    "Pengelola media sosial", "Pengembang web dan toko online", "Copywriter bahasa Indonesia dan Inggris",
    "Desainer batik digital", "Spesialis iklan digital", "Programmer aplikasi",
]  # fmt: skip
PROPOSALS = [
    "Saya sudah sering mengerjakan desain untuk UMKM makanan.", "Saya bisa mulai minggu ini dan revisi dua kali.",
    "Portofolio saya ada di profil, termasuk kemasan keripik.", "Saya tinggal dekat, bisa datang untuk foto langsung.",
    "Harga sudah termasuk file siap cetak dan sumber desain.", "Saya berpengalaman dengan produk batik dan kerajinan.",
]  # fmt: skip
BOOKING_PURPOSES = [
    "Rapat klien kemasan", "Sesi foto produk keripik", "Diskusi proyek batik", "Kerja harian",
    "Rekaman podcast UMKM", "Workshop desain logo", "Pelatihan foto produk untuk UMKM", "Kerja tim desain",
]  # fmt: skip
NOTIFICATION_KINDS = [
    ("bid.new", "Penawaran baru untuk"), ("bid.accepted", "Penawaran Anda diterima untuk"),
    ("bid.rejected", "Penawaran Anda belum terpilih untuk"), ("gig.match", "Gig baru untuk Anda:"),
    ("message.new", "Pesan baru tentang"), ("contract.delivered", "Hasil kerja dikirim untuk"),
    ("contract.completed", "Kontrak selesai untuk"), ("booking.approved", "Pemesanan disetujui:"),
    ("booking.reminder", "Pengingat pemesanan:"), ("review.received", "Anda menerima ulasan untuk"),
]  # fmt: skip
PACKAGE_OFFERS = [
    "Hasil siap cetak dan siap unggah.", "Termasuk konsultasi singkat lewat WhatsApp.",
    "Cocok untuk UMKM yang baru mulai berjualan online.", "Dikerjakan oleh kreator Jawa Timur.",
    "Bisa bertemu di EJSC terdekat.", "Revisi sesuai paket yang dipilih.",
]  # fmt: skip
DELIVERABLES = [
    "File siap cetak (PDF)", "File sumber (AI/PSD)", "3 alternatif konsep", "Mockup produk", "Panduan warna",
    "10 foto hasil edit", "Versi untuk Instagram", "Versi untuk Shopee",
]  # fmt: skip
ADDONS = [  # (kind, name, extra days, extra revisions)
    ("express", "Pengerjaan kilat", -2, 0), ("source_files", "File sumber", 0, 0),
    ("extra_revision", "Tambahan revisi", 1, 1), ("custom", "Cetak contoh kemasan", 3, 0),
]  # fmt: skip
ORDER_BRIEFS = [
    "Mohon kemasan untuk produk baru kami.", "Kami butuh untuk pameran bulan depan.",
    "Produk kami dijual di Shopee dan Tokopedia.", "Tolong gunakan warna merah dan emas.",
]  # fmt: skip
VISITORS = ["Ibu Sumiati", "Bapak Slamet", "Ibu Kartini", "Bapak Sugeng", "Ibu Murni", "Bapak Darto"]
# Tables filled here, in the order they are truncated (CASCADE takes whatever refers to them).
TRUNCATED = [
    "accounts.User", "umkm.Business", "creatives.CreativeProfile", "gigs.Gig", "gigs.Bid", "gigs.Contract",
    "ejsc.Space", "ejsc.Room", "ejsc.Booking", "notifications.Notification",
]  # fmt: skip

# Filled too, emptied by the CASCADE above.
EXTRA = [
    "gigs.Conversation",
    "gigs.Delivery",
    "gigs.Review",
    "gigs.GigMatch",
    "creatives.PortfolioItem",
    "account.EmailAddress",
    "packages.Package",
    "packages.PackageTier",
    "packages.PackageAddon",
    "packages.Order",
    "payments.PaymentTerms",
    "payments.Instalment",
    "payments.Payment",
    "payments.Document",
]


def table(label: str) -> str:
    return apps.get_model(label)._meta.db_table


# --- SQL helpers ---------------------------------------------------------------------------


def lit(value) -> str:
    """A Python value as an SQL literal (only our own word lists and defaults come here)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | dict):
        return lit(json.dumps(value)) + "::jsonb"
    if isinstance(value, datetime):
        return lit(value.isoformat()) + "::timestamptz"
    if isinstance(value, date):
        return lit(value.isoformat()) + "::date"
    return "'" + str(value).replace("'", "''") + "'"


def arr(values, cast: str = "") -> str:
    return "ARRAY[" + ", ".join(lit(v) for v in values) + "]" + cast


def h(seed: int, expr: str) -> str:
    """A deterministic pseudo-random integer in [0, 2^31) for a row: hashint8 of (row, seed)."""
    return f"(hashint8(({expr})::int8 * 1000003 + {seed}) & 2147483647)"


def pick(values_sql: str, count: int, seed: int, expr: str) -> str:
    return f"({values_sql})[1 + {h(seed, expr)} % {count}]"


def coprime_step(n: int, near: int) -> int:
    step = max(near, 1)
    while math.gcd(step, n) != 1:
        step += 1
    return step


@dataclass
class Shape:
    """How many rows of each kind, from the scale factor."""

    scale: float

    def n(self, key: str, minimum: int = 1) -> int:
        return max(minimum, round(FULL[key] * self.scale))

    def __post_init__(self):
        self.businesses = self.n("businesses", 2)
        self.creatives = self.n("creatives", 10)
        self.gigs = self.n("gigs", 20)
        self.open_gigs = self.n("open_gigs", 1)
        self.contracts = min(self.n("contracts", 1), self.gigs - self.open_gigs - 2)
        self.bids = max(self.n("bids"), self.gigs)
        self.bookings = self.n("bookings", 24)
        self.notifications = self.n("notifications", 10)
        self.owner_gigs = min(self.n("owner_gigs", 3), self.gigs // 2)
        self.owner_gig_bids = min(self.n("owner_gig_bids", 2), self.creatives - 2)
        self.creative_bids = self.n("creative_bids", 2)
        self.waiting = self.n("waiting", 1)
        self.special_notifications = self.n("special_notifications", 2)
        self.packages = self.n("packages", 4)
        self.orders = self.n("orders", 10)
        self.owner_orders = min(self.n("owner_orders", 2), self.orders // 4)
        # every status, 30 % accepted (each holds a distinct contract, whose creative offers the package)
        self.accepted_orders = min(round(self.orders * 0.3), self.packages, self.contracts)
        self.drafts = round(self.gigs * 0.03)
        self.cancelled = round(self.gigs * 0.07)
        self.expired = self.gigs - self.open_gigs - self.contracts - self.drafts - self.cancelled
        if self.expired < 0:
            raise ValueError("scale too small for the gig statuses")
        # user ids: owners 1…B (owner b has business b), creatives B+1…B+C, then staff, admin
        self.first_creative_user = self.businesses + 1
        self.first_staff_user = self.businesses + self.creatives + 1


class Filler:
    """Truncates and refills the bench database; ``run`` prints how long each table took."""

    def __init__(self, scale: float, stdout, seed: int = 2026):
        self.shape = Shape(scale)
        self.out = stdout
        self.seed = seed
        self.today = timezone.localdate()
        self.anchor = datetime.combine(self.today, datetime.min.time(), tzinfo=WIB)  # today 00.00 WIB
        self.timings: list[tuple[str, int, float]] = []

    # -- plumbing -----------------------------------------------------------------------

    def sql(self, statement: str):
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.rowcount

    def rows(self, statement: str, params=None) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    def columns(self, db_table: str) -> list[tuple]:
        return self.rows(
            "SELECT column_name, is_nullable, column_default, is_generated, is_identity "
            "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s",
            [db_table],
        )

    def has_column(self, db_table: str, column: str) -> bool:
        return any(name == column for name, *_rest in self.columns(db_table))

    def fillers(self, label: str, given) -> dict[str, str]:
        """NOT NULL columns without a database default that the INSERT does not name (columns
        added by other migrations after this was written): the model field's default."""
        model = apps.get_model(label)
        fields = {field.column: field for field in model._meta.concrete_fields}
        extra = {}
        for name, nullable, default, generated, identity in self.columns(model._meta.db_table):
            if name in given or nullable == "YES" or default is not None or generated != "NEVER" or identity == "YES":
                continue
            field = fields.get(name)
            if field is not None and (field.has_default() or field.empty_strings_allowed):
                extra[name] = lit(field.get_default())
            elif field is not None and field.get_internal_type() in {"BooleanField"}:
                extra[name] = "FALSE"
            else:
                raise RuntimeError(
                    f"bench_data does not know how to fill {model._meta.db_table}.{name} (NOT NULL, no default)"
                )
        return extra

    def insert(self, label: str, columns: dict[str, str], source: str) -> int:
        """``INSERT INTO <table> (columns) SELECT expressions FROM source``; returns the rows."""
        columns = {**columns, **self.fillers(label, columns)}
        names = ", ".join(f'"{name}"' for name in columns)
        select = ",\n  ".join(columns.values())
        return self.sql(f"INSERT INTO {table(label)} ({names})\nSELECT\n  {select}\nFROM {source}")

    def step(self, name: str, function) -> None:
        started = time.perf_counter()
        count = function()
        seconds = time.perf_counter() - started
        self.timings.append((name, count or 0, seconds))
        self.out.write(f"  {name:<28} {count or 0:>10,} rows {seconds:8.1f} s")

    # -- the run ------------------------------------------------------------------------

    def run(self) -> None:
        s = self.shape
        self.out.write(
            f"bench data at scale {s.scale:g}: {s.businesses:,} businesses, {s.creatives:,} creatives, {s.gigs:,} gigs "
            f"({s.open_gigs:,} open), {s.bids:,} bids, {s.contracts:,} contracts, {s.bookings:,} bookings, "
            f"{s.notifications:,} notifications (anchored on {self.today})"
        )
        started = time.perf_counter()
        self.sql("SET synchronous_commit = off")
        self.sql("SET work_mem = '256MB'")
        self.sql("SET maintenance_work_mem = '512MB'")
        self.sql("SET jit = off")
        self.reference()
        self.step("truncate", self.truncate)
        self.step("users (owners)", self.owners)
        self.step("users (creatives)", self.creative_users)
        self.step("users (bench accounts)", self.bench_accounts)
        self.step("e-mail addresses", self.email_addresses)
        self.step("businesses", self.businesses)
        self.step("creative profiles", self.profiles)
        self.step("skills", self.skills)
        self.step("portfolio items", self.portfolio)
        self.step("gigs (plan)", self.gig_plan)
        self.step("gigs", self.gigs)
        self.step("bids", self.bids)
        self.step("conversations", self.conversations)
        self.step("contracts", self.contracts)
        self.step("deliveries", self.deliveries)
        self.step("reviews", self.reviews)
        self.step("creative figures", self.creative_figures)
        self.step("gig matches", self.matches)
        self.step("packages", self.packages)
        self.step("package tiers", self.package_tiers)
        self.step("package add-ons", self.package_addons)
        self.step("package prices", self.package_prices)
        self.step("orders", self.orders)
        self.step("payment terms", self.payment_terms)
        self.step("instalments", self.instalments)
        self.step("payments", self.payments)
        self.step("receipts", self.receipts)
        self.step("hubs and rooms", self.hubs)
        self.step("bookings", self.bookings)
        self.step("waiting requests", self.waiting)
        self.step("service standard", self.service_standard)
        self.step("notifications", self.notifications)
        self.step("sequences", self.sequences)
        self.step("denormalised columns", self.denormalised)
        self.step("summaries", self.summaries)
        self.step("vacuum analyze", self.vacuum)
        self.out.write(f"  {'total':<28} {'':>10}      {time.perf_counter() - started:8.1f} s")

    def reference(self) -> None:
        """Regions and categories, as the migrations loaded them."""
        self.kabupaten = self.rows(f"SELECT id, name, bakorwil_id FROM {table('regions.Kabupaten')} ORDER BY code")
        self.bakorwil = self.rows(f"SELECT id, code FROM {table('regions.Bakorwil')} ORDER BY id")
        self.categories = dict(self.rows(f"SELECT slug, id FROM {table('categories.Category')} ORDER BY position, id"))
        if not self.kabupaten or not self.categories:
            raise RuntimeError("regions or categories are missing: did migrate run?")
        self.kab_ids = arr([k[0] for k in self.kabupaten], "::bigint[]")
        self.kab_names = arr([k[1] for k in self.kabupaten])
        self.nkab = len(self.kabupaten)
        services = [(slug, words) for slug, words in SERVICES if slug in self.categories]
        for slug in self.categories:  # a category added later gets gigs too
            if all(slug != known for known, _words in services):
                services.append((slug, f"Jasa {slug.replace('-', ' ')}"))
        self.services = services

    def truncate(self) -> int:
        names = ", ".join(table(label) for label in TRUNCATED)
        self.sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        return 0

    # -- people -------------------------------------------------------------------------

    def _user_columns(self, email: str, role_sql: dict[str, str], seed: int) -> dict[str, str]:
        name = (
            f"{pick(arr(FIRST_NAMES), len(FIRST_NAMES), seed, 'i')} || ' ' || "
            f"{pick(arr(LAST_NAMES), len(LAST_NAMES), seed + 1, 'i')}"
        )
        joined = f"{lit(self.anchor)} - make_interval(days => 30 + {h(seed + 2, 'i')} % 1500)"
        return {
            "id": "i",
            "email": email,
            "full_name": name,
            "phone": f"'08' || lpad(({h(seed + 3, 'i')} % 1000000000)::text, 10, '1')",
            "kabupaten_id": f"{pick(self.kab_ids, self.nkab, seed + 4, 'i')}",
            "language": f"CASE WHEN {h(seed + 5, 'i')} % 10 = 0 THEN 'en' ELSE 'id' END",
            "is_owner": "FALSE",
            "is_creative": "FALSE",
            "bakorwil_id": "NULL",
            "is_staff": "FALSE",
            "is_superuser": "FALSE",
            "is_active": "TRUE",
            "date_joined": joined,
            "last_login": f"CASE WHEN {h(seed + 6, 'i')} % 5 = 0 THEN NULL ELSE {lit(self.anchor)} - make_interval(days => {h(seed + 7, 'i')} % 30) END",
            "calendar_token": "'bench-cal-' || i",
            "password": lit("!"),
            **role_sql,
        }

    def owners(self) -> int:
        s = self.shape
        email = f"CASE WHEN i = 1 THEN {lit(OWNER_EMAIL)} ELSE 'pemilik' || i || '@{EMAIL_DOMAIN}' END"
        columns = self._user_columns(email, {"is_owner": "TRUE"}, 100)
        columns["password"] = f"CASE WHEN i = 1 THEN {lit(self.password)} ELSE '!' END"
        return self.insert("accounts.User", columns, f"generate_series(1, {s.businesses}) AS i")

    @functools.cached_property
    def password(self) -> str:
        # a fixed salt and hasher: the same hash every run, whatever PASSWORD_HASHERS says first
        return PBKDF2PasswordHasher().encode(PASSWORD, "mjcbenchsalt2026")

    def creative_users(self) -> int:
        s = self.shape
        first = s.first_creative_user
        email = f"CASE WHEN i = {first} THEN {lit(CREATIVE_EMAIL)} ELSE 'kreator' || (i - {first - 1}) || '@{EMAIL_DOMAIN}' END"
        columns = self._user_columns(email, {"is_creative": "TRUE"}, 200)
        columns["password"] = f"CASE WHEN i = {first} THEN {lit(self.password)} ELSE '!' END"
        return self.insert("accounts.User", columns, f"generate_series({first}, {first + s.creatives - 1}) AS i")

    def bench_accounts(self) -> int:
        """One staff account per Bakorwil (bench-staff@ is Bakorwil I's) and an MJC admin."""
        s = self.shape
        self.staff_of = {}
        count = 0
        for index, (bakorwil_id, code) in enumerate(self.bakorwil):
            user_id = s.first_staff_user + index
            self.staff_of[bakorwil_id] = user_id
            email = STAFF_EMAIL if index == 0 else f"bench-staff{index + 1}@{EMAIL_DOMAIN}"
            columns = self._user_columns(
                lit(email), {"bakorwil_id": str(bakorwil_id), "password": lit(self.password)}, 300
            )
            columns["full_name"] = lit(f"Staf Bakorwil {code}")
            count += self.insert("accounts.User", columns, f"(SELECT {user_id} AS i) AS one")
        self.admin_id = s.first_staff_user + len(self.bakorwil)
        columns = self._user_columns(
            lit(ADMIN_EMAIL), {"is_staff": "TRUE", "is_superuser": "TRUE", "password": lit(self.password)}, 400
        )
        columns["full_name"] = lit("Admin MJC (bench)")
        count += self.insert("accounts.User", columns, f"(SELECT {self.admin_id} AS i) AS one")
        return count

    def email_addresses(self) -> int:
        """Every account's address, verified (allauth's mandatory verification lets them in)."""
        return self.insert(
            "account.EmailAddress",
            {"id": "u.id", "user_id": "u.id", "email": "u.email", "verified": "TRUE", "primary": "TRUE"},
            f"{table('accounts.User')} AS u ORDER BY u.id",
        )

    def businesses(self) -> int:
        s = self.shape
        product = pick(arr(PRODUCTS), len(PRODUCTS), 501, "i")
        return self.insert(
            "umkm.Business",
            {
                "id": "i",
                "owner_id": "i",
                "name": f"{pick(arr(BUSINESS_PREFIXES), len(BUSINESS_PREFIXES), 502, 'i')} || ' ' || initcap({product}) || ' ' || i",
                "sector": pick(arr(SECTORS), len(SECTORS), 503, "i"),
                "kabupaten_id": pick(self.kab_ids, self.nkab, 104, "i"),  # the owner's kabupaten
                "description": f"'Produsen ' || {product} || ' rumahan sejak ' || (1990 + {h(504, 'i')} % 34) || '.'",
                "nib": f"CASE WHEN {h(505, 'i')} % 3 = 0 THEN '' ELSE '3500' || lpad(({h(506, 'i')} % 1000000000)::text, 9, '0') END",
                "created_at": f"{lit(self.anchor)} - make_interval(days => 30 + {h(102, 'i')} % 1500)",
                "updated_at": f"{lit(self.anchor)} - make_interval(days => {h(507, 'i')} % 30)",
            },
            f"generate_series(1, {s.businesses}) AS i",
        )

    def profiles(self) -> int:
        s = self.shape
        return self.insert(
            "creatives.CreativeProfile",
            {
                "id": "p",
                "user_id": f"p + {s.businesses}",
                "headline": pick(arr(HEADLINES), len(HEADLINES), 601, "p"),
                "bio": f"'Kreator muda Jawa Timur. Berpengalaman membantu UMKM: ' || {pick(arr(PRODUCTS), len(PRODUCTS), 602, 'p')} || ', kemasan, logo dan foto produk.'",
                "day_rate": f"CASE WHEN {h(603, 'p')} % 10 = 0 THEN NULL ELSE 150000 + ({h(604, 'p')} % 58) * 50000 END",
                "kabupaten_id": f"CASE WHEN {h(605, 'p')} % 20 = 0 THEN NULL ELSE {pick(self.kab_ids, self.nkab, 204, 'p + ' + str(s.businesses))} END",
                "available": f"{h(606, 'p')} % 4 <> 0",
                "rating_avg": "0",
                "rating_count": "0",
                "completed_count": "0",
                "created_at": f"{lit(self.anchor)} - make_interval(days => 30 + {h(607, 'p')} % 1400)",
                "updated_at": f"{lit(self.anchor)} - make_interval(days => {h(608, 'p')} % 365)",
            },
            f"generate_series(1, {s.creatives}) AS p",
        )

    def skills(self) -> int:
        """One to three categories per creative."""
        s = self.shape
        ids = arr(list(self.categories.values()), "::bigint[]")
        n = len(self.categories)
        through = apps.get_model("creatives", "CreativeProfile").skills.through
        columns = {"creativeprofile_id": "p", "category_id": f"({ids})[1 + ({h(701, 'p')} + k) % {n}]"}
        names = ", ".join(columns)
        return self.sql(
            f"INSERT INTO {through._meta.db_table} ({names}) SELECT {', '.join(columns.values())} "
            f"FROM generate_series(1, {s.creatives}) AS p, generate_series(0, LEAST({n} - 1, {h(702, 'p')} % 3)) AS k ORDER BY p, k"
        )

    def portfolio(self) -> int:
        """One piece of past work for every third creative (the files are not written)."""
        s = self.shape
        ids = arr(list(self.categories.values()), "::bigint[]")
        return self.insert(
            "creatives.PortfolioItem",
            {
                "id": "row_number() OVER (ORDER BY p)",
                "profile_id": "p",
                "title": f"{pick(arr([w for _s, w in SERVICES]), len(SERVICES), 801, 'p')} || ' ' || {pick(arr(PRODUCTS), len(PRODUCTS), 802, 'p')}",
                "category_id": f"({ids})[1 + {h(701, 'p')} % {len(self.categories)}]",
                "image": "'public/portfolio/bench/' || p || '.jpg'",
                "thumbnail": "'public/portfolio/bench/' || p || '-thumb.jpg'",
                "width": "1200",
                "height": "900",
                "position": "0",
                "created": f"{lit(self.anchor)} - make_interval(days => {h(803, 'p')} % 700)",
            },
            f"generate_series(1, {s.creatives}) AS p WHERE p % 3 = 1",
        )

    # -- marketplace --------------------------------------------------------------------

    def gig_plan(self) -> int:
        """A temporary table with one row per gig: status, owner, dates, and how many bids it
        gets (exactly ``bids`` in all) with the id of its first bid."""
        s = self.shape
        g = s.gigs
        step = coprime_step(g, int(g * 0.618))
        o, k = s.open_gigs, s.contracts
        # contract statuses by sub-rank: completed 70 %, cancelled 9 %, active 12 %, delivered 6 %, revision 2 %, disputed 1 %
        cuts = [
            ("completed", 0.70),
            ("cancelled", 0.79),
            ("active", 0.91),
            ("delivered", 0.97),
            ("revision_requested", 0.99),
            ("disputed", 1.0),
        ]
        contract_case = " ".join(f"WHEN rk - {o} < {round(k * cut)} THEN '{name}'" for name, cut in cuts)
        gig_status = (
            f"CASE WHEN rk < {o} THEN 'open' "
            f"WHEN rk < {o + k} THEN NULL "
            f"WHEN rk < {o + k + s.drafts} THEN 'draft' "
            f"WHEN rk < {o + k + s.drafts + s.cancelled} THEN 'cancelled' ELSE 'expired' END"
        )
        service = f"1 + {h(901, 'id')} % {len(self.services)}"
        service_words = arr([words for _slug, words in self.services])
        service_cats = arr([self.categories[slug] for slug, _words in self.services], "::bigint[]")
        self.sql("DROP TABLE IF EXISTS bench_gig")
        self.sql(
            f"""
            CREATE TEMP TABLE bench_gig AS
            WITH base AS (
                SELECT id, ((id - 1) * {step}::int8) % {g} AS rk FROM generate_series(1, {g}) AS id
            ), ranked AS (
                SELECT id, rk, CASE WHEN rk >= {o} AND rk < {o + k} THEN CASE {contract_case} END END AS contract_status,
                       {gig_status} AS plain_status
                FROM base
            )
            SELECT id, rk, contract_status,
                   COALESCE(plain_status, CASE contract_status WHEN 'completed' THEN 'completed' WHEN 'cancelled' THEN 'cancelled'
                                          ELSE 'in_progress' END) AS status,
                   CASE WHEN id <= {s.owner_gigs} THEN 1 ELSE 2 + {h(902, "id")} % {s.businesses - 1} END AS business_id,
                   {service} AS service
            FROM ranked
            """
        )
        self.sql(
            f"""
            ALTER TABLE bench_gig ADD COLUMN published_at timestamptz, ADD COLUMN created_at timestamptz,
                ADD COLUMN nbids int, ADD COLUMN boff int8, ADD COLUMN bench_creative boolean,
                ADD COLUMN category_id int8, ADD COLUMN words text;
            UPDATE bench_gig SET
                category_id = ({service_cats})[service],
                words = ({service_words})[service],
                published_at = CASE
                    WHEN status = 'draft' THEN NULL
                    WHEN status = 'open' THEN {lit(self.anchor)} - make_interval(days => 1 + {h(903, "id")} % 45, mins => {h(904, "id")} % 600)
                    WHEN status = 'in_progress' THEN {lit(self.anchor)} - make_interval(days => 20 + {h(903, "id")} % 60, mins => {h(904, "id")} % 600)
                    ELSE {lit(self.anchor)} - make_interval(days => 60 + {h(903, "id")} % 1035, mins => {h(904, "id")} % 600)
                END;
            UPDATE bench_gig SET created_at = COALESCE(published_at - make_interval(hours => 1 + {h(905, "id")} % 48),
                                                      {lit(self.anchor)} - make_interval(days => {h(905, "id")} % 30));
            """
        )
        # bids per gig: 1 to 19 on every published gig (87 on bench-owner's first gig), scaled to the total exactly
        special = s.owner_gig_bids
        self.sql(
            f"UPDATE bench_gig SET nbids = CASE WHEN status = 'draft' THEN 0 WHEN id = 1 THEN {special} ELSE 1 + {h(906, 'id')} % 19 END"
        )
        eligible, total = self.rows("SELECT count(*), sum(nbids) FROM bench_gig WHERE status <> 'draft' AND id <> 1")[0]
        target = s.bids - special
        if target < eligible:
            raise ValueError("scale too small: fewer bids than published gigs")
        if total > eligible:
            self.sql(
                f"UPDATE bench_gig SET nbids = LEAST({s.creatives - 2}, 1 + ((nbids - 1)::int8 * {target - eligible}) / {total - eligible}) "
                "WHERE status <> 'draft' AND id <> 1"
            )
        missing = target - self.rows("SELECT sum(nbids) FROM bench_gig WHERE status <> 'draft' AND id <> 1")[0][0]
        if missing > 0:
            self.sql(
                f"UPDATE bench_gig SET nbids = nbids + 1 WHERE id IN (SELECT id FROM bench_gig WHERE status <> 'draft' AND id <> 1 "
                f"AND nbids < {s.creatives - 2} ORDER BY {h(907, 'id')}, id LIMIT {missing})"
            )
        self.sql(
            f"""
            UPDATE bench_gig SET boff = o.boff FROM (
                SELECT id, COALESCE(sum(nbids) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS boff
                FROM bench_gig) AS o
            WHERE o.id = bench_gig.id;
            UPDATE bench_gig SET bench_creative = status <> 'draft' AND id <> 1
                AND {h(908, "id")} % {eligible} < {s.creative_bids};
            CREATE UNIQUE INDEX ON bench_gig (id);
            ANALYZE bench_gig;
            """
        )
        return self.rows("SELECT count(*) FROM bench_gig")[0][0]

    def gigs(self) -> int:
        product = pick(arr(PRODUCTS), len(PRODUCTS), 1001, "p.id")
        suffix = f"CASE WHEN {h(1002, 'p.id')} % 10 < 3 THEN ' ' || {pick(arr(TITLE_SUFFIXES), len(TITLE_SUFFIXES), 1003, 'p.id')} ELSE '' END"
        kab = f"1 + {h(104, 'p.business_id')} % {self.nkab}"  # the business's kabupaten, mostly
        kab = f"CASE WHEN {h(1004, 'p.id')} % 5 = 0 THEN 1 + {h(1005, 'p.id')} % {self.nkab} ELSE {kab} END"
        budget_min = f"(250000 + ({h(1006, 'p.id')} % 96) * 50000)"
        return self.insert(
            "gigs.Gig",
            {
                "id": "p.id",
                "business_id": "p.business_id",
                "title": f"p.words || ' ' || {product} || {suffix}",
                "description": (
                    f"{pick(arr(BRIEF_OPENINGS), len(BRIEF_OPENINGS), 1007, 'p.id')} || ' di ' || ({self.kab_names})[{kab}] || "
                    f"'. Kami mencari kreator untuk ' || lower(p.words) || ' ' || {product} || ' kami. ' || "
                    f"{pick(arr(BRIEF_ENDINGS), len(BRIEF_ENDINGS), 1008, 'p.id')} || ' ' || "
                    f"{pick(arr(BRIEF_ENDINGS), len(BRIEF_ENDINGS), 1009, 'p.id')}"
                ),
                "category_id": "p.category_id",
                "budget_min": budget_min,
                "budget_max": f"{budget_min} + ({h(1010, 'p.id')} % 60) * 50000",
                "deadline": (
                    f"CASE WHEN p.status IN ('open', 'draft') THEN {lit(self.today)} + 7 + {h(1011, 'p.id')} % 50 "
                    f"ELSE (p.published_at AT TIME ZONE 'Asia/Jakarta')::date + 14 + {h(1011, 'p.id')} % 45 END"
                ),
                "kabupaten_id": f"({self.kab_ids})[{kab}]",
                "work_mode": pick(arr(["remote", "remote", "onsite", "hybrid"]), 4, 1012, "p.id"),
                "status": "p.status",
                "created_by_id": "p.business_id",
                "published_at": "p.published_at",
                "created_at": "p.created_at",
                "updated_at": "COALESCE(p.published_at, p.created_at)",
            },
            "bench_gig AS p ORDER BY p.id",
        )

    def _bid_creative(self, gig: str, k: str) -> str:
        """Distinct creatives for the k-th bids of one gig; bench-creative (profile 1) takes the
        second bid (the only one on a single-bid gig) of the gigs marked for it."""
        c = self.shape.creatives - 1
        step = coprime_step(c, 7919)
        return (
            f"CASE WHEN p.bench_creative AND {k} = LEAST(2, p.nbids) THEN 1 "
            f"ELSE 2 + ({h(1101, gig)}::int8 + {k}::int8 * {step}) % {c} END"
        )

    def bids(self) -> int:
        status = (
            "CASE WHEN p.status = 'open' THEN "
            f"  CASE WHEN {h(1102, 'p.boff + k')} % 100 < 70 THEN 'pending' WHEN {h(1102, 'p.boff + k')} % 100 < 85 THEN 'shortlisted' ELSE 'withdrawn' END "
            "WHEN p.contract_status IS NOT NULL AND k = 1 THEN 'accepted' "
            f"WHEN {h(1102, 'p.boff + k')} % 100 < 85 THEN 'rejected' ELSE 'withdrawn' END"
        )
        created = "p.published_at + make_interval(mins => k * 13 + " + h(1103, "p.boff + k") + " % 13)"
        return self.insert(
            "gigs.Bid",
            {
                "id": "p.boff + k",
                "gig_id": "p.id",
                "creative_id": self._bid_creative("p.id", "k"),
                "amount": f"g.budget_min + ({h(1104, 'p.boff + k')} % ((g.budget_max - g.budget_min) / 10000 + 1)) * 10000",
                "delivery_days": f"1 + {h(1105, 'p.boff + k')} % 30",
                "proposal": f"{pick(arr(PROPOSALS), len(PROPOSALS), 1106, 'p.boff + k')} || ' ' || {pick(arr(PROPOSALS), len(PROPOSALS), 1107, 'p.boff + k')}",
                "status": status,
                "created_at": created,
                "updated_at": created,
            },
            f"bench_gig AS p JOIN {table('gigs.Gig')} AS g ON g.id = p.id, generate_series(1, p.nbids) AS k ORDER BY p.id, k",
        )

    def conversations(self) -> int:
        """bid_place opens the owner–bidder thread with every bid."""
        return self.insert(
            "gigs.Conversation",
            {"id": "b.id", "bid_id": "b.id", "created_at": "b.created_at"},
            f"{table('gigs.Bid')} AS b ORDER BY b.id",
        )

    def contracts(self) -> int:
        completed_at = f"p.published_at + make_interval(days => 10 + {h(1201, 'p.id')} % 40)"
        return self.insert(
            "gigs.Contract",
            {
                "id": "row_number() OVER (ORDER BY p.id)",
                "gig_id": "p.id",
                "bid_id": "b.id",
                "owner_id": "p.business_id",
                "creative_id": "b.creative_id",
                "amount": "b.amount",
                "due_date": f"(b.created_at AT TIME ZONE 'Asia/Jakarta')::date + b.delivery_days + {h(1202, 'p.id')} % 7",
                "revisions_allowed": "2",
                "revisions_used": f"CASE WHEN p.contract_status IN ('revision_requested', 'completed') THEN {h(1203, 'p.id')} % 3 ELSE 0 END",
                "status": "p.contract_status",
                "cancel_reason": "CASE WHEN p.contract_status = 'cancelled' THEN 'Kebutuhan usaha berubah, disepakati bersama.' ELSE '' END",
                "completed_at": f"CASE WHEN p.contract_status = 'completed' THEN {completed_at} END",
                "dispute_reason": "CASE WHEN p.contract_status = 'disputed' THEN 'Hasil belum sesuai brief yang disepakati.' ELSE '' END",
                "disputed_by_id": "CASE WHEN p.contract_status = 'disputed' THEN p.business_id END",
                "disputed_at": f"CASE WHEN p.contract_status = 'disputed' THEN {lit(self.anchor)} - interval '2 days' END",
                "dispute_resolution": "''",
                "created_at": "b.created_at + interval '1 day'",
                "updated_at": f"CASE WHEN p.contract_status = 'completed' THEN {completed_at} ELSE b.created_at + interval '2 days' END",
            },
            f"bench_gig AS p JOIN {table('gigs.Bid')} AS b ON b.id = p.boff + 1 WHERE p.contract_status IS NOT NULL ORDER BY p.id",
        )

    def deliveries(self) -> int:
        """The work handed in on every contract past 'active' (the files are not written)."""
        s = self.shape
        return self.insert(
            "gigs.Delivery",
            {
                "id": "c.id",
                "contract_id": "c.id",
                "note": "'Berikut hasil kerja sesuai brief. Silakan diperiksa.'",
                "delivered_by_id": f"c.creative_id + {s.businesses}",
                "created_at": "COALESCE(c.completed_at - interval '1 day', c.created_at + interval '5 days')",
            },
            f"{table('gigs.Contract')} AS c WHERE c.status IN ('delivered', 'revision_requested', 'completed') ORDER BY c.id",
        )

    def reviews(self) -> int:
        """Both sides review most completed contracts (all past the blind period, so visible)."""
        s = self.shape
        return self.insert(
            "gigs.Review",
            {
                "id": "row_number() OVER (ORDER BY c.id, side)",
                "contract_id": "c.id",
                "author_id": f"CASE WHEN side = 0 THEN c.owner_id ELSE c.creative_id + {s.businesses} END",
                "subject_id": f"CASE WHEN side = 0 THEN c.creative_id + {s.businesses} ELSE c.owner_id END",
                "rating": f"(ARRAY[3, 4, 4, 5, 5, 5])[1 + {h(1301, 'c.id * 2 + side')} % 6]",
                "comment": pick(
                    arr(["Hasilnya bagus dan tepat waktu.", "Komunikasi lancar, terima kasih.", "Sesuai brief.", ""]),
                    4,
                    1302,
                    "c.id * 2 + side",
                ),
                "created_at": "c.completed_at + make_interval(days => 1 + side)",
            },
            f"{table('gigs.Contract')} AS c, generate_series(0, 1) AS side "
            f"WHERE c.status = 'completed' AND c.completed_at < {lit(self.anchor)} - interval '15 days' "
            f"AND {h(1303, 'c.id * 2 + side')} % 10 < CASE WHEN side = 0 THEN 8 ELSE 6 END ORDER BY c.id, side",
        )

    def creative_figures(self) -> int:
        """rating_avg, rating_count and completed_count as gigs.services.housekeeping computes them."""
        s = self.shape
        return self.sql(
            f"""
            UPDATE {table("creatives.CreativeProfile")} AS p SET
                rating_avg = COALESCE(r.avg, 0), rating_count = COALESCE(r.n, 0), completed_count = COALESCE(c.n, 0)
            FROM (SELECT id FROM {table("creatives.CreativeProfile")}) AS all_p
            LEFT JOIN (SELECT subject_id - {s.businesses} AS profile_id, round(avg(rating), 2) AS avg, count(*) AS n
                       FROM {table("gigs.Review")} WHERE subject_id > {s.businesses} GROUP BY subject_id) AS r ON r.profile_id = all_p.id
            LEFT JOIN (SELECT creative_id, count(*) AS n FROM {table("gigs.Contract")} WHERE status = 'completed'
                       GROUP BY creative_id) AS c ON c.creative_id = all_p.id
            WHERE p.id = all_p.id AND (r.n IS NOT NULL OR c.n IS NOT NULL)
            """
        )

    def matches(self) -> int:
        """The matching job's top creatives of every open gig."""
        c = self.shape.creatives - 1
        step = coprime_step(c, 104729)
        slugs = arr(list(self.categories))
        ids = arr(list(self.categories.values()), "::bigint[]")
        n = min(MATCHES_PER_OPEN_GIG, c)
        return self.insert(
            "gigs.GigMatch",
            {
                "id": "row_number() OVER (ORDER BY p.id, k)",
                "gig_id": "p.id",
                "creative_id": f"2 + ({h(1401, 'p.id')}::int8 + k::int8 * {step}) % {c}",
                "score": f"(300 - k * 7 - {h(1402, 'p.id * 100 + k')} % 7)::float8",
                "reasons": (
                    f"jsonb_build_array(jsonb_build_object('code', 'skill', 'category', ({slugs})[array_position({ids}, p.category_id)]), "
                    "jsonb_build_object('code', 'available'))"
                ),
                "created_at": "p.published_at + interval '1 minute'",
            },
            f"bench_gig AS p, generate_series(1, {n}) AS k WHERE p.status = 'open' ORDER BY p.id, k",
        )

    # -- packages and payments (issues 12 and 13) ------------------------------------------

    def packages(self) -> int:
        """Package p is offered by the creative of contract p (when there is one), so the
        accepted order p can hold contract p with the same owner, creative and amount."""
        s = self.shape
        roll = f"{h(2002, 'i')} % 100"
        status = (
            f"CASE WHEN {roll} < 80 OR (i <= {s.accepted_orders} AND {roll} < 88) THEN 'active' "
            f"WHEN {roll} < 88 THEN 'draft' WHEN {roll} < 94 THEN 'paused' ELSE 'archived' END"
        )
        service = f"1 + {h(2001, 'i')} % {len(self.services)}"
        self.sql("DROP TABLE IF EXISTS bench_package")
        self.sql(
            f"""
            CREATE TEMP TABLE bench_package AS
            SELECT i AS p, COALESCE(k.creative_id, 1 + {h(2003, "i")} % {s.creatives}) AS creative_id,
                   ({arr([self.categories[slug] for slug, _w in self.services], "::bigint[]")})[{service}] AS category_id,
                   ({arr([w for _slug, w in self.services])})[{service}] AS words,
                   {pick(arr(PRODUCTS), len(PRODUCTS), 2004, "i")} AS product,
                   {status} AS status,
                   1 + {h(2005, "i")} % 3 AS ntiers,
                   200000 + ({h(2006, "i")} % 60) * 25000 AS base_price,
                   2 + {h(2007, "i")} % 12 AS base_days,
                   {lit(self.anchor)} - make_interval(days => 1 + {h(2008, "i")} % 400, mins => {h(2009, "i")} % 1440) AS created_at
            FROM generate_series(1, {s.packages}) AS i
            LEFT JOIN {table("gigs.Contract")} AS k ON k.id = i AND i <= {s.accepted_orders}
            """
        )
        self.sql(
            "ALTER TABLE bench_package ADD COLUMN active_rank int; "
            "UPDATE bench_package AS b SET active_rank = r.rank FROM (SELECT p, row_number() OVER (ORDER BY p) AS rank "
            "FROM bench_package WHERE status = 'active') AS r WHERE r.p = b.p; "
            "CREATE UNIQUE INDEX ON bench_package (p); CREATE INDEX ON bench_package (active_rank); ANALYZE bench_package"
        )
        return self.insert(
            "packages.Package",
            {
                "id": "x.p",
                "creative_id": "x.creative_id",
                "category_id": "x.category_id",
                "title": "x.words || ' ' || x.product",
                "description": (
                    f"'Paket ' || lower(x.words) || ' untuk ' || x.product || '. ' || "
                    f"{pick(arr(PACKAGE_OFFERS), len(PACKAGE_OFFERS), 2010, 'x.p')} || ' ' || "
                    f"{pick(arr(PACKAGE_OFFERS), len(PACKAGE_OFFERS), 2011, 'x.p')}"
                ),
                "status": "x.status",
                "published_at": "CASE WHEN x.status <> 'draft' THEN x.created_at + interval '1 hour' END",
                "created_at": "x.created_at",
                "updated_at": "x.created_at + interval '1 hour'",
            },
            "bench_package AS x ORDER BY x.p",
        )

    def package_tiers(self) -> int:
        """Basic, then standard and premium on two packages in three; tier k of package p has id 3p - 2 + k."""
        deliverables = arr(DELIVERABLES)
        start = f"1 + {h(2101, 'x.p')} % {len(DELIVERABLES) - 2}"
        return self.insert(
            "packages.PackageTier",
            {
                "id": "3 * x.p - 2 + k",
                "package_id": "x.p",
                "level": "(ARRAY['basic', 'standard', 'premium'])[1 + k]",
                "position": "k",
                "price": "(x.base_price * (ARRAY[10, 18, 30])[1 + k] / 10 / 10000) * 10000",
                "delivery_days": "x.base_days + 3 * k",
                "revisions": "1 + k",
                "deliverables": f"to_jsonb(({deliverables})[{start}:{start} + k])",
            },
            "bench_package AS x, generate_series(0, x.ntiers - 1) AS k ORDER BY x.p, k",
        )

    def package_addons(self) -> int:
        """One or two extras on two packages in five."""
        kind = f"1 + ({h(2201, 'x.p')} + k) % {len(ADDONS)}"
        return self.insert(
            "packages.PackageAddon",
            {
                "id": "2 * x.p - 1 + k",
                "package_id": "x.p",
                "kind": f"({arr([a[0] for a in ADDONS])})[{kind}]",
                "name": f"({arr([a[1] for a in ADDONS])})[{kind}]",
                "price": f"50000 + ({h(2202, 'x.p * 2 + k')} % 10) * 25000",
                "extra_days": f"({arr([a[2] for a in ADDONS], '::int[]')})[{kind}]",
                "extra_revisions": f"({arr([a[3] for a in ADDONS], '::int[]')})[{kind}]",
                "position": "k",
                "active": "TRUE",
            },
            f"bench_package AS x, generate_series(0, {h(2203, 'x.p')} % 2) AS k WHERE {h(2204, 'x.p')} % 5 < 2 ORDER BY x.p, k",
        )

    def package_prices(self) -> int:
        """price_from and days_from: the lowest tier's, as the package services keep them."""
        return self.sql(
            f"UPDATE {table('packages.Package')} AS p SET price_from = t.price, days_from = t.days "
            f"FROM (SELECT package_id, min(price) AS price, min(delivery_days) AS days FROM {table('packages.PackageTier')} "
            "GROUP BY package_id) AS t WHERE t.package_id = p.id"
        )

    def orders(self) -> int:
        """Orders in every status. Order o <= accepted holds contract o (package o is its creative's);
        the others order an active package; a few hundred are bench-owner's."""
        s = self.shape
        nactive = self.rows("SELECT count(*) FROM bench_package WHERE status = 'active'")[0][0]
        roll = f"{h(2301, 'o')} % 100"
        status = (
            f"CASE WHEN o <= {s.accepted_orders} THEN 'accepted' WHEN {roll} < 25 THEN 'requested' "
            f"WHEN {roll} < 50 THEN 'declined' WHEN {roll} < 70 THEN 'cancelled' ELSE 'expired' END"
        )
        every = max(1, (s.orders - s.accepted_orders) // s.owner_orders)
        owner = (
            f"CASE WHEN o > {s.accepted_orders} AND (o - {s.accepted_orders}) % {every} = 0 "
            f"AND (o - {s.accepted_orders}) / {every} <= {s.owner_orders} THEN 1 ELSE 1 + {h(2302, 'o')} % {s.businesses} END"
        )
        self.sql("DROP TABLE IF EXISTS bench_order")
        self.sql(
            f"CREATE TEMP TABLE bench_order AS SELECT o, {status} AS status, {owner} AS owner_id, "
            f"CASE WHEN o <= {s.accepted_orders} THEN o END AS package, 1 + {h(2303, 'o')} % {max(nactive, 1)} AS arank "
            f"FROM generate_series(1, {s.orders}) AS o"
        )
        self.sql(
            "UPDATE bench_order AS x SET package = b.p FROM bench_package AS b "
            "WHERE x.package IS NULL AND b.active_rank = x.arank"
        )
        requested_at = (
            f"{lit(self.anchor)} - make_interval(hours => {h(2304, 'x.o')} % 40, mins => {h(2305, 'x.o')} % 60)"
        )
        older = (
            f"{lit(self.anchor)} - make_interval(days => 3 + {h(2304, 'x.o')} % 300, mins => {h(2305, 'x.o')} % 1440)"
        )
        created = (
            "CASE WHEN x.status = 'accepted' THEN c.created_at - interval '1 day' "
            f"WHEN x.status = 'requested' THEN {requested_at} ELSE {older} END"
        )
        return self.insert(
            "packages.Order",
            {
                "id": "x.o",
                "package_id": "x.package",
                "tier_id": "t.id",
                "tier_level": "t.level",
                "owner_id": "COALESCE(c.owner_id, x.owner_id)",
                "creative_id": "b.creative_id",
                "business_id": "COALESCE(c.owner_id, x.owner_id)",  # owner n has business n
                "brief": f"{pick(arr(ORDER_BRIEFS), len(ORDER_BRIEFS), 2306, 'x.o')} || ' ' || {pick(arr(ORDER_BRIEFS), len(ORDER_BRIEFS), 2307, 'x.o')}",
                "addons": "'[]'::jsonb",
                "deliverables": "t.deliverables",
                "amount": "COALESCE(c.amount, t.price)",
                "due_days": "t.delivery_days",
                "revisions": "t.revisions",
                "status": "x.status",
                "decline_reason": "CASE WHEN x.status = 'declined' THEN 'Jadwal saya sedang penuh bulan ini.' ELSE '' END",
                "expires_at": f"{created} + interval '48 hours'",
                "decided_at": (
                    "CASE WHEN x.status = 'accepted' THEN c.created_at "
                    f"WHEN x.status = 'declined' THEN {created} + make_interval(hours => 1 + {h(2308, 'x.o')} % 40) END"
                ),
                "contract_id": "c.id",
                "created_at": created,
                "updated_at": f"{created} + interval '1 hour'",
            },
            f"bench_order AS x JOIN bench_package AS b ON b.p = x.package "
            f"JOIN {table('packages.PackageTier')} AS t ON t.id = 3 * b.p - 2 + "
            f"CASE WHEN x.status = 'accepted' THEN 0 ELSE {h(2309, 'x.o')} % b.ntiers END "
            f"LEFT JOIN {table('gigs.Contract')} AS c ON c.id = x.o AND x.status = 'accepted' ORDER BY x.o",
        )

    def payment_terms(self) -> int:
        """Terms on every order-born contract, every one of bench-owner's and TERMS_SHARE % of the rest:
        one payment on completion, or a down payment and the rest (a third with a payment on the first delivery)."""
        s = self.shape
        self.sql("DROP TABLE IF EXISTS bench_terms")
        self.sql(
            f"""
            CREATE TEMP TABLE bench_terms AS
            SELECT c.id, c.status AS contract_status, c.owner_id, c.creative_id, c.amount, c.created_at, c.completed_at,
                   1 + {h(2401, "c.id")} % 3 AS n,
                   CASE WHEN c.status = 'active' AND {h(2402, "c.id")} % 20 = 0 THEN 'proposed' ELSE 'agreed' END AS status
            FROM {table("gigs.Contract")} AS c
            WHERE c.id <= {s.accepted_orders} OR c.owner_id = 1 OR {h(2403, "c.id")} % 100 < {TERMS_SHARE};
            CREATE UNIQUE INDEX ON bench_terms (id); ANALYZE bench_terms
            """
        )
        return self.insert(
            "payments.PaymentTerms",
            {
                "id": "x.id",
                "contract_id": "x.id",
                "status": "x.status",
                "is_default": "x.n = 1",
                "proposed_by_id": "CASE WHEN x.n > 1 THEN x.owner_id END",
                "agreed_at": "CASE WHEN x.status = 'agreed' THEN x.created_at + interval '1 hour' END",
                "created_at": "x.created_at",
                "updated_at": "x.created_at + interval '1 hour'",
            },
            "bench_terms AS x ORDER BY x.id",
        )

    def instalments(self) -> int:
        """Instalment k (1…n) of contract c has id 4c + k; the last takes the remainder."""
        event = "CASE WHEN x.n = 1 OR k = x.n THEN 'completion' WHEN k = 1 THEN 'start' ELSE 'first_delivery' END"
        label = (
            "CASE WHEN x.n = 1 THEN 'Pembayaran penuh' WHEN k = 1 THEN 'Uang muka (DP) 30%' "
            "WHEN k = x.n THEN 'Pelunasan' ELSE 'Termin saat hasil pertama' END"
        )
        amount = "CASE WHEN k < x.n THEN x.amount * 3 / 10 ELSE x.amount - (x.n - 1) * (x.amount * 3 / 10) END"
        return self.insert(
            "payments.Instalment",
            {
                "id": "4 * x.id + k",
                "terms_id": "x.id",
                "contract_id": "x.id",
                "position": "k",
                "label": label,
                "amount": amount,
                "due_on": "NULL",
                "due_event": event,
            },
            "bench_terms AS x, generate_series(1, x.n) AS k ORDER BY x.id, k",
        )

    def payments(self) -> int:
        """What was paid by what the contract reached: the down payment once it started, the
        first-delivery instalment once delivered (not received on a disputed one), the rest on completion."""
        anchor = lit(self.anchor)
        reached = (
            "(i.due_event = 'start') OR (i.due_event = 'first_delivery' AND x.contract_status IN "
            "('delivered', 'revision_requested', 'completed', 'disputed')) OR (i.due_event = 'completion' AND x.contract_status = 'completed')"
        )
        status = (
            "CASE WHEN x.contract_status = 'disputed' AND i.due_event = 'first_delivery' THEN 'not_received' "
            f"WHEN {h(2501, 'i.id')} % 100 < CASE WHEN x.contract_status = 'completed' THEN 95 ELSE 70 END THEN 'confirmed' "
            "ELSE 'reported' END"
        )
        created = (
            f"LEAST(CASE WHEN i.due_event = 'completion' AND x.completed_at IS NOT NULL THEN x.completed_at "
            f"ELSE x.created_at + make_interval(days => 5 * (i.position - 1), hours => 2) END, {anchor} - interval '1 hour')"
        )
        self.sql("DROP TABLE IF EXISTS bench_payment")
        self.sql(
            f"CREATE TEMP TABLE bench_payment AS SELECT i.id, i.contract_id, i.amount, x.owner_id, x.creative_id, "
            f"{status} AS status, {created} AS created_at FROM {table('payments.Instalment')} AS i "
            f"JOIN bench_terms AS x ON x.id = i.contract_id WHERE x.status = 'agreed' AND ({reached})"
        )
        return self.insert(
            "payments.Payment",
            {
                "id": "y.id",
                "contract_id": "y.contract_id",
                "instalment_id": "y.id",
                "amount": "y.amount",
                "method": pick(arr(["transfer", "transfer", "qris", "ewallet", "cash"]), 5, 2502, "y.id"),
                "paid_on": "(y.created_at AT TIME ZONE 'Asia/Jakarta')::date",
                "status": "y.status",
                "proof": "''",
                "proof_name": "''",
                "recorded_by_id": "y.owner_id",
                "note": "CASE WHEN y.status = 'not_received' THEN 'Belum masuk ke rekening saya.' ELSE '' END",
                "resolution": "''",
                "confirmed_at": f"CASE WHEN y.status = 'confirmed' THEN LEAST(y.created_at + interval '1 day', {anchor} - interval '30 minutes') END",
                "created_at": "y.created_at",
                "updated_at": "y.created_at",
            },
            "bench_payment AS y ORDER BY y.id",
        )

    def receipts(self) -> int:
        """A kwitansi for every confirmed payment."""
        s = self.shape
        return self.insert(
            "payments.Document",
            {
                "id": "y.id",
                "kind": "'receipt'",
                "number": "'KW/BENCH/' || y.id",
                "code": "'BENCH' || lpad(y.id::text, 11, '0')",
                "contract_id": "y.contract_id",
                "payment_id": "y.id",
                "amount": "y.amount",
                "payer_name": "o.full_name",
                "payee_name": "cu.full_name",
                "issued_on": "(y.created_at AT TIME ZONE 'Asia/Jakarta')::date + 1",
                "created_at": "y.created_at + interval '1 day'",
            },
            f"bench_payment AS y JOIN {table('accounts.User')} AS o ON o.id = y.owner_id "
            f"JOIN {table('accounts.User')} AS cu ON cu.id = y.creative_id + {s.businesses} "
            "WHERE y.status = 'confirmed' ORDER BY y.id",
        )

    # -- EJSC -----------------------------------------------------------------------------

    def hubs(self) -> int:
        """The hubs and rooms ``seed_demo`` creates (mjc.site.demo.ejsc's lists), with fixed ids."""
        bakorwil_ids = {code: pk for pk, code in self.bakorwil}
        kab_ids = dict(self.rows(f"SELECT code, id FROM {table('regions.Kabupaten')}"))
        count = 0
        self.rooms = []  # (id, exclusive, capacity, bakorwil_id)
        room_id = 0
        for space_id, (slug, name, code, kab, address, description) in enumerate(demo.SPACES, start=1):
            self.insert(
                "ejsc.Space",
                {"id": str(space_id), "slug": lit(slug), "name": lit(name), "bakorwil_id": str(bakorwil_ids[code]),
                 "kabupaten_id": str(kab_ids[kab]), "address": lit(address), "description": lit(description),
                 "description_en": lit(demo.SPACES_EN.get(slug, ""))},
                "(SELECT 1) AS one",
            )  # fmt: skip
            for weekday, opens, closes in demo.HOURS:
                self.insert(
                    "ejsc.OpeningHours",
                    {"space_id": str(space_id), "weekday": str(weekday), "opens": lit(opens.isoformat()) + "::time",
                     "closes": lit(closes.isoformat()) + "::time"},
                    "(SELECT 1) AS one",
                )  # fmt: skip
            for room_name, kind, capacity, amenities, rules in demo.ROOMS:
                room_id += 1
                rule_columns = {key: lit(value) for key, value in rules.items()}
                name_en, description, description_en, amenities_en = demo.ROOMS_TEXT[room_name]
                self.insert(
                    "ejsc.Room",
                    {"id": str(room_id), "space_id": str(space_id), "name": lit(room_name), "name_en": lit(name_en),
                     "kind": lit(str(kind)), "capacity": str(capacity), "amenities": arr(amenities, "::varchar[]"),
                     "amenities_en": arr(amenities_en, "::varchar[]"), "description": lit(description),
                     "description_en": lit(description_en), "is_active": "TRUE", **rule_columns},
                    "(SELECT 1) AS one",
                )  # fmt: skip
                self.rooms.append((room_id, str(kind) != "desk_area", capacity, bakorwil_ids[code]))
                count += 1
        return count

    def bookings(self) -> int:
        """Room r's bookings take its two-hour weekday slots in turn, so no two of one room
        overlap whatever their status (the exclusion constraint holds by construction); the
        last FUTURE_WEEKDAYS days are ahead of today."""
        s = self.shape
        rooms = len(self.rooms)
        slots = math.ceil(s.bookings / rooms)
        days = math.ceil(slots / SLOTS_PER_DAY)
        future = min(FUTURE_WEEKDAYS, max(1, days // 3))
        dates, day = [], self.today
        while len(dates) < future:  # the next weekdays after today
            day += timedelta(days=1)
            if day.weekday() < 5:
                dates.append(day)
        past, day = [], self.today
        while len(past) < days - future:
            day -= timedelta(days=1)
            if day.weekday() < 5:
                past.append(day)
        self.booking_dates = list(reversed(past)) + dates
        first_future = len(past)
        room_ids = arr([r[0] for r in self.rooms], "::bigint[]")
        exclusive = arr([r[1] for r in self.rooms], "::boolean[]")
        capacity = arr([r[2] for r in self.rooms], "::int[]")
        staff = arr([self.staff_of[r[3]] for r in self.rooms], "::bigint[]")
        slot = f"(b / {rooms})"
        day_index = f"({slot} / {SLOTS_PER_DAY})"
        room = f"(1 + b % {rooms})"
        start = (
            f"((({arr(self.booking_dates, '::date[]')})[1 + {day_index}])::timestamp "
            f"+ make_interval(hours => 8 + 2 * ({slot} % {SLOTS_PER_DAY}))) AT TIME ZONE 'Asia/Jakarta'"
        )
        roll = f"{h(1501, 'b')} % 100"
        status = (
            f"CASE WHEN {day_index} < {first_future} THEN "
            f"  CASE WHEN {roll} < 70 THEN 'completed' WHEN {roll} < 75 THEN 'no_show' WHEN {roll} < 85 THEN 'cancelled' "
            f"  WHEN {roll} < 93 THEN 'rejected' WHEN {roll} < 98 THEN 'expired' ELSE 'blocked' END "
            f"ELSE CASE WHEN {roll} < 55 THEN 'approved' WHEN {roll} < 65 THEN 'cancelled' WHEN {roll} < 68 THEN 'blocked' "
            f"  WHEN {roll} < 76 AND ({staff})[{room}] <> {self.staff_of[self.bakorwil[0][0]]} THEN 'requested' ELSE 'approved' END END"
        )
        self.sql("DROP TABLE IF EXISTS bench_booking")
        self.sql(
            f"CREATE TEMP TABLE bench_booking AS SELECT b, {room} AS room, {start} AS start, {status} AS status "
            f"FROM generate_series(0, {s.bookings - 1}) AS b"
        )
        return self.insert(
            "ejsc.Booking",
            {
                "id": "x.b + 1",
                "room_id": f"({room_ids})[x.room]",
                "bakorwil_id": f"({arr([r[3] for r in self.rooms], '::bigint[]')})[x.room]",
                "requester_id": f"CASE WHEN x.status = 'blocked' THEN ({staff})[x.room] ELSE {s.first_creative_user} + {h(1502, 'x.b')} % {s.creatives} END",
                "start": "x.start",
                "end": f"x.start + make_interval(mins => CASE WHEN {h(1503, 'x.b')} % 2 = 0 THEN 120 ELSE 60 END)",
                "attendees": f"1 + {h(1504, 'x.b')} % LEAST(({capacity})[x.room], 6)",
                "purpose": f"CASE WHEN x.status = 'blocked' THEN 'Perawatan ruangan' ELSE {pick(arr(BOOKING_PURPOSES), len(BOOKING_PURPOSES), 1505, 'x.b')} END",
                "status": "x.status",
                "exclusive": f"({exclusive})[x.room] OR x.status = 'blocked'",
                "decision_reason": "CASE WHEN x.status = 'rejected' THEN 'Ruangan dipakai acara Bakorwil.' ELSE '' END",
                "decided_by_id": f"CASE WHEN x.status IN ('approved', 'rejected', 'completed', 'no_show', 'checked_in') THEN ({staff})[x.room] END",
                "decided_at": (
                    "CASE WHEN x.status IN ('approved', 'rejected', 'completed', 'no_show', 'checked_in', 'blocked') "
                    f"THEN LEAST(x.start - interval '1 hour', {lit(self.anchor)} - interval '10 minutes') END"
                ),
                "checked_in_at": "CASE WHEN x.status = 'completed' THEN x.start + interval '5 minutes' END",
                "reminded_at": "CASE WHEN x.status IN ('completed', 'no_show') THEN x.start - interval '1 day' END",
                "created_at": f"LEAST(x.start - make_interval(days => 1 + {h(1506, 'x.b')} % 10), {lit(self.anchor)} - make_interval(mins => 20 + {h(1507, 'x.b')} % 5000))",
                "updated_at": f"LEAST(x.start, {lit(self.anchor)} - interval '10 minutes')",
            },
            "bench_booking AS x ORDER BY x.b",
        )

    def waiting(self) -> int:
        """The long queue: requests waiting for Bakorwil I's staff (bench-staff@)."""
        first_bakorwil = self.bakorwil[0][0]
        rooms = [str(r[0]) for r in self.rooms if r[3] == first_bakorwil]
        return self.sql(
            f"""
            UPDATE {table("ejsc.Booking")} SET status = 'requested', decided_by_id = NULL, decided_at = NULL,
                exclusive = (SELECT kind <> 'desk_area' FROM {table("ejsc.Room")} r WHERE r.id = room_id)
            WHERE id IN (SELECT id FROM {table("ejsc.Booking")} WHERE room_id IN ({", ".join(rooms)})
                         AND start > {lit(self.anchor + timedelta(days=1))} AND status IN ('approved', 'cancelled')
                         ORDER BY {h(1601, "id")}, id LIMIT {self.shape.waiting})
            """
        )

    def service_standard(self) -> int:
        """Issue 14's columns: the decision deadline of every waiting request (two days, never
        after its start), a check-in code on every approved or completed booking, and one
        booking in twenty of those made by staff on a visitor's behalf."""
        alphabet = "ACDEFGHJKLMNPQRTUVWXY34679"
        code = " || ".join(f"substr('{alphabet}', (1 + (id / {26**k}) % 26)::int, 1)" for k in range(6))
        count = self.sql(
            f"UPDATE {table('ejsc.Booking')} SET decide_by = LEAST(created_at + interval '2 days', start) "
            "WHERE status = 'requested'"
        )
        count += self.sql(
            f"UPDATE {table('ejsc.Booking')} SET check_code = {code}, "
            f"visitor_name = CASE WHEN {h(1801, 'id')} % 20 = 0 THEN {pick(arr(VISITORS), len(VISITORS), 1802, 'id')} ELSE '' END, "
            f"visitor_phone = CASE WHEN {h(1801, 'id')} % 20 = 0 THEN '0812' || lpad((id % 10000000)::text, 7, '3') ELSE '' END "
            "WHERE status IN ('approved', 'completed', 'no_show')"
        )
        return count

    # -- notifications ----------------------------------------------------------------------

    def notifications(self) -> int:
        s = self.shape
        users = s.first_staff_user + len(self.bakorwil)  # every account
        special = s.special_notifications
        specials = [1, s.first_creative_user, s.first_staff_user]  # bench-owner, bench-creative, bench-staff
        recipient = (
            f"CASE WHEN i <= {special * 3} THEN ({arr(specials, '::bigint[]')})[1 + (i - 1) / {special}] "
            f"ELSE 1 + {h(1701, 'i')} % {users} END"
        )
        kind_i = f"1 + {h(1702, 'i')} % {len(NOTIFICATION_KINDS)}"
        created = f"{lit(self.anchor)} - make_interval(days => {h(1703, 'i')} % 365, mins => {h(1704, 'i')} % 1440)"
        return self.insert(
            "notifications.Notification",
            {
                "id": "i",
                "recipient_id": recipient,
                "kind": f"({arr([k for k, _t in NOTIFICATION_KINDS])})[{kind_i}]",
                "title": (
                    f"({arr([t for _k, t in NOTIFICATION_KINDS])})[{kind_i}] || ' “' || "
                    f"{pick(arr([w for _s, w in SERVICES]), len(SERVICES), 1705, 'i')} || ' ' || {pick(arr(PRODUCTS), len(PRODUCTS), 1706, 'i')} || '”'"
                ),
                "body": "'Buka untuk melihat rinciannya.'",
                "url": f"'/pekerjaan/' || (1 + {h(1707, 'i')} % {s.gigs}) || '/'",
                "dedupe_key": "'bench:' || i",
                "read_at": f"CASE WHEN {h(1708, 'i')} % 10 < 7 THEN {created} + make_interval(mins => 5 + {h(1709, 'i')} % 2000) END",
                "emailed_at": f"CASE WHEN {h(1710, 'i')} % 10 < 4 THEN {created} + interval '1 minute' END",
                "created_at": created,
            },
            f"generate_series(1, {s.notifications}) AS i",
        )

    # -- after the rows -------------------------------------------------------------------

    def sequences(self) -> int:
        """Ids were given explicitly: move every sequence past them."""
        count = 0
        for model in apps.get_models():
            db_table = model._meta.db_table
            pk = model._meta.pk
            if pk is None or pk.get_internal_type() not in {"AutoField", "BigAutoField", "SmallAutoField"}:
                continue
            sequence = self.rows("SELECT pg_get_serial_sequence(%s, %s)", [db_table, pk.column])[0][0]
            if sequence:
                self.sql(
                    f"SELECT setval('{sequence}', COALESCE((SELECT max({pk.column}) FROM {db_table}), 0) + 1, false)"
                )
                count += 1
        through = apps.get_model("creatives", "CreativeProfile").skills.through._meta.db_table
        sequence = self.rows("SELECT pg_get_serial_sequence(%s, 'id')", [through])[0][0]
        if sequence:
            self.sql(f"SELECT setval('{sequence}', COALESCE((SELECT max(id) FROM {through}), 0) + 1, false)")
        return count

    def denormalised(self) -> int:
        """Counters and documents kept on rows, when the schema has them (added by others)."""
        gigs, bids = table("gigs.Gig"), table("gigs.Bid")
        done = 0
        for column in ("bid_count", "bids_count"):
            if self.has_column(gigs, column):
                # the figure the lists show: bids that were not withdrawn
                self.sql(
                    f"UPDATE {gigs} AS g SET {column} = COALESCE(c.n, 0) FROM {gigs} AS g2 LEFT JOIN "
                    f"(SELECT gig_id, count(*) FILTER (WHERE status <> 'withdrawn') AS n FROM {bids} GROUP BY gig_id) AS c "
                    f"ON c.gig_id = g2.id WHERE g.id = g2.id AND g.{column} IS DISTINCT FROM COALESCE(c.n, 0)"
                )
                done += 1
        for name, _nullable, _default, generated, _identity in self.columns(gigs):
            if name == "search_document" and generated == "NEVER":
                # maintained at write time by the services: fill the rows the bulk insert left empty
                self.sql(
                    f"UPDATE {gigs} SET search_document = setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || "
                    f"setweight(to_tsvector('indonesian', coalesce(description, '')), 'B') WHERE search_document IS NULL OR search_document = ''::tsvector"
                )
                done += 1
        return done

    def summaries(self) -> int:
        """The summary rows of the landing page, the province dashboard and price guidance."""
        refresh_summaries()
        self.out.write("    (refresh_summaries() ran)")
        return 1

    def vacuum(self) -> int:
        labels = TRUNCATED + EXTRA
        for label in labels:
            self.sql(f"VACUUM (ANALYZE) {table(label)}")
        self.sql(f"VACUUM (ANALYZE) {apps.get_model('creatives', 'CreativeProfile').skills.through._meta.db_table}")
        return len(labels) + 1


def checksums() -> dict[str, str]:
    """An md5 of every filled table's rows in id order: two runs of the same day give the same."""
    result = {}
    labels = TRUNCATED + EXTRA
    with connection.cursor() as cursor:
        for label in labels:
            name = table(label)
            cursor.execute(f"SELECT count(*), md5(string_agg(md5(t::text), '' ORDER BY t.id)) FROM {name} AS t")
            count, digest = cursor.fetchone()
            result[name] = f"{count}:{digest}"
    return result
