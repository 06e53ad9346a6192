"""The one client-address policy of the platform (issue 10, point 5).

Behind no proxy the client is the peer of the socket (``REMOTE_ADDR``) and a client-sent
``X-Forwarded-For`` means nothing: anyone can write it. Behind ``MJC_TRUSTED_PROXIES``
proxies of our own, each appends the address it saw, so the client is the entry that
many places from the right; the entries to its left were written by the client and are
ignored. DRF's throttles (``NUM_PROXIES``), allauth's rate limits (``ALLAUTH_TRUSTED_PROXY_COUNT``
and the account adapter) and everything else that keys on an address use this rule.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def trusted_proxies() -> int:
    return max(int(getattr(settings, "MJC_TRUSTED_PROXIES", 0) or 0), 0)


def client_ip(request) -> str:
    """The address of whoever sent ``request``, read through the trusted proxies only."""
    meta = request.META
    remote = (meta.get("REMOTE_ADDR") or "").strip()
    proxies = trusted_proxies()
    if proxies:
        chain = [part.strip() for part in (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if part.strip()]
        if chain:
            # a shorter chain than configured: the leftmost entry is the furthest our proxies saw
            candidate = chain[-min(proxies, len(chain))]
            if _valid(candidate):
                return candidate
    return remote or "0.0.0.0"  # noqa: S104 - a placeholder key, never bound
