"""Disputes: either party stops an unfinished contract with a reason; MJC admins settle it
(complete for the creative, or cancel) through the service, from the admin or the API."""

import pytest

from gigs import services
from gigs.models import Contract
from gigs.services import DisputeOutcome
from gigs.statuses import ContractStatus, GigStatus
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.models import StatusChange
from mjc.notifications.models import Notification
from tests.factories import AdminFactory
from tests.gigs import test_permissions
from tests.gigs.conftest import pdf
from tests.gigs.test_permissions import ACTORS, HIDDEN, expect

pytestmark = pytest.mark.django_db

world = test_permissions.world  # the permission tests' cast of actors, as a fixture here too


@pytest.fixture
def contract(bid):
    return services.bid_accept(bid=bid, user=bid.gig.business.owner)


def _to(contract, status):
    creative, owner = contract.creative.user, contract.owner
    if status in ("delivered", "revision_requested", "completed"):
        services.contract_deliver(contract=contract, user=creative, uploads=[pdf()])
    if status == "revision_requested":
        services.contract_request_revision(contract=contract, user=owner, note="Warna lebih cerah")
    if status == "completed":
        services.contract_complete(contract=contract, user=owner)
    if status == "cancelled":
        services.contract_cancel(contract=contract, user=owner, reason="Batal")
    contract.refresh_from_db()
    return contract


@pytest.mark.parametrize("status", ["active", "delivered", "revision_requested"])
@pytest.mark.parametrize("side", ["owner", "creative"])
def test_either_party_opens_a_dispute_on_unfinished_work(contract, status, side):
    admin = AdminFactory()
    contract = _to(contract, status)
    user = contract.owner if side == "owner" else contract.creative.user
    other = contract.creative.user if side == "owner" else contract.owner

    result = services.contract_dispute(contract=contract, user=user, reason="Hasil tidak sesuai brief")

    assert result.status == ContractStatus.DISPUTED
    assert result.dispute_reason == "Hasil tidak sesuai brief" and result.disputed_by == user and result.disputed_at
    change = StatusChange.objects.filter(object_id=contract.pk, to_status="disputed").get()
    assert change.from_status == status and change.actor == user and change.note == "Hasil tidak sesuai brief"
    assert Notification.objects.filter(recipient=other, kind="contract.disputed").exists()
    to_admin = Notification.objects.get(recipient=admin, kind="contract.disputed")
    assert to_admin.url == f"/admin/gigs/contract/{contract.pk}/change/"
    assert not Notification.objects.filter(recipient=user, kind="contract.disputed").exists()


@pytest.mark.parametrize("status", ["completed", "cancelled"])
def test_no_dispute_on_a_finished_contract(contract, status):
    contract = _to(contract, status)
    with pytest.raises(Conflict) as exc:
        services.contract_dispute(contract=contract, user=contract.owner, reason="Terlambat")
    assert exc.value.code == "contract_illegal_transition"


def test_a_second_dispute_is_409_and_changes_nothing(contract):
    services.contract_dispute(contract=contract, user=contract.owner, reason="Pertama")
    with pytest.raises(Conflict) as exc:
        services.contract_dispute(contract=contract, user=contract.creative.user, reason="Kedua")
    assert exc.value.code == "contract_already_disputed"
    contract.refresh_from_db()
    assert contract.dispute_reason == "Pertama" and contract.disputed_by == contract.owner


def test_a_dispute_needs_a_reason_and_a_party(contract, creative):
    with pytest.raises(ValidationFailed):
        services.contract_dispute(contract=contract, user=contract.owner, reason="   ")
    with pytest.raises(PermissionDenied):
        services.contract_dispute(contract=contract, user=AdminFactory(), reason="x")


def test_a_disputed_contract_is_paused(contract):
    services.contract_dispute(contract=contract, user=contract.owner, reason="Tidak ada kabar")
    with pytest.raises(Conflict):
        services.contract_deliver(contract=contract, user=contract.creative.user, uploads=[pdf()])
    with pytest.raises(Conflict):
        services.contract_cancel(contract=contract, user=contract.owner, reason="Batal saja")


def test_admin_completes_for_the_creative(contract):
    admin = AdminFactory()
    services.contract_dispute(contract=contract, user=contract.owner, reason="Tidak setuju hasil")
    result = services.contract_dispute_settle(contract=contract, admin=admin, outcome=DisputeOutcome.COMPLETE)
    assert result.status == ContractStatus.COMPLETED and result.completed_at and result.dispute_resolution
    assert result.gig.__class__.objects.get(pk=result.gig_id).status == GigStatus.COMPLETED
    result.creative.refresh_from_db()
    assert result.creative.completed_count == 1
    change = StatusChange.objects.filter(object_id=contract.pk, to_status="completed").get()
    assert change.actor == admin and change.from_status == "disputed"
    for party in (contract.owner, contract.creative.user):
        assert Notification.objects.filter(recipient=party, kind="contract.completed").exists()
    # and a review can follow
    services.review_create(contract=result, user=contract.owner, rating=4, comment="Oke")


def test_admin_cancels(contract):
    admin = AdminFactory()
    services.contract_dispute(contract=contract, user=contract.creative.user, reason="Pemilik tidak membalas")
    result = services.contract_dispute_settle(
        contract=contract, admin=admin, outcome=DisputeOutcome.CANCEL, note="Dana kembali"
    )
    assert result.status == ContractStatus.CANCELLED and result.cancel_reason == "Dana kembali"
    assert result.gig.__class__.objects.get(pk=result.gig_id).status == GigStatus.CANCELLED


def test_settling_needs_an_admin_and_an_open_dispute(contract):
    with pytest.raises(Conflict) as exc:
        services.contract_dispute_settle(contract=contract, admin=AdminFactory(), outcome=DisputeOutcome.CANCEL)
    assert exc.value.code == "contract_not_disputed"
    services.contract_dispute(contract=contract, user=contract.owner, reason="x")
    with pytest.raises(PermissionDenied):
        services.contract_dispute_settle(contract=contract, admin=contract.owner, outcome=DisputeOutcome.COMPLETE)
    with pytest.raises(ValidationFailed):
        services.contract_dispute_settle(contract=contract, admin=AdminFactory(), outcome="refund")


# --- API -------------------------------------------------------------------------------------


@pytest.fixture
def contract_world(world):
    world["contract"] = services.bid_accept(bid=world["bid"], user=world["people"]["owner"])
    return world


@pytest.mark.parametrize("actor", ACTORS)
def test_api_dispute_by_either_party_only(contract_world, actor):
    response = contract_world["client"](actor).post(
        f"/api/v1/contracts/{contract_world['contract'].pk}/dispute/", {"reason": "Terlambat dua minggu"}
    )
    expect(response, {"owner", "bidder"}, actor, 200, HIDDEN)
    if actor in ("owner", "bidder"):
        body = response.json()
        assert body["status"] == "disputed" and body["dispute_reason"] == "Terlambat dua minggu"


def test_api_dispute_twice_illegal_and_empty(contract_world):
    client = contract_world["client"]("owner")
    url = f"/api/v1/contracts/{contract_world['contract'].pk}/dispute/"
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"reason": "Terlambat"}).status_code == 200
    again = client.post(url, {"reason": "Terlambat"})
    assert again.status_code == 409 and again.json()["code"] == "contract_already_disputed"
    services.contract_dispute_settle(
        contract=contract_world["contract"], admin=contract_world["people"]["admin"], outcome=DisputeOutcome.CANCEL
    )
    late = client.post(url, {"reason": "Lagi"})
    assert late.status_code == 409 and late.json()["code"] == "contract_illegal_transition"


# --- web: workspace and admin ----------------------------------------------------------------


def test_workspace_form_opens_a_dispute_and_shows_it(client, contract):
    client.force_login(contract.creative.user)
    page = client.get(f"/kontrak/{contract.pk}/").content.decode()
    assert f'action="/kontrak/{contract.pk}/dispute/"' in page
    empty = client.post(f"/kontrak/{contract.pk}/dispute/", {"reason": ""})
    assert empty.status_code == 400
    response = client.post(f"/kontrak/{contract.pk}/dispute/", {"reason": "Pemilik tidak membalas pesan"}, follow=True)
    html = response.content.decode()
    assert "Pemilik tidak membalas pesan" in html and "Sengketa dibuka" in html
    assert f'action="/kontrak/{contract.pk}/dispute/"' not in html
    assert Contract.objects.get(pk=contract.pk).status == ContractStatus.DISPUTED


def test_admin_actions_settle_through_the_service(client, contract):
    admin = AdminFactory()
    services.contract_dispute(contract=contract, user=contract.owner, reason="Hasil buruk")
    client.force_login(admin)
    queue = client.get("/admin/gigs/contract/?dispute=open")
    assert queue.status_code == 200 and str(contract.gig.title) in queue.content.decode()
    response = client.post(
        "/admin/gigs/contract/", {"action": "settle_complete", "_selected_action": [contract.pk]}, follow=True
    )
    assert response.status_code == 200
    contract.refresh_from_db()
    assert contract.status == ContractStatus.COMPLETED
    assert StatusChange.objects.filter(object_id=contract.pk, to_status="completed", actor=admin).exists()


def test_the_creative_reads_the_revision_request_under_next_step(client, contract):
    _to(contract, "revision_requested")
    client.force_login(contract.creative.user)
    html = client.get(f"/kontrak/{contract.pk}/").content.decode()
    next_step = html[html.index("Langkah selanjutnya") : html.index("Pengiriman hasil")]
    assert "Yang perlu diubah" in next_step and "Warna lebih cerah" in next_step


def test_a_disputed_contract_stays_on_the_owners_dashboard(client, contract):
    services.contract_dispute(contract=contract, user=contract.owner, reason="Tidak ada kabar")
    client.force_login(contract.owner)
    html = client.get("/dasbor/").content.decode()
    assert f'href="/kontrak/{contract.pk}/"' in html and "Dalam sengketa" in html
