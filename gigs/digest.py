"""The optional daily digest of open gigs in a creative's skills. It lives with the marketplace,
which knows gigs and creatives; the notification channel only delivers what it is handed."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import Gig
from gigs.statuses import GigStatus
from mjc.notifications.services import notify


def send_daily_digests() -> int:
    """Only for creatives who switched it on; once per user per day (the dedupe key holds
    the date), so running it twice sends nothing new."""
    now = timezone.now()
    today = timezone.localdate(now)
    since = now - timedelta(days=1)
    sent = 0
    profiles = CreativeProfile.objects.filter(
        user__is_active=True, user__notification_preference__daily_digest=True
    ).select_related("user")
    for profile in profiles.iterator():
        count = (
            Gig.objects.filter(status=GigStatus.OPEN, published_at__gte=since, category__in=profile.skills.all())
            .exclude(created_by=profile.user)
            .count()
        )
        if not count:
            continue
        with transaction.atomic():
            created = notify(
                recipient=profile.user,
                kind="digest.daily",
                params={"count": count},
                url=reverse("gigs:list"),
                dedupe_key=f"digest.daily:{today.isoformat()}",
            )
        sent += created is not None
    return sent
