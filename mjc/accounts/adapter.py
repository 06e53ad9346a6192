from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from mjc.core.clients import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return reverse("dashboard")

    def get_signup_redirect_url(self, request):
        return reverse("dashboard")

    def get_client_ip(self, request) -> str:
        # the platform's one client-address policy (MJC_TRUSTED_PROXIES), for every allauth limit
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth prefixes the site's domain, read from the Host header when django.contrib.sites
        # is not installed: one account would have a lock per host name the server answers to.
        # The lock is the account's, however it is reached (log-in page or token API).
        return (credentials.get("email") or credentials.get("username") or "").strip().lower()
