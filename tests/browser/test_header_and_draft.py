"""Issue 11 in Chromium: a visible navigation on a laptop and the menu on a phone; the notifications
bell named with its count; a new draft's "Terbitkan" reachable without scrolling on a phone."""

import pytest
from django.urls import reverse

from mjc.notifications.models import Notification
from tests.factories import PASSWORD, BusinessFactory, GigFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _unread(user, count):
    for n in range(count):
        Notification.objects.create(recipient=user, kind="note", title=f"Kabar {n}", body="", dedupe_key=f"n{n}")


@pytest.mark.parametrize(("width", "language"), [(360, "id"), (1366, "en")])
def test_the_header_shows_the_places_on_a_laptop_the_menu_on_a_phone_and_a_bell_with_its_count(
    new_page, live_server, login, width, language
):
    business = BusinessFactory(owner__language=language)  # a signed-in reader's saved language wins
    _unread(business.owner, 2)
    page = new_page(width=width, height=800)
    page.context.add_cookies([{"name": "mjc_language", "value": language, "url": live_server.url}])
    login(page, business.owner.email, PASSWORD)
    page.goto(reverse("gigs:list"))

    nav = page.get_by_role("navigation", name="Quick links" if language == "en" else "Tautan cepat")
    menu = page.locator("summary.menu__toggle")
    if width == 1366:  # the main places in view, no menu needed to find them
        assert nav.is_visible()
        assert nav.get_by_role("link", name="Post a gig").is_visible()
    else:
        assert not nav.is_visible() and menu.is_visible()
        assert menu.bounding_box()["height"] >= 43.5

    # the bell says what it is and how many are waiting (the badge alone is hidden from screen readers)
    name = "Notifications, 2 unread" if language == "en" else "Notifikasi, 2 belum dibaca"
    bell = page.get_by_role("link", name=name, exact=True)
    assert bell.is_visible()
    box = bell.bounding_box()
    assert box["height"] >= 43.5 and box["width"] >= 43.5
    bell.click()
    page.wait_for_url(f"**{reverse('notifications:list')}")


def test_a_new_drafts_publish_button_is_in_view_on_a_phone_without_scrolling(new_page, login):
    business = BusinessFactory()
    gig = GigFactory(
        business=business,
        status="draft",
        published_at=None,
        title="Desain kemasan keripik tempe rasa balado untuk toko oleh-oleh di Malang",
        description="Kemasan standing pouch 100 g. " * 40,  # a long brief: the aside would be far below
    )
    page = new_page(width=360, height=740)
    login(page, business.owner.email, PASSWORD)
    page.goto(reverse("gigs:detail", args=[gig.pk]))

    publish = page.get_by_role("button", name="Terbitkan", exact=True)
    assert publish.count() == 1
    box = publish.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 740, box  # on the first screen
    assert box["height"] >= 43.5
    publish.click()
    page.wait_for_load_state("load")
    gig.refresh_from_db()
    assert gig.status == "open"
