"""Browser journey (issue 11 "Pictures"): on a 360 px phone the gig list shows each gig's photo
or its category's illustration, loaded when scrolled to, and nothing sticks out sideways;
the owner picks a product photo in the wizard by tapping its thumbnail."""

import pytest
from django.urls import reverse

from gigs import services
from tests.factories import PASSWORD, GigFactory, category
from tests.umkm.factories import BusinessFactory, image_upload
from umkm import services as umkm_services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [360, 1366])
def test_cards_show_pictures_without_overflow_and_the_wizard_picks_a_photo(new_page, login, screenshot, width):
    business = BusinessFactory()
    product = umkm_services.product_create(
        business=business, name="Keripik tempe balado 100 g", photo=image_upload(size=(900, 600))
    )
    photographed = GigFactory(
        business=business, title="Desainkemasanstandingpouchkeripiktempebaladountukoleholeh dan marketplace"
    )
    services.gig_update(gig=photographed, user=business.owner, picture_product=product)
    for index in range(6):
        GigFactory(title=f"Video profil usaha {index}", category=category("video-animasi"))

    page = new_page(width=width, height=800, locale="id-ID")
    page.goto(reverse("gigs:list"))
    card = page.locator(".gig-card", has_text="Desainkemasan")
    picture = card.locator("img.gig-picture")
    assert picture.get_attribute("loading") == "lazy" and picture.get_attribute("alt").startswith("Foto untuk")
    assert page.locator('img.gig-picture[src$="video-animasi.svg"][alt=""]').count() == 6
    page.mouse.wheel(0, 20_000)
    # polled from here: the page's CSP forbids the eval that wait_for_function would use
    loaded = "[...document.querySelectorAll('img.gig-picture')].every(img => img.complete && img.naturalWidth > 0)"
    for _ in range(50):
        if page.evaluate(loaded):
            break
        page.wait_for_timeout(100)
    assert page.evaluate(loaded)
    box = picture.bounding_box()
    assert box["width"] == box["height"] and box["width"] in (64, 96)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"gig-pictures-list-{width}")

    login(page, business.owner.email, PASSWORD)
    page.goto(reverse("gigs:create") + "?category=kemasan")
    option = page.locator(".picture-choice__option", has_text="Keripik tempe balado")
    assert option.locator("input").is_checked()  # the first product photo is chosen for her
    page.get_by_label("Tanpa foto: ilustrasi kategori").check()
    option.click()
    assert option.locator("input").is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator(".picture-choice").scroll_into_view_if_needed()
    screenshot(page, f"gig-pictures-wizard-{width}")
    page.goto(reverse("gigs:detail", args=[photographed.pk]))
    assert page.locator("img.gig-photo").get_attribute("alt").startswith("Foto untuk")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"gig-pictures-page-{width}")
