"""Shared fixtures: real PostgreSQL (DATABASE_URL or the embedded one), a temporary
MEDIA_ROOT for every test, API clients signed in as each kind of user."""

import os

import pytest
from rest_framework.test import APIClient

os.environ.setdefault("MJC_TESTING", "1")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def api():
    return APIClient()


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def as_user():
    """``as_user(user)`` → an APIClient signed in as that user."""
    return client_for


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit jobs of a block (inside a test transaction they would never run)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
