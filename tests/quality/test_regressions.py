"""Focused regressions for the 500s the whole-platform fuzzing found (tests/quality)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs import services
from mjc.categories.models import Category
from mjc.core.errors import ValidationFailed
from tests.factories import CreativeUserFactory
from tests.gigs.factories import BusinessFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db


def test_a_bid_beyond_any_column_is_a_400_not_a_500(as_user):
    gig = GigFactory()
    creative = CreativeProfileFactory(user=CreativeUserFactory()).user

    response = as_user(creative).post(
        f"/api/v1/gigs/{gig.pk}/bids/", {"amount": 10**30, "delivery_days": 3, "proposal": "Siap."}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "amount" in response.json()["extra"]["fields"]
    assert not gig.bids.exists()


def test_the_bid_services_refuse_amounts_and_days_no_column_holds():
    gig = GigFactory()
    creative = CreativeProfileFactory(user=CreativeUserFactory()).user

    for amount, days, field in [(10**19, 3, "amount"), (1_000_000, 10**10, "delivery_days")]:
        with pytest.raises(ValidationFailed) as caught:
            services.bid_place(gig=gig, user=creative, amount=amount, delivery_days=days, proposal="Siap.")
        assert field in caught.value.extra["fields"]


def test_a_gig_budget_beyond_any_column_is_refused_by_the_service():
    business = BusinessFactory()

    with pytest.raises(ValidationFailed) as caught:
        services.gig_create(
            user=business.owner, business=business, title="Desain logo", category=Category.objects.get(slug="kemasan"),
            description="Logo baru.", budget_min=1, budget_max=10**30, deadline=timezone.localdate() + timedelta(days=9),
        )  # fmt: skip

    assert "budget_max" in caught.value.extra["fields"]


def test_a_nul_byte_in_the_business_list_filter_is_a_400_in_indonesian(api):
    response = api.get("/api/v1/businesses/", {"kabupaten": "35\x0007"})

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "kabupaten" in response.json()["extra"]["fields"]
    assert "tidak diizinkan" in response.json()["message"]


@pytest.mark.parametrize("next_url", ["abc", "25:99", "-1", "https://evil.example/"])
def test_a_booking_action_with_a_next_that_is_not_a_path_goes_back_to_the_booking(client, next_url):
    from tests.ejsc.factories import BookingFactory, RoomFactory
    from tests.factories import StaffFactory, bakorwil

    booking = BookingFactory(room=RoomFactory())
    client.force_login(StaffFactory(bakorwil=bakorwil("III")))

    response = client.post(f"/ejsc/pemesanan/{booking.pk}/tindakan/", {"action": "approve", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url()


def test_django_rest_framework_errors_reach_indonesian_users_in_indonesian(as_user):
    from django.utils import translation

    from mjc.core.drf_messages import DRF_MESSAGES
    from tests.factories import OwnerFactory

    with translation.override("id"):
        english = [message for message in DRF_MESSAGES if translation.gettext(message) == message]
    client = as_user(OwnerFactory())

    assert english == []
    assert client.put("/api/v1/categories/").json()["message"] == 'Metode "PUT" tidak diizinkan.'
    assert client.get("/api/v1/businesses/", {"page": 9}).json()["message"] == "Halaman tidak valid."
    assert "Narrow" not in client.get("/api/v1/businesses/", {"page": 51}).json()["message"]
    assert "halaman pertama" in client.get("/api/v1/gigs/", {"cursor": "rubbish"}).json()["message"]
    assert "Data tidak valid" in client.post("/api/v1/gigs/", [1, 2], format="json").json()["message"]
