"""The marketplace's reactions to what lower layers announce (their signals)."""

from django.dispatch import receiver

from creatives.signals import matching_inputs_changed
from mjc.core.jobs import enqueue


@receiver(matching_inputs_changed, dispatch_uid="gigs-rescore-creative")
def rescore_creative(sender, profile, **kwargs):
    """Re-score the creative against the open gigs, after the profile's transaction commits."""
    enqueue("gigs.match_creative", profile.pk)
