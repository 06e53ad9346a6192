"""Bids: place, edit, withdraw, shortlist, reject and accept (accepting makes the contract)."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Bid,
    Contract,
    Conversation,
    Gig,
)
from gigs.selectors import PRICE_GUIDANCE, bid_actions, gig_actions
from gigs.services._shared import (
    MAX_DELIVERY_DAYS,
    MAX_RUPIAH,
    _check_at_most,
    _creative_profile,
    _illegal_bid_move,
    _invalid,
    _move_gig,
    _require_action,
    _require_gig_owner,
)
from gigs.services.gigs import _move_bid, _reject_live_bids
from gigs.statuses import (
    BID_TRANSITIONS,
    BidStatus,
    ContractStatus,
    GigStatus,
)
from mjc.categories.pricing import check_price_floor
from mjc.core.errors import Conflict, NotFound, PermissionDenied
from mjc.core.formatting import rupiah
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import record_creation, transition
from mjc.notifications.services import notify


def _check_bid_fields(amount, delivery_days, proposal) -> None:
    if amount is None or int(amount) <= 0:
        raise _invalid("amount", _("The amount must be more than Rp 0."))
    if delivery_days is None or int(delivery_days) <= 0:
        raise _invalid("delivery_days", _("The delivery time must be at least one day."))
    _check_at_most("amount", amount, MAX_RUPIAH)
    _check_at_most("delivery_days", delivery_days, MAX_DELIVERY_DAYS)
    if not (proposal or "").strip():
        raise _invalid("proposal", _("Please write a short proposal."))


@transaction.atomic
def bid_place(*, gig: Gig, user, amount: int, delivery_days: int, proposal: str) -> Bid:
    """One bid per creative per gig, never on one's own gig, only while the gig is open."""
    profile = _creative_profile(user)
    gig = Gig.objects.select_related("business").get(pk=gig.pk)
    if gig.business.owner_id == user.pk:
        raise PermissionDenied(_("You cannot bid on your own gig."), code=Code.OWN_GIG)
    mine = Bid.objects.filter(gig=gig, creative=profile).first()
    _require_action(
        "bid",
        gig_actions(gig, user, my_bid=mine),
        lambda: (
            Conflict(_("This gig is not open for bids."), code=Code.NOT_OPEN, extra={"status": gig.status})
            if gig.status != GigStatus.OPEN
            else _bid_exists()
        ),
    )
    _check_bid_fields(amount, delivery_days, proposal)
    # issue 12: no bid under the category's fair price floor (400 price_below_floor)
    check_price_floor(category=gig.category_id, amount=amount)
    try:
        with transaction.atomic():
            bid = Bid.objects.create(
                gig=gig,
                creative=profile,
                amount=int(amount),
                delivery_days=int(delivery_days),
                proposal=proposal.strip(),
            )
    except IntegrityError as exc:  # the database's last word when two bids of one creative race
        raise _bid_exists() from exc
    _count_bids(gig.pk, +1)
    Conversation.objects.create(bid=bid)
    record_creation(bid, actor=user)
    notify(
        recipient=gig.business.owner,
        kind="bid.new",
        params={
            "gig": gig.title,
            "creative": user.full_name,
            "amount": rupiah(bid.amount),
            "days": str(bid.delivery_days),
        },
        url=gig.get_absolute_url(),
        dedupe_key=f"bid.new:{bid.pk}",
    )
    return bid


def _bid_exists() -> Conflict:
    return Conflict(_("You have already bid on this gig."), code=Code.BID_EXISTS)


def _locked_bid(pk: int) -> Bid:
    """The bid row locked, with what ``bid_actions`` reads (its gig's status and owner, its bidder)."""
    return Bid.objects.select_for_update(of=("self",)).select_related("gig__business", "creative__user").get(pk=pk)


def _require_bidder(bid: Bid, user) -> None:
    if not user.is_authenticated or bid.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the creative who made this bid can do this."), code=Code.NOT_BIDDER)


@transaction.atomic
def bid_update(*, bid: Bid, user, amount=None, delivery_days=None, proposal=None) -> Bid:
    _require_bidder(bid, user)
    bid = _locked_bid(bid.pk)
    _require_action(
        "edit",
        bid_actions(bid, user),
        lambda: Conflict(
            _("Only a pending bid can be changed."), code=Code.BID_NOT_EDITABLE, extra={"status": bid.status}
        ),
    )
    amount = bid.amount if amount is None else amount
    delivery_days = bid.delivery_days if delivery_days is None else delivery_days
    proposal = bid.proposal if proposal is None else proposal
    _check_bid_fields(amount, delivery_days, proposal)
    # issue 12: no bid under the category's fair price floor (400 price_below_floor)
    check_price_floor(category=bid.gig.category_id, amount=amount)
    bid.amount, bid.delivery_days, bid.proposal = int(amount), int(delivery_days), proposal.strip()
    bid.save(update_fields=["amount", "delivery_days", "proposal", "updated_at"])
    return bid


def _count_bids(gig_id: int, step: int) -> None:
    """Keep Gig.bid_count (bids not withdrawn) in the bid's own transaction; an atomic
    increment, so concurrent bids and withdrawals never lose one another's step."""
    Gig.objects.filter(pk=gig_id).update(bid_count=F("bid_count") + step)


@transaction.atomic
def bid_withdraw(*, bid: Bid, user) -> Bid:
    _require_bidder(bid, user)
    # gig before bid, as bid_accept and gig_cancel lock them: the withdrawal's bid_count update
    # locks the gig, and taking it after the bid could deadlock with an accept of the same gig
    Gig.objects.select_for_update(of=("self",)).filter(pk=bid.gig_id).first()
    current = _locked_bid(bid.pk)
    if current.status == BidStatus.WITHDRAWN:
        return current  # withdrawn already (a second click): nothing more to do
    _require_action(
        "withdraw",
        bid_actions(current, user),
        lambda: (
            Conflict(
                _("This bid has a contract: withdraw from the contract instead."),
                code=Code.BID_ILLEGAL_TRANSITION,
                extra={"from": BidStatus.ACCEPTED, "to": BidStatus.WITHDRAWN},
            )
            if current.status == BidStatus.ACCEPTED
            else _illegal_bid_move(current.status, BidStatus.WITHDRAWN)
        ),
    )
    moved = transition(
        Bid,
        bid.pk,
        to=BidStatus.WITHDRAWN,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=user,
        code_prefix="bid",
    )
    if moved.changed:
        _count_bids(moved.obj.gig_id, -1)
    return moved.obj


@transaction.atomic
def bid_shortlist(*, bid: Bid, user) -> Bid:
    _require_gig_owner(bid.gig, user)
    current = _locked_bid(bid.pk)
    if current.status == BidStatus.SHORTLISTED:
        return current  # shortlisted already (a second click): nothing more to do
    _require_action(
        "shortlist",
        bid_actions(current, user),
        lambda: (
            _gig_not_open()
            if current.gig.status != GigStatus.OPEN
            else _illegal_bid_move(current.status, BidStatus.SHORTLISTED)
        ),
    )
    return _move_bid(current, gig=current.gig, to=BidStatus.SHORTLISTED, actor=user, kind="bid.shortlisted").obj


def _gig_not_open(gig: Gig | None = None) -> Conflict:
    return Conflict(
        _("This gig is not open any more."), code=Code.NOT_OPEN, extra={"status": gig.status} if gig else None
    )


@transaction.atomic
def bid_reject(*, bid: Bid, user, note: str = "") -> Bid:
    _require_gig_owner(bid.gig, user)
    current = _locked_bid(bid.pk)
    if current.status == BidStatus.REJECTED:
        return current  # turned down already (a second click): nothing more to do
    # the bid's own graph first (an accepted or withdrawn bid), then the gig: a live bid of a gig
    # that is no longer open (expired) is not the owner's to choose from, as for shortlist and accept
    _require_action(
        "reject",
        bid_actions(current, user),
        lambda: (
            _illegal_bid_move(current.status, BidStatus.REJECTED)
            if BidStatus.REJECTED not in BID_TRANSITIONS[current.status]
            else _gig_not_open(current.gig)
        ),
    )
    return _bid_reject(bid=current, actor=user, note=note)


def _bid_reject(*, bid: Bid, actor, note: str) -> Bid:
    """Turn one bid down and tell its bidder (the owner's choice, or moderation's). Moderation
    acts for no owner: it keeps the graph's guard (``transition``), with no ``bid_actions`` to ask."""
    return _move_bid(bid, gig=bid.gig, to=BidStatus.REJECTED, actor=actor, kind="bid.rejected", note=note).obj


@transaction.atomic
def bid_accept(*, bid: Bid, user, tell_creative: bool = True) -> Contract:
    """The owner chooses a bid: a contract is made, the gig goes in progress, every other
    live bid is turned down. The gig row is locked first, so two accepts of different bids
    of one gig run one after the other and the second finds the gig taken (409).

    ``tell_creative=False`` is for a package order (gigs/package_contracts.py): there the
    creative is the one who accepted, and the owner is told by packages ("order.accepted"),
    so a "your bid was accepted" about a bid they never placed would be a second, false notice."""
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business__owner").filter(pk=bid.gig_id).first()
    if gig is None:
        raise NotFound()
    _require_gig_owner(gig, user)
    existing = Contract.objects.filter(gig=gig).exclude(status=ContractStatus.WITHDRAWN).first()
    if existing is not None:
        if existing.bid_id == bid.pk:
            return existing  # the same accept twice: nothing more to do
        raise Conflict(
            _("Another bid has already been accepted for this gig."),
            code=Code.BID_ALREADY_ACCEPTED,
            extra={"contract": existing.pk},
        )
    current = _locked_bid(bid.pk)
    current.gig = gig  # the row locked above
    _require_action(
        "accept",
        bid_actions(current, user),
        lambda: (
            _gig_not_open(gig)
            if gig.status != GigStatus.OPEN
            else _illegal_bid_move(current.status, BidStatus.ACCEPTED)
        ),
    )
    moved = transition(
        Bid.objects.select_related("creative__user"),
        bid.pk,
        to=BidStatus.ACCEPTED,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=user,
        code_prefix="bid",
    )
    bid = moved.obj
    try:
        with transaction.atomic():
            contract = Contract.objects.create(
                gig=gig,
                bid=bid,
                owner=user,
                creative=bid.creative,
                amount=bid.amount,
                due_date=timezone.localdate() + timedelta(days=bid.delivery_days),
            )
    except IntegrityError as exc:  # the database's last word on "one contract per gig"
        raise Conflict(
            _("Another bid has already been accepted for this gig."), code=Code.BID_ALREADY_ACCEPTED
        ) from exc
    record_creation(contract, actor=user)
    _move_gig(gig.pk, to=GigStatus.IN_PROGRESS, user=user)
    _reject_live_bids(gig=gig, user=user, exclude_pk=bid.pk)
    # a contract in the region's figures; an accepted amount in the category's price guidance
    summary_changed(FIGURES, PRICE_GUIDANCE)
    if tell_creative:
        notify(
            recipient=bid.creative.user,
            kind="bid.accepted",
            params={"gig": gig.title, "amount": rupiah(bid.amount)},
            url=contract.get_absolute_url(),
            dedupe_key=f"bid.accepted:{bid.pk}",
        )
    return contract
