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


def test_an_empty_choice_reads_pilih_not_dashes(admin_client):
    """Django's '---------' is the same in every language; ours says what to do (mjc/core/choices.py)."""
    from django.contrib.auth import get_user_model
    from django.db import models
    from django.urls import reverse
    from django.utils import translation

    page = admin_client.get(reverse("admin:umkm_business_add")).content.decode()
    assert "— pilih —" in page and "---------" not in page
    foreign_key = get_user_model()._meta.get_field("bakorwil").formfield()
    with_choices = models.CharField(choices=[("a", "A")], blank=True).formfield()
    with translation.override("en"):
        assert str(next(iter(foreign_key.choices))[1]) == str(with_choices.choices[0][1]) == "— choose —"
