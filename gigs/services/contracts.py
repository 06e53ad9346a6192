"""Contracts and their disputes: deliver, revise, complete, cancel, withdraw, dispute, settle."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Bid,
    Contract,
    Delivery,
    DeliveryFile,
    Gig,
)
from gigs.selectors import contract_actions
from gigs.services._shared import (
    DELIVERY_DIR,
    _check_uploads,
    _illegal_contract_move,
    _invalid,
    _move_gig,
    _require_action,
    _store_private,
)
from gigs.services.bids import _count_bids
from gigs.services.housekeeping import creative_stats_refresh
from gigs.statuses import (
    BID_TRANSITIONS,
    CONTRACT_TRANSITIONS,
    DISPUTABLE_CONTRACT_STATUSES,
    BidStatus,
    ContractStatus,
    GigSource,
    GigStatus,
)
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import transition
from mjc.notifications.services import notify


def _require_contracted_creative(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the contracted creative can deliver."), code=Code.NOT_CONTRACTED_CREATIVE)


def _require_contract_owner(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this gig can do this."), code=Code.NOT_OWNER)


def _locked_contract(pk: int) -> Contract:
    """The contract row locked, with what ``contract_actions`` reads (its creative, deliveries, reviews)."""
    return (
        Contract.objects.select_for_update(of=("self",))
        .select_related("creative__user")
        .prefetch_related("deliveries", "reviews")
        .get(pk=pk)
    )


def _disputed() -> Conflict:
    # the graph lets a dispute end completed or cancelled, but only an MJC admin settles it
    return Conflict(_("A dispute is open for this contract; an MJC admin will settle it."), code=Code.ALREADY_DISPUTED)


def _move_contract(contract: Contract, *, to: str, user, note: str = "", fields: dict | None = None):
    return transition(
        Contract.objects.select_related("gig", "creative__user", "owner"),
        contract.pk,
        to=to,
        transitions=CONTRACT_TRANSITIONS,
        choices=ContractStatus,
        actor=user,
        note=note,
        fields=fields,
        code_prefix="contract",
    )


@transaction.atomic
def contract_deliver(*, contract: Contract, user, note: str = "", uploads=()) -> Delivery:
    """The contracted creative hands in the work (a note and one or more files)."""
    _require_contracted_creative(contract, user)
    uploads = _check_uploads(uploads, required=True)
    current = _locked_contract(contract.pk)
    _require_action(
        "deliver",
        contract_actions(current, user),
        lambda: (
            Conflict(_("The work is already delivered; wait for the owner's answer."), code=Code.ALREADY_DELIVERED)
            if current.status == ContractStatus.DELIVERED
            else _illegal_contract_move(current.status, ContractStatus.DELIVERED)
        ),
    )
    moved = _move_contract(contract, to=ContractStatus.DELIVERED, user=user, note=note)
    delivery = Delivery.objects.create(contract=moved.obj, note=(note or "").strip(), delivered_by=user)
    for upload in uploads:
        row = DeliveryFile(delivery=delivery)
        row.original_name, row.size = _store_private(upload, row.file, DELIVERY_DIR)
        row.save()
    notify(
        recipient=moved.obj.owner,
        kind="contract.delivered",
        params={"gig": moved.obj.gig.title},
        url=contract.get_absolute_url(),
        dedupe_key=f"contract.delivered:{delivery.pk}",
    )
    return delivery


@transaction.atomic
def contract_request_revision(*, contract: Contract, user, note: str) -> Contract:
    _require_contract_owner(contract, user)
    note = (note or "").strip()
    if not note:
        raise _invalid("note", _("Please say what should change."))
    current = _locked_contract(contract.pk)
    if current.status == ContractStatus.REVISION_REQUESTED:
        return _move_contract(contract, to=ContractStatus.REVISION_REQUESTED, user=user).obj  # asked already
    _require_action(
        "request_revision",
        contract_actions(current, user),
        lambda: (
            Conflict(
                _("All %(count)s revisions of this contract have been used.") % {"count": current.revisions_allowed},
                code=Code.REVISION_LIMIT,
                extra={"revisions_allowed": current.revisions_allowed},
            )
            if current.status == ContractStatus.DELIVERED
            else _illegal_contract_move(current.status, ContractStatus.REVISION_REQUESTED)
        ),
    )
    moved = _move_contract(
        contract,
        to=ContractStatus.REVISION_REQUESTED,
        user=user,
        note=note,
        fields={"revisions_used": current.revisions_used + 1},
    )
    notify(
        recipient=moved.obj.creative.user,
        kind="contract.revision_requested",
        params={"gig": moved.obj.gig.title, "note": note[:300]},
        url=contract.get_absolute_url(),
        dedupe_key=f"contract.revision_requested:{contract.pk}:{moved.obj.revisions_used}",
    )
    return moved.obj


@transaction.atomic
def contract_complete(*, contract: Contract, user) -> Contract:
    _require_contract_owner(contract, user)
    current = _locked_contract(contract.pk)
    if current.status == ContractStatus.COMPLETED:
        return current  # completed already (a second click): nothing more to do
    # a disputed contract is MJC's to settle (contract_dispute_settle), as for cancel
    _require_action(
        "complete",
        contract_actions(current, user),
        lambda: (
            _disputed()
            if current.status == ContractStatus.DISPUTED
            else _illegal_contract_move(current.status, ContractStatus.COMPLETED)
        ),
    )
    moved = _move_contract(contract, to=ContractStatus.COMPLETED, user=user, fields={"completed_at": timezone.now()})
    if moved.changed:
        _move_gig(moved.obj.gig_id, to=GigStatus.COMPLETED, user=user)
        creative_stats_refresh(profile=moved.obj.creative)
        summary_changed(FIGURES)
        notify(
            recipient=moved.obj.creative.user,
            kind="contract.completed",
            params={"gig": moved.obj.gig.title},
            url=contract.get_absolute_url(),
            dedupe_key=f"contract.completed:{contract.pk}",
        )
    return moved.obj


def _required_reason(reason) -> str:
    """The reason a person must give (cancel, withdraw), stripped; 400 ``reason_required`` on the field."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(
            _("reason: Please give a reason."),
            code=Code.REASON_REQUIRED,
            extra={"fields": {"reason": [str(_("Please give a reason."))]}},
        )
    return reason


@transaction.atomic
def contract_cancel(*, contract: Contract, user, reason: str) -> Contract:
    """The owner cancels a contract that is not finished (SPEC rule 5); a reason is required.
    The creative withdraws instead (``contract_withdraw``) or asks MJC to settle a dispute."""
    _require_contract_owner(contract, user)
    reason = _required_reason(reason)
    current = _locked_contract(contract.pk)
    if current.status == ContractStatus.CANCELLED:
        return current  # cancelled already (a second click): nothing more to do
    _require_action(
        "cancel",
        contract_actions(current, user),
        lambda: (
            _disputed()
            if current.status == ContractStatus.DISPUTED
            else _illegal_contract_move(current.status, ContractStatus.CANCELLED)
        ),
    )
    moved = _move_contract(
        contract, to=ContractStatus.CANCELLED, user=user, note=reason, fields={"cancel_reason": reason}
    )
    if moved.changed:
        _move_gig(moved.obj.gig_id, to=GigStatus.CANCELLED, user=user, note=reason)
        summary_changed(FIGURES)
        other = moved.obj.creative.user if user.pk == moved.obj.owner_id else moved.obj.owner
        _tell_cancelled(moved.obj, [other], reason)
    return moved.obj


def _tell_cancelled(contract: Contract, recipients, reason: str, *, key_per_recipient: bool = False) -> None:
    """Tell that the contract was cancelled, with the reason, once per recipient (the keys as they always were)."""
    for recipient in recipients:
        notify(
            recipient=recipient,
            kind="contract.cancelled",
            params={"gig": contract.gig.title, "reason": reason[:300]},
            url=contract.get_absolute_url(),
            dedupe_key=f"contract.cancelled:{contract.pk}" + (f":{recipient.pk}" if key_per_recipient else ""),
        )


def contract_can_withdraw(*, contract: Contract, user) -> bool:
    """May the creative withdraw now (``contract_actions`` offers "withdraw")?"""
    return "withdraw" in contract_actions(contract, user)


@transaction.atomic
def contract_withdraw(*, contract: Contract, user, reason: str) -> Contract:
    """The contracted creative leaves an active contract before any delivery, with a reason.
    The contract ends ``withdrawn`` (terminal), the accepted bid is withdrawn with it, the gig
    goes back to ``open`` for new bids, and the owner is told why."""
    if not user.is_authenticated or contract.creative.user_id != user.pk:
        raise PermissionDenied(
            _("Only the contracted creative can withdraw from the contract."), code=Code.NOT_CONTRACTED_CREATIVE
        )
    reason = _required_reason(reason)
    # the gig first, then the contract: the order bid_accept locks them in
    Gig.objects.select_for_update(of=("self",)).filter(pk=contract.gig_id).first()
    current = _locked_contract(contract.pk)
    if current.status == ContractStatus.WITHDRAWN:
        return current  # withdrawn already
    _require_action(
        "withdraw",
        contract_actions(current, user),
        lambda: Conflict(
            _(
                "You can withdraw only from a contract in progress before the first delivery. "
                "Otherwise ask MJC to settle it (open a dispute)."
            ),
            code=Code.NOT_WITHDRAWABLE,
            extra={"status": current.status},
        ),
    )
    moved = _move_contract(
        contract, to=ContractStatus.WITHDRAWN, user=user, note=reason, fields={"cancel_reason": reason[:4000]}
    )
    transition(
        Bid,
        current.bid_id,
        to=BidStatus.WITHDRAWN,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=user,
        note=reason,
        code_prefix="bid",
    )
    _count_bids(current.gig_id, -1)
    # issue 12: a gig made from a package order has no bids to reopen for: it ends instead
    from_package = Gig.objects.filter(pk=current.gig_id, source=GigSource.PACKAGE).exists()
    _move_gig(current.gig_id, to=GigStatus.CANCELLED if from_package else GigStatus.OPEN, user=user, note=reason)
    summary_changed(FIGURES)
    obj = moved.obj
    notify(
        recipient=obj.owner,
        kind="contract.withdrawn",
        params={"gig": obj.gig.title, "by": user.full_name or user.email, "reason": reason[:300]},
        url=obj.gig.get_absolute_url(),
        dedupe_key=f"contract.withdrawn:{obj.pk}",
    )
    return obj


DISPUTABLE = DISPUTABLE_CONTRACT_STATUSES  # the old name, kept importable


def _admin_contract_url(contract: Contract) -> str:
    return reverse("admin:gigs_contract_change", args=[contract.pk])


@transaction.atomic
def contract_dispute(*, contract: Contract, user, reason: str) -> Contract:
    """Either party stops the contract and asks MJC to settle it (work in progress, delivered,
    or in revision). The other party and every MJC admin are told; admins settle it in the admin."""
    if not contract.is_party(user):
        raise PermissionDenied(_("Only the two parties of this contract can open a dispute."), code=Code.NOT_PARTY)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(
            _("reason: Please say what went wrong."),
            code=Code.REASON_REQUIRED,
            extra={"fields": {"reason": [str(_("Please say what went wrong."))]}},
        )
    current = _locked_contract(contract.pk)
    _require_action(
        "dispute",
        contract_actions(current, user),
        lambda: (
            Conflict(
                _("A dispute is already open for this contract; an MJC admin will settle it."),
                code=Code.ALREADY_DISPUTED,
            )
            if current.status == ContractStatus.DISPUTED
            else _illegal_contract_move(current.status, ContractStatus.DISPUTED)
        ),
    )
    moved = _move_contract(
        contract,
        to=ContractStatus.DISPUTED,
        user=user,
        note=reason,
        fields={
            "dispute_reason": reason[:4000],
            "disputed_by": user,
            "disputed_at": timezone.now(),
            "dispute_resolution": "",
        },
    )
    obj = moved.obj
    other = obj.creative.user if user.pk == obj.owner_id else obj.owner
    params = {"gig": obj.gig.title, "by": user.full_name or user.email, "reason": reason[:300]}
    stamp = int(obj.disputed_at.timestamp())
    notify(
        recipient=other,
        kind="contract.disputed",
        params=params,
        url=obj.get_absolute_url(),
        dedupe_key=f"contract.disputed:{obj.pk}:{stamp}",
    )
    from django.contrib.auth import get_user_model

    for admin in (
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(pk__in=(obj.owner_id, obj.creative.user_id))
    ):
        notify(
            recipient=admin,
            kind="contract.disputed",
            params=params,
            url=_admin_contract_url(obj),
            dedupe_key=f"contract.disputed:{obj.pk}:{stamp}:admin",
        )
    return obj


class DisputeOutcome:
    COMPLETE = "complete"
    CANCEL = "cancel"


@transaction.atomic
def contract_dispute_settle(*, contract: Contract, admin, outcome: str, note: str = "") -> Contract:
    """An MJC admin settles a dispute: complete the contract for the creative (the work counts,
    reviews open) or cancel it. Both parties are told."""
    if not getattr(admin, "is_superuser", False):
        raise PermissionDenied(_("Only MJC admins settle disputes."), code=Code.NOT_ADMIN)
    if outcome not in (DisputeOutcome.COMPLETE, DisputeOutcome.CANCEL):
        raise _invalid("outcome", _("Choose to complete or to cancel the contract."))
    current = _locked_contract(contract.pk)
    _require_action(
        "settle",
        contract_actions(current, admin),
        Conflict(_("This contract has no open dispute."), code=Code.NOT_DISPUTED),
    )
    note = (note or "").strip()
    summary_changed(FIGURES)  # the contract ends completed or cancelled
    if outcome == DisputeOutcome.COMPLETE:
        resolution = note or str(_("Settled by MJC: completed for the creative."))
        moved = _move_contract(
            contract,
            to=ContractStatus.COMPLETED,
            user=admin,
            note=resolution,
            fields={"completed_at": timezone.now(), "dispute_resolution": resolution},
        )
        _move_gig(moved.obj.gig_id, to=GigStatus.COMPLETED, user=admin, note=resolution)
        creative_stats_refresh(profile=moved.obj.creative)
        for recipient in (moved.obj.creative.user, moved.obj.owner):
            notify(
                recipient=recipient,
                kind="contract.completed",
                params={"gig": moved.obj.gig.title},
                url=contract.get_absolute_url(),
                dedupe_key=f"contract.completed:{contract.pk}:{recipient.pk}",
            )
    else:
        resolution = note or str(_("Settled by MJC: cancelled."))
        moved = _move_contract(
            contract,
            to=ContractStatus.CANCELLED,
            user=admin,
            note=resolution,
            fields={"cancel_reason": resolution, "dispute_resolution": resolution},
        )
        _move_gig(moved.obj.gig_id, to=GigStatus.CANCELLED, user=admin, note=resolution)
        _tell_cancelled(moved.obj, (moved.obj.creative.user, moved.obj.owner), resolution, key_per_recipient=True)
    return moved.obj
