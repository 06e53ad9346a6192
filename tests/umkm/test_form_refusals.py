"""The NIB review page (issue 9.3): a refused decision is the page again with its status and the
typed reason, not a redirect with a flashed message."""

import pytest
from django.urls import reverse

from tests.factories import AdminFactory, BusinessFactory
from umkm import services
from umkm.models import NibVerification

pytestmark = pytest.mark.django_db

NIB = "1234567890123"


def test_a_rejection_without_a_reason_answers_400_on_the_review_page(client):
    business = BusinessFactory()
    row = services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    client.force_login(AdminFactory())
    response = client.post(reverse("umkm:verification_decide", args=[row.pk, "reject"]), {"reason": " "})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    assert NibVerification.objects.get(pk=row.pk).status == row.status


def test_a_reason_too_long_stays_in_its_field(client):
    business = BusinessFactory()
    row = services.nib_verification_submit(business=business, user=business.owner, nib=NIB)
    client.force_login(AdminFactory())
    reason = "NIB tidak cocok dengan data OSS. " * 130  # over the 4 000 characters a reason holds
    response = client.post(reverse("umkm:verification_decide", args=[row.pk, "reject"]), {"reason": reason})
    assert response.status_code == 400 and reason.strip()[:120] in response.content.decode()
