"""The one Celery app. Broker: REDIS_URL; without it jobs run inline (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mjc.settings")

app = Celery("mjc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
