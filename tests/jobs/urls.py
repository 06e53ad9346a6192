"""The project's URLs plus the Jobs routes, for tests that run before the lead includes them
(mjc/urls.py: gigs.api_matching_urls and mjc.notifications.api_urls under /api/v1/,
gigs.urls_matching at ""). Routes listed first win, so this works either way."""

from django.urls import include, path

from mjc import urls as project

urlpatterns = [
    path("api/v1/", include("gigs.api_matching_urls")),
    path("api/v1/", include("mjc.notifications.api_urls")),
    path("", include(("gigs.urls_matching", "gigs_matching"))),
    *project.urlpatterns,
]
handler404 = project.handler404
handler500 = project.handler500
