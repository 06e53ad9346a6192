"""A second URL configuration for tests/core/test_paths.py: the same name at another path."""

from django.http import HttpResponse
from django.urls import include, path


def _page(request, pk):
    return HttpResponse(str(pk))


gigs = ([path("<int:pk>/", _page, name="detail")], "gigs")
urlpatterns = [path("elsewhere/", include(gigs))]
