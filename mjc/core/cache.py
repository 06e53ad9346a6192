"""The cache, degraded rather than failed when Redis is gone (issue 10, SPEC rule 9).

The cache holds nothing the platform needs to keep: DRF's throttles, allauth's rate limits
and their locks count in it. ``ResilientRedisCache`` is Django's ``RedisCache`` that, when
Redis cannot be reached, logs a warning (once a minute at most) and serves every call from a
small cache in this process instead, for ``DOWN_PAUSE`` seconds before it tries Redis again:

- reads miss whatever Redis held (fail open): nobody is refused because a counter is lost;
- nothing is written to Redis; writes land in the process's own store, so the throttles and
  the log-in and token rate limits keep counting per process while Redis is away — password
  guessing is still slowed, each process applying the configured limits on its own;
- no request waits for Redis: a refused connection fails in milliseconds, a silent one after
  ``socket_connect_timeout`` (settings), and then the pause skips Redis altogether.

Sessions never touch the cache (``SESSION_ENGINE`` is the database); the Celery broker is the
outbox's business (mjc/core/jobs.py). ``/healthz`` asks Redis itself (``ping``).
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
DOWN_PAUSE = 5.0  # seconds to serve from the process after Redis failed
LOG_EVERY = 60.0  # seconds between two warnings about the same outage
FALLBACK_ENTRIES = 20_000


class _State:
    """Shared by every thread's cache object of this process (Django makes one per thread)."""

    lock = threading.Lock()
    down_until = 0.0
    last_warning = 0.0
    outage = False


def _fallback_for(alias: str) -> LocMemCache:
    # LocMemCache instances of one name share their store across threads (module-level dicts)
    return LocMemCache(
        f"mjc-redis-fallback-{alias}", {"OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES, "CULL_FREQUENCY": 4}}
    )


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = _fallback_for(str(server))

    # --- the outage --------------------------------------------------------------------
    @staticmethod
    def redis_skipped() -> bool:
        return time.monotonic() < _State.down_until

    def _went_down(self, exc: Exception) -> None:
        now = time.monotonic()
        with _State.lock:
            _State.down_until = now + DOWN_PAUSE
            first = not _State.outage
            _State.outage = True
            if first or now - _State.last_warning >= LOG_EVERY:
                _State.last_warning = now
                logger.warning("Redis cache unavailable, counting in this process for now: %s", exc)

    @staticmethod
    def _came_back() -> None:
        if _State.outage:
            with _State.lock:
                if _State.outage:
                    _State.outage = False
                    logger.warning("Redis cache is back")

    def _call(self, name: str, *args, **kwargs):
        if self.redis_skipped():
            return getattr(self.fallback, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except REDIS_DOWN as exc:
            self._went_down(exc)
            return getattr(self.fallback, name)(*args, **kwargs)
        self._came_back()
        return result

    def ping(self) -> bool:
        """Whether Redis itself answers now (for /healthz; never the fallback)."""
        try:
            return bool(self._cache.get_client(None, write=True).ping())
        except REDIS_DOWN:
            return False

    # --- every operation of Django's RedisCache ------------------------------------------
    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
