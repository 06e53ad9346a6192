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
