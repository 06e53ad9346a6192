"""Scheduled jobs: each one twice, and the second run changes nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gigs.models import Gig
from gigs.services.housekeeping import creative_aggregates_refresh, gig_expire_overdue
from gigs.statuses import GigStatus
from mjc.core.models import JobOutbox, StatusChange
from mjc.notifications.models import Notification
from tests.jobs.factories import CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db


def test_overdue_open_gigs_expire_once_and_the_owner_is_told(run_on_commit):
    today = timezone.localdate()
    overdue = GigFactory(deadline=today - timedelta(days=1))
    due_today = GigFactory(deadline=today)
    draft = GigFactory(deadline=today - timedelta(days=3), status=GigStatus.DRAFT)
    with run_on_commit(), transaction.atomic():
        assert gig_expire_overdue() == 1
    with run_on_commit(), transaction.atomic():
        assert gig_expire_overdue() == 0
    statuses = dict(Gig.objects.values_list("pk", "status"))
    assert statuses == {overdue.pk: GigStatus.EXPIRED, due_today.pk: GigStatus.OPEN, draft.pk: GigStatus.DRAFT}
    [notice] = Notification.objects.filter(kind="gig.expired")
    assert notice.recipient == overdue.business.owner
    assert notice.title == f"Pekerjaan Anda “{overdue.title}” sudah kedaluwarsa"
    assert StatusChange.objects.filter(object_id=overdue.pk, to_status=GigStatus.EXPIRED).count() == 1


def test_aggregates_are_recomputed_from_reviews_and_contracts():
    profile = CreativeProfileFactory(rating_avg=Decimal("4.00"), rating_count=9, completed_count=9)
    # no reviews or contracts exist: the stale figures are reset, once
    assert creative_aggregates_refresh() == 1
    assert creative_aggregates_refresh() == 0
    profile.refresh_from_db()
    assert (profile.rating_avg, profile.rating_count, profile.completed_count) == (Decimal("0"), 0, 0)


def test_every_scheduled_job_exists():
    from mjc.celery import app

    app.loader.import_default_modules()
    ours = {"core.outbox_sweep", "gigs.expire_overdue", "gigs.refresh_aggregates", "gigs.send_daily_digests"}
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert ours <= scheduled
    assert ours <= set(app.tasks)
    ejsc = {name for name in scheduled if name.startswith("ejsc.")}
    assert ejsc == {
        "ejsc.expire_undecided",
        "ejsc.mark_no_shows",
        "ejsc.send_reminders",
        "ejsc.complete_past",
        # issue 14: waitlist holds, late requests, the satisfaction question
        "ejsc.waitlist_sweep",
        "ejsc.escalate_late",
        "ejsc.ask_for_feedback",
    }
    assert ejsc <= set(app.tasks)


def test_the_sweeper_sends_what_waited_and_nothing_twice():
    from mjc.core.jobs import sweep

    JobOutbox.objects.create(task_name="core.outbox_sweep")
    JobOutbox.objects.create(task_name="core.outbox_sweep")
    assert sweep() == 2
    assert sweep() == 0
    assert not JobOutbox.objects.filter(sent_at__isnull=True).exists()


def test_aggregates_count_completed_contracts_and_visible_reviews():
    from gigs.models import Bid, Contract, Review

    profile = CreativeProfileFactory()
    for rating in (4, 5):
        gig = GigFactory(status=GigStatus.COMPLETED)
        bid = Bid.objects.create(
            gig=gig, creative=profile, amount=1_000_000, delivery_days=5, proposal="-", status="accepted"
        )
        contract = Contract.objects.create(
            gig=gig,
            bid=bid,
            owner=gig.business.owner,
            creative=profile,
            amount=bid.amount,
            due_date=timezone.localdate(),
            status="completed",
            completed_at=timezone.now() - timedelta(days=30),
        )
        Review.objects.create(contract=contract, author=gig.business.owner, subject=profile.user, rating=rating)
    active_gig = GigFactory(status=GigStatus.IN_PROGRESS)
    active_bid = Bid.objects.create(
        gig=active_gig, creative=profile, amount=1, delivery_days=1, proposal="-", status="accepted"
    )
    Contract.objects.create(
        gig=active_gig,
        bid=active_bid,
        owner=active_gig.business.owner,
        creative=profile,
        amount=1,
        due_date=timezone.localdate(),
    )
    assert creative_aggregates_refresh() == 1
    assert creative_aggregates_refresh() == 0
    profile.refresh_from_db()
    assert (profile.rating_avg, profile.rating_count, profile.completed_count) == (Decimal("4.50"), 2, 2)
