"""Packages made through the service (tiers, add-ons, the kept lowest price), active by default."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import CreativeProfileFactory, category

TIERS = [
    {"name": "basic", "price": 500_000, "delivery_days": 3, "revisions": 2, "deliverables": ["1 desain label"]},
    {"name": "standard", "price": 900_000, "delivery_days": 5, "revisions": 3, "deliverables": ["2 desain", "mockup"]},
    {"name": "premium", "price": 1_500_000, "delivery_days": 7, "revisions": 5, "deliverables": ["3 desain"]},
]
ADDONS = [
    {"kind": "express", "name": "Pengiriman kilat", "price": 200_000, "extra_days": -1},
    {"kind": "source_files", "name": "File sumber", "price": 150_000, "extra_days": 0},
    {"kind": "extra_revision", "name": "Revisi tambahan", "price": 100_000, "extra_days": 1},
]


def make_package(
    *,
    creative=None,
    status="active",
    title="Desain label kemasan",
    description=None,
    tiers=None,
    addons=None,
    category_slug="kemasan",
):
    from packages import services

    creative = creative or CreativeProfileFactory()
    package = services.package_create(
        user=creative.user,
        category=category(category_slug),
        title=title,
        description=description or "Desain label kemasan untuk UMKM, siap cetak.",
        tiers=TIERS if tiers is None else tiers,
        addons=ADDONS if addons is None else addons,
    )
    if status in ("active", "paused"):
        services.package_publish(package=package, user=creative.user)
    if status == "paused":
        services.package_pause(package=package, user=creative.user)
    if status == "archived":
        services.package_archive(package=package, user=creative.user)
    package.refresh_from_db()
    return package


PackageFactory = make_package


def label_and_logo():
    """Two active packages that differ on every catalogue filter: a cheap, quick label by a
    creative in Kota Malang (Bakorwil III) and a dear, slow logo by one in Kabupaten Pacitan."""
    from tests.factories import kabupaten

    label = make_package(
        creative=CreativeProfileFactory(kabupaten=kabupaten("3573")), title="Desain label kemasan keripik"
    )
    logo = make_package(
        creative=CreativeProfileFactory(kabupaten=kabupaten("3501")),
        title="Logo usaha kopi",
        description="Logo untuk kedai kopi.",
        category_slug="logo-branding",
        tiers=[{"name": "basic", "price": 2_000_000, "delivery_days": 10}],
    )
    return label, logo


def make_order(*, package, owner, business=None, tier="basic", addons=(), brief="Label untuk keripik tempe 100 g."):
    from packages import services

    return services.order_create(
        package=package, user=owner, tier=tier, business=business, brief=brief, addons=list(addons)
    )


def pdf(name="brief.pdf", size=2048) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n" + b"0" * max(0, size - 9)
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name="foto.png") -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")
