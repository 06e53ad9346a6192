"""Reviews of a completed contract (double-blind; the recount is ``housekeeping``'s)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Contract,
    Review,
)
from gigs.selectors import contract_actions
from gigs.services._shared import _invalid, _require_action
from gigs.services.housekeeping import creative_stats_refresh
from gigs.statuses import (
    ContractStatus,
)
from mjc.core.errors import Conflict, PermissionDenied
from mjc.notifications.services import notify


def _review_exists() -> Conflict:
    return Conflict(_("You have already reviewed this contract."), code=Code.REVIEW_EXISTS)


@transaction.atomic
def review_create(*, contract: Contract, user, rating: int, comment: str = "") -> Review:
    """Each party reviews the other once, after completion (double-blind, see Review)."""
    if not contract.is_party(user):
        raise PermissionDenied(_("Only the two parties of this contract can review it."), code=Code.NOT_PARTY)
    contract = (
        Contract.objects.select_related("gig", "owner", "creative__user")
        .prefetch_related("reviews")
        .get(pk=contract.pk)
    )
    _require_action(
        "review",
        contract_actions(contract, user),
        lambda: (
            Conflict(_("You can review once the contract is completed."), code=Code.NOT_COMPLETED)
            if contract.status != ContractStatus.COMPLETED
            else _review_exists()
        ),
    )
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise _invalid("rating", _("Give a rating from 1 to 5."))
    subject = contract.creative.user if user.pk == contract.owner_id else contract.owner
    try:
        with transaction.atomic():
            review = Review.objects.create(
                contract=contract, author=user, subject=subject, rating=rating, comment=(comment or "").strip()
            )
    except IntegrityError as exc:  # the database's last word when two reviews race
        raise _review_exists() from exc
    creative_stats_refresh(profile=contract.creative)  # the second review may unblind the first
    notify(
        recipient=subject,
        kind="review.received",
        params={"gig": contract.gig.title},
        url=contract.get_absolute_url(),
        dedupe_key=f"review.received:{review.pk}",
    )
    return review
