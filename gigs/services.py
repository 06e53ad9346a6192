"""Every write of the marketplace (SPEC sections 3 and 4): views, API views, admin actions
and tasks parse input and call one of these.

Each service is keyword-only, atomic, checks who may act (403) and what state allows it
(409 with a code), moves statuses only through ``mjc.core.transitions.transition`` and
notifies inside the transaction (the in-app row commits with the change).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Bid,
    Contract,
    Conversation,
    Delivery,
    DeliveryFile,
    Gig,
    GigAttachment,
    GigInvitation,
    GigTemplate,
    Message,
    Report,
    Review,
)
from gigs.selectors import PRICE_GUIDANCE
from gigs.statuses import (
    BID_TRANSITIONS,
    CONTRACT_TRANSITIONS,
    GIG_TRANSITIONS,
    LIVE_BID_STATUSES,
    REPORT_TRANSITIONS,
    BidStatus,
    ContractStatus,
    GigSource,
    GigStatus,
    ReportAction,
    ReportStatus,
    WorkMode,
    contract_may_withdraw,
)
from mjc.accounts.services import user_deactivate
from mjc.categories.pricing import check_price_floor
from mjc.core import files
from mjc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from mjc.core.formatting import rupiah, single_line
from mjc.core.jobs import enqueue
from mjc.core.summaries import FIGURES, summary_changed
from mjc.core.transitions import record_creation, transition
from mjc.notifications.services import notify

MAX_ATTACHMENTS_PER_GIG = 10
MAX_RUPIAH = 10**12  # budgets and bid amounts (the columns hold bigints; no gig is worth a trillion)
MAX_DELIVERY_DAYS = 365
MAX_FILES_PER_UPLOAD = 10
ATTACHMENT_DIR = "private/briefs"
DELIVERY_DIR = "private/deliveries"


# --- helpers --------------------------------------------------------------------------


def _invalid(field: str, message) -> ValidationFailed:
    return ValidationFailed(
        _("%(field)s: %(message)s") % {"field": field, "message": message},
        code="invalid",
        extra={"fields": {field: [str(message)]}},
    )


def _require_gig_owner(gig: Gig, user) -> None:
    if not user.is_authenticated or gig.business.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this gig can do this."), code=Code.NOT_OWNER)


def _creative_profile(user):
    profile = getattr(user, "creative_profile", None) if user.is_authenticated else None
    if profile is None:
        raise PermissionDenied(_("Only creatives with a profile can do this."), code=Code.NOT_CREATIVE)
    return profile


def _gig_url(gig: Gig) -> str:
    return reverse("gigs:detail", args=[gig.pk])


def _contract_url(contract: Contract) -> str:
    return reverse("gigs:contract", args=[contract.pk])


def _check_at_most(field: str, value, limit: int) -> None:
    """Numbers beyond what a column holds are a 400 in the user's language (Django's own words), not a 500."""
    try:
        MaxValueValidator(limit)(int(value))
    except DjangoValidationError as exc:
        raise _invalid(field, exc.messages[0])


def _check_budget(budget_min, budget_max) -> None:
    if budget_min is None or int(budget_min) <= 0:
        raise _invalid("budget_min", _("The budget must be more than Rp 0."))
    if budget_max is None or int(budget_max) < int(budget_min):
        raise _invalid("budget_max", _("The maximum budget cannot be lower than the minimum."))
    _check_at_most("budget_max", budget_max, MAX_RUPIAH)


def _check_deadline(deadline: date | None) -> None:
    if deadline is None:
        raise _invalid("deadline", _("Please choose a deadline."))
    if deadline < timezone.localdate():
        raise _invalid("deadline", _("The deadline cannot be in the past."))


def _store_private(upload: UploadedFile, field, prefix: str) -> tuple[str, int]:
    """Validate a document and store it under a server-generated private name."""
    files.clean_document(upload)
    name = files.server_name(prefix, files.document_extension(upload))
    field.save(name, upload, save=False)
    return files.display_name(upload), upload.size or 0


def _check_uploads(uploads, *, required: bool) -> list:
    uploads = [upload for upload in (uploads or []) if upload]
    if any(not hasattr(upload, "read") for upload in uploads):
        raise _invalid("files", _("Send files as multipart uploads."))
    if required and not uploads:
        raise ValidationFailed(
            _("files: Please attach at least one file."),
            code=Code.FILES_REQUIRED,
            extra={"fields": {"files": [str(_("Please attach at least one file."))]}},
        )
    if len(uploads) > MAX_FILES_PER_UPLOAD:
        raise ValidationFailed(
            _("files: At most %(count)s files at once.") % {"count": MAX_FILES_PER_UPLOAD},
            code=Code.TOO_MANY_FILES,
            extra={"fields": {"files": [str(_("Too many files."))]}},
        )
    for upload in uploads:  # refuse the whole upload before anything is stored
        files.clean_document(upload)
    return uploads


# --- briefs and gigs --------------------------------------------------------------------


def compose_brief(*, template: GigTemplate | None, answers: dict | None, extra: str = "") -> str:
    """The plain-language brief made from a template's answers (the owner can edit it after)."""
    lines = []
    if template is not None:
        for question in template.question_list():
            value = (answers or {}).get(question["key"])
            if isinstance(value, list | tuple):
                value = ", ".join(str(item) for item in value if str(item).strip())
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
) -> Gig:
    """A new gig, in ``draft``: the owner publishes it when the brief is ready."""
    if business is None:
        business = user.businesses.order_by("id").first() if user.is_authenticated else None
        if business is None:
            raise ValidationFailed(
                _("business: Register your business first, then post a job."),
                code=Code.NO_BUSINESS,
                extra={"fields": {"business": [str(_("Register your business first, then post a job."))]}},
            )
    elif business.owner_id != user.pk:
        raise PermissionDenied(_("You can only post jobs for your own business."), code=Code.NOT_OWNER)
    title = single_line(title)  # it becomes e-mail subjects: one line, no control characters
    if not title:
        raise _invalid("title", _("Please give the job a title."))
    if category is None:
        raise _invalid("category", _("Please choose a category."))
    if template is not None or answers:
        description = compose_brief(template=template, answers=answers, extra=description)
    if not (description or "").strip():
        raise _invalid("description", _("Please describe the job."))
    _check_budget(budget_min, budget_max)
    _check_deadline(deadline)
    if work_mode not in WorkMode.values:
        raise _invalid("work_mode", _("Choose remote, on site or hybrid."))
    uploads = _check_uploads(attachments, required=False)

    gig = Gig.objects.create(
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
    record_creation(gig, actor=user)
    for upload in uploads:
        _attach(gig=gig, user=user, upload=upload)
    return gig


def _attach(*, gig: Gig, user, upload) -> GigAttachment:
    attachment = GigAttachment(gig=gig, uploaded_by=user)
    attachment.original_name, attachment.size = _store_private(upload, attachment.file, ATTACHMENT_DIR)
    attachment.save()
    return attachment


@transaction.atomic
def gig_attachment_add(*, gig: Gig, user, upload) -> GigAttachment:
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status not in (GigStatus.DRAFT, GigStatus.OPEN):
        raise Conflict(_("Attachments can only be added while the gig is a draft or open."), code=Code.NOT_EDITABLE)
    _check_uploads([upload], required=True)
    if gig.attachments.count() >= MAX_ATTACHMENTS_PER_GIG:
        raise ValidationFailed(
            _("files: A brief can have at most %(count)s attachments; remove one first.")
            % {"count": MAX_ATTACHMENTS_PER_GIG},
            code=Code.TOO_MANY_FILES,
            extra={"fields": {"files": [str(_("Too many files."))]}},
        )
    return _attach(gig=gig, user=user, upload=upload)


@transaction.atomic
def gig_attachment_remove(*, attachment: GigAttachment, user) -> None:
    """The owner removes a brief attachment while the gig is a draft or open (row and stored file)."""
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=attachment.gig_id)
    _require_gig_owner(gig, user)
    if gig.status not in (GigStatus.DRAFT, GigStatus.OPEN):
        raise Conflict(_("Attachments can only be removed while the gig is a draft or open."), code=Code.NOT_EDITABLE)
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored) if stored else None)


def can_read_brief_files(*, gig: Gig, user) -> bool:
    """Brief attachments are private: see ``gigs.selectors.may_read_brief_files`` (the one rule)."""
    from gigs.selectors import may_read_brief_files

    return may_read_brief_files(gig=gig, user=user)


EDITABLE_GIG_FIELDS = (
    "title",
    "description",
    "category",
    "budget_min",
    "budget_max",
    "deadline",
    "kabupaten",
    "work_mode",
)


@transaction.atomic
def gig_update(*, gig: Gig, user, **changes) -> Gig:
    """Edit a draft or open gig (only the fields in EDITABLE_GIG_FIELDS)."""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status not in (GigStatus.DRAFT, GigStatus.OPEN):
        raise Conflict(
            _("This gig can no longer be edited (it is “%(status)s”).") % {"status": gig.get_status_display()},
            code=Code.NOT_EDITABLE,
        )
    unknown = set(changes) - set(EDITABLE_GIG_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field cannot be changed."))
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
    gig.save(update_fields=[*changes, "updated_at"])
    return gig


@transaction.atomic
def gig_publish(*, gig: Gig, user) -> Gig:
    """draft → open; the matching job scores creatives after commit."""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status == GigStatus.OPEN:
        return gig  # published already
    if gig.status == GigStatus.DRAFT:
        _check_deadline(gig.deadline)
    moved = transition(
        Gig,
        gig.pk,
        to=GigStatus.OPEN,
        transitions=GIG_TRANSITIONS,
        choices=GigStatus,
        actor=user,
        fields={"published_at": timezone.now()},
        code_prefix="gig",
    )
    if moved.changed:
        enqueue("gigs.match_gig", gig.pk)
        summary_changed(FIGURES)  # open gigs, gigs and UMKM served per region
    return moved.obj


def _reject_live_bids(*, gig: Gig, user, exclude_pk=None, note: str = "") -> None:
    # in one order (pk), so two services turning down bids of one gig never deadlock
    bids = gig.bids.filter(status__in=LIVE_BID_STATUSES).select_related("creative__user").order_by("pk")
    if exclude_pk:
        bids = bids.exclude(pk=exclude_pk)
    for bid in bids:
        moved = transition(
            Bid,
            bid.pk,
            to=BidStatus.REJECTED,
            transitions=BID_TRANSITIONS,
            choices=BidStatus,
            actor=user,
            note=note,
            code_prefix="bid",
        )
        if moved.changed:
            notify(
                recipient=bid.creative.user,
                kind="bid.rejected",
                params={"gig": gig.title},
                url=_gig_url(gig),
                dedupe_key=f"bid.rejected:{bid.pk}",
            )


@transaction.atomic
def gig_cancel(*, gig: Gig, user, reason: str = "") -> Gig:
    """Withdraw a draft or open gig; its live bids are turned down and their bidders told.
    (A gig in progress is cancelled by cancelling its contract.)"""
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    if gig.status == GigStatus.IN_PROGRESS:
        raise Conflict(
            _("This gig has a contract: cancel the contract instead."),
            code="gig_illegal_transition",
            extra={"from": gig.status, "to": GigStatus.CANCELLED},
        )
    moved = transition(
        Gig,
        gig.pk,
        to=GigStatus.CANCELLED,
        transitions=GIG_TRANSITIONS,
        choices=GigStatus,
        actor=user,
        note=reason,
        code_prefix="gig",
    )
    if moved.changed:
        _reject_live_bids(gig=moved.obj, user=user, note=reason)
        summary_changed(FIGURES)
    return moved.obj


@transaction.atomic
def invitation_create(*, gig: Gig, creative, user) -> GigInvitation:
    """The owner invites a creative (e.g. a recommended one) to bid on an open gig."""
    _require_gig_owner(gig, user)
    if Gig.objects.filter(pk=gig.pk).values_list("status", flat=True).first() != GigStatus.OPEN:
        raise Conflict(_("Invitations can only be sent for open gigs."), code=Code.NOT_OPEN)
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
        url=_gig_url(gig),
        dedupe_key=f"gig.invitation:{gig.pk}:{creative.pk}",
    )
    return invitation


# --- bids -------------------------------------------------------------------------------


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
    if gig.status != GigStatus.OPEN:
        raise Conflict(_("This gig is not open for bids."), code=Code.NOT_OPEN, extra={"status": gig.status})
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
    except IntegrityError as exc:
        raise Conflict(_("You have already bid on this gig."), code=Code.BID_EXISTS) from exc
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
        url=_gig_url(gig),
        dedupe_key=f"bid.new:{bid.pk}",
    )
    return bid


def _require_bidder(bid: Bid, user) -> None:
    if not user.is_authenticated or bid.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the creative who made this bid can do this."), code=Code.NOT_BIDDER)


@transaction.atomic
def bid_update(*, bid: Bid, user, amount=None, delivery_days=None, proposal=None) -> Bid:
    _require_bidder(bid, user)
    bid = Bid.objects.select_for_update().get(pk=bid.pk)
    if bid.status != BidStatus.PENDING:
        raise Conflict(
            _("Only a pending bid can be changed."), code=Code.BID_NOT_EDITABLE, extra={"status": bid.status}
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
    if Bid.objects.filter(pk=bid.pk, status=BidStatus.ACCEPTED).exists():
        raise Conflict(
            _("This bid has a contract: withdraw from the contract instead."),
            code="bid_illegal_transition",
            extra={"from": BidStatus.ACCEPTED, "to": BidStatus.WITHDRAWN},
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
    if Gig.objects.filter(pk=bid.gig_id).values_list("status", flat=True).first() != GigStatus.OPEN:
        raise Conflict(_("This gig is not open any more."), code=Code.NOT_OPEN)
    moved = transition(
        Bid,
        bid.pk,
        to=BidStatus.SHORTLISTED,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=user,
        code_prefix="bid",
    )
    if moved.changed:
        notify(
            recipient=bid.creative.user,
            kind="bid.shortlisted",
            params={"gig": bid.gig.title},
            url=_gig_url(bid.gig),
            dedupe_key=f"bid.shortlisted:{bid.pk}",
        )
    return moved.obj


@transaction.atomic
def bid_reject(*, bid: Bid, user, note: str = "") -> Bid:
    _require_gig_owner(bid.gig, user)
    moved = transition(
        Bid,
        bid.pk,
        to=BidStatus.REJECTED,
        transitions=BID_TRANSITIONS,
        choices=BidStatus,
        actor=user,
        note=note,
        code_prefix="bid",
    )
    if moved.changed:
        notify(
            recipient=bid.creative.user,
            kind="bid.rejected",
            params={"gig": bid.gig.title},
            url=_gig_url(bid.gig),
            dedupe_key=f"bid.rejected:{bid.pk}",
        )
    return moved.obj


@transaction.atomic
def bid_accept(*, bid: Bid, user) -> Contract:
    """The owner chooses a bid: a contract is made, the gig goes in progress, every other
    live bid is turned down. The gig row is locked first, so two accepts of different bids
    of one gig run one after the other and the second finds the gig taken (409)."""
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
    if gig.status != GigStatus.OPEN:
        raise Conflict(_("This gig is not open any more."), code=Code.NOT_OPEN, extra={"status": gig.status})
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
    transition(
        Gig,
        gig.pk,
        to=GigStatus.IN_PROGRESS,
        transitions=GIG_TRANSITIONS,
        choices=GigStatus,
        actor=user,
        code_prefix="gig",
    )
    _reject_live_bids(gig=gig, user=user, exclude_pk=bid.pk)
    # a contract in the region's figures; an accepted amount in the category's price guidance
    summary_changed(FIGURES, PRICE_GUIDANCE)
    notify(
        recipient=bid.creative.user,
        kind="bid.accepted",
        params={"gig": gig.title, "amount": rupiah(bid.amount)},
        url=_contract_url(contract),
        dedupe_key=f"bid.accepted:{bid.pk}",
    )
    return contract


# --- contracts ----------------------------------------------------------------------------


def _require_contracted_creative(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the contracted creative can deliver."), code=Code.NOT_CONTRACTED_CREATIVE)


def _require_contract_owner(contract: Contract, user) -> None:
    if not user.is_authenticated or contract.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this gig can do this."), code=Code.NOT_OWNER)


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
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if current.status == ContractStatus.DELIVERED:
        raise Conflict(
            _("The work is already delivered; wait for the owner's answer."), code="contract_already_delivered"
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
        url=_contract_url(contract),
        dedupe_key=f"contract.delivered:{delivery.pk}",
    )
    return delivery


@transaction.atomic
def contract_request_revision(*, contract: Contract, user, note: str) -> Contract:
    _require_contract_owner(contract, user)
    note = (note or "").strip()
    if not note:
        raise _invalid("note", _("Please say what should change."))
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if current.status == ContractStatus.REVISION_REQUESTED:
        return _move_contract(contract, to=ContractStatus.REVISION_REQUESTED, user=user).obj  # asked already
    if current.status == ContractStatus.DELIVERED and current.revisions_used >= current.revisions_allowed:
        raise Conflict(
            _("All %(count)s revisions of this contract have been used.") % {"count": current.revisions_allowed},
            code=Code.REVISION_LIMIT,
            extra={"revisions_allowed": current.revisions_allowed},
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
        url=_contract_url(contract),
        dedupe_key=f"contract.revision_requested:{contract.pk}:{moved.obj.revisions_used}",
    )
    return moved.obj


def creative_stats_refresh(*, profile) -> None:
    """Recount a creative's completed contracts and visible-review rating (also safe to
    run from a scheduled job, e.g. when reviews become visible after 14 days)."""
    from creatives.models import CreativeProfile

    completed = Contract.objects.filter(creative=profile, status=ContractStatus.COMPLETED).count()
    ratings = (
        Review.objects.visible().filter(subject_id=profile.user_id).aggregate(avg=Avg("rating"), count=Count("id"))
    )
    avg = Decimal(str(ratings["avg"] or 0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    CreativeProfile.objects.filter(pk=profile.pk).update(
        completed_count=completed, rating_avg=avg, rating_count=ratings["count"], updated_at=timezone.now()
    )


@transaction.atomic
def contract_complete(*, contract: Contract, user) -> Contract:
    _require_contract_owner(contract, user)
    moved = _move_contract(contract, to=ContractStatus.COMPLETED, user=user, fields={"completed_at": timezone.now()})
    if moved.changed:
        transition(
            Gig,
            moved.obj.gig_id,
            to=GigStatus.COMPLETED,
            transitions=GIG_TRANSITIONS,
            choices=GigStatus,
            actor=user,
            code_prefix="gig",
        )
        creative_stats_refresh(profile=moved.obj.creative)
        summary_changed(FIGURES)
        notify(
            recipient=moved.obj.creative.user,
            kind="contract.completed",
            params={"gig": moved.obj.gig.title},
            url=_contract_url(contract),
            dedupe_key=f"contract.completed:{contract.pk}",
        )
    return moved.obj


@transaction.atomic
def contract_cancel(*, contract: Contract, user, reason: str) -> Contract:
    """The owner cancels a contract that is not finished (SPEC rule 5); a reason is required.
    The creative withdraws instead (``contract_withdraw``) or asks MJC to settle a dispute."""
    _require_contract_owner(contract, user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(
            _("reason: Please give a reason."),
            code=Code.REASON_REQUIRED,
            extra={"fields": {"reason": [str(_("Please give a reason."))]}},
        )
    if Contract.objects.filter(pk=contract.pk, status=ContractStatus.DISPUTED).exists():
        # the graph lets a dispute end in cancellation, but only an MJC admin settles it
        raise Conflict(
            _("A dispute is open for this contract; an MJC admin will settle it."), code=Code.ALREADY_DISPUTED
        )
    moved = _move_contract(
        contract, to=ContractStatus.CANCELLED, user=user, note=reason, fields={"cancel_reason": reason}
    )
    if moved.changed:
        transition(
            Gig,
            moved.obj.gig_id,
            to=GigStatus.CANCELLED,
            transitions=GIG_TRANSITIONS,
            choices=GigStatus,
            actor=user,
            note=reason,
            code_prefix="gig",
        )
        summary_changed(FIGURES)
        other = moved.obj.creative.user if user.pk == moved.obj.owner_id else moved.obj.owner
        notify(
            recipient=other,
            kind="contract.cancelled",
            params={"gig": moved.obj.gig.title, "reason": reason[:300]},
            url=_contract_url(contract),
            dedupe_key=f"contract.cancelled:{contract.pk}",
        )
    return moved.obj


def contract_can_withdraw(*, contract: Contract, user) -> bool:
    """What the contract page asks before it offers the creative "withdraw"."""
    return (
        user.is_authenticated
        and contract.creative.user_id == user.pk
        and contract_may_withdraw(contract, delivered=contract.deliveries.exists())
    )


@transaction.atomic
def contract_withdraw(*, contract: Contract, user, reason: str) -> Contract:
    """The contracted creative leaves an active contract before any delivery, with a reason.
    The contract ends ``withdrawn`` (terminal), the accepted bid is withdrawn with it, the gig
    goes back to ``open`` for new bids, and the owner is told why."""
    if not user.is_authenticated or contract.creative.user_id != user.pk:
        raise PermissionDenied(
            _("Only the contracted creative can withdraw from the contract."), code=Code.NOT_CONTRACTED_CREATIVE
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(
            _("reason: Please give a reason."),
            code=Code.REASON_REQUIRED,
            extra={"fields": {"reason": [str(_("Please give a reason."))]}},
        )
    # the gig first, then the contract: the order bid_accept locks them in
    Gig.objects.select_for_update(of=("self",)).filter(pk=contract.gig_id).first()
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if current.status == ContractStatus.WITHDRAWN:
        return current  # withdrawn already
    if not contract_may_withdraw(current, delivered=current.deliveries.exists()):
        raise Conflict(
            _(
                "You can withdraw only from a contract in progress before the first delivery. "
                "Otherwise ask MJC to settle it (open a dispute)."
            ),
            code=Code.NOT_WITHDRAWABLE,
            extra={"status": current.status},
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
    transition(
        Gig,
        current.gig_id,
        to=GigStatus.CANCELLED if from_package else GigStatus.OPEN,
        transitions=GIG_TRANSITIONS,
        choices=GigStatus,
        actor=user,
        note=reason,
        code_prefix="gig",
    )
    summary_changed(FIGURES)
    obj = moved.obj
    notify(
        recipient=obj.owner,
        kind="contract.withdrawn",
        params={"gig": obj.gig.title, "by": user.full_name or user.email, "reason": reason[:300]},
        url=_gig_url(obj.gig),
        dedupe_key=f"contract.withdrawn:{obj.pk}",
    )
    return obj


# --- disputes -------------------------------------------------------------------------------

DISPUTABLE = (ContractStatus.ACTIVE, ContractStatus.DELIVERED, ContractStatus.REVISION_REQUESTED)


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
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if current.status == ContractStatus.DISPUTED:
        raise Conflict(
            _("A dispute is already open for this contract; an MJC admin will settle it."),
            code=Code.ALREADY_DISPUTED,
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
        url=_contract_url(obj),
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
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if current.status != ContractStatus.DISPUTED:
        raise Conflict(_("This contract has no open dispute."), code=Code.NOT_DISPUTED)
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
        transition(
            Gig,
            moved.obj.gig_id,
            to=GigStatus.COMPLETED,
            transitions=GIG_TRANSITIONS,
            choices=GigStatus,
            actor=admin,
            note=resolution,
            code_prefix="gig",
        )
        creative_stats_refresh(profile=moved.obj.creative)
        for recipient in (moved.obj.creative.user, moved.obj.owner):
            notify(
                recipient=recipient,
                kind="contract.completed",
                params={"gig": moved.obj.gig.title},
                url=_contract_url(contract),
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
        transition(
            Gig,
            moved.obj.gig_id,
            to=GigStatus.CANCELLED,
            transitions=GIG_TRANSITIONS,
            choices=GigStatus,
            actor=admin,
            note=resolution,
            code_prefix="gig",
        )
        for recipient in (moved.obj.creative.user, moved.obj.owner):
            notify(
                recipient=recipient,
                kind="contract.cancelled",
                params={"gig": moved.obj.gig.title, "reason": resolution[:300]},
                url=_contract_url(contract),
                dedupe_key=f"contract.cancelled:{contract.pk}:{recipient.pk}",
            )
    return moved.obj


# --- reviews, messages, reports -------------------------------------------------------------


@transaction.atomic
def review_create(*, contract: Contract, user, rating: int, comment: str = "") -> Review:
    """Each party reviews the other once, after completion (double-blind, see Review)."""
    if not contract.is_party(user):
        raise PermissionDenied(_("Only the two parties of this contract can review it."), code=Code.NOT_PARTY)
    contract = Contract.objects.select_related("gig", "owner", "creative__user").get(pk=contract.pk)
    if contract.status != ContractStatus.COMPLETED:
        raise Conflict(_("You can review once the contract is completed."), code=Code.NOT_COMPLETED)
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
    except IntegrityError as exc:
        raise Conflict(_("You have already reviewed this contract."), code=Code.REVIEW_EXISTS) from exc
    creative_stats_refresh(profile=contract.creative)  # the second review may unblind the first
    notify(
        recipient=subject,
        kind="review.received",
        params={"gig": contract.gig.title},
        url=_contract_url(contract),
        dedupe_key=f"review.received:{review.pk}",
    )
    return review


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
        url=_contract_url(contract) if contract else reverse("gigs:conversation", args=[conversation.pk]),
        dedupe_key=f"message.new:{message.pk}",
    )
    return message


@transaction.atomic
def report_create(*, user, reason: str, gig: Gig | None = None, bid: Bid | None = None, target_user=None) -> Report:
    if not user.is_authenticated:
        raise PermissionDenied()
    if sum(target is not None for target in (gig, bid, target_user)) != 1:
        raise ValidationFailed(_("Report one gig, bid or account."), code=Code.REPORT_TARGET)
    reason = (reason or "").strip()
    if not reason:
        raise _invalid("reason", _("Please say what is wrong."))
    return Report.objects.create(reporter=user, gig=gig, bid=bid, user=target_user, reason=reason[:4000])


@transaction.atomic
def report_resolve(*, report: Report, admin, action: str = ReportAction.NONE, note: str = "") -> Report:
    """An MJC admin closes a report, optionally acting on its target — always through the
    target's own guarded service, so moderation cannot leave a gig and its contract disagreeing."""
    if not getattr(admin, "is_superuser", False):
        raise PermissionDenied(_("Only MJC admins moderate reports."), code=Code.NOT_ADMIN)
    if action not in ReportAction.values:
        raise _invalid("action", _("Choose one of the moderation actions."))
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("gig", "bid__gig", "bid__creative__user")
        .get(pk=report.pk)
    )
    if report.status == ReportStatus.RESOLVED:
        return report
    note = (note or "").strip()
    if action == ReportAction.GIG_CANCELLED:
        gig = report.gig or (report.bid.gig if report.bid else None)
        if gig is None:
            raise ValidationFailed(_("This report is not about a gig."), code=Code.REPORT_TARGET)
        gig = Gig.objects.select_for_update().get(pk=gig.pk)
        if (
            gig.status == GigStatus.IN_PROGRESS
            or Contract.objects.filter(
                gig=gig,
                status__in=(
                    ContractStatus.ACTIVE,
                    ContractStatus.DELIVERED,
                    ContractStatus.REVISION_REQUESTED,
                    ContractStatus.DISPUTED,
                ),
            ).exists()
        ):
            raise Conflict(
                _(
                    "This gig has a contract in progress. Settle or cancel the contract first "
                    "(as a dispute), then cancel the gig."
                ),
                code=Code.GIG_HAS_CONTRACT,
            )
        transition(
            Gig,
            gig.pk,
            to=GigStatus.CANCELLED,
            transitions=GIG_TRANSITIONS,
            choices=GigStatus,
            actor=admin,
            note=note or str(_("Cancelled by moderation")),
            code_prefix="gig",
        )
        _reject_live_bids(gig=gig, user=admin, note=note)
    elif action == ReportAction.BID_REJECTED:
        if report.bid is None:
            raise ValidationFailed(_("This report is not about a bid."), code=Code.REPORT_TARGET)
        transition(
            Bid,
            report.bid_id,
            to=BidStatus.REJECTED,
            transitions=BID_TRANSITIONS,
            choices=BidStatus,
            actor=admin,
            note=note,
            code_prefix="bid",
        )
    elif action == ReportAction.USER_DEACTIVATED:
        target = (
            report.user
            or (report.bid.creative.user if report.bid else None)
            or (report.gig.business.owner if report.gig else None)
        )
        if target is None or target.is_superuser:
            raise ValidationFailed(_("This account cannot be deactivated here."), code=Code.REPORT_ACTION)
        user_deactivate(user=target, actor=admin, reason=note)
    moved = transition(
        Report,
        report.pk,
        to=ReportStatus.RESOLVED,
        transitions=REPORT_TRANSITIONS,
        choices=ReportStatus,
        actor=admin,
        note=note,
        code_prefix="report",
        fields={"action": action, "resolution_note": note, "resolved_by": admin, "resolved_at": timezone.now()},
    )
    return moved.obj
