"""The package and order services allow exactly what the actions functions list (issue 9.4).

For every status of a package or an order and for each kind of person (its creative, a business
owner, another creative), each action succeeds through its service iff ``package_actions`` /
``order_actions`` lists it. A refusal keeps the code API users know: 403 for someone without a
role, 409 for the right person at the wrong moment. A repeated move stays the no-op it was."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from mjc.core.errors import ApplicationError, Conflict, PermissionDenied
from mjc.core.models import StatusChange
from packages import api, selectors, services
from packages.models import Order, Package
from packages.statuses import OrderStatus, PackageStatus
from tests.factories import BusinessFactory, CreativeProfileFactory
from tests.packages.factories import make_order, make_package

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    """Rolls a trial back so the next action starts from the same scene."""


def _attempt(call, model, pk):
    try:
        with transaction.atomic():
            before = StatusChange.objects.filter(content_type__model=model._meta.model_name, object_id=pk).count()
            call()
            after = StatusChange.objects.filter(content_type__model=model._meta.model_name, object_id=pk).count()
            raise _Undo(model.objects.get(pk=pk).status, after - before)
    except _Undo as done:
        return {"ok": True, "status": done.args[0], "moves": done.args[1]}
    except ApplicationError as error:
        return {"ok": False, "error": error}


def _check(action, listed, outcome, *, start_status, target, has_role):
    if action in listed:
        assert outcome["ok"], f"{action} is listed but the service refused: {outcome.get('error')!r}"
        assert target is None or outcome["status"] == target
        return
    if outcome["ok"]:  # only a repeat of a move already made passes, and it changes nothing
        assert start_status == target and outcome["moves"] == 0, f"{action} is not listed but the service did it"
        return
    error = outcome["error"]
    if has_role:
        assert isinstance(error, Conflict) and error.status_code == 409, repr(error)
    else:
        assert isinstance(error, PermissionDenied) and error.status_code == 403, repr(error)


@pytest.fixture
def people():
    creative = CreativeProfileFactory()
    return {"creative": creative, "owner": BusinessFactory().owner, "other_creative": CreativeProfileFactory().user}


PACKAGE_TARGETS = {
    "edit": None,  # no move: the package keeps its status
    "publish": PackageStatus.ACTIVE,
    "pause": PackageStatus.PAUSED,
    "archive": PackageStatus.ARCHIVED,
    "order": None,  # an order of it, the package unchanged
}


def _package_call(action, package, user):
    fresh = Package.objects.get(pk=package.pk)
    if action == "edit":
        return lambda: services.package_update(package=fresh, user=user, title="Label kemasan baru")
    if action == "order":
        return lambda: make_order(package=fresh, owner=user)
    move = {"publish": services.package_publish, "pause": services.package_pause, "archive": services.package_archive}
    return lambda: move[action](package=fresh, user=user)


@pytest.mark.parametrize("status", list(PackageStatus))
def test_a_package_service_does_exactly_what_package_actions_lists(people, status):
    # given a package in this status
    package = make_package(creative=people["creative"], status=status)
    for who in ("creative", "owner", "other_creative"):
        user = people["creative"].user if who == "creative" else people[who]
        listed = selectors.package_actions(Package.objects.get(pk=package.pk), user)
        for action, target in PACKAGE_TARGETS.items():
            if action == "order" and who == "other_creative":
                continue  # ordering also needs a business of one's own (400 without): not a lifecycle rule
            # when this person asks the service for it, then it is done iff listed
            outcome = _attempt(_package_call(action, package, user), Package, package.pk)
            has_role = (who == "creative") != (action == "order")
            _check(action, listed, outcome, start_status=status, target=target, has_role=has_role)


ORDER_TARGETS = {"accept": OrderStatus.ACCEPTED, "decline": OrderStatus.DECLINED, "cancel": OrderStatus.CANCELLED}


def _order_in(state, package, owner) -> Order:
    order = make_order(package=package, owner=owner)
    creative = package.creative.user
    if state == "timed_out":  # past its 48 hours, before the expiry job ran
        Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    elif state == OrderStatus.ACCEPTED:
        services.order_accept(order=order, user=creative)
    elif state == OrderStatus.DECLINED:
        services.order_decline(order=order, user=creative, reason="Jadwal penuh")
    elif state == OrderStatus.CANCELLED:
        services.order_cancel(order=order, user=owner)
    elif state == OrderStatus.EXPIRED:
        Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
        services.orders_expire()
    return Order.objects.get(pk=order.pk)


def _order_call(action, order, user):
    fresh = Order.objects.get(pk=order.pk)
    if action == "accept":
        return lambda: services.order_accept(order=fresh, user=user)
    if action == "decline":
        return lambda: services.order_decline(order=fresh, user=user, reason="Jadwal penuh")
    return lambda: services.order_cancel(order=fresh, user=user)


@pytest.mark.parametrize("state", ["requested", "timed_out", *[s for s in OrderStatus if s != "requested"]])
def test_an_order_service_does_exactly_what_order_actions_lists(people, state):
    package = make_package(creative=people["creative"])
    order = _order_in(state, package, people["owner"])
    for who in ("creative", "owner", "other_creative"):
        user = people["creative"].user if who == "creative" else people[who]
        listed = selectors.order_actions(Order.objects.get(pk=order.pk), user)
        for action, target in ORDER_TARGETS.items():
            outcome = _attempt(_order_call(action, order, user), Order, order.pk)
            has_role = (who == "creative" and action in ("accept", "decline")) or (
                who == "owner" and action == "cancel"
            )
            _check(action, listed, outcome, start_status=order.status, target=target, has_role=has_role)


def test_an_order_past_its_48_hours_offers_no_accept_and_the_api_says_so(people, client):
    """The page and the API offered "accept" after the 48 hours while the service refused it; now
    neither offers it (declining stays possible until the expiry job closes the order)."""
    package = make_package(creative=people["creative"])
    order = _order_in("timed_out", package, people["owner"])
    creative = people["creative"].user
    assert selectors.order_actions(order, creative) == ["decline"]
    with pytest.raises(Conflict) as refused:
        services.order_accept(order=order, user=creative)
    assert refused.value.code == "order_not_requested" and refused.value.extra == {"status": "expired"}
    client.force_login(creative)
    assert client.get(f"/api/v1/orders/{order.pk}/").json()["actions"] == ["decline"]


def test_the_actions_keep_their_old_import():
    assert api.package_actions is selectors.package_actions and api.order_actions is selectors.order_actions
