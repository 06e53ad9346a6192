"""API tokens with a life (issue 10, point 9) and verification before writing (point 6).

A token is issued by ``token_issue`` (the key is returned once; a SHA-256 digest is kept),
expires ``MJC_TOKEN_LIFETIME`` after its last use, and the use that finds it older than
``MJC_TOKEN_TOUCH_INTERVAL`` pushes the expiry back (one write an hour, not one a request).

While ``ACCOUNT_EMAIL_VERIFICATION`` is ``mandatory`` an account without a verified address
may only use the API views that say ``allow_unverified = True`` (its own account, resending
the verification, logging out); everything else answers 403 ``email_unverified``. The check
lives in the authentication classes rather than in a permission class because most API
views name their own ``permission_classes``, which would silently drop a default one.
"""

from __future__ import annotations

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from mjc.accounts.errors import EmailUnverified
from mjc.accounts.models import ApiToken, User, token_digest

KEYWORD = "Token"


def verification_required() -> bool:
    return getattr(settings, "ACCOUNT_EMAIL_VERIFICATION", "optional") == "mandatory"


def user_is_verified(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    known = getattr(user, "email_verified", None)
    if known is None:
        known = user.is_superuser or EmailAddress.objects.filter(user=user, verified=True).exists()
        user.email_verified = known
    return bool(known)


def token_issue(*, user: User, client: str = "") -> str:
    """A new token for ``user``: returns the key, the only time it is seen."""
    key = secrets.token_hex(20)
    now = timezone.now()
    ApiToken.objects.create(
        user=user,
        digest=token_digest(key),
        prefix=key[:8],
        client=(client or "")[:200],
        created_at=now,
        last_used_at=now,
        expires_at=now + settings.MJC_TOKEN_LIFETIME,
    )
    return key


def token_touch(token: ApiToken, *, now=None) -> None:
    """Slide the expiry forward, writing at most once per touch interval."""
    now = now or timezone.now()
    if now - token.last_used_at < settings.MJC_TOKEN_TOUCH_INTERVAL:
        return
    token.last_used_at = now
    token.expires_at = now + settings.MJC_TOKEN_LIFETIME
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, expires_at=token.expires_at)


def _refuse_unverified(request, user) -> None:
    if not verification_required() or user_is_verified(user):
        return
    view = (getattr(request, "parser_context", None) or {}).get("view")
    if getattr(view, "allow_unverified", False):
        return
    raise EmailUnverified()


class ExpiringTokenAuthentication(authentication.TokenAuthentication):
    keyword = KEYWORD

    def authenticate_credentials(self, key):
        token = (
            ApiToken.objects.select_related("user")
            .annotate(user_verified=_verified_exists_for_token())
            .filter(digest=token_digest(key))
            .first()
        )
        now = timezone.now()
        if token is None or token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("This token is not valid (it may have expired or been revoked)."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        token.user.email_verified = token.user_verified or token.user.is_superuser
        token_touch(token, now=now)
        return token.user, token

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            _refuse_unverified(request, result[0])
        return result


def _verified_exists_for_token():
    return Exists(EmailAddress.objects.filter(user=OuterRef("user_id"), verified=True))


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, with the same verification rule as tokens (a browser
    session of an unverified account exists only where verification is optional anyway)."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            _refuse_unverified(request, result[0])
        return result
