"""The owner's "invite to bid" button under "Rekomendasi kreator"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creatives.models import CreativeProfile
from gigs.models import Gig
from mjc.core.errors import ApplicationError


def _gig_page(gig: Gig) -> str:
    try:
        return reverse("gigs:detail", args=[gig.pk])
    except NoReverseMatch:
        return f"/gigs/{gig.pk}/"


@login_required
@require_POST
def gig_invite(request, pk: int, creative_pk: int):
    from gigs.services import invitation_create

    gig = get_object_or_404(Gig.objects.select_related("business"), pk=pk)
    if gig.business.owner_id != request.user.pk and gig.status == "draft":
        raise Http404
    creative = get_object_or_404(CreativeProfile.objects.select_related("user"), pk=creative_pk)
    try:
        invitation_create(gig=gig, creative=creative, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("%(name)s is invited to bid.") % {"name": creative.user.full_name or creative.user.email}
        )
    return redirect(_gig_page(gig))
