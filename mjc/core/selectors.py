from django.db.models import Count, Q

from creatives.models import CreativeProfile
from ejsc.models import Space
from gigs.models import Gig
from gigs.statuses import GigStatus
from umkm.models import Business


def platform_figures() -> dict:
    """The live figures on the landing page."""
    gigs = Gig.objects.aggregate(open=Count("id", filter=Q(status=GigStatus.OPEN)))
    return {
        "businesses": Business.objects.count(),
        "creatives": CreativeProfile.objects.count(),
        "open_gigs": gigs["open"],
        "hubs": Space.objects.count(),
    }
