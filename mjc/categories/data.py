"""The service categories of SPEC section 3, shipped by a data migration."""

CATEGORIES = [
    ("kemasan", "Desain kemasan", "Packaging design"),
    ("logo-branding", "Logo & branding", "Logo & branding"),
    ("foto-produk", "Foto produk", "Product photography"),
    ("video-animasi", "Video & animasi", "Video & animation"),
    ("media-sosial", "Media sosial & konten", "Social media & content"),
    ("iklan-digital", "Iklan digital", "Digital ads"),
    ("copywriting", "Copywriting", "Copywriting"),
    ("website-toko-online", "Website & toko online", "Websites & online shops"),
    ("aplikasi", "Aplikasi & pemrograman", "Apps & programming"),
    ("lainnya", "Lainnya", "Other"),
]


def load(Category) -> None:
    """Create or update the categories (used by the data migration and after test flushes)."""
    for position, (slug, name, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "position": position})
