"""JavaScript only where it earns its place (issue 11): htmx (about 50 KB, most of the landing page's
weight before) is loaded by step 2 of posting a job, the one page that uses it, and by no other."""

import pytest
from django.urls import reverse

from tests.factories import BusinessFactory, GigFactory, category

pytestmark = pytest.mark.django_db

HTMX = "htmx/htmx"


def test_htmx_loads_on_the_brief_step_only(client):
    business = BusinessFactory()
    gig = GigFactory(business=business)
    client.force_login(business.owner)
    category("kemasan")

    step2 = client.get(reverse("gigs:create") + "?category=kemasan")
    assert step2.status_code == 200 and HTMX in step2.content.decode()

    for url in [
        reverse("landing"),
        reverse("gigs:list"),
        reverse("creatives:list"),
        reverse("dashboard"),
        reverse("gigs:create"),
        reverse("gigs:detail", args=[gig.pk]),
        reverse("gigs:my_gigs"),
    ]:
        page = client.get(url)
        assert page.status_code == 200, url
        assert HTMX not in page.content.decode(), url
    client.logout()
    for url in [reverse("landing"), reverse("gigs:list"), reverse("creatives:list")]:
        assert HTMX not in client.get(url).content.decode(), url
