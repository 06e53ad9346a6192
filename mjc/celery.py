"""The one Celery app. Broker: REDIS_URL; without it jobs run inline (see settings)."""

import logging
import os

from celery import Celery
from celery.signals import celeryd_init, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mjc.settings")

app = Celery("mjc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@celeryd_init.connect
def longer_statement_timeout(sender=None, **kwargs):
    """A worker runs jobs, not web requests: its statements may take up to
    MJC_DB_WORKER_STATEMENT_TIMEOUT_MS (the web's timeout is MJC_DB_STATEMENT_TIMEOUT_MS).
    Runs in the worker's main process before the pool starts, so every job's connection has it."""
    from django.conf import settings
    from django.db import connections

    from mjc.db_config import use_statement_timeout

    use_statement_timeout(settings.DATABASES, settings.MJC_DB_WORKER_STATEMENT_TIMEOUT_MS)
    connections.close_all()


@worker_ready.connect
def sweep_outbox_on_start(sender=None, **kwargs):
    """A worker that starts sends what waited in the outbox at once (no wait for beat)."""
    from django.db import connections

    from mjc.core.jobs import sweep

    try:
        sent = sweep()
        if sent:
            logger.info("outbox: sent %s waiting job(s) on start", sent)
    except Exception:  # never keep a worker from starting
        logger.exception("outbox sweep on worker start failed")
    finally:
        connections.close_all()
