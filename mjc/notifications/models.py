from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mjc.notifications.kinds import DIGEST_KIND, KINDS, group_of, render


class Notification(models.Model):
    """One message for one person in the notification centre.

    ``dedupe_key`` is unique per recipient, so the same event never notifies anyone twice,
    however often the job that sends it runs.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=40)
    # what the words are made of: rendered in the reader's language when shown (kinds.py)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    dedupe_key = models.CharField(max_length=200, verbose_name=_("dedupe key"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["recipient", "dedupe_key"], name="notification_once_per_event")]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_feed"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.title

    def _words(self) -> tuple[str, str]:
        if self.params and self.kind in KINDS:
            try:
                return render(self.kind, self.params)
            except (KeyError, TypeError, ValueError):  # a kind whose words changed since: keep what was written
                pass
        return self.title, self.body

    @property
    def shown_title(self) -> str:
        """The title in the active language (the reader's)."""
        return self._words()[0]

    @property
    def shown_body(self) -> str:
        return self._words()[1]


class NotificationPreference(models.Model):
    """What a person wants by e-mail. In-app notifications are always on.

    A user without a row gets the defaults (every e-mail group on, no digest).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_gigs = models.BooleanField(_("gigs for you, invitations and expiry"), default=True)
    email_bids = models.BooleanField(_("bids"), default=True)
    email_contracts = models.BooleanField(_("contracts, deliveries and reviews"), default=True)
    email_messages = models.BooleanField(_("messages"), default=True)
    email_bookings = models.BooleanField(_("EJSC bookings and events"), default=True)
    daily_digest = models.BooleanField(_("daily digest of new matching gigs"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)

    def wants_email(self, kind: str) -> bool:
        if kind == DIGEST_KIND:
            return self.daily_digest
        group = group_of(kind)
        return True if group is None else getattr(self, f"email_{group}")
