"""URLs of ``make bench`` only (mjc/settings_bench.py): the project's URLs plus a bare Django
JSON view, the yardstick every endpoint's requests/s is divided by."""

from django.http import JsonResponse
from django.urls import include, path

from mjc.urls import handler400, handler403, handler404, handler500  # noqa: F401


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("mjc.urls")),
]
