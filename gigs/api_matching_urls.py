"""Include under /api/v1/: ``path("", include("gigs.api_matching_urls"))``."""

from django.urls import path

from gigs import api_matching

urlpatterns = [
    path("gigs/<int:pk>/matches/", api_matching.GigMatchesApi.as_view(), name="gig-matches"),
    path("me/recommended-gigs/", api_matching.RecommendedGigsApi.as_view(), name="recommended-gigs"),
]
