"""Demo marketplace for East Java (idempotent): open gigs from the demo businesses with bids,
and finished contracts with reviews so price guidance has accepted amounts to show.

Everything goes through the services, so statuses, history and notifications are real."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gigs import services
from gigs.models import Contract, Gig, GigTemplate
from gigs.statuses import ContractStatus, GigStatus
from mjc.categories.models import Category

User = get_user_model()

OPEN_GIGS = [
    # owner, title, category, template, answers, brief, budget, days to deadline, work mode, bids (creative, amount, days, proposal)
    (
        "budi@demo.mjc.id",
        "Desain kemasan keripik tempe",
        "kemasan",
        "desain-kemasan-keripik",
        {
            "product": "Keripik tempe Sanan rasa original dan balado",
            "size": "100 g dan 250 g",
            "medium": "Cetak",
            "quantity": "2 varian rasa",
            "style": "Ceria, khas Malang, ada ilustrasi tempe",
            "deliverables": ["File siap cetak (PDF/AI)", "Mockup 3D", "Label halal & komposisi"],
        },
        "Kemasan standing pouch dengan jendela transparan, untuk oleh-oleh dan Shopee.",
        (750_000, 1_500_000),
        21,
        "remote",
        [
            (
                "rina@demo.mjc.id",
                1_200_000,
                7,
                "Saya sudah mendesain kemasan untuk 12 UMKM makanan di Malang. Tiga konsep awal, dua kali revisi, file siap cetak dan mockup 3D.",
            ),
            ("ayu@demo.mjc.id", 950_000, 10, "Dua konsep desain plus versi foto untuk Shopee dan Instagram."),
        ],
    ),
    (
        "siti@demo.mjc.id",
        "Foto produk batik tulis",
        "foto-produk",
        "foto-produk",
        {
            "product": "20 kain batik tulis motif Pamekasan",
            "shots": "3 foto per kain",
            "setting": "Keduanya",
            "location": "Datang ke galeri di Pamekasan",
            "style": "Terang, warna kain harus akurat",
        },
        "Untuk katalog baru dan toko di Tokopedia.",
        (1_500_000, 3_000_000),
        30,
        "onsite",
        [
            (
                "dimas@demo.mjc.id",
                2_400_000,
                5,
                "Saya bawa lighting dan backdrop; hasil diedit dan siap unggah marketplace.",
            )
        ],
    ),
    (
        "wati@demo.mjc.id",
        "Kelola Instagram kopi Ijen",
        "media-sosial",
        "kelola-instagram",
        {
            "account": "@kopiijen.bondowoso",
            "posts": "4 posting dan 7 story per minggu",
            "period": "3 bulan",
            "goal": "Menambah penjualan",
            "style": "Hangat, cerita petani kopi Ijen",
        },
        "Termasuk membalas DM dan laporan bulanan sederhana.",
        (1_000_000, 2_500_000),
        14,
        "remote",
        [
            (
                "ayu@demo.mjc.id",
                1_800_000,
                30,
                "Kalender konten bulanan, desain feed, dan laporan insight tiap akhir bulan.",
            )
        ],
    ),
]

# Finished work: accepted amounts for price guidance, reviews for profiles.
FINISHED = [
    (
        "budi@demo.mjc.id",
        "Logo baru Keripik Tempe Sanan",
        "logo-branding",
        (500_000, 1_000_000),
        "rina@demo.mjc.id",
        800_000,
        5,
        "Logonya segar dan mudah dikenali. Rina cepat tanggap!",
        "Pemilik jelas menjelaskan kebutuhannya.",
    ),
    (
        "budi@demo.mjc.id",
        "Label kemasan sambal pecel",
        "kemasan",
        (400_000, 900_000),
        "rina@demo.mjc.id",
        650_000,
        5,
        "Labelnya rapi dan siap cetak.",
        "Kerja sama yang menyenangkan.",
    ),
    (
        "wati@demo.mjc.id",
        "Desain kemasan kopi bubuk 200 g",
        "kemasan",
        (700_000, 1_500_000),
        "rina@demo.mjc.id",
        1_100_000,
        4,
        "Bagus, revisi ditanggapi dengan baik.",
        "Terima kasih, briefnya lengkap.",
    ),
    (
        "siti@demo.mjc.id",
        "Kotak kemasan batik premium",
        "kemasan",
        (1_000_000, 2_500_000),
        "rina@demo.mjc.id",
        1_750_000,
        5,
        "Kotaknya mewah, pembeli suka.",
        "Pemilik ramah dan tepat waktu.",
    ),
    (
        "wati@demo.mjc.id",
        "Video profil kebun kopi Ijen",
        "video-animasi",
        (2_000_000, 5_000_000),
        "dimas@demo.mjc.id",
        3_500_000,
        5,
        "Videonya indah sekali.",
        "Lokasi syuting luar biasa.",
    ),
]


# issue 11: most demo gigs show one of their business's product photos (made at seed time by
# mjc/site/demo/umkm.py); the others show their category's illustration
PICTURES = {
    "Desain kemasan keripik tempe": "Keripik tempe original 100 g",
    "Foto produk batik tulis": "Kain batik tulis motif sekar jagad",
    "Kelola Instagram kopi Ijen": "Kopi arabika Ijen biji sangrai 250 g",
    "Label kemasan sambal pecel": "Paket oleh-oleh 5 rasa",
    "Desain kemasan kopi bubuk 200 g": "Kopi bubuk Ijen 200 g",
    "Kotak kemasan batik premium": "Selendang batik sutra",
}


def _picture(business, title):
    name = PICTURES.get(title)
    return business.products.filter(name=name).exclude(photo="").first() if name else None


def _user(email):
    return User.objects.filter(email=email).first()


def _business(owner):
    return owner.businesses.order_by("id").first() if owner else None


def _demo_pdf(title: str) -> SimpleUploadedFile:
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"% " + title.encode() + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.pdf", body, content_type="application/pdf")


def _open_gig(owner_email, title, category, template_slug, answers, brief, budget, days, mode, bids):
    owner = _user(owner_email)
    business = _business(owner)
    if business is None:
        return None, 0
    gig = Gig.objects.filter(business=business, title=title).first()
    if gig is None:
        gig = services.gig_create(
            user=owner,
            business=business,
            title=title,
            category=Category.objects.get(slug=category),
            template=GigTemplate.objects.filter(slug=template_slug).first(),
            answers=answers,
            description=brief,
            budget_min=budget[0],
            budget_max=budget[1],
            deadline=timezone.localdate() + timedelta(days=days),
            work_mode=mode,
            picture_product=_picture(business, title),
        )
        services.gig_publish(gig=gig, user=owner)
    elif not gig.picture_list and gig.status == GigStatus.OPEN and _picture(business, title):
        services.gig_update(gig=gig, user=owner, picture_product=_picture(business, title))  # seeded before pictures
    placed = 0
    for email, amount, delivery_days, proposal in bids:
        creative = _user(email)
        if creative is None or not hasattr(creative, "creative_profile"):
            continue
        if gig.bids.filter(creative=creative.creative_profile).exists() or gig.status != GigStatus.OPEN:
            continue
        services.bid_place(gig=gig, user=creative, amount=amount, delivery_days=delivery_days, proposal=proposal)
        placed += 1
    return gig, placed


def _finished(owner_email, title, category, budget, creative_email, amount, rating, owner_says, creative_says):
    owner, creative = _user(owner_email), _user(creative_email)
    business = _business(owner)
    if business is None or creative is None or not hasattr(creative, "creative_profile"):
        return False
    if Gig.objects.filter(business=business, title=title).exists():
        return False
    gig = services.gig_create(
        user=owner,
        business=business,
        title=title,
        category=Category.objects.get(slug=category),
        description=f"{title}. Brief lengkap sudah dibahas lewat pesan.",
        budget_min=budget[0],
        budget_max=budget[1],
        deadline=timezone.localdate() + timedelta(days=20),
        picture_product=_picture(business, title),
    )
    services.gig_publish(gig=gig, user=owner)
    bid = services.bid_place(
        gig=gig, user=creative, amount=amount, delivery_days=7, proposal="Siap mengerjakan sesuai brief."
    )
    contract = services.bid_accept(bid=bid, user=owner)
    services.message_send(conversation=bid.conversation, user=owner, body="Terima kasih, mari mulai!")
    services.contract_deliver(
        contract=contract, user=creative, note="Hasil akhir terlampir.", uploads=[_demo_pdf(title)]
    )
    services.contract_complete(contract=contract, user=owner)
    services.review_create(contract=contract, user=owner, rating=rating, comment=owner_says)
    services.review_create(contract=contract, user=creative, rating=5, comment=creative_says)
    return True


def seed(stdout) -> None:
    finished = sum(1 for row in FINISHED if _finished(*row))
    opened, bids = 0, 0
    for row in OPEN_GIGS:
        gig, placed = _open_gig(*row)
        opened += gig is not None
        bids += placed
    done = Contract.objects.filter(status=ContractStatus.COMPLETED).count()
    stdout.write(
        f"gigs: {opened} open demo gigs, {bids} new bids, {finished} new finished contracts ({done} completed in all)"
    )
