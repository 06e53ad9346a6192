"""Shared fixtures: real PostgreSQL (DATABASE_URL or the embedded one), a temporary
MEDIA_ROOT for every test, API clients signed in as each kind of user."""

import os
import threading

import pytest
from rest_framework.test import APIClient

os.environ.setdefault("MJC_TESTING", "1")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and throttles count in the cache: without this, allauth's sign-up limit
    spent by one test refuses the next one, depending on the order the tests run in."""
    from django.core.cache import cache

    try:
        redis_cache = getattr(cache, "_cache", None)
        if redis_cache is not None and hasattr(redis_cache, "get_client"):
            # the same Redis database carries the Celery broker's keys: delete only the cache's own
            client = redis_cache.get_client(None, write=True)
            keys = list(client.scan_iter(match=cache.make_key("*")))
            if keys:
                client.delete(*keys)
        else:
            cache.clear()
    except Exception:  # noqa: BLE001 - a test that stopped Redis on purpose has nothing to clear
        pass
    yield


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def api():
    return APIClient()


def race(calls):
    """Run every call at the same moment, each in its own thread and connection; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # a 500 would surface here; record it instead of losing it
            results[index] = exc
        finally:
            from django.db import connection

            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


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


def _load_reference_data():
    from mjc.categories import data as categories
    from mjc.categories.models import Category
    from mjc.regions import data
    from mjc.regions.models import Bakorwil, Kabupaten

    if not Kabupaten.objects.exists():
        data.load(Bakorwil, Kabupaten)
    if not Category.objects.exists():
        categories.load(Category)


@pytest.fixture(autouse=True)
def _reference_data(request, django_db_blocker):
    """Transactional tests flush every table afterwards, including the regions and
    categories that the migrations load: put them back before and after such a test."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and "live_server" not in request.fixturenames:
        yield
        return
    transactional = (marker is not None and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    request.getfixturevalue("transactional_db" if transactional else "db")
    _load_reference_data()
    yield
    if transactional:
        with django_db_blocker.unblock():
            _load_reference_data()
