"""Issue 9: hub slugs that would shadow a page under /ejsc/ are refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import get_resolver

from ejsc.models import Space
from ejsc.slugs import RESERVED_HUB_SLUGS
from tests.ejsc.factories import SpaceFactory
from tests.factories import AdminFactory, bakorwil, kabupaten

pytestmark = pytest.mark.django_db


def _first_segments_under_ejsc() -> set[str]:
    """Every literal first path segment after /ejsc/ in the URL conf (the hub pattern itself aside)."""
    from ejsc import urls

    segments = set()
    for pattern in urls.urlpatterns:
        route = str(pattern.pattern)
        if not route.startswith("ejsc/"):
            continue
        first = route.removeprefix("ejsc/").split("/")[0]
        if first and not first.startswith("<"):
            segments.add(first.split(".")[0].split("<")[0] or first)
    return segments


def test_every_page_under_ejsc_is_reserved():
    segments = _first_segments_under_ejsc()
    assert {"petugas", "acara", "ruang", "pemesanan", "seri", "daftar-tunggu", "presensi", "pemesanan-saya"} <= segments
    assert segments <= RESERVED_HUB_SLUGS, segments - RESERVED_HUB_SLUGS
    assert get_resolver()  # the URL conf loads


@pytest.mark.parametrize("slug", sorted(RESERVED_HUB_SLUGS) + ["Staff"])
def test_a_reserved_slug_is_refused_by_model_validation(slug):
    space = Space(
        slug=slug, name="EJSC Baru", bakorwil=bakorwil("III"), kabupaten=kabupaten("3573"), address="Jl. Ijen 1"
    )
    with pytest.raises(ValidationError) as info:
        space.full_clean()
    assert "slug" in info.value.message_dict
    assert "/ejsc/" in info.value.message_dict["slug"][0]


def test_an_ordinary_slug_is_fine():
    Space(
        slug="ejsc-kediri", name="EJSC Kediri", bakorwil=bakorwil("II"), kabupaten=kabupaten("3571"), address="Jl. 1"
    ).full_clean()


def test_the_admin_refuses_a_reserved_slug_with_the_message(client):
    existing = SpaceFactory()
    client.force_login(AdminFactory())
    url = f"/admin/ejsc/space/{existing.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if not isinstance(v, list)}
    data.update({"slug": "events", "name": existing.name})
    response = client.post(url, data)
    existing.refresh_from_db()
    assert existing.slug != "events"
    assert response.status_code == 200 and "/ejsc/" in response.content.decode()


def test_the_old_english_segments_stay_reserved():
    """The old paths still answer with a redirect (mjc/site/oldpaths.py): a hub may not take them."""
    from mjc.site.oldpaths import OLD_PATHS

    old = {route.removeprefix("ejsc/").split("/")[0] for route, _name in OLD_PATHS if route.startswith("ejsc/")}
    old = {segment for segment in old if not segment.startswith("<")}
    assert old <= RESERVED_HUB_SLUGS, old - RESERVED_HUB_SLUGS


def test_the_data_check_names_a_hub_saved_with_a_slug_that_became_a_page():
    from django.core.checks import run_checks

    SpaceFactory(slug="ejsc-kediri")
    assert not [m for m in run_checks(databases=["default"]) if m.id == "ejsc.W001"]
    Space.objects.filter(slug="ejsc-kediri").update(slug="acara")  # saved before "acara" was a page
    found = [m for m in run_checks(databases=["default"]) if m.id == "ejsc.W001"]
    assert len(found) == 1 and "acara" in found[0].msg


@pytest.mark.django_db(transaction=True)
def test_the_slug_check_passes_on_a_database_without_the_hub_table():
    """``migrate`` on a new database runs the database checks before the first migration."""
    from django.db import connection

    from ejsc.slugs import hubs_with_reserved_slugs

    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE ejsc_space RENAME TO ejsc_space_moved")
    try:
        assert hubs_with_reserved_slugs(databases=["default"]) == []
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE ejsc_space_moved RENAME TO ejsc_space")
