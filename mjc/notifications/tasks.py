"""Background jobs of the notification centre: e-mail delivery and the daily digest."""

import logging
import smtplib

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from mjc.core.formatting import single_line
from mjc.notifications.kinds import EMAIL_EXTRAS
from mjc.notifications.models import Notification
from mjc.notifications.selectors import preferences_for

logger = logging.getLogger(__name__)

EMAIL_MAX_RETRIES = 6
EMAIL_BACKOFF_MAX = 15 * 60


def is_transient(exc: BaseException) -> bool:
    """True for errors worth retrying: the mail server could not be reached or said "try later".

    smtplib's errors are OSErrors too, so a refused recipient or a failed login (permanent)
    must not be mistaken for a network failure.
    """
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPException):
        return False
    return isinstance(exc, OSError)


def absolute(url: str) -> str:
    if not url:
        return settings.SITE_URL.rstrip("/") + reverse("notifications:list")
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL.rstrip("/") + url


def build_email(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail of one notification, in the recipient's language, as plain text and HTML."""
    user = notification.recipient
    with translation.override(user.language or "id"):
        # what the app that owns the event adds (kinds.EMAIL_EXTRAS), e.g. the EJSC booking pass
        extras = (EMAIL_EXTRAS[notification.kind](notification) if notification.kind in EMAIL_EXTRAS else None) or {}
        context = {
            "notification": notification,
            "user": user,
            "link": absolute(notification.url),
            "preferences_link": absolute(reverse("notifications:preferences")),
            "site_url": settings.SITE_URL,
            "extra_lines": extras.get("lines", []),
        }
        # a title written before titles were cleaned may still hold a line break: never a header
        subject = single_line(f"[MJC Jatim] {notification.shown_title}")
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email])
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in extras.get("attachments", []):
        message.attach(filename, content, mimetype)
    message.extra_headers["Content-Language"] = user.language or "id"
    return message


@shared_task(
    name="notifications.deliver_email", bind=True, ignore_result=True, acks_late=True, max_retries=EMAIL_MAX_RETRIES
)
def deliver_email(self, notification_id: int) -> bool:
    """E-mail one notification if the recipient wants it; at most once.

    The row is locked while the mail is handed to the mail server and ``emailed_at`` is
    set in the same transaction, so a second run (a retry, a redelivery after a worker
    died, a duplicate from the outbox sweeper) finds it done and sends nothing.
    """
    try:
        with transaction.atomic():
            notification = (
                Notification.objects.select_for_update(of=("self",))
                .select_related("recipient")
                .filter(pk=notification_id, emailed_at__isnull=True)
                .first()
            )
            if notification is None:
                return False
            user = notification.recipient
            if not user.is_active or not user.email or not preferences_for(user=user).wants_email(notification.kind):
                return False
            build_email(notification).send()
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
            return True
    except Exception as exc:
        if not is_transient(exc):
            raise
        countdown = get_exponential_backoff_interval(
            factor=30, retries=self.request.retries, maximum=EMAIL_BACKOFF_MAX, full_jitter=True
        )
        logger.warning("e-mail of notification %s failed (%s); retry in %ss", notification_id, exc, countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
