"""After a search the results come first on a phone (issue 11): the filter panel stays folded, and
opens only to show a filter it could not read."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _panel(client, url) -> str:
    html = client.get(url).content.decode()
    return re.search(r"<details[^>]*>\s*<summary>", html).group(0)


@pytest.mark.parametrize("name", ["gigs:list", "packages:list"])
def test_a_search_with_filters_keeps_the_panel_folded(client, name):
    assert " open" not in _panel(client, reverse(name) + "?q=batik&kabupaten=3507&sort=newest")
    assert " open" not in _panel(client, reverse(name))


def test_a_filter_that_cannot_be_read_opens_the_panel_to_show_it(client):
    assert " open" in _panel(client, reverse("gigs:list") + "?q=batik&budget_min=abc")
