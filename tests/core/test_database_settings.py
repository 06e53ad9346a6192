"""The app's PostgreSQL sessions are set for a web workload (issue 8): no JIT, a statement
timeout that ends a slow query cleanly, the trigram threshold the search relies on."""

import copy
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.backends.postgresql.base import DatabaseWrapper

from mjc.core.apps import _migrate_without_statement_timeout, _restore_statement_timeout
from mjc.db_config import use_statement_timeout

pytestmark = pytest.mark.django_db


def show(name: str, conn=connection) -> str:
    with conn.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_every_connection_has_jit_off_a_statement_timeout_and_the_trigram_threshold():
    assert show("jit") == "off"
    assert show("statement_timeout") == "5s"  # MJC_DB_STATEMENT_TIMEOUT_MS' default, 5000 ms
    assert show("pg_trgm.word_similarity_threshold") == "0.5"


def test_connections_are_checked_before_reuse_and_kept_as_configured():
    config = settings.DATABASES["default"]
    assert config["CONN_HEALTH_CHECKS"] is True
    assert config["CONN_MAX_AGE"] == settings.MJC_DB_CONN_MAX_AGE


def test_a_query_slower_than_the_timeout_fails_cleanly_instead_of_hanging():
    started = time.monotonic()
    with pytest.raises(OperationalError, match="statement timeout"):
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = '100ms'")
                cursor.execute("SELECT pg_sleep(5)")
    assert time.monotonic() - started < 2
    # the connection is still usable, with its own timeout back
    assert show("statement_timeout") == "5s"


def test_a_celery_worker_opens_its_connections_with_the_longer_timeout():
    databases = {"default": copy.deepcopy(connection.settings_dict)}

    use_statement_timeout(databases, settings.MJC_DB_WORKER_STATEMENT_TIMEOUT_MS)

    wrapper = DatabaseWrapper(databases["default"], alias="default")
    worker = wrapper.get_new_connection(wrapper.get_connection_params())  # what a job's connection gets
    try:
        with worker.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "2min"  # 120000 ms
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
    finally:
        worker.close()


def test_migrate_runs_without_the_timeout_then_gives_it_back():
    _migrate_without_statement_timeout(sender=None, using="default")
    assert show("statement_timeout") == "0"

    _restore_statement_timeout(sender=None, using="default")
    assert show("statement_timeout") == "5s"
