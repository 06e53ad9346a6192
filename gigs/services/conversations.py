"""Messages between a gig's owner and a bidder (one conversation per bid)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Contract,
    Conversation,
    Message,
)
from mjc.core.errors import PermissionDenied, ValidationFailed
from mjc.notifications.services import notify


@transaction.atomic
def message_send(*, conversation: Conversation, user, body: str) -> Message:
    bid = conversation.bid
    owner = bid.gig.business.owner
    bidder = bid.creative.user
    if not user.is_authenticated or user.pk not in (owner.pk, bidder.pk):
        raise PermissionDenied(_("Only the owner and this bidder can write here."), code=Code.NOT_PARTY)
    body = (body or "").strip()
    if not body:
        raise ValidationFailed(
            _("body: Please write a message."),
            code=Code.EMPTY_MESSAGE,
            extra={"fields": {"body": [str(_("Please write a message."))]}},
        )
    message = Message.objects.create(conversation=conversation, sender=user, body=body[:5000])
    recipient = bidder if user.pk == owner.pk else owner
    contract = Contract.objects.filter(bid=bid).first()
    notify(
        recipient=recipient,
        kind="message.new",
        params={"gig": bid.gig.title, "sender": user.full_name, "excerpt": body[:120]},
        url=contract.get_absolute_url() if contract else reverse("gigs:conversation", args=[conversation.pk]),
        dedupe_key=f"message.new:{message.pk}",
    )
    return message
