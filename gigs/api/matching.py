"""API of the matching (SPEC section 6): the owner's recommendations, the creative's gigs."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, permissions, serializers

from creatives.models import CreativeProfile
from gigs.errors import GigErrorCode as Code
from gigs.matching import reasons_text
from gigs.models import Gig, GigMatch
from gigs.statuses import GigStatus
from mjc.categories.models import Category
from mjc.core.errors import NotFound, PermissionDenied


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class ReasonsField(serializers.Field):
    """Stored reason codes rendered in the reader's language."""

    def to_representation(self, value):
        # categories read once per response (skill reasons name one), not once per reason
        root = self.root
        categories = getattr(root, "_categories", None)
        if categories is None:
            categories = {category.slug: category for category in Category.objects.all()}
            root._categories = categories
        return reasons_text(value, categories)


class MatchSerializer(serializers.ModelSerializer):
    creative = serializers.SerializerMethodField()
    reasons = ReasonsField(read_only=True)
    reason_codes = serializers.JSONField(source="reasons", read_only=True)

    class Meta:
        model = GigMatch
        fields = ["creative", "score", "reasons", "reason_codes", "created_at"]

    def get_creative(self, match) -> dict:
        profile = match.creative
        return {
            "id": profile.pk,
            "name": profile.user.full_name,
            "headline": profile.headline,
            "kabupaten": profile.kabupaten.name if profile.kabupaten_id else None,
            "day_rate": profile.day_rate,
            "rating_avg": str(profile.rating_avg),
            "rating_count": profile.rating_count,
            "completed_count": profile.completed_count,
        }


class RecommendedGigSerializer(serializers.ModelSerializer):
    gig = serializers.SerializerMethodField()
    reasons = ReasonsField(read_only=True)
    reason_codes = serializers.JSONField(source="reasons", read_only=True)

    class Meta:
        model = GigMatch
        fields = ["gig", "score", "reasons", "reason_codes", "created_at"]

    def get_gig(self, match) -> dict:
        gig = match.gig
        return {
            "id": gig.pk,
            "title": gig.title,
            "business": gig.business.name,
            "category": gig.category.slug,
            "kabupaten": gig.kabupaten.name,
            "work_mode": gig.work_mode,
            "budget_min": gig.budget_min,
            "budget_max": gig.budget_max,
            "deadline": gig.deadline,
        }


def _owned_gig(request, pk: int) -> Gig:
    """Drafts of others are invisible (404); another owner's visible gig is 403."""
    gig = get_object_or_404(Gig.objects.select_related("business"), pk=pk)
    owner = gig.business.owner_id == request.user.pk
    if not owner and gig.status == GigStatus.DRAFT:
        raise NotFound()
    if not owner:
        raise PermissionDenied(_("Only the owner of this gig can do this."), code=Code.NOT_OWNER)
    return gig


class GigMatchesApi(generics.ListAPIView):
    """``GET /api/v1/gigs/{id}/matches/``: the gig's recommended creatives (owner only)."""

    serializer_class = MatchSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return GigMatch.objects.none()
        gig = _owned_gig(self.request, self.kwargs["pk"])
        return (
            GigMatch.objects.filter(gig=gig)
            .select_related("creative__user", "creative__kabupaten")
            .order_by("-score", "id")
        )


class RecommendedGigsApi(generics.ListAPIView):
    """``GET /api/v1/me/recommended-gigs/``: open gigs matched to the signed-in creative."""

    serializer_class = RecommendedGigSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return GigMatch.objects.none()
        profile = CreativeProfile.objects.filter(user=self.request.user).first()
        if profile is None:
            raise PermissionDenied(_("Only creatives with a profile have recommended gigs."), code=Code.NOT_CREATIVE)
        return (
            GigMatch.objects.filter(creative=profile, gig__status=GigStatus.OPEN)
            .select_related("gig__business", "gig__category", "gig__kabupaten")
            .order_by("-score", "-gig__published_at", "id")
        )
