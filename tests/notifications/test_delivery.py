"""E-mail delivery of notifications: language, preferences, once only, retries."""

import smtplib

import pytest
from django.core import mail
from django.db import transaction

from mjc.notifications.models import Notification
from mjc.notifications.services import notify, preferences_update
from mjc.notifications.tasks import deliver_email, is_transient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notify_emails_the_recipient_in_their_language_as_text_and_html(run_on_commit):
    # given an English-reading and an Indonesian-reading user
    english = UserFactory(language="en")
    indonesian = UserFactory(language="id")
    # when both are told their bid was accepted
    with run_on_commit(), transaction.atomic():
        for user in (english, indonesian):
            notify(
                recipient=user,
                kind="bid.accepted",
                params={"gig": "Logo kopi", "amount": "Rp 1.500.000"},
                url="/kontrak/1/",
                dedupe_key="bid.accepted:1",
            )
    # then each gets one e-mail in their own language, with plain text and HTML
    assert len(mail.outbox) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    en, id_ = by_recipient[english.email], by_recipient[indonesian.email]
    assert en.subject == "[MJC Jatim] Your bid on “Logo kopi” was accepted"
    assert "Hello" in en.body and "Open it here" in en.body
    assert "diterima" in id_.subject
    assert "Halo" in id_.body
    html, mimetype = id_.alternatives[0]
    assert mimetype == "text/html" and "Logo kopi" in html and 'lang="id"' in html
    assert "http://" in en.body and "/kontrak/1/" in en.body
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 2


def test_a_second_delivery_sends_nothing(run_on_commit):
    user = UserFactory()
    with run_on_commit(), transaction.atomic():
        notification = notify(
            recipient=user, kind="gig.expired", params={"gig": "Foto produk"}, dedupe_key="gig.expired:9"
        )
    assert len(mail.outbox) == 1
    # when the job runs again (a redelivery, a sweep duplicate)
    assert deliver_email.apply(args=[notification.pk]).get() is False
    assert len(mail.outbox) == 1


def test_the_same_event_notifies_once(run_on_commit):
    user = UserFactory()
    with run_on_commit(), transaction.atomic():
        first = notify(recipient=user, kind="gig.expired", params={"gig": "A"}, dedupe_key="gig.expired:1")
        second = notify(recipient=user, kind="gig.expired", params={"gig": "A"}, dedupe_key="gig.expired:1")
    assert first is not None and second is None
    assert Notification.objects.filter(recipient=user).count() == 1
    assert len(mail.outbox) == 1


def test_email_respects_the_preferences_but_in_app_is_always_on(run_on_commit):
    user = UserFactory()
    preferences_update(user=user, email_bids=False)
    with run_on_commit(), transaction.atomic():
        notify(
            recipient=user,
            kind="bid.new",
            params={"gig": "A", "creative": "Rina", "amount": "Rp 1", "days": 3},
            dedupe_key="bid.new:1",
        )
        notify(
            recipient=user,
            kind="message.new",
            params={"gig": "A", "sender": "Rina", "excerpt": "Halo"},
            dedupe_key="message.new:1",
        )
    assert Notification.objects.filter(recipient=user).count() == 2
    assert [message.subject for message in mail.outbox] == ["[MJC Jatim] Pesan baru tentang “A”"]
    assert Notification.objects.get(kind="bid.new").emailed_at is None


def test_transient_errors_are_retried_and_permanent_ones_are_not():
    assert is_transient(smtplib.SMTPServerDisconnected("gone"))
    assert is_transient(smtplib.SMTPConnectError(421, "busy"))
    assert is_transient(ConnectionRefusedError())
    assert is_transient(TimeoutError())
    assert is_transient(smtplib.SMTPResponseException(451, "try later"))
    assert not is_transient(smtplib.SMTPRecipientsRefused({"x@y": (550, b"no such user")}))
    assert not is_transient(smtplib.SMTPAuthenticationError(535, "bad login"))
    assert not is_transient(ValueError("bug"))


class FlakyBackend:
    """An e-mail backend whose server drops the connection twice, then accepts."""

    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls <= 2:
            raise smtplib.SMTPServerDisconnected("connection dropped")
        mail.outbox.extend(messages)
        return len(messages)


def test_a_dropped_connection_is_retried_until_the_mail_goes_out(settings):
    from mjc.celery import app

    app.conf.task_eager_propagates = False  # let the eager retries run
    request_finalizer = lambda: setattr(app.conf, "task_eager_propagates", True)  # noqa: E731
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery.FlakyBackend"
    FlakyBackend.calls = 0
    user = UserFactory()
    notification = Notification.objects.create(recipient=user, kind="gig.expired", title="t", dedupe_key="k")
    # when the job runs (eagerly, so the retries run at once instead of after the backoff)
    try:
        deliver_email.apply(args=[notification.pk])
    finally:
        request_finalizer()
    assert FlakyBackend.calls == 3
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x": (550, b"unknown user")})


def test_a_refused_recipient_is_not_retried(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_delivery.RefusingBackend"
    user = UserFactory()
    notification = Notification.objects.create(recipient=user, kind="gig.expired", title="t", dedupe_key="k")
    result = deliver_email.apply(args=[notification.pk], throw=False)
    assert isinstance(result.result, smtplib.SMTPRecipientsRefused)
    assert result.state == "FAILURE"
    notification.refresh_from_db()
    assert notification.emailed_at is None
