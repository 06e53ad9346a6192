"""Settings of ``make bench`` only (scripts/bench.py): production settings (DEBUG off, the
manifest static files, persistent connections) served over plain http on 127.0.0.1, with
the bench's bare JSON view added (mjc/bench_urls.py). Production never loads this module."""

from mjc.settings import *  # noqa: F403

ROOT_URLCONF = "mjc.bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# plain http on the loopback: no redirect to https, cookies sent without TLS
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
