"""The admin reads Indonesian, third-party screens included (django-celery-beat has no Indonesian
of its own: our catalog supplies it)."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(is_staff=True, is_superuser=True, language="id")
    client.force_login(admin)
    return client


def test_the_admin_index_is_indonesian(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "Administrasi MJC Jawa Timur" in page
    assert "Tugas berkala" in page
    for english in ("Django administration", "Periodic Tasks", "Administrasi Django", "Crontabs"):
        assert english not in page, english


def test_the_periodic_task_form_is_indonesian(admin_client):
    page = admin_client.get("/admin/django_celery_beat/periodictask/add/").content.decode()
    assert "Argumen posisi" in page and "Jadwal crontab" in page
    assert "Positional Arguments" not in page and "Short Description For This Task" not in page
