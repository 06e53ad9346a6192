"""Integration tests with a real Celery worker on the real Redis (SPEC section 5).

Each test starts ``celery -A mjc worker`` as a subprocess on the TEST database and a Redis
database of its own, with a file-based e-mail backend whose files the test reads (the
worker is another process, so ``mail.outbox`` cannot see its mail). The test process
itself publishes to the same Redis (the ``broker`` fixture turns off the inline mode the
other tests use).
"""

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.utils import timezone

from gigs.models import Bid, GigMatch
from gigs.statuses import GigStatus
from mjc.core.models import JobOutbox
from mjc.notifications.models import Notification
from tests.factories import kabupaten
from tests.jobs.factories import CreativeProfileFactory, GigFactory, category

REDIS_URL = os.environ.get("REDIS_URL", "")
ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1: "Redis is down"

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not REDIS_URL, reason="set REDIS_URL (e.g. redis://127.0.0.1:6379/5) to run a real Celery worker"
    ),
    pytest.mark.django_db(transaction=True),
]


def wait_for(condition, timeout: float = 30, every: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def redis_url():
    """The Redis of the tests: REDIS_URL's server, database MJC_WORKER_TEST_REDIS_DB (else REDIS_URL's);
    the queues are emptied before and after."""
    import redis

    parts = urlsplit(REDIS_URL)
    db = os.environ.get("MJC_WORKER_TEST_REDIS_DB") or (parts.path.strip("/") or "0")
    url = urlunsplit((parts.scheme, parts.netloc, f"/{db}", "", ""))
    client = redis.Redis.from_url(url)

    def clean():
        for key in client.scan_iter("*"):
            name = key.decode()
            if name in {"celery", "unacked", "unacked_index", "unacked_mutex"} or name.startswith(("_kombu", "celery")):
                client.delete(key)

    clean()
    yield url
    clean()


@pytest.fixture
def broker(redis_url):
    """Make this test process publish to the test Redis (other tests run jobs inline)."""
    from mjc.celery import app
    from mjc.core import jobs

    saved = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}

    def point_at(url: str):
        from kombu import pools

        pools.reset()  # forget connections to the previous broker
        app._pool = None
        app.amqp._producer_pool = None
        app.conf.broker_url = url
        app.conf.task_always_eager = False
        jobs._broker_down_until = 0.0

    point_at(redis_url)
    yield point_at
    point_at(saved["broker_url"])
    app.conf.update(saved)


class Worker:
    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def database_url() -> str:
    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "postgres")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def mailbox(tmp_path) -> Path:
    path = tmp_path / "mail"
    path.mkdir()
    return path


@pytest.fixture
def start_worker(transactional_db, redis_url, mailbox, tmp_path):
    """``start_worker(**env)`` → a running worker (stopped at the end, before the flush)."""
    workers: list[Worker] = []

    def start(**extra_env) -> Worker:
        log = tmp_path / f"worker{len(workers)}.log"
        env = dict(
            os.environ,
            DATABASE_URL=database_url(),
            REDIS_URL=redis_url,
            MJC_REAL_BROKER="1",
            MJC_TESTING="1",
            EMAIL_URL=f"file:///{mailbox}",
            MJC_CELERY_VISIBILITY_TIMEOUT="5",
            MJC_CELERY_RESTORE_INTERVAL="1",
            MJC_CELERY_RESTORE_THROTTLE="1",
            MJC_TEST_MATCH_DELAY="0",
            PYTHONUNBUFFERED="1",
        )
        env.update({key: str(value) for key, value in extra_env.items()})
        process = subprocess.Popen(
            [
                CELERY,
                "-A",
                "mjc",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"test{len(workers)}-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        worker = Worker(process, log)
        workers.append(worker)
        wait_for(lambda: "ready." in worker.text() or process.poll() is not None, 60, what="the worker to start")
        assert process.poll() is None, worker.text()
        return worker

    yield start
    for worker in workers:
        worker.stop()


def messages_in(mailbox: Path) -> list[email.message.EmailMessage]:
    """Every e-mail the file backend wrote (one file per connection, messages separated by dashes)."""
    found = []
    for path in sorted(mailbox.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                found.append(email.message_from_bytes(chunk.strip() + b"\n", policy=email.policy.default))
    return found


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def owner_gig_and_creatives(**gig_fields):
    gig = GigFactory(status=GigStatus.DRAFT, published_at=None, kabupaten=kabupaten("3507"), **gig_fields)
    english = CreativeProfileFactory(
        kabupaten=kabupaten("3507"), skills=[category("kemasan")], user__language="en", user__full_name="Rina English"
    )
    indonesian = CreativeProfileFactory(
        kabupaten=kabupaten("3573"),
        skills=[category("kemasan")],
        user__language="id",
        user__full_name="Dimas Indonesia",
    )
    bystander = CreativeProfileFactory(kabupaten=kabupaten("3509"), skills=[category("foto-produk")])
    return gig, english, indonesian, bystander


def assert_matched_and_told_once(gig, english, indonesian, bystander, mailbox):
    matches = dict(GigMatch.objects.filter(gig=gig).values_list("creative_id", "score"))
    assert set(matches) == {english.pk, indonesian.pk, bystander.pk}
    notices = list(Notification.objects.filter(kind="gig.match").values_list("recipient_id", "dedupe_key"))
    assert sorted(notices) == sorted(
        [
            (english.user_id, f"gig.match:{gig.pk}:{english.pk}"),
            (indonesian.user_id, f"gig.match:{gig.pk}:{indonesian.pk}"),
        ]
    )
    mails = messages_in(mailbox)
    assert sorted(message["To"] for message in mails) == sorted([english.user.email, indonesian.user.email])
    by_recipient = {message["To"]: message for message in mails}
    assert by_recipient[english.user.email]["Subject"].strip() == f"[MJC Jatim] A new gig for you: “{gig.title}”"
    assert "Hello Rina," in text_of(by_recipient[english.user.email])
    assert (
        by_recipient[indonesian.user.email]["Subject"].strip()
        == f"[MJC Jatim] Pekerjaan baru untuk Anda: “{gig.title}”"
    )
    assert "Halo Dimas," in text_of(by_recipient[indonesian.user.email])


def test_publishing_a_gig_produces_matches_and_emails_in_each_language(broker, start_worker, mailbox, as_user):
    gig, english, indonesian, bystander = owner_gig_and_creatives()
    start_worker()
    # when the owner publishes the gig through the API
    response = as_user(gig.business.owner).post(f"/api/v1/gigs/{gig.pk}/publish/")
    assert response.status_code == 200, response.content
    # then the worker matches it and e-mails the two creatives with the skill, each in their language
    wait_for(
        lambda: Notification.objects.filter(kind="gig.match", emailed_at__isnull=False).count() == 2,
        30,
        what="both match e-mails",
    )
    assert_matched_and_told_once(gig, english, indonesian, bystander, mailbox)
    assert not JobOutbox.objects.filter(sent_at__isnull=True).exists()


def test_accepting_a_bid_tells_the_winner_and_every_other_bidder_once(broker, start_worker, mailbox, as_user):
    gig = GigFactory(status=GigStatus.OPEN)
    bidders = [CreativeProfileFactory() for _ in range(3)]
    bids = [
        Bid.objects.create(gig=gig, creative=profile, amount=1_500_000 + n, delivery_days=7, proposal="Siap kerjakan.")
        for n, profile in enumerate(bidders)
    ]
    start_worker()
    owner = as_user(gig.business.owner)
    # when the owner accepts one bid (and, impatient, presses the button twice)
    first = owner.post(f"/api/v1/bids/{bids[1].pk}/accept/")
    again = owner.post(f"/api/v1/bids/{bids[1].pk}/accept/")
    assert first.status_code in (200, 201), first.content
    assert again.status_code in (200, 201), again.content
    wait_for(lambda: Notification.objects.filter(emailed_at__isnull=False).count() >= 3, 30, what="three e-mails")
    time.sleep(1.5)  # give a duplicate, if any, the time to show up
    kinds = sorted(Notification.objects.values_list("recipient_id", "kind"))
    assert kinds == sorted(
        [
            (bidders[1].user_id, "bid.accepted"),
            (bidders[0].user_id, "bid.rejected"),
            (bidders[2].user_id, "bid.rejected"),
        ]
    )
    assert sorted(message["To"] for message in messages_in(mailbox)) == sorted(
        profile.user.email for profile in bidders
    )


def test_a_worker_killed_in_the_middle_of_matching_runs_it_again_once(broker, start_worker, mailbox, as_user):
    gig, english, indonesian, bystander = owner_gig_and_creatives()
    slow = start_worker(MJC_TEST_MATCH_DELAY="30")
    assert as_user(gig.business.owner).post(f"/api/v1/gigs/{gig.pk}/publish/").status_code == 200
    # the worker has taken the job and is half-way through its transaction …
    wait_for(lambda: "gigs.match_gig" in slow.text(), 20, what="the worker to take the job")
    time.sleep(1)
    # … when it is killed outright
    slow.kill()
    assert not GigMatch.objects.exists() and not Notification.objects.exists()
    # a new worker gets the job back once the visibility timeout (5 s here) has passed
    started = time.monotonic()
    second = start_worker()
    wait_for(
        lambda: Notification.objects.filter(kind="gig.match", emailed_at__isnull=False).count() == 2,
        60,
        what="the job to run again",
    )
    assert "gigs.match_gig" in second.text()  # the second worker ran it
    time.sleep(1.5)
    assert_matched_and_told_once(gig, english, indonesian, bystander, mailbox)
    assert time.monotonic() - started < 60


def test_with_redis_down_publishing_succeeds_and_the_jobs_run_once_redis_is_back(
    broker, redis_url, start_worker, mailbox, as_user
):
    gig, english, indonesian, bystander = owner_gig_and_creatives()
    broker(CLOSED_PORT_URL)
    owner = as_user(gig.business.owner)
    # when the owner publishes while Redis cannot be reached
    started = time.monotonic()
    response = owner.post(f"/api/v1/gigs/{gig.pk}/publish/")
    elapsed = time.monotonic() - started
    # then the request succeeds, fast, and the job waits in the outbox
    assert response.status_code == 200 and response.json()["status"] == "open"
    assert elapsed < 3, f"publishing took {elapsed:.1f}s with Redis down"
    # (the publish also asks for a refresh of the landing figures: core.refresh_summary)
    [waiting] = JobOutbox.objects.filter(sent_at__isnull=True, task_name="gigs.match_gig")
    assert waiting.last_error
    assert not GigMatch.objects.exists()
    # when Redis is back: the worker sweeps the outbox as it starts
    broker(redis_url)
    start_worker()
    wait_for(
        lambda: Notification.objects.filter(kind="gig.match", emailed_at__isnull=False).count() == 2,
        30,
        what="matching after Redis is back",
    )
    # and a second sweep (beat's every minute) sends nothing again
    from mjc.core.jobs import sweep

    assert sweep() == 0
    time.sleep(1.5)
    assert_matched_and_told_once(gig, english, indonesian, bystander, mailbox)
    assert JobOutbox.objects.get(pk=waiting.pk).sent_at is not None


def test_housekeeping_through_the_worker_runs_twice_without_a_second_effect(broker, start_worker, mailbox):
    from mjc.core.jobs import enqueue

    overdue = GigFactory(status=GigStatus.OPEN, deadline=timezone.localdate() - timedelta(days=2))
    start_worker()
    from django.db import transaction

    for _ in range(2):
        with transaction.atomic():
            enqueue("gigs.expire_overdue")
    # (the first run also asks for a refresh of the figures it changed: core.refresh_summary)
    expiries = JobOutbox.objects.filter(task_name="gigs.expire_overdue", sent_at__isnull=False)
    wait_for(lambda: expiries.count() == 2, 10, what="both jobs sent")
    wait_for(
        lambda: Notification.objects.filter(kind="gig.expired", emailed_at__isnull=False).exists(),
        30,
        what="the expiry e-mail",
    )
    time.sleep(1.5)
    overdue.refresh_from_db()
    assert overdue.status == GigStatus.EXPIRED
    assert Notification.objects.filter(kind="gig.expired").count() == 1
    assert len(messages_in(mailbox)) == 1
