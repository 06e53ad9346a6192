"""The one Celery app. Broker: REDIS_URL; without it jobs run inline (see settings)."""

import logging
import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mjc.settings")

app = Celery("mjc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


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
