"""The matching API and the invite button."""

import pytest

from gigs.matching import match_gig
from gigs.models import GigInvitation
from gigs.statuses import GigStatus
from mjc.notifications.models import Notification
from tests.factories import PASSWORD, OwnerFactory, kabupaten
from tests.jobs.factories import CreativeProfileFactory, GigFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def matched():
    gig = GigFactory()
    best = CreativeProfileFactory(kabupaten=kabupaten("3507"), skills=[category("kemasan")])
    other = CreativeProfileFactory(kabupaten=kabupaten("3509"))
    match_gig(gig.pk)
    return gig, best, other


def test_the_owner_gets_the_matches_with_score_and_reasons(matched, as_user):
    gig, best, _ = matched
    response = as_user(gig.business.owner).get(f"/api/v1/gigs/{gig.pk}/matches/")
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["creative"]["id"] == best.pk
    assert first["score"] > 0
    assert "Sama-sama di Kab. Malang" in first["reasons"]
    assert {"code": "same_kabupaten", "place": "Kab. Malang"} in first["reason_codes"]


def test_matches_are_the_owners_alone(matched, as_user, api):
    gig, best, _ = matched
    assert as_user(OwnerFactory()).get(f"/api/v1/gigs/{gig.pk}/matches/").status_code == 403
    assert as_user(best.user).get(f"/api/v1/gigs/{gig.pk}/matches/").json()["code"] == "not_gig_owner"
    assert api.get(f"/api/v1/gigs/{gig.pk}/matches/").status_code in (401, 403)
    assert as_user(gig.business.owner).get("/api/v1/gigs/999999/matches/").status_code == 404
    draft = GigFactory(status=GigStatus.DRAFT)
    assert as_user(OwnerFactory()).get(f"/api/v1/gigs/{draft.pk}/matches/").status_code == 404


def test_the_creative_gets_recommended_gigs(matched, as_user):
    gig, best, _ = matched
    response = as_user(best.user).get("/api/v1/me/recommended-gigs/")
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["gig"]["id"] == gig.pk and item["reasons"]
    assert as_user(OwnerFactory()).get("/api/v1/me/recommended-gigs/").status_code == 403


def test_invite_to_bid_button_invites_once(matched, client):
    gig, best, _ = matched
    client.login(email=gig.business.owner.email, password=PASSWORD)
    response = client.post(f"/pekerjaan/{gig.pk}/undang/{best.pk}/")
    assert response.status_code == 302
    assert GigInvitation.objects.filter(gig=gig, creative=best).count() == 1
    assert Notification.objects.filter(kind="gig.invitation", recipient=best.user).count() == 1
    again = client.post(f"/pekerjaan/{gig.pk}/undang/{best.pk}/", follow=True)
    assert again.status_code == 200
    assert GigInvitation.objects.filter(gig=gig, creative=best).count() == 1


def test_only_the_owner_can_invite(matched, client):
    gig, best, other = matched
    client.login(email=other.user.email, password=PASSWORD)
    client.post(f"/pekerjaan/{gig.pk}/undang/{best.pk}/")
    assert not GigInvitation.objects.exists()
    assert client.get(f"/pekerjaan/{gig.pk}/undang/{best.pk}/").status_code == 405
