"""Demo creative profiles with portfolios for `manage.py seed_demo` (idempotent)."""

from creatives import services
from creatives.models import CreativeProfile
from mjc.categories.models import Category
from mjc.regions.models import Kabupaten
from mjc.site.demo.images import named_picture
from mjc.site.demo.umkm import demo_user

# email, name, kabupaten, headline, bio, skills, day rate, available, portfolio
# (No made-up ratings: reputation comes from real reviews of the gigs demo and the aggregate job.)
CREATIVES = [
    (
        "rina@demo.mjc.id",
        "Rina Kusuma",
        "3573",
        "Desainer kemasan & branding untuk UMKM makanan",
        "Enam tahun mendesain kemasan keripik, sambal, dan kopi untuk UMKM Malang Raya. "
        "Saya bantu dari logo sampai file siap cetak, termasuk label PIRT dan halal.",
        ["kemasan", "logo-branding"],
        450_000,
        True,
        [
            ("Kemasan keripik tempe standing pouch", "kemasan", (200, 120, 40)),
            ("Logo dan label Kopi Arjuno", "logo-branding", (60, 90, 60)),
            ("Kemasan sambal botol 150 ml", "kemasan", (180, 40, 40)),
        ],
    ),
    (
        "dimas@demo.mjc.id",
        "Dimas Prasetyo",
        "3509",
        "Fotografer produk & videografer, Jember",
        "Foto katalog marketplace, video pendek Reels/TikTok, dan foto gaya hidup untuk produk UMKM Tapal Kuda.",
        ["foto-produk", "video-animasi"],
        600_000,
        True,
        [
            ("Foto katalog batik Jember", "foto-produk", (120, 50, 90)),
            ("Video 30 detik kopi Bondowoso", "video-animasi", (80, 50, 30)),
            ("Foto produk tembakau rajang", "foto-produk", (140, 110, 60)),
        ],
    ),
    (
        "ayu@demo.mjc.id",
        "Ayu Lestari",
        "3578",
        "Pengelola media sosial & pembuat toko online",
        "Menyusun kalender konten, menulis caption, dan membangun toko online sederhana untuk UMKM Surabaya.",
        ["media-sosial", "website-toko-online", "copywriting"],
        500_000,
        True,
        [
            ("Kalender konten Instagram warung kue", "media-sosial", (220, 90, 120)),
            ("Toko online sambal Bu Rudy (tiruan)", "website-toko-online", (40, 100, 160)),
        ],
    ),
]
EXTRA = [
    ("Fajar Nugroho", "3501", "Ilustrator & desainer label, Pacitan", ["kemasan", "logo-branding"], 300_000, True),
    (
        "Dewi Anggraini",
        "3522",
        "Copywriter deskripsi produk marketplace",
        ["copywriting", "media-sosial"],
        250_000,
        True,
    ),
    (
        "Rizky Ramadhan",
        "3515",
        "Pengiklan Meta & Google Ads untuk UMKM",
        ["iklan-digital", "media-sosial"],
        700_000,
        True,
    ),
    ("Sari Wulandari", "3528", "Desainer motif batik digital", ["logo-branding", "kemasan"], 350_000, False),
    ("Agus Salim", "3510", "Videografer wisata & produk Banyuwangi", ["video-animasi", "foto-produk"], 550_000, True),
    ("Nanda Putri", "3507", "Animator 2D, KEK Singhasari", ["video-animasi"], 800_000, True),
    (
        "Bayu Firmansyah",
        "3577",
        "Pengembang aplikasi kasir & web UMKM",
        ["aplikasi", "website-toko-online"],
        900_000,
        True,
    ),
    ("Lina Marlina", "3529", "Fotografer produk garam & kerajinan Sumenep", ["foto-produk"], 300_000, True),
    ("Yoga Pratama", "3525", "Desainer kemasan produk perikanan Gresik", ["kemasan"], 400_000, True),
    ("Maya Sari", "3574", "Admin media sosial & live selling", ["media-sosial", "iklan-digital"], 275_000, True),
]
EXTRA_COLORS = [(30, 110, 140), (150, 70, 30), (60, 120, 70), (110, 40, 110), (170, 120, 20)]


def _profile(email, name, kab, headline, bio, skills, rate, available) -> CreativeProfile:
    user = demo_user(email, name, kab, is_creative=True)
    profile = services.creative_profile_update(
        user=user,
        headline=headline,
        bio=bio,
        skills=skills,
        day_rate=rate,
        kabupaten=Kabupaten.objects.get(code=kab),
        available=available,
    )
    return profile


def _portfolio(profile: CreativeProfile, items) -> int:
    existing = set(profile.portfolio.values_list("title", flat=True))
    added = 0
    categories = {c.slug: c for c in Category.objects.all()}
    for title, slug, color in items:
        if title in existing:
            continue
        services.portfolio_add(
            profile=profile,
            title=title,
            category=categories.get(slug),
            image=named_picture(title, color, size=(1200, 900), subtitle=profile.user.full_name),
        )
        added += 1
    return added


def seed(stdout) -> None:
    added = 0
    for email, name, kab, headline, bio, skills, rate, available, items in CREATIVES:
        profile = _profile(email, name, kab, headline, bio, skills, rate, available)
        added += _portfolio(profile, items)
    for index, (name, kab, headline, skills, rate, available) in enumerate(EXTRA, start=1):
        bio = f"{headline}. Berpengalaman membantu UMKM Jawa Timur; siap kerja jarak jauh maupun tatap muka."
        profile = _profile(f"kreator{index}@demo.mjc.id", name, kab, headline, bio, skills, rate, available)
        color = EXTRA_COLORS[index % len(EXTRA_COLORS)]
        added += _portfolio(profile, [(f"Karya {headline.split(',')[0].lower()}", skills[0], color)])
    stdout.write(f"creatives: {len(CREATIVES) + len(EXTRA)} profiles, {added} new portfolio items")
