"""The owner's "invite to bid" button under "Rekomendasi kreator"."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from creatives.models import CreativeProfile
from gigs.models import Gig
from gigs.views_hire import invite, safe_next


@login_required
@require_POST
def gig_invite(request, pk: int, creative_pk: int):
    gig = get_object_or_404(Gig.objects.select_related("business"), pk=pk)
    if gig.business.owner_id != request.user.pk and gig.status == "draft":
        raise Http404
    creative = get_object_or_404(CreativeProfile.objects.select_related("user"), pk=creative_pk)
    invite(request, gig, creative)
    return redirect(safe_next(request, gig.get_absolute_url()))
