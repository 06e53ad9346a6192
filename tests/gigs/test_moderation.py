"""Moderation goes through the guarded services: a report cannot leave a gig cancelled while
its contract is still running, reports move through a declared lifecycle, and deactivating an
account is the accounts service's job."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from gigs import services
from gigs.models import Report
from gigs.statuses import ContractStatus, GigStatus, ReportAction, ReportStatus
from mjc.core.errors import Conflict
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from tests.conftest import client_for
from tests.factories import AdminFactory
from tests.gigs.factories import BidFactory, GigFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return AdminFactory()


@pytest.fixture
def contract(gig, bid, owner):
    return services.bid_accept(bid=bid, user=owner)


@pytest.fixture
def report_on_running_gig(contract, creative):
    return services.report_create(user=creative.user, gig=contract.gig, reason="Minta transfer di luar platform")


class TestModerationOfAGigInProgress:
    def test_service_refuses_and_leaves_gig_and_contract_as_they_were(self, report_on_running_gig, contract, admin):
        # given a gig in progress with an active contract, reported
        # when an admin resolves the report by cancelling the gig
        with pytest.raises(Conflict) as error:
            services.report_resolve(report=report_on_running_gig, admin=admin, action=ReportAction.GIG_CANCELLED)
        # then the move is refused with a code, and nothing changed
        assert error.value.code == "gig_has_contract"
        contract.refresh_from_db()
        contract.gig.refresh_from_db()
        assert contract.gig.status == GigStatus.IN_PROGRESS
        assert contract.status == ContractStatus.ACTIVE
        report_on_running_gig.refresh_from_db()
        assert report_on_running_gig.status == ReportStatus.OPEN

    def test_the_contract_can_still_complete_afterwards(self, report_on_running_gig, contract, admin, owner):
        with pytest.raises(Conflict):
            services.report_resolve(report=report_on_running_gig, admin=admin, action=ReportAction.GIG_CANCELLED)
        from tests.gigs.conftest import pdf

        services.contract_deliver(contract=contract, user=contract.creative.user, note="Selesai", uploads=[pdf()])
        completed = services.contract_complete(contract=contract, user=owner)
        assert completed.status == ContractStatus.COMPLETED

    def test_api_answers_409_in_the_shared_shape(self, report_on_running_gig, admin):
        response = client_for(admin).post(
            reverse("api:report-resolve", args=[report_on_running_gig.pk]), {"action": "gig_cancelled"}, format="json"
        )
        assert response.status_code == 409
        assert response.json()["code"] == "gig_has_contract"
        assert "kontrak" in response.json()["message"].lower()

    def test_admin_action_reports_the_refusal(self, report_on_running_gig, admin, client):
        client.force_login(admin)
        response = client.post(
            reverse("admin:gigs_report_changelist"),
            {"action": "resolve_gig_cancelled", "_selected_action": [report_on_running_gig.pk]},
            follow=True,
        )
        assert response.status_code == 200
        shown = [str(m) for m in response.context["messages"]]
        assert any("kontrak" in text.lower() for text in shown), shown
        report_on_running_gig.refresh_from_db()
        assert report_on_running_gig.status == ReportStatus.OPEN


class TestReportLifecycle:
    def test_open_gig_is_cancelled_and_the_report_move_is_recorded(self, creative, admin):
        gig = GigFactory(status=GigStatus.OPEN)
        BidFactory(gig=gig)
        report = services.report_create(user=creative.user, gig=gig, reason="Penipuan")
        resolved = services.report_resolve(report=report, admin=admin, action=ReportAction.GIG_CANCELLED, note="Spam")
        gig.refresh_from_db()
        assert gig.status == GigStatus.CANCELLED
        assert resolved.status == ReportStatus.RESOLVED and resolved.resolved_by == admin
        change = StatusChange.objects.get(content_type=ContentType.objects.get_for_model(Report), object_id=report.pk)
        assert (change.from_status, change.to_status, change.actor) == ("open", "resolved", admin)

    def test_resolving_twice_is_a_no_op(self, gig, creative, admin):
        report = services.report_create(user=creative.user, gig=gig, reason="Spam")
        services.report_resolve(report=report, admin=admin, action=ReportAction.NONE)
        again = services.report_resolve(report=report, admin=admin, action=ReportAction.USER_DEACTIVATED)
        assert again.action == ReportAction.NONE
        assert StatusChange.objects.filter(content_type=ContentType.objects.get_for_model(Report)).count() == 1
        gig.business.owner.refresh_from_db()
        assert gig.business.owner.is_active

    def test_unknown_action_is_refused(self, gig, creative, admin):
        report = services.report_create(user=creative.user, gig=gig, reason="Spam")
        response = client_for(admin).post(
            reverse("api:report-resolve", args=[report.pk]), {"action": "ban"}, format="json"
        )
        assert response.status_code == 400

    def test_deactivating_through_a_report_closes_the_account(self, gig, creative, admin, api):
        report = services.report_create(user=creative.user, gig=gig, reason="Akun palsu")
        response = client_for(admin).post(
            reverse("api:report-resolve", args=[report.pk]), {"action": "user_deactivated"}, format="json"
        )
        assert response.status_code == 200, response.json()
        owner = gig.business.owner
        owner.refresh_from_db()
        assert not owner.is_active

    def test_reports_do_not_exist_for_anyone_but_admins(self, gig, creative, owner):
        report = services.report_create(user=creative.user, gig=gig, reason="Spam")
        for user in (creative.user, owner):
            response = client_for(user).post(reverse("api:report-resolve", args=[report.pk]), {}, format="json")
            assert response.status_code == 404


class TestModerationAfterTheContractEnds:
    def test_cancelling_the_contract_first_lets_the_report_close(self, report_on_running_gig, contract, admin, owner):
        # given a reported gig in progress whose owner cancels the contract through its service
        services.contract_cancel(contract=contract, user=owner, reason="Tidak jadi")
        # when the admin resolves the report by cancelling the gig
        resolved = services.report_resolve(report=report_on_running_gig, admin=admin, action=ReportAction.GIG_CANCELLED)
        # then the report closes and the gig and its contract agree
        assert resolved.status == ReportStatus.RESOLVED
        contract.refresh_from_db()
        contract.gig.refresh_from_db()
        assert (contract.status, contract.gig.status) == (ContractStatus.CANCELLED, GigStatus.CANCELLED)

    def test_a_disputed_contract_also_blocks_the_admin_action(self, report_on_running_gig, contract, admin, client):
        # given the creative has opened a dispute on the reported gig's contract
        services.contract_dispute(contract=contract, user=contract.creative.user, reason="Tidak dibayar")
        # when the admin action tries to cancel the gig
        client.force_login(admin)
        response = client.post(
            reverse("admin:gigs_report_changelist"),
            {"action": "resolve_gig_cancelled", "_selected_action": [report_on_running_gig.pk]},
            follow=True,
        )
        # then the refusal is shown in Indonesian and the dispute stays for an admin to settle
        shown = [str(m) for m in response.context["messages"]]
        assert any("kontrak" in text.lower() for text in shown), shown
        contract.refresh_from_db()
        assert contract.status == ContractStatus.DISPUTED
        assert contract.gig.status == GigStatus.IN_PROGRESS

    def test_rejecting_a_reported_bid_goes_through_the_bid_service(self, gig, bid, owner, admin):
        # given a reported live bid
        report = services.report_create(user=owner, bid=bid, reason="Spam")
        # when moderation rejects it
        services.report_resolve(report=report, admin=admin, action=ReportAction.BID_REJECTED)
        # then the bid is rejected and its bidder is told, like an owner's rejection
        bid.refresh_from_db()
        assert bid.status == "rejected"
        assert Notification.objects.filter(recipient=bid.creative.user, kind="bid.rejected").exists()
