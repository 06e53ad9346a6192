"""Include in mjc/urls.py: ``path("", include(("gigs.urls_matching", "gigs_matching")))``."""

from django.urls import path

from gigs import views_matching

app_name = "gigs_matching"
urlpatterns = [
    path("gigs/<int:pk>/invite/<int:creative_pk>/", views_matching.gig_invite, name="invite"),
]
