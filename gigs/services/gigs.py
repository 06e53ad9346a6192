"""Briefs and gigs: compose, create, edit, publish, cancel (also for moderation) and invite."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Bid,
    Gig,
    GigInvitation,
    GigTemplate,
    gig_for_you_key,
)
from gigs.selectors import GIG_WORDS, gig_actions
from gigs.services._shared import (
    _check_budget,
    _check_deadline,
    _check_uploads,
    _illegal_gig_move,
    _invalid,
    _move_gig,
    _require_action,
    _require_gig_owner,
)
from gigs.services.attachments import _attach
from gigs.services.pictures import PICTURE_FIELDS, apply_picture, delete_after_commit
from gigs.statuses import (
    BID_TRANSITIONS,
    LIVE_BID_STATUSES,
    RUNNING_CONTRACT_STATUSES,
    BidStatus,
    GigStatus,
    WorkMode,
)
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.formatting import single_line
from mjc.core.jobs import enqueue
from mjc.core.search import add_words
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import record_creation, transition
from mjc.notifications.services import notify


def compose_brief(*, template: GigTemplate | None, answers: dict | None, extra: str = "") -> str:
    """The plain-language brief made from a template's answers (the owner can edit it after)."""
    lines = []
    if template is not None:
        for question in template.question_list():
            value = (answers or {}).get(question["key"])
            # a choice is kept as its value; the brief reads it in the writer's language
            if isinstance(value, list | tuple):
                value = ", ".join(
                    template.answer_label(question, template.choice_value(question, item))
                    for item in value
                    if str(item).strip()
                )
            elif question["kind"] in {"choice", "checklist"} and value:
                value = template.answer_label(question, template.choice_value(question, value))
            value = str(value or "").strip()
            if value:
                text = question["text"].rstrip(":")
                lines.append(f"{text} {value}" if text.endswith("?") else f"{text}: {value}")
    extra = (extra or "").strip()
    if extra:
        if lines:
            lines.append("")
        lines.append(extra)
    return "\n".join(lines)


@transaction.atomic
def gig_create(
    *,
    user,
    title: str,
    category,
    budget_min: int,
    budget_max: int,
    deadline: date,
    description: str = "",
    business=None,
    kabupaten=None,
    work_mode: str = WorkMode.REMOTE,
    template: GigTemplate | None = None,
    answers: dict | None = None,
    attachments=(),
    picture_product=None,
    picture=None,
) -> Gig:
    """A new gig, in ``draft``: the owner publishes it when the brief is ready. Its picture is
    an uploaded photo (``picture``) or one of the business's products (``picture_product``)."""
    if business is None:
        business = user.businesses.order_by("id").first() if user.is_authenticated else None
        if business is None:
            raise ValidationFailed(
                _("business: Register your business first, then post a gig."),
                code=Code.NO_BUSINESS,
                extra={"fields": {"business": [str(_("Register your business first, then post a gig."))]}},
            )
    elif business.owner_id != user.pk:
        raise PermissionDenied(_("You can only post gigs for your own business."), code=Code.NOT_OWNER)
    title = single_line(title)  # it becomes e-mail subjects: one line, no control characters
    if not title:
        raise _invalid("title", _("Please give the gig a title."))
    if category is None:
        raise _invalid("category", _("Please choose a category."))
    if template is not None or answers:
        description = compose_brief(template=template, answers=answers, extra=description)
    if not (description or "").strip():
        raise _invalid("description", _("Please describe the gig."))
    _check_budget(budget_min, budget_max)
    _check_deadline(deadline)
    if work_mode not in WorkMode.values:
        raise _invalid("work_mode", _("Choose remote, on site or hybrid."))
    uploads = _check_uploads(attachments, required=False)

    gig = Gig(
        business=business,
        title=title,
        description=description.strip(),
        category=category,
        budget_min=int(budget_min),
        budget_max=int(budget_max),
        deadline=deadline,
        kabupaten=kabupaten or business.kabupaten,
        work_mode=work_mode,
        created_by=user,
    )
    apply_picture(gig=gig, product=picture_product, upload=picture)
    gig.save()
    record_creation(gig, actor=user)
    for upload in uploads:
        _attach(gig=gig, user=user, upload=upload)
    return gig


EDITABLE_GIG_FIELDS = (
    "title",
    "description",
    "category",
    "budget_min",
    "budget_max",
    "deadline",
    "kabupaten",
    "work_mode",
    "picture_product",  # one of the business's products, or None: no picture
    "picture",  # an uploaded photo (cleaned like every image)
)


@transaction.atomic
def gig_update(*, gig: Gig, user, **changes) -> Gig:
    """Edit a draft or open gig (only the fields in EDITABLE_GIG_FIELDS)."""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    _require_action(
        "edit",
        gig_actions(gig, user),
        lambda: Conflict(
            _("This gig can no longer be edited (it is “%(status)s”).") % {"status": gig.get_status_display()},
            code=Code.NOT_EDITABLE,
        ),
    )
    unknown = set(changes) - set(EDITABLE_GIG_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field cannot be changed."))
    picture_given = "picture_product" in changes or changes.get("picture") is not None
    product, upload = changes.pop("picture_product", None), changes.pop("picture", None)
    for name, value in changes.items():
        if name in ("title", "description"):
            value = single_line(value) if name == "title" else (value or "").strip()
            if not value:
                raise _invalid(name, _("This field is required."))
        if name == "work_mode" and value not in WorkMode.values:
            raise _invalid("work_mode", _("Choose remote, on site or hybrid."))
        setattr(gig, name, value)
    _check_budget(gig.budget_min, gig.budget_max)
    if "deadline" in changes:
        _check_deadline(gig.deadline)
    # last, once all else is valid: an upload wins; a product replaces what was there; a
    # ``picture_product`` of None takes the picture off (the category illustration shows)
    if picture_given and (
        upload is not None
        or (product.pk != gig.picture_product_id if product is not None else bool(gig.picture_list or gig.picture))
    ):
        delete_after_commit(gig, apply_picture(gig=gig, product=product, upload=upload))
        changes.update({name: getattr(gig, name) for name in PICTURE_FIELDS})
    gig.save(update_fields=[*changes, "updated_at"])
    if gig.status == GigStatus.OPEN and {"title", "description"} & set(changes):
        add_words(GIG_WORDS, gig.title, gig.description)
    return gig


@transaction.atomic
def gig_publish(*, gig: Gig, user) -> Gig:
    """draft → open; the matching job scores creatives after commit."""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status == GigStatus.OPEN:
        return gig  # published already (a second click): nothing more to do
    # only a draft is published: an in-progress gig is not reopened this way (the graph's
    # in_progress → open is the creative's withdrawal from the contract)
    _require_action("publish", gig_actions(gig, user), lambda: _illegal_gig_move(gig.status, GigStatus.OPEN))
    _check_deadline(gig.deadline)
    moved = _move_gig(gig.pk, to=GigStatus.OPEN, user=user, fields={"published_at": timezone.now()})
    if moved.changed:
        enqueue("gigs.match_gig", gig.pk)
        summary_changed(FIGURES)  # open gigs, gigs and UMKM served per region
        add_words(GIG_WORDS, gig.title, gig.description)  # a typo of a new word finds it at once
    return moved.obj


def _move_bid(bid: Bid, *, gig: Gig, to: str, actor, kind: str, note: str = "", params=None, dedupe: str = ""):
    """Move one bid (turned down, shortlisted) and tell its bidder once (``kind``; ``dedupe`` names the
    move when several kinds tell of it)."""
    moved = transition(
        Bid,
        bid.pk,
        to=to,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=actor,
        note=note,
        code_prefix="bid",
    )
    if moved.changed:
        notify(
            recipient=bid.creative.user,
            kind=kind,
            params=params or {"gig": gig.title},
            url=gig.get_absolute_url(),
            dedupe_key=f"{dedupe or kind}:{bid.pk}",
        )
    return moved


def _reject_live_bids(*, gig: Gig, user, exclude_pk=None, note: str = "", cancelled: bool = False) -> None:
    """Turn down the gig's live bids and tell each bidder: another offer was chosen, or (``cancelled``)
    the job was cancelled, with the reason ``note`` that the cancel form promises they read."""
    # in one order (pk), so two services turning down bids of one gig never deadlock
    bids = gig.bids.filter(status__in=LIVE_BID_STATUSES).select_related("creative__user").order_by("pk")
    if exclude_pk:
        bids = bids.exclude(pk=exclude_pk)
    for bid in bids:
        if cancelled:
            kind = "bid.gig_cancelled" if note.strip() else "bid.gig_closed"
            params = {"gig": gig.title, "reason": note.strip()}
        else:
            kind, params = "bid.rejected", None
        _move_bid(
            bid, gig=gig, to=BidStatus.REJECTED, actor=user, kind=kind, note=note, params=params, dedupe="bid.rejected"
        )


@transaction.atomic
def gig_cancel(*, gig: Gig, user, reason: str = "") -> Gig:
    """Withdraw a draft or open gig; its live bids are turned down and their bidders told.
    (A gig in progress is cancelled by cancelling its contract.)"""
    _require_gig_owner(gig, user)
    refusal = Conflict(
        _("This gig has a contract: cancel the contract instead."),
        code=Code.GIG_ILLEGAL_TRANSITION,
        extra={"from": GigStatus.IN_PROGRESS, "to": GigStatus.CANCELLED},
    )
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status == GigStatus.CANCELLED:
        return gig  # cancelled already (a second click): nothing more to do
    _require_action(
        "cancel",
        gig_actions(gig, user),
        lambda: refusal if gig.status == GigStatus.IN_PROGRESS else _illegal_gig_move(gig.status, GigStatus.CANCELLED),
    )
    return _gig_cancel(gig=gig, actor=user, reason=reason, refusal=refusal)


def _gig_cancel(*, gig: Gig, actor, reason: str, refusal: Conflict) -> Gig:
    """The one guarded cancel of a gig, for its owner and for moderation: a gig whose contract
    is still running is refused with ``refusal`` (the contract must end through its own service
    first), so a gig and its contract can never disagree. Moderation acts for no owner, so it
    has no ``gig_actions`` to ask: this state guard is its own (the owner's ``gig_cancel`` asks
    ``gig_actions`` first)."""
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status == GigStatus.IN_PROGRESS or gig.contracts.filter(status__in=RUNNING_CONTRACT_STATUSES).exists():
        raise refusal
    moved = _move_gig(gig.pk, to=GigStatus.CANCELLED, user=actor, note=reason)
    if moved.changed:
        _reject_live_bids(gig=moved.obj, user=actor, note=reason, cancelled=True)
        summary_changed(FIGURES)
    return moved.obj


@transaction.atomic
def invitation_create(*, gig: Gig, creative, user) -> GigInvitation:
    """The owner invites a creative (e.g. a recommended one) to bid on an open gig."""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_related("business").get(pk=gig.pk)
    _require_action(
        "invite",
        gig_actions(gig, user),
        Conflict(_("Invitations can only be sent for open gigs."), code=Code.NOT_OPEN),
    )
    if creative.user_id == user.pk:
        raise PermissionDenied(_("You cannot invite yourself."), code=Code.OWN_GIG)
    try:
        with transaction.atomic():
            invitation = GigInvitation.objects.create(gig=gig, creative=creative, invited_by=user)
    except IntegrityError as exc:
        raise Conflict(_("This creative has already been invited."), code=Code.ALREADY_INVITED) from exc
    notify(
        recipient=creative.user,
        kind="gig.invitation",
        params={"gig": gig.title, "owner": gig.business.name},
        url=gig.get_absolute_url(),
        # one notification per creative and gig: an unread "gig for you" becomes the invitation
        dedupe_key=gig_for_you_key(gig.pk, creative.pk),
        replaces=("gig.match",),
    )
    return invitation
