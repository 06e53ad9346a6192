"""Issue 9: page paths are Indonesian; every English path of before answers 301 (GET) or 308 (POST) to
the new one with the same arguments and query string, so links in old e-mails, stored notifications,
calendar feeds, printed QR codes and open tabs keep working."""

import re

import pytest
from django.test import Client
from django.urls import resolve, reverse

from mjc.site.oldpaths import OLD_PATHS, moved
from tests.ejsc.factories import BookingFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
SAMPLE = {"int": 7, "str": "abcDEF123", None: "abcDEF123"}


def _fill(route: str) -> tuple[str, dict]:
    """The old route with sample arguments, and the arguments by name."""
    kwargs = {}

    def sample(match):
        kwargs[match.group(2)] = SAMPLE[match.group(1)]
        return str(kwargs[match.group(2)])

    return "/" + CONVERTER.sub(sample, route), kwargs


@pytest.mark.parametrize("route,name", OLD_PATHS, ids=[route for route, _name in OLD_PATHS])
def test_an_old_path_answers_301_to_the_new_one_and_a_post_308(route, name):
    old, kwargs = _fill(route)
    new = reverse(name, kwargs=kwargs)
    client = Client()

    got = client.get(old + "?a=1&b=%C3%A9")
    posted = client.post(old, {"x": "1"})

    assert new != old
    assert got.status_code == 301 and got["Location"] == new + "?a=1&b=%C3%A9"
    assert posted.status_code == 308 and posted["Location"] == new
    assert client.head(old).status_code == 301
    assert resolve(new).func is not moved  # the new path is a page, not another redirect


def test_the_table_names_each_old_route_once_and_only_existing_names():
    routes = [route for route, _name in OLD_PATHS]
    assert len(routes) == len(set(routes))
    for route, name in OLD_PATHS:
        assert reverse(name, kwargs=_fill(route)[1])


def test_new_paths_serve_the_pages():
    client = Client()
    for name in ("gigs:list", "ejsc:events", "ejsc:hubs"):
        assert client.get(reverse(name)).status_code == 200, name
    assert reverse("gigs:list") == "/pekerjaan/" and reverse("gigs:create") == "/pekerjaan/baru/"
    assert reverse("ejsc:staff_queue") == "/ejsc/petugas/" and reverse("dashboard") == "/dasbor/"
    user = UserFactory()
    client.force_login(user)
    for name in ("dashboard", "notifications:list", "gigs:my_bids", "ejsc:my_bookings", "account_security"):
        assert client.get(reverse(name)).status_code == 200, name


def test_a_calendar_feed_handed_out_before_still_answers_through_the_redirect():
    booking = BookingFactory()
    user = booking.requester
    client = Client()

    response = client.get(f"/ejsc/calendar/{user.calendar_token}.ics", follow=True)

    assert response.redirect_chain == [(reverse("ejsc:user_calendar", args=[user.calendar_token]), 301)]
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")


def test_a_notification_stored_with_an_old_path_still_opens_its_page():
    from mjc.notifications.models import Notification

    user = UserFactory()
    note = Notification.objects.create(recipient=user, kind="booking.waitlist_offered", url="/ejsc/waitlist/")
    client = Client()
    client.force_login(user)

    response = client.post(reverse("notifications:open", args=[note.pk]))
    then = client.get(response["Location"])

    assert response.status_code == 302 and response["Location"] == "/ejsc/waitlist/"
    assert then.status_code == 301 and then["Location"] == reverse("ejsc:waitlist")
    assert client.get(then["Location"]).status_code == 200
