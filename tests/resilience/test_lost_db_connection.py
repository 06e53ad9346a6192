"""A lost database connection is not a 500 (issue 10 point 4, SPEC rule 9).

The connection of the request is terminated from another connection (``pg_terminate_backend``),
as a PostgreSQL restart or failover would: a read is run again on a fresh connection (up to READ_RETRIES times), a
write is answered 503 ``database_unavailable`` in the shared shape; under load against a real
gunicorn whose backends are terminated again and again, no response is a 5xx."""

from __future__ import annotations

import threading
import time

import psycopg2
import pytest
import requests
from django.db import connection
from django.test import Client

from mjc.core.resilience import READ_RETRIES
from tests.conftest import client_for
from tests.factories import GigFactory, OwnerFactory
from tests.storage.conftest import database_url_of_tests, web_node

pytestmark = pytest.mark.django_db(transaction=True)


def terminate(pid: int) -> None:
    """End backend ``pid`` from a connection of our own and wait until it is gone."""
    admin = psycopg2.connect(database_url_of_tests())
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _ in range(100):
            cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone() is None:
                break
            time.sleep(0.02)
    admin.close()


class KillOnQuery:
    """An execute wrapper that terminates the request's own backend before its Nth statement
    (``times`` requests in a row), so the statement meets a dead connection."""

    def __init__(self, nth: int = 1, times: int = 1):
        self.nth, self.times, self.seen, self.kills = nth, times, 0, 0

    def __call__(self, execute, sql, params, many, context):
        self.seen += 1
        if self.kills < self.times and self.seen >= self.nth:
            self.kills += 1
            self.seen = 0
            terminate(context["connection"].connection.get_backend_pid())
        return execute(sql, params, many, context)


@pytest.fixture
def kill_on_query():
    def install(**kwargs) -> KillOnQuery:
        wrapper = KillOnQuery(**kwargs)
        connection.execute_wrappers.append(wrapper)
        return wrapper

    yield install
    connection.execute_wrappers[:] = [w for w in connection.execute_wrappers if not isinstance(w, KillOnQuery)]


def test_an_api_read_that_meets_a_dead_connection_is_run_again(kill_on_query):
    gig = GigFactory()
    killer = kill_on_query(nth=1)

    response = Client().get("/api/v1/gigs/")

    assert killer.kills == 1
    assert response.status_code == 200
    assert gig.pk in [row["id"] for row in response.json()["results"]]


def test_a_page_whose_session_load_meets_a_dead_connection_is_run_again(kill_on_query):
    # the first statement is the session's, read by a middleware before the view
    owner = OwnerFactory()
    client = Client(raise_request_exception=False)  # the error reaches the 500 handler, as in production
    client.force_login(owner)
    killer = kill_on_query(nth=1)

    response = client.get("/dasbor/")

    assert killer.kills == 1
    assert response.status_code == 200


def test_a_read_that_meets_a_dead_connection_on_every_retry_is_a_503_in_the_shared_shape(kill_on_query):
    GigFactory()
    killer = kill_on_query(nth=1, times=READ_RETRIES + 1)

    response = Client().get("/api/v1/gigs/")

    assert killer.kills == READ_RETRIES + 1  # the first try and every retry met a dead connection
    assert response.status_code == 503
    assert response.json() == {"message": response.json()["message"], "code": "database_unavailable", "extra": {}}
    assert response["Retry-After"]


def test_a_read_whose_first_retry_is_cut_too_is_answered_by_the_second(kill_on_query):
    gig = GigFactory()
    killer = kill_on_query(nth=1, times=2)  # a failover: the first fresh connection dies as well

    response = Client().get("/api/v1/gigs/")

    assert killer.kills == 2
    assert response.status_code == 200
    assert gig.pk in [row["id"] for row in response.json()["results"]]


def test_a_write_that_meets_a_dead_connection_is_a_503_not_retried(kill_on_query):
    from gigs.statuses import GigStatus

    gig = GigFactory(status=GigStatus.DRAFT, published_at=None)
    api = client_for(gig.business.owner)
    killer = kill_on_query(nth=1)

    response = api.post(f"/api/v1/gigs/{gig.pk}/publish/")

    assert killer.kills == 1  # not run again: a write is never repeated behind the user's back
    gig.refresh_from_db()
    assert gig.status == GigStatus.DRAFT
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert "basis data" in response.json()["message"].lower()


def test_a_page_that_cannot_reach_the_database_shows_a_translated_503_page(kill_on_query):
    kill_on_query(nth=1, times=READ_RETRIES + 1)
    client = Client(raise_request_exception=False)
    client.cookies["mjc_language"] = "en"

    response = client.get("/pekerjaan/")

    assert response.status_code == 503
    assert "Please try again in a moment" in response.content.decode()


@pytest.mark.multinode
def test_gunicorn_answers_every_read_while_its_backends_are_terminated(tmp_path):
    # given a gunicorn node with persistent, health-checked connections, and data to read
    for _ in range(3):
        GigFactory()
    env = {"MJC_DB_CONN_MAX_AGE": "60"}
    database = connection.settings_dict["NAME"]
    with web_node(database_url_of_tests(), env, tmp_path, "db-kills") as base:
        paths = ["/api/v1/gigs/", "/pekerjaan/", "/", "/api/v1/categories/", "/ejsc/"]
        codes: list[int] = []
        errors: list[str] = []
        stop = threading.Event()

        def load():
            session = requests.Session()
            index = 0
            while not stop.is_set():
                path = paths[index % len(paths)]
                try:
                    response = session.get(base + path, timeout=20)
                    codes.append(response.status_code)
                    if response.status_code >= 500:
                        errors.append(f"{path} {response.status_code} {response.text[:200]}")
                except requests.RequestException as exc:
                    errors.append(repr(exc))
                index += 1

        threads = [threading.Thread(target=load) for _ in range(3)]
        for thread in threads:
            thread.start()

        # when every backend of the node is terminated, 12 times, while the requests flow
        kills = terminated = 0
        connection.ensure_connection()
        ours = connection.connection.get_backend_pid()  # this test's own connection stays
        admin = psycopg2.connect(database_url_of_tests())
        admin.autocommit = True
        try:
            for _ in range(12):
                time.sleep(0.4)
                with admin.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE datname = %s AND pid NOT IN (pg_backend_pid(), %s) AND backend_type = 'client backend'",
                        [database, ours],
                    )
                    terminated += cursor.fetchone()[0]
                kills += 1
            time.sleep(0.4)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            admin.close()

    # then no response was a 5xx and none was lost
    failed = [code for code in codes if code >= 500]
    print(
        f"\nDB kills (gunicorn): {kills} kills, {terminated} backends terminated, {len(codes)} requests, {len(failed)} failed"
    )
    assert errors == [], (errors, (tmp_path / "db-kills.log").read_text()[-6000:])
    assert terminated >= kills // 2
    assert len(codes) > 50
    assert failed == []
