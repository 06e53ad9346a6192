import io

import pytest
from allauth.account.models import EmailAddress

from ejsc.models import Booking, Event, Room, Space
from ejsc.statuses import RoomKind
from mjc.site.demo import ejsc as ejsc_demo

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_complete():
    ejsc_demo.seed(io.StringIO())
    counts = (Space.objects.count(), Room.objects.count(), Booking.objects.count(), Event.objects.count())
    ejsc_demo.seed(io.StringIO())
    assert counts == (Space.objects.count(), Room.objects.count(), Booking.objects.count(), Event.objects.count())
    assert counts[0] == 6 and counts[3] == 6
    malang = Space.objects.get(slug="ejsc-malang")
    assert malang.bakorwil.code == "III" and malang.kabupaten.code == "3573"
    assert set(malang.rooms.values_list("kind", flat=True)) == set(RoomKind.values)
    assert Space.objects.get(slug="kek-singhasari").kabupaten.code == "3507"
    for index in range(1, 6):
        assert EmailAddress.objects.filter(email=f"staf{index}@demo.mjc.id", verified=True).exists()


def test_demo_shows_every_public_service_feature_once():
    """Issue 14: after `make run` EJSC Malang has a weekly series with a skipped week, someone
    waiting for that week, a visitor booked on behalf, ratings on the service page and holidays."""
    from ejsc.models import BookingSeries, DecisionRecord, Feedback, Holiday, WaitlistEntry
    from ejsc.statuses import BookingStatus, WaitlistStatus

    ejsc_demo.seed(io.StringIO())
    ejsc_demo.seed(io.StringIO())

    malang = Space.objects.get(slug="ejsc-malang")
    series = BookingSeries.objects.get(room__space=malang)
    weeks = list(series.bookings.order_by("start").values_list("start", flat=True))
    assert len(weeks) == 2 and (weeks[1] - weeks[0]).days == 14  # the second week was taken, so skipped
    entry = WaitlistEntry.objects.get(room__space=malang)
    assert entry.status == WaitlistStatus.WAITING and entry.start == weeks[0] + (weeks[1] - weeks[0]) / 2
    visitor = Booking.objects.get(room__space=malang, visitor_name="Sari Wulandari")
    assert visitor.status == BookingStatus.APPROVED
    assert Feedback.objects.filter(space=malang).count() == 3
    assert DecisionRecord.objects.filter(space=malang).exists()
    assert Holiday.objects.count() == 3
