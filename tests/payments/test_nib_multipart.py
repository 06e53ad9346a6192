"""The NIB submission works as a multipart form with its document, as the schema offers it."""

import pytest
from django.urls import reverse

from tests.factories import BusinessFactory
from tests.payments.conftest import pdf

pytestmark = pytest.mark.django_db


def test_a_valid_nib_with_its_document_as_multipart_is_accepted(as_user):
    business = BusinessFactory()
    response = as_user(business.owner).post(
        reverse("api:business-verification", args=[business.pk]),
        {"nib": "1234567890123", "document": pdf("nib.pdf")},
        format="multipart",
    )
    assert response.status_code == 201, response.content
