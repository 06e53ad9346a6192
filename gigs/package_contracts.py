"""A contract born from a package order (issue 12), made exactly like a bid-born one.

``packages`` sits above ``gigs`` and calls this when a creative accepts an order; ``gigs``
never imports ``packages``, so everything comes in as plain values. In one transaction
(the caller's): a gig for the order (``source = package``; created open only inside this
transaction and moved on to ``in_progress`` before it commits, so no list ever shows it),
the creative's bid with the agreed amount and days, and the contract through
``bid_accept`` — the same code path and summaries as every contract, without its "your bid
was accepted" (the creative accepted the order themselves; packages tells the owner) — then
the tier's revisions. The order's brief files become the gig's attachments (the stored file
is shared: neither side ever deletes it once a contract exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from gigs.models import Bid, Contract, Conversation, Gig, GigAttachment
from gigs.statuses import GigSource, GigStatus, WorkMode
from mjc.core.formatting import single_line
from mjc.core.transitions import record_creation


@dataclass
class BriefFile:
    name: str  # the stored file's name (private storage)
    original_name: str
    size: int


@transaction.atomic
def contract_from_package(
    *,
    owner,
    business,
    creative,
    category,
    title: str,
    brief: str,
    amount: int,
    due_days: int,
    revisions: int,
    proposal: str = "",
    files: list[BriefFile] | tuple = (),
) -> Contract:
    from gigs import services

    due_days = max(int(due_days), 1)
    gig = Gig.objects.create(
        business=business,
        title=single_line(title)[:140],
        description=(brief or "").strip() or single_line(title),
        category=category,
        budget_min=int(amount),
        budget_max=int(amount),
        deadline=timezone.localdate() + timedelta(days=due_days),
        kabupaten=business.kabupaten,
        work_mode=WorkMode.REMOTE,
        status=GigStatus.OPEN,
        source=GigSource.PACKAGE,
        created_by=owner,
        published_at=timezone.now(),
    )
    record_creation(gig, actor=owner, note="package order")
    for item in files:
        GigAttachment.objects.create(
            gig=gig, file=item.name, original_name=item.original_name, size=item.size, uploaded_by=owner
        )
    bid = Bid.objects.create(
        gig=gig,
        creative=creative,
        amount=int(amount),
        delivery_days=due_days,
        proposal=(proposal or "").strip() or single_line(title),
    )
    Gig.objects.filter(pk=gig.pk).update(bid_count=1)
    Conversation.objects.create(bid=bid)
    record_creation(bid, actor=creative.user)
    contract = services.bid_accept(bid=bid, user=owner, tell_creative=False)
    Contract.objects.filter(pk=contract.pk).update(revisions_allowed=int(revisions))
    contract.revisions_allowed = int(revisions)
    return contract
