"""The admin pages for businesses and creative profiles open (moderation needs them)."""

import pytest
from django.urls import reverse

from creatives import services as creative_services
from tests.creatives.factories import CreativeProfileFactory
from tests.factories import AdminFactory
from tests.umkm.factories import BusinessFactory, image_upload
from umkm import services

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_businesses_and_creatives(client):
    business = BusinessFactory()
    services.product_create(business=business, name="Keripik", price=15000, photo=image_upload())
    profile = CreativeProfileFactory(skills=["kemasan"])
    creative_services.portfolio_add(profile=profile, title="Karya", image=image_upload())
    client.force_login(AdminFactory())
    for url in (
        reverse("admin:umkm_business_changelist"),
        reverse("admin:umkm_business_change", args=[business.pk]),
        reverse("admin:creatives_creativeprofile_changelist"),
        reverse("admin:creatives_creativeprofile_change", args=[profile.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "/media/public/portfolio/" in response.content.decode()
