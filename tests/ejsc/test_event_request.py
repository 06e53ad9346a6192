"""Issue 11 "Event request from a hub": only that hub's rooms, preselected from a room, capacities
shown; a clash with a booking that holds the room is refused at once (409 event_clash) with that
day's free times; the capacity error printed once."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ejsc.errors import EventCode
from ejsc.models import Event
from ejsc.statuses import BookingStatus, RoomKind
from mjc.core.formatting import wib
from tests.ejsc.factories import BookingFactory, RoomFactory, SpaceFactory, slot
from tests.factories import CreativeUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return RoomFactory(kind=RoomKind.EVENT_HALL, capacity=40, name="Aula Uji")


def _form(room, start, end, attendees=20):
    return {
        "room": room.pk, "title": "Workshop kemasan", "description": "Praktik", "organization": "Komunitas",
        "date": wib(start).date().isoformat(), "start_time": wib(start).strftime("%H:%M"),
        "end_time": wib(end).strftime("%H:%M"), "expected_attendees": attendees, "public": "on",
    }  # fmt: skip


def test_from_a_hub_only_its_rooms_are_listed_with_capacities(client, hall):
    elsewhere = RoomFactory(kind=RoomKind.EVENT_HALL, name="Aula Lain")
    client.force_login(CreativeUserFactory())

    body = client.get(reverse("ejsc:event_new") + f"?hub={hall.space.slug}").content.decode()

    assert "Aula Uji" in body and "Aula Lain" not in body
    assert "40" in body and hall.space.name in body
    everything = client.get(reverse("ejsc:event_new")).content.decode()
    assert "Aula Lain" in everything and elsewhere.space.name in everything


def test_from_a_room_it_is_preselected(client, hall):
    RoomFactory(space=hall.space, kind=RoomKind.STUDIO, name="Studio Uji")
    client.force_login(CreativeUserFactory())

    response = client.get(reverse("ejsc:event_new") + f"?room={hall.pk}")

    assert response.context["form"]["room"].value() == hall.pk
    assert f'<option value="{hall.pk}" selected>' in response.content.decode()
    assert "Studio Uji" in response.content.decode()  # the hub's other rooms stay choosable


def test_an_unknown_hub_or_room_is_404(client):
    client.force_login(CreativeUserFactory())
    assert client.get(reverse("ejsc:event_new") + "?hub=tidak-ada").status_code == 404
    assert client.get(reverse("ejsc:event_new") + "?room=999999").status_code == 404


def test_a_clash_is_refused_at_once_by_the_api_with_the_free_times(as_user, hall):
    start, end = slot(days=5, hour=13, minutes=180)
    BookingFactory(room=hall, start=start, end=end, status=BookingStatus.APPROVED)

    response = as_user(CreativeUserFactory()).post(
        "/api/v1/events/",
        {
            "room": hall.pk, "title": "Workshop", "description": "Praktik", "start": (start + timedelta(hours=1)).isoformat(),
            "end": (end + timedelta(hours=1)).isoformat(), "expected_attendees": 20, "public": True,
        },
        format="json",
    )  # fmt: skip

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == EventCode.CLASH
    # the hub is open 07–21: free before 13.00 and from 16.00
    assert [(f["start"][11:16], f["end"][11:16]) for f in body["extra"]["free"]] == [
        ("07:00", "13:00"),
        ("16:00", "21:00"),
    ]
    assert "07.00–13.00" in body["message"] and "16.00–21.00" in body["message"]
    assert not Event.objects.exists()


def test_a_request_over_another_request_is_still_taken(as_user, hall):
    """Only what holds the room clashes; a competing request is for staff to weigh."""
    start, end = slot(days=5, hour=13, minutes=180)
    BookingFactory(room=hall, start=start, end=end, status=BookingStatus.REQUESTED)
    response = as_user(CreativeUserFactory()).post(
        "/api/v1/events/",
        {"room": hall.pk, "title": "W", "description": "P", "start": start.isoformat(), "end": end.isoformat(), "expected_attendees": 5},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201


def test_the_page_refuses_a_clash_with_409_and_shows_the_free_times(client, hall):
    start, end = slot(days=5, hour=13, minutes=180)
    BookingFactory(room=hall, start=start, end=end, status=BookingStatus.APPROVED)
    client.force_login(CreativeUserFactory())

    response = client.post(reverse("ejsc:event_new") + f"?room={hall.pk}", _form(hall, start, end))

    assert response.status_code == 409
    body = response.content.decode()
    assert "07.00–13.00" in body and "16.00–21.00" in body
    assert not Event.objects.exists()


def test_the_capacity_error_is_printed_once(client, hall):
    start, end = slot(days=5, hour=13, minutes=180)
    client.force_login(CreativeUserFactory())

    response = client.post(reverse("ejsc:event_new"), _form(hall, start, end, attendees=90))

    assert response.status_code == 400  # the form again with its status, as for every bad input on these pages
    body = response.content.decode()
    assert body.count("(40)") == 1
    assert not Event.objects.exists()


def test_a_hub_page_links_its_own_event_form(client):
    space = SpaceFactory()
    RoomFactory(space=space, kind=RoomKind.EVENT_HALL)
    body = client.get(reverse("ejsc:hub", args=[space.slug])).content.decode()
    assert f"?hub={space.slug}" in body
