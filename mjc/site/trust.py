"""The pages that tell people who MJC is and what it promises: about, help & contact, privacy, terms.

Their prose is written once per language (``trust/<page>.<lang>.html``): a legal text reads better
as a whole page than as a hundred msgids. The hubs' addresses and hours come from the EJSC data.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import path
from django.utils.translation import get_language

from ejsc.models import OpeningHours, Space

PAGES = ("about", "help", "privacy", "terms")


def _page(request, name: str, context: dict | None = None):
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    base = {
        "page": name,
        "content_template": f"trust/{name}.{lang}.html",
        "contact_email": settings.MJC_CONTACT_EMAIL,
        "privacy_email": settings.MJC_PRIVACY_EMAIL,
    }
    return render(request, "trust/page.html", {**base, **(context or {})})


def about(request):
    return _page(request, "about")


def help_contact(request):
    spaces = Space.objects.select_related("bakorwil", "kabupaten").prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday"))
    )
    return _page(request, "help", {"spaces": spaces})


def privacy(request):
    return _page(request, "privacy")


def terms(request):
    return _page(request, "terms")


app_name = "trust"
urlpatterns = [
    path("tentang/", about, name="about"),
    path("bantuan/", help_contact, name="help"),
    path("privasi/", privacy, name="privacy"),
    path("syarat/", terms, name="terms"),
]
