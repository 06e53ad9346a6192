"""Demo businesses and products for `manage.py seed_demo` (idempotent)."""

from mjc.regions.models import Kabupaten
from mjc.site.demo import accounts
from mjc.site.demo.images import named_picture
from umkm import services
from umkm.models import Business

PASSWORD = accounts.PASSWORD

BUSINESSES = [
    {
        "owner": ("siti@demo.mjc.id", "Siti Aminah"),
        "name": "Batik Tulis Pamekasan",
        "sector": "Batik",
        "kabupaten": "3528",
        "nib": "9120301234567",
        "description": "Batik tulis khas Madura dengan warna berani, dibuat tangan oleh pembatik di Desa Klampar.",
        "products": [
            ("Kain batik tulis motif sekar jagad", 850_000, "Kain 2 m, pewarna alam", (150, 40, 40)),
            ("Kemeja batik pria lengan panjang", 425_000, "Ukuran M–XXL", (120, 60, 20)),
            ("Selendang batik sutra", 300_000, "Sutra, 180 × 50 cm", (170, 90, 30)),
        ],
    },
    {
        "owner": ("budi@demo.mjc.id", "Budi Santoso"),
        "name": "Keripik Tempe Sanan Malang",
        "sector": "Makanan ringan",
        "kabupaten": "3573",
        "nib": "",
        "description": "Keripik tempe renyah dari sentra tempe Sanan, Kota Malang. Tanpa pengawet.",
        "products": [
            ("Keripik tempe original 100 g", 15_000, "Gurih, renyah", (200, 150, 40)),
            ("Keripik tempe balado 100 g", 17_000, "Pedas manis", (190, 60, 30)),
            ("Paket oleh-oleh 5 rasa", 75_000, "Lima bungkus 100 g", (110, 120, 40)),
        ],
    },
    {
        "owner": ("wati@demo.mjc.id", "Wati Rahayu"),
        "name": "Kopi Ijen Bondowoso",
        "sector": "Kopi",
        "kabupaten": "3511",
        "nib": "9120309876543",
        "description": "Kopi arabika dari lereng Ijen, dipetik merah dan diproses petani Sumberwringin.",
        "products": [
            ("Kopi arabika Ijen biji sangrai 250 g", 85_000, "Sangrai medium", (90, 55, 35)),
            ("Kopi bubuk Ijen 200 g", 55_000, "Giling sedang", (70, 45, 30)),
        ],
    },
]


demo_user = accounts.demo_user  # one way to make a demo account (mjc/site/demo/accounts.py)


def seed(stdout) -> None:
    created_products = 0
    for spec in BUSINESSES:
        email, full_name = spec["owner"]
        owner = demo_user(email, full_name, spec["kabupaten"], is_owner=True)
        business = Business.objects.filter(owner=owner, name=spec["name"]).first()
        if business is None:
            business = services.business_create(
                owner=owner,
                name=spec["name"],
                sector=spec["sector"],
                kabupaten=Kabupaten.objects.get(code=spec["kabupaten"]),
                description=spec["description"],
                nib=spec["nib"],
            )
        existing = set(business.products.values_list("name", flat=True))
        for name, price, description, color in spec["products"]:
            if name in existing:
                continue
            services.product_create(
                business=business,
                name=name,
                price=price,
                description=description,
                photo=named_picture(name, color, subtitle=spec["name"]),
            )
            created_products += 1
    stdout.write(f"umkm: {len(BUSINESSES)} businesses, {created_products} new products")
