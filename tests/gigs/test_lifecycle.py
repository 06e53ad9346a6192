"""Every lifecycle move of gigs, bids and contracts: allowed, illegal (409 + code), and twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs import services
from gigs.models import Bid, Contract, Review
from gigs.statuses import BidStatus, ContractStatus, GigStatus
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.models import JobOutbox, StatusChange
from mjc.notifications.models import Notification
from tests.gigs.conftest import pdf
from tests.gigs.factories import BidFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db


def accepted_contract(bid) -> Contract:
    return services.bid_accept(bid=bid, user=bid.gig.business.owner)


def delivered_contract(bid) -> Contract:
    contract = accepted_contract(bid)
    services.contract_deliver(contract=contract, user=bid.creative.user, note="v1", uploads=[pdf()])
    contract.refresh_from_db()
    return contract


class TestGig:
    def test_publish_moves_draft_to_open_records_it_and_enqueues_matching(self, owner_business):
        gig = GigFactory(business=owner_business, status=GigStatus.DRAFT, published_at=None)
        gig = services.gig_publish(gig=gig, user=owner_business.owner)
        assert gig.status == GigStatus.OPEN and gig.published_at is not None
        assert StatusChange.objects.filter(object_id=gig.pk, from_status="draft", to_status="open").exists()
        assert JobOutbox.objects.filter(task_name="gigs.match_gig", args=[gig.pk]).count() == 1

    def test_publish_twice_is_a_no_op(self, owner_business):
        # given a draft published once
        gig = GigFactory(business=owner_business, status=GigStatus.DRAFT, published_at=None)
        first = services.gig_publish(gig=gig, user=owner_business.owner)
        # when it is published again
        again = services.gig_publish(gig=gig, user=owner_business.owner)
        # then nothing moves a second time: one record, one matching job, the same publication time
        assert again.status == GigStatus.OPEN and again.published_at == first.published_at
        assert StatusChange.objects.filter(object_id=gig.pk, to_status="open").count() == 1
        assert JobOutbox.objects.filter(task_name="gigs.match_gig", args=[gig.pk]).count() == 1

    def test_cancel_rejects_live_bids_and_tells_bidders(self, bid, gig, owner):
        services.gig_cancel(gig=gig, user=owner, reason="Tidak jadi")
        bid.refresh_from_db()
        assert bid.status == BidStatus.REJECTED
        assert Notification.objects.filter(recipient=bid.creative.user, kind="bid.gig_cancelled").exists()

    def test_cancelled_gig_cannot_be_published(self, gig, owner):
        services.gig_cancel(gig=gig, user=owner)
        with pytest.raises(Conflict) as error:
            services.gig_publish(gig=gig, user=owner)
        assert error.value.code == "gig_illegal_transition"

    def test_update_only_while_draft_or_open(self, bid, gig, owner):
        services.gig_update(gig=gig, user=owner, title="Kemasan baru")
        accepted_contract(bid)
        with pytest.raises(Conflict) as error:
            services.gig_update(gig=gig, user=owner, title="Lagi")
        assert error.value.code == "gig_not_editable"

    def test_budget_range_is_checked(self, gig, owner):
        with pytest.raises(ValidationFailed) as error:
            services.gig_update(gig=gig, user=owner, budget_min=2_000_000)
        assert "budget_max" in error.value.extra["fields"]


class TestBid:
    def test_place_creates_a_conversation_and_tells_the_owner(self, gig, creative, owner):
        bid = services.bid_place(gig=gig, user=creative.user, amount=900_000, delivery_days=5, proposal="Siap")
        assert bid.status == BidStatus.PENDING and bid.conversation
        assert Notification.objects.filter(recipient=owner, kind="bid.new").exists()

    def test_second_bid_of_the_same_creative_is_409(self, bid, gig, creative):
        with pytest.raises(Conflict) as error:
            services.bid_place(gig=gig, user=creative.user, amount=1, delivery_days=1, proposal="lagi")
        assert error.value.code == "bid_exists"

    def test_no_bid_on_a_gig_that_is_not_open(self, owner_business, creative):
        draft = GigFactory(business=owner_business, status=GigStatus.DRAFT)
        with pytest.raises(Conflict) as error:
            services.bid_place(gig=draft, user=creative.user, amount=1, delivery_days=1, proposal="x")
        assert error.value.code == "gig_not_open"

    def test_no_bid_on_ones_own_gig(self, gig, owner):
        CreativeProfileFactory(user=owner)
        with pytest.raises(PermissionDenied) as error:
            services.bid_place(gig=gig, user=owner, amount=1, delivery_days=1, proposal="x")
        assert error.value.code == "own_gig"

    @pytest.mark.parametrize(
        "field,values", [("amount", (0, 3, "p")), ("delivery_days", (100, 0, "p")), ("proposal", (100, 3, " "))]
    )
    def test_invalid_fields_are_400_naming_the_field(self, gig, creative, field, values):
        amount, days, proposal = values
        with pytest.raises(ValidationFailed) as error:
            services.bid_place(gig=gig, user=creative.user, amount=amount, delivery_days=days, proposal=proposal)
        assert field in error.value.extra["fields"]

    def test_update_only_while_pending(self, bid, gig, owner):
        services.bid_update(bid=bid, user=bid.creative.user, amount=800_000)
        services.bid_shortlist(bid=bid, user=owner)
        with pytest.raises(Conflict) as error:
            services.bid_update(bid=bid, user=bid.creative.user, amount=700_000)
        assert error.value.code == "bid_not_editable"

    def test_withdraw_twice_is_a_no_op_and_then_nothing_else_moves(self, bid, owner):
        services.bid_withdraw(bid=bid, user=bid.creative.user)
        services.bid_withdraw(bid=bid, user=bid.creative.user)
        assert StatusChange.objects.filter(object_id=bid.pk, to_status="withdrawn").count() == 1
        with pytest.raises(Conflict) as error:
            services.bid_accept(bid=bid, user=owner)
        assert error.value.code == "bid_illegal_transition"

    def test_shortlist_then_reject_then_shortlist_is_illegal(self, bid, owner):
        services.bid_shortlist(bid=bid, user=owner)
        services.bid_shortlist(bid=bid, user=owner)
        services.bid_reject(bid=bid, user=owner)
        with pytest.raises(Conflict) as error:
            services.bid_shortlist(bid=bid, user=owner)
        assert error.value.code == "bid_illegal_transition"
        assert Notification.objects.filter(recipient=bid.creative.user, kind="bid.shortlisted").count() == 1


class TestAccept:
    def test_accept_makes_the_contract_and_turns_down_every_other_bid(self, gig, bid, owner):
        others = BidFactory.create_batch(3, gig=gig)
        services.bid_shortlist(bid=others[0], user=owner)
        contract = accepted_contract(bid)
        gig.refresh_from_db()
        assert gig.status == GigStatus.IN_PROGRESS
        assert contract.amount == bid.amount and contract.creative == bid.creative and contract.owner == owner
        assert contract.due_date == timezone.localdate() + timedelta(days=bid.delivery_days)
        assert set(Bid.objects.filter(pk__in=[b.pk for b in others]).values_list("status", flat=True)) == {"rejected"}
        for other in others:
            assert Notification.objects.filter(recipient=other.creative.user, kind="bid.rejected").count() == 1
        assert Notification.objects.filter(recipient=bid.creative.user, kind="bid.accepted").count() == 1

    def test_accept_twice_returns_the_same_contract(self, bid):
        assert accepted_contract(bid).pk == accepted_contract(bid).pk
        assert Contract.objects.count() == 1

    def test_accepting_a_second_bid_is_409(self, gig, bid, owner):
        other = BidFactory(gig=gig)
        accepted_contract(bid)
        with pytest.raises(Conflict) as error:
            services.bid_accept(bid=other, user=owner)
        assert error.value.code == "bid_already_accepted"

    def test_the_database_refuses_two_accepted_bids(self, gig, bid):
        from django.db import IntegrityError, transaction

        other = BidFactory(gig=gig)
        Bid.objects.filter(pk=bid.pk).update(status="accepted")
        with pytest.raises(IntegrityError), transaction.atomic():
            Bid.objects.filter(pk=other.pk).update(status="accepted")


class TestContract:
    def test_deliver_revise_deliver_complete(self, bid, owner):
        contract = delivered_contract(bid)
        assert contract.status == ContractStatus.DELIVERED
        contract = services.contract_request_revision(contract=contract, user=owner, note="Warna lebih cerah")
        assert contract.status == ContractStatus.REVISION_REQUESTED and contract.revisions_used == 1
        services.contract_deliver(contract=contract, user=bid.creative.user, note="v2", uploads=[pdf()])
        contract = services.contract_complete(contract=contract, user=owner)
        assert contract.status == ContractStatus.COMPLETED and contract.completed_at
        contract.gig.refresh_from_db()
        assert contract.gig.status == GigStatus.COMPLETED
        bid.creative.refresh_from_db()
        assert bid.creative.completed_count == 1
        moves = [
            (c.from_status, c.to_status)
            for c in StatusChange.objects.filter(object_id=contract.pk, content_type__model="contract")
        ]
        assert moves == [
            ("", "active"),
            ("active", "delivered"),
            ("delivered", "revision_requested"),
            ("revision_requested", "delivered"),
            ("delivered", "completed"),
        ]

    def test_deliver_twice_is_409(self, bid):
        contract = delivered_contract(bid)
        with pytest.raises(Conflict) as error:
            services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])
        assert error.value.code == "contract_already_delivered"

    def test_deliver_needs_files(self, bid):
        contract = accepted_contract(bid)
        with pytest.raises(ValidationFailed) as error:
            services.contract_deliver(contract=contract, user=bid.creative.user, note="x", uploads=[])
        assert error.value.code == "files_required"

    def test_revision_limit(self, bid, owner):
        contract = delivered_contract(bid)
        for round_ in range(contract.revisions_allowed):
            services.contract_request_revision(contract=contract, user=owner, note=f"revisi {round_}")
            services.contract_request_revision(contract=contract, user=owner, note="same move twice")
            services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])
        with pytest.raises(Conflict) as error:
            services.contract_request_revision(contract=contract, user=owner, note="sekali lagi")
        assert error.value.code == "revision_limit"
        contract.refresh_from_db()
        assert contract.revisions_used == contract.revisions_allowed

    def test_revision_before_delivery_is_illegal(self, bid, owner):
        contract = accepted_contract(bid)
        with pytest.raises(Conflict) as error:
            services.contract_request_revision(contract=contract, user=owner, note="?")
        assert error.value.code == "contract_illegal_transition"

    def test_complete_before_delivery_is_illegal_and_twice_is_a_no_op(self, bid, owner):
        contract = accepted_contract(bid)
        with pytest.raises(Conflict) as error:
            services.contract_complete(contract=contract, user=owner)
        assert error.value.code == "contract_illegal_transition"
        services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])
        services.contract_complete(contract=contract, user=owner)
        services.contract_complete(contract=contract, user=owner)
        assert Notification.objects.filter(kind="contract.completed").count() == 1

    def test_cancel_needs_a_reason_and_cancels_the_gig(self, bid, owner):
        contract = accepted_contract(bid)
        with pytest.raises(ValidationFailed) as error:
            services.contract_cancel(contract=contract, user=owner, reason=" ")
        assert error.value.code == "reason_required"
        with pytest.raises(PermissionDenied) as error:  # SPEC rule 5: the creative withdraws instead
            services.contract_cancel(contract=contract, user=bid.creative.user, reason="Sakit")
        assert error.value.code == "not_gig_owner"
        contract = services.contract_cancel(contract=contract, user=owner, reason="Sakit")
        assert contract.status == ContractStatus.CANCELLED
        contract.gig.refresh_from_db()
        assert contract.gig.status == GigStatus.CANCELLED
        assert Notification.objects.filter(recipient=bid.creative.user, kind="contract.cancelled").exists()
        services.contract_cancel(contract=contract, user=owner, reason="lagi")  # twice: no-op
        with pytest.raises(Conflict):
            services.contract_deliver(contract=contract, user=bid.creative.user, uploads=[pdf()])

    def test_completed_contract_cannot_be_cancelled(self, bid, owner):
        contract = delivered_contract(bid)
        services.contract_complete(contract=contract, user=owner)
        with pytest.raises(Conflict) as error:
            services.contract_cancel(contract=contract, user=owner, reason="x")
        assert error.value.code == "contract_illegal_transition"


class TestReview:
    def test_only_after_completion(self, bid, owner):
        contract = delivered_contract(bid)
        with pytest.raises(Conflict) as error:
            services.review_create(contract=contract, user=owner, rating=5)
        assert error.value.code == "contract_not_completed"

    def test_each_side_once_rating_1_to_5_and_double_blind(self, bid, owner):
        contract = delivered_contract(bid)
        services.contract_complete(contract=contract, user=owner)
        with pytest.raises(ValidationFailed):
            services.review_create(contract=contract, user=owner, rating=6)
        services.review_create(contract=contract, user=owner, rating=4, comment="Bagus")
        with pytest.raises(Conflict) as error:
            services.review_create(contract=contract, user=owner, rating=5)
        assert error.value.code == "review_exists"
        assert Review.objects.visible().count() == 0  # only one side has reviewed
        bid.creative.refresh_from_db()
        assert bid.creative.rating_count == 0
        services.review_create(contract=contract, user=bid.creative.user, rating=5, comment="Pemilik ramah")
        assert Review.objects.visible().count() == 2
        bid.creative.refresh_from_db()
        assert bid.creative.rating_count == 1 and float(bid.creative.rating_avg) == 4.0

    def test_shown_after_14_days_without_the_other_side(self, bid, owner):
        contract = delivered_contract(bid)
        services.contract_complete(contract=contract, user=owner)
        services.review_create(contract=contract, user=owner, rating=3)
        Contract.objects.filter(pk=contract.pk).update(completed_at=timezone.now() - timedelta(days=15))
        assert Review.objects.visible().count() == 1


class TestMessagesAndReports:
    def test_parties_talk_others_cannot(self, bid, owner):
        services.message_send(conversation=bid.conversation, user=owner, body="Bisa lebih cepat?")
        services.message_send(conversation=bid.conversation, user=bid.creative.user, body="Bisa, 5 hari.")
        assert Notification.objects.filter(kind="message.new").count() == 2
        stranger = CreativeProfileFactory().user
        with pytest.raises(PermissionDenied):
            services.message_send(conversation=bid.conversation, user=stranger, body="halo")
        with pytest.raises(ValidationFailed):
            services.message_send(conversation=bid.conversation, user=owner, body="  ")

    def test_report_and_admin_cancels_the_gig(self, gig, bid, creative):
        from gigs.statuses import ReportAction, ReportStatus
        from tests.factories import AdminFactory

        report = services.report_create(user=creative.user, gig=gig, reason="Penipuan")
        with pytest.raises(ValidationFailed):
            services.report_create(user=creative.user, reason="?")
        with pytest.raises(PermissionDenied):
            services.report_resolve(report=report, admin=creative.user, action=ReportAction.NONE)
        report = services.report_resolve(report=report, admin=AdminFactory(), action=ReportAction.GIG_CANCELLED)
        assert report.status == ReportStatus.RESOLVED
        gig.refresh_from_db()
        assert gig.status == GigStatus.CANCELLED
