"""Browser journey (issue 11): an owner on a phone hires from a creative's profile."""

import re

import pytest

from tests.factories import PASSWORD, BusinessFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [360, 1366])
def test_an_owner_invites_a_creative_from_the_profile(new_page, login, width):
    business = BusinessFactory()
    GigFactory(business=business, title="Foto produk batik tulis")
    creative = CreativeProfileFactory(user__full_name="Rina Kusuma")
    page = new_page(width=width, height=900, locale="id-ID")
    login(page, business.owner.email, PASSWORD)

    page.goto(f"/kreator/{creative.pk}/")
    page.get_by_role("link", name="Undang ke pekerjaan").click()
    page.wait_for_url(f"**/kreator/{creative.pk}/undang/")
    item = page.locator(".hire__gigs li", has_text="Foto produk batik tulis")
    item.get_by_role("button", name=re.compile("^Undang untuk menawar")).click()
    page.wait_for_url(f"**/kreator/{creative.pk}/undang/")
    assert "Rina Kusuma diundang untuk menawar" in page.locator(".messages").inner_text()
    assert page.get_by_text("Sudah diundang").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # or a new job: the wizard says she will be invited when it is published
    page.get_by_role("link", name="Pasang pekerjaan baru dan undang Rina Kusuma").click()
    assert "Rina Kusuma akan diundang" in page.locator(".notice").first.inner_text()
