"""Demo data: realistic, and safe to seed twice."""

import io

import pytest

from creatives.models import CreativeProfile, PortfolioItem
from mjc.site.demo import creatives as creatives_demo
from mjc.site.demo import umkm as umkm_demo
from umkm.models import Business, Product

pytestmark = pytest.mark.django_db


def test_seeding_twice_creates_everything_once():
    out = io.StringIO()
    for _ in range(2):
        umkm_demo.seed(out)
        creatives_demo.seed(out)
    assert Business.objects.count() == 3 and Product.objects.count() == 8
    assert set(Business.objects.values_list("owner__email", flat=True)) == {
        "siti@demo.mjc.id",
        "budi@demo.mjc.id",
        "wati@demo.mjc.id",
    }
    assert CreativeProfile.objects.count() == 13
    assert PortfolioItem.objects.count() == 18
    rina = CreativeProfile.objects.get(user__email="rina@demo.mjc.id")
    assert rina.user.is_creative and {c.slug for c in rina.skills.all()} == {"kemasan", "logo-branding"}
    assert all(p.photo.name.startswith("public/products/") for p in Product.objects.all())
    assert CreativeProfile.objects.values("kabupaten__bakorwil__code").distinct().count() == 5
