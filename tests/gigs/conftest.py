import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.gigs.factories import BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory


@pytest.fixture(autouse=True)
def _gig_templates(request):
    """Transactional tests flush the templates the data migration loaded: put them back."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    from gigs import gig_templates
    from gigs.models import GigTemplate
    from mjc.categories.models import Category

    if not GigTemplate.objects.exists():
        gig_templates.load(Category, GigTemplate)


def pdf(name="hasil.pdf", size=2048) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n" + b"0" * max(0, size - 9)
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name="mockup.png") -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), "orange").save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def owner_business(db):
    return BusinessFactory()


@pytest.fixture
def owner(owner_business):
    return owner_business.owner


@pytest.fixture
def gig(owner_business):
    return GigFactory(business=owner_business)


@pytest.fixture
def creative(db):
    return CreativeProfileFactory()


@pytest.fixture
def bid(gig, creative):
    return BidFactory(gig=gig, creative=creative)
