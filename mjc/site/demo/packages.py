"""Demo packages and orders for `manage.py seed_demo` (idempotent): a dozen packages from the
demo creatives across categories, and orders in different states."""

from mjc.categories.models import Category
from mjc.site.demo.images import named_picture
from packages import services
from packages.models import Order, Package
from packages.statuses import OrderStatus

EXPRESS = {"kind": "express", "name": "Pengerjaan kilat", "extra_days": -1}
SOURCE = {"kind": "source_files", "name": "File sumber (AI/PSD)", "extra_days": 0}
REVISION = {"kind": "extra_revision", "name": "Revisi tambahan", "extra_days": 1}


def _tiers(base: int, days: int, items: list[list[str]]):
    names = ["basic", "standard", "premium"]
    return [
        {
            "name": names[i],
            "price": base * (1, 2, 3)[i],
            "delivery_days": days + 2 * i,
            "revisions": (1, 2, 4)[i],
            "deliverables": items[i],
        }
        for i in range(len(items))
    ]


# creative, category, title, description, base price, days, deliverables per tier, add-ons (with prices), colour
PACKAGES = [
    (
        "rina@demo.mjc.id",
        "kemasan",
        "Desain label kemasan keripik & camilan",
        "Label standing pouch atau toples siap cetak, lengkap dengan PIRT, halal, dan komposisi.",
        350_000,
        3,
        [
            ["1 desain label", "file PNG & PDF siap cetak"],
            ["2 alternatif desain", "mockup 3D"],
            ["3 alternatif desain", "mockup 3D", "panduan warna"],
        ],
        [(EXPRESS, 150_000), (SOURCE, 100_000), (REVISION, 75_000)],
        (200, 120, 40),
    ),
    (
        "rina@demo.mjc.id",
        "kemasan",
        "Desain kemasan botol sambal & minuman",
        "Label melingkar untuk botol 150–250 ml, tahan minyak dan embun.",
        400_000,
        4,
        [["1 desain label botol"], ["2 alternatif", "mockup botol"]],
        [(EXPRESS, 150_000), (SOURCE, 100_000)],
        (180, 40, 40),
    ),
    (
        "rina@demo.mjc.id",
        "logo-branding",
        "Logo usaha UMKM + kartu nama",
        "Logo sederhana yang mudah dicetak di kemasan, stempel, dan spanduk.",
        500_000,
        5,
        [["2 konsep logo"], ["3 konsep logo", "kartu nama"], ["4 konsep", "kartu nama", "panduan merek mini"]],
        [(SOURCE, 150_000), (REVISION, 100_000)],
        (60, 90, 60),
    ),
    (
        "rina@demo.mjc.id",
        "logo-branding",
        "Paket identitas merek kopi",
        "Logo, label biji kopi, dan stiker gelas untuk kedai dan roastery kecil.",
        900_000,
        7,
        [["logo", "label kemasan"], ["logo", "label", "stiker gelas"]],
        [(EXPRESS, 300_000)],
        (90, 60, 30),
    ),
    (
        "dimas@demo.mjc.id",
        "foto-produk",
        "Foto produk katalog marketplace",
        "Foto latar putih untuk Shopee/Tokopedia, diedit dan siap unggah.",
        300_000,
        3,
        [["10 foto"], ["20 foto", "2 foto gaya hidup"], ["40 foto", "6 foto gaya hidup"]],
        [(EXPRESS, 100_000), (REVISION, 50_000)],
        (120, 50, 90),
    ),
    (
        "dimas@demo.mjc.id",
        "foto-produk",
        "Foto gaya hidup batik & fesyen",
        "Sesi foto dengan model di lokasi Jember dan sekitarnya.",
        750_000,
        5,
        [["15 foto, 1 model"], ["30 foto, 2 model"]],
        [(SOURCE, 200_000)],
        (140, 80, 120),
    ),
    (
        "dimas@demo.mjc.id",
        "video-animasi",
        "Video pendek Reels/TikTok produk",
        "Video 15–30 detik dengan musik bebas royalti dan teks.",
        500_000,
        4,
        [["1 video 15 detik"], ["2 video 30 detik"], ["4 video 30 detik", "thumbnail"]],
        [(EXPRESS, 200_000), (SOURCE, 150_000)],
        (80, 50, 30),
    ),
    (
        "dimas@demo.mjc.id",
        "video-animasi",
        "Video profil usaha 1 menit",
        "Profil usaha untuk pameran dan media sosial, termasuk wawancara singkat.",
        1_500_000,
        7,
        [["video 60 detik"], ["video 60 detik", "2 potongan 15 detik"]],
        [(REVISION, 150_000)],
        (50, 70, 110),
    ),
    (
        "ayu@demo.mjc.id",
        "media-sosial",
        "Kelola Instagram UMKM 1 bulan",
        "Jadwal konten, desain unggahan, dan caption berbahasa Indonesia dan Jawa.",
        800_000,
        30,
        [["12 unggahan"], ["20 unggahan", "8 story"], ["30 unggahan", "15 story", "laporan"]],
        [(EXPRESS, 250_000)],
        (200, 90, 140),
    ),
    (
        "ayu@demo.mjc.id",
        "media-sosial",
        "Desain 10 template konten Canva",
        "Template yang bisa Anda ubah sendiri untuk promo dan pengumuman.",
        350_000,
        3,
        [["10 template"], ["20 template", "panduan pakai"]],
        [(SOURCE, 100_000), (REVISION, 50_000)],
        (230, 150, 60),
    ),
    (
        "ayu@demo.mjc.id",
        "website-toko-online",
        "Toko online sederhana untuk UMKM",
        "Halaman katalog dengan tombol pesan, domain .id, dan pelatihan singkat.",
        1_500_000,
        10,
        [["1 halaman katalog"], ["katalog + blog", "SEO dasar"], ["katalog + blog", "SEO", "3 bulan dukungan"]],
        [(EXPRESS, 500_000), (REVISION, 200_000)],
        (40, 110, 160),
    ),
    (
        "ayu@demo.mjc.id",
        "copywriting",
        "Deskripsi produk marketplace",
        "Deskripsi yang menjual untuk 10 produk, dengan kata kunci pencarian.",
        250_000,
        2,
        [["10 deskripsi"], ["25 deskripsi"]],
        [(EXPRESS, 75_000)],
        (100, 100, 100),
    ),
]

# owner, package title, tier, final state
ORDERS = [
    ("budi@demo.mjc.id", "Desain label kemasan keripik & camilan", "standard", OrderStatus.REQUESTED),
    ("siti@demo.mjc.id", "Foto produk katalog marketplace", "basic", OrderStatus.ACCEPTED),
    ("wati@demo.mjc.id", "Paket identitas merek kopi", "basic", OrderStatus.DECLINED),
]


def _user(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email=email).select_related("creative_profile").first()


def seed(stdout) -> None:
    made = 0
    for email, slug, title, description, base, days, items, addons, colour in PACKAGES:
        user = _user(email)
        profile = getattr(user, "creative_profile", None) if user else None
        category = Category.objects.filter(slug=slug).first()
        if profile is None or category is None or Package.objects.filter(creative=profile, title=title).exists():
            continue
        package = services.package_create(
            user=user,
            category=category,
            title=title,
            description=description,
            tiers=_tiers(base, days, items),
            addons=[{**addon, "price": price} for addon, price in addons],
            photos=[named_picture(title, colour, size=(800, 600))],
        )
        services.package_publish(package=package, user=user)
        made += 1
    orders = 0
    for email, title, tier, state in ORDERS:
        owner = _user(email)
        package = Package.objects.filter(title=title).select_related("creative__user").first()
        if owner is None or package is None or Order.objects.filter(owner=owner, package=package).exists():
            continue
        business = owner.businesses.order_by("id").first()
        if business is None:
            continue
        addon = package.addons.order_by("id").first()
        order = services.order_create(
            package=package,
            user=owner,
            tier=tier,
            business=business,
            brief=f"Untuk {business.name}: mohon dibuat sesuai contoh yang saya kirim lewat pesan.",
            addons=[addon.pk] if addon else [],
        )
        creative_user = package.creative.user
        if state == OrderStatus.ACCEPTED:
            services.order_accept(order=order, user=creative_user)
        elif state == OrderStatus.DECLINED:
            services.order_decline(order=order, user=creative_user, reason="Jadwal bulan ini sudah penuh, maaf.")
        orders += 1
    stdout.write(f"packages: {made} new packages, {orders} new orders")
