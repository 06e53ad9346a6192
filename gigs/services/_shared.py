"""Helpers every marketplace service shares: the limits, input checks, the private-file
store, the links put in notifications and the one "may this happen now" guard."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Gig,
)
from gigs.selectors import creative_profile_of
from gigs.statuses import GIG_TRANSITIONS, BidStatus, ContractStatus, GigStatus
from mjc.core import files
from mjc.core.errors import IllegalTransition, PermissionDenied, ValidationFailed
from mjc.core.transitions import illegal_transition, transition

MAX_ATTACHMENTS_PER_GIG = 10


MAX_RUPIAH = 10**12  # budgets and bid amounts (the columns hold bigints; no gig is worth a trillion)


MAX_DELIVERY_DAYS = 365


MAX_FILES_PER_UPLOAD = 10


ATTACHMENT_DIR = "private/briefs"


DELIVERY_DIR = "private/deliveries"


def _invalid(field: str, message) -> ValidationFailed:
    return ValidationFailed(
        _("%(field)s: %(message)s") % {"field": field, "message": message},
        code=Code.INVALID,
        extra={"fields": {field: [str(message)]}},
    )


def _require_gig_owner(gig: Gig, user) -> None:
    if not user.is_authenticated or gig.business.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner of this gig can do this."), code=Code.NOT_OWNER)


def _creative_profile(user):
    profile = creative_profile_of(user)  # as gig_actions offers "bid"
    if profile is None:
        raise PermissionDenied(_("Only creatives with a profile can do this."), code=Code.NOT_CREATIVE)
    return profile


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


def _move_gig(gig_id: int, *, to: str, user, note: str = "", fields: dict | None = None):
    """Move a gig through its lifecycle (row lock, 409 on an illegal move, a StatusChange row)."""
    return transition(
        Gig,
        gig_id,
        to=to,
        transitions=GIG_TRANSITIONS,
        choices=GigStatus,
        actor=user,
        note=note,
        fields=fields,
        code_prefix="gig",
    )


# --- what may happen now --------------------------------------------------------------------


def _require_action(action: str, actions, refusal) -> None:
    """The services' one "is this available now" check: ``action`` must be among ``actions``,
    what ``gigs.selectors.gig_actions``/``bid_actions``/``contract_actions`` offer this user on
    the row just locked or read (the buttons the pages draw, the API's ``actions``). Otherwise
    ``refusal`` is raised: the error, or a function building it when which 409 to give depends
    on what stands in the way (the codes the API has always answered with; SPEC section 6)."""
    if action not in actions:
        raise refusal() if callable(refusal) else refusal


def _illegal_gig_move(current: str, to: str) -> IllegalTransition:
    return illegal_transition(current, to, choices=GigStatus, code_prefix="gig")


def _illegal_bid_move(current: str, to: str) -> IllegalTransition:
    return illegal_transition(current, to, choices=BidStatus, code_prefix="bid")


def _illegal_contract_move(current: str, to: str) -> IllegalTransition:
    return illegal_transition(current, to, choices=ContractStatus, code_prefix="contract")
