"""Packages and orders move only along their declared lifecycles, each move twice is a no-op,
and an accepted order is a contract exactly like a bid-born one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gigs import services as gig_services
from gigs.models import Bid, Contract, Gig, GigAttachment
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.transitions import history
from mjc.notifications.models import Notification
from packages import services
from packages.models import Order, Package
from packages.statuses import ORDER_TRANSITIONS, PACKAGE_TRANSITIONS, OrderStatus, PackageStatus
from tests.factories import BusinessFactory, CreativeProfileFactory, category
from tests.packages.factories import make_order, make_package, pdf

pytestmark = pytest.mark.django_db

MOVES = {
    PackageStatus.ACTIVE: services.package_publish,
    PackageStatus.PAUSED: services.package_pause,
    PackageStatus.ARCHIVED: services.package_archive,
}


def test_new_package_is_a_draft_with_its_lowest_price(creative):
    package = make_package(creative=creative, status="draft")
    assert package.status == PackageStatus.DRAFT
    assert package.price_from == 500_000 and package.days_from == 3
    assert [t.level for t in package.tiers.all()] == ["basic", "standard", "premium"]
    assert package.addons.count() == 3
    assert history(package).first().to_status == "draft"


@pytest.mark.parametrize("start", ["draft", "active", "paused", "archived"])
@pytest.mark.parametrize("target", [PackageStatus.ACTIVE, PackageStatus.PAUSED, PackageStatus.ARCHIVED])
def test_every_package_move(creative, start, target):
    package = make_package(creative=creative, status=start)
    allowed = target in PACKAGE_TRANSITIONS[start] or target == start
    if allowed:
        for _ in range(2):  # twice: the second is a no-op
            moved = MOVES[target](package=package, user=creative.user)
            assert moved.status == target
    else:
        with pytest.raises(Conflict) as caught:
            MOVES[target](package=package, user=creative.user)
        assert caught.value.code == "package_illegal_transition"
        assert Package.objects.get(pk=package.pk).status == start


def test_only_its_creative_moves_a_package(package):
    other = CreativeProfileFactory()
    for move in MOVES.values():
        with pytest.raises(PermissionDenied):
            move(package=package, user=other.user)


def test_tier_and_amount_checks(creative):
    kemasan = category("kemasan")
    bad = [
        [],
        [{"name": "basic", "price": 0, "delivery_days": 3}],
        [{"name": "basic", "price": 10**13, "delivery_days": 3}],
        [{"name": "basic", "price": "99999999999999999999999999", "delivery_days": 3}],
        [{"name": "basic", "price": 500_000, "delivery_days": 10**20}],
        [{"name": "basic", "price": 500_000, "delivery_days": 3}] * 2,
        [{"name": "gold", "price": 500_000, "delivery_days": 3}],
        [{"name": n, "price": 500_000, "delivery_days": 3} for n in ("basic", "standard", "premium", "basic")],
    ]
    for tiers in bad:
        with pytest.raises(ValidationFailed):
            services.package_create(user=creative.user, category=kemasan, title="X", description="Y", tiers=tiers)
    with pytest.raises(ValidationFailed):
        services.package_create(
            user=creative.user,
            category=kemasan,
            title="X",
            description="Y",
            tiers=[{"name": "basic", "price": 1, "delivery_days": 1}],
            addons=[{"name": "A", "price": 10**15, "extra_days": 0}],
        )


def test_price_floor_refuses_packages_and_bids(creative):
    kemasan = category("kemasan")
    kemasan.price_floor = 400_000
    kemasan.save()
    with pytest.raises(ValidationFailed) as caught:
        make_package(creative=creative, tiers=[{"name": "basic", "price": 300_000, "delivery_days": 3}])
    assert caught.value.code == "price_below_floor"
    assert "Rp 400.000" in str(caught.value.message)
    make_package(creative=creative, tiers=[{"name": "basic", "price": 400_000, "delivery_days": 3}])
    # and on bids
    from tests.factories import GigFactory

    gig = GigFactory(category=kemasan)
    bidder = CreativeProfileFactory()
    with pytest.raises(ValidationFailed) as caught:
        gig_services.bid_place(gig=gig, user=bidder.user, amount=300_000, delivery_days=3, proposal="Saya bisa.")
    assert caught.value.code == "price_below_floor"
    bid = gig_services.bid_place(gig=gig, user=bidder.user, amount=450_000, delivery_days=3, proposal="Saya bisa.")
    with pytest.raises(ValidationFailed) as caught:
        gig_services.bid_update(bid=bid, user=bidder.user, amount=100_000)
    assert caught.value.code == "price_below_floor"


def test_a_raised_floor_stops_publishing(creative):
    package = make_package(creative=creative, status="draft")
    kemasan = category("kemasan")
    kemasan.price_floor = 600_000
    kemasan.save()
    with pytest.raises(ValidationFailed) as caught:
        services.package_publish(package=package, user=creative.user)
    assert caught.value.code == "price_below_floor"


def test_order_amount_days_and_revisions(package, owner):
    addons = list(package.addons.all())
    order = make_order(package=package, owner=owner, tier="standard", addons=[a.pk for a in addons])
    assert order.status == OrderStatus.REQUESTED
    assert order.amount == 900_000 + 200_000 + 150_000 + 100_000
    assert order.due_days == 5 - 1 + 0 + 1
    assert order.revisions == 3 + 1
    assert order.expires_at > timezone.now() + timedelta(hours=47)
    assert Notification.objects.filter(recipient=package.creative.user, kind="order.new").count() == 1


def test_order_refusals(package, owner, creative):
    with pytest.raises(PermissionDenied) as caught:
        make_order(package=package, owner=creative.user)
    assert caught.value.code == "own_package"
    with pytest.raises(ValidationFailed) as caught:
        make_order(package=package, owner=owner, tier="gold")
    assert caught.value.code == "unknown_tier"
    with pytest.raises(ValidationFailed) as caught:
        make_order(package=package, owner=owner, addons=[10**30])
    assert caught.value.code == "unknown_addon"
    other_business = BusinessFactory()
    with pytest.raises(PermissionDenied):
        make_order(package=package, owner=owner, business=other_business)
    services.package_pause(package=package, user=creative.user)
    with pytest.raises(Conflict) as caught:
        make_order(package=package, owner=owner)
    assert caught.value.code == "package_not_active"


def test_accept_makes_a_contract_like_a_bid_born_one(package, owner, creative):
    from packages.models import OrderFile

    express = package.addons.get(kind="express")
    order = services.order_create(
        package=package, user=owner, tier="basic", brief="Label keripik.", addons=[express.pk], uploads=[pdf()]
    )
    assert OrderFile.objects.filter(order=order).count() == 1
    contract = services.order_accept(order=order, user=creative.user)
    contract = Contract.objects.select_related("gig", "bid").get(pk=contract.pk)
    assert contract.status == "active"
    assert contract.amount == 700_000
    assert contract.due_date == timezone.localdate() + timedelta(days=2)
    assert contract.revisions_allowed == 2
    assert contract.owner == owner and contract.creative == creative
    gig = contract.gig
    assert gig.source == "package" and gig.status == "in_progress"
    assert gig.description == "Label keripik."
    assert contract.bid.status == "accepted" and contract.bid.amount == 700_000
    assert GigAttachment.objects.filter(gig=gig).count() == 1
    assert not Gig.objects.filter(status="open", source="package").exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.ACCEPTED and order.contract_id == contract.pk
    assert Notification.objects.filter(recipient=owner, kind="order.accepted").count() == 1
    # accept twice: the same contract
    assert services.order_accept(order=order, user=creative.user).pk == contract.pk
    assert Contract.objects.count() == 1 and Bid.objects.count() == 1
    # and it runs like any contract: deliver, revise within the tier's count, complete, review
    from tests.packages.factories import pdf as delivery

    gig_services.contract_deliver(contract=contract, user=creative.user, note="v1", uploads=[delivery("v1.pdf")])
    gig_services.contract_request_revision(contract=contract, user=owner, note="warna")
    gig_services.contract_deliver(contract=contract, user=creative.user, note="v2", uploads=[delivery("v2.pdf")])
    gig_services.contract_complete(contract=contract, user=owner)
    gig_services.review_create(contract=contract, user=owner, rating=5, comment="Bagus")
    gig_services.review_create(contract=contract, user=creative.user, rating=5)
    from packages.selectors import package_reviews

    assert [r.rating for r in package_reviews(package=package)] == [5]


def test_withdrawing_from_a_package_contract_does_not_list_the_gig(package, owner, creative):
    order = make_order(package=package, owner=owner)
    contract = services.order_accept(order=order, user=creative.user)
    gig_services.contract_withdraw(contract=contract, user=creative.user, reason="Sakit")
    assert Gig.objects.get(pk=contract.gig_id).status == "cancelled"


ORDER_MOVES = ["accept", "decline", "cancel", "expire"]


def _do(move, order, package, owner):
    creative_user = package.creative.user
    if move == "accept":
        return services.order_accept(order=order, user=creative_user)
    if move == "decline":
        return services.order_decline(order=order, user=creative_user, reason="Penuh")
    if move == "cancel":
        return services.order_cancel(order=order, user=owner)
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    return services.orders_expire()


TARGET = {
    "accept": OrderStatus.ACCEPTED,
    "decline": OrderStatus.DECLINED,
    "cancel": OrderStatus.CANCELLED,
    "expire": OrderStatus.EXPIRED,
}


@pytest.mark.parametrize("first", ORDER_MOVES)
@pytest.mark.parametrize("second", ORDER_MOVES)
def test_every_order_move_after_another(package, owner, first, second):
    order = make_order(package=package, owner=owner)
    _do(first, order, package, owner)
    assert Order.objects.get(pk=order.pk).status == TARGET[first]
    if first == second:
        _do(second, order, package, owner)  # twice: a no-op
    elif second == "expire":
        assert services.orders_expire() == 0  # only requested orders expire
    else:
        assert TARGET[second] not in ORDER_TRANSITIONS[TARGET[first]]
        with pytest.raises(Conflict) as caught:
            _do(second, order, package, owner)
        assert caught.value.code == "order_not_requested"
    assert Order.objects.get(pk=order.pk).status == TARGET[first]


def test_decline_needs_a_reason_and_the_right_actor(package, owner):
    order = make_order(package=package, owner=owner)
    with pytest.raises(ValidationFailed):
        services.order_decline(order=order, user=package.creative.user, reason="  ")
    with pytest.raises(PermissionDenied):
        services.order_decline(order=order, user=owner, reason="x")
    with pytest.raises(PermissionDenied):
        services.order_accept(order=order, user=owner)
    with pytest.raises(PermissionDenied):
        services.order_cancel(order=order, user=package.creative.user)
    services.order_decline(order=order, user=package.creative.user, reason="Jadwal penuh")
    note = Notification.objects.get(recipient=owner, kind="order.declined")
    assert "Jadwal penuh" in note.body


def test_expiry_job_twice_tells_the_owner_once(package, owner):
    from packages.tasks import expire_orders

    late = make_order(package=package, owner=owner)
    fresh = make_order(package=package, owner=owner)
    Order.objects.filter(pk=late.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    assert expire_orders() == 1
    assert expire_orders() == 0
    assert Order.objects.get(pk=late.pk).status == OrderStatus.EXPIRED
    assert Order.objects.get(pk=fresh.pk).status == OrderStatus.REQUESTED
    assert Notification.objects.filter(recipient=owner, kind="order.expired").count() == 1
    # an undecided order past its 48 hours cannot be accepted any more
    Order.objects.filter(pk=fresh.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(Conflict):
        services.order_accept(order=fresh, user=package.creative.user)


def test_notifications_in_the_recipients_language(package, owner):
    owner.language = "en"
    owner.save()
    order = make_order(package=package, owner=owner)
    services.order_cancel(order=order, user=owner)
    creative_note = Notification.objects.get(kind="order.cancelled")
    assert creative_note.recipient == package.creative.user
    assert "dibatalkan" in creative_note.title.lower() or "batal" in creative_note.title.lower()
    order = make_order(package=package, owner=owner)
    services.order_decline(order=order, user=package.creative.user, reason="Full")
    assert Notification.objects.get(kind="order.declined").title.startswith("Your order")


def test_order_emails_follow_the_bids_preference(package, owner):
    from mjc.notifications.models import NotificationPreference

    preference, _ = NotificationPreference.objects.get_or_create(user=owner)
    preference.email_bids = False
    preference.save()
    assert not preference.wants_email("order.accepted")
    preference.email_bids = True
    assert preference.wants_email("order.accepted")
