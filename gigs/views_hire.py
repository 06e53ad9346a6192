"""Hire from a profile: an owner invites the creative whose page they read to one of their
open gigs, or starts a new gig that invites them when it is published."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from creatives.models import CreativeProfile
from gigs import selectors, services
from mjc.core.pagination import html_page
from mjc.core.web import attempt

HIRE_PAGE_SIZE = 10

# The session keys that carry "invite this creative" through the post-a-gig wizard: first
# while no draft exists yet, then keyed by the draft, until that gig is published.
PENDING_KEY = "gigs.hire.pending"


def draft_key(gig_pk: int) -> str:
    return f"gigs.hire.draft.{gig_pk}"


def _creative_or_404(pk: int) -> CreativeProfile:
    return get_object_or_404(CreativeProfile.objects.select_related("user"), pk=pk)


@login_required
def hire(request, pk: int):
    """ "Undang ke lowongan": the owner's open gigs with an invite button each, and a new gig."""
    creative = _creative_or_404(pk)
    if creative.user_id == request.user.pk or not request.user.is_owner:
        raise Http404
    if not request.user.businesses.exists():
        messages.info(request, _("Register your business first, then post a gig."))
        return redirect(f"{reverse('umkm:create')}?{urlencode({'next': request.get_full_path()})}")
    page = html_page(request, selectors.open_gigs_to_invite(user=request.user, creative=creative), size=HIRE_PAGE_SIZE)
    return render(
        request,
        "gigs/hire.html",
        {"creative": creative, "gigs_page": page, "gigs": page.items},
    )


def remember_invite(request, creative_pk) -> CreativeProfile | None:
    """The wizard was opened with ``?invite=<creative>``: keep it until a draft is saved."""
    try:
        number = int(str(creative_pk).strip())
    except (TypeError, ValueError):
        return None
    creative = CreativeProfile.objects.select_related("user").filter(pk=number).first() if 0 < number < 2**63 else None
    if creative is None or creative.user_id == request.user.pk:
        request.session.pop(PENDING_KEY, None)
        return None
    request.session[PENDING_KEY] = creative.pk
    return creative


def pending_invite(request) -> CreativeProfile | None:
    pk = request.session.get(PENDING_KEY)
    return CreativeProfile.objects.select_related("user").filter(pk=pk).first() if pk else None


def forget_invite(request) -> None:
    request.session.pop(PENDING_KEY, None)


def attach_invite_to_draft(request, gig) -> None:
    """A draft was saved: the pending invitation now waits for this gig's publication."""
    pk = request.session.pop(PENDING_KEY, None)
    if pk:
        request.session[draft_key(gig.pk)] = pk


def draft_invite(request, gig) -> CreativeProfile | None:
    pk = request.session.get(draft_key(gig.pk))
    return CreativeProfile.objects.select_related("user").filter(pk=pk).first() if pk else None


def invite_on_publish(request, gig) -> None:
    """Right after a successful publish: invite the creative the wizard was started for."""
    pk = request.session.pop(draft_key(gig.pk), None)
    creative = CreativeProfile.objects.select_related("user").filter(pk=pk).first() if pk else None
    if creative is not None:
        invite(request, gig, creative)


def invite(request, gig, creative) -> None:
    """Invite ``creative`` to bid on ``gig`` (a button): the refusal or the success flashed."""
    attempt(
        request,
        lambda: services.invitation_create(gig=gig, creative=creative, user=request.user),
        _("%(name)s is invited to bid.") % {"name": creative.user.full_name or creative.user.email},
    )


def safe_next(request, default: str) -> str:
    """Where a button asked to go back to, if it is on this site."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
