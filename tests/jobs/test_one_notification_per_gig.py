"""One invitation, one notification (issue 11): the matching job's "gig for you" and the
owner's invitation reach a creative once per gig, whichever comes first."""

from datetime import date

import pytest
from django.core import mail
from django.utils import timezone, translation

from gigs import services
from gigs.matching import match_gig
from mjc.notifications.models import Notification
from tests.factories import kabupaten
from tests.jobs.factories import CreativeProfileFactory, GigFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    gig = GigFactory(
        kabupaten=kabupaten("3507"),
        category=category("kemasan"),
        budget_min=750_000,
        budget_max=2_500_000,
        deadline=date(2099, 3, 17),
    )
    creative = CreativeProfileFactory(kabupaten=kabupaten("3507"), skills=[category("kemasan")], day_rate=500_000)
    return gig, creative


def _notices(creative):
    return list(Notification.objects.filter(recipient=creative.user))


def test_the_match_says_budget_and_deadline_first(pair):
    gig, creative = pair
    match_gig(gig.pk)
    [notice] = _notices(creative)
    assert notice.kind == "gig.match"
    assert notice.body.startswith("Anggaran Rp 750.000 – Rp 2.500.000, tenggat 17 Maret 2099. ")
    assert "Kab. Malang" in notice.body  # then the reason
    with translation.override("en"):  # shown in the reader's current language
        assert notice.shown_body.startswith("Budget Rp 750.000 – Rp 2.500.000, deadline ")


def test_invited_first_then_matched_is_one_invitation(pair, run_on_commit):
    gig, creative = pair
    with run_on_commit():
        services.invitation_create(gig=gig, creative=creative, user=gig.business.owner)
    with run_on_commit():
        match_gig(gig.pk)  # the job runs again (a profile change, a redelivery): nothing new
    [notice] = _notices(creative)
    assert notice.kind == "gig.invitation"
    assert len([m for m in mail.outbox if creative.user.email in m.to]) == 1


def test_matched_first_then_invited_turns_the_unread_match_into_the_invitation(pair, run_on_commit):
    gig, creative = pair
    with run_on_commit():
        match_gig(gig.pk)
    [match] = _notices(creative)
    with run_on_commit():
        services.invitation_create(gig=gig, creative=creative, user=gig.business.owner)
    [notice] = _notices(creative)
    assert notice.pk == match.pk and notice.kind == "gig.invitation" and notice.read_at is None
    assert gig.business.name in notice.body
    # the match e-mail went out already: no second e-mail for the same gig
    assert len([m for m in mail.outbox if creative.user.email in m.to]) == 1


def test_a_match_already_read_is_left_as_it_is(pair):
    gig, creative = pair
    match_gig(gig.pk)
    Notification.objects.filter(recipient=creative.user).update(read_at=timezone.now())
    services.invitation_create(gig=gig, creative=creative, user=gig.business.owner)
    [notice] = _notices(creative)
    assert notice.kind == "gig.match" and notice.read_at is not None
