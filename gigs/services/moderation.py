"""Reports and their resolution by an MJC admin, always through the targets' own guarded services."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Bid,
    Gig,
    Report,
)
from gigs.services._shared import _invalid
from gigs.services.bids import _bid_reject
from gigs.services.gigs import _gig_cancel
from gigs.statuses import (
    REPORT_TRANSITIONS,
    ReportAction,
    ReportStatus,
)
from mjc.accounts.services import user_deactivate
from mjc.core.errors import Conflict, PermissionDenied, ValidationFailed
from mjc.core.transitions import transition


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
    target's own guarded service, so moderation cannot leave a gig and its contract disagreeing.

    Moderation acts for no party of the gig or bid, so it does not ask ``gig_actions`` or
    ``bid_actions`` (which answer for the owner and the bidder): it keeps its own guards — the
    running-contract check of ``_gig_cancel`` and the status graphs of ``transition``."""
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
        _gig_cancel(
            gig=gig,
            actor=admin,
            reason=note or str(_("Cancelled by moderation")),
            refusal=Conflict(
                _(
                    "This gig has a contract in progress. Settle or cancel the contract first "
                    "(as a dispute), then cancel the gig."
                ),
                code=Code.GIG_HAS_CONTRACT,
            ),
        )
    elif action == ReportAction.BID_REJECTED:
        if report.bid is None:
            raise ValidationFailed(_("This report is not about a bid."), code=Code.REPORT_TARGET)
        _bid_reject(bid=report.bid, actor=admin, note=note)
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
