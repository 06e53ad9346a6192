"""Factories and helpers for EJSC tests (shared user factories live in tests/factories.py)."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from ejsc.models import Booking, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, RoomKind
from ejsc.timefmt import at_wib
from mjc.core.formatting import wib
from tests.factories import UserFactory, bakorwil, kabupaten


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"ejsc-uji-{n}")
    name = factory.Sequence(lambda n: f"EJSC Uji {n}")
    bakorwil = factory.LazyFunction(lambda: bakorwil("III"))
    kabupaten = factory.LazyFunction(lambda: kabupaten("3573"))
    address = "Jl. Ijen No. 1, Kota Malang"

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        """Open every day 07.00–21.00 WIB unless ``hours=[(weekday, opens, closes), …]`` is given."""
        if not create:
            return
        rows = extracted if extracted is not None else [(day, time(7), time(21)) for day in range(7)]
        for weekday, opens, closes in rows:
            OpeningHours.objects.create(space=obj, weekday=weekday, opens=opens, closes=closes)


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    space = factory.SubFactory(SpaceFactory)
    name = factory.Sequence(lambda n: f"Ruang Rapat {n}")
    kind = RoomKind.MEETING_ROOM
    capacity = 10
    min_minutes = 30
    max_minutes = 240
    lead_minutes = 60
    max_days_ahead = 30
    needs_approval = True
    weekly_quota_hours = None


class DeskAreaFactory(RoomFactory):
    name = factory.Sequence(lambda n: f"Area Meja {n}")
    kind = RoomKind.DESK_AREA
    capacity = 5
    needs_approval = False
    max_minutes = 600


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking row written directly (bypassing the rules) for setting up a scene."""

    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    bakorwil = factory.LazyAttribute(lambda o: o.room.space.bakorwil)
    requester = factory.SubFactory(UserFactory)
    start = factory.LazyFunction(lambda: slot(days=3, hour=9)[0])
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    attendees = 2
    purpose = "Rapat tim"
    status = BookingStatus.REQUESTED
    exclusive = factory.LazyAttribute(lambda o: o.room.is_exclusive or o.status == BookingStatus.BLOCKED)


def slot(*, days: int = 3, hour: int = 9, minute: int = 0, minutes: int = 120):
    """A period ``days`` WIB days from today, starting at hour:minute WIB."""
    day = wib(timezone.now()).date() + timedelta(days=days)
    start = at_wib(day, time(hour, minute))
    return start, start + timedelta(minutes=minutes)


def rejection_reasons():
    """The admin's list as migration 0004 writes it (a transactional test flushes it away)."""
    from ejsc.models import RejectionReason

    rows = [
        ("room_unavailable", "Ruangan tidak tersedia"),
        ("purpose_not_allowed", "Keperluan tidak diizinkan"),
        ("incomplete", "Permohonan tidak lengkap"),
        ("other", "Lainnya"),
    ]
    return [
        RejectionReason.objects.get_or_create(code=code, defaults={"label": label, "position": i})[0]
        for i, (code, label) in enumerate(rows)
    ]


def approved_soon(room=None, check_code="ACDEFG", **kwargs):
    """An approved booking that starts in 20 minutes (check-in is open), with its code."""
    start = timezone.now() + timedelta(minutes=20)
    return BookingFactory(
        room=room or RoomFactory(),
        start=start,
        end=start + timedelta(hours=1),
        status=BookingStatus.APPROVED,
        check_code=check_code,
        **kwargs,
    )
