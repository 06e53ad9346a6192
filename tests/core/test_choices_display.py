"""A status label is looked up once per field, and still answers in the reader's language (issue 8)."""

import pytest
from django.utils import translation

from gigs.statuses import GigStatus
from tests.factories import GigFactory

pytestmark = pytest.mark.django_db


def test_the_status_label_follows_the_language_each_time_it_is_asked():
    gig = GigFactory(status=GigStatus.OPEN)
    with translation.override("id"):
        indonesian = gig.get_status_display()
    with translation.override("en"):
        english = gig.get_status_display()
    with translation.override("id"):
        again = gig.get_status_display()
    assert english == "Open" and indonesian == again and indonesian != english


def test_a_value_outside_the_choices_shows_as_stored():
    gig = GigFactory.build(status="archived-by-hand")
    assert gig.get_status_display() == "archived-by-hand"
