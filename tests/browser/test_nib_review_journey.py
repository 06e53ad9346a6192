"""The NIB review in Chromium: an owner on a phone submits the NIB, an MJC admin approves it on the
review page, the badge appears on the business and its gig; a second business is rejected and
its owner reads the reason."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, AdminFactory, BusinessFactory, GigFactory
from umkm.models import NibVerification


@pytest.mark.django_db(transaction=True)
def test_nib_review_journey(new_page, login, screenshot):
    admin = AdminFactory(email="admin@contoh.id")
    business = BusinessFactory(owner__email="siti@contoh.id", name="Batik Siti")
    other = BusinessFactory(owner=business.owner, name="Batik Siti Cabang")
    gig = GigFactory(business=business)
    phone, desk = new_page(locale="id-ID"), new_page(width=1280, height=900, locale="id-ID")

    login(phone, "siti@contoh.id", PASSWORD)
    for target in (business, other):
        phone.goto(reverse("umkm:verification", args=[target.pk]))
        phone.fill("input[name=nib]", "1234567890123")
        phone.locator("main form button[type=submit]").click()
        phone.wait_for_load_state("load")
        assert "menunggu pemeriksaan MJC" in phone.inner_text("[data-testid=verification-status]")
    screenshot(phone, "nib-01-submitted")

    login(desk, admin.email, PASSWORD)
    desk.goto(reverse("umkm:verification_review"))
    assert desk.locator("[data-testid=pending-verification]").count() == 2
    first, second = NibVerification.objects.order_by("pk")
    desk.locator(f"form[action$='/verifikasi-nib/{first.pk}/approve/'] button").click()
    desk.wait_for_load_state("load")
    desk.fill(f"#reason-{second.pk}", "Nama di OSS berbeda dengan nama usaha")
    desk.locator(f"form[action$='/verifikasi-nib/{second.pk}/reject/'] button").click()
    desk.wait_for_load_state("load")
    screenshot(desk, "nib-02-reviewed")

    phone.goto(reverse("umkm:detail", args=[business.pk]))
    assert phone.locator("[data-badge=nib_verified]").count() == 1
    phone.goto(reverse("gigs:detail", args=[gig.pk]))
    assert phone.locator("[data-badge=nib_verified]").count() == 1
    phone.goto(reverse("umkm:verification", args=[other.pk]))
    assert "Nama di OSS berbeda dengan nama usaha" in phone.inner_text("[data-testid=verification-status]")
    screenshot(phone, "nib-03-rejected")
